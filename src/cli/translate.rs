//! `songngu translate <EN> --doc ID --unit UNIT --vi "..."`: a quick edit of one unit.
//! With `--expect-version V`, the edit is refused (exit 2, nothing written) when the
//! memory no longer holds version `V` of the unit: someone changed it since it was read.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};
use songngu::drift::update::Put;
use songngu::flow::edit::{TranslateRequest, translate};

use super::context::Context;
use super::errors::flow_error;
use super::exit::Exit;
use super::output::Output;
use super::retired;
use super::values::read_only;

#[derive(Debug, Args)]
pub struct TranslateArgs {
    #[arg(value_name = "EN")]
    pub en: PathBuf,
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,
    /// The unit's id (see `songngu segment` or `check`).
    #[arg(long, value_name = "UNIT")]
    pub unit: String,
    /// The Vietnamese.
    #[arg(long, value_name = "TEXT")]
    pub vi: String,
    #[arg(long, value_enum, default_value_t = StatusArg::Translated)]
    pub status: StatusArg,
    #[arg(long = "tm", value_name = "TM")]
    pub tm: Option<PathBuf>,
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Write the memory even if it is read-only.
    #[arg(long)]
    pub force_readonly: bool,
    /// Store only if the memory still holds this version of the unit (the `version` of
    /// `check --format json`); otherwise nothing is written and the exit code is 2.
    #[arg(long, value_name = "VERSION")]
    pub expect_version: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Translated,
    Reviewed,
}

pub fn execute(args: &TranslateArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let project = ctx.project()?;
    let request = TranslateRequest {
        en: args.en.clone(),
        doc: args.doc.clone(),
        unit: args.unit.clone(),
        vi: args.vi.clone(),
        status: match args.status {
            StatusArg::Translated => "translated",
            StatusArg::Reviewed => "reviewed",
        },
        tm: args.tm.clone(),
        user: args.user.clone(),
        read_only: read_only(args.force_readonly),
        expected: args.expect_version.clone(),
    };
    let translated = translate(&project, &request).map_err(|e| flow_error(l10n, e))?;
    let id = match translated.put {
        Put::Added => "translate-added",
        Put::Replaced => "translate-replaced",
        Put::Unchanged => "translate-unchanged",
    };
    out.line(&l10n.text_with(id, &[("unit", args.unit.clone().into())]))?;
    retired::write(out, &translated.retired, l10n)?;
    out.flush()?;
    Ok(Exit::Success)
}
