//! Anchors: things a sentence and its translation share whatever the language — numbers,
//! dates and times, names and acronyms, URLs and e-mail addresses, question marks and
//! quotes, glossary terms.
//!
//! Each anchor is a `u64` key: the family in the top three bits, a hash of the canonical
//! form below. A sentence's anchors are a sorted multiset of keys, so two sides compare by
//! merging sorted lists.

use crate::memory::text::{TokenKind, fold, tokens};
use crate::segment::Lang;

use super::Features;
use super::glossary::Glossary;

/// An anchor family; each is switched by one field of [`Features`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Family {
    Number = 0,
    Name = 1,
    Url = 2,
    Punct = 3,
    Glossary = 4,
}

impl Family {
    pub fn of(key: u64) -> Family {
        match key >> 61 {
            0 => Family::Number,
            1 => Family::Name,
            2 => Family::Url,
            3 => Family::Punct,
            _ => Family::Glossary,
        }
    }
}

/// The key of `canonical` in `family` (FNV-1a, deterministic across runs and platforms).
pub(crate) fn key(family: Family, canonical: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in canonical.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    ((family as u64) << 61) | (h >> 3)
}

/// The sorted anchor keys of one sentence.
pub(crate) fn extract(
    text: &str,
    lang: Lang,
    features: &Features,
    glossary: Option<&Glossary>,
) -> Vec<u64> {
    let mut out = Vec::new();
    let mut rest = std::borrow::Cow::Borrowed(text);
    if features.urls {
        let (found, blanked) = urls(text);
        out.extend(found.iter().map(|u| key(Family::Url, u)));
        rest = std::borrow::Cow::Owned(blanked);
    }
    if features.numbers {
        out.extend(numbers(&rest, lang).iter().map(|n| key(Family::Number, n)));
    }
    if features.names {
        out.extend(names(&rest).iter().map(|n| key(Family::Name, n)));
    }
    if features.punctuation {
        out.extend(punctuation(text).iter().map(|p| key(Family::Punct, p)));
    }
    if let Some(g) = glossary {
        out.extend(
            g.find(text, lang)
                .map(|i| key(Family::Glossary, &i.to_string())),
        );
    }
    out.sort_unstable();
    out
}

/// Characters that wrap a URL in running text and are not part of it.
fn is_wrapper(c: char) -> bool {
    matches!(
        c,
        '(' | ')' | '[' | ']' | '<' | '>' | '"' | '\'' | ',' | '.' | ';' | ':' | '!' | '?'
    ) || matches!(c, '“' | '”' | '‘' | '’' | '«' | '»')
}

/// URLs and e-mail addresses (compared exactly, case-folded), and `text` with them
/// replaced by spaces so that their digits and capitals are not read as numbers or names.
pub(crate) fn urls(text: &str) -> (Vec<String>, String) {
    let mut found = Vec::new();
    let mut blanked = String::with_capacity(text.len());
    for chunk in split_keep_space(text) {
        let word = chunk.trim_matches(is_wrapper);
        let is_url = word.contains("://") || word.to_ascii_lowercase().starts_with("www.");
        let is_mail = match word.split_once('@') {
            Some((local, domain)) => {
                !local.is_empty()
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
                    && !domain.contains('@')
            }
            None => false,
        };
        if (is_url || is_mail) && word.len() > 4 {
            found.push(word.trim_end_matches('/').to_lowercase());
            blanked.extend(std::iter::repeat_n(' ', chunk.chars().count()));
        } else {
            blanked.push_str(chunk);
        }
    }
    (found, blanked)
}

/// The text cut into runs of white space and runs of anything else, in order.
fn split_keep_space(text: &str) -> impl Iterator<Item = &str> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = text.get(pos..).filter(|r| !r.is_empty())?;
        let first_space = rest.chars().next().is_some_and(char::is_whitespace);
        let len = rest
            .char_indices()
            .find(|(_, c)| c.is_whitespace() != first_space)
            .map_or(rest.len(), |(i, _)| i);
        pos += len;
        Some(&rest[..len])
    })
}

/// One word of a sentence as the number reader sees it.
struct Word<'a> {
    raw: &'a str,
    /// Folded (lower case, no diacritics).
    folded: String,
    digit: bool,
}

const EN_MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const EN_MONTHS_SHORT: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn en_month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    let at = |list: &[&str]| list.iter().position(|m| *m == w);
    at(EN_MONTHS)
        .or_else(|| at(EN_MONTHS_SHORT))
        .or_else(|| (w == "sept").then_some(8))
        .map(|i| i as u32 + 1)
}

/// Scale words after a number: `2 million` = `2 triệu`.
fn scale(word: &str, lang: Lang) -> Option<f64> {
    match (lang, word) {
        (Lang::En, "hundred") | (Lang::Vi, "tram") => Some(1e2),
        (Lang::En, "thousand") | (Lang::Vi, "nghin" | "ngan") => Some(1e3),
        (Lang::En, "million") | (Lang::Vi, "trieu") => Some(1e6),
        (Lang::En, "billion" | "bn") | (Lang::Vi, "ty" | "ti") => Some(1e9),
        (Lang::En, "trillion") => Some(1e12),
        _ => None,
    }
}

/// Spelled small numbers, read only before a scale word (`one thousand` = `một nghìn`),
/// where `năm` (five / year) and `sáu` (six / after) are not ambiguous.
fn spelled(word: &str, lang: Lang) -> Option<f64> {
    let list: &[&str] = match lang {
        Lang::En => &[
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        ],
        Lang::Vi => &[
            "mot", "hai", "ba", "bon", "nam", "sau", "bay", "tam", "chin", "muoi",
        ],
    };
    list.iter()
        .position(|w| *w == word)
        .map(|i| i as f64 + 1.0)
        .or_else(|| (lang == Lang::En && word == "a").then_some(1.0))
}

/// The canonical form of a number written in `lang`'s convention: English `1,200.5`,
/// Vietnamese `1.200,5`. A language's thousands separator counts as one only before groups
/// of exactly three digits; any other separator is the decimal mark, so the Vietnamese
/// `3.5` written the English way still reads 3.5.
pub(crate) fn number_value(raw: &str, lang: Lang) -> Option<f64> {
    let thousands = match lang {
        Lang::En => ',',
        Lang::Vi => '.',
    };
    let decimal = match lang {
        Lang::En => '.',
        Lang::Vi => ',',
    };
    let groups: Vec<&str> = raw.split(thousands).collect();
    let last = groups.len() - 1;
    // `1,234,567.5`: a head of 1-3 digits, then groups of exactly three digits, the last
    // of which may carry the decimal part.
    let grouped = last > 0
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().enumerate().all(|(i, g)| {
            let digits = if i + 1 == last {
                g.split(decimal).next().unwrap_or(g)
            } else {
                g
            };
            digits.len() == 3
        });
    let mut plain = String::with_capacity(raw.len());
    if grouped {
        for c in raw.chars() {
            if c == thousands {
                continue;
            }
            plain.push(if c == ',' || c == '.' { '.' } else { c });
        }
    } else {
        plain.extend(raw.chars().map(|c| if c == ',' { '.' } else { c }));
    }
    // More than one decimal mark: not a number we understand.
    if plain.matches('.').count() > 1 {
        return None;
    }
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn canonical(v: f64) -> String {
    let r = (v * 1e4).round() / 1e4;
    format!("n{r}")
}

/// Number, date and time anchors of a sentence in `lang`.
///
/// - Plain numbers in the language's convention, times a scale word if one follows
///   (`3.5 billion` = `3,5 tỷ`), spelled `one thousand` = `một nghìn`.
/// - Times `11:12` = `11h12` (with `pm` read as 12 hours later).
/// - Dates: day and month together as one anchor (`November 27` = `27/11` = `ngày 27
///   tháng 11`), the month alone as one (`November` = `tháng 11`), the year as a plain
///   number, so `November 27, 2019` = `27/11/2019` = `ngày 27 tháng 11 năm 2019` and
///   partial dates still share what they have.
pub(crate) fn numbers(text: &str, lang: Lang) -> Vec<String> {
    let words: Vec<Word> = tokens(text)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| {
            let raw = &text[t.range];
            Word {
                raw,
                folded: if raw.is_ascii() {
                    raw.to_ascii_lowercase()
                } else {
                    fold(raw)
                },
                digit: raw.starts_with(|c: char| c.is_ascii_digit()),
            }
        })
        .collect();
    let mut out = Vec::new();
    let small = |w: &Word, max: u32| -> Option<u32> {
        if w.digit && w.raw.len() <= 2 && w.raw.bytes().all(|b| b.is_ascii_digit()) {
            w.raw.parse::<u32>().ok().filter(|v| (1..=max).contains(v))
        } else {
            None
        }
    };
    let mut i = 0;
    while i < words.len() {
        let w = &words[i];
        let next = words.get(i + 1);
        // English month names: `November 27`, `27 November`, `November 2019`.
        if lang == Lang::En
            && let Some(m) = en_month(&w.folded)
        {
            // `may` is a month only next to a number, or capitalized.
            let capital = w.raw.starts_with(|c: char| c.is_uppercase());
            if let Some(d) = next.and_then(|n| small(n, 31)) {
                out.push(format!("d{d}-{m}"));
                i += 2;
                continue;
            }
            if capital && (m != 5 || next.is_some_and(|n| n.digit)) {
                out.push(format!("m{m}"));
            }
            i += 1;
            continue;
        }
        if lang == Lang::En
            && let (Some(d), Some(m)) = (small(w, 31), next.and_then(|n| en_month(&n.folded)))
        {
            out.push(format!("d{d}-{m}"));
            i += 2;
            continue;
        }
        // Vietnamese `ngày 27 tháng 11`, `tháng 11`.
        if lang == Lang::Vi && w.folded == "ngay" {
            let day = next.and_then(|n| small(n, 31));
            let month = words
                .get(i + 2)
                .filter(|t| t.folded == "thang")
                .and_then(|_| words.get(i + 3))
                .and_then(|n| small(n, 12));
            if let (Some(d), Some(m)) = (day, month) {
                out.push(format!("d{d}-{m}"));
                i += 4;
                continue;
            }
        }
        if lang == Lang::Vi
            && w.folded == "thang"
            && let Some(m) = next.and_then(|n| small(n, 12))
        {
            out.push(format!("m{m}"));
            i += 2;
            continue;
        }
        if !w.digit {
            // Spelled number before a scale word.
            if let (Some(v), Some(s)) = (
                spelled(&w.folded, lang),
                next.and_then(|n| scale(&n.folded, lang)),
            ) {
                out.push(canonical(v * s));
                i += 2;
                continue;
            }
            i += 1;
            continue;
        }
        if let Some(time) = read_time(w.raw) {
            let (mut h, min) = time;
            if next.is_some_and(|n| matches!(n.folded.as_str(), "pm" | "p")) && h < 12 {
                h += 12;
            }
            out.push(format!("t{h}:{min:02}"));
            i += 1;
            continue;
        }
        if w.raw.contains('/') {
            read_slashed(w.raw, &mut out);
            i += 1;
            continue;
        }
        if let Some(v) = number_value(w.raw, lang) {
            match next.and_then(|n| scale(&n.folded, lang)) {
                Some(s) => {
                    out.push(canonical(v * s));
                    i += 2;
                }
                None => {
                    out.push(canonical(v));
                    i += 1;
                }
            }
            continue;
        }
        // A word that starts with digits and goes on with letters (`19th`, `5G`): the
        // digits are the number.
        let digits: String = w.raw.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(v) = digits.parse::<f64>() {
            out.push(canonical(v));
        }
        i += 1;
    }
    out
}

/// `11:12` or `11h12` (Vietnamese) or `11h` → (hours, minutes).
fn read_time(raw: &str) -> Option<(u32, u32)> {
    let (h, m) = raw.split_once(':').or_else(|| raw.split_once(['h', 'H']))?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(h) || h.len() > 2 || !(m.is_empty() || (all_digits(m) && m.len() == 2)) {
        return None;
    }
    let h: u32 = h.parse().ok()?;
    let m: u32 = if m.is_empty() { 0 } else { m.parse().ok()? };
    (h < 24 && m < 60).then_some((h, m))
}

/// `27/11/2019`, `27/11`, `11/2019`; the US `11/27/2019` when the middle part cannot be a
/// month.
fn read_slashed(raw: &str, out: &mut Vec<String>) {
    let parts: Vec<u32> = raw.split('/').filter_map(|p| p.parse().ok()).collect();
    if parts.len() != raw.split('/').count() {
        return;
    }
    let day_month = |a: u32, b: u32| -> Option<(u32, u32)> {
        if (1..=31).contains(&a) && (1..=12).contains(&b) {
            Some((a, b))
        } else if (1..=12).contains(&a) && (13..=31).contains(&b) {
            Some((b, a))
        } else {
            None
        }
    };
    match parts[..] {
        [a, b, y] => match day_month(a, b) {
            Some((d, m)) => {
                out.push(format!("d{d}-{m}"));
                out.push(canonical(f64::from(y)));
            }
            None => out.extend(parts.iter().map(|&p| canonical(f64::from(p)))),
        },
        [m, y] if (1..=12).contains(&m) && y >= 1000 => {
            out.push(format!("m{m}"));
            out.push(canonical(f64::from(y)));
        }
        [a, b] => match day_month(a, b) {
            Some((d, m)) => out.push(format!("d{d}-{m}")),
            None => out.extend(parts.iter().map(|&p| canonical(f64::from(p)))),
        },
        _ => out.extend(parts.iter().map(|&p| canonical(f64::from(p)))),
    }
}

/// Name and acronym anchors, compared without diacritics or case: every capitalized word
/// but the sentence's first (which English and Vietnamese capitalize anyway) unless it is
/// an acronym or starts a run of capitalized words, plus each pair of adjacent capitalized
/// words run together, so `Vietnam` = `Việt Nam`.
pub(crate) fn names(text: &str) -> Vec<String> {
    let words: Vec<&str> = tokens(text)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| &text[t.range])
        .collect();
    let capital =
        |w: &str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() >= 2;
    let acronym = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    let mut out = Vec::new();
    let mut previous: Option<String> = None;
    for (i, w) in words.iter().enumerate() {
        if !capital(w) {
            previous = None;
            continue;
        }
        let folded = fold(w);
        let first_alone = i == 0 && !acronym(w) && !words.get(1).is_some_and(|n| capital(n));
        if !first_alone {
            out.push(folded.clone());
        }
        if let Some(p) = &previous {
            out.push(format!("{p}{folded}"));
        }
        previous = Some(folded);
    }
    out
}

/// Question marks, exclamation marks, quotations and parentheses: a question stays a
/// question and a quotation stays quoted in translation.
pub(crate) fn punctuation(text: &str) -> Vec<&'static str> {
    let mut out = Vec::new();
    let mut quotes = 0usize;
    for c in text.chars() {
        match c {
            '?' => out.push("?"),
            '!' => out.push("!"),
            '(' => out.push("("),
            '"' | '“' | '”' | '«' | '»' | '„' => quotes += 1,
            _ => {}
        }
    }
    // One anchor per quotation: a pair of marks, or a lone mark of a quote that spans
    // sentences.
    out.extend(std::iter::repeat_n("\"", quotes.div_ceil(2)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same_numbers(en: &str, vi: &str) {
        let (mut a, mut b) = (numbers(en, Lang::En), numbers(vi, Lang::Vi));
        a.sort();
        b.sort();
        assert_eq!(a, b, "{en:?} vs {vi:?}");
        assert!(!a.is_empty());
    }

    #[test]
    fn numbers_across_locales() {
        same_numbers("1,200 people", "1.200 người");
        same_numbers("3.5 percent", "3,5 phần trăm");
        same_numbers("grew 3.5%", "tăng 3.5%");
        same_numbers("at 11:12 am", "lúc 11h12");
        same_numbers("at 11:12", "lúc 11:12");
        same_numbers("at 2:30 pm", "lúc 14h30");
        same_numbers(
            "On November 27, 2019, in Hanoi",
            "Ngày 27/11/2019, tại Hà Nội",
        );
        same_numbers("On November 27, 2019", "ngày 27 tháng 11 năm 2019");
        same_numbers("on 27 November 2019", "ngày 27/11/2019");
        same_numbers("in November 2019", "tháng 11/2019");
        same_numbers("in November 2019", "tháng 11 năm 2019");
        same_numbers("more than one thousand guests", "hơn một nghìn khách mời");
        same_numbers("1,000 guests", "một nghìn khách");
        same_numbers("VND 3.5 billion", "3,5 tỷ đồng");
        same_numbers("2 million", "2 triệu");
        same_numbers("1,234,567.5", "1.234.567,5");
        assert_eq!(numbers("In 2018, 11 codes", Lang::En), ["n2018", "n11"]);
        // `may` the verb is no month; text without numbers has none.
        assert!(numbers("we may go", Lang::En).is_empty());
        assert!(numbers("Không có số", Lang::Vi).is_empty());
        assert_ne!(numbers("1.200", Lang::En), numbers("1.200", Lang::Vi));
    }

    #[test]
    fn number_values() {
        assert_eq!(number_value("1,200", Lang::En), Some(1200.0));
        assert_eq!(number_value("1.200", Lang::Vi), Some(1200.0));
        assert_eq!(number_value("3,5", Lang::Vi), Some(3.5));
        assert_eq!(number_value("3.5", Lang::Vi), Some(3.5));
        assert_eq!(number_value("1.234,5", Lang::Vi), Some(1234.5));
        assert_eq!(number_value("1.2.3", Lang::En), None);
    }

    #[test]
    fn names_without_diacritics() {
        let en = names("Deputy Minister Nguyen Thanh Hung met ASEAN delegates.");
        let vi = names("Thứ trưởng Nguyễn Thanh Hùng gặp đại biểu ASEAN.");
        for n in [
            "nguyen",
            "thanh",
            "hung",
            "asean",
            "nguyenthanh",
            "thanhhung",
        ] {
            assert!(en.contains(&n.to_string()), "{n} in {en:?}");
            assert!(vi.contains(&n.to_string()), "{n} in {vi:?}");
        }
        // `Vietnam` = `Việt Nam`, and a lone sentence-initial word is no name.
        assert!(names("Tại Việt Nam").contains(&"vietnam".to_string()));
        assert!(names("In Vietnam").contains(&"vietnam".to_string()));
        assert!(!names("Currently we wait").contains(&"currently".to_string()));
        assert!(names("ASEAN agreed").contains(&"asean".to_string()));
    }

    #[test]
    fn urls_and_mail() {
        let (found, blanked) = urls("See https://mic.gov.vn/news/1234, or mail info@mic.gov.vn.");
        assert_eq!(found, ["https://mic.gov.vn/news/1234", "info@mic.gov.vn"]);
        assert!(!blanked.contains("1234"));
        assert_eq!(
            blanked.len(),
            "See https://mic.gov.vn/news/1234, or mail info@mic.gov.vn.".len()
        );
        let (vi, _) = urls("Xem (https://mic.gov.vn/news/1234/).");
        assert_eq!(vi, ["https://mic.gov.vn/news/1234"]);
        assert_eq!(urls("www.Example.com").0, ["www.example.com"]);
        assert!(urls("a @ b, x@y").0.is_empty());
    }

    #[test]
    fn punctuation_marks() {
        assert_eq!(punctuation("Why \"this\"?"), ["?", "\""]);
        assert_eq!(punctuation("Tại sao “cái này”?"), ["?", "\""]);
        assert!(punctuation("the region's view").is_empty());
    }

    #[test]
    fn extract_respects_features() {
        let all = Features::default();
        let none = Features {
            numbers: false,
            names: false,
            urls: false,
            punctuation: false,
            ..all
        };
        let text = "Is ASEAN at https://asean.org in 2019?";
        assert!(extract(text, Lang::En, &none, None).is_empty());
        let keys = extract(text, Lang::En, &all, None);
        assert!(keys.windows(2).all(|w| w[0] <= w[1]));
        let families: Vec<Family> = keys.iter().map(|&k| Family::of(k)).collect();
        for f in [Family::Number, Family::Name, Family::Url, Family::Punct] {
            assert!(families.contains(&f), "{f:?}");
        }
    }
}
