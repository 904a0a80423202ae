pub mod document;
pub mod i18n;
pub mod segment;
