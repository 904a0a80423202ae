//! # songngu: bilingual English/Vietnamese publishing
//!
//! A newsroom writes an article in English and publishes it in Vietnamese too; songngu
//! keeps the two true to each other. This crate is the engine behind the `songngu`
//! command; it never prints.
//!
//! The pipeline starts with two steps:
//!
//! 1. [`document`]: read an article (plain text or Markdown, UTF-8 or UTF-16) into
//!    translatable blocks inside an untouched skeleton, so that the article can be rebuilt
//!    byte for byte.
//! 2. [`segment`]: split every block into sentence units with stable ids, with built-in
//!    English and Vietnamese rules or the rules of an SRX 2.0 file.
//!
//! ```
//! use std::path::Path;
//! use songngu::document::{Document, ReadOptions};
//! use songngu::segment::{segment_document, Lang, Segmenter};
//!
//! let article = "# Hội thảo\n\nTS. Nguyễn Văn An phát biểu. Hội thảo kết thúc lúc 11:12.\n";
//! let doc = Document::from_bytes(Path::new("bai.vi.md"), article.as_bytes(), ReadOptions::default())?;
//! let units = segment_document(&doc, &Segmenter::builtin(Lang::Vi));
//! let texts: Vec<&str> = units.iter().map(|u| u.text.as_str()).collect();
//! assert_eq!(texts, ["Hội thảo", "TS. Nguyễn Văn An phát biểu.", "Hội thảo kết thúc lúc 11:12."]);
//!
//! // Replacing every unit by itself gives the article back, byte for byte.
//! let same: Vec<_> = units.iter().map(|u| (u.start..u.end, u.text.clone())).collect();
//! assert_eq!(doc.encode(&doc.rebuild(&same)), article.as_bytes());
//! # Ok::<(), songngu::document::DocumentError>(())
//! ```
//!
//! [`xliff`] hands the units that need work to translators as XLIFF 2.0 or 1.2 (for
//! OmegaT, Trados, memoQ) and reads the translated file back.
//!
//! [`i18n`] holds the Fluent messages of the command-line tool in English and Vietnamese.

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;
pub mod config;
pub mod document;
pub mod drift;
pub mod export;
pub mod i18n;
pub mod memory;
pub mod segment;
pub mod tmx;
pub mod xliff;
