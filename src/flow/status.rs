//! `status`: where each article of the project stands against the memory, in numbers:
//! its units by state, the orphans, the old translations retired, and the last change to
//! its TUs and who made it.
//!
//! The states are those of a revision check ([`against_memory`] with
//! [`CheckOptions::revision_only`]: no cross-language check runs, so it stays fast on a
//! whole project). Every English unit is in exactly one of `current`, `stale`, `missing`
//! and `omitted`; a `current` unit (translated from the current English) is further
//! counted by the memory's review state of its translation (`x-songngu-status`):
//! `needs_review`, `reviewed`, else `translated`, so that
//! `current == translated + needs_review + reviewed`. A stale unit's review state says
//! nothing about its (out of date) Vietnamese and is not counted.
//!
//! `orphaned` counts the TUs whose English left the article and that are not retired yet
//! (as `check` lists them); `retired` the TUs of the document an `update`, `translate` or
//! `xliff import` retired (`x-songngu-obsolete`), which `check` no longer lists. A TU is
//! in at most one of the two.
//!
//! The JSON Lines of `songngu status --format json` are these types serialized: one
//! [`ArticleStatus`] per article, then one [`TotalRecord`]:
//!
//! ```json
//! {"article":"examples/seed.v2.en.txt","doc":"seed-2019-11-28","units":22,"current":17,
//!  "translated":17,"needs_review":0,"reviewed":0,"stale":3,"missing":2,"omitted":0,
//!  "orphaned":0,"retired":1,"last_change":{"at":"2019-11-28T09:00:00Z","by":"lan.nguyen"}}
//! {"total":{"articles":1,"units":22,"current":17,"translated":17,"needs_review":0,
//!  "reviewed":0,"stale":3,"missing":2,"omitted":0,"orphaned":0,"retired":1,
//!  "last_change":{"at":"2019-11-28T09:00:00Z","by":"lan.nguyen"}}}
//! ```
//!
//! `last_change` is `null` when no TU of the document has a valid TMX date; `by` is
//! `null` when the TU does not say who (`changeid` with `changedate`, else `creationid`).
//! `at` is ISO 8601 (UTC).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{FlowError, Notices, open_memory};
use crate::drift::Kind;
use crate::drift::check::{Report, Status as UnitStatus, against_memory};
use crate::drift::checks::CheckOptions;
use crate::memory::record::StoredUnit;
use crate::memory::store::{Memory, MemoryError};
use crate::project::{DocUse, Project, document_id};
use crate::text::Lang;
use crate::tmx::{is_tmx_date, tmx_date_as_iso8601};

/// The review states of `x-songngu-status` counted apart.
const NEEDS_REVIEW: &str = "needs-review";
const REVIEWED: &str = "reviewed";

/// Which articles, against which memory.
#[derive(Debug, Clone, Default)]
pub struct StatusRequest {
    /// The English articles (default: every `[[article]]` of the project). Each one's
    /// document id is the project's for it, else the memory's only one.
    pub articles: Vec<PathBuf>,
    /// Memory files to read (default: the project's that exist).
    pub tm: Vec<PathBuf>,
}

/// Units by state, orphans and the last change: of one article or of all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// English units of the article.
    pub units: usize,
    /// Translated from the current English: `translated + needs_review + reviewed`.
    pub current: usize,
    /// Current, neither reviewed nor waiting for review.
    pub translated: usize,
    /// Current, but the memory marks the translation `needs-review` (a doubtful
    /// alignment, say).
    pub needs_review: usize,
    /// Current and `reviewed`.
    pub reviewed: usize,
    /// Translated, but the English was edited since.
    pub stale: usize,
    /// Not translated.
    pub missing: usize,
    /// Left out of the translation on purpose.
    pub omitted: usize,
    /// TUs of the document whose English is no longer in the article, not retired yet.
    pub orphaned: usize,
    /// TUs of the document retired (`x-songngu-obsolete`): old translations kept in the
    /// memory as fuzzy matches, no longer listed by `check`.
    pub retired: usize,
    /// The latest change to any TU of the document.
    pub last_change: Option<Change>,
}

/// When a TU was last changed, and by whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// `YYYY-MM-DDThh:mm:ssZ`.
    pub at: String,
    pub by: Option<String>,
}

/// One article's line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleStatus {
    /// The English article, as given or as the project lists it.
    pub article: PathBuf,
    /// Its document id in the memory.
    pub doc: String,
    #[serde(flatten)]
    pub counts: Counts,
}

/// Every article's counts added up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Total {
    pub articles: usize,
    #[serde(flatten)]
    pub counts: Counts,
}

/// The last JSON line: `{"total": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TotalRecord {
    pub total: Total,
}

/// What `status` found.
#[derive(Debug, Clone)]
pub struct Statuses {
    /// In the order asked (or listed in the project).
    pub articles: Vec<ArticleStatus>,
    pub total: Total,
    /// A memory file with damaged TUs (told as notices) and how many: their units are
    /// counted as missing, so the numbers are not to be trusted.
    pub damaged: Option<(PathBuf, usize)>,
}

/// Counts where each article of `request` (else of the project) stands.
pub fn status(
    project: &Project,
    request: &StatusRequest,
    notices: &mut dyn Notices,
) -> Result<Statuses, FlowError> {
    let config = &project.config;
    let articles: Vec<PathBuf> = if request.articles.is_empty() {
        config.articles.iter().map(|a| a.path.clone()).collect()
    } else {
        request.articles.clone()
    };
    if articles.is_empty() {
        return Err(FlowError::NoArticles);
    }
    if request.tm.is_empty() && config.memory.is_empty() {
        return Err(FlowError::NoMemory);
    }
    let memory = open_memory(project, &project.memory_paths(&request.tm), notices)?;
    let damaged = match memory.refuse_damaged() {
        Err(MemoryError::DamagedTus { path, count, .. }) => Some((path, count)),
        _ => None,
    };
    let mut statuses = Vec::with_capacity(articles.len());
    let mut total = Total::default();
    for path in articles {
        let article = article_status(project, &memory, path)?;
        total.articles += 1;
        total.counts.add(&article.counts);
        statuses.push(article);
    }
    Ok(Statuses {
        articles: statuses,
        total,
        damaged,
    })
}

fn article_status(
    project: &Project,
    memory: &Memory,
    path: PathBuf,
) -> Result<ArticleStatus, FlowError> {
    let (_, units) = project.read_article(&path, Lang::En)?;
    let doc = document_id(None, &path, &project.config, memory, DocUse::Read)?;
    let report = against_memory(&units, memory, &doc, &CheckOptions::revision_only())?;
    let mut counts = Counts::of(&report);
    let (stored, additions) = memory.document_and_additions(&doc)?;
    counts.retired = stored
        .iter()
        .chain(&additions)
        .filter(|u| u.obsolete)
        .count();
    counts.last_change = last_change(stored.iter().chain(&additions));
    Ok(ArticleStatus {
        article: path,
        doc,
        counts,
    })
}

impl Counts {
    /// The units of `report` by state, and its orphans (`retired` is the memory's to
    /// tell: 0 here).
    pub fn of(report: &Report) -> Counts {
        let mut counts = Counts {
            units: report.status.len(),
            ..Counts::default()
        };
        for (i, status) in report.status.iter().enumerate() {
            match status {
                UnitStatus::Current => {
                    counts.current += 1;
                    match report.vi_status.get(i).cloned().flatten().as_deref() {
                        Some(NEEDS_REVIEW) => counts.needs_review += 1,
                        Some(REVIEWED) => counts.reviewed += 1,
                        _ => counts.translated += 1,
                    }
                }
                UnitStatus::Stale => counts.stale += 1,
                UnitStatus::Missing => counts.missing += 1,
                UnitStatus::Omitted => counts.omitted += 1,
            }
        }
        counts.orphaned = report
            .findings
            .iter()
            .filter(|f| f.kind == Kind::Orphaned)
            .count();
        counts
    }

    /// Adds `other` in: the counts summed, the later of the two last changes kept.
    pub fn add(&mut self, other: &Counts) {
        self.units += other.units;
        self.current += other.current;
        self.translated += other.translated;
        self.needs_review += other.needs_review;
        self.reviewed += other.reviewed;
        self.stale += other.stale;
        self.missing += other.missing;
        self.omitted += other.omitted;
        self.orphaned += other.orphaned;
        self.retired += other.retired;
        if let Some(change) = &other.last_change
            && self.last_change.as_ref().is_none_or(|c| c.at < change.at)
        {
            self.last_change = Some(change.clone());
        }
    }
}

/// The latest valid TMX date among `units`, with who made that change. A date that is
/// not `YYYYMMDDThhmmssZ` cannot be ordered and is passed over.
fn last_change<'a>(units: impl Iterator<Item = &'a StoredUnit>) -> Option<Change> {
    // The basic form orders as the times do.
    let latest = units
        .filter_map(|u| Some((u.changed.as_deref().filter(|d| is_tmx_date(d))?, u)))
        .max_by(|a, b| a.0.cmp(b.0))?;
    let (date, unit) = latest;
    Some(Change {
        at: tmx_date_as_iso8601(date)?,
        by: unit.changed_by.clone(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(changed: Option<&str>, by: Option<&str>) -> StoredUnit {
        StoredUnit {
            changed: changed.map(str::to_owned),
            changed_by: by.map(str::to_owned),
            ..StoredUnit::default()
        }
    }

    #[test]
    fn the_last_change_is_the_latest_valid_date() {
        let units = [
            unit(Some("20191128T090000Z"), Some("lan")),
            unit(Some("20200101T000000Z"), Some("minh")),
            unit(Some("2021-01-01"), Some("nobody")),
            unit(None, Some("nobody")),
        ];
        let change = last_change(units.iter()).unwrap();
        assert_eq!(change.at, "2020-01-01T00:00:00Z");
        assert_eq!(change.by.as_deref(), Some("minh"));
        assert_eq!(last_change([unit(None, None)].iter()), None);
    }

    #[test]
    fn adding_keeps_the_later_change() {
        let mut total = Counts::default();
        let at = |at: &str| Counts {
            units: 1,
            last_change: Some(Change {
                at: at.to_owned(),
                by: None,
            }),
            ..Counts::default()
        };
        total.add(&at("2020-01-01T00:00:00Z"));
        total.add(&at("2019-01-01T00:00:00Z"));
        assert_eq!(total.units, 2);
        assert_eq!(total.last_change.unwrap().at, "2020-01-01T00:00:00Z");
    }
}
