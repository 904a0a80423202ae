//! XLIFF export and import: the units of an article that need work go to a translator as
//! XLIFF 2.0 or 1.2, are translated in OmegaT, Trados or memoQ, and come back.
//!
//! ```
//! use std::path::Path;
//! use songngu::xliff::{read, write, State, Version, XliffDoc, XliffUnit};
//!
//! let doc = XliffDoc {
//!     doc: "news/2024/hoi-thao.md".to_owned(),
//!     source_lang: "en".to_owned(),
//!     target_lang: "vi".to_owned(),
//!     units: vec![
//!         XliffUnit::new("u3f2a9c01b7", "The **workshop** ended at 11:12 & lunch followed."),
//!         XliffUnit {
//!             vi: Some("Hội thảo bắt đầu lúc 8 giờ.".to_owned()),
//!             state: State::Translated,
//!             score: Some(87),
//!             old_en: Some("The workshop began at 8.".to_owned()),
//!             ..XliffUnit::new("u0c1d2e3f4a", "The workshop began at 8 a.m.")
//!         },
//!     ],
//! };
//! for version in [Version::V2_0, Version::V1_2] {
//!     let mut bytes = Vec::new();
//!     write(&doc, version, &mut bytes)?;
//!     assert_eq!(read(Path::new("bai.xlf"), &bytes)?, doc);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What goes where
//!
//! | model                | XLIFF 2.0                                                  | XLIFF 1.2 |
//! |----------------------|------------------------------------------------------------|-----------|
//! | `doc`                | `<file id="f1" original="...">`                            | `<file original="...">` |
//! | `source_lang`, `target_lang` | `srcLang`, `trgLang` on `<xliff>`                  | `source-language`, `target-language` on `<file>` |
//! | `id`                 | `<unit id>`                                                | `<trans-unit id>` |
//! | `name`               | `<unit name>`                                              | `<trans-unit resname>` |
//! | `en`, `vi`           | `<segment>` → `<source>`, `<target>` (no `vi`: no `<target>`) | `<source>`, `<target>` |
//! | `state`              | `<segment state>` (+ `subState`)                           | `<target state>` (+ `approved="yes"`; see [States](#states)) |
//! | `score`              | `<note category="match-score" appliesTo="target">87</note>` | `<alt-trans origin="songngu" match-quality="87">` with the suggestion as its `<target>` (+ `state-qualifier`) |
//! | `old_en`             | `<note category="old-source" appliesTo="source">`          | `<note from="old-source" annotates="source">`, and the `<source>` of the `<alt-trans>` |
//! | `notes`              | `<note>` (no category), in `<notes>`                       | `<note>` |
//!
//! ## States
//!
//! [`State`] uses the XLIFF 2.0 names. XLIFF 1.2 keeps the state on `<target>`, so a
//! unit without Vietnamese has no state in 1.2 (and is `Initial`).
//!
//! | [`State`]     | 2.0 writes / reads         | 1.2 writes                                  | 1.2 reads `<target state>` |
//! |---------------|----------------------------|---------------------------------------------|-----------|
//! | `Initial`     | `initial`                  | `needs-translation`; with old English and no score, `needs-review-translation` + `state-qualifier="leveraged-inherited"` | `new`, `needs-translation`, `needs-adaptation`, `needs-l10n`; `needs-review-translation` with `state-qualifier="leveraged-inherited"` |
//! | `NeedsReview` | `initial` + `subState="songngu:needs-review"` | `needs-review-translation`         | `needs-review-translation` (other qualifiers), `needs-review-adaptation`, `needs-review-l10n` |
//! | `Translated`  | `translated`               | `translated`                                | `translated` |
//! | `Reviewed`    | `reviewed` (and reads `final`) | `signed-off`, and `approved="yes"` on `<trans-unit>` | `signed-off`, `final` |
//!
//! Why these 1.2 values: 1.2 `new` says the *item* is new relative to a previous version
//! of the document; `needs-translation` says *its translation* must be done, which is what
//! 2.0 `initial` means (a target there is only a suggestion). 1.2 `signed-off` is "changes
//! were reviewed and approved", 2.0 `reviewed`; 1.2 `final` ("the terminating state") is
//! 2.0 `final`, a state we read as `Reviewed` and never write. An `Initial` unit with
//! Vietnamese and old English but no score is a *stale* unit: its Vietnamese is the
//! translation of an earlier English, kept for the translator to revise. 1.2 says exactly
//! that with `needs-review-translation` ("only the text of the item needs to be reviewed")
//! qualified `leveraged-inherited` ("derived from the translation of a previous version
//! of the document"), which is what we write; tools show such units as fuzzy. The
//! qualifier tells our stale units from a translation awaiting review (`NeedsReview`, the
//! memory's `needs-review`, such as a doubtful alignment), so both read back as they
//! were. The other two `needs-review-*` values also ask for a review, and are read as
//! `NeedsReview` (the safe side). `approved` ("the
//! translation is final or has passed its final review") is written with `signed-off`
//! because some tools read it rather than `state` (translate-toolkit caps a unit without
//! `approved="yes"` at "translated").
//!
//! XLIFF 2.0 has no state for "translated, awaiting review": `translated` would tell a
//! tool the work is done (and an untouched file would come back as a confirmed
//! translation), so `NeedsReview` is `initial`, which every tool shows as work to do, with
//! the 2.0 core's `subState` (`prefix:value`, values of one authority) saying
//! `songngu:needs-review`, so that it reads back as it was. `subState` counts only with
//! `state="initial"`: a tool that moves the state on is the later word.
//!
//! On import, a known 1.2 `state` wins over `approved`, because tools disagree on
//! `approved`: translate-toolkit (and the Pootle/Virtaal family) sets `approved="yes"` on
//! every translated unit. Only an explicit `approved="no"` changes a state: it keeps
//! `signed-off`/`final` at `Translated` (the safe side). A target without a known `state`
//! (none, or a custom `x-` value) is `Reviewed` with `approved="yes"`, and `Translated`
//! otherwise. An unknown 2.0 value is `Initial`.
//!
//! ## Match score and old English
//!
//! - **1.2**: `<alt-trans>` is the 1.2 element for "possible translations along with
//!   optional information about the translation's origin, match quality"; its
//!   `match-quality` is where Trados, memoQ, Okapi and translate-toolkit look for a TM
//!   match percentage. The suggestion (`vi`) is its `<target>`; when the suggestion was
//!   made from other English (`old_en`) that English is its `<source>`. The `<target>` of
//!   the unit also holds the suggestion, with `state-qualifier="exact-match"` (score 100)
//!   or `"fuzzy-match"`, so the translator edits it in place. 1.2 notes have no category,
//!   so the old English is marked with `from="old-source"` (`from` is the one free-text
//!   classifier of a 1.2 note; translate-toolkit filters notes by it) and
//!   `annotates="source"`.
//! - **2.0**: the score is a core `<note category="match-score" appliesTo="target">`. The
//!   2.0 counterpart of `<alt-trans>`, the Translation Candidates module (`mtc:match`
//!   with `similarity`), is optional: a core-only tool (OmegaT's and Okapi's XLIFF 2
//!   filters) ignores it, and it requires a `<source>` (the English the candidate was
//!   translated from, which for a TM fuzzy match we do not carry) and a `ref` into the
//!   source text. Notes are core, every 2.0 tool keeps and shows them, and `category`
//!   is the core's own way to classify them. The old English is likewise
//!   `<note category="old-source" appliesTo="source">`. Other notes have no category.
//!
//! # Writing
//!
//! [`write()`] first checks the whole document ([`validate`]) and writes nothing when it
//! is refused ([`WriteError`], inside an [`io::Error`](std::io::Error) of kind
//! `InvalidInput`: get it back with `get_ref()` and `downcast_ref`). Refused: ids that
//! are not XML `NMTOKEN`s (in 1.2 as well) or that repeat, empty or malformed language
//! tags, characters XML 1.0 cannot carry where the format has no escape for them, a score
//! above 100, a score or a `Translated`/`Reviewed` state without Vietnamese,
//! `vi: Some("")` (it would read back as `None`), and, in 2.0, a document without units.
//!
//! - Escaping: `&`, `<`, `>` in text; `&`, `<`, `>`, `"` and TAB, LF, CR (as character
//!   references, so attribute normalization cannot eat them) in attributes; CR in text as
//!   `&#13;` (XML would turn a raw CR into LF). In 2.0 `<source>`/`<target>`, a character
//!   XML cannot carry (U+0001...U+001F but TAB, LF, CR; U+FFFE, U+FFFF) is written as
//!   `<cp hex="..."/>`, as the 2.0 core requires of writers; anywhere else it is refused.
//! - Whitespace: `xml:space="preserve"` on the `<unit>`/`<trans-unit>` (inherited by its
//!   source, target and notes) when any of its texts has leading or trailing whitespace,
//!   two spaces in a row, a tab or a line break. Indentation is between structural
//!   elements only.
//! - 2.0 `<file>` has `canResegment="no"`: our units are sentences whose ids the memory
//!   tracks, so a tool must not merge or split them.
//! - Determinism: fixed element and attribute order, `\n` line ends, two-space indent;
//!   the same document gives the same bytes.
//!
//! # Reading
//!
//! [`read`] takes UTF-8 (with or without BOM) or UTF-16 with a BOM, finds the version from
//! the root (`version`, and the namespace: 1.2, or 2.0 for versions 2.0 and 2.1, or the
//! 2.2 namespace for 2.2; a 1.2 root without namespace is accepted) and reads only what
//! the model holds. Elements of other namespaces (tool extensions, modules such as
//! `mtc:matches`) are skipped with their content, and so are the XLIFF elements the model
//! has no place for (`<header>`, `<skeleton>`, `<originalData>`, `<seg-source>`,
//! `<context-group>`, file-level notes...).
//!
//! - Inline markup in `<source>`/`<target>` (`<g>`, `<x/>`, `<bx/>`, `<ex/>`, `<ph>`,
//!   `<bpt>`, `<ept>`, `<it>`, `<mrk>`, `<sub>` in 1.2; `<pc>`, `<ph/>`, `<sc/>`, `<ec/>`,
//!   `<mrk>`, `<sm/>`, `<em/>`, `<cp/>` in 2.0) is flattened to its text content (`<cp/>`
//!   to its character), except that our 2.0 codes get their Markdown back from
//!   `<originalData>` (see [Inline codes](#inline-codes)): our units are plain text with
//!   raw Markdown, so a code's content is the original text. Comments and processing
//!   instructions are dropped; CDATA is text.
//! - Text is never trimmed or normalized, whatever `xml:space` says.
//! - A 2.0 unit that a tool split into several segments (and ignorables) is joined back:
//!   the sources in order, the targets in order (an ignorable without target gives its
//!   source), and the least advanced state.
//! - A `<target>` that is empty (after flattening) is no translation: `vi` is `None`, and
//!   then the state is `Initial` and the score `None`.
//! - The score is read from the `match-score` note (2.0) or from the first `<alt-trans>`
//!   with `origin="songngu"` (1.2), as an integer, a decimal (rounded) or a percentage
//!   0-100; anything else is kept as an ordinary note (2.0) or ignored (1.2). The first
//!   `old-source` note is `old_en`; any further one is an ordinary note.
//! - Several `<file>`s are read as one document: the first file names it (its
//!   `original`, or in 2.0 its `id` when it has no `original`), and its languages (1.2)
//!   are the document's.
//!
//! Errors ([`XliffError`], with the path, line and column): not UTF-8/UTF-16, malformed
//! XML (including characters XML forbids, undefined entities, unbound prefixes, text or a
//! second element after the root, unclosed elements), a root that is not `<xliff>`, an
//! unsupported version or one that contradicts the namespace, missing ids (`<unit>`,
//! `<trans-unit>`, 2.0 `<file id>`) and missing `srcLang` (2.0) or `original` and
//! `source-language` (1.2), duplicate unit ids (across the whole document), units outside
//! a `<file>`, no `<file>` at all, and a bad `<cp hex>`. The reader never panics.
//!
//! So `read(write(doc)) == doc` for every document [`write()`] accepts (with
//! `markdown` read back `true` only for a unit that has markup).
//!
//! # Inline codes
//!
//! A unit with `markdown` has its inline Markdown written as inline codes, found by the
//! project's inline reader on the unit's text alone: emphasis, strikethrough, links and
//! images as pairs (the opening `**` or `[`, the closing `**` or `](url "title")`), code
//! spans, autolinks and inline HTML as standalone codes; the text between is written as
//! it is (escapes, entities). 2.0: `<pc>`/`<ph/>` with `type`, `canCopy="no"`,
//! `canDelete="no"` and their Markdown in the unit's `<originalData>` under ids `md1`,
//! `md2`... (which is how the reader tells ours from another tool's, whose data it does
//! not restore). 1.2: `<bpt>`/`<ept>` and `<ph>` with `ctype`, holding the Markdown as
//! their content. The target's codes take the ids of the source's with the same
//! Markdown; markup only the target has is written as text. The reader puts each code's
//! Markdown back in place, so an untouched file reads back byte for byte, and compares
//! the target's codes with the source's: a difference is
//! [`XliffUnit::code_mismatch`].

mod error;
mod inline;
pub mod omegat;
mod reader;
mod writer;

#[cfg(test)]
mod tests;

use std::fmt;

pub use error::{ErrorKind, Invalid, TextField, WriteError, XliffError};
pub use reader::read;
pub use writer::{validate, write};

/// The XLIFF 2.0 namespace (also used by XLIFF 2.1).
pub const NS_2_0: &str = "urn:oasis:names:tc:xliff:document:2.0";
/// The XLIFF 2.2 namespace (read only).
pub const NS_2_2: &str = "urn:oasis:names:tc:xliff:document:2.2";
/// The XLIFF 1.2 namespace.
pub const NS_1_2: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// The translation state of a unit, with the XLIFF 2.0 names. See the
/// [module docs](self#states) for the 1.2 mapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum State {
    /// Not translated yet; a Vietnamese text is at most a suggestion.
    Initial,
    /// Translated, awaiting review (the memory's `needs-review`: a doubtful alignment).
    NeedsReview,
    /// Translated, not reviewed.
    Translated,
    /// Reviewed (and approved).
    Reviewed,
}

impl State {
    /// The XLIFF 2.0 `state` value written (`NeedsReview` is `initial` with
    /// [`State::sub_state_v2`]).
    pub fn as_v2(self) -> &'static str {
        match self {
            State::Initial | State::NeedsReview => "initial",
            State::Translated => "translated",
            State::Reviewed => "reviewed",
        }
    }

    /// The XLIFF 2.0 `subState` written beside [`State::as_v2`], if any.
    pub fn sub_state_v2(self) -> Option<&'static str> {
        (self == State::NeedsReview).then_some(SUB_STATE_NEEDS_REVIEW)
    }

    /// The state of an XLIFF 2.0 `state` value (`final` is `Reviewed`).
    pub fn from_v2(value: &str) -> Option<State> {
        match value {
            "initial" => Some(State::Initial),
            "translated" => Some(State::Translated),
            "reviewed" | "final" => Some(State::Reviewed),
            _ => None,
        }
    }

    /// The state of an XLIFF 2.0 `state` and `subState`: ours marks `NeedsReview` in
    /// `initial` only (see [States](self#states)).
    pub fn from_v2_with_sub(value: &str, sub_state: Option<&str>) -> Option<State> {
        match (State::from_v2(value)?, sub_state) {
            (State::Initial, Some(SUB_STATE_NEEDS_REVIEW)) => Some(State::NeedsReview),
            (state, _) => Some(state),
        }
    }

    /// The XLIFF 1.2 `<target state>` value written.
    pub fn as_v12(self) -> &'static str {
        match self {
            State::Initial => "needs-translation",
            State::NeedsReview => NEEDS_REVIEW_TRANSLATION,
            State::Translated => "translated",
            State::Reviewed => "signed-off",
        }
    }

    /// The memory's status (`x-songngu-status`) of a translation in this state; `None`
    /// for `Initial`, which is no translation.
    pub fn status(self) -> Option<&'static str> {
        match self {
            State::Initial => None,
            State::NeedsReview => Some("needs-review"),
            State::Translated => Some("translated"),
            State::Reviewed => Some("reviewed"),
        }
    }

    /// The state a translation with the memory's `status` goes out in: `reviewed` (and
    /// `approved`, `final`, as other tools name it) is `Reviewed`, `needs-review` is
    /// `NeedsReview`, anything else (`translated`, none, unknown) `Translated`.
    pub fn of_status(status: Option<&str>) -> State {
        match status.map(str::trim) {
            Some("reviewed" | "approved" | "final") => State::Reviewed,
            Some("needs-review") => State::NeedsReview,
            _ => State::Translated,
        }
    }

    /// The state of an XLIFF 1.2 `<target state>` value (any of the ten the 1.2
    /// specification lists); `None` for others (custom `x-` values).
    pub fn from_v12(value: &str) -> Option<State> {
        match value {
            "new" | "needs-translation" | "needs-adaptation" | "needs-l10n" => Some(State::Initial),
            "needs-review-translation" | "needs-review-adaptation" | "needs-review-l10n" => {
                Some(State::NeedsReview)
            }
            "translated" => Some(State::Translated),
            "signed-off" | "final" => Some(State::Reviewed),
            _ => None,
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sub_state_v2() {
            Some(sub) => write!(f, "{} ({sub})", self.as_v2()),
            None => f.write_str(self.as_v2()),
        }
    }
}

/// Whether a file's language tag `tag` names the language `expected` (a project's): the
/// same tag, or one a prefix of the other at a subtag boundary, ignoring case (RFC 4647
/// basic filtering, either way round): `en-US` and `en` match, and so do `en` and
/// `en-GB`; `en-US` and `en-GB` do not, nor do `en` and `eng`.
pub fn language_matches(tag: &str, expected: &str) -> bool {
    let prefix_of = |short: &str, long: &str| {
        long.len() >= short.len()
            && long.as_bytes()[..short.len()].eq_ignore_ascii_case(short.as_bytes())
            && matches!(long.as_bytes().get(short.len()), None | Some(b'-'))
    };
    let (tag, expected) = (tag.trim(), expected.trim());
    !tag.is_empty() && (prefix_of(tag, expected) || prefix_of(expected, tag))
}

/// The XLIFF version to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Version {
    /// OASIS XLIFF Version 2.0, core.
    V2_0,
    /// OASIS XLIFF Version 1.2.
    V1_2,
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Version::V2_0 => "2.0",
            Version::V1_2 => "1.2",
        })
    }
}

/// One unit of an article to translate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XliffUnit {
    /// Our unit id (`u3f2a9c01b7`); an XML `NMTOKEN`.
    pub id: String,
    /// A name for the unit: 2.0 `<unit name>`, 1.2 `<trans-unit resname>`. songngu's work
    /// files put the unit's position in the article here
    /// ([`work_document`](crate::export::xliff::work_document)), so that a unit whose
    /// English was edited after the export can still be found on import.
    pub name: Option<String>,
    /// The English text (plain text with raw Markdown).
    pub en: String,
    /// The Vietnamese text: a translation, or with [`State::Initial`] a suggestion.
    pub vi: Option<String>,
    pub state: State,
    /// The match score 0-100 of the suggested `vi` (a TM fuzzy score).
    pub score: Option<u8>,
    /// For a stale unit: the English that `vi` was translated from.
    pub old_en: Option<String>,
    /// Other notes for the translator, in order.
    pub notes: Vec<String>,
    /// The unit's surroundings for the translator (previous and next sentence, the
    /// heading): 2.0 `<note category="context">`, 1.2 `<note from="context">`.
    pub context: Option<String>,
    /// `en` and `vi` are Markdown: their inline markup is written as inline codes
    /// (see [Inline codes](self#inline-codes)). Read back `true` when the source has
    /// codes that carry their Markdown.
    pub markdown: bool,
    /// The target is a copy of the English put there for a tool that translates what it
    /// finds in `<target>` (OmegaT; see
    /// [`Dress::source_copies`](crate::export::xliff::Dress::source_copies)). Only with
    /// [`State::Initial`] and Vietnamese: 1.2 `<target state="new">`, 2.0
    /// `subState="songngu:source-copy"`. Read back from those even when the tool
    /// replaced the text: then the new text is the tool's translation.
    pub copied_source: bool,
    /// Read only: the target's codes are not the source's (one dropped, added or
    /// altered), so `vi` cannot be trusted to keep the markup.
    pub code_mismatch: Option<CodeMismatch>,
}

/// How a target's inline codes differ from its source's: the Markdown of each code
/// missing from the target, and of each the source does not have.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CodeMismatch {
    pub missing: Vec<String>,
    pub unexpected: Vec<String>,
}

impl XliffUnit {
    /// An untranslated unit: no name, no Vietnamese, [`State::Initial`], no score, no
    /// notes.
    pub fn new(id: impl Into<String>, en: impl Into<String>) -> XliffUnit {
        XliffUnit {
            id: id.into(),
            name: None,
            en: en.into(),
            vi: None,
            state: State::Initial,
            score: None,
            old_en: None,
            notes: Vec::new(),
            context: None,
            markdown: false,
            copied_source: false,
            code_mismatch: None,
        }
    }
}

impl XliffUnit {
    /// Whether this is a stale unit as 1.2 writes it: [`State::Initial`] with Vietnamese
    /// and old English but no match score (see [States](self#states)).
    fn is_stale_v12(&self) -> bool {
        self.state == State::Initial
            && self.vi.is_some()
            && self.old_en.is_some()
            && self.score.is_none()
    }

    /// Whether the target is written as a copy of the source (see
    /// [`XliffUnit::copied_source`]).
    pub(crate) fn is_copied_source(&self) -> bool {
        self.copied_source && self.state == State::Initial && self.vi.is_some()
    }

    /// The XLIFF 1.2 `<target state>` written for this unit (`None`: no Vietnamese, so no
    /// `<target>`).
    pub fn state_v12(&self) -> Option<&'static str> {
        self.vi.as_ref()?;
        Some(if self.is_copied_source() {
            STATE_NEW
        } else if self.is_stale_v12() {
            NEEDS_REVIEW_TRANSLATION
        } else {
            self.state.as_v12()
        })
    }
}

/// The 1.2 `<target state>` of a copy of the source ([`XliffUnit::copied_source`]): the
/// item is new, nothing of it is translated yet.
pub(crate) const STATE_NEW: &str = "new";
/// The 2.0 `subState` of a copy of the source.
pub const SUB_STATE_SOURCE_COPY: &str = "songngu:source-copy";

/// The 1.2 state of a stale unit (and of `NeedsReview`), and a stale unit's
/// `state-qualifier`.
pub(crate) const NEEDS_REVIEW_TRANSLATION: &str = "needs-review-translation";
/// The 2.0 `subState` of `NeedsReview`.
pub const SUB_STATE_NEEDS_REVIEW: &str = "songngu:needs-review";
pub(crate) const LEVERAGED_INHERITED: &str = "leveraged-inherited";

/// The units of one document (article) to translate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XliffDoc {
    /// The document id (`original` on `<file>`).
    pub doc: String,
    /// The English's language tag: `en`, or the project's (`en-GB`).
    pub source_lang: String,
    /// The Vietnamese's language tag: `vi`, or the project's (`vi-VN`).
    pub target_lang: String,
    pub units: Vec<XliffUnit>,
}
