//! The Vietnamese of a block composed from its units: the text every format shares.

use super::ExportError;
use super::model::{BlockView, Release};
use super::yaml::{ScalarStyle, quote_depth, scalar_style, yaml_value};
use crate::document::{BlockKind, Format};
use crate::memory::layout::{Addition, ViParagraph};

/// What the formats need to know about the document besides the units.
pub(crate) struct Prepared<'r, 'a> {
    pub(crate) release: &'r Release<'a>,
    pub(crate) views: Vec<BlockView<'r, 'a>>,
    /// The English uses CR LF line ends: line breaks in translations follow.
    crlf: bool,
}

impl<'r, 'a> Prepared<'r, 'a> {
    /// Checks the release and groups its units by block.
    pub(crate) fn new(release: &'r Release<'a>) -> Result<Prepared<'r, 'a>, ExportError> {
        release.check()?;
        Ok(Prepared {
            release,
            views: release.block_views(),
            crlf: release.en.text.contains("\r\n"),
        })
    }

    pub(crate) fn en_text(&self, view: &BlockView<'_, '_>) -> &'a str {
        self.release.en.block_text(view.block)
    }

    /// The Vietnamese of a block before a front matter value is made valid YAML, without
    /// the published layout ([`Prepared::vi_published`]): what the bilingual formats show
    /// (read in the English value's style).
    pub(crate) fn vi_display(&self, view: &BlockView<'_, '_>) -> String {
        self.vi_display_marked(view, "", "")
    }

    /// [`Prepared::vi_display`] with every run of untranslated English (the English of
    /// units without a translation, and the white space between two of them) between
    /// `open` and `close`, for a format that labels it as English.
    pub(crate) fn vi_display_marked(
        &self,
        view: &BlockView<'_, '_>,
        open: &str,
        close: &str,
    ) -> String {
        self.compose(view, open, close, false)
    }

    /// The paragraph break of the document: what a published layout puts where the
    /// Vietnamese starts a paragraph inside an English one.
    pub(crate) fn paragraph_break(&self) -> &'static str {
        if self.crlf { "\r\n\r\n" } else { "\n\n" }
    }

    /// The block's Vietnamese; with `published`, as the Vietnamese was published: the
    /// editor's additions in their places and paragraph breaks where the Vietnamese has
    /// them inside the block ([`crate::memory::layout`]).
    fn compose(
        &self,
        view: &BlockView<'_, '_>,
        open: &str,
        close: &str,
        published_layout: bool,
    ) -> String {
        let text = &self.release.en.text;
        let block = view.block;
        let en = self.en_text(view);
        let multiline = en.contains('\n');
        let mut out = String::with_capacity(en.len() + en.len() / 4);
        let mut at = block.range.start;
        let mut english = false;
        // Whether a unit of the block was published yet, and whether the last unit was
        // left out: the white space between a left-out unit and its neighbour goes with
        // it, so that the sentences around it are joined as the English joins them.
        let (mut published, mut left_out) = (false, false);
        let paragraph_break = self.paragraph_break();
        // An addition runs on after one space, or starts a paragraph of its own.
        let push_additions = |out: &mut String, published: &mut bool, additions: &[Addition]| {
            for addition in additions {
                if *published {
                    out.push_str(match addition.paragraph {
                        Some(ViParagraph::New) => paragraph_break,
                        _ => " ",
                    });
                }
                out.push_str(addition.vi.trim());
                *published = true;
            }
        };
        for release_unit in view.units {
            let unit = release_unit.unit;
            let mut between = &text[at..unit.start];
            if published_layout && !release_unit.added_before.is_empty() {
                out.push_str(between);
                between = "";
                push_additions(&mut out, &mut published, &release_unit.added_before);
            }
            if release_unit.is_left_out() {
                // Before the first published unit: what precedes it is the block's lead
                // (a list marker, quote marks), kept; later, only white space is dropped.
                if !published || !between.trim().is_empty() {
                    out.push_str(between);
                }
                left_out = true;
                at = unit.end;
                if published_layout {
                    push_additions(&mut out, &mut published, &release_unit.added_after);
                }
                continue;
            }
            if left_out && !published && between.trim().is_empty() {
                between = "";
            }
            // The Vietnamese starts a paragraph inside the English one.
            if published_layout
                && published
                && release_unit.vi_paragraph == Some(ViParagraph::New)
                && between.trim().is_empty()
            {
                between = paragraph_break;
            } else if published_layout && published && between.is_empty() {
                // After an addition that took the white space before this unit.
                between = " ";
            }
            published = true;
            left_out = false;
            match release_unit.translation() {
                Some(vi) => {
                    if english {
                        out.push_str(close);
                        english = false;
                    }
                    out.push_str(between);
                    push_translation(&mut out, vi, multiline, self.crlf);
                }
                None => {
                    if english && !between.trim().is_empty() {
                        out.push_str(close);
                        english = false;
                    }
                    out.push_str(between);
                    if !english {
                        out.push_str(open);
                        english = true;
                    }
                    out.push_str(&unit.text);
                }
            }
            at = unit.end;
            if published_layout && !release_unit.added_after.is_empty() {
                if english {
                    out.push_str(close);
                    english = false;
                }
                push_additions(&mut out, &mut published, &release_unit.added_after);
            }
        }
        if english {
            out.push_str(close);
        }
        out.push_str(&text[at..block.range.end]);
        out
    }

    /// The Vietnamese of a block as published (see [`Prepared::compose`]), for `--to vi`:
    /// its English text with every translated unit replaced, what lies between units
    /// (white space, markup outside units) kept.
    ///
    /// Line breaks in a translation follow the English: where the English block is one
    /// line (a plain text line, an ATX heading, a table cell), a line break with the white
    /// space around it becomes one space, so the translation cannot break the block
    /// apart; elsewhere it takes the document's line end. Front matter values are made
    /// valid YAML for their style ([`yaml_value`]).
    pub(crate) fn vi_published(&self, view: &BlockView<'_, '_>) -> String {
        let out = self.compose(view, "", "", true);
        if matches!(view.block.kind, BlockKind::FrontMatter(_)) && out != self.en_text(view) {
            yaml_value(self.release.en, view.block, &out)
        } else {
            out
        }
    }

    /// How a block's text reads as Markdown lines (see [`markdown_lines`]).
    pub(crate) fn source(&self, view: &BlockView<'_, '_>) -> Source {
        match (&view.block.kind, self.release.en.format) {
            (BlockKind::FrontMatter(_), _) => {
                Source::Yaml(scalar_style(self.release.en, view.block))
            }
            (_, Format::Text) => Source::Plain,
            (_, Format::Markdown) => Source::Markdown {
                quote_depth: quote_depth(self.release.en, view.block),
            },
        }
    }
}

fn push_translation(out: &mut String, vi: &str, multiline: bool, crlf: bool) {
    if !vi.contains(['\n', '\r']) {
        out.push_str(vi);
        return;
    }
    let mut lines = vi.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let Some(first) = lines.next() else {
        return;
    };
    if multiline {
        out.push_str(first);
        for line in lines {
            out.push_str(if crlf { "\r\n" } else { "\n" });
            out.push_str(line);
        }
    } else {
        out.push_str(first.trim_end());
        for line in lines {
            let line = line.trim();
            if !line.is_empty() {
                out.push(' ');
                out.push_str(line);
            }
        }
    }
}

/// The text of a block as a Markdown-ish source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// Plain text: no markup at all.
    Plain,
    /// Inline Markdown; lines after the first may carry `quote_depth` `>` markers.
    Markdown { quote_depth: usize },
    /// A YAML scalar of a front matter field.
    Yaml(ScalarStyle),
}
