//! Export: what a release of an article is made of.
//!
//! Every format reads one model, a [`Release`]: the English [`Document`], its sentence
//! [`Unit`]s in document order, and for each unit its Vietnamese (if any), its drift
//! status and the cross-language findings about it. One file per format, each writing to
//! any [`std::io::Write`]:
//!
//! | module        | output                                                           |
//! |---------------|------------------------------------------------------------------|
//! | [`vi`]        | the Vietnamese article, in the English's format and encoding     |
//! | [`html`]      | `bilingual-html`: one self-contained page, English beside Vietnamese |
//! | [`markdown`]  | `bilingual-md`: each English block followed by its Vietnamese    |
//! | [`tmx`]       | the release's translation units as TMX 1.4b                      |
//! | [`xliff`]     | the units of a checked article as an XLIFF work file             |
//! | [`manifest`]  | `manifest.json` of a release folder                              |
//! | [`release`]   | all of the above written into a folder atomically                |
//!
//! ```
//! use std::path::Path;
//! use songngu::document::{Document, ReadOptions};
//! use songngu::export::{vi, Release, ReleaseUnit, UnitStatus};
//! use songngu::segment::{segment_document, Segmenter};
//! use songngu::text::Lang;
//!
//! let en = Document::from_bytes(Path::new("flood.en.md"),
//!     b"# Flood warning\n\nRivers are **rising**. Stay home.\n", ReadOptions::default())?;
//! let units = segment_document(&en, &Segmenter::builtin(Lang::En));
//! let vi_texts = ["Cảnh báo lũ", "Nước sông đang **dâng**.", "Hãy ở nhà."];
//! let release = Release {
//!     doc_id: "flood".into(),
//!     en: &en,
//!     units: units.iter().zip(vi_texts)
//!         .map(|(u, t)| ReleaseUnit::new(u, Some(t.into()), UnitStatus::Current))
//!         .collect(),
//!     allow_drift: false,
//!     fail_on: songngu::drift::Severity::Error,
//! };
//! assert_eq!(vi::text(&release)?, "# Cảnh báo lũ\n\nNước sông đang **dâng**. Hãy ở nhà.\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Drift in a release
//!
//! A release normally has no drift: every unit current and translated, and no open
//! finding. The export agrees with the check: drift the check lets through is released
//! without more ado, that is a stale or missing unit whose finding an editor accepted,
//! or whose kind the project made less severe than the failing severity or switched off
//! ([`ReleaseUnit::drift_passes`]), and findings that are accepted or below it. Any other
//! drift (stale or missing units, open findings, blocks without units) needs
//! [`Release::allow_drift`]; every writer checks this first ([`Release::check`]) and
//! refuses otherwise. Either way the bilingual formats mark every stale or missing unit
//! and every finding visibly, and the manifest counts them. A missing translation keeps
//! the English text in the Vietnamese article.

pub mod html;
pub mod manifest;
pub mod markdown;
pub mod release;
pub mod tmx;
pub mod vi;
pub mod xliff;

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::document::{Block, BlockKind, Document, Format};
use crate::drift::check::{Report, Status};
use crate::drift::report::Explanation;
use crate::drift::{Finding, Kind, Severity};
use crate::memory::layout::{Addition, ViParagraph};
use crate::segment::Unit;

/// Where a unit stands after the drift check. Serialized in `snake_case`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitStatus {
    /// Translated from the current English.
    Current,
    /// Translated, but the English was edited since: the Vietnamese is out of date.
    Stale,
    /// Not translated.
    Missing,
    /// Left out of the published translation on purpose (an English-only note): nothing
    /// is published for it.
    Omitted,
}

impl UnitStatus {
    /// `current`, `stale`, `missing`, `omitted`.
    pub fn name(self) -> &'static str {
        match self {
            UnitStatus::Current => "current",
            UnitStatus::Stale => "stale",
            UnitStatus::Missing => "missing",
            UnitStatus::Omitted => "omitted",
        }
    }
}

/// One English unit of the release and what the release publishes for it.
#[derive(Debug, Clone)]
pub struct ReleaseUnit<'a> {
    /// The English unit, one of [`segment_document`](crate::segment::segment_document)'s
    /// units of [`Release::en`].
    pub unit: &'a Unit,
    /// Its Vietnamese, inline Markdown included as the translator wrote it. Used whenever
    /// it is present and not blank, whatever the status; surrounding white space is
    /// dropped.
    pub vi: Option<String>,
    pub status: UnitStatus,
    /// Cross-language findings about this unit (accepted ones included: they are shown as
    /// accepted and do not hold a release back).
    pub findings: Vec<&'a Finding>,
    /// Whether the drift check lets this unit's drift through: its `stale` or `missing`
    /// finding is accepted or below the failing severity, or the project switched that
    /// kind off. A stale or missing unit whose drift does not pass holds the release back
    /// unless [`Release::allow_drift`]; either way the bilingual formats mark it. `false`
    /// from [`ReleaseUnit::new`]; set by [`units_of_check`].
    pub drift_passes: bool,
    /// Translated together with the unit before it: that unit's Vietnamese covers both, so
    /// nothing is published for this one and its status is the run's. `false` from
    /// [`ReleaseUnit::new`].
    pub joined: bool,
    /// Where the published Vietnamese paragraphs differ from the English's before this
    /// unit's Vietnamese (`None` from [`ReleaseUnit::new`]: the English layout).
    pub vi_paragraph: Option<ViParagraph>,
    /// The editor's additions published right before this unit's Vietnamese (only at the
    /// start of an article) and right after it (empty from [`ReleaseUnit::new`]).
    pub added_before: Vec<Addition>,
    pub added_after: Vec<Addition>,
}

impl<'a> ReleaseUnit<'a> {
    /// A unit without findings.
    pub fn new(unit: &'a Unit, vi: Option<String>, status: UnitStatus) -> ReleaseUnit<'a> {
        ReleaseUnit {
            unit,
            vi,
            status,
            findings: Vec::new(),
            drift_passes: false,
            joined: false,
            vi_paragraph: None,
            added_before: Vec::new(),
            added_after: Vec::new(),
        }
    }

    /// The Vietnamese that is published: [`ReleaseUnit::vi`] trimmed, `None` when absent
    /// or blank.
    pub fn translation(&self) -> Option<&str> {
        self.vi.as_deref().map(str::trim).filter(|t| !t.is_empty())
    }

    /// The status as published: [`UnitStatus::Missing`] whenever there is no translation,
    /// but for a unit left out on purpose or translated with the one before.
    pub fn state(&self) -> UnitStatus {
        if self.translation().is_none() && !self.joined && self.status != UnitStatus::Omitted {
            UnitStatus::Missing
        } else {
            self.status
        }
    }

    /// Whether the bilingual formats mark this unit: not current, or with findings.
    pub fn is_flagged(&self) -> bool {
        self.state() != UnitStatus::Current || !self.findings.is_empty()
    }

    /// Whether the Vietnamese publishes nothing for this unit: it is left out on purpose,
    /// or the unit before's translation covers it.
    pub fn is_left_out(&self) -> bool {
        self.joined || self.state() == UnitStatus::Omitted
    }

    /// Whether this unit is stale or missing and the check does not let that through
    /// ([`ReleaseUnit::drift_passes`]).
    pub fn has_open_drift(&self) -> bool {
        !matches!(self.state(), UnitStatus::Current | UnitStatus::Omitted) && !self.drift_passes
    }

    /// Findings that hold a release back: not accepted, and at least `fail_on`.
    pub fn open_findings(&self, fail_on: Severity) -> impl Iterator<Item = &&'a Finding> {
        self.findings.iter().filter(move |f| is_open(f, fail_on))
    }
}

/// The release units of a checked article: every current English unit with its Vietnamese,
/// its drift status, and the cross-language findings about it (drift findings such as
/// `stale` are already in the status). `fail_on` is the check's failing severity: a stale
/// or missing unit's drift passes when its finding is accepted or below it, or when the
/// report has none (the project switched the kind off) ([`ReleaseUnit::drift_passes`]).
pub fn units_of_check<'a>(
    units: &'a [Unit],
    report: &'a Report,
    fail_on: Severity,
) -> Vec<ReleaseUnit<'a>> {
    let mut cross: std::collections::HashMap<&str, Vec<&'a Finding>> =
        std::collections::HashMap::new();
    let mut drift: std::collections::HashMap<&str, &'a Finding> = std::collections::HashMap::new();
    for finding in &report.findings {
        match finding.kind {
            Kind::Stale | Kind::Missing => {
                if let Some(unit) = finding.unit.as_deref() {
                    drift.entry(unit).or_insert(finding);
                }
                continue;
            }
            Kind::Orphaned | Kind::Extra => continue,
            _ => {}
        }
        if let Some(unit) = finding.unit.as_deref() {
            cross.entry(unit).or_default().push(finding);
        }
    }
    units
        .iter()
        .zip(&report.status)
        .zip(&report.vi)
        .enumerate()
        .map(|(i, ((unit, status), vi))| {
            let status = match status {
                Status::Current => UnitStatus::Current,
                Status::Stale => UnitStatus::Stale,
                Status::Missing => UnitStatus::Missing,
                Status::Omitted => UnitStatus::Omitted,
            };
            let mut release_unit = ReleaseUnit::new(unit, vi.clone(), status);
            release_unit.joined = report.joined.get(i).copied().unwrap_or(false);
            release_unit.vi_paragraph = report.vi_paragraph.get(i).copied().flatten();
            release_unit.added_before = report.added_before.get(i).cloned().unwrap_or_default();
            release_unit.added_after = report.added_after.get(i).cloned().unwrap_or_default();
            release_unit.findings = cross.remove(unit.id.as_str()).unwrap_or_default();
            release_unit.drift_passes = drift
                .get(unit.id.as_str())
                .is_none_or(|f| !is_open(f, fail_on));
            release_unit
        })
        .collect()
}

/// A finding that fails a check whose failing severity is `fail_on`: not accepted, and at
/// least that severe.
pub fn is_open(finding: &Finding, fail_on: Severity) -> bool {
    finding.accepted.is_none() && finding.severity >= fail_on
}

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
    pub units: Vec<ReleaseUnit<'a>>,
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
    /// ([`ReleaseUnit::drift_passes`]): released without [`Release::allow_drift`], and
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
            let open = |state: UnitStatus| {
                self.units
                    .iter()
                    .filter(|u| u.state() == state && u.has_open_drift())
                    .count()
            };
            return Err(ExportError::Drift {
                doc: self.doc_id.clone(),
                stale: open(UnitStatus::Stale),
                missing: open(UnitStatus::Missing) + counts.blocks_without_units,
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
                UnitStatus::Current => counts.current += 1,
                UnitStatus::Stale => counts.stale += 1,
                UnitStatus::Missing => counts.missing += 1,
                UnitStatus::Omitted => counts.omitted += 1,
            }
            if matches!(unit.state(), UnitStatus::Stale | UnitStatus::Missing) && unit.drift_passes
            {
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
        self.units.iter().any(ReleaseUnit::is_flagged) || self.counts().blocks_without_units > 0
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
    pub(crate) units: &'r [ReleaseUnit<'a>],
}

/// Who makes a release, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// The user name recorded in the manifest and on the TMX units.
    pub user: String,
    /// When; taken as a parameter so that output is reproducible.
    pub now: SystemTime,
}

impl Stamp {
    /// Seconds since the Unix epoch (0 for a time before it).
    fn seconds(&self) -> u64 {
        self.now
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    }

    /// `YYYY-MM-DDThh:mm:ssZ`, UTC.
    pub fn iso8601(&self) -> String {
        // `YYYYMMDDThhmmssZ` → `YYYY-MM-DDThh:mm:ssZ`.
        let compact = self.tmx_date();
        let (date, time) = compact.split_at(compact.len() - 8);
        let (year, rest) = date.split_at(date.len() - 4);
        format!(
            "{year}-{}-{}T{}:{}:{}Z",
            &rest[..2],
            &rest[2..4],
            &time[1..3],
            &time[3..5],
            &time[5..7]
        )
    }

    /// `YYYYMMDDThhmmssZ`, UTC, as TMX writes dates.
    pub fn tmx_date(&self) -> String {
        crate::memory::store::tmx_date(self.seconds())
    }
}

/// The words of the bilingual formats that are not the article: column names, the legend,
/// and how a finding's explanation reads. English by default; the command line fills it
/// from its Fluent messages.
pub struct Wording<'r> {
    /// The language of these words (`en`), for the `lang` attribute of the legend and
    /// messages.
    pub lang: String,
    /// Name of the English column.
    pub en: String,
    /// Name of the Vietnamese column.
    pub vi: String,
    /// Heading of the legend.
    pub legend: String,
    /// What `stale` means.
    pub stale: String,
    /// What `missing` means.
    pub missing: String,
    /// What a finding badge means.
    pub finding: String,
    /// What `accepted` means.
    pub accepted: String,
    /// Renders a finding's explanation; without it the message id and arguments are shown.
    pub message: Option<&'r dyn Fn(&Explanation) -> String>,
}

impl Default for Wording<'_> {
    fn default() -> Self {
        Wording {
            lang: "en".into(),
            en: "English".into(),
            vi: "Tiếng Việt".into(),
            legend: "Marks".into(),
            stale: "the English changed since this was translated: the Vietnamese is out of date"
                .into(),
            missing: "not translated: the English stands in its place".into(),
            finding: "a check found a difference between the English and the Vietnamese (kind, message id, finding id)"
                .into(),
            accepted: "an editor accepted the finding".into(),
            message: None,
        }
    }
}

impl fmt::Debug for Wording<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Wording")
            .field("en", &self.en)
            .field("vi", &self.vi)
            .field("message", &self.message.map(|_| "<fn>"))
            .finish_non_exhaustive()
    }
}

impl Wording<'_> {
    /// A finding's explanation: rendered, or `id (name: value, ...)`.
    pub(crate) fn explain(&self, explanation: &Explanation) -> String {
        if let Some(render) = self.message {
            return render(explanation);
        }
        let mut out = explanation.id.to_owned();
        if !explanation.args.is_empty() {
            out.push_str(" (");
            for (i, (name, value)) in explanation.args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(name);
                out.push_str(": ");
                out.push_str(value);
            }
            out.push(')');
        }
        out
    }
}

/// Why a unit does not belong to the release's document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitProblem {
    NoSuchBlock,
    OutsideItsBlock,
    OutOfOrder,
    TextDiffers,
}

impl fmt::Display for UnitProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            UnitProblem::NoSuchBlock => "its block is not in the document",
            UnitProblem::OutsideItsBlock => "its range is not inside its block",
            UnitProblem::OutOfOrder => "it is out of document order or overlaps the unit before",
            UnitProblem::TextDiffers => "its text is not the document's text at its range",
        })
    }
}

/// Errors of exporting. Each variant carries what a front end needs to word the message
/// itself; `Display` gives the English wording.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// `index` is the unit's 0-based position in [`Release::units`] (shown 1-based).
    #[error("unit #{} (`{unit}`) does not belong to `{}`: {problem}", .index + 1, .path.display())]
    InvalidUnit {
        path: PathBuf,
        index: usize,
        unit: String,
        problem: UnitProblem,
    },
    /// The release has drift the check does not let through and [`Release::allow_drift`]
    /// is off; nothing was written. The counts are of that drift only.
    #[error(
        "`{doc}` has drift ({stale} stale, {missing} missing, {findings} open findings); release it with drift allowed or fix it first"
    )]
    Drift {
        doc: String,
        stale: usize,
        missing: usize,
        findings: usize,
    },
    /// Writing a format to its output failed.
    #[error("cannot write the {format} output: {source}")]
    Write {
        format: &'static str,
        source: io::Error,
    },
    #[error(transparent)]
    Tmx(#[from] crate::tmx::WriteError),
    #[error("cannot write the manifest: {0}")]
    Manifest(#[from] serde_json::Error),
    /// A file or folder of a release could not be written, renamed or removed.
    #[error("`{}`: {source}", .path.display())]
    Io { path: PathBuf, source: io::Error },
    /// An extra file name is empty, hidden, a path, or `manifest.json`.
    #[error("`{name}` cannot be the name of a release file")]
    BadFileName { name: String },
    #[error("two release files are named `{name}`")]
    DuplicateFile { name: String },
    /// The target exists and does not look like a release folder (not empty, no
    /// `manifest.json`), so it is not replaced.
    #[error("`{}` exists and is not a release folder; nothing was written", .path.display())]
    NotARelease { path: PathBuf },
    /// Saving a single file failed or was refused (a read-only file, a link to nothing).
    #[error(transparent)]
    Save(#[from] crate::memory::persist::PersistError),
}

impl ExportError {
    pub(crate) fn write(format: &'static str) -> impl FnOnce(io::Error) -> ExportError {
        move |source| ExportError::Write { format, source }
    }

    pub(crate) fn io(path: &std::path::Path) -> impl FnOnce(io::Error) -> ExportError + '_ {
        move |source| ExportError::Io {
            path: path.to_owned(),
            source,
        }
    }
}

// --- text shared by the formats ------------------------------------------------------

/// What the formats need to know about the document besides the units.
pub(crate) struct Prepared<'r, 'a> {
    pub(crate) release: &'r Release<'a>,
    pub(crate) views: Vec<BlockView<'r, 'a>>,
    /// The English uses CR LF line ends: line breaks in translations follow.
    crlf: bool,
}

impl<'r, 'a> Prepared<'r, 'a> {
    /// Checks the release and groups its units by block.
    pub(crate) fn new(release: &'r Release<'a>) -> Result<Prepared<'r, 'a>, ExportError> {
        release.check()?;
        Ok(Prepared {
            release,
            views: release.block_views(),
            crlf: release.en.text.contains("\r\n"),
        })
    }

    pub(crate) fn en_text(&self, view: &BlockView<'_, '_>) -> &'a str {
        self.release.en.block_text(view.block)
    }

    /// The Vietnamese of a block before a front matter value is made valid YAML, without
    /// the published layout ([`Prepared::vi_published`]): what the bilingual formats show
    /// (read in the English value's style).
    pub(crate) fn vi_display(&self, view: &BlockView<'_, '_>) -> String {
        self.vi_display_marked(view, "", "")
    }

    /// [`Prepared::vi_display`] with every run of untranslated English (the English of
    /// units without a translation, and the white space between two of them) between
    /// `open` and `close`, for a format that labels it as English.
    pub(crate) fn vi_display_marked(
        &self,
        view: &BlockView<'_, '_>,
        open: &str,
        close: &str,
    ) -> String {
        self.compose(view, open, close, false)
    }

    /// The paragraph break of the document: what a published layout puts where the
    /// Vietnamese starts a paragraph inside an English one.
    pub(crate) fn paragraph_break(&self) -> &'static str {
        if self.crlf { "\r\n\r\n" } else { "\n\n" }
    }

    /// The block's Vietnamese; with `published`, as the Vietnamese was published: the
    /// editor's additions in their places and paragraph breaks where the Vietnamese has
    /// them inside the block ([`crate::memory::layout`]).
    fn compose(
        &self,
        view: &BlockView<'_, '_>,
        open: &str,
        close: &str,
        published_layout: bool,
    ) -> String {
        let text = &self.release.en.text;
        let block = view.block;
        let en = self.en_text(view);
        let multiline = en.contains('\n');
        let mut out = String::with_capacity(en.len() + en.len() / 4);
        let mut at = block.range.start;
        let mut english = false;
        // Whether a unit of the block was published yet, and whether the last unit was
        // left out: the white space between a left-out unit and its neighbour goes with
        // it, so that the sentences around it are joined as the English joins them.
        let (mut published, mut left_out) = (false, false);
        let paragraph_break = self.paragraph_break();
        // An addition runs on after one space, or starts a paragraph of its own.
        let push_additions = |out: &mut String, published: &mut bool, additions: &[Addition]| {
            for addition in additions {
                if *published {
                    out.push_str(match addition.paragraph {
                        Some(ViParagraph::New) => paragraph_break,
                        _ => " ",
                    });
                }
                out.push_str(addition.vi.trim());
                *published = true;
            }
        };
        for release_unit in view.units {
            let unit = release_unit.unit;
            let mut between = &text[at..unit.start];
            if published_layout && !release_unit.added_before.is_empty() {
                out.push_str(between);
                between = "";
                push_additions(&mut out, &mut published, &release_unit.added_before);
            }
            if release_unit.is_left_out() {
                // Before the first published unit: what precedes it is the block's lead
                // (a list marker, quote marks), kept; later, only white space is dropped.
                if !published || !between.trim().is_empty() {
                    out.push_str(between);
                }
                left_out = true;
                at = unit.end;
                if published_layout {
                    push_additions(&mut out, &mut published, &release_unit.added_after);
                }
                continue;
            }
            if left_out && !published && between.trim().is_empty() {
                between = "";
            }
            // The Vietnamese starts a paragraph inside the English one.
            if published_layout
                && published
                && release_unit.vi_paragraph == Some(ViParagraph::New)
                && between.trim().is_empty()
            {
                between = paragraph_break;
            } else if published_layout && published && between.is_empty() {
                // After an addition that took the white space before this unit.
                between = " ";
            }
            published = true;
            left_out = false;
            match release_unit.translation() {
                Some(vi) => {
                    if english {
                        out.push_str(close);
                        english = false;
                    }
                    out.push_str(between);
                    push_translation(&mut out, vi, multiline, self.crlf);
                }
                None => {
                    if english && !between.trim().is_empty() {
                        out.push_str(close);
                        english = false;
                    }
                    out.push_str(between);
                    if !english {
                        out.push_str(open);
                        english = true;
                    }
                    out.push_str(&unit.text);
                }
            }
            at = unit.end;
            if published_layout && !release_unit.added_after.is_empty() {
                if english {
                    out.push_str(close);
                    english = false;
                }
                push_additions(&mut out, &mut published, &release_unit.added_after);
            }
        }
        if english {
            out.push_str(close);
        }
        out.push_str(&text[at..block.range.end]);
        out
    }

    /// The Vietnamese of a block as published (see [`Prepared::compose`]), for `--to vi`:
    /// its English text with every translated unit replaced, what lies between units
    /// (white space, markup outside units) kept.
    ///
    /// Line breaks in a translation follow the English: where the English block is one
    /// line (a plain text line, an ATX heading, a table cell), a line break with the white
    /// space around it becomes one space, so the translation cannot break the block
    /// apart; elsewhere it takes the document's line end. Front matter values are made
    /// valid YAML for their style ([`yaml_value`]).
    pub(crate) fn vi_published(&self, view: &BlockView<'_, '_>) -> String {
        let out = self.compose(view, "", "", true);
        if matches!(view.block.kind, BlockKind::FrontMatter(_)) && out != self.en_text(view) {
            yaml_value(self.release.en, view.block, &out)
        } else {
            out
        }
    }

    /// How a block's text reads as Markdown lines (see [`markdown_lines`]).
    pub(crate) fn source(&self, view: &BlockView<'_, '_>) -> Source {
        match (&view.block.kind, self.release.en.format) {
            (BlockKind::FrontMatter(_), _) => {
                Source::Yaml(scalar_style(self.release.en, view.block))
            }
            (_, Format::Text) => Source::Plain,
            (_, Format::Markdown) => Source::Markdown {
                quote_depth: quote_depth(self.release.en, view.block),
            },
        }
    }
}

fn push_translation(out: &mut String, vi: &str, multiline: bool, crlf: bool) {
    if !vi.contains(['\n', '\r']) {
        out.push_str(vi);
        return;
    }
    let mut lines = vi.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let Some(first) = lines.next() else {
        return;
    };
    if multiline {
        out.push_str(first);
        for line in lines {
            out.push_str(if crlf { "\r\n" } else { "\n" });
            out.push_str(line);
        }
    } else {
        out.push_str(first.trim_end());
        for line in lines {
            let line = line.trim();
            if !line.is_empty() {
                out.push(' ');
                out.push_str(line);
            }
        }
    }
}

/// How a front matter value is written in the YAML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScalarStyle {
    Plain,
    DoubleQuoted,
    SingleQuoted,
    /// `|` or `>`: the value starts on the next line.
    Block,
}

/// The text of a block as a Markdown-ish source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// Plain text: no markup at all.
    Plain,
    /// Inline Markdown; lines after the first may carry `quote_depth` `>` markers.
    Markdown { quote_depth: usize },
    /// A YAML scalar of a front matter field.
    Yaml(ScalarStyle),
}

/// Start of the line `at` is on.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The skeleton before a block on its first line (`## `, `> - `, `title: "`).
pub(crate) fn line_prefix<'d>(doc: &'d Document, block: &Block) -> &'d str {
    &doc.text[line_start(&doc.text, block.range.start)..block.range.start]
}

fn quote_depth(doc: &Document, block: &Block) -> usize {
    line_prefix(doc, block).matches('>').count()
}

fn scalar_style(doc: &Document, block: &Block) -> ScalarStyle {
    let prefix = line_prefix(doc, block);
    match prefix.trim_end().chars().last() {
        Some('"') => ScalarStyle::DoubleQuoted,
        Some('\'') => ScalarStyle::SingleQuoted,
        _ if prefix.trim().is_empty() => ScalarStyle::Block,
        _ => ScalarStyle::Plain,
    }
}

/// A translated front matter value made valid YAML for the style of the English value:
/// quotes escaped in quoted scalars (`\"`, `''`), continuation lines indented like the
/// English's, and a plain value that YAML would read as something else (`Giá: tăng`,
/// `# 1`, `true`, `2019`) written double-quoted.
pub(crate) fn yaml_value(doc: &Document, block: &Block, value: &str) -> String {
    let en = doc.block_text(block);
    let style = scalar_style(doc, block);
    // The indentation of the English's continuation lines.
    let indent = match style {
        ScalarStyle::Block => line_prefix(doc, block).to_owned(),
        _ => en
            .split('\n')
            .nth(1)
            .map(|l| {
                l.chars()
                    .take_while(|c| *c == ' ' || *c == '\t')
                    .collect::<String>()
            })
            .filter(|i| !i.is_empty())
            .unwrap_or_else(|| "  ".to_owned()),
    };
    let indented = |text: &str| -> String {
        let mut out = String::with_capacity(text.len());
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
                let bare = line.trim_end_matches('\r');
                if !bare.trim().is_empty() && !line.starts_with([' ', '\t']) {
                    out.push_str(&indent);
                }
            }
            out.push_str(line);
        }
        out
    };
    match style {
        ScalarStyle::DoubleQuoted => {
            let mut out = String::with_capacity(value.len() + 8);
            let mut escaped = false;
            for c in value.chars() {
                if c == '"' && !escaped {
                    out.push('\\');
                }
                escaped = c == '\\' && !escaped;
                out.push(c);
            }
            indented(&out)
        }
        ScalarStyle::SingleQuoted => {
            let mut out = String::with_capacity(value.len() + 8);
            let mut chars = value.chars().peekable();
            while let Some(c) = chars.next() {
                out.push(c);
                if c == '\'' {
                    out.push('\'');
                    if chars.peek() == Some(&'\'') {
                        chars.next();
                    }
                }
            }
            indented(&out)
        }
        ScalarStyle::Block => indented(value),
        ScalarStyle::Plain => {
            if plain_scalar_is_safe(value) {
                indented(value)
            } else {
                let folded = value.split_whitespace().collect::<Vec<_>>().join(" ");
                let mut out = String::with_capacity(folded.len() + 2);
                out.push('"');
                for c in folded.chars() {
                    if c == '"' || c == '\\' {
                        out.push('\\');
                    }
                    out.push(c);
                }
                out.push('"');
                out
            }
        }
    }
}

/// Whether `value` reads back as the same string when written as a plain YAML scalar.
fn plain_scalar_is_safe(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) || value.trim() != value {
        return false;
    }
    if value.contains(": ") || value.contains(" #") || value.ends_with(':') || value.contains('\t')
    {
        return false;
    }
    let lower = value.to_ascii_lowercase();
    let special = [
        "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf",
        "+.inf",
    ];
    !(special.contains(&lower.as_str()) || value.parse::<f64>().is_ok() || lower.starts_with("0x"))
}

/// A YAML scalar's text as a reader sees it: escapes of the quoted styles undone, lines
/// folded into one.
pub(crate) fn yaml_display(text: &str, style: ScalarStyle) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match style {
        ScalarStyle::DoubleQuoted => {
            let mut out = String::with_capacity(folded.len());
            let mut chars = folded.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => match chars.next() {
                        Some('n') => out.push(' '),
                        Some('t') => out.push(' '),
                        Some(other) => out.push(other),
                        None => {}
                    },
                    _ => out.push(c),
                }
            }
            out
        }
        ScalarStyle::SingleQuoted => folded.replace("''", "'"),
        ScalarStyle::Plain | ScalarStyle::Block => folded,
    }
}

/// The lines of an inline-Markdown text ready to stand on their own as one paragraph:
/// CR dropped, container markup of continuation lines (indentation, up to `quote_depth`
/// `>` markers) removed, and anything at a line start that Markdown would read as the
/// start of another block escaped ([`neutralize`]).
pub(crate) fn markdown_lines(text: &str, quote_depth: usize) -> Vec<String> {
    text.split('\n')
        .enumerate()
        .map(|(i, line)| {
            let mut line = line.strip_suffix('\r').unwrap_or(line).trim_start();
            if i > 0 {
                for _ in 0..quote_depth {
                    match line.strip_prefix('>') {
                        Some(rest) => line = rest.trim_start(),
                        None => break,
                    }
                }
            }
            neutralize(line)
        })
        .collect()
}

/// Escapes what would make `line` (white space at the start already removed) start a
/// block other than a paragraph: an ATX heading, a quote, a list item, a thematic break,
/// a setext underline, a code fence, an HTML block, a link reference definition. The
/// escapes are backslashes before ASCII punctuation, so the text reads the same.
pub(crate) fn neutralize(line: &str) -> String {
    let bytes = line.as_bytes();
    let Some(&first) = bytes.first() else {
        return String::new();
    };
    let escape_at = |at: usize| {
        let mut out = String::with_capacity(line.len() + 1);
        out.push_str(&line[..at]);
        out.push('\\');
        out.push_str(&line[at..]);
        out
    };
    let blank_after = |at: usize| bytes.get(at).is_none_or(|b| *b == b' ' || *b == b'\t');
    match first {
        b'#' => {
            let hashes = bytes.iter().take_while(|b| **b == b'#').count();
            if hashes <= 6 && blank_after(hashes) {
                return escape_at(0);
            }
        }
        b'>' => return escape_at(0),
        b'-' | b'+' | b'*' | b'_' | b'=' => {
            let only_marks = bytes
                .iter()
                .all(|b| *b == first || *b == b' ' || *b == b'\t');
            if only_marks || (first != b'_' && first != b'=' && blank_after(1)) {
                return escape_at(0);
            }
        }
        b'`' | b'~' if line.starts_with("```") || line.starts_with("~~~") => return escape_at(0),
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits <= 9
                && matches!(bytes.get(digits), Some(b'.' | b')'))
                && blank_after(digits + 1)
            {
                return escape_at(digits);
            }
        }
        b'<' => {
            // An autolink (`<https://...>`, `<a@b.vn>`) stays; anything tag-like is escaped.
            let token: &str = line[1..]
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or("");
            let tag_like = bytes
                .get(1)
                .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'));
            if tag_like && !token.contains([':', '@']) {
                return escape_at(0);
            }
        }
        b'[' => {
            // `[label]: destination`
            let mut escaped = false;
            for (i, b) in bytes.iter().enumerate().skip(1) {
                match b {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b']' => {
                        if bytes.get(i + 1) == Some(&b':') {
                            return escape_at(0);
                        }
                        break;
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    line.to_owned()
}

/// `text` with white space collapsed, cut to about `max` characters with `…`.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max * 4));
    for (count, word) in text.split_whitespace().enumerate() {
        if count > 0 {
            out.push(' ');
        }
        out.push_str(word);
        if out.chars().count() > max {
            break;
        }
    }
    if out.chars().count() > max {
        let cut: String = out.chars().take(max.saturating_sub(1)).collect();
        return format!("{}…", cut.trim_end());
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::document::ReadOptions;
    use crate::drift::Kind;
    use crate::segment::{Segmenter, segment_document};
    use crate::text::Lang;
    use std::path::Path;

    pub(crate) fn doc(name: &str, text: &str) -> Document {
        Document::from_bytes(Path::new(name), text.as_bytes(), ReadOptions::default()).unwrap()
    }

    pub(crate) fn units(doc: &Document) -> Vec<Unit> {
        segment_document(doc, &Segmenter::builtin(Lang::En))
    }

    /// A release pairing the units with `vi` in order (`None` for missing).
    pub(crate) fn release<'a>(
        en: &'a Document,
        units: &'a [Unit],
        vi: &[Option<&str>],
    ) -> Release<'a> {
        assert_eq!(
            units.len(),
            vi.len(),
            "one translation per unit: {units:#?}"
        );
        Release {
            doc_id: "tin".into(),
            en,
            units: units
                .iter()
                .zip(vi)
                .map(|(u, t)| {
                    let status = if t.is_some() {
                        UnitStatus::Current
                    } else {
                        UnitStatus::Missing
                    };
                    ReleaseUnit::new(u, t.map(str::to_owned), status)
                })
                .collect(),
            allow_drift: vi.iter().any(Option::is_none),
            fail_on: Severity::Warning,
        }
    }

    pub(crate) fn finding(kind: Kind, unit: &Unit) -> Finding {
        let mut f = Finding::new(kind, Explanation::new("check-number").arg("en", "12"));
        f.unit = Some(unit.id.clone());
        f
    }

    /// The bundled example: `seed.en.txt` and `seed.vi.txt`, paired line by line and
    /// sentence by sentence.
    pub(crate) fn seed() -> (Document, Vec<Unit>, Vec<String>) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
        let en = Document::read_path(&root.join("seed.en.txt"), ReadOptions::default()).unwrap();
        let vi = Document::read_path(&root.join("seed.vi.txt"), ReadOptions::default()).unwrap();
        let en_units = segment_document(&en, &Segmenter::builtin(Lang::En));
        let vi_units = segment_document(&vi, &Segmenter::builtin(Lang::Vi));
        assert_eq!(en.blocks.len(), vi.blocks.len());
        assert_eq!(en_units.len(), vi_units.len());
        let texts = en_units
            .iter()
            .zip(&vi_units)
            .map(|(e, v)| {
                assert_eq!((e.block, e.index), (v.block, v.index));
                v.text.clone()
            })
            .collect();
        (en, en_units, texts)
    }

    #[test]
    fn check_refuses_units_of_another_document_and_drift() {
        let en = doc("a.txt", "One. Two.\nThree.\n");
        let other = doc("b.txt", "Uno. Dos.\nTres.\n");
        let us = units(&en);
        let theirs = units(&other);
        let mut r = release(&en, &us, &[Some("Một."), Some("Hai."), Some("Ba.")]);
        r.check().unwrap();

        r.units[1].unit = &theirs[1];
        let error = r.check().unwrap_err();
        assert!(
            matches!(
                error,
                ExportError::InvalidUnit {
                    index: 1,
                    problem: UnitProblem::TextDiffers,
                    ..
                }
            ),
            "{error:?}"
        );
        assert_eq!(
            error.to_string(),
            format!(
                "unit #2 (`{}`) does not belong to `a.txt`: its text is not the document's text at its range",
                theirs[1].id
            )
        );
        r.units[1].unit = &us[1];
        r.units.swap(0, 1);
        assert!(matches!(
            r.check(),
            Err(ExportError::InvalidUnit {
                problem: UnitProblem::OutOfOrder,
                ..
            })
        ));
        r.units.swap(0, 1);

        r.units[2].status = UnitStatus::Stale;
        r.units[0].vi = Some("  ".into());
        let f = finding(Kind::Number, &us[1]);
        r.units[1].findings.push(&f);
        let error = r.check().unwrap_err();
        assert_eq!(
            error.to_string(),
            "`tin` has drift (1 stale, 1 missing, 1 open findings); release it with drift allowed or fix it first"
        );
        r.allow_drift = true;
        r.check().unwrap();
        let counts = r.counts();
        assert_eq!(
            (
                counts.current,
                counts.stale,
                counts.missing,
                counts.with_findings
            ),
            (1, 1, 1, 1)
        );
    }

    #[test]
    fn accepted_and_info_findings_are_not_drift() {
        let en = doc("a.txt", "One.\n");
        let us = units(&en);
        let mut r = release(&en, &us, &[Some("Một.")]);
        let mut accepted = finding(Kind::Number, &us[0]);
        accepted.accepted = Some(crate::drift::report::Acceptance {
            by: "lan".into(),
            at: "2024-01-01T00:00:00Z".into(),
            reason: None,
        });
        let info = finding(Kind::Length, &us[0]);
        r.units[0].findings = vec![&accepted, &info];
        r.check().unwrap();
        assert!(r.has_flags());
    }

    /// Regression: `check` passed (stale finding accepted, or made a warning) while
    /// `export` refused the same article for drift.
    #[test]
    fn drift_the_check_lets_through_is_released_and_still_marked() {
        use crate::drift::report::Acceptance;
        let en = doc("a.txt", "One. Two. Three. Four.\n");
        let us = units(&en);
        let drift_finding = |kind: Kind, unit: &Unit, severity: Severity| {
            let mut f = Finding::new(kind, Explanation::new("drift"));
            f.unit = Some(unit.id.clone());
            f.severity = severity;
            f
        };
        let mut accepted = drift_finding(Kind::Stale, &us[0], Severity::Error);
        accepted.accepted = Some(Acceptance {
            by: "lan".into(),
            at: "2024-01-01T00:00:00Z".into(),
            reason: None,
        });
        let report = Report {
            status: vec![
                Status::Stale,
                Status::Missing,
                Status::Stale,
                Status::Current,
            ],
            vi: vec![
                Some("Một.".into()),
                None,
                Some("Ba.".into()),
                Some("Bốn.".into()),
            ],
            vi_status: vec![None; 4],
            // Unit 3's `stale` kind is switched off: the report has no finding for it.
            findings: vec![
                accepted,
                drift_finding(Kind::Missing, &us[1], Severity::Warning),
            ],
            joined: vec![false; 4],
            ..Report::default()
        };
        let release_units = units_of_check(&us, &report, Severity::Error);
        let passes: Vec<bool> = release_units.iter().map(|u| u.drift_passes).collect();
        assert_eq!(passes, [true, true, true, true]);
        let mut r = Release {
            doc_id: "tin".into(),
            en: &en,
            units: release_units,
            allow_drift: false,
            fail_on: Severity::Error,
        };
        r.check().unwrap();
        let counts = r.counts();
        assert_eq!(
            (counts.stale, counts.missing, counts.drift_passed),
            (2, 1, 3)
        );
        assert!(!counts.has_drift());
        assert!(r.units[..3].iter().all(ReleaseUnit::is_flagged));
        // At `warning` the missing unit's finding is open again: it holds the release.
        r.units = units_of_check(&us, &report, Severity::Warning);
        r.fail_on = Severity::Warning;
        assert_eq!(
            r.check().unwrap_err().to_string(),
            "`tin` has drift (0 stale, 1 missing, 0 open findings); release it with drift allowed or fix it first"
        );
        // A unit made by hand has no check behind it: its drift holds the release.
        assert!(!ReleaseUnit::new(&us[0], None, UnitStatus::Missing).drift_passes);
    }

    #[test]
    fn a_block_without_units_is_missing() {
        let en = doc("a.txt", "One.\nTwo.\n");
        let us = units(&en);
        let mut r = release(&en, &us[..1], &[Some("Một.")]);
        assert_eq!(r.counts().blocks_without_units, 1);
        assert!(matches!(
            r.check(),
            Err(ExportError::Drift { missing: 1, .. })
        ));
        r.allow_drift = true;
        r.check().unwrap();
    }

    #[test]
    fn stamp_formats() {
        let stamp = Stamp {
            user: "lan".into(),
            now: UNIX_EPOCH + std::time::Duration::from_secs(1_714_557_845),
        };
        assert_eq!(stamp.iso8601(), "2024-05-01T10:04:05Z");
        assert_eq!(stamp.tmx_date(), "20240501T100405Z");
    }

    #[test]
    fn neutralize_escapes_block_starts_only() {
        let cases = [
            ("# Tin", "\\# Tin"),
            ("#hashtag", "#hashtag"),
            ("> trích", "\\> trích"),
            ("- một", "\\- một"),
            ("-5 độ", "-5 độ"),
            ("* sao", "\\* sao"),
            ("*nghiêng*", "*nghiêng*"),
            ("---", "\\---"),
            ("===", "\\==="),
            ("1986. Năm", "1986\\. Năm"),
            ("1) Một", "1\\) Một"),
            ("3.5 triệu", "3.5 triệu"),
            ("```rust", "\\```rust"),
            ("<div>", "\\<div>"),
            ("<https://x.vn>", "<https://x.vn>"),
            ("[a]: https://x.vn", "\\[a]: https://x.vn"),
            ("[a](https://x.vn): b", "[a](https://x.vn): b"),
            ("Bình thường", "Bình thường"),
        ];
        for (line, expected) in cases {
            assert_eq!(neutralize(line), expected, "{line}");
        }
        assert_eq!(
            markdown_lines("Một\r\n>   > hai\r\n  - ba", 2),
            ["Một", "hai", "\\- ba"]
        );
    }

    #[test]
    fn yaml_values_stay_valid() {
        let en = doc(
            "a.md",
            "---\ntitle: Rice prices\ndescription: \"The \\\"green\\\" plan\"\nsummary: x\n---\n# H\n",
        );
        let title = &en.blocks[0];
        let description = &en.blocks[1];
        assert_eq!(yaml_value(&en, title, "Giá gạo"), "Giá gạo");
        assert_eq!(yaml_value(&en, title, "Giá: tăng"), "\"Giá: tăng\"");
        assert_eq!(yaml_value(&en, title, "2019"), "\"2019\"");
        assert_eq!(yaml_value(&en, title, "# \"Một\""), "\"# \\\"Một\\\"\"");
        assert_eq!(
            yaml_value(&en, description, "Kế hoạch \"xanh\" và \\\"đỏ\\\""),
            "Kế hoạch \\\"xanh\\\" và \\\"đỏ\\\""
        );
        let single = doc("a.md", "---\ntitle: 'It''s'\n---\n");
        assert_eq!(
            yaml_value(&single, &single.blocks[0], "Nó 'là'' vậy"),
            "Nó ''là'' vậy"
        );
        let block = doc("a.md", "---\ntitle: |\n  One.\n  Two.\n---\n");
        assert_eq!(
            yaml_value(&block, &block.blocks[0], "Một.\nHai."),
            "Một.\n  Hai."
        );
        assert_eq!(
            yaml_display(
                "Vietnam's \\\"green\\\"\n  budget",
                ScalarStyle::DoubleQuoted
            ),
            "Vietnam's \"green\" budget"
        );
        assert_eq!(yaml_display("It''s", ScalarStyle::SingleQuoted), "It's");
    }

    #[test]
    fn shorten_cuts_on_characters() {
        assert_eq!(shorten("  a   b\nc ", 10), "a b c");
        assert_eq!(shorten("Nguyễn Thanh Hùng phát biểu", 10), "Nguyễn Th…");
    }
}
