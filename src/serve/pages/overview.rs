//! `GET /`: every article of the project, its units by state, its findings by severity,
//! and whether its release would be refused now.

use axum::Extension;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::{Markup, html};

use super::errors::flow_error;
use super::{Frame, layout, respond};
use crate::drift::Severity;
use crate::flow::FlowError;
use crate::flow::check::{CheckRequest, check};
use crate::flow::status::{ArticleStatus, StatusRequest, status};
use crate::serve::security::Session;
use crate::serve::{AppState, blocking, lang};

/// One article's line: its counts from `status`, its findings and gate from `check`.
pub struct Line {
    pub status: ArticleStatus,
    /// Findings not accepted, by severity: error, warning, info.
    pub findings: [usize; 3],
    /// Whether `export` would refuse the release.
    pub refused: bool,
}

/// The lines of every article of the project.
pub fn lines(state: &AppState) -> Result<Vec<Line>, FlowError> {
    let project = &state.project;
    let statuses = status(project, &StatusRequest::default(), &mut Vec::new())?;
    let mut lines = Vec::new();
    for article in statuses.articles {
        let request = CheckRequest {
            doc: Some(article.doc.clone()),
            ..CheckRequest::new(&article.article)
        };
        let checked = check(project, &request, &mut Vec::new())?;
        let mut findings = [0; 3];
        for f in checked
            .article
            .report
            .findings
            .iter()
            .filter(|f| f.accepted.is_none())
        {
            findings[match f.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            }] += 1;
        }
        let refused = !checked.article.passes() || checked.damaged.is_some();
        lines.push(Line {
            status: article,
            findings,
            refused,
        });
    }
    Ok(lines)
}

pub async fn page(
    State(state): State<AppState>,
    Extension(session): Extension<Session>,
    headers: HeaderMap,
) -> Response {
    let locale = lang::locale(&headers);
    blocking(move || {
        let l10n = crate::i18n::Localizer::new(locale);
        let frame = Frame {
            l10n: &l10n,
            csrf: &session.csrf,
            path: "/".to_owned(),
        };
        let title = l10n.text("serve-overview-title");
        match lines(&state) {
            Ok(lines) => respond(
                StatusCode::OK,
                layout(&frame, &title, table(&frame, &lines)),
            ),
            Err(error) => {
                let body = html! { p.notice.error { (flow_error(&l10n, &error)) } };
                respond(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    layout(&frame, &title, body),
                )
            }
        }
    })
    .await
}

fn table(frame: &Frame<'_>, lines: &[Line]) -> Markup {
    let l10n = frame.l10n;
    let heads = [
        "serve-col-article",
        "serve-col-units",
        "serve-col-current",
        "serve-col-stale",
        "serve-col-missing",
        "serve-col-needs-review",
        "serve-col-reviewed",
        "serve-col-errors",
        "serve-col-warnings",
        "serve-col-infos",
        "serve-col-release",
    ];
    // Each cell also carries its column's name: at phone width the rows are cards, and a
    // cell says what it counts without the header row.
    let label = heads.map(|id| l10n.text(id));
    html! {
        table.overview {
            thead { tr { @for name in &label { th scope="col" { (name) } } } }
            tbody {
                @for line in lines {
                    @let c = &line.status.counts;
                    tr data-doc=(line.status.doc) {
                        td data-label=(label[0]) { a href=(format!("/a/{}", path_segment(&line.status.doc))) { (line.status.doc) } }
                        td data-label=(label[1]) { (c.units) }
                        td data-label=(label[2]) data-count="current" { (c.current) }
                        td data-label=(label[3]) data-count="stale" { (c.stale) }
                        td data-label=(label[4]) data-count="missing" { (c.missing) }
                        td data-label=(label[5]) data-count="needs_review" { (c.needs_review) }
                        td data-label=(label[6]) data-count="reviewed" { (c.reviewed) }
                        td data-label=(label[7]) data-count="error" { (line.findings[0]) }
                        td data-label=(label[8]) data-count="warning" { (line.findings[1]) }
                        td data-label=(label[9]) data-count="info" { (line.findings[2]) }
                        @if line.refused {
                            td.gate-refused data-label=(label[10]) data-gate="refused" { (l10n.text("serve-gate-refused")) }
                        } @else {
                            td.gate-ok data-label=(label[10]) data-gate="ready" { (l10n.text("serve-gate-ready")) }
                        }
                    }
                }
            }
        }
    }
}

/// A document id as one segment of a URL path (percent-encoded beyond the unreserved
/// characters).
pub fn path_segment(doc: &str) -> String {
    let mut out = String::new();
    for byte in doc.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
