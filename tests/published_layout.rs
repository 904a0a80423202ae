//! Issue 10: an article aligned into a fresh memory exports its published Vietnamese byte
//! for byte. The memory records what only the Vietnamese has (an editor's addition, a 0-1
//! link) and where its paragraphs differ from the English's; `check` places them without
//! findings, `export --to vi` rebuilds the published article, and `update` and XLIFF
//! round trips keep them.

mod common;

use std::path::{Path, PathBuf};

use common::{json_lines, songngu};

fn run(dir: &Path, args: &[&str]) -> std::process::Output {
    songngu("en")
        .current_dir(dir)
        .arg("--no-config")
        .args(args)
        .output()
        .unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// Writes `a.en.txt` and `a.vi.txt`, aligns them into a fresh `m.tmx` (document `a`).
fn aligned(en: &str, vi: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.en.txt"), en).unwrap();
    std::fs::write(dir.path().join("a.vi.txt"), vi).unwrap();
    ok(
        dir.path(),
        &[
            "align", "a.en.txt", "a.vi.txt", "--into", "m.tmx", "--doc", "a",
        ],
    );
    dir
}

fn export_vi(dir: &Path) -> String {
    ok(
        dir,
        &[
            "export", "a.en.txt", "--tm", "m.tmx", "--doc", "a", "--to", "vi", "-o", "out.txt",
        ],
    );
    std::fs::read_to_string(dir.join("out.txt")).unwrap()
}

fn check_json(dir: &Path) -> (i32, Vec<serde_json::Value>) {
    let out = run(
        dir,
        &[
            "check", "a.en.txt", "--tm", "m.tmx", "--doc", "a", "--format", "json",
        ],
    );
    let records = json_lines(&String::from_utf8(out.stdout).unwrap());
    (out.status.code().unwrap(), records)
}

const EN: &str = "The ministry opened the forum on 12 May in Hanoi. More than 300 firms from 25 provinces took part.\n\nThe minister spoke about data in 2024. She urged 150 firms to publish reports by 30 June.\n\nThe forum ends on 14 May with 40 talks.\n";
/// The Vietnamese adds an editor's note of its own, splits the second English paragraph,
/// joins the third to it and ends with a sentence of its own.
const VI: &str = "Bộ đã khai mạc diễn đàn ngày 12/5 tại Hà Nội. Hơn 300 doanh nghiệp từ 25 tỉnh thành đã tham dự.\n\nGhi chú của Ban biên tập: bài viết được cập nhật.\n\nBộ trưởng phát biểu về dữ liệu năm 2024.\n\nBà kêu gọi 150 doanh nghiệp công bố báo cáo trước ngày 30/6. Diễn đàn kết thúc ngày 14/5 với 40 phiên thảo luận. Đây là lần thứ ba diễn đàn được tổ chức.\n";

#[test]
fn additions_and_the_vietnamese_paragraphs_are_exported_as_published() {
    let dir = aligned(EN, VI);
    let (code, records) = check_json(dir.path());
    // The editor published the additions: no finding at all.
    assert_eq!(code, 0, "{records:#?}");
    assert!(records.is_empty(), "{records:#?}");
    assert_eq!(export_vi(dir.path()), VI);
}

#[test]
fn the_check_tells_the_editor_of_the_additions_in_its_summary() {
    let dir = aligned(EN, VI);
    let text = ok(
        dir.path(),
        &["check", "a.en.txt", "--tm", "m.tmx", "--doc", "a"],
    );
    assert!(
        text.contains("the Vietnamese also has 2 sentences of the editor's"),
        "{text}"
    );
}

#[test]
fn an_addition_is_a_tu_of_the_vietnamese_alone_and_no_lookup_offers_it() {
    let dir = aligned(EN, VI);
    let tmx = std::fs::read_to_string(dir.path().join("m.tmx")).unwrap();
    let additions: Vec<&str> = tmx
        .split("<tu ")
        .filter(|tu| tu.contains("<prop type=\"x-songngu-status\">added</prop>"))
        .collect();
    assert_eq!(additions.len(), 2, "{tmx}");
    for tu in &additions {
        // No English variant, empty or otherwise; the Vietnamese is the TU's source.
        assert!(!tu.contains("xml:lang=\"en\""), "{tu}");
        assert!(tu.contains("srclang=\"vi\""), "{tu}");
        assert!(
            tu.contains("x-songngu-after") || tu.contains("x-songngu-before"),
            "{tu}"
        );
    }
    // The layout notes: a break inside the second English paragraph, none before the
    // third.
    assert!(tmx.contains("<prop type=\"x-songngu-vi-paragraph\">new</prop>"));
    assert!(tmx.contains("<prop type=\"x-songngu-vi-paragraph\">same</prop>"));
    // An empty English text matches nothing.
    let lookup = ok(dir.path(), &["tm", "lookup", "m.tmx", "Ghi chú"]);
    assert!(!lookup.contains("Ban biên tập"), "{lookup}");
    // Valid TMX 1.4 where xmllint is installed (as tests/interchange.rs checks).
    let dtd = common::root().join("tests/fixtures/tmx14.dtd");
    if let Ok(out) = std::process::Command::new("xmllint")
        .arg("--noout")
        .arg("--dtdvalid")
        .arg(&dtd)
        .arg(dir.path().join("m.tmx"))
        .output()
    {
        assert!(out.status.success(), "{out:?}");
    }
}

#[test]
fn re_running_align_into_on_the_same_pair_changes_nothing_byte_for_byte() {
    let dir = aligned(EN, VI);
    let first = std::fs::read(dir.path().join("m.tmx")).unwrap();
    ok(
        dir.path(),
        &[
            "align", "a.en.txt", "a.vi.txt", "--into", "m.tmx", "--doc", "a",
        ],
    );
    assert_eq!(std::fs::read(dir.path().join("m.tmx")).unwrap(), first);
}

#[test]
fn a_unit_that_went_away_takes_its_layout_note_and_its_addition_is_kept_and_reported() {
    let dir = aligned(EN, VI);
    // The English drops the sentence the Vietnamese starts a paragraph with, and the one
    // the final addition follows.
    std::fs::write(
        dir.path().join("a.en.txt"),
        "The ministry opened the forum on 12 May in Hanoi. More than 300 firms from 25 provinces took part.\n\nThe minister spoke about data in 2024.\n",
    )
    .unwrap();
    let (code, records) = check_json(dir.path());
    assert_eq!(code, 0, "{records:#?}");
    let orphaned: Vec<&serde_json::Value> =
        records.iter().filter(|r| r["kind"] == "orphaned").collect();
    // Two English units gone, and the addition that followed the last of them.
    assert_eq!(orphaned.len(), 3, "{records:#?}");
    assert!(
        orphaned
            .iter()
            .any(|r| r["vi"] == "Đây là lần thứ ba diễn đàn được tổ chức."),
        "{records:#?}"
    );
    let out = export_vi(dir.path());
    assert_eq!(
        out,
        "Bộ đã khai mạc diễn đàn ngày 12/5 tại Hà Nội. Hơn 300 doanh nghiệp từ 25 tỉnh thành đã tham dự.\n\nGhi chú của Ban biên tập: bài viết được cập nhật.\n\nBộ trưởng phát biểu về dữ liệu năm 2024.\n"
    );
    // Nothing is lost from the memory.
    let tmx = std::fs::read_to_string(dir.path().join("m.tmx")).unwrap();
    assert!(tmx.contains("Đây là lần thứ ba diễn đàn được tổ chức."));
}

#[test]
fn update_and_an_xliff_round_trip_keep_the_additions() {
    let dir = aligned(EN, VI);
    ok(
        dir.path(),
        &["update", "a.en.txt", "--tm", "m.tmx", "--doc", "a"],
    );
    ok(
        dir.path(),
        &[
            "xliff", "export", "a.en.txt", "--tm", "m.tmx", "--doc", "a", "--all", "-o", "a.xlf",
        ],
    );
    ok(
        dir.path(),
        &[
            "xliff", "import", "a.xlf", "--en", "a.en.txt", "--tm", "m.tmx",
        ],
    );
    assert_eq!(export_vi(dir.path()), VI);
}

#[test]
fn every_evaluation_article_aligned_into_a_fresh_memory_exports_its_vietnamese_byte_for_byte() {
    let fixtures = common::root().join("tests/fixtures/align");
    let names = [
        "cyber-drill",
        "digital-economy",
        "postal-services",
        "public-wifi",
        "flood-relief",
        "imf-outlook",
        "rail-link",
        "school-meals",
    ];
    for name in names {
        let dir = tempfile::tempdir().unwrap();
        let file = |side: &str| -> PathBuf { fixtures.join(format!("{name}.{side}.article.txt")) };
        std::fs::copy(file("en"), dir.path().join("a.en.txt")).unwrap();
        std::fs::copy(file("vi"), dir.path().join("a.vi.txt")).unwrap();
        ok(
            dir.path(),
            &[
                "align", "a.en.txt", "a.vi.txt", "--into", "m.tmx", "--doc", "a",
            ],
        );
        let (code, records) = check_json(dir.path());
        assert_eq!(code, 0, "{name}: {records:#?}");
        // Only the gold's English-only notes, as `omitted` information.
        let english_only = std::fs::read_to_string(fixtures.join(format!("{name}.gold.tsv")))
            .unwrap()
            .lines()
            .filter(|l| !l.starts_with('#') && l.contains('\t'))
            .filter(|l| l.split('\t').nth(1).is_some_and(|v| v.trim().is_empty()))
            .count();
        let kinds: Vec<(&str, &str)> = records
            .iter()
            .map(|r| (r["kind"].as_str().unwrap(), r["severity"].as_str().unwrap()))
            .collect();
        assert_eq!(kinds, vec![("omitted", "info"); english_only], "{name}");
        ok(
            dir.path(),
            &[
                "export", "a.en.txt", "--tm", "m.tmx", "--doc", "a", "--to", "vi", "-o", "out.txt",
            ],
        );
        let exported = std::fs::read_to_string(dir.path().join("out.txt")).unwrap();
        let published = std::fs::read_to_string(file("vi")).unwrap();
        assert_eq!(exported, published, "{name}");
    }
}

#[test]
fn the_bilingual_formats_show_an_addition_as_a_row_with_an_empty_english_side() {
    let dir = aligned(EN, VI);
    let export = |to: &str, file: &str| {
        ok(
            dir.path(),
            &[
                "export", "a.en.txt", "--tm", "m.tmx", "--doc", "a", "--to", to, "-o", file,
            ],
        );
        std::fs::read_to_string(dir.path().join(file)).unwrap()
    };
    let md = export("bilingual-md", "out.md");
    // The note stands alone between the first paragraph's block and the second's.
    let note = md
        .find("> Ghi chú của Ban biên tập: bài viết được cập nhật.\n")
        .expect(&md);
    let first = md.find("> Bộ đã khai mạc").expect(&md);
    let second = md.find("The minister spoke").expect(&md);
    assert!(first < note && note < second, "{md}");
    assert!(md.contains("\n\n> Ghi chú"), "{md}");
    let html = export("bilingual-html", "out.html");
    assert!(
        html.contains("<div class=\"row added\">\n<div class=\"en\" lang=\"en\"></div>\n<div class=\"vi\" lang=\"vi\"><p>Đây là lần thứ ba diễn đàn được tổ chức.</p></div>"),
        "{html}"
    );
}

#[test]
fn a_released_tmx_keeps_the_additions_and_the_layout() {
    let dir = aligned(EN, VI);
    ok(
        dir.path(),
        &[
            "export", "a.en.txt", "--tm", "m.tmx", "--doc", "a", "--to", "tmx", "-o", "r.tmx",
        ],
    );
    let tmx = std::fs::read_to_string(dir.path().join("r.tmx")).unwrap();
    assert_eq!(tmx.matches(">added</prop>").count(), 2, "{tmx}");
    assert!(tmx.contains("<prop type=\"x-songngu-vi-paragraph\">same</prop>"));
    // Aligning the release's memory back gives the published article again.
    std::fs::copy(dir.path().join("r.tmx"), dir.path().join("m.tmx")).unwrap();
    assert_eq!(export_vi(dir.path()), VI);
}
