//! Sentence alignment of a long generated bitext.
//!
//! `cargo bench --bench align`
//!
//! The bitext: about 100,000 English sentences (5–35 words from a small vocabulary, with
//! names, numbers, dates, questions and the odd URL) in paragraphs of 1–8 sentences, and a
//! "Vietnamese" side made by perturbing each: words replaced by Vietnamese syllables so
//! the length changes by a random factor around 0.97, numbers rewritten in Vietnamese
//! convention, names given diacritics; 3 % of sentences split in two, 3 % of pairs joined,
//! 1 % dropped and 1 % added. The bench times `align` with all features, with
//! paragraphs switched off (one block of 100,000 sentences, the worst case for the band),
//! and the plain Gale–Church baseline; besides criterion's figures it prints one timed run
//! of each and the share of links that match the generated truth.
//!
//! `cargo bench --bench align -- --generate EN VI [--sentences N]` writes such a bitext
//! (default 100,000 English sentences) as two plain-text articles, one paragraph per
//! block, for `scripts/bench-journal.sh` (`align --into` at scale).

#![allow(clippy::print_stderr)]

use std::hint::black_box;
use std::time::Instant;

use criterion::Criterion;
use songngu::align::{AlignOptions, Features, Link, align, evaluate, gale_church};

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;
#[path = "support/news.rs"]
mod news;
use news::pair;

/// Paragraphs of both sides and the true links.
fn bitext(sentences: usize) -> (Vec<Vec<String>>, Vec<Vec<String>>, Vec<Link>) {
    let mut rng = Rng(0x5eed_a119);
    let (mut en, mut vi) = (vec![Vec::new()], vec![Vec::new()]);
    let (mut ei, mut vj) = (0, 0);
    let mut gold = Vec::new();
    let mut push = |en_n: usize, vi_n: usize, ei: &mut usize, vj: &mut usize| {
        gold.push(Link {
            en: (*ei..*ei + en_n).collect(),
            vi: (*vj..*vj + vi_n).collect(),
            confidence: 1.0,
        });
        *ei += en_n;
        *vj += vi_n;
    };
    while ei < sentences {
        let (e, v) = pair(&mut rng);
        let (ep, vp) = (en.last_mut().unwrap(), vi.last_mut().unwrap());
        match rng.below(100) {
            0..=2 => {
                // Split in Vietnamese.
                let cut = v.len() / 2;
                let cut = (cut..v.len())
                    .find(|&i| v.is_char_boundary(i) && v[i..].starts_with(' '))
                    .unwrap_or(v.len());
                let (a, b) = v.split_at(cut);
                ep.push(e);
                vp.push(format!("{}.", a.trim()));
                vp.push(b.trim().to_string());
                push(1, 2, &mut ei, &mut vj);
            }
            3..=5 => {
                // Two English sentences joined in Vietnamese.
                let (e2, v2) = pair(&mut rng);
                ep.push(e);
                ep.push(e2);
                vp.push(format!("{}, {}", v.trim_end_matches(['.', '?']), v2));
                push(2, 1, &mut ei, &mut vj);
            }
            6 => {
                ep.push(e);
                push(1, 0, &mut ei, &mut vj);
            }
            7 => {
                vp.push(v);
                push(0, 1, &mut ei, &mut vj);
            }
            _ => {
                ep.push(e);
                vp.push(v);
                push(1, 1, &mut ei, &mut vj);
            }
        }
        // Paragraph breaks at the same place on both sides, 1 in 5 sentences.
        if rng.chance(20) {
            en.push(Vec::new());
            vi.push(Vec::new());
        }
    }
    (en, vi, gold)
}

fn bench(c: &mut Criterion) {
    let (en, vi, gold) = bitext(100_000);
    let n: usize = en.iter().map(Vec::len).sum();
    let m: usize = vi.iter().map(Vec::len).sum();
    eprintln!(
        "bitext: {n} English, {m} Vietnamese sentences, {} paragraphs",
        en.len()
    );
    let flat = |p: &[Vec<String>]| p.iter().flatten().cloned().collect::<Vec<_>>();
    let (fe, fv) = (flat(&en), flat(&vi));
    let no_paragraphs = AlignOptions {
        features: Features {
            paragraphs: false,
            ..Features::default()
        },
        ..AlignOptions::default()
    };
    let no_lexicon = AlignOptions {
        features: Features {
            lexicon: false,
            ..Features::default()
        },
        ..AlignOptions::default()
    };
    for (name, run) in [
        (
            "no lexicon",
            Box::new(|| align(&en, &vi, &no_lexicon)) as Box<dyn Fn() -> Vec<Link>>,
        ),
        (
            "full",
            Box::new(|| align(&en, &vi, &AlignOptions::default())) as Box<dyn Fn() -> Vec<Link>>,
        ),
        (
            "no paragraphs",
            Box::new(|| align(&en, &vi, &no_paragraphs)),
        ),
        ("gale-church", Box::new(|| gale_church(&fe, &fv))),
    ] {
        let t = Instant::now();
        let links = run();
        let s = evaluate(&links, &gold);
        eprintln!(
            "{name}: {:.2?} for {n} sentences, bead F1 {:.4}",
            t.elapsed(),
            s.f1
        );
    }
    let mut group = c.benchmark_group("align");
    group.sample_size(10);
    group.bench_function("100k full", |b| {
        b.iter(|| align(black_box(&en), black_box(&vi), &AlignOptions::default()))
    });
    group.finish();
}

fn arg<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1).map(String::as_str)
}

/// Writes paragraphs as a plain-text article: sentences joined by a space, paragraphs by a
/// blank line. Returns the bytes written.
fn write_article(path: &str, paragraphs: &[Vec<String>]) -> u64 {
    use std::io::Write;
    let file = std::fs::File::create(path).expect("the article is created");
    let mut out = std::io::BufWriter::with_capacity(1 << 20, file);
    let mut written = 0u64;
    for paragraph in paragraphs.iter().filter(|p| !p.is_empty()) {
        let text = format!("{}\n\n", paragraph.join(" "));
        written += text.len() as u64;
        out.write_all(text.as_bytes())
            .expect("the article is written");
    }
    out.flush().expect("the article is written");
    written
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(at) = args.iter().position(|a| a == "--generate") {
        let (Some(en_path), Some(vi_path)) = (args.get(at + 1), args.get(at + 2)) else {
            panic!("--generate takes two paths: EN VI");
        };
        let sentences = arg(&args, "--sentences")
            .map_or(100_000, |n| n.parse().expect("--sentences takes a number"));
        let (en, vi, gold) = bitext(sentences);
        let en_bytes = write_article(en_path, &en);
        let vi_bytes = write_article(vi_path, &vi);
        println!(
            "{en_path}: {en_bytes} bytes, {vi_path}: {vi_bytes} bytes, {} true links",
            gold.len()
        );
        return;
    }
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
}
