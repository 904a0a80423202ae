//! YAML front matter at the very start of a Markdown article.
//!
//! Only the top-level `title` and `description` keys are translated. This is a small
//! line scanner rather than a YAML library because what matters here is the exact byte
//! range of each value, which YAML libraries do not give back: everything it does not
//! recognise stays skeleton, so the worst case is a value left untranslated.

use std::ops::Range;

use super::{Block, BlockKind, line_ranges, trim_range};

/// Top-level keys whose scalar values are translatable.
const TRANSLATABLE: &[&str] = &["title", "description"];

/// Front matter found at the start of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    /// Where the Markdown body starts: just after the closing delimiter line.
    pub(crate) end: usize,
    /// The translatable fields, in order.
    pub(crate) blocks: Vec<Block>,
}

/// Finds front matter: a first line `---`, then any lines, then a line `---` or `...`
/// (trailing white space allowed on both delimiter lines). Without a closing line there is
/// no front matter and the whole text is Markdown.
pub(crate) fn parse(text: &str) -> Option<FrontMatter> {
    let mut lines = line_ranges(text);
    let first = lines.next()?;
    if !is_delimiter(text, first, &["---"]) {
        return None;
    }
    let mut body = Vec::new();
    for line in lines {
        if is_delimiter(text, line.clone(), &["---", "..."]) {
            // Past the closing line's `\n` when there is one.
            let end = (line.end + 1).min(text.len());
            return Some(FrontMatter {
                end,
                blocks: fields(text, &body),
            });
        }
        body.push(line);
    }
    None
}

/// A delimiter line: one of `marks` at the start of the line, then only white space.
fn is_delimiter(text: &str, line: Range<usize>, marks: &[&str]) -> bool {
    let Some(line) = text.get(line) else {
        return false;
    };
    marks.iter().any(|mark| line.trim_end() == *mark)
}

/// The translatable fields among the `lines` (ranges in `text`) of the YAML body.
fn fields(text: &str, lines: &[Range<usize>]) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut i = 0;
    while let Some(line) = lines.get(i) {
        let Some((key, value_start)) = top_level_key(text, line.clone()) else {
            // Blank lines, comments, and indented lines that belong to a value.
            i += 1;
            continue;
        };
        let (range, next) = value(text, lines, i, value_start);
        if let Some(range) = range.filter(|_| TRANSLATABLE.contains(&key))
            && !range.is_empty()
        {
            let kind = BlockKind::FrontMatter(key.to_owned());
            blocks.push(Block {
                kind,
                range,
                codes: Vec::new(),
            });
        }
        // Always move forward, whatever `value` found.
        i = next.max(i + 1);
    }
    blocks
}

/// A mapping key at column 0: `key:` or a quoted `"key":` / `'key':`, the colon followed by
/// white space or the end of the line. Returns the key and the offset just past the colon.
fn top_level_key(text: &str, line: Range<usize>) -> Option<(&str, usize)> {
    let s = text.get(line.clone())?;
    let first = s.chars().next()?;
    let (key, after_key) = match first {
        '"' | '\'' => {
            let close = s[1..].find(first)? + 1;
            (&s[1..close], close + 1)
        }
        // YAML indicators that cannot start a plain key, and white space (an indented
        // line belongs to the value above it).
        '#' | '-' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '%' | '@' | '`' | '?'
        | ',' | ':' => return None,
        c if c.is_whitespace() => return None,
        _ => {
            let colon = plain_key_colon(s)?;
            (s[..colon].trim_end(), colon)
        }
    };
    let rest = &s[after_key..];
    let colon = after_key + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
    let after_colon = s.get(colon..)?.strip_prefix(':')?;
    if !after_colon.is_empty() && !after_colon.starts_with([' ', '\t', '\r']) {
        return None;
    }
    Some((key, line.start + colon + 1))
}

/// Offset of the colon ending a plain key: the first `:` followed by white space or the end
/// of the line, unless a comment (`#` after white space) comes first.
fn plain_key_colon(s: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    for (at, &b) in bytes.iter().enumerate() {
        match b {
            b':' if matches!(bytes.get(at + 1), None | Some(b' ' | b'\t' | b'\r')) => {
                return Some(at);
            }
            b'#' if at > 0 && matches!(bytes[at - 1], b' ' | b'\t') => return None,
            _ => {}
        }
    }
    None
}

/// The translatable range of the value starting at `start` on line `i`, and the index of
/// the first line after the value.
fn value(
    text: &str,
    lines: &[Range<usize>],
    i: usize,
    start: usize,
) -> (Option<Range<usize>>, usize) {
    let Some(line) = lines.get(i) else {
        return (None, i + 1);
    };
    let start = skip_blanks(text, start, line.end);
    let rest = text.get(start..line.end).unwrap_or("");
    match rest.chars().next() {
        // Nothing, or only a comment: an empty value, or a nested mapping we keep as is.
        None | Some('#' | '\r') => (None, i + 1),
        Some('|' | '>') => block_scalar(text, lines, i, rest),
        Some(quote @ ('"' | '\'')) => quoted(text, lines, i, start, quote),
        // Flow collections, anchors, aliases, tags, reserved indicators: not plain text.
        Some('[' | '{' | '&' | '*' | '!' | '%' | '@' | '`') => (None, i + 1),
        Some(_) => plain(text, lines, i, start),
    }
}

/// Skips spaces and tabs from `at`, not past `end`.
fn skip_blanks(text: &str, at: usize, end: usize) -> usize {
    let rest = text.get(at..end).unwrap_or("");
    at + (rest.len() - rest.trim_start_matches([' ', '\t']).len())
}

/// A plain scalar: the rest of the line up to a comment, plus more-indented continuation
/// lines (YAML folds them into one line).
fn plain(
    text: &str,
    lines: &[Range<usize>],
    i: usize,
    start: usize,
) -> (Option<Range<usize>>, usize) {
    let Some(line) = lines.get(i) else {
        return (None, i + 1);
    };
    let (first_end, commented) = cut_comment(text, start..line.end);
    let first = trim_range(text, start..first_end);
    let value = text.get(first.clone()).unwrap_or("");
    if matches!(value, "~" | "null" | "Null" | "NULL") {
        return (None, i + 1);
    }
    let mut end = first.end;
    let mut next = i + 1;
    if !commented {
        while let Some(line) = lines.get(next) {
            let content = trim_range(text, line.clone());
            if content.is_empty() {
                next += 1;
                continue;
            }
            if content.start == line.start
                || text
                    .get(content.clone())
                    .is_some_and(|s| s.starts_with('#'))
            {
                // Back at column 0 (the next key), or a comment that ends the scalar.
                break;
            }
            let (cut, commented) = cut_comment(text, content.clone());
            let part = trim_range(text, content.start..cut);
            if !part.is_empty() {
                end = part.end;
            }
            next += 1;
            if commented {
                break;
            }
        }
    }
    (Some(first.start..end), next)
}

/// Where `range` ends once a trailing comment (` #...`) is cut off, and whether one was.
fn cut_comment(text: &str, range: Range<usize>) -> (usize, bool) {
    let Some(s) = text.get(range.clone()) else {
        return (range.end, false);
    };
    let bytes = s.as_bytes();
    for (at, &b) in bytes.iter().enumerate() {
        if b == b'#' && at > 0 && matches!(bytes[at - 1], b' ' | b'\t') {
            return (range.start + at, true);
        }
    }
    (range.end, false)
}

/// A single- or double-quoted scalar, possibly over several lines; the range is inside the
/// quotes, trimmed. An unclosed quote gives no range.
fn quoted(
    text: &str,
    lines: &[Range<usize>],
    i: usize,
    open: usize,
    quote: char,
) -> (Option<Range<usize>>, usize) {
    let Some(last) = lines.last() else {
        return (None, i + 1);
    };
    let inner = open + 1;
    let Some(s) = text.get(inner..last.end) else {
        return (None, i + 1);
    };
    let bytes = s.as_bytes();
    let mut at = 0;
    let close = loop {
        match (quote, bytes.get(at)) {
            (_, None) => return (None, i + 1),
            // `''` is a quote inside a single-quoted scalar.
            ('\'', Some(b'\'')) if bytes.get(at + 1) == Some(&b'\'') => at += 2,
            // Backslash escapes only exist in double-quoted scalars.
            ('"', Some(b'\\')) => at += 2,
            (_, Some(&b)) if b == quote as u8 => break inner + at,
            _ => at += 1,
        }
    };
    let next = lines
        .iter()
        .position(|line| line.end >= close)
        .map_or(i + 1, |j| j + 1);
    let range = trim_range(text, inner..close);
    (Some(range).filter(|r| !r.is_empty()), next)
}

/// A literal (`|`) or folded (`>`) block scalar: from the first content character to the
/// end of the last content line, white space trimmed.
fn block_scalar(
    text: &str,
    lines: &[Range<usize>],
    i: usize,
    header: &str,
) -> (Option<Range<usize>>, usize) {
    // An explicit indentation indicator (`|2`) fixes the content indentation.
    let explicit = header
        .chars()
        .skip(1)
        .take_while(|c| matches!(c, '+' | '-' | '1'..='9'))
        .find_map(|c| c.to_digit(10))
        .map(|d| d as usize);
    let mut indent = explicit;
    let mut range: Option<Range<usize>> = None;
    let mut next = i + 1;
    while let Some(line) = lines.get(next) {
        let content = trim_range(text, line.clone());
        if content.is_empty() {
            next += 1;
            continue;
        }
        let s = text.get(line.clone()).unwrap_or("");
        let spaces = s.len() - s.trim_start_matches(' ').len();
        let needed = *indent.get_or_insert(spaces);
        // Content of a top-level key is indented by at least one space.
        if needed == 0 || spaces < needed {
            break;
        }
        range = Some(range.map_or(content.start, |r| r.start)..content.end);
        next += 1;
    }
    (range, next)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(key, value text)` of each translatable field, and the body start.
    fn fields_of(text: &str) -> (Vec<(String, &str)>, usize) {
        let fm = parse(text).expect("front matter");
        let fields = fm
            .blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::FrontMatter(key) => (key.clone(), &text[b.range.clone()]),
                other => panic!("unexpected kind {other:?}"),
            })
            .collect();
        (fields, fm.end)
    }

    fn pairs<'a>(list: &[(&str, &'a str)]) -> Vec<(String, &'a str)> {
        list.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn plain_values_and_other_keys() {
        let text = "---\ntitle:   Flood waters recede in Huế  \nauthor: Lan Phạm\ndate: 2024-09-12\n\
                    description: Residents return home # editor: check\ntags: [weather, central]\n---\nBody.\n";
        let (fields, end) = fields_of(text);
        assert_eq!(
            fields,
            pairs(&[
                ("title", "Flood waters recede in Huế"),
                ("description", "Residents return home")
            ])
        );
        assert_eq!(&text[end..], "Body.\n");
    }

    #[test]
    fn quoted_values_keep_their_quotes_in_the_skeleton() {
        let text = "---\ntitle: \"Vietnam's \\\"green\\\" budget\"\ndescription: 'It''s passed: 90% yes' # c\n---\n";
        let (fields, _) = fields_of(text);
        assert_eq!(
            fields,
            pairs(&[
                ("title", "Vietnam's \\\"green\\\" budget"),
                ("description", "It''s passed: 90% yes")
            ])
        );
    }

    #[test]
    fn quoted_value_over_two_lines() {
        let text = "---\ntitle: \"Hội An lanterns\n  light the river\"\nauthor: x\n---\n";
        let (fields, _) = fields_of(text);
        assert_eq!(
            fields,
            pairs(&[("title", "Hội An lanterns\n  light the river")])
        );
    }

    #[test]
    fn block_scalars_literal_and_folded() {
        let text = "---\ndescription: |\n  Line one of the summary.\n\n  Line two: Đà Lạt.  \ntitle: >-\n    Folded\n    title\nlayout: post\n---\n";
        let (fields, _) = fields_of(text);
        assert_eq!(
            fields,
            pairs(&[
                (
                    "description",
                    "Line one of the summary.\n\n  Line two: Đà Lạt."
                ),
                ("title", "Folded\n    title")
            ])
        );
    }

    #[test]
    fn block_scalar_with_explicit_indentation_and_comment() {
        let text = "---\ntitle: |2 # keep\n   indented start\n  second\n---\n";
        let (fields, _) = fields_of(text);
        assert_eq!(fields, pairs(&[("title", "indented start\n  second")]));
    }

    #[test]
    fn plain_value_continued_on_indented_lines() {
        let text = "---\ntitle: A long headline\n  that wraps\nauthor: x\n---\n";
        let (fields, _) = fields_of(text);
        assert_eq!(fields, pairs(&[("title", "A long headline\n  that wraps")]));
    }

    #[test]
    fn empty_and_null_values_give_no_block() {
        let text = "---\ntitle:\ndescription: ''\nsummary: x\n---\n";
        assert_eq!(fields_of(text).0, vec![]);
        let text = "---\ntitle: ~\ndescription: |\nauthor: x\n---\n";
        assert_eq!(fields_of(text).0, vec![]);
        let text = "---\ntitle: # nothing\ndescription:    \n---\n";
        assert_eq!(fields_of(text).0, vec![]);
    }

    #[test]
    fn nested_and_non_string_values_are_skeleton() {
        let text =
            "---\nseo:\n  title: Nested title\ntitle: [a, b]\ndescription: &anchor text\n---\n";
        assert_eq!(fields_of(text).0, vec![]);
    }

    #[test]
    fn quoted_keys_and_key_like_text_inside_values() {
        let text = "---\n\"title\": Quoted key\nnote: 'multi\ntitle: not a key'\n---\n";
        let (fields, _) = fields_of(text);
        assert_eq!(fields, pairs(&[("title", "Quoted key")]));
    }

    #[test]
    fn crlf_front_matter() {
        let text = "---\r\ntitle: Tết holiday travel\r\ndescription: |\r\n  Trains sold out.\r\n  Buses too.\r\n...\r\nBody\r\n";
        let (fields, end) = fields_of(text);
        assert_eq!(
            fields,
            pairs(&[
                ("title", "Tết holiday travel"),
                ("description", "Trains sold out.\r\n  Buses too.")
            ])
        );
        assert_eq!(&text[end..], "Body\r\n");
    }

    #[test]
    fn delimiters() {
        assert!(parse("---\ntitle: x\n").is_none(), "unclosed");
        assert!(parse(" ---\ntitle: x\n---\n").is_none(), "indented opening");
        assert!(parse("----\ntitle: x\n----\n").is_none(), "four dashes");
        assert!(
            parse("# Title\n---\ntitle: x\n---\n").is_none(),
            "not at the start"
        );
        let fm = parse("---  \ntitle: x\n---").expect("closing at end of file");
        assert_eq!(fm.end, "---  \ntitle: x\n---".len());
        assert_eq!(parse("---\n---\n").map(|fm| fm.blocks.len()), Some(0));
    }

    #[test]
    fn key_needs_white_space_after_the_colon() {
        let text = "---\ntitle:no-space\nurl: https://example.com/title: x\ntitle:\tTabbed\n---\n";
        let (fields, _) = fields_of(text);
        assert_eq!(fields, pairs(&[("title", "Tabbed")]));
    }
}
