//! Pre-translation: a unit of an article that has no translation, but whose English was
//! translated before (elsewhere in the memory, or in another unit of the same article),
//! gets that translation, marked as a copy awaiting a person's confirmation.
//!
//! # Which translations count
//!
//! The candidates are the memory's live TUs whose English equals the unit's after
//! normalization ([`Memory::exact`]) and that hold Vietnamese a person stands behind:
//! not empty, not `needs-review` (a doubtful alignment, or an earlier pre-translation:
//! copying an unconfirmed copy would spread a mistake nobody looked at), not an omission
//! or an addition. The article's own translations come first: when another unit of the
//! same article ([`props::REPETITION`]) translates the same English, only those are
//! considered, since they were made for this very context (a front-matter title repeating
//! the headline must read as the headline does). Otherwise every other TU of the memory
//! counts ([`props::EXACT_MATCH`]).
//!
//! # Disagreement
//!
//! When the candidates hold different Vietnamese (after normalization), none is taken. The
//! same English sentence can need different Vietnamese in different articles (who "he"
//! is, the register, a name's form), and neither the most recent nor the most frequent
//! translation says which one fits here. A wrong pre-translation looks like finished work
//! and can be published by mistake; a missing one is plainly work to do. Such units are
//! reported ([`Pretranslation::conflicting`]) so the translator knows the memory has
//! several answers.
//!
//! # The state it is stored in
//!
//! `needs-review`, never `translated` or `reviewed`: the copy was made by a program from
//! text that matched, not by a person who read the article, so a person has to confirm it
//! (storing their translation, or approving it, replaces the TU and drops the origin
//! props). [`props::ORIGIN`] and [`props::ORIGIN_FROM`] tell the copy from human work.

use std::collections::HashSet;

use crate::memory::record::{NewUnit, props, unit_tu};
use crate::memory::store::{Memory, MemoryError};
use crate::segment::Unit;
use crate::text::normalize::normalize;
use crate::tmx::Prop;

use super::revision::{self, UnitState};

/// The status a pre-translated TU is stored with.
pub const STATUS: &str = "needs-review";

/// Where a pre-translation came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// The same English translated elsewhere in the memory ([`props::EXACT_MATCH`]).
    ExactMatch,
    /// The same English translated in another unit of the same article
    /// ([`props::REPETITION`]).
    Repetition,
}

impl Origin {
    /// The value of [`props::ORIGIN`].
    pub fn name(self) -> &'static str {
        match self {
            Origin::ExactMatch => props::EXACT_MATCH,
            Origin::Repetition => props::REPETITION,
        }
    }
}

/// A translation found for an English text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Found {
    pub vi: String,
    pub origin: Origin,
    /// The TU it was copied from: its `tuid`, else `doc/unit`, else its memory file.
    pub from: String,
}

/// What the memory holds for an English text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exact {
    /// No usable translation of the same English.
    None,
    /// One translation (possibly in several TUs that agree).
    One(Found),
    /// This many different translations: none is taken.
    Conflicting(usize),
}

/// The translation of `en` that the memory agrees on (see the [module docs](self)), for a
/// unit of document `doc` whose current units have the ids `article`.
pub fn exact_translation(
    memory: &Memory,
    en: &str,
    doc: &str,
    article: &HashSet<&str>,
) -> Result<Exact, MemoryError> {
    let mut own = Vec::new();
    let mut elsewhere = Vec::new();
    for m in memory.exact(en)? {
        let Some(vi) = m.target.as_deref().filter(|t| !t.trim().is_empty()) else {
            continue;
        };
        if matches!(
            m.status.as_deref(),
            Some(STATUS | props::OMITTED | props::ADDED)
        ) {
            continue;
        }
        let from = match (&m.tuid, &m.doc, &m.unit) {
            (Some(tuid), _, _) => tuid.clone(),
            (None, Some(d), Some(u)) => format!("{d}/{u}"),
            _ => m.file.display().to_string(),
        };
        let in_article =
            m.doc.as_deref() == Some(doc) && m.unit.as_deref().is_some_and(|u| article.contains(u));
        let (list, origin) = if in_article {
            (&mut own, Origin::Repetition)
        } else {
            (&mut elsewhere, Origin::ExactMatch)
        };
        list.push(Found {
            vi: vi.to_owned(),
            origin,
            from,
        });
    }
    let candidates = if own.is_empty() { elsewhere } else { own };
    let distinct: HashSet<String> = candidates.iter().map(|f| normalize(&f.vi)).collect();
    Ok(match distinct.len() {
        0 => Exact::None,
        // The first in memory order: the same for every run.
        1 => Exact::One(candidates.into_iter().next().expect("one candidate")),
        n => Exact::Conflicting(n),
    })
}

/// A unit [`pretranslate`] filled.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Filled {
    pub unit: String,
    /// Its position in the article.
    pub order: usize,
    #[serde(flatten)]
    pub found: Found,
}

/// What [`pretranslate`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Pretranslation {
    /// Units that got a translation, stored as `needs-review`, in article order.
    pub filled: Vec<Filled>,
    /// Units left missing because the memory holds different translations of their
    /// English, in article order.
    pub conflicting: Vec<String>,
}

/// Fills every unit of the current English `units` of document `doc` that has no
/// translation and whose English the memory agrees on, as `needs-review` with its origin,
/// recorded as changed by `user` (who ran the command that filled it). The caller saves.
///
/// A unit translated together with its neighbours (one TU for several units) is left
/// alone: the memory's matches are of single sentences.
pub fn pretranslate(
    memory: &mut Memory,
    units: &[Unit],
    doc: &str,
    user: &str,
) -> Result<Pretranslation, MemoryError> {
    let stored = memory.document(doc)?;
    let revision = revision::compare(units, &stored);
    let article: HashSet<&str> = units.iter().map(|u| u.id.as_str()).collect();
    let mut done = Pretranslation::default();
    // Decided first, stored after: what this pass stores is `needs-review` and would not
    // count anyway, but deciding on the memory as it was keeps the result independent of
    // the order of the units.
    let mut fill = Vec::new();
    for (order, (unit, state)) in units.iter().zip(&revision.units).enumerate() {
        let untranslated = match state {
            UnitState::Missing => true,
            UnitState::Current { stored: j } => {
                let old = &stored[*j];
                revision::run_len(&revision, order) == 1
                    && !old.is_omitted()
                    && old.vi.as_deref().is_none_or(|v| v.trim().is_empty())
            }
            UnitState::Stale { .. } | UnitState::Joined { .. } => false,
        };
        if !untranslated {
            continue;
        }
        match exact_translation(memory, &unit.text, doc, &article)? {
            Exact::None => {}
            Exact::Conflicting(_) => done.conflicting.push(unit.id.clone()),
            Exact::One(found) => fill.push((order, found)),
        }
    }
    let source_lang = memory.source_lang().clone();
    let target_lang = memory.target_lang().clone();
    for (order, found) in fill {
        let unit = &units[order];
        let new = NewUnit {
            doc,
            unit: &unit.id,
            order,
            source: &unit.text,
            target: &found.vi,
            status: STATUS,
            user,
        };
        let mut tu = unit_tu(&new, &source_lang, &target_lang);
        tu.meta.push(crate::tmx::Meta::Prop(Prop::new(
            props::ORIGIN,
            found.origin.name(),
        )));
        tu.meta.push(crate::tmx::Meta::Prop(Prop::new(
            props::ORIGIN_FROM,
            &found.from,
        )));
        // An empty TU of the unit (exported for translation, never filled) is replaced.
        match memory.document_unit(doc, &unit.id)? {
            Some(old) => {
                memory.replace(old.entry, tu)?;
            }
            None => {
                memory.add(None, tu)?;
            }
        }
        done.filled.push(Filled {
            unit: unit.id.clone(),
            order,
            found,
        });
    }
    Ok(done)
}
