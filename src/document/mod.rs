//! The article model: blocks of translatable text inside an untouched skeleton.
//!
//! A [`Document`] keeps the decoded text of the article and the byte ranges of its
//! translatable blocks. Everything outside those ranges (blank lines, Markdown markers,
//! code blocks, front matter keys) is skeleton and is never changed, so replacing each
//! block's text by itself reproduces the input byte for byte.
//!
//! ```
//! use std::path::Path;
//! use songngu::document::{Document, ReadOptions};
//!
//! let source = "# Storm warning\n\nRivers are **rising**.\n";
//! let path = Path::new("storm.en.md");
//! let doc = Document::from_bytes(path, source.as_bytes(), ReadOptions::default())?;
//! let texts: Vec<&str> = doc.blocks.iter().map(|b| doc.block_text(b)).collect();
//! assert_eq!(texts, ["Storm warning", "Rivers are **rising**."]);
//!
//! let vi = ["Cảnh báo bão", "Nước sông đang **dâng**."];
//! let replacements: Vec<_> =
//!     doc.blocks.iter().zip(vi).map(|(b, t)| (b.range.clone(), t.to_owned())).collect();
//! assert_eq!(doc.rebuild(&replacements), "# Cảnh báo bão\n\nNước sông đang **dâng**.\n");
//! # Ok::<(), songngu::document::DocumentError>(())
//! ```
//!
//! What is a block:
//! - plain text: each non-blank line, or with [`ParagraphMode::Blank`] each run of lines
//!   between blank lines;
//! - Markdown: headings, paragraphs, list items (tight or loose), paragraphs in block
//!   quotes, table cells, and the `title` and `description` of YAML front matter. Code
//!   blocks, HTML blocks, thematic breaks and link reference definitions are skeleton, and
//!   so is a block with nothing but markup in it (`![](photo.jpg)`).
//!
//! Inside a Markdown block, markup is marked by [`Code`]s: span delimiters (`**`, `[` and
//! `](url "title")`) as [`CodeKind::Open`] / [`CodeKind::Close`] pairs, and inline code,
//! inline HTML, autolinks, footnote references, the `\` of a hard line break and the
//! `> ` prefixes of continuation lines as [`CodeKind::Standalone`]. Backslash escapes and
//! entities are text.
//!
//! A front matter block scalar (`|`, `>`) or a multi-line value spans several lines: its
//! range includes the indentation of the lines after the first, which a translation must
//! keep to stay valid YAML.

mod decode;
mod front_matter;
pub(crate) mod inline;
mod markdown;
mod pieces;
mod text;

use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::input_limit::{self, InputError, InputKind};

pub use pieces::{PIECE_BYTES, PieceError, Pieces, read_pieces};

/// Source format of an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (`.txt` and anything that is not Markdown).
    Text,
    /// CommonMark (`.md`, `.markdown`).
    Markdown,
}

/// How plain text is split into paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParagraphMode {
    /// Every non-empty line is a paragraph.
    #[default]
    Lines,
    /// Blocks separated by blank lines, for hard-wrapped text.
    Blank,
}

/// Options for reading an article.
#[derive(Debug, Clone, Copy)]
pub struct ReadOptions {
    /// Forced format; `None` picks it from the file extension.
    pub format: Option<Format>,
    pub paragraphs: ParagraphMode,
    /// [`Document::read_path`] refuses a file or stream larger than this many bytes.
    /// Default [`InputKind::Article`]'s limit, 64 MiB.
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            format: None,
            paragraphs: ParagraphMode::default(),
            max_bytes: InputKind::Article.default_limit(),
        }
    }
}

/// The byte encoding the article was read from, kept so it can be written back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
}

/// What kind of translatable block this is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
    ListItem,
    BlockQuote,
    TableCell,
    /// A translatable YAML front matter field (`title`, `description`).
    FrontMatter(String),
}

/// Inline markup inside a block that is kept verbatim and never translated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// Opens a span (`**`, `[`): its partner is a later [`CodeKind::Close`].
    Open,
    /// Closes a span (`**`, `](https://...)`).
    Close,
    /// Stands alone: inline code, inline HTML, an autolink, a footnote reference, the `\`
    /// of a hard line break, a line prefix such as `> ` inside a quote, a link or image
    /// with no text (`[](x.png)`).
    Standalone,
}

/// A run of inline markup inside a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// Byte range in [`Document::text`]; always inside the block's range.
    pub range: Range<usize>,
    pub kind: CodeKind,
}

/// One translatable block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Byte range of the block's content in [`Document::text`] (markers excluded).
    pub range: Range<usize>,
    /// Inline markup inside `range`, sorted and non-overlapping.
    pub codes: Vec<Code>,
}

/// A decoded article.
#[derive(Debug, Clone)]
pub struct Document {
    /// Where it was read from (`-` for standard input), for messages.
    pub path: PathBuf,
    pub format: Format,
    pub encoding: Encoding,
    /// The decoded text, without a byte order mark.
    pub text: String,
    pub blocks: Vec<Block>,
}

impl Format {
    /// `.md` and `.markdown` (any case) are Markdown; everything else is plain text.
    pub fn from_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown") => {
                Format::Markdown
            }
            _ => Format::Text,
        }
    }
}

impl Block {
    /// The block's text in `text` (the [`Document::text`] it was read from).
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.range.clone()).unwrap_or("")
    }
}

impl Document {
    /// Reads and parses the file at `path`; `-` reads standard input. Either is refused
    /// past `options.max_bytes` ([`DocumentError::TooLarge`]).
    pub fn read_path(path: &Path, options: ReadOptions) -> Result<Document, DocumentError> {
        let limit = options.max_bytes;
        let read = if path == Path::new("-") {
            input_limit::read_from(
                std::io::stdin().lock(),
                path,
                InputKind::Article,
                limit,
                None,
            )
        } else {
            input_limit::read(path, InputKind::Article, limit)
        };
        let bytes = read.map_err(|error| match error {
            InputError::Io { path, source } if path == Path::new("-") => {
                DocumentError::Io { path, source }
            }
            InputError::Io { path, source } => io_error(&path, source),
            InputError::TooLarge { path, limit, .. } => DocumentError::TooLarge { path, limit },
            // `read` and `read_from` leave decoding to `from_bytes`.
            InputError::InvalidUtf8 {
                path,
                offset,
                line,
                column,
            } => DocumentError::InvalidUtf8 {
                path,
                offset,
                line,
                column,
            },
        })?;
        let (text, encoding) = decode::decode_vec(path, bytes)?;
        let mut document = Document::from_text(path, text, options);
        document.encoding = encoding;
        Ok(document)
    }

    /// Parses already-read bytes. `path` names the source in errors and picks the format.
    pub fn from_bytes(
        path: &Path,
        bytes: &[u8],
        options: ReadOptions,
    ) -> Result<Document, DocumentError> {
        let (text, encoding) = decode::decode(path, bytes)?;
        let mut document = Document::from_text(path, text, options);
        document.encoding = encoding;
        Ok(document)
    }

    /// Parses already-decoded text; the document is written back as UTF-8 without a BOM.
    pub fn from_text(path: &Path, text: String, options: ReadOptions) -> Document {
        let format = options.format.unwrap_or_else(|| Format::from_path(path));
        let blocks = match format {
            Format::Text => text::blocks(&text, options.paragraphs),
            Format::Markdown => match front_matter::parse(&text) {
                Some(front) => {
                    let mut blocks = front.blocks;
                    blocks.extend(markdown::blocks(&text, front.end));
                    blocks
                }
                None => markdown::blocks(&text, 0),
            },
        };
        let blocks = sanitize(&text, blocks);
        Document {
            path: path.to_path_buf(),
            format,
            encoding: Encoding::Utf8,
            text,
            blocks,
        }
    }

    /// The text of `block`, which should be one of this document's blocks.
    pub fn block_text(&self, block: &Block) -> &str {
        block.text(&self.text)
    }

    /// [`Document::text`] with each range replaced by its string; everything else is kept.
    ///
    /// Ranges are byte ranges in [`Document::text`], expected sorted and non-overlapping
    /// (block ranges and code ranges are). They are applied in order of their start; one
    /// that overlaps an earlier one, lies outside the text or does not fall on character
    /// boundaries is skipped rather than corrupting the output. An empty range inserts.
    pub fn rebuild(&self, replacements: &[(Range<usize>, String)]) -> String {
        let mut order: Vec<&(Range<usize>, String)> = replacements.iter().collect();
        // Stable, so insertions at the same offset keep the caller's order.
        order.sort_by_key(|(range, _)| range.start);
        let mut out = String::with_capacity(self.text.len());
        let mut cursor = 0;
        for (range, replacement) in order {
            let (Some(before), Some(_)) = (
                self.text.get(cursor..range.start),
                self.text.get(range.clone()),
            ) else {
                continue;
            };
            out.push_str(before);
            out.push_str(replacement);
            cursor = range.end;
        }
        out.push_str(self.text.get(cursor..).unwrap_or(""));
        out
    }

    /// `text` in this document's original encoding, byte order mark included.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        decode::encode(text, self.encoding)
    }

    /// The document's own text in its original encoding: the bytes it was read from.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.encode(&self.text)
    }
}

fn io_error(path: &Path, source: std::io::Error) -> DocumentError {
    let path = path.to_path_buf();
    match source.kind() {
        std::io::ErrorKind::NotFound => DocumentError::NotFound { path },
        // Reading a directory fails differently per platform; asking the file system
        // gives one answer everywhere.
        _ if source.kind() == std::io::ErrorKind::IsADirectory || path.is_dir() => {
            DocumentError::IsDirectory { path }
        }
        _ => DocumentError::Io { path, source },
    }
}

/// Errors reading an article. Each variant carries the fields a front end needs to word
/// the message itself (in another language, say); `Display` gives the English wording.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("`{}`: no such file", .path.display())]
    NotFound { path: PathBuf },
    #[error("`{}`: is a directory, not an article", .path.display())]
    IsDirectory { path: PathBuf },
    #[error("cannot read `{}`: {source}", .path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// `offset` is a byte offset in the file; `line` and `column` (in characters) are 1-based.
    #[error("`{}`:{line}:{column}: invalid UTF-8 at byte {offset}", .path.display())]
    InvalidUtf8 {
        path: PathBuf,
        offset: usize,
        line: usize,
        column: usize,
    },
    /// An unpaired surrogate, or an odd trailing byte; `offset` is a byte offset in the file.
    #[error("`{}`: invalid UTF-16 at byte {offset}", .path.display())]
    InvalidUtf16 { path: PathBuf, offset: usize },
    /// A NUL byte in a file read as UTF-8; `offset` is where the first one is.
    #[error("`{}`: binary file (NUL byte at byte {offset})", .path.display())]
    Binary { path: PathBuf, offset: usize },
    /// The file or stream holds more than `limit` bytes ([`ReadOptions::max_bytes`]).
    #[error(
        "`{}` is larger than the limit of {} for an article",
        .path.display(),
        input_limit::limit_text(*.limit)
    )]
    TooLarge { path: PathBuf, limit: u64 },
}

impl DocumentError {
    /// The file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            DocumentError::NotFound { path }
            | DocumentError::IsDirectory { path }
            | DocumentError::Io { path, .. }
            | DocumentError::InvalidUtf8 { path, .. }
            | DocumentError::InvalidUtf16 { path, .. }
            | DocumentError::Binary { path, .. }
            | DocumentError::TooLarge { path, .. } => path,
        }
    }
}

/// Byte ranges of the lines of `text`, without their `\n` (a `\r` before it stays).
pub(crate) fn line_ranges(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut start = 0;
    text.split('\n').map(move |line| {
        let range = start..start + line.len();
        start = range.end + 1;
        range
    })
}

/// `range` without the white space (Unicode, `\r` included) at either end; empty if the
/// range holds only white space or does not fit `text`.
pub(crate) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let Some(s) = text.get(range.clone()) else {
        return range.start..range.start;
    };
    let start = range.start + (s.len() - s.trim_start().len());
    let end = start + s.trim().len();
    start..end
}

/// Enforces the promises of [`Block`] and [`Code`] whatever the parsers produced: blocks
/// non-empty, on character boundaries, inside the text and in order without overlap;
/// codes inside their block, sorted, non-overlapping (overlapping codes are merged into
/// one standalone code, so no markup byte ever becomes translatable text).
///
/// The parsers are tested to produce valid output on their own; this is the guard that
/// keeps a surprise from the Markdown parser from reaching a caller.
fn sanitize(text: &str, blocks: Vec<Block>) -> Vec<Block> {
    let valid = |range: &Range<usize>| range.start < range.end && text.get(range.clone()).is_some();
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for mut block in blocks {
        let after_previous = out
            .last()
            .is_none_or(|last| last.range.end <= block.range.start);
        if !valid(&block.range) || !after_previous {
            continue;
        }
        let mut codes: Vec<Code> = Vec::with_capacity(block.codes.len());
        block
            .codes
            .sort_by_key(|code| (code.range.start, code.range.end));
        for mut code in block.codes {
            code.range.start = code.range.start.max(block.range.start);
            code.range.end = code.range.end.min(block.range.end);
            if !valid(&code.range) {
                continue;
            }
            match codes.last_mut() {
                Some(last) if last.range.end > code.range.start => {
                    last.range.end = last.range.end.max(code.range.end);
                    last.kind = CodeKind::Standalone;
                }
                _ => codes.push(code),
            }
        }
        block.codes = codes;
        out.push(block);
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Checks what [`Block`] and [`Code`] promise: ranges non-empty, inside the text, on
    /// character boundaries; blocks in order without overlap; codes sorted, non-overlapping
    /// and inside their block.
    pub(crate) fn check_invariants(text: &str, blocks: &[Block]) -> Result<(), String> {
        let ok = |r: &Range<usize>| r.start < r.end && text.get(r.clone()).is_some();
        let mut previous_end = 0;
        for (i, block) in blocks.iter().enumerate() {
            let r = &block.range;
            if !ok(r) {
                return Err(format!("block {i}: bad range {r:?}"));
            }
            if r.start < previous_end {
                return Err(format!(
                    "block {i}: {r:?} overlaps or precedes the block before it"
                ));
            }
            previous_end = r.end;
            let mut code_end = r.start;
            for code in &block.codes {
                let c = &code.range;
                if !ok(c) || c.start < code_end || c.end > r.end {
                    return Err(format!(
                        "block {i} {r:?}: bad code {c:?} (previous code ends at {code_end})"
                    ));
                }
                code_end = c.end;
            }
        }
        Ok(())
    }

    /// Replaces every block by its own text and writes the result back.
    fn identity_bytes(doc: &Document) -> Vec<u8> {
        let same: Vec<(Range<usize>, String)> = doc
            .blocks
            .iter()
            .map(|b| (b.range.clone(), doc.block_text(b).to_owned()))
            .collect();
        doc.encode(&doc.rebuild(&same))
    }

    fn md() -> ReadOptions {
        ReadOptions {
            format: Some(Format::Markdown),
            ..ReadOptions::default()
        }
    }

    fn texts(doc: &Document) -> Vec<&str> {
        doc.blocks.iter().map(|b| doc.block_text(b)).collect()
    }

    #[test]
    fn format_from_path() {
        assert_eq!(
            Format::from_path(Path::new("story.en.md")),
            Format::Markdown
        );
        assert_eq!(
            Format::from_path(Path::new("a/b.MARKDOWN")),
            Format::Markdown
        );
        assert_eq!(Format::from_path(Path::new("story.vi.txt")), Format::Text);
        assert_eq!(Format::from_path(Path::new("README")), Format::Text);
        assert_eq!(Format::from_path(Path::new("-")), Format::Text);
        assert_eq!(
            Format::from_path(Path::new(".md")),
            Format::Text,
            "a hidden file, no extension"
        );
    }

    #[test]
    fn forced_format_overrides_the_extension() {
        let bytes = b"# Heading\n";
        let doc = Document::from_bytes(Path::new("a.txt"), bytes, md()).unwrap();
        assert_eq!(
            (doc.format, texts(&doc)),
            (Format::Markdown, vec!["Heading"])
        );
        let text = ReadOptions {
            format: Some(Format::Text),
            ..ReadOptions::default()
        };
        let doc = Document::from_bytes(Path::new("a.md"), bytes, text).unwrap();
        assert_eq!((doc.format, texts(&doc)), (Format::Text, vec!["# Heading"]));
    }

    #[test]
    fn empty_file_has_no_blocks() {
        for name in ["empty.txt", "empty.md"] {
            let doc = Document::from_bytes(Path::new(name), b"", ReadOptions::default()).unwrap();
            assert!(doc.blocks.is_empty());
            assert_eq!(doc.to_bytes(), b"");
        }
    }

    #[test]
    fn paragraph_mode_applies_to_text() {
        let bytes = b"Hard-wrapped line one\nline two.\n\nNext.\n";
        let blank = ReadOptions {
            paragraphs: ParagraphMode::Blank,
            ..ReadOptions::default()
        };
        let doc = Document::from_bytes(Path::new("a.txt"), bytes, blank).unwrap();
        assert_eq!(texts(&doc), ["Hard-wrapped line one\nline two.", "Next."]);
    }

    const ARTICLE: &str = "---\r\ntitle: Rice prices climb\r\ndescription: >\r\n  Exporters expect\r\n  a record year.\r\nauthor: Minh Trần\r\n---\r\n\
        # Rice prices climb\r\n\r\nVietnam's **rice** exports rose [12%](https://example.com/data \"Data\").\r\n\r\n\
        > Farmers in *An Giang*\r\n> are planting more.\r\n\r\n- Prices: `$600/t`\r\n- Buyers: the Philippines\r\n";

    #[test]
    fn full_article_blocks() {
        let doc = Document::from_bytes(
            Path::new("rice.en.md"),
            ARTICLE.as_bytes(),
            ReadOptions::default(),
        )
        .unwrap();
        assert_eq!(
            texts(&doc),
            [
                "Rice prices climb",
                "Exporters expect\r\n  a record year.",
                "Rice prices climb",
                "Vietnam's **rice** exports rose [12%](https://example.com/data \"Data\").",
                "Farmers in *An Giang*\r\n> are planting more.",
                "Prices: `$600/t`",
                "Buyers: the Philippines",
            ]
        );
        let kinds: Vec<&BlockKind> = doc.blocks.iter().map(|b| &b.kind).collect();
        assert_eq!(
            kinds,
            [
                &BlockKind::FrontMatter("title".into()),
                &BlockKind::FrontMatter("description".into()),
                &BlockKind::Heading(1),
                &BlockKind::Paragraph,
                &BlockKind::BlockQuote,
                &BlockKind::ListItem,
                &BlockKind::ListItem,
            ]
        );
        check_invariants(&doc.text, &doc.blocks).unwrap();
        assert_eq!(identity_bytes(&doc), ARTICLE.as_bytes());
    }

    #[test]
    fn translating_keeps_the_skeleton_and_the_encoding() {
        let source = "# Flood warning\r\n\r\nRivers are **rising** fast.\r\n";
        let bytes = decode::encode(source, Encoding::Utf16Be);
        let doc =
            Document::from_bytes(Path::new("flood.en.md"), &bytes, ReadOptions::default()).unwrap();
        assert_eq!(doc.encoding, Encoding::Utf16Be);
        let vi = ["Cảnh báo lũ", "Nước sông **dâng** nhanh."];
        let replacements: Vec<_> = doc
            .blocks
            .iter()
            .zip(vi)
            .map(|(b, t)| (b.range.clone(), t.to_owned()))
            .collect();
        let out = doc.rebuild(&replacements);
        assert_eq!(out, "# Cảnh báo lũ\r\n\r\nNước sông **dâng** nhanh.\r\n");
        assert_eq!(doc.encode(&out), decode::encode(&out, Encoding::Utf16Be));
        assert_eq!(&doc.encode(&out)[..2], &[0xFE, 0xFF]);
        assert_eq!(doc.to_bytes(), bytes);
    }

    #[test]
    fn rebuild_applies_in_order_and_skips_bad_ranges() {
        let doc = Document::from_text(
            Path::new("a.txt"),
            "Một hai ba".into(),
            ReadOptions::default(),
        );
        let out = doc.rebuild(&[
            // "Một" is bytes 0..5, "hai" 6..9, "ba" 10..12.
            (10..12, "C".into()),
            (0..5, "A".into()),
            (3..7, "overlaps".into()),
            (2..3, "inside a character".into()),
            (11..99, "past the end".into()),
            (9..9, "+".into()),
        ]);
        assert_eq!(out, "A hai+ C");
        assert_eq!(doc.rebuild(&[]), "Một hai ba");
    }

    #[test]
    fn utf8_bom_and_crlf_survive() {
        let bytes = "\u{feff}Dòng một\r\n\r\nDòng hai\r\n".as_bytes();
        let doc = Document::from_bytes(Path::new("a.txt"), bytes, ReadOptions::default()).unwrap();
        assert_eq!(doc.encoding, Encoding::Utf8Bom);
        assert_eq!(texts(&doc), ["Dòng một", "Dòng hai"]);
        assert_eq!(
            doc.blocks[0].range,
            0.."Dòng một".len(),
            "ranges are in the text without the BOM"
        );
        assert_eq!(identity_bytes(&doc), bytes);
    }

    #[test]
    fn error_messages() {
        let p = || PathBuf::from("a.txt");
        let cases = [
            (
                DocumentError::InvalidUtf8 {
                    path: p(),
                    offset: 41,
                    line: 3,
                    column: 7,
                },
                "`a.txt`:3:7: invalid UTF-8 at byte 41",
            ),
            (
                DocumentError::InvalidUtf16 {
                    path: p(),
                    offset: 6,
                },
                "`a.txt`: invalid UTF-16 at byte 6",
            ),
            (
                DocumentError::Binary {
                    path: p(),
                    offset: 8,
                },
                "`a.txt`: binary file (NUL byte at byte 8)",
            ),
            (
                DocumentError::NotFound { path: p() },
                "`a.txt`: no such file",
            ),
            (
                DocumentError::IsDirectory { path: p() },
                "`a.txt`: is a directory, not an article",
            ),
        ];
        for (error, message) in cases {
            assert_eq!(error.to_string(), message);
            assert_eq!(error.path(), Path::new("a.txt"));
        }
    }

    #[test]
    fn decoding_errors_name_the_file() {
        let error = Document::from_bytes(Path::new("bad.md"), b"ok\n\xFF", ReadOptions::default())
            .unwrap_err();
        assert_eq!(error.to_string(), "`bad.md`:2:1: invalid UTF-8 at byte 3");
        let error =
            Document::from_bytes(Path::new("x.txt"), b"abc\0", ReadOptions::default()).unwrap_err();
        assert!(
            matches!(error, DocumentError::Binary { offset: 3, .. }),
            "{error:?}"
        );
    }

    #[test]
    fn read_path_maps_file_system_errors() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.md");
        let error = Document::read_path(&missing, ReadOptions::default()).unwrap_err();
        assert!(
            matches!(&error, DocumentError::NotFound { path } if *path == missing),
            "{error:?}"
        );

        let error = Document::read_path(dir.path(), ReadOptions::default()).unwrap_err();
        assert!(
            matches!(error, DocumentError::IsDirectory { .. }),
            "{error:?}"
        );

        let file = dir.path().join("tin.vi.md");
        std::fs::write(&file, "# Tin nhanh\n").unwrap();
        let doc = Document::read_path(&file, ReadOptions::default()).unwrap();
        assert_eq!(
            (doc.format, texts(&doc)),
            (Format::Markdown, vec!["Tin nhanh"])
        );
        assert_eq!(doc.path, file);
    }

    #[test]
    fn sanitize_drops_and_merges() {
        let text = "abc def";
        let code = |range, kind| Code { range, kind };
        let blocks = vec![
            Block {
                kind: BlockKind::Paragraph,
                range: 0..7,
                codes: vec![
                    code(4..6, CodeKind::Close),
                    code(0..2, CodeKind::Open),
                    code(1..3, CodeKind::Open),
                    code(5..9, CodeKind::Close),
                ],
            },
            Block {
                kind: BlockKind::Paragraph,
                range: 3..5,
                codes: vec![],
            },
            Block {
                kind: BlockKind::Paragraph,
                range: 7..7,
                codes: vec![],
            },
        ];
        let out = sanitize(text, blocks);
        assert_eq!(out.len(), 1);
        assert_eq!(
            out[0].codes,
            [
                code(0..3, CodeKind::Standalone),
                code(4..7, CodeKind::Standalone)
            ]
        );
    }

    // --- property tests -------------------------------------------------------------

    fn words() -> impl Strategy<Value = String> {
        "[a-zA-Zàáạảãăằắâầấđêềếôồốơờớưừứý0-9.,!?']{1,8}( [a-zA-Zàạãđêếôơưứ0-9.,]{1,8}){0,4}"
    }

    /// One Markdown block, or a few lines of noise made of Markdown punctuation.
    fn fragment() -> impl Strategy<Value = String> {
        let w = words;
        prop_oneof![
            (1..7usize, w()).prop_map(|(n, a)| format!(
                "{} {a}{}\n",
                "#".repeat(n),
                if n % 2 == 0 { " ##" } else { "" }
            )),
            w().prop_map(|a| format!("{a}\n===\n")),
            (w(), w()).prop_map(|(a, b)| format!("{a}\n{b}\n")),
            (w(), w()).prop_map(|(a, b)| format!("- {a}\n  - {b}\n- *{b}*\n")),
            (w(), w()).prop_map(|(a, b)| format!("1. {a}\n\n   {b}\n2. {b}\n")),
            (w(), w()).prop_map(|(a, b)| format!("> {a}\n> **{b}**\n>\n> - {a}\n>   {b}\n")),
            (w(), w())
                .prop_map(|(a, b)| format!("| {a} | {b} |\n|---|:-:|\n| *{b}* | \\| {a} |\n| |\n")),
            w().prop_map(|a| format!("```\n{a} *x*\n```\n")),
            w().prop_map(|a| format!("    {a}\n")),
            w().prop_map(|a| format!("<div>\n{a}\n</div>\n")),
            (w(), w()).prop_map(|(a, b)| format!(
                "{a} *{b}* __{a}__ ~~{b}~~ `c*d` \\* &amp; <br> [^1]\n"
            )),
            (w(), w()).prop_map(|(a, b)| format!(
                "[{a}](https://x.vn/{b} \"{b}\") ![{b}](i.png) <https://x.vn> [{a}][r]\n"
            )),
            w().prop_map(|a| format!("[^1]: {a}\n\n[r]: https://x.vn\n")),
            Just("\n".to_owned()),
            Just("\n\n\n".to_owned()),
            Just("---\n".to_owned()),
            Just("  \t \n".to_owned()),
            "[-*_`#>|\\\\\\[\\]()!<>:'\"~=+ a-zđ.\n]{0,40}\n",
        ]
    }

    /// Fragments, sometimes nested in a quote or a list item.
    fn nested() -> impl Strategy<Value = String> {
        (prop::collection::vec(fragment(), 1..4), 0..5usize).prop_map(|(parts, how)| {
            let body = parts.concat();
            let (first, rest) = match how {
                0 => return body,
                1 => ("> ", "> "),
                2 => ("- ", "  "),
                3 => ("> - ", ">   "),
                _ => ("1. > ", "   > "),
            };
            body.lines()
                .enumerate()
                .map(|(i, line)| format!("{}{line}\n", if i == 0 { first } else { rest }))
                .collect()
        })
    }

    fn front_matter() -> impl Strategy<Value = String> {
        let w = words;
        prop_oneof![
            Just(String::new()),
            (w(), w()).prop_map(|(a, b)| format!(
                "---\ntitle: {a}\ndescription: \"{b}\"\ntags: [x]\n---\n"
            )),
            (w(), w())
                .prop_map(|(a, b)| format!("---\ntitle: |\n  {a}\n\n  {b}\nauthor: '{a}'\n...\n")),
            (w(), w()).prop_map(|(a, b)| format!(
                "---\ndescription: >-\n    {a}\ntitle: '{b}' # c\n---\n"
            )),
        ]
    }

    fn markdown() -> impl Strategy<Value = String> {
        (
            front_matter(),
            prop::collection::vec(nested(), 0..6),
            0..3usize,
        )
            .prop_map(|(front, parts, eol)| {
                let text = front + &parts.concat();
                match eol {
                    0 => text,
                    1 => text.replace('\n', "\r\n"),
                    // Mixed line endings: every other line.
                    _ => text
                        .split('\n')
                        .enumerate()
                        .map(|(i, l)| {
                            if i % 2 == 0 {
                                format!("{l}\r")
                            } else {
                                l.to_owned()
                            }
                        })
                        .collect::<Vec<_>>()
                        .join("\n"),
                }
            })
    }

    fn encoding() -> impl Strategy<Value = Encoding> {
        prop_oneof![
            Just(Encoding::Utf8),
            Just(Encoding::Utf8Bom),
            Just(Encoding::Utf16Le),
            Just(Encoding::Utf16Be)
        ]
    }

    fn round_trip(
        text: &str,
        encoding: Encoding,
        options: ReadOptions,
    ) -> Result<(), TestCaseError> {
        let bytes = decode::encode(text, encoding);
        let doc = Document::from_bytes(Path::new("p"), &bytes, options)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        check_invariants(&doc.text, &doc.blocks).map_err(TestCaseError::fail)?;
        prop_assert_eq!(identity_bytes(&doc), bytes);
        Ok(())
    }

    proptest! {
        #[test]
        fn markdown_round_trips(text in markdown(), encoding in encoding()) {
            // The raw parsers already keep the promises; `sanitize` only guards.
            let front = front_matter::parse(&text);
            let start = front.as_ref().map_or(0, |f| f.end);
            let mut raw = front.map(|f| f.blocks).unwrap_or_default();
            raw.extend(markdown::blocks(&text, start));
            check_invariants(&text, &raw).map_err(TestCaseError::fail)?;
            round_trip(&text, encoding, md())?;
        }

        #[test]
        fn markdown_noise_round_trips(text in "[-*_`#>|\\\\\\[\\]()!<>:'\"~=+ \t\r\na-zđ.0-9]{0,200}") {
            check_invariants(&text, &markdown::blocks(&text, 0)).map_err(TestCaseError::fail)?;
            round_trip(&text, Encoding::Utf8, md())?;
        }

        #[test]
        fn text_round_trips(text in "[^\u{0}]{0,200}", encoding in encoding(), blank in any::<bool>()) {
            let paragraphs = if blank { ParagraphMode::Blank } else { ParagraphMode::Lines };
            let options = ReadOptions { format: Some(Format::Text), paragraphs, ..ReadOptions::default() };
            round_trip(&text, encoding, options)?;
            // Arbitrary text read as Markdown too.
            round_trip(&text, encoding, md())?;
        }

        #[test]
        fn any_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), prefix in 0..4usize, markdown in any::<bool>()) {
            let prefix: &[u8] = [&[][..], &[0xEF, 0xBB, 0xBF], &[0xFF, 0xFE], &[0xFE, 0xFF]][prefix];
            let bytes = [prefix, &bytes].concat();
            let format = Some(if markdown { Format::Markdown } else { Format::Text });
            if let Ok(doc) = Document::from_bytes(Path::new("x"), &bytes, ReadOptions { format, ..ReadOptions::default() }) {
                check_invariants(&doc.text, &doc.blocks).map_err(TestCaseError::fail)?;
                prop_assert_eq!(identity_bytes(&doc), bytes);
            }
        }
    }
}
