//! Revision drift: what changed in the English since it was translated.
//!
//! The English article is the truth about content; the translation memory is the truth
//! about translations. Every TU songngu writes for an article records the English it was
//! translated from ([`StoredUnit::en`]), so comparing the article's current units with
//! the stored units of its document ([`Memory::document`](crate::memory::store::Memory::document))
//! gives every current unit one [`UnitState`]:
//!
//! - **current**: its English is the English that was translated (equal after
//!   [`normalize`]: NFC and white space). A unit that only moved is current.
//! - **stale**: the English was edited since; the state carries the word diff from the old
//!   English to the new ([`word_diff`]) and what kind of edit it was ([`edit_kind`]).
//! - **missing**: no translation yet (a new sentence, or the new half of a split one).
//! - **joined**: translated together with the unit before it: one stored unit covers a
//!   run of consecutive units of one paragraph (a translation that joins two English
//!   sentences, or a sentence the editor split later); the run's first unit is current or
//!   stale for all of it, with the run's English joined.
//!
//! and every stored unit whose English is gone is **orphaned**.
//!
//! # The algorithm
//!
//! 1. **Exact.** Current and stored units are matched by their normalized text through a
//!    hash map of queues (a multiset): position does not matter, so a moved unit is
//!    current, and repeated identical sentences pair up one to one, in order. Then runs
//!    of up to [`MAX_RUN`] unpaired consecutive units of one paragraph whose English,
//!    joined, is a stored unit's: that stored unit covers them, current.
//! 2. **Gaps.** The exact pairs that keep the order of both sides (their longest
//!    increasing subsequence, `O(n log n)`) are anchors; moved units are exact pairs off
//!    that chain. Between two consecutive anchors lie a *gap* of unmatched current units
//!    and one of unmatched stored units: that is where sentences were edited, split,
//!    merged, added or deleted. Within each gap, candidate pairs are the stored units that
//!    score at least [`PAIR_THRESHOLD`] against a current unit
//!    ([`fuzzy`](crate::memory::fuzzy) score, found through a [`FuzzyIndex`] of the gap so
//!    that it is not scored pair by pair; at most [`CANDIDATES`] per current unit), and
//!    the pairing is the chain of candidates increasing on both sides with the highest
//!    total score (a weighted longest increasing subsequence, `O(p log p)` for `p`
//!    candidates). In a small gap, a pair where the shorter sentence keeps four words in
//!    five of its words, in order, in the longer ([`mostly_kept`]) is a candidate too,
//!    whatever its score: the score is relative to the longer sentence, so a short
//!    sentence that gained a clause scores low although it is the same sentence. A paired
//!    current unit is stale, and its pairing grows over the unpaired units right after or
//!    before it in its paragraph while their English joined is more like the stored
//!    English: so a split `A → A1 A2` is one stale run covering both halves, while a
//!    sentence added next to an edited one stays missing; a merge `A B → AB` pairs `AB`
//!    with the more similar of `A` and `B` and orphans the other.
//! 3. **Moved and edited.** What is left on both sides is matched once more across gaps,
//!    best score first, at [`MOVED_THRESHOLD`]: a sentence that was moved *and* edited.
//!    Across gaps the order gives no evidence, so the bar is higher.
//! 4. The rest: current units are missing, stored units orphaned.
//!
//! Everything is near-linear in the number of units: hashing, one sort, and fuzzy searches
//! only inside gaps. A gap of more than [`GAP_BUDGET`] pairs of units (an article rewritten
//! wholesale) is cut into proportional slices, so its cost stays bounded whatever the text;
//! the cross-gap pass is skipped over that budget. On 2,000 current against 2,000 stored
//! sentences, `compare` takes about 7 ms (release build) when a tenth of them are edited,
//! some deleted, added and moved, and about 0.3 s in the worst case, where every sentence
//! was edited and all look alike.
//!
//! # Why 50
//!
//! [`PAIR_THRESHOLD`] is 50, where the fuzzy [`band`](crate::memory::fuzzy::band)s start
//! (CAT tools show no match below 50 %): at 50 about half of the words are the same,
//! which is where the old translation stops being a useful start for the new one and a
//! translator is better served by "missing" (with a memory suggestion). On the bundled
//! example, the sentence with a corrected number scores 94 against its old English, the
//! reworded one 64 and the first half of the split sentence 75, while the new second half
//! scores 29 against the sentence it was split from, and no two unrelated sentences of the
//! article score above 31: the threshold sits in the wide valley between the two.
//!
//! ```
//! use songngu::drift::revision::{compare, UnitState};
//! use songngu::memory::record::StoredUnit;
//! use songngu::segment::Unit;
//!
//! let unit = |text: &str| Unit {
//!     id: songngu::segment::text_id(text),
//!     block: 0,
//!     index: 0,
//!     text: text.to_owned(),
//!     start: 0,
//!     end: 0,
//! };
//! let stored = |order: usize, en: &str| StoredUnit {
//!     units: Vec::new(),
//!     entry: order as u32,
//!     unit: songngu::segment::text_id(en),
//!     order,
//!     en: en.to_owned(),
//!     vi: Some(String::from("…")),
//!     status: None,
//!     changed: None,
//!     tuid: None,
//!     ..StoredUnit::default()
//! };
//! let current = [unit("The event attracted 1,200 guests."), unit("It was  held in Hanoi.")];
//! let old = [stored(0, "It was held in Hanoi."), stored(1, "The event attracted 1,000 guests.")];
//! let revision = compare(&current, &old);
//! assert!(matches!(revision.units[0], UnitState::Stale { stored: 1, .. }));
//! assert_eq!(revision.units[1], UnitState::Current { stored: 0 });
//! assert!(revision.orphaned.is_empty());
//! ```

use std::cmp::Reverse;
use std::collections::{HashMap, VecDeque};
use std::time::Duration;

use serde::Serialize;
use similar::{Algorithm, ChangeTag, TextDiff};

use super::report::{DiffOp, DiffPart, EditKind, Explanation, Finding, Kind, Suggestion};
use crate::memory::fuzzy::{self, FuzzyIndex};
use crate::memory::record::StoredUnit;
use crate::segment::Unit;
use crate::text::Lang;
use crate::text::anchors;
use crate::text::normalize::{fold, normalize};
use crate::text::tokens::{TokenKind, tokens};

/// The lowest fuzzy score at which a current unit and a stored unit in the same gap are the
/// same sentence, edited (see [the module docs](self#why-50)).
pub const PAIR_THRESHOLD: u8 = 50;

/// The lowest fuzzy score at which a current unit and a stored unit in different gaps are
/// the same sentence, moved and edited: the "fair" band, most of the sentence unchanged.
pub const MOVED_THRESHOLD: u8 = 75;

/// At most this many candidates per current unit in a gap (the best ones).
pub const CANDIDATES: usize = 8;

/// At most about this many (current, stored) pairs are searched in one gap: a bigger gap
/// is cut into proportional slices (the first current units against the first stored
/// units, and so on) that together hold no more. Also the most pairs the cross-gap pass
/// takes on.
pub const GAP_BUDGET: usize = 250_000;

/// A word diff of two sentences gives up on finding the smallest diff after this long and
/// returns a coarser one.
const DIFF_TIMEOUT: Duration = Duration::from_millis(50);

/// What a current unit is, against the stored units of its document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum UnitState {
    /// Its English is the English that was translated: `stored` (an index into the stored
    /// units) holds its translation.
    Current { stored: usize },
    /// The English was edited since `stored` was translated.
    Stale {
        stored: usize,
        edit: EditKind,
        /// From the stored English to the current English.
        diff: Vec<DiffPart>,
    },
    /// Not translated yet.
    Missing,
    /// Translated together with the unit before it: one stored unit, `stored`, holds the
    /// translation of both (a translation that joins two English sentences, or one
    /// sentence the editor later split). The first unit of such a run is
    /// [`UnitState::Current`] or [`UnitState::Stale`] for the whole run.
    Joined { stored: usize },
}

impl UnitState {
    /// The stored unit paired with this one, if any.
    pub fn stored(&self) -> Option<usize> {
        match self {
            UnitState::Current { stored }
            | UnitState::Stale { stored, .. }
            | UnitState::Joined { stored } => Some(*stored),
            UnitState::Missing => None,
        }
    }
}

/// How many current units one stored unit can cover at most: a translation that joins more
/// sentences than this is not a news translation.
pub const MAX_RUN: usize = 4;

/// A gap slice of at most this many (current, stored) pairs is also searched for pairs
/// that one sentence contains (see [`mostly_kept`]): the search is word by word.
const CONTAINMENT_BUDGET: usize = 4096;

/// The English of the run of `len` current units from `start`, joined by one space (as
/// `align` joins the sentences of a link).
pub fn run_text(current: &[Unit], start: usize, len: usize) -> String {
    current[start..start + len]
        .iter()
        .map(|u| u.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first unit of the run that unit `unit` belongs to: itself, unless it is
/// [`UnitState::Joined`] to the units before it.
pub fn run_start(revision: &Revision, unit: usize) -> usize {
    let mut start = unit;
    while start > 0 && matches!(revision.units[start], UnitState::Joined { .. }) {
        start -= 1;
    }
    start
}

/// How many current units from `start` the stored unit of `revision.units[start]` covers:
/// 1 plus the [`UnitState::Joined`] units after it.
pub fn run_len(revision: &Revision, start: usize) -> usize {
    1 + revision.units[start + 1..]
        .iter()
        .take_while(|s| matches!(s, UnitState::Joined { .. }))
        .count()
}

/// The result of [`compare`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Revision {
    /// One state per current unit, in the same order.
    pub units: Vec<UnitState>,
    /// Stored units whose English is no longer in the article (indexes into the stored
    /// units, ascending).
    pub orphaned: Vec<usize>,
}

impl Revision {
    /// Whether every current unit is current and nothing is orphaned.
    pub fn is_clean(&self) -> bool {
        self.orphaned.is_empty()
            && self
                .units
                .iter()
                // A joined unit shares the state of its run's first unit.
                .all(|s| matches!(s, UnitState::Current { .. } | UnitState::Joined { .. }))
    }
}

/// Compares the current units of an article with the stored units of its document, given
/// in document order (as [`Memory::document`](crate::memory::store::Memory::document)
/// returns them). See [the module docs](self) for the algorithm.
pub fn compare(current: &[Unit], stored: &[StoredUnit]) -> Revision {
    let mut pairing = Pairing::new(current.len(), stored.len());

    // 1. Exact, position-independent, repeats one to one in order.
    let mut queues: HashMap<String, VecDeque<usize>> = HashMap::with_capacity(stored.len());
    for (j, unit) in stored.iter().enumerate() {
        queues.entry(normalize(&unit.en)).or_default().push_back(j);
    }
    let mut exact = Vec::new();
    for (i, unit) in current.iter().enumerate() {
        if let Some(j) = queues
            .get_mut(normalize(&unit.text).as_str())
            .and_then(VecDeque::pop_front)
        {
            pairing.pair(i, j, true);
            exact.push((i, j));
        }
    }
    // 1b. Exact runs: consecutive units of one paragraph whose English joined is a stored
    // unit's (a translation of several sentences, or a sentence later split).
    let mut i = 0;
    while i < current.len() {
        let mut len = 0;
        if pairing.current[i].is_none() {
            let mut joined = normalize(&current[i].text);
            for k in 1..MAX_RUN {
                let next = i + k;
                if next >= current.len()
                    || pairing.current[next].is_some()
                    || current[next].block != current[i].block
                {
                    break;
                }
                joined.push(' ');
                joined.push_str(&normalize(&current[next].text));
                if let Some(j) = queues.get_mut(&joined).and_then(VecDeque::pop_front) {
                    pairing.pair_run(i, k + 1, j, true);
                    exact.push((i, j));
                    len = k + 1;
                    break;
                }
            }
        }
        i += len.max(1);
    }
    drop(queues);
    exact.sort_unstable();

    // 2. Gaps between the anchors (exact pairs in order on both sides).
    let anchors = increasing_chain(&exact);
    let mut from = (0, 0);
    for &(i, j) in anchors
        .iter()
        .chain(std::iter::once(&(current.len(), stored.len())))
    {
        let gap_current: Vec<usize> = (from.0..i)
            .filter(|&c| pairing.current[c].is_none())
            .collect();
        let gap_stored: Vec<usize> = (from.1..j).filter(|&s| !pairing.stored[s]).collect();
        pair_gap(current, stored, &gap_current, &gap_stored, &mut pairing);
        from = (i + 1, j + 1);
    }

    // 3. Moved and edited: across gaps, best first.
    pair_moved(current, stored, &mut pairing);

    // 4. States.
    let units = (0..current.len())
        .map(|i| match pairing.current[i] {
            Some((j, _)) if pairing.joined[i] => UnitState::Joined { stored: j },
            Some((j, true)) => UnitState::Current { stored: j },
            Some((j, false)) => {
                let len = 1 + pairing.joined[i + 1..].iter().take_while(|&&b| b).count();
                let text = run_text(current, i, len);
                UnitState::Stale {
                    stored: j,
                    edit: edit_kind(&stored[j].en, &text),
                    diff: word_diff(&stored[j].en, &text),
                }
            }
            None => UnitState::Missing,
        })
        .collect();
    let orphaned = (0..stored.len()).filter(|&j| !pairing.stored[j]).collect();
    Revision { units, orphaned }
}

/// Who is paired with whom.
struct Pairing {
    /// Per current unit: the stored unit and whether they are equal.
    current: Vec<Option<(usize, bool)>>,
    /// Per current unit: paired with the stored unit of the unit before it.
    joined: Vec<bool>,
    /// Per stored unit: paired or not.
    stored: Vec<bool>,
}

impl Pairing {
    fn new(current: usize, stored: usize) -> Pairing {
        Pairing {
            current: vec![None; current],
            joined: vec![false; current],
            stored: vec![false; stored],
        }
    }

    fn pair(&mut self, current: usize, stored: usize, exact: bool) {
        self.pair_run(current, 1, stored, exact);
    }

    /// Pairs the `len` current units from `start` with one stored unit.
    fn pair_run(&mut self, start: usize, len: usize, stored: usize, exact: bool) {
        for i in start..start + len {
            self.current[i] = Some((stored, exact));
            self.joined[i] = i > start;
        }
        self.stored[stored] = true;
    }
}

/// The longest chain of `pairs` (sorted by their first index, second indexes distinct)
/// increasing in the second index too: patience sorting, `O(n log n)`.
fn increasing_chain(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    const NONE: usize = usize::MAX;
    // `tails[k]`: the pair ending the best chain of length k + 1 found so far (smallest
    // second index); `previous[p]`: the pair before `p` in its chain.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous = vec![NONE; pairs.len()];
    for (p, &(_, j)) in pairs.iter().enumerate() {
        let k = tails.partition_point(|&t| pairs[t].1 < j);
        if k > 0 {
            previous[p] = tails[k - 1];
        }
        if k == tails.len() {
            tails.push(p);
        } else {
            tails[k] = p;
        }
    }
    let mut chain = Vec::with_capacity(tails.len());
    let mut p = tails.last().copied().unwrap_or(NONE);
    while p != NONE {
        chain.push(pairs[p]);
        p = previous[p];
    }
    chain.reverse();
    chain
}

/// Pairs the unmatched current and stored units of one gap by similarity, keeping the
/// order of both sides.
fn pair_gap(
    current: &[Unit],
    stored: &[StoredUnit],
    gap_current: &[usize],
    gap_stored: &[usize],
    pairing: &mut Pairing,
) {
    let (k, l) = (gap_current.len(), gap_stored.len());
    if k == 0 || l == 0 {
        return;
    }
    // A huge gap is cut into `s` proportional slices of about k·l/s² pairs each, k·l/s in
    // all: at most GAP_BUDGET.
    let slices = k.saturating_mul(l).div_ceil(GAP_BUDGET).clamp(1, k.min(l));
    for s in 0..slices {
        let cur = &gap_current[s * k / slices..(s + 1) * k / slices];
        let sto = &gap_stored[s * l / slices..(s + 1) * l / slices];
        let mut index = FuzzyIndex::new();
        for (id, &j) in sto.iter().enumerate() {
            index.insert(id as u32, &stored[j].en);
        }
        let mut candidates = Vec::new();
        for (p, &i) in cur.iter().enumerate() {
            for hit in index.search(&current[i].text, PAIR_THRESHOLD, CANDIDATES) {
                candidates.push((p, hit.id as usize, hit.score));
            }
        }
        // The score is relative to the longer sentence, so a short sentence that gained a
        // clause (`The program includes:` → `The program, announced on Monday, includes:`)
        // or lost one scores low although every word of the shorter is still there; in
        // the same gap, the order says it is the same sentence.
        if cur.len() * sto.len() <= CONTAINMENT_BUDGET {
            let found: std::collections::HashSet<(usize, usize)> =
                candidates.iter().map(|&(p, q, _)| (p, q)).collect();
            let stored_words: Vec<Vec<String>> =
                sto.iter().map(|&j| folded_words(&stored[j].en)).collect();
            for (p, &i) in cur.iter().enumerate() {
                let words = folded_words(&current[i].text);
                for (q, &j) in sto.iter().enumerate() {
                    if !found.contains(&(p, q)) && kept_in_order(&stored_words[q], &words) {
                        let score = fuzzy::score(&stored[j].en, &current[i].text);
                        candidates.push((p, q, score.max(1)));
                    }
                }
            }
        }
        let mut paired = Vec::new();
        for c in heaviest_chain(&candidates, sto.len()) {
            let (p, q, _) = candidates[c];
            pairing.pair(cur[p], sto[q], false);
            paired.push((cur[p], sto[q]));
        }
        for (i, j) in paired {
            grow_run(current, stored, i, j, pairing);
        }
    }
}

/// Extends the pairing of current unit `i` with stored unit `j` over the unpaired units
/// of the same paragraph right after it, then right before it, while the joined English
/// is more like the stored English than without them: a sentence the editor split is one
/// stored unit covering the new sentences.
fn grow_run(current: &[Unit], stored: &[StoredUnit], i: usize, j: usize, pairing: &mut Pairing) {
    let old = &stored[j].en;
    let (mut start, mut len) = (i, 1);
    let mut best = fuzzy::score(old, &current[i].text);
    let free = |k: usize, pairing: &Pairing| {
        pairing.current[k].is_none() && current[k].block == current[i].block
    };
    while len < MAX_RUN && start + len < current.len() && free(start + len, pairing) {
        let score = fuzzy::score(old, &run_text(current, start, len + 1));
        if score <= best {
            break;
        }
        best = score;
        len += 1;
    }
    while len < MAX_RUN && start > 0 && free(start - 1, pairing) {
        let score = fuzzy::score(old, &run_text(current, start - 1, len + 1));
        if score <= best {
            break;
        }
        best = score;
        start -= 1;
        len += 1;
    }
    if len > 1 {
        pairing.pair_run(start, len, j, false);
    }
}

/// Whether the shorter of two sentences of at least two words keeps at least four words
/// in five in order in the longer one (words compared [`fold`]ed): one sentence is the
/// other with a clause added or taken out.
pub fn mostly_kept(a: &str, b: &str) -> bool {
    kept_in_order(&folded_words(a), &folded_words(b))
}

/// The words of `text`, [`fold`]ed.
fn folded_words(text: &str) -> Vec<String> {
    let text = normalize(text);
    tokens(&text)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| fold(&text[t.range]))
        .collect()
}

/// [`mostly_kept`] of two sentences' [`folded_words`].
fn kept_in_order(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() < 2 {
        return false;
    }
    // Longest common subsequence, one row at a time.
    let mut row = vec![0usize; long.len() + 1];
    for w in short {
        let mut diagonal = 0;
        for (k, v) in long.iter().enumerate() {
            let above = row[k + 1];
            row[k + 1] = if w == v {
                diagonal + 1
            } else {
                above.max(row[k])
            };
            diagonal = above;
        }
    }
    row[long.len()] * 5 >= short.len() * 4
}

/// The chain of `candidates` (`(current, stored, score)`) strictly increasing on both
/// sides with the highest total score, as indexes into `candidates`: a weighted longest
/// increasing subsequence over a Fenwick tree of prefix maxima, `O(p log p)`. `stored_len`
/// bounds the stored positions.
fn heaviest_chain(candidates: &[(usize, usize, u8)], stored_len: usize) -> Vec<usize> {
    const NONE: usize = usize::MAX;
    if candidates.is_empty() {
        return Vec::new();
    }
    // Current ascending, stored descending within one current unit: a unit's candidates
    // never see each other, so each current unit is paired once.
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_unstable_by_key(|&c| (candidates[c].0, Reverse(candidates[c].1), c));
    // tree[x]: the best (weight, candidate) ending at a stored position in x's range.
    let mut tree = vec![(0u64, NONE); stored_len + 1];
    let mut previous = vec![NONE; candidates.len()];
    let mut best = (0u64, NONE);
    for c in order {
        let (_, j, score) = candidates[c];
        // The best chain ending before stored position j.
        let mut before = (0u64, NONE);
        let mut x = j;
        while x > 0 {
            if tree[x].0 > before.0 {
                before = tree[x];
            }
            x &= x - 1;
        }
        let weight = before.0 + u64::from(score);
        previous[c] = before.1;
        if weight > best.0 {
            best = (weight, c);
        }
        let mut x = j + 1;
        while x <= stored_len {
            if weight > tree[x].0 {
                tree[x] = (weight, c);
            }
            x += x & x.wrapping_neg();
        }
    }
    let mut chain = Vec::new();
    let mut c = best.1;
    while c != NONE {
        chain.push(c);
        c = previous[c];
    }
    chain.reverse();
    chain
}

/// Pairs what the gaps left over, across gaps, best score first, at [`MOVED_THRESHOLD`].
fn pair_moved(current: &[Unit], stored: &[StoredUnit], pairing: &mut Pairing) {
    let left_current: Vec<usize> = (0..current.len())
        .filter(|&i| pairing.current[i].is_none())
        .collect();
    let left_stored: Vec<usize> = (0..stored.len()).filter(|&j| !pairing.stored[j]).collect();
    if left_current.is_empty()
        || left_stored.is_empty()
        || left_current.len().saturating_mul(left_stored.len()) > GAP_BUDGET
    {
        return;
    }
    let mut index = FuzzyIndex::new();
    for (id, &j) in left_stored.iter().enumerate() {
        index.insert(id as u32, &stored[j].en);
    }
    let mut candidates = Vec::new();
    for &i in &left_current {
        for hit in index.search(&current[i].text, MOVED_THRESHOLD, CANDIDATES) {
            candidates.push((Reverse(hit.score), i, left_stored[hit.id as usize]));
        }
    }
    candidates.sort_unstable();
    for (_, i, j) in candidates {
        if pairing.current[i].is_none() && !pairing.stored[j] {
            pairing.pair(i, j, false);
        }
    }
}

/// The word diff from `old` to `new`: [`similar`]'s Unicode word diff (words, spaces and
/// punctuation as tokens) with a deadline, tidied for people:
///
/// - adjacent pieces of one kind are merged, and within a changed stretch all that was
///   deleted comes before all that was inserted;
/// - white space left equal between two changes joins the change (`one thousand` →
///   `1,200` is one deletion and one insertion, not two with a space between), and white
///   space that both sides of a change start or end with goes back to the equal text.
///
/// The `equal` and `delete` parts joined give `old` back exactly, the `equal` and `insert`
/// parts `new`; no part is empty.
///
/// ```
/// use songngu::drift::report::DiffOp::*;
/// use songngu::drift::revision::word_diff;
///
/// let parts = word_diff("more than one thousand guests", "more than 1,200 guests");
/// let parts: Vec<_> = parts.iter().map(|p| (p.op, p.text.as_str())).collect();
/// assert_eq!(
///     parts,
///     [(Equal, "more than "), (Delete, "one thousand"), (Insert, "1,200"), (Equal, " guests")]
/// );
/// ```
pub fn word_diff(old: &str, new: &str) -> Vec<DiffPart> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(DIFF_TIMEOUT)
        .diff_unicode_words(old, new);
    let mut runs: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let op = match change.tag() {
            ChangeTag::Equal => DiffOp::Equal,
            ChangeTag::Delete => DiffOp::Delete,
            ChangeTag::Insert => DiffOp::Insert,
        };
        push_part(&mut runs, op, change.value());
    }
    let mut parts = Vec::with_capacity(runs.len());
    let (mut deleted, mut inserted) = (String::new(), String::new());
    let last = runs.len().saturating_sub(1);
    for (k, run) in runs.iter().enumerate() {
        match run.op {
            DiffOp::Delete => deleted.push_str(&run.text),
            DiffOp::Insert => inserted.push_str(&run.text),
            DiffOp::Equal => {
                // Runs alternate between equal and changed, so a run that is not the last
                // is followed by a change.
                let in_change = !deleted.is_empty() || !inserted.is_empty();
                if in_change && k < last && run.text.chars().all(char::is_whitespace) {
                    deleted.push_str(&run.text);
                    inserted.push_str(&run.text);
                } else {
                    flush_change(&mut parts, &mut deleted, &mut inserted);
                    push_part(&mut parts, DiffOp::Equal, &run.text);
                }
            }
        }
    }
    flush_change(&mut parts, &mut deleted, &mut inserted);
    parts
}

/// Appends `text` as `op`, merging with the last part when it is of the same op.
fn push_part(parts: &mut Vec<DiffPart>, op: DiffOp, text: &str) {
    if text.is_empty() {
        return;
    }
    match parts.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => parts.push(DiffPart {
            op,
            text: text.to_owned(),
        }),
    }
}

/// Ends a changed stretch: its deletion, then its insertion, with the white space both
/// start or end with given back to the equal text around.
fn flush_change(parts: &mut Vec<DiffPart>, deleted: &mut String, inserted: &mut String) {
    let common_space = |a: &mut dyn Iterator<Item = char>, b: &mut dyn Iterator<Item = char>| {
        a.zip(b)
            .take_while(|(x, y)| x == y && x.is_whitespace())
            .map(|(x, _)| x.len_utf8())
            .sum::<usize>()
    };
    let prefix = common_space(&mut deleted.chars(), &mut inserted.chars());
    let suffix = common_space(
        &mut deleted[prefix..].chars().rev(),
        &mut inserted[prefix..].chars().rev(),
    );
    push_part(parts, DiffOp::Equal, &deleted[..prefix]);
    push_part(
        parts,
        DiffOp::Delete,
        &deleted[prefix..deleted.len() - suffix],
    );
    push_part(
        parts,
        DiffOp::Insert,
        &inserted[prefix..inserted.len() - suffix],
    );
    push_part(parts, DiffOp::Equal, &deleted[deleted.len() - suffix..]);
    deleted.clear();
    inserted.clear();
}

/// What kind of edit turned the English `old` into `new`.
///
/// - [`EditKind::Typo`] when the words are the same but for case: only case, punctuation
///   or spacing changed.
/// - Otherwise the first of these whose readers (the aligner's number and name anchors)
///   find a different multiset in `old` and `new`: [`EditKind::Number`] (amounts; a
///   plain 1900–2099 in a sentence with a day or month is a year and counts as a date),
///   [`EditKind::Date`] (days, months, years, times), [`EditKind::Name`] (names and
///   acronyms, compared without case or diacritics; week days are names to that reader).
/// - Otherwise [`EditKind::Rewrite`].
///
/// The order is a priority: a sentence whose number changed is a number edit even if
/// other words changed too. A number (then a date, then a name) is a fact the reader
/// relies on and that a translator fixing "the wording" can miss, while the diff shows
/// the other changes anyway; so the kind names the change that must not be missed.
///
/// ```
/// use songngu::drift::report::EditKind;
/// use songngu::drift::revision::edit_kind;
///
/// assert_eq!(edit_kind("more than one thousand guests", "more than 1,200 guests"), EditKind::Number);
/// assert_eq!(edit_kind("It opened on November 27.", "It opened on November 28."), EditKind::Date);
/// assert_eq!(edit_kind("the ministry said", "The Ministry said:"), EditKind::Typo);
/// ```
pub fn edit_kind(old: &str, new: &str) -> EditKind {
    let words = |text: &str| -> Vec<String> {
        let text = normalize(text);
        tokens(&text)
            .filter(|t| t.kind == TokenKind::Word)
            .map(|t| text[t.range].to_lowercase())
            .collect()
    };
    if words(old) == words(new) {
        return EditKind::Typo;
    }
    let (old_facts, new_facts) = (Facts::of(old), Facts::of(new));
    let dated = !old_facts.dates.is_empty() || !new_facts.dates.is_empty();
    let (old_facts, new_facts) = (old_facts.with_years(dated), new_facts.with_years(dated));
    if old_facts.numbers != new_facts.numbers {
        EditKind::Number
    } else if old_facts.dates != new_facts.dates {
        EditKind::Date
    } else if old_facts.names != new_facts.names {
        EditKind::Name
    } else {
        EditKind::Rewrite
    }
}

/// The meaning-bearing tokens of an English sentence, each a sorted multiset of keys.
struct Facts {
    /// Amounts: `n1200`.
    numbers: Vec<String>,
    /// Days, weekdays, months and times: `d27-11`, `w3`, `m11`, `t11:12`; years once moved
    /// here.
    dates: Vec<String>,
    names: Vec<String>,
}

impl Facts {
    fn of(text: &str) -> Facts {
        let (mut dates, mut numbers): (Vec<String>, Vec<String>) = anchors::numbers(text, Lang::En)
            .into_iter()
            .partition(|key| !key.starts_with('n'));
        let mut names = anchors::names(text);
        numbers.sort_unstable();
        dates.sort_unstable();
        names.sort_unstable();
        Facts {
            numbers,
            dates,
            names,
        }
    }

    /// With `dated` (either sentence has a day or a month), plain numbers that read as
    /// years move from the numbers to the dates.
    fn with_years(mut self, dated: bool) -> Facts {
        if dated {
            let is_year = |key: &String| {
                key.strip_prefix('n')
                    .and_then(|v| v.parse::<u32>().ok())
                    .is_some_and(|y| (1900..=2099).contains(&y))
            };
            let (years, numbers): (Vec<String>, Vec<String>) =
                self.numbers.into_iter().partition(is_year);
            self.numbers = numbers;
            self.dates.extend(years);
            self.dates.sort_unstable();
        }
        self
    }
}

/// The findings of a revision: one `stale` or `missing` per such current unit, in
/// document order, and one `orphaned` per orphaned stored unit, told after the current
/// unit paired with the nearest stored unit before it (first if there is none).
///
/// - `stale`: `unit`, `paragraph` and `en` of the current unit, `vi` and `old_en` of the
///   stored one, `diff` and `edit`; message `drift-stale` with `edit` ([`EditKind::name`]).
/// - `missing`: `unit`, `paragraph`, `en`; `suggestion` is what `suggest` returns for the
///   unit's English (the caller looks it up in the memory); message `drift-missing`, or
///   `drift-missing-suggestion` with `score` when there is a suggestion.
/// - `orphaned`: the stored unit's `unit` (when it has one), `en` and `vi`; no paragraph,
///   as it is not in the article; message `drift-orphaned`.
///
/// `revision` must come from [`compare`] of the same `current` and `stored`.
pub fn findings(
    current: &[Unit],
    stored: &[StoredUnit],
    revision: &Revision,
    mut suggest: impl FnMut(&str) -> Option<Suggestion>,
) -> Vec<Finding> {
    // Where each orphan is told.
    let mut paired_with = vec![None; stored.len()];
    for (i, state) in revision.units.iter().enumerate() {
        if let Some(slot) = state.stored().and_then(|j| paired_with.get_mut(j)) {
            *slot = Some(i);
        }
    }
    let mut orphan = vec![false; stored.len()];
    for &j in &revision.orphaned {
        if let Some(slot) = orphan.get_mut(j) {
            *slot = true;
        }
    }
    let mut first = Vec::new();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); current.len()];
    let mut last = None;
    for j in 0..stored.len() {
        if let Some(i) = paired_with[j] {
            last = Some(i);
        } else if orphan[j] {
            match last.and_then(|i| after.get_mut(i)) {
                Some(list) => list.push(j),
                None => first.push(j),
            }
        }
    }

    let orphaned = |j: usize| {
        let unit = &stored[j];
        let mut finding = Finding::new(Kind::Orphaned, Explanation::new("drift-orphaned"));
        finding.unit = Some(unit.unit.clone()).filter(|u| !u.is_empty());
        finding.en = Some(unit.en.clone());
        finding.vi = unit.vi.clone();
        finding
    };
    let mut out: Vec<Finding> = first.iter().map(|&j| orphaned(j)).collect();
    for (i, (unit, state)) in current.iter().zip(&revision.units).enumerate() {
        match state {
            UnitState::Current { .. } | UnitState::Joined { .. } => {}
            UnitState::Stale {
                stored: j,
                edit,
                diff,
            } => {
                let old = &stored[*j];
                let mut finding = Finding::new(
                    Kind::Stale,
                    Explanation::new("drift-stale").arg("edit", edit.name()),
                );
                finding.unit = Some(unit.id.clone());
                finding.paragraph = Some(unit.block);
                // A stored unit covering several units is stale once, with their English.
                finding.en = Some(run_text(current, i, run_len(revision, i)));
                finding.vi = old.vi.clone();
                finding.old_en = Some(old.en.clone());
                finding.diff = Some(diff.clone());
                finding.edit = Some(*edit);
                out.push(finding);
            }
            UnitState::Missing => {
                let suggestion = suggest(&unit.text);
                let explanation = match &suggestion {
                    Some(s) => Explanation::new("drift-missing-suggestion")
                        .arg("score", s.score.to_string()),
                    None => Explanation::new("drift-missing"),
                };
                let mut finding = Finding::new(Kind::Missing, explanation);
                finding.unit = Some(unit.id.clone());
                finding.paragraph = Some(unit.block);
                finding.en = Some(unit.text.clone());
                finding.suggestion = suggestion;
                out.push(finding);
            }
        }
        out.extend(after[i].iter().map(|&j| orphaned(j)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, ReadOptions};
    use crate::segment::{Segmenter, segment_document, text_id};
    use proptest::prelude::*;
    use std::path::Path;

    /// Current units: paragraphs of sentences.
    fn units(paragraphs: &[&[&str]]) -> Vec<Unit> {
        let mut out = Vec::new();
        for (block, sentences) in paragraphs.iter().enumerate() {
            for (index, text) in sentences.iter().enumerate() {
                out.push(Unit {
                    id: text_id(text),
                    block,
                    index,
                    text: (*text).to_owned(),
                    start: 0,
                    end: 0,
                });
            }
        }
        out
    }

    /// Stored units in order, translated as `vi:` + the English.
    fn stored(texts: &[&str]) -> Vec<StoredUnit> {
        texts
            .iter()
            .enumerate()
            .map(|(order, en)| StoredUnit {
                units: Vec::new(),
                entry: order as u32,
                unit: text_id(en),
                order,
                en: (*en).to_owned(),
                vi: Some(format!("vi: {en}")),
                status: Some(String::from("translated")),
                changed: None,
                tuid: None,
                ..StoredUnit::default()
            })
            .collect()
    }

    /// The states in a compact form: `=j` current, `~j` stale, `+` missing, `&j` joined to
    /// the unit before.
    fn shape(revision: &Revision) -> Vec<String> {
        revision
            .units
            .iter()
            .map(|s| match s {
                UnitState::Current { stored } => format!("={stored}"),
                UnitState::Stale { stored, .. } => format!("~{stored}"),
                UnitState::Missing => String::from("+"),
                UnitState::Joined { stored } => format!("&{stored}"),
            })
            .collect()
    }

    const A: &str = "The conference opened in Hanoi on Wednesday morning.";
    const B: &str = "Deputy Minister Nguyen Thanh Hung delivered the opening speech.";
    const C: &str = "Representatives of several ASEAN countries attended the event.";
    const D: &str = "Specific laws are needed to keep the cyberspace safe for everyone.";
    const E: &str = "The organizers plan to hold the meeting again next year.";

    #[test]
    fn the_same_article_is_all_current() {
        let revision = compare(&units(&[&[A, B], &[C, D]]), &stored(&[A, B, C, D]));
        assert_eq!(shape(&revision), ["=0", "=1", "=2", "=3"]);
        assert!(revision.orphaned.is_empty());
        assert!(revision.is_clean());
    }

    #[test]
    fn empty_sides() {
        assert_eq!(compare(&[], &[]), Revision::default());
        let revision = compare(&units(&[&[A, B]]), &[]);
        assert_eq!(shape(&revision), ["+", "+"]);
        let revision = compare(&[], &stored(&[A, B]));
        assert_eq!(revision.orphaned, [0, 1]);
        assert!(!revision.is_clean());
    }

    #[test]
    fn moved_units_are_current() {
        // Paragraphs swapped and a sentence moved from the end to the start.
        let revision = compare(&units(&[&[E, C, D], &[A, B]]), &stored(&[A, B, C, D, E]));
        assert_eq!(shape(&revision), ["=4", "=2", "=3", "=0", "=1"]);
        assert!(revision.orphaned.is_empty());
    }

    #[test]
    fn whitespace_and_unicode_normalization_do_not_make_a_unit_stale() {
        let nfd = "Ho\u{302}\u{300}ng said:  the  event was\u{a0}a success. ";
        let nfc = "Hồng said: the event was a success.";
        let revision = compare(&units(&[&[nfd, A]]), &stored(&[nfc, "  A  ", A]));
        assert_eq!(shape(&revision), ["=0", "=2"]);
        assert_eq!(revision.orphaned, [1]);
    }

    #[test]
    fn repeated_sentences_pair_one_to_one() {
        let x = "Thank you.";
        let revision = compare(&units(&[&[x, A, x], &[x]]), &stored(&[x, A, x]));
        assert_eq!(shape(&revision), ["=0", "=1", "=2", "+"]);
        let revision = compare(&units(&[&[x, A]]), &stored(&[x, A, x]));
        assert_eq!(shape(&revision), ["=0", "=1"]);
        assert_eq!(revision.orphaned, [2]);
        // Moved repeats stay current.
        let revision = compare(&units(&[&[A, x, x]]), &stored(&[x, x, A]));
        assert_eq!(shape(&revision), ["=2", "=0", "=1"]);
    }

    #[test]
    fn an_inserted_sentence_is_missing_and_a_deleted_one_orphaned() {
        let revision = compare(&units(&[&[A, E, B], &[C]]), &stored(&[A, B, C, D]));
        assert_eq!(shape(&revision), ["=0", "+", "=1", "=2"]);
        assert_eq!(revision.orphaned, [3]);
    }

    #[test]
    fn an_edited_sentence_is_stale_with_its_diff() {
        let edited = "The conference opened in Hanoi on Wednesday afternoon.";
        let revision = compare(&units(&[&[edited, B, C]]), &stored(&[A, B, C]));
        assert_eq!(shape(&revision), ["~0", "=1", "=2"]);
        let UnitState::Stale { edit, diff, .. } = &revision.units[0] else {
            unreachable!()
        };
        assert_eq!(*edit, EditKind::Rewrite);
        let changes: Vec<_> = diff
            .iter()
            .filter(|p| p.op != DiffOp::Equal)
            .map(|p| (p.op, p.text.as_str()))
            .collect();
        assert_eq!(
            changes,
            [(DiffOp::Delete, "morning"), (DiffOp::Insert, "afternoon")]
        );
    }

    #[test]
    fn a_split_sentence_is_stale_then_missing() {
        let long = "The ministry in collaboration with the Australian institute organized a conference on responsible state behaviour in cyberspace.";
        let first =
            "The ministry organized a conference on responsible state behaviour in cyberspace.";
        let second = "It was held in collaboration with the Australian institute.";
        let revision = compare(&units(&[&[A, first, second, B]]), &stored(&[A, long, B]));
        assert_eq!(shape(&revision), ["=0", "~1", "+", "=2"]);
        // The half most like the old sentence is the stale one, whichever comes first.
        let revision = compare(
            &units(&[&[A, "Responsible behaviour was discussed.", long, B]]),
            &stored(&[A, long, B]),
        );
        assert_eq!(shape(&revision), ["=0", "+", "=1", "=2"]);
        let swapped = "The ministry in collaboration with the institute organized a conference on state behaviour in cyberspace.";
        let revision = compare(
            &units(&[&[A, "Australia helped.", swapped, B]]),
            &stored(&[A, long, B]),
        );
        assert_eq!(shape(&revision), ["=0", "+", "~1", "=2"]);
        assert!(revision.orphaned.is_empty());
    }

    #[test]
    fn merged_sentences_are_stale_against_the_more_similar_one() {
        let one = "The cyberspace is the fifth strategic space.";
        let two = "It comes after land, sea, sky and outer space.";
        let merged = "The cyberspace is the fifth strategic space, after land and sea.";
        let revision = compare(&units(&[&[A, merged, B]]), &stored(&[A, one, two, B]));
        assert_eq!(shape(&revision), ["=0", "~1", "=3"]);
        assert_eq!(revision.orphaned, [2]);
        let merged = "The cyberspace comes after land, sea, sky and outer space.";
        let revision = compare(&units(&[&[A, merged, B]]), &stored(&[A, one, two, B]));
        assert_eq!(shape(&revision), ["=0", "~2", "=3"]);
        assert_eq!(revision.orphaned, [1]);
    }

    #[test]
    fn pairing_in_a_gap_keeps_the_order() {
        // Two edits in one gap: each pairs with its own old sentence, in order.
        let a2 = "The conference opened in Hanoi on Friday morning.";
        let b2 = "Deputy Minister Nguyen Thanh Hung gave the opening speech.";
        let revision = compare(&units(&[&[a2, b2, C]]), &stored(&[A, B, C]));
        assert_eq!(shape(&revision), ["~0", "~1", "=2"]);
        // A rewrite that keeps too little of the old sentence is missing, the old orphaned.
        let revision = compare(
            &units(&[&[A, "Nobody came to the opening at all, sadly.", C]]),
            &stored(&[A, B, C]),
        );
        assert_eq!(shape(&revision), ["=0", "+", "=2"]);
        assert_eq!(revision.orphaned, [1]);
    }

    #[test]
    fn a_sentence_moved_and_edited_is_stale() {
        let edited = "Representatives of several ASEAN countries attended the events.";
        let revision = compare(&units(&[&[edited, A, B, D]]), &stored(&[A, B, C, D]));
        assert_eq!(shape(&revision), ["~2", "=0", "=1", "=3"]);
        assert!(revision.orphaned.is_empty());
    }

    #[test]
    fn the_longest_chain_of_exact_pairs_anchors_the_gaps() {
        assert_eq!(
            increasing_chain(&[(0, 4), (1, 0), (2, 1), (3, 5), (4, 2)]),
            [(1, 0), (2, 1), (4, 2)]
        );
        assert!(increasing_chain(&[]).is_empty());
        // The heaviest chain, not the longest: (0,0,60) + (1,1,60) < (0,1,95) + (1,2,90).
        let candidates = [(0, 0, 60), (0, 1, 95), (1, 1, 60), (1, 2, 90)];
        assert_eq!(heaviest_chain(&candidates, 3), [1, 3]);
        // One current unit is paired once.
        assert_eq!(heaviest_chain(&[(0, 0, 70), (0, 1, 80)], 2), [1]);
    }

    #[test]
    fn edit_kinds() {
        let kind = edit_kind;
        assert_eq!(
            kind("the ministry said it", "The Ministry said: it!"),
            EditKind::Typo
        );
        assert_eq!(kind("Hello  world.", "Hello world ."), EditKind::Typo);
        assert_eq!(
            kind(
                "an event that attracted more than one thousand guests",
                "an event that attracted more than 1,200 guests"
            ),
            EditKind::Number
        );
        // A number wins over other changes.
        assert_eq!(
            kind(
                "The event attracted 1,000 guests from Hanoi.",
                "The big gathering drew 1,200 visitors from Hue."
            ),
            EditKind::Number
        );
        assert_eq!(kind("It grew 5%.", "It grew 6%."), EditKind::Number);
        assert_eq!(
            kind(
                "It opened on November 27, 2019.",
                "It opened on November 28, 2019."
            ),
            EditKind::Date
        );
        assert_eq!(
            kind(
                "It opened on November 27, 2019.",
                "It opened on November 27, 2020."
            ),
            EditKind::Date,
            "a year next to a date is part of the date"
        );
        assert_eq!(
            kind("It opened at 11:12 am.", "It opened at 11:30 am."),
            EditKind::Date
        );
        assert_eq!(
            kind("It opened in November.", "It opened in December."),
            EditKind::Date
        );
        assert_eq!(
            kind(
                "Deputy Minister Nguyen Thanh Hung spoke.",
                "Deputy Minister Nguyen Manh Hung spoke."
            ),
            EditKind::Name
        );
        assert_eq!(
            kind("It opened on Wednesday.", "It opened on Thursday."),
            EditKind::Date,
            "a weekday is a date"
        );
        assert_eq!(
            kind(
                "Therefore, researches and discussions are needed so that these rules can be implemented in reality.",
                "Therefore, further research and discussion are needed so that these rules can be put into practice."
            ),
            EditKind::Rewrite
        );
        for k in EditKind::ALL {
            let json = serde_json::to_string(&k).unwrap();
            assert_eq!(json, format!("\"{}\"", k.name()));
        }
    }

    fn sides(parts: &[DiffPart]) -> (String, String) {
        let side = |skip: DiffOp| {
            parts
                .iter()
                .filter(|p| p.op != skip)
                .map(|p| p.text.as_str())
                .collect::<String>()
        };
        (side(DiffOp::Insert), side(DiffOp::Delete))
    }

    fn assert_well_formed(old: &str, new: &str) {
        let parts = word_diff(old, new);
        assert_eq!(sides(&parts), (old.to_owned(), new.to_owned()), "{parts:?}");
        assert!(parts.iter().all(|p| !p.text.is_empty()), "{parts:?}");
        assert!(parts.windows(2).all(|w| w[0].op != w[1].op), "{parts:?}");
    }

    #[test]
    fn word_diffs_read_well() {
        let view = |old: &str, new: &str| -> Vec<(DiffOp, String)> {
            word_diff(old, new)
                .into_iter()
                .map(|p| (p.op, p.text))
                .collect()
        };
        use DiffOp::*;
        let s = String::from;
        assert_eq!(view("same", "same"), [(Equal, s("same"))]);
        assert!(word_diff("", "").is_empty());
        assert_eq!(view("", "new"), [(Insert, s("new"))]);
        assert_eq!(
            view("a b c d", "a x y d"),
            [
                (Equal, s("a ")),
                (Delete, s("b c")),
                (Insert, s("x y")),
                (Equal, s(" d"))
            ]
        );
        assert_eq!(
            view("in reality.", "into practice."),
            [
                (Delete, s("in reality")),
                (Insert, s("into practice")),
                (Equal, s("."))
            ]
        );
        assert_eq!(
            view("Hello world", "Hello  world"),
            [(Equal, s("Hello ")), (Insert, s(" ")), (Equal, s("world"))]
        );
        for (old, new) in [
            ("a  b", "a b"),
            (" x ", "x"),
            ("a b", "b a"),
            ("Việt Nam", "Vie\u{323}\u{302}t Nam"),
            ("one, two", "one; two, three"),
        ] {
            assert_well_formed(old, new);
        }
    }

    #[test]
    fn a_huge_diff_ends_and_is_exact() {
        let old: String = (0..20_000).map(|i| format!("w{} ", i % 97)).collect();
        let new: String = (0..20_000).map(|i| format!("w{} ", i % 89)).collect();
        assert_well_formed(&old, &new);
    }

    proptest! {
        #[test]
        fn diff_parts_give_both_sides_back(
            old in "[ab ,.\t1é\u{301}]{0,40}",
            new in "[ab ,.\t1é\u{301}]{0,40}",
        ) {
            assert_well_formed(&old, &new);
        }

        #[test]
        fn diff_parts_give_any_text_back(old in "\\PC{0,60}", new in "\\PC{0,60}") {
            assert_well_formed(&old, &new);
        }

        #[test]
        fn compare_gives_every_stored_unit_one_fate(
            current in proptest::collection::vec(0usize..8, 0..12),
            old in proptest::collection::vec(0usize..8, 0..12),
        ) {
            const POOL: [&str; 8] = [A, B, C, D, E, "Thank you.", "Thank you!",
                "The conference opened in Hanoi on Friday morning."];
            let cur: Vec<&str> = current.iter().map(|&k| POOL[k]).collect();
            let old: Vec<&str> = old.iter().map(|&k| POOL[k]).collect();
            let (cur_units, stored_units) = (units(&[&cur]), stored(&old));
            let revision = compare(&cur_units, &stored_units);
            prop_assert_eq!(revision.units.len(), cur.len());
            let mut fate = vec![0usize; old.len()];
            for (i, state) in revision.units.iter().enumerate() {
                if let Some(j) = state.stored() {
                    fate[j] += 1;
                    let equal = normalize(cur[i]) == normalize(old[j]);
                    prop_assert_eq!(matches!(state, UnitState::Current { .. }), equal);
                }
            }
            for &j in &revision.orphaned {
                fate[j] += 1;
            }
            prop_assert!(fate.iter().all(|&f| f == 1), "{:?}", fate);
            // As many current units as the multiset intersection.
            let mut counts = HashMap::new();
            for t in &old {
                *counts.entry(*t).or_insert(0i32) += 1;
            }
            let mut common = 0;
            for t in &cur {
                if let Some(c) = counts.get_mut(t).filter(|c| **c > 0) {
                    *c -= 1;
                    common += 1;
                }
            }
            let currents = revision.units.iter().filter(|s| matches!(s, UnitState::Current { .. })).count();
            prop_assert_eq!(currents, common);
        }
    }

    // ---- The bundled example ----

    fn seed(name: &str) -> String {
        std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR")))
            .expect("example")
    }

    fn segment(name: &str, lang: Lang) -> Vec<Unit> {
        let doc = Document::from_text(Path::new(name), seed(name), ReadOptions::default());
        segment_document(&doc, &Segmenter::builtin(lang))
    }

    /// The memory of `seed.en.txt` translated by `seed.vi.txt`: within each line, the
    /// k-th sentences pair up.
    fn seed_memory() -> Vec<StoredUnit> {
        let (en, vi) = (
            segment("seed.en.txt", Lang::En),
            segment("seed.vi.txt", Lang::Vi),
        );
        assert_eq!(en.len(), vi.len(), "the example splits alike on both sides");
        en.iter()
            .zip(&vi)
            .enumerate()
            .map(|(order, (e, v))| {
                assert_eq!(
                    (e.block, e.index),
                    (v.block, v.index),
                    "{} / {}",
                    e.text,
                    v.text
                );
                StoredUnit {
                    units: Vec::new(),
                    entry: order as u32,
                    unit: e.id.clone(),
                    order,
                    en: e.text.clone(),
                    vi: Some(v.text.clone()),
                    status: Some(String::from("translated")),
                    changed: None,
                    tuid: None,
                    ..StoredUnit::default()
                }
            })
            .collect()
    }

    fn position(units: &[Unit], start: &str) -> usize {
        let found: Vec<usize> = (0..units.len())
            .filter(|&i| units[i].text.starts_with(start))
            .collect();
        assert_eq!(found.len(), 1, "one unit starts with {start:?}");
        found[0]
    }

    /// Checks the five changes of `examples/seed.v2.changes.md` and that nothing else
    /// changed.
    fn assert_seed_revision(current: &[Unit], stored: &[StoredUnit], revision: &Revision) {
        let at = |start: &str| &revision.units[position(current, start)];
        let old = |start: &str| {
            let found: Vec<usize> = (0..stored.len())
                .filter(|&j| stored[j].en.starts_with(start))
                .collect();
            assert_eq!(found.len(), 1, "{start:?}");
            found[0]
        };
        let mut expected_changes = 0;
        // 1. Split: the first half is stale, the second missing.
        let split = at("On November 27, 2019, in Hanoi, the Ministry");
        assert!(
            matches!(split, UnitState::Stale { stored, .. } if *stored == old("On November 27, 2019")),
            "{split:?}"
        );
        assert_eq!(
            *at("The conference was held in collaboration"),
            UnitState::Missing
        );
        expected_changes += 2;
        // 2. Edit: a stale rewrite.
        let edit = at("Therefore, further research");
        assert!(
            matches!(edit, UnitState::Stale { stored, edit: EditKind::Rewrite, .. }
                if *stored == old("Therefore, researches")),
            "{edit:?}"
        );
        expected_changes += 1;
        // 3. Added: missing.
        assert_eq!(*at("He also proposed"), UnitState::Missing);
        expected_changes += 1;
        // 4. Number: a stale number edit deleting "one thousand" and inserting "1,200".
        let number = at("In particular, the event");
        let UnitState::Stale {
            stored: j,
            edit,
            diff,
        } = number
        else {
            panic!("{number:?}")
        };
        assert_eq!(
            (*j, *edit),
            (old("In particular, the event"), EditKind::Number)
        );
        let changes: Vec<(DiffOp, &str)> = diff
            .iter()
            .filter(|p| p.op != DiffOp::Equal)
            .map(|p| (p.op, p.text.as_str()))
            .collect();
        assert_eq!(
            changes,
            [(DiffOp::Delete, "one thousand"), (DiffOp::Insert, "1,200")]
        );
        expected_changes += 1;
        // 5. Deleted: orphaned.
        assert_eq!(revision.orphaned, [old("Specific laws are needed")]);
        // Everything else is current, paired with its own old sentence.
        let currents: Vec<(usize, usize)> = revision
            .units
            .iter()
            .enumerate()
            .filter_map(|(i, s)| match s {
                UnitState::Current { stored } => Some((i, *stored)),
                _ => None,
            })
            .collect();
        assert_eq!(currents.len() + expected_changes, current.len());
        for (i, j) in currents {
            assert_eq!(normalize(&current[i].text), normalize(&stored[j].en));
        }
    }

    #[test]
    fn the_bundled_revision_shows_its_five_changes() {
        let stored = seed_memory();
        let current = segment("seed.v2.en.txt", Lang::En);
        let revision = compare(&current, &stored);
        assert_seed_revision(&current, &stored, &revision);

        // The scores quoted in the module docs.
        let old = |start: &str| {
            stored
                .iter()
                .find(|s| s.en.starts_with(start))
                .map(|s| s.en.as_str())
                .unwrap()
        };
        let new = |start: &str| current[position(&current, start)].text.as_str();
        let score = crate::memory::fuzzy::score;
        assert_eq!(
            score(old("Therefore, researches"), new("Therefore, further")),
            64
        );
        assert_eq!(score(old("On November 27"), new("On November 27")), 75);
        assert_eq!(
            score(old("On November 27"), new("The conference was held")),
            29
        );
        assert_eq!(score(old("In particular"), new("In particular")), 94);

        // The findings.
        let findings = findings(&current, &stored, &revision, |en| {
            en.starts_with("He also proposed").then(|| Suggestion {
                score: 61,
                en: String::from("He proposed a yearly conference."),
                vi: String::from("Ông đề xuất tổ chức hội thảo hằng năm."),
            })
        });
        let kinds: Vec<(Kind, &str)> = findings
            .iter()
            .map(|f| (f.kind, f.explanation.id))
            .collect();
        assert_eq!(
            kinds,
            [
                (Kind::Stale, "drift-stale"),
                (Kind::Missing, "drift-missing"),
                (Kind::Stale, "drift-stale"),
                (Kind::Missing, "drift-missing-suggestion"),
                (Kind::Stale, "drift-stale"),
                (Kind::Orphaned, "drift-orphaned"),
            ]
        );
        let number = &findings[4];
        assert_eq!(number.explanation.args, [("edit", String::from("number"))]);
        assert_eq!(number.edit, Some(EditKind::Number));
        assert!(number.old_en.as_deref().unwrap().contains("one thousand"));
        assert!(number.en.as_deref().unwrap().contains("1,200"));
        assert!(
            number
                .vi
                .as_deref()
                .unwrap()
                .contains("hơn một nghìn khách mời")
        );
        assert_eq!(
            number.paragraph,
            Some(current[position(&current, "In particular")].block)
        );
        assert_eq!(
            number.unit.as_deref(),
            Some(current[position(&current, "In particular")].id.as_str())
        );
        let added = &findings[3];
        assert_eq!(added.explanation.args, [("score", String::from("61"))]);
        assert_eq!(added.suggestion.as_ref().map(|s| s.score), Some(61));
        assert!(findings[1].suggestion.is_none());
        let orphan = &findings[5];
        assert!(orphan.en.as_deref().unwrap().starts_with("Specific laws"));
        assert!(
            orphan
                .vi
                .as_deref()
                .unwrap()
                .starts_with("Cần có các đạo luật")
        );
        assert_eq!(orphan.paragraph, None);
        assert!(orphan.unit.is_some());
        // Every explanation renders in both languages.
        for locale in crate::i18n::UiLocale::ALL {
            let localizer = crate::i18n::Localizer::new(locale);
            for finding in &findings {
                let args: Vec<(&str, fluent_bundle::FluentValue<'_>)> = finding
                    .explanation
                    .args
                    .iter()
                    .map(|(k, v)| (*k, fluent_bundle::FluentValue::from(v.as_str())))
                    .collect();
                let text = localizer.text_with(finding.explanation.id, &args);
                assert_ne!(text, finding.explanation.id, "{locale:?}");
            }
        }
    }

    #[test]
    fn the_bundled_revision_through_a_tmx_file() {
        use crate::memory::persist::LockWait;
        use crate::memory::{
            record::{NewUnit, unit_tu},
            store::Memory,
        };
        use unic_langid::langid;

        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("seed.tmx");
        let (en, vi) = (langid!("en"), langid!("vi"));
        let built = seed_memory();
        let mut memory = Memory::open_for_update(
            std::slice::from_ref(&path),
            en.clone(),
            vi.clone(),
            LockWait::Fail,
        )
        .expect("opens");
        // Added in reverse: the order prop, not the memory order, gives document order.
        for unit in built.iter().rev() {
            let tu = unit_tu(
                &NewUnit {
                    doc: "seed",
                    unit: &unit.unit,
                    order: unit.order,
                    source: &unit.en,
                    target: unit.vi.as_deref().unwrap_or_default(),
                    status: "translated",
                    user: "lan",
                },
                &en,
                &vi,
            );
            memory.add(None, tu).expect("add");
        }
        memory.save().expect("save");
        drop(memory);

        let memory = Memory::open(&[path], en, vi).expect("reads back");
        assert_eq!(memory.documents(), ["seed"]);
        let stored = memory.document("seed").expect("document");
        let view = |units: &[StoredUnit]| -> Vec<(String, usize, String, Option<String>)> {
            units
                .iter()
                .map(|u| (u.unit.clone(), u.order, u.en.clone(), u.vi.clone()))
                .collect()
        };
        assert_eq!(view(&stored), view(&built));
        assert!(
            stored
                .iter()
                .all(|u| u.tuid.as_deref() == Some(&format!("seed/{}", u.unit)))
        );

        let current = segment("seed.v2.en.txt", Lang::En);
        let revision = compare(&current, &stored);
        assert_seed_revision(&current, &stored, &revision);
        // Suggestions come from the memory: the new half of the split sentence has no
        // real match in it, so none is made up from the sentence it was split from.
        let findings = findings(&current, &stored, &revision, |en| {
            memory
                .lookup(en, PAIR_THRESHOLD, 1)
                .expect("lookup")
                .into_iter()
                .next()
                .map(|m| Suggestion {
                    score: m.score,
                    en: m.source,
                    vi: m.target.unwrap_or_default(),
                })
        });
        let split_half = findings
            .iter()
            .find(|f| {
                f.en.as_deref()
                    .is_some_and(|e| e.starts_with("The conference was held"))
            })
            .expect("finding");
        assert_eq!(split_half.kind, Kind::Missing);
        assert_eq!(split_half.suggestion, None);
    }

    /// Regression (issue 10): a TU `align --into` stored for a 2-1 link (its English is two
    /// units joined) was `missing` + `stale` even unchanged.
    #[test]
    fn a_stored_unit_covering_two_units_is_current_while_they_are_unchanged_and_in_order() {
        let joined = format!("{A} {B}");
        let old = stored(&[&joined, C]);
        let r = compare(&units(&[&[A, B], &[C]]), &old);
        assert_eq!(shape(&r), ["=0", "&0", "=1"]);
        assert!(r.is_clean());
        // White space is no edit.
        let spaced = format!("{A}   {B}");
        let r = compare(&units(&[&[&spaced], &[C]]), &old);
        assert_eq!(shape(&r), ["=0", "=1"]);
        // Out of order, or across paragraphs: not the translated run.
        let r = compare(&units(&[&[B, A], &[C]]), &old);
        assert!(!r.is_clean());
        let r = compare(&units(&[&[A], &[B], &[C]]), &old);
        assert!(!r.is_clean());
    }

    #[test]
    fn a_stored_unit_covering_two_units_is_stale_once_with_the_joined_word_diff() {
        let old = stored(&[&format!("{A} {B}"), C]);
        let edited = B.replace("opening", "closing");
        let current = units(&[&[A, &edited], &[C]]);
        let r = compare(&current, &old);
        assert_eq!(shape(&r), ["~0", "&0", "=1"]);
        let found = findings(&current, &old, &r, |_| None);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].kind, Kind::Stale);
        assert_eq!(
            found[0].en.as_deref(),
            Some(format!("{A} {edited}").as_str())
        );
        let diff: Vec<(DiffOp, &str)> = found[0]
            .diff
            .iter()
            .flatten()
            .filter(|p| p.op != DiffOp::Equal)
            .map(|p| (p.op, p.text.as_str()))
            .collect();
        assert_eq!(
            diff,
            [(DiffOp::Delete, "opening"), (DiffOp::Insert, "closing")]
        );
    }

    /// A sentence the editor split stays the one TU that translates both halves.
    #[test]
    fn a_split_sentence_stays_one_stored_unit_covering_both_halves() {
        let old = stored(&[
            A,
            "The storm hit the coast on Monday and it was the strongest in ten years.",
            C,
        ]);
        let r = compare(
            &units(&[
                &[A],
                &[
                    "The storm hit the coast on Monday.",
                    "It was the strongest in ten years.",
                ],
                &[C],
            ]),
            &old,
        );
        assert_eq!(shape(&r), ["=0", "~1", "&1", "=2"]);
        // A new sentence after an edited one is not taken in: the joined English is less
        // like the old.
        let r = compare(
            &units(&[
                &[A],
                &[
                    "The storm hit the coast on Monday and it was the strongest in twelve years.",
                    "Schools were closed.",
                ],
                &[C],
            ]),
            &old,
        );
        assert_eq!(shape(&r), ["=0", "~1", "+", "=2"]);
    }

    /// Regression (issue 10): `The program includes:` edited to `The program, announced
    /// on Monday, includes:` scores 46 (the score is relative to the longer sentence), so it
    /// was `missing` and its old TU `orphaned`.
    #[test]
    fn a_short_sentence_that_gained_a_clause_is_stale_with_its_old_translation() {
        let old = stored(&[A, "The program includes:", C]);
        let current = units(&[&[A], &["The program, announced on Monday, includes:"], &[C]]);
        let r = compare(&current, &old);
        assert_eq!(shape(&r), ["=0", "~1", "=2"]);
        assert!(r.orphaned.is_empty());
        // The other way round: a clause taken out.
        let old = stored(&[A, "The program, announced on Monday, includes:", C]);
        let r = compare(&units(&[&[A], &["The program includes:"], &[C]]), &old);
        assert_eq!(shape(&r), ["=0", "~1", "=2"]);
        // A different sentence in the same place is still a new one.
        let old = stored(&[A, "The program includes:", C]);
        let r = compare(
            &units(&[&[A], &["Tickets are sold at the gate."], &[C]]),
            &old,
        );
        assert_eq!(shape(&r), ["=0", "+", "=2"]);
        assert_eq!(r.orphaned, [1]);
    }

    #[test]
    fn mostly_kept_needs_the_shorter_sentences_words_in_order() {
        assert!(mostly_kept(
            "The program includes:",
            "The program, announced on Monday, includes:"
        ));
        assert!(mostly_kept("the PROGRAM includes", "The program includes"));
        assert!(!mostly_kept(
            "includes program the",
            "The program, announced, includes:"
        ));
        assert!(!mostly_kept("Yes.", "Yes, we can."));
        assert!(!mostly_kept("Schools were closed.", "Shops were open."));
    }
}
