//! `xliff export` and `xliff import`: the units of an article that need work, to and from
//! a CAT tool (OmegaT, Trados, memoQ).

use std::path::{Path, PathBuf};

use super::check::{CheckRequest, check};
use super::{FlowError, Notices, open_for_update};
use crate::drift::batch::DocumentBatch;
use crate::drift::check::against_memory;
use crate::drift::checks::CheckOptions;
use crate::drift::update::{Put, RetiredUnit};
use crate::drift::{CheckedArticle, Severity};
use crate::export::Release;
use crate::export::xliff::{
    ContextLabels, Dress, Place, Verdict, place_units, verdict, work_document,
};
use crate::fsio::ReadOnly;
use crate::input_limit::InputKind;
use crate::memory::record::NewUnit;
use crate::memory::store::Memory;
use crate::project::Project;
use crate::project::config::valid_doc_id;
use crate::text::Lang;
use crate::xliff::{self, Version, XliffDoc};

/// The work file of an article.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub en: PathBuf,
    pub doc: Option<String>,
    pub tm: Vec<PathBuf>,
    /// Every unit, also those that need no work.
    pub all: bool,
    /// Inline Markdown as inline codes, context notes, source copies (default: codes and
    /// context notes).
    pub dress: Dress,
}

impl ExportRequest {
    /// The work file of the English article `en` against the project's memory.
    pub fn new(en: impl Into<PathBuf>) -> ExportRequest {
        ExportRequest {
            en: en.into(),
            doc: None,
            tm: Vec::new(),
            all: false,
            dress: Dress::work_file(ContextLabels::default()),
        }
    }
}

/// The work file of a checked article, in the project's languages: the units that need
/// work (all with `all`). Refused when a memory file has damaged TUs.
pub fn export(
    project: &Project,
    request: &ExportRequest,
    notices: &mut dyn Notices,
) -> Result<XliffDoc, FlowError> {
    let check_request = CheckRequest {
        tm: request.tm.clone(),
        doc: request.doc.clone(),
        ..CheckRequest::new(&request.en)
    };
    let checked = check(project, &check_request, notices)?;
    checked.refuse_damaged()?;
    Ok(work_file_of(
        project,
        &checked.article,
        request.all,
        &request.dress,
    ))
}

/// The work file of `article` in the project's languages, dressed: the one builder of
/// `xliff export` and of a release's `<base>.xlf` ([`crate::export::xliff::work_file`]).
pub fn work_file_of(
    project: &Project,
    article: &CheckedArticle,
    all: bool,
    dress: &Dress,
) -> XliffDoc {
    let config = &project.config;
    let release = Release::of(article, true);
    let (source, target) = (config.source.to_string(), config.target.to_string());
    crate::export::xliff::work_file(&release, all, &source, &target, dress)
}

/// A work file's bytes in XLIFF `version`.
pub fn to_bytes(doc: &XliffDoc, version: Version) -> Result<Vec<u8>, FlowError> {
    let mut bytes = Vec::new();
    xliff::write(doc, version, &mut bytes).map_err(FlowError::XliffWrite)?;
    Ok(bytes)
}

/// Which side of a work file's language pair disagrees with the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageSide {
    Source,
    Target,
}

/// Why a work file is refused before anything of it is stored.
#[derive(Debug, thiserror::Error)]
pub enum WorkFileError {
    /// The file names no document.
    #[error("`{}` names no document", .file.display())]
    WithoutDocument { file: PathBuf },
    /// The file's language is not the project's.
    #[error("`{}` is in `{found}`, the project in `{expected}`", .file.display())]
    Language {
        side: LanguageSide,
        file: PathBuf,
        found: String,
        expected: String,
    },
    /// A file of a document that neither the project nor the memory (`docs`) knows.
    #[error("`{}` is of document `{doc}`, unknown here", .file.display())]
    UnknownDocument {
        file: PathBuf,
        doc: String,
        docs: Vec<String>,
    },
    /// No English article given for the file's document, and the project lists none.
    #[error("which English article is document `{doc}`?")]
    WithoutArticle { doc: String },
}

/// Store a translated work file in the memory.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub file: PathBuf,
    /// The current English article (default: the project's article of the file's
    /// document).
    pub en: Option<PathBuf>,
    /// The memory file to write (default: the project's first).
    pub tm: Option<PathBuf>,
    pub user: Option<String>,
    pub read_only: ReadOnly,
}

impl ImportRequest {
    /// The work file `file` stored in the project's memory, against the project's article.
    pub fn new(file: impl Into<PathBuf>) -> ImportRequest {
        ImportRequest {
            file: file.into(),
            en: None,
            tm: None,
            user: None,
            read_only: ReadOnly::Refuse,
        }
    }
}

/// A returned unit that was not stored, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Its English was edited since the export: `was` in the file, `now` in the article.
    Changed {
        unit: String,
        was: String,
        now: String,
    },
    /// Its id belongs to another English now (`other` has its English `en`).
    UnknownId {
        unit: String,
        en: String,
        other: String,
    },
    /// Its English is no longer in the article.
    Gone { unit: String },
    /// Its target lost or changed inline codes of its source (the Markdown of each
    /// code `missing`, and of each code the source does not have, `unexpected`).
    Codes {
        unit: String,
        missing: Vec<String>,
        unexpected: Vec<String>,
    },
}

/// What [`import`] did.
#[derive(Debug, Clone, Default)]
pub struct Imported {
    /// The memory file written.
    pub path: PathBuf,
    pub stored: usize,
    pub unchanged: usize,
    /// Units that came back without a translation.
    pub untranslated: Vec<String>,
    /// Units stored while still marked `initial` in the file.
    pub still_initial: Vec<String>,
    pub refused: Vec<Refused>,
    /// The TUs retired because their English left the article: the old TUs of stale
    /// units the file's translations replace under the new English's ids.
    pub retired: Vec<RetiredUnit>,
}

/// Stores every unit of the work file that holds new work, and saves the memory. A file
/// of another project (other document, other languages) is refused before anything is
/// written; a unit whose English changed since the export is refused alone.
pub fn import(project: &Project, request: &ImportRequest) -> Result<Imported, FlowError> {
    let config = &project.config;
    let bytes = project.read_input(&request.file, InputKind::Xliff)?;
    let doc = xliff::read(&request.file, &bytes)?;
    drop(bytes);
    refuse_foreign(project, &doc, &request.file)?;
    let path = project
        .target_memory(request.tm.as_deref())
        .ok_or(FlowError::NoMemory)?;
    let (known, known_paths) = read_memory(project, &path)?;
    let in_project = config.articles.iter().any(|a| a.doc == doc.doc);
    let docs = known.documents();
    if !in_project && !docs.contains(&doc.doc) {
        // Importing would start a document nobody asked for (a typo in `original`, a
        // file of another project); a new article is listed in the project first.
        return Err(WorkFileError::UnknownDocument {
            file: request.file.clone(),
            doc: doc.doc.clone(),
            docs,
        }
        .into());
    }
    let en_path = match &request.en {
        Some(p) => p.clone(),
        None => config
            .articles
            .iter()
            .find(|a| a.doc == doc.doc)
            .map(|a| a.path.clone())
            .ok_or_else(|| WorkFileError::WithoutArticle {
                doc: doc.doc.clone(),
            })?,
    };
    let (document, units) = project.read_article(&en_path, Lang::En)?;
    // Where each unit stands now, and what a work file exported now writes for it (every
    // unit, as with `--all`): a returned unit is compared with that, target and state.
    // The states are what matters here: the cross-language checks would ask the memory
    // about every unit and change nothing of what is imported.
    let options = CheckOptions::revision_only();
    // When the memory written is the project's only one, the document is read once, from
    // it, for the states and for every put; else the states are of all the memories.
    let alone = known_paths == [path.clone()];
    let report = if alone {
        None
    } else {
        Some(against_memory(&units, &known, &doc.doc, &options)?)
    };
    drop(known);
    let mut memory = open_for_update(project, &path, request.read_only)?;
    let mut batch = None;
    let report = match report {
        Some(report) => report,
        None => batch
            .insert(DocumentBatch::of(&memory, &doc.doc, &units)?)
            .report(&memory, &units, &options)?,
    };
    let article = CheckedArticle {
        doc: Some(doc.doc.clone()),
        document,
        units,
        report,
        fail_on: Severity::Error,
    };
    let user = project.user(request.user.as_deref());
    let mut imported = store_units(&mut memory, &mut batch, &doc, &article, &user)?;
    // The old TUs the new translations replace (stored under the new English's ids) are
    // retired at once: kept and offered as fuzzy matches, no longer listed by `check`.
    if let Some(batch) = batch
        && imported.stored > 0
    {
        imported.retired = batch.retire_orphans(&mut memory, &article.units)?;
    }
    // What the save does not need goes before it: it indexes the memory it writes.
    drop((doc, article));
    memory.save()?;
    imported.path = path;
    Ok(imported)
}

/// Refuses a work file for another project, or one a tool relabelled: it would file its
/// units under the wrong document or as the wrong language.
fn refuse_foreign(project: &Project, doc: &XliffDoc, file: &Path) -> Result<(), FlowError> {
    let file = file.to_owned();
    if !valid_doc_id(&doc.doc) {
        return Err(WorkFileError::WithoutDocument { file }.into());
    }
    let config = &project.config;
    for (side, found, expected) in [
        (LanguageSide::Source, &doc.source_lang, &config.source),
        (LanguageSide::Target, &doc.target_lang, &config.target),
    ] {
        // A missing target language (optional in 1.2) says nothing against the file.
        let expected = expected.to_string();
        if !found.trim().is_empty() && !xliff::language_matches(found, &expected) {
            return Err(WorkFileError::Language {
                side,
                file,
                found: found.clone(),
                expected,
            }
            .into());
        }
    }
    Ok(())
}

/// Stores each returned unit of `doc` that holds new work for `article` (see
/// [`verdict`]), refusing those whose English is not the article's any more. The puts go
/// through `batch`, the document as read once (read with the first put when `None`).
fn store_units(
    memory: &mut Memory,
    batch: &mut Option<DocumentBatch>,
    doc: &XliffDoc,
    article: &CheckedArticle,
    user: &str,
) -> Result<Imported, FlowError> {
    let units = &article.units;
    let places = place_units(&doc.units, units, &article.report);
    let exported = work_document(&doc.doc, &article.units(), true, "en", "vi");
    let mut imported = Imported::default();
    for (x, place) in doc.units.iter().zip(&places) {
        let order = match *place {
            Place::Same(order) => order,
            Place::Changed(now) => {
                let (was, now) = (x.en.clone(), units[now].text.clone());
                imported.refused.push(Refused::Changed {
                    unit: x.id.clone(),
                    was,
                    now,
                });
                continue;
            }
            Place::UnknownId(other) => {
                let (en, other) = (x.en.clone(), units[other].id.clone());
                imported.refused.push(Refused::UnknownId {
                    unit: x.id.clone(),
                    en,
                    other,
                });
                continue;
            }
            Place::Gone => {
                imported.refused.push(Refused::Gone { unit: x.id.clone() });
                continue;
            }
        };
        let (vi, status, initial) = match verdict(x, &exported.units[order]) {
            // A target that lost or changed the source's markup would store broken
            // Markdown (a link without its URL): refused, for the translator to fix.
            Verdict::Store { .. }
                if x.code_mismatch
                    .as_ref()
                    .is_some_and(|m| !m.missing.is_empty()) =>
            {
                let mismatch = x.code_mismatch.clone().unwrap_or_default();
                imported.refused.push(Refused::Codes {
                    unit: x.id.clone(),
                    missing: mismatch.missing,
                    unexpected: mismatch.unexpected,
                });
                continue;
            }
            Verdict::Store {
                vi,
                status,
                still_initial,
            } => (vi, status, still_initial),
            // As exported, text and state: writing it back would only name the importer
            // as the one who changed it and drop what the memory knows (its confidence).
            Verdict::Unchanged => {
                imported.unchanged += 1;
                continue;
            }
            Verdict::NotTranslated => {
                imported.untranslated.push(x.id.clone());
                continue;
            }
        };
        let new = NewUnit {
            doc: &doc.doc,
            unit: &x.id,
            order,
            source: &units[order].text,
            target: vi,
            status,
            user,
        };
        let batch = match batch {
            Some(batch) => batch,
            None => batch.insert(DocumentBatch::of(memory, &doc.doc, units)?),
        };
        match batch.put(memory, units, &new)? {
            Put::Unchanged => imported.unchanged += 1,
            _ if initial => {
                imported.stored += 1;
                imported.still_initial.push(x.id.clone());
            }
            _ => imported.stored += 1,
        }
    }
    Ok(imported)
}

/// The project's memories and `target` as they stand now, read only: the documents they
/// know, and what they hold for the article being imported; with the files read. Memory
/// files that do not exist yet hold nothing.
fn read_memory(project: &Project, target: &PathBuf) -> Result<(Memory, Vec<PathBuf>), FlowError> {
    let config = &project.config;
    let mut paths: Vec<PathBuf> = config.memory.clone();
    if !paths.contains(target) {
        paths.push(target.clone());
    }
    paths.retain(|p| p.exists());
    let memory = Memory::open(&paths, config.source.clone(), config.target.clone())?;
    Ok((memory, paths))
}
