//! Errors of the library reach a Vietnamese user in Vietnamese: each is worded from its
//! fields, not by wrapping the library's English `Display` in a Vietnamese frame. The
//! English stays as it was.

mod common;

use std::path::Path;

use common::{SEED_EN, root, songngu};

/// `args` run in `dir` in UI language `ui`: the exit code and standard error.
fn run_in(dir: &Path, ui: &str, args: &[&str]) -> (i32, String) {
    let output = songngu(ui)
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("stderr is UTF-8");
    (output.status.code().expect("exit code"), stderr)
}

/// A folder with the seed article as English and Vietnamese, and `files`.
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = std::fs::read(root().join(SEED_EN)).expect("seed");
    std::fs::write(dir.path().join("a.en.txt"), &seed).unwrap();
    std::fs::write(dir.path().join("a.vi.txt"), &seed).unwrap();
    for (name, contents) in files {
        std::fs::write(dir.path().join(name), contents).unwrap();
    }
    dir
}

/// Runs `args` in English and in Vietnamese: both fail with exit 2; the English names
/// `english`, the Vietnamese does not, and says `vietnamese` instead.
fn assert_worded(dir: &Path, args: &[&str], english: &str, vietnamese: &str) {
    let (code, en) = run_in(dir, "en", args);
    assert_eq!(code, 2, "{en}");
    assert!(
        en.starts_with("songngu: error: ") && en.contains(english),
        "{en}"
    );
    let (code, vi) = run_in(dir, "vi", args);
    assert_eq!(code, 2, "{vi}");
    assert!(vi.starts_with("songngu: lỗi: "), "{vi}");
    assert!(
        !vi.contains(english),
        "English in the Vietnamese message: {vi}"
    );
    assert!(vi.contains(vietnamese), "{vi}");
}

const CHECK: &[&str] = &["check", "a.en.txt", "--vi", "a.vi.txt"];

#[test]
fn a_bad_setting_in_the_project_file_is_worded_in_vietnamese() {
    let dir = project(&[("songngu.toml", "[check.kinds]\nname = \"loud\"\n")]);
    assert_worded(
        dir.path(),
        CHECK,
        "`loud` for `check.kinds.name` is not one of off, info, warning, error",
        "phải là một trong off, info, warning, error",
    );
}

#[test]
fn a_language_the_project_file_cannot_use_is_worded_in_vietnamese() {
    let dir = project(&[("songngu.toml", "source = \"fr\"\n")]);
    assert_worded(
        dir.path(),
        CHECK,
        "`fr` is not a language tag songngu supports as source (expected en)",
        "`fr` không phải thẻ ngôn ngữ songngu hỗ trợ cho ngôn ngữ nguồn (cần `en`)",
    );
}

#[test]
fn a_project_file_that_is_not_toml_is_worded_in_vietnamese() {
    let dir = project(&[("songngu.toml", "source = \"en\"\nfoo = [\n")]);
    let (_, en) = run_in(dir.path(), "en", CHECK);
    assert!(
        en.ends_with("songngu.toml:2:8: unclosed array, expected `]`\n"),
        "{en}"
    );
    // The parser's problem is named in Vietnamese too, at the same file, line and column.
    let (code, vi) = run_in(dir.path(), "vi", CHECK);
    assert_eq!(code, 2);
    assert!(
        vi.ends_with("songngu.toml:2:8: tệp dự án viết sai: mảng chưa đóng, thiếu `]`\n"),
        "{vi}"
    );
}

#[test]
fn toml_problems_in_the_project_file_have_no_english_left_in_vietnamese() {
    for (text, english, vietnamese) in [
        (
            "source = \"en\"\nsource = \"en\"\n",
            "songngu.toml:2:1: duplicate key",
            "songngu.toml:2:1: tệp dự án viết sai: khoá bị trùng",
        ),
        (
            "source \"en\"\n",
            "songngu.toml:1:8: key with no value, expected `=`",
            "songngu.toml:1:8: tệp dự án viết sai: khoá chưa có giá trị, thiếu `=`",
        ),
        (
            "sourse = \"en\"\n",
            "songngu.toml:1:1: unknown key `sourse`; the keys allowed here: `source`",
            "songngu.toml:1:1: tệp dự án viết sai: không có khoá `sourse`; các khoá dùng được ở đây: `source`",
        ),
    ] {
        let dir = project(&[("songngu.toml", text)]);
        assert_worded(dir.path(), CHECK, english, vietnamese);
    }
}

#[test]
fn an_unknown_toml_problem_keeps_the_parsers_words_labelled() {
    let dir = project(&[("songngu.toml", "source = \"en\"\ntarget = 0x\n")]);
    let (code, vi) = run_in(dir.path(), "vi", CHECK);
    assert_eq!(code, 2, "{vi}");
    assert!(
        vi.contains("songngu.toml:2:") && vi.contains("chi tiết từ bộ đọc TOML (tiếng Anh): "),
        "{vi}"
    );
}

#[test]
fn a_refused_kind_option_says_what_it_expects_in_vietnamese() {
    let dir = project(&[]);
    // A top-level option, before the command.
    let mut args = vec!["--kind", "loud"];
    args.extend(CHECK);
    assert_worded(
        dir.path(),
        &args,
        "`--kind loud`: expected KIND=off|info|warning|error, KIND being a finding kind such as `length`",
        "trong đó KIND là một loại vấn đề",
    );
}

#[test]
fn a_file_that_is_not_xliff_is_worded_in_vietnamese() {
    let dir = project(&[("bad.xlf", "<html/>")]);
    assert_worded(
        dir.path(),
        &["xliff", "import", "bad.xlf"],
        "`bad.xlf`:1:1: not an XLIFF document: the root element is `html`",
        "`bad.xlf`:1:1: không phải tài liệu XLIFF: phần tử gốc là `html`",
    );
}

#[test]
fn a_tmx_with_a_syntax_error_is_worded_in_vietnamese() {
    let tmx = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>a &nbsp; b</seg></tuv></tu></body></tmx>\n";
    let dir = project(&[("bad.tmx", tmx)]);
    let english = "`bad.tmx`:2:78: not usable TMX: undefined entity `&nbsp;`";
    let vietnamese = "thực thể `&nbsp;` chưa được định nghĩa";
    assert_worded(dir.path(), &["tm", "stats", "bad.tmx"], english, vietnamese);
    let mut check = CHECK.to_vec();
    check.extend(["--tm", "bad.tmx"]);
    assert_worded(dir.path(), &check, english, vietnamese);
}
