//! Lookups in a memory: exact (by normalized source or target), fuzzy, concordance, and
//! the TUs of a document or a unit, as [`Match`]es and [`StoredUnit`]s.

use std::collections::HashMap;
use std::fs::File;
use std::path::PathBuf;

use super::cache;
use super::concordance::{self, ClassPostings, ConcordanceIndex, SearchOptions};
use super::fuzzy::{FuzzyData, FuzzyHit};
use super::index::Loaded;
use super::overlay::KeyKind;
use super::record::{Predecessor, StoredUnit, props};
use super::segment::{ConcordanceSegment, Segment, key_hash, unit_key};
use super::store::{Memory, MemoryError};
use crate::text::normalize::normalize;
use crate::tmx::{TmxReader, Tu};

/// Below this many TUs a document is read on one thread: starting threads would cost more
/// than they save.
const PARALLEL_MIN_TUS: usize = 4096;

/// A TU's place in document order ([`Memory::document_place`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct DocumentPlace(usize, u16, u32, u32);

/// A lookup result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Match {
    /// The TU's entry in this memory, for [`Memory::replace`]; not part of any output.
    #[serde(skip)]
    pub entry: u32,
    /// 0-100; 100 for the same text after normalization.
    pub score: u8,
    pub source: String,
    pub target: Option<String>,
    pub tuid: Option<String>,
    /// The memory file the TU comes from.
    pub file: PathBuf,
    /// The TU's document and unit, for TUs songngu created.
    pub doc: Option<String>,
    pub unit: Option<String>,
    pub changed: Option<String>,
    /// The TU's `x-songngu-status` (`translated`, `needs-review`, `omitted`...), read with
    /// the rest so that a caller need not read the TU again; not part of any output.
    #[serde(skip)]
    pub status: Option<String>,
}

/// A concordance result.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ConcordanceMatch {
    pub tuid: Option<String>,
    pub source: String,
    pub target: Option<String>,
    /// Byte ranges of the phrase in the searched text (the source, or the target when
    /// `in_target`).
    pub ranges: Vec<std::ops::Range<usize>>,
    pub in_target: bool,
    pub file: PathBuf,
}

impl Memory {
    fn to_match(
        &self,
        id: u32,
        score: u8,
        open: &mut HashMap<u16, File>,
    ) -> Result<Match, MemoryError> {
        let tu = self.tu(id, open)?;
        Ok(self.match_of(id, score, &tu))
    }

    /// The match of entry `id`, whose TU is `tu`.
    fn match_of(&self, id: u32, score: u8, tu: &Tu) -> Match {
        Match {
            entry: id,
            score,
            source: tu
                .tuv(&self.source_lang)
                .map(|t| t.seg.plain_text())
                .unwrap_or_default(),
            target: tu.tuv(&self.target_lang).map(|t| t.seg.plain_text()),
            tuid: tu.attr("tuid").map(str::to_owned),
            file: self.files[self.file_of(id) as usize].path.clone(),
            doc: tu.prop(props::DOC).map(str::to_owned),
            unit: tu.prop(props::UNIT).map(str::to_owned),
            status: tu.prop(props::STATUS).map(str::to_owned),
            changed: tu
                .attr("changedate")
                .or_else(|| tu.attr("creationdate"))
                .map(str::to_owned),
        }
    }

    /// Entries whose source equals `source` after normalization, in memory order.
    pub(super) fn exact_ids(
        &self,
        source: &str,
        open: &mut HashMap<u16, File>,
    ) -> Result<Vec<u32>, MemoryError> {
        let wanted = normalize(source);
        let hash = key_hash(&wanted);
        let mut ids = Vec::new();
        for id in self.with_hash(hash, |s| s.exact(hash), KeyKind::Source)? {
            // The hash only narrows; the text decides.
            if self.is_live(id) {
                let tu = self.tu(id, open)?;
                if tu
                    .tuv(&self.source_lang)
                    .is_some_and(|t| normalize(&t.seg.plain_text()) == wanted)
                {
                    ids.push(id);
                }
            }
        }
        ids.sort_unstable();
        Ok(ids)
    }

    /// The entries, superseded ones too, that a loaded index (`in_segment`) or the
    /// overlay's index of `kind` files under `hash`.
    fn with_hash(
        &self,
        hash: u64,
        in_segment: impl Fn(&Segment) -> &[u32],
        kind: KeyKind,
    ) -> Result<Vec<u32>, MemoryError> {
        let mut ids = Vec::new();
        for loaded in &self.loaded {
            ids.extend(in_segment(&loaded.segment).iter().map(|&e| loaded.base + e));
        }
        ids.extend(self.added_with(kind, hash)?);
        Ok(ids)
    }

    /// The TU's source and target text, when it has both of the memory's languages.
    pub fn pair(&self, tu: &Tu) -> Option<(String, String)> {
        let source = tu.tuv(&self.source_lang)?.seg.plain_text();
        let target = tu.tuv(&self.target_lang)?.seg.plain_text();
        Some((source, target))
    }

    /// Live entries whose source variant has exactly the content of `tu`'s (text with its
    /// whitespace and Unicode form, and markup: [`crate::tmx::Seg::same_content`]), with
    /// their TUs, in memory order. Import finds the copies of a TU among them. Empty when
    /// `tu` has no variant in the source language.
    pub fn with_source_of(&self, tu: &Tu) -> Result<Vec<(u32, Tu)>, MemoryError> {
        let Some(source) = tu.tuv(&self.source_lang) else {
            return Ok(Vec::new());
        };
        let mut open = HashMap::new();
        let mut found = Vec::new();
        // The normalized lookup narrows; the exact content decides.
        for id in self.exact_ids(&source.seg.plain_text(), &mut open)? {
            let candidate = self.tu(id, &mut open)?;
            if candidate
                .tuv(&self.source_lang)
                .is_some_and(|t| t.seg.same_content(&source.seg))
            {
                found.push((id, candidate));
            }
        }
        Ok(found)
    }

    /// TUs whose source is `source` (after normalization): O(1) by hash.
    pub fn exact(&self, source: &str) -> Result<Vec<Match>, MemoryError> {
        let mut open = HashMap::new();
        let ids = self.exact_ids(source, &mut open)?;
        ids.into_iter()
            .map(|id| self.to_match(id, 100, &mut open))
            .collect()
    }

    /// Live TUs whose target equals `target` after normalization, in memory order: O(1)
    /// by hash, like [`Memory::exact`] for sources. Score 100. Finds the same Vietnamese
    /// used for different English.
    pub fn by_target(&self, target: &str) -> Result<Vec<Match>, MemoryError> {
        let mut open = HashMap::new();
        let wanted = normalize(target);
        let hash = key_hash(&wanted);
        let mut ids = Vec::new();
        for id in self.with_hash(hash, |s| s.targets(hash), KeyKind::Target)? {
            if self.is_live(id) {
                // The hash only narrows; the text decides.
                let tu = self.tu(id, &mut open)?;
                if tu
                    .tuv(&self.target_lang)
                    .is_some_and(|t| normalize(&t.seg.plain_text()) == wanted)
                {
                    ids.push(id);
                }
            }
        }
        ids.sort_unstable();
        ids.into_iter()
            .map(|id| self.to_match(id, 100, &mut open))
            .collect()
    }

    /// The ids of the documents that have TUs in the memory (the [`props::DOC`] prop),
    /// sorted.
    pub fn documents(&self) -> Vec<String> {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for loaded in &self.loaded {
            for (doc, ids) in loaded.segment.docs() {
                *counts.entry(doc).or_default() += ids.len();
            }
        }
        for (doc, ids) in &self.overlay.docs {
            *counts.entry(doc).or_default() += ids.len();
        }
        let mut docs: Vec<String> = counts
            .into_iter()
            .filter(|(doc, count)| *count > self.left_docs.get(*doc).copied().unwrap_or(0))
            .map(|(doc, _)| doc.to_owned())
            .collect();
        docs.sort_unstable();
        docs
    }

    /// The live TUs of document `doc`, in document order: by their [`props::ORDER`] prop
    /// (TUs without one last), then in memory order (file, then position in the file).
    /// Empty for a document the memory does not know.
    pub fn document(&self, doc: &str) -> Result<Vec<StoredUnit>, MemoryError> {
        let ids = self.document_ids(doc);
        // An addition has no English: it is no unit of the article (see
        // [`Memory::document_additions`]).
        self.stored_units(&ids, |tu| tu.prop(props::STATUS) != Some(props::ADDED))
    }

    /// [`Memory::document`] and [`Memory::document_additions`], reading the document's
    /// TUs once.
    pub fn document_and_additions(
        &self,
        doc: &str,
    ) -> Result<(Vec<StoredUnit>, Vec<StoredUnit>), MemoryError> {
        let all = self.document_tus_where(doc, |_| true)?;
        Ok(all.into_iter().partition(|u| !u.is_added()))
    }

    /// The additions of document `doc` (Vietnamese published without English,
    /// [`props::ADDED`]), in the order they were published.
    pub fn document_additions(&self, doc: &str) -> Result<Vec<StoredUnit>, MemoryError> {
        self.document_tus_where(doc, |tu| tu.prop(props::STATUS) == Some(props::ADDED))
    }

    fn document_tus_where(
        &self,
        doc: &str,
        keep: impl Fn(&Tu) -> bool + Sync,
    ) -> Result<Vec<StoredUnit>, MemoryError> {
        self.stored_units(&self.document_ids(doc), keep)
    }

    /// The live TU of unit `unit` of document `doc`: the first in document order when there
    /// are several. Reads only that unit's TUs, not the document's.
    pub fn document_unit(&self, doc: &str, unit: &str) -> Result<Option<StoredUnit>, MemoryError> {
        let key = unit_key(doc, unit);
        let ids = self.with_hash(key, |s| s.unit(key), KeyKind::Unit)?;
        // A hash collision could bring another unit's TU: keep only the ones that say so.
        let is_it =
            |tu: &Tu| tu.prop(props::DOC) == Some(doc) && tu.prop(props::UNIT) == Some(unit);
        Ok(self.stored_units(&ids, is_it)?.into_iter().next())
    }

    /// Every live TU of document `doc`, its additions too, in document order, each with
    /// what replacing it keeps ([`Predecessor`]): the document read once, for a batch of
    /// changes that keeps these records current instead of reading it again (see
    /// [`crate::drift::batch`]). [`Memory::document_place`] orders records added later.
    pub fn document_records(
        &self,
        doc: &str,
    ) -> Result<Vec<(StoredUnit, Predecessor)>, MemoryError> {
        self.records(&self.document_ids(doc), |_| true, Predecessor::of)
    }

    /// Where the record of a live TU goes in document order, the order of
    /// [`Memory::document`]: by [`props::ORDER`] (TUs without one last), then in memory
    /// order (file, then position in the file).
    pub fn document_place(&self, unit: &StoredUnit) -> DocumentPlace {
        DocumentPlace(
            unit.order,
            self.file_of(unit.entry),
            self.order_of(unit.entry),
            unit.entry,
        )
    }

    /// The entries of document `doc`, superseded ones too, in no particular order.
    fn document_ids(&self, doc: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        for loaded in &self.loaded {
            if let Some(entries) = loaded.segment.doc(doc) {
                ids.extend(entries.iter().map(|&e| loaded.base + e));
            }
        }
        ids.extend(self.overlay.docs.get(doc).into_iter().flatten());
        ids
    }

    /// The live TUs among `ids`, read and sorted in document order: by their
    /// [`props::ORDER`] prop (TUs without one last), then in memory order.
    fn stored_units(
        &self,
        ids: &[u32],
        keep: impl Fn(&Tu) -> bool + Sync,
    ) -> Result<Vec<StoredUnit>, MemoryError> {
        let records = self.records(ids, keep, |_| ())?;
        Ok(records.into_iter().map(|(unit, ())| unit).collect())
    }

    /// [`Memory::stored_units`], each with `also` of its TU, from the one reading of it.
    /// The TUs of a large document are read on every core, a contiguous share each.
    fn records<T: Send>(
        &self,
        ids: &[u32],
        keep: impl Fn(&Tu) -> bool + Sync,
        also: impl Fn(&Tu) -> T + Sync,
    ) -> Result<Vec<(StoredUnit, T)>, MemoryError> {
        let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
        let shares: Vec<Vec<(DocumentPlace, StoredUnit, T)>> =
            if workers > 1 && ids.len() >= PARALLEL_MIN_TUS {
                let (keep, also) = (&keep, &also);
                std::thread::scope(|scope| {
                    let handles: Vec<_> = ids
                        .chunks(ids.len().div_ceil(workers))
                        .map(|share| scope.spawn(move || self.read_records(share, keep, also)))
                        .collect();
                    handles
                        .into_iter()
                        .map(|h| {
                            h.join()
                                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                        })
                        .collect::<Result<_, _>>()
                })?
            } else {
                vec![self.read_records(ids, &keep, &also)?]
            };
        let mut units: Vec<_> = shares.into_iter().flatten().collect();
        units.sort_unstable_by_key(|(place, ..)| *place);
        Ok(units
            .into_iter()
            .map(|(_, unit, also)| (unit, also))
            .collect())
    }

    /// The records of the live TUs among `ids` that `keep` keeps, with their places.
    fn read_records<T>(
        &self,
        ids: &[u32],
        keep: &impl Fn(&Tu) -> bool,
        also: &impl Fn(&Tu) -> T,
    ) -> Result<Vec<(DocumentPlace, StoredUnit, T)>, MemoryError> {
        let mut open = HashMap::new();
        let mut units = Vec::with_capacity(ids.len());
        for &id in ids {
            if !self.is_live(id) {
                continue;
            }
            let tu = self.tu(id, &mut open)?;
            if !keep(&tu) {
                continue;
            }
            let unit = StoredUnit::read(id, &tu, &self.source_lang, &self.target_lang);
            units.push((self.document_place(&unit), unit, also(&tu)));
        }
        Ok(units)
    }

    /// The best matches for `query` scoring at least `min`, best first, at most `limit`.
    pub fn lookup(&self, query: &str, min: u8, limit: usize) -> Result<Vec<Match>, MemoryError> {
        let mut open = HashMap::new();
        // Ask for more than `limit`: superseded versions are skipped afterwards. Each index
        // gives its best; the best of those are the best of all (the score of a pair does
        // not depend on the index, and ties go to the lower id everywhere).
        let wanted = limit.saturating_add(8);
        let mut hits = Vec::new();
        for loaded in &self.loaded {
            if let Some(view) = loaded.segment.fuzzy() {
                hits.extend(
                    view.find(query, min, wanted)
                        .into_iter()
                        .map(|hit| FuzzyHit {
                            id: loaded.base + hit.id,
                            score: hit.score,
                        }),
                );
            }
        }
        hits.extend(self.added_fuzzy(query, min, wanted)?);
        hits.sort_unstable_by_key(|hit| (std::cmp::Reverse(hit.score), hit.id));
        hits.truncate(wanted);
        let mut matches = Vec::with_capacity(limit);
        for hit in hits {
            if matches.len() == limit {
                break;
            }
            if self.is_superseded(hit.id) {
                continue;
            }
            matches.push(self.to_match(hit.id, hit.score, &mut open)?);
        }
        Ok(matches)
    }

    /// TUs whose source (or, with `in_target`, target) contains `phrase`, in memory order,
    /// at most `limit`. The concordance index is built for the query from the files, so a
    /// memory loaded only for lookups does not carry the text of every TU.
    pub fn concordance(
        &self,
        phrase: &str,
        in_target: bool,
        options: SearchOptions,
        limit: usize,
    ) -> Result<Vec<ConcordanceMatch>, MemoryError> {
        let lang = if in_target {
            &self.target_lang
        } else {
            &self.source_lang
        };
        let keys = concordance::phrase_keys(phrase);
        let mut found = Vec::new();
        if keys.is_empty() || limit == 0 {
            return Ok(found);
        }
        let mut open = HashMap::new();
        // The phrase is matched in each candidate's text, in memory order, until `limit`
        // are found: a file's concordance index narrows the candidates to the entries that
        // hold every fold class of the phrase; without one (the TMX changed since it was
        // loaded) and for TUs added since, every entry is a candidate.
        let mut check = |id: u32, found: &mut Vec<ConcordanceMatch>| -> Result<bool, MemoryError> {
            if self.is_superseded(id) {
                return Ok(false);
            }
            let tu = self.tu(id, &mut open)?;
            let Some(tuv) = tu.tuv(lang) else {
                return Ok(false);
            };
            let mut one = ConcordanceIndex::new();
            one.insert(id, &tuv.seg.plain_text());
            if let Some(hit) = one.search(phrase, options).pop() {
                let found_match = self.match_of(id, 0, &tu);
                found.push(ConcordanceMatch {
                    tuid: found_match.tuid,
                    source: found_match.source,
                    target: found_match.target,
                    ranges: hit.ranges,
                    in_target,
                    file: found_match.file,
                });
            }
            Ok(found.len() >= limit)
        };
        for loaded in &self.loaded {
            let index = loaded
                .concordance
                .get_or_init(|| self.concordance_index(loaded));
            let candidates: Vec<u32> = match index.as_ref().and_then(|i| i.side(in_target)) {
                Some(side) => side.candidates(&keys),
                None => (0..loaded.segment.len() as u32).collect(),
            };
            for entry in candidates {
                if check(loaded.base + entry, &mut found)? {
                    return Ok(found);
                }
            }
        }
        for id in self.first_added..self.entry_count() {
            if check(id, &mut found)? {
                break;
            }
        }
        Ok(found)
    }

    /// The concordance index of a loaded file: read from the cache folder, or built from
    /// the TMX (and saved, best effort). `None` when the TMX is no longer the file that
    /// was loaded.
    fn concordance_index(&self, loaded: &Loaded) -> Option<ConcordanceSegment> {
        let path = &self.files[loaded.file as usize].path;
        let langs = self.langs_key();
        if cache::key(path, langs.as_bytes()).ok()? != loaded.key {
            return None;
        }
        let key = cache::key(path, format!("{langs}\nconcordance").as_bytes()).ok()?;
        let index_path = cache::index_path_named(path, "conc.idx").filter(|_| self.use_cache);
        if let Some(index_path) = &index_path
            && let Ok(index) = ConcordanceSegment::open(index_path, &key, loaded.segment.len())
        {
            return Some(index);
        }
        let mut reader = TmxReader::open(path).ok()?;
        let (mut sources, mut targets) = (ClassPostings::default(), ClassPostings::default());
        let mut entries = 0u32;
        let mut held = false;
        while let Some(record) = reader.next_tu().ok()? {
            if let Some(tuv) = record.tu.tuv(&self.source_lang) {
                sources.add(entries, &tuv.seg.plain_text());
            }
            if let Some(tuv) = record.tu.tuv(&self.target_lang) {
                targets.add(entries, &tuv.seg.plain_text());
            }
            held |= record.span.is_none();
            entries += 1;
        }
        drop(reader);
        // The file read must be the file loaded, TU for TU.
        if entries as usize != loaded.segment.len()
            || cache::key(path, langs.as_bytes()).ok()? != loaded.key
        {
            return None;
        }
        let image = ConcordanceSegment::finish(entries as usize, sources, targets, &key);
        if let Some(index_path) = index_path
            && !held
        {
            let _ = cache::save(&index_path, &image);
        }
        ConcordanceSegment::built(image, &key, entries as usize).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memory::persist::LockWait;
    use crate::memory::test_support::{doc_unit, open};
    use crate::tmx::{self, Meta};
    use std::path::Path;
    use unic_langid::langid;

    /// A TU imported from another tool: no document.
    fn plain_tu(source: &str, target: &str) -> Tu {
        Tu {
            attrs: Vec::new(),
            meta: Vec::new(),
            tuvs: vec![
                tmx::Tuv::with_text(&langid!("en"), source),
                tmx::Tuv::with_text(&langid!("vi"), target),
            ],
        }
    }

    fn open_two(a: &Path, b: &Path) -> Memory {
        Memory::open_for_update(
            &[a.to_owned(), b.to_owned()],
            langid!("en"),
            langid!("vi"),
            LockWait::Fail,
        )
        .expect("opens")
    }

    fn summary(units: &[StoredUnit]) -> Vec<(&str, usize, &str, Option<&str>)> {
        units
            .iter()
            .map(|u| (u.unit.as_str(), u.order, u.en.as_str(), u.vi.as_deref()))
            .collect()
    }

    #[test]
    fn a_document_comes_back_in_order_across_files_and_through_replace() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (a, b) = (dir.path().join("a.tmx"), dir.path().join("b.tmx"));
        let mut memory = open_two(&a, &b);
        memory
            .add(Some(&a), doc_unit("seed", "u2", 2, "Three.", "Ba."))
            .expect("add");
        memory
            .add(Some(&b), doc_unit("seed", "u0", 0, "One.", "Một."))
            .expect("add");
        memory
            .add(Some(&a), plain_tu("Imported.", "Nhập."))
            .expect("add");
        memory
            .add(Some(&b), doc_unit("other", "u0", 0, "Other.", "Khác."))
            .expect("add");
        let two = memory
            .add(Some(&a), doc_unit("seed", "u1", 1, "Two.", "Hai."))
            .expect("add");
        // A TU without an order prop goes last.
        let mut unordered = doc_unit("seed", "u9", 0, "Nine.", "Chín.");
        unordered.meta.retain(|m| match m {
            Meta::Prop(p) => p.attrs.iter().all(|a| a.value != props::ORDER),
            Meta::Note(_) => true,
        });
        memory.add(Some(&b), unordered).expect("add");

        assert_eq!(memory.documents(), ["other", "seed"]);
        let seed = memory.document("seed").expect("document");
        assert_eq!(
            summary(&seed),
            [
                ("u0", 0, "One.", Some("Một.")),
                ("u1", 1, "Two.", Some("Hai.")),
                ("u2", 2, "Three.", Some("Ba.")),
                ("u9", usize::MAX, "Nine.", Some("Chín.")),
            ]
        );
        assert_eq!(seed[1].entry, two);
        assert_eq!(seed[1].status.as_deref(), Some("translated"));
        assert_eq!(seed[1].tuid.as_deref(), Some("seed/u1"));
        assert!(seed[1].changed.as_deref().is_some_and(|d| d.ends_with('Z')));
        assert!(memory.document("nope").expect("document").is_empty());

        // The English of `u1` changes and its TU is replaced: the successor takes its place,
        // and `en` is the English it was translated from (the `x-songngu-source` prop).
        let mut revised = doc_unit("seed", "u1", 1, "Two, revised.", "Hai, đã sửa.");
        revised.tuvs[0] = tmx::Tuv::with_text(&langid!("en"), "Two, revised again.");
        let successor = memory.replace(two, revised).expect("replace");
        let seed = memory.document("seed").expect("document");
        assert_eq!(seed.len(), 4);
        assert_eq!(seed[1].entry, successor);
        assert_eq!(seed[1].en, "Two, revised.");
        assert_eq!(seed[1].vi.as_deref(), Some("Hai, đã sửa."));

        // A replacement that moves the TU to another document leaves this one.
        let three = seed[2].entry;
        memory
            .replace(three, doc_unit("other", "u1", 1, "Three.", "Ba."))
            .expect("replace");
        assert_eq!(memory.document("seed").expect("document").len(), 3);
        assert_eq!(memory.document("other").expect("document").len(), 2);

        // Saved and read back from both files, the documents are the same.
        memory.save().expect("save");
        let before = (
            summary(&memory.document("seed").expect("document"))
                .iter()
                .map(|(u, o, e, v)| (u.to_string(), *o, e.to_string(), v.map(str::to_owned)))
                .collect::<Vec<_>>(),
            memory.documents(),
        );
        drop(memory);
        let memory = Memory::open(&[a.clone(), b.clone()], langid!("en"), langid!("vi"))
            .expect("reads back");
        let seed = memory.document("seed").expect("document");
        let after = summary(&seed)
            .iter()
            .map(|(u, o, e, v)| (u.to_string(), *o, e.to_string(), v.map(str::to_owned)))
            .collect::<Vec<_>>();
        assert_eq!((after, memory.documents()), before);
        assert_eq!(
            summary(&memory.document("other").expect("document")),
            [
                ("u0", 0, "Other.", Some("Khác.")),
                ("u1", 1, "Three.", Some("Ba."))
            ]
        );
    }

    #[test]
    fn a_document_whose_last_tu_moves_away_is_no_longer_listed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut memory = open(&dir.path().join("news.tmx"));
        let id = memory
            .add(None, doc_unit("old", "u0", 0, "One.", "Một."))
            .expect("add");
        memory
            .replace(id, doc_unit("new", "u0", 0, "One.", "Một."))
            .expect("replace");
        assert_eq!(memory.documents(), ["new"]);
        assert!(memory.document("old").expect("document").is_empty());
    }

    #[test]
    fn the_same_target_is_found_for_different_sources() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (a, b) = (dir.path().join("a.tmx"), dir.path().join("b.tmx"));
        let mut memory = open_two(&a, &b);
        let first = memory
            .add(
                Some(&a),
                doc_unit("seed", "u0", 0, "Guests came.", "Khách đến."),
            )
            .expect("add");
        // NFD and odd spacing: the same target after normalization.
        memory
            .add(
                Some(&b),
                plain_tu("Visitors arrived.", "  Kha\u{301}ch   đến. "),
            )
            .expect("add");
        memory
            .add(Some(&b), plain_tu("Guests left.", "Khách đi."))
            .expect("add");
        let found = memory.by_target("Khách đến.").expect("lookup");
        assert_eq!(
            found.iter().map(|m| m.source.as_str()).collect::<Vec<_>>(),
            ["Guests came.", "Visitors arrived."]
        );
        assert!(found.iter().all(|m| m.score == 100));
        assert_eq!(found[0].doc.as_deref(), Some("seed"));
        assert!(memory.by_target("Khách").expect("lookup").is_empty());

        // After a replace the old target no longer answers, the new one does.
        let successor = memory
            .replace(
                first,
                doc_unit("seed", "u0", 0, "Guests came.", "Khách mời đến."),
            )
            .expect("replace");
        let found = memory.by_target("Khách đến.").expect("lookup");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].source, "Visitors arrived.");
        let found = memory.by_target("Khách mời đến.").expect("lookup");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].entry, successor);

        // And so after saving and reading back.
        memory.save().expect("save");
        drop(memory);
        let memory = Memory::open(&[a, b], langid!("en"), langid!("vi")).expect("reads back");
        assert_eq!(memory.by_target("Khách đến.").expect("lookup").len(), 1);
        assert_eq!(memory.by_target("Khách mời đến.").expect("lookup").len(), 1);
        assert_eq!(memory.by_target("Khách đi.").expect("lookup").len(), 1);
    }
}
