//! `update`: bring a document's units in the memory up to date with a revised English
//! article, without losing anything.
//!
//! Every translation whose English is unchanged is carried over, also when it moved (its
//! unit id and order are rewritten); stale translations stay as they are, with the old
//! English they were made from, for reference; TUs whose English is gone are kept as they
//! are (checks report them as `orphaned`, information only). No TU is ever deleted: the
//! memory remembers every translation ever made.

use crate::memory::store::{Memory, MemoryError, NewUnit, props, unit_tu};
use crate::segment::Unit;

use super::revision::{self, Revision, UnitState};

/// What [`update`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct UpdateReport {
    /// Units whose translation was carried over as it was.
    pub carried: usize,
    /// Of those, units whose id or position changed (their TU was rewritten).
    pub moved: usize,
    /// Units whose English changed since their translation: they need work.
    pub stale: usize,
    /// Units with no translation: they need work.
    pub missing: usize,
    /// TUs whose English left the article (kept).
    pub orphaned: usize,
}

/// Updates the TUs of `doc` for the current English `units`. The caller saves the memory.
/// Returns the report and the revision it was based on.
pub fn update(
    memory: &mut Memory,
    units: &[Unit],
    doc: &str,
    user: &str,
) -> Result<(UpdateReport, Revision), MemoryError> {
    let stored = memory.document(doc)?;
    let revision = revision::compare(units, &stored);
    let mut report = UpdateReport::default();
    for (order, (unit, state)) in units.iter().zip(&revision.units).enumerate() {
        match state {
            UnitState::Current { stored: j } => {
                let old = &stored[*j];
                let translated = old.vi.as_deref().is_some_and(|v| !v.trim().is_empty());
                if !translated {
                    report.missing += 1;
                    continue;
                }
                report.carried += 1;
                if old.unit == unit.id && old.order == order {
                    continue;
                }
                report.moved += 1;
                let mut tu = memory.tu_of(old.entry)?;
                tu.set_prop(props::UNIT, &unit.id);
                tu.set_prop(props::ORDER, &order.to_string());
                tu.set_attr("tuid", &format!("{doc}/{}", unit.id));
                stamp(&mut tu, user);
                memory.replace(old.entry, tu)?;
            }
            UnitState::Stale { .. } => report.stale += 1,
            UnitState::Missing => report.missing += 1,
        }
    }
    report.orphaned = revision.orphaned.len();
    Ok((report, revision))
}

fn stamp(tu: &mut crate::tmx::Tu, user: &str) {
    tu.set_attr("changedate", &crate::memory::store::tmx_date_now());
    tu.set_attr("changeid", user);
}

/// How a translation was written by [`put_translation`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Put {
    Added,
    Replaced,
    Unchanged,
}

/// Stores `new` as the translation of its unit: the live TU of the same document and unit
/// is replaced (keeping its creation attributes), or a TU is added. Nothing changes when
/// the same English and Vietnamese are stored already with the same status.
pub fn put_translation(memory: &mut Memory, new: &NewUnit<'_>) -> Result<Put, MemoryError> {
    use crate::memory::text::normalize;
    let existing = memory
        .document(new.doc)?
        .into_iter()
        .find(|s| s.unit == new.unit);
    let source_lang = memory.source_lang().clone();
    let target_lang = memory.target_lang().clone();
    let tu = unit_tu(new, &source_lang, &target_lang);
    match existing {
        Some(old)
            if normalize(&old.en) == normalize(new.source)
                && old.vi.as_deref().map(normalize) == Some(normalize(new.target))
                && old.status.as_deref() == Some(new.status) =>
        {
            Ok(Put::Unchanged)
        }
        Some(old) => {
            memory.replace(old.entry, tu)?;
            Ok(Put::Replaced)
        }
        None => {
            memory.add(None, tu)?;
            Ok(Put::Added)
        }
    }
}
