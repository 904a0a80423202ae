//! `songngu init`: write a project file `songngu.toml` in the current folder, or the file
//! named with `--config` before the command.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use songngu::config::{self, Article};
use songngu::i18n::Localizer;

use super::exit::Exit;
use super::output::Output;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The translator's id, recorded on the TUs they write.
    #[arg(long, value_name = "NAME")]
    pub translator: Option<String>,
    /// The memory files (default `tmx/memory.tmx`).
    #[arg(long = "tm", value_name = "TM")]
    pub tm: Vec<String>,
    /// An article of the project: `DOC_ID=PATH` (repeat for more).
    #[arg(long, value_name = "ID=PATH")]
    pub article: Vec<String>,
    /// The lowest severity that fails a check.
    #[arg(long = "fail-on", value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<super::check::SeverityArg>,
    /// The project's glossary of translated names.
    #[arg(long, value_name = "FILE")]
    pub glossary: Option<String>,
    /// Replace an existing `songngu.toml`.
    #[arg(long)]
    pub force: bool,
}

pub fn execute(args: &InitArgs, l10n: &Localizer, out: &mut Output) -> Result<Exit> {
    // `--config FILE` names the project file of every command: `init` writes it.
    let path = super::project::config_path().unwrap_or_else(|| PathBuf::from(config::FILE_NAME));
    if path.exists() && !args.force {
        anyhow::bail!(l10n.text_with(
            "error-init-exists",
            &[("path", path.display().to_string().into())]
        ));
    }
    let mut articles = Vec::new();
    for spec in &args.article {
        let Some((doc, file)) = spec
            .split_once('=')
            .filter(|(d, f)| !d.is_empty() && !f.is_empty())
        else {
            anyhow::bail!(l10n.text_with("error-init-article", &[("value", spec.clone().into())]));
        };
        articles.push(Article {
            path: PathBuf::from(file),
            doc: doc.to_owned(),
        });
    }
    let translator = args
        .translator
        .clone()
        .unwrap_or_else(songngu::memory::store::default_user);
    // The languages and kinds given before the command (`songngu --target-lang vi-VN
    // --kind length=off init`) are what the project is made with.
    let settings = super::project::load_without_file(l10n)?;
    let mut template = config::Template::new(&translator, "tmx/memory.tmx");
    if !args.tm.is_empty() {
        template.memory = args.tm.clone();
    }
    template.articles = articles;
    template.source = settings.source;
    template.target = settings.target;
    template.fail_on = args.fail_on.map_or(template.fail_on, Into::into);
    template.glossary = args.glossary.clone();
    template.kinds = settings.check.kinds.into_iter().collect();
    let text = config::template(&template);
    // The template must read back: a typo in an id or path must not make a broken project.
    config::Config::parse(&path, &text)
        .map_err(|e| anyhow::anyhow!(super::errors::config_error(l10n, &e)))?;
    std::fs::write(&path, text)
        .map_err(|e| anyhow::anyhow!(super::errors::write_error(l10n, &path, &e)))?;
    out.line(&l10n.text_with(
        "init-written",
        &[("path", path.display().to_string().into())],
    ))?;
    out.flush()?;
    Ok(Exit::Success)
}
