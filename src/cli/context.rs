//! What every command starts from: the UI language, the project settings given before
//! the command (`songngu --no-config check ...`), the limits of the run, and whether
//! output may be coloured. Built once by [`super::run`] and passed down, so that nothing
//! about a run is kept in global state.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;
use songngu::i18n::Localizer;
use songngu::input_limit::{InputKind, Limits};
use songngu::project::{Config, Overrides, Project, Settings};

use super::errors;

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

impl ProjectArgs {
    /// The library's project settings.
    pub fn settings(&self) -> Settings {
        Settings {
            file: self.config.clone(),
            no_file: self.no_config,
            overrides: Overrides {
                source: self.source_lang.clone(),
                target: self.target_lang.clone(),
                accepted: self.accepted.clone(),
                kinds: self.kinds.clone(),
            },
        }
    }
}

/// One run of the command line.
pub struct Context<'l> {
    pub l10n: &'l Localizer,
    pub settings: Settings,
    pub limits: Limits,
    /// Whether standard output is a terminal that may be coloured.
    pub color: bool,
}

impl Context<'_> {
    /// The folder the run started in.
    fn here() -> PathBuf {
        std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
    }

    /// The project file named with `--config`, if any.
    pub fn config_path(&self) -> Option<&Path> {
        self.settings.file.as_deref()
    }

    /// The project file this run reads, if any.
    pub fn project_file(&self) -> Option<PathBuf> {
        self.settings.file(&Self::here())
    }

    /// The project of this run, with the run's limits.
    pub fn project(&self) -> Result<Project> {
        let config = self
            .settings
            .load(&Self::here())
            .map_err(|e| anyhow::anyhow!(errors::config_error(self.l10n, &e)))?;
        Ok(Project::new(config, self.limits))
    }

    /// A project of the defaults only, with the run's limits: for a command that works
    /// without a project (`align` of two files) when the project file does not load.
    pub fn default_project(&self) -> Project {
        Project::new(Config::defaults(&Self::here()), self.limits)
    }

    /// The defaults with the command line's settings, without any project file (for
    /// `init`, which writes one).
    pub fn settings_without_file(&self) -> Result<Config> {
        self.settings
            .load_without_file(&Self::here())
            .map_err(|e| anyhow::anyhow!(errors::config_error(self.l10n, &e)))
    }

    /// A UTF-8 text file of `kind`, read whole within the run's limit.
    pub fn read_text(&self, path: &Path, kind: InputKind) -> Result<String> {
        songngu::input_limit::read_text(path, kind, self.limits.of(kind))
            .map_err(|e| anyhow::anyhow!(errors::input_error(self.l10n, &e)))
    }
}
