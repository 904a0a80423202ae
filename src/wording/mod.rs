//! The library's results and errors worded in the interface language, from the Fluent
//! catalogues: one place for what both front ends show, the command line (`src/cli`)
//! and the review page ([`crate::serve`]), so that an error or a date reads the same in
//! a terminal and in the browser.

pub mod dates;
pub mod errors;
pub mod output;

pub use output::{context_labels, wording};
