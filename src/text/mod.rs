//! Text analysis that several stages share: the language of a text and language tags
//! ([`lang`]), the exact-match and folded keys ([`normalize`]), words and punctuation
//! ([`tokens`]), the length of a translation ([`length`]), the readers of numbers, dates, names and URLs ([`anchors`]), glossaries
//! ([`glossary`]), world knowledge (country and organisation names, number words, the
//! calendar: [`world`]), positions in a text ([`position`]) and UTF-16 decoding ([`utf16`]).
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
