//! Anchors: things a sentence and its translation share whatever the language — numbers,
//! dates and times, names and acronyms, URLs and e-mail addresses, question marks and
//! quotes.
//!
//! The aligner keys them ([`numbers`], [`urls`], [`names`], [`punctuation`] give canonical
//! forms); the cross-language checks (`drift::checks`) need more than a key:
//! [`read_numbers_in`] returns each number, date and time as a [`Quantity`] with the byte
//! span of the words it was read from, and [`read_urls`] each address with its span.
//! [`Key`] folds a word for comparison with key words without allocating.

use std::ops::Range;

use crate::text::normalize::fold;

use crate::text::Lang;
use crate::text::tokens::{TokenKind, tokens};

/// Characters that wrap a URL in running text and are not part of it.
fn is_wrapper(c: char) -> bool {
    matches!(
        c,
        '(' | ')' | '[' | ']' | '<' | '>' | '"' | '\'' | ',' | '.' | ';' | ':' | '!' | '?'
    ) || matches!(c, '“' | '”' | '‘' | '’' | '«' | '»')
}

/// A URL or e-mail address found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UrlReading {
    /// The address as written, without the punctuation that wraps it in running text
    /// (`(`, `.`, quotes…).
    pub raw: String,
    /// Byte range of `raw` in the text.
    pub span: Range<usize>,
}

/// URLs and e-mail addresses as written, and `text` with every whitespace-separated
/// chunk that holds one replaced by spaces (as many as the chunk has bytes, so byte
/// offsets into the blanked text are offsets into `text`), so that their digits and
/// capitals are not read as numbers or names.
pub(crate) fn read_urls(text: &str) -> (Vec<UrlReading>, String) {
    // Most sentences hold no address: every one has `://`, `@` or starts with `www.`.
    let www = text
        .as_bytes()
        .windows(4)
        .any(|w| w.eq_ignore_ascii_case(b"www."));
    if !www && !text.contains('@') && !text.contains("://") {
        return (Vec::new(), text.to_string());
    }
    let mut found = Vec::new();
    let mut blanked = String::with_capacity(text.len());
    let mut at = 0;
    for chunk in split_keep_space(text) {
        let start = at;
        at += chunk.len();
        let word = chunk.trim_matches(is_wrapper);
        let is_url = word.contains("://")
            || word
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("www."));
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
            let lead = chunk.len() - chunk.trim_start_matches(is_wrapper).len();
            found.push(UrlReading {
                raw: word.to_string(),
                span: start + lead..start + lead + word.len(),
            });
            blanked.extend(std::iter::repeat_n(' ', chunk.len()));
        } else {
            blanked.push_str(chunk);
        }
    }
    (found, blanked)
}

/// URLs and e-mail addresses (compared exactly, case-folded, without a trailing `/`),
/// and `text` with them replaced by spaces (see [`read_urls`]).
pub(crate) fn urls(text: &str) -> (Vec<String>, String) {
    let (found, blanked) = read_urls(text);
    let keys = found
        .iter()
        .map(|u| u.raw.trim_end_matches('/').to_lowercase())
        .collect();
    (keys, blanked)
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
#[derive(Debug, Clone)]
pub(crate) struct Word<'a> {
    pub raw: &'a str,
    /// Folded (lower case, no diacritics) for comparison with the reader's key words.
    pub folded: Key,
    /// Starts with an ASCII digit.
    pub digit: bool,
    /// Byte range in the text.
    pub range: Range<usize>,
}

/// A word folded like [`fold`] for comparison with ASCII key words (`ngay`, `thang`,
/// `million`, `pm`…), held inline: [`Key::as_str`] is `fold(word)` whenever that is ASCII
/// of at most [`Key::CAPACITY`] bytes, and empty otherwise (no key word is empty, none is
/// that long, and none has a letter outside ASCII), so comparing it with a key word gives
/// what comparing `fold(word)` would, without allocating.
#[derive(Clone, Copy)]
pub(crate) struct Key {
    buf: [u8; Key::CAPACITY],
    len: u8,
}

impl Key {
    pub const CAPACITY: usize = 24;

    const EMPTY: Key = Key {
        buf: [0; Key::CAPACITY],
        len: 0,
    };

    pub fn of(word: &str) -> Key {
        let mut key = Key::EMPTY;
        for c in word.chars() {
            let b = if c.is_ascii() {
                c.to_ascii_lowercase() as u8
            } else {
                match Key::fold_char(c) {
                    Folded::Letter(b) => b,
                    Folded::Dropped => continue,
                    Folded::Other => return Key::EMPTY,
                }
            };
            if usize::from(key.len) == Key::CAPACITY {
                return Key::EMPTY;
            }
            key.buf[usize::from(key.len)] = b;
            key.len += 1;
        }
        key
    }

    /// What [`fold`] makes of a non-ASCII character, looked up in a table for the Latin
    /// letters (where Vietnamese lives) and worked out for the rest.
    fn fold_char(c: char) -> Folded {
        static LATIN: std::sync::OnceLock<Vec<Folded>> = std::sync::OnceLock::new();
        const RANGES: [std::ops::RangeInclusive<u32>; 2] = [0xC0..=0x24F, 0x1E00..=0x1EFF];
        let table = LATIN.get_or_init(|| {
            RANGES
                .iter()
                .flat_map(|r| r.clone())
                .map(|u| char::from_u32(u).map_or(Folded::Other, Key::fold_char_slow))
                .collect()
        });
        let u = u32::from(c);
        let mut offset = 0;
        for r in &RANGES {
            if r.contains(&u) {
                return table[(offset + u - r.start()) as usize];
            }
            offset += r.end() - r.start() + 1;
        }
        Key::fold_char_slow(c)
    }

    fn fold_char_slow(c: char) -> Folded {
        use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
        if matches!(c, 'đ' | 'Đ' | 'ð' | 'Ð') {
            return Folded::Letter(b'd');
        }
        // `fold` decomposes, keeps the ASCII base and drops the marks of class above 1;
        // anything else it keeps is outside ASCII.
        let mut letter = None;
        let mut other = false;
        decompose_canonical(c, |d| {
            if d.is_ascii() && letter.is_none() {
                letter = Some(d.to_ascii_lowercase() as u8);
            } else if d.is_ascii() || canonical_combining_class(d) <= 1 {
                other = true;
            }
        });
        match (letter, other) {
            (_, true) => Folded::Other,
            (Some(b), false) => Folded::Letter(b),
            (None, false) => Folded::Dropped,
        }
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII bytes are pushed.
        std::str::from_utf8(&self.buf[..usize::from(self.len)]).unwrap_or("")
    }
}

/// What folding makes of one character.
#[derive(Debug, Clone, Copy)]
enum Folded {
    /// An ASCII character (lower case).
    Letter(u8),
    /// Nothing: a mark that folding drops.
    Dropped,
    /// Something outside ASCII.
    Other,
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl PartialEq<&str> for Key {
    fn eq(&self, other: &&str) -> bool {
        &self.buf[..usize::from(self.len)] == other.as_bytes()
    }
}

/// The words (not punctuation) of `text` as the number reader sees them.
pub(crate) fn number_words(text: &str) -> Vec<Word<'_>> {
    tokens(text)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| {
            let raw = &text[t.range.clone()];
            Word {
                raw,
                folded: Key::of(raw),
                digit: raw.starts_with(|c: char| c.is_ascii_digit()),
                range: t.range,
            }
        })
        .collect()
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

pub(crate) fn en_month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.');
    let at = |list: &[&str]| list.iter().position(|m| *m == w);
    at(EN_MONTHS)
        .or_else(|| at(EN_MONTHS_SHORT))
        .or_else(|| (w == "sept").then_some(8))
        .map(|i| i as u32 + 1)
}

/// Scale words after a number: `2 million` = `2 triệu`.
pub(crate) fn scale(word: &str, lang: Lang) -> Option<f64> {
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

/// What a number reading means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Quantity {
    /// A plain number, times its scale word if one follows (`3.5 billion` = 3.5e9). Years
    /// are plain numbers here.
    Number(f64),
    /// A day of a month (`November 27`, `27/11`, `ngày 27 tháng 11`).
    DayMonth { day: u32, month: u32 },
    /// A month without a day (`November`, `tháng 11`, the `11` of `11/2019`).
    Month(u32),
    /// A time of day, 24-hour (`2:30 pm` = `14h30`).
    Time { hour: u32, minute: u32 },
}

impl Quantity {
    /// The aligner's canonical key: `n1200`, `d27-11`, `m11`, `t14:30`.
    pub(crate) fn key(&self) -> String {
        match *self {
            Quantity::Number(v) => canonical(v),
            Quantity::DayMonth { day, month } => format!("d{day}-{month}"),
            Quantity::Month(m) => format!("m{m}"),
            Quantity::Time { hour, minute } => format!("t{hour}:{minute:02}"),
        }
    }
}

/// One number, date or time read from a text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Reading {
    pub quantity: Quantity,
    /// Byte range in the text of the words read: from the first (`November`, `ngày`,
    /// `3.5`) to the last (`27`, `11`, `billion`). Readings of one word (`27/11/2019`
    /// gives a day-month and a year) share its span.
    pub span: Range<usize>,
}

/// Number, date and time anchors of a sentence in `lang` (see [`read_numbers_in`]), as the
/// aligner's canonical keys, with weekdays and months said in words (`Tuesday` = `thứ
/// Ba` = `w2`, `March` = `tháng Ba` = `m3`).
pub(crate) fn numbers(text: &str, lang: Lang) -> Vec<String> {
    let words = number_words(text);
    let calendar = calendar_words(&words, lang);
    // The numbers read inside a weekday or a month name (`Ba` in `thứ Ba`) give way to it,
    // as in the number check: read as a 3, Tuesday would be content the English lacks.
    let inside = |span: &Range<usize>| {
        calendar
            .iter()
            .any(|(c, _)| c.start <= span.start && span.end <= c.end)
    };
    let mut keys: Vec<String> = read_numbers_in(&words, lang)
        .iter()
        .filter(|r| !inside(&r.span))
        .map(|r| r.quantity.key())
        .collect();
    keys.extend(calendar.into_iter().map(|(_, key)| key));
    keys
}

/// Weekdays and months said in words, from the world knowledge's calendar, with their
/// spans: an English weekday capitalized (`Tuesday`), a Vietnamese weekday by its name
/// (`thứ Ba`, `Chủ nhật`; lower-case `thứ hai` is also `second` and stays a number) and a
/// Vietnamese month in words (`tháng Ba`, `tháng Mười Một`). English months are read with
/// the numbers.
fn calendar_words(words: &[Word], lang: Lang) -> Vec<(Range<usize>, String)> {
    use crate::text::world::calendar;
    let raws: Vec<&str> = words.iter().map(|w| w.raw).collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < words.len() {
        let capital = words[k].raw.starts_with(char::is_uppercase);
        let found = match lang {
            Lang::En => calendar::en_weekday(words[k].raw)
                .filter(|_| capital)
                .map(|d| (format!("w{d}"), 1)),
            Lang::Vi => match calendar::vi_weekday(&raws[k..]) {
                Some((d, n, calendar::Written::Name)) => Some((format!("w{d}"), n)),
                Some(_) => None,
                None => calendar::vi_month(&raws[k..]).map(|(m, n)| (Quantity::Month(m).key(), n)),
            },
        };
        match found {
            Some((key, n)) => {
                out.push((words[k].range.start..words[k + n - 1].range.end, key));
                k += n;
            }
            None => k += 1,
        }
    }
    out
}

/// Number, date and time readings of a sentence in `lang`, in text order.
///
/// - Plain numbers in the language's convention, times a scale word if one follows
///   (`3.5 billion` = `3,5 tỷ`), spelled `one thousand` = `một nghìn`.
/// - Times `11:12` = `11h12` (with `pm` read as 12 hours later).
/// - Dates: day and month together as one anchor (`November 27` = `27/11` = `ngày 27
///   tháng 11`), the month alone as one (`November` = `tháng 11`), the year as a plain
///   number, so `November 27, 2019` = `27/11/2019` = `ngày 27 tháng 11 năm 2019` and
///   partial dates still share what they have.
///
/// Over the words of a text (see [`number_words`]).
pub(crate) fn read_numbers_in(words: &[Word], lang: Lang) -> Vec<Reading> {
    let mut out = Vec::new();
    // The span from word `a` to word `b` (inclusive).
    let span = |a: usize, b: usize| words[a].range.start..words[b].range.end;
    let mut push = |quantity: Quantity, span: Range<usize>| out.push(Reading { quantity, span });
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
            && let Some(m) = en_month(w.folded.as_str())
        {
            // `may` is a month only next to a number, or capitalized.
            let capital = w.raw.starts_with(|c: char| c.is_uppercase());
            if let Some(d) = next.and_then(|n| small(n, 31)) {
                push(Quantity::DayMonth { day: d, month: m }, span(i, i + 1));
                i += 2;
                continue;
            }
            if capital && (m != 5 || next.is_some_and(|n| n.digit)) {
                push(Quantity::Month(m), span(i, i));
            }
            i += 1;
            continue;
        }
        if lang == Lang::En
            && let (Some(d), Some(m)) =
                (small(w, 31), next.and_then(|n| en_month(n.folded.as_str())))
        {
            push(Quantity::DayMonth { day: d, month: m }, span(i, i + 1));
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
                push(Quantity::DayMonth { day: d, month: m }, span(i, i + 3));
                i += 4;
                continue;
            }
        }
        if lang == Lang::Vi
            && w.folded == "thang"
            && let Some(m) = next.and_then(|n| small(n, 12))
        {
            push(Quantity::Month(m), span(i, i + 1));
            i += 2;
            continue;
        }
        if !w.digit {
            // Numbers in words (`mười hai`, `hai mươi lăm`, `twenty-five`, `one million`),
            // read by the world knowledge's number words.
            // `the first half of the year` is `nửa đầu năm`: a part, no quantity in
            // Vietnamese.
            let part = lang == Lang::En
                && w.folded == "half"
                && i > 0
                && matches!(
                    words[i - 1].folded.as_str(),
                    "first" | "second" | "last" | "latter" | "other"
                );
            if !part && crate::text::world::number_words::may_start(w.folded.as_str()) {
                let lower: Vec<String> = words[i..]
                    .iter()
                    .take_while(|x| {
                        crate::text::world::number_words::may_continue(x.folded.as_str())
                    })
                    .take(12)
                    .map(|x| x.raw.to_lowercase())
                    .collect();
                let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
                let spelled = match lang {
                    Lang::Vi => crate::text::world::number_words::vi_number(&lower),
                    Lang::En => crate::text::world::number_words::en_number(&lower),
                };
                if let Some(n) = spelled {
                    push(Quantity::Number(n.value), span(i, i + n.words - 1));
                    i += n.words;
                    continue;
                }
            }
            // Spelled number before a scale word.
            if let (Some(v), Some(s)) = (
                spelled(w.folded.as_str(), lang),
                next.and_then(|n| scale(n.folded.as_str(), lang)),
            ) {
                push(Quantity::Number(v * s), span(i, i + 1));
                i += 2;
                continue;
            }
            i += 1;
            continue;
        }
        // Vietnamese `N giờ` is an hour of the clock or a number of hours (`3 giờ 12 phút`
        // = `3 hours and 12 minutes`): a time only when it says which part of the day
        // (`9 giờ sáng`, `2 giờ 30 chiều`) or follows `lúc` (at), as `at 9:00 a.m.` does.
        if lang == Lang::Vi
            && let Some((time, last)) = vi_clock(words, i)
        {
            push(time, span(i, last));
            i = last + 1;
            continue;
        }
        if let Some(time) = read_time(w.raw) {
            let (mut h, min) = time;
            if next.is_some_and(|n| matches!(n.folded.as_str(), "pm" | "p")) && h < 12 {
                h += 12;
            }
            push(
                Quantity::Time {
                    hour: h,
                    minute: min,
                },
                span(i, i),
            );
            i += 1;
            continue;
        }
        if w.raw.contains('/') {
            for quantity in read_slashed(w.raw) {
                push(quantity, span(i, i));
            }
            i += 1;
            continue;
        }
        if let Some(v) = number_value(w.raw, lang) {
            match next.and_then(|n| scale(n.folded.as_str(), lang)) {
                Some(s) => {
                    push(Quantity::Number(v * s), span(i, i + 1));
                    i += 2;
                }
                None => {
                    push(Quantity::Number(v), span(i, i));
                    i += 1;
                }
            }
            continue;
        }
        // A word that starts with digits and goes on with letters (`19th`, `5G`): the
        // digits are the number.
        let digits: String = w.raw.chars().take_while(char::is_ascii_digit).collect();
        if let Ok(v) = digits.parse::<f64>() {
            push(Quantity::Number(v), span(i, i));
        }
        i += 1;
    }
    out
}

/// The time said by Vietnamese `N giờ [M [phút]]` at word `i` when it is a clock reading:
/// followed by a part of the day or after `lúc`; the time and the index of its last word.
fn vi_clock(words: &[Word], i: usize) -> Option<(Quantity, usize)> {
    let number = |w: &Word, max: u32| -> Option<u32> {
        (w.digit && w.raw.len() <= 2 && w.raw.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.raw.parse::<u32>().ok())
            .flatten()
            .filter(|v| *v <= max)
    };
    let hour = number(&words[i], 24)?;
    if words.get(i + 1)?.folded != "gio" {
        return None;
    }
    let (mut minute, mut last) = (0, i + 1);
    if let Some(m) = words.get(last + 1).and_then(|w| number(w, 59)) {
        minute = m;
        last += 1;
        if words.get(last + 1).is_some_and(|w| w.folded == "phut") {
            last += 1;
        }
    }
    let daypart = words
        .get(last + 1)
        .and_then(|w| crate::text::world::calendar::vi_daypart(hour, w.folded.as_str()));
    let at = i > 0 && words[i - 1].folded == "luc";
    let hour = match daypart {
        Some(h) => {
            last += 1;
            h
        }
        None if at && hour < 24 => hour,
        None => return None,
    };
    Some((Quantity::Time { hour, minute }, last))
}

/// `11:12` or `11h12` (Vietnamese) or `11h` → (hours, minutes).
pub(crate) fn read_time(raw: &str) -> Option<(u32, u32)> {
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
fn read_slashed(raw: &str) -> Vec<Quantity> {
    let parts: Vec<u32> = raw.split('/').filter_map(|p| p.parse().ok()).collect();
    if parts.len() != raw.split('/').count() {
        return Vec::new();
    }
    let number = |p: &u32| Quantity::Number(f64::from(*p));
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
            Some((day, month)) => vec![
                Quantity::DayMonth { day, month },
                Quantity::Number(f64::from(y)),
            ],
            None => parts.iter().map(number).collect(),
        },
        [m, y] if (1..=12).contains(&m) && y >= 1000 => {
            vec![Quantity::Month(m), Quantity::Number(f64::from(y))]
        }
        [a, b] => match day_month(a, b) {
            Some((day, month)) => vec![Quantity::DayMonth { day, month }],
            None => parts.iter().map(number).collect(),
        },
        _ => parts.iter().map(number).collect(),
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

    fn read_numbers(text: &str, lang: Lang) -> Vec<Reading> {
        read_numbers_in(&number_words(text), lang)
    }

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

    /// `Key::of` is `fold` wherever that gives short ASCII, for every character of the
    /// Basic Multilingual Plane alone and after a letter.
    #[test]
    fn keys_are_folds() {
        for c in (0..=0xFFFFu32).filter_map(char::from_u32) {
            for text in [c.to_string(), format!("a{c}"), format!("{c}{c}")] {
                let folded = fold(&text);
                let expected = if folded.is_ascii() && folded.len() <= Key::CAPACITY {
                    folded.as_str()
                } else {
                    ""
                };
                assert_eq!(Key::of(&text).as_str(), expected, "{:?}", text);
            }
        }
        assert_eq!(Key::of("NGÀY"), "ngay");
        assert_eq!(Key::of("nga\u{300}y"), "ngay");
        assert_eq!(Key::of("Đồng"), "dong");
        assert_eq!(Key::of("abcdefghijklmnopqrstuvwxyz"), "");
    }

    #[test]
    fn readings_carry_their_spans() {
        let text = "On November 27, 2019 at 2:30 pm, 3.5 billion and 27/11/2019.";
        let read: Vec<(String, &str)> = read_numbers(text, Lang::En)
            .iter()
            .map(|r| (r.quantity.key(), &text[r.span.clone()]))
            .collect();
        assert_eq!(
            read,
            [
                ("d27-11".to_string(), "November 27"),
                ("n2019".to_string(), "2019"),
                ("t14:30".to_string(), "2:30"),
                ("n3500000000".to_string(), "3.5 billion"),
                ("d27-11".to_string(), "27/11/2019"),
                ("n2019".to_string(), "27/11/2019"),
            ]
        );
        let vi = "ngày 27 tháng 11 năm 2019";
        let spans: Vec<&str> = read_numbers(vi, Lang::Vi)
            .iter()
            .map(|r| &vi[r.span.clone()])
            .collect();
        assert_eq!(spans, ["ngày 27 tháng 11", "2019"]);
        let (found, blanked) = read_urls("Xem “https://x.vn/đường”.");
        assert_eq!(found[0].raw, "https://x.vn/đường");
        assert_eq!(
            &"Xem “https://x.vn/đường”."[found[0].span.clone()],
            "https://x.vn/đường"
        );
        assert_eq!(blanked.len(), "Xem “https://x.vn/đường”.".len());
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

    /// Issue 10: `The water began to fall on Tuesday.` = `Nước bắt đầu rút vào thứ Ba.`:
    /// a weekday, not the number 3; months in words are months.
    #[test]
    fn weekdays_and_months_in_words_are_calendar_anchors() {
        same_numbers("on Tuesday", "vào thứ Ba");
        same_numbers("on Sunday", "vào Chủ nhật");
        same_numbers("in March", "vào tháng Ba");
        same_numbers("in November 2025", "vào tháng Mười Một năm 2025");
        // Lower-case `thứ hai`, `thứ ba` are also ordinals: numbers.
        assert_eq!(numbers("xếp thứ hai và thứ ba", Lang::Vi), ["n2", "n3"]);
    }

    /// Issue 10: `both starting at 9:00 a.m.` = `Cả hai đều bắt đầu lúc 9 giờ sáng.`; a
    /// number of hours stays a number.
    #[test]
    fn vietnamese_clock_readings_are_times() {
        same_numbers("at 9:00 a.m.", "lúc 9 giờ sáng");
        same_numbers("at 9:00", "lúc 9 giờ");
        same_numbers("at 2:30 p.m.", "lúc 2 giờ 30 phút chiều");
        same_numbers("after 3 hours and 12 minutes", "sau 3 giờ 12 phút");
        same_numbers("within 24 hours", "trong vòng 24 giờ");
    }

    #[test]
    fn punctuation_marks() {
        assert_eq!(punctuation("Why \"this\"?"), ["?", "\""]);
        assert_eq!(punctuation("Tại sao “cái này”?"), ["?", "\""]);
        assert!(punctuation("the region's view").is_empty());
    }
}
