//! The `inconsistent` check: the same English translated differently, or the same
//! Vietnamese used for different English, inside an article ([`within`]) or against the
//! translation memory ([`with_memory`]).
//!
//! Two English texts are the same when their words are (case, diacritics and punctuation
//! aside: an English that only gains a comma is still the same source). Two Vietnamese
//! texts are the same translation when their words are, in NFC, case aside and with tone
//! placement folded (`hòa` = `hoà`, which the `normalization` check reports on its own):
//! English that differs only in case or punctuation is one source, and its translations
//! follow those differences (`Time` → `Giờ`, `Time:` → `Giờ:`), so they are one
//! translation too; the `punctuation` check compares each pair's marks with its English.
//!
//! One Vietnamese for two English is only reported between sentences, not between labels
//! (fewer than four words and no sentence-final stop: `Delete` and `Clear` → `Xóa`, `Mon`
//! and `Monday` → `Thứ 2`): a label vocabulary gives one Vietnamese term to several
//! English synonyms by design, while two different sentences with one translation are a
//! copy left in place. A conflict inside the article is reported by [`within`] only, not
//! again by [`with_memory`] when the memory holds the article itself.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use super::normalization::old_style;
use super::{Pair, Side, Translations};
use crate::drift::report::Explanation;
use crate::text::anchors::Key;
use crate::text::normalize::{fold, normalize};
use crate::text::tokens::{TokenKind, tokens};

/// [`en_words_key`] of a side already read, hashed, with and without its
/// [`purpose_mark`]: the words of its clean text, then what was taken out of it
/// (addresses, link targets, code), so that two sources that differ only there still
/// differ. The words are read once for both.
fn en_hashes(side: &Side) -> (u64, u64) {
    let mut words = DefaultHasher::new();
    let clean = side.clean();
    for (t, k) in side.tokens.iter().zip(&side.keys) {
        if t.kind == TokenKind::Word {
            match k.as_str() {
                "" => fold(&clean[t.range.clone()]).hash(&mut words),
                k => k.hash(&mut words),
            }
        }
    }
    let mut with_purpose = words.clone();
    purpose_mark(clean).hash(&mut with_purpose);
    let finish = |mut h: DefaultHasher| {
        let m = &side.markup;
        0xffu8.hash(&mut h);
        for u in &m.urls {
            u.raw.hash(&mut h);
        }
        m.links.hash(&mut h);
        m.code.hash(&mut h);
        h.finish()
    };
    (finish(with_purpose), finish(words))
}

/// [`vi_key`] of a side already read (its text is NFC), hashed.
fn vi_hash(side: &Side) -> u64 {
    let mut h = DefaultHasher::new();
    vi_words(&side.text).hash(&mut h);
    h.finish()
}

/// The final mark that tells what an English text is for, when it is not a plain
/// statement: a question (`Delete?`), an exclamation, a lead-in (`Filter:`) or a command
/// that opens a dialog (`Find…`). `Delete?` and `Delete` are different sources, which
/// rightly get different translations (`Bạn muốn xoá?`, `Xoá`).
fn purpose_mark(en: &str) -> Option<char> {
    en.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .chars()
        .next_back()
        .filter(|c| matches!(c, '?' | '!' | ':' | '…'))
        .map(|c| if c == '…' { '.' } else { c })
        .or_else(|| en.trim_end().ends_with("...").then_some('.'))
}

/// The words of a Vietnamese text, lower-cased and in the old tone placement, without
/// the names of inline tags (`<em>`) and the optional grammatical markers, and with months in words as numbers (`Tháng Một` =
/// `Tháng 1`): a translation that differs only there says the same thing.
fn vi_words(vi: &str) -> Vec<String> {
    let raw: Vec<&str> = tokens(vi)
        .filter(|t| {
            t.kind == TokenKind::Word
                && !(vi[..t.range.start].ends_with('<') || vi[..t.range.start].ends_with("</"))
        })
        .map(|t| &vi[t.range])
        .collect();
    let mut words = Vec::with_capacity(raw.len());
    let mut k = 0;
    while k < raw.len() {
        if let Some((month, n)) = crate::text::world::calendar::vi_month(&raw[k..]) {
            words.push("tháng".to_string());
            words.push(month.to_string());
            k += n;
            continue;
        }
        let word = raw[k].to_lowercase();
        if !OPTIONAL_MARKERS.contains(&word.as_str()) {
            words.push(old_style(&word).into_owned());
        }
        k += 1;
    }
    words
}

/// Vietnamese grammatical words a translator may write or leave out without changing what
/// is said: the passive (`được`, `bị`), tense and aspect (`đã`, `đang`, `sẽ`) and plural
/// (`các`, `những`) markers. `được yêu cầu bởi` and `yêu cầu bởi` are one translation.
const OPTIONAL_MARKERS: [&str; 7] = ["được", "bị", "đã", "đang", "sẽ", "các", "những"];

/// Whether an English text is a label (a menu item, a heading, a field name) rather than
/// a sentence: fewer than four words and no sentence-final stop.
pub(super) fn is_label(en: &str) -> bool {
    let sentence_end = en
        .trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?', '…']);
    !sentence_end && tokens(en).filter(|t| t.kind == TokenKind::Word).count() < 4
}

/// The key under which two English texts say the same words, whatever their final mark:
/// one Vietnamese may serve both.
fn en_words_key(en: &str) -> String {
    let mut key = String::with_capacity(en.len());
    for t in tokens(en).filter(|t| t.kind == TokenKind::Word) {
        if !key.is_empty() {
            key.push(' ');
        }
        let word = &en[t.range];
        let k = Key::of(word);
        if k.as_str().is_empty() {
            key.push_str(&fold(word));
        } else {
            key.push_str(k.as_str());
        }
    }
    key
}

/// The key under which two Vietnamese texts are the same translation.
fn vi_key(vi: &str) -> String {
    vi_words(&normalize(vi)).join(" ")
}

/// Pairs of the article whose English is translated differently earlier in it, or whose
/// Vietnamese translates a different English earlier in it: each conflict is reported
/// once, where the article departs from what it said before.
pub(super) fn within(pairs: &[Pair], sides: &[(Side, Side)]) -> Vec<(usize, Explanation)> {
    // Hashes of the keys: two different texts share one with a chance of about 2⁻⁶⁴.
    // (English with its purpose mark, English words, Vietnamese): `Delete?` and `Delete`
    // may be translated differently, but one Vietnamese for both is no conflict.
    let keys: Vec<Option<(u64, u64, u64)>> = pairs
        .iter()
        .zip(sides)
        .map(|(p, (en, vi))| {
            (!p.en.trim().is_empty() && !p.vi.trim().is_empty()).then(|| {
                let (with_purpose, words) = en_hashes(en);
                (with_purpose, words, vi_hash(vi))
            })
        })
        .collect();
    let by_en = Groups::of(keys.iter().map(|k| k.map(|(e, _, v)| (e, v))));
    // Labels are left out of one-Vietnamese-for-two-English (see the module's notes).
    let by_vi = Groups::of(keys.iter().zip(pairs).map(|(k, p)| {
        k.filter(|_| !is_label(p.en))
            .map(|(_, words, v)| (v, words))
    }));
    let mut out = Vec::new();
    for (i, k) in keys.iter().enumerate() {
        let Some((e, words, v)) = *k else { continue };
        // One conflict, one finding: on the unit that departs from an earlier one.
        if let Some(j) = by_en.differing(e, v).filter(|&j| j < i) {
            out.push((
                i,
                Explanation::new("check-inconsistent-target")
                    .arg("other", pairs[j].vi)
                    .arg("unit", pairs[j].unit),
            ));
        }
        if let Some(j) = by_vi
            .differing(v, words)
            .filter(|&j| j < i && !is_label(pairs[i].en))
        {
            out.push((
                i,
                Explanation::new("check-inconsistent-source")
                    .arg("other", pairs[j].en)
                    .arg("unit", pairs[j].unit),
            ));
        }
    }
    out
}

/// Units grouped by one key, each group summed up by its first unit and the first unit
/// whose other key differs from the first's: enough to answer "the first unit of my group
/// whose other key differs from mine" in constant time, so an article of N copies of one
/// sentence costs N steps, not N².
struct Groups(HashMap<u64, Group>);

struct Group {
    first: usize,
    first_other: u64,
    first_differing: Option<usize>,
}

impl Groups {
    /// `keys[i]` is unit `i`'s (group key, other key), `None` for a unit left out.
    fn of(keys: impl Iterator<Item = Option<(u64, u64)>>) -> Groups {
        let mut groups: HashMap<u64, Group> = HashMap::new();
        for (i, key) in keys.enumerate() {
            let Some((key, other)) = key else { continue };
            let group = groups.entry(key).or_insert(Group {
                first: i,
                first_other: other,
                first_differing: None,
            });
            if group.first_differing.is_none() && other != group.first_other {
                group.first_differing = Some(i);
            }
        }
        Groups(groups)
    }

    /// The first unit of group `key` whose other key is not `mine`.
    fn differing(&self, key: u64, mine: u64) -> Option<usize> {
        let group = self.0.get(&key)?;
        if group.first_other != mine {
            Some(group.first)
        } else {
            group.first_differing
        }
    }
}

/// The English and Vietnamese keys of an article's pairs: what [`within`] already compares.
#[derive(Default)]
pub(super) struct ArticleKeys {
    en_words: HashSet<String>,
    vi: HashSet<String>,
}

impl ArticleKeys {
    pub(super) fn of(pairs: &[Pair]) -> ArticleKeys {
        ArticleKeys {
            en_words: pairs.iter().map(|p| en_words_key(p.en)).collect(),
            vi: pairs.iter().map(|p| vi_key(p.vi)).collect(),
        }
    }
}

/// Other translations of the pair's English in the memory, and other English for its
/// Vietnamese, leaving out those of the article itself (in `article`), which [`within`]
/// reports.
pub(super) fn with_memory(
    pair: &Pair,
    memory: &dyn Translations,
    article: &ArticleKeys,
) -> Vec<Explanation> {
    let mut out = Vec::new();
    if pair.en.trim().is_empty() || pair.vi.trim().is_empty() {
        return out;
    }
    let (e, v) = (en_words_key(pair.en), vi_key(pair.vi));
    let mut others: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for t in memory.targets_of(pair.en) {
        let k = vi_key(&t);
        if k != v && !article.vi.contains(&k) && !seen.contains(&k) {
            seen.push(k);
            others.push(t);
        }
    }
    if let Some(first) = others.first() {
        out.push(
            Explanation::new("check-inconsistent-memory-target")
                .arg("other", first.as_str())
                .arg("count", others.len().to_string()),
        );
    }
    let mut others: Vec<String> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let sources = if is_label(pair.en) {
        Vec::new()
    } else {
        memory.sources_of(pair.vi)
    };
    for s in sources {
        let k = en_words_key(&s);
        if k != e && !is_label(&s) && !article.en_words.contains(&k) && !seen.contains(&k) {
            seen.push(k);
            others.push(s);
        }
    }
    if let Some(first) = others.first() {
        out.push(
            Explanation::new("check-inconsistent-memory-source")
                .arg("other", first.as_str())
                .arg("count", others.len().to_string()),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::checks::{CheckOptions, check_article, inconsistent};
    use crate::drift::report::Kind;

    fn pair<'a>(unit: &'a str, en: &'a str, vi: &'a str) -> Pair<'a> {
        Pair {
            unit,
            paragraph: None,
            en,
            vi,
        }
    }

    fn found(findings: &[crate::drift::Finding]) -> Vec<(String, &'static str)> {
        findings
            .iter()
            .filter(|f| f.kind == Kind::Inconsistent)
            .map(|f| (f.unit.clone().unwrap_or_default(), f.explanation.id))
            .collect()
    }

    #[test]
    fn english_that_differs_in_its_purpose_mark_is_another_source() {
        let pairs = [
            pair("a", "Delete this comment", "Xoá bình luận này"),
            pair("b", "Delete this comment?", "Bạn muốn xoá bình luận này?"),
            pair("c", "Filter the comments:", "Lọc các bình luận theo:"),
            pair("d", "Filter the comments", "Bộ lọc bình luận"),
            pair("e", "Find the comments…", "Tìm bình luận…"),
            pair("f", "Find the comments", "Tìm kiếm bình luận"),
            // A full stop is no purpose: still the same source.
            pair("g", "Delete this comment.", "Gỡ bình luận này."),
            // One Vietnamese for a question and its statement is no conflict either.
            pair("h", "Hide this comment", "Ẩn bình luận này"),
            pair("i", "Hide this comment?", "Ẩn bình luận này"),
        ];
        let f = check_article(&pairs, &CheckOptions::default());
        assert_eq!(found(&f), [("g".to_string(), "check-inconsistent-target")]);
        assert_eq!(purpose_mark("Find..."), purpose_mark("Find…"));
    }

    #[test]
    fn vietnamese_that_differs_in_tags_or_month_spelling_is_the_same_translation() {
        assert_eq!(
            vi_key("Lỗi máy chủ <em>(500)</em>"),
            vi_key("Lỗi máy chủ (500)")
        );
        assert_eq!(vi_key("Tháng Một"), vi_key("Tháng 1"));
        assert_eq!(vi_key("tháng Mười Hai"), vi_key("Tháng 12"));
        assert_ne!(vi_key("và/hoặc"), vi_key("và"));
        // Optional grammatical markers aside; other words still count.
        assert_eq!(vi_key("được yêu cầu bởi"), vi_key("Yêu cầu bởi"));
        assert_eq!(vi_key("Các tệp đã bị xoá"), vi_key("tệp xoá"));
        assert_ne!(vi_key("Các loại nội dung"), vi_key("kiểu nội dung"));
    }

    #[test]
    fn within_an_article() {
        let pairs = [
            pair("a", "The forum opened.", "Diễn đàn khai mạc."),
            pair("b", "The forum  opened.", "Diễn đàn khai trương."),
            pair("c", "The forum opened.", "Diễn đàn khai mạc."),
            pair("d", "The meeting opened.", "Diễn đàn khai mạc."),
            pair("e", "Peace.", "Hòa bình."),
            pair("f", "Peace", "Hoà  bình."),
        ];
        let f = check_article(&pairs, &CheckOptions::default());
        assert_eq!(
            found(&f),
            [
                ("b".to_string(), "check-inconsistent-target"),
                ("c".to_string(), "check-inconsistent-target"),
                ("d".to_string(), "check-inconsistent-source"),
            ]
        );
        let b = f
            .iter()
            .find(|f| f.unit.as_deref() == Some("b") && f.kind == Kind::Inconsistent)
            .unwrap();
        assert_eq!(
            b.explanation.args,
            [
                ("other", "Diễn đàn khai mạc.".to_string()),
                ("unit", "a".to_string())
            ]
        );
    }

    struct Memory;
    impl Translations for Memory {
        fn targets_of(&self, en: &str) -> Vec<String> {
            match normalize(en).as_str() {
                "The forum opened." => vec![
                    "Diễn đàn khai mạc.".to_string(),
                    "Diễn đàn khai trương.".to_string(),
                    "Diễn đàn khai trương.".to_string(),
                ],
                _ => Vec::new(),
            }
        }
        fn sources_of(&self, vi: &str) -> Vec<String> {
            match normalize(vi).as_str() {
                "Diễn đàn khai mạc." => vec![
                    "The forum opened!".to_string(),
                    "The meeting opened.".to_string(),
                ],
                _ => Vec::new(),
            }
        }
    }

    #[test]
    fn against_the_memory() {
        let pairs = [
            pair("a", "The forum opened.", "Diễn đàn khai mạc."),
            pair("b", "Other.", "Khác."),
        ];
        let f = inconsistent(&pairs, &Memory);
        assert_eq!(
            found(&f),
            [
                ("a".to_string(), "check-inconsistent-memory-target"),
                ("a".to_string(), "check-inconsistent-memory-source"),
            ]
        );
        assert_eq!(
            f[0].explanation.args,
            [
                ("other", "Diễn đàn khai trương.".to_string()),
                ("count", "1".to_string())
            ]
        );
        assert_eq!(
            f[1].explanation.args,
            [
                ("other", "The meeting opened.".to_string()),
                ("count", "1".to_string())
            ]
        );
    }

    /// A memory that counts the questions it is asked.
    #[derive(Default)]
    struct Counting {
        questions: std::cell::Cell<usize>,
    }
    impl Translations for Counting {
        fn targets_of(&self, _en: &str) -> Vec<String> {
            self.questions.set(self.questions.get() + 1);
            vec!["Dạ.".to_string()]
        }
        fn sources_of(&self, _vi: &str) -> Vec<String> {
            self.questions.set(self.questions.get() + 1);
            vec!["Nope.".to_string()]
        }
    }

    #[test]
    fn repeated_sentences_ask_the_memory_once() {
        let mut pairs = vec![pair("u", "Yes.", "Vâng."); 2000];
        pairs.push(pair("v", "No.", "Không."));
        let memory = Counting::default();
        let f = inconsistent(&pairs, &memory);
        assert_eq!(memory.questions.get(), 4, "two questions per distinct pair");
        assert_eq!(f.len(), 2001 * 2, "every copy still gets its findings");
    }

    /// The first unit of `i`'s group (by `key`) whose `other` differs, by brute force:
    /// the earliest, which [`within`] relies on to report only units after a conflict.
    fn first_differing(keys: &[(u64, u64)], i: usize, flip: bool) -> Option<usize> {
        let get = |k: &(u64, u64)| if flip { (k.1, k.0) } else { *k };
        let (key, mine) = get(&keys[i]);
        keys.iter()
            .position(|k| get(k).0 == key && get(k).1 != mine)
    }

    #[test]
    fn groups_answer_like_a_scan_of_the_group() {
        // Keys from a small alphabet, so groups overlap in every way.
        let keys: Vec<(u64, u64)> = (0..300u64).map(|i| ((i * 7) % 5, (i * 13) % 3)).collect();
        let by_en = Groups::of(keys.iter().map(|&k| Some(k)));
        let by_vi = Groups::of(keys.iter().map(|&(e, v)| Some((v, e))));
        for (i, &(e, v)) in keys.iter().enumerate() {
            assert_eq!(
                by_en.differing(e, v),
                first_differing(&keys, i, false),
                "unit {i}"
            );
            assert_eq!(
                by_vi.differing(v, e),
                first_differing(&keys, i, true),
                "unit {i}"
            );
        }
    }
}
