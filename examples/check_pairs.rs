//! Runs the cross-language checks over a list of translation pairs, as `check --vi` runs
//! them over an article whose memory already holds it, and prints one finding per line.
//!
//! Input (a file or standard input): one pair a line, `id<TAB>en<TAB>vi` or
//! `id<TAB>source<TAB>en<TAB>vi`, with `\n`, `\t`, `\r` and `\\` escaped inside a text.
//! The pairs of one source (a catalogue) are one article; the memory holds every pair.
//! Output: `id<TAB>kind<TAB>severity<TAB>key<TAB>detail`, where `key` (the message id and
//! its arguments) names the finding stably for labels and `detail` is the English message.
//!
//! ```sh
//! cargo run --release --example check_pairs -- eval/real/pairs.tsv
//! ```

use std::collections::HashMap;
use std::io::Read;
use std::process::ExitCode;

use songngu::drift::checks::{CheckOptions, Pair, Translations, check_article, inconsistent};
use songngu::i18n::{FluentValue, Localizer, UiLocale};
use songngu::text::normalize::normalize;

/// The pairs themselves as the translation memory: `check --vi` after `align --into`.
struct PairsMemory {
    targets: HashMap<String, Vec<String>>,
    sources: HashMap<String, Vec<String>>,
}

impl PairsMemory {
    fn of(pairs: &[(String, String, String)]) -> PairsMemory {
        let mut memory = PairsMemory {
            targets: HashMap::new(),
            sources: HashMap::new(),
        };
        for (_, en, vi) in pairs {
            memory
                .targets
                .entry(normalize(en))
                .or_default()
                .push(vi.clone());
            memory
                .sources
                .entry(normalize(vi))
                .or_default()
                .push(en.clone());
        }
        memory
    }
}

impl Translations for PairsMemory {
    fn targets_of(&self, en: &str) -> Vec<String> {
        self.targets
            .get(&normalize(en))
            .cloned()
            .unwrap_or_default()
    }
    fn sources_of(&self, vi: &str) -> Vec<String> {
        self.sources
            .get(&normalize(vi))
            .cloned()
            .unwrap_or_default()
    }
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Tabs and line breaks of a field written as escapes, so one finding stays one line.
fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

fn main() -> ExitCode {
    let path = std::env::args().nth(1);
    let mut input = String::new();
    let read = match &path {
        Some(p) if p != "-" => std::fs::read_to_string(p).map(|s| input = s),
        _ => std::io::stdin().read_to_string(&mut input).map(|_| ()),
    };
    if let Err(e) = read {
        eprintln!(
            "check_pairs: cannot read {}: {e}",
            path.as_deref().unwrap_or("-")
        );
        return ExitCode::from(2);
    }
    let mut pairs = Vec::new();
    let mut sources = Vec::new();
    for (n, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let (id, source, en, vi) = match fields[..] {
            [id, en, vi] => (id, "", en, vi),
            [id, source, en, vi] => (id, source, en, vi),
            _ => {
                eprintln!(
                    "check_pairs: line {}: expected id<TAB>en<TAB>vi or id<TAB>source<TAB>en<TAB>vi",
                    n + 1
                );
                return ExitCode::from(2);
            }
        };
        pairs.push((id.to_string(), unescape(en), unescape(vi)));
        sources.push(source.to_string());
    }
    let refs: Vec<Pair> = pairs
        .iter()
        .map(|(id, en, vi)| Pair {
            unit: id,
            paragraph: None,
            en,
            vi,
        })
        .collect();
    let memory = PairsMemory::of(&pairs);
    let mut findings = Vec::new();
    let mut start = 0;
    while start < refs.len() {
        let end = (start..refs.len())
            .find(|&i| sources[i] != sources[start])
            .unwrap_or(refs.len());
        let article = &refs[start..end];
        findings.extend(check_article(article, &CheckOptions::default()));
        findings.extend(inconsistent(article, &memory));
        start = end;
    }
    let en = Localizer::new(UiLocale::EnUs);
    for f in findings {
        let mut key = f.explanation.id.to_string();
        for (name, value) in &f.explanation.args {
            key.push_str(&format!("|{name}={value}"));
        }
        let args: Vec<(&str, FluentValue)> = f
            .explanation
            .args
            .iter()
            .map(|(n, v)| (*n, FluentValue::from(v.as_str())))
            .collect();
        let detail = en.text_with(f.explanation.id, &args);
        println!(
            "{}\t{}\t{}\t{}\t{}",
            f.unit.as_deref().unwrap_or(""),
            f.kind.name(),
            f.severity.name(),
            escape(&key),
            escape(&detail)
        );
    }
    ExitCode::SUCCESS
}
