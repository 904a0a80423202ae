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
use std::time::Duration;

use serde::{Deserialize, Serialize};
use toml_edit::{DocumentMut, Item, TableLike, Value};

use super::report::{Acceptance, Finding};
use crate::input_limit::{self, InputError, InputKind};
use crate::memory::persist::{self, LockWait, ReadOnly};
use crate::text::position::line_column;
use crate::toml_problem::TomlProblem;

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
    #[error("{path}:{line}:{column}: {problem}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        problem: TomlProblem,
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

/// How long a save waits for another run that is writing the file.
const LOCK_WAIT: Duration = Duration::from_secs(60);

/// The accepted findings of a project.
#[derive(Debug, Clone, Default)]
pub struct Accepted {
    pub path: PathBuf,
    pub entries: Vec<AcceptedFinding>,
    /// Accepted by this run and not saved yet: what [`Accepted::save`] writes into the
    /// file as it is then, so that runs accepting at the same time all keep theirs.
    pending: Vec<AcceptedFinding>,
}

/// `path`'s text, `None` if it does not exist.
fn read_text(path: &Path) -> Result<Option<String>, AcceptError> {
    match input_limit::read_text(
        path,
        InputKind::Accepted,
        InputKind::Accepted.default_limit(),
    ) {
        Ok(text) => Ok(Some(text)),
        Err(InputError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Ok(None)
        }
        Err(InputError::Io { path, source }) => Err(AcceptError::Read { path, source }),
        Err(error) => Err(AcceptError::Input(error)),
    }
}

/// The entries of the text of `path`; a mistake is an error with its line and column.
fn parse(path: &Path, text: &str) -> Result<Vec<AcceptedFinding>, AcceptError> {
    let file: File = toml::from_str(text).map_err(|e| {
        let (line, column) = line_column(text.as_bytes(), e.span().map_or(0, |s| s.start));
        AcceptError::Syntax {
            path: path.to_owned(),
            line,
            column,
            problem: TomlProblem::classify(e.message()),
        }
    })?;
    Ok(file.accepted)
}

impl Accepted {
    /// Reads `path`; a file that does not exist is an empty list.
    pub fn load(path: &Path) -> Result<Accepted, AcceptError> {
        let entries = match read_text(path)? {
            Some(text) => parse(path, &text)?,
            None => Vec::new(),
        };
        Ok(Accepted {
            path: path.to_owned(),
            entries,
            pending: Vec::new(),
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
        let entry = AcceptedFinding {
            id: finding.fingerprint(),
            kind: finding.kind.name().to_owned(),
            unit: finding.unit.clone(),
            by: by.to_owned(),
            at: at.to_owned(),
            reason: reason.map(str::to_owned),
        };
        self.entries.retain(|e| e.id != entry.id);
        self.entries.push(entry.clone());
        self.pending.retain(|e| e.id != entry.id);
        self.pending.push(entry);
    }

    /// Writes what was accepted since loading; a read-only file is refused. See
    /// [`Accepted::save_with`].
    pub fn save(&mut self) -> Result<(), AcceptError> {
        self.save_with(ReadOnly::Refuse)
    }

    /// Writes what was accepted since loading into the file, atomically (a temp file in
    /// the same folder, checked, then renamed, mode and owner kept; through a symbolic link
    /// to the file it points to). The file is read again under its lock (another run
    /// accepting at the same time waits for it, up to a minute), and the new entries are
    /// edited into it in place: comments, formatting and keys songngu does not know are
    /// kept. A read-only file is refused unless `read_only` allows it.
    pub fn save_with(&mut self, read_only: ReadOnly) -> Result<(), AcceptError> {
        crate::fsio::check_writable(&self.path, read_only).map_err(persist::PersistError::from)?;
        let _lock = persist::lock(&self.path, LockWait::Wait(LOCK_WAIT))?;
        let current = persist::fingerprint(&self.path)?;
        let text = read_text(&self.path)?.unwrap_or_default();
        // Checked with the same rules as `load`, so an edit made since is not built on
        // if it broke the file.
        parse(&self.path, &text)?;
        let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
            let (line, column) = line_column(text.as_bytes(), e.span().map_or(0, |s| s.start));
            AcceptError::Syntax {
                path: self.path.clone(),
                line,
                column,
                problem: TomlProblem::classify(e.message()),
            }
        })?;
        for entry in &self.pending {
            upsert(&mut doc, entry);
        }
        let new_text = doc.to_string();
        let path = self.path.clone();
        persist::save_atomic_with(
            &self.path,
            current.as_ref(),
            read_only,
            |out| std::io::Write::write_all(out, new_text.as_bytes()),
            |written| {
                let back = std::fs::read_to_string(written).map_err(|e| e.to_string())?;
                parse(&path, &back).map(drop).map_err(|e| e.to_string())
            },
        )?;
        self.entries = parse(&self.path, &new_text)?;
        self.pending.clear();
        Ok(())
    }
}

/// Puts `entry` into the document: the `[[accepted]]` table (or inline table) with its id
/// updated, else a new one appended.
fn upsert(doc: &mut DocumentMut, entry: &AcceptedFinding) {
    let has_id =
        |table: &dyn TableLike| table.get("id").and_then(Item::as_str) == Some(entry.id.as_str());
    match doc.get_mut("accepted") {
        Some(Item::ArrayOfTables(tables)) => {
            if let Some(table) = tables.iter_mut().find(|t| has_id(*t)) {
                fill(table, entry);
            } else {
                let mut table = toml_edit::Table::new();
                fill(&mut table, entry);
                tables.push(table);
            }
        }
        Some(Item::Value(Value::Array(array))) => {
            let found = array
                .iter_mut()
                .filter_map(Value::as_inline_table_mut)
                .find(|t| has_id(*t));
            if let Some(table) = found {
                fill(table, entry);
            } else {
                let mut table = toml_edit::InlineTable::new();
                fill(&mut table, entry);
                array.push(table);
            }
        }
        // Nothing yet (a wrong type was refused by `parse`).
        _ => {
            let mut table = toml_edit::Table::new();
            fill(&mut table, entry);
            // Comments of a file without entries are its trailing text; they stay above
            // the first entry, where they were written.
            let comments = doc.trailing().as_str().unwrap_or_default().to_owned();
            if !comments.trim().is_empty() {
                doc.set_trailing("");
                table.decor_mut().set_prefix(comments);
            }
            let mut tables = toml_edit::ArrayOfTables::new();
            tables.push(table);
            doc.insert("accepted", Item::ArrayOfTables(tables));
        }
    }
}

/// Sets the known keys of `entry` in `table`, keeping every other key and the comments
/// around the values it replaces.
fn fill(table: &mut dyn TableLike, entry: &AcceptedFinding) {
    let fields = [
        ("id", Some(entry.id.as_str())),
        ("kind", Some(entry.kind.as_str())),
        ("unit", entry.unit.as_deref()),
        ("by", Some(entry.by.as_str())),
        ("at", Some(entry.at.as_str())),
        ("reason", entry.reason.as_deref()),
    ];
    for (key, value) in fields {
        match (value, table.get_mut(key)) {
            (None, _) => {
                table.remove(key);
            }
            (Some(value), Some(Item::Value(old))) => {
                if old.as_str() != Some(value) {
                    let decor = old.decor().clone();
                    *old = Value::from(value);
                    *old.decor_mut() = decor;
                }
            }
            (Some(value), _) => {
                table.insert(key, toml_edit::value(value));
            }
        }
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
    fn a_syntax_error_names_its_line_and_column_in_characters() {
        let text = "# Đã duyệt\n[[accepted]]\nid = \"u1\"\nkind = ?\n";
        match parse(Path::new("accepted.toml"), text) {
            Err(AcceptError::Syntax { line, column, .. }) => assert_eq!((line, column), (4, 8)),
            other => panic!("expected a syntax error, got {other:?}"),
        }
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
    fn saving_edits_the_file_in_place_and_keeps_what_others_wrote() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("accepted.toml");
        let mine = finding("Ông An phát biểu.");
        let theirs = finding("Ông Bình phát biểu.");
        std::fs::write(
            &path,
            "# decisions of the desk\n\n[[accepted]]\nid = \"old\" # first one\nkind = \"name\"\nby = \"minh\"\nat = \"2026-01-01T00:00:00Z\"\nticket = \"NEWS-1\"\n",
        )
        .unwrap();
        let mut accepted = Accepted::load(&path).unwrap();
        // Another run accepts a finding after this one loaded the file.
        let mut other = Accepted::load(&path).unwrap();
        other.accept(&theirs, "minh", "2026-11-25T09:00:00Z", None);
        other.save().unwrap();
        accepted.accept(&mine, "lan", "2026-11-25T10:00:00Z", Some("ok"));
        accepted.save().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            text.starts_with("# decisions of the desk\n\n[[accepted]]\nid = \"old\" # first one\n"),
            "{text}"
        );
        assert!(text.contains("ticket = \"NEWS-1\""), "{text}");
        let ids: Vec<String> = Accepted::load(&path)
            .unwrap()
            .entries
            .into_iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids, ["old", &theirs.fingerprint(), &mine.fingerprint()]);
        assert_eq!(
            accepted.entries.len(),
            3,
            "the saved file is what it knows now"
        );
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
