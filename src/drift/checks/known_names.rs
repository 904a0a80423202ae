//! The `name` check over world knowledge ([`crate::text::world::entities`]): a country,
//! territory, international organisation or currency the English names must be named in
//! the Vietnamese by one of its Vietnamese names, its acronym or its English name kept
//! (`Japan` = `Nhật Bản` = `Nhật`, `the International Monetary Fund` = `Quỹ Tiền tệ Quốc
//! tế` = `IMF`), and an organisation the Vietnamese names must be in the English: the
//! check runs in both directions.
//!
//! When the English names one thing and the Vietnamese another of the same kind instead
//! (`Japan` → `Hàn Quốc`, `the International Monetary Fund` → `Ngân hàng Thế giới`), one
//! finding says both. An organisation the Vietnamese names alone is reported when it is
//! named by its acronym (`(USAID)` → `(UNDP)`); a country the Vietnamese names alone is
//! not: English often says it with an adjective (`Japanese tourists` = `du khách Nhật
//! Bản`) or leaves it implied.

use std::ops::Range;

use super::Side;
use crate::drift::report::Explanation;
use crate::text::tokens::TokenKind;
use crate::text::world::entities::{EntityKind, Mention, world};

/// The words of a side: (byte range in the clean text, the word).
fn words<'s>(side: &'s Side) -> Vec<(Range<usize>, &'s str)> {
    let clean = side.clean();
    side.tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| (t.range.clone(), &clean[t.range.clone()]))
        .collect()
}

/// Whether an English word looks like the adjective of a country name (`Japanese` for
/// `Japan`, `Korean` for `South Korea`): it shares the first four letters of one of the
/// name's words.
fn adjective_of(en_words: &[&str], names: &[&str]) -> bool {
    names.iter().flat_map(|n| n.split(' ')).any(|name_word| {
        name_word.len() >= 4
            && name_word.starts_with(char::is_uppercase)
            && en_words
                .iter()
                .any(|w| w.len() >= 4 && w.get(..4) == name_word.get(..4))
    })
}

/// What the check found: the byte ranges of the English words it looked at, which the
/// plain name check leaves alone, and its findings (`name`).
pub(super) struct Known {
    pub covered: Vec<Range<usize>>,
    pub findings: Vec<Explanation>,
}

/// Runs the check on a pair.
pub(super) fn check(en: &Side, vi: &Side) -> Known {
    let mut findings = Vec::new();
    let w = world();
    let en_words = words(en);
    let vi_words = words(vi);
    let en_raw: Vec<&str> = en_words.iter().map(|(_, w)| *w).collect();
    let vi_raw: Vec<&str> = vi_words.iter().map(|(_, w)| *w).collect();
    // `US$`, `S$`: a currency sign, read with the amount by the number check.
    let en_found: Vec<Mention> = w
        .find_en(&en_raw)
        .into_iter()
        .filter(|m| !en.clean()[en_words[m.words.end - 1].0.end..].starts_with('$'))
        .collect();
    let vi_found = w.find_vi(&vi_raw);
    let covered = en_found
        .iter()
        .map(|m| en_words[m.words.start].0.start..en_words[m.words.end - 1].0.end)
        .collect();

    let en_text = |m: &Mention| {
        let r = en_words[m.words.start].0.start..en_words[m.words.end - 1].0.end;
        en.text[r].to_string()
    };
    let vi_text = |m: &Mention| {
        let r = vi_words[m.words.start].0.start..vi_words[m.words.end - 1].0.end;
        vi.text[r].to_string()
    };
    let en_lower: Vec<String> = en_raw.iter().map(|w| w.to_lowercase()).collect();
    // The English name kept as is in the Vietnamese (`Georgia`, `Italy`) counts.
    let vi_keeps = |m: &Mention| {
        let phrase = &en_lower[m.words.clone()];
        vi_raw
            .windows(phrase.len())
            .any(|win| win.iter().zip(phrase).all(|(a, b)| a.to_lowercase() == *b))
    };

    // A currency is also named by its code (`USD`) or its unit alone (`đô la`, `yên`).
    let vi_lower: Vec<String> = vi_raw.iter().map(|w| w.to_lowercase()).collect();
    // Vietnamese also keeps the unit in its source spelling (`lira`, `euro`, `rupee`).
    let vi_has_unit = |i: usize| {
        let e = w.entity(i);
        let first_words = e.vi.iter().filter_map(|n| n.split(' ').next());
        let english_units = e.en.iter().filter_map(|n| n.split(' ').next_back());
        vi_raw.contains(&e.code)
            || first_words
                .chain(english_units)
                .any(|unit| vi_lower.contains(&unit.to_lowercase()))
    };
    // Missing: each thing the English names once, in order.
    let mut missing: Vec<&Mention> = Vec::new();
    for m in &en_found {
        let named = vi_found.iter().any(|v| v.entity == m.entity)
            || vi_keeps(m)
            || (w.entity(m.entity).kind == EntityKind::Currency && vi_has_unit(m.entity));
        if !named && !missing.iter().any(|x| x.entity == m.entity) {
            missing.push(m);
        }
    }
    // Extra: what the Vietnamese names and the English does not.
    let mut extra: Vec<&Mention> = Vec::new();
    for v in &vi_found {
        let e = w.entity(v.entity);
        let in_english = en_found.iter().any(|m| m.entity == v.entity)
            || (e.kind == EntityKind::Territory && adjective_of(&en_raw, &e.en))
            || e.acronyms.iter().any(|a| en_raw.contains(a));
        if !in_english && !extra.iter().any(|x| x.entity == v.entity) {
            extra.push(v);
        }
    }

    for m in missing {
        let e = w.entity(m.entity);
        let expected = e.vi.first().copied().unwrap_or(e.code);
        // The same kind named instead: one finding for the swap.
        let instead = extra.iter().position(|x| w.entity(x.entity).kind == e.kind);
        match instead {
            Some(k) => {
                let x = extra.remove(k);
                let other = w.entity(x.entity);
                findings.push(
                    Explanation::new("check-name-world-differs")
                        .arg("en", en_text(m))
                        .arg("expected", expected)
                        .arg("vi", vi_text(x))
                        .arg("meaning", other.en.first().copied().unwrap_or(other.code)),
                );
            }
            None => findings.push(
                Explanation::new("check-name-world-missing")
                    .arg("name", en_text(m))
                    .arg("expected", expected),
            ),
        }
    }
    // An organisation the Vietnamese names alone is reported when named by its acronym
    // (`(UNDP)`): a spelled-out name may stand for the English `the Fund`, `the agency`.
    for x in extra {
        let e = w.entity(x.entity);
        let acronym = x.words.len() == 1 && !vi_raw[x.words.start].chars().any(char::is_lowercase);
        if e.kind == EntityKind::Organisation && acronym {
            findings.push(
                Explanation::new("check-name-world-extra")
                    .arg("name", vi_text(x))
                    .arg("meaning", e.en.first().copied().unwrap_or(e.code)),
            );
        }
    }
    Known { covered, findings }
}

/// Whether `finding` is an organisation named only in the Vietnamese
/// (`check-name-world-extra`) that the English article names in another sentence, by its
/// name or its acronym: the translation only says who `the fund` is.
pub(super) fn named_elsewhere(finding: &Explanation, english: &[&str]) -> bool {
    if finding.id != "check-name-world-extra" {
        return false;
    }
    let arg = |key: &str| {
        finding
            .args
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    };
    let (Some(acronym), Some(meaning)) = (arg("name"), arg("meaning")) else {
        return false;
    };
    let meaning = meaning.to_lowercase();
    english.iter().any(|en| {
        en.to_lowercase().contains(&meaning)
            || en
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == acronym)
    })
}

#[cfg(test)]
mod tests {
    use crate::drift::Kind;
    use crate::drift::checks::tests::{ids, run};

    fn names(en: &str, vi: &str) -> Vec<(&'static str, Vec<(&'static str, String)>)> {
        run(en, vi)
            .into_iter()
            .filter(|f| f.kind == Kind::Name)
            .map(|f| (f.explanation.id, f.explanation.args))
            .collect()
    }

    #[test]
    fn country_translated_as_another_country() {
        let f = names("Exports to Japan rose.", "Xuất khẩu sang Hàn Quốc tăng.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "check-name-world-differs");
        assert_eq!(
            f[0].1,
            [
                ("en", "Japan".to_string()),
                ("expected", "Nhật Bản".to_string()),
                ("vi", "Hàn Quốc".to_string()),
                ("meaning", "South Korea".to_string()),
            ]
        );
    }

    #[test]
    fn organisation_translated_as_another_organisation() {
        let f = names(
            "The loan comes from the International Monetary Fund.",
            "Khoản vay đến từ Ngân hàng Thế giới.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "check-name-world-differs");
        assert_eq!(f[0].1[2], ("vi", "Ngân hàng Thế giới".to_string()));
    }

    #[test]
    fn acronym_in_parentheses_changed() {
        let f = names(
            "The United States Agency for International Development (USAID) funds it.",
            "Cơ quan Phát triển Quốc tế Hoa Kỳ (UNDP) tài trợ.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, "check-name-world-extra");
        assert_eq!(f[0].1[0], ("name", "UNDP".to_string()));
    }

    #[test]
    fn acronym_only_in_the_vietnamese() {
        let f = names(
            "The agency will help farmers.",
            "Cơ quan này và FAO sẽ giúp nông dân.",
        );
        assert_eq!(
            ids(
                &run(
                    "The agency will help farmers.",
                    "Cơ quan này và FAO sẽ giúp nông dân."
                ),
                Kind::Name
            ),
            ["check-name-world-extra"]
        );
        assert_eq!(f[0].1[0], ("name", "FAO".to_string()));
    }

    #[test]
    fn faithful_names_stay_quiet() {
        for (en, vi) in [
            ("Exports to Japan rose.", "Xuất khẩu sang Nhật tăng."),
            (
                "Japanese tourists came to Vietnam.",
                "Du khách Nhật Bản đến Việt Nam.",
            ),
            (
                "The IMF and the World Bank met.",
                "Quỹ Tiền tệ Quốc tế và Ngân hàng Thế giới họp.",
            ),
            ("The United Nations said so.", "LHQ cho biết như vậy."),
            ("Britain and the US agreed.", "Anh và Mỹ đã đồng ý."),
            // The unit kept in its source spelling; and no former currency
            // (`Turkish Lira (1922–2005)`) shadows today's.
            ("Turkish lira sign", "Ký hiệu lira Thổ Nhĩ Kỳ"),
            ("It happened in Georgia.", "Việc này xảy ra ở bang Georgia."),
            (
                "The United States Agency for International Development (USAID) funds it.",
                "Cơ quan Phát triển Quốc tế Hoa Kỳ (USAID) tài trợ.",
            ),
            ("A loan of 2 million US dollars.", "Khoản vay 2 triệu USD."),
            ("It cost US$2 million.", "Chi phí 2 triệu USD."),
            (
                "The Fund approved the loan.",
                "Quỹ Tiền tệ Quốc tế đã phê duyệt khoản vay.",
            ),
            ("Workers in Laos.", "Người lao động ở Lào."),
        ] {
            assert!(
                names(en, vi).is_empty(),
                "{en:?} / {vi:?}: {:?}",
                names(en, vi)
            );
        }
    }
}
