//! `tm stats` and `tm validate`: a memory file streamed once, its TUs, languages, props
//! and notes counted and its problems collected.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::problems_named;
use crate::flow::FlowError;
use crate::memory::journal::MemoryTus;
use crate::memory::store::LoadProblem;
use crate::tmx::{self, Severity};

/// What a memory file holds. Serialized, it is the JSON record of `tm stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Stats {
    /// The file as given.
    pub file: PathBuf,
    /// The TMX version its root declares.
    pub version: String,
    /// The encoding it was read in.
    pub encoding: String,
    pub tus: usize,
    pub tuvs: usize,
    /// Language tag as written (`?` when missing) → number of `tuv`s.
    pub languages: BTreeMap<String, usize>,
    /// Prop type (`?` when missing) → number of props, of TUs and `tuv`s alike.
    pub props: BTreeMap<String, usize>,
    pub notes: usize,
    /// Damaged TUs and warnings.
    pub problems: usize,
    /// Of those, the damaged TUs.
    pub errors: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub journal: Option<JournalStats>,
}

/// The journal of changes beside a memory file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct JournalStats {
    pub path: PathBuf,
    pub changes: usize,
}

/// A memory file's statistics and the problems worth telling about it.
#[derive(Debug, Clone)]
pub struct Inspected {
    pub stats: Stats,
    /// In file order: for [`stats`] the damaged TUs only, for [`validate`] every problem.
    pub problems: Vec<LoadProblem>,
}

/// `tm stats`: counts what the memory file `tm` holds. A damaged TU is skipped and
/// listed; the rest is still counted.
pub fn stats(tm: &Path) -> Result<Inspected, FlowError> {
    let mut inspected = inspect(tm)?;
    inspected
        .problems
        .retain(|p| p.problem.severity == Severity::Error);
    Ok(inspected)
}

/// `tm validate`: [`stats`] with every problem listed, warnings too.
pub fn validate(tm: &Path) -> Result<Inspected, FlowError> {
    inspect(tm)
}

fn inspect(tm: &Path) -> Result<Inspected, FlowError> {
    let mut reader = MemoryTus::open(tm)?;
    let mut stats = Stats {
        file: tm.to_owned(),
        version: reader.version().to_owned(),
        encoding: reader.encoding().to_string(),
        journal: reader.journal_path().map(|path| JournalStats {
            path: path.to_owned(),
            changes: reader.journal_changes(),
        }),
        ..Stats::default()
    };
    while let Some(tu) = reader.next_tu()? {
        stats.tus += 1;
        count_meta(&mut stats, &tu.meta);
        for tuv in &tu.tuvs {
            stats.tuvs += 1;
            let lang = tuv.lang_raw().unwrap_or("?").to_owned();
            *stats.languages.entry(lang).or_default() += 1;
            count_meta(&mut stats, &tuv.meta);
        }
    }
    let problems = problems_named(&reader, tm);
    stats.problems = problems.len();
    stats.errors = problems
        .iter()
        .filter(|p| p.problem.severity == Severity::Error)
        .count();
    Ok(Inspected { stats, problems })
}

fn count_meta(stats: &mut Stats, meta: &[tmx::Meta]) {
    for item in meta {
        match item {
            tmx::Meta::Prop(prop) => {
                let kind = prop
                    .attrs
                    .iter()
                    .find(|a| a.name == "type")
                    .map_or("?", |a| a.value.as_str());
                *stats.props.entry(kind.to_owned()).or_default() += 1;
            }
            tmx::Meta::Note(_) => stats.notes += 1,
        }
    }
}
