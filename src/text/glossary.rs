//! A bilingual glossary (`English<TAB>Vietnamese` per line) whose term pairs serve as
//! alignment anchors.

use std::collections::HashMap;

use crate::text::normalize::fold;

use crate::text::Lang;
use crate::text::tokens::{TokenKind, tokens};

/// English → Vietnamese term pairs. Terms match whole words, without case or diacritics.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// Each pair as folded words: (English, Vietnamese).
    pairs: Vec<(Vec<String>, Vec<String>)>,
    /// Each pair as written (trimmed), for messages.
    written: Vec<(String, String)>,
    /// First folded word → the pairs whose term starts with it, per language.
    en_index: HashMap<String, Vec<usize>>,
    vi_index: HashMap<String, Vec<usize>>,
}

/// A line of a glossary file that is not a term pair.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("glossary line {line}: expected `English<TAB>Vietnamese`")]
pub struct GlossaryError {
    /// 1-based line number.
    pub line: usize,
}

fn words(text: &str) -> Vec<String> {
    let folded = fold(text);
    tokens(&folded)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| folded[t.range].to_string())
        .collect()
}

impl Glossary {
    /// Parses a TSV glossary: one `English<TAB>Vietnamese` pair per line; blank lines and
    /// lines starting with `#` are skipped, and so are lines that are not pairs, such as a
    /// line with a third column (see [`Glossary::parse_with_errors`] to list them).
    pub fn parse(text: &str) -> Glossary {
        Glossary::parse_with_errors(text).0
    }

    /// Like [`Glossary::parse`], and returns the lines that are not pairs beside the
    /// glossary of the good ones.
    pub fn parse_with_errors(text: &str) -> (Glossary, Vec<GlossaryError>) {
        let mut glossary = Glossary::default();
        let mut errors = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_start_matches('\u{feff}');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            // A third column is refused rather than read as a note: it is as likely a term
            // split by a stray tab, or a pasted table with its columns in another order.
            // Trailing tabs with nothing after them are only white space.
            let (en, vi) = (cols.next(), cols.next());
            let extra = cols.any(|col| !col.trim().is_empty());
            match (en, vi) {
                (Some(en), Some(vi))
                    if !extra && !words(en).is_empty() && !words(vi).is_empty() =>
                {
                    glossary.insert(en, vi);
                }
                _ => errors.push(GlossaryError { line: n + 1 }),
            }
        }
        (glossary, errors)
    }

    /// Adds one pair.
    pub fn insert(&mut self, en: &str, vi: &str) {
        let (original_en, original_vi) = (en, vi);
        let (en, vi) = (words(en), words(vi));
        let (Some(e0), Some(v0)) = (en.first(), vi.first()) else {
            return;
        };
        let id = self.pairs.len();
        self.en_index.entry(e0.clone()).or_default().push(id);
        self.vi_index.entry(v0.clone()).or_default().push(id);
        self.pairs.push((en, vi));
        self.written.push((
            original_en.trim().to_string(),
            original_vi.trim().to_string(),
        ));
    }

    /// Number of term pairs.
    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    /// Whether the glossary has no pairs.
    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// The term pairs as written (`English`, `Vietnamese`), in file order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.written.iter().map(|(e, v)| (e.as_str(), v.as_str()))
    }

    /// Pair `id` as written (`English`, `Vietnamese`).
    pub(crate) fn written(&self, id: usize) -> (&str, &str) {
        let (e, v) = &self.written[id];
        (e, v)
    }

    /// The folded words of pair `id`'s term in `lang`.
    pub(crate) fn term(&self, id: usize, lang: Lang) -> &[String] {
        match lang {
            Lang::En => &self.pairs[id].0,
            Lang::Vi => &self.pairs[id].1,
        }
    }

    /// Where the `lang` terms occur in a text given as its folded words: `(pair id, range
    /// of word indices)` for every occurrence, in order of the first word.
    pub(crate) fn find_in_words<W: AsRef<str>>(
        &self,
        words: &[W],
        lang: Lang,
    ) -> Vec<(usize, std::ops::Range<usize>)> {
        let mut found = Vec::new();
        let index = match lang {
            Lang::En => &self.en_index,
            Lang::Vi => &self.vi_index,
        };
        for start in 0..words.len() {
            for &id in index.get(words[start].as_ref()).into_iter().flatten() {
                let term = self.term(id, lang);
                if words.len() - start >= term.len()
                    && words[start..]
                        .iter()
                        .zip(term)
                        .all(|(w, t)| w.as_ref() == t)
                {
                    found.push((id, start..start + term.len()));
                }
            }
        }
        found
    }

    /// The ids of the pairs whose `lang` term occurs in `text`, once per occurrence.
    pub(crate) fn find(&self, text: &str, lang: Lang) -> impl Iterator<Item = usize> {
        let found = if self.pairs.is_empty() {
            Vec::new()
        } else {
            self.find_in_words(&words(text), lang)
        };
        found.into_iter().map(|(id, _)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_finds_terms() {
        let (g, errors) = Glossary::parse_with_errors(
            "# terms\nDeputy Minister\tThứ trưởng\n\ncyberspace\tkhông gian mạng\t\nbroken line\n",
        );
        // A trailing tab is only white space.
        assert_eq!(errors, [GlossaryError { line: 5 }]);
        assert_eq!(g.len(), 2);
        let en: Vec<usize> = g
            .find("The deputy minister spoke on cyberspace.", Lang::En)
            .collect();
        assert_eq!(en, [0, 1]);
        let vi: Vec<usize> = g
            .find("Thứ trưởng nói về không gian mạng.", Lang::Vi)
            .collect();
        assert_eq!(vi, [0, 1]);
        // Whole words only, and without diacritics.
        assert_eq!(g.find("khong gian mang", Lang::Vi).count(), 1);
        assert_eq!(g.find("cyberspaces", Lang::En).count(), 0);
    }

    #[test]
    fn a_third_column_is_an_error() {
        let (g, errors) = Glossary::parse_with_errors(
            "ransomware\tmã độc tống tiền\tnote\nhacker\ttin tặc\nA\tB C\tD\tE\n",
        );
        assert_eq!(
            errors,
            [GlossaryError { line: 1 }, GlossaryError { line: 3 }]
        );
        assert_eq!(g.len(), 1);
    }
}
