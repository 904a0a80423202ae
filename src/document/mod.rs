//! The article model: blocks of translatable text inside an untouched skeleton.
//!
//! A [`Document`] keeps the decoded text of the article and the byte ranges of its
//! translatable blocks. Everything outside those ranges (blank lines, Markdown markers,
//! code blocks, front matter keys) is skeleton and is never changed, so replacing each
//! block's text by itself reproduces the input byte for byte.

use std::ops::Range;
use std::path::{Path, PathBuf};

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
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// Forced format; `None` picks it from the file extension.
    pub format: Option<Format>,
    pub paragraphs: ParagraphMode,
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
    /// Stands alone: inline code, inline HTML, a line prefix such as `> ` inside a quote.
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

impl Document {
    /// Parses already-read bytes. `path` names the source in errors and picks the format.
    pub fn from_bytes(path: &Path, bytes: &[u8], options: ReadOptions) -> Result<Document, DocumentError> {
        let _ = (path, bytes, options);
        unimplemented!("document model: being written")
    }
}

/// Errors reading an article.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("cannot read `{path}`: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}
