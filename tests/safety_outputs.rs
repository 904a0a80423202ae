//! Issue 11, outputs: what `-o` may overwrite, how memories and the accepted-findings file
//! are saved (through links, keeping modes, refusing read-only files), the lock files and
//! the dry run. Each test is a regression of a case in the issue; they run on Unix (links,
//! modes, FIFOs and devices are what they are about).
#![cfg(unix)]

mod common;
use common::*;

use std::fs;
use std::os::unix::fs::{FileTypeExt, MetadataExt, PermissionsExt, symlink};
use std::path::{Path, PathBuf};

/// `songngu.toml` of the fair project with `memory` as its memory file.
fn project_file(d: &Path, memory: &str) {
    fs::write(
        d.join("songngu.toml"),
        format!(
            "memory = [\"{memory}\"]\n\n[[article]]\npath = \"a.en.txt\"\ndoc = \"fair\"\n\n[check]\nglossary = \"names.tsv\"\n"
        ),
    )
    .unwrap();
}

/// The fair article as `a.en.txt`, document `fair`, every sentence translated in
/// `memory` (a path relative to the project), a glossary `names.tsv`.
fn fair_project_with(memory: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("names.tsv"), "Hanoi\tHà Nội\n").unwrap();
    project_file(d, memory);
    translate_fair(d);
    dir
}

fn fair_project() -> tempfile::TempDir {
    fair_project_with("m.tmx")
}

/// The ids of the findings `check` reports for the fair article.
fn finding_ids(d: &Path) -> Vec<String> {
    let (_, out, _) = run_in_apart(d, &["check", "a.en.txt", "--format", "json"]);
    json_lines(&out)
        .iter()
        .map(|record| record["id"].as_str().unwrap().to_owned())
        .collect()
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap().mode() & 0o7777
}

fn set_mode(path: &Path, mode: u32) {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

fn is_root() -> bool {
    fs::metadata("/proc/self").map(|m| m.uid()).ok() == Some(0)
}

/// The Vietnamese article `export --to vi` writes for the fair project.
fn fair_vi() -> String {
    let text: Vec<&str> = FAIR.iter().map(|(_, vi)| *vi).collect();
    text.join(" ") + "\n"
}

// ---------------------------------------------------------------------------------------
// 1. An output is never an input.

/// Regression: `tm export m.tmx -o m.tmx --doc seed` cut a memory to one document's TUs.
#[test]
fn tm_export_refuses_to_overwrite_its_own_memory() {
    let (dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let before = fs::read(&tm).unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::hard_link(&tm, dir.path().join("hard.tmx")).unwrap();
    for output in ["m.tmx", "./sub/../m.tmx", "hard.tmx"] {
        let (code, _, err) = run_in_apart(
            dir.path(),
            &["tm", "export", "m.tmx", "-o", output, "--doc", "seed"],
        );
        assert_eq!(code, 2, "{output}: {err}");
        assert!(
            err.contains(&format!(
                "refusing to write `{output}`: it is the same file as the translation memory `m.tmx`"
            )),
            "{err}"
        );
    }
    assert_eq!(fs::read(&tm).unwrap(), before);
    assert_eq!(listing(dir.path()), ["hard.tmx", "m.tmx", "sub"]);
}

/// `tm convert IN -o IN` would replace the file it reads.
#[test]
fn tm_convert_refuses_to_overwrite_its_input() {
    let (dir, tm) = temp_file("old.tmx", tmx_doc(PAIRS).as_bytes());
    let before = fs::read(&tm).unwrap();
    let (code, _, err) = run_in_apart(dir.path(), &["tm", "convert", "old.tmx", "-o", "old.tmx"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("`old.tmx`: it is the same file as the input `old.tmx`"),
        "{err}"
    );
    assert_eq!(fs::read(&tm).unwrap(), before);
}

/// The project file and the project's memory are protected from `tm` commands too.
#[test]
fn tm_export_refuses_the_project_file_and_memory() {
    let dir = fair_project();
    let d = dir.path();
    fs::write(d.join("other.tmx"), tmx_doc(PAIRS)).unwrap();
    let project = fs::read(d.join("songngu.toml")).unwrap();
    let memory = fs::read(d.join("m.tmx")).unwrap();
    for (output, role) in [
        ("songngu.toml", "the project file"),
        ("m.tmx", "the translation memory"),
    ] {
        let (code, _, err) = run_in_apart(d, &["tm", "export", "other.tmx", "-o", output]);
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains(&format!("it is the same file as {role}")),
            "{err}"
        );
    }
    assert_eq!(fs::read(d.join("songngu.toml")).unwrap(), project);
    assert_eq!(fs::read(d.join("m.tmx")).unwrap(), memory);
}

/// Regression: `xliff export ... -o tmx/seed.tmx` replaced the memory with XLIFF.
#[test]
fn xliff_export_refuses_to_overwrite_the_memory() {
    let dir = fair_project_with("tmx/m.tmx");
    let d = dir.path();
    let memory = fs::read(d.join("tmx/m.tmx")).unwrap();
    let (code, _, err) = run_in_apart(
        d,
        &["xliff", "export", "a.en.txt", "--all", "-o", "tmx/m.tmx"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "refusing to write `tmx/m.tmx`: it is the same file as the translation memory"
        ),
        "{err}"
    );
    assert_eq!(fs::read(d.join("tmx/m.tmx")).unwrap(), memory);
}

/// Regression: `export --to bilingual-md -o mem.tmx` and `export --to vi -o article.en.md`
/// overwrote the memory and the English article. Every single-file format refuses every
/// input: the article, the memory, the project file, the glossary, the accepted findings.
#[test]
fn export_refuses_every_input_of_the_project() {
    let dir = fair_project();
    let d = dir.path();
    fs::write(d.join("accepted.toml"), "# reviewed by the desk\n").unwrap();
    let files = [
        ("a.en.txt", "the article"),
        ("m.tmx", "the translation memory"),
        ("songngu.toml", "the project file"),
        ("names.tsv", "the glossary"),
        ("accepted.toml", "the accepted-findings file"),
    ];
    let before: Vec<Vec<u8>> = files
        .iter()
        .map(|(f, _)| fs::read(d.join(f)).unwrap())
        .collect();
    for to in ["vi", "bilingual-html", "bilingual-md", "tmx", "xliff"] {
        for (file, role) in files {
            let (code, _, err) = run_in_apart(d, &["export", "a.en.txt", "--to", to, "-o", file]);
            assert_eq!(code, 2, "{to} {file}: {err}");
            assert!(
                err.contains(&format!(
                    "refusing to write `{file}`: it is the same file as {role} `"
                )),
                "{to} {file}: {err}"
            );
        }
    }
    let after: Vec<Vec<u8>> = files
        .iter()
        .map(|(f, _)| fs::read(d.join(f)).unwrap())
        .collect();
    assert_eq!(after, before);
}

/// An input spelled another way, or reached through a link, is still the input.
#[test]
fn export_sees_an_input_through_a_link_or_another_spelling() {
    let dir = fair_project();
    let d = dir.path();
    symlink("m.tmx", d.join("link.tmx")).unwrap();
    let memory = fs::read(d.join("m.tmx")).unwrap();
    let absolute = d.join("m.tmx").display().to_string();
    for output in ["link.tmx", "./m.tmx", absolute.as_str()] {
        let (code, _, err) = run_in_apart(d, &["export", "a.en.txt", "--to", "tmx", "-o", output]);
        assert_eq!(code, 2, "{output}: {err}");
        assert!(err.contains("the translation memory"), "{err}");
    }
    assert_eq!(fs::read(d.join("m.tmx")).unwrap(), memory);
    assert!(
        fs::symlink_metadata(d.join("link.tmx"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

/// Regression: a release written into a folder that held the memory (a folder that looked
/// like an earlier release) removed the memory with the old release.
#[test]
fn a_release_folder_may_not_hold_an_input() {
    let dir = fair_project_with("out/m.tmx");
    let d = dir.path();
    fs::write(d.join("out/manifest.json"), "{}").unwrap();
    let memory = fs::read(d.join("out/m.tmx")).unwrap();
    let (code, _, err) = run_in_apart(d, &["export", "a.en.txt", "--to", "release", "-o", "out"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "refusing to write the release into `out`: the folder holds the translation memory `"
        ),
        "{err}"
    );
    assert_eq!(fs::read(d.join("out/m.tmx")).unwrap(), memory);
    // A release folder that is a file input is refused as that input.
    let (code, _, err) = run_in_apart(
        d,
        &["export", "a.en.txt", "--to", "release", "-o", "a.en.txt"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("the same file as the article"), "{err}");
}

// ---------------------------------------------------------------------------------------
// 2. Links are followed, FIFOs and devices are streams, `-` is standard output.

/// Regression: `-o` replaced a symbolic link with a regular file, and the file the link
/// pointed to kept its old content.
#[test]
fn an_output_link_is_written_through_and_stays_a_link() {
    let dir = fair_project();
    let d = dir.path();
    fs::create_dir(d.join("site")).unwrap();
    fs::write(d.join("site/fair.vi.txt"), "old\n").unwrap();
    set_mode(&d.join("site/fair.vi.txt"), 0o640);
    symlink("site/fair.vi.txt", d.join("fair.vi.txt")).unwrap();
    let (code, _, err) = run_in_apart(
        d,
        &["export", "a.en.txt", "--to", "vi", "-o", "fair.vi.txt"],
    );
    assert_eq!(code, 0, "{err}");
    let link = fs::symlink_metadata(d.join("fair.vi.txt")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    assert_eq!(
        fs::read_to_string(d.join("site/fair.vi.txt")).unwrap(),
        fair_vi()
    );
    assert_eq!(mode(&d.join("site/fair.vi.txt")), 0o640);
    assert_eq!(
        listing(&d.join("site")),
        ["fair.vi.txt"],
        "no temp file left"
    );
}

/// A link to nothing may be a typo: refused, and nothing is created where it points.
#[test]
fn an_output_link_to_nothing_is_an_error() {
    let dir = fair_project();
    let d = dir.path();
    symlink("nowhere/fair.vi.txt", d.join("fair.vi.txt")).unwrap();
    let (code, _, err) = run_in_apart(
        d,
        &["export", "a.en.txt", "--to", "vi", "-o", "fair.vi.txt"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "`fair.vi.txt` is a symbolic link to `nowhere/fair.vi.txt`, which does not exist"
        ),
        "{err}"
    );
    assert!(!d.join("nowhere").exists());
}

/// Regression: a FIFO given as `-o` was replaced by a regular file; it is written as a
/// stream.
#[test]
fn an_output_fifo_is_written_as_a_stream() {
    let dir = fair_project();
    let d = dir.path();
    let fifo = d.join("pipe");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    // Held open for reading and writing, the FIFO takes the export without blocking;
    // non-blocking, reading it afterwards cannot hang even if nothing came.
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    let mut reader = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(&fifo)
        .unwrap();
    let (code, _, err) = run_in_apart(d, &["export", "a.en.txt", "--to", "vi", "-o", "pipe"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(),
        "still a FIFO"
    );
    let mut got = Vec::new();
    let mut buffer = [0u8; 4096];
    while let Ok(n) = reader.read(&mut buffer) {
        if n == 0 {
            break;
        }
        got.extend_from_slice(&buffer[..n]);
    }
    assert_eq!(String::from_utf8(got).unwrap(), fair_vi());
}

/// Regression: as root, `-o /dev/full` replaced the device with a regular file. A
/// character device is written in place: `/dev/null` takes the output, `/dev/full`
/// fails (disk full) and stays a device. The devices are reached through links here, so
/// that the old behaviour replaces a link in a temp folder, not a device of the machine.
#[test]
fn an_output_device_is_written_in_place() {
    let dir = fair_project();
    let d = dir.path();
    symlink("/dev/null", d.join("null.txt")).unwrap();
    symlink("/dev/full", d.join("full.txt")).unwrap();
    let (code, _, err) = run_in_apart(d, &["export", "a.en.txt", "--to", "vi", "-o", "null.txt"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run_in_apart(d, &["tm", "export", "m.tmx", "-o", "full.txt"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot write `full.txt`:"), "{err}");
    for (link, device) in [("null.txt", "/dev/null"), ("full.txt", "/dev/full")] {
        assert!(
            fs::symlink_metadata(d.join(link))
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(fs::metadata(device).unwrap().file_type().is_char_device());
    }
    // A device node of our own, given directly (creating one needs root).
    let made = std::process::Command::new("mknod")
        .arg(d.join("null"))
        .args(["c", "1", "3"])
        .status();
    if made.is_ok_and(|s| s.success()) {
        let (code, _, err) =
            run_in_apart(d, &["export", "a.en.txt", "--to", "xliff", "-o", "null"]);
        assert_eq!(code, 0, "{err}");
        let meta = fs::symlink_metadata(d.join("null")).unwrap();
        assert!(meta.file_type().is_char_device(), "still a device");
    }
}

/// `-o -` writes standard output, and the lines that say what was written go to standard
/// error; no file named `-` appears.
#[test]
fn dash_is_standard_output() {
    let dir = fair_project();
    let d = dir.path();
    let (code, out, err) = run_in_apart(d, &["export", "a.en.txt", "--to", "vi", "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, fair_vi());
    assert!(err.contains("`-`"), "{err}");
    let (code, out, err) = run_in_apart(d, &["tm", "export", "m.tmx", "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.matches("<tu ").count(), 3, "{out}");
    let (code, out, err) = run_in_apart(d, &["tm", "convert", "m.tmx", "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("<?xml"), "{out}");
    let (code, out, err) = run_in_apart(d, &["xliff", "export", "a.en.txt", "--all", "-o", "-"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("<?xml") && out.contains("<xliff"), "{out}");
    assert!(err.contains("3 units, none to translate"), "{err}");
    assert!(!d.join("-").exists());
}

/// A release is a folder: `-o -` is an error, and nothing is written.
#[test]
fn a_release_cannot_go_to_standard_output() {
    let dir = fair_project();
    let d = dir.path();
    let (code, out, err) = run_in_apart(d, &["export", "a.en.txt", "--to", "release", "-o", "-"]);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("cannot go to standard output"), "{err}");
    assert!(!d.join("-").exists());
}

/// A release folder given as a link to a folder is written where the link points; the
/// link stays.
#[test]
fn a_release_folder_link_is_followed() {
    let dir = fair_project();
    let d = dir.path();
    fs::create_dir(d.join("site")).unwrap();
    symlink("site", d.join("out")).unwrap();
    let (code, _, err) = run_in_apart(d, &["export", "a.en.txt", "--to", "release", "-o", "out"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        fs::symlink_metadata(d.join("out"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(d.join("site/manifest.json").is_file());
    assert!(d.join("site/a.vi.txt").is_file());
}

// ---------------------------------------------------------------------------------------
// 3. A memory or accepted-findings file that is a link is saved through it.

/// Regression: a symlinked memory was replaced by a regular file and the real file kept
/// the old content.
#[test]
fn a_linked_memory_is_saved_where_it_points() {
    let dir = fair_project_with("tmx/real.tmx");
    let d = dir.path();
    symlink("tmx/real.tmx", d.join("m.tmx")).unwrap();
    project_file(d, "m.tmx");
    let unit = songngu::segment::text_id(FAIR[0].0);
    let (code, _, err) = run_in_apart(
        d,
        &[
            "translate",
            "a.en.txt",
            "--unit",
            &unit,
            "--vi",
            "Hội chợ mở cửa hôm nay tại Hà Nội.",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        fs::symlink_metadata(d.join("m.tmx"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let real = fs::read_to_string(d.join("tmx/real.tmx")).unwrap();
    assert!(real.contains("Hội chợ mở cửa hôm nay"), "{real}");
    assert_eq!(
        listing(&d.join("tmx")),
        ["real.tmx"],
        "no temp or lock file left"
    );
}

/// The lock of a linked memory is the real file's, so every spelling of one memory
/// shares one lock.
#[test]
fn a_linked_memory_is_locked_beside_the_real_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::create_dir(d.join("tmx")).unwrap();
    fs::write(d.join("tmx/real.tmx"), tmx_doc(PAIRS)).unwrap();
    symlink("tmx/real.tmx", d.join("m.tmx")).unwrap();
    fs::write(d.join("f.tmx"), tmx_doc(&PAIRS[..1])).unwrap();
    let lock = fs::File::create(d.join("tmx/real.tmx.lock")).unwrap();
    lock.lock().unwrap();
    let (code, _, err) = run_in_apart(
        d,
        &["tm", "import", "--no-wait", "f.tmx", "--into", "m.tmx"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("is being written by another songngu process"),
        "{err}"
    );
}

/// A memory link to nothing is an error naming it; nothing is created.
#[test]
fn a_memory_link_to_nothing_is_an_error() {
    let dir = fair_project();
    let d = dir.path();
    symlink("gone/m.tmx", d.join("lost.tmx")).unwrap();
    project_file(d, "lost.tmx");
    let unit = songngu::segment::text_id(FAIR[0].0);
    let (code, _, err) = run_in_apart(
        d,
        &["translate", "a.en.txt", "--unit", &unit, "--vi", "Mới."],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("lost.tmx` is a symbolic link to `gone/m.tmx`, which does not exist"),
        "{err}"
    );
    assert!(!d.join("gone").exists());
    assert!(!d.join("lost.tmx.lock").exists());
}

/// Regression: a symlinked `accepted.toml` was replaced by a regular file.
#[test]
fn a_linked_accepted_file_is_saved_where_it_points() {
    let dir = fair_project();
    let d = dir.path();
    revise_fair(d);
    fs::create_dir(d.join("shared")).unwrap();
    fs::write(d.join("shared/accepted.toml"), "# the desk's decisions\n").unwrap();
    symlink("shared/accepted.toml", d.join("accepted.toml")).unwrap();
    let id = finding_ids(d).remove(0);
    let (code, _, err) = run_in_apart(d, &["check", "a.en.txt", "--accept", &id]);
    assert!(code < 2, "{err}");
    assert!(
        fs::symlink_metadata(d.join("accepted.toml"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = fs::read_to_string(d.join("shared/accepted.toml")).unwrap();
    assert!(
        text.starts_with("# the desk's decisions\n") && text.contains(&id),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------
// 6. Modes and owners are kept; read-only files are refused unless forced.

/// Regression: a 0600 memory became 0644 (world-readable) on save. Owner and group are
/// kept too (checked when running as root, who can give them).
#[test]
fn saving_keeps_the_memory_mode_and_owner() {
    let dir = fair_project();
    let d = dir.path();
    let tm = d.join("m.tmx");
    set_mode(&tm, 0o600);
    if is_root() {
        std::os::unix::fs::chown(&tm, Some(4321), Some(8765)).unwrap();
    }
    let unit = songngu::segment::text_id(FAIR[1].0);
    let (code, _, err) = run_in_apart(
        d,
        &[
            "translate",
            "a.en.txt",
            "--unit",
            &unit,
            "--vi",
            "Có 40 gian.",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(fs::read_to_string(&tm).unwrap().contains("Có 40 gian."));
    assert_eq!(mode(&tm), 0o600);
    if is_root() {
        let meta = fs::metadata(&tm).unwrap();
        assert_eq!((meta.uid(), meta.gid()), (4321, 8765));
    }
}

/// Regression: a 0444 memory was silently rewritten. It is refused, untouched, with no
/// lock file left; `--force-readonly` writes it and it stays read-only.
#[test]
fn a_read_only_memory_is_refused_unless_forced() {
    let dir = fair_project();
    let d = dir.path();
    let tm = d.join("m.tmx");
    set_mode(&tm, 0o444);
    let before = fs::read(&tm).unwrap();
    let unit = songngu::segment::text_id(FAIR[1].0);
    let args = [
        "translate",
        "a.en.txt",
        "--unit",
        &unit,
        "--vi",
        "Có 40 gian.",
    ];
    let (code, _, err) = run_in_apart(d, &args);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("m.tmx` is read-only; nothing was written"),
        "{err}"
    );
    assert!(err.contains("--force-readonly"), "{err}");
    assert_eq!(fs::read(&tm).unwrap(), before);
    assert!(!d.join("m.tmx.lock").exists());
    for command in [
        vec!["update", "a.en.txt"],
        vec!["tm", "import", "songngu.toml", "--into", "m.tmx"],
    ] {
        let (code, _, err) = run_in_apart(d, &command);
        assert_eq!(code, 2, "{command:?}: {err}");
        assert!(err.contains("is read-only"), "{command:?}: {err}");
    }
    let (code, _, err) = run_in_apart(d, &[&args[..], &["--force-readonly"]].concat());
    assert_eq!(code, 0, "{err}");
    assert!(fs::read_to_string(&tm).unwrap().contains("Có 40 gian."));
    assert_eq!(mode(&tm), 0o444);
}

/// An `-o` that replaces an existing file keeps its mode; a read-only one is refused
/// unless forced.
#[test]
fn an_output_keeps_its_mode_and_read_only_is_refused() {
    let dir = fair_project();
    let d = dir.path();
    fs::write(d.join("fair.html"), "old").unwrap();
    set_mode(&d.join("fair.html"), 0o640);
    let (code, _, err) = run_in_apart(
        d,
        &[
            "export",
            "a.en.txt",
            "--to",
            "bilingual-html",
            "-o",
            "fair.html",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(mode(&d.join("fair.html")), 0o640);

    fs::write(d.join("fair.xlf"), "kept").unwrap();
    set_mode(&d.join("fair.xlf"), 0o444);
    let args = ["xliff", "export", "a.en.txt", "--all", "-o", "fair.xlf"];
    let (code, _, err) = run_in_apart(d, &args);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`fair.xlf` is read-only"), "{err}");
    assert_eq!(fs::read_to_string(d.join("fair.xlf")).unwrap(), "kept");
    let (code, _, err) = run_in_apart(d, &[&args[..], &["--force-readonly"]].concat());
    assert_eq!(code, 0, "{err}");
    assert!(
        fs::read_to_string(d.join("fair.xlf"))
            .unwrap()
            .contains("<xliff")
    );
    assert_eq!(mode(&d.join("fair.xlf")), 0o444);
}

/// The accepted-findings file keeps its mode; a read-only one is refused unless forced.
#[test]
fn the_accepted_file_keeps_its_mode_and_read_only_is_refused() {
    let dir = fair_project();
    let d = dir.path();
    revise_fair(d);
    let ids = finding_ids(d);
    let accepted = d.join("accepted.toml");
    fs::write(&accepted, "").unwrap();
    set_mode(&accepted, 0o600);
    let (code, _, err) = run_in_apart(d, &["check", "a.en.txt", "--accept", &ids[0]]);
    assert!(code < 2, "{err}");
    assert_eq!(mode(&accepted), 0o600);
    set_mode(&accepted, 0o444);
    let before = fs::read(&accepted).unwrap();
    let (code, _, err) = run_in_apart(d, &["check", "a.en.txt", "--accept", &ids[1]]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("accepted.toml` is read-only"), "{err}");
    assert_eq!(fs::read(&accepted).unwrap(), before);
    let (code, _, err) = run_in_apart(
        d,
        &["check", "a.en.txt", "--accept", &ids[1], "--force-readonly"],
    );
    assert!(code < 2, "{err}");
    assert!(fs::read_to_string(&accepted).unwrap().contains(&ids[1]));
    assert_eq!(mode(&accepted), 0o444);
}

// ---------------------------------------------------------------------------------------
// 16. `accepted.toml` is edited in place, and concurrent `--accept` runs both land.

/// Regression: saving `accepted.toml` dropped comments and keys songngu does not know.
#[test]
fn accepting_keeps_comments_and_unknown_keys() {
    let dir = fair_project();
    let d = dir.path();
    revise_fair(d);
    let ids = finding_ids(d);
    let original = format!(
        "# Accepted by the news desk; see the style guide.\n\n[[accepted]]\n# checked with the province's office\nid = \"{}\"  # the stand count\nkind = \"stale\"\nby = \"minh\"\nat = \"2026-01-02T03:04:05Z\"\nticket = \"NEWS-12\"\n",
        ids[0]
    );
    fs::write(d.join("accepted.toml"), &original).unwrap();
    let (code, _, err) = run_in_apart(
        d,
        &["check", "a.en.txt", "--accept", &ids[1], "--reason", "ok"],
    );
    assert!(code < 2, "{err}");
    let text = fs::read_to_string(d.join("accepted.toml")).unwrap();
    assert!(text.starts_with(&original), "{text}");
    assert!(
        text.contains(&ids[1]) && text.contains("reason = \"ok\""),
        "{text}"
    );
    // Accepting an entry again updates it and keeps its comments and unknown keys.
    let (code, _, err) = run_in_apart(d, &["check", "a.en.txt", "--accept", &ids[0]]);
    assert!(code < 2, "{err}");
    let text = fs::read_to_string(d.join("accepted.toml")).unwrap();
    for kept in [
        "# Accepted by the news desk",
        "# checked with the province's office",
        "# the stand count",
        "ticket = \"NEWS-12\"",
    ] {
        assert!(text.contains(kept), "{kept}: {text}");
    }
    assert!(text.contains("by = \"lan\""), "{text}");
    assert_eq!(text.matches("[[accepted]]").count(), 2, "{text}");
}

/// Regression: two `check --accept` runs at the same time: the second failed (the file
/// changed since it was read). Both wait for the lock and both entries end up in the file.
/// The test holds the lock while both start, so that they meet at it.
#[test]
fn concurrent_accepts_both_end_up_in_the_file() {
    let dir = fair_project();
    let d = dir.path();
    revise_fair(d);
    let ids = finding_ids(d);
    assert_eq!(ids.len(), 2, "{ids:?}");
    let lock = fs::File::create(d.join("accepted.toml.lock")).unwrap();
    lock.lock().unwrap();
    let spawn = |id: &str| {
        std::process::Command::new(BIN)
            .env_clear()
            .env("SONGNGU_LANG", "en-US")
            .env("SONGNGU_USER", "lan")
            .current_dir(d)
            .args(["check", "a.en.txt", "--accept", id])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let children = [spawn(&ids[0]), spawn(&ids[1])];
    // Time for both to read the file and reach the lock (not a limit: the test is as
    // correct with any pause; a longer one only makes the meeting at the lock surer).
    std::thread::sleep(std::time::Duration::from_secs(2));
    drop(lock);
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.code() != Some(2),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let text = fs::read_to_string(d.join("accepted.toml")).unwrap();
    assert!(text.contains(&ids[0]) && text.contains(&ids[1]), "{text}");
}

// ---------------------------------------------------------------------------------------
// Smaller: dry runs, stray lock files, error names.

/// Regression: `tm import --dry-run` took the write lock (and failed on a read-only
/// mount); a dry run locks nothing and creates nothing.
#[test]
fn a_dry_run_locks_and_creates_nothing() {
    let (dir, tm) = temp_file("m.tmx", tmx_doc(PAIRS).as_bytes());
    let d = dir.path();
    fs::write(d.join("f.tmx"), tmx_doc(&PAIRS[..1])).unwrap();
    let lock = fs::File::create(d.join("m.tmx.lock")).unwrap();
    lock.lock().unwrap();
    let before = fs::read(&tm).unwrap();
    let (code, out, err) = run_in_apart(
        d,
        &[
            "tm",
            "import",
            "--dry-run",
            "--no-wait",
            "f.tmx",
            "--into",
            "m.tmx",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("dry run, nothing written"), "{out}");
    drop(lock);
    fs::remove_file(d.join("m.tmx.lock")).unwrap();
    let (code, _, err) = run_in_apart(
        d,
        &[
            "tm",
            "import",
            "--dry-run",
            "f.tmx",
            "--into",
            "new/dir/m.tmx",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(fs::read(&tm).unwrap(), before);
    assert_eq!(listing(d), ["f.tmx", "m.tmx"]);
}

/// Regression: a `.lock` file was created beside any path given as a memory, and left
/// behind when the command failed (the file was no memory, the import failed). A failed
/// command leaves nothing new: no lock file, no folder made for a new memory. A command
/// that succeeds leaves no lock file either.
#[test]
fn a_failed_command_leaves_no_lock_file_or_folder() {
    let (dir, _) = temp_file("notes.txt", b"not a memory\n");
    let d = dir.path();
    fs::write(d.join("f.tmx"), tmx_doc(&PAIRS[..1])).unwrap();
    fs::write(d.join("broken.tmx"), "<tmx version=\"1.4\"><body>").unwrap();
    let (code, _, err) = run_in_apart(d, &["tm", "import", "f.tmx", "--into", "notes.txt"]);
    assert_eq!(code, 2, "{err}");
    let (code, _, err) = run_in_apart(
        d,
        &["tm", "import", "broken.tmx", "--into", "new/dir/m.tmx"],
    );
    assert_eq!(code, 2, "{err}");
    assert_eq!(listing(d), ["broken.tmx", "f.tmx", "notes.txt"]);
    let (code, _, err) = run_in_apart(d, &["tm", "import", "f.tmx", "--into", "tmx/m.tmx"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(listing(&d.join("tmx")), ["m.tmx"]);
}

/// Regression: an XLIFF target too large for the memory failed its check after saving,
/// and the error named a temp file that no longer existed. It names the memory.
#[test]
fn a_too_large_xliff_target_error_names_the_memory() {
    let dir = fair_project();
    let d = dir.path();
    let (code, _, err) = run_in_apart(d, &["xliff", "export", "a.en.txt", "--all", "-o", "w.xlf"]);
    assert_eq!(code, 0, "{err}");
    let work = fs::read_to_string(d.join("w.xlf")).unwrap();
    let huge = "Hội chợ ".repeat(1_600_000); // more than 16 MiB of text
    let first_target = work.find("<target>").expect("a target");
    let end = work[first_target..].find("</target>").unwrap() + first_target;
    let edited = format!("{}<target>{huge}{}", &work[..first_target], &work[end..]);
    fs::write(d.join("w.xlf"), edited).unwrap();
    let before = fs::read(d.join("m.tmx")).unwrap();
    let (code, _, err) = run_in_apart(d, &["xliff", "import", "w.xlf"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("m.tmx`"), "{err}");
    assert!(!err.contains(".m.tmx."), "no temp file named: {err}");
    assert_eq!(fs::read(d.join("m.tmx")).unwrap(), before);
    let left: Vec<PathBuf> = fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".tmp") || p.to_string_lossy().ends_with(".lock"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}
