//! Issue 14, item 2, as library calls on the bundled example: the `update` that finds a
//! sentence deleted from the English retires its TU at once (`x-songngu-obsolete`): kept
//! in the memory, offered as a fuzzy suggestion, no longer listed by `check` unless
//! `show_obsolete`. The binary's side is in `tests/cli/update.rs`.
mod common;
use common::{count_tus_in, root};

use std::path::{Path, PathBuf};

use songngu::drift::Kind;
use songngu::flow::check::{CheckRequest, check};
use songngu::flow::edit::{UpdateRequest, update};
use songngu::flow::open_memory;
use songngu::memory::record::props;
use songngu::project::{Config, Project};

const DOC: &str = "seed-2019-11-28";
/// The sentence `examples/seed.v2.en.txt` deletes (see `examples/seed.v2.changes.md`).
const DELETED: &str = "Specific laws are needed to ensure the cyberspace is safe for all of us.";
const DELETED_VI: &str =
    "Cần có các đạo luật cụ thể để bảo đảm không gian mạng an toàn cho tất cả chúng ta.";

/// A project in `dir` with a copy of the bundled memory.
fn seed_project(dir: &Path) -> (Project, PathBuf) {
    let tm = dir.join("seed.tmx");
    std::fs::copy(root().join("tmx/seed.tmx"), &tm).unwrap();
    let mut config = Config::defaults(dir);
    config.memory = vec![tm.clone()];
    (Project::new(config, Default::default()), tm)
}

fn revision() -> PathBuf {
    root().join("examples/seed.v2.en.txt")
}

/// The English of the `orphaned` findings of the revision's check.
fn orphaned(project: &Project, show_obsolete: bool) -> Vec<String> {
    let request = CheckRequest {
        doc: Some(DOC.to_owned()),
        show_obsolete,
        ..CheckRequest::new(revision())
    };
    let checked = check(project, &request, &mut Vec::new()).unwrap();
    let findings = checked.article.report.findings;
    findings
        .into_iter()
        .filter(|f| f.kind == Kind::Orphaned)
        .filter_map(|f| f.en)
        .collect()
}

#[test]
fn the_update_of_the_revision_retires_the_deleted_sentences_tu_and_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let (project, tm) = seed_project(dir.path());
    let before = count_tus_in(&tm);
    // Before the update, the check tells what left the article.
    assert_eq!(orphaned(&project, false), [DELETED]);

    let request = UpdateRequest {
        doc: Some(DOC.to_owned()),
        ..UpdateRequest::new(revision())
    };
    let updated = update(&project, &request, &mut Vec::new()).unwrap();
    let report = &updated.report;
    assert_eq!((report.orphaned, report.retired), (1, 1), "{report:?}");
    assert_eq!(report.retired_units.len(), 1);
    assert_eq!(report.retired_units[0].en, DELETED);
    assert!(!report.retired_units[0].unit.is_empty());

    // No longer listed; listed again when asked.
    assert_eq!(orphaned(&project, false), Vec::<String>::new());
    assert_eq!(orphaned(&project, true), [DELETED]);

    // Kept: every TU is still in the memory, the deleted sentence's marked retired.
    assert_eq!(count_tus_in(&tm), before);
    let text = std::fs::read_to_string(&tm).unwrap();
    assert_eq!(text.matches(props::OBSOLETE).count(), 1, "{text}");
    assert!(!text.contains(props::LEFT), "{text}");

    // Offered as a fuzzy suggestion for a sentence like it.
    let memory = open_memory(&project, std::slice::from_ref(&tm), &mut Vec::new()).unwrap();
    let near = memory
        .lookup(
            "Specific laws are needed to ensure the cyberspace is safe for everyone.",
            50,
            3,
        )
        .unwrap();
    let found = near.iter().find(|m| m.source == DELETED).expect("offered");
    assert!(found.score < 100, "{found:?}");
    assert_eq!(found.target.as_deref(), Some(DELETED_VI));

    // Told once: the next update retires nothing more, and the memory stays as it is.
    let again = update(&project, &request, &mut Vec::new()).unwrap();
    assert_eq!((again.report.orphaned, again.report.retired), (1, 0));
    assert_eq!(std::fs::read_to_string(&tm).unwrap(), text);
}
