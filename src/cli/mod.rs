//! The `songngu` command line: arguments, localized help and errors, exit codes.
//!
//! The flow of a run: pick the UI language (from a pre-scan of the raw arguments and the
//! environment, because clap needs the language before it builds its help), build the
//! clap command and swap every text in it for a Fluent message ([`localize`]), parse,
//! run the subcommand, and turn its result into an [`Exit`]. Subcommands write to an
//! [`Output`] and return errors whose `Display` is already localized; this module prints
//! them as `songngu: error: ...` and picks the exit code.

mod align;
mod check;
mod check_report;
mod context;
mod dates;
mod errors;
mod exit;
mod export;
mod init;
mod input;
mod localize;
mod notices;
mod output;
mod retired;
mod review;
mod segment;
mod serve;
mod status;
mod targets;
mod tm;
mod translate;
mod update;
mod values;
mod xliff;

use std::ffi::OsString;
use std::io::IsTerminal;

use clap::error::ErrorKind;
use clap::{FromArgMatches, Parser, Subcommand};
use songngu::i18n::{self, Localizer};

use context::Context;
pub use exit::Exit;
use output::{Output, OutputError, stderr_line, stderr_text};

/// The top-level arguments. Help texts come from `locales/` (see [`localize`]), so the
/// doc comments here are for readers of the code only and never shown to users.
#[derive(Debug, Parser)]
#[command(name = "songngu", version)]
pub struct Cli {
    /// UI language; read again by [`prescan_ui_lang`] before clap runs.
    #[arg(long = "lang", value_name = "LANG")]
    pub ui_lang: Option<String>,

    #[command(flatten)]
    pub project: context::ProjectArgs,

    #[command(flatten)]
    pub input: input::InputArgs,

    #[command(subcommand)]
    pub command: Commands,
}

#[derive(Debug, Subcommand)]
pub enum Commands {
    /// Split an article into sentence units.
    Segment(segment::SegmentArgs),
    /// Pair a Vietnamese article with its English, sentence by sentence.
    Align(align::AlignArgs),
    /// The translation memory.
    #[command(subcommand)]
    Tm(tm::TmCommand),
    /// Where the Vietnamese has fallen out of step with the English.
    Check(check::CheckArgs),
    /// Write a project file.
    Init(init::InitArgs),
    /// Bring the memory up to date with a revised article.
    Update(update::UpdateArgs),
    /// Store the Vietnamese of one unit.
    Translate(translate::TranslateArgs),
    /// Approve translations a person has read.
    Review(review::ReviewArgs),
    /// XLIFF for CAT tools.
    #[command(subcommand)]
    Xliff(xliff::XliffCommand),
    /// Export the bilingual release.
    Export(export::ExportArgs),
    /// Each article's units by state, in numbers.
    Status(status::StatusArgs),
    /// The review page of the project, in a browser.
    Serve(serve::ServeArgs),
}

/// Runs the command line `args` (program name first) with environment lookup `env`, and
/// returns how the process should exit. Everything the user sees is printed here or below.
pub fn run<I, E>(args: I, env: E) -> Exit
where
    I: IntoIterator<Item = OsString>,
    E: Fn(&str) -> Option<String>,
{
    let args: Vec<OsString> = args.into_iter().collect();
    let locale = i18n::select_locale(prescan_ui_lang(&args).as_deref(), &env);
    let l10n = Localizer::new(locale);
    let color = ColorPolicy::from_env(&env);

    let mut command = localize::command(&l10n);
    let cli = match command
        .try_get_matches_from_mut(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        Err(error) => return report_clap(&l10n, &error, color),
    };

    let limits = match input::limits(&cli.input, &env, &l10n) {
        Ok(limits) => limits,
        Err(message) => {
            stderr_line(&l10n.text_with("cli-error", &[("message", message.into())]));
            return Exit::Error;
        }
    };
    let ctx = Context {
        l10n: &l10n,
        settings: cli.project.settings(),
        limits,
        color: color.stdout,
    };
    // A project file named with `--config` must be readable whatever the command, also one
    // that uses none of its settings (`segment`, `tm`): a mistyped path or a broken file
    // is never silently ignored. `init` writes it instead.
    if cli.project.config.is_some()
        && !matches!(cli.command, Commands::Init(_))
        && let Err(error) = ctx.project()
    {
        return report_error(&l10n, &error);
    }
    let mut out = Output::stdout();
    let result = match &cli.command {
        Commands::Segment(a) => segment::execute(a, &ctx, &mut out),
        Commands::Tm(command) => tm::execute(command, &ctx, &mut out),
        Commands::Align(a) => align::execute(a, &ctx, &mut out),
        Commands::Check(a) => check::execute(a, &ctx, &mut out),
        Commands::Init(a) => init::execute(a, &ctx, &mut out),
        Commands::Update(a) => update::execute(a, &ctx, &mut out),
        Commands::Translate(a) => translate::execute(a, &ctx, &mut out),
        Commands::Review(a) => review::execute(a, &ctx, &mut out),
        Commands::Xliff(c) => xliff::execute(c, &ctx, &mut out),
        Commands::Export(a) => export::execute(a, &ctx, &mut out),
        Commands::Status(a) => status::execute(a, &ctx, &mut out),
        Commands::Serve(a) => serve::execute(a, &ctx, &mut out),
    };
    match result {
        Ok(exit) => exit,
        Err(error) => report_error(&l10n, &error),
    }
}

/// Prints a failed run's error and picks its exit code.
fn report_error(l10n: &Localizer, error: &anyhow::Error) -> Exit {
    let output_error = error.chain().find_map(|e| e.downcast_ref::<OutputError>());
    let message = match output_error {
        // `songngu segment big.txt | head -1`: the reader has all it wanted.
        Some(e) if e.is_broken_pipe() => return Exit::Success,
        Some(e) => l10n.text_with(
            "error-write",
            &[("reason", errors::io_reason(l10n, &e.0).into())],
        ),
        // Errors built at the CLI edge carry their localized text as the outermost context.
        None => error.to_string(),
    };
    stderr_line(&l10n.text_with("cli-error", &[("message", message.into())]));
    Exit::Error
}

/// Help and version go to stdout (exit 0); usage mistakes to stderr (exit 2).
fn report_clap(l10n: &Localizer, error: &clap::Error, color: ColorPolicy) -> Exit {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let rendered = error.render();
            let text = if color.stdout {
                rendered.ansi().to_string()
            } else {
                rendered.to_string()
            };
            let mut out = Output::stdout();
            // A closed pipe while printing help is as harmless as anywhere else.
            match out.text(&text).and_then(|()| out.flush()) {
                Err(e) if !e.is_broken_pipe() => {
                    let reason = errors::io_reason(l10n, &e.0);
                    let message = l10n.text_with("error-write", &[("reason", reason.into())]);
                    stderr_line(&l10n.text_with("cli-error", &[("message", message.into())]));
                    Exit::Error
                }
                _ => Exit::Success,
            }
        }
        // `songngu` alone: the help is the most useful answer, but it is still a mistake.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let rendered = error.render();
            stderr_text(&if color.stderr {
                rendered.ansi().to_string()
            } else {
                rendered.to_string()
            });
            Exit::Error
        }
        _ => {
            stderr_text(&localize::render_error(l10n, error));
            Exit::Error
        }
    }
}

/// Finds the value of the top-level `--lang` in the raw arguments, before clap parses
/// them: clap needs the language to build its help and error messages.
///
/// Only arguments before the subcommand name count, because `segment --lang` names the
/// language of the text, not of the interface.
pub fn prescan_ui_lang(args: &[OsString]) -> Option<String> {
    let mut found = None;
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        // A non-UTF-8 argument is not ours to interpret; clap will report it.
        let arg = arg.to_str()?;
        if arg == "--" || !arg.starts_with('-') {
            // The subcommand (or the end of options): everything after belongs to it.
            break;
        }
        if arg == "--lang" {
            found = rest.next().and_then(|v| v.to_str()).map(str::to_owned);
        } else if let Some(value) = arg.strip_prefix("--lang=") {
            found = Some(value.to_owned());
        }
    }
    found
}

/// Whether styled (ANSI) help may be written: only to a terminal, and never when the
/// user set `NO_COLOR` (https://no-color.org).
#[derive(Debug, Clone, Copy)]
struct ColorPolicy {
    stdout: bool,
    stderr: bool,
}

impl ColorPolicy {
    fn from_env<E: Fn(&str) -> Option<String>>(env: &E) -> ColorPolicy {
        let allowed = env("NO_COLOR").is_none_or(|v| v.is_empty());
        ColorPolicy {
            stdout: allowed && std::io::stdout().is_terminal(),
            stderr: allowed && std::io::stderr().is_terminal(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn prescan_reads_only_the_top_level_lang() {
        assert_eq!(
            prescan_ui_lang(&args(&["songngu", "--lang", "vi", "segment"])).as_deref(),
            Some("vi")
        );
        assert_eq!(
            prescan_ui_lang(&args(&["songngu", "--lang=vi", "segment"])).as_deref(),
            Some("vi")
        );
        assert_eq!(
            prescan_ui_lang(&args(&["songngu", "segment", "--lang", "vi", "x"])),
            None
        );
        assert_eq!(
            prescan_ui_lang(&args(&["songngu", "--help", "--lang", "vi"])).as_deref(),
            Some("vi")
        );
        assert_eq!(
            prescan_ui_lang(&args(&["songngu", "--", "--lang", "vi"])),
            None
        );
        assert_eq!(prescan_ui_lang(&args(&["songngu", "--lang"])), None);
        assert_eq!(prescan_ui_lang(&args(&["songngu"])), None);
    }

    #[test]
    fn clap_definition_is_valid() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
        for locale in i18n::UiLocale::ALL {
            localize::command(&Localizer::new(locale)).debug_assert();
        }
    }
}
