//! The flows of `songngu tm ...`: one memory file, its statistics and problems, copies,
//! lookups, imports, compaction and three-way merges.
//!
//! These work on the memory file given, not on the project: its language pair is the
//! request's ([`Languages`]), and only the outputs of [`copy`] are checked against the
//! project's files, which the caller lists. A caller given no memory file reads the
//! project's ([`memory_files`]). A memory file's journal is part of it: every flow here
//! reads the TMX with its journal applied.

pub mod compact;
pub mod copy;
pub mod docs;
pub mod import;
pub mod lookup;
pub mod merge;
pub mod stats;

use std::path::{Path, PathBuf};

use unic_langid::{LanguageIdentifier, langid};

use crate::memory::journal::MemoryTus;
use crate::memory::persist::LockWait;
use crate::memory::store::LoadProblem;
use crate::tmx::{Problem, Severity};

use super::{FlowError, LOCK_WAIT};
use crate::fsio::OutputTarget;
use crate::memory::write;
use crate::project::Project;
use crate::tmx::{Attr, Header, Tu};
use std::io::Write;

/// The memory files a `tm` command reads: those `given`, else those of `project` that
/// exist. None at all is [`FlowError::NoMemoryToRead`]: an empty memory would answer
/// every lookup with nothing, which reads as "no match" rather than "no memory".
pub fn memory_files(given: &[PathBuf], project: &Project) -> Result<Vec<PathBuf>, FlowError> {
    let paths = project.memory_paths(given);
    if paths.is_empty() {
        return Err(FlowError::NoMemoryToRead {
            project: project.config.path.clone(),
            listed: project.config.memory.clone(),
        });
    }
    Ok(paths)
}

/// The one memory file of `project` that `tm export` reads when none is given: the
/// project's that exists. None is [`FlowError::NoMemoryToRead`]; several are
/// [`FlowError::SeveralMemories`], since a TMX written from one of them (or from all,
/// concatenated) would pass for the whole memory.
pub fn project_memory_to_read(project: &Project) -> Result<PathBuf, FlowError> {
    let mut files = memory_files(&[], project)?;
    if files.len() > 1 {
        return Err(FlowError::SeveralMemories {
            project: project.config.path.clone(),
            paths: files,
        });
    }
    Ok(files.remove(0))
}

/// The memory file of `project` that `tm import` writes into when none is given: its
/// first, as for every command that writes (written or not: an import may be its first
/// content). A project that lists none is [`FlowError::NoMemoryToRead`] with nothing
/// listed.
pub fn project_memory_to_write(project: &Project) -> Result<PathBuf, FlowError> {
    project
        .target_memory(None)
        .ok_or_else(|| FlowError::NoMemoryToRead {
            project: project.config.path.clone(),
            listed: Vec::new(),
        })
}

/// The language pair a memory file is read in. It steers lookups and which side of a
/// TU is the source; a memory holding other languages still reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages {
    pub source: LanguageIdentifier,
    pub target: LanguageIdentifier,
}

impl Languages {
    fn pair(&self) -> (LanguageIdentifier, LanguageIdentifier) {
        (self.source.clone(), self.target.clone())
    }
}

/// English to Vietnamese, the default of every `tm` command.
impl Default for Languages {
    fn default() -> Languages {
        Languages {
            source: langid!("en"),
            target: langid!("vi"),
        }
    }
}

/// Waiting up to [`LOCK_WAIT`] for another writer, or failing at once.
fn lock_wait(wait: bool) -> LockWait {
    if wait {
        LockWait::Wait(LOCK_WAIT)
    } else {
        LockWait::Fail
    }
}

/// Whether any of `problems` is a damaged TU (not a mere warning).
fn any_damaged<'a>(mut problems: impl Iterator<Item = &'a Problem>) -> bool {
    problems.any(|p| p.severity == Severity::Error)
}

/// The problems `reader` met, the TMX's named by `given` (the path as the caller wrote
/// it), the journal's by the journal.
fn problems_named(reader: &MemoryTus, given: &Path) -> Vec<LoadProblem> {
    reader
        .problems()
        .into_iter()
        .map(|(path, problem)| LoadProblem {
            path: if path == reader.tmx_path() {
                given.to_owned()
            } else {
                path
            },
            problem,
        })
        .collect()
}

/// Writes a memory file of `tus` under `header` to `target`, once every TU is known to be
/// writable: standard output through `stdout`, a file atomically after it reads back.
fn write_tmx_to(
    target: &OutputTarget,
    stdout: &mut dyn Write,
    root_attrs: &[Attr],
    header: &Header,
    tus: &[Tu],
) -> Result<(), FlowError> {
    write::check_tus_writable(target.path(), tus)?;
    let content = |w: &mut dyn Write| write::write_tmx(w, root_attrs, header, tus);
    if target.is_stdout() {
        content(stdout)
            .and_then(|()| stdout.flush())
            .map_err(FlowError::WriteStdout)
    } else {
        target
            .write(content, |written| write::verify_tmx(written, tus))
            .map_err(FlowError::WriteOutput)
    }
}
