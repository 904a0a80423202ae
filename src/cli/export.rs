//! `songngu export <EN> --doc ID --to <FORMAT> -o <PATH>`: the bilingual release.
//!
//! The drift check runs first; while findings at the failing severity remain, the export
//! is refused (exit 1, the findings listed) unless `--allow-drift`, which the manifest
//! records. Every file is written to a temp file or folder and renamed into place, so a
//! failed export leaves nothing half-written. `-o` is checked first (see
//! [`super::targets`]): never an input, the memory or a project file, links followed,
//! FIFOs and devices written as streams, `-` standard output (the report then goes to
//! standard error).

use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};
use songngu::flow::release::{ReleaseRequest, SingleFormat, prepare};
use songngu::fsio::{Input, OutputTarget, Role};
use songngu::project::{Project, input};

use super::check_report::{self, render};
use super::context::Context;
use super::errors::flow_error;
use super::exit::Exit;
use super::notices;
use super::output::{Output, stderr_line};
use super::targets;
use super::values::{SeverityArg, XliffVersionArg};
use songngu::wording::wording;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Vi,
    BilingualHtml,
    BilingualMd,
    Tmx,
    Xliff,
    Release,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(value_name = "EN")]
    pub en: PathBuf,
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,
    #[arg(long = "to", value_enum, value_name = "FORMAT")]
    pub to: ExportFormat,
    /// The file (or, for `release`, the folder) to write.
    #[arg(short = 'o', long = "output", value_name = "PATH")]
    pub output: PathBuf,
    /// Export even though the check finds drift (recorded in the manifest).
    #[arg(long)]
    pub allow_drift: bool,
    #[arg(long = "tm", value_name = "TM")]
    pub tm: Vec<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub glossary: Option<PathBuf>,
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on: Option<SeverityArg>,
    #[arg(long = "xliff-version", value_enum, default_value_t = XliffVersionArg::V2_0)]
    pub xliff_version: XliffVersionArg,
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Replace the output even if it is read-only.
    #[arg(long)]
    pub force_readonly: bool,
    /// List the retired old translations too.
    #[arg(long)]
    pub show_obsolete: bool,
}

impl ExportArgs {
    fn request(&self) -> ReleaseRequest {
        ReleaseRequest {
            en: self.en.clone(),
            doc: self.doc.clone(),
            tm: self.tm.clone(),
            glossary: self.glossary.clone(),
            fail_on: self.fail_on.map(Into::into),
            allow_drift: self.allow_drift,
            user: self.user.clone(),
            show_obsolete: self.show_obsolete,
        }
    }

    /// The single file to write, or `None` for a release folder.
    fn single_format(&self) -> Option<SingleFormat> {
        Some(match self.to {
            ExportFormat::Vi => SingleFormat::Vi,
            ExportFormat::BilingualHtml => SingleFormat::BilingualHtml,
            ExportFormat::BilingualMd => SingleFormat::BilingualMd,
            ExportFormat::Tmx => SingleFormat::Tmx,
            ExportFormat::Xliff => SingleFormat::Xliff(self.xliff_version.into()),
            ExportFormat::Release => return None,
        })
    }

    /// Everything the output must not be: the project's files and this command's inputs.
    fn inputs(&self, project: &Project) -> Vec<Input> {
        let mut inputs = project.protected_files();
        inputs.extend(project.memory_inputs(&self.tm));
        inputs.extend(input(&self.en, Role::Article));
        inputs.extend(self.glossary.iter().map(|p| Input::new(p, Role::Glossary)));
        inputs
    }
}

pub fn execute(args: &ExportArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let project = ctx.project()?;
    // The output is checked before the work: never an input, the memory or the project,
    // and a release folder never holds one.
    let inputs = args.inputs(&project);
    let target: Option<OutputTarget> = match args.single_format() {
        None => {
            targets::folder(l10n, &args.output, &inputs)?;
            None
        }
        Some(_) => Some(targets::target(
            l10n,
            &args.output,
            &inputs,
            args.force_readonly,
        )?),
    };
    // With the document on standard output, the report goes to standard error.
    let mut status = target.as_ref().and_then(targets::status_output);
    let color = ctx.color && status.is_none();
    let prepared = prepare(&project, &args.request(), &mut notices::Stderr(l10n))
        .map_err(|e| flow_error(l10n, e))?;
    let article = &prepared.checked.article;
    if !article.report.findings.is_empty() {
        check_report::write(status.as_mut().unwrap_or(&mut *out), article, l10n, color)?;
    }
    if prepared.refused() {
        status.as_mut().unwrap_or(&mut *out).flush()?;
        let refused = l10n.text("export-refused");
        stderr_line(&l10n.text_with("cli-error", &[("message", refused.into())]));
        return Ok(Exit::Findings);
    }
    let render_message = |e: &songngu::drift::report::Explanation| render(l10n, e);
    let wording = wording(l10n, &render_message);
    match (args.single_format(), &target) {
        (Some(format), Some(target)) => {
            let bytes = prepared
                .file(&project, format, &wording)
                .map_err(|e| flow_error(l10n, e))?;
            targets::write(l10n, out, target, |w| w.write_all(&bytes), |_| Ok(()))?;
        }
        _ => {
            let version = args.xliff_version.into();
            prepared
                .write_folder(&project, &args.output, wording, version)
                .map_err(|e| flow_error(l10n, e))?;
        }
    }
    let report = status.as_mut().unwrap_or(out);
    let path = args.output.display().to_string();
    report.line(&l10n.text_with("export-written", &[("path", path.into())]))?;
    if !prepared.passes() {
        report.line(&l10n.text("export-with-drift"))?;
    }
    report.flush()?;
    Ok(Exit::Success)
}
