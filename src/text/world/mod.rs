//! World knowledge the checks and the aligner need to read news: the names of countries
//! and territories, international organisations and currencies in English and Vietnamese
//! ([`entities`]), months, weekdays and the times of day said in words ([`calendar`]), and
//! numbers written in words ([`number_words`]).
//!
//! Countries, territories, months, weekdays and currencies come from the Unicode CLDR
//! (npm packages `cldr-localenames-full`, `cldr-dates-full`, `cldr-numbers-full`, version
//! pinned in `scripts/world-data.py`, which writes `src/text/world/data/*.tsv`); the
//! organisations and a few everyday short forms of country names (`Anh`, `Nhật`) are
//! written by hand in `organisations.tsv` and `territory-aliases.tsv`. The data is
//! compiled in and parsed once, on first use.

pub mod calendar;
pub mod entities;
pub mod number_words;

/// The rows of a tab-separated data file: comment lines (`#`) and blank lines skipped.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

/// The `|`-separated names of a column, empty ones dropped.
fn names(column: Option<&&'static str>) -> impl Iterator<Item = &'static str> {
    column
        .copied()
        .unwrap_or("")
        .split('|')
        .map(str::trim)
        .filter(|n| !n.is_empty())
}
