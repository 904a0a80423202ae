//! `bilingual-md`: the article as Markdown, each English block followed by its
//! Vietnamese.
//!
//! A two-column table breaks down with long paragraphs and cannot hold lists or quotes,
//! so the layout is paired instead: the English block as it was (a heading stays a
//! heading of the same level, so the outline and a table of contents are the English
//! article's), then its Vietnamese as a block quote right below it. Inside a list item
//! the quote is indented into the item, so lists stay lists; inside a quote it is a
//! nested quote. Front matter fields become `**title:** ...` paragraphs; table cells
//! become one pair per cell, in row order (a table cannot hold the pairs).
//!
//! ```markdown
//! # Rice prices climb
//!
//! > Giá gạo tăng
//!
//! Vietnam's **rice** exports rose. *Buyers* are back.
//!
//! > Xuất khẩu **gạo** tăng. *Buyers* are back.
//! >
//! > - ⚠ **missing** `u4be1f0c2aa` “Buyers are back.”
//!
//! - Prices: `$600/t`
//!
//!   > Giá: `$600/t`
//! ```
//!
//! Flags are visible text: under the Vietnamese of a block, a list of `⚠ **stale**`,
//! `⚠ **missing**` or `⚠ **<kind>** (<severity>)` markers naming the unit (id and the
//! start of its English) and, for a finding, its message and finding id; a legend at the
//! top explains them. Inline Markdown is kept as written on both sides; a line that would
//! start another kind of block where it now stands is escaped with a backslash. A plain
//! text article is escaped so that it reads as the same text. Output: UTF-8, LF line
//! ends, deterministic.

use std::io::Write;

use super::html::InlineRenderer;
use super::{
    BlockView, ExportError, Prepared, Release, Source, Wording, line_prefix, markdown_lines,
    neutralize, shorten, yaml_display,
};
use crate::document::BlockKind;
use crate::drift::Status;
use crate::memory::layout::Addition;

/// Writes the bilingual Markdown of `release` to `out`.
pub fn write(
    release: &Release<'_>,
    wording: &Wording<'_>,
    mut out: impl Write,
) -> Result<(), ExportError> {
    let text = to_string(release, wording)?;
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(ExportError::write("bilingual Markdown"))
}

/// The bilingual Markdown of `release`.
pub fn to_string(release: &Release<'_>, wording: &Wording<'_>) -> Result<String, ExportError> {
    let prepared = Prepared::new(release)?;
    let inline = InlineRenderer::new(release.en);
    let mut out = String::with_capacity(release.en.text.len() * 2 + 256);
    if release.has_flags() {
        legend(&mut out, wording);
    }
    for view in &prepared.views {
        if !out.is_empty() {
            out.push('\n');
        }
        let vi = if view.units.is_empty() {
            prepared.en_text(view).to_owned()
        } else {
            prepared.vi_display(view)
        };
        added(&mut out, view.units.iter().flat_map(|u| &u.added_before));
        block(&mut out, &prepared, view, &vi, &inline, wording);
        added(&mut out, view.units.iter().flat_map(|u| &u.added_after));
    }
    definitions(&mut out, &inline);
    Ok(out)
}

/// One block per editor's addition (Vietnamese published without English): no English
/// line, the Vietnamese quoted as every block's is.
fn added<'x>(out: &mut String, additions: impl Iterator<Item = &'x Addition>) {
    for addition in additions {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str("> ");
        out.push_str(&neutralize(&escape(addition.vi.trim())));
        out.push('\n');
    }
}

/// The article's link reference definitions, so that `[text][label]` links still work.
fn definitions(out: &mut String, inline: &InlineRenderer) {
    for (i, (label, dest, title)) in inline.definitions().iter().enumerate() {
        out.push_str(if i == 0 { "\n[" } else { "[" });
        out.push_str(label);
        out.push_str("]: ");
        if dest.is_empty() || dest.contains([' ', '<', '>', '\t', '\n']) {
            out.push('<');
            out.push_str(
                &dest
                    .replace('<', "\\<")
                    .replace('>', "\\>")
                    .replace('\n', " "),
            );
            out.push('>');
        } else {
            out.push_str(dest);
        }
        if !title.is_empty() {
            out.push_str(" \"");
            out.push_str(&title.replace('\\', "\\\\").replace('"', "\\\""));
            out.push('"');
        }
        out.push('\n');
    }
}

fn legend(out: &mut String, wording: &Wording<'_>) {
    out.push_str("**");
    out.push_str(&escape(&wording.legend));
    out.push_str("**\n\n");
    for (badge, text) in [
        ("⚠ **stale**", &wording.stale),
        ("⚠ **missing**", &wording.missing),
        (
            "⚠ **number**, **date**, … (error, warning, info)",
            &wording.finding,
        ),
        ("✓ accepted", &wording.accepted),
    ] {
        out.push_str("- ");
        out.push_str(badge);
        out.push_str(": ");
        out.push_str(&escape(text));
        out.push('\n');
    }
    out.push_str("\n---\n");
}

/// The lines of a block's text, ready to be placed at the start of a line.
fn lines(text: &str, source: Source) -> Vec<String> {
    match source {
        Source::Markdown { quote_depth } => markdown_lines(text, quote_depth),
        Source::Plain => text
            .split('\n')
            .map(|line| neutralize(&escape(line.trim_end_matches('\r').trim_start())))
            .collect(),
        Source::Yaml(style) => vec![neutralize(&escape(&yaml_display(text, style)))],
    }
}

/// Appends `lines` with `first` before the first line and `rest` before the others.
fn push_lines(out: &mut String, first: &str, rest: &str, lines: &[String]) {
    for (i, line) in lines.iter().enumerate() {
        let prefix = if i == 0 { first } else { rest };
        if line.is_empty() {
            out.push_str(prefix.trim_end());
        } else {
            out.push_str(prefix);
            out.push_str(line);
        }
        out.push('\n');
    }
}

fn block(
    out: &mut String,
    prepared: &Prepared<'_, '_>,
    view: &BlockView<'_, '_>,
    vi: &str,
    inline: &InlineRenderer,
    wording: &Wording<'_>,
) {
    let source = prepared.source(view);
    let en = lines(prepared.en_text(view), source);
    let vi = lines(vi, source);
    // Where the Vietnamese quote goes: its line prefix.
    let quote: String = match &view.block.kind {
        BlockKind::Heading(level) => {
            let mut heading = "#".repeat(usize::from((*level).clamp(1, 6)));
            heading.push(' ');
            heading.push_str(&closing_hashes_escaped(&en.join(" ")));
            out.push_str(&heading);
            out.push('\n');
            "> ".into()
        }
        BlockKind::FrontMatter(key) => {
            out.push_str("**");
            out.push_str(&escape(key));
            out.push_str(":** ");
            push_lines(out, "", "", &en);
            "> ".into()
        }
        BlockKind::Paragraph | BlockKind::TableCell => {
            push_lines(out, "", "", &en);
            "> ".into()
        }
        BlockKind::BlockQuote => {
            push_lines(out, "> ", "> ", &en);
            "> > ".into()
        }
        BlockKind::ListItem => {
            let marker = list_marker(line_prefix(prepared.release.en, view.block));
            let indent = " ".repeat(marker.chars().count() + 1);
            push_lines(out, &format!("{marker} "), &indent, &en);
            format!("{indent}> ")
        }
    };
    // A blank line (kept inside an enclosing quote) before the Vietnamese.
    let container = &quote[..quote.len() - 2];
    out.push_str(container.trim_end());
    out.push('\n');
    push_lines(out, &quote, &quote, &vi);
    flags(out, prepared, view, inline, wording, &quote);
}

/// The marker of a list item as written (`-`, `3.`); `-` when it cannot be found.
fn list_marker(prefix: &str) -> &str {
    let marker = prefix.split_whitespace().last().unwrap_or("");
    let bullet = matches!(marker, "-" | "*" | "+");
    let numbered = marker.len() > 1
        && marker.len() <= 10
        && marker.ends_with(['.', ')'])
        && marker[..marker.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_digit());
    if bullet || numbered { marker } else { "-" }
}

/// Escapes a run of `#` at the end of a heading, which ATX would take for a closing
/// sequence.
fn closing_hashes_escaped(text: &str) -> String {
    let body = text.trim_end_matches('#');
    if body.len() < text.len() && (body.is_empty() || body.ends_with([' ', '\t'])) {
        format!("{body}\\{}", &text[body.len()..])
    } else {
        text.to_owned()
    }
}

fn flags(
    out: &mut String,
    prepared: &Prepared<'_, '_>,
    view: &BlockView<'_, '_>,
    inline: &InlineRenderer,
    wording: &Wording<'_>,
    quote: &str,
) {
    let mut marks: Vec<String> = Vec::new();
    if view.units.is_empty() {
        marks.push("⚠ **missing**".into());
    }
    for unit in view.units.iter().filter(|u| u.is_flagged()) {
        let excerpt = escape(&shorten(
            &inline.plain(&unit.unit.text, prepared.source(view)),
            80,
        ));
        let label = format!("{} “{excerpt}”", code_span(&unit.unit.id));
        let state = unit.state();
        if state != Status::Current {
            marks.push(format!("⚠ **{}** {label}", state.name()));
        }
        for finding in &unit.findings {
            let (mark, accepted) = if finding.accepted.is_some() {
                ("✓", " (accepted)")
            } else {
                ("⚠", "")
            };
            marks.push(format!(
                "{mark} **{}** ({}){accepted} {label}: {} {}",
                finding.kind.name(),
                finding.severity.name(),
                escape(&wording.explain(&finding.explanation)),
                code_span(&finding.fingerprint()),
            ));
        }
    }
    if marks.is_empty() {
        return;
    }
    out.push_str(quote.trim_end());
    out.push('\n');
    for mark in marks {
        out.push_str(quote);
        out.push_str("- ");
        out.push_str(&mark);
        out.push('\n');
    }
}

/// `text` as an inline code span, with enough backticks around it.
fn code_span(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// Escapes the characters that could be inline Markdown, so that `text` reads the same.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '&' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::Kind;
    use crate::export::tests::{doc, finding, release, seed, units};

    #[test]
    fn markdown_article_in_pairs() {
        let en = doc(
            "rice.en.md",
            "---\ntitle: Rice prices climb\n---\n# Rice prices climb #\n\n\
             Vietnam's **rice** exports rose [12%](https://example.com/data \"Data\").\n\
             *Buyers* are back.\n\n\
             > Farmers in *An Giang*\n> are planting more.\n\n\
             - Prices: `$600/t`\n\n\
             10. Tenth.\n\n[Ref  One]: https://x.vn/a \"A \\\"t\\\"\"\n[b]: <https://x.vn/a b>\n",
        );
        let us = units(&en);
        let r = release(
            &en,
            &us,
            &[
                Some("Giá: gạo tăng"),
                Some("Giá gạo tăng"),
                Some("Xuất khẩu **gạo** tăng [12%](https://example.com/data \"Data\")."),
                Some("- *Người mua* đã quay lại."),
                Some("Nông dân ở *An Giang*\n> đang trồng nhiều hơn."),
                Some("Giá: `$600/t`"),
                Some("Thứ mười."),
            ],
        );
        let md = to_string(&r, &Wording::default()).unwrap();
        assert_eq!(
            md,
            "**title:** Rice prices climb\n\n> Giá: gạo tăng\n\n\
             # Rice prices climb\n\n> Giá gạo tăng\n\n\
             Vietnam's **rice** exports rose [12%](https://example.com/data \"Data\").\n\
             *Buyers* are back.\n\n\
             > Xuất khẩu **gạo** tăng [12%](https://example.com/data \"Data\").\n\
             > \\- *Người mua* đã quay lại.\n\n\
             > Farmers in *An Giang*\n> are planting more.\n>\n\
             > > Nông dân ở *An Giang*\n> > đang trồng nhiều hơn.\n\n\
             - Prices: `$600/t`\n\n  > Giá: `$600/t`\n\n\
             10. Tenth.\n\n    > Thứ mười.\n\n\
             [b]: <https://x.vn/a b>\n\
             [Ref One]: https://x.vn/a \"A \\\"t\\\"\"\n"
        );
    }

    #[test]
    fn plain_text_is_escaped_and_flags_are_visible() {
        let en = doc("a.en.txt", "Title *here*\nA year. Of <b>note</b>.\n");
        let us = units(&en);
        let mut r = release(
            &en,
            &us,
            &[Some("Tiêu đề *đây*"), Some("1986. Một năm."), None],
        );
        r.units[0].status = Status::Stale;
        let number = finding(Kind::Number, &us[1]);
        r.units[1].findings.push(&number);
        let md = to_string(&r, &Wording::default()).unwrap();
        let expected = format!(
            "**Marks**\n\n\
             - ⚠ **stale**: the English changed since this was translated: the Vietnamese is out of date\n\
             - ⚠ **missing**: not translated: the English stands in its place\n\
             - ⚠ **number**, **date**, … (error, warning, info): a check found a difference between the English and the Vietnamese (kind, message id, finding id)\n\
             - ✓ accepted: an editor accepted the finding\n\n---\n\n\
             Title \\*here\\*\n\n> Tiêu đề \\*đây\\*\n>\n\
             > - ⚠ **stale** `{}` “Title \\*here\\*”\n\n\
             A year. Of \\<b\\>note\\</b\\>.\n\n\
             > 1986\\. Một năm. Of \\<b\\>note\\</b\\>.\n>\n\
             > - ⚠ **number** (error) `{}` “A year.”: check-number (en: 12) `{}`\n\
             > - ⚠ **missing** `{}` “Of \\<b\\>note\\</b\\>.”\n",
            us[0].id,
            us[1].id,
            number.fingerprint(),
            us[2].id,
        );
        assert_eq!(md, expected);
    }

    #[test]
    fn seed_example_pairs_every_line() {
        let (en, us, vi) = seed();
        let vi: Vec<Option<&str>> = vi.iter().map(|t| Some(t.as_str())).collect();
        let r = release(&en, &us, &vi);
        let md = to_string(&r, &Wording::default()).unwrap();
        // One English paragraph and one quote per line of the article.
        assert_eq!(md.matches("\n\n> ").count(), en.blocks.len());
        assert!(
            md.contains("> Hội thảo về ứng xử có trách nhiệm của quốc gia trên không gian mạng\n")
        );
        assert!(!md.contains('⚠'));
    }

    #[test]
    fn helpers() {
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(closing_hashes_escaped("C#"), "C#");
        assert_eq!(closing_hashes_escaped("Tin ##"), "Tin \\##");
        assert_eq!(list_marker("> 12) "), "12)");
        assert_eq!(list_marker("  * "), "*");
        assert_eq!(list_marker("| a | "), "-");
    }
}
