//! `align`: pair an existing Vietnamese article with its English, sentence by sentence,
//! and store the pairs in the memory (`--into`).
//!
//! Three steps, so that a caller can stop or show between them: [`storing`] settles where
//! the pairs go before anything is aligned (a mistake there should not cost the wait for
//! the alignment), [`align`] reads both sides and pairs them, [`store`] writes the pairs.
//!
//! [`store`] writes every link with both sides as a TU of the document (many-to-one links
//! as one unit with the sentences joined, under the id of its first English sentence),
//! with its confidence as a prop; low-confidence links get the status `needs-review`. The
//! TU of the same document and unit is replaced, so a document never has two TUs of one
//! unit, and TUs an earlier `align` stored for sentences of this article that it no
//! longer pairs on their own (now inside a joined unit, or left unmatched) are removed. A
//! pair already stored the same way is left alone, so re-running changes nothing.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::check::lexicon_for_aligning;
use super::{FlowError, Notices, open_for_update, open_memory, read_glossary};
use crate::align::{
    self as aligner, AlignOptions, Link, Links, Sentences, SpillWriter, SpilledSentences,
};
use crate::document::PIECE_BYTES;
use crate::fsio::ReadOnly;
use crate::input_limit::InputKind;
use crate::memory::layout::{self, Anchor, ViParagraph};
use crate::memory::record::{self, AddedAt, NewUnit, StoredUnit, props};
use crate::memory::store::{Memory, MemoryError};
use crate::project::Project;
use crate::project::config::valid_doc_id;
use crate::text::Lang;
use crate::text::LengthModel;
use crate::text::normalize::normalize;
use crate::tmx::{Meta, Prop};
use unic_langid::LanguageIdentifier;

mod unit_ids;
pub use unit_ids::UnitIds;

/// Where the aligner learns which words translate which, besides the article itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lexicon {
    /// Only the article.
    None,
    /// These memory files.
    Memories(Vec<PathBuf>),
    /// The project's memory files that exist.
    ProjectMemories,
}

/// What to align.
#[derive(Debug, Clone)]
pub struct AlignRequest {
    pub en: PathBuf,
    pub vi: PathBuf,
    /// Both sides are already split: one sentence per line, a blank line between
    /// paragraphs.
    pub segmented: bool,
    /// A bilingual glossary.
    pub glossary: Option<PathBuf>,
    pub lexicon: Lexicon,
}

/// Why `--into` cannot store the pairs, found before anything is aligned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoringError {
    /// `--doc` is empty.
    #[error("`--doc` needs a document id")]
    EmptyDoc,
    /// No `--doc`, and the project (its file, if any) does not list the article.
    #[error("which document is `{}`? the project does not list it", .en.display())]
    WhichDoc {
        en: PathBuf,
        project: Option<PathBuf>,
    },
}

/// The pairs of both sides.
#[derive(Debug)]
pub struct Aligned {
    pub en: Side,
    pub vi: Side,
    /// In order, a few bytes each; [`Links::iter`] makes each [`Link`].
    pub links: Links,
    /// What looks wrong about the pair of articles.
    pub warnings: Vec<Warning>,
}

/// Something about the two articles that suggests they are not a translation pair.
#[derive(Debug, Clone, PartialEq)]
pub enum Warning {
    /// The article at this path has no sentence: every link is one-sided.
    NoSentences(PathBuf),
    /// The sides differ in length far more than a translation does ([`lengths_differ`]).
    LengthsDiffer {
        en_sentences: usize,
        vi_sentences: usize,
        en_chars: usize,
        vi_chars: usize,
        /// The Vietnamese characters the length model expects.
        expected: usize,
    },
    /// Most links are doubtful: probably not the same article.
    NotSameArticle,
}

/// Where to store the pairs of an article.
#[derive(Debug, Clone)]
pub struct StoreRequest {
    /// The memory file to write.
    pub tm: PathBuf,
    /// The English article.
    pub en: PathBuf,
    /// The document id (default: the project's for the article).
    pub doc: Option<String>,
    /// Who stores them (default: the project's translator, else the system's user).
    pub user: Option<String>,
    pub read_only: ReadOnly,
}

impl StoreRequest {
    /// The pairs of `en` stored in `tm` under the project's document id for it.
    pub fn new(tm: impl Into<PathBuf>, en: impl Into<PathBuf>) -> StoreRequest {
        StoreRequest {
            tm: tm.into(),
            en: en.into(),
            doc: None,
            user: None,
            read_only: ReadOnly::Refuse,
        }
    }
}

/// Where the pairs go: the document (the id given, else the project's for the article;
/// not the memory's only document, as `update` guesses: pairs filed under another
/// article's id would mix two articles' units in one document), and the author.
pub fn storing(project: &Project, request: &StoreRequest) -> Result<Storing, FlowError> {
    let doc = match request.doc.as_deref() {
        Some(doc) if !valid_doc_id(doc) => return Err(StoringError::EmptyDoc.into()),
        Some(doc) => doc.to_owned(),
        None => project
            .config
            .doc_for(&request.en)
            .map(str::to_owned)
            .ok_or_else(|| StoringError::WhichDoc {
                en: request.en.clone(),
                project: project.config.path.clone(),
            })?,
    };
    Ok(Storing {
        tm: request.tm.clone(),
        doc,
        user: project.user(request.user.as_deref()),
        read_only: request.read_only,
    })
}

/// Reads both sides and pairs them. `doc`, the document the pairs will be stored under,
/// is left out of what the memory teaches (its stored alignment must not vouch for
/// itself).
pub fn align(
    project: &Project,
    request: &AlignRequest,
    doc: Option<&str>,
    notices: &mut dyn Notices,
) -> Result<Aligned, FlowError> {
    let en = read_side(project, &request.en, Lang::En, request.segmented)?;
    let vi = read_side(project, &request.vi, Lang::Vi, request.segmented)?;
    let mut options = AlignOptions {
        memory_lexicon: memory_lexicon(project, &request.lexicon, doc, notices)?,
        ..AlignOptions::default()
    };
    if let Some(path) = &request.glossary {
        options.glossary = Some(read_glossary(project, path)?);
    }
    if en.is_empty() && vi.is_empty() {
        return Err(FlowError::NothingToAlign {
            en: request.en.clone(),
            vi: request.vi.clone(),
        });
    }
    let (links, _) = aligner::align_sentences(&en.sentences, &vi.sentences, &options)
        .map_err(FlowError::AlignSpill)?;
    let warnings = warnings(request, &en, &vi, &links);
    Ok(Aligned {
        en,
        vi,
        links,
        warnings,
    })
}

/// The lexicon of the memory the aligner learns from, less the TUs of `doc`.
fn memory_lexicon(
    project: &Project,
    lexicon: &Lexicon,
    doc: Option<&str>,
    notices: &mut dyn Notices,
) -> Result<Option<std::sync::Arc<aligner::Lexicon>>, FlowError> {
    let paths = match lexicon {
        Lexicon::None => return Ok(None),
        Lexicon::Memories(paths) => paths.clone(),
        Lexicon::ProjectMemories => project.memory_paths(&[]),
    };
    if paths.is_empty() {
        return Ok(None);
    }
    let memory = open_memory(project, &paths, notices)?;
    Ok(lexicon_for_aligning(&memory, doc))
}

/// What looks wrong about the pair of articles.
fn warnings(request: &AlignRequest, en: &Side, vi: &Side, links: &Links) -> Vec<Warning> {
    let mut warnings: Vec<Warning> = [(&request.en, en), (&request.vi, vi)]
        .into_iter()
        .filter(|(_, side)| side.is_empty())
        .map(|(path, _)| Warning::NoSentences(path.clone()))
        .collect();
    // With one side empty every link is one-sided: the warnings below would only repeat
    // that less clearly.
    if !warnings.is_empty() {
        return warnings;
    }
    let (en_chars, vi_chars) = (en.chars, vi.chars);
    if lengths_differ(en.len(), vi.len(), en_chars, vi_chars) {
        warnings.push(Warning::LengthsDiffer {
            en_sentences: en.len(),
            vi_sentences: vi.len(),
            en_chars,
            vi_chars,
            expected: (LengthModel::default().ratio * en_chars as f64).round() as usize,
        });
    }
    let low = links.iter().filter(aligner::low_confidence).count();
    if low * 2 > links.len() {
        warnings.push(Warning::NotSameArticle);
    }
    warnings
}

/// One side of the bitext: its sentences in paragraphs, kept in a temporary file and
/// read back a range at a time (a long article is never held whole), and each sentence's
/// unit id: about ten bytes a sentence in memory.
pub struct Side {
    pub sentences: SpilledSentences,
    /// The unit id of each sentence, in order, five bytes each.
    pub ids: UnitIds,
    /// Characters of the sentences, each trimmed: what [`lengths_differ`] weighs.
    pub chars: usize,
}

impl Side {
    /// How many sentences it has.
    pub fn len(&self) -> usize {
        self.sentences.len()
    }

    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// The unit id of sentence `i`.
    pub fn id(&self, i: usize) -> Option<String> {
        self.ids.get(i)
    }

    /// The bytes it holds in memory (the text is in its temporary file).
    pub fn bytes_held(&self) -> usize {
        self.sentences.bytes_held() + self.ids.bytes_held()
    }

    /// The sentences at `indices` (a link's side), joined by one space.
    pub fn joined(&self, indices: &[usize]) -> Result<String, FlowError> {
        self.sentences
            .joined(indices)
            .map_err(FlowError::AlignSpill)
    }
}

impl std::fmt::Debug for Side {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Side")
            .field("sentences", &self.len())
            .field("chars", &self.chars)
            .finish()
    }
}

/// A side being read: its sentences go to the temporary file as they are found.
struct SideWriter {
    spill: SpillWriter,
    ids: UnitIds,
    chars: usize,
}

impl SideWriter {
    fn new() -> Result<SideWriter, FlowError> {
        Ok(SideWriter {
            spill: SpillWriter::new().map_err(FlowError::AlignSpill)?,
            ids: UnitIds::default(),
            chars: 0,
        })
    }

    fn sentence(&mut self, text: &str, id: &str) -> std::io::Result<()> {
        self.chars += text.trim().chars().count();
        self.ids.push(id);
        self.spill.sentence(text)
    }

    fn finish(mut self) -> Result<Side, FlowError> {
        self.ids.shrink_to_fit();
        Ok(Side {
            sentences: self.spill.finish().map_err(FlowError::AlignSpill)?,
            ids: self.ids,
            chars: self.chars,
        })
    }
}

fn read_side(
    project: &Project,
    path: &Path,
    lang: Lang,
    segmented: bool,
) -> Result<Side, FlowError> {
    read_side_in_pieces(project, path, lang, segmented, PIECE_BYTES)
}

/// [`read_side`], a plain-text article read `piece_bytes` at a time.
fn read_side_in_pieces(
    project: &Project,
    path: &Path,
    lang: Lang,
    segmented: bool,
    piece_bytes: usize,
) -> Result<Side, FlowError> {
    let mut side = SideWriter::new()?;
    if segmented {
        // A pre-segmented side is an article, one sentence a line.
        let text = project.read_text(path, InputKind::Article)?;
        // A repeated sentence gets `-2`, `-3`... as `segment` numbers them, so that every
        // unit of the document has its own id.
        let mut seen: HashMap<String, usize> = HashMap::new();
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() {
                if side.spill.open_sentences() > 0 {
                    side.spill.end_paragraph();
                }
            } else {
                let id = crate::segment::unique_id(line, &mut seen);
                side.sentence(line, &id).map_err(FlowError::AlignSpill)?;
            }
        }
        return side.finish();
    }
    // Units go to the file as they are segmented: only the document is held meanwhile.
    let mut block = None;
    project.each_article_unit(path, lang, piece_bytes, |unit| {
        // A paragraph is a block's units (a block without any has none).
        if block.is_some_and(|b| b != unit.block) {
            side.spill.end_paragraph();
        }
        block = Some(unit.block);
        side.sentence(&unit.text, &unit.id)
            .map_err(FlowError::AlignSpill)
    })?;
    side.finish()
}

/// Whether the two sides differ in length far more than a translation does: more than
/// twice (or under half) the characters the length model expects, by more than its
/// noise, or more than twice the sentences (and at least three more).
pub fn lengths_differ(
    en_sentences: usize,
    vi_sentences: usize,
    en_chars: usize,
    vi_chars: usize,
) -> bool {
    let model = LengthModel::default();
    let expected = model.ratio * en_chars as f64;
    let vi = vi_chars as f64;
    // In a few short sentences a factor of two is ordinary (`Yes.` / `Vâng, đúng vậy.`);
    // four standard deviations is far outside what the model expects.
    let chars = (vi > 2.0 * expected || vi < expected / 2.0)
        && model.delta(en_chars as f64, vi).abs() > 4.0;
    // A few splits can double the count of a short text; more than doubling by three or
    // more sentences takes splits or merges in most links, which no translation has.
    let (few, many) = (
        en_sentences.min(vi_sentences),
        en_sentences.max(vi_sentences),
    );
    let sentences = many > 2 * few && many - few >= 3;
    chars || sentences
}

/// Where `--into` stores the pairs: the document, the author and the languages, from the
/// options first and then the project, as `update` and `translate` take them.
#[derive(Debug, Clone)]
pub struct Storing {
    /// The memory file written.
    pub tm: PathBuf,
    pub doc: String,
    pub user: String,
    pub read_only: ReadOnly,
}

/// What [`store`] did to the memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stored {
    pub added: usize,
    pub updated: usize,
    pub removed: usize,
    /// English sentences stored as left out of the translation (added or updated): not
    /// pairs.
    pub omitted: usize,
    /// Vietnamese sentences without English stored as the editor's additions (new ones).
    pub vi_only: usize,
}

/// Writes the links with both sides as TUs of the document, one per unit (see the module
/// docs), and saves the memory. Given the alignment itself rather than a reference, it
/// lets go of it (and of all it built from it) before the save, whose own peak is then
/// not stacked on them.
pub fn store<A: Borrow<Aligned>>(
    project: &Project,
    into: &Storing,
    aligned: A,
) -> Result<Stored, FlowError> {
    // Refused before anything is stored when damaged: its save would drop those TUs.
    let memory = open_for_update(project, &into.tm, into.read_only)?;
    // The document's live TUs by unit id; a memory written before units were kept apart
    // may hold several for one unit.
    let mut by_unit: HashMap<String, Vec<StoredUnit>> = HashMap::new();
    // The additions are read now, with the rest, not after the pairs are stored: a pair
    // never changes an addition (`document` leaves them out), and reading the document
    // again then would read back every pair just stored.
    let (units, old_additions) = memory.document_and_additions(&into.doc)?;
    // At most a TU per link: the memory's entries are then held to size through the save.
    let mut memory = memory;
    memory.reserve(aligned.borrow().links.len());
    for unit in units {
        by_unit.entry(unit.unit.clone()).or_default().push(unit);
    }
    let mut writer = PairWriter {
        memory,
        into,
        source_lang: &project.config.source,
        target_lang: &project.config.target,
        by_unit,
        stored: Stored::default(),
    };
    let (en, vi) = (&aligned.borrow().en, &aligned.borrow().vi);
    // Vietnamese without English: the editor's additions, stored apart (below).
    let mut additions = Vec::new();
    each_laid_out(aligned.borrow(), |link, layout| {
        if link.en.is_empty() {
            additions.extend(addition(link, layout, en, vi)?);
        } else {
            let pair = Pair::of(link, layout, en, vi)?;
            writer.pair(&pair)?;
        }
        Ok(())
    })?;
    writer.remove_unpaired(en)?;
    writer.additions(old_additions, &additions)?;
    drop(additions);
    drop(aligned);
    let PairWriter {
        mut memory, stored, ..
    } = writer;
    memory.save()?;
    Ok(stored)
}

/// Links made at most about this many at a time to lay them out.
const LAYOUT_CHUNK: usize = 4096;

/// Calls `f` with every link and its layout (`layout::of_links`), in order, making the
/// links a chunk at a time with the paragraph numbers of only their sentences, so that
/// neither every [`Link`] nor a paragraph number per sentence is held. A link's layout
/// depends on the links before it only through the last one with both sides (it sets
/// both the last English sentence and the last published paragraphs), and on the links
/// after it only before the first English sentence, up to the next link with English: so
/// a chunk ends at a link with both sides, and the next chunk starts with that link again
/// (its layout there, without what came before, is not used).
fn each_laid_out(
    aligned: &Aligned,
    f: impl FnMut(&Link, &layout::LinkLayout) -> Result<(), FlowError>,
) -> Result<(), FlowError> {
    each_laid_out_by(aligned, LAYOUT_CHUNK, f)
}

/// [`each_laid_out`], with chunks of about `size` links.
fn each_laid_out_by(
    aligned: &Aligned,
    size: usize,
    mut f: impl FnMut(&Link, &layout::LinkLayout) -> Result<(), FlowError>,
) -> Result<(), FlowError> {
    let links = &aligned.links;
    let (en_starts, vi_starts) = (paragraph_starts(&aligned.en), paragraph_starts(&aligned.vi));
    let two_sided = |k: usize| {
        links.en(k).is_some_and(|r| !r.is_empty()) && links.vi(k).is_some_and(|r| !r.is_empty())
    };
    let (mut from, mut first) = (0, 0);
    while first < links.len() {
        let mut end = (from + size).max(first + 1).min(links.len());
        while end < links.len() && !two_sided(end - 1) {
            end += 1;
        }
        // The chunk's links, their sentences counted from the chunk's first.
        let starts = |side: fn(&Links, usize) -> Option<std::ops::Range<usize>>| {
            (from..end)
                .filter_map(|k| side(links, k))
                .find(|r| !r.is_empty())
                .map_or(0, |r| r.start)
        };
        let (e0, v0) = (starts(Links::en), starts(Links::vi));
        let chunk: Vec<Link> = (from..end)
            .filter_map(|k| links.get(k))
            .map(|mut link| {
                link.en.iter_mut().for_each(|i| *i -= e0);
                link.vi.iter_mut().for_each(|i| *i -= v0);
                link
            })
            .collect();
        let paragraphs = |starts: &[usize], first: usize, side: fn(&Link) -> &Vec<usize>| {
            let last = chunk.iter().filter_map(|l| side(l).last()).max();
            let count = last.map_or(0, |&l| l + 1);
            (first..first + count)
                .map(|i| paragraph_of(starts, i))
                .collect::<Vec<usize>>()
        };
        let layouts = layout::of_links(
            &chunk,
            &paragraphs(&en_starts, e0, |l| &l.en),
            &paragraphs(&vi_starts, v0, |l| &l.vi),
        );
        drop(chunk);
        for (k, mut layout) in (from..end).zip(layouts) {
            if k < first {
                continue;
            }
            layout.anchor = layout.anchor.map(|anchor| match anchor {
                Anchor::After(i) => Anchor::After(i + e0),
                Anchor::Before(i) => Anchor::Before(i + e0),
            });
            if let Some(link) = links.get(k) {
                f(&link, &layout)?;
            }
        }
        first = end;
        from = end - 1;
    }
    Ok(())
}

/// Where each paragraph of `side` starts (its first sentence), in order.
fn paragraph_starts(side: &Side) -> Vec<usize> {
    let mut at = 0;
    side.sentences
        .paragraph_sizes()
        .iter()
        .map(|&size| {
            let start = at;
            at += size;
            start
        })
        .collect()
}

/// The paragraph of sentence `i`, given where the paragraphs start (an empty paragraph
/// starts where the next one does, which holds the sentence).
fn paragraph_of(starts: &[usize], i: usize) -> usize {
    starts
        .partition_point(|&start| start <= i)
        .saturating_sub(1)
}

/// One link with English, as a unit of the document.
struct Pair {
    /// The id of its first English sentence: a many-to-one link is one unit.
    unit: String,
    /// Its position, its first English sentence's, as `segment` and `update` number
    /// units: a change in the Vietnamese does not move the units after it.
    order: usize,
    source: String,
    target: String,
    /// English without Vietnamese: the published translation leaves it out (a note for
    /// foreign readers); recorded so, so that the check and the export know.
    omitted: bool,
    status: &'static str,
    /// Every unit the link covers, in order.
    covered: Vec<String>,
    confidence: String,
    paragraph: Option<ViParagraph>,
}

impl Pair {
    fn of(
        link: &Link,
        layout: &layout::LinkLayout,
        en: &Side,
        vi: &Side,
    ) -> Result<Pair, FlowError> {
        let omitted = link.vi.is_empty();
        let status = if omitted {
            props::OMITTED
        } else if aligner::low_confidence(link) {
            "needs-review"
        } else {
            "translated"
        };
        Ok(Pair {
            unit: en.id(link.en[0]).unwrap_or_default(),
            order: link.en[0],
            source: en.joined(&link.en)?,
            target: vi.joined(&link.vi)?,
            omitted,
            status,
            covered: link.en.iter().filter_map(|&i| en.id(i)).collect(),
            confidence: format!("{:.3}", link.confidence),
            paragraph: layout.paragraph,
        })
    }
}

/// Where an addition goes: after or before the unit of this id.
enum Place {
    After(String),
    Before(String),
}

impl Place {
    fn at(&self) -> AddedAt<'_> {
        match self {
            Place::After(unit) => AddedAt::After(unit),
            Place::Before(unit) => AddedAt::Before(unit),
        }
    }
}

/// An editor's addition (Vietnamese without English) and where it goes.
struct Added {
    at: Place,
    order: usize,
    text: String,
    paragraph: Option<ViParagraph>,
    confidence: String,
}

/// The addition of a link without English, tied to the English unit its layout anchors
/// it to; none when there is no English at all to tie it to.
fn addition(
    link: &Link,
    layout: &layout::LinkLayout,
    en: &Side,
    vi: &Side,
) -> Result<Option<Added>, FlowError> {
    let at = match layout.anchor {
        Some(Anchor::After(i)) => en.id(i).map(Place::After),
        Some(Anchor::Before(i)) => en.id(i).map(Place::Before),
        None => None,
    };
    let (Some(at), Some(&order)) = (at, link.vi.first()) else {
        return Ok(None);
    };
    Ok(Some(Added {
        at,
        order,
        text: vi.joined(&link.vi)?,
        paragraph: layout.paragraph,
        confidence: format!("{:.3}", link.confidence),
    }))
}

/// The memory being written, and what was done to it.
struct PairWriter<'p> {
    memory: Memory,
    into: &'p Storing,
    source_lang: &'p LanguageIdentifier,
    target_lang: &'p LanguageIdentifier,
    /// The document's TUs not yet matched to a link, by unit id.
    by_unit: HashMap<String, Vec<StoredUnit>>,
    stored: Stored,
}

impl PairWriter<'_> {
    /// Stores one pair: replaces the unit's TU, or adds one; a pair stored the same way
    /// already is left alone.
    fn pair(&mut self, pair: &Pair) -> Result<(), MemoryError> {
        let mut existing = self
            .by_unit
            .remove(&pair.unit)
            .unwrap_or_default()
            .into_iter();
        let first = existing.next();
        // Only what an earlier `align` made goes: a duplicate someone translated is theirs.
        for duplicate in existing {
            self.remove_if_aligned(duplicate.entry)?;
        }
        if let Some(old) = &first
            && self.same_pair(old, pair)?
        {
            return Ok(());
        }
        let new = NewUnit {
            doc: &self.into.doc,
            unit: &pair.unit,
            order: pair.order,
            source: &pair.source,
            target: &pair.target,
            status: pair.status,
            user: &self.into.user,
        };
        let mut tu = if pair.omitted {
            record::omitted_tu(&new, self.source_lang, self.target_lang)
        } else {
            record::unit_tu(&new, self.source_lang, self.target_lang)
        };
        let covered: Vec<&str> = pair.covered.iter().map(String::as_str).collect();
        record::set_covered_units(&mut tu, &covered);
        tu.meta
            .push(Meta::Prop(Prop::new(props::CONFIDENCE, &pair.confidence)));
        record::set_vi_paragraph(&mut tu, pair.paragraph);
        let counter = match (&first, pair.omitted) {
            (_, true) => &mut self.stored.omitted,
            (Some(_), false) => &mut self.stored.updated,
            (None, false) => &mut self.stored.added,
        };
        *counter += 1;
        match first {
            Some(old) => self.memory.replace(old.entry, tu).map(|_| ()),
            None => self.memory.add(None, tu).map(|_| ()),
        }
    }

    /// Whether `old` records `pair` as it is: same texts, units, status, layout, place
    /// and confidence.
    fn same_pair(&self, old: &StoredUnit, pair: &Pair) -> Result<bool, MemoryError> {
        Ok(normalize(&old.en) == normalize(&pair.source)
            && old.vi.as_deref().map(normalize) == (!pair.omitted).then(|| normalize(&pair.target))
            && old.covered() == pair.covered
            && old.status.as_deref() == Some(pair.status)
            && old.vi_paragraph == pair.paragraph
            && old.order == pair.order
            && self.confidence_of(old.entry)? == Some(pair.confidence.clone()))
    }

    fn confidence_of(&self, entry: u32) -> Result<Option<String>, MemoryError> {
        let tu = self.memory.tu_of(entry)?;
        Ok(tu.prop(props::CONFIDENCE).map(str::to_owned))
    }

    /// Removes the TU of `entry` if `align` stored it (it carries the aligner's
    /// confidence); a TU someone translated has none and is never removed.
    fn remove_if_aligned(&mut self, entry: u32) -> Result<(), MemoryError> {
        if self.confidence_of(entry)?.is_some() {
            self.memory.remove(entry)?;
            self.stored.removed += 1;
        }
        Ok(())
    }

    /// What is left of this article's sentences was paired by an earlier run and is not
    /// on its own now: inside a joined unit, or without a counterpart. A TU `align` made
    /// for it records a pairing this alignment rejects, so it goes; a TU someone
    /// translated, and the TUs of sentences no longer in the article (drift reports
    /// those), stay.
    fn remove_unpaired(&mut self, en: &Side) -> Result<(), MemoryError> {
        // A new document (or memory) has none left: no id to make.
        if self.by_unit.is_empty() {
            return Ok(());
        }
        for id in en.ids.iter() {
            for old in self.by_unit.remove(&id).unwrap_or_default() {
                self.remove_if_aligned(old.entry)?;
            }
        }
        Ok(())
    }

    /// The additions: one already stored with the same place, text, layout and
    /// confidence stays as it is (so a second run on the same pair changes nothing); the
    /// others an earlier `align` stored go, and the new ones are added in published order.
    fn additions(
        &mut self,
        mut old_additions: Vec<StoredUnit>,
        additions: &[Added],
    ) -> Result<(), MemoryError> {
        for added in additions {
            let mut same = None;
            for (k, old) in old_additions.iter().enumerate() {
                if self.same_addition(old, added)? {
                    same = Some(k);
                    break;
                }
            }
            if let Some(k) = same {
                old_additions.remove(k);
                continue;
            }
            let (doc, user) = (&self.into.doc, &self.into.user);
            let mut tu = record::added_tu(
                doc,
                added.at.at(),
                added.order,
                &added.text,
                user,
                self.target_lang,
            );
            tu.meta
                .push(Meta::Prop(Prop::new(props::CONFIDENCE, &added.confidence)));
            record::set_vi_paragraph(&mut tu, added.paragraph);
            self.memory.add(None, tu)?;
            self.stored.vi_only += 1;
        }
        for old in old_additions {
            self.remove_if_aligned(old.entry)?;
        }
        Ok(())
    }

    fn same_addition(&self, old: &StoredUnit, added: &Added) -> Result<bool, MemoryError> {
        let anchored = match added.at.at() {
            AddedAt::After(unit) => old.after.as_deref() == Some(unit) && old.before.is_none(),
            AddedAt::Before(unit) => old.before.as_deref() == Some(unit) && old.after.is_none(),
        };
        Ok(anchored
            && old.order == added.order
            && old.vi.as_deref().map(normalize) == Some(normalize(&added.text))
            && old.vi_paragraph == added.paragraph
            && self.confidence_of(old.entry)? == Some(added.confidence.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input_limit::Limits;
    use crate::project::config::Config;

    /// Writes `en` and `vi` as `name.en.EXT` and `name.vi.EXT`, aligns them as the flow
    /// does (read in pieces of `piece` bytes, held in temporary files) and as the library
    /// does in memory (each article read whole), and checks that both give the same
    /// links, sentences and unit ids.
    fn same_as_in_memory(name: &str, ext: &str, en: &str, vi: &str, piece: usize) {
        let dir = tempfile::tempdir().unwrap();
        let project = Project::new(Config::defaults(dir.path()), Limits::default());
        let (en_path, vi_path) = (
            dir.path().join(format!("{name}.en.{ext}")),
            dir.path().join(format!("{name}.vi.{ext}")),
        );
        std::fs::write(&en_path, en).unwrap();
        std::fs::write(&vi_path, vi).unwrap();
        let en_side = read_side_in_pieces(&project, &en_path, Lang::En, false, piece).unwrap();
        let vi_side = read_side_in_pieces(&project, &vi_path, Lang::Vi, false, piece).unwrap();
        let options = AlignOptions::default();
        let (links, stats) =
            aligner::align_sentences(&en_side.sentences, &vi_side.sentences, &options).unwrap();

        let whole = |path: &Path, lang| {
            let (_, units) = project.read_article(path, lang).unwrap();
            let ids: Vec<String> = units.iter().map(|u| u.id.clone()).collect();
            let paragraphs: Vec<Vec<String>> = crate::segment::paragraphs(&units)
                .map(|p| p.iter().map(|u| u.text.clone()).collect())
                .collect();
            (paragraphs, ids)
        };
        let (en_paragraphs, en_ids) = whole(&en_path, Lang::En);
        let (vi_paragraphs, vi_ids) = whole(&vi_path, Lang::Vi);
        let (in_memory, memory_stats) =
            aligner::align_with_stats(&en_paragraphs, &vi_paragraphs, &options);
        assert_eq!(links, in_memory, "{name}, pieces of {piece} bytes");
        assert_eq!(stats.cells, memory_stats.cells, "{name}");
        for (side, paragraphs, ids) in [
            (&en_side, &en_paragraphs, &en_ids),
            (&vi_side, &vi_paragraphs, &vi_ids),
        ] {
            let sizes: Vec<usize> = paragraphs.iter().map(Vec::len).collect();
            assert_eq!(side.sentences.paragraph_sizes(), sizes, "{name}");
            assert_eq!(side.ids.iter().collect::<Vec<_>>(), *ids, "{name}");
            let all: Vec<usize> = (0..side.len()).collect();
            let flat: Vec<&str> = paragraphs.iter().flatten().map(String::as_str).collect();
            assert_eq!(side.joined(&all).unwrap(), flat.join(" "), "{name}");
        }
    }

    fn fixture(name: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn the_bounded_path_gives_the_links_of_the_in_memory_one() {
        let cases = [
            (
                "seed",
                "txt",
                fixture("examples/seed.en.txt"),
                fixture("examples/seed.vi.txt"),
            ),
            (
                "cyber-drill",
                "txt",
                fixture("tests/fixtures/align/cyber-drill.en.article.txt"),
                fixture("tests/fixtures/align/cyber-drill.vi.article.txt"),
            ),
            (
                "flood",
                "md",
                fixture("examples/flood.en.md"),
                fixture("examples/flood.vi.md"),
            ),
        ];
        for (name, ext, en, vi) in &cases {
            for piece in [64, 1000, PIECE_BYTES] {
                same_as_in_memory(name, ext, en, vi, piece);
            }
        }
        // The translator joined paragraphs, and split one; sentences repeat (their ids
        // count across pieces); a BOM and CRLF line ends.
        let en = "\u{feff}The storm reached Quang Ninh on Monday.\r\nIt brought 300 mm of rain.\r\n\r\n\
                  Yes.\r\n\r\nThe army sent 2,000 soldiers. Schools closed in 12 districts.\r\n\r\n\
                  Yes.\r\n\r\nPower returned on Thursday. Losses reached $1.2 billion.\r\n";
        let vi = "\u{feff}Bão đổ bộ Quảng Ninh hôm thứ Hai. Bão gây mưa 300 mm.\r\n\r\nVâng.\r\n\r\n\
                  Quân đội điều 2.000 binh sĩ.\r\n\r\nTrường học đóng cửa ở 12 huyện. Vâng.\r\n\r\n\
                  Điện có lại vào thứ Năm. Thiệt hại lên tới 1,2 tỷ USD.\r\n";
        for piece in [1, 40, 1000] {
            same_as_in_memory("joined", "txt", en, vi, piece);
        }
        // One paragraph on each side.
        let en = "The storm reached Quang Ninh on Monday. It brought 300 mm of rain. \
                  The army sent 2,000 soldiers. Power returned on Thursday.\n";
        let vi = "Bão đổ bộ Quảng Ninh hôm thứ Hai. Bão gây mưa 300 mm. \
                  Quân đội điều 2.000 binh sĩ. Điện có lại vào thứ Năm.\n";
        same_as_in_memory("one", "txt", en, vi, 16);
        // Unrelated texts: the links are put in doubt alike.
        same_as_in_memory(
            "unrelated",
            "txt",
            &fixture("examples/seed.en.txt"),
            &fixture("tests/fixtures/align/cyber-drill.vi.article.txt"),
            128,
        );
    }

    /// Both sides of `en` and `vi` (plain text) read and aligned as the flow does.
    fn aligned(en: &str, vi: &str) -> Aligned {
        let dir = tempfile::tempdir().unwrap();
        let project = Project::new(Config::defaults(dir.path()), Limits::default());
        let (en_path, vi_path) = (dir.path().join("a.en.txt"), dir.path().join("a.vi.txt"));
        std::fs::write(&en_path, en).unwrap();
        std::fs::write(&vi_path, vi).unwrap();
        let en = read_side(&project, &en_path, Lang::En, false).unwrap();
        let vi = read_side(&project, &vi_path, Lang::Vi, false).unwrap();
        let (links, _) =
            aligner::align_sentences(&en.sentences, &vi.sentences, &AlignOptions::default())
                .unwrap();
        Aligned {
            en,
            vi,
            links,
            warnings: Vec::new(),
        }
    }

    /// Layouts made a chunk at a time are those of all the links at once
    /// (`layout::of_links`), whatever the chunks: additions at the start (laid out before
    /// the first English), after a pair, paragraphs joined and split, a sentence left out.
    #[test]
    fn links_laid_out_a_chunk_at_a_time_are_laid_out_as_all_at_once() {
        let en = "The storm reached Quang Ninh on Monday.\n\nIt brought 300 mm of rain. \
                  The army sent 2,000 soldiers.\n\nSchools closed in 12 districts.\n\n\
                  Power returned on Thursday. Losses reached $1.2 billion. \
                  That is about 28,000 billion dong.\n";
        let vi = "Bản tin của phóng viên Nguyễn Lan từ Hà Nội năm 2024.\n\n\
                  Bão đổ bộ Quảng Ninh hôm thứ Hai. Bão gây mưa 300 mm.\n\n\
                  Quân đội điều 2.000 binh sĩ. Trường học đóng cửa ở 12 huyện.\n\n\
                  Người dân được sơ tán tới 35 điểm an toàn trong đêm 14/9.\n\n\
                  Điện có lại vào thứ Năm. Thiệt hại lên tới 1,2 tỷ USD.\n";
        let aligned = aligned(en, vi);
        let all: Vec<Link> = aligned.links.iter().collect();
        assert!(all.iter().any(|l| l.en.is_empty()), "{all:?}");
        let paragraphs = |side: &Side| -> Vec<usize> {
            let starts = paragraph_starts(side);
            (0..side.len()).map(|i| paragraph_of(&starts, i)).collect()
        };
        let whole = layout::of_links(&all, &paragraphs(&aligned.en), &paragraphs(&aligned.vi));
        for size in [1, 2, 3, 5, usize::MAX / 2] {
            let mut got = Vec::new();
            each_laid_out_by(&aligned, size, |link, layout| {
                got.push((link.clone(), *layout));
                Ok(())
            })
            .unwrap();
            let expected: Vec<(Link, layout::LinkLayout)> =
                all.iter().cloned().zip(whole.iter().copied()).collect();
            assert_eq!(got, expected, "chunks of {size}");
        }
    }

    /// Regression (issue 12): what `align` holds of an article besides its text is a few
    /// bytes a sentence: its end in the temporary file (4 bytes), its unit id (5, and 8
    /// more for a repeat's suffix) and, for the alignment, 24 bytes a link; it held 8 for
    /// the end, 19 or more for the id as text and about 100 for a `Link` with its vectors.
    #[test]
    fn the_sides_and_links_hold_a_few_bytes_a_sentence() {
        let repeat = |text: &str| text.repeat(40);
        let aligned = aligned(
            &repeat(&fixture("examples/seed.en.txt")),
            &repeat(&fixture("examples/seed.vi.txt")),
        );
        for side in [&aligned.en, &aligned.vi] {
            let (sentences, paragraphs) = (side.len(), side.sentences.paragraph_sizes().len());
            // A repeated sentence's id has a suffix (`-2`), 8 bytes more.
            let repeated = side.ids.iter().filter(|id| id.contains('-')).count();
            assert!(sentences > 500 && repeated < sentences);
            assert!(
                side.bytes_held() <= 9 * sentences + 8 * repeated + 8 * paragraphs + 64,
                "{} bytes held for {sentences} sentences ({repeated} repeated) in {paragraphs} \
                 paragraphs",
                side.bytes_held()
            );
        }
        let links = &aligned.links;
        assert!(
            links.bytes_held() <= 24 * links.len(),
            "{}",
            links.bytes_held()
        );
    }

    #[test]
    fn lengths_differ_only_far_beyond_the_model() {
        // The evaluation articles' sizes: no warning.
        assert!(!lengths_differ(24, 23, 2236, 2241));
        // Twice the characters in a short pair is ordinary.
        assert!(!lengths_differ(1, 1, 4, 15));
        assert!(lengths_differ(24, 23, 2236, 900));
        assert!(lengths_differ(24, 23, 2236, 4800));
        // Sentences: one split too many in a short text is no reason to warn.
        assert!(!lengths_differ(1, 3, 100, 100));
        assert!(lengths_differ(2, 5, 100, 100));
    }
}
