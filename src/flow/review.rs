//! `review`: a person read a translation and approves it. The memory's status of its TU
//! becomes `reviewed` (`needs-review`, a doubtful alignment, is what usually waits for
//! this); the text stays as it is.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::conflict::refuse_changed;
use super::{DocumentEdit, FlowError};
use crate::drift::Status;
use crate::drift::revision::{self, UnitState};
use crate::fsio::ReadOnly;
use crate::memory::record::{REVIEWED, StoredUnit, props};
use crate::project::Project;
use crate::text::Lang;

/// Approve translations of an article.
#[derive(Debug, Clone)]
pub struct ReviewRequest {
    pub en: PathBuf,
    pub doc: Option<String>,
    /// The units to approve, by id.
    pub units: Vec<String>,
    /// Also every current unit whose translation is `needs-review`.
    pub all_needs_review: bool,
    /// The memory file (default: the project's first).
    pub tm: Option<PathBuf>,
    /// Who approves (default: the project's translator, else the system's user).
    pub user: Option<String>,
    pub read_only: ReadOnly,
    /// The version of each unit the caller saw, by unit id
    /// ([`crate::drift::CheckedUnit::version`]): when the memory holds another for one of
    /// them by the time the memory is locked, nothing is written
    /// ([`FlowError::UnitChanged`]). Only the units being approved are compared; one
    /// without a version here is approved whatever it holds.
    pub expected: BTreeMap<String, String>,
}

impl ReviewRequest {
    /// The approval of `units` of the English article `en` in the project's memory.
    pub fn new(en: impl Into<PathBuf>, units: Vec<String>) -> ReviewRequest {
        ReviewRequest {
            en: en.into(),
            doc: None,
            units,
            all_needs_review: false,
            tm: None,
            user: None,
            read_only: ReadOnly::Refuse,
            expected: BTreeMap::new(),
        }
    }
}

/// What [`review`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewed {
    pub path: PathBuf,
    pub doc: String,
    /// Units whose translation is `reviewed` now, in article order.
    pub approved: Vec<String>,
    /// Units that were `reviewed` already: nothing changed.
    pub already: Vec<String>,
}

/// Marks the current translations of the units asked for as `reviewed` (who and when in
/// `changeid`/`changedate`: approving changes the status), and saves the memory. Only a
/// current translation can be approved: a stale one translates English that is gone, a
/// missing one has nothing to read. Nothing is written when one unit is refused.
pub fn review(project: &Project, request: &ReviewRequest) -> Result<Reviewed, FlowError> {
    let (_, units) = project.read_article(&request.en, Lang::En)?;
    for unit in &request.units {
        if !units.iter().any(|u| &u.id == unit) {
            return Err(FlowError::NoUnit { unit: unit.clone() });
        }
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
    let stored = memory.document(&doc)?;
    let revision = revision::compare(&units, &stored);
    // The TU translating each unit (a joined unit's is its run's), when it is current.
    let current = |order: usize| -> Result<&StoredUnit, Status> {
        match revision.units[revision::run_start(&revision, order)] {
            UnitState::Current { stored: j } => {
                let tu = &stored[j];
                if tu.is_omitted() {
                    Err(Status::Omitted)
                } else if tu.vi.as_deref().is_some_and(|v| !v.trim().is_empty()) {
                    Ok(tu)
                } else {
                    Err(Status::Missing)
                }
            }
            UnitState::Stale { .. } => Err(Status::Stale),
            UnitState::Missing | UnitState::Joined { .. } => Err(Status::Missing),
        }
    };
    let mut chosen: Vec<(String, &StoredUnit)> = Vec::new();
    for (order, unit) in units.iter().enumerate() {
        let asked = request.units.contains(&unit.id);
        match current(order) {
            Ok(tu) if asked || (request.all_needs_review && tu.needs_review()) => {
                chosen.push((unit.id.clone(), tu));
            }
            Err(status) if asked => {
                return Err(FlowError::NotReviewable {
                    unit: unit.id.clone(),
                    status,
                });
            }
            _ => {}
        }
    }
    // Under the memory's lock: what the caller saw is what is approved, or nothing is.
    for (unit, tu) in &chosen {
        refuse_changed(
            unit,
            request.expected.get(unit).map(String::as_str),
            Some(tu),
        )?;
    }
    let user = project.user(request.user.as_deref());
    let now = crate::tmx::tmx_date_now();
    let mut reviewed = Reviewed {
        path,
        doc,
        approved: Vec::new(),
        already: Vec::new(),
    };
    let mut done = std::collections::HashSet::new();
    for (unit, tu) in chosen {
        if tu.status.as_deref() == Some(REVIEWED) {
            reviewed.already.push(unit);
            continue;
        }
        // The units of a joined run share one TU: approved once.
        if done.insert(tu.entry) {
            let mut record = memory.tu_of(tu.entry)?;
            record.set_prop(props::STATUS, REVIEWED);
            record.set_attr("changeid", &user);
            record.set_attr("changedate", &now);
            memory.replace(tu.entry, record)?;
        }
        reviewed.approved.push(unit);
    }
    if !reviewed.approved.is_empty() {
        memory.save()?;
    }
    Ok(reviewed)
}
