//! Opening a memory and answering one lookup, side by side: with a current index in the
//! cache folder (`.songngu-cache/`), and with the index deleted (the memory is indexed from
//! the TMX and the index saved again, as on a first run), on the generated memory of
//! `benches/tmx.rs`: 100,000 TUs (about 73 MB); `SONGNGU_BENCH_1M=1` adds 1,000,000 TUs
//! (about 730 MB of disk and 15 minutes). Then the first concordance search (which builds
//! the concordance index) against a later one.
//!
//! `scripts/bench-index.sh` measures the same through the executable, with peak resident
//! memory, and against another build of songngu.

use std::fs::File;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::Criterion;
use songngu::memory::cache;
use songngu::memory::concordance::SearchOptions;
use songngu::memory::store::{IndexSource, Memory};
use unic_langid::langid;

#[allow(dead_code)]
#[path = "tmx.rs"]
mod tmx;

/// The third TU's English of the generated memory with one word changed: a fuzzy match.
const QUERY: &str = "the said burs citizens bata brinmentng government in Tuesday gontion ministry \
coningng reached the donmentng citizens after schools colys the boristta serlys percent would bata \
borbles Minh highway and changed gorbles after rice Tuesday conist fertions.";

fn open_and_look_up(path: &Path) -> (usize, IndexSource) {
    let memory = Memory::open(&[path.to_owned()], langid!("en"), langid!("vi")).expect("opens");
    let hits = memory.lookup(black_box(QUERY), 60, 10).expect("looks up");
    assert!(!hits.is_empty(), "the query has a match");
    (hits.len(), memory.index_sources()[0])
}

fn delete_index(path: &Path) {
    let folder = path.parent().expect("a folder").join(cache::FOLDER);
    let _ = std::fs::remove_dir_all(folder);
}

fn bench_size(c: &mut Criterion, dir: &Path, tus: usize) {
    let path: PathBuf = dir.join(format!("memory-{tus}.tmx"));
    tmx::generate(File::create(&path).expect("created"), tus).expect("generated");
    let name = if tus >= 1_000_000 {
        format!("{}m", tus / 1_000_000)
    } else {
        format!("{}k", tus / 1000)
    };
    let mut group = c.benchmark_group(format!("open-and-lookup-{name}"));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(if tus >= 1_000_000 { 120 } else { 20 }));
    group.bench_function("current index", |b| {
        open_and_look_up(&path);
        b.iter(|| assert_eq!(open_and_look_up(&path).1, IndexSource::Cache))
    });
    group.bench_function("index deleted", |b| {
        b.iter(|| {
            delete_index(&path);
            open_and_look_up(&path)
        })
    });
    group.finish();

    let mut group = c.benchmark_group(format!("concordance-{name}"));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(if tus >= 1_000_000 { 120 } else { 20 }));
    let search = |path: &Path| {
        let memory = Memory::open(&[path.to_owned()], langid!("en"), langid!("vi")).expect("opens");
        memory
            .concordance("growth reached", false, SearchOptions::default(), 20)
            .expect("searches")
            .len()
    };
    group.bench_function("current index", |b| {
        search(&path);
        b.iter(|| search(&path))
    });
    group.bench_function("concordance index deleted", |b| {
        let conc = cache::index_path_named(&path, "conc.idx").expect("a path");
        b.iter(|| {
            let _ = std::fs::remove_file(&conc);
            search(&path)
        })
    });
    group.finish();
    delete_index(&path);
    let _ = std::fs::remove_file(&path);
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    let dir = tempfile::tempdir().expect("a temporary folder");
    bench_size(&mut criterion, dir.path(), 100_000);
    if std::env::var_os("SONGNGU_BENCH_1M").is_some() {
        bench_size(&mut criterion, dir.path(), 1_000_000);
    }
    criterion.final_summary();
}
