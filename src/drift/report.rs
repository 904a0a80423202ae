//! The drift report: plain data, never printed here.
//!
//! A check produces [`Finding`]s. The command line turns each into a [`FindingRecord`],
//! the JSON Lines schema of `songngu check --format json`, rendering the finding's
//! [`Explanation`] through the English Fluent bundle (JSON is never localized), and into
//! localized text for people.

use serde::{Deserialize, Serialize};

/// What a finding is about. Serialized in `snake_case` (`same_as_source`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    // Revision drift (the English changed since it was translated).
    /// The English was edited since its Vietnamese was made.
    Stale,
    /// No Vietnamese yet (a new or split sentence, or unaligned English).
    Missing,
    /// A unit of the memory whose English is no longer in the article.
    Orphaned,
    /// Vietnamese that no English unit accounts for (`check --vi`).
    Extra,
    /// A current translation the memory marks `needs-review` (a doubtful alignment):
    /// someone should read it and approve it (`songngu review`).
    NeedsReview,
    /// English the published translation leaves out on purpose, as the memory records
    /// (an English-only note for foreign readers).
    Omitted,
    // Cross-language checks (the Vietnamese disagrees with the English).
    Number,
    Date,
    Time,
    Name,
    Url,
    SameAsSource,
    Normalization,
    Punctuation,
    Inconsistent,
    Length,
    Tag,
    /// A link of `check --vi` the aligner doubts: a sentence may have been left out or
    /// added there, or paired with the wrong one.
    Alignment,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 18] = [
        Kind::Stale,
        Kind::Missing,
        Kind::Orphaned,
        Kind::Extra,
        Kind::NeedsReview,
        Kind::Omitted,
        Kind::Number,
        Kind::Date,
        Kind::Time,
        Kind::Name,
        Kind::Url,
        Kind::SameAsSource,
        Kind::Normalization,
        Kind::Punctuation,
        Kind::Inconsistent,
        Kind::Length,
        Kind::Tag,
        Kind::Alignment,
    ];

    /// The name used in JSON, the config file and messages (`same_as_source`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Stale => "stale",
            Kind::Missing => "missing",
            Kind::Orphaned => "orphaned",
            Kind::Extra => "extra",
            Kind::NeedsReview => "needs_review",
            Kind::Omitted => "omitted",
            Kind::Number => "number",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Name => "name",
            Kind::Url => "url",
            Kind::SameAsSource => "same_as_source",
            Kind::Normalization => "normalization",
            Kind::Punctuation => "punctuation",
            Kind::Inconsistent => "inconsistent",
            Kind::Length => "length",
            Kind::Tag => "tag",
            Kind::Alignment => "alignment",
        }
    }

    /// Parses [`Kind::name`].
    pub fn from_name(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// How serious a finding of this kind is unless the config says otherwise.
    ///
    /// Errors are what must not go out: content that is missing, out of date or says
    /// something else (numbers, dates, times, links). Warnings need a look but are often
    /// right (a name may be translated, a sentence may stay in English on purpose).
    /// Orphaned units only tell that the memory holds more than the article needs, and
    /// style matters (spacing, length) are information. A translation awaiting review is
    /// a warning: it was published (it came from the published Vietnamese), the aligner
    /// only doubts the pairing, and most doubtful pairs are right, so it asks for a look
    /// without stopping a release; a newsroom that wants every pair read sets it to
    /// `error` in `[check.kinds]`.
    pub fn default_severity(self) -> Severity {
        match self {
            Kind::Stale
            | Kind::Missing
            | Kind::Extra
            | Kind::Number
            | Kind::Date
            | Kind::Time
            | Kind::Url
            | Kind::Tag => Severity::Error,
            Kind::Name
            | Kind::SameAsSource
            | Kind::Normalization
            | Kind::Punctuation
            | Kind::Inconsistent
            | Kind::Alignment
            | Kind::NeedsReview => Severity::Warning,
            // An omission on purpose is a decision to revisit in review, not drift.
            Kind::Orphaned | Kind::Omitted | Kind::Length => Severity::Info,
        }
    }
}

/// How serious a finding is; ordered `info < warning < error`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    #[default]
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn from_name(name: &str) -> Option<Severity> {
        [Severity::Info, Severity::Warning, Severity::Error]
            .into_iter()
            .find(|s| s.name() == name)
    }
}

/// What kind of edit made a unit stale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EditKind {
    /// Only case, punctuation or spacing changed.
    Typo,
    /// A number (amount, percentage, money) changed.
    Number,
    /// A date or time changed.
    Date,
    /// A name or acronym changed.
    Name,
    /// Anything else: words were changed.
    Rewrite,
}

impl EditKind {
    /// Every kind.
    pub const ALL: [EditKind; 5] = [
        EditKind::Typo,
        EditKind::Number,
        EditKind::Date,
        EditKind::Name,
        EditKind::Rewrite,
    ];

    /// The name used in JSON and as the `edit` argument of messages (`rewrite`).
    pub fn name(self) -> &'static str {
        match self {
            EditKind::Typo => "typo",
            EditKind::Number => "number",
            EditKind::Date => "date",
            EditKind::Name => "name",
            EditKind::Rewrite => "rewrite",
        }
    }
}

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DiffPart {
    /// `equal`, `delete` (only in the old English) or `insert` (only in the new).
    pub op: DiffOp,
    /// The text of the piece, spaces included, so the parts of one side joined give that
    /// side back exactly.
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffOp {
    Equal,
    Delete,
    Insert,
}

/// A translation suggested for a missing unit: the best fuzzy match of the memory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// 0-100.
    pub score: u8,
    pub en: String,
    pub vi: String,
}

/// The explanation of a finding as a Fluent message id (in `locales/*/songngu.ftl`) and
/// its arguments, so that it can be shown in any UI language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    pub id: &'static str,
    pub args: Vec<(&'static str, String)>,
}

impl Explanation {
    pub fn new(id: &'static str) -> Explanation {
        Explanation {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Explanation {
        self.args.push((name, value.into()));
        self
    }
}

/// Who accepted a finding, and when: an accepted finding no longer fails the check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acceptance {
    pub by: String,
    /// `YYYY-MM-DDThh:mm:ssZ`.
    pub at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// One thing an editor should look at.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: Kind,
    pub severity: Severity,
    /// The unit's id: the current English unit's, or for `orphaned` the memory unit's,
    /// or for `extra` the Vietnamese sentence's.
    pub unit: Option<String>,
    /// The paragraph (block index) of the article the unit is in, for grouping.
    pub paragraph: Option<usize>,
    /// The current English (the old English for `orphaned`).
    pub en: Option<String>,
    pub vi: Option<String>,
    pub explanation: Explanation,
    /// `stale` only: the English the Vietnamese was made from, the word diff from it to
    /// the current English, and what kind of edit it was.
    pub old_en: Option<String>,
    pub diff: Option<Vec<DiffPart>>,
    pub edit: Option<EditKind>,
    /// `missing` only: the best fuzzy match, if any.
    pub suggestion: Option<Suggestion>,
    pub accepted: Option<Acceptance>,
}

impl Finding {
    /// A finding of `kind` with its default severity and nothing else filled in.
    pub fn new(kind: Kind, explanation: Explanation) -> Finding {
        Finding {
            kind,
            severity: kind.default_severity(),
            unit: None,
            paragraph: None,
            en: None,
            vi: None,
            explanation,
            old_en: None,
            diff: None,
            edit: None,
            suggestion: None,
            accepted: None,
        }
    }

    /// A stable fingerprint of what the finding is about (kind, unit, both texts and the
    /// explanation), so that accepting it holds until either text changes.
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut hasher = Sha256::new();
        let mut field = |s: &str| {
            hasher.update((s.len() as u64).to_le_bytes());
            hasher.update(s.as_bytes());
        };
        field(self.kind.name());
        field(self.unit.as_deref().unwrap_or(""));
        field(&crate::text::normalize::normalize(
            self.en.as_deref().unwrap_or(""),
        ));
        field(&crate::text::normalize::normalize(
            self.vi.as_deref().unwrap_or(""),
        ));
        field(self.explanation.id);
        for (name, value) in &self.explanation.args {
            field(name);
            field(value);
        }
        let digest = hasher.finalize();
        format!("f{}", &hex(&digest)[..12])
    }
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// One line of `songngu check --format json`: one finding. Current units print nothing.
///
/// ```json
/// {"kind":"stale","severity":"error","unit":"u3f2a9c01b7","paragraph":4,
///  "en":"… more than 1,200 guests …","vi":"… hơn một nghìn khách mời …",
///  "message":"the English changed since it was translated (number)",
///  "id":"f0a1b2c3d4e5f","old_en":"… more than one thousand guests …",
///  "diff":[{"op":"equal","text":"… more than "},{"op":"delete","text":"one thousand"},
///          {"op":"insert","text":"1,200"},{"op":"equal","text":" guests …"}],
///  "edit":"number"}
/// ```
///
/// `kind`, `severity`, `unit`, `en`, `vi`, `message` and `id` are on every line (`null`
/// when they do not apply); the other fields are left out when they do not apply. A
/// `stale` line also has `old_en`, `diff` (the word diff from the old English to the new)
/// and `edit`; a `missing` one may have a `suggestion` (`score`, `en`, `vi`) from the
/// memory; an accepted finding has `accepted` (`by`, `at`, `reason`). A finding on a unit
/// of the article checked against the memory has `version`: the version of what the memory
/// holds for that unit (see [`crate::drift::version`]), for `translate --expect-version`.
/// `message` is always English.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingRecord {
    /// One of the [`Kind`] names.
    pub kind: Kind,
    pub severity: Severity,
    /// The unit id (see [`Finding::unit`]); `null` when there is none.
    pub unit: Option<String>,
    /// The paragraph (block) of the English article, from 0 (the human report counts
    /// from 1); left out for orphaned units, which are no longer in the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    /// The English text (`null` for an `extra` Vietnamese sentence).
    pub en: Option<String>,
    /// The Vietnamese text (`null` for a `missing` unit).
    pub vi: Option<String>,
    /// A short explanation in English.
    pub message: String,
    /// The finding's fingerprint, for `--accept`.
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff: Option<Vec<DiffPart>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edit: Option<EditKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accepted: Option<Acceptance>,
    /// The version of the memory's translation of [`FindingRecord::unit`] (left out when
    /// checked against a Vietnamese article, and for orphaned and extra findings).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

impl FindingRecord {
    /// The record of `finding`, with `message` rendered by `render` (the English bundle).
    pub fn new(finding: &Finding, render: impl Fn(&Explanation) -> String) -> FindingRecord {
        FindingRecord {
            kind: finding.kind,
            severity: finding.severity,
            unit: finding.unit.clone(),
            paragraph: finding.paragraph,
            en: finding.en.clone(),
            vi: finding.vi.clone(),
            message: render(&finding.explanation),
            id: finding.fingerprint(),
            old_en: finding.old_en.clone(),
            diff: finding.diff.clone(),
            edit: finding.edit,
            suggestion: finding.suggestion.clone(),
            accepted: finding.accepted.clone(),
            version: None,
        }
    }
}
