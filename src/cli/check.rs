//! `songngu check <EN> --tm <TM> [--doc ID]` and `songngu check <EN> --vi <VI>`: where the
//! Vietnamese has fallen out of step with the English.
//!
//! Human output is grouped by paragraph with a one-line summary; `--format json` prints
//! one [`FindingRecord`] per line (current units print nothing). Exit 0 when nothing at or
//! above the failing severity remains (accepted findings do not count), 1 otherwise, 2 on
//! error.

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};
use songngu::drift::FindingRecord;
use songngu::flow::check::{CheckRequest, check};
use songngu::i18n::{Localizer, UiLocale};

use super::check_report::{self, render};
use super::context::Context;
use super::errors::flow_error;
use super::exit::Exit;
use super::notices;
use super::output::Output;
use super::values::{SeverityArg, read_only};

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[arg(value_name = "EN")]
    pub en: PathBuf,
    /// Translation memory files (default: the project's).
    #[arg(long = "tm", value_name = "TM")]
    pub tm: Vec<PathBuf>,
    /// The document id of the article in the memory.
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,
    /// Check a Vietnamese article against the English directly, without a memory.
    #[arg(long, value_name = "VI", conflicts_with = "doc")]
    pub vi: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// Glossary of translated names: `English<TAB>Vietnamese` per line.
    #[arg(long, value_name = "FILE")]
    pub glossary: Option<PathBuf>,
    /// The lowest severity that fails the check (default: the project's, else `error`).
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<SeverityArg>,
    /// Mark the finding with this id as accepted (see the `id` of JSON output).
    #[arg(long, value_name = "ID")]
    pub accept: Vec<String>,
    /// Why the findings given with `--accept` are fine.
    #[arg(long, value_name = "TEXT", requires = "accept")]
    pub reason: Option<String>,
    /// Who accepts (default: the project's translator, else `SONGNGU_USER` or the system user).
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Write the accepted-findings file even if it is read-only.
    #[arg(long)]
    pub force_readonly: bool,
    /// List the retired old translations too.
    #[arg(long)]
    pub show_obsolete: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

impl CheckArgs {
    fn request(&self) -> CheckRequest {
        CheckRequest {
            tm: self.tm.clone(),
            doc: self.doc.clone(),
            vi: self.vi.clone(),
            glossary: self.glossary.clone(),
            fail_on: self.fail_on.map(Into::into),
            accept: self.accept.clone(),
            reason: self.reason.clone(),
            user: self.user.clone(),
            read_only: read_only(self.force_readonly),
            show_obsolete: self.show_obsolete,
            ..CheckRequest::new(&self.en)
        }
    }
}

pub fn execute(args: &CheckArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let project = ctx.project()?;
    let checked = check(&project, &args.request(), &mut notices::Stderr(l10n))
        .map_err(|e| flow_error(l10n, e))?;
    let article = &checked.article;
    match args.format {
        CheckFormat::Json => {
            // JSON is never localized.
            let english = Localizer::new(UiLocale::EnUs);
            for finding in &article.report.findings {
                let mut record = FindingRecord::new(finding, |e| render(&english, e));
                record.version = article.version_of(finding).map(str::to_owned);
                out.json_line(&record)?;
            }
        }
        CheckFormat::Text => check_report::write(out, article, l10n, ctx.color)?,
    }
    out.flush()?;
    // The report is printed, but it lacks the damaged TUs: it must not pass.
    Ok(if checked.damaged.is_some() {
        Exit::Error
    } else if article.passes() {
        Exit::Success
    } else {
        Exit::Findings
    })
}
