//! Issue 10, item 1: the memory's word lexicon never learns from the document being
//! aligned. A memory that already holds the article would otherwise teach the aligner the
//! article's own stored alignment, and aligning it again would confirm that alignment
//! instead of judging it: `align --into` a second time changed the confidences it stored,
//! and `check --vi` of a project article checked the memory's alignment against itself.

mod common;

use std::path::Path;

use common::{ALIGN_FIXTURES, json_lines, root, songngu};

/// `align --segmented EN VI --into m.tmx --doc DOC --format json` in `dir`, which must
/// succeed: its links as `(en, vi, confidence)`, and its stderr.
fn align_into(dir: &Path, name: &str, doc: &str) -> (Vec<serde_json::Value>, String) {
    let fixture = |side: &str| root().join(format!("{ALIGN_FIXTURES}/{name}.{side}.txt"));
    let output = songngu("en")
        .current_dir(dir)
        .args(["--no-config", "align", "--segmented", "--format", "json"])
        .arg(fixture("en"))
        .arg(fixture("vi"))
        .args(["--into", "m.tmx", "--doc", doc, "--user", "editor"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let links = json_lines(&String::from_utf8(output.stdout).expect("UTF-8"))
        .iter()
        .map(|record| serde_json::json!([record["en"], record["vi"], record["confidence"]]))
        .collect();
    (links, stderr)
}

#[test]
fn align_into_the_same_document_again_aligns_it_as_the_first_time() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Another article in the memory: its words still help.
    align_into(dir.path(), "digital-economy", "economy");
    let (first, _) = align_into(dir.path(), "cyber-drill", "drill");
    let (again, stderr) = align_into(dir.path(), "cyber-drill", "drill");
    assert_eq!(again, first);
    assert!(stderr.contains("0 pairs added, 0 updated"), "{stderr}");
}

/// `check a.en.txt --vi a.vi.txt --format json` in the project in `dir`: exit code and
/// stdout.
fn check_vi(dir: &Path) -> (i32, String) {
    let output = songngu("en")
        .current_dir(dir)
        .args(["check", "a.en.txt", "--vi", "a.vi.txt", "--format", "json"])
        .output()
        .expect("runs");
    (
        output.status.code().expect("exit code"),
        String::from_utf8(output.stdout).expect("UTF-8"),
    )
}

/// `align a.en.txt a.vi.txt --into m.tmx` in the project in `dir` (the project names the
/// document), which must succeed.
fn align_article_into(dir: &Path) {
    let output = songngu("en")
        .current_dir(dir)
        .args([
            "align", "a.en.txt", "a.vi.txt", "--into", "m.tmx", "--format", "tsv",
        ])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
}

/// Each article with defects planted in its Vietnamese (tests/fixtures/align), checked in
/// a project whose memory holds another article, then with the article itself stored as
/// aligned: its own TUs must not vouch for the alignment, so the report stays the same.
#[test]
fn check_vi_of_a_project_article_the_memory_holds_reports_as_without_it() {
    for name in ["flood-relief", "imf-outlook"] {
        let dir = tempfile::tempdir().expect("tempdir");
        let fixture = |file: &str| root().join(format!("{ALIGN_FIXTURES}/{name}.{file}"));
        std::fs::copy(fixture("en.article.txt"), dir.path().join("a.en.txt")).expect("copy");
        std::fs::copy(fixture("defects.vi.txt"), dir.path().join("a.vi.txt")).expect("copy");
        std::fs::write(
            dir.path().join("songngu.toml"),
            "memory = [\"m.tmx\"]\n\n[[article]]\npath = \"a.en.txt\"\ndoc = \"a\"\n",
        )
        .expect("write");
        align_into(dir.path(), "digital-economy", "economy");
        let before = check_vi(dir.path());
        assert_eq!(before.0, 1, "{name}: the planted defects are found");
        align_article_into(dir.path());
        assert_eq!(check_vi(dir.path()), before, "{name}");
    }
}
