//! Errors of the TMX format: a file that cannot be read ([`TmxError`] and its
//! [`ErrorKind`]) and an output that cannot be written ([`WriteError`]).

use crate::i18n::Localizer;
use crate::tmx::{ErrorKind, Invalid, TmxError, WriteError};

use super::{io_reason, path_value, plain, read_error};

/// The message for a TMX file that cannot be read, with its place.
pub fn tmx_message(l10n: &Localizer, error: &TmxError) -> String {
    // A file that cannot be opened has no position to show.
    if let ErrorKind::Io(io) = &error.kind
        && error.line == 0
    {
        return read_error(l10n, &error.path, io);
    }
    l10n.text_with(
        "error-tmx",
        &[
            ("path", path_value(&error.path)),
            ("line", plain(error.line)),
            ("column", plain(error.column)),
            ("message", kind_message(l10n, &error.kind).into()),
        ],
    )
}

/// What is wrong with the file, without its place. A `String` in a kind is a detail of
/// the XML scanner, in English: it goes into the sentence as `detail`.
pub fn kind_message(l10n: &Localizer, kind: &ErrorKind) -> String {
    let text = |id: &str| l10n.text(id);
    let detail =
        |id: &str, detail: &String| l10n.text_with(id, &[("detail", detail.clone().into())]);
    match kind {
        ErrorKind::Io(error) => {
            l10n.text_with("tmx-error-io", &[("reason", io_reason(l10n, error).into())])
        }
        ErrorKind::Empty => text("tmx-error-empty"),
        ErrorKind::OnlyBom => text("tmx-error-only-bom"),
        ErrorKind::Utf32 => text("tmx-error-utf32"),
        ErrorKind::Gzip => text("tmx-error-gzip"),
        ErrorKind::Zip => text("tmx-error-zip"),
        ErrorKind::UnsupportedEncoding(encoding) => l10n.text_with(
            "tmx-error-unsupported-encoding",
            &[("encoding", encoding.clone().into())],
        ),
        ErrorKind::InvalidUtf8 { byte } => {
            l10n.text_with("tmx-error-invalid-utf8", &[("byte", plain(byte))])
        }
        ErrorKind::InvalidData { encoding, byte } => l10n.text_with(
            "tmx-error-invalid-data",
            &[("encoding", (*encoding).into()), ("byte", plain(byte))],
        ),
        ErrorKind::TruncatedData { encoding } => l10n.text_with(
            "tmx-error-truncated-data",
            &[("encoding", (*encoding).into())],
        ),
        ErrorKind::Syntax(_)
        | ErrorKind::MisplacedDeclaration
        | ErrorKind::BadDeclaration(_)
        | ErrorKind::NoRoot
        | ErrorKind::NotTmx(_)
        | ErrorKind::TextBeforeRoot
        | ErrorKind::AfterRoot(_)
        | ErrorKind::MisplacedDoctype
        | ErrorKind::DoctypeCase
        | ErrorKind::EntityDeclaration
        | ErrorKind::ParameterEntity(_)
        | ErrorKind::UndefinedEntity(_)
        | ErrorKind::InvalidCharRef(_)
        | ErrorKind::ForbiddenChar(_)
        | ErrorKind::ForbiddenCharRef(_, _)
        | ErrorKind::CdataEndInText
        | ErrorKind::LtInAttribute
        | ErrorKind::DuplicateAttribute(_)
        | ErrorKind::AttributeSyntax(_)
        | ErrorKind::InvalidName(_)
        | ErrorKind::UnclosedAtEof(_) => xml_message(l10n, kind),
        ErrorKind::Limit { limit, max, what } => limit_message(l10n, limit, *max, what),
        ErrorKind::NotATu(message) => detail("tmx-error-not-a-tu", message),
        ErrorKind::DamagedTu(message) => detail("tmx-error-damaged-tu", message),
    }
}

/// A limit of the reader exceeded. The Vietnamese selects its description by the
/// limit's name; `what` is the reader's English description, used by the English message.
fn limit_message(l10n: &Localizer, limit: &str, max: u64, what: &str) -> String {
    l10n.text_with(
        "tmx-error-limit",
        &[
            ("limit", limit.to_owned().into()),
            ("max", plain(max)),
            ("what", what.to_owned().into()),
        ],
    )
}

/// What is wrong with the XML of the file (not well-formed, or not a TMX document).
fn xml_message(l10n: &Localizer, kind: &ErrorKind) -> String {
    let text = |id: &str| l10n.text(id);
    let detail =
        |id: &str, detail: &String| l10n.text_with(id, &[("detail", detail.clone().into())]);
    match kind {
        ErrorKind::Syntax(message) => detail("tmx-error-syntax", message),
        ErrorKind::MisplacedDeclaration => text("tmx-error-misplaced-declaration"),
        ErrorKind::BadDeclaration(message) => detail("tmx-error-bad-declaration", message),
        ErrorKind::NoRoot => text("tmx-error-no-root"),
        ErrorKind::NotTmx(root) => {
            l10n.text_with("tmx-error-not-tmx", &[("root", root.clone().into())])
        }
        ErrorKind::TextBeforeRoot => text("tmx-error-text-before-root"),
        ErrorKind::AfterRoot(what) => detail("tmx-error-after-root", what),
        ErrorKind::MisplacedDoctype => text("tmx-error-misplaced-doctype"),
        ErrorKind::DoctypeCase => text("tmx-error-doctype-case"),
        ErrorKind::EntityDeclaration => text("tmx-error-entity-declaration"),
        ErrorKind::ParameterEntity(reference) => l10n.text_with(
            "tmx-error-parameter-entity",
            &[("reference", reference.clone().into())],
        ),
        ErrorKind::UndefinedEntity(name) => l10n.text_with(
            "tmx-error-undefined-entity",
            &[("name", name.clone().into())],
        ),
        ErrorKind::InvalidCharRef(reference) => l10n.text_with(
            "tmx-error-invalid-char-ref",
            &[("reference", reference.clone().into())],
        ),
        ErrorKind::ForbiddenChar(ch) => {
            l10n.text_with("tmx-error-forbidden-char", &[("char", plain(ch))])
        }
        ErrorKind::ForbiddenCharRef(reference, ch) => l10n.text_with(
            "tmx-error-forbidden-char-ref",
            &[("reference", reference.clone().into()), ("char", plain(ch))],
        ),
        ErrorKind::CdataEndInText => text("tmx-error-cdata-end-in-text"),
        ErrorKind::LtInAttribute => text("tmx-error-lt-in-attribute"),
        ErrorKind::DuplicateAttribute(name) => l10n.text_with(
            "tmx-error-duplicate-attribute",
            &[("name", name.clone().into())],
        ),
        ErrorKind::AttributeSyntax(message) => detail("tmx-error-attribute-syntax", message),
        ErrorKind::InvalidName(name) => {
            l10n.text_with("tmx-error-invalid-name", &[("name", name.clone().into())])
        }
        ErrorKind::UnclosedAtEof(elements) => l10n.text_with(
            "tmx-error-unclosed-at-eof",
            &[("elements", elements.clone().into())],
        ),
        // The other kinds are not about the XML; `kind_message` words them.
        _ => kind_message(l10n, kind),
    }
}

/// The message for a TMX output that cannot be written.
pub fn write_message(l10n: &Localizer, error: &WriteError) -> String {
    match error {
        WriteError::Io(error) => {
            l10n.text_with("tmx-write-io", &[("reason", io_reason(l10n, error).into())])
        }
        WriteError::InvalidTu {
            index,
            tuid: None,
            reason,
        } => l10n.text_with(
            "tmx-write-tu",
            &[
                ("number", plain(index + 1)),
                ("reason", invalid(l10n, reason).into()),
            ],
        ),
        WriteError::InvalidTu {
            index,
            tuid: Some(tuid),
            reason,
        } => l10n.text_with(
            "tmx-write-tu-with-id",
            &[
                ("number", plain(index + 1)),
                ("tuid", tuid.clone().into()),
                ("reason", invalid(l10n, reason).into()),
            ],
        ),
        WriteError::InvalidHeader(reason) => l10n.text_with(
            "tmx-write-header",
            &[("reason", invalid(l10n, reason).into())],
        ),
        WriteError::InvalidRoot(reason) => l10n.text_with(
            "tmx-write-root",
            &[("reason", invalid(l10n, reason).into())],
        ),
    }
}

fn invalid(l10n: &Localizer, reason: &Invalid) -> String {
    match reason {
        Invalid::ForbiddenChar { ch, place } => l10n.text_with(
            "tmx-invalid-forbidden-char",
            &[("char", plain(ch)), ("place", place.clone().into())],
        ),
        Invalid::BadName(name) => {
            l10n.text_with("tmx-invalid-bad-name", &[("name", name.clone().into())])
        }
        Invalid::DuplicateAttribute(name, element) => l10n.text_with(
            "tmx-invalid-duplicate-attribute",
            &[
                ("name", name.clone().into()),
                ("element", element.clone().into()),
            ],
        ),
        Invalid::VersionAttribute => l10n.text("tmx-invalid-version-attribute"),
        Invalid::BadDoctype(doctype) => l10n.text_with(
            "tmx-invalid-bad-doctype",
            &[("doctype", doctype.clone().into())],
        ),
        Invalid::BadVersion(version) => l10n.text_with(
            "tmx-invalid-bad-version",
            &[("version", version.clone().into())],
        ),
        Invalid::TooDeep(depth) => {
            l10n.text_with("tmx-invalid-too-deep", &[("depth", plain(depth))])
        }
        Invalid::NoTuv => l10n.text("tmx-invalid-no-tuv"),
        Invalid::NoLang => l10n.text("tmx-invalid-no-lang"),
    }
}
