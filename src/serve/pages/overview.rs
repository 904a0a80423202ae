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
use crate::serve::overview_cache::{Inputs, OverviewCache};
use crate::serve::security::Session;
use crate::serve::{AppState, blocking, lang};

/// One article's line: its counts from `status`, its findings and gate from `check`.
#[derive(Debug, Clone)]
pub struct Line {
    pub status: ArticleStatus,
    /// Findings not accepted, by severity: error, warning, info.
    pub findings: [usize; 3],
    /// Whether `export` would refuse the release.
    pub refused: bool,
}

/// The lines of every article of the project, in the project's order. An article whose
/// inputs did not change since its line was computed keeps it ([`OverviewCache`]); the
/// others are counted (`status`) and checked again.
pub fn lines(state: &AppState) -> Result<Vec<Line>, FlowError> {
    let project = &state.project;
    let articles = &project.config.articles;
    let inputs: Vec<Inputs> = articles
        .iter()
        .map(|a| OverviewCache::inputs(project, &a.path))
        .collect();
    let mut lines: Vec<Option<Line>> = articles
        .iter()
        .zip(&inputs)
        .map(|(a, inputs)| state.overview.get(&a.doc, inputs))
        .collect();
    let stale: Vec<usize> = (0..articles.len())
        .filter(|&i| lines[i].is_none())
        .collect();
    if !stale.is_empty() {
        let request = StatusRequest {
            articles: stale.iter().map(|&i| articles[i].path.clone()).collect(),
            ..StatusRequest::default()
        };
        let statuses = status(project, &request, &mut Vec::new())?;
        for (&i, article) in stale.iter().zip(statuses.articles) {
            lines[i] = Some(line(state, article)?);
        }
    }
    let mut done = Vec::new();
    for ((article, inputs), line) in articles.iter().zip(inputs).zip(lines) {
        // `status` answers one line per article asked, in order: every line is set.
        let line = line.expect("every line computed");
        state.overview.put(&article.doc, inputs, line.clone());
        done.push(line);
    }
    Ok(done)
}

/// The line of one article: its counts, and its findings and gate from a check.
fn line(state: &AppState, article: ArticleStatus) -> Result<Line, FlowError> {
    let request = CheckRequest {
        doc: Some(article.doc.clone()),
        ..CheckRequest::new(&article.article)
    };
    let checked = check(&state.project, &request, &mut Vec::new())?;
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
    Ok(Line {
        status: article,
        findings,
        refused,
    })
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
