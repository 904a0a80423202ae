//! The words of the bilingual formats that are not the article.

use std::fmt;

use super::xliff::ContextLabels;
use crate::drift::report::Explanation;

/// The words of the bilingual formats that are not the article: column names, the legend,
/// and how a finding's explanation reads. English by default; the command line fills it
/// from its Fluent messages.
pub struct Wording<'r> {
    /// The language of these words (`en`), for the `lang` attribute of the legend and
    /// messages.
    pub lang: String,
    /// Name of the English column.
    pub en: String,
    /// Name of the Vietnamese column.
    pub vi: String,
    /// Heading of the legend.
    pub legend: String,
    /// What `stale` means.
    pub stale: String,
    /// What `missing` means.
    pub missing: String,
    /// What a finding badge means.
    pub finding: String,
    /// What `accepted` means.
    pub accepted: String,
    /// Renders a finding's explanation; without it the message id and arguments are shown.
    pub message: Option<&'r dyn Fn(&Explanation) -> String>,
    /// The labels of the context notes of the release's XLIFF work file.
    pub context: ContextLabels,
}

impl Default for Wording<'_> {
    fn default() -> Self {
        Wording {
            lang: "en".into(),
            en: "English".into(),
            vi: "Tiếng Việt".into(),
            legend: "Marks".into(),
            stale: "the English changed since this was translated: the Vietnamese is out of date"
                .into(),
            missing: "not translated: the English stands in its place".into(),
            finding: "a check found a difference between the English and the Vietnamese (kind, message id, finding id)"
                .into(),
            accepted: "an editor accepted the finding".into(),
            message: None,
            context: ContextLabels::default(),
        }
    }
}

impl fmt::Debug for Wording<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Wording")
            .field("en", &self.en)
            .field("vi", &self.vi)
            .field("message", &self.message.map(|_| "<fn>"))
            .finish_non_exhaustive()
    }
}

impl Wording<'_> {
    /// A finding's explanation: rendered, or `id (name: value, ...)`.
    pub(crate) fn explain(&self, explanation: &Explanation) -> String {
        if let Some(render) = self.message {
            return render(explanation);
        }
        let mut out = explanation.id.to_owned();
        if !explanation.args.is_empty() {
            out.push_str(" (");
            for (i, (name, value)) in explanation.args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(name);
                out.push_str(": ");
                out.push_str(value);
            }
            out.push(')');
        }
        out
    }
}
