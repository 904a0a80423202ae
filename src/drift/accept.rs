//! Accepted findings: an editor looked at a finding and decided it is fine. An accepted
//! finding stays in the report, marked, but no longer fails the check. Acceptance is keyed
//! by the finding's fingerprint ([`Finding::fingerprint`]), which covers both texts: when
//! either changes, the finding comes back.
//!
//! Kept in a TOML file (`accepted.toml` beside `songngu.toml` by default) so that it can be
//! reviewed and versioned with the project:
//!
//! ```toml
//! [[accepted]]
//! id = "f3a9c01b7d2e4"
//! kind = "name"
//! unit = "u3f2a9c01b7"
//! by = "lan"
//! at = "2026-11-25T10:00:00Z"
//! reason = "the institute's name is translated"
//! ```

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::report::{Acceptance, Finding};
use crate::input_limit::{self, InputError, InputKind};
use crate::memory::persist::{self, Fingerprint, LockWait};

/// Errors of the accepted-findings file.
#[derive(Debug, thiserror::Error)]
pub enum AcceptError {
    #[error("cannot read `{path}`: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Persist(#[from] crate::memory::persist::PersistError),
    /// Larger than [`InputKind::Accepted`]'s limit, or not UTF-8 (with its line and column).
    #[error(transparent)]
    Input(InputError),
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptedFinding {
    pub id: String,
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub by: String,
    pub at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    accepted: Vec<AcceptedFinding>,
}

/// The accepted findings of a project.
#[derive(Debug, Clone, Default)]
pub struct Accepted {
    pub path: PathBuf,
    pub entries: Vec<AcceptedFinding>,
    /// The file as it was read, so that a save never overwrites someone else's edit.
    loaded: Option<Fingerprint>,
}

impl Accepted {
    /// Reads `path`; a file that does not exist is an empty list.
    pub fn load(path: &Path) -> Result<Accepted, AcceptError> {
        let loaded = persist::fingerprint(path)?;
        let text = match input_limit::read_text(
            path,
            InputKind::Accepted,
            InputKind::Accepted.default_limit(),
        ) {
            Ok(text) => text,
            Err(InputError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Accepted {
                    path: path.to_owned(),
                    entries: Vec::new(),
                    loaded: None,
                });
            }
            Err(InputError::Io { path, source }) => return Err(AcceptError::Read { path, source }),
            Err(error) => return Err(AcceptError::Input(error)),
        };
        let file: File = toml::from_str(&text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start).min(text.len());
            let before = &text[..offset];
            AcceptError::Syntax {
                path: path.to_owned(),
                line: before.matches('\n').count() + 1,
                column: before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1,
                message: e.message().to_owned(),
            }
        })?;
        Ok(Accepted {
            path: path.to_owned(),
            entries: file.accepted,
            loaded,
        })
    }

    /// Marks every finding of `findings` that was accepted.
    pub fn apply(&self, findings: &mut [Finding]) {
        for finding in findings {
            let id = finding.fingerprint();
            if let Some(entry) = self.entries.iter().find(|e| e.id == id) {
                finding.accepted = Some(Acceptance {
                    by: entry.by.clone(),
                    at: entry.at.clone(),
                    reason: entry.reason.clone(),
                });
            }
        }
    }

    /// Records `finding` as accepted (once).
    pub fn accept(&mut self, finding: &Finding, by: &str, at: &str, reason: Option<&str>) {
        let id = finding.fingerprint();
        self.entries.retain(|e| e.id != id);
        self.entries.push(AcceptedFinding {
            id,
            kind: finding.kind.name().to_owned(),
            unit: finding.unit.clone(),
            by: by.to_owned(),
            at: at.to_owned(),
            reason: reason.map(str::to_owned),
        });
    }

    /// Writes the file atomically (a temp file in the same folder, checked, then renamed),
    /// under the file's lock, and only if nobody changed it since it was loaded.
    pub fn save(&mut self) -> Result<(), AcceptError> {
        let file = File {
            accepted: self.entries.clone(),
        };
        let text = toml::to_string(&file).unwrap_or_default();
        let _lock = persist::lock(
            &self.path,
            LockWait::Wait(std::time::Duration::from_secs(60)),
        )?;
        let fingerprint = persist::save_atomic(
            &self.path,
            self.loaded.as_ref(),
            |out| std::io::Write::write_all(out, text.as_bytes()),
            |written| {
                let back = std::fs::read_to_string(written).map_err(|e| e.to_string())?;
                toml::from_str::<File>(&back)
                    .map(|_| ())
                    .map_err(|e| e.to_string())
            },
        )?;
        self.loaded = Some(fingerprint);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::report::{Explanation, Kind};

    fn finding(vi: &str) -> Finding {
        let mut f = Finding::new(Kind::Name, Explanation::new("check-name-missing"));
        f.unit = Some(String::from("u1"));
        f.en = Some(String::from("Mr. Nguyen Van An spoke."));
        f.vi = Some(vi.to_owned());
        f
    }

    #[test]
    fn accepted_until_the_text_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accepted.toml");
        let mut accepted = Accepted::load(&path).unwrap();
        assert!(accepted.entries.is_empty());
        accepted.accept(
            &finding("Ông An phát biểu."),
            "lan",
            "2026-11-25T10:00:00Z",
            Some("ok"),
        );
        accepted.accept(
            &finding("Ông An phát biểu."),
            "lan",
            "2026-11-25T10:00:00Z",
            Some("ok"),
        );
        accepted.save().unwrap();
        let loaded = Accepted::load(&path).unwrap();
        assert_eq!(loaded.entries.len(), 1);
        let mut findings = [finding("Ông An phát biểu."), finding("Ông Bình phát biểu.")];
        loaded.apply(&mut findings);
        assert_eq!(findings[0].accepted.as_ref().unwrap().by, "lan");
        assert!(findings[1].accepted.is_none());
    }

    #[test]
    fn syntax_errors_have_a_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accepted.toml");
        std::fs::write(&path, "[[accepted]]\nid = 3\n").unwrap();
        let err = Accepted::load(&path).unwrap_err();
        assert!(matches!(err, AcceptError::Syntax { line: 2, .. }), "{err}");
    }
}
