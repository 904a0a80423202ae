//! How long a Vietnamese translation of an English text is: the Gale–Church length model,
//! calibrated for English → Vietnamese. The aligner prices beads by it and the `length`
//! check flags translations far off it.
//!
//! Gale & Church (1993) model the length of a translation as normally distributed around
//! `c` times the length of the source, with a variance that grows with the length:
//! `δ = (l_vi − c·l_en) / sqrt(s² · l̄)` with `l̄ = (l_en + l_vi / c) / 2`. The cost of a
//! length is `−ln P(|δ| or worse)` = `−ln(2·(1 − Φ(|δ|))) = −ln erfc(|δ| / √2)`.

/// Mean ratio of Vietnamese to English length in characters (Unicode scalar values of
/// NFC text).
///
/// Measured by `calibrate_on_seed` (below) on `examples/seed.en.txt` / `seed.vi.txt`: the
/// 10 non-empty line pairs (each line a paragraph; line N of one file translates line N of
/// the other) give `c = Σ l_vi / Σ l_en = 2960 / 3062 = 0.967`; the 21 sentence pairs
/// (every line splits into as many sentences on both sides, so the k-th sentences pair up)
/// give the same 0.967. So Vietnamese does *not* run longer in characters here: its
/// syllables are short and its diacritics cost no extra characters, which makes up for
/// the extra spaces and function words. (In UTF-8 bytes it does run longer; that is why
/// lengths are counted in characters.)
pub const VI_EN_RATIO: f64 = 0.967;

/// Variance of the length difference per character, `s²` in Gale–Church.
///
/// Measured by `calibrate_on_seed` as `s² = Σ (l_vi − c·l_en)² / Σ l̄` (the maximum
/// likelihood estimate for a variance proportional to length, `l̄ = (l_en + l_vi / c) / 2`):
/// 3.44 over the 10 line pairs, 2.31 over the 21 sentence pairs. We take the line figure,
/// the larger: 21 pairs is a small sample, and a variance set too low makes every loose
/// translation look like a merge. Gale–Church measured 6.8 for English/French/German.
pub const VI_EN_VARIANCE: f64 = 3.44;

/// The length model: ratio and variance.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LengthModel {
    /// Mean Vietnamese length per English character.
    pub ratio: f64,
    /// Variance per character.
    pub variance: f64,
}

impl Default for LengthModel {
    fn default() -> Self {
        LengthModel {
            ratio: VI_EN_RATIO,
            variance: VI_EN_VARIANCE,
        }
    }
}

impl LengthModel {
    /// `−ln P(|δ| or worse)` for English length `en` and Vietnamese length `vi` (chars).
    pub fn cost(&self, en: f64, vi: f64) -> f64 {
        if en == 0.0 && vi == 0.0 {
            return 0.0;
        }
        -ln_erfc(self.delta(en, vi).abs() / std::f64::consts::SQRT_2)
    }

    /// Gale–Church's `δ`: how many standard deviations Vietnamese length `vi` is from what
    /// a translation of `en` English characters would have (negative when shorter).
    pub fn delta(&self, en: f64, vi: f64) -> f64 {
        // A floor of one character keeps δ finite for empty units.
        let mean = ((en + vi / self.ratio) / 2.0).max(1.0);
        (vi - self.ratio * en) / (self.variance * mean).sqrt()
    }
}

/// `ln erfc(z)` for `z >= 0`, by the Chebyshev fit of Numerical Recipes (`erfcc`, relative
/// error below 1.2e-7) taken in log form, so that it never underflows: a 1-0 bead of a very
/// long sentence still gets a finite, ordered cost.
fn ln_erfc(z: f64) -> f64 {
    let z = if z.is_finite() { z.max(0.0) } else { 1e6 };
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    t.ln() - z * z + poly
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segmenter;
    use crate::text::Lang;

    #[test]
    fn ln_erfc_matches_known_values() {
        assert!(ln_erfc(0.0).abs() < 1e-6);
        // erfc(1) = 0.157299...
        assert!((ln_erfc(1.0) - 0.157_299_207f64.ln()).abs() < 1e-5);
        // Never -inf, and decreasing.
        assert!(ln_erfc(100.0).is_finite());
        assert!(ln_erfc(30.0) > ln_erfc(31.0));
    }

    #[test]
    fn cost_is_lowest_at_the_ratio() {
        let m = LengthModel::default();
        let best = m.cost(100.0, 96.7);
        assert!(best < 0.01);
        assert!(m.cost(100.0, 150.0) > best);
        assert!(m.cost(100.0, 80.0) > best);
        assert!(m.cost(100.0, 0.0) > 10.0);
        assert_eq!(m.cost(0.0, 0.0), 0.0);
        assert!(m.cost(0.0, 50.0).is_finite());
    }

    /// Measures the figures documented on [`VI_EN_RATIO`] and [`VI_EN_VARIANCE`].
    /// `cargo test calibrate_on_seed -- --nocapture` prints them.
    #[test]
    #[allow(clippy::print_stderr)]
    fn calibrate_on_seed() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
        let en = std::fs::read_to_string(format!("{dir}/seed.en.txt")).unwrap();
        let vi = std::fs::read_to_string(format!("{dir}/seed.vi.txt")).unwrap();
        let pairs: Vec<(&str, &str)> = en
            .lines()
            .zip(vi.lines())
            .filter(|(e, v)| !e.trim().is_empty() && !v.trim().is_empty())
            .collect();
        let chars = |s: &str| s.trim().chars().count() as f64;
        let (sum_en, sum_vi) = pairs
            .iter()
            .fold((0.0, 0.0), |(a, b), (e, v)| (a + chars(e), b + chars(v)));
        let c = sum_vi / sum_en;
        let variance_over = |skip: Option<usize>| {
            let (num, den) = pairs
                .iter()
                .enumerate()
                .filter(|(i, _)| Some(*i) != skip)
                .fold((0.0, 0.0), |(n, d), (_, (e, v))| {
                    let (le, lv) = (chars(e), chars(v));
                    (n + (lv - c * le).powi(2), d + (le + lv / c) / 2.0)
                });
            num / den
        };
        let variance = |_: usize| variance_over(None);
        let variance_without = |line: usize| variance_over(Some(line));
        // The same at sentence level: every line splits into the same number of sentences
        // on both sides, so the k-th sentences of a line pair up.
        let (seg_en, seg_vi) = (Segmenter::builtin(Lang::En), Segmenter::builtin(Lang::Vi));
        let mut sentences = Vec::new();
        for (e, v) in &pairs {
            let (se, sv) = (seg_en.split(e), seg_vi.split(v));
            assert_eq!(se.len(), sv.len());
            sentences.extend(
                se.into_iter()
                    .zip(sv)
                    .map(|(a, b)| (chars(&e[a]), chars(&v[b]))),
            );
        }
        let (se, sv) = sentences
            .iter()
            .fold((0.0, 0.0), |(a, b), (e, v)| (a + e, b + v));
        let sc = sv / se;
        let (num, den) = sentences.iter().fold((0.0, 0.0), |(n, d), (le, lv)| {
            (n + (lv - sc * le).powi(2), d + (le + lv / sc) / 2.0)
        });
        eprintln!(
            "lines {} en {sum_en} vi {sum_vi} c {c:.4} s2 {:.3} s2-without-dateline {:.3}; \
             sentences {} en {se} vi {sv} c {sc:.4} s2 {:.3}",
            pairs.len(),
            variance(0),
            variance_without(1),
            sentences.len(),
            num / den
        );
        assert!((c - VI_EN_RATIO).abs() < 0.01, "ratio drifted: {c}");
    }
}
