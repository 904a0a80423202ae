//! `songngu xliff export|import`: the units of an article that need work, to and from a
//! CAT tool (OmegaT, Trados, memoQ).

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};
use songngu::drift::update::{Put, put_unit_translation};

use songngu::config::Config;
use songngu::drift::check;
use songngu::drift::checks::CheckOptions;
use songngu::export::xliff::{Place, Verdict, place_units, verdict, work_document};
use songngu::fsio::Role;
use songngu::i18n::Localizer;
use songngu::input_limit::InputKind;
use songngu::memory::persist::LockWait;
use songngu::memory::store::{Memory, NewUnit, UpdateOptions};
use songngu::text::Lang;
use songngu::xliff::{self, Version, XliffDoc};

use super::check::{CheckArgs, CheckFormat, run_check};
use super::exit::Exit;
use super::input::read_units;
use super::output::Output;
use super::project::{self, target_memory, user};
use super::targets;

#[derive(Debug, Subcommand)]
pub enum XliffCommand {
    /// Write the units that need work as XLIFF.
    Export(XliffExportArgs),
    /// Store a translated XLIFF file in the memory.
    Import(XliffImportArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum XliffVersionArg {
    #[value(name = "2.0")]
    V2_0,
    #[value(name = "1.2")]
    V1_2,
}

impl From<XliffVersionArg> for Version {
    fn from(v: XliffVersionArg) -> Version {
        match v {
            XliffVersionArg::V2_0 => Version::V2_0,
            XliffVersionArg::V1_2 => Version::V1_2,
        }
    }
}

#[derive(Debug, Args)]
pub struct XliffExportArgs {
    #[arg(value_name = "EN")]
    pub en: PathBuf,
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,
    #[arg(long = "tm", value_name = "TM")]
    pub tm: Vec<PathBuf>,
    /// Where to write the XLIFF file.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: PathBuf,
    #[arg(long = "xliff-version", value_enum, default_value_t = XliffVersionArg::V2_0)]
    pub xliff_version: XliffVersionArg,
    /// Every unit, also those that need no work.
    #[arg(long)]
    pub all: bool,
    /// Replace the output even if it is read-only.
    #[arg(long)]
    pub force_readonly: bool,
}

#[derive(Debug, Args)]
pub struct XliffImportArgs {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The current English article (default: the project's article of the file's document).
    #[arg(long, value_name = "EN")]
    pub en: Option<PathBuf>,
    /// The memory file to write (default: the project's first).
    #[arg(long = "tm", value_name = "TM")]
    pub tm: Option<PathBuf>,
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Write the memory even if it is read-only.
    #[arg(long)]
    pub force_readonly: bool,
}

pub fn execute(command: &XliffCommand, l10n: &Localizer, out: &mut Output) -> Result<Exit> {
    match command {
        XliffCommand::Export(args) => export(args, l10n, out),
        XliffCommand::Import(args) => import(args, l10n, out),
    }
}

/// The XLIFF document of a checked article: the units that need work (all with `all`),
/// in the project's languages.
pub fn xliff_doc(run: &super::check::CheckRun, all: bool, config: &Config) -> XliffDoc {
    work_document(
        run.doc.as_deref().unwrap_or_default(),
        &run.units,
        &run.report,
        all,
        &config.source.to_string(),
        &config.target.to_string(),
    )
}

fn export(args: &XliffExportArgs, l10n: &Localizer, out: &mut Output) -> Result<Exit> {
    let config = project::load(l10n)?;
    // The output is checked before the work: never an input, the memory or the project.
    let mut inputs = targets::project_inputs(&config);
    inputs.extend(targets::memories(&args.tm, &config));
    inputs.extend(targets::input(&args.en, Role::Article));
    let target = targets::target(l10n, &args.output, &inputs, args.force_readonly)?;
    let mut status = targets::status_output(&target);
    let check_args = CheckArgs {
        en: args.en.clone(),
        tm: args.tm.clone(),
        doc: args.doc.clone(),
        vi: None,
        format: CheckFormat::Text,
        glossary: None,
        fail_on: None,
        accept: Vec::new(),
        reason: None,
        user: None,
        force_readonly: false,
    };
    let run = run_check(&check_args, &config, l10n)?;
    super::check::refuse_damaged(&run, l10n)?;
    let doc = xliff_doc(&run, args.all, &config);
    if doc.units.is_empty() {
        // An empty work file is of no use to a translator (and XLIFF 2.0 has no empty
        // file): say so, leave `--output` alone, and succeed.
        let report = status.as_mut().unwrap_or(&mut *out);
        report.line(&l10n.text_with(
            "xliff-nothing-to-do",
            &[
                ("en", args.en.display().to_string().into()),
                ("path", args.output.display().to_string().into()),
            ],
        ))?;
        report.flush()?;
        return Ok(Exit::Success);
    }
    let mut bytes = Vec::new();
    xliff::write(&doc, args.xliff_version.into(), &mut bytes).map_err(|e| {
        anyhow::anyhow!(l10n.text_with("error-xliff-write", &[("message", e.to_string().into())]))
    })?;
    targets::write(l10n, out, &target, |w| w.write_all(&bytes), |_| Ok(()))?;
    let report = status.as_mut().unwrap_or(out);
    report.line(&l10n.text_with(
        "xliff-exported",
        &[
            ("path", args.output.display().to_string().into()),
            ("units", doc.units.len().into()),
        ],
    ))?;
    report.flush()?;
    Ok(Exit::Success)
}

fn import(args: &XliffImportArgs, l10n: &Localizer, out: &mut Output) -> Result<Exit> {
    let config = project::load(l10n)?;
    let bytes = super::input::read(l10n, &args.file, InputKind::Xliff)?;
    let doc = xliff::read(&args.file, &bytes).map_err(|e| {
        anyhow::anyhow!(l10n.text_with("error-xliff", &[("message", e.to_string().into())]))
    })?;
    let file = args.file.display().to_string();
    // A file for another project, or one a tool relabelled, would file its units under
    // the wrong document or as the wrong language: refuse it before anything is written.
    if !songngu::config::valid_doc_id(&doc.doc) {
        anyhow::bail!(l10n.text_with("error-xliff-empty-doc", &[("file", file.into())]));
    }
    for (id, found, expected) in [
        ("error-xliff-source-lang", &doc.source_lang, &config.source),
        ("error-xliff-target-lang", &doc.target_lang, &config.target),
    ] {
        // A missing target language (optional in 1.2) says nothing against the file.
        let expected = expected.to_string();
        if !found.trim().is_empty() && !xliff::language_matches(found, &expected) {
            anyhow::bail!(l10n.text_with(
                id,
                &[
                    ("file", file.clone().into()),
                    ("found", found.clone().into()),
                    ("expected", expected.into()),
                ],
            ));
        }
    }
    let path = target_memory(args.tm.as_ref(), &config, l10n)?;
    let known = read_memory(&path, &config, l10n)?;
    let in_project = config.articles.iter().any(|a| a.doc == doc.doc);
    let docs = known.documents();
    if !in_project && !docs.contains(&doc.doc) {
        // Importing would start a document nobody asked for (a typo in `original`, a
        // file of another project); a new article is listed in the project first.
        anyhow::bail!(l10n.text_with(
            "error-xliff-unknown-doc",
            &[
                ("file", file.into()),
                ("doc", doc.doc.clone().into()),
                ("docs", docs.join(", ").into()),
            ],
        ));
    }
    let en_path = match &args.en {
        Some(p) => p.clone(),
        None => config
            .articles
            .iter()
            .find(|a| a.doc == doc.doc)
            .map(|a| a.path.clone())
            .ok_or_else(|| {
                anyhow::anyhow!(l10n.text_with(
                    "error-xliff-which-article",
                    &[("doc", doc.doc.clone().into())]
                ))
            })?,
    };
    let (_, units) = read_units(&en_path, Lang::En, l10n)?;
    // Where each unit stands now, and what a work file exported now writes for it (every
    // unit, as with `--all`): a returned unit is compared with that, target and state.
    // The states are what matters here: the cross-language checks would ask the memory
    // about every unit and change nothing of what is imported.
    let report = check::against_memory(&units, &known, &doc.doc, &CheckOptions::revision_only())
        .map_err(|e| super::errors::memory_error(l10n, e))?;
    drop(known);
    let exported = work_document(&doc.doc, &units, &report, true, "en", "vi");
    let places = place_units(&doc.units, &units, &report);
    let mut memory = Memory::open_for_update_with(
        std::slice::from_ref(&path),
        config.source.clone(),
        config.target.clone(),
        UpdateOptions {
            wait: LockWait::Wait(std::time::Duration::from_secs(60)),
            read_only: targets::read_only(args.force_readonly),
        },
    )
    .map_err(|e| super::errors::memory_error(l10n, e))?;
    memory
        .refuse_damaged()
        .map_err(|e| super::errors::memory_error(l10n, e))?;
    let user = user(args.user.as_ref(), &config);
    let (mut stored, mut unchanged, mut refused) = (0usize, 0usize, 0usize);
    let mut untranslated: Vec<&str> = Vec::new();
    let mut still_initial: Vec<&str> = Vec::new();
    for (x, place) in doc.units.iter().zip(&places) {
        let order = match *place {
            Place::Same(order) => order,
            Place::Changed(now) => {
                refused += 1;
                out.line(&l10n.text_with(
                    "xliff-refused-changed",
                    &[
                        ("unit", x.id.clone().into()),
                        ("was", x.en.clone().into()),
                        ("now", units[now].text.clone().into()),
                    ],
                ))?;
                continue;
            }
            Place::UnknownId(other) => {
                refused += 1;
                out.line(&l10n.text_with(
                    "xliff-refused-unknown-id",
                    &[
                        ("unit", x.id.clone().into()),
                        ("en", x.en.clone().into()),
                        ("other", units[other].id.clone().into()),
                    ],
                ))?;
                continue;
            }
            Place::Gone => {
                refused += 1;
                out.line(&l10n.text_with("xliff-refused-gone", &[("unit", x.id.clone().into())]))?;
                continue;
            }
        };
        let (vi, status, initial) = match verdict(x, &exported.units[order]) {
            Verdict::Store {
                vi,
                status,
                still_initial,
            } => (vi, status, still_initial),
            // As exported, text and state: writing it back would only name the importer
            // as the one who changed it and drop what the memory knows (its confidence).
            Verdict::Unchanged => {
                unchanged += 1;
                continue;
            }
            Verdict::NotTranslated => {
                untranslated.push(&x.id);
                continue;
            }
        };
        let put = put_unit_translation(
            &mut memory,
            &units,
            &NewUnit {
                doc: &doc.doc,
                unit: &x.id,
                order,
                source: &units[order].text,
                target: vi,
                status,
                user: &user,
            },
        )
        .map_err(|e| super::errors::memory_error(l10n, e))?;
        match put {
            Put::Unchanged => unchanged += 1,
            _ => {
                stored += 1;
                if initial {
                    still_initial.push(&x.id);
                }
            }
        }
    }
    memory
        .save()
        .map_err(|e| super::errors::memory_error(l10n, e))?;
    for (id, list) in [
        ("xliff-not-translated", &untranslated),
        ("xliff-stored-initial", &still_initial),
    ] {
        if !list.is_empty() {
            out.line(&l10n.text_with(
                id,
                &[
                    ("count", list.len().into()),
                    ("units", list.join(", ").into()),
                ],
            ))?;
        }
    }
    out.line(&l10n.text_with(
        "xliff-imported",
        &[
            ("path", path.display().to_string().into()),
            ("stored", stored.into()),
            ("unchanged", unchanged.into()),
            ("untranslated", untranslated.len().into()),
            ("refused", refused.into()),
        ],
    ))?;
    out.flush()?;
    Ok(if refused > 0 {
        Exit::Findings
    } else {
        Exit::Success
    })
}

/// The project's memories and `target` as they stand now, read only: the documents they
/// know, and what they hold for the article being imported. Memory files that do not
/// exist yet hold nothing.
fn read_memory(target: &PathBuf, config: &Config, l10n: &Localizer) -> Result<Memory> {
    let mut paths: Vec<PathBuf> = config.memory.clone();
    if !paths.contains(target) {
        paths.push(target.clone());
    }
    paths.retain(|p| p.exists());
    Memory::open(&paths, config.source.clone(), config.target.clone())
        .map_err(|e| super::errors::memory_error(l10n, e))
}
