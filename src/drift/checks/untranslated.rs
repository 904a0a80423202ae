//! The `same_as_source` check: the Vietnamese is the English left untranslated.
//!
//! The two texts must be equal after NFC and white space folding (the key of
//! [`normalize`](crate::text::normalize::normalize)), and the English must be
//! prose: at least three words that start with a lower-case letter (outside markup, URLs
//! and e-mail addresses). A unit that is only a name, an acronym, a number, a URL or a
//! title in Title Case is often kept as is on purpose and is not flagged.
//!
//! A unit only partly translated is flagged too (`check-same-as-source-partial`): when
//! the English is prose of [`PARTIAL_MIN_WORDS`] words or more and at least
//! [`PARTIAL_SHARE`] of the Vietnamese words are lower-case English words of the source
//! (`The conference khai mạc in Hanoi with many delegates`). Names, acronyms and numbers
//! do not count, since Vietnamese keeps them.

use super::{Side, Sink};
use crate::drift::report::{Explanation, Kind};
use crate::text::tokens::TokenKind;

/// Lower-case words a unit needs to count as prose.
const PROSE_WORDS: usize = 3;

/// Words the English needs before a partial translation is judged: in a short unit, two
/// kept words (`in`, `to` are also Vietnamese) would be a large share.
pub(super) const PARTIAL_MIN_WORDS: usize = 6;

/// The share of the Vietnamese words copied from the English prose above which the unit
/// is partly untranslated: a translation keeps names and numbers, not half its words.
pub(super) const PARTIAL_SHARE: f64 = 0.5;

/// The percentage of the Vietnamese words that are lower-case words of the English,
/// when the English is long enough to judge.
fn copied_share(en: &Side, vi: &Side) -> Option<u32> {
    let words = |side: &Side| -> Vec<String> {
        let clean = side.clean();
        side.tokens
            .iter()
            .filter(|t| t.kind == TokenKind::Word && !is_code(clean, t.range.clone()))
            .map(|t| clean[t.range.clone()].to_string())
            .collect()
    };
    let (en_words, vi_words) = (words(en), words(vi));
    if en_words.len() < PARTIAL_MIN_WORDS || vi_words.is_empty() {
        return None;
    }
    let english: std::collections::HashSet<&str> = en_words
        .iter()
        .filter(|w| w.starts_with(char::is_lowercase))
        .map(String::as_str)
        .collect();
    let copied = vi_words
        .iter()
        .filter(|w| w.is_ascii() && english.contains(w.as_str()))
        .count();
    let share = copied as f64 / vi_words.len() as f64;
    (share >= PARTIAL_SHARE).then(|| (share * 100.0).round() as u32)
}

/// Whether the word at `range` of `text` is part of a placeholder or of code, which a
/// translation keeps as it is: `%(model_name)s`, `%s`, `{count}`, `$name`,
/// `get_absolute_url()`, `class_name.allow_future`, `FILE1`.
fn is_code(text: &str, range: std::ops::Range<usize>) -> bool {
    let word = &text[range.clone()];
    let before = &text[..range.start];
    let after = &text[range.end..];
    word.contains('_')
        || word.bytes().any(|b| b.is_ascii_digit())
        || before.ends_with(['%', '{', '$', '('])
            && (before.ends_with("%(") || !before.ends_with('('))
        || after.starts_with(['(', '_'])
        || (after.starts_with('.') && after[1..].starts_with(|c: char| c.is_alphanumeric()))
        || (before.ends_with('.') && before[..before.len() - 1].ends_with(char::is_alphanumeric))
        // The conversion letter of `%(name)s`.
        || (word.len() == 1 && before.ends_with(')'))
}

pub(super) fn check(en: &Side, vi: &Side, sink: &mut Sink) {
    let clean = en.clean();
    let prose = en
        .tokens
        .iter()
        .filter(|t| {
            t.kind == TokenKind::Word && clean[t.range.clone()].starts_with(char::is_lowercase)
        })
        .take(PROSE_WORDS)
        .count()
        >= PROSE_WORDS;
    // Both texts are NFC: equal after `normalize` means the same words between spaces.
    if prose && en.text.split_whitespace().eq(vi.text.split_whitespace()) {
        sink.push(Kind::SameAsSource, Explanation::new("check-same-as-source"));
    } else if prose && let Some(share) = copied_share(en, vi) {
        sink.push(
            Kind::SameAsSource,
            Explanation::new("check-same-as-source-partial").arg("share", share.to_string()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::checks::tests::{ids, run};

    #[test]
    fn placeholders_and_code_kept_are_not_untranslated_words() {
        for (en, vi) in [
            (
                "%(model_name)s with this %(field_labels)s already exists.",
                "%(model_name)s với thông tin %(field_labels)s đã tồn tại.",
            ),
            (
                "Future %(verbose_name_plural)s not available because %(class_name)s.allow_future is False.",
                "%(verbose_name_plural)s trong tương lai không có sẵn vì %(class_name)s.allow_future là False.",
            ),
            (
                "%(ct_name)s objects don't have a get_absolute_url() method",
                "Đối tượng %(ct_name)s không có phương thức get_absolute_url()",
            ),
            (
                "Select all {count} {module} items",
                "Hãy chọn tất cả {count} {module}",
            ),
        ] {
            assert!(ids(&run(en, vi), Kind::SameAsSource).is_empty(), "{vi}");
        }
        // Words around the placeholders still count.
        let f = run(
            "Delete the selected %(items)s from the server now",
            "Delete the selected %(items)s from máy chủ now",
        );
        assert_eq!(
            ids(&f, Kind::SameAsSource),
            ["check-same-as-source-partial"]
        );
    }

    #[test]
    fn untranslated_prose() {
        let f = run(
            "The conference opened in Hanoi.",
            "The conference  opened in Hanoi.",
        );
        assert_eq!(ids(&f, Kind::SameAsSource), ["check-same-as-source"]);
        for same in [
            "Nguyen Thanh Hung",
            "ASEAN",
            "VNCERT/CC",
            "2019",
            "https://mic.gov.vn/news/a-long-address-here",
            "Digital Economy Forum 2023",
            "Vietnam Post (see x@y.vn)",
        ] {
            assert!(
                ids(&run(same, same), Kind::SameAsSource).is_empty(),
                "{same}"
            );
        }
        assert!(
            ids(
                &run("The conference opened.", "Hội thảo khai mạc."),
                Kind::SameAsSource
            )
            .is_empty()
        );
    }

    #[test]
    fn partly_untranslated_unit() {
        let f = run(
            "The conference opened in Hanoi with many delegates from the region.",
            "The conference khai mạc in Hanoi with many delegates from khu vực.",
        );
        assert_eq!(
            ids(&f, Kind::SameAsSource),
            ["check-same-as-source-partial"]
        );
        // A translation that keeps names, acronyms, numbers and a term is not partial.
        let f = run(
            "The ASEAN Digital Ministers Meeting opened in Hanoi with 500 delegates.",
            "Hội nghị Bộ trưởng Số ASEAN (ADGMIN) khai mạc tại Hà Nội với 500 đại biểu.",
        );
        assert!(ids(&f, Kind::SameAsSource).is_empty(), "{f:?}");
        let f = run(
            "Users can download the app from Google Play and the App Store.",
            "Người dùng có thể tải ứng dụng từ Google Play và App Store.",
        );
        assert!(ids(&f, Kind::SameAsSource).is_empty(), "{f:?}");
    }
}
