//! Model helpers: language matching, plain text, attributes and props.

use unic_langid::LanguageIdentifier;

use crate::tmx::{
    Attr, Header, Inline, InlineElement, InlineKind, Meta, Prop, Seg, SrcLang, Tu, Tuv,
};

fn lang(tag: &str) -> LanguageIdentifier {
    tag.parse().unwrap()
}

fn tuv(attr: &str, tag: &str, text: &str) -> Tuv {
    Tuv {
        attrs: vec![Attr::new(attr, tag)],
        meta: Vec::new(),
        seg: Seg::text(text),
    }
}

fn text_of(tu: &Tu, wanted: &str) -> Option<String> {
    tu.tuv(&lang(wanted)).map(|t| t.seg.plain_text())
}

#[test]
fn languages_are_canonicalized_and_matched_with_fallback() {
    let tu = Tu {
        attrs: Vec::new(),
        meta: Vec::new(),
        tuvs: vec![
            tuv("xml:lang", "EN-us", "us"),
            tuv("lang", "vi_VN", "vn"),
            tuv("xml:lang", "zh-CN", "cn"),
            tuv("xml:lang", "zh", "zh"),
            tuv("xml:lang", "pt-BR", "br"),
            tuv("xml:lang", "not a tag!", "?"),
        ],
    };
    assert_eq!(tu.tuvs[1].lang(), Some(lang("vi-VN")));
    assert_eq!(tu.tuvs[1].lang_raw(), Some("vi_VN"));
    assert_eq!(tu.tuvs[0].lang().unwrap().to_string(), "en-US");
    assert_eq!(tu.tuvs[5].lang(), None);
    assert_eq!(text_of(&tu, "vi-VN").as_deref(), Some("vn"));
    assert_eq!(text_of(&tu, "vi").as_deref(), Some("vn"));
    assert_eq!(text_of(&tu, "en-GB").as_deref(), Some("us"));
    // zh-TW: no exact match; the bare `zh` comes before other regions.
    assert_eq!(text_of(&tu, "zh-TW").as_deref(), Some("zh"));
    assert_eq!(text_of(&tu, "zh-CN").as_deref(), Some("cn"));
    assert_eq!(text_of(&tu, "pt").as_deref(), Some("br"));
    assert_eq!(text_of(&tu, "fr"), None);
    let mut tu = tu;
    tu.tuv_mut(&lang("vi")).unwrap().seg = Seg::text("mới");
    assert_eq!(tu.tuvs[1].seg.plain_text(), "mới");
}

#[test]
fn source_language_with_all_and_overrides() {
    let mut header = Header::default();
    header.set_attr("srclang", "*all*");
    let mut tu = Tu {
        attrs: Vec::new(),
        meta: Vec::new(),
        tuvs: vec![tuv("xml:lang", "en", "e"), tuv("xml:lang", "vi", "v")],
    };
    assert_eq!(tu.srclang(&header), Some(SrcLang::All));
    assert!(tu.source_tuv(&header).is_none());
    tu.set_attr("srclang", "VI");
    assert_eq!(tu.srclang(&header), Some(SrcLang::Tag("VI")));
    assert_eq!(tu.source_tuv(&header).unwrap().seg.plain_text(), "v");
}

#[test]
fn plain_text_leaves_out_native_code_and_sub_flows() {
    let element = |kind, content| {
        Inline::Element(InlineElement {
            kind,
            attrs: Vec::new(),
            content,
        })
    };
    let text = |t: &str| Inline::Text(t.to_owned());
    let seg = Seg(vec![
        element(InlineKind::Bpt, vec![text("<b>")]),
        text("Click "),
        element(
            InlineKind::Ph,
            vec![
                text("<img alt=\""),
                element(
                    InlineKind::Sub,
                    vec![text("Start "), element(InlineKind::Hi, vec![text("here")])],
                ),
                text("\">"),
            ],
        ),
        text(" to "),
        element(InlineKind::Hi, vec![text("start")]),
        element(InlineKind::Other("g".into()), vec![text("!")]),
        element(InlineKind::Ept, vec![text("</b>")]),
    ]);
    assert_eq!(seg.plain_text(), "Click  to start!");
    assert_eq!(seg.sub_flows(), ["Start here"]);
    assert!(seg.has_markup());
    assert!(!Seg::text("x").has_markup());
    assert_eq!(Seg::text(""), Seg::default());
}

#[test]
fn normalize_joins_texts_at_every_level() {
    let mut seg = Seg(vec![
        Inline::Text("a".into()),
        Inline::Text(String::new()),
        Inline::Text("b".into()),
        Inline::Element(InlineElement {
            kind: InlineKind::Hi,
            attrs: vec![Attr::new("type", "t"), Attr::new("x", "1")],
            content: vec![Inline::Text("c".into()), Inline::Text("d".into())],
        }),
    ]);
    let mut canonical = seg.clone();
    seg.normalize();
    assert_eq!(seg.0[0], Inline::Text("ab".into()));
    let Inline::Element(hi) = &seg.0[1] else {
        panic!()
    };
    assert_eq!(hi.content, vec![Inline::Text("cd".into())]);
    assert_eq!(hi.attrs[0].name, "type", "normalize keeps attribute order");
    canonical.canonicalize();
    let Inline::Element(hi) = &canonical.0[1] else {
        panic!()
    };
    assert_eq!(hi.attrs[0].name, "x", "canonicalize sorts attributes");
}

#[test]
fn attributes_and_props() {
    let mut tu = Tu::default();
    tu.set_attr("tuid", "1");
    tu.set_attr("tuid", "2");
    tu.attrs.push(Attr::new("tuid", "3"));
    assert_eq!(tu.attr("tuid"), Some("2"));
    assert_eq!(tu.remove_attr("tuid").as_deref(), Some("2"));
    assert_eq!(tu.attr("tuid"), None);
    tu.meta = vec![
        Meta::Prop(Prop::new("x-Context", "a")),
        Meta::Prop(Prop::new("x-Context", "b")),
        Meta::Prop(Prop {
            attrs: vec![Attr::new("name", "n")],
            value: "c".into(),
        }),
    ];
    assert_eq!(tu.props("x-Context").collect::<Vec<_>>(), ["a", "b"]);
    tu.set_prop("x-Context", "z");
    tu.set_prop("x-status", "ok");
    assert_eq!(tu.props("x-Context").collect::<Vec<_>>(), ["z", "b"]);
    assert_eq!(tu.prop("x-status"), Some("ok"));
    assert_eq!(tu.notes().count(), 0);
    let vi = Tuv::with_text(&"vi-VN".parse().unwrap(), "Xin chào");
    assert_eq!(vi.attr("xml:lang"), Some("vi-VN"));
    assert_eq!(vi.seg.plain_text(), "Xin chào");
}

#[test]
fn one_rule_of_language_matching() {
    use crate::text::lang::{LangMatch, best_lang_match, lang_match, parse_lang};
    let rank = |candidate: &str, wanted: &str| {
        lang_match(
            &parse_lang(candidate).unwrap(),
            &parse_lang(wanted).unwrap(),
        )
    };
    assert_eq!(rank("EN_us", "en-US"), Some(LangMatch::Exact));
    assert_eq!(rank("en", "en-US"), Some(LangMatch::Bare));
    assert_eq!(rank("en-GB", "en-US"), Some(LangMatch::SameLanguage));
    assert_eq!(rank("en-US", "en"), Some(LangMatch::SameLanguage));
    assert_eq!(rank("fr", "en"), None);
    let candidates = ["fr", "en-GB", "en", "en-US", "nonsense!"].map(parse_lang);
    assert_eq!(best_lang_match(candidates.clone(), &lang("en-US")), Some(3));
    assert_eq!(best_lang_match(candidates.clone(), &lang("en-AU")), Some(2));
    assert_eq!(
        best_lang_match(candidates[..2].to_vec(), &lang("en")),
        Some(1)
    );
    assert_eq!(best_lang_match(candidates, &lang("de")), None);
}

#[test]
fn to_tmx14_writes_xml_lang_keeping_the_spelling_and_any_conflict() {
    let mut tu = Tu {
        attrs: Vec::new(),
        meta: vec![Meta::Note(crate::tmx::Note {
            attrs: vec![Attr::new("lang", "EN")],
            value: "n".into(),
        })],
        tuvs: vec![
            tuv("lang", "EN-US", "a"),
            Tuv {
                attrs: vec![Attr::new("xml:lang", "vi"), Attr::new("lang", "VI")],
                meta: Vec::new(),
                seg: Seg::text("b"),
            },
            Tuv {
                attrs: vec![Attr::new("lang", "fr"), Attr::new("xml:lang", "vi")],
                meta: Vec::new(),
                seg: Seg::text("c"),
            },
        ],
    };
    assert!(tu.needs_tmx14());
    tu.to_tmx14();
    assert!(!tu.needs_tmx14());
    assert_eq!(tu.tuvs[0].attrs, [Attr::new("xml:lang", "EN-US")]);
    assert_eq!(tu.tuvs[1].attrs, [Attr::new("xml:lang", "vi")]);
    assert_eq!(tu.tuvs[2].attrs, [Attr::new("xml:lang", "vi")]);
    assert_eq!(
        tu.tuvs[2].prop(crate::tmx::CONFLICTING_LANG_PROP),
        Some("fr")
    );
    let Meta::Note(note) = &tu.meta[0] else {
        panic!("a note");
    };
    assert_eq!(note.attrs, [Attr::new("xml:lang", "EN")]);
    let again = tu.clone();
    tu.to_tmx14();
    assert_eq!(tu, again, "idempotent");
}
