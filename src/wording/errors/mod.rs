//! Typed library errors as sentences a person reads, in the UI language: one Fluent
//! message per variant, built from the variant's fields (the English messages reproduce
//! `Display`). The command line (`src/cli/errors`, which adds the `songngu: error:`
//! prefix and what only a terminal does) and the review page both word errors here.
//! Text that only a third party can word (the operating system's reason for an I/O error,
//! an XML parser's detail, a TOML problem songngu does not know) goes into the localized
//! sentence as an argument.

use std::io;
use std::path::{Path, PathBuf};

use crate::document::DocumentError;
use crate::flow::FlowError;
use crate::flow::align::StoringError;
use crate::flow::work_file::{LanguageSide, WorkFileError};
use crate::fsio::FsError;
use crate::i18n::{FluentValue, Localizer};
use crate::input_limit::{self, InputError, InputKind};
use crate::project::DocIdError;
use crate::segment::srx::SrxError;

pub mod config;
pub mod edit;
pub mod export;
pub mod memory;
pub mod tmx;
pub mod toml;
pub mod xliff;

pub use config::{accept_error, config_error};
pub use export::export_error;
pub use memory::{
    journal_message, memory_message, merge_error, merge_json_to_stdout, persist_message,
    problem_line, problem_message,
};
pub use xliff::{xliff_error, xliff_write_failure};

/// A path as a message argument.
pub fn path_value(path: &Path) -> FluentValue<'static> {
    path.display().to_string().into()
}

/// A value as its own `Display` writes it, not as Fluent formats numbers: positions,
/// byte offsets and ordinals without group separators, code points, versions.
pub fn plain(number: impl ToString) -> FluentValue<'static> {
    number.to_string().into()
}

/// Why an I/O operation failed, in the UI language where we know the case, else in the
/// operating system's words.
pub fn io_reason(l10n: &Localizer, error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => l10n.text("io-not-found"),
        io::ErrorKind::PermissionDenied => l10n.text("io-permission-denied"),
        io::ErrorKind::IsADirectory => l10n.text("io-is-directory"),
        _ => error.to_string(),
    }
}

/// `path` is not UTF-8 at byte `offset` (1-based `line` and `column` in characters).
pub fn invalid_utf8(
    l10n: &Localizer,
    path: &Path,
    offset: usize,
    line: usize,
    column: usize,
) -> String {
    l10n.text_with(
        "error-invalid-utf8",
        &[
            ("path", path_value(path)),
            ("line", plain(line)),
            ("column", plain(column)),
            ("offset", offset.into()),
        ],
    )
}

/// `cannot read `path`: reason`, the reason in the user's language where it is a common one.
pub fn read_error(l10n: &Localizer, path: &Path, error: &io::Error) -> String {
    l10n.text_with(
        "error-read",
        &[
            ("path", path_value(path)),
            ("reason", io_reason(l10n, error).into()),
        ],
    )
}

/// `cannot write `path`: reason`, like [`read_error`].
pub fn write_error(l10n: &Localizer, path: &Path, error: &io::Error) -> String {
    l10n.text_with(
        "error-write-file",
        &[
            ("path", path_value(path)),
            ("reason", io_reason(l10n, error).into()),
        ],
    )
}

/// The message of a failed read of a file within its size limit ([`crate::input_limit`]).
pub fn input_error(l10n: &Localizer, error: &InputError) -> String {
    match error {
        InputError::Io { path, source } if path == Path::new("-") => {
            l10n.text_with("error-stdin", &[("reason", io_reason(l10n, source).into())])
        }
        InputError::Io { path, source } => read_error(l10n, path, source),
        InputError::TooLarge { path, kind, limit } => too_large(l10n, path, *kind, *limit),
        InputError::InvalidUtf8 {
            path,
            offset,
            line,
            column,
        } => invalid_utf8(l10n, path, *offset, *line, *column),
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
            ("path", path_value(path)),
            ("limit", input_limit::limit_text(limit).into()),
            (
                "what",
                l10n.text(&format!("input-kind-{}", kind.name())).into(),
            ),
        ],
    )
}

/// The message for an article that could not be read.
pub fn document_error(l10n: &Localizer, error: &DocumentError) -> String {
    match error {
        DocumentError::NotFound { path } => l10n.text_with(
            "error-read",
            &[
                ("path", path_value(path)),
                ("reason", l10n.text("io-not-found").into()),
            ],
        ),
        DocumentError::IsDirectory { path } => {
            l10n.text_with("error-is-directory", &[("path", path_value(path))])
        }
        DocumentError::Io { path, source } if path == Path::new("-") => {
            l10n.text_with("error-stdin", &[("reason", io_reason(l10n, source).into())])
        }
        DocumentError::Io { path, source } => read_error(l10n, path, source),
        DocumentError::InvalidUtf8 {
            path,
            offset,
            line,
            column,
        } => invalid_utf8(l10n, path, *offset, *line, *column),
        DocumentError::InvalidUtf16 { path, offset } => l10n.text_with(
            "error-invalid-utf16",
            &[("path", path_value(path)), ("offset", (*offset).into())],
        ),
        DocumentError::Binary { path, offset } => l10n.text_with(
            "error-binary",
            &[("path", path_value(path)), ("offset", (*offset).into())],
        ),
        DocumentError::TooLarge { path, limit } => {
            too_large(l10n, path, InputKind::Article, *limit)
        }
    }
}

/// The message for an SRX file that cannot be used at all.
pub fn srx_error(l10n: &Localizer, error: &SrxError) -> String {
    match error {
        SrxError::Io { path, source } => l10n.text_with(
            "srx-error-read",
            &[
                ("path", path_value(path)),
                ("reason", io_reason(l10n, source).into()),
            ],
        ),
        SrxError::Malformed {
            path,
            line,
            column,
            message,
        } => l10n.text_with(
            "srx-error-malformed",
            &[
                ("path", path_value(path)),
                ("line", plain(line)),
                ("column", plain(column)),
                // The XML parser's own detail, in English.
                ("message", message.clone().into()),
            ],
        ),
        SrxError::NoRulesForLanguage { path, lang } => l10n.text_with(
            "srx-error-no-rules",
            &[("path", path_value(path)), ("lang", lang.clone().into())],
        ),
        SrxError::TooLarge { path, limit } => too_large(l10n, path, InputKind::Srx, *limit),
    }
}

/// The message for an output refused or a file that cannot be written as asked
/// ([`crate::fsio`]).
pub fn fs_error(l10n: &Localizer, error: &FsError) -> String {
    match error {
        FsError::Io { path, source } => write_error(l10n, path, source),
        FsError::SameAsInput {
            output,
            input,
            role,
        } => l10n.text_with(
            "error-output-is-input",
            &[
                ("output", path_value(output)),
                ("input", path_value(input)),
                ("role", role.name().into()),
            ],
        ),
        FsError::InputInsideFolder {
            output,
            input,
            role,
        } => l10n.text_with(
            "error-output-holds-input",
            &[
                ("output", path_value(output)),
                ("input", path_value(input)),
                ("role", role.name().into()),
            ],
        ),
        FsError::DanglingLink { path, target } => l10n.text_with(
            "error-dangling-link",
            &[("path", path_value(path)), ("target", path_value(target))],
        ),
        FsError::ReadOnly { path } => {
            l10n.text_with("error-read-only", &[("path", path_value(path))])
        }
        FsError::NotWritable { path } => {
            l10n.text_with("error-not-writable", &[("path", path_value(path))])
        }
        FsError::FolderToStdout => l10n.text("error-release-to-stdout"),
    }
}

/// The message for a document id that could not be settled on.
pub fn doc_id_error(l10n: &Localizer, error: &DocIdError) -> String {
    match error {
        DocIdError::Empty { option } => {
            l10n.text_with("error-empty-doc", &[("option", option.clone().into())])
        }
        DocIdError::Unknown { doc, docs } => l10n.text_with(
            "error-unknown-doc",
            &[
                ("doc", doc.clone().into()),
                ("docs", docs.join(", ").into()),
            ],
        ),
        DocIdError::Which { docs } => {
            l10n.text_with("error-which-doc", &[("docs", docs.join(", ").into())])
        }
    }
}

/// The message of a [`FlowError`]: one sentence, in the UI language, from the error's
/// fields. The command line adds what only a terminal does (the damaged TUs listed
/// first, a closed pipe told apart); the review page shows it as it is.
pub fn flow_message(l10n: &Localizer, error: &FlowError) -> String {
    let text = |id: &str, args: &[(&str, FluentValue<'static>)]| l10n.text_with(id, args);
    match error {
        FlowError::Config(e) => config_error(l10n, e),
        FlowError::Document(e) => document_error(l10n, e),
        FlowError::Input(e) => input_error(l10n, e),
        FlowError::Memory(e) => memory_message(l10n, e),
        FlowError::DocId(e) => doc_id_error(l10n, e),
        FlowError::Accept(e) => accept_error(l10n, e),
        FlowError::Export(e) => export_error(l10n, e),
        FlowError::Output(e) => fs_error(l10n, e),
        FlowError::Xliff(e) => xliff_error(l10n, e),
        FlowError::XliffWrite(e) => {
            let reason = xliff_write_failure(l10n, e);
            text("error-xliff-write", &[("message", reason.into())])
        }
        FlowError::AlignSpill(e) => text(
            "error-align-spill",
            &[("message", io_reason(l10n, e).into())],
        ),
        FlowError::WorkFile(e) => work_file_error(l10n, e),
        FlowError::Storing(e) => storing_error(l10n, e),
        FlowError::Merge(e) => merge_error(l10n, e),
        FlowError::NoMemory => text("error-check-needs-tm", &[]),
        FlowError::NoFinding { id } => text("error-no-finding", &[("id", id.clone().into())]),
        FlowError::DamagedMemory { path, count } => text(
            "error-damaged-output",
            &[("path", path_value(path)), ("count", (*count).into())],
        ),
        FlowError::NoUnit { unit } => text("error-no-unit", &[("unit", unit.clone().into())]),
        FlowError::EmptyTranslation => text("error-empty-translation", &[]),
        FlowError::ReleaseRefused { failing } => {
            text("error-release-refused", &[("failing", (*failing).into())])
        }
        FlowError::UnitChanged {
            unit,
            expected,
            current,
        } => edit::unit_changed(l10n, unit, expected, current.as_deref()),
        FlowError::NotReviewable { unit, status } => text(
            "error-not-reviewable",
            &[
                ("unit", unit.clone().into()),
                ("status", status.name().into()),
            ],
        ),
        FlowError::NothingToAlign { en, vi } => text(
            "align-nothing-to-align",
            &[("en", path_value(en)), ("vi", path_value(vi))],
        ),
        FlowError::ProjectExists { path } => {
            text("error-init-exists", &[("path", path_value(path))])
        }
        FlowError::WriteProject { path, source } => write_error(l10n, path, source),
        FlowError::ReadMemoryFile { path, source } => read_error(l10n, path, source),
        FlowError::NoQuery => text("error-no-query", &[]),
        FlowError::NoPhrase => text("error-no-phrase", &[]),
        FlowError::NoMemoryToRead { project, listed } => {
            no_memory_to_read(l10n, project, listed, MemoryNamed::TmOption)
        }
        FlowError::SeveralMemories { project, paths } => {
            several_memories(l10n, project, paths, MemoryNamed::TmOption)
        }
        FlowError::NoMemoryToWrite { project } => {
            no_memory_to_write(l10n, project, MemoryNamed::Into)
        }
        FlowError::NoArticles => text("error-no-articles", &[]),
        FlowError::OmegatMemoryToStdout => text("error-omegat-tm-to-stdout", &[]),
        FlowError::NoSuchDocument { path, doc, docs } => no_such_document(l10n, path, doc, docs),
        FlowError::Glossary { path, lines } => glossary_line(l10n, path, lines.last().copied()),
        FlowError::WriteOutput(e) => persist_message(l10n, e),
        FlowError::WriteStdout(e) => io_reason(l10n, e),
    }
}

/// The message of line `line` of the glossary at `path`, which is not a term pair.
pub fn glossary_line(l10n: &Localizer, path: &Path, line: Option<usize>) -> String {
    let line = line.unwrap_or_default();
    l10n.text_with(
        "align-glossary-line",
        &[("path", path_value(path)), ("line", line.into())],
    )
}

/// `tm export --doc` of a document the memory does not have: the documents it has, the
/// first few by name.
pub fn no_such_document(l10n: &Localizer, path: &Path, doc: &str, docs: &[String]) -> String {
    // How many documents the message lists before it says how many more there are.
    const LISTED: usize = 20;
    let mut listed: Vec<String> = docs.iter().take(LISTED).cloned().collect();
    if docs.len() > LISTED {
        let more = [("count", (docs.len() - LISTED).into())];
        listed.push(l10n.text_with("tm-export-more-docs", &more));
    }
    let args = [
        ("path", path_value(path)),
        ("doc", doc.to_owned().into()),
        ("count", docs.len().into()),
        ("docs", listed.join(", ").into()),
    ];
    l10n.text_with("error-tm-export-unknown-doc", &args)
}

/// How the command that failed names a memory file, for the hint of a message about a
/// memory it could not find in the project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemoryNamed {
    /// `--tm TM` (`tm lookup`, `tm concordance`).
    TmOption,
    /// `tm export TM -o OUT`.
    Export,
    /// `tm compact TM`.
    Compact,
    /// `--into TM` (`tm import`).
    Into,
}

impl MemoryNamed {
    /// The command-line form, not localized: it is typed as it is.
    pub fn usage(self) -> &'static str {
        match self {
            MemoryNamed::TmOption => "--tm TM",
            MemoryNamed::Export => "songngu tm export TM -o OUT",
            MemoryNamed::Compact => "songngu tm compact TM",
            MemoryNamed::Into => "--into TM",
        }
    }
}

/// No memory given and none in the project, the hint saying how the command names one.
pub fn no_memory_to_read(
    l10n: &Localizer,
    project: &Option<PathBuf>,
    listed: &[PathBuf],
    named: MemoryNamed,
) -> String {
    let how = ("how", named.usage().into());
    let Some(project) = project else {
        return l10n.text_with("error-tm-no-memory-no-project", &[how]);
    };
    if listed.is_empty() {
        return l10n.text_with(
            "error-tm-no-memory-listed",
            &[("project", path_value(project)), how],
        );
    }
    let args = [
        ("project", path_value(project)),
        ("paths", path_list(listed)),
        ("count", listed.len().into()),
        how,
    ];
    l10n.text_with("error-tm-no-memory-yet", &args)
}

/// Worded apart from [`no_memory_to_read`]: a command that writes needs no existing
/// file, only one named or listed.
pub fn no_memory_to_write(
    l10n: &Localizer,
    project: &Option<PathBuf>,
    named: MemoryNamed,
) -> String {
    let how = ("how", named.usage().into());
    match project {
        None => l10n.text_with("error-tm-no-memory-to-write-no-project", &[how]),
        Some(project) => l10n.text_with(
            "error-tm-no-memory-to-write-listed",
            &[("project", path_value(project)), how],
        ),
    }
}

/// Several memories, listed by the project or given, the hint saying how the command
/// names one.
pub fn several_memories(
    l10n: &Localizer,
    project: &Option<PathBuf>,
    paths: &[PathBuf],
    named: MemoryNamed,
) -> String {
    let mut args = vec![
        ("paths", path_list(paths)),
        ("count", paths.len().into()),
        ("how", named.usage().into()),
    ];
    // `None`: the files were given, not listed by a project.
    let Some(project) = project else {
        return l10n.text_with("error-tm-several-memories-given", &args);
    };
    args.push(("project", path_value(project)));
    l10n.text_with("error-tm-several-memories", &args)
}

fn path_list(paths: &[PathBuf]) -> FluentValue<'static> {
    let paths: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    paths.join(", ").into()
}

/// The message for a work file refused before anything of it was stored.
pub fn work_file_error(l10n: &Localizer, error: &WorkFileError) -> String {
    match error {
        WorkFileError::WithoutDocument { file } => {
            l10n.text_with("error-xliff-empty-doc", &[("file", path_value(file))])
        }
        WorkFileError::Language {
            side,
            file,
            found,
            expected,
        } => {
            let id = match side {
                LanguageSide::Source => "error-xliff-source-lang",
                LanguageSide::Target => "error-xliff-target-lang",
            };
            let args = [
                ("file", path_value(file)),
                ("found", found.clone().into()),
                ("expected", expected.clone().into()),
            ];
            l10n.text_with(id, &args)
        }
        WorkFileError::UnknownDocument { file, doc, docs } => l10n.text_with(
            "error-xliff-unknown-doc",
            &[
                ("file", path_value(file)),
                ("doc", doc.clone().into()),
                ("docs", docs.join(", ").into()),
            ],
        ),
        WorkFileError::WithoutArticle { doc } => {
            l10n.text_with("error-xliff-which-article", &[("doc", doc.clone().into())])
        }
    }
}

/// The message for pairs that `align --into` cannot store.
pub fn storing_error(l10n: &Localizer, error: &StoringError) -> String {
    match error {
        StoringError::EmptyDoc => l10n.text_with("error-empty-doc", &[("option", "--doc".into())]),
        StoringError::WhichDoc { en, project } => {
            let project = project
                .as_ref()
                .map_or_else(|| String::from("none"), |p| p.display().to_string());
            l10n.text_with(
                "error-align-which-doc",
                &[("en", path_value(en)), ("project", project.into())],
            )
        }
    }
}
