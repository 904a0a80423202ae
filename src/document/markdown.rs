//! Markdown: translatable blocks and their inline markup, from pulldown-cmark's event
//! offsets.
//!
//! Every block's range and every code is made of byte offsets the parser reports, so the
//! skeleton around them (markers, indentation, `> ` prefixes, fences) is never rebuilt,
//! only kept.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd};

use super::inline::INLINE_OPTIONS;
use super::{Block, BlockKind, Code, CodeKind, trim_range};

/// The translatable blocks of the Markdown in `text[start..]`, with ranges in `text`.
///
/// Front matter is found by [`super::front_matter`] before this runs, so the parser's own
/// YAML metadata blocks stay off: with them on, pulldown-cmark takes any `---` line
/// followed by text and a later `---` line *anywhere* in the article for metadata, and the
/// paragraphs in between would silently drop out of translation.
pub(crate) fn blocks(text: &str, start: usize) -> Vec<Block> {
    let Some(body) = text.get(start..) else {
        return Vec::new();
    };
    let options = INLINE_OPTIONS | Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    let mut walker = Walker {
        text,
        blocks: Vec::new(),
        containers: Vec::new(),
        leaf: None,
        skip: 0,
    };
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        walker.event(event, range.start + start..range.end + start);
    }
    walker.flush();
    walker.blocks
}

/// The block structures that decide what kind of block a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Quote,
    Item,
    Footnote,
    /// Lists, tables, rows: no say in a paragraph's kind.
    Other,
}

/// Inline content of the block being read, in event order.
#[derive(Debug, Clone)]
enum Inline {
    /// Text, soft breaks, hard breaks made of spaces.
    Text(Range<usize>),
    /// Markup kept whole: inline code, HTML, footnote references.
    Atom(Range<usize>),
    /// A span (emphasis, link...) opens; `whole` keeps it and its content as one code.
    Open {
        range: Range<usize>,
        whole: bool,
    },
    Close,
}

/// A block being read: a paragraph, heading or table cell, or the bare text of a tight
/// list item (which the parser does not wrap in a paragraph).
struct Leaf {
    kind: BlockKind,
    inlines: Vec<Inline>,
}

struct Walker<'t> {
    text: &'t str,
    blocks: Vec<Block>,
    containers: Vec<Container>,
    leaf: Option<Leaf>,
    /// Depth inside a code block or HTML block: skeleton, whatever it contains.
    skip: usize,
}

impl Walker<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        if self.skip > 0 {
            match event {
                Event::Start(_) => self.skip += 1,
                Event::End(_) => self.skip -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(_) | Event::SoftBreak => self.inline(Inline::Text(range)),
            Event::HardBreak => {
                // `\` + newline: the backslash is markup, the newline is text. Two
                // trailing spaces + newline: all white space, all text.
                if self
                    .text
                    .get(range.clone())
                    .is_some_and(|s| s.starts_with('\\'))
                {
                    self.inline(Inline::Atom(range.start..range.start + 1));
                    self.inline(Inline::Text(range.start + 1..range.end));
                } else {
                    self.inline(Inline::Text(range));
                }
            }
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::Html(_)
            | Event::FootnoteReference(_)
            | Event::InlineMath(_)
            | Event::DisplayMath(_) => self.inline(Inline::Atom(range)),
            Event::Rule | Event::TaskListMarker(_) => self.flush(),
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => self.open_leaf(self.paragraph_kind()),
            Tag::Heading { level, .. } => self.open_leaf(BlockKind::Heading(heading_level(level))),
            Tag::TableCell => self.open_leaf(BlockKind::TableCell),
            Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.flush();
                self.skip = 1;
            }
            Tag::BlockQuote(_) => self.open_container(Container::Quote),
            Tag::Item => self.open_container(Container::Item),
            Tag::FootnoteDefinition(_) => self.open_container(Container::Footnote),
            Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            } => {
                self.inline(Inline::Open { range, whole: true });
            }
            Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. } => self.inline(Inline::Open {
                range,
                whole: false,
            }),
            Tag::List(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => self.open_container(Container::Other),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image => {
                if let Some(leaf) = &mut self.leaf {
                    leaf.inlines.push(Inline::Close);
                }
            }
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::TableCell => self.flush(),
            // Skipped blocks end inside `event`; this arm only sees them if the parser
            // emitted an unbalanced end, which then closes nothing.
            TagEnd::CodeBlock | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => self.flush(),
            TagEnd::BlockQuote(_)
            | TagEnd::Item
            | TagEnd::FootnoteDefinition
            | TagEnd::List(_)
            | TagEnd::Table
            | TagEnd::TableHead
            | TagEnd::TableRow
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => {
                self.flush();
                self.containers.pop();
            }
        }
    }

    /// What a paragraph is called here: after the innermost quote or list item around it.
    fn paragraph_kind(&self) -> BlockKind {
        match self
            .containers
            .iter()
            .rev()
            .find(|c| **c != Container::Other)
        {
            Some(Container::Quote) => BlockKind::BlockQuote,
            Some(Container::Item) => BlockKind::ListItem,
            _ => BlockKind::Paragraph,
        }
    }

    fn open_leaf(&mut self, kind: BlockKind) {
        self.flush();
        self.leaf = Some(Leaf {
            kind,
            inlines: Vec::new(),
        });
    }

    fn open_container(&mut self, container: Container) {
        self.flush();
        self.containers.push(container);
    }

    /// Inline content outside any paragraph is the text of a tight list item.
    fn inline(&mut self, inline: Inline) {
        let kind = self.paragraph_kind();
        self.leaf
            .get_or_insert_with(|| Leaf {
                kind,
                inlines: Vec::new(),
            })
            .inlines
            .push(inline);
    }

    /// Ends the block being read, if any.
    fn flush(&mut self) {
        if let Some(leaf) = self.leaf.take()
            && let Some(block) = build(self.text, leaf)
        {
            self.blocks.push(block);
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// An open span while building a block's codes.
struct Span {
    range: Range<usize>,
    whole: bool,
    /// Inside a span kept whole: nothing in here is text or a code of its own.
    hidden: bool,
    first_child: Option<usize>,
    last_child: usize,
}

/// Turns a leaf's inline events into a block: the range from the first to the last
/// content byte, and the codes. A block with no text outside its codes (a lone image
/// without alt text, say) has nothing to translate and stays skeleton.
fn build(text: &str, leaf: Leaf) -> Option<Block> {
    let mut texts: Vec<Range<usize>> = Vec::new();
    let mut codes: Vec<Code> = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    for inline in leaf.inlines {
        let hidden = spans.last().is_some_and(|s| s.hidden || s.whole);
        match inline {
            Inline::Text(range) | Inline::Atom(range) if range.is_empty() || hidden => {}
            Inline::Text(range) => {
                note_child(&mut spans, &range);
                texts.push(range);
            }
            Inline::Atom(range) => {
                note_child(&mut spans, &range);
                codes.push(Code {
                    range,
                    kind: CodeKind::Standalone,
                });
            }
            Inline::Open { range, whole } => {
                if !hidden {
                    note_child(&mut spans, &range);
                }
                let first_child = None;
                spans.push(Span {
                    last_child: range.start,
                    range,
                    whole,
                    hidden,
                    first_child,
                });
            }
            Inline::Close => {
                let Some(span) = spans.pop() else { continue };
                if !span.hidden {
                    codes.extend(span_codes(span));
                }
            }
        }
    }
    // Unbalanced opens (none from a well-behaved parser) leave their markup as text.

    let text_range = {
        let start = texts.iter().map(|r| r.start).min()?;
        let end = texts.iter().map(|r| r.end).max()?;
        trim_range(text, start..end)
    };
    if text_range.is_empty() {
        return None;
    }
    let start = codes
        .iter()
        .map(|c| c.range.start)
        .fold(text_range.start, usize::min);
    let end = codes
        .iter()
        .map(|c| c.range.end)
        .fold(text_range.end, usize::max);

    // Bytes covered by no event: container prefixes on continuation lines, or the
    // backslash of an escape.
    let mut covered: Vec<Range<usize>> = texts
        .into_iter()
        .chain(codes.iter().map(|c| c.range.clone()))
        .collect();
    covered.sort_by_key(|r| r.start);
    let mut cursor = start;
    for range in covered {
        if range.start > cursor
            && let Some(gap) = line_prefix(text, cursor..range.start)
        {
            codes.push(Code {
                range: gap,
                kind: CodeKind::Standalone,
            });
        }
        cursor = cursor.max(range.end);
    }
    codes.retain(|c| !c.range.is_empty());
    codes.sort_by_key(|c| c.range.start);
    Some(Block {
        kind: leaf.kind,
        range: start..end,
        codes,
    })
}

/// Records a child of the innermost open span, for where its `Open` and `Close` codes end.
fn note_child(spans: &mut [Span], range: &Range<usize>) {
    if let Some(span) = spans.last_mut() {
        span.first_child.get_or_insert(range.start);
        span.last_child = span.last_child.max(range.end);
    }
}

/// The codes of a closed span: `Open` up to its first child and `Close` from its last
/// child, or one standalone code when it is kept whole or has no content (`[](x.png)`).
fn span_codes(span: Span) -> Vec<Code> {
    let Span {
        range,
        whole,
        first_child,
        last_child,
        ..
    } = span;
    match first_child {
        Some(first) if !whole && range.start <= first && last_child <= range.end => vec![
            Code {
                range: range.start..first,
                kind: CodeKind::Open,
            },
            Code {
                range: last_child..range.end,
                kind: CodeKind::Close,
            },
        ],
        _ => vec![Code {
            range,
            kind: CodeKind::Standalone,
        }],
    }
}

/// The part of a gap between events that is markup: at the start of a line (after a
/// soft or hard break), the container prefix such as `> ` or `>   `, white space included,
/// when it has anything but white space. Gaps inside a line are backslashes of escapes,
/// which stay text, as does the backslash of an escape right after a prefix.
fn line_prefix(text: &str, gap: Range<usize>) -> Option<Range<usize>> {
    let s = text.get(gap.clone())?;
    let before = text.get(..gap.start)?;
    let line_start = before.ends_with(['\n', '\r']) || s.contains(['\n', '\r']);
    if !line_start {
        return None;
    }
    let escape = s.ends_with('\\')
        && text
            .get(gap.end..)
            .is_some_and(|after| after.starts_with(|c: char| c.is_ascii_punctuation()));
    let end = if escape { gap.end - 1 } else { gap.end };
    let prefix = text.get(gap.start..end)?;
    (!prefix.trim().is_empty()).then_some(gap.start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A compact view of a block: kind, text, and the codes' texts marked by kind
    /// (`<` open, `>` close, `=` standalone).
    fn view(text: &str) -> Vec<(BlockKind, String, Vec<String>)> {
        let blocks = blocks(text, 0);
        crate::document::tests::check_invariants(text, &blocks).unwrap();
        blocks
            .into_iter()
            .map(|b| {
                let codes = b
                    .codes
                    .iter()
                    .map(|c| {
                        let mark = match c.kind {
                            CodeKind::Open => '<',
                            CodeKind::Close => '>',
                            CodeKind::Standalone => '=',
                        };
                        format!("{mark}{}", &text[c.range.clone()])
                    })
                    .collect();
                (b.kind, text[b.range].to_owned(), codes)
            })
            .collect()
    }

    fn plain(kind: BlockKind, text: &str) -> (BlockKind, String, Vec<String>) {
        (kind, text.to_owned(), Vec::new())
    }

    fn coded(kind: BlockKind, text: &str, codes: &[&str]) -> (BlockKind, String, Vec<String>) {
        (
            kind,
            text.to_owned(),
            codes.iter().map(|c| c.to_string()).collect(),
        )
    }

    use BlockKind::{BlockQuote, Heading, ListItem, Paragraph, TableCell};

    #[test]
    fn headings_atx_and_setext() {
        let text = "# Storm hits Hải Phòng #\n\n## Update ##   \n\nSetext title\nover two lines\n===\n\nSub\n---\n";
        assert_eq!(
            view(text),
            [
                plain(Heading(1), "Storm hits Hải Phòng"),
                plain(Heading(2), "Update"),
                plain(Heading(1), "Setext title\nover two lines"),
                plain(Heading(2), "Sub"),
            ]
        );
    }

    #[test]
    fn paragraph_with_emphasis_strong_strike_and_nesting() {
        let text = "The **budget** was *cut* by ~~10%~~ ***twice***.\n";
        assert_eq!(
            view(text),
            [coded(
                Paragraph,
                "The **budget** was *cut* by ~~10%~~ ***twice***.",
                &[
                    "<**", ">**", "<*", ">*", "<~~", ">~~", "<*", "<**", ">**", ">*"
                ]
            )]
        );
    }

    #[test]
    fn links_with_titles_images_and_references() {
        let text = "Read [the report](https://example.com/r \"Full report\") and ![Flood map](map.png 'Map').\n\
                    See [the minister][m] and [m].\n\n[m]: https://gov.vn\n";
        assert_eq!(
            view(text),
            [coded(
                Paragraph,
                "Read [the report](https://example.com/r \"Full report\") and ![Flood map](map.png 'Map').\n\
                 See [the minister][m] and [m].",
                &[
                    "<[",
                    ">](https://example.com/r \"Full report\")",
                    "<![",
                    ">](map.png 'Map')",
                    "<[",
                    ">][m]",
                    "<[",
                    ">]"
                ]
            )]
        );
    }

    #[test]
    fn image_inside_link_and_empty_link() {
        let text = "[![Logo](l.png)](https://x.vn) and [](empty) end\n";
        assert_eq!(
            view(text),
            [coded(
                Paragraph,
                "[![Logo](l.png)](https://x.vn) and [](empty) end",
                &["<[", "<![", ">](l.png)", ">](https://x.vn)", "=[](empty)"]
            )]
        );
    }

    #[test]
    fn standalone_codes() {
        let text = "Run `rm *.tmp` now<br/>, see[^1] or <https://x.org/a*b*> or <news@x.vn>.\n\n[^1]: Ghi chú.\n";
        assert_eq!(
            view(text),
            [
                coded(
                    Paragraph,
                    "Run `rm *.tmp` now<br/>, see[^1] or <https://x.org/a*b*> or <news@x.vn>.",
                    &[
                        "=`rm *.tmp`",
                        "=<br/>",
                        "=[^1]",
                        "=<https://x.org/a*b*>",
                        "=<news@x.vn>"
                    ]
                ),
                plain(Paragraph, "Ghi chú."),
            ]
        );
    }

    #[test]
    fn escapes_and_entities_stay_text() {
        let text = "Price \\*not\\* bold &amp; 5 &lt; 6\n";
        assert_eq!(
            view(text),
            [plain(Paragraph, "Price \\*not\\* bold &amp; 5 &lt; 6")]
        );
    }

    #[test]
    fn backslash_hard_break_is_a_code_space_hard_break_is_text() {
        let text = "Line one\\\nline two  \nline three\n";
        assert_eq!(
            view(text),
            [coded(
                Paragraph,
                "Line one\\\nline two  \nline three",
                &["=\\"]
            )]
        );
    }

    #[test]
    fn multi_line_quote_prefixes_are_codes() {
        let text = "> The mayor said *the\n> bridge* will open\n>   in May.\n";
        assert_eq!(
            view(text),
            [coded(
                BlockQuote,
                "The mayor said *the\n> bridge* will open\n>   in May.",
                &["<*", "=> ", ">*", "=>   "]
            )]
        );
    }

    #[test]
    fn lazy_continuation_and_list_indentation_stay_text() {
        let text = "> Quoted\nlazy line\n\n- Item one\n  continues here\n";
        assert_eq!(
            view(text),
            [
                plain(BlockQuote, "Quoted\nlazy line"),
                plain(ListItem, "Item one\n  continues here")
            ]
        );
    }

    #[test]
    fn escape_right_after_a_prefix_stays_text() {
        let text = "> one\n> \\*two\n";
        assert_eq!(view(text), [coded(BlockQuote, "one\n> \\*two", &["=> "])]);
    }

    #[test]
    fn tight_and_loose_lists() {
        let text =
            "- Tight *one*\n- Tight two\n\n1. Loose one\n\n   Second paragraph\n2. Loose two\n";
        assert_eq!(
            view(text),
            [
                coded(ListItem, "Tight *one*", &["<*", ">*"]),
                plain(ListItem, "Tight two"),
                plain(ListItem, "Loose one"),
                plain(ListItem, "Second paragraph"),
                plain(ListItem, "Loose two"),
            ]
        );
    }

    #[test]
    fn nested_lists_and_quotes() {
        let text = "- Outer item\n  - Inner item\n    > Quote in a list\n    > goes on\n\n\
                    > Quote\n> - list in a quote\n>   continued\n> > deeper\n";
        assert_eq!(
            view(text),
            [
                plain(ListItem, "Outer item"),
                plain(ListItem, "Inner item"),
                coded(BlockQuote, "Quote in a list\n    > goes on", &["=    > "]),
                plain(BlockQuote, "Quote"),
                coded(ListItem, "list in a quote\n>   continued", &["=>   "]),
                plain(BlockQuote, "deeper"),
            ]
        );
    }

    #[test]
    fn tight_item_with_code_block_and_text_after() {
        let text = "- Before\n  ```\n  code *x*\n  ```\n  After\n";
        assert_eq!(
            view(text),
            [plain(ListItem, "Before"), plain(ListItem, "After")]
        );
    }

    #[test]
    fn tables_header_and_body_cells() {
        let text = "| Tỉnh | Dân số |\n|---|--:|\n|  Hà Nội  | **8** triệu |\n| a \\| b | |\n";
        assert_eq!(
            view(text),
            [
                plain(TableCell, "Tỉnh"),
                plain(TableCell, "Dân số"),
                plain(TableCell, "Hà Nội"),
                coded(TableCell, "**8** triệu", &["<**", ">**"]),
                plain(TableCell, "a \\| b"),
            ]
        );
    }

    #[test]
    fn table_inside_a_quote() {
        let text = "> | Year | Rain |\n> |---|---|\n> | 2024 | heavy |\n";
        let texts: Vec<String> = view(text).into_iter().map(|(_, t, _)| t).collect();
        assert_eq!(texts, ["Year", "Rain", "2024", "heavy"]);
    }

    #[test]
    fn skeleton_blocks_are_not_translated() {
        let text = "Intro.\n\n```rust\nlet *x* = 1;\n```\n\n    indented code\n\n<div class=\"ad\">\nAd text\n</div>\n\n***\n\n\
                    [ref]: https://x.vn\n\n![](only-image.png)\n\nOutro.\n";
        assert_eq!(
            view(text),
            [plain(Paragraph, "Intro."), plain(Paragraph, "Outro.")]
        );
    }

    #[test]
    fn mid_document_dashes_are_not_metadata() {
        // With pulldown-cmark's YAML metadata option this paragraph would disappear.
        let text = "Intro.\n\n---\nA heading under a rule\n---\n";
        assert_eq!(
            view(text),
            [
                plain(Paragraph, "Intro."),
                plain(Heading(2), "A heading under a rule")
            ]
        );
    }

    #[test]
    fn crlf_markdown() {
        let text = "# Tin mới\r\n\r\n> Dòng một\r\n> dòng hai\r\n\r\n- mục\r\n";
        assert_eq!(
            view(text),
            [
                plain(Heading(1), "Tin mới"),
                coded(BlockQuote, "Dòng một\r\n> dòng hai", &["=> "]),
                plain(ListItem, "mục"),
            ]
        );
    }

    #[test]
    fn offsets_start_after_front_matter() {
        let text = "---\ntitle: x\n---\n# Head\n";
        let blocks = blocks(text, 16);
        assert_eq!(blocks.len(), 1);
        assert_eq!(&text[blocks[0].range.clone()], "Head");
    }
}
