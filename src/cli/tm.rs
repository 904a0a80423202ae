//! `songngu tm ...`: the translation memory.
//!
//! - `tm stats <TM>`: streams the file and counts TUs, languages, props, notes, problems.
//! - `tm validate <TM>`: the same, listing every problem; exit 1 when there are any.
//! - `tm convert <IN> -o <OUT>`: reads any TMX 1.1-1.4b and writes TMX 1.4b in UTF-8.
//! - `tm lookup <TM> [TEXT] [--queries FILE]`: exact and fuzzy matches.
//! - `tm concordance <TM> <PHRASE>`: a word or phrase in the sources (or targets).
//! - `tm import <FILE> --into <TM>`: merge a foreign TMX, with a report; `--dry-run`.
//! - `tm export <TM> -o <OUT>`: write the memory (or one document's TUs) as TMX 1.4b.
//! - `tm compact <TM>`: write the memory's journal of changes into its TMX.
//!
//! A memory file's journal (`<TM>.journal`, see [`songngu::memory::journal`]) is part of
//! it: `stats`, `validate`, `export` and `convert` read the TMX with its journal applied,
//! as every command that loads a memory does.
//!
//! `-o` of `convert` and `export` is checked first (see [`super::targets`]): never an
//! input, the memory or a project file; `-` is standard output.
//!
//! JSON output (`--format json`) is JSON Lines and never localized:
//! - stats/validate: one object `{"file","version","encoding","tus","tuvs","languages",
//!   "props","notes","problems"}` (and `"journal": {"path","changes"}` when the file has
//!   a journal), then (validate) one `{"problem": {...}}` per problem;
//! - lookup: one object per query `{"query","matches":[{"score","band","source","target",
//!   "tuid","file","doc","unit","changed","diff"}]}`;
//! - concordance: one object per hit `{"tuid","source","target","ranges","file"}`;
//! - import: one object, the report.
//!
//! Exit codes: 0 success; 1 problems found (`validate`); 2 error, including a TMX with
//! damaged TUs (the rest is still reported).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};
use songngu::fsio::{Input, OutputTarget, Role};
use songngu::i18n::Localizer;
use songngu::input_limit::InputKind;
use songngu::memory::fuzzy;
use songngu::memory::import::{self, DuplicatePolicy};
use songngu::memory::journal::MemoryTus;
use songngu::memory::lookup::Match;
use songngu::memory::persist::LockWait;
use songngu::memory::store::{Memory, UpdateOptions};
use songngu::memory::write;
use songngu::tmx::{self, Severity};
use unic_langid::LanguageIdentifier;

use super::context::Context;
use super::errors;
use super::exit::Exit;
use super::output::{Output, stderr_line};
use super::targets;
use super::values::read_only;

#[derive(Debug, Subcommand)]
pub enum TmCommand {
    Stats(StatsArgs),
    Validate(StatsArgs),
    Convert(ConvertArgs),
    Lookup(LookupArgs),
    Concordance(ConcordanceArgs),
    Import(ImportArgs),
    Export(ExportArgs),
    Compact(CompactArgs),
}

#[derive(Debug, Args)]
pub struct CompactArgs {
    #[arg(value_name = "TM")]
    pub tm: PathBuf,
    /// Fail at once when another songngu process is writing the memory, instead of waiting.
    #[arg(long)]
    pub no_wait: bool,
    /// Write the memory even if it is read-only.
    #[arg(long)]
    pub force_readonly: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

/// The memory's language pair.
#[derive(Debug, Args)]
pub struct Languages {
    #[arg(long, value_name = "LANG", default_value = "en")]
    pub source_lang: LanguageIdentifier,
    #[arg(long, value_name = "LANG", default_value = "vi")]
    pub target_lang: LanguageIdentifier,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    #[arg(value_name = "TM")]
    pub tm: PathBuf,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct ConvertArgs {
    #[arg(value_name = "IN")]
    pub input: PathBuf,
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Replace the output even if it is read-only.
    #[arg(long)]
    pub force_readonly: bool,
}

#[derive(Debug, Args)]
pub struct LookupArgs {
    #[arg(value_name = "TM")]
    pub tm: PathBuf,
    #[arg(value_name = "TEXT")]
    pub text: Option<String>,
    #[arg(long, value_name = "FILE")]
    pub queries: Option<PathBuf>,
    #[arg(long, value_name = "SCORE", default_value_t = 75, value_parser = clap::value_parser!(u8).range(0..=100))]
    pub min: u8,
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub languages: Languages,
}

#[derive(Debug, Args)]
pub struct ConcordanceArgs {
    #[arg(value_name = "TM")]
    pub tm: PathBuf,
    #[arg(value_name = "PHRASE")]
    pub phrase: String,
    /// Search the translations instead of the sources.
    #[arg(long)]
    pub target: bool,
    #[arg(long)]
    pub ignore_diacritics: bool,
    #[arg(long)]
    pub case_sensitive: bool,
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub languages: Languages,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Duplicates {
    KeepNewest,
    KeepAll,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    #[arg(long, value_name = "TM")]
    pub into: PathBuf,
    #[arg(long)]
    pub dry_run: bool,
    #[arg(long, value_enum, default_value_t = Duplicates::KeepNewest)]
    pub duplicates: Duplicates,
    /// Fail at once when another songngu process is writing the memory, instead of waiting.
    #[arg(long)]
    pub no_wait: bool,
    /// Write the memory even if it is read-only.
    #[arg(long)]
    pub force_readonly: bool,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub languages: Languages,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(value_name = "TM")]
    pub tm: PathBuf,
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Only the TUs of this document.
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,
    /// Replace the output even if it is read-only.
    #[arg(long)]
    pub force_readonly: bool,
}

pub fn execute(command: &TmCommand, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    match command {
        TmCommand::Stats(args) => stats(args, false, l10n, out),
        TmCommand::Validate(args) => stats(args, true, l10n, out),
        TmCommand::Convert(args) => convert(args, ctx, out),
        TmCommand::Lookup(args) => lookup(args, ctx, out),
        TmCommand::Concordance(args) => concordance(args, l10n, out),
        TmCommand::Import(args) => import_command(args, l10n, out),
        TmCommand::Export(args) => export(args, ctx, out),
        TmCommand::Compact(args) => compact(args, l10n, out),
    }
}

#[derive(Debug, Default, serde::Serialize)]
struct Stats {
    file: PathBuf,
    version: String,
    encoding: String,
    tus: usize,
    tuvs: usize,
    languages: BTreeMap<String, usize>,
    props: BTreeMap<String, usize>,
    notes: usize,
    problems: usize,
    errors: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    journal: Option<JournalStats>,
}

#[derive(Debug, serde::Serialize)]
struct JournalStats {
    path: PathBuf,
    changes: usize,
}

fn stats(args: &StatsArgs, validate: bool, l10n: &Localizer, out: &mut Output) -> Result<Exit> {
    let mut reader = MemoryTus::open(&args.tm).map_err(|e| errors::memory_error(l10n, e))?;
    let mut stats = Stats {
        file: args.tm.clone(),
        version: reader.version().to_owned(),
        encoding: reader.encoding().to_string(),
        journal: reader.journal_path().map(|path| JournalStats {
            path: path.to_owned(),
            changes: reader.journal_changes(),
        }),
        ..Stats::default()
    };
    while let Some(tu) = reader
        .next_tu()
        .map_err(|e| errors::memory_error(l10n, e))?
    {
        stats.tus += 1;
        let tu = &tu;
        count_meta(&mut stats, &tu.meta);
        for tuv in &tu.tuvs {
            stats.tuvs += 1;
            *stats
                .languages
                .entry(tuv.lang_raw().unwrap_or("?").to_owned())
                .or_default() += 1;
            count_meta(&mut stats, &tuv.meta);
        }
    }
    let problems = reader.problems();
    stats.problems = problems.len();
    stats.errors = problems
        .iter()
        .filter(|(_, p)| p.severity == Severity::Error)
        .count();
    match args.format {
        Format::Json => {
            out.json_line(&stats)?;
            if validate {
                for (_, problem) in &problems {
                    out.json_line(&serde_json::json!({ "problem": problem }))?;
                }
            }
        }
        Format::Text => {
            let languages = counts(l10n, &stats.languages);
            out.line(&l10n.text_with(
                "tm-stats-summary",
                &[
                    ("path", args.tm.display().to_string().into()),
                    ("version", stats.version.clone().into()),
                    ("encoding", stats.encoding.clone().into()),
                    ("tus", stats.tus.into()),
                    ("tuvs", stats.tuvs.into()),
                    ("notes", stats.notes.into()),
                    ("problems", stats.problems.into()),
                ],
            ))?;
            out.line(&l10n.text_with("tm-stats-languages", &[("languages", languages.into())]))?;
            if !stats.props.is_empty() {
                let props = counts(l10n, &stats.props);
                out.line(&l10n.text_with("tm-stats-props", &[("props", props.into())]))?;
            }
            if let Some(journal) = &stats.journal {
                out.line(&l10n.text_with(
                    "tm-stats-journal",
                    &[
                        ("journal", journal.path.display().to_string().into()),
                        ("changes", journal.changes.into()),
                    ],
                ))?;
            }
        }
    }
    out.flush()?;
    if validate || stats.errors > 0 {
        for (path, problem) in &problems {
            if validate || problem.severity == Severity::Error {
                // The TMX's problems name it as given; the journal's name the journal.
                let path = if path == reader.tmx_path() {
                    args.tm.as_path()
                } else {
                    path.as_path()
                };
                errors::print_problem(l10n, path, problem);
            }
        }
    }
    Ok(if stats.errors > 0 {
        Exit::Error
    } else if validate && stats.problems > 0 {
        Exit::Findings
    } else {
        Exit::Success
    })
}

/// `en (3), vi (1.200)`: names with their counts, numbers written for the UI language.
fn counts(l10n: &Localizer, counted: &BTreeMap<String, usize>) -> String {
    counted
        .iter()
        .map(|(name, n)| format!("{name} ({})", l10n.number(*n as f64)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn count_meta(stats: &mut Stats, meta: &[tmx::Meta]) {
    for item in meta {
        match item {
            tmx::Meta::Prop(prop) => {
                let kind = prop
                    .attrs
                    .iter()
                    .find(|a| a.name == "type")
                    .map_or("?", |a| a.value.as_str());
                *stats.props.entry(kind.to_owned()).or_default() += 1;
            }
            tmx::Meta::Note(_) => stats.notes += 1,
        }
    }
}

fn convert(args: &ConvertArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let mut inputs = targets::project_inputs_if_any(ctx);
    inputs.push(Input::new(&args.input, Role::Input));
    let target = targets::target(l10n, &args.output, &inputs, args.force_readonly)?;
    let (count, damaged) = copy_tmx(l10n, out, &args.input, &target, |_| true, |_| Ok(()))?;
    stderr_line(&l10n.text_with(
        "tm-converted",
        &[
            ("path", args.output.display().to_string().into()),
            ("tus", count.into()),
        ],
    ));
    Ok(if damaged { Exit::Error } else { Exit::Success })
}

/// How many documents an error lists before it says how many more there are.
const LISTED_DOCS: usize = 20;

fn export(args: &ExportArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    if let Some(doc) = &args.doc
        && !songngu::project::config::valid_doc_id(doc)
    {
        anyhow::bail!(l10n.text_with("error-empty-doc", &[("option", "--doc".into())]));
    }
    // Every document the memory holds, to name them when the one asked for is not there.
    let seen = std::cell::RefCell::new(std::collections::BTreeSet::<String>::new());
    let keep = |tu: &tmx::Tu| {
        let of = tu.prop(songngu::memory::record::props::DOC);
        match &args.doc {
            None => true,
            Some(doc) => {
                if let Some(of) = of {
                    seen.borrow_mut().insert(of.to_owned());
                }
                of == Some(doc.as_str())
            }
        }
    };
    // An unknown document is a typo or the wrong memory: an empty file in its place
    // (exit 0) would pass for a document without units, so write nothing and say so.
    let refuse_unknown = |tus: &[tmx::Tu]| -> Result<()> {
        let Some(doc) = args.doc.as_deref().filter(|_| tus.is_empty()) else {
            return Ok(());
        };
        let seen = seen.borrow();
        let mut docs: Vec<String> = seen.iter().take(LISTED_DOCS).cloned().collect();
        if seen.len() > LISTED_DOCS {
            docs.push(l10n.text_with(
                "tm-export-more-docs",
                &[("count", (seen.len() - LISTED_DOCS).into())],
            ));
        }
        anyhow::bail!(l10n.text_with(
            "error-tm-export-unknown-doc",
            &[
                ("path", args.tm.display().to_string().into()),
                ("doc", doc.to_owned().into()),
                ("count", seen.len().into()),
                ("docs", docs.join(", ").into()),
            ],
        ))
    };
    let mut inputs = targets::project_inputs_if_any(ctx);
    inputs.push(Input::new(&args.tm, Role::Memory));
    let target = targets::target(l10n, &args.output, &inputs, args.force_readonly)?;
    let (count, damaged) = copy_tmx(l10n, out, &args.tm, &target, keep, refuse_unknown)?;
    stderr_line(&l10n.text_with(
        "tm-exported",
        &[
            ("path", args.output.display().to_string().into()),
            ("tus", count.into()),
        ],
    ));
    Ok(if damaged { Exit::Error } else { Exit::Success })
}

/// Streams `input`, keeps the TUs `keep` accepts and writes them to `output` as TMX 1.4b
/// in UTF-8 (a file atomically, checking the result reads back whole; a stream or
/// standard output as it goes), unless `before_write` refuses the TUs kept (then nothing
/// is written). Problems of `input` go to stderr. Returns the number of TUs written and
/// whether `input` had damaged TUs.
fn copy_tmx(
    l10n: &Localizer,
    out: &mut Output,
    input: &Path,
    output: &OutputTarget,
    keep: impl Fn(&tmx::Tu) -> bool,
    before_write: impl FnOnce(&[tmx::Tu]) -> Result<()>,
) -> Result<(usize, bool)> {
    let mut reader = MemoryTus::open(input).map_err(|e| errors::memory_error(l10n, e))?;
    let header = reader.header().clone();
    let mut tus = Vec::new();
    while let Some(tu) = reader
        .next_tu()
        .map_err(|e| errors::memory_error(l10n, e))?
    {
        if keep(&tu) {
            tus.push(tu);
        }
    }
    let problems: Vec<tmx::Problem> = reader.problems().into_iter().map(|(_, p)| p).collect();
    // After the TUs: namespace declarations of `<body>` are moved to the root.
    let root_attrs = reader.root_attrs().to_vec();
    for (path, problem) in reader.problems() {
        let path = if path == reader.tmx_path() {
            input
        } else {
            path.as_path()
        };
        errors::print_problem(l10n, path, &problem);
    }
    before_write(&tus)?;
    write::check_tus_writable(output.path(), &tus).map_err(|e| errors::memory_error(l10n, e))?;
    targets::write(
        l10n,
        out,
        output,
        |w| write::write_tmx(w, &root_attrs, &header, &tus),
        |written| write::verify_tmx(written, &tus),
    )?;
    Ok((
        tus.len(),
        problems.iter().any(|p| p.severity == Severity::Error),
    ))
}

fn open_memory(l10n: &Localizer, tm: &Path, languages: &Languages) -> Result<Memory> {
    let memory = Memory::open(
        &[tm.to_owned()],
        languages.source_lang.clone(),
        languages.target_lang.clone(),
    )
    .map_err(|e| errors::memory_error(l10n, e))?;
    errors::report_problems(l10n, &memory);
    Ok(memory)
}

fn damaged(memory: &Memory) -> bool {
    memory
        .problems()
        .iter()
        .any(|p| p.problem.severity == Severity::Error)
}

#[derive(serde::Serialize)]
struct LookupLine<'a> {
    query: &'a str,
    matches: Vec<JsonMatch>,
}

#[derive(serde::Serialize)]
struct JsonMatch {
    #[serde(flatten)]
    found: Match,
    band: &'static str,
    diff: Vec<fuzzy::DiffPart>,
}

fn band_name(score: u8) -> &'static str {
    match fuzzy::band(score) {
        Some(fuzzy::Band::Exact) => "exact",
        Some(fuzzy::Band::High) => "high",
        Some(fuzzy::Band::Good) => "good",
        Some(fuzzy::Band::Fair) => "fair",
        Some(fuzzy::Band::Low) => "low",
        None => "none",
    }
}

fn lookup(args: &LookupArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let mut queries: Vec<String> = Vec::new();
    if let Some(text) = &args.text {
        queries.push(text.clone());
    }
    if let Some(path) = &args.queries {
        let text = ctx.read_text(path, InputKind::Queries)?;
        queries.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned),
        );
    }
    if queries.is_empty() {
        anyhow::bail!(l10n.text("error-no-query"));
    }
    let memory = open_memory(l10n, &args.tm, &args.languages)?;
    for query in &queries {
        let matches = memory
            .lookup(query, args.min, args.limit)
            .map_err(|e| errors::memory_error(l10n, e))?;
        match args.format {
            Format::Json => {
                let matches = matches
                    .into_iter()
                    .map(|found| JsonMatch {
                        band: band_name(found.score),
                        diff: fuzzy::diff(query, &found.source),
                        found,
                    })
                    .collect();
                out.json_line(&LookupLine { query, matches })?;
            }
            Format::Text => {
                out.line(&l10n.text_with(
                    "tm-lookup-query",
                    &[
                        ("query", query.clone().into()),
                        ("count", matches.len().into()),
                    ],
                ))?;
                for found in &matches {
                    out.line(&format!(
                        "  {:>3}%  {}",
                        found.score,
                        render_diff(&fuzzy::diff(query, &found.source))
                    ))?;
                    out.line(&format!(
                        "        → {}",
                        found.target.as_deref().unwrap_or("")
                    ))?;
                }
            }
        }
    }
    out.flush()?;
    Ok(if damaged(&memory) {
        Exit::Error
    } else {
        Exit::Success
    })
}

/// Words of the match that the query lacks in `[-...-]`, words it adds in `{+...+}`.
fn render_diff(parts: &[fuzzy::DiffPart]) -> String {
    let mut line = String::new();
    for part in parts {
        match part.kind {
            fuzzy::DiffKind::Equal => line.push_str(&part.text),
            fuzzy::DiffKind::Delete => {
                line.push_str("{+");
                line.push_str(&part.text);
                line.push_str("+}");
            }
            fuzzy::DiffKind::Insert => {
                line.push_str("[-");
                line.push_str(&part.text);
                line.push_str("-]");
            }
        }
    }
    line
}

fn concordance(args: &ConcordanceArgs, l10n: &Localizer, out: &mut Output) -> Result<Exit> {
    let memory = open_memory(l10n, &args.tm, &args.languages)?;
    let options = songngu::memory::concordance::SearchOptions {
        diacritic_insensitive: args.ignore_diacritics,
        case_sensitive: args.case_sensitive,
    };
    let hits = memory
        .concordance(&args.phrase, args.target, options, args.limit)
        .map_err(|e| errors::memory_error(l10n, e))?;
    match args.format {
        Format::Json => {
            for hit in &hits {
                out.json_line(hit)?;
            }
        }
        Format::Text => {
            out.line(&l10n.text_with(
                "tm-concordance-found",
                &[
                    ("phrase", args.phrase.clone().into()),
                    ("count", hits.len().into()),
                ],
            ))?;
            for hit in &hits {
                out.line(&format!("  {}", hit.source))?;
                out.line(&format!("  → {}", hit.target.as_deref().unwrap_or("")))?;
            }
        }
    }
    out.flush()?;
    Ok(if damaged(&memory) {
        Exit::Error
    } else {
        Exit::Success
    })
}

fn compact(args: &CompactArgs, l10n: &Localizer, out: &mut Output) -> Result<Exit> {
    if let Err(e) = std::fs::metadata(&args.tm) {
        anyhow::bail!(super::errors::read_error(l10n, &args.tm, &e));
    }
    let wait = if args.no_wait {
        LockWait::Fail
    } else {
        LockWait::Wait(std::time::Duration::from_secs(60))
    };
    let options = UpdateOptions {
        wait,
        read_only: read_only(args.force_readonly),
    };
    // The languages only steer lookups: any pair compacts the same bytes.
    let (source, target) = (unic_langid::langid!("en"), unic_langid::langid!("vi"));
    let mut memory =
        Memory::open_for_update_with(std::slice::from_ref(&args.tm), source, target, options)
            .map_err(|e| errors::memory_error(l10n, e))?;
    memory
        .refuse_damaged()
        .map_err(|e| errors::memory_error(l10n, e))?;
    let journals = memory.journals();
    let Some((_, journal, changes)) = journals.into_iter().next() else {
        out.line(&l10n.text_with(
            "tm-compact-nothing",
            &[("path", args.tm.display().to_string().into())],
        ))?;
        out.flush()?;
        return Ok(Exit::Success);
    };
    memory
        .compact()
        .map_err(|e| errors::memory_error(l10n, e))?;
    out.line(&l10n.text_with(
        "tm-compacted",
        &[
            ("path", args.tm.display().to_string().into()),
            ("journal", journal.display().to_string().into()),
            ("changes", changes.into()),
        ],
    ))?;
    out.flush()?;
    Ok(Exit::Success)
}

fn import_command(args: &ImportArgs, l10n: &Localizer, out: &mut Output) -> Result<Exit> {
    let wait = if args.no_wait {
        LockWait::Fail
    } else {
        LockWait::Wait(std::time::Duration::from_secs(60))
    };
    let paths = std::slice::from_ref(&args.into);
    let (source, target) = (
        args.languages.source_lang.clone(),
        args.languages.target_lang.clone(),
    );
    // A dry run reads only: no lock, no folder, nothing left behind.
    let mut memory = if args.dry_run {
        Memory::open_preview(paths, source, target)
    } else {
        let options = UpdateOptions {
            wait,
            read_only: read_only(args.force_readonly),
        };
        Memory::open_for_update_with(paths, source, target, options)
    }
    .map_err(|e| errors::memory_error(l10n, e))?;
    // Also for `--dry-run`: an import into this memory could never be saved.
    memory
        .refuse_damaged()
        .map_err(|e| errors::memory_error(l10n, e))?;
    let policy = match args.duplicates {
        Duplicates::KeepNewest => DuplicatePolicy::KeepNewest,
        Duplicates::KeepAll => DuplicatePolicy::KeepAll,
    };
    let report = import::import(&mut memory, &args.file, policy)
        .map_err(|e| errors::memory_error(l10n, e))?;
    for problem in &report.problems {
        errors::print_problem(l10n, &args.file, problem);
    }
    let damaged_input = report
        .problems
        .iter()
        .any(|p| p.severity == Severity::Error);
    if !args.dry_run {
        memory.save().map_err(|e| errors::memory_error(l10n, e))?;
    }
    match args.format {
        Format::Json => {
            out.json_line(&serde_json::json!({ "dry_run": args.dry_run, "report": &report }))?
        }
        Format::Text => {
            let languages = counts(l10n, &report.languages);
            let id = if args.dry_run {
                "tm-import-dry-run"
            } else {
                "tm-import-done"
            };
            out.line(&l10n.text_with(
                id,
                &[
                    ("path", args.file.display().to_string().into()),
                    ("into", args.into.display().to_string().into()),
                    ("tus", report.tus.into()),
                    ("added", report.added.into()),
                    ("duplicates", report.duplicates.into()),
                    ("replaced", report.replaced_older.into()),
                    ("kept", report.kept_existing.into()),
                    ("unpaired", report.without_pair.into()),
                    ("problems", report.problems.len().into()),
                ],
            ))?;
            out.line(&l10n.text_with("tm-stats-languages", &[("languages", languages.into())]))?;
        }
    }
    out.flush()?;
    Ok(if damaged_input {
        Exit::Error
    } else {
        Exit::Success
    })
}
