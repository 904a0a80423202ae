//! Text keys shared by exact, fuzzy and concordance lookup.
//!
//! - [`normalize`] is the exact-match key: NFC, white space runs collapsed to one space,
//!   trimmed. Two segments that differ only in how the keyboard or the file system encoded
//!   a diacritic, or in spacing, are the same segment.
//! - [`fold`] is the diacritic- and case-insensitive key: `Hung` finds `Hùng`, `Viet`
//!   finds `Việt`.
//! - [`tokens`] splits a text into words and punctuation with byte ranges. Vietnamese
//!   writes a space between syllables, so every syllable is a word here: a compound such
//!   as `thời sự` is two tokens, which is what fuzzy scoring and phrase search want.
//!
//! ```
//! use songngu::memory::text::{fold, normalize, tokens, TokenKind};
//!
//! // NFD input (as macOS file names and some web pages give it) and odd spacing.
//! assert_eq!(normalize("  Vie\u{323}\u{302}t\tNam \n"), "Việt Nam");
//! assert_eq!(fold("Đà Nẵng"), "da nang");
//!
//! let text = "Ông Hùng nói: \"1.234,5 tỷ đồng\".";
//! let words: Vec<&str> = tokens(text)
//!     .filter(|t| t.kind == TokenKind::Word)
//!     .map(|t| &text[t.range])
//!     .collect();
//! assert_eq!(words, ["Ông", "Hùng", "nói", "1.234,5", "tỷ", "đồng"]);
//! ```

use std::ops::Range;

use unicode_normalization::char::{
    canonical_combining_class, decompose_canonical, is_combining_mark,
};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The exact-match key of a segment: NFC, every run of white space (`char::is_whitespace`)
/// replaced by one space, no white space at either end.
///
/// NFC comes first, so white space that only NFC produces is collapsed too.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // Most text is already NFC; the quick check costs a fraction of running the composer.
    if is_nfc_quick(s.chars()) == IsNormalized::Yes {
        collapse_into(s.chars(), &mut out);
    } else {
        collapse_into(s.nfc(), &mut out);
    }
    out
}

fn collapse_into(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut gap = false;
    for c in chars {
        if c.is_whitespace() {
            // A gap at the start is dropped: `out` is still empty then.
            gap = !out.is_empty();
        } else {
            if gap {
                out.push(' ');
                gap = false;
            }
            out.push(c);
        }
    }
}

/// The diacritic- and case-insensitive search key of `s`.
///
/// Steps: canonical decomposition (NFD), Unicode lower case, the lower-case letters
/// decomposed again, combining marks dropped, `đ`/`Đ` (and the look-alike `ð`/`Ð`, which
/// legacy Vietnamese keyboards and fonts produce for `Đ`) mapped to `d`, then NFC.
///
/// Decomposing *before* dropping marks is what keeps stacked Vietnamese marks right:
/// `ệ` is `e` + U+0323 (dot below) + U+0302 (circumflex) and both go, whichever form the
/// input used. Only marks with a canonical combining class above 1 are dropped: those are
/// the accents, tones, dots, hooks and horns that canonical ordering moves around. Overlay
/// marks (class 1, e.g. the slash in `≠` = `=` + U+0338) change what a symbol means and
/// stay, and so do the spacing vowel signs of Indic scripts (class 0), which are letters
/// there. The final NFC recomposes whatever survived (Hangul syllables, overlays).
pub fn fold(s: &str) -> String {
    fold_with(s, true)
}

/// [`fold`] without the lower-casing when `lowercase` is false: diacritic-insensitive but
/// case-sensitive (`Đ` → `D`, `đ` → `d`).
pub(crate) fn fold_with(s: &str, lowercase: bool) -> String {
    if s.is_ascii() {
        // ASCII has no marks and no `đ`: the common English case needs no tables.
        return if lowercase {
            s.to_ascii_lowercase()
        } else {
            s.to_owned()
        };
    }
    let mut stripped = String::with_capacity(s.len());
    for c in s.nfd() {
        if lowercase {
            for lower in c.to_lowercase() {
                // A lower-case mapping may produce a precomposed letter (or a letter plus
                // a mark, as `İ` → `i̇`); decompose it so its marks are dropped too.
                decompose_canonical(lower, |d| push_unmarked(d, &mut stripped));
            }
        } else {
            push_unmarked(c, &mut stripped);
        }
    }
    if is_nfc_quick(stripped.chars()) == IsNormalized::Yes {
        stripped
    } else {
        stripped.nfc().collect()
    }
}

fn push_unmarked(c: char, out: &mut String) {
    if canonical_combining_class(c) > 1 {
        return;
    }
    out.push(match c {
        'đ' | 'ð' => 'd',
        'Đ' | 'Ð' => 'D',
        other => other,
    });
}

/// The fold class key of a token, as the indexes group tokens: punctuation and words
/// never share a class, so that tokens of one class always weigh the same in fuzzy scoring.
pub(crate) fn fold_key(text: &str, kind: TokenKind) -> String {
    let folded = fold(text);
    match kind {
        TokenKind::Word => folded,
        // No word starts with U+0000 (words start with a letter or a digit).
        TokenKind::Punct => format!("\u{0}{folded}"),
    }
}

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

/// A compact string table: every distinct string gets a dense `u32` id, in the order of
/// first insertion.
///
/// The strings live in one byte arena with one end offset each, and the hash table holds
/// bare ids (open addressing, linear probing, at most half full), so a string costs its
/// bytes plus about 12 bytes, against 50 or more for a `HashMap<String, u32>`. The hash is
/// not keyed: a hostile input can only make interning slower, never wrong.
#[derive(Debug, Clone, Default)]
pub(crate) struct Interner {
    bytes: Vec<u8>,
    /// `ends[id]` is the end of string `id` in `bytes`; it starts where `id - 1` ends.
    ends: Vec<u32>,
    /// `EMPTY` or an id; the length is zero or a power of two.
    table: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;

impl Interner {
    /// At most 2^31 strings, so that callers can use the top bit of an id as a flag.
    pub(crate) const MAX_IDS: u32 = 1 << 31;

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn get_str(&self, id: u32) -> Option<&str> {
        self.as_ref().get_str(id)
    }

    fn bytes_of(&self, id: u32) -> &[u8] {
        self.as_ref().bytes_of(id)
    }

    /// The id of `s`, if it was interned.
    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        self.as_ref().get(s)
    }

    /// The table as borrowed arrays, as a persisted index stores it.
    pub(crate) fn as_ref(&self) -> InternerRef<'_> {
        InternerRef {
            bytes: &self.bytes,
            ends: &self.ends,
            table: &self.table,
        }
    }

    /// The id of `s`, interning it if new. `None` only when the table is full: 2^31
    /// strings or 4 GiB of text, tens of gigabytes of memory in practice.
    pub(crate) fn intern(&mut self, s: &str) -> Option<u32> {
        if let Some(id) = self.get(s) {
            return Some(id);
        }
        let id = u32::try_from(self.ends.len())
            .ok()
            .filter(|&id| id < Self::MAX_IDS)?;
        let end = u32::try_from(self.bytes.len() + s.len()).ok()?;
        if (self.ends.len() + 1) * 2 > self.table.len() {
            self.grow();
        }
        self.bytes.extend_from_slice(s.as_bytes());
        self.ends.push(end);
        self.place(id);
        Some(id)
    }

    fn place(&mut self, id: u32) {
        let mask = self.table.len() - 1;
        let mut slot = hash(self.bytes_of(id)) as usize & mask;
        while self.table[slot] != EMPTY {
            slot = (slot + 1) & mask;
        }
        self.table[slot] = id;
    }

    fn grow(&mut self) {
        let size = (self.table.len() * 2).max(64);
        self.table = vec![EMPTY; size];
        for id in 0..self.ends.len() as u32 {
            self.place(id);
        }
    }

    /// Heap bytes held (capacities, not lengths).
    pub(crate) fn memory_usage(&self) -> usize {
        self.bytes.capacity() + self.ends.capacity() * 4 + self.table.capacity() * 4
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// Writes the bytes, the ends and the table as three sections.
    pub(crate) fn write_sections(&self, out: &mut super::cache::ImageWriter) {
        out.put(&self.bytes);
        out.put(&self.ends);
        out.put(&self.table);
    }

    /// The bytes [`Self::write_sections`] writes.
    pub(crate) fn written_size(&self) -> usize {
        self.bytes.len() + self.ends.len() * 4 + self.table.len() * 4 + 24
    }
}

/// An [`Interner`]'s arrays, borrowed: from the interner itself or from a persisted index
/// (see [`super::segment`]), where they are looked up as they lie, without a rebuild.
#[derive(Debug, Clone, Copy)]
pub(crate) struct InternerRef<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) ends: &'a [u32],
    pub(crate) table: &'a [u32],
}

impl<'a> InternerRef<'a> {
    /// The arrays as an interner, if they are one: ends ascending within `bytes`, a table
    /// whose size is zero or a power of two, with a free slot, and only known ids in it.
    /// Checked once so that no lookup can panic or loop on a damaged index.
    pub(crate) fn new(bytes: &'a [u8], ends: &'a [u32], table: &'a [u32]) -> Option<Self> {
        let ascending = ends.windows(2).all(|w| w[0] <= w[1]);
        let within = ends.last().is_none_or(|&end| end as usize <= bytes.len());
        let sized = table.is_empty() || table.len().is_power_of_two();
        let used = table.iter().filter(|&&id| id != EMPTY).count();
        let known = table
            .iter()
            .all(|&id| id == EMPTY || (id as usize) < ends.len());
        let roomy = table.is_empty() && ends.is_empty() || used < table.len();
        (ascending && within && sized && known && roomy && used == ends.len())
            .then_some(InternerRef { bytes, ends, table })
    }

    /// The number of strings.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn get_str(&self, id: u32) -> Option<&'a str> {
        let id = id as usize;
        let end = *self.ends.get(id)? as usize;
        let start = if id == 0 {
            0
        } else {
            self.ends[id - 1] as usize
        };
        // Only whole `&str`s are ever appended, so every range is valid UTF-8.
        std::str::from_utf8(self.bytes.get(start..end)?).ok()
    }

    fn bytes_of(&self, id: u32) -> &'a [u8] {
        let id = id as usize;
        let end = self.ends[id] as usize;
        let start = if id == 0 {
            0
        } else {
            self.ends[id - 1] as usize
        };
        &self.bytes[start..end]
    }

    /// The id of `s`, if it was interned.
    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        if self.table.is_empty() {
            return None;
        }
        let mask = self.table.len() - 1;
        let mut slot = hash(s.as_bytes()) as usize & mask;
        loop {
            let id = self.table[slot];
            if id == EMPTY {
                return None;
            }
            if self.bytes_of(id) == s.as_bytes() {
                return Some(id);
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// A fast non-cryptographic hash (FxHash-style rounds over 8-byte words, then the
/// murmur3 finalizer so that the low bits used for the slot depend on every input bit).
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn texts(text: &str) -> Vec<(&str, TokenKind, bool)> {
        tokens(text)
            .map(|t| (&text[t.range.clone()], t.kind, t.space_before))
            .collect()
    }

    #[test]
    fn normalize_composes_and_collapses() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" \t\n "), "");
        assert_eq!(normalize("a  b\u{a0}\u{2003}c\r\n"), "a b c");
        // NFD `ệ` (dot below first, as canonical order puts it) and the other order.
        assert_eq!(normalize("Vie\u{323}\u{302}t"), "Việt");
        assert_eq!(normalize("Vie\u{302}\u{323}t"), "Việt");
        // U+2001 EM QUAD is NFC-decomposed to U+2003 EM SPACE; both are white space.
        assert_eq!(normalize("a\u{2001}b"), "a b");
    }

    #[test]
    fn fold_drops_vietnamese_marks_and_case() {
        assert_eq!(fold("Hùng"), "hung");
        assert_eq!(fold("Hung"), "hung");
        assert_eq!(fold("Việt"), "viet");
        // Stacked marks in NFD, in canonical and in non-canonical order.
        assert_eq!(fold("Vie\u{323}\u{302}t"), "viet");
        assert_eq!(fold("Vie\u{302}\u{323}t"), "viet");
        // The letters fzf#2088 failed on, upper and lower case.
        assert_eq!(fold("ắ ấ ế ố ớ ứ Ắ Ấ Ế Ố Ớ Ứ"), "a a e o o u a a e o o u");
        assert_eq!(fold("ặ ậ ệ ộ ợ ự ỷ ỹ"), "a a e o o u y y");
        assert_eq!(fold("Đà Nẵng đồng ĐỒNG"), "da nang dong dong");
        assert_eq!(fold("một cộng nặng"), "mot cong nang");
        assert_eq!(fold("Ðà"), "da", "the look-alike eth");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("≠"), "≠", "overlay marks change meaning and stay");
        assert_eq!(fold("ABC def"), "abc def");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn fold_case_sensitive_keeps_case() {
        assert_eq!(fold_with("Đà Nẵng", false), "Da Nang");
        assert_eq!(fold_with("Hùng", false), "Hung");
        assert_eq!(fold_with("ABC", false), "ABC");
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

    #[test]
    fn interner_gives_dense_stable_ids() {
        let mut interner = Interner::default();
        assert_eq!(interner.get("a"), None);
        let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(interner.intern(w), Some(i as u32));
        }
        assert_eq!(interner.intern(""), Some(1000));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(interner.intern(w), Some(i as u32));
            assert_eq!(interner.get(w), Some(i as u32));
            assert_eq!(interner.get_str(i as u32), Some(w.as_str()));
        }
        assert_eq!(interner.get(""), Some(1000));
        assert_eq!(interner.get("w1000"), None);
        assert_eq!(interner.get_str(5000), None);
        assert_eq!(interner.len(), 1001);
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

        #[test]
        fn normalize_is_idempotent_and_trimmed(s in "\\PC{0,40}") {
            let n = normalize(&s);
            prop_assert_eq!(normalize(&n), n.clone());
            prop_assert!(!n.starts_with(' ') && !n.ends_with(' ') && !n.contains("  "));
        }

        #[test]
        fn fold_is_idempotent_and_form_independent(s in "\\PC{0,30}") {
            let f = fold(&s);
            prop_assert_eq!(fold(&f), f.clone());
            let nfd: String = s.nfd().collect();
            prop_assert_eq!(fold(&nfd), f);
        }
    }
}
