//! `songngu export`: the Vietnamese article, the bilingual formats and the release.

use crate::common::*;

/// Writing into a folder that does not exist names the file asked for (never a temp file)
/// with the system's reason, exit 2, and leaves nothing behind.
#[test]
fn export_into_a_missing_folder_names_the_target() {
    let dir = fair_project("", "");
    let d = dir.path();
    for (to, target) in [("vi", "nowhere/a.vi.txt"), ("release", "nowhere/out")] {
        let (code, text) = run_in(d, &["export", "a.en.txt", "--to", to, "-o", target]);
        assert_eq!(code, 2, "{text}");
        assert!(
            text.contains(&format!(
                "cannot write `{target}`: no such file or directory"
            )),
            "{text}"
        );
    }
    let mut left: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        // The memory's lock file and index cache stay by design (`translate` made them).
        .filter(|name| name != "m.tmx.lock" && name != ".songngu-cache")
        .collect();
    left.sort_unstable();
    assert_eq!(left, ["a.en.txt", "m.tmx", "songngu.toml"]);
}

/// Regression: after `check --accept` on the drift findings, or with the drift kinds made
/// warnings, `check` passed but `export` refused the article for drift.
#[test]
fn export_agrees_with_the_check_on_drift_it_lets_through() {
    let dir = fair_project("", "");
    let d = dir.path();
    revise_fair(d);
    let (code, records) = check_json(d, &["a.en.txt"]);
    assert_eq!(code, 1);
    let mut args = vec!["check", "a.en.txt", "--reason", "next edition"];
    for r in records.iter().filter(|r| is_drift(r.kind)) {
        args.extend(["--accept", r.id.as_str()]);
    }
    assert_eq!(args.len(), 8, "{records:#?}");
    let (code, text) = run_in(d, &args);
    assert_eq!(code, 0, "{text}");
    let (code, text) = run_in(d, &["export", "a.en.txt", "--to", "release", "-o", "out"]);
    assert_eq!(code, 0, "{text}");
    assert!(!text.contains("--allow-drift"), "{text}");
    let manifest = manifest_of(&d.join("out"));
    assert_eq!(manifest["allow_drift"], false);
    assert_eq!(manifest["check"]["passed"], true);
    assert_eq!(manifest["check"]["accepted"], 2);
    let units = &manifest["units"];
    assert_eq!(
        (&units["stale"], &units["missing"], &units["drift_passed"]),
        (&1.into(), &1.into(), &2.into()),
        "{units}"
    );
    let html = std::fs::read_to_string(d.join("out/a.bilingual.html")).unwrap();
    assert!(html.contains("class=\"row flagged stale missing"), "{html}");
    assert!(html.contains("<span class=\"badge stale\">stale</span>"));

    // The same with the drift kinds made warnings in the project.
    let dir = fair_project(
        "",
        "[check.kinds]\nstale = \"warning\"\nmissing = \"warning\"\n",
    );
    let d = dir.path();
    revise_fair(d);
    let (code, _) = check_json(d, &["a.en.txt"]);
    assert_eq!(code, 0);
    let (code, text) = run_in(
        d,
        &[
            "export",
            "a.en.txt",
            "--to",
            "bilingual-html",
            "-o",
            "a.html",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let html = std::fs::read_to_string(d.join("a.html")).unwrap();
    assert!(html.contains("class=\"row flagged stale missing"), "{html}");
    // Failing on warnings, the check and the export refuse alike.
    let (code, _) = check_json(d, &["a.en.txt", "--fail-on", "warning"]);
    assert_eq!(code, 1);
    let (code, text) = run_in(
        d,
        &[
            "export",
            "a.en.txt",
            "--to",
            "vi",
            "-o",
            "a.vi.txt",
            "--fail-on",
            "warning",
        ],
    );
    assert_eq!(code, 1, "{text}");
    assert!(!d.join("a.vi.txt").exists());
}

/// Regression: `source`/`target` of `songngu.toml` were ignored by the XLIFF, TMX and
/// release output (always `en` and `vi`).
#[test]
fn configured_languages_reach_xliff_tmx_and_the_manifest() {
    let dir = fair_project("source = \"en-GB\"\ntarget = \"vi-VN\"\n", "");
    let d = dir.path();
    revise_fair(d);
    for (version, wanted) in [
        ("2.0", "srcLang=\"en-GB\" trgLang=\"vi-VN\""),
        ("1.2", "source-language=\"en-GB\" target-language=\"vi-VN\""),
    ] {
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
        let xlf = std::fs::read_to_string(d.join("w.xlf")).unwrap();
        assert!(xlf.contains(wanted), "{xlf}");
    }
    let (code, text) = run_in(
        d,
        &[
            "export",
            "a.en.txt",
            "--to",
            "tmx",
            "-o",
            "a.tmx",
            "--allow-drift",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let tmx = std::fs::read_to_string(d.join("a.tmx")).unwrap();
    assert!(
        tmx.contains("srclang=\"en-GB\"")
            && tmx.contains("<tuv xml:lang=\"en-GB\">")
            && tmx.contains("<tuv xml:lang=\"vi-VN\">")
            && !tmx.contains("xml:lang=\"en\""),
        "{tmx}"
    );
    let (code, text) = run_in(
        d,
        &[
            "export",
            "a.en.txt",
            "--to",
            "release",
            "-o",
            "out",
            "--allow-drift",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let manifest = manifest_of(&d.join("out"));
    assert_eq!(manifest["source_lang"], "en-GB");
    assert_eq!(manifest["target_lang"], "vi-VN");
    assert_eq!(manifest["fail_on"], "error");
    let memory = std::fs::read(d.join("m.tmx")).unwrap();
    let sha = sha256_hex(&memory);
    assert_eq!(
        manifest["memory"],
        serde_json::json!([{ "path": "m.tmx", "sha256": sha }])
    );
    let xlf = std::fs::read_to_string(d.join("out/a.xlf")).unwrap();
    assert!(xlf.contains("srcLang=\"en-GB\""), "{xlf}");
    // A memory given on the command line is named as given.
    let (code, text) = run_in(
        d,
        &[
            "export",
            "a.en.txt",
            "--to",
            "release",
            "-o",
            "out",
            "--allow-drift",
            "--tm",
            "./m.tmx",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let manifest = manifest_of(&d.join("out"));
    assert_eq!(manifest["memory"][0]["path"], "./m.tmx");
}
