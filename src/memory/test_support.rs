//! Fixtures the memory's unit tests share.

use std::path::Path;

use unic_langid::langid;

use super::persist::LockWait;
use super::record::{NewUnit, unit_tu};
use super::store::Memory;
use crate::tmx::Tu;

/// A memory of English to Vietnamese at `path`, opened for update.
pub(super) fn open(path: &Path) -> Memory {
    Memory::open_for_update(
        &[path.to_owned()],
        langid!("en"),
        langid!("vi"),
        LockWait::Fail,
    )
    .expect("opens")
}

/// A TU of unit `unit` of document `doc`, translated by `lan`.
pub(super) fn doc_unit<'a>(
    doc: &'a str,
    unit: &'a str,
    order: usize,
    source: &'a str,
    target: &'a str,
) -> Tu {
    unit_tu(
        &NewUnit {
            doc,
            unit,
            order,
            source,
            target,
            status: "translated",
            user: "lan",
        },
        &langid!("en"),
        &langid!("vi"),
    )
}
