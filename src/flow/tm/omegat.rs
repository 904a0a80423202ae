//! The OmegaT memory written beside a work file (`xliff export --for omegat --omegat-tm
//! PATH`): the memory the export read, as `tm export --for omegat` writes it (through
//! [`copy::export`], the same code), so that a translator gets the work file and the
//! `tm/auto/` memory that matches it in one step.

use std::io;
use std::path::PathBuf;

use super::copy::{self, Copied, ExportRequest};
use super::project_memory_to_read;
use crate::flow::{FlowError, Notices};
use crate::fsio::{FsError, Input, OutputTarget, ReadOnly, Role};
use crate::project::Project;

/// Where to write the OmegaT memory, and of which memory.
#[derive(Debug, Clone)]
pub struct OmegatMemoryRequest {
    /// The memory files the work file was made from (`--tm`), else the project's: one
    /// file, since one TMX of several would pass for the whole memory.
    pub tm: Vec<PathBuf>,
    /// The TMX to write; never standard output, never a file the command reads.
    pub output: PathBuf,
    /// What the command reads or writes besides the memory and the project's files (the
    /// article, the work file): the output must not replace any of them.
    pub protected: Vec<Input>,
    pub read_only: ReadOnly,
}

/// The memory file to write out, after checking the output against every input: called
/// before any work, so an output refused as one (standard output, an input, the work
/// file, a read-only file, a folder that does not exist) leaves nothing written.
pub fn check(project: &Project, request: &OmegatMemoryRequest) -> Result<PathBuf, FlowError> {
    if request.output.as_os_str() == "-" {
        return Err(FlowError::OmegatMemoryToStdout);
    }
    let tm = match request.tm.as_slice() {
        [] => project_memory_to_read(project)?,
        [one] => one.clone(),
        several => {
            return Err(FlowError::SeveralMemories {
                project: None,
                paths: several.to_vec(),
            });
        }
    };
    OutputTarget::new(
        &request.output,
        &inputs(project, request, &tm),
        request.read_only,
    )?;
    // Found now, not when the file is written: the work file would be written by then.
    let folder = request
        .output
        .parent()
        .filter(|p| !p.as_os_str().is_empty());
    if folder.is_some_and(|folder| !folder.is_dir()) {
        return Err(FsError::Io {
            path: request.output.clone(),
            source: io::Error::new(io::ErrorKind::NotFound, "no such folder"),
        }
        .into());
    }
    Ok(tm)
}

/// Writes the OmegaT memory of `request` (see [`check`]).
pub fn write(
    project: &Project,
    request: &OmegatMemoryRequest,
    notices: &mut dyn Notices,
) -> Result<Copied, FlowError> {
    let tm = check(project, request)?;
    let export = ExportRequest {
        protected: inputs(project, request, &tm),
        tm,
        doc: None,
        output: request.output.clone(),
        read_only: request.read_only,
        for_omegat: true,
    };
    // The output is a file (checked above): nothing goes to standard output.
    copy::export(&export, &mut std::io::sink(), notices)
}

fn inputs(project: &Project, request: &OmegatMemoryRequest, tm: &PathBuf) -> Vec<Input> {
    let mut inputs = project.protected_files();
    inputs.extend(project.memory_inputs(&request.tm));
    inputs.push(Input::new(tm, Role::Memory));
    inputs.extend(request.protected.iter().cloned());
    inputs
}
