//! Typed library errors, turned into localized sentences at the CLI edge.
//!
//! The library's own `Display` texts are English and meant for logs and tests; a person
//! at the terminal gets these instead. Each function returns the message without the
//! `songngu: error:` prefix, which [`super::report_error`] adds.

use std::io;
use std::path::Path;

use songngu::document::DocumentError;
use songngu::i18n::{FluentValue, Localizer};
use songngu::input_limit::InputKind;
use songngu::segment::srx::SrxError;

fn path_value(path: &Path) -> FluentValue<'static> {
    path.display().to_string().into()
}

/// Why an I/O operation failed, in the UI language where we know the case, else in the
/// operating system's words.
pub fn io_reason(l10n: &Localizer, error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => l10n.text("io-not-found"),
        io::ErrorKind::PermissionDenied => l10n.text("io-permission-denied"),
        io::ErrorKind::IsADirectory => l10n.text("io-is-directory"),
        _ => error.to_string(),
    }
}

/// `cannot read `path`: reason`, the reason in the user's language where it is a common one.
pub fn read_error(l10n: &Localizer, path: &Path, error: &io::Error) -> String {
    l10n.text_with(
        "error-read",
        &[
            ("path", path_value(path)),
            ("reason", io_reason(l10n, error).into()),
        ],
    )
}

/// `cannot write `path`: reason`, like [`read_error`].
pub fn write_error(l10n: &Localizer, path: &Path, error: &io::Error) -> String {
    l10n.text_with(
        "error-write-file",
        &[
            ("path", path_value(path)),
            ("reason", io_reason(l10n, error).into()),
        ],
    )
}

/// The message for an article that could not be read.
pub fn document_error(l10n: &Localizer, error: &DocumentError) -> String {
    match error {
        DocumentError::NotFound { path } => l10n.text_with(
            "error-read",
            &[
                ("path", path_value(path)),
                ("reason", l10n.text("io-not-found").into()),
            ],
        ),
        DocumentError::IsDirectory { path } => {
            l10n.text_with("error-is-directory", &[("path", path_value(path))])
        }
        DocumentError::Io { path, source } if path == Path::new("-") => {
            l10n.text_with("error-stdin", &[("reason", io_reason(l10n, source).into())])
        }
        DocumentError::Io { path, source } => read_error(l10n, path, source),
        DocumentError::InvalidUtf8 {
            path,
            offset,
            line,
            column,
        } => l10n.text_with(
            "error-invalid-utf8",
            &[
                ("path", path_value(path)),
                ("line", line.to_string().into()),
                ("column", column.to_string().into()),
                ("offset", (*offset).into()),
            ],
        ),
        DocumentError::InvalidUtf16 { path, offset } => l10n.text_with(
            "error-invalid-utf16",
            &[("path", path_value(path)), ("offset", (*offset).into())],
        ),
        DocumentError::Binary { path, offset } => l10n.text_with(
            "error-binary",
            &[("path", path_value(path)), ("offset", (*offset).into())],
        ),
        DocumentError::TooLarge { path, limit } => {
            super::input::too_large(l10n, path, InputKind::Article, *limit)
        }
    }
}

/// The message for an SRX file that cannot be used at all.
pub fn srx_error(l10n: &Localizer, error: &SrxError) -> String {
    match error {
        SrxError::Io { path, source } => l10n.text_with(
            "srx-error-read",
            &[
                ("path", path_value(path)),
                ("reason", io_reason(l10n, source).into()),
            ],
        ),
        SrxError::Malformed {
            path,
            line,
            column,
            message,
        } => l10n.text_with(
            "srx-error-malformed",
            &[
                ("path", path_value(path)),
                ("line", line.to_string().into()),
                ("column", column.to_string().into()),
                ("message", message.clone().into()),
            ],
        ),
        SrxError::NoRulesForLanguage { path, lang } => l10n.text_with(
            "srx-error-no-rules",
            &[("path", path_value(path)), ("lang", lang.clone().into())],
        ),
        SrxError::TooLarge { path, limit } => {
            super::input::too_large(l10n, path, InputKind::Srx, *limit)
        }
    }
}
