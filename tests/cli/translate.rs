//! `songngu translate --expect-version`: a script's edit refused (exit 2, nothing
//! written) when the unit changed since the script read its `version` from `check
//! --format json`.

use crate::common::*;

const STANDS: &str = "It has 40 stands from ten provinces.";

/// The fair project with `STANDS` mistranslated (45 for 40): a failing `number` finding.
fn mistranslated() -> tempfile::TempDir {
    let dir = fair_project("", "");
    let id = songngu::segment::text_id(STANDS);
    let wrong = "Hội chợ có 45 gian hàng từ mười tỉnh.";
    let (code, text) = run_in(
        dir.path(),
        &["translate", "a.en.txt", "--unit", &id, "--vi", wrong],
    );
    assert_eq!(code, 0, "{text}");
    dir
}

/// The `version` of the finding on `STANDS` in `check --format json`.
fn version(d: &std::path::Path) -> String {
    let id = songngu::segment::text_id(STANDS);
    let (_, records) = check_json(d, &["a.en.txt"]);
    let record = records.iter().find(|r| r.unit.as_deref() == Some(&id));
    let record = record.expect("a finding on the unit");
    record.version.clone().expect("a version")
}

#[test]
fn an_edit_on_a_version_read_before_another_edit_is_refused() {
    let dir = mistranslated();
    let d = dir.path();
    let id = songngu::segment::text_id(STANDS);
    let seen = version(d);
    let fixed = "Hội chợ có 40 gian hàng từ mười tỉnh.";
    let args = |vi: &'static str, version: &str| -> Vec<String> {
        [
            "translate",
            "a.en.txt",
            "--unit",
            &id,
            "--vi",
            vi,
            "--expect-version",
            version,
        ]
        .map(str::to_owned)
        .to_vec()
    };
    let run = |args: Vec<String>| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_in_apart(d, &args)
    };
    let (code, _, stderr) = run(args(fixed, &seen));
    assert_eq!(code, 0, "{stderr}");
    let after = std::fs::read(d.join("m.tmx")).unwrap();
    // A second script that read the same version.
    let (code, stdout, stderr) = run(args("Hội chợ có bốn mươi gian hàng.", &seen));
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stdout.is_empty(), "{stdout}");
    assert!(
        stderr.contains(&format!("unit `{id}` changed since version {seen}")),
        "{stderr}"
    );
    assert!(
        stderr.contains(fixed),
        "the memory's text is shown: {stderr}"
    );
    assert!(stderr.contains("by lan"), "{stderr}");
    assert_eq!(
        std::fs::read(d.join("m.tmx")).unwrap(),
        after,
        "nothing written"
    );
    // In Vietnamese.
    let out = songngu("vi")
        .current_dir(d)
        .args(args("Hội chợ có bốn mươi gian hàng.", &seen))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("đã có người sửa"), "{stderr}");
    assert!(stderr.contains("chưa ghi gì cả"), "{stderr}");
    // With the version the check shows now, the edit goes through.
    let (code, _, stderr) = run(args("Hội chợ có bốn mươi gian hàng.", &version_now(d)));
    assert_eq!(code, 0, "{stderr}");
}

/// The version of `STANDS` now: it has no finding any more, so read from the flow.
fn version_now(d: &std::path::Path) -> String {
    let config = songngu::project::Config::load(&d.join("songngu.toml")).unwrap();
    let project = songngu::project::Project::new(config, Default::default());
    let request = songngu::flow::check::CheckRequest::new(d.join("a.en.txt"));
    let checked = songngu::flow::check::check(&project, &request, &mut Vec::new()).unwrap();
    let id = songngu::segment::text_id(STANDS);
    let units = checked.article.units();
    let unit = units.iter().find(|u| u.unit.id == id).unwrap();
    unit.version.clone().unwrap()
}

#[test]
fn check_json_gives_versions_only_for_units_of_the_memory() {
    let dir = mistranslated();
    let (_, records) = check_json(dir.path(), &["a.en.txt"]);
    assert!(
        records
            .iter()
            .all(|r| r.version.as_ref().is_some_and(|v| v.len() == 16))
    );
    // Against a Vietnamese article there is no memory's version to give.
    let vi = "Hội chợ khai mạc hôm nay tại Hà Nội. Hội chợ có 45 gian hàng từ mười tỉnh.\n";
    std::fs::write(dir.path().join("a.vi.txt"), vi).unwrap();
    let (_, records) = check_json(dir.path(), &["a.en.txt", "--vi", "a.vi.txt"]);
    assert!(!records.is_empty());
    assert!(records.iter().all(|r| r.version.is_none()), "{records:?}");
}
