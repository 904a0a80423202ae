//! Tests of the XLIFF module: exact output, round trips, the structural rules of XLIFF
//! 2.0 core and 1.2 checked on a generic parse of the output, what tools send back,
//! errors with their positions, and property tests.

use std::path::Path;

use proptest::prelude::*;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::*;
use crate::xml::is_xml_char;

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

fn write_to_string(doc: &XliffDoc, version: Version) -> String {
    let mut out = Vec::new();
    write(doc, version, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn read_str(text: &str) -> Result<XliffDoc, XliffError> {
    read(Path::new("in.xlf"), text.as_bytes())
}

fn read_kind(text: &str) -> (usize, usize, ErrorKind) {
    match read_str(text) {
        Err(error) => (error.line, error.column, error.kind),
        Ok(doc) => panic!("expected an error, read {doc:?}"),
    }
}

/// A document with every feature: untranslated, suggested with a score, translated with
/// notes, reviewed, stale with old English, whitespace that matters, XML specials and
/// Vietnamese.
fn sample() -> XliffDoc {
    XliffDoc {
        doc: "news/2024/hội-thảo.md".into(),
        source_lang: "en".into(),
        target_lang: "vi".into(),
        units: vec![
            XliffUnit::new("u3f2a9c01b7", "# The workshop"),
            XliffUnit {
                vi: Some("Hội thảo kết thúc lúc 11:12 & ăn trưa.".into()),
                score: Some(86),
                ..XliffUnit::new(
                    "u0000000001",
                    "The workshop ended at 11:12 & lunch followed.",
                )
            },
            XliffUnit {
                vi: Some("Dùng `a < b` và \"trích dẫn\".".into()),
                state: State::Translated,
                notes: vec!["Keep the code span.".into(), "Người dịch: <An>".into()],
                ..XliffUnit::new("u0000000002", "Use `a < b` and \"quotes\" > 'apostrophes'.")
            },
            XliffUnit {
                vi: Some("Xin cảm ơn.".into()),
                state: State::Reviewed,
                score: Some(100),
                ..XliffUnit::new("u0000000003", "Thank you.")
            },
            XliffUnit {
                vi: Some("Hội thảo bắt đầu lúc 8 giờ.".into()),
                state: State::Initial,
                score: Some(71),
                old_en: Some("The workshop began at 8.".into()),
                ..XliffUnit::new("u0000000004", "The workshop began at 8 a.m. sharp.")
            },
            XliffUnit {
                vi: Some("Hội thảo có 40 gian hàng.".into()),
                old_en: Some("The workshop has 40 stands.".into()),
                name: Some("6 \"stale\"".into()),
                ..XliffUnit::new("u0000000006", "The workshop has 45 stands.")
            },
            XliffUnit {
                vi: Some("  Cột 1\tCột 2\r\n".into()),
                state: State::Translated,
                notes: vec!["tab\tand\nnewline".into()],
                ..XliffUnit::new("u0000000005", "  Column 1\tColumn 2\r\n")
            },
        ],
    }
}

// --- Exact output -----------------------------------------------------------------------

fn small() -> XliffDoc {
    XliffDoc {
        doc: "bai.md".into(),
        source_lang: "en".into(),
        target_lang: "vi".into(),
        units: vec![
            XliffUnit {
                name: Some("0".into()),
                ..XliffUnit::new("u1", "A & B")
            },
            XliffUnit {
                vi: Some("Xin chào".into()),
                state: State::Reviewed,
                score: Some(92),
                old_en: Some("Hi".into()),
                notes: vec!["n".into()],
                ..XliffUnit::new("u2", " Hello ")
            },
        ],
    }
}

#[test]
fn exact_output_v2() {
    let expected = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="vi">
  <file id="f1" original="bai.md" canResegment="no">
    <unit id="u1" name="0">
      <segment state="initial">
        <source>A &amp; B</source>
      </segment>
    </unit>
    <unit id="u2" xml:space="preserve">
      <notes>
        <note category="old-source" appliesTo="source">Hi</note>
        <note category="match-score" appliesTo="target">92</note>
        <note>n</note>
      </notes>
      <segment state="reviewed">
        <source> Hello </source>
        <target>Xin chào</target>
      </segment>
    </unit>
  </file>
</xliff>
"#;
    assert_eq!(write_to_string(&small(), Version::V2_0), expected);
}

#[test]
fn exact_output_v12() {
    let expected = r#"<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="bai.md" source-language="en" target-language="vi" datatype="plaintext">
    <body>
      <trans-unit id="u1" resname="0">
        <source>A &amp; B</source>
      </trans-unit>
      <trans-unit id="u2" xml:space="preserve" approved="yes">
        <source> Hello </source>
        <target state="signed-off" state-qualifier="fuzzy-match">Xin chào</target>
        <alt-trans origin="songngu" match-quality="92">
          <source>Hi</source>
          <target>Xin chào</target>
        </alt-trans>
        <note from="old-source" annotates="source">Hi</note>
        <note>n</note>
      </trans-unit>
    </body>
  </file>
</xliff>
"#;
    assert_eq!(write_to_string(&small(), Version::V1_2), expected);
}

#[test]
fn control_characters_are_cp_in_2_0_and_come_back() {
    let mut doc = small();
    doc.units[0].en = "bell\u{7} and \u{FFFF}".into();
    doc.units[1].vi = Some("esc\u{1B}".into());
    let text = write_to_string(&doc, Version::V2_0);
    assert!(text.contains("<source>bell<cp hex=\"0007\"/> and <cp hex=\"FFFF\"/></source>"));
    assert!(text.contains("<target>esc<cp hex=\"001B\"/></target>"));
    assert_eq!(read_str(&text).unwrap(), doc);
    assert!(validate(&doc, Version::V1_2).is_err());
}

#[test]
fn sample_round_trips_in_both_versions() {
    let doc = sample();
    for version in [Version::V2_0, Version::V1_2] {
        let text = write_to_string(&doc, version);
        assert_eq!(read_str(&text).unwrap(), doc, "{version}");
        // And the same bytes again.
        assert_eq!(write_to_string(&read_str(&text).unwrap(), version), text);
    }
}

/// A stale unit (old Vietnamese kept for revision) is `initial` in 2.0 and, in 1.2,
/// `needs-review-translation` qualified `leveraged-inherited`; both read back as
/// `Initial`, while a tool's own `needs-review-translation` is a translation awaiting
/// review (`NeedsReview`).
#[test]
fn stale_units_are_not_translated_yet_in_both_versions() {
    let stale = XliffUnit {
        vi: Some("Có 40 gian hàng.".into()),
        old_en: Some("It has 40 stands.".into()),
        ..XliffUnit::new("u1", "It has 45 stands.")
    };
    let doc = XliffDoc {
        units: vec![stale.clone()],
        ..small()
    };
    let v12 = write_to_string(&doc, Version::V1_2);
    assert!(
        v12.contains(
            "<target state=\"needs-review-translation\" state-qualifier=\"leveraged-inherited\">Có 40 gian hàng.</target>"
        ),
        "{v12}"
    );
    assert_eq!(stale.state_v12(), Some("needs-review-translation"));
    let v2 = write_to_string(&doc, Version::V2_0);
    assert!(v2.contains("<segment state=\"initial\">"), "{v2}");
    for text in [v12.as_str(), v2.as_str()] {
        assert_eq!(read_str(text).unwrap().units[0].state, State::Initial);
    }
    // The tool's own review state, without our qualifier, is a translation to review.
    let theirs = v12.replace(" state-qualifier=\"leveraged-inherited\"", "");
    assert_eq!(
        read_str(&theirs).unwrap().units[0].state,
        State::NeedsReview
    );
    // With a score the unit is a fuzzy suggestion, not stale.
    let mut fuzzy = stale.clone();
    fuzzy.score = Some(80);
    assert_eq!(fuzzy.state_v12(), Some("needs-translation"));
    assert_eq!(XliffUnit::new("u2", "x").state_v12(), None);
}

#[test]
fn empty_document_in_1_2() {
    let mut doc = small();
    doc.units.clear();
    let text = write_to_string(&doc, Version::V1_2);
    assert_eq!(read_str(&text).unwrap(), doc);
}

// --- A generic parse of the output, for the structural rules -----------------------------

#[derive(Debug, Clone)]
struct El {
    ns: Option<String>,
    name: String,
    /// (namespace, local name, value); namespace declarations are left out.
    attrs: Vec<(Option<String>, String, String)>,
    children: Vec<Node>,
}

#[derive(Debug, Clone)]
enum Node {
    El(El),
    Text(String),
}

impl El {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(ns, local, _)| ns.is_none() && local == name)
            .map(|(_, _, value)| value.as_str())
    }

    fn xml_attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(ns, local, _)| ns.as_deref() == Some(XML_NS) && local == name)
            .map(|(_, _, value)| value.as_str())
    }

    fn elements(&self) -> impl Iterator<Item = &El> {
        self.children.iter().filter_map(|node| match node {
            Node::El(el) => Some(el),
            Node::Text(_) => None,
        })
    }

    fn names(&self) -> Vec<&str> {
        self.elements().map(|el| el.name.as_str()).collect()
    }

    fn has_text(&self) -> bool {
        self.children
            .iter()
            .any(|node| matches!(node, Node::Text(text) if !text.trim().is_empty()))
    }

    /// Attribute names not in `allowed` (unprefixed names, and `xml:` ones as `xml:x`).
    fn unknown_attrs(&self, allowed: &[&str]) -> Vec<String> {
        self.attrs
            .iter()
            .map(|(ns, local, _)| match ns.as_deref() {
                None => local.clone(),
                Some(XML_NS) => format!("xml:{local}"),
                Some(ns) => format!("{{{ns}}}{local}"),
            })
            .filter(|name| !allowed.contains(&name.as_str()))
            .collect()
    }

    fn walk<'a>(&'a self, parent: Option<&'a El>, f: &mut impl FnMut(&'a El, Option<&'a El>)) {
        f(self, parent);
        for child in self.elements() {
            child.walk(Some(self), f);
        }
    }
}

fn ns_string(result: ResolveResult<'_>) -> Option<String> {
    match result {
        ResolveResult::Bound(ns) => Some(ns.as_ref().to_owned()),
        _ => None,
    }
}

/// Parses XML into elements with quick-xml's own unescaping (not the reader under test).
fn parse_dom(text: &str) -> El {
    let mut reader = NsReader::from_str(text);
    let mut stack: Vec<El> = Vec::new();
    let mut root = None;
    let open = |reader: &NsReader<&[u8]>, start: &quick_xml::events::BytesStart<'_>| {
        let (ns, local) = reader.resolver().resolve_element(start.name());
        let mut attrs = Vec::new();
        for attr in start.attributes() {
            let attr = attr.unwrap();
            let key = attr.key.as_ref();
            if key == "xmlns" || key.starts_with("xmlns:") {
                continue;
            }
            let (ns, local) = reader.resolver().resolve_attribute(attr.key);
            let value = attr
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .unwrap()
                .into_owned();
            attrs.push((ns_string(ns), local.as_ref().to_owned(), value));
        }
        El {
            ns: ns_string(ns),
            name: local.as_ref().to_owned(),
            attrs,
            children: Vec::new(),
        }
    };
    let close = |stack: &mut Vec<El>, root: &mut Option<El>| {
        let el = stack.pop().unwrap();
        match stack.last_mut() {
            Some(parent) => parent.children.push(Node::El(el)),
            None => *root = Some(el),
        }
    };
    let push_text = |stack: &mut Vec<El>, text: String| {
        if let Some(parent) = stack.last_mut() {
            if let Some(Node::Text(last)) = parent.children.last_mut() {
                last.push_str(&text);
            } else {
                parent.children.push(Node::Text(text));
            }
        }
    };
    loop {
        match reader.read_event().unwrap() {
            Event::Start(start) => {
                let el = open(&reader, &start);
                stack.push(el);
            }
            Event::Empty(start) => {
                let el = open(&reader, &start);
                stack.push(el);
                close(&mut stack, &mut root);
            }
            Event::End(_) => close(&mut stack, &mut root),
            Event::Text(text) => push_text(&mut stack, text.xml10_content().into_owned()),
            Event::GeneralRef(reference) => {
                let c = match reference.resolve_char_ref().unwrap() {
                    Some(c) => c,
                    None => match &*reference {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("entity {other}"),
                    },
                };
                push_text(&mut stack, c.to_string());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    root.unwrap()
}

fn is_nmtoken(s: &str) -> bool {
    super::writer::is_nmtoken(s)
}

/// Checks every rule of the XLIFF 2.0 core that applies to what we write; returns the
/// rules broken, as `rule: detail`.
fn check_v2(root: &El) -> Vec<String> {
    let mut broken = Vec::new();
    let mut bad = |rule: &str, detail: String| broken.push(format!("{rule}: {detail}"));
    root.walk(None, &mut |el, parent| {
        if el.ns.as_deref() != Some(NS_2_0) {
            bad("namespace", format!("<{}> in {:?}", el.name, el.ns));
        }
        if let Some(space) = el.xml_attr("space")
            && space != "default"
            && space != "preserve"
        {
            bad("xml:space", space.to_owned());
        }
        if el.name == "note" && parent.is_none_or(|p| p.name != "notes") {
            bad("notes", "a <note> outside <notes>".into());
        }
    });
    if root.name != "xliff" {
        bad("root", root.name.clone());
    }
    if root.attr("version") != Some("2.0") {
        bad("version", format!("{:?}", root.attr("version")));
    }
    let src_lang = root.attr("srcLang");
    let trg_lang = root.attr("trgLang");
    if src_lang.is_none_or(str::is_empty) {
        bad("srcLang", "missing or empty".into());
    }
    for name in root.unknown_attrs(&["version", "srcLang", "trgLang", "xml:space"]) {
        bad("attributes", format!("<xliff {name}>"));
    }
    let files: Vec<&El> = root.elements().collect();
    if files.is_empty() || files.iter().any(|el| el.name != "file") || root.has_text() {
        bad("nesting", format!("<xliff> holds {:?}", root.names()));
    }
    let mut file_ids = Vec::new();
    for file in files.iter().filter(|el| el.name == "file") {
        match file.attr("id") {
            Some(id) if is_nmtoken(id) => {
                if file_ids.contains(&id) {
                    bad("file-id", format!("duplicate `{id}`"));
                }
                file_ids.push(id);
            }
            other => bad("file-id", format!("{other:?}")),
        }
        let allowed = [
            "id",
            "canResegment",
            "original",
            "translate",
            "srcDir",
            "trgDir",
            "xml:space",
        ];
        for name in file.unknown_attrs(&allowed) {
            bad("attributes", format!("<file {name}>"));
        }
        if let Some(value) = file.attr("canResegment")
            && value != "yes"
            && value != "no"
        {
            bad("canResegment", value.to_owned());
        }
        // skeleton? notes? (unit | group)+
        let names = file.names();
        let units_at = names
            .iter()
            .position(|&n| n == "unit" || n == "group")
            .unwrap_or(names.len());
        let head_ok = matches!(
            names[..units_at],
            [] | ["skeleton"] | ["notes"] | ["skeleton", "notes"]
        );
        let tail_ok = units_at < names.len()
            && names[units_at..]
                .iter()
                .all(|&n| n == "unit" || n == "group");
        if !head_ok || !tail_ok || file.has_text() {
            bad("nesting", format!("<file> holds {names:?}"));
        }
        let mut unit_ids = Vec::new();
        for unit in file.elements().filter(|el| el.name == "unit") {
            match unit.attr("id") {
                Some(id) if is_nmtoken(id) => {
                    if unit_ids.contains(&id) {
                        bad("unit-id", format!("duplicate `{id}`"));
                    }
                    unit_ids.push(id);
                }
                other => bad("unit-id", format!("{other:?}")),
            }
            check_unit_v2(unit, src_lang, trg_lang, &mut bad);
        }
    }
    broken
}

fn check_unit_v2(
    unit: &El,
    src_lang: Option<&str>,
    trg_lang: Option<&str>,
    bad: &mut impl FnMut(&str, String),
) {
    let allowed = [
        "id",
        "name",
        "canResegment",
        "translate",
        "srcDir",
        "trgDir",
        "xml:space",
    ];
    for name in unit.unknown_attrs(&allowed) {
        bad("attributes", format!("<unit {name}>"));
    }
    // notes? originalData? (segment | ignorable)+
    let names = unit.names();
    let segments_at = names
        .iter()
        .position(|&n| n == "segment" || n == "ignorable")
        .unwrap_or(names.len());
    let head_ok = matches!(
        names[..segments_at],
        [] | ["notes"] | ["originalData"] | ["notes", "originalData"]
    );
    let tail_ok = segments_at < names.len()
        && names[segments_at..]
            .iter()
            .all(|&n| n == "segment" || n == "ignorable");
    if !head_ok || !tail_ok || unit.has_text() {
        bad("nesting", format!("<unit> holds {names:?}"));
    }
    for notes in unit.elements().filter(|el| el.name == "notes") {
        if notes.names().is_empty() || notes.elements().any(|el| el.name != "note") {
            bad("notes", format!("<notes> holds {:?}", notes.names()));
        }
        for note in notes.elements() {
            if note.elements().next().is_some() {
                bad("notes", "markup in a <note>".into());
            }
            for name in note.unknown_attrs(&["id", "appliesTo", "priority", "category"]) {
                bad("attributes", format!("<note {name}>"));
            }
            if let Some(applies) = note.attr("appliesTo")
                && applies != "source"
                && applies != "target"
            {
                bad("appliesTo", applies.to_owned());
            }
            if let Some(priority) = note.attr("priority")
                && !matches!(priority.parse::<u8>(), Ok(1..=10))
            {
                bad("priority", priority.to_owned());
            }
        }
    }
    let mut data_ids: Vec<&str> = Vec::new();
    for original in unit.elements().filter(|el| el.name == "originalData") {
        for data in original.elements() {
            match data.attr("id") {
                Some(id) if data.name == "data" && !data_ids.contains(&id) => data_ids.push(id),
                _ => bad("originalData", format!("<{}> in <originalData>", data.name)),
            }
            if data.elements().any(|el| el.name != "cp") {
                bad("originalData", "markup in <data>".into());
            }
        }
    }
    for segment in unit.elements().filter(|el| el.name == "segment") {
        for name in segment.unknown_attrs(&["id", "canResegment", "state", "subState"]) {
            bad("attributes", format!("<segment {name}>"));
        }
        let state = segment.attr("state").unwrap_or("initial");
        if !["initial", "translated", "reviewed", "final"].contains(&state) {
            bad("state", state.to_owned());
        }
        let names = segment.names();
        if !matches!(names[..], ["source"] | ["source", "target"]) || segment.has_text() {
            bad("nesting", format!("<segment> holds {names:?}"));
        }
        let has_target = names.contains(&"target");
        if has_target && trg_lang.is_none_or(str::is_empty) {
            bad("target-trgLang", "a <target> without `trgLang`".into());
        }
        if state != "initial" && !has_target {
            bad(
                "state-target",
                format!("state `{state}` without a <target>"),
            );
        }
        for content in segment.elements() {
            let allowed: &[&str] = match content.name.as_str() {
                "source" => &["xml:lang", "xml:space"],
                _ => &["xml:lang", "xml:space", "order"],
            };
            for name in content.unknown_attrs(allowed) {
                bad("attributes", format!("<{} {name}>", content.name));
            }
            let lang = if content.name == "source" {
                src_lang
            } else {
                trg_lang
            };
            if let Some(xml_lang) = content.xml_attr("lang")
                && Some(xml_lang) != lang
            {
                bad("xml:lang", xml_lang.to_owned());
            }
            check_inline_v2(content, &content.name, &data_ids, bad);
        }
        // Inline codes: unique ids in the source; a target's ids are the source's.
        let ids = |name: &str| {
            let mut ids = Vec::new();
            for content in segment.elements().filter(|el| el.name == name) {
                content.walk(None, &mut |el, _| {
                    if let Some(id) = el.attr("id").filter(|_| el.name != name) {
                        ids.push(id.to_owned());
                    }
                });
            }
            ids
        };
        let source_ids = ids("source");
        let mut unique = source_ids.clone();
        unique.sort();
        unique.dedup();
        if unique.len() != source_ids.len() {
            bad("inline", format!("inline ids repeat: {source_ids:?}"));
        }
        for id in ids("target") {
            if !source_ids.contains(&id) {
                bad("inline", format!("target code `{id}` not in the source"));
            }
        }
    }
}

/// The inline content of a 2.0 `<source>`/`<target>` (`in_name`): `<cp>` for characters
/// XML cannot carry, and our codes, `<pc>` and `<ph/>`, with data in `<originalData>`.
fn check_inline_v2(
    content: &El,
    in_name: &str,
    data_ids: &[&str],
    bad: &mut impl FnMut(&str, String),
) {
    for inline in content.elements() {
        let ok = match inline.name.as_str() {
            "cp" => inline.attr("hex").is_some_and(|hex| {
                u32::from_str_radix(hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .is_some_and(|c| !is_xml_char(c))
            }),
            "pc" | "ph" => {
                let refs: &[&str] = if inline.name == "pc" {
                    &["dataRefStart", "dataRefEnd"]
                } else {
                    &["dataRef"]
                };
                let mut allowed = vec!["id", "type", "canCopy", "canDelete"];
                allowed.extend(refs);
                let yes_no = ["canCopy", "canDelete"]
                    .iter()
                    .all(|a| matches!(inline.attr(a), None | Some("yes" | "no")));
                let types = ["fmt", "ui", "quote", "link", "image", "other"];
                inline.unknown_attrs(&allowed).is_empty()
                    && inline.attr("id").is_some_and(is_nmtoken)
                    && yes_no
                    && inline.attr("type").is_none_or(|t| types.contains(&t))
                    && refs
                        .iter()
                        .all(|r| inline.attr(r).is_some_and(|id| data_ids.contains(&id)))
                    && (inline.name == "pc" || inline.children.is_empty())
            }
            _ => false,
        };
        if !ok {
            bad("content", format!("<{}> in <{in_name}>", inline.name));
        }
        if inline.name == "pc" {
            check_inline_v2(inline, in_name, data_ids, bad);
        }
    }
}

/// The inline content of a 1.2 `<source>`/`<target>`: our codes only, `<bpt>`/`<ept>`
/// pairs and `<ph>`, each with an `id`, holding text (the native code); every `<ept>`
/// closes a `<bpt>` before it with its id.
fn check_inline_v12(content: &El, bad: &mut impl FnMut(&str, String)) {
    let mut open: Vec<&str> = Vec::new();
    for inline in content.elements() {
        let id = inline.attr("id");
        let ok = matches!(inline.name.as_str(), "bpt" | "ept" | "ph")
            && id.is_some()
            && inline.elements().next().is_none()
            && inline.unknown_attrs(&["id", "ctype"]).is_empty();
        if !ok {
            bad(
                "content",
                format!("<{}> in <{}>", inline.name, content.name),
            );
            continue;
        }
        let id = id.unwrap_or_default();
        match inline.name.as_str() {
            "bpt" => open.push(id),
            "ept" => match open.iter().position(|&o| o == id) {
                Some(k) => {
                    open.remove(k);
                }
                None => bad("content", format!("<ept id={id}> without its <bpt>")),
            },
            _ => {}
        }
    }
    if !open.is_empty() {
        bad("content", format!("<bpt> without <ept>: {open:?}"));
    }
}

const STATES_1_2: [&str; 10] = [
    "final",
    "needs-adaptation",
    "needs-l10n",
    "needs-review-adaptation",
    "needs-review-l10n",
    "needs-review-translation",
    "needs-translation",
    "new",
    "signed-off",
    "translated",
];

const STATE_QUALIFIERS_1_2: [&str; 14] = [
    "exact-match",
    "fuzzy-match",
    "id-match",
    "leveraged-glossary",
    "leveraged-inherited",
    "leveraged-mt",
    "leveraged-repository",
    "leveraged-tm",
    "mt-suggestion",
    "rejected-grammar",
    "rejected-inaccurate",
    "rejected-length",
    "rejected-spelling",
    "tm-suggestion",
];

/// Checks the rules of XLIFF 1.2 that apply to what we write.
fn check_v12(root: &El) -> Vec<String> {
    let mut broken = Vec::new();
    let mut bad = |rule: &str, detail: String| broken.push(format!("{rule}: {detail}"));
    root.walk(None, &mut |el, _| {
        if el.ns.as_deref() != Some(NS_1_2) {
            bad("namespace", format!("<{}> in {:?}", el.name, el.ns));
        }
        if let Some(space) = el.xml_attr("space")
            && space != "default"
            && space != "preserve"
        {
            bad("xml:space", space.to_owned());
        }
    });
    if root.name != "xliff" {
        bad("root", root.name.clone());
    }
    if root.attr("version") != Some("1.2") {
        bad("version", format!("{:?}", root.attr("version")));
    }
    if root.names().is_empty() || root.elements().any(|el| el.name != "file") || root.has_text() {
        bad("nesting", format!("<xliff> holds {:?}", root.names()));
    }
    for file in root.elements().filter(|el| el.name == "file") {
        for required in ["original", "source-language", "datatype"] {
            if file.attr(required).is_none() {
                bad("file-attributes", format!("no `{required}`"));
            }
        }
        if file.attr("target-language").is_none_or(str::is_empty) {
            bad("target-language", "missing".into());
        }
        if let Some(datatype) = file.attr("datatype")
            && datatype != "plaintext"
            && !datatype.starts_with("x-")
        {
            bad("datatype", datatype.to_owned());
        }
        let names = file.names();
        if !matches!(names[..], ["body"] | ["header", "body"]) || file.has_text() {
            bad("nesting", format!("<file> holds {names:?}"));
        }
        let mut ids = Vec::new();
        for body in file.elements().filter(|el| el.name == "body") {
            if body.elements().any(|el| el.name != "trans-unit") || body.has_text() {
                bad("nesting", format!("<body> holds {:?}", body.names()));
            }
            for unit in body.elements().filter(|el| el.name == "trans-unit") {
                match unit.attr("id") {
                    Some(id) if is_nmtoken(id) => {
                        if ids.contains(&id) {
                            bad("trans-unit-id", format!("duplicate `{id}`"));
                        }
                        ids.push(id);
                    }
                    other => bad("trans-unit-id", format!("{other:?}")),
                }
                check_unit_v12(unit, &mut bad);
            }
        }
    }
    broken
}

fn check_unit_v12(unit: &El, bad: &mut impl FnMut(&str, String)) {
    if let Some(approved) = unit.attr("approved")
        && approved != "yes"
        && approved != "no"
    {
        bad("approved", approved.to_owned());
    }
    // source, seg-source?, target?, (note | alt-trans | context-group | ...)*
    let names = unit.names();
    let mut rest = &names[..];
    let mut ok = rest.first() == Some(&"source");
    rest = rest.get(1..).unwrap_or_default();
    if rest.first() == Some(&"seg-source") {
        rest = &rest[1..];
    }
    if rest.first() == Some(&"target") {
        rest = &rest[1..];
    }
    ok &= rest.iter().all(|n| {
        [
            "note",
            "alt-trans",
            "context-group",
            "count-group",
            "prop-group",
        ]
        .contains(n)
    });
    if !ok || unit.has_text() {
        bad("nesting", format!("<trans-unit> holds {names:?}"));
    }
    for target in unit.elements().filter(|el| el.name == "target") {
        if let Some(state) = target.attr("state")
            && !STATES_1_2.contains(&state)
            && !state.starts_with("x-")
        {
            bad("state", state.to_owned());
        }
        if let Some(qualifier) = target.attr("state-qualifier")
            && !STATE_QUALIFIERS_1_2.contains(&qualifier)
        {
            bad("state-qualifier", qualifier.to_owned());
        }
    }
    for alt in unit.elements().filter(|el| el.name == "alt-trans") {
        let names = alt.names();
        if !matches!(names[..], ["target"] | ["source", "target"]) {
            bad("alt-trans", format!("<alt-trans> holds {names:?}"));
        }
        if alt.attr("match-quality").is_none() {
            bad("alt-trans", "no `match-quality`".into());
        }
    }
    for el in unit.elements() {
        match el.name.as_str() {
            "note" if el.elements().next().is_some() => {
                bad("content", format!("markup in <{}>", el.name));
            }
            "source" | "target" => check_inline_v12(el, bad),
            _ => {}
        }
    }
    for note in unit.elements().filter(|el| el.name == "note") {
        if let Some(annotates) = note.attr("annotates")
            && !["source", "target", "general"].contains(&annotates)
        {
            bad("note", format!("annotates `{annotates}`"));
        }
        if let Some(priority) = note.attr("priority")
            && !matches!(priority.parse::<u8>(), Ok(1..=10))
        {
            bad("note", format!("priority `{priority}`"));
        }
    }
}

#[test]
fn v2_output_keeps_every_core_rule() {
    let mut doc = sample();
    doc.units[0].en.push('\u{2}');
    let text = write_to_string(&doc, Version::V2_0);
    assert_eq!(check_v2(&parse_dom(&text)), Vec::<String>::new());
}

#[test]
fn v12_output_keeps_every_rule() {
    let text = write_to_string(&sample(), Version::V1_2);
    assert_eq!(check_v12(&parse_dom(&text)), Vec::<String>::new());
}

/// The checkers catch each rule when it is broken (so their silence above means
/// something): one edit of the output per rule.
#[test]
fn the_rule_checkers_catch_each_broken_rule() {
    let v2 = write_to_string(&sample(), Version::V2_0);
    let cases_v2: &[(&str, &str, &str)] = &[
        (NS_2_0, "urn:x", "namespace"),
        ("version=\"2.0\"", "version=\"2.1\"", "version"),
        (" srcLang=\"en\"", "", "srcLang"),
        (" trgLang=\"vi\"", "", "target-trgLang"),
        ("id=\"u0000000002\"", "id=\"u0000000001\"", "unit-id"),
        ("id=\"u0000000002\"", "id=\"u/2\"", "unit-id"),
        ("state=\"translated\"", "state=\"done\"", "state"),
        (
            "<segment state=\"initial\">\n        <source># The workshop</source>",
            "<segment state=\"reviewed\">\n        <source># The workshop</source>",
            "state-target",
        ),
        ("</notes>", "</notes><note>x</note>", "notes"),
        ("<notes>", "<notes><x/>", "notes"),
        ("appliesTo=\"target\"", "appliesTo=\"both\"", "appliesTo"),
        (
            "canResegment=\"no\"",
            "canResegment=\"never\"",
            "canResegment",
        ),
        ("xml:space=\"preserve\"", "xml:space=\"keep\"", "xml:space"),
        ("<source># The", "<source><b/># The", "content"),
        ("<file id=\"f1\"", "<file", "file-id"),
        (
            "</segment>\n    </unit>\n    <unit id=\"u0000000001\">",
            "</segment>\n      <notes><note>late</note></notes>\n    </unit>\n    <unit id=\"u0000000001\">",
            "nesting",
        ),
        (
            "<segment state=\"initial\">\n        <source># The workshop</source>",
            "<segment state=\"initial\">\n        <target>x</target><source># The workshop</source>",
            "nesting",
        ),
    ];
    for (from, to, rule) in cases_v2 {
        assert!(v2.contains(from), "{from}");
        let broken = check_v2(&parse_dom(&v2.replacen(from, to, 1)));
        assert!(
            broken.iter().any(|b| b.starts_with(&format!("{rule}:"))),
            "{rule}: {broken:?}"
        );
    }
    // Two files with the same id.
    let twice = v2.replacen(
        "  </file>\n",
        "  </file>\n  <file id=\"f1\"><unit id=\"a\"><segment><source/></segment></unit></file>\n",
        1,
    );
    assert!(
        check_v2(&parse_dom(&twice))
            .iter()
            .any(|b| b.starts_with("file-id:"))
    );

    let v12 = write_to_string(&sample(), Version::V1_2);
    let cases_v12: &[(&str, &str, &str)] = &[
        (NS_1_2, "urn:x", "namespace"),
        ("version=\"1.2\"", "version=\"1.1\"", "version"),
        (" original=\"news/2024/hội-thảo.md\"", "", "file-attributes"),
        (" source-language=\"en\"", "", "file-attributes"),
        (" datatype=\"plaintext\"", "", "file-attributes"),
        (" target-language=\"vi\"", "", "target-language"),
        (
            "datatype=\"plaintext\"",
            "datatype=\"markdown\"",
            "datatype",
        ),
        ("<body>", "<body><group/>", "nesting"),
        ("id=\"u0000000002\"", "id=\"u0000000001\"", "trans-unit-id"),
        ("state=\"translated\"", "state=\"done\"", "state"),
        (
            "state-qualifier=\"fuzzy-match\"",
            "state-qualifier=\"close\"",
            "state-qualifier",
        ),
        ("approved=\"yes\"", "approved=\"true\"", "approved"),
        (" match-quality=\"71\"", "", "alt-trans"),
        ("annotates=\"source\"", "annotates=\"all\"", "note"),
        ("xml:space=\"preserve\"", "xml:space=\"keep\"", "xml:space"),
        ("<source># The", "<source><g id=\"1\"/># The", "content"),
        ("<body>", "<header/><body>", "none"),
    ];
    for (from, to, rule) in cases_v12 {
        assert!(v12.contains(from), "{from}");
        let broken = check_v12(&parse_dom(&v12.replacen(from, to, 1)));
        if *rule == "none" {
            assert_eq!(broken, Vec::<String>::new());
        } else {
            assert!(
                broken.iter().any(|b| b.starts_with(&format!("{rule}:"))),
                "{rule}: {broken:?}"
            );
        }
    }
    let misplaced = v12.replacen(
        "<source># The workshop</source>",
        "<note>first</note><source># The workshop</source>",
        1,
    );
    assert!(
        check_v12(&parse_dom(&misplaced))
            .iter()
            .any(|b| b.starts_with("nesting:"))
    );
}

// --- What tools send back ---------------------------------------------------------------

#[test]
fn reads_1_2_as_tools_write_it() {
    // memoQ/Trados/Okapi style: BOM, extra namespaces, header, groups, inline codes,
    // seg-source, foreign extension elements, other tools' alt-trans and notes.
    let text = "\u{FEFF}<?xml version=\"1.0\" encoding=\"utf-8\"?>
<!-- exported -->
<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" xmlns:mq=\"MQXliff\" version=\"1.2\">
 <file original=\"bai.md\" source-language=\"en-US\" target-language=\"vi-VN\" datatype=\"x-markdown\">
  <header><tool tool-id=\"t\" tool-name=\"T\"/><note>file note</note>
   <trans-unit id=\"hidden\"><source>not a unit</source></trans-unit></header>
  <body>
   <group id=\"g1\">
    <trans-unit id=\"u1\" mq:status=\"Confirmed\">
     <source>Use <g id=\"1\">**bold**</g> and <x id=\"2\"/>code<bpt id=\"3\">&lt;i&gt;</bpt>it<ept id=\"3\">&lt;/i&gt;</ept>.</source>
     <seg-source><mrk mtype=\"seg\" mid=\"1\">Use **bold** and code.</mrk></seg-source>
     <target state=\"needs-review-translation\">Dùng <g id=\"1\">**đậm**</g> và <ph id=\"4\">`x`</ph><![CDATA[ & <thô>]]>.</target>
     <alt-trans origin=\"memoQ TM\" match-quality=\"99\"><target>khác</target></alt-trans>
     <alt-trans origin=\"songngu\" match-quality=\"87.4%\"><source>old</source><target>cũ</target></alt-trans>
     <note from=\"translator\" annotates=\"target\">kiểm tra</note>
     <note from=\"old-source\">Use bold.</note>
     <mq:historical-unit><trans-unit id=\"u1\"><source>ignored</source></trans-unit></mq:historical-unit>
    </trans-unit>
   </group>
   <trans-unit id=\"u2\" approved=\"yes\"><source>Done.</source><target state=\"translated\">Xong.</target></trans-unit>
   <trans-unit id=\"u3\"><source>Empty.</source><target/></trans-unit>
   <trans-unit id=\"u4\"><source>No state.</source><target>Không có trạng thái.</target></trans-unit>
   <trans-unit id=\"u5\" approved=\"yes\"><source>Approved.</source><target>Đã duyệt.</target></trans-unit>
   <bin-unit id=\"b1\" mime-type=\"image/png\"><bin-source><external-file href=\"a.png\"/></bin-source></bin-unit>
  </body>
 </file>
</xliff>";
    let doc = read_str(text).unwrap();
    assert_eq!(doc.doc, "bai.md");
    assert_eq!(
        (doc.source_lang.as_str(), doc.target_lang.as_str()),
        ("en-US", "vi-VN")
    );
    let ids: Vec<&str> = doc.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["u1", "u2", "u3", "u4", "u5"]);
    let u1 = &doc.units[0];
    assert_eq!(u1.en, "Use **bold** and code<i>it</i>.");
    assert_eq!(u1.vi.as_deref(), Some("Dùng **đậm** và `x` & <thô>."));
    assert_eq!(u1.state, State::NeedsReview);
    assert_eq!(u1.score, Some(87));
    assert_eq!(u1.old_en.as_deref(), Some("Use bold."));
    assert_eq!(u1.notes, ["kiểm tra"]);
    // translate-toolkit style: `approved="yes"` on a translated unit.
    assert_eq!(doc.units[1].state, State::Translated);
    assert_eq!(
        (doc.units[2].vi.as_deref(), doc.units[2].state),
        (None, State::Initial)
    );
    assert_eq!(doc.units[3].state, State::Translated);
    assert_eq!(doc.units[4].state, State::Reviewed);
}

#[test]
fn reads_every_1_2_state_with_and_without_approved() {
    use State::{Initial, NeedsReview, Reviewed, Translated};
    let table = [
        // state, (approved absent, "yes", "no")
        ("new", [Initial, Initial, Initial]),
        ("needs-translation", [Initial, Initial, Initial]),
        ("needs-adaptation", [Initial, Initial, Initial]),
        ("needs-l10n", [Initial, Initial, Initial]),
        (
            "needs-review-translation",
            [NeedsReview, NeedsReview, NeedsReview],
        ),
        (
            "needs-review-adaptation",
            [NeedsReview, NeedsReview, NeedsReview],
        ),
        ("needs-review-l10n", [NeedsReview, NeedsReview, NeedsReview]),
        ("translated", [Translated, Translated, Translated]),
        ("signed-off", [Reviewed, Reviewed, Translated]),
        ("final", [Reviewed, Reviewed, Translated]),
        ("x-custom", [Translated, Reviewed, Translated]),
        ("", [Translated, Reviewed, Translated]),
    ];
    for (value, expected) in table {
        for (approved, expected) in ["", " approved='yes'", " approved='no'"]
            .iter()
            .zip(expected)
        {
            let state = if value.is_empty() {
                String::new()
            } else {
                format!(" state='{value}'")
            };
            let text = format!(
                "<xliff version='1.2' xmlns='{NS_1_2}'><file original='d' source-language='en' datatype='plaintext'><body>\
                 <trans-unit id='a'{approved}><source>A</source><target{state}>B</target></trans-unit>\
                 <trans-unit id='b'{approved}><source>A</source><target{state}/></trans-unit>\
                 <trans-unit id='c'{approved}><source>A</source></trans-unit></body></file></xliff>"
            );
            let doc = read_str(&text).unwrap();
            assert_eq!(doc.units[0].state, expected, "{value}{approved}");
            assert_eq!(
                doc.units[1].state, Initial,
                "{value}{approved}, empty target"
            );
            assert_eq!(doc.units[2].state, Initial, "{value}{approved}, no target");
            assert_eq!(doc.target_lang, "");
        }
    }
}

#[test]
fn reads_1_2_without_namespace() {
    let text = "<xliff version=\"1.2\"><file original=\"d\" source-language=\"en\" target-language=\"vi\" datatype=\"plaintext\"><body>\
                <trans-unit id=\"a\"><source>A</source><target>B</target></trans-unit></body></file></xliff>";
    let doc = read_str(text).unwrap();
    assert_eq!(doc.units[0].vi.as_deref(), Some("B"));
}

#[test]
fn reads_2_0_as_tools_write_it() {
    // Resegmented unit with an ignorable, inline codes, a module, extension attributes,
    // groups, file-level notes, `final`, and the 2.1 version in the 2.0 namespace.
    let text = format!(
        "<?xml version=\"1.0\"?>
<xliff xmlns=\"{NS_2_0}\" xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\" xmlns:x=\"urn:x\" version=\"2.1\" srcLang=\"en\" trgLang=\"vi\">
 <file id=\"f1\" x:tool=\"t\">
  <notes><note>file note</note></notes>
  <group id=\"g\">
   <unit id=\"u1\">
    <mtc:matches><mtc:match ref=\"#s1\" similarity=\"80\"><source>x</source><target>y</target></mtc:match></mtc:matches>
    <notes><note category=\"match-score\">95</note><note category=\"match-score\">also</note><note category=\"other\">khác</note><note category=\"old-source\">a</note><note category=\"old-source\">b</note></notes>
    <originalData><data id=\"d1\">&lt;b&gt;</data></originalData>
    <segment id=\"s1\" state=\"final\"><source>One <pc id=\"1\" dataRefStart=\"d1\">bold</pc>.</source><target>Một <pc id=\"1\">đậm</pc>.</target></segment>
    <ignorable><source> </source></ignorable>
    <segment state=\"translated\"><source>Two<ph id=\"2\"/><cp hex=\"9\"/>x</source><target>Hai<cp hex=\"001F\"/><mrk id=\"m\" translate=\"no\">x</mrk></target></segment>
   </unit>
  </group>
  <unit id=\"u2\"><segment><source>Three.</source><target></target></segment></unit>
  <x:ext><unit id=\"u1\"/></x:ext>
 </file>
</xliff>"
    );
    let doc = read_str(&text).unwrap();
    assert_eq!(doc.doc, "f1");
    let u1 = &doc.units[0];
    assert_eq!(u1.en, "One bold. Two\tx");
    assert_eq!(u1.vi.as_deref(), Some("Một đậm. Hai\u{1F}x"));
    assert_eq!(u1.state, State::Translated);
    assert_eq!(u1.score, Some(95));
    assert_eq!(u1.old_en.as_deref(), Some("a"));
    assert_eq!(u1.notes, ["also", "khác", "b"]);
    assert_eq!(
        (doc.units[1].vi.as_deref(), doc.units[1].state),
        (None, State::Initial)
    );
}

#[test]
fn reads_utf16_with_bom() {
    let text = write_to_string(&sample(), Version::V1_2);
    for big_endian in [false, true] {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        assert_eq!(read(Path::new("x.xlf"), &bytes).unwrap(), sample());
    }
}

// --- Errors ----------------------------------------------------------------------------

const HEAD_2: &str = "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"vi\">";

#[test]
fn errors_name_the_file_line_and_column() {
    let error = read(
        Path::new("dir/bai.xlf"),
        format!("{HEAD_2}\n<file id=\"f\">\n  <unit>").as_bytes(),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "`dir/bai.xlf`:3:3: `<unit>` without `id`"
    );
}

#[test]
fn every_error_kind() {
    let malformed = |text: &str| match read_kind(text) {
        (line, column, ErrorKind::Malformed(message)) => (line, column, message),
        other => panic!("{text}: {other:?}"),
    };
    // Not well-formed.
    assert_eq!(
        malformed(&format!("{HEAD_2}\n<file id=\"f\">\n</xliff>")).0,
        3
    );
    assert_eq!(malformed(&format!("{HEAD_2}<file id=\"f\">")).0, 1);
    let (line, column, message) = malformed(&format!(
        "{HEAD_2}\n<file id=\"f\"><unit id=\"u\"><segment><source>a&nbsp;b</source></segment></unit></file></xliff>"
    ));
    assert_eq!((line, column), (2, 45));
    assert!(message.contains("nbsp"), "{message}");
    let (line, column, message) = malformed(&format!(
        "{HEAD_2}\n<file id=\"f\"><unit id=\"u\"><segment><source>ạ\u{1}</source></segment></unit></file></xliff>"
    ));
    assert_eq!((line, column), (2, 45));
    assert!(message.contains("U+0001"), "{message}");
    assert!(
        malformed(&format!("{HEAD_2}<file id=\"f\"/></xliff>trailing"))
            .2
            .contains("outside")
    );
    assert!(
        malformed(&format!("{HEAD_2}<file id=\"f\"/></xliff><xliff/>"))
            .2
            .contains("second")
    );
    assert!(malformed("<p:xliff version=\"2.0\"/>").2.contains("prefix"));
    assert_eq!(
        malformed(&format!("{HEAD_2}\n<file id=\"f\" id=\"g\"/></xliff>")),
        (2, 14, "duplicate attribute `id`".into())
    );
    assert_eq!(
        malformed(&format!("{HEAD_2}\n<file id=f/></xliff>")),
        (2, 10, "attribute values must be quoted".into())
    );
    assert!(
        malformed(" <?xml version=\"1.0\"?><xliff/>")
            .2
            .contains("declaration")
    );
    assert!(malformed("").2.contains("no root"));
    assert!(malformed("<!-- only a comment -->").2.contains("no root"));

    assert_eq!(
        read_kind("<tmx version=\"1.4\"/>"),
        (1, 1, ErrorKind::NotXliff("tmx".into()))
    );
    assert_eq!(
        read_kind("<xliff xmlns=\"urn:other\" version=\"2.0\"/>"),
        (
            1,
            1,
            ErrorKind::NotXliff("xliff` in namespace `urn:other".into())
        )
    );
    assert_eq!(
        read_kind("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.1\" version=\"1.1\"/>").2,
        ErrorKind::UnsupportedVersion(Some("1.1".into()))
    );
    assert_eq!(
        read_kind("<xliff version=\"1.0\"/>").2,
        ErrorKind::UnsupportedVersion(Some("1.0".into()))
    );
    assert_eq!(read_kind("<xliff/>").2, ErrorKind::UnsupportedVersion(None));
    assert_eq!(
        read_kind(&format!(
            "<xliff xmlns=\"{NS_2_0}\" version=\"3.0\" srcLang=\"en\"/>"
        ))
        .2,
        ErrorKind::UnsupportedVersion(Some("3.0".into()))
    );
    assert_eq!(
        read_kind(&format!("<xliff xmlns=\"{NS_2_0}\" version=\"1.2\"/>")).2,
        ErrorKind::VersionMismatch {
            version: "1.2".into(),
            namespace: NS_2_0.into()
        }
    );
    assert_eq!(
        read_kind(&format!("<xliff xmlns=\"{NS_2_0}\" version=\"2.0\"/>")).2,
        ErrorKind::MissingAttribute {
            element: "xliff",
            attribute: "srcLang"
        }
    );
    assert_eq!(
        read_kind(&format!("{HEAD_2}\n  <file/></xliff>")),
        (
            2,
            3,
            ErrorKind::MissingAttribute {
                element: "file",
                attribute: "id"
            }
        )
    );
    assert_eq!(
        read_kind(&format!(
            "<xliff version=\"1.2\" xmlns=\"{NS_1_2}\"><file source-language=\"en\"/></xliff>"
        ))
        .2,
        ErrorKind::MissingAttribute {
            element: "file",
            attribute: "original"
        }
    );
    assert_eq!(
        read_kind(&format!(
            "<xliff version=\"1.2\" xmlns=\"{NS_1_2}\"><file original=\"d\"/></xliff>"
        ))
        .2,
        ErrorKind::MissingAttribute {
            element: "file",
            attribute: "source-language"
        }
    );
    assert_eq!(
        read_kind(&format!("<xliff version=\"1.2\" xmlns=\"{NS_1_2}\"><file original=\"d\" source-language=\"en\"><body><trans-unit><source/></trans-unit></body></file></xliff>")).2,
        ErrorKind::MissingAttribute { element: "trans-unit", attribute: "id" }
    );
    assert_eq!(
        read_kind(&format!(
            "{HEAD_2}\n<file id=\"f\">\n<unit id=\"a\"><segment><source/></segment></unit>\n\
             </file><file id=\"g\">\n  <unit id=\"a\"><segment><source/></segment></unit></file></xliff>"
        )),
        (
            5,
            3,
            ErrorKind::DuplicateUnitId {
                id: "a".into(),
                first_line: 3
            }
        )
    );
    assert_eq!(
        read_kind(&format!("{HEAD_2}\n <unit id=\"a\"/></xliff>")),
        (2, 2, ErrorKind::UnitOutsideFile("unit"))
    );
    assert_eq!(
        read_kind(&format!(
            "<xliff version=\"1.2\" xmlns=\"{NS_1_2}\"><body><trans-unit id=\"a\"/></body></xliff>"
        ))
        .2,
        ErrorKind::UnitOutsideFile("trans-unit")
    );
    assert_eq!(read_kind(&format!("{HEAD_2}</xliff>")).2, ErrorKind::NoFile);
    for hex in ["", "xyz", "D800", "110000", "+41", "123456789"] {
        assert_eq!(
            read_kind(&format!("{HEAD_2}<file id=\"f\"><unit id=\"u\"><segment><source><cp hex=\"{hex}\"/></source></segment></unit></file></xliff>")).2,
            ErrorKind::BadCodePoint(hex.into()),
            "{hex}"
        );
    }
}

#[test]
fn encoding_errors_have_positions() {
    let bytes = b"<xliff>\n  ab\xFFc";
    let error = read(Path::new("x"), bytes).unwrap_err();
    assert_eq!((error.line, error.column), (2, 5));
    assert_eq!(
        error.kind,
        ErrorKind::Encoding {
            encoding: "UTF-8",
            byte: 12
        }
    );
    let bom = read(Path::new("x"), b"\xEF\xBB\xBF\xC3").unwrap_err();
    assert_eq!(
        bom.kind,
        ErrorKind::Encoding {
            encoding: "UTF-8",
            byte: 3
        }
    );
    let odd = read(Path::new("x"), b"\xFF\xFE<\x00a").unwrap_err();
    assert_eq!(
        odd.kind,
        ErrorKind::Encoding {
            encoding: "UTF-16",
            byte: 4
        }
    );
    let lone = read(Path::new("x"), b"\xFF\xFE<\x00\x00\xD8a\x00").unwrap_err();
    assert_eq!(
        lone.kind,
        ErrorKind::Encoding {
            encoding: "UTF-16",
            byte: 4
        }
    );
    assert_eq!((lone.line, lone.column), (1, 2));
}

#[test]
fn scores_as_tools_write_them() {
    use super::reader::parse_score;
    assert_eq!(parse_score("87"), Some(87));
    assert_eq!(parse_score(" 87% "), Some(87));
    assert_eq!(parse_score("87.5"), Some(88));
    assert_eq!(parse_score("100.0"), Some(100));
    assert_eq!(parse_score("0"), Some(0));
    for bad in ["", "%", "101", "-1", "1e2", "NaN", "inf", "8 7", "1..2"] {
        assert_eq!(parse_score(bad), None, "{bad}");
    }
}

// --- Properties ------------------------------------------------------------------------

/// Characters that stress XML: markup, quotes, whitespace, CR, `]]>`, references,
/// Vietnamese (precomposed and combining), astral, and anything else.
fn any_char(xml_only: bool) -> impl Strategy<Value = char> {
    let stressing = prop::sample::select(vec![
        '&',
        '<',
        '>',
        '"',
        '\'',
        ' ',
        ' ',
        '\t',
        '\n',
        '\r',
        ']',
        ';',
        '#',
        'x',
        'a',
        'Z',
        'ệ',
        'Đ',
        'ữ',
        'ơ',
        '\u{301}',
        '\u{1F600}',
        '\u{FFFD}',
        '\u{A0}',
        '\u{85}',
        '\u{2028}',
        '*',
        '`',
        '%',
    ]);
    prop_oneof![4 => stressing, 1 => any::<char>()]
        .prop_filter("a character XML can carry", move |&c| {
            !xml_only || is_xml_char(c)
        })
}

fn any_text(xml_only: bool, max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any_char(xml_only), 0..max).prop_map(String::from_iter)
}

fn any_unit(content_xml_only: bool) -> impl Strategy<Value = XliffUnit> {
    (
        "[a-zA-Z0-9._:\\-ệĐ]{0,8}",
        any_text(content_xml_only, 24),
        prop::option::of(
            any_text(content_xml_only, 24).prop_filter("non-empty", |s| !s.is_empty()),
        ),
        prop::sample::select(vec![
            State::Initial,
            State::NeedsReview,
            State::Translated,
            State::Reviewed,
        ]),
        prop::option::of(0u8..=100),
        prop::option::of(any_text(true, 16)),
        prop::collection::vec(any_text(true, 16), 0..3),
        prop::option::of(any_text(true, 8)),
        prop::option::of(any_text(true, 16)),
    )
        .prop_map(|(id, en, vi, state, score, old_en, notes, name, context)| {
            let has_vi = vi.is_some();
            XliffUnit {
                id,
                name,
                en,
                vi,
                state: if has_vi { state } else { State::Initial },
                score: score.filter(|_| has_vi),
                old_en,
                notes,
                context,
                markdown: false,
                copied_source: false,
                code_mismatch: None,
            }
        })
}

fn any_doc(version: Version) -> impl Strategy<Value = XliffDoc> {
    let min = usize::from(version == Version::V2_0);
    (
        any_text(true, 20),
        "[a-z]{2,3}(-[A-Z]{2})?",
        "[a-z]{2,3}(-[A-Z]{2})?",
        prop::collection::vec(any_unit(version == Version::V1_2), min..6),
    )
        .prop_map(|(doc, source_lang, target_lang, mut units)| {
            // Unique NMTOKEN ids.
            for (index, unit) in units.iter_mut().enumerate() {
                unit.id = format!("{}{index}", unit.id);
            }
            XliffDoc {
                doc,
                source_lang,
                target_lang,
                units,
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn read_write_round_trip_v2(doc in any_doc(Version::V2_0)) {
        let text = write_to_string(&doc, Version::V2_0);
        prop_assert_eq!(read_str(&text).unwrap(), doc);
        prop_assert_eq!(check_v2(&parse_dom(&text)), Vec::<String>::new());
    }

    #[test]
    fn read_write_round_trip_v12(doc in any_doc(Version::V1_2)) {
        let text = write_to_string(&doc, Version::V1_2);
        prop_assert_eq!(read_str(&text).unwrap(), doc);
        prop_assert_eq!(check_v12(&parse_dom(&text)), Vec::<String>::new());
    }

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = read(Path::new("fuzz.xlf"), &bytes);
    }

    #[test]
    fn damaged_documents_never_panic(
        v2 in any::<bool>(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
    ) {
        let version = if v2 { Version::V2_0 } else { Version::V1_2 };
        let mut doc = sample();
        doc.units[0].en.push('\u{3}');
        if !v2 {
            doc.units[0].en.pop();
        }
        let mut bytes = write_to_string(&doc, version).into_bytes();
        for (at, byte, op) in edits {
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                _ => bytes.truncate(i),
            }
            if bytes.is_empty() {
                break;
            }
        }
        let _ = read(Path::new("fuzz.xlf"), &bytes);
    }
}

#[test]
fn hostile_inputs_never_panic() {
    let deep = "<a>".repeat(10_000);
    let inputs: Vec<Vec<u8>> = vec![
        vec![],
        b"\xEF\xBB\xBF".to_vec(),
        b"\xFF\xFE".to_vec(),
        b"\xFE\xFF\x00".to_vec(),
        b"<".to_vec(),
        b"<xliff".to_vec(),
        b"&".to_vec(),
        b"&amp;".to_vec(),
        b"<![CDATA[x]]>".to_vec(),
        b"<!DOCTYPE xliff [<!ENTITY e 'x'>]><xliff version='1.2'>&e;</xliff>".to_vec(),
        format!("<xliff version='1.2'>{deep}").into_bytes(),
        format!("{HEAD_2}<file id='f'><unit id='u'><segment><source>{deep}").into_bytes(),
        format!("{HEAD_2}<file id='f'><unit id='u'><segment><source><cp/></source></segment></unit></file></xliff>").into_bytes(),
        format!("{HEAD_2}<file id='f'><unit id='u'><segment><source></segment></source></unit></file></xliff>").into_bytes(),
    ];
    for input in inputs {
        let _ = read(Path::new("x"), &input);
    }
}

/// Regression (issue 11): a translation awaiting review (the memory's `needs-review`)
/// went out as `translated` and came back promoted. 2.0 writes it `initial` with our
/// `subState`, 1.2 as `needs-review-translation`; both read back as `NeedsReview`.
#[test]
fn a_translation_to_review_round_trips_in_both_versions() {
    let unit = XliffUnit {
        vi: Some("Giá vàng tăng.".into()),
        state: State::NeedsReview,
        ..XliffUnit::new("u1", "The weather was fine.")
    };
    let doc = XliffDoc {
        units: vec![unit.clone()],
        ..small()
    };
    let v2 = write_to_string(&doc, Version::V2_0);
    assert!(
        v2.contains("<segment state=\"initial\" subState=\"songngu:needs-review\">"),
        "{v2}"
    );
    let v12 = write_to_string(&doc, Version::V1_2);
    assert!(
        v12.contains("<target state=\"needs-review-translation\">Giá vàng tăng.</target>")
            && !v12.contains("approved="),
        "{v12}"
    );
    for text in [&v2, &v12] {
        assert_eq!(read_str(text).unwrap(), doc);
    }
    // The subState counts only with `initial`: a tool that moved the state on decides.
    let moved = v2.replace("state=\"initial\"", "state=\"translated\"");
    assert_eq!(read_str(&moved).unwrap().units[0].state, State::Translated);
    // Another authority's subState is not ours.
    let theirs = v2.replace("songngu:needs-review", "acme:check");
    assert_eq!(read_str(&theirs).unwrap().units[0].state, State::Initial);
    // Without Vietnamese there is nothing to review: refused like any state but initial.
    let mut bare = doc.clone();
    bare.units[0].vi = None;
    assert!(write(&bare, Version::V2_0, &mut Vec::new()).is_err());
    assert_eq!(
        State::NeedsReview.to_string(),
        "initial (songngu:needs-review)"
    );
}

#[test]
fn language_tags_match_by_prefix_at_subtag_boundaries() {
    for (tag, expected) in [
        ("en", "en"),
        ("en-US", "en"),
        ("EN-us", "en"),
        ("en", "en-GB"),
        ("vi-VN", "vi"),
        (" vi ", "vi"),
    ] {
        assert!(
            crate::xliff::language_matches(tag, expected),
            "{tag} {expected}"
        );
    }
    for (tag, expected) in [
        ("en-US", "en-GB"),
        ("eng", "en"),
        ("e", "en"),
        ("", "en"),
        ("fr", "en"),
        ("vi", "en"),
    ] {
        assert!(
            !crate::xliff::language_matches(tag, expected),
            "{tag} {expected}"
        );
    }
}

// Inline codes: a Markdown unit's markup as protected codes, restored on read.

fn markdown_doc(en: &str, vi: Option<&str>) -> XliffDoc {
    XliffDoc {
        doc: "bai.md".into(),
        source_lang: "en".into(),
        target_lang: "vi".into(),
        units: vec![XliffUnit {
            vi: vi.map(str::to_owned),
            state: if vi.is_some() {
                State::Translated
            } else {
                State::Initial
            },
            markdown: true,
            ..XliffUnit::new("u1", en)
        }],
    }
}

#[test]
fn markdown_goes_out_as_pc_and_ph_in_2_0() {
    let doc = markdown_doc(
        "The **fair** opened, see [the map](https://x.vn/a) or `map`.",
        Some("Hội chợ **khai mạc**, xem [bản đồ](https://x.vn/a) hoặc `map`."),
    );
    let text = write_to_string(&doc, Version::V2_0);
    let expected = "    <unit id=\"u1\">
      <originalData>
        <data id=\"md1\">**</data>
        <data id=\"md2\">**</data>
        <data id=\"md3\">[</data>
        <data id=\"md4\">](https://x.vn/a)</data>
        <data id=\"md5\">`map`</data>
      </originalData>
      <segment state=\"translated\">
        <source>The <pc id=\"1\" type=\"fmt\" canCopy=\"no\" canDelete=\"no\" dataRefEnd=\"md2\" dataRefStart=\"md1\">fair</pc> opened, see <pc id=\"2\" type=\"link\" canCopy=\"no\" canDelete=\"no\" dataRefEnd=\"md4\" dataRefStart=\"md3\">the map</pc> or <ph id=\"3\" type=\"fmt\" canCopy=\"no\" canDelete=\"no\" dataRef=\"md5\"/>.</source>
        <target>Hội chợ <pc id=\"1\" type=\"fmt\" canCopy=\"no\" canDelete=\"no\" dataRefEnd=\"md2\" dataRefStart=\"md1\">khai mạc</pc>, xem <pc id=\"2\" type=\"link\" canCopy=\"no\" canDelete=\"no\" dataRefEnd=\"md4\" dataRefStart=\"md3\">bản đồ</pc> hoặc <ph id=\"3\" type=\"fmt\" canCopy=\"no\" canDelete=\"no\" dataRef=\"md5\"/>.</target>
      </segment>
    </unit>
";
    assert!(text.contains(expected), "{text}");
    // The URL is in the original data only, never in translatable text.
    let source = &text[text.find("<source>").unwrap()..text.find("</source>").unwrap()];
    assert!(!source.contains("https://"));
    assert_eq!(check_v2(&parse_dom(&text)), Vec::<String>::new());
    assert_eq!(read_str(&text).unwrap(), doc);
}

#[test]
fn markdown_goes_out_as_bpt_ept_and_ph_in_1_2() {
    let doc = markdown_doc(
        "The **fair** opened [here](https://x.vn/a).",
        Some("Hội chợ **khai mạc** [ở đây](https://x.vn/a)."),
    );
    let text = write_to_string(&doc, Version::V1_2);
    assert!(
        text.contains("<source>The <bpt id=\"1\" ctype=\"bold\">**</bpt>fair<ept id=\"1\">**</ept> opened <bpt id=\"2\" ctype=\"link\">[</bpt>here<ept id=\"2\">](https://x.vn/a)</ept>.</source>"),
        "{text}"
    );
    assert!(text.contains("<target state=\"translated\">Hội chợ <bpt id=\"1\" ctype=\"bold\">**</bpt>khai mạc<ept id=\"1\">**</ept> <bpt id=\"2\" ctype=\"link\">[</bpt>ở đây<ept id=\"2\">](https://x.vn/a)</ept>.</target>"));
    assert_eq!(check_v12(&parse_dom(&text)), Vec::<String>::new());
    assert_eq!(read_str(&text).unwrap(), doc);
}

#[test]
fn a_translator_may_move_a_pair_but_not_drop_or_alter_a_code() {
    let en = "The **fair** opened [here](https://x.vn/a).";
    for version in [Version::V2_0, Version::V1_2] {
        let text = write_to_string(&markdown_doc(en, Some("x")), version);
        let (v2, v12) = (
            "<target>Ở <pc id=\"2\" dataRefEnd=\"md4\" dataRefStart=\"md3\">đây</pc>, hội chợ <pc id=\"1\" dataRefEnd=\"md2\" dataRefStart=\"md1\">khai mạc</pc>.</target>",
            "<target state=\"translated\">Ở <bpt id=\"2\">[</bpt>đây<ept id=\"2\">](https://x.vn/a)</ept>, hội chợ <bpt id=\"1\">**</bpt>khai mạc<ept id=\"1\">**</ept>.</target>",
        );
        let target_at = text.find("<target").unwrap();
        let target_end = text.find("</target>").unwrap() + "</target>".len();
        let with = |target: &str| {
            let mut t = text.clone();
            t.replace_range(target_at..target_end, target);
            read_str(&t).unwrap().units.remove(0)
        };
        let moved = with(if version == Version::V2_0 { v2 } else { v12 });
        assert_eq!(
            moved.vi.as_deref(),
            Some("Ở [đây](https://x.vn/a), hội chợ **khai mạc**.")
        );
        assert_eq!(moved.code_mismatch, None);
        assert_eq!(moved.en, en);
        // The link dropped (its text kept).
        let dropped = with(if version == Version::V2_0 {
            "<target>Ở đây, hội chợ <pc id=\"1\" dataRefEnd=\"md2\" dataRefStart=\"md1\">khai mạc</pc>.</target>"
        } else {
            "<target state=\"translated\">Ở đây, hội chợ <bpt id=\"1\">**</bpt>khai mạc<ept id=\"1\">**</ept>.</target>"
        });
        assert_eq!(
            dropped.code_mismatch,
            Some(CodeMismatch {
                missing: vec!["[".into(), "](https://x.vn/a)".into()],
                unexpected: vec![],
            }),
            "{version}"
        );
        // The URL altered (1.2 carries it in the target), or a data id that is not there.
        let altered = with(if version == Version::V2_0 {
            "<target><pc id=\"2\" dataRefEnd=\"md9\" dataRefStart=\"md3\">đây</pc> <pc id=\"1\" dataRefEnd=\"md2\" dataRefStart=\"md1\">x</pc></target>"
        } else {
            "<target state=\"translated\"><bpt id=\"2\">[</bpt>đây<ept id=\"2\">](https://evil.example)</ept> <bpt id=\"1\">**</bpt>x<ept id=\"1\">**</ept></target>"
        });
        let mismatch = altered.code_mismatch.expect("an altered code is flagged");
        assert_eq!(mismatch.missing, ["](https://x.vn/a)"]);
        assert_eq!(mismatch.unexpected.len(), 1);
    }
}

#[test]
fn units_without_markup_and_plain_units_stay_as_they_were() {
    // A Markdown unit without markup is written exactly as a plain one.
    let plain = markdown_doc("Nothing to mark.", Some("Không có gì."));
    let mut not_markdown = plain.clone();
    not_markdown.units[0].markdown = false;
    for version in [Version::V2_0, Version::V1_2] {
        assert_eq!(
            write_to_string(&plain, version),
            write_to_string(&not_markdown, version)
        );
    }
    // A plain-text unit keeps its stars as text.
    let mut stars = markdown_doc("A **b** c.", None);
    stars.units[0].markdown = false;
    let text = write_to_string(&stars, Version::V2_0);
    assert!(text.contains("<source>A **b** c.</source>"));
}

#[test]
fn context_notes_come_back_apart_from_other_notes() {
    let mut doc = markdown_doc("Two.", None);
    doc.units[0].context = Some("Previous: One.\nNext: Three.\nHeading: News".into());
    doc.units[0].notes = vec!["a note".into()];
    let v2 = write_to_string(&doc, Version::V2_0);
    assert!(
        v2.contains(
            "<note category=\"context\">Previous: One.\nNext: Three.\nHeading: News</note>"
        )
    );
    let v12 = write_to_string(&doc, Version::V1_2);
    assert!(v12.contains("<note from=\"context\">Previous: One."));
    let mut expected = doc.clone();
    expected.units[0].markdown = false;
    for text in [v2, v12] {
        assert_eq!(read_str(&text).unwrap(), expected);
    }
}

/// Markdown with emphasis, links (nested emphasis, URLs with `)` and spaces in `<…>`),
/// code spans, autolinks, and plain text between.
fn any_markdown() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "the",
        "fair",
        "Hà Nội",
        "a & b",
        "<tag>",
        "x\\*y",
        "2 * 3",
        "[",
        "]",
        "(",
        ")",
        "`",
        "_",
        "ệ",
        " ",
        "  ",
        "\t",
    ]);
    let words = prop::collection::vec(word, 1..4).prop_map(|w| w.join(" "));
    let piece = prop_oneof![
        words.clone(),
        words.clone().prop_map(|w| format!("**{}**", w.trim())),
        words.clone().prop_map(|w| format!("*{}*", w.trim())),
        words
            .clone()
            .prop_map(|w| format!("[{}](https://x.vn/a_(b))", w.trim())),
        words
            .clone()
            .prop_map(|w| format!("[**{}** more](<https://x.vn/a b> \"t\")", w.trim())),
        Just("`code span`".to_owned()),
        Just("<https://x.vn/auto>".to_owned()),
        Just("~~old~~".to_owned()),
    ];
    prop::collection::vec(piece, 1..6).prop_map(|p| p.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Export then import of an untouched file gives the same Markdown, byte for byte.
    #[test]
    fn markdown_round_trips_byte_for_byte(en in any_markdown(), vi in prop::option::of(any_markdown())) {
        let doc = markdown_doc(&en, vi.as_deref().filter(|v| !v.is_empty()));
        for version in [Version::V2_0, Version::V1_2] {
            let text = write_to_string(&doc, version);
            let back = read_str(&text).unwrap().units.remove(0);
            prop_assert_eq!(&back.en, &en);
            prop_assert_eq!(back.vi, doc.units[0].vi.clone());
            match version {
                Version::V2_0 => prop_assert_eq!(check_v2(&parse_dom(&text)), Vec::<String>::new()),
                Version::V1_2 => prop_assert_eq!(check_v12(&parse_dom(&text)), Vec::<String>::new()),
            }
        }
        // A target with the source's codes, untouched, has them all.
        let same = markdown_doc(&en, Some(&en));
        for version in [Version::V2_0, Version::V1_2] {
            let back = read_str(&write_to_string(&same, version)).unwrap().units.remove(0);
            prop_assert_eq!(back.code_mismatch, None);
        }
    }
}

#[test]
fn a_copy_of_the_source_is_marked_and_read_back_even_when_a_tool_replaced_it() {
    let mut doc = markdown_doc("The **fair** opened.", Some("The **fair** opened."));
    doc.units[0].state = State::Initial;
    doc.units[0].copied_source = true;
    doc.units[0].old_en = Some("The fair opened.".into());
    let v12 = write_to_string(&doc, Version::V1_2);
    assert!(v12.contains("<target state=\"new\">The <bpt"), "{v12}");
    let v2 = write_to_string(&doc, Version::V2_0);
    assert!(v2.contains("<segment state=\"initial\" subState=\"songngu:source-copy\">"));
    for text in [&v12, &v2] {
        assert_eq!(read_str(text).unwrap(), doc);
    }
    // OmegaT fills the target from its memory and keeps the state.
    let filled = v12.replace(
        "<target state=\"new\">The <bpt id=\"1\" ctype=\"bold\">**</bpt>fair<ept id=\"1\">**</ept> opened.</target>",
        "<target state=\"new\">Hội chợ <bpt id=\"1\" ctype=\"bold\">**</bpt>khai mạc<ept id=\"1\">**</ept>.</target>",
    );
    let unit = read_str(&filled).unwrap().units.remove(0);
    assert!(unit.copied_source);
    assert_eq!(unit.vi.as_deref(), Some("Hội chợ **khai mạc**."));
    assert_eq!(unit.state, State::Initial);
}
