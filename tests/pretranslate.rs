//! Issue 14, item 4: pre-translation as library calls. `update` with `pretranslate` fills
//! the units without translation from the memory's exact matches (of any document) and
//! from repetitions within the article, as `needs-review` with their origin; never when
//! the matches disagree, never from unconfirmed work, never as `reviewed`. The work file
//! offers the agreed exact match at score 100. The command line is tested in
//! `tests/cli/update.rs`.

use std::path::Path;

use songngu::drift::pretranslate::Origin;
use songngu::flow::edit::{self, TranslateRequest, UpdateRequest, Updated};
use songngu::flow::work_file::{self, ExportRequest};
use songngu::memory::record::{StoredUnit, props};
use songngu::memory::store::Memory;
use songngu::project::{Config, Project};
use songngu::segment::text_id;
use songngu::xliff::State;
use unic_langid::langid;

const FAIR_0: &str = "The fair opened today in Hanoi.";
const GOLD: &str = "Gold prices rose sharply this morning.";
const GOLD_VI: &str = "Giá vàng tăng mạnh trong phiên sáng nay.";

/// A TU of unit `unit` (its English `en`) of document `doc` as songngu writes it, by
/// `who` on `date`; no `<tuv xml:lang="vi">` when `vi` is `None`.
fn tu(doc: &str, unit: &str, en: &str, vi: Option<&str>, status: &str, who: &str) -> String {
    let target = vi.map_or(String::new(), |vi| {
        format!("      <tuv xml:lang=\"vi\"><seg>{vi}</seg></tuv>\n")
    });
    format!(
        "    <tu tuid=\"{doc}/{unit}\" creationdate=\"20240101T000000Z\" creationid=\"{who}\" changedate=\"20240101T000000Z\" changeid=\"{who}\">\n      <prop type=\"x-songngu-doc\">{doc}</prop>\n      <prop type=\"x-songngu-unit\">{unit}</prop>\n      <prop type=\"x-songngu-order\">0</prop>\n      <prop type=\"x-songngu-source\">{en}</prop>\n      <prop type=\"x-songngu-status\">{status}</prop>\n      <tuv xml:lang=\"en\"><seg>{en}</seg></tuv>\n{target}    </tu>\n"
    )
}

/// A TU of another document `doc` translating `en`.
fn elsewhere(doc: &str, en: &str, vi: &str, status: &str) -> String {
    tu(doc, &text_id(en), en, Some(vi), status, "minh")
}

/// A project (translator `lan`) whose article `a.en.txt` is `sentences` (document
/// `fair`, the first sentence translated) and whose memory `m.tmx` also holds `tus`.
fn project(sentences: &[&str], tus: &[String]) -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.en.txt"), sentences.join(" ") + "\n").unwrap();
    std::fs::write(
        d.join("songngu.toml"),
        "translator = \"lan\"\nmemory = [\"m.tmx\"]\n\n[[article]]\npath = \"a.en.txt\"\ndoc = \"fair\"\n",
    )
    .unwrap();
    let first = tu(
        "fair",
        &text_id(sentences[0]),
        sentences[0],
        Some("Hội chợ khai mạc hôm nay tại Hà Nội."),
        "translated",
        "lan",
    );
    std::fs::write(
        d.join("m.tmx"),
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header creationtool=\"songngu\" creationtoolversion=\"0.1.0\" segtype=\"sentence\" o-tmf=\"songngu\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n  <body>\n{first}{}  </body>\n</tmx>\n",
            tus.concat()
        ),
    )
    .unwrap();
    let config = Config::load(&d.join("songngu.toml")).unwrap();
    (dir, Project::new(config, Default::default()))
}

fn update(d: &Path, project: &Project, pretranslate: bool) -> Updated {
    let request = UpdateRequest {
        pretranslate,
        ..UpdateRequest::new(d.join("a.en.txt"))
    };
    edit::update(project, &request, &mut Vec::new()).unwrap()
}

fn memory(d: &Path) -> Memory {
    Memory::open(&[d.join("m.tmx")], langid!("en"), langid!("vi")).unwrap()
}

/// The TU of unit `unit` of `fair`, with the value of each of its props of type `kind`.
fn stored(d: &Path, unit: &str) -> (StoredUnit, impl Fn(&str) -> Option<String>) {
    let memory = memory(d);
    let found = memory
        .document_unit("fair", unit)
        .unwrap()
        .unwrap_or_else(|| panic!("no TU of {unit}"));
    let tu = memory.tu_of(found.entry).unwrap();
    (found, move |kind: &str| tu.prop(kind).map(str::to_owned))
}

#[test]
fn an_exact_match_from_another_document_fills_a_missing_unit_as_needs_review() {
    // Reviewed in the other document: the copy is still only `needs-review`.
    let (dir, project) = project(
        &[FAIR_0, GOLD],
        &[elsewhere("market", GOLD, GOLD_VI, "reviewed")],
    );
    let d = dir.path();
    let updated = update(d, &project, true);
    assert_eq!(
        (
            updated.report.pretranslated,
            updated.report.missing,
            updated.report.pretranslation_conflicts
        ),
        (1, 0, 0),
        "{:?}",
        updated.report
    );
    let filled = &updated.pretranslation.filled;
    assert_eq!(filled.len(), 1);
    assert_eq!(filled[0].found.origin, Origin::ExactMatch);
    let gold = text_id(GOLD);
    assert_eq!(filled[0].found.from, format!("market/{gold}"));

    let (unit, prop) = stored(d, &gold);
    assert_eq!(unit.vi.as_deref(), Some(GOLD_VI));
    assert_eq!(unit.status.as_deref(), Some("needs-review"));
    assert_eq!(unit.order, 1);
    assert_eq!(prop(props::ORIGIN).as_deref(), Some("exact-match"));
    assert_eq!(
        prop(props::ORIGIN_FROM),
        Some(format!("market/{gold}")),
        "the TU it was copied from"
    );
    // The one who ran `update`, not the one who made the copied translation.
    assert_eq!(unit.tuid, Some(format!("fair/{gold}")));
    let memory = memory(d);
    let tu = memory.tu_of(unit.entry).unwrap();
    assert_eq!(tu.attr("changeid"), Some("lan"));

    // A second update finds nothing left to fill (the copy is carried over like any
    // translation) and changes nothing.
    let before = std::fs::read(d.join("m.tmx")).unwrap();
    let again = update(d, &project, true);
    assert_eq!((again.report.pretranslated, again.report.carried), (0, 2));
    assert_eq!(std::fs::read(d.join("m.tmx")).unwrap(), before);
}

#[test]
fn a_repetition_within_the_article_fills_the_repeated_unit() {
    // The headline is repeated at the end; another document translates the same English
    // differently: the article's own translation wins, the other is no conflict.
    let (dir, project) = project(
        &[GOLD, FAIR_0, GOLD],
        &[elsewhere(
            "market",
            GOLD,
            "Giá vàng tăng vọt sáng nay.",
            "translated",
        )],
    );
    let d = dir.path();
    let updated = update(d, &project, true);
    assert_eq!(
        (
            updated.report.pretranslated,
            updated.report.pretranslation_conflicts
        ),
        (1, 0)
    );
    let gold = text_id(GOLD);
    let repeated = format!("{gold}-2");
    let filled = &updated.pretranslation.filled[0];
    assert_eq!(
        (filled.unit.as_str(), filled.order, filled.found.origin),
        (repeated.as_str(), 2, Origin::Repetition)
    );
    let (unit, prop) = stored(d, &repeated);
    // [`project`] stores its fixed Vietnamese as the translation of the article's first
    // sentence, here the headline: the repetition copies exactly that.
    assert_eq!(unit.status.as_deref(), Some("needs-review"));
    assert_eq!(prop(props::ORIGIN).as_deref(), Some("repetition"));
    assert_eq!(prop(props::ORIGIN_FROM), Some(format!("fair/{gold}")));
    assert_eq!(
        unit.vi.as_deref(),
        Some("Hội chợ khai mạc hôm nay tại Hà Nội.")
    );
}

#[test]
fn disagreeing_exact_matches_fill_nothing() {
    let (dir, project) = project(
        &[FAIR_0, GOLD],
        &[
            elsewhere("market", GOLD, GOLD_VI, "translated"),
            elsewhere("economy", GOLD, "Giá vàng tăng vọt sáng nay.", "reviewed"),
        ],
    );
    let d = dir.path();
    let tus = memory(d).stats().tus;
    let updated = update(d, &project, true);
    assert_eq!(
        (
            updated.report.pretranslated,
            updated.report.pretranslation_conflicts,
            updated.report.missing
        ),
        (0, 1, 1)
    );
    assert_eq!(updated.pretranslation.conflicting, [text_id(GOLD)]);
    assert!(
        memory(d)
            .document_unit("fair", &text_id(GOLD))
            .unwrap()
            .is_none()
    );
    assert_eq!(memory(d).stats().tus, tus, "nothing added");
}

#[test]
fn matches_that_differ_only_in_spacing_agree() {
    let (dir, project) = project(
        &[FAIR_0, GOLD],
        &[
            elsewhere("market", GOLD, GOLD_VI, "translated"),
            elsewhere(
                "economy",
                GOLD,
                &format!("  {}", GOLD_VI.replace(' ', "  ")),
                "translated",
            ),
        ],
    );
    let updated = update(dir.path(), &project, true);
    assert_eq!(updated.report.pretranslated, 1);
    // The first in memory order.
    assert_eq!(updated.pretranslation.filled[0].found.vi, GOLD_VI);
}

#[test]
fn unconfirmed_translations_are_never_copied() {
    // A doubtful alignment elsewhere, and an empty TU of the unit itself (exported for
    // translation, never filled): nothing to copy, nothing disagrees.
    let gold = text_id(GOLD);
    let (dir, project) = project(
        &[FAIR_0, GOLD],
        &[
            elsewhere("market", GOLD, GOLD_VI, "needs-review"),
            tu("fair", &gold, GOLD, None, "translated", "lan"),
        ],
    );
    let updated = update(dir.path(), &project, true);
    assert_eq!(
        (
            updated.report.pretranslated,
            updated.report.pretranslation_conflicts,
            updated.report.missing
        ),
        (0, 0, 1)
    );
}

#[test]
fn an_empty_tu_of_the_unit_is_filled_in_place() {
    let gold = text_id(GOLD);
    let (dir, project) = project(
        &[FAIR_0, GOLD],
        &[
            tu("fair", &gold, GOLD, None, "translated", "lan"),
            elsewhere("market", GOLD, GOLD_VI, "translated"),
        ],
    );
    let d = dir.path();
    let tus = memory(d).stats().tus;
    let updated = update(d, &project, true);
    assert_eq!(updated.report.pretranslated, 1);
    assert_eq!(memory(d).stats().tus, tus, "replaced, not added");
    let (unit, _) = stored(d, &gold);
    assert_eq!(
        (unit.vi.as_deref(), unit.status.as_deref()),
        (Some(GOLD_VI), Some("needs-review"))
    );
}

#[test]
fn without_the_request_nothing_is_filled() {
    let (dir, project) = project(
        &[FAIR_0, GOLD],
        &[elsewhere("market", GOLD, GOLD_VI, "translated")],
    );
    let d = dir.path();
    let updated = update(d, &project, false);
    assert_eq!(
        (updated.report.pretranslated, updated.report.missing),
        (0, 1)
    );
    assert!(updated.pretranslation.filled.is_empty());
    assert!(
        memory(d)
            .document_unit("fair", &text_id(GOLD))
            .unwrap()
            .is_none()
    );
}

#[test]
fn a_person_confirming_the_unit_replaces_the_origin() {
    let (dir, project) = project(
        &[FAIR_0, GOLD],
        &[elsewhere("market", GOLD, GOLD_VI, "translated")],
    );
    let d = dir.path();
    update(d, &project, true);
    let gold = text_id(GOLD);
    let request = TranslateRequest {
        status: "reviewed",
        user: Some("minh".to_owned()),
        ..TranslateRequest::new(d.join("a.en.txt"), &gold, GOLD_VI)
    };
    edit::translate(&project, &request).unwrap();
    let (unit, prop) = stored(d, &gold);
    assert_eq!(unit.status.as_deref(), Some("reviewed"));
    assert_eq!(prop(props::ORIGIN), None, "now a person's work");
    assert_eq!(prop(props::ORIGIN_FROM), None);
}

#[test]
fn the_work_file_offers_the_agreed_exact_match_at_100() {
    // First in the memory, a TU of the same English never translated: the best fuzzy hit,
    // it used to leave the unit without any suggestion.
    let (dir, project) = project(
        &[FAIR_0, GOLD],
        &[
            tu("draft", &text_id(GOLD), GOLD, None, "translated", "lan"),
            elsewhere("market", GOLD, GOLD_VI, "translated"),
        ],
    );
    let d = dir.path();
    let doc = work_file::export(
        &project,
        &ExportRequest::new(d.join("a.en.txt")),
        &mut Vec::new(),
    )
    .unwrap();
    let unit = doc.units.iter().find(|u| u.id == text_id(GOLD)).unwrap();
    assert_eq!(
        (unit.vi.as_deref(), unit.score, unit.state),
        (Some(GOLD_VI), Some(100), State::Initial),
        "a suggestion the translator confirms, not a translation"
    );
}

#[test]
fn the_work_file_offers_no_exact_match_when_they_disagree_or_are_unconfirmed() {
    for tus in [
        vec![
            elsewhere("market", GOLD, GOLD_VI, "translated"),
            elsewhere("economy", GOLD, "Giá vàng tăng vọt sáng nay.", "translated"),
        ],
        vec![elsewhere("market", GOLD, GOLD_VI, "needs-review")],
    ] {
        let (dir, project) = project(&[FAIR_0, GOLD], &tus);
        let d = dir.path();
        let doc = work_file::export(
            &project,
            &ExportRequest::new(d.join("a.en.txt")),
            &mut Vec::new(),
        )
        .unwrap();
        let unit = doc.units.iter().find(|u| u.id == text_id(GOLD)).unwrap();
        assert_ne!(unit.score, Some(100), "{unit:?}");
        assert_eq!(unit.state, State::Initial);
    }
}
