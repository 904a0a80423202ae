//! `songngu review`, and what issue 14 (items 2 and 3) added to `check`, `update` and
//! `xliff export`: `needs_review` findings, retired orphans, accepted reasons.

use crate::common::*;

const TICKETS: &str = "Tickets are free for children.";

/// The fair project with the translation of `TICKETS` marked `needs-review`.
fn doubtful(tables: &str) -> tempfile::TempDir {
    let dir = fair_project("", tables);
    let tm = dir.path().join("m.tmx");
    let text = std::fs::read_to_string(&tm).unwrap();
    let id = songngu::segment::text_id(TICKETS);
    let start = text.find(&format!("tuid=\"fair/{id}\"")).unwrap();
    let status = ">translated</prop>";
    let at = start + text[start..].find(status).unwrap();
    let changed = format!(
        "{}>needs-review</prop>{}",
        &text[..at],
        &text[at + status.len()..]
    );
    std::fs::write(&tm, changed).unwrap();
    dir
}

#[test]
fn a_doubtful_translation_is_a_warning_in_check_and_work_in_the_xliff_file() {
    let dir = doubtful("");
    let d = dir.path();
    let (code, records) = check_json(d, &["a.en.txt"]);
    assert_eq!(code, 0, "a warning does not fail the check");
    let kinds: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r.kind.name(), r.severity.name()))
        .collect();
    assert_eq!(kinds, [("needs_review", "warning")]);
    let (code, text) = run_in(d, &["check", "a.en.txt"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("needs review"), "{text}");
    let (code, text) = run_in(d, &["xliff", "export", "a.en.txt", "-o", "w.xlf"]);
    assert_eq!(code, 0, "{text}");
    let xlf = std::fs::read_to_string(d.join("w.xlf")).unwrap();
    assert!(xlf.contains(TICKETS), "{xlf}");
    assert!(xlf.contains("songngu:needs-review"), "{xlf}");
    assert_eq!(xlf.matches("<unit ").count(), 1, "{xlf}");
}

#[test]
fn the_severity_of_needs_review_is_set_in_the_project() {
    let dir = doubtful("[check.kinds]\nneeds_review = \"error\"\n");
    let (code, records) = check_json(dir.path(), &["a.en.txt"]);
    assert_eq!(code, 1);
    assert_eq!(records[0].severity.name(), "error");
}

#[test]
fn review_approves_and_keeps_the_text() {
    let dir = doubtful("");
    let d = dir.path();
    let id = songngu::segment::text_id(TICKETS);
    let (code, text) = run_in(d, &["review", "a.en.txt", "--unit", &id]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains(&format!("unit {id}: approved")), "{text}");
    assert!(text.contains("1 translation approved"), "{text}");
    let tm = std::fs::read_to_string(d.join("m.tmx")).unwrap();
    assert!(!tm.contains("needs-review") && tm.contains(">reviewed</prop>"));
    assert!(tm.contains("Trẻ em được vào cửa miễn phí."));
    let (code, records) = check_json(d, &["a.en.txt"]);
    assert_eq!((code, records.len()), (0, 0));
    // In Vietnamese, and with nothing left to approve.
    let out = songngu("vi")
        .current_dir(d)
        .args(["review", "a.en.txt", "--all-needs-review"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Đã duyệt 0 bản dịch"), "{text}");
    // Neither a unit nor `--all-needs-review`: a usage error.
    let (code, _) = run_in(d, &["review", "a.en.txt"]);
    assert_eq!(code, 2);
}

#[test]
fn review_refuses_a_stale_unit() {
    let dir = fair_project("", "");
    let d = dir.path();
    revise_fair(d);
    let stale = songngu::segment::text_id("It has 45 stands from ten provinces.");
    let (code, text) = run_in(d, &["review", "a.en.txt", "--unit", &stale]);
    assert_eq!(code, 2, "{text}");
    assert!(text.contains("translate it again first"), "{text}");
}

#[test]
fn an_orphan_is_retired_by_the_update_that_finds_it_gone_and_shown_on_request() {
    let dir = fair_project("", "");
    let d = dir.path();
    std::fs::write(
        d.join("a.en.txt"),
        "The fair opened today in Hanoi. Tickets are free for children.\n",
    )
    .unwrap();
    let (_, records) = check_json(d, &["a.en.txt"]);
    assert_eq!(records.len(), 1, "before the update, the check tells it");
    // The update that finds it gone retires it, and says which.
    let (code, text) = run_in(d, &["update", "a.en.txt"]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("  retired [") && text.contains("] It has 40 stands from ten provinces."),
        "{text}"
    );
    assert!(text.contains("1 old translation retired"), "{text}");
    let (_, records) = check_json(d, &["a.en.txt"]);
    assert_eq!(records.len(), 0, "{records:?}");
    // Once: the next update retires nothing more.
    let (code, text) = run_in(d, &["update", "a.en.txt", "--json"]);
    assert_eq!(code, 0, "{text}");
    let report = &json_lines(&text)[0];
    assert_eq!(
        (report["orphaned"].as_u64(), report["retired"].as_u64()),
        (Some(1), Some(0))
    );
    assert_eq!(report["retired_units"], serde_json::json!([]));
    let (code, text) = run_in(d, &["check", "a.en.txt"]);
    assert_eq!(code, 0);
    assert!(text.contains("0 orphaned"), "{text}");
    let (_, text) = run_in(d, &["check", "a.en.txt", "--show-obsolete"]);
    assert!(
        text.contains("1 orphaned") && text.contains("It has 40 stands"),
        "{text}"
    );
    let (_, text) = run_in(
        d,
        &[
            "tm",
            "lookup",
            "m.tmx",
            "It has 41 stands from ten provinces.",
        ],
    );
    assert!(text.contains("40 gian hàng"), "{text}");
}

#[test]
fn check_shows_why_a_finding_was_accepted() {
    let dir = fair_project("", "");
    let d = dir.path();
    revise_fair(d);
    let (_, records) = check_json(d, &["a.en.txt"]);
    let stale = records.iter().find(|r| r.kind.name() == "stale").unwrap();
    let reason = "the desk confirmed the figure";
    let (code, text) = run_in(
        d,
        &[
            "check", "a.en.txt", "--accept", &stale.id, "--reason", reason,
        ],
    );
    assert!(code == 0 || code == 1, "{text}");
    let (_, text) = run_in(d, &["check", "a.en.txt"]);
    assert!(text.contains("accepted by lan at"), "{text}");
    assert!(text.contains(&format!(": {reason})")), "{text}");
    let out = songngu("vi")
        .current_dir(d)
        .args(["check", "a.en.txt"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("lý do: {reason}")), "{text}");
    let (_, records) = check_json(d, &["a.en.txt"]);
    let accepted = records.iter().find_map(|r| r.accepted.as_ref()).unwrap();
    assert_eq!(accepted.reason.as_deref(), Some(reason));
}
