//! `songngu update <EN> --doc ID`: after the English was revised, carry every unchanged
//! translation over (also when it moved), keep the stale ones with their old English, and
//! report what needs work. No TU is ever deleted.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use songngu::drift::revision::UnitState;
use songngu::flow::edit::{UpdateRequest, update};

use super::context::Context;
use super::errors::flow_error;
use super::exit::Exit;
use super::notices;
use super::output::Output;
use super::values::read_only;

#[derive(Debug, Args)]
pub struct UpdateArgs {
    #[arg(value_name = "EN")]
    pub en: PathBuf,
    /// The article's document id (default: the project's).
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,
    /// The memory file to update (default: the project's first).
    #[arg(long = "tm", value_name = "TM")]
    pub tm: Option<PathBuf>,
    /// Accepted for scripts; nothing records it, since moving a unit changes no translation.
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Print the report as one JSON object.
    #[arg(long)]
    pub json: bool,
    /// Write the memory even if it is read-only.
    #[arg(long)]
    pub force_readonly: bool,
}

pub fn execute(args: &UpdateArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let project = ctx.project()?;
    // `--user` names no one here: `update` only moves units, and moving is no change of
    // a translation.
    let request = UpdateRequest {
        en: args.en.clone(),
        doc: args.doc.clone(),
        tm: args.tm.clone(),
        read_only: read_only(args.force_readonly),
    };
    let updated =
        update(&project, &request, &mut notices::Stderr(l10n)).map_err(|e| flow_error(l10n, e))?;
    let report = &updated.report;
    if args.json {
        out.json_line(report)?;
    } else {
        for (unit, state) in updated.units.iter().zip(&updated.revision.units) {
            let id = match state {
                UnitState::Stale { .. } => "update-needs-stale",
                UnitState::Missing => "update-needs-missing",
                // A joined unit is listed with the unit before it.
                UnitState::Current { .. } | UnitState::Joined { .. } => continue,
            };
            out.line(&format!("  {} [{}] {}", l10n.text(id), unit.id, unit.text))?;
        }
        out.line(&l10n.text_with(
            "update-summary",
            &[
                ("path", updated.path.display().to_string().into()),
                ("carried", report.carried.into()),
                ("moved", report.moved.into()),
                ("stale", report.stale.into()),
                ("missing", report.missing.into()),
                ("orphaned", report.orphaned.into()),
            ],
        ))?;
        if report.retired > 0 {
            let retired = [("retired", report.retired.into())];
            out.line(&l10n.text_with("update-retired", &retired))?;
        }
    }
    out.flush()?;
    Ok(Exit::Success)
}
