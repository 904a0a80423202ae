//! The translation memory: one or more TMX files, indexed for exact, fuzzy and
//! concordance lookup, saved safely.
//!
//! The store never holds a model of every TU. Each file has an index (see
//! [`super::segment`]): per TU, where it is (its byte span in the file, or the TU itself
//! when the file is not UTF-8), a hash of the normalized source for exact lookup, the
//! fuzzy index's token arrays, and for drift checks the hash of the normalized target
//! ([`Memory::by_target`]: "the same Vietnamese for different English") and the entries of
//! each document and unit ([`Memory::document`]). A TU is parsed again from its span when
//! a lookup returns it or a save writes it.
//!
//! The index of a file is saved beside it (see [`super::cache`]) and, while the file does
//! not change, opened in place instead of being built again: sorted arrays searched by
//! binary search, hash tables probed where they lie. TUs added or replaced since loading
//! are indexed in memory, an overlay on the files' indexes; a save that rewrites files
//! loads them again, which rebuilds their indexes (and only theirs).
//!
//! # Saving: writes proportional to the change
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
//! same bytes a save of the whole memory always wrote.

use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use unic_langid::LanguageIdentifier;

use super::cache::{self, Rejected};
use super::concordance::{self, ClassPostings, ConcordanceIndex, SearchOptions};
use super::fuzzy::{FuzzyData, FuzzyHit, FuzzyIndex};
use super::journal::{self, HashingWriter, Identity, Journal, JournalError, Key, Spill};
use super::layout::ViParagraph;
use super::persist::{self, FileLock, Fingerprint, LockWait, PersistError, ReadOnly};
use super::segment::{
    ConcordanceSegment, FileMeta, HAS_TARGET, Keys, Place, Segment, SegmentBuilder, key_hash,
    unit_key,
};
use crate::text::normalize::normalize;
use crate::tmx::{self, Attr, Header, Meta, Prop, TmxError, TmxReader, TmxWriter, Tu};

/// Prop types songngu writes on the TUs its users create.
pub mod props {
    /// The document (article) id.
    pub const DOC: &str = "x-songngu-doc";
    /// The unit id inside the document.
    pub const UNIT: &str = "x-songngu-unit";
    /// The unit's position in the document, from 0.
    pub const ORDER: &str = "x-songngu-order";
    /// The English the translation was made from (kept when the English changes later).
    pub const SOURCE: &str = "x-songngu-source";
    /// `translated`, `reviewed` (or `needs-review`), or [`OMITTED`].
    pub const STATUS: &str = "x-songngu-status";
    /// Every unit a TU covers, in document order, separated by spaces, when it covers more
    /// than one (a translation that joins several English sentences): [`UNIT`] is the
    /// first of them. A TU without it covers its [`UNIT`] alone.
    pub const UNITS: &str = "x-songngu-units";
    /// The [`STATUS`] of an English unit the published translation leaves out on purpose
    /// (an English-only note): such a TU has no target variant at all, so that no tool
    /// takes an empty text for its translation.
    pub const OMITTED: &str = "omitted";
    /// The [`STATUS`] of Vietnamese published without English (an editor's addition, a
    /// 0-1 link): such a TU has no source variant at all, so that no tool offers it as the
    /// translation of an empty English text. It is tied to its place by [`AFTER`] or
    /// [`BEFORE`]; its [`ORDER`] is its position among the published Vietnamese sentences.
    pub const ADDED: &str = "added";
    /// Of an addition: the unit whose TU's Vietnamese it follows.
    pub const AFTER: &str = "x-songngu-after";
    /// Of an addition at the start of an article: the unit it comes before.
    pub const BEFORE: &str = "x-songngu-before";
    /// Where the published Vietnamese paragraphs differ from the English's, before this
    /// TU's Vietnamese: `new` (a break inside an English paragraph) or `same` (no break
    /// where the English has one); see [`crate::memory::layout`].
    pub const VI_PARAGRAPH: &str = "x-songngu-vi-paragraph";
    /// How sure the aligner was of the pair, 0-1, for TUs made by alignment.
    pub const CONFIDENCE: &str = "x-songngu-confidence";
}

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum MemoryError {
    #[error(transparent)]
    Tmx(#[from] TmxError),
    #[error(transparent)]
    Persist(#[from] PersistError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `path` holds `count` TUs that could not be read, each in `problems` with its line
    /// and column; saving the file would drop them.
    #[error("`{path}` has {count} damaged TUs that saving would drop; repair the file first")]
    DamagedTus {
        path: PathBuf,
        count: usize,
        problems: Vec<tmx::Problem>,
    },
    #[error("cannot save `{path}`: TUs {tus} hold characters XML cannot carry")]
    Unwritable { path: PathBuf, tus: String },
    #[error("`{path}` is not one of the memory's files")]
    UnknownFile { path: PathBuf },
    #[error("no TU number {id} in the memory")]
    UnknownEntry { id: u32 },
    /// [`Memory::open_preview`] opened it: a dry run saves nothing.
    #[error("the memory was opened for a dry run and cannot be saved")]
    Preview,
}

/// How [`Memory::open_for_update_with`] opens a memory for changing it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UpdateOptions {
    /// How long to wait for another writer.
    pub wait: LockWait,
    /// Whether a read-only memory file may be replaced (refused by default, before the
    /// lock is taken).
    pub read_only: ReadOnly,
}

impl UpdateOptions {
    pub fn new(wait: LockWait) -> UpdateOptions {
        UpdateOptions {
            wait,
            read_only: ReadOnly::Refuse,
        }
    }
}

/// Where the TU of an entry added or replaced since the TMX was loaded lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Location {
    /// Byte range of its XML in the file's journal (a change saved since the TMX was
    /// written whole).
    Journal { start: u64, len: u32 },
    /// Byte range of its XML in the spill file: new or changed, not saved yet.
    Spill { start: u64, len: u32 },
    /// Held in memory (index into the file's held TUs): new or changed when there is no
    /// spill file (a dry run that cannot make one, a TU XML cannot carry).
    Held(u32),
}

/// A TMX at least this large keeps a journal of changes; a smaller one is rewritten at
/// each save (that costs less than 50 ms, and keeps the TMX complete).
pub const JOURNAL_FROM: u64 = 4 << 20;

/// The journal is compacted into the TMX when it would grow past the TMX's size divided by
/// this: loading then reads at most an eighth more than the TMX alone.
pub const JOURNAL_RATIO: u64 = 8;

/// An entry added or replaced since the TMX was loaded (from its journal, or since the
/// memory was opened).
#[derive(Debug, Clone)]
struct Added {
    file: u16,
    /// Where its TU is.
    place: Location,
    has_target: bool,
    /// Saving position within the file: a replacement inherits its predecessor's.
    order: u32,
}

/// A loaded file's index: its entries are `base..base + segment.len()`.
struct Loaded {
    file: u16,
    base: u32,
    segment: Segment,
    /// The key the index was read or built under: the TMX as it was loaded.
    key: Vec<u8>,
    /// The file's concordance index, had on the first concordance search.
    concordance: OnceLock<Option<ConcordanceSegment>>,
}

/// One TMX file of the memory.
#[derive(Debug)]
struct MemoryFile {
    path: PathBuf,
    /// The attributes of `<tmx>` other than `version` (namespace declarations), written back.
    root_attrs: Vec<Attr>,
    header: Header,
    loaded: Option<Fingerprint>,
    held: Vec<Tu>,
    /// TU-level errors found while loading: such a file is never saved (it would lose them).
    damaged: usize,
    dirty: bool,
    /// Its journal of changes saved since the TMX was written whole, if it has one.
    journal: Option<Journal>,
    /// Its root attributes or header changed: the next save rewrites the TMX.
    layout_changed: bool,
}

/// A finding of loading: a skipped TU or a warning, with its file.
#[derive(Debug, Clone)]
pub struct LoadProblem {
    pub path: PathBuf,
    pub problem: tmx::Problem,
}

/// A lookup result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Match {
    /// The TU's entry in this memory, for [`Memory::replace`]; not part of any output.
    #[serde(skip)]
    pub entry: u32,
    /// 0-100; 100 for the same text after normalization.
    pub score: u8,
    pub source: String,
    pub target: Option<String>,
    pub tuid: Option<String>,
    /// The memory file the TU comes from.
    pub file: PathBuf,
    /// The TU's document and unit, for TUs songngu created.
    pub doc: Option<String>,
    pub unit: Option<String>,
    pub changed: Option<String>,
}

/// A concordance result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ConcordanceMatch {
    pub tuid: Option<String>,
    pub source: String,
    pub target: Option<String>,
    /// Byte ranges of the phrase in the searched text (the source, or the target when
    /// `in_target`).
    pub ranges: Vec<std::ops::Range<usize>>,
    pub in_target: bool,
    pub file: PathBuf,
}

/// A TU of a document, as [`Memory::document`] returns it: what drift checks compare
/// the current article with.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct StoredUnit {
    /// The TU's entry in this memory, for [`Memory::replace`].
    pub entry: u32,
    /// The unit id ([`props::UNIT`]); empty when the TU has none.
    pub unit: String,
    /// Every unit the TU covers, in order ([`props::UNITS`]); empty when it covers its
    /// [`StoredUnit::unit`] alone.
    pub units: Vec<String>,
    /// The position in the document ([`props::ORDER`]); `usize::MAX` when the TU has none
    /// or it is not a number.
    pub order: usize,
    /// The English the translation was made from: [`props::SOURCE`], else the source text.
    pub en: String,
    /// The translation (the target text), if the TU has one.
    pub vi: Option<String>,
    /// [`props::STATUS`].
    pub status: Option<String>,
    /// `changedate`, else `creationdate`.
    pub changed: Option<String>,
    pub tuid: Option<String>,
    /// Where the published Vietnamese paragraphs differ from the English's, before this
    /// TU's Vietnamese ([`props::VI_PARAGRAPH`]).
    pub vi_paragraph: Option<ViParagraph>,
    /// Of an addition ([`StoredUnit::is_added`]): the unit it follows ([`props::AFTER`]).
    pub after: Option<String>,
    /// Of an addition: the unit it comes before ([`props::BEFORE`]).
    pub before: Option<String>,
}

impl StoredUnit {
    /// Whether this is Vietnamese published without English ([`props::ADDED`]).
    pub fn is_added(&self) -> bool {
        self.status.as_deref() == Some(props::ADDED)
    }

    /// Whether the published translation leaves this unit out on purpose
    /// ([`props::OMITTED`]).
    pub fn is_omitted(&self) -> bool {
        self.status.as_deref() == Some(props::OMITTED)
    }

    /// The units the TU covers, in order: [`StoredUnit::units`], else its unit alone.
    pub fn covered(&self) -> Vec<&str> {
        if self.units.is_empty() {
            vec![self.unit.as_str()]
        } else {
            self.units.iter().map(String::as_str).collect()
        }
    }
}

/// Statistics of a memory.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct MemoryStats {
    pub tus: usize,
    /// TUs with both the source and the target language.
    pub translated: usize,
    pub files: usize,
}

/// Who is writing: recorded as `creationid` / `changeid`.
pub fn default_user() -> String {
    ["SONGNGU_USER", "USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| String::from("songngu"))
}

/// A translation memory.
pub struct Memory {
    source_lang: LanguageIdentifier,
    target_lang: LanguageIdentifier,
    files: Vec<MemoryFile>,
    /// The index of each loaded file, persisted beside it or built and then saved (see
    /// [`super::cache`]); entries `0..first_added` are theirs, file after file.
    loaded: Vec<Loaded>,
    first_added: u32,
    /// Entries from `first_added` on: TUs added or replaced since loading, indexed in the
    /// maps below (an overlay on the loaded indexes).
    added: Vec<Added>,
    /// One bit per entry: replaced by a newer version or removed (kept out of lookups and
    /// saves).
    superseded: Vec<u64>,
    /// Normalized-source hash → added entries.
    exact: HashMap<u64, Vec<u32>>,
    /// Normalized-target hash → added entries.
    targets: HashMap<u64, Vec<u32>>,
    /// Document id → its added entries.
    docs: HashMap<Box<str>, Vec<u32>>,
    /// Hash of (document id, unit id) → the added entries of that unit, superseded ones too
    /// (skipped when read): finding one unit must not read its whole document.
    units: HashMap<u64, Vec<u32>>,
    /// Document id → how many of its entries were superseded: a document is listed while
    /// it has more entries than that.
    left_docs: HashMap<Box<str>, usize>,
    fuzzy: FuzzyIndex,
    problems: Vec<LoadProblem>,
    _locks: Vec<FileLock>,
    /// TUs handed out by [`Memory::tu`]: the work a lookup did, which tests count.
    tus_read: AtomicUsize,
    /// Whether saving may replace a read-only file.
    read_only: ReadOnly,
    /// Opened by [`Memory::open_preview`]: never saved.
    preview: bool,
    /// Folders [`Memory::open_for_update`] made for new files, deepest first: removed
    /// again when the memory is dropped if nothing was saved in them.
    created_dirs: Vec<PathBuf>,
    /// Whether loading reads and writes the index files beside the memory.
    use_cache: bool,
    /// How each file's index was had, for tests and benchmarks.
    index_sources: Vec<IndexSource>,
    /// Where new and changed TUs wait for the save (made with the first of them).
    spill: Option<Spill>,
    /// No spill file could be made: new and changed TUs are held in memory.
    no_spill: bool,
    /// Entries made since the last save (new or changed TUs) → the saved entry each stands
    /// in for (`None` for a new TU). Superseded ones are taken out.
    fresh: HashMap<u32, Option<u32>>,
    /// Saved entries removed since the last save, with nothing in their place.
    dropped: Vec<u32>,
    /// [`JOURNAL_FROM`]; tests lower it to journal small files.
    journal_from: u64,
}

impl Drop for Memory {
    fn drop(&mut self) {
        // The locks go first (their sidecars are in these folders).
        self._locks.clear();
        for dir in &self.created_dirs {
            // Only an empty folder goes: a failed command leaves nothing new behind.
            let _ = std::fs::remove_dir(dir);
        }
    }
}

/// How a file's index was had when it was loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndexSource {
    /// Read from the index file beside the memory.
    Cache,
    /// Built from the TMX, because the index file was missing, stale, truncated or
    /// corrupted (or the cache is not used); then saved if the folder allows.
    Built(Rejected),
}

/// How a memory file is opened: its journal is cleaned (an obsolete one removed, an
/// uncommitted tail cut off) only by a writer holding the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    Read,
    Update,
}

/// Where an entry is.
enum At<'m> {
    Loaded(&'m Loaded, usize),
    Added(&'m Added),
}

impl Memory {
    /// An empty memory translating `source_lang` into `target_lang`.
    pub fn new(source_lang: LanguageIdentifier, target_lang: LanguageIdentifier) -> Memory {
        Memory {
            source_lang,
            target_lang,
            files: Vec::new(),
            loaded: Vec::new(),
            first_added: 0,
            added: Vec::new(),
            superseded: Vec::new(),
            exact: HashMap::new(),
            targets: HashMap::new(),
            docs: HashMap::new(),
            units: HashMap::new(),
            left_docs: HashMap::new(),
            fuzzy: FuzzyIndex::new(),
            problems: Vec::new(),
            _locks: Vec::new(),
            tus_read: AtomicUsize::new(0),
            read_only: ReadOnly::Refuse,
            preview: false,
            created_dirs: Vec::new(),
            use_cache: true,
            index_sources: Vec::new(),
            spill: None,
            no_spill: false,
            fresh: HashMap::new(),
            dropped: Vec::new(),
            journal_from: JOURNAL_FROM,
        }
    }

    /// Loads `paths` for reading only.
    pub fn open(
        paths: &[PathBuf],
        source_lang: LanguageIdentifier,
        target_lang: LanguageIdentifier,
    ) -> Result<Memory, MemoryError> {
        Memory::open_with_cache(paths, source_lang, target_lang, true)
    }

    /// [`Memory::open`], with (`use_cache`) or without the index files beside the memory:
    /// without, every file is indexed from its TMX and no index file is read or written.
    pub fn open_with_cache(
        paths: &[PathBuf],
        source_lang: LanguageIdentifier,
        target_lang: LanguageIdentifier,
        use_cache: bool,
    ) -> Result<Memory, MemoryError> {
        let mut memory = Memory::new(source_lang, target_lang);
        memory.use_cache = use_cache;
        for path in paths {
            memory.load_file(path)?;
            memory.apply_journal(Access::Read)?;
        }
        Ok(memory)
    }

    /// How each loaded file's index was had, in file order.
    pub fn index_sources(&self) -> &[IndexSource] {
        &self.index_sources
    }

    /// Loads `paths` for changing them: each file's lock is taken first (waiting as told) and
    /// held until the memory is dropped. A file that does not exist yet starts empty. A
    /// read-only file is refused (see [`Memory::open_for_update_with`]).
    pub fn open_for_update(
        paths: &[PathBuf],
        source_lang: LanguageIdentifier,
        target_lang: LanguageIdentifier,
        wait: LockWait,
    ) -> Result<Memory, MemoryError> {
        Memory::open_for_update_with(paths, source_lang, target_lang, UpdateOptions::new(wait))
    }

    /// [`Memory::open_for_update`] with options. A read-only file is refused before
    /// anything is locked or created, unless `options.read_only` allows it; a symbolic link
    /// is followed (locked and saved where it points), and a link to nothing is an error.
    pub fn open_for_update_with(
        paths: &[PathBuf],
        source_lang: LanguageIdentifier,
        target_lang: LanguageIdentifier,
        options: UpdateOptions,
    ) -> Result<Memory, MemoryError> {
        let mut memory = Memory::new(source_lang, target_lang);
        memory.read_only = options.read_only;
        // Everything that can be told without the lock is checked before anything is
        // locked or created: a lock file only ever stands beside a memory.
        for path in paths {
            crate::fsio::resolve_link(path).map_err(PersistError::from)?;
            crate::fsio::check_writable(path, options.read_only).map_err(PersistError::from)?;
            match std::fs::metadata(path) {
                Ok(meta) if !meta.is_file() => {
                    return Err(PersistError::from(crate::fsio::FsError::NotWritable {
                        path: path.clone(),
                    })
                    .into());
                }
                // Its start (the root element, the header) must be TMX.
                Ok(_) => drop(TmxReader::open(path)?),
                Err(_) => {}
            }
        }
        for path in paths {
            // A new memory may live in a folder that does not exist yet (`tmx/`).
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
                && !parent.exists()
            {
                let missing: Vec<PathBuf> = parent
                    .ancestors()
                    .take_while(|dir| !dir.as_os_str().is_empty() && !dir.exists())
                    .map(Path::to_owned)
                    .collect();
                std::fs::create_dir_all(parent).map_err(|source| MemoryError::Io {
                    path: parent.to_owned(),
                    source,
                })?;
                memory.created_dirs.extend(missing);
            }
            memory._locks.push(persist::lock(path, options.wait)?);
            // Leftovers of a crashed save are safe to remove under the lock.
            for stale in persist::stale_temp_files(path) {
                let _ = std::fs::remove_file(stale);
            }
            memory.add_file(path, Access::Update)?;
        }
        Ok(memory)
    }

    /// Loads `paths` as [`Memory::open_for_update`] would, for a dry run: nothing is
    /// locked, created or cleaned, files that do not exist start empty, and
    /// [`Memory::save`] refuses.
    pub fn open_preview(
        paths: &[PathBuf],
        source_lang: LanguageIdentifier,
        target_lang: LanguageIdentifier,
    ) -> Result<Memory, MemoryError> {
        let mut memory = Memory::new(source_lang, target_lang);
        memory.preview = true;
        // A dry run writes nothing, not even the index beside the memory.
        memory.use_cache = false;
        for path in paths {
            crate::fsio::resolve_link(path).map_err(PersistError::from)?;
            memory.add_file(path, Access::Read)?;
        }
        Ok(memory)
    }

    /// Loads `path` with its journal, or starts it empty if it does not exist.
    fn add_file(&mut self, path: &Path, access: Access) -> Result<(), MemoryError> {
        if path.exists() {
            self.load_file(path)?;
        } else {
            self.files.push(MemoryFile {
                path: path.to_owned(),
                root_attrs: Vec::new(),
                header: songngu_header(&self.source_lang),
                loaded: None,
                held: Vec::new(),
                damaged: 0,
                dirty: true,
                journal: None,
                layout_changed: false,
            });
        }
        self.apply_journal(access)
    }

    /// Applies the journal of the file loaded last, on top of its TMX's index: its
    /// committed changes, in order, as entries added since loading. With
    /// [`Access::Update`] (the lock held) an obsolete journal is removed and an uncommitted
    /// tail cut off.
    fn apply_journal(&mut self, access: Access) -> Result<(), MemoryError> {
        let index = self.files.len() - 1;
        let file_id = u16::try_from(index).unwrap_or(u16::MAX);
        let path = self.files[index].path.clone();
        let real = crate::fsio::resolve_link(&path).map_err(PersistError::from)?;
        let Some((journal, ops)) = Journal::open(&real, access == Access::Update)? else {
            return Ok(());
        };
        let journal_path = journal.path().to_owned();
        self.files[index].journal = Some(journal);
        let mismatch = || JournalError::Mismatch {
            journal: journal_path.clone(),
            tmx: path.clone(),
        };
        // Journal TU → its entry.
        let mut by_start: HashMap<u64, u32> = HashMap::new();
        let mut open = HashMap::new();
        for op in ops {
            let (key, put) = op.parts();
            let old = match key {
                None => None,
                Some(Key::Tmx { start, len, crc }) => {
                    let (id, span_len) = self.tmx_entry_at(file_id, start).ok_or_else(mismatch)?;
                    if span_len != len {
                        return Err(mismatch().into());
                    }
                    let bytes = self.span_bytes(index, start, len)?;
                    if journal::Crc32::of(&bytes) != crc {
                        return Err(mismatch().into());
                    }
                    Some(id)
                }
                Some(Key::Journal { start }) => {
                    Some(*by_start.get(&start).ok_or_else(|| JournalError::Damaged {
                        path: journal_path.clone(),
                        reason: String::from("a change to a TU that is not there"),
                    })?)
                }
            };
            let mut order = None;
            if let Some(old) = old {
                if self.is_superseded(old) {
                    return Err(JournalError::Damaged {
                        path: journal_path.clone(),
                        reason: String::from("a change to a TU changed before"),
                    }
                    .into());
                }
                let tu = self.tu(old, &mut open)?;
                self.supersede(old);
                if let Some(doc) = tu.prop(props::DOC) {
                    self.leave_document(doc);
                }
                order = Some(self.order_of(old));
            }
            if let Some((start, len)) = put {
                let tu = self.journal_tu(index, start, len)?;
                let order = order.unwrap_or_else(|| self.entry_count());
                let id = self.index_added(file_id, Location::Journal { start, len }, &tu, order);
                by_start.insert(start, id);
            }
        }
        Ok(())
    }

    /// The entry of file `file`'s TMX whose span starts at `start`, with the span's length:
    /// found by binary search in the file's index (its TUs are indexed in file order, so
    /// their spans ascend).
    fn tmx_entry_at(&self, file: u16, start: u64) -> Option<(u32, u32)> {
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
    fn span_bytes(&self, index: usize, start: u64, len: u32) -> Result<Vec<u8>, MemoryError> {
        let path = &self.files[index].path;
        let io = |source| MemoryError::Io {
            path: path.clone(),
            source,
        };
        let file = File::open(path).map_err(io)?;
        let mut bytes = vec![0u8; len as usize];
        read_exact_at(&file, &mut bytes, start).map_err(io)?;
        Ok(bytes)
    }

    /// The TU whose XML is at `start..start + len` of file `index`'s journal.
    fn journal_tu(&self, index: usize, start: u64, len: u32) -> Result<Tu, MemoryError> {
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

    /// Loads one file: its index from the cache folder when there is a current one, else
    /// by reading the TMX (and then the index is saved for the next time, best effort).
    fn load_file(&mut self, path: &Path) -> Result<(), MemoryError> {
        let loaded = persist::fingerprint(path)?;
        let langs = self.langs_key();
        let index_path = cache::index_path(path).filter(|_| self.use_cache);
        // A file that cannot be read has no key; reading it below says why.
        let key = cache::key(path, langs.as_bytes()).ok();
        let mut rejected = Rejected::Missing;
        if let (Some(index_path), Some(key)) = (&index_path, &key) {
            match Segment::open(index_path, key) {
                Ok((segment, meta)) => {
                    self.push_file(path, loaded, meta, Vec::new(), segment, key.clone());
                    self.index_sources.push(IndexSource::Cache);
                    return Ok(());
                }
                Err(why) => rejected = why,
            }
        }
        let mut reader = TmxReader::open(path)?;
        let header = reader.header().clone();
        let mut builder = SegmentBuilder::default();
        let mut held = Vec::new();
        while let Some(record) = reader.next_tu()? {
            let place = match &record.span {
                Some(span) => Place::Span {
                    start: span.start,
                    len: u32::try_from(span.end - span.start).unwrap_or(u32::MAX),
                },
                None => Place::Held(u32::try_from(held.len()).unwrap_or(u32::MAX)),
            };
            builder.add(
                place,
                &Keys::of(&record.tu, &self.source_lang, &self.target_lang),
            );
            if record.span.is_none() {
                held.push(record.tu);
            }
        }
        // After the TUs: the reader moves namespace declarations of `<body>` to the root.
        let meta = FileMeta {
            header,
            root_attrs: reader.root_attrs().to_vec(),
            problems: reader.take_problems(),
        };
        drop(reader);
        let key = key.unwrap_or_default();
        let image = builder.finish(&key, &meta);
        // Only an index of the file as it was read is kept, and only of a UTF-8 file (the
        // TUs of another encoding are held in memory, not found again by their spans).
        if let Some(index_path) = index_path
            && held.is_empty()
            && cache::key(path, langs.as_bytes()).is_ok_and(|now| now == key)
        {
            let _ = cache::save(&index_path, &image);
        }
        let (segment, _) = Segment::built(image, &key).map_err(|why| MemoryError::Io {
            path: path.to_owned(),
            source: std::io::Error::other(format!("the index built is unusable: {why:?}")),
        })?;
        self.push_file(path, loaded, meta, held, segment, key);
        self.index_sources.push(IndexSource::Built(rejected));
        Ok(())
    }

    fn push_file(
        &mut self,
        path: &Path,
        loaded: Option<Fingerprint>,
        meta: FileMeta,
        held: Vec<Tu>,
        segment: Segment,
        key: Vec<u8>,
    ) {
        let file = u16::try_from(self.files.len()).unwrap_or(u16::MAX);
        let mut damaged = 0;
        for problem in meta.problems {
            if problem.severity == tmx::Severity::Error {
                damaged += 1;
            }
            self.problems.push(LoadProblem {
                path: path.to_owned(),
                problem,
            });
        }
        self.files.push(MemoryFile {
            path: path.to_owned(),
            root_attrs: meta.root_attrs,
            header: meta.header,
            loaded,
            held,
            damaged,
            dirty: false,
            journal: None,
            layout_changed: false,
        });
        let len = u32::try_from(segment.len()).unwrap_or(u32::MAX);
        self.loaded.push(Loaded {
            file,
            base: self.first_added,
            segment,
            key,
            concordance: OnceLock::new(),
        });
        self.first_added = self.first_added.saturating_add(len);
    }

    /// The number of entry ids given out.
    fn entry_count(&self) -> u32 {
        self.first_added
            .saturating_add(u32::try_from(self.added.len()).unwrap_or(u32::MAX))
    }

    fn at(&self, id: u32) -> Option<At<'_>> {
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

    fn is_superseded(&self, id: u32) -> bool {
        self.superseded
            .get(id as usize / 64)
            .is_some_and(|bits| bits >> (id % 64) & 1 == 1)
    }

    fn supersede(&mut self, id: u32) {
        let word = id as usize / 64;
        if self.superseded.len() <= word {
            self.superseded.resize(word + 1, 0);
        }
        self.superseded[word] |= 1 << (id % 64);
    }

    /// Whether `id` is an entry that still answers (not superseded).
    fn is_live(&self, id: u32) -> bool {
        id < self.entry_count() && !self.is_superseded(id)
    }

    /// The file of entry `id` (a known one).
    fn file_of(&self, id: u32) -> u16 {
        match self.at(id) {
            Some(At::Loaded(loaded, _)) => loaded.file,
            Some(At::Added(added)) => added.file,
            None => u16::MAX,
        }
    }

    /// The saving position of entry `id` within its file: loaded entries keep their place,
    /// a new one goes last, a replacement takes its predecessor's.
    fn order_of(&self, id: u32) -> u32 {
        match self.at(id) {
            Some(At::Added(added)) => added.order,
            _ => id,
        }
    }

    /// Indexes a TU of file `file` added or replaced since its TMX was loaded, which is at
    /// `place`.
    fn index_added(&mut self, file: u16, place: Location, tu: &Tu, order: u32) -> u32 {
        let id = self.entry_count();
        let keys = Keys::of(tu, &self.source_lang, &self.target_lang);
        self.added.push(Added {
            file,
            place,
            has_target: keys.target_hash.is_some(),
            order,
        });
        if let Some(hash) = keys.target_hash {
            self.targets.entry(hash).or_default().push(id);
        }
        if let Some(doc) = keys.doc {
            self.docs.entry(Box::from(doc)).or_default().push(id);
            if let Some(unit) = keys.unit {
                self.units.entry(unit_key(doc, unit)).or_default().push(id);
            }
        }
        if let Some(source) = &keys.source {
            self.exact.entry(key_hash(source)).or_default().push(id);
            self.fuzzy.insert_normalized(id, source);
        }
        id
    }

    /// Findings of loading (skipped TUs, warnings), with their files.
    pub fn problems(&self) -> &[LoadProblem] {
        &self.problems
    }

    /// Fails with [`MemoryError::DamagedTus`] for the first file that has TUs that could
    /// not be read. Commands that change the memory call it before anything else: their
    /// save would drop those TUs, and what they decide from the memory would miss them.
    pub fn refuse_damaged(&self) -> Result<(), MemoryError> {
        match self.files.iter().find(|file| file.damaged > 0) {
            Some(file) => Err(self.damaged_error(file)),
            None => Ok(()),
        }
    }

    fn damaged_error(&self, file: &MemoryFile) -> MemoryError {
        MemoryError::DamagedTus {
            path: file.path.clone(),
            count: file.damaged,
            problems: self
                .problems
                .iter()
                .filter(|p| p.path == file.path && p.problem.severity == tmx::Severity::Error)
                .map(|p| p.problem.clone())
                .collect(),
        }
    }

    pub fn stats(&self) -> MemoryStats {
        let (mut tus, mut translated) = (0, 0);
        for loaded in &self.loaded {
            for entry in 0..loaded.segment.len() {
                if !self.is_superseded(loaded.base + entry as u32) {
                    tus += 1;
                    translated += usize::from(loaded.segment.flags(entry) & HAS_TARGET != 0);
                }
            }
        }
        for (i, added) in self.added.iter().enumerate() {
            if !self.is_superseded(self.first_added + i as u32) {
                tus += 1;
                translated += usize::from(added.has_target);
            }
        }
        MemoryStats {
            tus,
            translated,
            files: self.files.len(),
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
            + [&self.exact, &self.targets, &self.units]
                .iter()
                .map(|map| {
                    map.values()
                        .map(|ids| ids.capacity() * 4 + 8 + 24 + 1)
                        .sum::<usize>()
                })
                .sum::<usize>()
            + self
                .docs
                .iter()
                .map(|(doc, ids)| doc.len() + ids.capacity() * 4 + 16 + 24 + 1)
                .sum::<usize>()
            + self.fuzzy.memory_usage()
    }

    /// How many TUs lookups have read so far (parsed from disk or copied from memory): a
    /// measure of work that does not depend on the machine.
    pub fn tus_read(&self) -> usize {
        self.tus_read.load(Ordering::Relaxed)
    }

    /// The TU of entry `id`, parsed from its file if need be.
    fn tu(&self, id: u32, open: &mut HashMap<u16, File>) -> Result<Tu, MemoryError> {
        self.tus_read.fetch_add(1, Ordering::Relaxed);
        let (file_index, place) = match self.at(id) {
            Some(At::Loaded(loaded, entry)) => (loaded.file, loaded.segment.place(entry)),
            Some(At::Added(added)) => match added.place {
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
                let mut bytes = vec![0u8; len as usize];
                read_exact_at(handle, &mut bytes, start).map_err(|source| MemoryError::Io {
                    path: file.path.clone(),
                    source,
                })?;
                Ok(tmx::parse_tu(&file.path, &bytes, start)?)
            }
        }
    }

    fn to_match(
        &self,
        id: u32,
        score: u8,
        open: &mut HashMap<u16, File>,
    ) -> Result<Match, MemoryError> {
        let tu = self.tu(id, open)?;
        Ok(self.match_of(id, score, &tu))
    }

    /// The match of entry `id`, whose TU is `tu`.
    fn match_of(&self, id: u32, score: u8, tu: &Tu) -> Match {
        Match {
            entry: id,
            score,
            source: tu
                .tuv(&self.source_lang)
                .map(|t| t.seg.plain_text())
                .unwrap_or_default(),
            target: tu.tuv(&self.target_lang).map(|t| t.seg.plain_text()),
            tuid: tu.attr("tuid").map(str::to_owned),
            file: self.files[self.file_of(id) as usize].path.clone(),
            doc: tu.prop(props::DOC).map(str::to_owned),
            unit: tu.prop(props::UNIT).map(str::to_owned),
            changed: tu
                .attr("changedate")
                .or_else(|| tu.attr("creationdate"))
                .map(str::to_owned),
        }
    }

    /// Entries whose source equals `source` after normalization, in memory order.
    fn exact_ids(
        &self,
        source: &str,
        open: &mut HashMap<u16, File>,
    ) -> Result<Vec<u32>, MemoryError> {
        let wanted = normalize(source);
        let hash = key_hash(&wanted);
        let mut ids = Vec::new();
        for id in self.with_hash(hash, |s| s.exact(hash), &self.exact) {
            // The hash only narrows; the text decides.
            if self.is_live(id) {
                let tu = self.tu(id, open)?;
                if tu
                    .tuv(&self.source_lang)
                    .is_some_and(|t| normalize(&t.seg.plain_text()) == wanted)
                {
                    ids.push(id);
                }
            }
        }
        ids.sort_unstable();
        Ok(ids)
    }

    /// The entries, superseded ones too, that a loaded index (`in_segment`) or the map of
    /// added entries files under `hash`.
    fn with_hash(
        &self,
        hash: u64,
        in_segment: impl Fn(&Segment) -> &[u32],
        added: &HashMap<u64, Vec<u32>>,
    ) -> Vec<u32> {
        let mut ids = Vec::new();
        for loaded in &self.loaded {
            ids.extend(in_segment(&loaded.segment).iter().map(|&e| loaded.base + e));
        }
        ids.extend(added.get(&hash).into_iter().flatten());
        ids
    }

    /// The TU's source and target text, when it has both of the memory's languages.
    pub fn pair(&self, tu: &Tu) -> Option<(String, String)> {
        let source = tu.tuv(&self.source_lang)?.seg.plain_text();
        let target = tu.tuv(&self.target_lang)?.seg.plain_text();
        Some((source, target))
    }

    /// Live entries whose source variant has exactly the content of `tu`'s (text with its
    /// whitespace and Unicode form, and markup: [`tmx::Seg::same_content`]), with their TUs,
    /// in memory order. Import finds the copies of a TU among them. Empty when `tu` has no
    /// variant in the source language.
    pub fn with_source_of(&self, tu: &Tu) -> Result<Vec<(u32, Tu)>, MemoryError> {
        let Some(source) = tu.tuv(&self.source_lang) else {
            return Ok(Vec::new());
        };
        let mut open = HashMap::new();
        let mut found = Vec::new();
        // The normalized lookup narrows; the exact content decides.
        for id in self.exact_ids(&source.seg.plain_text(), &mut open)? {
            let candidate = self.tu(id, &mut open)?;
            if candidate
                .tuv(&self.source_lang)
                .is_some_and(|t| t.seg.same_content(&source.seg))
            {
                found.push((id, candidate));
            }
        }
        Ok(found)
    }

    /// Adds the namespace declarations `declarations` (`xmlns:ex="..."`) to the `<tmx>` of
    /// file `file` (the first when `None`), so TUs imported from a file that declared them
    /// there stay namespace-well-formed. Gives back those it cannot add because the file
    /// binds the prefix to another URI (the caller declares them on the TU instead).
    pub fn declare_namespaces(
        &mut self,
        file: Option<&Path>,
        declarations: &[Attr],
    ) -> Result<Vec<Attr>, MemoryError> {
        let index = self.file_index(file)?;
        let memory_file = &mut self.files[index];
        let mut conflicting = Vec::new();
        for declaration in declarations {
            match tmx::attr_value(&memory_file.root_attrs, &declaration.name) {
                None => {
                    memory_file.root_attrs.push(declaration.clone());
                    memory_file.dirty = true;
                    memory_file.layout_changed = true;
                }
                Some(value) if value == declaration.value => {}
                Some(_) => conflicting.push(declaration.clone()),
            }
        }
        Ok(conflicting)
    }

    /// The index of file `file` (the first when `None`).
    fn file_index(&self, file: Option<&Path>) -> Result<usize, MemoryError> {
        let index = match file {
            None => 0,
            Some(path) => self
                .files
                .iter()
                .position(|f| f.path == path)
                .ok_or_else(|| MemoryError::UnknownFile {
                    path: path.to_owned(),
                })?,
        };
        if index >= self.files.len() {
            return Err(MemoryError::UnknownFile {
                path: file.map(Path::to_owned).unwrap_or_default(),
            });
        }
        Ok(index)
    }

    /// TUs whose source is `source` (after normalization): O(1) by hash.
    pub fn exact(&self, source: &str) -> Result<Vec<Match>, MemoryError> {
        let mut open = HashMap::new();
        let ids = self.exact_ids(source, &mut open)?;
        ids.into_iter()
            .map(|id| self.to_match(id, 100, &mut open))
            .collect()
    }

    /// Live TUs whose target equals `target` after normalization, in memory order: O(1)
    /// by hash, like [`Memory::exact`] for sources. Score 100. Finds the same Vietnamese
    /// used for different English.
    pub fn by_target(&self, target: &str) -> Result<Vec<Match>, MemoryError> {
        let mut open = HashMap::new();
        let wanted = normalize(target);
        let hash = key_hash(&wanted);
        let mut ids = Vec::new();
        for id in self.with_hash(hash, |s| s.targets(hash), &self.targets) {
            if self.is_live(id) {
                // The hash only narrows; the text decides.
                let tu = self.tu(id, &mut open)?;
                if tu
                    .tuv(&self.target_lang)
                    .is_some_and(|t| normalize(&t.seg.plain_text()) == wanted)
                {
                    ids.push(id);
                }
            }
        }
        ids.sort_unstable();
        ids.into_iter()
            .map(|id| self.to_match(id, 100, &mut open))
            .collect()
    }

    /// The ids of the documents that have TUs in the memory (the [`props::DOC`] prop),
    /// sorted.
    pub fn documents(&self) -> Vec<String> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for loaded in &self.loaded {
            for (doc, ids) in loaded.segment.docs() {
                *counts.entry(doc).or_default() += ids.len();
            }
        }
        for (doc, ids) in &self.docs {
            *counts.entry(doc).or_default() += ids.len();
        }
        let mut docs: Vec<String> = counts
            .into_iter()
            .filter(|(doc, count)| *count > self.left_docs.get(*doc).copied().unwrap_or(0))
            .map(|(doc, _)| doc.to_owned())
            .collect();
        docs.sort_unstable();
        docs
    }

    /// The live TUs of document `doc`, in document order: by their [`props::ORDER`] prop
    /// (TUs without one last), then in memory order (file, then position in the file).
    /// Empty for a document the memory does not know.
    pub fn document(&self, doc: &str) -> Result<Vec<StoredUnit>, MemoryError> {
        let mut ids = Vec::new();
        for loaded in &self.loaded {
            if let Some(entries) = loaded.segment.doc(doc) {
                ids.extend(entries.iter().map(|&e| loaded.base + e));
            }
        }
        ids.extend(self.docs.get(doc).into_iter().flatten());
        // An addition has no English: it is no unit of the article (see
        // [`Memory::document_additions`]).
        self.stored_units(&ids, |tu| tu.prop(props::STATUS) != Some(props::ADDED))
    }

    /// [`Memory::document`] and [`Memory::document_additions`], reading the document's
    /// TUs once.
    pub fn document_and_additions(
        &self,
        doc: &str,
    ) -> Result<(Vec<StoredUnit>, Vec<StoredUnit>), MemoryError> {
        let all = self.document_tus_where(doc, |_| true)?;
        Ok(all.into_iter().partition(|u| !u.is_added()))
    }

    /// The additions of document `doc` (Vietnamese published without English,
    /// [`props::ADDED`]), in the order they were published.
    pub fn document_additions(&self, doc: &str) -> Result<Vec<StoredUnit>, MemoryError> {
        self.document_tus_where(doc, |tu| tu.prop(props::STATUS) == Some(props::ADDED))
    }

    fn document_tus_where(
        &self,
        doc: &str,
        keep: impl Fn(&Tu) -> bool,
    ) -> Result<Vec<StoredUnit>, MemoryError> {
        let mut ids = Vec::new();
        for loaded in &self.loaded {
            if let Some(entries) = loaded.segment.doc(doc) {
                ids.extend(entries.iter().map(|&e| loaded.base + e));
            }
        }
        ids.extend(self.docs.get(doc).into_iter().flatten());
        self.stored_units(&ids, keep)
    }

    /// The live TU of unit `unit` of document `doc`: the first in document order when there
    /// are several. Reads only that unit's TUs, not the document's.
    pub fn document_unit(&self, doc: &str, unit: &str) -> Result<Option<StoredUnit>, MemoryError> {
        let key = unit_key(doc, unit);
        let ids = self.with_hash(key, |s| s.unit(key), &self.units);
        // A hash collision could bring another unit's TU: keep only the ones that say so.
        let is_it =
            |tu: &Tu| tu.prop(props::DOC) == Some(doc) && tu.prop(props::UNIT) == Some(unit);
        Ok(self.stored_units(&ids, is_it)?.into_iter().next())
    }

    /// The live TUs among `ids`, read and sorted in document order: by their
    /// [`props::ORDER`] prop (TUs without one last), then in memory order.
    fn stored_units(
        &self,
        ids: &[u32],
        keep: impl Fn(&Tu) -> bool,
    ) -> Result<Vec<StoredUnit>, MemoryError> {
        let mut open = HashMap::new();
        let mut units = Vec::with_capacity(ids.len());
        for &id in ids {
            if !self.is_live(id) {
                continue;
            }
            let tu = self.tu(id, &mut open)?;
            if !keep(&tu) {
                continue;
            }
            let source = tu.tuv(&self.source_lang).map(|t| t.seg.plain_text());
            let unit = StoredUnit {
                entry: id,
                unit: tu.prop(props::UNIT).unwrap_or_default().to_owned(),
                units: tu
                    .prop(props::UNITS)
                    .map(|units| units.split_whitespace().map(str::to_owned).collect())
                    .unwrap_or_default(),
                order: tu
                    .prop(props::ORDER)
                    .and_then(|o| o.trim().parse().ok())
                    .unwrap_or(usize::MAX),
                en: tu
                    .prop(props::SOURCE)
                    .map(str::to_owned)
                    .or(source)
                    .unwrap_or_default(),
                vi: tu.tuv(&self.target_lang).map(|t| t.seg.plain_text()),
                status: tu.prop(props::STATUS).map(str::to_owned),
                changed: tu
                    .attr("changedate")
                    .or_else(|| tu.attr("creationdate"))
                    .map(str::to_owned),
                tuid: tu.attr("tuid").map(str::to_owned),
                vi_paragraph: tu.prop(props::VI_PARAGRAPH).and_then(ViParagraph::parse),
                after: tu.prop(props::AFTER).map(str::to_owned),
                before: tu.prop(props::BEFORE).map(str::to_owned),
            };
            units.push(((unit.order, self.file_of(id), self.order_of(id), id), unit));
        }
        units.sort_unstable_by_key(|(key, _)| *key);
        Ok(units.into_iter().map(|(_, unit)| unit).collect())
    }

    /// The best matches for `query` scoring at least `min`, best first, at most `limit`.
    pub fn lookup(&self, query: &str, min: u8, limit: usize) -> Result<Vec<Match>, MemoryError> {
        let mut open = HashMap::new();
        // Ask for more than `limit`: superseded versions are skipped afterwards. Each index
        // gives its best; the best of those are the best of all (the score of a pair does
        // not depend on the index, and ties go to the lower id everywhere).
        let wanted = limit.saturating_add(8);
        let mut hits = Vec::new();
        for loaded in &self.loaded {
            if let Some(view) = loaded.segment.fuzzy() {
                hits.extend(
                    view.find(query, min, wanted)
                        .into_iter()
                        .map(|hit| FuzzyHit {
                            id: loaded.base + hit.id,
                            score: hit.score,
                        }),
                );
            }
        }
        hits.extend(self.fuzzy.search(query, min, wanted));
        hits.sort_unstable_by_key(|hit| (std::cmp::Reverse(hit.score), hit.id));
        hits.truncate(wanted);
        let mut matches = Vec::with_capacity(limit);
        for hit in hits {
            if matches.len() == limit {
                break;
            }
            if self.is_superseded(hit.id) {
                continue;
            }
            matches.push(self.to_match(hit.id, hit.score, &mut open)?);
        }
        Ok(matches)
    }

    /// TUs whose source (or, with `in_target`, target) contains `phrase`, in memory order,
    /// at most `limit`. The concordance index is built for the query from the files, so a
    /// memory loaded only for lookups does not carry the text of every TU.
    pub fn concordance(
        &self,
        phrase: &str,
        in_target: bool,
        options: SearchOptions,
        limit: usize,
    ) -> Result<Vec<ConcordanceMatch>, MemoryError> {
        let lang = if in_target {
            &self.target_lang
        } else {
            &self.source_lang
        };
        let keys = concordance::phrase_keys(phrase);
        let mut found = Vec::new();
        if keys.is_empty() || limit == 0 {
            return Ok(found);
        }
        let mut open = HashMap::new();
        // The phrase is matched in each candidate's text, in memory order, until `limit`
        // are found: a file's concordance index narrows the candidates to the entries that
        // hold every fold class of the phrase; without one (the TMX changed since it was
        // loaded) and for TUs added since, every entry is a candidate.
        let mut check = |id: u32, found: &mut Vec<ConcordanceMatch>| -> Result<bool, MemoryError> {
            if self.is_superseded(id) {
                return Ok(false);
            }
            let tu = self.tu(id, &mut open)?;
            let Some(tuv) = tu.tuv(lang) else {
                return Ok(false);
            };
            let mut one = ConcordanceIndex::new();
            one.insert(id, &tuv.seg.plain_text());
            if let Some(hit) = one.search(phrase, options).pop() {
                let found_match = self.match_of(id, 0, &tu);
                found.push(ConcordanceMatch {
                    tuid: found_match.tuid,
                    source: found_match.source,
                    target: found_match.target,
                    ranges: hit.ranges,
                    in_target,
                    file: found_match.file,
                });
            }
            Ok(found.len() >= limit)
        };
        for loaded in &self.loaded {
            let index = loaded
                .concordance
                .get_or_init(|| self.concordance_index(loaded));
            let candidates: Vec<u32> = match index.as_ref().and_then(|i| i.side(in_target)) {
                Some(side) => side.candidates(&keys),
                None => (0..loaded.segment.len() as u32).collect(),
            };
            for entry in candidates {
                if check(loaded.base + entry, &mut found)? {
                    return Ok(found);
                }
            }
        }
        for id in self.first_added..self.entry_count() {
            if check(id, &mut found)? {
                break;
            }
        }
        Ok(found)
    }

    /// The concordance index of a loaded file: read from the cache folder, or built from
    /// the TMX (and saved, best effort). `None` when the TMX is no longer the file that
    /// was loaded.
    fn concordance_index(&self, loaded: &Loaded) -> Option<ConcordanceSegment> {
        let path = &self.files[loaded.file as usize].path;
        let langs = self.langs_key();
        if cache::key(path, langs.as_bytes()).ok()? != loaded.key {
            return None;
        }
        let key = cache::key(path, format!("{langs}\nconcordance").as_bytes()).ok()?;
        let index_path = cache::index_path_named(path, "conc.idx").filter(|_| self.use_cache);
        if let Some(index_path) = &index_path
            && let Ok(index) = ConcordanceSegment::open(index_path, &key, loaded.segment.len())
        {
            return Some(index);
        }
        let mut reader = TmxReader::open(path).ok()?;
        let (mut sources, mut targets) = (ClassPostings::default(), ClassPostings::default());
        let mut entries = 0u32;
        let mut held = false;
        while let Some(record) = reader.next_tu().ok()? {
            if let Some(tuv) = record.tu.tuv(&self.source_lang) {
                sources.add(entries, &tuv.seg.plain_text());
            }
            if let Some(tuv) = record.tu.tuv(&self.target_lang) {
                targets.add(entries, &tuv.seg.plain_text());
            }
            held |= record.span.is_none();
            entries += 1;
        }
        drop(reader);
        // The file read must be the file loaded, TU for TU.
        if entries as usize != loaded.segment.len()
            || cache::key(path, langs.as_bytes()).ok()? != loaded.key
        {
            return None;
        }
        let image = ConcordanceSegment::finish(entries as usize, sources, targets, &key);
        if let Some(index_path) = index_path
            && !held
        {
            let _ = cache::save(&index_path, &image);
        }
        ConcordanceSegment::built(image, &key, entries as usize).ok()
    }

    /// Each loaded file's TMX path, the key its index was loaded under and its entry count,
    /// in file order: what the word lexicon kept beside each file is checked against
    /// (see [`super::lexicon`]).
    pub(crate) fn loaded_files(&self) -> Vec<(&Path, &[u8], usize)> {
        self.loaded
            .iter()
            .map(|l| {
                let path = self.files[l.file as usize].path.as_path();
                (path, l.key.as_slice(), l.segment.len())
            })
            .collect()
    }

    /// What changed since the TMX files were read (the journal applied, TUs added or
    /// replaced in this run): the loaded entries superseded, and the live entries added.
    pub(crate) fn changes_since_load(&self) -> (Vec<u32>, Vec<u32>) {
        let superseded = (0..self.first_added)
            .filter(|&id| self.is_superseded(id))
            .collect();
        let added = (self.first_added..self.entry_count())
            .filter(|&id| !self.is_superseded(id))
            .collect();
        (superseded, added)
    }

    /// The TU of any entry, superseded ones too (a superseded loaded TU is still in its
    /// TMX): the lexicon takes back what a replaced TU had taught.
    pub(crate) fn any_tu(&self, id: u32) -> Result<Tu, MemoryError> {
        if id >= self.entry_count() {
            return Err(MemoryError::UnknownEntry { id });
        }
        self.tu(id, &mut HashMap::new())
    }

    /// Saves through the journal whatever the file's size (other modules' tests).
    #[cfg(test)]
    pub(crate) fn journal_every_save(&mut self) {
        self.journal_from = 0;
    }

    /// What the index files of this memory are keyed to besides the TMX: its languages.
    pub(crate) fn langs_key(&self) -> String {
        format!("{}\n{}", self.source_lang, self.target_lang)
    }

    /// Adds a TU to the file `file` (the first file when `None`). Returns its entry id.
    pub fn add(&mut self, file: Option<&Path>, tu: Tu) -> Result<u32, MemoryError> {
        let index = self.file_index(file)?;
        self.files[index].dirty = true;
        // New TUs go after everything else, in the order they were added.
        let order = self.entry_count();
        let mut tu = tu;
        let place = self.place_new(index, &mut tu)?;
        let id = self.index_added(u16::try_from(index).unwrap_or(u16::MAX), place, &tu, order);
        if let Location::Held(_) = place {
            self.files[index].held.push(tu);
        }
        self.fresh.insert(id, None);
        Ok(id)
    }

    /// Where a new or changed TU of file `index` waits for the save: written to the spill
    /// file (made with the first TU), or held when there can be none or XML cannot carry
    /// the TU (the save then refuses it, naming it).
    ///
    /// A TU read from TMX 1.1-1.3 is upgraded first ([`Tu::to_tmx14`]), as a save would
    /// write it: the journal holds TMX 1.4, like the file it extends.
    fn place_new(&mut self, index: usize, tu: &mut Tu) -> Result<Location, MemoryError> {
        if tu.needs_tmx14() {
            tu.to_tmx14();
        }
        let held = Location::Held(u32::try_from(self.files[index].held.len()).unwrap_or(u32::MAX));
        if self.spill.is_none() && !self.no_spill {
            self.spill = self.make_spill(index);
            self.no_spill = self.spill.is_none();
        }
        let (Some(spill), Ok(xml)) = (self.spill.as_mut(), tmx::tu_xml(tu)) else {
            return Ok(held);
        };
        let start = spill.append(&xml).map_err(|source| MemoryError::Io {
            path: self.files[index].path.clone(),
            source,
        })?;
        Ok(Location::Spill {
            start,
            len: u32::try_from(xml.len()).unwrap_or(u32::MAX),
        })
    }

    /// A spill file beside file `index` (where a link points), else in the system's temp
    /// folder; a dry run leaves the memory's folder alone.
    fn make_spill(&self, index: usize) -> Option<Spill> {
        let path = &self.files[index].path;
        let real = crate::fsio::resolve_link(path).unwrap_or_else(|_| path.clone());
        let name = real
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut folders = vec![std::env::temp_dir()];
        if !self.preview {
            folders.insert(0, crate::fsio::folder_of(&real));
        }
        folders
            .iter()
            .find_map(|folder| Spill::create(folder, &name).ok())
    }

    /// The language translated from.
    pub fn source_lang(&self) -> &LanguageIdentifier {
        &self.source_lang
    }

    /// The language translated into.
    pub fn target_lang(&self) -> &LanguageIdentifier {
        &self.target_lang
    }

    /// The TU of entry `id` (a live one, as a lookup or [`Memory::document`] returned it).
    pub fn tu_of(&self, id: u32) -> Result<Tu, MemoryError> {
        if !self.is_live(id) {
            return Err(MemoryError::UnknownEntry { id });
        }
        self.tu(id, &mut HashMap::new())
    }

    /// Replaces the TU of entry `id` by `tu`; saved where the old one was. Returns the new
    /// entry id (the old one no longer answers lookups).
    pub fn replace(&mut self, id: u32, tu: Tu) -> Result<u32, MemoryError> {
        if !self.is_live(id) {
            return Err(MemoryError::UnknownEntry { id });
        }
        // A new version of a TU is still the TU created back then: keep who made it and when.
        let mut tu = tu;
        let previous = self.tu(id, &mut HashMap::new())?;
        for name in ["creationdate", "creationid"] {
            match previous.attr(name) {
                Some(value) => tu.set_attr(name, value),
                None => {
                    tu.remove_attr(name);
                }
            }
        }
        let (file_index, order) = (self.file_of(id), self.order_of(id));
        self.files[file_index as usize].dirty = true;
        let place = self.place_new(file_index as usize, &mut tu)?;
        self.supersede(id);
        // The successor takes the old entry's place in its document (or moves to another
        // document if its `x-songngu-doc` changed).
        if let Some(doc) = previous.prop(props::DOC) {
            self.leave_document(doc);
        }
        let new_id = self.index_added(file_index, place, &tu, order);
        if let Location::Held(_) = place {
            self.files[file_index as usize].held.push(tu);
        }
        // It stands in for the saved TU its predecessor stood in for.
        let stands_for = self.fresh.remove(&id).unwrap_or(Some(id));
        self.fresh.insert(new_id, stands_for);
        Ok(new_id)
    }

    /// Counts one entry of `doc` as superseded; the document is forgotten with its last.
    fn leave_document(&mut self, doc: &str) {
        match self.left_docs.get_mut(doc) {
            Some(count) => *count += 1,
            None => {
                self.left_docs.insert(Box::from(doc), 1);
            }
        }
    }

    /// Takes the TU of entry `id` out of the memory: it stops answering lookups and is not
    /// saved. For a TU that is wrong rather than old (a duplicate, a pairing the aligner no
    /// longer makes); a new version of a TU goes through [`Memory::replace`].
    pub fn remove(&mut self, id: u32) -> Result<(), MemoryError> {
        if !self.is_live(id) {
            return Err(MemoryError::UnknownEntry { id });
        }
        let tu = self.tu(id, &mut HashMap::new())?;
        self.supersede(id);
        let file = self.file_of(id);
        self.files[file as usize].dirty = true;
        if let Some(doc) = tu.prop(props::DOC) {
            self.leave_document(doc);
        }
        match self.fresh.remove(&id) {
            // A new TU: nothing saved goes.
            Some(None) => {}
            Some(Some(saved)) => self.dropped.push(saved),
            None => self.dropped.push(id),
        }
        Ok(())
    }

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
        let mut rewritten = false;
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
                self.compact_file(index)?;
                rewritten = true;
            }
            saved.push(self.files[index].path.clone());
        }
        // A rewritten file's spans are stale: it is loaded again, which rebuilds and caches
        // its index (the other files' indexes are read back from their cache).
        if rewritten {
            self.reload()?;
        }
        Ok(saved)
    }

    /// Indexes every file afresh from disk, with its journal (after a compaction the old
    /// spans are stale), keeping the locks.
    fn reload(&mut self) -> Result<(), MemoryError> {
        let mut fresh = Memory::new(self.source_lang.clone(), self.target_lang.clone());
        fresh._locks = std::mem::take(&mut self._locks);
        fresh.read_only = self.read_only;
        fresh.created_dirs = std::mem::take(&mut self.created_dirs);
        fresh.use_cache = self.use_cache;
        fresh.journal_from = self.journal_from;
        for file in &self.files {
            fresh.load_file(&file.path)?;
            fresh.apply_journal(Access::Update)?;
        }
        *self = fresh;
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
            .fresh
            .iter()
            .filter(|&(&id, _)| of_file(id) && !self.is_superseded(id))
            .map(|(&id, &stands_for)| (self.order_of(id), id, stands_for))
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
            match self.at(id) {
                Some(At::Added(Added {
                    place: Location::Spill { len, .. },
                    ..
                })) => grows += journal::put_size(u64::from(*len)),
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
            Some(At::Added(added)) => match added.place {
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
                Some(At::Added(Added {
                    place: Location::Spill { start, len },
                    ..
                })) => Some((*start, *len)),
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
            self.added[(id - self.first_added) as usize].place = Location::Journal { start, len };
        }
        self.saved(index);
        Ok(())
    }

    /// Forgets the changes of file `index`: they are saved.
    fn saved(&mut self, index: usize) {
        let file_of: HashMap<u32, u16> = self
            .fresh
            .keys()
            .chain(&self.dropped)
            .map(|&id| (id, self.file_of(id)))
            .collect();
        let of_file = |id: &u32| file_of.get(id).is_some_and(|&f| f as usize == index);
        self.fresh.retain(|id, _| !of_file(id));
        self.dropped.retain(|id| !of_file(id));
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
        order.into_iter().map(|(_, id)| id).collect()
    }

    /// Rewrites file `index` whole from its TUs, wherever they are (TMX, journal, spill
    /// file, held), streaming them one by one, atomically; then removes its journal. The
    /// written file is re-read, and every TU must be where it was written. The entries
    /// still point at the old file: the caller loads the new one (see [`Memory::reload`]).
    fn compact_file(&mut self, index: usize) -> Result<(), MemoryError> {
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
        let spans = std::cell::RefCell::new(Vec::with_capacity(order.len()));
        let hash = std::cell::Cell::new([0u8; 32]);
        let failed_tu = std::cell::RefCell::new(None::<String>);
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
                verify_spans(written, &spans.borrow(), &order, |i| {
                    self.tu_for_name(order[i])
                })?;
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
        Ok(())
    }

    /// Where the TU of an added entry is (`None` for a TU of a TMX as loaded).
    #[cfg(test)]
    fn place_of(&self, id: u32) -> Option<Location> {
        match self.at(id)? {
            At::Added(added) => Some(added.place),
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
            At::Added(added) => match added.place {
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
        spans: &mut Vec<std::ops::Range<u64>>,
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
                    parse(
                        &file.path,
                        spill.read(start, len).map_err(Compaction::Io)?,
                        start,
                    )?
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

/// The compacted file at `path` must read back whole, with every TU where it was written
/// (`spans`, in the order of `order`). The reason names the TU that failed (`name_of` its
/// number), never `path` (a temp file the user never sees).
fn verify_spans(
    path: &Path,
    spans: &[std::ops::Range<u64>],
    order: &[u32],
    name_of: impl Fn(usize) -> Option<Tu>,
) -> Result<(), String> {
    let name = |i: usize| name_of(i).map_or_else(|| format!("#{}", i + 1), |tu| tu_name(i, &tu));
    let mut reader = TmxReader::open(path).map_err(|e| e.message())?;
    let mut count = 0usize;
    loop {
        match reader.next_tu() {
            Ok(Some(record)) => {
                if count < spans.len() && record.span.as_ref() != Some(&spans[count]) {
                    return Err(format!("TU `{}` is not where it was written", name(count)));
                }
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
    Ok(())
}

/// Writes `tus` as a TMX 1.4b file at `path`, atomically (see [`persist::save_atomic`]):
/// every TU is checked first (none holding characters XML cannot carry, all listed if any),
/// and the written file must read back whole with every TU before it replaces `path`.
/// `loaded` is what `path` was when its content was read (`None`: it did not exist). A
/// read-only `path` is refused.
///
/// Whatever TMX version the TUs were read from, the output is TMX 1.4b (see [`write_tmx`]).
pub fn write_tmx_atomic(
    path: &Path,
    loaded: Option<&Fingerprint>,
    root_attrs: &[Attr],
    header: &Header,
    tus: &[Tu],
) -> Result<Fingerprint, MemoryError> {
    write_tmx_atomic_with(path, loaded, ReadOnly::Refuse, root_attrs, header, tus)
}

/// [`write_tmx_atomic`], replacing a read-only `path` if `read_only` allows it.
pub fn write_tmx_atomic_with(
    path: &Path,
    loaded: Option<&Fingerprint>,
    read_only: ReadOnly,
    root_attrs: &[Attr],
    header: &Header,
    tus: &[Tu],
) -> Result<Fingerprint, MemoryError> {
    check_tus_writable(path, tus)?;
    let fingerprint = persist::save_atomic_with(
        path,
        loaded,
        read_only,
        |out| write_tmx(out, root_attrs, header, tus),
        |written| verify_tmx(written, tus),
    )?;
    Ok(fingerprint)
}

/// Refuses `tus` if any holds characters XML cannot carry, naming them all; `path` is the
/// file they were to be written to.
pub fn check_tus_writable(path: &Path, tus: &[Tu]) -> Result<(), MemoryError> {
    let unwritable: Vec<String> = tus
        .iter()
        .enumerate()
        .filter(|(_, tu)| tmx::check_tu(tu).is_err())
        .map(|(i, tu)| tu_name(i, tu))
        .collect();
    if unwritable.is_empty() {
        Ok(())
    } else {
        Err(MemoryError::Unwritable {
            path: path.to_owned(),
            tus: unwritable.join(", "),
        })
    }
}

/// A TU's `tuid`, or `#n` (from 1) without one.
fn tu_name(index: usize, tu: &Tu) -> String {
    tu.attr("tuid")
        .map_or_else(|| format!("#{}", index + 1), str::to_owned)
}

/// Writes `tus` as a TMX 1.4b document with `header` to `out`: `version="1.4"`, and the
/// deprecated `lang` becomes `xml:lang` ([`Tu::to_tmx14`]) whatever version the TUs were
/// read from. `root_attrs` (the namespace declarations of the `<tmx>` the TUs came from)
/// are written on `<tmx>`, so a prefixed attribute (`ex:id`) keeps its declaration.
pub fn write_tmx(
    out: &mut dyn std::io::Write,
    root_attrs: &[Attr],
    header: &Header,
    tus: &[Tu],
) -> std::io::Result<()> {
    let mut header = header.clone();
    header.to_tmx14();
    let prolog = tmx::Prolog {
        version: "1.4",
        doctype: None,
        attrs: root_attrs,
    };
    let mut writer =
        TmxWriter::with_prolog(out, &prolog, &header).map_err(std::io::Error::other)?;
    for tu in tus {
        // Only TUs read from TMX 1.1-1.2 need a copy.
        let result = if tu.needs_tmx14() {
            let mut upgraded = tu.clone();
            upgraded.to_tmx14();
            writer.write_tu(&upgraded)
        } else {
            writer.write_tu(tu)
        };
        result.map_err(std::io::Error::other)?;
    }
    writer.finish().map_err(std::io::Error::other)?;
    Ok(())
}

/// The saved file at `path` must read back whole, with every TU of `tus`. The reason
/// never names `path` (a temp file the user never sees): it names the TU that failed.
pub fn verify_tmx(path: &Path, tus: &[Tu]) -> Result<(), String> {
    let mut reader = TmxReader::open(path).map_err(|e| e.message())?;
    let mut count = 0usize;
    loop {
        match reader.next_tu() {
            Ok(Some(_)) => count += 1,
            Ok(None) => break,
            Err(e) => {
                return Err(match tus.get(count) {
                    Some(tu) => format!("TU `{}`: {}", tu_name(count, tu), e.message()),
                    None => e.message(),
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
    if count != tus.len() {
        return Err(format!("{count} TUs read back, {} written", tus.len()));
    }
    Ok(())
}

fn read_exact_at(file: &File, buffer: &mut [u8], offset: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buffer, offset)
    }
    #[cfg(not(unix))]
    {
        use std::io::{Read, Seek, SeekFrom};
        let mut file = file;
        file.seek(SeekFrom::Start(offset))?;
        file.read_exact(buffer)
    }
}

/// The header songngu writes on a new memory file.
fn songngu_header(source_lang: &LanguageIdentifier) -> Header {
    let attr = |name: &str, value: &str| Attr {
        name: name.to_owned(),
        value: value.to_owned(),
    };
    Header {
        attrs: vec![
            attr("creationtool", "songngu"),
            attr("creationtoolversion", env!("CARGO_PKG_VERSION")),
            attr("segtype", "sentence"),
            attr("o-tmf", "songngu"),
            attr("adminlang", "en"),
            attr("srclang", &source_lang.to_string()),
            attr("datatype", "plaintext"),
        ],
        ..Header::default()
    }
}

/// What a songngu user records on a TU they create.
#[derive(Debug, Clone)]
pub struct NewUnit<'a> {
    pub doc: &'a str,
    pub unit: &'a str,
    pub order: usize,
    pub source: &'a str,
    pub target: &'a str,
    pub status: &'a str,
    pub user: &'a str,
}

/// A TU for a unit of a document, dated now (UTC).
pub fn unit_tu(
    new: &NewUnit<'_>,
    source_lang: &LanguageIdentifier,
    target_lang: &LanguageIdentifier,
) -> Tu {
    let now = tmx_date_now();
    let attr = |name: &str, value: &str| Attr {
        name: name.to_owned(),
        value: value.to_owned(),
    };
    let prop = |kind: &str, value: &str| {
        Meta::Prop(Prop {
            attrs: vec![attr("type", kind)],
            value: value.to_owned(),
        })
    };
    Tu {
        attrs: vec![
            attr("tuid", &format!("{}/{}", new.doc, new.unit)),
            attr("creationdate", &now),
            attr("creationid", new.user),
            attr("changedate", &now),
            attr("changeid", new.user),
        ],
        meta: vec![
            prop(props::DOC, new.doc),
            prop(props::UNIT, new.unit),
            prop(props::ORDER, &new.order.to_string()),
            prop(props::SOURCE, new.source),
            prop(props::STATUS, new.status),
        ],
        tuvs: vec![
            tmx::Tuv::with_text(source_lang, new.source),
            tmx::Tuv::with_text(target_lang, new.target),
        ],
    }
}

/// Records on `tu` every unit it covers ([`props::UNITS`], right after [`props::UNIT`]),
/// when there is more than one; a TU of one unit is left as it is, so the memories of
/// other tools and of older versions read the same.
pub fn set_covered_units(tu: &mut Tu, units: &[&str]) {
    tu.meta
        .retain(|m| !matches!(m, Meta::Prop(p) if p.kind() == Some(props::UNITS)));
    if units.len() < 2 {
        return;
    }
    let at = tu
        .meta
        .iter()
        .position(|m| matches!(m, Meta::Prop(p) if p.kind() == Some(props::UNIT)))
        .map_or(tu.meta.len(), |i| i + 1);
    tu.meta
        .insert(at, Meta::Prop(Prop::new(props::UNITS, &units.join(" "))));
}

/// Records on `tu` where the published Vietnamese paragraphs differ from the English's
/// ([`props::VI_PARAGRAPH`], after the last prop); `None` removes the record.
pub fn set_vi_paragraph(tu: &mut Tu, paragraph: Option<ViParagraph>) {
    tu.meta
        .retain(|m| !matches!(m, Meta::Prop(p) if p.kind() == Some(props::VI_PARAGRAPH)));
    if let Some(paragraph) = paragraph {
        tu.meta.push(Meta::Prop(Prop::new(
            props::VI_PARAGRAPH,
            paragraph.as_str(),
        )));
    }
}

/// Where an addition goes: after the TU of a unit, or before a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddedAt<'a> {
    After(&'a str),
    Before(&'a str),
}

/// A TU recording Vietnamese published without English in document `doc` (an editor's
/// addition): status [`props::ADDED`], tied to its place `at`, `order` its position among
/// the published Vietnamese sentences, and only the target variant, which is also the TU's
/// `srclang`. With no English, no tool can offer it as the translation of anything, and
/// TMX allows a TU of one variant.
pub fn added_tu(
    doc: &str,
    at: AddedAt<'_>,
    order: usize,
    vi: &str,
    user: &str,
    target_lang: &LanguageIdentifier,
) -> Tu {
    let now = tmx_date_now();
    let attr = |name: &str, value: &str| Attr {
        name: name.to_owned(),
        value: value.to_owned(),
    };
    let (anchor_kind, anchor) = match at {
        AddedAt::After(unit) => (props::AFTER, unit),
        AddedAt::Before(unit) => (props::BEFORE, unit),
    };
    Tu {
        attrs: vec![
            attr("tuid", &format!("{doc}/vi-{order}")),
            // The TU's own source is its only variant: TMX wants a variant in the source
            // language, and an English one would have to be empty or made up.
            attr("srclang", &target_lang.to_string()),
            attr("creationdate", &now),
            attr("creationid", user),
            attr("changedate", &now),
            attr("changeid", user),
        ],
        meta: vec![
            Meta::Prop(Prop::new(props::DOC, doc)),
            Meta::Prop(Prop::new(anchor_kind, anchor)),
            Meta::Prop(Prop::new(props::ORDER, &order.to_string())),
            Meta::Prop(Prop::new(props::STATUS, props::ADDED)),
        ],
        tuvs: vec![tmx::Tuv::with_text(target_lang, vi)],
    }
}

/// A TU recording that the published translation leaves unit `new.unit` out on purpose:
/// status [`props::OMITTED`] and no target variant (`new.target` and `new.status` are not
/// used). Without a target, no tool offers it as a translation, and TMX allows a TU of
/// one variant.
pub fn omitted_tu(
    new: &NewUnit<'_>,
    source_lang: &LanguageIdentifier,
    target_lang: &LanguageIdentifier,
) -> Tu {
    let mut tu = unit_tu(
        &NewUnit {
            status: props::OMITTED,
            ..*new
        },
        source_lang,
        target_lang,
    );
    // `unit_tu` writes the source variant first, then the target.
    tu.tuvs.truncate(1);
    tu
}

/// The current time as TMX writes it: `YYYYMMDDThhmmssZ`, UTC.
pub fn tmx_date_now() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    tmx_date(seconds)
}

/// `seconds` since the Unix epoch as `YYYYMMDDThhmmssZ`.
pub fn tmx_date(seconds: u64) -> String {
    let days = seconds / 86_400;
    let rest = seconds % 86_400;
    // Civil-from-days (Howard Hinnant's algorithm): exact for the proleptic Gregorian calendar.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let mut out = String::with_capacity(16);
    let _ = write!(
        out,
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    );
    out
}

use std::fmt::Write as _;

#[cfg(test)]
mod tests {
    use super::*;
    use unic_langid::langid;

    fn unit<'a>(unit: &'a str, order: usize, source: &'a str, target: &'a str) -> NewUnit<'a> {
        NewUnit {
            doc: "seed",
            unit,
            order,
            source,
            target,
            status: "translated",
            user: "lan",
        }
    }

    fn open(path: &Path) -> Memory {
        Memory::open_for_update(
            &[path.to_owned()],
            langid!("en"),
            langid!("vi"),
            LockWait::Fail,
        )
        .expect("opens")
    }

    #[test]
    fn units_keep_their_records_through_save_and_reload() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("news.tmx");
        let mut memory = open(&path);
        let (en, vi) = (langid!("en"), langid!("vi"));
        memory
            .add(
                None,
                unit_tu(
                    &unit(
                        "u1",
                        0,
                        "The event attracted guests.",
                        "Sự kiện thu hút khách mời.",
                    ),
                    &en,
                    &vi,
                ),
            )
            .expect("add");
        memory
            .add(
                None,
                unit_tu(
                    &unit(
                        "u2",
                        1,
                        "Specific laws are needed.",
                        "Cần có các đạo luật cụ thể.",
                    ),
                    &en,
                    &vi,
                ),
            )
            .expect("add");
        assert_eq!(memory.save().expect("save"), vec![path.clone()]);
        drop(memory);

        let memory = Memory::open(std::slice::from_ref(&path), langid!("en"), langid!("vi"))
            .expect("reads back");
        let found = memory
            .exact("The  event attracted guests.")
            .expect("lookup");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].target.as_deref(),
            Some("Sự kiện thu hút khách mời.")
        );
        assert_eq!(found[0].doc.as_deref(), Some("seed"));
        assert_eq!(found[0].unit.as_deref(), Some("u1"));
        let text = std::fs::read_to_string(&path).expect("read");
        for needle in [
            "creationid=\"lan\"",
            "changeid=\"lan\"",
            "<prop type=\"x-songngu-source\">The event attracted guests.</prop>",
            "<prop type=\"x-songngu-status\">translated</prop>",
        ] {
            assert!(text.contains(needle), "{needle} missing in:\n{text}");
        }
        // Saving the same memory again gives the same bytes.
        let mut again = open(&path);
        again.files[0].dirty = true;
        again.save().expect("save again");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    }

    #[test]
    fn a_replaced_tu_keeps_its_place_and_the_old_text_stops_answering() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("news.tmx");
        let (en, vi) = (langid!("en"), langid!("vi"));
        let mut memory = open(&path);
        for (i, text) in ["One.", "Two.", "Three."].iter().enumerate() {
            memory
                .add(
                    None,
                    unit_tu(&unit(&format!("u{i}"), i, text, "Một."), &en, &vi),
                )
                .expect("add");
        }
        memory.save().expect("save");
        let id = {
            let mut open_files = HashMap::new();
            memory.exact_ids("Two.", &mut open_files).expect("ids")[0]
        };
        let mut revised = unit_tu(&unit("u1", 1, "Two, revised.", "Hai."), &en, &vi);
        revised.set_attr("creationdate", "20300101T000000Z");
        revised.set_attr("creationid", "someone-else");
        memory.replace(id, revised).expect("replace");
        let stored = {
            let found = memory.exact("Two, revised.").expect("lookup");
            memory.tu(found[0].entry, &mut HashMap::new()).expect("tu")
        };
        assert_eq!(stored.attr("creationid"), Some("lan"), "the creator stays");
        assert_ne!(
            stored.attr("creationdate"),
            Some("20300101T000000Z"),
            "and so does the date"
        );
        assert!(memory.exact("Two.").expect("lookup").is_empty());
        assert_eq!(memory.exact("Two, revised.").expect("lookup").len(), 1);
        memory.save().expect("save");
        let text = std::fs::read_to_string(&path).expect("read");
        let positions: Vec<usize> = ["One.", "Two, revised.", "Three."]
            .iter()
            .map(|t| text.find(t).expect("present"))
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] < w[1]),
            "order kept: {positions:?}"
        );
        assert_eq!(memory.stats().tus, 3);
    }

    #[test]
    fn a_removed_tu_leaves_its_document_lookups_and_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("news.tmx");
        let (en, vi) = (langid!("en"), langid!("vi"));
        let mut memory = open(&path);
        for (i, text) in ["One.", "Two."].iter().enumerate() {
            memory
                .add(
                    None,
                    unit_tu(&unit(&format!("u{i}"), i, text, "Một."), &en, &vi),
                )
                .expect("add");
        }
        memory.save().expect("save");
        let two = memory.exact("Two.").expect("lookup")[0].entry;
        memory.remove(two).expect("remove");
        assert!(memory.exact("Two.").expect("lookup").is_empty());
        assert!(memory.by_target("Một.").expect("lookup").len() == 1);
        let units: Vec<String> = memory
            .document("seed")
            .expect("document")
            .into_iter()
            .map(|u| u.unit)
            .collect();
        assert_eq!(units, ["u0"]);
        assert!(memory.remove(two).is_err(), "gone already");
        memory.save().expect("save");
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains("One.") && !text.contains("Two."), "{text}");
    }

    #[test]
    fn a_preview_saves_nothing_and_a_dropped_update_leaves_nothing_new() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("new/dir/m.tmx");
        let mut preview =
            Memory::open_preview(std::slice::from_ref(&path), langid!("en"), langid!("vi"))
                .expect("opens");
        assert!(matches!(preview.save(), Err(MemoryError::Preview)));
        drop(preview);
        assert!(
            !dir.path().join("new").exists(),
            "a preview creates nothing"
        );
        // Opened for update, then dropped without a save (the command failed): the folders
        // made for it and its lock file go.
        let memory = open(&path);
        assert!(path.parent().unwrap().is_dir());
        drop(memory);
        assert!(!dir.path().join("new").exists());
        // Saved, they stay; the lock file goes with the memory.
        let mut memory = open(&path);
        memory.save().expect("save");
        drop(memory);
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|name| name != cache::FOLDER)
            .collect();
        assert_eq!(names, ["m.tmx"]);
    }

    #[test]
    fn what_is_not_a_memory_is_refused_before_anything_is_locked() {
        let dir = tempfile::tempdir().expect("tempdir");
        let notes = dir.path().join("notes.txt");
        std::fs::write(&notes, "not TMX").unwrap();
        let opened = Memory::open_for_update(
            std::slice::from_ref(&notes),
            langid!("en"),
            langid!("vi"),
            LockWait::Fail,
        );
        assert!(matches!(opened, Err(MemoryError::Tmx(_))));
        let folder = Memory::open_for_update(
            &[dir.path().to_owned()],
            langid!("en"),
            langid!("vi"),
            LockWait::Fail,
        );
        assert!(matches!(
            folder,
            Err(MemoryError::Persist(PersistError::Fs(_)))
        ));
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["notes.txt"]);
    }

    #[test]
    fn a_file_with_damaged_tus_is_never_saved_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("damaged.tmx");
        let damaged = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\
<tu><tuv xml:lang=\"en\"><seg>Good.</seg></tuv><tuv xml:lang=\"vi\"><seg>Tốt.</seg></tuv></tu>\
<tu tuid=\"bad\"/>\
</body></tmx>";
        std::fs::write(&path, damaged).expect("write");
        let mut memory = open(&path);
        let damage = memory
            .problems()
            .iter()
            .filter(|p| p.problem.severity == tmx::Severity::Error)
            .count();
        assert_eq!(damage, 1, "the TU without variants is reported");
        assert_eq!(memory.stats().tus, 1, "and the good one is read");
        memory
            .add(
                None,
                unit_tu(
                    &unit("u9", 9, "New.", "Mới."),
                    &langid!("en"),
                    &langid!("vi"),
                ),
            )
            .expect("add");
        assert!(matches!(memory.save(), Err(MemoryError::DamagedTus { .. })));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), damaged);
        // Refused up front too, naming the damaged TU's place.
        match memory.refuse_damaged() {
            Err(MemoryError::DamagedTus {
                count, problems, ..
            }) => {
                assert_eq!(count, 1);
                assert_eq!(problems.len(), 1);
                assert_eq!(problems[0].line, 2);
            }
            other => panic!("expected damaged TUs, got {other:?}"),
        }
    }

    fn doc_unit<'a>(
        doc: &'a str,
        unit: &'a str,
        order: usize,
        source: &'a str,
        target: &'a str,
    ) -> Tu {
        unit_tu(
            &NewUnit {
                doc,
                unit,
                order,
                source,
                target,
                status: "translated",
                user: "lan",
            },
            &langid!("en"),
            &langid!("vi"),
        )
    }

    /// A TU imported from another tool: no document.
    fn plain_tu(source: &str, target: &str) -> Tu {
        Tu {
            attrs: Vec::new(),
            meta: Vec::new(),
            tuvs: vec![
                tmx::Tuv::with_text(&langid!("en"), source),
                tmx::Tuv::with_text(&langid!("vi"), target),
            ],
        }
    }

    fn open_two(a: &Path, b: &Path) -> Memory {
        Memory::open_for_update(
            &[a.to_owned(), b.to_owned()],
            langid!("en"),
            langid!("vi"),
            LockWait::Fail,
        )
        .expect("opens")
    }

    fn summary(units: &[StoredUnit]) -> Vec<(&str, usize, &str, Option<&str>)> {
        units
            .iter()
            .map(|u| (u.unit.as_str(), u.order, u.en.as_str(), u.vi.as_deref()))
            .collect()
    }

    #[test]
    fn a_document_comes_back_in_order_across_files_and_through_replace() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (a, b) = (dir.path().join("a.tmx"), dir.path().join("b.tmx"));
        let mut memory = open_two(&a, &b);
        memory
            .add(Some(&a), doc_unit("seed", "u2", 2, "Three.", "Ba."))
            .expect("add");
        memory
            .add(Some(&b), doc_unit("seed", "u0", 0, "One.", "Một."))
            .expect("add");
        memory
            .add(Some(&a), plain_tu("Imported.", "Nhập."))
            .expect("add");
        memory
            .add(Some(&b), doc_unit("other", "u0", 0, "Other.", "Khác."))
            .expect("add");
        let two = memory
            .add(Some(&a), doc_unit("seed", "u1", 1, "Two.", "Hai."))
            .expect("add");
        // A TU without an order prop goes last.
        let mut unordered = doc_unit("seed", "u9", 0, "Nine.", "Chín.");
        unordered.meta.retain(|m| match m {
            Meta::Prop(p) => p.attrs.iter().all(|a| a.value != props::ORDER),
            Meta::Note(_) => true,
        });
        memory.add(Some(&b), unordered).expect("add");

        assert_eq!(memory.documents(), ["other", "seed"]);
        let seed = memory.document("seed").expect("document");
        assert_eq!(
            summary(&seed),
            [
                ("u0", 0, "One.", Some("Một.")),
                ("u1", 1, "Two.", Some("Hai.")),
                ("u2", 2, "Three.", Some("Ba.")),
                ("u9", usize::MAX, "Nine.", Some("Chín.")),
            ]
        );
        assert_eq!(seed[1].entry, two);
        assert_eq!(seed[1].status.as_deref(), Some("translated"));
        assert_eq!(seed[1].tuid.as_deref(), Some("seed/u1"));
        assert!(seed[1].changed.as_deref().is_some_and(|d| d.ends_with('Z')));
        assert!(memory.document("nope").expect("document").is_empty());

        // The English of `u1` changes and its TU is replaced: the successor takes its place,
        // and `en` is the English it was translated from (the `x-songngu-source` prop).
        let mut revised = doc_unit("seed", "u1", 1, "Two, revised.", "Hai, đã sửa.");
        revised.tuvs[0] = tmx::Tuv::with_text(&langid!("en"), "Two, revised again.");
        let successor = memory.replace(two, revised).expect("replace");
        let seed = memory.document("seed").expect("document");
        assert_eq!(seed.len(), 4);
        assert_eq!(seed[1].entry, successor);
        assert_eq!(seed[1].en, "Two, revised.");
        assert_eq!(seed[1].vi.as_deref(), Some("Hai, đã sửa."));

        // A replacement that moves the TU to another document leaves this one.
        let three = seed[2].entry;
        memory
            .replace(three, doc_unit("other", "u1", 1, "Three.", "Ba."))
            .expect("replace");
        assert_eq!(memory.document("seed").expect("document").len(), 3);
        assert_eq!(memory.document("other").expect("document").len(), 2);

        // Saved and read back from both files, the documents are the same.
        memory.save().expect("save");
        let before = (
            summary(&memory.document("seed").expect("document"))
                .iter()
                .map(|(u, o, e, v)| (u.to_string(), *o, e.to_string(), v.map(str::to_owned)))
                .collect::<Vec<_>>(),
            memory.documents(),
        );
        drop(memory);
        let memory = Memory::open(&[a.clone(), b.clone()], langid!("en"), langid!("vi"))
            .expect("reads back");
        let seed = memory.document("seed").expect("document");
        let after = summary(&seed)
            .iter()
            .map(|(u, o, e, v)| (u.to_string(), *o, e.to_string(), v.map(str::to_owned)))
            .collect::<Vec<_>>();
        assert_eq!((after, memory.documents()), before);
        assert_eq!(
            summary(&memory.document("other").expect("document")),
            [
                ("u0", 0, "Other.", Some("Khác.")),
                ("u1", 1, "Three.", Some("Ba."))
            ]
        );
    }

    #[test]
    fn a_document_whose_last_tu_moves_away_is_no_longer_listed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut memory = open(&dir.path().join("news.tmx"));
        let id = memory
            .add(None, doc_unit("old", "u0", 0, "One.", "Một."))
            .expect("add");
        memory
            .replace(id, doc_unit("new", "u0", 0, "One.", "Một."))
            .expect("replace");
        assert_eq!(memory.documents(), ["new"]);
        assert!(memory.document("old").expect("document").is_empty());
    }

    #[test]
    fn the_same_target_is_found_for_different_sources() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (a, b) = (dir.path().join("a.tmx"), dir.path().join("b.tmx"));
        let mut memory = open_two(&a, &b);
        let first = memory
            .add(
                Some(&a),
                doc_unit("seed", "u0", 0, "Guests came.", "Khách đến."),
            )
            .expect("add");
        // NFD and odd spacing: the same target after normalization.
        memory
            .add(
                Some(&b),
                plain_tu("Visitors arrived.", "  Kha\u{301}ch   đến. "),
            )
            .expect("add");
        memory
            .add(Some(&b), plain_tu("Guests left.", "Khách đi."))
            .expect("add");
        let found = memory.by_target("Khách đến.").expect("lookup");
        assert_eq!(
            found.iter().map(|m| m.source.as_str()).collect::<Vec<_>>(),
            ["Guests came.", "Visitors arrived."]
        );
        assert!(found.iter().all(|m| m.score == 100));
        assert_eq!(found[0].doc.as_deref(), Some("seed"));
        assert!(memory.by_target("Khách").expect("lookup").is_empty());

        // After a replace the old target no longer answers, the new one does.
        let successor = memory
            .replace(
                first,
                doc_unit("seed", "u0", 0, "Guests came.", "Khách mời đến."),
            )
            .expect("replace");
        let found = memory.by_target("Khách đến.").expect("lookup");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].source, "Visitors arrived.");
        let found = memory.by_target("Khách mời đến.").expect("lookup");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].entry, successor);

        // And so after saving and reading back.
        memory.save().expect("save");
        drop(memory);
        let memory = Memory::open(&[a, b], langid!("en"), langid!("vi")).expect("reads back");
        assert_eq!(memory.by_target("Khách đến.").expect("lookup").len(), 1);
        assert_eq!(memory.by_target("Khách mời đến.").expect("lookup").len(), 1);
        assert_eq!(memory.by_target("Khách đi.").expect("lookup").len(), 1);
    }

    #[test]
    fn tmx_dates_are_utc_calendar_dates() {
        assert_eq!(tmx_date(0), "19700101T000000Z");
        assert_eq!(tmx_date(951_782_400), "20000229T000000Z");
        assert_eq!(tmx_date(1_574_914_320), "20191128T041200Z");
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
