//! The entries of a memory: the loaded files' indexes (entries `0..first_added`, file
//! after file) and the overlay of TUs added or replaced since loading, which entries are
//! superseded, and where the TU of an entry is and how it is read again.

use crate::fsio::read_span;
use std::collections::HashMap;
use std::fs::File;
use std::sync::OnceLock;
use std::sync::atomic::Ordering;

use super::segment::{ConcordanceSegment, Place, Segment};
use super::store::{Memory, MemoryError};
use crate::tmx::{self, Tu};

/// Where the TU of an entry added or replaced since the TMX was loaded lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Location {
    /// Byte range of its XML in the file's journal (a change saved since the TMX was
    /// written whole).
    Journal { start: u64, len: u32 },
    /// Byte range of its XML in the spill file: new or changed, not saved yet.
    Spill { start: u64, len: u32 },
    /// Held in memory (index into the file's held TUs): new or changed when there is no
    /// spill file (a dry run that cannot make one, a TU XML cannot carry).
    Held(u32),
}

/// An entry added or replaced since the TMX was loaded (from its journal, or since the
/// memory was opened).
///
/// Its [`Location`] is held as its parts: 24 bytes an entry instead of 32 (the enum's tag
/// pads it), which a command that stores 500,000 TUs holds through its whole save.
#[derive(Debug, Clone)]
pub(super) struct Added {
    /// The location's byte offset, or the index of a held TU.
    start: u64,
    /// The location's byte length (0 for a held TU).
    len: u32,
    /// Saving position within the file: a replacement inherits its predecessor's.
    pub(super) order: u32,
    /// Whether it was made since the last save, and the saved entry it stands in for:
    /// [`NOT_FRESH`], [`FRESH_NEW`] (a new TU) or that entry. Kept here, not in a map
    /// beside the entries (a command that stores 500,000 TUs paid 27 bytes each for it).
    pub(super) fresh: u32,
    pub(super) file: u16,
    /// Which kind of [`Location`]: [`IN_JOURNAL`], [`IN_SPILL`] or [`HELD`].
    kind: u8,
    pub(super) has_target: bool,
}

const IN_JOURNAL: u8 = 0;
const IN_SPILL: u8 = 1;
const HELD: u8 = 2;

impl Added {
    /// Where its TU is.
    pub(super) fn place(&self) -> Location {
        let (start, len) = (self.start, self.len);
        match self.kind {
            IN_JOURNAL => Location::Journal { start, len },
            IN_SPILL => Location::Spill { start, len },
            // Held: `start` was made from a `u32`.
            _ => Location::Held(u32::try_from(start).unwrap_or(u32::MAX)),
        }
    }

    pub(super) fn set_place(&mut self, place: Location) {
        (self.kind, self.start, self.len) = match place {
            Location::Journal { start, len } => (IN_JOURNAL, start, len),
            Location::Spill { start, len } => (IN_SPILL, start, len),
            Location::Held(index) => (HELD, u64::from(index), 0),
        };
    }
}

/// [`Added::fresh`] of an entry saved since it was made.
pub(super) const NOT_FRESH: u32 = u32::MAX;
/// [`Added::fresh`] of a new TU, standing in for no saved one.
pub(super) const FRESH_NEW: u32 = u32::MAX - 1;

/// A loaded file's index: its entries are `base..base + segment.len()`.
pub(super) struct Loaded {
    pub(super) file: u16,
    pub(super) base: u32,
    pub(super) segment: Segment,
    /// The key the index was read or built under: the TMX as it was loaded.
    pub(super) key: Vec<u8>,
    /// The file's concordance index, had on the first concordance search.
    pub(super) concordance: OnceLock<Option<ConcordanceSegment>>,
}

/// Where an entry is.
pub(super) enum At<'m> {
    Loaded(&'m Loaded, usize),
    Added(&'m Added),
}

impl Memory {
    /// The entry of file `file`'s TMX whose span starts at `start`, with the span's length:
    /// found by binary search in the file's index (its TUs are indexed in file order, so
    /// their spans ascend).
    pub(super) fn tmx_entry_at(&self, file: u16, start: u64) -> Option<(u32, u32)> {
        let loaded = self.loaded.iter().find(|l| l.file == file)?;
        let span = |entry: usize| match loaded.segment.place(entry) {
            Place::Span { start, len } => (start, len),
            Place::Held(_) => (u64::MAX, 0),
        };
        let count = loaded.segment.len();
        let (mut low, mut high) = (0, count);
        while low < high {
            let middle = low + (high - low) / 2;
            if span(middle).0 < start {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        let found = if low < count && span(low).0 == start {
            Some(low)
        } else {
            (0..count).find(|&entry| span(entry).0 == start)
        }?;
        Some((loaded.base + u32::try_from(found).ok()?, span(found).1))
    }

    /// `len` bytes at `start` of file `index`'s TMX.
    pub(super) fn span_bytes(
        &self,
        index: usize,
        start: u64,
        len: u32,
    ) -> Result<Vec<u8>, MemoryError> {
        let path = &self.files[index].path;
        let io = |source| MemoryError::Io {
            path: path.clone(),
            source,
        };
        let file = File::open(path).map_err(io)?;
        read_span(&file, start, len).map_err(io)
    }

    /// The TU whose XML is at `start..start + len` of file `index`'s journal.
    pub(super) fn journal_tu(&self, index: usize, start: u64, len: u32) -> Result<Tu, MemoryError> {
        let journal = self.files[index]
            .journal
            .as_ref()
            .ok_or_else(|| MemoryError::Io {
                path: self.files[index].path.clone(),
                source: std::io::Error::other("the journal is gone"),
            })?;
        let bytes = journal.read(start, len).map_err(|source| MemoryError::Io {
            path: journal.path().to_owned(),
            source,
        })?;
        Ok(tmx::parse_tu(journal.path(), &bytes, start)?)
    }

    /// The TU whose XML is at `start..start + len` of the spill file, for file `index`.
    fn spill_tu(&self, index: usize, start: u64, len: u32) -> Result<Tu, MemoryError> {
        let path = &self.files[index].path;
        let io = |source| MemoryError::Io {
            path: path.clone(),
            source,
        };
        let spill = self
            .spill
            .as_ref()
            .ok_or_else(|| io(std::io::Error::other("the spill file is gone")))?;
        let bytes = spill.read(start, len).map_err(io)?;
        Ok(tmx::parse_tu(path, &bytes, start)?)
    }

    /// The number of entry ids given out.
    pub(super) fn entry_count(&self) -> u32 {
        self.first_added
            .saturating_add(u32::try_from(self.added.len()).unwrap_or(u32::MAX))
    }

    pub(super) fn at(&self, id: u32) -> Option<At<'_>> {
        if id >= self.first_added {
            return self
                .added
                .get((id - self.first_added) as usize)
                .map(At::Added);
        }
        let index = self
            .loaded
            .partition_point(|l| l.base <= id)
            .checked_sub(1)?;
        let loaded = &self.loaded[index];
        Some(At::Loaded(loaded, (id - loaded.base) as usize))
    }

    pub(super) fn is_superseded(&self, id: u32) -> bool {
        self.superseded
            .get(id as usize / 64)
            .is_some_and(|bits| bits >> (id % 64) & 1 == 1)
    }

    pub(super) fn supersede(&mut self, id: u32) {
        let word = id as usize / 64;
        if self.superseded.len() <= word {
            self.superseded.resize(word + 1, 0);
        }
        self.superseded[word] |= 1 << (id % 64);
    }

    /// Whether `id` is an entry that still answers (not superseded).
    pub(super) fn is_live(&self, id: u32) -> bool {
        id < self.entry_count() && !self.is_superseded(id)
    }

    /// The file of entry `id` (a known one).
    pub(super) fn file_of(&self, id: u32) -> u16 {
        match self.at(id) {
            Some(At::Loaded(loaded, _)) => loaded.file,
            Some(At::Added(added)) => added.file,
            None => u16::MAX,
        }
    }

    /// The saving position of entry `id` within its file: loaded entries keep their place,
    /// a new one goes last, a replacement takes its predecessor's.
    pub(super) fn order_of(&self, id: u32) -> u32 {
        match self.at(id) {
            Some(At::Added(added)) => added.order,
            _ => id,
        }
    }

    /// Indexes a TU of file `file` added or replaced since its TMX was loaded, which is at
    /// `place` (see [`super::overlay`]).
    pub(super) fn index_added(&mut self, file: u16, place: Location, tu: &Tu, order: u32) -> u32 {
        let id = self.entry_count();
        let mut added = Added {
            start: 0,
            len: 0,
            order,
            fresh: NOT_FRESH,
            file,
            kind: HELD,
            has_target: tu.tuv(&self.target_lang).is_some(),
        };
        added.set_place(place);
        self.added.push(added);
        self.overlay_add(id, tu);
        id
    }

    /// Marks entry `id` (an added one) as made since the last save, standing in for the
    /// saved entry `stands_for` (`None`: a new TU).
    pub(super) fn set_fresh(&mut self, id: u32, stands_for: Option<u32>) {
        if let Some(added) = self.added.get_mut((id - self.first_added) as usize) {
            added.fresh = stands_for.unwrap_or(FRESH_NEW);
        }
    }

    /// Unmarks entry `id`: `None` if it was not made since the last save, else the saved
    /// entry it stood in for (`Some(None)`: a new TU).
    pub(super) fn take_fresh(&mut self, id: u32) -> Option<Option<u32>> {
        let slot = id.checked_sub(self.first_added)?;
        let added = self.added.get_mut(slot as usize)?;
        let fresh = std::mem::replace(&mut added.fresh, NOT_FRESH);
        match fresh {
            NOT_FRESH => None,
            FRESH_NEW => Some(None),
            saved => Some(Some(saved)),
        }
    }

    /// The entries of file `file` made since the last save, each with the saved entry it
    /// stands in for.
    pub(super) fn fresh_of(&self, file: usize) -> impl Iterator<Item = (u32, Option<u32>)> + '_ {
        self.added
            .iter()
            .zip(self.first_added..)
            .filter(move |(added, _)| added.file as usize == file && added.fresh != NOT_FRESH)
            .map(|(added, id)| (id, (added.fresh != FRESH_NEW).then_some(added.fresh)))
    }

    /// Unmarks the entries of file `file`: saved.
    pub(super) fn forget_fresh(&mut self, file: usize) {
        for added in self.added.iter_mut().filter(|a| a.file as usize == file) {
            added.fresh = NOT_FRESH;
        }
    }

    /// Bytes used by the indexes (not counting the TUs held in memory): the loaded files'
    /// indexes (mapped from their files or built in memory) and those of the TUs added since.
    pub fn index_memory(&self) -> usize {
        self.loaded
            .iter()
            .map(|l| l.segment.byte_size())
            .sum::<usize>()
            + self.added.capacity() * std::mem::size_of::<Added>()
            + self.superseded.capacity() * 8
            + self.overlay.memory_usage()
    }

    /// The TU of entry `id`, parsed from its file if need be.
    pub(super) fn tu(&self, id: u32, open: &mut HashMap<u16, File>) -> Result<Tu, MemoryError> {
        self.tus_read.fetch_add(1, Ordering::Relaxed);
        self.read_tu(id, open)
    }

    /// [`Memory::tu`], not counted as a lookup's work (building an index reads them).
    pub(super) fn read_tu(
        &self,
        id: u32,
        open: &mut HashMap<u16, File>,
    ) -> Result<Tu, MemoryError> {
        let (file_index, place) = match self.at(id) {
            Some(At::Loaded(loaded, entry)) => (loaded.file, loaded.segment.place(entry)),
            Some(At::Added(added)) => match added.place() {
                Location::Held(index) => (added.file, Place::Held(index)),
                Location::Journal { start, len } => {
                    return self.journal_tu(added.file as usize, start, len);
                }
                Location::Spill { start, len } => {
                    return self.spill_tu(added.file as usize, start, len);
                }
            },
            None => return Err(MemoryError::UnknownEntry { id }),
        };
        let file = &self.files[file_index as usize];
        match place {
            Place::Held(index) => file
                .held
                .get(index as usize)
                .cloned()
                .ok_or(MemoryError::UnknownEntry { id }),
            Place::Span { start, len } => {
                let handle = match open.entry(file_index) {
                    std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
                    std::collections::hash_map::Entry::Vacant(v) => {
                        v.insert(File::open(&file.path).map_err(|source| MemoryError::Io {
                            path: file.path.clone(),
                            source,
                        })?)
                    }
                };
                let bytes = read_span(handle, start, len).map_err(|source| MemoryError::Io {
                    path: file.path.clone(),
                    source,
                })?;
                Ok(tmx::parse_tu(&file.path, &bytes, start)?)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_added_entry_takes_24_bytes_and_gives_back_its_place() {
        // Held through a whole save for every TU a command stored (500,000 for `align`).
        assert_eq!(std::mem::size_of::<Added>(), 24);
        let mut added = Added {
            start: 0,
            len: 0,
            order: 7,
            fresh: NOT_FRESH,
            file: 1,
            kind: HELD,
            has_target: true,
        };
        for place in [
            Location::Spill {
                start: 5 << 32,
                len: u32::MAX,
            },
            Location::Journal { start: 17, len: 3 },
            Location::Held(u32::MAX),
            Location::Held(0),
        ] {
            added.set_place(place);
            assert_eq!(added.place(), place);
        }
    }
}
