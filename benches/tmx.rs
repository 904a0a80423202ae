//! TMX read and write throughput on a generated English → Vietnamese memory of 100,000
//! TUs (about 67 MB), laid out like a real CAT-tool export.
//!
//! `cargo bench --bench tmx` runs the criterion benchmarks. Two more modes serve
//! `scripts/bench-tmx-vs-xmllint.sh`:
//! - `cargo bench --bench tmx -- --generate PATH [--tus N]` writes a memory of N TUs
//!   (default 100,000; 1,000,000 gives about 670 MB) to PATH, streaming;
//! - `cargo bench --bench tmx -- --read PATH [--runs N]` reads PATH into the full model N
//!   times (default 5) and prints the best time and MB/s;
//! - `cargo bench --bench tmx -- --write PATH [--runs N]` reads PATH once, then writes its
//!   TUs to memory N times and prints the best time and MB/s (of the output).

use std::fs::File;
use std::hint::black_box;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use songngu::tmx::{TmxReader, TmxWriter, Tu};
use unicode_normalization::UnicodeNormalization;

#[path = "support/rng.rs"]
mod rng;
use rng::Rng;

const EN_WORDS: &[&str] = &[
    "the",
    "ministry",
    "said",
    "on",
    "Tuesday",
    "that",
    "growth",
    "reached",
    "percent",
    "in",
    "third",
    "quarter",
    "officials",
    "government",
    "province",
    "delegates",
    "meeting",
    "report",
    "announced",
    "plan",
    "would",
    "cost",
    "billion",
    "dong",
    "export",
    "rice",
    "coffee",
    "Hanoi",
    "Ho",
    "Chi",
    "Minh",
    "City",
    "and",
    "of",
    "to",
    "a",
    "for",
    "with",
    "new",
    "investment",
    "infrastructure",
    "highway",
    "project",
    "citizens",
    "weather",
    "storm",
    "flooding",
    "central",
    "region",
    "schools",
    "hospital",
    "doctors",
    "students",
    "after",
    "before",
    "according",
];

const VI_WORDS: &[&str] = &[
    "Bộ",
    "cho",
    "biết",
    "vào",
    "thứ",
    "Ba",
    "rằng",
    "tăng",
    "trưởng",
    "đạt",
    "phần",
    "trăm",
    "trong",
    "quý",
    "các",
    "quan",
    "chức",
    "chính",
    "phủ",
    "tỉnh",
    "đại",
    "biểu",
    "cuộc",
    "họp",
    "báo",
    "cáo",
    "công",
    "bố",
    "kế",
    "hoạch",
    "sẽ",
    "tốn",
    "tỷ",
    "đồng",
    "xuất",
    "khẩu",
    "gạo",
    "cà",
    "phê",
    "Hà",
    "Nội",
    "Thành",
    "phố",
    "Hồ",
    "Chí",
    "Minh",
    "và",
    "của",
    "để",
    "một",
    "mới",
    "đầu",
    "tư",
    "hạ",
    "tầng",
    "đường",
    "cao",
    "tốc",
    "dự",
    "án",
    "người",
    "dân",
    "thời",
    "tiết",
    "bão",
    "lũ",
    "lụt",
    "miền",
    "Trung",
    "trường",
    "học",
    "bệnh",
    "viện",
    "bác",
    "sĩ",
];

const STATUSES: &[&str] = &["approved", "translated", "draft", "reviewed"];
const USERS: &[&str] = &["NGUYENVA", "TRANTB", "LEMC", "PHAMQD"];
const NOTES: &[&str] = &[
    "Checked against the print edition.",
    "Title shortened for the mobile layout.",
    "Kiểm tra lại số liệu với phóng viên.",
];

/// A vocabulary shaped like news text: the common words first, then many rarer ones
/// (synthesized from syllables, `tone` marks added for Vietnamese), so that a word's rank
/// decides how often it is drawn (see [`pick`]). Real articles have tens of thousands of
/// distinct words; a few dozen repeated at random would make every word frequent and every
/// index look slow.
fn vocabulary(
    common: &[&str],
    onsets: &[&str],
    rhymes: &[&str],
    tones: &[&str],
    size: usize,
) -> Vec<String> {
    let mut words: Vec<String> = common.iter().map(|w| (*w).to_owned()).collect();
    'outer: for onset in onsets {
        for rhyme in rhymes {
            for tone in tones {
                for suffix in ["", "s", "ng", "ta"] {
                    if words.len() >= size {
                        break 'outer;
                    }
                    words.push(format!("{onset}{rhyme}{tone}{suffix}").nfc().collect());
                }
            }
        }
    }
    words
}

/// A word drawn with a Zipf-like law: rank r comes up about as often as 1/r.
fn pick<'a>(rng: &mut Rng, words: &'a [String]) -> &'a str {
    let uniform = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
    let rank = (words.len() as f64).powf(uniform) as usize;
    &words[rank.saturating_sub(1).min(words.len() - 1)]
}

/// A segment of 5 to 40 words; some get a placeholder or a bold pair, as exports of
/// formatted articles have.
fn segment(rng: &mut Rng, words: &[String], out: &mut String) {
    let count = 5 + rng.below(36);
    let markup = rng.below(10);
    let bold_at = (markup < 3).then(|| rng.below(count));
    let ph_at = (markup == 3 || markup == 4).then(|| rng.below(count));
    for i in 0..count {
        if i > 0 {
            out.push(' ');
        }
        if bold_at == Some(i) {
            out.push_str("<bpt i=\"1\">&lt;b&gt;</bpt>");
        }
        out.push_str(pick(rng, words));
        if bold_at == Some(i) {
            out.push_str("<ept i=\"1\">&lt;/b&gt;</ept>");
        }
        if ph_at == Some(i) {
            out.push_str(" <ph x=\"1\"/>");
        }
    }
    out.push('.');
}

fn date(rng: &mut Rng) -> String {
    format!(
        "2024{:02}{:02}T{:02}{:02}{:02}Z",
        1 + rng.below(12),
        1 + rng.below(28),
        rng.below(24),
        rng.below(60),
        rng.below(60)
    )
}

/// Writes a memory of `tus` TUs to `out`, streaming; returns the bytes written.
pub fn generate(out: impl Write, tus: usize) -> io::Result<u64> {
    let mut out = BufWriter::with_capacity(1 << 20, out);
    let mut written = 0u64;
    let mut put = |out: &mut BufWriter<_>, text: &str| -> io::Result<()> {
        written += text.len() as u64;
        out.write_all(text.as_bytes())
    };
    put(
        &mut out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n  <header creationtool=\"NewsroomCAT\" creationtoolversion=\"5.2.1\" datatype=\"html\" segtype=\"sentence\" adminlang=\"en-US\" srclang=\"en-US\" o-tmf=\"NewsroomTM\" creationdate=\"20240101T000000Z\" creationid=\"EXPORT\">\n    <prop type=\"x-project\">Bilingual desk</prop>\n  </header>\n  <body>\n",
    )?;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let english = vocabulary(
        EN_WORDS,
        &[
            "b", "c", "d", "f", "g", "h", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "cl",
            "st", "tr", "pl",
        ],
        &[
            "a", "e", "i", "o", "u", "ar", "en", "in", "on", "or", "al", "el", "an", "er", "ur",
        ],
        &["", "ble", "ment", "tion", "ing", "ed", "ly", "ist"],
        20_000,
    );
    let vietnamese = vocabulary(
        VI_WORDS,
        &[
            "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t",
            "th", "tr", "v", "x",
        ],
        &[
            "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "ươ", "iê", "oa", "uy",
        ],
        &["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"],
        6_000,
    );
    let mut tu = String::with_capacity(2048);
    for i in 0..tus {
        tu.clear();
        let doc = i / 40;
        let unit = i % 40;
        let created = date(&mut rng);
        let changed = date(&mut rng);
        let creator = USERS[rng.below(USERS.len())];
        let changer = USERS[rng.below(USERS.len())];
        tu.push_str(&format!(
            "    <tu tuid=\"doc-{doc:06}-u{unit:04}\" creationdate=\"{created}\" creationid=\"{creator}\" changedate=\"{changed}\" changeid=\"{changer}\">\n"
        ));
        tu.push_str(&format!(
            "      <prop type=\"x-doc\">economy/{doc:06}</prop>\n      <prop type=\"x-unit\">{unit}</prop>\n      <prop type=\"x-status\">{}</prop>\n",
            STATUSES[rng.below(STATUSES.len())]
        ));
        if rng.below(5) == 0 {
            tu.push_str(&format!(
                "      <note>{}</note>\n",
                NOTES[rng.below(NOTES.len())]
            ));
        }
        tu.push_str("      <tuv xml:lang=\"en-US\">\n        <seg>");
        segment(&mut rng, &english, &mut tu);
        tu.push_str("</seg>\n      </tuv>\n      <tuv xml:lang=\"vi-VN\">\n        <seg>");
        segment(&mut rng, &vietnamese, &mut tu);
        tu.push_str("</seg>\n      </tuv>\n    </tu>\n");
        put(&mut out, &tu)?;
    }
    put(&mut out, "  </body>\n</tmx>\n")?;
    out.flush()?;
    Ok(written)
}

/// Streams every TU of `path` into the model; returns the number of TUs.
fn read_file(path: &Path) -> usize {
    let mut reader = TmxReader::open(path).expect("the generated file opens");
    let mut count = 0;
    while let Some(record) = reader.next_tu().expect("the generated file reads") {
        black_box(&record);
        count += 1;
    }
    assert!(
        reader.problems().is_empty(),
        "{:?}",
        &reader.problems()[..1]
    );
    count
}

fn write_tus(header: &songngu::tmx::Header, tus: &[Tu], capacity: usize) -> Vec<u8> {
    let mut writer =
        TmxWriter::new(Vec::with_capacity(capacity), "1.4", header).expect("the header writes");
    for tu in tus {
        writer.write_tu(tu).expect("every TU writes");
    }
    writer.finish().expect("the output is complete")
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("memory-100k.tmx");
    let size =
        generate(File::create(&path).expect("the file is created"), 100_000).expect("generated");
    let mut reader = TmxReader::open(&path).expect("opens");
    let header = reader.header().clone();
    let tus: Vec<Tu> = std::iter::from_fn(|| reader.next_tu().expect("reads"))
        .map(|r| r.tu)
        .collect();
    let output = write_tus(&header, &tus, size as usize).len();

    let mut group = c.benchmark_group("tmx-100k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    group.throughput(Throughput::Bytes(size));
    group.bench_function("read", |b| b.iter(|| read_file(&path)));
    group.throughput(Throughput::Bytes(output as u64));
    group.bench_function("write", |b| {
        b.iter(|| write_tus(&header, black_box(&tus), output).len())
    });
    group.finish();
}

fn arg<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1).map(String::as_str)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(path) = arg(&args, "--generate") {
        let tus = arg(&args, "--tus").map_or(100_000, |n| n.parse().expect("--tus takes a number"));
        let file = File::create(path).expect("the output file is created");
        let bytes = generate(file, tus).expect("the memory is written");
        println!("{path}: {tus} TUs, {bytes} bytes");
        return;
    }
    if let Some(path) = arg(&args, "--read") {
        let runs = arg(&args, "--runs").map_or(5, |n| n.parse().expect("--runs takes a number"));
        let size = std::fs::metadata(path).expect("the file exists").len();
        let mut best = Duration::MAX;
        let mut tus = 0;
        for _ in 0..runs {
            let start = Instant::now();
            tus = read_file(Path::new(path));
            best = best.min(start.elapsed());
        }
        let mb_s = size as f64 / 1e6 / best.as_secs_f64();
        println!(
            "songngu read: {tus} TUs, {size} bytes, best of {runs}: {:.3} s, {mb_s:.0} MB/s",
            best.as_secs_f64()
        );
        return;
    }
    if let Some(path) = arg(&args, "--write") {
        let runs = arg(&args, "--runs").map_or(5, |n| n.parse().expect("--runs takes a number"));
        let mut reader = TmxReader::open(Path::new(path)).expect("the file opens");
        let header = reader.header().clone();
        let tus: Vec<Tu> = std::iter::from_fn(|| reader.next_tu().expect("the file reads"))
            .map(|record| record.tu)
            .collect();
        let capacity = std::fs::metadata(path).expect("the file exists").len() as usize;
        let mut best = Duration::MAX;
        let mut size = 0;
        for _ in 0..runs {
            let start = Instant::now();
            size = write_tus(&header, &tus, capacity).len();
            best = best.min(start.elapsed());
        }
        let mb_s = size as f64 / 1e6 / best.as_secs_f64();
        println!(
            "songngu write: {} TUs, {size} bytes, best of {runs}: {:.3} s, {mb_s:.0} MB/s",
            tus.len(),
            best.as_secs_f64()
        );
        return;
    }
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion);
    criterion.final_summary();
}
