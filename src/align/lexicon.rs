//! A word-translation lexicon learned from the text being aligned, as in Moore (2002),
//! "Fast and accurate sentence alignment of bilingual corpora": a first pass aligns on
//! lengths and anchors, the confident one-to-one links of that pass teach which English
//! words go with which Vietnamese syllables, and a second pass uses what was learned.
//!
//! No dictionary is needed: a news article repeats its subject words (`team` / `đội`,
//! `forum` / `diễn đàn`, `drill` / `diễn tập`), and those are exactly the words that tell a
//! sentence left untranslated from a sentence merged into its neighbour.
//!
//! A pair is learned only when it occurs together more often than chance allows, by
//! Dunning's log-likelihood ratio test at p < 0.01, the usual test for word association
//! in small samples (Dunning 1993; Moore 2004). Words that occur in most sentences
//! (`the` / `các`) are left out: their co-occurrence is chance.

use std::collections::HashMap;

use crate::text::tokens::{TokenKind, tokens};

/// Fewest confident links to learn from: below this, co-occurrence is chance.
const MIN_LINKS: usize = 8;
/// Fewest links a pair must share.
const MIN_TOGETHER: u32 = 2;
/// Most links learned from: a long text is sampled evenly. A few thousand sentence pairs
/// teach all the repeated words there are, and counting every word pair of a 100,000
/// sentence catalogue would cost more than the alignment itself.
const MAX_LINKS: usize = 4000;
/// The log-likelihood ratio `G²` of a pair must pass this: the χ² (one degree of
/// freedom) value of p = 0.01.
const MIN_G2: f64 = 6.63;
/// Share of each word's links that must hold the other, both ways: `P(vi | en)` and
/// `P(en | vi)`. The test alone is not enough: it is run on every pair of words, so among
/// millions of pairs some pass by chance; a chance pair almost never also holds both
/// ways.
const MIN_SHARE: f64 = 0.5;
/// A word in more than this share of the links is a function word for this text.
const MAX_SPREAD: f64 = 0.5;

/// English words with the Vietnamese syllable or syllable pair that translates them.
///
/// Learned from the article being aligned ([`Lexicon::learn`]) or from a whole translation
/// memory (`crate::memory::lexicon`); [`Lexicon::with_cold_start`] joins the two.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// English word → its concept number.
    en: HashMap<String, u32>,
    /// Vietnamese syllable or syllable pair → the concept numbers it translates.
    vi: HashMap<String, Vec<u32>>,
    /// Concept number → (English word, Vietnamese term), sorted.
    pairs: Vec<(String, String)>,
}

/// How often an English word and a Vietnamese term were seen, alone and together, over
/// `links` sentence pairs: what [`Lexicon::from_counts`] tests.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cooccurrence<'a> {
    pub en: &'a str,
    pub vi: &'a str,
    pub together: u32,
    pub en_count: u32,
    pub vi_count: u32,
}

/// Whether a pair of words seen `en_count` and `vi_count` times in `links` sentence pairs
/// could pass the test at all (however often they are together): a share of at least
/// [`MIN_SHARE`] both ways needs counts within a factor of each other. A memory of a
/// million sentence pairs tests only the pairs this lets through.
pub(crate) fn worth_testing(en_count: u32, vi_count: u32, links: usize) -> bool {
    let spread_limit = MAX_SPREAD * links as f64;
    let (cw, ct) = (f64::from(en_count), f64::from(vi_count));
    en_count >= MIN_TOGETHER
        && vi_count >= MIN_TOGETHER
        && cw <= spread_limit
        && ct <= spread_limit
        && cw.min(ct) >= MIN_SHARE * cw.max(ct)
}

/// Whether a pair seen together `together` times passes the cheap parts of the test
/// (see [`worth_testing`]): what is worth keeping for the full test.
pub(crate) fn could_pass(together: u32, en_count: u32, vi_count: u32, links: usize) -> bool {
    together >= MIN_TOGETHER
        && f64::from(together) >= MIN_SHARE * f64::from(en_count.max(vi_count))
        && worth_testing(en_count, vi_count, links)
}

/// Of `pairs` sentence pairs [`Lexicon::learn`] is given, it learns from every
/// `learning_step`-th (from the first): at most [`MAX_LINKS`]. A caller that reads its
/// sentences from disk fetches only those.
pub(crate) fn learning_step(pairs: usize) -> usize {
    pairs.div_ceil(MAX_LINKS).max(1)
}

/// English content words of a sentence, lower case, a plural `s` taken off.
pub(crate) fn en_words(text: &str) -> Vec<String> {
    let mut terms = Terms::default();
    for t in tokens(text).filter(|t| t.kind == TokenKind::Word) {
        let w = text[t.range].to_lowercase();
        if w.chars().count() < 3 || !w.chars().all(char::is_alphabetic) {
            continue;
        }
        match w.strip_suffix('s') {
            Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => terms.add(stem),
            _ => terms.add(&w),
        }
    }
    terms.sorted()
}

/// Vietnamese syllables and adjacent syllable pairs of a sentence, lower case: most
/// Vietnamese words are one or two syllables.
pub(crate) fn vi_terms(text: &str) -> Vec<String> {
    let syllables: Vec<String> = tokens(text)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| text[t.range].to_lowercase())
        .filter(|w| w.chars().all(char::is_alphabetic))
        .collect();
    let mut terms = Terms::default();
    let mut pair = String::new();
    for w in syllables.windows(2) {
        pair.clear();
        pair.push_str(&w[0]);
        pair.push(' ');
        pair.push_str(&w[1]);
        terms.add(&pair);
    }
    for syllable in &syllables {
        terms.add(syllable);
    }
    terms.sorted()
}

/// The distinct terms of a sentence. A sentence repeats its words (a long one, many
/// times): each is kept once as it comes, instead of sorting every occurrence.
#[derive(Default)]
struct Terms(std::collections::HashSet<String>);

impl Terms {
    fn add(&mut self, term: &str) {
        if !self.0.contains(term) {
            self.0.insert(term.to_owned());
        }
    }

    fn sorted(self) -> Vec<String> {
        let mut out: Vec<String> = self.0.into_iter().collect();
        out.sort_unstable();
        out
    }
}

/// The words of a numbering, by number.
fn by_id(ids: &HashMap<String, u32>) -> Vec<&str> {
    let mut out = vec![""; ids.len()];
    for (word, &id) in ids {
        out[id as usize] = word;
    }
    out
}

/// Dunning's `G² = 2 Σ O ln(O / E)` over the 2×2 table of a pair seen together `n` times,
/// its words `a` and `b` times, in `total` links; 0 unless they attract each other.
fn log_likelihood_ratio(n: f64, a: f64, b: f64, total: f64) -> f64 {
    let cells = [
        (n, a * b),
        (a - n, a * (total - b)),
        (b - n, (total - a) * b),
        (total - a - b + n, (total - a) * (total - b)),
    ];
    if n * total <= a * b {
        return 0.0;
    }
    2.0 * cells
        .iter()
        .filter(|(observed, _)| *observed > 0.0)
        .map(|(observed, expected)| observed * (observed / (expected / total)).ln())
        .sum::<f64>()
}

impl Lexicon {
    /// Learns from sentence pairs taken to translate each other.
    pub fn learn<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Lexicon {
        let pairs: Vec<(&str, &str)> = pairs.into_iter().collect();
        let step = learning_step(pairs.len());
        // Words are numbered as they come, so that a pair is one `u64`.
        let mut en_ids: HashMap<String, u32> = HashMap::new();
        let mut vi_ids: HashMap<String, u32> = HashMap::new();
        let mut en_count: Vec<u32> = Vec::new();
        let mut vi_count: Vec<u32> = Vec::new();
        let mut together: HashMap<u64, u32> = HashMap::new();
        let mut links = 0usize;
        let number = |ids: &mut HashMap<String, u32>, counts: &mut Vec<u32>, word: String| {
            let next = ids.len() as u32;
            let id = *ids.entry(word).or_insert(next);
            if id == next {
                counts.push(0);
            }
            counts[id as usize] += 1;
            id
        };
        for &(en, vi) in pairs.iter().step_by(step) {
            links += 1;
            let e: Vec<u32> = en_words(en)
                .into_iter()
                .map(|w| number(&mut en_ids, &mut en_count, w))
                .collect();
            let v: Vec<u32> = vi_terms(vi)
                .into_iter()
                .map(|t| number(&mut vi_ids, &mut vi_count, t))
                .collect();
            for &w in &e {
                for &t in &v {
                    *together
                        .entry(u64::from(w) << 32 | u64::from(t))
                        .or_default() += 1;
                }
            }
        }
        let en_words_by_id = by_id(&en_ids);
        let vi_terms_by_id = by_id(&vi_ids);
        Lexicon::from_counts(
            links,
            together.iter().map(|(&key, &n)| {
                let (w, t) = ((key >> 32) as usize, (key & u64::from(u32::MAX)) as usize);
                Cooccurrence {
                    en: en_words_by_id[w],
                    vi: vi_terms_by_id[t],
                    together: n,
                    en_count: en_count[w],
                    vi_count: vi_count[t],
                }
            }),
        )
    }

    /// The pairs that pass the test (see the module docs) among co-occurrence counts over
    /// `links` sentence pairs: per English word, its most strongly associated term.
    pub(crate) fn from_counts<'a>(
        links: usize,
        counts: impl IntoIterator<Item = Cooccurrence<'a>>,
    ) -> Lexicon {
        if links < MIN_LINKS {
            return Lexicon::default();
        }
        let spread_limit = MAX_SPREAD * links as f64;
        // Per English word, its best Vietnamese term: the strongest association, a
        // syllable pair before a single syllable when they tie (`diễn đàn` over `đàn`).
        let mut best: HashMap<&str, (f64, usize, &str)> = HashMap::new();
        for c in counts {
            let (n, w, t) = (c.together, c.en, c.vi);
            let (cw, ct) = (f64::from(c.en_count), f64::from(c.vi_count));
            if n < MIN_TOGETHER || cw > spread_limit || ct > spread_limit {
                continue;
            }
            // The cheap share test first: a memory holds millions of chance pairs.
            let share = (f64::from(n) / cw).min(f64::from(n) / ct);
            if share < MIN_SHARE {
                continue;
            }
            let g2 = log_likelihood_ratio(f64::from(n), cw, ct, links as f64);
            if g2 < MIN_G2 {
                continue;
            }
            let candidate = (g2, t.len(), t);
            let entry = best.entry(w).or_insert(candidate);
            if (candidate.0, candidate.1, std::cmp::Reverse(candidate.2))
                > (entry.0, entry.1, std::cmp::Reverse(entry.2))
            {
                *entry = candidate;
            }
        }
        Lexicon::from_pairs(best.into_iter().map(|(w, (_, _, t))| (w, t)))
    }

    /// A lexicon of the given word pairs; an English word given twice keeps its first.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Lexicon {
        let mut learned: Vec<(&str, &str)> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (w, t) in pairs {
            if seen.insert(w) {
                learned.push((w, t));
            }
        }
        learned.sort_unstable();
        let mut lexicon = Lexicon::default();
        for (concept, (w, t)) in learned.into_iter().enumerate() {
            let concept = concept as u32;
            lexicon.en.insert(w.to_owned(), concept);
            lexicon.vi.entry(t.to_owned()).or_default().push(concept);
            lexicon.pairs.push((w.to_owned(), t.to_owned()));
        }
        lexicon
    }

    /// The learned pairs (English word, Vietnamese term), sorted.
    pub fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pairs.iter().map(|(w, t)| (w.as_str(), t.as_str()))
    }

    /// This lexicon (learned from a memory), with the pairs of `cold_start` (learned from
    /// the article) for the English words it does not know.
    pub fn with_cold_start(&self, cold_start: &Lexicon) -> Lexicon {
        Lexicon::from_pairs(self.pairs().chain(cold_start.pairs()))
    }

    /// How many learned words of `en_text` have their Vietnamese in `vi_text`: the
    /// lexical evidence that the two translate each other (or that a sentence merged into
    /// a link has its content on the other side).
    pub fn supports(&self, en_text: &str, vi_text: &str) -> usize {
        let vi = self.vi_concepts(vi_text);
        self.en_concepts(en_text)
            .iter()
            .filter(|c| vi.binary_search(c).is_ok())
            .count()
    }

    pub fn is_empty(&self) -> bool {
        self.en.is_empty()
    }

    /// The concepts an English sentence holds, sorted.
    pub fn en_concepts(&self, text: &str) -> Vec<u32> {
        let mut out: Vec<u32> = en_words(text)
            .iter()
            .filter_map(|w| self.en.get(w))
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The concepts a Vietnamese sentence holds, sorted.
    pub fn vi_concepts(&self, text: &str) -> Vec<u32> {
        let mut out: Vec<u32> = vi_terms(text)
            .iter()
            .filter_map(|t| self.vi.get(t))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_repeated_subject_words_not_function_words() {
        let mut pairs = vec![
            ("The team won.", "Đội đã thắng."),
            ("Each team had a plan.", "Mỗi đội có một kế hoạch."),
            ("Two teams came second.", "Hai đội về nhì."),
            ("The forum opened today.", "Diễn đàn khai mạc hôm nay."),
            ("The forum ends in May.", "Diễn đàn kết thúc vào tháng 5."),
        ];
        let fillers = [
            ("The weather was cold.", "Thời tiết lạnh."),
            ("The river is long.", "Con sông dài."),
            ("The city grew fast.", "Thành phố phát triển nhanh."),
            ("The market fell.", "Thị trường giảm."),
        ];
        pairs.extend(fillers);
        let lexicon = Lexicon::learn(pairs.iter().copied());
        assert_eq!(
            lexicon.en_concepts("APCERT is a forum of response teams."),
            lexicon.vi_concepts("Diễn đàn của các đội ứng cứu.")
        );
        assert_eq!(lexicon.en_concepts("The team").len(), 1);
        assert!(lexicon.vi_concepts("Thời tiết").is_empty());
        // `the` is in every link: no concept.
        assert!(lexicon.en_concepts("the the").is_empty());
    }

    #[test]
    fn log_likelihood_ratio_of_known_tables() {
        // Independent: expected counts observed.
        assert!(log_likelihood_ratio(4.0, 8.0, 10.0, 20.0).abs() < 1e-9);
        // Repelling pairs count as nothing.
        assert_eq!(log_likelihood_ratio(0.0, 5.0, 5.0, 20.0), 0.0);
        // 3 together, 5 and 3 alone, 18 links: about 9.5 (worked by hand).
        let g2 = log_likelihood_ratio(3.0, 5.0, 3.0, 18.0);
        assert!((g2 - 9.5).abs() < 0.1, "{g2}");
    }

    #[test]
    fn too_few_links_teach_nothing() {
        let lexicon = Lexicon::learn([("The team won.", "Đội đã thắng."); 3]);
        assert!(lexicon.is_empty());
    }
}
