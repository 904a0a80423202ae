//! Issue 10, item 1: a word lexicon learned from the whole memory. A memory whose TUs
//! have seen `farmers` / `nông dân`, `worried` / `lo lắng` and `harvest` / `mùa màng`
//! translated tells the aligner that a sentence it would otherwise take for left out
//! (no number, no name: lengths cannot decide) is merged into its neighbour's translation.

mod common;

use std::path::{Path, PathBuf};

use common::{songngu, tmx_doc};

/// One paragraph; the Vietnamese joins the first two sentences into one.
const EN: &str = "The storm reached the coast on Monday. Farmers are worried about the harvest. \
Schools were closed across the region. Officials will meet again next week.\n";
const VI: &str = "Cơn bão đổ bộ vào bờ biển hôm thứ Hai khiến nông dân lo lắng cho mùa màng. \
Các trường học trong vùng đã đóng cửa. Các quan chức sẽ họp lại vào tuần tới.\n";

/// Sentence pairs of other articles: each word of the merged sentence comes back with its
/// translation, in different company each time.
fn memory_pairs() -> Vec<(String, String)> {
    let words = [
        ("farmers", "nông dân"),
        ("worried", "lo lắng"),
        ("harvest", "mùa màng"),
        ("rice", "lúa gạo"),
        ("prices", "giá cả"),
        ("fields", "cánh đồng"),
    ];
    let endings = [
        ("in the delta", "ở đồng bằng"),
        ("this spring", "mùa xuân này"),
        ("after the rain", "sau cơn mưa"),
        ("for many years", "trong nhiều năm"),
    ];
    let mut out = Vec::new();
    for (i, (en, vi)) in words.iter().enumerate() {
        for (j, (end_en, end_vi)) in endings.iter().enumerate() {
            let (other_en, other_vi) = words[(i + j + 1) % words.len()];
            out.push((
                format!("People talked about {en} and {other_en} {end_en}."),
                format!("Mọi người bàn về {vi} và {other_vi} {end_vi}."),
            ));
        }
    }
    out
}

fn write_memory(dir: &Path) -> PathBuf {
    let pairs = memory_pairs();
    let borrowed: Vec<(&str, &str)> = pairs.iter().map(|(e, v)| (e.as_str(), v.as_str())).collect();
    let path = dir.join("memory.tmx");
    std::fs::write(&path, tmx_doc(&borrowed)).expect("write memory");
    path
}

fn article(dir: &Path) -> (PathBuf, PathBuf) {
    let (en, vi) = (dir.join("a.en.txt"), dir.join("a.vi.txt"));
    std::fs::write(&en, EN).expect("write");
    std::fs::write(&vi, VI).expect("write");
    (en, vi)
}

/// `(en, vi)` sentence indices of each link of `align --format json` with `extra` args.
fn links(dir: &Path, extra: &[&std::ffi::OsStr]) -> Vec<(Vec<u64>, Vec<u64>)> {
    let (en, vi) = article(dir);
    let out = songngu("en")
        .current_dir(dir)
        .args(["--no-config", "align"])
        .arg(&en)
        .arg(&vi)
        .args(["--format", "json"])
        .args(extra)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON line"))
        .map(|v| {
            let side = |k: &str| -> Vec<u64> {
                v[k].as_array()
                    .expect("indices")
                    .iter()
                    .map(|i| i.as_u64().expect("index"))
                    .collect()
            };
            (side("en"), side("vi"))
        })
        .collect()
}

const MERGED: (&[u64], &[u64]) = (&[0, 1], &[0]);

fn has_merge(links: &[(Vec<u64>, Vec<u64>)]) -> bool {
    links
        .iter()
        .any(|(e, v)| (e.as_slice(), v.as_slice()) == MERGED)
}

#[test]
fn align_with_a_memory_merges_a_sentence_whose_words_the_memory_knows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let memory = write_memory(dir.path());
    let learned = links(dir.path(), &["--tm".as_ref(), memory.as_os_str()]);
    assert!(has_merge(&learned), "{learned:?}");
    assert!(
        learned.iter().all(|(e, v)| !e.is_empty() && !v.is_empty()),
        "nothing left out: {learned:?}"
    );
    // The lexicon is kept beside the memory.
    assert!(dir.path().join(".songngu-cache/memory.tmx.lex").exists());
}

#[test]
fn align_into_a_memory_learns_from_that_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let memory = write_memory(dir.path());
    let learned = links(
        dir.path(),
        &[
            "--into".as_ref(),
            memory.as_os_str(),
            "--doc".as_ref(),
            "storm".as_ref(),
        ],
    );
    assert!(has_merge(&learned), "{learned:?}");
}

#[test]
fn check_vi_with_a_memory_finds_no_omission_in_a_merged_translation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let memory = write_memory(dir.path());
    let (en, vi) = article(dir.path());
    let out = songngu("en")
        .current_dir(dir.path())
        .args(["--no-config", "check"])
        .arg(&en)
        .arg("--vi")
        .arg(&vi)
        .arg("--tm")
        .arg(&memory)
        .args(["--format", "json", "--fail-on", "info"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !stdout.contains("\"alignment\"") && !stdout.contains("\"missing\""),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{stdout}");
}
