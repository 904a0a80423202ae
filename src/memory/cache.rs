//! The index files kept beside a memory: where they live, what they are keyed to, how they
//! are written and how they are checked before anything in them is believed.
//!
//! One index file per TMX file, `<folder>/.songngu-cache/<file name>.idx`. The TMX stays the
//! truth: the folder can be deleted (or git-ignored) at any time and is rebuilt on the next
//! run. An index is written after a build, best effort: a folder that cannot be written
//! means no cache, never an error.
//!
//! # Layout
//!
//! ```text
//! 0   magic "songngu\x01"            8 bytes
//! 8   format version                 u32
//! 12  byte-order mark 0x01020304     u32 (an index from a machine of the other byte
//!                                         order is foreign)
//! 16  key length                     u64
//! 24  body length                    u64
//! 32  xxh3-64 of everything after    u64
//!     this field (key, padding, body)
//! 40  key (padded to 8 bytes)
//!     body: section count u64, then (offset, length) u64 pairs from the body start,
//!     then the sections, each 8-byte aligned
//! ```
//!
//! All numbers are little-endian, and the sections are arrays of fixed-size integers
//! ([`bytemuck::Pod`]) that lookups read where they lie in the mapped file.
//!
//! # Trust
//!
//! An index is used only if its key equals the key of the TMX file as it is now, byte for
//! byte, and its checksum matches its content. The key is the format version, the program
//! version, what the caller adds (the memory's languages), and the TMX file's fingerprint:
//! size, modification and change times (ns), inode and device, and an xxh3 hash of sampled
//! blocks (the first and last 64 KiB and 16 blocks of 4 KiB spread between). Hashing the
//! whole TMX would cost about as much as the rebuild the index saves (700 MB at 1M TUs);
//! the sample catches a file copied over another or restored with its old times, and an
//! edit in place always moves the change time, which no program can set back. A stale index
//! (the TMX changed), a foreign one (built for another file or languages), a truncated or a
//! corrupted one (the checksum) is rebuilt, never read. The mapping relies on index files
//! never being changed in place: songngu replaces them by rename.

use crate::fsio::{read_exact_at, write_all_at};
use std::fs::{self, File};
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// The version of the layout and of everything the index stores (tokenization, folding,
/// hashes): bump it when any of them changes.
pub(crate) const FORMAT: u32 = 2;
/// The folder beside the memory that holds the index files.
pub const FOLDER: &str = ".songngu-cache";
const MAGIC: [u8; 8] = *b"songngu\x01";
const BYTE_ORDER: u32 = 0x0102_0304;
const PREFIX: usize = 40;

/// The index file of the TMX file `tmx`: `<folder>/.songngu-cache/<file name>.idx`.
pub fn index_path(tmx: &Path) -> Option<PathBuf> {
    index_path_named(tmx, "idx")
}

/// The index file `<folder>/.songngu-cache/<file name>.<suffix>` of the TMX file `tmx`.
pub fn index_path_named(tmx: &Path, suffix: &str) -> Option<PathBuf> {
    let name = tmx.file_name()?;
    let folder = match tmx.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut file = name.to_os_string();
    file.push(".");
    file.push(suffix);
    Some(folder.join(FOLDER).join(file))
}

/// The key an index of `tmx` must carry to be used: see the [module docs](self). `extra`
/// is what else the index depends on (the memory's languages).
pub(crate) fn key(tmx: &Path, extra: &[u8]) -> io::Result<Vec<u8>> {
    let file = File::open(tmx)?;
    let meta = file.metadata()?;
    let mut key = Vec::with_capacity(128);
    key.extend_from_slice(&FORMAT.to_le_bytes());
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    key.extend_from_slice(&(version.len() as u64).to_le_bytes());
    key.extend_from_slice(version);
    key.extend_from_slice(&(extra.len() as u64).to_le_bytes());
    key.extend_from_slice(extra);
    key.extend_from_slice(&meta.len().to_le_bytes());
    let nanos = |time: io::Result<std::time::SystemTime>| -> i128 {
        match time.map(|t| t.duration_since(std::time::UNIX_EPOCH)) {
            Ok(Ok(since)) => since.as_nanos() as i128,
            Ok(Err(before)) => -(before.duration().as_nanos() as i128),
            Err(_) => 0,
        }
    };
    key.extend_from_slice(&nanos(meta.modified()).to_le_bytes());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let changed = i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec());
        key.extend_from_slice(&changed.to_le_bytes());
        key.extend_from_slice(&meta.ino().to_le_bytes());
        key.extend_from_slice(&meta.dev().to_le_bytes());
    }
    key.extend_from_slice(&sample_hash(&file, meta.len())?.to_le_bytes());
    Ok(key)
}

/// The xxh3 of the first and last 64 KiB of a file and of 16 blocks of 4 KiB spread
/// evenly between them (the whole file when it is smaller than that).
fn sample_hash(file: &File, len: u64) -> io::Result<u64> {
    const END: u64 = 64 << 10;
    const BLOCK: u64 = 4 << 10;
    const BLOCKS: u64 = 16;
    let mut ranges: Vec<Range<u64>> = Vec::new();
    if len <= 2 * END + BLOCKS * BLOCK {
        ranges.push(0..len);
    } else {
        ranges.push(0..END);
        let between = len - 2 * END;
        for i in 0..BLOCKS {
            let start = END + between / (BLOCKS + 1) * (i + 1);
            ranges.push(start..start + BLOCK);
        }
        ranges.push(len - END..len);
    }
    let mut hasher = Xxh3::new();
    let mut buffer = Vec::new();
    for range in ranges {
        buffer.resize((range.end - range.start) as usize, 0);
        read_exact_at(file, &mut buffer, range.start)?;
        hasher.update(&buffer);
    }
    Ok(hasher.digest())
}

/// A growing byte buffer whose start is 8-byte aligned, so that its sections can be read
/// as arrays of `u64` in place.
#[derive(Debug, Default)]
pub(crate) struct Aligned {
    words: Vec<u64>,
    len: usize,
}

impl Aligned {
    fn with_capacity(bytes: usize) -> Aligned {
        Aligned {
            words: Vec::with_capacity(bytes.div_ceil(8)),
            len: 0,
        }
    }

    fn extend(&mut self, data: &[u8]) {
        let end = self.len + data.len();
        self.words.resize(end.div_ceil(8), 0);
        bytemuck::cast_slice_mut::<u64, u8>(&mut self.words)[self.len..end].copy_from_slice(data);
        self.len = end;
    }

    fn bytes(&self) -> &[u8] {
        &bytemuck::cast_slice::<u64, u8>(&self.words)[..self.len]
    }

    fn bytes_mut(&mut self) -> &mut [u8] {
        &mut bytemuck::cast_slice_mut::<u64, u8>(&mut self.words)[..self.len]
    }
}

/// Lays out an index: the prefix and key, then a fixed number of sections, in memory or
/// straight into its file ([`ImageWriter::to_file`]).
pub(crate) struct ImageWriter {
    sink: Sink,
    /// Bytes laid out so far.
    len: usize,
    body: usize,
    table: usize,
    /// Each section's (offset from the body, length), written into the table at the end.
    slots: Vec<[u64; 2]>,
    sections: usize,
}

/// Where an [`ImageWriter`] puts the bytes.
enum Sink {
    Memory(Aligned),
    /// A temp file beside the index file `path`, renamed to it once whole; the first
    /// error is kept and told by [`ImageWriter::finish_file`].
    File {
        out: io::BufWriter<File>,
        temp: PathBuf,
        path: PathBuf,
        error: Option<io::Error>,
    },
}

/// Zeros for padding and placeholders.
const ZEROS: [u8; 64] = [0; 64];

impl ImageWriter {
    /// An index keyed to `key`, with `sections` sections; `capacity` is a guess of its size.
    pub(crate) fn new(key: &[u8], sections: usize, capacity: usize) -> ImageWriter {
        let image = Aligned::with_capacity(capacity + PREFIX + key.len() + 16 * sections);
        ImageWriter::start(Sink::Memory(image), key, sections)
    }

    /// An index keyed to `key`, with `sections` sections, written as the index file `path`
    /// as it is laid out (a temp file in the same folder, renamed by
    /// [`ImageWriter::finish_file`]), so that a large index is never held whole in memory.
    /// Creates the cache folder if need be.
    pub(crate) fn to_file(path: &Path, key: &[u8], sections: usize) -> io::Result<ImageWriter> {
        let folder = path.parent().ok_or_else(|| io::Error::other("no folder"))?;
        fs::create_dir_all(folder)?;
        let temp = temp_beside(path, folder);
        let file = File::create_new(&temp)?;
        let sink = Sink::File {
            out: io::BufWriter::with_capacity(1 << 20, file),
            temp,
            path: path.to_owned(),
            error: None,
        };
        Ok(ImageWriter::start(sink, key, sections))
    }

    fn start(sink: Sink, key: &[u8], sections: usize) -> ImageWriter {
        let mut writer = ImageWriter {
            sink,
            len: 0,
            body: 0,
            table: 0,
            slots: Vec::with_capacity(sections),
            sections,
        };
        writer.write(&MAGIC);
        writer.write(&FORMAT.to_le_bytes());
        writer.write(&BYTE_ORDER.to_le_bytes());
        writer.write(&(key.len() as u64).to_le_bytes());
        // The body's length and the checksum, known at the end.
        writer.write(&[0; 16]);
        writer.write(key);
        writer.pad();
        writer.body = writer.len;
        writer.write(&(sections as u64).to_le_bytes());
        writer.table = writer.len;
        for _ in 0..sections {
            writer.write(&[0; 16]);
        }
        writer
    }

    fn write(&mut self, bytes: &[u8]) {
        match &mut self.sink {
            Sink::Memory(image) => image.extend(bytes),
            Sink::File { out, error, .. } => {
                if error.is_none()
                    && let Err(e) = out.write_all(bytes)
                {
                    *error = Some(e);
                }
            }
        }
        self.len += bytes.len();
    }

    fn pad(&mut self) {
        let padding = self.len.div_ceil(8) * 8 - self.len;
        self.write(&ZEROS[..padding]);
    }

    /// Appends the next section.
    pub(crate) fn put<T: bytemuck::Pod>(&mut self, data: &[T]) {
        self.put_parts(std::iter::once(data));
    }

    /// Appends the next section, the parts one after the other: what a section is made of
    /// need not be copied together first.
    pub(crate) fn put_parts<'d, T: bytemuck::Pod>(
        &mut self,
        parts: impl IntoIterator<Item = &'d [T]>,
    ) {
        assert!(
            self.slots.len() < self.sections,
            "more sections than announced"
        );
        self.pad();
        let start = self.len;
        for part in parts {
            self.write(bytemuck::cast_slice(part));
        }
        self.slots
            .push([(start - self.body) as u64, (self.len - start) as u64]);
    }

    /// Appends the next section, made of `items` (a few thousand at a time are copied).
    pub(crate) fn put_iter<T: bytemuck::Pod>(&mut self, items: impl IntoIterator<Item = T>) {
        const CHUNK: usize = 8192;
        assert!(
            self.slots.len() < self.sections,
            "more sections than announced"
        );
        self.pad();
        let start = self.len;
        let mut items = items.into_iter();
        let mut chunk: Vec<T> = Vec::with_capacity(CHUNK);
        loop {
            chunk.clear();
            chunk.extend(items.by_ref().take(CHUNK));
            if chunk.is_empty() {
                break;
            }
            self.write(bytemuck::cast_slice(&chunk));
        }
        self.slots
            .push([(start - self.body) as u64, (self.len - start) as u64]);
    }

    /// The section table, as its bytes.
    fn table_bytes(&self) -> Vec<u8> {
        assert_eq!(
            self.slots.len(),
            self.sections,
            "fewer sections than announced"
        );
        self.slots
            .iter()
            .flat_map(|[offset, len]| [offset.to_le_bytes(), len.to_le_bytes()])
            .flatten()
            .collect()
    }

    /// The finished index, with its checksum (an index laid out in memory).
    pub(crate) fn finish(mut self) -> Aligned {
        self.pad();
        let table = self.table_bytes();
        let body_len = (self.len - self.body) as u64;
        let Sink::Memory(mut image) = self.sink else {
            unreachable!("an index written to its file is finished by finish_file");
        };
        let bytes = image.bytes_mut();
        bytes[self.table..self.table + table.len()].copy_from_slice(&table);
        let sum = xxh3_64(&bytes[PREFIX..]);
        bytes[24..32].copy_from_slice(&body_len.to_le_bytes());
        bytes[32..40].copy_from_slice(&sum.to_le_bytes());
        image
    }

    /// Finishes an index written to its file ([`ImageWriter::to_file`]): the section table
    /// and the body's length go in their places, the checksum of the file read back (from
    /// the system's file cache, a piece at a time) after them, and the file is renamed to
    /// the index file. On failure the temp file is removed.
    pub(crate) fn finish_file(mut self) -> io::Result<()> {
        self.pad();
        let table = self.table_bytes();
        let (body_len, table_at) = ((self.len - self.body) as u64, self.table as u64);
        let Sink::File {
            out,
            temp,
            path,
            error,
        } = self.sink
        else {
            unreachable!("an index laid out in memory is finished by finish");
        };
        let finished = error.map_or(Ok(()), Err).and_then(|()| {
            let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
            write_all_at(&file, &table, table_at)?;
            write_all_at(&file, &body_len.to_le_bytes(), 24)?;
            let sum = hash_file(&file, PREFIX as u64)?;
            write_all_at(&file, &sum.to_le_bytes(), 32)?;
            fs::rename(&temp, &path)
        });
        if finished.is_err() {
            let _ = fs::remove_file(&temp);
        }
        finished
    }
}

/// The xxh3 of `file` from `from` to its end, read a piece at a time.
fn hash_file(file: &File, from: u64) -> io::Result<u64> {
    let len = file.metadata()?.len();
    let mut hasher = Xxh3::new();
    let mut buffer = vec![0u8; 1 << 20];
    let mut at = from;
    while at < len {
        let piece = (len - at).min(buffer.len() as u64) as usize;
        read_exact_at(file, &mut buffer[..piece], at)?;
        hasher.update(&buffer[..piece]);
        at += piece as u64;
    }
    Ok(hasher.digest())
}

/// A temp file's name in `folder` for the index file `path`: unique to this process and
/// moment, and found by nothing that reads indexes.
fn temp_beside(path: &Path, folder: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    folder.join(format!(".{name}.{}.{nanos:x}.tmp", std::process::id()))
}

/// Where an index's bytes are: mapped from its file, or built in memory.
enum Bytes {
    Mapped(memmap2::Mmap),
    Built(Aligned),
}

/// A checked index: its bytes and the byte ranges of its sections.
pub(crate) struct IndexBytes {
    bytes: Bytes,
    sections: Vec<Range<usize>>,
}

/// Why an index file was not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejected {
    /// There is none (or it cannot be read).
    Missing,
    /// Built for another version of the TMX file, another file, other languages or another
    /// version of songngu.
    Stale,
    /// Shorter or longer than it says, or its layout does not hold together.
    Truncated,
    /// Its content does not match its checksum.
    Corrupted,
}

impl IndexBytes {
    /// The index file at `path`, if it is keyed to `key` and whole.
    pub(crate) fn open(path: &Path, key: &[u8]) -> Result<IndexBytes, Rejected> {
        let file = File::open(path).map_err(|_| Rejected::Missing)?;
        let len = file.metadata().map_err(|_| Rejected::Missing)?.len();
        if len < PREFIX as u64 {
            return Err(Rejected::Truncated);
        }
        // SAFETY: index files are only ever replaced by rename, never written in place, so
        // the mapped bytes do not change under us (see the module docs).
        let map = unsafe { memmap2::Mmap::map(&file) }.map_err(|_| Rejected::Missing)?;
        // The checksum reads every page; each piece hashed is let go of at once, so that
        // the process keeps mapped only what its lookups touch (the pages stay in the
        // system's file cache).
        let hash = |from: usize| -> u64 {
            const PIECE: usize = 4 << 20;
            let mut hasher = Xxh3::new();
            let mut at = from;
            while at < map.len() {
                let end = map.len().min(at + PIECE);
                hasher.update(&map[at..end]);
                #[cfg(unix)]
                // SAFETY: the mapping is read-only and the file is never written in place,
                // so dropping its pages only means reading them again from the file cache.
                let _ = unsafe {
                    map.unchecked_advise_range(memmap2::UncheckedAdvice::DontNeed, at, end - at)
                };
                at = end;
            }
            hasher.digest()
        };
        let sections = check(&map, key, Some(&hash))?;
        Ok(IndexBytes {
            bytes: Bytes::Mapped(map),
            sections,
        })
    }

    /// An index just built (not read back from disk: its checksum is not checked again).
    pub(crate) fn built(image: Aligned, key: &[u8]) -> Result<IndexBytes, Rejected> {
        let sections = check(image.bytes(), key, None)?;
        Ok(IndexBytes {
            bytes: Bytes::Built(image),
            sections,
        })
    }

    /// Lets go of the mapped pages read so far (by the checks when opening): lookups map
    /// again only what they touch, from the system's file cache.
    pub(crate) fn release(&self) {
        self.release_range(0..self.len());
    }

    /// [`IndexBytes::release`] for the sections `sections` only: a check that reads the
    /// sections one after the other lets go of each when done, so that the pages of the
    /// whole index (61 MB for 480,000 TUs) are never resident at once.
    pub(crate) fn release_sections(&self, sections: std::ops::Range<usize>) {
        for range in self.sections.get(sections).unwrap_or_default() {
            self.release_range(range.clone());
        }
    }

    fn release_range(&self, range: Range<usize>) {
        #[cfg(unix)]
        if let Bytes::Mapped(map) = &self.bytes {
            // Whole pages only: the advice applies from a page boundary.
            let page = 4096;
            let start = range.start.div_ceil(page) * page;
            let end = range.end.min(map.len());
            if start < end {
                // SAFETY: as in `open`: a read-only mapping of a file never written in
                // place.
                let _ = unsafe {
                    map.unchecked_advise_range(
                        memmap2::UncheckedAdvice::DontNeed,
                        start,
                        end - start,
                    )
                };
            }
        }
        #[cfg(not(unix))]
        let _ = range;
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        match &self.bytes {
            Bytes::Mapped(map) => map,
            Bytes::Built(image) => image.bytes(),
        }
    }

    /// Whether the bytes are mapped from the index file (not held in memory).
    #[cfg(test)]
    pub(crate) fn is_mapped(&self) -> bool {
        matches!(self.bytes, Bytes::Mapped(_))
    }

    /// The number of sections.
    pub(crate) fn section_count(&self) -> usize {
        self.sections.len()
    }

    /// Section `index` as an array of `T`; `None` if it is not one (misaligned or a partial
    /// element), which a checked index never is.
    pub(crate) fn section<T: bytemuck::Pod>(&self, index: usize) -> Option<&[T]> {
        let range = self.sections.get(index)?.clone();
        bytemuck::try_cast_slice(self.bytes().get(range)?).ok()
    }

    /// The size in bytes.
    pub(crate) fn len(&self) -> usize {
        self.bytes().len()
    }
}

/// Checks an index's prefix, key, length, checksum (with `hash`, which hashes the bytes
/// from the offset it is given) and section table; returns the sections' byte ranges.
fn check(
    bytes: &[u8],
    key: &[u8],
    hash: Option<&dyn Fn(usize) -> u64>,
) -> Result<Vec<Range<usize>>, Rejected> {
    let u64_at = |at: usize| -> u64 {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(word)
    };
    if bytes.len() < PREFIX || bytes[..8] != MAGIC {
        return Err(Rejected::Truncated);
    }
    if bytes[8..12] != FORMAT.to_le_bytes() || bytes[12..16] != BYTE_ORDER.to_ne_bytes() {
        return Err(Rejected::Stale);
    }
    if cfg!(target_endian = "big") {
        return Err(Rejected::Stale);
    }
    let key_len = usize::try_from(u64_at(16)).map_err(|_| Rejected::Truncated)?;
    if key_len != key.len() {
        return Err(Rejected::Stale);
    }
    let body = PREFIX + key_len.div_ceil(8) * 8;
    if bytes.len() < body || bytes[PREFIX..PREFIX + key_len] != *key {
        return Err(if bytes.len() < body {
            Rejected::Truncated
        } else {
            Rejected::Stale
        });
    }
    let body_len = usize::try_from(u64_at(24)).map_err(|_| Rejected::Truncated)?;
    if bytes.len() != body.saturating_add(body_len) || body_len < 8 {
        return Err(Rejected::Truncated);
    }
    if hash.is_some_and(|hash| hash(PREFIX) != u64_at(32)) {
        return Err(Rejected::Corrupted);
    }
    let count = usize::try_from(u64_at(body)).map_err(|_| Rejected::Truncated)?;
    if count > body_len / 16 {
        return Err(Rejected::Truncated);
    }
    let mut sections = Vec::with_capacity(count);
    for i in 0..count {
        let entry = body + 8 + 16 * i;
        let offset = usize::try_from(u64_at(entry)).map_err(|_| Rejected::Truncated)?;
        let len = usize::try_from(u64_at(entry + 8)).map_err(|_| Rejected::Truncated)?;
        let start = body.saturating_add(offset);
        let end = start.saturating_add(len);
        if offset % 8 != 0 || end > bytes.len() || start < body + 8 + 16 * count {
            return Err(Rejected::Truncated);
        }
        sections.push(start..end);
    }
    Ok(sections)
}

/// Writes `image` as the index file `path`, atomically (a temp file in the same folder,
/// renamed), creating the cache folder if need be. Best effort: the caller ignores errors.
pub(crate) fn save(path: &Path, image: &Aligned) -> io::Result<()> {
    let folder = path.parent().ok_or_else(|| io::Error::other("no folder"))?;
    fs::create_dir_all(folder)?;
    let temp = temp_beside(path, folder);
    let written = File::create_new(&temp).and_then(|mut file| {
        file.write_all(image.bytes())?;
        file.flush()
    });
    let renamed = written.and_then(|()| fs::rename(&temp, path));
    if renamed.is_err() {
        let _ = fs::remove_file(&temp);
    }
    renamed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image(key: &[u8]) -> Aligned {
        let mut writer = ImageWriter::new(key, 3, 64);
        writer.put::<u64>(&[1, 2, 3]);
        writer.put::<u8>(b"hello");
        writer.put::<u32>(&[7]);
        writer.finish()
    }

    #[test]
    fn an_index_reads_back_and_every_damage_is_told() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(FOLDER).join("m.tmx.idx");
        save(&path, &image(b"key")).expect("save");
        let index = IndexBytes::open(&path, b"key").expect("opens");
        assert_eq!(index.section_count(), 3);
        assert_eq!(index.section::<u64>(0), Some(&[1u64, 2, 3][..]));
        assert_eq!(index.section::<u8>(1), Some(&b"hello"[..]));
        assert_eq!(index.section::<u32>(2), Some(&[7u32][..]));
        assert_eq!(IndexBytes::open(&path, b"kez").err(), Some(Rejected::Stale));
        assert_eq!(
            IndexBytes::open(&path, b"longer").err(),
            Some(Rejected::Stale)
        );

        let bytes = fs::read(&path).expect("read");
        for cut in [0, 10, 39, 48, bytes.len() - 1] {
            fs::write(&path, &bytes[..cut]).expect("write");
            assert_eq!(
                IndexBytes::open(&path, b"key").err(),
                Some(Rejected::Truncated),
                "cut at {cut}"
            );
        }
        for at in [33, 60, bytes.len() - 1] {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x10;
            fs::write(&path, &flipped).expect("write");
            assert_eq!(
                IndexBytes::open(&path, b"key").err(),
                Some(Rejected::Corrupted),
                "flip at {at}"
            );
        }
        fs::remove_file(&path).expect("remove");
        assert_eq!(
            IndexBytes::open(&path, b"key").err(),
            Some(Rejected::Missing)
        );
    }

    #[test]
    fn the_key_follows_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let tmx = dir.path().join("m.tmx");
        fs::write(&tmx, vec![b'a'; 300_000]).expect("write");
        let first = key(&tmx, b"en vi").expect("key");
        assert_eq!(key(&tmx, b"en vi").expect("key"), first);
        assert_ne!(key(&tmx, b"vi en").expect("key"), first);
        // An edit in place that keeps the size.
        let mut bytes = fs::read(&tmx).expect("read");
        bytes[150_000] = b'b';
        fs::write(&tmx, &bytes).expect("write");
        assert_ne!(key(&tmx, b"en vi").expect("key"), first);
        assert_eq!(
            index_path(&tmx),
            Some(dir.path().join(".songngu-cache").join("m.tmx.idx"))
        );
    }
}
