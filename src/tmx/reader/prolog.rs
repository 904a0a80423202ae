//! Everything before and around the TUs: the XML declaration, the DOCTYPE, the `<tmx>`
//! root, the `<header>` (with its props, notes and kept extras) and namespace
//! declarations.

use std::io::Read;

use super::events::Name;
use super::tu::MetaBuild;
use super::{Ev, Fatal, Phase, TmxReader};
use crate::tmx::error::{ErrorKind, Severity, value};
use crate::tmx::model::{Attr, Element, Node, attr_value};
use crate::tmx::xml::{AttrLimits, parse_attrs};
use crate::xml::{check_chars, is_name, is_xml_space, push_text};

/// Closes the innermost kept element, attaching it to its parent or to the header.
fn close_extra(extras: &mut Vec<Element>, header_extra: &mut Vec<Element>) {
    if let Some(element) = extras.pop() {
        match extras.last_mut() {
            Some(parent) => parent.children.push(Node::Element(element)),
            None => header_extra.push(element),
        }
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
pub(super) fn hoist_namespaces(attrs: Vec<Attr>, parent: &mut Vec<Attr>) -> Vec<Attr> {
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
pub(super) fn attr_names(attrs: &[Attr]) -> String {
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

impl<R: Read> TmxReader<R> {
    /// Checks the XML declaration (the event that started at `start`).
    pub(super) fn declaration(&mut self, start: u64) -> Result<(), Fatal> {
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
                self.warn(start, "xml-version", vec![value("version", other)], message);
            }
        }
        Ok(())
    }

    /// Keeps the DOCTYPE (the event that started at `start`) after refusing entity
    /// declarations and parameter entities in its internal subset. Nothing is resolved or
    /// fetched, ever.
    pub(super) fn read_doctype(&mut self, start: u64) -> Result<(), Fatal> {
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

    /// Reads the prolog, `<tmx>` and `<header>`, up to the start of `<body>`.
    pub(super) fn prolog(&mut self, buf: &mut Vec<u8>) -> Result<(), Fatal> {
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
                    self.warn(start, "missing-body", vec![value("root", "empty")], message);
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
                    self.structure_problem(start, "text-in-tmx", vec![], message);
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
                            vec![],
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
                        let values = vec![value("attributes", attr_names(&dropped))];
                        self.warn(start, "body-attrs", values, message);
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
                        vec![value("root", "open")],
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
                vec![],
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
            let values = vec![value("version", &self.version)];
            self.warn(start, "unknown-version", values, message);
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
                        self.structure_problem(at, "text-in-header", vec![], message);
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
                        let values = vec![
                            value("element", self.cur.name_str()),
                            value("place", "header"),
                        ];
                        self.structure_problem(at, "element-in-meta", values, message);
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
                                let values = vec![
                                    value("element", self.cur.name_str()),
                                    value("parent", "header"),
                                ];
                                self.warn(at, "unknown-element", values, message);
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
                (finding.values, finding.message),
            );
        }
        self.findings = findings;
        Ok(())
    }
}
