//! `songngu::flow::status` and `songngu::flow::tm::docs` called as a library, on the
//! bundled example (`tmx/seed.tmx`, `examples/seed.en.txt` and its revision
//! `examples/seed.v2.en.txt`, whose five edits `examples/seed.v2.changes.md` lists).
mod common;
use common::root;

use std::path::{Path, PathBuf};

use songngu::flow::FlowError;
use songngu::flow::edit::{UpdateRequest, update};
use songngu::flow::status::{Counts, StatusRequest, status};
use songngu::flow::tm::Languages;
use songngu::flow::tm::docs::docs;
use songngu::project::config::Article;
use songngu::project::{Config, Project};

const DOC: &str = "seed-2019-11-28";

/// A project in `dir` with a copy of the bundled memory and the article `en` of the
/// examples listed as the document [`DOC`].
fn seed_project(dir: &Path, tmx: &str, en: &str) -> (Project, PathBuf) {
    let tm = dir.join("seed.tmx");
    std::fs::write(&tm, tmx).unwrap();
    let mut config = Config::defaults(dir);
    config.memory = vec![tm.clone()];
    config.articles = vec![Article {
        path: root().join("examples").join(en),
        doc: DOC.to_owned(),
    }];
    (Project::new(config, Default::default()), tm)
}

fn seed_tmx() -> String {
    std::fs::read_to_string(root().join("tmx/seed.tmx")).unwrap()
}

fn counts(project: &Project) -> Counts {
    let found = status(project, &StatusRequest::default(), &mut Vec::new()).unwrap();
    assert_eq!(found.articles.len(), 1);
    assert_eq!(found.total.articles, 1);
    assert_eq!(found.total.counts, found.articles[0].counts);
    assert_eq!(found.articles[0].doc, DOC);
    assert!(found.damaged.is_none());
    found.articles[0].counts.clone()
}

/// The bundled memory was aligned from the original: every unit current, one of them an
/// alignment the aligner doubted (`needs-review`), and no orphans.
#[test]
fn the_seed_is_current_with_one_unit_needing_review() {
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = seed_project(dir.path(), &seed_tmx(), "seed.en.txt");
    let counts = counts(&project);
    assert_eq!(counts.units, 21);
    assert_eq!(counts.current, 21);
    assert_eq!(counts.needs_review, 1);
    assert_eq!(counts.translated, 20);
    assert_eq!(counts.reviewed, 0);
    assert_eq!((counts.stale, counts.missing, counts.orphaned), (0, 0, 0));
    let change = counts.last_change.unwrap();
    assert_eq!(change.at, "2026-11-25T06:10:37Z");
    assert_eq!(change.by.as_deref(), Some("songngu"));
}

/// After `update` with the revision: the five edits are 3 stale units, 2 missing and 1
/// deleted sentence, whose TU the update retired (so, as `check` reports them, no orphan
/// is left); the rest stays current.
#[test]
fn after_the_revision_three_are_stale_two_missing_and_the_orphan_retired() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, tm) = seed_project(dir.path(), &seed_tmx(), "seed.v2.en.txt");
    let request = UpdateRequest {
        doc: Some(DOC.to_owned()),
        tm: Some(tm),
        ..UpdateRequest::new(project.config.articles[0].path.clone())
    };
    update(&project, &request, &mut Vec::new()).unwrap();
    let counts = counts(&project);
    assert_eq!(counts.units, 22);
    assert_eq!((counts.stale, counts.missing, counts.orphaned), (3, 2, 0));
    assert_eq!(counts.current, 17);
    assert_eq!(
        counts.current,
        counts.translated + counts.needs_review + counts.reviewed
    );
    assert_eq!(counts.needs_review, 1);
    // Articles named in the request, outside the project: the memory's only document,
    // each counted on its own line and summed in the total.
    project.config.articles.clear();
    let v2 = root().join("examples/seed.v2.en.txt");
    let request = StatusRequest {
        articles: vec![v2.clone(), v2],
        tm: Vec::new(),
    };
    let found = status(&project, &request, &mut Vec::new()).unwrap();
    assert_eq!(found.articles.len(), 2);
    assert_eq!(found.articles[1].counts, counts);
    assert_eq!(found.total.articles, 2);
    assert_eq!(found.total.counts.units, 44);
    assert_eq!(found.total.counts.stale, 6);
    assert_eq!(found.total.counts.last_change, counts.last_change);
}

/// A `reviewed` translation and a later change by another translator: counted as
/// reviewed, and the last change is theirs.
#[test]
fn reviewed_units_and_the_latest_change_are_told() {
    let tmx = seed_tmx()
        .replacen(
            "<prop type=\"x-songngu-status\">translated</prop>",
            "<prop type=\"x-songngu-status\">reviewed</prop>",
            2,
        )
        .replacen(
            "changedate=\"20261125T061037Z\" changeid=\"songngu\"",
            "changedate=\"20271231T235959Z\" changeid=\"minh.tran\"",
            1,
        );
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = seed_project(dir.path(), &tmx, "seed.en.txt");
    let counts = counts(&project);
    assert_eq!(counts.reviewed, 2);
    assert_eq!(counts.translated, 18);
    assert_eq!(counts.needs_review, 1);
    let change = counts.last_change.unwrap();
    assert_eq!(change.at, "2027-12-31T23:59:59Z");
    assert_eq!(change.by.as_deref(), Some("minh.tran"));
}

#[test]
fn a_project_without_articles_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (mut project, _) = seed_project(dir.path(), &seed_tmx(), "seed.en.txt");
    project.config.articles.clear();
    let err = status(&project, &StatusRequest::default(), &mut Vec::new()).unwrap_err();
    assert!(matches!(err, FlowError::NoArticles), "{err:?}");
}

#[test]
fn tm_docs_counts_the_units_of_each_document() {
    let found = docs(&root().join("tmx/seed.tmx"), &Languages::default()).unwrap();
    assert_eq!(found.docs.len(), 1);
    let doc = &found.docs[0];
    assert_eq!((doc.doc.as_str(), doc.units, doc.translated), (DOC, 21, 21));
    assert_eq!(found.total.docs, 1);
    assert_eq!(found.total.without_doc, 0);
    assert!(found.problems.is_empty());
    // A TU of no document (imported from another tool) is counted apart.
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("foreign.tmx");
    std::fs::write(&foreign, common::tmx_doc(&[("One.", "Một."), ("Two.", "")])).unwrap();
    let found = docs(&foreign, &Languages::default()).unwrap();
    assert!(found.docs.is_empty());
    assert_eq!(found.total.without_doc, 2);
}
