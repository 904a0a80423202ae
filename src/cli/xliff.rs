//! `songngu xliff export|import`: the units of an article that need work, to and from a
//! CAT tool (OmegaT, Trados, memoQ).

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};
use songngu::drift::update::{Put, put_translation};

use songngu::config::Config;
use songngu::drift::check::{self, Status};
use songngu::drift::checks::CheckOptions;
use songngu::export::xliff::{Place, Verdict, place_units, verdict, work_document};
use songngu::fsio::Role;
use songngu::i18n::Localizer;
use songngu::memory::persist::LockWait;
use songngu::memory::store::{Memory, NewUnit, UpdateOptions};
use songngu::segment::Lang;
use songngu::xliff::{self, Version, XliffDoc};

use super::check::{CheckArgs, CheckFormat, project, read_units, run_check};
use super::exit::Exit;
use super::output::Output;
use super::targets;
use super::update::{target_memory, user};

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
    let config = project(l10n)?;
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
    let config = project(l10n)?;
    let bytes = std::fs::read(&args.file)
        .map_err(|e| anyhow::anyhow!(super::errors::read_error(l10n, &args.file, &e)))?;
    let doc = xliff::read(&args.file, &bytes).map_err(|e| {
        anyhow::anyhow!(l10n.text_with("error-xliff", &[("message", e.to_string().into())]))
    })?;
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
    let path = target_memory(args.tm.as_ref(), &config, l10n)?;
    let report = check_now(&units, &doc.doc, &path, &config, l10n)?;
    // What `xliff export` writes for each unit that needs work now: the Vietnamese a
    // returned target is compared with. Current units have none: their Vietnamese is a
    // translation, and storing it again changes nothing.
    let exported = work_document(&doc.doc, &units, &report, true, "en", "vi");
    let exported_vi = |order: usize| {
        (report.status[order] != Status::Current)
            .then(|| exported.units[order].vi.as_deref())
            .flatten()
    };
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
    .map_err(|e| super::tm::memory_error(l10n, e))?;
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
            Place::Gone => {
                refused += 1;
                out.line(&l10n.text_with("xliff-refused-gone", &[("unit", x.id.clone().into())]))?;
                continue;
            }
        };
        let Verdict::Store {
            vi,
            status,
            still_initial: initial,
        } = verdict(x, exported_vi(order))
        else {
            untranslated.push(&x.id);
            continue;
        };
        let put = put_translation(
            &mut memory,
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
        .map_err(|e| super::tm::memory_error(l10n, e))?;
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
        .map_err(|e| super::tm::memory_error(l10n, e))?;
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

/// The check of `units` (document `doc`) against the project's memories and `target` as
/// it stands now, without the project's settings: where each unit stands, and what a work
/// file exported now would offer for it. Memory files that do not exist yet hold nothing.
fn check_now(
    units: &[songngu::segment::Unit],
    doc: &str,
    target: &PathBuf,
    config: &Config,
    l10n: &Localizer,
) -> Result<check::Report> {
    let mut paths: Vec<PathBuf> = config.memory.clone();
    if !paths.contains(target) {
        paths.push(target.clone());
    }
    paths.retain(|p| p.exists());
    let memory = Memory::open(&paths, config.source.clone(), config.target.clone())
        .map_err(|e| super::tm::memory_error(l10n, e))?;
    check::against_memory(units, &memory, doc, &CheckOptions::default())
        .map_err(|e| super::tm::memory_error(l10n, e))
}
