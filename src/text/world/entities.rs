//! Named things news translates: countries and territories (CLDR, `data/territories.tsv`,
//! plus everyday short forms in `data/territory-aliases.tsv`), international
//! organisations (`data/organisations.tsv`, written by hand) and currencies (CLDR,
//! `data/currencies.tsv`), each with its English and Vietnamese names.
//!
//! [`World::find_en`] and [`World::find_vi`] find their mentions in the words of a text,
//! the longest name first (`United States Agency for International Development` is
//! USAID, not the United States).
//!
//! - English names match without case, their first word capitalized in the text (`china`
//!   is porcelain); a possessive `'s` is ignored.
//! - Vietnamese names of two words or more match without case or diacritics, so that
//!   old and new tone placement (`hóa` / `hoá`) are one; a name of one word matches with
//!   its diacritics and a capital (`Lào` is Laos, `lao động` is labour).
//! - Acronyms (`IMF`, `LHQ`) match as written.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::{names, rows};
use crate::text::normalize::fold;
use crate::text::tokens::{TokenKind, tokens};

/// What an [`Entity`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    Territory,
    Organisation,
    Currency,
}

/// A country, territory, organisation or currency and its names.
#[derive(Debug, Clone)]
pub struct Entity {
    pub kind: EntityKind,
    /// The CLDR region or currency code, or the organisation's English acronym.
    pub code: &'static str,
    /// English names, the usual one first.
    pub en: Vec<&'static str>,
    /// Vietnamese names, the usual one first.
    pub vi: Vec<&'static str>,
    /// Acronyms written the same in both languages (`IMF`, `ASEAN`).
    pub acronyms: Vec<&'static str>,
    /// Acronyms of the Vietnamese name (`LHQ`).
    pub vi_acronyms: Vec<&'static str>,
}

/// A mention of an entity: which one, and the words (indexes) that name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub entity: usize,
    pub words: Range<usize>,
}

/// A name as words to match: English lower case, Vietnamese folded (or lower case with
/// its diacritics when it is one word).
struct Phrase {
    words: Vec<String>,
    entity: usize,
}

/// The loaded knowledge and its indexes.
pub struct World {
    entities: Vec<Entity>,
    /// English phrases by first word, longest first.
    en: HashMap<String, Vec<Phrase>>,
    /// Vietnamese phrases by first word, longest first.
    vi: HashMap<String, Vec<Phrase>>,
    /// Acronyms (as written) to entities, with whether Vietnamese only.
    acronyms: HashMap<&'static str, (usize, bool)>,
}

fn words_of(name: &str) -> Vec<&str> {
    tokens(name)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| &name[t.range])
        .collect()
}

/// A Vietnamese word as names of two words or more compare: without case or diacritics,
/// and `y` = `i`, the two spellings Vietnamese allows (`Thụy Sĩ` = `Thuỵ Sỹ`, `Hoa Kỳ` =
/// `Hoa Kì`).
fn vi_key(word: &str) -> String {
    fold(word).replace('y', "i")
}

/// The forms of a CLDR name: `Myanmar (Miến Điện)` is also `Myanmar` and `Miến Điện`.
fn forms(name: &'static str) -> Vec<&'static str> {
    let mut out = vec![name];
    if let Some((before, inside)) = name.split_once(" (") {
        out.push(before.trim());
        out.push(inside.trim_end_matches(')').trim());
    }
    out
}

impl World {
    fn load() -> World {
        let mut entities: Vec<Entity> = Vec::new();
        let mut by_code: HashMap<(EntityKind, &str), usize> = HashMap::new();
        let mut add = |kind, row: &[&'static str], entities: &mut Vec<Entity>| {
            let code = row[0];
            let i = *by_code.entry((kind, code)).or_insert_with(|| {
                entities.push(Entity {
                    kind,
                    code,
                    en: Vec::new(),
                    vi: Vec::new(),
                    acronyms: Vec::new(),
                    vi_acronyms: Vec::new(),
                });
                entities.len() - 1
            });
            let e = &mut entities[i];
            for n in names(row.get(1)).flat_map(forms) {
                if !e.en.contains(&n) {
                    e.en.push(n);
                }
            }
            for n in names(row.get(2)).flat_map(forms) {
                if !e.vi.contains(&n) {
                    e.vi.push(n);
                }
            }
            if kind == EntityKind::Organisation {
                e.acronyms.push(code);
                e.vi_acronyms.extend(names(row.get(3)));
            }
        };
        for row in rows(include_str!("data/territories.tsv")) {
            add(EntityKind::Territory, &row, &mut entities);
        }
        for row in rows(include_str!("data/territory-aliases.tsv")) {
            add(EntityKind::Territory, &row, &mut entities);
        }
        for row in rows(include_str!("data/organisations.tsv")) {
            add(EntityKind::Organisation, &row, &mut entities);
        }
        for row in rows(include_str!("data/currencies.tsv")) {
            add(EntityKind::Currency, &row, &mut entities);
        }

        let mut en: HashMap<String, Vec<Phrase>> = HashMap::new();
        let mut vi: HashMap<String, Vec<Phrase>> = HashMap::new();
        let mut acronyms = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            for name in &e.en {
                let words: Vec<String> = words_of(name).iter().map(|w| w.to_lowercase()).collect();
                // A currency's one-word English name (`euro`, `dollar`) is a common noun.
                if words.is_empty() || (e.kind == EntityKind::Currency && words.len() < 2) {
                    continue;
                }
                en.entry(words[0].clone())
                    .or_default()
                    .push(Phrase { words, entity: i });
            }
            for name in &e.vi {
                let raw = words_of(name);
                let words: Vec<String> = if raw.len() == 1 {
                    vec![raw[0].to_lowercase()]
                } else {
                    raw.iter().map(|w| vi_key(w)).collect()
                };
                if words.is_empty() {
                    continue;
                }
                vi.entry(words[0].clone())
                    .or_default()
                    .push(Phrase { words, entity: i });
            }
            for a in &e.acronyms {
                acronyms.entry(*a).or_insert((i, false));
            }
            for a in &e.vi_acronyms {
                acronyms.entry(*a).or_insert((i, true));
            }
        }
        for list in en.values_mut().chain(vi.values_mut()) {
            list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        }
        World {
            entities,
            en,
            vi,
            acronyms,
        }
    }

    pub fn entity(&self, i: usize) -> &Entity {
        &self.entities[i]
    }

    /// The organisation an acronym written in English names (`IMF`), if known.
    pub fn acronym(&self, word: &str) -> Option<usize> {
        self.acronyms
            .get(word)
            .filter(|(_, vi_only)| !vi_only)
            .map(|(i, _)| *i)
    }

    /// Mentions in English words (as written, in order).
    pub fn find_en(&self, raw: &[&str]) -> Vec<Mention> {
        let lower: Vec<String> = raw
            .iter()
            .map(|w| {
                let w = w
                    .strip_suffix("'s")
                    .or_else(|| w.strip_suffix("’s"))
                    .unwrap_or(w);
                w.to_lowercase()
            })
            .collect();
        self.find(raw, &lower, &self.en)
    }

    /// Mentions in Vietnamese words (as written, in order, NFC).
    pub fn find_vi(&self, raw: &[&str]) -> Vec<Mention> {
        let keys: Vec<String> = raw.iter().map(|w| vi_key(w)).collect();
        let lower: Vec<String> = raw.iter().map(|w| w.to_lowercase()).collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < raw.len() {
            if let Some(&(entity, _)) = self.acronyms.get(raw[i]) {
                out.push(Mention {
                    entity,
                    words: i..i + 1,
                });
                i += 1;
                continue;
            }
            let found = self.vi.get(&keys[i]).into_iter().flatten().find(|p| {
                if p.words.len() == 1 {
                    p.words[0] == lower[i] && raw[i].starts_with(char::is_uppercase)
                } else {
                    keys[i..].len() >= p.words.len()
                        && p.words.iter().zip(&keys[i..]).all(|(a, b)| a == b)
                }
            });
            if let Some(p) = found.or_else(|| {
                self.vi
                    .get(&lower[i])
                    .into_iter()
                    .flatten()
                    .find(|p| p.words.len() == 1 && raw[i].starts_with(char::is_uppercase))
            }) {
                out.push(Mention {
                    entity: p.entity,
                    words: i..i + p.words.len(),
                });
                i += p.words.len();
            } else {
                i += 1;
            }
        }
        out
    }

    fn find(
        &self,
        raw: &[&str],
        keys: &[String],
        index: &HashMap<String, Vec<Phrase>>,
    ) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < raw.len() {
            let phrase = index.get(&keys[i]).into_iter().flatten().find(|p| {
                keys[i..].len() >= p.words.len()
                    && p.words.iter().zip(&keys[i..]).all(|(a, b)| a == b)
                    && raw[i].starts_with(char::is_uppercase)
            });
            if let Some(p) = phrase {
                out.push(Mention {
                    entity: p.entity,
                    words: i..i + p.words.len(),
                });
                i += p.words.len();
            } else if let Some(e) = self.acronym(raw[i]) {
                out.push(Mention {
                    entity: e,
                    words: i..i + 1,
                });
                i += 1;
            } else {
                i += 1;
            }
        }
        out
    }
}

/// The world knowledge, loaded on first use.
pub fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(World::load)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(text: &str) -> Vec<&'static str> {
        let w = world();
        w.find_en(&words_of(text))
            .iter()
            .map(|m| w.entity(m.entity).code)
            .collect()
    }

    fn vi(text: &str) -> Vec<&'static str> {
        let w = world();
        w.find_vi(&words_of(text))
            .iter()
            .map(|m| w.entity(m.entity).code)
            .collect()
    }

    #[test]
    fn english_mentions_longest_first() {
        assert_eq!(en("Japan and South Korea met."), ["JP", "KR"]);
        assert_eq!(
            en("the United States Agency for International Development (USAID)"),
            ["USAID", "USAID"]
        );
        assert_eq!(
            en("the International Monetary Fund and the IMF"),
            ["IMF", "IMF"]
        );
        assert_eq!(en("Japan's exports"), ["JP"]);
        assert_eq!(en("fine china plates"), Vec::<&str>::new());
        assert_eq!(en("a loan in US dollars"), ["USD"]);
    }

    #[test]
    fn vietnamese_mentions() {
        assert_eq!(vi("Nhật Bản và Hàn Quốc"), ["JP", "KR"]);
        assert_eq!(vi("Quỹ Tiền tệ Quốc tế (IMF)"), ["IMF", "IMF"]);
        assert_eq!(vi("Lào và người lao động"), ["LA"]);
        assert_eq!(vi("Liên hợp quốc, LHQ"), ["UN", "UN"]);
        assert_eq!(
            vi("Tổ chức Giáo dục, Khoa học và Văn hoá Liên hợp quốc"),
            ["UNESCO"]
        );
        assert_eq!(vi("Myanmar"), ["MM"]);
        assert_eq!(vi("Thuỵ Sỹ và Hoa Kì"), ["CH", "US"]);
    }
}
