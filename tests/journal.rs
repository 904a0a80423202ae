//! Writes proportional to the change (issue 12, item 2): a save into a big memory appends
//! to its journal (`<memory>.journal`) instead of rewriting the TMX; everything songngu
//! reads a memory with sees the journal; `tm compact` writes it into the TMX, byte for byte
//! what a whole save writes; crashes, other programs, links and modes as for the TMX.
//!
//! The memories here are just past `JOURNAL_FROM` (4 MiB): smaller ones are rewritten
//! whole at each save, as before. Nothing is timed: the tests count bytes.
mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::Stdio;

use songngu::memory::save::JOURNAL_FROM;

/// The article the tests translate, and its units' ids.
const ARTICLE: &str = "The fair opened today. Visitors came from ten provinces.\n\nThe organisers expect more guests tomorrow.\n";

fn unit_ids() -> Vec<String> {
    [
        "The fair opened today.",
        "Visitors came from ten provinces.",
        "The organisers expect more guests tomorrow.",
    ]
    .iter()
    .map(|s| songngu::segment::text_id(s))
    .collect()
}

/// A folder with the article `a.en.txt` and a big memory `m.tmx`.
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.en.txt"), ARTICLE).expect("write");
    let tm = dir.path().join("m.tmx");
    std::fs::write(&tm, big_memory(8_000)).expect("write");
    assert!(std::fs::metadata(&tm).unwrap().len() > JOURNAL_FROM);
    (dir, tm)
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let (code, stdout, stderr) = run_in_apart(dir, args);
    assert_eq!(code, 0, "{args:?}:\n{stdout}\n{stderr}");
    stdout
}

fn translate(dir: &Path, unit: &str, vi: &str) -> (i32, String, String) {
    run_in_apart(
        dir,
        &[
            "translate",
            "a.en.txt",
            "--doc",
            "fair",
            "--tm",
            "m.tmx",
            "--unit",
            unit,
            "--vi",
            vi,
        ],
    )
}

fn journal(tm: &Path) -> PathBuf {
    songngu::memory::journal::path_for(tm)
}

#[test]
fn a_translation_into_a_big_memory_appends_bytes_of_its_size_and_every_reader_sees_it() {
    let (dir, tm) = project();
    let d = dir.path();
    let before = std::fs::read(&tm).expect("read");
    let ids = unit_ids();
    let (code, _, stderr) = translate(d, &ids[0], "Hội chợ khai mạc hôm nay.");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        std::fs::read(&tm).expect("read"),
        before,
        "the TMX is not rewritten"
    );
    let one = std::fs::metadata(journal(&tm)).expect("a journal").len();
    assert!(one < 2_048, "{one} bytes of journal for one short TU");
    // A second translation adds about as much again, not the file.
    let (code, _, stderr) = translate(d, &ids[1], "Khách đến từ mười tỉnh.");
    assert_eq!(code, 0, "{stderr}");
    let two = std::fs::metadata(journal(&tm)).unwrap().len();
    assert!(two - one < 1_024, "{} more bytes", two - one);
    assert_eq!(
        listing(d),
        ["a.en.txt", "m.tmx", "m.tmx.journal"],
        "no lock or temp left"
    );

    // Lookups, concordance, check, stats, export: all see the journaled TUs.
    let found = ok(
        d,
        &[
            "tm",
            "lookup",
            "m.tmx",
            "The fair opened today.",
            "--format",
            "json",
        ],
    );
    assert!(found.contains("Hội chợ khai mạc hôm nay."), "{found}");
    let found = ok(d, &["tm", "concordance", "m.tmx", "ten provinces"]);
    assert!(found.contains("Khách đến từ mười tỉnh."), "{found}");
    let (code, stdout, _) = run_in_apart(
        d,
        &[
            "check", "a.en.txt", "--doc", "fair", "--tm", "m.tmx", "--format", "json",
        ],
    );
    let missing = stdout.lines().filter(|l| l.contains("\"missing\"")).count();
    assert_eq!(
        (code, missing),
        (1, 1),
        "one unit still needs work:\n{stdout}"
    );
    let stats: serde_json::Value =
        serde_json::from_str(ok(d, &["tm", "stats", "m.tmx", "--format", "json"]).trim())
            .expect("JSON");
    assert_eq!(stats["tus"], 8_002);
    assert_eq!(stats["journal"]["changes"], 2);
    let text = ok(d, &["tm", "stats", "m.tmx"]);
    assert!(text.contains("journal `"), "{text}");
    ok(d, &["tm", "validate", "m.tmx"]);
    ok(d, &["tm", "export", "m.tmx", "-o", "exported.tmx"]);
    ok(
        d,
        &["tm", "export", "m.tmx", "--doc", "fair", "-o", "fair.tmx"],
    );
    assert_eq!(count_tus_in(&d.join("fair.tmx")), 2);

    // Compacted: the TMX alone is the memory, byte for byte what `tm export` wrote of the
    // TMX with its journal, and what a whole save writes.
    let out = ok(d, &["tm", "compact", "m.tmx"]);
    assert!(out.contains("2 changes"), "{out}");
    assert!(!journal(&tm).exists());
    let compacted = std::fs::read(&tm).expect("read");
    assert_eq!(compacted, std::fs::read(d.join("exported.tmx")).unwrap());
    assert_eq!(count_tus_in(&tm), 8_002);
    let out = ok(d, &["tm", "compact", "m.tmx"]);
    assert!(out.contains("nothing to do"), "{out}");
    assert_eq!(
        std::fs::read(&tm).unwrap(),
        compacted,
        "nothing to compact, nothing written"
    );
    // Storing the same translation again changes nothing at all.
    let (code, stdout, _) = translate(d, &ids[0], "Hội chợ khai mạc hôm nay.");
    assert_eq!(code, 0);
    assert!(stdout.contains("nothing changed"), "{stdout}");
    assert!(!journal(&tm).exists());
}

#[test]
fn a_small_memory_is_still_rewritten_whole_and_never_has_a_journal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::write(d.join("a.en.txt"), ARTICLE).unwrap();
    std::fs::write(d.join("m.tmx"), tmx_doc(PAIRS)).unwrap();
    let (code, _, stderr) = translate(d, &unit_ids()[0], "Hội chợ khai mạc hôm nay.");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(listing(d), ["a.en.txt", "m.tmx"]);
    assert_eq!(count_tus_in(&d.join("m.tmx")), 4);
}

#[test]
fn an_import_into_a_big_memory_is_journaled_and_a_bigger_one_compacts() {
    let (dir, tm) = project();
    let d = dir.path();
    let before = std::fs::read(&tm).unwrap();
    let pairs: Vec<(String, String)> = (0..200)
        .map(|i| (format!("Imported sentence {i}."), format!("Câu nhập {i}.")))
        .collect();
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    std::fs::write(d.join("small.tmx"), tmx_doc(&borrowed)).unwrap();
    ok(d, &["tm", "import", "small.tmx", "--into", "m.tmx"]);
    assert_eq!(std::fs::read(&tm).unwrap(), before);
    assert!(journal(&tm).exists());
    let found = ok(d, &["tm", "lookup", "m.tmx", "Imported sentence 7."]);
    assert!(found.contains("Câu nhập 7."), "{found}");
    // Importing the same file again finds every TU already there, in the journal.
    let report = ok(
        d,
        &[
            "tm",
            "import",
            "small.tmx",
            "--into",
            "m.tmx",
            "--format",
            "json",
        ],
    );
    assert!(report.contains("\"added\":0"), "{report}");
    // An import that would grow the journal past an eighth of the TMX compacts it.
    let pairs: Vec<(String, String)> = (0..2_000)
        .map(|i| {
            (
                format!("Another imported sentence number {i} about the weather."),
                format!("Một câu nhập khác số {i} về thời tiết."),
            )
        })
        .collect();
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    std::fs::write(d.join("big.tmx"), tmx_doc(&borrowed)).unwrap();
    ok(d, &["tm", "import", "big.tmx", "--into", "m.tmx"]);
    assert!(!journal(&tm).exists(), "compacted");
    assert_eq!(count_tus_in(&tm), 8_000 + 200 + 2_000);
    assert_eq!(listing(d), ["a.en.txt", "big.tmx", "m.tmx", "small.tmx"]);
}

#[test]
fn a_journal_is_kept_beside_the_file_a_link_points_to_with_its_mode() {
    let (dir, _) = project();
    let d = dir.path();
    std::fs::create_dir(d.join("real")).unwrap();
    std::fs::rename(d.join("m.tmx"), d.join("real/m.tmx")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::os::unix::fs::symlink("real/m.tmx", d.join("m.tmx")).unwrap();
        std::fs::set_permissions(d.join("real/m.tmx"), std::fs::Permissions::from_mode(0o640))
            .unwrap();
        let (code, _, stderr) = translate(d, &unit_ids()[0], "Hội chợ khai mạc hôm nay.");
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(listing(&d.join("real")), ["m.tmx", "m.tmx.journal"]);
        assert_eq!(listing(d), ["a.en.txt", "m.tmx", "real"]);
        let mode = std::fs::metadata(d.join("real/m.tmx.journal"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640, "the journal takes the memory's mode");
        let found = ok(d, &["tm", "lookup", "m.tmx", "The fair opened today."]);
        assert!(found.contains("Hội chợ"), "{found}");
        ok(d, &["tm", "compact", "m.tmx"]);
        assert_eq!(listing(&d.join("real")), ["m.tmx"]);
        assert!(
            std::fs::symlink_metadata(d.join("m.tmx"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        let mode = std::fs::metadata(d.join("real/m.tmx"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640);
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_memory_is_refused_or_rewritten_whole_never_journaled() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, tm) = project();
    let d = dir.path();
    std::fs::set_permissions(&tm, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&tm).unwrap();
    let (code, _, stderr) = translate(d, &unit_ids()[0], "Hội chợ khai mạc hôm nay.");
    assert_eq!(code, 2, "{stderr}");
    assert_eq!(std::fs::read(&tm).unwrap(), before);
    assert_eq!(listing(d), ["a.en.txt", "m.tmx"]);
    let (code, _, stderr) = run_in_apart(
        d,
        &[
            "translate",
            "a.en.txt",
            "--doc",
            "fair",
            "--tm",
            "m.tmx",
            "--unit",
            &unit_ids()[0],
            "--vi",
            "Hội chợ khai mạc hôm nay.",
            "--force-readonly",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        listing(d),
        ["a.en.txt", "m.tmx"],
        "no journal beside a read-only file"
    );
    assert_eq!(count_tus_in(&tm), 8_001);
    let mode = std::fs::metadata(&tm).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o444);
}

#[test]
fn a_memory_changed_by_another_program_while_it_has_a_journal_is_an_error_naming_both() {
    let (dir, tm) = project();
    let d = dir.path();
    let ids = unit_ids();
    assert_eq!(translate(d, &ids[0], "Hội chợ khai mạc hôm nay.").0, 0);
    let journal_bytes = std::fs::read(journal(&tm)).unwrap();
    // Another program (or `git pull`) puts another version of the TMX in place.
    let theirs = big_memory(8_001);
    std::fs::write(&tm, &theirs).unwrap();
    for args in [
        vec![
            "translate",
            "a.en.txt",
            "--doc",
            "fair",
            "--tm",
            "m.tmx",
            "--unit",
            &ids[1],
            "--vi",
            "Khách.",
        ],
        vec!["tm", "lookup", "m.tmx", "The fair opened today."],
        vec!["tm", "stats", "m.tmx"],
        vec!["tm", "compact", "m.tmx"],
    ] {
        let (code, _, stderr) = run_in_apart(d, &args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert!(
            stderr.contains("`m.tmx.journal`") && stderr.contains("`m.tmx`"),
            "{args:?}: {stderr}"
        );
    }
    // Nothing was lost or changed: put the TMX back and the translation is there.
    assert_eq!(std::fs::read(journal(&tm)).unwrap(), journal_bytes);
    assert_eq!(std::fs::read(&tm).unwrap(), theirs.as_bytes());
    std::fs::write(&tm, big_memory(8_000)).unwrap();
    let found = ok(d, &["tm", "lookup", "m.tmx", "The fair opened today."]);
    assert!(found.contains("Hội chợ khai mạc hôm nay."), "{found}");
    // In Vietnamese too.
    std::fs::write(&tm, &theirs).unwrap();
    let output = songngu("vi")
        .current_dir(d)
        .args(["tm", "stats", "m.tmx"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("nhật ký") || stderr.contains("`m.tmx.journal`"),
        "{stderr}"
    );
}

#[test]
fn killing_an_append_midway_loses_nothing_that_was_saved() {
    let (dir, tm) = project();
    let d = dir.path();
    let ids = unit_ids();
    assert_eq!(translate(d, &ids[0], "Hội chợ khai mạc hôm nay.").0, 0);
    let saved = std::fs::metadata(journal(&tm)).unwrap().len();
    let pairs: Vec<(String, String)> = (0..1_500)
        .map(|i| {
            (
                format!("Imported sentence {i} on the harvest."),
                format!("Câu nhập {i} về mùa màng."),
            )
        })
        .collect();
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    std::fs::write(d.join("foreign.tmx"), tmx_doc(&borrowed)).unwrap();
    let mut killed_midway = false;
    // Kill the import as soon as its commit starts to grow the journal.
    let mut child = std::process::Command::new(BIN)
        .env_clear()
        .env("SONGNGU_LANG", "en")
        .current_dir(d)
        .args(["tm", "import", "foreign.tmx", "--into", "m.tmx"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    for _ in 0..20_000 {
        let len = std::fs::metadata(journal(&tm)).map_or(0, |m| m.len());
        if len > saved {
            child.kill().expect("kill");
            killed_midway = true;
            break;
        }
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let _ = child.wait();
    // Whatever the moment: the memory reads, with the saved translation, and the import
    // either whole or not at all.
    let stats: serde_json::Value =
        serde_json::from_str(ok(d, &["tm", "stats", "m.tmx", "--format", "json"]).trim())
            .expect("JSON");
    let tus = stats["tus"].as_u64().unwrap();
    assert!(
        tus == 8_001 || tus == 9_501,
        "{tus} TUs (killed midway: {killed_midway})"
    );
    let found = ok(d, &["tm", "lookup", "m.tmx", "The fair opened today."]);
    assert!(found.contains("Hội chợ khai mạc hôm nay."), "{found}");
    // The next writer cuts off what was never committed and goes on.
    ok(d, &["tm", "import", "foreign.tmx", "--into", "m.tmx"]);
    let stats: serde_json::Value =
        serde_json::from_str(ok(d, &["tm", "stats", "m.tmx", "--format", "json"]).trim())
            .expect("JSON");
    assert_eq!(stats["tus"], 9_501);
    assert!(
        listing(d)
            .iter()
            .all(|n| !n.ends_with(".tmp") && !n.ends_with(".lock")),
        "{:?}",
        listing(d)
    );
    ok(d, &["tm", "compact", "m.tmx"]);
    assert_eq!(count_tus_in(&tm), 9_501);
}

#[test]
fn a_torn_record_at_the_end_of_the_journal_is_ignored_then_cut_off() {
    let (dir, tm) = project();
    let d = dir.path();
    let ids = unit_ids();
    assert_eq!(translate(d, &ids[0], "Hội chợ khai mạc hôm nay.").0, 0);
    let committed = std::fs::read(journal(&tm)).unwrap();
    assert_eq!(translate(d, &ids[1], "Khách đến từ mười tỉnh.").0, 0);
    let both = std::fs::read(journal(&tm)).unwrap();
    // The second commit torn in the middle, as a crash during its write leaves it.
    let torn = &both[..committed.len() + (both.len() - committed.len()) / 2];
    std::fs::write(journal(&tm), torn).unwrap();
    let found = ok(
        d,
        &[
            "tm",
            "lookup",
            "m.tmx",
            "Visitors came from ten provinces.",
            "--min",
            "100",
        ],
    );
    assert!(!found.contains("Khách đến"), "{found}");
    let found = ok(d, &["tm", "lookup", "m.tmx", "The fair opened today."]);
    assert!(found.contains("Hội chợ"), "{found}");
    assert_eq!(
        std::fs::read(journal(&tm)).unwrap(),
        torn,
        "a reader changes nothing"
    );
    assert_eq!(
        translate(d, &ids[2], "Ban tổ chức chờ thêm khách ngày mai.").0,
        0
    );
    let after = std::fs::read(journal(&tm)).unwrap();
    assert!(after.starts_with(&committed) && !after.starts_with(torn));
    let stats: serde_json::Value =
        serde_json::from_str(ok(d, &["tm", "stats", "m.tmx", "--format", "json"]).trim())
            .expect("JSON");
    assert_eq!(stats["tus"], 8_002);
}

#[test]
fn exports_and_the_release_manifest_see_the_journal() {
    let (dir, tm) = project();
    let d = dir.path();
    let ids = unit_ids();
    let texts = [
        "Hội chợ khai mạc hôm nay.",
        "Khách đến từ mười tỉnh.",
        "Ban tổ chức chờ thêm khách ngày mai.",
    ];
    for (id, vi) in ids.iter().zip(texts) {
        assert_eq!(translate(d, id, vi).0, 0);
    }
    assert!(journal(&tm).exists());
    let args = ["export", "a.en.txt", "--doc", "fair", "--tm", "m.tmx"];
    let vi = ok(d, &[&args[..], &["--to", "vi", "-o", "-"]].concat());
    for text in texts {
        assert!(vi.contains(text), "{vi}");
    }
    ok(d, &[&args[..], &["--to", "tmx", "-o", "fair.tmx"]].concat());
    assert_eq!(count_tus_in(&d.join("fair.tmx")), 3);
    ok(d, &[&args[..], &["--to", "release", "-o", "out"]].concat());
    let manifest = manifest_of(&d.join("out"));
    let memory = &manifest["memory"][0];
    assert_eq!(memory["sha256"], sha256_hex(&std::fs::read(&tm).unwrap()));
    assert_eq!(
        memory["journal_sha256"],
        sha256_hex(&std::fs::read(journal(&tm)).unwrap()),
        "{manifest:#}"
    );
    // Compacted, the TMX alone is the memory: no journal in the manifest.
    ok(d, &["tm", "compact", "m.tmx"]);
    std::fs::remove_dir_all(d.join("out")).unwrap();
    ok(d, &[&args[..], &["--to", "release", "-o", "out"]].concat());
    let manifest = manifest_of(&d.join("out"));
    assert!(
        manifest["memory"][0].get("journal_sha256").is_none(),
        "{manifest:#}"
    );
    // `tm compact` of a memory that is not there is an error, and makes nothing.
    let (code, _, stderr) = run_in_apart(d, &["tm", "compact", "none.tmx"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(!d.join("none.tmx").exists() && !d.join("none.tmx.lock").exists());
}
