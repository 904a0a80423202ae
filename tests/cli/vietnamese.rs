//! What issue 14 (item 7) asked of the Vietnamese interface: the problems of a TMX file
//! and the date a finding was accepted read as Vietnamese under `--lang vi`.

use crate::common::*;

#[test]
fn a_damaged_memory_tu_is_named_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let tmx = dir.path().join("damaged.tmx");
    let (line, column) = damaged_seed_memory(&tmx);
    let en = root().join("examples/seed.en.txt");
    let run = |lang: &str| {
        songngu(lang)
            .args(["--no-config", "check"])
            .arg(&en)
            .args(["--doc", "seed-2019-11-28", "--tm"])
            .arg(&tmx)
            .output()
            .unwrap()
    };
    let place = format!("`{}`:{line}:{column}:", tmx.display());
    let out = run("vi");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let expected =
        format!("{place} lỗi: `<tuv>` thiếu `xml:lang` (hoặc `lang`); đã bỏ qua đơn vị dịch này");
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(!stderr.contains("the TU is skipped"), "{stderr}");
    // The English stays the reader's own words.
    let stderr = String::from_utf8_lossy(&run("en").stderr).into_owned();
    let expected =
        format!("{place} error: `<tuv>` without `xml:lang` (or `lang`); the TU is skipped");
    assert!(stderr.contains(&expected), "{stderr}");
}

#[test]
fn the_accepted_date_is_written_the_vietnamese_way() {
    let dir = fair_project("", "");
    let d = dir.path();
    revise_fair(d);
    let (_, records) = check_json(d, &["a.en.txt"]);
    let stale = records.iter().find(|r| r.kind.name() == "stale").unwrap();
    let (code, text) = run_in(d, &["check", "a.en.txt", "--accept", &stale.id]);
    assert!(code == 0 || code == 1, "{text}");
    let (_, records) = check_json(d, &["a.en.txt"]);
    let at = records
        .iter()
        .find_map(|r| r.accepted.as_ref())
        .unwrap()
        .at
        .clone();
    // `YYYY-MM-DDThh:mm:ssZ`
    let vietnamese = format!(
        "lan đã chấp nhận lúc {}:{}:{} (UTC) ngày {}/{}/{}",
        &at[11..13],
        &at[14..16],
        &at[17..19],
        &at[8..10],
        &at[5..7],
        &at[0..4]
    );
    let out = songngu("vi")
        .current_dir(d)
        .args(["check", "a.en.txt"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&vietnamese), "{text}");
    assert!(!text.contains(&at), "{text}");
    let (_, text) = run_in(d, &["check", "a.en.txt"]);
    assert!(text.contains(&format!("accepted by lan at {at}")), "{text}");
}
