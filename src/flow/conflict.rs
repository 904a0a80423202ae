//! The refusal of an edit made on a version of a unit that is no longer the memory's:
//! the page (or a script) says which version of the unit it saw, and the flow compares it
//! with what the memory holds under the memory's lock, before writing anything.

use super::FlowError;
use crate::drift::revision::Revision;
use crate::drift::version::{StoredTranslation, of_stored};
use crate::memory::record::StoredUnit;

/// The TU `revision` pairs with the unit at `order` (its run's for a joined unit).
pub fn standing_for<'s>(
    stored: &'s [StoredUnit],
    revision: &Revision,
    order: usize,
) -> Option<&'s StoredUnit> {
    revision.units[order].stored().map(|j| &stored[j])
}

/// Refuses with [`FlowError::UnitChanged`] when `expected` (the version the caller saw,
/// if it gave one) is not the version of `tu`, what the memory holds for `unit` now.
pub fn refuse_changed(
    unit: &str,
    expected: Option<&str>,
    tu: Option<&StoredUnit>,
) -> Result<(), FlowError> {
    let Some(expected) = expected else {
        return Ok(());
    };
    if of_stored(tu) == expected {
        return Ok(());
    }
    Err(FlowError::UnitChanged {
        unit: unit.to_owned(),
        expected: expected.to_owned(),
        current: tu.map(|tu| Box::new(StoredTranslation::of(tu))),
    })
}
