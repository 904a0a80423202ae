//! Dates as people read them: an ISO 8601 time (`YYYY-MM-DDThh:mm:ssZ`, as the library
//! records it) cut into the parts a message orders in its language's way.

use crate::i18n::FluentValue;

/// The year, month, day, hour, minute and second of `at`, as message arguments; `None`
/// when `at` is not `YYYY-MM-DDThh:mm:ssZ` (a hand-edited value is shown as written).
pub fn iso_parts(at: &str) -> Option<[(&'static str, FluentValue<'static>); 6]> {
    let b = at.as_bytes();
    let iso = b.len() == 20
        && [4, 7].iter().all(|&i| b[i] == b'-')
        && b[10] == b'T'
        && [13, 16].iter().all(|&i| b[i] == b':')
        && b[19] == b'Z'
        && [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    if !iso {
        return None;
    }
    let part = |range: std::ops::Range<usize>| FluentValue::from(at[range].to_owned());
    Some([
        ("year", part(0..4)),
        ("month", part(5..7)),
        ("day", part(8..10)),
        ("hour", part(11..13)),
        ("minute", part(14..16)),
        ("second", part(17..19)),
    ])
}

/// A TMX date (`20260101T093000Z`, a TU's `changedate`) as the status report shows
/// dates; one that is not such a date is shown as written.
pub fn tmx_date(l10n: &crate::i18n::Localizer, date: &str) -> String {
    let iso = crate::tmx::tmx_date_as_iso8601(date);
    match iso.as_deref().and_then(iso_parts) {
        Some(parts) => l10n.text_with("status-date", &parts),
        None => date.to_owned(),
    }
}
