//! The pull-parser driver: one quick-xml event at a time, checked and decoded into the
//! reader's state ([`TmxReader::step`]), and the helpers that walk past what is not read.

use std::io::Read;
use std::path::PathBuf;

use quick_xml::events::{BytesStart, Event};

use super::tu::Code;
use super::{Ev, Fatal, Phase, TmxReader};
use crate::tmx::error::{ErrorKind, TmxError, value};
use crate::tmx::model::Attr;
use crate::tmx::xml::{AttrLimits, name_len, parse_attrs_into};
use crate::xml::{check_chars, is_all_space, is_name, push_text, resolve_reference};

/// Element names the reader knows; `Other` names are kept as text beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Name {
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
    pub(super) fn from_bytes(name: &[u8]) -> Name {
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
    pub(super) fn as_str<'a>(&self, other: &'a str) -> &'a str {
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

impl<R: Read> TmxReader<R> {
    /// Reads, decodes and checks the next event; leaves it in `cur` (tags) or `scratch`
    /// (text) and returns its kind.
    pub(super) fn step(&mut self, buf: &mut Vec<u8>) -> Result<Ev, Fatal> {
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

    /// Decodes character data into `scratch`; `skip` is the length of the markup before the
    /// data (`<![CDATA[`), for positions.
    pub(super) fn text(
        &mut self,
        raw: &str,
        start: u64,
        cdata: bool,
        skip: u64,
    ) -> Result<Ev, Fatal> {
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
    pub(super) fn next_offset(&self) -> u64 {
        self.fast.unwrap_or_else(|| self.xml.get_ref().offset())
    }

    /// Gives up the fast path for this TU (the error returned is a placeholder).
    pub(super) fn bail(&mut self) -> Fatal {
        self.bailed = true;
        Box::new(TmxError::new(
            PathBuf::new(),
            ErrorKind::Syntax(String::new()),
        ))
    }

    /// Puts the text of a whitespace-only [`Ev::Text`] into `scratch`, where it is content:
    /// `step` leaves such text in `buf` (the event's bytes, there until the next step).
    pub(super) fn space_text(&mut self, ev: Ev, buf: &[u8]) {
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
    pub(super) fn take_attrs(&mut self) -> Vec<Attr> {
        std::mem::take(&mut self.cur.attrs)
    }

    /// Reads and checks events until the open stack is `depth` deep again.
    pub(super) fn skip_to(&mut self, buf: &mut Vec<u8>, depth: usize) -> Result<(), Fatal> {
        while self.open.len() > depth {
            self.step(buf)?;
        }
        Ok(())
    }

    /// The element the current event sits in, for messages; `is_start`: the current event
    /// is a start tag (so it is on the open stack, above its parent).
    pub(super) fn parent_name(&self, is_start: bool) -> String {
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
        let values = vec![
            value("element", self.cur.name_str()),
            value("parent", parent),
        ];
        self.structure_problem(self.cur.start, "unexpected-element", values, message);
    }

    /// Skips the current element (a start tag: its content too) after reporting it.
    pub(super) fn skip_unexpected(&mut self, buf: &mut Vec<u8>, ev: Ev) -> Result<(), Fatal> {
        let is_start = ev == Ev::Start;
        self.unexpected(is_start);
        if is_start {
            self.skip_to(buf, self.open.len() - 1)?;
        }
        Ok(())
    }
}
