//! `songngu init`: write a project file `songngu.toml` in the current folder.

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
    /// The memory file.
    #[arg(long = "tm", value_name = "TM", default_value = "tmx/memory.tmx")]
    pub tm: String,
    /// An article of the project: `DOC_ID=PATH` (repeat for more).
    #[arg(long, value_name = "ID=PATH")]
    pub article: Vec<String>,
    /// Replace an existing `songngu.toml`.
    #[arg(long)]
    pub force: bool,
}

pub fn execute(args: &InitArgs, l10n: &Localizer, out: &mut Output) -> Result<Exit> {
    let path = PathBuf::from(config::FILE_NAME);
    if path.exists() && !args.force {
        anyhow::bail!(l10n.text("error-init-exists"));
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
    let text = config::template(&translator, &args.tm, &articles);
    // The template must read back: a typo in an id or path must not make a broken project.
    config::Config::parse(&path, &text).map_err(|e| {
        anyhow::anyhow!(l10n.text_with("error-config", &[("message", e.to_string().into())]))
    })?;
    std::fs::write(&path, text).map_err(|e| {
        anyhow::anyhow!(l10n.text_with(
            "error-write-file",
            &[
                ("path", path.display().to_string().into()),
                ("reason", super::errors::io_reason(l10n, &e).into()),
            ],
        ))
    })?;
    out.line(&l10n.text_with(
        "init-written",
        &[("path", path.display().to_string().into())],
    ))?;
    out.flush()?;
    Ok(Exit::Success)
}
