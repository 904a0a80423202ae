//! The translator's loop and the release, end to end, on the bundled example.

use crate::common::*;

/// The Vietnamese a translator gives each unit that needs work after the seed revision.
const SEED_V2_TRANSLATIONS: [(&str, &str); 5] = [
    (
        "organized a conference on",
        "Ngày 27/11/2019, tại Hà Nội, Bộ Thông tin và Truyền thông tổ chức hội thảo “Ứng xử có trách nhiệm của quốc gia trên không gian mạng”.",
    ),
    (
        "The conference was held in collaboration",
        "Hội thảo được tổ chức với sự phối hợp của Viện Chính sách Chiến lược Úc.",
    ),
    (
        "further research and discussion",
        "Do đó, cần nghiên cứu, thảo luận thêm để các quy tắc này có thể được áp dụng trên thực tế.",
    ),
    (
        "He also proposed",
        "Ông cũng đề xuất tổ chức hội thảo hằng năm để các nước thành viên rà soát tiến độ áp dụng các quy tắc ứng xử.",
    ),
    (
        "more than 1,200 guests",
        "Đặc biệt, sự kiện được tổ chức trong khuôn khổ Ngày An toàn thông tin Việt Nam - sự kiện thu hút hơn 1.200 khách mời, tạo sức lan tỏa rộng rãi tại Việt Nam và trong khu vực.",
    ),
];

#[test]
fn the_whole_loop_on_the_bundled_example() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in ["seed.en.txt", "seed.vi.txt", "seed.v2.en.txt"] {
        std::fs::copy(root().join("examples").join(f), d.join(f)).unwrap();
    }
    let run = |args: &[&str]| {
        let output = songngu("en-US")
            .current_dir(d)
            .env("SONGNGU_USER", "lan")
            .args(args)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        (output.status.code().unwrap(), text)
    };
    // A project: the memory under tmx/, the article as document `seed`.
    assert_eq!(
        run(&[
            "init",
            "--tm",
            "tmx/memory.tmx",
            "--article",
            "seed=seed.v2.en.txt"
        ])
        .0,
        0
    );
    assert_eq!(run(&["segment", "seed.en.txt"]).0, 0);
    // Seed the memory from the published pair.
    let (code, _) = run(&[
        "align",
        "seed.en.txt",
        "seed.vi.txt",
        "--into",
        "tmx/memory.tmx",
        "--doc",
        "seed",
        "--format",
        "tsv",
    ]);
    assert_eq!(code, 0);
    // The English was revised: carry what is unchanged.
    let (code, text) = run(&["update", "seed.v2.en.txt"]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("3 stale") && text.contains("2 missing") && text.contains("1 orphaned"),
        "{text}"
    );
    // Issue 14: the deleted sentence's TU is retired by this update, which tells it.
    assert!(
        text.contains("  retired [") && text.contains("] Specific laws are needed to ensure"),
        "{text}"
    );
    assert!(text.contains("1 old translation retired"), "{text}");
    // The check finds the five changes; the retired TU only when asked.
    let (code, records) = check_json(d, &["seed.v2.en.txt"]);
    assert_eq!(code, 1);
    let kinds: Vec<&str> = records
        .iter()
        .filter(|r| is_drift(r.kind))
        .map(|r| r.kind.name())
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "stale").count(),
        3,
        "{kinds:?}"
    );
    assert_eq!(
        kinds.iter().filter(|k| **k == "missing").count(),
        2,
        "{kinds:?}"
    );
    assert_eq!(
        kinds.iter().filter(|k| **k == "orphaned").count(),
        0,
        "{kinds:?}"
    );
    let (_, all) = check_json(d, &["seed.v2.en.txt", "--show-obsolete"]);
    let orphaned: Vec<_> = all.iter().filter(|r| r.kind.name() == "orphaned").collect();
    assert_eq!(orphaned.len(), 1, "{all:#?}");
    let tus = || count_tus_in(&d.join("tmx/memory.tmx"));
    let mut last_count = tus();
    let mut never_fewer = |step: &str| {
        let now = tus();
        assert!(now >= last_count, "{step}: {last_count} TUs became {now}");
        last_count = now;
    };
    never_fewer("update");
    // The release is refused while drift remains: the findings are listed and nothing is
    // written.
    let (code, text) = run(&["export", "seed.v2.en.txt", "--to", "release", "-o", "out"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains("stale") && text.contains("more than {+1,200+} guests"),
        "{text}"
    );
    assert!(!d.join("out").exists());
    // XLIFF for the translator.
    let (code, text) = run(&["xliff", "export", "seed.v2.en.txt", "-o", "work.xlf"]);
    assert_eq!(code, 0, "{text}");
    let exported = std::fs::read_to_string(d.join("work.xlf")).unwrap();
    assert_eq!(exported.matches("<unit ").count(), 5, "{exported}");
    // Sent back untouched, nothing is taken for a translation: the stale units keep
    // failing the check.
    let (_, text) = run(&["xliff", "import", "work.xlf"]);
    assert!(text.contains("0 translations stored"), "{text}");
    assert_eq!(check_json(d, &["seed.v2.en.txt"]).0, 1);
    never_fewer("untouched import");
    // The translator works in a CAT tool: writes each target and marks it translated.
    let mut edited = String::new();
    for (i, segment) in exported.split("<segment ").enumerate() {
        if i == 0 {
            edited.push_str(segment);
            continue;
        }
        edited.push_str("<segment ");
        let source =
            &segment[segment.find("<source>").unwrap()..segment.find("</source>").unwrap()];
        let (_, vi) = SEED_V2_TRANSLATIONS
            .iter()
            .find(|(en, _)| source.contains(en))
            .unwrap_or_else(|| panic!("unexpected unit {source}"));
        let segment = segment.replacen("state=\"initial\"", "state=\"translated\"", 1);
        let target = format!("<target>{vi}</target>");
        let segment = match (segment.find("<target>"), segment.find("</target>")) {
            (Some(start), Some(end)) => format!(
                "{}{target}{}",
                &segment[..start],
                &segment[end + "</target>".len()..]
            ),
            _ => segment.replacen("</source>", &format!("</source>\n        {target}"), 1),
        };
        edited.push_str(&segment);
    }
    std::fs::write(d.join("work.xlf"), edited).unwrap();
    let (code, text) = run(&["xliff", "import", "work.xlf"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("5 translations stored"), "{text}");
    never_fewer("import");
    let memory = std::fs::read_to_string(d.join("tmx/memory.tmx")).unwrap();
    assert!(
        memory.contains("changeid=\"lan\"") && memory.contains("hơn 1.200 khách mời"),
        "the translator's work is in the memory, signed"
    );
    // Importing again changes nothing.
    let (_, text) = run(&["xliff", "import", "work.xlf"]);
    assert!(
        text.contains("0 translations stored, 5 unchanged"),
        "{text}"
    );
    never_fewer("second import");
    // Now the check passes: the old TUs are kept, retired (by the update and the import).
    let (code, records) = check_json(d, &["seed.v2.en.txt"]);
    assert_eq!(code, 0, "{records:#?}");
    assert!(
        records
            .iter()
            .all(|r| r.severity == songngu::drift::Severity::Info),
        "{records:#?}"
    );
    // The release: every file listed in the manifest with its true hash.
    let (code, text) = run(&["export", "seed.v2.en.txt", "--to", "release", "-o", "out"]);
    assert_eq!(code, 0, "{text}");
    let manifest = manifest_of(&d.join("out"));
    assert_eq!(manifest["allow_drift"], false);
    assert_eq!(manifest["check"]["passed"], true);
    assert_eq!(manifest["document"]["id"], "seed");
    assert_eq!(
        manifest["document"]["sha256"],
        sha256_hex(&std::fs::read(d.join("seed.v2.en.txt")).unwrap())
    );
    let files = manifest["files"].as_array().unwrap();
    let mut names: Vec<&str> = files.iter().map(|f| f["name"].as_str().unwrap()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "seed.v2.bilingual.html",
            "seed.v2.bilingual.md",
            "seed.v2.tmx",
            "seed.v2.vi.txt",
            "seed.v2.xlf"
        ]
    );
    for file in files {
        let bytes = std::fs::read(d.join("out").join(file["name"].as_str().unwrap())).unwrap();
        assert_eq!(file["sha256"], sha256_hex(&bytes), "{file}");
    }
    let vi = std::fs::read_to_string(d.join("out/seed.v2.vi.txt")).unwrap();
    assert!(
        vi.contains("hơn 1.200 khách mời") && vi.contains("Viện Chính sách Chiến lược Úc."),
        "{vi}"
    );
    // The Vietnamese article keeps the English's layout: the same lines, blank or not.
    let en = std::fs::read_to_string(d.join("seed.v2.en.txt")).unwrap();
    let blank = |t: &str| t.lines().map(|l| l.trim().is_empty()).collect::<Vec<_>>();
    assert_eq!(blank(&vi), blank(&en));
    never_fewer("export");
}

/// The README's first command, `scripts/demo.sh`, runs the pipeline on the bundled example
/// (here with this build and a temporary folder).
#[test]
fn the_readme_demo_runs_the_pipeline() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let first_block = readme.split("```sh\n").nth(1).unwrap();
    assert!(
        first_block.starts_with("./scripts/demo.sh\ncargo test\n"),
        "{first_block}"
    );
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new("bash")
        .arg(root().join("scripts/demo.sh"))
        // Relative to the repository when it can be, as the script's own build is: the
        // project it sets up is entered with `cd`.
        .env("SONGNGU_BIN", bin_as_the_demo_names_it())
        .env("SONGNGU_DEMO_OUT", dir.path())
        .env("SONGNGU_LANG", "en-US")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // Issue 14: the orphan is information and is listed apart from what fails.
    assert!(
        text.contains("5 findings fail the check — stale 3, missing 2; not failing: orphaned 1"),
        "{text}"
    );
    assert!(text.contains("exit code 1, nothing written"), "{text}");
    // `status` tells the revision's drift in numbers, before the report.
    assert!(
        text.contains("22 units: 17 current (16 translated, 1 needing review, 0 reviewed), 3 stale, 2 missing, 0 left out on purpose; 0 retired, 1 orphaned"),
        "{text}"
    );
    assert!(dir.path().join("release/seed.v2.bilingual.html").is_file());
    assert!(dir.path().join("release/manifest.json").is_file());
    // The next step it names, the review page, has a project to serve: the revision with
    // its drift, a copy of the memory.
    let project = dir.path().join("project");
    assert!(
        text.contains(&format!("cd {} && ", project.display())) && text.contains(" serve --open"),
        "{text}"
    );
    let (code, out) = run_in(&project, &["status"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("3 stale, 2 missing"), "{out}");
    let (code, _) = run_in(&project, &["check", "seed.v2.en.txt"]);
    assert_eq!(code, 1);
}

/// The binary's path relative to the repository root (the demo's own `target/release/…`
/// is), else absolute.
fn bin_as_the_demo_names_it() -> std::path::PathBuf {
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_songngu"));
    bin.strip_prefix(root()).unwrap_or(bin).to_owned()
}
