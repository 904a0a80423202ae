//! Errors of exporting.

use std::fmt;
use std::io;
use std::path::PathBuf;

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
    /// `index` is the unit's 0-based position in [`super::Release::units`] (shown 1-based).
    #[error("unit #{} (`{unit}`) does not belong to `{}`: {problem}", .index + 1, .path.display())]
    InvalidUnit {
        path: PathBuf,
        index: usize,
        unit: String,
        problem: UnitProblem,
    },
    /// The release has drift the check does not let through and [`super::Release::allow_drift`]
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
