//! Inline Markdown markup: reading it out of a unit (so that the other checks read text,
//! not syntax) and the `tag` check.
//!
//! What is read, in this order:
//!
//! 1. Code spans (`` `code` ``, any run of backticks closed by a run of the same length):
//!    their content is compared exactly and hidden from the other checks.
//! 2. Links and images (`[text](target "title")`, `![alt](src)`): the target is compared
//!    (case-insensitive scheme and host, trailing `/` ignored); the brackets and target
//!    are hidden, the link text stays.
//! 3. Inline HTML tags (`<b>`, `</b>`, `<br/>`, `<a href="…">`): compared by name (and
//!    `href` / `src`). An opening tag without attributes counts only when it is void or
//!    closed later in the text: `<options>` in a usage line is a placeholder, read as text.
//! 4. URLs and e-mail addresses in the text (for the `url` check), hidden from the
//!    number and name checks.
//! 5. Emphasis delimiters: runs of `*` or `_` (and `~~`) that open or close emphasis by
//!    the CommonMark flanking rule (not between two spaces; `_` not inside a word), counted
//!    per marker, `_` counted as `*` (they render the same).
//!
//! A backslash-escaped character is text, and so is a GNU quote (`` `u' ``). A code span
//! that the other side writes as quoted text (`'%(name)s'` = `` `%(name)s` ``) is the same
//! text in another quoting style. Reference links (`[text][id]`) and autolinks in
//! angle brackets are read as text (an autolink's address as a URL).

use std::collections::HashMap;
use std::ops::Range;

use super::urls::url_key;
use super::{Side, Sink};
use crate::drift::report::{Explanation, Kind};
use crate::text::anchors::{UrlReading, read_urls};

/// The markup of one unit.
#[derive(Debug, Clone, Default)]
pub(super) struct Markup {
    /// Link and image targets as written.
    pub links: Vec<String>,
    /// Code span contents.
    pub code: Vec<String>,
    /// Byte ranges of the code spans, backticks included.
    pub code_spans: Vec<Range<usize>>,
    /// Emphasis delimiter runs (`**`, `*`, `~~`), `_` written as `*`.
    pub emphasis: Vec<String>,
    /// Inline HTML tags as written.
    pub html: Vec<String>,
    /// URLs and e-mail addresses outside markup.
    pub urls: Vec<UrlReading>,
    /// The text with all of the above replaced by spaces, byte for byte.
    pub clean: String,
    /// Characters of syntax (not of text) removed: delimiters, link targets, tags. Code
    /// span contents, link texts, URLs count as text.
    pub syntax_chars: usize,
}

/// Reads the markup of `text`.
pub(super) fn scan(text: &str) -> Markup {
    let bytes = text.as_bytes();
    let mut clean = bytes.to_vec();
    let mut m = Markup::default();
    let chars = |r: Range<usize>| text[r].chars().count();

    // Code spans, links, HTML tags.
    let mut open_brackets: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => i += 2,
            b'`' => {
                let n = run_length(bytes, i, b'`');
                match closing_backticks(bytes, i + n, n) {
                    // GNU quotes (`` `u' ``, `` `--help' ``): an opening quote, not code.
                    Some(close) if n == 1 && gnu_quoted(&text[i + 1..close]) => i += 1,
                    Some(close) => {
                        let content = &text[i + n..close];
                        let content =
                            match content.strip_prefix(' ').and_then(|c| c.strip_suffix(' ')) {
                                Some(inner) if !inner.trim().is_empty() => inner,
                                _ => content,
                            };
                        m.code.push(content.to_string());
                        m.code_spans.push(i..close + n);
                        clean[i..close + n].fill(b' ');
                        m.syntax_chars += 2 * n;
                        i = close + n;
                    }
                    None => i += n,
                }
            }
            b'[' => {
                open_brackets.push(i);
                i += 1;
            }
            b']' => {
                let open = open_brackets.pop();
                let close = (bytes.get(i + 1) == Some(&b'('))
                    .then(|| closing_paren(bytes, i + 1))
                    .flatten();
                match (open, close) {
                    (Some(open), Some(close)) => {
                        let inner = text[i + 2..close].trim();
                        // A destination in angle brackets may hold spaces (CommonMark).
                        let target = match inner.strip_prefix('<') {
                            Some(bracketed) => bracketed.split('>').next().unwrap_or(""),
                            None => inner
                                .split_whitespace()
                                .next()
                                .unwrap_or("")
                                .trim_end_matches('>'),
                        };
                        m.links.push(target.to_string());
                        let start = if open > 0 && bytes[open - 1] == b'!' {
                            open - 1
                        } else {
                            open
                        };
                        m.syntax_chars += chars(start..open + 1) + chars(i..close + 1);
                        clean[start..open + 1].fill(b' ');
                        clean[i..close + 1].fill(b' ');
                        i = close + 1;
                    }
                    _ => i += 1,
                }
            }
            b'<' => match html_tag(bytes, i).filter(|&end| is_html(text, i, end)) {
                Some(end) => {
                    m.html.push(text[i..end].to_string());
                    m.syntax_chars += chars(i..end);
                    clean[i..end].fill(b' ');
                    i = end;
                }
                None => i += 1,
            },
            _ => i += 1,
        }
    }

    // URLs and e-mail addresses, without emphasis wrapped around them.
    let maybe_address = text.contains("://")
        || text.contains('@')
        || bytes.windows(4).any(|w| w.eq_ignore_ascii_case(b"www."));
    let mut urls = if maybe_address {
        read_urls(&String::from_utf8(clean.clone()).unwrap_or_default()).0
    } else {
        Vec::new()
    };
    for u in &mut urls {
        let inner = u.raw.trim_matches(['*', '_', '~']);
        if inner.len() != u.raw.len() {
            let lead = u.raw.len() - u.raw.trim_start_matches(['*', '_', '~']).len();
            u.span = u.span.start + lead..u.span.start + lead + inner.len();
            u.raw = inner.to_string();
        }
        clean[u.span.clone()].fill(b' ');
    }
    m.urls = urls;

    // Emphasis delimiters.
    let mut i = 0;
    while i < clean.len() {
        let c = clean[i];
        if !matches!(c, b'*' | b'_' | b'~') || (i > 0 && bytes[i - 1] == b'\\') {
            i += 1;
            continue;
        }
        let n = run_length(&clean, i, c);
        // Flanking is judged on the text as written: a delimiter right after a link is
        // next to its `)`, not to the blank the link became.
        let before = char_before(bytes, i);
        let after = char_after(bytes, i + n);
        let left = after.is_some_and(|c| !c.is_whitespace());
        let right = before.is_some_and(|c| !c.is_whitespace());
        let intraword =
            before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric);
        let delimiter = (left || right)
            && match c {
                b'_' => !intraword,
                b'~' => n == 2,
                _ => true,
            };
        if delimiter {
            let marker = if c == b'~' { '~' } else { '*' };
            m.emphasis.push(std::iter::repeat_n(marker, n).collect());
            m.syntax_chars += n;
            clean[i..i + n].fill(b' ');
        }
        i += n;
    }
    // Only whole characters were blanked, so this cannot fail.
    m.clean = String::from_utf8(clean).unwrap_or_else(|_| " ".repeat(text.len()));
    m
}

fn run_length(bytes: &[u8], at: usize, c: u8) -> usize {
    bytes[at..].iter().take_while(|&&b| b == c).count()
}

/// The start of the next run of exactly `n` backticks at or after `from`.
fn closing_backticks(bytes: &[u8], from: usize, n: usize) -> Option<usize> {
    let mut i = from;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let run = run_length(bytes, i, b'`');
            if run == n {
                return Some(i);
            }
            i += run;
        } else {
            i += 1;
        }
    }
    None
}

/// The `)` closing the `(` at `open`, with nested parentheses balanced and none across a
/// line break.
fn closing_paren(bytes: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            b'\n' => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether the text of a would-be code span opens with a GNU quote (`` `u'; use ``): an
/// apostrophe in it closes a quotation, followed by neither a letter nor the span's end.
fn gnu_quoted(content: &str) -> bool {
    let b = content.as_bytes();
    (0..b.len()).any(|k| b[k] == b'\'' && b.get(k + 1).is_some_and(|c| !c.is_ascii_alphanumeric()))
}

/// Elements that never close.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Whether the tag at `start..end` is HTML rather than a placeholder in angle brackets
/// (`<options>`, `<object>` in a usage line): a closing tag, a void or self-closing one,
/// one with attributes, or an opening tag whose closing tag follows in the text.
fn is_html(text: &str, start: usize, end: usize) -> bool {
    let tag = &text[start..end];
    let inner = tag.trim_start_matches('<').trim_end_matches('>');
    if inner.starts_with('/') || inner.ends_with('/') || inner.contains(char::is_whitespace) {
        return true;
    }
    let name = inner.to_ascii_lowercase();
    VOID_ELEMENTS.contains(&name.as_str())
        || text[end..]
            .to_ascii_lowercase()
            .contains(&format!("</{name}>"))
}

/// The end of an HTML tag starting at `at` (`<name …>`, `</name>`, `<name/>`).
fn html_tag(bytes: &[u8], at: usize) -> Option<usize> {
    let mut i = at + 1;
    if bytes.get(i) == Some(&b'/') {
        i += 1;
    }
    if !bytes.get(i)?.is_ascii_alphabetic() {
        return None;
    }
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-')
    {
        i += 1;
    }
    match *bytes.get(i)? {
        b'>' => Some(i + 1),
        b'/' if bytes.get(i + 1) == Some(&b'>') => Some(i + 2),
        b' ' | b'\t' => {
            let mut quote = None;
            while i < bytes.len() {
                match (bytes[i], quote) {
                    (b'"' | b'\'', None) => quote = Some(bytes[i]),
                    (q, Some(open)) if q == open => quote = None,
                    (b'>', None) => return Some(i + 1),
                    (b'<' | b'\n', None) => return None,
                    _ => {}
                }
                i += 1;
            }
            None
        }
        _ => None,
    }
}

fn char_before(bytes: &[u8], at: usize) -> Option<char> {
    let head = std::str::from_utf8(&bytes[..at]).ok()?;
    head.chars().next_back()
}

fn char_after(bytes: &[u8], at: usize) -> Option<char> {
    let tail = std::str::from_utf8(bytes.get(at..)?).ok()?;
    tail.chars().next()
}

/// The comparison key of an HTML tag: its name in lower case (`/b` for a closing tag),
/// plus its `href` or `src` value if any.
fn html_key(tag: &str) -> String {
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let name_end = inner
        .find(|c: char| c.is_whitespace())
        .unwrap_or(inner.len());
    let mut key = inner[..name_end].to_ascii_lowercase();
    let lower = inner.to_ascii_lowercase();
    for attr in ["href=", "src="] {
        if let Some(at) = lower.find(attr) {
            let value = inner[at + attr.len()..]
                .trim_start_matches(['"', '\''])
                .split(['"', '\'', ' ', '>'])
                .next()
                .unwrap_or("");
            key.push(' ');
            key.push_str(&url_key(value));
        }
    }
    key
}

/// Items of one side not matched by an item of the other (multisets by key), in order,
/// each item once.
pub(super) fn unmatched<'a>(
    ours: &'a [String],
    theirs: &[String],
    key: impl Fn(&str) -> String,
) -> Vec<&'a str> {
    let mut available: HashMap<String, usize> = HashMap::new();
    for t in theirs {
        *available.entry(key(t)).or_default() += 1;
    }
    let mut out: Vec<&str> = Vec::new();
    for o in ours {
        match available.get_mut(&key(o)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => {
                if !out.contains(&o.as_str()) {
                    out.push(o);
                }
            }
        }
    }
    out
}

/// The `tag` check: link targets, code spans, emphasis and HTML tags must be the same on
/// both sides.
pub(super) fn check<'a>(en: &'a Side, vi: &'a Side, sink: &mut Sink) {
    let (e, v) = (&en.markup, &vi.markup);

    let missing = unmatched(&e.links, &v.links, url_key);
    let extra = unmatched(&v.links, &e.links, url_key);
    if let ([m], [x]) = (&missing[..], &extra[..]) {
        sink.push(
            Kind::Tag,
            Explanation::new("check-tag-link-differs")
                .arg("en", *m)
                .arg("vi", *x),
        );
    } else {
        for m in missing {
            sink.push(
                Kind::Tag,
                Explanation::new("check-tag-link-missing").arg("target", m),
            );
        }
        for x in extra {
            sink.push(
                Kind::Tag,
                Explanation::new("check-tag-link-extra").arg("target", x),
            );
        }
    }

    let same = |s: &str| s.to_string();
    let quoted_in = |side: &Side, code: &str| {
        [('\'', '\''), ('"', '"'), ('“', '”'), ('‘', '’')]
            .iter()
            .any(|(o, c)| side.clean().contains(&format!("{o}{code}{c}")))
    };
    for m in unmatched(&e.code, &v.code, same) {
        if quoted_in(vi, m) {
            continue;
        }
        sink.push(
            Kind::Tag,
            Explanation::new("check-tag-code-missing").arg("code", m),
        );
    }
    for x in unmatched(&v.code, &e.code, same) {
        if quoted_in(en, x) {
            continue;
        }
        sink.push(
            Kind::Tag,
            Explanation::new("check-tag-code-extra").arg("code", x),
        );
    }

    let mut markers: Vec<&String> = e.emphasis.iter().chain(&v.emphasis).collect();
    markers.sort();
    markers.dedup();
    for marker in markers {
        let count = |list: &[String]| list.iter().filter(|m| *m == marker).count();
        let (ce, cv) = (count(&e.emphasis), count(&v.emphasis));
        if ce != cv {
            sink.push(
                Kind::Tag,
                Explanation::new("check-tag-emphasis")
                    .arg("markup", marker.as_str())
                    .arg("en", ce.to_string())
                    .arg("vi", cv.to_string()),
            );
        }
    }

    // A lost `<em>…</em>` is one finding: a closing tag goes with its opening one.
    let pairs_off = |list: Vec<&'a str>| -> Vec<&'a str> {
        let opened: Vec<String> = list.iter().map(|t| html_key(t)).collect();
        list.into_iter()
            .filter(|t| {
                let key = html_key(t);
                !key.strip_prefix('/')
                    .is_some_and(|name| opened.iter().any(|o| o.split(' ').next() == Some(name)))
            })
            .collect()
    };
    for m in pairs_off(unmatched(&e.html, &v.html, html_key)) {
        sink.push(
            Kind::Tag,
            Explanation::new("check-tag-html-missing").arg("tag", m),
        );
    }
    for x in pairs_off(unmatched(&v.html, &e.html, html_key)) {
        sink.push(
            Kind::Tag,
            Explanation::new("check-tag-html-extra").arg("tag", x),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_markup_and_hides_it() {
        let text = "See **[the report](https://Mic.gov.vn/a_b/)** and `x = 1` or <b>this</b> at https://x.vn/_y.";
        let m = scan(text);
        assert_eq!(m.links, ["https://Mic.gov.vn/a_b/"]);
        assert_eq!(m.code, ["x = 1"]);
        assert_eq!(m.emphasis, ["**", "**"]);
        assert_eq!(m.html, ["<b>", "</b>"]);
        assert_eq!(m.urls.len(), 1);
        assert_eq!(m.urls[0].raw, "https://x.vn/_y");
        assert_eq!(m.clean.len(), text.len());
        for gone in ["**", "](", "`", "<b>", "https", "x = 1"] {
            assert!(!m.clean.contains(gone), "{gone} in {:?}", m.clean);
        }
        assert!(m.clean.contains("the report") && m.clean.contains("this"));
    }

    #[test]
    fn plain_text_has_no_markup() {
        for text in [
            "Ông Hùng nói: \"1.234,5 tỷ đồng\" (năm 2023) - 5 * 3 = 15, snake_case, a_b.",
            "Tỷ lệ 3 < 5 và 7 > 2; [ghi chú] ~ khoảng.",
        ] {
            let m = scan(text);
            assert!(
                m.links.is_empty()
                    && m.code.is_empty()
                    && m.emphasis.is_empty()
                    && m.html.is_empty(),
                "{m:?}"
            );
            assert_eq!(m.clean, text);
        }
    }

    #[test]
    fn emphasis_around_urls_and_escapes() {
        let m = scan("**https://x.vn/a** and \\*not\\* and _it_ and ~~gone~~");
        assert_eq!(m.urls[0].raw, "https://x.vn/a");
        assert_eq!(m.emphasis, ["**", "**", "*", "*", "~~", "~~"]);
        let m = scan("`` a ` b `` and ![logo](/img/logo.png \"Logo\")");
        assert_eq!(m.code, ["a ` b"]);
        assert_eq!(m.links, ["/img/logo.png"]);
    }

    /// The scanner reads markup as written on both sides, so that an unclosed `**` in a
    /// translation still counts; on well-formed Markdown it reads the links, code spans
    /// and emphasis the article's inline reader reads.
    #[test]
    fn well_formed_markup_reads_as_the_article_reader_reads_it() {
        use crate::document::inline::InlineMarkdown;
        use crate::document::{Document, ReadOptions};
        use pulldown_cmark::{Event, Tag};
        let doc = Document::from_bytes(
            std::path::Path::new("a.md"),
            b"Text.\n",
            ReadOptions::default(),
        )
        .expect("reads");
        let reader = InlineMarkdown::new(&doc);
        for text in [
            "See **[the report](https://Mic.gov.vn/a_b/)** and `x = 1` or <b>this</b>.",
            "`` a ` b `` and ![logo](/img/logo.png \"Logo\") and _it_ and ~~gone~~",
            "[a (b)](https://x.vn/a_(b)) and ` x ` in snake_case, 5 * 3 = 15.",
            "Run `rm *.tmp` now, *then* **[go](<https://x.vn/a b>)**.",
        ] {
            let m = scan(text);
            let (mut links, mut code, mut emphasis) = (Vec::new(), Vec::new(), Vec::new());
            for event in reader.events(text) {
                match event {
                    Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                        links.push(dest_url.to_string());
                    }
                    Event::Code(content) => code.push(content.to_string()),
                    Event::Start(Tag::Emphasis) => emphasis.extend(["*", "*"]),
                    Event::Start(Tag::Strong) => emphasis.extend(["**", "**"]),
                    Event::Start(Tag::Strikethrough) => emphasis.extend(["~~", "~~"]),
                    _ => {}
                }
            }
            let mut scanned = m.emphasis.clone();
            scanned.sort();
            emphasis.sort();
            assert_eq!(m.links, links, "{text}");
            assert_eq!(m.code, code, "{text}");
            assert_eq!(scanned, emphasis, "{text}");
        }
    }

    #[test]
    fn html_keys() {
        assert_eq!(html_key("<B>"), "b");
        assert_eq!(html_key("</b>"), "/b");
        assert_eq!(html_key("<br/>"), "br");
        assert_eq!(
            html_key("<a href=\"https://X.vn/\" title=\"t\">"),
            "a https://x.vn"
        );
    }
}
