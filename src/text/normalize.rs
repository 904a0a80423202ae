//! The keys texts are compared by.
//!
//! - [`normalize`] is the exact-match key: NFC, white space runs collapsed to one space,
//!   trimmed. Two segments that differ only in how the keyboard or the file system encoded
//!   a diacritic, or in spacing, are the same segment.
//! - [`fold`] is the diacritic- and case-insensitive key: `Hung` finds `Hùng`, `Viet`
//!   finds `Việt`.
//!
//! ```
//! use songngu::text::normalize::{fold, normalize};
//!
//! // NFD input (as macOS file names and some web pages give it) and odd spacing.
//! assert_eq!(normalize("  Vie\u{323}\u{302}t\tNam \n"), "Việt Nam");
//! assert_eq!(fold("Đà Nẵng"), "da nang");
//! ```

use std::borrow::Cow;

use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The exact-match key of a segment: NFC, every run of white space (`char::is_whitespace`)
/// replaced by one space, no white space at either end.
///
/// NFC comes first, so white space that only NFC produces is collapsed too.
pub fn normalize(s: &str) -> String {
    normalized(s).into_owned()
}

/// [`normalize`], borrowing `s` when it is its own key, as most text is: comparing two
/// texts' keys then allocates nothing.
pub fn normalized(s: &str) -> Cow<'_, str> {
    // Most text is already NFC; the quick check costs a fraction of running the composer.
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        if is_collapsed(s) {
            return Cow::Borrowed(s);
        }
        let mut out = String::with_capacity(s.len());
        collapse_into(s.chars(), &mut out);
        return Cow::Owned(out);
    }
    let mut out = String::with_capacity(s.len());
    collapse_into(s.nfc(), &mut out);
    Cow::Owned(out)
}

/// Whether `text` is its own white space collapsed: words separated by single spaces,
/// none before or after (what `split_whitespace` and `join(" ")` would give back).
pub(crate) fn is_collapsed(text: &str) -> bool {
    if text.is_ascii() {
        // These loops have no early exit, so the compiler vectorizes them. ASCII white
        // space (`char::is_whitespace`) is the space and `\t`..=`\r`.
        let bytes = text.as_bytes();
        let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
            return true;
        };
        let control = bytes.iter().fold(0u8, |found, b| {
            found | u8::from((b'\t'..=b'\r').contains(b))
        });
        let double = bytes.iter().zip(&bytes[1..]).fold(0u8, |found, (a, b)| {
            found | (u8::from(*a == b' ') & u8::from(*b == b' '))
        });
        return first != b' ' && last != b' ' && control == 0 && double == 0;
    }
    // At the start, a space would be one too many, as after a space.
    let mut after_space = true;
    for c in text.chars() {
        match c {
            ' ' if after_space => return false,
            ' ' => after_space = true,
            c if c.is_whitespace() => return false,
            _ => after_space = false,
        }
    }
    !after_space
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
    fn a_text_that_is_its_own_key_is_borrowed() {
        for text in ["One two.", "Việt Nam", "", "a"] {
            assert!(matches!(normalized(text), Cow::Borrowed(_)), "{text:?}");
        }
        for text in [
            " One",
            "One ",
            "One  two",
            "One\ttwo",
            "Một\u{a0}hai",
            "Vie\u{323}\u{302}t",
        ] {
            assert!(matches!(normalized(text), Cow::Owned(_)), "{text:?}");
        }
    }

    /// What [`normalize`] was before it could borrow: NFC, then white space collapsed
    /// character by character.
    fn composed_then_collapsed(s: &str) -> String {
        let composed: String = s.nfc().collect();
        composed.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    proptest! {
        #[test]
        fn the_borrowed_key_is_the_key(s in "[ a-zA-Z\t\u{a0}\u{2001}\u{323}\u{302}ệđ.]{0,30}") {
            let (key, expected) = (normalized(&s), composed_then_collapsed(&s));
            prop_assert_eq!(key.as_ref(), expected.as_str());
            let collapsed = s.split_whitespace().collect::<Vec<_>>().join(" ");
            prop_assert_eq!(is_collapsed(&s), collapsed == s);
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
