//! `check`: where the Vietnamese of an article has fallen out of step with its English,
//! against the memory (revision drift and cross-language checks) or against a Vietnamese
//! article beside it; findings an editor accepts are recorded.

use std::path::PathBuf;
use std::sync::Arc;

use super::{FlowError, Notices, glossary, open_memory};
use crate::align::{AlignOptions, Lexicon};
use crate::drift::check::{against_memory, against_vietnamese};
use crate::drift::checks::CheckOptions;
use crate::drift::{CheckedArticle, Kind, Severity};
use crate::fsio::ReadOnly;
use crate::memory::lexicon::MemoryLexicon;
use crate::memory::store::{Memory, MemoryError};
use crate::project::{DocUse, Project, document_id};
use crate::text::Lang;

/// What to check.
#[derive(Debug, Clone)]
pub struct CheckRequest {
    /// The English article.
    pub en: PathBuf,
    /// Memory files to read (default: the project's that exist).
    pub tm: Vec<PathBuf>,
    /// The article's document id in the memory (default: the project's, else the memory's
    /// only one).
    pub doc: Option<String>,
    /// Check this Vietnamese article against the English directly; a memory, when there
    /// is one, only tells translations that disagree with it.
    pub vi: Option<PathBuf>,
    /// Glossary of translated names (default: the project's).
    pub glossary: Option<PathBuf>,
    /// The lowest severity that fails (default: the project's).
    pub fail_on: Option<Severity>,
    /// Findings (by [`crate::drift::Finding::fingerprint`]) to mark as accepted.
    pub accept: Vec<String>,
    /// Why the accepted findings are fine.
    pub reason: Option<String>,
    /// Who accepts (default: the project's translator, else the system's user).
    pub user: Option<String>,
    /// Whether a read-only accepted-findings file may be replaced.
    pub read_only: ReadOnly,
    /// List the TUs `update` retired (their English left the article) as `orphaned` too.
    pub show_obsolete: bool,
}

impl CheckRequest {
    /// A check of the English article `en` against the project's memory.
    pub fn new(en: impl Into<PathBuf>) -> CheckRequest {
        CheckRequest {
            en: en.into(),
            tm: Vec::new(),
            doc: None,
            vi: None,
            glossary: None,
            fail_on: None,
            accept: Vec::new(),
            reason: None,
            user: None,
            read_only: ReadOnly::Refuse,
            show_obsolete: false,
        }
    }
}

/// What a check found.
#[derive(Debug, Clone)]
pub struct Checked {
    pub article: CheckedArticle,
    /// A memory file with damaged TUs (told as notices) and how many: the report lacks
    /// them (their units look missing), so the check must not pass and nothing may be
    /// written from it ([`Checked::refuse_damaged`]).
    pub damaged: Option<(PathBuf, usize)>,
}

impl Checked {
    /// For flows that write what the check found: refused when a memory was damaged.
    pub fn refuse_damaged(&self) -> Result<(), FlowError> {
        match &self.damaged {
            Some((path, count)) => Err(FlowError::DamagedMemory {
                path: path.clone(),
                count: *count,
            }),
            None => Ok(()),
        }
    }
}

/// Runs the check as `request` and the project say.
pub fn check(
    project: &Project,
    request: &CheckRequest,
    notices: &mut dyn Notices,
) -> Result<Checked, FlowError> {
    let config = &project.config;
    let (document, units) = project.read_article(&request.en, Lang::En)?;
    let mut options = CheckOptions {
        glossary: glossary(project, request.glossary.as_deref())?,
        show_obsolete: request.show_obsolete,
        ..CheckOptions::default()
    };
    options.disabled = Kind::ALL
        .into_iter()
        .filter(|&k| config.check.severity(k).is_none())
        .collect();
    let mut damaged = None;
    let (mut report, doc) = if let Some(vi_path) = &request.vi {
        let (_, vi_units) = project.read_article(vi_path, Lang::Vi)?;
        // The memory, when there is one, tells translations that disagree with it, and
        // the words it has seen translated help the aligner.
        let paths = project.memory_paths(&request.tm);
        let memory = if paths.is_empty() {
            None
        } else {
            Some(open_checked(project, &paths, &mut damaged, notices)?)
        };
        // The document's own TUs, when the memory holds it (the project names it;
        // `--doc` goes without `--vi`), are no evidence for its alignment: the lexicon
        // leaves them out.
        let doc = config.doc_for(&request.en);
        let align_options = AlignOptions {
            glossary: options.glossary.clone(),
            memory_lexicon: memory.as_ref().and_then(|m| lexicon_for_aligning(m, doc)),
            ..AlignOptions::default()
        };
        let report =
            against_vietnamese(&units, &vi_units, memory.as_ref(), &options, &align_options);
        (report, None)
    } else {
        if request.tm.is_empty() && config.memory.is_empty() {
            return Err(FlowError::NoMemory);
        }
        let paths = project.memory_paths(&request.tm);
        let memory = open_checked(project, &paths, &mut damaged, notices)?;
        let doc = document_id(
            request.doc.as_deref(),
            &request.en,
            config,
            &memory,
            DocUse::Read,
        )?;
        (against_memory(&units, &memory, &doc, &options)?, Some(doc))
    };
    let accepted = super::accept::record(
        project,
        &report.findings,
        &request.accept,
        request.reason.as_deref(),
        request.user.as_deref(),
        request.read_only,
    )?;
    report.apply(|k| config.check.severity(k), Some(&accepted));
    let fail_on = request.fail_on.unwrap_or(config.check.fail_on);
    let article = CheckedArticle {
        doc,
        document,
        units,
        report,
        fail_on,
    };
    Ok(Checked { article, damaged })
}

/// Opens the memory files `paths` for reading and records in `damaged` the first file
/// with damaged TUs.
fn open_checked(
    project: &Project,
    paths: &[PathBuf],
    damaged: &mut Option<(PathBuf, usize)>,
    notices: &mut dyn Notices,
) -> Result<Memory, MemoryError> {
    let memory = open_memory(project, paths, notices)?;
    if let Err(MemoryError::DamagedTus { path, count, .. }) = memory.refuse_damaged() {
        *damaged = Some((path, count));
    }
    Ok(memory)
}

/// The lexicon learned from `memory`, less the TUs of `doc` (the document being aligned)
/// when there is one: its stored alignment must not vouch for itself. It only helps the
/// aligner, which has the article's own lexicon to fall back on: a memory file that
/// cannot be read again now (it changed while being read) means none, never an error.
pub fn lexicon_for_aligning(memory: &Memory, doc: Option<&str>) -> Option<Arc<Lexicon>> {
    match doc {
        Some(doc) => MemoryLexicon::without_document(memory, doc, true),
        None => MemoryLexicon::of(memory, true),
    }
    .ok()
    .map(|learned| learned.lexicon)
}
