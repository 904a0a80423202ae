//! `tm merge`: a three-way merge of memory files by TU identity, so that a team can keep
//! its memory under git (`songngu tm merge %O %A %B -o %A` as a merge driver).
//!
//! A TU is the same TU in the three files when it has the same **identity**: its document
//! and unit ([`props::DOC`] + [`props::UNIT`]), else its `tuid`, else its source text
//! ([`normalize`]d). A file may hold several TUs of one identity (an old version beside a
//! new one): the n-th of them in one file is the n-th in the others.
//!
//! The rules, against BASE:
//! - a TU only one side changed takes that side's version; one both changed alike (the
//!   same content; the dates and users of the change aside) takes ours;
//! - a TU either side added is kept (once when both added it alike);
//! - a TU deleted on one side and unchanged on the other is deleted; deleted on one side
//!   and changed on the other, the changed version is kept and it is a conflict;
//! - a TU changed (or added) differently on both sides keeps both versions, ours then
//!   theirs right after it, and it is a conflict.
//!
//! Every TU of a conflict is marked with a prop [`CONFLICT_PROP`] saying which version it
//! is (`ours`, `theirs`) or what the other side did (`deleted-by-ours`,
//! `deleted-by-theirs`): resolving it is keeping the right version and removing the prop.
//!
//! The output is deterministic: OURS's TUs in its order, then theirs' additions in
//! theirs' order, with ours' header. All three inputs are read whole before anything is
//! written, and the output is written atomically (read back before it replaces anything),
//! so the output may be OURS itself, as git asks of a merge driver; it is never BASE or
//! THEIRS, nor a project file other than OURS (a merge in place into the project's
//! memory is what a translator resolving by hand means).
//!
//! An output file is written as every writer of a memory writes one: under its lock
//! (`<OUT>.lock`, see [`crate::memory::persist::lock`]), taken before anything is read,
//! so a merge into a memory that `translate` is writing waits for it (or fails at once,
//! [`MergeRequest::wait`]) and then reads what it wrote, never overwriting it. Any file
//! may be a memory, so every file output is locked; the sidecar is gone when the merge
//! is.
//!
//! # JSON Lines (`tm merge --format json`)
//!
//! One [`MergeRecord::Conflict`] per conflict, in the order of the output, then one
//! [`MergeRecord::Summary`]:
//!
//! ```json
//! {"conflict":{"kind":"both-changed","doc":"news","unit":"p1"}}
//! {"conflict":{"kind":"deleted-by-ours","tuid":"t-7"}}
//! {"conflict":{"kind":"deleted-by-theirs","source":"the river rose."}}
//! {"summary":{"output":"out.tmx","clean":false,"tus":4,"kept":1,"from_ours":0,"from_theirs":0,"added":0,"deleted":0,"conflicts":3}}
//! ```
//!
//! A conflict names its TU by its [identity](TuIdentity): `doc` and `unit`, else `tuid`,
//! else `source` (normalized). `kind` is `both-changed` (both versions kept),
//! `deleted-by-ours` (theirs kept) or `deleted-by-theirs` (ours kept).

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::write_tmx_to;
use super::{any_damaged, lock_wait, problems_named};
use crate::flow::{FlowError, Notice, Notices};
use crate::fsio::{self, Input, OutputTarget, ReadOnly, Role, Sink};
use crate::memory::journal::{self, MemoryTus};
use crate::memory::persist::{self, FileLock};
use crate::memory::record::props;
use crate::text::normalize::normalize;
use crate::tmx::{Attr, Header, Tu};

/// The prop that marks each TU of a conflict (see the [module documentation](self)).
pub const CONFLICT_PROP: &str = "x-songngu-conflict";

/// Merge `ours` and `theirs`, both changed from `base`, into `output`.
#[derive(Debug, Clone)]
pub struct MergeRequest {
    pub base: PathBuf,
    pub ours: PathBuf,
    pub theirs: PathBuf,
    /// The merged memory: a file (`ours` itself allowed), or `-` for standard output.
    pub output: PathBuf,
    /// Files the output must never be: the project's (see
    /// [`crate::project::Project::protected_files`]); `base` and `theirs` are added.
    pub protected: Vec<Input>,
    pub read_only: ReadOnly,
    /// Wait for another writer's lock on the output (up to [`crate::flow::LOCK_WAIT`])
    /// instead of failing at once.
    pub wait: bool,
}

/// Why a merge was refused before anything was written.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// The output has a journal of changes: a new TMX under it would not be the file the
    /// journal extends.
    #[error(
        "`{}` has a journal of changes, `{}`: run `songngu tm compact` on it first; nothing was written",
        .output.display(), .journal.display()
    )]
    OutputHasJournal { output: PathBuf, journal: PathBuf },
}

/// Who a TU is, across the three files (see the [module documentation](self)).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TuIdentity {
    Unit {
        doc: String,
        unit: String,
    },
    Tuid(String),
    /// The normalized source text (empty for a TU without any variant).
    Source(String),
}

impl TuIdentity {
    /// The identity of `tu`, read from a file with header `header`.
    pub fn of(tu: &Tu, header: &Header) -> TuIdentity {
        if let (Some(doc), Some(unit)) = (tu.prop(props::DOC), tu.prop(props::UNIT)) {
            return TuIdentity::Unit {
                doc: doc.to_owned(),
                unit: unit.to_owned(),
            };
        }
        if let Some(tuid) = tu.attr("tuid") {
            return TuIdentity::Tuid(tuid.to_owned());
        }
        let source = tu.source_tuv(header).or_else(|| tu.tuvs.first());
        TuIdentity::Source(source.map_or_else(String::new, |t| normalize(&t.seg.plain_text())))
    }
}

/// What made a conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConflictKind {
    /// Changed differently on both sides (or added differently by both): both versions
    /// are in the output.
    BothChanged,
    /// Deleted by ours, changed by theirs: theirs' version is in the output.
    DeletedByOurs,
    /// Deleted by theirs, changed by ours: ours' version is in the output.
    DeletedByTheirs,
}

/// A TU the merge could not settle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub identity: TuIdentity,
    pub kind: ConflictKind,
}

/// What a merge did. Every TU of the output is counted once, in `kept`, `from_ours`,
/// `from_theirs` or `added`, or in the conflicts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Merged {
    /// TUs the same on both sides (unchanged, or changed alike).
    pub kept: usize,
    /// TUs only ours changed.
    pub from_ours: usize,
    /// TUs only theirs changed.
    pub from_theirs: usize,
    /// TUs added on either side (once when both added them alike).
    pub added: usize,
    /// TUs of BASE left out: deleted on one side and unchanged on the other, or on both.
    pub deleted: usize,
    /// TUs written to the output, conflicting versions included.
    pub tus: usize,
    /// In the order of the output.
    pub conflicts: Vec<Conflict>,
}

impl Merged {
    /// Whether the merge settled every TU.
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }

    /// The JSON Lines of this merge into `output` (see the [module documentation](self)).
    pub fn records(&self, output: &Path) -> Vec<MergeRecord> {
        let conflicts = self.conflicts.iter().map(ConflictRecord::of);
        let summary = MergeSummary {
            output: output.to_owned(),
            clean: self.is_clean(),
            tus: self.tus,
            kept: self.kept,
            from_ours: self.from_ours,
            from_theirs: self.from_theirs,
            added: self.added,
            deleted: self.deleted,
            conflicts: self.conflicts.len(),
        };
        let mut records: Vec<MergeRecord> = conflicts.map(MergeRecord::Conflict).collect();
        records.push(MergeRecord::Summary(summary));
        records
    }
}

/// One line of `tm merge --format json`: `{"conflict": {...}}` or `{"summary": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum MergeRecord {
    Conflict(ConflictRecord),
    Summary(MergeSummary),
}

/// A conflict, its TU named by the fields of its identity (the others left out).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictRecord {
    pub kind: ConflictKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tuid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl ConflictRecord {
    fn of(conflict: &Conflict) -> ConflictRecord {
        let mut record = ConflictRecord {
            kind: conflict.kind,
            doc: None,
            unit: None,
            tuid: None,
            source: None,
        };
        match &conflict.identity {
            TuIdentity::Unit { doc, unit } => {
                record.doc = Some(doc.clone());
                record.unit = Some(unit.clone());
            }
            TuIdentity::Tuid(tuid) => record.tuid = Some(tuid.clone()),
            TuIdentity::Source(source) => record.source = Some(source.clone()),
        }
        record
    }
}

/// The account of a merge: the counts of [`Merged`], the output as given, and whether it
/// was clean (exit 0) or not (exit 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeSummary {
    pub output: PathBuf,
    pub clean: bool,
    pub tus: usize,
    pub kept: usize,
    pub from_ours: usize,
    pub from_theirs: usize,
    pub added: usize,
    pub deleted: usize,
    pub conflicts: usize,
}

/// Merges the three memory files into `request.output` (`stdout` when that is `-`). The
/// problems of each input are told as it is read; an input with damaged TUs is refused
/// (the merge would drop them). The output is written even when there are conflicts:
/// they are in it, marked, and in [`Merged::conflicts`].
pub fn merge(
    request: &MergeRequest,
    stdout: &mut dyn Write,
    notices: &mut dyn Notices,
) -> Result<Merged, FlowError> {
    // Checked first, so that a refused output is never locked; checked again under the
    // lock, so that the file it will replace is the one the lock keeps still.
    let checked = output_target(request)?;
    let _lock = lock_output(&checked, request.wait)?;
    let target = output_target(request)?;
    let base = read(&request.base, notices)?;
    let ours = read(&request.ours, notices)?;
    let theirs = read(&request.theirs, notices)?;
    let (tus, merged) = merge_tus(&base, &ours, &theirs);
    let root_attrs = root_attrs(&ours.root_attrs, &theirs.root_attrs);
    write_tmx_to(&target, stdout, &root_attrs, &ours.header, &tus)?;
    Ok(merged)
}

/// The lock of the output file, held across the merge; none for standard output or a
/// stream, which nothing else writes as a memory.
fn lock_output(target: &OutputTarget, wait: bool) -> Result<Option<FileLock>, FlowError> {
    if !matches!(target.sink(), Sink::File(_)) {
        return Ok(None);
    }
    // The path as given: the lock resolves a link itself, and its error names this path.
    let lock = persist::lock(target.path(), lock_wait(wait)).map_err(FlowError::WriteOutput)?;
    Ok(Some(lock))
}

/// The checked output: never BASE, THEIRS or a protected file; OURS only when it is the
/// output itself (then it is replaced atomically once everything is read), also when
/// OURS is a protected file such as the project's memory.
fn output_target(request: &MergeRequest) -> Result<OutputTarget, FlowError> {
    let in_place = fsio::same_file(&request.output, &request.ours);
    let mut inputs: Vec<Input> = request.protected.clone();
    if in_place {
        inputs.retain(|input| !fsio::same_file(&input.path, &request.ours));
    }
    inputs.push(Input::new(&request.base, Role::Memory));
    inputs.push(Input::new(&request.theirs, Role::Memory));
    if !in_place {
        inputs.push(Input::new(&request.ours, Role::Memory));
    }
    let target = OutputTarget::new(&request.output, &inputs, request.read_only)?;
    if let Sink::File(real) = target.sink() {
        let journal = journal::path_for(real);
        if journal.exists() {
            let output = request.output.clone();
            return Err(MergeError::OutputHasJournal { output, journal }.into());
        }
    }
    Ok(target)
}

/// One input, read whole.
struct Side {
    header: Header,
    root_attrs: Vec<Attr>,
    /// Each TU with its key: its identity and how many TUs of that identity come before.
    tus: Vec<(Key, Tu)>,
}

type Key = (TuIdentity, usize);

impl Side {
    fn index(&self) -> HashMap<&Key, &Tu> {
        self.tus.iter().map(|(key, tu)| (key, tu)).collect()
    }
}

/// Reads the memory file `path` (its journal applied) and tells its problems; damaged
/// TUs refuse it.
fn read(path: &Path, notices: &mut dyn Notices) -> Result<Side, FlowError> {
    let mut reader = MemoryTus::open(path)?;
    let header = reader.header().clone();
    let mut seen: HashMap<TuIdentity, usize> = HashMap::new();
    let mut tus = Vec::new();
    while let Some(tu) = reader.next_tu()? {
        let identity = TuIdentity::of(&tu, &header);
        let n = seen.entry(identity.clone()).or_default();
        tus.push(((identity, *n), tu));
        *n += 1;
    }
    let root_attrs = reader.root_attrs().to_vec();
    let problems = problems_named(&reader, path);
    let damaged = problems
        .iter()
        .filter(|p| any_damaged(std::iter::once(&p.problem)))
        .count();
    for problem in problems {
        notices.notice(Notice::MemoryProblem(problem));
    }
    if damaged > 0 {
        let path = path.to_owned();
        return Err(FlowError::DamagedMemory {
            path,
            count: damaged,
        });
    }
    Ok(Side {
        header,
        root_attrs,
        tus,
    })
}

/// Ours' namespace declarations, then those of theirs that ours lacks (theirs' TUs may
/// use them).
fn root_attrs(ours: &[Attr], theirs: &[Attr]) -> Vec<Attr> {
    let mut attrs = ours.to_vec();
    for attr in theirs {
        if !attrs.iter().any(|a| a.name == attr.name) {
            attrs.push(attr.clone());
        }
    }
    attrs
}

/// Attributes that record when and by whom a TU was last changed or used: two versions
/// that differ only in them are alike.
const BOOKKEEPING: [&str; 4] = ["changedate", "changeid", "lastusagedate", "usagecount"];

/// Whether `a` and `b` hold the same content, their [`BOOKKEEPING`] aside.
fn alike(a: &Tu, b: &Tu) -> bool {
    content(a) == content(b)
}

fn content(tu: &Tu) -> Tu {
    let mut tu = tu.canonical();
    tu.attrs.retain(|a| !BOOKKEEPING.contains(&a.name.as_str()));
    for tuv in &mut tu.tuvs {
        tuv.attrs
            .retain(|a| !BOOKKEEPING.contains(&a.name.as_str()));
    }
    tu
}

/// `tu` marked as a version of a conflict.
fn marked(tu: &Tu, mark: &str) -> Tu {
    let mut tu = tu.clone();
    tu.set_prop(CONFLICT_PROP, mark);
    tu
}

/// The merged TUs, in output order, and the account of the merge.
fn merge_tus(base: &Side, ours: &Side, theirs: &Side) -> (Vec<Tu>, Merged) {
    let base_tus = base.index();
    let their_tus = theirs.index();
    let our_tus = ours.index();
    let mut out = Vec::new();
    let mut merged = Merged::default();
    let conflict = |merged: &mut Merged, key: &Key, kind| {
        let identity = key.0.clone();
        merged.conflicts.push(Conflict { identity, kind });
    };
    for (key, our) in &ours.tus {
        match (base_tus.get(key), their_tus.get(key)) {
            (None, None) => {
                merged.added += 1;
                out.push(our.clone());
            }
            (None, Some(their)) if alike(our, their) => {
                merged.added += 1;
                out.push(our.clone());
            }
            (Some(base), None) if alike(our, base) => merged.deleted += 1,
            (Some(_), None) => {
                conflict(&mut merged, key, ConflictKind::DeletedByTheirs);
                out.push(marked(our, "deleted-by-theirs"));
            }
            (Some(base), Some(their)) if alike(their, base) || alike(our, their) => {
                if alike(our, base) || alike(our, their) {
                    merged.kept += 1;
                } else {
                    merged.from_ours += 1;
                }
                out.push(our.clone());
            }
            (Some(base), Some(their)) if alike(our, base) => {
                merged.from_theirs += 1;
                out.push((*their).clone());
            }
            (_, Some(their)) => {
                conflict(&mut merged, key, ConflictKind::BothChanged);
                out.push(marked(our, "ours"));
                out.push(marked(their, "theirs"));
            }
        }
    }
    for (key, their) in &theirs.tus {
        if our_tus.contains_key(key) {
            continue;
        }
        match base_tus.get(key) {
            None => {
                merged.added += 1;
                out.push(their.clone());
            }
            Some(base) if alike(their, base) => merged.deleted += 1,
            Some(_) => {
                conflict(&mut merged, key, ConflictKind::DeletedByOurs);
                out.push(marked(their, "deleted-by-ours"));
            }
        }
    }
    merged.deleted += base
        .tus
        .iter()
        .filter(|(key, _)| !our_tus.contains_key(key) && !their_tus.contains_key(key))
        .count();
    merged.tus = out.len();
    (out, merged)
}
