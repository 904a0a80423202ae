//! UTF-16 bytes to text, for the readers that accept UTF-16 with a byte order mark
//! (articles, XLIFF).

/// Where UTF-16 input stopped being valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Utf16Fault {
    /// Byte offset of the fault in the bytes given: an unpaired surrogate, or a lone
    /// trailing byte.
    pub offset: usize,
    /// The text decoded before the fault, for its line and column.
    pub decoded: String,
}

/// Decodes UTF-16 code units (the bytes after the byte order mark) in the byte order
/// given; the first fault in reading order is reported.
pub fn decode_utf16(bytes: &[u8], big_endian: bool) -> Result<String, Utf16Fault> {
    let pairs = bytes.chunks_exact(2);
    let odd = !pairs.remainder().is_empty();
    let units = pairs.map(|pair| {
        let pair = [pair[0], pair[1]];
        if big_endian {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    // Position in bytes, to report where an unpaired surrogate sits.
    let mut at = 0usize;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                text.push(c);
                at += 2 * c.len_utf16();
            }
            Err(_) => {
                return Err(Utf16Fault {
                    offset: at,
                    decoded: text,
                });
            }
        }
    }
    if odd {
        // A lone trailing byte cannot be half of any character.
        return Err(Utf16Fault {
            offset: bytes.len() - 1,
            decoded: text,
        });
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_byte_orders_and_faults_in_reading_order() {
        assert_eq!(
            decode_utf16(&[b'A', 0, 0x3D, 0xD8, 0x00, 0xDE], false).unwrap(),
            "A😀"
        );
        assert_eq!(decode_utf16(&[0, b'A'], true).unwrap(), "A");
        let fault = |offset: usize, decoded: &str| {
            Err(Utf16Fault {
                offset,
                decoded: decoded.to_owned(),
            })
        };
        assert_eq!(
            decode_utf16(&[b'A', 0, 0x00, 0xD8, b'B', 0], false),
            fault(2, "A")
        );
        assert_eq!(decode_utf16(&[b'A', 0, b'B'], false), fault(2, "A"));
        // An unpaired surrogate comes before the trailing byte.
        assert_eq!(decode_utf16(&[0x00, 0xDC, b'B'], false), fault(0, ""));
    }
}
