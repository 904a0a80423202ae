//! `songngu init`: a new project.

use crate::common::*;

/// Right after `init` the project's memory does not exist yet: the article is checked as
/// all missing, its XLIFF can be exported, and the first translation creates the memory.
#[test]
fn a_new_project_works_before_its_memory_exists() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(root().join(SEED_EN), dir.path().join("a.en.txt")).unwrap();
    let run = |args: &[&str]| {
        songngu("en-US")
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap()
    };
    assert!(run(&["init", "--article", "a=a.en.txt"]).status.success());
    let (code, records) = check_json(dir.path(), &["a.en.txt"]);
    assert_eq!(code, 1);
    assert_eq!(records.len(), 21);
    assert!(records.iter().all(|r| r.kind.name() == "missing"));
    let out = run(&["xliff", "export", "a.en.txt", "-o", "a.xlf"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let title =
        songngu::segment::text_id("Conference on Responsible state behaviour in cyberspace");
    let out = run(&[
        "translate",
        "a.en.txt",
        "--unit",
        &title,
        "--vi",
        "Hội thảo về ứng xử có trách nhiệm của quốc gia trên không gian mạng",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("tmx/memory.tmx").exists());
    let (_, records) = check_json(dir.path(), &["a.en.txt"]);
    assert_eq!(records.len(), 20);
}
