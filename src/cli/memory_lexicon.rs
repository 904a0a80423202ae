//! The word lexicon of the memory (`songngu::memory::lexicon`) for the commands that align:
//! `align` and `check --vi`.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Result;
use songngu::align::Lexicon;
use songngu::i18n::Localizer;
use songngu::memory::lexicon::MemoryLexicon;
use songngu::memory::store::Memory;

/// The lexicon learned from `memory`, less the TUs of `doc` (the document being aligned)
/// when there is one: its stored alignment must not vouch for itself. It only helps the
/// aligner, which has the article's own lexicon to fall back on: a memory file that
/// cannot be read again now (it changed while being read) means none, never an error.
pub fn of(memory: &Memory, doc: Option<&str>) -> Option<Arc<Lexicon>> {
    match doc {
        Some(doc) => MemoryLexicon::without_document(memory, doc, true),
        None => MemoryLexicon::of(memory, true),
    }
    .ok()
    .map(|learned| learned.lexicon)
}

/// The memory files `align` learns from: `--tm` if given, else the `--into` memory when it
/// exists, else the project's memory files that exist (only when there is a project file:
/// aligning two files works anywhere).
pub fn align_paths(tm: &[PathBuf], into: Option<&PathBuf>) -> Option<Vec<PathBuf>> {
    if !tm.is_empty() {
        return Some(tm.to_vec());
    }
    if let Some(into) = into.filter(|p| p.exists()) {
        return Some(vec![into.clone()]);
    }
    super::project::file().map(|_| Vec::new())
}

/// The lexicon of the memory `align` reads (see [`align_paths`]), if there is one, less
/// the TUs of `doc` (the document `--into` stores the alignment under).
pub fn for_align(
    tm: &[PathBuf],
    into: Option<&PathBuf>,
    doc: Option<&str>,
    l10n: &Localizer,
) -> Result<Option<Arc<Lexicon>>> {
    let Some(mut paths) = align_paths(tm, into) else {
        return Ok(None);
    };
    let config = if paths.is_empty() {
        // Only the project's memory is wanted: a project file that does not load leaves
        // the aligner with the article's lexicon, as without a project (aligning two
        // files works anywhere); `--into` reports it.
        let Ok(config) = super::project::load(l10n) else {
            return Ok(None);
        };
        paths = config
            .memory
            .iter()
            .filter(|p| p.exists())
            .cloned()
            .collect();
        config
    } else {
        super::project::load(l10n)?
    };
    if paths.is_empty() {
        return Ok(None);
    }
    let memory = Memory::open(&paths, config.source.clone(), config.target.clone())
        .map_err(|e| super::errors::memory_error(l10n, e))?;
    super::errors::report_problems(l10n, &memory);
    Ok(of(&memory, doc))
}
