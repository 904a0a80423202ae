//! Errors of the project's own files: `songngu.toml` ([`ConfigError`]) and the
//! accepted-findings file ([`AcceptError`]).

use crate::drift::accept::AcceptError;
use crate::i18n::Localizer;
use crate::input_limit::InputKind;
use crate::project::config::{ConfigError, OptionExpected};

use super::memory::persist_message;
use super::toml::toml_problem;
use super::{input_error, path_value, plain, read_error, too_large};

/// The message for a project file that cannot be used, or a command-line setting
/// refused by it.
pub fn config_error(l10n: &Localizer, error: &ConfigError) -> String {
    match error {
        ConfigError::Io { path, source } => read_error(l10n, path, source),
        ConfigError::Syntax {
            path,
            line,
            column,
            problem,
        } => l10n.text_with(
            "error-config-syntax",
            &[
                ("path", path_value(path)),
                ("line", plain(line)),
                ("column", plain(column)),
                ("message", toml_problem(l10n, problem).into()),
            ],
        ),
        ConfigError::InvalidUtf8 {
            path,
            offset,
            line,
            column,
        } => l10n.text_with(
            "error-config-invalid-utf8",
            &[
                ("path", path_value(path)),
                ("line", plain(line)),
                ("column", plain(column)),
                ("offset", plain(offset)),
            ],
        ),
        ConfigError::TooLarge { path, limit } => {
            too_large(l10n, path, InputKind::ProjectFile, *limit)
        }
        ConfigError::Language { .. }
        | ConfigError::Option { .. }
        | ConfigError::EmptyDoc { .. }
        | ConfigError::UnknownKind { .. }
        | ConfigError::UnknownSetting { .. } => setting_error(l10n, error),
    }
}

/// A setting of the project (in the file or given on the command line) that is not one
/// songngu knows or accepts.
fn setting_error(l10n: &Localizer, error: &ConfigError) -> String {
    match error {
        ConfigError::Language {
            path,
            value,
            role,
            expected,
        } => l10n.text_with(
            "error-config-language",
            &[
                ("path", path_value(path)),
                ("value", value.clone().into()),
                ("role", (*role).into()),
                ("expected", (*expected).into()),
            ],
        ),
        ConfigError::Option {
            option,
            value,
            expected,
        } => l10n.text_with(
            "error-config-option",
            &[
                ("option", (*option).into()),
                ("value", value.clone().into()),
                ("expected", option_expected(l10n, *expected).into()),
            ],
        ),
        ConfigError::EmptyDoc { path, line, column } => l10n.text_with(
            "error-config-empty-doc",
            &[
                ("path", path_value(path)),
                ("line", plain(line)),
                ("column", plain(column)),
            ],
        ),
        ConfigError::UnknownKind { path, kind } => l10n.text_with(
            "error-config-unknown-kind",
            &[("path", path_value(path)), ("kind", kind.clone().into())],
        ),
        ConfigError::UnknownSetting { path, key, value } => l10n.text_with(
            "error-config-unknown-setting",
            &[
                ("path", path_value(path)),
                ("key", key.clone().into()),
                ("value", value.clone().into()),
            ],
        ),
        // Worded by `config_error`.
        ConfigError::Io { .. }
        | ConfigError::Syntax { .. }
        | ConfigError::InvalidUtf8 { .. }
        | ConfigError::TooLarge { .. } => config_error(l10n, error),
    }
}

fn option_expected(l10n: &Localizer, expected: OptionExpected) -> String {
    l10n.text(match expected {
        OptionExpected::EnglishTag => "config-expected-english-tag",
        OptionExpected::VietnameseTag => "config-expected-vietnamese-tag",
        OptionExpected::KindSetting => "config-expected-kind-setting",
    })
}

/// The message for an accepted-findings file that cannot be read or saved.
pub fn accept_error(l10n: &Localizer, error: &AcceptError) -> String {
    match error {
        AcceptError::Read { path, source } => read_error(l10n, path, source),
        AcceptError::Persist(error) => persist_message(l10n, error),
        AcceptError::Input(error) => input_error(l10n, error),
        AcceptError::Syntax {
            path,
            line,
            column,
            problem,
        } => l10n.text_with(
            "error-accepted-syntax",
            &[
                ("path", path_value(path)),
                ("line", plain(line)),
                ("column", plain(column)),
                ("message", toml_problem(l10n, problem).into()),
            ],
        ),
    }
}
