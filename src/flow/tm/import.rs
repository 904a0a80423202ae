//! `tm import`: a foreign TMX merged into a memory file, with a report.

use std::path::PathBuf;

use super::{Languages, any_damaged, lock_wait};
use crate::flow::{FlowError, Notice, Notices, open_for_update_in};
use crate::fsio::ReadOnly;
use crate::memory::import::{self, DuplicatePolicy, ImportReport};
use crate::memory::store::{LoadProblem, Memory};

/// Merge the TMX `file` into the memory file `into`.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub file: PathBuf,
    pub into: PathBuf,
    /// Count what an import would do, and write nothing.
    pub dry_run: bool,
    pub duplicates: DuplicatePolicy,
    /// As for [`super::compact::CompactRequest::wait`].
    pub wait: bool,
    pub read_only: ReadOnly,
    pub languages: Languages,
}

/// What [`import`] did (or, for a dry run, would do).
#[derive(Debug, Clone)]
pub struct Imported {
    pub report: ImportReport,
    /// Whether `file` had damaged TUs, which were not imported.
    pub damaged_input: bool,
}

/// Imports `request.file` and saves the memory (unless a dry run). The problems of
/// `file` are told before the save. A memory with damaged TUs is refused, also for a dry
/// run: an import into it could never be saved.
pub fn import(request: &ImportRequest, notices: &mut dyn Notices) -> Result<Imported, FlowError> {
    let languages = request.languages.pair();
    let mut memory = if request.dry_run {
        // A dry run reads only: no lock, no folder, nothing left behind.
        let paths = [request.into.clone()];
        let memory = Memory::open_preview(&paths, languages.0, languages.1)?;
        memory.refuse_damaged()?;
        memory
    } else {
        let wait = lock_wait(request.wait);
        open_for_update_in(&request.into, languages, wait, request.read_only)?
    };
    let report = import::import(&mut memory, &request.file, request.duplicates)?;
    for problem in &report.problems {
        notices.notice(Notice::MemoryProblem(LoadProblem {
            path: request.file.clone(),
            problem: problem.clone(),
        }));
    }
    let damaged_input = any_damaged(report.problems.iter());
    if !request.dry_run {
        memory.save()?;
    }
    Ok(Imported {
        report,
        damaged_input,
    })
}
