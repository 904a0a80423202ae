//! TMX dates: `YYYYMMDDThhmmssZ`, UTC (ISO 8601 basic), the form TMX 1.4b gives for
//! `creationdate`, `changedate` and `lastusagedate`; validated, written from a time, and
//! written in the ISO 8601 extended form (`YYYY-MM-DDThh:mm:ssZ`) that manifests and
//! acceptances record.

use std::time::{SystemTime, UNIX_EPOCH};

/// `YYYYMMDDThhmmssZ` with a real calendar date and time, as TMX 1.4b prescribes: exactly
/// 16 characters, `T` and `Z` in place, leap years counted, no leap second (the rule of
/// TMXValidator's `checkDate` and of OmegaT's date parser).
pub fn is_tmx_date(value: &str) -> bool {
    let b = value.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return false;
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let digits = b.get(range)?;
        digits.iter().try_fold(0u32, |acc, &d| {
            d.is_ascii_digit().then(|| acc * 10 + u32::from(d - b'0'))
        })
    };
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
        number(0..4),
        number(4..6),
        number(6..8),
        number(9..11),
        number(11..13),
        number(13..15),
    ) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day) && hour < 24 && minute < 60 && second < 60
}

/// `seconds` since the Unix epoch as `YYYYMMDDThhmmssZ`.
pub fn tmx_date(seconds: u64) -> String {
    Utc::from_seconds(seconds).format("", "")
}

/// The current time as TMX writes it: `YYYYMMDDThhmmssZ`, UTC.
pub fn tmx_date_now() -> String {
    tmx_date(seconds_since_epoch(SystemTime::now()))
}

/// `seconds` since the Unix epoch as `YYYY-MM-DDThh:mm:ssZ` (ISO 8601 extended, UTC).
pub fn iso8601(seconds: u64) -> String {
    Utc::from_seconds(seconds).format("-", ":")
}

/// A TMX date (`YYYYMMDDThhmmssZ`, see [`is_tmx_date`]) in the extended form
/// `YYYY-MM-DDThh:mm:ssZ`; `None` for anything else.
pub fn tmx_date_as_iso8601(value: &str) -> Option<String> {
    is_tmx_date(value).then(|| {
        let part = |range: std::ops::Range<usize>| &value[range];
        format!(
            "{}-{}-{}T{}:{}:{}Z",
            part(0..4),
            part(4..6),
            part(6..8),
            part(9..11),
            part(11..13),
            part(13..15)
        )
    })
}

/// The current time as `YYYY-MM-DDThh:mm:ssZ`, UTC.
pub fn iso8601_now() -> String {
    iso8601(seconds_since_epoch(SystemTime::now()))
}

/// Whole seconds from the Unix epoch to `time` (0 for a time before it).
pub fn seconds_since_epoch(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// A UTC calendar date and time of day.
struct Utc {
    year: i64,
    month: i64,
    day: i64,
    hour: u64,
    minute: u64,
    second: u64,
}

impl Utc {
    fn from_seconds(seconds: u64) -> Utc {
        let days = seconds / 86_400;
        let rest = seconds % 86_400;
        // Civil-from-days (Howard Hinnant's algorithm): exact for the proleptic Gregorian
        // calendar.
        let z = days as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        Utc {
            year: yoe + era * 400 + i64::from(month <= 2),
            month,
            day,
            hour: rest / 3600,
            minute: rest % 3600 / 60,
            second: rest % 60,
        }
    }

    /// The date and time with `date` between year, month and day and `time` between
    /// hours, minutes and seconds: the basic form with both empty.
    fn format(&self, date: &str, time: &str) -> String {
        format!(
            "{:04}{date}{:02}{date}{:02}T{:02}{time}{:02}{time}{:02}Z",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tmx_date_reads_in_the_extended_form() {
        assert_eq!(
            tmx_date_as_iso8601("20261125T061037Z").as_deref(),
            Some("2026-11-25T06:10:37Z")
        );
        assert_eq!(tmx_date_as_iso8601("20230229T120000Z"), None);
        // The two forms of one time agree.
        assert_eq!(
            tmx_date_as_iso8601(&tmx_date(1_714_557_845)),
            Some(iso8601(1_714_557_845))
        );
    }

    #[test]
    fn dates() {
        assert!(is_tmx_date("20240229T235959Z"));
        assert!(!is_tmx_date("20230229T120000Z"));
        assert!(!is_tmx_date("19971116T192059+00:00"));
        assert!(!is_tmx_date("Tue Jan 29 12:49:40 2013"));
        assert!(!is_tmx_date("20241301T000000Z"));
        assert!(!is_tmx_date("2024010ET000000Z"));
    }

    #[test]
    fn tmx_dates_are_utc_calendar_dates() {
        assert_eq!(tmx_date(0), "19700101T000000Z");
        assert_eq!(tmx_date(951_782_400), "20000229T000000Z");
        assert_eq!(tmx_date(1_574_914_320), "20191128T041200Z");
    }

    #[test]
    fn written_dates_are_valid_and_the_iso_form_has_the_same_fields() {
        for seconds in [0, 951_782_400, 1_574_914_320, 1_714_557_845, 4_107_542_399] {
            let compact = tmx_date(seconds);
            assert!(is_tmx_date(&compact), "{compact}");
            let iso = iso8601(seconds);
            assert_eq!(iso.replace(['-', ':'], ""), compact);
        }
        assert_eq!(iso8601(1_714_557_845), "2024-05-01T10:04:05Z");
    }
}
