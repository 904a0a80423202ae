//! The journal of a memory file: the changes saved since the TMX was last written whole.
//!
//! Rewriting a memory of a million TUs (700 MB) to store one translation costs half a
//! minute; appending the translation to a journal beside it costs a few kilobytes. So a
//! save appends the changes to `<file>.journal` (next to the file a symbolic link points
//! to, like the lock), and the journal is *compacted* into the TMX (the TMX rewritten
//! whole, atomically, as every save did before) when it has grown past an eighth of the
//! TMX, when `songngu tm compact` asks, or when a save cannot be journaled (see
//! [`crate::memory::store::Memory::save`]). Everything songngu reads a memory with sees
//! the TMX with its journal applied; other tools see only the TMX.
//!
//! # Format
//!
//! The file starts with [`MAGIC`], then records, each `kind` (one byte), `len` (u32, little
//! endian), `crc` (CRC-32 of the kind, the length and the body) and `len` bytes of body:
//!
//! - `H` (first, once): the TMX the journal extends: its length and a hash of 64 blocks
//!   of 4 KiB spread over it ([`Identity`]).
//! - `P` put a TU: the key of the entry it supersedes (none for a new TU) and the TU's
//!   XML, exactly as the TMX writer writes it.
//! - `R` remove the entry of a key.
//! - `C` commit: the `P` and `R` records since the previous `C` (or `H`) hold from here
//!   on. A save appends its records and one `C`, then syncs the file.
//! - `K` compacted: written (and synced) just before a compacted TMX replaces the old one;
//!   it holds the new TMX's [`Identity`] and the SHA-256 of all its bytes.
//!
//! A key names a TU of the TMX by the byte span of its `<tu>` element and the CRC-32 of
//! those bytes, or a TU of the journal by the offset of its XML in the journal.
//!
//! # Crashes and other programs
//!
//! - A crash while appending leaves records without their `C` (or a torn record): they
//!   were never acknowledged, readers ignore them and the next writer cuts them off.
//! - A crash after a compacted TMX replaced the old one but before the journal was
//!   removed leaves a journal whose `K` names the TMX: it is recognised (the TMX's whole
//!   bytes are hashed to be sure) and dropped.
//! - A TMX that is not the one the journal extends (another program or a `git pull`
//!   changed it) is an error naming both files: dropping the journal would lose
//!   translations, applying it to another file could put them in the wrong place. A key
//!   whose TU is not in the TMX with the same bytes is the same error.
//!
//! The memory's lock (`<file>.lock`) covers the journal too: only its holder appends,
//! cuts or removes it. Readers take no lock and read only what was committed.

use crate::fsio::{read_at, read_exact_at, read_span, write_all_at};
use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::tmx::{self, Attr, Header, Problem, SourceEncoding, TmxReader, Tu};

/// The first bytes of a journal.
pub const MAGIC: &[u8] = b"songngu journal 1\n";

/// What a journal's name adds to its memory file's: `news.tmx` → `news.tmx.journal`.
pub const SUFFIX: &str = ".journal";

/// A record's kind, length and checksum.
const RECORD_HEAD: u64 = 9;

/// The largest record body read: a TU may take 64 MiB ([`tmx::Limits`]), plus its key.
const MAX_BODY: u32 = (64 << 20) + 64;

const SAMPLE_BLOCK: u64 = 4096;
const SAMPLE_BLOCKS: u64 = 64;

/// Errors of the journal.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// The journal does not extend the TMX as it is now.
    #[error(
        "`{journal}` holds changes to another version of `{tmx}` (the file was changed by another program since); nothing was read or written. Put back the version of `{tmx}` the journal extends and run `songngu tm compact`, or move the journal away to use the file as it is"
    )]
    Mismatch { journal: PathBuf, tmx: PathBuf },
    /// Not a journal, or committed records that make no sense.
    #[error("`{path}` is not a journal songngu can read: {reason}")]
    Damaged {
        path: PathBuf,
        reason: JournalDamage,
    },
    #[error("cannot access `{path}`: {source}")]
    Io { path: PathBuf, source: io::Error },
}

/// What makes a journal unreadable; a front end words each case itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum JournalDamage {
    #[error("it does not start as a journal")]
    NotAJournal,
    #[error("a short header")]
    ShortHeader,
    #[error("no header")]
    NoHeader,
    #[error("a bad key")]
    BadKey,
    #[error("a short record")]
    ShortRecord,
    #[error("an unknown record")]
    UnknownRecord,
    #[error("a change to a TU that is not there")]
    MissingTu,
    #[error("a change to a TU changed before")]
    ChangedTwice,
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> JournalError + '_ {
    move |source| JournalError::Io {
        path: path.to_owned(),
        source,
    }
}

/// The journal of the memory file `real` (a path that is not a symbolic link).
pub fn path_for(real: &Path) -> PathBuf {
    let mut name = real
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(SUFFIX);
    real.with_file_name(name)
}

/// CRC-32 (IEEE 802.3, as zlib and PNG use it).
#[derive(Debug, Clone, Copy)]
pub struct Crc32(u32);

const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
};

impl Crc32 {
    pub fn new() -> Crc32 {
        Crc32(!0)
    }

    pub fn update(&mut self, bytes: &[u8]) {
        let mut c = self.0;
        for &b in bytes {
            c = CRC_TABLE[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8);
        }
        self.0 = c;
    }

    pub fn value(self) -> u32 {
        !self.0
    }

    pub fn of(bytes: &[u8]) -> u32 {
        let mut crc = Crc32::new();
        crc.update(bytes);
        crc.value()
    }
}

impl Default for Crc32 {
    fn default() -> Crc32 {
        Crc32::new()
    }
}

/// What a journal knows of the TMX it extends: its length and a hash of 64 blocks of 4 KiB
/// spread over it (the whole file when it is smaller). Cheap to take of a big file, and it
/// tells apart the versions of a memory (another program's save, a `git pull`) in practice;
/// the keys of the TUs a journal changes are checked byte for byte on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    pub len: u64,
    pub sample: [u8; 16],
}

impl Identity {
    /// The identity of the file open as `file`.
    pub fn of(file: &File) -> io::Result<Identity> {
        let len = file.metadata()?.len();
        let mut hasher = Sha256::new();
        hasher.update(len.to_le_bytes());
        let mut block = vec![0u8; SAMPLE_BLOCK as usize];
        if len <= SAMPLE_BLOCK * SAMPLE_BLOCKS {
            let mut whole = Vec::with_capacity(len as usize);
            let mut reader = file;
            reader.seek(SeekFrom::Start(0))?;
            reader.take(len).read_to_end(&mut whole)?;
            hasher.update(&whole);
        } else {
            let last = len - SAMPLE_BLOCK;
            for i in 0..SAMPLE_BLOCKS {
                let at = last / (SAMPLE_BLOCKS - 1) * i;
                let at = if i == SAMPLE_BLOCKS - 1 { last } else { at };
                read_exact_at(file, &mut block, at)?;
                hasher.update(&block);
            }
        }
        let digest = hasher.finalize();
        let mut sample = [0u8; 16];
        sample.copy_from_slice(&digest[..16]);
        Ok(Identity { len, sample })
    }

    /// The identity of the file at `path`, `None` if there is none.
    pub fn of_path(path: &Path) -> io::Result<Option<Identity>> {
        match File::open(path) {
            Ok(file) => Identity::of(&file).map(Some),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(e) => Err(e),
        }
    }

    fn encode(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.len.to_le_bytes());
        out.extend_from_slice(&self.sample);
    }

    fn decode(bytes: &mut &[u8]) -> Option<Identity> {
        let len = take_u64(bytes)?;
        let sample = take(bytes, 16)?.try_into().ok()?;
        Some(Identity { len, sample })
    }
}

/// The SHA-256 of a whole file.
pub fn sha256_of(path: &Path) -> io::Result<[u8; 32]> {
    let mut hasher = Sha256::new();
    io::copy(&mut File::open(path)?, &mut hasher)?;
    Ok(hasher.finalize().into())
}

/// Which TU a record changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The TU whose `<tu>` element is at `start..start + len` in the TMX, with the CRC-32
    /// of those bytes.
    Tmx { start: u64, len: u32, crc: u32 },
    /// The TU put by the record whose XML starts at `start` in the journal.
    Journal { start: u64 },
}

impl Key {
    fn encode(key: Option<&Key>, out: &mut Vec<u8>) {
        match key {
            None => out.push(0),
            Some(Key::Tmx { start, len, crc }) => {
                out.push(1);
                out.extend_from_slice(&start.to_le_bytes());
                out.extend_from_slice(&len.to_le_bytes());
                out.extend_from_slice(&crc.to_le_bytes());
            }
            Some(Key::Journal { start }) => {
                out.push(2);
                out.extend_from_slice(&start.to_le_bytes());
            }
        }
    }

    /// `Err` for a tag that is not a key; `Ok(None)` for "no key".
    fn decode(bytes: &mut &[u8]) -> Result<Option<Key>, ()> {
        let tag = take(bytes, 1).ok_or(())?[0];
        match tag {
            0 => Ok(None),
            1 => {
                let start = take_u64(bytes).ok_or(())?;
                let len = take_u32(bytes).ok_or(())?;
                let crc = take_u32(bytes).ok_or(())?;
                Ok(Some(Key::Tmx { start, len, crc }))
            }
            2 => Ok(Some(Key::Journal {
                start: take_u64(bytes).ok_or(())?,
            })),
            _ => Err(()),
        }
    }
}

fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if bytes.len() < n {
        return None;
    }
    let (head, rest) = bytes.split_at(n);
    *bytes = rest;
    Some(head)
}

fn take_u64(bytes: &mut &[u8]) -> Option<u64> {
    Some(u64::from_le_bytes(take(bytes, 8)?.try_into().ok()?))
}

fn take_u32(bytes: &mut &[u8]) -> Option<u32> {
    Some(u32::from_le_bytes(take(bytes, 4)?.try_into().ok()?))
}

/// A committed change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// The TU whose XML is at `start..start + len` of the journal; it takes the place of
    /// the entry of `supersedes`, or goes after everything else.
    Put {
        supersedes: Option<Key>,
        start: u64,
        len: u32,
    },
    Remove(Key),
}

impl Op {
    /// The entry the change takes the place of (`None`: a new TU), and where the new TU's
    /// XML is in the journal (`None`: the entry is removed).
    pub fn parts(self) -> (Option<Key>, Option<(u64, u32)>) {
        match self {
            Op::Put {
                supersedes,
                start,
                len,
            } => (supersedes, Some((start, len))),
            Op::Remove(key) => (Some(key), None),
        }
    }
}

/// A journal as read: its committed changes.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    /// The TMX it extends.
    pub extends: Option<Identity>,
    /// The committed changes, in order.
    pub ops: Vec<Op>,
    /// How many commits.
    pub commits: usize,
    /// The length of the committed part: anything after it was never acknowledged.
    pub committed_len: u64,
    /// The file is longer than its committed part (a crash while appending).
    pub torn: bool,
    /// The last `K` record: the compacted TMX that made the journal obsolete.
    pub compacted: Option<(Identity, [u8; 32])>,
}

impl Parsed {
    /// Whether the journal holds any committed change.
    pub fn has_changes(&self) -> bool {
        !self.ops.is_empty()
    }
}

/// Reads the journal open as `file` (named `path` in errors): every record up to the first
/// torn or damaged one; the changes count from their commit.
pub fn parse(path: &Path, file: &File) -> Result<Parsed, JournalError> {
    let damaged = |reason: JournalDamage| JournalError::Damaged {
        path: path.to_owned(),
        reason,
    };
    let file_len = file.metadata().map_err(io_error(path))?.len();
    let mut reader = BufReader::with_capacity(1 << 20, file);
    reader.seek(SeekFrom::Start(0)).map_err(io_error(path))?;
    let mut magic = Vec::with_capacity(MAGIC.len());
    (&mut reader)
        .take(MAGIC.len() as u64)
        .read_to_end(&mut magic)
        .map_err(io_error(path))?;
    if magic != MAGIC {
        // Cut short by a crash before its header was synced: it holds nothing.
        if magic.len() < MAGIC.len() && MAGIC.starts_with(&magic) {
            return Ok(Parsed {
                torn: !magic.is_empty(),
                ..Parsed::default()
            });
        }
        return Err(damaged(JournalDamage::NotAJournal));
    }
    let mut parsed = Parsed {
        committed_len: MAGIC.len() as u64,
        ..Parsed::default()
    };
    let mut at = MAGIC.len() as u64;
    let mut batch: Vec<Op> = Vec::new();
    let mut body = Vec::new();
    loop {
        let mut head = [0u8; RECORD_HEAD as usize];
        if at + RECORD_HEAD > file_len || reader.read_exact(&mut head).is_err() {
            break;
        }
        let kind = head[0];
        let len = u32::from_le_bytes(head[1..5].try_into().unwrap_or_default());
        let crc = u32::from_le_bytes(head[5..9].try_into().unwrap_or_default());
        if len > MAX_BODY || at + RECORD_HEAD + u64::from(len) > file_len {
            break;
        }
        body.resize(len as usize, 0);
        if reader.read_exact(&mut body).is_err() {
            break;
        }
        let mut check = Crc32::new();
        check.update(&head[..5]);
        check.update(&body);
        if check.value() != crc {
            break;
        }
        let body_start = at + RECORD_HEAD;
        at = body_start + u64::from(len);
        let mut rest: &[u8] = &body;
        match kind {
            b'H' if parsed.extends.is_none() => {
                parsed.extends = Some(
                    Identity::decode(&mut rest)
                        .ok_or_else(|| damaged(JournalDamage::ShortHeader))?,
                );
                parsed.committed_len = at;
            }
            _ if parsed.extends.is_none() => return Err(damaged(JournalDamage::NoHeader)),
            b'P' => {
                let supersedes =
                    Key::decode(&mut rest).map_err(|()| damaged(JournalDamage::BadKey))?;
                let key_len = body.len() - rest.len();
                batch.push(Op::Put {
                    supersedes,
                    start: body_start + key_len as u64,
                    len: u32::try_from(rest.len()).unwrap_or(u32::MAX),
                });
            }
            b'R' => match Key::decode(&mut rest) {
                Ok(Some(key)) => batch.push(Op::Remove(key)),
                _ => return Err(damaged(JournalDamage::BadKey)),
            },
            b'C' => {
                parsed.ops.append(&mut batch);
                parsed.commits += 1;
                parsed.committed_len = at;
            }
            b'K' => {
                let identity = Identity::decode(&mut rest)
                    .ok_or_else(|| damaged(JournalDamage::ShortRecord))?;
                let hash: [u8; 32] = take(&mut rest, 32)
                    .and_then(|h| h.try_into().ok())
                    .ok_or_else(|| damaged(JournalDamage::ShortRecord))?;
                parsed.compacted = Some((identity, hash));
                // Not a change: the committed part ends where it ended.
                if batch.is_empty() {
                    parsed.committed_len = at;
                }
            }
            _ => return Err(damaged(JournalDamage::UnknownRecord)),
        }
    }
    parsed.torn = parsed.committed_len < file_len;
    Ok(parsed)
}

/// What a journal is to the TMX beside it.
#[derive(Debug)]
pub enum Standing {
    /// It extends the TMX as it is: apply its changes.
    Applies,
    /// A compaction wrote its changes into the TMX (and crashed before removing it), or it
    /// holds no committed change: drop it.
    Obsolete,
}

/// Whether the journal `parsed` (at `journal`) extends the TMX at `tmx` (a path that is not
/// a link). A journal with changes that does not is [`JournalError::Mismatch`].
pub fn standing(tmx: &Path, journal: &Path, parsed: &Parsed) -> Result<Standing, JournalError> {
    let now = Identity::of_path(tmx).map_err(io_error(tmx))?;
    if let (Some(now), Some((compacted, hash))) = (now, parsed.compacted)
        && now == compacted
        && sha256_of(tmx).map_err(io_error(tmx))? == hash
    {
        return Ok(Standing::Obsolete);
    }
    if !parsed.has_changes() {
        return Ok(Standing::Obsolete);
    }
    if now.is_some() && now == parsed.extends {
        return Ok(Standing::Applies);
    }
    Err(JournalError::Mismatch {
        journal: journal.to_owned(),
        tmx: tmx.to_owned(),
    })
}

/// Removes the journal at `path` (if any) and syncs its folder.
pub fn remove(path: &Path) -> Result<(), JournalError> {
    match fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(io_error(path)(e)),
    }
    sync_folder(&crate::fsio::folder_of(path)).map_err(io_error(path))
}

fn sync_folder(folder: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(folder)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

/// An open journal: its committed part, readable, and appendable when opened for update.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: File,
    /// The length of the committed part (the file is cut to it when opened for update).
    len: u64,
    /// Committed changes in it.
    changes: usize,
}

impl Journal {
    /// Opens the journal of the TMX `tmx` (not a link), if there is one that applies:
    /// `None` when there is none, or when it is obsolete (and then, with `update`,
    /// removed). With `update` (the memory's lock held) a tail that was never committed is
    /// cut off. Returns the journal and its committed changes.
    pub fn open(tmx: &Path, update: bool) -> Result<Option<(Journal, Vec<Op>)>, JournalError> {
        let path = path_for(tmx);
        let opened = if update {
            OpenOptions::new().read(true).write(true).open(&path)
        } else {
            File::open(&path)
        };
        let file = match opened {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io_error(&path)(e)),
        };
        let parsed = parse(&path, &file)?;
        match standing(tmx, &path, &parsed)? {
            Standing::Obsolete => {
                if update {
                    drop(file);
                    remove(&path)?;
                }
                Ok(None)
            }
            Standing::Applies => {
                if update && parsed.torn {
                    file.set_len(parsed.committed_len)
                        .and_then(|()| file.sync_all())
                        .map_err(io_error(&path))?;
                }
                let journal = Journal {
                    path,
                    file,
                    len: parsed.committed_len,
                    changes: parsed.ops.len(),
                };
                Ok(Some((journal, parsed.ops)))
            }
        }
    }

    /// Creates the journal of `tmx` (not a link), extending it as it is now; `mode_of` is
    /// the metadata whose mode and owner it takes (the TMX's).
    pub fn create(tmx: &Path, mode_of: &fs::Metadata) -> Result<Journal, JournalError> {
        let path = path_for(tmx);
        let extends = File::open(tmx)
            .and_then(|file| Identity::of(&file))
            .map_err(io_error(tmx))?;
        let mut options = OpenOptions::new();
        options.read(true).write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = match options.open(&path) {
            Ok(file) => file,
            // Left by a crash before its header was written whole: nothing committed.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                let file = OpenOptions::new()
                    .read(true)
                    .write(true)
                    .open(&path)
                    .map_err(io_error(&path))?;
                let parsed = parse(&path, &file)?;
                if parsed.has_changes() {
                    return Err(JournalError::Mismatch {
                        journal: path,
                        tmx: tmx.to_owned(),
                    });
                }
                file.set_len(0).map_err(io_error(&path))?;
                file
            }
            Err(e) => return Err(io_error(&path)(e)),
        };
        crate::fsio::Kept::of(mode_of)
            .apply(&file)
            .map_err(io_error(&path))?;
        let mut head = MAGIC.to_vec();
        let mut body = Vec::new();
        extends.encode(&mut body);
        record(&mut head, b'H', &[&body]);
        write_all_at(&file, &head, 0).map_err(io_error(&path))?;
        file.sync_all().map_err(io_error(&path))?;
        sync_folder(&crate::fsio::folder_of(&path)).map_err(io_error(&path))?;
        Ok(Journal {
            path,
            len: head.len() as u64,
            file,
            changes: 0,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The length of its committed part, in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.changes == 0
    }

    /// How many committed changes it holds.
    pub fn changes(&self) -> usize {
        self.changes
    }

    /// `len` bytes at `start`.
    pub fn read(&self, start: u64, len: u32) -> io::Result<Vec<u8>> {
        read_span(&self.file, start, len)
    }

    /// Appends one commit: `write` adds its records through the [`Batch`], then the
    /// commit record goes after them and the file is synced. On failure the journal is
    /// cut back to what it was.
    pub fn commit<T>(
        &mut self,
        write: impl FnOnce(&mut Batch<'_>) -> io::Result<T>,
    ) -> Result<T, JournalError> {
        let before = self.len;
        let result = self.append(write);
        match result {
            Ok((value, len, changes)) => {
                self.len = len;
                self.changes += changes;
                Ok(value)
            }
            Err(e) => {
                let _ = self.file.set_len(before);
                Err(io_error(&self.path)(e))
            }
        }
    }

    fn append<T>(
        &mut self,
        write: impl FnOnce(&mut Batch<'_>) -> io::Result<T>,
    ) -> io::Result<(T, u64, usize)> {
        let mut file = &self.file;
        file.seek(SeekFrom::Start(self.len))?;
        let mut batch = Batch {
            out: BufWriter::with_capacity(1 << 20, file),
            at: self.len,
            changes: 0,
            scratch: Vec::new(),
        };
        let value = write(&mut batch)?;
        batch.record(b'C', &[])?;
        let (at, changes) = (batch.at, batch.changes);
        batch.out.flush()?;
        drop(batch);
        self.file.sync_data()?;
        Ok((value, at, changes))
    }

    /// Appends the `K` record saying that the TMX with `identity` and SHA-256 `hash` holds
    /// every change, and syncs the file.
    pub fn compacted(&mut self, identity: Identity, hash: [u8; 32]) -> Result<(), JournalError> {
        let mut body = Vec::new();
        identity.encode(&mut body);
        body.extend_from_slice(&hash);
        let mut bytes = Vec::new();
        record(&mut bytes, b'K', &[&body]);
        write_all_at(&self.file, &bytes, self.len)
            .and_then(|()| self.file.sync_data())
            .map_err(io_error(&self.path))?;
        self.len += bytes.len() as u64;
        Ok(())
    }
}

/// One record: kind, length, CRC-32, then the body made of `parts`.
fn record(out: &mut Vec<u8>, kind: u8, parts: &[&[u8]]) {
    let len: usize = parts.iter().map(|p| p.len()).sum();
    let len = u32::try_from(len).unwrap_or(u32::MAX);
    let mut head = [0u8; 5];
    head[0] = kind;
    head[1..5].copy_from_slice(&len.to_le_bytes());
    let mut crc = Crc32::new();
    crc.update(&head);
    for part in parts {
        crc.update(part);
    }
    out.extend_from_slice(&head);
    out.extend_from_slice(&crc.value().to_le_bytes());
    for part in parts {
        out.extend_from_slice(part);
    }
}

/// The records of one commit being appended.
pub struct Batch<'a> {
    out: BufWriter<&'a File>,
    at: u64,
    changes: usize,
    scratch: Vec<u8>,
}

impl Batch<'_> {
    fn record(&mut self, kind: u8, parts: &[&[u8]]) -> io::Result<()> {
        self.scratch.clear();
        record(&mut self.scratch, kind, parts);
        self.out.write_all(&self.scratch)?;
        self.at += self.scratch.len() as u64;
        Ok(())
    }

    /// Puts the TU whose XML is `xml` in the place of `supersedes` (or after everything);
    /// returns where the XML is in the journal.
    pub fn put(&mut self, supersedes: Option<&Key>, xml: &[u8]) -> io::Result<u64> {
        let mut key = Vec::with_capacity(17);
        Key::encode(supersedes, &mut key);
        let start = self.at + RECORD_HEAD + key.len() as u64;
        if xml.len() as u64 + key.len() as u64 > u64::from(MAX_BODY) {
            return Err(io::Error::other("a TU too large for the journal"));
        }
        // Written without the scratch copy: a TU may be large.
        let len = u32::try_from(key.len() + xml.len()).unwrap_or(u32::MAX);
        let mut head = [0u8; 5];
        head[0] = b'P';
        head[1..5].copy_from_slice(&len.to_le_bytes());
        let mut crc = Crc32::new();
        crc.update(&head);
        crc.update(&key);
        crc.update(xml);
        self.out.write_all(&head)?;
        self.out.write_all(&crc.value().to_le_bytes())?;
        self.out.write_all(&key)?;
        self.out.write_all(xml)?;
        self.at = start + xml.len() as u64;
        self.changes += 1;
        Ok(start)
    }

    /// Removes the entry of `key`.
    pub fn remove(&mut self, key: &Key) -> io::Result<()> {
        let mut body = Vec::with_capacity(17);
        Key::encode(Some(key), &mut body);
        self.changes += 1;
        self.record(b'R', &[&body])
    }
}

/// The bytes a put of `xml` adds to a journal.
pub fn put_size(xml_len: u64) -> u64 {
    RECORD_HEAD + 17 + xml_len
}

/// Where new and changed TUs wait for the save: a file nobody else sees (removed from its
/// folder as soon as it is made), so the TUs of a big import or alignment are not held in
/// memory, and a crash leaves nothing behind.
#[derive(Debug)]
pub struct Spill {
    file: File,
    /// Bytes written to the file.
    flushed: u64,
    /// Bytes appended after those, not written yet.
    buffer: Vec<u8>,
    /// Where it is, on systems that cannot remove an open file: removed when dropped.
    #[cfg(not(unix))]
    path: PathBuf,
}

#[cfg(not(unix))]
impl Drop for Spill {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

const SPILL_BUFFER: usize = 1 << 20;

impl Spill {
    /// A spill file in `folder`, named after `name` like a save's temp files (so that a
    /// crash between its creation and its removal leaves something the next writer
    /// cleans).
    pub fn create(folder: &Path, name: &str) -> io::Result<Spill> {
        let mut attempt = 0u32;
        loop {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.subsec_nanos());
            let path = folder.join(format!(
                ".{name}.{}.{nanos:x}{attempt}.spill.tmp",
                std::process::id()
            ));
            let mut options = OpenOptions::new();
            options.read(true).write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            match options.open(&path) {
                Ok(file) => {
                    // Nobody needs its name; on systems that cannot remove an open file
                    // it goes when the spill is dropped.
                    #[cfg(unix)]
                    fs::remove_file(&path)?;
                    return Ok(Spill {
                        file,
                        flushed: 0,
                        buffer: Vec::new(),
                        #[cfg(not(unix))]
                        path,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
                Err(e) => return Err(e),
            }
        }
    }

    /// Appends `bytes`; returns where they start.
    pub fn append(&mut self, bytes: &[u8]) -> io::Result<u64> {
        let start = self.flushed + self.buffer.len() as u64;
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= SPILL_BUFFER {
            write_all_at(&self.file, &self.buffer, self.flushed)?;
            self.flushed += self.buffer.len() as u64;
            self.buffer.clear();
        }
        Ok(start)
    }

    /// Writes what is buffered, so that [`Spill::reader`] sees everything.
    pub fn flush(&mut self) -> io::Result<()> {
        write_all_at(&self.file, &self.buffer, self.flushed)?;
        self.flushed += self.buffer.len() as u64;
        self.buffer.clear();
        Ok(())
    }

    /// A reader of what was flushed, for reading it (mostly) in order.
    pub fn reader(&self) -> io::Result<SpanReader> {
        Ok(SpanReader::new(self.file.try_clone()?))
    }

    /// The `len` bytes at `start`.
    pub fn read(&self, start: u64, len: u32) -> io::Result<Vec<u8>> {
        if start >= self.flushed {
            let from = (start - self.flushed) as usize;
            return self
                .buffer
                .get(from..from + len as usize)
                .map(<[u8]>::to_vec)
                .ok_or_else(|| io::Error::other("outside the spill file"));
        }
        read_span(&self.file, start, len)
    }
}

/// Reads spans of a file that mostly come in order, a few MiB at a time.
pub struct SpanReader {
    file: File,
    window_start: u64,
    window: Vec<u8>,
}

const WINDOW: usize = 4 << 20;

impl SpanReader {
    pub fn new(file: File) -> SpanReader {
        SpanReader {
            file,
            window_start: 0,
            window: Vec::new(),
        }
    }

    /// The `len` bytes at `start`.
    pub fn read(&mut self, start: u64, len: u32) -> io::Result<&[u8]> {
        let end = start + u64::from(len);
        let window_end = self.window_start + self.window.len() as u64;
        if start < self.window_start || end > window_end {
            let want = WINDOW.max(len as usize);
            self.window.resize(want, 0);
            let mut filled = 0;
            while filled < want {
                match read_at(
                    &self.file,
                    &mut self.window[filled..],
                    start + filled as u64,
                ) {
                    Ok(0) => break,
                    Ok(n) => filled += n,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
            self.window.truncate(filled);
            self.window_start = start;
            if filled < len as usize {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the file is shorter than the TU's place in it",
                ));
            }
        }
        let from = (start - self.window_start) as usize;
        Ok(&self.window[from..from + len as usize])
    }
}

/// A writer that hashes what goes through it (when asked to: hashing costs time).
pub struct HashingWriter<W: Write> {
    pub inner: W,
    hasher: Option<Sha256>,
}

impl<W: Write> HashingWriter<W> {
    pub fn new(inner: W, hash: bool) -> HashingWriter<W> {
        HashingWriter {
            inner,
            hasher: hash.then(Sha256::new),
        }
    }

    /// The SHA-256 of what went through, if it was asked for.
    pub fn hash(self) -> Option<[u8; 32]> {
        self.hasher.map(|h| h.finalize().into())
    }
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        if let Some(hasher) = &mut self.hasher {
            hasher.update(&buf[..n]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// The TUs of a memory file as songngu sees them: the TMX's, with its journal (if any)
/// applied, in the order a compaction writes them. For the commands that stream a memory
/// without indexing it (`tm stats`, `tm validate`, `tm export`, `tm convert`, and a
/// foreign memory being imported).
pub struct MemoryTus {
    reader: TmxReader<File>,
    overlay: Option<Overlay>,
    /// Problems of the journal's TUs, named by the journal.
    journal_problems: Vec<Problem>,
    tmx_done: bool,
    next_appended: usize,
}

/// The journal's changes, by the TMX TU they change.
struct Overlay {
    journal: Journal,
    tmx_path: PathBuf,
    tmx: File,
    /// TMX span start → the TU there and what stands in its place.
    replaced: HashMap<u64, Replaced>,
    /// New TUs (and their successors), in order; `None` when removed.
    appended: Vec<Option<(u64, u32)>>,
}

/// A TMX TU the journal changes.
#[derive(Clone, Copy)]
struct Replaced {
    /// The length of its span and the CRC-32 of its bytes.
    len: u32,
    crc: u32,
    /// The journal TU in its place (start and length of its XML), `None` when removed.
    now: Option<(u64, u32)>,
}

/// What a journal TU's place is while the overlay is built.
#[derive(Clone, Copy)]
enum Place {
    Tmx(u64),
    New(usize),
}

impl MemoryTus {
    /// Opens the memory file `path` (a link is followed) and its journal.
    pub fn open(path: &Path) -> Result<MemoryTus, super::store::MemoryError> {
        let reader = TmxReader::open(path)?;
        let real = crate::fsio::resolve_link(path).unwrap_or_else(|_| path.to_owned());
        let overlay = match Journal::open(&real, false)? {
            None => None,
            Some((journal, ops)) => Some(Overlay::build(journal, &real, ops)?),
        };
        Ok(MemoryTus {
            reader,
            overlay,
            journal_problems: Vec::new(),
            tmx_done: false,
            next_appended: 0,
        })
    }

    pub fn header(&self) -> &Header {
        self.reader.header()
    }

    pub fn version(&self) -> &str {
        self.reader.version()
    }

    pub fn encoding(&self) -> &SourceEncoding {
        self.reader.encoding()
    }

    /// The attributes of `<tmx>`; complete once the first TU is read (see
    /// [`TmxReader::root_attrs`]).
    pub fn root_attrs(&self) -> &[Attr] {
        self.reader.root_attrs()
    }

    /// Problems of the TMX, then of the journal's TUs (named by the journal).
    pub fn problems(&self) -> Vec<(PathBuf, Problem)> {
        let tmx = self.reader.path().to_owned();
        let journal = self.journal_path().map(Path::to_owned).unwrap_or_default();
        self.reader
            .problems()
            .iter()
            .map(|p| (tmx.clone(), p.clone()))
            .chain(
                self.journal_problems
                    .iter()
                    .map(|p| (journal.clone(), p.clone())),
            )
            .collect()
    }

    /// The TMX file, as given.
    pub fn tmx_path(&self) -> &Path {
        self.reader.path()
    }

    /// The journal applied, if any.
    pub fn journal_path(&self) -> Option<&Path> {
        self.overlay.as_ref().map(|o| o.journal.path())
    }

    /// How many changes the journal applied holds.
    pub fn journal_changes(&self) -> usize {
        self.overlay.as_ref().map_or(0, |o| o.journal.changes())
    }

    /// The next TU.
    pub fn next_tu(&mut self) -> Result<Option<Tu>, super::store::MemoryError> {
        while !self.tmx_done {
            let Some(record) = self.reader.next_tu()? else {
                self.tmx_done = true;
                break;
            };
            let Some(overlay) = &self.overlay else {
                return Ok(Some(record.tu));
            };
            let Some(span) = &record.span else {
                // Not UTF-8: no journal can extend it.
                return Err(overlay.mismatch().into());
            };
            let Some(&Replaced { len, crc, now }) = overlay.replaced.get(&span.start) else {
                return Ok(Some(record.tu));
            };
            let bytes =
                read_span(&overlay.tmx, span.start, len).map_err(io_error(&overlay.tmx_path))?;
            if span.end - span.start != u64::from(len) || Crc32::of(&bytes) != crc {
                return Err(overlay.mismatch().into());
            }
            match now {
                None => continue,
                Some((start, len)) => return Ok(Some(self.journal_tu(start, len)?)),
            }
        }
        let Some(overlay) = &self.overlay else {
            return Ok(None);
        };
        while let Some(slot) = overlay.appended.get(self.next_appended).copied() {
            self.next_appended += 1;
            if let Some((start, len)) = slot {
                return Ok(Some(self.journal_tu(start, len)?));
            }
        }
        Ok(None)
    }

    fn journal_tu(&mut self, start: u64, len: u32) -> Result<Tu, super::store::MemoryError> {
        let Some(overlay) = &self.overlay else {
            unreachable!("journal TUs come from an overlay");
        };
        let bytes = overlay
            .journal
            .read(start, len)
            .map_err(io_error(overlay.journal.path()))?;
        let (tu, problems) = tmx::parse_tu_with_problems(overlay.journal.path(), &bytes, start)?;
        self.journal_problems.extend(problems);
        Ok(tu)
    }
}

impl Overlay {
    fn build(journal: Journal, tmx_path: &Path, ops: Vec<Op>) -> Result<Overlay, JournalError> {
        let tmx = File::open(tmx_path).map_err(io_error(tmx_path))?;
        let damaged = || JournalError::Damaged {
            path: journal.path().to_owned(),
            reason: JournalDamage::MissingTu,
        };
        let mut replaced: HashMap<u64, Replaced> = HashMap::new();
        let mut appended: Vec<Option<(u64, u32)>> = Vec::new();
        // Journal TU → the place it stands in.
        let mut places: HashMap<u64, Place> = HashMap::new();
        for op in ops {
            let (key, put) = op.parts();
            let place = match key {
                None => {
                    appended.push(None);
                    Place::New(appended.len() - 1)
                }
                Some(Key::Tmx { start, len, crc }) => {
                    if replaced
                        .insert(
                            start,
                            Replaced {
                                len,
                                crc,
                                now: None,
                            },
                        )
                        .is_some()
                    {
                        return Err(damaged());
                    }
                    Place::Tmx(start)
                }
                Some(Key::Journal { start }) => {
                    let place = *places.get(&start).ok_or_else(damaged)?;
                    let now = match place {
                        Place::Tmx(at) => replaced.get(&at).and_then(|slot| slot.now),
                        Place::New(index) => appended[index],
                    };
                    if now.map(|(live, _)| live) != Some(start) {
                        return Err(damaged());
                    }
                    place
                }
            };
            match place {
                Place::Tmx(at) => {
                    if let Some(slot) = replaced.get_mut(&at) {
                        slot.now = put;
                    }
                }
                Place::New(index) => appended[index] = put,
            }
            if let Some((start, _)) = put {
                places.insert(start, place);
            }
        }
        Ok(Overlay {
            journal,
            tmx_path: tmx_path.to_owned(),
            tmx,
            replaced,
            appended,
        })
    }

    fn mismatch(&self) -> JournalError {
        JournalError::Mismatch {
            journal: self.journal.path().to_owned(),
            tmx: self.tmx_path.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc32_is_the_ieee_one() {
        assert_eq!(Crc32::of(b"123456789"), 0xCBF4_3926);
        assert_eq!(Crc32::of(b""), 0);
        let mut pieces = Crc32::new();
        pieces.update(b"1234");
        pieces.update(b"56789");
        assert_eq!(pieces.value(), 0xCBF4_3926);
    }

    #[test]
    fn the_identity_sees_the_length_and_the_sampled_bytes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.tmx");
        let big: Vec<u8> = (0..1_000_000u32).map(|i| (i % 251) as u8).collect();
        fs::write(&path, &big).expect("write");
        let first = Identity::of_path(&path).expect("reads").expect("exists");
        assert_eq!(first.len, 1_000_000);
        // The first and the last block are always sampled.
        for at in [0, big.len() - 1] {
            let mut changed = big.clone();
            changed[at] ^= 1;
            fs::write(&path, &changed).expect("write");
            assert_ne!(
                Identity::of_path(&path).expect("reads"),
                Some(first),
                "byte {at}"
            );
        }
        fs::write(&path, &big[..big.len() - 1]).expect("write");
        assert_ne!(Identity::of_path(&path).expect("reads"), Some(first));
        fs::write(&path, &big).expect("write");
        assert_eq!(Identity::of_path(&path).expect("reads"), Some(first));
        assert_eq!(
            Identity::of_path(&dir.path().join("none")).expect("reads"),
            None
        );
    }

    #[test]
    fn what_is_not_a_journal_is_refused_and_a_cut_header_is_empty() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.tmx.journal");
        fs::write(&path, "notes of mine\nthat are not a journal").expect("write");
        let file = File::open(&path).expect("open");
        assert!(matches!(
            parse(&path, &file),
            Err(JournalError::Damaged { .. })
        ));
        fs::write(&path, &MAGIC[..5]).expect("write");
        let file = File::open(&path).expect("open");
        let parsed = parse(&path, &file).expect("parses");
        assert!(!parsed.has_changes() && parsed.torn);
        fs::write(&path, MAGIC).expect("write");
        let file = File::open(&path).expect("open");
        let parsed = parse(&path, &file).expect("parses");
        assert!(!parsed.has_changes() && !parsed.torn);
    }

    #[test]
    fn commits_read_back_and_a_change_without_its_commit_does_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let tmx = dir.path().join("m.tmx");
        fs::write(&tmx, "<tmx/>").expect("write");
        let meta = fs::metadata(&tmx).expect("meta");
        let mut journal = Journal::create(&tmx, &meta).expect("creates");
        let key = Key::Tmx {
            start: 1,
            len: 5,
            crc: 7,
        };
        let put = journal
            .commit(|batch| {
                let at = batch.put(Some(&key), b"<tu>one</tu>")?;
                batch.remove(&Key::Journal { start: at })?;
                batch.put(None, b"<tu>two</tu>")
            })
            .expect("commits");
        assert_eq!(journal.read(put, 12).expect("reads"), b"<tu>two</tu>");
        assert_eq!(journal.changes(), 3);
        let committed = journal.len();
        assert_eq!(fs::metadata(journal.path()).expect("meta").len(), committed);
        drop(journal);
        // A record appended without its commit.
        let mut tail = Vec::new();
        record(&mut tail, b'R', &[&[2, 0, 0, 0, 0, 0, 0, 0, 0]]);
        let mut bytes = fs::read(path_for(&tmx)).expect("read");
        bytes.extend_from_slice(&tail);
        fs::write(path_for(&tmx), &bytes).expect("write");
        let file = File::open(path_for(&tmx)).expect("open");
        let parsed = parse(&path_for(&tmx), &file).expect("parses");
        assert_eq!(parsed.ops.len(), 3);
        assert!(matches!(parsed.ops[0], Op::Put { supersedes: Some(k), len: 12, .. } if k == key));
        assert!(matches!(parsed.ops[2], Op::Put { supersedes: None, start, .. } if start == put));
        assert_eq!(parsed.committed_len, committed);
        assert!(parsed.torn);
        assert_eq!(parsed.commits, 1);
    }

    #[test]
    fn the_spill_file_reads_what_is_buffered_and_what_is_written() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut spill = Spill::create(dir.path(), "m.tmx").expect("creates");
        #[cfg(unix)]
        assert_eq!(
            fs::read_dir(dir.path()).expect("list").count(),
            0,
            "nameless"
        );
        let chunk = vec![b'x'; 300_000];
        let mut starts = Vec::new();
        for i in 0..5u8 {
            let mut bytes = chunk.clone();
            bytes[0] = i;
            starts.push(spill.append(&bytes).expect("appends"));
        }
        for (i, &start) in starts.iter().enumerate() {
            let bytes = spill.read(start, 300_000).expect("reads");
            assert_eq!(bytes[0], i as u8);
            assert_eq!(bytes.len(), 300_000);
        }
    }
}
