//! Errors of the memory: saving ([`PersistError`]), the journal ([`JournalError`]) and the
//! store ([`MemoryError`]), and the problems of the TMX files it reads.

use std::path::Path;

use crate::flow::tm::merge::MergeError;
use crate::i18n::{FluentValue, Localizer};
use crate::memory::journal::{JournalDamage, JournalError};
use crate::memory::persist::PersistError;
use crate::memory::store::MemoryError;
use crate::tmx::{self, Severity};

use super::{fs_error, io_reason, path_value, plain, read_error, tmx::tmx_message};

/// The message for a `tm merge` refused before anything was written.
pub fn merge_error(l10n: &Localizer, error: &MergeError) -> String {
    match error {
        MergeError::OutputHasJournal { output, journal } => l10n.text_with(
            "error-tm-merge-journal",
            &[
                ("path", path_value(output)),
                ("journal", path_value(journal)),
            ],
        ),
    }
}

/// `tm merge --format json -o -`: the JSON Lines and the merged memory would share
/// standard output.
pub fn merge_json_to_stdout(l10n: &Localizer) -> String {
    l10n.text("error-tm-merge-json-stdout")
}

/// The message for a save that failed or was refused (a memory, the accepted-findings
/// file, an output).
pub fn persist_message(l10n: &Localizer, error: &PersistError) -> String {
    match error {
        PersistError::Io { path, source } => l10n.text_with(
            "error-access",
            &[
                ("path", path_value(path)),
                ("reason", io_reason(l10n, source).into()),
            ],
        ),
        PersistError::Locked {
            path,
            holder: Some(holder),
        } => l10n.text_with(
            "error-locked",
            &[
                ("path", path_value(path)),
                ("holder", holder.clone().into()),
            ],
        ),
        // The holder had not written who it is: nothing to quote, in either language.
        PersistError::Locked { path, holder: None } => {
            l10n.text_with("error-locked-unknown", &[("path", path_value(path))])
        }
        PersistError::ChangedOnDisk { path } => {
            l10n.text_with("error-changed-on-disk", &[("path", path_value(path))])
        }
        // What reading the written file back found: the reader's words, in English.
        PersistError::VerifyFailed { path, reason } => l10n.text_with(
            "error-verify-failed",
            &[
                ("path", path_value(path)),
                ("detail", reason.clone().into()),
            ],
        ),
        PersistError::Fs(e) => fs_error(l10n, e),
    }
}

/// The message for a journal that cannot be used.
pub fn journal_message(l10n: &Localizer, error: &JournalError) -> String {
    match error {
        JournalError::Mismatch { journal, tmx } => l10n.text_with(
            "error-journal-mismatch",
            &[("journal", path_value(journal)), ("path", path_value(tmx))],
        ),
        JournalError::Damaged { path, reason } => l10n.text_with(
            "error-journal-damaged",
            &[
                ("journal", path_value(path)),
                ("reason", journal_damage(l10n, *reason).into()),
            ],
        ),
        JournalError::Io { path, source } => read_error(l10n, path, source),
    }
}

fn journal_damage(l10n: &Localizer, damage: JournalDamage) -> String {
    l10n.text(match damage {
        JournalDamage::NotAJournal => "journal-damage-not-a-journal",
        JournalDamage::ShortHeader => "journal-damage-short-header",
        JournalDamage::NoHeader => "journal-damage-no-header",
        JournalDamage::BadKey => "journal-damage-bad-key",
        JournalDamage::ShortRecord => "journal-damage-short-record",
        JournalDamage::UnknownRecord => "journal-damage-unknown-record",
        JournalDamage::MissingTu => "journal-damage-missing-tu",
        JournalDamage::ChangedTwice => "journal-damage-changed-twice",
    })
}

/// The message for a memory error. Damaged TUs are not listed here: a front end lists
/// them ([`problem_line`]) first.
pub fn memory_message(l10n: &Localizer, error: &MemoryError) -> String {
    match error {
        MemoryError::Tmx(error) => tmx_message(l10n, error),
        MemoryError::Persist(error) => persist_message(l10n, error),
        MemoryError::Journal(error) => journal_message(l10n, error),
        MemoryError::Io { path, source } => read_error(l10n, path, source),
        MemoryError::DamagedTus { path, count, .. } => l10n.text_with(
            "error-damaged-tus",
            &[("path", path_value(path)), ("count", (*count).into())],
        ),
        MemoryError::Unwritable { path, tus } => l10n.text_with(
            "error-unwritable",
            &[("path", path_value(path)), ("tus", tus.clone().into())],
        ),
        MemoryError::UnknownFile { path } => {
            l10n.text_with("error-memory-unknown-file", &[("path", path_value(path))])
        }
        MemoryError::UnknownEntry { id } => {
            l10n.text_with("error-memory-unknown-entry", &[("id", plain(id))])
        }
        MemoryError::Preview => l10n.text("error-memory-preview"),
    }
}

/// One problem of a TMX file (a damaged TU or a warning) with its place, as the `tm`
/// commands list them.
pub fn problem_line(l10n: &Localizer, path: &Path, problem: &tmx::Problem) -> String {
    let id = match problem.severity {
        Severity::Error => "tm-problem-error",
        Severity::Warning => "tm-problem-warning",
    };
    l10n.text_with(
        id,
        &[
            ("path", path_value(path)),
            ("line", plain(problem.line)),
            ("column", plain(problem.column)),
            ("message", problem_message(l10n, problem).into()),
        ],
    )
}

/// The words of one problem of a TMX file, from its code and values (the library's
/// English for a code this interface does not know).
pub fn problem_message(l10n: &Localizer, problem: &tmx::Problem) -> String {
    let id = format!("tmx-problem-{}", problem.code);
    let Some((_, names)) = tmx::PROBLEM_CODES
        .iter()
        .find(|(code, _)| *code == problem.code)
    else {
        return problem.message.clone();
    };
    if !l10n.has_message(&id) {
        return problem.message.clone();
    }
    // A value a problem does not carry (the attribute of a `<tuv>`'s language) selects
    // the message's `none` variant.
    let args: Vec<(&str, FluentValue<'_>)> = names
        .iter()
        .map(|name| {
            let value = problem
                .values
                .iter()
                .find(|(have, _)| have == name)
                .map_or("none", |(_, value)| value.as_str());
            (*name, FluentValue::from(value))
        })
        .collect();
    l10n.text_with(&id, &args)
}
