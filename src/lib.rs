//! # songngu: bilingual English/Vietnamese publishing
//!
//! A newsroom writes an article in English and publishes it in Vietnamese too; songngu
//! keeps the two true to each other. This crate is the engine behind the `songngu`
//! command; it never prints.
//!
//! The pipeline, one module a step:
//!
//! 1. [`document`]: read an article (plain text or Markdown, UTF-8 or UTF-16) into
//!    translatable blocks inside an untouched skeleton, so that the article can be rebuilt
//!    byte for byte.
//! 2. [`segment`]: split every block into sentence units with stable ids, with built-in
//!    English and Vietnamese rules or the rules of an SRX 2.0 file.
//! 3. [`align`]: pair an existing Vietnamese article with its English, sentence by
//!    sentence, to seed the memory.
//! 4. [`tmx`] and [`memory`]: the translation memory, TMX 1.4b read and written losslessly;
//!    exact, fuzzy and concordance lookups; merges; atomic saves, and for a big memory a
//!    journal of changes beside it, so that a save writes what changed, not the file.
//! 5. [`drift`]: where the Vietnamese has fallen out of step with the English: revision
//!    drift against the memory (`stale`, `missing`, `orphaned`) and the cross-language
//!    checks (numbers, dates, names, URLs, markup...).
//! 6. [`export`]: the bilingual release (the Vietnamese article, side-by-side HTML and
//!    Markdown, TMX, XLIFF, a manifest); [`xliff`] also brings a translator's work back.
//!
//! Over the stages, the application layer:
//!
//! - [`project`]: the project a user action runs in: the project file `songngu.toml`,
//!   the settings given with the command, the limits of the run, document ids, the
//!   memory files to read and write, the user.
//! - [`flow`]: one function per user action (check, update, translate, align into the
//!   memory, XLIFF export and import, export a release, the `tm` actions, init): a typed
//!   request in, a typed result out, never printed. The command line only turns its
//!   arguments into requests and results into text and exit codes; a review page runs
//!   the same flows.
//!
//! Under the stages, [`text`] is the text analysis several of them share (the language,
//! normalization and folding, tokens, the readers of numbers, dates, names and URLs, world
//! knowledge, glossaries, the length model, positions), and [`xml`] the XML 1.0 rules that
//! [`tmx`] and [`xliff`] share, [`toml_problem`] what is wrong in a TOML file that does not parse. [`input_limit`] reads every file that is read whole with a
//! size limit, [`fsio`] writes outputs without ever overwriting an input, and [`i18n`]
//! holds the Fluent messages of the command-line tool in English and Vietnamese.
//!
//! ```
//! use std::path::Path;
//! use songngu::document::{Document, ReadOptions};
//! use songngu::segment::{segment_document, Segmenter};
//! use songngu::text::Lang;
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
//! A translation that disagrees with its English:
//!
//! ```
//! use songngu::drift::checks::{check_pair, CheckOptions, Pair};
//! use songngu::drift::Kind;
//!
//! let pair = Pair {
//!     unit: "u1",
//!     paragraph: Some(0),
//!     en: "The event attracted more than 1,200 guests on November 27, 2019.",
//!     vi: "Sự kiện thu hút hơn 1.000 khách mời ngày 27/11/2019.",
//! };
//! let findings = check_pair(&pair, &CheckOptions::default());
//! let kinds: Vec<Kind> = findings.iter().map(|f| f.kind).collect();
//! assert_eq!(kinds, [Kind::Number]); // 1,200 is not 1.000; the date agrees
//! ```

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod align;

pub mod document;
pub mod drift;
pub mod export;
pub mod flow;
pub mod fsio;
pub mod i18n;
pub mod input_limit;
pub mod memory;
pub mod project;
pub mod segment;
pub mod serve;
pub mod text;
pub mod tmx;
pub mod toml_problem;
pub mod wording;
pub mod xliff;
pub mod xml;
