//! The one integration test binary: runs the real `songngu` executable.
//!
//! Every run starts from an empty environment with the UI language pinned (through
//! `SONGNGU_LANG` unless a test is about choosing it), so the user's own locale cannot
//! change a result. Files a test needs are made in a temporary directory; the bundled
//! article in `examples/` is read as is.
//!
//! To add a test: build the command with [`songngu`] (or [`bare`] for full control of the
//! environment), run it, and assert on the exit code, stdout and stderr separately.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::Stdio;

use predicates::prelude::*;
use predicates::str::contains;

mod common;
use common::*;

/// The documented JSON Lines record of `segment --format json`; unknown fields fail, so
/// a schema change has to change this test (and the README) too.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Fields are read through the `Debug` output of failures too.
struct UnitRecord {
    id: String,
    block: usize,
    index: usize,
    text: String,
    start: usize,
    end: usize,
}

// ---------------------------------------------------------------------------------------
// Help and version

#[test]
fn help_in_english() {
    songngu("en")
        .arg("--help")
        .assert()
        .code(0)
        .stdout(contains("Usage: songngu [OPTIONS] <COMMAND>"))
        .stdout(contains("Commands:"))
        .stdout(contains("Split an article into sentence units"))
        .stdout(contains("-h, --help"))
        .stderr("");
}

#[test]
fn help_in_vietnamese() {
    songngu("vi")
        .arg("--help")
        .assert()
        .code(0)
        .stdout(contains("Cách dùng: songngu [TÙY_CHỌN] <LỆNH>"))
        .stdout(contains("Tách bài viết thành các câu"))
        .stdout(contains("In trợ giúp"))
        .stdout(contains("Usage").not())
        .stdout(contains("Options").not());
}

#[test]
fn subcommand_help_is_localized() {
    songngu("en")
        .args(["segment", "--help"])
        .assert()
        .code(0)
        .stdout(contains("Usage: songngu segment [OPTIONS] <FILE>"))
        .stdout(contains("--paragraphs <MODE>"));
    songngu("vi")
        .args(["segment", "--help"])
        .assert()
        .code(0)
        .stdout(contains("Cách dùng: songngu segment [TÙY_CHỌN] <TỆP>"))
        .stdout(contains("Đối số:"))
        .stdout(contains("Tùy chọn:"))
        .stdout(contains("--format <ĐỊNH_DẠNG>"))
        .stdout(contains("possible values").not())
        .stdout(contains("[default").not());
}

#[test]
fn version_exits_zero() {
    songngu("en")
        .arg("--version")
        .assert()
        .code(0)
        .stdout(format!("songngu {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn no_arguments_shows_help_and_exits_two() {
    songngu("vi")
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("Cách dùng: songngu"));
}

// ---------------------------------------------------------------------------------------
// Choosing the UI language

/// Which language `--help` came out in, for the given environment and leading arguments.
fn ui_language(env: &[(&str, &str)], args: &[&str]) -> &'static str {
    let mut cmd = bare();
    cmd.envs(env.iter().copied()).args(args).arg("--help");
    let help = stdout_of(&mut cmd);
    if help.contains("Cách dùng:") {
        "vi"
    } else if help.contains("Usage:") {
        "en"
    } else {
        panic!("no help in a known language: {help}")
    }
}

#[test]
fn lang_option_beats_songngu_lang() {
    assert_eq!(
        ui_language(&[("SONGNGU_LANG", "vi")], &["--lang", "en"]),
        "en"
    );
    assert_eq!(ui_language(&[("SONGNGU_LANG", "en")], &["--lang=vi"]), "vi");
}

#[test]
fn songngu_lang_beats_lc_all() {
    assert_eq!(
        ui_language(&[("SONGNGU_LANG", "vi"), ("LC_ALL", "en_US.UTF-8")], &[]),
        "vi"
    );
}

#[test]
fn lc_all_beats_lc_messages() {
    assert_eq!(
        ui_language(
            &[("LC_ALL", "vi_VN.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")],
            &[]
        ),
        "vi"
    );
}

#[test]
fn lc_messages_beats_lang() {
    assert_eq!(
        ui_language(
            &[("LC_MESSAGES", "vi_VN.UTF-8"), ("LANG", "en_US.UTF-8")],
            &[]
        ),
        "vi"
    );
    assert_eq!(
        ui_language(
            &[("LC_MESSAGES", "en_US.UTF-8"), ("LANG", "vi_VN.UTF-8")],
            &[]
        ),
        "en"
    );
}

#[test]
fn posix_lang_value_works() {
    assert_eq!(ui_language(&[("LANG", "vi_VN.UTF-8")], &[]), "vi");
    assert_eq!(ui_language(&[("LANG", "vi_VN@tet")], &[]), "vi");
}

#[test]
fn c_locale_is_skipped() {
    assert_eq!(
        ui_language(&[("LC_ALL", "C"), ("LANG", "vi_VN.UTF-8")], &[]),
        "vi"
    );
    assert_eq!(ui_language(&[("LC_ALL", "POSIX")], &[]), "en");
}

#[test]
fn unknown_language_falls_back_to_english() {
    assert_eq!(ui_language(&[("SONGNGU_LANG", "fr_FR.UTF-8")], &[]), "en");
    assert_eq!(ui_language(&[("LANG", "de_DE.UTF-8")], &[]), "en");
    assert_eq!(ui_language(&[], &["--lang", "xx-not-a-language"]), "en");
    assert_eq!(ui_language(&[], &[]), "en");
}

#[test]
fn segment_lang_is_the_text_language_not_the_ui_language() {
    // `--lang` after the subcommand belongs to `segment`; the UI stays Vietnamese.
    songngu("vi")
        .args(["segment", "--lang", "en"])
        .assert()
        .code(2)
        .stderr(contains("songngu: lỗi: thiếu 1 đối số bắt buộc: `<TỆP>`"));
}

// ---------------------------------------------------------------------------------------
// Usage mistakes: exit 2, localized

#[test]
fn unknown_flag_exits_two() {
    songngu("en")
        .args(["segment", "--bogus", SEED_EN])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("songngu: error: unexpected argument `--bogus`"))
        .stderr(contains("Usage: songngu segment [OPTIONS] <FILE>"))
        .stderr(contains("For more information, try `--help`."));
    songngu("vi")
        .args(["segment", "--bogus", SEED_EN])
        .assert()
        .code(2)
        .stderr(contains("songngu: lỗi: không nhận ra đối số `--bogus`"));
}

#[test]
fn misspelled_flag_gets_a_tip() {
    songngu("vi")
        .args(["segment", "--formt", "json", SEED_EN])
        .assert()
        .code(2)
        .stderr(contains("gợi ý: có phải ý bạn là `--format`?"));
}

#[test]
fn unknown_subcommand_exits_two() {
    songngu("en")
        .arg("segmnt")
        .assert()
        .code(2)
        .stderr(contains("unknown command `segmnt`"))
        .stderr(contains("did you mean `segment`?"));
}

#[test]
fn invalid_value_lists_the_possible_values() {
    songngu("vi")
        .args(["segment", "--format", "xml", SEED_EN])
        .assert()
        .code(2)
        .stderr(contains(
            "giá trị `xml` không hợp lệ cho `--format <ĐỊNH_DẠNG>`",
        ))
        .stderr(contains("các giá trị hợp lệ: `text`, `json`"));
}

#[test]
fn missing_argument_exits_two() {
    songngu("en")
        .arg("segment")
        .assert()
        .code(2)
        .stderr(contains(
            "songngu: error: missing required argument: `<FILE>`",
        ));
}

// ---------------------------------------------------------------------------------------
// Input errors: exit 2, the file named

#[test]
fn missing_file_exits_two() {
    songngu("en")
        .args(["segment", "no/such/article.txt"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("songngu: error: cannot read `no/such/article.txt`: no such file or directory\n");
    songngu("vi")
        .args(["segment", "no/such/article.txt"])
        .assert()
        .code(2)
        .stderr(contains(
            "songngu: lỗi: không đọc được `no/such/article.txt`: tệp hoặc thư mục không tồn tại",
        ));
}

#[test]
fn directory_exits_two() {
    songngu("en")
        .args(["segment", "examples"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("`examples` is a directory"));
}

#[test]
fn invalid_utf8_exits_two_with_position() {
    let (_dir, path) = temp_file("latin1.txt", b"Hello world.\nCaf\xe9 au lait.\n");
    songngu("en")
        .arg("segment")
        .arg(&path)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(format!("`{}`:2:4:", path.display())))
        .stderr(contains("not valid UTF-8 (byte 16)"));
}

#[test]
fn binary_file_exits_two() {
    let (_dir, path) = temp_file("image.txt", b"GIF89a\x00\x01\x02");
    songngu("vi")
        .arg("segment")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains(format!(
            "`{}` có vẻ là tệp nhị phân",
            path.display()
        )));
}

#[test]
fn unreadable_srx_exits_two() {
    songngu("en")
        .args(["segment", "--srx", "no/such/rules.srx", SEED_EN])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("cannot read SRX file `no/such/rules.srx`"));
}

/// An SRX file whose first rule uses a backreference, which the rule engine cannot run.
const SRX_WITH_BACKREFERENCE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="no"/>
  <body>
    <languagerules>
      <languagerule languagerulename="English">
        <rule break="no">
          <beforebreak>(\w)\1\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
        <rule break="yes">
          <beforebreak>\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern=".*" languagerulename="English"/>
    </maprules>
  </body>
</srx>
"#;

#[test]
fn srx_rules_left_out_still_segment_but_exit_two() {
    let (_dir, path) = temp_file("rules.srx", SRX_WITH_BACKREFERENCE.as_bytes());
    let shown = path.display();
    songngu("en")
        .args(["segment", "--srx"])
        .arg(&path)
        .arg("-")
        .write_stdin("One. Two.\n")
        .assert()
        .code(2)
        .stdout("One.\nTwo.\n")
        .stderr(contains(format!(
            "songngu: warning: `{shown}`:7:9: rule `English#1` was left out: "
        )))
        .stderr(contains("2 units in 1 paragraph\n"))
        .stderr(contains(format!(
            "songngu: error: 1 rule of `{shown}` could not be applied\n"
        )));
    songngu("vi")
        .args(["segment", "--srx"])
        .arg(&path)
        .arg("-")
        .write_stdin("One. Two.\n")
        .assert()
        .code(2)
        .stderr(contains("đã bỏ qua quy tắc `English#1`"))
        .stderr(contains(format!(
            "songngu: lỗi: không áp dụng được 1 quy tắc trong `{shown}`"
        )));
}

#[test]
fn malformed_srx_exits_two_with_position() {
    let (_dir, path) = temp_file("broken.srx", b"<srx");
    songngu("en")
        .args(["segment", "--srx"])
        .arg(&path)
        .arg(SEED_EN)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(format!("songngu: error: `{}`:1:", path.display())))
        .stderr(contains("not a usable SRX file"));
}

// ---------------------------------------------------------------------------------------
// Segmenting

#[test]
fn text_output_has_one_unit_per_line_and_blank_lines_between_paragraphs() {
    songngu("en")
        .args(["segment", "-"])
        .write_stdin("First one. First two.\nSecond one.\n")
        .assert()
        .code(0)
        .stdout("First one.\nFirst two.\n\nSecond one.\n")
        .stderr("3 units in 2 paragraphs\n");
}

#[test]
fn summary_uses_singular_for_one() {
    songngu("en")
        .args(["segment", "-"])
        .write_stdin("Just one sentence.\n")
        .assert()
        .code(0)
        .stdout("Just one sentence.\n")
        .stderr("1 unit in 1 paragraph\n");
    songngu("vi")
        .args(["segment", "-"])
        .write_stdin("Chỉ một câu.\n")
        .assert()
        .code(0)
        .stderr("1 câu trong 1 đoạn\n");
}

#[test]
fn summary_counts_the_bundled_article() {
    let output = songngu("en")
        .args(["segment", "--format", "json", SEED_EN])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let units = String::from_utf8(output.stdout).unwrap().lines().count();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(units > 1, "the seed article has several sentences");
    assert!(
        stderr.starts_with(&format!("{units} units in ")),
        "{stderr}"
    );
    assert!(stderr.ends_with(" paragraphs\n"), "{stderr}");
}

#[test]
fn numbers_are_formatted_for_the_ui_language() {
    let (_dir, path) = temp_file("long.txt", many_paragraphs(1200).as_bytes());
    songngu("vi")
        .arg("segment")
        .arg(&path)
        .assert()
        .code(0)
        .stderr("1.200 câu trong 1.200 đoạn\n");
    songngu("en")
        .arg("segment")
        .arg(&path)
        .assert()
        .code(0)
        .stderr("1,200 units in 1,200 paragraphs\n");
}

#[test]
fn json_lines_follow_the_documented_schema() {
    let output = songngu("vi")
        .args(["segment", "--format", "json", SEED_EN])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let source = std::fs::read_to_string(root().join(SEED_EN)).unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let records: Vec<UnitRecord> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    assert!(!records.is_empty());
    for (n, record) in records.iter().enumerate() {
        assert!(record.id.starts_with('u'), "{record:?}");
        assert_eq!(
            source.get(record.start..record.end),
            Some(record.text.as_str())
        );
        if n > 0 {
            let previous = &records[n - 1];
            assert!(record.start >= previous.end, "units are in document order");
            let expected = if record.block == previous.block {
                previous.index + 1
            } else {
                0
            };
            assert_eq!(record.index, expected, "{record:?}");
        }
    }
    // JSON is for programs: the summary on stderr is localized, stdout is not.
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains(" câu trong ")
    );
}

#[test]
fn stdin_reads_like_a_file() {
    let article = std::fs::read(root().join(SEED_EN)).unwrap();
    let from_file = stdout_of(songngu("en").args(["segment", SEED_EN]));
    let from_stdin = stdout_of(songngu("en").args(["segment", "-"]).write_stdin(article));
    assert!(!from_file.is_empty());
    assert_eq!(from_stdin, from_file);
}

#[test]
fn vietnamese_file_names_pick_vietnamese_rules() {
    // `.vi.` in the name selects the Vietnamese rules; the same text under another name
    // with `--lang vi` must come out the same.
    let article = std::fs::read(root().join("examples/seed.vi.txt")).unwrap();
    let (_dir, path) = temp_file("renamed.txt", &article);
    let by_name = stdout_of(songngu("en").args(["segment", "examples/seed.vi.txt"]));
    let by_flag = stdout_of(songngu("en").args(["segment", "--lang", "vi"]).arg(&path));
    assert!(!by_name.is_empty());
    assert_eq!(by_name, by_flag);
}

#[test]
fn closed_pipe_is_not_an_error() {
    // Far more output than a pipe buffer holds, so the writer meets the closed pipe.
    let (_dir, path) = temp_file("big.txt", many_paragraphs(50_000).as_bytes());
    let mut child = std::process::Command::new(BIN)
        .env_clear()
        .env("SONGNGU_LANG", "en")
        .arg("segment")
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    let mut stdout = BufReader::new(child.stdout.take().expect("piped"));
    let mut first = String::new();
    stdout.read_line(&mut first).expect("reads a line");
    assert_eq!(first, "This is paragraph 1.\n");
    drop(stdout); // `| head -1`
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .expect("piped")
        .read_to_string(&mut stderr)
        .expect("reads stderr");
    let status = child.wait().expect("exits");
    assert_eq!(status.code(), Some(0), "stderr: {stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn closed_pipe_during_help_is_not_an_error() {
    let mut child = std::process::Command::new(BIN)
        .env_clear()
        .env("SONGNGU_LANG", "vi")
        .arg("--help")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("exits");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

// ---------------------------------------------------------------------------------------
// The translation memory: `songngu tm ...`

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

// ---------------------------------------------------------------------------------------
// Alignment: `songngu align`

const SEED_VI: &str = "examples/seed.vi.txt";
const SEED_V2_EN: &str = "examples/seed.v2.en.txt";

fn tsv_links(out: &str) -> Vec<(String, String)> {
    out.lines()
        .map(|line| {
            let (en, vi) = line.split_once('\t').expect("two columns");
            (en.to_owned(), vi.to_owned())
        })
        .collect()
}

#[test]
fn align_pairs_the_bundled_translation_one_to_one() {
    let out = stdout_of(songngu("en").args(["align", SEED_EN, SEED_VI, "--format", "tsv"]));
    let links = tsv_links(&out);
    assert_eq!(links.len(), 21);
    for (i, (en, vi)) in links.iter().enumerate() {
        assert_eq!(
            (en.as_str(), vi.as_str()),
            (i.to_string().as_str(), i.to_string().as_str())
        );
    }
}

#[test]
fn align_finds_the_split_sentence_of_the_revised_edition() {
    let out = stdout_of(songngu("en").args(["align", SEED_V2_EN, SEED_VI, "--format", "tsv"]));
    let links = tsv_links(&out);
    // The opening sentence was split in two: both English halves pair with one Vietnamese
    // sentence (edit 1 of examples/seed.v2.changes.md).
    assert!(links.contains(&("2,3".to_owned(), "2".to_owned())), "{out}");
}

#[test]
fn align_into_a_memory_is_idempotent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tm = dir.path().join("seed.tmx");
    let store = || {
        songngu("en")
            .args(["align", SEED_EN, SEED_VI, "--format", "tsv", "--into"])
            .arg(&tm)
            .args(["--doc", "seed", "--user", "editor"])
            .assert()
            .code(0)
    };
    store().stderr(contains("21 pairs added"));
    let first = std::fs::read(&tm).expect("memory written");
    assert_eq!(count_tus_in(&tm), 21);
    let text = String::from_utf8(first.clone()).expect("UTF-8");
    assert!(text.contains("<prop type=\"x-songngu-doc\">seed</prop>"));
    assert!(text.contains("<prop type=\"x-songngu-confidence\">"));
    assert!(text.contains("changeid=\"editor\""));
    store().stderr(contains("0 pairs added, 0 updated"));
    assert_eq!(
        std::fs::read(&tm).expect("read"),
        first,
        "a second run changes nothing"
    );
}

#[test]
fn align_with_an_empty_side_leaves_every_sentence_unmatched() {
    let (_dir, empty) = temp_file("empty.vi.txt", b"\n\n");
    let assert = songngu("en")
        .arg("align")
        .arg(SEED_EN)
        .arg(&empty)
        .args(["--format", "tsv"])
        .assert()
        .code(0);
    let output = assert.get_output();
    let links = tsv_links(&String::from_utf8_lossy(&output.stdout));
    assert_eq!(links.len(), 21);
    assert!(links.iter().all(|(_, vi)| vi.is_empty()));
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The warning names the empty file, and the misleading "not the same article" is gone.
    assert!(
        stderr.contains(&format!(
            "songngu: warning: `{}` has no sentences",
            empty.display()
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("same article"), "{stderr}");

    // The same with the English side empty, and in Vietnamese.
    let (_dir, empty) = temp_file("empty.en.txt", b"");
    let assert = songngu("vi")
        .arg("align")
        .arg(&empty)
        .arg(SEED_VI)
        .args(["--format", "tsv"])
        .assert()
        .code(0);
    let output = assert.get_output();
    let links = tsv_links(&String::from_utf8_lossy(&output.stdout));
    assert_eq!(links.len(), 21);
    assert!(links.iter().all(|(en, _)| en.is_empty()));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "songngu: cảnh báo: `{}` không có câu nào",
            empty.display()
        )),
        "{stderr}"
    );
}

#[test]
fn align_with_both_sides_empty_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (en, vi) = (dir.path().join("a.en.txt"), dir.path().join("a.vi.txt"));
    std::fs::write(&en, "").expect("write");
    std::fs::write(&vi, "\n").expect("write");
    songngu("en")
        .arg("align")
        .arg(&en)
        .arg(&vi)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "songngu: error: `{}` and `{}` have no sentences: nothing to align\n",
            en.display(),
            vi.display()
        ));
}

const ALIGN_FIXTURES: &str = "tests/fixtures/align";

/// A file of the alignment evaluation set.
fn align_fixture(name: &str) -> String {
    format!("{ALIGN_FIXTURES}/{name}")
}

/// The sentences of a pre-segmented file, in order.
fn sentences_of(path: &str) -> Vec<String> {
    std::fs::read_to_string(root().join(path))
        .expect("read")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

/// The documented JSON Lines record of `align --format json`; unknown fields fail.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkRecord {
    en: Vec<usize>,
    vi: Vec<usize>,
    en_text: String,
    vi_text: String,
    confidence: f64,
    low_confidence: bool,
}

/// `align --segmented EN VI --format json` in English: exit code, records, stderr.
fn align_json(en: &str, vi: &str, extra: &[&str]) -> (i32, Vec<LinkRecord>, String) {
    let output = songngu("en")
        .args(["align", "--segmented", en, vi, "--format", "json"])
        .args(extra)
        .output()
        .expect("runs");
    let records = String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    (
        output.status.code().expect("exit code"),
        records,
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

#[test]
fn align_json_gives_texts_and_confidence_for_every_link() {
    let (en, vi) = (
        align_fixture("cyber-drill.en.txt"),
        align_fixture("cyber-drill.vi.txt"),
    );
    let (code, records, stderr) = align_json(&en, &vi, &[]);
    assert_eq!(code, 0, "{stderr}");
    let (en_sentences, vi_sentences) = (sentences_of(&en), sentences_of(&vi));
    let joined = |side: &[usize], sentences: &[String]| {
        side.iter()
            .map(|&i| sentences[i].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for r in &records {
        assert!((0.0..=1.0).contains(&r.confidence), "{r:?}");
        // Doubtful: a posterior below 0.5, or a sentence left unmatched, which needs a
        // look however sure the aligner is that it has no counterpart.
        let unmatched = r.en.is_empty() || r.vi.is_empty();
        assert_eq!(r.low_confidence, unmatched || r.confidence < 0.5, "{r:?}");
        assert_eq!(r.en_text, joined(&r.en, &en_sentences));
        assert_eq!(r.vi_text, joined(&r.vi, &vi_sentences));
    }
    // The gold's links that are not 1-1 (tests/fixtures/align/README.md).
    let shapes: Vec<(&[usize], &[usize])> = records
        .iter()
        .map(|r| (r.en.as_slice(), r.vi.as_slice()))
        .collect();
    for link in [
        (&[10, 11][..], &[10][..]),
        (&[13, 14][..], &[12, 13][..]),
        (&[17][..], &[16, 17][..]),
        (&[20][..], &[][..]),
    ] {
        assert!(shapes.contains(&link), "{link:?} in {shapes:?}");
    }
    let unmatched = records.iter().find(|r| r.vi.is_empty()).expect("1-0");
    assert!(unmatched.low_confidence && unmatched.vi_text.is_empty());
    assert!(!stderr.contains("warning"), "{stderr}");
}

#[test]
fn align_text_prints_both_languages_side_by_side() {
    let (en, vi) = (
        align_fixture("cyber-drill.en.txt"),
        align_fixture("cyber-drill.vi.txt"),
    );
    let (_, records, _) = align_json(&en, &vi, &[]);
    let out = stdout_of(songngu("en").args(["align", "--segmented", &en, &vi]));
    let lines: Vec<&str> = out.lines().filter(|l| !l.is_empty()).collect();
    // Not a terminal: 100 columns, counted in chars, with the column separator in the same
    // place on every line however many diacritics the Vietnamese has.
    assert!(lines.iter().all(|l| l.chars().count() <= 100), "{out}");
    let separator: Vec<usize> = lines
        .iter()
        .filter_map(|l| l.chars().position(|c| c == '│'))
        .collect();
    assert_eq!(separator.len(), lines.len(), "{out}");
    assert!(separator.windows(2).all(|w| w[0] == w[1]), "{out}");
    // One first line per link: its mark, kind and confidence, then English, then Vietnamese.
    let firsts: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.starts_with("   "))
        .collect();
    assert_eq!(firsts.len(), records.len(), "{out}");
    for (line, r) in firsts.iter().zip(&records) {
        let mark = if r.low_confidence { '?' } else { ' ' };
        let gutter = format!("{mark} {}-{} {:.2} ", r.en.len(), r.vi.len(), r.confidence);
        assert!(line.starts_with(&gutter), "{line:?} for {r:?}");
    }
    // The gold's 2-1 link: its posterior is high (nothing else explains the quotation and
    // its attribution), so it is not marked.
    assert!(
        out.contains("  2-1 ") && out.contains("[10,11] \"Paying the ransom"),
        "{out}"
    );
    assert!(out.contains("│ [10] “Trả tiền chuộc"), "{out}");
    // A one-sided link shows a dash for the missing side.
    assert!(
        out.lines()
            .any(|l| l.starts_with("? 1-0 ") && l.ends_with("│ —")),
        "{out}"
    );
}

/// The TUs of `doc` in the memory `tm`.
fn stored_units(tm: &Path, doc: &str) -> Vec<songngu::memory::record::StoredUnit> {
    let memory = songngu::memory::store::Memory::open(
        &[tm.to_owned()],
        unic_langid::langid!("en"),
        unic_langid::langid!("vi"),
    )
    .expect("memory");
    memory.document(doc).expect("document")
}

/// `align --segmented EN VI --into TM --doc DOC`, which must succeed; its stderr.
fn align_into(en: &Path, vi: &Path, tm: &Path, doc: &str) -> String {
    let output = songngu("en")
        .args(["align", "--segmented", "--format", "tsv"])
        .arg(en)
        .arg(vi)
        .arg("--into")
        .arg(tm)
        .args(["--doc", doc, "--user", "editor"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    stderr
}

#[test]
fn align_into_stores_joined_units_and_flags_doubtful_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tm = dir.path().join("drill.tmx");
    let (en, vi) = (
        root().join(align_fixture("cyber-drill.en.txt")),
        root().join(align_fixture("cyber-drill.vi.txt")),
    );
    let (_, records, _) = align_json(
        &align_fixture("cyber-drill.en.txt"),
        &align_fixture("cyber-drill.vi.txt"),
        &[],
    );
    let stderr = align_into(&en, &vi, &tm, "drill");
    let two_sided: Vec<&LinkRecord> = records
        .iter()
        .filter(|r| !r.en.is_empty() && !r.vi.is_empty())
        .collect();
    assert!(
        stderr.contains(&format!("{} pairs added, 0 updated", two_sided.len())),
        "{stderr}"
    );
    // The English-only sentence (a 1-0 link) is recorded as omitted, not as a pair.
    let (omitted, units): (Vec<_>, Vec<_>) = stored_units(&tm, "drill")
        .into_iter()
        .partition(|u| u.status.as_deref() == Some("omitted"));
    assert_eq!(units.len(), two_sided.len());
    let english_only = records.iter().filter(|r| r.vi.is_empty()).count();
    assert_eq!(omitted.len(), english_only);
    assert!(omitted.iter().all(|u| u.vi.is_none()));
    let en_sentences = sentences_of(&align_fixture("cyber-drill.en.txt"));
    let vi_sentences = sentences_of(&align_fixture("cyber-drill.vi.txt"));
    for r in &two_sided {
        // Every link is one TU: a 2-1, 1-2 or 2-2 link holds its sentences joined, under
        // the id of its first English sentence.
        let unit = units
            .iter()
            .find(|u| u.unit == songngu::segment::text_id(&en_sentences[r.en[0]]))
            .unwrap_or_else(|| panic!("no TU for {r:?}"));
        assert_eq!(unit.en, r.en_text);
        assert_eq!(unit.vi.as_deref(), Some(r.vi_text.as_str()));
        let status = if r.low_confidence {
            "needs-review"
        } else {
            "translated"
        };
        assert_eq!(unit.status.as_deref(), Some(status), "{r:?}");
    }
    let merged = units
        .iter()
        .find(|u| u.en == format!("{} {}", en_sentences[10], en_sentences[11]))
        .expect("the 2-1 link as one unit");
    assert_eq!(merged.vi.as_deref(), Some(vi_sentences[10].as_str()));
    // The aligner is sure of this merge (its posterior, see the JSON), so it is stored as
    // translated; the doubtful links are checked against `needs-review` above.
    assert_eq!(merged.status.as_deref(), Some("translated"));

    assert!(
        units.iter().any(
            |u| u.vi.as_deref() == Some(&*format!("{} {}", vi_sentences[16], vi_sentences[17]))
        ),
        "the 1-2 link as one unit"
    );
    let first = std::fs::read(&tm).expect("TMX");
    let again = align_into(&en, &vi, &tm, "drill");
    assert!(again.contains("0 pairs added, 0 updated"), "{again}");
    assert_eq!(std::fs::read(&tm).expect("TMX"), first, "byte-identical");

    // A merge the aligner doubts (a short sentence that may have been left out, issue 10)
    // is stored for review.
    let bridge = tempfile::tempdir().expect("tempdir");
    let (en, vi) = (
        bridge.path().join("b.en.txt"),
        bridge.path().join("b.vi.txt"),
    );
    std::fs::write(
        &en,
        "The bridge is 2 km long.\nIt has four lanes.\nWork began in 2021.\nThe cost was high.\nIt opens on Friday.\n",
    )
    .expect("write");
    std::fs::write(
        &vi,
        "Cây cầu dài 2 km.\nCây cầu có bốn làn xe.\nCông trình khởi công năm 2021.\nCầu thông xe vào thứ Sáu.\n",
    )
    .expect("write");
    let tm = bridge.path().join("bridge.tmx");
    align_into(&en, &vi, &tm, "bridge");
    let units = stored_units(&tm, "bridge");
    let merged = units
        .iter()
        .find(|u| u.en == "Work began in 2021. The cost was high.")
        .unwrap_or_else(|| panic!("the doubtful 2-1 link as one unit: {units:?}"));
    assert_eq!(merged.status.as_deref(), Some("needs-review"));
    let text = std::fs::read_to_string(&tm).expect("TMX");
    assert!(text.contains("<prop type=\"x-songngu-status\">needs-review</prop>"));
}

/// Regression: when a re-alignment changed a link's shape, the old joined TU stayed and a
/// second TU of the same unit was added beside it.
#[test]
fn align_into_again_replaces_units_whose_links_changed_shape() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tm = dir.path().join("post.tmx");
    let en = root().join(align_fixture("postal-services.en.txt"));
    let joined_vi = root().join(align_fixture("postal-services.vi.txt"));
    let en_sentences = sentences_of(&align_fixture("postal-services.en.txt"));
    // The Vietnamese joins English 7 and 8 (the fee and the exemption) in one sentence.
    let joined_sentence = "Phí dịch vụ là 25.000 đồng cho mỗi lượt chuyển phát nội tỉnh, riêng hộ nghèo và người khuyết tật được miễn phí.";
    let text = std::fs::read_to_string(&joined_vi).expect("read");
    assert!(text.contains(joined_sentence));
    let split_vi = dir.path().join("split.vi.txt");
    std::fs::write(
        &split_vi,
        text.replace(
            joined_sentence,
            "Phí dịch vụ là 25.000 đồng cho mỗi lượt chuyển phát nội tỉnh.\nHộ nghèo và người khuyết tật được miễn phí.",
        ),
    )
    .expect("write");
    let unit_of = |i: usize| songngu::segment::text_id(&en_sentences[i]);
    let check = |tm: &Path| {
        let units = stored_units(tm, "post");
        let mut ids: Vec<&str> = units.iter().map(|u| u.unit.as_str()).collect();
        ids.sort_unstable();
        let count = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), count, "two TUs of one unit: {units:#?}");
        units
    };

    align_into(&en, &joined_vi, &tm, "post");
    let units = check(&tm);
    let fee = units.iter().find(|u| u.unit == unit_of(7)).expect("unit 7");
    assert_eq!(fee.en, format!("{} {}", en_sentences[7], en_sentences[8]));
    assert!(!units.iter().any(|u| u.unit == unit_of(8)));

    // Split: the joined TU becomes the fee alone, and the exemption gets its own.
    // (Other links may be updated too: their confidence moves with what the aligner learns.)
    let stderr = align_into(&en, &split_vi, &tm, "post");
    assert!(
        stderr.contains(": 1 pair added, ") && !stderr.contains("removed"),
        "{stderr}"
    );
    let units = check(&tm);
    let fee = units.iter().find(|u| u.unit == unit_of(7)).expect("unit 7");
    assert_eq!(fee.en, en_sentences[7]);
    assert!(fee.vi.as_deref().is_some_and(|v| v.ends_with("nội tỉnh.")));
    let exempt = units.iter().find(|u| u.unit == unit_of(8)).expect("unit 8");
    assert_eq!(
        exempt.vi.as_deref(),
        Some("Hộ nghèo và người khuyết tật được miễn phí.")
    );

    // Joined again: the exemption's own TU is a pairing this alignment rejects.
    let stderr = align_into(&en, &joined_vi, &tm, "post");
    assert!(
        stderr.contains(": 0 pairs added, ") && stderr.contains(" updated, 1 removed"),
        "{stderr}"
    );
    let units = check(&tm);
    assert!(!units.iter().any(|u| u.unit == unit_of(8)), "{units:#?}");
    assert_eq!(
        units
            .iter()
            .find(|u| u.unit == unit_of(7))
            .map(|u| u.en.clone()),
        Some(format!("{} {}", en_sentences[7], en_sentences[8]))
    );
}

#[test]
fn align_into_removes_its_own_duplicates_and_keeps_a_translators() {
    use songngu::memory::{
        record::{NewUnit, unit_tu},
        store::Memory,
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let tm = dir.path().join("dup.tmx");
    let (en, vi) = (
        root().join(align_fixture("public-wifi.en.txt")),
        root().join(align_fixture("public-wifi.vi.txt")),
    );
    let title = &sentences_of(&align_fixture("public-wifi.en.txt"))[0];
    let unit = songngu::segment::text_id(title);
    // What the old `align` left behind: two live TUs of one unit of the document (with a
    // confidence, as `align` stores them); and a third someone translated.
    let (en_lang, vi_lang) = (unic_langid::langid!("en"), unic_langid::langid!("vi"));
    let mut memory = Memory::open_for_update(
        std::slice::from_ref(&tm),
        en_lang.clone(),
        vi_lang.clone(),
        songngu::memory::persist::LockWait::Fail,
    )
    .expect("memory");
    for (source, target, user) in [
        (title.as_str(), "Bản cũ.", "old"),
        ("Old joined text.", "Bản ghép cũ.", "old"),
        (title.as_str(), "Bản của người dịch.", "lan"),
    ] {
        let new = NewUnit {
            doc: "wifi",
            unit: &unit,
            order: 0,
            source,
            target,
            status: "translated",
            user,
        };
        let mut tu = unit_tu(&new, &en_lang, &vi_lang);
        if user == "old" {
            tu.meta
                .push(songngu::tmx::Meta::Prop(songngu::tmx::Prop::new(
                    songngu::memory::record::props::CONFIDENCE,
                    "0.900",
                )));
        }
        memory.add(None, tu).expect("add");
    }
    memory.save().expect("save");
    drop(memory);

    let stderr = align_into(&en, &vi, &tm, "wifi");
    assert!(stderr.contains("1 updated, 1 removed"), "{stderr}");
    let units = stored_units(&tm, "wifi");
    let mut titles: Vec<&str> = units
        .iter()
        .filter(|u| u.unit == unit)
        .map(|u| u.vi.as_deref().unwrap_or_default())
        .collect();
    titles.sort_unstable();
    let aligned = sentences_of(&align_fixture("public-wifi.vi.txt"))[0].clone();
    let mut expected = [aligned.as_str(), "Bản của người dịch."];
    expected.sort_unstable();
    assert_eq!(titles, expected, "{units:#?}");
}

#[test]
fn align_warns_when_the_sides_differ_wildly_in_length() {
    let dir = tempfile::tempdir().expect("tempdir");
    let en = align_fixture("cyber-drill.en.txt");
    // The title and the dateline of the Vietnamese, nothing more.
    let short = dir.path().join("short.vi.txt");
    let vi_sentences = sentences_of(&align_fixture("cyber-drill.vi.txt"));
    std::fs::write(
        &short,
        format!("{}\n\n{}\n", vi_sentences[0], vi_sentences[1]),
    )
    .expect("write");
    let (code, records, stderr) = align_json(&en, short.to_str().expect("UTF-8 path"), &[]);
    assert_eq!(code, 0);
    assert_eq!(records.iter().filter(|r| !r.vi.is_empty()).count(), 2);
    let chars: usize = vi_sentences[..2].iter().map(|s| s.chars().count()).sum();
    assert!(
        stderr.contains(&format!(
            "songngu: warning: the two sides differ in length far more than a translation does: \
             `{en}` has 24 sentences (2,236 characters), `{}` has 2 sentences ({chars} \
             characters, where a translation would have about 2,162)",
            short.display()
        )),
        "{stderr}"
    );
    // The real translation is no reason to warn.
    let (_, _, stderr) = align_json(&en, &align_fixture("cyber-drill.vi.txt"), &[]);
    assert!(!stderr.contains("warning"), "{stderr}");
}

#[test]
fn align_warns_that_unrelated_articles_may_not_be_the_same() {
    let (code, records, stderr) = align_json(
        &align_fixture("cyber-drill.en.txt"),
        &align_fixture("postal-services.vi.txt"),
        &[],
    );
    assert_eq!(code, 0);
    let low = records.iter().filter(|r| r.low_confidence).count();
    assert!(low * 3 >= records.len() * 2, "{low} of {}", records.len());
    assert!(
        stderr.contains(
            "songngu: warning: most links are of low confidence: these may not be the same article"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("differ in length"), "{stderr}");
}

#[test]
fn align_refuses_a_glossary_with_a_line_that_is_not_a_pair() {
    let dir = tempfile::tempdir().expect("tempdir");
    let glossary = dir.path().join("terms.tsv");
    std::fs::write(
        &glossary,
        "# terms\nransomware\tmã độc tống tiền\nbackup sao lưu\n\ndrill\t\n",
    )
    .expect("write");
    let (en, vi) = (
        align_fixture("cyber-drill.en.txt"),
        align_fixture("cyber-drill.vi.txt"),
    );
    let path = glossary.display();
    songngu("en")
        .args(["align", "--segmented", &en, &vi, "--glossary"])
        .arg(&glossary)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "songngu: error: `{path}`:3: not a glossary entry: expected `English<TAB>Vietnamese`\n\
             songngu: error: `{path}`:5: not a glossary entry: expected `English<TAB>Vietnamese`\n"
        ));
    // Fixed, it is used.
    std::fs::write(&glossary, "# terms\nransomware\tmã độc tống tiền\n").expect("write");
    let (code, records, _) = align_json(&en, &vi, &["--glossary", &glossary.display().to_string()]);
    assert_eq!(code, 0);
    assert_eq!(records.len(), 22);
}

#[test]
fn align_names_a_missing_segmented_file_and_the_reason() {
    songngu("en")
        .args(["align", "--segmented", "no/such.en.txt", SEED_VI])
        .assert()
        .code(2)
        .stderr("songngu: error: cannot read `no/such.en.txt`: no such file or directory\n");
}

// ---------------------------------------------------------------------------------------
// songngu check
// ---------------------------------------------------------------------------------------

use songngu::drift::FindingRecord;

const DRIFT: &str = "tests/fixtures/drift";
const ARTICLES: [(&str, &str); 3] = [
    ("open-data", "md"),
    ("exports", "txt"),
    ("spectrum-auction", "txt"),
];

/// Runs `check` with `args` and returns its exit code and JSON records (each parsed with
/// the documented schema, which rejects unknown fields).
fn check_json(dir: &Path, args: &[&str]) -> (i32, Vec<FindingRecord>) {
    let output = songngu("en-US")
        .current_dir(dir)
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let records = stdout
        .lines()
        .map(|l| {
            // The contract's fields are there on every line, null when they do not apply;
            // the typed schema alone would accept them missing.
            let value: serde_json::Value = serde_json::from_str(l).expect("JSON");
            for key in ["kind", "severity", "unit", "en", "vi", "message"] {
                assert!(value.get(key).is_some(), "`{key}` missing in {l}");
            }
            if value["kind"] == "stale" {
                for key in ["old_en", "diff"] {
                    assert!(
                        value[key].is_string() || value[key].is_array(),
                        "{key}: {l}"
                    );
                }
            }
            serde_json::from_str::<FindingRecord>(l).unwrap_or_else(|e| panic!("{e}: {l}"))
        })
        .collect();
    (output.status.code().expect("exit code"), records)
}

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

fn is_drift(kind: songngu::drift::Kind) -> bool {
    use songngu::drift::Kind;
    matches!(kind, Kind::Stale | Kind::Missing | Kind::Orphaned)
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
            ["đoạn 8", "cũ:", "[-one thousand-]", "{+1,200+}", "lỗi thời"],
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
const ALIGN: &str = "tests/fixtures/align";
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
    let read =
        |ext: &str| std::fs::read_to_string(root().join(format!("{ALIGN}/{name}.{ext}"))).unwrap();
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
        en: root().join(format!("{ALIGN}/{name}.en.article.txt")),
        faithful: root().join(format!("{ALIGN}/{name}.vi.article.txt")),
        defects: ALIGN_WITH_DEFECTS.contains(name).then(|| {
            (
                root().join(format!("{ALIGN}/{name}.defects.vi.txt")),
                root().join(format!("{ALIGN}/{name}.expected.tsv")),
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

/// Every project setting can be given on the command line instead: before the command,
/// `--config`, `--no-config`, `--source-lang`, `--target-lang`, `--accepted` and `--kind`.
#[test]
fn project_settings_can_be_given_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("a.en.txt");
    let vi = dir.path().join("a.vi.txt");
    std::fs::write(&en, "Minister Nguyen Manh Hung spoke.\n").unwrap();
    std::fs::write(&vi, "Bộ trưởng Nguyễn Mạnh Hải phát biểu.\n").unwrap();
    let check = |top: &[&str]| {
        let output = songngu("en-US")
            .current_dir(dir.path())
            .args(top)
            .args(["check", "a.en.txt", "--vi", "a.vi.txt", "--format", "json"])
            .output()
            .unwrap();
        let stdout = String::from_utf8(output.stdout).unwrap();
        let kinds: Vec<String> = stdout
            .lines()
            .map(|l| serde_json::from_str::<FindingRecord>(l).unwrap())
            .map(|r| format!("{}:{}", r.kind.name(), r.severity.name()))
            .collect();
        (output.status.code().unwrap(), kinds, output.stderr)
    };
    let (code, kinds, _) = check(&[]);
    assert_eq!((code, kinds), (0, vec!["name:warning".to_owned()]));
    let (code, kinds, _) = check(&["--kind", "name=error"]);
    assert_eq!((code, kinds), (1, vec!["name:error".to_owned()]));
    let (code, kinds, _) = check(&["--kind", "name=off"]);
    assert_eq!((code, kinds), (0, Vec::<String>::new()));

    // A broken project file is an error, unless it is ignored or another one is named.
    std::fs::write(dir.path().join("songngu.toml"), "[check.kinds]\nname = 3\n").unwrap();
    let (code, _, stderr) = check(&[]);
    assert_eq!(code, 2);
    assert!(String::from_utf8_lossy(&stderr).contains("songngu.toml"));
    assert_eq!(check(&["--no-config"]).0, 0);
    std::fs::write(
        dir.path().join("other.toml"),
        "[check.kinds]\nname = \"error\"\n",
    )
    .unwrap();
    let (code, kinds, _) = check(&["--config", "other.toml"]);
    assert_eq!((code, kinds), (1, vec!["name:error".to_owned()]));

    let (code, _, stderr) = check(&["--config", "nope.toml"]);
    assert_eq!(code, 2);
    assert_eq!(
        String::from_utf8_lossy(&stderr),
        "songngu: error: cannot read `nope.toml`: no such file or directory\n"
    );

    // Languages must be English and Vietnamese tags.
    let (code, _, stderr) = check(&["--no-config", "--target-lang", "fr"]);
    assert_eq!(code, 2);
    assert!(String::from_utf8_lossy(&stderr).contains("--target-lang fr"));

    // `init` writes the languages and kinds given before it, and its own settings.
    std::fs::remove_file(dir.path().join("songngu.toml")).unwrap();
    songngu("en-US")
        .current_dir(dir.path())
        .args(["--target-lang", "vi-VN", "--kind", "length=off", "init"])
        .args([
            "--tm",
            "tmx/a.tmx",
            "--tm",
            "tmx/b.tmx",
            "--fail-on",
            "warning",
        ])
        .args(["--article", "a=a.en.txt", "--translator", "lan"])
        .assert()
        .success();
    let written = songngu::config::Config::load(&dir.path().join("songngu.toml")).unwrap();
    assert_eq!(written.target.to_string(), "vi-VN");
    assert_eq!(written.memory.len(), 2);
    assert_eq!(written.check.fail_on, songngu::drift::Severity::Warning);
    assert_eq!(written.check.severity(songngu::drift::Kind::Length), None);
    assert_eq!(written.articles[0].doc, "a");
    assert_eq!(written.translator.as_deref(), Some("lan"));
}

/// Right after `init` the project's memory does not exist yet: the article is checked as
/// all missing, its XLIFF can be exported, and the first translation creates the memory.
#[test]
fn a_new_project_works_before_its_memory_exists() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join(SEED_EN), dir.path().join("a.en.txt")).unwrap();
    let run = |args: &[&str]| {
        songngu("en-US")
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    assert!(run(&["init", "--article", "a=a.en.txt"]).status.success());
    let (code, records) = check_json(dir.path(), &["a.en.txt"]);
    assert_eq!(code, 1);
    assert_eq!(records.len(), 21);
    assert!(records.iter().all(|r| r.kind.name() == "missing"));
    let out = run(&["xliff", "export", "a.en.txt", "-o", "a.xlf"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let title =
        songngu::segment::text_id("Conference on Responsible state behaviour in cyberspace");
    let out = run(&[
        "translate",
        "a.en.txt",
        "--unit",
        &title,
        "--vi",
        "Hội thảo về ứng xử có trách nhiệm của quốc gia trên không gian mạng",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("tmx/memory.tmx").exists());
    let (_, records) = check_json(dir.path(), &["a.en.txt"]);
    assert_eq!(records.len(), 20);
}

// ---------------------------------------------------------------------------------------
// The translator's loop and the release, end to end
// ---------------------------------------------------------------------------------------

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
    // The check finds the five changes.
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
        1,
        "{kinds:?}"
    );
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
    // Now the check passes: only the kept orphan is left, as information.
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
        .env("SONGNGU_BIN", env!("CARGO_BIN_EXE_songngu"))
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
    assert!(
        text.contains("5 findings fail the check — stale 3, missing 2, orphaned 1"),
        "{text}"
    );
    assert!(text.contains("exit code 1, nothing written"), "{text}");
    assert!(dir.path().join("release/seed.v2.bilingual.html").is_file());
    assert!(dir.path().join("release/manifest.json").is_file());
}

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

/// Runs songngu in `dir` as user `lan`; the exit code and stdout followed by stderr.
fn run_in(dir: &Path, args: &[&str]) -> (i32, String) {
    let output = songngu("en-US")
        .current_dir(dir)
        .env("SONGNGU_USER", "lan")
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.code().unwrap(), text)
}

/// The sentences of the fair article and their translations.
const FAIR: [(&str, &str); 3] = [
    (
        "The fair opened today in Hanoi.",
        "Hội chợ khai mạc hôm nay tại Hà Nội.",
    ),
    (
        "It has 40 stands from ten provinces.",
        "Hội chợ có 40 gian hàng từ mười tỉnh.",
    ),
    (
        "Tickets are free for children.",
        "Trẻ em được vào cửa miễn phí.",
    ),
];

/// A project with the fair article `a.en.txt` as document `fair`, every sentence
/// translated in `m.tmx`; `top` (keys) and `tables` go into its `songngu.toml`.
fn fair_project(top: &str, tables: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text: Vec<&str> = FAIR.iter().map(|(en, _)| *en).collect();
    std::fs::write(d.join("a.en.txt"), text.join(" ") + "\n").unwrap();
    std::fs::write(
        d.join("songngu.toml"),
        format!(
            "{top}memory = [\"m.tmx\"]\n\n[[article]]\npath = \"a.en.txt\"\ndoc = \"fair\"\n\n{tables}"
        ),
    )
    .unwrap();
    for (en, vi) in FAIR {
        let id = songngu::segment::text_id(en);
        let (code, text) = run_in(d, &["translate", "a.en.txt", "--unit", &id, "--vi", vi]);
        assert_eq!(code, 0, "{text}");
    }
    dir
}

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

/// The fair article revised: the number edited (stale) and a sentence added that the
/// memory has a fuzzy match for (missing, with a suggestion).
fn revise_fair(d: &Path) {
    std::fs::write(
        d.join("a.en.txt"),
        "The fair opened today in Hanoi. It has 45 stands from ten provinces. Tickets are free for children. The fair opened today in Da Nang.\n",
    )
    .unwrap();
}

/// The `<tu ...>` start tag of the TU `doc/unit` in the memory file.
fn tu_tag(tmx: &Path, doc: &str, unit: &str) -> String {
    let text = std::fs::read_to_string(tmx).unwrap();
    let wanted = format!("tuid=\"{doc}/{unit}\"");
    text.lines()
        .find(|l| l.contains(&wanted))
        .unwrap_or_else(|| panic!("no TU {wanted} in {text}"))
        .to_owned()
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
    assert!(String::from_utf8_lossy(&output.stdout).contains("cần dịch; không ghi"));
    // With `--all` there is work to show.
    let (code, text) = run_in(d, &["xliff", "export", "a.en.txt", "-o", "w.xlf", "--all"]);
    assert_eq!(code, 0, "{text}");
    assert!(text.contains("3 units to translate"), "{text}");
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
