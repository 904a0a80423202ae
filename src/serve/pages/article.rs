//! `GET /a/{doc}`: the article side by side. Every unit is a row with `data-unit` (its
//! id) and `data-state` (`current`, `stale`, `missing`, `omitted`: the states of `check
//! --format json`); stale rows show the word diff of the English, missing rows the
//! memory's best suggestion, and every row its findings and the forms to act on it.

use std::collections::BTreeMap;

use axum::Extension;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use maud::{Markup, html};
use serde::Deserialize;

use super::errors::{flow_error, refusal};
use super::overview::path_segment;
use super::{Frame, layout, respond};
use crate::drift::report::{DiffOp, DiffPart, Finding};
use crate::drift::version::{NOTHING_STORED, StoredTranslation};
use crate::drift::{CheckedUnit, Kind, Severity, Status};
use crate::flow::check::{CheckRequest, Checked, check};
use crate::i18n::{Localizer, UiLocale};
use crate::serve::security::Session;
use crate::serve::{AppState, blocking, lang, release_dir};

/// What the page says above the article after an action.
#[derive(Debug, Clone)]
pub enum Notice {
    Saved {
        unit: String,
    },
    Approved {
        unit: String,
    },
    Accepted,
    /// A flow's error, worded already.
    Error(String),
    /// The unit changed since the page showed it: nothing was saved (or approved).
    Conflict {
        unit: String,
        /// What the memory holds now, with who changed it and when (`None`: nothing).
        current: Option<StoredTranslation>,
        /// The Vietnamese the editor typed, kept in the unit's text box (`None` for an
        /// approval).
        yours: Option<String>,
    },
    /// The release was refused: `failing` findings fail the check; the units and
    /// findings that hold it back.
    Refused {
        failing: usize,
        reasons: Vec<String>,
    },
    Released,
}

/// `?todo=1`: only the units that need work.
#[derive(Debug, Default, Deserialize)]
pub struct Filter {
    #[serde(default)]
    pub todo: Option<String>,
}

impl Filter {
    fn on(&self) -> bool {
        self.todo
            .as_deref()
            .is_some_and(|v| v != "0" && !v.is_empty())
    }
}

pub async fn page(
    State(state): State<AppState>,
    Extension(session): Extension<Session>,
    Path(doc): Path<String>,
    Query(filter): Query<Filter>,
    headers: HeaderMap,
) -> Response {
    let locale = lang::locale(&headers);
    let view = View {
        doc,
        locale,
        csrf: session.csrf,
        todo: filter.on(),
    };
    blocking(move || view.render(&state, None, StatusCode::OK)).await
}

/// One showing of the article page.
pub struct View {
    pub doc: String,
    pub locale: UiLocale,
    pub csrf: String,
    pub todo: bool,
}

impl View {
    /// Checks the article now and renders it, with `notice` above it. Blocking: run it
    /// off the async threads.
    pub fn render(&self, state: &AppState, notice: Option<Notice>, status: StatusCode) -> Response {
        let l10n = Localizer::new(self.locale);
        let Some(en) = state.article(&self.doc) else {
            return refusal(&l10n, StatusCode::NOT_FOUND, "serve-not-found");
        };
        let path = format!("/a/{}", path_segment(&self.doc));
        let frame = Frame {
            l10n: &l10n,
            csrf: &self.csrf,
            path: path.clone(),
        };
        let request = CheckRequest {
            doc: Some(self.doc.clone()),
            ..CheckRequest::new(en)
        };
        let checked = match check(&state.project, &request, &mut Vec::new()) {
            Ok(checked) => checked,
            Err(error) => {
                let body = html! { p.notice.error { (flow_error(&l10n, &error)) } };
                return respond(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    layout(&frame, &self.doc, body),
                );
            }
        };
        let releases = release_dir::files(&state.project, &self.doc);
        // After a conflict, the editor's text stays in the unit's box (with the version
        // the memory holds now): nothing they typed is lost.
        let kept = match &notice {
            Some(Notice::Conflict {
                unit,
                yours: Some(text),
                ..
            }) => Some((unit.as_str(), text.as_str())),
            _ => None,
        };
        let body = html! {
            @if let Some(notice) = &notice { (notice_box(&l10n, notice)) }
            (summary(&frame, &path, &checked, self.todo))
            (release_box(&frame, &path, &releases))
            (units(&frame, &path, &checked, self.todo, kept))
        };
        respond(status, layout(&frame, &self.doc, body))
    }
}

fn notice_box(l10n: &Localizer, notice: &Notice) -> Markup {
    let unit_text = |id: &str, unit: &str| l10n.text_with(id, &[("unit", unit.to_owned().into())]);
    match notice {
        // `data-focus-unit`: the script brings the unit acted on back into view, so the
        // editor goes on from there rather than from the top of the article.
        Notice::Saved { unit } => {
            html! { p.notice role="status" data-focus-unit=(unit) { (unit_text("serve-saved", unit)) } }
        }
        Notice::Approved { unit } => {
            html! { p.notice role="status" data-focus-unit=(unit) { (unit_text("serve-approved", unit)) } }
        }
        Notice::Accepted => html! { p.notice role="status" { (l10n.text("serve-accepted")) } },
        Notice::Released => html! { p.notice role="status" { (l10n.text("serve-released")) } },
        Notice::Error(message) => html! { p.notice.error role="alert" { (message) } },
        Notice::Conflict {
            unit,
            current,
            yours,
        } => conflict_box(l10n, unit, current.as_ref(), yours.as_deref()),
        Notice::Refused { failing, reasons } => html! {
            div.notice.error role="alert" data-release="refused" data-failing=(failing) {
                p { (l10n.text_with("serve-release-refused", &[("failing", (*failing).into())])) }
                ul { @for reason in reasons { li { (reason) } } }
            }
        },
    }
}

/// Both versions of a unit that changed since the page showed it: what the memory holds
/// now (who changed it, when) and, for a save, the editor's.
fn conflict_box(
    l10n: &Localizer,
    unit: &str,
    current: Option<&StoredTranslation>,
    yours: Option<&str>,
) -> Markup {
    let id = if yours.is_some() {
        "serve-conflict"
    } else {
        "serve-conflict-approve"
    };
    let theirs = current.and_then(|c| c.vi.as_deref());
    let change = current.map(|c| crate::wording::errors::edit::changed(l10n, c));
    html! {
        div.notice.error role="alert" data-conflict=(unit) data-focus-unit=(unit) {
            p { (l10n.text_with(id, &[("unit", unit.to_owned().into())])) }
            p data-version="theirs" data-changed-by=[current.and_then(|c| c.changeid.as_deref())] {
                strong { (l10n.text("serve-conflict-theirs")) } " "
                @match theirs {
                    Some(vi) => q lang="vi" { (vi) },
                    None => em { (l10n.text("serve-no-translation")) },
                }
                @if let Some(change) = change { " (" (change) ")" }
            }
            @if let Some(yours) = yours {
                p data-version="yours" {
                    strong { (l10n.text("serve-conflict-yours")) } " " q lang="vi" { (yours) }
                }
            }
        }
    }
}

/// Whether a unit needs a person: out of date, untranslated, waiting for review, or
/// with a finding that holds the release back.
pub fn needs_work(unit: &CheckedUnit<'_>, fail_on: Severity) -> bool {
    (matches!(unit.status, Status::Stale | Status::Missing) && !unit.drift_passes)
        || unit.open_findings(fail_on).next().is_some()
        || unit.vi_status.as_deref() == Some("needs-review")
}

fn summary(frame: &Frame<'_>, path: &str, checked: &Checked, todo: bool) -> Markup {
    let l10n = frame.l10n;
    let units = checked.article.units();
    let mut by_state: BTreeMap<&str, usize> = BTreeMap::new();
    for unit in &units {
        *by_state.entry(unit.status.name()).or_default() += 1;
    }
    let passes = checked.article.passes() && checked.damaged.is_none();
    html! {
        p.filters {
            @for (state, count) in &by_state {
                span.state data-count=(state) { (l10n.text(&format!("serve-state-{state}"))) ": " (count) }
                " · "
            }
            @if passes {
                span.gate-ok data-gate="ready" { (l10n.text("serve-gate-ready")) }
            } @else {
                span.gate-refused data-gate="refused" { (l10n.text("serve-gate-refused")) }
            }
        }
        p.filters {
            @if todo {
                a href=(path) { (l10n.text("serve-filter-all")) }
            } @else {
                a href=(format!("{path}?todo=1")) { (l10n.text("serve-filter-todo")) }
            }
            " · " (l10n.text("serve-keys"))
        }
    }
}

fn release_box(frame: &Frame<'_>, path: &str, files: &[String]) -> Markup {
    let l10n = frame.l10n;
    html! {
        section.controls {
            form method="post" action=(format!("{path}/release")) {
                input type="hidden" name="csrf" value=(frame.csrf);
                button type="submit" { (l10n.text("serve-release")) }
            }
            @if !files.is_empty() {
                p { (l10n.text("serve-release-files")) }
                ul data-release="files" {
                    @for name in files {
                        li { a href=(format!("{path}/release/{}", path_segment(name))) download { (name) } }
                    }
                }
            }
        }
    }
}

/// The units' rows; `kept`: a unit whose text box holds the editor's text, not the memory's.
fn units(
    frame: &Frame<'_>,
    path: &str,
    checked: &Checked,
    todo: bool,
    kept: Option<(&str, &str)>,
) -> Markup {
    let fail_on = checked.article.fail_on;
    let units = checked.article.units();
    let mut paragraphs: BTreeMap<usize, Vec<&CheckedUnit<'_>>> = BTreeMap::new();
    for unit in &units {
        if !todo || needs_work(unit, fail_on) {
            paragraphs.entry(unit.unit.block).or_default().push(unit);
        }
    }
    let orphans: Vec<&Finding> = checked
        .article
        .report
        .findings
        .iter()
        .filter(|f| f.kind == Kind::Orphaned)
        .collect();
    let l10n = frame.l10n;
    html! {
        @for (block, rows) in &paragraphs {
            section.paragraph data-paragraph=(block) {
                @for unit in rows {
                    @let text = kept.filter(|(id, _)| *id == unit.unit.id).map(|(_, t)| t);
                    (row(frame, path, unit, fail_on, text))
                }
            }
        }
        @if !orphans.is_empty() {
            section.paragraph data-orphans {
                h2 { (l10n.text("serve-orphans")) }
                @for f in &orphans { (finding(frame, path, f)) }
            }
        }
    }
}

fn row(
    frame: &Frame<'_>,
    path: &str,
    unit: &CheckedUnit<'_>,
    fail_on: Severity,
    kept: Option<&str>,
) -> Markup {
    let l10n = frame.l10n;
    let id = &unit.unit.id;
    let state = unit.status.name();
    let diff = unit.drift.and_then(|d| d.diff.as_ref());
    let suggestion = unit.drift.and_then(|d| d.suggestion.as_ref());
    let approvable = unit.state() == Status::Current
        && !unit.joined
        && unit.vi_status.as_deref() != Some("reviewed");
    html! {
        div.unit id=(format!("u-{id}")) data-unit=(id) data-state=(state)
            data-todo=(needs_work(unit, fail_on)) tabindex="-1" {
            div.en lang="en" {
                span.id { (id) } " "
                span.state { (l10n.text(&format!("serve-state-{state}"))) }
                @if let Some(diff) = diff {
                    p.old { strong { (l10n.text("serve-old-en")) } " " (diff_side(diff, DiffOp::Delete)) }
                    p.new { strong { (l10n.text("serve-new-en")) } " " (diff_side(diff, DiffOp::Insert)) }
                } @else {
                    p { (unit.unit.text) }
                }
            }
            div.vi lang="vi" {
                @if let Some(status) = &unit.vi_status {
                    span.state data-review=(status) { (l10n.text(&format!("serve-review-{status}"))) }
                }
                @match unit.translation() {
                    Some(vi) => p { (vi) },
                    None => p.none { em { (l10n.text("serve-no-translation")) } },
                }
                @if let Some(s) = suggestion {
                    p.suggestion data-score=(s.score) {
                        strong { (l10n.text_with("serve-suggestion", &[("score", s.score.into())])) }
                        " " (s.vi) " "
                        button type="button" hidden data-suggestion=(s.vi) { (l10n.text("serve-use-suggestion")) }
                    }
                }
            }
            div.work {
                @if let Some(drift) = unit.drift { (finding(frame, path, drift)) }
                @for f in &unit.findings { (finding(frame, path, f)) }
                (save_form(frame, path, unit, kept))
                @if approvable {
                    form.inline method="post" action=(format!("{path}/approve")) {
                        input type="hidden" name="csrf" value=(frame.csrf);
                        input type="hidden" name="unit" value=(id);
                        input type="hidden" name="version" value=(version(unit));
                        button type="submit" { (l10n.text("serve-approve")) }
                    }
                }
            }
        }
    }
}

/// One side of a word diff: the equal words, and the deleted (old side) or inserted (new
/// side) ones marked.
fn diff_side(parts: &[DiffPart], side: DiffOp) -> Markup {
    html! {
        @for part in parts {
            @if part.op == DiffOp::Equal {
                (part.text)
            } @else if part.op == side {
                @if side == DiffOp::Delete { del { (part.text) } } @else { ins { (part.text) } }
            }
        }
    }
}

/// The version of what the memory holds for `unit`, which a save or an approval hands
/// back: the flow refuses it when the memory holds another by then.
fn version(unit: &CheckedUnit<'_>) -> String {
    unit.version
        .clone()
        .unwrap_or_else(|| NOTHING_STORED.to_owned())
}

/// The unit's text box: the memory's Vietnamese, or `kept` (the editor's, after a
/// conflict).
fn save_form(frame: &Frame<'_>, path: &str, unit: &CheckedUnit<'_>, kept: Option<&str>) -> Markup {
    let l10n = frame.l10n;
    let id = &unit.unit.id;
    let field = format!("vi-{id}");
    html! {
        form method="post" action=(format!("{path}/save")) {
            input type="hidden" name="csrf" value=(frame.csrf);
            input type="hidden" name="unit" value=(id);
            // What the page showed: a save over a translation changed since is refused.
            input type="hidden" name="version" value=(version(unit));
            label for=(field) { (l10n.text("serve-vietnamese")) }
            textarea id=(field) name="vi" lang="vi" { (kept.or(unit.vi.as_deref()).unwrap_or("")) }
            button type="submit" { (l10n.text("serve-save")) }
        }
    }
}

fn finding(frame: &Frame<'_>, path: &str, f: &Finding) -> Markup {
    let l10n = frame.l10n;
    let severity = f.severity.name();
    let kind = l10n.text(&format!("kind-{}", f.kind.name().replace('_', "-")));
    let args: Vec<(&str, crate::i18n::FluentValue)> = f
        .explanation
        .args
        .iter()
        .map(|(k, v)| (*k, v.clone().into()))
        .collect();
    let explanation = l10n.text_with(f.explanation.id, &args);
    let fingerprint = f.fingerprint();
    html! {
        div.finding data-finding=(fingerprint) data-kind=(f.kind.name()) {
            span class=(format!("severity-{severity}")) { (l10n.text(&format!("severity-{severity}"))) }
            " " strong { (kind) } " " (explanation)
            @if f.kind == Kind::Orphaned {
                @if let Some(en) = &f.en { " — " q { (en) } }
            }
            @if let Some(a) = &f.accepted {
                " " em data-accepted {
                    (l10n.text_with("serve-accepted-by", &[("by", a.by.clone().into()), ("at", a.at.clone().into())]))
                    @if let Some(reason) = &a.reason { ": " (reason) }
                }
            } @else {
                form.inline method="post" action=(format!("{path}/accept")) {
                    input type="hidden" name="csrf" value=(frame.csrf);
                    input type="hidden" name="finding" value=(fingerprint);
                    " "
                    input type="text" name="reason" required
                        aria-label=(l10n.text("serve-reason")) placeholder=(l10n.text("serve-reason"));
                    " "
                    button type="submit" { (l10n.text("serve-accept")) }
                }
            }
        }
    }
}
