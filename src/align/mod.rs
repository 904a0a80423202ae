//! Bitext sentence alignment: which English sentences translate which Vietnamese ones.
//!
//! [`align`] works on two levels, as Gale & Church suggest:
//!
//! 1. Paragraphs are aligned first (beads 1-1, 1-0, 0-1, 2-1, 1-2, 2-2) by the same cost
//!    as sentences, over paragraph lengths and the anchors of their sentences. A paragraph
//!    bead that deletes a paragraph, or that has a low confidence, is not trusted as a
//!    boundary: it is merged with its neighbour, so a translator who joined three
//!    paragraphs into one does not force their sentences to be dropped.
//! 2. Sentences are aligned inside each paragraph group (beads 1-1, 1-0, 0-1, 2-1, 1-2,
//!    2-2, 1-3, 3-1).
//!
//! The cost of a bead is the Gale–Church length cost calibrated for English → Vietnamese
//! ([`VI_EN_RATIO`](crate::text::length::VI_EN_RATIO), [`VI_EN_VARIANCE`](crate::text::length::VI_EN_VARIANCE)) plus the bead's prior, minus a bonus
//! for every anchor both sides share and plus a penalty for every anchor one side has and
//! the other lacks (see [`Features`] for the anchor families). A bead with one empty side
//! pays for no anchor: the sentence is missing, so of course its anchors are. The dynamic
//! programming runs in a band around the diagonal (linear time and memory; the band widens
//! when the path touches it, but never past a fixed width, and not at all when most of the
//! text finds no confident partner, as in unrelated or shuffled input, where a wider band
//! would only grow the work; [`align_with_stats`] counts it).
//!
//! Then the aligner learns from its own confident one-to-one links which English words go
//! with which Vietnamese syllables (`team` / `đội`; see `lexicon`), and aligns again with
//! those word pairs as further anchors, as Moore (2002) does with a translation model. That
//! is what tells a sentence left untranslated from a sentence merged into its neighbour:
//! lengths and numbers often cannot. With a translation memory at hand
//! ([`AlignOptions::memory_lexicon`]), the pairs learned from all of its TUs come first
//! and the article's own pairs fill in for words the memory does not know.
//!
//! Each [`Link`] has a confidence: the posterior probability of its bead given both texts,
//! by forward–backward over the same beads and band as the best path (each bead weighted
//! `e^(−cost)`). A merge must show, for each sentence it adds, content of that sentence
//! found on the other side, or pay what leaving the sentence out costs (see
//! [`cost::UNSUPPORTED_COST`]). [`low_confidence`] is a posterior below 0.5 or an unmatched
//! sentence.
//!
//! ```
//! use songngu::align::{align, AlignOptions};
//!
//! let en = vec![vec!["On November 27, 2019, the conference opened in Hanoi.".to_string(),
//!                    "Deputy Minister Nguyen Thanh Hung spoke.".to_string()]];
//! let vi = vec![vec!["Ngày 27/11/2019, hội thảo khai mạc tại Hà Nội.".to_string(),
//!                    "Thứ trưởng Nguyễn Thanh Hùng phát biểu.".to_string()]];
//! let links = align(&en, &vi, &AlignOptions::default());
//! assert_eq!(links.len(), 2);
//! assert_eq!((links[1].en.as_slice(), links[1].vi.as_slice()), (&[1][..], &[1][..]));
//! ```

mod anchor_keys;
pub mod cost;
mod dp;
mod eval;
pub(crate) mod lexicon;

pub use eval::{
    RELIABILITY_EDGES, ReliabilityBin, Scores, evaluate, parse_links_tsv, read_paragraphs,
    reliability,
};

pub use lexicon::Lexicon;

use crate::text::{Glossary, Lang, LengthModel};
use cost::{GALE_CHURCH_BEADS, PARAGRAPH_BEADS, SENTENCE_BEADS};
use dp::{AnchorWeights, Scorer, Step, Unit};

/// One alignment bead: English sentences `en` translate Vietnamese sentences `vi`.
///
/// Indices are global 0-based sentence indices (paragraphs flattened), ascending and
/// contiguous. One side may be empty: a sentence left untranslated (1-0) or added (0-1).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Link {
    pub en: Vec<usize>,
    pub vi: Vec<usize>,
    /// In `[0, 1]`; see the module docs for how it is computed.
    pub confidence: f64,
}

/// Which evidence the aligner uses. All on by default; switching one off measures what it
/// contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Features {
    /// The Gale–Church length cost.
    pub length: bool,
    /// Numbers, dates and times, compared locale-aware (`1,200` = `1.200`, `11:12` =
    /// `11h12`, `November 27, 2019` = `27/11/2019` = `ngày 27 tháng 11 năm 2019`).
    pub numbers: bool,
    /// Capitalized words and acronyms, compared without case or diacritics.
    pub names: bool,
    /// URLs and e-mail addresses, compared exactly.
    pub urls: bool,
    /// Question and exclamation marks, quotations, parentheses.
    pub punctuation: bool,
    /// Align paragraphs first, then sentences inside aligned paragraphs.
    pub paragraphs: bool,
    /// Learn word translations from the confident links of a first pass and align again
    /// with them (see the `lexicon` module).
    pub lexicon: bool,
}

impl Default for Features {
    fn default() -> Self {
        Features {
            length: true,
            numbers: true,
            names: true,
            urls: true,
            punctuation: true,
            paragraphs: true,
            lexicon: true,
        }
    }
}

/// Options of [`align`].
#[derive(Debug, Clone, Default)]
pub struct AlignOptions {
    pub features: Features,
    /// Term pairs used as anchors, if any.
    pub glossary: Option<Glossary>,
    /// The length model; the default is calibrated for English → Vietnamese.
    pub length: LengthModel,
    /// Word pairs learned from a whole translation memory (`crate::memory::lexicon`): the
    /// second pass uses them, and the article's own pairs for the words they lack.
    pub memory_lexicon: Option<std::sync::Arc<Lexicon>>,
}

/// The confidence at most of a link whose sentences share nothing and disagree on content
/// a translator keeps: below [`LOW_CONFIDENCE`], a link to look at.
pub const UNRELATED_CONFIDENCE: f64 = 0.25;

/// Two-sided links a text needs before it can be judged unrelated to the other.
const UNRELATED_MIN_LINKS: usize = 4;

/// Posterior below which a link is doubtful: 0.5, where the model finds the link more
/// likely wrong than right. On the evaluation set every link at 0.7 or more is right.
pub const LOW_CONFIDENCE: f64 = 0.5;

/// Where the logistic of the bead cost crosses 0.5.
pub(crate) const CONFIDENCE_MIDPOINT: f64 = 4.5;

/// Whether `link` is worth a person's look: its posterior is below [`LOW_CONFIDENCE`]
/// (more likely wrong than right under the model), or it leaves a sentence unmatched,
/// which however sure the aligner is means a sentence left out or added.
pub fn low_confidence(link: &Link) -> bool {
    link.en.is_empty() || link.vi.is_empty() || link.confidence < LOW_CONFIDENCE
}

fn sentence_unit(text: &str, lang: Lang, options: &AlignOptions) -> Unit {
    Unit {
        len: text.trim().chars().count() as f64,
        anchors: anchor_keys::extract(text, lang, &options.features, options.glossary.as_ref()),
        concepts: Vec::new(),
    }
}

/// What an alignment cost.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AlignStats {
    /// Cells of the dynamic programming computed, over every pass and band width: the
    /// measure of work, linear in the input (see [`align`]).
    pub cells: u64,
}

/// Aligns English and Vietnamese sentences. `en` and `vi` are paragraphs of sentences
/// (plain text, NFC). The links cover every sentence of both sides exactly once, in order,
/// without crossings.
pub fn align(en: &[Vec<String>], vi: &[Vec<String>], options: &AlignOptions) -> Vec<Link> {
    align_with_stats(en, vi, options).0
}

/// Like [`align`], and tells how much work it took.
pub fn align_with_stats(
    en: &[Vec<String>],
    vi: &[Vec<String>],
    options: &AlignOptions,
) -> (Vec<Link>, AlignStats) {
    let mut stats = AlignStats::default();
    let mut band = dp::INITIAL_BAND;
    let mut en_units: Vec<Unit> = en
        .iter()
        .flatten()
        .map(|s| sentence_unit(s, Lang::En, options))
        .collect();
    let mut vi_units: Vec<Unit> = vi
        .iter()
        .flatten()
        .map(|s| sentence_unit(s, Lang::Vi, options))
        .collect();
    let links = align_units(en, vi, &en_units, &vi_units, options, &mut stats, &mut band);
    if !options.features.lexicon {
        return (in_doubt_when_unrelated(links, &en_units, &vi_units), stats);
    }
    // Second pass: learn from the confident one-to-one links of the first, if they are a
    // translation's: at least half of the shorter side. Unrelated or shuffled texts pair a
    // few sentences confidently by chance (a repeated number), and a lexicon learned from
    // those teaches chance, at the cost of a second pass.
    let sure: usize = links
        .iter()
        .filter(|l| l.en.len() == 1 && l.vi.len() == 1 && l.confidence >= LEARN_CONFIDENCE)
        .count();
    // A memory's lexicon owes nothing to the first pass: it is used even then.
    let memory = options
        .memory_lexicon
        .as_deref()
        .filter(|memory| !memory.is_empty());
    let pairs_up = sure * 2 >= en_units.len().min(vi_units.len());
    if !pairs_up && memory.is_none() {
        return (in_doubt_when_unrelated(links, &en_units, &vi_units), stats);
    }
    let (en_flat, vi_flat): (Vec<&str>, Vec<&str>) = (
        en.iter().flatten().map(String::as_str).collect(),
        vi.iter().flatten().map(String::as_str).collect(),
    );
    // A link beside a one-sided link does not teach: that is where the first pass may
    // have picked the wrong sentence to leave alone, and learning from its guess would
    // only confirm it.
    let one_sided = |i: usize| {
        links
            .get(i)
            .is_some_and(|l: &Link| l.en.is_empty() || l.vi.is_empty())
    };
    let lexicon = Lexicon::learn(
        links
            .iter()
            .enumerate()
            .filter(|&(i, l)| {
                pairs_up
                    && l.en.len() == 1
                    && l.vi.len() == 1
                    && l.confidence >= LEARN_CONFIDENCE
                    && !one_sided(i + 1)
                    && !(i > 0 && one_sided(i - 1))
            })
            .map(|(_, l)| (en_flat[l.en[0]], vi_flat[l.vi[0]])),
    );
    // The memory knows more sentence pairs than any article; the article's own pairs
    // stay as the cold start, for a memory that is empty or does not know its words.
    let lexicon = match memory {
        Some(memory) => memory.with_cold_start(&lexicon),
        None => lexicon,
    };
    if lexicon.is_empty() {
        return (in_doubt_when_unrelated(links, &en_units, &vi_units), stats);
    }
    for (unit, text) in en_units.iter_mut().zip(&en_flat) {
        unit.concepts = lexicon.en_concepts(text);
    }
    for (unit, text) in vi_units.iter_mut().zip(&vi_flat) {
        unit.concepts = lexicon.vi_concepts(text);
    }
    // The second pass starts from the band the first one settled on: the same texts stray
    // as far from the diagonal, and a narrow first try at a long insertion would be forced
    // into doubtful beads and taken for unrelated text (see `dp`).
    let links = align_units(en, vi, &en_units, &vi_units, options, &mut stats, &mut band);
    (in_doubt_when_unrelated(links, &en_units, &vi_units), stats)
}

/// When two thirds of the two-sided links show no sign of being a translation and some
/// show signs of not being one (see `dp::unrelated`), the texts are probably not the same
/// article: every link that shares nothing gets its confidence capped below
/// [`LOW_CONFIDENCE`]. The posterior
/// assumes the texts are translations, so two unrelated articles would pair up by length
/// alone with a confident air. One such link among translated ones is a translation with
/// a changed number, which the checks report; and a text of a few links is too little to
/// judge.
fn in_doubt_when_unrelated(mut links: Vec<Link>, en: &[Unit], vi: &[Unit]) -> Vec<Link> {
    let looks: Vec<(bool, bool)> = links
        .iter()
        .map(|link| match (link.en.first(), link.vi.first()) {
            (Some(&e0), Some(&v0)) => {
                dp::unrelated(&en[e0..e0 + link.en.len()], &vi[v0..v0 + link.vi.len()])
            }
            _ => (false, false),
        })
        .collect();
    let two_sided = links
        .iter()
        .filter(|l| !l.en.is_empty() && !l.vi.is_empty())
        .count();
    let nothing = looks.iter().filter(|(none, _)| *none).count();
    let against = looks.iter().filter(|(_, against)| *against).count();
    if two_sided >= UNRELATED_MIN_LINKS && nothing * 3 >= two_sided * 2 && against > 0 {
        for (link, _) in links.iter_mut().zip(&looks).filter(|(_, (none, _))| *none) {
            link.confidence = link.confidence.min(UNRELATED_CONFIDENCE);
        }
    }
    links
}

/// Confidence a first-pass link needs to teach the lexicon.
const LEARN_CONFIDENCE: f64 = 0.8;

/// One pass of the aligner over prepared units.
fn align_units(
    en: &[Vec<String>],
    vi: &[Vec<String>],
    en_units: &[Unit],
    vi_units: &[Unit],
    options: &AlignOptions,
    stats: &mut AlignStats,
    band: &mut usize,
) -> Vec<Link> {
    let start = *band;
    let length = options.features.length.then_some(options.length);
    let weights = AnchorWeights {
        learned_words_contradict: options
            .memory_lexicon
            .as_deref()
            .is_some_and(|memory| !memory.is_empty()),
        ..AnchorWeights::default()
    };

    // Sentence ranges to align separately.
    let groups: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> =
        if options.features.paragraphs && (en.len() > 1 || vi.len() > 1) {
            let scorer = Scorer {
                length,
                one_sided: Some(cost::ONE_SIDED_LENGTH_COST),
                weights,
                beads: PARAGRAPH_BEADS,
            };
            let run = paragraph_groups(en, vi, en_units, vi_units, &scorer, stats, start);
            *band = (*band).max(run.1);
            run.0
        } else {
            vec![(0..en_units.len(), 0..vi_units.len())]
        };

    let scorer = Scorer {
        length,
        one_sided: Some(cost::ONE_SIDED_LENGTH_COST),
        weights,
        beads: SENTENCE_BEADS,
    };
    let mut links = Vec::with_capacity(en_units.len().max(vi_units.len()));
    for (e, v) in groups {
        let run = scorer.align_counted(&en_units[e.clone()], &vi_units[v.clone()], start);
        stats.cells += run.cells;
        *band = (*band).max(run.width);
        links.extend(run.path.into_iter().map(|s| to_link(s, e.start, v.start)));
    }
    links
}

fn to_link(step: Step, en_offset: usize, vi_offset: usize) -> Link {
    Link {
        en: (step.en.start + en_offset..step.en.end + en_offset).collect(),
        vi: (step.vi.start + vi_offset..step.vi.end + vi_offset).collect(),
        confidence: step.posterior,
    }
}

/// The English and Vietnamese sentence ranges aligned together.
type Group = (std::ops::Range<usize>, std::ops::Range<usize>);

/// Aligns paragraphs (from a band of half-width `band`) and returns the sentence ranges
/// of each trusted paragraph group, and the band the paragraphs needed.
fn paragraph_groups(
    en: &[Vec<String>],
    vi: &[Vec<String>],
    en_units: &[Unit],
    vi_units: &[Unit],
    scorer: &Scorer,
    stats: &mut AlignStats,
    band: usize,
) -> (Vec<Group>, usize) {
    // Paragraph units and the sentence range of each paragraph.
    let paragraphs = |paras: &[Vec<String>], units: &[Unit]| {
        let mut out = Vec::with_capacity(paras.len());
        let mut ranges = Vec::with_capacity(paras.len() + 1);
        let mut at = 0;
        ranges.push(0);
        for p in paras {
            let sentences = &units[at..at + p.len()];
            let mut anchors: Vec<u64> = sentences
                .iter()
                .flat_map(|u| u.anchors.iter().copied())
                .collect();
            anchors.sort_unstable();
            let mut concepts: Vec<u64> = sentences
                .iter()
                .flat_map(|u| u.concepts.iter().copied())
                .collect();
            concepts.sort_unstable();
            concepts.dedup();
            out.push(Unit {
                len: sentences.iter().map(|u| u.len).sum(),
                anchors,
                concepts,
            });
            at += p.len();
            ranges.push(at);
        }
        (out, ranges)
    };
    let (ep, er) = paragraphs(en, en_units);
    let (vp, vr) = paragraphs(vi, vi_units);
    let run = scorer.align_counted(&ep, &vp, band);
    stats.cells += run.cells;
    let steps = run.path;

    let mut groups: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = Vec::new();
    let mut open = false; // whether the last group may take the next step in
    for step in steps {
        let e = er[step.en.start]..er[step.en.end];
        let v = vr[step.vi.start]..vr[step.vi.end];
        // A boundary holds when its bead both fits (its cost is below the midpoint, where
        // the evidence for the pairing outweighs that against it) and is not in doubt.
        let trusted = !step.en.is_empty()
            && !step.vi.is_empty()
            && step.cost < CONFIDENCE_MIDPOINT
            && step.posterior >= LOW_CONFIDENCE;
        match groups.last_mut() {
            // A doubtful bead joins the group before it, and a trusted bead joins a
            // doubtful group before it: only boundaries between two trusted beads hold.
            Some(last) if open || !trusted => {
                last.0.end = e.end;
                last.1.end = v.end;
            }
            _ => groups.push((e, v)),
        }
        open = !trusted;
    }
    (groups, run.width)
}

/// Baseline: plain length-only Gale–Church over the flat sentence lists (no paragraphs,
/// no anchors) with their published figures (ratio 1, variance 6.8), for evaluation.
pub fn gale_church(en: &[String], vi: &[String]) -> Vec<Link> {
    let unit = |s: &String| Unit {
        len: s.trim().chars().count() as f64,
        ..Unit::default()
    };
    let scorer = Scorer {
        length: Some(LengthModel {
            ratio: cost::GC_RATIO,
            variance: cost::GC_VARIANCE,
        }),
        one_sided: None,
        // Gale–Church weigh lengths only.
        weights: AnchorWeights {
            unsupported: 0.0,
            contradicted: 0.0,
            ..AnchorWeights::default()
        },
        beads: GALE_CHURCH_BEADS,
    };
    let en: Vec<Unit> = en.iter().map(unit).collect();
    let vi: Vec<Unit> = vi.iter().map(unit).collect();
    scorer
        .align(&en, &vi)
        .into_iter()
        .map(|s| to_link(s, 0, 0))
        .collect()
}

#[cfg(test)]
mod tests;
