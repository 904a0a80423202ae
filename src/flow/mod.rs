//! One function per user action: a typed request in, a typed result out, never printed.
//!
//! The command line and the review server both run these; they only turn arguments or
//! a form into a request, and a result into text, a page or an exit code. Each flow
//! starts from a [`Project`] (the project file, its settings and the run's limits).
//! What happens on the way and is worth telling without stopping the work (a damaged TU
//! skipped while reading a memory, a new document started) goes to a [`Notices`] sink as
//! it happens, so that a caller can show it even when the flow fails later.
//!
//! | flow                          | user action                                          |
//! |-------------------------------|------------------------------------------------------|
//! | [`align::align`]              | `align`: a Vietnamese article paired with its English |
//! | [`align::store`]              | `align --into`: the pairs stored in the memory       |
//! | [`check::check`]              | `check`: where the Vietnamese fell out of step       |
//! | [`accept::accept`]            | `check --accept`: a finding accepted, with a reason  |
//! | [`edit::update`]              | `update`: the memory brought in step with a revision |
//! | [`edit::translate`]           | `translate`: the Vietnamese of one unit stored       |
//! | [`review::review`]            | `review`: translations approved (`reviewed`)         |
//! | [`work_file::export`]         | `xliff export`: the units that need work, as XLIFF   |
//! | [`work_file::import`]         | `xliff import`: a translated work file stored        |
//! | [`release::prepare`]          | `export`: a checked release, written or refused      |
//! | [`release::release_to_project`] | the review page's release, into the project      |
//! | [`init::init`]                | `init`: a project file written                       |
//! | [`status::status`]            | `status`: each article's units by state, in numbers  |
//! | [`tm::stats::stats`]          | `tm stats`: what a memory file holds                 |
//! | [`tm::stats::validate`]       | `tm validate`: the same, with every problem          |
//! | [`tm::copy::convert`]         | `tm convert`: any TMX written as TMX 1.4b            |
//! | [`tm::copy::export`]          | `tm export`: a memory, or one document of it, copied |
//! | [`tm::lookup::lookup`]        | `tm lookup`: exact and fuzzy matches of texts        |
//! | [`tm::lookup::concordance`]   | `tm concordance`: a phrase in the memory             |
//! | [`tm::import::import`]        | `tm import`: a foreign TMX merged into the memory    |
//! | [`tm::compact::compact`]      | `tm compact`: the journal written into the TMX       |
//! | [`tm::docs::docs`]            | `tm docs`: the documents a memory file holds         |
//! | [`tm::merge::merge`]          | `tm merge`: three memory files merged by TU identity |
//!
//! ```
//! use songngu::flow::check::{check, CheckRequest};
//! use songngu::project::{Config, Project};
//! use std::io::Write;
//!
//! let dir = tempfile::tempdir()?;
//! let en = dir.path().join("a.en.txt");
//! let vi = dir.path().join("a.vi.txt");
//! std::fs::write(&en, "The river rose 3 metres.\n")?;
//! std::fs::write(&vi, "Nước sông dâng 2 mét.\n")?;
//! let project = Project::new(Config::defaults(dir.path()), Default::default());
//! let request = CheckRequest { vi: Some(vi), ..CheckRequest::new(en) };
//! let checked = check(&project, &request, &mut Vec::new())?;
//! assert!(!checked.article.passes()); // 3 is not 2
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod accept;
pub mod align;
pub mod check;
pub mod conflict;
pub mod edit;
pub mod init;
pub mod release;
pub mod review;
pub mod status;
pub mod tm;
pub mod work_file;

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::document::DocumentError;
use crate::drift::accept::AcceptError;
use crate::export::ExportError;
use crate::fsio::{FsError, ReadOnly};
use crate::input_limit::{InputError, InputKind};
use crate::memory::persist::{LockWait, PersistError};
use crate::memory::store::{LoadProblem, Memory, MemoryError, UpdateOptions};
use crate::project::{ConfigError, DocIdError, DocUse, Project, document_id};
use crate::text::Glossary;
use crate::xliff::XliffError;
use unic_langid::LanguageIdentifier;

/// How long a command waits for another one's lock on a memory before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(60);

/// Something worth telling that does not stop the work.
#[derive(Debug, Clone)]
pub enum Notice {
    /// A damaged TU skipped, or a warning, while reading a memory file.
    MemoryProblem(LoadProblem),
    /// Units are being written under a document the memory did not have yet (`docs`):
    /// how a new article starts, and also what a mistyped id looks like.
    NewDocument { doc: String, docs: Vec<String> },
}

/// Where a flow sends its [`Notice`]s as they happen.
pub trait Notices {
    fn notice(&mut self, notice: Notice);
}

/// Collects the notices, for callers that show them at the end (the review server, tests).
impl Notices for Vec<Notice> {
    fn notice(&mut self, notice: Notice) {
        self.push(notice);
    }
}

/// Why a flow could not do what it was asked. Every variant carries the fields a front
/// end words its message from; `Display` is the English wording, for logs and tests.
#[derive(Debug, thiserror::Error)]
pub enum FlowError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Document(#[from] DocumentError),
    #[error(transparent)]
    Input(#[from] InputError),
    #[error(transparent)]
    Memory(#[from] MemoryError),
    #[error(transparent)]
    DocId(#[from] DocIdError),
    #[error(transparent)]
    Accept(#[from] AcceptError),
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Output(#[from] FsError),
    #[error(transparent)]
    Xliff(#[from] XliffError),
    #[error(transparent)]
    Storing(#[from] align::StoringError),
    #[error(transparent)]
    Merge(#[from] tm::merge::MergeError),
    /// Neither article has a sentence.
    #[error("`{}` and `{}` have no sentences to align", .en.display(), .vi.display())]
    NothingToAlign { en: PathBuf, vi: PathBuf },
    /// The sentences of an article to align could not be kept in, or read back from,
    /// their temporary file.
    #[error("cannot keep the sentences in a temporary file: {0}")]
    AlignSpill(std::io::Error),
    /// The XLIFF work file could not be written.
    #[error("cannot write the XLIFF file: {0}")]
    XliffWrite(std::io::Error),
    /// No memory file given and the project lists none.
    #[error("no translation memory: give one or list one in the project")]
    NoMemory,
    /// Lines of the glossary at `path` that are not `English<TAB>Vietnamese` (1-based).
    #[error("`{}`: lines {lines:?} are not `English<TAB>Vietnamese`", .path.display())]
    Glossary { path: PathBuf, lines: Vec<usize> },
    /// `--accept` names no finding of this check.
    #[error("no finding `{id}` in this check")]
    NoFinding { id: String },
    /// A memory file has damaged TUs: what the check found lacks them (their units look
    /// missing), so nothing is written from it.
    #[error("`{}` has {count} damaged TUs; nothing was written", .path.display())]
    DamagedMemory { path: PathBuf, count: usize },
    /// The article has no unit with this id.
    #[error("the article has no unit `{unit}`")]
    NoUnit { unit: String },
    /// `review` of a unit whose translation is not current (`status`: stale, missing or
    /// omitted): there is nothing right to approve.
    #[error("unit `{unit}` is {} and has no current translation to approve", .status.name())]
    NotReviewable {
        unit: String,
        status: crate::drift::Status,
    },
    /// An edit made on version `expected` of `unit`, which the memory no longer holds:
    /// someone changed the unit since (`current`: what the memory holds now, `None` when
    /// nothing). Nothing was written.
    #[error("unit `{unit}` changed since version `{expected}` was read; nothing was written")]
    UnitChanged {
        unit: String,
        expected: String,
        /// Boxed: the variant stays as small as the others.
        current: Option<Box<crate::drift::version::StoredTranslation>>,
    },
    /// A release held back: `failing` findings at the failing severity remain and drift
    /// was not allowed. Nothing was written.
    #[error("the release is refused: {failing} findings fail the check")]
    ReleaseRefused { failing: usize },
    /// A translation that is empty or blank.
    #[error("the translation is empty")]
    EmptyTranslation,
    #[error(transparent)]
    WorkFile(#[from] work_file::WorkFileError),
    /// `init` would replace an existing project file.
    #[error("`{}` exists already", .path.display())]
    ProjectExists { path: PathBuf },
    /// The project file could not be written.
    #[error("cannot write `{}`: {source}", .path.display())]
    WriteProject {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `status` was given no article and the project lists none.
    #[error("no articles: give one or list them in the project")]
    NoArticles,
    /// A `tm` command was given no memory file and the project has none to read:
    /// `project` is the project file read, if any, and `listed` the memory files it
    /// lists (none of which exists yet).
    #[error("no translation memory to read: give one with `--tm TM`")]
    NoMemoryToRead {
        project: Option<PathBuf>,
        listed: Vec<PathBuf>,
    },
    /// `tm import` was given no memory file to write into and the project lists none:
    /// `project` is the project file read, if any. Apart from [`FlowError::NoMemoryToRead`]
    /// because nothing is read: the file need not exist.
    #[error("no translation memory to write into: give one, or list one in the project")]
    NoMemoryToWrite { project: Option<PathBuf> },
    /// `tm export` was given no memory file and the project has several (`paths`, those
    /// that exist): which one to write is the user's choice.
    /// `project` is `None` when the files were given (`--tm` twice) rather than listed.
    #[error("several memory files: name the one to read")]
    SeveralMemories {
        project: Option<PathBuf>,
        paths: Vec<PathBuf>,
    },
    /// `xliff export --omegat-tm -`: the OmegaT memory goes beside the work file, and
    /// standard output may be the work file or the report.
    #[error("the OmegaT memory cannot go to standard output (`--omegat-tm -`); give a file")]
    OmegatMemoryToStdout,
    /// `tm concordance` was given no phrase (its memory alone).
    #[error("no phrase: give a word or phrase to find")]
    NoPhrase,
    /// `tm lookup` was given no query.
    #[error("no query: give a text or a file of queries")]
    NoQuery,
    /// `tm export` of a document the memory at `path` does not hold (`docs`: the ones
    /// it does, sorted): an empty file in its place would pass for a document without
    /// units.
    #[error("`{}` has no document `{doc}`", .path.display())]
    NoSuchDocument {
        path: PathBuf,
        doc: String,
        docs: Vec<String>,
    },
    /// An output file could not be written, or its content failed its check.
    #[error(transparent)]
    WriteOutput(PersistError),
    /// Standard output, given to the flow to write to, failed.
    #[error("cannot write to standard output: {0}")]
    WriteStdout(std::io::Error),
    /// A memory file could not be read (one a release manifest names, or one to compact).
    #[error("cannot read `{}`: {source}", .path.display())]
    ReadMemoryFile {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Opens the memory files `paths` for reading and tells each problem of loading them.
pub fn open_memory(
    project: &Project,
    paths: &[PathBuf],
    notices: &mut dyn Notices,
) -> Result<Memory, MemoryError> {
    let config = &project.config;
    let languages = (config.source.clone(), config.target.clone());
    open_memory_in(paths, languages, notices)
}

/// [`open_memory`] in the language pair `(source, target)` instead of the project's.
pub fn open_memory_in(
    paths: &[PathBuf],
    (source, target): (LanguageIdentifier, LanguageIdentifier),
    notices: &mut dyn Notices,
) -> Result<Memory, MemoryError> {
    let memory = Memory::open(paths, source, target)?;
    tell_problems(&memory, notices);
    Ok(memory)
}

/// The memory an edit of the article at `en` writes to, opened for update
/// ([`open_for_update`]), and the article's document id in it (`doc`, else the project's,
/// else the memory's only one; a new id starts a document).
pub struct DocumentEdit {
    /// The memory file written.
    pub path: PathBuf,
    pub memory: Memory,
    pub doc: String,
}

impl DocumentEdit {
    /// Opens the memory `tm` (else the project's first) for an edit of document `doc`.
    pub fn open(
        project: &Project,
        en: &Path,
        doc: Option<&str>,
        tm: Option<&Path>,
        read_only: ReadOnly,
    ) -> Result<DocumentEdit, FlowError> {
        let path = project.target_memory(tm).ok_or(FlowError::NoMemory)?;
        let memory = open_for_update(project, &path, read_only)?;
        let doc = document_id(doc, en, &project.config, &memory, DocUse::Write)?;
        Ok(DocumentEdit { path, memory, doc })
    }
}

/// Opens the memory file `path` to change it: waits up to [`LOCK_WAIT`] for another
/// writer, and refuses a memory with damaged TUs (its save would drop them).
pub fn open_for_update(
    project: &Project,
    path: &Path,
    read_only: ReadOnly,
) -> Result<Memory, MemoryError> {
    let config = &project.config;
    let languages = (config.source.clone(), config.target.clone());
    open_for_update_in(path, languages, LockWait::Wait(LOCK_WAIT), read_only)
}

/// [`open_for_update`] in the language pair `(source, target)`, waiting for another
/// writer's lock as `wait` says.
pub fn open_for_update_in(
    path: &Path,
    (source, target): (LanguageIdentifier, LanguageIdentifier),
    wait: LockWait,
    read_only: ReadOnly,
) -> Result<Memory, MemoryError> {
    let options = UpdateOptions { wait, read_only };
    let paths = [path.to_path_buf()];
    let memory = Memory::open_for_update_with(&paths, source, target, options)?;
    memory.refuse_damaged()?;
    Ok(memory)
}

/// Tells every problem of loading `memory`.
pub fn tell_problems(memory: &Memory, notices: &mut dyn Notices) {
    for problem in memory.problems() {
        notices.notice(Notice::MemoryProblem(problem.clone()));
    }
}

/// A glossary file (`English<TAB>Vietnamese` per line). A line that is not a pair is a
/// mistake in the file; using the file without it would hide the mistake, so the
/// glossary is refused and every such line named.
pub fn read_glossary(project: &Project, path: &Path) -> Result<Glossary, FlowError> {
    let text = project.read_text(path, InputKind::Glossary)?;
    let (glossary, errors) = Glossary::parse_with_errors(&text);
    if errors.is_empty() {
        Ok(glossary)
    } else {
        Err(FlowError::Glossary {
            path: path.to_owned(),
            lines: errors.iter().map(|e| e.line).collect(),
        })
    }
}

/// The glossary given, else the project's, if any.
pub fn glossary(project: &Project, given: Option<&Path>) -> Result<Option<Glossary>, FlowError> {
    match given.or(project.config.check.glossary.as_deref()) {
        Some(path) => read_glossary(project, path).map(Some),
        None => Ok(None),
    }
}
