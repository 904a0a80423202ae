//! Issue 11, items 7 and 8 and three smaller cases: every file read whole has a size
//! limit named in its error; a memory with damaged TUs is never used silently nor saved
//! back; a glossary line with a third column, invalid UTF-8 in the project file and a
//! missing `--config` file are errors naming the place.
//!
//! `/dev/zero` stands for any endless stream: before the limits, each of these reads grew
//! without bound. Where the limit can be set, the tests set it to 1 MiB to stay quick.

mod common;
use common::*;

use std::path::{Path, PathBuf};

use assert_cmd::assert::OutputAssertExt;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const ZERO: &str = "/dev/zero";
const SEED_DOC: &str = "seed-2019-11-28";

fn seed_en() -> String {
    root().join(SEED_EN).display().to_string()
}

fn seed_vi() -> String {
    root().join(SEED_VI).display().to_string()
}

fn seed_tmx() -> String {
    root().join("tmx/seed.tmx").display().to_string()
}

// ---------------------------------------------------------------------------------------
// Item 7: size limits

/// The message of an input over a limit that `--max-input-mb` raises.
fn raisable(what: &str, mib: u64) -> String {
    format!(
        "is larger than the limit of {mib} MiB for {what}; raise it with `--max-input-mb` or `SONGNGU_MAX_INPUT_MB`"
    )
}

#[test]
fn an_article_from_dev_zero_stops_at_the_limit() {
    songngu("en")
        .args(["--no-config", "--max-input-mb", "1", "segment", ZERO])
        .assert()
        .code(2)
        .stderr(contains(format!(
            "songngu: error: `/dev/zero` {}",
            raisable("an article", 1)
        )));
}

#[test]
fn an_article_from_dev_zero_stops_at_the_default_limit() {
    songngu("en")
        .args(["--no-config", "segment", ZERO])
        .assert()
        .code(2)
        .stderr(contains(raisable("an article", 64)));
}

/// `segment -` in `ui` with standard input from `/dev/zero`, and a limit of 1 MiB.
/// (`assert_cmd`'s `pipe_stdin` reads the whole file first, so the process is started
/// here with the file itself as its standard input.)
fn segment_endless_stdin(ui: &str) -> std::process::Output {
    std::process::Command::new(BIN)
        .env_clear()
        .env("SONGNGU_LANG", ui)
        .current_dir(root())
        .args(["--no-config", "--max-input-mb", "1", "segment", "-"])
        .stdin(std::fs::File::open(ZERO).expect("/dev/zero"))
        .output()
        .expect("runs")
}

#[test]
fn an_endless_standard_input_stops_at_the_limit() {
    segment_endless_stdin("en")
        .assert()
        .code(2)
        .stderr(contains(
            "songngu: error: standard input is larger than the limit of 1 MiB for an article; raise it with `--max-input-mb`",
        ));
}

#[test]
fn an_endless_standard_input_is_named_in_vietnamese() {
    segment_endless_stdin("vi")
        .assert()
        .code(2)
        .stderr(contains(
            "songngu: lỗi: đầu vào chuẩn vượt quá giới hạn 1 MiB dành cho bài viết",
        ));
}

#[test]
fn check_and_update_articles_from_dev_zero_stop_at_the_limit() {
    let tmx = seed_tmx();
    for command in ["check", "update"] {
        songngu("en")
            .args(["--no-config", "--max-input-mb", "1", command, ZERO])
            .args(["--tm", &tmx, "--doc", SEED_DOC])
            .assert()
            .code(2)
            .stderr(contains(raisable("an article", 1)));
    }
}

#[test]
fn align_sides_from_dev_zero_stop_at_the_limit() {
    let vi = seed_vi();
    // As an article, and as a pre-segmented side (one sentence a line).
    for segmented in [false, true] {
        let mut cmd = songngu("en");
        cmd.args(["--no-config", "--max-input-mb", "1", "align"]);
        if segmented {
            cmd.arg("--segmented");
        }
        cmd.args([ZERO, &vi])
            .assert()
            .code(2)
            .stderr(contains(raisable("an article", 1)));
    }
}

#[test]
fn an_xliff_file_from_dev_zero_stops_at_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let tmx = dir.path().join("m.tmx");
    std::fs::copy(seed_tmx(), &tmx).unwrap();
    songngu("en")
        .args([
            "--no-config",
            "--max-input-mb",
            "1",
            "xliff",
            "import",
            ZERO,
        ])
        .arg("--tm")
        .arg(&tmx)
        .args(["--en", &seed_en()])
        .assert()
        .code(2)
        .stderr(contains(format!(
            "`/dev/zero` {}",
            raisable("an XLIFF file", 1)
        )));
    assert_eq!(
        std::fs::read(&tmx).unwrap(),
        std::fs::read(seed_tmx()).unwrap()
    );
}

#[test]
fn a_glossary_from_dev_zero_stops_at_the_limit() {
    songngu("en")
        .args(["--no-config", "--max-input-mb", "1", "align"])
        .args([&seed_en(), &seed_vi(), "--glossary", ZERO])
        .assert()
        .code(2)
        .stderr(contains(raisable("a glossary", 1)));
    songngu("en")
        .args(["--no-config", "--max-input-mb", "1", "check", &seed_en()])
        .args(["--tm", &seed_tmx(), "--doc", SEED_DOC, "--glossary", ZERO])
        .assert()
        .code(2)
        .stderr(contains(raisable("a glossary", 1)));
}

#[test]
fn a_queries_file_from_dev_zero_stops_at_the_limit() {
    songngu("en")
        .args([
            "--no-config",
            "--max-input-mb",
            "1",
            "tm",
            "lookup",
            &seed_tmx(),
        ])
        .args(["--queries", ZERO])
        .assert()
        .code(2)
        .stderr(contains(raisable("a queries file", 1)));
}

#[test]
fn an_srx_file_from_dev_zero_stops_at_its_fixed_limit() {
    songngu("en")
        .args(["--no-config", "segment", "--srx", ZERO, &seed_en()])
        .assert()
        .code(2)
        .stderr(contains(
            "songngu: error: `/dev/zero` is larger than the limit of 16 MiB for an SRX file\n",
        ));
}

#[test]
fn a_project_file_from_dev_zero_stops_at_its_fixed_limit() {
    songngu("en")
        .args(["--config", ZERO, "check", &seed_en(), "--tm", &seed_tmx()])
        .assert()
        .code(2)
        .stderr(contains(
            "songngu: error: `/dev/zero` is larger than the limit of 16 MiB for a project file\n",
        ));
}

#[test]
fn an_accepted_file_from_dev_zero_stops_at_its_fixed_limit() {
    songngu("en")
        .args(["--no-config", "--accepted", ZERO, "check", &seed_en()])
        .args(["--tm", &seed_tmx(), "--doc", SEED_DOC])
        .assert()
        .code(2)
        .stderr(contains(
            "songngu: error: `/dev/zero` is larger than the limit of 64 MiB for an accepted-findings file\n",
        ));
}

/// A guard: the TMX reader had its limits before this issue; the memory of `check` is
/// read by it.
#[test]
fn a_memory_from_dev_zero_stops_at_the_tmx_limit() {
    songngu("en")
        .args(["--no-config", "check", &seed_en(), "--tm", ZERO])
        .args(["--doc", SEED_DOC])
        .assert()
        .code(2)
        .stderr(contains("max_element_bytes"));
}

#[test]
fn the_limit_is_exact_and_the_option_raises_it() {
    // One byte over 1 MiB of text: refused at 1, read at 2.
    let mut text = "Short line.\n".repeat((1 << 20) / 12 + 1).into_bytes();
    text.truncate((1 << 20) + 1);
    *text.last_mut().unwrap() = b'\n';
    let (_dir, path) = temp_file("big.en.txt", &text);
    songngu("en")
        .args(["--no-config", "--max-input-mb", "1", "segment"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains(format!(
            "`{}` {}",
            path.display(),
            raisable("an article", 1)
        )));
    songngu("en")
        .args([
            "--no-config",
            "--max-input-mb",
            "2",
            "segment",
            "--format",
            "json",
        ])
        .arg(&path)
        .assert()
        .code(0);
    // Exactly the limit is read.
    text.truncate(1 << 20);
    *text.last_mut().unwrap() = b'\n';
    std::fs::write(&path, &text).unwrap();
    songngu("en")
        .args([
            "--no-config",
            "--max-input-mb",
            "1",
            "segment",
            "--format",
            "json",
        ])
        .arg(&path)
        .assert()
        .code(0);
}

#[test]
fn the_environment_sets_the_limit_and_the_option_wins() {
    songngu("en")
        .env("SONGNGU_MAX_INPUT_MB", "1")
        .args(["--no-config", "segment", ZERO])
        .assert()
        .code(2)
        .stderr(contains(raisable("an article", 1)));
    songngu("en")
        .env("SONGNGU_MAX_INPUT_MB", "1")
        .args(["--no-config", "--max-input-mb", "2", "segment", ZERO])
        .assert()
        .code(2)
        .stderr(contains(raisable("an article", 2)));
}

#[test]
fn a_bad_limit_is_an_error() {
    songngu("en")
        .env("SONGNGU_MAX_INPUT_MB", "lots")
        .args(["--no-config", "segment", &seed_en()])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(
            "songngu: error: `SONGNGU_MAX_INPUT_MB` is `lots`: expected a whole number of MiB",
        ));
    songngu("en")
        .args(["--no-config", "--max-input-mb", "0", "segment", &seed_en()])
        .assert()
        .code(2)
        .stdout("");
}

// ---------------------------------------------------------------------------------------
// Item 8: damaged memory TUs

/// A copy of the seed memory with a damaged TU ([`damaged_seed_memory`]), and
/// `path:line:column` of the damaged `<tuv>`.
fn damaged_seed(dir: &Path) -> (PathBuf, String) {
    let path = dir.join("damaged.tmx");
    let (line, column) = damaged_seed_memory(&path);
    let place = format!("`{}`:{line}:{column}: error: ", path.display());
    (path, place)
}

#[test]
fn check_reports_a_damaged_memory_tu_and_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    let (tmx, place) = damaged_seed(dir.path());
    songngu("en")
        .args(["--no-config", "check", &seed_en(), "--doc", SEED_DOC])
        .arg("--tm")
        .arg(&tmx)
        .assert()
        .code(2)
        // The report is still printed...
        .stdout(contains("21 units: 20 current"))
        // ...and the damaged TU is named by its place.
        .stderr(contains(place).and(contains("the TU is skipped")));
}

#[test]
fn check_with_json_output_and_a_damaged_memory_exits_two() {
    let dir = tempfile::tempdir().unwrap();
    let (tmx, place) = damaged_seed(dir.path());
    songngu("en")
        .args(["--no-config", "check", &seed_en(), "--doc", SEED_DOC])
        .args(["--format", "json", "--tm"])
        .arg(&tmx)
        .assert()
        .code(2)
        .stderr(contains(place));
}

/// Commands that change the memory refuse it, name the damaged TU, and leave the file
/// as it was.
#[test]
fn update_refuses_a_damaged_memory() {
    let dir = tempfile::tempdir().unwrap();
    let (tmx, place) = damaged_seed(dir.path());
    let before = std::fs::read(&tmx).unwrap();
    songngu("en")
        .args(["--no-config", "update", &seed_en(), "--doc", SEED_DOC])
        .arg("--tm")
        .arg(&tmx)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(place).and(contains(format!(
            "songngu: error: `{}` has a damaged TU (listed above): saving would lose it, so nothing was changed",
            tmx.display()
        ))));
    assert_eq!(std::fs::read(&tmx).unwrap(), before);
}

#[test]
fn translate_refuses_a_damaged_memory() {
    let dir = tempfile::tempdir().unwrap();
    let (tmx, place) = damaged_seed(dir.path());
    let before = std::fs::read(&tmx).unwrap();
    songngu("en")
        .args(["--no-config", "translate", &seed_en(), "--doc", SEED_DOC])
        .args(["--unit", "ub9684cf802", "--vi", "Ngày 28 tháng 11 năm 2019"])
        .arg("--tm")
        .arg(&tmx)
        .assert()
        .code(2)
        .stderr(contains(place).and(contains("nothing was changed")));
    assert_eq!(std::fs::read(&tmx).unwrap(), before);
}

#[test]
fn xliff_export_and_import_refuse_a_damaged_memory() {
    let dir = tempfile::tempdir().unwrap();
    let (tmx, place) = damaged_seed(dir.path());
    let before = std::fs::read(&tmx).unwrap();
    let xlf = dir.path().join("work.xlf");
    songngu("en")
        .args(["--no-config", "xliff", "export", &seed_en(), "--doc", SEED_DOC])
        .arg("--tm")
        .arg(&tmx)
        .arg("-o")
        .arg(&xlf)
        .assert()
        .code(2)
        .stderr(contains(&place).and(contains(
            "has a damaged TU (listed above): its unit would be missing from the output, so nothing was written",
        )));
    assert!(!xlf.exists());

    // A work file exported from the whole memory, imported into the damaged one.
    let good = dir.path().join("good.tmx");
    std::fs::copy(seed_tmx(), &good).unwrap();
    songngu("en")
        .args([
            "--no-config",
            "xliff",
            "export",
            &seed_en(),
            "--doc",
            SEED_DOC,
            "--all",
        ])
        .arg("--tm")
        .arg(&good)
        .arg("-o")
        .arg(&xlf)
        .assert()
        .code(0);
    songngu("en")
        .args(["--no-config", "xliff", "import"])
        .arg(&xlf)
        .args(["--en", &seed_en(), "--tm"])
        .arg(&tmx)
        .assert()
        .code(2)
        .stderr(contains(place).and(contains("nothing was changed")));
    assert_eq!(std::fs::read(&tmx).unwrap(), before);
}

#[test]
fn export_refuses_a_damaged_memory() {
    let dir = tempfile::tempdir().unwrap();
    let (tmx, place) = damaged_seed(dir.path());
    let out = dir.path().join("seed.vi.txt");
    songngu("en")
        .args(["--no-config", "export", &seed_en(), "--doc", SEED_DOC])
        .args(["--to", "vi", "--allow-drift", "--tm"])
        .arg(&tmx)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains(place).and(contains("its unit would be missing from the output")));
    assert!(!out.exists());
}

#[test]
fn align_into_refuses_a_damaged_memory() {
    let dir = tempfile::tempdir().unwrap();
    let (tmx, place) = damaged_seed(dir.path());
    let before = std::fs::read(&tmx).unwrap();
    songngu("en")
        .args([
            "--no-config",
            "align",
            &seed_en(),
            &seed_vi(),
            "--doc",
            SEED_DOC,
        ])
        .arg("--into")
        .arg(&tmx)
        .assert()
        .code(2)
        .stderr(contains(place).and(contains("nothing was changed")));
    assert_eq!(std::fs::read(&tmx).unwrap(), before);
}

#[test]
fn tm_import_refuses_a_damaged_memory_also_in_a_dry_run() {
    let dir = tempfile::tempdir().unwrap();
    let (tmx, place) = damaged_seed(dir.path());
    let before = std::fs::read(&tmx).unwrap();
    let (_other_dir, other) = temp_file("other.tmx", tmx_doc(PAIRS).as_bytes());
    for dry_run in [false, true] {
        let mut cmd = songngu("en");
        cmd.args(["--no-config", "tm", "import"])
            .arg(&other)
            .arg("--into")
            .arg(&tmx);
        if dry_run {
            cmd.arg("--dry-run");
        }
        cmd.assert()
            .code(2)
            .stdout("")
            .stderr(contains(&place).and(contains("nothing was changed")));
    }
    assert_eq!(std::fs::read(&tmx).unwrap(), before);
}

#[test]
fn a_damaged_memory_is_named_in_vietnamese() {
    let dir = tempfile::tempdir().unwrap();
    let (tmx, _) = damaged_seed(dir.path());
    songngu("vi")
        .args(["--no-config", "update", &seed_en(), "--doc", SEED_DOC])
        .arg("--tm")
        .arg(&tmx)
        .assert()
        .code(2)
        .stderr(contains("có 1 đơn vị dịch bị hỏng (liệt kê ở trên)"));
}

// ---------------------------------------------------------------------------------------
// Smaller cases

#[test]
fn a_glossary_line_with_a_third_column_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let glossary = dir.path().join("terms.tsv");
    std::fs::write(
        &glossary,
        "cyberspace\tkhông gian mạng\nransomware\tmã độc tống tiền\tnote\n",
    )
    .unwrap();
    songngu("en")
        .args(["--no-config", "align", &seed_en(), &seed_vi(), "--glossary"])
        .arg(&glossary)
        .assert()
        .code(2)
        .stderr(format!(
            "songngu: error: `{}`:2: not a glossary entry: expected `English<TAB>Vietnamese`\n",
            glossary.display()
        ));
    songngu("en")
        .args(["--no-config", "check", &seed_en(), "--tm", &seed_tmx()])
        .args(["--doc", SEED_DOC, "--glossary"])
        .arg(&glossary)
        .assert()
        .code(2)
        .stderr(contains("terms.tsv`:2: not a glossary entry"));
}

#[test]
fn invalid_utf8_in_the_project_file_names_line_and_column() {
    let (_dir, config) = temp_file(
        "songngu.toml",
        b"source = \"en\"\ntranslator = \"Nguy\xe1n\"\n",
    );
    songngu("en")
        .arg("--config")
        .arg(&config)
        .args(["check", &seed_en(), "--tm", &seed_tmx()])
        .assert()
        .code(2)
        .stderr(contains(format!(
            "songngu: error: {}:2:19: invalid UTF-8 at byte 32",
            config.display()
        )));
}

#[test]
fn invalid_utf8_in_the_accepted_file_names_line_and_column() {
    let (_dir, accepted) = temp_file("accepted.toml", b"[[accepted]]\nid = \"\xff\"\n");
    songngu("en")
        .args(["--no-config", "--accepted"])
        .arg(&accepted)
        .args(["check", &seed_en(), "--tm", &seed_tmx(), "--doc", SEED_DOC])
        .assert()
        .code(2)
        .stderr(contains(format!(
            "songngu: error: `{}`:2:7: the text is not valid UTF-8 (byte 19)",
            accepted.display()
        )));
}

/// `--config FILE` names a file every command must read, also those that use none of
/// its settings.
#[test]
fn a_missing_config_file_is_an_error_for_every_command() {
    let missing = "/nonexistent/songngu.toml";
    let (en, vi, tmx) = (seed_en(), seed_vi(), seed_tmx());
    let runs: Vec<Vec<&str>> = vec![
        vec!["segment", &en],
        vec!["align", &en, &vi],
        vec!["tm", "stats", &tmx],
        vec!["tm", "validate", &tmx],
        vec!["tm", "lookup", &tmx, "The event."],
        vec!["tm", "concordance", &tmx, "event"],
        vec!["check", &en, "--tm", &tmx],
        vec!["update", &en, "--tm", "/nonexistent/m.tmx", "--doc", "d"],
    ];
    for args in runs {
        songngu("en")
            .args(["--config", missing])
            .args(&args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(format!(
                "songngu: error: cannot read `{missing}`: no such file or directory\n"
            ));
    }
}

#[test]
fn a_broken_config_file_is_an_error_for_segment() {
    let (_dir, config) = temp_file("songngu.toml", b"source = \n");
    songngu("en")
        .arg("--config")
        .arg(&config)
        .args(["segment", &seed_en()])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(format!("{}:1:", config.display())));
}

#[test]
fn init_writes_the_project_file_named_with_config() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("project.toml");
    songngu("en")
        .current_dir(dir.path())
        .arg("--config")
        .arg(&config)
        .args(["init", "--translator", "lan"])
        .assert()
        .code(0)
        .stdout(contains(config.display().to_string()));
    assert!(config.exists());
    assert!(!dir.path().join("songngu.toml").exists());
    // It reads back, and a second `init` refuses to replace it.
    songngu("en")
        .current_dir(dir.path())
        .arg("--config")
        .arg(&config)
        .args(["segment", &seed_en()])
        .assert()
        .code(0);
    songngu("en")
        .current_dir(dir.path())
        .arg("--config")
        .arg(&config)
        .args(["init", "--translator", "lan"])
        .assert()
        .code(2)
        .stderr(contains(format!(
            "`{}` exists already; use `--force`",
            config.display()
        )));
}
