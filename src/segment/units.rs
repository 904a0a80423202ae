//! Units of a document: sentences of each block, mapped back onto the source around
//! inline markup, with ids derived from their text.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;

use sha2::{Digest, Sha256};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::{Segmenter, Unit};
use crate::document::{Block, CodeKind, Document};

/// Splits every block of `doc` into units, in document order.
pub fn segment_document(doc: &Document, segmenter: &Segmenter) -> Vec<Unit> {
    let mut units = Vec::new();
    let Ok(()) = each_unit(doc, segmenter, |unit| {
        units.push(unit);
        Ok::<(), std::convert::Infallible>(())
    });
    units
}

/// Hands every unit of `doc` to `sink` as soon as it is found, in document order, so a
/// caller that prints them holds one window of units at a time; the first error of `sink`
/// stops it.
///
/// A large document is segmented on every core: the blocks of a window are shared out in
/// contiguous runs, and the units come back in order. Repeat suffixes (`-2`) need the
/// units before, so they are given in order afterwards.
pub fn each_unit<E>(
    doc: &Document,
    segmenter: &Segmenter,
    sink: impl FnMut(Unit) -> Result<(), E>,
) -> Result<(), E> {
    each_unit_after(doc, segmenter, &mut HashMap::new(), sink)
}

/// Like [`each_unit`], for a document that goes on where others stopped (an article read
/// in pieces): `seen_ids` counts the ids given before, so a repeat gets the suffix it
/// gets in the whole article.
pub fn each_unit_after<E>(
    doc: &Document,
    segmenter: &Segmenter,
    seen_ids: &mut HashMap<String, usize>,
    mut sink: impl FnMut(Unit) -> Result<(), E>,
) -> Result<(), E> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_WORKERS));
    let mut first = 0;
    while first < doc.blocks.len() {
        let last = window_end(doc, first);
        let blocks = first..last;
        let bytes = doc.blocks[last - 1].range.end - doc.blocks[first].range.start;
        let runs = if workers > 1 && bytes >= PARALLEL_MIN_BYTES {
            let run = blocks.len().div_ceil(workers);
            std::thread::scope(|scope| {
                let handles: Vec<_> = (first..last)
                    .step_by(run)
                    .map(|start| {
                        let end = (start + run).min(last);
                        scope.spawn(move || units_of_blocks(doc, segmenter, start..end))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| {
                        h.join()
                            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                    })
                    .collect::<Vec<_>>()
            })
        } else {
            vec![units_of_blocks(doc, segmenter, blocks)]
        };
        for mut unit in runs.into_iter().flatten() {
            unit.id = with_repeat_suffix(unit.id, seen_ids);
            sink(unit)?;
        }
        first = last;
    }
    Ok(())
}

/// Threads for one document at most: segmenting is memory-bound past a few.
const MAX_WORKERS: usize = 8;

/// Below this much text a window is segmented on one thread: starting threads would cost
/// more than they save.
const PARALLEL_MIN_BYTES: usize = 256 * 1024;

/// About how much text one window holds: the units of a window are held until it is done.
const WINDOW_BYTES: usize = 4 * 1024 * 1024;

/// The end of the window of blocks that starts at block `first`: at least one block.
fn window_end(doc: &Document, first: usize) -> usize {
    let start = doc.blocks[first].range.start;
    let after = doc.blocks[first..].partition_point(|b| b.range.end - start <= WINDOW_BYTES);
    first + after.max(1)
}

/// The units of `blocks`, with their ids before repeat suffixes.
fn units_of_blocks(doc: &Document, segmenter: &Segmenter, blocks: Range<usize>) -> Vec<Unit> {
    let mut units = Vec::new();
    for block_index in blocks {
        let flat = FlatBlock::new(&doc.text, &doc.blocks[block_index]);
        for (index, range) in segmenter.split(&flat.text).into_iter().enumerate() {
            let source = flat.source_range(range);
            let text = doc.text[source.clone()].to_owned();
            units.push(Unit {
                id: text_id(&text),
                block: block_index,
                index,
                text,
                start: source.start,
                end: source.end,
            });
        }
    }
    units
}

/// The id of a unit: `u` and 10 hex digits of the SHA-256 of its text in NFC with white
/// space collapsed. The id follows the text wherever it moves; a repeated text (or, rarely,
/// a repeated hash prefix) gets `-2`, `-3`... in document order; `seen` counts the ids
/// given so far in the document.
pub fn unique_id(text: &str, seen: &mut HashMap<String, usize>) -> String {
    with_repeat_suffix(text_id(text), seen)
}

/// `base` (a [`text_id`]) with the repeat suffix it gets after the ids in `seen`.
fn with_repeat_suffix(base: String, seen: &mut HashMap<String, usize>) -> String {
    let count = seen.entry(base.clone()).or_insert(0);
    *count += 1;
    if *count == 1 {
        base
    } else {
        format!("{base}-{count}")
    }
}

/// The id of a text, without the repeat suffix.
pub fn text_id(text: &str) -> String {
    let mut hasher = Sha256::new();
    // Most text is already NFC: then its words are hashed where they lie, with no copy.
    // Collapsing white space keeps NFC (white space is a starter that composes with
    // nothing), so this hashes the same bytes as the general path below.
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        for (i, word) in text.split_whitespace().enumerate() {
            if i > 0 {
                hasher.update(b" ");
            }
            hasher.update(word.as_bytes());
        }
    } else {
        hasher.update(folded_nfc(text).as_bytes());
    }
    let digest = hasher.finalize();
    let mut id = String::with_capacity(11);
    id.push('u');
    for byte in &digest[..5] {
        let _ = write!(id, "{byte:02x}");
    }
    id
}

/// `text` with white space collapsed to single spaces, then in NFC: what a unit id hashes.
fn folded_nfc(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect()
}

/// What a stretch of the flattened text stands for in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Text,
    Open,
    Close,
    /// Inline code, inline HTML: one object character in the flat text.
    Standalone,
    /// Container markup between the lines of a paragraph (`\n> `): white space in the
    /// flat text, so it can never start or end a unit.
    Layout,
}

#[derive(Debug, Clone)]
struct Mapped {
    piece: Piece,
    flat: Range<usize>,
    source: Range<usize>,
}

/// A block's text with markup removed, as the segmenter sees it, and the way back.
struct FlatBlock {
    text: String,
    map: Vec<Mapped>,
}

impl FlatBlock {
    fn new(source: &str, block: &Block) -> FlatBlock {
        let mut flat = FlatBlock {
            text: String::with_capacity(block.range.len()),
            map: Vec::with_capacity(block.codes.len() * 2 + 1),
        };
        let mut at = block.range.start;
        for code in &block.codes {
            let code_range = code.range.start.max(at)..code.range.end.min(block.range.end);
            if code_range.start > at {
                flat.push(source, Piece::Text, at..code_range.start);
            }
            if code_range.is_empty() {
                continue;
            }
            let code_text = &source[code_range.clone()];
            let piece = match code.kind {
                CodeKind::Open => Piece::Open,
                CodeKind::Close => Piece::Close,
                CodeKind::Standalone if code_text.starts_with(char::is_whitespace) => Piece::Layout,
                CodeKind::Standalone => Piece::Standalone,
            };
            flat.push(source, piece, code_range.clone());
            at = code_range.end;
        }
        if at < block.range.end {
            flat.push(source, Piece::Text, at..block.range.end);
        }
        flat
    }

    fn push(&mut self, source: &str, piece: Piece, range: Range<usize>) {
        let start = self.text.len();
        match piece {
            Piece::Text => self.text.push_str(&source[range.clone()]),
            Piece::Open | Piece::Close => {}
            Piece::Standalone => self.text.push('\u{FFFC}'),
            Piece::Layout => self.text.push(' '),
        }
        self.map.push(Mapped {
            piece,
            flat: start..self.text.len(),
            source: range,
        });
    }

    /// The source range of a (trimmed, non-empty) flat range: opening markup just before
    /// the unit and closing markup just after it belong to the unit.
    fn source_range(&self, flat: Range<usize>) -> Range<usize> {
        // The pieces tile the flat text in order (markup as empty pieces), so both ends
        // are found by binary search: a paragraph of many units and much markup must not
        // cost units × pieces.
        let first = match self.map.partition_point(|m| m.flat.end <= flat.start) {
            i if i < self.map.len() && self.map[i].flat.start <= flat.start => i,
            _ => 0,
        };
        let last = match self.map.partition_point(|m| m.flat.start < flat.end) {
            k if k > 0 && flat.end <= self.map[k - 1].flat.end => k - 1,
            _ => self.map.len().saturating_sub(1),
        };
        let Some(first_piece) = self.map.get(first) else {
            return flat;
        };
        let mut start = match first_piece.piece {
            Piece::Text => first_piece.source.start + (flat.start - first_piece.flat.start),
            _ => first_piece.source.start,
        };
        let last_piece = &self.map[last];
        let mut end = match last_piece.piece {
            Piece::Text => last_piece.source.start + (flat.end - last_piece.flat.start),
            _ => last_piece.source.end,
        };
        // Adjacency in the source is what ties markup to the unit; markup separated from it
        // by text or white space stays outside.
        for m in self.map[..first].iter().rev() {
            if m.piece != Piece::Open || m.source.end != start {
                break;
            }
            start = m.source.start;
        }
        for m in &self.map[last + 1..] {
            if m.piece != Piece::Close || m.source.start != end {
                break;
            }
            end = m.source.end;
        }
        start..end
    }
}

/// The units of a document grouped by paragraph (block), in order: the shape the
/// aligner reads.
pub fn paragraphs(units: &[Unit]) -> impl Iterator<Item = &[Unit]> {
    units.chunk_by(|a, b| a.block == b.block)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, Code, Encoding, Format};
    use crate::text::Lang;
    use std::path::PathBuf;

    fn doc_with(text: &str, blocks: Vec<Block>) -> Document {
        Document {
            path: PathBuf::from("t.md"),
            format: Format::Markdown,
            encoding: Encoding::Utf8,
            text: text.to_owned(),
            blocks,
        }
    }

    fn code(text: &str, needle: &str, kind: CodeKind, nth: usize) -> Code {
        let start = text
            .match_indices(needle)
            .nth(nth)
            .map(|(i, _)| i)
            .expect("needle");
        Code {
            range: start..start + needle.len(),
            kind,
        }
    }

    #[test]
    fn markup_at_sentence_edges_stays_with_its_sentence() {
        let text = "**Hello there.** *Next one. And.* [Last.](https://x.y/a.b) End.";
        let codes = vec![
            code(text, "**", CodeKind::Open, 0),
            code(text, "**", CodeKind::Close, 1),
            code(text, "*", CodeKind::Open, 4),
            code(text, "*", CodeKind::Close, 5),
            code(text, "[", CodeKind::Open, 0),
            code(text, "](https://x.y/a.b)", CodeKind::Close, 0),
        ];
        let block = Block {
            kind: BlockKind::Paragraph,
            range: 0..text.len(),
            codes,
        };
        let doc = doc_with(text, vec![block]);
        let units = segment_document(&doc, &Segmenter::builtin(Lang::En));
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "**Hello there.**",
                "*Next one.",
                "And.*",
                "[Last.](https://x.y/a.b)",
                "End."
            ]
        );
        for unit in &units {
            assert_eq!(&text[unit.start..unit.end], unit.text);
        }
    }

    #[test]
    fn layout_between_lines_never_starts_a_unit() {
        let text = "First one.\n> Second one.";
        let layout = code(text, "\n> ", CodeKind::Standalone, 0);
        let block = Block {
            kind: BlockKind::BlockQuote,
            range: 0..text.len(),
            codes: vec![layout],
        };
        let doc = doc_with(text, vec![block]);
        let units = segment_document(&doc, &Segmenter::builtin(Lang::En));
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts, ["First one.", "Second one."]);
    }

    #[test]
    fn inline_code_is_one_opaque_character() {
        let text = "Run `make test.` now. Done.";
        let block = Block {
            kind: BlockKind::Paragraph,
            range: 0..text.len(),
            codes: vec![code(text, "`make test.`", CodeKind::Standalone, 0)],
        };
        let doc = doc_with(text, vec![block]);
        let units = segment_document(&doc, &Segmenter::builtin(Lang::En));
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts, ["Run `make test.` now.", "Done."]);
    }

    #[test]
    fn ids_follow_text_and_repeats_are_numbered() {
        let mut seen = HashMap::new();
        let a = unique_id("Hello  world.", &mut seen);
        let b = unique_id("Hello world.", &mut seen);
        let c = unique_id("Other.", &mut seen);
        assert_eq!(a.len(), 11);
        assert!(a.starts_with('u'));
        assert_eq!(b, format!("{a}-2"));
        assert_ne!(a, c);
        // NFD and NFC spellings are the same text.
        assert_eq!(text_id("Hu\u{300}ng"), text_id("Hùng"));
    }

    #[test]
    fn a_large_document_segmented_on_every_core_gives_the_units_of_one_thread() {
        use crate::document::ReadOptions;
        // Over a window and the parallel threshold, with repeats across the runs.
        let mut text = String::new();
        let mut n = 0;
        while text.len() < WINDOW_BYTES + PARALLEL_MIN_BYTES * 3 {
            n += 1;
            text.push_str(&format!(
                "Paragraph {} opens. Mr. Smith said yes. It rained.\n",
                n % 5000
            ));
        }
        let doc = Document::from_bytes(
            std::path::Path::new("big.txt"),
            text.as_bytes(),
            ReadOptions::default(),
        )
        .unwrap();
        let segmenter = Segmenter::builtin(Lang::En);
        let mut one_thread = units_of_blocks(&doc, &segmenter, 0..doc.blocks.len());
        let mut seen = HashMap::new();
        for unit in &mut one_thread {
            unit.id = with_repeat_suffix(std::mem::take(&mut unit.id), &mut seen);
        }
        let every_core = segment_document(&doc, &segmenter);
        assert_eq!(every_core.len(), one_thread.len());
        assert!(every_core == one_thread, "the same units, ids and order");
        assert!(every_core.iter().any(|u| u.id.ends_with("-3")));
    }

    mod properties {
        use super::*;
        use crate::document::ReadOptions;
        use proptest::prelude::*;
        use std::path::Path;

        const FRAGMENTS: &[&str] = &[
            "Mr. Smith arrived at 9 a.m. ",
            "The U.S. team won. ",
            "Ông Nguyễn Thanh Hùng phát biểu. ",
            "Giá tăng 3,5%. ",
            "“Quoted.” She left. ",
            "**Bold. Still bold** and *em* ",
            "[A link.](https://x.vn/a.b) ",
            "`code. here` ",
            "\n",
            "\n\n",
            "\r\n",
            "# Heading. Two\n",
            "- item one. Item two\n",
            "> Quoted line.\n> More.\n",
            "| a. b | c |\n|---|---|\n| d. | e |\n",
            "```\ncode. Not text.\n```\n",
            "1. First. 2. Second\n",
            "   ",
            "\t",
            "e\u{301}",
            "…",
            "<b>x.</b> ",
        ];

        fn article() -> impl Strategy<Value = String> {
            prop::collection::vec(prop::sample::select(FRAGMENTS), 0..24)
                .prop_map(|parts| parts.concat())
        }

        fn check_rebuild(name: &str, text: &str) -> Result<(), TestCaseError> {
            let doc =
                Document::from_bytes(Path::new(name), text.as_bytes(), ReadOptions::default())
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
            for lang in [Lang::En, Lang::Vi] {
                let units = segment_document(&doc, &Segmenter::builtin(lang));
                let mut previous_end = 0;
                let mut ids = std::collections::HashSet::new();
                for unit in &units {
                    prop_assert!(unit.start < unit.end);
                    prop_assert!(unit.start >= previous_end, "units overlap or go backwards");
                    prop_assert_eq!(&doc.text[unit.start..unit.end], unit.text.as_str());
                    let block = &doc.blocks[unit.block];
                    prop_assert!(block.range.start <= unit.start && unit.end <= block.range.end);
                    prop_assert_eq!(unit.text.trim(), unit.text.as_str());
                    prop_assert!(ids.insert(unit.id.clone()), "duplicate id {}", unit.id);
                    previous_end = unit.end;
                }
                let replacements: Vec<_> = units
                    .iter()
                    .map(|u| (u.start..u.end, u.text.clone()))
                    .collect();
                prop_assert_eq!(
                    doc.encode(&doc.rebuild(&replacements)),
                    text.as_bytes().to_vec()
                );
            }
            Ok(())
        }

        /// Text made of starters, combining marks, precomposed letters and white space in
        /// any order: the cases where skipping normalization could change the id.
        fn marked_text() -> impl Strategy<Value = String> {
            let pieces = prop::sample::select(vec![
                "a",
                "e",
                "u",
                "ơ",
                "ư",
                "é",
                "ệ",
                "\u{301}",
                "\u{300}",
                "\u{323}",
                "\u{303}",
                " ",
                "  ",
                "\t",
                "\n",
                "\u{a0}",
                "\u{2003}",
                "Hùng",
                "Hu\u{300}ng",
                ".",
            ]);
            prop::collection::vec(pieces, 0..16).prop_map(|parts| parts.concat())
        }

        /// The id as defined: SHA-256 of the white-space-collapsed NFC text.
        fn reference_id(text: &str) -> String {
            let digest = Sha256::digest(folded_nfc(text).as_bytes());
            let hex: String = digest[..5].iter().map(|b| format!("{b:02x}")).collect();
            format!("u{hex}")
        }

        proptest! {
            #[test]
            fn ids_skip_normalization_only_where_it_changes_nothing(text in marked_text()) {
                prop_assert_eq!(text_id(&text), reference_id(&text));
            }

            #[test]
            fn rebuilding_markdown_from_units_gives_the_input(text in article()) {
                check_rebuild("a.md", &text)?;
            }

            #[test]
            fn rebuilding_text_from_units_gives_the_input(text in article()) {
                check_rebuild("a.txt", &text)?;
            }
        }
    }
}
