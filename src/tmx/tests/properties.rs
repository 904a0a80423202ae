//! Property tests: `read(write(m)) == m.canonical()` for arbitrary models, and no input
//! bytes ever make the reader panic.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use super::{HEADER, utf16};
use crate::tmx::{
    Attr, Element, Header, Inline, InlineElement, InlineKind, Invalid, Meta, Node, Note, Prop, Seg,
    Severity, Tmx, Tu, Tuv, WriteError, parse_tu, read_all_bytes, write_all,
};
use crate::xml::is_xml_char;

/// Text with the edges that break writers and readers: whitespace runs, tabs, CR and LF,
/// Vietnamese in NFC and NFD, astral characters, markup characters, bidi and C1 controls.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z0-9 ]{0,8}",
        Just(" ".to_owned()),
        Just("   ".to_owned()),
        Just("\t".to_owned()),
        Just("\n".to_owned()),
        Just("\r".to_owned()),
        Just("\r\n".to_owned()),
        Just("Tiếng Việt".to_owned()),
        Just("Tie\u{302}\u{301}ng Vie\u{323}\u{302}t".to_owned()),
        Just("𝐀😀".to_owned()),
        Just("&<>\"' ]]> &amp;".to_owned()),
        Just("\u{A0}\u{202E}\u{200B}\u{85}\u{2028}".to_owned()),
        any::<char>()
            .prop_filter("an XML character", |c| is_xml_char(*c))
            .prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..6).prop_map(|pieces| pieces.concat())
}

fn name_from(pool: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(pool).prop_map(str::to_owned)
}

/// Attributes with distinct names from `pool`.
fn attrs(pool: &'static [&'static str], max: usize) -> impl Strategy<Value = Vec<Attr>> {
    prop::collection::vec((name_from(pool), text()), 0..max).prop_map(|pairs| {
        let mut attrs: Vec<Attr> = Vec::new();
        for (name, value) in pairs {
            if !attrs.iter().any(|attr| attr.name == name) {
                attrs.push(Attr { name, value });
            }
        }
        attrs
    })
}

const TU_ATTRS: &[&str] = &[
    "tuid",
    "creationdate",
    "changedate",
    "creationid",
    "srclang",
    "usagecount",
    "ex:id",
    "x-custom",
    "datatype",
];
const TUV_ATTRS: &[&str] = &[
    "creationdate",
    "changeid",
    "o-encoding",
    "ex:status",
    "data-ả",
];
const META_ATTRS: &[&str] = &["type", "xml:lang", "o-encoding", "name", "ex:id"];
const INLINE_ATTRS: &[&str] = &["i", "x", "type", "pos", "assoc", "ex:a"];
const EXTRA_NAMES: &[&str] = &["ude", "map", "x-ext", "ex:thing", "prop"];

fn meta() -> impl Strategy<Value = Vec<Meta>> {
    let item = (any::<bool>(), attrs(META_ATTRS, 3), text()).prop_map(|(note, attrs, value)| {
        if note {
            Meta::Note(Note { attrs, value })
        } else {
            Meta::Prop(Prop { attrs, value })
        }
    });
    prop::collection::vec(item, 0..4)
}

fn inline_kind() -> impl Strategy<Value = InlineKind> {
    prop_oneof![
        Just(InlineKind::Bpt),
        Just(InlineKind::Ept),
        Just(InlineKind::It),
        Just(InlineKind::Ph),
        Just(InlineKind::Hi),
        Just(InlineKind::Sub),
        Just(InlineKind::Ut),
        Just(InlineKind::Other("g".into())),
        Just(InlineKind::Other("x:mrk".into())),
    ]
}

fn content() -> impl Strategy<Value = Vec<Inline>> {
    let leaf = text().prop_map(Inline::Text);
    let tree = leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            text().prop_map(Inline::Text),
            (
                inline_kind(),
                attrs(INLINE_ATTRS, 3),
                prop::collection::vec(inner, 0..4)
            )
                .prop_map(|(kind, attrs, content)| Inline::Element(InlineElement {
                    kind,
                    attrs,
                    content
                })),
        ]
    });
    prop::collection::vec(tree, 0..5)
}

fn tuv() -> impl Strategy<Value = Tuv> {
    let lang = (
        prop::sample::select(&["xml:lang", "lang"][..]),
        prop::sample::select(&["vi", "en-US", "vi_VN", "EN-gb", "zh-Hant-TW", "x-klingon"][..]),
    );
    (lang, attrs(TUV_ATTRS, 3), meta(), content()).prop_map(
        |((name, tag), mut attrs, meta, content)| {
            attrs.insert(0, Attr::new(name, tag));
            Tuv {
                attrs,
                meta,
                seg: Seg(content),
            }
        },
    )
}

fn tu() -> impl Strategy<Value = Tu> {
    (
        attrs(TU_ATTRS, 5),
        meta(),
        prop::collection::vec(tuv(), 1..4),
    )
        .prop_map(|(attrs, meta, tuvs)| Tu { attrs, meta, tuvs })
}

fn element() -> impl Strategy<Value = Element> {
    let leaf = (name_from(EXTRA_NAMES), attrs(META_ATTRS, 2)).prop_map(|(name, attrs)| Element {
        name,
        attrs,
        children: Vec::new(),
    });
    leaf.prop_recursive(3, 12, 3, |inner| {
        (
            name_from(EXTRA_NAMES),
            attrs(META_ATTRS, 2),
            prop::collection::vec(
                prop_oneof![inner.prop_map(Node::Element), text().prop_map(Node::Text)],
                0..3,
            ),
        )
            .prop_map(|(name, attrs, children)| Element {
                name,
                attrs,
                children,
            })
    })
}

fn tmx() -> impl Strategy<Value = Tmx> {
    let header = (
        attrs(
            &[
                "srclang",
                "creationtool",
                "segtype",
                "creationdate",
                "ex:custom-attr",
            ],
            4,
        ),
        meta(),
        // A `prop` at the top of the header would read back as a prop: not a kept element.
        prop::collection::vec(
            element().prop_filter("not prop", |e| e.name != "prop"),
            0..2,
        ),
    )
        .prop_map(|(attrs, meta, extra)| Header { attrs, meta, extra });
    let doctype = prop::option::of(prop::sample::select(
        &[
            "tmx SYSTEM \"tmx14.dtd\"",
            "tmx PUBLIC \"-//LISA//x\" \"http://x/tmx14.dtd\"",
            "tmx [ <!ATTLIST tu a CDATA #IMPLIED> ]",
        ][..],
    ));
    const NO_ATTRS: &[(&str, &str)] = &[];
    const NS_ATTRS: &[(&str, &str)] = &[("xmlns:ex", "http://example.com/ns")];
    let root_attrs = prop::sample::select(&[NO_ATTRS, NS_ATTRS][..]);
    (
        prop::sample::select(&["1.4", "1.1", ""][..]),
        doctype,
        root_attrs,
        header,
        prop::collection::vec(tu(), 0..4),
    )
        .prop_map(|(version, doctype, root, header, tus)| Tmx {
            version: version.to_owned(),
            doctype: doctype.map(str::to_owned),
            attrs: root.iter().map(|(n, v)| Attr::new(n, v)).collect(),
            header,
            tus,
        })
}

proptest! {
    // Failures are kept next to this file (not in a folder at the crate root).
    #![proptest_config(ProptestConfig {
        cases: super::cases(256),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn read_of_write_is_the_canonical_model(model in tmx()) {
        let bytes = write_all(Vec::new(), &model).unwrap();
        super::differential::assert_same_both_ways(&bytes);
        let (back, problems) = read_all_bytes("p.tmx", &bytes).unwrap();
        prop_assert!(problems.iter().all(|p| p.severity == Severity::Warning), "{:?}", problems);
        prop_assert_eq!(&back, &model.canonical());
        prop_assert_eq!(write_all(Vec::new(), &back).unwrap(), bytes);
    }

    /// Any string: either it is written and reads back equal, or it is refused for a
    /// character XML cannot carry. Never ill-formed output.
    #[test]
    fn the_writer_never_writes_ill_formed_xml(value in ".{0,12}", in_attr in any::<bool>()) {
        let mut tu = Tu {
            attrs: vec![Attr::new("tuid", "p")],
            meta: Vec::new(),
            tuvs: vec![Tuv { attrs: vec![Attr::new("xml:lang", "vi")], meta: Vec::new(), seg: Seg::text("x") }],
        };
        if in_attr { tu.set_attr("x-v", &value) } else { tu.tuvs[0].seg = Seg::text(&value) }
        let tmx = Tmx { version: "1.4".into(), tus: vec![tu.clone()], ..Tmx::default() };
        match write_all(Vec::new(), &tmx) {
            Ok(bytes) => {
                let (back, _) = read_all_bytes("w.tmx", &bytes).unwrap();
                prop_assert_eq!(&back.tus[0], &tu.canonical());
            }
            Err(WriteError::InvalidTu { reason: Invalid::ForbiddenChar { ch, .. }, .. }) => {
                let c = char::from_u32(ch.0).unwrap();
                prop_assert!(!is_xml_char(c) && value.contains(c));
            }
            Err(other) => prop_assert!(false, "{}", other),
        }
    }

    #[test]
    fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        super::differential::assert_same_both_ways(&bytes);
        let _ = parse_tu(std::path::Path::new("any.tmx"), &bytes, 0);
    }

    #[test]
    fn damaged_documents_never_panic(edits in prop::collection::vec((any::<prop::sample::Index>(), 0u8..4, any::<u8>()), 1..6), wide in any::<bool>()) {
        let mut bytes = sample_document();
        if wide {
            bytes = utf16(std::str::from_utf8(&bytes).unwrap(), true, false);
        }
        for (at, op, byte) in edits {
            if bytes.is_empty() {
                break;
            }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                2 => { bytes.remove(i); }
                _ => bytes.truncate(i),
            }
        }
        super::differential::assert_same_both_ways(&bytes);
    }
}

fn sample_document() -> Vec<u8> {
    let body = "<tu tuid=\"1\" creationdate=\"20240101T000000Z\"><prop type=\"x-doc\">a/b</prop><note>n</note>\n<tuv xml:lang=\"en\"><seg>Click <bpt i=\"1\" x=\"1\">&lt;b&gt;</bpt>here<ept i=\"1\">&lt;/b&gt;</ept> <ph x=\"2\">&lt;img alt=\"<sub>Logo</sub>\"/&gt;</ph>&#x9;&amp;<![CDATA[ <x> ]]></seg></tuv>\n<tuv xml:lang=\"vi\"><seg>Nhấn <hi type=\"b\">vào đây</hi> 𝐀<!-- c --></seg></tuv></tu>";
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n{}\n<body>\n{body}\n{body}\n</body>\n</tmx>\n",
        HEADER.replace("/>", "><prop type=\"p\">v</prop><ude name=\"u\"><map unicode=\"#xE000\"/></ude></header>")
    )
    .into_bytes()
}

#[test]
fn the_sample_document_is_valid() {
    let (tmx, problems) = read_all_bytes("s.tmx", &sample_document()).unwrap();
    assert_eq!(tmx.tus.len(), 2);
    assert!(problems.is_empty(), "{problems:?}");
}

/// Found by `read_of_write_is_the_canonical_model`: an element holding only an empty text
/// was written `<ude></ude>`, its canonical form `<ude/>`, so re-writing what was read
/// changed the bytes. Now both write `<ude/>`.
#[test]
fn regression_empty_text_children_write_like_no_children() {
    let mut model = Tmx {
        version: "1.4".into(),
        ..Tmx::default()
    };
    model.header.extra.push(Element {
        name: "ude".into(),
        attrs: Vec::new(),
        children: vec![Node::Text(String::new())],
    });
    model.tus.push(Tu {
        attrs: Vec::new(),
        meta: Vec::new(),
        tuvs: vec![Tuv {
            attrs: vec![Attr::new("xml:lang", "vi")],
            meta: Vec::new(),
            seg: Seg(vec![Inline::Element(InlineElement {
                kind: InlineKind::Ph,
                attrs: Vec::new(),
                content: vec![Inline::Text(String::new())],
            })]),
        }],
    });
    let bytes = write_all(Vec::new(), &model).unwrap();
    assert_eq!(bytes, write_all(Vec::new(), &model.canonical()).unwrap());
    let text = String::from_utf8(bytes).unwrap();
    assert!(
        text.contains("<ude/>") && text.contains("<seg><ph/></seg>"),
        "{text}"
    );
}
