//! `songngu init`: write a project file `songngu.toml` in the current folder, or the file
//! named with `--config` before the command.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;
use songngu::flow::init::{InitRequest, init};
use songngu::project::config::{Article, FILE_NAME};

use super::context::Context;
use super::errors::flow_error;
use super::exit::Exit;
use super::output::Output;
use super::values::SeverityArg;

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
    pub fail_on: Option<SeverityArg>,
    /// The project's glossary of translated names.
    #[arg(long, value_name = "FILE")]
    pub glossary: Option<String>,
    /// Replace an existing `songngu.toml`.
    #[arg(long)]
    pub force: bool,
}

pub fn execute(args: &InitArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
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
    let request = InitRequest {
        // `--config FILE` names the project file of every command: `init` writes it.
        path: ctx
            .config_path()
            .map_or_else(|| PathBuf::from(FILE_NAME), Path::to_path_buf),
        force: args.force,
        // The languages and kinds given before the command (`songngu --target-lang vi-VN
        // --kind length=off init`) are what the project is made with.
        settings: ctx.settings_without_file()?,
        articles,
        translator: args.translator.clone(),
        memory: args.tm.clone(),
        fail_on: args.fail_on.map(Into::into),
        glossary: args.glossary.clone(),
    };
    let path = init(&request).map_err(|e| flow_error(l10n, e))?;
    let path = path.display().to_string();
    out.line(&l10n.text_with("init-written", &[("path", path.into())]))?;
    out.flush()?;
    Ok(Exit::Success)
}
