//! The program as a whole, whatever the command: help and version, the choice of the
//! interface language, usage mistakes and unreadable input (exit 2, localized), a closed
//! standard output, and project settings given on the command line.

use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;

use predicates::prelude::*;
use predicates::str::contains;
use songngu::drift::FindingRecord;

use crate::common::*;

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

// ---------------------------------------------------------------------------------------
// A closed standard output is not an error

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
// Project settings on the command line

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
    let written = songngu::project::config::Config::load(&dir.path().join("songngu.toml")).unwrap();
    assert_eq!(written.target.to_string(), "vi-VN");
    assert_eq!(written.memory.len(), 2);
    assert_eq!(written.check.fail_on, songngu::drift::Severity::Warning);
    assert_eq!(written.check.severity(songngu::drift::Kind::Length), None);
    assert_eq!(written.articles[0].doc, "a");
    assert_eq!(written.translator.as_deref(), Some("lan"));
}
