//! The flows of `songngu tm ...` called as a library (`songngu::flow::tm`): typed requests
//! in, typed results out, problems of the memory read told through the notices.
mod common;
use common::*;

use std::path::{Path, PathBuf};

use songngu::flow::tm::Languages;
use songngu::flow::tm::compact::{CompactRequest, Compacted, compact};
use songngu::flow::tm::copy::{self, ConvertRequest, Copied, ExportRequest};
use songngu::flow::tm::import::{ImportRequest, import};
use songngu::flow::tm::lookup::{self, ConcordanceRequest, LookupRequest, concordance, lookup};
use songngu::flow::tm::stats;
use songngu::flow::{FlowError, Notice};
use songngu::fsio::ReadOnly;
use songngu::memory::concordance::SearchOptions;
use songngu::memory::import::DuplicatePolicy;
use songngu::memory::persist::PersistError;
use songngu::memory::store::MemoryError;
use songngu::project::DocIdError;
use songngu::tmx::Severity;

/// [`PAIRS`] with the English `<tuv>` of the second TU stripped of its `xml:lang`: a
/// damaged TU that readers skip and tell.
fn damaged_memory() -> String {
    let text = tmx_doc(PAIRS);
    let second = text.match_indices("<tu ").nth(1).unwrap().0;
    let at = second + text[second..].find("<tuv xml:lang=\"en\">").unwrap();
    format!(
        "{}<tuv>{}",
        &text[..at],
        &text[at + "<tuv xml:lang=\"en\">".len()..]
    )
}

/// The path of each notice that tells a problem of a memory file, with its severity.
fn told_problems(notices: &[Notice]) -> Vec<(PathBuf, Severity)> {
    notices
        .iter()
        .filter_map(|notice| match notice {
            Notice::MemoryProblem(p) => Some((p.path.clone(), p.problem.severity)),
            Notice::NewDocument { .. } => None,
        })
        .collect()
}

fn import_request(file: &Path, into: &Path) -> ImportRequest {
    ImportRequest {
        file: file.to_owned(),
        into: into.to_owned(),
        dry_run: false,
        duplicates: DuplicatePolicy::KeepNewest,
        wait: true,
        read_only: ReadOnly::Refuse,
        languages: Languages::default(),
    }
}

/// Holds the lock of the memory file `tm` as another songngu process would.
fn hold_lock(tm: &Path) -> std::fs::File {
    let lock = std::fs::File::create(songngu::memory::persist::lock_path(tm)).unwrap();
    lock.lock().unwrap();
    lock
}

fn is_locked(error: &FlowError) -> bool {
    matches!(
        error,
        FlowError::Memory(MemoryError::Persist(PersistError::Locked { .. }))
    )
}

#[test]
fn stats_counts_tus_languages_and_props() {
    let doc = tmx_doc(PAIRS).replacen(
        "<tuv xml:lang=\"en\">",
        "<prop type=\"x-songngu-doc\">seed</prop><tuv xml:lang=\"en\">",
        1,
    );
    let (_dir, tm) = temp_file("m.tmx", doc.as_bytes());
    let inspected = stats::stats(&tm).unwrap();
    let stats = &inspected.stats;
    assert_eq!((stats.tus, stats.tuvs, stats.notes), (3, 6, 0));
    assert_eq!(stats.languages.get("en"), Some(&3));
    assert_eq!(stats.languages.get("vi"), Some(&3));
    assert_eq!(stats.props.get("x-songngu-doc"), Some(&1));
    assert_eq!((stats.problems, stats.errors), (0, 0));
    assert_eq!(stats.journal, None);
    assert!(inspected.problems.is_empty());
}

#[test]
fn validate_lists_the_warnings_that_stats_only_counts() {
    let doc = tmx_doc(PAIRS).replace(
        "<header creationtool=\"test\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"test\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>",
        "<header srclang=\"en\"/>",
    );
    let (_dir, tm) = temp_file("w.tmx", doc.as_bytes());
    let counted = stats::stats(&tm).unwrap();
    assert!(counted.stats.problems > 0);
    assert_eq!(counted.stats.errors, 0);
    assert!(counted.problems.is_empty(), "stats lists damaged TUs only");
    let validated = stats::validate(&tm).unwrap();
    assert_eq!(validated.problems.len(), validated.stats.problems);
    assert!(validated.problems.iter().all(|p| p.path == tm));
    assert!(
        validated
            .problems
            .iter()
            .all(|p| p.problem.severity == Severity::Warning)
    );
}

#[test]
fn stats_of_a_damaged_memory_counts_the_rest_and_lists_the_damaged_tu() {
    let (_dir, tm) = temp_file("d.tmx", damaged_memory().as_bytes());
    let inspected = stats::stats(&tm).unwrap();
    assert_eq!((inspected.stats.tus, inspected.stats.errors), (2, 1));
    assert_eq!(inspected.problems.len(), 1);
    assert_eq!(inspected.problems[0].problem.severity, Severity::Error);
}

#[test]
fn convert_writes_the_readable_tus_and_tells_the_damaged_one() {
    let (dir, tm) = temp_file("d.tmx", damaged_memory().as_bytes());
    let out = dir.path().join("out.tmx");
    let request = ConvertRequest {
        input: tm.clone(),
        output: out.clone(),
        protected: Vec::new(),
        read_only: ReadOnly::Refuse,
    };
    let mut notices = Vec::new();
    let mut stdout = Vec::new();
    let copied = copy::convert(&request, &mut stdout, &mut notices).unwrap();
    assert_eq!(
        copied,
        Copied {
            tus: 2,
            damaged: true
        }
    );
    assert_eq!(count_tus_in(&out), 2);
    assert!(stdout.is_empty(), "a file output leaves stdout alone");
    assert_eq!(told_problems(&notices), vec![(tm, Severity::Error)]);
}

#[test]
fn convert_to_standard_output_writes_to_the_writer_given() {
    let (_dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let request = ConvertRequest {
        input: tm,
        output: PathBuf::from("-"),
        protected: Vec::new(),
        read_only: ReadOnly::Refuse,
    };
    let mut stdout = Vec::new();
    let copied = copy::convert(&request, &mut stdout, &mut Vec::new()).unwrap();
    assert_eq!(copied.tus, 3);
    let written = String::from_utf8(stdout).unwrap();
    assert_eq!(written.matches("<tu ").count(), 3);
    assert!(written.contains("Nguyễn Thanh Hùng"));
}

#[test]
fn convert_refuses_to_write_over_its_input() {
    let (_dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let before = std::fs::read(&tm).unwrap();
    let request = ConvertRequest {
        input: tm.clone(),
        output: tm.clone(),
        protected: Vec::new(),
        read_only: ReadOnly::Refuse,
    };
    let error = copy::convert(&request, &mut Vec::new(), &mut Vec::new()).unwrap_err();
    assert!(matches!(error, FlowError::Output(_)), "{error:?}");
    assert_eq!(std::fs::read(&tm).unwrap(), before);
}

/// [`PAIRS`] filed under the documents `seed`, `other`, `seed`.
fn two_documents() -> String {
    let mut doc = tmx_doc(PAIRS);
    for id in ["seed", "other", "seed"] {
        let at = doc
            .match_indices("<tuv xml:lang=\"en\">")
            .map(|(at, _)| at)
            .find(|&at| !doc[..at].ends_with("</prop>"))
            .unwrap();
        doc.insert_str(at, &format!("<prop type=\"x-songngu-doc\">{id}</prop>"));
    }
    doc
}

fn export_request(tm: &Path, doc: &str, output: &Path) -> ExportRequest {
    ExportRequest {
        tm: tm.to_owned(),
        doc: Some(doc.to_owned()),
        output: output.to_owned(),
        protected: Vec::new(),
        read_only: ReadOnly::Refuse,
        for_omegat: false,
    }
}

#[test]
fn export_writes_only_the_documents_tus() {
    let (dir, tm) = temp_file("m.tmx", two_documents().as_bytes());
    let out = dir.path().join("seed.tmx");
    let copied = copy::export(
        &export_request(&tm, "seed", &out),
        &mut Vec::new(),
        &mut Vec::new(),
    )
    .unwrap();
    assert_eq!(copied.tus, 2);
    assert!(!copied.damaged);
    assert_eq!(count_tus_in(&out), 2);
    assert!(!std::fs::read_to_string(&out).unwrap().contains(">other<"));
}

#[test]
fn export_of_an_unknown_document_names_the_memorys_and_writes_nothing() {
    let (dir, tm) = temp_file("m.tmx", two_documents().as_bytes());
    let out = dir.path().join("typo.tmx");
    let request = export_request(&tm, "sed", &out);
    let error = copy::export(&request, &mut Vec::new(), &mut Vec::new()).unwrap_err();
    match error {
        FlowError::NoSuchDocument { path, doc, docs } => {
            assert_eq!((path, doc.as_str()), (tm, "sed"));
            assert_eq!(docs, ["other", "seed"]);
        }
        other => panic!("{other:?}"),
    }
    assert!(!out.exists());
    let blank = export_request(&dir.path().join("m.tmx"), " ", &out);
    let error = copy::export(&blank, &mut Vec::new(), &mut Vec::new()).unwrap_err();
    assert!(
        matches!(error, FlowError::DocId(DocIdError::Empty { .. })),
        "{error:?}"
    );
}

fn lookup_request(tm: &Path, queries: Vec<String>) -> LookupRequest {
    LookupRequest {
        tm: tm.to_owned(),
        queries,
        min: 50,
        limit: 5,
        languages: Languages::default(),
    }
}

#[test]
fn lookup_answers_each_query_in_order_best_match_first() {
    let (_dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let file = format!(
        "{}\n\n  \nDeputy Minister Nguyen attended the conference.\n",
        PAIRS[1].0
    );
    let queries: Vec<String> = lookup::queries(&file).collect();
    assert_eq!(queries.len(), 2, "blank lines are no queries");
    let mut notices = Vec::new();
    let looked_up = lookup(&lookup_request(&tm, queries), &mut notices).unwrap();
    assert!(!looked_up.damaged);
    assert!(notices.is_empty());
    let [exact, fuzzy] = &looked_up.answers[..] else {
        panic!("{:?}", looked_up.answers);
    };
    assert_eq!(exact.query, PAIRS[1].0);
    assert_eq!(exact.matches[0].found.score, 100);
    assert_eq!(exact.matches[0].found.target.as_deref(), Some(PAIRS[1].1));
    let best = &fuzzy.matches[0];
    assert!(best.found.score < 100 && best.found.score >= 50);
    assert_eq!(best.found.source, PAIRS[0].0);
    assert!(
        best.diff
            .iter()
            .any(|part| part.kind == songngu::memory::fuzzy::DiffKind::Insert
                && part.text.contains("Thanh")),
        "the match has words the query lacks: {:?}",
        best.diff
    );
}

#[test]
fn lookup_without_a_query_is_refused() {
    let (_dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let error = lookup(&lookup_request(&tm, Vec::new()), &mut Vec::new()).unwrap_err();
    assert!(matches!(error, FlowError::NoQuery), "{error:?}");
}

#[test]
fn lookup_in_a_damaged_memory_answers_and_tells_the_damaged_tu() {
    let (_dir, tm) = temp_file("d.tmx", damaged_memory().as_bytes());
    let mut notices = Vec::new();
    let request = lookup_request(&tm, vec![PAIRS[0].0.to_owned()]);
    let looked_up = lookup(&request, &mut notices).unwrap();
    assert!(looked_up.damaged);
    assert_eq!(looked_up.answers[0].matches[0].found.score, 100);
    assert_eq!(told_problems(&notices), vec![(tm, Severity::Error)]);
}

#[test]
fn concordance_finds_a_phrase_without_its_diacritics_only_when_asked() {
    let (_dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let request = |diacritic_insensitive| ConcordanceRequest {
        tm: tm.clone(),
        phrase: String::from("Nguyen Thanh Hung"),
        in_target: true,
        options: SearchOptions {
            diacritic_insensitive,
            case_sensitive: false,
        },
        limit: 20,
        languages: Languages::default(),
    };
    let strict = concordance(&request(false), &mut Vec::new()).unwrap();
    assert!(strict.hits.is_empty());
    let loose = concordance(&request(true), &mut Vec::new()).unwrap();
    assert_eq!(loose.hits.len(), 1);
    assert_eq!(loose.hits[0].source, PAIRS[0].0);
    assert!(!loose.damaged);
}

#[test]
fn import_counts_a_dry_run_without_writing_then_merges() {
    let (dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let foreign = dir.path().join("f.tmx");
    let new = ("The fair opened today.", "Hội chợ khai mạc hôm nay.");
    std::fs::write(&foreign, tmx_doc(&[PAIRS[0], new])).unwrap();
    let before = std::fs::read(&tm).unwrap();
    let dry_run = ImportRequest {
        dry_run: true,
        ..import_request(&foreign, &tm)
    };
    let counted = import(&dry_run, &mut Vec::new()).unwrap();
    let report = &counted.report;
    assert_eq!((report.tus, report.added, report.duplicates), (2, 1, 1));
    assert_eq!(
        std::fs::read(&tm).unwrap(),
        before,
        "a dry run writes nothing"
    );
    let imported = import(&import_request(&foreign, &tm), &mut Vec::new()).unwrap();
    assert_eq!(imported.report.added, 1);
    assert!(!imported.damaged_input);
    assert_eq!(count_tus_in(&tm), 4);
}

#[test]
fn import_of_a_damaged_file_imports_the_rest_and_tells_the_damaged_tu() {
    let (dir, tm) = temp_file("m.tmx", tmx_doc(&PAIRS[..1]).as_bytes());
    let foreign = dir.path().join("d.tmx");
    std::fs::write(&foreign, damaged_memory()).unwrap();
    let mut notices = Vec::new();
    let imported = import(&import_request(&foreign, &tm), &mut notices).unwrap();
    assert!(imported.damaged_input);
    assert_eq!(imported.report.problems.len(), 1);
    assert_eq!(told_problems(&notices), vec![(foreign, Severity::Error)]);
    assert_eq!(count_tus_in(&tm), 2, "the third pair is added");
}

#[test]
fn import_into_a_damaged_memory_is_refused_also_for_a_dry_run() {
    let (dir, tm) = temp_file("d.tmx", damaged_memory().as_bytes());
    let foreign = dir.path().join("f.tmx");
    std::fs::write(&foreign, tmx_doc(&PAIRS[..1])).unwrap();
    let before = std::fs::read(&tm).unwrap();
    for dry_run in [true, false] {
        let request = ImportRequest {
            dry_run,
            ..import_request(&foreign, &tm)
        };
        let error = import(&request, &mut Vec::new()).unwrap_err();
        assert!(
            matches!(
                error,
                FlowError::Memory(MemoryError::DamagedTus { count: 1, .. })
            ),
            "{error:?}"
        );
    }
    assert_eq!(std::fs::read(&tm).unwrap(), before);
}

#[test]
fn import_into_a_locked_memory_fails_at_once_without_waiting() {
    let (dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let foreign = dir.path().join("f.tmx");
    std::fs::write(&foreign, tmx_doc(&PAIRS[..1])).unwrap();
    let _held = hold_lock(&tm);
    let request = ImportRequest {
        wait: false,
        ..import_request(&foreign, &tm)
    };
    let error = import(&request, &mut Vec::new()).unwrap_err();
    assert!(is_locked(&error), "{error:?}");
}

fn compact_request(tm: &Path) -> CompactRequest {
    CompactRequest {
        tm: tm.to_owned(),
        wait: false,
        read_only: ReadOnly::Refuse,
    }
}

#[test]
fn compact_of_a_memory_without_journal_has_nothing_to_do() {
    let (_dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let before = std::fs::read(&tm).unwrap();
    assert_eq!(
        compact(&compact_request(&tm)).unwrap(),
        Compacted::NoJournal
    );
    assert_eq!(std::fs::read(&tm).unwrap(), before);
}

#[test]
fn compact_writes_the_journal_into_the_tmx() {
    let (dir, tm) = temp_file("m.tmx", big_memory(8_000).as_bytes());
    let foreign = dir.path().join("f.tmx");
    std::fs::write(&foreign, tmx_doc(&PAIRS[..1])).unwrap();
    import(&import_request(&foreign, &tm), &mut Vec::new()).unwrap();
    let journal = songngu::memory::journal::path_for(&tm);
    assert!(journal.exists(), "a save into a big memory is journaled");
    let compacted = compact(&compact_request(&tm)).unwrap();
    assert_eq!(
        compacted,
        Compacted::Written {
            journal: journal.clone(),
            changes: 1
        }
    );
    assert!(!journal.exists());
    assert_eq!(count_tus_in(&tm), 8_001);
}

#[test]
fn compact_refuses_a_missing_a_locked_and_a_damaged_memory() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.tmx");
    let error = compact(&compact_request(&missing)).unwrap_err();
    assert!(
        matches!(&error, FlowError::ReadMemoryFile { path, .. } if *path == missing),
        "{error:?}"
    );
    assert!(!missing.exists(), "nothing is made in its place");

    let locked = dir.path().join("m.tmx");
    std::fs::write(&locked, tmx_doc(PAIRS)).unwrap();
    let held = hold_lock(&locked);
    let error = compact(&compact_request(&locked)).unwrap_err();
    assert!(is_locked(&error), "{error:?}");
    drop(held);

    let damaged = dir.path().join("d.tmx");
    std::fs::write(&damaged, damaged_memory()).unwrap();
    let error = compact(&compact_request(&damaged)).unwrap_err();
    assert!(
        matches!(error, FlowError::Memory(MemoryError::DamagedTus { .. })),
        "{error:?}"
    );
}

/// A project in `dir` whose memory is `tmx/news.tmx` (not written).
fn project_in(dir: &Path) -> songngu::project::Project {
    let file = dir.join("songngu.toml");
    let config = songngu::project::Config::parse(&file, "memory = [\"tmx/news.tmx\"]\n").unwrap();
    songngu::project::Project::new(config, Default::default())
}

#[test]
fn memory_files_are_those_given_else_the_projects_that_exist() {
    let dir = tempfile::tempdir().unwrap();
    let project = project_in(dir.path());
    let error = songngu::flow::tm::memory_files(&[], &project).unwrap_err();
    let FlowError::NoMemoryToRead {
        project: file,
        listed,
    } = &error
    else {
        panic!("{error:?}");
    };
    assert_eq!(
        file.as_deref(),
        Some(dir.path().join("songngu.toml").as_path())
    );
    assert_eq!(listed, &[dir.path().join("tmx/news.tmx")]);
    let given = [dir.path().join("other.tmx")];
    let files = songngu::flow::tm::memory_files(&given, &project).unwrap();
    assert_eq!(files, given, "what is given is read, written or not");
    std::fs::create_dir(dir.path().join("tmx")).unwrap();
    std::fs::write(dir.path().join("tmx/news.tmx"), tmx_doc(PAIRS)).unwrap();
    let files = songngu::flow::tm::memory_files(&[], &project).unwrap();
    assert_eq!(files, [dir.path().join("tmx/news.tmx")]);
}

#[test]
fn lookup_in_several_memories_reads_them_as_one() {
    let (dir, first) = temp_file("a.tmx", tmx_doc(&PAIRS[..1]).as_bytes());
    let second = dir.path().join("b.tmx");
    std::fs::write(&second, tmx_doc(&PAIRS[1..])).unwrap();
    let request = lookup_request(&first, vec![PAIRS[0].0.to_owned(), PAIRS[1].0.to_owned()]);
    let looked_up = lookup::lookup_in(&[first, second], &request, &mut Vec::new()).unwrap();
    for (answer, pair) in looked_up.answers.iter().zip(PAIRS) {
        assert_eq!(answer.matches[0].found.score, 100);
        assert_eq!(answer.matches[0].found.target.as_deref(), Some(pair.1));
    }
}

#[test]
fn lookup_diff_parts_read_as_checks_the_match_being_the_old_text() {
    use songngu::drift::report::DiffOp;
    let (_dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let query = "The event attracted more than 1,200 guests.";
    let request = LookupRequest {
        min: 60,
        ..lookup_request(&tm, vec![query.to_owned()])
    };
    let looked_up = lookup(&request, &mut Vec::new()).unwrap();
    let best = &looked_up.answers[0].matches[0];
    let parts = best.diff_parts();
    let side = |skip: DiffOp| -> String {
        let kept = parts.iter().filter(|p| p.op != skip);
        kept.map(|p| p.text).collect()
    };
    assert_eq!(
        side(DiffOp::Insert),
        best.found.source,
        "old: the match's source"
    );
    assert_eq!(side(DiffOp::Delete), query, "new: the query");
}

#[test]
fn the_projects_memory_to_read_is_its_one_file_and_to_write_its_first() {
    use songngu::flow::tm::{project_memory_to_read, project_memory_to_write};
    let dir = tempfile::tempdir().unwrap();
    let project = project_in(dir.path());
    let memory = dir.path().join("tmx/news.tmx");
    // Not written yet: nothing to read, but an import may write it.
    let error = project_memory_to_read(&project).unwrap_err();
    assert!(
        matches!(&error, FlowError::NoMemoryToRead { listed, .. } if *listed == [memory.clone()]),
        "{error:?}"
    );
    assert_eq!(project_memory_to_write(&project).unwrap(), memory);
    std::fs::create_dir(dir.path().join("tmx")).unwrap();
    std::fs::write(&memory, tmx_doc(PAIRS)).unwrap();
    assert_eq!(project_memory_to_read(&project).unwrap(), memory);

    // Two files: which one to read is the user's to say; the first is written.
    let file = dir.path().join("songngu.toml");
    let text = "memory = [\"tmx/news.tmx\", \"tmx/old.tmx\"]\n";
    let config = songngu::project::Config::parse(&file, text).unwrap();
    let two = songngu::project::Project::new(config, Default::default());
    std::fs::write(dir.path().join("tmx/old.tmx"), tmx_doc(PAIRS)).unwrap();
    let error = project_memory_to_read(&two).unwrap_err();
    assert!(
        matches!(&error, FlowError::SeveralMemories { paths, .. } if paths.len() == 2),
        "{error:?}"
    );
    assert_eq!(project_memory_to_write(&two).unwrap(), memory);

    // None listed.
    let config = songngu::project::Config::parse(&file, "").unwrap();
    let none = songngu::project::Project::new(config, Default::default());
    let error = project_memory_to_write(&none).unwrap_err();
    assert!(
        matches!(&error, FlowError::NoMemoryToRead { listed, .. } if listed.is_empty()),
        "{error:?}"
    );
}
