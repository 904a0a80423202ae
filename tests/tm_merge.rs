//! `tm merge` called as a library (`songngu::flow::tm::merge`): the three-way merge of
//! memory files by TU identity, rule by rule.
mod common;

use std::fs;
use std::path::{Path, PathBuf};

use songngu::flow::tm::merge::{
    CONFLICT_PROP, Conflict, ConflictKind, ConflictRecord, MergeError, MergeRecord, MergeRequest,
    MergeSummary, Merged, TuIdentity, merge,
};
use songngu::flow::tm::stats;
use songngu::flow::{FlowError, Notice};
use songngu::fsio::{FsError, Input, ReadOnly, Role};
use songngu::memory::persist::{self, LockWait, PersistError};
use songngu::tmx::{TmxReader, Tu};

/// A TU of unit `unit` of document `doc`, as songngu writes them.
fn unit(doc: &str, unit: &str, en: &str, vi: &str) -> String {
    unit_dated(doc, unit, en, vi, "20240101T000000Z")
}

fn unit_dated(doc: &str, unit: &str, en: &str, vi: &str, date: &str) -> String {
    format!(
        "    <tu tuid=\"{doc}/{unit}\" changedate=\"{date}\" changeid=\"lan\">\n      \
         <prop type=\"x-songngu-doc\">{doc}</prop>\n      \
         <prop type=\"x-songngu-unit\">{unit}</prop>\n      \
         <tuv xml:lang=\"en\"><seg>{en}</seg></tuv>\n      \
         <tuv xml:lang=\"vi\"><seg>{vi}</seg></tuv>\n    </tu>\n"
    )
}

/// A TU known by its `tuid` alone.
fn by_tuid(tuid: &str, en: &str, vi: &str) -> String {
    format!(
        "    <tu tuid=\"{tuid}\">\n      <tuv xml:lang=\"en\"><seg>{en}</seg></tuv>\n      \
         <tuv xml:lang=\"vi\"><seg>{vi}</seg></tuv>\n    </tu>\n"
    )
}

/// A TU known by its source text alone.
fn by_source(en: &str, vi: &str) -> String {
    format!(
        "    <tu>\n      <tuv xml:lang=\"en\"><seg>{en}</seg></tuv>\n      \
         <tuv xml:lang=\"vi\"><seg>{vi}</seg></tuv>\n    </tu>\n"
    )
}

fn tmx(tool: &str, tus: &[String]) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header \
         creationtool=\"{tool}\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"songngu\" \
         adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n  <body>\n{}  </body>\n</tmx>\n",
        tus.concat()
    )
}

fn a() -> String {
    unit("news", "p1.s1", "The river rose.", "Nước sông dâng.")
}
fn b() -> String {
    unit("news", "p1.s2", "Schools closed.", "Trường học đóng cửa.")
}
fn c() -> String {
    unit("news", "p2.s1", "Roads were cut.", "Đường bị chia cắt.")
}

struct Files {
    dir: tempfile::TempDir,
    base: PathBuf,
    ours: PathBuf,
    theirs: PathBuf,
}

impl Files {
    fn new(base: &[String], ours: &[String], theirs: &[String]) -> Files {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, tool: &str, tus: &[String]| {
            let path = dir.path().join(name);
            fs::write(&path, tmx(tool, tus)).unwrap();
            path
        };
        Files {
            base: write("base.tmx", "base", base),
            ours: write("ours.tmx", "ours", ours),
            theirs: write("theirs.tmx", "theirs", theirs),
            dir,
        }
    }

    fn out(&self) -> PathBuf {
        self.dir.path().join("out.tmx")
    }

    fn request(&self, output: &Path) -> MergeRequest {
        MergeRequest {
            base: self.base.clone(),
            ours: self.ours.clone(),
            theirs: self.theirs.clone(),
            output: output.to_owned(),
            protected: Vec::new(),
            read_only: ReadOnly::Refuse,
            wait: false,
        }
    }

    /// Merges into `out.tmx`: the result and the TUs written.
    fn merge(&self) -> (Merged, Vec<Tu>) {
        let merged =
            merge(&self.request(&self.out()), &mut Vec::new(), &mut Vec::new()).expect("merges");
        (merged, read_tus(&self.out()))
    }
}

fn read_tus(path: &Path) -> Vec<Tu> {
    let mut reader = TmxReader::open(path).unwrap();
    let mut tus = Vec::new();
    while let Some(record) = reader.next_tu().unwrap() {
        tus.push(record.tu);
    }
    tus
}

fn vi_of(tu: &Tu) -> String {
    tu.tuv(&"vi".parse().unwrap()).unwrap().seg.plain_text()
}

/// Each TU as `unit: Vietnamese [conflict mark]`.
fn summary(tus: &[Tu]) -> Vec<String> {
    tus.iter()
        .map(|tu| {
            let name = tu
                .prop("x-songngu-unit")
                .or(tu.attr("tuid"))
                .unwrap_or("-")
                .to_owned();
            match tu.prop(CONFLICT_PROP) {
                Some(mark) => format!("{name}: {} [{mark}]", vi_of(tu)),
                None => format!("{name}: {}", vi_of(tu)),
            }
        })
        .collect()
}

fn unit_id(unit: &str) -> TuIdentity {
    TuIdentity::Unit {
        doc: "news".into(),
        unit: unit.into(),
    }
}

#[test]
fn a_tu_only_one_side_changed_takes_that_side() {
    let ours_a = unit("news", "p1.s1", "The river rose.", "Nước sông lên cao.");
    let theirs_c = unit(
        "news",
        "p2.s1",
        "Roads were cut.",
        "Nhiều tuyến đường bị cắt.",
    );
    let files = Files::new(&[a(), b(), c()], &[ours_a, b(), c()], &[a(), b(), theirs_c]);
    let (merged, tus) = files.merge();
    assert_eq!(
        summary(&tus),
        [
            "p1.s1: Nước sông lên cao.",
            "p1.s2: Trường học đóng cửa.",
            "p2.s1: Nhiều tuyến đường bị cắt."
        ]
    );
    assert!(merged.is_clean());
    assert_eq!(
        (
            merged.kept,
            merged.from_ours,
            merged.from_theirs,
            merged.tus
        ),
        (1, 1, 1, 3)
    );
}

#[test]
fn both_sides_additions_are_kept_ours_in_place_then_theirs_in_their_order() {
    let d = unit("news", "p1.s3", "Power failed.", "Mất điện.");
    let e = unit("news", "p3.s1", "Aid arrived.", "Hàng cứu trợ đã tới.");
    let f = by_tuid("extra-1", "Thanks.", "Cảm ơn.");
    let files = Files::new(
        &[a(), b(), c()],
        &[a(), b(), d, c()],
        &[e, a(), b(), c(), f],
    );
    let (merged, tus) = files.merge();
    let names: Vec<String> = summary(&tus)
        .iter()
        .map(|s| s.split(':').next().unwrap().to_owned())
        .collect();
    assert_eq!(
        names,
        ["p1.s1", "p1.s2", "p1.s3", "p2.s1", "p3.s1", "extra-1"]
    );
    assert_eq!((merged.added, merged.kept), (3, 3));
    assert!(merged.is_clean());
}

#[test]
fn the_same_addition_on_both_sides_is_kept_once() {
    let d = unit("news", "p1.s3", "Power failed.", "Mất điện.");
    let files = Files::new(&[a()], &[a(), d.clone()], &[a(), d]);
    let (merged, tus) = files.merge();
    assert_eq!(tus.len(), 2);
    assert_eq!(merged.added, 1);
    assert!(merged.is_clean());
}

#[test]
fn a_tu_deleted_on_one_side_and_unchanged_on_the_other_is_deleted() {
    let files = Files::new(&[a(), b(), c()], &[b(), c()], &[a(), b()]);
    let (merged, tus) = files.merge();
    assert_eq!(summary(&tus), ["p1.s2: Trường học đóng cửa."]);
    assert_eq!((merged.deleted, merged.kept), (2, 1));
    assert!(merged.is_clean());
}

#[test]
fn a_tu_deleted_on_one_side_and_changed_on_the_other_is_kept_as_a_conflict() {
    let theirs_a = unit("news", "p1.s1", "The river rose.", "Nước sông lên cao.");
    let ours_c = unit(
        "news",
        "p2.s1",
        "Roads were cut.",
        "Nhiều tuyến đường bị cắt.",
    );
    let files = Files::new(&[a(), b(), c()], &[b(), ours_c], &[theirs_a, b()]);
    let (merged, tus) = files.merge();
    assert_eq!(
        summary(&tus),
        [
            "p1.s2: Trường học đóng cửa.",
            "p2.s1: Nhiều tuyến đường bị cắt. [deleted-by-theirs]",
            "p1.s1: Nước sông lên cao. [deleted-by-ours]",
        ]
    );
    assert_eq!(
        merged.conflicts,
        [
            Conflict {
                identity: unit_id("p2.s1"),
                kind: ConflictKind::DeletedByTheirs
            },
            Conflict {
                identity: unit_id("p1.s1"),
                kind: ConflictKind::DeletedByOurs
            },
        ]
    );
    assert_eq!(merged.deleted, 0);
}

#[test]
fn a_tu_changed_differently_on_both_sides_keeps_both_versions_marked() {
    let ours_b = unit("news", "p1.s2", "Schools closed.", "Các trường đóng cửa.");
    let theirs_b = unit("news", "p1.s2", "Schools closed.", "Trường học nghỉ.");
    let files = Files::new(&[a(), b(), c()], &[a(), ours_b], &[a(), theirs_b, c()]);
    let (merged, tus) = files.merge();
    assert_eq!(
        summary(&tus),
        [
            "p1.s1: Nước sông dâng.",
            "p1.s2: Các trường đóng cửa. [ours]",
            "p1.s2: Trường học nghỉ. [theirs]",
        ]
    );
    assert_eq!(
        merged.conflicts,
        [Conflict {
            identity: unit_id("p1.s2"),
            kind: ConflictKind::BothChanged
        }]
    );
    // c: deleted by ours, unchanged by theirs.
    assert_eq!((merged.deleted, merged.kept, merged.tus), (1, 1, 3));
    assert!(!merged.is_clean());
    // Both versions are a memory that validates.
    let inspected = stats::validate(&files.out()).unwrap();
    assert_eq!(inspected.stats.problems, 0, "{:?}", inspected.problems);
}

#[test]
fn the_same_tu_added_differently_on_both_sides_is_a_conflict() {
    let ours_d = unit("news", "p1.s3", "Power failed.", "Mất điện.");
    let theirs_d = unit("news", "p1.s3", "Power failed.", "Cúp điện.");
    let files = Files::new(&[a()], &[a(), ours_d], &[a(), theirs_d]);
    let (merged, tus) = files.merge();
    assert_eq!(
        summary(&tus)[1..],
        ["p1.s3: Mất điện. [ours]", "p1.s3: Cúp điện. [theirs]"]
    );
    assert_eq!(merged.conflicts[0].kind, ConflictKind::BothChanged);
}

#[test]
fn the_same_change_on_both_sides_at_other_times_is_no_conflict() {
    let ours_a = unit_dated(
        "news",
        "p1.s1",
        "The river rose.",
        "Nước lên.",
        "20250101T000000Z",
    );
    let theirs_a = unit_dated(
        "news",
        "p1.s1",
        "The river rose.",
        "Nước lên.",
        "20250202T000000Z",
    );
    let files = Files::new(&[a()], &[ours_a], &[theirs_a]);
    let (merged, tus) = files.merge();
    assert!(merged.is_clean());
    assert_eq!(tus[0].attr("changedate"), Some("20250101T000000Z"));
    assert_eq!(merged.kept, 1);
}

#[test]
fn identity_is_document_and_unit_else_tuid_else_the_normalized_source() {
    // Theirs renamed the TU (tuid) of a unit and changed its English: still that unit.
    let theirs_a = unit(
        "news",
        "p1.s1",
        "The river rose fast.",
        "Nước sông dâng nhanh.",
    )
    .replace("tuid=\"news/p1.s1\"", "tuid=\"renamed\"");
    // Ours changed the English of a TU known by its tuid: still that TU.
    let t_base = by_tuid("t7", "Hello.", "Xin chào.");
    let t_ours = by_tuid("t7", "Hello there.", "Xin chào các bạn.");
    // Ours wrote the source of a TU without tuid with other white space (and NFD): the
    // same source.
    let s_base = by_source("Việt Nam won.", "Việt Nam thắng.");
    let s_theirs = by_source("  Vie\u{323}\u{302}t   Nam won. ", "Việt Nam đã thắng.");
    let files = Files::new(
        &[a(), t_base.clone(), s_base.clone()],
        &[a(), t_ours, s_base],
        &[theirs_a, t_base, s_theirs],
    );
    let (merged, tus) = files.merge();
    assert_eq!(
        summary(&tus),
        [
            "p1.s1: Nước sông dâng nhanh.",
            "t7: Xin chào các bạn.",
            "-: Việt Nam đã thắng."
        ]
    );
    assert_eq!((merged.from_ours, merged.from_theirs), (1, 2));
    assert!(merged.is_clean());
}

#[test]
fn several_tus_of_one_identity_are_matched_in_their_order() {
    let old = unit("news", "p1.s1", "The river rose.", "Bản cũ.");
    let new_ours = unit("news", "p1.s1", "The river rose.", "Bản mới.");
    let files = Files::new(&[old.clone(), a()], &[old.clone(), new_ours], &[old, a()]);
    let (merged, tus) = files.merge();
    assert_eq!(summary(&tus), ["p1.s1: Bản cũ.", "p1.s1: Bản mới."]);
    assert_eq!((merged.kept, merged.from_ours), (1, 1));
}

#[test]
fn the_output_is_deterministic_has_ours_header_and_validates() {
    let ours_b = unit("news", "p1.s2", "Schools closed.", "Các trường đóng cửa.");
    let theirs_b = unit("news", "p1.s2", "Schools closed.", "Trường học nghỉ.");
    let e = unit("news", "p3.s1", "Aid arrived.", "Hàng cứu trợ đã tới.");
    let files = Files::new(&[a(), b()], &[a(), ours_b], &[a(), theirs_b, e]);
    files.merge();
    let first = fs::read(files.out()).unwrap();
    let again = files.dir.path().join("again.tmx");
    merge(&files.request(&again), &mut Vec::new(), &mut Vec::new()).unwrap();
    assert_eq!(first, fs::read(&again).unwrap());
    let mut stdout = Vec::new();
    let dash = Path::new("-");
    merge(&files.request(dash), &mut stdout, &mut Vec::new()).unwrap();
    assert_eq!(first, stdout);
    let reader = TmxReader::open(&files.out()).unwrap();
    assert_eq!(reader.header().attr("creationtool"), Some("ours"));
    let inspected = stats::validate(&files.out()).unwrap();
    assert_eq!(inspected.stats.problems, 0, "{:?}", inspected.problems);
    assert_eq!(inspected.stats.tus, 4);
}

#[test]
fn the_output_may_be_ours_itself() {
    let ours_a = unit("news", "p1.s1", "The river rose.", "Nước sông lên cao.");
    let theirs_c = unit(
        "news",
        "p2.s1",
        "Roads were cut.",
        "Nhiều tuyến đường bị cắt.",
    );
    let files = Files::new(&[a(), b(), c()], &[ours_a, b(), c()], &[a(), b(), theirs_c]);
    let expected = {
        files.merge();
        fs::read(files.out()).unwrap()
    };
    let merged = merge(
        &files.request(&files.ours),
        &mut Vec::new(),
        &mut Vec::new(),
    )
    .unwrap();
    assert!(merged.is_clean());
    assert_eq!(fs::read(&files.ours).unwrap(), expected);
}

#[test]
fn the_output_is_never_base_or_theirs() {
    let files = Files::new(&[a()], &[b()], &[c()]);
    for input in [&files.base, &files.theirs] {
        let before = fs::read(input).unwrap();
        let error = merge(&files.request(input), &mut Vec::new(), &mut Vec::new()).unwrap_err();
        assert!(
            matches!(&error, FlowError::Output(FsError::SameAsInput { .. })),
            "{error:?}"
        );
        assert_eq!(fs::read(input).unwrap(), before);
    }
}

#[test]
fn an_input_with_damaged_tus_is_refused_and_nothing_written() {
    let damaged = a().replace("<tuv xml:lang=\"en\">", "<tuv>");
    let files = Files::new(&[a(), b()], &[damaged, b()], &[a(), b()]);
    let mut notices = Vec::new();
    let error = merge(&files.request(&files.out()), &mut Vec::new(), &mut notices).unwrap_err();
    assert!(
        matches!(&error, FlowError::DamagedMemory { path, count: 1 } if *path == files.ours),
        "{error:?}"
    );
    assert!(
        notices
            .iter()
            .any(|n| matches!(n, Notice::MemoryProblem(p) if p.path == files.ours))
    );
    assert!(!files.out().exists());
}

#[test]
fn an_output_with_a_journal_is_refused() {
    let files = Files::new(&[a()], &[a()], &[a()]);
    let journal = files.dir.path().join("ours.tmx.journal");
    fs::write(&journal, "not read").unwrap();
    let before = fs::read(&files.ours).unwrap();
    let error = merge(
        &files.request(&files.ours),
        &mut Vec::new(),
        &mut Vec::new(),
    )
    .unwrap_err();
    assert!(
        matches!(&error, FlowError::Merge(MergeError::OutputHasJournal { journal: j, .. }) if *j == journal),
        "{error:?}"
    );
    assert_eq!(fs::read(&files.ours).unwrap(), before);
}

/// Another writer (a `translate`) holds the output's lock: `--no-wait` fails at once,
/// naming the holder, and writes nothing; once the lock is free the merge runs.
#[test]
fn a_merge_into_a_locked_output_fails_at_once_without_waiting() {
    let files = Files::new(&[a()], &[a(), b()], &[a(), c()]);
    let held = persist::lock(&files.ours, LockWait::Fail).unwrap();
    let before = fs::read(&files.ours).unwrap();
    let error = merge(
        &files.request(&files.ours),
        &mut Vec::new(),
        &mut Vec::new(),
    )
    .unwrap_err();
    assert!(
        matches!(&error, FlowError::WriteOutput(PersistError::Locked { path, .. }) if *path == files.ours),
        "{error:?}"
    );
    assert_eq!(fs::read(&files.ours).unwrap(), before);
    drop(held);
    let merged = merge(
        &files.request(&files.ours),
        &mut Vec::new(),
        &mut Vec::new(),
    )
    .unwrap();
    assert!(merged.is_clean());
    assert!(
        !persist::lock_path(&files.ours).exists(),
        "the lock goes with the merge"
    );
}

/// A merge into a memory that another writer is saving waits for its lock, then reads
/// what the writer saved: the writer's translation and theirs are both in the result
/// (before, the merge read OURS at once and the writer's save then replaced the merge, or
/// the other way round).
#[test]
fn a_merge_into_a_memory_being_written_waits_and_keeps_what_the_writer_saved() {
    let files = Files::new(&[a()], &[a()], &[a(), c()]);
    let held = persist::lock(&files.ours, LockWait::Fail).unwrap();
    let request = MergeRequest {
        wait: true,
        ..files.request(&files.ours)
    };
    let merging = std::thread::spawn(move || merge(&request, &mut Vec::new(), &mut Vec::new()));
    // Give the merge time to start, so that without a lock it would read OURS now. With
    // the lock it cannot read before the writer is done, however long this takes.
    std::thread::sleep(std::time::Duration::from_millis(300));
    fs::write(&files.ours, tmx("ours", &[a(), b()])).unwrap();
    drop(held);
    let merged = merging
        .join()
        .unwrap()
        .expect("merges once the writer is done");
    assert!(merged.is_clean());
    assert_eq!(
        summary(&read_tus(&files.ours)),
        [
            "p1.s1: Nước sông dâng.",
            "p1.s2: Trường học đóng cửa.",
            "p2.s1: Đường bị chia cắt."
        ]
    );
}

/// OURS may be a protected file (the project's memory) when it is the output: a merge in
/// place. Any other output that is the project's memory is still refused.
#[test]
fn the_projects_memory_may_be_merged_in_place_and_never_overwritten_otherwise() {
    let files = Files::new(&[a()], &[a(), b()], &[a(), c()]);
    let protected = vec![Input::new(&files.ours, Role::Memory)];
    let in_place = MergeRequest {
        protected: protected.clone(),
        ..files.request(&files.ours)
    };
    let merged = merge(&in_place, &mut Vec::new(), &mut Vec::new()).unwrap();
    assert_eq!(merged.tus, 3);
    assert_eq!(read_tus(&files.ours).len(), 3);

    let memory = files.dir.path().join("memory.tmx");
    fs::write(&memory, tmx("memory", &[a()])).unwrap();
    let over = MergeRequest {
        protected: vec![Input::new(&memory, Role::Memory)],
        ..files.request(&memory)
    };
    let error = merge(&over, &mut Vec::new(), &mut Vec::new()).unwrap_err();
    assert!(
        matches!(
            &error,
            FlowError::Output(FsError::SameAsInput {
                role: Role::Memory,
                ..
            })
        ),
        "{error:?}"
    );
    assert_eq!(read_tus(&memory).len(), 1);
}

/// The JSON Lines of `--format json`: one record per conflict in the output's order, each
/// naming its TU by the fields of its identity, then the summary; they read back as the
/// documented types.
#[test]
fn merge_records_name_each_conflict_then_sum_up() {
    let ours = [
        unit("news", "p1.s1", "The river rose.", "Nước sông lên cao."),
        by_tuid("t-7", "Bridges held.", "Cầu vẫn vững."),
    ];
    let theirs = [
        unit("news", "p1.s1", "The river rose.", "Sông dâng nước."),
        by_source("Roads were cut.", "Nhiều tuyến đường bị cắt."),
    ];
    let base = [
        a(),
        by_tuid("t-7", "Bridges held.", "Cầu đứng vững."),
        by_source("Roads were cut.", "Đường bị chia cắt."),
    ];
    let files = Files::new(&base, &ours, &theirs);
    let (merged, _) = files.merge();
    let records = merged.records(&files.out());
    let lines: Vec<String> = records
        .iter()
        .map(|r| serde_json::to_string(r).unwrap())
        .collect();
    assert_eq!(
        lines[0],
        r#"{"conflict":{"kind":"both-changed","doc":"news","unit":"p1.s1"}}"#
    );
    assert_eq!(
        lines[1],
        r#"{"conflict":{"kind":"deleted-by-theirs","tuid":"t-7"}}"#
    );
    assert_eq!(
        lines[2],
        r#"{"conflict":{"kind":"deleted-by-ours","source":"Roads were cut."}}"#
    );
    let read: Vec<MergeRecord> = lines
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(read, records);
    assert_eq!(
        read[3],
        MergeRecord::Summary(MergeSummary {
            output: files.out(),
            clean: false,
            tus: 4,
            kept: 0,
            from_ours: 0,
            from_theirs: 0,
            added: 0,
            deleted: 0,
            conflicts: 3,
        })
    );
    assert!(matches!(
        &read[1],
        MergeRecord::Conflict(ConflictRecord {
            kind: ConflictKind::DeletedByTheirs,
            ..
        })
    ));
}
