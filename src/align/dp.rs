//! Banded dynamic programming over two sequences of units (sentences or paragraphs).
//!
//! Cell `(i, j)` is the cheapest way to align the first `i` English and the first `j`
//! Vietnamese units. Only cells in a band around the line from `(0, 0)` to `(n, m)` are
//! computed: row `i` covers the columns from `i·m/n − w` to `(i+1)·m/n + w`, so a row
//! spans the slope of the diagonal (a 10-to-100,000 input still has a path) and the band
//! holds `m + n·(2w + 1)` cells: linear in the input. Costs are kept for the last four
//! rows only (no bead takes more than three units from one side); one backpointer byte per
//! cell is kept for the whole band. If the best path comes near the edge of the band, the
//! band is doubled and the alignment redone, so a long run of insertions is still found;
//! but only while most of the text pairs up confidently, the doubling lowered the cost,
//! and up to a fixed maximum, so unrelated or shuffled input stays linear too
//! ([`Scorer::align_counted`] counts the cells).

use super::CONFIDENCE_MIDPOINT as CONFIDENT_COST;
use super::anchor_keys::{Family, QUOTATION};
use super::cost::BeadKind;
use super::forward;
use crate::text::LengthModel;

/// A unit to align: its length in characters, its sorted anchor keys and its sorted,
/// distinct concepts of the learned lexicon (see [`super::lexicon`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct Unit {
    pub len: f64,
    pub anchors: Vec<u64>,
    /// The lexicon's concept numbers are `u32`s: held as such, half the bytes of a
    /// paragraph summary's learned words.
    pub concepts: Vec<u32>,
}

/// Per-family anchor weights, in the same unit as the length cost (nats).
#[derive(Debug, Clone, Copy)]
pub(crate) struct AnchorWeights {
    /// Cost taken off a bead per anchor both sides share.
    pub bonus: [f64; 5],
    /// Cost added per anchor on one side that the other lacks.
    pub miss: [f64; 5],
    /// The same two for concepts of the learned lexicon.
    pub concept_bonus: f64,
    pub concept_miss: f64,
    /// Cost per sentence that nothing on the other side supports and that has no partner
    /// there (the extra sentences of a merge; see `evidence_charge`).
    pub unsupported: f64,
    /// Cost per sentence whose content is all absent on the other side, in any bead.
    pub contradicted: f64,
    /// Whether a learned word whose translation is absent on the other side argues
    /// against a pairing, as a number does: only when the lexicon was learned from a whole
    /// memory; one learned from the article alone is too noisy to argue against.
    pub learned_words_contradict: bool,
}

impl Default for AnchorWeights {
    /// Numbers and URLs are strong evidence (a translator keeps them); names less so,
    /// since English capitalizes titles and institutions Vietnamese writes in lower case,
    /// so a name on one side only costs little; punctuation is weak evidence both ways.
    /// Chosen on the seed example and on hand-made cases, not on the evaluation set.
    ///
    /// A learned concept weighs like a number: the lexicon only keeps words that nearly
    /// always travel with their translation in this very text, so one present on one side
    /// and absent on the other is as telling as a number that went missing.
    fn default() -> Self {
        let mut bonus = [0.0; 5];
        let mut miss = [0.0; 5];
        for (family, b, m) in [
            (Family::Number, 2.0, 1.0),
            (Family::Name, 1.0, 0.15),
            (Family::Url, 4.0, 3.0),
            (Family::Punct, 0.7, 0.7),
            (Family::Glossary, 1.0, 0.3),
        ] {
            bonus[family as usize] = b;
            miss[family as usize] = m;
        }
        AnchorWeights {
            bonus,
            miss,
            concept_bonus: 2.0,
            concept_miss: 1.0,
            unsupported: crate::align::cost::UNSUPPORTED_COST,
            contradicted: crate::align::cost::CONTRADICTED_COST,
            learned_words_contradict: false,
        }
    }
}

/// Everything a bead's cost depends on.
pub(crate) struct Scorer<'a> {
    pub length: Option<LengthModel>,
    /// Length cost of a bead with one side empty; `None` for Gale–Church's own, the
    /// length cost of the text against nothing.
    pub one_sided: Option<f64>,
    pub weights: AnchorWeights,
    pub beads: &'a [BeadKind],
}

/// One bead of the best path: `en` and `vi` unit ranges (local indices) and its cost.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Step {
    pub en: std::ops::Range<usize>,
    pub vi: std::ops::Range<usize>,
    pub cost: f64,
    /// The posterior probability of this bead given both texts: the share of the total
    /// probability `Σ e^(−cost)` over every path of the band that goes through this bead
    /// (forward–backward over the same beads and band as the best path).
    pub posterior: f64,
}

/// The best path and the number of DP cells computed to find it (over every band tried):
/// the measure of work that must grow linearly with the input.
#[derive(Debug, Clone)]
pub(crate) struct Aligned {
    pub path: Vec<Step>,
    pub cells: u64,
    /// The half-width of the last band.
    pub width: usize,
    /// The most bytes a band held (its backpointers, row bounds and forward values held
    /// in memory), and that band's cells.
    pub band_bytes: usize,
    pub band_cells: u64,
}

/// Whether confident two-sided beads of `path` hold at least half of the units of the
/// shorter side. A translation, even one with long insertions, pairs up most of its
/// sentences confidently; unrelated or shuffled texts manage a fifth to a third by chance.
fn mostly_confident(path: &[Step], n: usize, m: usize) -> bool {
    let covered = path
        .iter()
        .filter(|s| !s.en.is_empty() && !s.vi.is_empty() && s.cost < CONFIDENT_COST)
        .map(|s| if n <= m { s.en.len() } else { s.vi.len() })
        .sum::<usize>();
    covered * 2 >= n.min(m)
}

/// One banded pass.
struct Banded {
    path: Vec<Step>,
    cost: f64,
    near_edge: bool,
    /// The bytes it holds in memory.
    bytes: usize,
    /// The band: columns `lo[i]..=hi[i]` of row `i`, stored from `start[i]`.
    lo: Vec<usize>,
    hi: Vec<usize>,
    start: Vec<usize>,
    /// Forward log-probabilities `ln Σ e^(−cost)` over every path from `(0, 0)` to each
    /// cell, in the band's order: held, spilled or dropped (see [`super::forward`]).
    alpha: forward::Kept,
}

/// `ln (e^a + e^b)`, exact for infinite arguments.
fn log_add(a: f64, b: f64) -> f64 {
    if a == f64::NEG_INFINITY {
        return b;
    }
    if b == f64::NEG_INFINITY {
        return a;
    }
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    hi + (lo - hi).exp().ln_1p()
}

/// Initial half-width of the band, in units.
pub(crate) const INITIAL_BAND: usize = 24;
/// The band is never widened past this half-width (a run of more than a few hundred
/// added or dropped sentences is not a translation of the same text), so the cells stay
/// below `(n + m) · (4 · MAX_BAND + 3)` however the input looks.
const MAX_BAND: usize = 384;
/// A band of more cells than this does not hold its forward values (8 bytes a cell; at
/// 500,000 sentences the paragraphs' band held 40 MB): they wait in a temporary file (see
/// [`super::forward`]). A paragraph group's band is far smaller.
const ALPHA_CELLS: usize = 1 << 16;

/// Where a band's forward values wait: in memory up to this many cells, past that in a
/// temporary file (`spill`) or nowhere (computed again).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hold {
    pub cells: usize,
    pub spill: bool,
}

impl Default for Hold {
    fn default() -> Self {
        Hold {
            cells: ALPHA_CELLS,
            spill: true,
        }
    }
}
/// A path closer than this to a band edge (that is not the matrix edge) widens the band.
const EDGE_MARGIN: usize = 3;

struct Prepared<'a> {
    en: &'a [Unit],
    vi: &'a [Unit],
    en_prefix: Vec<f64>,
    vi_prefix: Vec<f64>,
    /// Per unit: the sum of `miss` over its anchors and concepts.
    en_miss: Vec<f64>,
    vi_miss: Vec<f64>,
}

/// The sorted keys of `units` (by `field`): borrowed for one unit, gathered into `buf`
/// for more; distinct only if `set`.
fn keys<'a, T: Copy + Ord>(
    units: &'a [Unit],
    field: impl Fn(&Unit) -> &Vec<T>,
    buf: &'a mut Vec<T>,
    set: bool,
) -> &'a [T] {
    if units.len() == 1 {
        return field(&units[0]);
    }
    buf.clear();
    for u in units {
        buf.extend_from_slice(field(u));
    }
    buf.sort_unstable();
    if set {
        buf.dedup();
    }
    buf
}

/// The buffers a bead's keys are gathered in, reused from bead to bead.
#[derive(Default)]
struct Scratch {
    en: Vec<u64>,
    vi: Vec<u64>,
    en_concepts: Vec<u32>,
    vi_concepts: Vec<u32>,
}

/// How many times `key` is in the sorted list `keys`.
fn count<T: Copy + Ord>(keys: &[T], key: T) -> usize {
    keys.partition_point(|&k| k <= key) - keys.partition_point(|&k| k < key)
}

/// Calls `hit` for every key of the multiset intersection of two sorted lists.
fn for_shared<T: Copy + Ord>(a: &[T], b: &[T], mut hit: impl FnMut(T)) {
    let (mut x, mut y) = (0, 0);
    while x < a.len() && y < b.len() {
        match a[x].cmp(&b[y]) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                hit(a[x]);
                x += 1;
                y += 1;
            }
        }
    }
}

/// What the other side of a bead shows of one sentence of this side.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Evidence {
    /// Some of its own anchors or learned words are found there.
    Supported,
    /// Nothing is found there, and nothing of it says it should be.
    Unsupported,
    /// Its own content, which a translator keeps as it is, is all absent there.
    Contradicted,
}

/// Whether anchor `k` is content a translator keeps as it is (see [`evidence`]).
fn kept(k: u64) -> bool {
    match Family::of(k) {
        Family::Number | Family::Url | Family::Glossary => true,
        Family::Punct => k == QUOTATION,
        Family::Name => false,
    }
}

/// How a two-sided link's sentences look as a translation: whether they share nothing
/// (no number, address, name, glossary term or learned word), and whether one side also has content a
/// translator keeps (a number, an address, a glossary term, a quotation) that the other
/// lacks: no evidence that they translate each other, and some that they do not.
pub(crate) fn unrelated(en: &[Unit], vi: &[Unit]) -> (bool, bool) {
    fn all<T: Copy + Ord>(units: &[Unit], of: fn(&Unit) -> &Vec<T>) -> Vec<T> {
        let mut all: Vec<T> = units.iter().flat_map(|u| of(u).iter().copied()).collect();
        all.sort_unstable();
        all
    }
    let (ea, va) = (all(en, |u| &u.anchors), all(vi, |u| &u.anchors));
    let (ec, vc) = (all(en, |u| &u.concepts), all(vi, |u| &u.concepts));
    // Marks (a question, a quotation) are shared by chance by any two news texts.
    let mut shared = false;
    for_shared(&ea, &va, |k| shared |= Family::of(k) != Family::Punct);
    for_shared(&ec, &vc, |_| shared = true);
    let lost = |a: &[u64], b: &[u64]| a.iter().any(|&k| kept(k) && count(b, k) == 0);
    (!shared, !shared && (lost(&ea, &va) || lost(&va, &ea)))
}

/// What `units[at]` (one sentence of a bead's side) shows on the bead's other side, whose
/// sorted anchors (a multiset) and concepts (a set) are `anchors` and `concepts`.
fn evidence(
    units: &[Unit],
    at: usize,
    anchors: &[u64],
    concepts: &[u32],
    learned_words_contradict: bool,
) -> Evidence {
    let u = &units[at];
    let others = || units.iter().enumerate().filter(move |&(o, _)| o != at);
    // Found there, and more often than the bead's other sentences on this side account
    // for: the sentence's own content.
    let own_anchor = |k: &u64| {
        let there = count(anchors, *k);
        let here: usize = others().map(|(_, o)| count(&o.anchors, *k)).sum();
        there > here
    };
    let own_concept = |k: &u32| {
        concepts.binary_search(k).is_ok()
            && others().all(|(_, o)| o.concepts.binary_search(k).is_err())
    };
    if u.anchors.iter().any(own_anchor) || u.concepts.iter().any(own_concept) {
        return Evidence::Supported;
    }
    // Content of its own that a translator keeps as it is (not also in the bead's other
    // sentences here): numbers, addresses, glossary terms, a quotation (direct speech stays
    // direct speech). Names and single marks are weak evidence both ways (English
    // capitalizes words Vietnamese translates; a translator adds a gloss in parentheses,
    // drops an exclamation mark, and a question can lose its one mark, a defect the
    // punctuation check reports on a pair that must stay one link), and learned words only
    // support: a lexicon learned from one article is too noisy to argue against.
    let content = u
        .anchors
        .iter()
        .any(|&k| kept(k) && others().all(|(_, o)| o.anchors.binary_search(&k).is_err()))
        || (learned_words_contradict
            && u.concepts
                .iter()
                .any(|k| others().all(|(_, o)| o.concepts.binary_search(k).is_err())));
    if content {
        return Evidence::Contradicted;
    }
    // Names of its own that the other side lacks, while the other side holds more names
    // this side lacks than the bead's other sentences here leave unmatched: names
    // translated there (`Australian Strategic Policy Institute` = `Viện Chính sách Chiến
    // lược Úc`; Vietnamese capitalizes proper names too). Weak evidence, but evidence: the
    // sentence's content is not absent.
    let unmatched = |o: &Unit| {
        o.anchors
            .iter()
            .filter(|&&k| Family::of(k) == Family::Name && count(anchors, k) == 0)
            .count()
    };
    let translated_names = unmatched(u) > 0 && {
        let left_over = anchors
            .iter()
            .filter(|&&k| {
                Family::of(k) == Family::Name
                    && units.iter().all(|o| o.anchors.binary_search(&k).is_err())
            })
            .count();
        left_over > others().map(|(_, o)| unmatched(o)).sum::<usize>()
    };
    if translated_names {
        Evidence::Supported
    } else {
        Evidence::Unsupported
    }
}

/// What the other side shows of each sentence of one side of a bead.
#[derive(Debug, Clone, Copy, Default)]
struct SideEvidence {
    sentences: usize,
    supported: usize,
    unsupported: usize,
    contradicted: usize,
    /// The contradicted sentences' absent anchors of content, and their misses.
    absent: usize,
    absent_misses: f64,
}

impl SideEvidence {
    /// The evidence of each sentence of `units` against the other side's sorted anchors (a
    /// multiset) and concepts (a set).
    fn of(
        weights: &AnchorWeights,
        units: &[Unit],
        anchors: &[u64],
        concepts: &[u32],
    ) -> SideEvidence {
        let mut side = SideEvidence {
            sentences: units.len(),
            ..SideEvidence::default()
        };
        for at in 0..units.len() {
            match evidence(
                units,
                at,
                anchors,
                concepts,
                weights.learned_words_contradict,
            ) {
                Evidence::Supported => side.supported += 1,
                Evidence::Unsupported => side.unsupported += 1,
                Evidence::Contradicted => {
                    side.contradicted += 1;
                    // The misses of its absent content, already charged anchor by anchor.
                    for &k in &units[at].anchors {
                        if kept(k) && count(anchors, k) == 0 {
                            side.absent += 1;
                            side.absent_misses += weights.miss[Family::of(k) as usize];
                        }
                    }
                    if weights.learned_words_contradict {
                        for k in &units[at].concepts {
                            if concepts.binary_search(k).is_err() {
                                side.absent += 1;
                                side.absent_misses += weights.concept_miss;
                            }
                        }
                    }
                }
            }
        }
        side
    }

    /// How many of this side's unsupported sentences have no partner on `other`: its
    /// sentences not found absent there can pair one for one with as many of the other
    /// side's (found absent there, a sentence is no partner), the supported ones first.
    fn unpaired(&self, other: &SideEvidence) -> usize {
        let pairs = (self.sentences - self.contradicted).min(other.sentences - other.contradicted);
        self.unsupported
            .saturating_sub(pairs.saturating_sub(self.supported))
    }
}

/// The evidence charge of a two-sided bead: `contradicted` for each sentence whose
/// content is found absent on the other side, in place of the misses its absent anchors
/// were charged (the evidence is counted once), and `unsupported` for each sentence with
/// nothing found there and no partner there. Content absent on both sides one for one (as
/// many such sentences and absent anchors each side) is most often one change, a number or
/// an address replaced by another, which a 1-1 bead must survive so that the checks can
/// report it: it is charged once, in place of one side's misses.
fn evidence_charge(weights: &AnchorWeights, en: &SideEvidence, vi: &SideEvidence) -> f64 {
    let unsupported = (en.unpaired(vi) + vi.unpaired(en)) as f64 * weights.unsupported;
    let replaced = en.contradicted == vi.contradicted && en.absent == vi.absent;
    let contradicted = if replaced && en.contradicted > 0 {
        en.contradicted as f64 * weights.contradicted - en.absent_misses.min(vi.absent_misses)
    } else {
        (en.contradicted + vi.contradicted) as f64 * weights.contradicted
            - en.absent_misses
            - vi.absent_misses
    };
    contradicted + unsupported
}

impl Scorer<'_> {
    /// The best path from `(0, 0)` to `(en.len(), vi.len())`.
    pub fn align(&self, en: &[Unit], vi: &[Unit]) -> Vec<Step> {
        self.align_counted(en, vi, INITIAL_BAND).path
    }

    /// Like [`Scorer::align`], starting from a band of half-width `band` (at least
    /// [`INITIAL_BAND`], at most [`MAX_BAND`]), and counts the cells computed.
    pub fn align_counted(&self, en: &[Unit], vi: &[Unit], band: usize) -> Aligned {
        self.align_holding(en, vi, band, Hold::default())
    }

    /// Like [`Scorer::align_counted`], the band's forward values waiting as `hold` says.
    pub fn align_holding(&self, en: &[Unit], vi: &[Unit], band: usize, hold: Hold) -> Aligned {
        let miss = |u: &Unit| -> f64 {
            u.anchors
                .iter()
                .map(|&k| self.weights.miss[Family::of(k) as usize])
                .sum::<f64>()
                + u.concepts.len() as f64 * self.weights.concept_miss
        };
        let prefix = |units: &[Unit]| -> Vec<f64> {
            let mut p = Vec::with_capacity(units.len() + 1);
            p.push(0.0);
            let mut acc = 0.0;
            for u in units {
                acc += u.len;
                p.push(acc);
            }
            p
        };
        let prep = Prepared {
            en,
            vi,
            en_prefix: prefix(en),
            vi_prefix: prefix(vi),
            en_miss: en.iter().map(miss).collect(),
            vi_miss: vi.iter().map(miss).collect(),
        };
        let (n, m) = (en.len(), vi.len());
        let mut cells = 0u64;
        let mut width = band.clamp(INITIAL_BAND, MAX_BAND);
        let mut previous: Option<f64> = None;
        let (mut band_bytes, mut band_cells) = (0, 0);
        loop {
            let full = width >= n.max(m);
            let before = cells;
            let run = self.banded(&prep, width, full, hold, &mut cells);
            if run.bytes > band_bytes {
                (band_bytes, band_cells) = (run.bytes, cells - before);
            }
            // A path along the band's edge may be cut off from a better one outside, so the
            // band doubles, but only while that can pay off. Texts that do not pair up in
            // order (unrelated, shuffled) send the path on a random walk that drifts further
            // from the diagonal the longer the text, so widening for them would grow the
            // work faster than the input and find nothing: stop when most of the shorter
            // side is not in a confident bead (there is no translation to find), when
            // doubling did not lower the cost, and at `MAX_BAND` whatever happens.
            let stuck = previous.is_some_and(|cost| run.cost >= cost);
            if !run.near_edge
                || full
                || stuck
                || width >= MAX_BAND
                || !mostly_confident(&run.path, n, m)
            {
                let path = self.posteriors(&prep, run);
                return Aligned {
                    path,
                    cells,
                    width,
                    band_bytes,
                    band_cells,
                };
            }
            previous = Some(run.cost);
            width = width.saturating_mul(2);
        }
    }

    /// The cost of the bead taking `en[i0..i1]` and `vi[j0..j1]`.
    fn bead_cost(
        &self,
        p: &Prepared,
        kind: &BeadKind,
        i0: usize,
        j0: usize,
        scratch: &mut Scratch,
    ) -> f64 {
        let (i1, j1) = (i0 + kind.en, j0 + kind.vi);
        let mut cost = kind.prior;
        if let (Some(flat), true) = (self.one_sided, kind.en == 0 || kind.vi == 0) {
            if self.length.is_some() {
                cost += flat;
            }
        } else if let Some(model) = &self.length {
            cost += model.cost(
                p.en_prefix[i1] - p.en_prefix[i0],
                p.vi_prefix[j1] - p.vi_prefix[j0],
            );
        }
        // A one-sided bead explains every anchor and concept of its text (they are missing
        // because the sentence is), so only a two-sided bead pays for what does not match.
        if kind.en == 0 || kind.vi == 0 {
            return cost;
        }
        cost += p.en_miss[i0..i1].iter().sum::<f64>() + p.vi_miss[j0..j1].iter().sum::<f64>();
        // The bonus of a shared key is divided by the size of the bead's larger side: a key
        // shared by a 1-1 bead pins the link to one sentence pair, the same key in a 2-1
        // bead only to a pair of sentences, and the more text a bead holds, the likelier a
        // chance match. Without this, gluing a sentence to its neighbour keeps every bonus
        // and always looks as good as aligning them apart, so the keys could never argue
        // against a merge.
        let spread = 1.0 / kind.en.max(kind.vi) as f64;
        let (ea, va) = (&p.en[i0..i1], &p.vi[j0..j1]);
        let (sa, sb) = (&mut scratch.en, &mut scratch.vi);
        // Anchors are a multiset (two numbers 5 are two anchors).
        let a = keys(ea, |u| &u.anchors, sa, false);
        let b = keys(va, |u| &u.anchors, sb, false);
        for_shared(a, b, |k| {
            let f = Family::of(k) as usize;
            // No longer missing on either side, and earns its bonus.
            cost -= 2.0 * self.weights.miss[f] + self.weights.bonus[f] * spread;
        });
        // Every two-sided bead claims that each of its sentences is translated on the
        // other side, and the evidence for that claim is weighed the same way whatever the
        // bead's shape. A sentence of which something (an anchor, a learned word) is found
        // on the other side is supported. One of which nothing is found has only its
        // length to show for it: that is enough for the sentences the other side can take
        // one for one (`min(k, l)` of a side of `k` facing `l`), but not for the extra ones
        // a merge claims, since length cannot tell a merge from a sentence left out beside
        // a loose translation: each of those pays `unsupported`, and so does a sentence
        // whose only partner there is found absent. A sentence whose own content (a
        // number, a date, an address, a quotation, a glossary term) is all absent there is
        // evidence against the claim whatever the bead: it pays `contradicted`, the cost
        // of leaving it out, in a 1-1 bead as in a merge, so a wrong pair no longer beats a
        // deletion by the price of one missing number. A 2-2 bead is two 1-1 pairs in
        // order: each answers for its own content, and nothing is paid for the merge.
        // Names do not count against (English capitalizes words Vietnamese translates).
        // Two such sentences facing each other are one change (see `evidence_charge`).
        if self.weights.unsupported > 0.0 || self.weights.contradicted > 0.0 {
            let (mut ca, mut cb) = (Vec::new(), Vec::new());
            let en_concepts = keys(ea, |u| &u.concepts, &mut ca, true);
            let vi_concepts = keys(va, |u| &u.concepts, &mut cb, true);
            if kind.en == kind.vi {
                // A 2-2 bead is two 1-1 pairs in order (their boundary moved, so only the
                // pooled lengths fit): each pair answers for its own content. Weighed as
                // one bead, a 2-2 could pair a sentence with the wrong one of the other
                // side's two and so swallow a sentence added or left out beside a pair.
                for t in 0..kind.en {
                    let (e, v) = (&ea[t..=t], &va[t..=t]);
                    let en_side = SideEvidence::of(&self.weights, e, &v[0].anchors, &v[0].concepts);
                    let vi_side = SideEvidence::of(&self.weights, v, &e[0].anchors, &e[0].concepts);
                    cost += evidence_charge(&self.weights, &en_side, &vi_side);
                }
            } else {
                let en_side = SideEvidence::of(&self.weights, ea, b, vi_concepts);
                let vi_side = SideEvidence::of(&self.weights, va, a, en_concepts);
                cost += evidence_charge(&self.weights, &en_side, &vi_side);
            }
        }
        // Concepts are a set: one `đội` answers `team` however often the English says it.
        let (sa, sb) = (&mut scratch.en_concepts, &mut scratch.vi_concepts);
        let a = keys(ea, |u| &u.concepts, sa, true);
        let b = keys(va, |u| &u.concepts, sb, true);
        let (bonus, miss) = (self.weights.concept_bonus, self.weights.concept_miss);
        let mut shared = 0usize;
        for_shared(a, b, |_| shared += 1);
        // Only the units' own miss was charged above; a set merges repeats, so take back
        // the charge of every repeat first.
        let repeats = |units: &[Unit], merged: usize| {
            units.iter().map(|u| u.concepts.len()).sum::<usize>() - merged
        };
        let (na, nb) = (a.len(), b.len());
        cost -= (repeats(ea, na) + repeats(va, nb)) as f64 * miss;
        // A shared concept earns its log-odds against chance, `bonus − ln k` with `k` the
        // sentences of the bead's smaller side: in a 2-2 bead each word has two sentences on
        // the other side to turn up in by chance, while in a 2-1 bead every word of the one
        // sentence had to come from the pair. Dividing the bonus (as for anchors) would tear
        // apart every true merge of long sentences, which share many concepts.
        let concept_bonus = (bonus - (kind.en.min(kind.vi) as f64).ln()).max(0.0);
        cost -= shared as f64 * (2.0 * miss + concept_bonus);
        cost
    }

    /// The best path inside a band of half-width `width`, its cost, and whether it runs
    /// along an inner edge of the band. Adds the cells computed to `cells`.
    fn banded(
        &self,
        p: &Prepared,
        width: usize,
        full: bool,
        hold: Hold,
        cells: &mut u64,
    ) -> Banded {
        let (n, m) = (p.en.len(), p.vi.len());
        // Column range of each row.
        let center = |i: usize| -> f64 {
            if n == 0 {
                m as f64
            } else {
                i as f64 * m as f64 / n as f64
            }
        };
        let mut lo = Vec::with_capacity(n + 1);
        let mut hi = Vec::with_capacity(n + 1);
        let mut start = Vec::with_capacity(n + 2);
        start.push(0usize);
        for i in 0..=n {
            let (l, h) = if full {
                (0, m)
            } else {
                let l = (center(i).floor() as usize).saturating_sub(width);
                let h = ((center(i + 1).ceil() as usize).saturating_add(width)).min(m);
                // Row 0 starts at column 0 and row n ends at column m.
                (if i == 0 { 0 } else { l }, if i == n { m } else { h })
            };
            let l = l.min(h);
            lo.push(l);
            hi.push(h);
            start.push(start[i] + (h - l + 1));
        }
        *cells += start[n + 1] as u64;
        let mut back = vec![u8::MAX; start[n + 1]];
        let mut alpha = forward::Writing::new(start[n + 1], hold.cells, hold.spill);
        // Cells come in the order they are stored: row by row, columns ascending.
        let mut cell = 0;
        self.sweep(p, &lo, &hi, |_, _, best_k, forward| {
            back[cell] = best_k;
            cell += 1;
            alpha.push(forward);
        });
        let mut scratch = Scratch::default();
        // Trace back.
        let (mut i, mut j) = (n, m);
        let mut path = Vec::new();
        let mut near_edge = false;
        let mut cost = 0.0;
        while i > 0 || j > 0 {
            if !full {
                let near_lo = lo[i] > 0 && j < lo[i] + EDGE_MARGIN;
                let near_hi = hi[i] < m && j + EDGE_MARGIN > hi[i];
                near_edge |= near_lo || near_hi;
            }
            let k = back[start[i] + j - lo[i]];
            // Every cell of the band is reachable (1-0 and 0-1 beads link neighbouring
            // cells, and consecutive rows overlap), so every cell has a bead.
            let kind = &self.beads[k as usize];
            let (pi, pj) = (i - kind.en, j - kind.vi);
            let step_cost = self.bead_cost(p, kind, pi, pj, &mut scratch);
            cost += step_cost;
            path.push(Step {
                en: pi..i,
                vi: pj..j,
                cost: step_cost,
                posterior: 0.0,
            });
            (i, j) = (pi, pj);
        }
        path.reverse();
        let alpha = alpha.finish();
        let rows = lo.capacity() + hi.capacity() + start.capacity();
        Banded {
            path,
            cost,
            near_edge,
            bytes: back.capacity() + rows * std::mem::size_of::<usize>() + alpha.bytes_held(),
            lo,
            hi,
            start,
            alpha,
        }
    }

    /// The forward recursion over the band of columns `lo[i]..=hi[i]` of each row `i`:
    /// each cell's best bead (its index in `beads`, `u8::MAX` for `(0, 0)`) and forward
    /// log-probability `α`, given to `visit` row by row, columns ascending. Costs and `α`
    /// are kept for four rows only (no bead takes more than three units from one side),
    /// so a second sweep gives every cell the same values bit for bit, in a few rows of
    /// memory.
    fn sweep(
        &self,
        p: &Prepared,
        lo: &[usize],
        hi: &[usize],
        mut visit: impl FnMut(usize, usize, u8, f64),
    ) {
        let n = p.en.len();
        // Rolling costs and forward values of rows i-3..=i, indexed by `row % 4`.
        let mut rows: [Vec<f64>; 4] = Default::default();
        let mut alphas: [Vec<f64>; 4] = Default::default();
        let mut scratch = Scratch::default();
        for i in 0..=n {
            let r = i % 4;
            let mut row = std::mem::take(&mut rows[r]);
            row.clear();
            row.resize(hi[i] - lo[i] + 1, f64::INFINITY);
            let mut arow = std::mem::take(&mut alphas[r]);
            arow.clear();
            arow.resize(hi[i] - lo[i] + 1, f64::NEG_INFINITY);
            for j in lo[i]..=hi[i] {
                if i == 0 && j == 0 {
                    row[0] = 0.0;
                    arow[0] = 0.0;
                    visit(0, 0, u8::MAX, 0.0);
                    continue;
                }
                let mut best = f64::INFINITY;
                let mut best_k = u8::MAX;
                let mut forward = f64::NEG_INFINITY;
                for (k, kind) in self.beads.iter().enumerate() {
                    if kind.en > i || kind.vi > j {
                        continue;
                    }
                    let (pi, pj) = (i - kind.en, j - kind.vi);
                    if pj < lo[pi] || pj > hi[pi] {
                        continue;
                    }
                    let (prev, prev_alpha) = if pi == i {
                        (row[pj - lo[i]], arow[pj - lo[i]])
                    } else {
                        (rows[pi % 4][pj - lo[pi]], alphas[pi % 4][pj - lo[pi]])
                    };
                    if !prev.is_finite() {
                        continue;
                    }
                    let bead = self.bead_cost(p, kind, pi, pj, &mut scratch);
                    let c = prev + bead;
                    if c < best {
                        best = c;
                        best_k = k as u8;
                    }
                    forward = log_add(forward, prev_alpha - bead);
                }
                row[j - lo[i]] = best;
                arow[j - lo[i]] = forward;
                visit(i, j, best_k, forward);
            }
            rows[r] = row;
            alphas[r] = arow;
        }
    }

    /// `α` at the start cell of each bead of `path` (in order), and at `(n, m)`: read
    /// from where the band kept them, else from a second sweep that keeps only those.
    fn path_alphas(&self, p: &Prepared, run: &Banded) -> (Vec<f64>, f64) {
        let (n, m) = (p.en.len(), p.vi.len());
        let (lo, start) = (&run.lo, &run.start);
        let at = |i: usize, j: usize| start[i] + j - lo[i];
        let cells = run.path.iter().map(|s| at(s.en.start, s.vi.start));
        if let Some(mut values) = run.alpha.read(cells.chain([at(n, m)])) {
            let total = values.pop().unwrap_or(f64::NEG_INFINITY);
            return (values, total);
        }
        let mut starts = Vec::with_capacity(run.path.len());
        let mut total = f64::NEG_INFINITY;
        // The path's start cells come in the sweep's order (rows, then columns, ascending).
        let mut next = run.path.iter().map(|s| (s.en.start, s.vi.start)).peekable();
        self.sweep(p, &run.lo, &run.hi, |i, j, _, forward| {
            if next.peek() == Some(&(i, j)) {
                starts.push(forward);
                next.next();
            }
            if (i, j) == (n, m) {
                total = forward;
            }
        });
        (starts, total)
    }

    /// The path of `run` with the posterior of each bead: a backward pass over the band of
    /// `run` gives `β(i, j) = ln Σ e^(−cost)` over every path from cell `(i, j)` to the end,
    /// and a bead from `(i0, j0)` to `(i1, j1)` has posterior `e^(α(i0, j0) − cost + β(i1,
    /// j1) − α(n, m))`. Backward costs are kept for four rows, like the forward ones.
    fn posteriors(&self, p: &Prepared, run: Banded) -> Vec<Step> {
        let (path_alpha, total) = self.path_alphas(p, &run);
        let Banded {
            mut path, lo, hi, ..
        } = run;
        let (n, m) = (p.en.len(), p.vi.len());
        let mut rows: [Vec<f64>; 4] = Default::default();
        let mut scratch = Scratch::default();
        // Path beads by start cell, visited in reverse order as the pass goes backward.
        let mut next = path.len();
        for i in (0..=n).rev() {
            let r = i % 4;
            let mut row = std::mem::take(&mut rows[r]);
            row.clear();
            row.resize(hi[i] - lo[i] + 1, f64::NEG_INFINITY);
            for j in (lo[i]..=hi[i]).rev() {
                if i == n && j == m {
                    row[j - lo[i]] = 0.0;
                    continue;
                }
                let on_path = next
                    .checked_sub(1)
                    .filter(|&s| path[s].en.start == i && path[s].vi.start == j);
                let mut backward = f64::NEG_INFINITY;
                for kind in self.beads {
                    let (ni, nj) = (i + kind.en, j + kind.vi);
                    if ni > n || nj < lo[ni] || nj > hi[ni] {
                        continue;
                    }
                    let after = if ni == i {
                        row[nj - lo[i]]
                    } else {
                        rows[ni % 4][nj - lo[ni]]
                    };
                    if after == f64::NEG_INFINITY {
                        continue;
                    }
                    let bead = self.bead_cost(p, kind, i, j, &mut scratch);
                    backward = log_add(backward, after - bead);
                    if let Some(s) = on_path
                        && path[s].en.end == ni
                        && path[s].vi.end == nj
                    {
                        let posterior = (path_alpha[s] - bead + after - total).exp();
                        path[s].posterior = if posterior.is_finite() {
                            posterior.clamp(0.0, 1.0)
                        } else {
                            0.0
                        };
                    }
                }
                if on_path.is_some() {
                    next -= 1;
                }
                row[j - lo[i]] = backward;
            }
            rows[r] = row;
        }
        path
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::cost::SENTENCE_BEADS;

    fn units(lens: &[f64]) -> Vec<Unit> {
        lens.iter()
            .map(|&len| Unit {
                len,
                ..Unit::default()
            })
            .collect()
    }

    fn shape(steps: &[Step]) -> Vec<(usize, usize)> {
        steps.iter().map(|s| (s.en.len(), s.vi.len())).collect()
    }

    fn scorer() -> Scorer<'static> {
        Scorer {
            length: Some(LengthModel::default()),
            one_sided: Some(crate::align::cost::ONE_SIDED_LENGTH_COST),
            weights: AnchorWeights::default(),
            beads: SENTENCE_BEADS,
        }
    }

    #[test]
    fn one_to_one() {
        let en = units(&[100.0, 40.0, 200.0]);
        let vi = units(&[97.0, 44.0, 193.0]);
        assert_eq!(shape(&scorer().align(&en, &vi)), [(1, 1), (1, 1), (1, 1)]);
    }

    /// The length model alone, with no charge for merges nothing supports.
    fn lengths_only() -> Scorer<'static> {
        Scorer {
            weights: AnchorWeights {
                unsupported: 0.0,
                contradicted: 0.0,
                ..AnchorWeights::default()
            },
            ..scorer()
        }
    }

    #[test]
    fn split_merge_and_deletion() {
        // en[1] is split in two in Vietnamese; en[2] and en[3] are joined; en[4] is dropped.
        let en = units(&[100.0, 300.0, 40.0, 200.0, 150.0, 90.0]);
        let vi = units(&[97.0, 140.0, 150.0, 232.0, 87.0]);
        assert_eq!(
            shape(&lengths_only().align(&en, &vi)),
            [(1, 1), (1, 2), (2, 1), (1, 0), (1, 1)]
        );
    }

    #[test]
    fn a_merge_needs_content_found_on_the_other_side() {
        // en[1] fits as part of a 2-1 by length, but its number is not in vi[1]: left out.
        let n = crate::align::anchor_keys::key(Family::Number, "n4300");
        let mut en = units(&[100.0, 25.0, 60.0]);
        let vi = units(&[97.0, 80.0]);
        en[1].anchors = vec![n];
        assert_eq!(shape(&scorer().align(&en, &vi)), [(1, 1), (1, 0), (1, 1)]);
        // The same number on the Vietnamese side makes it a merge.
        let mut vi = vi;
        vi[1].anchors = vec![n];
        assert_eq!(shape(&scorer().align(&en, &vi)), [(1, 1), (2, 1)]);
    }

    /// seed.v2: an English sentence whose only content is a name the Vietnamese translates
    /// (`Australian Strategic Policy Institute` = `Viện Chính sách Chiến lược Úc`) joins
    /// its neighbour; with no name left over on the Vietnamese side it is left out.
    #[test]
    fn translated_names_support_a_merge() {
        let name = |s: &str| crate::align::anchor_keys::key(Family::Name, s);
        let sorted = |mut v: Vec<u64>| {
            v.sort_unstable();
            v
        };
        let mut en = units(&[149.0, 88.0]);
        en[0].anchors = sorted(vec![name("hanoi"), name("ministry")]);
        en[1].anchors = sorted(vec![name("australian"), name("strategic"), name("policy")]);
        let mut vi = units(&[176.0]);
        vi[0].anchors = sorted(vec![name("hanoi"), name("vien"), name("chinh"), name("uc")]);
        assert_eq!(shape(&scorer().align(&en, &vi)), [(2, 1)]);
        // The Vietnamese holds no name the English lacks beyond what the first sentence
        // leaves unmatched: nothing there for the second sentence's names.
        vi[0].anchors = sorted(vec![name("hanoi"), name("bo")]);
        assert_eq!(shape(&scorer().align(&en, &vi)), [(1, 1), (1, 0)]);
    }

    fn number(value: &str) -> u64 {
        crate::align::anchor_keys::key(Family::Number, value)
    }

    /// school-meals: `Each meal costs VND 18,000 (...) and includes rice, ...` is rendered
    /// as two sentences, and the English-only `That is about US$0.70.` is left out. A 1-1
    /// pairing the note with the second half (`Bữa ăn gồm cơm, ...`, nothing found in the
    /// note) used to cost only the missing number; the note's content is absent there, and
    /// the Vietnamese sentence has no partner: the pair pays what leaving both out costs.
    #[test]
    fn a_one_to_one_whose_content_is_absent_is_no_pair() {
        let mut en = units(&[102.0, 22.0]);
        let mut vi = units(&[58.0, 42.0]);
        en[0].anchors = vec![number("n18000")];
        en[1].anchors = vec![number("n0.7")];
        vi[0].anchors = vec![number("n18000")];
        assert_eq!(shape(&scorer().align(&en, &vi)), [(1, 2), (1, 0)]);
    }

    /// imf-outlook: `... a plan to raise the value-added tax from 8% to 10%.` and `The
    /// ministry has not yet set a date.` are one Vietnamese sentence and a short one, and
    /// an editor added a sentence repeating `8%`. Weighed as one bead, a 2-2 paired the
    /// English 8% with the added sentence's and swallowed it; as two 1-1 pairs in order,
    /// each finds its content absent in its partner.
    #[test]
    fn a_two_to_two_is_two_pairs_in_order() {
        let (eight, ten) = (number("n8"), number("n10"));
        let mut en = units(&[60.0, 66.0, 51.0]);
        let mut vi = units(&[89.0, 34.0, 77.0]);
        en[1].anchors = vec![eight, ten];
        let mut both = vec![eight, ten];
        both.sort_unstable();
        vi[0].anchors = both;
        vi[2].anchors = vec![eight];
        // `mission` = `đoàn`, learned from the article.
        en[0].concepts = vec![7];
        vi[0].concepts = vec![7];
        assert_eq!(shape(&scorer().align(&en, &vi)), [(2, 1), (1, 1), (0, 1)]);
    }

    /// A number changed in translation is absent on both sides of its pair: one change, and
    /// the pair stays a 1-1 link for the number check to report, not a deletion and an
    /// insertion.
    #[test]
    fn a_changed_number_keeps_its_pair() {
        let mut en = units(&[80.0, 60.0, 90.0]);
        let mut vi = units(&[78.0, 58.0, 88.0]);
        en[1].anchors = vec![number("n4")];
        vi[1].anchors = vec![number("n5")];
        assert_eq!(shape(&scorer().align(&en, &vi)), [(1, 1), (1, 1), (1, 1)]);
    }

    /// spectrum-auction (planted defect): an address changed in translation. Its absence on
    /// each side is one change, charged once and in place of the two addresses' misses,
    /// so the pair stays one link the model believes (the URL check reports the change).
    #[test]
    fn a_changed_address_keeps_a_believed_pair() {
        let url = |u: &str| crate::align::anchor_keys::key(Family::Url, u);
        let mut en = units(&[80.0, 85.0, 90.0]);
        let mut vi = units(&[78.0, 80.0, 88.0]);
        en[1].anchors = vec![url("cuctanso.vn/dau-gia-5g")];
        vi[1].anchors = vec![url("cuctanso.vn/dau-gia")];
        let path = scorer().align(&en, &vi);
        assert_eq!(shape(&path), [(1, 1), (1, 1), (1, 1)]);
        assert!(path[1].posterior >= 0.5, "{path:?}");
    }

    /// cyber-drill: the Vietnamese glosses a term in parentheses (`mã độc tống tiền
    /// (ransomware)`). Punctuation is weak evidence, not content a translator keeps: the
    /// pair stays.
    #[test]
    fn a_gloss_in_parentheses_is_no_absent_content() {
        let en = units(&[118.0, 114.0, 122.0]);
        let mut vi = units(&[118.0, 148.0, 107.0]);
        vi[1].anchors = vec![crate::align::anchor_keys::key(Family::Punct, "(")];
        assert_eq!(shape(&scorer().align(&en, &vi)), [(1, 1), (1, 1), (1, 1)]);
    }

    #[test]
    fn posteriors_are_probabilities_and_sure_when_nothing_else_fits() {
        let en = units(&[100.0, 40.0, 200.0]);
        let vi = units(&[97.0, 44.0, 193.0]);
        let path = scorer().align(&en, &vi);
        assert!(
            path.iter().all(|s| s.posterior > 0.9 && s.posterior <= 1.0),
            "{path:?}"
        );
        // One English sentence, nothing on the other side: certain.
        let path = scorer().align(&units(&[50.0]), &[]);
        assert!((path[0].posterior - 1.0).abs() < 1e-9);
    }

    /// The forward values of a band held, spilled to a temporary file or computed again
    /// give the same path and posteriors, bit for bit.
    #[test]
    fn forward_values_held_spilled_or_swept_again_agree() {
        let lens: Vec<f64> = (0..400).map(|i| 40.0 + ((i * 37) % 90) as f64).collect();
        let mut en = units(&lens);
        let mut vi = units(&lens.iter().map(|l| l * 1.1).collect::<Vec<_>>());
        // Some sentences left out on one side or the other, and a few anchors.
        vi.remove(50);
        en.remove(200);
        for (k, u) in en.iter_mut().enumerate().step_by(7) {
            u.anchors = vec![number(&format!("n{k}"))];
        }
        for (k, u) in vi.iter_mut().enumerate().step_by(7) {
            u.anchors = vec![number(&format!("n{k}"))];
        }
        let s = scorer();
        let run = |cells, spill| s.align_holding(&en, &vi, INITIAL_BAND, Hold { cells, spill });
        let held = run(usize::MAX, true);
        assert!(held.band_bytes > 8 * held.band_cells as usize);
        for (cells, spill) in [(0, true), (0, false)] {
            let other = run(cells, spill);
            assert_eq!(other.path, held.path, "spill {spill}");
            assert_eq!(other.cells, held.cells);
            assert!(other.band_bytes < 2 * other.band_cells as usize);
        }
    }

    #[test]
    fn one_to_three() {
        let en = units(&[300.0, 50.0]);
        let vi = units(&[95.0, 100.0, 95.0, 48.0]);
        assert_eq!(shape(&scorer().align(&en, &vi)), [(1, 3), (1, 1)]);
    }

    #[test]
    fn anchors_decide_between_equal_lengths() {
        // Same lengths everywhere; the number says which English sentence was dropped.
        let mut en = units(&[100.0, 100.0, 100.0]);
        let mut vi = units(&[97.0, 97.0]);
        let n = crate::align::anchor_keys::key(Family::Number, "n2019");
        en[1].anchors = vec![n];
        vi[0].anchors = vec![n];
        assert_eq!(shape(&scorer().align(&en, &vi)), [(1, 0), (1, 1), (1, 1)]);
        en[1].anchors.clear();
        en[2].anchors = vec![n];
        vi[0].anchors.clear();
        vi[1].anchors = vec![n];
        assert_eq!(shape(&scorer().align(&en, &vi)), [(1, 0), (1, 1), (1, 1)]);
    }

    #[test]
    fn band_widens_for_a_long_insertion() {
        // 100 Vietnamese sentences inserted at the start, far outside the initial band.
        let en: Vec<Unit> = units(&vec![100.0; 200]);
        let mut vi_lens = vec![300.0; 100];
        vi_lens.extend(std::iter::repeat_n(97.0, 200));
        let vi = units(&vi_lens);
        let path = scorer().align(&en, &vi);
        let ones = path
            .iter()
            .filter(|s| s.en.len() == 1 && s.vi.len() == 1)
            .count();
        assert!(ones >= 190, "{ones}");
    }

    #[test]
    fn empty_and_lopsided() {
        let s = scorer();
        assert!(s.align(&[], &[]).is_empty());
        assert_eq!(shape(&s.align(&units(&[5.0, 6.0]), &[])), [(1, 0), (1, 0)]);
        assert_eq!(shape(&s.align(&[], &units(&[5.0]))), [(0, 1)]);
        let path = s.align(&units(&[50.0; 3]), &units(&[50.0; 3000]));
        assert_eq!(path.iter().map(|s| s.vi.len()).sum::<usize>(), 3000);
    }
}
