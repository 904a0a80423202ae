//! The version of a unit's translation: an opaque short hash of what the memory holds for
//! the unit (its TU's unit, English, Vietnamese, status, `changedate` and `changeid`).
//! A page or a script that read a unit keeps the version it saw and hands it back with
//! its edit; the edit is refused when the memory holds another version by then (another
//! translator, or the command line, changed the unit in between), so that nothing is
//! overwritten unseen.

use sha2::{Digest, Sha256};

use super::revision::Revision;
use crate::memory::record::StoredUnit;

/// The version of a unit the memory holds nothing for (missing): no hash can be it.
pub const NOTHING_STORED: &str = "none";

/// What the memory holds for a unit, as a page shows it when an edit of the unit is
/// refused because it changed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StoredTranslation {
    /// The Vietnamese (the TU's target text), if it has one.
    pub vi: Option<String>,
    /// Who last changed it (`changeid`, else `creationid`).
    pub changeid: Option<String>,
    /// When (`changedate`, else `creationdate`), a TMX date.
    pub changedate: Option<String>,
    /// The memory's status of the translation (`translated`, `reviewed`...).
    pub status: Option<String>,
    /// [`of_stored`] of the TU.
    pub version: String,
}

impl StoredTranslation {
    /// What `tu` holds.
    pub fn of(tu: &StoredUnit) -> StoredTranslation {
        StoredTranslation {
            vi: tu.vi.clone(),
            changeid: tu.changed_by.clone(),
            changedate: tu.changed.clone(),
            status: tu.status.clone(),
            version: of_stored(Some(tu)),
        }
    }
}

/// The version of the TU `tu` standing for a unit; [`NOTHING_STORED`] without one.
pub fn of_stored(tu: Option<&StoredUnit>) -> String {
    let Some(tu) = tu else {
        return NOTHING_STORED.to_owned();
    };
    let mut hasher = Sha256::new();
    // Each field length-prefixed, an absent one told apart from an empty one: no two
    // different TUs run together into the same bytes.
    let mut field = |value: Option<&str>| match value {
        None => hasher.update([0]),
        Some(s) => {
            hasher.update([1]);
            hasher.update((s.len() as u64).to_le_bytes());
            hasher.update(s.as_bytes());
        }
    };
    field(Some(&tu.unit));
    field(Some(&tu.units.join(" ")));
    field(Some(&tu.en));
    field(tu.vi.as_deref());
    field(tu.status.as_deref());
    field(tu.changed.as_deref());
    field(tu.changed_by.as_deref());
    let digest = hasher.finalize();
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The version of every current unit, in order: of the TU `revision` pairs it with (the
/// run's TU for units translated together, so they share one version).
pub fn of_units(stored: &[StoredUnit], revision: &Revision) -> Vec<String> {
    revision
        .units
        .iter()
        .map(|state| of_stored(state.stored().map(|j| &stored[j])))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tu(vi: &str, changed: &str) -> StoredUnit {
        StoredUnit {
            unit: "u1".into(),
            en: "The river rose.".into(),
            vi: Some(vi.into()),
            status: Some("translated".into()),
            changed: Some(changed.into()),
            changed_by: Some("lan".into()),
            ..StoredUnit::default()
        }
    }

    #[test]
    fn every_recorded_change_is_a_new_version() {
        let base = tu("Nước sông dâng.", "20260101T000000Z");
        let v = of_stored(Some(&base));
        assert_eq!(v.len(), 16);
        assert_eq!(v, of_stored(Some(&base.clone())));
        assert_ne!(
            v,
            of_stored(Some(&tu("Nước sông lên.", "20260101T000000Z")))
        );
        assert_ne!(
            v,
            of_stored(Some(&tu("Nước sông dâng.", "20260101T000001Z")))
        );
        let reviewed = StoredUnit {
            status: Some("reviewed".into()),
            ..base.clone()
        };
        assert_ne!(v, of_stored(Some(&reviewed)));
        let by_other = StoredUnit {
            changed_by: Some("minh".into()),
            ..base.clone()
        };
        assert_ne!(v, of_stored(Some(&by_other)));
        assert_eq!(of_stored(None), NOTHING_STORED);
        assert_ne!(v, NOTHING_STORED);
    }
}
