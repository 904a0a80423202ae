//! The `length` check: a translation far shorter or longer than its English, by the
//! Gale–Church length model the aligner uses ([`LengthModel`]: Vietnamese runs `c` = 0.967
//! characters per English character, with a variance of `s²` = 3.44 per character).
//!
//! `δ = (l_vi − c·l_en) / sqrt(s² · l̄)` with `l̄ = (l_en + l_vi / c) / 2` is about
//! standard normal for a faithful translation. A unit is flagged when `|δ| >`
//! [`THRESHOLD`] = 4: under the model that happens once in about 16,000 faithful units
//! (two-sided p ≈ 6·10⁻⁵), so an article of a few hundred units sees a false alarm
//! rarely, while a sentence of 100 English characters is still flagged below about 25 or
//! above about 170 Vietnamese ones — a dropped clause or a paragraph pasted in, not a
//! loose rendering. On the 78 faithful sentence pairs of the evaluation articles and the
//! seed example the largest `|δ|` is 1.97 (`faithful_translations_are_quiet`).
//!
//! Units whose mean length `l̄` is under [`MIN_MEAN`] = 30 characters (about five words)
//! are not checked: a title or a two-word caption says nothing about the model. Lengths
//! are counted in characters of NFC text, Markdown syntax (delimiters, link targets, tags)
//! left out.

use super::{Side, Sink};
use crate::drift::report::{Explanation, Kind};
use crate::text::LengthModel;

/// Standard deviations beyond which a length is flagged.
pub(super) const THRESHOLD: f64 = 4.0;

/// The smallest mean length (characters) checked.
pub(super) const MIN_MEAN: f64 = 30.0;

/// The visible length of a side in characters.
fn visible(side: &Side) -> f64 {
    side.text
        .trim()
        .chars()
        .count()
        .saturating_sub(side.markup.syntax_chars) as f64
}

/// `δ` of the model for the two lengths, if the unit is long enough to say anything.
pub(super) fn delta(model: &LengthModel, en: f64, vi: f64) -> Option<f64> {
    if en == 0.0 || vi == 0.0 {
        return None;
    }
    let mean = (en + vi / model.ratio) / 2.0;
    (mean >= MIN_MEAN).then(|| (vi - model.ratio * en) / (model.variance * mean).sqrt())
}

pub(super) fn check(en: &Side, vi: &Side, model: &LengthModel, sink: &mut Sink) {
    let (le, lv) = (visible(en), visible(vi));
    let Some(d) = delta(model, le, lv) else {
        return;
    };
    if d.abs() <= THRESHOLD {
        return;
    }
    let id = if d < 0.0 {
        "check-length-short"
    } else {
        "check-length-long"
    };
    sink.push(
        Kind::Length,
        Explanation::new(id)
            .arg("en", format!("{le}"))
            .arg("vi", format!("{lv}"))
            .arg("expected", format!("{}", (model.ratio * le).round())),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::checks::tests::{ids, run};

    #[test]
    fn far_off_lengths() {
        let en = "The Ministry has set a target for the digital economy to account for 20% of GDP by 2025 and 30% by 2030.";
        let f = run(en, "Bộ đặt mục tiêu.");
        assert_eq!(ids(&f, Kind::Length), ["check-length-short"]);
        assert_eq!(
            f.iter()
                .find(|f| f.kind == Kind::Length)
                .unwrap()
                .explanation
                .args,
            [
                ("en", "104".to_string()),
                ("vi", "16".to_string()),
                ("expected", "101".to_string())
            ]
        );
        let vi =
            "Bộ đặt mục tiêu đến năm 2025, kinh tế số chiếm 20% GDP và đến năm 2030 chiếm 30% GDP.";
        assert!(ids(&run(en, vi), Kind::Length).is_empty());
        let long = format!("{vi} {vi} {vi}");
        assert_eq!(ids(&run(en, &long), Kind::Length), ["check-length-long"]);
        // Short units are not checked.
        assert!(ids(&run("Why?", "Vì sao lại như vậy, thưa ông?"), Kind::Length).is_empty());
        // Markup does not count.
        let md = format!(
            "[{vi}](https://example.com/a/very/long/address/that/adds/nothing/to/the/text)"
        );
        assert!(ids(&run(en, &md), Kind::Length).is_empty());
    }
}
