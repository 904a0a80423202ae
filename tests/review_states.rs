//! Issue 14, items 2 and 3, as library calls: orphans retired by the `update` that finds
//! them gone, which tells them (kept, searchable, hidden from `check` unless
//! `show_obsolete`), and the review
//! states end to end (`needs_review` findings, in the work file, approved by `review`).

use std::path::{Path, PathBuf};

use songngu::drift::{Kind, Severity};
use songngu::flow::check::{CheckRequest, Checked, check};
use songngu::flow::edit::{self, TranslateRequest, UpdateRequest};
use songngu::flow::review::{ReviewRequest, review};
use songngu::flow::work_file::{self, ExportRequest};
use songngu::flow::{FlowError, open_memory};
use songngu::memory::record::props;
use songngu::project::config::KindSetting;
use songngu::project::{Config, Project};
use songngu::segment::Unit;
use songngu::text::Lang;
use songngu::xliff::State;

const OPENS: &str = "The fair opened today in Hanoi.";
const STANDS: &str = "It has 40 stands from ten provinces.";
const TICKETS: &str = "Tickets are free for children.";
const VI: [&str; 3] = [
    "Hội chợ khai mạc hôm nay tại Hà Nội.",
    "Hội chợ có 40 gian hàng từ mười tỉnh.",
    "Trẻ em được vào cửa miễn phí.",
];

struct Desk {
    dir: tempfile::TempDir,
    project: Project,
}

impl Desk {
    /// An article of three sentences, each translated; the last one as a doubtful
    /// alignment (`needs-review`).
    fn new() -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::defaults(dir.path());
        config.memory = vec![dir.path().join("m.tmx")];
        config.translator = Some("lan".to_owned());
        let desk = Desk {
            project: Project::new(config, Default::default()),
            dir,
        };
        desk.write(&format!("{OPENS} {STANDS} {TICKETS}\n"));
        for (i, unit) in desk.units().iter().enumerate() {
            let request = TranslateRequest {
                doc: Some("fair".to_owned()),
                status: if i == 2 { "needs-review" } else { "translated" },
                ..TranslateRequest::new(desk.en(), &unit.id, VI[i])
            };
            edit::translate(&desk.project, &request).unwrap();
        }
        desk
    }

    fn en(&self) -> PathBuf {
        self.dir.path().join("fair.en.txt")
    }

    fn write(&self, text: &str) {
        std::fs::write(self.en(), text).unwrap();
    }

    fn units(&self) -> Vec<Unit> {
        self.project.read_article(&self.en(), Lang::En).unwrap().1
    }

    fn check_with(&self, show_obsolete: bool) -> Checked {
        let request = CheckRequest {
            doc: Some("fair".to_owned()),
            show_obsolete,
            ..CheckRequest::new(self.en())
        };
        check(&self.project, &request, &mut Vec::new()).unwrap()
    }

    fn kinds(&self, show_obsolete: bool) -> Vec<(Kind, Severity, Option<String>)> {
        let checked = self.check_with(show_obsolete);
        let findings = checked.article.report.findings.iter();
        findings
            .map(|f| (f.kind, f.severity, f.en.clone()))
            .collect()
    }

    fn update(&self) -> edit::Updated {
        let request = UpdateRequest {
            doc: Some("fair".to_owned()),
            ..UpdateRequest::new(self.en())
        };
        edit::update(&self.project, &request, &mut Vec::new()).unwrap()
    }

    fn tm(&self) -> &Path {
        &self.project.config.memory[0]
    }
}

/// The `orphaned` findings of `desk`'s check.
fn orphans(desk: &Desk, show_obsolete: bool) -> Vec<(Kind, Severity, Option<String>)> {
    let mut kinds = desk.kinds(show_obsolete);
    kinds.retain(|k| k.0 == Kind::Orphaned);
    kinds
}

fn orphan(en: &str) -> (Kind, Severity, Option<String>) {
    (Kind::Orphaned, Severity::Info, Some(en.to_owned()))
}

#[test]
fn an_orphan_is_retired_by_the_update_that_finds_it_gone_and_stays_searchable() {
    let desk = Desk::new();
    review(
        &desk.project,
        &ReviewRequest {
            all_needs_review: true,
            ..ReviewRequest::new(desk.en(), Vec::new())
        },
    )
    .unwrap();
    assert_eq!(desk.kinds(false), []);
    // The editor deletes a sentence: `check` before the update tells it...
    desk.write(&format!("{OPENS} {TICKETS}\n"));
    assert_eq!(desk.kinds(false), [orphan(STANDS)]);
    // ...and the update that finds it gone retires it at once, and says which: kept, no
    // longer listed.
    let tus = std::fs::read_to_string(desk.tm())
        .unwrap()
        .matches("<tu ")
        .count();
    let first = desk.update();
    assert_eq!((first.report.orphaned, first.report.retired), (1, 1));
    let retired = &first.report.retired_units;
    assert_eq!(retired.len(), 1);
    assert_eq!(retired[0].en, STANDS);
    let text = std::fs::read_to_string(desk.tm()).unwrap();
    assert_eq!(text.matches("<tu ").count(), tus, "nothing deleted");
    assert!(text.contains(props::OBSOLETE), "{text}");
    assert!(!text.contains(props::LEFT), "{text}");
    assert_eq!(desk.kinds(false), []);
    assert_eq!(desk.kinds(true), [orphan(STANDS)]);
    // Retired once: a second update retires nothing more.
    let second = desk.update();
    assert_eq!((second.report.orphaned, second.report.retired), (1, 0));
    // Still searchable, and still a fuzzy suggestion for a sentence like it.
    let memory = open_memory(&desk.project, &[desk.tm().to_owned()], &mut Vec::new()).unwrap();
    let near = memory
        .lookup("It has 45 stands from ten provinces.", 50, 1)
        .unwrap();
    assert_eq!(near[0].source, STANDS);
    assert_eq!(near[0].target.as_deref(), Some(VI[1]));
    // A release's check lists it only when asked, too.
    let release = songngu::flow::release::ReleaseRequest {
        doc: Some("fair".to_owned()),
        ..songngu::flow::release::ReleaseRequest::new(desk.en())
    };
    let prepared = songngu::flow::release::prepare(&desk.project, &release, &mut Vec::new());
    let prepared = prepared.unwrap();
    assert!(prepared.checked.article.report.findings.is_empty());
    // The sentence comes back: its translation is in use again, and stays so.
    desk.write(&format!("{OPENS} {STANDS} {TICKETS}\n"));
    let back = desk.update();
    assert_eq!((back.report.carried, back.report.orphaned), (3, 0));
    assert!(
        !std::fs::read_to_string(desk.tm())
            .unwrap()
            .contains(props::OBSOLETE)
    );
    desk.write(&format!("{OPENS} {TICKETS}\n"));
    assert_eq!(desk.update().report.retired, 1, "retired again");
    assert_eq!(desk.kinds(false), []);
}

#[test]
fn a_retranslated_stale_units_old_tu_is_retired_by_the_translation() {
    let desk = Desk::new();
    desk.write(&format!(
        "{OPENS} It has 45 stands from ten provinces. {TICKETS}\n"
    ));
    let updated = desk.update();
    assert_eq!(updated.report.stale, 1);
    let unit = desk.units()[1].id.clone();
    let request = TranslateRequest {
        doc: Some("fair".to_owned()),
        ..TranslateRequest::new(desk.en(), unit, "Hội chợ có 45 gian hàng từ mười tỉnh.")
    };
    let translated = edit::translate(&desk.project, &request).unwrap();
    // The old TU, replaced under the new English's id, is retired by the translation
    // itself: a finished article checks clean of it, and no update is needed for that.
    let retired: Vec<&str> = translated.retired.iter().map(|r| r.en.as_str()).collect();
    assert_eq!(retired, [STANDS]);
    let told: Vec<Kind> = desk.kinds(false).into_iter().map(|k| k.0).collect();
    assert_eq!(told, [Kind::NeedsReview]);
    assert_eq!(desk.kinds(true)[0], orphan(STANDS));
    // Kept: still the fuzzy suggestion for a sentence like it.
    let memory = open_memory(&desk.project, &[desk.tm().to_owned()], &mut Vec::new()).unwrap();
    let near = memory
        .lookup("It has 40 stands from nine provinces.", 50, 2)
        .unwrap();
    assert!(near.iter().any(|m| m.source == STANDS), "{near:?}");
    assert_eq!(desk.update().report.retired, 0);
}

#[test]
fn a_doubtful_translation_is_a_needs_review_warning_with_a_configurable_severity() {
    let desk = Desk::new();
    let checked = desk.check_with(false);
    let findings = &checked.article.report.findings;
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!((f.kind, f.severity), (Kind::NeedsReview, Severity::Warning));
    assert_eq!(f.unit.as_deref(), Some(desk.units()[2].id.as_str()));
    assert_eq!(
        (f.en.as_deref(), f.vi.as_deref()),
        (Some(TICKETS), Some(VI[2]))
    );
    // A warning: the check passes by default.
    assert!(checked.article.passes());
    // A newsroom that wants every doubtful pair read makes it an error.
    let mut strict = desk.project.config.clone();
    strict
        .check
        .kinds
        .insert(Kind::NeedsReview, KindSetting::Severity(Severity::Error));
    let project = Project::new(strict, Default::default());
    let request = CheckRequest {
        doc: Some("fair".to_owned()),
        ..CheckRequest::new(desk.en())
    };
    let checked = check(&project, &request, &mut Vec::new()).unwrap();
    assert_eq!(checked.article.report.findings[0].severity, Severity::Error);
    assert!(!checked.article.passes());
    assert_eq!(Kind::from_name("needs_review"), Some(Kind::NeedsReview));
}

#[test]
fn a_doubtful_translation_is_work_in_the_xliff_file_until_reviewed() {
    let desk = Desk::new();
    let request = ExportRequest {
        doc: Some("fair".to_owned()),
        ..ExportRequest::new(desk.en())
    };
    let doc = work_file::export(&desk.project, &request, &mut Vec::new()).unwrap();
    let units: Vec<(&str, State, Option<&str>)> = doc
        .units
        .iter()
        .map(|u| (u.en.as_str(), u.state, u.vi.as_deref()))
        .collect();
    assert_eq!(units, [(TICKETS, State::NeedsReview, Some(VI[2]))]);

    let unit = desk.units()[2].id.clone();
    let approved = review(
        &desk.project,
        &ReviewRequest::new(desk.en(), vec![unit.clone()]),
    )
    .unwrap();
    assert_eq!(approved.approved, std::slice::from_ref(&unit));
    let text = std::fs::read_to_string(desk.tm()).unwrap();
    assert!(!text.contains("needs-review"), "{text}");
    assert!(text.contains(VI[2]), "the text stays");
    assert_eq!(desk.kinds(false), []);
    let doc = work_file::export(&desk.project, &request, &mut Vec::new()).unwrap();
    assert!(doc.units.is_empty(), "{doc:#?}");
    // Approved twice: nothing changes.
    let again = review(
        &desk.project,
        &ReviewRequest::new(desk.en(), vec![unit.clone()]),
    );
    assert_eq!(again.unwrap().already, [unit]);
    assert_eq!(std::fs::read_to_string(desk.tm()).unwrap(), text);
}

#[test]
fn only_a_current_translation_can_be_approved() {
    let desk = Desk::new();
    desk.write(&format!(
        "{OPENS} It has 45 stands from ten provinces. {TICKETS}\n"
    ));
    desk.update();
    let stale = desk.units()[1].id.clone();
    let before = std::fs::read(desk.tm()).unwrap();
    let error = review(
        &desk.project,
        &ReviewRequest {
            all_needs_review: true,
            ..ReviewRequest::new(desk.en(), vec![stale.clone()])
        },
    )
    .unwrap_err();
    assert!(
        matches!(&error, FlowError::NotReviewable { unit, status }
            if *unit == stale && *status == songngu::drift::Status::Stale),
        "{error:?}"
    );
    let error = review(
        &desk.project,
        &ReviewRequest::new(desk.en(), vec!["u-nope".to_owned()]),
    )
    .unwrap_err();
    assert!(matches!(error, FlowError::NoUnit { .. }), "{error:?}");
    assert_eq!(std::fs::read(desk.tm()).unwrap(), before, "nothing written");
}

/// A memory of the version that retired in two steps holds TUs only marked found gone
/// (`x-songngu-left`): `check` still lists them until the next `update`, which retires
/// them and drops the old mark.
#[test]
fn a_tu_an_earlier_version_marked_left_is_retired_by_the_next_update() {
    let desk = Desk::new();
    desk.write(&format!("{OPENS} {TICKETS}\n"));
    // The old mark, as the earlier version wrote it: on the TU of the deleted sentence.
    let text = std::fs::read_to_string(desk.tm()).unwrap();
    let at = text.find(STANDS).unwrap();
    let tu = text[..at].rfind("<tu ").unwrap();
    let open_end = tu + text[tu..].find('>').unwrap() + 1;
    let marked = format!(
        "{}<prop type=\"{}\">20250101T000000Z</prop>{}",
        &text[..open_end],
        props::LEFT,
        &text[open_end..]
    );
    std::fs::write(desk.tm(), marked).unwrap();
    assert_eq!(orphans(&desk, false), [orphan(STANDS)]);
    let updated = desk.update();
    assert_eq!(updated.report.retired, 1);
    assert_eq!(updated.report.retired_units[0].en, STANDS);
    let text = std::fs::read_to_string(desk.tm()).unwrap();
    assert!(!text.contains(props::LEFT), "{text}");
    assert_eq!(text.matches(props::OBSOLETE).count(), 1, "{text}");
    assert_eq!(orphans(&desk, false), []);
    assert_eq!(orphans(&desk, true), [orphan(STANDS)]);
}
