//! `tm lookup` and `tm concordance`: what a memory file holds for a text or a phrase.

use std::path::PathBuf;

use super::{Languages, any_damaged};
use crate::flow::{FlowError, Notices, open_memory_in};
use crate::memory::concordance::SearchOptions;
use serde::Serialize;

use crate::drift::report::DiffOp;
use crate::memory::fuzzy::{self, DiffKind, DiffPart};
use crate::memory::lookup::{ConcordanceMatch, Match};
use crate::memory::store::Memory;

/// Exact and fuzzy matches of each query.
#[derive(Debug, Clone)]
pub struct LookupRequest {
    /// The memory file of [`lookup`]; [`lookup_in`] reads the files it is given instead.
    pub tm: PathBuf,
    /// In the order they are answered; see [`queries`] for a file of them.
    pub queries: Vec<String>,
    /// The lowest score (0-100) of a match.
    pub min: u8,
    /// At most this many matches per query.
    pub limit: usize,
    pub languages: Languages,
}

/// The queries of a file: one per line, blank lines skipped.
pub fn queries(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(str::to_owned)
}

/// The matches of one query, best first.
#[derive(Debug, Clone)]
pub struct Answer {
    pub query: String,
    pub matches: Vec<Scored>,
}

/// A match, with how its source differs from the query.
#[derive(Debug, Clone)]
pub struct Scored {
    pub found: Match,
    /// Words common to both, only in the query ([`fuzzy::DiffKind::Delete`]) or only in
    /// the match's source ([`fuzzy::DiffKind::Insert`]). [`Scored::diff_parts`] gives
    /// them in `check`'s terms.
    pub diff: Vec<DiffPart>,
}

impl Scored {
    /// [`Scored::diff`] as `tm lookup --format json` writes it, in `check`'s terms.
    pub fn diff_parts(&self) -> Vec<LookupDiffPart<'_>> {
        self.diff.iter().map(LookupDiffPart::of).collect()
    }
}

/// One piece of a lookup's word diff: `{"kind","op","text"}` in JSON.
///
/// `op` reads as in `check` ([`crate::drift::report::DiffPart`]), the memory's matched source being
/// the old text and the query the new one: `delete` is only in the match's source,
/// `insert` only in the query, so `[-deleted-]` `{+inserted+}` turn the match into the
/// query. `kind` is deprecated and kept for the scripts that read it; it is the other
/// way round: `delete` is only in the query, `insert` only in the match's source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LookupDiffPart<'a> {
    /// Deprecated: `delete` only in the query, `insert` only in the match's source.
    pub kind: DiffKind,
    /// `equal`, `delete` (only in the match's source) or `insert` (only in the query).
    pub op: DiffOp,
    pub text: &'a str,
}

impl<'a> LookupDiffPart<'a> {
    fn of(part: &'a DiffPart) -> LookupDiffPart<'a> {
        // `fuzzy::diff` runs from the query to the source; `check` from old to new.
        let op = match part.kind {
            DiffKind::Equal => DiffOp::Equal,
            DiffKind::Delete => DiffOp::Insert,
            DiffKind::Insert => DiffOp::Delete,
        };
        LookupDiffPart {
            kind: part.kind,
            op,
            text: &part.text,
        }
    }
}

/// What [`lookup`] found.
#[derive(Debug, Clone)]
pub struct LookedUp {
    /// One per query, in the order asked.
    pub answers: Vec<Answer>,
    /// Whether the memory file has damaged TUs (told as notices), which no answer holds.
    pub damaged: bool,
}

/// Looks every query up in the memory file; its problems are told as it is read.
pub fn lookup(request: &LookupRequest, notices: &mut dyn Notices) -> Result<LookedUp, FlowError> {
    lookup_in(std::slice::from_ref(&request.tm), request, notices)
}

/// [`lookup`] in the memory files `tms` (several read as one, as `check` reads a
/// project's) instead of `request.tm`: see [`super::memory_files`].
pub fn lookup_in(
    tms: &[PathBuf],
    request: &LookupRequest,
    notices: &mut dyn Notices,
) -> Result<LookedUp, FlowError> {
    if request.queries.is_empty() {
        return Err(FlowError::NoQuery);
    }
    let memory = open(tms, &request.languages, notices)?;
    let mut answers = Vec::with_capacity(request.queries.len());
    for query in &request.queries {
        let matches = memory
            .lookup(query, request.min, request.limit)?
            .into_iter()
            .map(|found| Scored {
                diff: fuzzy::diff(query, &found.source),
                found,
            })
            .collect();
        answers.push(Answer {
            query: query.clone(),
            matches,
        });
    }
    Ok(LookedUp {
        answers,
        damaged: damaged(&memory),
    })
}

/// A word or phrase in the sources (or the translations) of a memory file.
#[derive(Debug, Clone)]
pub struct ConcordanceRequest {
    /// The memory file of [`concordance`]; [`concordance_in`] reads those it is given.
    pub tm: PathBuf,
    pub phrase: String,
    /// Search the translations instead of the sources.
    pub in_target: bool,
    pub options: SearchOptions,
    /// At most this many hits.
    pub limit: usize,
    pub languages: Languages,
}

/// What [`concordance`] found.
#[derive(Debug, Clone)]
pub struct Concordance {
    pub hits: Vec<ConcordanceMatch>,
    /// As for [`LookedUp::damaged`].
    pub damaged: bool,
}

/// Finds the phrase in the memory file; its problems are told as it is read.
pub fn concordance(
    request: &ConcordanceRequest,
    notices: &mut dyn Notices,
) -> Result<Concordance, FlowError> {
    concordance_in(std::slice::from_ref(&request.tm), request, notices)
}

/// [`concordance`] in the memory files `tms` instead of `request.tm`, as
/// [`lookup_in`].
pub fn concordance_in(
    tms: &[PathBuf],
    request: &ConcordanceRequest,
    notices: &mut dyn Notices,
) -> Result<Concordance, FlowError> {
    let memory = open(tms, &request.languages, notices)?;
    let hits = memory.concordance(
        &request.phrase,
        request.in_target,
        request.options,
        request.limit,
    )?;
    Ok(Concordance {
        hits,
        damaged: damaged(&memory),
    })
}

fn open(
    tms: &[PathBuf],
    languages: &Languages,
    notices: &mut dyn Notices,
) -> Result<Memory, FlowError> {
    Ok(open_memory_in(tms, languages.pair(), notices)?)
}

fn damaged(memory: &Memory) -> bool {
    any_damaged(memory.problems().iter().map(|p| &p.problem))
}
