//! Pages for what could not be served, and the wording of a flow's error on a page.

use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::{DOCTYPE, html};

use super::respond;
use crate::flow::FlowError;
use crate::i18n::Localizer;
use crate::serve::lang;

/// A short page saying why a request was refused (no token, wrong host...). It has no
/// form and no link: whoever sees it has no session.
pub fn refusal(l10n: &Localizer, status: StatusCode, id: &str) -> Response {
    let page = html! {
        (DOCTYPE)
        html {
            head { meta charset="utf-8"; title { "songngu" } }
            body {
                h1 { (l10n.text("serve-refused-title")) }
                p { (l10n.text(id)) }
            }
        }
    };
    respond(status, page)
}

/// Anything the router does not know.
pub async fn not_found(headers: HeaderMap) -> Response {
    refusal(
        &lang::localizer(&headers),
        StatusCode::NOT_FOUND,
        "serve-not-found",
    )
}

/// A flow's error, worded for the page. The command line's wording (`cli/errors`) lives
/// in the binary, out of the library's reach: the errors an action on the page can meet
/// have their own messages here, and any other is shown with its English description.
pub fn flow_error(l10n: &Localizer, error: &FlowError) -> String {
    use crate::memory::store::MemoryError;
    match error {
        FlowError::EmptyTranslation => l10n.text("serve-error-empty"),
        FlowError::NoUnit { unit } => {
            l10n.text_with("serve-error-no-unit", &[("unit", unit.clone().into())])
        }
        FlowError::NotReviewable { unit, status } => l10n.text_with(
            "serve-error-not-reviewable",
            &[
                ("unit", unit.clone().into()),
                (
                    "state",
                    l10n.text(&format!("serve-state-{}", status.name())).into(),
                ),
            ],
        ),
        FlowError::NoFinding { .. } => l10n.text("serve-error-no-finding"),
        FlowError::DamagedMemory { path, count }
        | FlowError::Memory(MemoryError::DamagedTus { path, count, .. }) => l10n.text_with(
            "serve-error-damaged",
            &[
                ("path", path.display().to_string().into()),
                ("count", (*count).into()),
            ],
        ),
        other => l10n.text_with("serve-error-other", &[("detail", other.to_string().into())]),
    }
}
