//! Issue 10, item 1: a word lexicon learned from the whole memory. A memory whose TUs
//! have seen `farmers` / `nông dân`, `schools` / `trường học`, `officials` / `quan chức`
//! and the like translated tells the aligner which sentence of a paragraph of short
//! sentences with no number and no name (lengths cannot decide) the Vietnamese left out.
//! The article alone cannot learn those words: each comes once. Without the memory the
//! aligner pairs the left-out sentence with the next one's translation, and so on down the
//! paragraph, and blames the last sentence.

mod common;

use std::path::{Path, PathBuf};

use common::{songngu, tmx_doc};

/// One paragraph; the Vietnamese leaves out `Farmers are worried about the harvest.`
const EN: &str = "The storm reached the coast on Monday. Farmers are worried about the harvest. \
Schools were closed across the region. Officials will meet again next week.\n";
const VI_OMITTED: &str = "Cơn bão đổ bộ vào bờ biển hôm thứ Hai. \
Các trường học trong khu vực đã đóng cửa. Các quan chức sẽ gặp gỡ lại vào tuần tới.\n";
/// The same paragraph with the first two sentences joined into one.
const VI_MERGED: &str = "Cơn bão đổ bộ vào bờ biển hôm thứ Hai khiến nông dân lo lắng cho mùa \
màng. Các trường học trong khu vực đã đóng cửa. Các quan chức sẽ gặp gỡ lại vào tuần tới.\n";

/// The right links when the second sentence is left out.
fn omission() -> Vec<(Vec<usize>, Vec<usize>)> {
    vec![
        (vec![0], vec![0]),
        (vec![1], vec![]),
        (vec![2], vec![1]),
        (vec![3], vec![2]),
    ]
}

/// Sentence pairs of other articles: each word of the merged sentence comes back with its
/// translation, in different company each time.
fn memory_pairs() -> Vec<(String, String)> {
    let words = [
        ("farmers", "nông dân"),
        ("worried", "lo lắng"),
        ("harvest", "mùa màng"),
        ("schools", "trường học"),
        ("closed", "đóng cửa"),
        ("region", "khu vực"),
        ("officials", "quan chức"),
        ("meet", "gặp gỡ"),
        ("week", "tuần"),
        ("storm", "cơn bão"),
        ("coast", "bờ biển"),
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
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(e, v)| (e.as_str(), v.as_str()))
        .collect();
    let path = dir.join("memory.tmx");
    std::fs::write(&path, tmx_doc(&borrowed)).expect("write memory");
    path
}

fn article(dir: &Path, vi_text: &str) -> (PathBuf, PathBuf) {
    let (en, vi) = (dir.join("a.en.txt"), dir.join("a.vi.txt"));
    std::fs::write(&en, EN).expect("write");
    std::fs::write(&vi, vi_text).expect("write");
    (en, vi)
}

/// `(en, vi)` sentence indices of each link of `align --format json` with `extra` args.
fn links(dir: &Path, vi_text: &str, extra: &[&std::ffi::OsStr]) -> Vec<(Vec<usize>, Vec<usize>)> {
    let (en, vi) = article(dir, vi_text);
    common::align_links(
        songngu("en")
            .current_dir(dir)
            .args(["--no-config", "align"])
            .arg(&en)
            .arg(&vi)
            .args(["--format", "json"])
            .args(extra),
    )
    .into_iter()
    .map(|(en, vi, _)| (en, vi))
    .collect()
}

#[test]
fn align_with_a_memory_finds_the_sentence_left_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    let memory = write_memory(dir.path());
    let learned = links(
        dir.path(),
        VI_OMITTED,
        &["--tm".as_ref(), memory.as_os_str()],
    );
    assert_eq!(learned, omission());
    // The lexicon is kept beside the memory.
    assert!(dir.path().join(".songngu-cache/memory.tmx.lex").exists());
}

#[test]
fn align_into_a_memory_learns_from_that_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let memory = write_memory(dir.path());
    let learned = links(
        dir.path(),
        VI_OMITTED,
        &[
            "--into".as_ref(),
            memory.as_os_str(),
            "--doc".as_ref(),
            "storm".as_ref(),
        ],
    );
    assert_eq!(learned, omission());
}

#[test]
fn align_with_a_memory_keeps_a_merge_whose_words_are_on_the_other_side() {
    let dir = tempfile::tempdir().expect("tempdir");
    let memory = write_memory(dir.path());
    let learned = links(
        dir.path(),
        VI_MERGED,
        &["--tm".as_ref(), memory.as_os_str()],
    );
    assert_eq!(
        learned,
        vec![
            (vec![0, 1], vec![0]),
            (vec![2], vec![1]),
            (vec![3], vec![2]),
        ]
    );
}

#[test]
fn check_vi_with_a_memory_reports_the_sentence_left_out_and_nothing_else() {
    let dir = tempfile::tempdir().expect("tempdir");
    let memory = write_memory(dir.path());
    let (en, vi) = article(dir.path(), VI_OMITTED);
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
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let findings: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .filter(|v: &serde_json::Value| v.get("kind").is_some())
        .collect();
    let found: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| {
            (
                f["kind"].as_str().expect("kind"),
                f["en"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [("missing", "Farmers are worried about the harvest.")],
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(1), "{stdout}");
}
