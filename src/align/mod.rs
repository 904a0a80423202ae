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
mod forward;
pub(crate) mod lexicon;
pub mod source;
pub mod spill;

pub use eval::{
    RELIABILITY_EDGES, ReliabilityBin, Scores, evaluate, parse_links_tsv, read_paragraphs,
    reliability,
};

pub use lexicon::Lexicon;
pub use source::{InMemory, Sentences, Texts};
pub use spill::{SpillWriter, SpilledSentences};

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

/// The links of an alignment, 24 bytes each, in order: a [`Link`] holds two `Vec`s
/// (about 100 bytes a link with their allocations, 50 MB for 500,000 links), so each is
/// made only when asked for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Links {
    packed: Vec<Packed>,
}

/// A link's first English and Vietnamese sentence, each with its count in the top 16
/// bits (a bead takes at most three sentences of a side; no article has 2^48 sentences),
/// and its confidence.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Packed {
    en: u64,
    vi: u64,
    confidence: f64,
}

const COUNT_SHIFT: u32 = 48;

impl Packed {
    fn link(&self) -> Link {
        Link {
            en: unpack(self.en).collect(),
            vi: unpack(self.vi).collect(),
            confidence: self.confidence,
        }
    }
}

fn pack(start: usize, len: u16) -> u64 {
    debug_assert!((start as u64) < 1 << COUNT_SHIFT);
    (start as u64) | (u64::from(len) << COUNT_SHIFT)
}

fn unpack(word: u64) -> std::ops::Range<usize> {
    let start = (word & ((1 << COUNT_SHIFT) - 1)) as usize;
    start..start + (word >> COUNT_SHIFT) as usize
}

impl Links {
    /// How many links.
    pub fn len(&self) -> usize {
        self.packed.len()
    }

    pub fn is_empty(&self) -> bool {
        self.packed.is_empty()
    }

    /// Link `i`.
    pub fn get(&self, i: usize) -> Option<Link> {
        self.packed.get(i).map(Packed::link)
    }

    /// The English sentences of link `i`.
    pub fn en(&self, i: usize) -> Option<std::ops::Range<usize>> {
        self.packed.get(i).map(|p| unpack(p.en))
    }

    /// The Vietnamese sentences of link `i`.
    pub fn vi(&self, i: usize) -> Option<std::ops::Range<usize>> {
        self.packed.get(i).map(|p| unpack(p.vi))
    }

    /// Every link, in order, each made as it comes.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Link> + '_ {
        self.packed.iter().map(Packed::link)
    }

    /// The bytes it holds.
    pub fn bytes_held(&self) -> usize {
        self.packed.capacity() * std::mem::size_of::<Packed>()
    }
}

impl From<Links> for Vec<Link> {
    fn from(links: Links) -> Vec<Link> {
        links.iter().collect()
    }
}

impl PartialEq<Vec<Link>> for Links {
    fn eq(&self, other: &Vec<Link>) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == *b)
    }
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
    /// The most sentences whose text was held at once (both sides): a paragraph while
    /// paragraphs are summed up, a paragraph group's while it is aligned, never more.
    pub held_sentences: usize,
    /// The most bytes of sentence text held at once, as `held_sentences`.
    pub held_bytes: usize,
    /// The most bytes one band of the dynamic programming held at once (backpointers, row
    /// bounds, forward values kept in memory), and that band's cells: about one byte a
    /// cell, however long the article.
    pub band_bytes: usize,
    pub band_cells: u64,
    /// The most bytes the paragraph summaries of both sides held at once, and the anchor
    /// keys and learned words they held then.
    pub summary_bytes: usize,
    pub summary_keys: usize,
}

impl AlignStats {
    fn band(&mut self, run: &dp::Aligned) {
        if run.band_bytes > self.band_bytes {
            (self.band_bytes, self.band_cells) = (run.band_bytes, run.band_cells);
        }
    }
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
    let Ok((links, stats)) = align_sentences(&InMemory::new(en), &InMemory::new(vi), options);
    (links.into(), stats)
}

/// Like [`align_with_stats`], over sides read a range of sentences at a time: the same
/// links, holding the text of one paragraph group (both sides) at most, besides a few
/// numbers per paragraph and per link (see [`AlignStats::held_sentences`]).
pub fn align_sentences<S: Sentences>(
    en: &S,
    vi: &S,
    options: &AlignOptions,
) -> Result<(Links, AlignStats), S::Error> {
    let mut run = Run {
        options,
        stats: AlignStats::default(),
        band: dp::INITIAL_BAND,
        en_texts: Texts::default(),
        vi_texts: Texts::default(),
    };
    let beads = run.pass(en, vi, None)?;
    if !options.features.lexicon {
        return Ok((in_doubt_when_unrelated(beads), run.stats));
    }
    // Second pass: learn from the confident one-to-one links of the first, if they are a
    // translation's: at least half of the shorter side. Unrelated or shuffled texts pair a
    // few sentences confidently by chance (a repeated number), and a lexicon learned from
    // those teaches chance, at the cost of a second pass.
    let sure: usize = beads
        .iter()
        .filter(|b| b.one_to_one() && b.confidence >= LEARN_CONFIDENCE)
        .count();
    // A memory's lexicon owes nothing to the first pass: it is used even then.
    let memory = options
        .memory_lexicon
        .as_deref()
        .filter(|memory| !memory.is_empty());
    let pairs_up = sure * 2 >= sentence_count(en).min(sentence_count(vi));
    if !pairs_up && memory.is_none() {
        return Ok((in_doubt_when_unrelated(beads), run.stats));
    }
    // A link beside a one-sided link does not teach: that is where the first pass may
    // have picked the wrong sentence to leave alone, and learning from its guess would
    // only confirm it.
    let one_sided = |i: usize| beads.get(i).is_some_and(Bead::one_sided);
    let teaches = |i: usize, b: &Bead| {
        pairs_up
            && b.one_to_one()
            && b.confidence >= LEARN_CONFIDENCE
            && !one_sided(i + 1)
            && !(i > 0 && one_sided(i - 1))
    };
    // Only the pairs the lexicon samples are read (see `lexicon::learning_step`).
    let teaching = beads.iter().enumerate().filter(|&(i, b)| teaches(i, b));
    let step = lexicon::learning_step(teaching.clone().count());
    let mut pairs = Vec::new();
    for (_, b) in teaching.step_by(step) {
        pairs.push((run.sentence(en, b.en)?, run.sentence(vi, b.vi)?));
    }
    let lexicon = Lexicon::learn(pairs.iter().map(|(e, v)| (e.as_str(), v.as_str())));
    drop(pairs);
    // The memory knows more sentence pairs than any article; the article's own pairs
    // stay as the cold start, for a memory that is empty or does not know its words.
    let lexicon = match memory {
        Some(memory) => memory.with_cold_start(&lexicon),
        None => lexicon,
    };
    if lexicon.is_empty() {
        return Ok((in_doubt_when_unrelated(beads), run.stats));
    }
    drop(beads);
    // The second pass starts from the band the first one settled on: the same texts stray
    // as far from the diagonal, and a narrow first try at a long insertion would be forced
    // into doubtful beads and taken for unrelated text (see `dp`).
    let beads = run.pass(en, vi, Some(&lexicon))?;
    Ok((in_doubt_when_unrelated(beads), run.stats))
}

fn sentence_count(side: &impl Sentences) -> usize {
    side.paragraph_sizes().iter().sum()
}

/// A link as a pass finds it, in a few bytes (a long text has one per sentence), with
/// what `dp::unrelated` says of its sentences.
#[derive(Debug, Clone, Copy)]
struct Bead {
    en: usize,
    vi: usize,
    en_len: u16,
    vi_len: u16,
    /// Its sentences share nothing.
    nothing: bool,
    /// Its sentences disagree on content a translator keeps.
    against: bool,
    confidence: f64,
}

impl Bead {
    fn one_to_one(&self) -> bool {
        self.en_len == 1 && self.vi_len == 1
    }

    fn one_sided(&self) -> bool {
        self.en_len == 0 || self.vi_len == 0
    }

    fn packed(&self, confidence: f64) -> Packed {
        Packed {
            en: pack(self.en, self.en_len),
            vi: pack(self.vi, self.vi_len),
            confidence,
        }
    }
}

/// When two thirds of the two-sided links show no sign of being a translation and some
/// show signs of not being one (see `dp::unrelated`), the texts are probably not the same
/// article: every link that shares nothing gets its confidence capped below
/// [`LOW_CONFIDENCE`]. The posterior
/// assumes the texts are translations, so two unrelated articles would pair up by length
/// alone with a confident air. One such link among translated ones is a translation with
/// a changed number, which the checks report; and a text of a few links is too little to
/// judge.
fn in_doubt_when_unrelated(beads: Vec<Bead>) -> Links {
    let two_sided = beads.iter().filter(|b| !b.one_sided()).count();
    let nothing = beads.iter().filter(|b| b.nothing).count();
    let against = beads.iter().filter(|b| b.against).count();
    let in_doubt = two_sided >= UNRELATED_MIN_LINKS && nothing * 3 >= two_sided * 2 && against > 0;
    let mut packed: Vec<Packed> = beads
        .into_iter()
        .map(|b| {
            let capped = in_doubt && b.nothing;
            b.packed(if capped {
                b.confidence.min(UNRELATED_CONFIDENCE)
            } else {
                b.confidence
            })
        })
        .collect();
    // Collected in place, it would keep the beads' larger allocation.
    packed.shrink_to_fit();
    Links { packed }
}

/// Confidence a first-pass link needs to teach the lexicon.
const LEARN_CONFIDENCE: f64 = 0.8;

/// The passes of one alignment, with their band, their costs and the text buffers they
/// reuse.
struct Run<'o> {
    options: &'o AlignOptions,
    stats: AlignStats,
    band: usize,
    en_texts: Texts,
    vi_texts: Texts,
}

impl Run<'_> {
    /// One pass of the aligner: paragraphs (summed up a paragraph at a time), then each
    /// paragraph group read and aligned on its own.
    fn pass<S: Sentences>(
        &mut self,
        en: &S,
        vi: &S,
        lexicon: Option<&Lexicon>,
    ) -> Result<Vec<Bead>, S::Error> {
        let options = self.options;
        let start = self.band;
        let length = options.features.length.then_some(options.length);
        let weights = AnchorWeights {
            learned_words_contradict: options
                .memory_lexicon
                .as_deref()
                .is_some_and(|memory| !memory.is_empty()),
            ..AnchorWeights::default()
        };
        let (en_count, vi_count) = (sentence_count(en), sentence_count(vi));

        // Sentence ranges to align separately.
        let groups: Vec<Group> = if options.features.paragraphs
            && (en.paragraph_sizes().len() > 1 || vi.paragraph_sizes().len() > 1)
        {
            let scorer = Scorer {
                length,
                one_sided: Some(cost::ONE_SIDED_LENGTH_COST),
                weights,
                beads: PARAGRAPH_BEADS,
            };
            let en_paragraphs = self.paragraph_units(en, Lang::En, lexicon)?;
            let vi_paragraphs = self.paragraph_units(vi, Lang::Vi, lexicon)?;
            let bytes = en_paragraphs.bytes_held() + vi_paragraphs.bytes_held();
            if bytes > self.stats.summary_bytes {
                self.stats.summary_bytes = bytes;
                self.stats.summary_keys = en_paragraphs.keys() + vi_paragraphs.keys();
            }
            let (groups, width) = paragraph_groups(
                &en_paragraphs,
                &vi_paragraphs,
                &scorer,
                &mut self.stats,
                start,
            );
            self.band = self.band.max(width);
            groups
        } else {
            vec![(0..en_count, 0..vi_count)]
        };

        let scorer = Scorer {
            length,
            one_sided: Some(cost::ONE_SIDED_LENGTH_COST),
            weights,
            beads: SENTENCE_BEADS,
        };
        let mut beads = Vec::with_capacity(en_count.max(vi_count));
        for (e, v) in groups {
            en.read(e.clone(), &mut self.en_texts)?;
            vi.read(v.clone(), &mut self.vi_texts)?;
            self.held(
                self.en_texts.len() + self.vi_texts.len(),
                self.en_texts.bytes() + self.vi_texts.bytes(),
            );
            let en_units = units(&self.en_texts, Lang::En, options, lexicon);
            let vi_units = units(&self.vi_texts, Lang::Vi, options, lexicon);
            let run = scorer.align_counted(&en_units, &vi_units, start);
            self.stats.cells += run.cells;
            self.stats.band(&run);
            self.band = self.band.max(run.width);
            for step in run.path {
                let (nothing, against) = if step.en.is_empty() || step.vi.is_empty() {
                    (false, false)
                } else {
                    dp::unrelated(&en_units[step.en.clone()], &vi_units[step.vi.clone()])
                };
                beads.push(Bead {
                    en: e.start + step.en.start,
                    vi: v.start + step.vi.start,
                    en_len: step.en.len() as u16,
                    vi_len: step.vi.len() as u16,
                    nothing,
                    against,
                    confidence: step.posterior,
                });
            }
        }
        Ok(beads)
    }

    /// One unit per paragraph of `side` (the sum of its sentences' lengths, all their
    /// anchors, their concepts once each), and the first sentence of each paragraph (and
    /// the end of the last).
    fn paragraph_units<S: Sentences>(
        &mut self,
        side: &S,
        lang: Lang,
        lexicon: Option<&Lexicon>,
    ) -> Result<Paragraphs, S::Error> {
        let sizes = side.paragraph_sizes();
        let mut units = Vec::with_capacity(sizes.len());
        let mut starts = Vec::with_capacity(sizes.len() + 1);
        let mut at = 0;
        starts.push(0);
        let mut texts = std::mem::take(&mut self.en_texts);
        for &size in sizes {
            side.read(at..at + size, &mut texts)?;
            self.held(texts.len(), texts.bytes());
            let sentences = self::units(&texts, lang, self.options, lexicon);
            // Held for every paragraph of the article: allocated to size, not grown.
            let count: usize = sentences.iter().map(|u| u.anchors.len()).sum();
            let mut anchors = Vec::with_capacity(count);
            anchors.extend(sentences.iter().flat_map(|u| u.anchors.iter().copied()));
            anchors.sort_unstable();
            let mut concepts: Vec<u32> = sentences
                .iter()
                .flat_map(|u| u.concepts.iter().copied())
                .collect();
            concepts.sort_unstable();
            concepts.dedup();
            concepts.shrink_to_fit();
            units.push(Unit {
                len: sentences.iter().map(|u| u.len).sum(),
                anchors,
                concepts,
            });
            at += size;
            starts.push(at);
        }
        self.en_texts = texts;
        Ok(Paragraphs { units, starts })
    }

    /// The text of sentence `i` of `side`.
    fn sentence<S: Sentences>(&mut self, side: &S, i: usize) -> Result<String, S::Error> {
        side.read(i..i + 1, &mut self.en_texts)?;
        Ok(self.en_texts.get(i).unwrap_or_default().to_owned())
    }

    fn held(&mut self, sentences: usize, bytes: usize) {
        self.stats.held_sentences = self.stats.held_sentences.max(sentences);
        self.stats.held_bytes = self.stats.held_bytes.max(bytes);
    }
}

/// The aligner's units of the sentences in `texts`: lengths and anchors, and the
/// concepts of `lexicon` when there is one.
fn units(
    texts: &Texts,
    lang: Lang,
    options: &AlignOptions,
    lexicon: Option<&Lexicon>,
) -> Vec<Unit> {
    texts
        .iter()
        .map(|text| {
            let mut unit = sentence_unit(text, lang, options);
            if let Some(lexicon) = lexicon {
                unit.concepts = match lang {
                    Lang::En => lexicon.en_concepts(text),
                    Lang::Vi => lexicon.vi_concepts(text),
                };
            }
            unit
        })
        .collect()
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

/// A side's paragraphs as units, and the first sentence of each (then the end).
struct Paragraphs {
    units: Vec<Unit>,
    starts: Vec<usize>,
}

impl Paragraphs {
    /// The bytes it holds.
    fn bytes_held(&self) -> usize {
        let keys: usize = (self.units.iter())
            .map(|u| u.anchors.capacity() + u.concepts.capacity())
            .sum();
        self.units.capacity() * std::mem::size_of::<Unit>()
            + keys * 8
            + self.starts.capacity() * std::mem::size_of::<usize>()
    }

    /// The anchor keys and learned words it holds.
    fn keys(&self) -> usize {
        (self.units.iter())
            .map(|u| u.anchors.len() + u.concepts.len())
            .sum()
    }
}

/// Aligns paragraphs (from a band of half-width `band`) and returns the sentence ranges
/// of each trusted paragraph group, and the band the paragraphs needed.
fn paragraph_groups(
    en: &Paragraphs,
    vi: &Paragraphs,
    scorer: &Scorer,
    stats: &mut AlignStats,
    band: usize,
) -> (Vec<Group>, usize) {
    let (er, vr) = (&en.starts, &vi.starts);
    let run = scorer.align_counted(&en.units, &vi.units, band);
    stats.cells += run.cells;
    stats.band(&run);
    let steps = run.path;

    let mut groups: Vec<Group> = Vec::new();
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
