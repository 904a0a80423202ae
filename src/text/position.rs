//! Byte offset → line and column, the one rule every error position follows: lines and
//! columns are 1-based, a line ends at LF (`\n`; a CR before it is the last character of
//! its line), and columns count characters (Unicode scalar values), not bytes.
//!
//! ```
//! use songngu::text::position::line_column;
//!
//! assert_eq!(line_column("ab\nxyz".as_bytes(), 4), (2, 2));
//! assert_eq!(line_column("ạb".as_bytes(), 3), (1, 2));
//! ```

/// A position in a text: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineColumn {
    pub line: usize,
    pub column: usize,
}

impl LineColumn {
    /// The start of a text.
    pub const START: LineColumn = LineColumn { line: 1, column: 1 };

    /// The position after `bytes` (UTF-8) read from this one.
    ///
    /// Counts the LF bytes, then the characters after the last of them; a character is
    /// every byte that is not a UTF-8 continuation byte, so an offset inside a character
    /// (or inside invalid input) still gives a position. Readers of big files call this on
    /// every chunk, hence the byte-sized counters over short chunks, which the compiler
    /// vectorizes.
    pub fn advance(self, bytes: &[u8]) -> LineColumn {
        let (line, column, tail) = match bytes.iter().rposition(|&b| b == b'\n') {
            Some(last) => {
                let newlines = count_bytes(bytes, |b| b == b'\n');
                (self.line + newlines, 1, &bytes[last + 1..])
            }
            None => (self.line, self.column, bytes),
        };
        LineColumn {
            line,
            column: column + count_bytes(tail, |b| b & 0xC0 != 0x80),
        }
    }
}

/// 1-based line and column (in characters) of byte `offset` in the UTF-8 `text` (the end of
/// the text for an offset past it).
pub fn line_column(text: &[u8], offset: usize) -> (usize, usize) {
    let at = LineColumn::START.advance(&text[..offset.min(text.len())]);
    (at.line, at.column)
}

/// How many bytes of `bytes` satisfy `test`.
fn count_bytes(bytes: &[u8], test: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(255)
        .map(|chunk| usize::from(chunk.iter().map(|&b| u8::from(test(b))).sum::<u8>()))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\nxyz".as_bytes(), 4), (2, 2));
        assert_eq!(line_column("ạb".as_bytes(), 3), (1, 2));
    }

    #[test]
    fn lines_and_characters() {
        assert_eq!(line_column(b"", 0), (1, 1));
        assert_eq!(line_column(b"abc", 3), (1, 4));
        assert_eq!(line_column(b"a\r\nb", 2), (1, 3));
        assert_eq!(line_column(b"a\r\nb", 3), (2, 1));
        assert_eq!(line_column(b"a\n", 99), (2, 1));
        assert_eq!(
            line_column("Việt\nNam".as_bytes(), "Việt\nNa".len()),
            (2, 3)
        );
    }

    proptest! {
        #[test]
        fn advancing_in_pieces_is_advancing_at_once(
            s in "[a\né\u{1ec7}\r]{0,40}|\\PC{0,20}",
            cut in 0usize..80,
        ) {
            let bytes = s.as_bytes();
            let cut = cut.min(bytes.len());
            let whole = LineColumn::START.advance(bytes);
            let pieces = LineColumn::START.advance(&bytes[..cut]).advance(&bytes[cut..]);
            prop_assert_eq!(whole, pieces);
            let before = &s[..s.rfind('\n').map_or(0, |at| at + 1)];
            prop_assert_eq!(whole.line, 1 + s.matches('\n').count());
            prop_assert_eq!(whole.column, 1 + s[before.len()..].chars().count());
        }
    }
}
