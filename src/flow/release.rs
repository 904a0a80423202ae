//! `export`: the bilingual release of an article. The drift check runs first; while
//! findings at the failing severity remain, the release is refused unless drift is
//! allowed, which the manifest records.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::check::{CheckRequest, Checked, check};
use super::work_file::work_file_of;
use super::{FlowError, Notices};
use crate::drift::CheckedArticle;
use crate::drift::Severity;
use crate::export::manifest::{MANIFEST_NAME, Manifest, MemoryFile};
use crate::export::release::{ReleaseOptions, write_release};
use crate::export::tmx::TmxOptions;
use crate::export::xliff::Dress;
use crate::export::{self, ExportError, Release, Stamp, Wording};
use crate::fsio::{Input, Role};
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

/// A release written into the project by [`release_to_project`].
#[derive(Debug, Clone)]
pub struct ReleasedFolder {
    /// The release folder: the article's document id inside the project's
    /// [`release_folder`](crate::project::Config::release_folder).
    pub folder: PathBuf,
    /// Every file of the folder, `manifest.json` last.
    pub files: Vec<PathBuf>,
    /// What the folder's `manifest.json` says.
    pub manifest: Manifest,
}

/// The release of `request`'s article, written into the project rather than where a
/// caller says (a server never takes a path from its client): the folder named by the
/// article's document id in the project's release folder (`[release] folder` in
/// `songngu.toml`, else `release/`), replaced atomically as a whole when it holds an
/// earlier release. Gated as `export --to release`: refused with
/// [`FlowError::ReleaseRefused`] while findings at the failing severity remain, unless
/// `force` (or the request's `allow_drift`), which the manifest then records. The folder
/// is refused when it is, or holds, one of the project's files or the request's inputs.
/// The files are those `export --to release` writes, the XLIFF work file in 2.0.
pub fn release_to_project(
    project: &Project,
    request: &ReleaseRequest,
    force: bool,
    wording: Wording<'_>,
    notices: &mut dyn Notices,
) -> Result<ReleasedFolder, FlowError> {
    let request = ReleaseRequest {
        allow_drift: request.allow_drift || force,
        ..request.clone()
    };
    let prepared = prepare(project, &request, notices)?;
    if prepared.refused() {
        let summary = prepared
            .checked
            .article
            .report
            .summary(prepared.checked.article.fail_on);
        return Err(FlowError::ReleaseRefused {
            failing: summary.failing,
        });
    }
    let folder = project_release_folder(project, &prepared.checked.article, &request.en);
    let mut inputs = project.protected_files();
    inputs.extend(project.memory_inputs(&request.tm));
    inputs.push(Input::new(&request.en, Role::Article));
    inputs.extend(
        request
            .glossary
            .iter()
            .map(|p| Input::new(p, Role::Glossary)),
    );
    crate::fsio::check_folder_output(&folder, &inputs)?;
    let parent = &project.config.release_folder;
    std::fs::create_dir_all(parent).map_err(|source| ExportError::Io {
        path: parent.clone(),
        source,
    })?;
    let manifest = prepared.write_folder(project, &folder, wording, Version::V2_0)?;
    let names = manifest.files.iter().map(|f| f.name.as_str());
    let files = names
        .chain([MANIFEST_NAME])
        .map(|name| folder.join(name))
        .collect();
    Ok(ReleasedFolder {
        folder,
        files,
        manifest,
    })
}

/// The folder of the release of `article` (at `en`) in the project's release folder: its
/// document id made a safe file name (no separator, not hidden, not `..`), else the
/// English file's name.
fn project_release_folder(project: &Project, article: &CheckedArticle, en: &Path) -> PathBuf {
    let id: String = article
        .doc
        .clone()
        .or_else(|| project.config.doc_for(en).map(str::to_owned))
        .unwrap_or_else(|| {
            en.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        });
    release_folder_of(project, &id)
}

/// The folder [`release_to_project`] writes the release of the article with document id
/// `doc` to (whether or not it is written yet): the id made a safe file name (no
/// separator, not hidden, not `..`) in the project's release folder.
pub fn release_folder_of(project: &Project, doc: &str) -> PathBuf {
    let mut name: String = doc
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    // A leading dot would hide the folder, and `.`/`..` are no folder of their own.
    if name.is_empty() || name.starts_with('.') {
        name.insert(0, '_');
    }
    project.config.release_folder.join(name)
}
