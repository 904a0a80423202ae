//! `songngu tm merge`: the three-way merge of memory files from the command line, and as
//! git's merge driver in real repositories (two translators, one memory).

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use predicates::prelude::*;
use predicates::str::contains;

use crate::common::*;

fn unit_tu(unit: &str, en: &str, vi: &str) -> String {
    format!(
        "    <tu tuid=\"news/{unit}\">\n      <prop type=\"x-songngu-doc\">news</prop>\n      \
         <prop type=\"x-songngu-unit\">{unit}</prop>\n      \
         <tuv xml:lang=\"en\"><seg>{en}</seg></tuv>\n      \
         <tuv xml:lang=\"vi\"><seg>{vi}</seg></tuv>\n    </tu>\n"
    )
}

fn write_tmx(dir: &Path, name: &str, tus: &[String]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n  <header \
             creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" \
             adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/>\n  <body>\n{}  </body>\n</tmx>\n",
            tus.concat()
        ),
    )
    .unwrap();
    path
}

/// BASE, OURS, THEIRS in a temp folder: OURS changes `p1`; THEIRS changes `p2` to
/// `theirs_p2` and `p1` to `theirs_p1` when given.
fn three(theirs_p1: Option<&str>) -> (tempfile::TempDir, [PathBuf; 3]) {
    let dir = tempfile::tempdir().unwrap();
    let p1 = unit_tu("p1", "The river rose.", "Nước sông dâng.");
    let p2 = unit_tu("p2", "Schools closed.", "Trường học đóng cửa.");
    let base = write_tmx(dir.path(), "base.tmx", &[p1.clone(), p2.clone()]);
    let ours_p1 = unit_tu("p1", "The river rose.", "Nước sông lên cao.");
    let ours = write_tmx(dir.path(), "ours.tmx", &[ours_p1, p2]);
    let their_p1 = theirs_p1.map_or(p1, |vi| unit_tu("p1", "The river rose.", vi));
    let their_p2 = unit_tu("p2", "Schools closed.", "Các trường nghỉ học.");
    let theirs = write_tmx(dir.path(), "theirs.tmx", &[their_p1, their_p2]);
    (dir, [base, ours, theirs])
}

#[test]
fn tm_merge_without_conflicts_exits_0_and_writes_ours_in_place() {
    let (_dir, [base, ours, theirs]) = three(None);
    songngu("en-US")
        .args(["tm", "merge"])
        .args([&base, &ours, &theirs])
        .arg("-o")
        .arg(&ours)
        .assert()
        .code(0)
        .stdout("")
        .stderr(contains(
            "2 TUs (0 unchanged or changed alike, 1 from ours, 1 from theirs",
        ));
    let merged = std::fs::read_to_string(&ours).unwrap();
    assert!(merged.contains("Nước sông lên cao.") && merged.contains("Các trường nghỉ học."));
    assert!(!merged.contains("x-songngu-conflict"));
}

#[test]
fn tm_merge_with_a_conflict_exits_1_names_the_unit_and_keeps_both() {
    let (dir, [base, ours, theirs]) = three(Some("Sông dâng nước."));
    let out = dir.path().join("out.tmx");
    songngu("en-US")
        .args(["tm", "merge"])
        .args([&base, &ours, &theirs])
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(
            contains("conflict: unit `p1` of `news` was changed differently on both sides")
                .and(contains("with 1 conflict:")),
        );
    let merged = std::fs::read_to_string(&out).unwrap();
    assert!(merged.contains("Nước sông lên cao.") && merged.contains("Sông dâng nước."));
    assert!(merged.contains("<prop type=\"x-songngu-conflict\">theirs</prop>"));
    songngu("en-US")
        .args(["tm", "validate"])
        .arg(&out)
        .assert()
        .code(0);
    // In Vietnamese.
    songngu("en-US")
        .args(["--lang", "vi", "tm", "merge"])
        .args([&base, &ours, &theirs])
        .arg("-o")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(contains(
            "xung đột: đơn vị `p1` của bài `news` bị hai bên sửa khác nhau",
        ));
}

#[test]
fn tm_merge_refuses_to_write_over_base_or_theirs() {
    let (_dir, [base, ours, theirs]) = three(None);
    let before = std::fs::read(&theirs).unwrap();
    songngu("en-US")
        .args(["tm", "merge"])
        .args([&base, &ours, &theirs])
        .arg("-o")
        .arg(&theirs)
        .assert()
        .code(2)
        .stderr(contains("is the same file as the translation memory"));
    assert_eq!(std::fs::read(&theirs).unwrap(), before);
}

/// `--format json`: one JSON line per conflict, then the summary, on stdout, read back
/// as the documented records; the text lines are not printed then. Exit codes as in text.
#[test]
fn tm_merge_format_json_lists_the_conflicts_then_the_summary() {
    use songngu::flow::tm::merge::{ConflictKind, MergeRecord};
    let (dir, [base, ours, theirs]) = three(Some("Sông dâng nước."));
    let out = dir.path().join("out.tmx");
    let output = songngu("en-US")
        .args(["tm", "merge", "--format", "json"])
        .args([&base, &ours, &theirs])
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stderr.is_empty(), "{output:?}");
    let text = String::from_utf8(output.stdout).unwrap();
    let records: Vec<MergeRecord> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    let [
        MergeRecord::Conflict(conflict),
        MergeRecord::Summary(summary),
    ] = &records[..]
    else {
        panic!("{text}");
    };
    assert_eq!(conflict.kind, ConflictKind::BothChanged);
    assert_eq!(
        (conflict.doc.as_deref(), conflict.unit.as_deref()),
        (Some("news"), Some("p1"))
    );
    assert_eq!(summary.output, out);
    assert!(!summary.clean);
    assert_eq!(
        (summary.tus, summary.from_theirs, summary.conflicts),
        (3, 1, 1)
    );
    // Clean: the summary alone, exit 0.
    let (dir, [base, ours, theirs]) = three(None);
    let out = dir.path().join("out.tmx");
    let output = songngu("en-US")
        .args(["tm", "merge", "--format", "json"])
        .args([&base, &ours, &theirs])
        .arg("-o")
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    let records: Vec<MergeRecord> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        matches!(&records[..], [MergeRecord::Summary(s)] if s.clean && s.tus == 2),
        "{text}"
    );
}

/// `--format json -o -` would put the JSON and the memory on one stream: refused before
/// anything is read, exit 2, in both languages.
#[test]
fn tm_merge_json_with_the_memory_on_stdout_is_refused() {
    let (_dir, [base, ours, theirs]) = three(None);
    for (ui, message) in [
        ("en-US", "`--format json` writes to standard output"),
        ("vi", "hãy chỉ ra một tệp cho `-o`"),
    ] {
        songngu("en-US")
            .args(["--lang", ui, "tm", "merge", "--format", "json"])
            .args([&base, &ours, &theirs])
            .args(["-o", "-"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(message));
    }
}

/// A memory another songngu process is writing (its lock held, as `translate` holds
/// it): `--no-wait` fails at once naming the lock, and the memory is left as it was.
#[test]
fn tm_merge_into_a_locked_memory_with_no_wait_fails_and_writes_nothing() {
    use songngu::memory::persist::{self, LockWait};
    let (_dir, [base, ours, theirs]) = three(None);
    let held = persist::lock(&ours, LockWait::Fail).unwrap();
    let before = std::fs::read(&ours).unwrap();
    songngu("en-US")
        .args(["tm", "merge", "--no-wait"])
        .args([&base, &ours, &theirs])
        .arg("-o")
        .arg(&ours)
        .assert()
        .code(2)
        .stderr(contains("is being written by another songngu process"));
    assert_eq!(std::fs::read(&ours).unwrap(), before);
    drop(held);
    songngu("en-US")
        .args(["tm", "merge", "--no-wait"])
        .args([&base, &ours, &theirs])
        .arg("-o")
        .arg(&ours)
        .assert()
        .code(0);
}

/// In a project, OURS may be the project's memory merged in place (before: refused as a
/// project file); the lock sidecar is gone afterwards.
#[test]
fn tm_merge_in_place_into_the_projects_memory() {
    let (dir, [base, ours, theirs]) = three(None);
    std::fs::create_dir(dir.path().join("tmx")).unwrap();
    let memory = dir.path().join("tmx/news.tmx");
    std::fs::rename(&ours, &memory).unwrap();
    std::fs::write(
        dir.path().join("songngu.toml"),
        "memory = [\"tmx/news.tmx\"]\n",
    )
    .unwrap();
    let (code, _, err) = run_in_apart(
        dir.path(),
        &[
            "tm",
            "merge",
            base.to_str().unwrap(),
            "tmx/news.tmx",
            theirs.to_str().unwrap(),
            "-o",
            "tmx/news.tmx",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let merged = std::fs::read_to_string(&memory).unwrap();
    assert!(merged.contains("Nước sông lên cao.") && merged.contains("Các trường nghỉ học."));
    assert!(!dir.path().join("tmx/news.tmx.lock").exists());
    // Any other output that is the project's memory is still refused.
    let (code, _, err) = run_in_apart(
        dir.path(),
        &[
            "tm",
            "merge",
            base.to_str().unwrap(),
            base.to_str().unwrap(),
            theirs.to_str().unwrap(),
            "-o",
            "tmx/news.tmx",
        ],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("is the same file as the translation memory"),
        "{err}"
    );
}

/// A git repository's folder, where `git` runs with a private configuration.
struct Repo(PathBuf);

impl Repo {
    fn git(&self, args: &[&str]) -> (bool, String) {
        let output = git(&self.0, args);
        let text = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        (output.status.success(), text)
    }

    fn ok(&self, args: &[&str]) {
        let (ok, text) = self.git(args);
        assert!(ok, "git {args:?}: {text}");
    }

    /// Configures the merge driver as the README says, with the binary under test.
    fn use_driver(&self) {
        let driver = format!("'{BIN}' tm merge %O %A %B -o %A");
        self.ok(&["config", "merge.songngu-tmx.name", "songngu TMX merge"]);
        self.ok(&["config", "merge.songngu-tmx.driver", &driver]);
    }

    /// Stores `vi` as the translation of the sentence `en` of the fair article, as
    /// translator `user`, and commits the memory.
    fn translate(&self, user: &str, en: &str, vi: &str) {
        let unit = songngu::segment::text_id(en);
        let output = songngu("en-US")
            .current_dir(&self.0)
            .args([
                "translate",
                "a.en.txt",
                "--unit",
                &unit,
                "--vi",
                vi,
                "--user",
                user,
            ])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        self.ok(&["add", "-A"]);
        self.ok(&["commit", "-q", "-m", &format!("{user}: {vi}")]);
    }

    fn memory(&self) -> String {
        std::fs::read_to_string(self.0.join("tmx/news.tmx")).unwrap()
    }
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    Process::new("git")
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("HOME", dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .args(args)
        .output()
        .expect("git runs")
}

/// Two translators clone one memory, translate different sentences and pull: git merges
/// the memory through `songngu tm merge` without a conflict. Then both translate the same
/// sentence differently: git stops on a conflict, and both translations are in the file.
#[test]
fn git_merges_a_memory_through_the_driver() {
    if Process::new("git").arg("--version").output().is_err() {
        println!("note: `git` is not installed; the merge-driver test is skipped");
        return;
    }
    let top = tempfile::tempdir().unwrap();
    let central = top.path().join("central.git");
    std::fs::create_dir(&central).unwrap();
    Repo(central.clone()).ok(&["init", "-q", "--bare", "-b", "main"]);

    let alice = Repo(top.path().join("alice"));
    std::fs::create_dir_all(alice.0.join("tmx")).unwrap();
    alice.ok(&["init", "-q", "-b", "main"]);
    let files: [(&str, String); 4] = [
        (
            "songngu.toml",
            "memory = [\"tmx/news.tmx\"]\n\n[[article]]\npath = \"a.en.txt\"\ndoc = \"fair\"\n"
                .into(),
        ),
        ("a.en.txt", FAIR.map(|(en, _)| en).join(" ") + "\n"),
        (".gitattributes", "tmx/*.tmx merge=songngu-tmx\n".into()),
        (".gitignore", ".songngu-cache/\n*.lock\n".into()),
    ];
    for (name, text) in files {
        std::fs::write(alice.0.join(name), text).unwrap();
    }
    alice.use_driver();
    alice.translate("alice", FAIR[0].0, FAIR[0].1);
    alice.ok(&["remote", "add", "origin", central.to_str().unwrap()]);
    alice.ok(&["push", "-q", "origin", "main"]);

    let bob = Repo(top.path().join("bob"));
    Repo(top.path().to_owned()).ok(&["clone", "-q", central.to_str().unwrap(), "bob"]);
    bob.use_driver();

    // Different sentences: a clean merge.
    alice.translate("alice", FAIR[1].0, FAIR[1].1);
    alice.ok(&["push", "-q", "origin", "main"]);
    bob.translate("bob", FAIR[2].0, FAIR[2].1);
    let (ok, text) = bob.git(&["pull", "--no-rebase", "--no-edit", "origin", "main"]);
    assert!(ok, "{text}");
    // The driver's report: git did not merge the text itself.
    assert!(
        text.contains("merged into") && text.contains("2 added"),
        "{text}"
    );
    let merged = bob.memory();
    for (_, vi) in FAIR {
        assert_eq!(merged.matches(vi).count(), 1, "{vi} in {merged}");
    }
    assert!(!merged.contains("x-songngu-conflict"));
    let (code, text) = run_in(&bob.0, &["check", "a.en.txt", "--format", "json"]);
    assert_eq!(code, 0, "{text}");
    bob.ok(&["push", "-q", "origin", "main"]);
    alice.ok(&["pull", "-q", "--no-rebase", "--no-edit", "origin", "main"]);

    // The same sentence, two translations: git stops, nothing is lost.
    alice.translate(
        "alice",
        FAIR[0].0,
        "Hội chợ đã khai mạc tại Hà Nội hôm nay.",
    );
    alice.ok(&["push", "-q", "origin", "main"]);
    bob.translate("bob", FAIR[0].0, "Hôm nay hội chợ khai mạc ở Hà Nội.");
    let (ok, text) = bob.git(&["pull", "--no-rebase", "--no-edit", "origin", "main"]);
    assert!(!ok, "{text}");
    assert!(
        text.contains("CONFLICT") && text.contains("tmx/news.tmx"),
        "{text}"
    );
    let unit = songngu::segment::text_id(FAIR[0].0);
    assert!(
        text.contains(&format!("unit `{unit}` of `fair` was changed differently")),
        "{text}"
    );
    let merged = bob.memory();
    assert!(
        merged.contains("Hôm nay hội chợ khai mạc ở Hà Nội."),
        "{merged}"
    );
    assert!(
        merged.contains("Hội chợ đã khai mạc tại Hà Nội hôm nay."),
        "{merged}"
    );
    assert!(merged.contains(FAIR[1].1) && merged.contains(FAIR[2].1));
    assert!(!merged.contains("<<<<<<<"), "{merged}");
    songngu("en-US")
        .args(["tm", "validate"])
        .arg(bob.0.join("tmx/news.tmx"))
        .assert()
        .code(0);
    let (_, status) = bob.git(&["status", "--porcelain"]);
    assert!(status.contains("UU tmx/news.tmx"), "{status}");
}
