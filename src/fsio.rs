//! Output targets: where a command may write, and what it must never overwrite.
//!
//! Every file songngu writes goes through here, so the rules hold for all commands:
//!
//! - **Never an input.** An output that is the same file as one of the command's inputs
//!   (the article, a memory, the project file, the accepted-findings file, the glossary, an
//!   input TMX) is refused with [`FsError::SameAsInput`], naming both. Files are compared
//!   by device and inode, so another spelling, a symbolic link or a hard link does not slip
//!   through (elsewhere than on Unix, by canonical path). A release folder is refused when an
//!   input lies inside it ([`FsError::InputInsideFolder`]): replacing the folder would take
//!   the input with it.
//! - **Symbolic links are followed.** Writing to a link writes its target (the atomic save
//!   happens in the target's own folder), and the link stays a link. A link to nothing is
//!   an error ([`FsError::DanglingLink`]): where it points may be a typo.
//! - **Special files are streams.** A FIFO or a character device (`/dev/null`, a
//!   terminal) is written in place, as a stream, never replaced by a regular file; a block
//!   device, a socket or a folder is refused. `-` is standard output ([`Sink::Stdout`]),
//!   which the caller writes.
//! - **A replaced file keeps its mode**, and its owner and group where the system allows
//!   it (always when running as root), see [`Kept`]; the temp file gets them before any
//!   content, so a private memory is never readable by others, not even for a moment.
//! - **Read-only files are refused** ([`FsError::ReadOnly`]) unless the caller says
//!   [`ReadOnly::Overwrite`]: a file without any write permission bit was made read-only
//!   on purpose (the bits are what counts, since root may write anything), and a file this
//!   process may not write must not be replaced behind the owner's back just because its
//!   folder is writable.

use std::fs::{self, File, Metadata, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::memory::persist::{self, Fingerprint, PersistError};

/// Errors of choosing or checking an output.
#[derive(Debug, thiserror::Error)]
pub enum FsError {
    #[error("cannot access `{path}`: {source}")]
    Io { path: PathBuf, source: io::Error },
    #[error("`{output}` is the same file as the {role} `{input}`; nothing was written")]
    SameAsInput {
        output: PathBuf,
        input: PathBuf,
        role: Role,
    },
    #[error(
        "the folder `{output}` holds the {role} `{input}`, which writing the release there would remove; nothing was written"
    )]
    InputInsideFolder {
        output: PathBuf,
        input: PathBuf,
        role: Role,
    },
    #[error("`{path}` is a symbolic link to `{target}`, which does not exist")]
    DanglingLink { path: PathBuf, target: PathBuf },
    #[error("`{path}` is read-only; nothing was written")]
    ReadOnly { path: PathBuf },
    #[error("`{path}` is not a file songngu can write (a block device, a socket or a folder)")]
    NotWritable { path: PathBuf },
    #[error("a release folder cannot go to standard output")]
    FolderToStdout,
}

/// What an input is to its command, for the message that refuses to overwrite it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An article (English or Vietnamese).
    Article,
    /// A translation memory file.
    Memory,
    /// The project file, `songngu.toml`.
    Project,
    /// The accepted-findings file.
    Accepted,
    /// The glossary.
    Glossary,
    /// Any other file the command reads (the TMX of `tm convert`).
    Input,
    /// The XLIFF work file the same command writes (`xliff export -o`).
    WorkFile,
}

impl Role {
    /// A stable name, for messages (`memory`, `project`...).
    pub fn name(self) -> &'static str {
        match self {
            Role::Article => "article",
            Role::Memory => "memory",
            Role::Project => "project",
            Role::Accepted => "accepted",
            Role::Glossary => "glossary",
            Role::Input => "input",
            Role::WorkFile => "work-file",
        }
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Role::Project => "project file",
            Role::Accepted => "accepted-findings file",
            Role::WorkFile => "XLIFF work file",
            other => other.name(),
        })
    }
}

/// A file a command reads, which its outputs must not overwrite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub path: PathBuf,
    pub role: Role,
}

impl Input {
    pub fn new(path: impl Into<PathBuf>, role: Role) -> Input {
        Input {
            path: path.into(),
            role,
        }
    }
}

/// Whether a read-only file may be replaced.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ReadOnly {
    /// Refuse, naming the file ([`FsError::ReadOnly`]).
    #[default]
    Refuse,
    /// Replace it anyway (the new file keeps the read-only mode).
    Overwrite,
}

/// The file `path` ends at: `path` itself, or the final target of the symbolic link
/// `path`. A link to nothing is [`FsError::DanglingLink`].
pub fn resolve_link(path: &Path) -> Result<PathBuf, FsError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => match fs::canonicalize(path) {
            Ok(real) => Ok(real),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Err(FsError::DanglingLink {
                path: path.to_owned(),
                target: fs::read_link(path).unwrap_or_default(),
            }),
            Err(source) => Err(FsError::Io {
                path: path.to_owned(),
                source,
            }),
        },
        Ok(_) => Ok(path.to_owned()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(path.to_owned()),
        Err(source) => Err(FsError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

/// What a path names: an existing file (by device and inode), or, for one that does not
/// exist yet, its absolute place.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Identity {
    #[cfg(unix)]
    File {
        dev: u64,
        ino: u64,
    },
    #[cfg(not(unix))]
    File(PathBuf),
    Missing(PathBuf),
}

fn identity(path: &Path) -> Identity {
    match fs::metadata(path) {
        #[cfg(unix)]
        Ok(meta) => {
            use std::os::unix::fs::MetadataExt;
            Identity::File {
                dev: meta.dev(),
                ino: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        Ok(_) => Identity::File(fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())),
        Err(_) => Identity::Missing(place(path)),
    }
}

/// The absolute place of a path that may not exist: its folder canonicalized where it
/// exists, so `./x` and `dir/../x` are the same place.
fn place(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    match (absolute.parent(), absolute.file_name()) {
        (Some(parent), Some(name)) => fs::canonicalize(parent)
            .map(|p| p.join(name))
            .unwrap_or(absolute),
        _ => absolute,
    }
}

/// Whether `a` and `b` are the same file (or, not existing, the same place).
pub fn same_file(a: &Path, b: &Path) -> bool {
    identity(a) == identity(b)
}

/// Refuses an output `output` that is the same file as one of `inputs`.
pub fn check_not_an_input(output: &Path, inputs: &[Input]) -> Result<(), FsError> {
    let wanted = identity(output);
    match inputs.iter().find(|input| identity(&input.path) == wanted) {
        Some(input) => Err(FsError::SameAsInput {
            output: output.to_owned(),
            input: input.path.clone(),
            role: input.role,
        }),
        None => Ok(()),
    }
}

/// Refuses a release folder `folder` that is one of `inputs` or holds one of them at any
/// depth (compared folder by folder by device and inode, so links cannot hide it).
pub fn check_folder_output(folder: &Path, inputs: &[Input]) -> Result<(), FsError> {
    if folder == Path::new("-") {
        return Err(FsError::FolderToStdout);
    }
    check_not_an_input(folder, inputs)?;
    let wanted = identity(folder);
    if matches!(wanted, Identity::Missing(_)) {
        return Ok(());
    }
    for input in inputs {
        let Ok(real) = fs::canonicalize(&input.path) else {
            continue;
        };
        if real.ancestors().skip(1).any(|dir| identity(dir) == wanted) {
            return Err(FsError::InputInsideFolder {
                output: folder.to_owned(),
                input: input.path.clone(),
                role: input.role,
            });
        }
    }
    Ok(())
}

/// Whether the existing file `path` (with metadata `meta`) is read-only: no write
/// permission bit at all, or this process may not write it.
pub fn is_read_only(path: &Path, meta: &Metadata) -> bool {
    meta.permissions().readonly() || !may_write(path)
}

#[cfg(unix)]
fn may_write(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c_path) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return true;
    };
    // SAFETY: `c_path` is a valid NUL-terminated string for the duration of the call.
    let result = unsafe {
        libc::faccessat(
            libc::AT_FDCWD,
            c_path.as_ptr(),
            libc::W_OK,
            libc::AT_EACCESS,
        )
    };
    // Only a plain "no" counts: a read-only file system or an odd error is left to the
    // write itself to report.
    result == 0 || io::Error::last_os_error().raw_os_error() != Some(libc::EACCES)
}

#[cfg(not(unix))]
fn may_write(_path: &Path) -> bool {
    true
}

/// Refuses the existing read-only file `path`, unless `policy` allows it. A file that
/// does not exist is fine.
pub fn check_writable(path: &Path, policy: ReadOnly) -> Result<(), FsError> {
    if policy == ReadOnly::Overwrite {
        return Ok(());
    }
    match fs::metadata(path) {
        Ok(meta) if is_read_only(path, &meta) => Err(FsError::ReadOnly {
            path: path.to_owned(),
        }),
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(FsError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

/// The attributes a replaced file keeps: its permission bits, owner and group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kept {
    #[cfg(unix)]
    mode: u32,
    #[cfg(unix)]
    uid: u32,
    #[cfg(unix)]
    gid: u32,
    #[cfg(not(unix))]
    readonly: bool,
}

impl Kept {
    /// The attributes of an existing file.
    pub fn of(meta: &Metadata) -> Kept {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Kept {
                mode: meta.mode() & 0o7777,
                uid: meta.uid(),
                gid: meta.gid(),
            }
        }
        #[cfg(not(unix))]
        Kept {
            readonly: meta.permissions().readonly(),
        }
    }

    /// Gives `file` (a new temp file, still empty) these attributes. The owner and group
    /// are set first, because changing them clears the set-user-id and set-group-id
    /// bits; an owner this process may not give (it is not root) is left as it is.
    pub fn apply(&self, file: &File) -> io::Result<()> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::{MetadataExt, PermissionsExt};
            let now = file.metadata()?;
            if now.uid() != self.uid || now.gid() != self.gid {
                let owner = std::os::unix::fs::fchown(file, Some(self.uid), Some(self.gid));
                if owner.is_err() {
                    // Not root: keeping the group may still be allowed.
                    let _ = std::os::unix::fs::fchown(file, None, Some(self.gid));
                }
            }
            file.set_permissions(fs::Permissions::from_mode(self.mode))
        }
        #[cfg(not(unix))]
        {
            let mut permissions = file.metadata()?.permissions();
            permissions.set_readonly(self.readonly);
            file.set_permissions(permissions)
        }
    }
}

/// Where an output goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sink {
    /// `-`: standard output, written by the caller (the library never prints).
    Stdout,
    /// A FIFO or character device, written in place as a stream.
    Stream(PathBuf),
    /// A regular file (or none yet), replaced atomically: the path is the file itself,
    /// links resolved.
    File(PathBuf),
}

/// A checked single-file output: see the [module documentation](self) for the rules.
#[derive(Debug, Clone)]
pub struct OutputTarget {
    given: PathBuf,
    sink: Sink,
    policy: ReadOnly,
    /// The file as it was when checked; it must not change before it is replaced.
    loaded: Option<Fingerprint>,
}

impl OutputTarget {
    /// Checks the output `given` against `inputs` and decides how it is written.
    pub fn new(given: &Path, inputs: &[Input], policy: ReadOnly) -> Result<OutputTarget, FsError> {
        let target = |sink, loaded| OutputTarget {
            given: given.to_owned(),
            sink,
            policy,
            loaded,
        };
        if given == Path::new("-") {
            return Ok(target(Sink::Stdout, None));
        }
        let real = resolve_link(given)?;
        check_not_an_input(given, inputs)?;
        let meta = match fs::metadata(&real) {
            Ok(meta) => meta,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Ok(target(Sink::File(real), None));
            }
            Err(source) => {
                return Err(FsError::Io {
                    path: given.to_owned(),
                    source,
                });
            }
        };
        let kind = meta.file_type();
        if kind.is_dir() {
            return Err(FsError::Io {
                path: given.to_owned(),
                source: io::Error::new(io::ErrorKind::IsADirectory, "is a directory"),
            });
        }
        if policy == ReadOnly::Refuse && is_read_only(&real, &meta) {
            return Err(FsError::ReadOnly {
                path: given.to_owned(),
            });
        }
        if kind.is_file() {
            let loaded = persist::fingerprint(&real).map_err(|e| match e {
                PersistError::Io { source, .. } => FsError::Io {
                    path: given.to_owned(),
                    source,
                },
                other => FsError::Io {
                    path: given.to_owned(),
                    source: io::Error::other(other.to_string()),
                },
            })?;
            return Ok(target(Sink::File(real), loaded));
        }
        if is_stream(&meta) {
            return Ok(target(Sink::Stream(real), None));
        }
        Err(FsError::NotWritable {
            path: given.to_owned(),
        })
    }

    /// The path as the user gave it.
    pub fn path(&self) -> &Path {
        &self.given
    }

    pub fn sink(&self) -> &Sink {
        &self.sink
    }

    /// Whether this is standard output (`-`), which the caller writes itself.
    pub fn is_stdout(&self) -> bool {
        self.sink == Sink::Stdout
    }

    /// Writes what `write` produces: a file atomically (temp file beside it, `verify`
    /// must accept the finished temp file, then rename; mode and owner kept), a stream in
    /// place. Errors name the path the user gave. Standard output is the caller's to
    /// write: for [`Sink::Stdout`] this is an error.
    pub fn write<W, V>(&self, write: W, verify: V) -> Result<(), PersistError>
    where
        W: FnOnce(&mut dyn Write) -> io::Result<()>,
        V: FnOnce(&Path) -> Result<(), String>,
    {
        match &self.sink {
            Sink::Stdout => Err(PersistError::Io {
                path: self.given.clone(),
                source: io::Error::new(
                    io::ErrorKind::Unsupported,
                    "standard output is written by the caller",
                ),
            }),
            Sink::Stream(real) => {
                let io = |source| PersistError::Io {
                    path: self.given.clone(),
                    source,
                };
                // No `create`, no `truncate`: a device or FIFO is written, never made.
                let file = OpenOptions::new().write(true).open(real).map_err(io)?;
                let mut out = BufWriter::new(file);
                write(&mut out).map_err(io)?;
                out.flush().map_err(io)
            }
            Sink::File(real) => persist::save_atomic_as(
                real,
                &self.given,
                self.loaded.as_ref(),
                self.policy,
                |out| write(out),
                verify,
            )
            .map(drop),
        }
    }
}

/// A FIFO or a character device.
fn is_stream(meta: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        kind.is_fifo() || kind.is_char_device()
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// The folder `path` is in (`.` for a bare name).
pub(crate) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_owned(),
        _ => PathBuf::from("."),
    }
}

/// Reads `buffer.len()` bytes at `offset` of `file`, without moving its cursor (a file
/// read from several places at once: a memory's TMX, journal, spill and index files).
pub fn read_exact_at(file: &File, buffer: &mut [u8], offset: u64) -> io::Result<()> {
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

/// The `len` bytes at `start` of `file`, read without moving its cursor.
pub fn read_span(file: &File, start: u64, len: u32) -> io::Result<Vec<u8>> {
    let mut bytes = vec![0u8; len as usize];
    read_exact_at(file, &mut bytes, start)?;
    Ok(bytes)
}

/// Reads what there is, up to `buffer.len()` bytes, at `offset` of `file`, without moving
/// its cursor.
pub fn read_at(file: &File, buffer: &mut [u8], offset: u64) -> io::Result<usize> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_at(file, buffer, offset)
    }
    #[cfg(not(unix))]
    {
        use std::io::{Read, Seek, SeekFrom};
        let mut file = file;
        file.seek(SeekFrom::Start(offset))?;
        file.read(buffer)
    }
}

/// Writes `bytes` at `offset` of `file`, without moving its cursor.
pub fn write_all_at(file: &File, bytes: &[u8], offset: u64) -> io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::write_all_at(file, bytes, offset)
    }
    #[cfg(not(unix))]
    {
        use std::io::{Seek, SeekFrom};
        let mut file = file;
        file.seek(SeekFrom::Start(offset))?;
        file.write_all(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_file_is_found_under_any_spelling() {
        let dir = tempfile::tempdir().unwrap();
        let memory = dir.path().join("m.tmx");
        fs::write(&memory, "x").unwrap();
        let inputs = [Input::new(&memory, Role::Memory)];
        let other_spelling = dir.path().join(".").join("sub").join("..").join("m.tmx");
        fs::create_dir(dir.path().join("sub")).unwrap();
        let error = check_not_an_input(&other_spelling, &inputs).unwrap_err();
        assert!(
            matches!(&error, FsError::SameAsInput { role: Role::Memory, input, .. } if *input == memory),
            "{error}"
        );
        #[cfg(unix)]
        {
            let link = dir.path().join("link.tmx");
            std::os::unix::fs::symlink(&memory, &link).unwrap();
            assert!(check_not_an_input(&link, &inputs).is_err());
            let hard = dir.path().join("hard.tmx");
            fs::hard_link(&memory, &hard).unwrap();
            assert!(check_not_an_input(&hard, &inputs).is_err());
        }
        assert!(check_not_an_input(&dir.path().join("new.tmx"), &inputs).is_ok());
        // A memory not written yet is still the memory.
        let future = [Input::new(dir.path().join("tmx/new.tmx"), Role::Memory)];
        fs::create_dir(dir.path().join("tmx")).unwrap();
        assert!(check_not_an_input(&dir.path().join("tmx/../tmx/new.tmx"), &future).is_err());
    }

    #[test]
    fn a_release_folder_may_not_hold_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        fs::create_dir_all(out.join("tmx")).unwrap();
        fs::write(out.join("tmx/m.tmx"), "x").unwrap();
        let inputs = [Input::new(out.join("tmx/m.tmx"), Role::Memory)];
        assert!(matches!(
            check_folder_output(&out, &inputs),
            Err(FsError::InputInsideFolder {
                role: Role::Memory,
                ..
            })
        ));
        assert!(matches!(
            check_folder_output(dir.path(), &inputs),
            Err(FsError::InputInsideFolder { .. })
        ));
        assert!(check_folder_output(&dir.path().join("elsewhere"), &inputs).is_ok());
        assert!(matches!(
            check_folder_output(Path::new("-"), &inputs),
            Err(FsError::FolderToStdout)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn links_resolve_and_dangling_ones_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.tmx");
        fs::write(&real, "x").unwrap();
        let link = dir.path().join("link.tmx");
        std::os::unix::fs::symlink("real.tmx", &link).unwrap();
        assert_eq!(
            resolve_link(&link).unwrap(),
            fs::canonicalize(&real).unwrap()
        );
        assert_eq!(resolve_link(&real).unwrap(), real);
        let dangling = dir.path().join("dangling.tmx");
        std::os::unix::fs::symlink("nowhere.tmx", &dangling).unwrap();
        assert!(matches!(
            resolve_link(&dangling),
            Err(FsError::DanglingLink { target, .. }) if target == Path::new("nowhere.tmx")
        ));
    }

    #[cfg(unix)]
    #[test]
    fn read_only_is_told_by_the_mode_bits() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.tmx");
        fs::write(&path, "x").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        assert!(matches!(
            check_writable(&path, ReadOnly::Refuse),
            Err(FsError::ReadOnly { .. })
        ));
        assert!(check_writable(&path, ReadOnly::Overwrite).is_ok());
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        assert!(check_writable(&path, ReadOnly::Refuse).is_ok());
        assert!(check_writable(&dir.path().join("new.tmx"), ReadOnly::Refuse).is_ok());
    }
}
