//! What the memory holds while a command stores many TUs and saves them (`align --into`,
//! `tm import`), counted in bytes by the allocator, never timed: the TUs added are not
//! indexed before a lookup asks, and the index a save builds exists once (written to its
//! file as it is laid out, then mapped), never beside a copy of itself or the old one.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use songngu::memory::persist::LockWait;
use songngu::memory::record::{NewUnit, unit_tu};
use songngu::memory::store::Memory;
use unic_langid::langid;

/// The system allocator, counting the bytes live and the most live at once.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call goes to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: as the caller promised for this call.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: as the caller promised for this call.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: as the caller promised for this call.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // While moving, both blocks may exist: counted as such.
        grew(new_size);
        // SAFETY: as the caller promised for this call.
        let moved = unsafe { System.realloc(ptr, layout, new_size) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Counts from now: the peak starts at what is live.
fn reset_peak() -> usize {
    let live = LIVE.load(Ordering::Relaxed);
    PEAK.store(live, Ordering::Relaxed);
    live
}

// One test in this file: the counters are the process's.
#[test]
fn storing_and_saving_many_tus_holds_the_new_index_once_and_no_index_of_the_added() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("news.tmx");
    let count = 30_000;
    let sources: Vec<String> = (0..count)
        .map(|i| format!("The council of ward {i} met on Tuesday to discuss the budget."))
        .collect();
    let targets: Vec<String> = (0..count)
        .map(|i| format!("Hội đồng phường {i} họp hôm thứ Ba để bàn về ngân sách."))
        .collect();
    let units: Vec<String> = (0..count).map(|i| format!("u{i}")).collect();
    let (en, vi) = (langid!("en"), langid!("vi"));
    let mut memory = Memory::open_for_update(
        std::slice::from_ref(&path),
        en.clone(),
        vi.clone(),
        LockWait::Fail,
    )
    .expect("opens");
    let start = reset_peak();
    for i in 0..count {
        let tu = unit_tu(
            &NewUnit {
                doc: "big",
                unit: &units[i],
                order: i,
                source: &sources[i],
                target: &targets[i],
                status: "translated",
                user: "lan",
            },
            &en,
            &vi,
        );
        memory.add(None, tu).expect("add");
    }
    let added = LIVE.load(Ordering::Relaxed) - start;
    let before_save = reset_peak();
    memory.save().expect("save");
    let saving = PEAK.load(Ordering::Relaxed) - before_save;
    let after = LIVE.load(Ordering::Relaxed).saturating_sub(start);
    let index = std::fs::metadata(songngu::memory::cache::index_path(&path).expect("index path"))
        .expect("the index is cached")
        .len() as usize;
    eprintln!(
        "{count} TUs, index file {index} B: held after adding {added} B, \
         saving peaked {saving} B above that, after the save {after} B"
    );
    // Adding: where each TU waits (the spill file, which buffers up to 2 MiB) and its
    // document; no key is indexed before a lookup asks (the index of every key cost about
    // 300 bytes a TU).
    assert!(
        added <= 64 * count + (4 << 20),
        "adding held {} B a TU",
        added / count
    );
    // Saving: the new file's index is built as the file is read back and written to its
    // file as it is laid out, so it exists once (with the slack of growing vectors and a
    // 1 MiB write buffer), never beside a copy of itself as bytes or the old indexes (it
    // peaked at 2.5x the index then).
    assert!(
        saving <= index * 2,
        "saving peaked {saving} B for an index of {index} B"
    );
    // After the save the index is mapped from its file, not held.
    assert!(after <= index / 2, "{after} B held after the save");
    // And it answers.
    assert_eq!(memory.exact(&sources[123]).expect("lookup").len(), 1);
}
