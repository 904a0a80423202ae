//! Issue 10, item 4: translations that cover several English units (a 2-1 link, a sentence
//! the editor later split), English the published Vietnamese leaves out on purpose, and a
//! short sentence that gained a clause, through the real binary: `align --into`, `check`,
//! `export`, `update`, `translate`, `xliff export`.

mod common;

use std::path::{Path, PathBuf};

use common::{json_lines, songngu};
use serde_json::Value;

const MERGED_EN: &str =
    "The storm hit on Monday. It was the strongest in years.\nSchools were closed.\n";
const MERGED_VI: &str = "Cơn bão đổ bộ hôm thứ Hai và là cơn bão mạnh nhất trong nhiều năm.\nCác trường học đã đóng cửa.\n";

/// A folder with `NAME.en.txt` and `NAME.vi.txt`.
struct Article {
    dir: tempfile::TempDir,
}

impl Article {
    fn new(en: &str, vi: &str) -> Article {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("a.en.txt"), en).unwrap();
        std::fs::write(dir.path().join("a.vi.txt"), vi).unwrap();
        Article { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn en(&self) -> PathBuf {
        self.path("a.en.txt")
    }

    fn tm(&self) -> PathBuf {
        self.path("a.tmx")
    }

    fn write_en(&self, en: &str) {
        std::fs::write(self.en(), en).unwrap();
    }

    /// `align --into` a fresh memory.
    fn align(&self) {
        align_into(&self.en(), &self.path("a.vi.txt"), &self.tm(), "a");
    }

    /// `check --format json`: exit code and records.
    fn check(&self) -> (i32, Vec<Value>) {
        check_json(&self.en(), &self.tm(), "a")
    }

    fn tmx(&self) -> String {
        std::fs::read_to_string(self.tm()).unwrap()
    }
}

fn align_into(en: &Path, vi: &Path, tm: &Path, doc: &str) {
    let out = songngu("en")
        .arg("--no-config")
        .arg("align")
        .args([en, vi])
        .arg("--into")
        .arg(tm)
        .args(["--doc", doc])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
}

fn check_json(en: &Path, tm: &Path, doc: &str) -> (i32, Vec<Value>) {
    let out = songngu("en")
        .arg("--no-config")
        .arg("check")
        .arg(en)
        .arg("--tm")
        .arg(tm)
        .args(["--doc", doc, "--format", "json"])
        .output()
        .unwrap();
    let records = json_lines(&String::from_utf8(out.stdout).unwrap());
    (out.status.code().unwrap(), records)
}

fn check_text(en: &Path, tm: &Path, doc: &str) -> (i32, String) {
    let out = songngu("en")
        .arg("--no-config")
        .arg("check")
        .arg(en)
        .arg("--tm")
        .arg(tm)
        .args(["--doc", doc])
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// `export --to FORMAT`: the bytes written, or the failure.
fn export(en: &Path, tm: &Path, doc: &str, to: &str, out: &Path) -> Result<(), String> {
    let run = songngu("en")
        .arg("--no-config")
        .arg("export")
        .arg(en)
        .arg("--tm")
        .arg(tm)
        .args(["--doc", doc, "--to", to, "-o"])
        .arg(out)
        .output()
        .unwrap();
    if run.status.success() {
        Ok(())
    } else {
        Err(format!("{run:?}"))
    }
}

fn kinds(records: &[Value]) -> Vec<(String, String)> {
    records
        .iter()
        .filter_map(|r| {
            Some((
                r.get("kind")?.as_str()?.to_owned(),
                r.get("severity")?.as_str()?.to_owned(),
            ))
        })
        .collect()
}

#[test]
fn a_two_to_one_translation_stored_by_align_stays_current_and_exports_once() {
    let a = Article::new(MERGED_EN, MERGED_VI);
    a.align();
    let tmx = a.tmx();
    assert!(
        tmx.contains("<prop type=\"x-songngu-units\">ub33ed114cc u91b69fd229</prop>"),
        "{tmx}"
    );
    let (code, records) = a.check();
    assert_eq!(code, 0, "{records:?}");
    assert!(kinds(&records).is_empty(), "{records:?}");
    let (_, text) = check_text(&a.en(), &a.tm(), "a");
    assert!(
        text.contains("3 units: 3 current, 0 stale, 0 missing"),
        "{text}"
    );

    let out = a.path("out.vi.txt");
    export(&a.en(), &a.tm(), "a", "vi", &out).unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), MERGED_VI);

    // Every target of a release: the Vietnamese once, one TU covering both units.
    let release = a.path("release");
    export(&a.en(), &a.tm(), "a", "release", &release).unwrap();
    let vi_sentence = "Cơn bão đổ bộ hôm thứ Hai";
    for file in ["a.bilingual.md", "a.bilingual.html", "a.vi.txt"] {
        let text = std::fs::read_to_string(release.join(file)).unwrap();
        assert_eq!(text.matches(vi_sentence).count(), 1, "{file}: {text}");
    }
    let tmx = std::fs::read_to_string(release.join("a.tmx")).unwrap();
    assert_eq!(tmx.matches("<tu ").count(), 2, "{tmx}");
    assert!(tmx.contains("ub33ed114cc u91b69fd229"), "{tmx}");
}

#[test]
fn a_two_to_one_translation_goes_stale_with_the_joined_word_diff_when_one_unit_changes() {
    let a = Article::new(MERGED_EN, MERGED_VI);
    a.align();
    // White space alone is no edit.
    a.write_en("The storm hit on Monday.   It was the strongest in years.\nSchools were closed.\n");
    assert_eq!(a.check().0, 0);

    a.write_en(
        "The storm hit on Monday. It was the strongest in a decade.\nSchools were closed.\n",
    );
    let (code, records) = a.check();
    assert_eq!(code, 1);
    assert_eq!(kinds(&records), [("stale".into(), "error".into())]);
    let stale = &records[0];
    assert_eq!(
        stale["en"],
        "The storm hit on Monday. It was the strongest in a decade."
    );
    assert_eq!(
        stale["old_en"],
        "The storm hit on Monday. It was the strongest in years."
    );
    assert_eq!(stale["vi"], MERGED_VI.lines().next().unwrap());
    let diff = stale["diff"].to_string();
    assert!(
        diff.contains("years") && diff.contains("a decade"),
        "{diff}"
    );

    // Out of order: not the same run any more.
    a.write_en("It was the strongest in years. The storm hit on Monday.\nSchools were closed.\n");
    assert_ne!(a.check().0, 0);
}

#[test]
fn a_sentence_the_editor_split_stays_one_tu_covering_both_new_units() {
    let a = Article::new(
        "The storm hit on Monday and it was the strongest in years.\nSchools were closed.\n",
        MERGED_VI,
    );
    a.align();
    a.write_en(MERGED_EN);
    let (code, records) = a.check();
    assert_eq!(code, 1);
    // One stale finding for the whole old sentence, nothing missing.
    assert_eq!(kinds(&records), [("stale".into(), "error".into())]);
    assert_eq!(
        records[0]["en"],
        "The storm hit on Monday. It was the strongest in years."
    );
    assert_eq!(
        records[0]["old_en"],
        "The storm hit on Monday and it was the strongest in years."
    );

    // `update` keeps it; `xliff export` sends it once, with both sentences.
    let out = songngu("en")
        .arg("--no-config")
        .arg("xliff")
        .arg("export")
        .arg(a.en())
        .arg("--tm")
        .arg(a.tm())
        .args(["--doc", "a", "-o", "-"])
        .output()
        .unwrap();
    let xliff = String::from_utf8(out.stdout).unwrap();
    assert_eq!(xliff.matches("<unit ").count(), 1, "{xliff}");
    assert!(
        xliff.contains("The storm hit on Monday. It was the strongest in years."),
        "{xliff}"
    );

    // Translated anew through its first unit: one TU covering both, current.
    let out = songngu("en")
        .arg("--no-config")
        .arg("translate")
        .arg(a.en())
        .arg("--tm")
        .arg(a.tm())
        .args([
            "--doc",
            "a",
            "--unit",
            "ub33ed114cc",
            "--vi",
            "Cơn bão đổ bộ hôm thứ Hai. Đó là cơn bão mạnh nhất trong nhiều năm.",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    // The old TU of the sentence before the split is kept, retired by the translation.
    let told = String::from_utf8_lossy(&out.stdout);
    assert!(told.contains("1 old translation retired"), "{told}");
    let (code, records) = a.check();
    // Current now, and clean.
    assert_eq!(code, 0, "{records:?}");
    assert_eq!(kinds(&records), []);
    assert!(a.tmx().contains("ub33ed114cc u91b69fd229"));
}

#[test]
fn update_keeps_the_coverage_of_a_run_that_moved() {
    let a = Article::new(MERGED_EN, MERGED_VI);
    a.align();
    a.write_en(&format!("Rain is expected.\n{MERGED_EN}"));
    let out = songngu("en")
        .arg("--no-config")
        .arg("update")
        .arg(a.en())
        .arg("--tm")
        .arg(a.tm())
        .args(["--doc", "a"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let tmx = a.tmx();
    assert!(
        tmx.contains("<prop type=\"x-songngu-order\">1</prop>")
            && tmx.contains("ub33ed114cc u91b69fd229"),
        "{tmx}"
    );
    let (_, text) = check_text(&a.en(), &a.tm(), "a");
    assert!(
        text.contains("4 units: 3 current, 0 stale, 1 missing"),
        "{text}"
    );
}

#[test]
fn an_english_only_note_is_recorded_as_omitted_never_blocks_and_is_left_out_of_the_export() {
    // A note in mid-paragraph and a note that is a paragraph of its own.
    let en = "The fair opened in Hanoi on Monday with 120 stands. Hanoi is the capital, about 1,700 km north of Ho Chi Minh City. Tickets cost VND 50,000.\n\nNote for foreign readers: VND 50,000 is about USD 2.\n\nOrganisers expect 15,000 visitors by Friday, June 7.\n";
    let vi = "Hội chợ khai mạc tại Hà Nội hôm thứ Hai với 120 gian hàng. Vé vào cửa giá 50.000 đồng.\n\nBan tổ chức dự kiến đón 15.000 lượt khách đến hết thứ Sáu, ngày 7/6.\n";
    let a = Article::new(en, vi);
    a.align();
    let tmx = a.tmx();
    assert!(
        tmx.contains("<prop type=\"x-songngu-status\">omitted</prop>"),
        "{tmx}"
    );
    // An omitted TU has no Vietnamese variant: no tool takes an empty text for its
    // translation.
    let omitted_tu = tmx
        .split("<tu ")
        .find(|tu| tu.contains(">omitted<") && tu.contains("Hanoi is the capital"))
        .expect("the note's TU");
    assert!(!omitted_tu.contains("xml:lang=\"vi\""), "{omitted_tu}");

    let (code, records) = a.check();
    assert_eq!(code, 0, "{records:?}");
    let omitted: Vec<&Value> = records.iter().filter(|r| r["kind"] == "omitted").collect();
    assert_eq!(omitted.len(), 2, "{records:?}");
    assert!(
        omitted.iter().all(|r| r["severity"] == "info"),
        "{records:?}"
    );
    let (_, text) = check_text(&a.en(), &a.tm(), "a");
    assert!(text.contains("info omitted"), "{text}");

    let out = a.path("out.vi.txt");
    export(&a.en(), &a.tm(), "a", "vi", &out).unwrap();
    assert_eq!(std::fs::read_to_string(&out).unwrap(), vi);
}

#[test]
fn an_edited_one_sentence_paragraph_is_stale_with_its_old_vietnamese() {
    let a = Article::new(
        "The fair opens today.\n\nThe program includes:\n\nTalks on rice and coffee.\n",
        "Hội chợ khai mạc hôm nay.\n\nChương trình gồm:\n\nCác buổi nói chuyện về lúa gạo và cà phê.\n",
    );
    a.align();
    a.write_en(
        "The fair opens today.\n\nThe program, announced on Monday, includes:\n\nTalks on rice and coffee.\n",
    );
    let (code, records) = a.check();
    assert_eq!(code, 1);
    assert_eq!(kinds(&records), [("stale".into(), "error".into())]);
    assert_eq!(records[0]["vi"], "Chương trình gồm:");
    assert_eq!(records[0]["old_en"], "The program includes:");
    let diff = records[0]["diff"].to_string();
    assert!(diff.contains("announced on Monday"), "{diff}");
}

/// The memory format alone, whatever the aligner decides: a TU written by hand (or by
/// another tool) that lists the units it covers, and one recorded as omitted.
#[test]
fn a_tu_listing_the_units_it_covers_is_current_whatever_made_it() {
    let en =
        "The storm hit on Monday. It was the strongest in years. Note: VND 1,000 is USD 0.04.\n";
    let a = Article::new(en, "");
    let tu = |unit: &str, units: Option<&str>, order: u32, source: &str, vi: Option<&str>| {
        let mut out = format!(
            "<tu tuid=\"a/{unit}\"><prop type=\"x-songngu-doc\">a</prop><prop type=\"x-songngu-unit\">{unit}</prop>"
        );
        if let Some(units) = units {
            out.push_str(&format!("<prop type=\"x-songngu-units\">{units}</prop>"));
        }
        out.push_str(&format!("<prop type=\"x-songngu-order\">{order}</prop>"));
        let status = if vi.is_some() {
            "translated"
        } else {
            "omitted"
        };
        out.push_str(&format!(
            "<prop type=\"x-songngu-status\">{status}</prop><tuv xml:lang=\"en\"><seg>{source}</seg></tuv>"
        ));
        if let Some(vi) = vi {
            out.push_str(&format!("<tuv xml:lang=\"vi\"><seg>{vi}</seg></tuv>"));
        }
        out.push_str("</tu>\n");
        out
    };
    let ids = |text: &str| songngu::segment::text_id(text);
    let (s1, s2, note) = (
        "The storm hit on Monday.",
        "It was the strongest in years.",
        "Note: VND 1,000 is USD 0.04.",
    );
    let body = tu(
        &ids(s1),
        Some(&format!("{} {}", ids(s1), ids(s2))),
        0,
        &format!("{s1} {s2}"),
        Some("Cơn bão đổ bộ hôm thứ Hai, mạnh nhất trong nhiều năm."),
    ) + &tu(&ids(note), None, 2, note, None);
    let doc = common::tmx_doc(&[]).replace("<body>\n", &format!("<body>\n{body}"));
    std::fs::write(a.tm(), doc).unwrap();
    let (code, records) = a.check();
    assert_eq!(code, 0, "{records:?}");
    assert_eq!(kinds(&records), [("omitted".into(), "info".into())]);
    let out = a.path("out.vi.txt");
    export(&a.en(), &a.tm(), "a", "vi", &out).unwrap();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "Cơn bão đổ bộ hôm thứ Hai, mạnh nhất trong nhiều năm.\n"
    );
}
