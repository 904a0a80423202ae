//! The published Vietnamese layout that the memory records beside the translations: what
//! only the Vietnamese has (an editor's addition, a 0-1 link) and where the Vietnamese
//! paragraphs differ from the English ones, so that `export --to vi` rebuilds the
//! published article and not one shaped like the English.
//!
//! Everything is relative to the English: an export follows the English paragraphs unless
//! a published item (the Vietnamese of a TU, or an addition) says otherwise. An item
//! "breaks" when it starts a paragraph; the English breaks before an item whose English
//! paragraph differs from the previous published item's (an addition sits in the
//! paragraph of the unit it is anchored to, and never breaks by itself). Only where the
//! Vietnamese differs is a [`ViParagraph`] recorded, so a translation laid out like its
//! English carries nothing, and a record goes away with the TU it is on.

use crate::align::Link;

/// Where the published Vietnamese puts a paragraph break that the English does not (or
/// leaves out one that the English has), before the item it is recorded on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ViParagraph {
    /// The Vietnamese starts a paragraph here, inside an English paragraph.
    New,
    /// The Vietnamese runs on here, where the English starts a paragraph.
    Same,
}

impl ViParagraph {
    /// The value of the prop [`props::VI_PARAGRAPH`](super::record::props::VI_PARAGRAPH).
    pub fn as_str(self) -> &'static str {
        match self {
            ViParagraph::New => "new",
            ViParagraph::Same => "same",
        }
    }

    /// Reads a prop value; anything else is no record (the English layout).
    pub fn parse(value: &str) -> Option<ViParagraph> {
        match value.trim() {
            "new" => Some(ViParagraph::New),
            "same" => Some(ViParagraph::Same),
            _ => None,
        }
    }
}

/// An editor's addition as an export publishes it: Vietnamese without English, placed
/// beside the unit it is tied to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Addition {
    pub vi: String,
    /// Whether it starts a paragraph of its own ([`ViParagraph::New`]); otherwise it runs
    /// on in the paragraph of what comes before it.
    pub paragraph: Option<ViParagraph>,
}

/// Where an addition (Vietnamese without English) was published, by English sentence
/// index: after the translation of a link whose first English sentence is this one, or,
/// at the start of an article, before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    After(usize),
    Before(usize),
}

/// What the memory records for one link of an alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LinkLayout {
    /// For a published link (it has Vietnamese): where its paragraphs differ from the
    /// English's.
    pub paragraph: Option<ViParagraph>,
    /// For an addition: where it goes; `None` for a link with English, or an addition in
    /// an article without English sentences (nowhere to tie it).
    pub anchor: Option<Anchor>,
}

/// The layout of every link, in order. `en_paragraph[i]` is the paragraph of English
/// sentence `i`, `vi_paragraph[j]` that of Vietnamese sentence `j` (any numbering that
/// changes exactly between paragraphs).
pub fn of_links(links: &[Link], en_paragraph: &[usize], vi_paragraph: &[usize]) -> Vec<LinkLayout> {
    let mut out = Vec::with_capacity(links.len());
    // First English sentence of the last link with English (an addition follows its TU).
    let mut last_en: Option<usize> = None;
    // English and Vietnamese paragraph of the last published item.
    let mut last_published: Option<(usize, usize)> = None;
    for (k, link) in links.iter().enumerate() {
        let anchor = match link.en.first() {
            Some(&first) => {
                last_en = Some(first);
                None
            }
            None => last_en.map(Anchor::After).or_else(|| {
                links[k + 1..]
                    .iter()
                    .find_map(|l| l.en.first().copied())
                    .map(Anchor::Before)
            }),
        };
        let en_sentence = match anchor {
            Some(Anchor::After(i) | Anchor::Before(i)) => Some(i),
            None => link.en.first().copied(),
        };
        let (Some(en_sentence), Some(&first_vi), Some(&last_vi)) =
            (en_sentence, link.vi.first(), link.vi.last())
        else {
            // Nothing published (an omitted English sentence), or nowhere to tie it.
            out.push(LinkLayout {
                paragraph: None,
                anchor,
            });
            continue;
        };
        let en_par = en_paragraph.get(en_sentence).copied().unwrap_or(0);
        let vi_par = vi_paragraph.get(first_vi).copied().unwrap_or(0);
        let paragraph = last_published.and_then(|(en_before, vi_before)| {
            // An addition never breaks by the English: it sits inside its anchor's paragraph.
            let en_breaks = anchor.is_none() && en_par != en_before;
            match (en_breaks, vi_par != vi_before) {
                (false, true) => Some(ViParagraph::New),
                (true, false) => Some(ViParagraph::Same),
                _ => None,
            }
        });
        last_published = Some((en_par, vi_paragraph.get(last_vi).copied().unwrap_or(vi_par)));
        out.push(LinkLayout { paragraph, anchor });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(en: &[usize], vi: &[usize]) -> Link {
        Link {
            en: en.to_vec(),
            vi: vi.to_vec(),
            confidence: 0.9,
        }
    }

    #[test]
    fn a_vietnamese_laid_out_like_the_english_records_nothing() {
        let links = [link(&[0], &[0]), link(&[1], &[1]), link(&[2], &[2])];
        let layout = of_links(&links, &[0, 0, 1], &[0, 0, 1]);
        assert!(layout.iter().all(|l| *l == LinkLayout::default()));
    }

    #[test]
    fn joined_and_split_paragraphs_and_an_addition_of_its_own() {
        // English: [0 1] [2] [3]; Vietnamese: [0] [1 2] [addition] [3].
        let links = [
            link(&[0], &[0]),
            link(&[1], &[1]),
            link(&[2], &[2]),
            link(&[], &[3]),
            link(&[3], &[4]),
        ];
        let layout = of_links(&links, &[0, 0, 1, 2], &[0, 1, 1, 2, 3]);
        let paragraphs: Vec<_> = layout.iter().map(|l| l.paragraph).collect();
        assert_eq!(
            paragraphs,
            [
                None,
                Some(ViParagraph::New),
                Some(ViParagraph::Same),
                Some(ViParagraph::New),
                None
            ]
        );
        assert_eq!(layout[3].anchor, Some(Anchor::After(2)));
    }

    #[test]
    fn an_addition_before_any_english_is_tied_to_the_first_sentence() {
        let links = [link(&[], &[0]), link(&[0], &[1]), link(&[1], &[])];
        let layout = of_links(&links, &[0, 0], &[0, 0]);
        assert_eq!(layout[0].anchor, Some(Anchor::Before(0)));
        assert_eq!(layout[1].paragraph, None);
        // An omitted sentence publishes nothing and records no layout.
        assert_eq!(layout[2], LinkLayout::default());
    }
}
