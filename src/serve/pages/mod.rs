//! The pages, as maud templates: everything interpolated is escaped, and no page holds a
//! script or a style of its own (the Content-Security-Policy allows only the binary's).

pub mod article;
pub mod errors;
pub mod overview;

use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use maud::{DOCTYPE, Markup, html};

use crate::i18n::{Localizer, UiLocale};

/// What a page needs besides its content.
pub struct Frame<'a> {
    pub l10n: &'a Localizer,
    /// The session's CSRF token, embedded in every form and in a `<meta>`.
    pub csrf: &'a str,
    /// This page's path, where the language switch comes back to.
    pub path: String,
}

/// A whole page.
pub fn layout(frame: &Frame<'_>, title: &str, body: Markup) -> Markup {
    let l10n = frame.l10n;
    let lang = match l10n.locale() {
        UiLocale::EnUs => "en",
        UiLocale::Vi => "vi",
    };
    html! {
        (DOCTYPE)
        html lang=(lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="csrf-token" content=(frame.csrf);
                title { (title) " · songngu" }
                link rel="stylesheet" href="/assets/app.css";
                script src="/assets/app.js" defer {}
            }
            body {
                header {
                    h1 { a href="/" { "songngu" } " · " (title) }
                    (language_switch(frame))
                }
                main { (body) }
            }
        }
    }
}

/// The switch between the page's two languages: a POST (it sets a cookie), so it carries
/// the CSRF token like any other change.
fn language_switch(frame: &Frame<'_>) -> Markup {
    let l10n = frame.l10n;
    html! {
        form method="post" action="/lang" class="controls" {
            input type="hidden" name="csrf" value=(frame.csrf);
            input type="hidden" name="back" value=(frame.path);
            label for="lang" { (l10n.text("serve-language")) " " }
            select id="lang" name="lang" {
                @for locale in UiLocale::ALL {
                    option value=(locale.tag()) selected[locale == l10n.locale()] {
                        (l10n.text(&format!("serve-language-{}", locale.tag().to_ascii_lowercase())))
                    }
                }
            }
            " "
            button type="submit" { (l10n.text("serve-language-switch")) }
        }
    }
}

/// A page as a response.
pub fn respond(status: StatusCode, page: Markup) -> Response {
    (status, Html(page.into_string())).into_response()
}
