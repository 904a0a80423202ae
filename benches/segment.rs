//! Sentence segmentation throughput on ~10 MB of generated English news text, side by side
//! with the sentencex crate (the fastest rule-based segmenter we know of).
//!
//! `cargo bench --bench segment`
//!
//! `cargo bench --bench segment -- --generate PATH` writes the same text to a file, one
//! paragraph per line, for `scripts/bench-segment-process.sh`, which times the whole
//! `songngu segment` process on it beside sentencex.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group};
use songngu::segment::Segmenter;
use songngu::text::Lang;

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

/// Sentences in the style of wire copy, with the things that make segmentation hard:
/// titles, initials, acronyms, clock times, numbers, quotes, URLs, e-mail addresses.
const SENTENCES: &[&str] = &[
    "The Ministry of Information and Communications said on Tuesday that 1,200 delegates had registered.",
    "Mr. Nguyen Van An, director of the agency, told reporters the plan would cost $3.5 billion.",
    "Dr. J. R. Smith of the U.S. Department of State arrived at 9 a.m. on Monday.",
    "\"We will not accept any delay,\" she said.",
    "Growth reached 6.8% in the third quarter, up from 6.1% a year earlier.",
    "Details are published at https://example.gov.vn/news/2019/11/28/item.html for readers.",
    "Questions can be sent to press.office@example.org before Friday.",
    "Is this the end of the old model?",
    "Officials declined to comment!",
    "The meeting, held in Hanoi (Vietnam), ended at 11:45 p.m. The next one is planned for March.",
    "Shares of Acme Co. rose 2.1 percent after the announcement by Prof. Tran Thi Bich.",
    "According to No. 13 of the decree, companies must report within 30 days.",
    "The report lists three goals, e.g. safety, openness and growth, among others.",
    "Ms. Rebecca Bryant, Interim Representative of the Australian Embassy, said cooperation had grown.",
    "He left the U.S. in 2015 and has lived in Ho Chi Minh City since then.",
];

fn news_text(target_bytes: usize) -> Vec<String> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut next = move || rng.next();
    let mut paragraphs = Vec::new();
    let mut total = 0;
    while total < target_bytes {
        let count = 2 + (next() % 6) as usize;
        let mut paragraph = String::new();
        for i in 0..count {
            if i > 0 {
                paragraph.push(' ');
            }
            paragraph.push_str(SENTENCES[(next() % SENTENCES.len() as u64) as usize]);
        }
        total += paragraph.len() + 1;
        paragraphs.push(paragraph);
    }
    paragraphs
}

fn bench_segment(c: &mut Criterion) {
    let paragraphs = news_text(10 * 1024 * 1024);
    let bytes: usize = paragraphs.iter().map(String::len).sum();
    let segmenter = Segmenter::builtin(Lang::En);

    let mut group = c.benchmark_group("segment-10MB-news");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("songngu", |b| {
        b.iter(|| {
            let mut sentences = 0;
            for paragraph in &paragraphs {
                sentences += segmenter.split(black_box(paragraph)).len();
            }
            sentences
        })
    });
    group.bench_function("sentencex", |b| {
        b.iter(|| {
            let mut sentences = 0;
            for paragraph in &paragraphs {
                sentences += sentencex::segment("en", black_box(paragraph)).len();
            }
            sentences
        })
    });
    group.finish();
}

criterion_group!(benches, bench_segment);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--generate") {
        let path = args.get(at + 1).expect("--generate takes a path");
        let mut text = news_text(10 * 1024 * 1024).join("\n");
        text.push('\n');
        std::fs::write(path, &text).expect("the text is written");
        println!("{path}: {} bytes", text.len());
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
