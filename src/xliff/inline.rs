//! Inline Markdown as XLIFF inline codes: the markup of a unit's text (`**`, `*`, `~~`,
//! `[` and `](url)`, code spans, autolinks, inline HTML) found by the project's inline
//! reader ([`InlineMarkdown`]) and cut out of the translatable text, so that a CAT tool
//! shows it as protected tags. Each code keeps its Markdown exactly as written (its
//! *data*), and the text between codes is the source as written (escapes, entities), so
//! joining the pieces gives back the Markdown byte for byte.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Tag};

use crate::document::inline::InlineMarkdown;

/// What a code stands for, as XLIFF 2.0 `type` and XLIFF 1.2 `ctype` say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CodeType {
    Strong,
    Emphasis,
    Strike,
    Link,
    Image,
    /// A code span, an autolink or inline HTML: no translatable text inside.
    Code,
}

impl CodeType {
    /// The XLIFF 2.0 `type`.
    pub(crate) fn v2(self) -> &'static str {
        match self {
            CodeType::Link => "link",
            CodeType::Image => "image",
            _ => "fmt",
        }
    }

    /// The XLIFF 1.2 `ctype`.
    pub(crate) fn v12(self) -> &'static str {
        match self {
            CodeType::Strong => "bold",
            CodeType::Emphasis => "italic",
            CodeType::Strike => "x-strike",
            CodeType::Link => "link",
            CodeType::Image => "image",
            CodeType::Code => "x-code",
        }
    }
}

/// One piece of a unit's text: text to translate, or a code with its Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    Text(&'a str),
    /// The opening markup of a pair (`**`, `[`); `id` is shared with its [`Piece::Close`].
    Open {
        id: usize,
        data: &'a str,
        kind: CodeType,
    },
    /// The closing markup of a pair (`**`, `](https://...)`).
    Close {
        id: usize,
        data: &'a str,
    },
    /// Markup with nothing to translate inside (`` `code` ``, `<https://...>`).
    Standalone {
        id: usize,
        data: &'a str,
        kind: CodeType,
    },
}

impl Piece<'_> {
    /// The Markdown this piece stands for.
    pub(crate) fn markdown(&self) -> &str {
        match self {
            Piece::Text(t) => t,
            Piece::Open { data, .. }
            | Piece::Close { data, .. }
            | Piece::Standalone { data, .. } => data,
        }
    }

    pub(crate) fn is_code(&self) -> bool {
        !matches!(self, Piece::Text(_))
    }
}

/// A piece of markup found: where, and what.
enum Mark {
    Open(usize, CodeType),
    Close(usize),
    Standalone(usize, CodeType),
}

fn pair_type(tag: &Tag<'_>) -> Option<CodeType> {
    match tag {
        Tag::Strong => Some(CodeType::Strong),
        Tag::Emphasis => Some(CodeType::Emphasis),
        Tag::Strikethrough => Some(CodeType::Strike),
        Tag::Link {
            link_type: LinkType::Autolink | LinkType::Email,
            ..
        } => None,
        Tag::Link { .. } => Some(CodeType::Link),
        Tag::Image { .. } => Some(CodeType::Image),
        _ => None,
    }
}

/// The pieces of `markdown` (one unit's text, read alone). Text without markup is one
/// [`Piece::Text`] (none when empty).
pub(crate) fn pieces(markdown: &str) -> Vec<Piece<'_>> {
    let reader = InlineMarkdown::bare();
    let events: Vec<(Event<'_>, Range<usize>)> = reader.offset_events(markdown).collect();
    let mut marks: Vec<(Range<usize>, Mark)> = Vec::new();
    // Open pairs: their id, or `None` for a tag whose whole range is one standalone code.
    let mut stack: Vec<Option<usize>> = Vec::new();
    let mut next_id = 1;
    let mut skip_depth = 0usize;
    for (i, (event, range)) in events.iter().enumerate() {
        if skip_depth > 0 {
            match event {
                Event::Start(_) => skip_depth += 1,
                Event::End(_) => skip_depth -= 1,
                _ => {}
            }
            if skip_depth > 0 {
                continue;
            }
            // The end of a tag taken whole.
            stack.pop();
            continue;
        }
        match event {
            Event::Start(tag) => {
                let empty = matches!(events.get(i + 1), Some((Event::End(_), _)));
                let autolink = matches!(
                    tag,
                    Tag::Link {
                        link_type: LinkType::Autolink | LinkType::Email,
                        ..
                    }
                );
                let kind = pair_type(tag);
                if autolink || (kind.is_some() && empty) {
                    let kind = kind.unwrap_or(CodeType::Code);
                    marks.push((range.clone(), Mark::Standalone(next_id, kind)));
                    next_id += 1;
                    stack.push(None);
                    skip_depth = 1;
                } else if let Some(kind) = kind {
                    let open_end = events[i + 1].1.start;
                    marks.push((range.start..open_end, Mark::Open(next_id, kind)));
                    stack.push(Some(next_id));
                    next_id += 1;
                } else {
                    // Block structure (a paragraph, a list a sentence seems to start):
                    // its markers stay text.
                    stack.push(None);
                }
            }
            Event::End(_) => {
                if let Some(Some(id)) = stack.pop() {
                    let close_start = events[i - 1].1.end;
                    marks.push((close_start..range.end, Mark::Close(id)));
                }
            }
            Event::Code(_) | Event::InlineHtml(_) => {
                marks.push((range.clone(), Mark::Standalone(next_id, CodeType::Code)));
                next_id += 1;
            }
            _ => {}
        }
    }
    let mut out = Vec::with_capacity(marks.len() * 2 + 1);
    let mut at = 0;
    for (range, mark) in marks {
        // Markup the parser reports out of order or overlapping: keep the text as it is
        // rather than risk changing it.
        if range.start < at || range.end < range.start || range.end > markdown.len() {
            return whole(markdown);
        }
        if range.start > at {
            out.push(Piece::Text(&markdown[at..range.start]));
        }
        let data = &markdown[range.clone()];
        if data.is_empty() {
            return whole(markdown);
        }
        out.push(match mark {
            Mark::Open(id, kind) => Piece::Open { id, data, kind },
            Mark::Close(id) => Piece::Close { id, data },
            Mark::Standalone(id, kind) => Piece::Standalone { id, data, kind },
        });
        at = range.end;
    }
    if at < markdown.len() {
        out.push(Piece::Text(&markdown[at..]));
    }
    out
}

fn whole(markdown: &str) -> Vec<Piece<'_>> {
    if markdown.is_empty() {
        Vec::new()
    } else {
        vec![Piece::Text(markdown)]
    }
}

/// A code's identity across source and target: the same markup, the same pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CodeKey<'a> {
    pub(crate) open: &'a str,
    pub(crate) close: Option<&'a str>,
}

/// Each code of `pieces` (by its id) with its open and close Markdown, in order of
/// appearance.
pub(crate) fn code_keys<'a>(pieces: &[Piece<'a>]) -> Vec<(usize, CodeKey<'a>)> {
    let mut keys: Vec<(usize, CodeKey<'a>)> = Vec::new();
    for piece in pieces {
        match *piece {
            Piece::Open { id, data, .. } => keys.push((
                id,
                CodeKey {
                    open: data,
                    close: None,
                },
            )),
            Piece::Standalone { id, data, .. } => keys.push((
                id,
                CodeKey {
                    open: data,
                    close: None,
                },
            )),
            Piece::Close { id, data } => {
                if let Some((_, key)) = keys.iter_mut().find(|(i, _)| *i == id) {
                    key.close = Some(data);
                }
            }
            Piece::Text(_) => {}
        }
    }
    keys
}

/// Which code of the source each code of `target` is (target code id → source code id):
/// the first source code not yet taken with the same markup. A target code without one
/// (markup only the Vietnamese has) is not a code of the unit and is written as text.
pub(crate) fn match_target_codes(
    source_keys: &[(usize, CodeKey<'_>)],
    target: &[Piece<'_>],
) -> HashMap<usize, usize> {
    let mut used = vec![false; source_keys.len()];
    let mut ids = HashMap::new();
    for (tid, key) in code_keys(target) {
        let found = (0..source_keys.len()).find(|&k| !used[k] && source_keys[k].1 == key);
        if let Some(k) = found {
            used[k] = true;
            ids.insert(tid, source_keys[k].0);
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(markdown: &str) -> Vec<String> {
        pieces(markdown)
            .iter()
            .map(|p| match p {
                Piece::Text(t) => format!("T:{t}"),
                Piece::Open { id, data, .. } => format!("O{id}:{data}"),
                Piece::Close { id, data } => format!("C{id}:{data}"),
                Piece::Standalone { id, data, .. } => format!("S{id}:{data}"),
            })
            .collect()
    }

    #[test]
    fn markup_is_cut_out_as_codes() {
        assert_eq!(
            shown("The **fair** opened [here](https://x.vn/a)."),
            [
                "T:The ",
                "O1:**",
                "T:fair",
                "C1:**",
                "T: opened ",
                "O2:[",
                "T:here",
                "C2:](https://x.vn/a)",
                "T:."
            ]
        );
        assert_eq!(
            shown("Run `ls -l` or see <https://a.b>."),
            [
                "T:Run ",
                "S1:`ls -l`",
                "T: or see ",
                "S2:<https://a.b>",
                "T:."
            ]
        );
        assert_eq!(
            shown("[A *big* one](<https://x.vn/a b> \"t\")"),
            [
                "O1:[",
                "T:A ",
                "O2:*",
                "T:big",
                "C2:*",
                "T: one",
                "C1:](<https://x.vn/a b> \"t\")"
            ]
        );
        assert_eq!(shown("Plain, 2 * 3 = 6."), ["T:Plain, 2 * 3 = 6."]);
        assert_eq!(shown("An unpaired **bold."), ["T:An unpaired **bold."]);
    }

    #[test]
    fn pieces_join_back_to_the_markdown() {
        for md in [
            "The **fair** opened [here](https://x.vn/a).",
            "[**Bold** link](https://x.vn/a_(b)) and ~~old~~ ***both***.",
            "A [link](<https://x.vn/a b> \"title\") and ![photo](p.jpg).",
            "Escaped \\*stars\\* and &amp; entities, `code` <b>html</b>.",
            "1. Not a list, [](empty) link, <me@x.vn>.",
            "# Heading-like start with **bold**",
            "",
        ] {
            let joined: String = pieces(md).iter().map(Piece::markdown).collect();
            assert_eq!(joined, md);
        }
    }
}
