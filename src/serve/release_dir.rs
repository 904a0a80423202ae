//! The files of an article's release that the page offers for download: only those its
//! `manifest.json` lists (and the manifest itself), in the folder
//! [`flow::release::release_to_project`](crate::flow::release::release_to_project) wrote
//! for the article's document id. A name from the client is only ever compared with that
//! list; it never becomes a path.

use crate::export::manifest::{MANIFEST_NAME, Manifest};
use crate::flow::release::release_folder_of;
use crate::project::Project;

/// A manifest larger than this is no manifest the release wrote: nothing is offered.
const MANIFEST_LIMIT: u64 = 1 << 20;

/// The names of the files of document `doc`'s release, the manifest's order then
/// `manifest.json`; empty when there is no release (or its manifest cannot be read).
pub fn files(project: &Project, doc: &str) -> Vec<String> {
    let folder = release_folder_of(project, doc);
    let manifest_path = folder.join(MANIFEST_NAME);
    let small = std::fs::metadata(&manifest_path).is_ok_and(|m| m.len() <= MANIFEST_LIMIT);
    let Some(manifest) = small
        .then(|| std::fs::read_to_string(&manifest_path).ok())
        .flatten()
        .and_then(|text| serde_json::from_str::<Manifest>(&text).ok())
    else {
        return Vec::new();
    };
    manifest
        .files
        .into_iter()
        .map(|f| f.name)
        // A plain name of the folder, as the release writes them; anything else is not
        // offered (a hand-edited manifest cannot point elsewhere).
        .filter(|name| plain_name(name))
        .chain([MANIFEST_NAME.to_owned()])
        .collect()
}

/// The file `name` of document `doc`'s release, if the release lists that very name:
/// the listed name and its bytes.
pub fn read(project: &Project, doc: &str, name: &str) -> Option<(String, Vec<u8>)> {
    let listed = files(project, doc).into_iter().find(|n| n == name)?;
    let bytes = std::fs::read(release_folder_of(project, doc).join(&listed)).ok()?;
    Some((listed, bytes))
}

fn plain_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && !name.contains(['/', '\\', '\0'])
        && std::path::Path::new(name).components().count() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_names_are_offered() {
        for bad in [
            "../seed.tmx",
            "a/b",
            "..",
            ".",
            "",
            "/etc/passwd",
            "a\\b",
            ".hidden",
        ] {
            assert!(!plain_name(bad), "{bad}");
        }
        assert!(plain_name("seed.vi.txt"));
    }
}
