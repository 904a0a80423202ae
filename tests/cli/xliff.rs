//! `songngu xliff`: export of the units that need work, import of what the translator
//! changed.

use crate::common::*;

#[test]
fn xliff_import_refuses_units_whose_english_changed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a.en.txt"),
        "The fair opened today. It has 40 stands.\n",
    )
    .unwrap();
    let run = |args: &[&str]| songngu("en-US").current_dir(d).args(args).output().unwrap();
    assert!(
        run(&["init", "--tm", "m.tmx", "--article", "fair=a.en.txt"])
            .status
            .success()
    );
    assert!(
        run(&["translate", "a.en.txt", "--unit", "x", "--vi", "y"])
            .status
            .code()
            == Some(2)
    );
    // The first sentence is translated; the second needs work.
    let first = songngu::segment::text_id("The fair opened today.");
    let out = run(&[
        "translate",
        "a.en.txt",
        "--unit",
        &first,
        "--vi",
        "Hội chợ khai mạc hôm nay.",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&[
        "xliff",
        "export",
        "a.en.txt",
        "--doc",
        "fair",
        "-o",
        "a.xlf",
        "--xliff-version",
        "1.2",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut doc =
        songngu::xliff::read(&d.join("a.xlf"), &std::fs::read(d.join("a.xlf")).unwrap()).unwrap();
    assert_eq!(doc.units.len(), 1);
    for unit in &mut doc.units {
        unit.vi = Some(String::from("Hội chợ có 40 gian hàng."));
        unit.state = songngu::xliff::State::Translated;
    }
    let mut bytes = Vec::new();
    songngu::xliff::write(&doc, songngu::xliff::Version::V1_2, &mut bytes).unwrap();
    std::fs::write(d.join("a.xlf"), bytes).unwrap();
    // The English changes after the export: one unit no longer matches.
    std::fs::write(
        d.join("a.en.txt"),
        "The fair opened today. It has 45 stands.\n",
    )
    .unwrap();
    let out = run(&["xliff", "import", "a.xlf"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("0 translations stored") && text.contains("1 refused"),
        "{text}"
    );
    assert!(text.contains(&doc.units[0].id), "{text}");
}

/// Regression: stale units went out as `translated` with the old Vietnamese, so an
/// untouched file imported the outdated translations as current.
#[test]
fn xliff_import_stores_only_what_the_translator_changed() {
    for version in ["2.0", "1.2"] {
        let dir = fair_project("", "");
        let d = dir.path();
        revise_fair(d);
        let stale = songngu::segment::text_id("It has 45 stands from ten provinces.");
        let missing = songngu::segment::text_id("The fair opened today in Da Nang.");
        let (code, text) = run_in(
            d,
            &[
                "xliff",
                "export",
                "a.en.txt",
                "-o",
                "w.xlf",
                "--xliff-version",
                version,
            ],
        );
        assert_eq!(code, 0, "{text}");
        let bytes = std::fs::read(d.join("w.xlf")).unwrap();
        let doc = songngu::xliff::read(&d.join("w.xlf"), &bytes).unwrap();
        let ids: Vec<&str> = doc.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, [stale.as_str(), missing.as_str()], "{version}");
        for unit in &doc.units {
            assert_eq!(unit.state, songngu::xliff::State::Initial, "{version}");
            assert!(unit.vi.is_some(), "{version}: {unit:?}");
        }
        // Untouched, the file stores nothing and the stale finding stays.
        let (code, text) = run_in(d, &["xliff", "import", "w.xlf"]);
        assert_eq!(code, 0, "{text}");
        assert!(
            text.contains(&format!(
                "2 units are not translated (still as exported, state `initial`): {stale}, {missing}"
            )) && text.contains("0 translations stored, 0 unchanged, 2 not translated"),
            "{version}: {text}"
        );
        let (code, records) = check_json(d, &["a.en.txt"]);
        assert_eq!(code, 1, "{version}");
        assert!(
            records.iter().any(|r| r.kind.name() == "stale"),
            "{version}"
        );
        // The stale unit edited but left `initial`: stored, and said so. The suggestion
        // confirmed as it was (`translated`): stored.
        let mut edited = doc.clone();
        edited.units[0].vi = Some("Hội chợ có 45 gian hàng từ mười tỉnh.".into());
        edited.units[1].state = songngu::xliff::State::Translated;
        edited.units[1].score = None;
        let mut bytes = Vec::new();
        let v = if version == "2.0" {
            songngu::xliff::Version::V2_0
        } else {
            songngu::xliff::Version::V1_2
        };
        songngu::xliff::write(&edited, v, &mut bytes).unwrap();
        std::fs::write(d.join("w.xlf"), bytes).unwrap();
        let (code, text) = run_in(d, &["xliff", "import", "w.xlf", "--user", "minh"]);
        assert_eq!(code, 0, "{text}");
        assert!(
            text.contains(&format!(
                "stored although the file still marks it `initial` (the Vietnamese was edited): {stale}"
            )) && text.contains("2 translations stored, 0 unchanged, 0 not translated"),
            "{version}: {text}"
        );
        for unit in [&stale, &missing] {
            let tag = tu_tag(&d.join("m.tmx"), "fair", unit);
            assert!(
                tag.contains("changeid=\"minh\"") && tag.contains("changedate=\"2"),
                "{tag}"
            );
        }
        let (code, records) = check_json(d, &["a.en.txt"]);
        assert_eq!(code, 0, "{version}: {records:#?}");
    }
}

#[test]
fn xliff_export_with_nothing_to_do_writes_nothing_and_succeeds() {
    let dir = fair_project("", "");
    let d = dir.path();
    for version in ["2.0", "1.2"] {
        let (code, text) = run_in(
            d,
            &[
                "xliff",
                "export",
                "a.en.txt",
                "-o",
                "w.xlf",
                "--xliff-version",
                version,
            ],
        );
        assert_eq!(code, 0, "{version}: {text}");
        assert!(
            text.contains("nothing in `a.en.txt` needs work; `w.xlf` was not written"),
            "{text}"
        );
        assert!(!d.join("w.xlf").exists());
    }
    let output = songngu("vi")
        .current_dir(d)
        .args(["xliff", "export", "a.en.txt", "-o", "w.xlf"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("cần dịch hay duyệt; không ghi"));
    // With `--all` the file is written, and says that none of it is work (issue 14: it
    // used to call every unit "to translate").
    let (code, text) = run_in(d, &["xliff", "export", "a.en.txt", "-o", "w.xlf", "--all"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("3 units, none to translate"), "{text}");
}

/// Regression: unit ids are hashes of the English, so a sentence edited after the export
/// was reported as gone from the article.
#[test]
fn xliff_import_finds_sentences_edited_since_the_export_by_position() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a.en.txt"),
        "Fair news.\n\nThe fair opened today. It has 40 stands. Tickets are free.\n\nThe fair ends on Sunday.\n",
    )
    .unwrap();
    assert_eq!(
        run_in(d, &["init", "--tm", "m.tmx", "--article", "fair=a.en.txt"]).0,
        0
    );
    let title = songngu::segment::text_id("Fair news.");
    let (code, text) = run_in(
        d,
        &[
            "translate",
            "a.en.txt",
            "--unit",
            &title,
            "--vi",
            "Tin hội chợ.",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let (code, text) = run_in(d, &["xliff", "export", "a.en.txt", "-o", "w.xlf"]);
    assert_eq!(code, 0, "{text}");
    let bytes = std::fs::read(d.join("w.xlf")).unwrap();
    let mut doc = songngu::xliff::read(&d.join("w.xlf"), &bytes).unwrap();
    assert_eq!(doc.units.len(), 4);
    let names: Vec<Option<&str>> = doc.units.iter().map(|u| u.name.as_deref()).collect();
    assert_eq!(names, [Some("1"), Some("2"), Some("3"), Some("4")]);
    for (unit, vi) in doc.units.iter_mut().zip([
        "Hội chợ khai mạc hôm nay.",
        "Hội chợ có 40 gian hàng.",
        "Vé vào cửa miễn phí.",
        "Hội chợ kết thúc vào Chủ nhật.",
    ]) {
        unit.vi = Some(vi.into());
        unit.state = songngu::xliff::State::Translated;
    }
    let mut bytes = Vec::new();
    songngu::xliff::write(&doc, songngu::xliff::Version::V2_0, &mut bytes).unwrap();
    std::fs::write(d.join("w.xlf"), bytes).unwrap();
    // Meanwhile the editor corrects the number and rewrites the last sentence.
    std::fs::write(
        d.join("a.en.txt"),
        "Fair news.\n\nThe fair opened today. It has 45 stands. Tickets are free.\n\nSee you next year!\n",
    )
    .unwrap();
    let (code, text) = run_in(d, &["xliff", "import", "w.xlf"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains(&format!(
            "unit {}: the English changed since the file was exported: was “It has 40 stands.”, now “It has 45 stands.”; not imported",
            doc.units[1].id
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "unit {}: the English changed since the file was exported: was “The fair ends on Sunday.”, now “See you next year!”; not imported",
            doc.units[3].id
        )),
        "{text}"
    );
    assert!(!text.contains("not in the current English"), "{text}");
    // It imports the rest.
    assert!(
        text.contains("2 translations stored, 0 unchanged, 0 not translated, 2 refused"),
        "{text}"
    );
    for unit in [&doc.units[0].id, &doc.units[2].id] {
        let tag = tu_tag(&d.join("m.tmx"), "fair", unit);
        assert!(
            tag.contains("changeid=\"lan\"") && tag.contains("changedate=\"2"),
            "{tag}"
        );
    }
    let vi = songngu("vi")
        .current_dir(d)
        .args(["xliff", "import", "w.xlf"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&vi.stdout)
            .contains("trước là “It has 40 stands.”, nay là “It has 45 stands.”"),
        "{}",
        String::from_utf8_lossy(&vi.stdout)
    );
}

/// Issue 14: with `--all` the file holds units that need no work too; the summary says
/// how many of them need work instead of calling them all "to translate".
#[test]
fn xliff_export_all_says_how_many_units_need_work() {
    let dir = fair_project("", "");
    let d = dir.path();
    revise_fair(d);
    let (code, _, err) = run_in_apart(d, &["xliff", "export", "a.en.txt", "--all", "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("4 units, 2 to translate"), "{err}");
    let (code, _, err) = run_in_apart(d, &["xliff", "export", "a.en.txt", "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("2 units to translate"), "{err}");
}
