//! `tm convert` and `tm export`: a memory file streamed through and written again as
//! TMX 1.4b in UTF-8, whole or one document's TUs.
//!
//! The output is checked before any work (never an input, the memory or a project file),
//! written atomically when it is a file (and read back whole before it replaces
//! anything), as it goes when it is a stream, and to the writer the caller gives when it
//! is standard output (`-`).

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::write_tmx_to;
use super::{any_damaged, problems_named};
use crate::flow::{FlowError, Notice, Notices};
use crate::fsio::{Input, OutputTarget, ReadOnly, Role};
use crate::memory::journal::MemoryTus;
use crate::memory::record::props;
use crate::project::DocIdError;
use crate::project::config::valid_doc_id;
use crate::tmx::{Attr, Header, Inline, Seg, Tu};
use crate::xliff::omegat::omegat_texts;

/// `tm convert`: any TMX 1.1-1.4b written as TMX 1.4b in UTF-8.
#[derive(Debug, Clone)]
pub struct ConvertRequest {
    pub input: PathBuf,
    /// The output file, or `-` for standard output.
    pub output: PathBuf,
    /// Files the output must never be: the project's (see
    /// [`crate::project::Project::protected_files`]); the input is added.
    pub protected: Vec<Input>,
    pub read_only: ReadOnly,
}

/// `tm export`: a memory file, or one document's TUs of it, as TMX 1.4b.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    pub tm: PathBuf,
    /// Only the TUs of this document.
    pub doc: Option<String>,
    /// The output file, or `-` for standard output.
    pub output: PathBuf,
    /// As for [`ConvertRequest::protected`]; the memory is added.
    pub protected: Vec<Input>,
    pub read_only: ReadOnly,
    /// For OmegaT's `tm/auto/` beside a work file of a Markdown article: each TU whose
    /// English has inline Markdown holds it as the short tags OmegaT makes of the work
    /// file's codes ([`crate::xliff::omegat`]), so that it matches the unit.
    pub for_omegat: bool,
}

/// What a copy wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Copied {
    /// TUs written.
    pub tus: usize,
    /// Whether the input had damaged TUs, which are not in the output.
    pub damaged: bool,
}

/// Writes the TUs of `request.input` to `request.output` (`stdout` when that is `-`).
/// Each problem of the input is told as soon as the input is read, before anything is
/// written.
pub fn convert(
    request: &ConvertRequest,
    stdout: &mut dyn Write,
    notices: &mut dyn Notices,
) -> Result<Copied, FlowError> {
    let mut inputs = request.protected.clone();
    inputs.push(Input::new(&request.input, Role::Input));
    let target = OutputTarget::new(&request.output, &inputs, request.read_only)?;
    let read = read_tus(&request.input, |_| true, notices)?;
    write(&target, &read, stdout)
}

/// Writes the TUs of `request.tm` (of `request.doc`, when given) to `request.output`,
/// like [`convert`]. A document the memory does not hold is refused and nothing written:
/// it is a typo or the wrong memory.
pub fn export(
    request: &ExportRequest,
    stdout: &mut dyn Write,
    notices: &mut dyn Notices,
) -> Result<Copied, FlowError> {
    if let Some(doc) = &request.doc
        && !valid_doc_id(doc)
    {
        let option = String::from("--doc");
        return Err(DocIdError::Empty { option }.into());
    }
    let mut inputs = request.protected.clone();
    inputs.push(Input::new(&request.tm, Role::Memory));
    let target = OutputTarget::new(&request.output, &inputs, request.read_only)?;
    // Every document the memory holds, to name them when the one asked for is not there.
    let mut docs = BTreeSet::new();
    let keep = |tu: &Tu| match &request.doc {
        None => true,
        Some(doc) => {
            let of = tu.prop(props::DOC);
            if let Some(of) = of {
                docs.insert(of.to_owned());
            }
            of == Some(doc.as_str())
        }
    };
    let mut read = read_tus(&request.tm, keep, notices)?;
    if request.for_omegat {
        let header = &read.header;
        read.tus.iter_mut().for_each(|tu| omegat_tu(tu, header));
    }
    if let Some(doc) = &request.doc
        && read.tus.is_empty()
    {
        return Err(FlowError::NoSuchDocument {
            path: request.tm.clone(),
            doc: doc.clone(),
            docs: docs.into_iter().collect(),
        });
    }
    write(&target, &read, stdout)
}

/// `tu` with the Markdown of its segments as OmegaT's short tags (see
/// [`ExportRequest::for_omegat`]). A TU whose segments hold anything but text (TMX codes
/// from another tool), or without a source variant, stays as it is.
fn omegat_tu(tu: &mut Tu, header: &Header) {
    let text = |seg: &Seg| match seg.0.as_slice() {
        [] => Some(String::new()),
        [Inline::Text(text)] => Some(text.clone()),
        _ => None,
    };
    let Some(en) = tu.source_tuv(header).and_then(|tuv| text(&tuv.seg)) else {
        return;
    };
    // The source variant too: its own text against itself gives the English's tags.
    for tuv in &mut tu.tuvs {
        let Some(own) = text(&tuv.seg) else { continue };
        match omegat_texts(&en, &own) {
            Some((_, tagged)) => tuv.seg = Seg::text(&tagged),
            None => return,
        }
    }
}

/// The TUs of a memory file that a copy keeps, with what the output needs besides.
struct Read {
    header: Header,
    root_attrs: Vec<Attr>,
    tus: Vec<Tu>,
    damaged: bool,
}

/// Streams `input` and keeps the TUs `keep` accepts; tells each problem of `input`.
fn read_tus(
    input: &Path,
    mut keep: impl FnMut(&Tu) -> bool,
    notices: &mut dyn Notices,
) -> Result<Read, FlowError> {
    let mut reader = MemoryTus::open(input)?;
    let header = reader.header().clone();
    let mut tus = Vec::new();
    while let Some(tu) = reader.next_tu()? {
        if keep(&tu) {
            tus.push(tu);
        }
    }
    // After the TUs: namespace declarations of `<body>` are moved to the root.
    let root_attrs = reader.root_attrs().to_vec();
    let problems = problems_named(&reader, input);
    let damaged = any_damaged(problems.iter().map(|p| &p.problem));
    for problem in problems {
        notices.notice(Notice::MemoryProblem(problem));
    }
    Ok(Read {
        header,
        root_attrs,
        tus,
        damaged,
    })
}

/// Writes `read` to `target`, once every TU is known to be writable.
fn write(target: &OutputTarget, read: &Read, stdout: &mut dyn Write) -> Result<Copied, FlowError> {
    let Read {
        header,
        root_attrs,
        tus,
        damaged,
    } = read;
    write_tmx_to(target, stdout, root_attrs, header, tus)?;
    Ok(Copied {
        tus: tus.len(),
        damaged: *damaged,
    })
}
