//! Lossless interchange (issue 11, items 4, 5, 13, 14, 15): `tm import` merges a newer copy
//! instead of replacing the project's TU, whitespace is content, TMX 1.4 output always has
//! `xml:lang`, language matching is one rule everywhere, namespace declarations survive;
//! and every TMX the project writes passes `tm validate` and the TMX 1.4 DTD.
mod common;
use common::*;

use std::path::Path;
use std::process::Command as Process;

use songngu::tmx::{self, Meta, Seg};

/// The public LISA TMX 1.4b DTD (see tests/fixtures/README.md).
const DTD: &str = "tests/fixtures/tmx14.dtd";

/// `xmllint --noout --dtdvalid` against the TMX 1.4 DTD: `None` (after a printed note) when
/// xmllint is not installed, else whether the file is valid: exit 0 and nothing on stderr
/// (libxml2 reports a missing `xml:lang` as a "validity warning" with exit 0).
#[allow(clippy::print_stderr)]
fn dtd_check(path: &Path) -> Option<Result<(), String>> {
    let output = match Process::new("xmllint")
        .arg("--noout")
        .arg("--dtdvalid")
        .arg(root().join(DTD))
        .arg(path)
        .output()
    {
        Ok(output) => output,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            eprintln!(
                "note: xmllint is not installed (apt-get install libxml2-utils); DTD check of {} skipped",
                path.display()
            );
            return None;
        }
        Err(error) => panic!("xmllint: {error}"),
    };
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    Some(if output.status.success() && stderr.trim().is_empty() {
        Ok(())
    } else {
        Err(format!("{}: {stderr}", output.status))
    })
}

fn assert_dtd_valid(path: &Path) {
    if let Some(Err(errors)) = dtd_check(path) {
        panic!(
            "{} fails the TMX 1.4 DTD: {errors}\n{}",
            path.display(),
            std::fs::read_to_string(path).unwrap_or_default()
        );
    }
}

/// `tm validate` exits 0: no problem at all, warnings included.
fn assert_validates(path: &Path) {
    let (code, text) = run_in(root(), &["tm", "validate", path.to_str().unwrap()]);
    assert_eq!(code, 0, "tm validate {}:\n{text}", path.display());
}

/// Every element and attribute prefix is declared where it is used (quick-xml's NsReader).
fn assert_namespace_well_formed(path: &Path) {
    use quick_xml::events::Event;
    use quick_xml::name::ResolveResult;
    let text = std::fs::read_to_string(path).expect("read");
    let mut reader = quick_xml::NsReader::from_str(&text);
    loop {
        let (resolved, event) = reader
            .read_resolved_event()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let element = match event {
            Event::Start(element) | Event::Empty(element) => element.into_owned(),
            Event::Eof => break,
            _ => continue,
        };
        let name = element.name().0.to_owned();
        assert!(
            !matches!(resolved, ResolveResult::Unknown(_)),
            "{}: element `{name}` has an undeclared prefix",
            path.display()
        );
        for attr in element.attributes() {
            let attr = attr.expect("attribute");
            let (resolved, _) = reader.resolver().resolve_attribute(attr.key);
            assert!(
                !matches!(resolved, ResolveResult::Unknown(_)),
                "{}: attribute `{}` of `{name}` has an undeclared prefix",
                path.display(),
                attr.key.0
            );
        }
    }
}

/// Everything a TMX 1.4 output must pass.
fn assert_good_tmx14(path: &Path) {
    assert_validates(path);
    assert_dtd_valid(path);
    assert_namespace_well_formed(path);
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains("<tmx version=\"1.4\""), "{text}");
    assert!(!text.contains(" lang=\""), "`lang` written:\n{text}");
}

/// A TMX document with the given header attributes and raw body.
fn tmx_with(version: &str, header: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"{version}\">\n<header creationtool=\"OmegaT\" creationtoolversion=\"4.2\" segtype=\"sentence\" o-tmf=\"OmegaT TMX\" adminlang=\"EN-US\" datatype=\"plaintext\" {header}/>\n<body>\n{body}</body>\n</tmx>\n"
    )
}

/// What `check` says of the memory `tm` for the bundled article: (missing, current).
fn check_counts(dir: &Path, tm: &Path) -> (usize, usize) {
    let output = songngu("en-US")
        .current_dir(dir)
        .arg("check")
        .arg(root().join(SEED_EN))
        .arg("--tm")
        .arg(tm)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let kinds: Vec<String> = json_lines(&stdout)
        .iter()
        .map(|value| value["kind"].as_str().unwrap_or_default().to_owned())
        .collect();
    let text = stdout_of(
        songngu("en-US")
            .current_dir(dir)
            .arg("check")
            .arg(root().join(SEED_EN))
            .arg("--tm")
            .arg(tm),
    );
    let current = text
        .split(" current")
        .next()
        .and_then(|head| head.rsplit(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count of current units in:\n{text}"));
    (kinds.iter().filter(|k| *k == "missing").count(), current)
}

// Item 4 ------------------------------------------------------------------------------------

/// The bundled memory goes through another tool, which drops songngu's props and the
/// `tuid`s, edits one translation and re-dates every TU; importing it back with keep-newest
/// merges: no unit goes missing, the edited translation is taken, the project's metadata
/// stays, the change is recorded with its author.
#[test]
fn keep_newest_merges_a_round_tripped_copy_into_the_project_tu() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let tm = d.join("seed.tmx");
    std::fs::copy(root().join("tmx/seed.tmx"), &tm).unwrap();
    assert_eq!(check_counts(d, &tm), (0, 21), "the bundled memory is whole");

    let exported = d.join("exported.tmx");
    let (code, text) = run_in(
        d,
        &[
            "tm",
            "export",
            tm.to_str().unwrap(),
            "-o",
            exported.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{text}");
    // The other tool's round trip.
    let (mut foreign, problems) = tmx::read_all(&exported).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    let edited_en = "November 28, 2019 | 11:12 am GMT+7";
    let edited_vi = "Ngày 28/11/2019 | 11:12 GMT+7";
    let mut original_tuid = None;
    for tu in &mut foreign.tus {
        let tuid = tu.remove_attr("tuid");
        tu.meta.retain(
            |m| !matches!(m, Meta::Prop(p) if p.kind().is_some_and(|k| k.starts_with("x-"))),
        );
        tu.set_attr("changedate", "20300101T000000Z");
        tu.set_attr("changeid", "omegat-user");
        tu.set_attr("usagecount", "2");
        if tu.tuvs[0].seg.plain_text() == edited_en {
            tu.tuvs[1].seg = Seg::text(edited_vi);
            original_tuid = tuid;
        }
    }
    let original_tuid = original_tuid.expect("the edited unit is in the memory");
    let foreign_path = d.join("round-trip.tmx");
    std::fs::write(&foreign_path, tmx::write_all(Vec::new(), &foreign).unwrap()).unwrap();

    let (code, text) = run_in(
        d,
        &[
            "tm",
            "import",
            foreign_path.to_str().unwrap(),
            "--into",
            tm.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let report: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(report["report"]["added"], 0, "{report}");
    assert_eq!(report["report"]["duplicates"], 21, "{report}");
    assert_eq!(report["report"]["replaced_older"], 21, "{report}");

    assert_eq!(check_counts(d, &tm), (0, 21), "no unit went missing");
    assert_eq!(count_tus_in(&tm), 21);
    let (memory, _) = tmx::read_all(&tm).unwrap();
    let edited = memory
        .tus
        .iter()
        .find(|tu| tu.tuvs[0].seg.plain_text() == edited_en)
        .unwrap();
    assert_eq!(edited.tuvs[1].seg.plain_text(), edited_vi, "the newer text");
    assert_eq!(edited.attr("tuid"), Some(original_tuid.as_str()));
    assert_eq!(edited.attr("changedate"), Some("20300101T000000Z"));
    assert_eq!(edited.attr("changeid"), Some("omegat-user"));
    assert_eq!(
        edited.attr("usagecount"),
        Some("2"),
        "foreign attributes kept"
    );
    for tu in &memory.tus {
        for prop in ["x-songngu-doc", "x-songngu-unit", "x-songngu-status"] {
            assert!(tu.prop(prop).is_some(), "{prop} lost: {tu:?}");
        }
        assert!(tu.attr("tuid").is_some() && tu.attr("creationid") == Some("songngu"));
        if tu.tuvs[0].seg.plain_text() != edited_en {
            // The same text: no change to record.
            assert_eq!(tu.attr("changeid"), Some("songngu"), "{tu:?}");
        }
    }
    assert_good_tmx14(&tm);

    // Importing the same file again changes nothing.
    let before = std::fs::read(&tm).unwrap();
    let (code, text) = run_in(
        d,
        &[
            "tm",
            "import",
            foreign_path.to_str().unwrap(),
            "--into",
            tm.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{text}");
    assert_eq!(std::fs::read(&tm).unwrap(), before);
}

/// A copy that is older than the project's TU is left out, and a copy with another
/// translation and no identity (no `tuid`, no creation stamp) is an alternative kept beside.
#[test]
fn keep_newest_leaves_older_copies_out_and_keeps_alternatives() {
    let (dir, tm) = temp_file("m.tmx", tmx_doc(&PAIRS[..1]).as_bytes());
    let (en, vi) = PAIRS[0];
    let body = format!(
        "<tu tuid=\"t1\" changedate=\"20200101T000000Z\"><tuv xml:lang=\"en\"><seg>{en}</seg></tuv><tuv xml:lang=\"vi\"><seg>Bản cũ.</seg></tuv></tu>\n\
         <tu changedate=\"20300101T000000Z\"><tuv xml:lang=\"en\"><seg>{en}</seg></tuv><tuv xml:lang=\"vi\"><seg>Bản khác.</seg></tuv></tu>\n"
    );
    let foreign = dir.path().join("f.tmx");
    std::fs::write(&foreign, tmx_with("1.4", "srclang=\"en\"", &body)).unwrap();
    let (code, text) = run_in(
        dir.path(),
        &[
            "tm",
            "import",
            foreign.to_str().unwrap(),
            "--into",
            tm.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let report: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(report["report"]["kept_existing"], 1, "{report}");
    assert_eq!(report["report"]["added"], 1, "{report}");
    let (memory, _) = tmx::read_all(&tm).unwrap();
    let targets: Vec<String> = memory
        .tus
        .iter()
        .map(|tu| tu.tuvs[1].seg.plain_text())
        .collect();
    assert_eq!(targets, [vi, "Bản khác."]);
}

// Item 5 ------------------------------------------------------------------------------------

/// Entries that differ only in whitespace (or Unicode form) are two entries: keep-newest
/// keeps both; only a byte-identical copy is a duplicate. Lookups still fold whitespace.
#[test]
fn keep_newest_keeps_entries_that_differ_only_in_whitespace() {
    let memory = tmx_with(
        "1.4",
        "srclang=\"en\"",
        "<tu changedate=\"20200101T000000Z\"><tuv xml:lang=\"en\"><seg>created directory %s\n</seg></tuv><tuv xml:lang=\"vi\"><seg>đã tạo thư mục %s\n</seg></tuv></tu>\n\
         <tu changedate=\"20200101T000000Z\"><tuv xml:lang=\"en\"><seg>Guests came.</seg></tuv><tuv xml:lang=\"vi\"><seg>Khách đến.</seg></tuv></tu>\n",
    );
    let (dir, tm) = temp_file("m.tmx", memory.as_bytes());
    let foreign = tmx_with(
        "1.4",
        "srclang=\"en\"",
        "<tu changedate=\"20300101T000000Z\"><tuv xml:lang=\"en\"><seg>created directory %s</seg></tuv><tuv xml:lang=\"vi\"><seg>đã tạo thư mục %s</seg></tuv></tu>\n\
         <tu changedate=\"20300101T000000Z\"><tuv xml:lang=\"en\"><seg>Guests came.</seg></tuv><tuv xml:lang=\"vi\"><seg>Kha\u{301}ch đến.</seg></tuv></tu>\n\
         <tu changedate=\"20100101T000000Z\"><tuv xml:lang=\"en\"><seg>Guests came.</seg></tuv><tuv xml:lang=\"vi\"><seg>Khách đến.</seg></tuv></tu>\n",
    );
    let foreign_path = dir.path().join("catalog.tmx");
    std::fs::write(&foreign_path, foreign).unwrap();
    let (code, text) = run_in(
        dir.path(),
        &[
            "tm",
            "import",
            foreign_path.to_str().unwrap(),
            "--into",
            tm.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let report: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(report["report"]["added"], 2, "{report}");
    assert_eq!(report["report"]["duplicates"], 1, "{report}");
    assert_eq!(report["report"]["kept_existing"], 1, "{report}");
    let (memory, _) = tmx::read_all(&tm).unwrap();
    let sources: Vec<String> = memory
        .tus
        .iter()
        .map(|tu| tu.tuvs[0].seg.plain_text())
        .collect();
    assert_eq!(
        sources,
        [
            "created directory %s\n",
            "Guests came.",
            "created directory %s",
            "Guests came."
        ],
        "both spellings of each entry are kept"
    );
    assert_eq!(memory.tus[3].tuvs[1].seg.plain_text(), "Kha\u{301}ch đến.");
    assert_good_tmx14(&tm);

    // Matching is not identity: an exact lookup still folds whitespace and finds both.
    let out = stdout_of(songngu("en").args(["tm", "lookup"]).arg(&tm).args([
        "created   directory %s",
        "--format",
        "json",
    ]));
    let line: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let scores: Vec<u64> = line["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["score"].as_u64().unwrap())
        .collect();
    assert_eq!(scores, [100, 100], "{line}");
}

// Item 13 -----------------------------------------------------------------------------------

/// OmegaT's `project_save.tmx` style (TMX 1.1, `<tuv lang="EN-US">`).
fn omegat_tmx11() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx11.dtd\">\n{}",
        tmx_with(
            "1.1",
            "srclang=\"EN-US\"",
            "<tu><tuv lang=\"EN-US\"><seg>Guests came.</seg></tuv><tuv lang=\"VI\" changeid=\"minh\" changedate=\"20240101T000000Z\"><seg>Khách đến.</seg></tuv></tu>\n\
             <tu><tuv lang=\"EN-US\"><seg>It rained.</seg></tuv><tuv lang=\"VI\"><prop lang=\"VI\" type=\"x-note\">n</prop><seg>Trời mưa.</seg></tuv></tu>\n\
             <tu><tuv xml:lang=\"en-US\" lang=\"EN-US\"><seg>Same twice.</seg></tuv><tuv xml:lang=\"vi\" lang=\"fr\"><seg>Hai lần.</seg></tuv></tu>\n",
        )
        .split_once('\n')
        .unwrap()
        .1
    )
}

#[test]
fn tmx11_convert_writes_xml_lang_never_lang() {
    let (dir, input) = temp_file("project_save.tmx", omegat_tmx11().as_bytes());
    let output = dir.path().join("out.tmx");
    let (code, text) = run_in(
        dir.path(),
        &[
            "tm",
            "convert",
            input.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{text}");
    let written = std::fs::read_to_string(&output).unwrap();
    assert!(
        written.contains("<tuv xml:lang=\"EN-US\">") && written.contains("xml:lang=\"VI\""),
        "the spelling is kept:\n{written}"
    );
    assert!(written.contains("<prop type=\"x-note\" xml:lang=\"VI\">n</prop>"));
    // `lang="fr"` beside `xml:lang="vi"` names another language: kept as a prop.
    assert!(
        written.contains("<prop type=\"x-songngu-lang\">fr</prop>"),
        "{written}"
    );
    assert_good_tmx14(&output);
    // Nothing else changed: the TUs read back as the input's, `lang` renamed.
    let (before, _) = tmx::read_all(&input).unwrap();
    let (after, _) = tmx::read_all(&output).unwrap();
    assert_eq!(after.tus.len(), before.tus.len());
    for (a, b) in after.tus.iter().zip(&before.tus) {
        let mut upgraded = b.clone();
        upgraded.to_tmx14();
        assert_eq!(*a, upgraded.canonical());
    }
}

#[test]
fn tmx11_import_writes_xml_lang_into_the_memory() {
    let (dir, input) = temp_file("project_save.tmx", omegat_tmx11().as_bytes());
    let tm = dir.path().join("tmx/memory.tmx");
    let (code, text) = run_in(
        dir.path(),
        &[
            "tm",
            "import",
            input.to_str().unwrap(),
            "--into",
            tm.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{text}");
    assert_good_tmx14(&tm);
    // And a memory that is itself a TMX 1.1 file is saved as TMX 1.4.
    let (dir, tm) = temp_file("project_save.tmx", omegat_tmx11().as_bytes());
    let extra = dir.path().join("extra.tmx");
    std::fs::write(&extra, tmx_doc(&PAIRS[..1])).unwrap();
    let (code, text) = run_in(
        dir.path(),
        &[
            "tm",
            "import",
            extra.to_str().unwrap(),
            "--into",
            tm.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{text}");
    assert_good_tmx14(&tm);
    assert_eq!(tmx::read_all(&tm).unwrap().0.tus.len(), 4);
}

// Item 14 -----------------------------------------------------------------------------------

/// An `en-US`/`vi-VN` file imported into an `en` memory: validation, lookup and import
/// agree that its TUs have the source language.
#[test]
fn regional_tags_match_the_memory_languages_in_validate_lookup_and_import() {
    let foreign = tmx_with(
        "1.4",
        "srclang=\"en-US\"",
        "<tu><tuv xml:lang=\"en-US\"><seg>The event attracted guests.</seg></tuv><tuv xml:lang=\"vi-VN\"><seg>Sự kiện thu hút khách mời.</seg></tuv></tu>\n\
         <tu><tuv xml:lang=\"EN_us\"><seg>Specific laws are needed.</seg></tuv><tuv xml:lang=\"VI\"><seg>Cần có các đạo luật cụ thể.</seg></tuv></tu>\n",
    );
    let (dir, input) = temp_file("regional.tmx", foreign.as_bytes());
    assert_validates(&input);
    let tm = dir.path().join("m.tmx");
    let (code, text) = run_in(
        dir.path(),
        &[
            "tm",
            "import",
            input.to_str().unwrap(),
            "--into",
            tm.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let report: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(report["report"]["without_pair"], 0, "{report}");
    // The memory's header says `en`; its TUs say `en-US`: that is the source language.
    let written = std::fs::read_to_string(&tm).unwrap();
    assert!(written.contains("srclang=\"en\""), "{written}");
    assert_good_tmx14(&tm);
    let out = stdout_of(songngu("en").args(["tm", "lookup"]).arg(&tm).args([
        "Specific laws are needed.",
        "--format",
        "json",
    ]));
    let line: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(
        line["matches"][0]["target"], "Cần có các đạo luật cụ thể.",
        "{line}"
    );
    // Another language is still another language.
    let french = tmx_with(
        "1.4",
        "srclang=\"en\"",
        "<tu><tuv xml:lang=\"fr\"><seg>Bonjour.</seg></tuv></tu>\n",
    );
    let (_dir, french) = temp_file("fr.tmx", french.as_bytes());
    let (code, text) = run_in(root(), &["tm", "validate", french.to_str().unwrap()]);
    assert_eq!(code, 1, "{text}");
    assert!(text.contains("source language"), "{text}");
}

// Item 15 -----------------------------------------------------------------------------------

/// Namespace declarations on `<tmx>`, `<body>`, `<tu>`, `<tuv>` and `<seg>` survive
/// `tm convert`, `tm import` and later saves, so the prefixed attributes stay declared.
#[test]
fn namespace_declarations_survive_convert_import_and_saves() {
    let input = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<tmx version=\"1.4\" xmlns:ex=\"http://example.com/ex\">\n\
<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\" ex:custom=\"h\" xmlns:h=\"http://example.com/h\" h:x=\"1\"><note ex:id=\"1\" xmlns:n=\"http://example.com/n\" n:y=\"2\">n</note></header>\n\
<body xmlns:bd=\"http://example.com/body\">\n\
<tu tuid=\"a\" bd:flag=\"on\" xmlns:tu=\"http://example.com/tu\" tu:x=\"1\"><tuv xml:lang=\"en\" ex:status=\"draft\"><seg>Guests came.</seg></tuv>\
<tuv xml:lang=\"vi\" xmlns:v=\"http://example.com/v\" v:state=\"final\"><seg xmlns:sg=\"http://example.com/seg\">Khách <ph sg:k=\"1\">x</ph>đến.</seg></tuv></tu>\n\
</body>\n</tmx>\n";
    let (dir, input_path) = temp_file("ns.tmx", input.as_bytes());
    assert_namespace_well_formed(&input_path);
    let converted = dir.path().join("converted.tmx");
    let (code, text) = run_in(
        dir.path(),
        &[
            "tm",
            "convert",
            input_path.to_str().unwrap(),
            "-o",
            converted.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{text}");
    assert_namespace_well_formed(&converted);
    let written = std::fs::read_to_string(&converted).unwrap();
    for declaration in [
        "xmlns:ex=\"http://example.com/ex\"",
        "xmlns:h=\"http://example.com/h\"",
        "xmlns:n=\"http://example.com/n\"",
        "xmlns:bd=\"http://example.com/body\"",
        "xmlns:tu=\"http://example.com/tu\"",
        "xmlns:v=\"http://example.com/v\"",
        "xmlns:sg=\"http://example.com/seg\"",
    ] {
        assert!(written.contains(declaration), "{declaration}:\n{written}");
    }
    assert_validates(&converted);

    // Imported into a memory, then saved again by another import.
    let tm = dir.path().join("m.tmx");
    for file in [&input_path, &converted] {
        let (code, text) = run_in(
            dir.path(),
            &[
                "tm",
                "import",
                file.to_str().unwrap(),
                "--into",
                tm.to_str().unwrap(),
            ],
        );
        assert_eq!(code, 0, "{text}");
        assert_namespace_well_formed(&tm);
    }
    let other = dir.path().join("other.tmx");
    std::fs::write(&other, tmx_doc(&PAIRS[..1])).unwrap();
    let (code, text) = run_in(
        dir.path(),
        &[
            "tm",
            "import",
            other.to_str().unwrap(),
            "--into",
            tm.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{text}");
    assert_namespace_well_formed(&tm);
    assert_validates(&tm);

    // A memory binding `ex` to another URI: the imported TUs declare their own.
    let clash = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
<tmx version=\"1.4\" xmlns:ex=\"http://example.com/other\">\n\
<header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n\
<body>\n<tu ex:mine=\"1\"><tuv xml:lang=\"en\"><seg>Mine.</seg></tuv><tuv xml:lang=\"vi\"><seg>Của tôi.</seg></tuv></tu>\n</body>\n</tmx>\n";
    let clash_tm = dir.path().join("clash.tmx");
    std::fs::write(&clash_tm, clash).unwrap();
    let (code, text) = run_in(
        dir.path(),
        &[
            "tm",
            "import",
            input_path.to_str().unwrap(),
            "--into",
            clash_tm.to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{text}");
    assert_namespace_well_formed(&clash_tm);
    let (memory, _) = tmx::read_all(&clash_tm).unwrap();
    assert_eq!(
        memory.tus[1].attr("xmlns:ex"),
        Some("http://example.com/ex")
    );
}

// Done when: everything the project writes --------------------------------------------------

/// Every TMX the main flows write passes `tm validate` (exit 0) and the TMX 1.4 DTD:
/// `align --into`, `update`, `translate`, `xliff import`, `tm import`, `tm convert`,
/// `tm export` and `export --to tmx`.
#[test]
fn every_tmx_the_project_writes_passes_validate_and_the_dtd() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in ["seed.en.txt", "seed.vi.txt", "seed.v2.en.txt"] {
        std::fs::copy(root().join("examples").join(f), d.join(f)).unwrap();
    }
    let tm = d.join("tmx/memory.tmx");
    let step = |args: &[&str], checked: &[&Path]| {
        let (code, text) = run_in(d, args);
        assert_eq!(code, 0, "{args:?}:\n{text}");
        for path in checked {
            assert_good_tmx14(path);
        }
    };
    step(
        &[
            "init",
            "--tm",
            "tmx/memory.tmx",
            "--article",
            "seed=seed.v2.en.txt",
        ],
        &[],
    );
    step(
        &[
            "align",
            "seed.en.txt",
            "seed.vi.txt",
            "--into",
            "tmx/memory.tmx",
            "--doc",
            "seed",
            "--format",
            "tsv",
        ],
        &[&tm],
    );
    step(&["update", "seed.v2.en.txt"], &[&tm]);
    let unit = songngu::segment::text_id("Conference on Responsible state behaviour in cyberspace");
    step(
        &[
            "translate",
            "seed.v2.en.txt",
            "--unit",
            &unit,
            "--vi",
            "Hội thảo về hành xử có trách nhiệm của quốc gia trên không gian mạng",
        ],
        &[&tm],
    );
    // An XLIFF round trip with one translation filled in.
    step(
        &[
            "xliff",
            "export",
            "seed.v2.en.txt",
            "-o",
            "work.xlf",
            "--xliff-version",
            "1.2",
        ],
        &[],
    );
    let xlf = std::fs::read_to_string(d.join("work.xlf")).unwrap();
    let filled = xlf.replacen(
        "</source>",
        "</source>\n        <target state=\"translated\">Bản dịch mới.</target>",
        1,
    );
    std::fs::write(d.join("work.xlf"), filled).unwrap();
    step(&["xliff", "import", "work.xlf"], &[&tm]);
    // Foreign files: TMX 1.1 from OmegaT, regional tags, namespaces.
    std::fs::write(d.join("omegat.tmx"), omegat_tmx11()).unwrap();
    std::fs::write(
        d.join("regional.tmx"),
        tmx_with(
            "1.4",
            "srclang=\"en-US\"",
            "<tu><tuv xml:lang=\"en-US\"><seg>The event attracted guests.</seg></tuv><tuv xml:lang=\"vi-VN\"><seg>Sự kiện thu hút khách mời.</seg></tuv></tu>\n",
        ),
    )
    .unwrap();
    for foreign in ["omegat.tmx", "regional.tmx"] {
        step(
            &["tm", "import", foreign, "--into", "tmx/memory.tmx"],
            &[&tm],
        );
    }
    let converted = d.join("converted.tmx");
    step(
        &["tm", "convert", "omegat.tmx", "-o", "converted.tmx"],
        &[&converted],
    );
    let exported = d.join("exported.tmx");
    step(
        &["tm", "export", "tmx/memory.tmx", "-o", "exported.tmx"],
        &[&exported],
    );
    let document = d.join("document.tmx");
    step(
        &[
            "tm",
            "export",
            "tmx/memory.tmx",
            "-o",
            "document.tmx",
            "--doc",
            "seed",
        ],
        &[&document],
    );
    let release = d.join("release.tmx");
    step(
        &[
            "export",
            "seed.v2.en.txt",
            "--to",
            "tmx",
            "-o",
            "release.tmx",
            "--allow-drift",
        ],
        &[&release],
    );
    assert!(count_tus_in(&release) > 0);
}

/// The DTD check itself notices an invalid file (so a passing check means something).
#[test]
fn the_dtd_check_rejects_a_tuv_without_xml_lang() {
    let bad = tmx_with(
        "1.4",
        "srclang=\"en\"",
        "<tu><tuv lang=\"en\"><seg>a</seg></tuv></tu>\n",
    );
    let (_dir, path) = temp_file("bad.tmx", bad.as_bytes());
    if let Some(result) = dtd_check(&path) {
        assert!(result.is_err(), "a `<tuv>` without `xml:lang` passed");
    }
}

/// Issue 12: TUs saved to a big memory's journal (here TMX 1.1 ones from OmegaT, with
/// `lang`) pass `tm validate` while journaled, and the TMX `tm compact` writes passes the
/// DTD like every other.
#[test]
fn a_compacted_journal_gives_a_tmx_that_passes_validate_and_the_dtd() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let tm = d.join("m.tmx");
    std::fs::write(&tm, big_memory(8_000)).unwrap();
    std::fs::write(d.join("project_save.tmx"), omegat_tmx11()).unwrap();
    let (code, text) = run_in(d, &["tm", "import", "project_save.tmx", "--into", "m.tmx"]);
    assert_eq!(code, 0, "{text}");
    assert!(d.join("m.tmx.journal").exists(), "journaled");
    assert!(
        !std::fs::read_to_string(&tm).unwrap().contains("Khách đến."),
        "not in the TMX yet"
    );
    assert_validates(&tm);
    let (code, text) = run_in(d, &["tm", "compact", "m.tmx"]);
    assert_eq!(code, 0, "{text}");
    assert!(!d.join("m.tmx.journal").exists());
    let written = std::fs::read_to_string(&tm).unwrap();
    assert!(
        written.contains("<prop type=\"x-songngu-lang\">fr</prop>")
            && written.contains("Khách đến."),
        "the TUs, upgraded to TMX 1.4"
    );
    assert_good_tmx14(&tm);
}

/// `tm export --for omegat` of a memory holding Markdown (OmegaT's tags in the text) is
/// TMX 1.4b all the same: `tm validate` and the DTD pass.
#[test]
fn the_omegat_memory_passes_validate_and_the_dtd() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in ["flood.en.md", "flood.vi.md"] {
        std::fs::copy(root().join("examples").join(f), d.join(f)).unwrap();
    }
    let run = |args: &[&str]| {
        let (code, text) = run_in(d, args);
        assert_eq!(code, 0, "{args:?}:\n{text}");
    };
    run(&["init", "--tm", "m.tmx", "--article", "flood=flood.en.md"]);
    run(&["align", "flood.en.md", "flood.vi.md", "--into", "m.tmx"]);
    run(&["tm", "export", "m.tmx", "--for", "omegat", "-o", "o.tmx"]);
    let written = std::fs::read_to_string(d.join("o.tmx")).unwrap();
    assert!(written.contains("&lt;f0&gt;"), "{written}");
    assert_good_tmx14(&d.join("o.tmx"));
}
