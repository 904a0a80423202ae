//! One side of a bitext kept in a temporary file, read back a range of sentences at a
//! time: what lets a long article be aligned without holding its text (see
//! [`Sentences`]). In memory stay one offset per sentence and one size per paragraph.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::ops::Range;

use super::source::{Sentences, Texts};

/// Sentences written one after the other to an unnamed temporary file (gone with the
/// process, whatever happens to it).
pub struct SpilledSentences {
    file: File,
    /// Where each sentence starts in the file, and where the last ends.
    offsets: Vec<u64>,
    sizes: Vec<usize>,
}

/// Writes the sentences of a side, paragraph by paragraph.
pub struct SpillWriter {
    out: BufWriter<File>,
    offsets: Vec<u64>,
    sizes: Vec<usize>,
    /// Sentences of the paragraph being written.
    open: usize,
}

impl SpillWriter {
    /// A writer to a new temporary file.
    pub fn new() -> io::Result<SpillWriter> {
        Ok(SpillWriter {
            out: BufWriter::with_capacity(1 << 20, tempfile::tempfile()?),
            offsets: vec![0],
            sizes: Vec::new(),
            open: 0,
        })
    }

    /// Adds a sentence to the paragraph being written.
    pub fn sentence(&mut self, text: &str) -> io::Result<()> {
        self.out.write_all(text.as_bytes())?;
        let end = self.offsets.last().copied().unwrap_or(0) + text.len() as u64;
        self.offsets.push(end);
        self.open += 1;
        Ok(())
    }

    /// Ends the paragraph being written (an empty one too).
    pub fn end_paragraph(&mut self) {
        self.sizes.push(std::mem::take(&mut self.open));
    }

    /// Sentences written since the last paragraph ended.
    pub fn open_sentences(&self) -> usize {
        self.open
    }

    /// The side written, ready to read; a paragraph still open is ended.
    pub fn finish(mut self) -> io::Result<SpilledSentences> {
        if self.open > 0 {
            self.end_paragraph();
        }
        let file = self
            .out
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        let mut offsets = self.offsets;
        offsets.shrink_to_fit();
        Ok(SpilledSentences {
            file,
            offsets,
            sizes: self.sizes,
        })
    }
}

impl SpilledSentences {
    /// How many sentences it holds.
    pub fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The sentences at `indices` (ascending), joined by one space; indices past the end
    /// are left out.
    pub fn joined(&self, indices: &[usize]) -> io::Result<String> {
        let (Some(&first), Some(&last)) = (indices.first(), indices.last()) else {
            return Ok(String::new());
        };
        let mut texts = Texts::default();
        self.read(first..(last + 1).min(self.len()).max(first), &mut texts)?;
        let parts: Vec<&str> = indices.iter().filter_map(|&i| texts.get(i)).collect();
        Ok(parts.join(" "))
    }
}

impl Sentences for SpilledSentences {
    type Error = io::Error;

    fn paragraph_sizes(&self) -> &[usize] {
        &self.sizes
    }

    fn read(&self, range: Range<usize>, texts: &mut Texts) -> io::Result<()> {
        let outside = || io::Error::other("a sentence past the end of the temporary file");
        let offsets = self
            .offsets
            .get(range.start..=range.end)
            .ok_or_else(outside)?;
        let (start, end) = (offsets[0], offsets[offsets.len() - 1]);
        let mut bytes = vec![0; (end - start) as usize];
        let mut file = &self.file;
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(&mut bytes)?;
        let text =
            String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let ends = offsets[1..].iter().map(|&o| (o - start) as usize);
        texts.set(range.start, text, ends).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                "a sentence split inside a character",
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_what_was_written_by_range() {
        let mut writer = SpillWriter::new().unwrap();
        for s in ["Một.", "Hai ba."] {
            writer.sentence(s).unwrap();
        }
        writer.end_paragraph();
        writer.end_paragraph();
        writer.sentence("Bốn.").unwrap();
        let side = writer.finish().unwrap();
        assert_eq!(side.paragraph_sizes(), [2, 0, 1]);
        let mut texts = Texts::default();
        side.read(1..3, &mut texts).unwrap();
        assert_eq!(texts.iter().collect::<Vec<_>>(), ["Hai ba.", "Bốn."]);
        side.read(3..3, &mut texts).unwrap();
        assert!(texts.is_empty());
        assert!(side.read(2..4, &mut texts).is_err());
        assert_eq!(side.joined(&[0, 1]).unwrap(), "Một. Hai ba.");
        assert_eq!(side.joined(&[]).unwrap(), "");
    }
}
