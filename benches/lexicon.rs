//! The memory's word lexicon (`songngu::memory::lexicon`): how long counting a whole
//! memory takes, how big the `.lex` file is, and how long opening it takes once it is
//! there (the warm cache), and with one TU changed since the TMX was written (as through
//! the journal: what the change can affect is learned again and saved), then warm again.
//!
//! `cargo bench --bench lexicon -- --tmx FILE` measures a memory made by
//! `cargo bench --bench tmx -- --generate FILE --tus N`; the opens are the best of three.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use songngu::memory::cache;
use songngu::memory::lexicon::{Learning, LexiconSource, MemoryLexicon, lexicon_path};
use songngu::memory::store::Memory;
use unic_langid::langid;

fn open(path: &Path) -> Memory {
    Memory::open(&[path.to_owned()], langid!("en"), langid!("vi")).expect("the memory opens")
}

fn best_of_three(mut run: impl FnMut() -> MemoryLexicon) -> (Duration, MemoryLexicon) {
    let mut best = None::<(Duration, MemoryLexicon)>;
    for _ in 0..3 {
        let start = Instant::now();
        let lexicon = run();
        let took = start.elapsed();
        if best.as_ref().is_none_or(|(b, _)| took < *b) {
            best = Some((took, lexicon));
        }
    }
    best.expect("three runs")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(tmx) = args
        .iter()
        .position(|a| a == "--tmx")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
    else {
        eprintln!("usage: cargo bench --bench lexicon -- --tmx FILE");
        return;
    };
    let memory = open(&tmx);
    let lex = lexicon_path(&tmx).expect("a cache path");
    // Counting once: at a million TUs it takes a minute.
    let _ = std::fs::remove_file(&lex);
    let start = Instant::now();
    let lexicon = MemoryLexicon::of(&memory, true).expect("counted");
    let built = start.elapsed();
    assert!(matches!(lexicon.sources[0], LexiconSource::Built(_)));
    let size = std::fs::metadata(&lex).map_or(0, |m| m.len());
    let (warm, again) = best_of_three(|| MemoryLexicon::of(&memory, true).expect("read"));
    assert_eq!(again.sources[0], LexiconSource::Cache);
    // One TU changed since the TMX was written (as through the journal): the saved counts
    // are read, the change applied and the pairs learned again.
    let mut changed = Memory::open_for_update(
        std::slice::from_ref(&tmx),
        langid!("en"),
        langid!("vi"),
        songngu::memory::persist::LockWait::Fail,
    )
    .expect("opens for update");
    let tu = songngu::memory::record::unit_tu(
        &songngu::memory::record::NewUnit {
            doc: "bench",
            unit: "1",
            order: 0,
            source: "The storm reached the coast on Monday.",
            target: "Cơn bão đổ bộ vào bờ biển hôm thứ Hai.",
            status: "translated",
            user: "bench",
        },
        &langid!("en"),
        &langid!("vi"),
    );
    changed.add(None, tu).expect("added");
    // The first open after the change learns again what it can affect and saves the
    // result; the next ones read it (warm again).
    let start = Instant::now();
    let with_change = MemoryLexicon::of(&changed, true).expect("updated");
    let journal = start.elapsed();
    assert_eq!(with_change.sources[0], LexiconSource::Cache);
    assert_eq!(with_change.changes_applied, 1);
    let (after, warm_again) = best_of_three(|| MemoryLexicon::of(&changed, true).expect("read"));
    assert_eq!(warm_again.learning, Learning::Saved);
    println!(
        "{}: {} sentence pairs, {} word pairs learned; counting {:.2} s, {}: {:.1} MB; warm open {:.1} ms, with one change {:.3} s ({:?}), then {:.1} ms",
        tmx.display(),
        lexicon.links,
        lexicon.lexicon.pairs().count(),
        built.as_secs_f64(),
        cache::FOLDER,
        size as f64 / 1e6,
        warm.as_secs_f64() * 1e3,
        journal.as_secs_f64(),
        with_change.learning,
        after.as_secs_f64() * 1e3,
    );
}
