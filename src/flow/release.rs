//! `export`: the bilingual release of an article. The drift check runs first; while
//! findings at the failing severity remain, the release is refused unless drift is
//! allowed, which the manifest records.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::check::{CheckRequest, Checked, check};
use super::work_file::work_file_of;
use super::{FlowError, Notices};
use crate::drift::Severity;
use crate::export::manifest::{Manifest, MemoryFile};
use crate::export::release::{ReleaseOptions, write_release};
use crate::export::tmx::TmxOptions;
use crate::export::xliff::Dress;
use crate::export::{self, ExportError, Release, Stamp, Wording};
use crate::project::Project;
use crate::xliff::Version;

/// What to release.
#[derive(Debug, Clone)]
pub struct ReleaseRequest {
    pub en: PathBuf,
    pub doc: Option<String>,
    /// Memory files to check against (default: the project's).
    pub tm: Vec<PathBuf>,
    pub glossary: Option<PathBuf>,
    /// The lowest severity that fails (default: the project's).
    pub fail_on: Option<Severity>,
    /// Release even though the check finds drift (recorded in the manifest).
    pub allow_drift: bool,
    /// Who releases (default: the project's translator, else the system's user).
    pub user: Option<String>,
    /// List the retired TUs as `orphaned` findings too (see [`CheckRequest::show_obsolete`]).
    pub show_obsolete: bool,
}

impl ReleaseRequest {
    /// The release of the English article `en`, checked against the project's memory,
    /// held back by drift.
    pub fn new(en: impl Into<PathBuf>) -> ReleaseRequest {
        ReleaseRequest {
            en: en.into(),
            doc: None,
            tm: Vec::new(),
            glossary: None,
            fail_on: None,
            allow_drift: false,
            user: None,
            show_obsolete: false,
        }
    }
}

/// One file of a release on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SingleFormat {
    /// The Vietnamese article, in the English's format and encoding.
    Vi,
    BilingualHtml,
    BilingualMd,
    Tmx,
    Xliff(Version),
}

/// A checked article ready to be released, or held back by its drift.
#[derive(Debug)]
pub struct PreparedRelease {
    pub checked: Checked,
    pub allow_drift: bool,
    stamp: Stamp,
    /// The memory files checked against, named as given or as the project names them.
    memory_names: Vec<(String, PathBuf)>,
}

/// Runs the check of the release. Refused at once when a memory file has damaged TUs
/// (their units would look missing); otherwise the caller shows what the check found and
/// writes the release unless [`PreparedRelease::refused`].
pub fn prepare(
    project: &Project,
    request: &ReleaseRequest,
    notices: &mut dyn Notices,
) -> Result<PreparedRelease, FlowError> {
    let check_request = CheckRequest {
        tm: request.tm.clone(),
        doc: request.doc.clone(),
        glossary: request.glossary.clone(),
        fail_on: request.fail_on,
        show_obsolete: request.show_obsolete,
        ..CheckRequest::new(&request.en)
    };
    let checked = check(project, &check_request, notices)?;
    checked.refuse_damaged()?;
    let stamp = Stamp {
        user: project.user(request.user.as_deref()),
        now: SystemTime::now(),
    };
    Ok(PreparedRelease {
        checked,
        allow_drift: request.allow_drift,
        stamp,
        memory_names: memory_names(project, &request.tm),
    })
}

impl PreparedRelease {
    /// Whether the check passes.
    pub fn passes(&self) -> bool {
        self.checked.article.passes()
    }

    /// Whether the release is held back: drift remains and is not allowed.
    pub fn refused(&self) -> bool {
        !self.passes() && !self.allow_drift
    }

    fn release(&self) -> Release<'_> {
        Release::of(&self.checked.article, self.allow_drift)
    }

    /// One file of the release, made whole in memory (an article's size).
    pub fn file(
        &self,
        project: &Project,
        format: SingleFormat,
        wording: &Wording<'_>,
    ) -> Result<Vec<u8>, FlowError> {
        let release = self.release();
        let mut bytes = Vec::new();
        match format {
            SingleFormat::Vi => bytes = export::vi::to_bytes(&release)?,
            SingleFormat::BilingualHtml => export::html::write(&release, wording, &mut bytes)?,
            SingleFormat::BilingualMd => export::markdown::write(&release, wording, &mut bytes)?,
            SingleFormat::Tmx => {
                let mut options = TmxOptions::new(self.stamp.clone());
                options.source_lang = project.config.source.clone();
                options.target_lang = project.config.target.clone();
                export::tmx::write(&release, &options, &mut bytes)?;
            }
            SingleFormat::Xliff(version) => {
                // The release folder's `<base>.xlf`, dressed the same way.
                let dress = Dress::work_file(wording.context.clone());
                let doc = work_file_of(project, &self.checked.article, true, &dress);
                crate::xliff::write(&doc, version, &mut bytes)
                    .map_err(ExportError::write("xliff"))?;
            }
        }
        Ok(bytes)
    }

    /// Writes every format of the release into the folder `path`, atomically, with its
    /// XLIFF work file in `version`.
    pub fn write_folder(
        &self,
        project: &Project,
        path: &Path,
        wording: Wording<'_>,
        version: Version,
    ) -> Result<Manifest, FlowError> {
        let release = self.release();
        let mut options = ReleaseOptions::new(self.stamp.clone());
        options.source_lang = project.config.source.clone();
        options.target_lang = project.config.target.clone();
        options.findings = &self.checked.article.report.findings;
        options.memory = self.memory_files()?;
        options.wording = wording;
        options.work_file = Some(version);
        Ok(write_release(path, &release, &options)?)
    }

    /// The memory files the check read, for the manifest.
    fn memory_files(&self) -> Result<Vec<MemoryFile>, FlowError> {
        let read = |(name, path): &(String, PathBuf)| {
            MemoryFile::read(name.clone(), path).map_err(|source| FlowError::ReadMemoryFile {
                path: path.clone(),
                source,
            })
        };
        self.memory_names.iter().map(read).collect()
    }
}

/// The memory files a check reads, named as given on the command line, or as written in
/// `songngu.toml` (relative to the project's folder).
fn memory_names(project: &Project, given: &[PathBuf]) -> Vec<(String, PathBuf)> {
    let config = &project.config;
    if given.is_empty() {
        let name = |p: &PathBuf| {
            p.strip_prefix(&config.root)
                .unwrap_or(p)
                .display()
                .to_string()
        };
        config.memory.iter().map(|p| (name(p), p.clone())).collect()
    } else {
        given
            .iter()
            .map(|p| (p.display().to_string(), p.clone()))
            .collect()
    }
}
