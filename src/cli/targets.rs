//! The `-o` of every command, through [`songngu::fsio`]: checked against the command's
//! inputs before any work, written to a file, a stream or standard output.
//!
//! A command lists what it reads ([`project_inputs`] adds the project's files: the
//! project file, its memories, articles, glossary and accepted-findings file), asks for
//! its [`target`] (or [`folder`] for a release), and hands the content to [`write`].

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use songngu::config::Config;
use songngu::fsio::{self, Input, OutputTarget, ReadOnly, Role};
use songngu::i18n::Localizer;

use super::errors;
use super::output::{Output, OutputError};

/// `--force-readonly` as the library's policy.
pub fn read_only(force: bool) -> ReadOnly {
    if force {
        ReadOnly::Overwrite
    } else {
        ReadOnly::Refuse
    }
}

/// The files of the project `config` that no output may overwrite: the project file,
/// the memories, the articles, the glossary and the accepted-findings file.
pub fn project_inputs(config: &Config) -> Vec<Input> {
    let mut inputs: Vec<Input> = config
        .path
        .iter()
        .map(|p| Input::new(p, Role::Project))
        .collect();
    inputs.extend(config.memory.iter().map(|p| Input::new(p, Role::Memory)));
    inputs.extend(
        config
            .articles
            .iter()
            .map(|a| Input::new(&a.path, Role::Article)),
    );
    inputs.extend(
        config
            .check
            .glossary
            .iter()
            .map(|p| Input::new(p, Role::Glossary)),
    );
    inputs.push(Input::new(&config.check.accepted, Role::Accepted));
    inputs
}

/// The project's files for commands that do not use the project (`tm convert`,
/// `tm export`): a project that cannot be read still protects its file.
pub fn project_inputs_if_any(l10n: &Localizer) -> Vec<Input> {
    match super::project::load(l10n) {
        Ok(config) => project_inputs(&config),
        Err(_) => super::project::file()
            .map(|p| vec![Input::new(p, Role::Project)])
            .unwrap_or_default(),
    }
}

/// An input file given on the command line; `-` (standard input) is none.
pub fn input(path: &Path, role: Role) -> Option<Input> {
    (path != Path::new("-")).then(|| Input::new(path, role))
}

/// Memory files given with `--tm`, else the project's.
pub fn memories(given: &[PathBuf], config: &Config) -> Vec<Input> {
    let paths = if given.is_empty() {
        &config.memory
    } else {
        given
    };
    paths.iter().map(|p| Input::new(p, Role::Memory)).collect()
}

/// The single-file output `given`, checked against `inputs`.
pub fn target(
    l10n: &Localizer,
    given: &Path,
    inputs: &[Input],
    force_readonly: bool,
) -> Result<OutputTarget> {
    OutputTarget::new(given, inputs, read_only(force_readonly))
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
