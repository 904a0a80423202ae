//! The deterministic TMX writer: the same model always gives the same bytes.
//!
//! Output: UTF-8 without BOM, LF line ends, `<?xml version="1.0" encoding="UTF-8"?>`, the
//! DOCTYPE if one is given, two spaces of indentation per level between structural
//! elements and none inside `<seg>`, `<prop>`, `<note>` or kept elements (their whitespace
//! is content). Attributes come in one fixed order: the attributes TMX defines for the
//! element in the order of the TMX 1.4b DTD, then any others in the order of the model.
//! Text escapes `&`, `<`, `>` and CR (`&#13;`, so it survives line-end normalization);
//! attribute values also escape `"`, TAB (`&#9;`) and LF (`&#10;`). No CDATA is written.
//!
//! The writer writes the model as it is, whatever `version` says: output meant as TMX
//! 1.4b brings its TUs to it first with [`Tu::to_tmx14`](super::Tu::to_tmx14) (`lang` →
//! `xml:lang`), as the memory's saves and `tm convert` do.
//!
//! Characters XML 1.0 cannot carry (C0 controls other than TAB, LF, CR; U+FFFE; U+FFFF)
//! are refused with an error naming the TU; nothing of a refused TU is written.
//! [`check_tu`] finds them beforehand.
//!
//! ```
//! use songngu::tmx::{Attr, Header, Seg, TmxWriter, Tu, Tuv};
//!
//! let header = Header { attrs: vec![Attr::new("srclang", "en")], ..Header::default() };
//! let tu = Tu {
//!     attrs: vec![Attr::new("tuid", "a1")],
//!     meta: vec![],
//!     tuvs: vec![Tuv { attrs: vec![Attr::new("xml:lang", "vi")], meta: vec![], seg: Seg::text("Xin chào") }],
//! };
//! let mut writer = TmxWriter::new(Vec::new(), "1.4", &header)?;
//! writer.write_tu(&tu)?;
//! let bytes = writer.finish()?;
//! assert_eq!(String::from_utf8(bytes).unwrap(), "\
//! <?xml version=\"1.0\" encoding=\"UTF-8\"?>
//! <tmx version=\"1.4\">
//!   <header srclang=\"en\"/>
//!   <body>
//!     <tu tuid=\"a1\">
//!       <tuv xml:lang=\"vi\">
//!         <seg>Xin chào</seg>
//!       </tuv>
//!     </tu>
//!   </body>
//! </tmx>
//! ");
//! # Ok::<(), songngu::tmx::WriteError>(())
//! ```

use std::fs::File;
use std::io::Write;
use std::path::Path;

use super::error::{Invalid, WriteError};
use super::model::{Attr, Element, Header, Inline, InlineKind, Meta, Node, Tmx, Tu};
use crate::xml::{CodePoint, byte_table, is_name, is_xml_char};

/// Inline markup or kept elements nested deeper than this are refused, so that what the
/// writer writes the reader reads back with its default limits.
pub const MAX_WRITE_DEPTH: usize = 100;

/// Output is handed to the underlying writer in pieces of about this size.
const FLUSH_AT: usize = 256 * 1024;

/// What comes before each `<tu>` on its line.
const TU_INDENT: &[u8] = b"    ";

/// The elements whose attributes have a fixed order.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ElementKind<'a> {
    Root,
    Header,
    Tu,
    Tuv,
    Prop,
    Note,
    Inline(&'a InlineKind),
    Extra(&'a str),
}

/// The attributes TMX 1.4b defines on each element, in DTD order.
fn known(kind: ElementKind<'_>) -> &'static [&'static str] {
    match kind {
        ElementKind::Root => &["version"],
        ElementKind::Header => &[
            "creationtool",
            "creationtoolversion",
            "segtype",
            "o-tmf",
            "adminlang",
            "srclang",
            "datatype",
            "o-encoding",
            "creationdate",
            "creationid",
            "changedate",
            "changeid",
        ],
        ElementKind::Tu => &[
            "tuid",
            "o-encoding",
            "datatype",
            "usagecount",
            "lastusagedate",
            "creationtool",
            "creationtoolversion",
            "creationdate",
            "creationid",
            "changedate",
            "segtype",
            "changeid",
            "o-tmf",
            "srclang",
        ],
        ElementKind::Tuv => &[
            "xml:lang",
            "lang",
            "o-encoding",
            "datatype",
            "usagecount",
            "lastusagedate",
            "creationtool",
            "creationtoolversion",
            "creationdate",
            "creationid",
            "changedate",
            "o-tmf",
            "changeid",
        ],
        ElementKind::Prop => &["type", "xml:lang", "o-encoding", "lang"],
        ElementKind::Note => &["xml:lang", "o-encoding", "lang"],
        ElementKind::Inline(kind) => match kind {
            InlineKind::Bpt => &["i", "x", "type"],
            InlineKind::Ept => &["i"],
            InlineKind::It => &["pos", "x", "type"],
            InlineKind::Ph => &["x", "assoc", "type"],
            InlineKind::Hi => &["x", "type"],
            InlineKind::Sub => &["datatype", "type"],
            InlineKind::Ut => &["x"],
            InlineKind::Other(_) => &[],
        },
        ElementKind::Extra("ude") => &["name", "base"],
        ElementKind::Extra("map") => &["unicode", "code", "ent", "subst"],
        ElementKind::Extra(_) => &[],
    }
}

fn rank(known: &[&str], name: &str) -> usize {
    known.iter().position(|k| *k == name).unwrap_or(known.len())
}

/// Puts attributes in writer order (stable: unknown ones keep their order).
pub(crate) fn sort_attrs(kind: ElementKind<'_>, attrs: &mut [Attr]) {
    let known = known(kind);
    attrs.sort_by_key(|attr| rank(known, &attr.name));
}

/// Characters that need escaping (or refusing) in text.
static TEXT_ESCAPE: [bool; 256] = byte_table(false, b"&<>");

/// Characters that need escaping (or refusing) in attribute values (double-quoted).
static ATTR_ESCAPE: [bool; 256] = byte_table(true, b"&<>\"");

/// Appends `text` escaped; `Err(code point)` for a character XML 1.0 cannot carry.
fn escape(out: &mut Vec<u8>, text: &str, table: &[bool; 256]) -> Result<(), u32> {
    let bytes = text.as_bytes();
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if !table[b as usize] {
            continue;
        }
        let replacement: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\r' => b"&#13;",
            b'\n' => b"&#10;",
            b'\t' => b"&#9;",
            0xEF => match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(0xBF), Some(0xBE)) => return Err(0xFFFE),
                (Some(0xBF), Some(0xBF)) => return Err(0xFFFF),
                _ => continue,
            },
            _ => return Err(u32::from(b)),
        };
        out.extend_from_slice(&bytes[run..i]);
        out.extend_from_slice(replacement);
        run = i + 1;
    }
    out.extend_from_slice(&bytes[run..]);
    Ok(())
}

fn forbidden(ch: u32, place: impl FnOnce() -> String) -> Invalid {
    Invalid::ForbiddenChar {
        ch: CodePoint(ch),
        place: place(),
    }
}

/// Content that writes as nothing (empty texts only): written as an empty-element tag, so
/// a model and its canonical form give the same bytes.
fn is_empty_content(content: &[Inline]) -> bool {
    content
        .iter()
        .all(|item| matches!(item, Inline::Text(text) if text.is_empty()))
}

/// Names TMX gives its structural elements: a kept element or unknown inline element
/// with such a name would read back as something else.
fn is_tmx_structure(name: &str) -> bool {
    matches!(
        name,
        "tmx" | "header" | "body" | "tu" | "tuv" | "seg" | "prop" | "note"
    )
}

/// Serializes pieces of a document into a byte buffer.
#[derive(Debug, Default)]
struct Serializer {
    out: Vec<u8>,
    order: Vec<(usize, usize)>,
}

impl Serializer {
    fn text(&mut self, text: &str, place: impl FnOnce() -> String) -> Result<(), Invalid> {
        escape(&mut self.out, text, &TEXT_ESCAPE).map_err(|ch| forbidden(ch, place))
    }

    /// ` name="value"...` in writer order, checking names and duplicates.
    fn attrs(
        &mut self,
        kind: ElementKind<'_>,
        element: &str,
        attrs: &[Attr],
    ) -> Result<(), Invalid> {
        let known = known(kind);
        self.order.clear();
        for (index, attr) in attrs.iter().enumerate() {
            if !is_name(&attr.name) {
                return Err(Invalid::BadName(attr.name.clone()));
            }
            if attrs[..index].iter().any(|other| other.name == attr.name) {
                return Err(Invalid::DuplicateAttribute(
                    attr.name.clone(),
                    element.to_owned(),
                ));
            }
            self.order.push((rank(known, &attr.name), index));
        }
        self.order.sort_unstable();
        for &(_, index) in &self.order {
            let attr = &attrs[index];
            self.out.push(b' ');
            self.out.extend_from_slice(attr.name.as_bytes());
            self.out.extend_from_slice(b"=\"");
            escape(&mut self.out, &attr.value, &ATTR_ESCAPE).map_err(|ch| {
                forbidden(ch, || format!("attribute `{}` of `<{element}>`", attr.name))
            })?;
            self.out.push(b'"');
        }
        Ok(())
    }

    fn meta(&mut self, meta: &[Meta], indent: &str, owner: &str) -> Result<(), Invalid> {
        for item in meta {
            let (name, kind, attrs, value) = match item {
                Meta::Prop(prop) => ("prop", ElementKind::Prop, &prop.attrs, &prop.value),
                Meta::Note(note) => ("note", ElementKind::Note, &note.attrs, &note.value),
            };
            self.out.extend_from_slice(indent.as_bytes());
            self.out.push(b'<');
            self.out.extend_from_slice(name.as_bytes());
            self.attrs(kind, name, attrs)?;
            self.out.push(b'>');
            self.text(value, || match item {
                Meta::Prop(prop) => format!(
                    "`<prop type=\"{}\">` of {owner}",
                    prop.kind().unwrap_or_default()
                ),
                Meta::Note(_) => format!("`<note>` of {owner}"),
            })?;
            self.out.extend_from_slice(b"</");
            self.out.extend_from_slice(name.as_bytes());
            self.out.extend_from_slice(b">\n");
        }
        Ok(())
    }

    /// Segment content, without recursion (an explicit stack of open elements).
    fn inline(&mut self, content: &[Inline], place: &dyn Fn() -> String) -> Result<(), Invalid> {
        let mut stack: Vec<(std::slice::Iter<'_, Inline>, Option<&str>)> =
            vec![(content.iter(), None)];
        while let Some((items, closing)) = stack.last_mut() {
            let Some(item) = items.next() else {
                if let Some(name) = closing {
                    self.out.extend_from_slice(b"</");
                    self.out.extend_from_slice(name.as_bytes());
                    self.out.push(b'>');
                }
                stack.pop();
                continue;
            };
            match item {
                Inline::Text(text) => self.text(text, place)?,
                Inline::Element(element) => {
                    let name = element.kind.name();
                    if let InlineKind::Other(other) = &element.kind
                        && (!is_name(other)
                            || InlineKind::from_name(other.as_bytes()).is_some()
                            || is_tmx_structure(other)
                            || matches!(other.as_str(), "ude" | "map"))
                    {
                        return Err(Invalid::BadName(other.clone()));
                    }
                    self.out.push(b'<');
                    self.out.extend_from_slice(name.as_bytes());
                    self.attrs(ElementKind::Inline(&element.kind), name, &element.attrs)?;
                    if is_empty_content(&element.content) {
                        self.out.extend_from_slice(b"/>");
                    } else {
                        self.out.push(b'>');
                        if stack.len() > MAX_WRITE_DEPTH {
                            return Err(Invalid::TooDeep(MAX_WRITE_DEPTH));
                        }
                        stack.push((element.content.iter(), Some(name)));
                    }
                }
            }
        }
        Ok(())
    }

    /// A kept element, compact (its whitespace is content), without recursion.
    fn extra(&mut self, element: &Element) -> Result<(), Invalid> {
        let mut stack: Vec<(std::slice::Iter<'_, Node>, &str)> = Vec::new();
        let mut next = Some(element);
        loop {
            if let Some(element) = next.take() {
                if !is_name(&element.name) {
                    return Err(Invalid::BadName(element.name.clone()));
                }
                self.out.push(b'<');
                self.out.extend_from_slice(element.name.as_bytes());
                self.attrs(
                    ElementKind::Extra(&element.name),
                    &element.name,
                    &element.attrs,
                )?;
                if element
                    .children
                    .iter()
                    .all(|c| matches!(c, Node::Text(t) if t.is_empty()))
                {
                    self.out.extend_from_slice(b"/>");
                } else {
                    self.out.push(b'>');
                    if stack.len() >= MAX_WRITE_DEPTH {
                        return Err(Invalid::TooDeep(MAX_WRITE_DEPTH));
                    }
                    stack.push((element.children.iter(), &element.name));
                }
            }
            let Some((children, name)) = stack.last_mut() else {
                return Ok(());
            };
            match children.next() {
                Some(Node::Text(text)) => {
                    let owner = name.to_string();
                    self.text(text, || format!("`<{owner}>` in the header"))?;
                }
                Some(Node::Element(child)) => next = Some(child),
                None => {
                    self.out.extend_from_slice(b"</");
                    self.out.extend_from_slice(name.as_bytes());
                    self.out.push(b'>');
                    stack.pop();
                }
            }
        }
    }

    fn header(&mut self, header: &Header) -> Result<(), Invalid> {
        self.out.extend_from_slice(b"  <header");
        self.attrs(ElementKind::Header, "header", &header.attrs)?;
        if header.meta.is_empty() && header.extra.is_empty() {
            self.out.extend_from_slice(b"/>\n");
            return Ok(());
        }
        self.out.extend_from_slice(b">\n");
        self.meta(&header.meta, "    ", "the header")?;
        for extra in &header.extra {
            if is_tmx_structure(&extra.name) {
                return Err(Invalid::BadName(extra.name.clone()));
            }
            self.out.extend_from_slice(b"    ");
            self.extra(extra)?;
            self.out.push(b'\n');
        }
        self.out.extend_from_slice(b"  </header>\n");
        Ok(())
    }

    fn tu(&mut self, tu: &Tu) -> Result<(), Invalid> {
        if tu.tuvs.is_empty() {
            return Err(Invalid::NoTuv);
        }
        self.out.extend_from_slice(TU_INDENT);
        self.out.extend_from_slice(b"<tu");
        self.attrs(ElementKind::Tu, "tu", &tu.attrs)?;
        self.out.extend_from_slice(b">\n");
        self.meta(&tu.meta, "      ", "the TU")?;
        for tuv in &tu.tuvs {
            let Some(lang) = tuv.lang_raw() else {
                return Err(Invalid::NoLang);
            };
            self.out.extend_from_slice(b"      <tuv");
            self.attrs(ElementKind::Tuv, "tuv", &tuv.attrs)?;
            self.out.extend_from_slice(b">\n");
            let owner = format!("`<tuv>` `{lang}`");
            self.meta(&tuv.meta, "        ", &owner)?;
            self.out.extend_from_slice(b"        <seg>");
            self.inline(&tuv.seg.0, &|| format!("`<seg>` of `<tuv>` `{lang}`"))?;
            self.out.extend_from_slice(b"</seg>\n      </tuv>\n");
        }
        self.out.extend_from_slice(b"    </tu>\n");
        Ok(())
    }
}

/// What goes before the header: the `<tmx>` version and attributes, and the DOCTYPE.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prolog<'a> {
    /// The `version` of `<tmx>` (`1.4`).
    pub version: &'a str,
    /// The DOCTYPE content (`tmx SYSTEM "tmx14.dtd"`), written as is after a check.
    pub doctype: Option<&'a str>,
    /// Other attributes of `<tmx>` (namespace declarations).
    pub attrs: &'a [Attr],
}

/// Whether a DOCTYPE content can be written as `<!DOCTYPE content>` and read back the
/// same: a name first, `>` only inside quotes or the internal subset, balanced quotes and
/// brackets, no CR (line ends are normalized on reading), nothing the reader refuses.
fn doctype_ok(doctype: &str) -> bool {
    let starts_with_name = doctype
        .split([' ', '\t', '\n', '['])
        .next()
        .is_some_and(is_name);
    if !starts_with_name || doctype.contains('\r') {
        return false;
    }
    if doctype.chars().any(|c| !is_xml_char(c)) {
        return false;
    }
    let mut quote = None;
    let mut depth = 0usize;
    for c in doctype.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[') => depth += 1,
            (None, ']') if depth > 0 => depth -= 1,
            (None, ']') => return false,
            (None, '>') if depth == 0 => return false,
            (None, '<') if depth == 0 => return false,
            _ => {}
        }
    }
    if quote.is_some() || depth != 0 {
        return false;
    }
    let whole = format!("<!DOCTYPE {doctype}>");
    super::reader::prolog::scan_doctype(whole.as_bytes()).is_ok() && !doctype.contains("<!--")
}

/// The streaming writer: [`TmxWriter::new`], [`TmxWriter::write_tu`] for each TU, then
/// [`TmxWriter::finish`] (without it the output is incomplete).
#[derive(Debug)]
pub struct TmxWriter<W: Write> {
    out: W,
    ser: Serializer,
    tus: usize,
    /// Bytes handed to `out` so far.
    flushed: u64,
}

impl<W: Write> TmxWriter<W> {
    /// Writes the declaration, `<tmx version="...">` and the header.
    pub fn new(out: W, version: &str, header: &Header) -> Result<TmxWriter<W>, WriteError> {
        TmxWriter::with_prolog(
            out,
            &Prolog {
                version,
                doctype: None,
                attrs: &[],
            },
            header,
        )
    }

    /// Like [`TmxWriter::new`], with a DOCTYPE and attributes on `<tmx>`.
    pub fn with_prolog(
        out: W,
        prolog: &Prolog<'_>,
        header: &Header,
    ) -> Result<TmxWriter<W>, WriteError> {
        let mut ser = Serializer::default();
        ser.out
            .extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if let Some(doctype) = prolog.doctype {
            if !doctype_ok(doctype) {
                return Err(WriteError::InvalidRoot(Invalid::BadDoctype(
                    doctype.to_owned(),
                )));
            }
            ser.out.extend_from_slice(b"<!DOCTYPE ");
            ser.out.extend_from_slice(doctype.as_bytes());
            ser.out.extend_from_slice(b">\n");
        }
        if prolog.attrs.iter().any(|attr| attr.name == "version") {
            return Err(WriteError::InvalidRoot(Invalid::VersionAttribute));
        }
        let mut root = Vec::with_capacity(prolog.attrs.len() + 1);
        root.push(Attr::new("version", prolog.version));
        root.extend_from_slice(prolog.attrs);
        ser.out.extend_from_slice(b"<tmx");
        ser.attrs(ElementKind::Root, "tmx", &root)
            .map_err(WriteError::InvalidRoot)?;
        ser.out.extend_from_slice(b">\n");
        ser.header(header).map_err(WriteError::InvalidHeader)?;
        ser.out.extend_from_slice(b"  <body>\n");
        Ok(TmxWriter {
            out,
            ser,
            tus: 0,
            flushed: 0,
        })
    }

    /// Writes one TU, or nothing of it if it cannot be written (the error names it by
    /// `tuid` and by its 0-based number among the TUs given to this writer).
    pub fn write_tu(&mut self, tu: &Tu) -> Result<(), WriteError> {
        self.write_tu_span(tu).map(|_| ())
    }

    /// [`TmxWriter::write_tu`], giving the byte range of the `<tu>` element in the output
    /// (what [`super::TuRecord::span`] gives when the output is read back).
    pub fn write_tu_span(&mut self, tu: &Tu) -> Result<std::ops::Range<u64>, WriteError> {
        let index = self.tus;
        self.tus += 1;
        let mark = self.ser.out.len();
        if let Err(reason) = self.ser.tu(tu) {
            self.ser.out.truncate(mark);
            return Err(WriteError::InvalidTu {
                index,
                tuid: tu.attr("tuid").map(str::to_owned),
                reason,
            });
        }
        self.written_from(mark)
    }

    /// The span of the TU written at `mark` of the buffer, `    <tu ...>...</tu>\n`: the
    /// element without its indent and line end. Flushes a full buffer.
    fn written_from(&mut self, mark: usize) -> Result<std::ops::Range<u64>, WriteError> {
        let span = self.flushed + (mark + TU_INDENT.len()) as u64
            ..self.flushed + (self.ser.out.len() - 1) as u64;
        if self.ser.out.len() >= FLUSH_AT {
            self.out.write_all(&self.ser.out)?;
            self.flushed += self.ser.out.len() as u64;
            self.ser.out.clear();
        }
        Ok(span)
    }

    /// Writes a TU as [`tu_xml`] serialized it, byte for byte: the bytes
    /// [`TmxWriter::write_tu_span`] writes for that TU, without parsing it again. Gives the
    /// byte range of the `<tu>` element in the output.
    pub fn write_tu_xml(&mut self, xml: &[u8]) -> Result<std::ops::Range<u64>, WriteError> {
        self.tus += 1;
        let mark = self.ser.out.len();
        self.ser.out.extend_from_slice(TU_INDENT);
        self.ser.out.extend_from_slice(xml);
        self.ser.out.push(b'\n');
        self.written_from(mark)
    }

    /// Closes `<body>` and `<tmx>`, flushes, and gives the underlying writer back.
    pub fn finish(mut self) -> Result<W, WriteError> {
        self.ser.out.extend_from_slice(b"  </body>\n</tmx>\n");
        self.out.write_all(&self.ser.out)?;
        self.out.flush()?;
        Ok(self.out)
    }
}

/// The `<tu>` element as [`TmxWriter::write_tu`] writes it, without the indent before it
/// and the line end after it: what a journal of changes keeps of a TU.
pub fn tu_xml(tu: &Tu) -> Result<Vec<u8>, Invalid> {
    let mut ser = Serializer::default();
    ser.tu(tu)?;
    let mut bytes = ser.out;
    bytes.pop();
    bytes.drain(..TU_INDENT.len());
    Ok(bytes)
}

/// Checks that `tu` can be written: no character XML 1.0 cannot carry, valid and unique
/// attribute names, at least one `<tuv>`, each with a language, nesting within
/// [`MAX_WRITE_DEPTH`].
pub fn check_tu(tu: &Tu) -> Result<(), Invalid> {
    Serializer::default().tu(tu)
}

/// Checks that `header` can be written.
pub fn check_header(header: &Header) -> Result<(), Invalid> {
    Serializer::default().header(header)
}

/// Writes a whole document to `out`; gives `out` back.
pub fn write_all<W: Write>(out: W, tmx: &Tmx) -> Result<W, WriteError> {
    let prolog = Prolog {
        version: &tmx.version,
        doctype: tmx.doctype.as_deref(),
        attrs: &tmx.attrs,
    };
    let mut writer = TmxWriter::with_prolog(out, &prolog, &tmx.header)?;
    for tu in &tmx.tus {
        writer.write_tu(tu)?;
    }
    writer.finish()
}

/// Writes a whole document to a new file at `path` (not atomically: a store that replaces
/// a file writes a temporary file and renames it).
pub fn write_file(path: &Path, tmx: &Tmx) -> Result<(), WriteError> {
    let file = File::create(path)?;
    write_all(file, tmx)?.sync_all()?;
    Ok(())
}
