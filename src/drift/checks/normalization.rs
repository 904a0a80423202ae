//! The `normalization` check: Vietnamese that is not in Unicode NFC (the fix is to
//! normalize it to NFC), and, over an article, the old and the new tone placement mixed.
//!
//! The two placements differ in one place only: an open syllable (no final consonant)
//! whose rhyme is the glide `oa`, `oe` or `uy`. The old style puts the tone on the first
//! vowel (`hòa`, `khỏe`, `thủy`, `ủy`), the new style on the second (`hoà`, `khoẻ`,
//! `thuỷ`, `uỷ`). Everything else is written the same in both: closed syllables (`hoàn`,
//! `khoảng`, `thuyền`), and `qu` syllables, where `u` belongs to the onset (`quả`,
//! `quý`, `quỳ`).
//!
//! In an article that uses both, the units in the minority style are flagged (on a tie,
//! the style seen first is the article's), naming both spellings.

use std::borrow::Cow;

use unicode_normalization::char::{compose, decompose_canonical};
use unicode_normalization::is_nfc;

use super::{Side, Sink};
use crate::drift::report::{Explanation, Kind};
use crate::text::tokens::{TokenKind, tokens};

/// Where a word puts its tone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// On the first vowel of the glide: `hòa`.
    Old,
    /// On the second: `hoà`.
    New,
}

/// The combining tone marks: grave, acute, tilde, hook above, dot below.
fn is_tone(c: char) -> bool {
    matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
}

/// The onsets an `oa` / `oe` / `uy` syllable can have (not `qu`, not `gi`).
const ONSETS: &[&str] = &[
    "", "b", "c", "ch", "d", "đ", "g", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "r", "s",
    "t", "th", "tr", "v", "x",
];

fn base(c: char) -> char {
    let mut first = c;
    let mut seen = false;
    decompose_canonical(c, |d| {
        if !seen {
            first = d;
            seen = true;
        }
    });
    first
}

/// The tone placement of `word` and its spelling in the other style, if the word is an
/// open `oa` / `oe` / `uy` syllable with a tone.
pub(super) fn tone_style(word: &str) -> Option<(Style, String)> {
    if !is_nfc(word) {
        let nfc: String = unicode_normalization::UnicodeNormalization::nfc(word).collect();
        return tone_style(&nfc);
    }
    // Cheap filter on the last two letters before decomposing the word: most words end
    // in a consonant.
    let mut rev = word.chars().rev();
    let (last, second) = (rev.next()?, rev.next()?);
    if last.is_ascii() && !matches!(last, 'a' | 'e' | 'y' | 'A' | 'E' | 'Y') {
        return None;
    }
    let (bl, bs) = (
        base(last).to_lowercase().next()?,
        base(second).to_lowercase().next()?,
    );
    if !matches!((bs, bl), ('o', 'a') | ('o', 'e') | ('u', 'y')) {
        return None;
    }
    // Letters with their marks, the tone apart.
    let mut letters: Vec<(char, Vec<char>)> = Vec::new();
    let mut tone: Option<(usize, char)> = None;
    for c in word.chars() {
        let mut parts = Vec::new();
        decompose_canonical(c, |d| parts.push(d));
        let mut it = parts.into_iter();
        let head = it.next()?;
        if is_tone(head) {
            return None;
        }
        let mut marks = Vec::new();
        for m in it {
            if is_tone(m) {
                if tone.is_some() {
                    return None;
                }
                tone = Some((letters.len(), m));
            } else {
                marks.push(m);
            }
        }
        letters.push((head, marks));
    }
    let (at, mark) = tone?;
    let n = letters.len();
    // The glide's two letters carry no other mark (`oă`, `uê`, `ơ` are other rhymes).
    if !letters[n - 2].1.is_empty() || !letters[n - 1].1.is_empty() {
        return None;
    }
    let onset: String = letters[..n - 2]
        .iter()
        .flat_map(|(c, marks)| std::iter::once(*c).chain(marks.iter().copied()))
        .flat_map(char::to_lowercase)
        .collect();
    if !ONSETS.contains(&onset.as_str()) {
        return None;
    }
    let style = if at == n - 2 {
        Style::Old
    } else if at == n - 1 {
        Style::New
    } else {
        return None;
    };
    let moved = if style == Style::Old { n - 1 } else { n - 2 };
    let mut other = String::with_capacity(word.len() + 2);
    for (i, (c, marks)) in letters.iter().enumerate() {
        let mut ch = *c;
        for &m in marks {
            ch = compose(ch, m).unwrap_or(ch);
        }
        if i == moved {
            ch = compose(ch, mark).unwrap_or(ch);
        }
        other.push(ch);
    }
    Some((style, other))
}

/// `text` with every new-style word written in the old style, to compare translations
/// that differ only in tone placement.
pub(super) fn old_style(text: &str) -> Cow<'_, str> {
    // A new-style word has a plain `o` or `u` before a toned vowel.
    let maybe_new = text
        .as_bytes()
        .windows(2)
        .any(|w| matches!(w[0], b'o' | b'u' | b'O' | b'U') && w[1] >= 0xC0);
    if !maybe_new {
        return Cow::Borrowed(text);
    }
    let mut out: Option<String> = None;
    let mut copied = 0;
    for t in tokens(text).filter(|t| t.kind == TokenKind::Word) {
        if let Some((Style::New, other)) = tone_style(&text[t.range.clone()]) {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(&text[copied..t.range.start]);
            o.push_str(&other);
            copied = t.range.end;
        }
    }
    match out {
        Some(mut o) => {
            o.push_str(&text[copied..]);
            Cow::Owned(o)
        }
        None => Cow::Borrowed(text),
    }
}

/// The unit check: the Vietnamese must be in NFC.
pub(super) fn check_nfc(vi: &str, sink: &mut Sink) {
    if !is_nfc(vi) {
        sink.push(
            Kind::Normalization,
            Explanation::new("check-normalization-nfc"),
        );
    }
}

/// The article check: which units use the minority tone placement, with their findings.
/// `units` are the Vietnamese sides of the article's pairs, in order.
pub(super) fn tone_mix(units: &[&Side]) -> Vec<(usize, Explanation)> {
    // Per unit, the styled words as (style, as written, other spelling).
    let mut per_unit: Vec<Vec<(Style, String, String)>> = Vec::with_capacity(units.len());
    let (mut old, mut new) = (0usize, 0usize);
    let mut first: Option<Style> = None;
    for side in units {
        let text = side.clean();
        let mut found = Vec::new();
        for t in side.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
            let word = &text[t.range.clone()];
            if let Some((style, other)) = tone_style(word) {
                match style {
                    Style::Old => old += 1,
                    Style::New => new += 1,
                }
                first.get_or_insert(style);
                found.push((style, word.to_string(), other));
            }
        }
        per_unit.push(found);
    }
    if old == 0 || new == 0 {
        return Vec::new();
    }
    let minority = match old.cmp(&new) {
        std::cmp::Ordering::Less => Style::Old,
        std::cmp::Ordering::Greater => Style::New,
        std::cmp::Ordering::Equal if first == Some(Style::Old) => Style::New,
        std::cmp::Ordering::Equal => Style::Old,
    };
    let mut out = Vec::new();
    for (i, found) in per_unit.into_iter().enumerate() {
        let mut words: Vec<String> = Vec::new();
        let mut preferred: Vec<String> = Vec::new();
        for (style, word, other) in found {
            if style == minority && !words.contains(&word) {
                words.push(word);
                preferred.push(other);
            }
        }
        if !words.is_empty() {
            out.push((
                i,
                Explanation::new("check-normalization-tone-mix")
                    .arg("words", words.join(", "))
                    .arg("preferred", preferred.join(", ")),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::checks::tests::{ids, run};
    use crate::drift::checks::{CheckOptions, Pair, check_article};
    use crate::text::Lang;

    #[test]
    fn tone_styles() {
        let old = |w: &str, other: &str| {
            assert_eq!(tone_style(w), Some((Style::Old, other.to_string())), "{w}")
        };
        let new = |w: &str, other: &str| {
            assert_eq!(tone_style(w), Some((Style::New, other.to_string())), "{w}")
        };
        old("hòa", "hoà");
        old("Hòa", "Hoà");
        old("khỏe", "khoẻ");
        old("thủy", "thuỷ");
        old("ủy", "uỷ");
        old("họa", "hoạ");
        old("tòa", "toà");
        new("hoà", "hòa");
        new("khoẻ", "khỏe");
        new("thuỷ", "thủy");
        new("Uỷ", "Ủy");
        new("hoạ", "họa");
        // NFD input reads the same.
        new("hoa\u{300}", "hòa");
        // Not open `oa` / `oe` / `uy` syllables: the same in both styles.
        for w in [
            "hoàn", "khoảng", "quả", "quý", "quỳ", "thuyền", "hoa", "học", "toán", "xuề", "khuya",
            "mới",
        ] {
            assert_eq!(tone_style(w), None, "{w}");
        }
    }

    #[test]
    fn old_style_rewrites_new_words_only() {
        assert_eq!(
            old_style("Hoà bình và sức khoẻ, hòa hợp"),
            "Hòa bình và sức khỏe, hòa hợp"
        );
        assert!(matches!(old_style("không đổi"), Cow::Borrowed(_)));
    }

    #[test]
    fn nfc() {
        let f = run("Vietnam", "Vie\u{323}\u{302}t Nam");
        assert_eq!(ids(&f, Kind::Normalization), ["check-normalization-nfc"]);
        assert!(ids(&run("Vietnam", "Việt Nam"), Kind::Normalization).is_empty());
    }

    #[test]
    fn mixed_tone_placement() {
        let pair = |unit, vi| Pair {
            unit,
            paragraph: None,
            en: "x",
            vi,
        };
        let pairs = [
            pair("a", "Hòa bình."),
            pair("b", "Sức khỏe và hòa hợp."),
            pair("c", "Thuỷ lợi và hoà giải."),
            pair("d", "Hoàn thành quý này."),
        ];
        let findings = check_article(&pairs, &CheckOptions::default());
        let mix: Vec<_> = findings
            .iter()
            .filter(|f| f.explanation.id == "check-normalization-tone-mix")
            .collect();
        assert_eq!(mix.len(), 1);
        assert_eq!(mix[0].unit.as_deref(), Some("c"));
        assert_eq!(
            mix[0].explanation.args,
            [
                ("words", "Thuỷ, hoà".to_string()),
                ("preferred", "Thủy, hòa".to_string())
            ]
        );
        let mix = |texts: &[&str]| {
            let sides: Vec<Side> = texts.iter().map(|t| Side::new(t, Lang::Vi)).collect();
            tone_mix(&sides.iter().collect::<Vec<_>>())
        };
        // One style only: nothing.
        assert!(mix(&["Hòa bình.", "Thủy lợi."]).is_empty());
        // A tie: the first style seen is the article's.
        let found = mix(&["Hoà bình.", "Thủy lợi."]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 1);
    }
}
