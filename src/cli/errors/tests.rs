//! Every variant of every library error has its own message in both UI languages: the
//! English reproduces the library's `Display` (what the tests and the README show), the
//! Vietnamese is not the English.

use std::io;
use std::path::PathBuf;

use songngu::document::DocumentError;
use songngu::drift::accept::AcceptError;
use songngu::export::{ExportError, UnitProblem};
use songngu::fsio::{FsError, Role};
use songngu::i18n::{Localizer, UiLocale};
use songngu::input_limit::{InputError, InputKind};
use songngu::memory::journal::{JournalDamage, JournalError};
use songngu::memory::persist::PersistError;
use songngu::memory::store::MemoryError;
use songngu::project::config::{ConfigError, OptionExpected};
use songngu::segment::srx::SrxError;
use songngu::tmx;
use songngu::toml_problem::{TomlProblem, TomlType};
use songngu::xliff::{self, State, TextField, Version, XliffError};
use songngu::xml::CodePoint;

use songngu::flow::tm::merge::MergeError;

use super::*;
use songngu::wording::errors::memory::{self, journal_message, memory_message, persist_message};
use songngu::wording::errors::tmx::{kind_message, write_message};
use songngu::wording::errors::*;

fn path() -> PathBuf {
    PathBuf::from("news/a.toml")
}

/// A system error of a kind the CLI words itself (an unknown kind keeps the system's
/// words, in both languages).
fn os_error() -> io::Error {
    io::Error::from(io::ErrorKind::PermissionDenied)
}

/// `message` formats one value in a locale; the English and the Vietnamese must both
/// exist (a missing message comes out as its id, a missing argument as `{$name}`) and
/// differ, and the Vietnamese must not be the library's English `Display`.
fn assert_localized(display: &str, message: impl Fn(&Localizer) -> String) {
    let en = message(&Localizer::new(UiLocale::EnUs));
    let vi = message(&Localizer::new(UiLocale::Vi));
    for (tag, text) in [("en", &en), ("vi", &vi)] {
        let bare_id = text.contains('-')
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        assert!(
            !bare_id && !text.is_empty(),
            "{tag}: no message for {display}"
        );
        assert!(
            !text.contains("{$"),
            "{tag}: an argument is missing: {text}"
        );
    }
    assert_ne!(en, vi, "the Vietnamese is the English: {display}");
    assert!(
        !vi.contains(display),
        "the Vietnamese holds the English: {vi}"
    );
}

/// Like [`assert_localized`], and the English is exactly `Display`.
fn assert_english_is_display(display: &str, message: impl Fn(&Localizer) -> String) {
    assert_eq!(message(&Localizer::new(UiLocale::EnUs)), display);
    assert_localized(display, message);
}

#[test]
fn every_config_error_is_localized() {
    let english_as_display = [
        ConfigError::Syntax {
            path: path(),
            line: 3,
            column: 7,
            problem: TomlProblem::KeyWithoutValue,
        },
        ConfigError::InvalidUtf8 {
            path: path(),
            offset: 1234,
            line: 2,
            column: 1,
        },
        ConfigError::Language {
            path: path(),
            value: "fr".into(),
            role: "source",
            expected: "en",
        },
        ConfigError::Language {
            path: path(),
            value: "fr".into(),
            role: "target",
            expected: "vi",
        },
        ConfigError::Option {
            option: "--source-lang",
            value: "fr".into(),
            expected: OptionExpected::EnglishTag,
        },
        ConfigError::Option {
            option: "--target-lang",
            value: "fr".into(),
            expected: OptionExpected::VietnameseTag,
        },
        ConfigError::Option {
            option: "--kind",
            value: "loud".into(),
            expected: OptionExpected::KindSetting,
        },
        ConfigError::EmptyDoc {
            path: path(),
            line: 4,
            column: 1,
        },
        ConfigError::UnknownKind {
            path: path(),
            kind: "spelling".into(),
        },
        ConfigError::UnknownSetting {
            path: path(),
            key: "length".into(),
            value: "loud".into(),
        },
    ];
    for error in &english_as_display {
        assert_english_is_display(&error.to_string(), |l10n| config_error(l10n, error));
    }
    for error in [
        ConfigError::Io {
            path: path(),
            source: os_error(),
        },
        ConfigError::TooLarge {
            path: path(),
            limit: 1 << 20,
        },
    ] {
        assert_localized(&error.to_string(), |l10n| config_error(l10n, &error));
    }
}

#[test]
fn every_toml_problem_is_worded_in_both_languages() {
    let types = [
        TomlType::String,
        TomlType::Integer,
        TomlType::Float,
        TomlType::Boolean,
        TomlType::Datetime,
        TomlType::Array,
        TomlType::Table,
    ];
    let mut problems = vec![
        TomlProblem::UnclosedArray,
        TomlProblem::UnclosedTable,
        TomlProblem::UnclosedArrayTable,
        TomlProblem::UnclosedInlineTable,
        TomlProblem::InvalidString,
        TomlProblem::KeyWithoutValue,
        TomlProblem::MissingValue,
        TomlProblem::UnquotedString,
        TomlProblem::InvalidKey,
        TomlProblem::DuplicateKey,
        TomlProblem::MissingComma,
        TomlProblem::ExtraCommaInArray,
        TomlProblem::ExtraCommaInInlineTable,
        TomlProblem::InvalidEscape,
        TomlProblem::LeadingZero,
        TomlProblem::TrailingContent,
        TomlProblem::UnknownKey {
            key: "sourse".into(),
            allowed: vec!["source".into(), "target".into()],
        },
        TomlProblem::UnknownKey {
            key: "x".into(),
            allowed: vec![],
        },
        TomlProblem::MissingKey { key: "doc".into() },
    ];
    for found in types {
        for expected in types {
            problems.push(TomlProblem::WrongType { found, expected });
        }
    }
    let vi = Localizer::new(UiLocale::Vi);
    let mut seen = std::collections::BTreeSet::new();
    for problem in problems {
        let error = ConfigError::Syntax {
            path: path(),
            line: 1,
            column: 2,
            problem: problem.clone(),
        };
        assert_english_is_display(&error.to_string(), |l10n| config_error(l10n, &error));
        // The English problem's own words do not reach the Vietnamese either.
        let text = config_error(&vi, &error);
        assert!(!text.contains(&problem.to_string()), "{text}");
        assert!(
            seen.insert(text.clone()),
            "two problems worded alike: {text}"
        );
    }
    // The parser's words for the rest stay, labelled as the parser's.
    let other = TomlProblem::Other {
        detail: "integers with a radix cannot be signed".into(),
    };
    let text = songngu::wording::errors::toml::toml_problem(&vi, &other);
    assert_eq!(
        text,
        "chi tiết từ bộ đọc TOML (tiếng Anh): integers with a radix cannot be signed"
    );
}

#[test]
fn every_accept_error_is_localized() {
    let syntax = AcceptError::Syntax {
        path: path(),
        line: 2,
        column: 5,
        problem: TomlProblem::InvalidKey,
    };
    assert_english_is_display(&syntax.to_string(), |l10n| accept_error(l10n, &syntax));
    for error in [
        AcceptError::Read {
            path: path(),
            source: os_error(),
        },
        AcceptError::Persist(PersistError::ChangedOnDisk { path: path() }),
        AcceptError::Input(InputError::TooLarge {
            path: path(),
            kind: InputKind::Accepted,
            limit: 1 << 20,
        }),
    ] {
        assert_localized(&error.to_string(), |l10n| accept_error(l10n, &error));
    }
}

#[test]
fn every_persist_journal_and_memory_error_is_localized() {
    let persist = || {
        [
            PersistError::Io {
                path: path(),
                source: os_error(),
            },
            PersistError::Locked {
                path: path(),
                holder: Some("pid 12".into()),
            },
            PersistError::Locked {
                path: path(),
                holder: None,
            },
            PersistError::ChangedOnDisk { path: path() },
            PersistError::VerifyFailed {
                path: path(),
                reason: "tu #3 is missing".into(),
            },
            PersistError::Fs(FsError::ReadOnly { path: path() }),
        ]
    };
    for error in persist() {
        assert_localized(&error.to_string(), |l10n| persist_message(l10n, &error));
    }
    let damages = [
        JournalDamage::NotAJournal,
        JournalDamage::ShortHeader,
        JournalDamage::NoHeader,
        JournalDamage::BadKey,
        JournalDamage::ShortRecord,
        JournalDamage::UnknownRecord,
        JournalDamage::MissingTu,
        JournalDamage::ChangedTwice,
    ];
    for reason in damages {
        let error = JournalError::Damaged {
            path: path(),
            reason,
        };
        let en = journal_message(&Localizer::new(UiLocale::EnUs), &error);
        assert!(en.contains(&reason.to_string()), "{en}");
        assert_localized(&reason.to_string(), |l10n| journal_message(l10n, &error));
    }
    let journal = || {
        [
            JournalError::Mismatch {
                journal: path(),
                tmx: path(),
            },
            JournalError::Io {
                path: path(),
                source: os_error(),
            },
        ]
    };
    for error in journal() {
        assert_localized(&error.to_string(), |l10n| journal_message(l10n, &error));
    }
    for error in [
        MemoryError::UnknownFile { path: path() },
        MemoryError::UnknownEntry { id: 12 },
        MemoryError::Preview,
    ] {
        assert_english_is_display(&error.to_string(), |l10n| memory_message(l10n, &error));
    }
    let mut others: Vec<MemoryError> = vec![
        MemoryError::Tmx(tmx_error_at(tmx::ErrorKind::NoRoot)),
        MemoryError::Io {
            path: path(),
            source: os_error(),
        },
        MemoryError::DamagedTus {
            path: path(),
            count: 2,
            problems: Vec::new(),
        },
        MemoryError::Unwritable {
            path: path(),
            tus: "3, 4".into(),
        },
    ];
    others.extend(persist().into_iter().map(MemoryError::Persist));
    others.extend(journal().into_iter().map(MemoryError::Journal));
    for error in &others {
        assert_localized(&error.to_string(), |l10n| memory_message(l10n, error));
    }
}

fn tmx_error_at(kind: tmx::ErrorKind) -> tmx::TmxError {
    tmx::TmxError {
        path: path(),
        line: 3,
        column: 9,
        offset: None,
        kind,
    }
}

#[test]
fn every_tmx_error_kind_is_localized() {
    use tmx::ErrorKind as K;
    let detail = || String::from("expected `>`");
    let kinds = [
        K::Empty,
        K::OnlyBom,
        K::Utf32,
        K::Gzip,
        K::Zip,
        K::UnsupportedEncoding("ebcdic".into()),
        K::InvalidUtf8 { byte: 1234 },
        K::InvalidData {
            encoding: "UTF-16LE",
            byte: 1234,
        },
        K::TruncatedData {
            encoding: "UTF-16BE",
        },
        K::MisplacedDeclaration,
        K::BadDeclaration(detail()),
        K::NoRoot,
        K::NotTmx("html".into()),
        K::TextBeforeRoot,
        K::AfterRoot(detail()),
        K::MisplacedDoctype,
        K::DoctypeCase,
        K::EntityDeclaration,
        K::ParameterEntity("%x;".into()),
        K::UndefinedEntity("nbsp".into()),
        K::InvalidCharRef("#xZZ".into()),
        K::ForbiddenChar(CodePoint(1)),
        K::ForbiddenCharRef("#1".into(), CodePoint(1)),
        K::CdataEndInText,
        K::LtInAttribute,
        K::DuplicateAttribute("lang".into()),
        K::AttributeSyntax(detail()),
        K::InvalidName("1tu".into()),
        K::UnclosedAtEof("body, tmx".into()),
        K::Limit {
            limit: "max_tus",
            max: 10,
            what: "too many `<tu>` elements",
        },
        K::NotATu(detail()),
        K::DamagedTu(detail()),
    ];
    for kind in &kinds {
        assert_english_is_display(&kind.to_string(), |l10n| kind_message(l10n, kind));
    }
    // The parser's own words are all the English has; the Vietnamese frames them.
    let syntax = K::Syntax(detail());
    let vi = kind_message(&Localizer::new(UiLocale::Vi), &syntax);
    assert!(vi.contains(&detail()) && vi != detail(), "{vi}");
    let io = K::Io(os_error());
    assert_localized(&io.to_string(), |l10n| kind_message(l10n, &io));
    // Every limit the reader has is worded in Vietnamese, not with the English `what`.
    for limit in [
        "max_depth",
        "max_text_len",
        "max_header_items",
        "max_tus",
        "max_tuvs",
        "max_inline",
        "max_attr_len",
        "max_attrs",
        "max_file_bytes",
        "max_element_bytes",
    ] {
        let kind = K::Limit {
            limit,
            max: 10,
            what: "an English description",
        };
        let vi = kind_message(&Localizer::new(UiLocale::Vi), &kind);
        assert!(!vi.contains("English"), "{limit}: {vi}");
    }
    let error = tmx_error_at(K::NoRoot);
    assert_localized(&error.to_string(), |l10n| {
        songngu::wording::errors::tmx::tmx_message(l10n, &error)
    });
}

#[test]
fn every_tmx_write_error_is_localized() {
    use tmx::{Invalid, WriteError};
    let reasons = || {
        [
            Invalid::ForbiddenChar {
                ch: CodePoint(1),
                place: "`<seg>`".into(),
            },
            Invalid::BadName("1x".into()),
            Invalid::DuplicateAttribute("lang".into(), "tuv".into()),
            Invalid::VersionAttribute,
            Invalid::BadDoctype("x\"".into()),
            Invalid::BadVersion("1\"".into()),
            Invalid::TooDeep(64),
            Invalid::NoTuv,
            Invalid::NoLang,
        ]
    };
    let mut errors = Vec::new();
    for reason in reasons() {
        errors.push(WriteError::InvalidTu {
            index: 2,
            tuid: None,
            reason: reason.clone(),
        });
        errors.push(WriteError::InvalidTu {
            index: 2,
            tuid: Some("t3".into()),
            reason,
        });
    }
    errors.extend(reasons().into_iter().map(WriteError::InvalidHeader));
    errors.extend(reasons().into_iter().map(WriteError::InvalidRoot));
    for error in &errors {
        assert_english_is_display(&error.to_string(), |l10n| write_message(l10n, error));
    }
    let io = WriteError::Io(os_error());
    assert_localized(&io.to_string(), |l10n| write_message(l10n, &io));
}

#[test]
fn every_xliff_error_is_localized() {
    use xliff::ErrorKind as K;
    let kinds = [
        K::Encoding {
            encoding: "UTF-8",
            byte: 12,
        },
        K::Malformed("unexpected end".into()),
        K::NotXliff("html".into()),
        K::UnsupportedVersion(Some("3.0".into())),
        K::UnsupportedVersion(None),
        K::VersionMismatch {
            version: "1.2".into(),
            namespace: "urn:oasis:names:tc:xliff:document:2.0".into(),
        },
        K::MissingAttribute {
            element: "unit",
            attribute: "id",
        },
        K::DuplicateUnitId {
            id: "u1".into(),
            first_line: 4,
        },
        K::UnitOutsideFile("unit"),
        K::NoFile,
        K::BadCodePoint("ZZ".into()),
    ];
    for kind in kinds {
        let error = XliffError {
            path: path(),
            line: 5,
            column: 3,
            kind,
        };
        assert_english_is_display(&error.to_string(), |l10n| xliff_error(l10n, &error));
    }
}

fn xliff_write_errors() -> Vec<xliff::WriteError> {
    use xliff::{Invalid, WriteError};
    let fields = [
        TextField::DocumentId,
        TextField::UnitName,
        TextField::English,
        TextField::Vietnamese,
        TextField::OldEnglish,
        TextField::Note,
    ];
    let forbidden = fields.map(|field| Invalid::ForbiddenChar {
        ch: CodePoint(1),
        field,
    });
    let reasons = forbidden.into_iter().chain([
        Invalid::BadId("a b".into()),
        Invalid::DuplicateId(0),
        Invalid::BadLang {
            field: "source_lang",
            value: "e n".into(),
        },
        Invalid::ScoreOutOfRange(120),
        Invalid::ScoreWithoutTarget,
        Invalid::StateWithoutTarget(State::Translated),
        Invalid::EmptyTarget,
        Invalid::NoUnits,
    ]);
    let mut errors = Vec::new();
    for reason in reasons {
        errors.push(WriteError::Doc {
            version: Version::V2_0,
            reason: reason.clone(),
        });
        errors.push(WriteError::Unit {
            version: Version::V1_2,
            index: 1,
            id: "u2".into(),
            reason,
        });
    }
    errors
}

#[test]
fn every_xliff_write_error_is_localized() {
    for error in xliff_write_errors() {
        let display = error.to_string();
        let wrapped = io::Error::new(io::ErrorKind::InvalidInput, error);
        assert_english_is_display(&display, |l10n| xliff_write_failure(l10n, &wrapped));
    }
    let io = os_error();
    assert_localized(&io.to_string(), |l10n| xliff_write_failure(l10n, &io));
}

#[test]
fn every_export_error_is_localized() {
    let manifest = serde_json::from_str::<u8>("x").unwrap_err();
    let mut framed: Vec<ExportError> = [
        UnitProblem::NoSuchBlock,
        UnitProblem::OutsideItsBlock,
        UnitProblem::OutOfOrder,
        UnitProblem::TextDiffers,
    ]
    .into_iter()
    .map(|problem| ExportError::InvalidUnit {
        path: path(),
        index: 0,
        unit: "p1.s1".into(),
        problem,
    })
    .collect();
    framed.extend([
        ExportError::Drift {
            doc: "news/a".into(),
            stale: 1,
            missing: 2,
            findings: 1234,
        },
        ExportError::Tmx(tmx::WriteError::InvalidHeader(tmx::Invalid::NoLang)),
        ExportError::Manifest(manifest),
        ExportError::BadFileName {
            name: "manifest.json".into(),
        },
        ExportError::DuplicateFile {
            name: "a.html".into(),
        },
        ExportError::NotARelease { path: path() },
    ]);
    for error in &framed {
        let display = format!("cannot export: {error}");
        assert_english_is_display(&display, |l10n| export_error(l10n, error));
    }
    for error in [
        ExportError::Write {
            format: "html",
            source: os_error(),
        },
        ExportError::Io {
            path: path(),
            source: os_error(),
        },
        ExportError::Save(PersistError::Locked {
            path: path(),
            holder: Some("pid 1".into()),
        }),
        ExportError::Save(PersistError::Io {
            path: path(),
            source: os_error(),
        }),
        ExportError::Save(PersistError::Fs(FsError::FolderToStdout)),
    ] {
        assert_localized(&error.to_string(), |l10n| export_error(l10n, &error));
    }
    // The release's work file refused by the XLIFF writer: the writer's reason.
    for error in xliff_write_errors() {
        let display = format!("cannot export: {error}");
        let wrapped = ExportError::Write {
            format: "xliff",
            source: io::Error::new(io::ErrorKind::InvalidInput, error),
        };
        assert_english_is_display(&display, |l10n| export_error(l10n, &wrapped));
    }
}

#[test]
fn every_input_document_srx_and_fs_error_is_localized() {
    let inputs = [
        InputError::Io {
            path: path(),
            source: os_error(),
        },
        InputError::Io {
            path: PathBuf::from("-"),
            source: os_error(),
        },
        InputError::TooLarge {
            path: path(),
            kind: InputKind::Glossary,
            limit: 1 << 20,
        },
        InputError::InvalidUtf8 {
            path: path(),
            offset: 10,
            line: 1,
            column: 11,
        },
    ];
    for error in &inputs {
        assert_localized(&error.to_string(), |l10n| input_error(l10n, error));
    }
    let documents = [
        DocumentError::NotFound { path: path() },
        DocumentError::IsDirectory { path: path() },
        DocumentError::Io {
            path: path(),
            source: os_error(),
        },
        DocumentError::InvalidUtf8 {
            path: path(),
            offset: 10,
            line: 1,
            column: 11,
        },
        DocumentError::InvalidUtf16 {
            path: path(),
            offset: 10,
        },
        DocumentError::Binary {
            path: path(),
            offset: 10,
        },
        DocumentError::TooLarge {
            path: path(),
            limit: 1 << 20,
        },
    ];
    for error in &documents {
        assert_localized(&error.to_string(), |l10n| document_error(l10n, error));
    }
    let srx = [
        SrxError::Io {
            path: path(),
            source: os_error(),
        },
        SrxError::Malformed {
            path: path(),
            line: 1,
            column: 2,
            message: "unexpected end".into(),
        },
        SrxError::NoRulesForLanguage {
            path: path(),
            lang: "vi".into(),
        },
        SrxError::TooLarge {
            path: path(),
            limit: 1 << 20,
        },
    ];
    for error in &srx {
        assert_localized(&error.to_string(), |l10n| srx_error(l10n, error));
    }
    let fs = [
        FsError::Io {
            path: path(),
            source: os_error(),
        },
        FsError::SameAsInput {
            output: path(),
            input: path(),
            role: Role::Memory,
        },
        FsError::InputInsideFolder {
            output: path(),
            input: path(),
            role: Role::Article,
        },
        FsError::DanglingLink {
            path: path(),
            target: path(),
        },
        FsError::ReadOnly { path: path() },
        FsError::NotWritable { path: path() },
        FsError::FolderToStdout,
    ];
    for error in &fs {
        assert_localized(&error.to_string(), |l10n| fs_error(l10n, error));
    }
}

#[test]
fn every_merge_error_is_localized() {
    let error = MergeError::OutputHasJournal {
        output: PathBuf::from("tmx/news.tmx"),
        journal: PathBuf::from("tmx/news.tmx.journal"),
    };
    assert_english_is_display(&error.to_string(), |l10n| merge_error(l10n, &error));
}

/// A TMX file with most of the problems the reader reports (none fatal).
const DAMAGED_TMX: &str = r#"<?xml version="1.1" encoding="UTF-8"?>
<tmx version="9.9">
<header creationtool="t" segtype="word" srclang="en" adminlang="zz-!!" creationdate="yesterday">
<prop>no type</prop><foo/>
</header>
<body xmlns:x="urn:x" a="1">stray<seg>lost</seg>
<tu usagecount="many"><tuv xml:lang="en"><seg>A <bpt i="1">b</bpt> <ept i="2">c</ept> <it>d</it> <ph x="q">e</ph> <ph x="1">f</ph><ph x="1">g</ph> <sub>s</sub> <bpt>h</bpt><bpt i="3"><ph>z</ph></bpt><ept i="3">k</ept><ept i="3">m</ept></seg></tuv><tuv xml:lang="vi" lang="fr"><seg a="1" xmlns:y="urn:y">B<zz>q</zz></seg><note>late</note></tuv><tuv xml:lang="x_!!"><seg>C</seg></tuv></tu>
<tu><tuv xml:lang="vi"><seg>no source</seg></tuv></tu>
<tu></tu>
<tu><tuv><seg>x</seg></tuv></tu>
<tu><tuv xml:lang="en"></tuv></tu>
<tu><tuv xml:lang="en"><seg>a</seg><seg>b</seg></tuv></tu>
<tu>text<tuv xml:lang="en"><seg>a</seg></tuv></tu>
<tu><note><b/></note><tuv xml:lang="en"><seg>a</seg></tuv></tu>
<tu><tuv xml:lang="en"><seg>a<tuv/></seg></tuv></tu>
<tu><odd/><tuv xml:lang="en"><seg>a</seg></tuv></tu>
</body>
</tmx>
"#;

fn problem(code: &'static str, values: &[(&'static str, &str)]) -> tmx::Problem {
    tmx::Problem {
        severity: tmx::Severity::Warning,
        code,
        line: 1,
        column: 1,
        tu_index: None,
        tuid: None,
        message: code.to_owned(),
        values: values.iter().map(|(n, v)| (*n, (*v).to_owned())).collect(),
    }
}

/// The values that select a variant of a problem's message, each variant once.
fn variants(name: &str) -> &'static [&'static str] {
    match name {
        "place" => &["header", "tu"],
        "parent" => &["header", "seg", "tuv"],
        "evidence" => &["bom", "pattern", "eight-bit"],
        "root" => &["empty", "open"],
        "attribute" => &["none", "srclang"],
        _ => &["v1"],
    }
}

#[test]
fn every_tmx_problem_code_is_localized() {
    for (code, names) in tmx::PROBLEM_CODES {
        // Each variant of each selecting value, the other values fixed.
        let mut cases: Vec<Vec<(&'static str, &str)>> = vec![Vec::new()];
        for name in *names {
            cases = cases
                .into_iter()
                .flat_map(|case| {
                    variants(name).iter().map(move |v| {
                        let mut case = case.clone();
                        case.push((*name, *v));
                        case
                    })
                })
                .collect();
        }
        for case in cases {
            let problem = problem(code, &case);
            assert_localized(code, |l10n| memory::problem_message(l10n, &problem));
            let en = memory::problem_message(&Localizer::new(UiLocale::EnUs), &problem);
            let vi = memory::problem_message(&Localizer::new(UiLocale::Vi), &problem);
            for (name, value) in case.iter().filter(|(_, v)| *v == "v1") {
                assert!(
                    en.contains(value) && vi.contains(value),
                    "{code}: ${name} unused"
                );
            }
            for english in ["skipped", "kept", "without", " is not ", "ignored"] {
                assert!(!vi.contains(english), "{code}: English in {vi}");
            }
        }
    }
}

#[test]
fn tmx_problems_in_english_are_the_readers_own_words() {
    let (_, problems) = tmx::read_all_bytes("damaged.tmx", DAMAGED_TMX.as_bytes()).expect("reads");
    let en = Localizer::new(UiLocale::EnUs);
    let vi = Localizer::new(UiLocale::Vi);
    let mut codes: Vec<&str> = problems.iter().map(|p| p.code).collect();
    codes.sort_unstable();
    codes.dedup();
    for problem in &problems {
        assert_eq!(memory::problem_message(&en, problem), problem.message);
        assert_ne!(memory::problem_message(&vi, problem), problem.message);
    }
    let known: Vec<&str> = tmx::PROBLEM_CODES.iter().map(|(code, _)| *code).collect();
    for code in &codes {
        assert!(known.contains(code), "{code} is not in PROBLEM_CODES");
    }
    assert!(codes.len() >= 30, "only {codes:?}");
}

/// The memory a `tm` command could not find in the project: every case in both languages,
/// with the hint saying how this command takes a memory.
#[test]
fn every_missing_project_memory_names_how_the_command_takes_one() {
    let project = Some(PathBuf::from("songngu.toml"));
    let listed = vec![PathBuf::from("tmx/news.tmx")];
    let two = vec![PathBuf::from("tmx/a.tmx"), PathBuf::from("tmx/b.tmx")];
    let named = [
        (MemoryNamed::TmOption, "`--tm TM`"),
        (MemoryNamed::Export, "`songngu tm export TM -o OUT`"),
        (MemoryNamed::Compact, "`songngu tm compact TM`"),
        (MemoryNamed::Into, "`--into TM`"),
    ];
    for (named, how) in named {
        let errors = [
            FlowError::NoMemoryToRead {
                project: None,
                listed: Vec::new(),
            },
            FlowError::NoMemoryToRead {
                project: project.clone(),
                listed: Vec::new(),
            },
            FlowError::NoMemoryToRead {
                project: project.clone(),
                listed: listed.clone(),
            },
            FlowError::SeveralMemories {
                project: project.clone(),
                paths: two.clone(),
            },
        ];
        for error in errors {
            let display = error.to_string();
            let message = |l10n: &Localizer| match &error {
                FlowError::NoMemoryToRead { project, listed } => {
                    no_memory_to_read(l10n, project, listed, named)
                }
                FlowError::SeveralMemories { project, paths } => {
                    several_memories(l10n, project, paths, named)
                }
                _ => unreachable!(),
            };
            assert_localized(&display, message);
            for ui in [UiLocale::EnUs, UiLocale::Vi] {
                let text = message(&Localizer::new(ui));
                assert!(text.contains(how), "{ui:?}: {text}");
            }
        }
    }
}

/// `tm import` without a memory to write into: its own wording, not the read commands'
/// "no translation memory to read", with and without a project, in both languages.
#[test]
fn no_memory_to_write_into_is_worded_as_a_write() {
    for project in [None, Some(PathBuf::from("songngu.toml"))] {
        let error = FlowError::NoMemoryToWrite {
            project: project.clone(),
        };
        let display = error.to_string();
        let message = |l10n: &Localizer| no_memory_to_write(l10n, &project, MemoryNamed::Into);
        assert_localized(&display, message);
        let en = message(&Localizer::new(UiLocale::EnUs));
        let vi = message(&Localizer::new(UiLocale::Vi));
        assert!(
            en.starts_with("no translation memory to write into: "),
            "{en}"
        );
        assert!(
            vi.starts_with("chưa có bộ nhớ dịch nào để ghi vào: "),
            "{vi}"
        );
        for text in [&en, &vi] {
            assert!(text.contains("`--into TM`"), "{text}");
            assert_eq!(text.contains("songngu.toml"), project.is_some(), "{text}");
        }
        // Through the general mapping too (a flow error reaching `flow_error`).
        let en_flow = flow_error(&Localizer::new(UiLocale::EnUs), error).to_string();
        assert_eq!(en_flow, en);
    }
}

/// The OmegaT memory of `xliff export --omegat-tm`: to standard output, and of several
/// memory files given (not listed by a project).
#[test]
fn omegat_memory_refusals_are_worded_in_both_languages() {
    let error = FlowError::OmegatMemoryToStdout;
    let display = error.to_string();
    let message = |l10n: &Localizer| flow_error(l10n, FlowError::OmegatMemoryToStdout).to_string();
    assert_localized(&display, message);
    assert!(message(&Localizer::new(UiLocale::EnUs)).contains("`--omegat-tm -`"));
    let paths = vec![PathBuf::from("a.tmx"), PathBuf::from("b.tmx")];
    for ui in [UiLocale::EnUs, UiLocale::Vi] {
        let text = several_memories(&Localizer::new(ui), &None, &paths, MemoryNamed::TmOption);
        assert!(
            text.contains("a.tmx, b.tmx") && text.contains("`--tm TM`"),
            "{text}"
        );
        assert!(!text.contains("songngu.toml"), "{text}");
    }
}
