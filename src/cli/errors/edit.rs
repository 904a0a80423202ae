//! The refusal of an edit whose unit changed since it was read (`translate
//! --expect-version`): what the memory holds now, and who changed it when.

use songngu::drift::version::StoredTranslation;
use songngu::i18n::Localizer;


/// The message of [`songngu::flow::FlowError::UnitChanged`].
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
    let at = current
        .changedate
        .as_deref()
        .map(|date| songngu::wording::dates::tmx_date(l10n, date));
    let change = match (at, &current.changeid) {
        (Some(at), Some(by)) => l10n.text_with(
            "error-unit-changed-by",
            &[("at", at.into()), ("by", by.clone().into())],
        ),
        (Some(at), None) => l10n.text_with("error-unit-changed-at", &[("at", at.into())]),
        (None, _) => l10n.text("error-unit-changed-undated"),
    };
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
