//! The attribute and tag parsing of the TMX reader, over the XML rules of [`crate::xml`]:
//! attributes are kept in order as written ([`Attr`]), under the reader's limits.

use super::error::ErrorKind;
use super::model::Attr;
use crate::xml::{ATTR_SPECIAL, is_name, is_xml_space, push_attr_value};

/// A fault at a byte offset of the slice being parsed.
type Fault = crate::xml::Fault<ErrorKind>;

/// Limits that apply while parsing attributes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AttrLimits {
    pub max_attrs: usize,
    pub max_attr_len: usize,
}

/// Parses the attributes of a start tag. `content` is the tag without `<` and `>` (and
/// without the `/` of an empty-element tag); the attributes start after `name_len` bytes.
/// Faults carry offsets into `content`.
pub(crate) fn parse_attrs(
    content: &str,
    name_len: usize,
    limits: AttrLimits,
) -> Result<Vec<Attr>, Fault> {
    let mut attrs = Vec::new();
    parse_attrs_into(&mut attrs, content, name_len, limits)?;
    Ok(attrs)
}

/// [`parse_attrs`] into `attrs` (cleared first), so a reader can reuse one vector and
/// copy the result into one of exactly the right size.
pub(crate) fn parse_attrs_into(
    attrs: &mut Vec<Attr>,
    content: &str,
    name_len: usize,
    limits: AttrLimits,
) -> Result<(), Fault> {
    attrs_until(attrs, content, name_len, false, limits).map(|_| ())
}

/// Parses a whole tag from just after its `<`, up to and including its `>`, as quick-xml
/// delimits tags: the name's length, the tag's length after `<`, and whether it ends with
/// `/>`. `None` for anything unusual (the caller leaves it to quick-xml).
pub(crate) fn parse_tag(
    attrs: &mut Vec<Attr>,
    text: &str,
    limits: AttrLimits,
) -> Option<(usize, usize, bool)> {
    let bytes = text.as_bytes();
    let name_len = bytes
        .iter()
        .position(|&b| is_xml_space(b) || b == b'>' || b == b'/')?;
    let (end, empty) = attrs_until(attrs, text, name_len, true, limits).ok()?;
    Some((name_len, end, empty))
}

/// The attribute loop of [`parse_attrs_into`] and [`parse_tag`]: `at_gt` stops at `>` or
/// `/>` where an attribute could start (and returns the index after it and whether it was
/// `/>`); otherwise the content ends the tag.
fn attrs_until(
    attrs: &mut Vec<Attr>,
    content: &str,
    name_len: usize,
    at_gt: bool,
    limits: AttrLimits,
) -> Result<(usize, bool), Fault> {
    attrs.clear();
    let bytes = content.as_bytes();
    let mut i = name_len;
    loop {
        let space_start = i;
        while i < bytes.len() && is_xml_space(bytes[i]) {
            i += 1;
        }
        if i >= bytes.len() {
            if at_gt {
                return Err((
                    i,
                    ErrorKind::AttributeSyntax("the tag is not closed".into()),
                ));
            }
            return Ok((i, false));
        }
        if at_gt {
            match (bytes[i], bytes.get(i + 1)) {
                (b'>', _) => return Ok((i + 1, false)),
                (b'/', Some(b'>')) => return Ok((i + 2, true)),
                _ => {}
            }
        }
        if i == space_start {
            return Err((
                i,
                ErrorKind::AttributeSyntax("attributes must be separated by whitespace".into()),
            ));
        }
        let name_start = i;
        while i < bytes.len() && !is_xml_space(bytes[i]) && bytes[i] != b'=' && bytes[i] != b'>' {
            i += 1;
        }
        // The name ends before an ASCII byte (or at the end): char boundaries.
        let name = &content[name_start..i];
        if !is_name(name) {
            return Err((name_start, ErrorKind::InvalidName(name.to_owned())));
        }
        while i < bytes.len() && is_xml_space(bytes[i]) {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            return Err((
                i,
                ErrorKind::AttributeSyntax(format!("attribute `{name}` has no `=` and value")),
            ));
        }
        i += 1;
        while i < bytes.len() && is_xml_space(bytes[i]) {
            i += 1;
        }
        let quote = match bytes.get(i) {
            Some(&q @ (b'"' | b'\'')) => q,
            _ => {
                return Err((
                    i,
                    ErrorKind::AttributeSyntax(format!("the value of `{name}` is not quoted")),
                ));
            }
        };
        let value_start = i + 1;
        // One pass finds the closing quote and whether the value needs decoding.
        let mut special = false;
        let mut len = None;
        for (at, &b) in bytes[value_start..].iter().enumerate() {
            if b == quote {
                len = Some(at);
                break;
            }
            special |= ATTR_SPECIAL[b as usize];
        }
        let Some(len) = len else {
            return Err((
                i,
                ErrorKind::AttributeSyntax(format!("the value of `{name}` is not closed")),
            ));
        };
        if len > limits.max_attr_len {
            return Err((
                value_start,
                ErrorKind::Limit {
                    limit: "max_attr_len",
                    max: limits.max_attr_len as u64,
                    what: "attribute value too long",
                },
            ));
        }
        if attrs.iter().any(|attr| attr.name == name) {
            return Err((name_start, ErrorKind::DuplicateAttribute(name.to_owned())));
        }
        if attrs.len() >= limits.max_attrs {
            return Err((
                name_start,
                ErrorKind::Limit {
                    limit: "max_attrs",
                    max: limits.max_attrs as u64,
                    what: "too many attributes on one element",
                },
            ));
        }
        // Quotes are ASCII: char boundaries.
        let raw = &content[value_start..value_start + len];
        let value = if special {
            let mut value = String::with_capacity(len);
            push_attr_value(&mut value, raw).map_err(|(at, kind)| (value_start + at, kind))?;
            value
        } else {
            raw.to_owned()
        };
        attrs.push(Attr {
            name: name.to_owned(),
            value,
        });
        i = value_start + len + 1;
    }
}

/// The length of the element name at the start of a tag's content.
pub(crate) fn name_len(content: &[u8]) -> usize {
    content
        .iter()
        .position(|&b| is_xml_space(b))
        .unwrap_or(content.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: AttrLimits = AttrLimits {
        max_attrs: 8,
        max_attr_len: 64,
    };

    #[test]
    fn attributes() {
        let attrs = parse_attrs("tu a='1' b = \"x&#10;y\tz\" xml:lang=\"vi\"", 2, LIMITS).unwrap();
        assert_eq!(
            attrs,
            vec![
                Attr::new("a", "1"),
                Attr::new("b", "x\ny z"),
                Attr::new("xml:lang", "vi")
            ]
        );
        assert!(matches!(
            parse_attrs("tu a='1' a='2'", 2, LIMITS),
            Err((9, ErrorKind::DuplicateAttribute(_)))
        ));
        assert!(matches!(
            parse_attrs("tu a='1'b='2'", 2, LIMITS),
            Err((8, ErrorKind::AttributeSyntax(_)))
        ));
        assert!(matches!(
            parse_attrs("tu a=1", 2, LIMITS),
            Err((5, ErrorKind::AttributeSyntax(_)))
        ));
        assert!(matches!(
            parse_attrs("tu a='x<y'", 2, LIMITS),
            Err((7, ErrorKind::LtInAttribute))
        ));
        assert!(matches!(
            parse_attrs("tu a='x & y'", 2, LIMITS),
            Err((8, ErrorKind::Syntax(_)))
        ));
        assert!(matches!(
            parse_attrs("tu 1a='x'", 2, LIMITS),
            Err((3, ErrorKind::InvalidName(_)))
        ));
    }
}

#[cfg(test)]
mod tag_tests {
    use super::*;

    const LIMITS: AttrLimits = AttrLimits {
        max_attrs: 8,
        max_attr_len: 64,
    };

    #[test]
    fn whole_tags() {
        let mut attrs = Vec::new();
        assert_eq!(
            parse_tag(&mut attrs, "tu>rest", LIMITS),
            Some((2, 3, false))
        );
        assert_eq!(
            parse_tag(&mut attrs, "ph x=\"1\"/>x", LIMITS),
            Some((2, 10, true))
        );
        assert_eq!(attrs, vec![Attr::new("x", "1")]);
        assert_eq!(
            parse_tag(&mut attrs, "a b='>' >", LIMITS),
            Some((1, 9, false))
        );
        assert_eq!(parse_tag(&mut attrs, "a/b>", LIMITS), None);
        assert_eq!(parse_tag(&mut attrs, "a b=\"1\" / >", LIMITS), None);
        assert_eq!(parse_tag(&mut attrs, "a b=\"1\"", LIMITS), None);
        assert_eq!(parse_tag(&mut attrs, "a b=\"1\"c=\"2\">", LIMITS), None);
    }
}
