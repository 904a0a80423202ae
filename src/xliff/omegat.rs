//! A unit's text as OmegaT 3.6 shows it after reading our XLIFF 1.2 work file, so that a
//! TMX holding that text matches the work file's units in OmegaT.
//!
//! OmegaT's XLIFF filter turns each inline code of a `<source>` into a short tag of its
//! own: `<bpt>` into `<X0>`, its `<ept>` into `</X0>`, `<ph>` into `<X1/>`. The number
//! counts the `<bpt>`s and `<ph>`s of the segment from 0 in order (an `<ept>` takes its
//! `<bpt>`'s); the letter is the first letter of the code's content (its Markdown), in
//! lower case, else `f` (`**`, `[`). It matches a memory's segment against that text, and
//! reads a TMX `<seg>` (of a tool other than OmegaT) as its text only: `<bpt>`/`<ph>`
//! there are dropped, so a TMX holding our codes as TMX codes never matches. A segment
//! whose text holds the short tags themselves does, and OmegaT then puts the work file's
//! codes back in the target it writes, so `xliff import` gets the Markdown back.
//! (Found with OmegaT 3.6.0 in console mode; `scripts/omegat-roundtrip.sh` checks it.)
//!
//! The codes are the work file's: the same cutting of the Markdown ([`pieces`]), the same
//! numbering, and the target's codes matched to the source's as the writer matches them.

use std::collections::HashMap;

use super::inline::{Piece, code_keys, match_target_codes, pieces};

/// The English and Vietnamese of a memory's TU as OmegaT shows the work file's unit with
/// that English: the inline Markdown as OmegaT's short tags. `None` when the English has
/// no inline Markdown (the TU is matched as it is). Markup only the Vietnamese has, and
/// any Vietnamese markup the English does not have, stays text.
pub fn omegat_texts(en: &str, vi: &str) -> Option<(String, String)> {
    let source = pieces(en);
    if !source.iter().any(Piece::is_code) {
        return None;
    }
    let tags = source_tags(&source);
    let source_keys = code_keys(&source);
    let target = pieces(vi);
    let target_ids = match_target_codes(&source_keys, &target);
    let en = join(&source, Some, &tags);
    let vi = join(&target, |id| target_ids.get(&id).copied(), &tags);
    Some((en, vi))
}

/// Each source code's short tag name (`f0`, `h1`) by its code id.
fn source_tags(source: &[Piece<'_>]) -> HashMap<usize, String> {
    let mut tags = HashMap::new();
    let mut index = 0;
    for piece in source {
        if let Piece::Open { id, data, .. } | Piece::Standalone { id, data, .. } = *piece {
            tags.insert(id, format!("{}{index}", letter(data)));
            index += 1;
        }
    }
    tags
}

/// OmegaT's letter of a code: the first letter of its content, lower-cased, else `f`.
fn letter(data: &str) -> char {
    data.chars()
        .find(|c| c.is_alphabetic())
        .and_then(|c| c.to_lowercase().next())
        .unwrap_or('f')
}

/// `pieces` with each code that `unit_id` makes a code of the unit written as its short
/// tag, and everything else as its Markdown.
fn join(
    pieces: &[Piece<'_>],
    unit_id: impl Fn(usize) -> Option<usize>,
    tags: &HashMap<usize, String>,
) -> String {
    let mut out = String::new();
    for piece in pieces {
        let (id, shape) = match *piece {
            Piece::Text(text) => {
                out.push_str(text);
                continue;
            }
            Piece::Open { id, .. } => (id, ("<", ">")),
            Piece::Close { id, .. } => (id, ("</", ">")),
            Piece::Standalone { id, .. } => (id, ("<", "/>")),
        };
        match unit_id(id).and_then(|u| tags.get(&u)) {
            Some(tag) => {
                out.push_str(shape.0);
                out.push_str(tag);
                out.push_str(shape.1);
            }
            None => out.push_str(piece.markdown()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_become_omegat_short_tags() {
        let (en, vi) = omegat_texts(
            "The [**fair**](https://x.vn/a) opened. Run `ls` or see <https://a.b>.",
            "Chạy `ls` hoặc xem <https://a.b>. [**Hội chợ**](https://x.vn/a) đã mở.",
        )
        .unwrap();
        assert_eq!(
            en,
            "The <f0><f1>fair</f1></f0> opened. Run <l2/> or see <h3/>."
        );
        assert_eq!(
            vi,
            "Chạy <l2/> hoặc xem <h3/>. <f0><f1>Hội chợ</f1></f0> đã mở."
        );
    }

    #[test]
    fn markup_the_english_lacks_stays_text_and_plain_english_is_left_alone() {
        let (en, vi) = omegat_texts("A *big* fair.", "Một hội chợ **lớn** *to*.").unwrap();
        assert_eq!(en, "A <f0>big</f0> fair.");
        assert_eq!(vi, "Một hội chợ **lớn** <f0>to</f0>.");
        assert_eq!(omegat_texts("2 * 3 = 6, plain.", "2 * 3 = 6."), None);
    }
}
