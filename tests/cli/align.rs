//! `songngu align`: links between the English and Vietnamese sentences, printed or stored
//! into a memory, and the warnings when the two sides may not be the same article.

use std::path::Path;

use predicates::str::contains;

use crate::common::*;

fn tsv_links(out: &str) -> Vec<(String, String)> {
    out.lines()
        .map(|line| {
            let (en, vi) = line.split_once('\t').expect("two columns");
            (en.to_owned(), vi.to_owned())
        })
        .collect()
}

#[test]
fn align_pairs_the_bundled_translation_one_to_one() {
    let out = stdout_of(songngu("en").args(["align", SEED_EN, SEED_VI, "--format", "tsv"]));
    let links = tsv_links(&out);
    assert_eq!(links.len(), 21);
    for (i, (en, vi)) in links.iter().enumerate() {
        assert_eq!(
            (en.as_str(), vi.as_str()),
            (i.to_string().as_str(), i.to_string().as_str())
        );
    }
}

#[test]
fn align_finds_the_split_sentence_of_the_revised_edition() {
    let out = stdout_of(songngu("en").args(["align", SEED_V2_EN, SEED_VI, "--format", "tsv"]));
    let links = tsv_links(&out);
    // The opening sentence was split in two: both English halves pair with one Vietnamese
    // sentence (edit 1 of examples/seed.v2.changes.md).
    assert!(links.contains(&("2,3".to_owned(), "2".to_owned())), "{out}");
}

#[test]
fn align_into_a_memory_is_idempotent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tm = dir.path().join("seed.tmx");
    let store = || {
        songngu("en")
            .args(["align", SEED_EN, SEED_VI, "--format", "tsv", "--into"])
            .arg(&tm)
            .args(["--doc", "seed", "--user", "editor"])
            .assert()
            .code(0)
    };
    store().stderr(contains("21 pairs added"));
    let first = std::fs::read(&tm).expect("memory written");
    assert_eq!(count_tus_in(&tm), 21);
    let text = String::from_utf8(first.clone()).expect("UTF-8");
    assert!(text.contains("<prop type=\"x-songngu-doc\">seed</prop>"));
    assert!(text.contains("<prop type=\"x-songngu-confidence\">"));
    assert!(text.contains("changeid=\"editor\""));
    store().stderr(contains("0 pairs added, 0 updated"));
    assert_eq!(
        std::fs::read(&tm).expect("read"),
        first,
        "a second run changes nothing"
    );
}

#[test]
fn align_with_an_empty_side_leaves_every_sentence_unmatched() {
    let (_dir, empty) = temp_file("empty.vi.txt", b"\n\n");
    let assert = songngu("en")
        .arg("align")
        .arg(SEED_EN)
        .arg(&empty)
        .args(["--format", "tsv"])
        .assert()
        .code(0);
    let output = assert.get_output();
    let links = tsv_links(&String::from_utf8_lossy(&output.stdout));
    assert_eq!(links.len(), 21);
    assert!(links.iter().all(|(_, vi)| vi.is_empty()));
    let stderr = String::from_utf8_lossy(&output.stderr);
    // The warning names the empty file, and the misleading "not the same article" is gone.
    assert!(
        stderr.contains(&format!(
            "songngu: warning: `{}` has no sentences",
            empty.display()
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("same article"), "{stderr}");

    // The same with the English side empty, and in Vietnamese.
    let (_dir, empty) = temp_file("empty.en.txt", b"");
    let assert = songngu("vi")
        .arg("align")
        .arg(&empty)
        .arg(SEED_VI)
        .args(["--format", "tsv"])
        .assert()
        .code(0);
    let output = assert.get_output();
    let links = tsv_links(&String::from_utf8_lossy(&output.stdout));
    assert_eq!(links.len(), 21);
    assert!(links.iter().all(|(en, _)| en.is_empty()));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "songngu: cảnh báo: `{}` không có câu nào",
            empty.display()
        )),
        "{stderr}"
    );
}

#[test]
fn align_with_both_sides_empty_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (en, vi) = (dir.path().join("a.en.txt"), dir.path().join("a.vi.txt"));
    std::fs::write(&en, "").expect("write");
    std::fs::write(&vi, "\n").expect("write");
    songngu("en")
        .arg("align")
        .arg(&en)
        .arg(&vi)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "songngu: error: `{}` and `{}` have no sentences: nothing to align\n",
            en.display(),
            vi.display()
        ));
}

/// A file of the alignment evaluation set.
fn align_fixture(name: &str) -> String {
    format!("{ALIGN_FIXTURES}/{name}")
}

/// The sentences of a pre-segmented file, in order.
fn sentences_of(path: &str) -> Vec<String> {
    std::fs::read_to_string(root().join(path))
        .expect("read")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect()
}

/// The documented JSON Lines record of `align --format json`; unknown fields fail.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkRecord {
    en: Vec<usize>,
    vi: Vec<usize>,
    en_text: String,
    vi_text: String,
    confidence: f64,
    low_confidence: bool,
}

/// `align --segmented EN VI --format json` in English: exit code, records, stderr.
fn align_json(en: &str, vi: &str, extra: &[&str]) -> (i32, Vec<LinkRecord>, String) {
    let output = songngu("en")
        .args(["align", "--segmented", en, vi, "--format", "json"])
        .args(extra)
        .output()
        .expect("runs");
    let records = String::from_utf8(output.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    (
        output.status.code().expect("exit code"),
        records,
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

#[test]
fn align_json_gives_texts_and_confidence_for_every_link() {
    let (en, vi) = (
        align_fixture("cyber-drill.en.txt"),
        align_fixture("cyber-drill.vi.txt"),
    );
    let (code, records, stderr) = align_json(&en, &vi, &[]);
    assert_eq!(code, 0, "{stderr}");
    let (en_sentences, vi_sentences) = (sentences_of(&en), sentences_of(&vi));
    let joined = |side: &[usize], sentences: &[String]| {
        side.iter()
            .map(|&i| sentences[i].as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    for r in &records {
        assert!((0.0..=1.0).contains(&r.confidence), "{r:?}");
        // Doubtful: a posterior below 0.5, or a sentence left unmatched, which needs a
        // look however sure the aligner is that it has no counterpart.
        let unmatched = r.en.is_empty() || r.vi.is_empty();
        assert_eq!(r.low_confidence, unmatched || r.confidence < 0.5, "{r:?}");
        assert_eq!(r.en_text, joined(&r.en, &en_sentences));
        assert_eq!(r.vi_text, joined(&r.vi, &vi_sentences));
    }
    // The gold's links that are not 1-1 (tests/fixtures/align/README.md).
    let shapes: Vec<(&[usize], &[usize])> = records
        .iter()
        .map(|r| (r.en.as_slice(), r.vi.as_slice()))
        .collect();
    for link in [
        (&[10, 11][..], &[10][..]),
        (&[13, 14][..], &[12, 13][..]),
        (&[17][..], &[16, 17][..]),
        (&[20][..], &[][..]),
    ] {
        assert!(shapes.contains(&link), "{link:?} in {shapes:?}");
    }
    let unmatched = records.iter().find(|r| r.vi.is_empty()).expect("1-0");
    assert!(unmatched.low_confidence && unmatched.vi_text.is_empty());
    assert!(!stderr.contains("warning"), "{stderr}");
}

#[test]
fn align_text_prints_both_languages_side_by_side() {
    let (en, vi) = (
        align_fixture("cyber-drill.en.txt"),
        align_fixture("cyber-drill.vi.txt"),
    );
    let (_, records, _) = align_json(&en, &vi, &[]);
    let out = stdout_of(songngu("en").args(["align", "--segmented", &en, &vi]));
    let lines: Vec<&str> = out.lines().filter(|l| !l.is_empty()).collect();
    // Not a terminal: 100 columns, counted in chars, with the column separator in the same
    // place on every line however many diacritics the Vietnamese has.
    assert!(lines.iter().all(|l| l.chars().count() <= 100), "{out}");
    let separator: Vec<usize> = lines
        .iter()
        .filter_map(|l| l.chars().position(|c| c == '│'))
        .collect();
    assert_eq!(separator.len(), lines.len(), "{out}");
    assert!(separator.windows(2).all(|w| w[0] == w[1]), "{out}");
    // One first line per link: its mark, kind and confidence, then English, then Vietnamese.
    let firsts: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !l.starts_with("   "))
        .collect();
    assert_eq!(firsts.len(), records.len(), "{out}");
    for (line, r) in firsts.iter().zip(&records) {
        let mark = if r.low_confidence { '?' } else { ' ' };
        let gutter = format!("{mark} {}-{} {:.2} ", r.en.len(), r.vi.len(), r.confidence);
        assert!(line.starts_with(&gutter), "{line:?} for {r:?}");
    }
    // The gold's 2-1 link: its posterior is high (nothing else explains the quotation and
    // its attribution), so it is not marked.
    assert!(
        out.contains("  2-1 ") && out.contains("[10,11] \"Paying the ransom"),
        "{out}"
    );
    assert!(out.contains("│ [10] “Trả tiền chuộc"), "{out}");
    // A one-sided link shows a dash for the missing side.
    assert!(
        out.lines()
            .any(|l| l.starts_with("? 1-0 ") && l.ends_with("│ —")),
        "{out}"
    );
}

/// The TUs of `doc` in the memory `tm`.
fn stored_units(tm: &Path, doc: &str) -> Vec<songngu::memory::record::StoredUnit> {
    let memory = songngu::memory::store::Memory::open(
        &[tm.to_owned()],
        unic_langid::langid!("en"),
        unic_langid::langid!("vi"),
    )
    .expect("memory");
    memory.document(doc).expect("document")
}

/// `align --segmented EN VI --into TM --doc DOC`, which must succeed; its stderr.
fn align_into(en: &Path, vi: &Path, tm: &Path, doc: &str) -> String {
    let output = songngu("en")
        .args(["align", "--segmented", "--format", "tsv"])
        .arg(en)
        .arg(vi)
        .arg("--into")
        .arg(tm)
        .args(["--doc", doc, "--user", "editor"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    stderr
}

#[test]
fn align_into_stores_joined_units_and_flags_doubtful_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tm = dir.path().join("drill.tmx");
    let (en, vi) = (
        root().join(align_fixture("cyber-drill.en.txt")),
        root().join(align_fixture("cyber-drill.vi.txt")),
    );
    let (_, records, _) = align_json(
        &align_fixture("cyber-drill.en.txt"),
        &align_fixture("cyber-drill.vi.txt"),
        &[],
    );
    let stderr = align_into(&en, &vi, &tm, "drill");
    let two_sided: Vec<&LinkRecord> = records
        .iter()
        .filter(|r| !r.en.is_empty() && !r.vi.is_empty())
        .collect();
    assert!(
        stderr.contains(&format!("{} pairs added, 0 updated", two_sided.len())),
        "{stderr}"
    );
    // The English-only sentence (a 1-0 link) is recorded as omitted, not as a pair.
    let (omitted, units): (Vec<_>, Vec<_>) = stored_units(&tm, "drill")
        .into_iter()
        .partition(|u| u.status.as_deref() == Some("omitted"));
    assert_eq!(units.len(), two_sided.len());
    let english_only = records.iter().filter(|r| r.vi.is_empty()).count();
    assert_eq!(omitted.len(), english_only);
    assert!(omitted.iter().all(|u| u.vi.is_none()));
    let en_sentences = sentences_of(&align_fixture("cyber-drill.en.txt"));
    let vi_sentences = sentences_of(&align_fixture("cyber-drill.vi.txt"));
    for r in &two_sided {
        // Every link is one TU: a 2-1, 1-2 or 2-2 link holds its sentences joined, under
        // the id of its first English sentence.
        let unit = units
            .iter()
            .find(|u| u.unit == songngu::segment::text_id(&en_sentences[r.en[0]]))
            .unwrap_or_else(|| panic!("no TU for {r:?}"));
        assert_eq!(unit.en, r.en_text);
        assert_eq!(unit.vi.as_deref(), Some(r.vi_text.as_str()));
        let status = if r.low_confidence {
            "needs-review"
        } else {
            "translated"
        };
        assert_eq!(unit.status.as_deref(), Some(status), "{r:?}");
    }
    let merged = units
        .iter()
        .find(|u| u.en == format!("{} {}", en_sentences[10], en_sentences[11]))
        .expect("the 2-1 link as one unit");
    assert_eq!(merged.vi.as_deref(), Some(vi_sentences[10].as_str()));
    // The aligner is sure of this merge (its posterior, see the JSON), so it is stored as
    // translated; the doubtful links are checked against `needs-review` above.
    assert_eq!(merged.status.as_deref(), Some("translated"));

    assert!(
        units.iter().any(
            |u| u.vi.as_deref() == Some(&*format!("{} {}", vi_sentences[16], vi_sentences[17]))
        ),
        "the 1-2 link as one unit"
    );
    let first = std::fs::read(&tm).expect("TMX");
    let again = align_into(&en, &vi, &tm, "drill");
    assert!(again.contains("0 pairs added, 0 updated"), "{again}");
    assert_eq!(std::fs::read(&tm).expect("TMX"), first, "byte-identical");

    // A merge the aligner doubts (a short sentence that may have been left out, issue 10)
    // is stored for review.
    let bridge = tempfile::tempdir().expect("tempdir");
    let (en, vi) = (
        bridge.path().join("b.en.txt"),
        bridge.path().join("b.vi.txt"),
    );
    std::fs::write(
        &en,
        "The bridge is 2 km long.\nIt has four lanes.\nWork began in 2021.\nThe cost was high.\nIt opens on Friday.\n",
    )
    .expect("write");
    std::fs::write(
        &vi,
        "Cây cầu dài 2 km.\nCây cầu có bốn làn xe.\nCông trình khởi công năm 2021.\nCầu thông xe vào thứ Sáu.\n",
    )
    .expect("write");
    let tm = bridge.path().join("bridge.tmx");
    align_into(&en, &vi, &tm, "bridge");
    let units = stored_units(&tm, "bridge");
    let merged = units
        .iter()
        .find(|u| u.en == "Work began in 2021. The cost was high.")
        .unwrap_or_else(|| panic!("the doubtful 2-1 link as one unit: {units:?}"));
    assert_eq!(merged.status.as_deref(), Some("needs-review"));
    let text = std::fs::read_to_string(&tm).expect("TMX");
    assert!(text.contains("<prop type=\"x-songngu-status\">needs-review</prop>"));
}

/// Regression: when a re-alignment changed a link's shape, the old joined TU stayed and a
/// second TU of the same unit was added beside it.
#[test]
fn align_into_again_replaces_units_whose_links_changed_shape() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tm = dir.path().join("post.tmx");
    let en = root().join(align_fixture("postal-services.en.txt"));
    let joined_vi = root().join(align_fixture("postal-services.vi.txt"));
    let en_sentences = sentences_of(&align_fixture("postal-services.en.txt"));
    // The Vietnamese joins English 7 and 8 (the fee and the exemption) in one sentence.
    let joined_sentence = "Phí dịch vụ là 25.000 đồng cho mỗi lượt chuyển phát nội tỉnh, riêng hộ nghèo và người khuyết tật được miễn phí.";
    let text = std::fs::read_to_string(&joined_vi).expect("read");
    assert!(text.contains(joined_sentence));
    let split_vi = dir.path().join("split.vi.txt");
    std::fs::write(
        &split_vi,
        text.replace(
            joined_sentence,
            "Phí dịch vụ là 25.000 đồng cho mỗi lượt chuyển phát nội tỉnh.\nHộ nghèo và người khuyết tật được miễn phí.",
        ),
    )
    .expect("write");
    let unit_of = |i: usize| songngu::segment::text_id(&en_sentences[i]);
    let check = |tm: &Path| {
        let units = stored_units(tm, "post");
        let mut ids: Vec<&str> = units.iter().map(|u| u.unit.as_str()).collect();
        ids.sort_unstable();
        let count = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), count, "two TUs of one unit: {units:#?}");
        units
    };

    align_into(&en, &joined_vi, &tm, "post");
    let units = check(&tm);
    let fee = units.iter().find(|u| u.unit == unit_of(7)).expect("unit 7");
    assert_eq!(fee.en, format!("{} {}", en_sentences[7], en_sentences[8]));
    assert!(!units.iter().any(|u| u.unit == unit_of(8)));

    // Split: the joined TU becomes the fee alone, and the exemption gets its own.
    // (Other links may be updated too: their confidence moves with what the aligner learns.)
    let stderr = align_into(&en, &split_vi, &tm, "post");
    assert!(
        stderr.contains(": 1 pair added, ") && !stderr.contains("removed"),
        "{stderr}"
    );
    let units = check(&tm);
    let fee = units.iter().find(|u| u.unit == unit_of(7)).expect("unit 7");
    assert_eq!(fee.en, en_sentences[7]);
    assert!(fee.vi.as_deref().is_some_and(|v| v.ends_with("nội tỉnh.")));
    let exempt = units.iter().find(|u| u.unit == unit_of(8)).expect("unit 8");
    assert_eq!(
        exempt.vi.as_deref(),
        Some("Hộ nghèo và người khuyết tật được miễn phí.")
    );

    // Joined again: the exemption's own TU is a pairing this alignment rejects.
    let stderr = align_into(&en, &joined_vi, &tm, "post");
    assert!(
        stderr.contains(": 0 pairs added, ") && stderr.contains(" updated, 1 removed"),
        "{stderr}"
    );
    let units = check(&tm);
    assert!(!units.iter().any(|u| u.unit == unit_of(8)), "{units:#?}");
    assert_eq!(
        units
            .iter()
            .find(|u| u.unit == unit_of(7))
            .map(|u| u.en.clone()),
        Some(format!("{} {}", en_sentences[7], en_sentences[8]))
    );
}

#[test]
fn align_into_removes_its_own_duplicates_and_keeps_a_translators() {
    use songngu::memory::record::{NewUnit, unit_tu};
    use songngu::memory::store::Memory;
    let dir = tempfile::tempdir().expect("tempdir");
    let tm = dir.path().join("dup.tmx");
    let (en, vi) = (
        root().join(align_fixture("public-wifi.en.txt")),
        root().join(align_fixture("public-wifi.vi.txt")),
    );
    let title = &sentences_of(&align_fixture("public-wifi.en.txt"))[0];
    let unit = songngu::segment::text_id(title);
    // What the old `align` left behind: two live TUs of one unit of the document (with a
    // confidence, as `align` stores them); and a third someone translated.
    let (en_lang, vi_lang) = (unic_langid::langid!("en"), unic_langid::langid!("vi"));
    let mut memory = Memory::open_for_update(
        std::slice::from_ref(&tm),
        en_lang.clone(),
        vi_lang.clone(),
        songngu::memory::persist::LockWait::Fail,
    )
    .expect("memory");
    for (source, target, user) in [
        (title.as_str(), "Bản cũ.", "old"),
        ("Old joined text.", "Bản ghép cũ.", "old"),
        (title.as_str(), "Bản của người dịch.", "lan"),
    ] {
        let new = NewUnit {
            doc: "wifi",
            unit: &unit,
            order: 0,
            source,
            target,
            status: "translated",
            user,
        };
        let mut tu = unit_tu(&new, &en_lang, &vi_lang);
        if user == "old" {
            tu.meta
                .push(songngu::tmx::Meta::Prop(songngu::tmx::Prop::new(
                    songngu::memory::record::props::CONFIDENCE,
                    "0.900",
                )));
        }
        memory.add(None, tu).expect("add");
    }
    memory.save().expect("save");
    drop(memory);

    let stderr = align_into(&en, &vi, &tm, "wifi");
    assert!(stderr.contains("1 updated, 1 removed"), "{stderr}");
    let units = stored_units(&tm, "wifi");
    let mut titles: Vec<&str> = units
        .iter()
        .filter(|u| u.unit == unit)
        .map(|u| u.vi.as_deref().unwrap_or_default())
        .collect();
    titles.sort_unstable();
    let aligned = sentences_of(&align_fixture("public-wifi.vi.txt"))[0].clone();
    let mut expected = [aligned.as_str(), "Bản của người dịch."];
    expected.sort_unstable();
    assert_eq!(titles, expected, "{units:#?}");
}

#[test]
fn align_warns_when_the_sides_differ_wildly_in_length() {
    let dir = tempfile::tempdir().expect("tempdir");
    let en = align_fixture("cyber-drill.en.txt");
    // The title and the dateline of the Vietnamese, nothing more.
    let short = dir.path().join("short.vi.txt");
    let vi_sentences = sentences_of(&align_fixture("cyber-drill.vi.txt"));
    std::fs::write(
        &short,
        format!("{}\n\n{}\n", vi_sentences[0], vi_sentences[1]),
    )
    .expect("write");
    let (code, records, stderr) = align_json(&en, short.to_str().expect("UTF-8 path"), &[]);
    assert_eq!(code, 0);
    assert_eq!(records.iter().filter(|r| !r.vi.is_empty()).count(), 2);
    let chars: usize = vi_sentences[..2].iter().map(|s| s.chars().count()).sum();
    assert!(
        stderr.contains(&format!(
            "songngu: warning: the two sides differ in length far more than a translation does: \
             `{en}` has 24 sentences (2,236 characters), `{}` has 2 sentences ({chars} \
             characters, where a translation would have about 2,162)",
            short.display()
        )),
        "{stderr}"
    );
    // The real translation is no reason to warn.
    let (_, _, stderr) = align_json(&en, &align_fixture("cyber-drill.vi.txt"), &[]);
    assert!(!stderr.contains("warning"), "{stderr}");
}

#[test]
fn align_warns_that_unrelated_articles_may_not_be_the_same() {
    let (code, records, stderr) = align_json(
        &align_fixture("cyber-drill.en.txt"),
        &align_fixture("postal-services.vi.txt"),
        &[],
    );
    assert_eq!(code, 0);
    let low = records.iter().filter(|r| r.low_confidence).count();
    assert!(low * 3 >= records.len() * 2, "{low} of {}", records.len());
    assert!(
        stderr.contains(
            "songngu: warning: most links are of low confidence: these may not be the same article"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("differ in length"), "{stderr}");
}

#[test]
fn align_refuses_a_glossary_with_a_line_that_is_not_a_pair() {
    let dir = tempfile::tempdir().expect("tempdir");
    let glossary = dir.path().join("terms.tsv");
    std::fs::write(
        &glossary,
        "# terms\nransomware\tmã độc tống tiền\nbackup sao lưu\n\ndrill\t\n",
    )
    .expect("write");
    let (en, vi) = (
        align_fixture("cyber-drill.en.txt"),
        align_fixture("cyber-drill.vi.txt"),
    );
    let path = glossary.display();
    songngu("en")
        .args(["align", "--segmented", &en, &vi, "--glossary"])
        .arg(&glossary)
        .assert()
        .code(2)
        .stdout("")
        .stderr(format!(
            "songngu: error: `{path}`:3: not a glossary entry: expected `English<TAB>Vietnamese`\n\
             songngu: error: `{path}`:5: not a glossary entry: expected `English<TAB>Vietnamese`\n"
        ));
    // Fixed, it is used.
    std::fs::write(&glossary, "# terms\nransomware\tmã độc tống tiền\n").expect("write");
    let (code, records, _) = align_json(&en, &vi, &["--glossary", &glossary.display().to_string()]);
    assert_eq!(code, 0);
    assert_eq!(records.len(), 22);
}

#[test]
fn align_names_a_missing_segmented_file_and_the_reason() {
    songngu("en")
        .args(["align", "--segmented", "no/such.en.txt", SEED_VI])
        .assert()
        .code(2)
        .stderr("songngu: error: cannot read `no/such.en.txt`: no such file or directory\n");
}
