//! Clap, speaking the user's language.
//!
//! The derive gives the structure of the command line (names, types, defaults); every
//! text a person reads is then replaced by a Fluent message, looked up by convention so
//! that a new subcommand or argument only needs new messages, not new code:
//!
//! - `cli-about`, `cli-arg-<id>`: the top-level command and its arguments;
//! - `<subcommand>-about`, `<subcommand>-arg-<id>`: a subcommand and its arguments
//!   (`_` in an argument id becomes `-`);
//! - `cli-arg-help`, `cli-arg-version`: the help and version flags, shared by all;
//! - a `.value-name` attribute on an argument's message names its value (`<FILE>`).
//!
//! What clap would print in English on its own is switched off or replaced: the help and
//! version flags and the `help` subcommand (clap's texts for them are fixed), the
//! `Usage:`, `Arguments:`, `Options:` and `Commands:` headings, the `[OPTIONS]` and
//! `<COMMAND>` placeholders, `[default: ...]` and `[possible values: ...]` (the Fluent
//! help texts say both), and the error messages of the usual mistakes.

use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Command, CommandFactory};
use songngu::i18n::Localizer;

/// The localized clap command for the whole program.
pub fn command(l10n: &Localizer) -> Command {
    localize_command(super::Cli::command(), l10n, &[])
}

/// The Fluent message id of an argument's help text.
pub fn arg_message_id(command_prefix: &str, arg_id: &str) -> String {
    match arg_id {
        "help" | "version" => format!("cli-arg-{arg_id}"),
        _ => format!("{command_prefix}-arg-{}", arg_id.replace('_', "-")),
    }
}

/// `cli` for the top level, else the subcommand path joined with `-` (`segment`).
fn command_prefix(parents: &[String], name: &str) -> String {
    if parents.is_empty() {
        "cli".to_owned()
    } else {
        parents[1..]
            .iter()
            .map(String::as_str)
            .chain([name])
            .collect::<Vec<_>>()
            .join("-")
    }
}

// Clap keeps headings and value names as `Str`, which without clap's `string` feature
// only accepts `&'static str`. The command is built once per process, so leaking these
// few short strings costs nothing and saves a dependency feature.
fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn localize_command(mut cmd: Command, l10n: &Localizer, parents: &[String]) -> Command {
    let name = cmd.get_name().to_owned();
    let prefix = command_prefix(parents, &name);
    cmd = with_help_and_version(cmd, parents.is_empty());
    cmd = localize_texts(cmd, l10n, &prefix);

    let mut path = parents.to_vec();
    path.push(name);
    let usage_style = *cmd.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n\
         {usage_style}{heading}:{usage_style:#} {{usage}}\n\n\
         {{all-args}}{{after-help}}",
        heading = l10n.text("cli-usage-heading"),
    );
    let usage = usage_line(&cmd, &path, l10n);
    cmd = cmd.help_template(template).override_usage(usage);

    let subcommands: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for sub in subcommands {
        cmd = cmd.mut_subcommand(&sub, |sub| localize_command(sub, l10n, &path));
    }
    cmd
}

/// Our own `--help` (clap's has an English text), and `--version` at the top.
fn with_help_and_version(mut cmd: Command, is_root: bool) -> Command {
    cmd = cmd
        .disable_help_flag(true)
        .disable_version_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help),
        );
    if is_root {
        cmd = cmd
            .arg(
                Arg::new("version")
                    .short('V')
                    .long("version")
                    .action(ArgAction::Version),
            )
            // `songngu` alone shows the help instead of a bare "missing subcommand".
            .subcommand_required(true)
            .arg_required_else_help(true);
    }
    cmd
}

/// The about text, every argument's help, value name and heading, in the UI language.
fn localize_texts(cmd: Command, l10n: &Localizer, prefix: &str) -> Command {
    let arguments_heading = leak(l10n.text("cli-arguments-heading"));
    let options_heading = leak(l10n.text("cli-options-heading"));
    cmd.about(l10n.text(&format!("{prefix}-about")))
        .long_about(None)
        .mut_args(|arg| {
            let id = arg_message_id(prefix, arg.get_id().as_str());
            let takes_value = arg.get_action().takes_values();
            let heading = if arg.is_positional() {
                arguments_heading
            } else {
                options_heading
            };
            let mut arg = arg
                .help(l10n.text(&id))
                .long_help(None)
                .help_heading(heading);
            if takes_value {
                // The Fluent help text names the accepted values and the default itself.
                arg = arg.hide_possible_values(true).hide_default_value(true);
                if let Some(value_name) = l10n.attribute(&id, "value-name") {
                    arg = arg.value_name(leak(value_name));
                }
            }
            arg
        })
        .subcommand_help_heading(leak(l10n.text("cli-commands-heading")))
        .subcommand_value_name(leak(l10n.text("cli-command-placeholder")))
}

/// `songngu segment [OPTIONS] <FILE>`, with localized placeholders. Clap writes
/// `[OPTIONS]` in English whatever we do, so the usage line is composed here.
fn usage_line(cmd: &Command, path: &[String], l10n: &Localizer) -> String {
    let mut usage = path.join(" ");
    if cmd
        .get_arguments()
        .any(|a| !a.is_positional() && !a.is_hide_set())
    {
        usage.push_str(&format!(" [{}]", l10n.text("cli-options-placeholder")));
    }
    for arg in cmd.get_positionals().filter(|a| !a.is_hide_set()) {
        let name = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map_or_else(|| arg.get_id().to_string(), |n| n.to_string());
        let many = arg.get_num_args().is_some_and(|n| n.max_values() > 1);
        let dots = if many { "..." } else { "" };
        if arg.is_required_set() {
            usage.push_str(&format!(" <{name}>{dots}"));
        } else {
            usage.push_str(&format!(" [{name}]{dots}"));
        }
    }
    if cmd.has_subcommands() {
        usage.push_str(&format!(" <{}>", l10n.text("cli-command-placeholder")));
    }
    usage
}

/// The complete text printed on standard error for a usage mistake: the localized
/// message, tips, the usage line and the hint to try `--help`.
pub fn render_error(l10n: &Localizer, error: &clap::Error) -> String {
    let (message, notes) = describe(l10n, error);
    let mut text = l10n.text_with("cli-error", &[("message", message.into())]);
    for note in notes {
        text.push_str("\n  ");
        text.push_str(&note);
    }
    if let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) {
        // Clap stores the usage with its English title; ours replaces it.
        let usage = usage.to_string();
        let usage = usage.trim().strip_prefix("Usage:").unwrap_or(&usage).trim();
        text.push_str(&format!("\n\n{}: {usage}", l10n.text("cli-usage-heading")));
    }
    text.push_str("\n\n");
    text.push_str(&l10n.text_with("clap-try-help", &[("help", "--help".into())]));
    text.push('\n');
    text
}

/// What a clap error says, as plain strings.
struct Said<'e>(&'e clap::Error);

impl Said<'_> {
    fn string(&self, kind: ContextKind) -> Option<String> {
        match self.0.get(kind) {
            Some(ContextValue::String(s)) => Some(s.clone()),
            _ => None,
        }
    }

    fn strings(&self, kind: ContextKind) -> Option<Vec<String>> {
        match self.0.get(kind) {
            Some(ContextValue::String(s)) => Some(vec![s.clone()]),
            Some(ContextValue::Strings(list)) => Some(list.clone()),
            _ => None,
        }
    }
}

fn quoted_list(items: &[String]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| format!("`{item}`")).collect();
    quoted.join(", ")
}

/// The main message of a clap error and the notes (tips, possible values) under it.
fn describe(l10n: &Localizer, error: &clap::Error) -> (String, Vec<String>) {
    let said = Said(error);
    let mut notes = Vec::new();
    let message = main_message(l10n, &said, &mut notes);
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        if let Some(suggestion) = said.strings(kind).and_then(|s| s.into_iter().next()) {
            notes.push(l10n.text_with("clap-tip-similar", &[("suggestion", suggestion.into())]));
        }
    }
    if let (Some(ContextValue::Bool(true)), Some(arg)) = (
        error.get(ContextKind::TrailingArg),
        said.string(ContextKind::InvalidArg),
    ) {
        notes.push(l10n.text_with("clap-tip-escape", &[("arg", arg.into())]));
    }
    let message = message.unwrap_or_else(|| {
        // A mistake we have no message for: clap's own words, inside a localized frame,
        // beat no explanation at all.
        l10n.text_with("clap-other", &[("detail", clap_detail(error).into())])
    });
    (message, notes)
}

/// The message of the kinds of mistake we word ourselves, with their notes.
fn main_message(l10n: &Localizer, said: &Said, notes: &mut Vec<String>) -> Option<String> {
    let arg = || said.string(ContextKind::InvalidArg);
    match said.0.kind() {
        ErrorKind::UnknownArgument => {
            arg().map(|arg| l10n.text_with("clap-unknown-argument", &[("arg", arg.into())]))
        }
        ErrorKind::InvalidSubcommand => said
            .string(ContextKind::InvalidSubcommand)
            .map(|name| l10n.text_with("clap-unknown-subcommand", &[("name", name.into())])),
        ErrorKind::MissingSubcommand => {
            let commands = said.strings(ContextKind::ValidSubcommand);
            if let Some(commands) = commands.filter(|c| !c.is_empty()) {
                let list = [("commands", quoted_list(&commands).into())];
                notes.push(l10n.text_with("clap-available-commands", &list));
            }
            said.string(ContextKind::InvalidSubcommand)
                .map(|name| l10n.text_with("clap-missing-subcommand", &[("name", name.into())]))
        }
        ErrorKind::MissingRequiredArgument => said.strings(ContextKind::InvalidArg).map(|args| {
            l10n.text_with(
                "clap-missing-argument",
                &[
                    ("count", args.len().into()),
                    ("args", quoted_list(&args).into()),
                ],
            )
        }),
        ErrorKind::InvalidValue => invalid_value(l10n, said, notes),
        ErrorKind::TooManyValues => match (arg(), said.string(ContextKind::InvalidValue)) {
            (Some(arg), Some(value)) => Some(l10n.text_with(
                "clap-unexpected-value",
                &[("value", value.into()), ("arg", arg.into())],
            )),
            _ => None,
        },
        ErrorKind::ArgumentConflict => conflict(l10n, said),
        _ => None,
    }
}

/// A value an option does not take, or no value at all; the possible values as a note.
fn invalid_value(l10n: &Localizer, said: &Said, notes: &mut Vec<String>) -> Option<String> {
    let arg = said.string(ContextKind::InvalidArg);
    let value = said.string(ContextKind::InvalidValue);
    let values = said.strings(ContextKind::ValidValue);
    if let Some(values) = values.filter(|v| !v.is_empty()) {
        let list = [("values", quoted_list(&values).into())];
        notes.push(l10n.text_with("clap-possible-values", &list));
    }
    match (arg, value) {
        (Some(arg), Some(value)) if value.is_empty() => {
            Some(l10n.text_with("clap-missing-value", &[("arg", arg.into())]))
        }
        (Some(arg), Some(value)) => Some(l10n.text_with(
            "clap-invalid-value",
            &[("value", value.into()), ("arg", arg.into())],
        )),
        _ => None,
    }
}

/// Two options that cannot go together, or one given twice.
fn conflict(l10n: &Localizer, said: &Said) -> Option<String> {
    let arg = said.string(ContextKind::InvalidArg);
    let prior = said.strings(ContextKind::PriorArg);
    match (arg, prior) {
        (Some(arg), Some(prior)) if prior == [arg.clone()] => {
            Some(l10n.text_with("clap-argument-repeated", &[("arg", arg.into())]))
        }
        (Some(arg), Some(prior)) => {
            // The message quotes `{ $other }` itself; several are joined inside.
            let other = prior.join("`, `");
            Some(l10n.text_with(
                "clap-argument-conflict",
                &[("arg", arg.into()), ("other", other.into())],
            ))
        }
        _ => None,
    }
}

/// The first paragraph of clap's English rendering, without its `error: ` prefix.
fn clap_detail(error: &clap::Error) -> String {
    let rendered: StyledStr = error.render();
    let rendered = rendered.to_string();
    let first = rendered.split("\n\n").next().unwrap_or("").trim();
    first
        .strip_prefix("error:")
        .unwrap_or(first)
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use songngu::i18n::UiLocale;

    use super::*;

    /// The path of names to every command, the top level (`[]`) first: `["tm", "stats"]`.
    fn command_paths(cmd: &Command, prefix: &[String]) -> Vec<Vec<String>> {
        let mut paths = vec![prefix.to_vec()];
        for sub in cmd.get_subcommands() {
            let mut path = prefix.to_vec();
            path.push(sub.get_name().to_owned());
            paths.extend(command_paths(sub, &path));
        }
        paths
    }

    fn render_help(cmd: &Command, path: &[&str]) -> String {
        let mut cmd = cmd.clone();
        cmd.build();
        let mut target = &mut cmd;
        for name in path {
            target = target.find_subcommand_mut(name).expect("subcommand exists");
        }
        target.render_help().to_string()
    }

    #[test]
    fn every_command_and_argument_has_a_message() {
        let l10n = Localizer::new(UiLocale::Vi);
        let root = super::super::Cli::command();
        let mut missing = Vec::new();
        let mut check = |cmd: &Command, prefix: &str| {
            let about = format!("{prefix}-about");
            if !l10n.has_message(&about) {
                missing.push(about);
            }
            for arg in cmd.get_arguments() {
                let id = arg_message_id(prefix, arg.get_id().as_str());
                if !l10n.has_message(&id) {
                    missing.push(id.clone());
                }
                if arg.get_action().takes_values() && l10n.attribute(&id, "value-name").is_none() {
                    missing.push(format!("{id}.value-name"));
                }
                // The help texts promise to name every accepted value (flags have none).
                let help = l10n.text(&id);
                let values = if arg.get_action().takes_values() {
                    arg.get_possible_values()
                } else {
                    Vec::new()
                };
                for value in values {
                    if !help.contains(&format!("`{}`", value.get_name())) {
                        missing.push(format!("{id}: `{}`", value.get_name()));
                    }
                }
            }
        };
        check(&root, "cli");
        for path in command_paths(&root, &[]).into_iter().skip(1) {
            let mut cmd = &root;
            for name in &path {
                cmd = cmd.find_subcommand(name).expect("subcommand exists");
            }
            check(cmd, &path.join("-"));
        }
        assert!(
            missing.is_empty(),
            "missing or incomplete messages: {missing:?}"
        );
    }

    #[test]
    fn vietnamese_help_has_no_english_left() {
        let l10n = Localizer::new(UiLocale::Vi);
        let cmd = command(&l10n);
        for path in command_paths(&cmd, &[]) {
            let path: Vec<&str> = path.iter().map(String::as_str).collect();
            let help = render_help(&cmd, &path);
            for english in [
                "Usage",
                "Options",
                "Arguments",
                "Commands",
                "OPTIONS",
                "COMMAND",
                "Print help",
                "Print version",
                "possible values",
                "default:",
                "[env",
            ] {
                assert!(
                    !help.contains(english),
                    "`{english}` in help of {path:?}:\n{help}"
                );
            }
            assert!(help.contains("Cách dùng:"), "{help}");
            assert!(help.contains("Tùy chọn:"), "{help}");
        }
    }

    #[test]
    fn english_help_keeps_its_structure() {
        let cmd = command(&Localizer::new(UiLocale::EnUs));
        let help = render_help(&cmd, &[]);
        assert!(
            help.contains("Usage: songngu [OPTIONS] <COMMAND>"),
            "{help}"
        );
        assert!(help.contains("Commands:"), "{help}");
        assert!(help.contains("segment"), "{help}");
        let help = render_help(&cmd, &["segment"]);
        assert!(
            help.contains("Usage: songngu segment [OPTIONS] <FILE>"),
            "{help}"
        );
        assert!(help.contains("Arguments:"), "{help}");
        assert!(help.contains("--paragraphs <MODE>"), "{help}");
    }

    #[test]
    fn usage_errors_are_localized() {
        let l10n = Localizer::new(UiLocale::Vi);
        let mut cmd = command(&l10n);
        let error = cmd
            .try_get_matches_from_mut(["songngu", "segment", "--format", "xml", "a.txt"])
            .unwrap_err();
        let text = render_error(&l10n, &error);
        assert!(
            text.starts_with("songngu: lỗi: giá trị `xml` không hợp lệ"),
            "{text}"
        );
        assert!(text.contains("`text`, `json`"), "{text}");
        assert!(
            text.ends_with("Để biết thêm chi tiết, hãy thử `--help`.\n"),
            "{text}"
        );

        let error = cmd
            .try_get_matches_from_mut(["songngu", "segment"])
            .unwrap_err();
        let text = render_error(&l10n, &error);
        assert!(text.contains("thiếu 1 đối số bắt buộc: `<TỆP>`"), "{text}");
        assert!(
            text.contains("Cách dùng: songngu segment [TÙY_CHỌN] <TỆP>"),
            "{text}"
        );

        let en = Localizer::new(UiLocale::EnUs);
        let mut cmd = command(&en);
        let error = cmd
            .try_get_matches_from_mut(["songngu", "segment", "--formt", "json", "a.txt"])
            .unwrap_err();
        let text = render_error(&en, &error);
        assert!(
            text.starts_with("songngu: error: unexpected argument `--formt`"),
            "{text}"
        );
        assert!(text.contains("tip: did you mean `--format`?"), "{text}");
        let error = cmd
            .try_get_matches_from_mut(["songngu", "--lang", "en"])
            .unwrap_err();
        let text = render_error(&en, &error);
        assert!(
            text.starts_with("songngu: error: `songngu` needs a command"),
            "{text}"
        );
        assert!(text.contains("commands: `segment`"), "{text}");
        let error = cmd
            .try_get_matches_from_mut(["songngu", "segmnt"])
            .unwrap_err();
        let text = render_error(&en, &error);
        assert!(text.contains("unknown command `segmnt`"), "{text}");
        assert!(text.contains("did you mean `segment`?"), "{text}");
    }
}
