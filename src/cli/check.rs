//! `songngu check <EN> --tm <TM> [--doc ID]` and `songngu check <EN> --vi <VI>`: where the
//! Vietnamese has fallen out of step with the English.
//!
//! Human output is grouped by paragraph with a one-line summary; `--format json` prints
//! one [`FindingRecord`] per line (current units print nothing). Exit 0 when nothing at or
//! above the failing severity remains (accepted findings do not count), 1 otherwise, 2 on
//! error.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, ValueEnum};
use songngu::align::AlignOptions;
use songngu::config::Config;
use songngu::document::Document;
use songngu::drift::accept::{AcceptError, Accepted};
use songngu::drift::check::{self, Report};
use songngu::drift::checks::CheckOptions;
use songngu::drift::report::{DiffOp, Explanation, Finding, FindingRecord, Kind, Severity};
use songngu::i18n::{Localizer, UiLocale};
use songngu::memory::store::{Memory, MemoryError};
use songngu::segment::Unit;
use songngu::text::Glossary;
use songngu::text::Lang;

use super::errors;
use super::exit::Exit;
use super::input::read_units;
use super::output::Output;
use super::project::{DocUse, document_id};

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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityArg {
    Info,
    Warning,
    Error,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Severity {
        match s {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Error => Severity::Error,
        }
    }
}

/// The glossary given on the command line or by the project.
pub fn glossary(arg: Option<&Path>, config: &Config, l10n: &Localizer) -> Result<Option<Glossary>> {
    let Some(path) = arg.or(config.check.glossary.as_deref()) else {
        return Ok(None);
    };
    super::input::read_glossary(path, l10n).map(Some)
}

/// The memory files to read: those given (they must exist), else the project's that exist.
/// A new project's memory is written by its first translation; until then its articles
/// are checked against an empty memory (everything missing).
fn memory_paths(given: &[PathBuf], config: &Config) -> Vec<PathBuf> {
    if given.is_empty() {
        config
            .memory
            .iter()
            .filter(|p| p.exists())
            .cloned()
            .collect()
    } else {
        given.to_vec()
    }
}

/// Runs the whole check as configured; used by `check` and `export`.
pub struct CheckRun {
    pub report: Report,
    pub units: Vec<Unit>,
    pub document: Document,
    pub fail_on: Severity,
    pub doc: Option<String>,
    /// A memory file with damaged TUs (already listed on stderr) and how many: the report
    /// lacks them (their units look missing), so the run must not pass.
    pub damaged: Option<(PathBuf, usize)>,
}

pub fn run_check(args: &CheckArgs, config: &Config, l10n: &Localizer) -> Result<CheckRun> {
    let (document, units) = read_units(&args.en, Lang::En, l10n)?;
    let mut options = CheckOptions {
        glossary: glossary(args.glossary.as_deref(), config, l10n)?,
        ..CheckOptions::default()
    };
    options.disabled = Kind::ALL
        .into_iter()
        .filter(|&k| config.check.severity(k).is_none())
        .collect();
    let mut damaged = None;
    let (mut report, doc) = if let Some(vi_path) = &args.vi {
        let (_, vi_units) = read_units(vi_path, Lang::Vi, l10n)?;
        // The memory, when there is one, tells translations that disagree with it, and
        // the words it has seen translated help the aligner.
        let paths = memory_paths(&args.tm, config);
        let memory = if paths.is_empty() {
            None
        } else {
            Some(open_memory(&paths, config, &mut damaged, l10n)?)
        };
        // The document's own TUs, when the memory holds it (the project names it; `--doc`
        // goes without `--vi`), are no evidence for its alignment: the lexicon leaves them
        // out.
        let doc = config.doc_for(&args.en);
        let align_options = AlignOptions {
            glossary: options.glossary.clone(),
            memory_lexicon: memory
                .as_ref()
                .and_then(|memory| super::memory_lexicon::of(memory, doc)),
            ..AlignOptions::default()
        };
        (
            check::against_vietnamese(&units, &vi_units, memory.as_ref(), &options, &align_options),
            None,
        )
    } else {
        if args.tm.is_empty() && config.memory.is_empty() {
            anyhow::bail!(l10n.text("error-check-needs-tm"));
        }
        let paths = memory_paths(&args.tm, config);
        let memory = open_memory(&paths, config, &mut damaged, l10n)?;
        let doc = document_id(
            args.doc.as_deref(),
            &args.en,
            config,
            &memory,
            DocUse::Read,
            l10n,
        )?;
        let report = check::against_memory(&units, &memory, &doc, &options)
            .map_err(|e| super::errors::memory_error(l10n, e))?;
        (report, Some(doc))
    };
    let mut accepted = Accepted::load(&config.check.accepted).map_err(|e| match e {
        AcceptError::Input(e) => anyhow::anyhow!(super::input::message(l10n, &e)),
        AcceptError::Read { path, source } => {
            anyhow::anyhow!(errors::read_error(l10n, &path, &source))
        }
        e => anyhow::anyhow!(l10n.text_with("error-config", &[("message", e.to_string().into())])),
    })?;
    if !args.accept.is_empty() {
        let user = args
            .user
            .clone()
            .or_else(|| config.translator.clone())
            .unwrap_or_else(songngu::memory::store::default_user);
        let now = iso_now();
        for id in &args.accept {
            let Some(finding) = report.findings.iter().find(|f| &f.fingerprint() == id) else {
                anyhow::bail!(l10n.text_with("error-no-finding", &[("id", id.clone().into())]));
            };
            accepted.accept(finding, &user, &now, args.reason.as_deref());
        }
        accepted
            .save_with(super::targets::read_only(args.force_readonly))
            .map_err(|e| match e {
                AcceptError::Persist(e) => errors::persist_error(l10n, e),
                e => anyhow::anyhow!(
                    l10n.text_with("error-config", &[("message", e.to_string().into())])
                ),
            })?;
    }
    report.apply(|k| config.check.severity(k), Some(&accepted));
    let fail_on = args.fail_on.map_or(config.check.fail_on, Severity::from);
    Ok(CheckRun {
        report,
        units,
        document,
        fail_on,
        doc,
        damaged,
    })
}

/// Opens the memory files `paths` for reading, lists every problem of loading them on
/// stderr, and records in `damaged` the first file with damaged TUs.
fn open_memory(
    paths: &[PathBuf],
    config: &Config,
    damaged: &mut Option<(PathBuf, usize)>,
    l10n: &Localizer,
) -> Result<Memory> {
    let memory = Memory::open(paths, config.source.clone(), config.target.clone())
        .map_err(|e| super::errors::memory_error(l10n, e))?;
    super::errors::report_problems(l10n, &memory);
    if let Err(MemoryError::DamagedTus { path, count, .. }) = memory.refuse_damaged() {
        *damaged = Some((path, count));
    }
    Ok(memory)
}

/// For commands that write what the check found (`export`, `xliff export`): a memory with
/// damaged TUs would make their units look missing in the output, so nothing is written.
pub fn refuse_damaged(run: &CheckRun, l10n: &Localizer) -> Result<()> {
    match &run.damaged {
        Some((path, count)) => Err(anyhow::anyhow!(l10n.text_with(
            "error-damaged-output",
            &[
                ("path", path.display().to_string().into()),
                ("count", (*count).into()),
            ],
        ))),
        None => Ok(()),
    }
}

/// `YYYY-MM-DDThh:mm:ssZ`, now, UTC.
pub fn iso_now() -> String {
    let d = songngu::memory::store::tmx_date_now(); // YYYYMMDDThhmmssZ
    format!(
        "{}-{}-{}T{}:{}:{}Z",
        &d[0..4],
        &d[4..6],
        &d[6..8],
        &d[9..11],
        &d[11..13],
        &d[13..15]
    )
}

pub fn execute(args: &CheckArgs, l10n: &Localizer, out: &mut Output, color: bool) -> Result<Exit> {
    let config = super::project::load(l10n)?;
    let run = run_check(args, &config, l10n)?;
    let english = Localizer::new(UiLocale::EnUs);
    match args.format {
        CheckFormat::Json => {
            for finding in &run.report.findings {
                out.json_line(&FindingRecord::new(finding, |e| render(&english, e)))?;
            }
        }
        CheckFormat::Text => write_human(out, &run, l10n, color)?,
    }
    out.flush()?;
    // The report is printed, but it lacks the damaged TUs: it must not pass.
    Ok(if run.damaged.is_some() {
        Exit::Error
    } else if run.report.passes(run.fail_on) {
        Exit::Success
    } else {
        Exit::Findings
    })
}

/// The explanation in `l10n`'s language.
pub fn render(l10n: &Localizer, explanation: &Explanation) -> String {
    let args: Vec<(&str, fluent_bundle::FluentValue)> = explanation
        .args
        .iter()
        .map(|(k, v)| (*k, v.clone().into()))
        .collect();
    l10n.text_with(explanation.id, &args)
}

fn paint(text: &str, code: &str, color: bool) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

fn severity_label(l10n: &Localizer, s: Severity, color: bool) -> String {
    let label = l10n.text(&format!("severity-{}", s.name()));
    let code = match s {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;34",
    };
    paint(&label, code, color)
}

pub fn write_human(out: &mut Output, run: &CheckRun, l10n: &Localizer, color: bool) -> Result<()> {
    let mut paragraph: Option<Option<usize>> = None;
    let indent = "      ";
    // Orphans go last under one heading: they have no paragraph in the current article,
    // and listing them where they once stood would split a paragraph's group in two.
    let (gone, in_article): (Vec<&Finding>, Vec<&Finding>) = run
        .report
        .findings
        .iter()
        .partition(|f| f.kind == Kind::Orphaned);
    for f in in_article.into_iter().chain(gone) {
        let p = if f.kind == Kind::Orphaned {
            None
        } else {
            f.paragraph
        };
        if paragraph != Some(p) {
            let heading = match p {
                Some(n) => l10n.text_with("check-paragraph", &[("n", (n + 1).into())]),
                None => l10n.text("check-outside-article"),
            };
            out.line(&paint(&heading, "1", color))?;
            paragraph = Some(p);
        }
        let mut head = format!(
            "  {} {} {}",
            severity_label(l10n, f.severity, color),
            l10n.text(&format!("kind-{}", f.kind.name().replace('_', "-"))),
            render(l10n, &f.explanation)
        );
        if let Some(unit) = &f.unit {
            head.push_str(&format!(" [{unit}]"));
        }
        if let Some(a) = &f.accepted {
            head.push_str(&format!(
                " ({})",
                l10n.text_with(
                    "check-accepted",
                    &[("by", a.by.clone().into()), ("at", a.at.clone().into())]
                )
            ));
        }
        out.line(&head)?;
        let label = |id: &str| l10n.text(id);
        if let Some(diff) = &f.diff {
            let mut old = String::new();
            let mut new = String::new();
            for part in diff {
                match part.op {
                    DiffOp::Equal => {
                        old.push_str(&part.text);
                        new.push_str(&part.text);
                    }
                    DiffOp::Delete if color => old.push_str(&paint(&part.text, "31;9", true)),
                    DiffOp::Delete => old.push_str(&format!("[-{}-]", part.text)),
                    DiffOp::Insert if color => new.push_str(&paint(&part.text, "32;4", true)),
                    DiffOp::Insert => new.push_str(&format!("{{+{}+}}", part.text)),
                }
            }
            out.line(&format!("{indent}{} {old}", label("check-label-old")))?;
            out.line(&format!("{indent}{} {new}", label("check-label-new")))?;
        } else if let Some(en) = &f.en {
            out.line(&format!("{indent}{} {en}", label("check-label-en")))?;
        }
        if let Some(vi) = &f.vi {
            out.line(&format!("{indent}{} {vi}", label("check-label-vi")))?;
        }
        if let Some(s) = &f.suggestion {
            out.line(&format!(
                "{indent}{} {}",
                l10n.text_with("check-label-suggestion", &[("score", s.score.into())]),
                s.vi
            ))?;
        }
        out.line(&format!("{indent}id {}", f.fingerprint()))?;
    }
    let s = run.report.summary(run.fail_on);
    let kinds = s
        .kinds
        .iter()
        .map(|(k, n)| {
            format!(
                "{} {n}",
                l10n.text(&format!("kind-{}", k.name().replace('_', "-")))
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let summary = l10n.text_with(
        "check-summary",
        &[
            ("units", s.units.into()),
            ("current", s.current.into()),
            ("stale", s.stale.into()),
            ("missing", s.missing.into()),
            ("orphaned", s.orphaned.into()),
            ("extra", s.extra.into()),
            ("failing", s.failing.into()),
            ("accepted", s.accepted.into()),
            ("added", s.added.into()),
            (
                "kinds",
                if kinds.is_empty() {
                    String::from("none")
                } else {
                    kinds
                }
                .into(),
            ),
        ],
    );
    out.line(&summary)?;
    Ok(())
}
