//! `songngu update <EN> --doc ID`: after the English was revised, carry every unchanged
//! translation over (also when it moved), keep the stale ones with their old English, and
//! report what needs work. No TU is ever deleted.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use songngu::drift::revision::UnitState;
use songngu::drift::update;
use songngu::i18n::Localizer;
use songngu::memory::persist::LockWait;
use songngu::memory::store::{Memory, UpdateOptions};
use songngu::text::Lang;

use super::exit::Exit;
use super::input::read_units;
use super::output::Output;
use super::project::{self, DocUse, document_id, target_memory};

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

pub fn execute(args: &UpdateArgs, l10n: &Localizer, out: &mut Output) -> Result<Exit> {
    let config = project::load(l10n)?;
    let (_, units) = read_units(&args.en, Lang::En, l10n)?;
    let path = target_memory(args.tm.as_ref(), &config, l10n)?;
    let mut memory = Memory::open_for_update_with(
        std::slice::from_ref(&path),
        config.source.clone(),
        config.target.clone(),
        UpdateOptions {
            wait: LockWait::Wait(std::time::Duration::from_secs(60)),
            read_only: super::targets::read_only(args.force_readonly),
        },
    )
    .map_err(|e| super::errors::memory_error(l10n, e))?;
    memory
        .refuse_damaged()
        .map_err(|e| super::errors::memory_error(l10n, e))?;
    let doc = document_id(
        args.doc.as_deref(),
        &args.en,
        &config,
        &memory,
        DocUse::Write,
        l10n,
    )?;
    let others = memory.documents();
    if !others.is_empty() && !others.contains(&doc) {
        // Legitimate for a new article, but also what a mistyped id looks like.
        super::output::stderr_line(
            &l10n.text_with(
                "cli-warning",
                &[(
                    "message",
                    l10n.text_with(
                        "update-new-doc",
                        &[
                            ("doc", doc.clone().into()),
                            ("docs", others.join(", ").into()),
                        ],
                    )
                    .into(),
                )],
            ),
        );
    }
    // `--user` names no one here: `update` only moves units, and moving is no change of
    // a translation (the TUs keep their `changeid`/`changedate`).
    let (report, revision) = update::update(&mut memory, &units, &doc)
        .map_err(|e| super::errors::memory_error(l10n, e))?;
    memory
        .save()
        .map_err(|e| super::errors::memory_error(l10n, e))?;
    if args.json {
        out.json_line(&report)?;
    } else {
        for (unit, state) in units.iter().zip(&revision.units) {
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
                ("path", path.display().to_string().into()),
                ("carried", report.carried.into()),
                ("moved", report.moved.into()),
                ("stale", report.stale.into()),
                ("missing", report.missing.into()),
                ("orphaned", report.orphaned.into()),
            ],
        ))?;
    }
    out.flush()?;
    Ok(Exit::Success)
}
