//! What is wrong in a TOML file, worded from [`TomlProblem`]: the parser's English only
//! for the problems songngu does not know, labelled as the parser's.

use crate::i18n::{FluentValue, Localizer};
use crate::toml_problem::{TomlProblem, TomlType, quoted_list};

/// The problem in the UI language, without the file's position.
pub fn toml_problem(l10n: &Localizer, problem: &TomlProblem) -> String {
    let id = match problem {
        TomlProblem::UnclosedArray => "toml-problem-unclosed-array",
        TomlProblem::UnclosedTable => "toml-problem-unclosed-table",
        TomlProblem::UnclosedArrayTable => "toml-problem-unclosed-array-table",
        TomlProblem::UnclosedInlineTable => "toml-problem-unclosed-inline-table",
        TomlProblem::InvalidString => "toml-problem-invalid-string",
        TomlProblem::KeyWithoutValue => "toml-problem-key-without-value",
        TomlProblem::MissingValue => "toml-problem-missing-value",
        TomlProblem::UnquotedString => "toml-problem-unquoted-string",
        TomlProblem::InvalidKey => "toml-problem-invalid-key",
        TomlProblem::DuplicateKey => "toml-problem-duplicate-key",
        TomlProblem::MissingComma => "toml-problem-missing-comma",
        TomlProblem::ExtraCommaInArray => "toml-problem-extra-comma-in-array",
        TomlProblem::ExtraCommaInInlineTable => "toml-problem-extra-comma-in-inline-table",
        TomlProblem::InvalidEscape => "toml-problem-invalid-escape",
        TomlProblem::LeadingZero => "toml-problem-leading-zero",
        TomlProblem::TrailingContent => "toml-problem-trailing-content",
        TomlProblem::UnknownKey { key, allowed } => {
            return l10n.text_with(
                "toml-problem-unknown-key",
                &[
                    ("key", key.clone().into()),
                    ("allowed", quoted_list(allowed).into()),
                    ("count", allowed.len().into()),
                ],
            );
        }
        TomlProblem::MissingKey { key } => {
            return l10n.text_with("toml-problem-missing-key", &[("key", key.clone().into())]);
        }
        TomlProblem::WrongType { found, expected } => {
            return l10n.text_with(
                "toml-problem-wrong-type",
                &[
                    ("found", type_value(*found)),
                    ("expected", type_value(*expected)),
                ],
            );
        }
        TomlProblem::Other { detail } => {
            return l10n.text_with("toml-problem-other", &[("detail", detail.clone().into())]);
        }
    };
    l10n.text(id)
}

/// The type's name as the messages select on it.
fn type_value(value: TomlType) -> FluentValue<'static> {
    value.name().into()
}
