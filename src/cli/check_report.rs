//! A checked article as people read it: findings grouped by paragraph, each with its
//! severity, kind, explanation and the texts concerned, then a one-line summary.
//! Printed by `check`, and by `export` before a release.

use anyhow::Result;
use songngu::drift::report::{DiffOp, DiffPart, Explanation, Finding};
use songngu::drift::{CheckedArticle, Kind, Severity};
use songngu::i18n::Localizer;

use super::dates::iso_parts;
use super::output::Output;

/// The explanation in `l10n`'s language.
pub fn render(l10n: &Localizer, explanation: &Explanation) -> String {
    let args: Vec<(&str, fluent_bundle::FluentValue)> = explanation
        .args
        .iter()
        .map(|(k, v)| (*k, v.clone().into()))
        .collect();
    l10n.text_with(explanation.id, &args)
}

fn paint(text: &str, code: &str, color: bool) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

fn severity_label(l10n: &Localizer, s: Severity, color: bool) -> String {
    let label = l10n.text(&format!("severity-{}", s.name()));
    let code = match s {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;34",
    };
    paint(&label, code, color)
}

fn kind_label(l10n: &Localizer, kind: Kind) -> String {
    l10n.text(&format!("kind-{}", kind.name().replace('_', "-")))
}

/// Writes every finding of `article`, grouped by paragraph, and the summary.
pub fn write(
    out: &mut Output,
    article: &CheckedArticle,
    l10n: &Localizer,
    color: bool,
) -> Result<()> {
    let mut paragraph: Option<Option<usize>> = None;
    // Orphans go last under one heading: they have no paragraph in the current article,
    // and listing them where they once stood would split a paragraph's group in two.
    let (gone, in_article): (Vec<&Finding>, Vec<&Finding>) = article
        .report
        .findings
        .iter()
        .partition(|f| f.kind == Kind::Orphaned);
    for f in in_article.into_iter().chain(gone) {
        let p = if f.kind == Kind::Orphaned {
            None
        } else {
            f.paragraph
        };
        if paragraph != Some(p) {
            let heading = match p {
                Some(n) => l10n.text_with("check-paragraph", &[("n", (n + 1).into())]),
                None => l10n.text("check-outside-article"),
            };
            out.line(&paint(&heading, "1", color))?;
            paragraph = Some(p);
        }
        write_finding(out, f, l10n, color)?;
    }
    out.line(&summary(article, l10n))?;
    Ok(())
}

/// One finding: its head line, then the texts concerned, indented.
/// When a finding was accepted, in the UI language's form (English keeps ISO 8601); a
/// hand-edited value that is not `YYYY-MM-DDThh:mm:ssZ` is shown as written.
fn accepted_date(l10n: &Localizer, at: &str) -> String {
    match iso_parts(at) {
        Some(parts) => l10n.text_with("check-accepted-date", &parts),
        None => at.to_owned(),
    }
}

fn write_finding(out: &mut Output, f: &Finding, l10n: &Localizer, color: bool) -> Result<()> {
    let indent = "      ";
    let parts = [
        ("severity", severity_label(l10n, f.severity, color).into()),
        ("kind", kind_label(l10n, f.kind).into()),
        ("explanation", render(l10n, &f.explanation).into()),
    ];
    let mut head = format!("  {}", l10n.text_with("check-finding-head", &parts));
    if let Some(unit) = &f.unit {
        head.push_str(&format!(" [{unit}]"));
    }
    if let Some(a) = &f.accepted {
        let at = accepted_date(l10n, &a.at);
        let mut args = vec![("by", a.by.clone().into()), ("at", at.into())];
        let id = match a.reason.as_deref().filter(|r| !r.trim().is_empty()) {
            Some(reason) => {
                args.push(("reason", reason.to_owned().into()));
                "check-accepted-reason"
            }
            None => "check-accepted",
        };
        head.push_str(&format!(" ({})", l10n.text_with(id, &args)));
    }
    out.line(&head)?;
    let label = |id: &str| l10n.text(id);
    if let Some(diff) = &f.diff {
        let (old, new) = word_diff(diff, color);
        out.line(&format!("{indent}{} {old}", label("check-label-old")))?;
        out.line(&format!("{indent}{} {new}", label("check-label-new")))?;
    } else if let Some(en) = &f.en {
        out.line(&format!("{indent}{} {en}", label("check-label-en")))?;
    }
    if let Some(vi) = &f.vi {
        out.line(&format!("{indent}{} {vi}", label("check-label-vi")))?;
    }
    if let Some(s) = &f.suggestion {
        let score = [("score", s.score.into())];
        let label = l10n.text_with("check-label-suggestion", &score);
        out.line(&format!("{indent}{label} {}", s.vi))?;
    }
    out.line(&format!(
        "{indent}{} {}",
        label("check-label-id"),
        f.fingerprint()
    ))?;
    Ok(())
}

/// The old and the new English of a word diff: coloured, or with `[-deleted-]` and
/// `{+inserted+}` marks.
fn word_diff(diff: &[DiffPart], color: bool) -> (String, String) {
    let mut old = String::new();
    let mut new = String::new();
    for part in diff {
        match part.op {
            DiffOp::Equal => {
                old.push_str(&part.text);
                new.push_str(&part.text);
            }
            DiffOp::Delete if color => old.push_str(&paint(&part.text, "31;9", true)),
            DiffOp::Delete => old.push_str(&format!("[-{}-]", part.text)),
            DiffOp::Insert if color => new.push_str(&paint(&part.text, "32;4", true)),
            DiffOp::Insert => new.push_str(&format!("{{+{}+}}", part.text)),
        }
    }
    (old, new)
}

/// The one-line summary of a check: the failing findings by kind, then the others.
fn summary(article: &CheckedArticle, l10n: &Localizer) -> String {
    let s = article.report.summary(article.fail_on);
    let list = |kinds: &[(Kind, usize)]| {
        let listed: Vec<String> = kinds
            .iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| format!("{} {n}", kind_label(l10n, *k)))
            .collect();
        if listed.is_empty() {
            String::from("none")
        } else {
            listed.join(", ")
        }
    };
    let failing_of = |k: Kind| {
        s.failing_kinds
            .iter()
            .find(|(f, _)| *f == k)
            .map_or(0, |f| f.1)
    };
    let others: Vec<(Kind, usize)> = s
        .kinds
        .iter()
        .map(|&(k, n)| (k, n - failing_of(k)))
        .collect();
    l10n.text_with(
        "check-summary",
        &[
            ("units", s.units.into()),
            ("current", s.current.into()),
            ("stale", s.stale.into()),
            ("missing", s.missing.into()),
            ("orphaned", s.orphaned.into()),
            ("extra", s.extra.into()),
            ("failing", s.failing.into()),
            ("accepted", s.accepted.into()),
            ("added", s.added.into()),
            ("kinds", list(&s.failing_kinds).into()),
            ("others", list(&others).into()),
        ],
    )
}
