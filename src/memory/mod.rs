//! The translation memory: text keys, fuzzy matching and concordance search.

pub mod cache;
pub mod concordance;
pub mod fuzzy;
pub mod import;
pub mod persist;
pub(crate) mod segment;
pub mod store;
pub mod text;
