//! Saving a memory: writes proportional to the change.
//!
//! A new or changed TU is not held in memory: it is written once, as TMX, to a spill file
//! nobody else sees ([`journal::Spill`]), and indexed by its place there. [`Memory::save`]
//! then appends the changes to the file's journal ([`journal`]): a few kilobytes for one
//! translation, whatever the size of the memory. The TMX does not change, so its index
//! stays current; loading applies the journal on top of it, as TUs added since loading.
//! The TMX is rewritten whole instead (*compacted*, the journal's changes included, then
//! the journal removed, and the file loaded again, which rebuilds its index) when the
//! journal would grow past an eighth of the TMX, when the TMX is smaller than
//! [`JOURNAL_FROM`] (rewriting it costs less than keeping a second file), and when a
//! change cannot be journaled (a new file, a file that is not UTF-8, a changed header or
//! root, a read-only file saved anyway); [`Memory::compact`] asks for it. A compaction
//! streams the TUs one by one from the TMX, the journal and the spill file: it writes the
//! same bytes a save of the whole memory always wrote (a changed TU's XML is copied from
//! the spill file, where the writer's own serializer put it). The file written is read
//! back once, which checks it and builds its new index.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use super::index::{At, Location};
use super::journal::{self, HashingWriter, Identity, Journal, Key};
use super::persist::{self, PersistError};
use super::segment::Place;
use super::store::{Access, BuiltIndex, Indexer, Memory, MemoryError};
use super::write::tu_name;
use crate::tmx::{self, TmxReader, TmxWriter, Tu};

/// A TMX at least this large keeps a journal of changes; a smaller one is rewritten at
/// each save (that costs less than 50 ms, and keeps the TMX complete).
pub const JOURNAL_FROM: u64 = 4 << 20;

/// The journal is compacted into the TMX when it would grow past the TMX's size divided by
/// this: loading then reads at most an eighth more than the TMX alone.
pub const JOURNAL_RATIO: u64 = 8;

/// Where the TU of an entry is, for a compaction that streams them.
#[derive(Debug, Clone, Copy)]
enum Stored {
    /// Byte range in the TMX as loaded.
    Tmx {
        start: u64,
        len: u32,
    },
    Journal {
        start: u64,
        len: u32,
    },
    Spill {
        start: u64,
        len: u32,
    },
    /// Index into the file's held TUs.
    Held(u32),
}

/// Why a compaction failed.
enum Compaction {
    Io(std::io::Error),
    /// A TU XML cannot carry: its name, and why.
    Tu(String, String),
}

/// Where the TUs of a compaction were written, in order, sealed: their count and a hash of
/// every span. The file read back must give the same seal. Holding the spans themselves
/// took 16 bytes a TU (8 MB for a save of 500,000 TUs, held while the file is read back
/// and indexed, where `align --into` peaks); a mismatch then cannot name the TU, only
/// say that the file does not hold its TUs where they were written.
#[derive(Clone, Default)]
struct Spans {
    hash: xxhash_rust::xxh3::Xxh3,
    count: usize,
}

impl Spans {
    /// Adds the next span.
    fn push(&mut self, span: std::ops::Range<u64>) {
        self.hash.update(&span.start.to_le_bytes());
        self.hash.update(&span.end.to_le_bytes());
        self.count += 1;
    }

    fn len(&self) -> usize {
        self.count
    }

    /// Whether `other` sealed the same spans in the same order.
    fn same(&self, other: &Spans) -> bool {
        self.count == other.count && self.hash.digest() == other.hash.digest()
    }
}

/// The compacted file at `path` must read back whole, with every TU where it was written
/// (`spans`, in the order of `order`). The reason names the TU that failed (`name_of` its
/// number), never `path` (a temp file the user never sees). Gives the file's index, built
/// on the way for `memory`'s languages: the memory loads the file again without reading it
/// a third time. With a second core, one thread reads while another indexes.
fn verify_spans(
    memory: &Memory,
    path: &Path,
    spans: &Spans,
    order: &[u32],
    name_of: impl Fn(usize) -> Option<Tu> + Sync,
) -> Result<BuiltIndex, String> {
    let reader = TmxReader::open(path).map_err(|e| e.message())?;
    let mut indexer = Indexer::with_capacity(memory, &reader, spans.len());
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let reader = if cores > 1 {
        std::thread::scope(|scope| {
            // A few hundred TUs in flight at most: the file is never held whole.
            let (send, receive) = std::sync::mpsc::sync_channel(256);
            let name_of = &name_of;
            let reading = scope.spawn(move || {
                // A closed channel only means the indexer is gone: reading goes on to check.
                read_back(reader, spans, order, name_of, |record| {
                    let _ = send.send(record);
                })
            });
            for record in receive {
                indexer.add(record);
            }
            reading
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })?
    } else {
        read_back(reader, spans, order, &name_of, |record| indexer.add(record))?
    };
    Ok(indexer.finish(reader))
}

/// Reads every TU of `reader` (see [`verify_spans`]), handing each to `each`; gives the
/// reader back at the end of the file.
fn read_back(
    mut reader: TmxReader<File>,
    spans: &Spans,
    order: &[u32],
    name_of: &impl Fn(usize) -> Option<Tu>,
    mut each: impl FnMut(tmx::TuRecord),
) -> Result<TmxReader<File>, String> {
    let name = |i: usize| name_of(i).map_or_else(|| format!("#{}", i + 1), |tu| tu_name(i, &tu));
    let mut count = 0usize;
    let mut read = Spans::default();
    loop {
        match reader.next_tu() {
            Ok(Some(record)) => {
                // A TU read without a span is nowhere it was written.
                read.push(record.span.clone().unwrap_or(u64::MAX..u64::MAX));
                each(record);
                count += 1;
            }
            Ok(None) => break,
            Err(e) => {
                return Err(if count < order.len() {
                    format!("TU `{}`: {}", name(count), e.message())
                } else {
                    e.message()
                });
            }
        }
    }
    if let Some(problem) = reader
        .problems()
        .iter()
        .find(|p| p.severity == tmx::Severity::Error)
    {
        return Err(problem.message.clone());
    }
    if count != spans.len() {
        return Err(format!("{count} TUs read back, {} written", spans.len()));
    }
    if !read.same(spans) {
        return Err("the TUs read back are not where they were written".to_owned());
    }
    Ok(reader)
}

impl Memory {
    /// Saves every changed file. Requires [`Memory::open_for_update`]. Returns the files
    /// written.
    ///
    /// The changes go to the file's journal, appended and synced (a few kilobytes for one
    /// translation), or the TMX is compacted: rewritten whole with the journal's changes,
    /// to a temp file that is re-read before it replaces the old one, and the journal
    /// removed. See the module documentation for when.
    pub fn save(&mut self) -> Result<Vec<PathBuf>, MemoryError> {
        self.save_files(false)
    }

    /// Compacts every file that has a journal or changes: its TMX is rewritten whole,
    /// atomically, with every change in it, and its journal removed. Afterwards the TMX
    /// alone is the memory, byte for byte what a save of the whole memory writes. Returns
    /// the files written.
    pub fn compact(&mut self) -> Result<Vec<PathBuf>, MemoryError> {
        self.save_files(true)
    }

    fn save_files(&mut self, compact: bool) -> Result<Vec<PathBuf>, MemoryError> {
        if self.preview {
            return Err(MemoryError::Preview);
        }
        let mut saved = Vec::new();
        let mut rewritten = HashMap::new();
        for index in 0..self.files.len() {
            let file = &self.files[index];
            if !(file.dirty || compact && file.journal.is_some()) {
                continue;
            }
            if file.damaged > 0 {
                return Err(self.damaged_error(file));
            }
            if !compact && self.can_journal(index)? {
                // The TMX does not change: its index stays current, and the entries now
                // point into the journal.
                self.commit(index)?;
            } else {
                rewritten.insert(index, self.compact_file(index)?);
            }
            saved.push(self.files[index].path.clone());
        }
        // A rewritten file's spans are stale: it is loaded again, with the index built when
        // it was read back, which is cached (the other files' indexes are read back from
        // their cache).
        if !rewritten.is_empty() {
            self.reload(rewritten)?;
        }
        Ok(saved)
    }

    /// Indexes every file afresh from disk, with its journal (after a compaction the old
    /// spans are stale), keeping the locks. A file in `built` is indexed as that says
    /// (built from its bytes as they are now), not read again.
    fn reload(&mut self, mut built: HashMap<usize, BuiltIndex>) -> Result<(), MemoryError> {
        let mut fresh = Memory::new(self.source_lang.clone(), self.target_lang.clone());
        fresh._locks = std::mem::take(&mut self._locks);
        fresh.read_only = self.read_only;
        fresh.created_dirs = std::mem::take(&mut self.created_dirs);
        fresh.use_cache = self.use_cache;
        fresh.journal_from = self.journal_from;
        let paths: Vec<PathBuf> = self.files.iter().map(|f| f.path.clone()).collect();
        // The old indexes point into files that were rewritten: they go before the new ones
        // are built, not after (both at once were the peak of a large `align --into`).
        // Should loading fail, the memory holds the files loaded so far, no stale entry.
        *self = fresh;
        for (index, path) in paths.iter().enumerate() {
            self.load_file_indexed(path, built.remove(&index))?;
            self.apply_journal(Access::Update)?;
        }
        Ok(())
    }

    /// The journals of the memory's files: each file with its journal and how many
    /// changes the journal holds.
    pub fn journals(&self) -> Vec<(PathBuf, PathBuf, usize)> {
        self.files
            .iter()
            .filter_map(|file| {
                let journal = file.journal.as_ref()?;
                Some((
                    file.path.clone(),
                    journal.path().to_owned(),
                    journal.changes(),
                ))
            })
            .collect()
    }

    /// The changes of file `index` since the last save: its new TUs in saving order, each
    /// with the saved entry it stands in for, and the saved entries removed.
    fn changes(&self, index: usize) -> (Vec<(u32, Option<u32>)>, Vec<u32>) {
        let of_file = |id: u32| self.file_of(id) as usize == index;
        let mut puts: Vec<(u32, u32, Option<u32>)> = self
            .fresh_of(index)
            .filter(|&(id, _)| !self.is_superseded(id))
            .map(|(id, stands_for)| (self.order_of(id), id, stands_for))
            .collect();
        puts.sort_unstable();
        let mut removed: Vec<u32> = self
            .dropped
            .iter()
            .copied()
            .filter(|&id| of_file(id))
            .collect();
        removed.sort_unstable();
        (
            puts.into_iter().map(|(_, id, s)| (id, s)).collect(),
            removed,
        )
    }

    /// Whether the changes of file `index` can be appended to its journal (see the module
    /// documentation).
    fn can_journal(&self, index: usize) -> Result<bool, MemoryError> {
        let file = &self.files[index];
        let Some(loaded) = &file.loaded else {
            return Ok(false);
        };
        let tmx_len = loaded.len();
        if !file.held.is_empty() || file.layout_changed || tmx_len < self.journal_from {
            return Ok(false);
        }
        let (puts, removed) = self.changes(index);
        let mut grows = 17 * removed.len() as u64 + 64;
        for (id, _) in puts {
            match self.at(id).map(|at| match at {
                At::Added(added) => added.place(),
                At::Loaded(..) => Location::Held(0),
            }) {
                Some(Location::Spill { len, .. }) => grows += journal::put_size(u64::from(len)),
                _ => return Ok(false),
            }
        }
        let journal_len = file.journal.as_ref().map_or(0, Journal::len);
        if journal_len + grows > tmx_len / JOURNAL_RATIO {
            return Ok(false);
        }
        // A read-only file saved anyway is rewritten, as it always was.
        let real = crate::fsio::resolve_link(&file.path).map_err(PersistError::from)?;
        let meta = std::fs::metadata(&real).map_err(|source| MemoryError::Io {
            path: file.path.clone(),
            source,
        })?;
        Ok(!crate::fsio::is_read_only(&real, &meta))
    }

    /// The journal key of the saved entry `id`.
    fn key_of(&self, id: u32) -> Result<Key, MemoryError> {
        let file = self.file_of(id) as usize;
        let unsaved = || MemoryError::Io {
            path: self.files[file].path.clone(),
            source: std::io::Error::other("a change stands in for a TU that was never saved"),
        };
        match self.at(id) {
            Some(At::Loaded(loaded, entry)) => match loaded.segment.place(entry) {
                Place::Span { start, len } => {
                    let bytes = self.span_bytes(file, start, len)?;
                    Ok(Key::Tmx {
                        start,
                        len,
                        crc: journal::Crc32::of(&bytes),
                    })
                }
                Place::Held(_) => Err(unsaved()),
            },
            Some(At::Added(added)) => match added.place() {
                Location::Journal { start, .. } => Ok(Key::Journal { start }),
                Location::Spill { .. } | Location::Held(_) => Err(unsaved()),
            },
            None => Err(MemoryError::UnknownEntry { id }),
        }
    }

    /// Appends the changes of file `index` to its journal (made if need be) as one commit.
    fn commit(&mut self, index: usize) -> Result<(), MemoryError> {
        let path = self.files[index].path.clone();
        let real = crate::fsio::resolve_link(&path).map_err(PersistError::from)?;
        // Another program may have rewritten the TMX since it was loaded: the journal
        // would then extend a file that is gone.
        if persist::fingerprint(&real)? != self.files[index].loaded {
            return Err(PersistError::ChangedOnDisk { path }.into());
        }
        let (puts, removed) = self.changes(index);
        let mut keyed = Vec::with_capacity(puts.len());
        for (id, stands_for) in puts {
            let key = stands_for.map(|saved| self.key_of(saved)).transpose()?;
            let spilled = match self.at(id) {
                Some(At::Added(added)) => match added.place() {
                    Location::Spill { start, len } => Some((start, len)),
                    _ => None,
                },
                _ => None,
            };
            keyed.push((id, key, spilled));
        }
        let removed_keys = removed
            .iter()
            .map(|&id| self.key_of(id))
            .collect::<Result<Vec<Key>, MemoryError>>()?;
        let mut journal = match self.files[index].journal.take() {
            Some(journal) => journal,
            None => {
                let meta = std::fs::metadata(&real).map_err(|source| MemoryError::Io {
                    path: path.clone(),
                    source,
                })?;
                Journal::create(&real, &meta)?
            }
        };
        let spill = self.spill.as_ref();
        let written = journal.commit(|batch| {
            let mut written = Vec::with_capacity(keyed.len());
            for (id, key, spilled) in &keyed {
                let Some((start, len)) = *spilled else {
                    return Err(std::io::Error::other(
                        "a change that is not in the spill file",
                    ));
                };
                let spill = spill.ok_or_else(|| std::io::Error::other("no spill file"))?;
                let xml = spill.read(start, len)?;
                written.push((*id, batch.put(key.as_ref(), &xml)?, len));
            }
            for key in &removed_keys {
                batch.remove(key)?;
            }
            Ok(written)
        });
        self.files[index].journal = Some(journal);
        for (id, start, len) in written? {
            self.added[(id - self.first_added) as usize]
                .set_place(Location::Journal { start, len });
        }
        self.saved(index);
        Ok(())
    }

    /// Forgets the changes of file `index`: they are saved.
    fn saved(&mut self, index: usize) {
        self.forget_fresh(index);
        // Taken out while filtered (it is read meanwhile to tell each entry's file).
        let mut dropped = std::mem::take(&mut self.dropped);
        dropped.retain(|&id| self.file_of(id) as usize != index);
        self.dropped = dropped;
        self.files[index].dirty = false;
    }

    /// The live TUs of file `index` in saving order.
    fn file_order(&self, index: usize) -> Vec<u32> {
        let mut order: Vec<(u32, u32)> = Vec::new();
        for loaded in self.loaded.iter().filter(|l| l.file as usize == index) {
            let ids = loaded.base..loaded.base + loaded.segment.len() as u32;
            order.extend(ids.filter(|&id| self.is_live(id)).map(|id| (id, id)));
        }
        for (i, added) in self.added.iter().enumerate() {
            let id = self.first_added + i as u32;
            if added.file as usize == index && self.is_live(id) {
                order.push((added.order, id));
            }
        }
        order.sort_unstable();
        // A new vector: collected in place, the ids would keep the pairs' allocation,
        // twice their size, through the whole compaction.
        let mut ids = Vec::with_capacity(order.len());
        ids.extend(order.iter().map(|&(_, id)| id));
        ids
    }

    /// Rewrites file `index` whole from its TUs, wherever they are (TMX, journal, spill
    /// file, held), streaming them one by one, atomically; then removes its journal. The
    /// written file is re-read, and every TU must be where it was written; that reading
    /// gives the new file's index. The entries still point at the old file: the caller
    /// loads the new one with that index (see [`Memory::reload`]).
    fn compact_file(&mut self, index: usize) -> Result<BuiltIndex, MemoryError> {
        // Read back in order from the file, not one TU at a time.
        if let Some(spill) = &mut self.spill {
            spill.flush().map_err(|source| MemoryError::Io {
                path: self.files[index].path.clone(),
                source,
            })?;
        }
        let order = self.file_order(index);
        let file = &self.files[index];
        // TUs XML cannot carry can only be held ones: listed all at once, before writing.
        let unwritable: Vec<String> = order
            .iter()
            .enumerate()
            .filter_map(|(i, &id)| match self.stored(id) {
                Some(Stored::Held(held)) => {
                    let tu = &file.held[held as usize];
                    tmx::check_tu(tu).is_err().then(|| tu_name(i, tu))
                }
                _ => None,
            })
            .collect();
        if !unwritable.is_empty() {
            return Err(MemoryError::Unwritable {
                path: file.path.clone(),
                tus: unwritable.join(", "),
            });
        }
        let journal = std::cell::RefCell::new(self.files[index].journal.take());
        let spans = std::cell::RefCell::new(Spans::default());
        let hash = std::cell::Cell::new([0u8; 32]);
        let failed_tu = std::cell::RefCell::new(None::<String>);
        let built = std::cell::RefCell::new(None::<BuiltIndex>);
        let file = &self.files[index];
        let result = persist::save_atomic_with(
            &file.path,
            file.loaded.as_ref(),
            self.read_only,
            |out| {
                let journal = journal.borrow();
                let mut spans = spans.borrow_mut();
                // The new file's hash goes into the journal, when there is one.
                let mut hashing = HashingWriter::new(out, journal.is_some());
                self.write_compacted(index, &order, journal.as_ref(), &mut hashing, &mut spans)
                    .map_err(|e| match e {
                        Compaction::Io(e) => e,
                        Compaction::Tu(name, reason) => {
                            *failed_tu.borrow_mut() = Some(name);
                            std::io::Error::other(reason)
                        }
                    })?;
                hash.set(hashing.hash().unwrap_or_default());
                Ok(())
            },
            |written| {
                let read_back = verify_spans(self, written, &spans.borrow(), &order, |i| {
                    self.tu_for_name(order[i])
                })?;
                *built.borrow_mut() = Some(read_back);
                if let Some(journal) = journal.borrow_mut().as_mut() {
                    // Before the new TMX replaces the old one: a crash between the two
                    // renames leaves a journal that says it was compacted into it.
                    let identity = File::open(written)
                        .and_then(|f| Identity::of(&f))
                        .map_err(|e| e.to_string())?;
                    journal
                        .compacted(identity, hash.get())
                        .map_err(|e| e.to_string())?;
                }
                Ok(())
            },
        );
        let journal = journal.into_inner();
        let fingerprint = match result {
            Ok(fingerprint) => fingerprint,
            Err(error) => {
                self.files[index].journal = journal;
                if let Some(name) = failed_tu.into_inner() {
                    return Err(MemoryError::Unwritable {
                        path: self.files[index].path.clone(),
                        tus: name,
                    });
                }
                return Err(error.into());
            }
        };
        if let Some(journal) = journal {
            let journal_path = journal.path().to_owned();
            drop(journal);
            journal::remove(&journal_path)?;
        }
        // The caller loads the file again: its entries still point at the old one.
        let file = &mut self.files[index];
        file.loaded = Some(fingerprint);
        file.layout_changed = false;
        self.saved(index);
        built.into_inner().ok_or_else(|| MemoryError::Io {
            path: self.files[index].path.clone(),
            source: std::io::Error::other("the file written was not read back"),
        })
    }

    /// Where the TU of an added entry is (`None` for a TU of a TMX as loaded).
    #[cfg(test)]
    fn place_of(&self, id: u32) -> Option<Location> {
        match self.at(id)? {
            At::Added(added) => Some(added.place()),
            At::Loaded(..) => None,
        }
    }

    /// Where the TU of entry `id` is.
    fn stored(&self, id: u32) -> Option<Stored> {
        Some(match self.at(id)? {
            At::Loaded(loaded, entry) => match loaded.segment.place(entry) {
                Place::Span { start, len } => Stored::Tmx { start, len },
                Place::Held(held) => Stored::Held(held),
            },
            At::Added(added) => match added.place() {
                Location::Journal { start, len } => Stored::Journal { start, len },
                Location::Spill { start, len } => Stored::Spill { start, len },
                Location::Held(held) => Stored::Held(held),
            },
        })
    }

    /// A TU's name for an error of the compaction: its `tuid`, else `#n`.
    fn tu_for_name(&self, id: u32) -> Option<Tu> {
        self.tu(id, &mut HashMap::new()).ok()
    }

    /// Writes the TUs `order` of file `index` as its TMX to `out`, noting where each went.
    fn write_compacted(
        &self,
        index: usize,
        order: &[u32],
        journal: Option<&Journal>,
        out: &mut dyn std::io::Write,
        spans: &mut Spans,
    ) -> Result<(), Compaction> {
        let file = &self.files[index];
        let mut header = file.header.clone();
        header.to_tmx14();
        let prolog = tmx::Prolog {
            version: "1.4",
            doctype: None,
            attrs: &file.root_attrs,
        };
        let mut writer = TmxWriter::with_prolog(out, &prolog, &header)
            .map_err(|e| Compaction::Io(std::io::Error::other(e)))?;
        let mut tmx_file = match file.loaded {
            Some(_) => Some(journal::SpanReader::new(
                File::open(&file.path).map_err(Compaction::Io)?,
            )),
            None => None,
        };
        let mut spill = match &self.spill {
            Some(spill) => Some(spill.reader().map_err(Compaction::Io)?),
            None => None,
        };
        let parse = |path: &Path, bytes: &[u8], start: u64| {
            tmx::parse_tu(path, bytes, start)
                .map_err(|e| Compaction::Io(std::io::Error::other(e.message())))
        };
        for (i, &id) in order.iter().enumerate() {
            let tu = match self.stored(id).ok_or_else(|| {
                Compaction::Io(std::io::Error::other(format!("no TU number {id}")))
            })? {
                Stored::Tmx { start, len } => {
                    let reader = tmx_file.as_mut().ok_or_else(|| {
                        Compaction::Io(std::io::Error::other("a TU of a file that is gone"))
                    })?;
                    parse(
                        &file.path,
                        reader.read(start, len).map_err(Compaction::Io)?,
                        start,
                    )?
                }
                Stored::Journal { start, len } => {
                    let journal = journal.ok_or_else(|| {
                        Compaction::Io(std::io::Error::other("a TU of a journal that is gone"))
                    })?;
                    let bytes = journal.read(start, len).map_err(Compaction::Io)?;
                    parse(journal.path(), &bytes, start)?
                }
                Stored::Spill { start, len } => {
                    let spill = spill.as_mut().ok_or_else(|| {
                        Compaction::Io(std::io::Error::other("the spill file is gone"))
                    })?;
                    // Written by this process as the writer writes the TU (`tmx::tu_xml`,
                    // upgraded to TMX 1.4 first): copied, not parsed and written again.
                    let xml = spill.read(start, len).map_err(Compaction::Io)?;
                    let span = writer.write_tu_xml(xml).map_err(|e| match e {
                        tmx::WriteError::Io(e) => Compaction::Io(e),
                        e => Compaction::Io(std::io::Error::other(e.to_string())),
                    })?;
                    spans.push(span);
                    continue;
                }
                Stored::Held(held) => file.held[held as usize].clone(),
            };
            // Only TUs read from TMX 1.1-1.2 need a copy.
            let written = if tu.needs_tmx14() {
                let mut upgraded = tu.clone();
                upgraded.to_tmx14();
                writer.write_tu_span(&upgraded)
            } else {
                writer.write_tu_span(&tu)
            };
            match written {
                Ok(span) => spans.push(span),
                Err(tmx::WriteError::Io(e)) => return Err(Compaction::Io(e)),
                Err(e) => return Err(Compaction::Tu(tu_name(i, &tu), e.to_string())),
            }
        }
        writer
            .finish()
            .map_err(|e| Compaction::Io(std::io::Error::other(e)))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::cache;
    use crate::memory::journal::JournalError;
    use crate::memory::persist::LockWait;
    use crate::memory::store::IndexSource;
    use crate::memory::test_support::{doc_unit, open};
    use crate::memory::write::write_tmx;
    use unic_langid::langid;

    #[test]
    fn a_seal_of_spans_tells_any_moved_missing_or_extra_span() {
        let written = [
            10..50u64,
            51..51,
            53..4_000_000_000,
            4_000_000_001..4_300_000_000,
        ];
        let seal = |spans: &[std::ops::Range<u64>]| {
            let mut sealed = Spans::default();
            for span in spans {
                sealed.push(span.clone());
            }
            sealed
        };
        let original = seal(&written);
        assert!(original.same(&seal(&written)));
        assert_eq!(original.len(), 4);
        let mut moved = written.clone();
        moved[2] = 54..4_000_000_000;
        assert!(!original.same(&seal(&moved)));
        let mut swapped = written.clone();
        swapped.swap(0, 1);
        assert!(!original.same(&seal(&swapped)));
        assert!(!original.same(&seal(&written[..3])));
    }

    // The journal: writes proportional to the change.

    /// A memory file of `count` TUs of document `seed` (fixed dates), written whole.
    fn journaled_base(path: &Path, count: usize) {
        let mut memory = open(path);
        for i in 0..count {
            memory
                .add(
                    None,
                    fixed(
                        &format!("u{i}"),
                        i,
                        &format!("Sentence {i} of the base."),
                        "Một.",
                    ),
                )
                .expect("add");
        }
        memory.save().expect("save");
    }

    /// A TU of `seed` with fixed dates, so that two runs write the same bytes.
    fn fixed(unit: &str, order: usize, source: &str, target: &str) -> Tu {
        let mut tu = doc_unit("seed", unit, order, source, target);
        for name in ["creationdate", "changedate"] {
            tu.set_attr(name, "20240101T000000Z");
        }
        tu
    }

    /// The memory at `path`, for update, journaling files of any size.
    fn open_journaled(path: &Path) -> Memory {
        let mut memory = open(path);
        memory.journal_from = 0;
        memory
    }

    fn target_of(memory: &Memory, source: &str) -> Option<String> {
        let found = memory.exact(source).expect("lookup");
        assert!(found.len() <= 1, "{found:?}");
        found.into_iter().next().and_then(|m| m.target)
    }

    fn journal_of(path: &Path) -> PathBuf {
        journal::path_for(path)
    }

    #[test]
    fn one_change_appends_a_few_bytes_and_leaves_the_tmx_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("news.tmx");
        journaled_base(&path, 300);
        let before = std::fs::read(&path).expect("read");
        let mut memory = open_journaled(&path);
        let id = memory.exact("Sentence 7 of the base.").expect("lookup")[0].entry;
        memory
            .replace(id, fixed("u7", 7, "Sentence 7 of the base.", "Câu bảy."))
            .expect("replace");
        let new = memory
            .add(None, fixed("u300", 300, "A new sentence.", "Một câu mới."))
            .expect("add");
        assert!(
            matches!(memory.place_of(new), Some(Location::Spill { .. })),
            "a new TU waits in the spill file, not in memory"
        );
        assert!(memory.files[0].held.is_empty());
        assert_eq!(memory.save().expect("save"), vec![path.clone()]);
        assert_eq!(
            std::fs::read(&path).expect("read"),
            before,
            "the TMX is untouched"
        );
        let journal = std::fs::metadata(journal_of(&path))
            .expect("a journal")
            .len();
        let tu_bytes = tmx::tu_xml(&fixed("u7", 7, "Sentence 7 of the base.", "Câu bảy."))
            .expect("xml")
            .len() as u64;
        assert!(
            journal < 3 * tu_bytes + 200,
            "{journal} bytes of journal for two TUs of about {tu_bytes} bytes"
        );
        // The memory goes on answering from the journal, in this process and the next.
        assert_eq!(
            target_of(&memory, "Sentence 7 of the base.").as_deref(),
            Some("Câu bảy.")
        );
        drop(memory);
        let memory =
            Memory::open(std::slice::from_ref(&path), langid!("en"), langid!("vi")).expect("reads");
        assert_eq!(
            target_of(&memory, "Sentence 7 of the base.").as_deref(),
            Some("Câu bảy.")
        );
        assert_eq!(
            target_of(&memory, "A new sentence.").as_deref(),
            Some("Một câu mới.")
        );
        assert_eq!(memory.stats().tus, 301);
        let seed = memory.document("seed").expect("document");
        assert_eq!(seed.len(), 301);
        assert_eq!(seed[7].vi.as_deref(), Some("Câu bảy."));
        assert_eq!(seed[300].unit, "u300");
    }

    /// Applies the same changes to a memory, in several sessions or one.
    fn change(memory: &mut Memory, step: usize) {
        let entry = |memory: &Memory, source: &str| memory.exact(source).expect("lookup")[0].entry;
        match step {
            0 => {
                let id = entry(memory, "Sentence 3 of the base.");
                memory
                    .replace(id, fixed("u3", 3, "Sentence 3 of the base.", "Ba."))
                    .expect("replace");
                memory
                    .add(None, fixed("n1", 50, "New one.", "Mới một."))
                    .expect("add");
                memory
                    .add(None, fixed("n2", 51, "New two.", "Mới hai."))
                    .expect("add");
                let id = entry(memory, "Sentence 5 of the base.");
                memory.remove(id).expect("remove");
            }
            1 => {
                // A TU of the journal replaced, another removed, one of the TMX replaced
                // twice, one added and replaced before the save.
                let id = entry(memory, "New one.");
                memory
                    .replace(id, fixed("n1", 50, "New one.", "Mới một, sửa."))
                    .expect("replace");
                let id = entry(memory, "New two.");
                memory.remove(id).expect("remove");
                let id = entry(memory, "Sentence 3 of the base.");
                memory
                    .replace(id, fixed("u3", 3, "Sentence 3 of the base.", "Ba, sửa."))
                    .expect("replace");
                let id = memory
                    .add(None, fixed("n3", 52, "New three.", "Mới ba."))
                    .expect("add");
                memory
                    .replace(id, fixed("n3", 52, "New three.", "Mới ba, sửa."))
                    .expect("replace");
                let id = memory
                    .add(None, fixed("n4", 53, "New four.", "Mới bốn."))
                    .expect("add");
                memory.remove(id).expect("remove");
            }
            _ => {
                let id = entry(memory, "Sentence 0 of the base.");
                memory.remove(id).expect("remove");
                let id = entry(memory, "New three.");
                memory
                    .replace(id, fixed("n3", 2, "New three.", "Mới ba, lần ba."))
                    .expect("replace");
            }
        }
    }

    #[test]
    fn compacting_a_journal_writes_the_bytes_of_a_whole_save() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (journaled, whole) = (dir.path().join("a.tmx"), dir.path().join("b.tmx"));
        journaled_base(&journaled, 200);
        std::fs::copy(&journaled, &whole).expect("copy");
        for step in 0..3 {
            let mut memory = open_journaled(&journaled);
            change(&mut memory, step);
            memory.save().expect("save");
            assert!(
                journal_of(&journaled).exists(),
                "step {step} went to the journal"
            );
        }
        let mut memory = open(&whole);
        memory.journal_from = u64::MAX;
        for step in 0..3 {
            change(&mut memory, step);
        }
        memory.save().expect("save");
        assert!(!journal_of(&whole).exists());
        let expected = std::fs::read(&whole).expect("read");

        // Streaming the TMX with its journal (`tm export`, `tm stats`) gives the same TUs.
        let mut streamed = journal::MemoryTus::open(&journaled).expect("opens");
        let mut tus = Vec::new();
        while let Some(tu) = streamed.next_tu().expect("reads") {
            tus.push(tu);
        }
        let mut out = Vec::new();
        write_tmx(&mut out, streamed.root_attrs(), streamed.header(), &tus).expect("writes");
        assert_eq!(
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&expected)
        );

        let mut memory = open_journaled(&journaled);
        assert_eq!(memory.journals().len(), 1);
        assert_eq!(memory.compact().expect("compact"), vec![journaled.clone()]);
        assert!(!journal_of(&journaled).exists(), "the journal goes");
        assert_eq!(
            String::from_utf8_lossy(&std::fs::read(&journaled).expect("read")),
            String::from_utf8_lossy(&expected)
        );
        // The memory answers from the new file at once, and saves again from there.
        assert_eq!(
            target_of(&memory, "Sentence 3 of the base.").as_deref(),
            Some("Ba, sửa.")
        );
        assert!(
            memory
                .exact("Sentence 5 of the base.")
                .expect("lookup")
                .is_empty()
        );
        let id = memory.exact("New one.").expect("lookup")[0].entry;
        memory
            .replace(id, fixed("n1", 50, "New one.", "Một lần nữa."))
            .expect("replace");
        memory.save().expect("save");
        drop(memory);
        let memory = Memory::open(
            std::slice::from_ref(&journaled),
            langid!("en"),
            langid!("vi"),
        )
        .expect("reads");
        assert_eq!(
            target_of(&memory, "New one.").as_deref(),
            Some("Một lần nữa.")
        );
        assert_eq!(
            target_of(&memory, "New three.").as_deref(),
            Some("Mới ba, lần ba.")
        );
        assert!(memory.exact("New two.").expect("lookup").is_empty());
        assert!(memory.exact("New four.").expect("lookup").is_empty());
    }

    #[test]
    fn a_torn_commit_is_never_seen_and_the_next_writer_cuts_it_off() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("news.tmx");
        journaled_base(&path, 30);
        let mut memory = open_journaled(&path);
        let id = memory.exact("Sentence 1 of the base.").expect("lookup")[0].entry;
        memory
            .replace(id, fixed("u1", 1, "Sentence 1 of the base.", "Một, sửa."))
            .expect("replace");
        memory.save().expect("save");
        let first = std::fs::read(journal_of(&path)).expect("journal");
        let id = memory.exact("Sentence 2 of the base.").expect("lookup")[0].entry;
        memory
            .replace(id, fixed("u2", 2, "Sentence 2 of the base.", "Hai, sửa."))
            .expect("replace");
        memory
            .add(None, fixed("n", 40, "Added later.", "Thêm sau."))
            .expect("add");
        memory.save().expect("save");
        drop(memory);
        let second = std::fs::read(journal_of(&path)).expect("journal");
        assert!(second.starts_with(&first));
        // A crash anywhere in the second commit: only the first is seen.
        for cut in first.len()..second.len() {
            std::fs::write(journal_of(&path), &second[..cut]).expect("write");
            let memory = Memory::open(std::slice::from_ref(&path), langid!("en"), langid!("vi"))
                .expect("reads");
            assert_eq!(
                target_of(&memory, "Sentence 1 of the base.").as_deref(),
                Some("Một, sửa.")
            );
            assert_eq!(
                target_of(&memory, "Sentence 2 of the base.").as_deref(),
                Some("Một."),
                "cut at {cut} of {}",
                second.len()
            );
            assert!(memory.exact("Added later.").expect("lookup").is_empty());
        }
        // A torn record, then bytes that would make sense: nothing after the tear counts.
        let mut torn = second[..first.len() + 20].to_vec();
        torn.extend_from_slice(&second[first.len()..]);
        std::fs::write(journal_of(&path), &torn).expect("write");
        let mut memory = open_journaled(&path);
        assert_eq!(
            std::fs::read(journal_of(&path)).expect("journal"),
            first,
            "the writer cut the tail off"
        );
        assert!(memory.exact("Added later.").expect("lookup").is_empty());
        memory
            .add(None, fixed("n", 40, "Added again.", "Thêm lại."))
            .expect("add");
        memory.save().expect("save");
        drop(memory);
        let memory =
            Memory::open(std::slice::from_ref(&path), langid!("en"), langid!("vi")).expect("reads");
        assert_eq!(
            target_of(&memory, "Added again.").as_deref(),
            Some("Thêm lại.")
        );
        assert_eq!(
            target_of(&memory, "Sentence 1 of the base.").as_deref(),
            Some("Một, sửa.")
        );
    }

    #[test]
    fn a_journal_left_by_a_compaction_that_crashed_is_dropped() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("news.tmx");
        journaled_base(&path, 30);
        let mut memory = open_journaled(&path);
        memory
            .add(None, fixed("n", 40, "Added.", "Thêm."))
            .expect("add");
        memory.save().expect("save");
        let journal_bytes = std::fs::read(journal_of(&path)).expect("journal");
        memory.compact().expect("compact");
        drop(memory);
        let compacted = std::fs::read(&path).expect("read");
        // The crash: the new TMX is in place, the journal (with the `K` record the
        // compaction wrote before the rename) is still there.
        let identity = File::open(&path)
            .and_then(|file| Identity::of(&file))
            .expect("identity");
        let mut body = identity.len.to_le_bytes().to_vec();
        body.extend_from_slice(&identity.sample);
        body.extend_from_slice(&journal::sha256_of(&path).expect("hash"));
        let mut record = vec![b'K'];
        record.extend_from_slice(&(body.len() as u32).to_le_bytes());
        let mut crc = journal::Crc32::new();
        crc.update(&record);
        crc.update(&body);
        record.extend_from_slice(&crc.value().to_le_bytes());
        record.extend_from_slice(&body);
        let mut left = journal_bytes.clone();
        left.extend_from_slice(&record);
        std::fs::write(journal_of(&path), &left).expect("write");
        // A reader ignores it (the change is not applied twice) and leaves it.
        let memory =
            Memory::open(std::slice::from_ref(&path), langid!("en"), langid!("vi")).expect("reads");
        assert_eq!(memory.stats().tus, 31);
        assert_eq!(memory.exact("Added.").expect("lookup").len(), 1);
        drop(memory);
        assert!(journal_of(&path).exists());
        // The next writer removes it.
        drop(open_journaled(&path));
        assert!(!journal_of(&path).exists());
        assert_eq!(std::fs::read(&path).expect("read"), compacted);
        // The same journal without its `K` record does not extend this TMX: an error
        // naming both, and nothing is touched.
        std::fs::write(journal_of(&path), &journal_bytes).expect("write");
        for result in [
            Memory::open(std::slice::from_ref(&path), langid!("en"), langid!("vi")).map(drop),
            Memory::open_for_update(
                std::slice::from_ref(&path),
                langid!("en"),
                langid!("vi"),
                LockWait::Fail,
            )
            .map(drop),
        ] {
            match result {
                Err(MemoryError::Journal(JournalError::Mismatch { journal, tmx })) => {
                    assert_eq!((journal, tmx), (journal_of(&path), path.clone()));
                }
                other => panic!("expected a mismatch, got {other:?}"),
            }
        }
        assert_eq!(
            std::fs::read(journal_of(&path)).expect("journal"),
            journal_bytes
        );
        assert_eq!(std::fs::read(&path).expect("read"), compacted);
    }

    #[test]
    fn a_tmx_changed_by_another_program_is_refused_while_it_has_a_journal() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("news.tmx");
        journaled_base(&path, 30);
        let mut memory = open_journaled(&path);
        let id = memory.exact("Sentence 4 of the base.").expect("lookup")[0].entry;
        memory
            .replace(id, fixed("u4", 4, "Sentence 4 of the base.", "Bốn."))
            .expect("replace");
        memory.save().expect("save");
        drop(memory);
        let original = std::fs::read(&path).expect("read");
        let journal_bytes = std::fs::read(journal_of(&path)).expect("journal");
        let refused = |why: &str| {
            match Memory::open(std::slice::from_ref(&path), langid!("en"), langid!("vi")) {
                Err(MemoryError::Journal(JournalError::Mismatch { .. })) => {}
                Err(other) => panic!("{why}: expected a mismatch, got {other}"),
                Ok(_) => panic!("{why}: expected a mismatch"),
            }
            assert_eq!(
                std::fs::read(journal_of(&path)).expect("journal"),
                journal_bytes,
                "{why}: the journal is kept"
            );
        };
        // Another length: a TU added by another tool.
        let text = String::from_utf8(original.clone()).expect("UTF-8");
        let added = text.replace(
            "  </body>",
            "    <tu><tuv xml:lang=\"en\"><seg>Theirs.</seg></tuv></tu>\n  </body>",
        );
        std::fs::write(&path, &added).expect("write");
        refused("a TU added");
        // The same length, in the TU the journal replaced: its bytes no longer match.
        let edited = text.replacen("Sentence 4 of the base.", "Sentence 4 of the bass.", 1);
        assert_eq!(edited.len(), text.len());
        std::fs::write(&path, &edited).expect("write");
        refused("the replaced TU edited");
        // The TMX put back: the journal applies again.
        std::fs::write(&path, &original).expect("write");
        let memory =
            Memory::open(std::slice::from_ref(&path), langid!("en"), langid!("vi")).expect("reads");
        assert_eq!(
            target_of(&memory, "Sentence 4 of the base.").as_deref(),
            Some("Bốn.")
        );
    }

    #[test]
    fn a_dry_run_spills_outside_the_memory_folder_and_a_failed_save_keeps_the_journal() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("news.tmx");
        journaled_base(&path, 10);
        let mut preview =
            Memory::open_preview(std::slice::from_ref(&path), langid!("en"), langid!("vi"))
                .expect("opens");
        let id = preview
            .add(None, fixed("n", 20, "Previewed.", "Xem trước."))
            .expect("add");
        assert!(matches!(preview.place_of(id), Some(Location::Spill { .. })));
        assert_eq!(
            target_of(&preview, "Previewed.").as_deref(),
            Some("Xem trước.")
        );
        let names = |dir: &Path| -> Vec<String> {
            let mut names: Vec<String> = std::fs::read_dir(dir)
                .expect("list")
                .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
                // The index beside the memory is not a file of the memory.
                .filter(|name| name != cache::FOLDER)
                .collect();
            names.sort();
            names
        };
        assert_eq!(names(dir.path()), ["news.tmx"]);
        drop(preview);
        // A TU XML cannot carry is held, and the save refuses it by name: nothing is
        // written, the journal stays as it was.
        let mut memory = open_journaled(&path);
        memory
            .add(None, fixed("ok", 30, "Fine.", "Ổn."))
            .expect("add");
        memory.save().expect("save");
        let journal_bytes = std::fs::read(journal_of(&path)).expect("journal");
        let mut bad = fixed("bad", 31, "Bad\u{1}.", "Hỏng.");
        bad.set_attr("tuid", "bad-one");
        let id = memory.add(None, bad).expect("add");
        assert!(matches!(memory.place_of(id), Some(Location::Held(_))));
        match memory.save() {
            Err(MemoryError::Unwritable { tus, .. }) => assert_eq!(tus, "bad-one"),
            other => panic!("expected unwritable, got {other:?}"),
        }
        assert_eq!(
            std::fs::read(journal_of(&path)).expect("journal"),
            journal_bytes
        );
        assert_eq!(
            names(dir.path()),
            ["news.tmx", "news.tmx.journal", "news.tmx.lock"]
        );
    }

    #[test]
    fn a_compactions_order_holds_four_bytes_a_tu() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("news.tmx");
        let mut memory = open(&path);
        let mut ids = Vec::new();
        for i in 0..100 {
            let source = format!("Sentence {i} of the news.");
            let tu = doc_unit("a", &format!("u{i}"), i, &source, "Một.");
            ids.push(memory.add(None, tu).expect("add"));
        }
        memory.remove(ids[10]).expect("remove");
        let order = memory.file_order(0);
        ids.remove(10);
        assert_eq!(order, ids);
        // Held through the whole compaction: not the sorted pairs' allocation.
        assert_eq!(order.capacity(), order.len());
    }

    #[test]
    fn a_compaction_writes_the_index_it_built_to_its_file_and_maps_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("news.tmx");
        let mut memory = open(&path);
        for i in 0..300 {
            let source = format!("Sentence {} of the news, said the minister.", i % 120);
            let tu = doc_unit(["a", "b", "c"][i % 3], &format!("u{i}"), i, &source, "Một.");
            memory.add(None, tu).expect("add");
        }
        memory.save().expect("save");
        assert_eq!(
            memory.index_sources(),
            [IndexSource::Built(cache::Rejected::Missing)]
        );
        // Not held in memory beside the builder: written as laid out, then mapped.
        assert!(memory.loaded[0].segment.is_mapped());
        let written = std::fs::read(cache::index_path(&path).expect("index path")).expect("read");
        // The bytes an index laid out in memory has, from the same TMX.
        let key = cache::key(&path, memory.langs_key().as_bytes()).expect("key");
        let BuiltIndex { builder, meta, .. } = memory.index_from_tmx(&path).expect("index");
        let image = builder.finish(&key, &meta);
        let in_memory = cache::IndexBytes::built(image, &key).expect("checked");
        assert!(written == in_memory.bytes(), "the index file differs");
        // And it answers.
        assert_eq!(
            memory
                .exact("Sentence 7 of the news, said the minister.")
                .expect("lookup")
                .len(),
            3
        );
        assert_eq!(memory.documents(), ["a", "b", "c"]);
    }

    #[test]
    fn a_journaled_save_keeps_the_tmx_index_and_a_compaction_rebuilds_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("news.tmx");
        journaled_base(&path, 40);
        let mut memory = open_journaled(&path);
        assert_eq!(memory.index_sources(), [IndexSource::Cache]);
        let id = memory.exact("Sentence 2 of the base.").expect("lookup")[0].entry;
        memory
            .replace(id, fixed("u2", 2, "Sentence 2 of the base.", "Hai, sửa."))
            .expect("replace");
        memory.save().expect("save");
        assert!(journal_of(&path).exists());
        // An append leaves the TMX, so its index, as they were: nothing is loaded again.
        assert_eq!(memory.index_sources(), [IndexSource::Cache]);
        assert_eq!(
            target_of(&memory, "Sentence 2 of the base.").as_deref(),
            Some("Hai, sửa.")
        );
        drop(memory);
        // The next reader opens the cached index and applies the journal on top.
        let memory =
            Memory::open(std::slice::from_ref(&path), langid!("en"), langid!("vi")).expect("reads");
        assert_eq!(memory.index_sources(), [IndexSource::Cache]);
        assert_eq!(
            target_of(&memory, "Sentence 2 of the base.").as_deref(),
            Some("Hai, sửa.")
        );
        let fuzzy = memory
            .lookup("Sentence 2 of the base", 90, 1)
            .expect("lookup");
        assert_eq!(fuzzy[0].target.as_deref(), Some("Hai, sửa."));
        assert_eq!(memory.stats().tus, 40);
        assert_eq!(memory.document("seed").expect("document").len(), 40);
        drop(memory);
        // A compaction rewrites the TMX: its index is built again, and cached.
        let mut memory = open_journaled(&path);
        memory.compact().expect("compact");
        assert!(!journal_of(&path).exists());
        assert!(matches!(memory.index_sources(), [IndexSource::Built(_)]));
        assert_eq!(
            target_of(&memory, "Sentence 2 of the base.").as_deref(),
            Some("Hai, sửa.")
        );
        drop(memory);
        let memory =
            Memory::open(std::slice::from_ref(&path), langid!("en"), langid!("vi")).expect("reads");
        assert_eq!(memory.index_sources(), [IndexSource::Cache]);
        assert_eq!(
            target_of(&memory, "Sentence 2 of the base.").as_deref(),
            Some("Hai, sửa.")
        );
    }
}
