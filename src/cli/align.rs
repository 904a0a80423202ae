//! `songngu align <EN> <VI>`: pair an existing Vietnamese article with its English,
//! sentence by sentence, and optionally store the pairs in the memory.
//!
//! Output formats:
//! - `text` (default): each link as two columns, English left and Vietnamese right, each
//!   wrapped to half the terminal width (100 columns when stdout is not a terminal), with
//!   the link's kind (`2-1`) and confidence in front; low-confidence links marked `?`;
//! - `tsv`: `EN_INDICES<TAB>VI_INDICES` per link, 0-based global sentence indices,
//!   comma-separated for many-to-one links, an empty side for an unmatched sentence;
//! - `json`: JSON Lines `{"en": [..], "vi": [..], "en_text", "vi_text", "confidence",
//!   "low_confidence"}`, never localized.
//!
//! `--into TM [--doc ID]` writes every link with both sides as a TU of document ID (by
//! default the project's for the English article; the project's translator as the author,
//! unless `--user`; the project's languages) (many-to-one
//! links as one unit with the sentences joined, under the id of its first English
//! sentence), with its confidence as a prop; low-confidence links get the status
//! `needs-review`. The TU of the same document and unit is replaced, so a document never
//! has two TUs of one unit, and TUs an earlier `align` stored for sentences of this article
//! that it no longer pairs on their own (now inside a joined unit, or left unmatched) are
//! removed. A pair already stored the same way is left alone, so re-running changes nothing.
//!
//! Warnings (stderr, exit 0): a side with no sentences (all links one-sided), sides whose
//! sentence or character counts differ far more than a translation's do, most links of low
//! confidence. Both sides empty, or a glossary line that is not a term pair, is an error
//! (exit 2).

use std::io::IsTerminal;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, ValueEnum};
use songngu::align::{self, Link};
use songngu::flow::align::{self as flow, AlignRequest, Aligned, Lexicon, StoreRequest, Warning};
use songngu::i18n::Localizer;
use songngu::project::Project;

use super::context::Context;
use super::errors;
use super::exit::Exit;
use super::notices;
use super::output::{Output, stderr_line};
use super::values::read_only;

#[derive(Debug, Args)]
pub struct AlignArgs {
    #[arg(value_name = "EN")]
    pub en: PathBuf,
    #[arg(value_name = "VI")]
    pub vi: PathBuf,
    /// Inputs are already split: one sentence per line, a blank line between paragraphs.
    #[arg(long)]
    pub segmented: bool,
    #[arg(long, value_enum, default_value_t = AlignFormat::Text)]
    pub format: AlignFormat,
    /// A bilingual glossary: `English<TAB>Vietnamese` per line.
    #[arg(long, value_name = "FILE")]
    pub glossary: Option<PathBuf>,
    /// Store the pairs in this memory.
    #[arg(long, value_name = "TM")]
    pub into: Option<PathBuf>,
    /// Memory files whose translations teach the aligner which words translate which
    /// (default: the `--into` memory, else the project's). Repeatable.
    #[arg(long, value_name = "TM")]
    pub tm: Vec<PathBuf>,
    /// The document id the stored pairs belong to (default: the project's for `EN`).
    #[arg(long, value_name = "ID", requires = "into")]
    pub doc: Option<String>,
    /// Who is storing the pairs (default: the project's translator, else `SONGNGU_USER`
    /// or the system user).
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Write the memory even if it is read-only.
    #[arg(long, requires = "into")]
    pub force_readonly: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    Text,
    Tsv,
    Json,
}

#[derive(serde::Serialize)]
struct JsonLink<'a> {
    en: &'a [usize],
    vi: &'a [usize],
    en_text: String,
    vi_text: String,
    confidence: f64,
    low_confidence: bool,
}

fn indices(list: &[usize]) -> String {
    list.iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Width of the text format when stdout is not a terminal.
const DEFAULT_WIDTH: usize = 100;
/// `? 2-1 0.42 `: the mark, the link kind and the confidence in front of each link.
const GUTTER: usize = 11;
/// ` │ ` between the columns.
const SEPARATOR: &str = " │ ";
/// A column never gets narrower than this, however narrow the terminal.
const MIN_COLUMN: usize = 16;

/// The width of the text format: the terminal's, else [`DEFAULT_WIDTH`].
fn output_width() -> usize {
    if !std::io::stdout().is_terminal() {
        return DEFAULT_WIDTH;
    }
    terminal_size::terminal_size().map_or(DEFAULT_WIDTH, |(w, _)| usize::from(w.0))
}

/// `text` wrapped at word boundaries into lines of at most `width` characters (chars,
/// not bytes, so Vietnamese with its diacritics lines up); a longer word is cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while !word.is_empty() {
            let room = if len == 0 {
                width
            } else {
                width.saturating_sub(len + 1)
            };
            if word.len() <= room {
                if len > 0 {
                    line.push(' ');
                    len += 1;
                }
                line.extend(&word);
                len += word.len();
                word.clear();
            } else if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
            } else {
                // A word longer than the column (a URL) is cut where the column ends.
                lines.push(word.drain(..width).collect());
            }
        }
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// One link of the text format: the gutter, then English and Vietnamese side by side.
fn side_by_side(link: &Link, en_text: &str, vi_text: &str, width: usize) -> Vec<String> {
    let column = (width.saturating_sub(GUTTER + SEPARATOR.chars().count()) / 2).max(MIN_COLUMN);
    let side = |list: &[usize], text: &str| {
        let text = if text.is_empty() { "—" } else { text };
        if list.is_empty() {
            wrap(text, column)
        } else {
            wrap(&format!("[{}] {text}", indices(list)), column)
        }
    };
    let (left, right) = (side(&link.en, en_text), side(&link.vi, vi_text));
    let mark = if align::low_confidence(link) {
        '?'
    } else {
        ' '
    };
    let gutter = format!(
        "{mark} {}-{} {:.2} ",
        link.en.len(),
        link.vi.len(),
        link.confidence
    );
    (0..left.len().max(right.len()))
        .map(|row| {
            let front = if row == 0 { gutter.as_str() } else { "" };
            let l = left.get(row).map_or("", String::as_str);
            let r = right.get(row).map_or("", String::as_str);
            // Rust pads by chars, the unit the columns are measured in.
            let line = format!("{front:<GUTTER$}{l:<column$}{SEPARATOR}{r}");
            line.trim_end().to_string()
        })
        .collect()
}

fn warn(l10n: &Localizer, message: String) {
    stderr_line(&l10n.text_with("cli-warning", &[("message", message.into())]));
}

impl AlignArgs {
    /// Where the aligner learns from: `--tm` if given, else the `--into` memory when it
    /// exists, else the project's memory files that exist (only when there is a project
    /// file that loads: aligning two files works anywhere).
    fn lexicon(&self, project: Option<&Project>) -> Lexicon {
        if !self.tm.is_empty() {
            return Lexicon::Memories(self.tm.clone());
        }
        if let Some(into) = self.into.as_ref().filter(|p| p.exists()) {
            return Lexicon::Memories(vec![into.clone()]);
        }
        match project {
            Some(project) if project.config.path.is_some() => Lexicon::ProjectMemories,
            _ => Lexicon::None,
        }
    }

    /// The project: needed with `--into` or `--tm` (an error if it does not load); else
    /// the project file's if it loads, for its memory's words, else the defaults.
    fn project(&self, ctx: &Context) -> Result<(Project, bool)> {
        if self.into.is_some() || !self.tm.is_empty() {
            return Ok((ctx.project()?, true));
        }
        if ctx.project_file().is_some()
            && let Ok(project) = ctx.project()
        {
            return Ok((project, true));
        }
        Ok((ctx.default_project(), false))
    }
}

pub fn execute(args: &AlignArgs, ctx: &Context, out: &mut Output) -> Result<Exit> {
    let l10n = ctx.l10n;
    let flow_error = |e| errors::flow_error(l10n, e);
    let (project, loaded) = args.project(ctx)?;
    let storing = match &args.into {
        Some(tm) => {
            let request = StoreRequest {
                doc: args.doc.clone(),
                user: args.user.clone(),
                read_only: read_only(args.force_readonly),
                ..StoreRequest::new(tm, &args.en)
            };
            Some(flow::storing(&project, &request).map_err(flow_error)?)
        }
        None => None,
    };
    let request = AlignRequest {
        en: args.en.clone(),
        vi: args.vi.clone(),
        segmented: args.segmented,
        glossary: args.glossary.clone(),
        lexicon: args.lexicon(loaded.then_some(&project)),
    };
    let doc = storing.as_ref().map(|s| s.doc.as_str());
    let aligned =
        flow::align(&project, &request, doc, &mut notices::Stderr(l10n)).map_err(flow_error)?;
    write_links(args.format, &aligned, out, flow_error)?;
    let low = aligned.links.iter().filter(align::low_confidence).count();
    let summary = [("links", aligned.links.len().into()), ("low", low.into())];
    stderr_line(&l10n.text_with("align-summary", &summary));
    for warning in &aligned.warnings {
        warn(l10n, warning_text(l10n, args, warning));
    }
    if let Some(storing) = &storing {
        // Given away: the links and sides are let go of before the memory is saved.
        let stored = flow::store(&project, storing, aligned).map_err(flow_error)?;
        stderr_line(&l10n.text_with(
            "align-stored",
            &[
                ("path", storing.tm.display().to_string().into()),
                ("added", stored.added.into()),
                ("updated", stored.updated.into()),
                ("removed", stored.removed.into()),
                ("omitted", stored.omitted.into()),
                ("vi_only", stored.vi_only.into()),
            ],
        ));
    }
    Ok(Exit::Success)
}

/// Every link in `format`.
fn write_links(
    format: AlignFormat,
    aligned: &Aligned,
    out: &mut Output,
    flow_error: impl Fn(songngu::flow::FlowError) -> anyhow::Error,
) -> Result<()> {
    let width = output_width();
    for link in aligned.links.iter() {
        let link = &link;
        if format == AlignFormat::Tsv {
            out.line(&format!("{}\t{}", indices(&link.en), indices(&link.vi)))?;
            continue;
        }
        // Read back from the sides' temporary files a link at a time.
        let en_text = aligned.en.joined(&link.en).map_err(&flow_error)?;
        let vi_text = aligned.vi.joined(&link.vi).map_err(&flow_error)?;
        match format {
            AlignFormat::Tsv => {}
            AlignFormat::Json => out.json_line(&JsonLink {
                en: &link.en,
                vi: &link.vi,
                en_text,
                vi_text,
                confidence: link.confidence,
                low_confidence: align::low_confidence(link),
            })?,
            AlignFormat::Text => {
                for line in side_by_side(link, &en_text, &vi_text, width) {
                    out.line(&line)?;
                }
                out.line("")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// A warning about the pair of articles, in the UI language.
fn warning_text(l10n: &Localizer, args: &AlignArgs, warning: &Warning) -> String {
    match warning {
        Warning::NoSentences(path) => l10n.text_with(
            "align-no-sentences",
            &[("path", path.display().to_string().into())],
        ),
        Warning::LengthsDiffer {
            en_sentences,
            vi_sentences,
            en_chars,
            vi_chars,
            expected,
        } => l10n.text_with(
            "align-lengths-differ",
            &[
                ("en", args.en.display().to_string().into()),
                ("vi", args.vi.display().to_string().into()),
                ("en_sentences", (*en_sentences).into()),
                ("vi_sentences", (*vi_sentences).into()),
                ("en_chars", (*en_chars).into()),
                ("vi_chars", (*vi_chars).into()),
                ("expected", (*expected).into()),
            ],
        ),
        Warning::NotSameArticle => l10n.text("align-not-same-article"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_fills_lines_to_the_width_in_chars() {
        // Regression: a line filled exactly to the width made the room for the next word
        // negative.
        assert_eq!(wrap("aaaa bb cc", 4), ["aaaa", "bb", "cc"]);
        assert_eq!(wrap("ab cd ef", 5), ["ab cd", "ef"]);
        // Diacritics are one char each, however many bytes they take.
        assert_eq!(wrap("Đội đạt giải nhất", 9), ["Đội đạt", "giải nhất"]);
        assert_eq!(
            wrap("https://mic.gov.vn", 8),
            ["https://", "mic.gov.", "vn"]
        );
        assert_eq!(wrap("", 8), [""]);
    }

    #[test]
    fn columns_line_up_and_the_gutter_tells_kind_and_confidence() {
        let link = Link {
            en: vec![3, 4],
            vi: vec![3],
            confidence: 0.42,
        };
        let lines = side_by_side(
            &link,
            "One two three four five six.",
            "Một hai ba bốn năm sáu bảy.",
            60,
        );
        assert!(lines[0].starts_with("? 2-1 0.42 [3,4] "), "{lines:?}");
        // Every row puts the separator at the same char position.
        let at: Vec<usize> = lines
            .iter()
            .map(|l| l.chars().position(|c| c == '│').expect("separator"))
            .collect();
        assert!(at.windows(2).all(|w| w[0] == w[1]), "{lines:#?}");
        assert!(lines.iter().all(|l| l.chars().count() <= 60), "{lines:#?}");
        let one_sided = Link {
            en: vec![],
            vi: vec![7],
            confidence: 0.99,
        };
        let lines = side_by_side(&one_sided, "", "Câu thêm.", 60);
        // An unmatched sentence is worth a look however sure the aligner is.
        assert!(lines[0].starts_with("? 0-1 0.99 —"), "{lines:?}");
    }
}
