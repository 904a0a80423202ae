pub mod document;
pub mod segment;
