//! Importing a foreign TMX file into the memory, with a report of everything that happened
//! to every TU: nothing is dropped silently.
//!
//! Every TU of the foreign file is imported, also TUs without the memory's language pair
//! (they are kept but cannot answer lookups; the report counts them).
//!
//! # Copies of a TU already in the memory
//!
//! A foreign TU is a *copy* of a memory TU when both have exactly the same source (text
//! with its whitespace and Unicode form, and markup: [`tmx::Seg::same_content`]) and
//!
//! 1. exactly the same target (a duplicate), or
//! 2. the same `tuid`, or
//! 3. the same `creationdate` and `creationid` (the TU was made then by that person and
//!    edited elsewhere since),
//!
//! tried in this order, the newest memory TU of the first rule that finds any. Whitespace is
//! content: `'created directory %s\n'` and `'created directory %s'` are two entries, both
//! kept (lookups still fold whitespace to *match* a query; that is lookup, not identity).
//!
//! With [`DuplicatePolicy::KeepAll`] a duplicate (rule 1) is added beside the memory's TU,
//! and rules 2 and 3 are not applied: every foreign TU is added.
//!
//! With [`DuplicatePolicy::KeepNewest`] a copy that is not newer (by the latest of its
//! `changedate` and `creationdate`, on the TU or its variants) is left out; a newer one is
//! *merged* into the memory's TU, never replaces it: the memory TU keeps its `tuid`, its
//! `creationdate`/`creationid`, its `x-songngu-*` props (its document, unit, order,
//! status) and every attribute and prop it has, and takes
//!
//! - the foreign segments (a variant in a language it lacks is added);
//! - when a segment changed, the foreign `changedate` and `changeid` (the change and who
//!   made it; without a foreign `changeid` the old one is removed rather than left naming
//!   someone who did not make the change); a copy with the same text changes no date;
//! - the foreign attributes it lacks, as they are (on the TU and on the variants);
//! - a foreign attribute whose value differs from its own as a prop
//!   `x-songngu-import-<attribute>` holding the foreign value (on the TU, or on the
//!   variant for variant attributes), the language attribute excepted (its spelling,
//!   `EN-US` for `en`, is not content);
//! - the foreign props and notes it does not have, appended; a foreign `x-songngu-*` prop
//!   whose type the memory TU has with another value is recorded as
//!   `x-songngu-import-x-songngu-...`, never taken (the project's metadata stays the truth).
//!
//! Importing the same file twice changes nothing the second time. A dry run is an import
//! whose result is not saved.
//!
//! Namespace declarations of the foreign `<tmx>` (`xmlns:ex`) are added to the memory
//! file's root so imported prefixed attributes (`ex:id`) stay declared; a prefix the memory
//! binds to another URI is declared on each imported TU instead.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::journal::MemoryTus;
use super::store::{Memory, MemoryError};
use crate::text::lang::best_lang_match;
use crate::tmx::{self, Attr, Meta, Prop, Tu, Tuv, attr_value};

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
    /// Copies of TUs already in the memory (or earlier in the same file): see the module
    /// documentation for when a TU is a copy.
    pub duplicates: usize,
    /// Of those, how many were newer and merged into the memory's TU (keep-newest).
    pub replaced_older: usize,
    /// Of those, how many were left out because the existing TU is as new or newer, or
    /// already holds everything the copy has (keep-newest); with keep-all, duplicates are
    /// added and this is 0.
    pub kept_existing: usize,
    /// TUs imported without both the source and the target language.
    pub without_pair: usize,
    /// Skipped TUs (damaged) and warnings of the foreign file.
    pub problems: Vec<tmx::Problem>,
}

/// The prefix of the props that record a foreign attribute or prop a merge could not take.
pub const IMPORT_PROP_PREFIX: &str = "x-songngu-import-";

/// The prefix of songngu's own props (see [`super::record::props`]).
const SONGNGU_PROP_PREFIX: &str = "x-songngu-";

/// Imports `path` into `memory` (into the memory's first file). Nothing is written to disk:
/// call [`Memory::save`] afterwards unless this is a dry run.
pub fn import(
    memory: &mut Memory,
    path: &Path,
    policy: DuplicatePolicy,
) -> Result<ImportReport, MemoryError> {
    // Streamed TU by TU (with its journal, when the file is a songngu memory): the memory
    // keeps only its index, and the new TUs wait in its spill file.
    let mut reader = MemoryTus::open(path)?;
    let mut report = ImportReport {
        file: path.to_owned(),
        ..ImportReport::default()
    };
    // Known once the body has started, that is once the first TU is read.
    let mut tu_declarations: Option<Vec<Attr>> = None;
    while let Some(mut tu) = reader.next_tu()? {
        report.tus += 1;
        if tu_declarations.is_none() {
            let root: Vec<Attr> = reader
                .root_attrs()
                .iter()
                .filter(|attr| tmx::is_namespace_declaration(&attr.name))
                .cloned()
                .collect();
            tu_declarations = Some(memory.declare_namespaces(None, &root)?);
        }
        for declaration in tu_declarations.as_deref().unwrap_or_default() {
            if tu.attr(&declaration.name).is_none() {
                tu.attrs.push(declaration.clone());
            }
        }
        for tuv in &tu.tuvs {
            let lang = tuv.lang_raw().unwrap_or("?").to_owned();
            *report.languages.entry(lang).or_default() += 1;
        }
        let (Some(_), Some(target)) = (
            tu.tuv(memory.source_lang()),
            tu.tuv(memory.target_lang()).cloned(),
        ) else {
            report.without_pair += 1;
            memory.add(None, tu)?;
            report.added += 1;
            continue;
        };
        let candidates = memory.with_source_of(&tu)?;
        let duplicates: Vec<&(u32, Tu)> = candidates
            .iter()
            .filter(|(_, existing)| {
                existing
                    .tuv(memory.target_lang())
                    .is_some_and(|t| t.seg.same_content(&target.seg))
            })
            .collect();
        if policy == DuplicatePolicy::KeepAll || candidates.is_empty() {
            if !duplicates.is_empty() {
                report.duplicates += 1;
            }
            memory.add(None, tu)?;
            report.added += 1;
            continue;
        }
        let Some((id, existing)) = copy_of(&tu, &candidates, &duplicates) else {
            // The same English with another translation: an alternative, kept beside.
            memory.add(None, tu)?;
            report.added += 1;
            continue;
        };
        report.duplicates += 1;
        if !is_newer(tu_date(&tu).as_deref(), tu_date(existing).as_deref()) {
            report.kept_existing += 1;
            continue;
        }
        let merged = merge(existing, &tu);
        if &merged == existing {
            report.kept_existing += 1;
        } else {
            memory.replace(id, merged)?;
            report.replaced_older += 1;
        }
    }
    report.problems = reader.problems().into_iter().map(|(_, p)| p).collect();
    Ok(report)
}

/// The memory TU `tu` is a copy of, by the rules of the module documentation: among
/// `candidates` (the same source), the duplicates, else the same `tuid`, else the same
/// creation stamp; the newest of the first non-empty group.
fn copy_of<'a>(
    tu: &Tu,
    candidates: &'a [(u32, Tu)],
    duplicates: &[&'a (u32, Tu)],
) -> Option<(u32, &'a Tu)> {
    let same_attr = |name: &str, existing: &Tu| {
        tu.attr(name)
            .is_some_and(|value| existing.attr(name) == Some(value))
    };
    let groups: [Vec<&(u32, Tu)>; 3] = [
        duplicates.to_vec(),
        candidates
            .iter()
            .filter(|(_, existing)| same_attr("tuid", existing))
            .collect(),
        candidates
            .iter()
            .filter(|(_, existing)| {
                same_attr("creationdate", existing) && same_attr("creationid", existing)
            })
            .collect(),
    ];
    let group = groups.into_iter().find(|group| !group.is_empty())?;
    let mut newest: Option<&(u32, Tu)> = None;
    for candidate in group {
        let later = newest.is_none_or(|(_, best)| {
            is_newer(tu_date(&candidate.1).as_deref(), tu_date(best).as_deref())
        });
        if later {
            newest = Some(candidate);
        }
    }
    newest.map(|(id, existing)| (*id, existing))
}

/// `existing` with what the newer copy `foreign` brings, as the module documentation says.
fn merge(existing: &Tu, foreign: &Tu) -> Tu {
    let mut merged = existing.clone();
    let mut text_changed = false;
    let mut matched: Vec<bool> = vec![false; merged.tuvs.len()];
    for variant in &foreign.tuvs {
        let index = variant.lang().and_then(|lang| {
            let free = merged
                .tuvs
                .iter()
                .enumerate()
                .map(|(i, tuv)| if matched[i] { None } else { tuv.lang() });
            best_lang_match(free, &lang)
        });
        let Some(index) = index else {
            merged.tuvs.push(variant.clone());
            matched.push(true);
            text_changed = true;
            continue;
        };
        matched[index] = true;
        let own = &mut merged.tuvs[index];
        if !own.seg.same_content(&variant.seg) {
            own.seg = variant.seg.clone();
            text_changed = true;
        }
        merge_tuv_attrs(own, variant);
        merge_meta(&mut own.meta, &variant.meta);
    }
    for attr in &foreign.attrs {
        if !matches!(attr.name.as_str(), "changedate" | "changeid") {
            merge_attr(&mut merged.attrs, &mut merged.meta, attr);
        }
    }
    merge_meta(&mut merged.meta, &foreign.meta);
    if text_changed {
        let date = foreign.attr("changedate").map(str::to_owned).or_else(|| {
            // A tool that dates variants only (OmegaT): the date that made the copy newer.
            tu_date(foreign)
        });
        match date {
            Some(date) => merged.set_attr("changedate", &date),
            None => {
                merged.remove_attr("changedate");
            }
        }
        let changer = foreign.attr("changeid").map(str::to_owned).or_else(|| {
            let target = foreign.tuvs.iter().find_map(|tuv| tuv.attr("changeid"));
            target.map(str::to_owned)
        });
        match changer {
            Some(changer) => merged.set_attr("changeid", &changer),
            None => {
                merged.remove_attr("changeid");
            }
        }
    }
    merged
}

/// Variant attributes: the language attribute is the memory's; the others merge like TU
/// attributes, conflicts recorded as props of the variant.
fn merge_tuv_attrs(own: &mut Tuv, foreign: &Tuv) {
    for attr in &foreign.attrs {
        if !matches!(attr.name.as_str(), "xml:lang" | "lang") {
            merge_attr(&mut own.attrs, &mut own.meta, attr);
        }
    }
}

/// One foreign attribute: added when missing, nothing when equal, recorded as a
/// `x-songngu-import-<name>` prop when it differs.
fn merge_attr(attrs: &mut Vec<Attr>, meta: &mut Vec<Meta>, foreign: &Attr) {
    match attr_value(attrs, &foreign.name) {
        None => attrs.push(foreign.clone()),
        Some(value) if value == foreign.value => {}
        Some(_) => record(
            meta,
            &format!("{IMPORT_PROP_PREFIX}{}", foreign.name),
            &foreign.value,
        ),
    }
}

/// Foreign props and notes the memory TU lacks, appended; songngu's own props that differ
/// recorded under `x-songngu-import-`.
fn merge_meta(own: &mut Vec<Meta>, foreign: &[Meta]) {
    for item in foreign {
        if own.contains(item) {
            continue;
        }
        if let Meta::Prop(prop) = item
            && let Some(kind) = prop.kind()
            && kind.starts_with(SONGNGU_PROP_PREFIX)
            && !kind.starts_with(IMPORT_PROP_PREFIX)
            && own
                .iter()
                .any(|m| matches!(m, Meta::Prop(p) if p.kind() == Some(kind)))
        {
            record(own, &format!("{IMPORT_PROP_PREFIX}{kind}"), &prop.value);
            continue;
        }
        own.push(item.clone());
    }
}

/// Appends the prop `kind` = `value` unless it is there already.
fn record(meta: &mut Vec<Meta>, kind: &str, value: &str) {
    let prop = Meta::Prop(Prop::new(kind, value));
    if !meta.contains(&prop) {
        meta.push(prop);
    }
}

/// TMX dates (`YYYYMMDDThhmmssZ`) order as strings; a missing or malformed date is older
/// than any valid one.
fn is_newer(candidate: Option<&str>, existing: Option<&str>) -> bool {
    match (
        candidate.filter(|d| tmx::is_tmx_date(d)),
        existing.filter(|d| tmx::is_tmx_date(d)),
    ) {
        (Some(candidate), Some(existing)) => candidate > existing,
        (Some(_), None) => true,
        _ => false,
    }
}

/// The TU's last change: the latest valid `changedate` or `creationdate` on the TU or its
/// variants (OmegaT dates the variants only), else the TU's as written.
pub fn tu_date(tu: &Tu) -> Option<String> {
    let dates = |attrs: &[Attr]| {
        ["changedate", "creationdate"]
            .into_iter()
            .filter_map(|name| attr_value(attrs, name))
            .filter(|date| tmx::is_tmx_date(date))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let latest = dates(&tu.attrs)
        .into_iter()
        .chain(tu.tuvs.iter().flat_map(|tuv| dates(&tuv.attrs)))
        .max();
    latest.or_else(|| {
        tu.attr("changedate")
            .or_else(|| tu.attr("creationdate"))
            .map(str::to_owned)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use unic_langid::langid;

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

    fn tu(attrs: &[(&str, &str)], props: &[(&str, &str)], en: &str, vi: &str) -> Tu {
        Tu {
            attrs: attrs.iter().map(|(n, v)| Attr::new(n, v)).collect(),
            meta: props
                .iter()
                .map(|(k, v)| Meta::Prop(Prop::new(k, v)))
                .collect(),
            tuvs: vec![
                Tuv::with_text(&langid!("en"), en),
                Tuv::with_text(&langid!("vi"), vi),
            ],
        }
    }

    #[test]
    fn a_newer_copy_brings_its_text_and_change_and_keeps_the_project_metadata() {
        let project = tu(
            &[
                ("tuid", "seed/u1"),
                ("creationdate", "20240101T000000Z"),
                ("creationid", "lan"),
                ("changedate", "20240101T000000Z"),
                ("changeid", "lan"),
            ],
            &[("x-songngu-doc", "seed"), ("x-songngu-status", "reviewed")],
            "Hello.",
            "Chào.",
        );
        let mut foreign = tu(
            &[
                ("tuid", "42"),
                ("creationdate", "20240101T000000Z"),
                ("creationid", "lan"),
                ("changedate", "20250101T000000Z"),
                ("changeid", "minh"),
                ("usagecount", "3"),
            ],
            &[("x-songngu-status", "translated"), ("client", "acme")],
            "Hello.",
            "Xin chào.",
        );
        foreign.tuvs[1].set_attr("xml:lang", "VI-vn");
        foreign.tuvs[1].set_attr("ex:state", "final");
        let merged = merge(&project, &foreign);
        assert_eq!(merged.tuvs[1].seg.plain_text(), "Xin chào.");
        assert_eq!(
            merged.tuvs[1].lang_raw(),
            Some("vi"),
            "the memory's spelling"
        );
        assert_eq!(merged.tuvs[1].attr("ex:state"), Some("final"));
        assert_eq!(merged.attr("tuid"), Some("seed/u1"));
        assert_eq!(merged.attr("creationid"), Some("lan"));
        assert_eq!(merged.attr("changedate"), Some("20250101T000000Z"));
        assert_eq!(merged.attr("changeid"), Some("minh"));
        assert_eq!(merged.attr("usagecount"), Some("3"));
        assert_eq!(merged.prop("x-songngu-import-tuid"), Some("42"));
        assert_eq!(merged.prop("x-songngu-doc"), Some("seed"));
        assert_eq!(merged.prop("x-songngu-status"), Some("reviewed"));
        assert_eq!(
            merged.prop("x-songngu-import-x-songngu-status"),
            Some("translated")
        );
        assert_eq!(merged.prop("client"), Some("acme"));
        // Merging again brings nothing new.
        assert_eq!(merge(&merged, &foreign), merged);
    }

    #[test]
    fn a_newer_copy_with_the_same_text_changes_no_date() {
        let project = tu(
            &[("changedate", "20240101T000000Z"), ("changeid", "lan")],
            &[],
            "Hello.",
            "Chào.",
        );
        let foreign = tu(
            &[("changedate", "20250101T000000Z"), ("changeid", "bot")],
            &[],
            "Hello.",
            "Chào.",
        );
        assert_eq!(merge(&project, &foreign), project);
    }

    #[test]
    fn variant_dates_count_for_the_tu_date() {
        let mut omegat = tu(&[], &[], "Hello.", "Chào.");
        omegat.tuvs[1].set_attr("changedate", "20250101T000000Z");
        omegat.tuvs[1].set_attr("creationdate", "20240101T000000Z");
        assert_eq!(tu_date(&omegat).as_deref(), Some("20250101T000000Z"));
        let odd = tu(&[("changedate", "yesterday")], &[], "a", "b");
        assert_eq!(tu_date(&odd).as_deref(), Some("yesterday"));
    }
}
