//! `manifest.json`: what a release folder holds, and how it came to be.
//!
//! Written last into the folder by [`release`](super::release), pretty-printed JSON with
//! keys in a fixed order and files sorted by name, so the same release gives the same
//! bytes:
//!
//! ```json
//! {
//!   "schema": 1,
//!   "songngu_version": "0.1.0",
//!   "document": {
//!     "id": "seed",
//!     "source": "seed.en.txt",
//!     "format": "text",
//!     "encoding": "utf-8",
//!     "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
//!     "size": 4312
//!   },
//!   "source_lang": "en",
//!   "target_lang": "vi",
//!   "memory": [
//!     { "path": "tmx/seed.tmx", "sha256": "…" }
//!   ],
//!   "user": "lan",
//!   "created": "2024-05-01T10:04:05Z",
//!   "allow_drift": false,
//!   "fail_on": "error",
//!   "check": {
//!     "passed": true,
//!     "findings": 0,
//!     "accepted": 1,
//!     "by_kind": {},
//!     "by_severity": {}
//!   },
//!   "units": {
//!     "total": 42, "current": 41, "stale": 1, "missing": 0, "drift_passed": 1,
//!     "with_findings": 1, "open_findings": 0, "blocks_without_units": 0
//!   },
//!   "files": [
//!     { "name": "seed.bilingual.html", "sha256": "…", "size": 52311 },
//!     { "name": "seed.vi.txt", "sha256": "…", "size": 4902 }
//!   ]
//! }
//! ```
//!
//! - `source_lang`, `target_lang`: the language tags of the release (the project's
//!   `source` and `target`), as in its TMX and XLIFF files.
//! - `memory`: the translation memory files the release was checked against, each with
//!   its path as given (on the command line, or as written in `songngu.toml`) and the
//!   SHA-256 of its bytes at release time; empty for a release made without a memory.
//!   A memory file with a journal of changes not yet compacted into it (see
//!   [`crate::memory::journal`]) also has `journal_sha256`, the SHA-256 of the journal's
//!   committed bytes: the TMX and the journal together are what the release was checked
//!   against.
//! - `allow_drift`: whether drift the check does not let through was released anyway;
//!   `fail_on`: the check's failing severity (`info`, `warning`, `error`).
//! - `units`: the units by state; `drift_passed` counts the stale and missing units the
//!   check let through (accepted, or below `fail_on`), which are released and marked
//!   without `allow_drift`.
//!
//! Hashes are SHA-256 in lower-case hex; sizes are in bytes; `created` is UTC. The
//! manifest does not list itself. Readers should ignore fields they do not know; `schema`
//! changes when a field changes meaning or goes away.

use std::collections::BTreeMap;
use std::io::Write;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::release::ReleaseOptions;
use super::{ExportError, Release, UnitCounts};
use crate::document::{Encoding, Format};
use crate::drift::check::fails;
use crate::drift::{Finding, Kind, Severity};

/// The file name of the manifest in a release folder.
pub const MANIFEST_NAME: &str = "manifest.json";

/// The version of the manifest's schema.
pub const SCHEMA: u32 = 1;

/// The manifest of a release folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// [`SCHEMA`].
    pub schema: u32,
    /// The version of songngu that wrote the release.
    pub songngu_version: String,
    /// The English article released.
    pub document: SourceInfo,
    /// The language tag of the English (`en`, `en-GB`).
    pub source_lang: String,
    /// The language tag of the Vietnamese (`vi`, `vi-VN`).
    pub target_lang: String,
    /// The translation memory files the release was checked against.
    pub memory: Vec<MemoryFile>,
    /// Who made the release.
    pub user: String,
    /// When, UTC: `YYYY-MM-DDThh:mm:ssZ`.
    pub created: String,
    /// Whether drift was allowed (see [`Release::allow_drift`]).
    pub allow_drift: bool,
    /// The failing severity of the check (see [`Release::fail_on`]).
    pub fail_on: Severity,
    /// The drift check at release time.
    pub check: CheckSummary,
    /// The units of the release by state.
    pub units: UnitCounts,
    /// Every file of the folder but the manifest, sorted by name.
    pub files: Vec<FileEntry>,
}

/// The English source of a release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// The document id.
    pub id: String,
    /// The source's file name (`-` for standard input).
    pub source: String,
    pub format: Format,
    /// `utf-8`, `utf-8-bom`, `utf-16le` or `utf-16be`.
    pub encoding: String,
    /// SHA-256 of the source's bytes, as read.
    pub sha256: String,
    /// Size of the source in bytes.
    pub size: u64,
}

/// The drift check's findings, counted.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CheckSummary {
    /// No open finding: every finding is accepted or information
    /// (see [`fails`]).
    pub passed: bool,
    /// Open findings (not accepted, warning or error).
    pub findings: usize,
    /// Accepted findings.
    pub accepted: usize,
    /// Open findings per kind (`stale`, `number`...); kinds without any are left out.
    pub by_kind: BTreeMap<Kind, usize>,
    /// Findings that are not accepted, per severity (information included).
    pub by_severity: BTreeMap<Severity, usize>,
}

impl CheckSummary {
    /// Counts the findings of a whole check (revision and cross-language).
    pub fn from_findings<'f>(
        findings: impl IntoIterator<Item = &'f Finding>,
        fail_on: crate::drift::Severity,
    ) -> CheckSummary {
        let mut summary = CheckSummary::default();
        for finding in findings {
            if finding.accepted.is_some() {
                summary.accepted += 1;
                continue;
            }
            *summary.by_severity.entry(finding.severity).or_default() += 1;
            if fails(finding, fail_on) {
                summary.findings += 1;
                *summary.by_kind.entry(finding.kind).or_default() += 1;
            }
        }
        summary.passed = summary.findings == 0;
        summary
    }
}

/// A translation memory file a release was checked against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemoryFile {
    /// The path as given: on the command line, or as written in `songngu.toml`.
    pub path: String,
    /// SHA-256 of its bytes when the release was made, lower-case hex.
    pub sha256: String,
    /// SHA-256 of the committed part of its journal, when it had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub journal_sha256: Option<String>,
}

impl MemoryFile {
    /// The entry of the memory `given` holding `bytes`.
    pub fn of(given: impl Into<String>, bytes: &[u8]) -> MemoryFile {
        MemoryFile {
            path: given.into(),
            sha256: hex(&Sha256::digest(bytes)),
            journal_sha256: None,
        }
    }

    /// Reads the memory file at `path`, named `given` in the manifest. The file is hashed
    /// as it streams by: a memory can be far larger than what is worth holding at once.
    pub fn read(given: impl Into<String>, path: &std::path::Path) -> std::io::Result<MemoryFile> {
        use std::io::Read;
        let mut hasher = Sha256::new();
        std::io::copy(&mut std::fs::File::open(path)?, &mut hasher)?;
        let real = crate::fsio::resolve_link(path).map_err(std::io::Error::other)?;
        let journal_sha256 = match crate::memory::journal::Journal::open(&real, false) {
            Ok(None) => None,
            Ok(Some((journal, _))) => {
                let mut hasher = Sha256::new();
                let committed = std::fs::File::open(journal.path())?.take(journal.len());
                std::io::copy(&mut { committed }, &mut hasher)?;
                Some(hex(&hasher.finalize()))
            }
            Err(e) => return Err(std::io::Error::other(e.to_string())),
        };
        Ok(MemoryFile {
            path: given.into(),
            sha256: hex(&hasher.finalize()),
            journal_sha256,
        })
    }
}

/// One file of a release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// The file name inside the release folder.
    pub name: String,
    /// SHA-256 of its bytes, lower-case hex.
    pub sha256: String,
    /// Size in bytes.
    pub size: u64,
}

impl FileEntry {
    /// The entry of a file holding `bytes`.
    pub fn of(name: &str, bytes: &[u8]) -> FileEntry {
        FileEntry {
            name: name.to_owned(),
            sha256: hex(&Sha256::digest(bytes)),
            size: bytes.len() as u64,
        }
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn encoding_name(encoding: Encoding) -> &'static str {
    match encoding {
        Encoding::Utf8 => "utf-8",
        Encoding::Utf8Bom => "utf-8-bom",
        Encoding::Utf16Le => "utf-16le",
        Encoding::Utf16Be => "utf-16be",
    }
}

impl Manifest {
    /// The manifest of `release` made with `options` (stamp, languages, memory files, and
    /// the findings of its drift check); `files` are the files written (sorted here by
    /// name).
    pub fn new(
        release: &Release<'_>,
        options: &ReleaseOptions<'_>,
        mut files: Vec<FileEntry>,
    ) -> Manifest {
        let stamp = &options.stamp;
        files.sort_by(|a, b| a.name.cmp(&b.name));
        let en = release.en;
        let source = en.to_bytes();
        let name = en
            .path
            .file_name()
            .map_or_else(|| en.path.to_string_lossy(), |n| n.to_string_lossy())
            .into_owned();
        Manifest {
            schema: SCHEMA,
            songngu_version: env!("CARGO_PKG_VERSION").to_owned(),
            document: SourceInfo {
                id: release.doc_id.clone(),
                source: name,
                format: en.format,
                encoding: encoding_name(en.encoding).to_owned(),
                sha256: hex(&Sha256::digest(&source)),
                size: source.len() as u64,
            },
            source_lang: options.source_lang.to_string(),
            target_lang: options.target_lang.to_string(),
            memory: options.memory.clone(),
            user: stamp.user.clone(),
            created: stamp.iso8601(),
            allow_drift: release.allow_drift,
            fail_on: release.fail_on,
            check: CheckSummary::from_findings(options.findings, release.fail_on),
            units: release.counts(),
            files,
        }
    }

    /// The manifest as pretty-printed JSON, with a final line end.
    pub fn to_json(&self) -> Result<String, ExportError> {
        let mut json = serde_json::to_string_pretty(self)?;
        json.push('\n');
        Ok(json)
    }

    /// Writes [`Manifest::to_json`] to `out`.
    pub fn write(&self, mut out: impl Write) -> Result<(), ExportError> {
        out.write_all(self.to_json()?.as_bytes())
            .and_then(|()| out.flush())
            .map_err(ExportError::write("manifest"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::report::{Acceptance, Explanation};
    use crate::export::Stamp;
    use crate::export::tests::{doc, release, units};
    use std::time::{Duration, UNIX_EPOCH};

    fn stamp() -> Stamp {
        Stamp {
            user: "lan".into(),
            now: UNIX_EPOCH + Duration::from_secs(1_714_557_845),
        }
    }

    #[test]
    fn summary_counts_open_findings() {
        let mut accepted = Finding::new(Kind::Number, Explanation::new("x"));
        accepted.accepted = Some(Acceptance {
            by: "lan".into(),
            at: "2024-05-01T10:04:05Z".into(),
            reason: None,
        });
        let findings = [
            Finding::new(Kind::Stale, Explanation::new("x")),
            Finding::new(Kind::Name, Explanation::new("x")),
            Finding::new(Kind::Orphaned, Explanation::new("x")),
            accepted,
        ];
        let summary = CheckSummary::from_findings(&findings, crate::drift::Severity::Warning);
        assert!(!summary.passed);
        assert_eq!((summary.findings, summary.accepted), (2, 1));
        assert_eq!(
            summary.by_kind,
            BTreeMap::from([(Kind::Stale, 1), (Kind::Name, 1)])
        );
        assert_eq!(
            summary.by_severity,
            BTreeMap::from([
                (Severity::Info, 1),
                (Severity::Warning, 1),
                (Severity::Error, 1)
            ])
        );
        assert!(
            CheckSummary::from_findings(&findings[2..], crate::drift::Severity::Warning).passed
        );
    }

    #[test]
    fn manifest_round_trips_through_json() {
        let en = doc("tin.en.txt", "One. Two.\n");
        let us = units(&en);
        let r = release(&en, &us, &[Some("Một."), Some("Hai.")]);
        let findings = [Finding::new(Kind::Stale, Explanation::new("drift-stale"))];
        let mut options = ReleaseOptions::new(stamp());
        options.findings = &findings;
        options.source_lang = "en-GB".parse().unwrap();
        options.target_lang = "vi-VN".parse().unwrap();
        options.memory = vec![MemoryFile::of("tmx/seed.tmx", b"<tmx/>")];
        let manifest = Manifest::new(
            &r,
            &options,
            vec![FileEntry::of("b.txt", b"b"), FileEntry::of("a.txt", b"")],
        );
        let json = manifest.to_json().unwrap();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["created"], "2024-05-01T10:04:05Z");
        assert_eq!(value["user"], "lan");
        assert_eq!(value["document"]["source"], "tin.en.txt");
        assert_eq!(value["document"]["format"], "text");
        assert_eq!(value["document"]["size"], 10);
        assert_eq!(
            value["document"]["sha256"],
            hex(&Sha256::digest(b"One. Two.\n"))
        );
        assert_eq!(value["source_lang"], "en-GB");
        assert_eq!(value["target_lang"], "vi-VN");
        assert_eq!(value["memory"][0]["path"], "tmx/seed.tmx");
        assert_eq!(
            value["memory"][0]["sha256"],
            hex(&Sha256::digest(b"<tmx/>"))
        );
        assert_eq!(value["fail_on"], "warning");
        assert_eq!(value["units"]["drift_passed"], 0);
        assert_eq!(value["check"]["by_kind"]["stale"], 1);
        assert_eq!(value["check"]["by_severity"]["error"], 1);
        assert_eq!(value["check"]["passed"], false);
        assert_eq!(value["files"][0]["name"], "a.txt");
        assert_eq!(
            value["files"][0]["sha256"],
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let back: Manifest = serde_json::from_str(&json).unwrap();
        assert_eq!(back, manifest);
        assert_eq!(back.units.total, 2);
    }
}
