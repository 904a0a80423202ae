//! `songngu status` and `songngu tm docs` through the real binary, on a copy of the
//! bundled example: exact counts, JSON Lines read back with the documented schema,
//! Vietnamese output, exit codes.

use std::path::Path;

use songngu::flow::status::{ArticleStatus, TotalRecord};
use songngu::flow::tm::docs::{DocUnits, DocsTotalRecord};

use crate::common::*;

const DOC: &str = "seed-2019-11-28";

/// A project in `dir` (a copy of the bundled memory, both editions of the article), its
/// memory brought up to date with the revision by `update`, as the project's day does.
fn revised_project(dir: &Path) {
    std::fs::copy(root().join("tmx/seed.tmx"), dir.join("seed.tmx")).unwrap();
    for name in ["seed.en.txt", "seed.v2.en.txt"] {
        std::fs::copy(root().join("examples").join(name), dir.join(name)).unwrap();
    }
    let article = format!("{DOC}=seed.v2.en.txt");
    let (code, out) = run_in(dir, &["init", "--article", &article, "--tm", "seed.tmx"]);
    assert_eq!(code, 0, "{out}");
    let (code, out) = run_in(dir, &["update", "seed.v2.en.txt", "--doc", DOC]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn status_counts_the_revision_in_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    revised_project(dir.path());
    let (code, stdout, stderr) = run_in_apart(dir.path(), &["status", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    let article: ArticleStatus = serde_json::from_str(lines[0]).unwrap();
    let total: TotalRecord = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(article.doc, DOC);
    assert!(article.article.ends_with("seed.v2.en.txt"));
    let c = &article.counts;
    assert_eq!((c.units, c.current, c.stale, c.missing), (22, 17, 3, 2));
    // The deleted sentence's TU was retired by the update: no orphan is left to tell.
    assert_eq!(c.orphaned, 0);
    // The bundled memory has one alignment the aligner doubted.
    assert_eq!((c.translated, c.needs_review, c.reviewed), (16, 1, 0));
    assert_eq!(
        c.last_change.as_ref().unwrap().by.as_deref(),
        Some("songngu")
    );
    assert_eq!(total.total.articles, 1);
    assert_eq!(&total.total.counts, c);
}

#[test]
fn status_speaks_english_and_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    revised_project(dir.path());
    let (code, stdout, _) = run_in_apart(dir.path(), &["status", "seed.v2.en.txt"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains(
            "22 units: 17 current (16 translated, 1 needing review, 0 reviewed), 3 stale, 2 missing"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("0 orphaned; last change 2026-11-25 06:10 UTC by songngu"),
        "{stdout}"
    );
    assert!(stdout.contains("total of 1 article: 22 units"), "{stdout}");
    let output = songngu("vi")
        .current_dir(dir.path())
        .args(["status", "seed.v2.en.txt"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stdout.contains("22 câu: 17 khớp (16 đã dịch, 1 cần duyệt, 0 đã duyệt), 3 có bản dịch đã cũ, 2 chưa dịch"),
        "{stdout}"
    );
    assert!(
        stdout.contains("sửa lần cuối 06:10 (UTC) ngày 25/11/2026, do songngu"),
        "{stdout}"
    );
    assert!(stdout.contains("tổng cộng 1 bài"), "{stdout}");
}

#[test]
fn status_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    revised_project(dir.path());
    let (code, out) = run_in(dir.path(), &["status", "no-such.en.txt"]);
    assert_eq!(code, 2);
    assert!(out.contains("no-such.en.txt"), "{out}");
    let (code, out) = run_in(dir.path(), &["--no-config", "status", "--tm", "seed.tmx"]);
    assert_eq!(code, 2);
    assert!(out.contains("no articles"), "{out}");
}

#[test]
fn tm_docs_lists_the_documents_with_their_units() {
    let (code, stdout, stderr) =
        run_in_apart(root(), &["tm", "docs", "tmx/seed.tmx", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    let doc: DocUnits = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(
        (doc.doc.as_str(), doc.units, doc.translated, doc.added),
        (DOC, 21, 21, 0)
    );
    let total: DocsTotalRecord = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(
        (total.total.docs, total.total.units, total.total.without_doc),
        (1, 21, 0)
    );
    let (code, stdout, _) = run_in_apart(root(), &["tm", "docs", "tmx/seed.tmx"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        format!("{DOC}: 21 units, 21 translated\n`tmx/seed.tmx`: 1 document, 21 units\n")
    );
    let stdout = stdout_of(songngu("vi").args(["tm", "docs", "tmx/seed.tmx"]));
    assert!(
        stdout.contains(&format!("{DOC}: 21 câu, 21 đã dịch")),
        "{stdout}"
    );
}
