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
//! are indexed in memory when a lookup first needs them, an overlay on the files' indexes
//! ([`super::overlay`]); a save that rewrites files loads them again, which rebuilds their
//! indexes (and only theirs).
//!
//!
//! Lookups are in [`super::lookup`], saving in [`super::save`], the entries and where
//! their TUs are in `memory::index`, and what songngu records on a TU in
//! [`super::record`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use unic_langid::LanguageIdentifier;

use super::cache::{self, Rejected};
use super::index::{Added, Loaded, Location};
use super::journal::{self, Journal, JournalDamage, JournalError, Key, Spill};
use super::overlay::Overlay;
use super::persist::{self, FileLock, Fingerprint, LockWait, PersistError, ReadOnly};
use super::record::{Predecessor, props, songngu_header};
use super::save::JOURNAL_FROM;
use super::segment::{FileMeta, HAS_TARGET, Keys, Place, Segment, SegmentBuilder};
use crate::tmx::{self, Attr, Header, TmxError, TmxReader, Tu, TuRecord};

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

/// One TMX file of the memory.
#[derive(Debug)]
pub(super) struct MemoryFile {
    pub(super) path: PathBuf,
    /// The attributes of `<tmx>` other than `version` (namespace declarations), written back.
    pub(super) root_attrs: Vec<Attr>,
    pub(super) header: Header,
    pub(super) loaded: Option<Fingerprint>,
    pub(super) held: Vec<Tu>,
    /// TU-level errors found while loading: such a file is never saved (it would lose them).
    pub(super) damaged: usize,
    pub(super) dirty: bool,
    /// Its journal of changes saved since the TMX was written whole, if it has one.
    pub(super) journal: Option<Journal>,
    /// Its root attributes or header changed: the next save rewrites the TMX.
    pub(super) layout_changed: bool,
}

/// A finding of loading: a skipped TU or a warning, with its file.
#[derive(Debug, Clone)]
pub struct LoadProblem {
    pub path: PathBuf,
    pub problem: tmx::Problem,
}

/// Statistics of a memory.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct MemoryStats {
    pub tus: usize,
    /// TUs with both the source and the target language.
    pub translated: usize,
    pub files: usize,
}

/// A translation memory.
pub struct Memory {
    pub(super) source_lang: LanguageIdentifier,
    pub(super) target_lang: LanguageIdentifier,
    pub(super) files: Vec<MemoryFile>,
    /// The index of each loaded file, persisted beside it or built and then saved (see
    /// [`super::cache`]); entries `0..first_added` are theirs, file after file.
    pub(super) loaded: Vec<Loaded>,
    pub(super) first_added: u32,
    /// Entries from `first_added` on: TUs added or replaced since loading, indexed in the
    /// [`Overlay`] (built as lookups need it).
    pub(super) added: Vec<Added>,
    /// One bit per entry: replaced by a newer version or removed (kept out of lookups and
    /// saves).
    pub(super) superseded: Vec<u64>,
    /// The index of the added entries, built as lookups need it.
    pub(super) overlay: Overlay,
    /// Document id → how many of its entries were superseded: a document is listed while
    /// it has more entries than that.
    pub(super) left_docs: HashMap<Box<str>, usize>,
    pub(super) problems: Vec<LoadProblem>,
    pub(super) _locks: Vec<FileLock>,
    /// TUs handed out by [`Memory::tu`]: the work a lookup did, which tests count.
    pub(super) tus_read: AtomicUsize,
    /// Whether saving may replace a read-only file.
    pub(super) read_only: ReadOnly,
    /// Opened by [`Memory::open_preview`]: never saved.
    pub(super) preview: bool,
    /// Folders [`Memory::open_for_update`] made for new files, deepest first: removed
    /// again when the memory is dropped if nothing was saved in them.
    pub(super) created_dirs: Vec<PathBuf>,
    /// Whether loading reads and writes the index files beside the memory.
    pub(super) use_cache: bool,
    /// How each file's index was had, for tests and benchmarks.
    pub(super) index_sources: Vec<IndexSource>,
    /// Where new and changed TUs wait for the save (made with the first of them).
    pub(super) spill: Option<Spill>,
    /// No spill file could be made: new and changed TUs are held in memory.
    pub(super) no_spill: bool,
    /// Saved entries removed since the last save, with nothing in their place.
    pub(super) dropped: Vec<u32>,
    /// [`JOURNAL_FROM`]; tests lower it to journal small files.
    pub(super) journal_from: u64,
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

/// The index of a TMX file as reading it built it, before it is kept.
pub(super) struct BuiltIndex {
    pub(super) builder: SegmentBuilder,
    pub(super) meta: FileMeta,
    /// The TUs without a span (a file that is not UTF-8), held in memory.
    held: Vec<Tu>,
}

/// Indexes the TUs of a TMX file as they are read, in file order.
pub(super) struct Indexer {
    /// The file's header, as the reader had it before the first TU.
    header: Header,
    source_lang: LanguageIdentifier,
    target_lang: LanguageIdentifier,
    builder: SegmentBuilder,
    held: Vec<Tu>,
}

impl Indexer {
    /// An indexer for the languages of `memory`, of the file `reader` is about to read.
    pub(super) fn new<R: std::io::Read>(memory: &Memory, reader: &TmxReader<R>) -> Indexer {
        Indexer::with_capacity(memory, reader, 0)
    }

    /// [`Indexer::new`] for a file known to hold about `tus` TUs (one just written).
    pub(super) fn with_capacity<R: std::io::Read>(
        memory: &Memory,
        reader: &TmxReader<R>,
        tus: usize,
    ) -> Indexer {
        Indexer {
            header: reader.header().clone(),
            source_lang: memory.source_lang.clone(),
            target_lang: memory.target_lang.clone(),
            builder: SegmentBuilder::with_capacity(tus),
            held: Vec::new(),
        }
    }

    /// Indexes the next TU of the file.
    pub(super) fn add(&mut self, record: TuRecord) {
        let place = match &record.span {
            Some(span) => Place::Span {
                start: span.start,
                len: u32::try_from(span.end - span.start).unwrap_or(u32::MAX),
            },
            None => Place::Held(u32::try_from(self.held.len()).unwrap_or(u32::MAX)),
        };
        self.builder.add(
            place,
            &Keys::of(&record.tu, &self.source_lang, &self.target_lang),
        );
        if record.span.is_none() {
            self.held.push(record.tu);
        }
    }

    /// The index, once `reader` has given its last TU.
    pub(super) fn finish<R: std::io::Read>(self, mut reader: TmxReader<R>) -> BuiltIndex {
        // After the TUs: the reader moves namespace declarations of `<body>` to the root.
        let meta = FileMeta {
            header: self.header,
            root_attrs: reader.root_attrs().to_vec(),
            problems: reader.take_problems(),
        };
        BuiltIndex {
            builder: self.builder,
            meta,
            held: self.held,
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
pub(super) enum Access {
    Read,
    Update,
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
            overlay: Overlay::default(),
            left_docs: HashMap::new(),
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
    pub(super) fn apply_journal(&mut self, access: Access) -> Result<(), MemoryError> {
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
                        reason: JournalDamage::MissingTu,
                    })?)
                }
            };
            let mut order = None;
            if let Some(old) = old {
                if self.is_superseded(old) {
                    return Err(JournalError::Damaged {
                        path: journal_path.clone(),
                        reason: JournalDamage::ChangedTwice,
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

    /// Loads one file: its index from the cache folder when there is a current one, else
    /// by reading the TMX (and then the index is saved for the next time, best effort).
    pub(super) fn load_file(&mut self, path: &Path) -> Result<(), MemoryError> {
        self.load_file_indexed(path, None)
    }

    /// [`Memory::load_file`], with the index `built` from reading the file as it is now
    /// (a compaction's reading back of what it wrote) taken instead of reading it again.
    pub(super) fn load_file_indexed(
        &mut self,
        path: &Path,
        built: Option<BuiltIndex>,
    ) -> Result<(), MemoryError> {
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
        let built = match built {
            Some(built) => built,
            None => self.index_from_tmx(path)?,
        };
        let key = key.unwrap_or_default();
        // Only an index of the file as it was read is kept, and only of a UTF-8 file (the
        // TUs of another encoding are held in memory, not found again by their spans).
        let BuiltIndex {
            builder,
            meta,
            held,
        } = match index_path {
            Some(index_path)
                if built.held.is_empty()
                    && cache::key(path, langs.as_bytes()).is_ok_and(|now| now == key) =>
            {
                let BuiltIndex { builder, meta, .. } = built;
                // Written to the index file as it is laid out, then mapped from there: a
                // large index is never held twice (the builder's parts and their bytes).
                match builder
                    .save(&index_path, &key, &meta)
                    .map_err(|_| Rejected::Missing)
                    .and_then(|()| Segment::open(&index_path, &key))
                {
                    Ok((segment, _)) => {
                        self.push_file(path, loaded, meta, Vec::new(), segment, key);
                        self.index_sources.push(IndexSource::Built(rejected));
                        return Ok(());
                    }
                    // The cache folder would not take it (full, read-only): the file is
                    // indexed again, in memory.
                    Err(_) => self.index_from_tmx(path)?,
                }
            }
            _ => built,
        };
        let image = builder.finish(&key, &meta);
        let (segment, _) = Segment::built(image, &key).map_err(|why| MemoryError::Io {
            path: path.to_owned(),
            source: std::io::Error::other(format!("the index built is unusable: {why:?}")),
        })?;
        self.push_file(path, loaded, meta, held, segment, key);
        self.index_sources.push(IndexSource::Built(rejected));
        Ok(())
    }

    /// The index of the TMX file `path`, read from it.
    pub(super) fn index_from_tmx(&self, path: &Path) -> Result<BuiltIndex, MemoryError> {
        let mut reader = TmxReader::open(path)?;
        let mut indexer = Indexer::new(self, &reader);
        while let Some(record) = reader.next_tu()? {
            indexer.add(record);
        }
        Ok(indexer.finish(reader))
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

    pub(super) fn damaged_error(&self, file: &MemoryFile) -> MemoryError {
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

    /// How many TUs lookups have read so far (parsed from disk or copied from memory): a
    /// measure of work that does not depend on the machine.
    pub fn tus_read(&self) -> usize {
        self.tus_read.load(Ordering::Relaxed)
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

    /// Makes room for `additional` TUs to be added or replaced: a caller that knows how
    /// many it will store keeps their entries from growing past that (doubling left up to
    /// half unused, held through the save).
    pub fn reserve(&mut self, additional: usize) {
        self.added.reserve_exact(additional);
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
        self.set_fresh(id, None);
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
        let previous = self.tu(id, &mut HashMap::new())?;
        self.replace_after(id, &Predecessor::of(&previous), tu)
    }

    /// [`Memory::replace`] for a caller that read the TU of entry `id` already: `previous`
    /// is what it keeps of it ([`Predecessor::of`] that TU), so the TU is not read again.
    pub fn replace_after(
        &mut self,
        id: u32,
        previous: &Predecessor,
        tu: Tu,
    ) -> Result<u32, MemoryError> {
        if !self.is_live(id) {
            return Err(MemoryError::UnknownEntry { id });
        }
        // A new version of a TU is still the TU created back then: keep who made it and when.
        let mut tu = tu;
        for (name, value) in [
            ("creationdate", &previous.creationdate),
            ("creationid", &previous.creationid),
        ] {
            match value {
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
        if let Some(doc) = &previous.doc {
            self.leave_document(doc);
        }
        let new_id = self.index_added(file_index, place, &tu, order);
        if let Location::Held(_) = place {
            self.files[file_index as usize].held.push(tu);
        }
        // It stands in for the saved TU its predecessor stood in for.
        let stands_for = self.take_fresh(id).unwrap_or(Some(id));
        self.set_fresh(new_id, stands_for);
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
        match self.take_fresh(id) {
            // A new TU: nothing saved goes.
            Some(None) => {}
            Some(Some(saved)) => self.dropped.push(saved),
            None => self.dropped.push(id),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::record::{NewUnit, unit_tu};
    use crate::memory::test_support::open;
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
}
