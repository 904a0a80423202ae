//! Fuzzy matching as CAT tools do it: a 0–100 score from a word-level edit distance, and
//! an index that finds every stored source scoring at least `min` against a query without
//! scoring the whole memory.
//!
//! # The score
//!
//! Both texts are [`normalize`]d and split into [`tokens`]. Costs are counted in tenths of
//! a word so that all arithmetic is exact integer arithmetic:
//!
//! | edit                                                        | cost |
//! |-------------------------------------------------------------|------|
//! | insert or delete a word                                     | 10   |
//! | insert or delete a punctuation token                        | 5    |
//! | substitute a word by a word with another [`fold`](crate::text::normalize::fold)           | 10   |
//! | substitute two tokens of different kinds                    | 10   |
//! | substitute punctuation by punctuation with another fold      | 5    |
//! | substitute a word by one that differs only in case or marks | 2    |
//! | the same for punctuation                                    | 1    |
//!
//! Punctuation weighs half a word: a missing comma in a 20-word sentence still scores 97,
//! in line with memoQ's "95–99: only numbers, tags, punctuation or spaces differ", yet
//! `"Yes."` and `"Yes?"` are not equal. A substitution within one fold class (`Hùng` for
//! `Hung`, `the` for `The`) costs a fifth of an edit: a missing diacritic or a capital is
//! not a new word, but it is a change the translator must see, and the tone marks of
//! Vietnamese do change the word (`ma`, `má`, `mà`, `mả`, `mã`, `mạ`).
//!
//! The length `len` of a text is the sum of its tokens' insert costs, `dist` the weighted
//! edit distance, and `score = floor(100 × (1 − dist / max(len_a, len_b)))`, at least 0.
//! Only texts equal after [`normalize`] score 100; texts that differ only where the
//! tokens do not look (spacing around punctuation: `a, b` against `a ,b`) score 99. Two
//! empty texts are equal (100).
//!
//! # The index and its bound
//!
//! Write `m = min / 100`, `L = max(len_q, len_s)`. Scoring at least `min` means
//! `dist ≤ (1 − m) · L`. Two lower bounds on `dist` make the search lossless:
//!
//! - **Length.** Every edit changes the weighted length by at most its cost, so
//!   `dist ≥ |len_q − len_s|`, hence a source can only qualify when
//!   `m · len_q ≤ len_s ≤ len_q / m`.
//! - **Overlap.** Let `I` be the weighted size of the multiset intersection of the fold
//!   classes of both texts (`Σ_class weight × min(count_q, count_s)`). In any alignment,
//!   a token of `q` that is not paired with a token of its own fold class is deleted (cost:
//!   its weight) or substituted across classes (cost: the larger weight of the two), so the
//!   alignment costs at least the weight of the unpaired tokens of `q`, and likewise of `s`:
//!   `dist ≥ max(len_q, len_s) − I`. A source can only qualify when `I ≥ m · L`, and in
//!   particular when `I ≥ ⌈m · len_q⌉ =: T`.
//!
//! The index keeps, for every fold class, the list of entries containing it (postings,
//! delta-encoded). A search groups the query's tokens by fold class, each class weighing
//! `w_c = count_q × token weight`; only classes present in the index can contribute to
//! `I`, their total weight being `W` (if `W < T`, nothing qualifies). Take the classes
//! from the rarest up and scan the postings of the first `k`, adding `w_c` to a counter
//! `A` of every entry met: `A` bounds what the scanned classes can add to `I`, and the
//! unscanned ones add at most their total `R`, so **an entry qualifies only if
//! `A + R ≥ T`** (prefix filter plus count filter). Scanning must go on at least until
//! `R < T`, so that an entry absent from every scanned list (`A = 0`) is ruled out; past
//! that, each further list costs a scan of its postings but raises the `A` an entry must
//! show. A histogram of the counters tells how many entries would be left to check if the
//! scan stopped here, and the scan stops once checking them costs less than scanning the
//! next (more common) list, so stop words are usually never scanned.
//!
//! The remaining entries are checked against the length bound, then the overlap bound
//! (`I` computed exactly on the entry's stored tokens), and only then scored, with a
//! dynamic programming that stops as soon as a whole row exceeds `(1 − m) · L`. Once
//! `limit` hits are found, `min` rises to the lowest score kept (ties stay in: a lower id
//! wins), which tightens all these checks. Every step only drops entries that provably
//! score below `min`, so [`FuzzyIndex::search`] returns exactly what
//! [`FuzzyIndex::brute_force`] returns; the property tests check it.
//!
//! On the benchmark (`benches/fuzzy.rs`: generated news sentences of ~22 words, `min`
//! 60, 10 hits), a lookup takes about 0.07 ms among 100,000 entries and 0.7 ms among
//! 1,000,000, against 150 ms and 1.4 s for brute force.
//!
//! # Memory
//!
//! No string is kept per entry. Token texts are interned once (word id), each word knows
//! its fold class and kind, and an entry is a run of varint-encoded `word id × 2 + space
//! before` in one byte arena (about 2 bytes a token), plus 16 bytes of id, length and
//! offset, plus its postings (varint deltas, about 1.4 bytes per distinct token). On the
//! benchmark, 1,000,000 entries of ~22 words (24 tokens) take 106 MB: 47 MB of tokens,
//! 32 MB of postings, 16 MB of per-entry arrays and 11 MB of vocabulary (159,000 words,
//! 121,000 fold classes). See [`FuzzyIndex::memory_usage`].

use std::cmp::Ordering;
use std::time::Duration;

use serde::Serialize;
use similar::{Algorithm, DiffOp};

use super::cache::{ImageWriter, IndexBytes};
use super::interner::{Interner, InternerRef, fold_key};
use crate::text::normalize::normalize;
use crate::text::tokens::{TokenKind, tokens};

/// Cost of inserting, deleting or substituting a word, in tenths of a word.
const WORD_COST: u32 = 10;
/// Cost of inserting, deleting or substituting a punctuation token.
const PUNCT_COST: u32 = 5;

/// How many postings one candidate check (decoding its tokens and counting its overlap)
/// costs as much as scanning: this decides how many postings lists a search scans. 16 to
/// 256 are all within 10 % of the best on the benchmark; 64 is in the middle.
const VERIFY_COST: u64 = 64;

/// Word id and fold id of query tokens the index has never seen: equal to nothing stored.
const UNKNOWN: u32 = u32::MAX;

/// The quality band of a score, as the CAT tools' match statistics name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Band {
    /// 100: equal after [`normalize`].
    Exact,
    /// 95–99: typically only punctuation, case or a diacritic differs.
    High,
    /// 85–94.
    Good,
    /// 75–84.
    Fair,
    /// 50–74.
    Low,
}

/// The band of `score`, `None` below 50 (no match).
pub fn band(score: u8) -> Option<Band> {
    match score {
        100.. => Some(Band::Exact),
        95..=99 => Some(Band::High),
        85..=94 => Some(Band::Good),
        75..=84 => Some(Band::Fair),
        50..=74 => Some(Band::Low),
        _ => None,
    }
}

/// One fuzzy match: the id given to [`FuzzyIndex::insert`] and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct FuzzyHit {
    pub id: u32,
    pub score: u8,
}

impl FuzzyHit {
    /// The band of the score.
    pub fn band(&self) -> Option<Band> {
        band(self.score)
    }
}

/// Best first: higher score, then lower id.
fn hit_order(a: &FuzzyHit, b: &FuzzyHit) -> Ordering {
    b.score.cmp(&a.score).then(a.id.cmp(&b.id))
}

/// The score of `a` against `b` (symmetric), as defined in the [module docs](self).
pub fn score(a: &str, b: &str) -> u8 {
    let mut index = FuzzyIndex::new();
    index.insert(0, b);
    index
        .brute_force(a, 0, 1)
        .first()
        .map_or(0, |hit| hit.score)
}

/// A token as the distance computation sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tok {
    word: u32,
    fold: u32,
    weight: u32,
}

/// The postings of one fold class: entry indexes, ascending, each once, as varint deltas.
#[derive(Debug, Clone, Default)]
pub(crate) struct Postings {
    bytes: Vec<u8>,
    count: u32,
    last: u32,
}

impl Postings {
    pub(crate) fn push(&mut self, entry: u32) {
        if self.count > 0 && self.last == entry {
            return;
        }
        // Grown by a quarter, not doubled: the lists of common words are megabytes at a
        // million entries, and doubling kept up to half of each unused.
        if self.bytes.capacity() - self.bytes.len() < 5 {
            self.bytes.reserve_exact((self.bytes.len() / 4).max(16));
        }
        // The first delta is from 0, so entry 0 encodes as 0.
        write_varint(
            &mut self.bytes,
            entry - if self.count == 0 { 0 } else { self.last },
        );
        self.count += 1;
        self.last = entry;
    }

    #[cfg(test)]
    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        postings_iter(&self.bytes)
    }

    /// The varint deltas.
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// The entries of a postings list: varint deltas, the first from 0.
pub(crate) fn postings_iter(bytes: &[u8]) -> impl Iterator<Item = u32> + '_ {
    let mut reader = VarintReader { bytes, pos: 0 };
    let mut current = 0u32;
    std::iter::from_fn(move || {
        current = current.wrapping_add(reader.next()?);
        Some(current)
    })
}

fn write_varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

struct VarintReader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl VarintReader<'_> {
    fn next(&mut self) -> Option<u32> {
        let mut value = 0u32;
        let mut shift = 0;
        loop {
            let byte = *self.bytes.get(self.pos)?;
            self.pos += 1;
            value |= u32::from(byte & 0x7f).checked_shl(shift).unwrap_or(0);
            if byte & 0x80 == 0 {
                return Some(value);
            }
            shift += 7;
        }
    }
}

/// A fuzzy-match index over source texts. See the [module docs](self) for the score,
/// the filters and the memory layout.
///
/// ```
/// use songngu::memory::fuzzy::{FuzzyHit, FuzzyIndex};
///
/// let mut index = FuzzyIndex::new();
/// index.insert(7, "The minister arrived in Hanoi on Tuesday.");
/// index.insert(9, "Prices rose sharply in the third quarter.");
/// let hits = index.search("The minister arrived in Hanoi on Monday.", 60, 5);
/// assert_eq!(hits, [FuzzyHit { id: 7, score: 86 }]);
/// assert_eq!(hits, index.brute_force("The minister arrived in Hanoi on Monday.", 60, 5));
/// ```
#[derive(Debug, Clone)]
pub struct FuzzyIndex {
    /// Token text (NFC) → word id.
    words: Interner,
    /// Word id → `fold id × 2 + 1 if punctuation`.
    word_info: Vec<u32>,
    /// Kind-tagged folded text → fold id.
    folds: Interner,
    /// Fold id → entries containing it.
    postings: Vec<Postings>,
    /// Entry → caller's id.
    ids: Vec<u32>,
    /// Entry → weighted length.
    lens: Vec<u32>,
    /// Entry → end of its tokens in `stream` (the start is the previous entry's end).
    stream_ends: Vec<u32>,
    /// Varint `word id × 2 + space before` of every entry, back to back.
    stream: Stream,
    /// Entries without tokens (empty or white space only sources).
    empty: Vec<u32>,
    /// Per-entry overlap counters of a search, kept zeroed between searches so that a
    /// search pays for the entries it touches, not for the size of the memory.
    counters: CounterPool,
    /// [`VERIFY_COST`]; the tests vary it to exercise every point where the scan can stop.
    verify_cost: u64,
}

/// The token stream of an index being built, in pieces of at least [`STREAM_PIECE`]
/// bytes, an entry's tokens never split between two: one vector grown by doubling keeps
/// up to half its capacity unused (4.3 MB of 16.8 MB for the 480,000 TUs of a save that
/// indexes the file it wrote), and holds both copies while it moves.
#[derive(Debug, Clone, Default)]
struct Stream {
    pieces: Vec<Vec<u8>>,
    /// Where each piece starts in the stream.
    starts: Vec<usize>,
    len: usize,
}

/// The size of a piece of a [`Stream`] (a longer entry has a piece of its own).
const STREAM_PIECE: usize = 1 << 20;

impl Stream {
    fn len(&self) -> usize {
        self.len
    }

    /// Adds an entry's tokens.
    fn push(&mut self, tokens: &[u8]) {
        let fits = self
            .pieces
            .last()
            .is_some_and(|piece| piece.capacity() - piece.len() >= tokens.len());
        if !fits {
            self.starts.push(self.len);
            self.pieces
                .push(Vec::with_capacity(STREAM_PIECE.max(tokens.len())));
        }
        if let Some(piece) = self.pieces.last_mut() {
            piece.extend_from_slice(tokens);
        }
        self.len += tokens.len();
    }

    /// The bytes of `range`, which is one entry's (or inside one).
    fn get(&self, range: std::ops::Range<usize>) -> &[u8] {
        if range.is_empty() {
            return &[];
        }
        let Some(piece) = self
            .starts
            .partition_point(|&s| s <= range.start)
            .checked_sub(1)
        else {
            return &[];
        };
        let start = self.starts[piece];
        self.pieces[piece]
            .get(range.start - start..range.end - start)
            .unwrap_or_default()
    }

    fn capacity(&self) -> usize {
        self.pieces.iter().map(Vec::capacity).sum::<usize>()
            + self.pieces.capacity() * std::mem::size_of::<Vec<u8>>()
            + self.starts.capacity() * std::mem::size_of::<usize>()
    }

    fn shrink_to_fit(&mut self) {
        if let Some(piece) = self.pieces.last_mut() {
            piece.shrink_to_fit();
        }
    }
}

impl Default for FuzzyIndex {
    fn default() -> Self {
        FuzzyIndex {
            words: Interner::default(),
            word_info: Vec::new(),
            folds: Interner::default(),
            postings: Vec::new(),
            ids: Vec::new(),
            lens: Vec::new(),
            stream_ends: Vec::new(),
            stream: Stream::default(),
            empty: Vec::new(),
            counters: CounterPool::default(),
            verify_cost: VERIFY_COST,
        }
    }
}

/// A reusable `Vec<u16>` of zeros. Searches on several threads each get one: the first
/// takes the pooled vector, the others allocate their own.
#[derive(Debug, Default)]
pub(crate) struct CounterPool(std::sync::Mutex<Vec<u16>>);

impl CounterPool {
    fn take(&self) -> Vec<u16> {
        match self.0.try_lock() {
            Ok(mut pooled) => std::mem::take(&mut *pooled),
            Err(_) => Vec::new(),
        }
    }

    /// Returns a vector whose every element is zero again.
    fn give_back(&self, counters: Vec<u16>) {
        if let Ok(mut pooled) = self.0.try_lock()
            && pooled.capacity() < counters.capacity()
        {
            *pooled = counters;
        }
    }

    fn memory_usage(&self) -> usize {
        self.0.try_lock().map_or(0, |pooled| pooled.capacity() * 2)
    }
}

impl Clone for CounterPool {
    fn clone(&self) -> Self {
        CounterPool::default()
    }
}

/// A prepared query.
pub(crate) struct Query {
    toks: Vec<Tok>,
    spaces: Vec<bool>,
    len: u64,
    /// Distinct fold classes of the query known to the index: (fold, count, weight),
    /// sorted by fold id.
    classes: Vec<(u32, u32, u32)>,
}

/// Buffers reused across the candidates of one search.
#[derive(Default)]
pub(crate) struct Scratch {
    toks: Vec<Tok>,
    spaces: Vec<bool>,
    row: Vec<u32>,
    counts: Vec<u32>,
}

/// The best `limit` hits seen so far and the score a new hit needs.
pub(crate) struct TopK {
    limit: usize,
    hits: Vec<FuzzyHit>,
    threshold: u8,
}

impl TopK {
    fn new(limit: usize, min: u8) -> Self {
        TopK {
            limit,
            hits: Vec::new(),
            threshold: min,
        }
    }

    fn push(&mut self, hit: FuzzyHit) {
        if hit.score < self.threshold {
            return;
        }
        self.hits.push(hit);
        if self.hits.len() >= self.limit.saturating_mul(2).max(16) {
            self.compact();
        }
    }

    /// Keeps the best `limit`; once there are that many, a newcomer must score at least
    /// the worst of them (an equal score can still win on a lower id).
    fn compact(&mut self) {
        self.hits.sort_unstable_by(hit_order);
        self.hits.truncate(self.limit);
        if self.hits.len() == self.limit
            && let Some(last) = self.hits.last()
        {
            self.threshold = self.threshold.max(last.score);
        }
    }

    fn finish(mut self) -> Vec<FuzzyHit> {
        self.compact();
        self.hits
    }
}

impl FuzzyIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Room for `entries` more entries in the per-entry arrays: a builder that knows how
    /// many are coming has no slack of doubling vectors.
    pub(crate) fn reserve(&mut self, entries: usize) {
        self.ids.reserve_exact(entries);
        self.lens.reserve_exact(entries);
        self.stream_ends.reserve_exact(entries);
    }

    /// Whether the index has no entries.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Adds `source` under `id`. Ids are the caller's (a TU number, say) and should be
    /// unique: the same id inserted twice is two entries that can both be returned.
    ///
    /// An entry is silently left out only past the index's capacity: 2^32 − 1 entries,
    /// 2^31 distinct tokens, 4 GiB of distinct token text or 4 GiB of tokens (1 to 5 bytes
    /// each), tens of gigabytes in memory.
    /// Search and brute force then agree on its absence.
    pub fn insert(&mut self, id: u32, source: &str) {
        self.insert_normalized(id, &normalize(source));
    }

    /// [`Self::insert`] for a text already [`normalize`]d.
    pub(crate) fn insert_normalized(&mut self, id: u32, text: &str) {
        let Ok(entry) = u32::try_from(self.ids.len()) else {
            return;
        };
        if entry == u32::MAX {
            return;
        }
        let mut encoded = Vec::with_capacity(text.len() / 3);
        let mut classes = Vec::new();
        let mut len = 0u32;
        for token in tokens(text) {
            let Some(word) = self.intern(&text[token.range.clone()], token.kind) else {
                return;
            };
            let info = self.word_info[word as usize];
            classes.push(info >> 1);
            len = len.saturating_add(if info & 1 == 1 { PUNCT_COST } else { WORD_COST });
            write_varint(&mut encoded, (word << 1) | u32::from(token.space_before));
        }
        // Ends are `u32`s (4 bytes an entry, held for every TU a save indexes).
        let Ok(end) = u32::try_from(self.stream.len() + encoded.len()) else {
            return;
        };
        classes.sort_unstable();
        classes.dedup();
        for class in classes {
            self.postings[class as usize].push(entry);
        }
        if encoded.is_empty() {
            self.empty.push(entry);
        }
        self.stream.push(&encoded);
        self.stream_ends.push(end);
        self.ids.push(id);
        self.lens.push(len);
    }

    /// The word id of a token text, interning it (and its fold class) if new.
    fn intern(&mut self, text: &str, kind: TokenKind) -> Option<u32> {
        if let Some(word) = self.words.get(text) {
            return Some(word);
        }
        let fold = self.folds.intern(&fold_key(text, kind))?;
        if fold as usize == self.postings.len() {
            self.postings.push(Postings::default());
        }
        let word = self.words.intern(text)?;
        self.word_info
            .push((fold << 1) | u32::from(kind == TokenKind::Punct));
        Some(word)
    }

    /// The stored sources that score at least `min` against `query`, best first (higher
    /// score, then lower id), at most `limit` of them. The same as [`Self::brute_force`],
    /// found through the index.
    pub fn search(&self, query: &str, min: u8, limit: usize) -> Vec<FuzzyHit> {
        FuzzyData::find(self, query, min, limit)
    }

    /// Scores every entry: the reference [`Self::search`] is tested against, and the
    /// baseline of the benchmark.
    pub fn brute_force(&self, query: &str, min: u8, limit: usize) -> Vec<FuzzyHit> {
        FuzzyData::score_all(self, query, min, limit)
    }

    /// Heap bytes held by the index (capacities, so the figure is what the allocator gave).
    pub fn memory_usage(&self) -> usize {
        self.words.memory_usage()
            + self.folds.memory_usage()
            + self.word_info.capacity() * 4
            + self.postings.capacity() * std::mem::size_of::<Postings>()
            + self
                .postings
                .iter()
                .map(|p| p.bytes.capacity())
                .sum::<usize>()
            + (self.ids.capacity() + self.lens.capacity() + self.empty.capacity()) * 4
            + self.stream_ends.capacity() * std::mem::size_of::<u32>()
            + self.stream.capacity()
            + self.counters.memory_usage()
    }

    /// Returns the slack of growing vectors to the allocator, after a bulk load.
    pub fn shrink_to_fit(&mut self) {
        self.words.shrink_to_fit();
        self.folds.shrink_to_fit();
        self.word_info.shrink_to_fit();
        self.postings.shrink_to_fit();
        for postings in &mut self.postings {
            postings.bytes.shrink_to_fit();
        }
        self.ids.shrink_to_fit();
        self.lens.shrink_to_fit();
        self.empty.shrink_to_fit();
        self.stream_ends.shrink_to_fit();
        self.stream.shrink_to_fit();
    }
}

/// What a search reads of an index: the vectors of a [`FuzzyIndex`] being built, or the
/// arrays of a persisted one (see [`super::segment`]). The search itself is written once,
/// here, so both answer alike.
pub(crate) trait FuzzyData {
    /// The number of entries.
    fn entry_count(&self) -> usize;
    /// The caller's id of entry `entry`.
    fn id_of(&self, entry: usize) -> u32;
    /// The weighted length of entry `entry`.
    fn weighted_len(&self, entry: usize) -> u32;
    /// The varint `word id × 2 + space before` of entry `entry`.
    fn tokens_of(&self, entry: usize) -> &[u8];
    /// The word id of a token text.
    fn word_id(&self, text: &str) -> Option<u32>;
    /// `fold id × 2 + 1 if punctuation` of word `word`.
    fn word_info(&self, word: u32) -> u32;
    /// The fold id of a kind-tagged folded text.
    fn fold_id(&self, key: &str) -> Option<u32>;
    /// How many entries hold fold class `fold`, and their postings (varint deltas).
    fn postings_of(&self, fold: u32) -> (u32, &[u8]);
    /// Entries without tokens.
    fn empty_entries(&self) -> &[u32];
    fn counter_pool(&self) -> &CounterPool;
    fn verify_cost(&self) -> u64 {
        VERIFY_COST
    }

    /// The stored sources that score at least `min` against `query`, best first (higher
    /// score, then lower id), at most `limit` of them. The same as [`FuzzyData::score_all`],
    /// found through the index.
    fn find(&self, query: &str, min: u8, limit: usize) -> Vec<FuzzyHit> {
        if limit == 0 || min > 100 || self.entry_count() == 0 {
            return Vec::new();
        }
        let query = self.prepare(query);
        let mut top = TopK::new(limit, min);
        let mut scratch = Scratch {
            counts: vec![0; query.classes.len()],
            ..Scratch::default()
        };
        if min == 0 {
            // Every entry qualifies (the score is never negative): nothing to filter on.
            for entry in 0..self.entry_count() as u32 {
                self.verify(entry, &query, &mut top, &mut scratch);
            }
            return top.finish();
        }
        if query.toks.is_empty() {
            // An empty query scores 100 against empty entries and 0 against the rest.
            for &entry in self.empty_entries() {
                top.push(FuzzyHit {
                    id: self.id_of(entry as usize),
                    score: 100,
                });
            }
            return top.finish();
        }
        // Classes from the rarest up; `weight` is what the class can add to the overlap.
        let mut order: Vec<(u32, u64)> = query
            .classes
            .iter()
            .map(|&(fold, count, weight)| (fold, u64::from(count) * u64::from(weight)))
            .collect();
        order.sort_by_key(|&(fold, _)| (self.postings_of(fold).0, fold));
        let known: u64 = order.iter().map(|&(_, weight)| weight).sum();
        let needed = overlap_needed(min, query.len);
        if known < needed {
            return Vec::new();
        }
        let mut pooled = self.counter_pool().take();
        let counters = &mut pooled;
        counters.resize(self.entry_count(), 0);
        let mut touched = Vec::new();
        // `histogram[a]`: how many touched entries have a probed overlap of `a`.
        let top_count = usize::try_from(known)
            .unwrap_or(usize::MAX)
            .min(usize::from(u16::MAX));
        let mut histogram = vec![0u32; top_count + 1];
        let mut probed = 0;
        for &(fold, weight) in &order {
            let (count, postings) = self.postings_of(fold);
            // The classes that every qualifying entry must touch come first: until
            // they are probed, the rest could still weigh `needed`. Past them, probing
            // a class costs a scan of its postings but raises the share of the overlap an
            // entry must show in the probed classes; stop when verifying every entry
            // that still shows enough would cost less than the scan.
            if known - probed < needed {
                let at_least = usize::try_from(needed - (known - probed))
                    .unwrap_or(usize::MAX)
                    .min(top_count);
                let candidates: u64 = histogram[at_least..].iter().map(|&n| u64::from(n)).sum();
                if candidates.saturating_mul(self.verify_cost()) <= u64::from(count) {
                    break;
                }
            }
            let weight16 = u16::try_from(weight).unwrap_or(u16::MAX);
            for entry in postings_iter(postings) {
                let Some(counter) = counters.get_mut(entry as usize) else {
                    continue;
                };
                if *counter == 0 {
                    touched.push(entry);
                } else {
                    histogram[usize::from(*counter).min(top_count)] -= 1;
                }
                // A saturated counter means "unknown" and keeps the entry.
                *counter = counter.saturating_add(weight16);
                histogram[usize::from(*counter).min(top_count)] += 1;
            }
            probed += weight;
        }
        let rest = known - probed;
        for entry in touched {
            let counter = std::mem::take(&mut counters[entry as usize]);
            // The overlap is at most the probed share plus everything unprobed.
            if counter == u16::MAX
                || u64::from(counter) + rest >= overlap_needed(top.threshold, query.len)
            {
                self.verify(entry, &query, &mut top, &mut scratch);
            }
        }
        self.counter_pool().give_back(pooled);
        top.finish()
    }

    /// Scores every entry: the reference [`FuzzyData::find`] is tested against, and the
    /// baseline of the benchmark.
    fn score_all(&self, query: &str, min: u8, limit: usize) -> Vec<FuzzyHit> {
        if limit == 0 || min > 100 {
            return Vec::new();
        }
        let query = self.prepare(query);
        let mut scratch = Scratch::default();
        let mut hits = Vec::new();
        for entry in 0..self.entry_count() {
            self.decode(entry, &mut scratch);
            let dist = distance(&query.toks, &scratch.toks, u32::MAX, &mut scratch.row);
            let len = u64::from(self.weighted_len(entry));
            let exact = dist == Some(0) && query.spaces == scratch.spaces;
            let score = score_of(dist.map_or(u64::MAX, u64::from), query.len, len, exact);
            if score >= min {
                hits.push(FuzzyHit {
                    id: self.id_of(entry),
                    score,
                });
            }
        }
        hits.sort_unstable_by(hit_order);
        hits.truncate(limit);
        hits
    }

    /// Filters one candidate and scores it if it can still make the list.
    fn verify(&self, entry: u32, query: &Query, top: &mut TopK, scratch: &mut Scratch) {
        let index = entry as usize;
        let min = u64::from(top.threshold);
        let (len_q, len_s) = (query.len, u64::from(self.weighted_len(index)));
        // The length bound: m · len_q ≤ len_s ≤ len_q / m.
        if 100 * len_s < min * len_q || 100 * len_q < min * len_s {
            return;
        }
        self.decode(index, scratch);
        let longest = len_q.max(len_s);
        // The overlap bound: I ≥ m · L.
        let overlap = overlap(query, &scratch.toks, &mut scratch.counts);
        if 100 * overlap < min * longest {
            return;
        }
        // dist ≤ (1 − m) · L; with min 0 every distance qualifies (score 0).
        let cap = if min == 0 {
            u32::MAX
        } else {
            u32::try_from((100 - min) * longest / 100).unwrap_or(u32::MAX)
        };
        let Some(dist) = distance(&query.toks, &scratch.toks, cap, &mut scratch.row) else {
            return;
        };
        let exact = dist == 0 && query.spaces == scratch.spaces;
        top.push(FuzzyHit {
            id: self.id_of(index),
            score: score_of(u64::from(dist), len_q, len_s, exact),
        });
    }

    /// Decodes entry `index` into `scratch.toks` and `scratch.spaces`.
    fn decode(&self, index: usize, scratch: &mut Scratch) {
        scratch.toks.clear();
        scratch.spaces.clear();
        let mut reader = VarintReader {
            bytes: self.tokens_of(index),
            pos: 0,
        };
        while let Some(value) = reader.next() {
            let word = value >> 1;
            let info = self.word_info(word);
            let weight = if info & 1 == 1 { PUNCT_COST } else { WORD_COST };
            scratch.toks.push(Tok {
                word,
                fold: info >> 1,
                weight,
            });
            scratch.spaces.push(value & 1 == 1);
        }
    }

    fn prepare(&self, query: &str) -> Query {
        let text = normalize(query);
        let mut toks = Vec::new();
        let mut spaces = Vec::new();
        for token in tokens(&text) {
            let piece = &text[token.range.clone()];
            let weight = if token.kind == TokenKind::Punct {
                PUNCT_COST
            } else {
                WORD_COST
            };
            let (word, fold) = match self.word_id(piece) {
                Some(word) => (word, self.word_info(word) >> 1),
                None => (
                    UNKNOWN,
                    self.fold_id(&fold_key(piece, token.kind))
                        .unwrap_or(UNKNOWN),
                ),
            };
            toks.push(Tok { word, fold, weight });
            spaces.push(token.space_before);
        }
        let len = toks.iter().map(|t| u64::from(t.weight)).sum();
        let mut classes: Vec<(u32, u32, u32)> = Vec::new();
        let mut folds: Vec<(u32, u32)> = toks
            .iter()
            .filter(|t| t.fold != UNKNOWN)
            .map(|t| (t.fold, t.weight))
            .collect();
        folds.sort_unstable();
        for (fold, weight) in folds {
            match classes.last_mut() {
                Some(last) if last.0 == fold => last.1 += 1,
                _ => classes.push((fold, 1, weight)),
            }
        }
        Query {
            toks,
            spaces,
            len,
            classes,
        }
    }
}

impl FuzzyData for FuzzyIndex {
    fn entry_count(&self) -> usize {
        self.ids.len()
    }

    fn id_of(&self, entry: usize) -> u32 {
        self.ids[entry]
    }

    fn weighted_len(&self, entry: usize) -> u32 {
        self.lens[entry]
    }

    fn tokens_of(&self, entry: usize) -> &[u8] {
        let start = if entry == 0 {
            0
        } else {
            self.stream_ends[entry - 1] as usize
        };
        self.stream.get(start..self.stream_ends[entry] as usize)
    }

    fn word_id(&self, text: &str) -> Option<u32> {
        self.words.get(text)
    }

    fn word_info(&self, word: u32) -> u32 {
        self.word_info[word as usize]
    }

    fn fold_id(&self, key: &str) -> Option<u32> {
        self.folds.get(key)
    }

    fn postings_of(&self, fold: u32) -> (u32, &[u8]) {
        let postings = &self.postings[fold as usize];
        (postings.count, &postings.bytes)
    }

    fn empty_entries(&self) -> &[u32] {
        &self.empty
    }

    fn counter_pool(&self) -> &CounterPool {
        &self.counters
    }

    fn verify_cost(&self) -> u64 {
        self.verify_cost
    }
}

/// The number of sections [`FuzzyIndex::write_sections`] writes.
pub(crate) const SECTIONS: usize = 15;

impl FuzzyIndex {
    /// Writes the index as [`SECTIONS`] arrays, in the order [`FuzzyView::read`] reads them,
    /// giving each vector back to the allocator once written.
    pub(crate) fn write_sections(self, out: &mut ImageWriter) {
        let FuzzyIndex {
            words,
            word_info,
            folds,
            postings,
            ids,
            lens,
            stream_ends,
            stream,
            empty,
            ..
        } = self;
        words.write_sections(out);
        out.put(&word_info);
        drop(word_info);
        folds.write_sections(out);
        let mut ends = Vec::with_capacity(postings.len());
        let mut end = 0u64;
        for list in &postings {
            end += list.bytes.len() as u64;
            ends.push(end);
        }
        out.put(&ends);
        drop(ends);
        out.put_iter(postings.iter().map(|p| p.count));
        out.put_parts(postings.iter().map(|p| p.bytes.as_slice()));
        drop(postings);
        out.put(&ids);
        out.put(&lens);
        out.put_iter(stream_ends.iter().map(|&e| u64::from(e)));
        drop(stream_ends);
        out.put_parts(stream.pieces.iter().map(Vec::as_slice));
        drop(stream);
        out.put(&empty);
    }

    /// An upper bound of the bytes [`Self::write_sections`] writes.
    pub(crate) fn written_size(&self) -> usize {
        self.words.written_size()
            + self.folds.written_size()
            + self.word_info.len() * 4
            + self.postings.len() * 12
            + self.postings.iter().map(|p| p.bytes.len()).sum::<usize>()
            + self.ids.len() * 16
            + self.stream.len()
            + self.empty.len() * 4
            + SECTIONS * 8
    }
}

/// A fuzzy index as a persisted index holds it: arrays read where they lie.
pub(crate) struct FuzzyView<'a> {
    words: InternerRef<'a>,
    word_info: &'a [u32],
    folds: InternerRef<'a>,
    post_ends: &'a [u64],
    post_counts: &'a [u32],
    post_bytes: &'a [u8],
    ids: &'a [u32],
    lens: &'a [u32],
    stream_ends: &'a [u64],
    stream: &'a [u8],
    empty: &'a [u32],
    counters: &'a CounterPool,
}

impl<'a> FuzzyView<'a> {
    /// The view of sections `first..first + SECTIONS` of `index`. With `check`, `None`
    /// unless they hold together (lengths agree, offsets ascend within their arrays):
    /// checked once when the index is opened, so that no search can index out of range.
    pub(crate) fn read(
        index: &'a IndexBytes,
        first: usize,
        counters: &'a CounterPool,
        check: bool,
    ) -> Option<FuzzyView<'a>> {
        let words = InternerRef::read(index, first, check)?;
        let folds = InternerRef::read(index, first + 4, check)?;
        let view = FuzzyView {
            words,
            word_info: index.section(first + 3)?,
            folds,
            post_ends: index.section(first + 7)?,
            post_counts: index.section(first + 8)?,
            post_bytes: index.section(first + 9)?,
            ids: index.section(first + 10)?,
            lens: index.section(first + 11)?,
            stream_ends: index.section(first + 12)?,
            stream: index.section(first + 13)?,
            empty: index.section(first + 14)?,
            counters,
        };
        if !check {
            return Some(view);
        }
        let ascending_within = |ends: &[u64], len: usize| {
            ends.windows(2).all(|w| w[0] <= w[1]) && ends.last().is_none_or(|&e| e as usize <= len)
        };
        let n = view.ids.len();
        let holds = view.word_info.len() == view.words.len()
            && view
                .word_info
                .iter()
                .all(|&info| ((info >> 1) as usize) < view.folds.len())
            && view.post_ends.len() == view.folds.len()
            && view.post_counts.len() == view.folds.len()
            && ascending_within(view.post_ends, view.post_bytes.len())
            && view.lens.len() == n
            && view.stream_ends.len() == n
            && ascending_within(view.stream_ends, view.stream.len())
            && view.empty.iter().all(|&e| (e as usize) < n);
        holds.then_some(view)
    }
}

impl FuzzyData for FuzzyView<'_> {
    fn entry_count(&self) -> usize {
        self.ids.len()
    }

    fn id_of(&self, entry: usize) -> u32 {
        self.ids[entry]
    }

    fn weighted_len(&self, entry: usize) -> u32 {
        self.lens[entry]
    }

    fn tokens_of(&self, entry: usize) -> &[u8] {
        let start = if entry == 0 {
            0
        } else {
            self.stream_ends[entry - 1] as usize
        };
        &self.stream[start..self.stream_ends[entry] as usize]
    }

    fn word_id(&self, text: &str) -> Option<u32> {
        self.words.get(text)
    }

    fn word_info(&self, word: u32) -> u32 {
        // A word id out of range (only in a damaged index) is a word of its own.
        self.word_info
            .get(word as usize)
            .copied()
            .unwrap_or(UNKNOWN - 1)
    }

    fn fold_id(&self, key: &str) -> Option<u32> {
        self.folds.get(key)
    }

    fn postings_of(&self, fold: u32) -> (u32, &[u8]) {
        let fold = fold as usize;
        let start = if fold == 0 {
            0
        } else {
            self.post_ends[fold - 1] as usize
        };
        (
            self.post_counts[fold],
            &self.post_bytes[start..self.post_ends[fold] as usize],
        )
    }

    fn empty_entries(&self) -> &[u32] {
        self.empty
    }

    fn counter_pool(&self) -> &CounterPool {
        self.counters
    }
}

/// The smallest overlap `I` a source needs to score `min`: `⌈min · len_q / 100⌉`.
fn overlap_needed(min: u8, len_q: u64) -> u64 {
    (u64::from(min) * len_q).div_ceil(100)
}

/// `Σ_class weight × min(count_q, count_s)` over the fold classes of the query.
fn overlap(query: &Query, toks: &[Tok], counts: &mut [u32]) -> u64 {
    counts.fill(0);
    for tok in toks {
        if let Ok(slot) = query.classes.binary_search_by_key(&tok.fold, |c| c.0) {
            counts[slot] += 1;
        }
    }
    query
        .classes
        .iter()
        .zip(counts.iter())
        .map(|(&(_, count, weight), &seen)| u64::from(count.min(seen)) * u64::from(weight))
        .sum()
}

/// `floor(100 × (1 − dist / max(len_a, len_b)))`, clamped to 0..=99 unless `exact`.
fn score_of(dist: u64, len_a: u64, len_b: u64, exact: bool) -> u8 {
    let longest = len_a.max(len_b);
    if exact || longest == 0 {
        // Equal token sequences with equal spacing are equal normalized texts; two empty
        // texts are equal too.
        return 100;
    }
    if dist >= longest {
        return 0;
    }
    // `dist > 0` here (equal tokens with other spacing still have `dist == 0`): at most 99.
    ((100 * (longest - dist)) / longest).min(99) as u8
}

/// The substitution cost of `a` by `b`.
fn substitution(a: Tok, b: Tok) -> u32 {
    if a.word == b.word {
        0
    } else if a.fold == b.fold {
        // Same class, so same kind and weight: a fifth of it (2 for a word, 1 for a mark).
        a.weight / 5
    } else {
        a.weight.max(b.weight)
    }
}

/// The weighted edit distance of `a` and `b`, or `None` when it exceeds `cap`.
///
/// One row of the dynamic programming at a time; the search stops as soon as a whole row
/// exceeds `cap`, since costs are never negative and every alignment crosses every row.
fn distance(a: &[Tok], b: &[Tok], cap: u32, row: &mut Vec<u32>) -> Option<u32> {
    row.clear();
    row.push(0);
    for tok in b {
        let last = *row.last().unwrap_or(&0);
        row.push(last.saturating_add(tok.weight));
    }
    for &x in a {
        // `diagonal` is row[j - 1] of the previous row, `row[j]` still holds the previous
        // row until overwritten.
        let mut diagonal = row[0];
        row[0] = row[0].saturating_add(x.weight);
        let mut best = row[0];
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            let value = diagonal
                .saturating_add(substitution(x, y))
                .min(up.saturating_add(x.weight))
                .min(row[j].saturating_add(y.weight));
            diagonal = up;
            row[j + 1] = value;
            best = best.min(value);
        }
        if best > cap {
            return None;
        }
    }
    row.last().copied().filter(|&d| d <= cap)
}

/// Whether a [`DiffPart`] is common to both texts or only in one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DiffKind {
    /// In both texts.
    Equal,
    /// Only in the query (the first argument of [`diff`]).
    Delete,
    /// Only in the matched source (the second argument of [`diff`]).
    Insert,
}

/// A run of text in a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct DiffPart {
    pub kind: DiffKind,
    pub text: String,
}

/// The word-level differences that turn `query` into the matched `source`, for display.
///
/// Both texts are normalized and cut into the tokens the score uses, with the single
/// spaces between them as pieces of their own, so the `Equal` and `Delete` parts spell
/// the normalized query and the `Equal` and `Insert` parts the normalized source. Words
/// that differ only in a diacritic are shown as different: the translator must see it.
/// Long texts get a coarser diff rather than a slow one (a 100 ms deadline).
///
/// ```
/// use songngu::memory::fuzzy::{diff, DiffKind::*, DiffPart};
///
/// let parts = diff("Ông Hung đến Hà Nội.", "Ông Hùng đến Hà Nội hôm qua.");
/// let parts: Vec<_> = parts.iter().map(|p| (p.kind, p.text.as_str())).collect();
/// assert_eq!(parts, [
///     (Equal, "Ông "), (Delete, "Hung"), (Insert, "Hùng"), (Equal, " đến Hà Nội"),
///     (Insert, " hôm qua"), (Equal, "."),
/// ]);
/// ```
pub fn diff(query: &str, source: &str) -> Vec<DiffPart> {
    let (old_text, new_text) = (normalize(query), normalize(source));
    let (old, new) = (pieces(&old_text), pieces(&new_text));
    let deadline = std::time::Instant::now().checked_add(Duration::from_millis(100));
    let ops = similar::capture_diff_slices_deadline(Algorithm::Myers, &old, &new, deadline);
    let mut parts: Vec<DiffPart> = Vec::new();
    let mut push = |kind: DiffKind, slice: &[&str]| {
        if slice.is_empty() {
            return;
        }
        match parts.last_mut() {
            Some(last) if last.kind == kind => slice.iter().for_each(|p| last.text.push_str(p)),
            _ => parts.push(DiffPart {
                kind,
                text: slice.concat(),
            }),
        }
    };
    for op in ops {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                push(DiffKind::Equal, &old[old_index..old_index + len])
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(DiffKind::Delete, &old[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(DiffKind::Insert, &new[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(DiffKind::Delete, &old[old_index..old_index + old_len]);
                push(DiffKind::Insert, &new[new_index..new_index + new_len]);
            }
        }
    }
    parts
}

/// The tokens of a normalized text with its single spaces as pieces of their own.
fn pieces(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    for token in tokens(text) {
        if token.space_before {
            pieces.push(" ");
        }
        pieces.push(&text[token.range]);
    }
    pieces
}

/// Word text → word id, for tests.
#[cfg(test)]
fn vocabulary(index: &FuzzyIndex) -> std::collections::HashMap<String, u32> {
    (0..index.words.len() as u32)
        .filter_map(|id| Some((index.words.get_str(id)?.to_owned(), id)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;
    use proptest::prelude::*;

    /// An independent scorer on strings: the definition, computed the obvious way.
    fn naive_score(a: &str, b: &str) -> u8 {
        let (a, b) = (normalize(a), normalize(b));
        if a == b {
            return 100;
        }
        let toks = |s: &str| -> Vec<(String, TokenKind)> {
            tokens(s).map(|t| (s[t.range].to_owned(), t.kind)).collect()
        };
        let (ta, tb) = (toks(&a), toks(&b));
        let weight = |k: TokenKind| if k == TokenKind::Word { 10i64 } else { 5 };
        let sub = |x: &(String, TokenKind), y: &(String, TokenKind)| {
            if x.0 == y.0 {
                0
            } else if x.1 == y.1 && fold(&x.0) == fold(&y.0) {
                weight(x.1) / 5
            } else {
                weight(x.1).max(weight(y.1))
            }
        };
        let mut d = vec![vec![0i64; tb.len() + 1]; ta.len() + 1];
        for i in 0..=ta.len() {
            for j in 0..=tb.len() {
                d[i][j] = match (i, j) {
                    (0, 0) => 0,
                    (0, _) => d[0][j - 1] + weight(tb[j - 1].1),
                    (_, 0) => d[i - 1][0] + weight(ta[i - 1].1),
                    _ => (d[i - 1][j - 1] + sub(&ta[i - 1], &tb[j - 1]))
                        .min(d[i - 1][j] + weight(ta[i - 1].1))
                        .min(d[i][j - 1] + weight(tb[j - 1].1)),
                };
            }
        }
        let la: i64 = ta.iter().map(|t| weight(t.1)).sum();
        let lb: i64 = tb.iter().map(|t| weight(t.1)).sum();
        let l = la.max(lb);
        if l == 0 {
            return 100;
        }
        let s = (100 * (l - d[ta.len()][tb.len()])).max(0) / l;
        s.min(99) as u8
    }

    #[test]
    fn a_postings_list_keeps_at_most_a_quarter_unused() {
        let mut postings = Postings::default();
        for entry in 0..300_000u32 {
            postings.push(entry * 3);
            let (len, capacity) = (postings.bytes.len(), postings.bytes.capacity());
            assert!(capacity <= len + len / 4 + 21, "{capacity} for {len} bytes");
        }
        assert_eq!(postings.iter().count(), 300_000);
        assert_eq!(postings.iter().last(), Some(299_999 * 3));
    }

    #[test]
    fn a_stream_gives_back_each_entry_and_holds_at_most_a_piece_unused() {
        let mut stream = Stream::default();
        let mut entries = Vec::new();
        let mut end = 0;
        for i in 0..40_000usize {
            // Mostly short entries, an empty one, and one longer than a piece.
            let len = match i {
                7 => 0,
                20_000 => STREAM_PIECE + 3,
                _ => 1 + i % 97,
            };
            let tokens: Vec<u8> = (0..len).map(|k| (i + k) as u8).collect();
            stream.push(&tokens);
            entries.push((end..end + len, tokens));
            end += len;
        }
        assert_eq!(stream.len(), end);
        for (range, tokens) in &entries {
            assert_eq!(stream.get(range.clone()), tokens.as_slice());
        }
        let concatenated: Vec<u8> = stream.pieces.concat();
        assert_eq!(concatenated.len(), end);
        let unused: usize = stream.pieces.iter().map(|p| p.capacity() - p.len()).sum();
        // Each full piece leaves less than an entry unused; only the last is open.
        assert!(
            unused < STREAM_PIECE + 97 * stream.pieces.len(),
            "{unused} bytes unused"
        );
    }

    #[test]
    fn scores_follow_the_definition() {
        assert_eq!(score("a b c d", "a b c d"), 100);
        assert_eq!(score("  a  b ", "a b"), 100, "equal after normalize");
        assert_eq!(
            score("Vie\u{323}\u{302}t Nam", "Việt Nam"),
            100,
            "NFD equals NFC"
        );
        assert_eq!(score("", ""), 100);
        assert_eq!(score("", "a"), 0);
        assert_eq!(score("a, b", "a ,b"), 99, "same tokens, other spacing");
        // One word of 10 substituted: 1 - 10/100.
        assert_eq!(
            score(
                "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9",
                "w0 w1 w2 w3 w4 w5 w6 w7 w8 x"
            ),
            90
        );
        // A diacritic or case only: 1 - 2/100 = 98.
        assert_eq!(
            score(
                "Ông Hùng w2 w3 w4 w5 w6 w7 w8 w9",
                "Ông Hung w2 w3 w4 w5 w6 w7 w8 w9"
            ),
            98
        );
        assert_eq!(
            score(
                "the w1 w2 w3 w4 w5 w6 w7 w8 w9",
                "The w1 w2 w3 w4 w5 w6 w7 w8 w9"
            ),
            98
        );
        // A missing comma in 10 words + full stop: 1 - 5/110 → 95.
        assert_eq!(
            score(
                "w0, w1 w2 w3 w4 w5 w6 w7 w8 w9.",
                "w0 w1 w2 w3 w4 w5 w6 w7 w8 w9."
            ),
            95
        );
        assert_eq!(score("Yes.", "Yes?"), 66);
        assert_eq!(score("totally different", "nothing shared here"), 0);
        // A punctuation-only text against a word: a substitution across kinds costs 10.
        assert_eq!(score(". .", "word"), 0);
    }

    #[test]
    fn bands() {
        assert_eq!(band(100), Some(Band::Exact));
        assert_eq!(band(99), Some(Band::High));
        assert_eq!(band(95), Some(Band::High));
        assert_eq!(band(94), Some(Band::Good));
        assert_eq!(band(85), Some(Band::Good));
        assert_eq!(band(84), Some(Band::Fair));
        assert_eq!(band(75), Some(Band::Fair));
        assert_eq!(band(74), Some(Band::Low));
        assert_eq!(band(50), Some(Band::Low));
        assert_eq!(band(49), None);
        assert_eq!(band(0), None);
        assert_eq!(FuzzyHit { id: 1, score: 97 }.band(), Some(Band::High));
    }

    fn sample_index() -> FuzzyIndex {
        let mut index = FuzzyIndex::new();
        let sources = [
            (10, "The minister arrived in Hanoi on Tuesday."),
            (3, "The minister arrived in Hanoi on Tuesday ."),
            (5, "The Minister arrived in Hà Nội on Tuesday."),
            (7, "Prices rose sharply in the third quarter."),
            (1, ""),
            (2, "   "),
            (8, "Ông Nguyễn Văn Hùng phát biểu tại hội nghị."),
            (9, "the minister arrived"),
        ];
        for (id, text) in sources {
            index.insert(id, text);
        }
        index
    }

    #[test]
    fn search_finds_what_brute_force_finds() {
        let mut index = sample_index();
        let queries = [
            "The minister arrived in Hanoi on Tuesday.",
            "The minister arrived in Hanoi on Monday.",
            "the minister arrived in ha noi on tuesday",
            "Ong Nguyen Van Hung phat bieu tai hoi nghi.",
            "Prices rose in the third quarter",
            "",
            " ",
            "unknown words only",
            ".",
        ];
        for verify_cost in [0, VERIFY_COST, u64::MAX] {
            index.verify_cost = verify_cost;
            for query in queries {
                for min in [0, 1, 30, 50, 60, 75, 95, 99, 100, 101, 255] {
                    for limit in [0, 1, 2, 3, 100] {
                        assert_eq!(
                            index.search(query, min, limit),
                            index.brute_force(query, min, limit),
                            "{query:?} min {min} limit {limit} cost {verify_cost}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn search_ranks_and_breaks_ties_by_id() {
        let index = sample_index();
        let hits = index.search("The minister arrived in Hanoi on Tuesday.", 50, 10);
        assert_eq!(
            hits,
            [
                FuzzyHit { id: 10, score: 100 },
                FuzzyHit { id: 3, score: 99 },
                // `Minister` costs 2, `Hanoi` → `Hà Nội` 20: 1 − 22/85.
                FuzzyHit { id: 5, score: 74 },
            ]
        );
        // Empty query: only empty sources are equal to it.
        assert_eq!(
            index.search("  ", 1, 10),
            [
                FuzzyHit { id: 1, score: 100 },
                FuzzyHit { id: 2, score: 100 }
            ]
        );
        // Diacritic-insensitive classes: every syllable costs 0.2.
        let hits = index.search("Ong Nguyen Van Hung phat bieu tai hoi nghi.", 50, 10);
        assert_eq!(hits, [FuzzyHit { id: 8, score: 81 }]);
    }

    #[test]
    fn insert_is_idempotent_per_token() {
        let mut index = FuzzyIndex::new();
        index.insert(1, "a a a b");
        index.insert(2, "a");
        let vocabulary = vocabulary(&index);
        assert_eq!(vocabulary.len(), 2);
        assert_eq!(index.postings[0].iter().collect::<Vec<_>>(), [0, 1]);
        assert!(index.memory_usage() > 0);
        index.shrink_to_fit();
        assert_eq!(
            index.search("a a a b", 90, 5),
            [FuzzyHit { id: 1, score: 100 }]
        );
    }

    #[test]
    fn index_is_shareable_and_clones_answer_alike() {
        fn shareable<T: Send + Sync>() {}
        shareable::<FuzzyIndex>();
        let index = sample_index();
        let copy = index.clone();
        let query = "The minister arrived in Hanoi on Tuesday.";
        std::thread::scope(|scope| {
            let a = scope.spawn(|| index.search(query, 50, 3));
            let b = scope.spawn(|| index.search(query, 50, 3));
            let (a, b) = (a.join().unwrap(), b.join().unwrap());
            assert_eq!(a, b);
            assert_eq!(a, copy.search(query, 50, 3));
        });
    }

    #[test]
    fn varints_round_trip() {
        let mut bytes = Vec::new();
        let values = [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX >> 1, u32::MAX];
        for v in values {
            write_varint(&mut bytes, v);
        }
        let mut reader = VarintReader {
            bytes: &bytes,
            pos: 0,
        };
        for v in values {
            assert_eq!(reader.next(), Some(v));
        }
        assert_eq!(reader.next(), None);
        // Truncated or overlong input ends quietly.
        assert_eq!(
            VarintReader {
                bytes: &[0x80],
                pos: 0
            }
            .next(),
            None
        );
        assert!(
            VarintReader {
                bytes: &[0xff; 12],
                pos: 0
            }
            .next()
            .is_none()
        );
    }

    #[test]
    fn diff_parts_spell_both_texts() {
        let parts = diff("The big cat sat.", "The small cat sat down.");
        let query: String = parts
            .iter()
            .filter(|p| p.kind != DiffKind::Insert)
            .map(|p| p.text.as_str())
            .collect();
        let source: String = parts
            .iter()
            .filter(|p| p.kind != DiffKind::Delete)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(query, "The big cat sat.");
        assert_eq!(source, "The small cat sat down.");
        assert_eq!(diff("", ""), []);
        assert_eq!(
            diff("a", ""),
            [DiffPart {
                kind: DiffKind::Delete,
                text: "a".into()
            }]
        );
        let json = serde_json::to_string(&diff("a", "b")).unwrap();
        assert_eq!(
            json,
            r#"[{"kind":"delete","text":"a"},{"kind":"insert","text":"b"}]"#
        );
    }

    /// Sentences over a tiny vocabulary with case and diacritic variants, so that near
    /// matches, ties and equal fold classes are common.
    fn sentence() -> impl Strategy<Value = String> {
        let vocabulary = prop::sample::select(vec![
            "Hùng", "hung", "Hung", "HÙNG", "việt", "Viet", "a", "b", "the", "The", ",", ".", "?",
            "1,200", "đồng",
        ]);
        prop::collection::vec((vocabulary, prop::bool::weighted(0.8)), 0..9).prop_map(|words| {
            let mut s = String::new();
            for (word, space) in words {
                if space && !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(word);
            }
            s
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn search_equals_brute_force(
            sources in prop::collection::vec(sentence(), 0..30),
            query in sentence(),
            pick in any::<prop::sample::Index>(),
            use_source in any::<bool>(),
            min in prop_oneof![0u8..=100, Just(60u8), Just(100u8), 101u8..=255],
            limit in 0usize..6,
            verify_cost in prop::sample::select(vec![0u64, 1, 8, VERIFY_COST, u64::MAX]),
        ) {
            let mut index = FuzzyIndex::new();
            index.verify_cost = verify_cost;
            for (i, source) in sources.iter().enumerate() {
                // Ids out of insertion order, to exercise the tie-break.
                index.insert((i as u32 * 7919) % 1000, source);
            }
            // Half the time query a stored source, so exact and near matches are frequent.
            let query = if use_source && !sources.is_empty() { sources[pick.index(sources.len())].clone() } else { query };
            let expected = index.brute_force(&query, min, limit);
            prop_assert_eq!(index.search(&query, min, limit), expected.clone());
            for hit in expected {
                let source = &sources[(0..sources.len()).find(|&i| (i as u32 * 7919) % 1000 == hit.id).unwrap()];
                prop_assert_eq!(hit.score, naive_score(&query, source));
            }
        }

        #[test]
        fn score_matches_the_naive_definition(a in sentence(), b in sentence()) {
            let s = score(&a, &b);
            prop_assert_eq!(s, naive_score(&a, &b));
            prop_assert_eq!(s, score(&b, &a));
            prop_assert_eq!(s == 100, normalize(&a) == normalize(&b));
        }

        #[test]
        fn any_text_is_safe(a in "\\PC{0,30}", b in "\\PC{0,30}") {
            let mut index = FuzzyIndex::new();
            index.insert(0, &b);
            prop_assert_eq!(index.search(&a, 1, 3), index.brute_force(&a, 1, 3));
            let s = score(&a, &b);
            prop_assert_eq!(s, naive_score(&a, &b));
            let parts = diff(&a, &b);
            let query: String = parts.iter().filter(|p| p.kind != DiffKind::Insert).map(|p| p.text.as_str()).collect();
            prop_assert_eq!(query, normalize(&a));
        }
    }
}
