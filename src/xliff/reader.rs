//! The XLIFF 2.x / 1.2 reader: a pull parser over the decoded text, a stack of what each
//! open element is to us, and one unit built at a time. See the [module docs](super#reading).

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::attributes::AttrError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::error::{ErrorKind, XliffError};
use super::writer::{ALT_TRANS_ORIGIN, CONTEXT, MARKDOWN_DATA, MATCH_SCORE, OLD_SOURCE};
use super::{
    CodeMismatch, LEVERAGED_INHERITED, NEEDS_REVIEW_TRANSLATION, NS_1_2, NS_2_0, NS_2_2, STATE_NEW,
    SUB_STATE_SOURCE_COPY, State, XliffDoc, XliffUnit,
};
use crate::text::position::line_column;
use crate::text::utf16;
use crate::xml::{
    Fault, XmlFault, check_chars, is_all_space, is_name, push_attr_value, push_text,
    resolve_reference,
};

/// Reads an XLIFF 1.2 or 2.x document; `path` only names the file in errors.
pub fn read(path: &Path, bytes: &[u8]) -> Result<XliffDoc, XliffError> {
    let text = decode(bytes).map_err(|(prefix, kind)| {
        let (line, column) = line_column(prefix.as_bytes(), prefix.len());
        XliffError {
            path: path.to_owned(),
            line,
            column,
            kind,
        }
    })?;
    Reader::new(path, &text).run()
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The text of `bytes`: UTF-8 (BOM optional) or UTF-16 with a BOM. On error, the text
/// decoded before the fault (for its line and column) and the error.
fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, (String, ErrorKind)> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return decode_utf16(rest, false).map(Cow::Owned);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return decode_utf16(rest, true).map(Cow::Owned);
    }
    let (rest, skipped) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest, UTF8_BOM.len()),
        None => (bytes, 0),
    };
    match std::str::from_utf8(rest) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(error) => {
            let valid = rest.get(..error.valid_up_to()).unwrap_or_default();
            Err((
                String::from_utf8_lossy(valid).into_owned(),
                ErrorKind::Encoding {
                    encoding: "UTF-8",
                    byte: skipped + error.valid_up_to(),
                },
            ))
        }
    }
}

/// UTF-16 after its byte order mark (2 bytes, counted in the error's byte offset).
fn decode_utf16(rest: &[u8], big_endian: bool) -> Result<String, (String, ErrorKind)> {
    utf16::decode_utf16(rest, big_endian).map_err(|fault| {
        let kind = ErrorKind::Encoding {
            encoding: "UTF-16",
            byte: 2 + fault.offset,
        };
        (fault.decoded, kind)
    })
}

/// The XLIFF generation of the document being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gen {
    V1,
    V2,
}

/// The namespace of an element, as far as the reader cares.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Ns {
    Unbound,
    Known(&'static str),
    Other(String),
    /// An undeclared prefix.
    Undeclared(String),
}

impl Ns {
    fn of(result: &ResolveResult<'_>) -> Ns {
        match result {
            ResolveResult::Unbound => Ns::Unbound,
            ResolveResult::Bound(ns) => match ns.as_ref() {
                NS_1_2 => Ns::Known(NS_1_2),
                NS_2_0 => Ns::Known(NS_2_0),
                NS_2_2 => Ns::Known(NS_2_2),
                other => Ns::Other(other.to_owned()),
            },
            ResolveResult::Unknown(prefix) => Ns::Undeclared(prefix.clone()),
        }
    }
}

/// What an open element is to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Frame {
    Root,
    File,
    /// 1.2 `<body>`, `<group>`; 2.0 `<group>`.
    Container,
    Unit,
    /// 2.0 `<segment>` or `<ignorable>`.
    Segment,
    /// 2.0 `<notes>`.
    Notes,
    /// 2.0 `<originalData>`.
    OriginalData,
    /// `<source>`, `<target>` or `<note>` whose text is captured.
    Text,
    /// An element inside captured text: its text is captured too.
    Inline,
    /// Anything else, with its whole content.
    Skip,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Source,
    Target,
    Note,
    OldSource,
    Score,
    Context,
    /// 2.0 `<data>` of `<originalData>`.
    Data,
}

#[derive(Debug)]
struct Capture {
    slot: Slot,
    text: String,
    /// The Markdown of each inline code met, in order (see [`InlineCode`]).
    codes: Vec<String>,
    /// The `id` of a `<data>`.
    data_id: Option<String>,
}

/// An inline element inside captured text, and what its end adds.
#[derive(Debug)]
enum InlineCode {
    /// Not one of our codes: its content is text.
    Plain,
    /// 2.0 `<pc>`: its `dataRefEnd`, whose Markdown is written at its end.
    EndData(String),
    /// 1.2 `<bpt>`, `<ept>`, `<ph>`, `<it>`: its content, from this offset of the
    /// captured text on, is a code's Markdown.
    Native(usize),
}

/// A 2.0 `<segment>` or `<ignorable>` being read.
#[derive(Debug)]
struct Segment {
    ignorable: bool,
    state: State,
    /// `subState="songngu:source-copy"` on an `initial` segment.
    source_copy: bool,
    source: Option<String>,
    target: Option<String>,
}

/// The unit being read.
#[derive(Debug)]
struct UnitBuilder {
    id: String,
    /// 2.0 `name`, 1.2 `resname`.
    name: Option<String>,
    en: String,
    vi: String,
    has_source: bool,
    has_target: bool,
    /// 2.0: the least advanced state of the segments.
    state: Option<State>,
    /// 1.2: the `state` of `<target>`.
    target_state: Option<String>,
    /// 1.2: the `state-qualifier` of `<target>`.
    target_qualifier: Option<String>,
    /// 1.2: `approved="yes"` (`Some(true)`) or `"no"`.
    approved: Option<bool>,
    score: Option<u8>,
    old_en: Option<String>,
    notes: Vec<String>,
    context: Option<String>,
    /// 2.0: a segment marked as a copy of the source.
    source_copy: bool,
    /// 2.0 `<originalData>`: data id → its content.
    data: HashMap<String, String>,
    source_codes: Vec<String>,
    target_codes: Vec<String>,
}

/// Whether a 2.0 data id is one of ours, holding Markdown (see [`MARKDOWN_DATA`]):
/// other tools' original data (HTML, RTF codes) is not our text, and their codes stay
/// flattened to their content.
fn is_markdown_data(id: &str) -> bool {
    id.strip_prefix(MARKDOWN_DATA)
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Each item of `a` not matched by one of `b` (as multisets).
fn multiset_minus(a: &[String], b: &[String]) -> Vec<String> {
    let mut left: Vec<&String> = b.iter().collect();
    a.iter()
        .filter(|x| match left.iter().position(|y| y == x) {
            Some(k) => {
                left.swap_remove(k);
                false
            }
            None => true,
        })
        .cloned()
        .collect()
}

impl UnitBuilder {
    fn new(id: String, name: Option<String>, approved: Option<bool>) -> UnitBuilder {
        UnitBuilder {
            id,
            name,
            en: String::new(),
            vi: String::new(),
            has_source: false,
            has_target: false,
            state: None,
            target_state: None,
            target_qualifier: None,
            approved,
            score: None,
            old_en: None,
            notes: Vec::new(),
            context: None,
            source_copy: false,
            data: HashMap::new(),
            source_codes: Vec::new(),
            target_codes: Vec::new(),
        }
    }

    fn finish(self, generation: Gen) -> XliffUnit {
        let vi = (self.has_target && !self.vi.is_empty()).then_some(self.vi);
        let state = match (&vi, generation) {
            (None, _) => State::Initial,
            (Some(_), Gen::V2) => self.state.unwrap_or(State::Initial),
            // A known `state` wins over `approved` (translate-toolkit writes
            // `approved="yes"` on merely translated units), except that an explicit
            // `approved="no"` keeps a signed-off unit from counting as reviewed.
            // Our stale unit (see the module docs), whatever `approved` says: the old
            // Vietnamese is not a translation of the current English yet.
            (Some(_), Gen::V1)
                if self.target_state.as_deref() == Some(NEEDS_REVIEW_TRANSLATION)
                    && self.target_qualifier.as_deref() == Some(LEVERAGED_INHERITED) =>
            {
                State::Initial
            }
            (Some(_), Gen::V1) => {
                match (
                    self.target_state.as_deref().and_then(State::from_v12),
                    self.approved,
                ) {
                    (Some(State::Reviewed), Some(false)) => State::Translated,
                    (Some(state), _) => state,
                    (None, Some(true)) => State::Reviewed,
                    (None, _) => State::Translated,
                }
            }
        };
        let score = vi.as_ref().and(self.score);
        let copied_source = state == State::Initial
            && vi.is_some()
            && match generation {
                Gen::V1 => self.target_state.as_deref() == Some(STATE_NEW),
                Gen::V2 => self.source_copy,
            };
        let code_mismatch = vi.as_ref().and_then(|_| {
            let missing = multiset_minus(&self.source_codes, &self.target_codes);
            let unexpected = multiset_minus(&self.target_codes, &self.source_codes);
            (!missing.is_empty() || !unexpected.is_empty()).then_some(CodeMismatch {
                missing,
                unexpected,
            })
        });
        XliffUnit {
            id: self.id,
            name: self.name,
            en: self.en,
            vi,
            state,
            score,
            old_en: self.old_en,
            notes: self.notes,
            context: self.context,
            markdown: !self.source_codes.is_empty(),
            copied_source,
            code_mismatch,
        }
    }
}

/// A match score as tools write it: `87`, `87.5`, `87%`; 0 to 100.
pub(super) fn parse_score(value: &str) -> Option<u8> {
    let value = value.trim();
    let value = value.strip_suffix('%').unwrap_or(value).trim_end();
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let number: f64 = value.parse().ok()?;
    (0.0..=100.0)
        .contains(&number)
        .then(|| number.round() as u8)
}

const KNOWN_VERSIONS: [&str; 6] = ["1.0", "1.1", "1.2", "2.0", "2.1", "2.2"];

struct Reader<'a> {
    path: &'a Path,
    text: &'a str,
    xml: NsReader<&'a [u8]>,
    generation: Gen,
    /// The namespace of the XLIFF elements (`None`: a 1.2 document without namespace).
    xliff_ns: Option<&'static str>,
    frames: Vec<Frame>,
    /// The attributes of the current start tag, decoded.
    attrs: Vec<(String, String)>,
    root_done: bool,
    root_at: usize,
    in_file: bool,
    /// The document id, from the first `<file>`.
    doc_id: Option<String>,
    /// Source and target languages: from the root (2.0) or the first `<file>` (1.2).
    langs: (String, String),
    units: Vec<XliffUnit>,
    unit: Option<UnitBuilder>,
    segment: Option<Segment>,
    capture: Option<Capture>,
    /// The inline elements open in captured text.
    inlines: Vec<InlineCode>,
    /// Unit ids seen, with the byte offset of their unit.
    ids: HashMap<String, usize>,
    /// Where text outside captured elements is checked and dropped.
    scratch: String,
}

type Result<T, E = XliffError> = std::result::Result<T, E>;

impl<'a> Reader<'a> {
    fn new(path: &'a Path, text: &'a str) -> Reader<'a> {
        let mut xml = NsReader::from_str(text);
        let config = xml.config_mut();
        config.trim_text(false);
        config.check_end_names = true;
        config.expand_empty_elements = false;
        Reader {
            path,
            text,
            xml,
            generation: Gen::V2,
            xliff_ns: None,
            frames: Vec::new(),
            attrs: Vec::new(),
            root_done: false,
            root_at: 0,
            in_file: false,
            doc_id: None,
            langs: (String::new(), String::new()),
            units: Vec::new(),
            unit: None,
            segment: None,
            capture: None,
            inlines: Vec::new(),
            ids: HashMap::new(),
            scratch: String::new(),
        }
    }

    fn error(&self, offset: usize, kind: ErrorKind) -> XliffError {
        let (line, column) = line_column(self.text.as_bytes(), offset);
        XliffError {
            path: self.path.to_owned(),
            line,
            column,
            kind,
        }
    }

    fn malformed(&self, offset: usize, message: impl Into<String>) -> XliffError {
        self.error(offset, ErrorKind::Malformed(message.into()))
    }

    /// A fault of the low-level XML checks, at `base` + its offset.
    fn fault(&self, base: usize, (at, kind): Fault) -> XliffError {
        self.malformed(base + at, kind.to_string())
    }

    fn run(mut self) -> Result<XliffDoc> {
        loop {
            let at = self.xml.buffer_position() as usize;
            let (ns, event) = match self.xml.read_resolved_event() {
                Ok((ns, event)) => (Ns::of(&ns), event),
                Err(error) => {
                    let at = self.xml.error_position() as usize;
                    return Err(self.malformed(at, error.to_string()));
                }
            };
            match event {
                Event::Start(start) => self.start(&start, ns, at)?,
                Event::Empty(start) => {
                    self.start(&start, ns, at)?;
                    self.end(at)?;
                }
                Event::End(_) => self.end(at)?,
                Event::Text(text) => self.text(&text, at, false)?,
                Event::CData(text) => self.text(&text, at + "<![CDATA[".len(), true)?,
                Event::GeneralRef(reference) => {
                    let c = resolve_reference(&reference)
                        .map_err(|kind: XmlFault| self.malformed(at, kind.to_string()))?;
                    match self.frames.last() {
                        None => return Err(self.malformed(at, "text outside the root element")),
                        Some(Frame::Text | Frame::Inline) => {
                            if let Some(capture) = &mut self.capture {
                                capture.text.push(c);
                            }
                        }
                        Some(_) => {}
                    }
                }
                Event::Decl(_) => {
                    if at != 0 {
                        return Err(self.malformed(
                            at,
                            "the XML declaration is only allowed at the very start of the file",
                        ));
                    }
                }
                Event::Comment(text) => {
                    check_chars(text.as_bytes()).map_err(|fault| self.fault(at + 4, fault))?
                }
                Event::PI(pi) => {
                    check_chars(pi.as_bytes()).map_err(|fault| self.fault(at + 2, fault))?
                }
                Event::DocType(_) => {
                    if !self.frames.is_empty() || self.root_done {
                        return Err(self.malformed(at, "a `<!DOCTYPE>` inside or after the root"));
                    }
                }
                Event::Eof => break,
            }
        }
        let end = self.text.len();
        if !self.frames.is_empty() {
            return Err(self.malformed(end, "unexpected end of file: an element is not closed"));
        }
        if !self.root_done {
            return Err(self.malformed(end, "no root element"));
        }
        let Some(doc) = self.doc_id else {
            return Err(self.error(self.root_at, ErrorKind::NoFile));
        };
        let (source_lang, target_lang) = self.langs;
        Ok(XliffDoc {
            doc,
            source_lang,
            target_lang,
            units: self.units,
        })
    }

    fn text(&mut self, raw: &str, at: usize, cdata: bool) -> Result<()> {
        let capturing = matches!(self.frames.last(), Some(Frame::Text | Frame::Inline));
        let result = match (&mut self.capture, capturing) {
            (Some(capture), true) => push_text(&mut capture.text, raw, cdata),
            _ => {
                self.scratch.clear();
                push_text(&mut self.scratch, raw, cdata)
            }
        };
        result.map_err(|fault| self.fault(at, fault))?;
        if self.frames.is_empty() && (cdata || !is_all_space(raw.as_bytes())) {
            return Err(self.malformed(at, "text outside the root element"));
        }
        Ok(())
    }

    /// Decodes the attributes of `start` into `self.attrs`.
    fn read_attrs(&mut self, start: &BytesStart<'_>, at: usize) -> Result<()> {
        self.attrs.clear();
        for attr in start.attributes() {
            let attr = attr.map_err(|error| self.attr_error(start, at, error))?;
            let key = attr.key.as_ref();
            if !is_name(key) {
                return Err(self.malformed(at, format!("invalid attribute name `{key}`")));
            }
            let mut value = String::with_capacity(attr.value.len());
            push_attr_value(&mut value, &attr.value)
                .map_err(|(_, kind): Fault| self.malformed(at, kind.to_string()))?;
            self.attrs.push((key.to_owned(), value));
        }
        Ok(())
    }

    /// An attribute syntax error of quick-xml, at its place, in our words.
    fn attr_error(&self, start: &BytesStart<'_>, at: usize, error: AttrError) -> XliffError {
        let tag: &str = start;
        let (pos, message) = match error {
            AttrError::ExpectedEq(pos) => (pos, "an attribute name must be followed by `=`".into()),
            AttrError::ExpectedValue(pos) => (pos, "`=` must be followed by a value".into()),
            AttrError::UnquotedValue(pos) => (pos, "attribute values must be quoted".into()),
            AttrError::ExpectedQuote(pos, quote) => (
                pos,
                format!(
                    "the attribute value is not closed with `{}`",
                    char::from(quote)
                ),
            ),
            AttrError::Duplicated(pos, _) => {
                let name = tag
                    .get(pos..)
                    .unwrap_or_default()
                    .split(|c: char| c == '=' || c.is_ascii_whitespace())
                    .next()
                    .unwrap_or_default();
                (pos, format!("duplicate attribute `{name}`"))
            }
        };
        // quick-xml counts from the start of the tag's name, just after `<`.
        self.malformed(at + 1 + pos, message)
    }

    /// The value of the attribute `name` (unprefixed) of the current start tag.
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn is_xliff(&self, ns: &Ns) -> bool {
        match (ns, self.xliff_ns) {
            (Ns::Unbound, None) => true,
            (Ns::Known(ns), Some(xliff)) => *ns == xliff,
            _ => false,
        }
    }

    fn unit_name(&self) -> &'static str {
        match self.generation {
            Gen::V1 => "trans-unit",
            Gen::V2 => "unit",
        }
    }

    fn start(&mut self, start: &BytesStart<'_>, ns: Ns, at: usize) -> Result<()> {
        let qname = start.name();
        let qname = qname.as_ref();
        if !is_name(qname) {
            return Err(self.malformed(at, format!("invalid element name `{qname}`")));
        }
        if let Ns::Undeclared(prefix) = &ns {
            return Err(self.malformed(at, format!("undeclared namespace prefix `{prefix}`")));
        }
        self.read_attrs(start, at)?;
        let local = start.local_name();
        let local = local.as_ref();
        let Some(&top) = self.frames.last() else {
            if self.root_done {
                return Err(self.malformed(at, "a second element after the root element"));
            }
            self.root(&ns, local, qname, at)?;
            self.frames.push(Frame::Root);
            return Ok(());
        };
        let xliff = self.is_xliff(&ns);
        if xliff && !self.in_file && local == self.unit_name() {
            return Err(self.error(at, ErrorKind::UnitOutsideFile(self.unit_name())));
        }
        let frame = match top {
            Frame::Skip => Frame::Skip,
            Frame::Text | Frame::Inline => {
                if xliff && self.generation == Gen::V2 && local == "cp" {
                    self.code_point(at)?;
                }
                let code = if xliff {
                    self.inline_code(local)
                } else {
                    InlineCode::Plain
                };
                self.inlines.push(code);
                Frame::Inline
            }
            _ if !xliff => Frame::Skip,
            _ => self.structural(top, local, at)?,
        };
        self.frames.push(frame);
        Ok(())
    }

    /// The root element: which XLIFF, and the 2.0 languages.
    fn root(&mut self, ns: &Ns, local: &str, qname: &str, at: usize) -> Result<()> {
        self.root_at = at;
        let version = self.attr("version").map(str::to_owned);
        let named = |ns: &str| format!("{qname}` in namespace `{ns}");
        if local != "xliff" {
            let found = match ns {
                Ns::Known(ns) => named(ns),
                Ns::Other(ns) => named(ns),
                _ => qname.to_owned(),
            };
            return Err(self.error(at, ErrorKind::NotXliff(found)));
        }
        let mismatch = |namespace: &str| {
            let version = version.clone().unwrap_or_default();
            if KNOWN_VERSIONS.contains(&version.as_str()) {
                ErrorKind::VersionMismatch {
                    version,
                    namespace: namespace.to_owned(),
                }
            } else {
                ErrorKind::UnsupportedVersion(Some(version))
            }
        };
        let v = version.as_deref();
        let (generation, xliff_ns) = match ns {
            Ns::Known(NS_1_2) if matches!(v, None | Some("1.2")) => (Gen::V1, Some(NS_1_2)),
            Ns::Known(NS_2_0) if matches!(v, None | Some("2.0" | "2.1")) => (Gen::V2, Some(NS_2_0)),
            Ns::Known(NS_2_2) if matches!(v, None | Some("2.2")) => (Gen::V2, Some(NS_2_2)),
            Ns::Known(namespace) => return Err(self.error(at, mismatch(namespace))),
            Ns::Unbound => match v {
                Some("1.2") => (Gen::V1, None),
                Some(v) if v.starts_with("2.") => {
                    return Err(self.error(at, mismatch("(none)")));
                }
                _ => return Err(self.error(at, ErrorKind::UnsupportedVersion(version))),
            },
            Ns::Other(namespace) => {
                let kind = match namespace.strip_prefix("urn:oasis:names:tc:xliff:document:") {
                    Some(from_ns) => {
                        ErrorKind::UnsupportedVersion(Some(version.unwrap_or(from_ns.to_owned())))
                    }
                    None => ErrorKind::NotXliff(named(namespace)),
                };
                return Err(self.error(at, kind));
            }
            Ns::Undeclared(_) => return Err(self.malformed(at, "undeclared namespace prefix")),
        };
        self.generation = generation;
        self.xliff_ns = xliff_ns;
        if generation == Gen::V2 {
            let Some(source_lang) = self.attr("srcLang").map(str::to_owned) else {
                return Err(self.error(
                    at,
                    ErrorKind::MissingAttribute {
                        element: "xliff",
                        attribute: "srcLang",
                    },
                ));
            };
            let target_lang = self.attr("trgLang").unwrap_or_default().to_owned();
            self.langs = (source_lang, target_lang);
        }
        Ok(())
    }

    fn missing(&self, at: usize, element: &'static str, attribute: &'static str) -> XliffError {
        self.error(at, ErrorKind::MissingAttribute { element, attribute })
    }

    /// An XLIFF element below the root, outside captured text: what it is to us.
    fn structural(&mut self, top: Frame, local: &str, at: usize) -> Result<Frame> {
        let frame = match (self.generation, top, local) {
            (_, Frame::Root, "file") => {
                self.file(at)?;
                Frame::File
            }
            (Gen::V2, Frame::File | Frame::Container, "unit")
            | (Gen::V1, Frame::File | Frame::Container, "trans-unit") => {
                self.unit_start(at)?;
                Frame::Unit
            }
            (Gen::V2, Frame::File | Frame::Container, "group")
            | (Gen::V1, Frame::File | Frame::Container, "body" | "group") => Frame::Container,
            (Gen::V2, Frame::Unit, "notes") => Frame::Notes,
            (Gen::V2, Frame::Unit, "originalData") => Frame::OriginalData,
            (Gen::V2, Frame::OriginalData, "data") => {
                let id = self.attr("id").map(str::to_owned);
                let frame = self.capture(Slot::Data);
                if let Some(capture) = &mut self.capture {
                    capture.data_id = id;
                }
                frame
            }
            (Gen::V2, Frame::Unit, "segment" | "ignorable") => {
                self.segment = Some(Segment {
                    ignorable: local == "ignorable",
                    state: self
                        .attr("state")
                        .and_then(|state| State::from_v2_with_sub(state, self.attr("subState")))
                        .unwrap_or(State::Initial),
                    source_copy: self.attr("state") == Some("initial")
                        && self.attr("subState") == Some(SUB_STATE_SOURCE_COPY),
                    source: None,
                    target: None,
                });
                Frame::Segment
            }
            (Gen::V2, Frame::Segment, "source") | (Gen::V1, Frame::Unit, "source") => {
                self.capture(Slot::Source)
            }
            (Gen::V2, Frame::Segment, "target") => self.capture(Slot::Target),
            (Gen::V1, Frame::Unit, "target") => {
                let state = self.attr("state").map(str::to_owned);
                let qualifier = self.attr("state-qualifier").map(str::to_owned);
                if let Some(unit) = &mut self.unit
                    && !unit.has_target
                {
                    unit.target_state = state;
                    unit.target_qualifier = qualifier;
                }
                self.capture(Slot::Target)
            }
            (Gen::V2, Frame::Notes, "note") => {
                let slot = match self.attr("category") {
                    Some(OLD_SOURCE) => Slot::OldSource,
                    Some(MATCH_SCORE) => Slot::Score,
                    Some(CONTEXT) => Slot::Context,
                    _ => Slot::Note,
                };
                self.capture(slot)
            }
            (Gen::V1, Frame::Unit, "note") => {
                let slot = match self.attr("from") {
                    Some(OLD_SOURCE) => Slot::OldSource,
                    Some(CONTEXT) => Slot::Context,
                    _ => Slot::Note,
                };
                self.capture(slot)
            }
            (Gen::V1, Frame::Unit, "alt-trans") => {
                if self.attr("origin") == Some(ALT_TRANS_ORIGIN) {
                    let score = self.attr("match-quality").and_then(parse_score);
                    if let Some(unit) = &mut self.unit
                        && unit.score.is_none()
                    {
                        unit.score = score;
                    }
                }
                Frame::Skip
            }
            _ => Frame::Skip,
        };
        Ok(frame)
    }

    fn capture(&mut self, slot: Slot) -> Frame {
        self.capture = Some(Capture {
            slot,
            text: String::new(),
            codes: Vec::new(),
            data_id: None,
        });
        Frame::Text
    }

    fn file(&mut self, at: usize) -> Result<()> {
        self.in_file = true;
        let original = self.attr("original").map(str::to_owned);
        let doc_id = match self.generation {
            Gen::V2 => {
                let Some(id) = self.attr("id") else {
                    return Err(self.missing(at, "file", "id"));
                };
                original.unwrap_or_else(|| id.to_owned())
            }
            Gen::V1 => {
                let Some(original) = original else {
                    return Err(self.missing(at, "file", "original"));
                };
                let Some(source_lang) = self.attr("source-language").map(str::to_owned) else {
                    return Err(self.missing(at, "file", "source-language"));
                };
                if self.doc_id.is_none() {
                    let target_lang = self.attr("target-language").unwrap_or_default();
                    self.langs = (source_lang, target_lang.to_owned());
                }
                original
            }
        };
        if self.doc_id.is_none() {
            self.doc_id = Some(doc_id);
        }
        Ok(())
    }

    fn unit_start(&mut self, at: usize) -> Result<()> {
        let element = self.unit_name();
        let Some(id) = self.attr("id") else {
            return Err(self.missing(at, element, "id"));
        };
        if let Some(&first) = self.ids.get(id) {
            let id = id.to_owned();
            let (first_line, _) = line_column(self.text.as_bytes(), first);
            return Err(self.error(at, ErrorKind::DuplicateUnitId { id, first_line }));
        }
        let id = id.to_owned();
        // The offset, not the line: counting lines from the start of the file for every
        // unit made reading quadratic; the line is only needed for the error.
        self.ids.insert(id.clone(), at);
        let approved = match self.attr("approved") {
            Some("yes") => Some(true),
            Some("no") => Some(false),
            _ => None,
        };
        let name = match self.generation {
            Gen::V1 => self.attr("resname"),
            Gen::V2 => self.attr("name"),
        };
        self.unit = Some(UnitBuilder::new(id, name.map(str::to_owned), approved));
        Ok(())
    }

    /// A 2.0 `<cp hex="..."/>` in captured text.
    fn code_point(&mut self, at: usize) -> Result<()> {
        let hex = self.attr("hex").unwrap_or_default();
        let c = (!hex.is_empty() && hex.len() <= 8 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| u32::from_str_radix(hex, 16).ok())
            .flatten()
            .and_then(char::from_u32);
        let Some(c) = c else {
            let hex = hex.to_owned();
            return Err(self.error(at, ErrorKind::BadCodePoint(hex)));
        };
        if let Some(capture) = &mut self.capture {
            capture.text.push(c);
        }
        Ok(())
    }

    fn end(&mut self, at: usize) -> Result<()> {
        let Some(frame) = self.frames.pop() else {
            return Err(self.malformed(at, "an end tag without a start tag"));
        };
        match frame {
            Frame::Root => self.root_done = true,
            Frame::File => self.in_file = false,
            Frame::Text => self.end_capture(),
            Frame::Segment => self.end_segment(),
            Frame::Unit => {
                if let Some(unit) = self.unit.take() {
                    self.units.push(unit.finish(self.generation));
                }
            }
            Frame::Inline => self.end_inline(),
            Frame::Container | Frame::Notes | Frame::OriginalData | Frame::Skip => {}
        }
        Ok(())
    }

    /// What an inline element `local` (of the XLIFF namespace, in captured text) is: one
    /// of ours restores its Markdown, from `<originalData>` (2.0) or its content (1.2).
    fn inline_code(&mut self, local: &str) -> InlineCode {
        match (self.generation, local) {
            (Gen::V2, "pc") => {
                let start = self.attr("dataRefStart").map(str::to_owned);
                let end = self.attr("dataRefEnd").map(str::to_owned);
                if let Some(start) = start.filter(|id| is_markdown_data(id)) {
                    self.push_data(&start);
                }
                end.filter(|id| is_markdown_data(id))
                    .map_or(InlineCode::Plain, InlineCode::EndData)
            }
            (Gen::V2, "ph" | "sc" | "ec") => {
                if let Some(id) = self.attr("dataRef").filter(|id| is_markdown_data(id)) {
                    let id = id.to_owned();
                    self.push_data(&id);
                }
                InlineCode::Plain
            }
            (Gen::V1, "bpt" | "ept" | "ph" | "it") => match &self.capture {
                Some(capture) => InlineCode::Native(capture.text.len()),
                None => InlineCode::Plain,
            },
            _ => InlineCode::Plain,
        }
    }

    /// Restores the Markdown of the unit's `<data id>` into the captured text, as a
    /// code. A reference to no data restores nothing and is a code of its own, so that
    /// it never matches a real one.
    fn push_data(&mut self, id: &str) {
        let data = self.unit.as_ref().and_then(|unit| unit.data.get(id));
        if let Some(capture) = &mut self.capture {
            match data {
                Some(data) => {
                    capture.text.push_str(data);
                    capture.codes.push(data.clone());
                }
                None => capture.codes.push(format!("(no data `{id}`)")),
            }
        }
    }

    fn end_inline(&mut self) {
        match self.inlines.pop() {
            Some(InlineCode::EndData(id)) => self.push_data(&id),
            Some(InlineCode::Native(from)) => {
                if let Some(capture) = &mut self.capture {
                    let code = capture.text.get(from..).unwrap_or_default().to_owned();
                    capture.codes.push(code);
                }
            }
            Some(InlineCode::Plain) | None => {}
        }
    }

    fn end_capture(&mut self) {
        let Some(Capture {
            slot,
            text,
            codes,
            data_id,
        }) = self.capture.take()
        else {
            return;
        };
        if let Some(unit) = &mut self.unit {
            match slot {
                Slot::Source => unit.source_codes.extend(codes),
                Slot::Target => unit.target_codes.extend(codes),
                Slot::Data => {
                    if let Some(id) = data_id {
                        unit.data.entry(id).or_insert(text);
                    }
                    return;
                }
                _ => {}
            }
        }
        if let Some(segment) = &mut self.segment {
            match slot {
                Slot::Source if segment.source.is_none() => segment.source = Some(text),
                Slot::Target if segment.target.is_none() => segment.target = Some(text),
                _ => {}
            }
            return;
        }
        let Some(unit) = &mut self.unit else {
            return;
        };
        match slot {
            Slot::Source if !unit.has_source => {
                unit.has_source = true;
                unit.en = text;
            }
            Slot::Target if !unit.has_target => {
                unit.has_target = true;
                unit.vi = text;
            }
            Slot::Source | Slot::Target | Slot::Data => {}
            Slot::Context if unit.context.is_none() => unit.context = Some(text),
            Slot::OldSource if unit.old_en.is_none() => unit.old_en = Some(text),
            Slot::Score if unit.score.is_none() => match parse_score(&text) {
                Some(score) => unit.score = Some(score),
                None => unit.notes.push(text),
            },
            Slot::Note | Slot::OldSource | Slot::Score | Slot::Context => unit.notes.push(text),
        }
    }

    /// Joins a 2.0 segment or ignorable into its unit.
    fn end_segment(&mut self) {
        let (Some(segment), Some(unit)) = (self.segment.take(), &mut self.unit) else {
            return;
        };
        let source = segment.source.unwrap_or_default();
        if segment.ignorable {
            unit.vi
                .push_str(segment.target.as_deref().unwrap_or(&source));
        } else {
            if let Some(target) = &segment.target {
                unit.has_target = true;
                unit.vi.push_str(target);
            }
            let state = segment.state;
            unit.state = Some(unit.state.map_or(state, |s| s.min(state)));
            unit.source_copy |= segment.source_copy;
        }
        unit.en.push_str(&source);
    }
}
