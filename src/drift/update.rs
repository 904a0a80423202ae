//! `update`: bring a document's units in the memory up to date with a revised English
//! article, without losing anything.
//!
//! Every translation whose English is unchanged is carried over, also when it moved (its
//! unit id and order are rewritten, and nothing else: moving is not a change of the
//! translation, so `changeid`/`changedate` keep naming who last changed its text or
//! status); stale translations stay as they are, with the old
//! English they were made from, for reference; a TU whose English is gone is retired by
//! the update (or `translate`/`xliff import`) that finds it gone ([`props::OBSOLETE`]):
//! kept, searchable and offered as a fuzzy match, no longer listed by checks (unless
//! asked); the update tells which it retired, so the editor hears of each once. A TU
//! whose English comes back is in use again. No TU is ever deleted: the memory remembers
//! every translation ever made.

use crate::memory::{
    record::{NewUnit, Predecessor, StoredUnit, props, set_covered_units, set_dated, unit_tu},
    store::{Memory, MemoryError},
};
use crate::segment::Unit;
use crate::text::normalize::normalized;
use crate::tmx::Tu;

use super::batch::DocumentBatch;

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
    /// TUs whose English left the article (kept), retired or not.
    pub orphaned: usize,
    /// Of those, TUs this update retired (the others were retired before).
    pub retired: usize,
    /// The TUs this update retired, in the memory's order of the document.
    pub retired_units: Vec<RetiredUnit>,
    /// Units that had no translation and were filled from the memory's exact matches or
    /// from a repetition in the article, as `needs-review` (see
    /// [`super::pretranslate`]); not counted in `missing`. 0 unless asked for.
    pub pretranslated: usize,
    /// Units left missing because the memory holds different translations of their
    /// English (counted in `missing`).
    pub pretranslation_conflicts: usize,
}

/// A TU retired because its English left the article.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RetiredUnit {
    /// Its unit id ([`props::UNIT`]); empty when the TU has none.
    pub unit: String,
    /// The English it was translated from.
    pub en: String,
}

/// Updates the TUs of `doc` for the current English `units`. The caller saves the memory.
/// Returns the report and the revision it was based on.
pub fn update(
    memory: &mut Memory,
    units: &[Unit],
    doc: &str,
) -> Result<(UpdateReport, Revision), MemoryError> {
    let stored = memory.document(doc)?;
    let revision = revision::compare(units, &stored);
    let mut report = UpdateReport::default();
    // What the last unit that was not joined to the one before counted as: a joined unit
    // counts as its run does.
    let mut run_counts_as = None;
    // Unit ids rewritten below: the editor's additions tied to them follow.
    let mut renamed: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for (order, (unit, state)) in units.iter().zip(&revision.units).enumerate() {
        match state {
            UnitState::Current { stored: j } => {
                let old = &stored[*j];
                let translated =
                    old.vi.as_deref().is_some_and(|v| !v.trim().is_empty()) || old.is_omitted();
                if !translated {
                    report.missing += 1;
                    run_counts_as = Some(Counted::Missing);
                    continue;
                }
                report.carried += 1;
                run_counts_as = Some(Counted::Carried);
                let run = &units[order..order + revision::run_len(&revision, order)];
                let covered: Vec<&str> = run.iter().map(|u| u.id.as_str()).collect();
                // A TU of one unit keeps recording none (as older memories).
                let covered_now = if covered.len() > 1 {
                    covered.clone()
                } else {
                    vec![unit.id.as_str()]
                };
                if old.unit == unit.id
                    && old.order == order
                    && old.covered() == covered_now
                    && !old.obsolete
                    && !old.left
                {
                    continue;
                }
                if old.unit != unit.id {
                    renamed.insert(old.unit.clone(), unit.id.clone());
                }
                report.moved += 1;
                let mut tu = memory.tu_of(old.entry)?;
                let previous = Predecessor::of(&tu);
                tu.set_prop(props::UNIT, &unit.id);
                tu.set_prop(props::ORDER, &order.to_string());
                set_covered_units(&mut tu, &covered);
                tu.set_attr("tuid", &format!("{doc}/{}", unit.id));
                // Its English is back in the article: in use again.
                set_dated(&mut tu, props::LEFT, None);
                set_dated(&mut tu, props::OBSOLETE, None);
                // No new `changeid`/`changedate`: who moved a unit did not change its
                // translation, and the memory must keep saying who did.
                memory.replace_after(old.entry, &previous, tu)?;
            }
            UnitState::Stale { .. } => {
                report.stale += 1;
                run_counts_as = Some(Counted::Stale);
            }
            UnitState::Missing => {
                report.missing += 1;
                run_counts_as = Some(Counted::Missing);
            }
            UnitState::Joined { .. } => match run_counts_as {
                Some(Counted::Carried) => report.carried += 1,
                Some(Counted::Stale) => report.stale += 1,
                Some(Counted::Missing) | None => report.missing += 1,
            },
        }
    }
    report.orphaned = revision.orphaned.len();
    report.retired_units = retire(memory, &stored, &revision)?;
    report.retired = report.retired_units.len();
    if !renamed.is_empty() {
        for added in memory.document_additions(doc)? {
            let mut tu = memory.tu_of(added.entry)?;
            let previous = Predecessor::of(&tu);
            let mut changed = false;
            for (kind, anchor) in [(props::AFTER, &added.after), (props::BEFORE, &added.before)] {
                if let Some(new) = anchor.as_ref().and_then(|a| renamed.get(a)) {
                    tu.set_prop(kind, new);
                    changed = true;
                }
            }
            if changed {
                memory.replace_after(added.entry, &previous, tu)?;
            }
        }
    }
    Ok((report, revision))
}

/// Retires every TU of `stored` that `revision` orphans and is not retired yet
/// ([`props::OBSOLETE`], dated now), and returns them. A memory of an earlier version may
/// hold TUs marked only as found gone ([`props::LEFT`]): they are retired here too, and
/// that mark goes, so that a retired TU carries one state. `changeid`/`changedate` stay
/// (no translation changed).
pub(super) fn retire(
    memory: &mut Memory,
    stored: &[StoredUnit],
    revision: &Revision,
) -> Result<Vec<RetiredUnit>, MemoryError> {
    let now = crate::tmx::tmx_date_now();
    let mut retired = Vec::new();
    for &j in &revision.orphaned {
        let Some(old) = stored.get(j).filter(|s| !s.obsolete) else {
            continue;
        };
        let mut tu = memory.tu_of(old.entry)?;
        let previous = Predecessor::of(&tu);
        set_dated(&mut tu, props::LEFT, None);
        set_dated(&mut tu, props::OBSOLETE, Some(&now));
        memory.replace_after(old.entry, &previous, tu)?;
        retired.push(RetiredUnit {
            unit: old.unit.clone(),
            en: old.en.clone(),
        });
    }
    Ok(retired)
}

/// Retires the TUs of document `doc` whose English left the current `units`, for flows
/// that store translations: the old TU a new translation replaced under another unit id
/// (a retranslated stale unit) is retired at once, as `update` would. Returns them.
pub fn retire_orphans(
    memory: &mut Memory,
    units: &[Unit],
    doc: &str,
) -> Result<Vec<RetiredUnit>, MemoryError> {
    let stored = memory.document(doc)?;
    let revision = revision::compare(units, &stored);
    retire(memory, &stored, &revision)
}

/// What [`update`] counted a unit as.
#[derive(Clone, Copy)]
enum Counted {
    Carried,
    Stale,
    Missing,
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
    put_covering(memory, new, &[new.unit])
}

/// [`put_translation`] for unit `new.unit` of the current English `units`: when the
/// memory's translation of that unit covers it together with its neighbours (one TU for a
/// run of units, see [`UnitState::Joined`]), the new translation covers the same run: its
/// English is theirs joined, under the run's first unit. Otherwise the same as
/// [`put_translation`]. A batch of puts into one document goes through one
/// [`DocumentBatch`], which reads the document once for all of them.
pub fn put_unit_translation(
    memory: &mut Memory,
    units: &[Unit],
    new: &NewUnit<'_>,
) -> Result<Put, MemoryError> {
    DocumentBatch::of(memory, new.doc, units)?.put(memory, units, new)
}

/// [`put_translation`] of a TU covering `covered` (its first is `new.unit`).
fn put_covering(
    memory: &mut Memory,
    new: &NewUnit<'_>,
    covered: &[&str],
) -> Result<Put, MemoryError> {
    let existing = memory.document_unit(new.doc, new.unit)?;
    let tu = covering_tu(memory, new, covered);
    match existing {
        Some(old) if unchanged(&old, new, covered) => Ok(Put::Unchanged),
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

/// The TU storing `new` as the translation of the units `covered`, dated now.
pub(super) fn covering_tu(memory: &Memory, new: &NewUnit<'_>, covered: &[&str]) -> Tu {
    let mut tu = unit_tu(new, memory.source_lang(), memory.target_lang());
    set_covered_units(&mut tu, covered);
    tu
}

/// Whether `old` stores `new` covering `covered` already: the same English and Vietnamese
/// (after normalization), status and units.
pub(super) fn unchanged(old: &StoredUnit, new: &NewUnit<'_>, covered: &[&str]) -> bool {
    // Texts equal as they are are equal normalized: most of an import compares those.
    let same = |a: &str, b: &str| a == b || normalized(a) == normalized(b);
    old.status.as_deref() == Some(new.status)
        && old.covered() == covered
        && same(&old.en, new.source)
        && old.vi.as_deref().is_some_and(|vi| same(vi, new.target))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::persist::LockWait;
    use crate::segment::text_id;
    use unic_langid::langid;

    const DOC: &str = "fair";

    fn unit(index: usize, text: &str) -> Unit {
        Unit {
            id: text_id(text),
            block: 0,
            index,
            text: text.to_owned(),
            start: 0,
            end: 0,
        }
    }

    /// A memory file in `dir` holding document `DOC` as translated from `pairs` (in
    /// order; an empty Vietnamese is a TU exported for translation and never filled).
    fn memory(dir: &std::path::Path, pairs: &[(&str, &str)]) -> Memory {
        let path = dir.join("m.tmx");
        let mut memory = Memory::open_for_update(
            std::slice::from_ref(&path),
            langid!("en"),
            langid!("vi"),
            LockWait::Fail,
        )
        .unwrap();
        for (order, (en, vi)) in pairs.iter().enumerate() {
            let id = text_id(en);
            let new = NewUnit {
                doc: DOC,
                unit: &id,
                order,
                source: en,
                target: vi,
                status: "translated",
                user: "lan",
            };
            memory
                .add(None, unit_tu(&new, &langid!("en"), &langid!("vi")))
                .unwrap();
        }
        memory
    }

    fn stored<'m>(
        units: &'m [crate::memory::record::StoredUnit],
        en: &str,
    ) -> &'m crate::memory::record::StoredUnit {
        units
            .iter()
            .find(|s| s.en == en)
            .unwrap_or_else(|| panic!("no TU for {en:?} in {units:#?}"))
    }

    /// Issue 10: an editor's addition is tied to a unit by id; when `update` gives that
    /// unit's TU another id (here the English was stored under an older numbering), the
    /// addition follows it instead of being left without a place.
    #[test]
    fn an_addition_follows_its_unit_when_update_rewrites_the_unit_id() {
        use crate::memory::record::{AddedAt, added_tu};
        let dir = tempfile::tempdir().unwrap();
        let mut memory = memory(dir.path(), &[]);
        let new = NewUnit {
            doc: DOC,
            unit: "u-old",
            order: 0,
            source: "The fair opens today.",
            target: "Hội chợ khai mạc hôm nay.",
            status: "translated",
            user: "lan",
        };
        memory
            .add(None, unit_tu(&new, &langid!("en"), &langid!("vi")))
            .unwrap();
        let note = "Ghi chú của Ban biên tập.";
        memory
            .add(
                None,
                added_tu(DOC, AddedAt::After("u-old"), 1, note, "lan", &langid!("vi")),
            )
            .unwrap();
        let units = [unit(0, "The fair opens today.")];
        let (report, _) = update(&mut memory, &units, DOC).unwrap();
        assert_eq!(report.moved, 1);
        let additions = memory.document_additions(DOC).unwrap();
        assert_eq!(additions.len(), 1);
        assert_eq!(additions[0].after.as_deref(), Some(units[0].id.as_str()));
        assert_eq!(additions[0].vi.as_deref(), Some(note));
        // The additions are no units of the article.
        assert_eq!(memory.document(DOC).unwrap().len(), 1);
    }

    #[test]
    fn carries_moves_keeps_stale_and_orphans_and_deletes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut memory = memory(
            dir.path(),
            &[
                (
                    "The fair opened today in Hanoi.",
                    "Hội chợ khai mạc hôm nay tại Hà Nội.",
                ),
                (
                    "It has 40 stands from ten provinces.",
                    "Hội chợ có 40 gian hàng từ mười tỉnh.",
                ),
                (
                    "Tickets are free for children.",
                    "Trẻ em được vào cửa miễn phí.",
                ),
                ("Specific laws are needed.", "Cần có các đạo luật cụ thể."),
                ("Lunch is served at noon.", ""),
            ],
        );
        let before = memory.stats().tus;
        let units: Vec<Unit> = [
            "Welcome to the fair.",
            "Tickets are free for children.",
            "The fair opened today in Hanoi.",
            "It has 45 stands from ten provinces.",
            "Lunch is served at noon.",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| unit(i, t))
        .collect();
        let (report, revision) = update(&mut memory, &units, DOC).unwrap();
        assert_eq!(
            report,
            UpdateReport {
                carried: 2,
                moved: 2,
                stale: 1,
                missing: 2,
                orphaned: 1,
                // Retired by the update that finds its English gone, and told.
                retired: 1,
                retired_units: vec![RetiredUnit {
                    unit: text_id("Specific laws are needed."),
                    en: "Specific laws are needed.".to_owned(),
                }],
                ..UpdateReport::default()
            }
        );
        assert!(matches!(revision.units[0], UnitState::Missing));
        assert!(matches!(revision.units[3], UnitState::Stale { .. }));
        assert_eq!(memory.stats().tus, before, "no TU added or deleted");

        let after = memory.document(DOC).unwrap();
        assert_eq!(after.len(), before);
        // Moved: the TU follows its unit; who last changed its translation, and when,
        // stays (moving is no change of text or status).
        for (order, en) in [
            (1, "Tickets are free for children."),
            (2, "The fair opened today in Hanoi."),
        ] {
            let tu = stored(&after, en);
            assert_eq!((tu.order, tu.unit.as_str()), (order, text_id(en).as_str()));
            assert_eq!(
                tu.tuid.as_deref(),
                Some(format!("{DOC}/{}", text_id(en)).as_str())
            );
            let full = memory.tu_of(tu.entry).unwrap();
            assert_eq!(full.attr("changeid"), Some("lan"));
            assert_eq!(full.attr("creationid"), Some("lan"));
            assert_eq!(full.attr("changedate"), full.attr("creationdate"));
        }
        // Stale: kept as it was, with the old English and the old Vietnamese.
        let stale = stored(&after, "It has 40 stands from ten provinces.");
        assert_eq!(
            (stale.order, stale.vi.as_deref()),
            (1, Some("Hội chợ có 40 gian hàng từ mười tỉnh."))
        );
        assert_eq!(
            memory.tu_of(stale.entry).unwrap().attr("changeid"),
            Some("lan")
        );
        // Orphaned: kept, retired. Missing: nothing added for it.
        assert!(stored(&after, "Specific laws are needed.").obsolete);
        assert!(after.iter().all(|s| s.en != "Welcome to the fair."));

        // Saved and read back: the same number of TUs.
        memory.save().unwrap();
        drop(memory);
        let memory =
            Memory::open(&[dir.path().join("m.tmx")], langid!("en"), langid!("vi")).unwrap();
        assert_eq!(memory.stats().tus, before);
    }

    #[test]
    fn a_second_update_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut memory = memory(
            dir.path(),
            &[
                ("One sentence here.", "Một câu ở đây."),
                ("Two sentences here.", "Hai câu ở đây."),
            ],
        );
        let units = vec![
            unit(0, "Two sentences here."),
            unit(1, "One sentence here."),
        ];
        let (first, _) = update(&mut memory, &units, DOC).unwrap();
        assert_eq!((first.carried, first.moved), (2, 2));
        let entries: Vec<u32> = memory
            .document(DOC)
            .unwrap()
            .iter()
            .map(|s| s.entry)
            .collect();
        let (second, revision) = update(&mut memory, &units, DOC).unwrap();
        assert_eq!((second.carried, second.moved), (2, 0));
        assert!(revision.is_clean());
        let again: Vec<u32> = memory
            .document(DOC)
            .unwrap()
            .iter()
            .map(|s| s.entry)
            .collect();
        assert_eq!(entries, again, "no TU rewritten");
        assert_eq!(memory.stats().tus, 2);
    }

    #[test]
    fn an_unknown_document_has_everything_missing() {
        let dir = tempfile::tempdir().unwrap();
        let mut memory = memory(dir.path(), &[("One.", "Một.")]);
        let units = vec![unit(0, "One.")];
        let (report, _) = update(&mut memory, &units, "other").unwrap();
        assert_eq!(
            report,
            UpdateReport {
                missing: 1,
                ..UpdateReport::default()
            }
        );
        assert_eq!(memory.stats().tus, 1);
    }

    /// A memory file in `dir` of document `DOC` holding `count` translated sentences, saved;
    /// returns their English.
    fn saved_sales(dir: &std::path::Path, count: usize) -> Vec<String> {
        let en: Vec<String> = (0..count).map(|i| format!("Item {i} was sold.")).collect();
        let vi: Vec<String> = (0..count)
            .map(|i| format!("Món {i} đã được bán."))
            .collect();
        let pairs: Vec<(&str, &str)> = en
            .iter()
            .zip(&vi)
            .map(|(e, v)| (e.as_str(), v.as_str()))
            .collect();
        memory(dir, &pairs).save().unwrap();
        en
    }

    /// The memory [`saved_sales`] wrote, opened to be written.
    fn open_sales_for_update(dir: &std::path::Path) -> Memory {
        Memory::open_for_update(
            &[dir.join("m.tmx")],
            langid!("en"),
            langid!("vi"),
            LockWait::Fail,
        )
        .unwrap()
    }

    #[test]
    fn storing_every_unit_of_a_document_reads_each_tu_a_bounded_number_of_times() {
        let dir = tempfile::tempdir().unwrap();
        let en = saved_sales(dir.path(), 400);
        let mut memory = open_sales_for_update(dir.path());
        let before = memory.tus_read();
        for (order, en) in en.iter().enumerate() {
            let id = text_id(en);
            let new = NewUnit {
                doc: DOC,
                unit: &id,
                order,
                source: en,
                target: "Đã bán.",
                status: "translated",
                user: "lan",
            };
            assert_eq!(put_translation(&mut memory, &new).unwrap(), Put::Replaced);
        }
        // Finding a unit used to read its whole document: 400 × 400 TUs.
        let read = memory.tus_read() - before;
        assert!(
            read <= 3 * en.len(),
            "{read} TUs read to store {} units",
            en.len()
        );
    }

    #[test]
    fn changing_every_units_translation_in_one_batch_reads_each_tu_a_bounded_number_of_times() {
        let dir = tempfile::tempdir().unwrap();
        let en = saved_sales(dir.path(), 400);
        let units: Vec<Unit> = en.iter().enumerate().map(|(i, e)| unit(i, e)).collect();
        let mut memory = open_sales_for_update(dir.path());
        let before = memory.tus_read();
        let mut batch = DocumentBatch::of(&memory, DOC, &units).unwrap();
        for (order, u) in units.iter().enumerate() {
            let new = NewUnit {
                doc: DOC,
                unit: &u.id,
                order,
                source: &u.text,
                target: "Đã bán.",
                status: "translated",
                user: "lan",
            };
            assert_eq!(batch.put(&mut memory, &units, &new).unwrap(), Put::Replaced);
        }
        assert!(
            batch
                .retire_orphans(&mut memory, &units)
                .unwrap()
                .is_empty()
        );
        // `xliff import` of a work file whose every target changed read the whole document
        // once per unit (400 × 400 TUs); then, with the runs read once, each TU three times
        // more (its unit found, the TU it replaced read again, the orphans looked for):
        // now the document is read once, and the puts and the retirement reuse it.
        let read = memory.tus_read() - before;
        assert_eq!(read, units.len(), "TUs read to store {} units", units.len());
    }

    #[test]
    fn the_states_alone_read_each_tu_of_the_document_once() {
        use crate::drift::check::against_memory;
        use crate::drift::checks::CheckOptions;
        let dir = tempfile::tempdir().unwrap();
        let en = saved_sales(dir.path(), 300);
        let memory =
            Memory::open(&[dir.path().join("m.tmx")], langid!("en"), langid!("vi")).unwrap();
        let units: Vec<Unit> = en.iter().enumerate().map(|(i, e)| unit(i, e)).collect();
        let read = |options: &CheckOptions| {
            let before = memory.tus_read();
            let report = against_memory(&units, &memory, DOC, options).unwrap();
            assert!(
                report
                    .status
                    .iter()
                    .all(|s| *s == crate::drift::check::Status::Current)
            );
            memory.tus_read() - before
        };
        assert_eq!(read(&CheckOptions::revision_only()), units.len());
        // The full check also asks the memory about every pair's English and Vietnamese.
        assert!(read(&CheckOptions::default()) >= 3 * units.len());
    }
}
