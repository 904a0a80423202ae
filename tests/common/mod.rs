//! Helpers shared by the integration test binaries: the real executable with a clean
//! environment, temporary fixtures and projects, small TMX documents, and readers of what
//! the commands print and write.
#![allow(dead_code)] // Each test binary uses its own subset.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub const BIN: &str = env!("CARGO_BIN_EXE_songngu");
pub const SEED_EN: &str = "examples/seed.en.txt";
pub const SEED_VI: &str = "examples/seed.vi.txt";
pub const SEED_V2_EN: &str = "examples/seed.v2.en.txt";
/// The alignment evaluation set (`tests/fixtures/align/README.md`).
pub const ALIGN_FIXTURES: &str = "tests/fixtures/align";

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The executable with an empty environment, run from the crate root.
pub fn bare() -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_clear().current_dir(root());
    cmd
}

/// The executable with an empty environment and the UI language pinned to `ui`.
pub fn songngu(ui: &str) -> Command {
    let mut cmd = bare();
    cmd.env("SONGNGU_LANG", ui);
    cmd
}

pub fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().expect("runs").stdout).expect("stdout is UTF-8")
}

/// Runs the executable in `dir` (English UI, user `lan`): exit code, stdout, stderr.
pub fn run_in_apart(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let output = songngu("en-US")
        .current_dir(dir)
        .env("SONGNGU_USER", "lan")
        .args(args)
        .output()
        .expect("runs");
    (
        output.status.code().expect("exit code"),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// [`run_in_apart`] with stdout followed by stderr in one text, for tests that look for a
/// message wherever it is printed.
pub fn run_in(dir: &Path, args: &[&str]) -> (i32, String) {
    let (code, stdout, stderr) = run_in_apart(dir, args);
    (code, stdout + &stderr)
}

/// Each line of `text` (JSON Lines output) parsed; any other line fails the test.
pub fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Runs `check` in `dir` with `args` and returns its exit code and JSON records (each
/// parsed with the documented schema, which rejects unknown fields).
pub fn check_json(dir: &Path, args: &[&str]) -> (i32, Vec<songngu::drift::FindingRecord>) {
    let output = songngu("en-US")
        .current_dir(dir)
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let records = json_lines(&stdout)
        .into_iter()
        .map(|value| {
            // The contract's fields are there on every line, null when they do not apply;
            // the typed schema alone would accept them missing.
            for key in ["kind", "severity", "unit", "en", "vi", "message"] {
                assert!(value.get(key).is_some(), "`{key}` missing in {value}");
            }
            if value["kind"] == "stale" {
                for key in ["old_en", "diff"] {
                    assert!(
                        value[key].is_string() || value[key].is_array(),
                        "{key}: {value}"
                    );
                }
            }
            serde_json::from_value(value.clone()).unwrap_or_else(|e| panic!("{e}: {value}"))
        })
        .collect();
    (output.status.code().expect("exit code"), records)
}

/// Whether a finding is drift: the article and the memory no longer agree.
pub fn is_drift(kind: songngu::drift::Kind) -> bool {
    use songngu::drift::Kind;
    matches!(kind, Kind::Stale | Kind::Missing | Kind::Orphaned)
}

/// The links `cmd` (an `align --format json` run) prints, as (English indices,
/// Vietnamese indices, confidence); the run must succeed.
pub fn align_links(cmd: &mut Command) -> Vec<(Vec<usize>, Vec<usize>, f64)> {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_lines(&String::from_utf8(out.stdout).expect("UTF-8"))
        .into_iter()
        .filter(|v| v.get("confidence").is_some())
        .map(|v| {
            let side = |k: &str| -> Vec<usize> {
                v[k].as_array()
                    .expect("indices")
                    .iter()
                    .map(|i| i.as_u64().expect("index") as usize)
                    .collect()
            };
            (
                side("en"),
                side("vi"),
                v["confidence"].as_f64().expect("f64"),
            )
        })
        .collect()
}

/// The names in `dir`, sorted, without the index cache kept beside a memory (a cache, not
/// an output: tests/index_cache.rs).
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| name != ".songngu-cache")
        .collect();
    names.sort_unstable();
    names
}

/// A temporary directory holding one file `name` with `contents`.
pub fn temp_file(name: &str, contents: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, contents).expect("write fixture");
    (dir, path)
}

/// `count` one-sentence paragraphs, one per line.
pub fn many_paragraphs(count: usize) -> String {
    (1..=count)
        .map(|n| format!("This is paragraph {n}.\n"))
        .collect()
}

/// A TMX 1.4 document with one en-vi TU per pair; `tuid`s are `t1`, `t2`...
pub fn tmx_doc(pairs: &[(&str, &str)]) -> String {
    let mut doc = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header creationtool=\"test\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"test\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n  <body>\n",
    );
    for (i, (en, vi)) in pairs.iter().enumerate() {
        doc.push_str(&format!(
            "    <tu tuid=\"t{}\" changedate=\"20240101T000000Z\">\n      <tuv xml:lang=\"en\"><seg>{en}</seg></tuv>\n      <tuv xml:lang=\"vi\"><seg>{vi}</seg></tuv>\n    </tu>\n",
            i + 1
        ));
    }
    doc.push_str("  </body>\n</tmx>\n");
    doc
}

pub const PAIRS: &[(&str, &str)] = &[
    (
        "Deputy Minister Nguyen Thanh Hung attended the conference.",
        "Thứ trưởng Nguyễn Thanh Hùng đã tham dự hội thảo.",
    ),
    (
        "The event attracted more than one thousand guests.",
        "Sự kiện thu hút hơn một nghìn khách mời.",
    ),
    (
        "Member countries agreed on the principle of 11 codes of conduct.",
        "Các nước thành viên đã thống nhất về nguyên tắc đối với 11 quy tắc ứng xử.",
    ),
];

/// The sentences of the fair article (`a.en.txt`, one paragraph) and their translations.
pub const FAIR: [(&str, &str); 3] = [
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

/// Writes the fair article `a.en.txt` into the project `d` and translates every sentence
/// with `translate`; the project file must already name the article and a memory.
pub fn translate_fair(d: &Path) {
    let text: Vec<&str> = FAIR.iter().map(|(en, _)| *en).collect();
    std::fs::write(d.join("a.en.txt"), text.join(" ") + "\n").unwrap();
    for (en, vi) in FAIR {
        let id = songngu::segment::text_id(en);
        let (code, text) = run_in(d, &["translate", "a.en.txt", "--unit", &id, "--vi", vi]);
        assert_eq!(code, 0, "{text}");
    }
}

/// A project with the fair article `a.en.txt` as document `fair`, every sentence
/// translated in `m.tmx`; `top` (keys) and `tables` go into its `songngu.toml`.
pub fn fair_project(top: &str, tables: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("songngu.toml"),
        format!(
            "{top}memory = [\"m.tmx\"]\n\n[[article]]\npath = \"a.en.txt\"\ndoc = \"fair\"\n\n{tables}"
        ),
    )
    .unwrap();
    translate_fair(dir.path());
    dir
}

/// The fair article revised: the number edited (stale) and a sentence added that the
/// memory has a fuzzy match for (missing, with a suggestion).
pub fn revise_fair(d: &Path) {
    std::fs::write(
        d.join("a.en.txt"),
        "The fair opened today in Hanoi. It has 45 stands from ten provinces. Tickets are free for children. The fair opened today in Da Nang.\n",
    )
    .unwrap();
}

/// The `<tu ...>` start tag of the TU `doc/unit` in the memory file.
pub fn tu_tag(tmx: &Path, doc: &str, unit: &str) -> String {
    let text = std::fs::read_to_string(tmx).unwrap();
    let wanted = format!("tuid=\"{doc}/{unit}\"");
    text.lines()
        .find(|l| l.contains(&wanted))
        .unwrap_or_else(|| panic!("no TU {wanted} in {text}"))
        .to_owned()
}

/// The `manifest.json` of the release folder `dir`.
pub fn manifest_of(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap()
}

/// Lower-case hex SHA-256, as manifests write it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Writes to `path` a copy of the bundled memory `tmx/seed.tmx` in which the English
/// `<tuv>` of the second TU lost its `xml:lang` (a damaged TU the reader skips); returns
/// the 1-based line and column of that `<tuv>`.
pub fn damaged_seed_memory(path: &Path) -> (usize, usize) {
    let text = std::fs::read_to_string(root().join("tmx/seed.tmx")).unwrap();
    let second = text.match_indices("<tu ").nth(1).unwrap().0;
    let at = second + text[second..].find("<tuv xml:lang=\"en\">").unwrap();
    let damaged = format!(
        "{}<tuv>{}",
        &text[..at],
        &text[at + "<tuv xml:lang=\"en\">".len()..]
    );
    std::fs::write(path, damaged).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
    (line, column)
}

pub fn count_tus_in(path: &Path) -> usize {
    std::fs::read_to_string(path)
        .expect("read TMX")
        .matches("<tu ")
        .count()
}

/// A memory of `count` generated en-vi pairs in the layout of [`tmx_doc`], about 570 bytes
/// a TU: 8,000 make a memory of 4.4 MiB, past the size from which saves are journaled
/// (`songngu::memory::save::JOURNAL_FROM`).
pub fn big_memory(count: usize) -> String {
    let owned: Vec<(String, String)> = (0..count)
        .map(|i| {
            (
                format!(
                    "Sentence {i} of the archive says that the ministry met {i} delegates in Hanoi today to discuss the digital economy, the security of information networks and the cooperation of the region's press agencies."
                ),
                format!(
                    "Câu {i} của kho lưu trữ nói rằng hôm nay bộ đã gặp {i} đại biểu tại Hà Nội để bàn về kinh tế số, an toàn mạng thông tin và sự hợp tác của các cơ quan báo chí trong khu vực."
                ),
            )
        })
        .collect();
    let pairs: Vec<(&str, &str)> = owned
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    tmx_doc(&pairs)
}
