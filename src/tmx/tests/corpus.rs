//! Conformance over the real-world corpus in `../shared/tmx-corpus/` (third-party files,
//! read in place, never copied into the project): TU and language counts from its
//! MANIFEST.md, the problems each file gives, read → write → read equality, and what
//! `tm convert` makes of each file: TMX 1.4 that keeps all content, is
//! namespace-well-formed and, when xmllint is installed, valid against the TMX 1.4 DTD
//! (`tests/fixtures/tmx14.dtd`) unless the input carries something the DTD cannot express.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::tmx::{Severity, Tmx, TmxReader, read_all, read_all_bytes, write_all};

/// The corpus folder; `None` (after a notice) for developers without `../shared`, a
/// failure on CI.
#[allow(clippy::print_stderr)]
fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tmx-corpus");
    if dir.join("MANIFEST.md").is_file() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "the TMX corpus is missing at {} (CI must have it)",
        dir.display()
    );
    eprintln!(
        "notice: {} not found; TMX corpus tests skipped",
        dir.display()
    );
    None
}

/// What MANIFEST.md says of one file.
#[derive(Debug, Default)]
struct Expected {
    tus: usize,
    /// Language tag as written → number of tuvs.
    langs: BTreeMap<String, usize>,
}

fn manifest(dir: &Path) -> BTreeMap<String, Expected> {
    let text = std::fs::read_to_string(dir.join("MANIFEST.md")).unwrap();
    let mut files = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            current = Some(name.trim().to_owned());
            continue;
        }
        let (Some(name), Some(rest)) = (&current, line.strip_prefix("- Languages (tuv counts): "))
        else {
            continue;
        };
        let (langs, tus) = rest.rsplit_once("; TUs: ").unwrap();
        let mut expected = Expected {
            tus: tus.trim().parse().unwrap(),
            ..Expected::default()
        };
        for pair in langs.split(", ").filter(|p| p.contains('×')) {
            let (lang, count) = pair.rsplit_once('×').unwrap();
            expected
                .langs
                .insert(lang.to_owned(), count.parse().unwrap());
        }
        files.insert(name.clone(), expected);
    }
    files
}

fn lang_counts(tmx: &Tmx) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for tu in &tmx.tus {
        for tuv in &tu.tuvs {
            *counts
                .entry(tuv.lang_raw().unwrap().to_owned())
                .or_default() += 1;
        }
    }
    counts
}

#[test]
#[allow(clippy::print_stderr)]
fn corpus_counts_and_round_trip() {
    let Some(dir) = corpus_dir() else {
        return;
    };
    let expected = manifest(&dir);
    assert_eq!(expected.len(), 39, "MANIFEST lists 39 files");
    for (name, want) in &expected {
        let path = dir.join(name);
        super::differential::assert_same_both_ways(&std::fs::read(&path).unwrap());
        let (tmx, problems) = read_all(&path).unwrap_or_else(|e| panic!("{e}"));
        let mut codes: BTreeMap<&str, usize> = BTreeMap::new();
        for p in &problems {
            *codes.entry(p.code).or_default() += 1;
        }
        eprintln!("{name}: {codes:?}");
        for p in &problems {
            eprintln!("    {p}");
        }
        assert_eq!(tmx.tus.len(), want.tus, "{name}: TU count");
        assert_eq!(lang_counts(&tmx), want.langs, "{name}: tuv languages");
        assert!(
            problems.iter().all(|p| p.severity == Severity::Warning),
            "{name}: {problems:?}"
        );

        let written = write_all(Vec::new(), &tmx).unwrap();
        let (again, _) = read_all_bytes("written.tmx", &written).unwrap();
        assert_eq!(again, tmx.canonical(), "{name}: read → write → read");
        let rewritten = write_all(Vec::new(), &again).unwrap();
        assert_eq!(rewritten, written, "{name}: the writer is deterministic");
    }
}

/// Corpus files whose content the TMX 1.4 DTD cannot express, so their conversion cannot
/// be DTD-valid without dropping it (MANIFEST.md lists them as DTD-invalid inputs too).
const NOT_DTD_EXPRESSIBLE: [(&str, &str); 4] = [
    (
        "hypomnema-1.0_namespaces-foreign-attrs.tmx",
        "attributes in a foreign namespace (`ex:status`)",
    ),
    (
        "trados-tw4win-7_html_test_utf16le-badattr.tmx",
        "`<prop type2=...>` without `type`",
    ),
    (
        "unknown-tool_weblate-test_header-missing-required.tmx",
        "a header without required attributes",
    ),
    (
        "zanata-export_prop-name-srclang-all.tmx",
        "`<prop name=...>` without `type`",
    ),
];

/// `xmllint --noout --dtdvalid tmx14.dtd path`: `None` when xmllint is not installed, else
/// whether the file is valid (exit 0 and nothing on stderr: libxml2 reports a missing
/// `xml:lang` as a "validity warning" with exit 0).
fn dtd_valid(path: &Path) -> Option<Result<(), String>> {
    let dtd = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tmx14.dtd");
    let output = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--dtdvalid")
        .arg(dtd)
        .arg(path)
        .output()
        .ok()?;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    Some(if output.status.success() && stderr.trim().is_empty() {
        Ok(())
    } else {
        Err(stderr)
    })
}

/// Every prefix of every element and attribute is declared where it is used.
fn namespace_well_formed(bytes: &[u8]) -> Result<(), String> {
    use quick_xml::events::Event;
    use quick_xml::name::ResolveResult;
    let text = std::str::from_utf8(bytes).map_err(|e| e.to_string())?;
    let mut reader = quick_xml::NsReader::from_str(text);
    loop {
        let (resolved, event) = reader.read_resolved_event().map_err(|e| e.to_string())?;
        let element = match event {
            Event::Start(element) | Event::Empty(element) => element.into_owned(),
            Event::Eof => return Ok(()),
            _ => continue,
        };
        if let ResolveResult::Unknown(prefix) = resolved {
            return Err(format!("element prefix `{prefix}` undeclared"));
        }
        for attr in element.attributes() {
            let attr = attr.map_err(|e| e.to_string())?;
            if let (ResolveResult::Unknown(prefix), _) =
                reader.resolver().resolve_attribute(attr.key)
            {
                return Err(format!("attribute prefix `{prefix}` undeclared"));
            }
        }
    }
}

/// What `tm convert` does (the same library call): every corpus file becomes TMX 1.4 that
/// reads back with all its content (TUs, header, namespace declarations; `lang` renamed
/// `xml:lang`), passes the DTD and is namespace-well-formed.
#[test]
#[allow(clippy::print_stderr)]
fn corpus_converts_to_valid_tmx14_keeping_all_content() {
    let Some(dir) = corpus_dir() else {
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let mut dtd_checked = 0;
    for name in manifest(&dir).keys() {
        let input = dir.join(name);
        let mut reader = TmxReader::open(&input).unwrap();
        let header = reader.header().clone();
        let mut tus = Vec::new();
        while let Some(record) = reader.next_tu().unwrap() {
            tus.push(record.tu);
        }
        let root_attrs = reader.root_attrs().to_vec();
        let output = out.path().join(name);
        crate::memory::write::write_tmx_atomic(&output, None, &root_attrs, &header, &tus)
            .unwrap_or_else(|e| panic!("{name}: {e}"));

        let mut expected = Tmx {
            version: "1.4".into(),
            doctype: None,
            attrs: root_attrs,
            header,
            tus,
        };
        expected.header.to_tmx14();
        for tu in &mut expected.tus {
            tu.to_tmx14();
        }
        let (again, _) = read_all(&output).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(again, expected.canonical(), "{name}: read → convert → read");
        let bytes = std::fs::read(&output).unwrap();
        assert!(
            !String::from_utf8_lossy(&bytes).contains(" lang=\""),
            "{name}: `lang` written"
        );
        if let Err(error) = namespace_well_formed(&bytes) {
            panic!("{name}: not namespace-well-formed: {error}");
        }
        let Some(valid) = dtd_valid(&output) else {
            continue;
        };
        dtd_checked += 1;
        match NOT_DTD_EXPRESSIBLE.iter().find(|(file, _)| file == name) {
            None => {
                if let Err(errors) = valid {
                    panic!("{name}: the conversion fails the TMX 1.4 DTD:\n{errors}");
                }
            }
            Some((_, why)) => {
                assert!(
                    valid.is_err(),
                    "{name} now converts to DTD-valid TMX: take it off NOT_DTD_EXPRESSIBLE"
                );
                eprintln!("{name}: not DTD-valid, as expected: {why}");
            }
        }
    }
    if dtd_checked == 0 {
        eprintln!("note: xmllint is not installed; the DTD check of the corpus was skipped");
    }
}
