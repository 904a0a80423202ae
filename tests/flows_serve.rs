//! The flows the review page (`songngu serve`, issue 15) acts through, called as a
//! library: unit versions and the refusal of an edit made on an old one (also between
//! two threads saving at once), accepting a finding, the release into the project, and
//! an article found by its document id only.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, Barrier};

use songngu::drift::accept::Accepted as AcceptedFile;
use songngu::drift::version::NOTHING_STORED;
use songngu::drift::{Kind, Status};
use songngu::export::Wording;
use songngu::flow::accept::{AcceptRequest, accept};
use songngu::flow::check::{CheckRequest, Checked, check};
use songngu::flow::edit::{self, TranslateRequest};
use songngu::flow::release::{ReleaseRequest, prepare, release_to_project};
use songngu::flow::review::{ReviewRequest, review};
use songngu::flow::{FlowError, open_memory};
use songngu::project::{Config, Project};
use songngu::text::Lang;

const EN: &str = "The fair opened today in Hanoi. It has 40 stands from ten provinces.\n";
const OPENS_VI: &str = "Hội chợ khai mạc hôm nay tại Hà Nội.";
const STANDS_VI: &str = "Hội chợ có 40 gian hàng từ mười tỉnh.";
/// A number that is not the English's: a `number` finding that fails the check.
const STANDS_WRONG: &str = "Hội chợ có 45 gian hàng từ mười tỉnh.";

/// A project (`songngu.toml`) with two articles, `fair` and `market`, and one memory.
struct Desk {
    dir: tempfile::TempDir,
    project: Project,
}

impl Desk {
    fn new(extra: &str) -> Desk {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("fair.en.txt"), EN).unwrap();
        std::fs::write(d.join("market.en.txt"), "The market closed early.\n").unwrap();
        let toml = format!(
            "translator = \"lan\"\nmemory = [\"tm.tmx\"]\n{extra}\n\
             [[article]]\npath = \"fair.en.txt\"\ndoc = \"fair\"\n\n\
             [[article]]\npath = \"market.en.txt\"\ndoc = \"market\"\n"
        );
        std::fs::write(d.join("songngu.toml"), toml).unwrap();
        let config = Config::load(&d.join("songngu.toml")).unwrap();
        Desk {
            project: Project::new(config, Default::default()),
            dir,
        }
    }

    fn en(&self) -> PathBuf {
        self.dir.path().join("fair.en.txt")
    }

    fn unit(&self, i: usize) -> String {
        let units = self.project.read_article(&self.en(), Lang::En).unwrap().1;
        units[i].id.clone()
    }

    fn translate(&self, i: usize, vi: &str, expected: Option<String>) -> Result<(), FlowError> {
        let request = TranslateRequest {
            expected,
            ..TranslateRequest::new(self.en(), self.unit(i), vi)
        };
        edit::translate(&self.project, &request).map(drop)
    }

    fn check(&self) -> Checked {
        check(
            &self.project,
            &CheckRequest::new(self.en()),
            &mut Vec::new(),
        )
        .unwrap()
    }

    fn version(&self, i: usize) -> String {
        let checked = self.check();
        let units = checked.article.units();
        units[i]
            .version
            .clone()
            .expect("checked against the memory")
    }

    /// The Vietnamese the memory file holds for unit `i`, read afresh.
    fn stored_vi(&self, i: usize) -> Option<String> {
        let memory = open_memory(&self.project, &self.project.config.memory, &mut Vec::new());
        let stored = memory.unwrap().document("fair").unwrap();
        let unit = self.unit(i);
        stored
            .into_iter()
            .find(|s| s.unit == unit)
            .and_then(|s| s.vi)
    }
}

#[test]
fn the_check_gives_every_unit_a_version_that_changes_with_the_memory() {
    let desk = Desk::new("");
    desk.translate(0, OPENS_VI, None).unwrap();
    let checked = desk.check();
    let units = checked.article.units();
    assert_eq!(units[1].status, Status::Missing);
    assert_eq!(units[1].version.as_deref(), Some(NOTHING_STORED));
    let first = units[0].version.clone().unwrap();
    assert_ne!(first, NOTHING_STORED);
    // Checking again reads the same memory: the same version.
    assert_eq!(desk.version(0), first);
    // Approving changes the status (and who and when): a new version.
    let request = ReviewRequest::new(desk.en(), vec![desk.unit(0)]);
    review(&desk.project, &request).unwrap();
    assert_ne!(desk.version(0), first);
    // Against a Vietnamese article no memory stands for the units: no version.
    let vi = desk.dir.path().join("fair.vi.txt");
    std::fs::write(&vi, format!("{OPENS_VI} {STANDS_VI}\n")).unwrap();
    let request = CheckRequest {
        vi: Some(vi),
        ..CheckRequest::new(desk.en())
    };
    let checked = check(&desk.project, &request, &mut Vec::new()).unwrap();
    assert!(checked.article.units().iter().all(|u| u.version.is_none()));
}

#[test]
fn a_save_on_a_version_the_memory_no_longer_holds_is_refused_with_both_versions() {
    let desk = Desk::new("");
    desk.translate(1, STANDS_WRONG, None).unwrap();
    let seen = desk.version(1);
    // Another translator fixes the unit meanwhile.
    let other = TranslateRequest {
        user: Some("minh".to_owned()),
        ..TranslateRequest::new(desk.en(), desk.unit(1), STANDS_VI)
    };
    edit::translate(&desk.project, &other).unwrap();
    let before = std::fs::read(&desk.project.config.memory[0]).unwrap();
    let mine = "Hội chợ có bốn mươi gian hàng từ mười tỉnh.";
    match desk.translate(1, mine, Some(seen.clone())).unwrap_err() {
        FlowError::UnitChanged {
            unit,
            expected,
            current: Some(current),
        } => {
            assert_eq!(unit, desk.unit(1));
            assert_eq!(expected, seen);
            assert_eq!(current.vi.as_deref(), Some(STANDS_VI));
            assert_eq!(current.changeid.as_deref(), Some("minh"));
            assert!(current.changedate.is_some());
            assert_eq!(current.status.as_deref(), Some("translated"));
            assert_eq!(current.version, desk.version(1));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        std::fs::read(&desk.project.config.memory[0]).unwrap(),
        before
    );
    // With the version the memory holds now, the save goes through.
    desk.translate(1, mine, Some(desk.version(1))).unwrap();
    assert_eq!(desk.stored_vi(1).as_deref(), Some(mine));
}

#[test]
fn a_first_translation_expects_nothing_stored() {
    let desk = Desk::new("");
    desk.translate(1, STANDS_VI, Some(NOTHING_STORED.to_owned()))
        .unwrap();
    let error = desk
        .translate(1, STANDS_WRONG, Some(NOTHING_STORED.to_owned()))
        .unwrap_err();
    assert!(
        matches!(
            &error,
            FlowError::UnitChanged {
                current: Some(_),
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(desk.stored_vi(1).as_deref(), Some(STANDS_VI));
}

#[test]
fn two_saves_of_one_unit_at_once_one_wins_the_other_is_refused() {
    for round in 0..12 {
        let desk = Arc::new(Desk::new(""));
        desk.translate(1, STANDS_WRONG, None).unwrap();
        let seen = desk.version(1);
        let barrier = Arc::new(Barrier::new(2));
        let texts = [
            format!("Hội chợ có 40 gian hàng từ mười tỉnh (bản {round}a)."),
            format!("Hội chợ có 40 gian hàng từ mười tỉnh (bản {round}b)."),
        ];
        let handles: Vec<_> = texts
            .iter()
            .map(|text| {
                let (desk, barrier, seen, text) =
                    (desk.clone(), barrier.clone(), seen.clone(), text.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    desk.translate(1, &text, Some(seen))
                })
            })
            .collect();
        let results: Vec<Result<(), FlowError>> =
            handles.into_iter().map(|h| h.join().unwrap()).collect();
        let won: Vec<usize> = (0..2).filter(|&i| results[i].is_ok()).collect();
        assert_eq!(won.len(), 1, "round {round}: {results:?}");
        let lost = 1 - won[0];
        match &results[lost] {
            Err(FlowError::UnitChanged {
                current: Some(current),
                ..
            }) => assert_eq!(current.vi.as_deref(), Some(texts[won[0]].as_str())),
            other => panic!("round {round}: {other:?}"),
        }
        assert_eq!(desk.stored_vi(1).as_deref(), Some(texts[won[0]].as_str()));
    }
}

#[test]
fn an_approval_of_a_version_the_memory_no_longer_holds_is_refused() {
    let desk = Desk::new("");
    desk.translate(0, OPENS_VI, None).unwrap();
    desk.translate(1, STANDS_WRONG, None).unwrap();
    let seen: BTreeMap<String, String> = (0..2).map(|i| (desk.unit(i), desk.version(i))).collect();
    desk.translate(1, STANDS_VI, None).unwrap();
    let request = ReviewRequest {
        expected: seen.clone(),
        ..ReviewRequest::new(desk.en(), vec![desk.unit(0), desk.unit(1)])
    };
    let error = review(&desk.project, &request).unwrap_err();
    assert!(
        matches!(&error, FlowError::UnitChanged { unit, .. } if *unit == desk.unit(1)),
        "{error:?}"
    );
    // Nothing approved, not even the unit that did not change.
    let checked = desk.check();
    let units = checked.article.units();
    assert!(
        units
            .iter()
            .all(|u| u.vi_status.as_deref() == Some("translated"))
    );
    // The unit that did not change is approved on the version seen.
    let request = ReviewRequest {
        expected: seen,
        ..ReviewRequest::new(desk.en(), vec![desk.unit(0)])
    };
    let reviewed = review(&desk.project, &request).unwrap();
    assert_eq!(reviewed.approved, [desk.unit(0)]);
}

/// The id of the failing `number` finding on unit 1.
fn number_finding(desk: &Desk) -> String {
    let checked = desk.check();
    let findings = checked.article.report.findings.iter();
    let number = findings
        .filter(|f| f.kind == Kind::Number)
        .collect::<Vec<_>>();
    assert_eq!(number.len(), 1, "{number:?}");
    number[0].fingerprint()
}

#[test]
fn accepting_a_finding_records_it_and_the_check_passes() {
    let desk = Desk::new("");
    desk.translate(0, OPENS_VI, None).unwrap();
    desk.translate(1, STANDS_WRONG, None).unwrap();
    assert!(!desk.check().article.passes());
    let id = number_finding(&desk);
    let reason = Some("the organisers counted 45 on the day".to_owned());
    let request = AcceptRequest {
        user: Some("minh".to_owned()),
        ..AcceptRequest::new(desk.en(), &id, reason.clone())
    };
    let accepted = accept(&desk.project, &request, &mut Vec::new()).unwrap();
    assert_eq!(accepted.path, desk.project.config.check.accepted);
    assert_eq!(accepted.entry.id, id);
    assert_eq!(accepted.entry.by, "minh");
    assert_eq!(accepted.entry.reason, reason);
    assert_eq!(accepted.entry.unit.as_deref(), Some(desk.unit(1).as_str()));
    let acceptance = accepted.finding.accepted.expect("marked accepted");
    assert_eq!(acceptance.reason, reason);
    let file = AcceptedFile::load(&desk.project.config.check.accepted).unwrap();
    assert_eq!(file.entries.len(), 1);
    assert!(desk.check().article.passes());
}

#[test]
fn accepting_a_finding_the_check_does_not_have_writes_nothing() {
    let desk = Desk::new("");
    desk.translate(1, STANDS_WRONG, None).unwrap();
    let request = AcceptRequest::new(desk.en(), "f000000000000", Some("fine".into()));
    match accept(&desk.project, &request, &mut Vec::new()).unwrap_err() {
        FlowError::NoFinding { id } => assert_eq!(id, "f000000000000"),
        other => panic!("{other:?}"),
    }
    assert!(!desk.project.config.check.accepted.exists());
}

#[test]
fn a_release_into_the_project_is_refused_while_findings_fail() {
    let desk = Desk::new("");
    desk.translate(0, OPENS_VI, None).unwrap();
    desk.translate(1, STANDS_WRONG, None).unwrap();
    let request = ReleaseRequest::new(desk.en());
    let error = release_to_project(
        &desk.project,
        &request,
        false,
        Wording::default(),
        &mut Vec::new(),
    )
    .unwrap_err();
    assert!(
        matches!(error, FlowError::ReleaseRefused { failing: 1 }),
        "{error:?}"
    );
    assert!(!desk.dir.path().join("release").exists());
    // Forced, it is written, and the manifest says drift was allowed.
    let released = release_to_project(
        &desk.project,
        &request,
        true,
        Wording::default(),
        &mut Vec::new(),
    )
    .unwrap();
    assert!(released.manifest.allow_drift);
    assert_eq!(released.folder, desk.dir.path().join("release/fair"));
}

#[test]
fn a_release_into_the_project_writes_what_export_writes() {
    let desk = Desk::new("[release]\nfolder = \"out/releases\"\n");
    desk.translate(0, OPENS_VI, None).unwrap();
    desk.translate(1, STANDS_VI, None).unwrap();
    let request = ReleaseRequest::new(desk.en());
    let released = release_to_project(
        &desk.project,
        &request,
        false,
        Wording::default(),
        &mut Vec::new(),
    )
    .unwrap();
    let folder = desk.dir.path().join("out/releases/fair");
    assert_eq!(released.folder, folder);
    assert!(!released.manifest.allow_drift);
    // The folder holds exactly the files told, manifest last.
    let mut on_disk: Vec<PathBuf> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    on_disk.sort();
    let mut told = released.files.clone();
    assert!(told.last().unwrap().ends_with("manifest.json"));
    told.sort();
    assert_eq!(on_disk, told);
    // The same files as the export of the same release into a folder of one's own.
    let prepared = prepare(&desk.project, &request, &mut Vec::new()).unwrap();
    let elsewhere = desk.dir.path().join("by-hand");
    let manifest = prepared
        .write_folder(
            &desk.project,
            &elsewhere,
            Wording::default(),
            songngu::xliff::Version::V2_0,
        )
        .unwrap();
    let names = |m: &songngu::export::manifest::Manifest| {
        m.files.iter().map(|f| f.name.clone()).collect::<Vec<_>>()
    };
    assert_eq!(names(&manifest), names(&released.manifest));
    for name in names(&manifest) {
        let ours = std::fs::read(folder.join(&name)).unwrap();
        let theirs = std::fs::read(elsewhere.join(&name)).unwrap();
        // The TMX and the manifest carry the time of the release: compared without it.
        if !name.ends_with(".tmx") {
            assert_eq!(ours, theirs, "{name}");
        }
    }
    // A second release replaces the first as a whole.
    let again = release_to_project(
        &desk.project,
        &request,
        false,
        Wording::default(),
        &mut Vec::new(),
    )
    .unwrap();
    assert_eq!(again.folder, folder);
}

#[test]
fn a_release_folder_over_a_project_file_is_refused() {
    // The release folder set to the project's own folder, and the article moved into
    // `fair/`: the folder its release would replace.
    let desk = Desk::new("[release]\nfolder = \".\"\n");
    let d = desk.dir.path();
    std::fs::create_dir_all(d.join("fair")).unwrap();
    std::fs::rename(d.join("fair.en.txt"), d.join("fair/fair.en.txt")).unwrap();
    let toml = std::fs::read_to_string(d.join("songngu.toml"))
        .unwrap()
        .replace("path = \"fair.en.txt\"", "path = \"fair/fair.en.txt\"");
    std::fs::write(d.join("songngu.toml"), toml).unwrap();
    let config = Config::load(&d.join("songngu.toml")).unwrap();
    let project = Project::new(config, Default::default());
    let en = d.join("fair/fair.en.txt");
    let error = release_to_project(
        &project,
        &ReleaseRequest::new(&en),
        true,
        Wording::default(),
        &mut Vec::new(),
    )
    .unwrap_err();
    assert!(matches!(error, FlowError::Output(_)), "{error:?}");
    assert_eq!(std::fs::read_to_string(&en).unwrap(), EN);
}

#[test]
fn an_article_is_found_by_its_document_id_only() {
    let desk = Desk::new("");
    let fair = desk.project.article_by_doc("fair").unwrap();
    assert_eq!(fair.path, desk.dir.path().join("fair.en.txt"));
    let market = desk.project.article_by_doc("market").unwrap();
    assert_eq!(market.path, desk.dir.path().join("market.en.txt"));
    assert!(desk.project.article_by_doc("Fair").is_none());
    assert!(desk.project.article_by_doc("fair.en.txt").is_none());
    assert!(desk.project.article_by_doc("../fair").is_none());
    assert!(desk.project.article_by_doc("").is_none());
}
