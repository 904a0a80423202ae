//! The TMX document model: what a `<tmx>` file holds, kept without loss.
//!
//! Attributes are ordered lists of (qualified name as written, value) everywhere, so that
//! unknown and namespaced attributes survive a round trip. Props and notes keep their
//! relative order. Inline markup is a tree of [`InlineElement`]s with their native-code
//! text. See the [module documentation](super) for the decisions on whitespace,
//! normalization and attribute order.

use unic_langid::LanguageIdentifier;

use crate::text::lang::{best_lang_match, parse_lang};

/// One attribute: its qualified name exactly as written (`xml:lang`, `lang`, `ex:id`) and
/// its value after XML decoding (references resolved, attribute-value normalization
/// applied).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Attr {
    pub name: String,
    pub value: String,
}

impl Attr {
    /// An attribute from borrowed strings.
    pub fn new(name: &str, value: &str) -> Attr {
        Attr {
            name: name.to_owned(),
            value: value.to_owned(),
        }
    }
}

/// The value of the first attribute called `name`.
pub fn attr_value<'a>(attrs: &'a [Attr], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|attr| attr.name == name)
        .map(|attr| attr.value.as_str())
}

/// Sets the first attribute called `name` to `value`, or appends it.
pub fn set_attr_value(attrs: &mut Vec<Attr>, name: &str, value: &str) {
    match attrs.iter_mut().find(|attr| attr.name == name) {
        Some(attr) => value.clone_into(&mut attr.value),
        None => attrs.push(Attr::new(name, value)),
    }
}

/// Removes every attribute called `name`; returns the value of the first one.
pub fn remove_attr_value(attrs: &mut Vec<Attr>, name: &str) -> Option<String> {
    let first = attrs.iter().position(|attr| attr.name == name)?;
    let removed = attrs.remove(first);
    attrs.retain(|attr| attr.name != name);
    Some(removed.value)
}

/// `<prop type="...">value</prop>`. A prop without `type` (seen in the wild as
/// `prop name=` or `prop type2=`) is kept with its attributes as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Prop {
    pub attrs: Vec<Attr>,
    pub value: String,
}

impl Prop {
    /// A prop with only a `type` attribute.
    pub fn new(kind: &str, value: &str) -> Prop {
        Prop {
            attrs: vec![Attr::new("type", kind)],
            value: value.to_owned(),
        }
    }

    /// The `type` attribute.
    pub fn kind(&self) -> Option<&str> {
        attr_value(&self.attrs, "type")
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        attr_value(&self.attrs, name)
    }
}

/// `<note>value</note>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Note {
    pub attrs: Vec<Attr>,
    pub value: String,
}

impl Note {
    /// A note without attributes.
    pub fn new(value: &str) -> Note {
        Note {
            attrs: Vec::new(),
            value: value.to_owned(),
        }
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        attr_value(&self.attrs, name)
    }
}

/// A prop or a note; they may interleave, so they share one ordered list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Meta {
    Prop(Prop),
    Note(Note),
}

/// An element kept as it was written: `<ude>`/`<map>` in the header and unknown elements
/// there. Text inside it, whitespace included, is kept exactly.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Element {
    pub name: String,
    pub attrs: Vec<Attr>,
    pub children: Vec<Node>,
}

/// Content of an [`Element`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Node {
    Element(Element),
    Text(String),
}

/// `<header>`: attributes, props and notes in order, then `<ude>` and unknown children.
///
/// The order of `<ude>` and unknown children relative to props and notes is not kept:
/// they are written after them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Header {
    pub attrs: Vec<Attr>,
    pub meta: Vec<Meta>,
    pub extra: Vec<Element>,
}

impl Header {
    pub fn attr(&self, name: &str) -> Option<&str> {
        attr_value(&self.attrs, name)
    }

    pub fn set_attr(&mut self, name: &str, value: &str) {
        set_attr_value(&mut self.attrs, name, value);
    }

    /// The header's `srclang`.
    pub fn srclang(&self) -> Option<SrcLang<'_>> {
        self.attr("srclang").map(SrcLang::parse)
    }

    /// Values of the props of type `kind`, in order.
    pub fn props<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        props_of(&self.meta, kind)
    }

    /// The value of the first prop of type `kind`.
    pub fn prop(&self, kind: &str) -> Option<&str> {
        first_prop(&self.meta, kind)
    }
}

/// A source language: `*all*` (any variant can be the source) or a language tag as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SrcLang<'a> {
    All,
    Tag(&'a str),
}

impl<'a> SrcLang<'a> {
    fn parse(raw: &'a str) -> SrcLang<'a> {
        if raw == "*all*" {
            SrcLang::All
        } else {
            SrcLang::Tag(raw)
        }
    }
}

/// `<tu>`: a translation unit.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Tu {
    pub attrs: Vec<Attr>,
    pub meta: Vec<Meta>,
    pub tuvs: Vec<Tuv>,
}

impl Tu {
    pub fn attr(&self, name: &str) -> Option<&str> {
        attr_value(&self.attrs, name)
    }

    /// Sets the first attribute called `name`, or appends it.
    pub fn set_attr(&mut self, name: &str, value: &str) {
        set_attr_value(&mut self.attrs, name, value);
    }

    /// Removes every attribute called `name`; returns the first value.
    pub fn remove_attr(&mut self, name: &str) -> Option<String> {
        remove_attr_value(&mut self.attrs, name)
    }

    /// Values of the props of type `kind`, in order (a type may repeat).
    pub fn props<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        props_of(&self.meta, kind)
    }

    /// The value of the first prop of type `kind`.
    pub fn prop(&self, kind: &str) -> Option<&str> {
        first_prop(&self.meta, kind)
    }

    /// Sets the first prop of type `kind` to `value`, or appends a prop.
    pub fn set_prop(&mut self, kind: &str, value: &str) {
        let existing = self.meta.iter_mut().find_map(|meta| match meta {
            Meta::Prop(prop) if prop.kind() == Some(kind) => Some(prop),
            _ => None,
        });
        match existing {
            Some(prop) => value.clone_into(&mut prop.value),
            None => self.meta.push(Meta::Prop(Prop::new(kind, value))),
        }
    }

    /// The notes, in order.
    pub fn notes(&self) -> impl Iterator<Item = &Note> {
        self.meta.iter().filter_map(|meta| match meta {
            Meta::Note(note) => Some(note),
            Meta::Prop(_) => None,
        })
    }

    /// The source language: the TU's `srclang`, else the header's.
    pub fn srclang<'a>(&'a self, header: &'a Header) -> Option<SrcLang<'a>> {
        self.attr("srclang")
            .map(SrcLang::parse)
            .or_else(|| header.srclang())
    }

    /// The variant in the source language (see [`Tu::tuv`] for the matching), `None`
    /// when the source language is `*all*` or unknown: then any variant may serve as the
    /// source, and the caller picks one with [`Tu::tuv`].
    pub fn source_tuv(&self, header: &Header) -> Option<&Tuv> {
        match self.srclang(header)? {
            SrcLang::All => None,
            SrcLang::Tag(tag) => {
                let lang = parse_lang(tag)?;
                self.tuv(&lang)
            }
        }
    }

    /// The variant in language `lang`: the first with exactly that language (tags compared
    /// after canonicalization, so `vi_VN` and `VI-vn` are `vi-VN`), else the first with the
    /// same language and no script or region (`vi` for `vi-VN`), else the first with the
    /// same language and any script or region (`zh-CN` for `zh-TW`).
    pub fn tuv(&self, lang: &LanguageIdentifier) -> Option<&Tuv> {
        self.tuvs.get(self.tuv_index(lang)?)
    }

    /// Mutable access to the variant [`Tu::tuv`] would return.
    pub fn tuv_mut(&mut self, lang: &LanguageIdentifier) -> Option<&mut Tuv> {
        let index = self.tuv_index(lang)?;
        self.tuvs.get_mut(index)
    }

    /// The index of the variant [`Tu::tuv`] returns.
    pub fn tuv_index(&self, lang: &LanguageIdentifier) -> Option<usize> {
        best_lang_match(self.tuvs.iter().map(Tuv::lang), lang)
    }

    /// The TU with attributes in writer order and segments normalized: what reading back
    /// the output of the writer gives. See [`canonicalize`](Tu::canonicalize).
    pub fn canonical(&self) -> Tu {
        let mut tu = self.clone();
        tu.canonicalize();
        tu
    }

    /// Puts attributes in the order the writer writes them (known TMX attributes in DTD
    /// order, then the others in their order) and normalizes every segment (adjacent texts
    /// joined, empty texts dropped). `read(write(tu)) == tu.canonical()`.
    pub fn canonicalize(&mut self) {
        super::writer::sort_attrs(super::writer::ElementKind::Tu, &mut self.attrs);
        canonicalize_meta(&mut self.meta);
        for tuv in &mut self.tuvs {
            tuv.canonicalize();
        }
    }
}

/// The prop type that keeps a variant's deprecated `lang` when [`Tu::to_tmx14`] finds it
/// differing from its `xml:lang` (TMX 1.4b output never writes `lang` on a `<tuv>`).
pub const CONFLICTING_LANG_PROP: &str = "x-songngu-lang";

impl Tu {
    /// Whether [`Tu::to_tmx14`] may change anything: a `lang` attribute (TMX 1.1, 1.2) on a
    /// variant, a prop or a note (a cheap test; a conflicting `lang` that `to_tmx14` keeps
    /// on a prop or note keeps this true).
    pub fn needs_tmx14(&self) -> bool {
        let meta_has_lang = |meta: &[Meta]| {
            meta.iter().any(|item| match item {
                Meta::Prop(prop) => attr_value(&prop.attrs, "lang").is_some(),
                Meta::Note(note) => attr_value(&note.attrs, "lang").is_some(),
            })
        };
        meta_has_lang(&self.meta)
            || self
                .tuvs
                .iter()
                .any(|tuv| tuv.attr("lang").is_some() || meta_has_lang(&tuv.meta))
    }

    /// Brings the TU to TMX 1.4b's language attribute: on a `<tuv>`, `lang` becomes
    /// `xml:lang` with its value as written (`lang="EN-US"` → `xml:lang="EN-US"`), since
    /// TMX 1.4b requires `xml:lang` and tools read only it. A `lang` beside an `xml:lang`
    /// naming the same language is dropped; one naming another language is kept as a
    /// [`CONFLICTING_LANG_PROP`] prop of the variant (`xml:lang` is the one readers use).
    /// On props and notes `lang` becomes `xml:lang` too; a conflicting one stays (the
    /// TMX 1.4b DTD still declares it there and there is no other place for it).
    pub fn to_tmx14(&mut self) {
        upgrade_meta_langs(&mut self.meta);
        for tuv in &mut self.tuvs {
            upgrade_meta_langs(&mut tuv.meta);
            if let Some(conflicting) = upgrade_lang(&mut tuv.attrs) {
                tuv.meta
                    .push(Meta::Prop(Prop::new(CONFLICTING_LANG_PROP, &conflicting)));
            }
        }
    }
}

impl Header {
    /// [`Tu::to_tmx14`] for the header's props and notes.
    pub fn to_tmx14(&mut self) {
        upgrade_meta_langs(&mut self.meta);
    }
}

/// Renames `lang` to `xml:lang`, or drops it when `xml:lang` is there too; gives back a
/// dropped `lang` that named another language.
fn upgrade_lang(attrs: &mut Vec<Attr>) -> Option<String> {
    let at = attrs.iter().position(|attr| attr.name == "lang")?;
    match attr_value(attrs, "xml:lang") {
        None => {
            attrs[at].name = String::from("xml:lang");
            None
        }
        Some(xml_lang) => {
            let same = super::check::same_tag(xml_lang, &attrs[at].value)
                || parse_lang(xml_lang).is_some_and(|a| parse_lang(&attrs[at].value) == Some(a));
            let lang = attrs.remove(at);
            (!same).then_some(lang.value)
        }
    }
}

fn upgrade_meta_langs(meta: &mut [Meta]) {
    for item in meta {
        let attrs = match item {
            Meta::Prop(prop) => &mut prop.attrs,
            Meta::Note(note) => &mut note.attrs,
        };
        if let Some(conflicting) = upgrade_lang(attrs) {
            attrs.push(Attr::new("lang", &conflicting));
        }
    }
}

fn props_of<'a>(meta: &'a [Meta], kind: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    meta.iter().filter_map(move |meta| match meta {
        Meta::Prop(prop) if prop.kind() == Some(kind) => Some(prop.value.as_str()),
        _ => None,
    })
}

fn first_prop<'a>(meta: &'a [Meta], kind: &str) -> Option<&'a str> {
    meta.iter().find_map(|meta| match meta {
        Meta::Prop(prop) if prop.kind() == Some(kind) => Some(prop.value.as_str()),
        _ => None,
    })
}

fn canonicalize_meta(meta: &mut [Meta]) {
    use super::writer::{ElementKind, sort_attrs};
    for item in meta {
        match item {
            Meta::Prop(prop) => sort_attrs(ElementKind::Prop, &mut prop.attrs),
            Meta::Note(note) => sort_attrs(ElementKind::Note, &mut note.attrs),
        }
    }
}

/// `<tuv>`: the unit's text in one language.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Tuv {
    pub attrs: Vec<Attr>,
    pub meta: Vec<Meta>,
    pub seg: Seg,
}

impl Tuv {
    /// A variant in `lang` (written as `xml:lang` in canonical form) holding plain `text`.
    pub fn with_text(lang: &LanguageIdentifier, text: &str) -> Tuv {
        Tuv {
            attrs: vec![Attr::new("xml:lang", &lang.to_string())],
            meta: Vec::new(),
            seg: Seg::text(text),
        }
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        attr_value(&self.attrs, name)
    }

    pub fn set_attr(&mut self, name: &str, value: &str) {
        set_attr_value(&mut self.attrs, name, value);
    }

    /// The language as written: `xml:lang`, else the deprecated `lang` (TMX 1.1, 1.2).
    pub fn lang_raw(&self) -> Option<&str> {
        self.attr("xml:lang").or_else(|| self.attr("lang"))
    }

    /// The language, canonicalized (`vi_VN`, `VI-vn` → `vi-VN`); `None` when absent or not
    /// a well-formed tag. The raw spelling stays in the attribute and is what is written.
    pub fn lang(&self) -> Option<LanguageIdentifier> {
        parse_lang(self.lang_raw()?)
    }

    /// Values of the props of type `kind`, in order.
    pub fn props<'a>(&'a self, kind: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        props_of(&self.meta, kind)
    }

    /// The value of the first prop of type `kind`.
    pub fn prop(&self, kind: &str) -> Option<&str> {
        first_prop(&self.meta, kind)
    }

    fn canonicalize(&mut self) {
        super::writer::sort_attrs(super::writer::ElementKind::Tuv, &mut self.attrs);
        canonicalize_meta(&mut self.meta);
        self.seg.canonicalize();
    }
}

/// `<seg>`: text and inline markup. Whitespace in a segment is content and is kept exactly
/// (see the module documentation for line ends).
///
/// A segment read from a file is normalized: no two [`Inline::Text`] are adjacent and no
/// text is empty, at every level. [`Seg::normalize`] brings any segment to that form.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Seg(pub Vec<Inline>);

/// A piece of segment content.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Inline {
    Text(String),
    Element(InlineElement),
}

/// An inline element: `bpt`, `ept`, `it`, `ph` and `ut` hold native code as text (and
/// possibly `sub` sub-flows); `hi` and `sub` hold segment text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct InlineElement {
    pub kind: InlineKind,
    pub attrs: Vec<Attr>,
    pub content: Vec<Inline>,
}

impl InlineElement {
    /// An element without attributes or content.
    pub fn new(kind: InlineKind) -> InlineElement {
        InlineElement {
            kind,
            attrs: Vec::new(),
            content: Vec::new(),
        }
    }

    pub fn attr(&self, name: &str) -> Option<&str> {
        attr_value(&self.attrs, name)
    }
}

/// The kind of an inline element.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum InlineKind {
    /// `<bpt>`: begin of a paired native code.
    Bpt,
    /// `<ept>`: end of a paired native code.
    Ept,
    /// `<it>`: isolated tag (its pair is outside the segment).
    It,
    /// `<ph>`: placeholder, a standalone native code.
    Ph,
    /// `<hi>`: highlighted text.
    Hi,
    /// `<sub>`: sub-flow text inside native code (a footnote, an `alt` text).
    Sub,
    /// `<ut>`: unknown tag (deprecated in TMX 1.4).
    Ut,
    /// An element TMX does not define inside a segment (an unescaped `<g>` or `<x/>` from
    /// another format), kept under its name as written. The reader warns about it.
    Other(String),
}

impl InlineKind {
    /// The element name.
    pub fn name(&self) -> &str {
        match self {
            InlineKind::Bpt => "bpt",
            InlineKind::Ept => "ept",
            InlineKind::It => "it",
            InlineKind::Ph => "ph",
            InlineKind::Hi => "hi",
            InlineKind::Sub => "sub",
            InlineKind::Ut => "ut",
            InlineKind::Other(name) => name,
        }
    }

    /// The TMX kind for an element name; `None` for names TMX does not define in `seg`.
    pub fn from_name(name: &[u8]) -> Option<InlineKind> {
        Some(match name {
            b"bpt" => InlineKind::Bpt,
            b"ept" => InlineKind::Ept,
            b"it" => InlineKind::It,
            b"ph" => InlineKind::Ph,
            b"hi" => InlineKind::Hi,
            b"sub" => InlineKind::Sub,
            b"ut" => InlineKind::Ut,
            _ => return None,
        })
    }

    /// Whether the content is native code (`bpt`, `ept`, `it`, `ph`, `ut`).
    pub fn is_code(&self) -> bool {
        matches!(
            self,
            InlineKind::Bpt | InlineKind::Ept | InlineKind::It | InlineKind::Ph | InlineKind::Ut
        )
    }
}

impl Seg {
    /// A segment holding `text` (empty text gives an empty segment).
    pub fn text(text: &str) -> Seg {
        if text.is_empty() {
            Seg(Vec::new())
        } else {
            Seg(vec![Inline::Text(text.to_owned())])
        }
    }

    /// The text of the segment without markup: text directly in the segment and in `hi`
    /// (and in unknown elements, taken as text wrappers); native code (`bpt`, `ept`, `it`,
    /// `ph`, `ut`) is left out, and so are the `sub` sub-flows inside it, because a
    /// footnote or an `alt` text is not part of the sentence. [`Seg::sub_flows`] gives them.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        // An explicit stack: inline trees can be deep, recursion could overflow.
        let mut stack: Vec<std::slice::Iter<'_, Inline>> = vec![self.0.iter()];
        while let Some(top) = stack.last_mut() {
            match top.next() {
                None => {
                    stack.pop();
                }
                Some(Inline::Text(text)) => out.push_str(text),
                Some(Inline::Element(element)) => {
                    if !element.kind.is_code() && element.kind != InlineKind::Sub {
                        stack.push(element.content.iter());
                    }
                }
            }
        }
        out
    }

    /// The plain text of every `sub` sub-flow, in document order (a `sub` inside a `sub`
    /// comes after its parent).
    pub fn sub_flows(&self) -> Vec<String> {
        let mut subs: Vec<&InlineElement> = Vec::new();
        let mut pending: Vec<std::slice::Iter<'_, Inline>> = vec![self.0.iter()];
        while let Some(top) = pending.last_mut() {
            match top.next() {
                None => {
                    pending.pop();
                }
                Some(Inline::Text(_)) => {}
                Some(Inline::Element(element)) => {
                    if element.kind == InlineKind::Sub {
                        subs.push(element);
                    }
                    pending.push(element.content.iter());
                }
            }
        }
        subs.into_iter()
            .map(|sub| Seg(sub.content.clone()).plain_text())
            .collect()
    }

    /// Whether the segment holds any inline element.
    pub fn has_markup(&self) -> bool {
        self.0.iter().any(|item| matches!(item, Inline::Element(_)))
    }

    /// Joins adjacent texts and drops empty ones, at every level (the form the reader
    /// gives), and sorts attributes into writer order.
    pub fn canonicalize(&mut self) {
        normalize_content(&mut self.0, true);
    }

    /// Joins adjacent texts and drops empty ones, at every level; attributes untouched.
    pub fn normalize(&mut self) {
        normalize_content(&mut self.0, false);
    }

    /// Whether two segments hold the same content exactly: the same text (whitespace, case
    /// and Unicode form included: NFC and NFD differ) and the same markup, attributes
    /// compared in writer order (what writing both would give).
    pub fn same_content(&self, other: &Seg) -> bool {
        self == other || {
            let (mut a, mut b) = (self.clone(), other.clone());
            a.canonicalize();
            b.canonicalize();
            a == b
        }
    }
}

/// Normalizes one content list and, through an explicit stack, every nested one.
fn normalize_content(content: &mut Vec<Inline>, sort: bool) {
    let mut stack: Vec<&mut Vec<Inline>> = vec![content];
    while let Some(list) = stack.pop() {
        merge_texts(list);
        for item in list.iter_mut() {
            if let Inline::Element(element) = item {
                if sort {
                    super::writer::sort_attrs(
                        super::writer::ElementKind::Inline(&element.kind),
                        &mut element.attrs,
                    );
                }
                stack.push(&mut element.content);
            }
        }
    }
}

fn merge_texts(list: &mut Vec<Inline>) {
    let needs_work = list.iter().enumerate().any(|(i, item)| match item {
        Inline::Text(text) => {
            text.is_empty() || (i > 0 && matches!(list.get(i - 1), Some(Inline::Text(_))))
        }
        Inline::Element(_) => false,
    });
    if !needs_work {
        return;
    }
    let old = std::mem::take(list);
    for item in old {
        match item {
            Inline::Text(text) if text.is_empty() => {}
            Inline::Text(text) => match list.last_mut() {
                Some(Inline::Text(previous)) => previous.push_str(&text),
                _ => list.push(Inline::Text(text)),
            },
            element => list.push(element),
        }
    }
}

/// A whole TMX document, for small files (the reader streams large ones).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Tmx {
    /// The `version` attribute of `<tmx>` as written (`1.4`, `1.1`).
    pub version: String,
    /// The content of `<!DOCTYPE ...>` as written (`tmx SYSTEM "tmx14.dtd"`), never resolved.
    pub doctype: Option<String>,
    /// The other attributes of `<tmx>` (namespace declarations such as `xmlns:ex`).
    pub attrs: Vec<Attr>,
    pub header: Header,
    pub tus: Vec<Tu>,
}

impl Tmx {
    /// The document as reading back the writer's output gives it.
    pub fn canonical(&self) -> Tmx {
        let mut tmx = self.clone();
        tmx.canonicalize();
        tmx
    }

    /// See [`Tu::canonicalize`]; also sorts header attributes and normalizes text in
    /// header extras.
    pub fn canonicalize(&mut self) {
        use super::writer::{ElementKind, sort_attrs};
        sort_attrs(ElementKind::Root, &mut self.attrs);
        sort_attrs(ElementKind::Header, &mut self.header.attrs);
        canonicalize_meta(&mut self.header.meta);
        for extra in &mut self.header.extra {
            canonicalize_element(extra);
        }
        for tu in &mut self.tus {
            tu.canonicalize();
        }
    }
}

fn canonicalize_element(element: &mut Element) {
    let mut stack: Vec<&mut Element> = vec![element];
    while let Some(element) = stack.pop() {
        super::writer::sort_attrs(
            super::writer::ElementKind::Extra(&element.name),
            &mut element.attrs,
        );
        let children = &mut element.children;
        let old = std::mem::take(children);
        for child in old {
            match child {
                Node::Text(text) if text.is_empty() => {}
                Node::Text(text) => match children.last_mut() {
                    Some(Node::Text(previous)) => previous.push_str(&text),
                    _ => children.push(Node::Text(text)),
                },
                element => children.push(element),
            }
        }
        for child in children.iter_mut() {
            if let Node::Element(element) = child {
                stack.push(element);
            }
        }
    }
}
