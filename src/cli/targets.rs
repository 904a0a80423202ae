//! The `-o` of every command, through [`songngu::fsio`]: checked against the command's
//! inputs before any work, written to a file, a stream or standard output.
//!
//! A command lists what it reads (the project's files, see
//! [`songngu::project::Project::protected_files`], and its own inputs), asks for its
//! [`target`] (or [`folder`] for a release), and hands the content to [`write`].

use std::io::Write;
use std::path::Path;

use anyhow::Result;
use songngu::fsio::{self, Input, OutputTarget, Role};
use songngu::i18n::Localizer;

use super::context::Context;
use super::errors;
use super::output::{Output, OutputError};
use super::values;

/// The project's files for commands that do not use the project (`tm convert`,
/// `tm export`): a project that cannot be read still protects its file.
pub fn project_inputs_if_any(ctx: &Context) -> Vec<Input> {
    match ctx.project() {
        Ok(project) => project.protected_files(),
        Err(_) => ctx
            .project_file()
            .map(|p| vec![Input::new(p, Role::Project)])
            .unwrap_or_default(),
    }
}

/// The single-file output `given`, checked against `inputs`.
pub fn target(
    l10n: &Localizer,
    given: &Path,
    inputs: &[Input],
    force_readonly: bool,
) -> Result<OutputTarget> {
    OutputTarget::new(given, inputs, values::read_only(force_readonly))
        .map_err(|e| anyhow::anyhow!(errors::fs_error(l10n, &e)))
}

/// The release folder `given`, checked against `inputs`.
pub fn folder(l10n: &Localizer, given: &Path, inputs: &[Input]) -> Result<()> {
    fsio::check_folder_output(given, inputs)
        .map_err(|e| anyhow::anyhow!(errors::fs_error(l10n, &e)))
}

/// Writes `write`'s content to `target`: standard output through `out` (a closed pipe
/// is then the usual end of a pipeline), a stream in place, a file atomically after
/// `verify` accepted it.
pub fn write<W, V>(
    l10n: &Localizer,
    out: &mut Output,
    target: &OutputTarget,
    write: W,
    verify: V,
) -> Result<()>
where
    W: FnOnce(&mut dyn Write) -> std::io::Result<()>,
    V: FnOnce(&Path) -> Result<(), String>,
{
    if target.is_stdout() {
        write(out.writer()).map_err(OutputError)?;
        out.flush()?;
        return Ok(());
    }
    target
        .write(write, verify)
        .map_err(|e| errors::output_error(l10n, e))
}

/// Where the lines that say what was written go: standard error when the output itself
/// is standard output, so that it stays clean for the next program.
pub fn status_output(target: &OutputTarget) -> Option<Output> {
    target.is_stdout().then(Output::stderr)
}
