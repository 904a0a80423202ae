//! The index files kept beside a memory (`.songngu-cache/`): every question asked of a
//! memory gets the same answer with a current index, with none, and after a rebuild; a
//! stale, foreign, truncated or corrupted index is rebuilt, never read; a folder where no
//! index can be written only costs the rebuild.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{root, songngu, stdout_of};
use songngu::memory::cache::{self, Rejected};
use songngu::memory::concordance::{ConcordanceIndex, SearchOptions};
use songngu::memory::persist::LockWait;
use songngu::memory::{
    record::{NewUnit, unit_tu},
    store::{IndexSource, Memory},
};
use songngu::tmx::TmxReader;
use unic_langid::langid;

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const EN: &[&str] = &[
    "the",
    "ministry",
    "said",
    "on",
    "Tuesday",
    "growth",
    "reached",
    "percent",
    "in",
    "Hanoi",
    "Ho",
    "Chi",
    "Minh",
    "City",
    "rice",
    "export",
    "storm",
    "flooding",
    "delegates",
    "meeting",
    "plan",
    "cost",
    "billion",
    "dong",
    "highway",
    "Hùng",
    "Hung",
    "1,200",
    "guests",
    "schools",
];
const VI: &[&str] = &[
    "Bộ",
    "cho",
    "biết",
    "tăng",
    "trưởng",
    "đạt",
    "phần",
    "trăm",
    "Hà",
    "Nội",
    "gạo",
    "xuất",
    "khẩu",
    "bão",
    "lũ",
    "đại",
    "biểu",
    "họp",
    "kế",
    "hoạch",
    "tỷ",
    "đồng",
    "Hùng",
    "khách",
];

fn sentence(rng: &mut Rng, words: &[&str]) -> String {
    let n = 3 + rng.below(12);
    let mut text: Vec<&str> = (0..n).map(|_| words[rng.below(words.len())]).collect();
    text[0] = words[rng.below(words.len())];
    let mut s = text.join(" ");
    s.push(if rng.below(5) == 0 { '?' } else { '.' });
    s
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;")
}

/// A TMX file of `n` TUs: songngu documents and units, imported TUs without a document,
/// repeated sources with other translations, one translation of several sources, TUs
/// without a target or a source, NFD text, inline markup, and (with `damaged`) a TU that
/// cannot be read.
fn generate(path: &Path, seed: u64, n: usize, damaged: bool) -> Vec<(String, String)> {
    let mut rng = Rng(seed);
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\" xmlns:ex=\"urn:ex\">\
<header creationtool=\"gen\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"gen\" \
adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"><prop type=\"x-project\">Desk</prop>\
<note>generated</note></header>\n<body>\n",
    );
    for i in 0..n {
        let kind = rng.below(10);
        let mut source = if kind == 0 && !pairs.is_empty() {
            // A source already in the memory, with another translation.
            pairs[rng.below(pairs.len())].0.clone()
        } else {
            sentence(&mut rng, EN)
        };
        let target = if kind == 1 && !pairs.is_empty() {
            pairs[rng.below(pairs.len())].1.clone()
        } else {
            sentence(&mut rng, VI)
        };
        if kind == 2 {
            // The same text in NFD and with odd spacing.
            source = format!("  {}  ", source.replace('ù', "u\u{300}"));
        }
        pairs.push((source.clone(), target.clone()));
        let doc = format!("doc-{}", i / 40);
        out.push_str(&format!(
            "<tu tuid=\"t{seed}-{i}\" changedate=\"20240101T0000{:02}Z\">",
            i % 60
        ));
        if rng.below(3) != 0 {
            out.push_str(&format!(
                "<prop type=\"x-songngu-doc\">{doc}</prop><prop type=\"x-songngu-unit\">u{}</prop>\
<prop type=\"x-songngu-order\">{}</prop>",
                i % 40,
                (i * 7) % 40
            ));
        }
        if kind != 3 {
            let seg = if kind == 4 {
                format!(
                    "<bpt i=\"1\">&lt;b&gt;</bpt>{}<ept i=\"1\">&lt;/b&gt;</ept>",
                    escape(&source)
                )
            } else {
                escape(&source)
            };
            out.push_str(&format!("<tuv xml:lang=\"en-US\"><seg>{seg}</seg></tuv>"));
        }
        if kind != 5 {
            out.push_str(&format!(
                "<tuv xml:lang=\"vi\"><seg>{}</seg></tuv>",
                escape(&target)
            ));
        }
        out.push_str("</tu>\n");
        if damaged && i == n / 2 {
            out.push_str("<tu tuid=\"bad\"/>\n");
        }
    }
    out.push_str("</body>\n</tmx>\n");
    fs::write(path, out).expect("write memory");
    pairs
}

/// Everything a command can ask of a memory, as text (file paths as file names, so that
/// two copies of a memory compare).
fn answers(memory: &Memory, pairs: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
    let matches = |found: Vec<songngu::memory::lookup::Match>| -> String {
        found
            .into_iter()
            .map(|mut m| {
                m.file = PathBuf::from(name(&m.file));
                format!("{}|{:?}", m.entry, serde_json::to_string(&m).unwrap())
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    out.push(format!("{:?}", memory.stats()));
    out.push(format!(
        "{:?}",
        memory
            .problems()
            .iter()
            .map(|p| (name(&p.path), p.problem.clone()))
            .collect::<Vec<_>>()
    ));
    for (i, (source, target)) in pairs.iter().enumerate().step_by(7) {
        out.push(matches(memory.exact(source).unwrap()));
        out.push(matches(memory.by_target(target).unwrap()));
        let mut words: Vec<&str> = source.split_whitespace().collect();
        let n = words.len();
        if n > 2 {
            words[i % n] = "changed";
        }
        out.push(matches(memory.lookup(&words.join(" "), 50, 10).unwrap()));
        out.push(matches(memory.lookup(source, 0, 3).unwrap()));
    }
    out.push(matches(memory.lookup("", 50, 5).unwrap()));
    out.push(matches(memory.lookup("nothing known here", 1, 5).unwrap()));
    let docs = memory.documents();
    out.push(format!("{docs:?}"));
    for doc in &docs {
        out.push(format!("{:?}", memory.document(doc).unwrap()));
        for unit in ["u0", "u7", "u39", "u99"] {
            out.push(format!("{:?}", memory.document_unit(doc, unit).unwrap()));
        }
    }
    let options = [
        SearchOptions::default(),
        SearchOptions {
            diacritic_insensitive: true,
            case_sensitive: false,
        },
        SearchOptions {
            diacritic_insensitive: false,
            case_sensitive: true,
        },
    ];
    for phrase in [
        "Hung",
        "Ho Chi Minh",
        "the",
        "1,200 guests",
        "Hà Nội",
        "tỷ đồng",
        "zzz",
    ] {
        for in_target in [false, true] {
            for options in options {
                for limit in [3, 1000] {
                    let found = memory
                        .concordance(phrase, in_target, options, limit)
                        .unwrap()
                        .into_iter()
                        .map(|mut m| {
                            m.file = PathBuf::from(name(&m.file));
                            format!("{m:?}")
                        })
                        .collect::<Vec<_>>();
                    out.push(format!(
                        "{phrase} {in_target} {options:?} {limit}: {found:?}"
                    ));
                }
            }
        }
    }
    out
}

fn open(paths: &[PathBuf], use_cache: bool) -> Memory {
    Memory::open_with_cache(paths, langid!("en"), langid!("vi"), use_cache).expect("opens")
}

fn assert_same(a: &[String], b: &[String]) {
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(b) {
        assert_eq!(x, y);
    }
}

#[test]
fn every_question_gets_the_same_answer_with_and_without_the_index() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        dir.path().join("a.tmx"),
        dir.path().join("b.tmx"),
        dir.path().join("c.tmx"),
    );
    let mut pairs = generate(&a, 7, 1500, true);
    pairs.extend(generate(&b, 11, 700, false));
    // A UTF-16 file: its TUs are held in memory, so its index is built every time.
    pairs.extend(generate(&c, 13, 300, false));
    let utf16: Vec<u8> = std::iter::once(0xFEFF_u16)
        .chain(
            fs::read_to_string(&c)
                .unwrap()
                .replacen("UTF-8", "UTF-16", 1)
                .encode_utf16(),
        )
        .flat_map(|unit| unit.to_le_bytes())
        .collect();
    fs::write(&c, utf16).unwrap();
    let paths = [a.clone(), b.clone(), c.clone()];

    let without = open(&paths, false);
    assert!(!dir.path().join(cache::FOLDER).exists(), "no cache written");
    let expected = answers(&without, &pairs);
    assert!(
        expected.iter().any(|a| a.contains("doc-3")),
        "documents asked"
    );

    let built = open(&paths, true);
    assert_eq!(
        built.index_sources(),
        [IndexSource::Built(Rejected::Missing); 3]
    );
    assert!(cache::index_path(&a).unwrap().exists());
    assert!(!cache::index_path(&c).unwrap().exists());
    assert_same(&answers(&built, &pairs), &expected);

    let cached = open(&paths, true);
    assert_eq!(
        cached.index_sources(),
        [
            IndexSource::Cache,
            IndexSource::Cache,
            IndexSource::Built(Rejected::Missing)
        ]
    );
    assert_same(&answers(&cached, &pairs), &expected);

    // Concordance as one index over every TU finds it: the same TUs, in the same order,
    // with the same ranges.
    let mut compared = 0;
    for in_target in [false, true] {
        let lang = if in_target {
            langid!("vi")
        } else {
            langid!("en")
        };
        let mut reference = ConcordanceIndex::new();
        let mut tuids = Vec::new();
        for path in &paths {
            let mut reader = TmxReader::open(path).unwrap();
            while let Some(record) = reader.next_tu().unwrap() {
                if let Some(tuv) = record.tu.tuv(&lang) {
                    reference.insert(tuids.len() as u32, &tuv.seg.plain_text());
                }
                tuids.push(record.tu.attr("tuid").map(str::to_owned));
            }
        }
        for phrase in [
            "Hung",
            "Ho Chi Minh",
            "the",
            "guests.",
            "Hà Nội",
            "tỷ đồng",
            "Bộ",
        ] {
            for options in [
                SearchOptions::default(),
                SearchOptions {
                    diacritic_insensitive: true,
                    case_sensitive: true,
                },
            ] {
                let expected: Vec<_> = reference
                    .search(phrase, options)
                    .into_iter()
                    .take(50)
                    .map(|hit| (tuids[hit.id as usize].clone(), hit.ranges))
                    .collect();
                let found: Vec<_> = cached
                    .concordance(phrase, in_target, options, 50)
                    .unwrap()
                    .into_iter()
                    .map(|m| (m.tuid, m.ranges))
                    .collect();
                compared += expected.len();
                assert_eq!(found, expected, "{phrase} {in_target} {options:?}");
            }
        }
    }
    assert!(compared > 200, "{compared} hits compared");
}

/// The same edits on two copies of a memory, one opened with its index files and one
/// without: the same answers before and after the save, and the save rebuilds only the
/// index of the file it wrote.
#[test]
fn updates_answer_alike_and_a_save_rebuilds_only_the_changed_file() {
    let mut sides = Vec::new();
    for use_cache in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.tmx"), dir.path().join("b.tmx"));
        let mut pairs = generate(&a, 3, 400, false);
        pairs.extend(generate(&b, 5, 300, false));
        let paths = [a.clone(), b.clone()];
        if use_cache {
            drop(open(&paths, true));
        }
        let mut memory =
            Memory::open_for_update(&paths, langid!("en"), langid!("vi"), LockWait::Fail)
                .expect("opens");
        if use_cache {
            assert_eq!(memory.index_sources(), [IndexSource::Cache; 2]);
        }
        let (en, vi) = (langid!("en"), langid!("vi"));
        let new = |unit: &str, order: usize, source: &str| {
            let mut tu = unit_tu(
                &NewUnit {
                    doc: "doc-1",
                    unit,
                    order,
                    source,
                    target: "Bản dịch mới.",
                    status: "translated",
                    user: "lan",
                },
                &en,
                &vi,
            );
            // Both sides date their TUs alike.
            tu.set_attr("creationdate", "20300101T000000Z");
            tu.set_attr("changedate", "20300101T000000Z");
            tu
        };
        // Replace every TU of one unit, remove one, add two.
        // Only TUs of `a.tmx` (its tuids start with `t3-`).
        let stored: Vec<_> = memory
            .document("doc-1")
            .unwrap()
            .into_iter()
            .filter(|u| u.tuid.as_deref().is_some_and(|t| t.starts_with("t3-")))
            .collect();
        assert!(stored.len() >= 2);
        let first = stored[0].clone();
        memory
            .replace(
                first.entry,
                new(&first.unit, first.order, "The storm reached Hanoi."),
            )
            .unwrap();
        memory.remove(stored[1].entry).unwrap();
        memory
            .add(Some(&a), new("u900", 900, "Hùng said on Tuesday."))
            .unwrap();
        memory.add(Some(&a), new("u901", 901, &pairs[5].0)).unwrap();
        pairs.push(("The storm reached Hanoi.".into(), "Bản dịch mới.".into()));
        let before = answers(&memory, &pairs);
        memory.save().unwrap();
        if use_cache {
            // `a.tmx` was written: its index is rebuilt (stale); `b.tmx`'s is read.
            assert_eq!(
                memory.index_sources(),
                [IndexSource::Built(Rejected::Stale), IndexSource::Cache]
            );
        }
        let after = answers(&memory, &pairs);
        drop(memory);
        let reopened = answers(&open(&paths, use_cache), &pairs);
        sides.push((before, after, reopened, fs::read(&a).unwrap()));
    }
    let (with, without) = (&sides[0], &sides[1]);
    assert_same(&with.0, &without.0);
    assert_same(&with.1, &without.1);
    assert_same(&with.2, &without.2);
    assert_eq!(with.3, without.3, "the same memory written");
}

fn exact_count(memory: &Memory, source: &str) -> usize {
    memory.exact(source).unwrap().len()
}

#[test]
fn stale_foreign_truncated_and_corrupted_indexes_are_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.tmx"), dir.path().join("b.tmx"));
    let pairs_a = generate(&a, 21, 300, false);
    let pairs_b = generate(&b, 22, 300, false);
    let (index_a, index_b) = (
        cache::index_path(&a).unwrap(),
        cache::index_path(&b).unwrap(),
    );
    let sources = |memory: &Memory| memory.index_sources().to_vec();
    let one = |path: &Path| open(std::slice::from_ref(&path.to_path_buf()), true);
    drop(open(&[a.clone(), b.clone()], true));
    assert_eq!(sources(&one(&a)), [IndexSource::Cache]);

    // Stale: the TMX edited in place, same size, a letter of a source changed.
    let text = fs::read_to_string(&a).unwrap();
    let (old, new) = (pairs_a[10].0.clone(), pairs_a[10].0.replacen('e', "a", 1));
    assert_ne!(old, new);
    let edited = text.replacen(
        &format!("<seg>{}</seg>", escape(&old)),
        &format!("<seg>{}</seg>", escape(&new)),
        1,
    );
    assert_eq!(edited.len(), text.len());
    fs::write(&a, &edited).unwrap();
    let memory = one(&a);
    assert_eq!(sources(&memory), [IndexSource::Built(Rejected::Stale)]);
    assert!(exact_count(&memory, &new) >= 1, "the edit is seen");
    assert_eq!(
        sources(&one(&a)),
        [IndexSource::Cache],
        "and the index saved again"
    );

    // Foreign: the index of another file copied over.
    fs::copy(&index_b, &index_a).unwrap();
    let memory = one(&a);
    assert_eq!(sources(&memory), [IndexSource::Built(Rejected::Stale)]);
    assert_eq!(exact_count(&memory, &pairs_b[3].0), 0);
    assert!(exact_count(&memory, &pairs_a[3].0) >= 1);

    // Another memory's languages.
    let reversed = Memory::open(std::slice::from_ref(&a), langid!("vi"), langid!("en")).unwrap();
    assert_eq!(sources(&reversed), [IndexSource::Built(Rejected::Stale)]);
    assert!(!reversed.exact(&pairs_a[3].1).unwrap().is_empty());
    drop(reversed);
    drop(one(&a));

    // Truncated.
    let bytes = fs::read(&index_a).unwrap();
    fs::write(&index_a, &bytes[..bytes.len() / 2]).unwrap();
    let memory = one(&a);
    assert_eq!(sources(&memory), [IndexSource::Built(Rejected::Truncated)]);
    assert!(exact_count(&memory, &pairs_a[3].0) >= 1);
    assert_eq!(fs::read(&index_a).unwrap(), bytes, "rebuilt as it was");

    // Corrupted: one bit flipped, here and there.
    for at in [bytes.len() / 3, bytes.len() - 5, 300] {
        let mut flipped = bytes.clone();
        flipped[at] ^= 0x04;
        fs::write(&index_a, &flipped).unwrap();
        let memory = one(&a);
        assert_eq!(
            sources(&memory),
            [IndexSource::Built(Rejected::Corrupted)],
            "flip at {at}"
        );
        assert!(exact_count(&memory, &pairs_a[3].0) >= 1);
    }
    assert_eq!(sources(&one(&a)), [IndexSource::Cache]);

    // The concordance index, built by the first search, is checked alike.
    let concordance = |memory: &Memory| {
        memory
            .concordance("the", false, SearchOptions::default(), 1000)
            .unwrap()
            .len()
    };
    let expected = concordance(&one(&a));
    assert!(expected > 10);
    let conc = cache::index_path_named(&a, "conc.idx").unwrap();
    let good = fs::read(&conc).unwrap();
    let mut flipped = good.clone();
    flipped[good.len() / 2] ^= 0x01;
    fs::write(&conc, &flipped).unwrap();
    assert_eq!(concordance(&one(&a)), expected);
    assert_eq!(fs::read(&conc).unwrap(), good, "rebuilt");
    fs::write(&conc, &good[..good.len() - 8]).unwrap();
    assert_eq!(concordance(&one(&a)), expected);
    assert_eq!(fs::read(&conc).unwrap(), good, "rebuilt");

    // Deleting the cache loses nothing.
    fs::remove_dir_all(dir.path().join(cache::FOLDER)).unwrap();
    let memory = one(&a);
    assert_eq!(sources(&memory), [IndexSource::Built(Rejected::Missing)]);
    assert!(exact_count(&memory, &pairs_a[3].0) >= 1);
}

#[test]
fn a_folder_where_no_index_can_be_written_only_costs_the_rebuild() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.tmx");
    let pairs = generate(&a, 31, 200, false);
    // A file where the cache folder would be: nothing can be written there.
    fs::write(dir.path().join(cache::FOLDER), "in the way").unwrap();
    for _ in 0..2 {
        let memory = open(std::slice::from_ref(&a), true);
        assert_eq!(
            memory.index_sources(),
            [IndexSource::Built(Rejected::Missing)]
        );
        assert!(exact_count(&memory, &pairs[0].0) >= 1);
    }
    fs::remove_file(dir.path().join(cache::FOLDER)).unwrap();

    // A read-only folder (permissions bind only a user who is not root).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked");
        fs::create_dir(&locked).unwrap();
        let b = locked.join("b.tmx");
        let pairs = generate(&b, 32, 200, false);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o555)).unwrap();
        let enforced = fs::write(locked.join("probe"), "x").is_err();
        let memory = open(std::slice::from_ref(&b), true);
        assert!(exact_count(&memory, &pairs[0].0) >= 1);
        if enforced {
            assert!(!locked.join(cache::FOLDER).exists());
            let again = open(std::slice::from_ref(&b), true);
            assert_eq!(
                again.index_sources(),
                [IndexSource::Built(Rejected::Missing)]
            );
        }
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
    }
}

/// Through the real executable: `tm lookup` and `check` print the same with the index
/// built on the way and read from the cache.
#[test]
fn commands_print_the_same_with_a_built_and_a_cached_index() {
    let dir = tempfile::tempdir().unwrap();
    let tm = dir.path().join("seed.tmx");
    fs::copy(root().join("tmx/seed.tmx"), &tm).unwrap();
    let run = |args: &[&str]| stdout_of(songngu("en").current_dir(dir.path()).args(args));
    let seed = root().join("examples/seed.v2.en.txt");
    let commands: Vec<Vec<&str>> = vec![
        vec![
            "tm",
            "lookup",
            "seed.tmx",
            "The event attracted more than 1,200 guests.",
            "--min",
            "50",
            "--format",
            "json",
        ],
        vec!["tm", "concordance", "seed.tmx", "the", "--format", "json"],
        vec![
            "check",
            seed.to_str().unwrap(),
            "--tm",
            "seed.tmx",
            "--format",
            "json",
        ],
    ];
    for args in &commands {
        let index = dir.path().join(cache::FOLDER);
        let _ = fs::remove_dir_all(&index);
        let built = run(args);
        assert!(index.exists(), "{args:?} saved the index");
        let cached = run(args);
        assert!(!built.is_empty(), "{args:?}");
        assert_eq!(built, cached, "{args:?}");
    }
}
