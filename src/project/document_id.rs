//! Which document of the memory an article is: the id given, else the project's for the
//! article, else the memory's only one.

use std::path::Path;

use super::config::{Config, valid_doc_id};
use crate::memory::store::Memory;

/// What a command does with the document it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocUse {
    /// Reads its units (`check`, `export`, `xliff export`): an id that is neither in the
    /// memory nor an article of the project is a mistake (a typo would otherwise report
    /// every sentence as untranslated).
    Read,
    /// Writes units (`update`, `translate`): a new document is how an article starts.
    Write,
}

/// Why no document id could be settled on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocIdError {
    /// The id given with `option` is empty or blank: it would file the article's units
    /// under no document at all.
    #[error("`{option}` needs a document id")]
    Empty { option: String },
    /// An id to read that neither the memory (whose documents are `docs`) nor the
    /// project knows.
    #[error("no document `{doc}` in the memory (it has: {})", .docs.join(", "))]
    Unknown { doc: String, docs: Vec<String> },
    /// None given, the project does not name the article, and the memory has no single
    /// document (`docs`).
    #[error("which document? the memory has: {}", .docs.join(", "))]
    Which { docs: Vec<String> },
}

/// The document id of the article at `en`: `given` (checked), else the project's for
/// this article, else the memory's only document.
pub fn document_id(
    given: Option<&str>,
    en: &Path,
    config: &Config,
    memory: &Memory,
    purpose: DocUse,
) -> Result<String, DocIdError> {
    let docs = memory.documents();
    if let Some(doc) = given {
        if !valid_doc_id(doc) {
            return Err(DocIdError::Empty {
                option: String::from("--doc"),
            });
        }
        let known = docs.iter().any(|d| d == doc) || config.articles.iter().any(|a| a.doc == doc);
        if purpose == DocUse::Read && !known {
            return Err(DocIdError::Unknown {
                doc: doc.to_owned(),
                docs,
            });
        }
        return Ok(doc.to_owned());
    }
    if let Some(doc) = config.doc_for(en) {
        return Ok(doc.to_owned());
    }
    match docs.as_slice() {
        [only] => Ok(only.clone()),
        _ => Err(DocIdError::Which { docs }),
    }
}
