//! Inline-Markdown text made safe to stand as one paragraph, and shortened for display.

/// The lines of an inline-Markdown text ready to stand on their own as one paragraph:
/// CR dropped, container markup of continuation lines (indentation, up to `quote_depth`
/// `>` markers) removed, and anything at a line start that Markdown would read as the
/// start of another block escaped ([`neutralize`]).
pub(crate) fn markdown_lines(text: &str, quote_depth: usize) -> Vec<String> {
    text.split('\n')
        .enumerate()
        .map(|(i, line)| {
            let mut line = line.strip_suffix('\r').unwrap_or(line).trim_start();
            if i > 0 {
                for _ in 0..quote_depth {
                    match line.strip_prefix('>') {
                        Some(rest) => line = rest.trim_start(),
                        None => break,
                    }
                }
            }
            neutralize(line)
        })
        .collect()
}

/// Escapes what would make `line` (white space at the start already removed) start a
/// block other than a paragraph: an ATX heading, a quote, a list item, a thematic break,
/// a setext underline, a code fence, an HTML block, a link reference definition. The
/// escapes are backslashes before ASCII punctuation, so the text reads the same.
pub(crate) fn neutralize(line: &str) -> String {
    let bytes = line.as_bytes();
    let Some(&first) = bytes.first() else {
        return String::new();
    };
    let escape_at = |at: usize| {
        let mut out = String::with_capacity(line.len() + 1);
        out.push_str(&line[..at]);
        out.push('\\');
        out.push_str(&line[at..]);
        out
    };
    let blank_after = |at: usize| bytes.get(at).is_none_or(|b| *b == b' ' || *b == b'\t');
    match first {
        b'#' => {
            let hashes = bytes.iter().take_while(|b| **b == b'#').count();
            if hashes <= 6 && blank_after(hashes) {
                return escape_at(0);
            }
        }
        b'>' => return escape_at(0),
        b'-' | b'+' | b'*' | b'_' | b'=' => {
            let only_marks = bytes
                .iter()
                .all(|b| *b == first || *b == b' ' || *b == b'\t');
            if only_marks || (first != b'_' && first != b'=' && blank_after(1)) {
                return escape_at(0);
            }
        }
        b'`' | b'~' if line.starts_with("```") || line.starts_with("~~~") => return escape_at(0),
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits <= 9
                && matches!(bytes.get(digits), Some(b'.' | b')'))
                && blank_after(digits + 1)
            {
                return escape_at(digits);
            }
        }
        b'<' => {
            // An autolink (`<https://...>`, `<a@b.vn>`) stays; anything tag-like is escaped.
            let token: &str = line[1..]
                .split(|c: char| c.is_whitespace() || c == '>')
                .next()
                .unwrap_or("");
            let tag_like = bytes
                .get(1)
                .is_some_and(|b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'));
            if tag_like && !token.contains([':', '@']) {
                return escape_at(0);
            }
        }
        b'[' => {
            // `[label]: destination`
            let mut escaped = false;
            for (i, b) in bytes.iter().enumerate().skip(1) {
                match b {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b']' => {
                        if bytes.get(i + 1) == Some(&b':') {
                            return escape_at(0);
                        }
                        break;
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    line.to_owned()
}

/// `text` with white space collapsed, cut to about `max` characters with `…`.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let mut out = String::with_capacity(text.len().min(max * 4));
    for (count, word) in text.split_whitespace().enumerate() {
        if count > 0 {
            out.push(' ');
        }
        out.push_str(word);
        if out.chars().count() > max {
            break;
        }
    }
    if out.chars().count() > max {
        let cut: String = out.chars().take(max.saturating_sub(1)).collect();
        return format!("{}…", cut.trim_end());
    }
    out
}
