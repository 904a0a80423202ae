//! The streaming TMX reader: a quick-xml pull parser over one reused buffer; TUs come one
//! at a time, never a tree of the whole file.
//!
//! ```
//! use songngu::tmx::TmxReader;
//!
//! let tmx = r#"<?xml version="1.0" encoding="UTF-8"?>
//! <tmx version="1.4">
//!   <header creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x"
//!           adminlang="en" srclang="en" datatype="plaintext"/>
//!   <body>
//!     <tu tuid="1">
//!       <tuv xml:lang="en"><seg>Hello <ph x="1"/>world</seg></tuv>
//!       <tuv xml:lang="vi"><seg>Xin chào <ph x="1"/>thế giới</seg></tuv>
//!     </tu>
//!   </body>
//! </tmx>"#;
//! let mut reader = TmxReader::from_bytes("hello.tmx", tmx.as_bytes())?;
//! let record = reader.next_tu()?.expect("one TU");
//! assert_eq!((record.index, record.line, record.column), (0, 6, 5));
//! assert_eq!(record.tu.tuvs[1].seg.plain_text(), "Xin chào thế giới");
//! assert!(reader.next_tu()?.is_none());
//! assert!(reader.problems().is_empty());
//! # Ok::<(), songngu::tmx::TmxError>(())
//! ```
//!
//! Inside, [`TmxReader::step`] reads one parser event, checks and decodes it, and leaves
//! it in the reader (`cur` and `scratch`), returning only its kind: the events are many
//! (two per line of a typical file) and moving them around was a tenth of the read time.
//!
//! quick-xml is the parser of record. For speed, a plain `<tu>` in `<body>` is read by a
//! small tokenizer over the same window (`fast_step`): start, end and empty-element tags,
//! text and references, with the same decoding, checks and TU building as the quick-xml
//! path. On anything else (a comment, CDATA, a processing instruction, any error, a
//! damaged TU) it gives up and quick-xml reads the TU from its start, so every error and
//! every unusual construct is handled by quick-xml. A test checks that both paths give
//! the same records, problems and errors.

mod events;
mod fast;
mod problems;
pub(super) mod prolog;
mod tu;

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::check::{Checker, Finding};
use super::error::{ErrorKind, Problem, Severity, TmxError};
use super::model::{Attr, Header, Tmx, Tu};
use super::source::{Source, SourceEncoding, detect, read_prefix};
use events::Name;

/// A fatal error inside the reader: boxed, so that results stay small on the hot path.
type Fatal = Box<TmxError>;

/// Limits on what the reader accepts; each error names the limit it hit. The defaults are
/// far above anything real (real files nest 7 deep) and low enough that a hostile file
/// cannot exhaust memory or time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Size of the file in bytes. Default 16 GiB.
    pub max_file_bytes: u64,
    /// Decoded bytes of one `<tu>` element, or of one piece of markup or text outside
    /// TUs (the reader holds that much at once). Default 64 MiB.
    pub max_element_bytes: u64,
    /// Element nesting depth, `<tmx>` being 1. Default 128.
    pub max_depth: usize,
    /// Length in bytes of one attribute value as written. Default 1 MiB.
    pub max_attr_len: usize,
    /// Attributes on one element. Default 256.
    pub max_attrs: usize,
    /// Length in bytes of one text node, as written. Default 16 MiB.
    pub max_text_len: usize,
    /// `<tu>` elements in the file. Default 100 million.
    pub max_tus: u64,
    /// `<tuv>` elements in one TU. Default 1,000.
    pub max_tuvs: usize,
    /// Inline elements in one segment. Default 10,000.
    pub max_inline: usize,
    /// Props, notes and other children of `<header>`. Default 100,000.
    pub max_header_items: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_file_bytes: 16 << 30,
            max_element_bytes: 64 << 20,
            max_depth: 128,
            max_attr_len: 1 << 20,
            max_attrs: 256,
            max_text_len: 16 << 20,
            max_tus: 100_000_000,
            max_tuvs: 1_000,
            max_inline: 10_000,
            max_header_items: 100_000,
        }
    }
}

/// Options of the reader.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    pub limits: Limits,
}

/// One TU and where it is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TuRecord {
    pub tu: Tu,
    /// 0-based index among all `<tu>` elements of the file, skipped (damaged) ones included.
    pub index: usize,
    /// 1-based line and column (decoded characters) of the `<` of `<tu`.
    pub line: usize,
    pub column: usize,
    /// Byte range of `<tu ...>...</tu>` in the file, for [`read_tu_at`]; `None` unless the
    /// file is read as UTF-8.
    pub span: Option<Range<u64>>,
}

/// The kind of the event [`TmxReader::step`] read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ev {
    /// A start tag: its name and attributes are in `cur`.
    Start,
    /// An empty-element tag: as `Start`, and it is already closed.
    Empty,
    End,
    /// Character data (text, CDATA or a reference), decoded into `scratch`; `space`: only
    /// XML whitespace.
    Text {
        space: bool,
    },
    /// Comment, processing instruction, declaration, DOCTYPE: checked, nothing to keep.
    Other,
    Eof,
}

/// The event [`TmxReader::step`] read last.
#[derive(Debug, Default)]
struct Current {
    /// Decoded offset of its first byte.
    start: u64,
    name: Option<Name>,
    /// The name as written when it is [`Name::Other`].
    other: String,
    attrs: Vec<Attr>,
}

impl Current {
    fn name(&self) -> Name {
        self.name.unwrap_or(Name::Other)
    }

    fn name_str(&self) -> &str {
        self.name().as_str(&self.other)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Prolog,
    /// Inside `<tmx>`, before `<body>`.
    Root,
    Body,
    /// Inside `<tmx>`, after `</body>`.
    AfterBody,
    AfterRoot,
    /// Reading a lone `<tu>` (a span): before it.
    Fragment,
    Done,
}

/// Where the TU builder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    Tu,
    Tuv,
    Seg,
    Inline,
    Meta,
}

/// The streaming reader. See the `tmx::reader` module documentation.
pub struct TmxReader<R> {
    xml: quick_xml::Reader<Source<R>>,
    buf: Vec<u8>,
    path: PathBuf,
    limits: Limits,
    encoding: SourceEncoding,
    bom_len: u64,
    version: String,
    doctype: Option<String>,
    root_attrs: Vec<Attr>,
    header: Header,
    phase: Phase,
    /// The open elements, outermost first; the names of `Other` ones in `open_other`.
    open: Vec<Name>,
    open_other: Vec<String>,
    /// The last event read.
    cur: Current,
    /// Decoded text of the last [`Ev::Text`] (not for whitespace: see
    /// [`TmxReader::space_text`]).
    scratch: String,
    /// Attributes being parsed, copied out at their exact size.
    attr_scratch: Vec<Attr>,
    /// While a TU is read: its start, so the window keeps it.
    pinned: Option<u64>,
    next_index: usize,
    problems: Vec<Problem>,
    checker: Checker,
    findings: Vec<Finding>,
    frames: Vec<Frame>,
    /// For the TU being read: (offset of `<tuv`, offset of `<seg`) of each tuv, for the
    /// positions of findings.
    tuv_offsets: Vec<(u64, u64)>,
    /// For [`parse_tu`]: file offset of the bytes given.
    fragment_base: Option<u64>,
    /// Whether TUs may be read by the fast path (tests turn it off to compare).
    fast_enabled: bool,
    /// While the fast path reads a TU: the decoded offset it is at.
    fast: Option<u64>,
    /// The text of the TU the fast path reads (checked UTF-8, copied once), and the
    /// decoded offset it starts at.
    fast_text: String,
    fast_base: u64,
    /// The fast path gave up on the TU: quick-xml reads it again.
    bailed: bool,
    /// quick-xml is between markup (its last event was not text), so the fast path may
    /// take bytes from the window without confusing it.
    qx_at_markup: bool,
}

impl TmxReader<File> {
    /// Opens `path` and reads up to the start of `<body>` (prolog, `<tmx>`, `<header>`).
    pub fn open(path: &Path) -> Result<TmxReader<File>, TmxError> {
        TmxReader::open_with(path, ReadOptions::default())
    }

    pub fn open_with(path: &Path, options: ReadOptions) -> Result<TmxReader<File>, TmxError> {
        let file =
            File::open(path).map_err(|e| TmxError::new(path.to_path_buf(), ErrorKind::Io(e)))?;
        TmxReader::from_reader(path, file, options)
    }
}

impl<'a> TmxReader<&'a [u8]> {
    /// Reads TMX held in memory; `name` is used in errors.
    pub fn from_bytes(
        name: impl Into<PathBuf>,
        bytes: &'a [u8],
    ) -> Result<TmxReader<&'a [u8]>, TmxError> {
        TmxReader::from_reader(name, bytes, ReadOptions::default())
    }
}

impl<R: Read> TmxReader<R> {
    /// Reads TMX from any byte stream; `name` is used in errors.
    pub fn from_reader(
        name: impl Into<PathBuf>,
        inner: R,
        options: ReadOptions,
    ) -> Result<TmxReader<R>, TmxError> {
        let mut reader = TmxReader::start(name.into(), inner, options, None).map_err(|e| *e)?;
        let mut buf = std::mem::take(&mut reader.buf);
        let result = reader.prolog(&mut buf);
        reader.buf = buf;
        result.map_err(|e| *e)?;
        Ok(reader)
    }

    fn start(
        path: PathBuf,
        mut inner: R,
        options: ReadOptions,
        fragment_base: Option<u64>,
    ) -> Result<TmxReader<R>, Fatal> {
        let (prefix, at_eof) = read_prefix(&mut inner)
            .map_err(|e| Box::new(TmxError::new(path.clone(), ErrorKind::Io(e))))?;
        let detected =
            detect(&prefix, at_eof).map_err(|kind| Box::new(TmxError::new(path.clone(), kind)))?;
        let limits = options.limits;
        let source = Source::new(
            inner,
            prefix,
            at_eof,
            &detected,
            limits.max_file_bytes,
            limits.max_element_bytes,
        );
        let mut xml = quick_xml::Reader::from_reader(source);
        let config = xml.config_mut();
        // Well-formedness checks quick-xml can do; we do the rest (module xml).
        config.check_end_names = true;
        config.check_comments = true;
        config.allow_dangling_amp = false;
        config.allow_unmatched_ends = false;
        config.expand_empty_elements = false;
        config.trim_text(false);
        let mut reader = TmxReader {
            xml,
            buf: Vec::with_capacity(4096),
            path,
            limits,
            encoding: detected.encoding,
            bom_len: detected.bom_len as u64,
            version: String::new(),
            doctype: None,
            root_attrs: Vec::new(),
            header: Header::default(),
            phase: if fragment_base.is_some() {
                Phase::Fragment
            } else {
                Phase::Prolog
            },
            open: Vec::new(),
            open_other: Vec::new(),
            cur: Current::default(),
            scratch: String::new(),
            attr_scratch: Vec::new(),
            pinned: None,
            next_index: 0,
            problems: Vec::new(),
            checker: Checker::default(),
            findings: Vec::new(),
            frames: Vec::new(),
            tuv_offsets: Vec::new(),
            fragment_base,
            fast_enabled: true,
            fast: None,
            fast_text: String::new(),
            fast_base: 0,
            bailed: false,
            qx_at_markup: false,
        };
        for (code, values, message) in detected.warnings {
            let text = (values, message);
            reader.problem(Severity::Warning, code, (1, 1), None, None, text);
        }
        Ok(reader)
    }

    /// The header (read when the reader was made).
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The `version` of `<tmx>` as written (empty if absent).
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The DOCTYPE content as written (`tmx SYSTEM "tmx14.dtd"`), never resolved.
    pub fn doctype(&self) -> Option<&str> {
        self.doctype.as_deref()
    }

    /// The attributes of `<tmx>` other than `version`.
    pub fn root_attrs(&self) -> &[Attr] {
        &self.root_attrs
    }

    /// The encoding the file was read in.
    pub fn encoding(&self) -> &SourceEncoding {
        &self.encoding
    }

    /// The path (or name) given.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The non-fatal findings so far.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Takes the findings so far (to report them as they come on huge files).
    pub fn take_problems(&mut self) -> Vec<Problem> {
        std::mem::take(&mut self.problems)
    }

    /// The next TU, `None` at the end of the file (after checking the rest of the file is
    /// well-formed). A damaged TU is skipped with an [`Severity::Error`] problem; a fatal
    /// error ends the read.
    pub fn next_tu(&mut self) -> Result<Option<TuRecord>, TmxError> {
        let mut buf = std::mem::take(&mut self.buf);
        let result = self.next_tu_in(&mut buf);
        self.buf = buf;
        result.map_err(|error| {
            self.phase = Phase::Done;
            *error
        })
    }

    /// Reads the rest of the file into a whole document.
    pub fn read_to_end(mut self) -> Result<(Tmx, Vec<Problem>), TmxError> {
        let mut tus = Vec::new();
        while let Some(record) = self.next_tu()? {
            tus.push(record.tu);
        }
        let tmx = Tmx {
            version: self.version,
            doctype: self.doctype,
            attrs: self.root_attrs,
            header: self.header,
            tus,
        };
        Ok((tmx, self.problems))
    }

    /// Turns the fast path on or off (tests compare both).
    #[cfg(test)]
    pub(crate) fn set_fast_path(&mut self, on: bool) {
        self.fast_enabled = on;
    }
}

/// Reads a whole (small) file: the document and the problems found.
pub fn read_all(path: &Path) -> Result<(Tmx, Vec<Problem>), TmxError> {
    TmxReader::open(path)?.read_to_end()
}

/// Reads a whole document held in memory; `name` is used in errors.
pub fn read_all_bytes(
    name: impl Into<PathBuf>,
    bytes: &[u8],
) -> Result<(Tmx, Vec<Problem>), TmxError> {
    TmxReader::from_bytes(name, bytes)?.read_to_end()
}

/// Reads the TU at `span` (a [`TuRecord::span`]) of the UTF-8 file `path` again.
pub fn read_tu_at(path: &Path, span: Range<u64>) -> Result<Tu, TmxError> {
    let fail = |kind| TmxError::new(path.to_path_buf(), kind);
    let len = span
        .end
        .checked_sub(span.start)
        .ok_or_else(|| fail(ErrorKind::NotATu(format!("empty span {span:?}"))))?;
    let limits = Limits::default();
    if len > limits.max_element_bytes {
        return Err(fail(ErrorKind::Limit {
            limit: "max_element_bytes",
            max: limits.max_element_bytes,
            what: "one `<tu>` element is too large",
        }));
    }
    let mut file = File::open(path).map_err(|e| fail(ErrorKind::Io(e)))?;
    file.seek(SeekFrom::Start(span.start))
        .map_err(|e| fail(ErrorKind::Io(e)))?;
    let mut bytes = vec![0; len as usize];
    file.read_exact(&mut bytes)
        .map_err(|e| fail(ErrorKind::Io(e)))?;
    parse_tu(path, &bytes, span.start)
}

/// Parses one `<tu>` element from `bytes`, which start at byte `start` of the UTF-8 file
/// `path` (for error offsets). Warnings are dropped; a damaged TU is an error.
pub fn parse_tu(path: &Path, bytes: &[u8], start: u64) -> Result<Tu, TmxError> {
    parse_tu_with_problems(path, bytes, start).map(|(tu, _)| tu)
}

/// [`parse_tu`], with the warnings found in the TU (lines and columns counted from the
/// start of `bytes`).
pub fn parse_tu_with_problems(
    path: &Path,
    bytes: &[u8],
    start: u64,
) -> Result<(Tu, Vec<Problem>), TmxError> {
    let mut reader = TmxReader::start(
        path.to_path_buf(),
        bytes,
        ReadOptions::default(),
        Some(start),
    )
    .map_err(|e| *e)?;
    let record = reader.next_tu()?;
    // The rest must be nothing but whitespace and comments.
    while reader.next_tu()?.is_some() {}
    match record {
        Some(record) => Ok((record.tu, reader.take_problems())),
        None => {
            let problem = reader
                .problems
                .iter()
                .find(|problem| problem.severity == Severity::Error);
            let message = problem.map_or_else(|| "no TU".to_owned(), |p| p.message.clone());
            Err(TmxError {
                path: path.to_path_buf(),
                line: 0,
                column: 0,
                offset: Some(start),
                kind: ErrorKind::DamagedTu(message),
            })
        }
    }
}

impl<R: Read> Iterator for TmxReader<R> {
    type Item = Result<TuRecord, TmxError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_tu().transpose()
    }
}
