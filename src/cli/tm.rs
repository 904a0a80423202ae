//! `songngu tm ...`: the translation memory.
//!
//! - `tm stats [TM]`: streams the file and counts TUs, languages, props, notes, problems.
//! - `tm validate [TM]`: the same, listing every problem; exit 1 when there are any.
//! - `tm convert <IN> -o <OUT>`: reads any TMX 1.1-1.4b and writes TMX 1.4b in UTF-8.
//! - `tm lookup [TM] [TEXT] [--tm TM]... [--queries FILE]`: exact and fuzzy matches.
//! - `tm concordance [TM] PHRASE [--tm TM]...`: a word or phrase in the sources (or targets).
//! - `tm import <FILE> [--into <TM>]`: merge a foreign TMX, with a report; `--dry-run`.
//! - `tm export [TM] -o <OUT>`: write the memory (or one document's TUs) as TMX 1.4b.
//! - `tm compact [TM]`: write the memory's journal of changes into its TMX.
//! - `tm docs [TM]`: the documents the memory holds, with their units counted.
//! - `tm merge <BASE> <OURS> <THEIRS> -o <OUT>`: a three-way merge by TU identity, the
//!   git merge driver of a memory (`-o` may be OURS, as git asks of a driver), under the
//!   output's lock.
//!
//! Without a memory (no TM, no `--tm`), `stats`, `validate`, `docs`, `compact`, `lookup`
//! and `concordance` read the project's memory files ([`songngu::flow::tm::memory_files`]);
//! a lone positional of `lookup`/`concordance` is then the text (see
//! `lookup_positionals`). `export` reads the project's one memory file
//! ([`songngu::flow::tm::project_memory_to_read`]) and `import` writes into its first
//! ([`songngu::flow::tm::project_memory_to_write`]), in the project's language pair.
//!
//! Each command builds the request of its flow in [`songngu::flow::tm`], runs it with the
//! notices told on stderr, and renders the result.
//!
//! A memory file's journal (`<TM>.journal`, see [`songngu::memory::journal`]) is part of
//! it: `stats`, `validate`, `export` and `convert` read the TMX with its journal applied,
//! as every command that loads a memory does.
//!
//! `-o` of `convert` and `export` is checked before anything is read (see
//! [`songngu::flow::tm::copy`]): never an input, the memory or a project file; `-` is
//! standard output.
//!
//! JSON output (`--format json`) is JSON Lines and never localized:
//! - stats/validate: one object `{"file","version","encoding","tus","tuvs","languages",
//!   "props","notes","problems"}` (and `"journal": {"path","changes"}` when the file has
//!   a journal), then (validate) one `{"problem": {...}}` per problem;
//! - lookup: one object per query `{"query","matches":[{"score","band","source","target",
//!   "tuid","file","doc","unit","changed","diff"}]}`, each part of `diff`
//!   `{"kind","op","text"}` as [`songngu::flow::tm::lookup::LookupDiffPart`] says: `op`
//!   as in `check` (`delete` only in the match's source, `insert` only in the query),
//!   `kind` deprecated and the other way round;
//! - concordance: one object per hit `{"tuid","source","target","ranges","file"}`;
//! - import: one object, the report;
//! - merge: one `{"conflict": {...}}` per conflict, then one `{"summary": {...}}` (see
//!   [`songngu::flow::tm::merge::MergeRecord`]); the merged memory then goes to a file;
//! - docs: one object per document `{"doc","units","translated","added"}`, then one
//!   `{"total": {"docs","units","translated","added","without_doc"}}` (see
//!   [`songngu::flow::tm::docs`]).
//!
//! Exit codes: 0 success; 1 problems found (`validate`) or conflicts (`merge`, each
//! named on stderr, the merged memory written with them marked); 2 error, including a TMX with
//! damaged TUs (the rest is still reported).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};
use songngu::drift::report::DiffOp;
use songngu::flow::FlowError;
use songngu::flow::tm::compact::{CompactRequest, Compacted, compact};
use songngu::flow::tm::copy::{self, ConvertRequest, Copied, ExportRequest};
use songngu::flow::tm::docs::{DocsTotalRecord, docs};
use songngu::flow::tm::import::{ImportRequest, import};
use songngu::flow::tm::lookup::{
    self, Answer, ConcordanceRequest, LookupRequest, concordance_in, lookup_in,
};
use songngu::flow::tm::merge::{Conflict, ConflictKind, MergeRequest, Merged, TuIdentity, merge};
use songngu::flow::tm::stats::{self, Stats};
use songngu::i18n::Localizer;
use songngu::input_limit::InputKind;
use songngu::memory::concordance::SearchOptions;
use songngu::memory::fuzzy;
use songngu::memory::import::{DuplicatePolicy, ImportReport};
use songngu::memory::lookup::Match;
use songngu::project::Project;
use unic_langid::LanguageIdentifier;

use super::context::Context;
use super::errors::{
    MemoryNamed, flow_error, merge_json_to_stdout, print_problem, tm_memory_error,
};
use super::exit::Exit;
use super::notices;
use super::output::{Output, stderr_line};
use super::targets;
use super::values::{CatToolArg, read_only};

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
    Docs(DocsArgs),
    Merge(MergeArgs),
}

#[derive(Debug, Args)]
pub struct DocsArgs {
    /// None: each of the project's memory files.
    #[arg(value_name = "TM")]
    pub tm: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    #[command(flatten)]
    pub languages: Languages,
}

#[derive(Debug, Args)]
pub struct MergeArgs {
    #[arg(value_name = "BASE")]
    pub base: PathBuf,
    #[arg(value_name = "OURS")]
    pub ours: PathBuf,
    #[arg(value_name = "THEIRS")]
    pub theirs: PathBuf,
    /// The merged memory; may be OURS (`%A` of a git merge driver).
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Replace the output even if it is read-only.
    #[arg(long)]
    pub force_readonly: bool,
    /// Fail at once when another songngu process is writing the output, instead of waiting.
    #[arg(long)]
    pub no_wait: bool,
    /// `text`: the conflicts and the summary on stderr (git shows them); `json`: JSON
    /// Lines on stdout.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Args)]
pub struct CompactArgs {
    /// None: each of the project's memory files.
    #[arg(value_name = "TM")]
    pub tm: Option<PathBuf>,
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
    /// Default: the project's when the memory is the project's, else `en`.
    #[arg(long, value_name = "LANG")]
    pub source_lang: Option<LanguageIdentifier>,
    /// Default: the project's when the memory is the project's, else `vi`.
    #[arg(long, value_name = "LANG")]
    pub target_lang: Option<LanguageIdentifier>,
}

impl Languages {
    /// The pair given, else English to Vietnamese.
    fn pair(&self) -> songngu::flow::tm::Languages {
        self.pair_of(None)
    }

    /// The pair given, else the project's (when the memory read is the project's), else
    /// English to Vietnamese.
    fn pair_of(&self, project: Option<&Project>) -> songngu::flow::tm::Languages {
        let fallback = songngu::flow::tm::Languages::default();
        let (source, target) = match project {
            Some(p) => (p.config.source.clone(), p.config.target.clone()),
            None => (fallback.source, fallback.target),
        };
        songngu::flow::tm::Languages {
            source: self.source_lang.clone().unwrap_or(source),
            target: self.target_lang.clone().unwrap_or(target),
        }
    }
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// None: each of the project's memory files.
    #[arg(value_name = "TM")]
    pub tm: Option<PathBuf>,
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
    /// The memory, then the text; a lone one is the text (see [`lookup_positionals`]).
    #[arg(value_name = "TM")]
    pub tm: Option<PathBuf>,
    #[arg(value_name = "TEXT")]
    pub text: Option<String>,
    /// Memory files to read, with the positional TM if any; none: the project's.
    #[arg(long = "tm", value_name = "TM")]
    pub memories: Vec<PathBuf>,
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
    /// The memory, then the phrase; a lone one is the phrase.
    #[arg(value_name = "TM")]
    pub tm: Option<PathBuf>,
    #[arg(value_name = "PHRASE")]
    pub phrase: Option<String>,
    /// Memory files to read, with the positional TM if any; none: the project's.
    #[arg(long = "tm", value_name = "TM")]
    pub memories: Vec<PathBuf>,
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

impl From<Duplicates> for DuplicatePolicy {
    fn from(duplicates: Duplicates) -> DuplicatePolicy {
        match duplicates {
            Duplicates::KeepNewest => DuplicatePolicy::KeepNewest,
            Duplicates::KeepAll => DuplicatePolicy::KeepAll,
        }
    }
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// None: the project's first memory file.
    #[arg(long, value_name = "TM")]
    pub into: Option<PathBuf>,
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
    /// None: the project's memory file (an error when it has several).
    #[arg(value_name = "TM")]
    pub tm: Option<PathBuf>,
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Only the TUs of this document.
    #[arg(long, value_name = "ID")]
    pub doc: Option<String>,
    /// Made for a CAT tool: `omegat` writes inline Markdown as the tags OmegaT makes of a
    /// work file's inline codes (`xliff export --for omegat`), for its `tm/auto/`.
    #[arg(long = "for", value_enum, value_name = "TOOL")]
    pub for_tool: Option<CatToolArg>,
    /// Replace the output even if it is read-only.
    #[arg(long)]
    pub force_readonly: bool,
}

pub fn execute(command: &TmCommand, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    match command {
        TmCommand::Stats(args) => each_memory(ctx, &args.tm, MemoryNamed::TmOption, |tm| {
            stats(tm, args, false, l10n, out)
        }),
        TmCommand::Validate(args) => each_memory(ctx, &args.tm, MemoryNamed::TmOption, |tm| {
            stats(tm, args, true, l10n, out)
        }),
        TmCommand::Convert(args) => convert(args, ctx, out),
        TmCommand::Lookup(args) => lookup_command(args, ctx, out),
        TmCommand::Concordance(args) => concordance_command(args, ctx, out),
        TmCommand::Import(args) => import_command(args, ctx, out),
        TmCommand::Export(args) => export(args, ctx, out),
        TmCommand::Compact(args) => each_memory(ctx, &args.tm, MemoryNamed::Compact, |tm| {
            compact_command(tm, args, l10n, out)
        }),
        TmCommand::Docs(args) => each_memory(ctx, &args.tm, MemoryNamed::TmOption, |tm| {
            docs_command(tm, args, l10n, out)
        }),
        TmCommand::Merge(args) => merge_command(args, ctx, out),
    }
}

/// Runs `command` on the memory `given`, else on each of the project's memory files in
/// turn; the run ends as the worst of them did.
fn each_memory(
    ctx: &Context,
    given: &Option<PathBuf>,
    named: MemoryNamed,
    mut command: impl FnMut(&Path) -> Result<Exit>,
) -> Result<Exit> {
    let mut worst = Exit::Success;
    for tm in memory_files(ctx, given.iter().cloned().collect(), named)?.0 {
        worst = match (worst, command(&tm)?) {
            (Exit::Error, _) | (_, Exit::Error) => Exit::Error,
            (Exit::Findings, _) | (_, Exit::Findings) => Exit::Findings,
            _ => Exit::Success,
        };
    }
    Ok(worst)
}

/// 2 when the memory read had damaged TUs (the rest is still reported), else 0.
fn exit_unless_damaged(damaged: bool) -> Exit {
    if damaged { Exit::Error } else { Exit::Success }
}

fn stats(
    tm: &Path,
    args: &StatsArgs,
    validate: bool,
    l10n: &Localizer,
    out: &mut Output,
) -> Result<Exit> {
    let inspected = if validate {
        stats::validate(tm)
    } else {
        stats::stats(tm)
    }
    .map_err(|e| flow_error(l10n, e))?;
    let stats = &inspected.stats;
    match args.format {
        Format::Json => {
            out.json_line(stats)?;
            if validate {
                for problem in &inspected.problems {
                    out.json_line(&serde_json::json!({ "problem": problem.problem }))?;
                }
            }
        }
        Format::Text => write_stats(out, l10n, tm, stats)?,
    }
    out.flush()?;
    for problem in &inspected.problems {
        print_problem(l10n, &problem.path, &problem.problem);
    }
    Ok(if stats.errors > 0 {
        Exit::Error
    } else if validate && stats.problems > 0 {
        Exit::Findings
    } else {
        Exit::Success
    })
}

fn write_stats(out: &mut Output, l10n: &Localizer, tm: &Path, stats: &Stats) -> Result<()> {
    out.line(&l10n.text_with(
        "tm-stats-summary",
        &[
            ("path", tm.display().to_string().into()),
            ("version", stats.version.clone().into()),
            ("encoding", stats.encoding.clone().into()),
            ("tus", stats.tus.into()),
            ("tuvs", stats.tuvs.into()),
            ("notes", stats.notes.into()),
            ("problems", stats.problems.into()),
        ],
    ))?;
    let languages = counts(l10n, &stats.languages);
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
    Ok(())
}

/// `en (3), vi (1.200)`: names with their counts, numbers written for the UI language.
fn counts(l10n: &Localizer, counted: &BTreeMap<String, usize>) -> String {
    counted
        .iter()
        .map(|(name, n)| format!("{name} ({})", l10n.number(*n as f64)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn convert(args: &ConvertArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let request = ConvertRequest {
        input: args.input.clone(),
        output: args.output.clone(),
        protected: targets::project_inputs_if_any(ctx),
        read_only: read_only(args.force_readonly),
    };
    let copied = copy::convert(&request, out.writer(), &mut notices::Stderr(l10n))
        .map_err(|e| flow_error(l10n, e))?;
    Ok(tell_copied(l10n, "tm-converted", &args.output, copied))
}

fn export(args: &ExportArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let tm = match &args.tm {
        Some(tm) => tm.clone(),
        None => songngu::flow::tm::project_memory_to_read(&ctx.project()?)
            .map_err(|e| tm_memory_error(l10n, e, MemoryNamed::Export))?,
    };
    let request = ExportRequest {
        tm,
        doc: args.doc.clone(),
        output: args.output.clone(),
        protected: targets::project_inputs_if_any(ctx),
        read_only: read_only(args.force_readonly),
        for_omegat: args.for_tool == Some(CatToolArg::Omegat),
    };
    let copied = copy::export(&request, out.writer(), &mut notices::Stderr(l10n))
        .map_err(|e| flow_error(l10n, e))?;
    Ok(tell_copied(l10n, "tm-exported", &args.output, copied))
}

/// Says on stderr (the output may be stdout) how many TUs were written to `output`.
fn tell_copied(l10n: &Localizer, id: &str, output: &Path, copied: Copied) -> Exit {
    stderr_line(&l10n.text_with(
        id,
        &[
            ("path", output.display().to_string().into()),
            ("tus", copied.tus.into()),
        ],
    ));
    exit_unless_damaged(copied.damaged)
}

#[derive(serde::Serialize)]
struct LookupLine<'a> {
    query: &'a str,
    matches: Vec<JsonMatch<'a>>,
}

#[derive(serde::Serialize)]
struct JsonMatch<'a> {
    #[serde(flatten)]
    found: &'a Match,
    band: &'static str,
    diff: Vec<lookup::LookupDiffPart<'a>>,
}

impl<'a> LookupLine<'a> {
    fn of(answer: &'a Answer) -> LookupLine<'a> {
        let matches = answer
            .matches
            .iter()
            .map(|scored| JsonMatch {
                found: &scored.found,
                band: band_name(scored.found.score),
                diff: scored.diff_parts(),
            })
            .collect();
        LookupLine {
            query: &answer.query,
            matches,
        }
    }
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

/// The memory files and the text of `tm lookup`'s positionals. Two are `TM TEXT`. A lone
/// one is the memory when `--queries` is given without `--tm` (`tm lookup TM --queries
/// FILE`, as it always was), else the text, looked up in `--tm` or the project's memory:
/// a lone positional without `--queries` had nothing to look up before, so no earlier
/// invocation changes meaning.
fn lookup_positionals(args: &LookupArgs) -> (Vec<PathBuf>, Option<String>) {
    let mut memories = args.memories.clone();
    let text = match (&args.tm, &args.text) {
        (Some(tm), Some(text)) => {
            memories.insert(0, tm.clone());
            Some(text.clone())
        }
        (Some(tm), None) if args.queries.is_some() && args.memories.is_empty() => {
            memories.push(tm.clone());
            None
        }
        (Some(lone), None) => Some(lone.to_string_lossy().into_owned()),
        (None, _) => None,
    };
    (memories, text)
}

/// The memory files `given`, else the project's (with the project, for its language
/// pair); a project without any is an error, whose hint names the memory as `named`.
fn memory_files(
    ctx: &Context,
    given: Vec<PathBuf>,
    named: MemoryNamed,
) -> Result<(Vec<PathBuf>, Option<Project>)> {
    if !given.is_empty() {
        // No project is read: a memory named on the command line works anywhere.
        return Ok((given, None));
    }
    let project = ctx.project()?;
    let files = songngu::flow::tm::memory_files(&[], &project)
        .map_err(|e| tm_memory_error(ctx.l10n, e, named))?;
    Ok((files, Some(project)))
}

fn lookup_command(args: &LookupArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let (given, text) = lookup_positionals(args);
    let mut queries: Vec<String> = text.into_iter().collect();
    if let Some(path) = &args.queries {
        let text = ctx.read_text(path, InputKind::Queries)?;
        queries.extend(lookup::queries(&text));
    }
    if queries.is_empty() {
        return Err(flow_error(l10n, FlowError::NoQuery));
    }
    let (tms, project) = memory_files(ctx, given, MemoryNamed::TmOption)?;
    let request = LookupRequest {
        tm: tms[0].clone(),
        queries,
        min: args.min,
        limit: args.limit,
        languages: args.languages.pair_of(project.as_ref()),
    };
    let looked_up =
        lookup_in(&tms, &request, &mut notices::Stderr(l10n)).map_err(|e| flow_error(l10n, e))?;
    for answer in &looked_up.answers {
        match args.format {
            Format::Json => out.json_line(&LookupLine::of(answer))?,
            Format::Text => write_answer(out, l10n, answer)?,
        }
    }
    out.flush()?;
    Ok(exit_unless_damaged(looked_up.damaged))
}

fn write_answer(out: &mut Output, l10n: &Localizer, answer: &Answer) -> Result<()> {
    out.line(&l10n.text_with(
        "tm-lookup-query",
        &[
            ("query", answer.query.clone().into()),
            ("count", answer.matches.len().into()),
        ],
    ))?;
    for scored in &answer.matches {
        let found = &scored.found;
        out.line(&format!(
            "  {:>3}%  {}",
            found.score,
            render_diff(&scored.diff_parts())
        ))?;
        out.line(&format!(
            "        → {}",
            found.target.as_deref().unwrap_or("")
        ))?;
    }
    Ok(())
}

/// As `check` shows a diff, the match being the old text and the query the new: words
/// only in the match in `[-...-]`, words only in the query in `{+...+}`.
fn render_diff(parts: &[lookup::LookupDiffPart]) -> String {
    let mut line = String::new();
    for part in parts {
        let (open, close) = match part.op {
            DiffOp::Equal => ("", ""),
            DiffOp::Delete => ("[-", "-]"),
            DiffOp::Insert => ("{+", "+}"),
        };
        line.push_str(open);
        line.push_str(part.text);
        line.push_str(close);
    }
    line
}

/// The memory files and the phrase of `tm concordance`'s positionals: `TM PHRASE`, or a
/// lone `PHRASE` (which was refused before) in `--tm` or the project's memory.
fn concordance_positionals(args: &ConcordanceArgs) -> (Vec<PathBuf>, Option<String>) {
    let mut memories = args.memories.clone();
    let phrase = match (&args.tm, &args.phrase) {
        (Some(tm), Some(phrase)) => {
            memories.insert(0, tm.clone());
            Some(phrase.clone())
        }
        (Some(lone), None) => Some(lone.to_string_lossy().into_owned()),
        (None, _) => None,
    };
    (memories, phrase)
}

fn concordance_command(args: &ConcordanceArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let (given, phrase) = concordance_positionals(args);
    let phrase = phrase.ok_or_else(|| flow_error(l10n, FlowError::NoPhrase))?;
    let (tms, project) = memory_files(ctx, given, MemoryNamed::TmOption)?;
    let request = ConcordanceRequest {
        tm: tms[0].clone(),
        phrase: phrase.clone(),
        in_target: args.target,
        options: SearchOptions {
            diacritic_insensitive: args.ignore_diacritics,
            case_sensitive: args.case_sensitive,
        },
        limit: args.limit,
        languages: args.languages.pair_of(project.as_ref()),
    };
    let found = concordance_in(&tms, &request, &mut notices::Stderr(l10n))
        .map_err(|e| flow_error(l10n, e))?;
    match args.format {
        Format::Json => {
            for hit in &found.hits {
                out.json_line(hit)?;
            }
        }
        Format::Text => {
            out.line(&l10n.text_with(
                "tm-concordance-found",
                &[
                    ("phrase", phrase.into()),
                    ("count", found.hits.len().into()),
                ],
            ))?;
            for hit in &found.hits {
                out.line(&format!("  {}", hit.source))?;
                out.line(&format!("  → {}", hit.target.as_deref().unwrap_or("")))?;
            }
        }
    }
    out.flush()?;
    Ok(exit_unless_damaged(found.damaged))
}

fn compact_command(
    tm: &Path,
    args: &CompactArgs,
    l10n: &Localizer,
    out: &mut Output,
) -> Result<Exit> {
    let request = CompactRequest {
        tm: tm.to_owned(),
        wait: !args.no_wait,
        read_only: read_only(args.force_readonly),
    };
    let path = tm.display().to_string();
    match compact(&request).map_err(|e| flow_error(l10n, e))? {
        Compacted::NoJournal => {
            out.line(&l10n.text_with("tm-compact-nothing", &[("path", path.into())]))?
        }
        Compacted::Written { journal, changes } => out.line(&l10n.text_with(
            "tm-compacted",
            &[
                ("path", path.into()),
                ("journal", journal.display().to_string().into()),
                ("changes", changes.into()),
            ],
        ))?,
    }
    out.flush()?;
    Ok(Exit::Success)
}

/// The memory `tm import` writes into, and the language pair it is read in: `--into`,
/// else the project's first memory file in the project's pair.
fn import_target(
    args: &ImportArgs,
    ctx: &Context,
) -> Result<(PathBuf, songngu::flow::tm::Languages)> {
    if let Some(into) = &args.into {
        return Ok((into.clone(), args.languages.pair()));
    }
    let project = ctx.project()?;
    let into = songngu::flow::tm::project_memory_to_write(&project)
        .map_err(|e| tm_memory_error(ctx.l10n, e, MemoryNamed::Into))?;
    Ok((into, args.languages.pair_of(Some(&project))))
}

fn import_command(args: &ImportArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let (into, languages) = import_target(args, ctx)?;
    let request = ImportRequest {
        file: args.file.clone(),
        into,
        dry_run: args.dry_run,
        duplicates: args.duplicates.into(),
        wait: !args.no_wait,
        read_only: read_only(args.force_readonly),
        languages,
    };
    let imported = import(&request, &mut notices::Stderr(l10n)).map_err(|e| flow_error(l10n, e))?;
    let report = &imported.report;
    match args.format {
        Format::Json => {
            out.json_line(&serde_json::json!({ "dry_run": args.dry_run, "report": report }))?
        }
        Format::Text => write_import(out, l10n, args, &request.into, report)?,
    }
    out.flush()?;
    Ok(exit_unless_damaged(imported.damaged_input))
}

fn write_import(
    out: &mut Output,
    l10n: &Localizer,
    args: &ImportArgs,
    into: &Path,
    report: &ImportReport,
) -> Result<()> {
    let id = if args.dry_run {
        "tm-import-dry-run"
    } else {
        "tm-import-done"
    };
    out.line(&l10n.text_with(
        id,
        &[
            ("path", args.file.display().to_string().into()),
            ("into", into.display().to_string().into()),
            ("tus", report.tus.into()),
            ("added", report.added.into()),
            ("duplicates", report.duplicates.into()),
            ("replaced", report.replaced_older.into()),
            ("kept", report.kept_existing.into()),
            ("unpaired", report.without_pair.into()),
            ("problems", report.problems.len().into()),
        ],
    ))?;
    let languages = counts(l10n, &report.languages);
    out.line(&l10n.text_with("tm-stats-languages", &[("languages", languages.into())]))?;
    Ok(())
}

fn docs_command(tm: &Path, args: &DocsArgs, l10n: &Localizer, out: &mut Output) -> Result<Exit> {
    let found = docs(tm, &args.languages.pair()).map_err(|e| flow_error(l10n, e))?;
    match args.format {
        Format::Json => {
            for doc in &found.docs {
                out.json_line(doc)?;
            }
            out.json_line(&DocsTotalRecord {
                total: found.total.clone(),
            })?;
        }
        Format::Text => {
            for doc in &found.docs {
                out.line(&l10n.text_with(
                    "tm-docs-doc",
                    &[
                        ("doc", doc.doc.clone().into()),
                        ("units", doc.units.into()),
                        ("translated", doc.translated.into()),
                        ("added", doc.added.into()),
                    ],
                ))?;
            }
            let total = &found.total;
            out.line(&l10n.text_with(
                "tm-docs-total",
                &[
                    ("path", tm.display().to_string().into()),
                    ("docs", total.docs.into()),
                    ("units", total.units.into()),
                    ("without", total.without_doc.into()),
                ],
            ))?;
        }
    }
    out.flush()?;
    for problem in &found.problems {
        print_problem(l10n, &problem.path, &problem.problem);
    }
    Ok(exit_unless_damaged(!found.problems.is_empty()))
}

fn merge_command(args: &MergeArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    if args.format == Format::Json && args.output == Path::new("-") {
        return Err(anyhow::anyhow!(merge_json_to_stdout(l10n)));
    }
    let request = MergeRequest {
        base: args.base.clone(),
        ours: args.ours.clone(),
        theirs: args.theirs.clone(),
        output: args.output.clone(),
        protected: targets::project_inputs_if_any(ctx),
        read_only: read_only(args.force_readonly),
        wait: !args.no_wait,
    };
    let merged = merge(&request, out.writer(), &mut notices::Stderr(l10n))
        .map_err(|e| flow_error(l10n, e))?;
    match args.format {
        Format::Json => {
            for record in merged.records(&args.output) {
                out.json_line(&record)?;
            }
            out.flush()?;
        }
        Format::Text => {
            // On stderr: the output may be stdout, and git shows a driver's stderr.
            for conflict in &merged.conflicts {
                stderr_line(&conflict_line(l10n, conflict));
            }
            stderr_line(&merge_summary(l10n, &args.output, &merged));
        }
    }
    Ok(if merged.is_clean() {
        Exit::Success
    } else {
        Exit::Findings
    })
}

fn merge_summary(l10n: &Localizer, output: &Path, merged: &Merged) -> String {
    let path = output.display().to_string();
    let id = if merged.is_clean() {
        "tm-merged"
    } else {
        "tm-merged-conflicts"
    };
    l10n.text_with(
        id,
        &[
            ("path", path.into()),
            ("tus", merged.tus.into()),
            ("kept", merged.kept.into()),
            ("ours", merged.from_ours.into()),
            ("theirs", merged.from_theirs.into()),
            ("added", merged.added.into()),
            ("deleted", merged.deleted.into()),
            ("conflicts", merged.conflicts.len().into()),
        ],
    )
}

/// `conflict: unit `p3.s1` of `seed`: changed differently on both sides...`.
fn conflict_line(l10n: &Localizer, conflict: &Conflict) -> String {
    let tu = match &conflict.identity {
        TuIdentity::Unit { doc, unit } => l10n.text_with(
            "tm-merge-tu-unit",
            &[("doc", doc.clone().into()), ("unit", unit.clone().into())],
        ),
        TuIdentity::Tuid(tuid) => {
            l10n.text_with("tm-merge-tu-tuid", &[("tuid", tuid.clone().into())])
        }
        TuIdentity::Source(source) => {
            l10n.text_with("tm-merge-tu-source", &[("source", source.clone().into())])
        }
    };
    let id = match conflict.kind {
        ConflictKind::BothChanged => "tm-merge-conflict-both",
        ConflictKind::DeletedByOurs => "tm-merge-conflict-deleted-by-ours",
        ConflictKind::DeletedByTheirs => "tm-merge-conflict-deleted-by-theirs",
    };
    l10n.text_with(id, &[("tu", tu.into())])
}
