//! A batch of translations stored into one document (`xliff import`): the document's TUs
//! are read once, into records that every put and the retirement after them reuse and
//! keep current. Finding the runs, then each unit's TU, then the TU a put replaces, then
//! the orphans, each reading the document (or the unit's TUs) again, made an import of a
//! work file whose every target changed read each TU about seven times.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::memory::record::{NewUnit, Predecessor, StoredUnit};
use crate::memory::store::{Memory, MemoryError};
use crate::segment::Unit;

use super::check::{Report, against_records};
use super::checks::CheckOptions;
use super::revision::{self, Revision};
use super::update::{Put, RetiredUnit, covering_tu, retire, unchanged};

/// The TUs of one document as a batch of puts leaves them: what
/// [`Memory::document_records`] read, with every TU the batch wrote in place of the one it
/// replaced, or added.
pub struct DocumentBatch {
    doc: String,
    /// Every live TU of the document (its additions too): in document order as read, then
    /// in the order the batch added them.
    records: Vec<StoredUnit>,
    /// For each record, what replacing its TU keeps.
    kept: Vec<Predecessor>,
    /// Unit id → the records of that unit.
    by_unit: HashMap<String, Vec<usize>>,
    /// What [`revision::compare`] made of the current units and the document as read.
    revision: Revision,
    /// Whether a put changed what that comparison reads of the document: the English of
    /// its TUs in document order. Replacing a TU by one of the same English at the same
    /// order (a new translation) does not; adding a TU does.
    reshaped: bool,
    /// For each current unit, the first unit and length of the run of units its stored TU
    /// covers (see [`revision::UnitState::Joined`]), as the document stood when read:
    /// storing one run's translation changes no other run.
    runs: Vec<(usize, usize)>,
}

impl DocumentBatch {
    /// Reads document `doc` of `memory` once, for storing translations of the current
    /// English `units`.
    pub fn of(memory: &Memory, doc: &str, units: &[Unit]) -> Result<DocumentBatch, MemoryError> {
        let (records, kept): (Vec<StoredUnit>, Vec<Predecessor>) =
            memory.document_records(doc)?.into_iter().unzip();
        let mut by_unit: HashMap<String, Vec<usize>> = HashMap::with_capacity(records.len());
        for (i, unit) in records.iter().enumerate() {
            by_unit.entry(unit.unit.clone()).or_default().push(i);
        }
        let mut batch = DocumentBatch {
            doc: doc.to_owned(),
            records,
            kept,
            by_unit,
            revision: Revision::default(),
            reshaped: false,
            runs: Vec::new(),
        };
        let revision = revision::compare(units, &batch.document());
        batch.runs = (0..units.len())
            .map(|order| {
                let start = revision::run_start(&revision, order);
                (start, revision::run_len(&revision, start))
            })
            .collect();
        batch.revision = revision;
        Ok(batch)
    }

    /// Where each current unit of `units` stands against the document as read
    /// ([`against_records`]), `memory` answering the lookups: the states without reading
    /// the document again. Before any put.
    pub fn report(
        &self,
        memory: &Memory,
        units: &[Unit],
        options: &CheckOptions,
    ) -> Result<Report, MemoryError> {
        let additions: Vec<StoredUnit> = self
            .records
            .iter()
            .filter(|unit| unit.is_added())
            .cloned()
            .collect();
        let stored = self.document();
        let records = (&stored[..], &additions[..]);
        against_records(units, memory, &self.doc, options, records, &self.revision)
    }

    /// The records [`Memory::document`] would return, when they are in document order:
    /// the additions left out (they are no units of the article).
    fn document(&self) -> Cow<'_, [StoredUnit]> {
        if self.records.iter().all(|unit| !unit.is_added()) {
            return Cow::Borrowed(&self.records);
        }
        Cow::Owned(
            self.records
                .iter()
                .filter(|unit| !unit.is_added())
                .cloned()
                .collect(),
        )
    }

    /// Stores `new` as the translation of its unit of the current English `units`, as
    /// [`super::update::put_unit_translation`] does: when the unit's TU covers a run of
    /// units, the new translation covers the same run, under the run's first unit.
    pub fn put(
        &mut self,
        memory: &mut Memory,
        units: &[Unit],
        new: &NewUnit<'_>,
    ) -> Result<Put, MemoryError> {
        // `new.order` is the unit's place when the caller knows it; the search is the
        // fallback.
        let place = if units.get(new.order).is_some_and(|u| u.id == new.unit) {
            Some(new.order)
        } else {
            units.iter().position(|u| u.id == new.unit)
        };
        let Some(&(order, len)) = place.and_then(|at| self.runs.get(at)) else {
            return self.put_covering(memory, new, &[new.unit]);
        };
        if len == 1 {
            return self.put_covering(memory, new, &[new.unit]);
        }
        let source = revision::run_text(units, order, len);
        let covered: Vec<&str> = units[order..order + len]
            .iter()
            .map(|u| u.id.as_str())
            .collect();
        let head = NewUnit {
            unit: &units[order].id,
            order,
            source: &source,
            ..new.clone()
        };
        self.put_covering(memory, &head, &covered)
    }

    /// The record of unit `unit`'s live TU: the first in document order when there are
    /// several, as [`Memory::document_unit`] finds it.
    fn unit_record(&self, memory: &Memory, unit: &str) -> Option<usize> {
        self.by_unit
            .get(unit)?
            .iter()
            .copied()
            .min_by_key(|&i| memory.document_place(&self.records[i]))
    }

    /// Stores `new` as a TU covering `covered` (its first is `new.unit`): the unit's TU is
    /// replaced (keeping its creation attributes), or a TU is added; nothing changes when
    /// the same English and Vietnamese are stored already with the same status.
    fn put_covering(
        &mut self,
        memory: &mut Memory,
        new: &NewUnit<'_>,
        covered: &[&str],
    ) -> Result<Put, MemoryError> {
        let tu = covering_tu(memory, new, covered);
        let existing = self.unit_record(memory, new.unit);
        if existing.is_some_and(|i| unchanged(&self.records[i], new, covered)) {
            return Ok(Put::Unchanged);
        }
        // The record of the TU as stored, read from it here rather than back from the
        // memory: the creation attributes `replace` puts on it are the old TU's, and a
        // record reads none of them (a TU songngu writes has a `changedate`).
        let record = StoredUnit::read(0, &tu, memory.source_lang(), memory.target_lang());
        let mut kept = Predecessor::of(&tu);
        match existing {
            Some(i) => {
                let old = &self.records[i];
                // Same English, same order prop: the TU keeps its place in document order
                // (a replacement keeps its predecessor's place in the file).
                self.reshaped |= old.en != record.en || old.order != record.order;
                let previous = &self.kept[i];
                let entry = memory.replace_after(self.records[i].entry, previous, tu)?;
                kept.creationdate.clone_from(&previous.creationdate);
                kept.creationid.clone_from(&previous.creationid);
                self.records[i] = StoredUnit { entry, ..record };
                self.kept[i] = kept;
                Ok(Put::Replaced)
            }
            None => {
                self.reshaped = true;
                let entry = memory.add(None, tu)?;
                self.by_unit
                    .entry(record.unit.clone())
                    .or_default()
                    .push(self.records.len());
                self.records.push(StoredUnit { entry, ..record });
                self.kept.push(kept);
                Ok(Put::Added)
            }
        }
    }

    /// Retires the TUs of the document whose English left the current `units`, as
    /// [`super::update::retire_orphans`] does (the old TU a new translation replaced under
    /// another unit id), from the batch's records. Returns them.
    pub fn retire_orphans(
        self,
        memory: &mut Memory,
        units: &[Unit],
    ) -> Result<Vec<RetiredUnit>, MemoryError> {
        if !self.reshaped && units.len() == self.revision.units.len() {
            // The records are still in document order, with the English compared when
            // the batch was made: the comparison would come out the same.
            let stored = self.document();
            return retire(memory, &stored, &self.revision);
        }
        let mut stored: Vec<StoredUnit> = self
            .records
            .into_iter()
            .filter(|unit| !unit.is_added())
            .collect();
        stored.sort_unstable_by_key(|unit| memory.document_place(unit));
        let revision = revision::compare(units, &stored);
        retire(memory, &stored, &revision)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::update::{put_unit_translation, retire_orphans};
    use crate::memory::persist::LockWait;
    use crate::memory::record::{AddedAt, added_tu, set_covered_units, unit_tu};
    use crate::segment::text_id;
    use crate::tmx::Tu;
    use unic_langid::langid;

    const DOC: &str = "fair";
    const THEN: &str = "20240101T000000Z";

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

    /// A TU of document `DOC` made by `minh` back then, covering `covered`.
    fn old_tu(order: usize, en: &str, vi: &str, covered: &[&str]) -> Tu {
        let id = text_id(covered[0]);
        let new = NewUnit {
            doc: DOC,
            unit: &id,
            order,
            source: en,
            target: vi,
            status: "translated",
            user: "minh",
        };
        let mut tu = unit_tu(&new, &langid!("en"), &langid!("vi"));
        let ids: Vec<String> = covered.iter().map(|c| text_id(c)).collect();
        set_covered_units(&mut tu, &ids.iter().map(String::as_str).collect::<Vec<_>>());
        for name in ["creationdate", "changedate"] {
            tu.set_attr(name, THEN);
        }
        tu
    }

    /// A saved memory at `path`: a unit, a run of two units in one TU, an addition, a unit
    /// whose English was edited since and one stored as it will be put.
    fn saved_fair(path: &std::path::Path) {
        let mut memory = open(path);
        for tu in [
            old_tu(0, "One.", "Một.", &["One."]),
            old_tu(1, "Two. Three.", "Hai. Ba.", &["Two.", "Three."]),
            old_tu(3, "Four had 40.", "Bốn có 40.", &["Four had 40."]),
            old_tu(4, "Five.", "Năm.", &["Five."]),
        ] {
            memory.add(None, tu).unwrap();
        }
        let mut note = added_tu(
            DOC,
            AddedAt::After(&text_id("One.")),
            1,
            "Ghi chú.",
            "minh",
            &langid!("vi"),
        );
        for name in ["creationdate", "changedate"] {
            note.set_attr(name, THEN);
        }
        memory.add(None, note).unwrap();
        memory.save().unwrap();
    }

    fn open(path: &std::path::Path) -> Memory {
        Memory::open_for_update(
            &[path.to_owned()],
            langid!("en"),
            langid!("vi"),
            LockWait::Fail,
        )
        .unwrap()
    }

    /// `bytes` with every TMX date other than [`THEN`] (those of now) written `NOW`.
    fn dated_now(bytes: &[u8]) -> String {
        let text = String::from_utf8(bytes.to_vec()).unwrap();
        let mut out = String::new();
        let mut rest = text.as_str();
        while let Some(at) = rest.find("20") {
            let (before, from) = rest.split_at(at);
            out.push_str(before);
            match from.get(..16) {
                Some(date) if date != THEN && crate::tmx::is_tmx_date(date) => {
                    out.push_str("NOW");
                    rest = &from[16..];
                }
                _ => {
                    out.push_str("20");
                    rest = &from[2..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// What storing `puts` (unit, Vietnamese) of the current `units` into the memory
    /// [`saved_fair`] wrote, then retiring, gives: the puts, the TUs retired and the saved
    /// TMX (dates of now blanked); through one batch, or one put at a time reading the
    /// memory afresh every time (the way `translate` stores one unit). Through the batch,
    /// the TUs read are checked: the document once, then each orphan retired.
    type Stored = (Vec<Put>, Vec<RetiredUnit>, String);
    fn store(units: &[Unit], puts: &[(usize, &str)], through_batch: bool) -> Stored {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.tmx");
        saved_fair(&path);
        let mut memory = open(&path);
        let tus = memory.stats().tus;
        let before = memory.tus_read();
        let mut batch = through_batch.then(|| DocumentBatch::of(&memory, DOC, units).unwrap());
        let mut done = Vec::new();
        for &(order, vi) in puts {
            let new = NewUnit {
                doc: DOC,
                unit: &units[order].id,
                order,
                source: &units[order].text,
                target: vi,
                status: "translated",
                user: "lan",
            };
            done.push(match batch.as_mut() {
                Some(batch) => batch.put(&mut memory, units, &new).unwrap(),
                None => put_unit_translation(&mut memory, units, &new).unwrap(),
            });
        }
        let retired = match batch {
            Some(batch) => batch.retire_orphans(&mut memory, units).unwrap(),
            None => retire_orphans(&mut memory, units, DOC).unwrap(),
        };
        if through_batch {
            assert_eq!(memory.tus_read() - before, tus + retired.len());
        }
        memory.save().unwrap();
        (done, retired, dated_now(&std::fs::read(&path).unwrap()))
    }

    fn units_of(texts: &[&str]) -> Vec<Unit> {
        texts.iter().enumerate().map(|(i, t)| unit(i, t)).collect()
    }

    /// The batch, which reads the document once and keeps its records itself, stores and
    /// retires exactly what putting each unit on its own does: the same puts, the same TMX.
    #[test]
    fn a_batch_stores_and_retires_what_one_put_at_a_time_does() {
        let units = units_of(&["One.", "Two.", "Three.", "Four had 45.", "Five.", "Six."]);
        // The run's second unit stores into the run's TU; the unit put twice is unchanged
        // the second time; the edited unit's old TU is retired.
        let puts = [
            (0, "Một!"),
            (1, "Hai! Ba."),
            (2, "Hai! Ba!"),
            (3, "Bốn có 45."),
            (4, "Năm."),
            (5, "Sáu."),
            (0, "Một!"),
        ];
        let batch = store(&units, &puts, true);
        use Put::{Added, Replaced, Unchanged};
        assert_eq!(
            batch.0,
            [
                Replaced, Replaced, Replaced, Added, Unchanged, Added, Unchanged
            ]
        );
        assert_eq!(batch.1.len(), 1);
        assert_eq!(batch.1[0].en, "Four had 40.");
        assert_eq!(batch, store(&units, &puts, false));
        // A replaced TU is still the one `minh` created back then.
        let tmx = &batch.2;
        assert!(tmx.contains(&format!("creationdate=\"{THEN}\" creationid=\"minh\"")));
        assert!(tmx.contains("Hai! Ba!"));
        assert!(!tmx.contains("Hai! Ba.<"));
    }

    /// New translations of the same English leave the comparison of the article with the
    /// document as it was, so the batch retires from the comparison it made when it read
    /// the document: what comparing again retires (here a TU whose English left the
    /// article before the import).
    #[test]
    fn new_translations_of_the_same_english_retire_what_comparing_again_does() {
        let units = units_of(&["One.", "Two.", "Three.", "Prices fell sharply.", "Five."]);
        let puts = [(0, "Một!"), (1, "Hai! Ba!"), (4, "Năm!")];
        let batch = store(&units, &puts, true);
        assert_eq!(batch.0, [Put::Replaced; 3]);
        assert_eq!(batch.1.len(), 1);
        assert_eq!(batch.1[0].en, "Four had 40.");
        assert_eq!(batch, store(&units, &puts, false));
    }
}
