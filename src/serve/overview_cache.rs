//! The overview's lines kept between loads: an article's line (its counts, findings and
//! release gate) is computed again only when one of the files its check reads changed
//! (the English article, the memory files and their journals, the glossary, the
//! accepted-findings file), so that reloading the overview of an unchanged project runs
//! no check. A file is taken as unchanged while its [`persist::fingerprint`] (the one a
//! memory save uses to see a change made by another program) stays the same.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::pages::overview::Line;
use crate::memory::persist::{self, Fingerprint};
use crate::project::Project;

/// What identifies one version of a file; `None` when it does not exist.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    path: PathBuf,
    seen: Option<Fingerprint>,
}

impl Stamp {
    fn of(path: &Path) -> Stamp {
        Stamp {
            path: path.to_owned(),
            // A file that cannot be read is as good as missing: the check will say why.
            seen: persist::fingerprint(path).ok().flatten(),
        }
    }
}

/// The lines computed so far, by document id, with the stamps of what they were
/// computed from.
#[derive(Default)]
pub struct OverviewCache {
    lines: Mutex<HashMap<String, (Vec<Stamp>, Line)>>,
}

/// The stamps of every file the check of the article at `en` reads.
pub struct Inputs(Vec<Stamp>);

impl OverviewCache {
    /// The stamps of the inputs of the article at `en`'s line, taken now: before the
    /// line is computed, so that a change made meanwhile is seen by the next load.
    pub fn inputs(project: &Project, en: &Path) -> Inputs {
        let config = &project.config;
        let mut paths = vec![en.to_owned(), config.check.accepted.clone()];
        paths.extend(config.check.glossary.iter().cloned());
        for tm in &config.memory {
            paths.push(tm.clone());
            let real = std::fs::canonicalize(tm).unwrap_or_else(|_| tm.clone());
            paths.push(crate::memory::journal::path_for(&real));
        }
        Inputs(paths.iter().map(|p| Stamp::of(p)).collect())
    }

    /// The line of `doc` computed from `inputs`, if one was.
    pub fn get(&self, doc: &str, inputs: &Inputs) -> Option<Line> {
        let lines = self.lines.lock().unwrap_or_else(|e| e.into_inner());
        lines
            .get(doc)
            .filter(|(stamps, _)| *stamps == inputs.0)
            .map(|(_, line)| line.clone())
    }

    /// Keeps `line`, computed from `inputs`.
    pub fn put(&self, doc: &str, inputs: Inputs, line: Line) {
        let mut lines = self.lines.lock().unwrap_or_else(|e| e.into_inner());
        lines.insert(doc.to_owned(), (inputs.0, line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flow::status::{ArticleStatus, Counts};
    use crate::project::Config;

    fn line() -> Line {
        Line {
            status: ArticleStatus {
                article: PathBuf::from("a.en.txt"),
                doc: "a".into(),
                counts: Counts::default(),
            },
            findings: [1, 0, 0],
            refused: true,
        }
    }

    #[test]
    fn a_line_is_kept_until_a_file_of_its_check_changes() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let en = d.join("a.en.txt");
        let tm = d.join("tm.tmx");
        std::fs::write(&en, "The river rose.\n").unwrap();
        std::fs::write(&tm, "<tmx/>").unwrap();
        let mut config = Config::defaults(d);
        config.memory = vec![tm.clone()];
        let project = Project::new(config, Default::default());
        let cache = OverviewCache::default();
        assert!(
            cache
                .get("a", &OverviewCache::inputs(&project, &en))
                .is_none()
        );
        cache.put("a", OverviewCache::inputs(&project, &en), line());
        let again = cache.get("a", &OverviewCache::inputs(&project, &en));
        assert_eq!(again.map(|l| l.findings), Some([1, 0, 0]));
        assert!(
            cache
                .get("b", &OverviewCache::inputs(&project, &en))
                .is_none()
        );

        // Each input, changed: the line is computed again.
        let changes: [(&Path, &str); 3] = [
            (&en, "The river rose again.\n"),
            (&tm, "<tmx version=\"1.4\"/>"),
            (&project.config.check.accepted, "# accepted\n"),
        ];
        for (path, text) in changes {
            cache.put("a", OverviewCache::inputs(&project, &en), line());
            std::fs::write(path, text).unwrap();
            let inputs = OverviewCache::inputs(&project, &en);
            assert!(cache.get("a", &inputs).is_none(), "{}", path.display());
        }
        // A journal beside the memory (an edit not compacted yet) is a change too.
        cache.put("a", OverviewCache::inputs(&project, &en), line());
        std::fs::write(
            crate::memory::journal::path_for(&tm.canonicalize().unwrap()),
            "j",
        )
        .unwrap();
        assert!(
            cache
                .get("a", &OverviewCache::inputs(&project, &en))
                .is_none()
        );
    }
}
