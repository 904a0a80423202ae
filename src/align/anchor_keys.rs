//! The aligner's anchor keys: each anchor the readers of [`crate::text::anchors`] find
//! (and each glossary term) becomes a `u64` key, the family in the top three bits and a
//! hash of the canonical form below. A sentence's anchors are a sorted multiset of keys,
//! so two sides compare by merging sorted lists.

use crate::text::anchors::{names, numbers, punctuation, urls};
use crate::text::{Glossary, Lang};

use super::Features;

/// An anchor family; each is switched by one field of [`Features`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Family {
    Number = 0,
    Name = 1,
    Url = 2,
    Punct = 3,
    Glossary = 4,
}

impl Family {
    pub fn of(key: u64) -> Family {
        match key >> 61 {
            0 => Family::Number,
            1 => Family::Name,
            2 => Family::Url,
            3 => Family::Punct,
            _ => Family::Glossary,
        }
    }
}

/// The key of `canonical` in `family` (FNV-1a, deterministic across runs and platforms).
pub(crate) const fn key(family: Family, canonical: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let bytes = canonical.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    ((family as u64) << 61) | (h >> 3)
}

/// The anchor of a quotation: direct speech stays direct speech in translation, unlike a
/// parenthesis (a gloss added) or an exclamation mark (dropped in Vietnamese style).
pub(crate) const QUOTATION: u64 = key(Family::Punct, "\"");

/// The sorted anchor keys of one sentence.
pub(crate) fn extract(
    text: &str,
    lang: Lang,
    features: &Features,
    glossary: Option<&Glossary>,
) -> Vec<u64> {
    let mut out = Vec::new();
    let mut rest = std::borrow::Cow::Borrowed(text);
    if features.urls {
        let (found, blanked) = urls(text);
        out.extend(found.iter().map(|u| key(Family::Url, u)));
        rest = std::borrow::Cow::Owned(blanked);
    }
    if features.numbers {
        out.extend(numbers(&rest, lang).iter().map(|n| key(Family::Number, n)));
    }
    if features.names {
        out.extend(names(&rest).iter().map(|n| key(Family::Name, n)));
    }
    if features.punctuation {
        out.extend(punctuation(text).iter().map(|p| key(Family::Punct, p)));
    }
    if let Some(g) = glossary {
        out.extend(
            g.find(text, lang)
                .map(|i| key(Family::Glossary, &i.to_string())),
        );
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extract_respects_features() {
        let all = Features::default();
        let none = Features {
            numbers: false,
            names: false,
            urls: false,
            punctuation: false,
            ..all
        };
        let text = "Is ASEAN at https://asean.org in 2019?";
        assert!(extract(text, Lang::En, &none, None).is_empty());
        let keys = extract(text, Lang::En, &all, None);
        assert!(keys.windows(2).all(|w| w[0] <= w[1]));
        let families: Vec<Family> = keys.iter().map(|&k| Family::of(k)).collect();
        for f in [Family::Number, Family::Name, Family::Url, Family::Punct] {
            assert!(families.contains(&f), "{f:?}");
        }
    }
}
