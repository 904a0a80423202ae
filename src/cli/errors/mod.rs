//! Typed library errors, turned into localized sentences at the CLI edge: the one place
//! where a library error becomes text a person reads at the terminal.
//!
//! The sentences themselves are the library's ([`songngu::wording::errors`], shared with
//! the review page): one Fluent message per variant, built from the variant's fields.
//! What is here is what only a terminal does: the error as an [`anyhow::Error`] for
//! [`super::report_error`] (which adds the `songngu: error:` prefix), the damaged TUs or
//! the glossary's other bad lines listed on standard error first, a closed pipe told
//! apart, and the hints that name a command's own options.

use std::path::Path;

use songngu::flow::FlowError;
use songngu::i18n::Localizer;

use super::output::{OutputError, stderr_line};

mod memory;
mod serve;

pub use memory::{memory_error, output_error, print_problem};
pub use serve::serve_error;
pub use songngu::wording::errors::{
    MemoryNamed, config_error, document_error, fs_error, input_error, io_reason,
    merge_json_to_stdout, srx_error,
};

/// The message for a flow that could not do what it was asked.
pub fn flow_error(l10n: &Localizer, error: FlowError) -> anyhow::Error {
    match error {
        FlowError::Memory(e) => memory_error(l10n, e),
        FlowError::Glossary { path, lines } => glossary_error(l10n, &path, &lines),
        FlowError::WriteOutput(e) => output_error(l10n, e),
        // Told as any write to standard output: a closed pipe is the end of a pipeline.
        FlowError::WriteStdout(e) => anyhow::Error::new(OutputError(e)),
        other => anyhow::anyhow!(songngu::wording::errors::flow_message(l10n, &other)),
    }
}

/// A glossary with lines that are not term pairs: every line but the last told on
/// standard error, the last as the error.
fn glossary_error(l10n: &Localizer, path: &Path, lines: &[usize]) -> anyhow::Error {
    use songngu::wording::errors::glossary_line;
    let (last, others) = match lines.split_last() {
        Some((last, others)) => (Some(*last), others),
        None => (None, &[][..]),
    };
    for line in others {
        let message = glossary_line(l10n, path, Some(*line));
        stderr_line(&l10n.text_with("cli-error", &[("message", message.into())]));
    }
    anyhow::anyhow!(glossary_line(l10n, path, last))
}

/// [`flow_error`], with the hints of the project's missing (or several) memories saying
/// how the command names one.
pub fn tm_memory_error(l10n: &Localizer, error: FlowError, named: MemoryNamed) -> anyhow::Error {
    use songngu::wording::errors::{no_memory_to_read, no_memory_to_write, several_memories};
    match &error {
        FlowError::NoMemoryToRead { project, listed } => {
            anyhow::anyhow!(no_memory_to_read(l10n, project, listed, named))
        }
        FlowError::SeveralMemories { project, paths } => {
            anyhow::anyhow!(several_memories(l10n, project, paths, named))
        }
        FlowError::NoMemoryToWrite { project } => {
            anyhow::anyhow!(no_memory_to_write(l10n, project, named))
        }
        _ => flow_error(l10n, error),
    }
}

#[cfg(test)]
mod tests;
