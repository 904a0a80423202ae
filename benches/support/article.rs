//! A generated newsroom: a 2,000-sentence English article, its Vietnamese stored as units
//! of one document in a 10,000-TU memory (the rest other articles' units), and a revised
//! English edition. Shared by the check and export benches.

use std::path::{Path, PathBuf};

use songngu::document::{Document, ReadOptions};
use songngu::memory::persist::LockWait;
use songngu::memory::{
    record::{NewUnit, unit_tu},
    store::Memory,
};
use songngu::segment::{Segmenter, Unit, segment_document};
use songngu::text::Lang;
use unic_langid::langid;

use super::news::pair;
use super::rng::Rng;

pub const DOC: &str = "bench-article";

#[allow(dead_code)] // The export bench needs no revision.
pub struct Newsroom {
    /// Holds the memory file; removed when dropped.
    pub _dir: tempfile::TempDir,
    pub tm: PathBuf,
    /// The article as translated.
    pub en: Document,
    /// The revised edition: every 10th sentence edited, every 50th deleted, a new sentence
    /// after every 40th.
    pub en_revised: Document,
}

/// Paragraphs of one to six sentences, one paragraph per line (plain text).
fn article(paragraphs: &[Vec<String>]) -> String {
    paragraphs
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A sentence of [`pair`] with about half of its common words replaced by words of a
/// 20,000-word vocabulary drawn with Zipf-like odds: `pair` alone draws from a few dozen
/// words, which makes every sentence resemble every other far more than news does.
fn sentence(rng: &mut Rng) -> (String, String) {
    let (en, vi) = pair(rng);
    let mut vary = |text: &str, prefix: &str| -> String {
        text.split(' ')
            .map(|word| {
                // The words of a Vietnamese date stay, or the date would no longer be one.
                let date_word = matches!(word, "ngày" | "tháng" | "năm");
                if word.chars().all(|c| c.is_lowercase()) && !date_word && rng.chance(50) {
                    let bound = 1 + rng.below(20_000);
                    format!("{prefix}{}", letters(rng.below(bound)))
                } else {
                    word.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let en = vary(&en, "");
    let vi = vary(&vi, "t");
    (en, vi)
}

/// A word spelled from a number: 0 → `ba`, 1 → `be`, ...
fn letters(mut n: usize) -> String {
    const CONSONANTS: &[u8] = b"bcdghklmnprstv";
    const VOWELS: &[u8] = b"aeiou";
    let mut word = String::new();
    loop {
        word.push(CONSONANTS[n % CONSONANTS.len()] as char);
        n /= CONSONANTS.len();
        word.push(VOWELS[n % VOWELS.len()] as char);
        n /= VOWELS.len();
        if n == 0 {
            return word;
        }
    }
}

pub fn segment(doc: &Document) -> Vec<Unit> {
    segment_document(doc, &Segmenter::builtin(Lang::En))
}

pub fn open(tm: &Path) -> Memory {
    Memory::open(&[tm.to_owned()], langid!("en"), langid!("vi")).expect("open the memory")
}

/// `sentences` sentences in the article, `memory_tus` TUs in the memory in all.
pub fn newsroom(sentences: usize, memory_tus: usize) -> Newsroom {
    newsroom_with_seed(sentences, memory_tus, 0xc4ec_2000)
}

/// [`newsroom`] from another random seed: another article.
#[allow(dead_code)] // Only the check bench needs a second article.
pub fn newsroom_with_seed(sentences: usize, memory_tus: usize, seed: u64) -> Newsroom {
    let mut rng = Rng(seed);
    let mut pairs = Vec::with_capacity(sentences);
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    while pairs.len() < sentences {
        let n = (1 + rng.below(6)).min(sentences - pairs.len());
        let mut paragraph = Vec::new();
        for _ in 0..n {
            let (en, vi) = sentence(&mut rng);
            paragraph.push(en.clone());
            pairs.push((en, vi));
        }
        paragraphs.push(paragraph);
    }
    let en = Document::from_bytes(
        Path::new("bench.en.txt"),
        article(&paragraphs).as_bytes(),
        ReadOptions::default(),
    )
    .expect("article");
    let units = segment(&en);
    assert_eq!(
        units.len(),
        pairs.len(),
        "the generated sentences must segment as generated"
    );

    let mut revised = Vec::new();
    let mut i = 0;
    for paragraph in &paragraphs {
        let mut p = Vec::new();
        for s in paragraph {
            i += 1;
            if i % 50 == 0 {
                continue;
            }
            p.push(if i % 10 == 0 {
                s.replacen(' ', " newly ", 1)
            } else {
                s.clone()
            });
            if i % 40 == 0 {
                p.push(format!("A correspondent added remark number {i} later."));
            }
        }
        revised.push(p);
    }
    let en_revised = Document::from_bytes(
        Path::new("bench.en.txt"),
        article(&revised).as_bytes(),
        ReadOptions::default(),
    )
    .expect("revised article");

    let dir = tempfile::tempdir().expect("temp dir");
    let tm = dir.path().join("bench.tmx");
    let mut memory = Memory::open_for_update(
        std::slice::from_ref(&tm),
        langid!("en"),
        langid!("vi"),
        LockWait::Fail,
    )
    .expect("new memory");
    let (source, target) = (langid!("en"), langid!("vi"));
    let mut add = |doc: &str, unit: &str, order: usize, en: &str, vi: &str| {
        let new = NewUnit {
            doc,
            unit,
            order,
            source: en,
            target: vi,
            status: "translated",
            user: "bench",
        };
        memory
            .add(None, unit_tu(&new, &source, &target))
            .expect("add");
    };
    for (order, (unit, (_, vi))) in units.iter().zip(&pairs).enumerate() {
        add(DOC, &unit.id, order, &unit.text, vi);
    }
    for k in 0..memory_tus.saturating_sub(units.len()) {
        let (en, vi) = sentence(&mut rng);
        let unit = format!("u{k:010x}");
        add(&format!("archive-{}", k / 40), &unit, k % 40, &en, &vi);
    }
    memory.save().expect("save the memory");
    Newsroom {
        _dir: dir,
        tm,
        en,
        en_revised,
    }
}
