//! The editor's check before a release, at newsroom scale.
//!
//! `cargo bench --bench check`
//!
//! A 2,000-sentence article whose Vietnamese is stored as units of one document in a
//! memory of 10,000 TUs (the rest other articles' units), and a revised English edition
//! (every 10th sentence edited, every 50th deleted, a new sentence after every 40th). The
//! whole check is: open the memory from disk and index it, segment the English, diff it
//! against the document's units, suggest fuzzy matches for the new sentences, and run every
//! cross-language check on the translated units. The target is well under a second.

#![allow(clippy::print_stderr)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use songngu::document::{Document, ReadOptions};
use songngu::drift::check::{Status, against_memory};
use songngu::drift::checks::CheckOptions;

#[path = "support/article.rs"]
mod article;
#[path = "support/news.rs"]
mod news;
#[path = "support/rng.rs"]
mod rng;
use article::{DOC, newsroom, newsroom_with_seed, open, segment};

fn bench(c: &mut Criterion) {
    let room = newsroom(2_000, 10_000);
    let options = CheckOptions::default();
    let memory = open(&room.tm);
    let revised = segment(&room.en_revised);
    let report = against_memory(&revised, &memory, DOC, &options).expect("check");
    let count = |s: Status| report.status.iter().filter(|&&x| x == s).count();
    eprintln!(
        "revised: {} units: {} current, {} stale, {} missing; {} findings",
        revised.len(),
        count(Status::Current),
        count(Status::Stale),
        count(Status::Missing),
        report.findings.len()
    );
    let faithful = segment(&room.en);
    let clean = against_memory(&faithful, &memory, DOC, &options).expect("check");
    eprintln!(
        "unchanged: {} units, findings {:?} (the generated Vietnamese is no real translation)",
        faithful.len(),
        clean.summary(songngu::drift::Severity::Info).kinds
    );

    let edited_doc = Document::from_bytes(
        Path::new("edited.en.txt"),
        room.en.text.replace(" the ", " a ").as_bytes(),
        ReadOptions::default(),
    )
    .expect("edited article");
    let edited = segment(&edited_doc);
    let other = newsroom_with_seed(2_000, 2_000, 0x07e7);
    let unrelated = segment(&other.en);
    for (name, units) in [("most edited", &edited), ("unrelated", &unrelated)] {
        let report = against_memory(units, &memory, DOC, &options).expect("check");
        let stale = report
            .status
            .iter()
            .filter(|&&x| x == Status::Stale)
            .count();
        eprintln!("{name}: {} units, {stale} stale", units.len());
    }

    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.bench_function("whole check: open 10k TUs, 2,000 revised sentences", |b| {
        b.iter(|| {
            let memory = open(&room.tm);
            let units = segment(&room.en_revised);
            black_box(against_memory(&units, &memory, DOC, &options).expect("check"))
        });
    });
    group.bench_function("memory loaded: 2,000 revised sentences", |b| {
        b.iter(|| black_box(against_memory(&revised, &memory, DOC, &options).expect("check")));
    });
    group.bench_function("memory loaded: 2,000 unchanged sentences", |b| {
        b.iter(|| black_box(against_memory(&faithful, &memory, DOC, &options).expect("check")));
    });
    group.bench_function("memory loaded: 2,000 sentences, most edited", |b| {
        b.iter(|| black_box(against_memory(&edited, &memory, DOC, &options).expect("check")));
    });
    group.bench_function("memory loaded: 2,000 sentences of another article", |b| {
        b.iter(|| black_box(against_memory(&unrelated, &memory, DOC, &options).expect("check")));
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
