//! Safe saving of memory files: nothing a translator wrote is ever lost.
//!
//! - **Atomic and durable**: the new content goes to a temp file in the same folder, is
//!   flushed and fsynced, re-read and checked, then renamed over the old file, and the
//!   folder is fsynced so the rename itself survives a crash. A crash at any point leaves
//!   the old file or the new one, never a truncated one.
//! - **The file, not the link**: a memory that is a symbolic link is saved where the link
//!   points (temp file, rename and lock beside the real file), so the link stays a link
//!   and the real file gets the new content; a link to nothing is an error.
//! - **Kept as it was**: the new file keeps the old one's mode, owner and group (see
//!   [`crate::fsio::Kept`]); a read-only file is refused unless the caller says otherwise
//!   ([`ReadOnly`]).
//! - **One writer at a time**: an advisory lock on a sidecar file `<name>.lock` (not the file
//!   itself, whose inode the rename replaces) is held across read-modify-write; a second
//!   writer waits or fails with a message naming the holder. The holder removes the sidecar
//!   when it is done, so no lock file outlives its command; a waiter that then gets the
//!   lock of the removed file sees that the path no longer names it and starts over.
//! - **No blind overwrite**: the file's identity (size, modification time, inode, change
//!   time) is noted when it is loaded and checked again just before the rename; if another
//!   program changed it meanwhile, the save is refused.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

pub use crate::fsio::ReadOnly;
use crate::fsio::{self, FsError, Kept};

/// Errors of locking and saving.
#[derive(Debug, thiserror::Error)]
pub enum PersistError {
    #[error("cannot access `{path}`: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error(
        "`{path}` is locked by another songngu process ({})",
        holder.as_deref().unwrap_or("unknown process")
    )]
    /// `holder`: what the process holding the lock wrote about itself, `None` when it
    /// wrote nothing (yet).
    Locked {
        path: PathBuf,
        holder: Option<String>,
    },
    #[error(
        "`{path}` was changed on disk by another program since it was loaded; nothing was written"
    )]
    ChangedOnDisk { path: PathBuf },
    #[error("the new content of `{path}` failed its check and was not saved: {reason}")]
    VerifyFailed { path: PathBuf, reason: String },
    /// A link to nothing, a read-only file, a file that is not a regular one.
    #[error(transparent)]
    Fs(#[from] FsError),
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> PersistError + '_ {
    move |source| PersistError::Io {
        path: path.to_owned(),
        source,
    }
}

/// How long to wait for another writer's lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LockWait {
    /// Fail at once if the lock is held.
    Fail,
    /// Wait up to this long, then fail.
    Wait(Duration),
}

/// An exclusive advisory lock on a memory file, released when dropped.
#[derive(Debug)]
pub struct FileLock {
    file: File,
    path: PathBuf,
}

impl FileLock {
    /// The sidecar lock file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        // Removed while still held: nobody else can be using this path now, and a waiter
        // holding the old file open finds, once it gets the lock, that the path no longer
        // names it, and starts over (see `lock`).
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// The sidecar lock path of `target`: `tmx/news.tmx` → `tmx/news.tmx.lock`.
pub fn lock_path(target: &Path) -> PathBuf {
    let mut name = target
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".lock");
    target.with_file_name(name)
}

/// Takes the exclusive lock for writing `target`. The lock file is beside the file
/// `target` names (beside the real file when `target` is a symbolic link, so every
/// spelling of a memory shares one lock); a link to nothing is an error.
pub fn lock(target: &Path, wait: LockWait) -> Result<FileLock, PersistError> {
    let real = fsio::resolve_link(target)?;
    let path = lock_path(&real);
    let started = Instant::now();
    let mut file = loop {
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io_error(&path))?;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {
                    let waited_enough = match wait {
                        LockWait::Fail => true,
                        LockWait::Wait(limit) => started.elapsed() >= limit,
                    };
                    if waited_enough {
                        let mut holder = String::new();
                        let _ = file.read_to_string(&mut holder);
                        let holder = holder.trim();
                        return Err(PersistError::Locked {
                            path: target.to_owned(),
                            holder: (!holder.is_empty()).then(|| holder.to_owned()),
                        });
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(TryLockError::Error(source)) => {
                    return Err(PersistError::Io { path, source });
                }
            }
        }
        // The previous holder removes the sidecar when it is done: if it did, this lock
        // is on a file nobody else will look at, and the lock is the file at the path now.
        if names_this_file(&path, &file) {
            break file;
        }
    };
    // Say who holds it, for the message a waiting writer prints.
    let note = format!("pid {} on {}", std::process::id(), host_name());
    let _ = file.set_len(0);
    let _ = file.seek(SeekFrom::Start(0));
    let _ = file.write_all(note.as_bytes());
    let _ = file.sync_data();
    Ok(FileLock { file, path })
}

/// Whether `path` still names the open `file`.
fn names_this_file(path: &Path, file: &File) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(path), file.metadata()) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

fn host_name() -> String {
    fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| String::from("this machine"))
}

/// What identifies one version of a file on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    #[cfg(unix)]
    inode: u64,
    #[cfg(unix)]
    changed: (i64, i64),
}

impl Fingerprint {
    /// The file's length in bytes.
    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The current fingerprint of `path` (of the file it names, links followed), `None` if it
/// does not exist.
pub fn fingerprint(path: &Path) -> Result<Option<Fingerprint>, PersistError> {
    match fs::metadata(path) {
        Ok(meta) => Ok(Some(Fingerprint {
            len: meta.len(),
            modified: meta.modified().ok(),
            #[cfg(unix)]
            inode: std::os::unix::fs::MetadataExt::ino(&meta),
            #[cfg(unix)]
            changed: (
                std::os::unix::fs::MetadataExt::ctime(&meta),
                std::os::unix::fs::MetadataExt::ctime_nsec(&meta),
            ),
        })),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(PersistError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

/// Replaces `target` with what `write` produces, atomically and durably; a read-only
/// `target` is refused. See [`save_atomic_with`].
pub fn save_atomic<W, V>(
    target: &Path,
    loaded: Option<&Fingerprint>,
    write: W,
    verify: V,
) -> Result<Fingerprint, PersistError>
where
    W: FnOnce(&mut BufWriter<File>) -> io::Result<()>,
    V: FnOnce(&Path) -> Result<(), String>,
{
    save_atomic_with(target, loaded, ReadOnly::Refuse, write, verify)
}

/// Replaces `target` with what `write` produces, atomically and durably.
///
/// `loaded` is the fingerprint of `target` when its content was read (`None`: it did not
/// exist); if the file is different now, nothing is written. `verify` reads the finished
/// temp file back and must accept it before it replaces `target`. Hold the [`FileLock`]
/// of `target` across the load and this call. A symbolic link is saved through (the file
/// it points to is replaced, in its own folder); the new file keeps the old one's mode,
/// owner and group; a read-only file is refused unless `read_only` allows it. Errors name
/// `target`, never the temp file. Returns the new fingerprint.
pub fn save_atomic_with<W, V>(
    target: &Path,
    loaded: Option<&Fingerprint>,
    read_only: ReadOnly,
    write: W,
    verify: V,
) -> Result<Fingerprint, PersistError>
where
    W: FnOnce(&mut BufWriter<File>) -> io::Result<()>,
    V: FnOnce(&Path) -> Result<(), String>,
{
    let real = fsio::resolve_link(target)?;
    save_atomic_as(&real, target, loaded, read_only, write, verify)
}

/// [`save_atomic_with`] for the file `real` (no link), named `shown` in errors.
pub(crate) fn save_atomic_as<W, V>(
    real: &Path,
    shown: &Path,
    loaded: Option<&Fingerprint>,
    read_only: ReadOnly,
    write: W,
    verify: V,
) -> Result<Fingerprint, PersistError>
where
    W: FnOnce(&mut BufWriter<File>) -> io::Result<()>,
    V: FnOnce(&Path) -> Result<(), String>,
{
    check_unchanged(real, shown, loaded)?;
    let kept = match fs::metadata(real) {
        Ok(meta) if !meta.is_file() => {
            return Err(FsError::NotWritable {
                path: shown.to_owned(),
            }
            .into());
        }
        Ok(meta) => {
            if read_only == ReadOnly::Refuse && fsio::is_read_only(real, &meta) {
                return Err(FsError::ReadOnly {
                    path: shown.to_owned(),
                }
                .into());
            }
            Some(Kept::of(&meta))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => None,
        Err(source) => return Err(io_error(shown)(source)),
    };
    let folder = fsio::folder_of(real);
    let (temp_path, file) = create_temp(&folder, real, shown, kept.is_some())?;
    let guard = TempGuard(Some(temp_path.clone()));
    // Before any content, so a private file is never readable by others.
    if let Some(kept) = kept {
        kept.apply(&file).map_err(io_error(shown))?;
    }

    let mut out = BufWriter::with_capacity(1 << 20, file);
    write(&mut out).map_err(io_error(shown))?;
    let file = out.into_inner().map_err(|e| PersistError::Io {
        path: shown.to_owned(),
        source: e.into_error(),
    })?;
    file.sync_all().map_err(io_error(shown))?;
    drop(file);

    verify(&temp_path).map_err(|reason| PersistError::VerifyFailed {
        path: shown.to_owned(),
        reason,
    })?;
    // Checked again as late as possible: the load may have been long ago.
    check_unchanged(real, shown, loaded)?;
    fs::rename(&temp_path, real).map_err(io_error(shown))?;
    guard.disarm();
    sync_folder(&folder)?;
    fingerprint(real)?.ok_or_else(|| PersistError::Io {
        path: shown.to_owned(),
        source: io::Error::new(
            io::ErrorKind::NotFound,
            "the file vanished right after it was saved",
        ),
    })
}

fn check_unchanged(
    real: &Path,
    shown: &Path,
    loaded: Option<&Fingerprint>,
) -> Result<(), PersistError> {
    let now = fingerprint(real).map_err(|e| match e {
        PersistError::Io { source, .. } => io_error(shown)(source),
        other => other,
    })?;
    if now.as_ref() == loaded {
        Ok(())
    } else {
        Err(PersistError::ChangedOnDisk {
            path: shown.to_owned(),
        })
    }
}

/// Temp files are `.<name>.<pid>.<n>.tmp` beside the target: same file system, so the
/// rename is atomic, and recognisable, so a crash's leftovers can be cleaned. One that
/// replaces an existing file starts private (mode 0600) until it gets the old file's mode.
fn create_temp(
    folder: &Path,
    target: &Path,
    shown: &Path,
    private: bool,
) -> Result<(PathBuf, File), PersistError> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut attempt = 0u32;
    loop {
        let nanos = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let path = folder.join(format!(
            ".{name}.{}.{nanos:x}{attempt}.tmp",
            std::process::id()
        ));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        if private {
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        }
        #[cfg(not(unix))]
        let _ = private;
        match options.open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            // The temp file is ours, not the user's: the error names what they asked for.
            Err(source) => return Err(io_error(shown)(source)),
        }
    }
}

/// Temp files of `target` left by a crashed save (their process is gone). Call with the
/// lock held; removing them is safe then. They are beside the file a link points to.
pub fn stale_temp_files(target: &Path) -> Vec<PathBuf> {
    let target = fsio::resolve_link(target).unwrap_or_else(|_| target.to_owned());
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Vec::new();
    };
    let folder = fsio::folder_of(&target);
    let prefix = format!(".{name}.");
    let Ok(entries) = fs::read_dir(&folder) else {
        return Vec::new();
    };
    entries
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .map(|n| n.to_string_lossy())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".tmp"))
        })
        .collect()
}

struct TempGuard(Option<PathBuf>);

impl TempGuard {
    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for TempGuard {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = fs::remove_file(path);
        }
    }
}

fn sync_folder(folder: &Path) -> Result<(), PersistError> {
    #[cfg(unix)]
    {
        File::open(folder)
            .and_then(|dir| dir.sync_all())
            .map_err(io_error(folder))?;
    }
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write_text(text: &'static str) -> impl FnOnce(&mut BufWriter<File>) -> io::Result<()> {
        move |out| out.write_all(text.as_bytes())
    }

    #[test]
    fn saves_and_replaces_atomically() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("m.tmx");
        let first = save_atomic(&target, None, write_text("one"), |_| Ok(())).expect("first save");
        assert_eq!(fs::read_to_string(&target).expect("read"), "one");
        save_atomic(&target, Some(&first), write_text("two"), |_| Ok(())).expect("second save");
        assert_eq!(fs::read_to_string(&target).expect("read"), "two");
        assert!(stale_temp_files(&target).is_empty(), "no temp file left");
    }

    #[test]
    fn refuses_to_overwrite_a_file_changed_on_disk() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("m.tmx");
        let loaded = save_atomic(&target, None, write_text("mine"), |_| Ok(())).expect("save");
        // Another program rewrites it (a different size makes the change certain).
        fs::write(&target, "theirs, longer").expect("write");
        let error =
            save_atomic(&target, Some(&loaded), write_text("lost?"), |_| Ok(())).unwrap_err();
        assert!(
            matches!(error, PersistError::ChangedOnDisk { .. }),
            "{error}"
        );
        assert_eq!(fs::read_to_string(&target).expect("read"), "theirs, longer");
        // A file created since we found none is not overwritten either.
        let fresh = dir.path().join("new.tmx");
        fs::write(&fresh, "someone else's").expect("write");
        assert!(matches!(
            save_atomic(&fresh, None, write_text("x"), |_| Ok(())),
            Err(PersistError::ChangedOnDisk { .. })
        ));
    }

    #[test]
    fn failed_write_or_check_keeps_the_old_file_and_no_temp() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("m.tmx");
        let loaded = save_atomic(&target, None, write_text("good"), |_| Ok(())).expect("save");
        let failing = save_atomic(
            &target,
            Some(&loaded),
            |out| {
                out.write_all(b"half")?;
                Err(io::Error::other("disk full"))
            },
            |_| Ok(()),
        );
        assert!(matches!(failing, Err(PersistError::Io { .. })));
        let rejected = save_atomic(&target, Some(&loaded), write_text("bad"), |_| {
            Err(String::from("not TMX"))
        });
        assert!(matches!(rejected, Err(PersistError::VerifyFailed { .. })));
        assert_eq!(fs::read_to_string(&target).expect("read"), "good");
        assert!(stale_temp_files(&target).is_empty());
    }

    #[test]
    fn second_writer_fails_or_waits_for_the_lock() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("m.tmx");
        let held = lock(&target, LockWait::Fail).expect("first lock");
        match lock(&target, LockWait::Fail) {
            Err(PersistError::Locked { holder, .. }) => {
                let holder = holder.unwrap_or_default();
                assert!(holder.contains(&std::process::id().to_string()), "{holder}")
            }
            other => panic!("expected Locked, got {other:?}"),
        }
        let waiter = {
            let target = target.clone();
            std::thread::spawn(move || {
                lock(&target, LockWait::Wait(Duration::from_secs(30))).map(|_| ())
            })
        };
        std::thread::sleep(Duration::from_millis(100));
        drop(held);
        waiter
            .join()
            .expect("thread")
            .expect("waiter gets the lock once it is released");
    }

    #[test]
    fn the_lock_file_goes_with_its_holder_and_a_waiter_starts_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("m.tmx");
        let held = lock(&target, LockWait::Fail).expect("first lock");
        assert!(lock_path(&target).exists());
        let waiter = {
            let target = target.clone();
            std::thread::spawn(move || lock(&target, LockWait::Wait(Duration::from_secs(30))))
        };
        std::thread::sleep(Duration::from_millis(100));
        drop(held);
        let second = waiter.join().expect("thread").expect("the waiter gets it");
        // The waiter holds the lock file that is at the path now, so a third writer sees
        // it held.
        assert!(names_this_file(second.path(), &second.file));
        assert!(matches!(
            lock(&target, LockWait::Fail),
            Err(PersistError::Locked { .. })
        ));
        drop(second);
        assert!(
            !lock_path(&target).exists(),
            "no lock file outlives its holder"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_saved_and_locked_where_it_points() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::create_dir(dir.path().join("real")).expect("mkdir");
        let real = dir.path().join("real/m.tmx");
        fs::write(&real, "old").expect("write");
        let link = dir.path().join("m.tmx");
        std::os::unix::fs::symlink("real/m.tmx", &link).expect("symlink");
        let held = lock(&link, LockWait::Fail).expect("lock");
        assert_eq!(
            held.path(),
            fs::canonicalize(dir.path())
                .unwrap()
                .join("real/m.tmx.lock")
        );
        let loaded = fingerprint(&link).expect("fingerprint");
        save_atomic(&link, loaded.as_ref(), write_text("new"), |_| Ok(())).expect("save");
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).expect("read"), "new");
        let dangling = dir.path().join("gone.tmx");
        std::os::unix::fs::symlink("nowhere.tmx", &dangling).expect("symlink");
        assert!(matches!(
            lock(&dangling, LockWait::Fail),
            Err(PersistError::Fs(FsError::DanglingLink { .. }))
        ));
        assert!(matches!(
            save_atomic(&dangling, None, write_text("x"), |_| Ok(())),
            Err(PersistError::Fs(FsError::DanglingLink { .. }))
        ));
        assert!(!dir.path().join("nowhere.tmx").exists());
    }

    #[cfg(unix)]
    #[test]
    fn the_mode_is_kept_and_a_read_only_file_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("m.tmx");
        fs::write(&target, "old").expect("write");
        let set = |mode| fs::set_permissions(&target, fs::Permissions::from_mode(mode));
        let mode = || fs::metadata(&target).unwrap().permissions().mode() & 0o7777;
        set(0o600).expect("chmod");
        let loaded = fingerprint(&target).expect("fingerprint");
        save_atomic(&target, loaded.as_ref(), write_text("new"), |_| Ok(())).expect("save");
        assert_eq!(mode(), 0o600);
        set(0o444).expect("chmod");
        let loaded = fingerprint(&target).expect("fingerprint");
        assert!(matches!(
            save_atomic(&target, loaded.as_ref(), write_text("lost"), |_| Ok(())),
            Err(PersistError::Fs(FsError::ReadOnly { .. }))
        ));
        assert_eq!(fs::read_to_string(&target).expect("read"), "new");
        save_atomic_with(
            &target,
            loaded.as_ref(),
            ReadOnly::Overwrite,
            write_text("forced"),
            |_| Ok(()),
        )
        .expect("forced save");
        assert_eq!(fs::read_to_string(&target).expect("read"), "forced");
        assert_eq!(mode(), 0o444);
    }

    #[test]
    fn leftover_temp_files_are_found() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("m.tmx");
        fs::write(dir.path().join(".m.tmx.123.abc0.tmp"), "partial").expect("write");
        fs::write(dir.path().join(".other.tmx.1.a0.tmp"), "x").expect("write");
        assert_eq!(
            stale_temp_files(&target),
            vec![dir.path().join(".m.tmx.123.abc0.tmp")]
        );
    }
}
