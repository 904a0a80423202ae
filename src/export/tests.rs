//! Tests of the release model and the text shared by the formats; helpers used by the
//! tests of every format.

use super::*;
use crate::document::{Document, ReadOptions};
use crate::drift::article::checked_units;
use crate::drift::check::Report;
use crate::drift::report::Explanation;
use crate::drift::{CheckedUnit, Finding, Kind, Severity, Status};
use crate::segment::Unit;
use crate::segment::{Segmenter, segment_document};
use crate::text::Lang;
use std::path::Path;
use std::time::UNIX_EPOCH;
use yaml::{ScalarStyle, yaml_value};

pub(crate) fn doc(name: &str, text: &str) -> Document {
    Document::from_bytes(Path::new(name), text.as_bytes(), ReadOptions::default()).unwrap()
}

pub(crate) fn units(doc: &Document) -> Vec<Unit> {
    segment_document(doc, &Segmenter::builtin(Lang::En))
}

/// A release pairing the units with `vi` in order (`None` for missing).
pub(crate) fn release<'a>(en: &'a Document, units: &'a [Unit], vi: &[Option<&str>]) -> Release<'a> {
    assert_eq!(
        units.len(),
        vi.len(),
        "one translation per unit: {units:#?}"
    );
    Release {
        doc_id: "tin".into(),
        en,
        units: units
            .iter()
            .zip(vi)
            .map(|(u, t)| {
                let status = if t.is_some() {
                    Status::Current
                } else {
                    Status::Missing
                };
                CheckedUnit::new(u, t.map(str::to_owned), status)
            })
            .collect(),
        allow_drift: vi.iter().any(Option::is_none),
        fail_on: Severity::Warning,
    }
}

pub(crate) fn finding(kind: Kind, unit: &Unit) -> Finding {
    let mut f = Finding::new(kind, Explanation::new("check-number").arg("en", "12"));
    f.unit = Some(unit.id.clone());
    f
}

/// The bundled example: `seed.en.txt` and `seed.vi.txt`, paired line by line and
/// sentence by sentence.
pub(crate) fn seed() -> (Document, Vec<Unit>, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let en = Document::read_path(&root.join("seed.en.txt"), ReadOptions::default()).unwrap();
    let vi = Document::read_path(&root.join("seed.vi.txt"), ReadOptions::default()).unwrap();
    let en_units = segment_document(&en, &Segmenter::builtin(Lang::En));
    let vi_units = segment_document(&vi, &Segmenter::builtin(Lang::Vi));
    assert_eq!(en.blocks.len(), vi.blocks.len());
    assert_eq!(en_units.len(), vi_units.len());
    let texts = en_units
        .iter()
        .zip(&vi_units)
        .map(|(e, v)| {
            assert_eq!((e.block, e.index), (v.block, v.index));
            v.text.clone()
        })
        .collect();
    (en, en_units, texts)
}

#[test]
fn check_refuses_units_of_another_document_and_drift() {
    let en = doc("a.txt", "One. Two.\nThree.\n");
    let other = doc("b.txt", "Uno. Dos.\nTres.\n");
    let us = units(&en);
    let theirs = units(&other);
    let mut r = release(&en, &us, &[Some("Một."), Some("Hai."), Some("Ba.")]);
    r.check().unwrap();

    r.units[1].unit = &theirs[1];
    let error = r.check().unwrap_err();
    assert!(
        matches!(
            error,
            ExportError::InvalidUnit {
                index: 1,
                problem: UnitProblem::TextDiffers,
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        format!(
            "unit #2 (`{}`) does not belong to `a.txt`: its text is not the document's text at its range",
            theirs[1].id
        )
    );
    r.units[1].unit = &us[1];
    r.units.swap(0, 1);
    assert!(matches!(
        r.check(),
        Err(ExportError::InvalidUnit {
            problem: UnitProblem::OutOfOrder,
            ..
        })
    ));
    r.units.swap(0, 1);

    r.units[2].status = Status::Stale;
    r.units[0].vi = Some("  ".into());
    let f = finding(Kind::Number, &us[1]);
    r.units[1].findings.push(&f);
    let error = r.check().unwrap_err();
    assert_eq!(
        error.to_string(),
        "`tin` has drift (1 stale, 1 missing, 1 open findings); release it with drift allowed or fix it first"
    );
    r.allow_drift = true;
    r.check().unwrap();
    let counts = r.counts();
    assert_eq!(
        (
            counts.current,
            counts.stale,
            counts.missing,
            counts.with_findings
        ),
        (1, 1, 1, 1)
    );
}

#[test]
fn accepted_and_info_findings_are_not_drift() {
    let en = doc("a.txt", "One.\n");
    let us = units(&en);
    let mut r = release(&en, &us, &[Some("Một.")]);
    let mut accepted = finding(Kind::Number, &us[0]);
    accepted.accepted = Some(crate::drift::report::Acceptance {
        by: "lan".into(),
        at: "2024-01-01T00:00:00Z".into(),
        reason: None,
    });
    let info = finding(Kind::Length, &us[0]);
    r.units[0].findings = vec![&accepted, &info];
    r.check().unwrap();
    assert!(r.has_flags());
}

/// Regression: `check` passed (stale finding accepted, or made a warning) while
/// `export` refused the same article for drift.
#[test]
fn drift_the_check_lets_through_is_released_and_still_marked() {
    use crate::drift::report::Acceptance;
    let en = doc("a.txt", "One. Two. Three. Four.\n");
    let us = units(&en);
    let drift_finding = |kind: Kind, unit: &Unit, severity: Severity| {
        let mut f = Finding::new(kind, Explanation::new("drift"));
        f.unit = Some(unit.id.clone());
        f.severity = severity;
        f
    };
    let mut accepted = drift_finding(Kind::Stale, &us[0], Severity::Error);
    accepted.accepted = Some(Acceptance {
        by: "lan".into(),
        at: "2024-01-01T00:00:00Z".into(),
        reason: None,
    });
    let report = Report {
        status: vec![
            Status::Stale,
            Status::Missing,
            Status::Stale,
            Status::Current,
        ],
        vi: vec![
            Some("Một.".into()),
            None,
            Some("Ba.".into()),
            Some("Bốn.".into()),
        ],
        vi_status: vec![None; 4],
        // Unit 3's `stale` kind is switched off: the report has no finding for it.
        findings: vec![
            accepted,
            drift_finding(Kind::Missing, &us[1], Severity::Warning),
        ],
        joined: vec![false; 4],
        ..Report::default()
    };
    let release_units = checked_units(&us, &report, Severity::Error);
    let passes: Vec<bool> = release_units.iter().map(|u| u.drift_passes).collect();
    assert_eq!(passes, [true, true, true, true]);
    let mut r = Release {
        doc_id: "tin".into(),
        en: &en,
        units: release_units,
        allow_drift: false,
        fail_on: Severity::Error,
    };
    r.check().unwrap();
    let counts = r.counts();
    assert_eq!(
        (counts.stale, counts.missing, counts.drift_passed),
        (2, 1, 3)
    );
    assert!(!counts.has_drift());
    assert!(r.units[..3].iter().all(CheckedUnit::is_flagged));
    // At `warning` the missing unit's finding is open again: it holds the release.
    r.units = checked_units(&us, &report, Severity::Warning);
    r.fail_on = Severity::Warning;
    assert_eq!(
        r.check().unwrap_err().to_string(),
        "`tin` has drift (0 stale, 1 missing, 0 open findings); release it with drift allowed or fix it first"
    );
    // A unit made by hand has no check behind it: its drift holds the release.
    assert!(!CheckedUnit::new(&us[0], None, Status::Missing).drift_passes);
}

#[test]
fn a_block_without_units_is_missing() {
    let en = doc("a.txt", "One.\nTwo.\n");
    let us = units(&en);
    let mut r = release(&en, &us[..1], &[Some("Một.")]);
    assert_eq!(r.counts().blocks_without_units, 1);
    assert!(matches!(
        r.check(),
        Err(ExportError::Drift { missing: 1, .. })
    ));
    r.allow_drift = true;
    r.check().unwrap();
}

#[test]
fn stamp_formats() {
    let stamp = Stamp {
        user: "lan".into(),
        now: UNIX_EPOCH + std::time::Duration::from_secs(1_714_557_845),
    };
    assert_eq!(stamp.iso8601(), "2024-05-01T10:04:05Z");
    assert_eq!(stamp.tmx_date(), "20240501T100405Z");
}

#[test]
fn neutralize_escapes_block_starts_only() {
    let cases = [
        ("# Tin", "\\# Tin"),
        ("#hashtag", "#hashtag"),
        ("> trích", "\\> trích"),
        ("- một", "\\- một"),
        ("-5 độ", "-5 độ"),
        ("* sao", "\\* sao"),
        ("*nghiêng*", "*nghiêng*"),
        ("---", "\\---"),
        ("===", "\\==="),
        ("1986. Năm", "1986\\. Năm"),
        ("1) Một", "1\\) Một"),
        ("3.5 triệu", "3.5 triệu"),
        ("```rust", "\\```rust"),
        ("<div>", "\\<div>"),
        ("<https://x.vn>", "<https://x.vn>"),
        ("[a]: https://x.vn", "\\[a]: https://x.vn"),
        ("[a](https://x.vn): b", "[a](https://x.vn): b"),
        ("Bình thường", "Bình thường"),
    ];
    for (line, expected) in cases {
        assert_eq!(neutralize(line), expected, "{line}");
    }
    assert_eq!(
        markdown_lines("Một\r\n>   > hai\r\n  - ba", 2),
        ["Một", "hai", "\\- ba"]
    );
}

#[test]
fn yaml_values_stay_valid() {
    let en = doc(
        "a.md",
        "---\ntitle: Rice prices\ndescription: \"The \\\"green\\\" plan\"\nsummary: x\n---\n# H\n",
    );
    let title = &en.blocks[0];
    let description = &en.blocks[1];
    assert_eq!(yaml_value(&en, title, "Giá gạo"), "Giá gạo");
    assert_eq!(yaml_value(&en, title, "Giá: tăng"), "\"Giá: tăng\"");
    assert_eq!(yaml_value(&en, title, "2019"), "\"2019\"");
    assert_eq!(yaml_value(&en, title, "# \"Một\""), "\"# \\\"Một\\\"\"");
    assert_eq!(
        yaml_value(&en, description, "Kế hoạch \"xanh\" và \\\"đỏ\\\""),
        "Kế hoạch \\\"xanh\\\" và \\\"đỏ\\\""
    );
    let single = doc("a.md", "---\ntitle: 'It''s'\n---\n");
    assert_eq!(
        yaml_value(&single, &single.blocks[0], "Nó 'là'' vậy"),
        "Nó ''là'' vậy"
    );
    let block = doc("a.md", "---\ntitle: |\n  One.\n  Two.\n---\n");
    assert_eq!(
        yaml_value(&block, &block.blocks[0], "Một.\nHai."),
        "Một.\n  Hai."
    );
    assert_eq!(
        yaml_display(
            "Vietnam's \\\"green\\\"\n  budget",
            ScalarStyle::DoubleQuoted
        ),
        "Vietnam's \"green\" budget"
    );
    assert_eq!(yaml_display("It''s", ScalarStyle::SingleQuoted), "It's");
}

#[test]
fn shorten_cuts_on_characters() {
    assert_eq!(shorten("  a   b\nc ", 10), "a b c");
    assert_eq!(shorten("Nguyễn Thanh Hùng phát biểu", 10), "Nguyễn Th…");
}
