//! Exporting the bilingual release of a 2,000-sentence article.
//!
//! `cargo bench --bench export`
//!
//! The article and memory are the check bench's (see `support/article.rs`), unrevised, so
//! the release has no drift. Each format is written to memory, then the whole `release`
//! folder (every format, the XLIFF file and `manifest.json` with SHA-256 sums, written
//! atomically) to disk. The target for all formats together is well under a second.

#![allow(clippy::print_stderr)]

use std::hint::black_box;
use std::time::SystemTime;

use criterion::{Criterion, criterion_group, criterion_main};
use songngu::drift::Severity;
use songngu::drift::article::checked_units;
use songngu::drift::check::against_memory;
use songngu::drift::checks::CheckOptions;
use songngu::export::release::{ReleaseNames, ReleaseOptions, write_release};
use songngu::export::tmx::TmxOptions;
use songngu::export::{self, Release, Stamp, Wording};
use songngu::xliff::{self, Version};

#[path = "support/article.rs"]
mod article;
#[path = "support/news.rs"]
mod news;
#[path = "support/rng.rs"]
mod rng;
use article::{DOC, newsroom, open, segment};

fn bench(c: &mut Criterion) {
    let room = newsroom(2_000, 10_000);
    let memory = open(&room.tm);
    let units = segment(&room.en);
    let report = against_memory(&units, &memory, DOC, &CheckOptions::default()).expect("check");
    let release = Release {
        doc_id: DOC.to_owned(),
        en: &room.en,
        units: checked_units(&units, &report, Severity::Error),
        // The generated "Vietnamese" draws some cross-language findings; they are shown,
        // not fixed, as a release with `--allow-drift` would.
        allow_drift: true,
        fail_on: Severity::Error,
    };
    let stamp = Stamp {
        user: "bench".to_owned(),
        now: SystemTime::now(),
    };
    let wording = Wording::default();
    let xliff_doc = export::xliff::work_document(DOC, &release.units, true, "en", "vi");
    let out = tempfile::tempdir().expect("temp dir");
    let names = ReleaseNames::new(&release);

    let all_formats = || {
        let mut xliff_bytes = Vec::new();
        xliff::write(&xliff_doc, Version::V2_0, &mut xliff_bytes).expect("xliff");
        let mut options = ReleaseOptions::new(stamp.clone());
        options.findings = &report.findings;
        options.extra = vec![(format!("{}.xlf", names.base), xliff_bytes)];
        let target = out.path().join("release");
        let manifest = write_release(&target, &release, &options).expect("release");
        std::fs::remove_dir_all(&target).expect("clean up");
        manifest
    };
    let manifest = all_formats();
    eprintln!(
        "release of {} units: {} files, {} bytes",
        release.units.len(),
        manifest.files.len(),
        manifest.files.iter().map(|f| f.size).sum::<u64>()
    );

    let mut group = c.benchmark_group("export 2,000 sentences");
    group.sample_size(10);
    group.bench_function("vi", |b| {
        b.iter(|| black_box(export::vi::to_bytes(&release).expect("vi")))
    });
    group.bench_function("bilingual-html", |b| {
        b.iter(|| black_box(export::html::to_string(&release, &wording).expect("html")))
    });
    group.bench_function("bilingual-md", |b| {
        b.iter(|| black_box(export::markdown::to_string(&release, &wording).expect("md")))
    });
    group.bench_function("tmx", |b| {
        let options = TmxOptions::new(stamp.clone());
        b.iter(|| {
            let mut bytes = Vec::new();
            export::tmx::write(&release, &options, &mut bytes).expect("tmx");
            black_box(bytes)
        })
    });
    group.bench_function("xliff 2.0", |b| {
        b.iter(|| {
            let mut bytes = Vec::new();
            xliff::write(&xliff_doc, Version::V2_0, &mut bytes).expect("xliff");
            black_box(bytes)
        })
    });
    group.bench_function("release folder (all formats, manifest, on disk)", |b| {
        b.iter(|| black_box(all_formats()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
