//! Reading a whole file, or standard input, with a size limit.
//!
//! Every file songngu reads whole goes through [`read`] (or [`read_from`] for an open
//! stream): articles, XLIFF, glossaries, query lists, SRX rules, the project file and the
//! accepted findings. Without a limit, `/dev/zero` or a pipe that never closes would be
//! read until memory runs out; with one, the read stops one byte past the limit and the
//! error names the file, the kind of input and the limit. The stream is read through
//! [`Read::take`], so an endless stream costs at most the limit, and a regular file that
//! is too large is refused from its size before a byte is read.
//!
//! TMX files are streamed, not read whole, and have limits of their own
//! ([`crate::tmx::Limits`]).

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::text::position::line_column;

/// One mebibyte, the unit limits are given in.
pub const MIB: u64 = 1 << 20;

/// What a file read whole is: it picks the default limit and names the input in errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputKind {
    /// An article, also a pre-segmented side of `align --segmented` and standard input.
    Article,
    /// An XLIFF work file.
    Xliff,
    /// A bilingual glossary.
    Glossary,
    /// A list of sentences to look up (`tm lookup --queries`).
    Queries,
    /// SRX segmentation rules.
    Srx,
    /// The project file `songngu.toml`.
    ProjectFile,
    /// The accepted findings (`accepted.toml`).
    Accepted,
}

impl InputKind {
    pub const ALL: [InputKind; 7] = [
        InputKind::Article,
        InputKind::Xliff,
        InputKind::Glossary,
        InputKind::Queries,
        InputKind::Srx,
        InputKind::ProjectFile,
        InputKind::Accepted,
    ];

    /// The limit in bytes when none is set. Far above any real file of the kind (the
    /// longest news articles are well under 1 MiB, the largest public SRX files under
    /// 1 MiB), and low enough that reading it at once is harmless.
    pub const fn default_limit(self) -> u64 {
        match self {
            InputKind::Article | InputKind::Xliff | InputKind::Glossary | InputKind::Queries => {
                64 * MIB
            }
            InputKind::Srx | InputKind::ProjectFile => 16 * MIB,
            // Grows by a few hundred bytes per accepted finding.
            InputKind::Accepted => 64 * MIB,
        }
    }

    /// Whether a user may need more than the default: the documents a newsroom feeds in
    /// (articles, work files, glossaries, query lists), as opposed to settings files.
    pub const fn configurable(self) -> bool {
        matches!(
            self,
            InputKind::Article | InputKind::Xliff | InputKind::Glossary | InputKind::Queries
        )
    }

    /// A stable name, for messages and JSON: `article`, `xliff`, `glossary`, `queries`,
    /// `srx`, `project`, `accepted`.
    pub const fn name(self) -> &'static str {
        match self {
            InputKind::Article => "article",
            InputKind::Xliff => "xliff",
            InputKind::Glossary => "glossary",
            InputKind::Queries => "queries",
            InputKind::Srx => "srx",
            InputKind::ProjectFile => "project",
            InputKind::Accepted => "accepted",
        }
    }

    /// The kind in an English sentence: "an article".
    fn described(self) -> &'static str {
        match self {
            InputKind::Article => "an article",
            InputKind::Xliff => "an XLIFF file",
            InputKind::Glossary => "a glossary",
            InputKind::Queries => "a queries file",
            InputKind::Srx => "an SRX file",
            InputKind::ProjectFile => "a project file",
            InputKind::Accepted => "an accepted-findings file",
        }
    }
}

/// The limits of one run: the documents a newsroom feeds in (articles, work files,
/// glossaries, query lists) may be given a limit of their own; settings files keep
/// theirs ([`InputKind::configurable`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Limits {
    /// The limit in bytes of the configurable kinds; `None`: their defaults.
    pub documents: Option<u64>,
}

impl Limits {
    /// Documents limited to `mib` MiB each.
    pub fn documents_mib(mib: u64) -> Limits {
        Limits {
            documents: Some(mib.saturating_mul(MIB)),
        }
    }

    /// The limit in bytes of `kind` in this run.
    pub fn of(&self, kind: InputKind) -> u64 {
        match self.documents {
            Some(limit) if kind.configurable() => limit,
            _ => kind.default_limit(),
        }
    }
}

/// A limit as people read it: `64 MiB`, or bytes when it is not a whole number of MiB.
pub fn limit_text(limit: u64) -> String {
    if limit >= MIB && limit.is_multiple_of(MIB) {
        format!("{} MiB", limit / MIB)
    } else {
        format!("{limit} bytes")
    }
}

/// Errors of reading a file whole.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The system could not open or read the file.
    #[error("cannot read `{}`: {source}", .path.display())]
    Io { path: PathBuf, source: io::Error },
    /// The file (or stream) holds more than `limit` bytes; reading stopped there.
    #[error(
        "`{}` is larger than the limit of {} for {}",
        .path.display(),
        limit_text(*.limit),
        .kind.described()
    )]
    TooLarge {
        path: PathBuf,
        kind: InputKind,
        limit: u64,
    },
    /// [`read_text`]: the bytes are not UTF-8. `offset` is a byte offset in the file;
    /// `line` and `column` (in characters) are 1-based.
    #[error("`{}`:{line}:{column}: invalid UTF-8 at byte {offset}", .path.display())]
    InvalidUtf8 {
        path: PathBuf,
        offset: usize,
        line: usize,
        column: usize,
    },
}

impl InputError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            InputError::Io { path, .. }
            | InputError::TooLarge { path, .. }
            | InputError::InvalidUtf8 { path, .. } => path,
        }
    }
}

/// Reads the file at `path` whole, refusing more than `limit` bytes. `kind` names the
/// input in the error. The path is taken as it is: `-` is a file named `-` here (see
/// [`read_from`] for standard input).
pub fn read(path: &Path, kind: InputKind, limit: u64) -> Result<Vec<u8>, InputError> {
    let io_error = |source| InputError::Io {
        path: path.to_owned(),
        source,
    };
    let file = File::open(path).map_err(io_error)?;
    // A regular file's size is known: refuse a large one before reading it. Special files
    // (devices, FIFOs) report 0 or nonsense, and `take` below bounds them.
    let size = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    if size.is_some_and(|size| size > limit) {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
            kind,
            limit,
        });
    }
    read_from(file, path, kind, limit, size)
}

/// Reads `reader` to its end, refusing more than `limit` bytes; `path` names it in errors
/// (`-` for standard input). `size_hint` presizes the buffer.
pub fn read_from(
    reader: impl Read,
    path: &Path,
    kind: InputKind,
    limit: u64,
    size_hint: Option<u64>,
) -> Result<Vec<u8>, InputError> {
    let capacity = size_hint.unwrap_or(0).min(limit).saturating_add(1);
    let mut bytes = Vec::with_capacity(usize::try_from(capacity).unwrap_or(0));
    // One byte past the limit tells "exactly the limit" from "more".
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| InputError::Io {
            path: path.to_owned(),
            source,
        })?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge {
            path: path.to_owned(),
            kind,
            limit,
        });
    }
    Ok(bytes)
}

/// Like [`read`], for a file that must be UTF-8 text; a byte order mark is kept (the
/// caller's parser decides about it). Invalid UTF-8 is reported with its line and column.
pub fn read_text(path: &Path, kind: InputKind, limit: u64) -> Result<String, InputError> {
    let bytes = read(path, kind, limit)?;
    String::from_utf8(bytes).map_err(|error| {
        let valid_up_to = error.utf8_error().valid_up_to();
        let (line, column) = line_column(error.as_bytes(), valid_up_to);
        InputError::InvalidUtf8 {
            path: path.to_owned(),
            offset: valid_up_to,
            line,
            column,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_stream_stops_one_byte_past_the_limit() {
        // `repeat` never ends, like `/dev/zero`.
        let error = read_from(
            io::repeat(0),
            Path::new("-"),
            InputKind::Article,
            1000,
            None,
        )
        .unwrap_err();
        match error {
            InputError::TooLarge { kind, limit, .. } => {
                assert_eq!((kind, limit), (InputKind::Article, 1000));
            }
            other => panic!("expected too large, got {other:?}"),
        }
    }

    #[test]
    fn exactly_the_limit_is_accepted() {
        let bytes = read_from(&[7u8; 10][..], Path::new("x"), InputKind::Srx, 10, None).unwrap();
        assert_eq!(bytes.len(), 10);
        assert!(read_from(&[7u8; 11][..], Path::new("x"), InputKind::Srx, 10, None).is_err());
    }

    #[test]
    fn a_large_regular_file_is_refused_from_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        std::fs::write(&path, vec![b'a'; 2048]).unwrap();
        assert!(read(&path, InputKind::Article, 4096).is_ok());
        let error = read(&path, InputKind::Glossary, 1024).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "`{}` is larger than the limit of 1024 bytes for a glossary",
                path.display()
            )
        );
    }

    #[test]
    fn the_message_names_the_limit_in_mib() {
        let error = InputError::TooLarge {
            path: PathBuf::from("songngu.toml"),
            kind: InputKind::ProjectFile,
            limit: 16 * MIB,
        };
        assert_eq!(
            error.to_string(),
            "`songngu.toml` is larger than the limit of 16 MiB for a project file"
        );
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("songngu.toml");
        std::fs::write(&path, b"source = \"en\"\ntarget = \"v\xffi\"\n").unwrap();
        match read_text(&path, InputKind::ProjectFile, MIB).unwrap_err() {
            InputError::InvalidUtf8 {
                offset,
                line,
                column,
                ..
            } => assert_eq!((offset, line, column), (25, 2, 12)),
            other => panic!("expected invalid UTF-8, got {other:?}"),
        }
    }

    #[test]
    fn a_missing_file_is_an_io_error() {
        let error = read(
            Path::new("/nonexistent/songngu.toml"),
            InputKind::ProjectFile,
            MIB,
        )
        .unwrap_err();
        assert!(
            matches!(&error, InputError::Io { source, .. } if source.kind() == io::ErrorKind::NotFound)
        );
    }
}
