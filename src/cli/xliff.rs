//! `songngu xliff export|import`: the units of an article that need work, to and from a
//! CAT tool (OmegaT, Trados, memoQ). `xliff export --for omegat --omegat-tm PATH` also
//! writes the memory as `tm export --for omegat` does, for the OmegaT project's
//! `tm/auto/` ([`songngu::flow::tm::omegat`]).

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};
use songngu::export::xliff::Dress;
use songngu::flow::tm::omegat::{self, OmegatMemoryRequest};
use songngu::flow::work_file::{self, ExportRequest, ImportRequest, Imported, Refused};
use songngu::fsio::{Input, Role};
use songngu::i18n::Localizer;
use songngu::project::input;
use songngu::xliff::{State, Version};

use super::context::Context;
use super::errors::{MemoryNamed, flow_error, tm_memory_error};
use super::exit::Exit;
use super::notices;
use super::output::Output;
use super::retired;
use super::targets;
use super::values::{CatToolArg, XliffVersionArg, read_only};
use songngu::wording::context_labels;

#[derive(Debug, Subcommand)]
pub enum XliffCommand {
    /// Write the units that need work as XLIFF.
    Export(XliffExportArgs),
    /// Store a translated XLIFF file in the memory.
    Import(XliffImportArgs),
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
    /// No context notes (the sentences before and after each unit, its heading).
    #[arg(long)]
    pub no_context: bool,
    /// Made for a CAT tool: `omegat` writes XLIFF 1.2 with every unit's `<target>`
    /// filled (the memory's translation, else a copy of the English).
    #[arg(long = "for", value_enum, value_name = "TOOL")]
    pub for_tool: Option<CatToolArg>,
    /// With `--for omegat`: also write the memory for OmegaT's `tm/auto/` here, as
    /// `tm export --for omegat` does.
    #[arg(long = "omegat-tm", value_name = "PATH", requires = "for_tool")]
    pub omegat_tm: Option<PathBuf>,
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

pub fn execute(command: &XliffCommand, ctx: &Context, out: &mut Output) -> Result<Exit> {
    match command {
        XliffCommand::Export(args) => export(args, ctx, out),
        XliffCommand::Import(args) => import(args, ctx, out),
    }
}

fn export(args: &XliffExportArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let project = ctx.project()?;
    // The output is checked before the work: never an input, the memory or the project.
    let mut inputs = project.protected_files();
    inputs.extend(project.memory_inputs(&args.tm));
    inputs.extend(input(&args.en, Role::Article));
    let target = targets::target(l10n, &args.output, &inputs, args.force_readonly)?;
    let omegat_tm = omegat_memory_request(args, &inputs);
    if let Some(request) = &omegat_tm {
        omegat::check(&project, request).map_err(|e| omegat_error(l10n, e))?;
    }
    let mut status = targets::status_output(&target);
    let request = export_request(args, l10n);
    let doc = work_file::export(&project, &request, &mut notices::Stderr(l10n))
        .map_err(|e| flow_error(l10n, e))?;
    let path = args.output.display().to_string();
    if doc.units.is_empty() {
        // An empty work file is of no use to a translator (and XLIFF 2.0 has no empty
        // file): say so, leave `--output` (and `--omegat-tm`) alone, and succeed.
        let en = args.en.display().to_string();
        let args = [("en", en.into()), ("path", path.into())];
        let report = status.as_mut().unwrap_or(&mut *out);
        report.line(&l10n.text_with("xliff-nothing-to-do", &args))?;
        report.flush()?;
        return Ok(Exit::Success);
    }
    // OmegaT 3.6 reads no XLIFF 2.0.
    let version = match args.for_tool {
        Some(CatToolArg::Omegat) => Version::V1_2,
        None => args.xliff_version.into(),
    };
    let bytes = work_file::to_bytes(&doc, version).map_err(|e| flow_error(l10n, e))?;
    targets::write(l10n, out, &target, |w| w.write_all(&bytes), |_| Ok(()))?;
    let report = status.as_mut().unwrap_or(out);
    // With `--all` the file also holds units that need no work: say how many do.
    let work = doc.units.iter().filter(|u| needs_work(u.state)).count();
    let all = if work == doc.units.len() { "yes" } else { "no" };
    let args = [
        ("path", path.into()),
        ("units", doc.units.len().into()),
        ("work", work.into()),
        ("all", all.into()),
    ];
    report.line(&l10n.text_with("xliff-exported", &args))?;
    let exit = match omegat_tm {
        Some(request) => write_omegat_tm(&project, &request, l10n, report)?,
        None => Exit::Success,
    };
    report.flush()?;
    Ok(exit)
}

/// Writes the OmegaT memory `request` asks for, after the work file, and says so;
/// exit 2 when the memory had damaged TUs (left out), as `tm export` says.
fn write_omegat_tm(
    project: &songngu::project::Project,
    request: &OmegatMemoryRequest,
    l10n: &Localizer,
    report: &mut Output,
) -> Result<Exit> {
    let written = omegat::write(project, request, &mut notices::Stderr(l10n))
        .map_err(|e| omegat_error(l10n, e))?;
    let path = request.output.display().to_string();
    let args = [("path", path.into()), ("tus", written.tus.into())];
    report.line(&l10n.text_with("xliff-omegat-tm-written", &args))?;
    Ok(if written.damaged {
        Exit::Error
    } else {
        Exit::Success
    })
}

/// The work file `args` ask for: inline codes always, context notes unless
/// `--no-context`, source copies for OmegaT.
fn export_request(args: &XliffExportArgs, l10n: &Localizer) -> ExportRequest {
    ExportRequest {
        en: args.en.clone(),
        doc: args.doc.clone(),
        tm: args.tm.clone(),
        all: args.all,
        dress: Dress {
            codes: true,
            context: !args.no_context,
            source_copies: args.for_tool == Some(CatToolArg::Omegat),
            labels: context_labels(l10n),
        },
    }
}

/// The OmegaT memory `--omegat-tm` asks for, of the memory the work file is made from;
/// it must replace neither `inputs` nor the work file.
fn omegat_memory_request(args: &XliffExportArgs, inputs: &[Input]) -> Option<OmegatMemoryRequest> {
    let output = args.omegat_tm.clone()?;
    let mut protected = inputs.to_vec();
    protected.push(Input::new(&args.output, Role::WorkFile));
    Some(OmegatMemoryRequest {
        tm: args.tm.clone(),
        output,
        protected,
        read_only: read_only(args.force_readonly),
    })
}

/// A memory the OmegaT memory cannot be made of is named as `xliff export` takes one.
fn omegat_error(l10n: &Localizer, error: songngu::flow::FlowError) -> anyhow::Error {
    tm_memory_error(l10n, error, MemoryNamed::TmOption)
}

/// Whether a unit in this state is work for the translator: not translated yet, or
/// translated and waiting for review.
fn needs_work(state: State) -> bool {
    matches!(state, State::Initial | State::NeedsReview)
}

fn import(args: &XliffImportArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let project = ctx.project()?;
    let request = ImportRequest {
        file: args.file.clone(),
        en: args.en.clone(),
        tm: args.tm.clone(),
        user: args.user.clone(),
        read_only: read_only(args.force_readonly),
    };
    let imported = work_file::import(&project, &request).map_err(|e| flow_error(l10n, e))?;
    write_imported(out, &imported, l10n)?;
    out.flush()?;
    Ok(if imported.refused.is_empty() {
        Exit::Success
    } else {
        Exit::Findings
    })
}

/// Why a returned unit was not stored.
fn refused_line(refused: &Refused, l10n: &Localizer) -> String {
    match refused {
        Refused::Changed { unit, was, now } => l10n.text_with(
            "xliff-refused-changed",
            &[
                ("unit", unit.clone().into()),
                ("was", was.clone().into()),
                ("now", now.clone().into()),
            ],
        ),
        Refused::UnknownId { unit, en, other } => l10n.text_with(
            "xliff-refused-unknown-id",
            &[
                ("unit", unit.clone().into()),
                ("en", en.clone().into()),
                ("other", other.clone().into()),
            ],
        ),
        Refused::Gone { unit } => {
            l10n.text_with("xliff-refused-gone", &[("unit", unit.clone().into())])
        }
        Refused::Codes {
            unit,
            missing,
            unexpected,
        } => {
            let quoted = |codes: &[String]| {
                let quoted: Vec<String> = codes.iter().map(|c| format!("“{c}”")).collect();
                quoted.join(", ")
            };
            l10n.text_with(
                "xliff-refused-codes",
                &[
                    ("unit", unit.clone().into()),
                    ("missing", quoted(missing).into()),
                    ("unexpected", quoted(unexpected).into()),
                    ("altered", (!unexpected.is_empty()).to_string().into()),
                ],
            )
        }
    }
}

/// What an import did: each refused unit, the units left untranslated or still initial,
/// and the counts.
fn write_imported(out: &mut Output, imported: &Imported, l10n: &Localizer) -> Result<()> {
    for refused in &imported.refused {
        out.line(&refused_line(refused, l10n))?;
    }
    for (id, list) in [
        ("xliff-not-translated", &imported.untranslated),
        ("xliff-stored-initial", &imported.still_initial),
    ] {
        if !list.is_empty() {
            let args = [
                ("count", list.len().into()),
                ("units", list.join(", ").into()),
            ];
            out.line(&l10n.text_with(id, &args))?;
        }
    }
    let path = imported.path.display().to_string();
    out.line(&l10n.text_with(
        "xliff-imported",
        &[
            ("path", path.into()),
            ("stored", imported.stored.into()),
            ("unchanged", imported.unchanged.into()),
            ("untranslated", imported.untranslated.len().into()),
            ("refused", imported.refused.len().into()),
        ],
    ))?;
    retired::write(out, &imported.retired, l10n)?;
    Ok(())
}
