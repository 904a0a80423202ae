//! The release model: the English article and what is published for each of its units.

use serde::{Deserialize, Serialize};

use super::ExportError;
use super::error::UnitProblem;
use crate::document::{Block, Document};
use crate::drift::check::Status;
use crate::drift::{CheckedArticle, CheckedUnit, Severity};

/// What is released: the English article, its units in document order and their
/// Vietnamese.
#[derive(Debug, Clone)]
pub struct Release<'a> {
    /// The document id (as in the memory's `x-songngu-doc` prop).
    pub doc_id: String,
    pub en: &'a Document,
    /// Every unit of the English, in document order (as
    /// [`segment_document`](crate::segment::segment_document) gives them). A block with
    /// no unit at all stays English and counts as missing.
    pub units: Vec<CheckedUnit<'a>>,
    /// Whether drift (stale or missing units, open findings) may be released; recorded in
    /// the manifest.
    pub allow_drift: bool,
    /// The lowest severity of an open finding (the project's `check.fail_on`).
    pub fail_on: Severity,
}

/// How many units of a release are in each state. Serialized in the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct UnitCounts {
    /// Every unit of the release.
    pub total: usize,
    /// Translated from the current English.
    pub current: usize,
    /// Translated from an older English.
    pub stale: usize,
    /// Not translated: the English is published in their place.
    pub missing: usize,
    /// Left out of the translation on purpose: nothing is published for them.
    #[serde(default)]
    pub omitted: usize,
    /// Of the stale and missing units, those whose drift the check lets through
    /// ([`CheckedUnit::drift_passes`]): released without [`Release::allow_drift`], and
    /// marked all the same.
    pub drift_passed: usize,
    /// Units with at least one finding (accepted or not).
    pub with_findings: usize,
    /// Findings on units that are neither accepted nor information.
    pub open_findings: usize,
    /// Blocks of the article without any unit: published in English.
    pub blocks_without_units: usize,
}

impl UnitCounts {
    /// Whether anything of the release is drift that the check does not let through:
    /// stale or missing units but those whose drift passes, open findings, blocks without
    /// units.
    pub fn has_drift(&self) -> bool {
        (self.stale + self.missing).saturating_sub(self.drift_passed)
            + self.open_findings
            + self.blocks_without_units
            > 0
    }
}

impl<'a> Release<'a> {
    /// The release of a checked article: every unit as the check left it.
    pub fn of(checked: &'a CheckedArticle, allow_drift: bool) -> Release<'a> {
        Release {
            doc_id: checked.doc.clone().unwrap_or_default(),
            en: &checked.document,
            units: checked.units(),
            allow_drift,
            fail_on: checked.fail_on,
        }
    }

    /// Checks that the release can be exported: every unit belongs to [`Release::en`]
    /// (its block exists, its range lies inside that block and holds its text, units in
    /// order without overlap), and there is no drift the check does not let through
    /// ([`UnitCounts::has_drift`]) unless [`Release::allow_drift`]. Every writer calls
    /// this first.
    pub fn check(&self) -> Result<(), ExportError> {
        let doc = self.en;
        let mut previous_end = 0;
        for (index, release_unit) in self.units.iter().enumerate() {
            let unit = release_unit.unit;
            let problem = match doc.blocks.get(unit.block) {
                None => Some(UnitProblem::NoSuchBlock),
                Some(block) => {
                    if unit.start >= unit.end
                        || unit.start < block.range.start
                        || unit.end > block.range.end
                    {
                        Some(UnitProblem::OutsideItsBlock)
                    } else if unit.start < previous_end {
                        Some(UnitProblem::OutOfOrder)
                    } else if doc.text.get(unit.start..unit.end) != Some(unit.text.as_str()) {
                        Some(UnitProblem::TextDiffers)
                    } else {
                        None
                    }
                }
            };
            if let Some(problem) = problem {
                return Err(ExportError::InvalidUnit {
                    path: doc.path.clone(),
                    index,
                    unit: unit.id.clone(),
                    problem,
                });
            }
            previous_end = unit.end;
        }
        let counts = self.counts();
        if counts.has_drift() && !self.allow_drift {
            let open = |state: Status| {
                self.units
                    .iter()
                    .filter(|u| u.state() == state && u.has_open_drift())
                    .count()
            };
            return Err(ExportError::Drift {
                doc: self.doc_id.clone(),
                stale: open(Status::Stale),
                missing: open(Status::Missing) + counts.blocks_without_units,
                findings: counts.open_findings,
            });
        }
        Ok(())
    }

    /// The units counted by state.
    pub fn counts(&self) -> UnitCounts {
        let mut counts = UnitCounts {
            total: self.units.len(),
            ..UnitCounts::default()
        };
        let mut covered = 0usize;
        let mut last_block = None;
        for unit in &self.units {
            match unit.state() {
                Status::Current => counts.current += 1,
                Status::Stale => counts.stale += 1,
                Status::Missing => counts.missing += 1,
                Status::Omitted => counts.omitted += 1,
            }
            if matches!(unit.state(), Status::Stale | Status::Missing) && unit.drift_passes {
                counts.drift_passed += 1;
            }
            if !unit.findings.is_empty() {
                counts.with_findings += 1;
            }
            counts.open_findings += unit.open_findings(self.fail_on).count();
            if last_block != Some(unit.unit.block) {
                covered += 1;
                last_block = Some(unit.unit.block);
            }
        }
        counts.blocks_without_units = self.en.blocks.len().saturating_sub(covered);
        counts
    }

    /// Whether any unit is flagged, or any block has no unit.
    pub fn has_flags(&self) -> bool {
        self.units.iter().any(CheckedUnit::is_flagged) || self.counts().blocks_without_units > 0
    }

    /// One view per block of the document, in order, with the units inside it. Expects a
    /// checked release.
    pub(crate) fn block_views(&self) -> Vec<BlockView<'_, 'a>> {
        let mut views = Vec::with_capacity(self.en.blocks.len());
        let mut at = 0;
        for (index, block) in self.en.blocks.iter().enumerate() {
            let start = at;
            while self.units.get(at).is_some_and(|u| u.unit.block == index) {
                at += 1;
            }
            views.push(BlockView {
                index,
                block,
                units: &self.units[start..at],
            });
        }
        views
    }
}

/// A block of the English and the units of the release inside it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BlockView<'r, 'a> {
    pub(crate) index: usize,
    pub(crate) block: &'a Block,
    pub(crate) units: &'r [CheckedUnit<'a>],
}
