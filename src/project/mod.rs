//! The project a command runs in: the project file `songngu.toml` ([`config`]), the
//! settings given before the command, the limits of the run, and the answers every flow
//! needs from them: which document an article is, which memory files to read and to
//! write, who the user is, and which files no output may overwrite.

pub mod config;
mod document_id;

use std::path::{Path, PathBuf};

use crate::document::{Document, DocumentError, PieceError, Pieces, ReadOptions, read_pieces};
use crate::fsio::{Input, Role};
use crate::input_limit::{self, InputError, InputKind, Limits};
use crate::segment::{Segmenter, Unit, segment_document};
use crate::text::Lang;

pub use config::{Config, ConfigError, Overrides};
pub use document_id::{DocIdError, DocUse, document_id};

/// What the top-level options say about the project: `songngu --config FILE`,
/// `--no-config`, and settings that win over the file's (`--target-lang`, `--kind`...).
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Read this project file instead of looking for `songngu.toml`.
    pub file: Option<PathBuf>,
    /// Use no project file: the defaults and the overrides only.
    pub no_file: bool,
    pub overrides: Overrides,
}

impl Settings {
    /// The project file this run reads, if any: the one named, else `songngu.toml` found
    /// from `here` up; none with [`Settings::no_file`].
    pub fn file(&self, here: &Path) -> Option<PathBuf> {
        if self.no_file {
            return None;
        }
        self.file.clone().or_else(|| config::find(here))
    }

    /// The project of a run started in `here`, with the overrides applied.
    pub fn load(&self, here: &Path) -> Result<Config, ConfigError> {
        let mut config = if self.no_file {
            Config::defaults(here)
        } else if let Some(path) = &self.file {
            Config::load(path)?
        } else {
            config::discover(here)?
        };
        config.apply(&self.overrides)?;
        Ok(config)
    }

    /// The defaults with the overrides, ignoring any project file (for `init`, which
    /// writes one).
    pub fn load_without_file(&self, here: &Path) -> Result<Config, ConfigError> {
        let mut config = Config::defaults(here);
        config.apply(&self.overrides)?;
        Ok(config)
    }
}

/// A loaded project and the limits of the run: what every flow starts from.
#[derive(Debug, Clone)]
pub struct Project {
    pub config: Config,
    pub limits: Limits,
}

impl Project {
    pub fn new(config: Config, limits: Limits) -> Project {
        Project { config, limits }
    }

    /// An article, read within the run's limit and split into units by the built-in
    /// rules of `lang`.
    pub fn read_article(
        &self,
        path: &Path,
        lang: Lang,
    ) -> Result<(Document, Vec<Unit>), DocumentError> {
        read_article(path, lang, &self.limits)
    }

    /// Reads the article at `path` and hands its units to `sink` as they are segmented,
    /// with the block (paragraph) each is in counted over the whole article: the units
    /// are never all held, and a plain-text article is read a piece of about
    /// `piece_bytes` at a time (see [`crate::document::read_pieces`];
    /// [`crate::document::PIECE_BYTES`] unless testing), so neither is its text. The
    /// sink's first error stops it.
    pub fn each_article_unit<E: From<DocumentError>>(
        &self,
        path: &Path,
        lang: Lang,
        piece_bytes: usize,
        mut sink: impl FnMut(Unit) -> Result<(), E>,
    ) -> Result<(), E> {
        let options = article_options(&self.limits);
        let segmenter = Segmenter::builtin(lang);
        let mut ids = crate::segment::RepeatIds::default();
        let mut blocks = 0;
        let mut piece = |doc: Document| {
            let first = blocks;
            blocks += doc.blocks.len();
            crate::segment::each_unit_after(&doc, &segmenter, &mut ids, |unit| {
                let mut unit = unit.to_unit();
                unit.block += first;
                sink(unit)
            })
        };
        let pieces = read_pieces(path, &options, piece_bytes, &mut piece).map_err(
            |error: PieceError<E>| match error {
                PieceError::Io(source) => E::from(DocumentError::Io {
                    path: path.to_path_buf(),
                    source,
                }),
                PieceError::Sink(error) => error,
            },
        )?;
        match pieces {
            Pieces::Read => Ok(()),
            Pieces::ReadWhole => piece(Document::read_path(path, options)?),
        }
    }

    /// The bytes of `path`, a `kind` of input, within the run's limit.
    pub fn read_input(&self, path: &Path, kind: InputKind) -> Result<Vec<u8>, InputError> {
        input_limit::read(path, kind, self.limits.of(kind))
    }

    /// Like [`Project::read_input`], for a UTF-8 text.
    pub fn read_text(&self, path: &Path, kind: InputKind) -> Result<String, InputError> {
        input_limit::read_text(path, kind, self.limits.of(kind))
    }

    /// The memory files to read: those given (they must exist), else the project's that
    /// exist. A new project's memory is written by its first translation; until then its
    /// articles are checked against an empty memory (everything missing).
    pub fn memory_paths(&self, given: &[PathBuf]) -> Vec<PathBuf> {
        if given.is_empty() {
            let existing = self.config.memory.iter().filter(|p| p.exists());
            existing.cloned().collect()
        } else {
            given.to_vec()
        }
    }

    /// The memory file a command writes to: the one given, else the project's first.
    pub fn target_memory(&self, given: Option<&Path>) -> Option<PathBuf> {
        given
            .map(Path::to_path_buf)
            .or_else(|| self.config.memory.first().cloned())
    }

    /// The user recorded on what is written: given, else the project's translator, else
    /// the system's ([`default_user`]).
    pub fn user(&self, given: Option<&str>) -> String {
        given
            .map(str::to_owned)
            .or_else(|| self.config.translator.clone())
            .unwrap_or_else(default_user)
    }

    /// The project's `[[article]]` with document id `doc`, if it lists one: how a caller
    /// that must not take a path from its client (the review server) finds an article.
    /// Ids are compared exactly, as the memory stores them.
    pub fn article_by_doc(&self, doc: &str) -> Option<&config::Article> {
        self.config.articles.iter().find(|a| a.doc == doc)
    }

    /// The files of the project that no output may overwrite: the project file, the
    /// memories, the articles, the glossary and the accepted-findings file.
    pub fn protected_files(&self) -> Vec<Input> {
        protected_files(&self.config)
    }

    /// Memory files given with `--tm`, else the project's, as inputs no output may
    /// overwrite.
    pub fn memory_inputs(&self, given: &[PathBuf]) -> Vec<Input> {
        let paths = if given.is_empty() {
            &self.config.memory
        } else {
            given
        };
        paths.iter().map(|p| Input::new(p, Role::Memory)).collect()
    }
}

/// The files of the project `config` that no output may overwrite (see
/// [`Project::protected_files`]).
pub fn protected_files(config: &Config) -> Vec<Input> {
    let mut inputs: Vec<Input> = config
        .path
        .iter()
        .map(|p| Input::new(p, Role::Project))
        .collect();
    inputs.extend(config.memory.iter().map(|p| Input::new(p, Role::Memory)));
    let articles = config.articles.iter();
    inputs.extend(articles.map(|a| Input::new(&a.path, Role::Article)));
    let glossary = config.check.glossary.iter();
    inputs.extend(glossary.map(|p| Input::new(p, Role::Glossary)));
    inputs.push(Input::new(&config.check.accepted, Role::Accepted));
    inputs
}

/// An article, read within `limits` and split into units by the built-in rules of `lang`.
pub fn read_article(
    path: &Path,
    lang: Lang,
    limits: &Limits,
) -> Result<(Document, Vec<Unit>), DocumentError> {
    let doc = Document::read_path(path, article_options(limits))?;
    let units = segment_document(&doc, &Segmenter::builtin(lang));
    Ok((doc, units))
}

/// Reading options of an article within `limits`.
pub fn article_options(limits: &Limits) -> ReadOptions {
    ReadOptions {
        max_bytes: limits.of(InputKind::Article),
        ..ReadOptions::default()
    }
}

/// An input file given on the command line; `-` (standard input) is none.
pub fn input(path: &Path, role: Role) -> Option<Input> {
    (path != Path::new("-")).then(|| Input::new(path, role))
}

/// The user when nobody names one: `SONGNGU_USER`, else the system's login name, else
/// `songngu`.
pub fn default_user() -> String {
    ["SONGNGU_USER", "USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| String::from("songngu"))
}
