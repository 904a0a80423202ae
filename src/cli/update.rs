//! `songngu update <EN> --doc ID`: after the English was revised, carry every unchanged
//! translation over (also when it moved), keep the stale ones with their old English, and
//! report what needs work. No TU is ever deleted.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use std::collections::{HashMap, HashSet};

use songngu::drift::pretranslate::{Filled, Origin};
use songngu::drift::revision::UnitState;
use songngu::flow::edit::{UpdateRequest, Updated, update};
use songngu::i18n::Localizer;

use super::context::Context;
use super::errors::flow_error;
use super::exit::Exit;
use super::notices;
use super::output::Output;
use super::retired;
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
    /// Recorded only as the changer of pre-translated units: moving a unit changes no
    /// translation.
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Fill the units without translation from exact matches in the memory and
    /// repetitions in the article, as `needs-review` (the default).
    #[arg(long, overrides_with = "no_pretranslate")]
    pub pretranslate: bool,
    /// Do not pre-translate (the last of the two flags wins).
    #[arg(long, overrides_with = "pretranslate")]
    pub no_pretranslate: bool,
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
    // On unless turned off: a copy is stored `needs-review`, which `check` reports, the
    // work file and the review page offer as work, and a project may make failing.
    let request = UpdateRequest {
        en: args.en.clone(),
        doc: args.doc.clone(),
        tm: args.tm.clone(),
        read_only: read_only(args.force_readonly),
        pretranslate: !args.no_pretranslate,
        user: args.user.clone(),
    };
    let updated =
        update(&project, &request, &mut notices::Stderr(l10n)).map_err(|e| flow_error(l10n, e))?;
    if args.json {
        out.json_line(&updated.report)?;
    } else {
        render(&updated, request.pretranslate, l10n, out)?;
    }
    out.flush()?;
    Ok(Exit::Success)
}

/// The units that need work, the pre-translated ones, and the summary.
fn render(updated: &Updated, pretranslate: bool, l10n: &Localizer, out: &mut Output) -> Result<()> {
    render_units(updated, l10n, out)?;
    let report = &updated.report;
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
    retired::write(out, &report.retired_units, l10n)?;
    if pretranslate {
        out.line(&l10n.text_with(
            "update-pretranslated-summary",
            &[("pretranslated", report.pretranslated.into())],
        ))?;
    }
    if report.pretranslation_conflicts > 0 {
        out.line(&l10n.text_with(
            "update-pretranslation-conflicts",
            &[("conflicts", report.pretranslation_conflicts.into())],
        ))?;
    }
    Ok(())
}

/// One line per unit that needs work or was pre-translated.
fn render_units(updated: &Updated, l10n: &Localizer, out: &mut Output) -> Result<()> {
    let filled: HashMap<&str, &Filled> = updated
        .pretranslation
        .filled
        .iter()
        .map(|f| (f.unit.as_str(), f))
        .collect();
    let conflicting: HashSet<&str> = updated
        .pretranslation
        .conflicting
        .iter()
        .map(String::as_str)
        .collect();
    for (unit, state) in updated.units.iter().zip(&updated.revision.units) {
        if let Some(f) = filled.get(unit.id.as_str()) {
            let id = match f.found.origin {
                Origin::ExactMatch => "update-pretranslated-exact",
                Origin::Repetition => "update-pretranslated-repetition",
            };
            let label = l10n.text_with(id, &[("from", f.found.from.clone().into())]);
            out.line(&format!("  {label} [{}] {}", unit.id, unit.text))?;
            continue;
        }
        let conflict = conflicting.contains(unit.id.as_str());
        let id = match state {
            UnitState::Stale { .. } => "update-needs-stale",
            _ if conflict => "update-needs-missing-conflict",
            UnitState::Missing => "update-needs-missing",
            // A joined unit is listed with the unit before it.
            UnitState::Current { .. } | UnitState::Joined { .. } => continue,
        };
        out.line(&format!("  {} [{}] {}", l10n.text(id), unit.id, unit.text))?;
    }
    Ok(())
}
