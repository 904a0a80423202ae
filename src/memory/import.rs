//! Importing a foreign TMX file into the memory, with a report of everything that happened
//! to every TU: nothing is dropped silently.
//!
//! Every TU of the foreign file is imported, also TUs without the memory's language pair
//! (they are kept but cannot answer lookups; the report counts them). A TU whose source
//! and target both equal an existing TU's (after normalization) is a duplicate: with
//! [`DuplicatePolicy::KeepNewest`] the newer of the two stays (the foreign one replaces the
//! existing one only when its `changedate`, else `creationdate`, is later); with
//! [`DuplicatePolicy::KeepAll`] both stay. A dry run is an import whose result is not saved.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::store::{Memory, MemoryError};
use crate::tmx::{self, TmxReader, Tu};

/// What to do with a TU that duplicates one in the memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DuplicatePolicy {
    #[default]
    KeepNewest,
    KeepAll,
}

/// The outcome of an import, TU by TU counted.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ImportReport {
    pub file: PathBuf,
    /// TUs read from the foreign file (damaged ones not included: see `problems`).
    pub tus: usize,
    /// Language tag as written → number of `tuv`s.
    pub languages: BTreeMap<String, usize>,
    /// New TUs added to the memory.
    pub added: usize,
    /// Duplicates of TUs already in the memory (or earlier in the same file).
    pub duplicates: usize,
    /// Of those, how many replaced an older existing TU (keep-newest).
    pub replaced_older: usize,
    /// Of those, how many were left out because the existing TU is as new or newer
    /// (keep-newest); with keep-all, duplicates are added and this is 0.
    pub kept_existing: usize,
    /// TUs imported without both the source and the target language.
    pub without_pair: usize,
    /// Skipped TUs (damaged) and warnings of the foreign file.
    pub problems: Vec<tmx::Problem>,
}

/// Imports `path` into `memory` (into the memory's first file). Nothing is written to disk:
/// call [`Memory::save`] afterwards unless this is a dry run.
pub fn import(
    memory: &mut Memory,
    path: &Path,
    policy: DuplicatePolicy,
) -> Result<ImportReport, MemoryError> {
    let mut reader = TmxReader::open(path)?;
    let mut report = ImportReport {
        file: path.to_owned(),
        ..ImportReport::default()
    };
    while let Some(record) = reader.next_tu()? {
        report.tus += 1;
        let tu = record.tu;
        for tuv in &tu.tuvs {
            let lang = tuv.lang_raw().unwrap_or("?").to_owned();
            *report.languages.entry(lang).or_default() += 1;
        }
        let Some((source, target)) = memory.pair(&tu) else {
            report.without_pair += 1;
            memory.add(None, tu)?;
            report.added += 1;
            continue;
        };
        let existing = memory.duplicates_of(&source, &target)?;
        if existing.is_empty() || policy == DuplicatePolicy::KeepAll {
            if !existing.is_empty() {
                report.duplicates += 1;
            }
            memory.add(None, tu)?;
            report.added += 1;
            continue;
        }
        report.duplicates += 1;
        // keep-newest: the foreign TU wins only when it is strictly newer than all.
        let foreign_date = tu_date(&tu);
        let mut newest_existing: Option<(u32, Option<String>)> = None;
        for (id, date) in existing {
            let newer = match (&newest_existing, &date) {
                (None, _) => true,
                (Some((_, Some(best))), Some(date)) => date > best,
                (Some((_, None)), Some(_)) => true,
                _ => false,
            };
            if newer {
                newest_existing = Some((id, date));
            }
        }
        match newest_existing {
            Some((id, existing_date))
                if is_newer(foreign_date.as_deref(), existing_date.as_deref()) =>
            {
                memory.replace(id, tu)?;
                report.replaced_older += 1;
            }
            _ => report.kept_existing += 1,
        }
    }
    report.problems = reader.problems().to_vec();
    Ok(report)
}

/// TMX dates (`YYYYMMDDThhmmssZ`) order as strings; a missing or malformed date is older
/// than any valid one.
fn is_newer(candidate: Option<&str>, existing: Option<&str>) -> bool {
    match (
        candidate.filter(|d| is_tmx_date(d)),
        existing.filter(|d| is_tmx_date(d)),
    ) {
        (Some(candidate), Some(existing)) => candidate > existing,
        (Some(_), None) => true,
        _ => false,
    }
}

fn is_tmx_date(date: &str) -> bool {
    let bytes = date.as_bytes();
    bytes.len() == 16
        && bytes[8] == b'T'
        && bytes[15] == b'Z'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| matches!(i, 8 | 15) || b.is_ascii_digit())
}

/// The TU's last change, else its creation.
pub fn tu_date(tu: &Tu) -> Option<String> {
    tu.attr("changedate")
        .or_else(|| tu.attr("creationdate"))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_compare_and_bad_dates_are_oldest() {
        assert!(is_newer(Some("20240102T000000Z"), Some("20240101T235959Z")));
        assert!(!is_newer(
            Some("20240101T000000Z"),
            Some("20240101T000000Z")
        ));
        assert!(is_newer(Some("20240101T000000Z"), Some("Mon Jan  1 2024")));
        assert!(!is_newer(Some("yesterday"), None));
        assert!(is_newer(Some("20240101T000000Z"), None));
    }
}
