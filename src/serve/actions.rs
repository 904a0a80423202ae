//! The page's state changes, each a POST with the session's CSRF token, each one flow:
//! save a unit's Vietnamese, approve it, accept a finding, release the article; and the
//! language switch. After an action the article is checked again and shown with what
//! happened. Plus the download of a release's files (a GET: it changes nothing).

use axum::Extension;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use super::pages::article::{Notice, View};
use super::pages::errors::{flow_error, refusal};
use super::security::Session;
use super::{AppState, blocking, lang, release_dir};
use crate::drift::report::Explanation;
use crate::flow::FlowError;
use crate::flow::accept::{AcceptRequest, accept as accept_finding};
use crate::flow::check::{CheckRequest, check};
use crate::flow::edit::{TranslateRequest, translate};
use crate::flow::release::{ReleaseRequest, release_to_project};
use crate::flow::review::{ReviewRequest, review};
use crate::i18n::{FluentValue, Localizer};
use crate::wording::wording;

#[derive(Debug, Deserialize)]
pub struct SaveForm {
    csrf: String,
    unit: String,
    vi: String,
    /// The version of the unit the page showed ([`crate::drift::CheckedUnit::version`]).
    version: String,
}

#[derive(Debug, Deserialize)]
pub struct UnitForm {
    csrf: String,
    unit: String,
    /// The version of the unit the page showed, as for a save.
    version: String,
}

#[derive(Debug, Deserialize)]
pub struct AcceptForm {
    csrf: String,
    finding: String,
    reason: String,
}

#[derive(Debug, Deserialize)]
pub struct TokenForm {
    csrf: String,
}

#[derive(Debug, Deserialize)]
pub struct LangForm {
    csrf: String,
    lang: String,
    back: String,
}

/// The article page after an action, or the refusal of a forged request.
struct Action {
    view: View,
    csrf_ok: bool,
}

impl Action {
    fn new(doc: String, headers: &HeaderMap, session: &Session, csrf: &str) -> Action {
        Action {
            view: View {
                doc,
                locale: lang::locale(headers),
                csrf: session.csrf.clone(),
                todo: false,
            },
            csrf_ok: session.csrf_ok(csrf),
        }
    }

    /// Runs `act` (a flow, off the async threads) unless the CSRF token is wrong or the
    /// article unknown, then shows the article with its notice.
    async fn run(
        self,
        state: AppState,
        act: impl FnOnce(&AppState, &std::path::Path, &str, &Localizer) -> (Notice, StatusCode)
        + Send
        + 'static,
    ) -> Response {
        let l10n = Localizer::new(self.view.locale);
        if !self.csrf_ok {
            return refusal(&l10n, StatusCode::FORBIDDEN, "serve-refused-csrf");
        }
        let Some(en) = state.article(&self.view.doc) else {
            return refusal(&l10n, StatusCode::NOT_FOUND, "serve-not-found");
        };
        drop(l10n);
        blocking(move || {
            let l10n = Localizer::new(self.view.locale);
            let (notice, status) = act(&state, &en, &self.view.doc, &l10n);
            self.view.render(&state, Some(notice), status)
        })
        .await
    }
}

fn failed(l10n: &Localizer, error: &FlowError) -> (Notice, StatusCode) {
    (
        Notice::Error(flow_error(l10n, error)),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
}

pub async fn save(
    State(state): State<AppState>,
    Extension(session): Extension<Session>,
    Path(doc): Path<String>,
    headers: HeaderMap,
    Form(form): Form<SaveForm>,
) -> Response {
    let action = Action::new(doc, &headers, &session, &form.csrf);
    action
        .run(state, move |state, en, doc, l10n| {
            // The flow compares the version under the memory's lock: of two saves made
            // on the same version, the second finds the first's and is refused.
            let request = TranslateRequest {
                doc: Some(doc.to_owned()),
                expected: Some(form.version.clone()),
                ..TranslateRequest::new(en, &form.unit, form.vi.trim())
            };
            match translate(&state.project, &request) {
                Ok(_) => (Notice::Saved { unit: form.unit }, StatusCode::OK),
                Err(error) => refused(l10n, error, Some(form.vi)),
            }
        })
        .await
}

pub async fn approve(
    State(state): State<AppState>,
    Extension(session): Extension<Session>,
    Path(doc): Path<String>,
    headers: HeaderMap,
    Form(form): Form<UnitForm>,
) -> Response {
    let action = Action::new(doc, &headers, &session, &form.csrf);
    action
        .run(state, move |state, en, doc, l10n| {
            let request = ReviewRequest {
                doc: Some(doc.to_owned()),
                expected: [(form.unit.clone(), form.version.clone())].into(),
                ..ReviewRequest::new(en, vec![form.unit.clone()])
            };
            match review(&state.project, &request) {
                Ok(_) => (Notice::Approved { unit: form.unit }, StatusCode::OK),
                Err(error) => refused(l10n, error, None),
            }
        })
        .await
}

/// A save or an approval refused: a unit changed since the page showed it is a conflict
/// (both versions shown, `yours` kept for the editor), anything else an error.
fn refused(l10n: &Localizer, error: FlowError, yours: Option<String>) -> (Notice, StatusCode) {
    match error {
        FlowError::UnitChanged { unit, current, .. } => {
            let conflict = Notice::Conflict {
                unit,
                current: current.map(|c| *c),
                yours,
            };
            (conflict, StatusCode::CONFLICT)
        }
        other => failed(l10n, &other),
    }
}

pub async fn accept(
    State(state): State<AppState>,
    Extension(session): Extension<Session>,
    Path(doc): Path<String>,
    headers: HeaderMap,
    Form(form): Form<AcceptForm>,
) -> Response {
    let action = Action::new(doc, &headers, &session, &form.csrf);
    action
        .run(state, move |state, en, doc, l10n| {
            let reason = form.reason.trim();
            if reason.is_empty() {
                let message = l10n.text("serve-error-no-reason");
                return (Notice::Error(message), StatusCode::UNPROCESSABLE_ENTITY);
            }
            let request = AcceptRequest {
                doc: Some(doc.to_owned()),
                ..AcceptRequest::new(en, &form.finding, Some(reason.to_owned()))
            };
            match accept_finding(&state.project, &request, &mut Vec::new()) {
                Ok(_) => (Notice::Accepted, StatusCode::OK),
                Err(error) => failed(l10n, &error),
            }
        })
        .await
}

pub async fn release(
    State(state): State<AppState>,
    Extension(session): Extension<Session>,
    Path(doc): Path<String>,
    headers: HeaderMap,
    Form(form): Form<TokenForm>,
) -> Response {
    let action = Action::new(doc, &headers, &session, &form.csrf);
    action
        .run(state, move |state, en, doc, l10n| {
            let request = ReleaseRequest {
                doc: Some(doc.to_owned()),
                ..ReleaseRequest::new(en)
            };
            let render = |e: &Explanation| {
                let args: Vec<(&str, FluentValue)> =
                    e.args.iter().map(|(k, v)| (*k, v.clone().into())).collect();
                l10n.text_with(e.id, &args)
            };
            let wording = wording(l10n, &render);
            let project = &state.project;
            match release_to_project(project, &request, false, wording, &mut Vec::new()) {
                Ok(_) => (Notice::Released, StatusCode::OK),
                Err(FlowError::ReleaseRefused { failing }) => {
                    let reasons = holding_back(state, en, doc, l10n);
                    (Notice::Refused { failing, reasons }, StatusCode::CONFLICT)
                }
                Err(error) => failed(l10n, &error),
            }
        })
        .await
}

/// What holds a refused release back, unit by unit: open drift and failing findings, as
/// the check of the article finds them now.
fn holding_back(
    state: &AppState,
    en: &std::path::Path,
    doc: &str,
    l10n: &Localizer,
) -> Vec<String> {
    let request = CheckRequest {
        doc: Some(doc.to_owned()),
        ..CheckRequest::new(en)
    };
    let Ok(checked) = check(&state.project, &request, &mut Vec::new()) else {
        return Vec::new();
    };
    let article = &checked.article;
    let mut reasons = Vec::new();
    for unit in article.units() {
        let id = unit.unit.id.clone();
        if unit.has_open_drift() {
            let state = l10n.text(&format!("serve-state-{}", unit.state().name()));
            let args = [("unit", id.clone().into()), ("state", state.into())];
            reasons.push(l10n.text_with("serve-refused-unit", &args));
        }
        let open = unit.open_findings(article.fail_on).count();
        if open > 0 {
            let args = [("unit", id.into()), ("count", open.into())];
            reasons.push(l10n.text_with("serve-refused-findings", &args));
        }
    }
    reasons
}

/// One file of the article's release, asked for by name: served only if the release
/// folder lists that very name.
pub async fn download(
    State(state): State<AppState>,
    Path((doc, name)): Path<(String, String)>,
    headers: HeaderMap,
) -> Response {
    let locale = lang::locale(&headers);
    let not_found = || {
        refusal(
            &Localizer::new(locale),
            StatusCode::NOT_FOUND,
            "serve-not-found",
        )
    };
    if state.article(&doc).is_none() {
        return not_found();
    }
    let project = state.project.clone();
    let read = blocking(move || release_dir::read(&project, &doc, &name)).await;
    let Some((name, bytes)) = read else {
        return not_found();
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(&name)),
    );
    // The name is one the folder listed; quotes and controls cannot reach the header.
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_graphic() && c != '"' && c != '\\' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{safe}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

fn content_type(name: &str) -> &'static str {
    let ext = name.rsplit('.').next().unwrap_or("");
    match ext {
        "json" => "application/json",
        "tmx" | "xlf" => "application/xml",
        "md" => "text/markdown; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        // A release's HTML is offered as a file, never shown in the page's origin.
        _ => "application/octet-stream",
    }
}

/// `POST /lang`: the page's language as a cookie, then back to the page it was chosen on.
pub async fn set_lang(
    Extension(session): Extension<Session>,
    headers: HeaderMap,
    Form(form): Form<LangForm>,
) -> Response {
    let l10n = lang::localizer(&headers);
    if !session.csrf_ok(&form.csrf) {
        return refusal(&l10n, StatusCode::FORBIDDEN, "serve-refused-csrf");
    }
    let Some(locale) = lang::parse(&form.lang) else {
        return refusal(&l10n, StatusCode::BAD_REQUEST, "serve-not-found");
    };
    // Only a path of this server: never `//elsewhere` or a scheme.
    let back = if form.back.starts_with('/')
        && !form.back.starts_with("//")
        && !form.back.contains('\\')
    {
        form.back
    } else {
        "/".to_owned()
    };
    let cookie = format!(
        "{}={}; SameSite=Strict; Path=/",
        lang::LANG_COOKIE,
        locale.tag()
    );
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let (Ok(location), Ok(cookie)) =
        (HeaderValue::from_str(&back), HeaderValue::from_str(&cookie))
    {
        response.headers_mut().insert(header::LOCATION, location);
        response.headers_mut().insert(header::SET_COOKIE, cookie);
    }
    response
}
