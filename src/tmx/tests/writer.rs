//! Writer behaviour: the fixed attribute order, escaping, refusals, determinism.

use super::{read, tu as tu_line};
use crate::tmx::{
    Attr, Element, Header, Inline, InlineElement, InlineKind, Invalid, MAX_WRITE_DEPTH, Meta, Node,
    Note, Prolog, Prop, Seg, Tmx, TmxWriter, Tu, Tuv, WriteError, check_header, check_tu, read_all,
    write_all, write_file,
};
use crate::xml::CodePoint;

fn tuv(lang: &str, seg: Seg) -> Tuv {
    Tuv {
        attrs: vec![Attr::new("xml:lang", lang)],
        meta: Vec::new(),
        seg,
    }
}

fn simple_tu() -> Tu {
    Tu {
        attrs: vec![Attr::new("tuid", "1")],
        meta: Vec::new(),
        tuvs: vec![tuv("en", Seg::text("a")), tuv("vi", Seg::text("b"))],
    }
}

fn written(tu: &Tu) -> String {
    let mut writer = TmxWriter::new(Vec::new(), "1.4", &Header::default()).unwrap();
    writer.write_tu(tu).unwrap();
    String::from_utf8(writer.finish().unwrap()).unwrap()
}

fn tu_part(tu: &Tu) -> String {
    let text = written(tu);
    let start = text.find("    <tu").unwrap();
    let end = text.find("  </body>").unwrap();
    text[start..end].to_owned()
}

#[test]
fn attributes_in_dtd_order_then_unknown_in_model_order() {
    let mut tu = simple_tu();
    tu.attrs = vec![
        Attr::new("x-zeta", "1"),
        Attr::new("changedate", "20240101T000000Z"),
        Attr::new("ex:id", "2"),
        Attr::new("creationid", "an"),
        Attr::new("tuid", "t"),
        Attr::new("srclang", "en"),
        Attr::new("creationdate", "20230101T000000Z"),
    ];
    tu.tuvs[0].attrs = vec![Attr::new("changeid", "b"), Attr::new("xml:lang", "en")];
    tu.meta = vec![Meta::Prop(Prop {
        attrs: vec![Attr::new("xml:lang", "en"), Attr::new("type", "x-doc")],
        value: "d".into(),
    })];
    tu.tuvs[1].seg = Seg(vec![
        Inline::Element(InlineElement {
            kind: InlineKind::Bpt,
            attrs: vec![
                Attr::new("type", "bold"),
                Attr::new("x", "1"),
                Attr::new("i", "1"),
            ],
            content: vec![Inline::Text("<b>".into())],
        }),
        Inline::Text("b".into()),
    ]);
    assert_eq!(
        tu_part(&tu),
        "    <tu tuid=\"t\" creationdate=\"20230101T000000Z\" creationid=\"an\" changedate=\"20240101T000000Z\" srclang=\"en\" x-zeta=\"1\" ex:id=\"2\">
      <prop type=\"x-doc\" xml:lang=\"en\">d</prop>
      <tuv xml:lang=\"en\" changeid=\"b\">
        <seg>a</seg>
      </tuv>
      <tuv xml:lang=\"vi\">
        <seg><bpt i=\"1\" x=\"1\" type=\"bold\">&lt;b&gt;</bpt>b</seg>
      </tuv>
    </tu>
"
    );
    // What reading gives back is the canonical model: attributes in that order.
    let (back, _) = read(written(&tu).as_bytes()).unwrap();
    assert_eq!(back.tus[0], tu.canonical());
    assert_ne!(back.tus[0], tu);
}

#[test]
fn escaping_keeps_every_character() {
    let mut tu = simple_tu();
    tu.tuvs[0].seg = Seg::text(" a & <b> \"q\" 'a' ]]> \r\n\t end ");
    tu.tuvs[0].set_attr("x-a", "tab\there\nline\r\n\"quoted\" & <");
    tu.meta.push(Meta::Note(Note::new("  note\r ")));
    let part = tu_part(&tu);
    assert!(
        part.contains("<seg> a &amp; &lt;b&gt; \"q\" 'a' ]]&gt; &#13;\n\t end </seg>"),
        "{part}"
    );
    assert!(
        part.contains("x-a=\"tab&#9;here&#10;line&#13;&#10;&quot;quoted&quot; &amp; &lt;\""),
        "{part}"
    );
    assert!(part.contains("<note>  note&#13; </note>"), "{part}");
    let (back, problems) = read(written(&tu).as_bytes()).unwrap();
    assert_eq!(super::codes(&problems), ["missing-header-attr"]);
    assert_eq!(back.tus[0], tu.canonical());
}

#[test]
fn refusals_name_the_reason() {
    let mut tu = simple_tu();
    tu.attrs.push(Attr::new("bad name", "x"));
    assert_eq!(check_tu(&tu), Err(Invalid::BadName("bad name".into())));

    let mut tu = simple_tu();
    tu.attrs.push(Attr::new("tuid", "again"));
    assert_eq!(
        check_tu(&tu),
        Err(Invalid::DuplicateAttribute("tuid".into(), "tu".into()))
    );

    let mut tu = simple_tu();
    tu.tuvs.clear();
    assert_eq!(check_tu(&tu), Err(Invalid::NoTuv));

    let mut tu = simple_tu();
    tu.tuvs[0].attrs.clear();
    assert_eq!(check_tu(&tu), Err(Invalid::NoLang));

    for name in ["bpt", "tu", "seg", "not a name"] {
        let mut tu = simple_tu();
        tu.tuvs[0].seg = Seg(vec![Inline::Element(InlineElement::new(
            InlineKind::Other(name.into()),
        ))]);
        assert_eq!(check_tu(&tu), Err(Invalid::BadName(name.into())));
    }

    let mut deep = Vec::new();
    for _ in 0..=MAX_WRITE_DEPTH {
        deep = vec![Inline::Element(InlineElement {
            kind: InlineKind::Hi,
            attrs: Vec::new(),
            content: if deep.is_empty() {
                vec![Inline::Text("x".into())]
            } else {
                deep
            },
        })];
    }
    let mut tu = simple_tu();
    tu.tuvs[0].seg = Seg(deep);
    assert_eq!(check_tu(&tu), Err(Invalid::TooDeep(MAX_WRITE_DEPTH)));

    let mut tu = simple_tu();
    tu.attrs.push(Attr::new("x-a", "a\u{8}"));
    assert_eq!(
        check_tu(&tu).unwrap_err().to_string(),
        "character U+0008 in attribute `x-a` of `<tu>` is not allowed in XML 1.0"
    );

    let header = Header {
        meta: vec![Meta::Prop(Prop::new("x", "\u{FFFE}"))],
        ..Header::default()
    };
    assert!(matches!(
        check_header(&header),
        Err(Invalid::ForbiddenChar {
            ch: CodePoint(0xFFFE),
            ..
        })
    ));
    assert!(matches!(
        TmxWriter::new(Vec::new(), "1.4", &header),
        Err(WriteError::InvalidHeader(_))
    ));
    let header = Header {
        extra: vec![Element {
            name: "prop".into(),
            ..Element::default()
        }],
        ..Header::default()
    };
    assert_eq!(check_header(&header), Err(Invalid::BadName("prop".into())));

    let attrs = [Attr::new("version", "2")];
    let prolog = Prolog {
        version: "1.4",
        doctype: None,
        attrs: &attrs,
    };
    assert!(matches!(
        TmxWriter::with_prolog(Vec::new(), &prolog, &Header::default()),
        Err(WriteError::InvalidRoot(Invalid::VersionAttribute))
    ));
    for doctype in [
        "",
        " tmx",
        "tmx>",
        "tmx SYSTEM \"a",
        "tmx [<!ENTITY a \"b\">]",
        "tmx\r",
        "tmx ]",
    ] {
        let prolog = Prolog {
            version: "1.4",
            doctype: Some(doctype),
            attrs: &[],
        };
        assert!(
            matches!(
                TmxWriter::with_prolog(Vec::new(), &prolog, &Header::default()),
                Err(WriteError::InvalidRoot(Invalid::BadDoctype(_)))
            ),
            "{doctype:?}"
        );
    }
}

#[test]
fn output_is_deterministic_and_stable() {
    let text = super::doc(&[
        tu_line("Hello <ph x=\"1\" type=\"img\">&lt;img/&gt;</ph> world", "Xin chào"),
        "<tu changeid=\"b\" tuid=\"2\" ex:k=\"v\"><note>n</note><prop type=\"x-status\">ok</prop><tuv lang=\"EN\"><seg>x</seg></tuv></tu>".to_owned(),
    ]
    .join("\n"));
    let (tmx, _) = read(text.as_bytes()).unwrap();
    let first = write_all(Vec::new(), &tmx).unwrap();
    assert_eq!(write_all(Vec::new(), &tmx).unwrap(), first);
    let (again, _) = read(&first).unwrap();
    assert_eq!(write_all(Vec::new(), &again).unwrap(), first);
    let text = String::from_utf8(first).unwrap();
    assert!(text.starts_with(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header "
    ));
    assert!(text.ends_with("  </body>\n</tmx>\n"));
    assert!(!text.contains('\r'));
}

#[test]
fn whole_documents_and_files() {
    let tmx = Tmx {
        version: "1.4".into(),
        doctype: Some("tmx SYSTEM \"tmx14.dtd\"".into()),
        attrs: vec![Attr::new("xmlns:ex", "urn:example")],
        header: Header {
            attrs: vec![
                Attr::new("srclang", "en"),
                Attr::new("creationtool", "songngu"),
            ],
            meta: vec![Meta::Note(Note::new("n")), Meta::Prop(Prop::new("p", "v"))],
            extra: vec![Element {
                name: "ude".into(),
                attrs: vec![Attr::new("name", "x")],
                children: vec![
                    Node::Text("\n ".into()),
                    Node::Element(Element {
                        name: "map".into(),
                        attrs: vec![Attr::new("unicode", "#xE001")],
                        children: Vec::new(),
                    }),
                ],
            }],
        },
        tus: (0..3000)
            .map(|i| {
                let mut tu = simple_tu();
                tu.set_attr("tuid", &i.to_string());
                tu
            })
            .collect(),
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("whole.tmx");
    write_file(&path, &tmx).unwrap();
    let (back, problems) = read_all(&path).unwrap();
    assert_eq!(back, tmx.canonical());
    assert_eq!(super::codes(&problems), ["missing-header-attr"]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\" xmlns:ex=\"urn:example\">\n  <header creationtool=\"songngu\" srclang=\"en\">\n    <note>n</note>\n    <prop type=\"p\">v</prop>\n    <ude name=\"x\">\n <map unicode=\"#xE001\"/></ude>\n  </header>"), "{}", &text[..400]);
}

/// A compaction copies the XML of a changed TU from the spill file instead of parsing it
/// and writing it again: the bytes and spans must be those of writing the TU.
#[test]
fn a_tu_written_as_its_xml_is_the_tu_written() {
    let mut odd = simple_tu();
    odd.attrs = vec![Attr::new("x-zeta", "1"), Attr::new("tuid", "t&\"")];
    odd.tuvs[1].seg = Seg::text("a\r\nb\t<c>");
    let tus = [simple_tu(), odd, simple_tu()];
    let mut by_model = TmxWriter::new(Vec::new(), "1.4", &Header::default()).unwrap();
    let mut by_xml = TmxWriter::new(Vec::new(), "1.4", &Header::default()).unwrap();
    for tu in &tus {
        let span = by_model.write_tu_span(tu).unwrap();
        let xml = crate::tmx::tu_xml(tu).unwrap();
        assert_eq!(by_xml.write_tu_xml(&xml).unwrap(), span);
    }
    let (by_model, by_xml) = (by_model.finish().unwrap(), by_xml.finish().unwrap());
    assert_eq!(String::from_utf8(by_xml), String::from_utf8(by_model));
}
