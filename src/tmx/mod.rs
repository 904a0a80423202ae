//! TMX (Translation Memory eXchange) 1.1 to 1.4b: the model, a streaming reader and a
//! deterministic writer. Format only: no store, no index.
//!
//! ```
//! use songngu::tmx::{read_all_bytes, write_all};
//!
//! let input = r#"<?xml version="1.0"?>
//! <tmx version="1.4"><header srclang="en"/><body>
//! <tu tuid="7"><tuv xml:lang="en"><seg>Hello</seg></tuv><tuv lang="VI_vn"><seg>  Xin chào  </seg></tuv></tu>
//! </body></tmx>"#;
//! let (tmx, problems) = read_all_bytes("in.tmx", input.as_bytes())?;
//! let vi: unic_langid::LanguageIdentifier = "vi-VN".parse().unwrap();
//! let tuv = tmx.tus[0].tuv(&vi).unwrap();
//! assert_eq!(tuv.lang_raw(), Some("VI_vn"));               // as written
//! assert_eq!(tuv.seg.plain_text(), "  Xin chào  ");        // whitespace is content
//! assert_eq!(problems.len(), 1);                           // the header lacks attributes
//!
//! let bytes = write_all(Vec::new(), &tmx).unwrap();
//! let (again, _) = read_all_bytes("out.tmx", &bytes)?;
//! assert_eq!(again, tmx.canonical());
//! # Ok::<(), songngu::tmx::TmxError>(())
//! ```
//!
//! # The model keeps everything
//!
//! - Attributes are ordered lists of (qualified name as written, value), so unknown and
//!   namespaced attributes (`ex:id`) survive; `<tmx>`'s own (`xmlns:ex`) are in
//!   [`Tmx::attrs`]. Props and notes share one ordered list ([`Meta`]); a prop type may
//!   repeat. The header keeps `<ude>`/`<map>` and unknown children as [`Element`]s.
//! - A segment is a tree of [`Inline`] content: text and `bpt`, `ept`, `it`, `ph`, `hi`,
//!   `sub`, `ut` with their attributes and native-code text. An element TMX does not
//!   define inside `<seg>` is kept as [`InlineKind::Other`] with a warning.
//! - Language tags are kept as written (`lang` or `xml:lang`, `en_US`, `EN-us`);
//!   [`Tuv::lang`] gives the canonical form, [`Tu::tuv`] matches by language with fallback
//!   ([`lang_match`](crate::text::lang::lang_match), the one rule validation, lookup and import share: the exact tag, else
//!   the bare language, else the same language with another region), `srclang="*all*"` is
//!   [`SrcLang::All`]. [`Tu::to_tmx14`] renames the deprecated `lang` to `xml:lang` for
//!   TMX 1.4b output, keeping the spelling (`xml:lang="EN-US"`).
//! - Namespace declarations (`xmlns:ex`) are attributes like any other, kept where they are
//!   written (`<tmx>`, `<header>`, `<tu>`, `<tuv>`, props, notes, inline elements); those on
//!   `<body>` and `<seg>`, which keep no attributes, move to `<tmx>` and `<tuv>`, so every
//!   prefixed name stays declared ([`is_namespace_declaration`]).
//! - Not kept: comments, processing instructions, the order of header extras relative to
//!   props and notes, attributes other than namespace declarations on `<seg>` and `<body>`
//!   (both with a warning; so is a declaration there of a prefix the parent binds to
//!   another URI).
//!
//! # Whitespace and line ends
//!
//! Whitespace inside `<seg>`, inline elements, `<prop>`, `<note>` and kept elements is
//! content and is kept exactly: leading, trailing, repeated spaces, tabs, newlines.
//! Whitespace between structural elements (`<tu>`, `<tuv>`, `<header>`) is layout and is
//! dropped. XML turns CR LF and lone CR written raw into LF, and tabs and newlines written
//! raw in attribute values into spaces; characters written as references (`&#13;`,
//! `&#9;`) are kept, and the writer writes CR in text and TAB, LF, CR in attribute values
//! as references, so every string survives a round trip. Text is never normalized to NFC
//! or NFD: Vietnamese in NFD stays NFD.
//!
//! # Attribute order and canonical form
//!
//! The writer writes attributes in one fixed order (the known TMX attributes of the
//! element in DTD order, then the others in model order), so its output does not depend on
//! the order of the input; [`Tmx::canonical`] and [`Tu::canonical`] give the model in
//! that order with segments normalized (adjacent texts joined, empty texts dropped), which
//! is what reading the writer's output gives: `read(write(m)) == m.canonical()`, and
//! `write(read(write(m)))` is byte-identical to `write(m)`.
//!
//! # Reader policy
//!
//! Encodings: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM or recognized by the
//! `<?xml` byte pattern, and single-byte or legacy encodings as declared (encoding_rs;
//! `ISO-8859-1` is read as windows-1252, with a warning; `us-ascii` is read as UTF-8). A
//! declaration that contradicts the BOM or the bytes gives a warning and the bytes win.
//! UTF-32, gzip and zip are refused with a clear error, and so are an empty file and a
//! file holding only a BOM. Lines and columns count decoded characters, for every encoding.
//!
//! Fatal errors ([`TmxError`]: the read ends) are those that make the file not
//! well-formed or not TMX: syntax errors, characters XML 1.0 forbids (raw or as references),
//! undefined entities (only the five predefined ones exist), entity declarations or
//! parameter entities in the DOCTYPE (which is kept but never resolved), `]]>` or `<` where
//! they may not be, duplicate attributes, unclosed elements at the end of the file, content
//! after the root, a root that is not `<tmx>` (a Tiled map is `<map>`), and any exceeded
//! [`Limits`] (each error names its limit).
//!
//! A well-formed file with a damaged TU gives a partial result: the TU is skipped with an
//! [`Severity::Error`] [`Problem`] and reading goes on. Problem codes (stable):
//!
//! - errors (something skipped): `tu-without-tuv`, `tuv-without-lang`, `tuv-without-seg`,
//!   `tuv-two-segs`, `text-in-tu`, `element-in-meta`, `misplaced-element`,
//!   `unknown-element` (an unknown element directly in `<tu>`/`<tuv>`: the TU is skipped
//!   rather than losing it silently), `unexpected-element`, `text-in-body`,
//!   `text-in-header`, `text-in-tmx`;
//! - warnings (kept as written): `encoding-mismatch`, `latin1-as-windows-1252`,
//!   `xml-version`, `missing-version`, `unknown-version`, `missing-header`,
//!   `missing-body`, `body-attrs`, `missing-header-attr`, `bad-segtype`, `bad-lang`,
//!   `conflicting-lang`, `bad-date`, `bad-usagecount`, `prop-without-type`,
//!   `missing-source-tuv`, `misplaced-meta`, `seg-attrs`, `unknown-element` (in `<seg>` or
//!   `<header>`, kept), and the Level-2 rules of TMXValidator: `bad-i`, `duplicate-i`,
//!   `ept-without-bpt`, `unbalanced-bpt`, `it-without-pos`, `bad-x`, `duplicate-x`,
//!   `misplaced-sub`, `misplaced-inline`.
//!
//! # Plain text
//!
//! [`Seg::plain_text`] is the sentence without markup: text in the segment and in `hi`
//! (and in unknown elements), without native code and without `sub` sub-flows (a
//! footnote or an `alt` text inside a native code is not part of the sentence;
//! [`Seg::sub_flows`] lists them).

mod check;
mod date;
mod error;
mod model;
mod reader;
mod source;
mod writer;
pub(crate) mod xml;

#[cfg(test)]
mod tests;

pub use date::{
    is_tmx_date, iso8601, iso8601_now, seconds_since_epoch, tmx_date, tmx_date_as_iso8601,
    tmx_date_now,
};
pub use error::{ErrorKind, Invalid, Problem, ProblemValues, Severity, TmxError, WriteError};

/// Every problem code the reader reports, with the names of the values it carries in
/// [`Problem::values`] (a value may be missing where the message does not need it, as
/// `attribute` for a `bad-lang` of a `<tuv>`).
pub const PROBLEM_CODES: &[(&str, &[&str])] = &[
    ("tu-without-tuv", &[]),
    ("tuv-without-lang", &[]),
    ("tuv-without-seg", &[]),
    ("tuv-two-segs", &[]),
    ("text-in-tu", &["parent"]),
    ("element-in-meta", &["element", "place"]),
    ("misplaced-element", &["element", "parent"]),
    ("unknown-element", &["element", "parent"]),
    ("unexpected-element", &["element", "parent"]),
    ("text-in-body", &["parent"]),
    ("text-in-header", &[]),
    ("text-in-tmx", &[]),
    ("encoding-mismatch", &["declared", "evidence", "encoding"]),
    ("latin1-as-windows-1252", &["declared"]),
    ("xml-version", &["version"]),
    ("missing-version", &[]),
    ("unknown-version", &["version"]),
    ("missing-header", &[]),
    ("missing-body", &["root"]),
    ("body-attrs", &["attributes"]),
    ("missing-header-attr", &["attributes"]),
    ("bad-segtype", &["value"]),
    ("bad-lang", &["attribute", "value"]),
    ("conflicting-lang", &["xml_lang", "lang"]),
    ("bad-date", &["attribute", "value"]),
    ("bad-usagecount", &["value"]),
    ("prop-without-type", &[]),
    ("missing-source-tuv", &["srclang"]),
    ("misplaced-meta", &[]),
    ("seg-attrs", &["attributes"]),
    ("bad-i", &["element"]),
    ("duplicate-i", &["element", "i"]),
    ("ept-without-bpt", &["i"]),
    ("unbalanced-bpt", &["i"]),
    ("it-without-pos", &[]),
    ("bad-x", &["element"]),
    ("duplicate-x", &["element", "x"]),
    ("misplaced-sub", &[]),
    ("misplaced-inline", &["element"]),
];
pub use model::{
    Attr, CONFLICTING_LANG_PROP, Element, Header, Inline, InlineElement, InlineKind, Meta, Node,
    Note, Prop, Seg, SrcLang, Tmx, Tu, Tuv, attr_value, remove_attr_value, set_attr_value,
};
pub use reader::prolog::is_namespace_declaration;
pub use reader::{
    Limits, ReadOptions, TmxReader, TuRecord, parse_tu, parse_tu_with_problems, read_all,
    read_all_bytes, read_tu_at,
};
pub use source::SourceEncoding;
pub use writer::{
    MAX_WRITE_DEPTH, Prolog, TmxWriter, check_header, check_tu, tu_xml, write_all, write_file,
};
