//! Months, weekdays and the times of day said in words, from CLDR (`data/calendar.tsv`):
//! English `Monday` = Vietnamese `thứ Hai` (weekday 1, Monday first as in ISO 8601),
//! `March` = `tháng Ba` = `tháng 3`, `noon` = `12:00`, `midnight` = `0:00`.
//!
//! CLDR names the Vietnamese weekdays `Thứ Hai` … `Thứ Bảy`, `Chủ Nhật` and the months
//! `tháng 1` … `tháng 12`; news also writes the number of either in words (`tháng Ba`,
//! `tháng Mười Một`) or in digits (`thứ 2`), read here with [`super::number_words`], and
//! the months `tháng Giêng` (January) and `tháng Chạp` (December).

use std::sync::OnceLock;

use super::number_words::vi_number;
use super::{names, rows};

const DATA: &str = include_str!("data/calendar.tsv");

struct Calendar {
    /// English names (lower case) of each month, January first.
    en_months: Vec<(String, u32)>,
    /// English weekday names (lower case, wide forms only: `sun`, `sat` are words).
    en_weekdays: Vec<(String, u32)>,
    /// The abbreviated forms (`mon`, `sat`), read only where nothing else is meant.
    en_weekdays_abbreviated: Vec<(String, u32)>,
    /// Vietnamese weekday names as words (lower case): `["thứ", "hai"]`.
    vi_weekdays: Vec<(Vec<String>, u32)>,
    /// English words for a time of day and its hour: `noon`, `midnight`.
    en_periods: Vec<(String, u32)>,
    /// Vietnamese words for the same times, as words: `["nửa", "đêm"]` (the CLDR `trưa`
    /// for noon is also the whole midday, so it is kept apart, see [`vi_time_words`]).
    vi_periods: Vec<(Vec<String>, u32)>,
}

fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(|| {
        let mut c = Calendar {
            en_months: Vec::new(),
            en_weekdays: Vec::new(),
            en_weekdays_abbreviated: Vec::new(),
            vi_weekdays: Vec::new(),
            en_periods: Vec::new(),
            vi_periods: Vec::new(),
        };
        for row in rows(DATA) {
            let Some(n) = row.get(1).and_then(|n| n.parse::<u32>().ok()) else {
                continue;
            };
            let lower_words =
                |s: &str| -> Vec<String> { s.split(' ').map(str::to_lowercase).collect() };
            match row[0] {
                "month" => {
                    for name in names(row.get(2)) {
                        c.en_months.push((name.to_lowercase(), n));
                    }
                }
                "weekday" => {
                    let mut english = names(row.get(2));
                    if let Some(wide) = english.next() {
                        c.en_weekdays.push((wide.to_lowercase(), n));
                    }
                    for short in english {
                        c.en_weekdays_abbreviated.push((short.to_lowercase(), n));
                    }
                    for name in names(row.get(3)) {
                        let words = lower_words(name);
                        if !c.vi_weekdays.iter().any(|(w, _)| *w == words) {
                            c.vi_weekdays.push((words, n));
                        }
                    }
                }
                "period" => {
                    for name in names(row.get(2)) {
                        c.en_periods.push((name.to_lowercase(), n));
                    }
                    for name in names(row.get(3)) {
                        c.vi_periods.push((lower_words(name), n));
                    }
                }
                _ => {}
            }
        }
        c
    })
}

/// The month (1-12) an English word names (`March`, `Mar`), any case.
pub fn en_month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    calendar()
        .en_months
        .iter()
        .find(|(m, _)| *m == w)
        .map(|(_, n)| *n)
}

/// The weekday (1 = Monday … 7 = Sunday) an English word names in full (`Monday`).
pub fn en_weekday(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    calendar()
        .en_weekdays
        .iter()
        .find(|(d, _)| *d == w)
        .map(|(_, n)| *n)
}

/// The weekday an abbreviated English name gives (`Mon`, `Sat`), any case: a calendar's
/// column heading, but also a word (`sat`, `sun`), so callers only let it explain a
/// Vietnamese weekday, never report it missing.
pub fn en_weekday_abbreviated(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    calendar()
        .en_weekdays_abbreviated
        .iter()
        .find(|(d, _)| *d == w)
        .map(|(_, n)| *n)
}

/// The time (hour, minute) an English word says (`noon`, `midnight`; `midday` too, the
/// other English word for noon).
pub fn en_time_word(word: &str) -> Option<(u32, u32)> {
    let w = word.to_lowercase();
    if w == "midday" {
        return Some((12, 0));
    }
    calendar()
        .en_periods
        .iter()
        .find(|(p, _)| *p == w)
        .map(|(_, h)| (*h, 0))
}

/// The 24-hour hour of `hour` said with a Vietnamese part of the day (`word` folded, no
/// diacritics: `sang`, `trua`, `chieu`, `toi`, `dem`): `2 giờ chiều` is 14, `12 giờ đêm` 0.
pub fn vi_daypart(hour: u32, word: &str) -> Option<u32> {
    Some(match word {
        "sang" => hour,
        "trua" if (1..=2).contains(&hour) => hour + 12,
        "trua" => hour,
        "chieu" | "toi" if hour < 12 => hour + 12,
        "chieu" | "toi" => hour,
        "dem" if (6..12).contains(&hour) => hour + 12,
        // `12 giờ đêm` is midnight.
        "dem" if hour == 12 => 0,
        "dem" => hour,
        _ => return None,
    })
}

/// The times of day Vietnamese says in words at the start of `words` (lower case):
/// `nửa đêm` (midnight), and `trưa` / `giữa trưa` (noon, also midday in general, which is
/// why callers treat it as a loose reading): ((hour, minute), words).
pub fn vi_time_words(words: &[&str]) -> Option<((u32, u32), usize)> {
    for (name, hour) in &calendar().vi_periods {
        // `Nửa đêm` starts a label or a sentence as often as `nửa đêm` sits inside one.
        if name.len() <= words.len() && name.iter().zip(words).all(|(a, b)| *a == b.to_lowercase())
        {
            return Some(((*hour, 0), name.len()));
        }
    }
    None
}

/// How a Vietnamese weekday or month was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A CLDR name, its number in words capitalized (`thứ Hai`, `Chủ nhật`, `tháng Ba`):
    /// only a weekday or a month.
    Name,
    /// In digits (`thứ 2`) or in lower-case words (`thứ hai`), which is also an ordinal
    /// (`thứ hai`, second): the number it also stands for.
    Ambiguous(u32),
}

/// The weekday written at the start of `raw` (the words as written): (weekday 1-7, words,
/// how). `thứ Hai` is Monday (weekday 1): Vietnamese counts Sunday as the first day, so
/// the number said is the weekday plus one.
pub fn vi_weekday(raw: &[&str]) -> Option<(u32, usize, Written)> {
    let lower: Vec<String> = raw.iter().take(2).map(|w| w.to_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    for (name, n) in &calendar().vi_weekdays {
        if name.len() <= lower.len() && name.iter().zip(&lower).all(|(a, b)| a == b) {
            let number = raw.get(1).copied().unwrap_or("");
            let written = if number.starts_with(char::is_uppercase) || name[0] != "thứ" {
                Written::Name
            } else {
                Written::Ambiguous(n + 1)
            };
            return Some((*n, name.len(), written));
        }
    }
    // `thứ 2` … `thứ 7`.
    if lower.first() == Some(&"thứ")
        && let Some(d) = raw.get(1).and_then(|d| d.parse::<u32>().ok())
        && (2..=7).contains(&d)
    {
        return Some((d - 1, 2, Written::Ambiguous(d)));
    }
    None
}

/// The month written at the start of `raw` in words (`tháng Ba`, `tháng Mười Một`,
/// `tháng Giêng`, `tháng Chạp`): (month, words). Digits (`tháng 3`) are read with the
/// other numbers; a number in lower-case words after `tháng` is not read (`tháng năm`
/// is also "months and years").
pub fn vi_month(raw: &[&str]) -> Option<(u32, usize)> {
    if raw.first().map(|w| w.to_lowercase()).as_deref() != Some("tháng") {
        return None;
    }
    let next = raw.get(1)?;
    match next.to_lowercase().as_str() {
        "giêng" => return Some((1, 2)),
        "chạp" => return Some((12, 2)),
        _ => {}
    }
    if !next.starts_with(char::is_uppercase) {
        return None;
    }
    let lower: Vec<String> = raw[1..].iter().take(3).map(|w| w.to_lowercase()).collect();
    let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
    // `tháng Năm` (May) and `tháng Tư` (April): capitalized, these are month names.
    let (value, words) = match lower[0] {
        "năm" => (5.0, 1),
        "tư" => (4.0, 1),
        "một" => (1.0, 1),
        _ => {
            let s = vi_number(&lower)?;
            (s.value, s.words)
        }
    };
    (value.fract() == 0.0 && (1.0..=12.0).contains(&value)).then_some((value as u32, words + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        text.split(' ').collect()
    }

    #[test]
    fn english_calendar_words_from_cldr() {
        assert_eq!(en_month("October"), Some(10));
        assert_eq!(en_month("Sept."), None);
        assert_eq!(en_weekday("Monday"), Some(1));
        assert_eq!(en_weekday("Sunday"), Some(7));
        assert_eq!(en_weekday("Sun"), None);
        assert_eq!(en_time_word("noon"), Some((12, 0)));
        assert_eq!(en_time_word("Midnight"), Some((0, 0)));
    }

    #[test]
    fn vietnamese_weekdays() {
        assert_eq!(
            vi_weekday(&words("thứ Hai tới")),
            Some((1, 2, Written::Name))
        );
        assert_eq!(vi_weekday(&words("Thứ Ba")), Some((2, 2, Written::Name)));
        assert_eq!(vi_weekday(&words("Chủ nhật")), Some((7, 2, Written::Name)));
        assert_eq!(
            vi_weekday(&words("thứ hai")),
            Some((1, 2, Written::Ambiguous(2)))
        );
        assert_eq!(
            vi_weekday(&words("thứ 7")),
            Some((6, 2, Written::Ambiguous(7)))
        );
        assert_eq!(vi_weekday(&words("thứ tự")), None);
    }

    #[test]
    fn vietnamese_months_in_words() {
        assert_eq!(vi_month(&words("tháng Ba năm nay")), Some((3, 2)));
        assert_eq!(vi_month(&words("tháng Mười")), Some((10, 2)));
        assert_eq!(vi_month(&words("tháng Mười Một")), Some((11, 3)));
        assert_eq!(vi_month(&words("tháng Mười Hai")), Some((12, 3)));
        assert_eq!(vi_month(&words("tháng Giêng")), Some((1, 2)));
        assert_eq!(vi_month(&words("tháng Năm")), Some((5, 2)));
        assert_eq!(vi_month(&words("tháng Tư")), Some((4, 2)));
        assert_eq!(vi_month(&words("tháng năm")), None);
        assert_eq!(vi_month(&words("tháng 3")), None);
    }
}
