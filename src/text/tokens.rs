//! Words and punctuation with their byte ranges.
//!
//! Vietnamese writes a space between syllables, so every syllable is a word here: a
//! compound such as `thời sự` is two tokens, which is what fuzzy scoring, phrase search
//! and the checks want.
//!
//! ```
//! use songngu::text::tokens::{tokens, TokenKind};
//!
//! let text = "Ông Hùng nói: \"1.234,5 tỷ đồng\".";
//! let words: Vec<&str> = tokens(text)
//!     .filter(|t| t.kind == TokenKind::Word)
//!     .map(|t| &text[t.range])
//!     .collect();
//! assert_eq!(words, ["Ông", "Hùng", "nói", "1.234,5", "tỷ", "đồng"]);
//! ```

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;

/// What a [`Token`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters and digits, with their combining marks, plus the joiners listed on
    /// [`tokens`].
    Word,
    /// One character that is neither a letter, a digit nor white space (punctuation,
    /// symbols, emoji), with the combining marks that follow it.
    Punct,
}

/// One word or punctuation token of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    /// The byte range of the token in the text given to [`tokens`].
    pub range: Range<usize>,
    /// Whether white space separates this token from the previous one (false for the
    /// first token).
    pub space_before: bool,
}

/// The tokens of `text`, in order. White space separates tokens and belongs to none.
///
/// - A word is a run of letters and digits (`char::is_alphanumeric`) and the combining
///   marks that follow them, so NFD text gives the same tokens as NFC text.
/// - Inside a word, `'` and `’` join two letters (`don't`, `O’Brien`), and `.` `,` `:` `/`
///   join two digits (`1,200`, `3.5`, `1.234,5`, `11:45`, `28/11/2019`): numbers and
///   contractions are one unit in both languages.
/// - Everything else (including hyphens, so `COVID-19` is `COVID` `-` `19`) is one
///   punctuation token per character, with any combining marks that follow it. A mark after
///   white space or at the start is a punctuation token of its own, so no character of the
///   text is lost.
/// - Vietnamese syllables are separated by spaces and are therefore one word each.
///
/// Scripts written without spaces (Chinese, Japanese, Thai) come out as long words; this
/// tool is for English and Vietnamese.
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        pos: 0,
        started: false,
    }
}

/// The iterator returned by [`tokens`].
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    pos: usize,
    started: bool,
}

impl Iterator for Tokens<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        let rest = self.text.get(self.pos..)?;
        let mut chars = rest.char_indices();
        let mut gap = false;
        // Skip white space to the first character of the token.
        let (offset, first) = loop {
            let (i, c) = chars.next()?;
            if c.is_whitespace() {
                gap = true;
            } else {
                break (i, c);
            }
        };
        let start = self.pos + offset;
        let mut end = start + first.len_utf8();
        let kind;
        if first.is_alphanumeric() {
            kind = TokenKind::Word;
            // The last letter or digit of the word, for the joiner rules.
            let mut last = first;
            let mut ahead = self.text[end..].chars().peekable();
            while let Some(&c) = ahead.peek() {
                if c.is_alphanumeric() {
                    last = c;
                } else if is_combining_mark(c) {
                    // Marks stay with their letter and do not change `last`.
                } else if joins(last, c, self.text[end + c.len_utf8()..].chars().next()) {
                    // The joiner and the character after it are both consumed below.
                } else {
                    break;
                }
                end += c.len_utf8();
                ahead.next();
            }
        } else {
            kind = TokenKind::Punct;
            end += self.text[end..]
                .chars()
                .take_while(|&c| is_combining_mark(c))
                .map(char::len_utf8)
                .sum::<usize>();
        }
        let space_before = gap && self.started;
        self.started = true;
        self.pos = end;
        Some(Token {
            kind,
            range: start..end,
            space_before,
        })
    }
}

/// Whether `joiner`, between `before` (the last letter or digit so far) and `after`,
/// belongs to the word.
fn joins(before: char, joiner: char, after: Option<char>) -> bool {
    let Some(after) = after else { return false };
    match joiner {
        '\'' | '\u{2019}' => before.is_alphabetic() && after.is_alphabetic(),
        '.' | ',' | ':' | '/' => before.is_numeric() && after.is_numeric(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    fn texts(text: &str) -> Vec<(&str, TokenKind, bool)> {
        tokens(text)
            .map(|t| (&text[t.range.clone()], t.kind, t.space_before))
            .collect()
    }

    #[test]
    fn tokens_words_numbers_punctuation() {
        use TokenKind::{Punct as P, Word as W};
        assert_eq!(
            texts("He said: \"don't\" — 1,200 (3.5%) at 11:45 on 28/11/2019, COVID-19."),
            [
                ("He", W, false),
                ("said", W, true),
                (":", P, false),
                ("\"", P, true),
                ("don't", W, false),
                ("\"", P, false),
                ("—", P, true),
                ("1,200", W, true),
                ("(", P, true),
                ("3.5", W, false),
                ("%", P, false),
                (")", P, false),
                ("at", W, true),
                ("11:45", W, true),
                ("on", W, true),
                ("28/11/2019", W, true),
                (",", P, false),
                ("COVID", W, true),
                ("-", P, false),
                ("19", W, false),
                (".", P, false),
            ]
        );
        // Joiners need a letter or digit on both sides.
        assert_eq!(
            texts("dogs' 3. ,5 a'1"),
            [
                ("dogs", W, false),
                ("'", P, false),
                ("3", W, true),
                (".", P, false),
                (",", P, true),
                ("5", W, false),
                ("a", W, true),
                ("'", P, false),
                ("1", W, false),
            ]
        );
    }

    #[test]
    fn tokens_vietnamese_syllables_nfc_and_nfd() {
        let nfc = "Thời sự: Hà Nội, 1.234,5 tỷ đồng.";
        let nfd: String = nfc.nfd().collect();
        let words =
            |t: &str| -> Vec<String> { tokens(t).map(|k| t[k.range].nfc().collect()).collect() };
        assert_eq!(
            words(nfc),
            [
                "Thời", "sự", ":", "Hà", "Nội", ",", "1.234,5", "tỷ", "đồng", "."
            ]
        );
        assert_eq!(words(&nfd), words(nfc));
    }

    #[test]
    fn tokens_stray_marks_are_kept() {
        use TokenKind::{Punct as P, Word as W};
        assert_eq!(
            texts("\u{301}a \u{301}\u{300} !\u{301}"),
            [
                ("\u{301}", P, false),
                ("a", W, false),
                ("\u{301}\u{300}", P, true),
                ("!\u{301}", P, true),
            ]
        );
        assert_eq!(texts(""), []);
        assert_eq!(texts("   "), []);
    }

    proptest! {
        #[test]
        fn tokens_cover_every_non_space_character(s in "\\PC{0,40}|[ a1.,'’\u{301}\u{323}-]{0,20}") {
            let mut covered = 0;
            let mut previous_end = 0;
            for token in tokens(&s) {
                prop_assert!(token.range.start >= previous_end);
                prop_assert!(!token.range.is_empty());
                // Only white space lies between tokens.
                prop_assert!(s[previous_end..token.range.start].chars().all(char::is_whitespace));
                prop_assert_eq!(token.space_before, previous_end != 0 && previous_end < token.range.start);
                covered += token.range.len();
                previous_end = token.range.end;
            }
            prop_assert!(s[previous_end..].chars().all(char::is_whitespace));
            prop_assert_eq!(covered, s.chars().filter(|c| !c.is_whitespace()).map(char::len_utf8).sum::<usize>());
        }
    }
}
