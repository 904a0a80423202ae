//! The `number`, `date` and `time` checks: what the English counts, dates and times, the
//! Vietnamese must count, date and time the same, each side read in its own convention.
//!
//! Both sides are read by the aligner's reader ([`read_numbers_in`]), then completed here:
//!
//! - A date takes its year along (`November 27, 2019`, `27/11/2019`, `ngày 27 tháng 11
//!   năm 2019`, `tháng 11/2019`); a year inside a date is checked as part of the date, and
//!   matches the same year written alone on the other side (`in 2019` / `năm 2019`).
//!   `November 27th` and `the 27th of November` are days too, and a day joined to a date
//!   by a range word takes its month (`June 5 to 7` = `ngày 5 đến 7/6` = `5-7/6`).
//! - Times take their `am` / `pm` (`11:12 am` = `11:12`, `2:30 pm` = `14h30`, `2 pm` =
//!   `14h`, `12:30 am` = `0:30`) and Vietnamese times their part of the day (`2 giờ
//!   chiều` = `14:00`, `11 giờ đêm` = `23:00`). Vietnamese `19 giờ`, `8h`, `8h30` may be
//!   a time or a duration (`19 giờ` = `19 hours`, `3 giờ 12 phút` = `3 hours and 12
//!   minutes`): either reading is accepted.
//! - Numbers take every scale word (`2 nghìn tỷ` = `2 trillion`) and a suffix (`2bn`,
//!   `3.5km`). A Vietnamese scale word is checked with its diacritics, since the reader
//!   folds them away (`3 ngân hàng`, three banks, is not 3,000). A number with one
//!   separator before three digits (`1,200`, `1.200`) is ambiguous between the two
//!   conventions when a side writes it the other language's way, and either reading is
//!   accepted.
//! - Roman numerals of ranks are numbers (`lần thứ XIV` = `14th`, `quý IV` = `Q4`).
//! - Letters with digits (`G20`, `H5N1`) must be written the same on both sides.
//!
//! Comparison is by value, as sets: a value written twice on one side and once on the
//! other is not reported. A whole number from 1 to 99 written in digits on one side and
//! spelled on the other (`three ministers` / `3 bộ trưởng`, `second` / `thứ 2`,
//! `Fourteen people` / `14 người`, `twenty-five` / `hai mươi lăm`) is accepted. Spelled
//! numbers are otherwise not read (`one` is also a pronoun, `năm` also means year),
//! except before a scale word (`one thousand` = `1.000`).
//!
//! When exactly one value of a family is missing and one is extra, they are reported
//! together as one that differs (`check-number-differs`: `1,000` / `1.200`).

use std::ops::Range;

use super::{Side, Sink};
use crate::drift::report::{Explanation, Kind};
use crate::text::Lang;
use crate::text::anchors::{
    Quantity, Reading, Word, en_month, number_value, read_numbers_in, read_time, scale,
};
use crate::text::normalize::fold;
use crate::text::tokens::TokenKind;
use crate::text::world::{calendar, number_words};

/// One value an item stands for.
#[derive(Debug, Clone, PartialEq)]
enum Atom {
    Num(f64),
    DayMonth(u32, u32),
    Month(u32),
    Year(u32),
    Time(u32, u32),
    /// A day of the week, 1 = Monday (`Monday` = `thứ Hai`).
    Weekday(u32),
    /// Letters and digits (`g20`), folded.
    Code(String),
}

impl Atom {
    fn matches(&self, other: &Atom) -> bool {
        match (self, other) {
            (Atom::Num(a), Atom::Num(b)) => close(*a, *b),
            (Atom::Num(a), Atom::Year(y)) | (Atom::Year(y), Atom::Num(a)) => {
                close(*a, f64::from(*y))
            }
            _ => self == other,
        }
    }

    fn family(&self) -> Kind {
        match self {
            Atom::Num(_) | Atom::Code(_) => Kind::Number,
            Atom::DayMonth(..) | Atom::Month(_) | Atom::Year(_) | Atom::Weekday(_) => Kind::Date,
            Atom::Time(..) => Kind::Time,
        }
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// A number, date or time as written, with the readings it allows (the first is the
/// usual one).
#[derive(Debug, Clone)]
struct Item {
    span: Range<usize>,
    readings: Vec<Vec<Atom>>,
    /// A whole number from 1 to 99 written in digits and nothing else, which the other
    /// side may spell.
    small: Option<u32>,
    /// Words that are often no number, date or time (Vietnamese `hai bên` for `both
    /// sides`, `trưa` for the whole midday, `thứ hai` also "second"): they account for
    /// the other side, and are reported only beside a missing value of their family, as
    /// the value that differs.
    soft: bool,
}

impl Item {
    fn new(span: Range<usize>, atoms: Vec<Atom>) -> Item {
        Item {
            span,
            readings: vec![atoms],
            small: None,
            soft: false,
        }
    }
}

trait Digits {
    fn is_digits(&self) -> bool;
    /// All ASCII digits except the byte at `at`.
    fn is_digits_but(&self, at: usize) -> bool;
}

impl Digits for Word<'_> {
    fn is_digits(&self) -> bool {
        !self.raw.is_empty() && self.raw.bytes().all(|b| b.is_ascii_digit())
    }

    fn is_digits_but(&self, at: usize) -> bool {
        self.raw
            .bytes()
            .enumerate()
            .all(|(i, b)| i == at || b.is_ascii_digit())
    }
}

struct Reader<'a> {
    lang: Lang,
    text: &'a str,
    words: Vec<Word<'a>>,
}

impl<'a> Reader<'a> {
    fn new(side: &'a Side) -> Reader<'a> {
        let clean = side.clean();
        Reader {
            lang: side.lang,
            text: clean,
            words: side.words(),
        }
    }

    /// The index of the first word starting at or after byte `at`.
    fn word_from(&self, at: usize) -> usize {
        self.words.partition_point(|w| w.range.start < at)
    }

    fn word(&self, i: usize) -> Option<&Word<'a>> {
        self.words.get(i)
    }

    /// Whether the text from `a` to `b` joins a date and its year: blank, a comma, `năm`
    /// (Vietnamese) or `of` (English).
    fn year_gap(&self, a: usize, b: usize) -> bool {
        if a > b {
            return false;
        }
        if a == b {
            return true;
        }
        let gap = self.text[a..b].trim_matches(|c: char| c.is_whitespace() || c == ',');
        gap.is_empty()
            || match self.lang {
                Lang::Vi => fold(gap) == "nam",
                Lang::En => gap.eq_ignore_ascii_case("of"),
            }
    }
}

/// The value of a Roman numeral of `I`, `V` and `X` (1-39), as ranks are written.
fn roman(raw: &str) -> Option<u32> {
    const NUMERALS: [&str; 39] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI",
        "XXVII", "XXVIII", "XXIX", "XXX", "XXXI", "XXXII", "XXXIII", "XXXIV", "XXXV", "XXXVI",
        "XXXVII", "XXXVIII", "XXXIX",
    ];
    NUMERALS
        .iter()
        .position(|n| *n == raw)
        .map(|p| p as u32 + 1)
}

/// A four-digit year (1000-2999) written alone.
fn year(raw: &str, q: &Quantity) -> Option<u32> {
    match *q {
        Quantity::Number(v)
            if raw.len() == 4
                && raw.bytes().all(|b| b.is_ascii_digit())
                && (1000.0..3000.0).contains(&v) =>
        {
            Some(v as u32)
        }
        _ => None,
    }
}

/// `27th`, `1st`, `2nd`, `3rd` → the number.
fn ordinal(raw: &str) -> Option<u32> {
    let digits = raw.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &raw[digits.len()..];
    if digits.is_empty()
        || !matches!(
            suffix.to_ascii_lowercase().as_str(),
            "st" | "nd" | "rd" | "th"
        )
    {
        return None;
    }
    digits.parse().ok()
}

/// Whether words `i..` say `am` or `pm` (`am`, `a.m.`, `pm`, `p.m.`): `(is pm, words)`.
fn en_meridiem(r: &Reader, i: usize) -> Option<(bool, usize)> {
    let w = r.word(i)?;
    match w.folded.as_str() {
        "am" => Some((false, 1)),
        "pm" => Some((true, 1)),
        "a" | "p" if r.word(i + 1).is_some_and(|m| m.folded == "m") => Some((w.folded == "p", 2)),
        _ => None,
    }
}

/// The 24-hour hour of `hour` (1-12) `am` or `pm`.
fn twenty_four(hour: u32, pm: bool) -> u32 {
    match (pm, hour) {
        (false, 12) => 0,
        (true, 12) => 12,
        (true, h) => h + 12,
        (false, h) => h,
    }
}

/// The end of `am` / `a.m.` (`n` words from `at`), with the last dot of `a.m.`.
fn meridiem_end(r: &Reader, at: usize, n: usize) -> usize {
    let end = r.words[at + n - 1].range.end;
    if n == 2 && r.text[end..].starts_with('.') {
        end + 1
    } else {
        end
    }
}

fn items(r: &Reader) -> Vec<Item> {
    let readings = read_numbers_in(&r.words, r.lang);
    let mut out: Vec<Item> = Vec::new();
    let mut k = 0;
    while k < readings.len() {
        let reading = &readings[k];
        let next = readings.get(k + 1);
        let raw = &r.text[reading.span.clone()];
        k += 1;
        // English capitalizes month names: a lower-case one is a word (`version 3 may be
        // wrong`), and the number before it a number.
        if r.lang == Lang::En && lower_case_month(raw) {
            if let Quantity::DayMonth { day, .. } = reading.quantity {
                out.push(Item::new(
                    reading.span.clone(),
                    vec![Atom::Num(f64::from(day))],
                ));
            }
            if matches!(
                reading.quantity,
                Quantity::DayMonth { .. } | Quantity::Month(_)
            ) {
                continue;
            }
        }
        match reading.quantity {
            Quantity::DayMonth { day, month } => {
                let mut item = Item::new(reading.span.clone(), vec![Atom::DayMonth(day, month)]);
                k += take_year(r, &mut item, next);
                out.push(item);
            }
            Quantity::Month(month) => {
                let mut item = Item::new(reading.span.clone(), vec![Atom::Month(month)]);
                // `November 27th`.
                if r.lang == Lang::En
                    && let Some(n) = next
                    && let Some(day) =
                        ordinal(&r.text[n.span.clone()]).filter(|d| (1..=31).contains(d))
                    && r.text
                        .get(reading.span.end..n.span.start)
                        .is_some_and(|gap| gap.trim().is_empty())
                {
                    item.readings[0][0] = Atom::DayMonth(day, month);
                    item.span.end = n.span.end;
                    k += 1;
                }
                let next = readings.get(k);
                k += take_year(r, &mut item, next);
                out.push(item);
            }
            Quantity::Time { hour, minute } => {
                out.push(time_item(r, reading.span.clone(), hour, minute, raw))
            }
            Quantity::Number(value) => {
                // The reader folds diacritics away, so `ngân` (as in `ngân hàng`, bank)
                // passes for `ngàn` (thousand): check its scale word as written.
                let Some((value, span)) = scale_checked(r, value, reading.span.clone()) else {
                    continue;
                };
                let raw = &r.text[span.clone()];
                let reading = &Reading {
                    quantity: Quantity::Number(value),
                    span,
                };
                // `the 27th of November`.
                if r.lang == Lang::En
                    && let Some(day) = ordinal(raw).filter(|d| (1..=31).contains(d))
                    && let Some(n) = next
                    && let Quantity::Month(month) = n.quantity
                    && r.year_gap(reading.span.end, n.span.start)
                    && r.text
                        .get(reading.span.end..n.span.start)
                        .is_some_and(|gap| !gap.trim().is_empty())
                {
                    let mut item = Item::new(
                        reading.span.start..n.span.end,
                        vec![Atom::DayMonth(day, month)],
                    );
                    k += 1;
                    let next = readings.get(k);
                    k += take_year(r, &mut item, next);
                    out.push(item);
                    continue;
                }
                let (mut item, consumed) =
                    number_item(r, reading.span.clone(), value, next.map(|n| n.span.clone()));
                k += consumed;
                // A number in words: Vietnamese small ones and halves are often no count,
                // and a capitalized one inside an English sentence is part of a name (`Four
                // Seasons`), which the Vietnamese may keep.
                let first = r.word_from(reading.span.start);
                let in_words = r.word(first).is_some_and(|w| !w.digit);
                let in_name = r.lang == Lang::En
                    && first > 0
                    && r.words[first].raw.starts_with(char::is_uppercase)
                    && !r.text[r.words[first - 1].range.end..r.words[first].range.start]
                        .contains(['.', '!', '?', ':', '"', '“', '(']);
                item.soft = in_words
                    && ((r.lang == Lang::Vi && value < 100.0) || value.fract() != 0.0 || in_name);
                // `five months` = `năm tháng`: a small number in words is also found
                // spelled on the other side, as one in digits is.
                if in_words && value.fract() == 0.0 && (1.0..100.0).contains(&value) {
                    item.small.get_or_insert(value as u32);
                }
                out.push(item);
            }
        }
    }
    // Letters with digits: `G20`, `H5N1`; `Q2` is the second quarter (`quý II`). A
    // metavariable (`FILE1`, translated `TẬP_TIN1`) is a placeholder, not a code.
    for w in &r.words {
        if w.raw.starts_with(|c: char| c.is_alphabetic())
            && w.raw.bytes().any(|b| b.is_ascii_digit())
            && !super::names::is_metavariable(w.raw)
        {
            let quarter = w
                .raw
                .strip_prefix(['Q', 'q'])
                .and_then(|n| n.parse::<u32>().ok());
            let item = match quarter {
                Some(q @ 1..=4) => Item {
                    small: Some(q),
                    ..Item::new(w.range.clone(), vec![Atom::Num(f64::from(q))])
                },
                _ => Item::new(w.range.clone(), vec![Atom::Code(fold(w.raw))]),
            };
            out.push(item);
        }
    }
    date_ranges(r, &mut out);
    // Roman numerals: `World War II`, `quý IV`, `lần thứ XIV`; a single letter only after
    // a word that asks for a rank (`quý I`, `khóa X`).
    for (k, w) in r.words.iter().enumerate() {
        let Some(n) = roman(w.raw) else { continue };
        let ranked = k > 0
            && matches!(
                r.words[k - 1].folded.as_str(),
                "quy" | "thu" | "khoa" | "ky" | "lan" | "phase" | "part" | "chapter"
            );
        if w.raw.len() >= 2 || ranked {
            out.push(Item {
                small: Some(n),
                ..Item::new(w.range.clone(), vec![Atom::Num(f64::from(n))])
            });
        }
    }
    calendar_words(r, &mut out);
    out.sort_by_key(|i| i.span.start);
    out
}

/// Weekdays, months and times of day said in words, from the world knowledge's calendar:
/// `Monday` = `thứ Hai`, `tháng Ba` = `March`, `noon` = `12h00`. The numbers read inside
/// them (`Mười Một` in `tháng Mười Một`) give way to them.
fn calendar_words(r: &Reader, out: &mut Vec<Item>) {
    let raws: Vec<&str> = r.words.iter().map(|w| w.raw).collect();
    let mut found: Vec<Item> = Vec::new();
    let mut k = 0;
    while k < raws.len() {
        let w = &r.words[k];
        let capital = w.raw.starts_with(char::is_uppercase);
        let (item, words) = match r.lang {
            Lang::En => {
                if let Some(d) = calendar::en_weekday(w.raw).filter(|_| capital) {
                    (Item::new(w.range.clone(), vec![Atom::Weekday(d)]), 1)
                } else if let Some(d) = calendar::en_weekday_abbreviated(w.raw).filter(|_| capital)
                {
                    // `Mon` = `Thứ 2` in a calendar; `Sun` may be the star: it only explains.
                    let mut item = Item::new(w.range.clone(), vec![Atom::Weekday(d)]);
                    item.soft = true;
                    (item, 1)
                } else if let Some(m) = calendar::en_month(w.raw).filter(|_| {
                    (capital || r.words.len() == 1)
                        && !out
                            .iter()
                            .any(|o| o.span.start < w.range.end && w.range.start < o.span.end)
                }) {
                    // A month named alone (`May`, a date picker's `jan`), not in a date:
                    // `May` is also the modal verb, so it only explains `Tháng 5`.
                    let mut item = Item::new(w.range.clone(), vec![Atom::Month(m)]);
                    item.soft = true;
                    (item, 1)
                } else if let Some((h, m)) = calendar::en_time_word(w.raw) {
                    // `12 noon`: one time.
                    let start = match k.checked_sub(1).map(|p| &r.words[p]) {
                        Some(p) if p.raw == "12" || p.raw == "0" => p.range.start,
                        _ => w.range.start,
                    };
                    (Item::new(start..w.range.end, vec![Atom::Time(h, m)]), 1)
                } else {
                    k += 1;
                    continue;
                }
            }
            Lang::Vi => {
                if let Some(d) = calendar::en_weekday(w.raw).filter(|_| capital) {
                    // Kept in English inside a name (`Sunday Times`).
                    (Item::new(w.range.clone(), vec![Atom::Weekday(d)]), 1)
                } else if let Some((d, n, written)) = calendar::vi_weekday(&raws[k..]) {
                    let span = w.range.start..r.words[k + n - 1].range.end;
                    let mut item = Item::new(span, vec![Atom::Weekday(d)]);
                    if let calendar::Written::Ambiguous(number) = written {
                        item.readings.push(vec![Atom::Num(f64::from(number))]);
                        let digits = r.words[k + 1].digit;
                        item.small = digits.then_some(number);
                        item.soft = !digits;
                    }
                    (item, n)
                } else if let Some((m, n)) = calendar::vi_month(&raws[k..]) {
                    let span = w.range.start..r.words[k + n - 1].range.end;
                    (Item::new(span, vec![Atom::Month(m)]), n)
                } else if let Some(((h, m), n)) = calendar::vi_time_words(&raws[k..])
                    // `2 giờ trưa` is read with its hour.
                    && !k
                        .checked_sub(1)
                        .is_some_and(|p| r.words[p].folded == "gio" || r.words[p].digit)
                {
                    let span = w.range.start..r.words[k + n - 1].range.end;
                    let mut item = Item::new(span, vec![Atom::Time(h, m)]);
                    item.soft = true;
                    (item, n)
                } else {
                    k += 1;
                    continue;
                }
            }
        };
        k += words;
        found.push(item);
    }
    for item in found {
        out.retain(|o| !(item.span.start <= o.span.start && o.span.end <= item.span.end));
        out.push(item);
    }
}

/// The scale factor of a scale word, checked with its diacritics in Vietnamese.
fn scale_word(w: &Word, lang: Lang) -> Option<f64> {
    let factor = scale(w.folded.as_str(), lang)?;
    let written = lang == Lang::En
        || matches!(
            w.raw.to_lowercase().as_str(),
            "trăm" | "nghìn" | "ngàn" | "triệu" | "tỷ" | "tỉ"
        );
    written.then_some(factor)
}

/// A number reading whose scale words are really scale words: the reading as is, or
/// without a false scale word (`3 ngân hàng` is 3, not 3,000), or nothing when a spelled
/// number was read only for its false scale word (`ba ngân sách`).
fn scale_checked(r: &Reader, value: f64, span: Range<usize>) -> Option<(f64, Range<usize>)> {
    if r.lang == Lang::En {
        return Some((value, span));
    }
    let first = r.word_from(span.start);
    let last = r.word_from(span.end).saturating_sub(1);
    if last <= first {
        return Some((value, span));
    }
    let mut value = value;
    let mut end = span.end;
    for w in r.words[first + 1..=last].iter().rev() {
        if let Some(s) = scale(w.folded.as_str(), r.lang)
            && scale_word(w, r.lang).is_none()
        {
            if !r.words[first].digit {
                return None;
            }
            value /= s;
            end = r.words[first].range.end;
        }
    }
    Some((value, span.start..end))
}

/// A day number joined to a date by a range word takes the date's month as another
/// reading: `June 5 to 7`, `5-7 June`, `ngày 5 đến 7/6`, `từ ngày 5 đến ngày 7/6`.
fn date_ranges(r: &Reader, items: &mut [Item]) {
    items.sort_by_key(|i| i.span.start);
    let month = |item: &Item| match item.readings[0].first() {
        Some(Atom::DayMonth(_, m)) => Some(*m),
        _ => None,
    };
    let connects = |a: usize, b: usize| {
        a <= b && {
            let gap = fold(&r.text[a..b]);
            let mut words = gap
                .split(|c: char| c.is_whitespace())
                .filter(|w| !w.is_empty() && *w != "ngay");
            matches!(
                (words.next(), words.next()),
                (
                    Some(
                        "-" | "–"
                            | "—"
                            | "to"
                            | "and"
                            | "through"
                            | "until"
                            | "or"
                            | "&"
                            | "den"
                            | "toi"
                            | "va"
                            | "hoac"
                    ),
                    None
                )
            )
        }
    };
    for k in 0..items.len() {
        let day = match (&items[k].readings[..], items[k].small) {
            ([atoms], Some(d)) if atoms.len() == 1 && (1..=31).contains(&d) => d,
            _ => continue,
        };
        let before = k
            .checked_sub(1)
            .filter(|&p| connects(items[p].span.end, items[k].span.start))
            .and_then(|p| month(&items[p]));
        let after = items
            .get(k + 1)
            .filter(|n| connects(items[k].span.end, n.span.start))
            .and_then(month);
        if let Some(m) = before.or(after) {
            items[k].readings.push(vec![Atom::DayMonth(day, m)]);
        }
    }
}

/// Takes the year after a date into `item` if `next` is one; returns how many readings
/// it took (0 or 1).
fn take_year(r: &Reader, item: &mut Item, next: Option<&Reading>) -> usize {
    let Some(n) = next else { return 0 };
    // `27/11/2019` gives both readings from one word: any whole number of four digits
    // there is the year; after the date, a year written alone.
    let same_word = n.span.start < item.span.end;
    let y = match n.quantity {
        Quantity::Number(v) if same_word && v.fract() == 0.0 && (1000.0..3000.0).contains(&v) => {
            Some(v as u32)
        }
        _ => year(&r.text[n.span.clone()], &n.quantity),
    };
    let Some(y) = y else { return 0 };
    if same_word || r.year_gap(item.span.end, n.span.start) {
        item.readings[0].push(Atom::Year(y));
        item.span.end = item.span.end.max(n.span.end);
        1
    } else {
        0
    }
}

fn time_item(r: &Reader, span: Range<usize>, hour: u32, minute: u32, raw: &str) -> Item {
    let after = r.word_from(span.end);
    let mut item = Item::new(span.clone(), vec![]);
    let mut hour = hour;
    match r.lang {
        Lang::En => {
            if let Some((pm, n)) = en_meridiem(r, after) {
                if !pm && hour == 12 {
                    hour = 0;
                }
                item.span.end = meridiem_end(r, after, n);
            }
            item.readings = vec![vec![Atom::Time(hour, minute)]];
        }
        Lang::Vi => {
            if let Some(h) = r
                .word(after)
                .and_then(|w| calendar::vi_daypart(hour, w.folded.as_str()))
            {
                item.span.end = r.words[after].range.end;
                item.readings = vec![vec![Atom::Time(h, minute)]];
            } else if raw.contains(['h', 'H']) {
                // `8h` or `8h30`: a time or a duration.
                let mut duration = vec![Atom::Num(f64::from(hour))];
                if minute > 0 {
                    duration.push(Atom::Num(f64::from(minute)));
                } else if (1..=24).contains(&hour) {
                    item.small = Some(hour);
                }
                item.readings = vec![vec![Atom::Time(hour, minute)], duration];
            } else {
                item.readings = vec![vec![Atom::Time(hour, minute)]];
            }
        }
    }
    item
}

/// The item of a plain number reading, and how many more readings it took.
fn number_item(
    r: &Reader,
    span: Range<usize>,
    value: f64,
    next: Option<Range<usize>>,
) -> (Item, usize) {
    let first = r.word_from(span.start);
    let Some(w) = r.word(first) else {
        return (Item::new(span, vec![Atom::Num(value)]), 0);
    };
    let after = r.word_from(span.end);
    let whole = |v: f64| (v.fract() == 0.0 && (0.0..=24.0).contains(&v)).then_some(v as u32);

    // English `2 pm`, `2 a.m.`, `8 o'clock`.
    if r.lang == Lang::En
        && w.is_digits()
        && span.end == w.range.end
        && let Some(h) = whole(value).filter(|h| (1..=12).contains(h))
    {
        if let Some((pm, n)) = en_meridiem(r, after) {
            let end = meridiem_end(r, after, n);
            let time = Atom::Time(twenty_four(h, pm), 0);
            return (Item::new(span.start..end, vec![time]), 0);
        }
        if r.word(after).is_some_and(|x| {
            x.raw.eq_ignore_ascii_case("o'clock") || x.raw.eq_ignore_ascii_case("o’clock")
        }) {
            let end = r.words[after].range.end;
            return (Item::new(span.start..end, vec![Atom::Time(h, 0)]), 0);
        }
    }

    // Vietnamese `19 giờ`, `8 giờ 30 (phút)`, `2 giờ chiều`.
    if r.lang == Lang::Vi
        && w.is_digits()
        && span.end == w.range.end
        && let Some(h) = whole(value)
        && r.word(after).is_some_and(|x| x.folded == "gio")
    {
        let mut end = r.words[after].range.end;
        let mut i = after + 1;
        let mut minute = None;
        let mut consumed = 0;
        if let Some(m) = r.word(i).filter(|m| m.is_digits() && m.raw.len() <= 2) {
            let v: u32 = m.raw.parse().unwrap_or(60);
            if v < 60 {
                minute = Some(v);
                end = m.range.end;
                i += 1;
                if next.as_ref().is_some_and(|n| n.start == m.range.start) {
                    consumed = 1;
                }
                if let Some(p) = r.word(i).filter(|p| p.folded == "phut") {
                    end = p.range.end;
                    i += 1;
                }
            }
        }
        let daypart = r
            .word(i)
            .and_then(|d| calendar::vi_daypart(h, d.folded.as_str()));
        let time = Atom::Time(daypart.unwrap_or(h), minute.unwrap_or(0));
        let item = match daypart {
            Some(_) => Item::new(span.start..r.words[i].range.end, vec![time]),
            None => {
                let mut duration = vec![Atom::Num(value)];
                duration.extend(minute.map(|m| Atom::Num(f64::from(m))));
                let mut item = Item::new(span.start..end, vec![time]);
                if minute.is_none() && (1..=24).contains(&h) {
                    item.small = Some(h);
                }
                if h >= 24 {
                    item.readings = vec![duration];
                } else {
                    item.readings.push(duration);
                }
                item
            }
        };
        return (item, consumed);
    }

    // A suffix on the number word: `2pm`, `2:30pm`, `2.5bn`, `3.5km`, `27th`.
    let mut value = value;
    let mut end = span.end;
    if span.end == w.range.end && !w.is_digits() {
        let number = w
            .raw
            .trim_end_matches(|c: char| c.is_alphabetic() || c == '.' || c == '\'' || c == '’');
        let suffix = w.raw[number.len()..].to_ascii_lowercase();
        if r.lang == Lang::En && matches!(suffix.as_str(), "am" | "pm") {
            let (h, m) = read_time(number)
                .or_else(|| number.parse::<u32>().ok().map(|h| (h, 0)))
                .unwrap_or((24, 0));
            if (1..=12).contains(&h) {
                let hour = twenty_four(h, suffix == "pm");
                return (Item::new(span, vec![Atom::Time(hour, m)]), 0);
            }
        }
        if let Some(v) = number_value(number, r.lang) {
            let currency = r.text[..span.start].ends_with(['$', '€', '£', '₫']);
            let factor = match suffix.as_str() {
                "bn" | "b" if currency || suffix == "bn" => 1e9,
                "tn" | "trn" => 1e12,
                "mn" => 1e6,
                "m" if currency => 1e6,
                "k" if currency => 1e3,
                _ => 1.0,
            };
            value = v * factor;
        }
    }
    // Every further scale word: `2 nghìn tỷ`.
    let mut i = r.word_from(end);
    while let Some(s) = r.word(i).and_then(|x| scale_word(x, r.lang)) {
        value *= s;
        end = r.words[i].range.end;
        i += 1;
    }
    let mut item = Item::new(span.start..end, vec![Atom::Num(value)]);
    // `1,200` / `1.200`: the other convention's reading too.
    let bytes = w.raw.as_bytes();
    if bytes.len() >= 5
        && let Some(sep) = w.raw.find([',', '.'])
        && (1..=3).contains(&sep)
        && w.raw.len() - sep == 4
        && w.is_digits_but(sep)
    {
        let other = match r.lang {
            Lang::En => Lang::Vi,
            Lang::Vi => Lang::En,
        };
        if let (Some(mine), Some(theirs)) =
            (number_value(w.raw, r.lang), number_value(w.raw, other))
            && mine != 0.0
        {
            item.readings.push(vec![Atom::Num(value / mine * theirs)]);
        }
    }
    if w.is_digits() && end == w.range.end && (1.0..100.0).contains(&value) && value.fract() == 0.0
    {
        item.small = Some(value as u32);
    } else if let Some(n) = ordinal(w.raw).filter(|n| (1..100).contains(n)) {
        item.small = Some(n);
    }
    (item, 0)
}

/// The whole numbers 1-99 spelled in a text (`three`, `second`, `fourteen`,
/// `twenty-one`; `ba`, `thứ hai`, `mười lăm`, `hai mươi mốt`).
fn spelled(r: &Reader) -> [bool; 100] {
    let mut found = [false; 100];
    let mut previous: Option<u32> = None;
    for (i, w) in r.words.iter().enumerate() {
        let key = w.folded.as_str();
        let n = match r.lang {
            Lang::En => EN_SPELLED
                .iter()
                .position(|s| s.contains(&key))
                .map(|p| p as u32 + 1)
                .or_else(|| {
                    EN_TENS
                        .iter()
                        .position(|t| *t == key)
                        .map(|p| 10 * (p as u32 + 2))
                }),
            Lang::Vi => vi_spelled(r, i, previous),
        };
        // `twenty-one`, `hai mươi mốt`: the tens and the unit together.
        if let (Some(p), Some(n)) = (previous, n)
            && p >= 20
            && p % 10 == 0
            && n < 10
        {
            found[(p + n) as usize] = true;
        }
        // `mười lăm`: ten and a unit.
        if let (Some(10), Some(n)) = (previous, n)
            && n < 10
            && r.lang == Lang::Vi
        {
            found[(10 + n) as usize] = true;
        }
        if let Some(n) = n.filter(|n| *n < 100) {
            found[n as usize] = true;
        }
        previous = n;
    }
    found
}

/// The Vietnamese number word at `i`, if any (`mươi` after a unit makes tens: `hai
/// mươi`). Tones tell the numbers from other words: `ba` three, `bà` grandmother.
fn vi_spelled(r: &Reader, i: usize, previous: Option<u32>) -> Option<u32> {
    let w = &r.words[i];
    if !matches!(
        w.folded.as_str(),
        "mot"
            | "nhat"
            | "hai"
            | "ba"
            | "bon"
            | "tu"
            | "nam"
            | "sau"
            | "bay"
            | "tam"
            | "chin"
            | "muoi"
            | "lam"
            | "nham"
    ) {
        return None;
    }
    match w.raw.to_lowercase().as_str() {
        "một" | "nhất" => Some(1),
        "mốt" if previous.is_some_and(|p| p >= 20) => Some(1),
        "hai" => Some(2),
        "ba" => Some(3),
        "bốn" | "tư" => Some(4),
        "năm" if five(&r.words, i) => Some(5),
        "lăm" | "nhăm" if previous.is_some_and(|p| p >= 10) => Some(5),
        "sáu" => Some(6),
        "bảy" | "bẩy" => Some(7),
        "tám" => Some(8),
        "chín" => Some(9),
        "mười" => Some(10),
        "mươi" => previous.filter(|p| (2..10).contains(p)).map(|p| 10 * p),
        _ => None,
    }
}

const EN_SPELLED: [&[&str]; 19] = [
    &["one", "first", "single"],
    &["two", "second", "twice"],
    &["three", "third"],
    &["four", "fourth"],
    &["five", "fifth"],
    &["six", "sixth"],
    &["seven", "seventh"],
    &["eight", "eighth"],
    &["nine", "ninth"],
    &["ten", "tenth"],
    &["eleven", "eleventh"],
    &["twelve", "twelfth"],
    &["thirteen", "thirteenth"],
    &["fourteen", "fourteenth"],
    &["fifteen", "fifteenth"],
    &["sixteen", "sixteenth"],
    &["seventeen", "seventeenth"],
    &["eighteen", "eighteenth"],
    &["nineteen", "nineteenth"],
];

const EN_TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Whether `năm` at `i` is the number five rather than "year": not after a number or a
/// word that asks for a year (`hằng năm`, `cuối năm`), not before a year or a word that
/// qualifies one (`năm 2023`, `năm nay`, `năm ngoái`).
fn five(words: &[Word], i: usize) -> bool {
    const BEFORE_YEAR: &[&str] = &[
        "hang", "moi", "cuoi", "dau", "giua", "trong", "cac", "nhung", "nhieu", "cua", "ca",
        "tung", "sang",
    ];
    const AFTER_YEAR: &[&str] = &[
        "nay", "ngoai", "qua", "truoc", "sau", "toi", "hoc", "tai", "do", "nao", "ay", "moi", "ke",
    ];
    let Some(next) = words.get(i + 1) else {
        return false;
    };
    if next.digit || AFTER_YEAR.contains(&next.folded.as_str()) {
        return false;
    }
    match i.checked_sub(1).map(|p| &words[p]) {
        Some(p) => !p.digit && !BEFORE_YEAR.contains(&p.folded.as_str()),
        None => true,
    }
}

/// The reading of each item: the first whose atoms all match one of `support`, else the
/// usual one.
fn choose<'i>(items: &'i [Item], support: &[&[&[Atom]]]) -> Vec<&'i [Atom]> {
    items
        .iter()
        .map(|item| {
            support
                .iter()
                .find_map(|theirs| {
                    item.readings.iter().find(|atoms| {
                        atoms
                            .iter()
                            .all(|a| theirs.iter().any(|t| t.iter().any(|b| a.matches(b))))
                    })
                })
                .unwrap_or(&item.readings[0])
                .as_slice()
        })
        .collect()
}

/// Items of `ours` the other side does not account for, with the family to report them
/// under.
/// Whether an English reading holds a month name written in lower case.
fn lower_case_month(raw: &str) -> bool {
    raw.split(|c: char| !c.is_alphabetic())
        .any(|w| w.starts_with(char::is_lowercase) && en_month(w).is_some())
}

fn unmatched<'i>(
    ours: &'i [Item],
    our_atoms: &[&[Atom]],
    their_atoms: &[&[Atom]],
    their_spelled: &[bool; 100],
) -> Vec<(Kind, &'i Item)> {
    let mut out = Vec::new();
    for (item, atoms) in ours.iter().zip(our_atoms) {
        let found = atoms
            .iter()
            .all(|a| their_atoms.iter().any(|t| t.iter().any(|b| a.matches(b))));
        let excused = item.small.is_some_and(|n| their_spelled[n as usize]);
        if !found && !excused {
            let family = if atoms.iter().any(|a| a.family() == Kind::Time) {
                Kind::Time
            } else if atoms.iter().any(|a| a.family() == Kind::Date) {
                Kind::Date
            } else {
                Kind::Number
            };
            out.push((family, item));
        }
    }
    out
}

/// Whether a side may hold a number, a date or a time at all: a digit, a month name, a
/// scale word (`one thousand`, `một nghìn`) or a Roman numeral. Most sentences without
/// digits are settled by this scan alone.
fn may_count(side: &Side) -> bool {
    let clean = side.clean();
    clean.bytes().any(|b| b.is_ascii_digit())
        || side.tokens.iter().zip(&side.keys).any(|(t, k)| {
            let raw = &clean[t.range.clone()];
            let capital = raw.starts_with(|c: char| c.is_uppercase());
            t.kind == TokenKind::Word
                && (scale(k.as_str(), side.lang).is_some()
                    // Numbers, weekdays, months and times in words.
                    // (`a` is read only before a scale word, found above.)
                    || (number_words::may_start(k.as_str()) && k.as_str() != "a")
                    || matches!(k.as_str(), "thu" | "chu" | "thang" | "nua" | "trua")
                    || (capital && calendar::en_weekday(raw).is_some())
                    || calendar::en_time_word(raw).is_some()
                    // Months read without a number are capitalized.
                    || (capital && side.lang == Lang::En && en_month(k.as_str()).is_some())
                    || (capital && roman(raw).is_some()))
        })
}

pub(super) fn check(en: &Side, vi: &Side, sink: &mut Sink) {
    if !may_count(en) && !may_count(vi) {
        return;
    }
    let (re, rv) = (Reader::new(en), Reader::new(vi));
    let (e, v) = (items(&re), items(&rv));
    if e.is_empty() && v.is_empty() {
        return;
    }
    // The English reading that the usual Vietnamese one supports, else any Vietnamese
    // one; then the Vietnamese reading that the chosen English supports.
    let v_usual: Vec<&[Atom]> = v.iter().map(|i| i.readings[0].as_slice()).collect();
    let v_any: Vec<&[Atom]> = v
        .iter()
        .flat_map(|i| i.readings.iter().map(Vec::as_slice))
        .collect();
    let ea = choose(&e, &[&v_usual, &v_any]);
    let va = choose(&v, &[&ea]);
    let mut missing = unmatched(&e, &ea, &va, &spelled(&rv));
    let mut extra = unmatched(&v, &va, &ea, &spelled(&re));
    // Soft items are reported only as the value that differs from a missing one.
    let hard = |list: &[(Kind, &Item)], kind: Kind| list.iter().any(|(k, i)| *k == kind && !i.soft);
    let (hard_missing, hard_extra): (Vec<Kind>, Vec<Kind>) = (
        Kind::ALL
            .into_iter()
            .filter(|&k| hard(&missing, k))
            .collect(),
        Kind::ALL.into_iter().filter(|&k| hard(&extra, k)).collect(),
    );
    missing.retain(|(k, i)| !i.soft || hard_extra.contains(k));
    extra.retain(|(k, i)| !i.soft || hard_missing.contains(k));
    for kind in [Kind::Number, Kind::Date, Kind::Time] {
        if !sink.wants(kind) {
            continue;
        }
        let texts = |side: &Side, list: &[(Kind, &Item)]| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for (_, item) in list.iter().filter(|(k, _)| *k == kind) {
                let t = side.text[item.span.clone()].trim().to_string();
                if !out.contains(&t) {
                    out.push(t);
                }
            }
            out
        };
        let (m, x) = (texts(en, &missing), texts(vi, &extra));
        let (differs, missing_id, extra_id, arg) = match kind {
            Kind::Date => (
                "check-date-differs",
                "check-date-missing",
                "check-date-extra",
                "date",
            ),
            Kind::Time => (
                "check-time-differs",
                "check-time-missing",
                "check-time-extra",
                "time",
            ),
            _ => (
                "check-number-differs",
                "check-number-missing",
                "check-number-extra",
                "number",
            ),
        };
        // One problem, one finding: the numbers the Vietnamese lost and those it has
        // instead (`2, 3` → `5, 6`) are one difference, listed together.
        let (m, x) = (m.join(", "), x.join(", "));
        let explanation = match (m.is_empty(), x.is_empty()) {
            (false, false) => Explanation::new(differs).arg("en", m).arg("vi", x),
            (false, true) => Explanation::new(missing_id).arg(arg, m),
            (true, false) => Explanation::new(extra_id).arg(arg, x),
            (true, true) => continue,
        };
        sink.push(kind, explanation);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::checks::tests::{ids, run};
    use crate::text::anchors::number_words;

    fn quiet(en: &str, vi: &str) {
        let f = run(en, vi);
        let found: Vec<_> = f
            .iter()
            .filter(|f| matches!(f.kind, Kind::Number | Kind::Date | Kind::Time))
            .map(|f| (f.explanation.id, f.explanation.args.clone()))
            .collect();
        assert!(found.is_empty(), "{en:?} / {vi:?}: {found:?}");
    }

    #[test]
    fn equivalent_numbers() {
        quiet("1,200 people came.", "1.200 người đã đến.");
        quiet("It grew 3.5 percent.", "Nó tăng 3,5 phần trăm.");
        quiet("Up 50%.", "Tăng 50 %.");
        quiet("Up 50%.", "Tăng 50 phần trăm.");
        quiet("Up 17.5%.", "Tăng 17,5%.");
        quiet("It cost $2 million.", "Chi phí 2 triệu USD.");
        quiet("It cost $2 million.", "Chi phí 2 triệu đô la.");
        quiet("USD 2 million", "2 triệu USD");
        quiet("VND 3.5 billion", "3,5 tỷ đồng");
        quiet("VND 25,000 per delivery", "25.000 đồng mỗi lượt");
        quiet("It cost $2.5bn.", "Chi phí 2,5 tỷ USD.");
        quiet("2 trillion dong", "2 nghìn tỷ đồng");
        quiet("more than one thousand guests", "hơn 1.000 khách mời");
        quiet("more than 1,000 guests", "hơn một nghìn khách mời");
        quiet("1,234,567.5", "1.234.567,5");
        quiet("three ministers", "3 bộ trưởng");
        quiet("3 ministers", "ba bộ trưởng");
        quiet("the second quarter", "quý 2");
        quiet("in Q2 2023", "trong quý II/2023");
        quiet("Teams had six hours.", "Các đội có 6 giờ.");
        quiet("after 3 hours and 12 minutes", "sau 3 giờ 12 phút");
        quiet("within 24 hours", "trong vòng 24 giờ");
        quiet("within 24 hours", "trong vòng 24h");
        quiet("20 or 30 kilometres", "20, 30 km");
        quiet("a 3.5km road", "con đường dài 3,5 km");
        quiet("the G20 summit", "hội nghị G20");
        quiet("COVID-19 cases", "ca mắc COVID-19");
        quiet("the 19th congress", "đại hội lần thứ 19");
        // Written the English way in the Vietnamese: ambiguous, accepted.
        quiet("1,200 people", "1,200 người");
        quiet("No numbers here.", "Không có số nào.");
        quiet("Decision No. 1234/QD-BTTTT", "Quyết định số 1234/QĐ-BTTTT");
        quiet(
            "in the first five months of 2023",
            "trong 5 tháng đầu năm 2023",
        );
    }

    #[test]
    fn equivalent_dates_and_times() {
        quiet(
            "On November 27, 2019, in Hanoi",
            "Ngày 27/11/2019, tại Hà Nội",
        );
        quiet("On November 27, 2019", "ngày 27 tháng 11 năm 2019");
        quiet("on 27 November 2019", "ngày 27/11/2019");
        quiet("on November 27th", "ngày 27/11");
        quiet("on the 27th of November", "ngày 27 tháng 11");
        quiet("in November 2019", "tháng 11/2019");
        quiet("in November 2019", "vào tháng 11 năm 2019");
        quiet(
            "between October and December 2022",
            "từ tháng 10 đến tháng 12 năm 2022",
        );
        quiet("by 2025", "đến năm 2025");
        quiet("before April 15", "trước ngày 15/4");
        quiet("at 11:12 am", "lúc 11:12");
        quiet("at 11:12 am", "lúc 11h12");
        quiet("at 2:30 pm", "lúc 14h30");
        quiet("at 2:30 p.m.", "lúc 14:30");
        quiet("at 2 pm", "lúc 14h");
        quiet("at 2pm", "lúc 2 giờ chiều");
        quiet("at 7 pm", "lúc 19 giờ");
        quiet("at 11 pm", "lúc 11 giờ đêm");
        quiet("at 12:30 am", "lúc 0:30");
        quiet("at 8:30 a.m.", "lúc 8 giờ 30 phút sáng");
        quiet("from 7:30 a.m. to 5:00 p.m.", "từ 7h30 đến 17h00");
        quiet("June 22, 2023 | 9:40 am GMT+7", "22/6/2023 | 09:40 GMT+7");
        quiet("2019-11-27", "2019-11-27");
    }

    #[test]
    fn different_numbers() {
        let f = run("1,000 guests came.", "1.200 khách đã đến.");
        assert_eq!(ids(&f, Kind::Number), ["check-number-differs"]);
        assert_eq!(
            f[0].explanation.args,
            [("en", "1,000".to_string()), ("vi", "1.200".to_string())]
        );
        let f = run("It grew 3.5%.", "Nó tăng 35%.");
        assert_eq!(ids(&f, Kind::Number), ["check-number-differs"]);
        let f = run("12 teams and 7 hospitals", "12 đội");
        assert_eq!(ids(&f, Kind::Number), ["check-number-missing"]);
        assert_eq!(f[0].explanation.args, [("number", "7".to_string())]);
        // Two numbers the English lacks: one finding that lists both.
        let f = run("the teams", "12 đội và 40 bệnh viện");
        assert_eq!(ids(&f, Kind::Number), ["check-number-extra"]);
        assert_eq!(f[0].explanation.args, [("number", "12, 40".to_string())]);
        let f = run("$2 million", "2 tỷ USD");
        assert_eq!(ids(&f, Kind::Number), ["check-number-differs"]);
        // A small number is spelled on one side only if it is the same number.
        // (`three` is read, so both are said in one finding.)
        let f = run("three ministers", "4 bộ trưởng");
        assert_eq!(ids(&f, Kind::Number), ["check-number-differs"]);
        let f = run("the G20 summit", "hội nghị G7");
        assert_eq!(ids(&f, Kind::Number), ["check-number-differs"]);
    }

    #[test]
    fn different_dates_and_times() {
        let f = run("On November 27, 2019", "Ngày 27/11/2018");
        assert_eq!(ids(&f, Kind::Date), ["check-date-differs"]);
        assert_eq!(
            f[0].explanation.args,
            [
                ("en", "November 27, 2019".to_string()),
                ("vi", "27/11/2018".to_string())
            ]
        );
        // The year of a date is not also a number.
        assert!(ids(&f, Kind::Number).is_empty());
        let f = run("On November 27", "Ngày 28 tháng 11");
        assert_eq!(ids(&f, Kind::Date), ["check-date-differs"]);
        let f = run("in November", "trong tháng này");
        assert_eq!(ids(&f, Kind::Date), ["check-date-missing"]);
        let f = run("at 2:30 pm", "lúc 2h30");
        assert_eq!(ids(&f, Kind::Time), ["check-time-differs"]);
        let f = run("at 2:30 pm", "lúc 14h30 ngày 5/9");
        assert_eq!(ids(&f, Kind::Date), ["check-date-extra"]);
        let f = run("at 7 pm", "lúc 7 giờ sáng");
        assert_eq!(ids(&f, Kind::Time), ["check-time-differs"]);
        let f = run("The meeting is at 9:00.", "Cuộc họp bắt đầu.");
        assert_eq!(ids(&f, Kind::Time), ["check-time-missing"]);
    }

    #[test]
    fn spelled_five_is_not_a_year() {
        let five_at_1 = |text: &str| five(&number_words(text), 1);
        assert!(!five_at_1("trong năm 2023"));
        assert!(five_at_1("có năm đội"));
        assert!(!five_at_1("hằng năm đội"));
    }

    fn date_time_number(en: &str, vi: &str) -> Vec<(&'static str, Vec<(&'static str, String)>)> {
        run(en, vi)
            .into_iter()
            .filter(|f| matches!(f.kind, Kind::Number | Kind::Date | Kind::Time))
            .map(|f| (f.explanation.id, f.explanation.args))
            .collect()
    }

    #[test]
    fn weekday_translated_as_another_day() {
        let f = date_time_number("The flood hit on Monday.", "Lũ đổ về hôm thứ Ba.");
        assert_eq!(
            f,
            [(
                "check-date-differs",
                vec![("en", "Monday".to_string()), ("vi", "thứ Ba".to_string())]
            )]
        );
        quiet("The flood hit on Monday.", "Lũ đổ về hôm thứ Hai.");
        quiet("The flood hit on Monday.", "Lũ đổ về hôm thứ 2.");
        quiet("on Sunday", "vào Chủ nhật");
        quiet("on Saturday", "vào thứ bảy");
        // `thứ hai` is also "second".
        quiet("the second quarter", "quý thứ hai");
    }

    #[test]
    fn months_in_words_are_dates() {
        quiet("in March", "vào tháng Ba");
        quiet("in October", "vào tháng Mười");
        quiet("in November 2023", "vào tháng Mười Một năm 2023");
        quiet("in January", "vào tháng Giêng");
        let f = date_time_number("in March", "vào tháng Tư");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "check-date-differs");
    }

    #[test]
    fn noon_and_midnight_are_times() {
        quiet(
            "The talks start at noon.",
            "Cuộc đàm phán bắt đầu lúc 12h00.",
        );
        quiet(
            "The talks start at noon.",
            "Cuộc đàm phán bắt đầu vào buổi trưa.",
        );
        quiet("until midnight", "đến 0h");
        quiet("until midnight", "đến nửa đêm");
        quiet("until midnight", "đến 12 giờ đêm");
        // A label starts with a capital.
        quiet("Midnight", "Nửa đêm");
        let f = date_time_number(
            "The talks start at noon.",
            "Cuộc đàm phán bắt đầu lúc 14h00.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "check-time-differs");
    }

    #[test]
    fn months_named_alone_explain_but_never_accuse() {
        for (en, vi) in [
            ("May", "Tháng 5"),
            ("jan", "Tháng 1"),
            ("Dec", "Tháng Mười Hai"),
        ] {
            quiet(en, vi);
        }
        quiet("You may leave now.", "Bạn có thể rời đi.");
        // Not a label: a lower-case `may` explains no month.
        let f = date_time_number("You may go then.", "Bạn có thể đi vào tháng 5.");
        assert!(!f.is_empty(), "{f:?}");
    }

    #[test]
    fn a_small_number_in_words_is_found_spelled_on_the_other_side() {
        quiet(
            "It was delayed for five months.",
            "Dự án bị chậm năm tháng.",
        );
        let f = date_time_number("Twelve people were hurt.", "Mười người bị thương.");
        assert!(!f.is_empty(), "{f:?}");
    }

    #[test]
    fn zero_in_words_is_a_number() {
        quiet("Decimal with leading zero", "Thập phân bắt đầu bằng số 0");
    }

    #[test]
    fn abbreviated_weekdays_explain_but_never_accuse() {
        for (day, vi) in [("Mon", "Thứ 2"), ("Sat", "Thứ 7"), ("Sun", "Chủ nhật")] {
            quiet(day, vi);
        }
        // `Sun` the star: nothing to explain, nothing reported.
        quiet("The Sun rises.", "Mặt trời mọc.");
        // A wrong day is still a wrong day when the English says it in full.
        let f = date_time_number("Monday", "Thứ 3");
        assert!(!f.is_empty(), "{f:?}");
    }

    #[test]
    fn numbers_in_words() {
        let f = date_time_number("Twelve people were hurt.", "Mười người bị thương.");
        assert_eq!(
            f,
            [(
                "check-number-differs",
                vec![("en", "Twelve".to_string()), ("vi", "Mười".to_string())]
            )]
        );
        quiet("Twelve people were hurt.", "Mười hai người bị thương.");
        quiet("Twelve people were hurt.", "12 người bị thương.");
        quiet("twenty villages", "20 xã");
        quiet("twenty-five villages", "hai mươi lăm xã");
        quiet("half of the villages", "một nửa số xã");
        quiet("12,000 people", "mười hai nghìn người");
        quiet("2.5 million people", "hai triệu năm trăm nghìn người");
        // Words that are numbers elsewhere: the article, the year, `both`.
        quiet("A delegation came.", "Một đoàn đại biểu đã đến.");
        quiet("Both sides agreed.", "Hai bên đã đồng ý.");
        quiet("It invests this year.", "Năm nay nó đầu tư.");
        // Number words inside a name kept in English.
        quiet(
            "They met at the Four Seasons hotel.",
            "Họ gặp nhau ở khách sạn Four Seasons.",
        );
        quiet(
            "He writes for the Sunday Times.",
            "Ông viết cho tờ Sunday Times.",
        );
        let f = date_time_number("Twelve people were hurt.", "Nhiều người bị thương.");
        assert_eq!(f[0].0, "check-number-missing");
    }
}
