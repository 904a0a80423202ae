//! Errors of the XLIFF format: a work file that cannot be read ([`XliffError`]) and a
//! document the writer refuses ([`WriteError`]).

use std::io;

use crate::i18n::Localizer;
use crate::xliff::{ErrorKind, Invalid, TextField, WriteError, XliffError};

use super::{io_reason, path_value, plain};

/// The message for an XLIFF file that cannot be read, with its place.
pub fn xliff_error(l10n: &Localizer, error: &XliffError) -> String {
    l10n.text_with(
        "error-xliff-at",
        &[
            ("path", path_value(&error.path)),
            ("line", plain(error.line)),
            ("column", plain(error.column)),
            ("message", kind_message(l10n, &error.kind).into()),
        ],
    )
}

fn kind_message(l10n: &Localizer, kind: &ErrorKind) -> String {
    match kind {
        ErrorKind::Encoding { encoding, byte } => l10n.text_with(
            "xliff-error-encoding",
            &[("encoding", (*encoding).into()), ("byte", plain(byte))],
        ),
        // The XML parser's (or the reader's) detail, in English.
        ErrorKind::Malformed(detail) => l10n.text_with(
            "xliff-error-malformed",
            &[("detail", detail.clone().into())],
        ),
        ErrorKind::NotXliff(root) => {
            l10n.text_with("xliff-error-not-xliff", &[("root", root.clone().into())])
        }
        ErrorKind::UnsupportedVersion(Some(version)) => l10n.text_with(
            "xliff-error-unsupported-version",
            &[("version", version.clone().into())],
        ),
        ErrorKind::UnsupportedVersion(None) => l10n.text("xliff-error-no-version"),
        ErrorKind::VersionMismatch { version, namespace } => l10n.text_with(
            "xliff-error-version-mismatch",
            &[
                ("version", version.clone().into()),
                ("namespace", namespace.clone().into()),
            ],
        ),
        ErrorKind::MissingAttribute { element, attribute } => l10n.text_with(
            "xliff-error-missing-attribute",
            &[
                ("element", (*element).into()),
                ("attribute", (*attribute).into()),
            ],
        ),
        ErrorKind::DuplicateUnitId { id, first_line } => l10n.text_with(
            "xliff-error-duplicate-unit-id",
            &[("id", id.clone().into()), ("first-line", plain(first_line))],
        ),
        ErrorKind::UnitOutsideFile(element) => l10n.text_with(
            "xliff-error-unit-outside-file",
            &[("element", (*element).into())],
        ),
        ErrorKind::NoFile => l10n.text("xliff-error-no-file"),
        ErrorKind::BadCodePoint(hex) => {
            l10n.text_with("xliff-error-bad-code-point", &[("hex", hex.clone().into())])
        }
    }
}

fn text_field(l10n: &Localizer, field: TextField) -> String {
    l10n.text(match field {
        TextField::DocumentId => "xliff-field-document-id",
        TextField::UnitName => "xliff-field-unit-name",
        TextField::English => "xliff-field-english",
        TextField::Vietnamese => "xliff-field-vietnamese",
        TextField::OldEnglish => "xliff-field-old-english",
        TextField::Note => "xliff-field-note",
    })
}

/// Why [`crate::xliff::write`] failed, without a frame: the writer reports a refused
/// document as an [`io::Error`] wrapping its [`WriteError`] (its documented contract), or
/// the output failed.
pub fn xliff_write_failure(l10n: &Localizer, error: &io::Error) -> String {
    match error
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<WriteError>())
    {
        Some(refused) => xliff_write_error(l10n, refused),
        None => io_reason(l10n, error),
    }
}

/// Why the writer refuses a document, without a frame (`xliff export` and `export` each
/// put it in their own).
pub fn xliff_write_error(l10n: &Localizer, error: &WriteError) -> String {
    match error {
        WriteError::Doc { version, reason } => l10n.text_with(
            "xliff-write-doc",
            &[
                ("version", plain(version)),
                ("reason", invalid(l10n, reason).into()),
            ],
        ),
        WriteError::Unit {
            version,
            index,
            id,
            reason,
        } => l10n.text_with(
            "xliff-write-unit",
            &[
                ("number", plain(index + 1)),
                ("id", id.clone().into()),
                ("version", plain(version)),
                ("reason", invalid(l10n, reason).into()),
            ],
        ),
    }
}

fn invalid(l10n: &Localizer, reason: &Invalid) -> String {
    match reason {
        Invalid::ForbiddenChar { ch, field } => l10n.text_with(
            "xliff-invalid-forbidden-char",
            &[
                ("char", plain(ch)),
                ("field", text_field(l10n, *field).into()),
            ],
        ),
        Invalid::BadId(id) => l10n.text_with("xliff-invalid-bad-id", &[("id", id.clone().into())]),
        Invalid::DuplicateId(index) => l10n.text_with(
            "xliff-invalid-duplicate-id",
            &[("number", plain(index + 1))],
        ),
        Invalid::BadLang { field, value } => l10n.text_with(
            "xliff-invalid-bad-lang",
            &[("field", (*field).into()), ("value", value.clone().into())],
        ),
        Invalid::ScoreOutOfRange(score) => l10n.text_with(
            "xliff-invalid-score-out-of-range",
            &[("score", plain(score))],
        ),
        Invalid::ScoreWithoutTarget => l10n.text("xliff-invalid-score-without-target"),
        // The state is an XLIFF token (`translated`, `final`...), shown as written.
        Invalid::StateWithoutTarget(state) => l10n.text_with(
            "xliff-invalid-state-without-target",
            &[("state", plain(state))],
        ),
        Invalid::EmptyTarget => l10n.text("xliff-invalid-empty-target"),
        Invalid::NoUnits => l10n.text("xliff-invalid-no-units"),
    }
}
