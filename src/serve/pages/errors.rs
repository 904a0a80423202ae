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

/// A flow's error, worded for the page in its language. The sentences are the ones the
/// command line shows ([`crate::wording::errors::flow_message`], one per variant, in
/// English and Vietnamese), except for the few a page says better: an empty box, a
/// finding gone because the page was old, a state named as the page names it, damaged
/// TUs with where to repair them.
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
        other => crate::wording::errors::flow_message(l10n, other),
    }
}

#[cfg(test)]
mod tests {
    use std::io;
    use std::path::PathBuf;

    use super::*;
    use crate::drift::Status;
    use crate::drift::accept::AcceptError;
    use crate::drift::version::StoredTranslation;
    use crate::export::ExportError;
    use crate::fsio::{FsError, Role};
    use crate::i18n::UiLocale;
    use crate::memory::persist::PersistError;
    use crate::memory::store::MemoryError;

    /// The errors a save, an approval, an acceptance or a release can meet.
    fn errors() -> Vec<FlowError> {
        let tm = || PathBuf::from("news/tm.tmx");
        let denied = || io::Error::from(io::ErrorKind::PermissionDenied);
        let persist = |e| FlowError::Memory(MemoryError::Persist(e));
        vec![
            FlowError::EmptyTranslation,
            FlowError::NoUnit { unit: "u9".into() },
            FlowError::NotReviewable {
                unit: "u2".into(),
                status: Status::Stale,
            },
            FlowError::NoFinding { id: "f1".into() },
            FlowError::DamagedMemory {
                path: tm(),
                count: 2,
            },
            FlowError::Memory(MemoryError::DamagedTus {
                path: tm(),
                count: 1,
                problems: Vec::new(),
            }),
            persist(PersistError::Locked {
                path: tm(),
                holder: Some("pid 4242".into()),
            }),
            persist(PersistError::Locked {
                path: tm(),
                holder: None,
            }),
            persist(PersistError::ChangedOnDisk { path: tm() }),
            persist(PersistError::Io {
                path: tm(),
                source: denied(),
            }),
            FlowError::Memory(MemoryError::Io {
                path: tm(),
                source: io::Error::from(io::ErrorKind::NotFound),
            }),
            FlowError::UnitChanged {
                unit: "u3".into(),
                expected: "0123456789abcdef".into(),
                current: Some(Box::new(StoredTranslation {
                    vi: Some("Nước sông dâng.".into()),
                    changeid: Some("minh".into()),
                    changedate: Some("20260101T093000Z".into()),
                    status: Some("translated".into()),
                    version: "fedcba9876543210".into(),
                })),
            },
            FlowError::UnitChanged {
                unit: "u3".into(),
                expected: "0123456789abcdef".into(),
                current: None,
            },
            FlowError::ReleaseRefused { failing: 3 },
            FlowError::Output(FsError::SameAsInput {
                output: tm(),
                input: tm(),
                role: Role::Memory,
            }),
            FlowError::Export(ExportError::Io {
                path: PathBuf::from("release/a"),
                source: denied(),
            }),
            FlowError::Accept(AcceptError::Read {
                path: PathBuf::from("accepted.toml"),
                source: denied(),
            }),
            FlowError::Accept(AcceptError::Persist(PersistError::Locked {
                path: PathBuf::from("accepted.toml"),
                holder: Some("pid 4242".into()),
            })),
            FlowError::WriteProject {
                path: PathBuf::from("release"),
                source: denied(),
            },
            FlowError::ReadMemoryFile {
                path: tm(),
                source: denied(),
            },
            FlowError::Glossary {
                path: PathBuf::from("glossary.tsv"),
                lines: vec![4],
            },
        ]
    }

    /// Every one has a sentence in each language, and the Vietnamese page shows none of
    /// the library's English (`Display`) nor the English page's sentence.
    #[test]
    fn every_error_of_an_action_is_worded_in_both_languages() {
        let en = Localizer::new(UiLocale::EnUs);
        let vi = Localizer::new(UiLocale::Vi);
        for error in errors() {
            let english = flow_error(&en, &error);
            let vietnamese = flow_error(&vi, &error);
            assert!(!english.is_empty() && !vietnamese.is_empty(), "{error:?}");
            assert_ne!(english, vietnamese, "{error:?}");
            assert!(
                !vietnamese.contains(&error.to_string()),
                "{error:?}: {vietnamese}"
            );
            // No Fluent placeholder left unfilled.
            assert!(!vietnamese.contains("{$") && !vietnamese.contains("{ $"));
        }
    }
}
