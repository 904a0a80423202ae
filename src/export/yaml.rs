//! Front matter values written as valid YAML, and read back as a reader sees them.

use crate::document::{Block, Document};

/// How a front matter value is written in the YAML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScalarStyle {
    Plain,
    DoubleQuoted,
    SingleQuoted,
    /// `|` or `>`: the value starts on the next line.
    Block,
}

/// Start of the line `at` is on.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// The skeleton before a block on its first line (`## `, `> - `, `title: "`).
pub(crate) fn line_prefix<'d>(doc: &'d Document, block: &Block) -> &'d str {
    &doc.text[line_start(&doc.text, block.range.start)..block.range.start]
}

pub(crate) fn quote_depth(doc: &Document, block: &Block) -> usize {
    line_prefix(doc, block).matches('>').count()
}

pub(crate) fn scalar_style(doc: &Document, block: &Block) -> ScalarStyle {
    let prefix = line_prefix(doc, block);
    match prefix.trim_end().chars().last() {
        Some('"') => ScalarStyle::DoubleQuoted,
        Some('\'') => ScalarStyle::SingleQuoted,
        _ if prefix.trim().is_empty() => ScalarStyle::Block,
        _ => ScalarStyle::Plain,
    }
}

/// A translated front matter value made valid YAML for the style of the English value:
/// quotes escaped in quoted scalars (`\"`, `''`), continuation lines indented like the
/// English's, and a plain value that YAML would read as something else (`Giá: tăng`,
/// `# 1`, `true`, `2019`) written double-quoted.
pub(crate) fn yaml_value(doc: &Document, block: &Block, value: &str) -> String {
    let en = doc.block_text(block);
    let style = scalar_style(doc, block);
    // The indentation of the English's continuation lines.
    let indent = match style {
        ScalarStyle::Block => line_prefix(doc, block).to_owned(),
        _ => en
            .split('\n')
            .nth(1)
            .map(|l| {
                l.chars()
                    .take_while(|c| *c == ' ' || *c == '\t')
                    .collect::<String>()
            })
            .filter(|i| !i.is_empty())
            .unwrap_or_else(|| "  ".to_owned()),
    };
    let indented = |text: &str| -> String {
        let mut out = String::with_capacity(text.len());
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
                let bare = line.trim_end_matches('\r');
                if !bare.trim().is_empty() && !line.starts_with([' ', '\t']) {
                    out.push_str(&indent);
                }
            }
            out.push_str(line);
        }
        out
    };
    match style {
        ScalarStyle::DoubleQuoted => {
            let mut out = String::with_capacity(value.len() + 8);
            let mut escaped = false;
            for c in value.chars() {
                if c == '"' && !escaped {
                    out.push('\\');
                }
                escaped = c == '\\' && !escaped;
                out.push(c);
            }
            indented(&out)
        }
        ScalarStyle::SingleQuoted => {
            let mut out = String::with_capacity(value.len() + 8);
            let mut chars = value.chars().peekable();
            while let Some(c) = chars.next() {
                out.push(c);
                if c == '\'' {
                    out.push('\'');
                    if chars.peek() == Some(&'\'') {
                        chars.next();
                    }
                }
            }
            indented(&out)
        }
        ScalarStyle::Block => indented(value),
        ScalarStyle::Plain => {
            if plain_scalar_is_safe(value) {
                indented(value)
            } else {
                let folded = value.split_whitespace().collect::<Vec<_>>().join(" ");
                let mut out = String::with_capacity(folded.len() + 2);
                out.push('"');
                for c in folded.chars() {
                    if c == '"' || c == '\\' {
                        out.push('\\');
                    }
                    out.push(c);
                }
                out.push('"');
                out
            }
        }
    }
}

/// Whether `value` reads back as the same string when written as a plain YAML scalar.
fn plain_scalar_is_safe(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) || value.trim() != value {
        return false;
    }
    if value.contains(": ") || value.contains(" #") || value.ends_with(':') || value.contains('\t')
    {
        return false;
    }
    let lower = value.to_ascii_lowercase();
    let special = [
        "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf",
        "+.inf",
    ];
    !(special.contains(&lower.as_str()) || value.parse::<f64>().is_ok() || lower.starts_with("0x"))
}

/// A YAML scalar's text as a reader sees it: escapes of the quoted styles undone, lines
/// folded into one.
pub(crate) fn yaml_display(text: &str, style: ScalarStyle) -> String {
    let folded = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match style {
        ScalarStyle::DoubleQuoted => {
            let mut out = String::with_capacity(folded.len());
            let mut chars = folded.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => match chars.next() {
                        Some('n') => out.push(' '),
                        Some('t') => out.push(' '),
                        Some(other) => out.push(other),
                        None => {}
                    },
                    _ => out.push(c),
                }
            }
            out
        }
        ScalarStyle::SingleQuoted => folded.replace("''", "'"),
        ScalarStyle::Plain | ScalarStyle::Block => folded,
    }
}
