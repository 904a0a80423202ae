//! Drift: where the Vietnamese has fallen out of step with the English.
//!
//! Two kinds of drift are found: revision drift (the English changed since it was
//! translated: [`revision`]) and cross-language disagreement (the Vietnamese says
//! something the English does not: [`checks`]). Both produce [`report::Finding`]s.

pub mod accept;
pub mod article;
pub mod batch;
pub mod check;
pub mod checks;
pub mod pretranslate;
pub mod report;
pub mod revision;
pub mod update;
pub mod version;

pub use article::{CheckedArticle, CheckedUnit};
pub use check::Status;
pub use report::{Finding, FindingRecord, Kind, Severity};
