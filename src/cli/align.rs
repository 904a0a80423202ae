//! `songngu align <EN> <VI>`: pair an existing Vietnamese article with its English,
//! sentence by sentence, and optionally store the pairs in the memory.
//!
//! Output formats:
//! - `text` (default): each link as two columns, English left and Vietnamese right, each
//!   wrapped to half the terminal width (100 columns when stdout is not a terminal), with
//!   the link's kind (`2-1`) and confidence in front; low-confidence links marked `?`;
//! - `tsv`: `EN_INDICES<TAB>VI_INDICES` per link, 0-based global sentence indices,
//!   comma-separated for many-to-one links, an empty side for an unmatched sentence;
//! - `json`: JSON Lines `{"en": [..], "vi": [..], "en_text", "vi_text", "confidence",
//!   "low_confidence"}`, never localized.
//!
//! `--into TM [--doc ID]` writes every link with both sides as a TU of document ID (by
//! default the project's for the English article; the project's translator as the author,
//! unless `--user`; the project's languages) (many-to-one
//! links as one unit with the sentences joined, under the id of its first English
//! sentence), with its confidence as a prop; low-confidence links get the status
//! `needs-review`. The TU of the same document and unit is replaced, so a document never
//! has two TUs of one unit, and TUs an earlier `align` stored for sentences of this article
//! that it no longer pairs on their own (now inside a joined unit, or left unmatched) are
//! removed. A pair already stored the same way is left alone, so re-running changes nothing.
//!
//! Warnings (stderr, exit 0): a side with no sentences (all links one-sided), sides whose
//! sentence or character counts differ far more than a translation's do, most links of low
//! confidence. Both sides empty, or a glossary line that is not a term pair, is an error
//! (exit 2).

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, ValueEnum};
use songngu::align::{self, AlignOptions, Link};
use songngu::document::Document;
use songngu::i18n::Localizer;
use songngu::input_limit::InputKind;
use songngu::memory::layout::{self, Anchor, ViParagraph};
use songngu::memory::persist::{LockWait, ReadOnly};
use songngu::memory::store::{self, AddedAt, Memory, NewUnit, StoredUnit, UpdateOptions};
use songngu::segment::{Segmenter, segment_document};
use songngu::text::Lang;
use songngu::text::LengthModel;
use songngu::tmx::Prop;
use unic_langid::LanguageIdentifier;

use super::errors;
use super::exit::Exit;
use super::input::{self, read_glossary};
use super::output::{Output, stderr_line};

#[derive(Debug, Args)]
pub struct AlignArgs {
    #[arg(value_name = "EN")]
    pub en: PathBuf,
    #[arg(value_name = "VI")]
    pub vi: PathBuf,
    /// Inputs are already split: one sentence per line, a blank line between paragraphs.
    #[arg(long)]
    pub segmented: bool,
    #[arg(long, value_enum, default_value_t = AlignFormat::Text)]
    pub format: AlignFormat,
    /// A bilingual glossary: `English<TAB>Vietnamese` per line.
    #[arg(long, value_name = "FILE")]
    pub glossary: Option<PathBuf>,
    /// Store the pairs in this memory.
    #[arg(long, value_name = "TM")]
    pub into: Option<PathBuf>,
    /// Memory files whose translations teach the aligner which words translate which
    /// (default: the `--into` memory, else the project's). Repeatable.
    #[arg(long, value_name = "TM")]
    pub tm: Vec<PathBuf>,
    /// The document id the stored pairs belong to (default: the project's for `EN`).
    #[arg(long, value_name = "ID", requires = "into")]
    pub doc: Option<String>,
    /// Who is storing the pairs (default: the project's translator, else `SONGNGU_USER`
    /// or the system user).
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Write the memory even if it is read-only.
    #[arg(long, requires = "into")]
    pub force_readonly: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AlignFormat {
    Text,
    Tsv,
    Json,
}

/// One side of the bitext: paragraphs of sentences, and each sentence's unit id.
struct Side {
    paragraphs: Vec<Vec<String>>,
    ids: Vec<String>,
}

impl Side {
    fn sentences(&self) -> impl Iterator<Item = &String> {
        self.paragraphs.iter().flatten()
    }
}

fn read_side(path: &Path, lang: Lang, segmented: bool, l10n: &Localizer) -> Result<Side> {
    if segmented {
        // A pre-segmented side is an article, one sentence a line.
        let text = input::read_text(l10n, path, InputKind::Article)?;
        let mut paragraphs: Vec<Vec<String>> = vec![Vec::new()];
        for line in text.lines() {
            if line.trim().is_empty() {
                if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                    paragraphs.push(Vec::new());
                }
            } else if let Some(last) = paragraphs.last_mut() {
                last.push(line.trim().to_owned());
            }
        }
        paragraphs.retain(|p| !p.is_empty());
        // A repeated sentence gets `-2`, `-3`... as `segment` numbers them, so that every
        // unit of the document has its own id.
        let mut seen: HashMap<String, usize> = HashMap::new();
        let ids = paragraphs
            .iter()
            .flatten()
            .map(|s| songngu::segment::unique_id(s, &mut seen))
            .collect();
        return Ok(Side { paragraphs, ids });
    }
    let doc = Document::read_path(path, input::article_options()).map_err(|e| {
        let message = errors::document_error(l10n, &e);
        anyhow::Error::new(e).context(message)
    })?;
    let units = segment_document(&doc, &Segmenter::builtin(lang));
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let mut ids = Vec::with_capacity(units.len());
    let mut current_block = usize::MAX;
    for unit in units {
        if unit.block != current_block {
            paragraphs.push(Vec::new());
            current_block = unit.block;
        }
        if let Some(last) = paragraphs.last_mut() {
            last.push(unit.text);
        }
        ids.push(unit.id);
    }
    Ok(Side { paragraphs, ids })
}

#[derive(serde::Serialize)]
struct JsonLink<'a> {
    en: &'a [usize],
    vi: &'a [usize],
    en_text: String,
    vi_text: String,
    confidence: f64,
    low_confidence: bool,
}

fn joined(side: &[&String], indices: &[usize]) -> String {
    indices
        .iter()
        .filter_map(|&i| side.get(i).map(|s| s.as_str()))
        .collect::<Vec<_>>()
        .join(" ")
}

fn indices(list: &[usize]) -> String {
    list.iter()
        .map(usize::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// Width of the text format when stdout is not a terminal.
const DEFAULT_WIDTH: usize = 100;
/// `? 2-1 0.42 `: the mark, the link kind and the confidence in front of each link.
const GUTTER: usize = 11;
/// ` │ ` between the columns.
const SEPARATOR: &str = " │ ";
/// A column never gets narrower than this, however narrow the terminal.
const MIN_COLUMN: usize = 16;

/// The width of the text format: the terminal's, else [`DEFAULT_WIDTH`].
fn output_width() -> usize {
    if !std::io::stdout().is_terminal() {
        return DEFAULT_WIDTH;
    }
    terminal_size::terminal_size().map_or(DEFAULT_WIDTH, |(w, _)| usize::from(w.0))
}

/// `text` wrapped at word boundaries into lines of at most `width` characters (chars,
/// not bytes, so Vietnamese with its diacritics lines up); a longer word is cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut len = 0;
    for word in text.split_whitespace() {
        let mut word: Vec<char> = word.chars().collect();
        while !word.is_empty() {
            let room = if len == 0 {
                width
            } else {
                width.saturating_sub(len + 1)
            };
            if word.len() <= room {
                if len > 0 {
                    line.push(' ');
                    len += 1;
                }
                line.extend(&word);
                len += word.len();
                word.clear();
            } else if len > 0 {
                lines.push(std::mem::take(&mut line));
                len = 0;
            } else {
                // A word longer than the column (a URL) is cut where the column ends.
                lines.push(word.drain(..width).collect());
            }
        }
    }
    if len > 0 || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// One link of the text format: the gutter, then English and Vietnamese side by side.
fn side_by_side(link: &Link, en_text: &str, vi_text: &str, width: usize) -> Vec<String> {
    let column = (width.saturating_sub(GUTTER + SEPARATOR.chars().count()) / 2).max(MIN_COLUMN);
    let side = |list: &[usize], text: &str| {
        let text = if text.is_empty() { "—" } else { text };
        if list.is_empty() {
            wrap(text, column)
        } else {
            wrap(&format!("[{}] {text}", indices(list)), column)
        }
    };
    let (left, right) = (side(&link.en, en_text), side(&link.vi, vi_text));
    let mark = if align::low_confidence(link) {
        '?'
    } else {
        ' '
    };
    let gutter = format!(
        "{mark} {}-{} {:.2} ",
        link.en.len(),
        link.vi.len(),
        link.confidence
    );
    (0..left.len().max(right.len()))
        .map(|row| {
            let front = if row == 0 { gutter.as_str() } else { "" };
            let l = left.get(row).map_or("", String::as_str);
            let r = right.get(row).map_or("", String::as_str);
            // Rust pads by chars, the unit the columns are measured in.
            let line = format!("{front:<GUTTER$}{l:<column$}{SEPARATOR}{r}");
            line.trim_end().to_string()
        })
        .collect()
}

/// Whether the two sides differ in length far more than a translation does: more than
/// twice (or under half) the characters the length model expects, by more than its
/// noise, or more than twice the sentences (and at least three more).
fn lengths_differ(
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

fn warn(l10n: &Localizer, message: String) {
    stderr_line(&l10n.text_with("cli-warning", &[("message", message.into())]));
}

/// Where `--into` stores the pairs: the document, the author and the languages, from the
/// options first and then the project, as `update` and `translate` take them.
struct Storing {
    doc: String,
    user: String,
    source: LanguageIdentifier,
    target: LanguageIdentifier,
}

/// The document and author for `--into`, before anything is aligned: a mistake here
/// should not cost the wait for the alignment. Only `--into` needs the project, so that
/// aligning two files works anywhere (its memory, when it has one, only lends its words).
fn into_settings(args: &AlignArgs, l10n: &Localizer) -> Result<Option<Storing>> {
    if args.into.is_none() {
        return Ok(None);
    }
    let config = super::project::load(l10n)?;
    let doc = match args.doc.as_deref() {
        Some(doc) if !songngu::config::valid_doc_id(doc) => {
            anyhow::bail!(l10n.text_with("error-empty-doc", &[("option", "--doc".into())]));
        }
        Some(doc) => doc.to_owned(),
        // Not the memory's only document, as `update` guesses: pairs filed under another
        // article's id would mix two articles' units in one document.
        None => config.doc_for(&args.en).map(str::to_owned).ok_or_else(|| {
            let project = config
                .path
                .as_ref()
                .map_or_else(|| String::from("none"), |p| p.display().to_string());
            anyhow::anyhow!(l10n.text_with(
                "error-align-which-doc",
                &[
                    ("en", args.en.display().to_string().into()),
                    ("project", project.into()),
                ],
            ))
        })?,
    };
    Ok(Some(Storing {
        doc,
        user: super::project::user(args.user.as_ref(), &config),
        source: config.source.clone(),
        target: config.target.clone(),
    }))
}

pub fn execute(args: &AlignArgs, l10n: &Localizer, out: &mut Output) -> Result<Exit> {
    let into = into_settings(args, l10n)?;
    let en = read_side(&args.en, Lang::En, args.segmented, l10n)?;
    let vi = read_side(&args.vi, Lang::Vi, args.segmented, l10n)?;
    let mut options = AlignOptions {
        memory_lexicon: super::memory_lexicon::for_align(
            &args.tm,
            args.into.as_ref(),
            into.as_ref().map(|storing| storing.doc.as_str()),
            l10n,
        )?,
        ..AlignOptions::default()
    };
    if let Some(path) = &args.glossary {
        options.glossary = Some(read_glossary(path, l10n)?);
    }
    let en_sentences: Vec<&String> = en.sentences().collect();
    let vi_sentences: Vec<&String> = vi.sentences().collect();
    if en_sentences.is_empty() && vi_sentences.is_empty() {
        anyhow::bail!(l10n.text_with(
            "align-nothing-to-align",
            &[
                ("en", args.en.display().to_string().into()),
                ("vi", args.vi.display().to_string().into()),
            ],
        ));
    }
    let links = align::align(&en.paragraphs, &vi.paragraphs, &options);

    let width = output_width();
    for link in &links {
        let en_text = joined(&en_sentences, &link.en);
        let vi_text = joined(&vi_sentences, &link.vi);
        let low = align::low_confidence(link);
        match args.format {
            AlignFormat::Tsv => {
                out.line(&format!("{}\t{}", indices(&link.en), indices(&link.vi)))?
            }
            AlignFormat::Json => out.json_line(&JsonLink {
                en: &link.en,
                vi: &link.vi,
                en_text,
                vi_text,
                confidence: link.confidence,
                low_confidence: low,
            })?,
            AlignFormat::Text => {
                for line in side_by_side(link, &en_text, &vi_text, width) {
                    out.line(&line)?;
                }
                out.line("")?;
            }
        }
    }
    out.flush()?;

    let low_count = links.iter().filter(|l| align::low_confidence(l)).count();
    stderr_line(&l10n.text_with(
        "align-summary",
        &[("links", links.len().into()), ("low", low_count.into())],
    ));
    let empty: Vec<&PathBuf> = [(&args.en, &en_sentences), (&args.vi, &vi_sentences)]
        .into_iter()
        .filter(|(_, sentences)| sentences.is_empty())
        .map(|(path, _)| path)
        .collect();
    for path in &empty {
        warn(
            l10n,
            l10n.text_with(
                "align-no-sentences",
                &[("path", path.display().to_string().into())],
            ),
        );
    }
    // With one side empty every link is one-sided: the warnings below would only repeat
    // that less clearly.
    if empty.is_empty() {
        let chars = |sentences: &[&String]| -> usize {
            sentences.iter().map(|s| s.trim().chars().count()).sum()
        };
        let (en_chars, vi_chars) = (chars(&en_sentences), chars(&vi_sentences));
        if lengths_differ(en_sentences.len(), vi_sentences.len(), en_chars, vi_chars) {
            let expected = (LengthModel::default().ratio * en_chars as f64).round() as usize;
            warn(
                l10n,
                l10n.text_with(
                    "align-lengths-differ",
                    &[
                        ("en", args.en.display().to_string().into()),
                        ("vi", args.vi.display().to_string().into()),
                        ("en_sentences", en_sentences.len().into()),
                        ("vi_sentences", vi_sentences.len().into()),
                        ("en_chars", en_chars.into()),
                        ("vi_chars", vi_chars.into()),
                        ("expected", expected.into()),
                    ],
                ),
            );
        }
        // Most links doubtful: probably not the same article.
        if low_count * 2 > links.len() {
            warn(l10n, l10n.text("align-not-same-article"));
        }
    }

    if let (Some(tm), Some(into)) = (&args.into, &into) {
        let read_only = super::targets::read_only(args.force_readonly);
        let stored = store_links(
            tm,
            into,
            read_only,
            &links,
            (&en, &vi),
            &en_sentences,
            &vi_sentences,
        )
        .map_err(|e| super::errors::memory_error(l10n, e))?;
        stderr_line(&l10n.text_with(
            "align-stored",
            &[
                ("path", tm.display().to_string().into()),
                ("added", stored.added.into()),
                ("updated", stored.updated.into()),
                ("removed", stored.removed.into()),
                ("omitted", stored.omitted.into()),
                ("vi_only", stored.vi_only.into()),
            ],
        ));
    }
    Ok(Exit::Success)
}

/// Whether the TU of `entry` is one `align` stored (it carries the aligner's confidence);
/// a TU someone translated has none and is never removed.
fn made_by_align(memory: &Memory, entry: u32) -> Result<bool, store::MemoryError> {
    Ok(memory
        .tu_of(entry)?
        .prop(store::props::CONFIDENCE)
        .is_some())
}

/// What [`store_links`] did to the memory.
#[derive(Debug, Default)]
struct Stored {
    added: usize,
    updated: usize,
    removed: usize,
    /// English sentences stored as left out of the translation (added or updated): not
    /// pairs.
    omitted: usize,
    /// Vietnamese sentences without English stored as the editor's additions (new ones).
    vi_only: usize,
}

/// The paragraph of every sentence of `side`, in order.
fn paragraph_of_sentences(side: &Side) -> Vec<usize> {
    side.paragraphs
        .iter()
        .enumerate()
        .flat_map(|(p, sentences)| std::iter::repeat_n(p, sentences.len()))
        .collect()
}

/// Writes the links with both sides as TUs of `doc`, one per unit (see the module docs).
#[allow(clippy::too_many_arguments)]
fn store_links(
    tm: &Path,
    into: &Storing,
    read_only: ReadOnly,
    links: &[Link],
    (en, vi): (&Side, &Side),
    en_sentences: &[&String],
    vi_sentences: &[&String],
) -> Result<Stored, store::MemoryError> {
    use songngu::text::normalize::normalize;
    let (doc, user) = (into.doc.as_str(), into.user.as_str());
    let (source_lang, target_lang) = (into.source.clone(), into.target.clone());
    let mut memory = Memory::open_for_update_with(
        std::slice::from_ref(&tm.to_path_buf()),
        source_lang.clone(),
        target_lang.clone(),
        UpdateOptions {
            wait: LockWait::Wait(std::time::Duration::from_secs(60)),
            read_only,
        },
    )?;
    // Its save would drop the damaged TUs: refused before anything is stored.
    memory.refuse_damaged()?;
    // The document's live TUs by unit id; a memory written before units were kept apart
    // may hold several for one unit.
    let mut by_unit: HashMap<String, Vec<StoredUnit>> = HashMap::new();
    for unit in memory.document(doc)? {
        by_unit.entry(unit.unit.clone()).or_default().push(unit);
    }
    let mut stored = Stored::default();
    let layout = layout::of_links(
        links,
        &paragraph_of_sentences(en),
        &paragraph_of_sentences(vi),
    );
    // Vietnamese without English: the editor's additions, stored apart (below).
    let mut additions: Vec<(AddedAt<'_>, usize, String, Option<ViParagraph>, String)> = Vec::new();
    for (link, layout) in links.iter().zip(&layout) {
        if link.en.is_empty() {
            let unit = |i: usize| en.ids.get(i).map(String::as_str);
            let at = match layout.anchor {
                Some(Anchor::After(i)) => unit(i).map(AddedAt::After),
                Some(Anchor::Before(i)) => unit(i).map(AddedAt::Before),
                // No English at all: nothing to tie it to.
                None => None,
            };
            if let (Some(at), Some(&order)) = (at, link.vi.first()) {
                additions.push((
                    at,
                    order,
                    joined(vi_sentences, &link.vi),
                    layout.paragraph,
                    format!("{:.3}", link.confidence),
                ));
            }
            continue;
        }
        // English without Vietnamese: the published translation leaves it out (a note for
        // foreign readers); recorded so, so that the check and the export know.
        let omitted = link.vi.is_empty();
        // The unit's position is its first English sentence's, as `segment` and `update`
        // number units: a change in the Vietnamese does not move the units after it.
        let order = link.en[0];
        let source = joined(en_sentences, &link.en);
        let target = joined(vi_sentences, &link.vi);
        // A many-to-one link is one unit: it takes the id of its first English sentence.
        let unit = en.ids.get(link.en[0]).cloned().unwrap_or_default();
        let status = if omitted {
            store::props::OMITTED
        } else if align::low_confidence(link) {
            "needs-review"
        } else {
            "translated"
        };
        // Every unit a many-to-one link covers, in order.
        let covered: Vec<&str> = link
            .en
            .iter()
            .filter_map(|&i| en.ids.get(i).map(String::as_str))
            .collect();
        let confidence = format!("{:.3}", link.confidence);
        let mut existing = by_unit.remove(&unit).unwrap_or_default().into_iter();
        let first = existing.next();
        // Only what an earlier `align` made goes: a duplicate someone translated is theirs.
        for duplicate in existing {
            if made_by_align(&memory, duplicate.entry)? {
                memory.remove(duplicate.entry)?;
                stored.removed += 1;
            }
        }
        if let Some(old) = &first {
            let same = normalize(&old.en) == normalize(&source)
                && old.vi.as_deref().map(normalize) == (!omitted).then(|| normalize(&target))
                && old.covered() == covered
                && old.status.as_deref() == Some(status)
                && old.vi_paragraph == layout.paragraph
                && old.order == order
                && memory.tu_of(old.entry)?.prop(store::props::CONFIDENCE)
                    == Some(confidence.as_str());
            if same {
                continue;
            }
        }
        let new = NewUnit {
            doc,
            unit: &unit,
            order,
            source: &source,
            target: &target,
            status,
            user,
        };
        let mut tu = if omitted {
            store::omitted_tu(&new, &source_lang, &target_lang)
        } else {
            store::unit_tu(&new, &source_lang, &target_lang)
        };
        store::set_covered_units(&mut tu, &covered);
        tu.meta.push(songngu::tmx::Meta::Prop(Prop::new(
            store::props::CONFIDENCE,
            &confidence,
        )));
        store::set_vi_paragraph(&mut tu, layout.paragraph);
        match first {
            Some(old) => {
                memory.replace(old.entry, tu)?;
                if omitted {
                    stored.omitted += 1;
                } else {
                    stored.updated += 1;
                }
            }
            None => {
                memory.add(None, tu)?;
                if omitted {
                    stored.omitted += 1;
                } else {
                    stored.added += 1;
                }
            }
        }
    }
    // What is left of this article's sentences was paired by an earlier run and is not on
    // its own now: inside a joined unit, or without a counterpart. A TU `align` made for it
    // (it has a confidence) records a pairing this alignment rejects, so it goes; a TU
    // someone translated, and the TUs of sentences no longer in the article (drift reports
    // those), stay.
    for id in &en.ids {
        for old in by_unit.remove(id).unwrap_or_default() {
            if made_by_align(&memory, old.entry)? {
                memory.remove(old.entry)?;
                stored.removed += 1;
            }
        }
    }
    // The additions: one already stored with the same place, text, layout and confidence
    // stays as it is (so a second run on the same pair changes nothing); the others an
    // earlier `align` stored go, and the new ones are added in published order.
    let mut old_additions = memory.document_additions(doc)?;
    for (at, order, text, paragraph, confidence) in &additions {
        let anchor = |u: &StoredUnit| match at {
            AddedAt::After(unit) => u.after.as_deref() == Some(*unit) && u.before.is_none(),
            AddedAt::Before(unit) => u.before.as_deref() == Some(*unit) && u.after.is_none(),
        };
        let mut same = None;
        for (k, old) in old_additions.iter().enumerate() {
            if anchor(old)
                && old.order == *order
                && old.vi.as_deref().map(normalize) == Some(normalize(text))
                && old.vi_paragraph == *paragraph
                && memory.tu_of(old.entry)?.prop(store::props::CONFIDENCE)
                    == Some(confidence.as_str())
            {
                same = Some(k);
                break;
            }
        }
        if let Some(k) = same {
            old_additions.remove(k);
            continue;
        }
        let mut tu = store::added_tu(doc, *at, *order, text, user, &target_lang);
        tu.meta.push(songngu::tmx::Meta::Prop(Prop::new(
            store::props::CONFIDENCE,
            confidence,
        )));
        store::set_vi_paragraph(&mut tu, *paragraph);
        memory.add(None, tu)?;
        stored.vi_only += 1;
    }
    for old in old_additions {
        if made_by_align(&memory, old.entry)? {
            memory.remove(old.entry)?;
            stored.removed += 1;
        }
    }
    memory.save()?;
    Ok(stored)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_fills_lines_to_the_width_in_chars() {
        // Regression: a line filled exactly to the width made the room for the next word
        // negative.
        assert_eq!(wrap("aaaa bb cc", 4), ["aaaa", "bb", "cc"]);
        assert_eq!(wrap("ab cd ef", 5), ["ab cd", "ef"]);
        // Diacritics are one char each, however many bytes they take.
        assert_eq!(wrap("Đội đạt giải nhất", 9), ["Đội đạt", "giải nhất"]);
        assert_eq!(
            wrap("https://mic.gov.vn", 8),
            ["https://", "mic.gov.", "vn"]
        );
        assert_eq!(wrap("", 8), [""]);
    }

    #[test]
    fn columns_line_up_and_the_gutter_tells_kind_and_confidence() {
        let link = Link {
            en: vec![3, 4],
            vi: vec![3],
            confidence: 0.42,
        };
        let lines = side_by_side(
            &link,
            "One two three four five six.",
            "Một hai ba bốn năm sáu bảy.",
            60,
        );
        assert!(lines[0].starts_with("? 2-1 0.42 [3,4] "), "{lines:?}");
        // Every row puts the separator at the same char position.
        let at: Vec<usize> = lines
            .iter()
            .map(|l| l.chars().position(|c| c == '│').expect("separator"))
            .collect();
        assert!(at.windows(2).all(|w| w[0] == w[1]), "{lines:#?}");
        assert!(lines.iter().all(|l| l.chars().count() <= 60), "{lines:#?}");
        let one_sided = Link {
            en: vec![],
            vi: vec![7],
            confidence: 0.99,
        };
        let lines = side_by_side(&one_sided, "", "Câu thêm.", 60);
        // An unmatched sentence is worth a look however sure the aligner is.
        assert!(lines[0].starts_with("? 0-1 0.99 —"), "{lines:?}");
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
