//! `songngu tm`: stats, validate, convert, lookup, concordance, import and export of
//! translation memories, and saves that survive a kill or a second writer.

use std::path::Path;
use std::process::Stdio;

use predicates::prelude::*;
use predicates::str::contains;

use crate::common::*;

#[test]
fn tm_stats_counts_tus_and_languages() {
    let (_dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    songngu("en")
        .args(["tm", "stats"])
        .arg(&tm)
        .assert()
        .code(0)
        .stdout(contains("3 TUs, 6 variants").and(contains("en (3), vi (3)")));
    let out = stdout_of(
        songngu("en")
            .args(["tm", "stats", "--format", "json"])
            .arg(&tm),
    );
    let stats: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON line");
    assert_eq!(stats["tus"], 3);
    assert_eq!(stats["tuvs"], 6);
    assert_eq!(stats["languages"]["vi"], 3);
    assert_eq!(stats["problems"], 0);
}

#[test]
fn tm_stats_on_broken_xml_names_line_and_column_and_exits_two() {
    let broken = tmx_doc(PAIRS).replace("</tu>\n  </body>", "\n  </body>");
    let (_dir, tm) = temp_file("broken.tmx", broken.as_bytes());
    songngu("en")
        .args(["tm", "stats"])
        .arg(&tm)
        .assert()
        .code(2)
        .stderr(contains("broken.tmx`:").and(contains("songngu: error:")));
}

#[test]
fn tm_convert_writes_utf8_tmx_from_utf16() {
    let utf16: Vec<u8> = std::iter::once(0xFEFF_u16)
        .chain(tmx_doc(PAIRS).replace("UTF-8", "UTF-16").encode_utf16())
        .flat_map(|unit| unit.to_le_bytes())
        .collect();
    let (dir, input) = temp_file("in.tmx", &utf16);
    let output = dir.path().join("out.tmx");
    songngu("en")
        .args(["tm", "convert"])
        .arg(&input)
        .arg("-o")
        .arg(&output)
        .assert()
        .code(0)
        .stderr(contains("3 TUs"));
    let written = std::fs::read_to_string(&output).expect("UTF-8 output");
    assert!(written.contains("Thứ trưởng Nguyễn Thanh Hùng"));
    assert!(written.contains("version=\"1.4\""));
    // Converting the output again gives the same bytes: the writer is deterministic.
    let again = dir.path().join("again.tmx");
    songngu("en")
        .args(["tm", "convert"])
        .arg(&output)
        .arg("-o")
        .arg(&again)
        .assert()
        .code(0);
    assert_eq!(
        std::fs::read(&output).expect("read"),
        std::fs::read(&again).expect("read")
    );
}

#[test]
fn tm_lookup_finds_exact_and_fuzzy_matches_as_json() {
    let (dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let queries = dir.path().join("q.txt");
    std::fs::write(
        &queries,
        "The event attracted more than one thousand guests.\nThe event attracted more than 1,200 guests.\nCompletely unrelated words here.\n",
    )
    .expect("write queries");
    let out = stdout_of(
        songngu("en")
            .args(["tm", "lookup"])
            .arg(&tm)
            .arg("--queries")
            .arg(&queries)
            .args(["--min", "60", "--format", "json"]),
    );
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 3, "one line per query");
    assert_eq!(lines[0]["matches"][0]["score"], 100);
    assert_eq!(
        lines[0]["matches"][0]["target"],
        "Sự kiện thu hút hơn một nghìn khách mời."
    );
    assert_eq!(lines[0]["matches"][0]["tuid"], "t2");
    let fuzzy = lines[1]["matches"][0]["score"]
        .as_u64()
        .expect("a fuzzy match");
    assert!((60..100).contains(&fuzzy), "{fuzzy}");
    assert_eq!(lines[2]["matches"].as_array().map(Vec::len), Some(0));
}

#[test]
fn tm_concordance_ignores_diacritics_only_when_asked() {
    let (_dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let count = |extra: &[&str]| {
        let out = stdout_of(
            songngu("en")
                .args(["tm", "concordance"])
                .arg(&tm)
                .args(["Thanh Hung", "--target", "--format", "json"])
                .args(extra),
        );
        out.lines().count()
    };
    assert_eq!(count(&[]), 0);
    assert_eq!(count(&["--ignore-diacritics"]), 1);
}

#[test]
fn tm_import_reports_dry_run_then_merges_with_duplicate_policy() {
    let (dir, tm) = temp_file("m.tmx", tmx_doc(&PAIRS[..2]).as_bytes());
    let foreign = dir.path().join("foreign.tmx");
    // One duplicate of an existing TU (same date: not newer) and one new TU.
    std::fs::write(&foreign, tmx_doc(&PAIRS[1..])).expect("write");
    let before = std::fs::read(&tm).expect("read");
    let out = stdout_of(
        songngu("en")
            .args(["tm", "import"])
            .arg(&foreign)
            .arg("--into")
            .arg(&tm)
            .args(["--dry-run", "--format", "json"]),
    );
    let report: serde_json::Value = serde_json::from_str(out.trim()).expect("JSON");
    assert_eq!(report["dry_run"], true);
    assert_eq!(report["report"]["tus"], 2);
    assert_eq!(report["report"]["added"], 1);
    assert_eq!(report["report"]["duplicates"], 1);
    assert_eq!(report["report"]["kept_existing"], 1);
    assert_eq!(
        std::fs::read(&tm).expect("read"),
        before,
        "a dry run writes nothing"
    );

    songngu("en")
        .args(["tm", "import"])
        .arg(&foreign)
        .arg("--into")
        .arg(&tm)
        .assert()
        .code(0);
    assert_eq!(count_tus_in(&tm), 3);
    songngu("en")
        .args(["tm", "import", "--duplicates", "keep-all"])
        .arg(&foreign)
        .arg("--into")
        .arg(&tm)
        .assert()
        .code(0);
    assert_eq!(count_tus_in(&tm), 5);
}

/// `count` generated en-vi pairs, long enough to make a save take a while.
fn generated_memory(count: usize, tag: &str) -> String {
    let owned: Vec<(String, String)> = (0..count)
        .map(|i| {
            (
                format!("Sentence {i} from {tag} says that the ministry met {i} delegates in Hanoi today."),
                format!("Câu {i} từ {tag} nói rằng bộ đã gặp {i} đại biểu tại Hà Nội hôm nay."),
            )
        })
        .collect();
    let pairs: Vec<(&str, &str)> = owned
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    tmx_doc(&pairs)
}

#[test]
fn killing_a_save_midway_leaves_the_old_file_whole() {
    let (dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let before = std::fs::read(&tm).expect("read");
    let foreign = dir.path().join("big.tmx");
    std::fs::write(&foreign, generated_memory(60_000, "big")).expect("write");
    let mut child = std::process::Command::new(BIN)
        .env_clear()
        .env("SONGNGU_LANG", "en")
        .args(["tm", "import"])
        .arg(&foreign)
        .arg("--into")
        .arg(&tm)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    // Wait until the save has started writing its temp file, then kill without warning.
    let temp_started = || {
        std::fs::read_dir(dir.path())
            .expect("list")
            .flatten()
            .any(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
    };
    let mut killed_mid_save = false;
    for _ in 0..6000 {
        if temp_started() {
            child.kill().expect("kill");
            killed_mid_save = true;
            break;
        }
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = child.wait();
    let after = std::fs::read(&tm).expect("the memory file is still there");
    if killed_mid_save {
        assert_eq!(
            after, before,
            "killed before the rename: the old file, byte for byte"
        );
    } else {
        assert_eq!(
            count_tus_in(&tm),
            60_003,
            "finished first: the new file, whole"
        );
    }
    // The next writer cleans up the crashed save's temp file and succeeds.
    songngu("en")
        .args(["tm", "import"])
        .arg(&foreign)
        .arg("--into")
        .arg(&tm)
        .assert()
        .code(0);
    assert_eq!(count_tus_in(&tm), 60_003);
    let leftovers = std::fs::read_dir(dir.path())
        .expect("list")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(leftovers, 0);
}

#[test]
fn two_imports_at_once_lose_nothing() {
    let (dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let a = dir.path().join("a.tmx");
    let b = dir.path().join("b.tmx");
    std::fs::write(&a, generated_memory(3_000, "A")).expect("write");
    std::fs::write(&b, generated_memory(3_000, "B")).expect("write");
    let spawn = |file: &Path| {
        std::process::Command::new(BIN)
            .env_clear()
            .env("SONGNGU_LANG", "en")
            .args(["tm", "import"])
            .arg(file)
            .arg("--into")
            .arg(&tm)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn")
    };
    let first = spawn(&a);
    let second = spawn(&b);
    for child in [first, second] {
        let output = child.wait_with_output().expect("wait");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert_eq!(count_tus_in(&tm), 6_003);
}

#[test]
fn a_locked_memory_fails_at_once_with_no_wait() {
    let (dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let lock = std::fs::File::create(dir.path().join("m.tmx.lock")).expect("lock file");
    lock.lock().expect("hold the lock");
    let foreign = dir.path().join("f.tmx");
    std::fs::write(&foreign, tmx_doc(&PAIRS[..1])).expect("write");
    songngu("en")
        .args(["tm", "import", "--no-wait"])
        .arg(&foreign)
        .arg("--into")
        .arg(&tm)
        .assert()
        .code(2)
        .stderr(contains("is being written by another songngu process"));
}

#[test]
fn tm_validate_exits_one_on_warnings_where_stats_exits_zero() {
    // A header without its required attributes is readable, with a warning.
    let doc = tmx_doc(PAIRS).replace(
        "<header creationtool=\"test\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"test\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>",
        "<header srclang=\"en\"/>",
    );
    let (_dir, tm) = temp_file("w.tmx", doc.as_bytes());
    songngu("en")
        .args(["tm", "stats"])
        .arg(&tm)
        .assert()
        .code(0);
    songngu("en")
        .args(["tm", "validate"])
        .arg(&tm)
        .assert()
        .code(1)
        .stderr(contains("w.tmx`:").and(contains("warning:")));
    songngu("vi")
        .args(["tm", "validate"])
        .arg(&tm)
        .assert()
        .code(1)
        .stderr(contains("cảnh báo:"));
}

#[test]
fn tm_export_keeps_only_the_documents_tus() {
    let doc = tmx_doc(PAIRS).replacen(
        "<tuv xml:lang=\"en\">",
        "<prop type=\"x-songngu-doc\">seed</prop>\n      <tuv xml:lang=\"en\">",
        1,
    );
    let (dir, tm) = temp_file("m.tmx", doc.as_bytes());
    let out = dir.path().join("seed.tmx");
    songngu("en")
        .args(["tm", "export"])
        .arg(&tm)
        .arg("-o")
        .arg(&out)
        .args(["--doc", "seed"])
        .assert()
        .code(0);
    assert_eq!(count_tus_in(&out), 1);
    assert!(
        std::fs::read_to_string(&out)
            .expect("read")
            .contains("Nguyễn Thanh Hùng")
    );
}

/// Issue 14: the import summary agrees in number ("1 copy of a TU", "1 problem").
#[test]
fn tm_import_summary_agrees_in_number() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.tmx"), tmx_doc(&PAIRS[..1])).unwrap();
    let (code, text) = run_in(d, &["tm", "import", "a.tmx", "--into", "m.tmx"]);
    assert_eq!(code, 0, "{text}");
    let (code, text) = run_in(d, &["tm", "import", "a.tmx", "--into", "m.tmx"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("1 copy of a TU already there"), "{text}");
    assert!(text.contains("0 problems"), "{text}");
    assert!(!text.contains("1 copies"), "{text}");
}

/// The diff of a lookup's JSON reads as `check`'s: `op` `delete` only in the match's
/// source, `insert` only in the query, what the text shows in `[-...-]` and `{+...+}`;
/// the deprecated `kind` stays the other way round.
#[test]
fn tm_lookup_json_diff_has_checks_op_and_keeps_kind() {
    let (_dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let query = "The event attracted more than 1,200 guests.";
    let lookup = |format: &str| {
        stdout_of(
            songngu("en")
                .args(["tm", "lookup"])
                .arg(&tm)
                .arg(query)
                .args(["--min", "60", "--format", format]),
        )
    };
    let line: serde_json::Value = serde_json::from_str(lookup("json").trim()).expect("JSON");
    let diff = &line["matches"][0]["diff"];
    assert_eq!(
        line["matches"][0]["source"],
        "The event attracted more than one thousand guests."
    );
    let parts: Vec<songngu::drift::report::DiffPart> =
        serde_json::from_value(diff.clone()).expect("check's diff parts");
    let side = |op| {
        let parts = parts.iter().filter(|p| p.op != op);
        parts.map(|p| p.text.as_str()).collect::<String>()
    };
    use songngu::drift::report::DiffOp;
    assert_eq!(
        side(DiffOp::Insert),
        "The event attracted more than one thousand guests."
    );
    assert_eq!(side(DiffOp::Delete), query);
    let kinds: Vec<(&str, &str)> = diff
        .as_array()
        .expect("parts")
        .iter()
        .map(|p| (p["kind"].as_str().unwrap(), p["op"].as_str().unwrap()))
        .collect();
    assert!(kinds.contains(&("insert", "delete")), "{kinds:?}");
    assert!(kinds.contains(&("delete", "insert")), "{kinds:?}");
    let text = lookup("text");
    assert!(text.contains("[-one thousand-]"), "{text}");
    assert!(text.contains("{+1,200+}"), "{text}");
}

/// A folder with a project whose memory is `tmx/news.tmx`, written when `memory` is.
fn project_with_memory(memory: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("songngu.toml"),
        "source = \"en\"\ntarget = \"vi\"\nmemory = [\"tmx/news.tmx\"]\n",
    )
    .expect("write project");
    if let Some(memory) = memory {
        std::fs::create_dir(dir.path().join("tmx")).expect("tmx folder");
        std::fs::write(dir.path().join("tmx/news.tmx"), memory).expect("write memory");
    }
    dir
}

#[test]
fn tm_lookup_and_concordance_read_the_projects_memory_when_given_none() {
    let dir = project_with_memory(Some(&tmx_doc(PAIRS)));
    let (code, out, err) = run_in_apart(dir.path(), &["tm", "lookup", PAIRS[1].0]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("100%") && out.contains(PAIRS[1].1), "{out}");
    let (code, out, err) = run_in_apart(dir.path(), &["tm", "concordance", "guests"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains(PAIRS[1].1), "{out}");
}

#[test]
fn tm_lookup_with_tm_flags_reads_those_memories_and_not_the_projects() {
    let dir = project_with_memory(Some(&tmx_doc(&PAIRS[..1])));
    let other = dir.path().join("other.tmx");
    std::fs::write(&other, tmx_doc(&PAIRS[1..])).expect("write");
    let other = other.to_str().expect("UTF-8 path");
    let (code, out, err) = run_in_apart(dir.path(), &["tm", "lookup", "--tm", other, PAIRS[1].0]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("100%") && out.contains(PAIRS[1].1), "{out}");
    // The old form: a lone positional with `--queries` is still the memory.
    let queries = dir.path().join("q.txt");
    std::fs::write(&queries, format!("{}\n", PAIRS[1].0)).expect("write");
    let queries = queries.to_str().expect("UTF-8 path");
    let (code, out, err) = run_in_apart(dir.path(), &["tm", "lookup", other, "--queries", queries]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("100%"), "{out}");
    // `TM PHRASE` reads TM, not the project's memory, which lacks the phrase.
    let (code, out, _) = run_in_apart(dir.path(), &["tm", "concordance", other, "guests"]);
    assert_eq!(code, 0);
    assert!(out.contains(PAIRS[1].1), "{out}");
}

#[test]
fn tm_lookup_without_any_memory_is_a_clear_error() {
    let bare_dir = tempfile::tempdir().expect("temp dir");
    let (code, _, err) = run_in_apart(bare_dir.path(), &["tm", "lookup", "A sentence."]);
    assert_eq!(code, 2);
    assert!(err.contains("no translation memory to read"), "{err}");
    assert!(
        err.contains("--tm TM") && !err.contains("nothing to look up"),
        "{err}"
    );
    let unwritten = project_with_memory(None);
    let (code, _, err) = run_in_apart(unwritten.path(), &["tm", "concordance", "guests"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("news.tmx") && err.contains("does not exist yet"),
        "{err}"
    );
    let output = songngu("vi")
        .current_dir(unwritten.path())
        .args(["tm", "lookup", "A sentence."])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("không có bộ nhớ dịch nào để đọc"), "{err}");
}

#[test]
fn tm_stats_validate_and_docs_without_tm_report_the_projects_memory() {
    let dir = project_with_memory(Some(&tmx_doc(PAIRS)));
    let (code, out, err) = run_in_apart(dir.path(), &["tm", "stats", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let stats: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON line");
    assert_eq!(stats["tus"], 3);
    let (code, _, err) = run_in_apart(dir.path(), &["tm", "validate"]);
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = run_in_apart(dir.path(), &["tm", "docs", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"total\""), "{out}");
    let unwritten = project_with_memory(None);
    let (code, _, err) = run_in_apart(unwritten.path(), &["tm", "docs"]);
    assert_eq!(code, 2);
    assert!(err.contains("does not exist yet"), "{err}");
}

/// Reading the project's memory, `tm lookup` takes the project's language pair: a TU
/// with both a `vi` and a `vi-VN` translation answers with the project's `vi-VN` one
/// (before, the lookup always asked for `vi`).
#[test]
fn tm_lookup_of_the_projects_memory_takes_the_projects_languages() {
    let tmx = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header creationtool=\"test\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"test\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n  <body>\n    <tu tuid=\"t1\">\n      <tuv xml:lang=\"en\"><seg>The fair opened today.</seg></tuv>\n      <tuv xml:lang=\"vi\"><seg>Hội chợ mở cửa hôm nay.</seg></tuv>\n      <tuv xml:lang=\"vi-VN\"><seg>Hội chợ khai mạc hôm nay.</seg></tuv>\n    </tu>\n  </body>\n</tmx>\n";
    let dir = project_with_memory(Some(tmx));
    std::fs::write(
        dir.path().join("songngu.toml"),
        "source = \"en\"\ntarget = \"vi-VN\"\nmemory = [\"tmx/news.tmx\"]\n",
    )
    .expect("write project");
    let (code, out, err) = run_in_apart(dir.path(), &["tm", "lookup", "The fair opened today."]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Hội chợ khai mạc hôm nay."), "{out}");
    // A language given wins over the project's.
    let (code, out, err) = run_in_apart(
        dir.path(),
        &[
            "tm",
            "lookup",
            "--target-lang",
            "vi",
            "The fair opened today.",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Hội chợ mở cửa hôm nay."), "{out}");
}

/// `tm export -o OUT`, `tm import FILE` and `tm compact` without a memory work on the
/// project's (before, each needed the path: clap refused the command, exit 2).
#[test]
fn tm_export_import_and_compact_default_to_the_projects_memory() {
    let dir = project_with_memory(Some(&tmx_doc(&PAIRS[..2])));
    let (code, _, err) = run_in_apart(dir.path(), &["tm", "export", "-o", "out.tmx"]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("wrote `out.tmx` (2 TUs)"), "{err}");
    assert_eq!(count_tus_in(&dir.path().join("out.tmx")), 2);

    let foreign = dir.path().join("foreign.tmx");
    let third = tmx_doc(&PAIRS[2..]).replace("tuid=\"t1\"", "tuid=\"f1\"");
    std::fs::write(&foreign, third).expect("write");
    let (code, out, err) = run_in_apart(dir.path(), &["tm", "import", "foreign.tmx"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("into `"), "{out}");
    assert!(out.contains("news.tmx`: 1 read, 1 added"), "{out}");
    let memory = dir.path().join("tmx/news.tmx");
    assert_eq!(count_tus_in(&memory), 3);
    assert!(
        std::fs::read_to_string(&memory)
            .unwrap()
            .contains(PAIRS[2].1)
    );

    let (code, out, err) = run_in_apart(dir.path(), &["tm", "compact"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("news.tmx` has no journal"), "{out}");
    // The old forms stay as they were.
    let (code, _, err) = run_in_apart(
        dir.path(),
        &["tm", "export", "tmx/news.tmx", "-o", "again.tmx"],
    );
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run_in_apart(
        dir.path(),
        &["tm", "import", "foreign.tmx", "--into", "other.tmx"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(count_tus_in(&dir.path().join("other.tmx")), 1);
}

/// Importing into a project whose memory is not written yet writes it: an import may be
/// the memory's first content. Exporting it is an error until then.
#[test]
fn tm_import_writes_the_projects_memory_that_does_not_exist_yet() {
    let dir = project_with_memory(None);
    std::fs::write(dir.path().join("foreign.tmx"), tmx_doc(PAIRS)).expect("write");
    let (code, _, err) = run_in_apart(dir.path(), &["tm", "export", "-o", "out.tmx"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("does not exist yet") && err.contains("`songngu tm export TM -o OUT`"),
        "{err}"
    );
    assert!(!dir.path().join("out.tmx").exists());
    std::fs::create_dir(dir.path().join("tmx")).expect("folder");
    let (code, _, err) = run_in_apart(dir.path(), &["tm", "import", "foreign.tmx"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(count_tus_in(&dir.path().join("tmx/news.tmx")), 3);
}

/// No project memory at all: each command says how it takes one, in English and in
/// Vietnamese, exit 2, and nothing is written.
#[test]
fn tm_export_import_and_compact_without_a_memory_are_clear_errors() {
    let bare_dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(bare_dir.path().join("foreign.tmx"), tmx_doc(PAIRS)).expect("write");
    let cases: [(&[&str], &str); 3] = [
        (
            &["tm", "export", "-o", "out.tmx"],
            "`songngu tm export TM -o OUT`",
        ),
        (&["tm", "compact"], "`songngu tm compact TM`"),
        (&["tm", "import", "foreign.tmx"], "`--into TM`"),
    ];
    for (args, how) in cases {
        let (code, out, err) = run_in_apart(bare_dir.path(), args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(
            err.contains("no translation memory to read") && err.contains(how),
            "{args:?}: {err}"
        );
        let output = songngu("vi")
            .current_dir(bare_dir.path())
            .args(args)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2));
        let err = String::from_utf8_lossy(&output.stderr);
        assert!(
            err.contains("không có bộ nhớ dịch nào để đọc") && err.contains(how),
            "{args:?}: {err}"
        );
    }
    assert_eq!(listing(bare_dir.path()), ["foreign.tmx"]);

    // A project that lists none: the hint says where to list one.
    std::fs::write(bare_dir.path().join("songngu.toml"), "source = \"en\"\n").expect("write");
    let (code, _, err) = run_in_apart(bare_dir.path(), &["tm", "import", "foreign.tmx"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("lists none; give one with `--into TM`"),
        "{err}"
    );
}

/// A project with several memory files: `tm export` does not pick one (a TMX of one of
/// them would pass for the whole memory); `tm compact` compacts each.
#[test]
fn tm_export_of_a_project_with_several_memories_asks_which() {
    let dir = project_with_memory(Some(&tmx_doc(PAIRS)));
    std::fs::write(dir.path().join("tmx/old.tmx"), tmx_doc(&PAIRS[..1])).expect("write");
    std::fs::write(
        dir.path().join("songngu.toml"),
        "memory = [\"tmx/news.tmx\", \"tmx/old.tmx\"]\n",
    )
    .expect("write project");
    let (code, _, err) = run_in_apart(dir.path(), &["tm", "export", "-o", "out.tmx"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("lists 2 memory files") && err.contains("old.tmx"),
        "{err}"
    );
    assert!(!dir.path().join("out.tmx").exists());
    let output = songngu("vi")
        .current_dir(dir.path())
        .args(["tm", "export", "-o", "out.tmx"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("khai báo 2 tệp bộ nhớ dịch"), "{err}");
    let (code, out, err) = run_in_apart(dir.path(), &["tm", "compact"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("news.tmx` has no journal") && out.contains("old.tmx` has no journal"),
        "{out}"
    );
}
