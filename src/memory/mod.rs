//! The translation memory: text keys, fuzzy matching and concordance search, and the
//! journal that keeps a big memory's saves proportional to the change.

pub mod cache;
pub mod concordance;
pub mod fuzzy;
pub mod import;
pub mod journal;
pub mod layout;
pub mod lexicon;
pub mod persist;
pub(crate) mod segment;
pub mod store;
pub mod text;
