//! `tm docs`: the documents (articles) a memory file holds, with their units counted, the
//! file streamed once with its journal applied.
//!
//! A document is the [`props::DOC`] of the TUs songngu wrote; TUs without one (imported
//! from another tool) are counted apart. The JSON Lines of `tm docs --format json` are
//! these types serialized: one [`DocUnits`] per document, sorted by id, then one
//! [`DocsTotalRecord`]:
//!
//! ```json
//! {"doc":"seed-2019-11-28","units":22,"translated":22,"added":0}
//! {"total":{"docs":1,"units":22,"translated":22,"added":0,"without_doc":0}}
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Languages, problems_named};
use crate::flow::FlowError;
use crate::memory::journal::MemoryTus;
use crate::memory::record::props;
use crate::memory::store::LoadProblem;
use crate::tmx::Severity;

/// One document of the memory.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocUnits {
    pub doc: String,
    /// TUs of English units (the old English of a revised unit included: a memory keeps
    /// it).
    pub units: usize,
    /// Of those, the ones with a Vietnamese text that is not blank.
    pub translated: usize,
    /// Vietnamese published without English (an editor's addition).
    pub added: usize,
}

/// Every document added up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocsTotal {
    pub docs: usize,
    pub units: usize,
    pub translated: usize,
    pub added: usize,
    /// TUs of no document (imported from other tools).
    pub without_doc: usize,
}

/// The last JSON line: `{"total": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocsTotalRecord {
    pub total: DocsTotal,
}

/// What `tm docs` found.
#[derive(Debug, Clone)]
pub struct Docs {
    pub file: PathBuf,
    /// Sorted by id.
    pub docs: Vec<DocUnits>,
    pub total: DocsTotal,
    /// Damaged TUs, skipped (the rest is still counted).
    pub problems: Vec<LoadProblem>,
}

/// `tm docs`: the documents of the memory file `tm`, read in `languages`.
pub fn docs(tm: &Path, languages: &Languages) -> Result<Docs, FlowError> {
    let mut reader = MemoryTus::open(tm)?;
    let mut by_doc: BTreeMap<String, DocUnits> = BTreeMap::new();
    let mut without_doc = 0;
    while let Some(tu) = reader.next_tu()? {
        let Some(doc) = tu.prop(props::DOC) else {
            without_doc += 1;
            continue;
        };
        let counted = by_doc.entry(doc.to_owned()).or_insert_with(|| DocUnits {
            doc: doc.to_owned(),
            ..DocUnits::default()
        });
        if tu.prop(props::STATUS) == Some(props::ADDED) {
            counted.added += 1;
            continue;
        }
        counted.units += 1;
        let vi = tu.tuv(&languages.target).map(|t| t.seg.plain_text());
        if vi.is_some_and(|t| !t.trim().is_empty()) {
            counted.translated += 1;
        }
    }
    let docs: Vec<DocUnits> = by_doc.into_values().collect();
    let total = DocsTotal {
        docs: docs.len(),
        units: docs.iter().map(|d| d.units).sum(),
        translated: docs.iter().map(|d| d.translated).sum(),
        added: docs.iter().map(|d| d.added).sum(),
        without_doc,
    };
    let mut problems = problems_named(&reader, tm);
    problems.retain(|p| p.problem.severity == Severity::Error);
    Ok(Docs {
        file: tm.to_owned(),
        docs,
        total,
        problems,
    })
}
