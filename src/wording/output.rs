//! The words the library's outputs take from the interface language: the bilingual
//! formats' column names and legend, and the labels of a work file's context notes. One
//! place, so that `export` and `xliff export` label a work file alike.

use crate::drift::report::Explanation;
use crate::export::Wording;
use crate::export::xliff::ContextLabels;
use crate::i18n::Localizer;

/// The labels of a work file's context notes in the UI language.
pub fn context_labels(l10n: &Localizer) -> ContextLabels {
    ContextLabels {
        previous: l10n.text("xliff-context-previous"),
        next: l10n.text("xliff-context-next"),
        heading: l10n.text("xliff-context-heading"),
    }
}

/// The words of the bilingual formats (and the release's work file) in the UI language.
pub fn wording<'r>(l10n: &Localizer, message: &'r dyn Fn(&Explanation) -> String) -> Wording<'r> {
    let lang = l10n.locale().tag().split('-').next().unwrap_or("en");
    Wording {
        lang: lang.to_owned(),
        en: l10n.text("export-wording-en"),
        vi: l10n.text("export-wording-vi"),
        legend: l10n.text("export-wording-legend"),
        stale: l10n.text("export-wording-stale"),
        missing: l10n.text("export-wording-missing"),
        finding: l10n.text("export-wording-finding"),
        accepted: l10n.text("export-wording-accepted"),
        message: Some(message),
        context: context_labels(l10n),
    }
}
