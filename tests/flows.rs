//! The flows of `songngu::flow` called as a library: the newsroom's loop of the README's
//! "A project's day" on the bundled example, without the binary and without printing,
//! and the typed errors and notices each flow promises. What the command line makes of
//! these results (wording, exit codes) is tested in `tests/cli/`.

mod common;

use std::path::{Path, PathBuf};

use common::{SEED_EN, SEED_V2_EN, SEED_VI, count_tus_in, damaged_seed_memory, root, sha256_hex};
use songngu::drift::accept::Accepted;
use songngu::drift::{Kind, Severity, Status};
use songngu::export::Wording;
use songngu::flow::align::{self, AlignRequest, Lexicon, StoreRequest, Stored, StoringError};
use songngu::flow::check::{CheckRequest, Checked, check};
use songngu::flow::edit::{self, TranslateRequest, UpdateRequest};
use songngu::flow::init::{InitRequest, init};
use songngu::flow::release::{self, ReleaseRequest, SingleFormat};
use songngu::flow::work_file::{
    self, ExportRequest, ImportRequest, Imported, LanguageSide, WorkFileError,
};
use songngu::flow::{FlowError, Notice};
use songngu::project::config::Article;
use songngu::project::{Config, DocIdError, Project};
use songngu::xliff::{State, Version, XliffDoc};

/// The bundled example's document id, as the README's project day names it.
const DOC: &str = "seed-2019-11-28";

/// The revised units of `seed.v2.en.txt` and what the check makes of them
/// (`examples/seed.v2.changes.md`), in article order.
const STALE_SPLIT: &str = "On November 27, 2019, in Hanoi, the Ministry of Information and Communications organized a conference on \"Responsible state behaviour in cyberspace\".";
const MISSING_SPLIT: &str =
    "The conference was held in collaboration with the Australian Strategic Policy Institute.";
const STALE_EDIT: &str = "Therefore, further research and discussion are needed so that these rules can be put into practice.";
const MISSING_ADDED: &str = "He also proposed that the conference be held annually so that member countries can review their progress in applying the codes of conduct.";
const STALE_NUMBER: &str = "In particular, the event was organized within the framework of Vietnam Information Security Day - an event that attracted more than 1,200 guests, creating widespread influence in Vietnam and in the region.";
/// The English the stale units' Vietnamese was made from, and that Vietnamese.
const OLD_SPLIT: (&str, &str) = (
    "On November 27, 2019, in Hanoi, the Ministry of Information and Communications in collaboration with the Australian Strategic Policy Institute organized a conference on \"Responsible state behaviour in cyberspace\".",
    "Ngày 27/11/2019, tại Hà Nội, Bộ Thông tin và Truyền thông phối hợp với Viện Chính sách Chiến lược Úc tổ chức hội thảo “Ứng xử có trách nhiệm của quốc gia trên không gian mạng”.",
);
const OLD_EDIT: (&str, &str) = (
    "Therefore, researches and discussions are needed so that these rules can be implemented in reality.",
    "Do đó, cần có sự nghiên cứu và thảo luận để các quy tắc này có thể được triển khai trên thực tế.",
);
const OLD_NUMBER: (&str, &str) = (
    "In particular, the event was organized within the framework of Vietnam Information Security Day - an event that attracted more than one thousand guests, creating widespread influence in Vietnam and in the region.",
    "Đặc biệt, sự kiện được tổ chức trong khuôn khổ Ngày An toàn thông tin Việt Nam - sự kiện thu hút hơn một nghìn khách mời, tạo sức lan tỏa rộng rãi tại Việt Nam và trong khu vực.",
);
const ORPHANED: &str = "Specific laws are needed to ensure the cyberspace is safe for all of us.";

/// What the translator writes for each unit of the work file.
const TRANSLATIONS: [(&str, &str); 5] = [
    (
        STALE_SPLIT,
        "Ngày 27/11/2019, tại Hà Nội, Bộ Thông tin và Truyền thông tổ chức hội thảo “Ứng xử có trách nhiệm của quốc gia trên không gian mạng”.",
    ),
    (
        MISSING_SPLIT,
        "Hội thảo được tổ chức với sự phối hợp của Viện Chính sách Chiến lược Úc.",
    ),
    (
        STALE_EDIT,
        "Do đó, cần nghiên cứu, thảo luận thêm để các quy tắc này có thể được áp dụng trên thực tế.",
    ),
    (
        MISSING_ADDED,
        "Ông cũng đề xuất tổ chức hội thảo hằng năm để các nước thành viên rà soát tiến độ áp dụng các quy tắc ứng xử.",
    ),
    (
        STALE_NUMBER,
        "Đặc biệt, sự kiện được tổ chức trong khuôn khổ Ngày An toàn thông tin Việt Nam - sự kiện thu hút hơn 1.200 khách mời, tạo sức lan tỏa rộng rãi tại Việt Nam và trong khu vực.",
    ),
];

/// A project folder laid out as the README's: `examples/` with the seed articles,
/// `tmx/seed.tmx`, and `songngu.toml` written by [`init`].
struct Day {
    dir: tempfile::TempDir,
    project: Project,
}

impl Day {
    /// The folder with the files copied, before `init`.
    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir_all(d.join("examples")).unwrap();
        std::fs::create_dir_all(d.join("tmx")).unwrap();
        for file in [SEED_EN, SEED_VI, SEED_V2_EN, "tmx/seed.tmx"] {
            std::fs::copy(root().join(file), d.join(file)).unwrap();
        }
        dir
    }

    /// `init --article seed-2019-11-28=examples/seed.en.txt --tm tmx/seed.tmx`, as the
    /// translator `lan`.
    fn init_request(d: &Path) -> InitRequest {
        InitRequest {
            path: d.join("songngu.toml"),
            force: false,
            settings: Config::defaults(d),
            articles: vec![Article {
                path: PathBuf::from(SEED_EN),
                doc: DOC.to_owned(),
            }],
            translator: Some("lan".to_owned()),
            memory: vec!["tmx/seed.tmx".to_owned()],
            fail_on: None,
            glossary: None,
        }
    }

    /// A new project: the files and the project file.
    fn new() -> Day {
        let dir = Day::folder();
        let path = init(&Day::init_request(dir.path())).unwrap();
        let config = Config::load(&path).unwrap();
        Day {
            dir,
            project: Project::new(config, Default::default()),
        }
    }

    /// A project whose memory holds the aligned seed and was updated to the revision.
    fn revised() -> Day {
        let day = Day::new();
        day.align_into_memory();
        edit::update(&day.project, &day.update_request(), &mut Vec::new()).unwrap();
        day
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn tm(&self) -> PathBuf {
        self.path("tmx/seed.tmx")
    }

    fn v2(&self) -> PathBuf {
        self.path(SEED_V2_EN)
    }

    /// `align examples/seed.en.txt examples/seed.vi.txt --into tmx/seed.tmx --doc ...`.
    fn align_into_memory(&self) -> Stored {
        let project = &self.project;
        let (en, vi) = (self.path(SEED_EN), self.path(SEED_VI));
        let into = align::storing(
            project,
            &StoreRequest {
                doc: Some(DOC.to_owned()),
                ..StoreRequest::new(self.tm(), &en)
            },
        )
        .unwrap();
        let request = AlignRequest {
            en,
            vi,
            segmented: false,
            glossary: None,
            lexicon: Lexicon::ProjectMemories,
        };
        let mut notices = Vec::new();
        let aligned = align::align(project, &request, Some(&into.doc), &mut notices).unwrap();
        assert!(notices.is_empty(), "{notices:?}");
        align::store(project, &into, &aligned).unwrap()
    }

    fn update_request(&self) -> UpdateRequest {
        UpdateRequest {
            doc: Some(DOC.to_owned()),
            ..UpdateRequest::new(self.v2())
        }
    }

    fn check_request(&self) -> CheckRequest {
        CheckRequest {
            doc: Some(DOC.to_owned()),
            ..CheckRequest::new(self.v2())
        }
    }

    fn check(&self) -> Checked {
        let mut notices = Vec::new();
        let checked = check(&self.project, &self.check_request(), &mut notices).unwrap();
        assert!(notices.is_empty(), "{notices:?}");
        checked
    }

    fn export_request(&self) -> ExportRequest {
        ExportRequest {
            doc: Some(DOC.to_owned()),
            ..ExportRequest::new(self.v2())
        }
    }

    fn work_file(&self) -> XliffDoc {
        let mut notices = Vec::new();
        let doc = work_file::export(&self.project, &self.export_request(), &mut notices).unwrap();
        assert!(notices.is_empty(), "{notices:?}");
        doc
    }

    /// Writes `doc` as `name` in XLIFF 2.0 and imports it as the revision's work file.
    fn import(&self, doc: &XliffDoc, name: &str) -> Result<Imported, FlowError> {
        let file = self.path(name);
        std::fs::write(&file, work_file::to_bytes(doc, Version::V2_0).unwrap()).unwrap();
        let request = ImportRequest {
            en: Some(self.v2()),
            ..ImportRequest::new(file)
        };
        work_file::import(&self.project, &request)
    }

    fn release_request(&self) -> ReleaseRequest {
        ReleaseRequest {
            doc: Some(DOC.to_owned()),
            ..ReleaseRequest::new(self.v2())
        }
    }
}

/// The units of a check that are not current, as (status, English), in article order.
fn drifted(checked: &Checked) -> Vec<(Status, String)> {
    let units = checked.article.units();
    let drifted = units.iter().filter(|u| u.status != Status::Current);
    drifted.map(|u| (u.status, u.unit.text.clone())).collect()
}

/// The kinds and English of every finding, in report order.
fn findings(checked: &Checked) -> Vec<(Kind, Severity, Option<String>)> {
    let findings = checked.article.report.findings.iter();
    findings
        .map(|f| (f.kind, f.severity, f.en.clone()))
        .collect()
}

#[test]
fn a_projects_day_runs_through_the_library() {
    let day = Day::new();
    let project = &day.project;
    // `init` wrote a project that reads back as asked.
    assert_eq!(project.config.path, Some(day.path("songngu.toml")));
    assert_eq!(project.config.memory, [day.tm()]);
    assert_eq!(project.config.translator.as_deref(), Some("lan"));
    assert_eq!(project.config.articles.len(), 1);
    assert_eq!(project.config.articles[0].doc, DOC);

    // The published pair stored into the bundled memory: the pairs are its 21 TUs, five
    // of them stored again (their confidence as this alignment rates it); a second run
    // changes nothing.
    let stored = day.align_into_memory();
    assert_eq!(
        stored,
        Stored {
            updated: 5,
            ..Stored::default()
        }
    );
    assert_eq!(count_tus_in(&day.tm()), 21);
    let aligned = std::fs::read(day.tm()).unwrap();
    assert_eq!(day.align_into_memory(), Stored::default());
    assert_eq!(std::fs::read(day.tm()).unwrap(), aligned);

    // The English was revised: what is unchanged is carried over.
    let mut notices = Vec::new();
    let updated = edit::update(project, &day.update_request(), &mut notices).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(updated.path, day.tm());
    assert_eq!(updated.doc, DOC);
    assert_eq!(updated.units.len(), 22);
    let report = &updated.report;
    assert_eq!(
        (report.stale, report.missing, report.orphaned),
        (3, 2, 1),
        "{report:?}"
    );
    assert_eq!(report.carried, 17, "{report:?}");
    // Issue 14: the update that finds the English gone retires its TU at once, and says so.
    assert_eq!(report.retired, 1, "{report:?}");
    assert_eq!(
        report
            .retired_units
            .iter()
            .map(|r| r.en.as_str())
            .collect::<Vec<_>>(),
        [ORPHANED]
    );

    // The check finds the five edits of `seed.v2.changes.md`, unit by unit.
    let checked = day.check();
    assert!(!checked.article.passes());
    assert_eq!(checked.damaged, None);
    assert_eq!(checked.article.doc.as_deref(), Some(DOC));
    assert_eq!(
        drifted(&checked),
        [
            (Status::Stale, STALE_SPLIT.to_owned()),
            (Status::Missing, MISSING_SPLIT.to_owned()),
            (Status::Stale, STALE_EDIT.to_owned()),
            (Status::Missing, MISSING_ADDED.to_owned()),
            (Status::Stale, STALE_NUMBER.to_owned()),
        ]
    );
    // The deleted sentence's TU was retired by the update: listed only when asked.
    let orphaned = |checked: &Checked| -> Vec<_> {
        findings(checked)
            .into_iter()
            .filter(|(kind, _, _)| *kind == Kind::Orphaned)
            .collect()
    };
    assert_eq!(orphaned(&checked), []);
    let shown = CheckRequest {
        show_obsolete: true,
        ..day.check_request()
    };
    let checked_all = check(project, &shown, &mut Vec::new()).unwrap();
    assert_eq!(
        orphaned(&checked_all),
        [(Kind::Orphaned, Severity::Info, Some(ORPHANED.to_owned()))]
    );

    // The work file holds the five units that need work, untranslated.
    let mut doc = day.work_file();
    assert_eq!(
        (
            doc.doc.as_str(),
            doc.source_lang.as_str(),
            doc.target_lang.as_str()
        ),
        (DOC, "en", "vi")
    );
    // A stale unit carries its old English and, as a suggestion, its old Vietnamese.
    let units: Vec<(&str, State, Option<&str>, Option<&str>)> = doc
        .units
        .iter()
        .map(|u| (u.en.as_str(), u.state, u.old_en.as_deref(), u.vi.as_deref()))
        .collect();
    let stale = |(old_en, old_vi): (&'static str, &'static str)| {
        (State::Initial, Some(old_en), Some(old_vi))
    };
    let [split, edit, number] = [OLD_SPLIT, OLD_EDIT, OLD_NUMBER].map(stale);
    assert_eq!(
        units,
        [
            (STALE_SPLIT, split.0, split.1, split.2),
            (MISSING_SPLIT, State::Initial, None, None),
            (STALE_EDIT, edit.0, edit.1, edit.2),
            (MISSING_ADDED, State::Initial, None, None),
            (STALE_NUMBER, number.0, number.1, number.2),
        ]
    );

    // Sent back untouched, nothing is taken for a translation.
    let untouched = day.import(&doc, "untouched.xlf").unwrap();
    assert_eq!((untouched.stored, untouched.unchanged), (0, 0));
    let ids: Vec<String> = doc.units.iter().map(|u| u.id.clone()).collect();
    assert_eq!(untouched.untranslated, ids);
    assert!(!day.check().article.passes());

    // The translator fills in every target and marks it translated.
    for unit in &mut doc.units {
        let (_, vi) = TRANSLATIONS
            .iter()
            .find(|(en, _)| *en == unit.en)
            .unwrap_or_else(|| panic!("unexpected unit {}", unit.en));
        unit.vi = Some((*vi).to_owned());
        unit.state = State::Translated;
    }
    let imported = day.import(&doc, "work.xlf").unwrap();
    assert_eq!(imported.path, day.tm());
    assert_eq!((imported.stored, imported.unchanged), (5, 0));
    assert_eq!(imported.refused, []);
    assert!(imported.untranslated.is_empty() && imported.still_initial.is_empty());
    // The stale units' old TUs, replaced under the new English's ids, are retired by the
    // import itself.
    let mut retired: Vec<&str> = imported.retired.iter().map(|r| r.en.as_str()).collect();
    retired.sort_unstable();
    let mut old = [OLD_SPLIT.0, OLD_EDIT.0, OLD_NUMBER.0];
    old.sort_unstable();
    assert_eq!(retired, old);
    // Imported again, everything is as stored.
    let again = day.import(&doc, "work.xlf").unwrap();
    assert_eq!((again.stored, again.unchanged), (0, 5));

    // Now the check passes, clean: the TUs no sentence of the article has any more (kept,
    // never deleted: the deleted sentence's, and the stale units' old translations, now
    // replaced by the new ones under the new English's ids) are retired, listed only when
    // asked.
    let checked = day.check();
    assert!(checked.article.passes());
    assert_eq!(drifted(&checked), []);
    assert_eq!(findings(&checked), []);
    let orphan = |en: &str| (Kind::Orphaned, Severity::Info, Some(en.to_owned()));
    let checked_all = check(project, &shown, &mut Vec::new()).unwrap();
    assert_eq!(
        findings(&checked_all),
        [
            orphan(OLD_SPLIT.0),
            orphan(OLD_EDIT.0),
            orphan(OLD_NUMBER.0),
            orphan(ORPHANED)
        ]
    );

    // The release: every file in the manifest with its true hash.
    let prepared = release::prepare(project, &day.release_request(), &mut Vec::new()).unwrap();
    assert!(prepared.passes() && !prepared.refused());
    let out = day.path("out");
    let manifest = prepared
        .write_folder(project, &out, Wording::default(), Version::V2_0)
        .unwrap();
    assert!(!manifest.allow_drift);
    assert!(manifest.check.passed);
    assert_eq!(manifest.check.findings, 0);
    assert_eq!(manifest.user, "lan");
    assert_eq!(
        (manifest.source_lang.as_str(), manifest.target_lang.as_str()),
        ("en", "vi")
    );
    assert_eq!(manifest.document.id, DOC);
    assert_eq!(
        manifest.document.sha256,
        sha256_hex(&std::fs::read(day.v2()).unwrap())
    );
    assert_eq!(manifest.memory.len(), 1);
    assert_eq!(manifest.memory[0].path, "tmx/seed.tmx");
    assert_eq!(
        manifest.memory[0].sha256,
        sha256_hex(&std::fs::read(day.tm()).unwrap())
    );
    let counts = &manifest.units;
    assert_eq!(
        (counts.total, counts.current, counts.stale, counts.missing),
        (22, 22, 0, 0)
    );
    let names: Vec<&str> = manifest.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "seed.v2.bilingual.html",
            "seed.v2.bilingual.md",
            "seed.v2.tmx",
            "seed.v2.vi.txt",
            "seed.v2.xlf"
        ]
    );
    for file in &manifest.files {
        let bytes = std::fs::read(out.join(&file.name)).unwrap();
        assert_eq!(file.sha256, sha256_hex(&bytes), "{}", file.name);
        assert_eq!(file.size, bytes.len() as u64, "{}", file.name);
    }
    // One format on its own is the same bytes as the folder's.
    let vi = prepared
        .file(project, SingleFormat::Vi, &Wording::default())
        .unwrap();
    assert_eq!(vi, std::fs::read(out.join("seed.v2.vi.txt")).unwrap());
    let vi = String::from_utf8(vi).unwrap();
    assert!(vi.contains("hơn 1.200 khách mời"), "{vi}");
    assert!(vi.contains("Viện Chính sách Chiến lược Úc."), "{vi}");
    assert!(!vi.contains("Cần có các đạo luật cụ thể"), "{vi}");
}

#[test]
fn drift_holds_a_release_back_unless_allowed() {
    let day = Day::revised();
    let project = &day.project;
    let held = release::prepare(project, &day.release_request(), &mut Vec::new()).unwrap();
    assert!(!held.passes());
    assert!(held.refused());
    let request = ReleaseRequest {
        allow_drift: true,
        ..day.release_request()
    };
    let allowed = release::prepare(project, &request, &mut Vec::new()).unwrap();
    assert!(!allowed.passes());
    assert!(!allowed.refused());
    let manifest = allowed
        .write_folder(project, &day.path("out"), Wording::default(), Version::V1_2)
        .unwrap();
    assert!(manifest.allow_drift);
    assert!(!manifest.check.passed);
    assert_eq!(
        manifest.check.by_kind.into_iter().collect::<Vec<_>>(),
        [(Kind::Stale, 3), (Kind::Missing, 2)]
    );
    let counts = &manifest.units;
    assert_eq!(
        (counts.total, counts.current, counts.stale, counts.missing),
        (22, 17, 3, 2)
    );
    // The Vietnamese article publishes the English where there is no translation.
    let vi = allowed
        .file(project, SingleFormat::Vi, &Wording::default())
        .unwrap();
    let vi = String::from_utf8(vi).unwrap();
    assert!(
        vi.contains(MISSING_ADDED) && vi.contains(OLD_NUMBER.1),
        "{vi}"
    );
}

#[test]
fn check_without_a_memory_is_refused() {
    let day = Day::new();
    let project = Project::new(Config::defaults(day.dir.path()), Default::default());
    let request = CheckRequest::new(day.v2());
    let error = check(&project, &request, &mut Vec::new()).unwrap_err();
    assert!(matches!(error, FlowError::NoMemory), "{error:?}");
    let error = edit::update(&project, &day.update_request(), &mut Vec::new()).unwrap_err();
    assert!(matches!(error, FlowError::NoMemory), "{error:?}");
}

#[test]
fn a_mistyped_document_id_is_unknown() {
    let day = Day::new();
    let request = CheckRequest {
        doc: Some("seed-2019-11-82".to_owned()),
        ..CheckRequest::new(day.v2())
    };
    let error = check(&day.project, &request, &mut Vec::new()).unwrap_err();
    match error {
        FlowError::DocId(DocIdError::Unknown { doc, docs }) => {
            assert_eq!(doc, "seed-2019-11-82");
            assert_eq!(docs, [DOC]);
        }
        other => panic!("{other:?}"),
    }
}

/// A request to translate unit `unit` of the revision as `vi`.
fn translate_request(day: &Day, unit: &str, vi: &str) -> TranslateRequest {
    TranslateRequest {
        doc: Some(DOC.to_owned()),
        ..TranslateRequest::new(day.v2(), unit, vi)
    }
}

#[test]
fn translate_refuses_an_unknown_unit_and_an_empty_translation() {
    let day = Day::revised();
    let before = std::fs::read(day.tm()).unwrap();
    let request = translate_request(&day, "u0000000000", "Xin chào.");
    match edit::translate(&day.project, &request).unwrap_err() {
        FlowError::NoUnit { unit } => assert_eq!(unit, "u0000000000"),
        other => panic!("{other:?}"),
    }
    let checked = day.check();
    let units = checked.article.units();
    let added = units.iter().find(|u| u.unit.text == MISSING_ADDED).unwrap();
    let request = translate_request(&day, &added.unit.id, " \n ");
    let error = edit::translate(&day.project, &request).unwrap_err();
    assert!(matches!(error, FlowError::EmptyTranslation), "{error:?}");
    assert_eq!(std::fs::read(day.tm()).unwrap(), before);
    // The same unit with a translation is stored.
    let request = translate_request(&day, &added.unit.id, TRANSLATIONS[3].1);
    let translated = edit::translate(&day.project, &request).unwrap();
    assert_eq!(translated.path, day.tm());
    assert_eq!(translated.doc, DOC);
    assert_eq!(translated.put, songngu::drift::update::Put::Added);
    let checked = day.check();
    let units = checked.article.units();
    let added = units.iter().find(|u| u.unit.text == MISSING_ADDED).unwrap();
    assert_eq!(
        (
            added.status,
            added.vi.as_deref(),
            added.vi_status.as_deref()
        ),
        (Status::Current, Some(TRANSLATIONS[3].1), Some("translated"))
    );
}

#[test]
fn a_work_file_of_another_language_or_document_is_refused() {
    let day = Day::revised();
    let before = std::fs::read(day.tm()).unwrap();
    let doc = day.work_file();
    let french = XliffDoc {
        target_lang: "fr".to_owned(),
        ..doc.clone()
    };
    match day.import(&french, "fr.xlf").unwrap_err() {
        FlowError::WorkFile(WorkFileError::Language {
            side,
            file,
            found,
            expected,
        }) => {
            assert_eq!(side, LanguageSide::Target);
            assert_eq!(file, day.path("fr.xlf"));
            assert_eq!((found.as_str(), expected.as_str()), ("fr", "vi"));
        }
        other => panic!("{other:?}"),
    }
    let other = XliffDoc {
        doc: "seed-2019-11-29".to_owned(),
        ..doc
    };
    match day.import(&other, "other.xlf").unwrap_err() {
        FlowError::WorkFile(WorkFileError::UnknownDocument { file, doc, docs }) => {
            assert_eq!(file, day.path("other.xlf"));
            assert_eq!(doc, "seed-2019-11-29");
            assert_eq!(docs, [DOC]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read(day.tm()).unwrap(), before);
}

#[test]
fn a_glossary_with_lines_that_are_not_pairs_is_refused() {
    let day = Day::new();
    let glossary = day.path("glossary.tsv");
    std::fs::write(
        &glossary,
        "Hanoi\tHà Nội\nAustralian Strategic Policy Institute\nASEAN\tASEAN\nno tab here\n",
    )
    .unwrap();
    let request = CheckRequest {
        glossary: Some(glossary.clone()),
        ..day.check_request()
    };
    match check(&day.project, &request, &mut Vec::new()).unwrap_err() {
        FlowError::Glossary { path, lines } => {
            assert_eq!(path, glossary);
            assert_eq!(lines, [2, 4]);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn align_into_the_memory_needs_a_document_and_sentences() {
    let day = Day::new();
    // The revision is not an article of the project, and no `--doc` names it.
    let error = align::storing(&day.project, &StoreRequest::new(day.tm(), day.v2())).unwrap_err();
    match error {
        FlowError::Storing(StoringError::WhichDoc { en, project }) => {
            assert_eq!(en, day.v2());
            assert_eq!(project, Some(day.path("songngu.toml")));
        }
        other => panic!("{other:?}"),
    }
    // The project's article is its document, and the author its translator.
    let storing = align::storing(
        &day.project,
        &StoreRequest::new(day.tm(), day.path(SEED_EN)),
    )
    .unwrap();
    assert_eq!((storing.doc.as_str(), storing.user.as_str()), (DOC, "lan"));
    // Two articles without a sentence.
    let (en, vi) = (day.path("empty.en.txt"), day.path("empty.vi.txt"));
    std::fs::write(&en, "\n").unwrap();
    std::fs::write(&vi, "\n\n").unwrap();
    let request = AlignRequest {
        en: en.clone(),
        vi: vi.clone(),
        segmented: false,
        glossary: None,
        lexicon: Lexicon::None,
    };
    match align::align(&day.project, &request, None, &mut Vec::new()).unwrap_err() {
        FlowError::NothingToAlign { en: e, vi: v } => assert_eq!((e, v), (en, vi)),
        other => panic!("{other:?}"),
    }
}

#[test]
fn init_does_not_replace_a_project_file() {
    let day = Day::new();
    let path = day.path("songngu.toml");
    let before = std::fs::read_to_string(&path).unwrap();
    let request = InitRequest {
        translator: Some("mai".to_owned()),
        ..Day::init_request(day.dir.path())
    };
    match init(&request).unwrap_err() {
        FlowError::ProjectExists { path: p } => assert_eq!(p, path),
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
    // With `force` it is replaced.
    let forced = InitRequest {
        force: true,
        ..request
    };
    assert_eq!(init(&forced).unwrap(), path);
    let config = Config::load(&path).unwrap();
    assert_eq!(config.translator.as_deref(), Some("mai"));
}

#[test]
fn a_damaged_memory_is_told_and_nothing_is_written_from_its_check() {
    let day = Day::new();
    let (line, column) = damaged_seed_memory(&day.tm());
    let mut notices = Vec::new();
    let request = CheckRequest {
        doc: Some(DOC.to_owned()),
        ..CheckRequest::new(day.path(SEED_EN))
    };
    let checked = check(&day.project, &request, &mut notices).unwrap();
    // The damaged TU is told as it is read...
    match notices.as_slice() {
        [Notice::MemoryProblem(problem)] => {
            assert_eq!(problem.path, day.tm());
            assert_eq!(
                (problem.problem.line, problem.problem.column),
                (line, column)
            );
            assert_eq!(problem.problem.tu_index, Some(1));
        }
        other => panic!("{other:?}"),
    }
    // ...its unit looks missing, and nothing may be written from the check.
    assert_eq!(checked.damaged, Some((day.tm(), 1)));
    assert_eq!(
        drifted(&checked),
        [(
            Status::Missing,
            "November 28, 2019 | 11:12 am GMT+7".to_owned()
        )]
    );
    match checked.refuse_damaged().unwrap_err() {
        FlowError::DamagedMemory { path, count } => assert_eq!((path, count), (day.tm(), 1)),
        other => panic!("{other:?}"),
    }
    // The flows that write from a check refuse it.
    let export = ExportRequest {
        en: day.path(SEED_EN),
        ..day.export_request()
    };
    let error = work_file::export(&day.project, &export, &mut Vec::new()).unwrap_err();
    assert!(
        matches!(error, FlowError::DamagedMemory { count: 1, .. }),
        "{error:?}"
    );
    let release = ReleaseRequest {
        en: day.path(SEED_EN),
        allow_drift: true,
        ..day.release_request()
    };
    let error = release::prepare(&day.project, &release, &mut Vec::new()).unwrap_err();
    assert!(
        matches!(error, FlowError::DamagedMemory { count: 1, .. }),
        "{error:?}"
    );
}

#[test]
fn updating_a_new_document_tells_it() {
    let day = Day::new();
    let request = UpdateRequest {
        doc: Some("seed-2019-11-29".to_owned()),
        ..day.update_request()
    };
    let mut notices = Vec::new();
    let updated = edit::update(&day.project, &request, &mut notices).unwrap();
    match notices.as_slice() {
        [Notice::NewDocument { doc, docs }] => {
            assert_eq!(doc, "seed-2019-11-29");
            assert_eq!(docs, &[DOC]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(updated.doc, "seed-2019-11-29");
    let report = &updated.report;
    assert_eq!(
        (
            report.carried,
            report.stale,
            report.missing,
            report.orphaned
        ),
        (0, 0, 22, 0)
    );
    // The known document is no news.
    let mut notices = Vec::new();
    edit::update(&day.project, &day.update_request(), &mut notices).unwrap();
    assert!(notices.is_empty(), "{notices:?}");
}

#[test]
fn an_accepted_finding_is_recorded() {
    let day = Day::revised();
    let checked = day.check();
    let number = checked
        .article
        .report
        .findings
        .iter()
        .find(|f| f.kind == Kind::Stale && f.en.as_deref() == Some(STALE_NUMBER))
        .unwrap();
    let id = number.fingerprint();
    let unit = number.unit.clone();
    let request = CheckRequest {
        accept: vec![id.clone()],
        reason: Some("the number is checked by the desk".to_owned()),
        user: Some("mai".to_owned()),
        ..day.check_request()
    };
    let checked = check(&day.project, &request, &mut Vec::new()).unwrap();
    let accepted = checked
        .article
        .report
        .findings
        .iter()
        .find(|f| f.fingerprint() == id)
        .unwrap();
    assert!(accepted.accepted.is_some(), "{accepted:?}");
    // Still failing: two stale and two missing units remain open.
    assert!(!checked.article.passes());
    let file = Accepted::load(&day.path("accepted.toml")).unwrap();
    assert_eq!(file.entries.len(), 1);
    let entry = &file.entries[0];
    assert_eq!(entry.id, id);
    assert_eq!(entry.kind, "stale");
    assert_eq!(entry.unit, unit);
    assert_eq!(entry.by, "mai");
    assert_eq!(
        entry.reason.as_deref(),
        Some("the number is checked by the desk")
    );
    // `YYYY-MM-DDThh:mm:ssZ`
    let at = entry.at.as_bytes();
    assert_eq!(
        (at.len(), at[4], at[10], at[19]),
        (20, b'-', b'T', b'Z'),
        "{}",
        entry.at
    );
    // A finding this check does not have is refused.
    let request = CheckRequest {
        accept: vec!["0000000000000000".to_owned()],
        ..day.check_request()
    };
    match check(&day.project, &request, &mut Vec::new()).unwrap_err() {
        FlowError::NoFinding { id } => assert_eq!(id, "0000000000000000"),
        other => panic!("{other:?}"),
    }
}
