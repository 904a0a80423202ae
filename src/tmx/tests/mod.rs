//! Tests of the TMX layer: the test plan of the reliability notes (§5.2) in `cases`, the
//! real-world corpus in `corpus`, reader and writer behaviour, property tests.

mod cases;
mod corpus;
mod differential;
mod model;
mod properties;
mod reader;
mod writer;

use super::{Problem, Tmx, TmxError, read_all_bytes};

/// A header with every required attribute, source language `en`.
pub(super) const HEADER: &str = r#"<header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="test" adminlang="en" srclang="en" datatype="plaintext"/>"#;

/// A whole document around `body` (TUs); the first TU starts on line 5.
pub(super) fn doc(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n{HEADER}\n<body>\n{body}\n</body>\n</tmx>\n"
    )
}

/// An en/vi TU on one line; segment content as written (markup allowed).
pub(super) fn tu(en: &str, vi: &str) -> String {
    format!(
        "<tu><tuv xml:lang=\"en\"><seg>{en}</seg></tuv><tuv xml:lang=\"vi\"><seg>{vi}</seg></tuv></tu>"
    )
}

/// Reads a whole document, after checking that the fast path and the quick-xml path
/// agree on it.
pub(super) fn read(bytes: &[u8]) -> Result<(Tmx, Vec<Problem>), TmxError> {
    differential::assert_same_both_ways(bytes);
    read_all_bytes("test.tmx", bytes)
}

/// The fatal error reading `bytes` gives.
pub(super) fn fatal(bytes: &[u8]) -> TmxError {
    match read(bytes) {
        Ok((tmx, problems)) => panic!("expected an error, read {tmx:?} with {problems:?}"),
        Err(error) => error,
    }
}

pub(super) fn codes(problems: &[Problem]) -> Vec<&'static str> {
    problems.iter().map(|p| p.code).collect()
}

/// Property test cases: `default`, or `PROPTEST_CASES` for long runs.
pub(super) fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

pub(super) fn utf16(text: &str, bom: bool, big_endian: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    let units = bom.then_some(0xFEFF).into_iter().chain(text.encode_utf16());
    for unit in units {
        let pair = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        bytes.extend_from_slice(&pair);
    }
    bytes
}
