//! Where output goes: stdout through one locked, buffered writer; stderr line by line.
//!
//! Nothing here uses `println!`: it panics when stdout is closed (`songngu ... | head`),
//! and it takes the stdout lock for every line. Write errors come back as [`OutputError`]
//! so the top level can tell a closed pipe (not an error: exit 0 quietly) from a real
//! failure such as a full disk.

use std::io::{self, BufWriter, Write};

/// Writing to standard output failed.
#[derive(Debug, thiserror::Error)]
#[error("cannot write to standard output: {0}")]
pub struct OutputError(#[source] pub io::Error);

impl OutputError {
    /// The reader went away (`| head -1`): the usual end of a pipeline, not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        self.0.kind() == io::ErrorKind::BrokenPipe
    }
}

impl From<io::Error> for OutputError {
    fn from(error: io::Error) -> OutputError {
        OutputError(error)
    }
}

/// Standard output, locked once and buffered for the whole run (or standard error, for
/// the report of a command whose output is standard output).
pub struct Output {
    writer: BufWriter<Box<dyn Write>>,
}

impl Output {
    pub fn stdout() -> Output {
        Output {
            writer: BufWriter::with_capacity(64 * 1024, Box::new(io::stdout().lock())),
        }
    }

    /// Standard error, for what would be printed on standard output when that carries
    /// the command's output itself (`-o -`).
    pub fn stderr() -> Output {
        Output {
            writer: BufWriter::with_capacity(8 * 1024, Box::new(io::stderr())),
        }
    }

    /// The writer itself, for content written as is (`-o -`).
    pub fn writer(&mut self) -> &mut dyn Write {
        &mut self.writer
    }

    /// Writes `text` as is.
    pub fn text(&mut self, text: &str) -> Result<(), OutputError> {
        Ok(self.writer.write_all(text.as_bytes())?)
    }

    /// Writes `text` and a line feed.
    pub fn line(&mut self, text: &str) -> Result<(), OutputError> {
        self.writer.write_all(text.as_bytes())?;
        Ok(self.writer.write_all(b"\n")?)
    }

    /// Writes one JSON Lines record: `value` as compact JSON and a line feed.
    pub fn json_line<T: serde::Serialize>(&mut self, value: &T) -> Result<(), OutputError> {
        // serde_json hands back the writer's own io::Error, so a broken pipe stays one.
        serde_json::to_writer(&mut self.writer, value).map_err(io::Error::from)?;
        Ok(self.writer.write_all(b"\n")?)
    }

    /// Pushes buffered output out; call before writing to stderr so the two interleave
    /// in the order they were produced.
    pub fn flush(&mut self) -> Result<(), OutputError> {
        Ok(self.writer.flush()?)
    }
}

/// Writes one line to standard error. If stderr itself is gone there is no one left to
/// tell, so the error is ignored (unlike `eprintln!`, which would panic).
pub fn stderr_line(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = stderr.write_all(text.as_bytes());
    let _ = stderr.write_all(b"\n");
}

/// Writes text to standard error as is, ignoring errors like [`stderr_line`].
pub fn stderr_text(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
}
