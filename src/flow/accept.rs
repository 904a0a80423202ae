//! Accepting a finding: an editor looked at a finding of an article's check and decided it
//! is fine, for a reason. The finding is recorded in the project's accepted-findings file
//! ([`crate::drift::accept`]), stays in the report marked accepted, and no longer holds a
//! release back. `check --accept ID --reason R` does the same within its check.

use std::path::PathBuf;

use super::check::{CheckRequest, check};
use super::{FlowError, Notices};
use crate::drift::Finding;
use crate::drift::accept::{Accepted as AcceptedFile, AcceptedFinding};
use crate::fsio::ReadOnly;
use crate::project::Project;

/// Accept one finding of the check of an article.
#[derive(Debug, Clone)]
pub struct AcceptRequest {
    /// The English article.
    pub en: PathBuf,
    /// The finding, by its id ([`Finding::fingerprint`], the `id` of `check --format json`).
    pub finding: String,
    /// Why it is fine.
    pub reason: Option<String>,
    /// Who accepts (default: the project's translator, else the system's user).
    pub user: Option<String>,
    /// The article's document id (default: the project's, else the memory's only one).
    pub doc: Option<String>,
    /// The check is of this Vietnamese article instead of the memory (see
    /// [`CheckRequest::vi`]).
    pub vi: Option<PathBuf>,
    /// Memory files (default: the project's).
    pub tm: Vec<PathBuf>,
    /// Glossary (default: the project's): it decides some findings, so their ids.
    pub glossary: Option<PathBuf>,
    /// Whether a read-only accepted-findings file may be replaced.
    pub read_only: ReadOnly,
}

impl AcceptRequest {
    /// The acceptance of finding `finding` of the check of `en` against the project's
    /// memory, for `reason`.
    pub fn new(
        en: impl Into<PathBuf>,
        finding: impl Into<String>,
        reason: Option<String>,
    ) -> AcceptRequest {
        AcceptRequest {
            en: en.into(),
            finding: finding.into(),
            reason,
            user: None,
            doc: None,
            vi: None,
            tm: Vec::new(),
            glossary: None,
            read_only: ReadOnly::Refuse,
        }
    }
}

/// What [`accept`] recorded.
#[derive(Debug, Clone)]
pub struct Accepted {
    /// The accepted-findings file written.
    pub path: PathBuf,
    /// The entry written into it (who, when, why).
    pub entry: AcceptedFinding,
    /// The finding, now marked accepted.
    pub finding: Finding,
}

/// Runs the check of the article and records the finding `request.finding` of it as
/// accepted; [`FlowError::NoFinding`] when the check has no such finding (its texts
/// changed since, or the id is mistyped): nothing is written then.
pub fn accept(
    project: &Project,
    request: &AcceptRequest,
    notices: &mut dyn Notices,
) -> Result<Accepted, FlowError> {
    let check_request = CheckRequest {
        doc: request.doc.clone(),
        vi: request.vi.clone(),
        tm: request.tm.clone(),
        glossary: request.glossary.clone(),
        accept: vec![request.finding.clone()],
        reason: request.reason.clone(),
        user: request.user.clone(),
        read_only: request.read_only,
        ..CheckRequest::new(&request.en)
    };
    let checked = check(project, &check_request, notices)?;
    let findings = checked.article.report.findings;
    let finding = findings
        .into_iter()
        .find(|f| f.fingerprint() == request.finding)
        .ok_or_else(|| FlowError::NoFinding {
            id: request.finding.clone(),
        })?;
    let file = AcceptedFile::load(&project.config.check.accepted)?;
    let entry = file
        .entries
        .into_iter()
        .find(|e| e.id == request.finding)
        .ok_or_else(|| FlowError::NoFinding {
            id: request.finding.clone(),
        })?;
    Ok(Accepted {
        path: file.path,
        entry,
        finding,
    })
}

/// Records the findings `ids` of `findings` as accepted in the project's file, by `user`
/// for `reason`, and returns the file as it is then. Every id must be one of `findings`'
/// ([`FlowError::NoFinding`] otherwise, and nothing is written).
pub fn record(
    project: &Project,
    findings: &[Finding],
    ids: &[String],
    reason: Option<&str>,
    user: Option<&str>,
    read_only: ReadOnly,
) -> Result<AcceptedFile, FlowError> {
    let mut accepted = AcceptedFile::load(&project.config.check.accepted)?;
    if ids.is_empty() {
        return Ok(accepted);
    }
    let user = project.user(user);
    let now = crate::tmx::iso8601_now();
    for id in ids {
        let Some(finding) = findings.iter().find(|f| &f.fingerprint() == id) else {
            return Err(FlowError::NoFinding { id: id.clone() });
        };
        accepted.accept(finding, &user, &now, reason);
    }
    accepted.save_with(read_only)?;
    Ok(accepted)
}
