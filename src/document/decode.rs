//! Bytes to text and back: UTF-8 (with or without a byte order mark) and UTF-16 with a BOM.
//!
//! Offsets in errors are byte offsets in the file as read, BOM included, so they match
//! what a hex viewer shows.

use std::path::Path;

use super::{DocumentError, Encoding};
use crate::text::position::line_column;
use crate::text::utf16;

pub(super) const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
pub(super) const UTF16_LE_BOM: &[u8] = &[0xFF, 0xFE];
pub(super) const UTF16_BE_BOM: &[u8] = &[0xFE, 0xFF];

/// Decodes `bytes`, picking the encoding from the byte order mark (UTF-8 without one).
pub(crate) fn decode(path: &Path, bytes: &[u8]) -> Result<(String, Encoding), DocumentError> {
    decode_vec(path, bytes.to_vec())
}

/// [`decode`] of bytes given away: UTF-8 (most articles) becomes the text where it lies,
/// without a copy of the whole file, and is validated once.
pub(crate) fn decode_vec(
    path: &Path,
    mut bytes: Vec<u8>,
) -> Result<(String, Encoding), DocumentError> {
    if bytes.starts_with(UTF16_LE_BOM) || bytes.starts_with(UTF16_BE_BOM) {
        return decode_utf16_bom(path, &bytes);
    }
    let (rest, encoding) = utf8_body(&bytes);
    let skipped = bytes.len() - rest.len();
    refuse_binary(path, rest, skipped)?;
    bytes.drain(..skipped);
    let text = String::from_utf8(bytes).map_err(|error| {
        let valid_up_to = error.utf8_error().valid_up_to();
        let (line, column) = line_column(error.as_bytes(), valid_up_to);
        DocumentError::InvalidUtf8 {
            path: path.to_path_buf(),
            offset: skipped + valid_up_to,
            line,
            column,
        }
    })?;
    Ok((text, encoding))
}

fn decode_utf16_bom(path: &Path, bytes: &[u8]) -> Result<(String, Encoding), DocumentError> {
    if let Some(rest) = bytes.strip_prefix(UTF16_LE_BOM) {
        let text = decode_utf16(path, rest, UTF16_LE_BOM.len(), false)?;
        return Ok((text, Encoding::Utf16Le));
    }
    let rest = bytes.strip_prefix(UTF16_BE_BOM).unwrap_or(bytes);
    let text = decode_utf16(path, rest, UTF16_BE_BOM.len(), true)?;
    Ok((text, Encoding::Utf16Be))
}

/// The UTF-8 text after its byte order mark, if any, and which of the two it is.
fn utf8_body(bytes: &[u8]) -> (&[u8], Encoding) {
    match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest, Encoding::Utf8Bom),
        None => (bytes, Encoding::Utf8),
    }
}

/// Refuses a binary file: one with a NUL byte; `skipped` is the BOM's length, for offsets.
/// Before UTF-8 is validated: a binary file is nearly always invalid UTF-8 too, and
/// "binary file" is the message that tells the user what went wrong.
fn refuse_binary(path: &Path, rest: &[u8], skipped: usize) -> Result<(), DocumentError> {
    // Blocks are tested whole (a loop the compiler vectorizes) before looking for where
    // the NUL is.
    let has_nul = rest
        .chunks(4096)
        .any(|block| block.iter().fold(false, |nul, &b| nul | (b == 0)));
    match has_nul.then(|| rest.iter().position(|&b| b == 0)).flatten() {
        Some(at) => Err(DocumentError::Binary {
            path: path.to_path_buf(),
            offset: skipped + at,
        }),
        None => Ok(()),
    }
}

/// UTF-16 after its byte order mark; `skipped` is the BOM length, for offsets.
fn decode_utf16(
    path: &Path,
    bytes: &[u8],
    skipped: usize,
    big_endian: bool,
) -> Result<String, DocumentError> {
    utf16::decode_utf16(bytes, big_endian).map_err(|fault| DocumentError::InvalidUtf16 {
        path: path.to_path_buf(),
        offset: skipped + fault.offset,
    })
}

/// Encodes `text` in `encoding`, writing the byte order mark the encoding calls for.
pub(crate) fn encode(text: &str, encoding: Encoding) -> Vec<u8> {
    match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [UTF8_BOM, text.as_bytes()].concat(),
        Encoding::Utf16Le => encode_utf16(text, UTF16_LE_BOM, u16::to_le_bytes),
        Encoding::Utf16Be => encode_utf16(text, UTF16_BE_BOM, u16::to_be_bytes),
    }
}

fn encode_utf16(text: &str, bom: &[u8], bytes: fn(u16) -> [u8; 2]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bom.len() + 2 * text.len());
    out.extend_from_slice(bom);
    for unit in text.encode_utf16() {
        out.extend_from_slice(&bytes(unit));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path() -> &'static Path {
        Path::new("a.txt")
    }

    fn utf16(text: &str, le: bool) -> Vec<u8> {
        encode(
            text,
            if le {
                Encoding::Utf16Le
            } else {
                Encoding::Utf16Be
            },
        )
    }

    #[test]
    fn bytes_given_away_decode_as_bytes_lent() {
        let mut nul_late = vec![b'a'; 10_000];
        nul_late[9_000] = 0;
        let cases: Vec<Vec<u8>> = vec![
            b"".to_vec(),
            "Hà Nội mưa to.\n".as_bytes().to_vec(),
            b"\xEF\xBB\xBFCity council votes.\r\n".to_vec(),
            UTF8_BOM.to_vec(),
            utf16("Tin nóng 📰", true),
            utf16("Tin nóng 📰", false),
            b"\xEF\xBB\xBFab\x00c".to_vec(),
            nul_late,
            b"ok\n\xC3(".to_vec(),
            [0xFF, 0xFE, b'A'].to_vec(),
        ];
        for bytes in cases {
            let lent = decode(path(), &bytes);
            let given = decode_vec(path(), bytes.clone());
            match (lent, given) {
                (Ok(lent), Ok(given)) => assert_eq!(lent, given, "{bytes:?}"),
                (Err(lent), Err(given)) => {
                    assert_eq!(format!("{lent:?}"), format!("{given:?}"), "{bytes:?}")
                }
                (lent, given) => panic!("{bytes:?}: {lent:?} against {given:?}"),
            }
        }
        match decode_vec(path(), b"\xEF\xBB\xBFab\x00c".to_vec()) {
            Err(DocumentError::Binary { offset, .. }) => assert_eq!(offset, 5),
            other => panic!("expected a binary file, got {other:?}"),
        }
    }

    #[test]
    fn plain_utf8() {
        let (text, encoding) = decode(path(), "Hà Nội mưa to.\n".as_bytes()).unwrap();
        assert_eq!(text, "Hà Nội mưa to.\n");
        assert_eq!(encoding, Encoding::Utf8);
    }

    #[test]
    fn empty_file_is_utf8() {
        let (text, encoding) = decode(path(), b"").unwrap();
        assert_eq!(text, "");
        assert_eq!(encoding, Encoding::Utf8);
    }

    #[test]
    fn utf8_bom_is_stripped_and_written_back() {
        let bytes = b"\xEF\xBB\xBFCity council votes.\r\n";
        let (text, encoding) = decode(path(), bytes).unwrap();
        assert_eq!(text, "City council votes.\r\n");
        assert_eq!(encoding, Encoding::Utf8Bom);
        assert_eq!(encode(&text, encoding), bytes);
    }

    #[test]
    fn only_a_bom() {
        let (text, encoding) = decode(path(), UTF8_BOM).unwrap();
        assert_eq!((text.as_str(), encoding), ("", Encoding::Utf8Bom));
        let (text, encoding) = decode(path(), UTF16_BE_BOM).unwrap();
        assert_eq!((text.as_str(), encoding), ("", Encoding::Utf16Be));
    }

    #[test]
    fn utf16_both_byte_orders_with_astral_characters() {
        let source = "Tin nóng 📰: Đà Nẵng đón khách.\r\n";
        for le in [true, false] {
            let bytes = utf16(source, le);
            let (text, encoding) = decode(path(), &bytes).unwrap();
            assert_eq!(text, source);
            assert_eq!(
                encoding,
                if le {
                    Encoding::Utf16Le
                } else {
                    Encoding::Utf16Be
                }
            );
            assert_eq!(encode(&text, encoding), bytes);
        }
    }

    #[test]
    fn utf16_unpaired_surrogate_reports_its_offset() {
        // BOM, 'A', a lone high surrogate, 'B'.
        let bytes = [0xFF, 0xFE, b'A', 0, 0x00, 0xD8, b'B', 0];
        match decode(path(), &bytes) {
            Err(DocumentError::InvalidUtf16 { offset, .. }) => assert_eq!(offset, 4),
            other => panic!("expected invalid UTF-16, got {other:?}"),
        }
        // A lone low surrogate, big endian, at the very start.
        let bytes = [0xFE, 0xFF, 0xDC, 0x00];
        match decode(path(), &bytes) {
            Err(DocumentError::InvalidUtf16 { offset, .. }) => assert_eq!(offset, 2),
            other => panic!("expected invalid UTF-16, got {other:?}"),
        }
    }

    #[test]
    fn utf16_odd_length_reports_the_last_byte() {
        let bytes = [0xFF, 0xFE, b'A', 0, b'B'];
        match decode(path(), &bytes) {
            Err(DocumentError::InvalidUtf16 { offset, .. }) => assert_eq!(offset, 4),
            other => panic!("expected invalid UTF-16, got {other:?}"),
        }
    }

    #[test]
    fn invalid_utf8_position_counts_characters() {
        // Line 3 starts at byte 2 + 13 = 15; "Đà " is 3 characters but 5 bytes.
        let mut bytes = b"a\n".to_vec();
        bytes.extend_from_slice("Tin tức mới\n".as_bytes());
        bytes.extend_from_slice("Đà ".as_bytes());
        let bad = bytes.len();
        bytes.extend_from_slice(b"\xC3\x28 rest");
        match decode(path(), &bytes) {
            Err(DocumentError::InvalidUtf8 {
                offset,
                line,
                column,
                ..
            }) => {
                assert_eq!((offset, line, column), (bad, 3, 4));
            }
            other => panic!("expected invalid UTF-8, got {other:?}"),
        }
    }

    #[test]
    fn invalid_utf8_after_a_bom_counts_the_bom_in_the_offset_only() {
        let bytes = b"\xEF\xBB\xBFab\xFF";
        match decode(path(), bytes) {
            Err(DocumentError::InvalidUtf8 {
                offset,
                line,
                column,
                ..
            }) => {
                assert_eq!((offset, line, column), (5, 1, 3));
            }
            other => panic!("expected invalid UTF-8, got {other:?}"),
        }
    }

    #[test]
    fn nul_byte_is_binary_even_before_invalid_utf8() {
        let bytes = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR";
        match decode(path(), bytes) {
            Err(DocumentError::Binary { offset, .. }) => assert_eq!(offset, 8),
            other => panic!("expected a binary file, got {other:?}"),
        }
    }

    #[test]
    fn utf16_text_may_contain_zero_bytes() {
        // Every ASCII character has a zero byte in UTF-16: that is not a binary file.
        let bytes = utf16("abc", true);
        assert!(decode(path(), &bytes).is_ok());
    }
}
