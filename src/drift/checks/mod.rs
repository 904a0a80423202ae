//! Cross-language checks: where a Vietnamese unit says something its English does not.
//!
//! Each check compares one English unit (a sentence, possibly with raw Markdown inline
//! markup such as `**bold**`, `[text](https://x)` or `` `code` ``) with its Vietnamese
//! translation and returns [`Finding`]s whose [`Explanation`] is a Fluent message id
//! (`check-<kind>-<detail>`) with its arguments. The checks are meant to be quiet on a
//! faithful translation: they only require what Vietnamese keeps.
//!
//! | kind | what is compared |
//! | --- | --- |
//! | `number` | numbers, locale-aware (`1,200` = `1.200`, `3.5` = `3,5`, `$2 million` = `2 triệu USD`) |
//! | `date` | dates (`November 27, 2019` = `27/11/2019` = `ngày 27 tháng 11 năm 2019`) |
//! | `time` | times of day (`2:30 pm` = `14h30` = `14:30`) |
//! | `name` | acronyms, names spelled like Vietnamese syllables, glossary terms |
//! | `url` | URLs and e-mail addresses in the text |
//! | `same_as_source` | English prose left untranslated |
//! | `normalization` | Vietnamese not in NFC; old and new tone placement mixed in an article |
//! | `punctuation` | a question or exclamation lost, unbalanced quotes or brackets, double spaces |
//! | `inconsistent` | one English translated two ways, one Vietnamese for two English |
//! | `length` | a translation far shorter or longer than the length model expects |
//! | `tag` | inline markup: link targets, emphasis, code spans, HTML tags |
//!
//! [`check_pair`] runs the checks of one pair, [`check_article`] those of every pair of an
//! article plus the checks that need the whole article, and [`inconsistent`] compares the
//! pairs with the rest of a translation memory through the [`Translations`] trait.
//!
//! ```
//! use songngu::drift::checks::{check_pair, CheckOptions, Pair};
//! use songngu::drift::Kind;
//!
//! let pair = Pair {
//!     unit: "u1",
//!     paragraph: Some(2),
//!     en: "On November 27, 2019, 1,200 guests came to Hanoi.",
//!     vi: "Ngày 27/11/2019, 1.300 khách mời đã đến Hà Nội.",
//! };
//! let findings = check_pair(&pair, &CheckOptions::default());
//! assert_eq!(findings.len(), 1);
//! assert_eq!(findings[0].kind, Kind::Number);
//! assert_eq!(findings[0].explanation.id, "check-number-differs");
//! ```

mod consistency;
mod currency;
mod known_names;
mod length;
mod markup;
mod names;
mod normalization;
mod numbers;
mod punctuation;
mod syllable;
mod untranslated;
mod urls;

use std::borrow::Cow;
use std::collections::HashMap;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::report::{Explanation, Finding, Kind, Severity};
use crate::text::Lang;
use crate::text::anchors::{Key, UrlReading, Word};
use crate::text::tokens::{Token, TokenKind, tokens};
use crate::text::{Glossary, LengthModel};

/// Every message id the checks produce (`check-<kind>-<detail>`), each defined in both
/// `locales/en-US/songngu.ftl` and `locales/vi/songngu.ftl`, with its arguments:
///
/// | id | arguments |
/// | --- | --- |
/// | `check-number-missing`, `check-number-extra` | `number` (as written) |
/// | `check-number-differs`, `check-date-differs`, `check-time-differs` | `en`, `vi` (as written) |
/// | `check-number-currency-missing` | `currency` (codes, comma-separated) |
/// | `check-number-currency-differs` | `en`, `vi` (currency codes, comma-separated) |
/// | `check-date-missing`, `check-date-extra` | `date` |
/// | `check-time-missing`, `check-time-extra` | `time` |
/// | `check-name-missing` | `name` |
/// | `check-name-glossary` | `term`, `translation` (the glossary's, as written) |
/// | `check-name-world-missing` | `name` (the English), `expected` (its usual Vietnamese) |
/// | `check-name-world-differs` | `en`, `expected`, `vi` (what the Vietnamese has), `meaning` (its English name) |
/// | `check-name-world-extra` | `name` (the Vietnamese), `meaning` (its English name) |
/// | `check-url-missing`, `check-url-extra` | `url` |
/// | `check-url-differs` | `en`, `vi` |
/// | `check-same-as-source` | none |
/// | `check-same-as-source-partial` | `share` (percent of the Vietnamese words copied from the English) |
/// | `check-normalization-nfc` | none |
/// | `check-normalization-tone-mix` | `words` (this unit's), `preferred` (the article's spelling) |
/// | `check-punctuation-question`, `check-punctuation-exclamation`, `check-punctuation-double-space` | none |
/// | `check-punctuation-unbalanced` | `marks` (`( )`, `“ ”`, `"`…) |
/// | `check-punctuation-final-stop` | none |
/// | `check-inconsistent-target` | `other` (the other Vietnamese), `unit` (where) |
/// | `check-inconsistent-source` | `other` (the other English), `unit` |
/// | `check-inconsistent-memory-target`, `check-inconsistent-memory-source` | `other` (one of them), `count` (how many) |
/// | `check-length-short`, `check-length-long` | `en`, `vi` (characters), `expected` (Vietnamese characters) |
/// | `check-tag-link-missing`, `check-tag-link-extra` | `target` |
/// | `check-tag-link-differs` | `en`, `vi` |
/// | `check-tag-code-missing`, `check-tag-code-extra` | `code` |
/// | `check-tag-emphasis` | `markup` (`**`, `*`, `~~`), `en`, `vi` (counts) |
/// | `check-tag-html-missing`, `check-tag-html-extra` | `tag` |
pub const MESSAGE_IDS: &[&str] = &[
    "check-number-missing",
    "check-number-extra",
    "check-number-differs",
    "check-number-currency-missing",
    "check-number-currency-differs",
    "check-date-missing",
    "check-date-extra",
    "check-date-differs",
    "check-time-missing",
    "check-time-extra",
    "check-time-differs",
    "check-name-missing",
    "check-name-glossary",
    "check-name-world-missing",
    "check-name-world-differs",
    "check-name-world-extra",
    "check-url-missing",
    "check-url-extra",
    "check-url-differs",
    "check-same-as-source",
    "check-same-as-source-partial",
    "check-normalization-nfc",
    "check-normalization-tone-mix",
    "check-punctuation-question",
    "check-punctuation-exclamation",
    "check-punctuation-unbalanced",
    "check-punctuation-double-space",
    "check-punctuation-final-stop",
    "check-inconsistent-target",
    "check-inconsistent-source",
    "check-inconsistent-memory-target",
    "check-inconsistent-memory-source",
    "check-length-short",
    "check-length-long",
    "check-tag-link-missing",
    "check-tag-link-extra",
    "check-tag-link-differs",
    "check-tag-code-missing",
    "check-tag-code-extra",
    "check-tag-emphasis",
    "check-tag-html-missing",
    "check-tag-html-extra",
];

/// One English unit and its Vietnamese translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair<'a> {
    /// The unit's id, copied into the findings.
    pub unit: &'a str,
    /// The paragraph (block index) the unit is in, copied into the findings.
    pub paragraph: Option<usize>,
    pub en: &'a str,
    pub vi: &'a str,
}

/// What the checks use besides the texts.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Term pairs: when an English term occurs in a unit, its Vietnamese must occur in
    /// the translation (`name` findings).
    pub glossary: Option<Glossary>,
    /// The length model of the `length` check; the default is calibrated for English →
    /// Vietnamese.
    pub length: LengthModel,
    /// Kinds switched off: no finding of these kinds is returned.
    pub disabled: Vec<Kind>,
    /// List the retired TUs of the document (see
    /// [`crate::memory::record::props::OBSOLETE`]) as `orphaned` too.
    pub show_obsolete: bool,
}

/// Whether `kind` is a state of revision drift rather than a cross-language check.
fn is_revision(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Stale
            | Kind::Missing
            | Kind::Orphaned
            | Kind::Extra
            | Kind::Omitted
            | Kind::NeedsReview
    )
}

impl CheckOptions {
    /// Only where each unit stands against the memory (stale, missing...): every
    /// cross-language check off, for callers that need the states and not the findings.
    pub fn revision_only() -> CheckOptions {
        CheckOptions {
            disabled: Kind::ALL.into_iter().filter(|&k| !is_revision(k)).collect(),
            ..CheckOptions::default()
        }
    }

    pub(crate) fn enabled(&self, kind: Kind) -> bool {
        !self.disabled.contains(&kind)
    }
}

/// Other translations known for a text, supplied by the caller (usually from the
/// translation memory) so that the checks do not depend on the store.
pub trait Translations {
    /// The Vietnamese translations of `en` (compared after
    /// [`normalize`](crate::text::normalize::normalize)).
    fn targets_of(&self, en: &str) -> Vec<String>;
    /// The English sources translated as `vi` (compared after
    /// [`normalize`](crate::text::normalize::normalize)).
    fn sources_of(&self, vi: &str) -> Vec<String>;
}

/// Runs every enabled check on one pair.
pub fn check_pair(pair: &Pair, options: &CheckOptions) -> Vec<Finding> {
    let (en, vi) = (Side::new(pair.en, Lang::En), Side::new(pair.vi, Lang::Vi));
    let mut sink = Sink::new(pair, options);
    run_pair(pair, &en, &vi, options, &mut sink);
    sink.findings
}

/// Runs [`check_pair`] on every pair, plus the checks that look at the whole article:
/// the mix of old and new tone placement (`normalization`) and the same English
/// translated differently, or the same Vietnamese used for different English, inside
/// the article (`inconsistent`). Findings come in the order of the pairs; the findings of
/// one pair are ordered by kind.
pub fn check_article(pairs: &[Pair], options: &CheckOptions) -> Vec<Finding> {
    // Reading both sides of every pair is most of the cost: not when no check would look.
    if Kind::ALL
        .into_iter()
        .all(|k| is_revision(k) || !options.enabled(k))
    {
        return Vec::new();
    }
    let sides: Vec<(Side, Side)> = pairs
        .iter()
        .map(|p| (Side::new(p.en, Lang::En), Side::new(p.vi, Lang::Vi)))
        .collect();
    let mut per_pair: Vec<Vec<Finding>> = pairs
        .iter()
        .zip(&sides)
        .map(|(pair, (en, vi))| {
            let mut sink = Sink::new(pair, options);
            run_pair(pair, en, vi, options, &mut sink);
            sink.findings
        })
        .collect();
    // An organisation the Vietnamese names where the English says `the fund` or `its` is
    // no addition when the English article names it elsewhere.
    let english: Vec<&str> = pairs.iter().map(|p| p.en).collect();
    for findings in &mut per_pair {
        findings.retain(|f| !known_names::named_elsewhere(&f.explanation, &english));
    }
    if options.enabled(Kind::Normalization) {
        let vi: Vec<&Side> = sides.iter().map(|(_, v)| v).collect();
        for (i, explanation) in normalization::tone_mix(&vi) {
            per_pair[i].push(finding(&pairs[i], Kind::Normalization, explanation));
        }
    }
    if options.enabled(Kind::Inconsistent) {
        for (i, explanation) in consistency::within(pairs, &sides) {
            per_pair[i].push(finding(&pairs[i], Kind::Inconsistent, explanation));
        }
    }
    per_pair
        .into_iter()
        .flat_map(|mut f| {
            f.sort_by_key(|f| f.kind);
            f
        })
        .collect()
}

/// Memory-wide inconsistency: for each pair, the other Vietnamese translations the memory
/// knows for its English, and the other English sources it knows for its Vietnamese.
///
/// A translation that differs from the pair's only in Unicode normalization, spacing or
/// tone placement (`hòa` / `hoà`) is the same translation; an English source that differs
/// only in case or punctuation is the same source.
pub fn inconsistent(pairs: &[Pair], memory: &dyn Translations) -> Vec<Finding> {
    // A pair repeated in the article asks the memory once: each question reads every TU of
    // that English from disk, so asking it per copy would cost copies × TUs.
    let mut answered: HashMap<(&str, &str), Vec<Explanation>> = HashMap::new();
    let mut out = Vec::new();
    let article = consistency::ArticleKeys::of(pairs);
    for pair in pairs {
        let explanations = answered
            .entry((pair.en, pair.vi))
            .or_insert_with(|| consistency::with_memory(pair, memory, &article));
        for explanation in explanations.iter() {
            out.push(finding(pair, Kind::Inconsistent, explanation.clone()));
        }
    }
    out
}

/// A finding about `pair`.
fn finding(pair: &Pair, kind: Kind, explanation: Explanation) -> Finding {
    let mut f = Finding::new(kind, explanation);
    f.unit = Some(pair.unit.to_string());
    f.paragraph = pair.paragraph;
    f.en = Some(pair.en.to_string());
    f.vi = Some(pair.vi.to_string());
    f
}

/// Collects the findings of one pair, dropping disabled kinds.
struct Sink<'p, 'o> {
    pair: &'p Pair<'p>,
    options: &'o CheckOptions,
    findings: Vec<Finding>,
}

impl<'p, 'o> Sink<'p, 'o> {
    fn new(pair: &'p Pair<'p>, options: &'o CheckOptions) -> Self {
        Sink {
            pair,
            options,
            findings: Vec::new(),
        }
    }

    fn push(&mut self, kind: Kind, explanation: Explanation) {
        if self.options.enabled(kind) {
            self.findings.push(finding(self.pair, kind, explanation));
        }
    }

    /// A finding at `severity` rather than its kind's default: a style matter inside a
    /// kind whose other findings need a look.
    fn push_at(&mut self, kind: Kind, severity: Severity, explanation: Explanation) {
        if self.options.enabled(kind) {
            let mut f = finding(self.pair, kind, explanation);
            f.severity = severity;
            self.findings.push(f);
        }
    }

    fn wants(&self, kind: Kind) -> bool {
        self.options.enabled(kind)
    }
}

fn run_pair(pair: &Pair, en: &Side, vi: &Side, options: &CheckOptions, sink: &mut Sink) {
    if sink.wants(Kind::Number) || sink.wants(Kind::Date) || sink.wants(Kind::Time) {
        numbers::check(en, vi, sink);
    }
    if sink.wants(Kind::Number) {
        currency::check(en, vi, sink);
    }
    if sink.wants(Kind::Name) {
        names::check(en, vi, options.glossary.as_ref(), sink);
    }
    if sink.wants(Kind::Url) {
        urls::check(en, vi, sink);
    }
    if sink.wants(Kind::SameAsSource) {
        untranslated::check(en, vi, sink);
    }
    if sink.wants(Kind::Normalization) {
        normalization::check_nfc(pair.vi, sink);
    }
    if sink.wants(Kind::Punctuation) {
        punctuation::check(en, vi, sink);
    }
    if sink.wants(Kind::Length) {
        length::check(en, vi, &options.length, sink);
    }
    if sink.wants(Kind::Tag) {
        markup::check(en, vi, sink);
    }
}

/// One side of a pair, read once for all checks.
struct Side<'t> {
    lang: Lang,
    /// The text in NFC.
    text: Cow<'t, str>,
    /// Its inline markup, URLs and e-mail addresses, and the text without them.
    markup: markup::Markup,
    /// The tokens of the clean text (see [`Side::clean`]).
    tokens: Vec<Token>,
    /// For each token, its word folded for comparison with key words (empty for
    /// punctuation).
    keys: Vec<Key>,
}

impl<'t> Side<'t> {
    fn new(text: &'t str, lang: Lang) -> Side<'t> {
        let text: Cow<str> = if is_nfc_quick(text.chars()) == IsNormalized::Yes {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(text.nfc().collect())
        };
        let markup = markup::scan(&text);
        let tokens: Vec<Token> = tokens(&markup.clean).collect();
        let keys = tokens
            .iter()
            .map(|t| match t.kind {
                TokenKind::Word => Key::of(&markup.clean[t.range.clone()]),
                TokenKind::Punct => Key::of(""),
            })
            .collect();
        Side {
            lang,
            text,
            markup,
            tokens,
            keys,
        }
    }

    /// The text with markup, URLs and e-mail addresses replaced by spaces, byte for byte:
    /// what the number, name and punctuation checks read. Spans in it are spans in
    /// [`Side::text`].
    fn clean(&self) -> &str {
        &self.markup.clean
    }

    /// URLs and e-mail addresses outside markup.
    fn urls(&self) -> &[UrlReading] {
        &self.markup.urls
    }

    /// The words of the clean text as the number reader sees them.
    fn words(&self) -> Vec<Word<'_>> {
        let clean = self.clean();
        self.tokens
            .iter()
            .zip(&self.keys)
            .filter(|(t, _)| t.kind == TokenKind::Word)
            .map(|(t, k)| {
                let raw = &clean[t.range.clone()];
                Word {
                    raw,
                    folded: *k,
                    digit: raw.starts_with(|c: char| c.is_ascii_digit()),
                    range: t.range.clone(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
