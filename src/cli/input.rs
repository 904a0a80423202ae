//! Files read whole, within their size limits ([`songngu::input_limit`]): the limit of the
//! documents a newsroom feeds in (articles, standard input, XLIFF, glossaries, query lists)
//! is set before the command with `--max-input-mb MB`, else by `SONGNGU_MAX_INPUT_MB`,
//! else 64 MiB; settings files (the project file, accepted findings, SRX) keep their fixed
//! limits.

use std::path::Path;
use std::sync::OnceLock;

use anyhow::Result;
use clap::Args;
use songngu::document::{Document, ReadOptions};
use songngu::i18n::Localizer;
use songngu::input_limit::{self, InputError, InputKind, MIB};
use songngu::segment::{Segmenter, Unit, segment_document};
use songngu::text::Glossary;
use songngu::text::Lang;

use super::errors;
use super::output::stderr_line;

/// The environment variable read when `--max-input-mb` is not given.
pub const ENV: &str = "SONGNGU_MAX_INPUT_MB";

/// The largest limit accepted, in MiB (1 TiB): far past any article, and small enough
/// that the limit in bytes cannot overflow.
const MAX_MB: u64 = 1 << 20;

/// Options of the top level, before the command: `songngu --max-input-mb 200 check ...`.
#[derive(Debug, Clone, Default, Args)]
pub struct InputArgs {
    #[arg(
        long,
        value_name = "MB",
        value_parser = clap::value_parser!(u64).range(1..=MAX_MB)
    )]
    pub max_input_mb: Option<u64>,
}

/// The limit in bytes set for this run, if any.
static LIMIT: OnceLock<Option<u64>> = OnceLock::new();

/// Records the limit of this run from the option or the environment, once before the
/// command runs; a bad value in the environment is an error (message localized).
pub fn set<E: Fn(&str) -> Option<String>>(
    args: &InputArgs,
    env: &E,
    l10n: &Localizer,
) -> Result<(), String> {
    let mb = match args.max_input_mb {
        Some(mb) => Some(mb),
        // An empty value counts as unset, as shells make it easy to leave one behind.
        None => match env(ENV).filter(|v| !v.trim().is_empty()) {
            None => None,
            Some(value) => match value.trim().parse::<u64>() {
                Ok(mb) if (1..=MAX_MB).contains(&mb) => Some(mb),
                _ => {
                    return Err(l10n.text_with(
                        "error-max-input-env",
                        &[("value", value.into()), ("max", MAX_MB.into())],
                    ));
                }
            },
        },
    };
    // Set once per process by `run`; a second call (tests calling `run` again) keeps the
    // first, as `project::set` does.
    let _ = LIMIT.set(mb.map(|mb| mb * MIB));
    Ok(())
}

/// The limit in bytes of `kind` in this run.
pub fn limit(kind: InputKind) -> u64 {
    match LIMIT.get().copied().flatten() {
        Some(limit) if kind.configurable() => limit,
        _ => kind.default_limit(),
    }
}

/// Reading options of an article, with this run's limit.
pub fn article_options() -> ReadOptions {
    ReadOptions {
        max_bytes: limit(InputKind::Article),
        ..ReadOptions::default()
    }
}

/// The bytes of `path`, a `kind` of input, within this run's limit; errors are localized.
pub fn read(l10n: &Localizer, path: &Path, kind: InputKind) -> Result<Vec<u8>> {
    input_limit::read(path, kind, limit(kind)).map_err(|e| anyhow::anyhow!(message(l10n, &e)))
}

/// Like [`read`], for a UTF-8 text; invalid UTF-8 is named with its line and column.
pub fn read_text(l10n: &Localizer, path: &Path, kind: InputKind) -> Result<String> {
    input_limit::read_text(path, kind, limit(kind)).map_err(|e| anyhow::anyhow!(message(l10n, &e)))
}

/// The localized message of a failed read.
pub fn message(l10n: &Localizer, error: &InputError) -> String {
    match error {
        InputError::Io { path, source } if path == Path::new("-") => l10n.text_with(
            "error-stdin",
            &[("reason", errors::io_reason(l10n, source).into())],
        ),
        InputError::Io { path, source } => errors::read_error(l10n, path, source),
        InputError::TooLarge { path, kind, limit } => too_large(l10n, path, *kind, *limit),
        InputError::InvalidUtf8 {
            path,
            offset,
            line,
            column,
        } => errors::invalid_utf8(l10n, path, *offset, *line, *column),
    }
}

/// `path` (`-`: standard input) is larger than `limit` bytes, the limit of `kind`; the
/// message says how to raise a limit that can be raised.
pub fn too_large(l10n: &Localizer, path: &Path, kind: InputKind, limit: u64) -> String {
    let id = if path == Path::new("-") {
        "error-too-large-stdin"
    } else if kind.configurable() {
        "error-too-large-raise"
    } else {
        "error-too-large"
    };
    l10n.text_with(
        id,
        &[
            ("path", path.display().to_string().into()),
            ("limit", input_limit::limit_text(limit).into()),
            (
                "what",
                l10n.text(&format!("input-kind-{}", kind.name())).into(),
            ),
        ],
    )
}

/// A glossary file (`English<TAB>Vietnamese` per line). A line that is not a pair is a
/// mistake in the file; using the file without it would hide the mistake, so every such
/// line is named (the last one as the error) and the glossary is refused.
pub fn read_glossary(path: &Path, l10n: &Localizer) -> Result<Glossary> {
    let text = read_text(l10n, path, InputKind::Glossary)?;
    let (glossary, errors) = Glossary::parse_with_errors(&text);
    let mut messages = errors.iter().map(|error| {
        l10n.text_with(
            "align-glossary-line",
            &[
                ("path", path.display().to_string().into()),
                ("line", error.line.into()),
            ],
        )
    });
    let Some(last) = messages.next_back() else {
        return Ok(glossary);
    };
    for message in messages {
        stderr_line(&l10n.text_with("cli-error", &[("message", message.into())]));
    }
    Err(anyhow::anyhow!(last))
}

/// An article, read and segmented.
pub fn read_units(path: &Path, lang: Lang, l10n: &Localizer) -> Result<(Document, Vec<Unit>)> {
    let doc = Document::read_path(path, super::input::article_options())
        .map_err(|e| anyhow::anyhow!(errors::document_error(l10n, &e)))?;
    let units = segment_document(&doc, &Segmenter::builtin(lang));
    Ok((doc, units))
}

#[cfg(test)]
mod tests {
    use super::*;
    use songngu::i18n::UiLocale;

    #[test]
    fn every_kind_has_a_name_in_both_languages() {
        for locale in UiLocale::ALL {
            let l10n = Localizer::new(locale);
            for kind in InputKind::ALL {
                let id = format!("input-kind-{}", kind.name());
                assert!(l10n.has_message(&id), "{id} in {locale:?}");
            }
        }
    }
}
