//! Helpers shared by the integration test binaries: the real executable with a clean
//! environment, temporary fixtures and small TMX documents.
#![allow(dead_code)] // Each test binary uses its own subset.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub const BIN: &str = env!("CARGO_BIN_EXE_songngu");
pub const SEED_EN: &str = "examples/seed.en.txt";

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

/// The links `cmd` (an `align --format json` run) prints, as (English indices,
/// Vietnamese indices, confidence); the run must succeed.
pub fn align_links(cmd: &mut Command) -> Vec<(Vec<usize>, Vec<usize>, f64)> {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON line"))
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
