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
//! keeps the pairs learned for the memory with the changes it lists, so that opening a
//! memory unchanged since reads no count at all. A change since re-learns only the pairs
//! it can affect and saves them (see [`Learning`] and [`RELEARN_SHARE`]).

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
        lexicon_of(&self.learned())
    }

    /// The pairs chosen, with the counts they were chosen on (see [`Learned`]).
    fn learned(&self) -> Vec<Learned> {
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
        let mut found: Vec<Learned> = Vec::new();
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
                found.push(Learned {
                    en: self.en.words[w].clone(),
                    vi: self.vi.words[t as usize].clone(),
                    together,
                    en_count,
                    vi_count: self.vi.counts[t as usize],
                });
            }
        }
        choose(links, &found)
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

/// A word pair chosen by the test, with the counts it was chosen on: what a later change
/// to the memory compares its new candidates against without counting the pair again.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Learned {
    en: Box<str>,
    vi: Box<str>,
    together: u32,
    en_count: u32,
    vi_count: u32,
}

/// Per English word, the candidate the test keeps (see [`Lexicon::from_counts`]), with its
/// counts; sorted by English word.
fn choose(links: usize, candidates: &[Learned]) -> Vec<Learned> {
    let chosen = Lexicon::from_counts(
        links,
        candidates.iter().map(|c| Cooccurrence {
            en: &c.en,
            vi: &c.vi,
            together: c.together,
            en_count: c.en_count,
            vi_count: c.vi_count,
        }),
    );
    let by_pair: FxHashMap<(&str, &str), &Learned> =
        candidates.iter().map(|c| ((&*c.en, &*c.vi), c)).collect();
    chosen
        .pairs()
        .filter_map(|pair| by_pair.get(&pair).map(|&c| c.clone()))
        .collect()
}

fn lexicon_of(learned: &[Learned]) -> Lexicon {
    Lexicon::from_pairs(learned.iter().map(|l| (&*l.en, &*l.vi)))
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
    /// What was learned again on this open.
    pub learning: Learning,
}

/// What opening a memory learned again (see [`MemoryLexicon::of`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Learning {
    /// Nothing: the pairs saved for the memory as it is were read.
    Saved,
    /// The English words the changes since the pairs were saved can affect, learned again
    /// from every sentence pair that holds them (or a changed Vietnamese term).
    Changed { words: usize },
    /// Every pair: the counts were made afresh, more than [`RELEARN_SHARE`] of the
    /// memory changed since the last full learning, or the memory has several files.
    Full,
}

/// Share of the sentence pairs that may change between two full learnings. A pair is
/// tested on its own counts and on the total: the total moves the log-likelihood of a
/// pair seen `n` times by about `n·ΔN/N` against a `G²` of at least 6.6, and the spread
/// limit (half the total) by `ΔN/2`; at 1% neither can turn a decision that the pair's own
/// counts (re-learned exactly for every word a change touches) do not already decide.
/// Above it, everything is learned again with the new total.
pub const RELEARN_SHARE: f64 = 0.01;

/// The `.lex` file of a TMX file.
pub fn lexicon_path(tmx: &Path) -> Option<std::path::PathBuf> {
    cache::index_path_named(tmx, "lex")
}

impl MemoryLexicon {
    /// The lexicon of `memory` as it is now (its journal and unsaved changes included),
    /// from the `.lex` files beside it when they are current, else counted from the TMX
    /// files (and then saved, best effort). `use_cache` false reads and writes no file.
    pub fn of(memory: &Memory, use_cache: bool) -> Result<MemoryLexicon, MemoryError> {
        Self::learn(memory, None, use_cache)
    }

    /// The lexicon of `memory` without the TUs of document `doc`: what aligning `doc` may
    /// learn from. Learned from the memory whole, the lexicon would hold the document's
    /// own stored alignment, and aligning it again would confirm that alignment instead of
    /// judging it. The document's TUs are taken back as replaced ones are, on top of the
    /// memory's own changes (so only the words they hold are learned again while they
    /// stay under [`RELEARN_SHARE`]); the result is a view of the memory, never saved to
    /// its `.lex` file.
    pub fn without_document(
        memory: &Memory,
        doc: &str,
        use_cache: bool,
    ) -> Result<MemoryLexicon, MemoryError> {
        Self::learn(memory, Some(doc), use_cache)
    }

    fn learn(
        memory: &Memory,
        left_out: Option<&str>,
        use_cache: bool,
    ) -> Result<MemoryLexicon, MemoryError> {
        let langs = memory.langs_key();
        let key_extra = format!("{langs}{KEY_TAG}");
        let (mut superseded, mut added) = memory.changes_since_load();
        // The document's live TUs: those of the TMX taken back, those added since dropped
        // (and remembered, in case the saved pairs already include them).
        let mut dropped = Vec::new();
        if let Some(doc) = left_out {
            let (units, additions) = memory.document_and_additions(doc)?;
            let entries: rustc_hash::FxHashSet<u32> =
                units.iter().chain(&additions).map(|u| u.entry).collect();
            let was_added: rustc_hash::FxHashSet<u32> = added.iter().copied().collect();
            superseded.extend(entries.iter().filter(|id| !was_added.contains(id)));
            superseded.sort_unstable();
            dropped = added
                .iter()
                .copied()
                .filter(|id| entries.contains(id))
                .collect();
            added.retain(|id| !entries.contains(id));
        }
        let changes_applied = superseded.len() + added.len();
        let loaded = memory.loaded_files();
        if use_cache && let [(path, key, entries)] = loaded[..] {
            let file = LoadedFile { path, key, entries };
            let changes = Changes {
                superseded: &superseded,
                added: &added,
                dropped: &dropped,
                save: left_out.is_none(),
            };
            if let Some(learned) = single_file(memory, &file, key_extra.as_bytes(), &changes)? {
                return Ok(learned);
            }
        }
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
                        learning: Learning::Full,
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
            learning: Learning::Full,
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
    let learned = counts.learned();
    let lexicon = lexicon_of(&learned);
    // Only the index of a UTF-8 file read as it is kept, as for the memory's own index.
    if let Some(lex_path) = lex_path
        && !held
        && cache::key(path, key_extra).is_ok_and(|now| now == key)
    {
        let _ = cache::save(&lex_path, &write(&counts, &learned, &key));
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

/// What a single-file memory's lexicon is learned with on top of its TMX (see
/// [`single_file`]).
struct Changes<'a> {
    /// Entries of the TMX taken back (replaced, removed, or of a document left out).
    superseded: &'a [u32],
    /// Entries put since the TMX was written.
    added: &'a [u32],
    /// Entries put since that a document left out drops: the saved pairs may include them.
    dropped: &'a [u32],
    /// Whether the result is the memory's own, to be saved for the next open.
    save: bool,
}

/// A changed sentence pair: its hash and its texts, in NFC.
struct Change {
    hash: u64,
    en: String,
    vi: String,
}

/// The sentence pairs of the TUs taken back and put since the TMX was written.
fn change_pairs(memory: &Memory, ids: &[u32]) -> Result<Vec<Change>, MemoryError> {
    let mut out = Vec::new();
    for &id in ids {
        let Some((en, vi)) = memory.pair(&memory.any_tu(id)?) else {
            continue;
        };
        let (en, vi): (String, String) = (en.nfc().collect(), vi.nfc().collect());
        if en.trim().is_empty() || vi.trim().is_empty() {
            continue;
        }
        out.push(Change {
            hash: text_hash(&en, &vi),
            en,
            vi,
        });
    }
    Ok(out)
}

/// The changes `current` and `applied` do not share (as multisets of hashes): those of
/// `current` the saved pairs do not include, and those they include that `current` no
/// longer holds, found by hash in `undone` (a document's additions left out); `None` when
/// one of the latter is not there (a change undone, whose text is gone).
fn minus<'a>(
    current: &'a [Change],
    applied: &[u64],
    undone: &'a [Change],
) -> Option<Vec<&'a Change>> {
    let mut left: FxHashMap<u64, usize> = FxHashMap::default();
    for &h in applied {
        *left.entry(h).or_default() += 1;
    }
    let mut out = Vec::new();
    for change in current {
        match left.get_mut(&change.hash) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.push(change),
        }
    }
    for change in undone {
        if let Some(n) = left.get_mut(&change.hash)
            && *n > 0
        {
            *n -= 1;
            out.push(change);
        }
    }
    left.values().all(|&n| n == 0).then_some(out)
}

/// The `.lex` file of a loaded TMX, if it is current and of this layout.
fn open_lex(memory: &Memory, file: &LoadedFile<'_>, key_extra: &[u8]) -> Option<IndexBytes> {
    let lex_path = lexicon_path(file.path)?;
    let key = cache::key(file.path, key_extra).ok()?;
    let index = IndexBytes::open(&lex_path, &key).ok()?;
    let langs = memory.langs_key();
    let unchanged = cache::key(file.path, langs.as_bytes()).is_ok_and(|now| now == file.key);
    (unchanged && index.section_count() == SECTIONS).then_some(index)
}

/// The lexicon of a memory of one TMX file, kept current in its `.lex` file: the pairs
/// saved when the memory is as it was when they were learned; else those the changes
/// since can affect learned again (see [`relearn`]), or all of them past
/// [`RELEARN_SHARE`]; and the result saved for the next open (unless it is a view, see
/// [`Changes::save`]). `None` when the `.lex` file cannot be used or written (the caller
/// counts as without one).
fn single_file(
    memory: &Memory,
    file: &LoadedFile<'_>,
    key_extra: &[u8],
    changes: &Changes<'_>,
) -> Result<Option<MemoryLexicon>, MemoryError> {
    let (superseded, added) = (changes.superseded, changes.added);
    let changes_applied = superseded.len() + added.len();
    let mut source = LexiconSource::Cache;
    let index = 'index: {
        if let Some(index) = open_lex(memory, file, key_extra) {
            break 'index index;
        }
        let (read, built) = file_lexicon(memory, file, key_extra, true, changes_applied == 0)?;
        source = built;
        let (lexicon, links) = match read {
            FileLexicon::Pairs { lexicon, links } => (lexicon, links),
            FileLexicon::Counts(counts) => match open_lex(memory, file, key_extra) {
                // Saved: the changes are learned from the file as on any open.
                Some(index) => break 'index index,
                // Not saved (a folder that cannot be written): learned from the counts.
                None => {
                    let mut counts = counts;
                    for id in superseded {
                        counts.change_tu(&memory.any_tu(*id)?, memory, Sign::Remove);
                    }
                    for id in added {
                        counts.change_tu(&memory.any_tu(*id)?, memory, Sign::Add);
                    }
                    (counts.lexicon(), counts.links)
                }
            },
        };
        return Ok(Some(MemoryLexicon {
            lexicon: Arc::new(lexicon),
            sources: vec![source],
            changes_applied,
            links,
            learning: Learning::Full,
        }));
    };
    let removed = change_pairs(memory, superseded)?;
    let put = change_pairs(memory, added)?;
    let dropped = change_pairs(memory, changes.dropped)?;
    let Some(state) = index.section::<u64>(STATE).filter(|s| s.len() == 2) else {
        return Ok(None);
    };
    let (learned_links, changed_since) = (state[0], state[1]);
    let (Some(applied_removed), Some(applied_added)) = (
        index.section::<u64>(APPLIED_REMOVED),
        index.section::<u64>(APPLIED_ADDED),
    ) else {
        return Ok(None);
    };
    let delta = minus(&removed, applied_removed, &[]).zip(minus(&put, applied_added, &dropped));
    let made = |learned: Vec<Learned>, links: u64, learning: Learning| MemoryLexicon {
        lexicon: Arc::new(lexicon_of(&learned)),
        sources: vec![source],
        changes_applied,
        links,
        learning,
    };
    let (learned, links, learning, state) = match delta {
        Some((gone, new)) if gone.is_empty() && new.is_empty() => {
            let Some(learned) = read_learned(&index) else {
                return Ok(None);
            };
            let links = read_links(&index).unwrap_or(0) + put.len() as u64;
            let links = links.saturating_sub(removed.len() as u64);
            return Ok(Some(made(learned, links, Learning::Saved)));
        }
        Some((gone, new))
            if (changed_since + (gone.len() + new.len()) as u64) as f64
                <= RELEARN_SHARE * learned_links as f64 =>
        {
            let Some((learned, links, words)) = relearn(&index, &removed, &put, &gone, &new) else {
                return Ok(None);
            };
            let changed = changed_since + (gone.len() + new.len()) as u64;
            (
                learned,
                links,
                Learning::Changed { words },
                [learned_links, changed],
            )
        }
        _ => {
            let Some(mut counts) = read_counts(&index) else {
                return Ok(None);
            };
            for c in &removed {
                counts.remove(&c.en, &c.vi);
            }
            for c in &put {
                counts.add(&c.en, &c.vi);
            }
            let learned = counts.learned();
            (learned, counts.links, Learning::Full, [counts.links, 0])
        }
    };
    if !changes.save {
        index.release();
        return Ok(Some(made(learned, links, learning)));
    }
    // Saved for the next open, best effort, if the TMX is still the one read.
    let hashes = |changes: &[Change]| -> Vec<u64> { changes.iter().map(|c| c.hash).collect() };
    let key = cache::key(file.path, key_extra).ok();
    let image = key
        .as_ref()
        .zip(Sections::of_index(&index))
        .map(|(key, sections)| {
            let applied = [&hashes(&removed)[..], &hashes(&put)[..]];
            write_sections(&sections, &learned, state, applied, key)
        });
    index.release();
    if let (Some(image), Some(key), Some(lex_path)) = (image, key, lexicon_path(file.path))
        && cache::key(file.path, key_extra).is_ok_and(|now| now == key)
    {
        let _ = cache::save(&lex_path, &image);
    }
    Ok(Some(made(learned, links, learning)))
}

/// Term numbers of the saved vocabulary, with numbers past its end for new terms.
struct Numbering<'a> {
    saved: usize,
    ids: FxHashMap<&'a str, u32>,
}

impl<'a> Numbering<'a> {
    /// Numbers `wanted` as the saved list `words` does, reading the list once.
    fn of(words: &[&str], wanted: impl IntoIterator<Item = &'a str>) -> Numbering<'a> {
        let mut ids: FxHashMap<&'a str, u32> = wanted.into_iter().map(|w| (w, u32::MAX)).collect();
        let mut found = 0;
        for (id, word) in words.iter().enumerate() {
            if found == ids.len() {
                break;
            }
            if let Some(slot) = ids.get_mut(*word)
                && *slot == u32::MAX
            {
                *slot = id as u32;
                found += 1;
            }
        }
        let mut new: Vec<&'a str> = ids
            .iter()
            .filter(|(_, id)| **id == u32::MAX)
            .map(|(w, _)| *w)
            .collect();
        new.sort_unstable();
        for (id, w) in (words.len() as u32..).zip(new) {
            ids.insert(w, id);
        }
        Numbering {
            saved: words.len(),
            ids,
        }
    }

    fn len(&self) -> usize {
        self.saved
            + self
                .ids
                .values()
                .filter(|&&id| id as usize >= self.saved)
                .count()
    }

    fn id(&self, word: &str) -> u32 {
        self.ids[word]
    }
}

/// A changed sentence pair's terms.
struct ChangeTerms {
    en: Vec<String>,
    vi: Vec<String>,
}

impl ChangeTerms {
    fn of(change: &Change) -> ChangeTerms {
        ChangeTerms {
            en: en_words(&change.en),
            vi: vi_terms(&change.vi),
        }
    }
}

/// The pairs of the memory as it is now (the saved counts, less `removed`, plus `put`),
/// learning again only what the changes not yet in the saved pairs (`gone`, `new`) can
/// affect. A pair is tested on its own counts (see [`RELEARN_SHARE`] for the total), so:
/// - an English word of a changed sentence pair, or whose learned term is in one, is
///   learned again from every sentence pair that holds it;
/// - any other English word keeps its pair unless a term of a changed sentence pair
///   (whose count moved) now beats it: those candidates are counted from the sentence
///   pairs that hold the term, and compared with the kept pair on its saved counts.
///
/// Returns the pairs, the sentence pairs counted and how many English words were decided
/// again; `None` if the file is damaged.
fn relearn(
    index: &IndexBytes,
    removed: &[Change],
    put: &[Change],
    gone: &[&Change],
    new: &[&Change],
) -> Option<(Vec<Learned>, u64, usize)> {
    let en_saved = split_words(index.section::<u8>(EN_WORDS)?)?;
    let vi_saved = split_words(index.section::<u8>(VI_WORDS)?)?;
    let (hashes, lengths, terms) = (
        index.section::<u64>(HASHES)?,
        index.section::<u32>(LENGTHS)?,
        index.section::<u32>(TERMS)?,
    );
    let mut en_counts = index.section::<u32>(EN_COUNTS)?.to_vec();
    let mut vi_counts = index.section::<u32>(VI_COUNTS)?.to_vec();
    if lengths.len() != 2 * hashes.len()
        || en_counts.len() != en_saved.len()
        || vi_counts.len() != vi_saved.len()
    {
        return None;
    }
    let old = read_learned(index)?;
    let removed_terms: Vec<ChangeTerms> = removed.iter().map(ChangeTerms::of).collect();
    let put_terms: Vec<ChangeTerms> = put.iter().map(ChangeTerms::of).collect();
    let delta_terms: Vec<ChangeTerms> =
        gone.iter().chain(new).map(|c| ChangeTerms::of(c)).collect();
    let delta_vi: rustc_hash::FxHashSet<&str> = delta_terms
        .iter()
        .flat_map(|c| c.vi.iter().map(String::as_str))
        .collect();
    // English words decided afresh: those of a changed pair, and those whose term moved.
    let mut relearned: rustc_hash::FxHashSet<&str> = delta_terms
        .iter()
        .flat_map(|c| c.en.iter().map(String::as_str))
        .collect();
    relearned.extend(
        old.iter()
            .filter(|l| delta_vi.contains(&*l.vi))
            .map(|l| &*l.en),
    );
    let all = || removed_terms.iter().chain(&put_terms);
    let en_ids = Numbering::of(
        &en_saved,
        all()
            .flat_map(|c| c.en.iter().map(String::as_str))
            .chain(relearned.iter().copied()),
    );
    // The terms of a change undone (in neither list: a document's addition left out)
    // moved as well.
    let vi_ids = Numbering::of(
        &vi_saved,
        all()
            .flat_map(|c| c.vi.iter().map(String::as_str))
            .chain(delta_vi.iter().copied()),
    );
    en_counts.resize(en_ids.len(), 0);
    vi_counts.resize(vi_ids.len(), 0);
    let en_word = |id: u32| -> &str {
        en_saved.get(id as usize).copied().unwrap_or_else(|| {
            en_ids
                .ids
                .iter()
                .find(|&(_, &i)| i == id)
                .map_or("", |(w, _)| w)
        })
    };
    let vi_word = |id: u32| -> &str {
        vi_saved.get(id as usize).copied().unwrap_or_else(|| {
            vi_ids
                .ids
                .iter()
                .find(|&(_, &i)| i == id)
                .map_or("", |(w, _)| w)
        })
    };

    // The sentence pairs taken back, found by hash with where their terms start.
    let mut wanted: FxHashMap<u64, usize> = FxHashMap::default();
    for c in removed {
        *wanted.entry(c.hash).or_default() += 1;
    }
    let mut starts = Vec::with_capacity(hashes.len() + 1);
    let mut at = 0usize;
    let mut taken_back = rustc_hash::FxHashSet::default();
    for (pair, (&hash, length)) in hashes.iter().zip(lengths.chunks_exact(2)).enumerate() {
        starts.push(at);
        if let Some(n) = wanted.get_mut(&hash)
            && *n > 0
        {
            *n -= 1;
            taken_back.insert(pair);
        }
        at += length[0] as usize + length[1] as usize;
    }
    starts.push(at);
    if at != terms.len() {
        return None;
    }
    let saved_pair = |pair: usize| -> (&[u32], &[u32]) {
        let (start, e) = (starts[pair], lengths[2 * pair] as usize);
        (
            &terms[start..start + e],
            &terms[start + e..starts[pair + 1]],
        )
    };
    // Numbers past the saved words would be new words' numbers: a damaged file.
    let in_range = |ids: &[u32], len: usize| ids.iter().all(|&id| (id as usize) < len);
    if !(0..hashes.len()).all(|pair| {
        let (en, vi) = saved_pair(pair);
        in_range(en, en_saved.len()) && in_range(vi, vi_saved.len())
    }) {
        return None;
    }
    let mut links = hashes.len() as u64;
    for &pair in &taken_back {
        let (en, vi) = saved_pair(pair);
        en.iter().for_each(|&w| en_counts[w as usize] -= 1);
        vi.iter().for_each(|&t| vi_counts[t as usize] -= 1);
        links -= 1;
    }
    let put_ids: Vec<(Vec<u32>, Vec<u32>)> = put_terms
        .iter()
        .map(|c| {
            (
                c.en.iter().map(|w| en_ids.id(w)).collect(),
                c.vi.iter().map(|t| vi_ids.id(t)).collect(),
            )
        })
        .collect();
    for (en, vi) in &put_ids {
        en.iter().for_each(|&w| en_counts[w as usize] += 1);
        vi.iter().for_each(|&t| vi_counts[t as usize] += 1);
        links += 1;
    }
    let links_usize = usize::try_from(links).unwrap_or(usize::MAX);

    let mut again = vec![false; en_counts.len()];
    for w in &relearned {
        again[en_ids.id(w) as usize] = true;
    }
    let mut moved = vec![false; vi_counts.len()];
    for t in &delta_vi {
        if let Some(&id) = vi_ids.ids.get(t) {
            moved[id as usize] = true;
        }
    }
    // Every sentence pair of the memory as it is now, once.
    let mut together: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    let worth =
        |w: u32, t: u32| worth_testing(en_counts[w as usize], vi_counts[t as usize], links_usize);
    let mut tally = |en: &[u32], vi: &[u32]| {
        for &w in en.iter().filter(|&&w| again[w as usize]) {
            for &t in vi.iter().filter(|&&t| worth(w, t)) {
                *together.entry((w, t)).or_default() += 1;
            }
        }
        for &t in vi.iter().filter(|&&t| moved[t as usize]) {
            for &w in en.iter().filter(|&&w| !again[w as usize] && worth(w, t)) {
                *together.entry((w, t)).or_default() += 1;
            }
        }
    };
    for pair in (0..hashes.len()).filter(|p| !taken_back.contains(p)) {
        let (en, vi) = saved_pair(pair);
        tally(en, vi);
    }
    for (en, vi) in &put_ids {
        tally(en, vi);
    }

    let mut candidates: Vec<Learned> = Vec::new();
    let mut decided: rustc_hash::FxHashSet<&str> = relearned.clone();
    for (&(w, t), &n) in &together {
        let (cw, ct) = (en_counts[w as usize], vi_counts[t as usize]);
        let en = en_word(w);
        if !again[w as usize] {
            decided.insert(en);
        }
        if could_pass(n, cw, ct, links_usize) {
            candidates.push(Learned {
                en: en.into(),
                vi: vi_word(t).into(),
                together: n,
                en_count: cw,
                vi_count: ct,
            });
        }
    }
    // A word decided again only for a moved term keeps its pair as a candidate.
    candidates.extend(
        old.iter()
            .filter(|l| decided.contains(&*l.en) && !relearned.contains(&*l.en))
            .cloned(),
    );
    let words = decided.len();
    let mut learned: Vec<Learned> = old
        .iter()
        .filter(|l| !decided.contains(&*l.en))
        .cloned()
        .collect();
    learned.extend(choose(links_usize, &candidates));
    learned.sort_unstable_by(|a, b| a.en.cmp(&b.en));
    Some((learned, links, words))
}

// Sections of a `.lex` file. The counts are those of the TMX as written; the pairs learned
// are those of the memory with the changes listed (the journal's, when they were learned).
const HEAD: usize = 0; // [sentence pairs] as u64
const EN_WORDS: usize = 1; // the English words, each followed by '\n'
const VI_WORDS: usize = 2;
const HASHES: usize = 3; // u64 per sentence pair
const LENGTHS: usize = 4; // u32 pairs per sentence pair: English terms, Vietnamese terms
const TERMS: usize = 5; // u32: each sentence pair's English then Vietnamese term numbers
const LEARNED: usize = 6; // the pairs learned: `word\tterm\ttogether\tword count\tterm count\n`
const EN_COUNTS: usize = 7; // u32 per English word: sentence pairs holding it
const VI_COUNTS: usize = 8;
const STATE: usize = 9; // [sentence pairs at the last full learning, TUs changed since] as u64
const APPLIED_REMOVED: usize = 10; // u64 hashes of the sentence pairs taken back
const APPLIED_ADDED: usize = 11; // and of those put
const SECTIONS: usize = 12;

fn joined<'a>(words: impl Iterator<Item = &'a str>) -> Vec<u8> {
    let mut out = Vec::new();
    for w in words {
        out.extend_from_slice(w.as_bytes());
        out.push(b'\n');
    }
    out
}

/// The counts of a `.lex` file, borrowed from a saved one or made from [`LexiconCounts`].
struct Sections<'a> {
    links: u64,
    en_words: std::borrow::Cow<'a, [u8]>,
    vi_words: std::borrow::Cow<'a, [u8]>,
    hashes: std::borrow::Cow<'a, [u64]>,
    lengths: std::borrow::Cow<'a, [u32]>,
    terms: std::borrow::Cow<'a, [u32]>,
    en_counts: std::borrow::Cow<'a, [u32]>,
    vi_counts: std::borrow::Cow<'a, [u32]>,
}

impl<'a> Sections<'a> {
    fn of_counts(counts: &LexiconCounts) -> Sections<'static> {
        let live: Vec<&Counted> = counts.counted.iter().flatten().collect();
        Sections {
            links: counts.links,
            en_words: joined(counts.en.words.iter().map(|w| &**w)).into(),
            vi_words: joined(counts.vi.words.iter().map(|w| &**w)).into(),
            hashes: live.iter().map(|c| c.hash).collect::<Vec<u64>>().into(),
            lengths: live
                .iter()
                .flat_map(|c| [c.en.len() as u32, c.vi.len() as u32])
                .collect::<Vec<u32>>()
                .into(),
            terms: live
                .iter()
                .flat_map(|c| c.en.iter().chain(c.vi.iter()).copied())
                .collect::<Vec<u32>>()
                .into(),
            en_counts: counts.en.counts.clone().into(),
            vi_counts: counts.vi.counts.clone().into(),
        }
    }

    fn of_index(index: &'a IndexBytes) -> Option<Sections<'a>> {
        Some(Sections {
            links: read_links(index)?,
            en_words: index.section::<u8>(EN_WORDS)?.into(),
            vi_words: index.section::<u8>(VI_WORDS)?.into(),
            hashes: index.section::<u64>(HASHES)?.into(),
            lengths: index.section::<u32>(LENGTHS)?.into(),
            terms: index.section::<u32>(TERMS)?.into(),
            en_counts: index.section::<u32>(EN_COUNTS)?.into(),
            vi_counts: index.section::<u32>(VI_COUNTS)?.into(),
        })
    }
}

/// A `.lex` image: the counts, the pairs learned with their counts, the learning state
/// and the changes (taken back, put) the pairs include.
fn write_sections(
    sections: &Sections<'_>,
    learned: &[Learned],
    state: [u64; 2],
    applied: [&[u64]; 2],
    key: &[u8],
) -> cache::Aligned {
    let mut text = String::new();
    for l in learned {
        use std::fmt::Write as _;
        let _ = writeln!(
            text,
            "{}\t{}\t{}\t{}\t{}",
            l.en, l.vi, l.together, l.en_count, l.vi_count
        );
    }
    let capacity = sections.en_words.len()
        + sections.vi_words.len()
        + sections.hashes.len() * 16
        + sections.terms.len() * 4
        + (sections.en_counts.len() + sections.vi_counts.len()) * 4
        + text.len()
        + (applied[0].len() + applied[1].len()) * 8;
    let mut writer = ImageWriter::new(key, SECTIONS, capacity);
    writer.put::<u64>(&[sections.links]);
    writer.put::<u8>(&sections.en_words);
    writer.put::<u8>(&sections.vi_words);
    writer.put::<u64>(&sections.hashes);
    writer.put::<u32>(&sections.lengths);
    writer.put::<u32>(&sections.terms);
    writer.put::<u8>(text.as_bytes());
    writer.put::<u32>(&sections.en_counts);
    writer.put::<u32>(&sections.vi_counts);
    writer.put::<u64>(&state);
    writer.put::<u64>(applied[0]);
    writer.put::<u64>(applied[1]);
    writer.finish()
}

/// The `.lex` image of a TMX's counts, freshly made, and of the pairs they select.
fn write(counts: &LexiconCounts, learned: &[Learned], key: &[u8]) -> cache::Aligned {
    let state = [counts.links, 0];
    write_sections(
        &Sections::of_counts(counts),
        learned,
        state,
        [&[], &[]],
        key,
    )
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

fn read_learned(index: &IndexBytes) -> Option<Vec<Learned>> {
    let text = std::str::from_utf8(index.section::<u8>(LEARNED)?).ok()?;
    text.lines()
        .map(|line| {
            let mut fields = line.split('\t');
            let (en, vi) = (fields.next()?, fields.next()?);
            let mut number = || fields.next()?.parse::<u32>().ok();
            Some(Learned {
                en: en.into(),
                vi: vi.into(),
                together: number()?,
                en_count: number()?,
                vi_count: number()?,
            })
        })
        .collect()
}

fn read_pairs(index: &IndexBytes) -> Option<(Lexicon, u64)> {
    Some((lexicon_of(&read_learned(index)?), read_links(index)?))
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
    use crate::memory::record::{NewUnit, unit_tu};
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
        doc_tu("news", i, en, vi)
    }

    fn doc_tu(doc: &str, i: usize, en: &str, vi: &str) -> Tu {
        let mut tu = unit_tu(
            &NewUnit {
                doc,
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

    /// Base sentence pairs that teach nothing (their words are in every pair), then the
    /// news pairs: a memory large enough that a few changes stay under [`RELEARN_SHARE`].
    fn large_memory_pairs() -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = (0..600)
            .map(|i| {
                (
                    format!("Sentence {i} of the base."),
                    format!("Câu {i} của phần nền."),
                )
            })
            .collect();
        pairs.extend(news_pairs());
        pairs
    }

    /// Replaces TU `at` (by its English text) with `vi`, through the journal.
    fn journal_replace(path: &Path, en: &str, at: usize, vi: &str) {
        let mut memory = open_for_update(path);
        memory.journal_every_save();
        let id = memory.exact(en).expect("lookup")[0].entry;
        memory.replace(id, tu(at, en, vi)).expect("replace");
        memory.save().expect("save");
    }

    /// Adds a TU through the journal.
    fn journal_add(path: &Path, at: usize, en: &str, vi: &str) {
        let mut memory = open_for_update(path);
        memory.journal_every_save();
        memory.add(None, tu(at, en, vi)).expect("add");
        memory.save().expect("save");
    }

    /// The lexicon of `pairs` written whole and counted afresh.
    fn fresh_pairs(dir: &Path, name: &str, pairs: &[(String, String)]) -> Vec<(String, String)> {
        let whole = dir.join(name);
        memory_file(&whole, pairs);
        let fresh = MemoryLexicon::of(&open(&whole), false).expect("lexicon");
        assert_eq!(fresh.learning, Learning::Full);
        pairs_of(&fresh)
    }

    #[test]
    fn one_change_relearns_only_the_words_it_touches_and_equals_a_full_learning() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.tmx");
        let mut pairs = large_memory_pairs();
        memory_file(&path, &pairs);
        let first = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert_eq!(first.learning, Learning::Full);
        // `farmer` / `nông dân` is learned; the change takes one of its sentence pairs
        // away from `nông dân` and gives `bệnh viện` a new one.
        assert!(pairs_of(&first).contains(&("farmer".into(), "nông dân".into())));
        let at = 600 + 4;
        let new_vi = "Bệnh viện và trường học được nhắc tới ở miền Bắc.";
        journal_replace(&path, &pairs[at].0, at, new_vi);
        pairs[at].1 = new_vi.to_owned();

        let updated = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert_eq!(updated.sources, [LexiconSource::Cache]);
        let Learning::Changed { words } = updated.learning else {
            panic!("a full learning for one change: {:?}", updated.learning);
        };
        assert!(words > 0 && words < pairs_of(&first).len() + 10, "{words}");
        assert_eq!(pairs_of(&updated), fresh_pairs(dir.path(), "a.tmx", &pairs));
        assert_eq!(updated.links, pairs.len() as u64);

        // Saved: the next open reads the pairs as they are now, learning nothing.
        let again = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert_eq!(again.learning, Learning::Saved);
        assert_eq!(pairs_of(&again), pairs_of(&updated));
        assert_eq!(again.links, updated.links);

        // A second change on top of the first: only the new one is learned again.
        let en = "The bridge and the flood were seen near the coast.";
        let vi = "Cây cầu và lũ lụt được nhắc tới gần bờ biển.";
        journal_add(&path, pairs.len(), en, vi);
        pairs.push((en.to_owned(), vi.to_owned()));
        let second = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert!(matches!(second.learning, Learning::Changed { .. }));
        assert_eq!(second.changes_applied, 3);
        assert_eq!(pairs_of(&second), fresh_pairs(dir.path(), "b.tmx", &pairs));
    }

    #[test]
    fn changes_past_the_share_learn_everything_again() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.tmx");
        let mut pairs = large_memory_pairs();
        memory_file(&path, &pairs);
        MemoryLexicon::of(&open(&path), true).expect("lexicon");
        let share = (RELEARN_SHARE * pairs.len() as f64) as usize;
        // Up to the share, one TU at a time: each open learns the change alone.
        for i in 0..share {
            let (en, vi) = (
                format!("The harvest {i} came."),
                format!("Mùa màng {i} tới."),
            );
            journal_add(&path, pairs.len(), &en, &vi);
            pairs.push((en, vi));
            let learned = MemoryLexicon::of(&open(&path), true).expect("lexicon");
            assert!(matches!(learned.learning, Learning::Changed { .. }), "{i}");
        }
        // One more crosses it: everything is learned again with the new total.
        let (en, vi) = ("The school came.", "Trường học tới.");
        journal_add(&path, pairs.len(), en, vi);
        pairs.push((en.to_owned(), vi.to_owned()));
        let full = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert_eq!(full.learning, Learning::Full);
        assert_eq!(
            pairs_of(&full),
            fresh_pairs(dir.path(), "whole.tmx", &pairs)
        );
        // And the count starts again from there.
        let (en, vi) = ("The hospital came.", "Bệnh viện tới.");
        journal_add(&path, pairs.len(), en, vi);
        let after = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert!(matches!(after.learning, Learning::Changed { .. }));
    }

    /// Sentence pairs over many topic words, each in a dozen pairs or so, mixed by a
    /// fixed pseudo-random sequence: many pairs near the test's limits, which a change
    /// turns.
    fn mixed_pairs(count: usize, seed: u64) -> Vec<(String, String)> {
        const EN: [&str; 12] = [
            "river", "market", "teacher", "doctor", "village", "train", "festival", "court",
            "police", "museum", "airport", "factory",
        ];
        const VI: [&str; 12] = [
            "dòng sông",
            "khu chợ",
            "giáo viên",
            "bác sĩ",
            "ngôi làng",
            "đoàn tàu",
            "lễ hội",
            "tòa án",
            "cảnh sát",
            "bảo tàng",
            "sân bay",
            "nhà máy",
        ];
        let mut state = seed;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        (0..count)
            .map(|i| {
                let (a, b) = (next() % EN.len(), next() % EN.len());
                // Now and then a word left untranslated: counts that are not all equal.
                let vi_b = if next() % 4 == 0 { "ấy" } else { VI[b] };
                (
                    format!("The {} met the {} in case {i}.", EN[a], EN[b]),
                    format!("{} gặp {vi_b} trong vụ {i}.", capital(VI[a])),
                )
            })
            .collect()
    }

    #[test]
    fn changes_under_the_share_learn_what_a_full_learning_learns() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.tmx");
        let mut pairs = large_memory_pairs();
        pairs.extend(mixed_pairs(300, 7));
        // A word seen once: a second sentence pair with it makes a pair to learn.
        pairs.push(("The cyclone hit.".into(), "Lốc xoáy ập tới.".into()));
        memory_file(&path, &pairs);
        let first = pairs_of(&MemoryLexicon::of(&open(&path), true).expect("lexicon"));
        assert!(!first.iter().any(|(w, _)| w == "cyclone"));
        // Three replaced (their terms move), three added.
        for (k, at) in [610, 700, 800].into_iter().enumerate() {
            let vi = mixed_pairs(3, 11 + k as u64)[k].1.clone();
            journal_replace(&path, &pairs[at].0.clone(), at, &vi);
            pairs[at].1 = vi;
        }
        let added = [
            ("The cyclone hit the village.", "Lốc xoáy ập vào ngôi làng."),
            ("The doctor met the police.", "Bác sĩ gặp cảnh sát."),
            ("The museum met the court.", "Bảo tàng gặp ấy."),
        ];
        for (en, vi) in added {
            journal_add(&path, pairs.len(), en, vi);
            pairs.push((en.to_owned(), vi.to_owned()));
        }
        let updated = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert!(matches!(updated.learning, Learning::Changed { .. }));
        let updated = pairs_of(&updated);
        assert!(updated.contains(&("cyclone".into(), "lốc xoáy".into())));
        assert_ne!(updated, first);
        assert_eq!(updated, fresh_pairs(dir.path(), "whole.tmx", &pairs));
    }

    #[test]
    fn a_word_no_change_holds_is_learned_when_its_term_moves() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.tmx");
        let mut pairs = large_memory_pairs();
        // `levee` is always with `đê`, but `đê` is with `dyke` more often: too common
        // for `levee`'s two sentence pairs.
        for i in 0..2 {
            pairs.push((
                format!("The levee of the base {i}."),
                format!("Đê của phần nền {i}."),
            ));
        }
        for i in 0..3 {
            pairs.push((
                format!("The dyke of the base {i}."),
                format!("Đê của phần nền {i}."),
            ));
        }
        memory_file(&path, &pairs);
        let learned = |pairs: &[(String, String)]| -> Vec<String> {
            pairs
                .iter()
                .filter(|(w, _)| w == "levee")
                .map(|(_, t)| t.clone())
                .collect()
        };
        let first = pairs_of(&MemoryLexicon::of(&open(&path), true).expect("lexicon"));
        assert!(learned(&first).is_empty());
        // A `dyke` sentence pair loses its `đê`: the change holds `đê`, not `levee`.
        let at = pairs.len() - 1;
        let vi = "Bờ kè của phần nền 2.";
        journal_replace(&path, &pairs[at].0.clone(), at, vi);
        pairs[at].1 = vi.to_owned();
        let updated = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert!(matches!(updated.learning, Learning::Changed { .. }));
        let updated = pairs_of(&updated);
        assert!(!learned(&updated).is_empty(), "{updated:?}");
        assert_eq!(updated, fresh_pairs(dir.path(), "whole.tmx", &pairs));
    }

    /// The sentence pairs of another document, `story`: they alone teach `cyclone`.
    fn story_pairs(count: usize) -> Vec<(String, String)> {
        (0..count)
            .map(|i| {
                (
                    format!("The cyclone hit village {i}."),
                    format!("Lốc xoáy ập vào làng {i}."),
                )
            })
            .collect()
    }

    /// The learned pairs of `cyclone`.
    fn cyclone(pairs: &[(String, String)]) -> Vec<&str> {
        pairs
            .iter()
            .filter(|(w, _)| w == "cyclone")
            .map(|(_, t)| t.as_str())
            .collect()
    }

    /// Writes at `path` a memory of the news pairs and `story_len` TUs of document
    /// `story`; returns the news pairs.
    fn news_and_story(path: &Path, story_len: usize) -> Vec<(String, String)> {
        let news = large_memory_pairs();
        let mut memory = open_for_update(path);
        for (i, (en, vi)) in news.iter().enumerate() {
            memory.add(None, tu(i, en, vi)).expect("add");
        }
        for (i, (en, vi)) in story_pairs(story_len).iter().enumerate() {
            memory.add(None, doc_tu("story", i, en, vi)).expect("add");
        }
        memory.save().expect("save");
        news
    }

    #[test]
    fn a_document_left_out_learns_what_the_memory_without_it_learns_and_saves_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.tmx");
        let news = news_and_story(&path, 3);
        let whole = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert_eq!(cyclone(&pairs_of(&whole)), ["lốc xoáy"]);
        let lex = lexicon_path(&path).expect("a path");
        let saved = std::fs::read(&lex).expect("read");

        // Three TUs of a memory of 627: only the words they hold are learned again.
        let without = MemoryLexicon::without_document(&open(&path), "story", true).expect("view");
        assert!(matches!(without.learning, Learning::Changed { .. }));
        assert_eq!(without.sources, [LexiconSource::Cache]);
        assert_eq!(without.links, news.len() as u64);
        let expected = fresh_pairs(dir.path(), "news.tmx", &news);
        assert!(cyclone(&expected).is_empty());
        assert_eq!(pairs_of(&without), expected);
        // A view: the memory's own pairs stay saved as they were.
        assert_eq!(std::fs::read(&lex).expect("read"), saved);
        let again = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert_eq!(again.learning, Learning::Saved);
        assert_eq!(pairs_of(&again), pairs_of(&whole));
        // A document the memory does not hold leaves the memory as it is.
        let unknown = MemoryLexicon::without_document(&open(&path), "none", true).expect("view");
        assert_eq!(unknown.learning, Learning::Saved);
        assert_eq!(pairs_of(&unknown), pairs_of(&whole));

        // A TU of the document put since the TMX was written, already in the saved pairs:
        // taken back as well.
        let (en, vi) = ("The cyclone hit the coast.", "Lốc xoáy ập vào bờ biển.");
        let mut memory = open_for_update(&path);
        memory.journal_every_save();
        memory.add(None, doc_tu("story", 3, en, vi)).expect("add");
        memory.save().expect("save");
        drop(memory);
        let with_added = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert!(matches!(with_added.learning, Learning::Changed { .. }));
        let without = MemoryLexicon::without_document(&open(&path), "story", true).expect("view");
        assert!(matches!(without.learning, Learning::Changed { .. }));
        assert_eq!(pairs_of(&without), expected);
        assert_eq!(without.links, news.len() as u64);
    }

    #[test]
    fn a_document_past_the_share_is_left_out_by_a_full_learning() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.tmx");
        let news = news_and_story(&path, 20);
        let whole = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert_eq!(cyclone(&pairs_of(&whole)), ["lốc xoáy"]);
        let without = MemoryLexicon::without_document(&open(&path), "story", true).expect("view");
        assert_eq!(without.learning, Learning::Full);
        assert_eq!(
            pairs_of(&without),
            fresh_pairs(dir.path(), "news.tmx", &news)
        );
        // Without the cache, the same.
        let uncached = MemoryLexicon::without_document(&open(&path), "story", false).expect("view");
        assert_eq!(pairs_of(&uncached), pairs_of(&without));
        let again = MemoryLexicon::of(&open(&path), true).expect("lexicon");
        assert_eq!(again.learning, Learning::Saved);
    }
}
