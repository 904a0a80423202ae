//! Where the aligner reads sentences from: one side of a bitext as paragraph sizes, and
//! the texts of any range of sentences on request.
//!
//! The aligner never needs every sentence's text at once: paragraph summaries are built a
//! paragraph at a time, and each paragraph group is aligned on its own. So a side can live
//! in memory ([`InMemory`], what [`align`](super::align) takes) or on disk (a caller's
//! [`Sentences`], as `flow::align` spills an article), with the same links either way.

use std::convert::Infallible;
use std::ops::Range;

/// One side of a bitext, read a range of sentences at a time.
pub trait Sentences {
    type Error;
    /// How many sentences each paragraph has, in order (an empty paragraph counts: it
    /// is aligned like the others).
    fn paragraph_sizes(&self) -> &[usize];
    /// The texts of the sentences in `range` (global 0-based indices), in order, into
    /// `texts` in place of what it held.
    fn read(&self, range: Range<usize>, texts: &mut Texts) -> Result<(), Self::Error>;
}

/// The texts of a range of sentences, in one buffer (one allocation however many there
/// are), reused from read to read.
#[derive(Debug, Default, Clone)]
pub struct Texts {
    first: usize,
    text: String,
    ends: Vec<usize>,
}

impl Texts {
    /// Empties it for sentences from `first` on.
    pub fn start(&mut self, first: usize) {
        self.first = first;
        self.text.clear();
        self.ends.clear();
    }

    /// Adds the next sentence.
    pub fn push(&mut self, sentence: &str) {
        self.text.push_str(sentence);
        self.ends.push(self.text.len());
    }

    /// Holds `text`, sentences from `first` on that end at `ends` (ascending, the last
    /// at the end of `text`); none when an end is not at a character boundary.
    pub fn set(
        &mut self,
        first: usize,
        text: String,
        ends: impl IntoIterator<Item = usize>,
    ) -> Option<()> {
        self.start(first);
        self.ends.extend(ends);
        let mut last = 0;
        for &end in &self.ends {
            if end < last || !text.is_char_boundary(end) {
                self.ends.clear();
                return None;
            }
            last = end;
        }
        if last != text.len() {
            self.ends.clear();
            return None;
        }
        self.text = text;
        Some(())
    }

    /// The sentences held.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The bytes of text held.
    pub fn bytes(&self) -> usize {
        self.text.len()
    }

    /// The global indices of the sentences held.
    pub fn range(&self) -> Range<usize> {
        self.first..self.first + self.ends.len()
    }

    /// The sentence of global index `i`, if held.
    pub fn get(&self, i: usize) -> Option<&str> {
        let k = i.checked_sub(self.first)?;
        let end = *self.ends.get(k)?;
        let start = if k == 0 { 0 } else { self.ends[k - 1] };
        Some(&self.text[start..end])
    }

    /// The sentences held, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(s, &e)| &self.text[s..e])
    }
}

/// Paragraphs of sentences held in memory.
pub struct InMemory<'a> {
    sentences: Vec<&'a str>,
    sizes: Vec<usize>,
}

impl<'a> InMemory<'a> {
    pub fn new(paragraphs: &'a [Vec<String>]) -> InMemory<'a> {
        InMemory {
            sentences: paragraphs.iter().flatten().map(String::as_str).collect(),
            sizes: paragraphs.iter().map(Vec::len).collect(),
        }
    }
}

impl Sentences for InMemory<'_> {
    type Error = Infallible;

    fn paragraph_sizes(&self) -> &[usize] {
        &self.sizes
    }

    fn read(&self, range: Range<usize>, texts: &mut Texts) -> Result<(), Infallible> {
        texts.start(range.start);
        for s in self.sentences.get(range).unwrap_or_default() {
            texts.push(s);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_index_by_global_position() {
        let paragraphs = vec![
            vec!["A.".to_string(), "Bb.".to_string()],
            vec![],
            vec!["C.".to_string()],
        ];
        let source = InMemory::new(&paragraphs);
        assert_eq!(source.paragraph_sizes(), [2, 0, 1]);
        let mut texts = Texts::default();
        let Ok(()) = source.read(1..3, &mut texts);
        assert_eq!(
            (texts.get(0), texts.get(1), texts.get(2)),
            (None, Some("Bb."), Some("C."))
        );
        assert_eq!(texts.iter().collect::<Vec<_>>(), ["Bb.", "C."]);
        assert_eq!((texts.range(), texts.bytes()), (1..3, 5));
    }
}
