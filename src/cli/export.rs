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
use std::time::SystemTime;

use anyhow::Result;
use clap::{Args, ValueEnum};

use songngu::config::Config;
use songngu::export::manifest::MemoryFile;
use songngu::export::release::{ReleaseNames, ReleaseOptions, write_release};
use songngu::export::{self, Release, Stamp, Wording};
use songngu::fsio::{Input, Role};
use songngu::i18n::Localizer;

use super::check::{CheckArgs, CheckFormat, SeverityArg, render, run_check, write_human};
use super::exit::Exit;
use super::output::{Output, stderr_line};
use super::project::{self, user};
use super::targets;
use super::xliff::{XliffVersionArg, xliff_doc};

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
}

pub fn execute(args: &ExportArgs, l10n: &Localizer, out: &mut Output, color: bool) -> Result<Exit> {
    let config = project::load(l10n)?;
    // The output is checked before the work: never an input, the memory or the project,
    // and a release folder never holds one.
    let mut inputs = targets::project_inputs(&config);
    inputs.extend(targets::memories(&args.tm, &config));
    inputs.extend(targets::input(&args.en, Role::Article));
    inputs.extend(args.glossary.iter().map(|p| Input::new(p, Role::Glossary)));
    let target = match args.to {
        ExportFormat::Release => {
            targets::folder(l10n, &args.output, &inputs)?;
            None
        }
        _ => Some(targets::target(
            l10n,
            &args.output,
            &inputs,
            args.force_readonly,
        )?),
    };
    // With the document on standard output, the report goes to standard error.
    let mut status = target.as_ref().and_then(targets::status_output);
    let color = color && status.is_none();
    let check_args = CheckArgs {
        en: args.en.clone(),
        tm: args.tm.clone(),
        doc: args.doc.clone(),
        vi: None,
        format: CheckFormat::Text,
        glossary: args.glossary.clone(),
        fail_on: args.fail_on,
        accept: Vec::new(),
        reason: None,
        user: None,
        force_readonly: false,
    };
    let run = run_check(&check_args, &config, l10n)?;
    super::check::refuse_damaged(&run, l10n)?;
    let passes = run.report.passes(run.fail_on);
    if !run.report.findings.is_empty() {
        write_human(status.as_mut().unwrap_or(&mut *out), &run, l10n, color)?;
    }
    if !passes && !args.allow_drift {
        status.as_mut().unwrap_or(&mut *out).flush()?;
        stderr_line(&l10n.text_with(
            "cli-error",
            &[("message", l10n.text("export-refused").into())],
        ));
        return Ok(Exit::Findings);
    }

    let units = export::units_of_check(&run.units, &run.report, run.fail_on);
    let release = Release {
        doc_id: run.doc.clone().unwrap_or_default(),
        en: &run.document,
        units,
        allow_drift: args.allow_drift,
        fail_on: run.fail_on,
    };
    let stamp = Stamp {
        user: user(args.user.as_ref(), &config),
        now: SystemTime::now(),
    };
    let render_message = |e: &songngu::drift::report::Explanation| render(l10n, e);
    let wording = Wording {
        lang: l10n
            .locale()
            .tag()
            .split('-')
            .next()
            .unwrap_or("en")
            .to_owned(),
        en: l10n.text("export-wording-en"),
        vi: l10n.text("export-wording-vi"),
        legend: l10n.text("export-wording-legend"),
        stale: l10n.text("export-wording-stale"),
        missing: l10n.text("export-wording-missing"),
        finding: l10n.text("export-wording-finding"),
        accepted: l10n.text("export-wording-accepted"),
        message: Some(&render_message),
    };
    let xliff_bytes = || -> Result<Vec<u8>> {
        let mut bytes = Vec::new();
        songngu::xliff::write(
            &xliff_doc(&run, true, &config),
            args.xliff_version.into(),
            &mut bytes,
        )
        .map_err(|e| anyhow::anyhow!(super::errors::export_xliff_error(l10n, &e)))?;
        Ok(bytes)
    };
    let path = &args.output;
    // A single file is made whole in memory (an article's size), then written.
    let bytes = match args.to {
        ExportFormat::Vi => Some(export::vi::to_bytes(&release)),
        ExportFormat::BilingualHtml => {
            Some(to_bytes(|w| export::html::write(&release, &wording, w)))
        }
        ExportFormat::BilingualMd => {
            Some(to_bytes(|w| export::markdown::write(&release, &wording, w)))
        }
        ExportFormat::Tmx => {
            let mut options = export::tmx::TmxOptions::new(stamp.clone());
            options.source_lang = config.source.clone();
            options.target_lang = config.target.clone();
            Some(to_bytes(|w| export::tmx::write(&release, &options, w)))
        }
        ExportFormat::Xliff => Some(Ok(xliff_bytes()?)),
        ExportFormat::Release => None,
    };
    match (bytes, &target) {
        (Some(bytes), Some(target)) => {
            let bytes =
                bytes.map_err(|e| anyhow::anyhow!(super::errors::export_error(l10n, &e)))?;
            targets::write(l10n, out, target, |w| w.write_all(&bytes), |_| Ok(()))?;
        }
        _ => {
            let names = ReleaseNames::new(&release);
            let mut options = ReleaseOptions::new(stamp.clone());
            options.source_lang = config.source.clone();
            options.target_lang = config.target.clone();
            options.findings = &run.report.findings;
            options.memory = memory_files(args, &config, l10n)?;
            options.wording = wording;
            options.extra = vec![(format!("{}.xlf", names.base), xliff_bytes()?)];
            write_release(path, &release, &options)
                .map_err(|e| anyhow::anyhow!(super::errors::export_error(l10n, &e)))?;
        }
    }
    let report = status.as_mut().unwrap_or(out);
    report.line(&l10n.text_with(
        "export-written",
        &[("path", path.display().to_string().into())],
    ))?;
    if args.allow_drift && !passes {
        report.line(&l10n.text("export-with-drift"))?;
    }
    report.flush()?;
    Ok(Exit::Success)
}

/// What `write` writes, as bytes.
fn to_bytes(
    write: impl FnOnce(&mut Vec<u8>) -> Result<(), export::ExportError>,
) -> Result<Vec<u8>, export::ExportError> {
    let mut bytes = Vec::new();
    write(&mut bytes)?;
    Ok(bytes)
}

/// The memory files the check read, for the manifest: named as given on the command
/// line, or as written in `songngu.toml` (relative to the project's folder).
fn memory_files(args: &ExportArgs, config: &Config, l10n: &Localizer) -> Result<Vec<MemoryFile>> {
    let given: Vec<(String, &std::path::Path)> = if args.tm.is_empty() {
        config
            .memory
            .iter()
            .map(|p| {
                let name = p.strip_prefix(&config.root).unwrap_or(p);
                (name.display().to_string(), p.as_path())
            })
            .collect()
    } else {
        args.tm
            .iter()
            .map(|p| (p.display().to_string(), p.as_path()))
            .collect()
    };
    given
        .into_iter()
        .map(|(name, path)| {
            MemoryFile::read(name, path)
                .map_err(|e| anyhow::anyhow!(super::errors::read_error(l10n, path, &e)))
        })
        .collect()
}
