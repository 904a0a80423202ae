//! What is wrong in a TOML file that does not parse (the project's `songngu.toml`, the
//! accepted-findings file), as a typed problem rather than the parser's English sentence,
//! so that the command line can word it in each of its languages.
//!
//! The `toml` and `toml_edit` crates (through `toml_parser` 1.1) report a parse error as
//! `"<description>, expected <what>"`, and serde's schema errors as `"unknown field …"`,
//! `"missing field …"` or `"invalid type: …, expected …"`. [`TomlProblem::classify`]
//! recognises the descriptions a person most often meets; anything else is kept as the
//! parser's own text in [`TomlProblem::Other`].
//!
//! ```
//! use songngu::toml_problem::TomlProblem;
//!
//! let problem = TomlProblem::classify("unclosed array, expected `]`");
//! assert_eq!(problem, TomlProblem::UnclosedArray);
//! assert_eq!(problem.to_string(), "unclosed array, expected `]`");
//! ```

use std::fmt;

/// A TOML parse or schema problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TomlProblem {
    /// An array `[` with no closing `]`.
    UnclosedArray,
    /// A table header `[name` with no closing `]`.
    UnclosedTable,
    /// An array-of-tables header `[[name` with no closing `]]`.
    UnclosedArrayTable,
    /// An inline table `{` with no closing `}`.
    UnclosedInlineTable,
    /// A quoted string that is not closed, or holds a character a string cannot.
    InvalidString,
    /// A key with no `=` and value after it.
    KeyWithoutValue,
    /// `key =` with nothing after the `=`.
    MissingValue,
    /// A text value written without quotes.
    UnquotedString,
    /// A bare key with a character bare keys cannot have.
    InvalidKey,
    /// A key (or table) defined twice.
    DuplicateKey,
    /// Two array elements with no comma between them.
    MissingComma,
    /// Two commas in a row, or a comma before `]`.
    ExtraCommaInArray,
    /// A comma before `}` or two in a row in an inline table.
    ExtraCommaInInlineTable,
    /// A `\` in a basic string not followed by an escape TOML knows.
    InvalidEscape,
    /// A number with a leading zero (`01`).
    LeadingZero,
    /// Something after a value on the same line.
    TrailingContent,
    /// A key the file's schema does not have; `allowed` are the keys it has there.
    UnknownKey { key: String, allowed: Vec<String> },
    /// A key the schema requires that is not there.
    MissingKey { key: String },
    /// A value of the wrong type.
    WrongType { found: TomlType, expected: TomlType },
    /// Any other problem: the parser's own words, in English.
    Other { detail: String },
}

/// The types of TOML values, as schema errors name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TomlType {
    String,
    Integer,
    Float,
    Boolean,
    Datetime,
    Array,
    Table,
}

impl TomlType {
    /// The name the problem's English wording uses.
    pub fn name(self) -> &'static str {
        match self {
            TomlType::String => "string",
            TomlType::Integer => "integer",
            TomlType::Float => "float",
            TomlType::Boolean => "boolean",
            TomlType::Datetime => "datetime",
            TomlType::Array => "array",
            TomlType::Table => "table",
        }
    }

    /// serde's name of the value found (`string "yes"`, `integer `5``, `sequence`…).
    fn of_found(found: &str) -> Option<TomlType> {
        let word = found.split([' ', '`']).next().unwrap_or("");
        Some(match word {
            "string" | "char" => TomlType::String,
            "integer" => TomlType::Integer,
            "floating" => TomlType::Float,
            "boolean" => TomlType::Boolean,
            "sequence" => TomlType::Array,
            "map" => TomlType::Table,
            _ => return None,
        })
    }

    /// The Deserialize impl's `expecting` text (`a boolean`, `a string`, `u64`…).
    fn of_expected(expected: &str) -> Option<TomlType> {
        let e = expected.trim();
        let word = e
            .strip_prefix("a ")
            .or_else(|| e.strip_prefix("an "))
            .unwrap_or(e);
        Some(match word {
            "string" | "borrowed string" | "character" => TomlType::String,
            "boolean" => TomlType::Boolean,
            "sequence" => TomlType::Array,
            "map" => TomlType::Table,
            "f32" | "f64" => TomlType::Float,
            w if is_integer_type(w) => TomlType::Integer,
            w if w.starts_with("TOML datetime") || w == "datetime" => TomlType::Datetime,
            _ => return None,
        })
    }
}

fn is_integer_type(word: &str) -> bool {
    let digits = word
        .strip_prefix('u')
        .or_else(|| word.strip_prefix('i'))
        .unwrap_or("");
    matches!(digits, "8" | "16" | "32" | "64" | "128" | "size")
}

impl TomlProblem {
    /// The problem named by a message of the `toml` or `toml_edit` crates.
    pub fn classify(message: &str) -> TomlProblem {
        let message = message.trim();
        if let Some(problem) = schema_problem(message) {
            return problem;
        }
        // The parser's description comes before its `, expected …`.
        let description = message.split(", expected").next().unwrap_or(message);
        match description {
            "unclosed array" => TomlProblem::UnclosedArray,
            "unclosed table" => TomlProblem::UnclosedTable,
            "unclosed array table" => TomlProblem::UnclosedArrayTable,
            "unclosed inline table" => TomlProblem::UnclosedInlineTable,
            "invalid basic string"
            | "invalid literal string"
            | "invalid multi-line basic string"
            | "invalid multi-line literal string" => TomlProblem::InvalidString,
            "key with no value" | "missing assignment between key-value pairs" => {
                TomlProblem::KeyWithoutValue
            }
            "missing value" | "missing value for key" => TomlProblem::MissingValue,
            "string values must be quoted" => TomlProblem::UnquotedString,
            "invalid unquoted key" | "unquoted keys cannot be empty" => TomlProblem::InvalidKey,
            "missing comma between array elements" => TomlProblem::MissingComma,
            "extra comma in array" => TomlProblem::ExtraCommaInArray,
            "extra comma in inline table" => TomlProblem::ExtraCommaInInlineTable,
            "missing escaped value" | "too few unicode value digits" => TomlProblem::InvalidEscape,
            "unexpected leading zero" => TomlProblem::LeadingZero,
            "unexpected key or value" | "unexpected content" => TomlProblem::TrailingContent,
            d if d == "duplicate key" || d.starts_with("duplicate key:") => {
                TomlProblem::DuplicateKey
            }
            _ => TomlProblem::Other {
                detail: message.to_owned(),
            },
        }
    }
}

/// serde's errors against the file's schema.
fn schema_problem(message: &str) -> Option<TomlProblem> {
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (key, rest) = backticked(rest)?;
        let mut allowed = Vec::new();
        let mut tail = rest;
        while let Some((name, after)) = backticked(tail) {
            allowed.push(name);
            tail = after;
        }
        return Some(TomlProblem::UnknownKey { key, allowed });
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let (key, _) = backticked(rest)?;
        return Some(TomlProblem::MissingKey { key });
    }
    let rest = message.strip_prefix("invalid type: ")?;
    let (found, expected) = rest.rsplit_once(", expected ")?;
    Some(TomlProblem::WrongType {
        found: TomlType::of_found(found)?,
        expected: TomlType::of_expected(expected)?,
    })
}

/// The first `` `name` `` in `text`, and the text after it.
fn backticked(text: &str) -> Option<(String, &str)> {
    let start = text.find('`')? + 1;
    let len = text[start..].find('`')?;
    Some((
        text[start..start + len].to_owned(),
        &text[start + len + 1..],
    ))
}

/// The English wording, also what the command line prints in English.
impl fmt::Display for TomlProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TomlProblem::UnclosedArray => f.write_str("unclosed array, expected `]`"),
            TomlProblem::UnclosedTable => f.write_str("unclosed table header, expected `]`"),
            TomlProblem::UnclosedArrayTable => {
                f.write_str("unclosed array-of-tables header, expected `]]`")
            }
            TomlProblem::UnclosedInlineTable => f.write_str("unclosed inline table, expected `}`"),
            TomlProblem::InvalidString => f.write_str(
                "invalid string: the closing quote is missing, or the string holds a control character",
            ),
            TomlProblem::KeyWithoutValue => f.write_str("key with no value, expected `=`"),
            TomlProblem::MissingValue => f.write_str("missing value after `=`"),
            TomlProblem::UnquotedString => f.write_str("string values must be quoted"),
            TomlProblem::InvalidKey => f.write_str(
                "invalid key: a key without quotes can only have ASCII letters, digits, `-` and `_`",
            ),
            TomlProblem::DuplicateKey => {
                f.write_str("duplicate key: this key or table is already defined above")
            }
            TomlProblem::MissingComma => f.write_str("missing comma between array elements"),
            TomlProblem::ExtraCommaInArray => f.write_str("extra comma in array"),
            TomlProblem::ExtraCommaInInlineTable => f.write_str("extra comma in inline table"),
            TomlProblem::InvalidEscape => f.write_str(
                "invalid escape in a string (after `\\`); write `\\\\` for a backslash",
            ),
            TomlProblem::LeadingZero => f.write_str("a number cannot start with a zero"),
            TomlProblem::TrailingContent => f.write_str(
                "unexpected content after the value; a key-value pair ends the line",
            ),
            TomlProblem::UnknownKey { key, allowed } => {
                write!(f, "unknown key `{key}`")?;
                if !allowed.is_empty() {
                    write!(f, "; the keys allowed here: {}", quoted_list(allowed))?;
                }
                Ok(())
            }
            TomlProblem::MissingKey { key } => write!(f, "missing key `{key}`"),
            TomlProblem::WrongType { found, expected } => write!(
                f,
                "wrong type: expected a {}, found a {}",
                expected.name(),
                found.name()
            ),
            TomlProblem::Other { detail } => f.write_str(detail),
        }
    }
}

/// `` `a`, `b` ``: the keys of an [`TomlProblem::UnknownKey`] as its wordings list them.
pub fn quoted_list(keys: &[String]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Schema {
        list: Option<Vec<String>>,
        flag: Option<bool>,
        count: Option<u32>,
        table: Option<std::collections::BTreeMap<String, String>>,
        name: Option<String>,
        inner: Option<Inner>,
    }

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Inner {
        need: String,
    }

    /// What the `toml` crate (and `toml_edit`, for parse errors) says about `text`.
    fn problem(text: &str) -> TomlProblem {
        let error = toml::from_str::<Schema>(text).expect_err(text);
        let classified = TomlProblem::classify(error.message());
        if let Err(edit) = text.parse::<toml_edit::DocumentMut>() {
            assert_eq!(TomlProblem::classify(edit.message()), classified, "{text}");
        }
        classified
    }

    #[test]
    fn unclosed_brackets_and_strings() {
        assert_eq!(problem("list = [\"a\"\n"), TomlProblem::UnclosedArray);
        assert_eq!(problem("[table\nx = \"1\"\n"), TomlProblem::UnclosedTable);
        assert_eq!(problem("[[table\n"), TomlProblem::UnclosedArrayTable);
        assert_eq!(
            problem("table = { x = \"1\"\n"),
            TomlProblem::UnclosedInlineTable
        );
        assert_eq!(problem("name = \"abc\n"), TomlProblem::InvalidString);
        assert_eq!(problem("name = 'abc\n"), TomlProblem::InvalidString);
    }

    #[test]
    fn keys_and_values() {
        assert_eq!(problem("name \"x\"\n"), TomlProblem::KeyWithoutValue);
        assert_eq!(problem("na me = 1\n"), TomlProblem::KeyWithoutValue);
        assert_eq!(problem("name = abc\n"), TomlProblem::UnquotedString);
        assert_eq!(
            problem("flag = true\nflag = false\n"),
            TomlProblem::DuplicateKey
        );
        assert_eq!(problem("[table]\n[table]\n"), TomlProblem::DuplicateKey);
        assert_eq!(problem("name = \"x\" y\n"), TomlProblem::TrailingContent);
        assert_eq!(problem("count = 01\n"), TomlProblem::LeadingZero);
        assert_eq!(problem("name = \"\\q\"\n"), TomlProblem::InvalidEscape);
    }

    #[test]
    fn commas() {
        assert_eq!(problem("list = [\"a\" \"b\"]\n"), TomlProblem::MissingComma);
        assert_eq!(
            problem("list = [\"a\",,]\n"),
            TomlProblem::ExtraCommaInArray
        );
    }

    #[test]
    fn the_parsers_descriptions_classify() {
        // Messages the parser gives that the inputs above do not reach.
        for (message, expected) in [
            ("missing value, expected value", TomlProblem::MissingValue),
            (
                "invalid unquoted key, expected letters",
                TomlProblem::InvalidKey,
            ),
            (
                "extra comma in inline table, expected key",
                TomlProblem::ExtraCommaInInlineTable,
            ),
            ("duplicate key: `a`", TomlProblem::DuplicateKey),
        ] {
            assert_eq!(TomlProblem::classify(message), expected, "{message}");
        }
    }

    #[test]
    fn schema_problems_keep_their_names() {
        assert_eq!(
            problem("nam = \"x\"\n"),
            TomlProblem::UnknownKey {
                key: "nam".into(),
                allowed: ["list", "flag", "count", "table", "name", "inner"]
                    .map(String::from)
                    .to_vec(),
            }
        );
        assert_eq!(
            problem("[inner]\n"),
            TomlProblem::MissingKey { key: "need".into() }
        );
        assert_eq!(
            problem("flag = \"yes\"\n"),
            TomlProblem::WrongType {
                found: TomlType::String,
                expected: TomlType::Boolean
            }
        );
        assert_eq!(
            problem("count = \"3\"\n"),
            TomlProblem::WrongType {
                found: TomlType::String,
                expected: TomlType::Integer
            }
        );
        assert_eq!(
            problem("list = \"a\"\n"),
            TomlProblem::WrongType {
                found: TomlType::String,
                expected: TomlType::Array
            }
        );
    }

    #[test]
    fn the_rest_keeps_the_parsers_words() {
        let text = "count = 0x\n";
        let error = toml::from_str::<Schema>(text).expect_err(text);
        let problem = TomlProblem::classify(error.message());
        assert_eq!(
            problem,
            TomlProblem::Other {
                detail: error.message().to_owned()
            }
        );
        assert_eq!(problem.to_string(), error.message());
    }
}
