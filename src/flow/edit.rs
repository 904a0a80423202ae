//! The flows that change an article's translations in the memory: `update` after the
//! English was revised, and `translate` of one unit.

use std::path::PathBuf;

use super::conflict::{refuse_changed, standing_for};
use super::{DocumentEdit, FlowError, Notice, Notices};
use crate::drift::pretranslate::{Pretranslation, pretranslate};
use crate::drift::revision::{self, Revision};
use crate::drift::update::{
    Put, RetiredUnit, UpdateReport, put_unit_translation, retire_orphans, update as update_memory,
};
use crate::fsio::ReadOnly;
use crate::memory::record::NewUnit;
use crate::project::Project;
use crate::segment::Unit;
use crate::text::Lang;

/// Bring the memory up to date with a revised English article.
#[derive(Debug, Clone)]
pub struct UpdateRequest {
    pub en: PathBuf,
    /// The article's document id (default: the project's, else the memory's only one).
    pub doc: Option<String>,
    /// The memory file to update (default: the project's first).
    pub tm: Option<PathBuf>,
    pub read_only: ReadOnly,
    /// Fill the units left without translation from exact matches in the memory and
    /// repetitions in the article, as `needs-review` (see [`crate::drift::pretranslate`]).
    pub pretranslate: bool,
    /// Who is recorded as the changer of pre-translated TUs (default: the project's
    /// translator); nothing else `update` writes names anyone.
    pub user: Option<String>,
}

impl UpdateRequest {
    /// An update of the project's memory to the revised English article `en`.
    pub fn new(en: impl Into<PathBuf>) -> UpdateRequest {
        UpdateRequest {
            en: en.into(),
            doc: None,
            tm: None,
            read_only: ReadOnly::Refuse,
            pretranslate: false,
            user: None,
        }
    }
}

/// What [`update`] did.
#[derive(Debug, Clone)]
pub struct Updated {
    /// The memory file written.
    pub path: PathBuf,
    pub doc: String,
    pub units: Vec<Unit>,
    pub report: UpdateReport,
    /// Where each unit stood against the memory before the update.
    pub revision: Revision,
    /// The units pre-translated and the ones left missing for disagreeing matches (empty
    /// unless the request asked for pre-translation).
    pub pretranslation: Pretranslation,
}

/// Carries every unchanged translation over (also when it moved), keeps the stale ones
/// with their old English, pre-translates the missing ones when asked, and saves the
/// memory. No TU is ever deleted.
pub fn update(
    project: &Project,
    request: &UpdateRequest,
    notices: &mut dyn Notices,
) -> Result<Updated, FlowError> {
    let (_, units) = project.read_article(&request.en, Lang::En)?;
    let DocumentEdit {
        path,
        mut memory,
        doc,
    } = DocumentEdit::open(
        project,
        &request.en,
        request.doc.as_deref(),
        request.tm.as_deref(),
        request.read_only,
    )?;
    let docs = memory.documents();
    if !docs.is_empty() && !docs.contains(&doc) {
        notices.notice(Notice::NewDocument {
            doc: doc.clone(),
            docs,
        });
    }
    // Nobody is named as the author of what is carried over: moving is no change of a
    // translation (the TUs keep their `changeid`/`changedate`).
    let (mut report, revision) = update_memory(&mut memory, &units, &doc)?;
    let mut pretranslation = Pretranslation::default();
    if request.pretranslate {
        // Pre-translated TUs are new Vietnamese: whoever ran the command is their changer
        // (their origin props say a program copied them).
        let user = project.user(request.user.as_deref());
        pretranslation = pretranslate(&mut memory, &units, &doc, &user)?;
        report.pretranslated = pretranslation.filled.len();
        report.pretranslation_conflicts = pretranslation.conflicting.len();
        report.missing -= report.pretranslated;
    }
    memory.save()?;
    Ok(Updated {
        path,
        doc,
        units,
        report,
        revision,
        pretranslation,
    })
}

/// Store the Vietnamese of one unit.
#[derive(Debug, Clone)]
pub struct TranslateRequest {
    pub en: PathBuf,
    pub doc: Option<String>,
    /// The unit's id.
    pub unit: String,
    pub vi: String,
    /// `translated` or `reviewed`.
    pub status: &'static str,
    pub tm: Option<PathBuf>,
    pub user: Option<String>,
    pub read_only: ReadOnly,
    /// The version of the unit the caller saw ([`crate::drift::CheckedUnit::version`]):
    /// when the memory holds another by the time the memory is locked, nothing is written
    /// ([`FlowError::UnitChanged`]). `None`: stored whatever the memory holds.
    pub expected: Option<String>,
}

impl TranslateRequest {
    /// The translation `vi` of unit `unit` of the English article `en`, stored as
    /// `translated` in the project's memory.
    pub fn new(en: impl Into<PathBuf>, unit: impl Into<String>, vi: impl Into<String>) -> Self {
        TranslateRequest {
            en: en.into(),
            doc: None,
            unit: unit.into(),
            vi: vi.into(),
            status: "translated",
            tm: None,
            user: None,
            read_only: ReadOnly::Refuse,
            expected: None,
        }
    }
}

/// What [`translate`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translated {
    pub path: PathBuf,
    pub doc: String,
    pub put: Put,
    /// The TUs retired because their English left the article: the old TU of a stale unit
    /// this translation replaces under the new English's id.
    pub retired: Vec<RetiredUnit>,
}

/// Stores the translation of one unit of the current English, and saves the memory.
pub fn translate(project: &Project, request: &TranslateRequest) -> Result<Translated, FlowError> {
    let (_, units) = project.read_article(&request.en, Lang::En)?;
    let Some(order) = units.iter().position(|u| u.id == request.unit) else {
        return Err(FlowError::NoUnit {
            unit: request.unit.clone(),
        });
    };
    if request.vi.trim().is_empty() {
        return Err(FlowError::EmptyTranslation);
    }
    let DocumentEdit {
        path,
        mut memory,
        doc,
    } = DocumentEdit::open(
        project,
        &request.en,
        request.doc.as_deref(),
        request.tm.as_deref(),
        request.read_only,
    )?;
    if request.expected.is_some() {
        // Compared under the memory's lock: nobody can change the unit between this
        // and the save.
        let stored = memory.document(&doc)?;
        let revision = revision::compare(&units, &stored);
        let tu = standing_for(&stored, &revision, order);
        refuse_changed(&request.unit, request.expected.as_deref(), tu)?;
    }
    let user = project.user(request.user.as_deref());
    let new = NewUnit {
        doc: &doc,
        unit: &request.unit,
        order,
        source: &units[order].text,
        target: &request.vi,
        status: request.status,
        user: &user,
    };
    let put = put_unit_translation(&mut memory, &units, &new)?;
    let mut retired = Vec::new();
    if put != Put::Unchanged {
        // A stale unit's old TU, replaced under the new English's id: retired at once
        // (kept, a fuzzy suggestion), as `update` retires what left the article.
        retired = retire_orphans(&mut memory, &units, &doc)?;
    }
    memory.save()?;
    Ok(Translated {
        path,
        doc,
        put,
        retired,
    })
}
