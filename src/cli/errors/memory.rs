//! Errors of the memory at the terminal: the damaged TUs of a memory listed on standard
//! error before the error itself; an output's write failure with the system's reason.
//! The sentences are the library's ([`songngu::wording::errors::memory`]).

use std::path::Path;

use songngu::i18n::Localizer;
use songngu::memory::persist::PersistError;
use songngu::memory::store::MemoryError;
use songngu::tmx;
use songngu::wording::errors::write_error;

use super::super::output::stderr_line;

pub use songngu::wording::errors::memory::*;

/// A failed write of an output file: the system's reason for the user's path (the save
/// writes a temporary file beside it), or what the save refused.
pub fn output_error(l10n: &Localizer, error: PersistError) -> anyhow::Error {
    let message = match &error {
        PersistError::Io { path, source } => write_error(l10n, path, source),
        other => persist_message(l10n, other),
    };
    anyhow::Error::new(error).context(message)
}

/// A memory error with its localized message as context (damaged TUs listed on stderr
/// first).
pub fn memory_error(l10n: &Localizer, error: MemoryError) -> anyhow::Error {
    if let MemoryError::DamagedTus { path, problems, .. } = &error {
        // Each damaged TU by its place first, as the `tm` commands list them, so that
        // the user can find and repair it.
        for problem in problems {
            print_problem(l10n, path, problem);
        }
    }
    let message = memory_message(l10n, &error);
    anyhow::Error::new(error).context(message)
}

/// Prints one problem of a TMX file (a damaged TU or a warning) with its place on stderr.
pub fn print_problem(l10n: &Localizer, path: &Path, problem: &tmx::Problem) {
    stderr_line(&problem_line(l10n, path, problem));
}
