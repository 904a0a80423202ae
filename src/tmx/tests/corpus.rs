//! Conformance over the real-world corpus in `../shared/tmx-corpus/` (third-party files,
//! read in place, never copied into the project): TU and language counts from its
//! MANIFEST.md, the problems each file gives, and read → write → read equality.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::tmx::{Severity, Tmx, read_all, read_all_bytes, write_all};

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
