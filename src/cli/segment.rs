//! `songngu segment`: split an article into sentence units and print them.
//!
//! `--format text` prints one unit per line with a blank line between paragraphs, for
//! people. `--format json` prints JSON Lines, one [`Unit`](songngu::segment::Unit) per line, for programs:
//!
//! ```json
//! {"id":"u3f2a9c0b1d","block":0,"index":0,"text":"First sentence.","start":0,"end":15}
//! ```
//!
//! `id` is the unit's stable id, `block` the paragraph's index and `index` the unit's
//! position in it (both from 0), `text` the unit exactly as in the source, and
//! `start`/`end` its byte range in the decoded text. JSON is never localized. A one-line
//! summary goes to standard error afterwards, in the UI language.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, ValueEnum};
use songngu::document::{Document, ParagraphMode, ReadOptions};
use songngu::i18n::Localizer;
use songngu::project::article_options;
use songngu::segment::{Segmenter, each_unit, srx};
use songngu::text::Lang;

use super::context::Context;
use super::errors;
use super::exit::Exit;
use super::output::{Output, stderr_line};

/// Arguments of `songngu segment`; help texts come from `segment-arg-*` messages.
#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// The article, or `-` for standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Language of the text (not of the interface: that is the top-level `--lang`).
    #[arg(long, value_enum)]
    pub lang: Option<TextLang>,

    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,

    #[arg(long, value_name = "FILE")]
    pub srx: Option<PathBuf>,

    #[arg(long, value_enum, default_value_t = Paragraphs::Lines)]
    pub paragraphs: Paragraphs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextLang {
    En,
    Vi,
}

impl From<TextLang> for Lang {
    fn from(lang: TextLang) -> Lang {
        match lang {
            TextLang::En => Lang::En,
            TextLang::Vi => Lang::Vi,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Paragraphs {
    Lines,
    Blank,
}

impl From<Paragraphs> for ParagraphMode {
    fn from(mode: Paragraphs) -> ParagraphMode {
        match mode {
            Paragraphs::Lines => ParagraphMode::Lines,
            Paragraphs::Blank => ParagraphMode::Blank,
        }
    }
}

/// The text's language when `--lang` is not given: the newsroom names translations
/// `article.vi.txt`, so `.vi.` in the file name means Vietnamese.
pub fn default_lang(path: &Path) -> Lang {
    let is_vi = path
        .file_name()
        .is_some_and(|name| name.to_string_lossy().contains(".vi."));
    if is_vi { Lang::Vi } else { Lang::En }
}

pub fn execute(args: &SegmentArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let lang = args
        .lang
        .map_or_else(|| default_lang(&args.file), Lang::from);
    let options = ReadOptions {
        paragraphs: args.paragraphs.into(),
        ..article_options(&ctx.limits)
    };
    // `read_path` reads standard input for `-`. The built-in rules compile meanwhile: each
    // takes milliseconds, and compiling comes first the first time they are used.
    let doc = std::thread::scope(|scope| {
        if args.srx.is_none() {
            scope.spawn(|| Segmenter::builtin(lang));
        }
        Document::read_path(&args.file, options)
    })
    .map_err(|e| {
        let message = errors::document_error(l10n, &e);
        anyhow::Error::new(e).context(message)
    })?;
    let (segmenter, problems) = segmenter(args, lang, l10n)?;
    let count = write_units(args.format, &doc, &segmenter, out)?;
    let summary = [
        ("units", count.into()),
        ("paragraphs", doc.blocks.len().into()),
    ];
    stderr_line(&l10n.text_with("segment-summary", &summary));

    if let (Some(path), false) = (&args.srx, problems.is_empty()) {
        // The segmentation above is usable but not what the SRX file asked for:
        // a script must not take it for a clean run.
        let message = l10n.text_with(
            "srx-problems",
            &[
                ("count", problems.len().into()),
                ("path", path.display().to_string().into()),
            ],
        );
        stderr_line(&l10n.text_with("cli-error", &[("message", message.into())]));
        return Ok(Exit::Error);
    }
    Ok(Exit::Success)
}

/// The segmenter of `--srx`, its problems told on standard error (before the units, so
/// they are seen even when standard output goes to a file), else the built-in one.
fn segmenter(
    args: &SegmentArgs,
    lang: Lang,
    l10n: &Localizer,
) -> Result<(Segmenter, Vec<srx::SrxProblem>)> {
    let Some(path) = &args.srx else {
        return Ok((Segmenter::builtin(lang), Vec::new()));
    };
    let loaded = srx::load(path, lang).map_err(|e| {
        let message = errors::srx_error(l10n, &e);
        anyhow::Error::new(e).context(message)
    })?;
    for problem in &loaded.problems {
        let message = l10n.text_with(
            "srx-problem",
            &[
                ("path", path.display().to_string().into()),
                ("line", problem.line.to_string().into()),
                ("column", problem.column.to_string().into()),
                ("rule", problem.rule.clone().into()),
                ("message", problem.message.clone().into()),
            ],
        );
        stderr_line(&l10n.text_with("cli-warning", &[("message", message.into())]));
    }
    Ok((loaded.segmenter, loaded.problems))
}

/// Writes each unit as soon as it is found (the output of a large article is never held
/// whole); returns how many there were.
fn write_units(
    format: OutputFormat,
    doc: &Document,
    segmenter: &Segmenter,
    out: &mut Output,
) -> Result<usize> {
    let mut count = 0usize;
    let mut previous_block = None;
    each_unit(doc, segmenter, |unit| {
        count += 1;
        match format {
            OutputFormat::Text => {
                if previous_block.is_some_and(|block| block != unit.block) {
                    out.line("")?;
                }
                previous_block = Some(unit.block);
                out.line(&one_line(unit.text))
            }
            OutputFormat::Json => out.json_line(&unit),
        }
    })?;
    out.flush()?;
    Ok(count)
}

/// A unit of hard-wrapped text (`--paragraphs blank`) spans several lines; in the text
/// format each unit must stay on one line, so its line breaks are shown as spaces.
fn one_line(text: &str) -> Cow<'_, str> {
    if !has_line_break(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let mut joined = String::with_capacity(text.len());
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            joined.push(' ');
        }
        joined.push_str(line.trim_end_matches('\r'));
    }
    Cow::Owned(joined)
}

/// Whether `bytes` hold a `\n` or `\r`: looked for 32 bytes at a time without an early
/// exit inside a block (loops the compiler vectorizes), as every unit is tested.
fn has_line_break(bytes: &[u8]) -> bool {
    let is_break = |b: &u8| u8::from(*b == b'\n') | u8::from(*b == b'\r');
    let blocks = bytes.chunks_exact(32);
    let rest = blocks.remainder();
    blocks
        .map(|block| block.iter().map(is_break).fold(0, |a, b| a | b))
        .chain(rest.iter().map(is_break))
        .any(|found| found != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_language_follows_the_file_name() {
        assert_eq!(default_lang(Path::new("examples/seed.vi.txt")), Lang::Vi);
        assert_eq!(default_lang(Path::new("seed.vi.md")), Lang::Vi);
        assert_eq!(default_lang(Path::new("examples/seed.en.txt")), Lang::En);
        assert_eq!(default_lang(Path::new("movies.vi/seed.txt")), Lang::En);
        assert_eq!(default_lang(Path::new("-")), Lang::En);
    }

    #[test]
    fn line_breaks_are_found_anywhere() {
        let long = "x".repeat(70);
        for at in [0, 1, 31, 32, 33, 63, 64, 69] {
            for mark in ["\n", "\r"] {
                let mut text = long.clone();
                text.replace_range(at..=at, mark);
                assert!(has_line_break(text.as_bytes()), "{mark:?} at {at}");
            }
        }
        assert!(!has_line_break(long.as_bytes()));
        assert!(!has_line_break(b""));
    }

    #[test]
    fn text_units_stay_on_one_line() {
        assert_eq!(one_line("One line."), "One line.");
        assert_eq!(
            one_line("Hard\nwrapped\r\nsentence."),
            "Hard wrapped sentence."
        );
    }
}
