//! The whole check an editor runs before a release: revision drift against the memory, or
//! alignment against a Vietnamese article, then the cross-language checks on every
//! translated unit, then the project's settings (kinds switched off, severities, accepted
//! findings).

use crate::align::{self, AlignOptions};
use crate::memory::layout::{Addition, ViParagraph};
use crate::memory::{
    record::StoredUnit,
    store::{Memory, MemoryError},
};
use crate::segment::Unit;
use crate::text::normalize::normalize;

use std::collections::HashSet;

use super::accept::Accepted;
use super::checks::{self, CheckOptions, Pair, Translations};
use super::pretranslate::{self, Exact};
use super::report::{Explanation, Finding, Kind, Severity, Suggestion};
use super::revision::{self, UnitState};

/// Lowest fuzzy score offered as a suggestion for a missing unit (where CAT bands start).
pub const SUGGESTION_MIN: u8 = 50;

/// Where each current English unit stands. Serialized in `snake_case`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Translated from the current English.
    Current,
    /// Translated, but the English was edited since: the Vietnamese is out of date.
    Stale,
    /// Not translated.
    Missing,
    /// The memory records that the published translation leaves this unit out on
    /// purpose (an English-only note): nothing is published for it.
    Omitted,
}

impl Status {
    /// `current`, `stale`, `missing`, `omitted`.
    pub fn name(self) -> &'static str {
        match self {
            Status::Current => "current",
            Status::Stale => "stale",
            Status::Missing => "missing",
            Status::Omitted => "omitted",
        }
    }
}

/// The result of a check.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// One per current English unit, in order.
    pub status: Vec<Status>,
    /// The Vietnamese of each current English unit, when there is one (for stale units the
    /// old translation).
    pub vi: Vec<Option<String>>,
    /// The memory's status (`x-songngu-status`: `translated`, `reviewed`, `needs-review`)
    /// of each current English unit's translation, when it has one: what a work file
    /// sends out (and expects back) as the unit's state.
    pub vi_status: Vec<Option<String>>,
    /// Everything found, in article order.
    pub findings: Vec<Finding>,
    /// Per current English unit: translated together with the unit before it (one TU
    /// covers both, its Vietnamese is in the first unit's [`Report::vi`]), so its own
    /// Vietnamese is `None` and an export writes nothing for it.
    pub joined: Vec<bool>,
    /// Per current English unit: where the published Vietnamese paragraphs differ from the
    /// English's before its Vietnamese (recorded by `align --into`). Empty when unknown.
    pub vi_paragraph: Vec<Option<ViParagraph>>,
    /// Per current English unit: the editor's additions (Vietnamese without English)
    /// published right before its Vietnamese (only at the start of an article) and right
    /// after it. Empty when there are none.
    pub added_before: Vec<Vec<Addition>>,
    pub added_after: Vec<Vec<Addition>>,
    /// Per current English unit: the version of what the memory holds for it
    /// ([`super::version`]), for an edit to be refused when it changed since. Empty when
    /// checked against a Vietnamese article (no memory stands for the units).
    pub version: Vec<String>,
}

impl Report {
    /// The editor's additions placed in the article.
    pub fn additions(&self) -> usize {
        self.added_before
            .iter()
            .chain(&self.added_after)
            .map(Vec::len)
            .sum()
    }
}

/// Counts for the one-line summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub units: usize,
    pub current: usize,
    pub stale: usize,
    pub missing: usize,
    /// Units the published translation leaves out on purpose.
    pub omitted: usize,
    /// The editor's additions the memory places in the article (Vietnamese without
    /// English, published as they are): not findings.
    pub added: usize,
    pub orphaned: usize,
    pub extra: usize,
    /// Findings per kind (every kind with at least one), in [`Kind::ALL`] order.
    pub kinds: Vec<(Kind, usize)>,
    /// Findings that fail the check (at or above the failing severity, not accepted).
    pub failing: usize,
    /// Of [`Summary::kinds`], the findings that fail the check, per kind (the rest are
    /// information, below the failing severity, or accepted).
    pub failing_kinds: Vec<(Kind, usize)>,
    pub accepted: usize,
}

impl Report {
    /// The summary, with `fail_on` the lowest failing severity.
    pub fn summary(&self, fail_on: Severity) -> Summary {
        let count = |s: Status| self.status.iter().filter(|&&x| x == s).count();
        let of_kind = |k: Kind| self.findings.iter().filter(|f| f.kind == k).count();
        Summary {
            units: self.status.len(),
            current: count(Status::Current),
            stale: count(Status::Stale),
            missing: count(Status::Missing),
            omitted: count(Status::Omitted),
            added: self.additions(),
            orphaned: of_kind(Kind::Orphaned),
            extra: of_kind(Kind::Extra),
            kinds: Kind::ALL
                .into_iter()
                .map(|k| (k, of_kind(k)))
                .filter(|&(_, n)| n > 0)
                .collect(),
            failing: self.findings.iter().filter(|f| fails(f, fail_on)).count(),
            failing_kinds: Kind::ALL
                .into_iter()
                .map(|k| {
                    let failing = |f: &&Finding| f.kind == k && fails(f, fail_on);
                    (k, self.findings.iter().filter(failing).count())
                })
                .filter(|&(_, n)| n > 0)
                .collect(),
            accepted: self
                .findings
                .iter()
                .filter(|f| f.accepted.is_some())
                .count(),
        }
    }

    /// Whether nothing at or above `fail_on` remains.
    pub fn passes(&self, fail_on: Severity) -> bool {
        !self.findings.iter().any(|f| fails(f, fail_on))
    }

    /// Applies the project's settings: kinds switched off are dropped, severities set,
    /// accepted findings marked. A kind left at its default severity keeps each finding's
    /// own (a dropped `!` or a doubled space is information inside `punctuation`).
    pub fn apply(
        &mut self,
        severity: impl Fn(Kind) -> Option<Severity>,
        accepted: Option<&Accepted>,
    ) {
        self.findings.retain_mut(|f| match severity(f.kind) {
            Some(s) => {
                if s != f.kind.default_severity() {
                    f.severity = s;
                }
                true
            }
            None => false,
        });
        if let Some(accepted) = accepted {
            accepted.apply(&mut self.findings);
        }
    }
}

/// Whether `finding` fails a check whose failing severity is `fail_on`.
pub fn fails(finding: &Finding, fail_on: Severity) -> bool {
    finding.severity >= fail_on && finding.accepted.is_none()
}

/// The memory seen by the inconsistency check.
struct MemoryTranslations<'a>(&'a Memory);

impl Translations for MemoryTranslations<'_> {
    fn targets_of(&self, en: &str) -> Vec<String> {
        self.0
            .exact(en)
            .map(|ms| ms.into_iter().filter_map(|m| m.target).collect())
            .unwrap_or_default()
    }

    fn sources_of(&self, vi: &str) -> Vec<String> {
        self.0
            .by_target(vi)
            .map(|ms| ms.into_iter().map(|m| m.source).collect())
            .unwrap_or_default()
    }
}

/// What the memory offers for a missing unit of document `doc` (current unit ids
/// `article`) whose English is `en`: the translation its exact matches agree on, at score
/// 100 (see [`pretranslate::exact_translation`]); else the best fuzzy match of other
/// English. A TU with the same English whose translation was not taken (unconfirmed, or
/// one of several that disagree) is not offered at all: at 100 it would pass for the
/// agreed translation, and a CAT tool may take a 100% match without asking.
fn suggest(
    memory: &Memory,
    en: &str,
    doc: &str,
    article: &HashSet<&str>,
) -> Result<Option<Suggestion>, MemoryError> {
    if let Exact::One(found) = pretranslate::exact_translation(memory, en, doc, article)? {
        return Ok(Some(Suggestion {
            score: 100,
            en: en.to_owned(),
            vi: found.vi,
        }));
    }
    let same = normalize(en);
    // A few more than one: the exact matches that were not taken come first.
    let hits = memory.lookup(en, SUGGESTION_MIN, 8)?;
    Ok(hits
        .into_iter()
        .find(|m| normalize(&m.source) != same)
        .and_then(|m| {
            Some(Suggestion {
                score: m.score,
                en: m.source,
                vi: m.target.filter(|t| !t.trim().is_empty())?,
            })
        }))
}

/// Checks the current English `units` of document `doc` against the memory: revision
/// drift for every unit, cross-language checks on every current translated unit (a stale
/// unit's Vietnamese is out of date by definition, so it is reported as stale only).
pub fn against_memory(
    units: &[Unit],
    memory: &Memory,
    doc: &str,
    options: &CheckOptions,
) -> Result<Report, MemoryError> {
    let (stored, additions) = memory.document_and_additions(doc)?;
    let revision = revision::compare(units, &stored);
    against_records(
        units,
        memory,
        doc,
        options,
        (&stored, &additions),
        &revision,
    )
}

/// [`against_memory`] with the document's TUs read already and compared: `stored` as
/// [`Memory::document`] returns them, `additions` as [`Memory::document_additions`] does,
/// and `revision` what [`revision::compare`] made of `units` and `stored`. The memory
/// answers the lookups (suggestions, cross-language checks).
pub fn against_records(
    units: &[Unit],
    memory: &Memory,
    doc: &str,
    options: &CheckOptions,
    (stored, additions): (&[StoredUnit], &[StoredUnit]),
    revision: &revision::Revision,
) -> Result<Report, MemoryError> {
    // Retired TUs are not told as orphaned unless asked.
    let mut told = revision.clone();
    told.orphaned
        .retain(|&j| options.show_obsolete || !stored[j].obsolete);
    let mut lookup_error = None;
    let article: HashSet<&str> = units.iter().map(|u| u.id.as_str()).collect();
    let mut findings = revision::findings(units, stored, &told, |en| {
        suggest(memory, en, doc, &article).unwrap_or_else(|e| {
            lookup_error.get_or_insert(e);
            None
        })
    });
    if let Some(e) = lookup_error {
        return Err(e);
    }
    let mut status: Vec<Status> = Vec::with_capacity(units.len());
    let mut vi = Vec::with_capacity(units.len());
    let mut vi_status = Vec::with_capacity(units.len());
    let mut joined = Vec::with_capacity(units.len());
    // (unit, its English, its Vietnamese): the English of a TU covering several units is
    // theirs joined, checked once on its first unit.
    let mut pairs: Vec<(&Unit, String, String)> = Vec::new();
    for (i, (unit, state)) in units.iter().zip(&revision.units).enumerate() {
        let translation: Option<&StoredUnit> = state.stored().map(|j| &stored[j]);
        let is_joined = matches!(state, UnitState::Joined { .. });
        joined.push(is_joined);
        if is_joined {
            // Where the unit before stands: one TU, one state.
            status.push(status.last().copied().unwrap_or(Status::Missing));
            vi.push(None);
            vi_status.push(translation.and_then(|t| t.status.clone()));
            continue;
        }
        let text = translation
            .and_then(|t| t.vi.clone())
            .filter(|t| !t.trim().is_empty());
        vi_status.push(translation.and_then(|t| t.status.clone()));
        let en = || revision::run_text(units, i, revision::run_len(revision, i));
        match (state, &text) {
            (UnitState::Current { .. }, _) if translation.is_some_and(StoredUnit::is_omitted) => {
                status.push(Status::Omitted);
                let mut f = Finding::new(Kind::Omitted, Explanation::new("drift-omitted"));
                f.unit = Some(unit.id.clone());
                f.paragraph = Some(unit.block);
                f.en = Some(en());
                findings.push(f);
            }
            (UnitState::Current { .. }, Some(t)) => {
                status.push(Status::Current);
                if translation.is_some_and(StoredUnit::needs_review)
                    && options.enabled(Kind::NeedsReview)
                {
                    let mut f =
                        Finding::new(Kind::NeedsReview, Explanation::new("drift-needs-review"));
                    f.unit = Some(unit.id.clone());
                    f.paragraph = Some(unit.block);
                    f.en = Some(en());
                    f.vi = Some(t.clone());
                    findings.push(f);
                }
                pairs.push((unit, en(), t.clone()));
            }
            // A TU without Vietnamese (exported for translation, never filled) is missing.
            (UnitState::Current { .. }, None) => {
                status.push(Status::Missing);
                let mut f = Finding::new(Kind::Missing, Explanation::new("drift-missing"));
                f.unit = Some(unit.id.clone());
                f.paragraph = Some(unit.block);
                f.en = Some(en());
                findings.push(f);
            }
            (UnitState::Stale { .. }, _) => status.push(Status::Stale),
            (UnitState::Missing | UnitState::Joined { .. }, _) => status.push(Status::Missing),
        }
        vi.push(text);
    }
    let pair_refs: Vec<Pair> = pairs
        .iter()
        .map(|(unit, en, text)| Pair {
            unit: &unit.id,
            paragraph: Some(unit.block),
            en,
            vi: text,
        })
        .collect();
    findings.extend(checks::check_article(&pair_refs, options));
    if !options.disabled.contains(&Kind::Inconsistent) {
        findings.extend(checks::inconsistent(
            &pair_refs,
            &MemoryTranslations(memory),
        ));
    }
    let vi_paragraph = revision
        .units
        .iter()
        .map(|state| state.stored().and_then(|j| stored[j].vi_paragraph))
        .collect();
    let (added_before, added_after) =
        place_additions(units, stored, revision, additions, &mut findings);
    let version = super::version::of_units(stored, revision);
    Ok(Report {
        status,
        vi,
        vi_status,
        findings: in_article_order(findings, units),
        joined,
        vi_paragraph,
        added_before,
        added_after,
        version,
    })
}

/// Puts every addition of the memory beside the current unit it is tied to: the unit
/// whose stored TU it follows (or precedes), wherever that unit is now, else the current
/// unit of that id. An addition whose place left the article is reported `orphaned`
/// (kept in the memory; it is not published, since nothing says where it would go).
fn place_additions(
    units: &[Unit],
    stored: &[StoredUnit],
    revision: &revision::Revision,
    additions: &[StoredUnit],
    findings: &mut Vec<Finding>,
) -> (Vec<Vec<Addition>>, Vec<Vec<Addition>>) {
    let mut before = vec![Vec::new(); units.len()];
    let mut after = vec![Vec::new(); units.len()];
    if additions.is_empty() {
        return (before, after);
    }
    let mut position: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, state) in revision.units.iter().enumerate() {
        if let Some(j) = state.stored() {
            position.entry(stored[j].unit.as_str()).or_insert(i);
        }
    }
    for (i, unit) in units.iter().enumerate() {
        position.entry(unit.id.as_str()).or_insert(i);
    }
    for added in additions {
        let Some(vi) = added.vi.clone().filter(|v| !v.trim().is_empty()) else {
            continue;
        };
        let addition = Addition {
            vi,
            paragraph: added.vi_paragraph,
        };
        let place = |anchor: &Option<String>| anchor.as_deref().and_then(|a| position.get(a));
        match (place(&added.after), place(&added.before)) {
            (Some(&i), _) => after[i].push(addition),
            (None, Some(&i)) => before[i].push(addition),
            (None, None) => {
                let mut f = Finding::new(Kind::Orphaned, Explanation::new("drift-added-orphaned"));
                f.vi = Some(addition.vi);
                findings.push(f);
            }
        }
    }
    (before, after)
}

/// Checks the English `en` against a Vietnamese article `vi` directly: they are aligned
/// first; unaligned English is `missing`, unaligned Vietnamese `extra`, and every link is
/// checked (a many-to-one link as the joined sentences, reported on its first English
/// unit). With a `memory`, the pairs are also checked for consistency with it (the same
/// English translated otherwise there, or the same Vietnamese used for other English).
pub fn against_vietnamese(
    en: &[Unit],
    vi: &[Unit],
    memory: Option<&Memory>,
    options: &CheckOptions,
    align_options: &AlignOptions,
) -> Report {
    let paragraphs = |units: &[Unit]| -> Vec<Vec<String>> {
        let texts = |p: &[Unit]| {
            p.iter()
                .map(|u| crate::text::normalize::normalize(&u.text))
                .collect()
        };
        crate::segment::paragraphs(units).map(texts).collect()
    };
    let links = align::align(&paragraphs(en), &paragraphs(vi), align_options);
    let mut status = vec![Status::Missing; en.len()];
    let mut vi_of = vec![None; en.len()];
    let mut findings = Vec::new();
    let mut pairs: Vec<(usize, String, String)> = Vec::new();
    // The n-n links checked sentence by sentence: (their English unit ids, the joined
    // English, the joined Vietnamese).
    let mut sentence_by_sentence: Vec<(Vec<String>, String, String)> = Vec::new();
    let mut last_paragraph = None;
    for link in &links {
        let join = |units: &[Unit], ids: &[usize]| {
            ids.iter()
                .map(|&i| units[i].text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        };
        // A pairing the aligner doubts is reported once, and still checked as translated.
        if !link.en.is_empty()
            && !link.vi.is_empty()
            && align::low_confidence(link)
            && !options.disabled.contains(&Kind::Alignment)
        {
            findings.push(doubtful_link(link, en, vi, &join));
        }
        match (link.en.first(), link.vi.is_empty()) {
            // An n-n link (2-2) is checked sentence by sentence: a translator who keeps two
            // sentences as two rarely moves content between them, and the aligner picks 2-2
            // exactly when one of the pairs is far off in length (a sentence cut short).
            (Some(_), false) if link.en.len() == link.vi.len() && link.en.len() > 1 => {
                for (&i, &j) in link.en.iter().zip(&link.vi) {
                    status[i] = Status::Current;
                    vi_of[i] = Some(vi[j].text.clone());
                    pairs.push((i, en[i].text.clone(), vi[j].text.clone()));
                }
                last_paragraph = Some(en[link.en[0]].block);
                sentence_by_sentence.push((
                    link.en.iter().map(|&i| en[i].id.clone()).collect(),
                    join(en, &link.en),
                    join(vi, &link.vi),
                ));
            }
            (Some(&first), false) => {
                let vi_text = join(vi, &link.vi);
                for &i in &link.en {
                    status[i] = Status::Current;
                    vi_of[i] = Some(vi_text.clone());
                }
                last_paragraph = Some(en[first].block);
                pairs.push((first, join(en, &link.en), vi_text));
            }
            (Some(&first), true) => {
                let unit = &en[first];
                let mut f = Finding::new(Kind::Missing, Explanation::new("drift-missing"));
                f.unit = Some(unit.id.clone());
                f.paragraph = Some(unit.block);
                f.en = Some(unit.text.clone());
                last_paragraph = Some(unit.block);
                findings.push(f);
            }
            (None, _) => {
                for &j in &link.vi {
                    let unit = &vi[j];
                    let mut f = Finding::new(Kind::Extra, Explanation::new("drift-extra"));
                    f.unit = Some(unit.id.clone());
                    f.paragraph = last_paragraph;
                    f.vi = Some(unit.text.clone());
                    findings.push(f);
                }
            }
        }
    }
    let pair_refs: Vec<Pair> = pairs
        .iter()
        .map(|(i, en_text, vi_text)| Pair {
            unit: &en[*i].id,
            paragraph: Some(en[*i].block),
            en: en_text,
            vi: vi_text,
        })
        .collect();
    let mut checked = checks::check_article(&pair_refs, options);
    content_moved_within(&mut checked, &sentence_by_sentence, options);
    findings.extend(checked);
    if let Some(memory) = memory
        && !options.disabled.contains(&Kind::Inconsistent)
    {
        findings.extend(checks::inconsistent(
            &pair_refs,
            &MemoryTranslations(memory),
        ));
    }
    Report {
        joined: vec![false; en.len()],
        vi_status: vec![None; en.len()],
        status,
        vi: vi_of,
        findings: in_article_order(findings, en),
        ..Report::default()
    }
}

/// The `alignment` finding of a two-sided link the aligner doubts (see
/// [`align::low_confidence`]), on its first English unit.
fn doubtful_link(
    link: &align::Link,
    en: &[Unit],
    vi: &[Unit],
    join: &dyn Fn(&[Unit], &[usize]) -> String,
) -> Finding {
    let confidence = format!("{:.2}", link.confidence);
    let explanation = if link.en.len() == 1 && link.vi.len() == 1 {
        Explanation::new("drift-alignment").arg("confidence", confidence)
    } else {
        Explanation::new("drift-alignment-merge")
            .arg("confidence", confidence)
            .arg("en", link.en.len().to_string())
            .arg("vi", link.vi.len().to_string())
    };
    let unit = &en[link.en[0]];
    let mut f = Finding::new(Kind::Alignment, explanation);
    f.unit = Some(unit.id.clone());
    f.paragraph = Some(unit.block);
    f.en = Some(join(en, &link.en));
    f.vi = Some(join(vi, &link.vi));
    f
}

/// The content of an n-n link (numbers, dates, times, names, addresses) is checked on
/// the link as a whole: a translator may move `3 hours and 12 minutes` from one sentence
/// to the other. A content finding on one of its sentences stands only when the joined
/// texts also disagree on that kind; the form of each sentence (punctuation, markup,
/// length) stays checked one by one.
fn content_moved_within(
    findings: &mut Vec<Finding>,
    links: &[(Vec<String>, String, String)],
    options: &CheckOptions,
) {
    const CONTENT: [Kind; 5] = [Kind::Number, Kind::Date, Kind::Time, Kind::Name, Kind::Url];
    for (units, en, vi) in links {
        let joined = checks::check_pair(
            &Pair {
                unit: &units[0],
                paragraph: None,
                en,
                vi,
            },
            options,
        );
        findings.retain(|f| {
            !(CONTENT.contains(&f.kind)
                && f.unit.as_ref().is_some_and(|u| units.contains(u))
                && !joined.iter().any(|j| j.kind == f.kind))
        });
    }
}

/// Sorts findings by the position of their unit in the article (stable: findings of one
/// unit keep their order; findings without a known unit stay after the unit before them).
fn in_article_order(findings: Vec<Finding>, units: &[Unit]) -> Vec<Finding> {
    let position: std::collections::HashMap<&str, usize> = units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.as_str(), i))
        .collect();
    let mut keyed: Vec<(usize, usize, Finding)> = Vec::with_capacity(findings.len());
    let mut last = 0;
    for (n, f) in findings.into_iter().enumerate() {
        let at = f
            .unit
            .as_deref()
            .and_then(|u| position.get(u).copied())
            .filter(|_| f.kind != Kind::Orphaned && f.kind != Kind::Extra)
            .unwrap_or(last);
        last = at;
        keyed.push((at, n, f));
    }
    keyed.sort_by_key(|&(at, n, _)| (at, n));
    keyed.into_iter().map(|(_, _, f)| f).collect()
}
