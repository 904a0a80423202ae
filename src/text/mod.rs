//! Text analysis that several stages share:
//!
//! - [`lang`]: the language of a text, and how language tags match;
//! - [`normalize`] and [`tokens`]: the exact-match and folded keys, words and punctuation;
//! - `anchors`: the readers of numbers, dates and times, names and URLs (the aligner keys
//!   them, the cross-language checks compare them);
//! - [`world`]: country, territory and organisation names, number words, the calendar;
//! - [`glossary`]: term pairs a project fixes;
//! - [`length`]: how long a Vietnamese translation of an English text is;
//! - [`position`] and [`utf16`]: byte offset to line and column, UTF-16 decoding.
//!
//! Everything here is a pure function of its input: no stage state, no I/O.

pub(crate) mod anchors;
pub mod glossary;
pub mod lang;
pub mod length;
pub mod normalize;
pub mod position;
pub mod tokens;
pub mod utf16;
pub mod world;

pub use glossary::{Glossary, GlossaryError};
pub use lang::Lang;
pub use length::LengthModel;
