//! The translation memory: fuzzy matching and concordance search over the text keys of
//! [`crate::text`], and the journal that keeps a big memory's saves proportional to the change.

pub mod cache;
pub mod concordance;
pub mod fuzzy;
pub mod import;
mod index;
mod interner;
pub mod journal;
pub mod layout;
pub mod lexicon;
pub mod lookup;
mod overlay;
pub mod persist;
pub mod record;
pub mod save;
pub(crate) mod segment;
pub mod store;
#[cfg(test)]
mod test_support;
pub mod write;
