//! `songngu segment`: sentence units as text or JSON Lines, the summary, SRX rules.

use predicates::str::contains;

use crate::common::*;

/// The documented JSON Lines record of `segment --format json`; unknown fields fail, so
/// a schema change has to change this test (and the README) too.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // Fields are read through the `Debug` output of failures too.
struct UnitRecord {
    id: String,
    block: usize,
    index: usize,
    text: String,
    start: usize,
    end: usize,
}

#[test]
fn unreadable_srx_exits_two() {
    songngu("en")
        .args(["segment", "--srx", "no/such/rules.srx", SEED_EN])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("cannot read SRX file `no/such/rules.srx`"));
}

/// An SRX file whose first rule uses a backreference, which the rule engine cannot run.
const SRX_WITH_BACKREFERENCE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="no"/>
  <body>
    <languagerules>
      <languagerule languagerulename="English">
        <rule break="no">
          <beforebreak>(\w)\1\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
        <rule break="yes">
          <beforebreak>\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern=".*" languagerulename="English"/>
    </maprules>
  </body>
</srx>
"#;

#[test]
fn srx_rules_left_out_still_segment_but_exit_two() {
    let (_dir, path) = temp_file("rules.srx", SRX_WITH_BACKREFERENCE.as_bytes());
    let shown = path.display();
    songngu("en")
        .args(["segment", "--srx"])
        .arg(&path)
        .arg("-")
        .write_stdin("One. Two.\n")
        .assert()
        .code(2)
        .stdout("One.\nTwo.\n")
        .stderr(contains(format!(
            "songngu: warning: `{shown}`:7:9: rule `English#1` was left out: "
        )))
        .stderr(contains("2 units in 1 paragraph\n"))
        .stderr(contains(format!(
            "songngu: error: 1 rule of `{shown}` could not be applied\n"
        )));
    songngu("vi")
        .args(["segment", "--srx"])
        .arg(&path)
        .arg("-")
        .write_stdin("One. Two.\n")
        .assert()
        .code(2)
        .stderr(contains("đã bỏ qua quy tắc `English#1`"))
        .stderr(contains(format!(
            "songngu: lỗi: không áp dụng được 1 quy tắc trong `{shown}`"
        )));
}

#[test]
fn malformed_srx_exits_two_with_position() {
    let (_dir, path) = temp_file("broken.srx", b"<srx");
    songngu("en")
        .args(["segment", "--srx"])
        .arg(&path)
        .arg(SEED_EN)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(format!("songngu: error: `{}`:1:", path.display())))
        .stderr(contains("not a usable SRX file"));
}

#[test]
fn text_output_has_one_unit_per_line_and_blank_lines_between_paragraphs() {
    songngu("en")
        .args(["segment", "-"])
        .write_stdin("First one. First two.\nSecond one.\n")
        .assert()
        .code(0)
        .stdout("First one.\nFirst two.\n\nSecond one.\n")
        .stderr("3 units in 2 paragraphs\n");
}

#[test]
fn summary_uses_singular_for_one() {
    songngu("en")
        .args(["segment", "-"])
        .write_stdin("Just one sentence.\n")
        .assert()
        .code(0)
        .stdout("Just one sentence.\n")
        .stderr("1 unit in 1 paragraph\n");
    songngu("vi")
        .args(["segment", "-"])
        .write_stdin("Chỉ một câu.\n")
        .assert()
        .code(0)
        .stderr("1 câu trong 1 đoạn\n");
}

#[test]
fn summary_counts_the_bundled_article() {
    let output = songngu("en")
        .args(["segment", "--format", "json", SEED_EN])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let units = String::from_utf8(output.stdout).unwrap().lines().count();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(units > 1, "the seed article has several sentences");
    assert!(
        stderr.starts_with(&format!("{units} units in ")),
        "{stderr}"
    );
    assert!(stderr.ends_with(" paragraphs\n"), "{stderr}");
}

#[test]
fn numbers_are_formatted_for_the_ui_language() {
    let (_dir, path) = temp_file("long.txt", many_paragraphs(1200).as_bytes());
    songngu("vi")
        .arg("segment")
        .arg(&path)
        .assert()
        .code(0)
        .stderr("1.200 câu trong 1.200 đoạn\n");
    songngu("en")
        .arg("segment")
        .arg(&path)
        .assert()
        .code(0)
        .stderr("1,200 units in 1,200 paragraphs\n");
}

#[test]
fn json_lines_follow_the_documented_schema() {
    let output = songngu("vi")
        .args(["segment", "--format", "json", SEED_EN])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let source = std::fs::read_to_string(root().join(SEED_EN)).unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let records: Vec<UnitRecord> = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    assert!(!records.is_empty());
    for (n, record) in records.iter().enumerate() {
        assert!(record.id.starts_with('u'), "{record:?}");
        assert_eq!(
            source.get(record.start..record.end),
            Some(record.text.as_str())
        );
        if n > 0 {
            let previous = &records[n - 1];
            assert!(record.start >= previous.end, "units are in document order");
            let expected = if record.block == previous.block {
                previous.index + 1
            } else {
                0
            };
            assert_eq!(record.index, expected, "{record:?}");
        }
    }
    // JSON is for programs: the summary on stderr is localized, stdout is not.
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains(" câu trong ")
    );
}

#[test]
fn stdin_reads_like_a_file() {
    let article = std::fs::read(root().join(SEED_EN)).unwrap();
    let from_file = stdout_of(songngu("en").args(["segment", SEED_EN]));
    let from_stdin = stdout_of(songngu("en").args(["segment", "-"]).write_stdin(article));
    assert!(!from_file.is_empty());
    assert_eq!(from_stdin, from_file);
}

#[test]
fn vietnamese_file_names_pick_vietnamese_rules() {
    // `.vi.` in the name selects the Vietnamese rules; the same text under another name
    // with `--lang vi` must come out the same.
    let article = std::fs::read(root().join("examples/seed.vi.txt")).unwrap();
    let (_dir, path) = temp_file("renamed.txt", &article);
    let by_name = stdout_of(songngu("en").args(["segment", "examples/seed.vi.txt"]));
    let by_flag = stdout_of(songngu("en").args(["segment", "--lang", "vi"]).arg(&path));
    assert!(!by_name.is_empty());
    assert_eq!(by_name, by_flag);
}
