//! The word lexicon of a whole translation memory: which English words travel with which
//! Vietnamese syllables over every TU of every document, kept beside the memory and
//! followed as the memory changes.
//!
//! The aligner learns the same pairs from the confident links of the article it aligns
//! (`crate::align::Lexicon::learn`, Moore 2002), but an article repeats few words: a
//! sentence that shares no repeated word with its neighbours teaches it nothing. A memory
//! has seen the same words in thousands of sentence pairs. Each TU with both languages
//! counts as one sentence pair; [`LexiconCounts`] holds what each holds and how often each
//! English word and each Vietnamese term occur (tokenized, NFC and case-folded as the
//! article lexicon does), and the pairs are chosen by the same log-likelihood test
//! ([`LexiconCounts::lexicon`]).
//!
//! # Kept beside the memory
//!
//! The counts of each TMX file are saved in its cache folder as `<file>.lex` (see
//! [`super::cache`]: keyed by the TMX's fingerprint and the memory's languages, checked
//! before use, rebuilt when stale, foreign, truncated or corrupted; deleting the folder
//! loses nothing). The counts are additive: a TU added to the memory adds its pairs, a TU
//! replaced or removed takes its pairs back. So the changes the journal holds (see
//! [`super::journal`]: TUs put or removed since the TMX was last written whole) are applied
//! to the saved counts of the TMX on every open, reading the changed TUs only; only when
//! the TMX itself is rewritten (a compaction) are its counts rebuilt, and [`LexiconSource`]
//! says why.
//!
//! Besides the counts (each sentence pair's terms, see [`LexiconCounts`]), a `.lex` file
//! keeps the pairs they select, so that opening a memory whose journal is empty reads no
//! count at all.

use std::path::Path;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;

use super::cache::{self, ImageWriter, IndexBytes, Rejected};
use super::store::{Memory, MemoryError};
use crate::align::Lexicon;
use crate::align::lexicon::{Cooccurrence, could_pass, en_words, vi_terms, worth_testing};
use crate::tmx::{TmxReader, Tu};

/// What the `.lex` file's key adds to the memory's languages: another index of the same
/// TMX has another key. Bump the digit when the tokenization or the layout changes.
const KEY_TAG: &str = "\nlexicon 1";

/// Words and their counts, numbered as they come.
#[derive(Debug, Clone, Default)]
struct Vocabulary {
    ids: FxHashMap<Box<str>, u32>,
    words: Vec<Box<str>>,
    counts: Vec<u32>,
}

impl Vocabulary {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(Box::from(word), id);
        self.words.push(Box::from(word));
        self.counts.push(0);
        id
    }
}

/// One sentence pair counted: a hash of its texts (to find it again when it is taken
/// back) and its distinct terms, by number.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Counted {
    hash: u64,
    en: Box<[u32]>,
    vi: Box<[u32]>,
}

/// What the lexicon is learned from: the distinct terms of every sentence pair counted,
/// and how many sentence pairs hold each term.
///
/// The pair counts are not kept: a memory of 100,000 generated TUs holds 39 million
/// distinct word pairs (2.4 GB in a hash table, 465 MB on disk), nearly all of them seen
/// once. The terms of each sentence pair are a few dozen numbers, and the pairs worth
/// testing (see [`LexiconCounts::lexicon`]) are counted from them when the lexicon is
/// learned. Adding and taking back sentence pairs is exact: the counts after any sequence
/// of changes equal the counts made afresh from the result.
#[derive(Debug, Clone, Default)]
pub struct LexiconCounts {
    en: Vocabulary,
    vi: Vocabulary,
    /// The sentence pairs counted; `None` where one was taken back.
    counted: Vec<Option<Counted>>,
    links: u64,
    /// Text hash → positions in `counted`, made when the first pair is taken back.
    by_hash: Option<FxHashMap<u64, Vec<usize>>>,
}

/// Whether a sentence pair is being counted in or taken back out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sign {
    Add,
    Remove,
}

/// The hash a sentence pair is found again by.
fn text_hash(en: &str, vi: &str) -> u64 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(en.as_bytes());
    hasher.update(&[0xff]);
    hasher.update(vi.as_bytes());
    hasher.digest()
}

impl LexiconCounts {
    /// Counts a sentence pair in.
    pub fn add(&mut self, en: &str, vi: &str) {
        self.change(en, vi, Sign::Add);
    }

    /// Takes back a sentence pair counted before (nothing if it was not).
    pub fn remove(&mut self, en: &str, vi: &str) {
        self.change(en, vi, Sign::Remove);
    }

    fn change(&mut self, en: &str, vi: &str, sign: Sign) {
        let (en, vi): (String, String) = (en.nfc().collect(), vi.nfc().collect());
        if en.trim().is_empty() || vi.trim().is_empty() {
            return;
        }
        let hash = text_hash(&en, &vi);
        match sign {
            Sign::Add => {
                let en: Box<[u32]> = en_words(&en).iter().map(|w| self.en.id(w)).collect();
                let vi: Box<[u32]> = vi_terms(&vi).iter().map(|t| self.vi.id(t)).collect();
                self.push(Counted { hash, en, vi });
            }
            Sign::Remove => {
                let counted = &self.counted;
                let index = self.by_hash.get_or_insert_with(|| {
                    let mut index: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
                    for (at, c) in counted.iter().enumerate() {
                        if let Some(c) = c {
                            index.entry(c.hash).or_default().push(at);
                        }
                    }
                    index
                });
                let Some(at) = index.get_mut(&hash).and_then(Vec::pop) else {
                    return;
                };
                if let Some(gone) = self.counted[at].take() {
                    for &w in &gone.en {
                        self.en.counts[w as usize] -= 1;
                    }
                    for &t in &gone.vi {
                        self.vi.counts[t as usize] -= 1;
                    }
                    self.links -= 1;
                }
            }
        }
    }

    fn push(&mut self, counted: Counted) {
        for &w in &counted.en {
            self.en.counts[w as usize] += 1;
        }
        for &t in &counted.vi {
            self.vi.counts[t as usize] += 1;
        }
        if let Some(index) = &mut self.by_hash {
            index
                .entry(counted.hash)
                .or_default()
                .push(self.counted.len());
        }
        self.counted.push(Some(counted));
        self.links += 1;
    }

    /// Counts the TU's pair in or out, if it has text in both languages.
    fn change_tu(&mut self, tu: &Tu, memory: &Memory, sign: Sign) {
        if let Some((en, vi)) = memory.pair(tu) {
            self.change(&en, &vi, sign);
        }
    }

    /// Adds `other`'s sentence pairs (another file of the same memory).
    fn absorb(&mut self, other: &LexiconCounts) {
        let en: Vec<u32> = other.en.words.iter().map(|w| self.en.id(w)).collect();
        let vi: Vec<u32> = other.vi.words.iter().map(|w| self.vi.id(w)).collect();
        for c in other.counted.iter().flatten() {
            self.push(Counted {
                hash: c.hash,
                en: c.en.iter().map(|&w| en[w as usize]).collect(),
                vi: c.vi.iter().map(|&t| vi[t as usize]).collect(),
            });
        }
    }

    /// Sentence pairs counted.
    pub fn links(&self) -> u64 {
        self.links
    }

    /// The word pairs these sentence pairs support (see [`Lexicon`]).
    ///
    /// Only pairs whose counts could pass the test are counted
    /// ([`crate::align::lexicon::worth_testing`]): per English word, its sentence pairs
    /// are read through a list of them, and the terms they hold tallied.
    pub fn lexicon(&self) -> Lexicon {
        let links = usize::try_from(self.links).unwrap_or(usize::MAX);
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); self.en.words.len()];
        for (at, c) in self.counted.iter().enumerate() {
            for &w in c.iter().flat_map(|c| c.en.iter()) {
                // A word in one sentence pair, or in most, is never learned.
                if worth_testing(
                    self.en.counts[w as usize],
                    self.en.counts[w as usize],
                    links,
                ) {
                    postings[w as usize].push(at as u32);
                }
            }
        }
        let mut tally = vec![0u32; self.vi.words.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut found: Vec<Cooccurrence<'_>> = Vec::new();
        for (w, list) in postings.iter().enumerate() {
            let en_count = self.en.counts[w];
            for &at in list {
                let Some(c) = &self.counted[at as usize] else {
                    continue;
                };
                for &t in &c.vi {
                    if !worth_testing(en_count, self.vi.counts[t as usize], links) {
                        continue;
                    }
                    if tally[t as usize] == 0 {
                        touched.push(t);
                    }
                    tally[t as usize] += 1;
                }
            }
            for t in touched.drain(..) {
                let together = std::mem::take(&mut tally[t as usize]);
                // Most pairs met once or twice by chance: not kept for the full test.
                if !could_pass(together, en_count, self.vi.counts[t as usize], links) {
                    continue;
                }
                found.push(Cooccurrence {
                    en: &self.en.words[w],
                    vi: &self.vi.words[t as usize],
                    together,
                    en_count,
                    vi_count: self.vi.counts[t as usize],
                });
            }
        }
        Lexicon::from_counts(links, found)
    }

    /// The sentence pairs counted, by their terms, sorted: two counts of the same pairs
    /// compare equal however their words were numbered or in which order they came.
    #[cfg(test)]
    fn canonical(&self) -> Vec<(Vec<String>, Vec<String>)> {
        let mut out: Vec<(Vec<String>, Vec<String>)> = self
            .counted
            .iter()
            .flatten()
            .map(|c| {
                let words = |ids: &[u32], v: &Vocabulary| -> Vec<String> {
                    let mut w: Vec<String> = ids
                        .iter()
                        .map(|&i| v.words[i as usize].to_string())
                        .collect();
                    w.sort();
                    w
                };
                (words(&c.en, &self.en), words(&c.vi, &self.vi))
            })
            .collect();
        out.sort();
        out
    }
}

/// How the counts of a memory file were had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LexiconSource {
    /// Read from the `.lex` file beside the memory.
    Cache,
    /// Counted from the TMX, because the `.lex` file was missing, stale (the TMX was
    /// rewritten, or it was made for other languages or another songngu), truncated or
    /// corrupted; then saved if the folder allows.
    Built(Rejected),
}

/// A memory's word lexicon and how it was had.
#[derive(Debug, Clone)]
pub struct MemoryLexicon {
    pub lexicon: Arc<Lexicon>,
    /// Per loaded file, in order.
    pub sources: Vec<LexiconSource>,
    /// TUs of the journal (or of this run) applied on top of the saved counts: replaced or
    /// removed ones taken back, new ones counted.
    pub changes_applied: usize,
    /// Sentence pairs the lexicon was learned from.
    pub links: u64,
}

/// The `.lex` file of a TMX file.
pub fn lexicon_path(tmx: &Path) -> Option<std::path::PathBuf> {
    cache::index_path_named(tmx, "lex")
}

impl MemoryLexicon {
    /// The lexicon of `memory` as it is now (its journal and unsaved changes included),
    /// from the `.lex` files beside it when they are current, else counted from the TMX
    /// files (and then saved, best effort). `use_cache` false reads and writes no file.
    pub fn of(memory: &Memory, use_cache: bool) -> Result<MemoryLexicon, MemoryError> {
        let langs = memory.langs_key();
        let key_extra = format!("{langs}{KEY_TAG}");
        let (superseded, added) = memory.changes_since_load();
        let changes_applied = superseded.len() + added.len();
        let loaded = memory.loaded_files();
        // Nothing changed since the only TMX file was written: its saved pairs will do.
        let pairs_only = changes_applied == 0 && loaded.len() == 1;
        let mut sources = Vec::new();
        let mut counts = LexiconCounts::default();
        for (path, loaded_key, entries) in loaded {
            let file = LoadedFile {
                path,
                key: loaded_key,
                entries,
            };
            let (read, source) =
                file_lexicon(memory, &file, key_extra.as_bytes(), use_cache, pairs_only)?;
            sources.push(source);
            match read {
                FileLexicon::Pairs { lexicon, links } => {
                    return Ok(MemoryLexicon {
                        lexicon: Arc::new(lexicon),
                        sources,
                        changes_applied,
                        links,
                    });
                }
                FileLexicon::Counts(c) if counts.counted.is_empty() => counts = c,
                FileLexicon::Counts(c) => counts.absorb(&c),
            }
        }
        for id in superseded {
            counts.change_tu(&memory.any_tu(id)?, memory, Sign::Remove);
        }
        for id in added {
            counts.change_tu(&memory.any_tu(id)?, memory, Sign::Add);
        }
        Ok(MemoryLexicon {
            lexicon: Arc::new(counts.lexicon()),
            sources,
            changes_applied,
            links: counts.links,
        })
    }
}

/// A TMX file as the memory loaded it: its path, the key its index was loaded under and
/// its entry count.
struct LoadedFile<'a> {
    path: &'a Path,
    key: &'a [u8],
    entries: usize,
}

/// What was read of one file: the pairs alone when they are all that is needed.
enum FileLexicon {
    Counts(LexiconCounts),
    Pairs { lexicon: Lexicon, links: u64 },
}

/// The counts (or saved pairs) of one loaded TMX file.
fn file_lexicon(
    memory: &Memory,
    file: &LoadedFile<'_>,
    key_extra: &[u8],
    use_cache: bool,
    pairs_only: bool,
) -> Result<(FileLexicon, LexiconSource), MemoryError> {
    let (path, loaded_key, entries) = (file.path, file.key, file.entries);
    let io = |source: std::io::Error| MemoryError::Io {
        path: path.to_owned(),
        source,
    };
    let langs = memory.langs_key();
    // The file must still be the one loaded: the journal's changes apply to it.
    let unchanged = || cache::key(path, langs.as_bytes()).is_ok_and(|now| now == loaded_key);
    let lex_path = lexicon_path(path).filter(|_| use_cache);
    let key = cache::key(path, key_extra).map_err(io)?;
    let mut rejected = Rejected::Missing;
    if let Some(lex_path) = &lex_path {
        match IndexBytes::open(lex_path, &key) {
            Ok(index) if unchanged() => {
                let read = if pairs_only {
                    read_pairs(&index).map(|(lexicon, links)| FileLexicon::Pairs { lexicon, links })
                } else {
                    read_counts(&index).map(FileLexicon::Counts)
                };
                index.release();
                match read {
                    Some(file) => return Ok((file, LexiconSource::Cache)),
                    None => rejected = Rejected::Truncated,
                }
            }
            Ok(_) => rejected = Rejected::Stale,
            Err(why) => rejected = why,
        }
    }
    let mut counts = LexiconCounts::default();
    let mut reader = TmxReader::open(path)?;
    let mut read = 0usize;
    let mut held = false;
    while let Some(record) = reader.next_tu()? {
        counts.change_tu(&record.tu, memory, Sign::Add);
        held |= record.span.is_none();
        read += 1;
    }
    drop(reader);
    // The file read must be the file loaded, TU for TU: the journal's keys point into it.
    if read != entries || !unchanged() {
        return Err(MemoryError::Io {
            path: path.to_owned(),
            source: std::io::Error::other("the memory file changed while it was read"),
        });
    }
    let lexicon = counts.lexicon();
    // Only the index of a UTF-8 file read as it is kept, as for the memory's own index.
    if let Some(lex_path) = lex_path
        && !held
        && cache::key(path, key_extra).is_ok_and(|now| now == key)
    {
        let _ = cache::save(&lex_path, &write(&counts, &lexicon, &key));
    }
    let file = if pairs_only {
        FileLexicon::Pairs {
            links: counts.links,
            lexicon,
        }
    } else {
        FileLexicon::Counts(counts)
    };
    Ok((file, LexiconSource::Built(rejected)))
}

// Sections of a `.lex` file.
const HEAD: usize = 0; // [sentence pairs] as u64
const EN_WORDS: usize = 1; // the English words, each followed by '\n'
const VI_WORDS: usize = 2;
const HASHES: usize = 3; // u64 per sentence pair
const LENGTHS: usize = 4; // u32 pairs per sentence pair: English terms, Vietnamese terms
const TERMS: usize = 5; // u32: each sentence pair's English then Vietnamese term numbers
const LEARNED: usize = 6; // the pairs selected: `word\tterm\n` each
const SECTIONS: usize = 7;

fn joined<'a>(words: impl Iterator<Item = &'a str>) -> Vec<u8> {
    let mut out = Vec::new();
    for w in words {
        out.extend_from_slice(w.as_bytes());
        out.push(b'\n');
    }
    out
}

fn write(counts: &LexiconCounts, lexicon: &Lexicon, key: &[u8]) -> cache::Aligned {
    let live: Vec<&Counted> = counts.counted.iter().flatten().collect();
    let en_words = joined(counts.en.words.iter().map(|w| &**w));
    let vi_words = joined(counts.vi.words.iter().map(|w| &**w));
    let hashes: Vec<u64> = live.iter().map(|c| c.hash).collect();
    let lengths: Vec<u32> = live
        .iter()
        .flat_map(|c| [c.en.len() as u32, c.vi.len() as u32])
        .collect();
    let terms: Vec<u32> = live
        .iter()
        .flat_map(|c| c.en.iter().chain(c.vi.iter()).copied())
        .collect();
    let mut learned = Vec::new();
    for (w, t) in lexicon.pairs() {
        learned.extend_from_slice(w.as_bytes());
        learned.push(b'\t');
        learned.extend_from_slice(t.as_bytes());
        learned.push(b'\n');
    }
    let capacity = en_words.len() + vi_words.len() + hashes.len() * 16 + terms.len() * 4;
    let mut writer = ImageWriter::new(key, SECTIONS, capacity + learned.len());
    writer.put::<u64>(&[counts.links]);
    writer.put::<u8>(&en_words);
    writer.put::<u8>(&vi_words);
    writer.put::<u64>(&hashes);
    writer.put::<u32>(&lengths);
    writer.put::<u32>(&terms);
    writer.put::<u8>(&learned);
    writer.finish()
}

/// The words of a `\n`-terminated list.
fn split_words(bytes: &[u8]) -> Option<Vec<&str>> {
    let text = std::str::from_utf8(bytes).ok()?;
    Some(
        text.strip_suffix('\n')
            .map_or_else(Vec::new, |t| t.split('\n').collect()),
    )
}

fn read_links(index: &IndexBytes) -> Option<u64> {
    (index.section_count() == SECTIONS).then_some(())?;
    index.section::<u64>(HEAD)?.first().copied()
}

fn read_pairs(index: &IndexBytes) -> Option<(Lexicon, u64)> {
    let links = read_links(index)?;
    let text = std::str::from_utf8(index.section::<u8>(LEARNED)?).ok()?;
    let pairs: Option<Vec<(&str, &str)>> = text.lines().map(|l| l.split_once('\t')).collect();
    Some((Lexicon::from_pairs(pairs?), links))
}

fn read_counts(index: &IndexBytes) -> Option<LexiconCounts> {
    let links = read_links(index)?;
    let vocabulary = |section: usize| -> Option<Vocabulary> {
        let mut v = Vocabulary::default();
        for w in split_words(index.section::<u8>(section)?)? {
            // A word listed twice is a damaged file.
            if v.id(w) as usize + 1 != v.words.len() {
                return None;
            }
        }
        Some(v)
    };
    let (en, vi) = (vocabulary(EN_WORDS)?, vocabulary(VI_WORDS)?);
    let hashes = index.section::<u64>(HASHES)?;
    let lengths = index.section::<u32>(LENGTHS)?;
    let terms = index.section::<u32>(TERMS)?;
    if lengths.len() != 2 * hashes.len() || hashes.len() as u64 != links {
        return None;
    }
    let mut counts = LexiconCounts {
        en,
        vi,
        ..LexiconCounts::default()
    };
    counts.counted.reserve(hashes.len());
    let mut at = 0usize;
    for (&hash, length) in hashes.iter().zip(lengths.chunks_exact(2)) {
        let (e, v) = (length[0] as usize, length[1] as usize);
        let en = terms.get(at..at + e)?;
        let vi = terms.get(at + e..at + e + v)?;
        at += e + v;
        if en.iter().any(|&w| w as usize >= counts.en.words.len())
            || vi.iter().any(|&t| t as usize >= counts.vi.words.len())
        {
            return None;
        }
        counts.push(Counted {
            hash,
            en: en.into(),
            vi: vi.into(),
        });
    }
    (at == terms.len()).then_some(counts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::persist::LockWait;
    use crate::memory::store::{NewUnit, unit_tu};
    use unic_langid::langid;

    /// Sentence pairs of a few news topics: each topic word comes back with its
    /// translation, over different sentences, as in a memory of many articles.
    fn news_pairs() -> Vec<(String, String)> {
        let topics = [
            ("flood", "lũ lụt"),
            ("farmer", "nông dân"),
            ("harvest", "mùa màng"),
            ("school", "trường học"),
            ("hospital", "bệnh viện"),
            ("bridge", "cây cầu"),
        ];
        let places = [
            ("in the north", "ở miền Bắc"),
            ("near the coast", "gần bờ biển"),
            ("after the storm", "sau cơn bão"),
            ("this week", "tuần này"),
        ];
        let mut out = Vec::new();
        for (i, (en, vi)) in topics.iter().enumerate() {
            for (j, (where_en, where_vi)) in places.iter().enumerate() {
                let (other_en, other_vi) = topics[(i + j + 1) % topics.len()];
                out.push((
                    format!("The {en} and the {other_en} were seen {where_en}."),
                    format!("{} và {} được nhắc tới {where_vi}.", capital(vi), other_vi),
                ));
            }
        }
        out
    }

    fn capital(text: &str) -> String {
        let mut chars = text.chars();
        chars
            .next()
            .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
    }

    fn counted(pairs: &[(String, String)]) -> LexiconCounts {
        let mut counts = LexiconCounts::default();
        for (en, vi) in pairs {
            counts.add(en, vi);
        }
        counts
    }

    #[test]
    fn counts_learn_the_words_a_memory_repeats() {
        let lexicon = counted(&news_pairs()).lexicon();
        assert_eq!(
            lexicon.supports("Farmers lost the harvest.", "Nông dân mất mùa màng."),
            2
        );
        assert_eq!(
            lexicon.supports("Farmers lost the harvest.", "Trời mưa to."),
            0
        );
        // `the` is in every sentence pair: chance, not a translation.
        assert!(lexicon.pairs().all(|(w, _)| w != "the"));
    }

    #[test]
    fn counts_updated_pair_by_pair_equal_a_recount() {
        let pairs = news_pairs();
        let mut counts = counted(&pairs[..16]);
        // Two taken back (one of them twice: the second time is nothing), the rest added.
        counts.remove(&pairs[3].0, &pairs[3].1);
        counts.remove(&pairs[7].0, &pairs[7].1);
        counts.remove(&pairs[7].0, &pairs[7].1);
        for (en, vi) in &pairs[16..] {
            counts.add(en, vi);
        }
        let rest: Vec<(String, String)> = pairs
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != 3 && i != 7)
            .map(|(_, p)| p.clone())
            .collect();
        let fresh = counted(&rest);
        assert_eq!(counts.canonical(), fresh.canonical());
        assert_eq!(counts.links(), fresh.links());
        assert_eq!(
            counts.lexicon().pairs().collect::<Vec<_>>(),
            fresh.lexicon().pairs().collect::<Vec<_>>()
        );
    }

    #[test]
    fn text_is_compared_in_nfc() {
        let mut counts = LexiconCounts::default();
        counts.add("The flood.", "Lũ lụt.");
        // The same text decomposed (NFD) is the same sentence pair.
        let decomposed: String = "Lũ lụt.".nfd().collect();
        counts.remove("The flood.", &decomposed);
        assert_eq!(counts.links(), 0);
    }

    fn tu(i: usize, en: &str, vi: &str) -> Tu {
        let mut tu = unit_tu(
            &NewUnit {
                doc: "news",
                unit: &format!("u{i}"),
                order: i,
                source: en,
                target: vi,
                status: "translated",
                user: "lan",
            },
            &langid!("en"),
            &langid!("vi"),
        );
        for name in ["creationdate", "changedate"] {
            tu.set_attr(name, "20240101T000000Z");
        }
        tu
    }

    fn open_for_update(path: &Path) -> Memory {
        Memory::open_for_update(
            &[path.to_owned()],
            langid!("en"),
            langid!("vi"),
            LockWait::Fail,
        )
        .expect("opens")
    }

    fn open(path: &Path) -> Memory {
        Memory::open(&[path.to_owned()], langid!("en"), langid!("vi")).expect("opens")
    }

    fn pairs_of(learned: &MemoryLexicon) -> Vec<(String, String)> {
        learned
            .lexicon
            .pairs()
            .map(|(w, t)| (w.to_owned(), t.to_owned()))
            .collect()
    }

    /// A memory file holding `pairs`, written whole.
    fn memory_file(path: &Path, pairs: &[(String, String)]) {
        let mut memory = open_for_update(path);
        for (i, (en, vi)) in pairs.iter().enumerate() {
            memory.add(None, tu(i, en, vi)).expect("add");
        }
        memory.save().expect("save");
    }

    #[test]
    fn the_lex_file_is_used_when_current_and_rebuilt_when_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.tmx");
        memory_file(&path, &news_pairs());
        let first = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert_eq!(first.sources, [LexiconSource::Built(Rejected::Missing)]);
        assert!(!first.lexicon.is_empty());
        let lex = lexicon_path(&path).expect("a path");
        assert!(lex.exists());
        let second = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert_eq!(second.sources, [LexiconSource::Cache]);
        assert_eq!(pairs_of(&second), pairs_of(&first));

        // Damaged in the middle: never trusted, rebuilt the same.
        let bytes = std::fs::read(&lex).expect("read");
        let mut flipped = bytes.clone();
        let middle = flipped.len() / 2;
        flipped[middle] ^= 0x20;
        std::fs::write(&lex, &flipped).expect("write");
        let again = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert_eq!(again.sources, [LexiconSource::Built(Rejected::Corrupted)]);
        assert_eq!(pairs_of(&again), pairs_of(&first));
        std::fs::write(&lex, &bytes[..bytes.len() - 9]).expect("write");
        let cut = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert_eq!(cut.sources, [LexiconSource::Built(Rejected::Truncated)]);

        // The TMX rewritten (another memory in its place): stale.
        std::fs::remove_file(&path).expect("remove");
        memory_file(&path, &news_pairs()[..12]);
        let stale = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert_eq!(stale.sources, [LexiconSource::Built(Rejected::Stale)]);
        assert_eq!(stale.links, 12);
    }

    #[test]
    fn journal_changes_update_the_saved_counts_and_equal_a_recount() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.tmx");
        // The journal may grow to an eighth of the TMX: a base of other sentence pairs.
        let mut pairs: Vec<(String, String)> = (0..150)
            .map(|i| {
                (
                    format!("Sentence {i} of the base."),
                    format!("Câu {i} của phần nền."),
                )
            })
            .collect();
        pairs.extend(news_pairs());
        let last = pairs.len() - 1;
        memory_file(&path, &pairs[..last]);
        assert!(matches!(
            MemoryLexicon::of(&open(&path), true)
                .expect("lexicon")
                .sources[..],
            [LexiconSource::Built(_)]
        ));
        // Through the journal: one TU replaced, one removed, one added.
        let mut memory = open_for_update(&path);
        memory.journal_every_save();
        let find = |memory: &Memory, en: &str| memory.exact(en).expect("lookup")[0].entry;
        let replaced = find(&memory, &pairs[152].0);
        memory
            .replace(replaced, tu(152, &pairs[152].0, "Một câu dịch khác hẳn."))
            .expect("replace");
        let removed = find(&memory, &pairs[155].0);
        memory.remove(removed).expect("remove");
        memory
            .add(None, tu(last, &pairs[last].0, &pairs[last].1))
            .expect("add");
        memory.save().expect("save");
        drop(memory);
        assert!(
            crate::memory::journal::path_for(&path).exists(),
            "journaled"
        );

        let updated = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        // The TMX's counts came from the cache; only the changed TUs were read.
        assert_eq!(updated.sources, [LexiconSource::Cache]);
        // Replaced: the old TU out, the new in; removed: out; added: in.
        assert_eq!(updated.changes_applied, 4);

        // The same memory written whole and counted afresh.
        let mut expected: Vec<(String, String)> = pairs.clone();
        expected[152].1 = String::from("Một câu dịch khác hẳn.");
        expected.remove(155);
        let whole = dir.path().join("whole.tmx");
        memory_file(&whole, &expected);
        let fresh = MemoryLexicon::of(&open(&whole), false).expect("lexicon");
        assert_eq!(fresh.sources, [LexiconSource::Built(Rejected::Missing)]);
        assert_eq!(updated.links, fresh.links);
        assert_eq!(pairs_of(&updated), pairs_of(&fresh));
        assert!(!updated.lexicon.is_empty());
    }
}
