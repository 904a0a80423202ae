//! Issue 11, provenance and state: what the memory says about who did what stays true
//! through `update`, an XLIFF round trip and `align --into`; commands refuse documents and
//! languages that are not the project's instead of inventing them.

mod common;
use common::*;

use std::path::Path;

use songngu::segment::text_id;
use songngu::xliff::{self, State, Version};

/// The whole `<tu>` element of the TU `doc/unit` in the memory file.
fn tu_block(tmx: &Path, doc: &str, unit: &str) -> String {
    let wanted = format!("tuid=\"{doc}/{unit}\"");
    tu_blocks(&std::fs::read_to_string(tmx).unwrap())
        .into_iter()
        .find(|b| b.lines().next().is_some_and(|l| l.contains(&wanted)))
        .unwrap_or_else(|| panic!("no TU {wanted} in {}", tmx.display()))
}

/// The `<tu>` elements of a TMX text, each from its start tag to its end tag.
fn tu_blocks(text: &str) -> Vec<String> {
    text.split("    <tu ")
        .skip(1)
        .map(|b| format!("    <tu {}", &b[..b.find("</tu>").expect("closed") + 5]))
        .collect()
}

/// One TU of document `doc` as songngu writes it, dated 2024-01-01 by `who`. `status`
/// and `confidence` are left out when `None`.
fn unit_tu(
    doc: &str,
    order: usize,
    en: &str,
    vi: &str,
    status: Option<&str>,
    confidence: Option<&str>,
    who: &str,
) -> String {
    let unit = text_id(en);
    let mut props = format!(
        "      <prop type=\"x-songngu-doc\">{doc}</prop>\n      <prop type=\"x-songngu-unit\">{unit}</prop>\n      <prop type=\"x-songngu-order\">{order}</prop>\n      <prop type=\"x-songngu-source\">{en}</prop>\n"
    );
    if let Some(status) = status {
        props.push_str(&format!(
            "      <prop type=\"x-songngu-status\">{status}</prop>\n"
        ));
    }
    if let Some(confidence) = confidence {
        props.push_str(&format!(
            "      <prop type=\"x-songngu-confidence\">{confidence}</prop>\n"
        ));
    }
    format!(
        "    <tu tuid=\"{doc}/{unit}\" creationdate=\"20240101T000000Z\" creationid=\"{who}\" changedate=\"20240101T000000Z\" changeid=\"{who}\">\n{props}      <tuv xml:lang=\"en\">\n        <seg>{en}</seg>\n      </tuv>\n      <tuv xml:lang=\"vi\">\n        <seg>{vi}</seg>\n      </tuv>\n    </tu>\n"
    )
}

/// A TMX file as songngu writes it, holding `tus`.
fn memory_file(tus: &[String]) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header creationtool=\"songngu\" creationtoolversion=\"0.1.0\" segtype=\"sentence\" o-tmf=\"songngu\" adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n  <body>\n{}  </body>\n</tmx>\n",
        tus.concat()
    )
}

/// The sentences of the article `a.en.txt` of the test projects.
const FAIR: [&str; 5] = [
    "The fair opened today in Hanoi.",
    "It has 45 stands from ten provinces.",
    "Tickets are free for children.",
    "The weather was fine all week.",
    "Lunch is served at noon.",
];

/// A project (translator `lan`) with the article `a.en.txt` as document `fair` and a
/// memory `m.tmx` where, by unit: 0 is a doubtful alignment (`needs-review`, with the
/// aligner's confidence), 1 is stale (translated from "40 stands"), 2 was reviewed by
/// `minh`, 3 came from another tool without a status, 4 is not translated.
fn state_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.en.txt"), FAIR.join(" ") + "\n").unwrap();
    std::fs::write(
        d.join("songngu.toml"),
        "translator = \"lan\"\nmemory = [\"m.tmx\"]\n\n[[article]]\npath = \"a.en.txt\"\ndoc = \"fair\"\n",
    )
    .unwrap();
    let tus = [
        unit_tu(
            "fair",
            0,
            FAIR[0],
            "Giá vàng tăng mạnh trong phiên sáng nay.",
            Some("needs-review"),
            Some("0.412"),
            "lan",
        ),
        unit_tu(
            "fair",
            1,
            "It has 40 stands from ten provinces.",
            "Hội chợ có 40 gian hàng từ mười tỉnh.",
            Some("translated"),
            None,
            "lan",
        ),
        unit_tu(
            "fair",
            2,
            FAIR[2],
            "Trẻ em được vào cửa miễn phí.",
            Some("reviewed"),
            None,
            "minh",
        ),
        unit_tu(
            "fair",
            3,
            FAIR[3],
            "Trời đẹp suốt cả tuần.",
            None,
            None,
            "omegat",
        ),
    ];
    std::fs::write(d.join("m.tmx"), memory_file(&tus)).unwrap();
    dir
}

fn version_of(name: &str) -> Version {
    match name {
        "2.0" => Version::V2_0,
        _ => Version::V1_2,
    }
}

fn export_all(d: &Path, version: &str) -> xliff::XliffDoc {
    let (code, text) = run_in(
        d,
        &[
            "xliff",
            "export",
            "a.en.txt",
            "-o",
            "w.xlf",
            "--all",
            "--xliff-version",
            version,
        ],
    );
    assert_eq!(code, 0, "{text}");
    let bytes = std::fs::read(d.join("w.xlf")).unwrap();
    xliff::read(&d.join("w.xlf"), &bytes).unwrap()
}

fn write_xliff(d: &Path, doc: &xliff::XliffDoc, version: &str) {
    let mut bytes = Vec::new();
    xliff::write(doc, version_of(version), &mut bytes).unwrap();
    std::fs::write(d.join("w.xlf"), bytes).unwrap();
}

// --- item 9: `update` ------------------------------------------------------------------

/// Regression (issue 11, item 9): `update --user bob` rewrote `changeid`/`changedate` on
/// TUs that only moved, so the memory named bob as the translator of lan's work.
#[test]
fn update_keeps_who_changed_a_unit_that_only_moved() {
    let dir = state_project();
    let d = dir.path();
    // A sentence added at the top moves every unit down by one.
    std::fs::write(
        d.join("a.en.txt"),
        format!("Welcome to the fair. {}\n", FAIR.join(" ")),
    )
    .unwrap();
    let (code, text) = run_in(d, &["update", "a.en.txt", "--user", "bob"]);
    assert_eq!(code, 0, "{text}");
    assert!(
        text.contains("3 translations carried over (3 moved)"),
        "{text}"
    );
    let tmx = d.join("m.tmx");
    for (en, order, who) in [
        (FAIR[0], 1, "lan"),
        (FAIR[2], 3, "minh"),
        (FAIR[3], 4, "omegat"),
    ] {
        let block = tu_block(&tmx, "fair", &text_id(en));
        assert!(
            block.contains(&format!("<prop type=\"x-songngu-order\">{order}</prop>")),
            "{block}"
        );
        let tag = tu_tag(&tmx, "fair", &text_id(en));
        assert!(
            tag.contains(&format!(
                "changedate=\"20240101T000000Z\" changeid=\"{who}\""
            )),
            "moving is no change of the translation: {tag}"
        );
        assert!(!block.contains("bob"), "{block}");
    }
    // The doubtful alignment keeps its confidence and status.
    let block = tu_block(&tmx, "fair", &text_id(FAIR[0]));
    assert!(
        block.contains("x-songngu-confidence\">0.412<")
            && block.contains("x-songngu-status\">needs-review<"),
        "{block}"
    );
}

// --- item 10: XLIFF states round trip ---------------------------------------------------

/// Regression (issue 11, item 10): an untouched `xliff export --all` + `xliff import`
/// promoted `needs-review` alignments to `translated` (dropping their confidence),
/// demoted `reviewed` to `translated`, and named the importer as the changer. Now the
/// states go out as the memory has them, and a file sent back untouched changes nothing,
/// byte for byte, in both versions.
#[test]
fn an_untouched_xliff_round_trip_leaves_the_memory_byte_identical() {
    for version in ["2.0", "1.2"] {
        let dir = state_project();
        let d = dir.path();
        let before = std::fs::read(d.join("m.tmx")).unwrap();
        let doc = export_all(d, version);
        let states: Vec<(&str, State)> =
            doc.units.iter().map(|u| (u.id.as_str(), u.state)).collect();
        let id = |i: usize| text_id(FAIR[i]);
        assert_eq!(
            states,
            [
                (id(0).as_str(), State::NeedsReview),
                (id(1).as_str(), State::Initial),
                (id(2).as_str(), State::Reviewed),
                (id(3).as_str(), State::Translated),
                (id(4).as_str(), State::Initial),
            ],
            "{version}"
        );
        let file = std::fs::read_to_string(d.join("w.xlf")).unwrap();
        let (review, reviewed) = if version == "2.0" {
            (
                "<segment state=\"initial\" subState=\"songngu:needs-review\">",
                "<segment state=\"reviewed\">",
            )
        } else {
            (
                "<target state=\"needs-review-translation\">Giá vàng",
                "<target state=\"signed-off\">Trẻ em",
            )
        };
        assert!(
            file.contains(review) && file.contains(reviewed),
            "{version}: {file}"
        );
        let (code, text) = run_in(d, &["xliff", "import", "w.xlf", "--user", "bob"]);
        assert_eq!(code, 0, "{version}: {text}");
        assert!(
            text.contains("0 translations stored, 3 unchanged, 2 not translated, 0 refused"),
            "{version}: {text}"
        );
        assert!(
            std::fs::read(d.join("m.tmx")).unwrap() == before,
            "{version}: the memory changed:\n{}",
            std::fs::read_to_string(d.join("m.tmx")).unwrap()
        );
    }
}

/// Item 10: a unit the translator edited gets the new text, the state the file gives and
/// the importer as changer (keeping who created it); every other TU stays byte for byte.
#[test]
fn an_xliff_round_trip_with_one_edit_changes_only_that_tu() {
    for version in ["2.0", "1.2"] {
        let dir = state_project();
        let d = dir.path();
        let tmx = d.join("m.tmx");
        let before = std::fs::read_to_string(&tmx).unwrap();
        let mut doc = export_all(d, version);
        let review = text_id(FAIR[0]);
        // The doubtful alignment corrected, still marked for review.
        doc.units[0].vi = Some("Hội chợ khai mạc hôm nay tại Hà Nội.".into());
        assert_eq!(doc.units[0].state, State::NeedsReview);
        write_xliff(d, &doc, version);
        let (code, text) = run_in(d, &["xliff", "import", "w.xlf", "--user", "bob"]);
        assert_eq!(code, 0, "{version}: {text}");
        assert!(
            text.contains("1 translations stored, 2 unchanged, 2 not translated"),
            "{version}: {text}"
        );
        let after = std::fs::read_to_string(&tmx).unwrap();
        let (old, new) = (tu_blocks(&before), tu_blocks(&after));
        assert_eq!(old.len(), new.len(), "{version}: {after}");
        let edited = format!("tuid=\"fair/{review}\"");
        for (o, n) in old.iter().zip(&new) {
            if o.contains(&edited) {
                continue;
            }
            assert_eq!(o, n, "{version}: only the edited TU may change");
        }
        let block = tu_block(&tmx, "fair", &review);
        assert!(
            block.contains("<seg>Hội chợ khai mạc hôm nay tại Hà Nội.</seg>")
                && block.contains("x-songngu-status\">needs-review<")
                && block.contains("creationid=\"lan\"")
                && block.contains("creationdate=\"20240101T000000Z\"")
                && block.contains("changeid=\"bob\"")
                && !block.contains("changedate=\"20240101T000000Z\""),
            "{version}: {block}"
        );
        // Its confidence was the aligner's judgement of the old text: it went with it.
        assert!(!block.contains("x-songngu-confidence"), "{block}");

        // Next the reviewer confirms it (state only): a change of status is a change.
        let mut doc = export_all(d, version);
        assert_eq!(doc.units[0].state, State::NeedsReview, "{version}");
        doc.units[0].state = State::Reviewed;
        write_xliff(d, &doc, version);
        let (code, text) = run_in(d, &["xliff", "import", "w.xlf", "--user", "minh"]);
        assert_eq!(code, 0, "{version}: {text}");
        let block = tu_block(&tmx, "fair", &review);
        assert!(
            block.contains("x-songngu-status\">reviewed<") && block.contains("changeid=\"minh\""),
            "{version}: {block}"
        );
    }
}

/// Item 10: other tools' review states come in as `needs-review`: 1.2
/// `needs-review-translation` (without our stale qualifier), 2.0 `initial` with our
/// `subState`; a `final` target is reviewed.
#[test]
fn review_states_from_a_tool_are_stored_as_such() {
    let dir = state_project();
    let d = dir.path();
    let missing = text_id(FAIR[4]);
    let stale = text_id(FAIR[1]);
    let file = format!(
        "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n <file original=\"fair\" source-language=\"en-US\" target-language=\"vi-VN\" datatype=\"plaintext\">\n  <body>\n   <trans-unit id=\"{missing}\"><source>{}</source><target state=\"needs-review-translation\">Bữa trưa được phục vụ lúc giữa trưa.</target></trans-unit>\n   <trans-unit id=\"{stale}\"><source>{}</source><target state=\"final\">Hội chợ có 45 gian hàng từ mười tỉnh.</target></trans-unit>\n  </body>\n </file>\n</xliff>\n",
        FAIR[4], FAIR[1]
    );
    std::fs::write(d.join("t.xlf"), file).unwrap();
    let (code, text) = run_in(d, &["xliff", "import", "t.xlf", "--user", "bob"]);
    assert_eq!(code, 0, "{text}");
    let tmx = d.join("m.tmx");
    assert!(tu_block(&tmx, "fair", &missing).contains("x-songngu-status\">needs-review<"));
    assert!(tu_block(&tmx, "fair", &stale).contains("x-songngu-status\">reviewed<"));
}

// --- item 11: `align --into` and the project --------------------------------------------

/// Regression (issue 11, item 11): `align --into` needed `--doc` although `songngu.toml`
/// maps the article to a document, and recorded `SONGNGU_USER` (or `songngu`) instead of
/// the project's translator. It also wrote `en`/`vi` whatever the project's languages.
#[test]
fn align_into_takes_the_document_and_translator_from_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("a.en.txt"),
        "The fair opened today in Hanoi. Tickets are free for children.\n",
    )
    .unwrap();
    std::fs::write(
        d.join("a.vi.txt"),
        "Hội chợ khai mạc hôm nay tại Hà Nội. Trẻ em được vào cửa miễn phí.\n",
    )
    .unwrap();
    std::fs::write(d.join("b.en.txt"), "Lunch is served at noon.\n").unwrap();
    std::fs::write(d.join("b.vi.txt"), "Bữa trưa phục vụ lúc giữa trưa.\n").unwrap();
    std::fs::write(
        d.join("songngu.toml"),
        "source = \"en-GB\"\ntranslator = \"lan.nguyen\"\nmemory = [\"m.tmx\"]\n\n[[article]]\npath = \"a.en.txt\"\ndoc = \"fair\"\n",
    )
    .unwrap();
    let (code, text) = run_in(d, &["align", "a.en.txt", "a.vi.txt", "--into", "m.tmx"]);
    assert_eq!(code, 0, "{text}");
    let tmx = d.join("m.tmx");
    let unit = text_id("The fair opened today in Hanoi.");
    let tag = tu_tag(&tmx, "fair", &unit);
    assert!(
        tag.contains("creationid=\"lan.nguyen\"") && tag.contains("changeid=\"lan.nguyen\""),
        "{tag}"
    );
    let block = tu_block(&tmx, "fair", &unit);
    assert!(
        block.contains("<prop type=\"x-songngu-doc\">fair</prop>")
            && block.contains("<tuv xml:lang=\"en-GB\">"),
        "{block}"
    );
    // `--user` and `--doc` still win.
    let (code, text) = run_in(
        d,
        &[
            "align", "b.en.txt", "b.vi.txt", "--into", "m.tmx", "--doc", "lunch", "--user", "bob",
        ],
    );
    assert_eq!(code, 0, "{text}");
    let tag = tu_tag(&tmx, "lunch", &text_id("Lunch is served at noon."));
    assert!(tag.contains("creationid=\"bob\""), "{tag}");
    // An article the project does not list needs `--doc`: never the memory's only
    // document, which would mix two articles.
    let before = std::fs::read(&tmx).unwrap();
    std::fs::write(d.join("songngu.toml"), "memory = [\"m.tmx\"]\n").unwrap();
    let (code, text) = run_in(d, &["align", "b.en.txt", "b.vi.txt", "--into", "m.tmx"]);
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("which document are these pairs? give `--doc ID`, or list `b.en.txt` as an `[[article]]` in"),
        "{text}"
    );
    assert_eq!(std::fs::read(&tmx).unwrap(), before);
}

// --- item 12: unknown documents, wrong languages, empty ids -----------------------------

/// Regression (issue 11, item 12): an XLIFF file whose `original` named an unknown
/// document silently created it.
#[test]
fn xliff_import_refuses_a_document_neither_memory_nor_project_knows() {
    for version in ["2.0", "1.2"] {
        let dir = state_project();
        let d = dir.path();
        let before = std::fs::read(d.join("m.tmx")).unwrap();
        let mut doc = export_all(d, version);
        doc.doc = "fiar".into();
        doc.units[4].vi = Some("Bữa trưa lúc giữa trưa.".into());
        doc.units[4].state = State::Translated;
        write_xliff(d, &doc, version);
        let (code, text) = run_in(d, &["xliff", "import", "w.xlf", "--en", "a.en.txt"]);
        assert_eq!(code, 2, "{version}: {text}");
        assert!(
            text.contains("songngu: error: `w.xlf` is for document `fiar`, which neither the memory nor the project knows; nothing was imported")
                && text.contains("the memory holds: fair"),
            "{version}: {text}"
        );
        assert_eq!(std::fs::read(d.join("m.tmx")).unwrap(), before);
        // An empty `original` names no document at all.
        doc.doc = " ".into();
        write_xliff(d, &doc, version);
        let (code, text) = run_in(d, &["xliff", "import", "w.xlf", "--en", "a.en.txt"]);
        assert_eq!(code, 2, "{version}: {text}");
        assert!(text.contains("`w.xlf` names no document"), "{text}");
        assert_eq!(std::fs::read(d.join("m.tmx")).unwrap(), before);
    }
}

/// Regression (issue 11, item 12): files in other languages were imported as Vietnamese.
/// Tags match by BCP 47 prefix: `en-US` is the project's `en`.
#[test]
fn xliff_import_refuses_languages_that_are_not_the_projects() {
    for version in ["2.0", "1.2"] {
        let dir = state_project();
        let d = dir.path();
        let before = std::fs::read(d.join("m.tmx")).unwrap();
        let mut doc = export_all(d, version);
        doc.units[4].vi = Some("Bữa trưa lúc giữa trưa.".into());
        doc.units[4].state = State::Translated;
        for (source, target, error) in [
            (
                "fr",
                "vi",
                "`w.xlf` is from `fr`, but the project's English is `en`; nothing was imported",
            ),
            (
                "en",
                "th",
                "`w.xlf` is into `th`, but the project's Vietnamese is `vi`; nothing was imported",
            ),
            (
                "en-US",
                "vie",
                "`w.xlf` is into `vie`, but the project's Vietnamese is `vi`",
            ),
        ] {
            doc.source_lang = source.into();
            doc.target_lang = target.into();
            write_xliff(d, &doc, version);
            let (code, text) = run_in(d, &["xliff", "import", "w.xlf"]);
            assert_eq!(code, 2, "{version} {source} {target}: {text}");
            assert!(text.contains(error), "{version}: {text}");
            assert_eq!(std::fs::read(d.join("m.tmx")).unwrap(), before);
        }
        doc.source_lang = "en-US".into();
        doc.target_lang = "vi-VN".into();
        write_xliff(d, &doc, version);
        let (code, text) = run_in(d, &["xliff", "import", "w.xlf"]);
        assert_eq!(code, 0, "{version}: {text}");
        assert!(text.contains("1 translations stored"), "{version}: {text}");
    }
}

/// Regression (issue 11, item 12): `tm export --doc nonexistent` wrote an empty file and
/// exited 0.
#[test]
fn tm_export_of_an_unknown_document_writes_nothing_and_names_the_documents() {
    let dir = state_project();
    let d = dir.path();
    let mut tus = vec![unit_tu("fair", 0, FAIR[0], "Một.", None, None, "lan")];
    for n in 0..25 {
        tus.push(unit_tu(
            &format!("doc{n:02}"),
            0,
            FAIR[1],
            "Hai.",
            None,
            None,
            "lan",
        ));
    }
    std::fs::write(d.join("big.tmx"), memory_file(&tus)).unwrap();
    let (code, text) = run_in(
        d,
        &["tm", "export", "m.tmx", "-o", "out.tmx", "--doc", "nope"],
    );
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("songngu: error: `m.tmx` has no document `nope`; nothing was written (its document: fair)"),
        "{text}"
    );
    assert!(!d.join("out.tmx").exists());
    // An output that exists is left as it was.
    std::fs::write(d.join("out.tmx"), "keep me").unwrap();
    let (code, text) = run_in(
        d,
        &["tm", "export", "big.tmx", "-o", "out.tmx", "--doc", "nope"],
    );
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains("its 26 documents: doc00, doc01,") && text.contains("doc19, 6 more)"),
        "{text}"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("out.tmx")).unwrap(),
        "keep me"
    );
    // The Vietnamese interface says it too.
    let output = songngu("vi")
        .current_dir(d)
        .args(["tm", "export", "m.tmx", "-o", "out.tmx", "--doc", "nope"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr).contains("không có tài liệu `nope`; không ghi gì"),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // A document that is there still exports.
    let (code, text) = run_in(
        d,
        &["tm", "export", "m.tmx", "-o", "out.tmx", "--doc", "fair"],
    );
    assert_eq!(code, 0, "{text}");
    assert_eq!(count_tus_in(&d.join("out.tmx")), 4);
}

/// Regression (issue 11, item 12): `translate --doc ""` stored a document with an empty
/// id. Every `--doc` and the project file refuse empty and blank ids.
#[test]
fn empty_document_ids_are_refused_everywhere() {
    let dir = state_project();
    let d = dir.path();
    let tmx = d.join("m.tmx");
    let before = std::fs::read(&tmx).unwrap();
    std::fs::write(d.join("a.vi.txt"), "Hội chợ khai mạc hôm nay tại Hà Nội.\n").unwrap();
    let unit = text_id(FAIR[4]);
    for blank in ["", "  ", "\t"] {
        let commands: Vec<Vec<&str>> = vec![
            vec![
                "translate",
                "a.en.txt",
                "--unit",
                &unit,
                "--vi",
                "Bữa trưa.",
                "--doc",
                blank,
            ],
            vec!["update", "a.en.txt", "--doc", blank],
            vec!["check", "a.en.txt", "--doc", blank],
            vec!["xliff", "export", "a.en.txt", "-o", "w.xlf", "--doc", blank],
            vec![
                "export", "a.en.txt", "--to", "vi", "-o", "a.vi.out", "--doc", blank,
            ],
            vec!["tm", "export", "m.tmx", "-o", "out.tmx", "--doc", blank],
            vec![
                "align", "a.en.txt", "a.vi.txt", "--into", "m.tmx", "--doc", blank,
            ],
        ];
        for args in commands {
            let (code, text) = run_in(d, &args);
            assert_eq!(code, 2, "{args:?}: {text}");
            assert!(
                text.contains(
                    "songngu: error: `--doc` needs a document id; an empty or blank one is refused"
                ),
                "{args:?}: {text}"
            );
            assert_eq!(std::fs::read(&tmx).unwrap(), before, "{args:?}");
        }
    }
    for output in ["w.xlf", "a.vi.out", "out.tmx"] {
        assert!(!d.join(output).exists(), "{output}");
    }
    // In the project file, with where it is.
    std::fs::write(
        d.join("songngu.toml"),
        "memory = [\"m.tmx\"]\n\n[[article]]\npath = \"a.en.txt\"\ndoc = \" \"\n",
    )
    .unwrap();
    let (code, text) = run_in(d, &["check", "a.en.txt"]);
    assert_eq!(code, 2, "{text}");
    assert!(
        text.contains(
            "songngu.toml:5:7: an `[[article]]` needs a document id; `doc` is empty or blank"
        ),
        "{text}"
    );
    // `init` makes no such project.
    std::fs::remove_file(d.join("songngu.toml")).unwrap();
    let (code, text) = run_in(d, &["init", "--article", " =a.en.txt"]);
    assert_eq!(code, 2, "{text}");
    assert!(!d.join("songngu.toml").exists());
}

/// Regression (issue 11, smaller): a returned unit whose id is not in the article, on
/// English that is, was refused with "the English changed: was X, now X", X the same.
#[test]
fn xliff_import_says_a_unit_id_is_not_in_the_article() {
    let dir = state_project();
    let d = dir.path();
    let mut doc = export_all(d, "2.0");
    doc.units[4].id = "ulunch".into();
    doc.units[4].vi = Some("Bữa trưa lúc giữa trưa.".into());
    doc.units[4].state = State::Translated;
    write_xliff(d, &doc, "2.0");
    let (code, text) = run_in(d, &["xliff", "import", "w.xlf"]);
    assert_eq!(code, 1, "{text}");
    assert!(
        text.contains(&format!(
            "unit ulunch: not in the current article (no unit has this id; its English “{}” is unit {}); not imported",
            FAIR[4],
            text_id(FAIR[4])
        )),
        "{text}"
    );
    assert!(!text.contains("the English changed"), "{text}");
    assert!(
        !std::fs::read_to_string(d.join("m.tmx"))
            .unwrap()
            .contains("Bữa trưa"),
    );
}
