//! Concordance: where a word or phrase occurs in one side of the memory (sources or
//! targets), with its byte ranges for highlighting.
//!
//! # What matches
//!
//! A phrase matches a run of **whole tokens** (see [`tokens`]): `Nội` is found in
//! `Hà Nội,` but `an` is not found in `toàn` or `Anh`, and `200` is not found in `1,200`.
//! In Vietnamese every space-separated syllable is a token, and searching inside syllables
//! is almost always noise (with diacritics folded, `an` would hit `ăn`, `ân`, `bản`,
//! `toàn`, `Anh`...); a compound word is found by typing its syllables (`thời sự`). The
//! price is in English: `elect` does not find `election`; search for the word you mean.
//!
//! The tokens of the phrase must follow each other in the text; the white space between
//! them is not compared (`Hà Nội` matches `Hà  Nội` and a line break), punctuation is
//! (`Hà Nội` does not match `Hà, Nội`). Occurrences are reported left to right, without
//! overlaps (`ha ha` in `ha ha ha` is one occurrence).
//!
//! With [`SearchOptions::diacritic_insensitive`] tokens are compared by
//! [`fold`](crate::text::normalize::fold) (`Hung` finds `Hùng`, `Hưng` and `hung`, and `Hùng` finds
//! `Hung`); without it, marks count. [`SearchOptions::case_sensitive`] makes case count.
//! Texts are compared in NFC, whatever form they were inserted in, and the ranges point
//! into the text as inserted.
//!
//! # Cost
//!
//! Per token the index keeps a word id and its byte range (12 bytes), and per entry and
//! distinct token one posting (4 bytes): with sentences of ~25 tokens, about 400 bytes an
//! entry, 40 MB for 100,000 units, plus the vocabulary. The texts themselves are not kept.
//! A search intersects the postings of the phrase's fold classes, rarest first, then
//! checks the token runs of the remaining entries; a phrase made only of very frequent
//! words (`the`) still has to visit every entry that holds it.

use std::ops::Range;

use serde::Serialize;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::cache::{ImageWriter, IndexBytes};
use super::fuzzy::{Postings, postings_iter};
use super::interner::{Interner, InternerRef, fold_key};
use crate::text::normalize::{fold_with, normalize};
use crate::text::tokens::tokens;

/// How [`ConcordanceIndex::search`] compares tokens. The default is diacritic-sensitive
/// and case-insensitive, as in most CAT tools.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
pub struct SearchOptions {
    /// Ignore diacritics (and `đ`/`d`): `Hung` finds `Hùng`.
    pub diacritic_insensitive: bool,
    /// Tell upper and lower case apart.
    pub case_sensitive: bool,
}

/// The occurrences of a phrase in one text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ConcordanceHit {
    /// The id given to [`ConcordanceIndex::insert`].
    pub id: u32,
    /// Byte ranges of the occurrences in the text as inserted, in order, not overlapping.
    pub ranges: Vec<Range<usize>>,
}

/// A phrase index over `(id, text)` pairs of one side of a memory.
///
/// ```
/// use songngu::memory::concordance::{ConcordanceIndex, SearchOptions};
///
/// let mut index = ConcordanceIndex::new();
/// let text = "Ông Nguyễn Văn Hùng đến Hà Nội.";
/// index.insert(4, text);
/// let loose = SearchOptions { diacritic_insensitive: true, case_sensitive: false };
/// let hits = index.search("van hung", loose);
/// assert_eq!(hits.len(), 1);
/// assert_eq!(&text[hits[0].ranges[0].clone()], "Văn Hùng");
/// assert!(index.search("Hung", SearchOptions::default()).is_empty());
/// ```
#[derive(Debug, Clone, Default)]
pub struct ConcordanceIndex {
    /// Token text in NFC → word id.
    words: Interner,
    /// Word id → fold class.
    word_fold: Vec<u32>,
    /// Kind-tagged folded text → fold class.
    folds: Interner,
    /// Fold class → entries holding it, ascending, each once.
    postings: Vec<Vec<u32>>,
    /// Entry → caller's id.
    ids: Vec<u32>,
    /// Entry → end of its tokens in `tokens`, `starts` and `ends`.
    token_ends: Vec<usize>,
    /// Word id of every token of every entry.
    tokens: Vec<u32>,
    /// Byte range of every token in its text.
    starts: Vec<u32>,
    ends: Vec<u32>,
}

/// How one phrase token accepts a stored word, beyond sharing its fold class.
enum Check {
    /// The fold class is enough (diacritic- and case-insensitive).
    Fold,
    /// The very word (diacritic- and case-sensitive; words are NFC).
    Word(u32),
    /// The word's key under the options must equal this.
    Key(String),
}

impl ConcordanceIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// The number of texts.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the index holds no text.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Adds `text` under `id`; ids are the caller's and should be unique. Tokens beyond
    /// the first 4 GiB of a text, or past 2^31 distinct tokens, are not indexed (the limit
    /// of the compact layout; far beyond any memory).
    pub fn insert(&mut self, id: u32, text: &str) {
        let Ok(entry) = u32::try_from(self.ids.len()) else {
            return;
        };
        let mut classes = Vec::new();
        for token in tokens(text) {
            let (Ok(start), Ok(end)) = (
                u32::try_from(token.range.start),
                u32::try_from(token.range.end),
            ) else {
                break;
            };
            let piece = &text[token.range];
            let nfc = if is_nfc_quick(piece.chars()) == IsNormalized::Yes {
                std::borrow::Cow::Borrowed(piece)
            } else {
                std::borrow::Cow::Owned(piece.nfc().collect::<String>())
            };
            let word = match self.words.get(&nfc) {
                Some(word) => word,
                None => {
                    let Some(fold) = self.folds.intern(&fold_key(&nfc, token.kind)) else {
                        break;
                    };
                    if fold as usize == self.postings.len() {
                        self.postings.push(Vec::new());
                    }
                    let Some(word) = self.words.intern(&nfc) else {
                        break;
                    };
                    self.word_fold.push(fold);
                    word
                }
            };
            classes.push(self.word_fold[word as usize]);
            self.tokens.push(word);
            self.starts.push(start);
            self.ends.push(end);
        }
        classes.sort_unstable();
        classes.dedup();
        for class in classes {
            self.postings[class as usize].push(entry);
        }
        self.token_ends.push(self.tokens.len());
        self.ids.push(id);
    }

    /// The texts holding `phrase`, ordered by id (insertion order among equal ids), each
    /// with the ranges of every occurrence. An empty phrase (or white space) finds nothing.
    pub fn search(&self, phrase: &str, options: SearchOptions) -> Vec<ConcordanceHit> {
        let phrase = normalize(phrase);
        let mut folds = Vec::new();
        let mut checks = Vec::new();
        for token in tokens(&phrase) {
            let piece = &phrase[token.range];
            // A token the index has never seen, even folded, is in no text.
            let Some(fold) = self.folds.get(&fold_key(piece, token.kind)) else {
                return Vec::new();
            };
            folds.push(fold);
            checks.push(
                match (options.diacritic_insensitive, options.case_sensitive) {
                    (true, false) => Check::Fold,
                    (true, true) => Check::Key(fold_with(piece, false)),
                    (false, false) => Check::Key(lowercase(piece)),
                    (false, true) => match self.words.get(piece) {
                        Some(word) => Check::Word(word),
                        None => return Vec::new(),
                    },
                },
            );
        }
        if folds.is_empty() {
            return Vec::new();
        }
        let candidates = self.candidates(&folds);
        // Whether a stored word passes a `Check::Key`, per phrase token, computed once. Only
        // words of the token's fold class get here, a handful of spellings (`the`, `The`,
        // `THE`), so a short list beats a hash map.
        let mut memo: Vec<Vec<(u32, bool)>> = checks.iter().map(|_| Vec::new()).collect();
        let mut accepts = |i: usize, word: u32| -> bool {
            if self.word_fold[word as usize] != folds[i] {
                return false;
            }
            match &checks[i] {
                Check::Fold => true,
                Check::Word(expected) => word == *expected,
                Check::Key(key) => {
                    if let Some(&(_, known)) = memo[i].iter().find(|(w, _)| *w == word) {
                        return known;
                    }
                    let text = self.words.get_str(word).unwrap_or_default();
                    let stored = if options.case_sensitive {
                        fold_with(text, false)
                    } else {
                        lowercase(text)
                    };
                    memo[i].push((word, stored == *key));
                    stored == *key
                }
            }
        };
        let n = folds.len();
        let mut hits = Vec::new();
        for entry in candidates {
            let entry = entry as usize;
            let first = if entry == 0 {
                0
            } else {
                self.token_ends[entry - 1]
            };
            let words = &self.tokens[first..self.token_ends[entry]];
            let mut ranges = Vec::new();
            let mut j = 0;
            while j + n <= words.len() {
                if (0..n).all(|i| accepts(i, words[j + i])) {
                    ranges.push(
                        self.starts[first + j] as usize..self.ends[first + j + n - 1] as usize,
                    );
                    j += n;
                } else {
                    j += 1;
                }
            }
            if !ranges.is_empty() {
                hits.push(ConcordanceHit {
                    id: self.ids[entry],
                    ranges,
                });
            }
        }
        // Stable: equal ids keep insertion order.
        hits.sort_by_key(|hit| hit.id);
        hits
    }

    /// The entries holding every fold class of `folds`: the intersection of their
    /// postings, from the shortest list, by binary search in the longer ones.
    fn candidates(&self, folds: &[u32]) -> Vec<u32> {
        let mut lists: Vec<&Vec<u32>> = folds.iter().map(|&f| &self.postings[f as usize]).collect();
        lists.sort_by_key(|list| list.len());
        lists.dedup_by(|a, b| std::ptr::eq(*a, *b));
        let Some((shortest, rest)) = lists.split_first() else {
            return Vec::new();
        };
        let mut candidates = (*shortest).clone();
        for list in rest {
            candidates.retain(|entry| list.binary_search(entry).is_ok());
        }
        candidates
    }

    /// Heap bytes held by the index (capacities).
    pub fn memory_usage(&self) -> usize {
        self.words.memory_usage()
            + self.folds.memory_usage()
            + self.word_fold.capacity() * 4
            + self.postings.capacity() * std::mem::size_of::<Vec<u32>>()
            + self
                .postings
                .iter()
                .map(|p| p.capacity() * 4)
                .sum::<usize>()
            + self.ids.capacity() * 4
            + self.token_ends.capacity() * std::mem::size_of::<usize>()
            + (self.tokens.capacity() + self.starts.capacity() + self.ends.capacity()) * 4
    }

    /// Returns the slack of growing vectors to the allocator, after a bulk load.
    pub fn shrink_to_fit(&mut self) {
        self.words.shrink_to_fit();
        self.folds.shrink_to_fit();
        self.word_fold.shrink_to_fit();
        self.postings.shrink_to_fit();
        for list in &mut self.postings {
            list.shrink_to_fit();
        }
        self.ids.shrink_to_fit();
        self.token_ends.shrink_to_fit();
        self.tokens.shrink_to_fit();
        self.starts.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// The fold class keys of a phrase's tokens, as [`ConcordanceIndex::search`] looks them up.
pub(crate) fn phrase_keys(phrase: &str) -> Vec<String> {
    let phrase = normalize(phrase);
    tokens(&phrase)
        .map(|token| fold_key(&phrase[token.range.clone()], token.kind))
        .collect()
}

/// The fold classes of the texts of one side of a file, each with the entries holding it:
/// what a persisted concordance index keeps to find the candidates of a phrase (the
/// entries holding every class of it, as [`ConcordanceIndex::search`] finds them). The
/// phrase is then matched in each candidate's text.
#[derive(Debug, Default)]
pub(crate) struct ClassPostings {
    /// Token text in NFC → word id, so that a token's class is folded once per word.
    words: Interner,
    word_fold: Vec<u32>,
    folds: Interner,
    postings: Vec<Postings>,
}

/// The number of sections [`ClassPostings::write_sections`] writes.
pub(crate) const CLASS_SECTIONS: usize = 5;

impl ClassPostings {
    /// Adds the classes of `text` under `entry`; entries come in ascending order.
    /// Tokenized as [`ConcordanceIndex::insert`] does.
    pub(crate) fn add(&mut self, entry: u32, text: &str) {
        for token in tokens(text) {
            let piece = &text[token.range];
            let nfc = if is_nfc_quick(piece.chars()) == IsNormalized::Yes {
                std::borrow::Cow::Borrowed(piece)
            } else {
                std::borrow::Cow::Owned(piece.nfc().collect::<String>())
            };
            let fold = match self.words.get(&nfc) {
                Some(word) => self.word_fold[word as usize],
                None => {
                    let Some(fold) = self.folds.intern(&fold_key(&nfc, token.kind)) else {
                        break;
                    };
                    if fold as usize == self.postings.len() {
                        self.postings.push(Postings::default());
                    }
                    if self.words.intern(&nfc).is_none() {
                        break;
                    }
                    self.word_fold.push(fold);
                    fold
                }
            };
            // Repeats of the class in the same entry are skipped by `push`.
            self.postings[fold as usize].push(entry);
        }
    }

    /// Writes the classes and their postings as [`CLASS_SECTIONS`] sections.
    pub(crate) fn write_sections(self, out: &mut ImageWriter) {
        self.folds.write_sections(out);
        let mut ends = Vec::with_capacity(self.postings.len());
        let mut bytes = Vec::new();
        for list in &self.postings {
            bytes.extend_from_slice(list.bytes());
            ends.push(bytes.len() as u64);
        }
        out.put(&ends);
        out.put(&bytes);
    }

    /// An upper bound of the bytes [`Self::write_sections`] writes.
    pub(crate) fn written_size(&self) -> usize {
        self.folds.written_size()
            + self.postings.len() * 8
            + self.postings.iter().map(|p| p.bytes().len()).sum::<usize>()
            + 64
    }
}

/// [`ClassPostings`] as a persisted index holds them.
pub(crate) struct ClassView<'a> {
    folds: InternerRef<'a>,
    ends: &'a [u64],
    bytes: &'a [u8],
}

impl<'a> ClassView<'a> {
    /// Sections `first..first + CLASS_SECTIONS` of `index`; with `check`, `None` unless
    /// they hold together.
    pub(crate) fn read(index: &'a IndexBytes, first: usize, check: bool) -> Option<Self> {
        let folds = InternerRef::read(index, first, check)?;
        let view = ClassView {
            folds,
            ends: index.section(first + 3)?,
            bytes: index.section(first + 4)?,
        };
        let holds = view.ends.len() == view.folds.len()
            && view.ends.is_sorted()
            && view
                .ends
                .last()
                .is_none_or(|&e| e as usize <= view.bytes.len());
        (!check || holds).then_some(view)
    }

    /// The entries holding every class of `keys` ([`phrase_keys`]), ascending.
    pub(crate) fn candidates(&self, keys: &[String]) -> Vec<u32> {
        let mut lists = Vec::with_capacity(keys.len());
        for key in keys {
            let Some(fold) = self.folds.get(key) else {
                return Vec::new();
            };
            let fold = fold as usize;
            let start = if fold == 0 {
                0
            } else {
                self.ends[fold - 1] as usize
            };
            lists.push(&self.bytes[start..self.ends[fold] as usize]);
        }
        lists.sort_by_key(|list| list.len());
        lists.dedup();
        let Some((shortest, rest)) = lists.split_first() else {
            return Vec::new();
        };
        let mut candidates: Vec<u32> = postings_iter(shortest).collect();
        for list in rest {
            let others: Vec<u32> = postings_iter(list).collect();
            candidates.retain(|entry| others.binary_search(entry).is_ok());
        }
        candidates
    }
}

/// The case-insensitive, diacritic-sensitive key of an NFC token.
fn lowercase(text: &str) -> String {
    let lower = text.to_lowercase();
    if is_nfc_quick(lower.chars()) == IsNormalized::Yes {
        lower
    } else {
        lower.nfc().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;
    use proptest::prelude::*;

    const EXACT: SearchOptions = SearchOptions {
        diacritic_insensitive: false,
        case_sensitive: true,
    };
    const NO_CASE: SearchOptions = SearchOptions {
        diacritic_insensitive: false,
        case_sensitive: false,
    };
    const NO_MARKS: SearchOptions = SearchOptions {
        diacritic_insensitive: true,
        case_sensitive: true,
    };
    const LOOSE: SearchOptions = SearchOptions {
        diacritic_insensitive: true,
        case_sensitive: false,
    };
    const ALL: [SearchOptions; 4] = [EXACT, NO_CASE, NO_MARKS, LOOSE];

    fn found<'a>(
        index: &ConcordanceIndex,
        texts: &'a [&'a str],
        phrase: &str,
        options: SearchOptions,
    ) -> Vec<(u32, Vec<&'a str>)> {
        index
            .search(phrase, options)
            .into_iter()
            .map(|hit| {
                (
                    hit.id,
                    hit.ranges
                        .iter()
                        .map(|r| &texts[hit.id as usize][r.clone()])
                        .collect(),
                )
            })
            .collect()
    }

    fn build(texts: &[&str]) -> ConcordanceIndex {
        let mut index = ConcordanceIndex::new();
        for (id, text) in texts.iter().enumerate() {
            index.insert(id as u32, text);
        }
        index
    }

    #[test]
    fn diacritics_and_case() {
        let texts = [
            "Ông Hùng phát biểu.",
            "Anh Hung và chị Hưng.",
            "HÙNG",
            "Hung-Hùng",
        ];
        let index = build(&texts);
        assert_eq!(
            found(&index, &texts, "Hung", EXACT),
            [(1, vec!["Hung"]), (3, vec!["Hung"])]
        );
        assert_eq!(
            found(&index, &texts, "Hùng", EXACT),
            [(0, vec!["Hùng"]), (3, vec!["Hùng"])]
        );
        assert_eq!(
            found(&index, &texts, "hùng", NO_CASE),
            [(0, vec!["Hùng"]), (2, vec!["HÙNG"]), (3, vec!["Hùng"])]
        );
        assert_eq!(
            found(&index, &texts, "Hung", NO_MARKS),
            [
                (0, vec!["Hùng"]),
                (1, vec!["Hung", "Hưng"]),
                (3, vec!["Hung", "Hùng"])
            ]
        );
        assert_eq!(found(&index, &texts, "hung", LOOSE).len(), 4);
        assert_eq!(found(&index, &texts, "hung", NO_MARKS), []);
        assert!(
            found(&index, &texts, "Hung", SearchOptions::default())
                .iter()
                .all(|(id, _)| *id != 0)
        );
    }

    #[test]
    fn whole_tokens_only() {
        let texts = ["Hà Nội, toàn quốc", "Anh ăn 1,200 bánh.", "Hàn Quốc"];
        let index = build(&texts);
        assert_eq!(found(&index, &texts, "Nội", EXACT), [(0, vec!["Nội"])]);
        assert_eq!(found(&index, &texts, "Hà", EXACT), [(0, vec!["Hà"])]);
        // `ăn` is a whole token that folds to `an`; `toàn` and `Anh` only contain it.
        assert_eq!(found(&index, &texts, "an", LOOSE), [(1, vec!["ăn"])]);
        assert_eq!(found(&index, &texts, "an", NO_CASE), []);
        assert_eq!(found(&index, &texts, "200", LOOSE), []);
        assert_eq!(found(&index, &texts, "1,200", LOOSE), [(1, vec!["1,200"])]);
        assert_eq!(
            found(&index, &texts, "quoc", LOOSE),
            [(0, vec!["quốc"]), (2, vec!["Quốc"])]
        );
    }

    #[test]
    fn phrases_ignore_spacing_but_not_punctuation() {
        let texts = [
            "ở Hà  Nội hôm qua",
            "ở Hà\nNội.",
            "Hà, Nội",
            "ha ha ha ha ha",
            "Nội Hà Nội",
        ];
        let index = build(&texts);
        assert_eq!(
            found(&index, &texts, " Hà   Nội ", EXACT),
            [
                (0, vec!["Hà  Nội"]),
                (1, vec!["Hà\nNội"]),
                (4, vec!["Hà Nội"])
            ]
        );
        assert_eq!(
            found(&index, &texts, "Hà, Nội", EXACT),
            [(2, vec!["Hà, Nội"])]
        );
        assert_eq!(found(&index, &texts, "Nội.", EXACT), [(1, vec!["Nội."])]);
        assert_eq!(
            found(&index, &texts, "ha ha", EXACT),
            [(3, vec!["ha ha", "ha ha"])]
        );
        assert_eq!(found(&index, &texts, "", LOOSE), []);
        assert_eq!(found(&index, &texts, "  ", LOOSE), []);
        assert_eq!(found(&index, &texts, "Hà Nội xyz", LOOSE), []);
    }

    #[test]
    fn ranges_point_into_nfd_text() {
        let nfd: String = "Việt Nam và Hùng".nfd().collect();
        let mut index = ConcordanceIndex::new();
        index.insert(9, &nfd);
        let hits = index.search("Việt Nam", EXACT);
        assert_eq!(hits.len(), 1);
        let range = hits[0].ranges[0].clone();
        assert_eq!(&nfd[range.clone()], "Vie\u{323}\u{302}t Nam");
        assert_eq!(range, 0..12);
        // Searching with an NFD phrase works the same.
        let phrase: String = "hùng".nfd().collect();
        assert_eq!(index.search(&phrase, NO_CASE).len(), 1);
        assert_eq!(index.search("Viet", LOOSE).len(), 1);
        assert!(index.memory_usage() > 0);
    }

    #[test]
    fn ids_order_hits() {
        let mut index = ConcordanceIndex::new();
        index.insert(5, "a b");
        index.insert(2, "b");
        index.insert(5, "b b");
        let hits = index.search("b", EXACT);
        let ids: Vec<(u32, usize)> = hits.iter().map(|h| (h.id, h.ranges.len())).collect();
        assert_eq!(ids, [(2, 1), (5, 1), (5, 2)]);
        index.shrink_to_fit();
        assert_eq!(index.len(), 3);
    }

    /// The definition, computed the obvious way on the text.
    fn naive(texts: &[String], phrase: &str, options: SearchOptions) -> Vec<ConcordanceHit> {
        let key = |s: &str| -> String {
            let s: String = s.nfc().collect();
            match (options.diacritic_insensitive, options.case_sensitive) {
                (true, false) => fold(&s),
                (true, true) => fold_with(&s, false),
                (false, false) => lowercase(&s),
                (false, true) => s,
            }
        };
        let phrase = normalize(phrase);
        let wanted: Vec<(String, bool)> = tokens(&phrase)
            .map(|t| {
                (
                    key(&phrase[t.range]),
                    t.kind == crate::text::tokens::TokenKind::Punct,
                )
            })
            .collect();
        let mut hits = Vec::new();
        if wanted.is_empty() {
            return hits;
        }
        for (id, text) in texts.iter().enumerate() {
            let toks: Vec<_> = tokens(text).collect();
            let mut ranges = Vec::new();
            let mut j = 0;
            while j + wanted.len() <= toks.len() {
                let matches = wanted.iter().enumerate().all(|(i, (k, punct))| {
                    let t = &toks[j + i];
                    key(&text[t.range.clone()]) == *k
                        && (t.kind == crate::text::tokens::TokenKind::Punct) == *punct
                });
                if matches {
                    ranges.push(toks[j].range.start..toks[j + wanted.len() - 1].range.end);
                    j += wanted.len();
                } else {
                    j += 1;
                }
            }
            if !ranges.is_empty() {
                hits.push(ConcordanceHit {
                    id: id as u32,
                    ranges,
                });
            }
        }
        hits
    }

    fn text() -> impl Strategy<Value = String> {
        let words = prop::sample::select(vec![
            "Hùng",
            "hung",
            "Hung",
            "HÙNG",
            "Hu\u{300}ng",
            "Hưng",
            "việt",
            "Viet",
            "a",
            "A",
            ",",
            ".",
            "đồng",
            "Đồng",
        ]);
        let gaps = prop::sample::select(vec!["", " ", "  ", "\n"]);
        prop::collection::vec((words, gaps), 0..10)
            .prop_map(|parts| parts.into_iter().flat_map(|(w, g)| [w, g]).collect())
    }

    proptest! {
        #[test]
        fn search_equals_naive(texts in prop::collection::vec(text(), 0..12), phrase in text(), options in 0usize..4) {
            let options = ALL[options];
            let mut index = ConcordanceIndex::new();
            for (id, text) in texts.iter().enumerate() {
                index.insert(id as u32, text);
            }
            // Phrases of one or two tokens hit far more often than random ones.
            let short: String = phrase.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
            for phrase in [phrase.as_str(), short.as_str()] {
                prop_assert_eq!(index.search(phrase, options), naive(&texts, phrase, options));
            }
        }

        #[test]
        fn any_text_is_safe(texts in prop::collection::vec("\\PC{0,20}", 0..5), phrase in "\\PC{0,6}") {
            let mut index = ConcordanceIndex::new();
            for (id, text) in texts.iter().enumerate() {
                index.insert(id as u32, text);
            }
            let texts: Vec<String> = texts;
            for options in ALL {
                prop_assert_eq!(index.search(&phrase, options), naive(&texts, &phrase, options));
            }
        }
    }
}
