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

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::ops::Range;
use std::path::{Path, PathBuf};

use quick_xml::events::{BytesStart, Event};

use super::check::{Checker, Finding, Target};
use super::error::{ErrorKind, Problem, Severity, TmxError};
use super::model::{
    Attr, Element, Header, Inline, InlineElement, InlineKind, Meta, Node, Note, Prop, Seg, Tmx, Tu,
    Tuv, attr_value,
};
use super::source::{Source, SourceEncoding, detect, read_prefix};
use super::xml::{AttrLimits, name_len, parse_attrs, parse_attrs_into, parse_tag};
use crate::xml::{
    check_chars, find2, find3, is_all_space, is_name, is_xml_space, push_text, resolve_reference,
};

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

/// The inline elements TMX defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Code {
    Bpt,
    Ept,
    It,
    Ph,
    Hi,
    Sub,
    Ut,
}

impl Code {
    fn kind(self) -> InlineKind {
        match self {
            Code::Bpt => InlineKind::Bpt,
            Code::Ept => InlineKind::Ept,
            Code::It => InlineKind::It,
            Code::Ph => InlineKind::Ph,
            Code::Hi => InlineKind::Hi,
            Code::Sub => InlineKind::Sub,
            Code::Ut => InlineKind::Ut,
        }
    }
}

/// Element names the reader knows; `Other` names are kept as text beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Name {
    Tmx,
    Header,
    Body,
    Tu,
    Tuv,
    Seg,
    Prop,
    Note,
    Ude,
    Map,
    Inline(Code),
    Other,
}

impl Name {
    fn from_bytes(name: &[u8]) -> Name {
        match name {
            b"tmx" => Name::Tmx,
            b"header" => Name::Header,
            b"body" => Name::Body,
            b"tu" => Name::Tu,
            b"tuv" => Name::Tuv,
            b"seg" => Name::Seg,
            b"prop" => Name::Prop,
            b"note" => Name::Note,
            b"ude" => Name::Ude,
            b"map" => Name::Map,
            b"bpt" => Name::Inline(Code::Bpt),
            b"ept" => Name::Inline(Code::Ept),
            b"it" => Name::Inline(Code::It),
            b"ph" => Name::Inline(Code::Ph),
            b"hi" => Name::Inline(Code::Hi),
            b"sub" => Name::Inline(Code::Sub),
            b"ut" => Name::Inline(Code::Ut),
            _ => Name::Other,
        }
    }

    /// The name as written; `other` is the text of an `Other` name.
    fn as_str<'a>(&self, other: &'a str) -> &'a str {
        match self {
            Name::Tmx => "tmx",
            Name::Header => "header",
            Name::Body => "body",
            Name::Tu => "tu",
            Name::Tuv => "tuv",
            Name::Seg => "seg",
            Name::Prop => "prop",
            Name::Note => "note",
            Name::Ude => "ude",
            Name::Map => "map",
            Name::Inline(Code::Bpt) => "bpt",
            Name::Inline(Code::Ept) => "ept",
            Name::Inline(Code::It) => "it",
            Name::Inline(Code::Ph) => "ph",
            Name::Inline(Code::Hi) => "hi",
            Name::Inline(Code::Sub) => "sub",
            Name::Inline(Code::Ut) => "ut",
            Name::Other => other,
        }
    }
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

/// A prop or note being read.
#[derive(Debug)]
struct MetaBuild {
    note: bool,
    attrs: Vec<Attr>,
    value: String,
}

impl MetaBuild {
    fn finish(self) -> Meta {
        if self.note {
            Meta::Note(Note {
                attrs: self.attrs,
                value: self.value,
            })
        } else {
            Meta::Prop(Prop {
                attrs: self.attrs,
                value: self.value,
            })
        }
    }
}

/// A reason to skip the TU being read.
#[derive(Debug)]
struct Damage {
    offset: u64,
    code: &'static str,
    message: String,
}

/// A TU being read.
#[derive(Debug, Default)]
struct TuBuild {
    tu: Tu,
    tuv: Option<Tuv>,
    has_seg: bool,
    seg: Vec<Inline>,
    inline: Vec<InlineElement>,
    inline_count: usize,
    meta: Option<MetaBuild>,
    /// Warnings found while reading (offset, code, message).
    warnings: Vec<(u64, &'static str, String)>,
}

impl TuBuild {
    /// The content list new inline content goes to.
    fn content(&mut self) -> &mut Vec<Inline> {
        match self.inline.last_mut() {
            Some(element) => &mut element.content,
            None => &mut self.seg,
        }
    }
}

/// Appends `text` to a content list, joining it to a text before it.
fn append_text(content: &mut Vec<Inline>, text: &mut String) {
    if text.is_empty() {
        return;
    }
    match content.last_mut() {
        Some(Inline::Text(previous)) => previous.push_str(text),
        _ => content.push(Inline::Text(std::mem::take(text))),
    }
}

fn damage(offset: u64, code: &'static str, message: String) -> Result<Option<Damage>, Fatal> {
    Ok(Some(Damage {
        offset,
        code,
        message,
    }))
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
        for (code, message) in detected.warnings {
            reader.problem(Severity::Warning, code, (1, 1), None, None, message);
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

    // ---- positions and problems ----

    fn error_at(&self, offset: u64, kind: ErrorKind) -> Fatal {
        if let Some(base) = self.fragment_base {
            return Box::new(TmxError {
                path: self.path.clone(),
                line: 0,
                column: 0,
                offset: Some(base + offset),
                kind,
            });
        }
        let (line, column) = self.locate(offset);
        Box::new(TmxError {
            path: self.path.clone(),
            line,
            column,
            offset: self.encoding.is_utf8().then_some(offset + self.bom_len),
            kind,
        })
    }

    fn locate(&self, offset: u64) -> (usize, usize) {
        self.xml.get_ref().locate(offset)
    }

    fn problem(
        &mut self,
        severity: Severity,
        code: &'static str,
        (line, column): (usize, usize),
        tu_index: Option<usize>,
        tuid: Option<&str>,
        message: String,
    ) {
        self.problems.push(Problem {
            severity,
            code,
            line,
            column,
            tu_index,
            tuid: tuid.map(str::to_owned),
            message,
        });
    }

    /// A warning outside TUs, at the element that started at `start`.
    fn warn(&mut self, start: u64, code: &'static str, message: String) {
        let position = self.locate(start);
        self.problem(Severity::Warning, code, position, None, None, message);
    }

    /// An error outside TUs (something was skipped), at `start`.
    fn structure_problem(&mut self, start: u64, code: &'static str, message: String) {
        let position = self.locate(start);
        self.problem(Severity::Error, code, position, None, None, message);
    }

    fn limit(&self, offset: u64, limit: &'static str, max: u64, what: &'static str) -> Fatal {
        self.error_at(offset, ErrorKind::Limit { limit, max, what })
    }

    /// Maps a quick-xml error of the event that started at `start`.
    fn parse_error(&mut self, error: quick_xml::Error, start: u64) -> Fatal {
        use quick_xml::Error as E;
        match error {
            E::Io(io_error) => match self.xml.get_mut().take_fault() {
                Some(fault) => self.error_at(fault.offset, fault.kind),
                None => {
                    let offset = self.xml.get_ref().offset();
                    let error = io::Error::new(io_error.kind(), io_error.to_string());
                    self.error_at(offset, ErrorKind::Io(error))
                }
            },
            E::Encoding(quick_xml::encoding::EncodingError::Utf8(utf8)) => {
                // quick-xml validates each event from its first byte.
                let offset = start + utf8.valid_up_to() as u64;
                self.error_at(
                    offset,
                    ErrorKind::InvalidUtf8 {
                        byte: offset + self.bom_len,
                    },
                )
            }
            other => {
                // quick-xml's offsets may differ from ours by a BOM it removed itself.
                let ours = i128::from(self.xml.get_ref().offset());
                let theirs = i128::from(self.xml.buffer_position());
                let at = i128::from(self.xml.error_position()) + ours - theirs;
                let offset = u64::try_from(at).unwrap_or(0);
                let message = match other {
                    E::Syntax(e) => e.to_string(),
                    E::IllFormed(e) => e.to_string(),
                    e => e.to_string(),
                };
                self.error_at(offset, ErrorKind::Syntax(message))
            }
        }
    }

    // ---- events ----

    /// Reads, decodes and checks the next event; leaves it in `cur` (tags) or `scratch`
    /// (text) and returns its kind.
    fn step(&mut self, buf: &mut Vec<u8>) -> Result<Ev, Fatal> {
        if let Some(cursor) = self.fast {
            return self.fast_step(buf, cursor);
        }
        buf.clear();
        let start = self.xml.get_ref().offset();
        self.xml.get_mut().keep = self.pinned.unwrap_or(start);
        self.cur.start = start;
        let event = match self.xml.read_event_into(buf) {
            Ok(event) => event,
            Err(error) => return Err(self.parse_error(error, start)),
        };
        // After text quick-xml is inside markup or a reference; after anything else it is
        // between markup.
        self.qx_at_markup = !matches!(event, Event::Text(_));
        match event {
            Event::Start(tag) => {
                self.tag(&tag, start)?;
                if self.open.len() >= self.limits.max_depth {
                    return Err(self.depth_error(start));
                }
                let name = self.cur.name();
                self.open.push(name);
                if name == Name::Other {
                    self.open_other.push(self.cur.other.clone());
                }
                Ok(Ev::Start)
            }
            Event::Empty(tag) => {
                self.tag(&tag, start)?;
                if self.open.len() >= self.limits.max_depth {
                    return Err(self.depth_error(start));
                }
                Ok(Ev::Empty)
            }
            Event::End(_) => {
                // quick-xml checked that the name matches the open element.
                if self.open.pop() == Some(Name::Other) {
                    self.open_other.pop();
                }
                Ok(Ev::End)
            }
            Event::Text(text) => self.text(&text, start, false, 0),
            Event::CData(text) => self.text(&text, start, true, "<![CDATA[".len() as u64),
            Event::GeneralRef(reference) => {
                let c = match resolve_reference(&reference) {
                    Ok(c) => c,
                    Err(kind) => return Err(self.error_at(start, kind)),
                };
                self.scratch.clear();
                self.scratch.push(c);
                // A reference is character data even when it stands for a space.
                Ok(Ev::Text { space: false })
            }
            Event::Comment(comment) => {
                if let Err((at, kind)) = check_chars(comment.as_bytes()) {
                    return Err(self.error_at(start + 4 + at as u64, kind));
                }
                Ok(Ev::Other)
            }
            Event::PI(pi) => {
                if let Err((at, kind)) = check_chars(pi.as_bytes()) {
                    return Err(self.error_at(start + 2 + at as u64, kind));
                }
                Ok(Ev::Other)
            }
            Event::Decl(_) => {
                if start != 0 || self.phase != Phase::Prolog {
                    return Err(self.error_at(start, ErrorKind::MisplacedDeclaration));
                }
                self.declaration(start)?;
                Ok(Ev::Other)
            }
            Event::DocType(_) => {
                if self.phase != Phase::Prolog || self.doctype.is_some() {
                    return Err(self.error_at(start, ErrorKind::MisplacedDoctype));
                }
                self.read_doctype(start)?;
                Ok(Ev::Other)
            }
            Event::Eof => {
                if !self.open.is_empty() {
                    return Err(self.unclosed_error());
                }
                Ok(Ev::Eof)
            }
        }
    }

    fn unclosed_error(&self) -> Fatal {
        let mut others = self.open_other.iter().rev();
        let names: Vec<String> = self
            .open
            .iter()
            .rev()
            .map(|name| {
                let other = match name {
                    Name::Other => others.next().map_or("?", String::as_str),
                    _ => "",
                };
                format!("`<{}>`", name.as_str(other))
            })
            .collect();
        let offset = self.xml.get_ref().offset();
        self.error_at(offset, ErrorKind::UnclosedAtEof(names.join(", ")))
    }

    fn depth_error(&self, start: u64) -> Fatal {
        self.limit(
            start,
            "max_depth",
            self.limits.max_depth as u64,
            "elements nested too deeply",
        )
    }

    /// Decodes character data into `scratch`; `skip` is the length of the markup before the
    /// data (`<![CDATA[`), for positions.
    fn text(&mut self, raw: &str, start: u64, cdata: bool, skip: u64) -> Result<Ev, Fatal> {
        if raw.len() > self.limits.max_text_len {
            return Err(self.limit(
                start,
                "max_text_len",
                self.limits.max_text_len as u64,
                "text too long",
            ));
        }
        // Indentation between elements is half of all events: it needs no checks, and it
        // is copied only where whitespace is content (`space_text`).
        if !cdata && is_all_space(raw.as_bytes()) {
            return Ok(Ev::Text { space: true });
        }
        self.scratch.clear();
        if let Err((at, kind)) = push_text(&mut self.scratch, raw, cdata) {
            return Err(self.error_at(start + skip + at as u64, kind));
        }
        Ok(Ev::Text { space: false })
    }

    /// The decoded offset the next event starts at.
    fn next_offset(&self) -> u64 {
        self.fast.unwrap_or_else(|| self.xml.get_ref().offset())
    }

    /// Gives up the fast path for this TU (the error returned is a placeholder).
    fn bail(&mut self) -> Fatal {
        self.bailed = true;
        Box::new(TmxError::new(
            PathBuf::new(),
            ErrorKind::Syntax(String::new()),
        ))
    }

    /// [`TmxReader::step`] for the fast path: the next token at `cursor` of the TU text,
    /// decoded exactly as the quick-xml path decodes its events.
    fn fast_step(&mut self, buf: &mut Vec<u8>, cursor: u64) -> Result<Ev, Fatal> {
        let text = std::mem::take(&mut self.fast_text);
        let result = self.fast_token(&text, buf, cursor);
        self.fast_text = text;
        result
    }

    fn fast_token(&mut self, text: &str, buf: &mut Vec<u8>, cursor: u64) -> Result<Ev, Fatal> {
        buf.clear();
        self.cur.start = cursor;
        let at = usize::try_from(cursor.saturating_sub(self.fast_base)).unwrap_or(usize::MAX);
        let rest = text.get(at..).unwrap_or("");
        let token = scan_token(rest.as_bytes());
        // Tokens end before or at an ASCII delimiter: `get` only fails on a bug, and then
        // the quick-xml path reads the TU.
        let Some(raw) = rest.get(..token.len()).filter(|raw| !raw.is_empty()) else {
            return Err(self.bail());
        };
        self.fast = Some(cursor + raw.len() as u64);
        match token {
            // The whole TU is in `text`: a token running past it is one to leave alone.
            Token::Need | Token::Bail => Err(self.bail()),
            Token::Text(_) => {
                // Whitespace-only text is read from `buf` where it is content.
                buf.extend_from_slice(raw.as_bytes());
                self.text(raw, cursor, false, 0)
            }
            Token::Ref(len) => {
                let c = raw
                    .get(1..len - 1)
                    .and_then(|name| resolve_reference::<ErrorKind>(name).ok());
                let Some(c) = c else {
                    return Err(self.bail());
                };
                self.scratch.clear();
                self.scratch.push(c);
                Ok(Ev::Text { space: false })
            }
            Token::Tag => {
                let limits = AttrLimits {
                    max_attrs: self.limits.max_attrs,
                    max_attr_len: self.limits.max_attr_len,
                };
                let after = rest.get(1..).unwrap_or("");
                let mut attrs = std::mem::take(&mut self.attr_scratch);
                let parsed = parse_tag(&mut attrs, after, limits);
                let mut exact = Vec::with_capacity(attrs.len());
                exact.append(&mut attrs);
                self.attr_scratch = attrs;
                let Some((name_len, len, empty)) = parsed else {
                    return Err(self.bail());
                };
                let name_text = after.get(..name_len).unwrap_or("");
                let name = Name::from_bytes(name_text.as_bytes());
                if name == Name::Other {
                    if !is_name(name_text) {
                        return Err(self.bail());
                    }
                    name_text.clone_into(&mut self.cur.other);
                }
                self.cur.name = Some(name);
                self.cur.attrs = exact;
                self.fast = Some(cursor + 1 + len as u64);
                if self.open.len() >= self.limits.max_depth {
                    return Err(self.bail());
                }
                if empty {
                    return Ok(Ev::Empty);
                }
                let name = self.cur.name();
                self.open.push(name);
                if name == Name::Other {
                    self.open_other.push(self.cur.other.clone());
                }
                Ok(Ev::Start)
            }
            Token::End(len) => {
                let name = raw
                    .get(2..len - 1)
                    .unwrap_or("")
                    .trim_end_matches([' ', '\t', '\r', '\n']);
                let expected = match self.open.last() {
                    Some(Name::Other) => self.open_other.last().map(String::as_str),
                    Some(open) => Some(open.as_str("")),
                    None => None,
                };
                if expected != Some(name) {
                    return Err(self.bail());
                }
                if self.open.pop() == Some(Name::Other) {
                    self.open_other.pop();
                }
                Ok(Ev::End)
            }
        }
    }

    /// Reads the next TU by the fast path if the window holds one next (after
    /// whitespace); `None`: not a plain TU, nothing consumed, quick-xml goes on.
    fn try_fast_tu(&mut self, buf: &mut Vec<u8>) -> Option<TuRecord> {
        let from = self.xml.get_ref().offset();
        self.xml.get_mut().keep = from;
        let skip = loop {
            let window = self.xml.get_ref().available_from(from);
            let space = window.iter().take_while(|&&b| is_xml_space(b)).count();
            if window.len() >= space + 4 {
                let rest = &window[space..];
                let is_tu = rest.starts_with(b"<tu")
                    && matches!(rest[3], b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/');
                if !is_tu {
                    return None;
                }
                break space;
            }
            if !self.xml.get_mut().more() {
                return None;
            }
        };
        let start = from + skip as u64;
        // The TU must be whole in the window: up to the first `</tu>` (an earlier one in a
        // comment or CDATA section makes the fast path give up when it meets `<!`).
        let end = loop {
            let window = self.xml.get_ref().available_from(start);
            if let Some(end) = tu_end(window) {
                break end;
            }
            if !self.xml.get_mut().more() {
                return None;
            }
        };
        let window = self.xml.get_ref().available_from(start);
        let text = std::str::from_utf8(window.get(..end)?).ok()?;
        self.fast_text.clear();
        self.fast_text.push_str(text);
        self.fast_base = start;
        // Whitespace in `<body>` is layout: quick-xml would have read and dropped it.
        self.xml.get_mut().consume_to(start);
        let (problems, open, open_other, index) = (
            self.problems.len(),
            self.open.len(),
            self.open_other.len(),
            self.next_index,
        );
        self.fast = Some(start);
        self.bailed = false;
        let result = match self.step(buf) {
            Ok(ev @ (Ev::Start | Ev::Empty)) if self.cur.name() == Name::Tu => {
                self.read_tu(buf, ev == Ev::Empty)
            }
            Ok(_) => Err(self.bail()),
            Err(error) => Err(error),
        };
        let end = self.fast.take();
        match (result, end) {
            (Ok(Some(record)), Some(end)) if !self.bailed => {
                self.xml.get_mut().consume_to(end);
                Some(record)
            }
            _ => {
                // Undo what the attempt did; quick-xml reads the TU from its start.
                self.problems.truncate(problems);
                self.open.truncate(open);
                self.open_other.truncate(open_other);
                self.next_index = index;
                self.pinned = None;
                None
            }
        }
    }

    /// Turns the fast path on or off (tests compare both).
    #[cfg(test)]
    pub(crate) fn set_fast_path(&mut self, on: bool) {
        self.fast_enabled = on;
    }

    /// Puts the text of a whitespace-only [`Ev::Text`] into `scratch`, where it is content:
    /// `step` leaves such text in `buf` (the event's bytes, there until the next step).
    fn space_text(&mut self, ev: Ev, buf: &[u8]) {
        if ev != (Ev::Text { space: true }) {
            return;
        }
        self.scratch.clear();
        // Whitespace only (ASCII): nothing to check; line ends become LF as everywhere.
        if let Ok(raw) = std::str::from_utf8(buf) {
            let _ = push_text::<ErrorKind>(&mut self.scratch, raw, false);
        }
    }

    /// Decodes a start tag into `cur`: its name and attributes.
    fn tag(&mut self, tag: &BytesStart<'_>, start: u64) -> Result<(), Fatal> {
        self.tag_str(tag, start)
    }

    /// [`TmxReader::tag`] on the tag's content (without `<`, `>` and the `/` of an
    /// empty-element tag).
    fn tag_str(&mut self, content: &str, start: u64) -> Result<(), Fatal> {
        let len = name_len(content.as_bytes());
        let text = &content[..len];
        let name = Name::from_bytes(text.as_bytes());
        if name == Name::Other {
            if !is_name(text) {
                return Err(self.error_at(start + 1, ErrorKind::InvalidName(text.to_owned())));
            }
            text.clone_into(&mut self.cur.other);
        }
        self.cur.name = Some(name);
        let limits = AttrLimits {
            max_attrs: self.limits.max_attrs,
            max_attr_len: self.limits.max_attr_len,
        };
        let mut attrs = std::mem::take(&mut self.attr_scratch);
        let parsed = parse_attrs_into(&mut attrs, content, len, limits);
        // One allocation of the right size (most elements have no attributes: none).
        let mut exact = Vec::with_capacity(attrs.len());
        exact.append(&mut attrs);
        self.cur.attrs = exact;
        self.attr_scratch = attrs;
        parsed.map_err(|(at, kind)| self.error_at(start + 1 + at as u64, kind))
    }

    /// The attributes of the current tag, taken.
    fn take_attrs(&mut self) -> Vec<Attr> {
        std::mem::take(&mut self.cur.attrs)
    }

    /// Checks the XML declaration (the event that started at `start`).
    fn declaration(&mut self, start: u64) -> Result<(), Fatal> {
        let end = self.xml.get_ref().offset();
        let Some(raw) = self.xml.get_ref().slice(start, end) else {
            return Ok(());
        };
        // `<?xml ... ?>`: the pseudo-attributes sit between `<?xml` and `?>`.
        let inner = raw.get(5..raw.len().saturating_sub(2)).unwrap_or(&[]);
        let inner = String::from_utf8_lossy(inner).into_owned();
        let limits = AttrLimits {
            max_attrs: 3,
            max_attr_len: 1024,
        };
        let bad = |reader: &Self, at: usize, message: String| {
            reader.error_at(start + 5 + at as u64, ErrorKind::BadDeclaration(message))
        };
        let attrs = match parse_attrs(&format!(" {inner}"), 1, limits) {
            Ok(attrs) => attrs,
            Err((at, kind)) => return Err(bad(self, at.saturating_sub(1), kind.to_string())),
        };
        let mut version = None;
        for attr in &attrs {
            match attr.name.as_str() {
                "version" => version = Some(attr.value.clone()),
                "encoding" => {}
                "standalone" if matches!(attr.value.as_str(), "yes" | "no") => {}
                other => {
                    let message = format!("unexpected `{other}=\"{}\"`", attr.value);
                    return Err(bad(self, 0, message));
                }
            }
        }
        match version.as_deref() {
            None => return Err(bad(self, 0, "no `version`".to_owned())),
            Some("1.0") => {}
            Some(other) => {
                let message = format!("XML version `{other}`; read with the rules of XML 1.0");
                self.warn(start, "xml-version", message);
            }
        }
        Ok(())
    }

    /// Keeps the DOCTYPE (the event that started at `start`) after refusing entity
    /// declarations and parameter entities in its internal subset. Nothing is resolved or
    /// fetched, ever.
    fn read_doctype(&mut self, start: u64) -> Result<(), Fatal> {
        let end = self.xml.get_ref().offset();
        let raw = self.xml.get_ref().slice(start, end).unwrap_or(&[]).to_vec();
        if !raw.starts_with(b"<!DOCTYPE") {
            return Err(self.error_at(start, ErrorKind::DoctypeCase));
        }
        if let Err((at, kind)) = check_chars(&raw).and_then(|()| scan_doctype(&raw)) {
            return Err(self.error_at(start + at as u64, kind));
        }
        let content = raw.get(9..raw.len().saturating_sub(1)).unwrap_or(&[]);
        let skip = content.iter().take_while(|&&b| is_xml_space(b)).count();
        let text = String::from_utf8_lossy(&content[skip..]);
        let mut doctype = String::with_capacity(text.len());
        // Only line ends change here; characters were checked above.
        if let Err((at, kind)) = push_text(&mut doctype, &text, true) {
            return Err(self.error_at(start + at as u64, kind));
        }
        self.doctype = Some(doctype);
        Ok(())
    }

    /// Reads and checks events until the open stack is `depth` deep again.
    fn skip_to(&mut self, buf: &mut Vec<u8>, depth: usize) -> Result<(), Fatal> {
        while self.open.len() > depth {
            self.step(buf)?;
        }
        Ok(())
    }

    /// The element the current event sits in, for messages; `is_start`: the current event
    /// is a start tag (so it is on the open stack, above its parent).
    fn parent_name(&self, is_start: bool) -> String {
        let skip = usize::from(is_start);
        let Some(at) = self.open.len().checked_sub(1 + skip) else {
            return "document".to_owned();
        };
        let name = self.open[at];
        if name != Name::Other {
            return name.as_str("").to_owned();
        }
        // The `Other` names above it on the stack come later in `open_other`.
        let above = self.open[at + 1..]
            .iter()
            .filter(|n| **n == Name::Other)
            .count();
        let index = self.open_other.len().checked_sub(1 + above);
        index
            .and_then(|i| self.open_other.get(i))
            .cloned()
            .unwrap_or_default()
    }

    /// An Error problem for the current element, which cannot be where it is.
    fn unexpected(&mut self, is_start: bool) {
        let parent = self.parent_name(is_start);
        let message = format!(
            "unexpected `<{}>` in `<{parent}>`, skipped",
            self.cur.name_str()
        );
        self.structure_problem(self.cur.start, "unexpected-element", message);
    }

    /// Skips the current element (a start tag: its content too) after reporting it.
    fn skip_unexpected(&mut self, buf: &mut Vec<u8>, ev: Ev) -> Result<(), Fatal> {
        let is_start = ev == Ev::Start;
        self.unexpected(is_start);
        if is_start {
            self.skip_to(buf, self.open.len() - 1)?;
        }
        Ok(())
    }

    // ---- document structure ----

    /// Reads the prolog, `<tmx>` and `<header>`, up to the start of `<body>`.
    fn prolog(&mut self, buf: &mut Vec<u8>) -> Result<(), Fatal> {
        loop {
            let ev = self.step(buf)?;
            let start = self.cur.start;
            match ev {
                Ev::Other | Ev::End | Ev::Text { space: true } => {}
                Ev::Text { space: false } => {
                    return Err(self.error_at(start, ErrorKind::TextBeforeRoot));
                }
                Ev::Start | Ev::Empty if self.cur.name() != Name::Tmx => {
                    let root = self.cur.name_str().to_owned();
                    return Err(self.error_at(start, ErrorKind::NotTmx(root)));
                }
                Ev::Start => {
                    self.root();
                    self.phase = Phase::Root;
                    break;
                }
                Ev::Empty => {
                    self.root();
                    let message = "`<tmx>` has neither `<header>` nor `<body>`: no TUs".to_owned();
                    self.warn(start, "missing-body", message);
                    self.phase = Phase::AfterRoot;
                    return Ok(());
                }
                Ev::Eof => return Err(self.error_at(start, ErrorKind::NoRoot)),
            }
        }
        let mut header_seen = false;
        loop {
            let ev = self.step(buf)?;
            let start = self.cur.start;
            match (ev, self.cur.name()) {
                (Ev::Other | Ev::Text { space: true }, _) => {}
                (Ev::Text { space: false }, _) => {
                    let message =
                        "text in `<tmx>` outside `<header>` and `<body>` is ignored".to_owned();
                    self.structure_problem(start, "text-in-tmx", message);
                }
                (Ev::Start | Ev::Empty, Name::Header) if !header_seen => {
                    header_seen = true;
                    self.read_header(buf, ev == Ev::Empty)?;
                }
                (Ev::Start | Ev::Empty, Name::Body) => {
                    if !header_seen {
                        self.warn(
                            start,
                            "missing-header",
                            "no `<header>` before `<body>`".to_owned(),
                        );
                    }
                    let attrs = self.take_attrs();
                    let dropped = hoist_namespaces(attrs, &mut self.root_attrs);
                    if !dropped.is_empty() {
                        let message = format!(
                            "attributes of `<body>` are not kept ({}); its namespace declarations move to `<tmx>`",
                            attr_names(&dropped)
                        );
                        self.warn(start, "body-attrs", message);
                    }
                    self.phase = if ev == Ev::Start {
                        Phase::Body
                    } else {
                        Phase::AfterBody
                    };
                    return Ok(());
                }
                (Ev::Start | Ev::Empty, _) => self.skip_unexpected(buf, ev)?,
                (Ev::End, _) => {
                    // `</tmx>` without `<body>`.
                    self.warn(
                        start,
                        "missing-body",
                        "`<tmx>` has no `<body>`: no TUs".to_owned(),
                    );
                    self.phase = Phase::AfterRoot;
                    return Ok(());
                }
                (Ev::Eof, _) => return Err(self.error_at(start, ErrorKind::NoRoot)),
            }
        }
    }

    /// Takes `<tmx>`'s attributes.
    fn root(&mut self) {
        let start = self.cur.start;
        let mut attrs = self.take_attrs();
        match attrs.iter().position(|attr| attr.name == "version") {
            Some(at) => self.version = attrs.remove(at).value,
            None => self.warn(
                start,
                "missing-version",
                "`<tmx>` has no `version`".to_owned(),
            ),
        }
        if !self.version.is_empty()
            && !matches!(
                self.version.as_str(),
                "1.1" | "1.2" | "1.3" | "1.4" | "1.4a" | "1.4b"
            )
        {
            let message = format!("unknown TMX version `{}`; read as TMX 1.4", self.version);
            self.warn(start, "unknown-version", message);
        }
        self.root_attrs = attrs;
    }

    /// Reads `<header>` (the current tag): props and notes, `<ude>` and unknown children
    /// kept as elements.
    fn read_header(&mut self, buf: &mut Vec<u8>, empty: bool) -> Result<(), Fatal> {
        let header_position = self.locate(self.cur.start);
        self.header.attrs = self.take_attrs();
        let depth = self.open.len();
        let mut meta: Option<MetaBuild> = None;
        let mut extras: Vec<Element> = Vec::new();
        let mut items = 0usize;
        while !empty && self.open.len() >= depth {
            let ev = self.step(buf)?;
            let at = self.cur.start;
            match ev {
                Ev::Other | Ev::Eof => {}
                Ev::Text { space } => {
                    if !extras.is_empty() || meta.is_some() {
                        self.space_text(ev, buf);
                    }
                    if let Some(element) = extras.last_mut() {
                        match element.children.last_mut() {
                            Some(Node::Text(previous)) => previous.push_str(&self.scratch),
                            _ => element
                                .children
                                .push(Node::Text(std::mem::take(&mut self.scratch))),
                        }
                    } else if let Some(meta) = meta.as_mut() {
                        meta.value.push_str(&self.scratch);
                    } else if !space {
                        let message =
                            "text in `<header>` outside its children is ignored".to_owned();
                        self.structure_problem(at, "text-in-header", message);
                    }
                }
                Ev::End => {
                    if !extras.is_empty() {
                        close_extra(&mut extras, &mut self.header.extra);
                    } else if let Some(built) = meta.take() {
                        self.header.meta.push(built.finish());
                    }
                    // Otherwise `</header>` itself: the loop ends.
                }
                Ev::Start | Ev::Empty if !extras.is_empty() => {
                    extras.push(Element {
                        name: self.cur.name_str().to_owned(),
                        attrs: self.take_attrs(),
                        children: Vec::new(),
                    });
                    if ev == Ev::Empty {
                        close_extra(&mut extras, &mut self.header.extra);
                    }
                }
                Ev::Start | Ev::Empty => {
                    let name = self.cur.name();
                    if meta.is_some() {
                        // An element inside `<prop>`/`<note>`: drop the whole prop or note.
                        let message = format!(
                            "`<{}>` inside a prop or note; the prop or note is skipped",
                            self.cur.name_str()
                        );
                        self.structure_problem(at, "element-in-meta", message);
                        meta = None;
                        self.skip_to(buf, depth)?;
                        continue;
                    }
                    items += 1;
                    if items > self.limits.max_header_items {
                        return Err(self.limit(
                            at,
                            "max_header_items",
                            self.limits.max_header_items as u64,
                            "too many children in `<header>`",
                        ));
                    }
                    match name {
                        Name::Prop | Name::Note => {
                            let built = MetaBuild {
                                note: name == Name::Note,
                                attrs: self.take_attrs(),
                                value: String::new(),
                            };
                            if ev == Ev::Start {
                                meta = Some(built);
                            } else {
                                self.header.meta.push(built.finish());
                            }
                        }
                        Name::Tmx
                        | Name::Header
                        | Name::Body
                        | Name::Tu
                        | Name::Tuv
                        | Name::Seg => {
                            self.skip_unexpected(buf, ev)?;
                        }
                        _ => {
                            if name != Name::Ude {
                                let message = format!(
                                    "`<{}>` in `<header>` is not TMX; kept as is",
                                    self.cur.name_str()
                                );
                                self.warn(at, "unknown-element", message);
                            }
                            extras.push(Element {
                                name: self.cur.name_str().to_owned(),
                                attrs: self.take_attrs(),
                                children: Vec::new(),
                            });
                            if ev == Ev::Empty {
                                close_extra(&mut extras, &mut self.header.extra);
                            }
                        }
                    }
                }
            }
        }
        let mut findings = std::mem::take(&mut self.findings);
        findings.clear();
        self.checker.check_header(&self.header, &mut findings);
        for finding in findings.drain(..) {
            self.problem(
                Severity::Warning,
                finding.code,
                header_position,
                None,
                None,
                finding.message,
            );
        }
        self.findings = findings;
        Ok(())
    }

    fn next_tu_in(&mut self, buf: &mut Vec<u8>) -> Result<Option<TuRecord>, Fatal> {
        loop {
            let phase = self.phase;
            if matches!(phase, Phase::Done | Phase::Prolog | Phase::Root) {
                return Ok(None);
            }
            if phase == Phase::Body
                && self.fast_enabled
                && self.qx_at_markup
                && let Some(record) = self.try_fast_tu(buf)
            {
                return Ok(Some(record));
            }
            let ev = self.step(buf)?;
            let start = self.cur.start;
            let name = self.cur.name();
            match (phase, ev) {
                (_, Ev::Other) | (_, Ev::Text { space: true }) => {}
                (Phase::Body, Ev::Start) if name == Name::Tu => {
                    if let Some(record) = self.read_tu(buf, false)? {
                        return Ok(Some(record));
                    }
                }
                (Phase::Body, Ev::Empty) if name == Name::Tu => {
                    self.read_tu(buf, true)?;
                }
                (Phase::Body, Ev::End) => self.phase = Phase::AfterBody,
                (Phase::AfterBody, Ev::End) => self.phase = Phase::AfterRoot,
                (Phase::Body | Phase::AfterBody, Ev::Start | Ev::Empty) => {
                    self.skip_unexpected(buf, ev)?;
                }
                (Phase::Body | Phase::AfterBody, Ev::Text { space: false }) => {
                    let message = format!(
                        "text in `<{}>` outside any `<tu>` is ignored",
                        self.parent_name(false)
                    );
                    self.structure_problem(start, "text-in-body", message);
                }
                (Phase::Fragment, Ev::Start) if name == Name::Tu => {
                    self.phase = Phase::AfterRoot;
                    if let Some(record) = self.read_tu(buf, false)? {
                        return Ok(Some(record));
                    }
                }
                (Phase::Fragment, Ev::Eof) => {
                    let kind = ErrorKind::NotATu("no `<tu>` found".to_owned());
                    return Err(self.error_at(start, kind));
                }
                (Phase::Fragment, _) => {
                    let kind = ErrorKind::NotATu("it does not start with `<tu>`".to_owned());
                    return Err(self.error_at(start, kind));
                }
                (Phase::AfterRoot, Ev::Start | Ev::Empty) => {
                    let what = format!("element `<{}>`", self.cur.name_str());
                    return Err(self.error_at(start, ErrorKind::AfterRoot(what)));
                }
                (Phase::AfterRoot, Ev::Text { .. } | Ev::End) => {
                    return Err(self.error_at(start, ErrorKind::AfterRoot("text".to_owned())));
                }
                (_, Ev::Eof) => {
                    // `step` reports unclosed elements: nothing is open here.
                    self.phase = Phase::Done;
                    return Ok(None);
                }
                (_, Ev::Start | Ev::Empty | Ev::End | Ev::Text { .. }) => {
                    // The phases that remain (prolog, root) never reach this loop.
                    return Ok(None);
                }
            }
        }
    }

    /// Reads the TU whose start tag is the current event. `Ok(None)`: it was damaged and
    /// skipped (an Error problem says why).
    fn read_tu(&mut self, buf: &mut Vec<u8>, empty: bool) -> Result<Option<TuRecord>, Fatal> {
        let start = self.cur.start;
        let index = self.next_index;
        self.next_index += 1;
        if index as u64 >= self.limits.max_tus {
            return Err(self.limit(
                start,
                "max_tus",
                self.limits.max_tus,
                "too many `<tu>` elements",
            ));
        }
        self.pinned = Some(start);
        self.xml.get_mut().commit(start);
        let result = self.read_tu_pinned(buf, empty, index);
        self.pinned = None;
        result
    }

    fn read_tu_pinned(
        &mut self,
        buf: &mut Vec<u8>,
        empty: bool,
        index: usize,
    ) -> Result<Option<TuRecord>, Fatal> {
        let start = self.cur.start;
        let (line, column) = self.locate(start);
        // The depth once `</tu>` is read.
        let outer = if empty {
            self.open.len()
        } else {
            self.open.len() - 1
        };
        let mut build = TuBuild {
            tu: Tu {
                attrs: self.take_attrs(),
                meta: Vec::new(),
                tuvs: Vec::new(),
            },
            ..TuBuild::default()
        };
        self.tuv_offsets.clear();
        let found = if empty {
            Some(Damage {
                offset: start,
                code: "tu-without-tuv",
                message: "`<tu>` without any `<tuv>`; skipped".to_owned(),
            })
        } else {
            self.frames.clear();
            self.frames.push(Frame::Tu);
            self.build_tu(buf, &mut build)?
        };
        if let Some(found) = found {
            if self.fast.is_some() {
                // Damaged TUs are the quick-xml path's business.
                return Err(self.bail());
            }
            self.skip_to(buf, outer)?;
            let position = self.locate(found.offset);
            let tuid = build.tu.attr("tuid");
            self.problem(
                Severity::Error,
                found.code,
                position,
                Some(index),
                tuid,
                found.message,
            );
            return Ok(None);
        }
        let end = self.next_offset();
        self.report_tu(&build, index, (line, column));
        let span = self.encoding.is_utf8().then(|| {
            let base = self.fragment_base.unwrap_or(self.bom_len);
            base + start..base + end
        });
        Ok(Some(TuRecord {
            tu: build.tu,
            index,
            line,
            column,
            span,
        }))
    }

    /// Reads the content of a TU up to `</tu>`; `Some(damage)` stops at the first damage.
    fn build_tu(&mut self, buf: &mut Vec<u8>, b: &mut TuBuild) -> Result<Option<Damage>, Fatal> {
        loop {
            let ev = self.step(buf)?;
            let at = self.cur.start;
            let Some(&top) = self.frames.last() else {
                return Ok(None);
            };
            match ev {
                Ev::Other => continue,
                Ev::Eof => return Err(self.unclosed_error()),
                Ev::Text { space } => {
                    match top {
                        Frame::Seg | Frame::Inline => {
                            self.space_text(ev, buf);
                            append_text(b.content(), &mut self.scratch);
                        }
                        Frame::Meta => {
                            self.space_text(ev, buf);
                            if let Some(meta) = b.meta.as_mut() {
                                if meta.value.is_empty() {
                                    std::mem::swap(&mut meta.value, &mut self.scratch);
                                } else {
                                    meta.value.push_str(&self.scratch);
                                }
                                if meta.value.len() > self.limits.max_text_len {
                                    let max = self.limits.max_text_len as u64;
                                    return Err(self.limit(
                                        at,
                                        "max_text_len",
                                        max,
                                        "text too long",
                                    ));
                                }
                            }
                        }
                        Frame::Tu | Frame::Tuv if space => {}
                        Frame::Tu | Frame::Tuv => {
                            let parent = if top == Frame::Tu { "tu" } else { "tuv" };
                            let message =
                                format!("text directly in `<{parent}>`; the TU is skipped");
                            return damage(at, "text-in-tu", message);
                        }
                    }
                    continue;
                }
                Ev::End => {
                    if let Some(found) = self.close(b, at) {
                        return Ok(Some(found));
                    }
                    if self.frames.is_empty() {
                        return Ok(None);
                    }
                    continue;
                }
                Ev::Start | Ev::Empty => {}
            }
            let name = self.cur.name();
            match (top, name) {
                (Frame::Tu | Frame::Tuv, Name::Prop | Name::Note) => {
                    let misplaced = if top == Frame::Tu {
                        !b.tu.tuvs.is_empty()
                    } else {
                        b.has_seg
                    };
                    if misplaced {
                        let message = "`<prop>`/`<note>` after the content it belongs before; kept"
                            .to_owned();
                        b.warnings.push((at, "misplaced-meta", message));
                    }
                    b.meta = Some(MetaBuild {
                        note: name == Name::Note,
                        attrs: self.take_attrs(),
                        value: String::new(),
                    });
                    self.frames.push(Frame::Meta);
                }
                (Frame::Tu, Name::Tuv) => {
                    if b.tu.tuvs.len() >= self.limits.max_tuvs {
                        let max = self.limits.max_tuvs as u64;
                        return Err(self.limit(
                            at,
                            "max_tuvs",
                            max,
                            "too many `<tuv>` in one `<tu>`",
                        ));
                    }
                    let attrs = self.take_attrs();
                    if attr_value(&attrs, "xml:lang")
                        .or_else(|| attr_value(&attrs, "lang"))
                        .is_none()
                    {
                        let message =
                            "`<tuv>` without `xml:lang` (or `lang`); the TU is skipped".to_owned();
                        return damage(at, "tuv-without-lang", message);
                    }
                    b.tuv = Some(Tuv {
                        attrs,
                        meta: Vec::new(),
                        seg: Seg::default(),
                    });
                    b.has_seg = false;
                    self.tuv_offsets.push((at, at));
                    self.frames.push(Frame::Tuv);
                }
                (Frame::Tuv, Name::Seg) => {
                    if b.has_seg {
                        let message =
                            "`<tuv>` with more than one `<seg>`; the TU is skipped".to_owned();
                        return damage(at, "tuv-two-segs", message);
                    }
                    let attrs = self.take_attrs();
                    let dropped = match b.tuv.as_mut() {
                        Some(tuv) => hoist_namespaces(attrs, &mut tuv.attrs),
                        None => attrs,
                    };
                    if !dropped.is_empty() {
                        let message = format!(
                            "attributes of `<seg>` are not kept ({}); its namespace declarations move to `<tuv>`",
                            attr_names(&dropped)
                        );
                        b.warnings.push((at, "seg-attrs", message));
                    }
                    if let Some(offsets) = self.tuv_offsets.last_mut() {
                        offsets.1 = at;
                    }
                    b.seg = Vec::new();
                    b.inline_count = 0;
                    self.frames.push(Frame::Seg);
                }
                (Frame::Seg | Frame::Inline, Name::Inline(code)) => {
                    self.open_inline(b, code.kind(), at)?;
                }
                (Frame::Seg | Frame::Inline, Name::Other) => {
                    let other = self.cur.other.clone();
                    let message = format!("`<{other}>` in `<seg>` is not TMX; kept as is");
                    b.warnings.push((at, "unknown-element", message));
                    self.open_inline(b, InlineKind::Other(other), at)?;
                }
                (Frame::Meta, _) => {
                    let message = format!(
                        "`<{}>` inside a prop or note; the TU is skipped",
                        self.cur.name_str()
                    );
                    return damage(at, "element-in-meta", message);
                }
                (Frame::Tu | Frame::Tuv, Name::Other) => {
                    let parent = if top == Frame::Tu { "tu" } else { "tuv" };
                    let message = format!(
                        "unknown element `<{}>` in `<{parent}>`; the TU is skipped so nothing is lost silently",
                        self.cur.other
                    );
                    return damage(at, "unknown-element", message);
                }
                (_, _) => {
                    let parent = match top {
                        Frame::Tu => "tu",
                        Frame::Tuv => "tuv",
                        _ => "seg",
                    };
                    let message = format!(
                        "`<{}>` cannot be in `<{parent}>`; the TU is skipped",
                        self.cur.name_str()
                    );
                    return damage(at, "misplaced-element", message);
                }
            }
            if ev == Ev::Empty
                && let Some(found) = self.close(b, at)
            {
                return Ok(Some(found));
            }
        }
    }

    fn open_inline(&mut self, b: &mut TuBuild, kind: InlineKind, at: u64) -> Result<(), Fatal> {
        b.inline_count += 1;
        if b.inline_count > self.limits.max_inline {
            let max = self.limits.max_inline as u64;
            let what = "too many inline elements in one `<seg>`";
            return Err(self.limit(at, "max_inline", max, what));
        }
        b.inline.push(InlineElement {
            kind,
            attrs: self.take_attrs(),
            content: Vec::new(),
        });
        self.frames.push(Frame::Inline);
        Ok(())
    }

    /// Closes the innermost frame (an end tag, or right after an empty-element tag).
    fn close(&mut self, b: &mut TuBuild, at: u64) -> Option<Damage> {
        match self.frames.pop()? {
            Frame::Tu => {
                if b.tu.tuvs.is_empty() {
                    return Some(Damage {
                        offset: at,
                        code: "tu-without-tuv",
                        message: "`<tu>` without any `<tuv>`; skipped".to_owned(),
                    });
                }
            }
            Frame::Tuv => {
                if !b.has_seg {
                    return Some(Damage {
                        offset: at,
                        code: "tuv-without-seg",
                        message: "`<tuv>` without `<seg>`; the TU is skipped".to_owned(),
                    });
                }
                if let Some(tuv) = b.tuv.take() {
                    b.tu.tuvs.push(tuv);
                }
            }
            Frame::Seg => {
                let seg = std::mem::take(&mut b.seg);
                if let Some(tuv) = b.tuv.as_mut() {
                    tuv.seg = Seg(seg);
                }
                b.has_seg = true;
            }
            Frame::Inline => {
                if let Some(element) = b.inline.pop() {
                    b.content().push(Inline::Element(element));
                }
            }
            Frame::Meta => {
                if let Some(meta) = b.meta.take() {
                    let meta = meta.finish();
                    match b.tuv.as_mut() {
                        Some(tuv) => tuv.meta.push(meta),
                        None => b.tu.meta.push(meta),
                    }
                }
            }
        }
        None
    }

    /// Turns warnings and check findings of a finished TU into problems.
    fn report_tu(&mut self, b: &TuBuild, index: usize, tu_position: (usize, usize)) {
        let tuid = b.tu.attr("tuid");
        let mut findings = std::mem::take(&mut self.findings);
        findings.clear();
        self.checker
            .check_tu(&b.tu, self.header.attr("srclang"), &mut findings);
        for (offset, code, message) in &b.warnings {
            let position = self.locate(*offset);
            self.problem(
                Severity::Warning,
                code,
                position,
                Some(index),
                tuid,
                message.clone(),
            );
        }
        for finding in findings.drain(..) {
            let offset = match finding.target {
                Target::Tu => None,
                Target::Tuv(i) => self.tuv_offsets.get(i).map(|o| o.0),
                Target::Seg(i) => self.tuv_offsets.get(i).map(|o| o.1),
            };
            let position = offset.map_or(tu_position, |offset| self.locate(offset));
            self.problem(
                Severity::Warning,
                finding.code,
                position,
                Some(index),
                tuid,
                finding.message,
            );
        }
        self.findings = findings;
    }
}

/// Closes the innermost kept element, attaching it to its parent or to the header.
fn close_extra(extras: &mut Vec<Element>, header_extra: &mut Vec<Element>) {
    if let Some(element) = extras.pop() {
        match extras.last_mut() {
            Some(parent) => parent.children.push(Node::Element(element)),
            None => header_extra.push(element),
        }
    }
}

/// A token of the fast path, by length in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// The window ends inside the token: read more.
    Need,
    /// Something the fast path leaves to quick-xml.
    Bail,
    /// Text up to `<` or `&`.
    Text(usize),
    /// `&...;`.
    Ref(usize),
    /// `<` starting a start or empty-element tag: its end is found by parsing it.
    Tag,
    /// `</name>`.
    End(usize),
}

impl Token {
    fn len(self) -> usize {
        match self {
            Token::Need | Token::Bail => 0,
            Token::Tag => 1,
            Token::Text(len) | Token::Ref(len) | Token::End(len) => len,
        }
    }
}

/// The length of the `<tu>` element at the start of `window` up to the end of the first
/// `</tu>` (`</tu` and optional whitespace before `>`), if the window holds it.
fn tu_end(window: &[u8]) -> Option<usize> {
    let mut at = 0;
    loop {
        let lt = at + find2(window.get(at..)?, b'<', b'<')?;
        let rest = window.get(lt..)?;
        if rest.len() < 5 {
            return None;
        }
        if rest.starts_with(b"</tu") {
            let space = rest[4..].iter().take_while(|&&b| is_xml_space(b)).count();
            match rest.get(4 + space) {
                Some(b'>') => return Some(lt + 4 + space + 1),
                None => return None,
                Some(_) => {}
            }
        }
        at = lt + 1;
    }
}

/// The next token at the start of `window`, for the fast path.
fn scan_token(window: &[u8]) -> Token {
    let Some(&first) = window.first() else {
        return Token::Need;
    };
    match first {
        b'<' => match window.get(1) {
            None => Token::Need,
            Some(b'!' | b'?') => Token::Bail,
            // No quotes in a well-formed end tag: with one, quick-xml decides.
            Some(b'/') => match find3(&window[2..], b'>', b'"', b'\'') {
                None => Token::Need,
                Some(at) if window[2 + at] == b'>' => Token::End(at + 3),
                Some(_) => Token::Bail,
            },
            Some(_) => Token::Tag,
        },
        b'&' => match find3(&window[1..], b';', b'<', b'&') {
            None => Token::Need,
            Some(at) if window[1 + at] == b';' => Token::Ref(at + 2),
            Some(_) => Token::Bail,
        },
        // Text may go on past the window.
        _ => find2(window, b'<', b'&').map_or(Token::Need, Token::Text),
    }
}

/// Finds entity declarations and parameter entity references in the internal subset of a
/// DOCTYPE (`raw` is the whole `<!DOCTYPE ...>`).
/// Whether an attribute declares a namespace (`xmlns`, `xmlns:ex`).
pub fn is_namespace_declaration(name: &str) -> bool {
    name == "xmlns" || name.starts_with("xmlns:")
}

/// Moves the namespace declarations among `attrs` (of an element the model does not keep
/// attributes for: `<body>`, `<seg>`) to `parent`'s attributes, so the prefixed attributes
/// and elements they serve stay namespace-well-formed: the declaration's scope grows to the
/// parent, which binds nothing else to that prefix. Gives back the attributes not kept: the
/// others, and a declaration of a prefix the parent binds to another URI.
fn hoist_namespaces(attrs: Vec<Attr>, parent: &mut Vec<Attr>) -> Vec<Attr> {
    let mut dropped = Vec::new();
    for attr in attrs {
        if !is_namespace_declaration(&attr.name) {
            dropped.push(attr);
            continue;
        }
        match attr_value(parent, &attr.name) {
            None => parent.push(attr),
            Some(value) if value == attr.value => {}
            Some(_) => dropped.push(attr),
        }
    }
    dropped
}

/// `` `a`, `b` ``: attribute names for a message.
fn attr_names(attrs: &[Attr]) -> String {
    attrs
        .iter()
        .map(|attr| format!("`{}`", attr.name))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn scan_doctype(raw: &[u8]) -> Result<(), (usize, ErrorKind)> {
    let mut quote: Option<u8> = None;
    let mut in_subset = false;
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        match b {
            b'"' | b'\'' => quote = Some(b),
            b'[' => in_subset = true,
            b']' => in_subset = false,
            b'<' if in_subset && raw[i..].starts_with(b"<!--") => {
                let end = raw[i..]
                    .windows(3)
                    .position(|w| w == b"-->")
                    .map_or(raw.len(), |at| i + at + 3);
                i = end;
                continue;
            }
            b'<' if in_subset && raw[i..].starts_with(b"<!ENTITY") => {
                return Err((i, ErrorKind::EntityDeclaration));
            }
            b'%' if in_subset => {
                if let Some(len) = raw[i + 1..].iter().position(|&c| c == b';') {
                    let name = String::from_utf8_lossy(&raw[i + 1..i + 1 + len]);
                    if is_name(&name) {
                        return Err((i, ErrorKind::ParameterEntity(format!("%{name};"))));
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    Ok(())
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
