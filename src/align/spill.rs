//! One side of a bitext kept in a temporary file, read back a range of sentences at a
//! time: what lets a long article be aligned without holding its text (see
//! [`Sentences`]). In memory stay four bytes per sentence (where it ends, see [`Ends`])
//! and one size per paragraph.

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::ops::Range;

use super::source::{Sentences, Texts};

/// Sentences written one after the other to an unnamed temporary file (gone with the
/// process, whatever happens to it).
pub struct SpilledSentences {
    file: File,
    ends: Ends,
    sizes: Vec<usize>,
}

/// Where each sentence ends in the file, four bytes a sentence: the low 32 bits of each
/// end, and the sentences at which the high bits go up by one (a file past 4 GiB has a
/// few). An article of 500,000 sentences kept its ends in 4 MB a side as `u64`s.
#[derive(Debug, Default)]
struct Ends {
    low: Vec<u32>,
    /// Sentence indices, ascending, one per 4 GiB crossed at that sentence's end (a
    /// sentence longer than 4 GiB is listed once per crossing).
    wraps: Vec<usize>,
    /// Where the last sentence ends.
    last: u64,
}

impl Ends {
    fn push(&mut self, end: u64) {
        let i = self.low.len();
        for _ in (self.last >> 32)..(end >> 32) {
            self.wraps.push(i);
        }
        self.low.push(end as u32);
        self.last = end;
    }

    fn len(&self) -> usize {
        self.low.len()
    }

    /// Where sentence `i` ends.
    fn end(&self, i: usize) -> u64 {
        let high = self.wraps.partition_point(|&w| w <= i) as u64;
        (high << 32) | u64::from(self.low[i])
    }

    /// Where sentence `i` starts (`i` may be the count: the end of the last).
    fn start(&self, i: usize) -> u64 {
        if i == 0 { 0 } else { self.end(i - 1) }
    }

    fn shrink_to_fit(&mut self) {
        self.low.shrink_to_fit();
        self.wraps.shrink_to_fit();
    }

    fn bytes_held(&self) -> usize {
        self.low.capacity() * 4 + self.wraps.capacity() * std::mem::size_of::<usize>()
    }
}

/// Writes the sentences of a side, paragraph by paragraph.
pub struct SpillWriter {
    out: BufWriter<File>,
    ends: Ends,
    sizes: Vec<usize>,
    /// Sentences of the paragraph being written.
    open: usize,
}

impl SpillWriter {
    /// A writer to a new temporary file.
    pub fn new() -> io::Result<SpillWriter> {
        Ok(SpillWriter {
            out: BufWriter::with_capacity(1 << 20, tempfile::tempfile()?),
            ends: Ends::default(),
            sizes: Vec::new(),
            open: 0,
        })
    }

    /// Adds a sentence to the paragraph being written.
    pub fn sentence(&mut self, text: &str) -> io::Result<()> {
        self.out.write_all(text.as_bytes())?;
        self.ends.push(self.ends.last + text.len() as u64);
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
        let (mut ends, mut sizes) = (self.ends, self.sizes);
        ends.shrink_to_fit();
        sizes.shrink_to_fit();
        Ok(SpilledSentences { file, ends, sizes })
    }
}

impl SpilledSentences {
    /// How many sentences it holds.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The bytes it holds in memory (not the file): about four a sentence and eight a
    /// paragraph.
    pub fn bytes_held(&self) -> usize {
        self.ends.bytes_held() + self.sizes.capacity() * std::mem::size_of::<usize>()
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
        if range.start > range.end || range.end > self.len() {
            return Err(io::Error::other(
                "a sentence past the end of the temporary file",
            ));
        }
        let (start, end) = (self.ends.start(range.start), self.ends.start(range.end));
        let mut bytes = vec![0; (end - start) as usize];
        let mut file = &self.file;
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(&mut bytes)?;
        let text =
            String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
        let ends = range.clone().map(|i| (self.ends.end(i) - start) as usize);
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

    #[test]
    fn ends_past_4_gib_keep_their_high_bits() {
        let mut ends = Ends::default();
        let gib4 = 1u64 << 32;
        // A sentence that crosses 4 GiB, one that crosses 8 and 12 GiB at once, one after.
        for end in [10, gib4 + 5, 3 * gib4 + 7, 3 * gib4 + 9] {
            ends.push(end);
        }
        let got: Vec<u64> = (0..4).map(|i| ends.end(i)).collect();
        assert_eq!(got, [10, gib4 + 5, 3 * gib4 + 7, 3 * gib4 + 9]);
        assert_eq!((ends.start(0), ends.start(2)), (0, gib4 + 5));
        // Four bytes a sentence, and one word per crossing.
        assert!(ends.bytes_held() <= 4 * 4 + 3 * 8 + 64);
    }
}
