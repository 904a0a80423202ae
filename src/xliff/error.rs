//! Errors of the XLIFF layer: read errors ([`XliffError`]) and the reasons the writer
//! refuses a document ([`WriteError`]).

use std::path::PathBuf;

use super::{State, Version};
use crate::xml::CodePoint;

/// A read error: the file cannot be read as an XLIFF document we understand.
///
/// `line` and `column` are 1-based and count decoded characters (what an editor shows),
/// also for UTF-16 files.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{}`:{line}:{column}: {kind}", path.display())]
pub struct XliffError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub kind: ErrorKind,
}

/// What went wrong. Every kind is fatal: the read ends.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
// Not `non_exhaustive`: the CLI words every kind itself and must see a new one.
pub enum ErrorKind {
    /// The bytes are not UTF-8 (nor UTF-16 with a byte order mark).
    #[error(
        "invalid {encoding} at byte {byte}; XLIFF files must be UTF-8 (or UTF-16 with a byte order mark)"
    )]
    Encoding { encoding: &'static str, byte: usize },
    /// Not well-formed XML (or not namespace-well-formed).
    #[error("malformed XML: {0}")]
    Malformed(String),
    /// Well-formed XML, but not an XLIFF document: the root element, with its namespace
    /// when it has one.
    #[error("not an XLIFF document: the root element is `{0}`")]
    NotXliff(String),
    /// An XLIFF root of a version this reader does not read (`None`: no `version`
    /// attribute and no XLIFF namespace to tell it).
    #[error("unsupported XLIFF version {}", match .0 { Some(v) => format!("`{v}`"), None => "(no `version` attribute)".to_owned() })]
    UnsupportedVersion(Option<String>),
    /// The `version` attribute contradicts the namespace of the root element.
    #[error("`version=\"{version}\"` does not match the namespace `{namespace}`")]
    VersionMismatch { version: String, namespace: String },
    /// A required attribute is missing (`id` on a unit, `original` on a 1.2 file...).
    #[error("`<{element}>` without `{attribute}`")]
    MissingAttribute {
        element: &'static str,
        attribute: &'static str,
    },
    /// Two units with the same id; `first_line` is the line of the first one.
    #[error("duplicate unit id `{id}` (first used on line {first_line})")]
    DuplicateUnitId { id: String, first_line: usize },
    /// A unit that is not inside a `<file>`.
    #[error("`<{0}>` outside a `<file>`")]
    UnitOutsideFile(&'static str),
    /// The document has no `<file>` at all.
    #[error("no `<file>` element")]
    NoFile,
    /// An XLIFF 2 `<cp hex="...">` that is not a Unicode scalar value in hexadecimal.
    #[error("`<cp hex=\"{0}\"/>` is not a valid code point")]
    BadCodePoint(String),
}

/// Why the writer refuses a document: the output would not be well-formed XML, not valid
/// XLIFF, or would not read back as the same document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
// Not `non_exhaustive`: the CLI words every kind itself and must see a new one.
pub enum WriteError {
    /// The document-level fields (`doc`, `source_lang`, `target_lang`).
    #[error("cannot write the XLIFF {version} document: {reason}")]
    Doc { version: Version, reason: Invalid },
    /// `index` is the 0-based position of the unit in [`XliffDoc::units`](super::XliffDoc)
    /// (shown 1-based).
    #[error("cannot write unit #{} (`{id}`) as XLIFF {version}: {reason}", .index + 1)]
    Unit {
        version: Version,
        index: usize,
        id: String,
        reason: Invalid,
    },
}

/// The text of a document or unit that holds a character XML 1.0 cannot carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TextField {
    #[error("the document id")]
    DocumentId,
    #[error("the unit name")]
    UnitName,
    #[error("the English text")]
    English,
    #[error("the Vietnamese text")]
    Vietnamese,
    #[error("the old English text")]
    OldEnglish,
    #[error("a note")]
    Note,
}

/// The reason in a [`WriteError`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
// Not `non_exhaustive`: the CLI words every kind itself and must see a new one.
pub enum Invalid {
    /// A character XML 1.0 cannot carry, in a place where the format has no escape for it
    /// (XLIFF 2 writes such characters in `<source>`/`<target>` as `<cp/>`).
    #[error("character {ch} in {field} cannot be written in XML 1.0")]
    ForbiddenChar { ch: CodePoint, field: TextField },
    /// An id that is not an XML `NMTOKEN` (letters, digits, `-`, `.`, `_`, `:`...).
    #[error("the id `{0}` is not an XML NMTOKEN")]
    BadId(String),
    #[error("the unit id is used by unit #{}", .0 + 1)]
    DuplicateId(usize),
    /// A language tag that is empty or holds characters other than ASCII letters, digits
    /// and `-`.
    #[error("`{field}` is not a language tag: `{value}`")]
    BadLang { field: &'static str, value: String },
    #[error("match score {0} is above 100")]
    ScoreOutOfRange(u8),
    #[error("a match score without a Vietnamese suggestion")]
    ScoreWithoutTarget,
    #[error("state `{0}` without a Vietnamese text")]
    StateWithoutTarget(State),
    /// `vi: Some("")`: an empty target reads back as no target; use `None`.
    #[error("an empty Vietnamese text (use `None` for no translation)")]
    EmptyTarget,
    /// XLIFF 2 requires at least one unit in a `<file>`.
    #[error("XLIFF 2.0 requires at least one unit")]
    NoUnits,
}
