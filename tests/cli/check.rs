//! `songngu check`: drift against the memory, checks of a translation (`--vi`) over the
//! evaluation articles, the report, accepted findings and the glossary.

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use predicates::str::contains;
use songngu::drift::FindingRecord;

use crate::common::*;

const DRIFT: &str = "tests/fixtures/drift";
const ARTICLES: [(&str, &str); 3] = [
    ("open-data", "md"),
    ("exports", "txt"),
    ("spectrum-auction", "txt"),
];

/// A memory holding `en` aligned with `vi` as document `doc`.
fn memory_of(dir: &Path, en: &Path, vi: &Path, doc: &str) -> PathBuf {
    let tm = dir.join("memory.tmx");
    songngu("en-US")
        .arg("align")
        .arg(en)
        .arg(vi)
        .arg("--into")
        .arg(&tm)
        .args(["--doc", doc, "--format", "tsv", "--user", "test"])
        .assert()
        .success();
    tm
}

/// A memory of the bundled article aligned with its translation, as document `seed`.
fn seed_memory(dir: &Path) -> PathBuf {
    memory_of(
        dir,
        &root().join(SEED_EN),
        &root().join("examples/seed.vi.txt"),
        "seed",
    )
}

#[test]
fn check_finds_the_five_changes_of_the_seed_revision() {
    let dir = tempfile::tempdir().unwrap();
    let tm = seed_memory(dir.path());
    let tm = tm.to_str().unwrap();
    let v2 = root().join("examples/seed.v2.en.txt");
    let (code, records) = check_json(dir.path(), &[v2.to_str().unwrap(), "--tm", tm]);
    assert_eq!(code, 1);
    let drift: Vec<&FindingRecord> = records.iter().filter(|r| is_drift(r.kind)).collect();
    let find = |kind: &str, snippet: &str| {
        drift
            .iter()
            .find(|r| r.kind.name() == kind && r.en.as_deref().is_some_and(|e| e.contains(snippet)))
            .unwrap_or_else(|| panic!("no {kind} for {snippet:?} in {drift:#?}"))
    };
    // 1. split: the first half is stale, the second missing.
    find("stale", "organized a conference on");
    find("missing", "The conference was held in collaboration");
    // 2. edit.
    let edit = find("stale", "further research and discussion");
    assert_eq!(
        edit.old_en.as_deref().map(|o| o.contains("researches")),
        Some(true)
    );
    // 3. added sentence.
    find("missing", "He also proposed");
    // 4. number: a word diff from one thousand to 1,200.
    let number = find("stale", "more than 1,200 guests");
    assert_eq!(number.edit, Some(songngu::drift::report::EditKind::Number));
    let diff = number.diff.as_ref().unwrap();
    assert!(
        diff.iter()
            .any(|p| p.op == songngu::drift::report::DiffOp::Delete
                && p.text.contains("one thousand"))
    );
    assert!(
        diff.iter()
            .any(|p| p.op == songngu::drift::report::DiffOp::Insert && p.text.contains("1,200"))
    );
    assert!(number.vi.as_deref().unwrap().contains("một nghìn"));
    // 5. deleted sentence.
    find("orphaned", "Specific laws are needed");
    assert_eq!(drift.len(), 6, "{drift:#?}");

    // The unchanged article against the same memory: no finding at all.
    let seed = root().join(SEED_EN);
    let (code, records) = check_json(dir.path(), &[seed.to_str().unwrap(), "--tm", tm]);
    assert!(records.is_empty(), "{records:#?}");
    assert_eq!(code, 0);

    // The bundled memory, as the README runs it: the same five changes.
    let bundled = root().join("tmx/seed.tmx");
    let (code, records) = check_json(
        dir.path(),
        &[v2.to_str().unwrap(), "--tm", bundled.to_str().unwrap()],
    );
    assert_eq!(code, 1);
    let mut kinds: Vec<&str> = records
        .iter()
        .filter(|r| is_drift(r.kind))
        .map(|r| r.kind.name())
        .collect();
    kinds.sort_unstable();
    assert_eq!(
        kinds,
        ["missing", "missing", "orphaned", "stale", "stale", "stale"]
    );
}

#[test]
fn check_human_report_groups_by_paragraph_and_sums_up() {
    let dir = tempfile::tempdir().unwrap();
    let tm = seed_memory(dir.path());
    for (ui, words) in [
        (
            "en-US",
            [
                "paragraph 8",
                "old:",
                "[-one thousand-]",
                "{+1,200+}",
                "stale",
            ],
        ),
        (
            "vi",
            [
                "đoạn 8",
                "cũ:",
                "[-one thousand-]",
                "{+1,200+}",
                "bản dịch cũ",
            ],
        ),
    ] {
        let output = songngu(ui)
            .current_dir(dir.path())
            .args(["check", "--tm"])
            .arg(&tm)
            .arg(root().join("examples/seed.v2.en.txt"))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        let text = String::from_utf8(output.stdout).unwrap();
        for w in words {
            assert!(text.contains(w), "{w:?} in {text}");
        }
        assert!(!text.contains("\x1b["), "no color when not a terminal");
    }
}

/// The Vietnamese report of the bundled revision (`--lang vi`): each finding's head line
/// is `severity (kind): explanation [unit]`, and its id follows the label `mã:`.
#[test]
fn check_report_in_vietnamese_heads_each_finding_and_labels_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let output = songngu("en-US")
        .current_dir(dir.path())
        .args(["--lang", "vi", "check", "--tm"])
        .arg(root().join("tmx/seed.tmx"))
        .arg(root().join("examples/seed.v2.en.txt"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    let added = "The conference was held in collaboration with the Australian Strategic Policy \
                 Institute.";
    let head = format!(
        "\n  lỗi (thiếu): chưa dịch [{}]\n      Anh: {added}\n      mã: f",
        songngu::segment::text_id(added)
    );
    assert!(text.contains(&head), "{head:?} in {text}");
    assert!(
        text.contains("\n  thông tin (đã bỏ khỏi bài): câu tiếng Anh của bản dịch này không còn trong bài viết ["),
        "{text}"
    );
    // Every finding (a head line, indented by two) has its id, labelled.
    let heads = text
        .lines()
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "));
    let ids = text.lines().filter(|l| l.starts_with("      mã: "));
    assert_eq!(heads.count(), 7, "{text}");
    assert_eq!(ids.count(), 7, "{text}");
    assert!(!text.contains(" id: "), "{text}");
}

#[test]
fn accepting_a_finding_lets_the_check_pass() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("a.en.txt");
    let vi = dir.path().join("a.vi.txt");
    std::fs::write(
        &en,
        "The meeting opened at 9:00 in Hanoi.\n\nMinister Nguyen Manh Hung spoke.\n",
    )
    .unwrap();
    std::fs::write(
        &vi,
        "Cuộc họp khai mạc lúc 9h00 tại Hà Nội.\n\nBộ trưởng Nguyễn Mạnh Hải phát biểu.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("songngu.toml"),
        "[check]\nfail_on = \"warning\"\n",
    )
    .unwrap();
    let args = [en.to_str().unwrap(), "--vi", vi.to_str().unwrap()];
    let (code, records) = check_json(dir.path(), &args);
    assert_eq!(code, 1);
    let name = records
        .iter()
        .find(|r| r.kind.name() == "name")
        .expect("a name finding");
    songngu("en-US")
        .current_dir(dir.path())
        .args([
            "check", args[0], "--vi", args[2], "--accept", &name.id, "--reason", "checked",
            "--user", "lan",
        ])
        .assert()
        .code(0);
    let accepted = std::fs::read_to_string(dir.path().join("accepted.toml")).unwrap();
    assert!(
        accepted.contains(&name.id) && accepted.contains("lan"),
        "{accepted}"
    );
    let (code, records) = check_json(dir.path(), &args);
    assert_eq!(code, 0);
    assert_eq!(
        records
            .iter()
            .find(|r| r.id == name.id)
            .unwrap()
            .accepted
            .as_ref()
            .unwrap()
            .by,
        "lan"
    );
    let at = &records
        .iter()
        .find(|r| r.id == name.id)
        .unwrap()
        .accepted
        .as_ref()
        .unwrap()
        .at;
    assert!(
        at.len() == 20 && at.starts_with("20") && at.ends_with('Z'),
        "an ISO 8601 UTC time: {at}"
    );
    // A kind whose severity the project lowers below `fail_on` no longer fails.
    std::fs::remove_file(dir.path().join("accepted.toml")).unwrap();
    let (code, _) = check_json(dir.path(), &args);
    assert_eq!(code, 1);
    std::fs::write(
        dir.path().join("songngu.toml"),
        "[check]\nfail_on = \"warning\"\n[check.kinds]\nname = \"info\"\n",
    )
    .unwrap();
    let (code, records) = check_json(dir.path(), &args);
    assert_eq!(code, 0);
    assert!(
        records
            .iter()
            .filter(|r| r.kind.name() == "name")
            .all(|r| r.severity == songngu::drift::Severity::Info)
    );
    // A kind switched off in the project is not reported at all.
    std::fs::write(
        dir.path().join("songngu.toml"),
        "[check]\nfail_on = \"warning\"\n[check.kinds]\nname = \"off\"\n",
    )
    .unwrap();
    let (_, records) = check_json(dir.path(), &args);
    assert!(records.iter().all(|r| r.kind.name() != "name"));
    // An unknown finding id is an error.
    songngu("en-US")
        .current_dir(dir.path())
        .args(["check", args[0], "--vi", args[2], "--accept", "fnothing"])
        .assert()
        .code(2)
        .stderr(contains("fnothing"));
}

#[test]
fn check_errors_exit_two() {
    let dir = tempfile::tempdir().unwrap();
    let seed = root().join(SEED_EN);
    let bundled = root().join("tmx/seed.tmx");
    // A mistyped document id would report every sentence missing: it is an error that
    // lists the ids the memory has.
    songngu("en-US")
        .current_dir(dir.path())
        .arg("check")
        .arg(&seed)
        .arg("--tm")
        .arg(&bundled)
        .args(["--doc", "seed"])
        .assert()
        .code(2)
        .stderr(contains("`seed`").and(contains("seed-2019-11-28")));
    // A memory that is not there, or not TMX.
    songngu("en-US")
        .current_dir(dir.path())
        .arg("check")
        .arg(&seed)
        .args(["--tm", "nosuch.tmx"])
        .assert()
        .code(2)
        .stderr(contains(
            "cannot read `nosuch.tmx`: no such file or directory",
        ));
    std::fs::write(
        dir.path().join("broken.tmx"),
        "<tmx version=\"1.4\"><body><tu>",
    )
    .unwrap();
    songngu("en-US")
        .current_dir(dir.path())
        .arg("check")
        .arg(&seed)
        .args(["--tm", "broken.tmx"])
        .assert()
        .code(2)
        .stderr(contains("`broken.tmx`:1:30"));
    songngu("en-US")
        .current_dir(dir.path())
        .args(["check", "missing.en.txt", "--vi", "missing.vi.txt"])
        .assert()
        .code(2)
        .stderr(contains("missing.en.txt"));
    songngu("en-US")
        .current_dir(dir.path())
        .arg("check")
        .arg(root().join(SEED_EN))
        .assert()
        .code(2)
        .stderr(contains("--tm"));
    std::fs::write(
        dir.path().join("songngu.toml"),
        "[check.kinds]\nspelling = \"off\"\n",
    )
    .unwrap();
    songngu("en-US")
        .current_dir(dir.path())
        .arg("check")
        .arg(root().join(SEED_EN))
        .args(["--vi", "x"])
        .assert()
        .code(2)
        .stderr(contains("spelling"));
}

/// The articles of `tests/fixtures/align/`: their published English and Vietnamese are
/// faithful pairs too, and the wider set (issue 10) has planted-defect copies beside them.
const ALIGN_ARTICLES: [&str; 8] = [
    "cyber-drill",
    "digital-economy",
    "postal-services",
    "public-wifi",
    "flood-relief",
    "imf-outlook",
    "rail-link",
    "school-meals",
];
const ALIGN_WITH_DEFECTS: [&str; 4] = ["flood-relief", "imf-outlook", "rail-link", "school-meals"];

/// The sentences a faithful translation leaves one-sided on purpose, from the gold links of
/// an article of `tests/fixtures/align/`: English with no Vietnamese (a note for foreign
/// readers) and Vietnamese with no English (an editor's addition).
fn one_sided_sentences(name: &str) -> (Vec<String>, Vec<String>) {
    let read = |ext: &str| {
        std::fs::read_to_string(root().join(format!("{ALIGN_FIXTURES}/{name}.{ext}"))).unwrap()
    };
    let sentences = |text: String| -> Vec<String> {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(String::from)
            .collect()
    };
    let (en, vi) = (sentences(read("en.txt")), sentences(read("vi.txt")));
    let gold = songngu::align::parse_links_tsv(&read("gold.tsv")).unwrap();
    let pick = |side: &[usize], texts: &[String]| {
        side.iter().map(|&i| texts[i].clone()).collect::<Vec<_>>()
    };
    let mut english = Vec::new();
    let mut vietnamese = Vec::new();
    for link in gold {
        if link.vi.is_empty() {
            english.extend(pick(&link.en, &en));
        } else if link.en.is_empty() {
            vietnamese.extend(pick(&link.vi, &vi));
        }
    }
    (english, vietnamese)
}

/// Whether a finding is one a faithful translation gives by design: `missing` on an English
/// sentence left untranslated on purpose, `extra` on a Vietnamese sentence added on purpose.
fn deliberate(r: &FindingRecord, one_sided: &(Vec<String>, Vec<String>)) -> bool {
    let has = |t: &Option<String>, texts: &[String]| {
        t.as_deref()
            .is_some_and(|t| texts.iter().any(|s| t.contains(s.as_str())))
    };
    (r.kind.name() == "missing" && has(&r.en, &one_sided.0))
        || (r.kind.name() == "extra" && has(&r.vi, &one_sided.1))
}

/// Planted-defect recall and findings on faithful translations over every evaluation
/// article: `tests/fixtures/drift` (three articles, faithful and defect copies) and
/// `tests/fixtures/align` (eight faithful articles, four of them with defect copies).
/// Prints the figures (`cargo test --test cli check_vi_finds -- --nocapture`) and fails
/// on any planted defect not found, any finding beside the planted ones, and any finding
/// on a faithful translation beyond its deliberate one-sided sentences.
#[test]
#[allow(clippy::print_stderr)]
fn check_vi_finds_every_planted_defect_and_nothing_in_faithful_articles() {
    struct Case {
        name: String,
        en: PathBuf,
        faithful: PathBuf,
        defects: Option<(PathBuf, PathBuf)>,
        one_sided: (Vec<String>, Vec<String>),
    }
    let mut cases: Vec<Case> = ARTICLES
        .iter()
        .map(|(name, ext)| Case {
            name: name.to_string(),
            en: root().join(format!("{DRIFT}/{name}.en.{ext}")),
            faithful: root().join(format!("{DRIFT}/{name}.vi.{ext}")),
            defects: Some((
                root().join(format!("{DRIFT}/{name}.defects.vi.{ext}")),
                root().join(format!("{DRIFT}/{name}.expected.tsv")),
            )),
            one_sided: (Vec::new(), Vec::new()),
        })
        .collect();
    cases.extend(ALIGN_ARTICLES.iter().map(|name| Case {
        name: name.to_string(),
        en: root().join(format!("{ALIGN_FIXTURES}/{name}.en.article.txt")),
        faithful: root().join(format!("{ALIGN_FIXTURES}/{name}.vi.article.txt")),
        defects: ALIGN_WITH_DEFECTS.contains(name).then(|| {
            (
                root().join(format!("{ALIGN_FIXTURES}/{name}.defects.vi.txt")),
                root().join(format!("{ALIGN_FIXTURES}/{name}.expected.tsv")),
            )
        }),
        one_sided: one_sided_sentences(name),
    }));

    let dir = tempfile::tempdir().unwrap();
    let mut problems = Vec::new();
    let mut rows = vec![format!(
        "{:<17} {:>7} {:>6} {:>10} {:>10} {:>10}",
        "article", "planted", "found", "unexpected", "faithful", "deliberate"
    )];
    let (mut planted_total, mut found_total, mut faithful_total) = (0, 0, 0);
    for case in &cases {
        let name = &case.name;
        let mut notes = Vec::new();
        let (code, records) = check_json(
            dir.path(),
            &[
                case.en.to_str().unwrap(),
                "--vi",
                case.faithful.to_str().unwrap(),
            ],
        );
        let (deliberate_count, false_findings): (Vec<_>, Vec<_>) =
            records.iter().partition(|r| deliberate(r, &case.one_sided));
        for r in &false_findings {
            notes.push(format!(
                "{name} faithful: false positive {:?} {:?} {:?} / {:?}",
                r.kind, r.message, r.en, r.vi
            ));
        }
        if code != 0 && deliberate_count.is_empty() {
            notes.push(format!("{name} faithful: exit {code}"));
        }
        faithful_total += false_findings.len();
        let (mut planted, mut found, mut unexpected) = (0, 0, 0);
        if let Some((defects, expected)) = &case.defects {
            let (code, records) = check_json(
                dir.path(),
                &[case.en.to_str().unwrap(), "--vi", defects.to_str().unwrap()],
            );
            if code != 1 {
                notes.push(format!("{name} defects: exit {code}"));
            }
            let expected = std::fs::read_to_string(expected).unwrap();
            let mut explained = vec![false; records.len()];
            for line in expected
                .lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            {
                let mut cols = line.split('\t');
                let (kind, snippet) = (cols.next().unwrap(), cols.next().unwrap());
                let mut hit = false;
                for (i, r) in records.iter().enumerate() {
                    let holds =
                        |t: &Option<String>| t.as_deref().is_some_and(|t| t.contains(snippet));
                    if r.kind.name() == kind && (holds(&r.en) || holds(&r.vi)) {
                        hit = true;
                        explained[i] = true;
                    }
                }
                planted += 1;
                if hit {
                    found += 1;
                } else {
                    notes.push(format!("{name} defects: not found: {line}"));
                }
            }
            for (r, ok) in records.iter().zip(&explained) {
                if !ok
                    && r.severity >= songngu::drift::Severity::Warning
                    && !deliberate(r, &case.one_sided)
                {
                    unexpected += 1;
                    notes.push(format!(
                        "{name} defects: unexpected {:?} {:?} {:?} / {:?}",
                        r.kind, r.message, r.en, r.vi
                    ));
                }
            }
        }
        planted_total += planted;
        found_total += found;
        rows.push(format!(
            "{name:<17} {planted:>7} {found:>6} {unexpected:>10} {:>10} {:>10}",
            false_findings.len(),
            deliberate_count.len()
        ));
        problems.extend(notes);
    }
    eprintln!("check --vi over every evaluation article (faithful: findings on the faithful");
    eprintln!("translation beyond the deliberate one-sided sentences of its gold links)");
    for row in &rows {
        eprintln!("{row}");
    }
    eprintln!(
        "planted-defect recall {found_total}/{planted_total} = {:.3}; findings on faithful \
         articles: {faithful_total}",
        found_total as f64 / planted_total.max(1) as f64
    );
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Every planted revision change of `tests/fixtures/drift/*.v2.en.*` shows up in the right
/// state against a memory made from the faithful pair, and nothing else drifts.
#[test]
fn check_reports_every_planted_revision_change() {
    let mut problems = Vec::new();
    for (name, ext) in ARTICLES {
        let dir = tempfile::tempdir().unwrap();
        let en = root().join(format!("{DRIFT}/{name}.en.{ext}"));
        let vi = root().join(format!("{DRIFT}/{name}.vi.{ext}"));
        let v2 = root().join(format!("{DRIFT}/{name}.v2.en.{ext}"));
        let tm = memory_of(dir.path(), &en, &vi, name);
        let (_, records) = check_json(
            dir.path(),
            &[v2.to_str().unwrap(), "--tm", tm.to_str().unwrap()],
        );
        let drift: Vec<&FindingRecord> = records.iter().filter(|r| is_drift(r.kind)).collect();
        let expected =
            std::fs::read_to_string(root().join(format!("{DRIFT}/{name}.v2.expected.tsv")))
                .unwrap();
        let mut wanted = 0;
        for line in expected
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            let (state, snippet, edit) = (cols[0], cols[1], cols[2]);
            let hits: Vec<&&FindingRecord> = drift
                .iter()
                .filter(|r| r.en.as_deref().is_some_and(|e| e.contains(snippet)))
                .collect();
            if state == "current" {
                if !hits.is_empty() {
                    problems.push(format!(
                        "{name}: should be current: {line}: {:?}",
                        hits[0].kind
                    ));
                }
                continue;
            }
            wanted += 1;
            match hits.iter().find(|r| r.kind.name() == state) {
                None => problems.push(format!("{name}: not found: {line}")),
                Some(r) if state == "stale" && r.edit.map(|e| e.name()) != Some(edit) => {
                    problems.push(format!("{name}: wrong edit {:?}: {line}", r.edit))
                }
                Some(_) => {}
            }
        }
        if drift.len() != wanted {
            problems.push(format!(
                "{name}: {} drift findings, {wanted} expected: {drift:#?}",
                drift.len()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Findings are grouped by paragraph: each paragraph's heading appears once, and the units
/// no longer in the article come last under their own heading.
#[test]
fn check_human_report_names_each_paragraph_once() {
    let dir = tempfile::tempdir().unwrap();
    let en = root().join(format!("{DRIFT}/exports.en.txt"));
    let vi = root().join(format!("{DRIFT}/exports.vi.txt"));
    let tm = memory_of(dir.path(), &en, &vi, "exports");
    let output = songngu("en-US")
        .current_dir(dir.path())
        .arg("check")
        .arg(root().join(format!("{DRIFT}/exports.v2.en.txt")))
        .arg("--tm")
        .arg(&tm)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    // Headings are the unindented lines before the summary (the last line).
    let headings: Vec<&str> = lines[..lines.len() - 1]
        .iter()
        .copied()
        .filter(|l| !l.starts_with(' '))
        .collect();
    let mut unique = headings.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), headings.len(), "{text}");
    assert_eq!(headings.last(), Some(&"no longer in the article"), "{text}");
}

/// A new sentence gets the memory's best fuzzy match as a suggestion; a new article of
/// the project (listed in `songngu.toml`, no units yet) is checked as all missing.
#[test]
fn missing_units_get_a_suggestion_from_the_memory() {
    let dir = tempfile::tempdir().unwrap();
    let tm = seed_memory(dir.path());
    std::fs::write(
        dir.path().join("next.en.txt"),
        "The event attracted more than one thousand guests, creating widespread influence in Vietnam and in the region.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("songngu.toml"),
        "memory = [\"memory.tmx\"]\n[[article]]\npath = \"next.en.txt\"\ndoc = \"next\"\n",
    )
    .unwrap();
    let (code, records) = check_json(dir.path(), &["next.en.txt"]);
    assert_eq!(code, 1);
    assert_eq!(records.len(), 1, "{records:#?}");
    assert_eq!(records[0].kind.name(), "missing");
    let suggestion = records[0].suggestion.as_ref().expect("a suggestion");
    assert!((50..100).contains(&suggestion.score), "{suggestion:?}");
    assert!(
        suggestion.vi.contains("một nghìn khách mời"),
        "{suggestion:?}"
    );
    drop(tm);
}

/// `check --vi` with a memory also finds a translation that disagrees with the memory's
/// translation of the same English (made for another article).
#[test]
fn check_vi_with_a_memory_reports_inconsistent_translations() {
    let dir = tempfile::tempdir().unwrap();
    let tm = seed_memory(dir.path());
    std::fs::write(
        dir.path().join("a.en.txt"),
        "Conference on Responsible state behaviour in cyberspace\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.vi.txt"),
        "Hội nghị về hành vi có trách nhiệm của nhà nước trên không gian mạng\n",
    )
    .unwrap();
    let args = ["a.en.txt", "--vi", "a.vi.txt"];
    let (_, records) = check_json(dir.path(), &args);
    assert!(records.iter().all(|r| r.kind.name() != "inconsistent"));
    let (_, records) = check_json(
        dir.path(),
        &[&args[..], &["--tm", tm.to_str().unwrap()]].concat(),
    );
    let inconsistent = records
        .iter()
        .find(|r| r.kind.name() == "inconsistent")
        .unwrap_or_else(|| panic!("{records:#?}"));
    assert!(
        inconsistent.message.contains("Hội thảo"),
        "{inconsistent:#?}"
    );
}

/// A name that is translated is checked against the glossary, given on the command line
/// or by the project; a glossary line that is not a pair is an error.
#[test]
fn check_uses_the_glossary_for_translated_names() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.en.txt"),
        "The Ministry of Information and Communications opened the portal.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("a.vi.txt"),
        "Bộ Truyền thông đã khai trương cổng thông tin.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("terms.tsv"),
        "Ministry of Information and Communications\tBộ Thông tin và Truyền thông\n",
    )
    .unwrap();
    let args = ["a.en.txt", "--vi", "a.vi.txt"];
    let glossary_findings = |records: &[FindingRecord]| {
        records
            .iter()
            .filter(|r| {
                r.kind.name() == "name" && r.message.contains("Bộ Thông tin và Truyền thông")
            })
            .count()
    };
    let (_, records) = check_json(
        dir.path(),
        &[&args[..], &["--glossary", "terms.tsv"]].concat(),
    );
    assert_eq!(glossary_findings(&records), 1, "{records:#?}");
    std::fs::write(
        dir.path().join("songngu.toml"),
        "[check]\nglossary = \"terms.tsv\"\n",
    )
    .unwrap();
    let (_, records) = check_json(dir.path(), &args);
    assert_eq!(glossary_findings(&records), 1, "{records:#?}");
    // The right translation satisfies it.
    std::fs::write(
        dir.path().join("a.vi.txt"),
        "Bộ Thông tin và Truyền thông đã khai trương cổng thông tin.\n",
    )
    .unwrap();
    let (_, records) = check_json(dir.path(), &args);
    assert_eq!(glossary_findings(&records), 0, "{records:#?}");
    std::fs::write(dir.path().join("terms.tsv"), "no tab here\n").unwrap();
    songngu("en-US")
        .current_dir(dir.path())
        .arg("check")
        .args(args)
        .assert()
        .code(2)
        .stderr(contains("terms.tsv`:1: not a glossary entry"));
}
