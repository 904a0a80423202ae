//! The deterministic XLIFF 2.0 and 1.2 writers. See the [module docs](super#writing).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use super::error::{Invalid, TextField, WriteError};
use super::inline::{CodeKey, Piece, code_keys, match_target_codes, pieces};
use super::{
    LEVERAGED_INHERITED, NS_1_2, NS_2_0, SUB_STATE_SOURCE_COPY, State, Version, XliffDoc, XliffUnit,
};
use crate::xml::{CodePoint, is_name_char, is_xml_char};

/// The `origin` of the `<alt-trans>` that carries our match score (1.2).
pub(crate) const ALT_TRANS_ORIGIN: &str = "songngu";
/// The `from` of the 1.2 note and the `category` of the 2.0 note holding the old English.
pub(crate) const OLD_SOURCE: &str = "old-source";
/// The `category` of the 2.0 note holding the match score.
pub(crate) const MATCH_SCORE: &str = "match-score";
/// The `category` (2.0) and `from` (1.2) of the note holding the unit's context.
pub(crate) const CONTEXT: &str = "context";
/// The prefix of the 2.0 data ids holding Markdown (`md1`, `md2`...): what tells the
/// reader a code is ours, to restore, from another tool's.
pub(crate) const MARKDOWN_DATA: &str = "md";

/// Writes `doc` as XLIFF `version` to `out`.
///
/// The document is checked first ([`validate`]); if it is refused nothing is written and
/// the error is an [`io::Error`] of kind [`InvalidInput`](io::ErrorKind::InvalidInput)
/// wrapping the [`WriteError`]. Output goes out one unit at a time; wrap `out` in a
/// [`BufWriter`](io::BufWriter) if it is unbuffered.
pub fn write(doc: &XliffDoc, version: Version, out: &mut impl Write) -> io::Result<()> {
    validate(doc, version).map_err(|error| io::Error::new(io::ErrorKind::InvalidInput, error))?;
    match version {
        Version::V2_0 => write_v2(doc, out),
        Version::V1_2 => write_v12(doc, out),
    }
}

/// Checks that `doc` can be written as XLIFF `version` (and so read back as the same
/// document). See the [module docs](super#writing) for what is refused.
pub fn validate(doc: &XliffDoc, version: Version) -> Result<(), WriteError> {
    let doc_error = |reason| WriteError::Doc { version, reason };
    check_chars(&doc.doc, TextField::DocumentId, false).map_err(doc_error)?;
    check_lang(&doc.source_lang, "source_lang").map_err(doc_error)?;
    check_lang(&doc.target_lang, "target_lang").map_err(doc_error)?;
    if version == Version::V2_0 && doc.units.is_empty() {
        return Err(doc_error(Invalid::NoUnits));
    }
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(doc.units.len());
    for (index, unit) in doc.units.iter().enumerate() {
        let unit_error = |reason| WriteError::Unit {
            version,
            index,
            id: unit.id.clone(),
            reason,
        };
        if let Some(&first) = seen.get(unit.id.as_str()) {
            return Err(unit_error(Invalid::DuplicateId(first)));
        }
        seen.insert(&unit.id, index);
        check_unit(unit, version).map_err(unit_error)?;
    }
    Ok(())
}

fn check_unit(unit: &XliffUnit, version: Version) -> Result<(), Invalid> {
    if !is_nmtoken(&unit.id) {
        return Err(Invalid::BadId(unit.id.clone()));
    }
    // XLIFF 2 has `<cp/>` for the content of `<source>` and `<target>`; 1.2 has nothing.
    let cp = version == Version::V2_0;
    if let Some(name) = &unit.name {
        check_chars(name, TextField::UnitName, false)?;
    }
    check_chars(&unit.en, TextField::English, cp)?;
    if let Some(vi) = &unit.vi {
        if vi.is_empty() {
            return Err(Invalid::EmptyTarget);
        }
        check_chars(vi, TextField::Vietnamese, cp)?;
    }
    if let Some(old_en) = &unit.old_en {
        check_chars(old_en, TextField::OldEnglish, false)?;
    }
    for note in unit.notes.iter().chain(&unit.context) {
        check_chars(note, TextField::Note, false)?;
    }
    if let Some(score) = unit.score {
        if score > 100 {
            return Err(Invalid::ScoreOutOfRange(score));
        }
        if unit.vi.is_none() {
            return Err(Invalid::ScoreWithoutTarget);
        }
    }
    if unit.state != State::Initial && unit.vi.is_none() {
        return Err(Invalid::StateWithoutTarget(unit.state));
    }
    Ok(())
}

fn check_chars(text: &str, field: TextField, cp: bool) -> Result<(), Invalid> {
    if cp {
        return Ok(());
    }
    match text.chars().find(|&c| !is_xml_char(c)) {
        Some(c) => Err(Invalid::ForbiddenChar {
            ch: CodePoint(u32::from(c)),
            field,
        }),
        None => Ok(()),
    }
}

fn check_lang(value: &str, field: &'static str) -> Result<(), Invalid> {
    let ok = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !value.starts_with('-')
        && !value.ends_with('-');
    if ok {
        Ok(())
    } else {
        Err(Invalid::BadLang {
            field,
            value: value.to_owned(),
        })
    }
}

/// Whether `s` matches the XML 1.0 `Nmtoken` production (one or more name characters).
pub(crate) fn is_nmtoken(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_name_char)
}

/// Whether whitespace in `s` would be at risk without `xml:space="preserve"`.
fn needs_preserve(s: &str) -> bool {
    let space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r');
    s.starts_with(space) || s.ends_with(space) || s.contains(['\t', '\n', '\r']) || s.contains("  ")
}

fn unit_needs_preserve(unit: &XliffUnit) -> bool {
    needs_preserve(&unit.en)
        || unit.vi.as_deref().is_some_and(needs_preserve)
        || unit.old_en.as_deref().is_some_and(needs_preserve)
        || unit.notes.iter().any(|note| needs_preserve(note))
        || unit.context.as_deref().is_some_and(needs_preserve)
}

/// A Markdown unit's source and target cut into text and codes, the target's codes
/// numbered as the source's they match (the same markup), and each code's data ids
/// (2.0 `<originalData>`).
struct Coded<'a> {
    source: Vec<Piece<'a>>,
    target: Option<Vec<Piece<'a>>>,
    /// Target code id → unit code id. A target code the source does not have (markup
    /// the Vietnamese added) is not a code of the unit: it is written as text.
    target_ids: HashMap<usize, usize>,
    /// Unit code id → (start data id, end data id).
    refs: HashMap<usize, (String, Option<String>)>,
    /// `<data>` entries in order: id, Markdown.
    data: Vec<(String, &'a str)>,
}

impl<'a> Coded<'a> {
    /// `None` when the unit is not Markdown or has no markup: it is written as text.
    fn of(unit: &'a XliffUnit) -> Option<Coded<'a>> {
        if !unit.markdown {
            return None;
        }
        let source = pieces(&unit.en);
        let target = unit.vi.as_deref().map(pieces);
        let any_code = |p: &[Piece<'_>]| p.iter().any(Piece::is_code);
        if !any_code(&source) && !target.as_deref().is_some_and(any_code) {
            return None;
        }
        let mut coded = Coded {
            source,
            target: None,
            target_ids: HashMap::new(),
            refs: HashMap::new(),
            data: Vec::new(),
        };
        let source_keys = code_keys(&coded.source);
        for (id, key) in &source_keys {
            coded.add_refs(*id, key);
        }
        if let Some(target) = &target {
            coded.target_ids = match_target_codes(&source_keys, target);
        }
        coded.target = target;
        Some(coded)
    }

    /// The unit's id of the code `piece` (of the target with `target`); `None` for text
    /// and for markup written as text.
    fn unit_id(&self, piece: &Piece<'_>, target: bool) -> Option<usize> {
        let id = match *piece {
            Piece::Text(_) => return None,
            Piece::Open { id, .. } | Piece::Close { id, .. } | Piece::Standalone { id, .. } => id,
        };
        if target {
            self.target_ids.get(&id).copied()
        } else {
            Some(id)
        }
    }

    fn add_refs(&mut self, id: usize, key: &CodeKey<'a>) {
        let mut data_id = |data: &'a str| {
            let name = format!("{MARKDOWN_DATA}{}", self.data.len() + 1);
            self.data.push((name.clone(), data));
            name
        };
        let start = data_id(key.open);
        let end = key.close.map(&mut data_id);
        self.refs.insert(id, (start, end));
    }
}

/// Appends `pieces` as XLIFF 2.0 content: `<pc>` for pairs, `<ph/>` for standalone
/// codes, each referring to its Markdown in `<originalData>`; `ids` renumbers (target).
fn push_pieces_v2(buf: &mut String, pieces: &[Piece<'_>], coded: &Coded<'_>, target: bool) {
    for piece in pieces {
        let Some(id) = coded.unit_id(piece, target) else {
            push_text(buf, piece.markdown(), true);
            continue;
        };
        match *piece {
            Piece::Text(_) => {}
            Piece::Open { kind, .. } => {
                let (start, end) = &coded.refs[&id];
                buf.push_str("<pc");
                attr(buf, "id", &id.to_string());
                attr(buf, "type", kind.v2());
                attr(buf, "canCopy", "no");
                attr(buf, "canDelete", "no");
                attr(buf, "dataRefEnd", end.as_deref().unwrap_or(start));
                attr(buf, "dataRefStart", start);
                buf.push('>');
            }
            Piece::Close { .. } => buf.push_str("</pc>"),
            Piece::Standalone { kind, .. } => {
                buf.push_str("<ph");
                attr(buf, "id", &id.to_string());
                attr(buf, "type", kind.v2());
                attr(buf, "canCopy", "no");
                attr(buf, "canDelete", "no");
                attr(buf, "dataRef", &coded.refs[&id].0);
                buf.push_str("/>");
            }
        }
    }
}

/// Appends `pieces` as XLIFF 1.2 content: `<bpt>`/`<ept>` for pairs, `<ph>` for
/// standalone codes, each holding its Markdown (1.2's native code).
fn push_pieces_v12(buf: &mut String, pieces: &[Piece<'_>], coded: &Coded<'_>, target: bool) {
    for piece in pieces {
        let Some(id) = coded.unit_id(piece, target) else {
            push_text(buf, piece.markdown(), false);
            continue;
        };
        let id = &id.to_string();
        match *piece {
            Piece::Text(_) => {}
            Piece::Open { data, kind, .. } => {
                buf.push_str("<bpt");
                attr(buf, "id", id);
                attr(buf, "ctype", kind.v12());
                buf.push('>');
                push_text(buf, data, false);
                buf.push_str("</bpt>");
            }
            Piece::Close { data, .. } => {
                buf.push_str("<ept");
                attr(buf, "id", id);
                buf.push('>');
                push_text(buf, data, false);
                buf.push_str("</ept>");
            }
            Piece::Standalone { data, kind, .. } => {
                buf.push_str("<ph");
                attr(buf, "id", id);
                attr(buf, "ctype", kind.v12());
                buf.push('>');
                push_text(buf, data, false);
                buf.push_str("</ph>");
            }
        }
    }
}

/// Appends `<name attrs>` + the coded pieces + `</name>` and a line end, indented.
fn coded_element(
    buf: &mut String,
    indent: &str,
    name: &str,
    attrs: &[(&str, &str)],
    content: impl FnOnce(&mut String),
) {
    buf.push_str(indent);
    buf.push('<');
    buf.push_str(name);
    for (key, value) in attrs {
        attr(buf, key, value);
    }
    buf.push('>');
    content(buf);
    buf.push_str("</");
    buf.push_str(name);
    buf.push_str(">\n");
}

/// Appends `text` escaped as character data. With `cp`, characters XML cannot carry
/// become XLIFF 2 `<cp/>` elements; without, they cannot occur (the document was
/// validated) and would be replaced by U+FFFD rather than give a broken file.
fn push_text(buf: &mut String, text: &str, cp: bool) {
    let mut run = 0;
    for (at, c) in text.char_indices() {
        let escape = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '\r' => "&#13;",
            c if is_xml_char(c) => continue,
            _ => "",
        };
        buf.push_str(&text[run..at]);
        run = at + c.len_utf8();
        if !escape.is_empty() {
            buf.push_str(escape);
        } else if cp {
            let _ = write!(buf, "<cp hex=\"{:04X}\"/>", u32::from(c));
        } else {
            buf.push('\u{FFFD}');
        }
    }
    buf.push_str(&text[run..]);
}

/// Appends `value` escaped for a double-quoted attribute value: TAB, LF and CR as
/// references so that attribute-value normalization keeps them.
fn push_attr(buf: &mut String, value: &str) {
    let mut run = 0;
    for (at, c) in value.char_indices() {
        let escape = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\t' => "&#9;",
            '\n' => "&#10;",
            '\r' => "&#13;",
            c if is_xml_char(c) => continue,
            _ => "\u{FFFD}",
        };
        buf.push_str(&value[run..at]);
        buf.push_str(escape);
        run = at + c.len_utf8();
    }
    buf.push_str(&value[run..]);
}

/// Appends ` name="value"`.
fn attr(buf: &mut String, name: &str, value: &str) {
    buf.push(' ');
    buf.push_str(name);
    buf.push_str("=\"");
    push_attr(buf, value);
    buf.push('"');
}

/// Appends `<name attrs>text</name>` and a line end, indented.
fn element(
    buf: &mut String,
    indent: &str,
    name: &str,
    attrs: &[(&str, &str)],
    text: &str,
    cp: bool,
) {
    buf.push_str(indent);
    buf.push('<');
    buf.push_str(name);
    for (key, value) in attrs {
        attr(buf, key, value);
    }
    buf.push('>');
    push_text(buf, text, cp);
    buf.push_str("</");
    buf.push_str(name);
    buf.push_str(">\n");
}

const DECLARATION: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

fn write_v2(doc: &XliffDoc, out: &mut impl Write) -> io::Result<()> {
    let mut buf = String::with_capacity(512);
    buf.push_str(DECLARATION);
    buf.push_str("<xliff");
    attr(&mut buf, "xmlns", NS_2_0);
    attr(&mut buf, "version", "2.0");
    attr(&mut buf, "srcLang", &doc.source_lang);
    attr(&mut buf, "trgLang", &doc.target_lang);
    buf.push_str(">\n  <file");
    attr(&mut buf, "id", "f1");
    attr(&mut buf, "original", &doc.doc);
    attr(&mut buf, "canResegment", "no");
    buf.push_str(">\n");
    out.write_all(buf.as_bytes())?;
    for unit in &doc.units {
        buf.clear();
        unit_v2(&mut buf, unit);
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"  </file>\n</xliff>\n")
}

fn unit_v2(buf: &mut String, unit: &XliffUnit) {
    buf.push_str("    <unit");
    attr(buf, "id", &unit.id);
    if let Some(name) = &unit.name {
        attr(buf, "name", name);
    }
    if unit_needs_preserve(unit) {
        attr(buf, "xml:space", "preserve");
    }
    buf.push_str(">\n");
    let score = unit.score.map(|score| score.to_string());
    let coded = Coded::of(unit);
    if unit.old_en.is_some() || score.is_some() || unit.context.is_some() || !unit.notes.is_empty()
    {
        buf.push_str("      <notes>\n");
        const INDENT: &str = "        ";
        if let Some(old_en) = &unit.old_en {
            let attrs = [("category", OLD_SOURCE), ("appliesTo", "source")];
            element(buf, INDENT, "note", &attrs, old_en, false);
        }
        if let Some(score) = &score {
            let attrs = [("category", MATCH_SCORE), ("appliesTo", "target")];
            element(buf, INDENT, "note", &attrs, score, false);
        }
        if let Some(context) = &unit.context {
            element(
                buf,
                INDENT,
                "note",
                &[("category", CONTEXT)],
                context,
                false,
            );
        }
        for note in &unit.notes {
            element(buf, INDENT, "note", &[], note, false);
        }
        buf.push_str("      </notes>\n");
    }
    if let Some(coded) = &coded {
        buf.push_str("      <originalData>\n");
        for (id, data) in &coded.data {
            element(buf, "        ", "data", &[("id", id)], data, true);
        }
        buf.push_str("      </originalData>\n");
    }
    buf.push_str("      <segment");
    attr(buf, "state", unit.state.as_v2());
    if unit.is_copied_source() {
        attr(buf, "subState", SUB_STATE_SOURCE_COPY);
    } else if let Some(sub) = unit.state.sub_state_v2() {
        attr(buf, "subState", sub);
    }
    buf.push_str(">\n");
    match &coded {
        Some(coded) => {
            coded_element(buf, "        ", "source", &[], |b| {
                push_pieces_v2(b, &coded.source, coded, false)
            });
            if let Some(target) = &coded.target {
                coded_element(buf, "        ", "target", &[], |b| {
                    push_pieces_v2(b, target, coded, true)
                });
            }
        }
        None => {
            element(buf, "        ", "source", &[], &unit.en, true);
            if let Some(vi) = &unit.vi {
                element(buf, "        ", "target", &[], vi, true);
            }
        }
    }
    buf.push_str("      </segment>\n    </unit>\n");
}

fn write_v12(doc: &XliffDoc, out: &mut impl Write) -> io::Result<()> {
    let mut buf = String::with_capacity(512);
    buf.push_str(DECLARATION);
    buf.push_str("<xliff");
    attr(&mut buf, "version", "1.2");
    attr(&mut buf, "xmlns", NS_1_2);
    buf.push_str(">\n  <file");
    attr(&mut buf, "original", &doc.doc);
    attr(&mut buf, "source-language", &doc.source_lang);
    attr(&mut buf, "target-language", &doc.target_lang);
    attr(&mut buf, "datatype", "plaintext");
    buf.push_str(">\n    <body>\n");
    out.write_all(buf.as_bytes())?;
    for unit in &doc.units {
        buf.clear();
        unit_v12(&mut buf, unit);
        out.write_all(buf.as_bytes())?;
    }
    out.write_all(b"    </body>\n  </file>\n</xliff>\n")
}

fn unit_v12(buf: &mut String, unit: &XliffUnit) {
    const INDENT: &str = "        ";
    buf.push_str("      <trans-unit");
    attr(buf, "id", &unit.id);
    if let Some(name) = &unit.name {
        attr(buf, "resname", name);
    }
    if unit_needs_preserve(unit) {
        attr(buf, "xml:space", "preserve");
    }
    if unit.state == State::Reviewed {
        attr(buf, "approved", "yes");
    }
    buf.push_str(">\n");
    let coded = Coded::of(unit);
    match &coded {
        Some(coded) => coded_element(buf, INDENT, "source", &[], |b| {
            push_pieces_v12(b, &coded.source, coded, false)
        }),
        None => element(buf, INDENT, "source", &[], &unit.en, false),
    }
    // The target, coded like the source when it is Markdown.
    let target = |buf: &mut String, indent: &str, attrs: &[(&str, &str)], vi: &str| match coded
        .as_ref()
        .and_then(|c| Some((c, c.target.as_ref()?)))
    {
        Some((coded, pieces)) => coded_element(buf, indent, "target", attrs, |b| {
            push_pieces_v12(b, pieces, coded, true)
        }),
        None => element(buf, indent, "target", attrs, vi, false),
    };
    if let (Some(vi), Some(state)) = (&unit.vi, unit.state_v12()) {
        let mut attrs = vec![("state", state)];
        match unit.score {
            Some(100) => attrs.push(("state-qualifier", "exact-match")),
            Some(_) => attrs.push(("state-qualifier", "fuzzy-match")),
            None if unit.is_stale_v12() && !unit.is_copied_source() => {
                attrs.push(("state-qualifier", LEVERAGED_INHERITED))
            }
            None => {}
        }
        target(buf, INDENT, &attrs, vi);
        if let Some(score) = unit.score {
            buf.push_str(INDENT);
            buf.push_str("<alt-trans");
            attr(buf, "origin", ALT_TRANS_ORIGIN);
            attr(buf, "match-quality", &score.to_string());
            buf.push_str(">\n");
            if let Some(old_en) = &unit.old_en {
                element(buf, "          ", "source", &[], old_en, false);
            }
            target(buf, "          ", &[], vi);
            buf.push_str(INDENT);
            buf.push_str("</alt-trans>\n");
        }
    }
    if let Some(old_en) = &unit.old_en {
        let attrs = [("from", OLD_SOURCE), ("annotates", "source")];
        element(buf, INDENT, "note", &attrs, old_en, false);
    }
    if let Some(context) = &unit.context {
        element(buf, INDENT, "note", &[("from", CONTEXT)], context, false);
    }
    for note in &unit.notes {
        element(buf, INDENT, "note", &[], note, false);
    }
    buf.push_str("      </trans-unit>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str, cp: bool) -> String {
        let mut buf = String::new();
        push_text(&mut buf, s, cp);
        buf
    }

    #[test]
    fn text_escapes_markup_and_cr_and_uses_cp_only_for_forbidden_characters() {
        assert_eq!(
            text("a & <b> ]]> \"q\" 'a'\r\n\tệ", false),
            "a &amp; &lt;b&gt; ]]&gt; \"q\" 'a'&#13;\n\tệ"
        );
        assert_eq!(
            text("x\u{1}y\u{FFFF}", true),
            "x<cp hex=\"0001\"/>y<cp hex=\"FFFF\"/>"
        );
        assert_eq!(text("\u{1F600}\u{FFFD}", true), "\u{1F600}\u{FFFD}");
    }

    #[test]
    fn attributes_escape_quotes_and_whitespace_controls() {
        let mut buf = String::new();
        push_attr(&mut buf, "a\"b'c&<>\t\n\rđ");
        assert_eq!(buf, "a&quot;b'c&amp;&lt;&gt;&#9;&#10;&#13;đ");
    }

    #[test]
    fn nmtokens() {
        assert!(is_nmtoken("u3f2a9c01b7"));
        assert!(is_nmtoken("1-a.b_c:d"));
        assert!(is_nmtoken("Việt"));
        assert!(!is_nmtoken(""));
        assert!(!is_nmtoken("a b"));
        assert!(!is_nmtoken("a/b"));
        assert!(!is_nmtoken("a#1"));
    }

    #[test]
    fn preserve_only_where_whitespace_matters() {
        assert!(!needs_preserve("One sentence, with **bold**."));
        assert!(needs_preserve(" leading"));
        assert!(needs_preserve("trailing "));
        assert!(needs_preserve("two  spaces"));
        assert!(needs_preserve("a\tb"));
        assert!(needs_preserve("a\nb"));
    }

    fn doc(units: Vec<XliffUnit>) -> XliffDoc {
        XliffDoc {
            doc: "bai.md".into(),
            source_lang: "en".into(),
            target_lang: "vi".into(),
            units,
        }
    }

    fn reason(doc: &XliffDoc, version: Version) -> Invalid {
        match validate(doc, version) {
            Err(WriteError::Unit { reason, .. } | WriteError::Doc { reason, .. }) => reason,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    #[test]
    fn refusals_write_nothing_and_wrap_a_typed_error() {
        let mut bad = XliffUnit::new("u1", "Hello");
        bad.notes.push("bell \u{7}".into());
        let doc = doc(vec![XliffUnit::new("u0", "ok"), bad]);
        let mut out = Vec::new();
        let error = write(&doc, Version::V2_0, &mut out).unwrap_err();
        assert!(out.is_empty());
        assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
        let inner = error.get_ref().and_then(|e| e.downcast_ref::<WriteError>());
        assert_eq!(
            inner,
            Some(&WriteError::Unit {
                version: Version::V2_0,
                index: 1,
                id: "u1".into(),
                reason: Invalid::ForbiddenChar {
                    ch: CodePoint(7),
                    field: TextField::Note
                }
            })
        );
        assert_eq!(
            error.to_string(),
            "cannot write unit #2 (`u1`) as XLIFF 2.0: character U+0007 in a note cannot be written in XML 1.0"
        );
    }

    #[test]
    fn every_refusal() {
        let unit = |f: fn(&mut XliffUnit)| {
            let mut unit = XliffUnit::new("u1", "Hello");
            f(&mut unit);
            doc(vec![unit])
        };
        // Control characters in text: fine in 2.0 (`<cp/>`), refused in 1.2.
        let control = unit(|u| u.en = "a\u{1B}b".into());
        assert!(validate(&control, Version::V2_0).is_ok());
        assert_eq!(
            reason(&control, Version::V1_2),
            Invalid::ForbiddenChar {
                ch: CodePoint(0x1B),
                field: TextField::English
            }
        );
        let old = unit(|u| {
            u.vi = Some("x".into());
            u.old_en = Some("\u{FFFE}".into())
        });
        assert!(matches!(
            reason(&old, Version::V2_0),
            Invalid::ForbiddenChar { .. }
        ));
        for version in [Version::V2_0, Version::V1_2] {
            assert_eq!(
                reason(&unit(|u| u.id = "u 1".into()), version),
                Invalid::BadId("u 1".into())
            );
            assert_eq!(
                reason(&unit(|u| u.id = String::new()), version),
                Invalid::BadId(String::new())
            );
            assert_eq!(
                reason(&unit(|u| u.vi = Some(String::new())), version),
                Invalid::EmptyTarget
            );
            assert_eq!(
                reason(
                    &unit(|u| {
                        u.vi = Some("x".into());
                        u.score = Some(101)
                    }),
                    version
                ),
                Invalid::ScoreOutOfRange(101)
            );
            assert_eq!(
                reason(&unit(|u| u.score = Some(80)), version),
                Invalid::ScoreWithoutTarget
            );
            assert_eq!(
                reason(&unit(|u| u.state = State::Reviewed), version),
                Invalid::StateWithoutTarget(State::Reviewed)
            );
            let twice = doc(vec![XliffUnit::new("u1", "a"), XliffUnit::new("u1", "b")]);
            assert_eq!(reason(&twice, version), Invalid::DuplicateId(0));
            let mut lang = doc(vec![XliffUnit::new("u1", "a")]);
            lang.target_lang = "vi VN".into();
            assert!(matches!(reason(&lang, version), Invalid::BadLang { .. }));
            lang.target_lang = String::new();
            assert!(matches!(reason(&lang, version), Invalid::BadLang { .. }));
            let mut id = doc(vec![XliffUnit::new("u1", "a")]);
            id.doc = "a\u{0}".into();
            assert!(matches!(
                reason(&id, version),
                Invalid::ForbiddenChar { .. }
            ));
        }
        assert_eq!(reason(&doc(vec![]), Version::V2_0), Invalid::NoUnits);
        assert!(validate(&doc(vec![]), Version::V1_2).is_ok());
    }

    #[test]
    fn same_document_same_bytes() {
        let mut unit = XliffUnit::new("u1", "Hello");
        unit.vi = Some("Xin chào".into());
        unit.score = Some(90);
        let doc = doc(vec![unit]);
        for version in [Version::V2_0, Version::V1_2] {
            let (mut a, mut b) = (Vec::new(), Vec::new());
            write(&doc, version, &mut a).unwrap();
            write(&doc.clone(), version, &mut b).unwrap();
            assert_eq!(a, b);
        }
    }
}
