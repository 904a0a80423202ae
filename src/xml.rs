//! The XML 1.0 rules the parser leaves to us, shared by the TMX and XLIFF readers and
//! writers: the `Char` and `Name` productions, line-end and attribute-value normalization,
//! references, and fast scans for the bytes that need a look.
//!
//! quick-xml tokenizes and checks tag nesting; it does not check characters, resolve
//! references or normalize line ends (see the reliability notes, §3.2), so this module
//! does, on the raw bytes of each event. Every function reports the byte offset of a fault
//! relative to the slice it was given, so the reader can turn it into a line and column,
//! and the fault as an [`XmlFault`] or as any error kind a format builds from one.

use std::fmt;

/// A character as `U+0001`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodePoint(pub u32);

impl fmt::Display for CodePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "U+{:04X}", self.0)
    }
}

/// What breaks an XML 1.0 rule in character data, an attribute value or a reference.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum XmlFault {
    /// A reference, or an `&` in an attribute value, that is not well-formed.
    #[error("{0}")]
    Syntax(String),
    #[error("undefined entity `&{0};` (only `&lt;`, `&gt;`, `&amp;`, `&apos;`, `&quot;` exist)")]
    UndefinedEntity(String),
    #[error("invalid character reference `&{0};`")]
    InvalidCharRef(String),
    #[error("character {0} is not allowed in XML 1.0")]
    ForbiddenChar(CodePoint),
    #[error("character reference `&{0};` stands for {1}, which XML 1.0 does not allow")]
    ForbiddenCharRef(String, CodePoint),
    #[error("`]]>` is not allowed in text")]
    CdataEndInText,
    #[error("`<` is not allowed in an attribute value")]
    LtInAttribute,
}

/// A fault at a byte offset of the slice being decoded.
pub(crate) type Fault<E = XmlFault> = (usize, E);

/// A table of the bytes a scanner must stop at: the C0 controls (all of them, or all but
/// TAB and LF), 0xEF (the lead byte of U+FFFE and U+FFFF) and `extra`. The reader's and
/// the writer's tables differ only in these choices.
pub(crate) const fn byte_table(all_controls: bool, extra: &[u8]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = all_controls || (b != 0x09 && b != 0x0A);
        b += 1;
    }
    table[0xEF] = true;
    let mut i = 0;
    while i < extra.len() {
        table[extra[i] as usize] = true;
        i += 1;
    }
    table
}

/// Bytes that need a look in character data: C0 controls (TAB and LF are fine, CR is
/// normalized), `>` (for `]]>`) and 0xEF.
static TEXT_SPECIAL: [bool; 256] = byte_table(false, b">");

/// Bytes that need a look in attribute values: all C0 controls (TAB, LF and CR become
/// spaces), `&`, `<` and 0xEF.
pub(crate) static ATTR_SPECIAL: [bool; 256] = byte_table(true, b"&<");

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// High bit set in every byte of `x` that equals the byte repeated in `pattern` (and
/// possibly in bytes after such a byte, never before: the lowest set bit is exact).
#[inline]
fn matches(x: u64, pattern: u64) -> u64 {
    let y = x ^ pattern;
    y.wrapping_sub(LO) & !y & HI
}

/// The first index in `hay` of one of `wanted`, eight bytes at a time (SWAR).
#[inline]
fn find_any<const N: usize>(hay: &[u8], wanted: [u8; N]) -> Option<usize> {
    let patterns = wanted.map(|b| LO * u64::from(b));
    let mut chunks = hay.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(bytes);
        let hits = patterns.iter().fold(0, |hits, &p| hits | matches(x, p));
        if hits != 0 {
            return Some(base + (hits.trailing_zeros() / 8) as usize);
        }
        base += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|b| wanted.contains(b))
        .map(|at| base + at)
}

/// The first `a` or `b` in `hay`.
pub(crate) fn find2(hay: &[u8], a: u8, b: u8) -> Option<usize> {
    find_any(hay, [a, b])
}

/// The first `a`, `b` or `c` in `hay`.
pub(crate) fn find3(hay: &[u8], a: u8, b: u8, c: u8) -> Option<usize> {
    find_any(hay, [a, b, c])
}

/// The index of the first byte that may need a look in character data (a C0 control, `>`
/// or 0xEF; see `TEXT_SPECIAL`), eight bytes at a time; the length if none.
fn first_text_special(bytes: &[u8]) -> usize {
    let gt = LO * u64::from(b'>');
    let ef = LO * 0xEF;
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let Ok(word) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(word);
        // Bytes below 0x20 (exact for the lowest one, as for `matches`).
        let control = x.wrapping_sub(LO * 0x20) & !x & HI;
        let hits = control | matches(x, gt) | matches(x, ef);
        if hits != 0 {
            return base + (hits.trailing_zeros() / 8) as usize;
        }
        base += 8;
    }
    let tail = chunks.remainder();
    base + tail
        .iter()
        .position(|&b| b < 0x20 || b == b'>' || b == 0xEF)
        .unwrap_or(tail.len())
}

/// Whether `c` matches the XML 1.0 `Char` production.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c as u32, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF)
}

/// XML whitespace (`S`): space, tab, CR, LF.
pub(crate) fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

pub(crate) fn is_all_space(bytes: &[u8]) -> bool {
    bytes.iter().all(|&b| is_xml_space(b))
}

/// U+FFFE or U+FFFF starting at `i` (0xEF 0xBF 0xBE/0xBF in UTF-8).
fn noncharacter_at(bytes: &[u8], i: usize) -> Option<u32> {
    match (bytes.get(i + 1), bytes.get(i + 2)) {
        (Some(0xBF), Some(0xBE)) => Some(0xFFFE),
        (Some(0xBF), Some(0xBF)) => Some(0xFFFF),
        _ => None,
    }
}

/// The fault of the forbidden character at `i`: a C0 control, or U+FFFE or U+FFFF.
fn forbidden<E: From<XmlFault>>(bytes: &[u8], i: usize) -> Fault<E> {
    let cp = match bytes[i] {
        0xEF => noncharacter_at(bytes, i).unwrap_or(0xFFFD),
        b => u32::from(b),
    };
    (i, XmlFault::ForbiddenChar(CodePoint(cp)).into())
}

/// Appends character data (text or, with `cdata`, a CDATA section) to `out`: checks each
/// character against `Char`, rejects `]]>` in text, and turns CR LF and lone CR into LF as
/// XML 1.0 §2.11 requires (a CR written as `&#13;` is a reference and is kept).
pub(crate) fn push_text<E: From<XmlFault>>(
    out: &mut String,
    raw: &str,
    cdata: bool,
) -> Result<(), Fault<E>> {
    let bytes = raw.as_bytes();
    let mut run = 0;
    let mut i = first_text_special(bytes);
    if i == bytes.len() {
        out.push_str(raw);
        return Ok(());
    }
    while i < bytes.len() {
        let b = bytes[i];
        if !TEXT_SPECIAL[b as usize] {
            i += 1;
            continue;
        }
        match b {
            b'\r' => {
                // `run..i` ends before an ASCII byte: a char boundary.
                out.push_str(&raw[run..i]);
                out.push('\n');
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                run = i;
            }
            b'>' => {
                if !cdata && i >= 2 && bytes[i - 2] == b']' && bytes[i - 1] == b']' {
                    return Err((i - 2, XmlFault::CdataEndInText.into()));
                }
                i += 1;
            }
            0xEF if noncharacter_at(bytes, i).is_none() => i += 1,
            _ => return Err(forbidden(bytes, i)),
        }
    }
    out.push_str(&raw[run..]);
    Ok(())
}

/// Checks that `raw` holds only `Char`s (comments, processing instructions, DOCTYPE).
pub(crate) fn check_chars<E: From<XmlFault>>(raw: &[u8]) -> Result<(), Fault<E>> {
    for (i, &b) in raw.iter().enumerate() {
        let control = b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r');
        if control || (b == 0xEF && noncharacter_at(raw, i).is_some()) {
            return Err(forbidden(raw, i));
        }
    }
    Ok(())
}

/// Resolves the reference `&name;` (`name` without `&` and `;`): the five predefined
/// entities and character references. Nothing else exists in TMX: there is no DTD
/// processing, so `&nbsp;` is an error, as in any non-validating parser without the DTD.
pub(crate) fn resolve_reference<E: From<XmlFault>>(name: &str) -> Result<char, E> {
    resolve(name).map_err(E::from)
}

fn resolve(name: &str) -> Result<char, XmlFault> {
    match name {
        "lt" => return Ok('<'),
        "gt" => return Ok('>'),
        "amp" => return Ok('&'),
        "apos" => return Ok('\''),
        "quot" => return Ok('"'),
        _ => {}
    }
    let Some(number) = name.strip_prefix('#') else {
        return Err(if is_name(name) {
            XmlFault::UndefinedEntity(name.to_owned())
        } else {
            XmlFault::Syntax(format!("invalid reference `&{name};`"))
        });
    };
    let invalid = || XmlFault::InvalidCharRef(name.to_owned());
    // XML allows only a lower-case `x`, and digits only (no sign, no spaces).
    let (digits, radix) = match number.strip_prefix('x') {
        Some(hex) => (hex, 16),
        None => (number, 10),
    };
    if digits.is_empty() || !digits.bytes().all(|b| (b as char).is_digit(radix)) {
        return Err(invalid());
    }
    let value = u32::from_str_radix(digits, radix).map_err(|_| invalid())?;
    // Surrogates and values above U+10FFFF are not characters at all.
    let c = char::from_u32(value).ok_or_else(invalid)?;
    if !is_xml_char(c) {
        return Err(XmlFault::ForbiddenCharRef(
            name.to_owned(),
            CodePoint(value),
        ));
    }
    Ok(c)
}

/// Decodes an attribute value as written between its quotes, appending to `out`:
/// references resolved, TAB/LF/CR (and CR LF) turned into a space (XML 1.0 §3.3.3, CDATA
/// attributes), `<` refused, characters checked. A TAB or LF written as a reference stays.
pub(crate) fn push_attr_value<E: From<XmlFault>>(
    out: &mut String,
    raw: &str,
) -> Result<(), Fault<E>> {
    let bytes = raw.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !ATTR_SPECIAL[b as usize] {
            i += 1;
            continue;
        }
        match b {
            b'\t' | b'\n' | b'\r' => {
                out.push_str(&raw[run..i]);
                out.push(' ');
                i += if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                run = i;
            }
            b'&' => {
                out.push_str(&raw[run..i]);
                let Some(len) = bytes[i + 1..].iter().position(|&c| c == b';') else {
                    return Err((
                        i,
                        XmlFault::Syntax(
                            "`&` in an attribute value starts no reference (write `&amp;`)"
                                .to_owned(),
                        )
                        .into(),
                    ));
                };
                // `&` and `;` are ASCII, so both ends are char boundaries.
                let name = &raw[i + 1..i + 1 + len];
                let c = resolve_reference(name).map_err(|kind| (i, kind))?;
                out.push(c);
                i += len + 2;
                run = i;
            }
            b'<' => return Err((i, XmlFault::LtInAttribute.into())),
            0xEF if noncharacter_at(bytes, i).is_none() => i += 1,
            _ => return Err(forbidden(bytes, i)),
        }
    }
    out.push_str(&raw[run..]);
    Ok(())
}

fn is_name_start(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

pub(crate) fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c,
            '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// ASCII bytes allowed in names: 1 = anywhere, 2 = not first.
static ASCII_NAME: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphabetic() || c == b'_' || c == b':' {
            1
        } else if c.is_ascii_digit() || c == b'-' || c == b'.' {
            2
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Whether `s` matches the XML 1.0 `Name` production.
pub(crate) fn is_name(s: &str) -> bool {
    // Nearly every name is ASCII: one table lookup per byte.
    if let Some((&first, rest)) = s.as_bytes().split_first()
        && s.is_ascii()
    {
        return ASCII_NAME[first as usize] == 1
            && rest.iter().all(|&b| ASCII_NAME[b as usize] != 0);
    }
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if is_name_start(first) => chars.all(is_name_char),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The tests read faults as `XmlFault`s (a format reads them as its own kinds).
    fn push_text(out: &mut String, raw: &str, cdata: bool) -> Result<(), Fault> {
        super::push_text(out, raw, cdata)
    }

    fn resolve_reference(name: &str) -> Result<char, XmlFault> {
        super::resolve_reference(name)
    }

    #[test]
    fn text_line_ends_are_normalized_and_controls_refused() {
        let mut out = String::new();
        push_text(&mut out, "a\r\nb\rc\td", false).unwrap();
        assert_eq!(out, "a\nb\nc\td");
        assert!(matches!(
            push_text(&mut String::new(), "ab\u{1}", false),
            Err((2, XmlFault::ForbiddenChar(CodePoint(1))))
        ));
        assert!(matches!(
            push_text(&mut String::new(), "x\u{FFFE}", false),
            Err((1, XmlFault::ForbiddenChar(CodePoint(0xFFFE))))
        ));
        assert!(matches!(
            push_text(&mut String::new(), "a]]>b", false),
            Err((1, XmlFault::CdataEndInText))
        ));
        let mut out = String::new();
        push_text(&mut out, "a]]>b", true).unwrap();
        assert_eq!(out, "a]]>b");
        let mut out = String::new();
        push_text(&mut out, "Tiếng Việt \u{EFFF} \u{1D400}", false).unwrap();
        assert_eq!(out, "Tiếng Việt \u{EFFF} \u{1D400}");
    }

    #[test]
    fn references() {
        assert_eq!(resolve_reference("amp").unwrap(), '&');
        assert_eq!(resolve_reference("#x9").unwrap(), '\t');
        assert_eq!(resolve_reference("#13").unwrap(), '\r');
        assert_eq!(resolve_reference("#x1D400").unwrap(), '\u{1D400}');
        assert!(matches!(
            resolve_reference("#x1"),
            Err(XmlFault::ForbiddenCharRef(..))
        ));
        assert!(matches!(
            resolve_reference("#0"),
            Err(XmlFault::ForbiddenCharRef(..))
        ));
        assert!(matches!(
            resolve_reference("#xD800"),
            Err(XmlFault::InvalidCharRef(_))
        ));
        assert!(matches!(
            resolve_reference("#X41"),
            Err(XmlFault::InvalidCharRef(_))
        ));
        assert!(matches!(
            resolve_reference("#x110000"),
            Err(XmlFault::InvalidCharRef(_))
        ));
        assert!(matches!(
            resolve_reference("#99999999999"),
            Err(XmlFault::InvalidCharRef(_))
        ));
        assert!(matches!(
            resolve_reference("nbsp"),
            Err(XmlFault::UndefinedEntity(_))
        ));
    }

    #[test]
    fn names() {
        assert!(is_name("xml:lang"));
        assert!(is_name("ex:custom-attr"));
        assert!(is_name("Tiếng"));
        assert!(!is_name(""));
        assert!(!is_name("-a"));
        assert!(!is_name("a b"));
        assert!(!is_name("a\0"));
    }

    #[test]
    fn finds_the_first_match_after_a_borrow() {
        // 0x3C 0x3D: a false positive can only follow a true match.
        assert_eq!(find2(b"xx<=yyyy", b'<', b'<'), Some(2));
        assert_eq!(find2(b"abcdefg\x01=", b'=', b'='), Some(8));
        for len in 0..40 {
            let mut hay = vec![0x01u8; len];
            assert_eq!(find2(&hay, 0, 0), None);
            if len > 0 {
                hay[len - 1] = 0;
                assert_eq!(find2(&hay, 0, 0), Some(len - 1));
            }
        }
    }

    #[test]
    fn finds_across_chunks() {
        let mut hay = vec![b'a'; 40];
        assert_eq!(find2(&hay, b'<', b'&'), None);
        hay[17] = b'&';
        hay[30] = b'<';
        assert_eq!(find2(&hay, b'<', b'&'), Some(17));
        assert_eq!(find3(&hay[18..], b'>', b'<', b'x'), Some(12));
        assert_eq!(find3(b"ab>", b'>', b'"', b'\''), Some(2));
        assert_eq!(find2(b"", b'<', b'&'), None);
    }

    #[test]
    fn text_specials_are_found_in_every_lane() {
        for len in 0..24 {
            for at in 0..len {
                for special in [b'\x01', b'>', 0xEF, b'\t'] {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = special;
                    assert_eq!(first_text_special(&bytes), at);
                }
            }
            assert_eq!(first_text_special(&vec![b'a'; len]), len);
        }
    }
}
