//! `songngu update`: pre-translation (issue 14, item 4) through the real binary. The
//! library side is in `tests/pretranslate.rs`.

use std::path::Path;

use songngu::segment::text_id;

use crate::common::*;

const MARKET: &str = "Gold prices rose sharply this morning. Stocks fell.";
const GOLD: &str = "Gold prices rose sharply this morning.";
const GOLD_VI: &str = "Giá vàng tăng mạnh trong phiên sáng nay.";
const FAIR: &str = "The fair opened today in Hanoi. Gold prices rose sharply this morning.";

/// A project (translator `lan`, memory `m.tmx`) with two articles: `market.en.txt`
/// (document `market`, its gold sentence translated as `gold_vi`) and `a.en.txt`
/// (document `fair`, nothing translated).
fn two_articles(gold_vi: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("market.en.txt"), format!("{MARKET}\n")).unwrap();
    std::fs::write(d.join("a.en.txt"), format!("{FAIR}\n")).unwrap();
    let (code, text) = run_in(
        d,
        &[
            "init",
            "--tm",
            "m.tmx",
            "--article",
            "market=market.en.txt",
            "--article",
            "fair=a.en.txt",
        ],
    );
    assert_eq!(code, 0, "{text}");
    translate(d, "market.en.txt", GOLD, gold_vi);
    dir
}

fn translate(d: &Path, article: &str, en: &str, vi: &str) {
    let (code, text) = run_in(
        d,
        &["translate", article, "--unit", &text_id(en), "--vi", vi],
    );
    assert_eq!(code, 0, "{text}");
}

/// The `<tu>` element of the TU `doc/unit` in `m.tmx`, if any.
fn tu_block(d: &Path, doc: &str, unit: &str) -> Option<String> {
    let text = std::fs::read_to_string(d.join("m.tmx")).unwrap();
    let wanted = format!("tuid=\"{doc}/{unit}\"");
    text.split("<tu ")
        .skip(1)
        .find(|b| b.starts_with(&wanted))
        .map(|b| b[..b.find("</tu>").expect("closed")].to_owned())
}

fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text.lines().next().expect("a line")).expect("JSON")
}

#[test]
fn update_pretranslate_fills_an_exact_match_from_another_document_as_needs_review() {
    let dir = two_articles(GOLD_VI);
    let d = dir.path();
    let (code, text) = run_in(d, &["update", "a.en.txt", "--pretranslate"]);
    assert_eq!(code, 0, "{text}");
    let gold = text_id(GOLD);
    assert!(
        text.contains(&format!(
            "pre-translated from market/{gold} (to review) [{gold}] {GOLD}"
        )) && text.contains("1 missing")
            && text.contains("1 unit pre-translated from the memory, stored as `needs-review`"),
        "{text}"
    );
    let block = tu_block(d, "fair", &gold).expect("a TU for the unit");
    assert!(
        block.contains(&format!("<seg>{GOLD_VI}</seg>"))
            && block.contains("x-songngu-status\">needs-review<")
            && block.contains("x-songngu-origin\">exact-match<")
            && block.contains(&format!("x-songngu-origin-from\">market/{gold}<"))
            && block.contains("changeid=\"lan\""),
        "{block}"
    );
    assert!(!block.contains(">reviewed<") && !block.contains(">translated<"));
}

#[test]
fn update_pretranslate_reports_in_json_and_in_vietnamese() {
    let dir = two_articles(GOLD_VI);
    let d = dir.path();
    let out = songngu("vi")
        .current_dir(d)
        .env("SONGNGU_USER", "lan")
        .args(["update", "a.en.txt", "--pretranslate"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("đã dịch sẵn từ market/") && text.contains("Đã dịch sẵn 1 đơn vị từ bộ nhớ"),
        "{text}"
    );
    // Again: nothing left to fill, the copy is carried over like any translation.
    let (code, stdout, _) = run_in_apart(d, &["update", "a.en.txt", "--pretranslate", "--json"]);
    assert_eq!(code, 0);
    let report = json(&stdout);
    assert_eq!(report["pretranslated"], 0, "{report}");
    assert_eq!(report["carried"], 1, "{report}");
    assert_eq!(report["missing"], 1, "{report}");
    assert_eq!(report["pretranslation_conflicts"], 0, "{report}");
}

#[test]
fn update_pretranslate_fills_a_repetition_within_the_article() {
    let dir = two_articles(GOLD_VI);
    let d = dir.path();
    // The headline repeated at the end of the article, translated where it first comes.
    std::fs::write(d.join("a.en.txt"), format!("{GOLD} {FAIR}\n")).unwrap();
    translate(d, "a.en.txt", GOLD, "Giá vàng tăng vọt sáng nay.");
    let (code, stdout, _) = run_in_apart(d, &["update", "a.en.txt", "--pretranslate", "--json"]);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(json(&stdout)["pretranslated"], 1, "{stdout}");
    let gold = text_id(GOLD);
    let block = tu_block(d, "fair", &format!("{gold}-2")).expect("the repetition's TU");
    assert!(
        block.contains("<seg>Giá vàng tăng vọt sáng nay.</seg>")
            && block.contains("x-songngu-origin\">repetition<")
            && block.contains(&format!("x-songngu-origin-from\">fair/{gold}<"))
            && block.contains("x-songngu-status\">needs-review<"),
        "the article's own translation, not the other document's: {block}"
    );
}

#[test]
fn update_pretranslate_takes_none_of_disagreeing_matches() {
    let dir = two_articles(GOLD_VI);
    let d = dir.path();
    // A third article translates the same English differently.
    std::fs::write(d.join("b.en.txt"), format!("{GOLD}\n")).unwrap();
    let (code, text) = run_in(
        d,
        &[
            "translate",
            "b.en.txt",
            "--doc",
            "economy",
            "--unit",
            &text_id(GOLD),
            "--vi",
            "Giá vàng tăng vọt sáng nay.",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let (code, text) = run_in(d, &["update", "a.en.txt", "--pretranslate"]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("missing (the memory has different translations)")
            && text.contains("No unit pre-translated")
            && text.contains(
                "1 unit left missing: the memory translates its English in different ways"
            ),
        "{text}"
    );
    assert!(tu_block(d, "fair", &text_id(GOLD)).is_none());
}

#[test]
fn update_fills_nothing_with_no_pretranslate() {
    let dir = two_articles(GOLD_VI);
    let d = dir.path();
    for args in [
        &["update", "a.en.txt", "--no-pretranslate", "--json"][..],
        &[
            "update",
            "a.en.txt",
            "--pretranslate",
            "--no-pretranslate",
            "--json",
        ],
    ] {
        let (code, stdout, _) = run_in_apart(d, args);
        assert_eq!(code, 0, "{stdout}");
        let report = json(&stdout);
        assert_eq!(
            (&report["pretranslated"], &report["missing"]),
            (&0.into(), &2.into()),
            "{args:?}: {report}"
        );
        assert!(tu_block(d, "fair", &text_id(GOLD)).is_none(), "{args:?}");
    }
    let (_, text) = run_in(d, &["update", "a.en.txt", "--no-pretranslate"]);
    assert!(!text.contains("pre-translated"), "{text}");
}

/// Issue 14: `update` fills units from exact matches unless told not to.
#[test]
fn update_pretranslates_by_default_as_with_the_flag() {
    let dir = two_articles(GOLD_VI);
    let d = dir.path();
    let (code, stdout, _) = run_in_apart(d, &["update", "a.en.txt", "--json"]);
    assert_eq!(code, 0, "{stdout}");
    let report = json(&stdout);
    assert_eq!(
        (&report["pretranslated"], &report["missing"]),
        (&1.into(), &1.into()),
        "{report}"
    );
    let block = tu_block(d, "fair", &text_id(GOLD)).expect("the copy's TU");
    assert!(
        block.contains("x-songngu-status\">needs-review<")
            && block.contains("x-songngu-origin\">exact-match<"),
        "{block}"
    );
}

#[test]
fn xliff_export_offers_the_agreed_exact_match_at_100() {
    let dir = two_articles(GOLD_VI);
    let d = dir.path();
    let (code, text) = run_in(
        d,
        &[
            "xliff",
            "export",
            "a.en.txt",
            "--xliff-version",
            "1.2",
            "-o",
            "w.xlf",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let file = std::fs::read_to_string(d.join("w.xlf")).unwrap();
    assert!(
        file.contains(&format!(
            "<target state=\"needs-translation\" state-qualifier=\"exact-match\">{GOLD_VI}</target>"
        )) && file.contains("match-quality=\"100\""),
        "{file}"
    );
}

#[test]
fn the_bundled_example_has_nothing_to_pretranslate() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in ["seed.en.txt", "seed.vi.txt", "seed.v2.en.txt"] {
        std::fs::copy(root().join("examples").join(f), d.join(f)).unwrap();
    }
    let steps: [&[&str]; 2] = [
        &["init", "--tm", "m.tmx", "--article", "seed=seed.v2.en.txt"],
        &[
            "align",
            "seed.en.txt",
            "seed.vi.txt",
            "--into",
            "m.tmx",
            "--doc",
            "seed",
            "--format",
            "tsv",
        ],
    ];
    for args in steps {
        let (code, text) = run_in(d, args);
        assert_eq!(code, 0, "{text}");
    }
    // The two new sentences of the revision were never translated anywhere: the counts
    // are those of `update` without pre-translation.
    let (code, stdout, _) =
        run_in_apart(d, &["update", "seed.v2.en.txt", "--pretranslate", "--json"]);
    assert_eq!(code, 0, "{stdout}");
    let report = json(&stdout);
    assert_eq!(
        (
            &report["carried"],
            &report["stale"],
            &report["missing"],
            &report["pretranslated"]
        ),
        (&17.into(), &3.into(), &2.into(), &0.into()),
        "{report}"
    );
}

/// Issue 14, item 2: on the bundled example, the `update` of the revision retires the TU
/// of the deleted sentence and lists it; `check` no longer does (unless
/// `--show-obsolete`), the TU stays in the memory and `tm lookup` offers it.
#[test]
fn update_retires_the_deleted_sentence_of_the_bundled_revision_and_keeps_it() {
    const DELETED: &str =
        "Specific laws are needed to ensure the cyberspace is safe for all of us.";
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(root().join("tmx/seed.tmx"), d.join("seed.tmx")).unwrap();
    std::fs::copy(root().join("examples/seed.v2.en.txt"), d.join("v2.en.txt")).unwrap();
    let article = "seed-2019-11-28=v2.en.txt";
    let (code, text) = run_in(d, &["init", "--article", article, "--tm", "seed.tmx"]);
    assert_eq!(code, 0, "{text}");
    let tus = count_tus_in(&d.join("seed.tmx"));
    let orphaned = |extra: &[&str]| -> Vec<String> {
        let (_, records) = check_json(d, &[&["v2.en.txt"], extra].concat());
        records
            .into_iter()
            .filter(|r| r.kind.name() == "orphaned")
            .filter_map(|r| r.en)
            .collect()
    };
    assert_eq!(orphaned(&[]), [DELETED], "before the update");

    let (code, text) = run_in(d, &["update", "v2.en.txt"]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("1 orphaned (kept)") && text.contains("1 old translation retired"),
        "{text}"
    );
    let listed: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("  retired ["))
        .collect();
    assert_eq!(listed.len(), 1, "{text}");
    assert!(
        listed[0].ends_with("] Specific laws are needed to ensure the cyberspace is safe…"),
        "{text}"
    );

    assert_eq!(orphaned(&[]), Vec::<String>::new());
    assert_eq!(orphaned(&["--show-obsolete"]), [DELETED]);
    assert_eq!(count_tus_in(&d.join("seed.tmx")), tus);

    let (code, out, err) = run_in_apart(
        d,
        &[
            "tm",
            "lookup",
            "Specific laws are needed to ensure the cyberspace is safe for everyone.",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let line = &json_lines(&out)[0];
    let offered = line["matches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["source"] == DELETED)
        .unwrap_or_else(|| panic!("{out}"));
    assert!(offered["score"].as_u64().unwrap() < 100, "{out}");
    assert!(
        offered["target"]
            .as_str()
            .unwrap()
            .starts_with("Cần có các đạo luật cụ thể"),
        "{out}"
    );

    let (code, text) = run_in(d, &["update", "v2.en.txt", "--json"]);
    assert_eq!(code, 0, "{text}");
    assert_eq!(json_lines(&text)[0]["retired"], 0, "retired once");
}

/// Issue 14: under `--lang vi`, the old translation the update retired is listed with the
/// Vietnamese label and its English, then counted in Vietnamese.
#[test]
fn update_lists_the_retired_unit_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::copy(root().join("tmx/seed.tmx"), d.join("seed.tmx")).unwrap();
    let v2 = root().join("examples/seed.v2.en.txt");
    let output = songngu("en-US")
        .current_dir(d)
        .args(["--lang", "vi", "update", "--tm", "seed.tmx"])
        .args(["--doc", "seed-2019-11-28"])
        .arg(&v2)
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{text}");
    let deleted =
        text_id("Specific laws are needed to ensure the cyberspace is safe for all of us.");
    let line = format!(
        "\n  đã ngừng dùng [{deleted}] Specific laws are needed to ensure the cyberspace is safe…\n\
         Đã cho 1 bản dịch cũ ngừng dùng: vẫn lưu trong bộ nhớ và vẫn dùng làm gợi ý khớp mờ, \
         nhưng `check` và `export` không liệt kê nữa (xem lại bằng `--show-obsolete`)\n"
    );
    assert!(text.contains(&line), "{text}");
}
