//! `init`: write a project file.

use std::path::PathBuf;

use super::FlowError;
use crate::drift::Severity;
use crate::project::config::{self, Article, Config, Template};
use crate::project::default_user;

/// The project file to write.
#[derive(Debug, Clone)]
pub struct InitRequest {
    pub path: PathBuf,
    /// Replace an existing file.
    pub force: bool,
    /// The languages and check kinds of the project: the defaults with the settings given
    /// on the command line.
    pub settings: Config,
    pub articles: Vec<Article>,
    /// The translator's id (default: the system's user).
    pub translator: Option<String>,
    /// The memory files, as written in the file (default: `tmx/memory.tmx`).
    pub memory: Vec<String>,
    pub fail_on: Option<Severity>,
    pub glossary: Option<String>,
}

/// Writes the project file; returns its path.
pub fn init(request: &InitRequest) -> Result<PathBuf, FlowError> {
    let path = &request.path;
    if path.exists() && !request.force {
        return Err(FlowError::ProjectExists { path: path.clone() });
    }
    let translator = request.translator.clone().unwrap_or_else(default_user);
    let mut template = Template::new(&translator, "tmx/memory.tmx");
    if !request.memory.is_empty() {
        template.memory = request.memory.clone();
    }
    template.articles = request.articles.clone();
    template.source = request.settings.source.clone();
    template.target = request.settings.target.clone();
    template.fail_on = request.fail_on.unwrap_or(template.fail_on);
    template.glossary = request.glossary.clone();
    template.kinds = request.settings.check.kinds.clone().into_iter().collect();
    let text = config::template(&template);
    // The template must read back: a typo in an id or path must not make a broken project.
    Config::parse(path, &text)?;
    std::fs::write(path, text).map_err(|source| FlowError::WriteProject {
        path: path.clone(),
        source,
    })?;
    Ok(path.clone())
}
