//! `songngu align <EN> <VI>`: pair an existing Vietnamese article with its English,
//! sentence by sentence, and optionally store the pairs in the memory.
//!
//! Output formats:
//! - `text` (default): the pairs side by side, low-confidence links marked with `?`;
//! - `tsv`: `EN_INDICES<TAB>VI_INDICES` per link, 0-based global sentence indices,
//!   comma-separated for many-to-one links, an empty side for an unmatched sentence;
//! - `json`: JSON Lines `{"en": [..], "vi": [..], "en_text", "vi_text", "confidence",
//!   "low_confidence"}`, never localized.
//!
//! `--into TM --doc ID` writes every link with both sides as a TU of document ID (many-to-one
//! links as one unit with the sentences joined), with its confidence as a prop; low-
//! confidence links get the status `needs-review`. A pair already stored the same way is
//! left alone, so re-running changes nothing.

use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::{Args, ValueEnum};
use songngu::align::{self, AlignOptions, Glossary, Link};
use songngu::document::{Document, ReadOptions};
use songngu::i18n::Localizer;
use songngu::memory::persist::LockWait;
use songngu::memory::store::{self, Memory, NewUnit};
use songngu::segment::{Lang, Segmenter, segment_document};
use songngu::tmx::Prop;
use unic_langid::langid;

use super::errors;
use super::exit::Exit;
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
    #[arg(long, value_name = "TM", requires = "doc")]
    pub into: Option<PathBuf>,
    /// The document id the stored pairs belong to.
    #[arg(long, value_name = "ID", requires = "into")]
    pub doc: Option<String>,
    /// Who is storing the pairs (default: `SONGNGU_USER`, else the system user).
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
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

/// A whole text file (a pre-segmented side, a glossary); errors name the file and the
/// system's reason.
fn read_text(path: &Path, l10n: &Localizer) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| {
        let message = l10n.text_with(
            "error-read",
            &[
                ("path", path.display().to_string().into()),
                ("reason", errors::io_reason(l10n, &e).into()),
            ],
        );
        anyhow::Error::new(e).context(message)
    })
}

fn read_side(path: &Path, lang: Lang, segmented: bool, l10n: &Localizer) -> Result<Side> {
    if segmented {
        let text = read_text(path, l10n)?;
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
        let ids = paragraphs
            .iter()
            .flatten()
            .map(|s| songngu::segment::text_id(s))
            .collect();
        return Ok(Side { paragraphs, ids });
    }
    let doc = Document::read_path(path, ReadOptions::default()).map_err(|e| {
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

pub fn execute(args: &AlignArgs, l10n: &Localizer, out: &mut Output) -> Result<Exit> {
    let en = read_side(&args.en, Lang::En, args.segmented, l10n)?;
    let vi = read_side(&args.vi, Lang::Vi, args.segmented, l10n)?;
    let mut options = AlignOptions::default();
    if let Some(path) = &args.glossary {
        let text = read_text(path, l10n)?;
        options.glossary = Some(Glossary::parse(&text));
    }
    let links = align::align(&en.paragraphs, &vi.paragraphs, &options);
    let en_sentences: Vec<&String> = en.sentences().collect();
    let vi_sentences: Vec<&String> = vi.sentences().collect();

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
                let mark = if low { "?" } else { " " };
                out.line(&format!(
                    "{mark} [{}] {}",
                    indices(&link.en),
                    if en_text.is_empty() { "—" } else { &en_text }
                ))?;
                out.line(&format!(
                    "{mark} [{}] {}",
                    indices(&link.vi),
                    if vi_text.is_empty() { "—" } else { &vi_text }
                ))?;
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
    // Most links doubtful: probably not the same article.
    if !links.is_empty() && low_count * 2 > links.len() {
        stderr_line(&l10n.text_with(
            "cli-warning",
            &[("message", l10n.text("align-not-same-article").into())],
        ));
    }

    if let (Some(tm), Some(doc)) = (&args.into, &args.doc) {
        let user = args.user.clone().unwrap_or_else(store::default_user);
        let (added, updated) =
            store_links(tm, doc, &user, &links, &en, &en_sentences, &vi_sentences).map_err(
                |e| {
                    let message =
                        l10n.text_with("error-memory", &[("message", e.to_string().into())]);
                    anyhow::Error::new(e).context(message)
                },
            )?;
        stderr_line(&l10n.text_with(
            "align-stored",
            &[
                ("path", tm.display().to_string().into()),
                ("added", added.into()),
                ("updated", updated.into()),
            ],
        ));
    }
    Ok(Exit::Success)
}

/// Writes the links with both sides as TUs of `doc`; returns (added, updated).
fn store_links(
    tm: &Path,
    doc: &str,
    user: &str,
    links: &[Link],
    en: &Side,
    en_sentences: &[&String],
    vi_sentences: &[&String],
) -> Result<(usize, usize), store::MemoryError> {
    let (source_lang, target_lang) = (langid!("en"), langid!("vi"));
    let mut memory = Memory::open_for_update(
        std::slice::from_ref(&tm.to_path_buf()),
        source_lang.clone(),
        target_lang.clone(),
        LockWait::Wait(std::time::Duration::from_secs(60)),
    )?;
    let (mut added, mut updated) = (0, 0);
    for (order, link) in links.iter().enumerate() {
        if link.en.is_empty() || link.vi.is_empty() {
            continue;
        }
        let source = joined(en_sentences, &link.en);
        let target = joined(vi_sentences, &link.vi);
        // A many-to-one link is one unit: it takes the id of its first English sentence.
        let unit = en.ids.get(link.en[0]).cloned().unwrap_or_default();
        let status = if align::low_confidence(link) {
            "needs-review"
        } else {
            "translated"
        };
        let existing = memory
            .exact(&source)?
            .into_iter()
            .find(|m| m.doc.as_deref() == Some(doc) && m.unit.as_deref() == Some(unit.as_str()));
        if existing.as_ref().is_some_and(|m| {
            m.target.as_deref().map(songngu::memory::text::normalize)
                == Some(songngu::memory::text::normalize(&target))
        }) {
            continue;
        }
        let mut tu = store::unit_tu(
            &NewUnit {
                doc,
                unit: &unit,
                order,
                source: &source,
                target: &target,
                status,
                user,
            },
            &source_lang,
            &target_lang,
        );
        tu.meta.push(songngu::tmx::Meta::Prop(Prop::new(
            store::props::CONFIDENCE,
            &format!("{:.3}", link.confidence),
        )));
        match existing {
            Some(found) => {
                memory.replace(found.entry, tu)?;
                updated += 1;
            }
            None => {
                memory.add(None, tu)?;
                added += 1;
            }
        }
    }
    memory.save()?;
    Ok((added, updated))
}
