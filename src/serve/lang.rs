//! The page's language: the `songngu_lang` cookie the switch sets, else the browser's
//! `Accept-Language`, else English. The messages are the command line's Fluent
//! catalogues, with the page's own under `serve-`.

use axum::http::HeaderMap;

use super::security::cookie;
use crate::i18n::{Localizer, UiLocale};

/// The cookie the language switch sets.
pub const LANG_COOKIE: &str = "songngu_lang";

/// The locale a UI tag names (`vi`, `en-US`), if the page speaks it.
pub fn parse(tag: &str) -> Option<UiLocale> {
    UiLocale::ALL
        .into_iter()
        .find(|l| l.tag().eq_ignore_ascii_case(tag.trim()))
}

/// The locale the request asks for.
pub fn locale(headers: &HeaderMap) -> UiLocale {
    if let Some(locale) = cookie(headers, LANG_COOKIE).and_then(parse) {
        return locale;
    }
    let accept = headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    from_accept_language(accept)
}

/// The first language of an `Accept-Language` value (by `q`, then order) that the page
/// speaks; English when none.
pub fn from_accept_language(value: &str) -> UiLocale {
    let mut ranges: Vec<(f32, usize, &str)> = value
        .split(',')
        .enumerate()
        .filter_map(|(i, range)| {
            let mut parts = range.split(';');
            let tag = parts.next()?.trim();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            (!tag.is_empty() && q > 0.0).then_some((q, i, tag))
        })
        .collect();
    ranges.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranges
        .iter()
        .find_map(|(_, _, tag)| {
            let primary = tag.split(['-', '_']).next().unwrap_or("");
            match primary.to_ascii_lowercase().as_str() {
                "vi" => Some(UiLocale::Vi),
                "en" => Some(UiLocale::EnUs),
                _ => None,
            }
        })
        .unwrap_or(UiLocale::EnUs)
}

/// A localizer for the request.
pub fn localizer(headers: &HeaderMap) -> Localizer {
    Localizer::new(locale(headers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_is_read_by_weight() {
        assert_eq!(
            from_accept_language("vi-VN,vi;q=0.9,en;q=0.8"),
            UiLocale::Vi
        );
        assert_eq!(
            from_accept_language("fr;q=1, en;q=0.5, vi;q=0.7"),
            UiLocale::Vi
        );
        assert_eq!(from_accept_language("fr, de"), UiLocale::EnUs);
        assert_eq!(from_accept_language("vi;q=0, en"), UiLocale::EnUs);
        assert_eq!(from_accept_language(""), UiLocale::EnUs);
    }
}
