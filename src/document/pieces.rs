//! A long plain-text article read a piece at a time, so that a caller that wants only
//! its units (`align`) never holds its whole text.
//!
//! Plain-text paragraphs depend on nothing but their own lines, so a piece cut where a
//! paragraph ends (after any line break in [`ParagraphMode::Lines`], after a blank line in
//! [`ParagraphMode::Blank`]) has exactly the blocks the whole text has there. Markdown
//! (whose blocks can span the whole text), UTF-16, a file that is not a regular file or
//! is over the limit, and bytes that are not UTF-8 are left to [`Document::read_path`],
//! which reads them whole and says what is wrong: [`read_pieces`] hands nothing then.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use super::decode::{UTF8_BOM, UTF16_BE_BOM, UTF16_LE_BOM};
use super::{Document, Encoding, Format, ParagraphMode, ReadOptions};

/// About how much text a piece holds: a paragraph longer than this is one piece.
pub const PIECE_BYTES: usize = 4 << 20;

/// Whether [`read_pieces`] read the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pieces {
    /// Every piece was handed over, in order.
    Read,
    /// Nothing was handed over: read it whole with [`Document::read_path`].
    ReadWhole,
}

/// Why [`read_pieces`] stopped: the file could not be read, or `each` said so.
#[derive(Debug)]
pub enum PieceError<E> {
    Io(io::Error),
    Sink(E),
}

impl<E> From<io::Error> for PieceError<E> {
    fn from(error: io::Error) -> Self {
        PieceError::Io(error)
    }
}

/// Reads the plain-text article at `path` in pieces of about `piece_bytes`, each cut
/// where a paragraph ends, and hands each to `each` as a document of its own: its blocks
/// are the article's, in order (their offsets are the piece's). `each`'s first error
/// stops it.
pub fn read_pieces<E>(
    path: &Path,
    options: &ReadOptions,
    piece_bytes: usize,
    mut each: impl FnMut(Document) -> Result<(), E>,
) -> Result<Pieces, PieceError<E>> {
    let format = options.format.unwrap_or_else(|| Format::from_path(path));
    let Ok(mut file) = File::open(path) else {
        return Ok(Pieces::ReadWhole);
    };
    let regular = file.metadata().is_ok_and(|m| m.is_file());
    if format != Format::Text || !regular || !clean_utf8(&mut file, options.max_bytes)? {
        return Ok(Pieces::ReadWhole);
    }
    let mut file = File::open(path)?;
    let mut pending: Vec<u8> = Vec::new();
    let mut want = piece_bytes.max(1);
    let mut eof = false;
    let mut first = true;
    loop {
        while !eof && pending.len() < want {
            let at = pending.len();
            pending.resize(want, 0);
            let n = file.read(&mut pending[at..])?;
            pending.truncate(at + n);
            eof = n == 0;
        }
        let cut = if eof {
            pending.len()
        } else {
            match last_cut(&pending, options.paragraphs) {
                Some(cut) => cut,
                // One paragraph fills the piece: take in more.
                None => {
                    want = pending.len() * 2;
                    continue;
                }
            }
        };
        let rest = pending.split_off(cut);
        let mut piece = std::mem::replace(&mut pending, rest);
        let mut encoding = Encoding::Utf8;
        if std::mem::take(&mut first) && piece.starts_with(UTF8_BOM) {
            piece.drain(..UTF8_BOM.len());
            encoding = Encoding::Utf8Bom;
        }
        // Checked before (`clean_utf8`): only a file changed meanwhile gets here.
        let text = String::from_utf8(piece).map_err(|_| changed())?;
        let mut document = Document::from_text(path, text, *options);
        document.encoding = encoding;
        each(document).map_err(PieceError::Sink)?;
        if eof && pending.is_empty() {
            return Ok(Pieces::Read);
        }
        want = piece_bytes.max(pending.len() + 1);
    }
}

fn changed() -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        "the file changed while it was read",
    )
}

/// Where the last paragraph that ends in `bytes` ends: after its line break (and, between
/// blank-line paragraphs, after the blank line that closes it).
fn last_cut(bytes: &[u8], mode: ParagraphMode) -> Option<usize> {
    let mut end = bytes.len();
    while let Some(newline) = bytes[..end].iter().rposition(|&b| b == b'\n') {
        let line_start = bytes[..newline]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let blank = std::str::from_utf8(&bytes[line_start..newline])
            .is_ok_and(|line| line.trim().is_empty());
        if mode == ParagraphMode::Lines || blank {
            return Some(newline + 1);
        }
        end = newline;
    }
    None
}

/// Whether the file is UTF-8 (a UTF-8 byte order mark or none) without a NUL byte and
/// within `limit` bytes, read once in blocks: what lets it be read in pieces.
fn clean_utf8(file: &mut File, limit: u64) -> io::Result<bool> {
    let mut block = vec![0u8; 1 << 20];
    // Bytes of a character the previous block cut.
    let mut carried = 0;
    let mut total: u64 = 0;
    let mut first = true;
    loop {
        let n = file.read(&mut block[carried..])?;
        total += n as u64;
        if total > limit {
            return Ok(false);
        }
        let filled = carried + n;
        if std::mem::take(&mut first)
            && (block[..filled].starts_with(UTF16_LE_BOM)
                || block[..filled].starts_with(UTF16_BE_BOM))
        {
            return Ok(false);
        }
        if block[carried..filled].contains(&0) {
            return Ok(false);
        }
        let valid = match std::str::from_utf8(&block[..filled]) {
            Ok(_) => filled,
            // A character cut by the end of the block: checked with the next one.
            Err(e) if e.error_len().is_none() && n > 0 => e.valid_up_to(),
            Err(_) => return Ok(false),
        };
        if n == 0 {
            return Ok(true);
        }
        block.copy_within(valid..filled, 0);
        carried = filled - valid;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{Segmenter, segment_document};
    use crate::text::Lang;

    /// The units' texts and ids of the article, read whole and in pieces of `piece`
    /// bytes.
    fn whole_and_pieces(text: &[u8], name: &str, mode: ParagraphMode, piece: usize) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let options = ReadOptions {
            paragraphs: mode,
            ..ReadOptions::default()
        };
        let whole = Document::read_path(&path, options).unwrap();
        let blocks: Vec<&str> = whole.blocks.iter().map(|b| whole.block_text(b)).collect();
        let mut pieces = Vec::new();
        let read = read_pieces::<()>(&path, &options, piece, |doc| {
            assert_eq!(
                doc.encoding,
                if pieces.is_empty() {
                    whole.encoding
                } else {
                    Encoding::Utf8
                }
            );
            pieces.push(doc);
            Ok(())
        })
        .unwrap();
        assert_eq!(read, Pieces::Read);
        let piece_blocks: Vec<&str> = pieces
            .iter()
            .flat_map(|d| d.blocks.iter().map(|b| d.block_text(b)))
            .collect();
        assert_eq!(piece_blocks, blocks, "{name} {mode:?} {piece}");
        let segmenter = Segmenter::builtin(Lang::En);
        let units: Vec<String> = segment_document(&whole, &segmenter)
            .into_iter()
            .map(|u| u.text)
            .collect();
        let piece_units: Vec<String> = pieces
            .iter()
            .flat_map(|d| segment_document(d, &segmenter))
            .map(|u| u.text)
            .collect();
        assert_eq!(piece_units, units);
    }

    #[test]
    fn pieces_have_the_blocks_of_the_whole_text() {
        let text = "\u{feff}First one. Two.\r\n\r\nThree\nwrapped line.\n \u{a0}\n\nÝ kiến bốn.\n\n\n\
                    Five.\nSix.\n";
        for mode in [ParagraphMode::Lines, ParagraphMode::Blank] {
            for piece in [1, 2, 3, 7, 16, 1000] {
                whole_and_pieces(text.as_bytes(), "a.txt", mode, piece);
                whole_and_pieces(&text.as_bytes()[3..], "a.txt", mode, piece);
            }
        }
    }

    #[test]
    fn what_cannot_be_read_in_pieces_is_left_whole() {
        let dir = tempfile::tempdir().unwrap();
        let cases: [(&str, &[u8]); 4] = [
            ("a.md", b"# Title\n\nText.\n"),
            ("b.txt", b"\xff\xfeA\x00"),
            ("c.txt", b"Bad \xc3 byte.\n"),
            ("d.txt", b"Nul \x00 byte.\n"),
        ];
        for (name, bytes) in cases {
            let path = dir.path().join(name);
            std::fs::write(&path, bytes).unwrap();
            let read = read_pieces::<()>(&path, &ReadOptions::default(), 4, |_| {
                panic!("{name}: nothing is handed over")
            });
            assert_eq!(read.unwrap(), Pieces::ReadWhole, "{name}");
        }
        let big = dir.path().join("big.txt");
        std::fs::write(&big, "Long enough.\n").unwrap();
        let options = ReadOptions {
            max_bytes: 4,
            ..ReadOptions::default()
        };
        let read = read_pieces::<()>(&big, &options, 4, |_| Ok(())).unwrap();
        assert_eq!(read, Pieces::ReadWhole);
        let missing = dir.path().join("missing.txt");
        let read = read_pieces::<()>(&missing, &options, 4, |_| Ok(())).unwrap();
        assert_eq!(read, Pieces::ReadWhole);
    }
}
