//! `songngu status [ARTICLE...] [--tm TM] [--format text|json]`: each article's units by
//! state (current, split into translated / needs review / reviewed; stale; missing;
//! omitted), its orphans, the old translations retired, and the last change to its TUs and who made it; then the total.
//! Without ARTICLE, every `[[article]]` of the project.
//!
//! `--format json` prints JSON Lines, never localized: one object per article, then one
//! `{"total": {...}}` (the schema: [`songngu::flow::status`]).
//!
//! Exit 0: the status is information, whatever it says. 2 on error, and when a memory
//! file has damaged TUs (their units are counted as missing; the numbers are printed all
//! the same).

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};
use fluent_bundle::FluentValue;
use songngu::flow::status::{Change, Counts, StatusRequest, TotalRecord, status};
use songngu::i18n::Localizer;

use super::context::Context;
use super::dates::iso_parts;
use super::errors::flow_error;
use super::exit::Exit;
use super::notices;
use super::output::Output;

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// English articles (default: the project's).
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<PathBuf>,
    /// Translation memory files (default: the project's).
    #[arg(long = "tm", value_name = "TM")]
    pub tm: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn execute(args: &StatusArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let project = ctx.project()?;
    let request = StatusRequest {
        articles: args.articles.clone(),
        tm: args.tm.clone(),
    };
    let statuses =
        status(&project, &request, &mut notices::Stderr(l10n)).map_err(|e| flow_error(l10n, e))?;
    match args.format {
        Format::Json => {
            for article in &statuses.articles {
                out.json_line(article)?;
            }
            out.json_line(&TotalRecord {
                total: statuses.total.clone(),
            })?;
        }
        Format::Text => {
            for article in &statuses.articles {
                let line = l10n.text_with(
                    "status-article",
                    &[
                        ("path", article.article.display().to_string().into()),
                        ("doc", article.doc.clone().into()),
                        ("counts", counts(l10n, &article.counts).into()),
                    ],
                );
                out.line(&line)?;
            }
            let total = &statuses.total;
            out.line(&l10n.text_with(
                "status-total",
                &[
                    ("articles", total.articles.into()),
                    ("counts", counts(l10n, &total.counts).into()),
                ],
            ))?;
        }
    }
    out.flush()?;
    Ok(if statuses.damaged.is_some() {
        Exit::Error
    } else {
        Exit::Success
    })
}

/// The counts and the last change, in one localized phrase.
fn counts(l10n: &Localizer, counts: &Counts) -> String {
    let n = |value: usize| FluentValue::from(value);
    let states = l10n.text_with(
        "status-counts",
        &[
            ("units", n(counts.units)),
            ("current", n(counts.current)),
            ("translated", n(counts.translated)),
            ("review", n(counts.needs_review)),
            ("reviewed", n(counts.reviewed)),
            ("stale", n(counts.stale)),
            ("missing", n(counts.missing)),
            ("omitted", n(counts.omitted)),
            ("orphaned", n(counts.orphaned)),
            ("retired", n(counts.retired)),
        ],
    );
    format!("{states}; {}", change(l10n, counts.last_change.as_ref()))
}

/// `last change 28/11/2019 09:00 UTC by lan`, the date in the UI language's order.
fn change(l10n: &Localizer, change: Option<&Change>) -> String {
    let Some(change) = change else {
        return l10n.text("status-no-change");
    };
    // `YYYY-MM-DDThh:mm:ssZ`, as the flow writes it.
    let date = match iso_parts(&change.at) {
        Some(parts) => l10n.text_with("status-date", &parts),
        None => change.at.clone(),
    };
    match &change.by {
        Some(by) => l10n.text_with(
            "status-last-change",
            &[("at", date.into()), ("by", by.clone().into())],
        ),
        None => l10n.text_with("status-last-change-anonymous", &[("at", date.into())]),
    }
}
