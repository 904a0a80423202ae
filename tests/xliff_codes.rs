//! The work-file flows with a Markdown article, called from Rust: inline markup as codes
//! out and back, context notes, the OmegaT flavour, and a refused unit whose target lost
//! a code.

use std::path::{Path, PathBuf};

use songngu::export::xliff::Dress;
use songngu::flow::init::{InitRequest, init};
use songngu::flow::work_file::{self, ExportRequest, ImportRequest, Refused};
use songngu::project::config::Article;
use songngu::project::{Config, Project};
use songngu::xliff::{self, State, Version};

const ARTICLE: &str =
    "# Storm\n\nRivers are **rising** in [Hải Phòng](https://x.vn/hp). Schools closed.\n";

fn project(dir: &Path) -> Project {
    std::fs::write(dir.join("a.en.md"), ARTICLE).unwrap();
    let path = init(&InitRequest {
        path: dir.join("songngu.toml"),
        force: false,
        settings: Config::defaults(dir),
        articles: vec![Article {
            path: PathBuf::from("a.en.md"),
            doc: "storm".to_owned(),
        }],
        translator: Some("lan".to_owned()),
        memory: vec!["m.tmx".to_owned()],
        fail_on: None,
        glossary: None,
    })
    .unwrap();
    Project::new(Config::load(&path).unwrap(), Default::default())
}

#[test]
fn a_markdown_work_file_round_trips_and_a_lost_code_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let project = project(d);
    let request = ExportRequest {
        dress: Dress {
            codes: true,
            context: true,
            ..Dress::default()
        },
        ..ExportRequest::new(d.join("a.en.md"))
    };
    let doc = work_file::export(&project, &request, &mut Vec::new()).unwrap();
    assert!(doc.units.iter().all(|u| u.markdown));
    let rising = doc
        .units
        .iter()
        .position(|u| u.en.contains("rising"))
        .unwrap();
    assert_eq!(
        doc.units[rising].context.as_deref(),
        Some("Previous: Storm\nNext: Schools closed.\nHeading: Storm")
    );
    for version in [Version::V2_0, Version::V1_2] {
        let bytes = work_file::to_bytes(&doc, version).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let source = text
            .lines()
            .find(|l| l.contains("<source>") && l.contains("rising"))
            .unwrap();
        assert!(!source.contains("https://x.vn/hp") || version == Version::V1_2);
        // Back untouched: the same Markdown, byte for byte.
        let back = xliff::read(Path::new("w.xlf"), &bytes).unwrap();
        assert_eq!(back.units[rising].en, doc.units[rising].en);
    }
    // Translated with the markup kept (and moved), or with the link lost.
    let mut file = doc.clone();
    file.units[rising].vi = Some("Ở [Hải Phòng](https://x.vn/hp), nước sông **dâng cao**.".into());
    file.units[rising].state = State::Translated;
    let last = file.units.len() - 1;
    file.units[last].vi = Some("Trường học đóng cửa.".into());
    file.units[last].state = State::Translated;
    std::fs::write(
        d.join("w.xlf"),
        work_file::to_bytes(&file, Version::V2_0).unwrap(),
    )
    .unwrap();
    let imported = work_file::import(&project, &ImportRequest::new(d.join("w.xlf"))).unwrap();
    assert_eq!((imported.stored, imported.refused.len()), (2, 0));
    let tmx = std::fs::read_to_string(d.join("m.tmx")).unwrap();
    assert!(tmx.contains("<seg>Ở [Hải Phòng](https://x.vn/hp), nước sông **dâng cao**.</seg>"));

    // Now the link lost in a tool: the `<pc>` of the link removed from the target.
    file.units[rising].vi = Some("Nước sông **dâng cao** ở Hải Phòng.".into());
    let text = String::from_utf8(work_file::to_bytes(&file, Version::V2_0).unwrap()).unwrap();
    std::fs::write(d.join("w.xlf"), text).unwrap();
    let imported = work_file::import(&project, &ImportRequest::new(d.join("w.xlf"))).unwrap();
    // The writer puts markup the source lacks as text, so nothing is lost here: the
    // Vietnamese simply has no link, and the source's link codes are missing from it.
    match imported.refused.as_slice() {
        [Refused::Codes { unit, missing, .. }] => {
            assert_eq!(unit, &doc.units[rising].id);
            assert_eq!(missing, &["[", "](https://x.vn/hp)"]);
        }
        other => panic!("{other:?}"),
    }
    let tmx = std::fs::read_to_string(d.join("m.tmx")).unwrap();
    assert!(!tmx.contains("ở Hải Phòng."));
}
