//! Errors of the TMX layer: fatal read errors ([`TmxError`]), non-fatal findings
//! ([`Problem`]) and write errors ([`WriteError`]).

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::xml::{CodePoint, XmlFault};

/// A fatal read error: the file cannot be read as a TMX document (I/O, encoding, not
/// well-formed XML, not TMX, a limit exceeded).
///
/// `line` and `column` are 1-based and count decoded characters, so they are what an
/// editor shows, also for UTF-16 and legacy encodings. They are 0 when the error has no
/// position (the file could not be opened, or a TU was parsed from a span alone: then
/// `offset` says where).
#[derive(Debug)]
pub struct TmxError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    /// Byte offset in the file of the place of the error, when known (UTF-8 files).
    pub offset: Option<u64>,
    pub kind: ErrorKind,
}

impl TmxError {
    pub(crate) fn new(path: PathBuf, kind: ErrorKind) -> TmxError {
        TmxError {
            path,
            line: 0,
            column: 0,
            offset: None,
            kind,
        }
    }

    /// The message without the location.
    pub fn message(&self) -> String {
        self.kind.to_string()
    }
}

impl fmt::Display for TmxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        if self.line > 0 {
            write!(f, "`{path}`:{}:{}: {}", self.line, self.column, self.kind)
        } else if let Some(offset) = self.offset {
            write!(f, "`{path}`: at byte {offset}: {}", self.kind)
        } else {
            write!(f, "`{path}`: {}", self.kind)
        }
    }
}

impl std::error::Error for TmxError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(error) => Some(error),
            _ => None,
        }
    }
}

/// What went wrong, fatally.
#[derive(Debug, thiserror::Error)]
// Not `non_exhaustive`: the CLI words every kind itself and must see a new one.
pub enum ErrorKind {
    #[error("cannot read the file: {0}")]
    Io(#[source] io::Error),
    #[error("the file is empty")]
    Empty,
    #[error("the file holds only a byte order mark")]
    OnlyBom,
    #[error("the file is UTF-32 encoded, which TMX readers do not support; convert it to UTF-8")]
    Utf32,
    #[error("the file is gzip-compressed; decompress it first")]
    Gzip,
    #[error("the file is a zip archive, not a TMX document")]
    Zip,
    #[error("unsupported encoding `{0}`")]
    UnsupportedEncoding(String),
    #[error(
        "invalid UTF-8 at byte {byte}; if the file is in a legacy encoding, declare it (for example `<?xml version=\"1.0\" encoding=\"windows-1252\"?>`)"
    )]
    InvalidUtf8 { byte: u64 },
    #[error("invalid {encoding} data at byte {byte}")]
    InvalidData { encoding: &'static str, byte: u64 },
    #[error("the file ends in the middle of a {encoding} character")]
    TruncatedData { encoding: &'static str },
    /// Not well-formed XML, as reported by the XML parser.
    #[error("{0}")]
    Syntax(String),
    #[error("the XML declaration is only allowed at the very start of the file")]
    MisplacedDeclaration,
    #[error("malformed XML declaration: {0}")]
    BadDeclaration(String),
    #[error("no root element")]
    NoRoot,
    #[error("not a TMX document: the root element is `<{0}>`")]
    NotTmx(String),
    #[error("text before the root element")]
    TextBeforeRoot,
    #[error("content after the end of the root element: {0}")]
    AfterRoot(String),
    #[error("a second `<!DOCTYPE>`, or one after the root element")]
    MisplacedDoctype,
    #[error("`<!DOCTYPE>` must be written in upper case")]
    DoctypeCase,
    #[error("entity declarations are not supported (found `<!ENTITY`)")]
    EntityDeclaration,
    #[error("parameter entity references are not supported (found `{0}`)")]
    ParameterEntity(String),
    // The faults of the XML rules shared with XLIFF are worded once, by `XmlFault`.
    #[error("{}", XmlFault::UndefinedEntity(.0.clone()))]
    UndefinedEntity(String),
    #[error("{}", XmlFault::InvalidCharRef(.0.clone()))]
    InvalidCharRef(String),
    #[error("{}", XmlFault::ForbiddenChar(*.0))]
    ForbiddenChar(CodePoint),
    #[error("{}", XmlFault::ForbiddenCharRef(.0.clone(), *.1))]
    ForbiddenCharRef(String, CodePoint),
    #[error("{}", XmlFault::CdataEndInText)]
    CdataEndInText,
    #[error("{}", XmlFault::LtInAttribute)]
    LtInAttribute,
    #[error("duplicate attribute `{0}`")]
    DuplicateAttribute(String),
    #[error("malformed attribute: {0}")]
    AttributeSyntax(String),
    #[error("invalid element or attribute name `{0}`")]
    InvalidName(String),
    #[error("unexpected end of file: {0} not closed")]
    UnclosedAtEof(String),
    #[error("limit `{limit}` ({max}) exceeded: {what}")]
    Limit {
        limit: &'static str,
        max: u64,
        what: &'static str,
    },
    /// [`read_tu_at`](super::read_tu_at) / [`parse_tu`](super::parse_tu): the bytes are not
    /// one `<tu>` element.
    #[error("expected one `<tu>` element: {0}")]
    NotATu(String),
    /// [`read_tu_at`](super::read_tu_at) / [`parse_tu`](super::parse_tu): the TU is damaged.
    #[error("damaged `<tu>`: {0}")]
    DamagedTu(String),
}

/// The XML rules are shared with XLIFF ([`crate::xml`]); a TMX reader reports their faults
/// as its own kinds, with the same wording.
impl From<XmlFault> for ErrorKind {
    fn from(fault: XmlFault) -> ErrorKind {
        match fault {
            XmlFault::Syntax(message) => ErrorKind::Syntax(message),
            XmlFault::UndefinedEntity(name) => ErrorKind::UndefinedEntity(name),
            XmlFault::InvalidCharRef(name) => ErrorKind::InvalidCharRef(name),
            XmlFault::ForbiddenChar(c) => ErrorKind::ForbiddenChar(c),
            XmlFault::ForbiddenCharRef(name, c) => ErrorKind::ForbiddenCharRef(name, c),
            XmlFault::CdataEndInText => ErrorKind::CdataEndInText,
            XmlFault::LtInAttribute => ErrorKind::LtInAttribute,
        }
    }
}

/// How bad a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The data was read; something about it is doubtful (kept as written).
    Warning,
    /// Something was skipped: a damaged TU, or an element where none may be.
    Error,
}

/// A non-fatal finding of the reader, with the place it refers to. Serialized (for JSON
/// output) with the field names below; `severity` is `"warning"` or `"error"`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub severity: Severity,
    /// A stable identifier of the kind of problem (`missing-source-tuv`, `bad-date`...),
    /// for tests and machine-readable output; listed in the module documentation.
    pub code: &'static str,
    /// 1-based line and column (decoded characters) of the element concerned.
    pub line: usize,
    pub column: usize,
    /// The 0-based index of the TU among all `<tu>` elements of the file, skipped ones
    /// included.
    pub tu_index: Option<usize>,
    pub tuid: Option<String>,
    /// The message in English (for `Display` and logs).
    pub message: String,
    /// The values the message is made of (an element's name, an attribute's value...), by
    /// name, so that an interface can word the problem in its own language from `code`.
    /// Which names a code carries is listed with [`PROBLEM_CODES`](super::PROBLEM_CODES).
    #[serde(skip)]
    pub values: ProblemValues,
}

/// The named values of a [`Problem`]'s message.
pub type ProblemValues = Vec<(&'static str, String)>;

/// A named value of a problem's message.
pub(crate) fn value(name: &'static str, value: impl ToString) -> (&'static str, String) {
    (name, value.to_string())
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(
            f,
            "{}:{}: {severity}: {}",
            self.line, self.column, self.message
        )?;
        match (&self.tuid, self.tu_index) {
            (Some(tuid), _) => write!(f, " (tuid `{tuid}`)"),
            (None, Some(index)) => write!(f, " (tu #{})", index + 1),
            (None, None) => Ok(()),
        }
    }
}

/// Why the writer refuses a TU, the header or the root: writing it would give XML that is
/// not well-formed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("character {ch} in {place} is not allowed in XML 1.0")]
    ForbiddenChar { ch: CodePoint, place: String },
    #[error("invalid name `{0}`")]
    BadName(String),
    #[error("duplicate attribute `{0}` on `<{1}>`")]
    DuplicateAttribute(String, String),
    #[error("attribute `version` belongs in the version argument, not in the root attributes")]
    VersionAttribute,
    #[error("the DOCTYPE `{0}` cannot be written as given")]
    BadDoctype(String),
    #[error("the version `{0}` cannot be written as given")]
    BadVersion(String),
    #[error("markup nested deeper than {0} levels")]
    TooDeep(usize),
    #[error("`<tu>` without any `<tuv>`")]
    NoTuv,
    #[error("`<tuv>` without `xml:lang` or `lang`")]
    NoLang,
}

/// A write error.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("cannot write the TMX output: {0}")]
    Io(#[from] io::Error),
    /// `index` is the 0-based number of the TU among those written (shown 1-based).
    #[error("cannot write tu #{}{}: {reason}", .index + 1, tuid_suffix(.tuid))]
    InvalidTu {
        index: usize,
        tuid: Option<String>,
        reason: Invalid,
    },
    #[error("cannot write the header: {0}")]
    InvalidHeader(Invalid),
    #[error("cannot write the `<tmx>` element: {0}")]
    InvalidRoot(Invalid),
}

fn tuid_suffix(tuid: &Option<String>) -> String {
    match tuid {
        Some(tuid) => format!(" (tuid `{tuid}`)"),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A TMX file and an XLIFF file that break the same XML rule get the same words.
    #[test]
    fn xml_faults_keep_their_wording_as_tmx_kinds() {
        let faults = [
            XmlFault::Syntax("invalid reference `&a b;`".into()),
            XmlFault::UndefinedEntity("nbsp".into()),
            XmlFault::InvalidCharRef("#xD800".into()),
            XmlFault::ForbiddenChar(CodePoint(1)),
            XmlFault::ForbiddenCharRef("#1".into(), CodePoint(1)),
            XmlFault::CdataEndInText,
            XmlFault::LtInAttribute,
        ];
        for fault in faults {
            assert_eq!(
                ErrorKind::from(fault.clone()).to_string(),
                fault.to_string()
            );
        }
    }
}
