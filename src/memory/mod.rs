//! The translation memory: text keys, fuzzy matching and concordance search.

pub mod concordance;
pub mod fuzzy;
pub mod import;
pub mod journal;
pub mod persist;
pub mod store;
pub mod text;
