//! The refusal of an edit whose unit changed since it was read (`translate
//! --expect-version`): what the memory holds now, and who changed it when.

use crate::drift::version::StoredTranslation;
use crate::i18n::Localizer;

/// The message of [`crate::flow::FlowError::UnitChanged`].
pub fn unit_changed(
    l10n: &Localizer,
    unit: &str,
    expected: &str,
    current: Option<&StoredTranslation>,
) -> String {
    let unit = || unit.to_owned().into();
    let expected = || expected.to_owned().into();
    let Some(current) = current else {
        return l10n.text_with(
            "error-unit-changed-gone",
            &[("unit", unit()), ("expected", expected())],
        );
    };
    let change = changed(l10n, current);
    let vi = current.vi.clone().unwrap_or_default();
    l10n.text_with(
        "error-unit-changed",
        &[
            ("unit", unit()),
            ("expected", expected()),
            ("vi", vi.into()),
            ("change", change.into()),
        ],
    )
}

/// Who changed what the memory holds and when (`changed 2026-01-01 09:30 by lan`), or
/// that no date is recorded.
pub fn changed(l10n: &Localizer, current: &StoredTranslation) -> String {
    let at = current
        .changedate
        .as_deref()
        .map(|date| crate::wording::dates::tmx_date(l10n, date));
    match (at, &current.changeid) {
        (Some(at), Some(by)) => l10n.text_with(
            "error-unit-changed-by",
            &[("at", at.into()), ("by", by.clone().into())],
        ),
        (Some(at), None) => l10n.text_with("error-unit-changed-at", &[("at", at.into())]),
        (None, _) => l10n.text("error-unit-changed-undated"),
    }
}
