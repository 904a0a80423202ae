//! Money, part of the `number` check: an amount the English gives in dollars must not
//! become dong in the Vietnamese. The number check compares values only, so `$2 million`
//! and `2 triệu đồng` agree there; this check compares the currencies named next to an
//! amount on each side.
//!
//! A currency counts only beside an amount (`$2`, `2 USD`, `VND 25,000`, `2 million
//! dong`, `2 triệu đồng`, `25.000đ`), because most currency words have other meanings
//! (`Pham Van Dong`, `đồng ý`, `yên tĩnh`, `won the match`). The Vietnamese may name more
//! currencies than the English (a conversion added for readers: `2 triệu USD (khoảng 46
//! tỷ đồng)`); every currency of the English must be in it.

use super::{Side, Sink};
use crate::drift::report::{Explanation, Kind};
use crate::text::Lang;

/// A token of the money reader.
#[derive(Debug, Clone, PartialEq)]
enum Tok {
    /// A word, lower case; a word written against `$` keeps it (`us$`, `a$`).
    Word(String),
    /// Digits, with their separators.
    Num,
    /// A currency sign.
    Sign(char),
    /// Punctuation other than a hyphen inside a word: ends an amount's neighbourhood.
    Break,
}

fn tokens(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], '.' | ',')
                        && chars.get(i + 1).is_some_and(char::is_ascii_digit)))
            {
                i += 1;
            }
            out.push(Tok::Num);
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphabetic()
                    || (chars[i] == '-' && chars.get(i + 1).is_some_and(|c| c.is_alphabetic())))
            {
                i += 1;
            }
            let mut word: String = chars[start..i].iter().collect::<String>().to_lowercase();
            if chars.get(i) == Some(&'$') {
                word.push('$');
                i += 1;
            }
            out.push(Tok::Word(word));
        } else {
            if matches!(c, '$' | '€' | '£' | '₫' | '¥') {
                out.push(Tok::Sign(c));
            } else if !c.is_whitespace() {
                out.push(Tok::Break);
            }
            i += 1;
        }
    }
    out
}

/// Currency names: the words of each, and its code.
const EN_NAMES: &[(&[&str], &str)] = &[
    (&["australian", "dollars"], "AUD"),
    (&["australian", "dollar"], "AUD"),
    (&["singapore", "dollars"], "SGD"),
    (&["singapore", "dollar"], "SGD"),
    (&["canadian", "dollars"], "CAD"),
    (&["canadian", "dollar"], "CAD"),
    (&["hong", "kong", "dollars"], "HKD"),
    (&["hong", "kong", "dollar"], "HKD"),
    (&["us", "dollars"], "USD"),
    (&["us", "dollar"], "USD"),
    (&["dollars"], "USD"),
    (&["dollar"], "USD"),
    (&["dong"], "VND"),
    (&["euros"], "EUR"),
    (&["euro"], "EUR"),
    (&["pounds"], "GBP"),
    (&["pound"], "GBP"),
    (&["yen"], "JPY"),
    (&["yuan"], "CNY"),
    (&["won"], "KRW"),
    (&["baht"], "THB"),
    (&["ringgit"], "MYR"),
    (&["rupiah"], "IDR"),
];

const VI_NAMES: &[(&[&str], &str)] = &[
    (&["đô", "la", "mỹ"], "USD"),
    (&["đô", "la", "úc"], "AUD"),
    (&["đô", "la", "singapore"], "SGD"),
    (&["đô", "la", "canada"], "CAD"),
    (&["đô", "la", "hồng", "kông"], "HKD"),
    (&["đô-la", "mỹ"], "USD"),
    (&["đô", "la"], "USD"),
    (&["đô-la"], "USD"),
    (&["đôla"], "USD"),
    (&["đồng"], "VND"),
    (&["đ"], "VND"),
    (&["euro"], "EUR"),
    (&["ơ-rô"], "EUR"),
    (&["bảng", "anh"], "GBP"),
    (&["yên", "nhật"], "JPY"),
    (&["yên"], "JPY"),
    (&["nhân", "dân", "tệ"], "CNY"),
    (&["tệ"], "CNY"),
    (&["won"], "KRW"),
    (&["baht"], "THB"),
    (&["bạt"], "THB"),
    (&["ringgit"], "MYR"),
    (&["rupiah"], "IDR"),
];

/// Codes and signs written before or after an amount, the same in both languages.
fn code(word: &str) -> Option<&'static str> {
    Some(match word {
        "usd" | "us$" => "USD",
        "vnd" | "vnđ" => "VND",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "krw" => "KRW",
        "aud" | "a$" => "AUD",
        "sgd" | "s$" => "SGD",
        "cad" | "c$" => "CAD",
        "hkd" | "hk$" => "HKD",
        "thb" => "THB",
        "myr" => "MYR",
        "idr" => "IDR",
        _ => return None,
    })
}

fn sign(c: char) -> &'static str {
    match c {
        '€' => "EUR",
        '£' => "GBP",
        '₫' => "VND",
        '¥' => "JPY",
        _ => "USD",
    }
}

fn is_scale(word: &str, lang: Lang) -> bool {
    match lang {
        Lang::En => matches!(
            word,
            "thousand" | "million" | "billion" | "trillion" | "bn" | "mn" | "m" | "k" | "tn"
        ),
        Lang::Vi => matches!(word, "nghìn" | "ngàn" | "triệu" | "tỷ" | "tỉ"),
    }
}

/// The currencies named beside an amount, sorted, without repeats.
fn currencies(text: &str, lang: Lang) -> Vec<&'static str> {
    let toks = tokens(text);
    let amount_at = |i: Option<usize>| -> bool {
        i.and_then(|i| toks.get(i)).is_some_and(|t| match t {
            Tok::Num => true,
            Tok::Word(w) => is_scale(w, lang),
            _ => false,
        })
    };
    let names = match lang {
        Lang::En => EN_NAMES,
        Lang::Vi => VI_NAMES,
    };
    let mut found = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let before = i.checked_sub(1);
        match &toks[i] {
            Tok::Sign(c) if amount_at(before) || amount_at(Some(i + 1)) => found.push(sign(*c)),
            Tok::Word(w) => {
                if let Some(c) = code(w).filter(|_| amount_at(before) || amount_at(Some(i + 1))) {
                    found.push(c);
                } else if amount_at(before)
                    && let Some((words, c)) = names.iter().find(|(words, _)| {
                        words.iter().enumerate().all(
                            |(k, name)| matches!(toks.get(i + k), Some(Tok::Word(w)) if w == name),
                        )
                    })
                {
                    found.push(c);
                    i += words.len();
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    found.sort_unstable();
    found.dedup();
    found
}

pub(super) fn check(en: &Side, vi: &Side, sink: &mut Sink) {
    let en_money = currencies(en.clean(), Lang::En);
    if en_money.is_empty() {
        return;
    }
    let vi_money = currencies(vi.clean(), Lang::Vi);
    let lost: Vec<&str> = en_money
        .iter()
        .copied()
        .filter(|c| !vi_money.contains(c))
        .collect();
    if lost.is_empty() {
        return;
    }
    let explanation = if vi_money.is_empty() {
        Explanation::new("check-number-currency-missing").arg("currency", lost.join(", "))
    } else {
        Explanation::new("check-number-currency-differs")
            .arg("en", lost.join(", "))
            .arg("vi", vi_money.join(", "))
    };
    sink.push(Kind::Number, explanation);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::checks::tests::{ids, run};

    fn quiet(en: &str, vi: &str) {
        let f = run(en, vi);
        assert!(
            ids(&f, Kind::Number).iter().all(|id| {
                *id != "check-number-currency-missing" && *id != "check-number-currency-differs"
            }),
            "{en} / {vi}: {f:?}"
        );
    }

    #[test]
    fn currencies_are_read_beside_amounts_only() {
        assert_eq!(currencies("It cost $2 million.", Lang::En), ["USD"]);
        assert_eq!(
            currencies("VND 3.5 billion and €40", Lang::En),
            ["EUR", "VND"]
        );
        assert_eq!(
            currencies("2 million Australian dollars", Lang::En),
            ["AUD"]
        );
        assert_eq!(currencies("US$5 and 7 dong", Lang::En), ["USD", "VND"]);
        assert_eq!(
            currencies("Pham Van Dong Street", Lang::En),
            [] as [&str; 0]
        );
        assert_eq!(
            currencies("Vietnam won 2 matches", Lang::En),
            [] as [&str; 0]
        );
        assert_eq!(currencies("tourism dollars", Lang::En), [] as [&str; 0]);
        assert_eq!(currencies("2 triệu đô la Mỹ", Lang::Vi), ["USD"]);
        assert_eq!(currencies("25.000đ mỗi lượt, 3 tỷ đồng", Lang::Vi), ["VND"]);
        assert_eq!(
            currencies("hai bên đồng ý, cánh đồng", Lang::Vi),
            [] as [&str; 0]
        );
        assert_eq!(currencies("5 nhân dân tệ", Lang::Vi), ["CNY"]);
    }

    #[test]
    fn the_same_currency_is_quiet() {
        // The number check's money pairs (`$2 million` / `2 triệu USD`...) are quiet
        // there, currencies included; these are the other spellings.
        quiet("It cost $2 million.", "Chi phí 2 triệu đô la.");
        quiet("a fine of €40", "mức phạt 40 euro");
        quiet("25,000 dong a ride", "25.000đ mỗi lượt");
        // A conversion added for readers is fine.
        quiet(
            "It cost $2 million.",
            "Chi phí 2 triệu USD (khoảng 46 tỷ đồng).",
        );
        // The Vietnamese may name a currency the English leaves implicit.
        quiet("The fee is 25,000.", "Phí là 25.000 đồng.");
    }

    #[test]
    fn another_currency_is_reported() {
        let f = run("It cost $2 million.", "Chi phí 2 triệu đồng.");
        assert_eq!(ids(&f, Kind::Number), ["check-number-currency-differs"]);
        let f = run("USD 2 million", "2 triệu euro");
        assert_eq!(ids(&f, Kind::Number), ["check-number-currency-differs"]);
        let f = run("2 million Australian dollars", "2 triệu đô la Mỹ");
        assert_eq!(ids(&f, Kind::Number), ["check-number-currency-differs"]);
        let f = run("It cost $2 million.", "Chi phí 2 triệu.");
        assert_eq!(ids(&f, Kind::Number), ["check-number-currency-missing"]);
    }
}
