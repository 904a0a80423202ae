//! Loading SRX 2.0 rule files (as written by OmegaT, Okapi, LanguageTool).
//!
//! SRX patterns are Java (ICU) regular expressions; the engine runs Rust `regex` syntax on
//! automata. What translates without changing the meaning is translated: `\Q...\E`, `\h`,
//! the `\p{javaLowerCase}` family, a look-behind that opens a `beforebreak` or a
//! look-ahead that closes an `afterbreak` (they only widen the text the pattern reads), and
//! a leading `\b` of a `beforebreak`. Every other rule that does not compile (other
//! look-arounds, back-references, possessive quantifiers...) is reported by name and
//! position, and not applied.

use std::path::{Path, PathBuf};

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;
use regex_automata::meta::Regex;

use super::Segmenter;
use super::engine::Rule;
use crate::input_limit::{self, InputError, InputKind};
use crate::text::Lang;
use crate::text::position::line_column;

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
    /// The file is larger than `limit` bytes, [`InputKind::Srx`]'s limit (16 MiB, far
    /// above the largest public rule sets).
    #[error(
        "`{}` is larger than the limit of {} for an SRX file",
        .path.display(),
        input_limit::limit_text(*.limit)
    )]
    TooLarge { path: PathBuf, limit: u64 },
}

/// Reads an SRX 2.0 file and compiles the rules that apply to `lang`.
pub fn load(path: &Path, lang: Lang) -> Result<LoadedSrx, SrxError> {
    let bytes = input_limit::read(path, InputKind::Srx, InputKind::Srx.default_limit()).map_err(
        |error| match error {
            InputError::TooLarge { path, limit, .. } => SrxError::TooLarge { path, limit },
            // `read` does not decode; `parse` reports invalid UTF-8 with its position.
            InputError::Io { path, source } => SrxError::Io { path, source },
            InputError::InvalidUtf8 {
                path,
                offset,
                line,
                column,
            } => SrxError::Malformed {
                path,
                line,
                column,
                message: format!("invalid UTF-8 at byte {offset}"),
            },
        },
    )?;
    parse(path, &bytes, lang)
}

/// Parses SRX from bytes; `path` only names the source in messages.
pub fn parse(path: &Path, bytes: &[u8], lang: Lang) -> Result<LoadedSrx, SrxError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        SrxError::Malformed {
            path: path.to_owned(),
            line,
            column,
            message: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
        }
    })?;
    let file = read_srx(path, text)?;
    let selected = select_rules(&file, lang.code());
    if selected.is_empty() {
        return Err(SrxError::NoRulesForLanguage {
            path: path.to_owned(),
            lang: lang.code().to_owned(),
        });
    }

    let mut rules = Vec::with_capacity(selected.len());
    for rule in &selected {
        rules.push(Rule {
            name: rule.name.clone(),
            breaks: rule.breaks,
            before: translate_before(&rule.before),
            after: translate_after(&rule.after),
        });
    }
    let (segmenter, errors) = Segmenter::from_rules(&rules);
    let problems = errors
        .into_iter()
        .map(|error| match selected.get(error.rule) {
            Some(rule) => SrxProblem {
                rule: rule.name.clone(),
                line: rule.line,
                column: rule.column,
                message: error.message,
            },
            None => SrxProblem {
                rule: String::from("*"),
                line: 1,
                column: 1,
                message: error.message,
            },
        })
        .collect();
    Ok(LoadedSrx {
        segmenter,
        problems,
    })
}

/// A rule as written in the file.
#[derive(Debug, Clone)]
struct SrxRule {
    name: String,
    breaks: bool,
    before: String,
    after: String,
    line: usize,
    column: usize,
}

#[derive(Debug, Default)]
struct SrxFile {
    cascade: bool,
    /// Language rules by name, in file order.
    language_rules: Vec<(String, Vec<SrxRule>)>,
    /// `(languagepattern, languagerulename)` in file order.
    maps: Vec<(String, String)>,
}

fn read_srx(path: &Path, text: &str) -> Result<SrxFile, SrxError> {
    let malformed = |offset: usize, message: String| {
        let (line, column) = line_column(text.as_bytes(), offset);
        SrxError::Malformed {
            path: path.to_owned(),
            line,
            column,
            message,
        }
    };
    let mut reader = Reader::from_str(text);
    let mut file = SrxFile::default();
    let mut saw_root = false;
    let mut current_rule: Option<SrxRule> = None;
    let mut in_pattern: Option<&'static str> = None;
    let mut depth = 0usize;
    loop {
        let event_start = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            malformed(
                reader.error_position() as usize,
                format!("malformed XML: {e}"),
            )
        })?;
        match event {
            Event::Start(ref element) | Event::Empty(ref element) => {
                let is_empty = matches!(event, Event::Empty(_));
                let name = local_name(element);
                if depth == 0 {
                    if name != "srx" {
                        return Err(malformed(
                            event_start,
                            format!("the root element is `{name}`, not `srx`"),
                        ));
                    }
                    saw_root = true;
                }
                if !is_empty {
                    depth += 1;
                }
                let attribute = |key: &str| attribute(element, key);
                match name.as_str() {
                    "header" => {
                        file.cascade =
                            attribute("cascade").is_some_and(|v| v.eq_ignore_ascii_case("yes"))
                    }
                    "languagerule" => {
                        let rule_name = attribute("languagerulename").ok_or_else(|| {
                            malformed(
                                event_start,
                                String::from("`languagerule` without `languagerulename`"),
                            )
                        })?;
                        file.language_rules.push((rule_name, Vec::new()));
                    }
                    "rule" => {
                        let Some((language_rule, rules)) = file.language_rules.last() else {
                            return Err(malformed(
                                event_start,
                                String::from("`rule` outside a `languagerule`"),
                            ));
                        };
                        let (line, column) = line_column(text.as_bytes(), event_start);
                        let rule = SrxRule {
                            name: format!("{language_rule}#{}", rules.len() + 1),
                            // SRX: `break` defaults to "yes".
                            breaks: !attribute("break")
                                .is_some_and(|v| v.eq_ignore_ascii_case("no")),
                            before: String::new(),
                            after: String::new(),
                            line,
                            column,
                        };
                        if is_empty {
                            push_rule(&mut file, rule);
                        } else {
                            current_rule = Some(rule);
                        }
                    }
                    "beforebreak" if !is_empty => in_pattern = Some("before"),
                    "afterbreak" if !is_empty => in_pattern = Some("after"),
                    "languagemap" => {
                        let pattern = attribute("languagepattern").ok_or_else(|| {
                            malformed(
                                event_start,
                                String::from("`languagemap` without `languagepattern`"),
                            )
                        })?;
                        let rule_name = attribute("languagerulename").ok_or_else(|| {
                            malformed(
                                event_start,
                                String::from("`languagemap` without `languagerulename`"),
                            )
                        })?;
                        file.maps.push((pattern, rule_name));
                    }
                    _ => {}
                }
            }
            Event::End(ref element) => {
                depth = depth.saturating_sub(1);
                match local_name_end(element.name().as_ref()).as_str() {
                    "rule" => {
                        if let Some(rule) = current_rule.take() {
                            push_rule(&mut file, rule);
                        }
                    }
                    "beforebreak" | "afterbreak" => in_pattern = None,
                    _ => {}
                }
            }
            Event::Text(ref content) => {
                if let (Some(which), Some(rule)) = (in_pattern, current_rule.as_mut()) {
                    append_pattern(rule, which, &content.xml10_content());
                }
            }
            Event::GeneralRef(ref reference) => {
                if let (Some(which), Some(rule)) = (in_pattern, current_rule.as_mut()) {
                    let name = reference.clone().into_inner().into_owned();
                    let resolved = resolve_reference(&name).ok_or_else(|| {
                        malformed(event_start, format!("unknown entity `&{name};`"))
                    })?;
                    append_pattern(rule, which, &resolved);
                }
            }
            Event::CData(ref content) => {
                if let (Some(which), Some(rule)) = (in_pattern, current_rule.as_mut()) {
                    append_pattern(rule, which, &content.clone().into_inner());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(malformed(0, String::from("no `srx` element")));
    }
    if depth != 0 {
        return Err(malformed(
            text.len(),
            String::from("unexpected end of file: an element is not closed"),
        ));
    }
    for (_, rule_name) in &file.maps {
        if !file
            .language_rules
            .iter()
            .any(|(name, _)| name == rule_name)
        {
            return Err(malformed(
                0,
                format!("`languagemap` names `{rule_name}`, which has no `languagerule`"),
            ));
        }
    }
    Ok(file)
}

fn push_rule(file: &mut SrxFile, rule: SrxRule) {
    if let Some((_, rules)) = file.language_rules.last_mut() {
        rules.push(rule);
    }
}

fn append_pattern(rule: &mut SrxRule, which: &str, text: &str) {
    if which == "before" {
        rule.before.push_str(text);
    } else {
        rule.after.push_str(text);
    }
}

fn resolve_reference(name: &str) -> Option<String> {
    let named = match name {
        "lt" => Some('<'),
        "gt" => Some('>'),
        "amp" => Some('&'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => None,
    };
    if let Some(c) = named {
        return Some(c.to_string());
    }
    let number = name.strip_prefix('#')?;
    let code = match number
        .strip_prefix('x')
        .or_else(|| number.strip_prefix('X'))
    {
        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
        None => number.parse().ok()?,
    };
    char::from_u32(code).map(|c| c.to_string())
}

fn local_name(element: &BytesStart<'_>) -> String {
    local_name_end(element.name().as_ref())
}

fn local_name_end(qualified: &str) -> String {
    qualified.rsplit(':').next().unwrap_or(qualified).to_owned()
}

fn attribute(element: &BytesStart<'_>, key: &str) -> Option<String> {
    element.attributes().flatten().find_map(|a| {
        (local_name_end(a.key.as_ref()) == key).then(|| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_default()
        })
    })
}

/// The rules that apply to `lang` in order: with `cascade="yes"` those of every matching
/// map, otherwise those of the first one.
fn select_rules(file: &SrxFile, lang: &str) -> Vec<SrxRule> {
    let mut selected = Vec::new();
    for (pattern, rule_name) in &file.maps {
        // Language patterns are matched against the whole code, ignoring case (`EN.*`).
        let matches = Regex::new(&format!("(?i)^(?:{pattern})$")).is_ok_and(|re| re.is_match(lang));
        if !matches {
            continue;
        }
        if let Some((_, rules)) = file
            .language_rules
            .iter()
            .find(|(name, _)| name == rule_name)
        {
            selected.extend(rules.iter().cloned());
        }
        if !file.cascade {
            break;
        }
    }
    selected
}

/// Java `beforebreak` → Rust: a look-behind that opens the pattern can be consumed, since
/// only where the match ends matters; so can a leading `\b` before a word.
fn translate_before(pattern: &str) -> String {
    let mut pattern = translate_common(pattern);
    if let Some(inner) = leading_group(&pattern, "(?<=") {
        pattern = format!("(?:{}){}", inner.0, &pattern[inner.1..]);
    }
    if let Some(rest) = pattern.strip_prefix(r"\b") {
        pattern = format!(r"(?:^|\W){rest}");
    }
    pattern
}

/// Java `afterbreak` → Rust: a look-ahead that closes the pattern can be consumed, since
/// only where the match starts matters.
fn translate_after(pattern: &str) -> String {
    let pattern = translate_common(pattern);
    if let Some(start) = trailing_lookahead(&pattern) {
        let inner = &pattern[start + 3..pattern.len() - 1];
        return format!("{}(?:{inner})", &pattern[..start]);
    }
    pattern
}

/// Syntax that means the same in both dialects once spelled the Rust way.
fn translate_common(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, next)) = chars.next() else {
            out.push('\\');
            break;
        };
        match next {
            'Q' => {
                // Quote everything up to `\E` (or the end).
                let rest = &pattern[at + 2..];
                let (quoted, consumed) = match rest.find(r"\E") {
                    Some(end) => (&rest[..end], end + 2),
                    None => (rest, rest.len()),
                };
                out.push_str(&regex_syntax::escape(quoted));
                for _ in 0..quoted.chars().count() + (consumed - quoted.len()) {
                    chars.next();
                }
            }
            'h' => out.push_str(
                r"[\t\x{20}\x{A0}\x{1680}\x{180E}\x{2000}-\x{200A}\x{202F}\x{205F}\x{3000}]",
            ),
            'p' | 'P' => {
                let rest = &pattern[at + 2..];
                let replaced = rest
                    .strip_prefix('{')
                    .and_then(|r| r.find('}').map(|end| &r[..end]))
                    .and_then(|name| {
                        let class = match name {
                            "javaLowerCase" | "Lower" | "IsLowercase" => "Ll",
                            "javaUpperCase" | "Upper" | "IsUppercase" => "Lu",
                            "Alpha" | "IsAlphabetic" | "javaLetter" => "L",
                            "Digit" | "IsDigit" | "javaDigit" => "Nd",
                            "Punct" | "IsPunctuation" => "P",
                            "Space" | "IsWhite_Space" | "javaWhitespace" => "White_Space",
                            _ => return None,
                        };
                        Some((name.len() + 2, class))
                    });
                match replaced {
                    Some((skip, class)) => {
                        out.push('\\');
                        out.push(next);
                        out.push('{');
                        out.push_str(class);
                        out.push('}');
                        for _ in 0..skip {
                            chars.next();
                        }
                    }
                    None => {
                        out.push('\\');
                        out.push(next);
                    }
                }
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    out
}

/// If `pattern` opens with the group `opener` (e.g. `(?<=`), its inner text and the byte
/// offset just past its closing parenthesis.
fn leading_group<'a>(pattern: &'a str, opener: &str) -> Option<(&'a str, usize)> {
    if !pattern.starts_with(opener) {
        return None;
    }
    let close = matching_paren(pattern, 0)?;
    Some((&pattern[opener.len()..close], close + 1))
}

/// The start of a `(?=...)` group that closes `pattern`, if there is one.
fn trailing_lookahead(pattern: &str) -> Option<usize> {
    if !pattern.ends_with(')') {
        return None;
    }
    let mut search = 0;
    while let Some(found) = pattern[search..].find("(?=") {
        let start = search + found;
        if matching_paren(pattern, start) == Some(pattern.len() - 1) && !is_escaped(pattern, start)
        {
            return Some(start);
        }
        search = start + 3;
    }
    None
}

fn is_escaped(pattern: &str, at: usize) -> bool {
    pattern[..at]
        .chars()
        .rev()
        .take_while(|&c| c == '\\')
        .count()
        % 2
        == 1
}

/// The offset of the `)` that closes the `(` at `open`, skipping escapes and classes.
fn matching_paren(pattern: &str, open: usize) -> Option<usize> {
    let bytes = pattern.as_bytes();
    let mut depth = 0usize;
    let mut in_class = false;
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 1,
            b'[' if !in_class => in_class = true,
            b']' if in_class => in_class = false,
            b'(' if !in_class => depth += 1,
            b')' if !in_class => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const OMEGAT_LIKE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="yes">
    <formathandle type="start" include="no"/>
  </header>
  <body>
    <languagerules>
      <languagerule languagerulename="Default">
        <rule break="no">
          <beforebreak>^\s*[0-9]+\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
        <rule>
          <beforebreak>[\.\?!]+</beforebreak>
          <afterbreak>\s+\p{javaUpperCase}</afterbreak>
        </rule>
      </languagerule>
      <languagerule languagerulename="English">
        <rule break="no">
          <beforebreak>\bMr\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
        <rule break="no">
          <beforebreak>(?&lt;!Sr)\.</beforebreak>
          <afterbreak>\s\d</afterbreak>
        </rule>
        <rule break="no">
          <beforebreak>(?&lt;=\QU.S\E)\.</beforebreak>
          <afterbreak>(?=\s+Government)</afterbreak>
        </rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="EN.*" languagerulename="English"/>
      <languagemap languagepattern=".*" languagerulename="Default"/>
    </maprules>
  </body>
</srx>"#;

    fn split(loaded: &LoadedSrx, text: &str) -> Vec<String> {
        loaded
            .segmenter
            .split(text)
            .into_iter()
            .map(|r| text[r].to_owned())
            .collect()
    }

    #[test]
    fn cascading_maps_and_translated_java_syntax() {
        let loaded = parse(Path::new("t.srx"), OMEGAT_LIKE.as_bytes(), Lang::En).expect("loads");
        // Only the negative look-behind cannot be expressed; it is reported with its place.
        assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
        let problem = &loaded.problems[0];
        assert_eq!(problem.rule, "English#2");
        assert_eq!((problem.line, problem.column), (23, 9));
        assert!(problem.message.contains("look"), "{}", problem.message);
        assert_eq!(
            split(
                &loaded,
                "Mr. Smith works for the U.S. Government. He left. Then 2. Okay"
            ),
            [
                "Mr. Smith works for the U.S. Government.",
                "He left.",
                "Then 2.",
                "Okay"
            ]
        );
    }

    #[test]
    fn without_cascade_only_the_first_map_applies() {
        let no_cascade = OMEGAT_LIKE.replace(r#"cascade="yes""#, r#"cascade="no""#);
        let loaded = parse(Path::new("t.srx"), no_cascade.as_bytes(), Lang::En).expect("loads");
        // English rules only: no break rule at all.
        assert_eq!(split(&loaded, "One. Two."), ["One. Two."]);
        let vi = parse(Path::new("t.srx"), no_cascade.as_bytes(), Lang::Vi).expect("loads");
        assert!(vi.problems.is_empty());
        assert_eq!(split(&vi, "Một. Hai."), ["Một.", "Hai."]);
    }

    #[test]
    fn malformed_files_name_the_place() {
        let broken = "<srx version=\"2.0\">\n  <body>\n    <languagerules>\n</srx>";
        match parse(Path::new("b.srx"), broken.as_bytes(), Lang::En) {
            Err(SrxError::Malformed { line, .. }) => assert!(line >= 4),
            other => panic!("{:?}", other.err()),
        }
        match parse(Path::new("b.srx"), b"<html/>", Lang::En) {
            Err(SrxError::Malformed { message, .. }) => assert!(message.contains("root")),
            other => panic!("{:?}", other.err()),
        }
        let no_map = "<srx><body><languagerules/><maprules/></body></srx>";
        assert!(matches!(
            parse(Path::new("e.srx"), no_map.as_bytes(), Lang::En),
            Err(SrxError::NoRulesForLanguage { .. })
        ));
        match parse(Path::new("u.srx"), b"<srx>\xff</srx>", Lang::En) {
            Err(SrxError::Malformed { message, .. }) => assert!(message.contains("UTF-8")),
            other => panic!("{:?}", other.err()),
        }
    }

    #[test]
    fn omegat_style_file_with_comments_and_inline_flags() {
        let srx = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- Default segmentation rules and exceptions -->
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="yes"/>
  <body>
    <languagerules>
      <!-- Vietnamese exceptions -->
      <languagerule languagerulename="Vietnamese">
        <rule break="no">
          <beforebreak>\b(?i)ths\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
      </languagerule>
      <languagerule languagerulename="Default">
        <rule break="yes">
          <beforebreak>\.</beforebreak>
          <afterbreak>\s</afterbreak>
        </rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern="VI.*" languagerulename="Vietnamese"/>
      <languagemap languagepattern=".*" languagerulename="Default"/>
    </maprules>
  </body>
</srx>"#;
        let loaded = parse(Path::new("segmentation.srx"), srx.as_bytes(), Lang::Vi).expect("loads");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(
            split(&loaded, "Ông là ThS. Lê Hùng. Bà là THS. Mai."),
            ["Ông là ThS. Lê Hùng.", "Bà là THS. Mai."]
        );
        // Glued to a preceding letter, `ths.` is no abbreviation: `\b` is kept.
        assert_eq!(split(&loaded, "Anhths. Mai"), ["Anhths.", "Mai"]);
    }

    #[test]
    fn java_syntax_translation() {
        assert_eq!(translate_common(r"\Qa.b\E\."), r"a\.b\.");
        assert_eq!(translate_common(r"\p{javaLowerCase}"), r"\p{Ll}");
        assert_eq!(translate_before(r"(?<=\d)\."), r"(?:\d)\.");
        assert_eq!(translate_before(r"\bDr\."), r"(?:^|\W)Dr\.");
        assert_eq!(translate_after(r"\s(?=\p{Lu})"), r"\s(?:\p{Lu})");
        assert_eq!(translate_after(r"(?=\s)"), r"(?:\s)");
        // A look-ahead that does not close the pattern stays (and will be reported).
        assert_eq!(translate_after(r"(?=a)b"), r"(?=a)b");
    }
}
