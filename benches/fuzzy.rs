//! Fuzzy lookup in a translation memory of generated English news sentences.
//!
//! `cargo bench --bench fuzzy`
//!
//! The memory: 100,000 (and 1,000,000) sentences of 5–40 words (about 22 on average, as
//! in news copy) drawn from a vocabulary with Zipf-like frequencies (function words on top,
//! then 40,000 generated content words), with names, numbers and commas. The queries: half
//! are stored sentences with 1–3 words substituted, inserted or deleted (the planted near
//! duplicates), half unrelated new sentences. Each lookup asks for the 10 best matches
//! scoring at least 60. Recall is the fraction of planted originals found; the index is
//! lossless, so it is also the recall of scoring every entry, and the bench checks that
//! `search` equals `brute_force` on a sample of queries.
//!
//! Besides criterion's figures it prints (to stderr) build time, index memory, recall and
//! the mean / median / 99th percentile lookup time of one pass over all queries.

#![allow(clippy::print_stderr)]

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use songngu::memory::concordance::{ConcordanceIndex, SearchOptions};
use songngu::memory::fuzzy::FuzzyIndex;

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

const MIN: u8 = 60;
const LIMIT: usize = 10;

/// The most frequent words of English news, most frequent first.
const COMMON: &[&str] = &[
    "the",
    "of",
    "to",
    "and",
    "a",
    "in",
    "said",
    "for",
    "on",
    "that",
    "is",
    "was",
    "with",
    "by",
    "at",
    "as",
    "from",
    "it",
    "has",
    "have",
    "be",
    "are",
    "will",
    "its",
    "an",
    "he",
    "not",
    "but",
    "this",
    "which",
    "were",
    "after",
    "who",
    "had",
    "also",
    "more",
    "been",
    "than",
    "their",
    "year",
    "they",
    "about",
    "would",
    "new",
    "up",
    "one",
    "two",
    "people",
    "last",
    "over",
    "government",
    "percent",
    "million",
    "first",
    "could",
    "into",
    "other",
    "some",
    "all",
    "there",
    "when",
    "billion",
    "time",
    "out",
    "can",
    "minister",
    "state",
    "three",
    "she",
    "his",
    "her",
    "we",
    "or",
    "if",
    "no",
    "most",
    "company",
    "while",
    "since",
    "under",
    "may",
    "years",
    "before",
    "between",
    "week",
    "city",
    "country",
    "police",
    "officials",
    "told",
    "president",
    "market",
    "during",
    "against",
    "including",
    "bank",
    "national",
    "according",
    "official",
    "report",
    "month",
    "only",
    "where",
    "so",
    "because",
    "now",
    "what",
    "them",
    "those",
    "former",
    "next",
    "such",
    "still",
    "being",
    "security",
    "international",
    "party",
    "public",
    "ministry",
];

const FIRST_NAMES: &[&str] = &[
    "John", "Mary", "David", "Sarah", "Michael", "Anna", "James", "Linh", "Minh", "Hung", "Lan",
    "Thanh", "Tuan", "Hoa", "Peter", "Emma", "Robert", "Laura", "Nam", "Huong", "Dung", "Quang",
    "Mai", "Thomas",
];
const LAST_NAMES: &[&str] = &[
    "Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do", "Ho", "Ngo",
    "Duong", "Ly", "Smith", "Johnson", "Brown", "Taylor", "Wilson", "Clark", "Lewis", "Walker",
    "Hall", "Young", "King", "Wright", "Lopez", "Hill", "Scott", "Green", "Adams", "Baker",
];
const PLACES: &[&str] = &[
    "Hanoi",
    "Ho Chi Minh City",
    "Da Nang",
    "Hai Phong",
    "Can Tho",
    "Washington",
    "Beijing",
    "Tokyo",
    "Seoul",
    "Bangkok",
    "Singapore",
    "London",
    "Paris",
    "Berlin",
    "Moscow",
    "Jakarta",
    "Manila",
    "Canberra",
];

struct Generator {
    vocabulary: Vec<String>,
    /// Cumulative Zipf–Mandelbrot weights of `vocabulary`.
    cumulative: Vec<f64>,
}

impl Generator {
    fn new() -> Self {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D);
        let onsets = [
            "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "st", "tr",
            "pl", "gr", "ch",
        ];
        let nuclei = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"];
        let codas = ["", "", "n", "r", "s", "t", "l", "nd", "ck", "ng"];
        let mut vocabulary: Vec<String> = COMMON.iter().map(|w| (*w).to_owned()).collect();
        let mut seen: std::collections::HashSet<String> = vocabulary.iter().cloned().collect();
        while vocabulary.len() < COMMON.len() + 40_000 {
            let syllables = 1 + rng.below(3) + usize::from(rng.chance(30));
            let mut word = String::new();
            for _ in 0..syllables {
                word.push_str(onsets[rng.below(onsets.len())]);
                word.push_str(nuclei[rng.below(nuclei.len())]);
                word.push_str(codas[rng.below(codas.len())]);
            }
            if seen.insert(word.clone()) {
                vocabulary.push(word);
            }
        }
        let mut total = 0.0;
        let cumulative = (0..vocabulary.len())
            .map(|rank| {
                total += 1.0 / (rank as f64 + 2.7).powf(1.05);
                total
            })
            .collect();
        Generator {
            vocabulary,
            cumulative,
        }
    }

    fn word(&self, rng: &mut Rng) -> String {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = (rng.next() >> 11) as f64 / (1u64 << 53) as f64 * total;
        let rank = self
            .cumulative
            .partition_point(|&c| c < x)
            .min(self.vocabulary.len() - 1);
        self.vocabulary[rank].clone()
    }

    /// One sentence as tokens: words, and `,` / `.` / `?` as tokens of their own.
    fn sentence(&self, rng: &mut Rng) -> Vec<String> {
        let words = 5 + rng.below(12) + rng.below(12) + rng.below(13);
        let mut tokens: Vec<String> = Vec::with_capacity(words + 4);
        let mut count = 0;
        while count < words {
            let roll = rng.below(100);
            if roll < 4 {
                tokens.push(FIRST_NAMES[rng.below(FIRST_NAMES.len())].to_owned());
                tokens.push(LAST_NAMES[rng.below(LAST_NAMES.len())].to_owned());
                count += 2;
            } else if roll < 6 {
                let place = PLACES[rng.below(PLACES.len())];
                count += place.split(' ').count();
                tokens.extend(place.split(' ').map(str::to_owned));
            } else if roll < 9 {
                tokens.push(match rng.below(4) {
                    0 => format!("{}", 1990 + rng.below(36)),
                    1 => format!("{},{:03}", 1 + rng.below(99), rng.below(1000)),
                    2 => format!("{}.{}", rng.below(100), rng.below(10)),
                    _ => format!("{}", rng.below(500)),
                });
                count += 1;
            } else {
                tokens.push(self.word(rng));
                count += 1;
            }
            if count < words && rng.chance(6) {
                tokens.push(",".to_owned());
            }
        }
        if let Some(first) = tokens.first_mut() {
            let mut chars = first.chars();
            if let Some(c) = chars.next() {
                *first = c.to_uppercase().chain(chars).collect();
            }
        }
        tokens.push(if rng.chance(4) { "?" } else { "." }.to_owned());
        tokens
    }

    /// 1–3 edits on the words (never on the punctuation).
    fn edit(&self, tokens: &[String], rng: &mut Rng) -> Vec<String> {
        let mut tokens = tokens.to_vec();
        for _ in 0..1 + rng.below(3) {
            let words: Vec<usize> = (0..tokens.len())
                .filter(|&i| tokens[i].chars().any(char::is_alphanumeric))
                .collect();
            match rng.below(3) {
                0 if !words.is_empty() => {
                    let at = words[rng.below(words.len())];
                    tokens[at] = self.word(rng);
                }
                1 => {
                    let at = rng.below(tokens.len());
                    tokens.insert(at, self.word(rng));
                }
                _ if words.len() > 1 => {
                    tokens.remove(words[rng.below(words.len())]);
                }
                _ => {
                    let at = rng.below(tokens.len());
                    tokens.insert(at, self.word(rng));
                }
            }
        }
        tokens
    }
}

fn render(tokens: &[String]) -> String {
    let mut text = String::new();
    for token in tokens {
        if !text.is_empty() && !matches!(token.as_str(), "," | "." | "?") {
            text.push(' ');
        }
        text.push_str(token);
    }
    text
}

struct Setup {
    index: FuzzyIndex,
    /// The same sentences for phrase search (built for the smaller memory only).
    concordance: Option<ConcordanceIndex>,
    /// (query, the id of the planted original if any)
    queries: Vec<(String, Option<u32>)>,
}

fn setup(generator: &Generator, entries: usize, queries: usize, with_concordance: bool) -> Setup {
    let started = Instant::now();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ entries as u64);
    let planted = queries / 2;
    // Which entries get a planted query, chosen before generating so that the 1M
    // sentences need not be kept.
    let mut chosen: Vec<usize> = (0..planted).map(|_| rng.below(entries)).collect();
    chosen.sort_unstable();
    chosen.dedup();
    let mut originals = Vec::new();
    let mut index = FuzzyIndex::new();
    let mut concordance = with_concordance.then(ConcordanceIndex::new);
    let mut bytes = 0;
    for entry in 0..entries {
        let tokens = generator.sentence(&mut rng);
        let text = render(&tokens);
        bytes += text.len();
        index.insert(entry as u32, &text);
        if let Some(concordance) = &mut concordance {
            concordance.insert(entry as u32, &text);
        }
        if chosen.binary_search(&entry).is_ok() {
            originals.push((entry as u32, tokens));
        }
    }
    index.shrink_to_fit();
    let mut queries_out = Vec::new();
    let mut query_rng = Rng(0xD1B5_4A32_D192_ED03 ^ entries as u64);
    for (id, tokens) in &originals {
        queries_out.push((render(&generator.edit(tokens, &mut query_rng)), Some(*id)));
        queries_out.push((render(&generator.sentence(&mut query_rng)), None));
    }
    eprintln!(
        "fuzzy {entries} entries: {:.1} MB of text, built in {:.2?}, index memory {:.1} MB ({:.0} bytes/entry)",
        bytes as f64 / 1e6,
        started.elapsed(),
        index.memory_usage() as f64 / 1e6,
        index.memory_usage() as f64 / entries as f64
    );
    if let Some(concordance) = &mut concordance {
        concordance.shrink_to_fit();
        eprintln!(
            "concordance {entries} entries: index memory {:.1} MB ({:.0} bytes/entry)",
            concordance.memory_usage() as f64 / 1e6,
            concordance.memory_usage() as f64 / entries as f64
        );
    }
    Setup {
        index,
        concordance,
        queries: queries_out,
    }
}

/// One timed pass over all queries: recall and the latency distribution.
fn report(name: &str, setup: &Setup) {
    let mut times = Vec::with_capacity(setup.queries.len());
    let (mut planted, mut found, mut hits) = (0, 0, 0);
    for (query, original) in &setup.queries {
        let started = Instant::now();
        let result = setup.index.search(query, MIN, LIMIT);
        times.push(started.elapsed());
        hits += result.len();
        if let Some(id) = original {
            planted += 1;
            found += usize::from(result.iter().any(|hit| hit.id == *id));
        }
    }
    times.sort_unstable();
    let mean = times.iter().sum::<Duration>() / times.len().max(1) as u32;
    eprintln!(
        "{name}: recall {:.3} ({found}/{planted}), {:.2} hits per query, lookup mean {:.3} ms, median {:.3} ms, p99 {:.3} ms",
        found as f64 / planted.max(1) as f64,
        hits as f64 / setup.queries.len().max(1) as f64,
        mean.as_secs_f64() * 1e3,
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[times.len() * 99 / 100].as_secs_f64() * 1e3,
    );
}

/// Phrases for concordance: a name, a place, a common bigram, a rare generated word and
/// the two worst cases, the most common word and the comma.
const PHRASES: &[&str] = &[
    "Nguyen",
    "Ho Chi Minh City",
    "the government",
    "said on",
    "the",
    ",",
];

fn concordance_report(concordance: &ConcordanceIndex) {
    for options in [
        SearchOptions::default(),
        SearchOptions {
            diacritic_insensitive: true,
            case_sensitive: false,
        },
    ] {
        for phrase in PHRASES {
            let started = Instant::now();
            let hits = concordance.search(phrase, options);
            let ranges: usize = hits.iter().map(|hit| hit.ranges.len()).sum();
            eprintln!(
                "concordance {phrase:?} (diacritic-insensitive: {}): {} texts, {ranges} occurrences, {:.3} ms",
                options.diacritic_insensitive,
                hits.len(),
                started.elapsed().as_secs_f64() * 1e3
            );
        }
    }
}

/// The index is lossless: check it on a sample against scoring every entry.
fn check_against_brute_force(name: &str, setup: &Setup, sample: usize) {
    let started = Instant::now();
    let step = (setup.queries.len() / sample.max(1)).max(1);
    let mut checked = 0;
    for (query, _) in setup.queries.iter().step_by(step).take(sample) {
        assert_eq!(
            setup.index.search(query, MIN, LIMIT),
            setup.index.brute_force(query, MIN, LIMIT),
            "{query}"
        );
        checked += 1;
    }
    let per = started.elapsed() / checked.max(1) as u32;
    eprintln!(
        "{name}: search == brute_force on {checked} queries (brute force about {:.1} ms per lookup)",
        per.as_secs_f64() * 1e3
    );
}

fn bench_fuzzy(c: &mut Criterion) {
    let generator = Generator::new();

    let small = setup(&generator, 100_000, 1_000, true);
    report("100k", &small);
    if let Some(concordance) = &small.concordance {
        concordance_report(concordance);
        let mut group = c.benchmark_group("concordance_100k");
        for phrase in PHRASES {
            group.bench_function(format!("{phrase:?}"), |b| {
                b.iter(|| {
                    black_box(concordance.search(black_box(phrase), SearchOptions::default()))
                })
            });
        }
        group.finish();
    }
    check_against_brute_force("100k", &small, 20);
    let mut group = c.benchmark_group("fuzzy_100k");
    let mut next = 0;
    group.bench_function("search", |b| {
        b.iter(|| {
            let (query, _) = &small.queries[next % small.queries.len()];
            next += 1;
            black_box(small.index.search(black_box(query), MIN, LIMIT))
        })
    });
    group.sample_size(10);
    let mut next = 0;
    group.bench_function("brute_force", |b| {
        b.iter(|| {
            let (query, _) = &small.queries[next % small.queries.len()];
            next += 1;
            black_box(small.index.brute_force(black_box(query), MIN, LIMIT))
        })
    });
    group.finish();
    drop(small);

    let large = setup(&generator, 1_000_000, 400, false);
    report("1M", &large);
    check_against_brute_force("1M", &large, 2);
    let mut group = c.benchmark_group("fuzzy_1m");
    group.sample_size(30);
    let mut next = 0;
    group.bench_function("search", |b| {
        b.iter(|| {
            let (query, _) = &large.queries[next % large.queries.len()];
            next += 1;
            black_box(large.index.search(black_box(query), MIN, LIMIT))
        })
    });
    group.finish();
}

criterion_group!(benches, bench_fuzzy);
criterion_main!(benches);
