//! Writing a release: a whole folder, or a single file, atomically.
//!
//! [`write_release`] writes every format of a release into a folder:
//!
//! | file                              | format                                  |
//! |-----------------------------------|-----------------------------------------|
//! | `<base>.vi.<ext>`                 | [`vi`](super::vi): the Vietnamese article |
//! | `<base>.bilingual.html`           | [`html`](super::html)                   |
//! | `<base>.bilingual.md`             | [`markdown`](super::markdown)           |
//! | `<base>.tmx`                      | [`tmx`](super::tmx)                     |
//! | `<base>.xlf`                      | [`xliff`](super::xliff), with [`ReleaseOptions::work_file`] |
//! | extra files ([`ReleaseOptions::extra`]) | as given                          |
//! | `manifest.json`                   | [`manifest`](super::manifest), written last |
//!
//! `<base>` and `<ext>` come from the English file name ([`ReleaseNames`]):
//! `seed.en.txt` gives `seed.vi.txt`, `seed.bilingual.html`...
//!
//! Atomicity: everything is written into a hidden temp folder next to the target (same
//! parent, so same file system), each file flushed to disk; only then does the temp folder
//! become the target by a rename. An existing release at the target is replaced at the
//! very end: renamed away, the new one renamed in, the old one removed (if the second
//! rename fails, the old one is put back). On any error the temp folder is removed, so a
//! reader of the target sees the old release or the new one, never a mix, and nothing
//! half-written is left behind. An existing target that does not look like a release
//! (a file, or a folder that is neither empty nor holds a `manifest.json`) is never
//! replaced: [`ExportError::NotARelease`]. The target's parent folder must exist.
//!
//! A target that is a symbolic link to a folder gets the release where the link points
//! (built beside that folder and swapped in there); the link stays as it is.
//!
//! [`write_file_atomic`] does the same for one file (write a temp file in the same
//! folder, then rename), for the formats written on their own.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use unic_langid::{LanguageIdentifier, langid};

use super::manifest::{FileEntry, MANIFEST_NAME, Manifest, MemoryFile};
use super::tmx::TmxOptions;
use super::{ExportError, Release, Stamp, Wording};
use crate::document::Format;
use crate::drift::Finding;
use crate::fsio::{OutputTarget, ReadOnly};
use crate::memory::persist::PersistError;

/// Everything a release needs besides the [`Release`] itself.
#[derive(Debug)]
pub struct ReleaseOptions<'r> {
    /// Who and when, for the manifest and the TMX.
    pub stamp: Stamp,
    /// Every finding of the drift check (revision and cross-language), for the manifest's
    /// summary.
    pub findings: &'r [Finding],
    /// The words of the bilingual formats.
    pub wording: Wording<'r>,
    /// The language tags of the TMX and the manifest (the project's `source` and
    /// `target`).
    pub source_lang: LanguageIdentifier,
    pub target_lang: LanguageIdentifier,
    /// The translation memory files the release was checked against, for the manifest.
    pub memory: Vec<MemoryFile>,
    /// More files to put in the release, as `(file name, bytes)`, listed in the manifest
    /// like the others: the hook for a file a newsroom adds to its releases (a style
    /// sheet, a licence). Names must be plain file names (no folder, not hidden), distinct
    /// from each other, from the release's own files and from `manifest.json`.
    pub extra: Vec<(String, Vec<u8>)>,
    /// Write the release's units as an XLIFF work file of this version too (every unit,
    /// as `xliff export --all` does: inline codes for Markdown, context notes labelled
    /// with [`Wording::context`]), named `<base>.xlf`.
    pub work_file: Option<crate::xliff::Version>,
}

impl<'r> ReleaseOptions<'r> {
    /// English wording, `en` to `vi`, no findings, no memory files, no extra files.
    pub fn new(stamp: Stamp) -> ReleaseOptions<'r> {
        ReleaseOptions {
            stamp,
            findings: &[],
            wording: Wording::default(),
            source_lang: langid!("en"),
            target_lang: langid!("vi"),
            memory: Vec::new(),
            extra: Vec::new(),
            work_file: None,
        }
    }
}

/// The file names of a release's own files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseNames {
    /// The article's name: the English file name without its extension and without a
    /// final `.en` (`seed.en.txt` → `seed`); the document id, made a safe file name, when
    /// the English has no usable file name (standard input).
    pub base: String,
    /// `<base>.vi.<ext>`, `<ext>` being the English file's (`txt`, `md`).
    pub vi: String,
    /// `<base>.bilingual.html`.
    pub html: String,
    /// `<base>.bilingual.md`.
    pub markdown: String,
    /// `<base>.tmx`.
    pub tmx: String,
}

impl ReleaseNames {
    pub fn new(release: &Release<'_>) -> ReleaseNames {
        let path = &release.en.path;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .filter(|n| n != "-")
            .unwrap_or_default();
        let (stem, ext) = match file_name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() && !ext.is_empty() => {
                (stem.to_owned(), safe_name(ext))
            }
            _ => (file_name.clone(), String::new()),
        };
        let stem = match stem.len().checked_sub(3) {
            Some(cut) if stem.is_char_boundary(cut) && stem[cut..].eq_ignore_ascii_case(".en") => {
                stem[..cut].to_owned()
            }
            _ => stem,
        };
        let mut base = safe_name(&stem);
        if base.is_empty() {
            base = safe_name(&release.doc_id);
        }
        if base.is_empty() {
            base = "article".into();
        }
        let ext = if ext.is_empty() {
            match release.en.format {
                Format::Markdown => "md".to_owned(),
                Format::Text => "txt".to_owned(),
            }
        } else {
            ext
        };
        ReleaseNames {
            vi: format!("{base}.vi.{ext}"),
            html: format!("{base}.bilingual.html"),
            markdown: format!("{base}.bilingual.md"),
            tmx: format!("{base}.tmx"),
            base,
        }
    }
}

/// `name` with anything but letters, digits, `.`, `-` and `_` replaced by `_`, and no
/// leading dot.
fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    cleaned.trim_start_matches('.').to_owned()
}

/// Whether `name` can be the name of a file in a release folder.
fn valid_file_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name != MANIFEST_NAME
        && !name.contains(['/', '\\'])
        && !name.chars().any(char::is_control)
}

/// A point of [`write_release`] where a test can make it fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step<'a> {
    /// About to write this file into the temp folder.
    File(&'a str),
    /// About to move the finished folder into place.
    Swap,
}

/// Writes every format of `release` into the folder `target`, atomically (see the
/// [module documentation](self)), and returns the manifest written.
pub fn write_release(
    target: &Path,
    release: &Release<'_>,
    options: &ReleaseOptions<'_>,
) -> Result<Manifest, ExportError> {
    write_release_with(target, release, options, &mut |_| Ok(()))
}

fn write_release_with(
    target: &Path,
    release: &Release<'_>,
    options: &ReleaseOptions<'_>,
    hook: &mut dyn FnMut(Step<'_>) -> io::Result<()>,
) -> Result<Manifest, ExportError> {
    release.check()?;
    let names = ReleaseNames::new(release);
    let work_file_name = format!("{}.xlf", names.base);
    let own = [&names.vi, &names.html, &names.markdown, &names.tmx];
    let mut seen: Vec<&str> = own.iter().map(|n| n.as_str()).collect();
    if options.work_file.is_some() {
        seen.push(&work_file_name);
    }
    for (name, _) in &options.extra {
        if !valid_file_name(name) {
            return Err(ExportError::BadFileName { name: name.clone() });
        }
        if seen.contains(&name.as_str()) {
            return Err(ExportError::DuplicateFile { name: name.clone() });
        }
        seen.push(name);
    }

    // A link to a folder: the release goes where it points, and the link stays.
    let real = crate::fsio::resolve_link(target).map_err(PersistError::from)?;
    let Some(target_name) = real.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Err(ExportError::Io {
            path: target.to_owned(),
            source: io::Error::new(io::ErrorKind::InvalidInput, "a release folder needs a name"),
        });
    };
    let parent = crate::fsio::folder_of(&real);
    let replacing = existing_release(&real, target)?;

    let temp = create_temp_dir(&parent, &target_name, target)?;
    let guard = RemoveOnDrop(Some(temp.clone()));

    let mut files = Vec::with_capacity(5 + options.extra.len());
    // Errors name the file where it is going (the temp folder is ours, not the user's).
    let mut put = |name: &str, bytes: &[u8], files: &mut Vec<FileEntry>| {
        let shown = target.join(name);
        hook(Step::File(name)).map_err(ExportError::io(&shown))?;
        write_new_file(&temp.join(name), bytes).map_err(ExportError::io(&shown))?;
        files.push(FileEntry::of(name, bytes));
        Ok::<(), ExportError>(())
    };

    put(&names.vi, &super::vi::to_bytes(release)?, &mut files)?;
    let mut bytes = Vec::new();
    super::html::write(release, &options.wording, &mut bytes)?;
    put(&names.html, &bytes, &mut files)?;
    bytes.clear();
    super::markdown::write(release, &options.wording, &mut bytes)?;
    put(&names.markdown, &bytes, &mut files)?;
    bytes.clear();
    let tmx_options = TmxOptions {
        source_lang: options.source_lang.clone(),
        target_lang: options.target_lang.clone(),
        stamp: options.stamp.clone(),
    };
    super::tmx::write(release, &tmx_options, &mut bytes)?;
    put(&names.tmx, &bytes, &mut files)?;
    if let Some(version) = options.work_file {
        bytes.clear();
        let (source, target) = (
            options.source_lang.to_string(),
            options.target_lang.to_string(),
        );
        // Dressed as `xliff export --all` dresses it: codes, context notes in the UI's words.
        let dress = super::xliff::Dress::work_file(options.wording.context.clone());
        let doc = super::xliff::work_file(release, true, &source, &target, &dress);
        crate::xliff::write(&doc, version, &mut bytes).map_err(ExportError::write("xliff"))?;
        put(&work_file_name, &bytes, &mut files)?;
    }
    for (name, extra) in &options.extra {
        put(name, extra, &mut files)?;
    }
    let manifest = Manifest::new(release, options, files.clone());
    put(MANIFEST_NAME, manifest.to_json()?.as_bytes(), &mut files)?;
    sync_dir(&temp)?;

    hook(Step::Swap).map_err(ExportError::io(target))?;
    if replacing {
        let old = unique_sibling(&parent, &target_name, "old");
        fs::rename(&real, &old).map_err(ExportError::io(target))?;
        if let Err(source) = fs::rename(&temp, &real) {
            // Put the old release back; the guard removes the new one.
            let _ = fs::rename(&old, &real);
            return Err(ExportError::Io {
                path: target.to_owned(),
                source,
            });
        }
        guard.disarm();
        // The release is in place; an old folder that cannot be removed stays hidden.
        let _ = fs::remove_dir_all(&old);
    } else {
        fs::rename(&temp, &real).map_err(ExportError::io(target))?;
        guard.disarm();
    }
    sync_dir(&parent)?;
    Ok(manifest)
}

/// Whether the folder `real` (named `shown` in errors) holds a release to replace; an
/// error if it exists and is not one.
fn existing_release(real: &Path, shown: &Path) -> Result<bool, ExportError> {
    match fs::symlink_metadata(real) {
        Ok(meta) if meta.is_dir() => {
            let mut entries = fs::read_dir(real).map_err(ExportError::io(shown))?;
            let empty = entries.next().is_none();
            if empty || real.join(MANIFEST_NAME).is_file() {
                Ok(true)
            } else {
                Err(ExportError::NotARelease {
                    path: shown.to_owned(),
                })
            }
        }
        Ok(_) => Err(ExportError::NotARelease {
            path: shown.to_owned(),
        }),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(source) => Err(ExportError::Io {
            path: shown.to_owned(),
            source,
        }),
    }
}

/// `.<name>.<pid>.<n>.<suffix>` in `folder`: hidden, and unlikely to be taken.
fn unique_sibling(folder: &Path, name: &str, suffix: &str) -> PathBuf {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    folder.join(format!(".{name}.{}.{nanos:x}.{suffix}", std::process::id()))
}

/// A new hidden temp folder in `parent` for the release folder `target` (named `name`);
/// an error names `target`, what the user asked for (say, in a folder that does not
/// exist), not the temp folder.
fn create_temp_dir(parent: &Path, name: &str, target: &Path) -> Result<PathBuf, ExportError> {
    let mut attempt = 0u32;
    loop {
        let path = unique_sibling(parent, name, &format!("{attempt}.tmp"));
        match fs::create_dir(&path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(source) => {
                return Err(ExportError::Io {
                    path: target.to_owned(),
                    source,
                });
            }
        }
    }
}

fn write_new_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes).and_then(|()| file.sync_all())
}

fn sync_dir(folder: &Path) -> Result<(), ExportError> {
    #[cfg(unix)]
    {
        File::open(folder)
            .and_then(|dir| dir.sync_all())
            .map_err(ExportError::io(folder))?;
    }
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

/// Removes a temp file or folder unless disarmed.
struct RemoveOnDrop(Option<PathBuf>);

impl RemoveOnDrop {
    fn disarm(mut self) {
        self.0 = None;
    }
}

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = if path.is_dir() {
                fs::remove_dir_all(&path)
            } else {
                fs::remove_file(&path)
            };
        }
    }
}

/// Writes the file `path` as [`crate::fsio`] says: `write` fills a buffer, which goes to
/// a temp file in the same folder, flushed to disk and renamed over `path` (the old file's
/// mode and owner kept, a symbolic link written through, a FIFO or character device
/// written in place, a read-only file refused); on any error `path` is untouched. Returns
/// the file's entry (name, SHA-256, size) for a manifest. Errors of the file itself name
/// `path` (the temp file is an implementation detail), so a folder that does not exist
/// reads `` `nodir/x.html`: No such file or directory ``. It does not know the inputs of
/// the caller: check them first with [`crate::fsio::check_not_an_input`].
///
/// ```no_run
/// # use std::path::Path;
/// # fn demo(release: &songngu::export::Release<'_>) -> Result<(), songngu::export::ExportError> {
/// use songngu::export::{html, release::write_file_atomic, Wording};
/// write_file_atomic(Path::new("out/seed.bilingual.html"), |out| {
///     html::write(release, &Wording::default(), out)
/// })?;
/// # Ok(()) }
/// ```
pub fn write_file_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<(), ExportError>,
) -> Result<FileEntry, ExportError> {
    let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Err(ExportError::Io {
            path: path.to_owned(),
            source: io::Error::new(io::ErrorKind::InvalidInput, "not a file name"),
        });
    };
    let mut bytes = Vec::new();
    write(&mut bytes)?;
    let target = OutputTarget::new(path, &[], ReadOnly::Refuse).map_err(PersistError::from)?;
    target
        .write(|out| out.write_all(&bytes), |_| Ok(()))
        .map_err(|e| match e {
            PersistError::Io { path, source } => ExportError::Io { path, source },
            other => other.into(),
        })?;
    Ok(FileEntry::of(&name, &bytes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::manifest::hex;
    use crate::export::tests::{doc, release, seed};
    use sha2::{Digest, Sha256};
    use std::time::{Duration, UNIX_EPOCH};

    fn stamp() -> Stamp {
        Stamp {
            user: "lan".into(),
            now: UNIX_EPOCH + Duration::from_secs(1_714_557_845),
        }
    }

    fn listing(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(folder)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn seed_release_in(dir: &Path) -> (Manifest, PathBuf) {
        let (en, us, vi) = seed();
        let texts: Vec<Option<&str>> = vi.iter().map(|t| Some(t.as_str())).collect();
        let mut r = release(&en, &us, &texts);
        r.doc_id = "seed".into();
        let mut options = ReleaseOptions::new(stamp());
        options
            .extra
            .push(("seed.xlf".into(), b"<xliff/>".to_vec()));
        let target = dir.join("seed-release");
        let manifest = write_release(&target, &r, &options).unwrap();
        (manifest, target)
    }

    #[test]
    fn writes_every_file_and_the_manifest_matches() {
        let dir = tempfile::tempdir().unwrap();
        let (manifest, target) = seed_release_in(dir.path());
        assert_eq!(listing(dir.path()), ["seed-release"], "no temp folder left");
        assert_eq!(
            listing(&target),
            [
                "manifest.json",
                "seed.bilingual.html",
                "seed.bilingual.md",
                "seed.tmx",
                "seed.vi.txt",
                "seed.xlf"
            ]
        );
        let json = fs::read_to_string(target.join(MANIFEST_NAME)).unwrap();
        let read: Manifest = serde_json::from_str(&json).unwrap();
        assert_eq!(read, manifest);
        assert_eq!(read.files.len(), 5);
        for entry in &read.files {
            let bytes = fs::read(target.join(&entry.name)).unwrap();
            assert_eq!(entry, &FileEntry::of(&entry.name, &bytes), "{}", entry.name);
        }
        let source =
            fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/seed.en.txt")).unwrap();
        assert_eq!(read.document.sha256, hex(&Sha256::digest(&source)));
        assert_eq!(read.document.size, source.len() as u64);
        assert_eq!(read.document.source, "seed.en.txt");
        assert_eq!(read.created, "2024-05-01T10:04:05Z");
        assert!(read.check.passed);
        assert!(!read.allow_drift);
        assert_eq!(
            fs::read(target.join("seed.vi.txt")).unwrap(),
            fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/seed.vi.txt")).unwrap()
        );
    }

    #[test]
    fn a_failure_in_the_middle_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let en = doc("tin.en.md", "# Bão\n\nNước lên.\n");
        let us = crate::export::tests::units(&en);
        let r = release(&en, &us, &[Some("Bão"), Some("Nước lên.")]);
        let target = dir.path().join("out");
        for fail_at in ["tin.bilingual.md", MANIFEST_NAME] {
            let mut hook = |step: Step<'_>| {
                if step == Step::File(fail_at) {
                    Err(io::Error::other("injected"))
                } else {
                    Ok(())
                }
            };
            let error = write_release_with(&target, &r, &ReleaseOptions::new(stamp()), &mut hook)
                .unwrap_err();
            assert!(error.to_string().contains("injected"), "{error}");
            assert!(listing(dir.path()).is_empty(), "{:?}", listing(dir.path()));
        }
        // Failing at the swap over an existing release keeps the old one whole.
        let manifest = write_release(&target, &r, &ReleaseOptions::new(stamp())).unwrap();
        let before = listing(&target);
        let mut hook = |step: Step<'_>| {
            if step == Step::Swap {
                Err(io::Error::other("injected"))
            } else {
                Ok(())
            }
        };
        let r2 = release(&en, &us, &[Some("Bão lớn"), Some("Nước lên.")]);
        write_release_with(&target, &r2, &ReleaseOptions::new(stamp()), &mut hook).unwrap_err();
        assert_eq!(listing(dir.path()), ["out"]);
        assert_eq!(listing(&target), before);
        let json = fs::read_to_string(target.join(MANIFEST_NAME)).unwrap();
        assert_eq!(serde_json::from_str::<Manifest>(&json).unwrap(), manifest);
    }

    #[test]
    fn replaces_an_existing_release() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out");
        fs::create_dir(&target).unwrap();
        fs::write(target.join(MANIFEST_NAME), "{}").unwrap();
        fs::write(target.join("stale-file.txt"), "old").unwrap();
        let en = doc("tin.en.txt", "Nước lên.\n");
        let us = crate::export::tests::units(&en);
        let r = release(&en, &us, &[Some("Nước lên cao.")]);
        write_release(&target, &r, &ReleaseOptions::new(stamp())).unwrap();
        assert_eq!(listing(dir.path()), ["out"], "old and temp folders removed");
        assert_eq!(
            listing(&target),
            [
                "manifest.json",
                "tin.bilingual.html",
                "tin.bilingual.md",
                "tin.tmx",
                "tin.vi.txt"
            ]
        );
        assert_eq!(
            fs::read_to_string(target.join("tin.vi.txt")).unwrap(),
            "Nước lên cao.\n"
        );
    }

    #[test]
    fn refuses_to_replace_what_is_not_a_release() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("docs");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("notes.txt"), "mine").unwrap();
        let en = doc("tin.en.txt", "Nước lên.\n");
        let us = crate::export::tests::units(&en);
        let r = release(&en, &us, &[Some("Nước lên cao.")]);
        let error = write_release(&target, &r, &ReleaseOptions::new(stamp())).unwrap_err();
        assert!(
            matches!(error, ExportError::NotARelease { .. }),
            "{error:?}"
        );
        assert_eq!(listing(&target), ["notes.txt"]);
        assert_eq!(listing(dir.path()), ["docs"]);

        let mut options = ReleaseOptions::new(stamp());
        options.extra.push(("../x.xlf".into(), Vec::new()));
        let error = write_release(&dir.path().join("new"), &r, &options).unwrap_err();
        assert!(
            matches!(error, ExportError::BadFileName { .. }),
            "{error:?}"
        );
        options.extra = vec![("tin.tmx".into(), Vec::new())];
        let error = write_release(&dir.path().join("new"), &r, &options).unwrap_err();
        assert!(
            matches!(error, ExportError::DuplicateFile { .. }),
            "{error:?}"
        );
        assert_eq!(listing(dir.path()), ["docs"]);
    }

    #[test]
    fn drift_is_refused_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let en = doc("tin.en.txt", "One. Two.\n");
        let us = crate::export::tests::units(&en);
        let mut r = release(&en, &us, &[Some("Một."), None]);
        r.allow_drift = false;
        let error =
            write_release(&dir.path().join("out"), &r, &ReleaseOptions::new(stamp())).unwrap_err();
        assert!(matches!(error, ExportError::Drift { .. }));
        assert!(listing(dir.path()).is_empty());
        r.allow_drift = true;
        let manifest =
            write_release(&dir.path().join("out"), &r, &ReleaseOptions::new(stamp())).unwrap();
        assert!(manifest.allow_drift);
        assert_eq!(manifest.units.missing, 1);
    }

    #[test]
    fn names_follow_the_english_file() {
        let check = |path: &str, id: &str, expected: [&str; 2]| {
            let en = doc(path, "x\n");
            let r = Release {
                doc_id: id.into(),
                en: &en,
                units: Vec::new(),
                allow_drift: true,
                fail_on: crate::drift::Severity::Warning,
            };
            let names = ReleaseNames::new(&r);
            assert_eq!([names.base.as_str(), names.vi.as_str()], expected, "{path}");
        };
        check("seed.en.txt", "x", ["seed", "seed.vi.txt"]);
        check("news/Bão.EN.md", "x", ["Bão", "Bão.vi.md"]);
        check("article.md", "x", ["article", "article.vi.md"]);
        check("README", "x", ["README", "README.vi.txt"]);
        check(
            "-",
            "news/2024 storm",
            ["news_2024_storm", "news_2024_storm.vi.txt"],
        );
        check(".en.md", "", ["article", "article.vi.md"]);
    }

    #[test]
    fn single_files_are_written_atomically() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.html");
        let entry = write_file_atomic(&path, |out| {
            out.write_all(b"hello").map_err(ExportError::write("test"))
        })
        .unwrap();
        assert_eq!(entry, FileEntry::of("a.html", b"hello"));
        let error = write_file_atomic(&path, |out| {
            out.write_all(b"half").map_err(ExportError::write("test"))?;
            Err(ExportError::write("test")(io::Error::other("injected")))
        })
        .unwrap_err();
        assert!(error.to_string().contains("injected"));
        assert_eq!(fs::read(&path).unwrap(), b"hello");
        assert_eq!(listing(dir.path()), ["a.html"]);
    }

    /// Regression: a missing folder was reported with the temp file's name
    /// (`nodir/.x.html.1234.tmp`).
    #[test]
    fn a_missing_folder_is_reported_with_the_path_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nodir").join("x.html");
        let error = write_file_atomic(&path, |_| Ok(())).unwrap_err();
        assert!(
            matches!(&error, ExportError::Io { path: p, source } if *p == path && source.kind() == io::ErrorKind::NotFound),
            "{error:?}"
        );
        assert!(!error.to_string().contains(".x.html."), "{error}");
        let (en, units, texts) = seed();
        let vi: Vec<Option<&str>> = texts.iter().map(|t| Some(t.as_str())).collect();
        let r = release(&en, &units, &vi);
        let target = dir.path().join("nodir").join("out");
        let error = write_release(&target, &r, &ReleaseOptions::new(stamp())).unwrap_err();
        assert!(
            matches!(&error, ExportError::Io { path: p, .. } if *p == target),
            "{error:?}"
        );
        assert_eq!(listing(dir.path()), Vec::<String>::new());
    }
}
