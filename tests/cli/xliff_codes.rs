//! `songngu xliff` with a Markdown article: inline markup goes out as protected inline
//! codes (the URL never in translatable text), comes back as the same Markdown, and a
//! translation that lost a code is refused; context notes (`--no-context`); `--for omegat`.

use std::path::Path;

use crate::common::*;

const ARTICLE: &str =
    "# Fair news\n\nThe **fair** opened [here](<https://x.vn/a b_(c)>). It has 40 stands.\n";
const BOLD: &str = "The **fair** opened [here](<https://x.vn/a b_(c)>).";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.en.md"), ARTICLE).unwrap();
    let (code, out) = run_in(
        dir.path(),
        &["init", "--tm", "m.tmx", "--article", "fair=a.en.md"],
    );
    assert_eq!(code, 0, "{out}");
    dir
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// The work file with `target` put after the `<source>` of the unit whose source holds
/// `marker`, and its state set to `state` (as a CAT tool writes it back).
fn fill(xlf: &str, marker: &str, target: &str, state: &str) -> String {
    let at = xlf
        .match_indices("<source>")
        .map(|(at, _)| at)
        .find(|&at| {
            xlf[at..]
                .split("</source>")
                .next()
                .unwrap()
                .contains(marker)
        })
        .expect("the unit");
    let unit_start = xlf[..at].rfind("<segment").unwrap();
    let end = at + xlf[at..].find("</source>").unwrap() + "</source>".len();
    let head = xlf[unit_start..end].replacen("state=\"initial\"", &format!("state=\"{state}\""), 1);
    format!(
        "{}{head}\n        {target}{}",
        &xlf[..unit_start],
        &xlf[end..]
    )
}

#[test]
fn markdown_goes_out_as_codes_and_comes_back_as_the_same_markdown() {
    let dir = project();
    let d = dir.path();
    let (code, out) = run_in(
        d,
        &["xliff", "export", "a.en.md", "--doc", "fair", "-o", "a.xlf"],
    );
    assert_eq!(code, 0, "{out}");
    let xlf = read(&d.join("a.xlf"));
    // The markup is in `<originalData>`, referred to by `<pc>`; the URL is not in the
    // translatable text.
    assert!(
        xlf.contains("<data id=\"md4\">](&lt;https://x.vn/a b_(c)&gt;)</data>"),
        "{xlf}"
    );
    let source = xlf
        .lines()
        .find(|l| l.contains("<source>") && l.contains("opened"))
        .unwrap();
    assert!(
        source.contains("<pc id=\"1\" type=\"fmt\" canCopy=\"no\" canDelete=\"no\""),
        "{source}"
    );
    assert!(source.contains("type=\"link\""));
    assert!(
        !source.contains("https://") && !source.contains("**"),
        "{source}"
    );
    // A unit without markup is plain.
    assert!(xlf.contains("<source>It has 40 stands.</source>"));

    // The translator moves the pairs; the link keeps its URL.
    let target = "<target>Ở <pc id=\"2\" dataRefEnd=\"md4\" dataRefStart=\"md3\">đây</pc>, hội chợ <pc id=\"1\" dataRefEnd=\"md2\" dataRefStart=\"md1\">khai mạc</pc>.</target>";
    std::fs::write(d.join("a.xlf"), fill(&xlf, "opened", target, "translated")).unwrap();
    let (code, out) = run_in(d, &["xliff", "import", "a.xlf"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("1 translation stored") || out.contains("1 translations stored"),
        "{out}"
    );
    let tmx = read(&d.join("m.tmx"));
    assert!(
        tmx.contains("<seg>Ở [đây](&lt;https://x.vn/a b_(c)&gt;), hội chợ **khai mạc**.</seg>"),
        "{tmx}"
    );
    assert!(tmx.contains(&format!(
        "<seg>{}</seg>",
        BOLD.replace('<', "&lt;").replace('>', "&gt;")
    )));
}

#[test]
fn a_translation_that_lost_a_code_is_refused_with_the_codes_named() {
    let dir = project();
    let d = dir.path();
    let (code, out) = run_in(
        d,
        &["xliff", "export", "a.en.md", "--doc", "fair", "-o", "a.xlf"],
    );
    assert_eq!(code, 0, "{out}");
    let xlf = read(&d.join("a.xlf"));
    // The link dropped, its text kept.
    let target = "<target>Hội chợ <pc id=\"1\" dataRefEnd=\"md2\" dataRefStart=\"md1\">khai mạc</pc> ở đây.</target>";
    std::fs::write(d.join("a.xlf"), fill(&xlf, "opened", target, "translated")).unwrap();
    let (code, out) = run_in(d, &["xliff", "import", "a.xlf"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("lost or changed the tags"), "{out}");
    assert!(out.contains("“[”, “](<https://x.vn/a b_(c)>)”"), "{out}");
    assert!(out.contains("1 refused"), "{out}");
    assert!(!read(&d.join("m.tmx")).contains("khai mạc"));
}

#[test]
fn context_notes_and_the_omegat_flavour() {
    let dir = project();
    let d = dir.path();
    let (code, out) = run_in(
        d,
        &["xliff", "export", "a.en.md", "--doc", "fair", "-o", "c.xlf"],
    );
    assert_eq!(code, 0, "{out}");
    let xlf = read(&d.join("c.xlf"));
    assert!(
        xlf.contains("<note category=\"context\">Previous: Fair news\nNext: It has 40 stands.\nHeading: Fair news</note>"),
        "{xlf}"
    );
    let (code, out) = run_in(
        d,
        &[
            "xliff",
            "export",
            "a.en.md",
            "--doc",
            "fair",
            "-o",
            "n.xlf",
            "--no-context",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(!read(&d.join("n.xlf")).contains("<note"));
    let (code, out) = run_in(
        d,
        &[
            "xliff", "export", "a.en.md", "--doc", "fair", "-o", "o.xlf", "--for", "omegat",
        ],
    );
    assert_eq!(code, 0, "{out}");
    let xlf = read(&d.join("o.xlf"));
    assert!(xlf.contains("<xliff version=\"1.2\""));
    assert!(
        xlf.contains("<target state=\"new\">It has 40 stands.</target>"),
        "{xlf}"
    );
    assert_eq!(xlf.matches("<target").count(), 3);
    // Back untouched: the copies are no translation.
    let (code, out) = run_in(d, &["xliff", "import", "o.xlf"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("0 translations stored") && out.contains("3 not translated"),
        "{out}"
    );
    // OmegaT filled one from its memory, leaving the state: stored.
    let filled = xlf.replace(
        "<target state=\"new\">It has 40 stands.</target>",
        "<target state=\"new\">Có 40 gian hàng.</target>",
    );
    std::fs::write(d.join("o.xlf"), filled).unwrap();
    let (code, out) = run_in(d, &["xliff", "import", "o.xlf"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("1 translation stored") || out.contains("1 translations stored"),
        "{out}"
    );
    assert!(read(&d.join("m.tmx")).contains("<seg>Có 40 gian hàng.</seg>"));
}

/// The context notes are for the translator: their labels are in the interface's
/// language (issue 14).
#[test]
fn context_labels_are_in_the_interface_language() {
    let dir = project();
    let d = dir.path();
    let output = songngu("vi")
        .current_dir(d)
        .args(["xliff", "export", "a.en.md", "--doc", "fair", "-o", "c.xlf"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let xlf = read(&d.join("c.xlf"));
    assert!(
        xlf.contains("<note category=\"context\">Câu trước: Fair news\nCâu sau: It has 40 stands.\nTiêu đề: Fair news</note>"),
        "{xlf}"
    );
}

/// The release's own work file (`export --to release`'s `<base>.xlf`, `export --to
/// xliff`) is the one `xliff export --all` writes, byte for byte, in either version and
/// either UI language: inline codes, context notes in the UI's words.
#[test]
fn the_release_work_file_is_the_xliff_export_all_one() {
    let dir = project();
    let d = dir.path();
    let id = songngu::segment::text_id(BOLD);
    let vi = "**Hội chợ** khai mạc [tại đây](<https://x.vn/a b_(c)>).";
    let (code, out) = run_in(d, &["translate", "a.en.md", "--unit", &id, "--vi", vi]);
    assert_eq!(code, 0, "{out}");
    for (lang, version) in [("en", "2.0"), ("vi", "1.2")] {
        let ui = ["--lang", lang];
        let version = ["--xliff-version", version];
        let export_all = [
            &ui[..],
            &["xliff", "export", "a.en.md", "--all"],
            &version[..],
        ];
        let (code, out) = run_in(d, &[&export_all.concat()[..], &["-o", "all.xlf"]].concat());
        assert_eq!(code, 0, "{out}");
        let release = [
            &ui[..],
            &["export", "a.en.md", "--allow-drift"],
            &version[..],
        ]
        .concat();
        let (code, out) = run_in(
            d,
            &[&release[..], &["--to", "release", "-o", "rel"]].concat(),
        );
        assert_eq!(code, 0, "{out}");
        let (code, out) = run_in(
            d,
            &[&release[..], &["--to", "xliff", "-o", "one.xlf"]].concat(),
        );
        assert_eq!(code, 0, "{out}");
        let all = read(&d.join("all.xlf"));
        let coded = if version[1] == "2.0" {
            "<pc id=\"1\""
        } else {
            "<bpt id=\"1\""
        };
        assert!(all.contains(coded), "{all}");
        let label = if lang == "vi" {
            "Câu trước: "
        } else {
            "Previous: "
        };
        assert!(all.contains(label), "{all}");
        assert_eq!(read(&d.join("rel/a.xlf")), all);
        assert_eq!(read(&d.join("one.xlf")), all);
    }
}

/// XML character data unescaped (what our writers escape).
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// What OmegaT 3.6's XLIFF filter makes of a 1.2 `<source>`'s content, written here from
/// its rules rather than from songngu's code: each `<bpt>`/`<ph>` counts from 0, its letter
/// the first letter of its content (else `f`), an `<ept>` takes its `<bpt>`'s tag. Gives
/// the text and each short tag with the Markdown it stands for.
fn omegat_view(xml: &str) -> (String, Vec<(String, String)>) {
    let (mut text, mut tags) = (String::new(), Vec::new());
    let mut open: Vec<(String, String)> = Vec::new();
    let mut rest = xml;
    let mut index = 0;
    while let Some(at) = rest.find('<') {
        text.push_str(&unescape(&rest[..at]));
        let name: String = rest[at + 1..]
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        let head_end = at + rest[at..].find('>').unwrap() + 1;
        let close = format!("</{name}>");
        let content_end = head_end + rest[head_end..].find(&close).unwrap();
        let content = unescape(&rest[head_end..content_end]);
        let id = rest[at..head_end]
            .split("id=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let letter = |c: &str| {
            c.chars()
                .find(|c| c.is_alphabetic())
                .map_or('f', |c| c.to_ascii_lowercase())
        };
        let tag = match name.as_str() {
            "bpt" => {
                let tag = format!("{}{index}", letter(&content));
                open.push((id.to_owned(), tag.clone()));
                index += 1;
                format!("<{tag}>")
            }
            "ept" => {
                let tag = &open.iter().find(|(i, _)| i == id).unwrap().1;
                format!("</{tag}>")
            }
            _ => {
                index += 1;
                format!("<{}{}/>", letter(&content), index - 1)
            }
        };
        text.push_str(&tag);
        tags.push((tag, content));
        rest = &rest[content_end + close.len()..];
    }
    text.push_str(&unescape(rest));
    (text, tags)
}

/// `tm export --for omegat` writes each Markdown TU as OmegaT shows the unit of an
/// `xliff export --for omegat` work file with that English: its English is the work
/// file's `<source>` seen by OmegaT, and its Vietnamese, with each short tag replaced by
/// the work file's code (what OmegaT writes into the target), is the memory's Markdown
/// byte for byte.
#[test]
fn the_omegat_memory_holds_the_work_files_codes_as_omegat_tags() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in ["flood.en.md", "flood.vi.md"] {
        std::fs::copy(root().join("examples").join(f), d.join(f)).unwrap();
    }
    let run = |args: &[&str]| {
        let (code, text) = run_in(d, args);
        assert_eq!(code, 0, "{args:?}:\n{text}");
    };
    run(&["init", "--tm", "m.tmx", "--article", "flood=flood.en.md"]);
    run(&["align", "flood.en.md", "flood.vi.md", "--into", "m.tmx"]);
    run(&[
        "xliff",
        "export",
        "flood.en.md",
        "--all",
        "--for",
        "omegat",
        "-o",
        "w.xlf",
    ]);
    run(&["tm", "export", "m.tmx", "--for", "omegat", "-o", "o.tmx"]);
    let (memory, _) = songngu::tmx::read_all(&d.join("m.tmx")).unwrap();
    let (omegat, _) = songngu::tmx::read_all(&d.join("o.tmx")).unwrap();
    let xlf = read(&d.join("w.xlf"));
    let mut coded = 0;
    for (tu, was) in omegat.tus.iter().zip(&memory.tus) {
        let unit = tu.prop("x-songngu-unit").unwrap();
        let head = format!("<trans-unit id=\"{unit}\"");
        let at = xlf.find(&head).unwrap();
        let source = xlf[at..].split("<source>").nth(1).unwrap();
        let (view, tags) = omegat_view(source.split("</source>").next().unwrap());
        let seg = |tu: &songngu::tmx::Tu, i: usize| tu.tuvs[i].seg.plain_text();
        assert_eq!(seg(tu, 0), view, "{unit}");
        let mut vi = seg(tu, 1);
        for (tag, markdown) in &tags {
            vi = vi.replace(tag, markdown);
        }
        assert_eq!(vi, seg(was, 1), "{unit}");
        coded += usize::from(!tags.is_empty());
    }
    assert_eq!(coded, 6, "{xlf}");
}

/// `xliff export --for omegat --omegat-tm PATH` writes, beside the work file, the memory
/// `tm export --for omegat` writes (the same bytes), and says so; a PATH that is the work
/// file, the memory, the article or standard output is refused before anything is
/// written; without `--for` the option is refused.
#[test]
fn xliff_export_writes_the_omegat_memory_beside_the_work_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for f in ["flood.en.md", "flood.vi.md"] {
        std::fs::copy(root().join("examples").join(f), d.join(f)).unwrap();
    }
    let (code, text) = run_in(
        d,
        &["init", "--tm", "m.tmx", "--article", "flood=flood.en.md"],
    );
    assert_eq!(code, 0, "{text}");
    let (code, text) = run_in(
        d,
        &["align", "flood.en.md", "flood.vi.md", "--into", "m.tmx"],
    );
    assert_eq!(code, 0, "{text}");
    let export = ["xliff", "export", "flood.en.md", "--all", "--for", "omegat"];
    fn with<'a>(export: &[&'a str], out: &'a str, tm: &'a str) -> Vec<&'a str> {
        [export, &["-o", out, "--omegat-tm", tm]].concat()
    }
    let (code, out, err) = run_in_apart(d, &with(&export, "w.xlf", "tm/auto/o.tmx"));
    // The folder does not exist: a clear error naming the file, before anything is
    // written (the work file was written first, then the command failed).
    assert_eq!(code, 2, "{out}{err}");
    assert!(err.contains("tm/auto/o.tmx"), "{err}");
    assert!(
        !d.join("w.xlf").exists(),
        "the work file was written: {out}"
    );
    std::fs::create_dir_all(d.join("tm/auto")).unwrap();
    let (code, out, err) = run_in_apart(d, &with(&export, "w.xlf", "tm/auto/o.tmx"));
    assert_eq!(code, 0, "{err}");
    let tus = count_tus_in(&d.join("m.tmx"));
    assert!(
        out.contains(&format!(
            "`tm/auto/o.tmx`: the memory for OmegaT ({tus} TUs), to put in the OmegaT \
             project's `tm/auto/` folder"
        )),
        "{out}"
    );
    let (code, text) = run_in(
        d,
        &["tm", "export", "m.tmx", "--for", "omegat", "-o", "t.tmx"],
    );
    assert_eq!(code, 0, "{text}");
    assert_eq!(read(&d.join("tm/auto/o.tmx")), read(&d.join("t.tmx")));
    assert!(read(&d.join("w.xlf")).contains("<trans-unit"));

    // Refused before the work: the work file is not written either.
    for (tm, what) in [
        ("w2.xlf", "the same file as the XLIFF work file `w2.xlf`"),
        ("m.tmx", "the same file as the translation memory `"),
        ("flood.en.md", "the same file as the article `"),
        ("-", "cannot go to standard output (`--omegat-tm -`)"),
    ] {
        let (code, out, err) = run_in_apart(d, &with(&export, "w2.xlf", tm));
        assert_eq!(code, 2, "{tm}: {out}{err}");
        assert!(err.contains(what), "{tm}: {err}");
        assert!(!d.join("w2.xlf").exists(), "{tm}");
    }
    assert_eq!(count_tus_in(&d.join("m.tmx")), tus);
    let (code, _, err) = run_in_apart(
        d,
        &[
            "xliff",
            "export",
            "flood.en.md",
            "-o",
            "w3.xlf",
            "--omegat-tm",
            "o3.tmx",
        ],
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--for"), "{err}");
    assert!(!d.join("w3.xlf").exists() && !d.join("o3.tmx").exists());

    // In Vietnamese.
    let output = songngu("vi")
        .current_dir(d)
        .args(with(&export, "w.xlf", "o4.tmx"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(&format!(
            "`o4.tmx`: bộ nhớ dịch cho OmegaT ({tus} đơn vị dịch)"
        )),
        "{text}"
    );
}
