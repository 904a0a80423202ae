//! `songngu review <EN> --doc ID --unit UNIT` (or `--all-needs-review`): approve
//! translations a person has read. Their status becomes `reviewed`; the text stays.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use songngu::flow::review::{ReviewRequest, review};

use super::context::Context;
use super::errors::flow_error;
use super::exit::Exit;
use super::output::Output;
use super::values::read_only;

#[derive(Debug, Args)]
pub struct ReviewArgs {
    #[arg(value_name = "EN")]
    pub en: PathBuf,
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,
    /// The unit to approve (repeat for more).
    #[arg(
        long,
        value_name = "UNIT",
        required_unless_present = "all_needs_review"
    )]
    pub unit: Vec<String>,
    /// Approve every current translation marked `needs-review`.
    #[arg(long)]
    pub all_needs_review: bool,
    #[arg(long = "tm", value_name = "TM")]
    pub tm: Option<PathBuf>,
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Write the memory even if it is read-only.
    #[arg(long)]
    pub force_readonly: bool,
}

pub fn execute(args: &ReviewArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let project = ctx.project()?;
    let request = ReviewRequest {
        doc: args.doc.clone(),
        all_needs_review: args.all_needs_review,
        tm: args.tm.clone(),
        user: args.user.clone(),
        read_only: read_only(args.force_readonly),
        ..ReviewRequest::new(&args.en, args.unit.clone())
    };
    let reviewed = review(&project, &request).map_err(|e| flow_error(l10n, e))?;
    for (id, units) in [
        ("review-approved", &reviewed.approved),
        ("review-already", &reviewed.already),
    ] {
        for unit in units {
            out.line(&l10n.text_with(id, &[("unit", unit.clone().into())]))?;
        }
    }
    let counts = [
        ("approved", reviewed.approved.len().into()),
        ("already", reviewed.already.len().into()),
    ];
    out.line(&l10n.text_with("review-summary", &counts))?;
    out.flush()?;
    Ok(Exit::Success)
}
