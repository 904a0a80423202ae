//! The translation memory: fuzzy matching and concordance search over the text keys of
//! [`crate::text`], and the journal that keeps a big memory's saves proportional to the change.

pub mod cache;
pub mod concordance;
pub mod fuzzy;
pub mod import;
mod interner;
pub mod journal;
pub mod layout;
pub mod lexicon;
pub mod persist;
pub(crate) mod segment;
pub mod store;
