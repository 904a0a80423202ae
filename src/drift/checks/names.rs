//! The `name` check: the names and acronyms of the English that Vietnamese keeps must be
//! in the Vietnamese, compared without case or diacritics (`Nguyen Thanh Hung` = `Nguyễn
//! Thanh Hùng`, `Hanoi` = `Hà Nội`, `Vietnam` = `Việt Nam`, `Ly` = `Lí`), and the
//! glossary's terms must be translated as the glossary says.
//!
//! English capitalizes many words that Vietnamese translates (institutions, titles,
//! countries, adjectives: `Australian Strategic Policy Institute` → `Viện Chính sách Chiến
//! lược Úc`, `Japan` → `Nhật Bản`, `Deputy Minister` → `Thứ trưởng`), so only these are
//! required:
//!
//! - acronyms (two capitals or more and no lower case, a plural `s` allowed: `ASEAN`,
//!   `SMEs`), except Roman numerals and `AM`/`PM`. A few acronyms that Vietnamese news
//!   usually translates are also found in their Vietnamese form ([`ACRONYMS`]: `SME` =
//!   `DNNVV` = `doanh nghiệp nhỏ và vừa`, `CEO` = `Tổng Giám đốc`, `UN` = `Liên hợp
//!   quốc`, `VND` = `đồng`, …), and an acronym that is the whole of a parenthesis after
//!   the name it shortens (`the General Statistics Office (GSO)`) is also satisfied by a
//!   Vietnamese acronym in parentheses (`Tổng cục Thống kê (TCTK)`);
//! - capitalized words spelled like Vietnamese (see [`super::syllable`]): person and
//!   place names (`Nguyen`, `Pham`, `Ngoc`, `Hanoi`, `Da Nang`), except a few English
//!   words that happen to be spelled so ([`ENGLISH`]: `In`, `The`, `Day`, `Bay`, `No.`).
//!   `y` and `i` are one letter here (`Ly` = `Lí`). A name may be written in one word on
//!   one side and two on the other (`Hanoi` = `Hà Nội`, `Ha Noi` = `Hanoi`), and a run of
//!   names is also found by its initials (`Ho Chi Minh City` = `TP.HCM`);
//! - the glossary's terms: when an English term occurs, one of its Vietnamese terms must
//!   occur; the words of an English term are not checked one by one.
//!
//! Capitals are not acronyms when the English is shouted (`ABOUT PROJECT JUPYTER`) or the
//! Vietnamese writes its own words in capitals (`SOURCE` → `NGUỒN`, `WARNING` → `CẢNH
//! BÁO`): those are translated words. Metavariables and identifiers (`FILE1`,
//! `MENU_BAR_FILE`) are placeholders a translation may translate, never names.
//!
//! The first word of a sentence (after `.`, `?`, `!`, `:` or an opening quote, but not
//! after `Mr.`, `Dr.`…), months and weekdays are never names.

use std::collections::HashSet;
use std::ops::Range;

use super::syllable::is_vietnamese;
use super::{Side, Sink};
use crate::drift::report::{Explanation, Kind};
use crate::text::Glossary;
use crate::text::Lang;
use crate::text::anchors::{Key, en_month};
use crate::text::normalize::fold;
use crate::text::tokens::{Token, TokenKind};

/// English words spelled like Vietnamese syllables that English capitalizes in titles and
/// sentence starts but Vietnamese translates.
const ENGLISH: &[&str] = &[
    "a", "an", "at", "be", "bay", "big", "bit", "bot", "but", "can", "cap", "cat", "chat", "cup",
    "cut", "dam", "day", "dot", "go", "got", "he", "hi", "hit", "hot", "in", "it", "let", "lot",
    "man", "map", "me", "net", "no", "not", "oh", "on", "run", "say", "set", "so", "sun", "team",
    "tech", "ten", "than", "that", "the", "them", "then", "tip", "to", "top", "true", "up", "via",
    "yet",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Abbreviated titles after which a capitalized word is a name, not a sentence start.
const TITLES: &[&str] = &[
    "mr", "ms", "mrs", "dr", "prof", "gen", "col", "lt", "sen", "rep", "gov", "pres", "st", "no",
    "assoc", "maj", "capt",
];

/// Acronyms that Vietnamese news usually translates, with the folded Vietnamese that
/// stands for them (besides the acronym itself).
const ACRONYMS: &[(&str, &[&str])] = &[
    ("ADB", &["ngan hang phat trien chau a"]),
    ("AI", &["tri tue nhan tao"]),
    ("CEO", &["giam doc", "tong giam doc"]),
    ("CNY", &["nhan dan te"]),
    ("CPV", &["dang cong san viet nam", "dcsvn"]),
    ("EU", &["lien minh chau au"]),
    ("EUR", &["euro"]),
    ("FAQ", &["cau hoi thuong gap", "hoi dap"]),
    ("FDI", &["dau tu truc tiep nuoc ngoai"]),
    ("GDP", &["tong san pham"]),
    ("GSO", &["tctk", "tong cuc thong ke", "cuc thong ke"]),
    ("HCM", &["ho chi minh"]),
    ("HCMC", &["hcm", "ho chi minh"]),
    (
        "ICT",
        &["cntt", "cong nghe thong tin", "thong tin va truyen thong"],
    ),
    ("ID", &["can cuoc", "dinh danh"]),
    ("IMF", &["quy tien te quoc te"]),
    ("IO", &["v r", "vao ra", "nhap xuat"]),
    ("IT", &["cntt", "cong nghe thong tin"]),
    ("JPY", &["yen"]),
    ("KRW", &["won"]),
    ("MIC", &["bo thong tin va truyen thong", "btttt"]),
    ("MOF", &["bo tai chinh", "btc"]),
    ("MOH", &["bo y te", "byt"]),
    ("MOIT", &["bo cong thuong", "bct"]),
    ("MPI", &["bo ke hoach va dau tu", "bkhdt"]),
    ("NA", &["quoc hoi"]),
    ("NGO", &["to chuc phi chinh phu"]),
    ("ODA", &["ho tro phat trien chinh thuc"]),
    ("SBV", &["nhnn", "ngan hang nha nuoc"]),
    ("SME", &["dnnvv", "doanh nghiep nho va vua"]),
    ("SOE", &["dnnn", "doanh nghiep nha nuoc"]),
    ("TV", &["truyen hinh", "tivi"]),
    ("UK", &["anh"]),
    ("UI", &["giao dien"]),
    ("UN", &["lhq", "lien hop quoc"]),
    ("URL", &["duong dan", "dia chi", "lien ket"]),
    ("US", &["my", "hoa ky"]),
    ("USA", &["my", "hoa ky"]),
    ("USD", &["do la", "dola"]),
    ("VAT", &["gia tri gia tang"]),
    ("VN", &["viet nam"]),
    ("VNA", &["ttxvn", "thong tan xa viet nam"]),
    ("VND", &["dong"]),
    ("WB", &["ngan hang the gioi"]),
    ("WHO", &["to chuc y te the gioi"]),
    ("WTO", &["to chuc thuong mai the gioi"]),
];

/// A folded word (lower case, no diacritics), inline when it is short ASCII.
enum Folded {
    Key(Key),
    Owned(String),
}

impl Folded {
    fn of(raw: &str) -> Folded {
        Folded::from_key(raw, Key::of(raw))
    }

    /// `raw` folded, given its [`Key`].
    fn from_key(raw: &str, key: Key) -> Folded {
        if key.as_str().is_empty() && !raw.is_empty() {
            Folded::Owned(fold(raw))
        } else {
            Folded::Key(key)
        }
    }

    fn as_str(&self) -> &str {
        match self {
            Folded::Key(k) => k.as_str(),
            Folded::Owned(s) => s,
        }
    }
}

/// Whether `text` starts with `prefix` as names compare: `y` and `i` are one letter, so
/// that `Ly` = `Lí`, `Thuy` = `Thủi`… the two spellings Vietnamese allows.
fn name_prefix(text: &str, prefix: &str) -> bool {
    let same = |a: u8, b: u8| a == b || (matches!(a, b'i' | b'y') && matches!(b, b'i' | b'y'));
    text.len() >= prefix.len()
        && text
            .as_bytes()
            .iter()
            .zip(prefix.as_bytes())
            .all(|(&a, &b)| same(a, b))
}

/// Whether the Vietnamese words hold `name`: as a word, or as two or three adjacent words
/// run together (`hanoi` in `Hà Nội`).
fn vi_has(vi: &[Folded], name: &str) -> bool {
    (0..vi.len()).any(|j| {
        let mut rest = name;
        for w in vi[j..].iter().take(3) {
            let w = w.as_str();
            if w.is_empty() || !name_prefix(rest, w) {
                return false;
            }
            rest = &rest[w.len()..];
            if rest.is_empty() {
                return true;
            }
        }
        false
    })
}

/// Whether the Vietnamese words hold `phrase` (folded words separated by spaces).
fn vi_has_phrase(vi: &[Folded], phrase: &str) -> bool {
    let n = phrase.split(' ').count();
    vi.windows(n).any(|w| {
        w.iter()
            .zip(phrase.split(' '))
            .all(|(a, b)| a.as_str().len() == b.len() && name_prefix(a.as_str(), b))
    })
}

struct EnWord<'a> {
    range: Range<usize>,
    raw: &'a str,
    /// Its index among the words, for adjacency.
    index: usize,
    /// The first word of a sentence.
    initial: bool,
    /// Right after `(`.
    after_paren: bool,
}

fn en_words<'a>(clean: &'a str, tokens: &[Token]) -> Vec<EnWord<'a>> {
    let mut out: Vec<EnWord> = Vec::new();
    // The previous token, and the word before it when it was punctuation.
    let mut previous: Option<(TokenKind, &str)> = None;
    let mut word_before: Option<&str> = None;
    for t in tokens {
        let raw = &clean[t.range.clone()];
        if t.kind == TokenKind::Word {
            let initial = match previous {
                None => true,
                Some((TokenKind::Punct, p)) => {
                    matches!(p, "?" | "!" | ":" | "\"" | "“" | "‘" | "«")
                        || (p == "."
                            && !word_before
                                .is_some_and(|w| TITLES.iter().any(|t| t.eq_ignore_ascii_case(w))))
                }
                Some((TokenKind::Word, _)) => false,
            };
            out.push(EnWord {
                range: t.range.clone(),
                raw,
                index: out.len(),
                initial,
                after_paren: matches!(previous, Some((TokenKind::Punct, "("))),
            });
            word_before = Some(raw);
        }
        previous = Some((t.kind, raw));
    }
    out
}

/// Whether `raw` is a metavariable or an identifier (`FILE1`, `MENU_BAR_FILE`): a
/// placeholder a translation may translate (`TẬP_TIN1`), not a name.
pub(super) fn is_metavariable(raw: &str) -> bool {
    let letters = raw.trim_end_matches(|c: char| c.is_ascii_digit());
    raw.contains('_')
        || (letters.len() < raw.len() && letters.chars().filter(|c| c.is_alphabetic()).count() >= 3)
}

/// Whether a word is written in capitals (two letters or more, no lower case).
fn all_caps(raw: &str) -> bool {
    raw.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !raw.chars().any(char::is_lowercase)
}

/// Whether the English is shouted (`SEARCH`, `ABOUT PROJECT JUPYTER`): every word in
/// capitals, so capitals tell nothing about acronyms.
fn shouted(words: &[EnWord]) -> bool {
    !words.is_empty()
        && words
            .iter()
            .all(|w| all_caps(w.raw) || !w.raw.chars().any(char::is_alphabetic))
}

/// Whether the Vietnamese writes Vietnamese words in capitals (`NGUỒN`, `CẢNH BÁO`,
/// `ĐÚNG`): the translator translated the English words in capitals, so those of the
/// English it does not keep are translated words (`SOURCE`, `WARNING`, `TRUE`), not
/// acronyms.
fn vi_translates_capitals(vi_clean: &str, vi: &Side) -> bool {
    vi.tokens.iter().any(|t| {
        let raw = &vi_clean[t.range.clone()];
        t.kind == TokenKind::Word && all_caps(raw) && !raw.is_ascii()
    })
}

/// Whether `raw` is an acronym the check requires, and its base (without a plural `s`).
fn acronym(raw: &str) -> Option<&str> {
    let base = raw
        .strip_suffix('s')
        .filter(|b| b.len() >= 2 && b.chars().all(|c| c.is_ascii_uppercase()))
        .unwrap_or(raw);
    let letters = base.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || base.chars().any(char::is_lowercase) {
        return None;
    }
    let roman = base.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    (!roman && !matches!(base, "AM" | "PM")).then_some(base)
}

/// A word the Vietnamese must keep: (word index, folded, found).
type Required = (usize, String, bool);

/// Whether the acronym `word` is the whole of a parenthesis (`(GSO)`), that is, the
/// short form of the name before it.
fn in_parentheses(clean: &str, word: &EnWord) -> bool {
    word.after_paren && clean[word.range.end..].trim_start().starts_with(')')
}

/// Whether the Vietnamese has an acronym of its own in parentheses (`(TCTK)`).
fn vi_parenthesized_acronym(vi_clean: &str) -> bool {
    vi_clean.split('(').skip(1).any(|rest| {
        rest.split_once(')').is_some_and(|(inside, _)| {
            let inside = inside.trim();
            inside.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !inside.chars().any(char::is_lowercase)
                && !inside.contains(char::is_whitespace)
        })
    })
}

pub(super) fn check(en: &Side, vi: &Side, glossary: Option<&Glossary>, sink: &mut Sink) {
    let en_clean = en.clean();
    let words = en_words(en_clean, &en.tokens);
    let vi_clean = vi.clean();
    let vi_words: Vec<Folded> = vi
        .tokens
        .iter()
        .zip(&vi.keys)
        .filter(|(t, _)| t.kind == TokenKind::Word)
        .map(|(t, k)| Folded::from_key(&vi_clean[t.range.clone()], *k))
        .collect();

    // Countries, organisations and currencies the world knowledge knows are checked
    // there, in both directions; glossary terms next: their words are not checked one by
    // one.
    let known = super::known_names::check(en, vi);
    let mut covered: Vec<bool> = words
        .iter()
        .map(|w| {
            known
                .covered
                .iter()
                .any(|r| r.start <= w.range.start && w.range.end <= r.end)
        })
        .collect();
    if let Some(g) = glossary.filter(|g| !g.is_empty()) {
        let en_folded: Vec<Folded> = words.iter().map(|w| Folded::of(w.raw)).collect();
        let folded: Vec<&str> = en_folded.iter().map(Folded::as_str).collect();
        let vi_folded: Vec<&str> = vi_words.iter().map(Folded::as_str).collect();
        let mut found = g.find_in_words(&folded, Lang::En);
        // The longest term at a place wins: `Ministry of Information and Communications`
        // over `Information`.
        found.sort_by_key(|(_, r)| (r.start, std::cmp::Reverse(r.end)));
        let mut taken_to = 0;
        let in_vi: HashSet<usize> = g
            .find_in_words(&vi_folded, Lang::Vi)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let mut reported: Vec<usize> = Vec::new();
        for (id, range) in found {
            if range.end <= taken_to {
                continue;
            }
            taken_to = range.end;
            covered[range.clone()].fill(true);
            let term = g.term(id, Lang::En);
            // Any pair with the same English term is an accepted translation.
            let translated = in_vi.iter().any(|&v| g.term(v, Lang::En) == term);
            if !translated && !reported.iter().any(|&r| g.term(r, Lang::En) == term) {
                reported.push(id);
                let (term, translation) = g.written(id);
                sink.push(
                    Kind::Name,
                    Explanation::new("check-name-glossary")
                        .arg("term", term)
                        .arg("translation", translation),
                );
            }
        }
    }

    // The words the Vietnamese must keep, and whether it does.
    let mut required: Vec<Required> = Vec::new();
    let capitals_are_words = shouted(&words) || vi_translates_capitals(vi_clean, vi);
    for (i, w) in words.iter().enumerate() {
        if is_metavariable(w.raw) {
            continue;
        }
        // A sentence's first word is capitalized anyway, unless it is an acronym: `FPT`
        // opening a sentence is still a name.
        let is_acronym = acronym(w.raw).is_some();
        if (w.initial && !is_acronym) || covered[i] || !w.raw.starts_with(char::is_uppercase) {
            continue;
        }
        let raw = w
            .raw
            .strip_suffix("'s")
            .or_else(|| w.raw.strip_suffix("’s"))
            .unwrap_or(w.raw);
        if let Some(base) = acronym(raw) {
            // `US$`, `S$`, `HK$`: a currency sign, read with the amount.
            if en_clean[w.range.end..].starts_with('$') {
                continue;
            }
            let folded = fold(base);
            let alternatives = ACRONYMS
                .iter()
                .find(|(a, _)| *a == base)
                .map_or(&[][..], |(_, alt)| *alt);
            // `(GSO)` after the name it shortens: the Vietnamese may give its own
            // acronym, `(TCTK)`.
            let found = vi_has(&vi_words, &folded)
                || alternatives.iter().any(|a| vi_has_phrase(&vi_words, a))
                || (in_parentheses(en_clean, w) && vi_parenthesized_acronym(vi_clean))
                // Capitals that are words: required only when in parentheses after a name.
                || (capitals_are_words && !in_parentheses(en_clean, w));
            required.push((i, folded, found));
            continue;
        }
        // All capitals but not a required acronym (`AM`, `II`): no name either.
        if !raw.chars().any(char::is_lowercase) || raw.chars().count() < 2 {
            continue;
        }
        let folded = Folded::of(raw);
        let f = folded.as_str();
        if ENGLISH.contains(&f)
            || WEEKDAYS.contains(&f)
            || en_month(f).is_some()
            || !is_vietnamese(f)
        {
            continue;
        }
        let found = vi_has(&vi_words, f);
        required.push((i, f.to_string(), found));
    }

    // A run of names missing one by one may be there written as one word (`Ha Noi` =
    // `Hanoi`) or by its initials (`Ho Chi Minh` = `HCM` in `TP.HCM`).
    let mut start = 0;
    while start < required.len() {
        let mut end = start + 1;
        while end < required.len()
            && words[required[end].0].index == words[required[end - 1].0].index + 1
        {
            end += 1;
        }
        // A name that starts the sentence is not required, but it is part of the run:
        // `Ho Chi Minh City` = `TP.HCM`.
        let first = &words[required[start].0];
        let lead = first
            .index
            .checked_sub(1)
            .map(|p| &words[p])
            .filter(|p| p.initial && p.raw.starts_with(char::is_uppercase))
            .map(|p| Folded::of(p.raw))
            .filter(|p| is_vietnamese(p.as_str()));
        let lead = lead.as_ref().map_or("", |p| p.as_str());
        let run = &mut required[start..end];
        if (run.len() >= 2 || !lead.is_empty()) && run.iter().any(|r| !r.2) {
            let initials: String = lead
                .get(..1)
                .into_iter()
                .chain(run.iter().filter_map(|r| r.1.get(..1)))
                .collect();
            let joined: String = std::iter::once(lead)
                .chain(run.iter().map(|r| r.1.as_str()))
                .collect();
            if vi_has(&vi_words, &initials) || vi_has(&vi_words, &joined) {
                run.iter_mut().for_each(|r| r.2 = true);
            }
        }
        start = end;
    }

    // Report missing words, adjacent ones together.
    let mut k = 0;
    while k < required.len() {
        if required[k].2 {
            k += 1;
            continue;
        }
        let first = required[k].0;
        let mut last = first;
        k += 1;
        while k < required.len()
            && !required[k].2
            && words[required[k].0].index == words[last].index + 1
        {
            last = required[k].0;
            k += 1;
        }
        let name = &en.text[words[first].range.start..words[last].range.end];
        sink.push(
            Kind::Name,
            Explanation::new("check-name-missing").arg("name", name),
        );
    }
    for explanation in known.findings {
        sink.push(Kind::Name, explanation);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::checks::CheckOptions;
    use crate::drift::checks::tests::{ids, run, run_with};

    fn quiet(en: &str, vi: &str) {
        let f = run(en, vi);
        let found: Vec<_> = f
            .iter()
            .filter(|f| f.kind == Kind::Name)
            .map(|f| f.explanation.args.clone())
            .collect();
        assert!(found.is_empty(), "{en:?} / {vi:?}: {found:?}");
    }

    #[test]
    fn names_kept_pass() {
        quiet(
            "Deputy Minister Nguyen Thanh Hung met ASEAN delegates in Hanoi.",
            "Thứ trưởng Nguyễn Thanh Hùng gặp các đại biểu ASEAN tại Hà Nội.",
        );
        quiet(
            "It happened in Vietnam and Da Nang.",
            "Việc này xảy ra tại Việt Nam và Đà Nẵng.",
        );
        quiet("It happened in Ha Noi.", "Việc này xảy ra ở Hanoi.");
        quiet(
            "The Australian Strategic Policy Institute organized it with Japan.",
            "Viện Chính sách Chiến lược Úc phối hợp với Nhật Bản tổ chức.",
        );
        quiet(
            "The drill took place in Hanoi, Da Nang and Ho Chi Minh City.",
            "Cuộc diễn tập diễn ra tại Hà Nội, Đà Nẵng và TP.HCM.",
        );
        quiet(
            "Ms. Le Thi Thu Hang spoke.",
            "Bà Lê Thị Thu Hằng phát biểu.",
        );
        quiet("Ms. Ly spoke.", "Bà Lí phát biểu.");
        quiet("Vietnam's economy grew.", "Kinh tế Việt Nam tăng trưởng.");
        quiet(
            "Nguyen spoke on Monday in May.",
            "Ông Nguyễn phát biểu hôm thứ Hai.",
        );
        quiet(
            "Support for SMEs and their CEO.",
            "Hỗ trợ DNNVV và Tổng Giám đốc của họ.",
        );
        quiet(
            "It cost VND 25,000 or USD 1.",
            "Phí là 25.000 đồng hay 1 đô la.",
        );
        quiet(
            "World War II ended at 11 AM.",
            "Chiến tranh thế giới thứ hai kết thúc lúc 11 giờ.",
        );
        quiet("Decision No. 1234/QD-BTTTT", "Quyết định số 1234/QĐ-BTTTT");
        quiet("Thanh Hoa City is far.", "TP. Thanh Hóa ở xa.");
        quiet(
            "National Digital Transformation Day",
            "Ngày Chuyển đổi số quốc gia",
        );
        quiet("China and India In Asia", "Trung Quốc và Ấn Độ ở châu Á");
    }

    #[test]
    fn missing_names_found() {
        let f = run(
            "Deputy Minister Nguyen Thanh Hung met ASEAN delegates.",
            "Thứ trưởng Trần Minh Khoa gặp các đại biểu.",
        );
        // ASEAN is known to the world knowledge, which says its Vietnamese name.
        assert_eq!(
            ids(&f, Kind::Name),
            ["check-name-missing", "check-name-world-missing"]
        );
        assert_eq!(
            f[0].explanation.args,
            [("name", "Nguyen Thanh Hung".to_string())]
        );
        assert_eq!(f[1].explanation.args[0], ("name", "ASEAN".to_string()));
        let f = run("He flew to Da Nang.", "Ông bay tới Hà Nội.");
        assert_eq!(f[0].explanation.args, [("name", "Da Nang".to_string())]);
        let f = run("It is in Vietnam.", "Nó ở Lào.");
        assert_eq!(ids(&f, Kind::Name), ["check-name-world-differs"]);
    }

    #[test]
    fn glossary_terms() {
        let options = CheckOptions {
            glossary: Some(Glossary::parse(
                "Ministry of Information and Communications\tBộ Thông tin và Truyền thông\n\
                 Ministry of Information and Communications\tBộ TT&TT\n\
                 Information\tThông tin\n",
            )),
            ..CheckOptions::default()
        };
        let ok = run_with(
            "The Ministry of Information and Communications held it.",
            "Bộ Thông tin và Truyền thông tổ chức.",
            &options,
        );
        assert!(ids(&ok, Kind::Name).is_empty(), "{ok:?}");
        let ok = run_with(
            "The Ministry of Information and Communications held it.",
            "Bộ TT&TT tổ chức.",
            &options,
        );
        assert!(ids(&ok, Kind::Name).is_empty(), "{ok:?}");
        let f = run_with(
            "The Ministry of Information and Communications held it.",
            "Bộ Ngoại giao tổ chức.",
            &options,
        );
        assert_eq!(ids(&f, Kind::Name), ["check-name-glossary"]);
        assert_eq!(
            f[0].explanation.args,
            [
                (
                    "term",
                    "Ministry of Information and Communications".to_string()
                ),
                ("translation", "Bộ Thông tin và Truyền thông".to_string())
            ]
        );
    }
}
