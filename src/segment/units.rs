//! Units of a document: sentences of each block, mapped back onto the source around
//! inline markup, with ids derived from their text.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, PoisonError, mpsc};

use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::{Segmenter, Splitter, Unit, UnitRef};
use crate::document::{Block, CodeKind, Document};
use crate::text::normalize::is_collapsed;

/// Splits every block of `doc` into units, in document order.
pub fn segment_document(doc: &Document, segmenter: &Segmenter) -> Vec<Unit> {
    let mut units = Vec::new();
    let Ok(()) = each_unit(doc, segmenter, |unit| {
        units.push(unit.to_unit());
        Ok::<(), std::convert::Infallible>(())
    });
    units
}

/// Hands every unit of `doc` to `sink` as soon as it is found, in document order, so a
/// caller that prints them holds a few chunks of units at a time; the first error of
/// `sink` stops it.
///
/// A large document is segmented on every core: its blocks are cut into chunks of about
/// [`CHUNK_BYTES`], which the threads take in turn while `sink` is given the units of the
/// chunks already done, in order. Repeat suffixes (`-2`) need the units before, so they
/// are given here, in order.
pub fn each_unit<E>(
    doc: &Document,
    segmenter: &Segmenter,
    sink: impl FnMut(UnitRef<'_>) -> Result<(), E>,
) -> Result<(), E> {
    each_unit_after(doc, segmenter, &mut RepeatIds::default(), sink)
}

/// Like [`each_unit`], for a document that goes on where others stopped (an article read
/// in pieces): `ids` counts the ids given before, so a repeat gets the suffix it gets in
/// the whole article.
pub fn each_unit_after<E>(
    doc: &Document,
    segmenter: &Segmenter,
    ids: &mut RepeatIds,
    sink: impl FnMut(UnitRef<'_>) -> Result<(), E>,
) -> Result<(), E> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_WORKERS));
    each_unit_with(doc, segmenter, workers, ids, sink, &mut Progress::default())
}

/// Threads for one document at most: segmenting is memory-bound past a few.
const MAX_WORKERS: usize = 8;

/// Below this much text a document is segmented on the calling thread: starting threads
/// would cost more than they save.
const PARALLEL_MIN_BYTES: usize = 256 * 1024;

/// About how much text one chunk holds: a thread's unit of work.
const CHUNK_BYTES: usize = 256 * 1024;

/// Chunks a thread may segment ahead of the one `sink` waits for, per thread: what bounds
/// the units held when `sink` is slower than segmenting (a slow pipe).
const AHEAD_PER_WORKER: usize = 4;

/// How far segmenting had got when `sink` was first called: for tests.
#[derive(Debug, Default)]
struct Progress {
    chunks: usize,
    claimed_at_first_unit: Option<usize>,
}

fn each_unit_with<E>(
    doc: &Document,
    segmenter: &Segmenter,
    workers: usize,
    ids: &mut RepeatIds,
    mut sink: impl FnMut(UnitRef<'_>) -> Result<(), E>,
    progress: &mut Progress,
) -> Result<(), E> {
    let chunks = chunks(doc);
    progress.chunks = chunks.len();
    if workers > 1 && doc.text.len() >= PARALLEL_MIN_BYTES {
        return on_threads(doc, segmenter, workers, &chunks, ids, sink, progress);
    }
    let mut splitter = segmenter.splitter();
    let (mut found, mut ranges) = (Vec::new(), Vec::new());
    for (claimed, blocks) in chunks.into_iter().enumerate() {
        found.clear();
        find_units(doc, &mut splitter, blocks, &mut found, &mut ranges);
        if !found.is_empty() {
            progress.claimed_at_first_unit.get_or_insert(claimed + 1);
        }
        ids.hand_out(doc, &found, &mut sink)?;
    }
    Ok(())
}

/// [`each_unit_with`] on `workers` threads, which take `chunks` in turn; the calling
/// thread hands the units out in order as their chunks are done.
fn on_threads<E>(
    doc: &Document,
    segmenter: &Segmenter,
    workers: usize,
    chunks: &[Range<usize>],
    ids: &mut RepeatIds,
    mut sink: impl FnMut(UnitRef<'_>) -> Result<(), E>,
    progress: &mut Progress,
) -> Result<(), E> {
    let shared = Shared {
        spare: Mutex::new(Vec::new()),
        claims: Mutex::new(Claims::default()),
        room: Condvar::new(),
        stop: AtomicBool::new(false),
    };
    let ahead = workers * AHEAD_PER_WORKER;
    std::thread::scope(|scope| {
        let (done, results) = mpsc::channel::<(usize, Vec<Found>)>();
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let (done, shared) = (done.clone(), &shared);
                scope.spawn(move || {
                    let _stop = StopOnPanic(shared);
                    let (mut splitter, mut ranges) = (segmenter.splitter(), Vec::new());
                    while let Some(k) = shared.claim(chunks.len(), ahead) {
                        let mut found = shared.spare_list();
                        find_units(
                            doc,
                            &mut splitter,
                            chunks[k].clone(),
                            &mut found,
                            &mut ranges,
                        );
                        if done.send((k, found)).is_err() {
                            return;
                        }
                    }
                })
            })
            .collect();
        drop(done);
        // Chunks finish in any order; they are handed out in document order.
        let mut finished: Vec<Option<Vec<Found>>> = vec![None; chunks.len()];
        let mut next = 0;
        let mut result = Ok(());
        // A closed channel means every thread is gone: one panicked (joined below).
        'receive: while next < chunks.len() {
            let Ok((k, found)) = results.recv() else {
                break;
            };
            finished[k] = Some(found);
            while let Some(found) = finished.get_mut(next).and_then(Option::take) {
                if progress.claimed_at_first_unit.is_none() && !found.is_empty() {
                    progress.claimed_at_first_unit = Some(shared.lock().claimed);
                }
                if let Err(error) = ids.hand_out(doc, &found, &mut sink) {
                    result = Err(error);
                    break 'receive;
                }
                shared.give_back(found);
                next += 1;
                shared.lock().handed = next;
                shared.room.notify_all();
            }
        }
        shared.stop();
        drop(results);
        for handle in handles {
            if let Err(panic) = handle.join() {
                std::panic::resume_unwind(panic);
            }
        }
        result
    })
}

/// What the threads of one document share.
struct Shared {
    /// Lists of units already handed out, emptied, for the next chunks: a new list for
    /// every chunk would be memory the system maps and zeroes again each time.
    spare: Mutex<Vec<Vec<Found>>>,
    claims: Mutex<Claims>,
    /// Signalled when a chunk is handed out (room to segment ahead) or on stop.
    room: Condvar,
    stop: AtomicBool,
}

#[derive(Default)]
struct Claims {
    /// Chunks taken by a thread so far.
    claimed: usize,
    /// Chunks whose units `sink` has been given.
    handed: usize,
}

impl Shared {
    fn lock(&self) -> std::sync::MutexGuard<'_, Claims> {
        self.claims.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The next chunk to segment, once it is no more than `ahead` chunks ahead of the one
    /// being handed out; `None` when all are taken or the work stopped.
    fn claim(&self, chunks: usize, ahead: usize) -> Option<usize> {
        let mut claims = self.lock();
        loop {
            if self.stop.load(Ordering::Relaxed) || claims.claimed >= chunks {
                return None;
            }
            if claims.claimed < claims.handed + ahead {
                claims.claimed += 1;
                return Some(claims.claimed - 1);
            }
            claims = self
                .room
                .wait(claims)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn spare_list(&self) -> Vec<Found> {
        let spare = self
            .spare
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        spare.unwrap_or_default()
    }

    fn give_back(&self, mut found: Vec<Found>) {
        found.clear();
        self.spare
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(found);
    }

    fn stop(&self) {
        // Under the lock, so a thread between its check and its wait cannot miss it.
        let claims = self.lock();
        self.stop.store(true, Ordering::Relaxed);
        drop(claims);
        self.room.notify_all();
    }
}

/// Stops the other threads when a thread panics, so none waits for room forever.
struct StopOnPanic<'a>(&'a Shared);

impl Drop for StopOnPanic<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.stop();
        }
    }
}

/// The chunks of `doc`: runs of blocks of about [`CHUNK_BYTES`], at least one block each.
fn chunks(doc: &Document) -> Vec<Range<usize>> {
    let mut chunks = Vec::new();
    let mut first = 0;
    while first < doc.blocks.len() {
        let start = doc.blocks[first].range.start;
        let after = doc.blocks[first..].partition_point(|b| b.range.end - start <= CHUNK_BYTES);
        let last = first + after.max(1);
        chunks.push(first..last);
        first = last;
    }
    chunks
}

/// A unit found, before its id is given: all a thread sends back, so that finding one
/// allocates nothing.
#[derive(Debug, Clone)]
struct Found {
    block: usize,
    index: usize,
    start: usize,
    end: usize,
    /// The first bytes of the hash the id is made of.
    hash: [u8; ID_BYTES],
}

/// The units of `blocks`, added to `found`; `ranges` is a buffer.
fn find_units(
    doc: &Document,
    splitter: &mut Splitter<'_>,
    blocks: Range<usize>,
    found: &mut Vec<Found>,
    ranges: &mut Vec<Range<usize>>,
) {
    for block_index in blocks {
        let block = &doc.blocks[block_index];
        ranges.clear();
        let mut push = |index, source: Range<usize>| {
            found.push(Found {
                block: block_index,
                index,
                hash: id_hash(&doc.text[source.clone()]),
                start: source.start,
                end: source.end,
            });
        };
        if block.codes.is_empty() {
            // No markup: the block's text is what the segmenter sees, offsets and all.
            let at = block.range.start;
            splitter.split_into(&doc.text[block.range.clone()], ranges);
            for (index, range) in ranges.iter().enumerate() {
                push(index, at + range.start..at + range.end);
            }
        } else {
            let flat = FlatBlock::new(&doc.text, block);
            splitter.split_into(&flat.text, ranges);
            for (index, range) in ranges.iter().enumerate() {
                push(index, flat.source_range(range.clone()));
            }
        }
    }
}

/// The ids given so far in a document, and the one being given: what a repeated text's
/// suffix (`-2`) counts. A hash key per distinct text, not its id as a `String`.
#[derive(Default)]
pub struct RepeatIds {
    /// How many times each hash has been given, keyed by its bytes.
    seen: FxHashMap<u64, usize>,
    id: String,
}

impl RepeatIds {
    /// Gives each unit of `found` its id, in order, and hands it to `sink`.
    fn hand_out<E>(
        &mut self,
        doc: &Document,
        found: &[Found],
        sink: &mut impl FnMut(UnitRef<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        for unit in found {
            let mut key = [0u8; 8];
            key[..ID_BYTES].copy_from_slice(&unit.hash);
            let count = self.seen.entry(u64::from_le_bytes(key)).or_insert(0);
            *count += 1;
            self.id.clear();
            push_id(&mut self.id, &unit.hash);
            if *count > 1 {
                let _ = write!(self.id, "-{count}");
            }
            sink(UnitRef {
                id: &self.id,
                block: unit.block,
                index: unit.index,
                text: &doc.text[unit.start..unit.end],
                start: unit.start,
                end: unit.end,
            })?;
        }
        Ok(())
    }
}

/// The id of a unit: `u` and 10 hex digits of the SHA-256 of its text in NFC with white
/// space collapsed. The id follows the text wherever it moves; a repeated text (or, rarely,
/// a repeated hash prefix) gets `-2`, `-3`... in document order; `seen` counts the ids
/// given so far in the document.
pub fn unique_id(text: &str, seen: &mut HashMap<String, usize>) -> String {
    with_repeat_suffix(text_id(text), seen)
}

/// `base` (a [`text_id`]) with the repeat suffix it gets after the ids in `seen`.
fn with_repeat_suffix(base: String, seen: &mut HashMap<String, usize>) -> String {
    let count = seen.entry(base.clone()).or_insert(0);
    *count += 1;
    if *count == 1 {
        base
    } else {
        format!("{base}-{count}")
    }
}

/// The id of a text, without the repeat suffix.
pub fn text_id(text: &str) -> String {
    let mut id = String::with_capacity(1 + 2 * ID_BYTES);
    push_id(&mut id, &id_hash(text));
    id
}

/// Bytes of the hash an id shows.
const ID_BYTES: usize = 5;

/// `u` and the hash in lower-case hex.
fn push_id(id: &mut String, hash: &[u8; ID_BYTES]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    id.push('u');
    for byte in hash {
        id.push(char::from(HEX[usize::from(byte >> 4)]));
        id.push(char::from(HEX[usize::from(byte & 0xf)]));
    }
}

/// The bytes of the hash an id shows.
fn id_hash(text: &str) -> [u8; ID_BYTES] {
    let mut hasher = Sha256::new();
    // Most text is already NFC (ASCII always is): then it is hashed where it lies, in one
    // piece when its white space is already collapsed, else word by word. Collapsing white
    // space keeps NFC (white space is a starter that composes with nothing), so this hashes
    // the same bytes as the general path below.
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        if is_collapsed(text) {
            hasher.update(text.as_bytes());
        } else {
            for (i, word) in text.split_whitespace().enumerate() {
                if i > 0 {
                    hasher.update(b" ");
                }
                hasher.update(word.as_bytes());
            }
        }
    } else {
        hasher.update(folded_nfc(text).as_bytes());
    }
    let digest = hasher.finalize();
    let mut hash = [0u8; ID_BYTES];
    hash.copy_from_slice(&digest[..ID_BYTES]);
    hash
}

/// `text` with white space collapsed to single spaces, then in NFC: what a unit id hashes.
fn folded_nfc(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .nfc()
        .collect()
}

/// What a stretch of the flattened text stands for in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    Text,
    Open,
    Close,
    /// Inline code, inline HTML: one object character in the flat text.
    Standalone,
    /// Container markup between the lines of a paragraph (`\n> `): white space in the
    /// flat text, so it can never start or end a unit.
    Layout,
}

#[derive(Debug, Clone)]
struct Mapped {
    piece: Piece,
    flat: Range<usize>,
    source: Range<usize>,
}

/// A block's text with markup removed, as the segmenter sees it, and the way back.
struct FlatBlock {
    text: String,
    map: Vec<Mapped>,
}

impl FlatBlock {
    fn new(source: &str, block: &Block) -> FlatBlock {
        let mut flat = FlatBlock {
            text: String::with_capacity(block.range.len()),
            map: Vec::with_capacity(block.codes.len() * 2 + 1),
        };
        let mut at = block.range.start;
        for code in &block.codes {
            let code_range = code.range.start.max(at)..code.range.end.min(block.range.end);
            if code_range.start > at {
                flat.push(source, Piece::Text, at..code_range.start);
            }
            if code_range.is_empty() {
                continue;
            }
            let code_text = &source[code_range.clone()];
            let piece = match code.kind {
                CodeKind::Open => Piece::Open,
                CodeKind::Close => Piece::Close,
                CodeKind::Standalone if code_text.starts_with(char::is_whitespace) => Piece::Layout,
                CodeKind::Standalone => Piece::Standalone,
            };
            flat.push(source, piece, code_range.clone());
            at = code_range.end;
        }
        if at < block.range.end {
            flat.push(source, Piece::Text, at..block.range.end);
        }
        flat
    }

    fn push(&mut self, source: &str, piece: Piece, range: Range<usize>) {
        let start = self.text.len();
        match piece {
            Piece::Text => self.text.push_str(&source[range.clone()]),
            Piece::Open | Piece::Close => {}
            Piece::Standalone => self.text.push('\u{FFFC}'),
            Piece::Layout => self.text.push(' '),
        }
        self.map.push(Mapped {
            piece,
            flat: start..self.text.len(),
            source: range,
        });
    }

    /// The source range of a (trimmed, non-empty) flat range: opening markup just before
    /// the unit and closing markup just after it belong to the unit.
    fn source_range(&self, flat: Range<usize>) -> Range<usize> {
        // The pieces tile the flat text in order (markup as empty pieces), so both ends
        // are found by binary search: a paragraph of many units and much markup must not
        // cost units × pieces.
        let first = match self.map.partition_point(|m| m.flat.end <= flat.start) {
            i if i < self.map.len() && self.map[i].flat.start <= flat.start => i,
            _ => 0,
        };
        let last = match self.map.partition_point(|m| m.flat.start < flat.end) {
            k if k > 0 && flat.end <= self.map[k - 1].flat.end => k - 1,
            _ => self.map.len().saturating_sub(1),
        };
        let Some(first_piece) = self.map.get(first) else {
            return flat;
        };
        let mut start = match first_piece.piece {
            Piece::Text => first_piece.source.start + (flat.start - first_piece.flat.start),
            _ => first_piece.source.start,
        };
        let last_piece = &self.map[last];
        let mut end = match last_piece.piece {
            Piece::Text => last_piece.source.start + (flat.end - last_piece.flat.start),
            _ => last_piece.source.end,
        };
        // Adjacency in the source is what ties markup to the unit; markup separated from it
        // by text or white space stays outside.
        for m in self.map[..first].iter().rev() {
            if m.piece != Piece::Open || m.source.end != start {
                break;
            }
            start = m.source.start;
        }
        for m in &self.map[last + 1..] {
            if m.piece != Piece::Close || m.source.start != end {
                break;
            }
            end = m.source.end;
        }
        start..end
    }
}

/// The units of a document grouped by paragraph (block), in order: the shape the
/// aligner reads.
pub fn paragraphs(units: &[Unit]) -> impl Iterator<Item = &[Unit]> {
    units.chunk_by(|a, b| a.block == b.block)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{BlockKind, Code, Encoding, Format};
    use crate::text::Lang;
    use std::path::PathBuf;

    fn doc_with(text: &str, blocks: Vec<Block>) -> Document {
        Document {
            path: PathBuf::from("t.md"),
            format: Format::Markdown,
            encoding: Encoding::Utf8,
            text: text.to_owned(),
            blocks,
        }
    }

    fn code(text: &str, needle: &str, kind: CodeKind, nth: usize) -> Code {
        let start = text
            .match_indices(needle)
            .nth(nth)
            .map(|(i, _)| i)
            .expect("needle");
        Code {
            range: start..start + needle.len(),
            kind,
        }
    }

    #[test]
    fn markup_at_sentence_edges_stays_with_its_sentence() {
        let text = "**Hello there.** *Next one. And.* [Last.](https://x.y/a.b) End.";
        let codes = vec![
            code(text, "**", CodeKind::Open, 0),
            code(text, "**", CodeKind::Close, 1),
            code(text, "*", CodeKind::Open, 4),
            code(text, "*", CodeKind::Close, 5),
            code(text, "[", CodeKind::Open, 0),
            code(text, "](https://x.y/a.b)", CodeKind::Close, 0),
        ];
        let block = Block {
            kind: BlockKind::Paragraph,
            range: 0..text.len(),
            codes,
        };
        let doc = doc_with(text, vec![block]);
        let units = segment_document(&doc, &Segmenter::builtin(Lang::En));
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "**Hello there.**",
                "*Next one.",
                "And.*",
                "[Last.](https://x.y/a.b)",
                "End."
            ]
        );
        for unit in &units {
            assert_eq!(&text[unit.start..unit.end], unit.text);
        }
    }

    #[test]
    fn layout_between_lines_never_starts_a_unit() {
        let text = "First one.\n> Second one.";
        let layout = code(text, "\n> ", CodeKind::Standalone, 0);
        let block = Block {
            kind: BlockKind::BlockQuote,
            range: 0..text.len(),
            codes: vec![layout],
        };
        let doc = doc_with(text, vec![block]);
        let units = segment_document(&doc, &Segmenter::builtin(Lang::En));
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts, ["First one.", "Second one."]);
    }

    #[test]
    fn inline_code_is_one_opaque_character() {
        let text = "Run `make test.` now. Done.";
        let block = Block {
            kind: BlockKind::Paragraph,
            range: 0..text.len(),
            codes: vec![code(text, "`make test.`", CodeKind::Standalone, 0)],
        };
        let doc = doc_with(text, vec![block]);
        let units = segment_document(&doc, &Segmenter::builtin(Lang::En));
        let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts, ["Run `make test.` now.", "Done."]);
    }

    #[test]
    fn ids_follow_text_and_repeats_are_numbered() {
        let mut seen = HashMap::new();
        let a = unique_id("Hello  world.", &mut seen);
        let b = unique_id("Hello world.", &mut seen);
        let c = unique_id("Other.", &mut seen);
        assert_eq!(a.len(), 11);
        assert!(a.starts_with('u'));
        assert_eq!(b, format!("{a}-2"));
        assert_ne!(a, c);
        // NFD and NFC spellings are the same text.
        assert_eq!(text_id("Hu\u{300}ng"), text_id("Hùng"));
    }

    /// A plain-text document of at least `bytes`, one paragraph a line, with repeats.
    fn big_document(bytes: usize) -> Document {
        use crate::document::ReadOptions;
        let mut text = String::new();
        let mut n = 0;
        while text.len() < bytes {
            n += 1;
            text.push_str(&format!(
                "Paragraph {} opens. Mr. Smith said yes. It rained.\n",
                n % 5000
            ));
        }
        Document::from_bytes(
            std::path::Path::new("big.txt"),
            text.as_bytes(),
            ReadOptions::default(),
        )
        .unwrap()
    }

    #[test]
    fn a_large_document_segmented_on_every_core_gives_the_units_of_one_thread() {
        // Many chunks, over the parallel threshold, with repeats across the chunks.
        let doc = big_document(CHUNK_BYTES * 6 + PARALLEL_MIN_BYTES);
        let segmenter = Segmenter::builtin(Lang::En);
        // Block by block, with the ids of `unique_id`.
        let mut one_thread = Vec::new();
        let mut seen = HashMap::new();
        for (block, b) in doc.blocks.iter().enumerate() {
            for (index, range) in segmenter
                .split(&doc.text[b.range.clone()])
                .into_iter()
                .enumerate()
            {
                let (start, end) = (b.range.start + range.start, b.range.start + range.end);
                let text = doc.text[start..end].to_owned();
                one_thread.push(Unit {
                    id: unique_id(&text, &mut seen),
                    block,
                    index,
                    text,
                    start,
                    end,
                });
            }
        }
        for workers in [1, 2, 3] {
            let mut units = Vec::new();
            let Ok(()) = each_unit_with(
                &doc,
                &segmenter,
                workers,
                &mut RepeatIds::default(),
                |unit| {
                    units.push(unit.to_unit());
                    Ok::<(), std::convert::Infallible>(())
                },
                &mut Progress::default(),
            );
            assert_eq!(units.len(), one_thread.len());
            assert!(units == one_thread, "the same units, ids and order");
        }
        assert!(one_thread.iter().any(|u| u.id.ends_with("-3")));
    }

    #[test]
    fn units_are_handed_out_before_the_whole_document_is_segmented() {
        let doc = big_document(CHUNK_BYTES * 24);
        let segmenter = Segmenter::builtin(Lang::En);
        for workers in [1, 2] {
            let mut progress = Progress::default();
            let mut handed = 0;
            let result = each_unit_with(
                &doc,
                &segmenter,
                workers,
                &mut RepeatIds::default(),
                |_| {
                    handed += 1;
                    Err("the reader went away")
                },
                &mut progress,
            );
            assert_eq!((result, handed), (Err("the reader went away"), 1));
            assert!(progress.chunks >= 24, "{progress:?}");
            // The first unit went out once its chunk was done; threads may have taken a
            // few chunks ahead, never the whole document.
            let claimed = progress.claimed_at_first_unit.unwrap();
            let bound = if workers == 1 {
                1
            } else {
                workers * AHEAD_PER_WORKER
            };
            assert!(
                claimed <= bound,
                "{claimed} chunks taken before the first unit"
            );
        }
    }

    #[test]
    fn a_unit_handed_out_is_the_json_of_its_unit() {
        let doc = big_document(1);
        let mut json = Vec::new();
        let Ok(()) = each_unit(&doc, &Segmenter::builtin(Lang::En), |unit| {
            json.push((
                serde_json::to_string(&unit).unwrap(),
                serde_json::to_string(&unit.to_unit()).unwrap(),
            ));
            Ok::<(), std::convert::Infallible>(())
        });
        assert_eq!(json.len(), 3);
        for (borrowed, owned) in json {
            assert_eq!(borrowed, owned);
        }
    }

    #[test]
    fn ids_of_collapsed_and_uncollapsed_white_space_agree() {
        for (text, collapsed) in [
            ("One two.", true),
            ("", true),
            (" One two.", false),
            ("One two. ", false),
            ("One  two.", false),
            ("One\ttwo.", false),
            ("One\ntwo.", false),
            ("Một hai.", true),
            ("Một\u{a0}hai.", false),
            ("Một  hai.", false),
        ] {
            assert_eq!(is_collapsed(text), collapsed, "{text:?}");
            assert_eq!(text_id(text), text_id(&folded_nfc(text)), "{text:?}");
        }
        assert_eq!(text_id(" One  two.\t"), text_id("One two."));
    }

    mod properties {
        use super::*;
        use crate::document::ReadOptions;
        use proptest::prelude::*;
        use std::path::Path;

        const FRAGMENTS: &[&str] = &[
            "Mr. Smith arrived at 9 a.m. ",
            "The U.S. team won. ",
            "Ông Nguyễn Thanh Hùng phát biểu. ",
            "Giá tăng 3,5%. ",
            "“Quoted.” She left. ",
            "**Bold. Still bold** and *em* ",
            "[A link.](https://x.vn/a.b) ",
            "`code. here` ",
            "\n",
            "\n\n",
            "\r\n",
            "# Heading. Two\n",
            "- item one. Item two\n",
            "> Quoted line.\n> More.\n",
            "| a. b | c |\n|---|---|\n| d. | e |\n",
            "```\ncode. Not text.\n```\n",
            "1. First. 2. Second\n",
            "   ",
            "\t",
            "e\u{301}",
            "…",
            "<b>x.</b> ",
        ];

        fn article() -> impl Strategy<Value = String> {
            prop::collection::vec(prop::sample::select(FRAGMENTS), 0..24)
                .prop_map(|parts| parts.concat())
        }

        fn check_rebuild(name: &str, text: &str) -> Result<(), TestCaseError> {
            let doc =
                Document::from_bytes(Path::new(name), text.as_bytes(), ReadOptions::default())
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
            for lang in [Lang::En, Lang::Vi] {
                let units = segment_document(&doc, &Segmenter::builtin(lang));
                let mut previous_end = 0;
                let mut ids = std::collections::HashSet::new();
                for unit in &units {
                    prop_assert!(unit.start < unit.end);
                    prop_assert!(unit.start >= previous_end, "units overlap or go backwards");
                    prop_assert_eq!(&doc.text[unit.start..unit.end], unit.text.as_str());
                    let block = &doc.blocks[unit.block];
                    prop_assert!(block.range.start <= unit.start && unit.end <= block.range.end);
                    prop_assert_eq!(unit.text.trim(), unit.text.as_str());
                    prop_assert!(ids.insert(unit.id.clone()), "duplicate id {}", unit.id);
                    previous_end = unit.end;
                }
                let replacements: Vec<_> = units
                    .iter()
                    .map(|u| (u.start..u.end, u.text.clone()))
                    .collect();
                prop_assert_eq!(
                    doc.encode(&doc.rebuild(&replacements)),
                    text.as_bytes().to_vec()
                );
            }
            Ok(())
        }

        /// Text made of starters, combining marks, precomposed letters and white space in
        /// any order: the cases where skipping normalization could change the id.
        fn marked_text() -> impl Strategy<Value = String> {
            let pieces = prop::sample::select(vec![
                "a",
                "e",
                "u",
                "ơ",
                "ư",
                "é",
                "ệ",
                "\u{301}",
                "\u{300}",
                "\u{323}",
                "\u{303}",
                " ",
                "  ",
                "\t",
                "\n",
                "\u{a0}",
                "\u{2003}",
                "Hùng",
                "Hu\u{300}ng",
                ".",
            ]);
            prop::collection::vec(pieces, 0..16).prop_map(|parts| parts.concat())
        }

        /// The id as defined: SHA-256 of the white-space-collapsed NFC text.
        fn reference_id(text: &str) -> String {
            let digest = Sha256::digest(folded_nfc(text).as_bytes());
            let hex: String = digest[..5].iter().map(|b| format!("{b:02x}")).collect();
            format!("u{hex}")
        }

        proptest! {
            #[test]
            fn ids_skip_normalization_only_where_it_changes_nothing(text in marked_text()) {
                prop_assert_eq!(text_id(&text), reference_id(&text));
            }

            #[test]
            fn rebuilding_markdown_from_units_gives_the_input(text in article()) {
                check_rebuild("a.md", &text)?;
            }

            #[test]
            fn rebuilding_text_from_units_gives_the_input(text in article()) {
                check_rebuild("a.txt", &text)?;
            }
        }
    }
}
