//! Loading SRX 2.0 rule files (as written by OmegaT, Okapi, LanguageTool).

use std::path::{Path, PathBuf};

use super::{Lang, Segmenter};

/// A rule of an SRX file that the engine cannot express; it was not applied.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SrxProblem {
    /// `LANGUAGERULENAME#N`: the language rule's name and the rule's 1-based position in it.
    pub rule: String,
    /// 1-based line and column of the `<rule>` element in the SRX file.
    pub line: usize,
    pub column: usize,
    /// Why it cannot be applied (lower case, tokens in backticks).
    pub message: String,
}

/// The segmenter built from an SRX file, and the rules it had to leave out.
pub struct LoadedSrx {
    pub segmenter: Segmenter,
    pub problems: Vec<SrxProblem>,
}

/// Errors that make an SRX file unusable as a whole.
#[derive(Debug, thiserror::Error)]
pub enum SrxError {
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("`{path}`:{line}:{column}: {message}")]
    Malformed {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("`{path}` has no language rules for `{lang}`")]
    NoRulesForLanguage { path: PathBuf, lang: String },
}

/// Reads an SRX 2.0 file and compiles the rules that apply to `lang`.
pub fn load(path: &Path, lang: Lang) -> Result<LoadedSrx, SrxError> {
    let _ = (path, lang);
    unimplemented!("srx loader: being written")
}
