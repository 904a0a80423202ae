//! Errors of exporting a release ([`ExportError`]).

use std::path::Path;

use crate::export::{ExportError, UnitProblem};
use crate::i18n::Localizer;
use crate::memory::persist::PersistError;

use super::memory::persist_message;
use super::tmx::write_message;
use super::xliff_write_failure;
use super::{fs_error, io_reason, path_value, plain, write_error};

/// The message for an export that failed. A file that cannot be written is named with
/// the system's reason, like any other write; the rest is framed as a failed export.
pub fn export_error(l10n: &Localizer, error: &ExportError) -> String {
    let reason = match error {
        ExportError::Io { path, source } | ExportError::Save(PersistError::Io { path, source }) => {
            return write_error(l10n, path, source);
        }
        ExportError::Save(PersistError::Fs(error)) => return fs_error(l10n, error),
        ExportError::Save(error) => persist_message(l10n, error),
        ExportError::InvalidUnit {
            path,
            index,
            unit,
            problem,
        } => invalid_unit(l10n, path, *index, unit, *problem),
        ExportError::Drift {
            doc,
            stale,
            missing,
            findings,
        } => l10n.text_with(
            "export-error-drift",
            &[
                ("doc", doc.clone().into()),
                ("stale", plain(stale)),
                ("missing", plain(missing)),
                ("findings", plain(findings)),
            ],
        ),
        // The XLIFF writer tells a refused document through its I/O error.
        ExportError::Write {
            format: "xliff",
            source,
        } => xliff_write_failure(l10n, source),
        ExportError::Write { format, source } => l10n.text_with(
            "export-error-write",
            &[
                ("format", (*format).into()),
                ("reason", io_reason(l10n, source).into()),
            ],
        ),
        ExportError::Tmx(error) => write_message(l10n, error),
        // The JSON writer's own detail, in English.
        ExportError::Manifest(error) => l10n.text_with(
            "export-error-manifest",
            &[("detail", error.to_string().into())],
        ),
        ExportError::BadFileName { name } => l10n.text_with(
            "export-error-bad-file-name",
            &[("name", name.clone().into())],
        ),
        ExportError::DuplicateFile { name } => l10n.text_with(
            "export-error-duplicate-file",
            &[("name", name.clone().into())],
        ),
        ExportError::NotARelease { path } => {
            l10n.text_with("export-error-not-a-release", &[("path", path_value(path))])
        }
    };
    framed(l10n, reason)
}

/// A unit that does not belong to the release's English (a bug of the caller).
fn invalid_unit(
    l10n: &Localizer,
    path: &Path,
    index: usize,
    unit: &str,
    problem: UnitProblem,
) -> String {
    l10n.text_with(
        "export-error-invalid-unit",
        &[
            ("number", plain(index + 1)),
            ("unit", unit.to_owned().into()),
            ("path", path_value(path)),
            ("problem", unit_problem(l10n, problem).into()),
        ],
    )
}

fn framed(l10n: &Localizer, reason: String) -> String {
    l10n.text_with("error-export", &[("message", reason.into())])
}

fn unit_problem(l10n: &Localizer, problem: UnitProblem) -> String {
    l10n.text(match problem {
        UnitProblem::NoSuchBlock => "export-unit-no-such-block",
        UnitProblem::OutsideItsBlock => "export-unit-outside-its-block",
        UnitProblem::OutOfOrder => "export-unit-out-of-order",
        UnitProblem::TextDiffers => "export-unit-text-differs",
    })
}
