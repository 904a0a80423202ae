//! Export: what a release of an article is made of.
//!
//! Every format reads one model, a [`Release`]: the English
//! [`Document`](crate::document::Document) and its units in document order, each a
//! [`CheckedUnit`](crate::drift::CheckedUnit) (its Vietnamese, if any, its drift status
//! and the cross-language findings about it), as a check of the article left them
//! ([`Release::of`] a [`CheckedArticle`](crate::drift::CheckedArticle)). One file per
//! format, each writing to any [`std::io::Write`]:
//!
//! | module        | output                                                           |
//! |---------------|------------------------------------------------------------------|
//! | [`vi`]        | the Vietnamese article, in the English's format and encoding     |
//! | [`html`]      | `bilingual-html`: one self-contained page, English beside Vietnamese |
//! | [`markdown`]  | `bilingual-md`: each English block followed by its Vietnamese    |
//! | [`tmx`]       | the release's translation units as TMX 1.4b                      |
//! | [`xliff`]     | the units of a checked article as an XLIFF work file             |
//! | [`manifest`]  | `manifest.json` of a release folder                              |
//! | [`release`]   | all of the above written into a folder atomically                |
//!
//! ```
//! use std::path::Path;
//! use songngu::document::{Document, ReadOptions};
//! use songngu::drift::{CheckedUnit, Status};
//! use songngu::export::{vi, Release};
//! use songngu::segment::{segment_document, Segmenter};
//! use songngu::text::Lang;
//!
//! let en = Document::from_bytes(Path::new("flood.en.md"),
//!     b"# Flood warning\n\nRivers are **rising**. Stay home.\n", ReadOptions::default())?;
//! let units = segment_document(&en, &Segmenter::builtin(Lang::En));
//! let vi_texts = ["Cảnh báo lũ", "Nước sông đang **dâng**.", "Hãy ở nhà."];
//! let release = Release {
//!     doc_id: "flood".into(),
//!     en: &en,
//!     units: units.iter().zip(vi_texts)
//!         .map(|(u, t)| CheckedUnit::new(u, Some(t.into()), Status::Current))
//!         .collect(),
//!     allow_drift: false,
//!     fail_on: songngu::drift::Severity::Error,
//! };
//! assert_eq!(vi::text(&release)?, "# Cảnh báo lũ\n\nNước sông đang **dâng**. Hãy ở nhà.\n");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Drift in a release
//!
//! A release normally has no drift: every unit current and translated, and no open
//! finding. The export agrees with the check: drift the check lets through is released
//! without more ado, that is a stale or missing unit whose finding an editor accepted,
//! or whose kind the project made less severe than the failing severity or switched off
//! ([`CheckedUnit::drift_passes`](crate::drift::CheckedUnit::drift_passes)), and findings that are accepted or below it. Any other
//! drift (stale or missing units, open findings, blocks without units) needs
//! [`Release::allow_drift`]; every writer checks this first ([`Release::check`]) and
//! refuses otherwise. Either way the bilingual formats mark every stale or missing unit
//! and every finding visibly, and the manifest counts them. A missing translation keeps
//! the English text in the Vietnamese article.

pub mod html;
pub mod manifest;
pub mod markdown;
pub mod release;
pub mod tmx;
pub mod vi;
pub mod xliff;

mod compose;
mod error;
mod markdown_text;
mod model;
mod stamp;
#[cfg(test)]
pub(crate) mod tests;
mod wording;
mod yaml;

pub use error::{ExportError, UnitProblem};
pub use model::{Release, UnitCounts};
pub use stamp::Stamp;
pub use wording::Wording;

pub(crate) use compose::{Prepared, Source};
pub(crate) use markdown_text::{markdown_lines, neutralize, shorten};
pub(crate) use model::BlockView;
pub(crate) use yaml::{line_prefix, yaml_display};
