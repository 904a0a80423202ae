//! The fast path (a plain `<tu>` read by the reader's own tokenizer) must give exactly what
//! the quick-xml path gives: the same records, positions, spans, problems and errors.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use crate::tmx::{Header, Problem, TmxReader, TuRecord};

/// Everything one read gives.
#[derive(Debug, PartialEq)]
struct Outcome {
    header: Option<Header>,
    records: Vec<TuRecord>,
    problems: Vec<Problem>,
    /// The fatal error, as displayed (it holds the position), and its byte offset.
    error: Option<(String, Option<u64>)>,
}

fn outcome(bytes: &[u8], fast: bool) -> Outcome {
    let mut result = Outcome {
        header: None,
        records: Vec::new(),
        problems: Vec::new(),
        error: None,
    };
    let mut reader = match TmxReader::from_bytes("d.tmx", bytes) {
        Ok(reader) => reader,
        Err(error) => {
            result.error = Some((error.to_string(), error.offset));
            return result;
        }
    };
    reader.set_fast_path(fast);
    result.header = Some(reader.header().clone());
    loop {
        match reader.next_tu() {
            Ok(Some(record)) => result.records.push(record),
            Ok(None) => break,
            Err(error) => {
                result.error = Some((error.to_string(), error.offset));
                break;
            }
        }
    }
    result.problems = reader.problems().to_vec();
    result
}

pub(super) fn assert_same_both_ways(bytes: &[u8]) {
    let fast = outcome(bytes, true);
    let slow = outcome(bytes, false);
    assert_eq!(
        fast,
        slow,
        "fast path and quick-xml path differ on {:?}",
        String::from_utf8_lossy(bytes)
    );
}

/// Pieces of TMX, well-formed or not, that put the fast path at its edges.
fn piece() -> impl Strategy<Value = String> {
    prop::sample::select(
        &[
            "<tu>",
            "</tu>",
            "<tu tuid=\"1\">",
            "<tu/>",
            "<tu\n srclang='vi'>",
            "<tux>",
            "</tux>",
            "<tuv xml:lang=\"en\">",
            "<tuv lang='vi'>",
            "</tuv>",
            "<tuv>",
            "<seg>",
            "</seg>",
            "<seg/>",
            "<prop type=\"x\">",
            "</prop>",
            "<note>",
            "</note>",
            "<bpt i=\"1\">",
            "</bpt>",
            "<ept i=\"1\"/>",
            "<ph x=\"1\"/>",
            "<hi>",
            "</hi>",
            "<g id=\"1\">",
            "</g>",
            "<x/>",
            "<sub>",
            "</sub>",
            "text",
            "Tiếng Việt",
            " ",
            "\n  ",
            "\r\n",
            "\t",
            "&amp;",
            "&lt;",
            "&#x1D400;",
            "&#13;",
            "&nbsp;",
            "&#x1;",
            "& ",
            "&amp",
            "<!-- c -->",
            "<![CDATA[a<b]]>",
            "<?pi x?>",
            "]]>",
            "\u{1}",
            "\u{FFFE}",
            ">",
            "<",
            "\"",
            "<tu a='1' a='2'>",
            "<seg a=\"<\">",
            "</tu >",
            "</ tu>",
            "<tu attr=\">\">",
            "<>",
            "</>",
        ][..],
    )
    .prop_map(str::to_owned)
}

fn soup() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(piece(), 0..40).prop_map(|pieces| {
        format!(
            "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\">{}<body>\n{}\n</body></tmx>\n",
            super::HEADER,
            pieces.concat()
        )
        .into_bytes()
    })
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: super::cases(1000),
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn both_paths_agree_on_tmx_soup(bytes in soup()) {
        let fast = outcome(&bytes, true);
        let slow = outcome(&bytes, false);
        prop_assert_eq!(fast, slow);
    }

    /// Well-formed TUs, many in a row, with the constructs the fast path handles and the
    /// ones it hands over.
    #[test]
    fn both_paths_agree_on_valid_tus(segs in prop::collection::vec(
        prop::collection::vec(prop::sample::select(&[
            "a", " b ", "Việt", "&amp;", "&#x9;", "<ph x=\"1\"/>", "<bpt i=\"1\">&lt;b&gt;</bpt>", "<ept i=\"1\">&lt;/b&gt;</ept>",
            "<hi type=\"b\">x</hi>", "<!-- c -->", "<![CDATA[ c ]]>", "\r\n", "<g>y</g>",
        ][..]), 0..6), 1..30)) {
        let body: String = segs.iter().enumerate().map(|(i, seg)| {
            format!("\n  <tu tuid=\"{i}\">\n    <tuv xml:lang=\"en\"><seg>{}</seg></tuv>\n    <tuv xml:lang=\"vi\"><seg>x</seg></tuv>\n  </tu>", seg.concat())
        }).collect();
        let bytes = super::doc(&body).into_bytes();
        let fast = outcome(&bytes, true);
        prop_assert!(fast.error.is_none(), "{:?}", fast.error);
        prop_assert_eq!(fast.records.len(), segs.len());
        prop_assert_eq!(fast, outcome(&bytes, false));
    }
}
