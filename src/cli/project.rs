//! The project settings of a run: `songngu.toml` found by walking up from the current
//! folder (or named with `--config`, or ignored with `--no-config`), with the settings
//! given on the command line applied over it.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::Result;
use clap::Args;
use songngu::config::{self, Config, Overrides};
use songngu::i18n::Localizer;
use songngu::memory::store::Memory;

/// Options of the top level, before the command: `songngu --no-config check ...`.
#[derive(Debug, Clone, Default, Args)]
pub struct ProjectArgs {
    /// Read this project file instead of looking for `songngu.toml`.
    #[arg(long, value_name = "FILE", conflicts_with = "no_config")]
    pub config: Option<PathBuf>,
    /// Use no project file: defaults and the command line only.
    #[arg(long)]
    pub no_config: bool,
    #[arg(long, value_name = "LANG")]
    pub source_lang: Option<String>,
    #[arg(long, value_name = "LANG")]
    pub target_lang: Option<String>,
    #[arg(long, value_name = "FILE")]
    pub accepted: Option<PathBuf>,
    #[arg(long = "kind", value_name = "KIND=SETTING")]
    pub kinds: Vec<String>,
}

static ARGS: OnceLock<ProjectArgs> = OnceLock::new();

/// Records the top-level options once, before the command runs.
pub fn set(args: ProjectArgs) {
    // Set once per process by `run`; a second call (tests calling `run` again) keeps the
    // first, which is the same for every call in a process.
    let _ = ARGS.set(args);
}

/// The project file named with `--config`, if any.
pub fn config_path() -> Option<PathBuf> {
    ARGS.get().and_then(|args| args.config.clone())
}

/// The project of this run.
pub fn load(l10n: &Localizer) -> Result<Config> {
    load_with(l10n, ARGS.get().cloned().unwrap_or_default())
}

/// The project file this run would read, if any (`--config`, else `songngu.toml` found
/// from the current folder up; none with `--no-config`).
pub fn file() -> Option<PathBuf> {
    let args = ARGS.get().cloned().unwrap_or_default();
    if args.no_config {
        return None;
    }
    args.config.or_else(|| {
        let here = std::env::current_dir().ok()?;
        config::find(&here)
    })
}

/// The defaults with the command line's settings, without any project file (for `init`,
/// which writes one).
pub fn load_without_file(l10n: &Localizer) -> Result<Config> {
    let args = ProjectArgs {
        no_config: true,
        config: None,
        ..ARGS.get().cloned().unwrap_or_default()
    };
    load_with(l10n, args)
}

fn load_with(l10n: &Localizer, args: ProjectArgs) -> Result<Config> {
    let config_error =
        |e: config::ConfigError| anyhow::anyhow!(super::errors::config_error(l10n, &e));
    let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    let mut config = if args.no_config {
        Config::defaults(&here)
    } else if let Some(path) = &args.config {
        Config::load(path).map_err(config_error)?
    } else {
        config::discover(&here).map_err(config_error)?
    };
    config
        .apply(&Overrides {
            source: args.source_lang,
            target: args.target_lang,
            accepted: args.accepted,
            kinds: args.kinds,
        })
        .map_err(config_error)?;
    Ok(config)
}

/// The memory file commands write to: given, else the project's first.
pub fn target_memory(
    arg: Option<&PathBuf>,
    config: &songngu::config::Config,
    l10n: &Localizer,
) -> Result<PathBuf> {
    arg.cloned()
        .or_else(|| config.memory.first().cloned())
        .ok_or_else(|| anyhow::anyhow!(l10n.text("error-check-needs-tm")))
}

/// The user recorded on the TUs: given, else the project's translator, else the system's.
pub fn user(arg: Option<&String>, config: &songngu::config::Config) -> String {
    arg.cloned()
        .or_else(|| config.translator.clone())
        .unwrap_or_else(songngu::memory::store::default_user)
}

/// What a command does with the document it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocUse {
    /// Reads its units (`check`, `export`, `xliff export`): an id that is neither in the
    /// memory nor an article of the project is a mistake (a typo would otherwise report
    /// every sentence as untranslated).
    Read,
    /// Writes units (`update`, `translate`): a new document is how an article starts.
    Write,
}

/// The document id: given, else the project's for this article, else the memory's only one.
pub fn document_id(
    arg: Option<&str>,
    en: &Path,
    config: &Config,
    memory: &Memory,
    purpose: DocUse,
    l10n: &Localizer,
) -> Result<String> {
    let docs = memory.documents();
    if let Some(doc) = arg {
        // An empty id would file the article's units under no document at all.
        if !songngu::config::valid_doc_id(doc) {
            anyhow::bail!(l10n.text_with("error-empty-doc", &[("option", "--doc".into())]));
        }
        let known = docs.iter().any(|d| d == doc) || config.articles.iter().any(|a| a.doc == doc);
        if purpose == DocUse::Read && !known {
            anyhow::bail!(l10n.text_with(
                "error-unknown-doc",
                &[
                    ("doc", doc.to_owned().into()),
                    ("docs", docs.join(", ").into())
                ]
            ));
        }
        return Ok(doc.to_owned());
    }
    if let Some(doc) = config.doc_for(en) {
        return Ok(doc.to_owned());
    }
    match docs.as_slice() {
        [only] => Ok(only.clone()),
        _ => Err(anyhow::anyhow!(l10n.text_with(
            "error-which-doc",
            &[("docs", docs.join(", ").into())]
        ))),
    }
}
