//! The project file `songngu.toml`: languages, memory files, articles, check settings and
//! the translator's id.
//!
//! Commands find it by walking up from the current folder ([`discover`]); every setting
//! can also be given on the command line, which wins. Paths in the file are relative to
//! the folder that holds it.
//!
//! ```toml
//! source = "en"
//! target = "vi"
//! translator = "lan.nguyen"
//! memory = ["tmx/news.tmx"]
//!
//! [[article]]
//! path = "examples/seed.en.txt"
//! doc = "seed-2019-11-28"
//!
//! [check]
//! fail_on = "error"          # the lowest severity that fails a check: error, warning, info
//! glossary = "glossary.tsv"  # English<TAB>Vietnamese per line, for translated names
//! accepted = "accepted.toml" # findings marked as accepted
//!
//! [check.kinds]              # per kind: off, info, warning or error
//! length = "off"
//! name = "error"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

use crate::drift::{Kind, Severity};
use crate::input_limit::{self, InputError, InputKind};
use crate::text::position::line_column;
use crate::toml_problem::TomlProblem;

/// The file name looked for.
pub const FILE_NAME: &str = "songngu.toml";

/// Errors of reading the project file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read `{path}`: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {problem}")]
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        problem: TomlProblem,
    },
    #[error(
        "{path}: `{value}` is not a language tag songngu supports as {role} (expected {expected})"
    )]
    Language {
        path: PathBuf,
        value: String,
        role: &'static str,
        expected: &'static str,
    },
    #[error("`{option} {value}`: expected {expected}")]
    Option {
        option: &'static str,
        value: String,
        expected: OptionExpected,
    },
    #[error("{path}:{line}:{column}: invalid UTF-8 at byte {offset}; save the file as UTF-8")]
    InvalidUtf8 {
        path: PathBuf,
        offset: usize,
        line: usize,
        column: usize,
    },
    #[error(
        "{path}:{line}:{column}: an `[[article]]` needs a document id; `doc` is empty or blank"
    )]
    EmptyDoc {
        path: PathBuf,
        line: usize,
        column: usize,
    },
    #[error("{path}: unknown check kind `{kind}` in [check.kinds]")]
    UnknownKind { path: PathBuf, kind: String },
    #[error("{path}: `{value}` for `{key}` is not one of off, info, warning, error")]
    UnknownSetting {
        path: PathBuf,
        key: String,
        value: String,
    },
    /// The file is larger than `limit` bytes ([`InputKind::ProjectFile`]'s limit).
    #[error(
        "`{}` is larger than the limit of {} for a project file",
        .path.display(),
        input_limit::limit_text(*.limit)
    )]
    TooLarge { path: PathBuf, limit: u64 },
}

/// What a command-line option of [`Overrides`] expects, when its value is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OptionExpected {
    #[error("a language tag of English (en, en-US, en-GB...)")]
    EnglishTag,
    #[error("a language tag of Vietnamese (vi, vi-VN)")]
    VietnameseTag,
    #[error("KIND=off|info|warning|error, KIND being a finding kind such as `length`")]
    KindSetting,
}

/// How one kind of finding is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KindSetting {
    Off,
    Severity(Severity),
}

/// An article of the project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    pub path: PathBuf,
    pub doc: String,
}

/// Check settings.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckConfig {
    /// Findings at or above this severity fail the check (and the export).
    pub fail_on: Severity,
    pub kinds: BTreeMap<Kind, KindSetting>,
    pub glossary: Option<PathBuf>,
    /// Where accepted findings are kept.
    pub accepted: PathBuf,
}

impl CheckConfig {
    /// The severity of `kind`, or `None` if it is switched off.
    pub fn severity(&self, kind: Kind) -> Option<Severity> {
        match self.kinds.get(&kind) {
            Some(KindSetting::Off) => None,
            Some(KindSetting::Severity(s)) => Some(*s),
            None => Some(kind.default_severity()),
        }
    }
}

/// A project: the file's settings with paths made absolute.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The file it was read from; `None` for the defaults.
    pub path: Option<PathBuf>,
    /// The folder paths are relative to.
    pub root: PathBuf,
    pub source: LanguageIdentifier,
    pub target: LanguageIdentifier,
    pub translator: Option<String>,
    pub memory: Vec<PathBuf>,
    pub articles: Vec<Article>,
    pub check: CheckConfig,
    /// Where a release made from within the project (the review page) is written:
    /// `[release] folder`, else `release/` beside the project file; each article's in a
    /// folder named by its document id inside it (see
    /// [`crate::flow::release::release_to_project`]).
    pub release_folder: PathBuf,
}

/// The file as written.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    target: Option<String>,
    #[serde(default)]
    translator: Option<String>,
    #[serde(default)]
    memory: Vec<PathBuf>,
    #[serde(default, rename = "article")]
    articles: Vec<RawArticle>,
    #[serde(default)]
    check: RawCheck,
    #[serde(default)]
    release: RawRelease,
}

/// `[release]` as written.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelease {
    #[serde(default)]
    folder: Option<PathBuf>,
}

/// An `[[article]]` as written: where its `doc` is, to point at an empty one.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArticle {
    path: PathBuf,
    doc: toml::Spanned<String>,
}

/// Whether `doc` can be a document id: not empty, not only white space (an empty id
/// would file an article's units under no document at all).
pub fn valid_doc_id(doc: &str) -> bool {
    !doc.trim().is_empty()
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheck {
    #[serde(default)]
    fail_on: Option<String>,
    #[serde(default)]
    glossary: Option<PathBuf>,
    #[serde(default)]
    accepted: Option<PathBuf>,
    #[serde(default)]
    kinds: BTreeMap<String, String>,
}

impl Config {
    /// The settings when there is no project file: English to Vietnamese, everything else
    /// default, paths relative to `root`.
    pub fn defaults(root: &Path) -> Config {
        Config {
            path: None,
            root: root.to_owned(),
            source: unic_langid::langid!("en"),
            target: unic_langid::langid!("vi"),
            translator: None,
            memory: Vec::new(),
            articles: Vec::new(),
            check: CheckConfig {
                fail_on: Severity::Error,
                kinds: BTreeMap::new(),
                glossary: None,
                accepted: root.join("accepted.toml"),
            },
            release_folder: root.join("release"),
        }
    }

    /// Reads `path`, refusing a file larger than [`InputKind::ProjectFile`]'s limit.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let limit = InputKind::ProjectFile.default_limit();
        let text = input_limit::read_text(path, InputKind::ProjectFile, limit).map_err(
            |error| match error {
                InputError::Io { path, source } => ConfigError::Io { path, source },
                InputError::TooLarge { path, limit, .. } => ConfigError::TooLarge { path, limit },
                InputError::InvalidUtf8 {
                    path,
                    offset,
                    line,
                    column,
                } => ConfigError::InvalidUtf8 {
                    path,
                    offset,
                    line,
                    column,
                },
            },
        )?;
        Config::parse(path, &text)
    }

    /// Parses the text of `path`.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let (line, column) = e
                .span()
                .map_or((0, 0), |span| line_column(text.as_bytes(), span.start));
            ConfigError::Syntax {
                path: path.to_owned(),
                line,
                column,
                problem: TomlProblem::classify(e.message()),
            }
        })?;
        let root = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_owned();
        let mut config = Config::defaults(&root);
        config.path = Some(path.to_owned());
        let language = |value: Option<String>,
                        role: &'static str,
                        expected: &'static str,
                        fallback: LanguageIdentifier|
         -> Result<LanguageIdentifier, ConfigError> {
            let Some(value) = value else {
                return Ok(fallback);
            };
            let bad = || ConfigError::Language {
                path: path.to_owned(),
                value: value.clone(),
                role,
                expected,
            };
            language_of(&value, expected).ok_or_else(bad)
        };
        config.source = language(raw.source, "source", "en", config.source)?;
        config.target = language(raw.target, "target", "vi", config.target)?;
        config.translator = raw.translator.filter(|t| !t.trim().is_empty());
        config.memory = raw.memory.iter().map(|p| root.join(p)).collect();
        config.articles = Vec::with_capacity(raw.articles.len());
        for a in raw.articles {
            if !valid_doc_id(a.doc.get_ref()) {
                let (line, column) = line_column(text.as_bytes(), a.doc.span().start);
                return Err(ConfigError::EmptyDoc {
                    path: path.to_owned(),
                    line,
                    column,
                });
            }
            config.articles.push(Article {
                path: root.join(a.path),
                doc: a.doc.into_inner(),
            });
        }
        if let Some(value) = raw.check.fail_on {
            config.check.fail_on = match setting(&value) {
                Some(KindSetting::Severity(s)) => s,
                _ => {
                    return Err(ConfigError::UnknownSetting {
                        path: path.to_owned(),
                        key: String::from("check.fail_on"),
                        value,
                    });
                }
            };
        }
        config.check.glossary = raw.check.glossary.map(|p| root.join(p));
        if let Some(accepted) = raw.check.accepted {
            config.check.accepted = root.join(accepted);
        }
        if let Some(folder) = raw.release.folder {
            config.release_folder = root.join(folder);
        }
        for (name, value) in raw.check.kinds {
            let kind = Kind::from_name(&name).ok_or_else(|| ConfigError::UnknownKind {
                path: path.to_owned(),
                kind: name.clone(),
            })?;
            let s = setting(&value).ok_or_else(|| ConfigError::UnknownSetting {
                path: path.to_owned(),
                key: format!("check.kinds.{name}"),
                value: value.clone(),
            })?;
            config.check.kinds.insert(kind, s);
        }
        Ok(config)
    }

    /// The document id the project gives the article at `path`, if it lists it.
    pub fn doc_for(&self, path: &Path) -> Option<&str> {
        let wanted = std::fs::canonicalize(path).ok()?;
        self.articles
            .iter()
            .find(|a| std::fs::canonicalize(&a.path).is_ok_and(|p| p == wanted))
            .map(|a| a.doc.as_str())
    }
}

/// `value` as a language tag of the language `expected` (`en-GB` for `en`).
fn language_of(value: &str, expected: &str) -> Option<LanguageIdentifier> {
    let id: LanguageIdentifier = value.parse().ok()?;
    (id.language.as_str() == expected).then_some(id)
}

/// Settings given on the command line; each one given wins over the project file's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overrides {
    /// `--source-lang`: a tag of English.
    pub source: Option<String>,
    /// `--target-lang`: a tag of Vietnamese.
    pub target: Option<String>,
    /// `--accepted`: the accepted-findings file.
    pub accepted: Option<PathBuf>,
    /// `--kind KIND=SETTING`, in order (a later one for the same kind wins); SETTING is
    /// `off`, `info`, `warning` or `error`.
    pub kinds: Vec<String>,
}

impl Config {
    /// Applies settings given on the command line.
    pub fn apply(&mut self, overrides: &Overrides) -> Result<(), ConfigError> {
        if let Some(value) = &overrides.source {
            self.source = language_of(value, "en").ok_or_else(|| ConfigError::Option {
                option: "--source-lang",
                value: value.clone(),
                expected: OptionExpected::EnglishTag,
            })?;
        }
        if let Some(value) = &overrides.target {
            self.target = language_of(value, "vi").ok_or_else(|| ConfigError::Option {
                option: "--target-lang",
                value: value.clone(),
                expected: OptionExpected::VietnameseTag,
            })?;
        }
        if let Some(accepted) = &overrides.accepted {
            self.check.accepted = accepted.clone();
        }
        for spec in &overrides.kinds {
            let parsed = spec.split_once('=').and_then(|(kind, value)| {
                Some((Kind::from_name(kind.trim())?, setting(value.trim())?))
            });
            let (kind, setting) = parsed.ok_or_else(|| ConfigError::Option {
                option: "--kind",
                value: spec.clone(),
                expected: OptionExpected::KindSetting,
            })?;
            self.check.kinds.insert(kind, setting);
        }
        Ok(())
    }
}

fn setting(value: &str) -> Option<KindSetting> {
    if value == "off" {
        Some(KindSetting::Off)
    } else {
        Severity::from_name(value).map(KindSetting::Severity)
    }
}

/// The project file of `start` or of the nearest folder above it, if any.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_owned());
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// The project of `start` (see [`find`]), or the defaults rooted at `start`.
pub fn discover(start: &Path) -> Result<Config, ConfigError> {
    match find(start) {
        Some(path) => Config::load(&path),
        None => Ok(Config::defaults(start)),
    }
}

/// What `songngu init` puts in a project file.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub source: LanguageIdentifier,
    pub target: LanguageIdentifier,
    pub translator: String,
    /// Memory files, as written (relative to the project file).
    pub memory: Vec<String>,
    pub articles: Vec<Article>,
    pub fail_on: Severity,
    pub glossary: Option<String>,
    pub kinds: Vec<(Kind, KindSetting)>,
}

impl Template {
    /// English to Vietnamese, one memory, failing on errors.
    pub fn new(translator: &str, memory: &str) -> Template {
        Template {
            source: unic_langid::langid!("en"),
            target: unic_langid::langid!("vi"),
            translator: translator.to_owned(),
            memory: vec![memory.to_owned()],
            articles: Vec::new(),
            fail_on: Severity::Error,
            glossary: None,
            kinds: Vec::new(),
        }
    }
}

/// What `songngu init` writes: a commented project file.
pub fn template(t: &Template) -> String {
    let quote = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let mut out = String::new();
    out.push_str("# songngu project: see `songngu --help`. Paths are relative to this file.\n");
    out.push_str(&format!(
        "source = {}\ntarget = {}\n",
        quote(&t.source.to_string()),
        quote(&t.target.to_string())
    ));
    out.push_str(&format!("translator = {}\n", quote(&t.translator)));
    let memory: Vec<String> = t.memory.iter().map(|m| quote(m)).collect();
    out.push_str(&format!("memory = [{}]\n", memory.join(", ")));
    for article in &t.articles {
        out.push_str("\n[[article]]\n");
        out.push_str(&format!(
            "path = {}\ndoc = {}\n",
            quote(&article.path.to_string_lossy()),
            quote(&article.doc)
        ));
    }
    out.push_str(&format!(
        "\n[check]\n\
         # Findings at or above this severity fail `check` and stop `export`.\n\
         fail_on = {}\n",
        quote(t.fail_on.name())
    ));
    match &t.glossary {
        Some(g) => out.push_str(&format!(
            "glossary = {}   # English<TAB>Vietnamese, for names that are translated\n",
            quote(g)
        )),
        None => out.push_str(
            "# glossary = \"glossary.tsv\"   # English<TAB>Vietnamese, for names that are translated\n",
        ),
    }
    out.push_str(
        "accepted = \"accepted.toml\"\n\
         \n\
         [check.kinds]\n\
         # Per kind: off, info, warning or error. Kinds: stale, missing, orphaned, extra,\n\
         # number, date, time, name, url, same_as_source, normalization, punctuation,\n\
         # inconsistent, length, tag.\n",
    );
    if t.kinds.is_empty() {
        out.push_str("# length = \"off\"\n");
    }
    for (kind, setting) in &t.kinds {
        let value = match setting {
            KindSetting::Off => "off",
            KindSetting::Severity(s) => s.name(),
        };
        out.push_str(&format!("{} = {}\n", kind.name(), quote(value)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_full_file() {
        let text = r#"
source = "en-US"
target = "vi"
translator = "lan"
memory = ["tmx/news.tmx"]

[[article]]
path = "a.en.md"
doc = "a"

[check]
fail_on = "warning"
glossary = "g.tsv"

[check.kinds]
length = "off"
name = "error"
"#;
        let config = Config::parse(Path::new("/p/songngu.toml"), text).unwrap();
        assert_eq!(config.source.to_string(), "en-US");
        assert_eq!(config.memory, [PathBuf::from("/p/tmx/news.tmx")]);
        assert_eq!(config.articles[0].path, PathBuf::from("/p/a.en.md"));
        assert_eq!(config.check.fail_on, Severity::Warning);
        assert_eq!(config.check.severity(Kind::Length), None);
        assert_eq!(config.check.severity(Kind::Name), Some(Severity::Error));
        assert_eq!(config.check.severity(Kind::Stale), Some(Severity::Error));
        assert_eq!(config.check.accepted, PathBuf::from("/p/accepted.toml"));
    }

    /// Regression (issue 11): an empty `doc` filed the article's units under no document.
    #[test]
    fn an_article_without_a_document_id_is_refused_where_it_is() {
        for doc in ["\"\"", "\" \\t \""] {
            let text =
                format!("memory = [\"m.tmx\"]\n\n[[article]]\npath = \"a.md\"\ndoc = {doc}\n");
            let err = Config::parse(Path::new("s.toml"), &text).unwrap_err();
            match &err {
                ConfigError::EmptyDoc { line, column, .. } => {
                    assert_eq!((*line, *column), (5, 7), "{err}");
                }
                other => panic!("{other}"),
            }
            assert!(err.to_string().starts_with("s.toml:5:7: "), "{err}");
        }
        assert!(valid_doc_id(" a "));
        assert!(!valid_doc_id("\u{3000}"));
    }

    #[test]
    fn errors_name_the_place() {
        let err = Config::parse(Path::new("s.toml"), "source = \"en\"\nmemory = 3\n").unwrap_err();
        match err {
            ConfigError::Syntax { line, column, .. } => assert_eq!((line, column), (2, 10)),
            other => panic!("{other}"),
        }
        let err = Config::parse(Path::new("s.toml"), "target = \"fr\"\n").unwrap_err();
        assert!(err.to_string().contains("`fr`"), "{err}");
        let err = Config::parse(Path::new("s.toml"), "source = \"not a tag!\"\n").unwrap_err();
        assert!(matches!(err, ConfigError::Language { .. }));
        let err =
            Config::parse(Path::new("s.toml"), "[check.kinds]\nspelling = \"off\"\n").unwrap_err();
        assert!(err.to_string().contains("spelling"), "{err}");
        let err =
            Config::parse(Path::new("s.toml"), "[check.kinds]\nname = \"loud\"\n").unwrap_err();
        assert!(err.to_string().contains("loud"), "{err}");
        let err = Config::parse(Path::new("s.toml"), "colour = 1\n").unwrap_err();
        assert!(matches!(err, ConfigError::Syntax { .. }));
    }

    #[test]
    fn template_parses_back() {
        let articles = [Article {
            path: PathBuf::from("examples/seed.en.txt"),
            doc: String::from("seed \"2019\""),
        }];
        let mut t = Template::new("lan", "tmx/news.tmx");
        t.articles = articles.to_vec();
        let text = template(&t);
        let config = Config::parse(Path::new("/p/songngu.toml"), &text).unwrap();
        assert_eq!(config.translator.as_deref(), Some("lan"));
        assert_eq!(config.articles[0].doc, "seed \"2019\"");
        assert_eq!(config.check.fail_on, Severity::Error);
        assert_eq!(config.memory, [PathBuf::from("/p/tmx/news.tmx")]);

        // Every setting a template can carry reads back.
        let t = Template {
            source: unic_langid::langid!("en-GB"),
            target: unic_langid::langid!("vi-VN"),
            memory: vec!["tmx/a.tmx".into(), "tmx/b.tmx".into()],
            fail_on: Severity::Warning,
            glossary: Some("terms.tsv".into()),
            kinds: vec![
                (Kind::Length, KindSetting::Off),
                (Kind::Name, KindSetting::Severity(Severity::Info)),
            ],
            ..Template::new("lan", "x")
        };
        let config = Config::parse(Path::new("/p/songngu.toml"), &template(&t)).unwrap();
        assert_eq!(config.source.to_string(), "en-GB");
        assert_eq!(config.target.to_string(), "vi-VN");
        assert_eq!(config.memory.len(), 2);
        assert_eq!(config.check.fail_on, Severity::Warning);
        assert_eq!(config.check.glossary, Some(PathBuf::from("/p/terms.tsv")));
        assert_eq!(config.check.severity(Kind::Length), None);
        assert_eq!(config.check.severity(Kind::Name), Some(Severity::Info));
    }

    #[test]
    fn command_line_settings_win() {
        let mut config =
            Config::parse(Path::new("s.toml"), "[check.kinds]\nlength = \"off\"\n").unwrap();
        config
            .apply(&Overrides {
                source: Some("en-US".into()),
                target: Some("vi-VN".into()),
                accepted: Some(PathBuf::from("elsewhere.toml")),
                kinds: vec!["length=warning".into(), "url = off".into()],
            })
            .unwrap();
        assert_eq!(config.source.to_string(), "en-US");
        assert_eq!(config.target.to_string(), "vi-VN");
        assert_eq!(config.check.accepted, PathBuf::from("elsewhere.toml"));
        assert_eq!(config.check.severity(Kind::Length), Some(Severity::Warning));
        assert_eq!(config.check.severity(Kind::Url), None);
        for bad in [
            Overrides {
                target: Some("fr".into()),
                ..Overrides::default()
            },
            Overrides {
                kinds: vec!["length".into()],
                ..Overrides::default()
            },
            Overrides {
                kinds: vec!["spelling=off".into()],
                ..Overrides::default()
            },
        ] {
            let err = config.clone().apply(&bad).unwrap_err();
            assert!(matches!(err, ConfigError::Option { .. }), "{err}");
        }
    }

    #[test]
    fn found_by_walking_up() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("a/b");
        std::fs::create_dir_all(&nested).unwrap();
        assert!(find(&nested).is_none_or(|p| !p.starts_with(dir.path())));
        std::fs::write(dir.path().join(FILE_NAME), "translator = \"x\"\n").unwrap();
        let found = find(&nested).unwrap();
        assert_eq!(
            found,
            std::fs::canonicalize(dir.path()).unwrap().join(FILE_NAME)
        );
        assert_eq!(discover(&nested).unwrap().translator.as_deref(), Some("x"));
    }
}
