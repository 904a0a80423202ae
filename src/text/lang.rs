//! The language of a text, and language tags.

use unic_langid::LanguageIdentifier;

/// English or Vietnamese: the two languages songngu reads (segmentation rules, anchor
/// readers, checks and memory sides all depend on it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Vi,
}

impl Lang {
    /// The BCP 47 code (`en`, `vi`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Vi => "vi",
        }
    }
}

/// How well a variant's language serves a wanted language, worst to best. This is the one
/// rule of language matching: lookups and the store
/// ([`Tu::tuv`](crate::tmx::Tu::tuv)), import and validation (`missing-source-tuv`) all
/// use it, so a TU that answers lookups also passes validation.
///
/// Like OmegaT: the exact tag first (compared after canonicalization, so `EN-us`, `en_US`
/// and `en-US` are one tag), then the bare language (`vi` for `vi-VN`), then the same
/// language with any script or region (`en-GB` for `en-US`, `en-US` for `en`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LangMatch {
    /// The same primary language, another script, region or variant.
    SameLanguage,
    /// The same primary language without script, region or variant.
    Bare,
    /// The same tag.
    Exact,
}

/// How `candidate` (a variant's language) matches `wanted`; `None` for another language.
pub fn lang_match(
    candidate: &LanguageIdentifier,
    wanted: &LanguageIdentifier,
) -> Option<LangMatch> {
    if candidate == wanted {
        return Some(LangMatch::Exact);
    }
    if candidate.language != wanted.language {
        return None;
    }
    let bare =
        candidate.script.is_none() && candidate.region.is_none() && candidate.variants().len() == 0;
    Some(if bare {
        LangMatch::Bare
    } else {
        LangMatch::SameLanguage
    })
}

/// The index of the best match for `wanted` among `candidates` (the first of equally
/// good ones; `None` entries are variants without a valid tag), by [`lang_match`].
pub fn best_lang_match<L: std::borrow::Borrow<LanguageIdentifier>>(
    candidates: impl IntoIterator<Item = Option<L>>,
    wanted: &LanguageIdentifier,
) -> Option<usize> {
    let mut best: Option<(LangMatch, usize)> = None;
    for (index, candidate) in candidates.into_iter().enumerate() {
        let Some(rank) = candidate.and_then(|c| lang_match(c.borrow(), wanted)) else {
            continue;
        };
        if rank == LangMatch::Exact {
            return Some(index);
        }
        if best.is_none_or(|(seen, _)| rank > seen) {
            best = Some((rank, index));
        }
    }
    best.map(|(_, index)| index)
}

/// Parses a language tag leniently: `_` is a separator and case does not matter.
pub fn parse_lang(raw: &str) -> Option<LanguageIdentifier> {
    LanguageIdentifier::from_bytes(raw.trim().as_bytes()).ok()
}
