//! The fast path for a plain `<tu>` in `<body>`: a small tokenizer over the parser's
//! window, with the same decoding, checks and TU building as the quick-xml path; on
//! anything unusual it gives up and quick-xml reads the TU from its start.

use std::io::Read;

use super::events::Name;
use super::{Ev, Fatal, TmxReader, TuRecord};
use crate::tmx::xml::{AttrLimits, parse_tag};
use crate::xml::{find2, find3, is_name, is_xml_space, resolve_reference};

/// A token of the fast path, by length in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// The window ends inside the token: read more.
    Need,
    /// Something the fast path leaves to quick-xml.
    Bail,
    /// Text up to `<` or `&`.
    Text(usize),
    /// `&...;`.
    Ref(usize),
    /// `<` starting a start or empty-element tag: its end is found by parsing it.
    Tag,
    /// `</name>`.
    End(usize),
}

impl Token {
    pub(super) fn len(self) -> usize {
        match self {
            Token::Need | Token::Bail => 0,
            Token::Tag => 1,
            Token::Text(len) | Token::Ref(len) | Token::End(len) => len,
        }
    }
}

/// The length of the `<tu>` element at the start of `window` up to the end of the first
/// `</tu>` (`</tu` and optional whitespace before `>`), if the window holds it.
fn tu_end(window: &[u8]) -> Option<usize> {
    let mut at = 0;
    loop {
        let lt = at + find2(window.get(at..)?, b'<', b'<')?;
        let rest = window.get(lt..)?;
        if rest.len() < 5 {
            return None;
        }
        if rest.starts_with(b"</tu") {
            let space = rest[4..].iter().take_while(|&&b| is_xml_space(b)).count();
            match rest.get(4 + space) {
                Some(b'>') => return Some(lt + 4 + space + 1),
                None => return None,
                Some(_) => {}
            }
        }
        at = lt + 1;
    }
}

/// The next token at the start of `window`, for the fast path.
fn scan_token(window: &[u8]) -> Token {
    let Some(&first) = window.first() else {
        return Token::Need;
    };
    match first {
        b'<' => match window.get(1) {
            None => Token::Need,
            Some(b'!' | b'?') => Token::Bail,
            // No quotes in a well-formed end tag: with one, quick-xml decides.
            Some(b'/') => match find3(&window[2..], b'>', b'"', b'\'') {
                None => Token::Need,
                Some(at) if window[2 + at] == b'>' => Token::End(at + 3),
                Some(_) => Token::Bail,
            },
            Some(_) => Token::Tag,
        },
        b'&' => match find3(&window[1..], b';', b'<', b'&') {
            None => Token::Need,
            Some(at) if window[1 + at] == b';' => Token::Ref(at + 2),
            Some(_) => Token::Bail,
        },
        // Text may go on past the window.
        _ => find2(window, b'<', b'&').map_or(Token::Need, Token::Text),
    }
}

impl<R: Read> TmxReader<R> {
    /// [`TmxReader::step`] for the fast path: the next token at `cursor` of the TU text,
    /// decoded exactly as the quick-xml path decodes its events.
    pub(super) fn fast_step(&mut self, buf: &mut Vec<u8>, cursor: u64) -> Result<Ev, Fatal> {
        let text = std::mem::take(&mut self.fast_text);
        let result = self.fast_token(&text, buf, cursor);
        self.fast_text = text;
        result
    }

    fn fast_token(&mut self, text: &str, buf: &mut Vec<u8>, cursor: u64) -> Result<Ev, Fatal> {
        buf.clear();
        self.cur.start = cursor;
        let at = usize::try_from(cursor.saturating_sub(self.fast_base)).unwrap_or(usize::MAX);
        let rest = text.get(at..).unwrap_or("");
        let token = scan_token(rest.as_bytes());
        // Tokens end before or at an ASCII delimiter: `get` only fails on a bug, and then
        // the quick-xml path reads the TU.
        let Some(raw) = rest.get(..token.len()).filter(|raw| !raw.is_empty()) else {
            return Err(self.bail());
        };
        self.fast = Some(cursor + raw.len() as u64);
        match token {
            // The whole TU is in `text`: a token running past it is one to leave alone.
            Token::Need | Token::Bail => Err(self.bail()),
            Token::Text(_) => {
                // Whitespace-only text is read from `buf` where it is content.
                buf.extend_from_slice(raw.as_bytes());
                self.text(raw, cursor, false, 0)
            }
            Token::Ref(len) => {
                let c = raw
                    .get(1..len - 1)
                    .and_then(|name| resolve_reference::<crate::tmx::ErrorKind>(name).ok());
                let Some(c) = c else {
                    return Err(self.bail());
                };
                self.scratch.clear();
                self.scratch.push(c);
                Ok(Ev::Text { space: false })
            }
            Token::Tag => {
                let limits = AttrLimits {
                    max_attrs: self.limits.max_attrs,
                    max_attr_len: self.limits.max_attr_len,
                };
                let after = rest.get(1..).unwrap_or("");
                let mut attrs = std::mem::take(&mut self.attr_scratch);
                let parsed = parse_tag(&mut attrs, after, limits);
                let mut exact = Vec::with_capacity(attrs.len());
                exact.append(&mut attrs);
                self.attr_scratch = attrs;
                let Some((name_len, len, empty)) = parsed else {
                    return Err(self.bail());
                };
                let name_text = after.get(..name_len).unwrap_or("");
                let name = Name::from_bytes(name_text.as_bytes());
                if name == Name::Other {
                    if !is_name(name_text) {
                        return Err(self.bail());
                    }
                    name_text.clone_into(&mut self.cur.other);
                }
                self.cur.name = Some(name);
                self.cur.attrs = exact;
                self.fast = Some(cursor + 1 + len as u64);
                if self.open.len() >= self.limits.max_depth {
                    return Err(self.bail());
                }
                if empty {
                    return Ok(Ev::Empty);
                }
                let name = self.cur.name();
                self.open.push(name);
                if name == Name::Other {
                    self.open_other.push(self.cur.other.clone());
                }
                Ok(Ev::Start)
            }
            Token::End(len) => {
                let name = raw
                    .get(2..len - 1)
                    .unwrap_or("")
                    .trim_end_matches([' ', '\t', '\r', '\n']);
                let expected = match self.open.last() {
                    Some(Name::Other) => self.open_other.last().map(String::as_str),
                    Some(open) => Some(open.as_str("")),
                    None => None,
                };
                if expected != Some(name) {
                    return Err(self.bail());
                }
                if self.open.pop() == Some(Name::Other) {
                    self.open_other.pop();
                }
                Ok(Ev::End)
            }
        }
    }

    /// Reads the next TU by the fast path if the window holds one next (after
    /// whitespace); `None`: not a plain TU, nothing consumed, quick-xml goes on.
    pub(super) fn try_fast_tu(&mut self, buf: &mut Vec<u8>) -> Option<TuRecord> {
        let from = self.xml.get_ref().offset();
        self.xml.get_mut().keep = from;
        let skip = loop {
            let window = self.xml.get_ref().available_from(from);
            let space = window.iter().take_while(|&&b| is_xml_space(b)).count();
            if window.len() >= space + 4 {
                let rest = &window[space..];
                let is_tu = rest.starts_with(b"<tu")
                    && matches!(rest[3], b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/');
                if !is_tu {
                    return None;
                }
                break space;
            }
            if !self.xml.get_mut().more() {
                return None;
            }
        };
        let start = from + skip as u64;
        // The TU must be whole in the window: up to the first `</tu>` (an earlier one in a
        // comment or CDATA section makes the fast path give up when it meets `<!`).
        let end = loop {
            let window = self.xml.get_ref().available_from(start);
            if let Some(end) = tu_end(window) {
                break end;
            }
            if !self.xml.get_mut().more() {
                return None;
            }
        };
        let window = self.xml.get_ref().available_from(start);
        let text = std::str::from_utf8(window.get(..end)?).ok()?;
        self.fast_text.clear();
        self.fast_text.push_str(text);
        self.fast_base = start;
        // Whitespace in `<body>` is layout: quick-xml would have read and dropped it.
        self.xml.get_mut().consume_to(start);
        let (problems, open, open_other, index) = (
            self.problems.len(),
            self.open.len(),
            self.open_other.len(),
            self.next_index,
        );
        self.fast = Some(start);
        self.bailed = false;
        let result = match self.step(buf) {
            Ok(ev @ (Ev::Start | Ev::Empty)) if self.cur.name() == Name::Tu => {
                self.read_tu(buf, ev == Ev::Empty)
            }
            Ok(_) => Err(self.bail()),
            Err(error) => Err(error),
        };
        let end = self.fast.take();
        match (result, end) {
            (Ok(Some(record)), Some(end)) if !self.bailed => {
                self.xml.get_mut().consume_to(end);
                Some(record)
            }
            _ => {
                // Undo what the attempt did; quick-xml reads the TU from its start.
                self.problems.truncate(problems);
                self.open.truncate(open);
                self.open_other.truncate(open_other);
                self.next_index = index;
                self.pinned = None;
                None
            }
        }
    }
}
