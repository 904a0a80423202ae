//! Where the page writes an article's release: `release/<doc>/` in the project's folder,
//! never a path from the client; and the files found there, the only names a download
//! may ask for.

use std::path::{Path, PathBuf};

use crate::project::Project;

/// The folder of document `doc`'s release. The id becomes one plain folder name (no
/// separator, no leading dot), so that no id can point elsewhere.
pub fn folder(project: &Project, doc: &str) -> PathBuf {
    let name: String = doc
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let name = match name.strip_prefix('.') {
        Some(rest) => format!("_{rest}"),
        None => name,
    };
    project.config.root.join("release").join(name)
}

/// The names of the release's files, sorted; empty when there is no release yet.
pub fn files(folder: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::Config;

    #[test]
    fn no_document_id_leaves_the_release_folder() {
        let project = Project::new(Config::defaults(Path::new("/p")), Default::default());
        for doc in ["../../etc", "a/b", "..", "/abs", "a\\b"] {
            let path = folder(&project, doc);
            assert_eq!(path.parent(), Some(Path::new("/p/release")), "{doc}");
            assert!(!path.file_name().unwrap().to_string_lossy().starts_with('.'));
        }
    }
}
