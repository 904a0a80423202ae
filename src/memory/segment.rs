//! The lookup index of one TMX file of a memory, as it is persisted (see [`super::cache`])
//! and read: sorted arrays searched in place, so that opening a memory of a million TUs
//! with a current index costs a check of its bytes, not a rebuild.
//!
//! Entries are numbered from 0 in the order of the file's TUs (the store adds the file's
//! first id). Per entry: where the TU is (its byte span, or the index of a TU held in
//! memory for a file that is not UTF-8), and flags. Then:
//! - exact lookup: `(hash of the normalized source, entry)` sorted, found by binary search;
//! - the same for the normalized target ([`super::store::Memory::by_target`]);
//! - units: `(hash of document and unit id, entry)` sorted;
//! - documents: their ids sorted, each with its entries;
//! - the fuzzy index ([`super::fuzzy::FuzzyView`]): interners (open addressing tables
//!   probed where they lie), postings, token stream;
//! - what loading found besides TUs: the header, the root's attributes and the problems.
//!
//! Hashes are xxh3, whose values are fixed by its specification: an index stays valid
//! across builds of the program (the format version guards the rest).

use std::collections::HashMap;

use unic_langid::LanguageIdentifier;
use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

use super::cache::{Aligned, ImageWriter, IndexBytes, Rejected};
use super::concordance::{CLASS_SECTIONS, ClassPostings, ClassView};
use super::fuzzy::{self, CounterPool, FuzzyIndex, FuzzyView};
use super::record::props;
use crate::text::normalize::normalize;
use crate::tmx::{Attr, Element, Header, Meta, Node, Note, Problem, Prop, Severity, Tu};

/// The entry has a source variant (it is in the exact and fuzzy indexes).
pub(crate) const HAS_SOURCE: u8 = 1;
/// The entry has a target variant (it is in the target index).
pub(crate) const HAS_TARGET: u8 = 2;
/// The entry's TU is held in memory: its start is an index into the file's held TUs.
pub(crate) const HELD: u8 = 4;

const META: usize = 0;
const STARTS: usize = 1;
const LENS: usize = 2;
const FLAGS: usize = 3;
const EXACT_HASHES: usize = 4;
const EXACT_IDS: usize = 5;
const TARGET_HASHES: usize = 6;
const TARGET_IDS: usize = 7;
const UNIT_HASHES: usize = 8;
const UNIT_IDS: usize = 9;
const DOC_NAMES: usize = 10;
const DOC_NAME_ENDS: usize = 11;
const DOC_ID_ENDS: usize = 12;
const DOC_IDS: usize = 13;
const FUZZY: usize = 14;
const SECTIONS: usize = FUZZY + fuzzy::SECTIONS;

/// The hash of an already normalized text (exact source and target lookup).
pub(crate) fn key_hash(key: &str) -> u64 {
    xxh3_64(key.as_bytes())
}

/// The hash of a text's normalized form.
pub(crate) fn text_hash(text: &str) -> u64 {
    key_hash(&normalize(text))
}

/// The key of a unit of a document.
pub(crate) fn unit_key(doc: &str, unit: &str) -> u64 {
    xxh3_64_with_seed(unit.as_bytes(), xxh3_64(doc.as_bytes()))
}

/// What the indexes need of one TU.
pub(crate) struct Keys<'t> {
    /// The normalized source text, if the TU has the source language.
    pub source: Option<String>,
    /// The hash of the normalized target text, if it has the target language.
    pub target_hash: Option<u64>,
    pub doc: Option<&'t str>,
    pub unit: Option<&'t str>,
}

impl<'t> Keys<'t> {
    pub(crate) fn of(tu: &'t Tu, source: &LanguageIdentifier, target: &LanguageIdentifier) -> Self {
        Keys {
            source: tu.tuv(source).map(|tuv| normalize(&tuv.seg.plain_text())),
            target_hash: tu.tuv(target).map(|tuv| text_hash(&tuv.seg.plain_text())),
            doc: tu.prop(props::DOC),
            unit: tu.prop(props::UNIT),
        }
    }
}

/// What loading a file found besides its TUs.
#[derive(Debug, Clone, Default)]
pub(crate) struct FileMeta {
    pub header: Header,
    pub root_attrs: Vec<Attr>,
    pub problems: Vec<Problem>,
}

/// Builds the index of one file, TU by TU.
#[derive(Default)]
pub(crate) struct SegmentBuilder {
    starts: Vec<u64>,
    lens: Vec<u32>,
    flags: Vec<u8>,
    exact: Vec<Pair>,
    targets: Vec<Pair>,
    units: Vec<Pair>,
    docs: HashMap<Box<str>, Vec<u32>>,
    fuzzy: FuzzyIndex,
}

/// A `(hash, entry)` pair of the builder as `[hash >> 32, hash as u32, entry]`: 12 bytes
/// where a `(u64, u32)` takes 16, and sorted in the same order.
type Pair = [u32; 3];

fn pair(hash: u64, entry: u32) -> Pair {
    [(hash >> 32) as u32, hash as u32, entry]
}

fn pair_hash(pair: &Pair) -> u64 {
    (u64::from(pair[0]) << 32) | u64::from(pair[1])
}

/// Where a TU is, as the builder records it.
pub(crate) enum Place {
    Span { start: u64, len: u32 },
    Held(u32),
}

impl SegmentBuilder {
    /// A builder for a file of about `entries` TUs (the per-TU arrays made that size).
    pub(crate) fn with_capacity(entries: usize) -> SegmentBuilder {
        let mut builder = SegmentBuilder {
            starts: Vec::with_capacity(entries),
            lens: Vec::with_capacity(entries),
            flags: Vec::with_capacity(entries),
            exact: Vec::with_capacity(entries),
            targets: Vec::with_capacity(entries),
            units: Vec::with_capacity(entries),
            ..SegmentBuilder::default()
        };
        builder.fuzzy.reserve(entries);
        builder
    }

    /// Adds the next TU of the file.
    pub(crate) fn add(&mut self, place: Place, keys: &Keys<'_>) {
        let entry = u32::try_from(self.starts.len()).unwrap_or(u32::MAX);
        let mut flags = 0;
        match place {
            Place::Span { start, len } => {
                self.starts.push(start);
                self.lens.push(len);
            }
            Place::Held(index) => {
                self.starts.push(u64::from(index));
                self.lens.push(0);
                flags |= HELD;
            }
        }
        if let Some(hash) = keys.target_hash {
            self.targets.push(pair(hash, entry));
            flags |= HAS_TARGET;
        }
        if let Some(doc) = keys.doc {
            match self.docs.get_mut(doc) {
                Some(ids) => ids.push(entry),
                None => {
                    self.docs.insert(Box::from(doc), vec![entry]);
                }
            }
            if let Some(unit) = keys.unit {
                self.units.push(pair(unit_key(doc, unit), entry));
            }
        }
        if let Some(source) = &keys.source {
            self.exact.push(pair(key_hash(source), entry));
            self.fuzzy.insert_normalized(entry, source);
            flags |= HAS_SOURCE;
        }
        self.flags.push(flags);
    }

    /// The index, keyed to `key`, as bytes ready to be saved and read.
    pub(crate) fn finish(self, key: &[u8], meta: &FileMeta) -> Aligned {
        let size = self.starts.len() * 13
            + (self.exact.len() + self.targets.len() + self.units.len()) * 12
            + self
                .docs
                .values()
                .map(|ids| ids.len() * 4 + 64)
                .sum::<usize>()
            + self.fuzzy.written_size()
            + SECTIONS * 8
            + 4096;
        let mut out = ImageWriter::new(key, SECTIONS, size);
        self.write(&mut out, meta);
        out.finish()
    }

    /// The index, keyed to `key`, written as the index file `path` as it is laid out
    /// (atomically): the index is never held twice, as the builder's parts and as bytes.
    pub(crate) fn save(
        self,
        path: &std::path::Path,
        key: &[u8],
        meta: &FileMeta,
    ) -> std::io::Result<()> {
        let mut out = ImageWriter::to_file(path, key, SECTIONS)?;
        self.write(&mut out, meta);
        out.finish_file()
    }

    /// Lays out the sections, giving each part back to the allocator once written.
    fn write(self, out: &mut ImageWriter, meta: &FileMeta) {
        let SegmentBuilder {
            starts,
            lens,
            flags,
            mut exact,
            mut targets,
            mut units,
            docs,
            fuzzy,
        } = self;
        out.put(&encode_meta(meta));
        out.put(&starts);
        drop(starts);
        out.put(&lens);
        drop(lens);
        out.put(&flags);
        drop(flags);
        for pairs in [&mut exact, &mut targets, &mut units] {
            pairs.sort_unstable();
            out.put_iter(pairs.iter().map(pair_hash));
            out.put_iter(pairs.iter().map(|p| p[2]));
            *pairs = Vec::new();
        }
        let mut docs: Vec<(Box<str>, Vec<u32>)> = docs.into_iter().collect();
        docs.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (mut names, mut name_ends, mut id_ends) = (Vec::new(), Vec::new(), Vec::new());
        let mut ends = 0usize;
        for (name, entries) in &docs {
            names.extend_from_slice(name.as_bytes());
            name_ends.push(u32::try_from(names.len()).unwrap_or(u32::MAX));
            ends += entries.len();
            id_ends.push(u32::try_from(ends).unwrap_or(u32::MAX));
        }
        out.put(&names);
        out.put(&name_ends);
        out.put(&id_ends);
        out.put_parts(docs.iter().map(|(_, entries)| entries.as_slice()));
        drop(docs);
        fuzzy.write_sections(out);
    }
}

/// The index of one file, checked, read in place.
pub(crate) struct Segment {
    index: IndexBytes,
    counters: CounterPool,
    len: usize,
}

impl Segment {
    /// The persisted index at `path`, if it is keyed to `key`, whole and consistent.
    pub(crate) fn open(
        path: &std::path::Path,
        key: &[u8],
    ) -> Result<(Segment, FileMeta), Rejected> {
        Segment::checked(IndexBytes::open(path, key)?)
    }

    /// The index just built by [`SegmentBuilder::finish`].
    pub(crate) fn built(image: Aligned, key: &[u8]) -> Result<(Segment, FileMeta), Rejected> {
        Segment::checked(IndexBytes::built(image, key)?)
    }

    fn checked(index: IndexBytes) -> Result<(Segment, FileMeta), Rejected> {
        let broken = Rejected::Truncated;
        if index.section_count() != SECTIONS {
            return Err(broken);
        }
        let meta = decode_meta(index.section::<u8>(META).ok_or(broken)?).ok_or(broken)?;
        let len = index.section::<u64>(STARTS).ok_or(broken)?.len();
        let segment = Segment {
            index,
            counters: CounterPool::default(),
            len,
        };
        segment.consistent().ok_or(broken)?;
        segment.index.release();
        Ok((segment, meta))
    }

    /// Whether the arrays agree with each other, so that no lookup can index out of range.
    fn consistent(&self) -> Option<()> {
        let n = self.len;
        let index = &self.index;
        let entries = |ids: &[u32]| ids.iter().all(|&id| (id as usize) < n);
        let pairs = |hashes: usize, ids: usize| -> Option<bool> {
            let hashes = index.section::<u64>(hashes)?;
            let ids = index.section::<u32>(ids)?;
            Some(hashes.len() == ids.len() && hashes.is_sorted() && entries(ids))
        };
        // Each part let go of once checked: a mapped index is never resident whole.
        let checked = |ok: bool, sections: std::ops::Range<usize>| {
            index.release_sections(sections);
            ok
        };
        let names = index.section::<u8>(DOC_NAMES)?;
        let name_ends = index.section::<u32>(DOC_NAME_ENDS)?;
        let id_ends = index.section::<u32>(DOC_ID_ENDS)?;
        let doc_ids = index.section::<u32>(DOC_IDS)?;
        let ok = index.section::<u32>(LENS)?.len() == n
            && index.section::<u8>(FLAGS)?.len() == n
            && checked(pairs(EXACT_HASHES, EXACT_IDS)?, EXACT_HASHES..EXACT_IDS + 1)
            && checked(
                pairs(TARGET_HASHES, TARGET_IDS)?,
                TARGET_HASHES..TARGET_IDS + 1,
            )
            && checked(pairs(UNIT_HASHES, UNIT_IDS)?, UNIT_HASHES..UNIT_IDS + 1)
            && name_ends.len() == id_ends.len()
            && name_ends.is_sorted()
            && name_ends.last().is_none_or(|&e| e as usize <= names.len())
            && std::str::from_utf8(names).is_ok()
            && id_ends.is_sorted()
            && id_ends.last().is_none_or(|&e| e as usize <= doc_ids.len())
            && entries(doc_ids)
            && FuzzyView::read(index, FUZZY, &self.counters, true).is_some();
        ok.then_some(())
    }

    /// The number of entries.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The size of the index in bytes.
    pub(crate) fn byte_size(&self) -> usize {
        self.index.len()
    }

    /// Whether the index is mapped from its file (not held in memory).
    #[cfg(test)]
    pub(crate) fn is_mapped(&self) -> bool {
        self.index.is_mapped()
    }

    fn array<T: bytemuck::Pod>(&self, section: usize) -> &[T] {
        // Checked when opened: every section is an array of its type.
        self.index.section(section).unwrap_or_default()
    }

    /// Entry `entry`'s flags ([`HAS_SOURCE`], [`HAS_TARGET`], [`HELD`]).
    pub(crate) fn flags(&self, entry: usize) -> u8 {
        self.array::<u8>(FLAGS)[entry]
    }

    /// Where entry `entry`'s TU is.
    pub(crate) fn place(&self, entry: usize) -> Place {
        let start = self.array::<u64>(STARTS)[entry];
        if self.flags(entry) & HELD != 0 {
            Place::Held(u32::try_from(start).unwrap_or(u32::MAX))
        } else {
            Place::Span {
                start,
                len: self.array::<u32>(LENS)[entry],
            }
        }
    }

    fn with_hash(&self, hashes: usize, ids: usize, hash: u64) -> &[u32] {
        let hashes = self.array::<u64>(hashes);
        let from = hashes.partition_point(|&h| h < hash);
        let to = from + hashes[from..].partition_point(|&h| h == hash);
        &self.array::<u32>(ids)[from..to]
    }

    /// Entries whose normalized source hashes to `hash`, ascending.
    pub(crate) fn exact(&self, hash: u64) -> &[u32] {
        self.with_hash(EXACT_HASHES, EXACT_IDS, hash)
    }

    /// Entries whose normalized target hashes to `hash`, ascending.
    pub(crate) fn targets(&self, hash: u64) -> &[u32] {
        self.with_hash(TARGET_HASHES, TARGET_IDS, hash)
    }

    /// Entries whose unit key ([`unit_key`]) is `key`, ascending.
    pub(crate) fn unit(&self, key: u64) -> &[u32] {
        self.with_hash(UNIT_HASHES, UNIT_IDS, key)
    }

    /// The documents, sorted, each with its entries (ascending).
    pub(crate) fn docs(&self) -> impl Iterator<Item = (&str, &[u32])> + '_ {
        let names = std::str::from_utf8(self.array::<u8>(DOC_NAMES)).unwrap_or_default();
        let name_ends = self.array::<u32>(DOC_NAME_ENDS);
        let id_ends = self.array::<u32>(DOC_ID_ENDS);
        let ids = self.array::<u32>(DOC_IDS);
        (0..name_ends.len()).map(move |i| {
            let (name_start, id_start) = if i == 0 {
                (0, 0)
            } else {
                (name_ends[i - 1] as usize, id_ends[i - 1] as usize)
            };
            (
                names
                    .get(name_start..name_ends[i] as usize)
                    .unwrap_or_default(),
                ids.get(id_start..id_ends[i] as usize).unwrap_or_default(),
            )
        })
    }

    /// The entries of document `doc`, if the file has it.
    pub(crate) fn doc(&self, doc: &str) -> Option<&[u32]> {
        let names = std::str::from_utf8(self.array::<u8>(DOC_NAMES)).unwrap_or_default();
        let name_ends = self.array::<u32>(DOC_NAME_ENDS);
        let name = |i: usize| {
            let start = if i == 0 { 0 } else { name_ends[i - 1] as usize };
            names.get(start..name_ends[i] as usize).unwrap_or_default()
        };
        let (mut low, mut high) = (0, name_ends.len());
        while low < high {
            let mid = (low + high) / 2;
            match name(mid).cmp(doc) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => {
                    let id_ends = self.array::<u32>(DOC_ID_ENDS);
                    let start = if mid == 0 {
                        0
                    } else {
                        id_ends[mid - 1] as usize
                    };
                    return self.array::<u32>(DOC_IDS).get(start..id_ends[mid] as usize);
                }
            }
        }
        None
    }

    /// The fuzzy index (entry ids are this file's).
    pub(crate) fn fuzzy(&self) -> Option<FuzzyView<'_>> {
        FuzzyView::read(&self.index, FUZZY, &self.counters, false)
    }
}

/// The concordance index of one file: the classes of its sources and of its targets with
/// their postings ([`ClassPostings`]). Built on the first concordance search, from the
/// TMX, and kept beside the lookup index (`<name>.conc.idx`), so that lookups never pay
/// for it.
pub(crate) struct ConcordanceSegment {
    index: IndexBytes,
}

const CONCORDANCE_SECTIONS: usize = 1 + 2 * CLASS_SECTIONS;

impl ConcordanceSegment {
    /// The index, keyed to `key`, for a file of `entries` entries.
    pub(crate) fn finish(
        entries: usize,
        sources: ClassPostings,
        targets: ClassPostings,
        key: &[u8],
    ) -> Aligned {
        let size = sources.written_size() + targets.written_size() + 64;
        let mut out = ImageWriter::new(key, CONCORDANCE_SECTIONS, size);
        out.put(&[entries as u64]);
        sources.write_sections(&mut out);
        targets.write_sections(&mut out);
        out.finish()
    }

    /// The persisted index at `path`, if it is keyed to `key`, whole, and made for a file of
    /// `entries` entries.
    pub(crate) fn open(
        path: &std::path::Path,
        key: &[u8],
        entries: usize,
    ) -> Result<ConcordanceSegment, Rejected> {
        ConcordanceSegment::checked(IndexBytes::open(path, key)?, entries)
    }

    /// The index just built by [`ConcordanceSegment::finish`].
    pub(crate) fn built(
        image: Aligned,
        key: &[u8],
        entries: usize,
    ) -> Result<ConcordanceSegment, Rejected> {
        ConcordanceSegment::checked(IndexBytes::built(image, key)?, entries)
    }

    fn checked(index: IndexBytes, entries: usize) -> Result<ConcordanceSegment, Rejected> {
        let ok = index.section_count() == CONCORDANCE_SECTIONS
            && index.section::<u64>(0) == Some(&[entries as u64][..])
            && ClassView::read(&index, 1, true).is_some()
            && ClassView::read(&index, 1 + CLASS_SECTIONS, true).is_some();
        if ok {
            Ok(ConcordanceSegment { index })
        } else {
            Err(Rejected::Truncated)
        }
    }

    /// The classes of the sources, or (`in_target`) of the targets.
    pub(crate) fn side(&self, in_target: bool) -> Option<ClassView<'_>> {
        let first = if in_target { 1 + CLASS_SECTIONS } else { 1 };
        ClassView::read(&self.index, first, false)
    }
}

/// A small writer of the meta section: lengths and numbers as u64, strings as bytes.
#[derive(Default)]
struct Encoder(Vec<u8>);

impl Encoder {
    fn num(&mut self, value: u64) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }

    fn text(&mut self, text: &str) {
        self.num(text.len() as u64);
        self.0.extend_from_slice(text.as_bytes());
    }

    fn opt(&mut self, text: Option<&str>) {
        match text {
            None => self.num(0),
            Some(text) => {
                self.num(1);
                self.text(text);
            }
        }
    }

    fn attrs(&mut self, attrs: &[Attr]) {
        self.num(attrs.len() as u64);
        for attr in attrs {
            self.text(&attr.name);
            self.text(&attr.value);
        }
    }

    fn element(&mut self, element: &Element) {
        self.text(&element.name);
        self.attrs(&element.attrs);
        self.num(element.children.len() as u64);
        for child in &element.children {
            match child {
                Node::Element(inner) => {
                    self.num(0);
                    self.element(inner);
                }
                Node::Text(text) => {
                    self.num(1);
                    self.text(text);
                }
            }
        }
    }
}

fn encode_meta(meta: &FileMeta) -> Vec<u8> {
    let mut out = Encoder::default();
    out.attrs(&meta.header.attrs);
    out.num(meta.header.meta.len() as u64);
    for item in &meta.header.meta {
        let (kind, attrs, value) = match item {
            Meta::Prop(prop) => (0, &prop.attrs, &prop.value),
            Meta::Note(note) => (1, &note.attrs, &note.value),
        };
        out.num(kind);
        out.attrs(attrs);
        out.text(value);
    }
    out.num(meta.header.extra.len() as u64);
    for element in &meta.header.extra {
        out.element(element);
    }
    out.attrs(&meta.root_attrs);
    out.num(meta.problems.len() as u64);
    for problem in &meta.problems {
        out.num(u64::from(problem.severity == Severity::Error));
        out.text(problem.code);
        out.num(problem.line as u64);
        out.num(problem.column as u64);
        out.num(problem.tu_index.map_or(0, |i| i as u64 + 1));
        out.opt(problem.tuid.as_deref());
        out.text(&problem.message);
        out.num(problem.values.len() as u64);
        for (name, value) in &problem.values {
            out.text(name);
            out.text(value);
        }
    }
    out.0
}

struct Decoder<'a>(&'a [u8]);

impl<'a> Decoder<'a> {
    fn num(&mut self) -> Option<u64> {
        let (head, rest) = self.0.split_first_chunk::<8>()?;
        self.0 = rest;
        Some(u64::from_le_bytes(*head))
    }

    fn count(&mut self) -> Option<usize> {
        // No count can exceed the bytes left: every item takes at least one byte.
        usize::try_from(self.num()?)
            .ok()
            .filter(|&n| n <= self.0.len())
    }

    fn text(&mut self) -> Option<&'a str> {
        let len = self.count()?;
        let (text, rest) = self.0.split_at_checked(len)?;
        self.0 = rest;
        std::str::from_utf8(text).ok()
    }

    fn opt(&mut self) -> Option<Option<String>> {
        Some(match self.num()? {
            0 => None,
            _ => Some(self.text()?.to_owned()),
        })
    }

    fn attrs(&mut self) -> Option<Vec<Attr>> {
        (0..self.count()?)
            .map(|_| Some(Attr::new(self.text()?, self.text()?)))
            .collect()
    }

    fn element(&mut self, depth: usize) -> Option<Element> {
        if depth > 256 {
            return None;
        }
        let name = self.text()?.to_owned();
        let attrs = self.attrs()?;
        let children = (0..self.count()?)
            .map(|_| match self.num()? {
                0 => Some(Node::Element(self.element(depth + 1)?)),
                _ => Some(Node::Text(self.text()?.to_owned())),
            })
            .collect::<Option<Vec<Node>>>()?;
        Some(Element {
            name,
            attrs,
            children,
        })
    }
}

/// A problem code read back from an index as the `&'static str` problems carry: each
/// distinct code is leaked once (there are a few dozen).
fn static_code(code: &str) -> &'static str {
    static CODES: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());
    let mut codes = CODES
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(known) = codes.iter().find(|known| **known == code) {
        return known;
    }
    let leaked: &'static str = Box::leak(Box::from(code));
    codes.push(leaked);
    leaked
}

fn decode_meta(bytes: &[u8]) -> Option<FileMeta> {
    let mut input = Decoder(bytes);
    let attrs = input.attrs()?;
    let meta = (0..input.count()?)
        .map(|_| {
            let kind = input.num()?;
            let attrs = input.attrs()?;
            let value = input.text()?.to_owned();
            Some(if kind == 0 {
                Meta::Prop(Prop { attrs, value })
            } else {
                Meta::Note(Note { attrs, value })
            })
        })
        .collect::<Option<Vec<Meta>>>()?;
    let extra = (0..input.count()?)
        .map(|_| input.element(0))
        .collect::<Option<Vec<Element>>>()?;
    let root_attrs = input.attrs()?;
    let problems = (0..input.count()?)
        .map(|_| {
            let severity = if input.num()? == 1 {
                Severity::Error
            } else {
                Severity::Warning
            };
            Some(Problem {
                severity,
                code: static_code(input.text()?),
                line: usize::try_from(input.num()?).ok()?,
                column: usize::try_from(input.num()?).ok()?,
                tu_index: match input.num()? {
                    0 => None,
                    n => Some(usize::try_from(n - 1).ok()?),
                },
                tuid: input.opt()?,
                message: input.text()?.to_owned(),
                values: (0..input.count()?)
                    .map(|_| Some((static_code(input.text()?), input.text()?.to_owned())))
                    .collect::<Option<_>>()?,
            })
        })
        .collect::<Option<Vec<Problem>>>()?;
    input.0.is_empty().then_some(FileMeta {
        header: Header { attrs, meta, extra },
        root_attrs,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_round_trips() {
        let meta = FileMeta {
            header: Header {
                attrs: vec![Attr::new("srclang", "en")],
                meta: vec![
                    Meta::Prop(Prop::new("x-project", "Desk")),
                    Meta::Note(Note::new("a note")),
                ],
                extra: vec![Element {
                    name: "ude".into(),
                    attrs: vec![Attr::new("name", "x")],
                    children: vec![
                        Node::Text(" ".into()),
                        Node::Element(Element {
                            name: "map".into(),
                            attrs: Vec::new(),
                            children: Vec::new(),
                        }),
                    ],
                }],
            },
            root_attrs: vec![Attr::new("xmlns:ex", "urn:x")],
            problems: vec![Problem {
                severity: Severity::Error,
                code: "tu-without-tuv",
                line: 3,
                column: 7,
                tu_index: Some(0),
                tuid: Some("t1".into()),
                message: "a TU without variants".into(),
                values: vec![("element", "tu".into())],
            }],
        };
        let back = decode_meta(&encode_meta(&meta)).expect("decodes");
        assert_eq!(back.header, meta.header);
        assert_eq!(back.root_attrs, meta.root_attrs);
        assert_eq!(back.problems, meta.problems);
        let bytes = encode_meta(&meta);
        assert!(decode_meta(&bytes[..bytes.len() - 1]).is_none());
    }
}
