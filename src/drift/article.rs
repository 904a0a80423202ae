//! The checked article: what a check found for every unit of an English article. The
//! one model that a release, the XLIFF work file and the review page are made from.

use std::collections::HashMap;

use super::check::{Report, Status, fails};
use super::{Finding, Kind, Severity};
use crate::document::Document;
use crate::memory::layout::{Addition, ViParagraph};
use crate::segment::Unit;

/// An English article checked against its Vietnamese (in the memory or beside it).
#[derive(Debug, Clone)]
pub struct CheckedArticle {
    /// The document id in the memory; `None` when checked against a Vietnamese article.
    pub doc: Option<String>,
    pub document: Document,
    /// The article's units, in document order.
    pub units: Vec<Unit>,
    pub report: Report,
    /// The lowest severity that fails the check.
    pub fail_on: Severity,
}

impl CheckedArticle {
    /// Whether nothing at or above the failing severity remains open.
    pub fn passes(&self) -> bool {
        self.report.passes(self.fail_on)
    }

    /// Every unit with its Vietnamese, its status, and the cross-language findings about
    /// it (drift findings such as `stale` are already in the status). A stale or missing
    /// unit's drift passes when its finding is accepted or below the failing severity, or
    /// when the report has none (the project switched the kind off)
    /// ([`CheckedUnit::drift_passes`]).
    pub fn units(&self) -> Vec<CheckedUnit<'_>> {
        checked_units(&self.units, &self.report, self.fail_on)
    }

    /// The version of what the memory holds for the unit `finding` is about (see
    /// [`CheckedUnit::version`]); `None` for a finding on no current unit (orphaned,
    /// extra) and when checked against a Vietnamese article.
    pub fn version_of(&self, finding: &Finding) -> Option<&str> {
        if matches!(finding.kind, Kind::Orphaned | Kind::Extra) {
            return None;
        }
        let unit = finding.unit.as_deref()?;
        let order = self.units.iter().position(|u| u.id == unit)?;
        self.report.version.get(order).map(String::as_str)
    }
}

/// [`CheckedArticle::units`] of the article's `units` checked in `report`.
pub fn checked_units<'a>(
    units: &'a [Unit],
    report: &'a Report,
    fail_on: Severity,
) -> Vec<CheckedUnit<'a>> {
    let mut cross: HashMap<&str, Vec<&Finding>> = HashMap::new();
    let mut drift: HashMap<&str, &Finding> = HashMap::new();
    for finding in &report.findings {
        let Some(unit) = finding.unit.as_deref() else {
            continue;
        };
        match finding.kind {
            Kind::Stale | Kind::Missing => {
                drift.entry(unit).or_insert(finding);
            }
            Kind::Orphaned | Kind::Extra => {}
            _ => cross.entry(unit).or_default().push(finding),
        }
    }
    let per_unit = units.iter().zip(&report.status).zip(&report.vi);
    per_unit
        .enumerate()
        .map(|(i, ((unit, &status), vi))| {
            let mut checked = CheckedUnit::new(unit, vi.clone(), status);
            checked.joined = report.joined.get(i).copied().unwrap_or(false);
            checked.vi_status = report.vi_status.get(i).cloned().flatten();
            checked.vi_paragraph = report.vi_paragraph.get(i).copied().flatten();
            checked.added_before = report.added_before.get(i).cloned().unwrap_or_default();
            checked.added_after = report.added_after.get(i).cloned().unwrap_or_default();
            checked.version = report.version.get(i).cloned();
            checked.findings = cross.remove(unit.id.as_str()).unwrap_or_default();
            checked.drift = drift.get(unit.id.as_str()).copied();
            checked.drift_passes = checked.drift.is_none_or(|f| !fails(f, fail_on));
            checked
        })
        .collect()
}

/// One English unit of a checked article and what a release publishes for it.
#[derive(Debug, Clone)]
pub struct CheckedUnit<'a> {
    /// The English unit, one of [`segment_document`](crate::segment::segment_document)'s
    /// units of [`CheckedArticle::document`].
    pub unit: &'a Unit,
    /// Its Vietnamese, inline Markdown included as the translator wrote it. Used whenever
    /// it is present and not blank, whatever the status; surrounding white space is
    /// dropped.
    pub vi: Option<String>,
    pub status: Status,
    /// Cross-language findings about this unit (accepted ones included: they are shown as
    /// accepted and do not hold a release back).
    pub findings: Vec<&'a Finding>,
    /// Whether the drift check lets this unit's drift through: its `stale` or `missing`
    /// finding is accepted or below the failing severity, or the project switched that
    /// kind off. A stale or missing unit whose drift does not pass holds the release back
    /// unless the release allows drift; either way the bilingual formats mark it. `false`
    /// from [`CheckedUnit::new`]; set by [`CheckedArticle::units`].
    pub drift_passes: bool,
    /// The unit's `stale` or `missing` finding, if the check reported one: the old
    /// English of a stale unit, the suggestion for a missing one.
    pub drift: Option<&'a Finding>,
    /// The memory's status of the unit's translation (`translated`, `reviewed`,
    /// `needs-review`), when it has one.
    pub vi_status: Option<String>,
    /// Translated together with the unit before it: that unit's Vietnamese covers both, so
    /// nothing is published for this one and its status is the run's. `false` from
    /// [`CheckedUnit::new`].
    pub joined: bool,
    /// Where the published Vietnamese paragraphs differ from the English's before this
    /// unit's Vietnamese (`None` from [`CheckedUnit::new`]: the English layout).
    pub vi_paragraph: Option<ViParagraph>,
    /// The editor's additions published right before this unit's Vietnamese (only at the
    /// start of an article) and right after it (empty from [`CheckedUnit::new`]).
    pub added_before: Vec<Addition>,
    pub added_after: Vec<Addition>,
    /// The version of what the memory holds for this unit ([`crate::drift::version`]):
    /// what an edit of it hands back as the version it saw (`expected`), so that a change
    /// made meanwhile refuses the edit instead of being overwritten. `None` when checked
    /// against a Vietnamese article, and from [`CheckedUnit::new`].
    pub version: Option<String>,
}

impl<'a> CheckedUnit<'a> {
    /// A unit without findings.
    pub fn new(unit: &'a Unit, vi: Option<String>, status: Status) -> CheckedUnit<'a> {
        CheckedUnit {
            unit,
            vi,
            status,
            findings: Vec::new(),
            drift_passes: false,
            drift: None,
            vi_status: None,
            joined: false,
            vi_paragraph: None,
            added_before: Vec::new(),
            added_after: Vec::new(),
            version: None,
        }
    }

    /// The Vietnamese that is published: [`CheckedUnit::vi`] trimmed, `None` when absent
    /// or blank.
    pub fn translation(&self) -> Option<&str> {
        self.vi.as_deref().map(str::trim).filter(|t| !t.is_empty())
    }

    /// The status as published: [`Status::Missing`] whenever there is no translation,
    /// but for a unit left out on purpose or translated with the one before.
    pub fn state(&self) -> Status {
        if self.translation().is_none() && !self.joined && self.status != Status::Omitted {
            Status::Missing
        } else {
            self.status
        }
    }

    /// Whether the bilingual formats mark this unit: not current, or with findings.
    pub fn is_flagged(&self) -> bool {
        self.state() != Status::Current || !self.findings.is_empty()
    }

    /// Whether the Vietnamese publishes nothing for this unit: it is left out on purpose,
    /// or the unit before's translation covers it.
    pub fn is_left_out(&self) -> bool {
        self.joined || self.state() == Status::Omitted
    }

    /// Whether this unit is stale or missing and the check does not let that through
    /// ([`CheckedUnit::drift_passes`]).
    pub fn has_open_drift(&self) -> bool {
        !matches!(self.state(), Status::Current | Status::Omitted) && !self.drift_passes
    }

    /// Findings that hold a release back: not accepted, and at least `fail_on`.
    pub fn open_findings(&self, fail_on: Severity) -> impl Iterator<Item = &&'a Finding> {
        self.findings.iter().filter(move |f| fails(f, fail_on))
    }
}
