//! Reader behaviour beyond the test plan: positions, spans, partial results, structure,
//! limits, streaming across buffer boundaries.

use super::{HEADER, codes, doc, fatal, read, tu, utf16};
use crate::tmx::{
    ErrorKind, Inline, InlineKind, Limits, Meta, Node, ReadOptions, Severity, TmxReader, parse_tu,
    read_all, read_tu_at, write_all,
};

fn read_with(bytes: &[u8], limits: Limits) -> Result<usize, crate::tmx::TmxError> {
    let mut reader = TmxReader::from_reader("test.tmx", bytes, ReadOptions { limits })?;
    let mut count = 0;
    while reader.next_tu()?.is_some() {
        count += 1;
    }
    Ok(count)
}

#[test]
fn records_have_positions_and_spans_that_read_back() {
    let body = format!(
        "  {}\n\t{}\n",
        tu("One", "Một"),
        tu("Two <ph x=\"1\"/>", "Hai")
    );
    let bytes = [&[0xEF, 0xBB, 0xBF][..], doc(&body).as_bytes()].concat();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("spans.tmx");
    std::fs::write(&path, &bytes).unwrap();

    let mut reader = TmxReader::open(&path).unwrap();
    assert_eq!(reader.encoding().to_string(), "UTF-8 (BOM)");
    let first = reader.next_tu().unwrap().unwrap();
    let second = reader.next_tu().unwrap().unwrap();
    assert!(reader.next_tu().unwrap().is_none());
    assert_eq!((first.index, first.line, first.column), (0, 5, 3));
    assert_eq!((second.index, second.line, second.column), (1, 6, 2));
    for record in [&first, &second] {
        let span = record.span.clone().unwrap();
        let slice = &bytes[span.start as usize..span.end as usize];
        assert!(slice.starts_with(b"<tu>") && slice.ends_with(b"</tu>"));
        assert_eq!(read_tu_at(&path, span.clone()).unwrap(), record.tu);
        assert_eq!(parse_tu(&path, slice, span.start).unwrap(), record.tu);
    }
}

#[test]
fn utf16_positions_are_those_of_the_decoded_text() {
    let body = format!("{}\n  {}", tu("Tiếng 𝐀", "x"), tu("b", "y"));
    let text = doc(&body).replacen("UTF-8", "UTF-16", 1);
    let utf8: Vec<(usize, usize)> = {
        let mut reader = TmxReader::from_bytes("a.tmx", text.as_bytes()).unwrap();
        std::iter::from_fn(|| reader.next_tu().unwrap())
            .map(|r| (r.line, r.column))
            .collect()
    };
    for big_endian in [false, true] {
        let bytes = utf16(&text, true, big_endian);
        let mut reader = TmxReader::from_bytes("a.tmx", &bytes).unwrap();
        let records: Vec<_> = std::iter::from_fn(|| reader.next_tu().unwrap()).collect();
        let positions: Vec<(usize, usize)> = records.iter().map(|r| (r.line, r.column)).collect();
        assert_eq!(positions, utf8);
        assert_eq!(positions, [(5, 1), (6, 3)]);
        assert!(
            records.iter().all(|r| r.span.is_none()),
            "no spans outside UTF-8"
        );
    }
    // An error after an astral character and a Vietnamese word: columns count characters.
    let bad = doc(&tu("Tiếng 𝐀\u{1}", "x")).replacen("UTF-8", "UTF-16", 1);
    let error = fatal(&utf16(&bad, true, false));
    assert_eq!((error.line, error.column), (5, 36));
    assert_eq!(error.offset, None);
    let error = fatal(bad.as_bytes());
    assert_eq!((error.line, error.column), (5, 36));
}

#[test]
fn damaged_tus_are_skipped_and_reading_goes_on() {
    let damaged = [
        ("<tu/>", "tu-without-tuv"),
        (
            "<tu tuid=\"t1\"><prop type=\"x\">v</prop></tu>",
            "tu-without-tuv",
        ),
        ("<tu><tuv><seg>x</seg></tuv></tu>", "tuv-without-lang"),
        ("<tu><tuv xml:lang=\"en\"></tuv></tu>", "tuv-without-seg"),
        (
            "<tu><tuv xml:lang=\"en\"><seg>a</seg><seg>b</seg></tuv></tu>",
            "tuv-two-segs",
        ),
        (
            "<tu>stray<tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>",
            "text-in-tu",
        ),
        (
            "<tu><tuv xml:lang=\"en\"><prop type=\"a\">x<b/></prop><seg>a</seg></tuv></tu>",
            "element-in-meta",
        ),
        (
            "<tu><custom/><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>",
            "unknown-element",
        ),
        (
            "<tu><tuv xml:lang=\"en\"><seg>a<tuv xml:lang=\"x\"/></seg></tuv></tu>",
            "misplaced-element",
        ),
        ("<tu><seg>a</seg></tu>", "misplaced-element"),
    ];
    let mut body = String::new();
    for (i, (bad, _)) in damaged.iter().enumerate() {
        body.push_str(&tu(&format!("good {i}"), "tốt"));
        body.push('\n');
        body.push_str(bad);
        body.push('\n');
    }
    body.push_str(&tu("last", "cuối"));
    let text = doc(&body);
    let mut reader = TmxReader::from_bytes("t.tmx", text.as_bytes()).unwrap();
    let records: Vec<_> = std::iter::from_fn(|| reader.next_tu().unwrap()).collect();
    assert_eq!(records.len(), damaged.len() + 1);
    let indices: Vec<usize> = records.iter().map(|r| r.index).collect();
    assert_eq!(
        indices,
        (0..=damaged.len()).map(|i| 2 * i).collect::<Vec<_>>()
    );
    assert_eq!(records.last().unwrap().tu.tuvs[1].seg.plain_text(), "cuối");
    let problems = reader.problems();
    let expected: Vec<&str> = damaged.iter().map(|(_, code)| *code).collect();
    assert_eq!(codes(problems), expected);
    for (i, problem) in problems.iter().enumerate() {
        assert_eq!(problem.severity, Severity::Error);
        assert_eq!(problem.tu_index, Some(2 * i + 1));
        assert_eq!(problem.line, 6 + 2 * i, "{problem}");
    }
    assert_eq!(problems[1].tuid.as_deref(), Some("t1"));
}

#[test]
fn unknown_elements_in_seg_are_kept_with_a_warning() {
    let (tmx, problems) =
        read(doc(&tu("a <g id=\"1\">bold</g> <x id=\"2\"/>", "b")).as_bytes()).unwrap();
    assert_eq!(codes(&problems), ["unknown-element", "unknown-element"]);
    let content = &tmx.tus[0].tuvs[0].seg.0;
    let Inline::Element(g) = &content[1] else {
        panic!()
    };
    assert_eq!(g.kind, InlineKind::Other("g".into()));
    assert_eq!(tmx.tus[0].tuvs[0].seg.plain_text(), "a bold ");
    let (again, _) = read(&write_all(Vec::new(), &tmx).unwrap()).unwrap();
    assert_eq!(again, tmx.canonical());
}

#[test]
fn header_keeps_meta_order_ude_and_unknown_children() {
    let header = "<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"block\" o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" datatype=\"html\" ex:flag=\"on\">\n  <prop type=\"a\">1</prop>\n  <!-- c -->\n  <ude name=\"MacRoman\" base=\"Macintosh\">\n   <map unicode=\"#xF8FF\" code=\"#xF0\" ent=\"AppleLogo\" subst=\"[Apple]\"/>\n  </ude>\n  <note>n1</note>\n  <prop type=\"a\">2</prop>\n  <ext:thing k=\"v\">t<i/></ext:thing>\n</header>";
    let text = doc(&tu("a", "b")).replace(HEADER, header);
    let (tmx, problems) = read(text.as_bytes()).unwrap();
    assert_eq!(codes(&problems), ["unknown-element"]);
    let h = &tmx.header;
    assert_eq!(h.attr("ex:flag"), Some("on"));
    let kinds: Vec<String> = h
        .meta
        .iter()
        .map(|m| match m {
            Meta::Prop(p) => format!("prop {}", p.value),
            Meta::Note(n) => format!("note {}", n.value),
        })
        .collect();
    assert_eq!(kinds, ["prop 1", "note n1", "prop 2"]);
    assert_eq!(h.props("a").collect::<Vec<_>>(), ["1", "2"]);
    assert_eq!(h.extra.len(), 2);
    assert_eq!(h.extra[0].name, "ude");
    assert!(
        matches!(&h.extra[0].children[1], Node::Element(map) if map.name == "map" && map.attrs.len() == 4)
    );
    assert_eq!(h.extra[1].children.len(), 2);
    let (again, _) = read(&write_all(Vec::new(), &tmx).unwrap()).unwrap();
    assert_eq!(again, tmx.canonical());
}

#[test]
fn comments_and_pis_inside_a_segment_join_the_text() {
    let (tmx, _) = read(doc(&tu("a<!-- x -->b<?pi y?>c&amp;d", "e")).as_bytes()).unwrap();
    assert_eq!(tmx.tus[0].tuvs[0].seg.0, vec![Inline::Text("abc&d".into())]);
}

#[test]
fn prolog_and_root_variants() {
    // No declaration, single quotes, a PI and comments before the root.
    let text = format!(
        "<?xml-stylesheet href='a.css'?><!-- x -->\n<tmx version='1.4'>{HEADER}<body>{}</body></tmx>",
        tu("a", "b")
    );
    let (tmx, problems) = read(text.as_bytes()).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(tmx.tus.len(), 1);

    let (tmx, problems) = read(b"<tmx version=\"1.4\"/>").unwrap();
    assert_eq!((tmx.tus.len(), codes(&problems)), (0, vec!["missing-body"]));
    let (_, problems) = read(b"<tmx><body/></tmx>").unwrap();
    assert_eq!(codes(&problems), ["missing-version", "missing-header"]);
    let (_, problems) =
        read(format!("<tmx version=\"2.0\">{HEADER}<body></body></tmx>").as_bytes()).unwrap();
    assert_eq!(codes(&problems), ["unknown-version"]);
    let (tmx, problems) =
        read(format!("<tmx version=\"1.4\" xmlns:ex=\"urn:x\">{HEADER}</tmx>").as_bytes()).unwrap();
    assert_eq!(codes(&problems), ["missing-body"]);
    assert_eq!(tmx.attrs, vec![crate::tmx::Attr::new("xmlns:ex", "urn:x")]);

    let error = fatal(
        format!(" <?xml version=\"1.0\"?><tmx version=\"1.4\">{HEADER}<body/></tmx>").as_bytes(),
    );
    assert!(
        matches!(error.kind, ErrorKind::MisplacedDeclaration),
        "{error}"
    );
    let error =
        fatal(format!("<!doctype tmx><tmx version=\"1.4\">{HEADER}<body/></tmx>").as_bytes());
    assert!(matches!(error.kind, ErrorKind::DoctypeCase), "{error}");
    let error = fatal(b"text<tmx/>");
    assert!(matches!(error.kind, ErrorKind::TextBeforeRoot), "{error}");
    let error = fatal(b"<?xml version=\"1.0\" encoding=\"klingon-8\"?><tmx/>");
    assert!(
        matches!(error.kind, ErrorKind::UnsupportedEncoding(_)),
        "{error}"
    );
    let error = fatal(b"<?xml encoding=\"UTF-8\"?><tmx/>");
    assert!(
        matches!(error.kind, ErrorKind::BadDeclaration(_)),
        "{error}"
    );
}

#[test]
fn structure_problems_outside_tus() {
    let body = format!("stray\n<foo><tu/></foo>\n{}\n<bar/>", tu("a", "b"));
    let text = doc(&body).replace("</body>", "</body><after/>");
    let (tmx, problems) = read(text.as_bytes()).unwrap();
    assert_eq!(tmx.tus.len(), 1);
    assert_eq!(
        codes(&problems),
        [
            "text-in-body",
            "unexpected-element",
            "unexpected-element",
            "unexpected-element"
        ]
    );
    assert!(
        problems
            .iter()
            .all(|p| p.severity == Severity::Error && p.tu_index.is_none())
    );
    assert_eq!(
        problems[1].message,
        "unexpected `<foo>` in `<body>`, skipped"
    );
    assert_eq!(
        problems[3].message,
        "unexpected `<after>` in `<tmx>`, skipped"
    );
}

#[test]
fn source_language_checks() {
    // The TU's srclang overrides the header's (LISA ImportTest1K).
    let body = "<tu srclang=\"de-de\"><tuv xml:lang=\"de-DE\"><seg>a</seg></tuv><tuv xml:lang=\"en-gb\"><seg>b</seg></tuv></tu>\n<tu><tuv xml:lang=\"fr\"><seg>c</seg></tuv></tu>";
    let (tmx, problems) = read(doc(body).as_bytes()).unwrap();
    assert_eq!(codes(&problems), ["missing-source-tuv"]);
    assert_eq!((problems[0].tu_index, problems[0].line), (Some(1), 6));
    let source = tmx.tus[0].source_tuv(&tmx.header).unwrap();
    assert_eq!(source.seg.plain_text(), "a");
}

#[test]
fn attribute_checks_are_warnings() {
    let body = "<tu creationdate=\"2024-01-01\" usagecount=\"many\"><tuv xml:lang=\"en\" lang=\"fr\"><seg>a</seg></tuv><tuv xml:lang=\"e!\"><seg>b</seg></tuv></tu>";
    let (tmx, problems) = read(doc(body).as_bytes()).unwrap();
    assert_eq!(
        codes(&problems),
        ["bad-date", "bad-usagecount", "conflicting-lang", "bad-lang"]
    );
    assert_eq!(tmx.tus[0].attr("creationdate"), Some("2024-01-01"));
}

#[test]
fn limits_are_named() {
    let big = doc(&[tu("aaaa", "b"), tu("c", "d"), tu("e", "f")].join("\n"));
    let bytes = big.as_bytes();
    let check = |limits: Limits, name: &str| {
        let error = read_with(bytes, limits).unwrap_err();
        assert!(
            matches!(error.kind, ErrorKind::Limit { limit, .. } if limit == name),
            "{error}"
        );
        assert!(error.to_string().contains(&format!("`{name}`")), "{error}");
    };
    check(
        Limits {
            max_tus: 2,
            ..Limits::default()
        },
        "max_tus",
    );
    check(
        Limits {
            max_tuvs: 1,
            ..Limits::default()
        },
        "max_tuvs",
    );
    check(
        Limits {
            max_text_len: 3,
            ..Limits::default()
        },
        "max_text_len",
    );
    check(
        Limits {
            max_attrs: 0,
            ..Limits::default()
        },
        "max_attrs",
    );
    check(
        Limits {
            max_depth: 4,
            ..Limits::default()
        },
        "max_depth",
    );
    check(
        Limits {
            max_file_bytes: 100,
            ..Limits::default()
        },
        "max_file_bytes",
    );
    let with_prop = big.replace(
        HEADER,
        &HEADER.replace("/>", "><prop type=\"p\">v</prop></header>"),
    );
    let error = read_with(
        with_prop.as_bytes(),
        Limits {
            max_header_items: 0,
            ..Limits::default()
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            error.kind,
            ErrorKind::Limit {
                limit: "max_header_items",
                ..
            }
        ),
        "{error}"
    );
    let inline = doc(&tu("<ph/><ph/><ph/>", "x"));
    let error = read_with(
        inline.as_bytes(),
        Limits {
            max_inline: 2,
            ..Limits::default()
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            error.kind,
            ErrorKind::Limit {
                limit: "max_inline",
                ..
            }
        ),
        "{error}"
    );
    let long = doc(&tu(&"x".repeat(600_000), "y"));
    let error = read_with(
        long.as_bytes(),
        Limits {
            max_element_bytes: 100_000,
            ..Limits::default()
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            error.kind,
            ErrorKind::Limit {
                limit: "max_element_bytes",
                ..
            }
        ),
        "{error}"
    );
    assert_eq!(read_with(long.as_bytes(), Limits::default()).unwrap(), 1);
}

/// Many TUs: the window is refilled and compacted many times, mid-TU and mid-character.
#[test]
fn streaming_across_buffer_boundaries() {
    let count = 20_000;
    let body: Vec<String> = (0..count)
        .map(|i| format!("<tu tuid=\"{i}\">\n  <tuv xml:lang=\"en\"><seg>Unit {i} <bpt i=\"1\">&lt;b&gt;</bpt>bold<ept i=\"1\">&lt;/b&gt;</ept></seg></tuv>\n  <tuv xml:lang=\"vi\"><seg>Đơn vị {i} đậm 𝐀</seg></tuv>\n</tu>"))
        .collect();
    let text = doc(&body.join("\n"));
    for encoding in ["UTF-8", "UTF-16LE", "UTF-16BE"] {
        let bytes = match encoding {
            "UTF-8" => text.clone().into_bytes(),
            "UTF-16LE" => utf16(&text.replacen("UTF-8", "UTF-16", 1), true, false),
            _ => utf16(&text.replacen("UTF-8", "UTF-16", 1), true, true),
        };
        let mut reader = TmxReader::from_bytes("big.tmx", &bytes).unwrap();
        let mut n = 0;
        while let Some(record) = reader.next_tu().unwrap() {
            assert_eq!(record.line, 5 + 4 * n);
            assert_eq!(record.tu.attr("tuid"), Some(n.to_string().as_str()));
            assert_eq!(
                record.tu.tuvs[1].seg.plain_text(),
                format!("Đơn vị {n} đậm 𝐀")
            );
            if let Some(span) = &record.span {
                assert!(bytes[span.start as usize..span.end as usize].starts_with(b"<tu tuid="));
            }
            n += 1;
        }
        assert_eq!(n, count, "{encoding}");
        assert!(
            reader.problems().is_empty(),
            "{:?}",
            &reader.problems()[..1]
        );
    }
}

#[test]
fn parse_tu_wants_exactly_one_tu() {
    let path = std::path::Path::new("x.tmx");
    let error = parse_tu(path, b"<tuv xml:lang=\"en\"><seg>a</seg></tuv>", 100).unwrap_err();
    assert!(matches!(error.kind, ErrorKind::NotATu(_)), "{error}");
    assert_eq!(error.offset, Some(100));
    let error = parse_tu(path, b"<tu><tuv><seg>a</seg></tuv></tu>", 7).unwrap_err();
    assert!(
        matches!(&error.kind, ErrorKind::DamagedTu(m) if m.contains("xml:lang")),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        "`x.tmx`: at byte 7: damaged `<tu>`: `<tuv>` without `xml:lang` (or `lang`); the TU is skipped"
    );
    let error = parse_tu(
        path,
        b"<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu><tu/>",
        0,
    )
    .unwrap_err();
    assert!(matches!(error.kind, ErrorKind::AfterRoot(_)), "{error}");
    assert!(parse_tu(path, b"", 0).is_err());
}

#[test]
fn legacy_vietnamese_encoding() {
    // windows-1258 writes ế as `e` + combining acute (0xEA 0xEC): decoding keeps that form.
    let text = doc(&tu("Vietnamese", "TI\u{CA}\u{301}NG")).replacen("UTF-8", "windows-1258", 1);
    let mut bytes = Vec::new();
    for c in text.chars() {
        match c {
            '\u{CA}' => bytes.push(0xCA),
            '\u{301}' => bytes.push(0xEC),
            c => bytes.push(c as u8),
        }
    }
    let reader = TmxReader::from_bytes("vn.tmx", &bytes).unwrap();
    assert_eq!(reader.encoding().name(), "windows-1258");
    let (tmx, problems) = reader.read_to_end().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(tmx.tus[0].tuvs[1].seg.plain_text(), "TI\u{CA}\u{301}NG");
}

#[test]
fn reading_a_missing_file_names_it() {
    let error = read_all(std::path::Path::new("/nonexistent/dir/x.tmx")).unwrap_err();
    assert!(matches!(error.kind, ErrorKind::Io(_)), "{error}");
    assert_eq!((error.line, error.column), (0, 0));
    assert!(
        error
            .to_string()
            .starts_with("`/nonexistent/dir/x.tmx`: cannot read the file")
    );
}

#[test]
fn the_reader_is_an_iterator() {
    let text = doc(&[tu("a", "b"), tu("c", "d")].join("\n"));
    let reader = TmxReader::from_bytes("i.tmx", text.as_bytes()).unwrap();
    let tuids: Vec<usize> = reader.map(|r| r.unwrap().index).collect();
    assert_eq!(tuids, [0, 1]);
}

#[test]
fn the_source_variant_is_found_by_the_lookup_rule_of_language_matching() {
    let body = "<tu><tuv xml:lang=\"en-US\"><seg>a</seg></tuv><tuv xml:lang=\"vi-VN\"><seg>b</seg></tuv></tu>\n\
                <tu><tuv xml:lang=\"EN_gb\"><seg>a</seg></tuv></tu>\n\
                <tu srclang=\"en-US\"><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu>\n\
                <tu><tuv xml:lang=\"fr\"><seg>a</seg></tuv></tu>\n";
    let (tmx, problems) = read(doc(body).as_bytes()).unwrap();
    assert_eq!(tmx.tus.len(), 4);
    // Only the French TU lacks an English variant.
    assert_eq!(codes(&problems), ["missing-source-tuv"]);
    assert_eq!(problems[0].line, 8);
}

#[test]
fn namespace_declarations_of_body_and_seg_move_up_and_the_rest_is_reported() {
    let text = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\" xmlns:a=\"urn:a\">\n".to_owned()
        + HEADER
        + "\n<body xmlns:b=\"urn:b\" xmlns:a=\"urn:other\" id=\"x\">\n\
           <tu b:k=\"1\"><tuv xml:lang=\"en\"><seg xmlns:s=\"urn:s\" lang=\"en\"><ph s:t=\"1\"/>a</seg></tuv></tu>\n\
           </body>\n</tmx>\n";
    let (tmx, problems) = read(text.as_bytes()).unwrap();
    let names: Vec<&str> = tmx.attrs.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["xmlns:a", "xmlns:b"]);
    assert_eq!(tmx.attrs[0].value, "urn:a", "the root's binding stays");
    assert_eq!(tmx.tus[0].tuvs[0].attr("xmlns:s"), Some("urn:s"));
    assert_eq!(codes(&problems), ["body-attrs", "seg-attrs"]);
    assert!(
        problems[0].message.contains("`xmlns:a`") && problems[0].message.contains("`id`"),
        "{}",
        problems[0].message
    );
    assert!(problems[1].message.contains("`lang`"));
    // What the writer makes of it reads back the same.
    let written = write_all(Vec::new(), &tmx).unwrap();
    let (again, _) = read(&written).unwrap();
    assert_eq!(again, tmx.canonical());
}
