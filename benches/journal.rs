//! Saving one translation into a big memory: appended to the memory's journal, against the
//! whole TMX rewritten (what every save did before the journal, and what `tm compact` does).
//!
//! `cargo bench --bench journal`
//!
//! The memory: 100,000 generated news TUs (about 100 MB) of one document, written whole
//! first. Each iteration replaces one TU by a new translation and saves (the save syncs
//! the file, as a real save does). The memory is loaded once, outside the timing; the
//! journal is compacted (untimed) whenever it passes 4 MB, so the figures stay those of
//! an append. Besides criterion's figures it prints the bytes each kind of save writes.
//!
//! `scripts/bench-journal.sh` measures the whole commands (`translate`, `tm import`,
//! `align --into`) at a million TUs, with their peak resident memory.

#![allow(clippy::print_stderr)]

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::Criterion;
use songngu::memory::persist::LockWait;
use songngu::memory::{
    record::{NewUnit, unit_tu},
    store::Memory,
};
use unic_langid::langid;

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;
#[path = "support/news.rs"]
mod news;

const TUS: usize = 100_000;

fn open(path: &Path) -> Memory {
    Memory::open_for_update(
        &[path.to_owned()],
        langid!("en"),
        langid!("vi"),
        LockWait::Fail,
    )
    .expect("the memory opens")
}

/// A memory of `count` TUs of the document `news`, written whole.
fn generate(path: &Path, count: usize) {
    let mut rng = Rng(0x6a09_e667_f3bc_c908);
    let mut memory = open(path);
    for i in 0..count {
        let (en, vi) = news::pair(&mut rng);
        let unit = format!("u{i}");
        let tu = unit_tu(
            &NewUnit {
                doc: "news",
                unit: &unit,
                order: i,
                source: &en,
                target: &vi,
                status: "translated",
                user: "lan",
            },
            &langid!("en"),
            &langid!("vi"),
        );
        memory.add(None, tu).expect("add");
    }
    memory.save().expect("save");
}

/// Replaces the TU of unit `u{i}` by a new translation.
fn retranslate(memory: &mut Memory, i: usize) {
    let unit = format!("u{}", i % TUS);
    let stored = memory
        .document_unit("news", &unit)
        .expect("reads")
        .expect("the unit is there");
    let tu = unit_tu(
        &NewUnit {
            doc: "news",
            unit: &unit,
            order: stored.order,
            source: &stored.en,
            target: &format!("Bản dịch mới số {i}."),
            status: "reviewed",
            user: "minh",
        },
        &langid!("en"),
        &langid!("vi"),
    );
    memory.replace(stored.entry, tu).expect("replace");
}

fn journal_len(path: &Path) -> u64 {
    std::fs::metadata(songngu::memory::journal::path_for(path)).map_or(0, |m| m.len())
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("news.tmx");
    let started = Instant::now();
    generate(&path, TUS);
    let size = std::fs::metadata(&path).expect("written").len();
    eprintln!(
        "memory: {TUS} TUs, {:.1} MB, written in {:.1?}",
        size as f64 / 1e6,
        started.elapsed()
    );
    let mut memory = open(&path);

    // The bytes of each kind of save.
    retranslate(&mut memory, 1);
    memory.save().expect("save");
    let first = journal_len(&path);
    retranslate(&mut memory, 2);
    memory.save().expect("save");
    eprintln!(
        "one translation appended: {} bytes of journal; rewritten whole: {size} bytes of TMX",
        journal_len(&path) - first
    );

    let mut group = c.benchmark_group(format!("save-one-translation-{}k", TUS / 1000));
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(10));
    let mut next = 3;
    group.bench_function("journal", |b| {
        b.iter_custom(|iterations| {
            let mut timed = Duration::ZERO;
            for _ in 0..iterations {
                if journal_len(&path) > 4_000_000 {
                    memory.compact().expect("compact");
                }
                retranslate(&mut memory, next);
                next += 1;
                let start = Instant::now();
                black_box(memory.save().expect("save"));
                timed += start.elapsed();
            }
            timed
        })
    });
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(30));
    group.bench_function("whole rewrite", |b| {
        b.iter_custom(|iterations| {
            let mut timed = Duration::ZERO;
            for _ in 0..iterations {
                retranslate(&mut memory, next);
                next += 1;
                let start = Instant::now();
                black_box(memory.compact().expect("compact"));
                timed += start.elapsed();
            }
            timed
        })
    });
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
}
