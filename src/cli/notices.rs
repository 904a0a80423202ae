//! The flows' notices ([`songngu::flow::Notice`]) told on standard error as they happen.

use songngu::flow::{Notice, Notices};
use songngu::i18n::Localizer;

use super::errors::print_problem;
use super::output::stderr_line;

/// Tells every notice on standard error, in the UI language.
pub struct Stderr<'l>(pub &'l Localizer);

impl Notices for Stderr<'_> {
    fn notice(&mut self, notice: Notice) {
        let l10n = self.0;
        match notice {
            Notice::MemoryProblem(problem) => print_problem(l10n, &problem.path, &problem.problem),
            // Legitimate for a new article, but also what a mistyped id looks like.
            Notice::NewDocument { doc, docs } => {
                let message = l10n.text_with(
                    "update-new-doc",
                    &[("doc", doc.into()), ("docs", docs.join(", ").into())],
                );
                stderr_line(&l10n.text_with("cli-warning", &[("message", message.into())]));
            }
        }
    }
}
