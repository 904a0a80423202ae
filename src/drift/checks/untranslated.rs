//! The `same_as_source` check: the Vietnamese is the English left untranslated.
//!
//! The two texts must be equal after NFC and white space folding (the key of
//! [`normalize`](crate::memory::text::normalize)), and the English must be
//! prose: at least three words that start with a lower-case letter (outside markup, URLs
//! and e-mail addresses). A unit that is only a name, an acronym, a number, a URL or a
//! title in Title Case is often kept as is on purpose and is not flagged.

use super::{Side, Sink};
use crate::drift::report::{Explanation, Kind};
use crate::memory::text::TokenKind;

/// Lower-case words a unit needs to count as prose.
const PROSE_WORDS: usize = 3;

pub(super) fn check(en: &Side, vi: &Side, sink: &mut Sink) {
    let clean = en.clean();
    let prose = en
        .tokens
        .iter()
        .filter(|t| {
            t.kind == TokenKind::Word && clean[t.range.clone()].starts_with(char::is_lowercase)
        })
        .take(PROSE_WORDS)
        .count()
        >= PROSE_WORDS;
    // Both texts are NFC: equal after `normalize` means the same words between spaces.
    if prose && en.text.split_whitespace().eq(vi.text.split_whitespace()) {
        sink.push(Kind::SameAsSource, Explanation::new("check-same-as-source"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::checks::tests::{ids, run};

    #[test]
    fn untranslated_prose() {
        let f = run(
            "The conference opened in Hanoi.",
            "The conference  opened in Hanoi.",
        );
        assert_eq!(ids(&f, Kind::SameAsSource), ["check-same-as-source"]);
        for same in [
            "Nguyen Thanh Hung",
            "ASEAN",
            "VNCERT/CC",
            "2019",
            "https://mic.gov.vn/news/a-long-address-here",
            "Digital Economy Forum 2023",
            "Vietnam Post (see x@y.vn)",
        ] {
            assert!(
                ids(&run(same, same), Kind::SameAsSource).is_empty(),
                "{same}"
            );
        }
        assert!(
            ids(
                &run("The conference opened.", "Hội thảo khai mạc."),
                Kind::SameAsSource
            )
            .is_empty()
        );
    }
}
