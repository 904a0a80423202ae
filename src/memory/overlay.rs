//! The lookup index of the entries added or replaced since loading (the overlay on the
//! loaded files' indexes), built when a lookup first needs it.
//!
//! Many commands store thousands of TUs and never look one of them up (`align --into`
//! stores 500,000): indexing each TU as it was added cost about 300 bytes a TU (a map of
//! `Vec`s per key kind, the fuzzy index) for nothing. So each kind of key (source,
//! target, unit, fuzzy) is indexed on the first lookup that reads it, from the added TUs
//! read back where they wait (spill file, journal, held), in entry order; from then on
//! every added TU is indexed as it comes. A lookup finds exactly what an index filled from
//! the start would find: the same entries under the same keys, superseded ones too
//! (lookups skip them), and the fuzzy entries in the same order. A command that looks up
//! after every add (`tm import`) builds its kind once, on its first lookup.
//!
//! The keys are held as chains ([`Chains`]): a key's newest entry, and per entry the
//! previous one of the same key, about 25 bytes a key instead of a `Vec` each. The
//! documents are kept as TUs come (`documents` cannot fail, and a document map is a few
//! bytes a TU).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::fuzzy::{FuzzyHit, FuzzyIndex};
use super::segment::{key_hash, text_hash, unit_key};
use super::store::{Memory, MemoryError};
use crate::text::normalize::normalize;
use crate::tmx::Tu;

/// The end of a chain.
const END: u32 = u32::MAX;

/// A multimap from 64-bit keys to the slots (entry − first added) filed under them: the
/// newest slot of each key, and per slot the one before it with the same key.
#[derive(Debug, Default)]
pub(super) struct Chains {
    heads: HashMap<u64, u32>,
    /// Slot → the previous slot of its key ([`END`] for the first, or for a slot filed
    /// under no key).
    next: Vec<u32>,
}

impl Chains {
    /// Files `slot` (greater than every slot filed so far) under `key`.
    fn push(&mut self, key: u64, slot: u32) {
        let at = slot as usize;
        if self.next.len() <= at {
            self.next.resize(at + 1, END);
        }
        self.next[at] = self.heads.insert(key, slot).unwrap_or(END);
    }

    /// The slots filed under `key`, ascending.
    pub(super) fn get(&self, key: u64) -> Vec<u32> {
        let mut slots = Vec::new();
        let mut at = self.heads.get(&key).copied().unwrap_or(END);
        while at != END {
            slots.push(at);
            at = self.next[at as usize];
        }
        slots.reverse();
        slots
    }

    fn memory_usage(&self) -> usize {
        // A hash table slot is its key, value (padded to 16 bytes) and a control byte.
        self.heads.capacity() * 17 + self.next.capacity() * 4
    }
}

/// A kind of key of the overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KeyKind {
    /// The hash of the normalized source ([`Memory::exact`]).
    Source,
    /// The hash of the normalized target ([`Memory::by_target`]).
    Target,
    /// The key of (document, unit) ([`Memory::document_unit`]).
    Unit,
}

/// The overlay's indexes; see the [module docs](self).
#[derive(Debug, Default)]
pub(super) struct Overlay {
    sources: OnceLock<Chains>,
    targets: OnceLock<Chains>,
    units: OnceLock<Chains>,
    fuzzy: OnceLock<FuzzyIndex>,
    /// Document id → its added entries.
    pub(super) docs: HashMap<Box<str>, Vec<u32>>,
    /// Added TUs read back to build a kind: for tests.
    pub(super) read_back: std::sync::atomic::AtomicUsize,
}

impl Overlay {
    fn chains(&self, kind: KeyKind) -> &OnceLock<Chains> {
        match kind {
            KeyKind::Source => &self.sources,
            KeyKind::Target => &self.targets,
            KeyKind::Unit => &self.units,
        }
    }

    /// Heap bytes held.
    pub(super) fn memory_usage(&self) -> usize {
        [&self.sources, &self.targets, &self.units]
            .iter()
            .filter_map(|cell| cell.get())
            .map(Chains::memory_usage)
            .sum::<usize>()
            + self.fuzzy.get().map_or(0, FuzzyIndex::memory_usage)
            + self.docs.capacity() * (16 + 24 + 1)
            + self
                .docs
                .iter()
                .map(|(doc, ids)| doc.len() + ids.capacity() * 4)
                .sum::<usize>()
    }
}

/// The key of kind `kind` of `tu`, if it has one.
fn key_of(memory: &Memory, kind: KeyKind, tu: &Tu) -> Option<u64> {
    match kind {
        KeyKind::Source => tu
            .tuv(&memory.source_lang)
            .map(|tuv| text_hash(&tuv.seg.plain_text())),
        KeyKind::Target => tu
            .tuv(&memory.target_lang)
            .map(|tuv| text_hash(&tuv.seg.plain_text())),
        KeyKind::Unit => Some(unit_key(
            tu.prop(super::record::props::DOC)?,
            tu.prop(super::record::props::UNIT)?,
        )),
    }
}

impl Memory {
    /// Indexes the added entry `id`, whose TU is `tu`, in the documents and in every kind
    /// built so far (the others read it back when first asked).
    pub(super) fn overlay_add(&mut self, id: u32, tu: &Tu) {
        let slot = id - self.first_added;
        if let Some(doc) = tu.prop(super::record::props::DOC) {
            match self.overlay.docs.get_mut(doc) {
                Some(ids) => ids.push(id),
                None => {
                    self.overlay.docs.insert(Box::from(doc), vec![id]);
                }
            }
        }
        let source = (self.overlay.sources.get().is_some() || self.overlay.fuzzy.get().is_some())
            .then(|| tu.tuv(&self.source_lang))
            .flatten()
            .map(|tuv| normalize(&tuv.seg.plain_text()));
        if let (Some(chains), Some(source)) = (self.overlay.sources.get_mut(), &source) {
            chains.push(key_hash(source), slot);
        }
        if let (Some(index), Some(source)) = (self.overlay.fuzzy.get_mut(), &source) {
            index.insert_normalized(id, source);
        }
        let target = (self.overlay.targets.get().is_some())
            .then(|| key_of(self, KeyKind::Target, tu))
            .flatten();
        if let (Some(chains), Some(key)) = (self.overlay.targets.get_mut(), target) {
            chains.push(key, slot);
        }
        let unit = (self.overlay.units.get().is_some())
            .then(|| key_of(self, KeyKind::Unit, tu))
            .flatten();
        if let (Some(chains), Some(key)) = (self.overlay.units.get_mut(), unit) {
            chains.push(key, slot);
        }
    }

    /// The added entries, superseded ones too, filed under `key` of kind `kind`, ascending.
    pub(super) fn added_with(&self, kind: KeyKind, key: u64) -> Result<Vec<u32>, MemoryError> {
        let chains = self.built(
            self.overlay.chains(kind),
            |chains: &mut Chains, slot, tu| {
                if let Some(key) = key_of(self, kind, tu) {
                    chains.push(key, slot);
                }
            },
        )?;
        Ok(chains
            .get(key)
            .into_iter()
            .map(|slot| self.first_added + slot)
            .collect())
    }

    /// The fuzzy hits among the added entries, superseded ones too.
    pub(super) fn added_fuzzy(
        &self,
        query: &str,
        min: u8,
        limit: usize,
    ) -> Result<Vec<FuzzyHit>, MemoryError> {
        let first = self.first_added;
        let index = self.built(&self.overlay.fuzzy, |index: &mut FuzzyIndex, slot, tu| {
            if let Some(tuv) = tu.tuv(&self.source_lang) {
                index.insert_normalized(first + slot, &normalize(&tuv.seg.plain_text()));
            }
        })?;
        Ok(index.search(query, min, limit))
    }

    /// The index in `cell`, built first if need be by handing `fill` every added entry's
    /// slot and TU, in entry order.
    fn built<'m, T: Default>(
        &'m self,
        cell: &'m OnceLock<T>,
        mut fill: impl FnMut(&mut T, u32, &Tu),
    ) -> Result<&'m T, MemoryError> {
        if let Some(index) = cell.get() {
            return Ok(index);
        }
        let mut index = T::default();
        let mut open = HashMap::new();
        for slot in 0..u32::try_from(self.added.len()).unwrap_or(u32::MAX) {
            let tu = self.read_tu(self.first_added + slot, &mut open)?;
            self.overlay
                .read_back
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            fill(&mut index, slot, &tu);
        }
        // Another thread may have built it meanwhile: the same index, either is right.
        Ok(cell.get_or_init(|| index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::test_support::{doc_unit, open};
    use std::path::Path;

    /// Sources that repeat (exact keys shared by several entries), in three documents.
    fn unit(i: usize) -> Tu {
        let source = format!("The council of ward {} met on Tuesday.", i % 40);
        let target = format!("Hội đồng phường {} họp hôm thứ Ba.", i % 25);
        doc_unit(
            ["a", "b", "c"][i % 3],
            &format!("u{}", i % 150),
            i,
            &source,
            &target,
        )
    }

    /// Adds, replaces (of loaded and added entries) and removes, the same every time.
    fn change(memory: &mut Memory) {
        for i in 0..200 {
            memory.add(None, unit(i)).expect("add");
        }
        // A loaded entry (the base's TUs are entries 0..60, in order), by its id: a lookup
        // here would build the overlay's sources before the test means to.
        memory.replace(3, unit(1000)).expect("replace");
        let added = memory.first_added + 17;
        let newer = memory.replace(added, unit(1001)).expect("replace");
        memory.replace(newer, unit(1002)).expect("replace");
        memory.remove(memory.first_added + 40).expect("remove");
        memory.remove(5).expect("remove");
        for i in 200..230 {
            memory.add(None, unit(i)).expect("add");
        }
    }

    /// What every kind of lookup answers, as text.
    fn answers(memory: &Memory) -> Vec<String> {
        let mut all = vec![format!("{:?}", memory.documents())];
        for i in [0, 3, 7, 17, 39, 1000, 1002] {
            let tu = unit(i);
            let source = tu.tuv(&memory.source_lang).expect("en").seg.plain_text();
            let target = tu.tuv(&memory.target_lang).expect("vi").seg.plain_text();
            let show = |found: Vec<crate::memory::lookup::Match>| {
                found
                    .iter()
                    .map(|m| format!("{} {} {:?} {:?}", m.entry, m.score, m.unit, m.target))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            all.push(show(memory.exact(&source).expect("exact")));
            all.push(show(memory.by_target(&target).expect("target")));
            all.push(show(memory.lookup(&source, 50, 12).expect("fuzzy")));
            let doc = ["a", "b", "c"][i % 3];
            let found = memory.document_unit(doc, &format!("u{}", i % 150));
            all.push(format!("{:?}", found.expect("unit").map(|u| u.entry)));
            let entries: Vec<u32> = memory
                .document(doc)
                .expect("doc")
                .iter()
                .map(|u| u.entry)
                .collect();
            all.push(format!("{entries:?}"));
        }
        all
    }

    fn base(path: &Path) {
        let mut memory = open(path);
        for i in 0..60 {
            memory.add(None, unit(i)).expect("add");
        }
        memory.save().expect("save");
    }

    #[test]
    fn an_overlay_built_at_the_first_lookup_answers_what_one_built_at_every_add_does() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (first, late) = (dir.path().join("first.tmx"), dir.path().join("late.tmx"));
        base(&first);
        base(&late);
        // Every kind built before the changes: each TU indexed as it comes.
        let mut eager = open(&first);
        let before = answers(&eager);
        change(&mut eager);
        // No kind built until the lookups after the changes: read back then.
        let mut lazy = open(&late);
        change(&mut lazy);
        let read_before = lazy
            .overlay
            .read_back
            .load(std::sync::atomic::Ordering::Relaxed);
        let found = answers(&lazy);
        assert_eq!(found, answers(&eager));
        assert_ne!(found, before, "the changes are seen");
        // Each kind read every added TU back once, and only once.
        let read = lazy
            .overlay
            .read_back
            .load(std::sync::atomic::Ordering::Relaxed);
        assert_eq!(read - read_before, 4 * lazy.added.len());
        answers(&lazy);
        assert_eq!(
            lazy.overlay
                .read_back
                .load(std::sync::atomic::Ordering::Relaxed),
            read
        );
        // After saving, what the files' indexes answer is the same again.
        eager.save().expect("save");
        lazy.save().expect("save");
        assert_eq!(answers(&lazy), answers(&eager));
    }

    #[test]
    fn adding_without_a_lookup_indexes_nothing_but_the_documents() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("news.tmx");
        base(&path);
        let mut memory = open(&path);
        let before = memory.index_memory();
        let count = 20_000;
        for i in 0..count {
            memory.add(None, unit(i)).expect("add");
        }
        let per_tu = (memory.index_memory() - before) / count;
        // The entry itself (where its TU is, whether it is saved: 32 bytes) and its place
        // in its document, with the slack of growing vectors; the keys and the fuzzy index
        // cost nothing yet (they cost about 250 bytes a TU).
        assert!(per_tu <= 72, "{per_tu} bytes a TU");
        assert_eq!(
            memory
                .overlay
                .read_back
                .load(std::sync::atomic::Ordering::Relaxed),
            0
        );
        // Once a source is looked up, the sources are indexed, as chains.
        assert_eq!(
            memory
                .exact("The council of ward 3 met on Tuesday.")
                .expect("lookup")
                .len(),
            502
        );
        let per_tu = (memory.index_memory() - before) / count;
        assert!(per_tu <= 72 + 12, "{per_tu} bytes a TU");
    }
}
