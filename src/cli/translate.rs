//! `songngu translate <EN> --doc ID --unit UNIT --vi "..."`: a quick edit of one unit.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};
use songngu::drift::update::{Put, put_unit_translation};
use songngu::i18n::Localizer;
use songngu::memory::persist::LockWait;
use songngu::memory::store::{Memory, NewUnit, UpdateOptions};
use songngu::text::Lang;

use super::exit::Exit;
use super::input::read_units;
use super::output::Output;
use super::project::{self, DocUse, document_id, target_memory, user};

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Translated,
    Reviewed,
}

pub fn execute(args: &TranslateArgs, l10n: &Localizer, out: &mut Output) -> Result<Exit> {
    let config = project::load(l10n)?;
    let (_, units) = read_units(&args.en, Lang::En, l10n)?;
    let Some(order) = units.iter().position(|u| u.id == args.unit) else {
        anyhow::bail!(l10n.text_with("error-no-unit", &[("unit", args.unit.clone().into())]));
    };
    if args.vi.trim().is_empty() {
        anyhow::bail!(l10n.text("error-empty-translation"));
    }
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
    let user = user(args.user.as_ref(), &config);
    let status = match args.status {
        StatusArg::Translated => "translated",
        StatusArg::Reviewed => "reviewed",
    };
    let put = put_unit_translation(
        &mut memory,
        &units,
        &NewUnit {
            doc: &doc,
            unit: &args.unit,
            order,
            source: &units[order].text,
            target: &args.vi,
            status,
            user: &user,
        },
    )
    .map_err(|e| super::errors::memory_error(l10n, e))?;
    memory
        .save()
        .map_err(|e| super::errors::memory_error(l10n, e))?;
    let id = match put {
        Put::Added => "translate-added",
        Put::Replaced => "translate-replaced",
        Put::Unchanged => "translate-unchanged",
    };
    out.line(&l10n.text_with(id, &[("unit", args.unit.clone().into())]))?;
    out.flush()?;
    Ok(Exit::Success)
}
