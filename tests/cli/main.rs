//! The integration tests of the command line: they run the real `songngu` executable, one
//! module per command (`segment`, `align`, ...) and `top_level` for what every command
//! shares. See tests/README.md.
//!
//! Every run starts from an empty environment with the UI language pinned (through
//! `SONGNGU_LANG` unless a test is about choosing it), so the user's own locale cannot
//! change a result. Files a test needs are made in a temporary directory; the bundled
//! article in `examples/` is read as is.

#[path = "../common/mod.rs"]
mod common;

mod align;
mod check;
mod export;
mod init;
mod pipeline;
mod review;
mod segment;
mod serve;
mod status;
mod tm;
mod tm_merge;
mod top_level;
mod translate;
mod update;
mod vietnamese;
mod xliff;
mod xliff_codes;
