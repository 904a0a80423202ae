//! Numbers written in words: Vietnamese `mười hai` (12), `hai mươi lăm` (25), `ba trăm
//! linh năm` (305), `hai nghìn tỷ` (2 × 10¹²), `một nửa` (0.5), and English `twelve`,
//! `twenty-five`, `three hundred and five`, `two million`.
//!
//! Words are given one by one, lower case, Vietnamese in NFC with its diacritics: the tones
//! tell the number words from others (`ba` three, `bà` grandmother; `tỷ` billion, `tý`
//! a little). Words that are numbers only in some places are read only there, so that
//! ordinary text is not taken for numbers:
//!
//! - `một` (one, also the article "a") and English `one` only before a word that makes a
//!   bigger number (`một trăm`, `một nghìn`, `one million`), or `một nửa` (a half);
//! - `năm` (five, also "year") only before `mươi`, `trăm` or a scale word (`năm mươi`,
//!   `năm nghìn`) or after `linh` / `lẻ` (`một trăm linh năm`);
//! - `tư` (four, as in `đầu tư`, invest) only after tens or `linh` / `lẻ`, `mốt` (one)
//!   and `lăm` / `nhăm` (five) only after tens, as Vietnamese says them.

/// A number read from words: its value and how many words it took.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spelled {
    pub value: f64,
    pub words: usize,
}

/// The scale words after a group of up to three digits.
fn vi_scale(word: &str) -> Option<f64> {
    match word {
        "nghìn" | "ngàn" => Some(1e3),
        "triệu" => Some(1e6),
        "tỷ" | "tỉ" => Some(1e9),
        _ => None,
    }
}

fn en_scale(word: &str) -> Option<f64> {
    match word {
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// A Vietnamese unit digit said plainly (not the forms used only after tens).
fn vi_unit(word: &str) -> Option<u32> {
    Some(match word {
        "một" => 1,
        "hai" => 2,
        "ba" => 3,
        "bốn" => 4,
        "năm" => 5,
        "sáu" => 6,
        "bảy" | "bẩy" => 7,
        "tám" => 8,
        "chín" => 9,
        _ => return None,
    })
}

/// The unit after `mười` / `mươi`: `mười một` but `hai mươi mốt`, `lăm` for five, `tư`
/// for four.
fn vi_unit_after_tens(word: &str, tens: u32) -> Option<u32> {
    match word {
        "mốt" if tens >= 2 => Some(1),
        "một" if tens == 1 => Some(1),
        "tư" => Some(4),
        "lăm" | "nhăm" => Some(5),
        "năm" => None,
        w => vi_unit(w).filter(|&u| u != 1),
    }
}

/// Reads a Vietnamese group below 1,000 at the start of `w`: (value, words).
fn vi_group(w: &[&str]) -> Option<(u32, usize)> {
    let mut value = 0;
    let mut i = 0;
    // Hundreds: `ba trăm`, then `linh năm` or tens.
    if let (Some(h), Some(&"trăm")) = (w.first().and_then(|x| vi_unit(x)), w.get(1)) {
        value = h * 100;
        i = 2;
        if matches!(w.get(i), Some(&"linh" | &"lẻ")) {
            let unit = w.get(i + 1).and_then(|x| match *x {
                "tư" => Some(4),
                x => vi_unit(x),
            });
            if let Some(u) = unit {
                return Some((value + u, i + 2));
            }
            return Some((value, i));
        }
    }
    // Tens: `mười`, `hai mươi`, then a unit.
    let tens = match (w.get(i), w.get(i + 1)) {
        (Some(&"mười"), _) => Some((1, 1)),
        (Some(x), Some(&"mươi")) => vi_unit(x).filter(|&t| t >= 2).map(|t| (t, 2)),
        _ => None,
    };
    if let Some((t, n)) = tens {
        value += t * 10;
        i += n;
        if let Some(u) = w.get(i).and_then(|x| vi_unit_after_tens(x, t)) {
            value += u;
            i += 1;
        }
        return Some((value, i));
    }
    if i > 0 {
        return Some((value, i));
    }
    // A unit alone: not `một` or `năm` unless a scale word follows (checked by the caller).
    w.first().and_then(|x| vi_unit(x)).map(|u| (u, 1))
}

/// The number spelled in Vietnamese at the start of `words` (lower case, NFC).
pub fn vi_number(words: &[&str]) -> Option<Spelled> {
    if let [first, second, ..] = words
        && *first == "một"
        && *second == "nửa"
    {
        return Some(Spelled {
            value: 0.5,
            words: 2,
        });
    }
    let (total, used) = groups(words, vi_group, vi_scale)?;
    // `một` and `năm` alone are the article and the year.
    if used == 1 && matches!(words[0], "một" | "năm") {
        return None;
    }
    Some(Spelled {
        value: total,
        words: used,
    })
}

/// Groups and scale words: `hai triệu năm trăm nghìn` = 2,500,000, `hai nghìn tỷ` = 2 ×
/// 10¹² (a scale word bigger than all before it multiplies them).
fn groups(
    words: &[&str],
    group: fn(&[&str]) -> Option<(u32, usize)>,
    scale: fn(&str) -> Option<f64>,
) -> Option<(f64, usize)> {
    let (mut total, mut current, mut i) = (0.0_f64, 0.0_f64, 0);
    let mut read_any = false;
    loop {
        if let Some(s) = words.get(i).and_then(|w| scale(w)) {
            if current == 0.0 && total == 0.0 {
                break;
            }
            if total + current < s {
                total = (total + current) * s;
            } else {
                total += current * s;
            }
            current = 0.0;
            i += 1;
            continue;
        }
        if current != 0.0 {
            break;
        }
        match group(&words[i..]) {
            Some((v, n)) => {
                current = f64::from(v);
                i += n;
                read_any = true;
            }
            None => break,
        }
    }
    read_any.then_some((total + current, i))
}

const EN_UNITS: [&str; 19] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const EN_TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn en_below_hundred(w: &[&str]) -> Option<(u32, usize)> {
    let first = *w.first()?;
    if let Some(p) = EN_UNITS.iter().position(|u| *u == first) {
        return Some((p as u32 + 1, 1));
    }
    let t = EN_TENS.iter().position(|t| *t == first)? as u32 * 10 + 20;
    match w
        .get(1)
        .and_then(|x| EN_UNITS[..9].iter().position(|u| u == x))
    {
        Some(u) => Some((t + u as u32 + 1, 2)),
        None => Some((t, 1)),
    }
}

/// An English group below 1,000: `three hundred and five`, `twenty-five` (the hyphen is
/// not a word), `a hundred`.
fn en_group(w: &[&str]) -> Option<(u32, usize)> {
    let head = match w.first() {
        Some(&"a") if w.get(1).is_some_and(|x| *x == "hundred") => Some((1, 1)),
        _ => en_below_hundred(w),
    };
    let (v, n) = head?;
    if v < 10 && w.get(n) == Some(&"hundred") {
        let mut i = n + 1;
        if w.get(i) == Some(&"and") && en_below_hundred(&w[i + 1..]).is_some() {
            i += 1;
        }
        return match en_below_hundred(&w[i..]) {
            Some((rest, m)) => Some((v * 100 + rest, i + m)),
            None => Some((v * 100, n + 1)),
        };
    }
    Some((v, n))
}

/// The number spelled in English at the start of `words` (lower case): `twelve`,
/// `twenty-five`, `two million`, `a thousand`. `one` alone is the pronoun, `a` alone the
/// article: neither is read.
pub fn en_number(words: &[&str]) -> Option<Spelled> {
    if words.first() == Some(&"zero") {
        return Some(Spelled {
            value: 0.0,
            words: 1,
        });
    }
    // A half, as Vietnamese reads `một nửa`: `a half`, `one half`, and `half of` (`half of
    // the villages` = `một nửa số xã`). `half` before anything else is most often part of a
    // phrase Vietnamese says with `nửa` alone (`half an hour` = `nửa tiếng`), which is not a
    // number there either.
    match words {
        ["a" | "one", "half", ..] => {
            return Some(Spelled {
                value: 0.5,
                words: 2,
            });
        }
        ["half", "of", ..] => {
            return Some(Spelled {
                value: 0.5,
                words: 1,
            });
        }
        _ => {}
    }
    if words.first() == Some(&"a") && words.get(1).is_none_or(|w| en_scale(w).is_none()) {
        if words.get(1) == Some(&"hundred") {
            return groups(words, en_group, en_scale)
                .map(|(value, words)| Spelled { value, words });
        }
        return None;
    }
    let words_a: Vec<&str>;
    let words = if words.first() == Some(&"a") {
        // `a million`: one million.
        words_a = std::iter::once("one")
            .chain(words[1..].iter().copied())
            .collect();
        &words_a[..]
    } else {
        words
    };
    let (total, used) = groups(words, en_group, en_scale)?;
    if used == 1 && words[0] == "one" {
        return None;
    }
    Some(Spelled {
        value: total,
        words: used,
    })
}

/// Whether a folded word (no diacritics) may be part of a spelled number: a cheap test
/// that lets callers read only the runs of such words.
pub fn may_continue(folded: &str) -> bool {
    may_start(folded)
        || matches!(
            folded,
            "muoi"
                | "lam"
                | "nham"
                | "tu"
                | "linh"
                | "le"
                | "tram"
                | "nghin"
                | "ngan"
                | "trieu"
                | "ty"
                | "ti"
                | "nua"
                | "half"
                | "of"
                | "and"
                | "hundred"
                | "thousand"
                | "million"
                | "billion"
                | "trillion"
        )
}

/// Whether a folded word (no diacritics) may start a spelled number: a cheap test that
/// lets callers skip texts with no number at all.
pub fn may_start(folded: &str) -> bool {
    matches!(
        folded,
        "mot" | "hai" | "ba" | "bon" | "nam" | "sau" | "bay" | "tam" | "chin" | "muoi"
    ) || EN_UNITS.contains(&folded)
        || EN_TENS.contains(&folded)
        || folded == "a"
        || folded == "half"
        || folded == "zero"
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vi(text: &str) -> Option<(f64, usize)> {
        let words: Vec<&str> = text.split(' ').collect();
        vi_number(&words).map(|s| (s.value, s.words))
    }

    fn en(text: &str) -> Option<(f64, usize)> {
        let words: Vec<&str> = text.split(' ').collect();
        en_number(&words).map(|s| (s.value, s.words))
    }

    #[test]
    fn vietnamese_number_words() {
        assert_eq!(vi("mười hai người"), Some((12.0, 2)));
        assert_eq!(vi("mười người"), Some((10.0, 1)));
        assert_eq!(vi("hai mươi lăm xã"), Some((25.0, 3)));
        assert_eq!(vi("hai mươi mốt"), Some((21.0, 3)));
        assert_eq!(vi("ba mươi tư"), Some((34.0, 3)));
        assert_eq!(vi("mười lăm"), Some((15.0, 2)));
        assert_eq!(vi("một trăm linh năm"), Some((105.0, 4)));
        assert_eq!(vi("ba trăm lẻ tư"), Some((304.0, 4)));
        assert_eq!(vi("hai nghìn"), Some((2000.0, 2)));
        assert_eq!(vi("năm ngàn"), Some((5000.0, 2)));
        assert_eq!(vi("hai triệu năm trăm nghìn"), Some((2_500_000.0, 5)));
        assert_eq!(vi("hai nghìn tỷ"), Some((2e12, 3)));
        assert_eq!(vi("một nửa số xã"), Some((0.5, 2)));
        assert_eq!(vi("năm mươi"), Some((50.0, 2)));
    }

    #[test]
    fn vietnamese_words_that_are_not_numbers() {
        assert_eq!(vi("một người"), None, "the article");
        assert_eq!(vi("năm nay"), None, "the year");
        assert_eq!(vi("tư nhân"), None, "private");
        assert_eq!(vi("bà ấy"), None, "grandmother");
        assert_eq!(vi("lăm"), None);
        assert_eq!(vi("trăm"), None);
        // `mười năm` is ten years, not fifteen.
        assert_eq!(vi("mười năm"), Some((10.0, 1)));
    }

    #[test]
    fn english_number_words() {
        assert_eq!(en("twelve people"), Some((12.0, 1)));
        assert_eq!(en("half of the villages"), Some((0.5, 1)));
        assert_eq!(en("a half"), Some((0.5, 2)));
        assert_eq!(en("half an hour"), None);
        assert_eq!(en("twenty five"), Some((25.0, 2)));
        assert_eq!(en("twenty villages"), Some((20.0, 1)));
        assert_eq!(en("three hundred and five"), Some((305.0, 4)));
        assert_eq!(en("two million"), Some((2e6, 2)));
        assert_eq!(en("a million"), Some((1e6, 2)));
        assert_eq!(en("one thousand"), Some((1000.0, 2)));
        assert_eq!(en("one of them"), None);
        assert_eq!(en("a man"), None);
    }
}
