//! Plain text: paragraphs are lines, or runs of lines between blank lines.

use super::{Block, BlockKind, ParagraphMode, line_ranges, trim_range};

/// The paragraphs of plain `text`, each trimmed of surrounding white space (`\r` included).
pub(crate) fn blocks(text: &str, mode: ParagraphMode) -> Vec<Block> {
    let mut blocks = Vec::new();
    let paragraph = |range| Block {
        kind: BlockKind::Paragraph,
        range,
        codes: Vec::new(),
    };
    match mode {
        ParagraphMode::Lines => {
            for line in line_ranges(text) {
                let range = trim_range(text, line);
                if !range.is_empty() {
                    blocks.push(paragraph(range));
                }
            }
        }
        ParagraphMode::Blank => {
            // The trimmed range of the paragraph being read, grown line by line.
            let mut current: Option<std::ops::Range<usize>> = None;
            for line in line_ranges(text) {
                let range = trim_range(text, line);
                if range.is_empty() {
                    blocks.extend(current.take().map(paragraph));
                } else {
                    let start = current.map_or(range.start, |c| c.start);
                    current = Some(start..range.end);
                }
            }
            blocks.extend(current.map(paragraph));
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, mode: ParagraphMode) -> Vec<&str> {
        blocks(text, mode)
            .into_iter()
            .map(|b| &text[b.range])
            .collect()
    }

    const NEWS: &str = "  Storm Yagi reaches the coast.  \n\n\
                        Thousands evacuated in Quảng Ninh.\n\
                        \t\n\
                        Officials expect heavy rain\n\
                        through Sunday.\n";

    #[test]
    fn lines_mode_makes_every_non_blank_line_a_paragraph() {
        assert_eq!(
            texts(NEWS, ParagraphMode::Lines),
            [
                "Storm Yagi reaches the coast.",
                "Thousands evacuated in Quảng Ninh.",
                "Officials expect heavy rain",
                "through Sunday."
            ]
        );
    }

    #[test]
    fn blank_mode_joins_hard_wrapped_lines() {
        assert_eq!(
            texts(NEWS, ParagraphMode::Blank),
            [
                "Storm Yagi reaches the coast.",
                "Thousands evacuated in Quảng Ninh.",
                "Officials expect heavy rain\nthrough Sunday."
            ]
        );
    }

    #[test]
    fn crlf_is_not_part_of_a_paragraph() {
        let text = "Bão số 3 đổ bộ.\r\n\r\nNgười dân sơ tán\r\nkhỏi vùng trũng.\r\n";
        assert_eq!(
            texts(text, ParagraphMode::Lines),
            ["Bão số 3 đổ bộ.", "Người dân sơ tán", "khỏi vùng trũng."]
        );
        assert_eq!(
            texts(text, ParagraphMode::Blank),
            ["Bão số 3 đổ bộ.", "Người dân sơ tán\r\nkhỏi vùng trũng."]
        );
    }

    #[test]
    fn no_final_newline_and_many_blank_lines() {
        let text = "\n\n\nOne.\n\n\n\nTwo.";
        assert_eq!(texts(text, ParagraphMode::Blank), ["One.", "Two."]);
        assert_eq!(texts(text, ParagraphMode::Lines), ["One.", "Two."]);
    }

    #[test]
    fn blank_only_text_has_no_paragraph() {
        for mode in [ParagraphMode::Lines, ParagraphMode::Blank] {
            assert!(blocks("", mode).is_empty());
            assert!(blocks(" \r\n\t\n\u{a0}\n", mode).is_empty());
        }
    }

    #[test]
    fn text_has_no_codes_even_with_markdown_characters() {
        let all = blocks("**not bold** and `not code`\n", ParagraphMode::Lines);
        assert_eq!(all.len(), 1);
        assert!(all[0].codes.is_empty());
    }
}
