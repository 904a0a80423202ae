//! The SRX rule engine.
//!
//! SRX semantics: a position is a break when, among the rules whose `beforebreak` pattern
//! matches text ending there and whose `afterbreak` pattern matches text starting there,
//! the first in rule order is a break rule.
//!
//! Checking every rule at every position is what makes SRX engines slow. Instead, all
//! `beforebreak` patterns are compiled into one multi-pattern lazy DFA and run once over
//! the text with overlapping matches: it reports, in a single forward pass, every position
//! where some `beforebreak` ends and which rules those are. Only at those (rare) positions
//! are the `afterbreak` patterns tried, each anchored at the position. The pass is linear in
//! the input and never backtracks.

use std::ops::Range;

use regex_automata::hybrid::dfa::{Cache, DFA, OverlappingState};
use regex_automata::meta::Regex;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};

/// One ordered rule in source form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// A name for messages (`en/title-abbreviation`, `English#12`).
    pub name: String,
    /// `true` for a break rule, `false` for an exception (no-break) rule.
    pub breaks: bool,
    /// Pattern that must match the text ending at the position (empty: always matches).
    pub before: String,
    /// Pattern that must match the text starting at the position (empty: always matches).
    pub after: String,
}

impl Rule {
    pub fn new(name: impl Into<String>, breaks: bool, before: &str, after: &str) -> Rule {
        Rule {
            name: name.into(),
            breaks,
            before: before.to_owned(),
            after: after.to_owned(),
        }
    }
}

/// Why a rule could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// Index of the rule in the list given to [`Engine::compile`].
    pub rule: usize,
    pub message: String,
}

type CacheFactory = Box<dyn Fn() -> Cache + Send + Sync + std::panic::RefUnwindSafe + std::panic::UnwindSafe>;

/// Compiled rules.
pub struct Engine {
    before: DFA,
    /// Per DFA pattern id: the rule's break flag and its anchored `afterbreak` matcher.
    rules: Vec<CompiledRule>,
    caches: Pool<Cache, CacheFactory>,
}

struct CompiledRule {
    breaks: bool,
    /// `None` when the rule has no `afterbreak` (it always matches).
    after: Option<Regex>,
}

/// Room for the lazy DFA's transition table. The built-in rules use far less; an SRX file
/// with hundreds of Unicode-heavy rules may need it.
const DFA_CACHE_BYTES: usize = 16 * 1024 * 1024;

fn syntax_config() -> syntax::Config {
    // `.` must never stop at a line break: a block of hard-wrapped text is one text.
    syntax::Config::new().unicode(true).utf8(true)
}

impl Engine {
    /// Compiles `rules` in order. A rule that cannot be compiled is left out and reported;
    /// the others keep their relative order.
    pub fn compile(rules: &[Rule]) -> (Engine, Vec<RuleError>) {
        let mut errors = Vec::new();
        let mut kept_befores: Vec<String> = Vec::new();
        let mut kept: Vec<CompiledRule> = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            match compile_rule(rule) {
                Ok((before, compiled)) => {
                    kept_befores.push(before);
                    kept.push(compiled);
                }
                Err(message) => errors.push(RuleError { rule: index, message }),
            }
        }
        // Each pattern compiled on its own above, so the combined build only fails for
        // resource limits; then fall back to an engine that never breaks, and say so.
        let before = match build_dfa(&kept_befores) {
            Ok(dfa) => dfa,
            Err(message) => {
                errors.push(RuleError {
                    rule: rules.len(),
                    message,
                });
                kept.clear();
                build_dfa(&[]).unwrap_or_else(|_| unreachable_empty_dfa())
            }
        };
        let factory_dfa = before.clone();
        let factory: CacheFactory = Box::new(move || factory_dfa.create_cache());
        let engine = Engine {
            before,
            rules: kept,
            caches: Pool::new(factory),
        };
        (engine, errors)
    }

    /// Byte offsets (strictly inside `text`, on char boundaries, ascending) where the
    /// rules break.
    pub fn breaks(&self, text: &str) -> Vec<usize> {
        let mut breaks = Vec::new();
        if text.is_empty() || self.rules.is_empty() {
            return breaks;
        }
        let mut cache = self.caches.get();
        let input = Input::new(text);
        let mut state = OverlappingState::start();
        let mut group_at = usize::MAX;
        let mut group: Vec<usize> = Vec::new();
        loop {
            if self
                .before
                .try_search_overlapping_fwd(&mut cache, &input, &mut state)
                .is_err()
            {
                // The lazy DFA is configured never to give up or quit, so this cannot
                // happen; stopping here leaves the rest of the text unsplit, never wrong.
                break;
            }
            let Some(found) = state.get_match() else {
                break;
            };
            if found.offset() != group_at {
                self.decide(text, group_at, &mut group, &mut breaks);
                group_at = found.offset();
            }
            group.push(found.pattern().as_usize());
        }
        self.decide(text, group_at, &mut group, &mut breaks);
        breaks
    }

    /// Applies the first rule (in rule order) of `group` whose `afterbreak` matches at `at`.
    fn decide(&self, text: &str, at: usize, group: &mut Vec<usize>, breaks: &mut Vec<usize>) {
        if group.is_empty() {
            return;
        }
        if at > 0 && at < text.len() {
            group.sort_unstable();
            group.dedup();
            for &index in group.iter() {
                let rule = &self.rules[index];
                let after_matches = match &rule.after {
                    None => true,
                    Some(after) => after.is_match(Input::new(text).range(at..).anchored(Anchored::Yes)),
                };
                if after_matches {
                    if rule.breaks && breaks.last() != Some(&at) {
                        breaks.push(at);
                    }
                    break;
                }
            }
        }
        group.clear();
    }
}

fn compile_rule(rule: &Rule) -> Result<(String, CompiledRule), String> {
    // An empty `beforebreak` matches at every position.
    let before = if rule.before.is_empty() { String::from("(?:)") } else { rule.before.clone() };
    // Compile alone first so that an error names this rule, not the combined automaton.
    build_dfa(std::slice::from_ref(&before))?;
    let after = if rule.after.is_empty() {
        None
    } else {
        Some(
            Regex::builder()
                .syntax(syntax_config())
                .build(&rule.after)
                .map_err(|e| regex_error_message(&e.to_string()))?,
        )
    };
    Ok((
        before,
        CompiledRule {
            breaks: rule.breaks,
            after,
        },
    ))
}

fn build_dfa(patterns: &[String]) -> Result<DFA, String> {
    DFA::builder()
        .syntax(syntax_config())
        .configure(
            DFA::config()
                .match_kind(MatchKind::All)
                .cache_capacity(DFA_CACHE_BYTES)
                .minimum_cache_clear_count(None),
        )
        .build_many(patterns)
        .map_err(|e| regex_error_message(&e.to_string()))
}

/// regex-automata messages span several lines (a caret diagram); keep them on one line.
fn regex_error_message(raw: &str) -> String {
    raw.split('\n').map(str::trim_end).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" | ")
}

fn unreachable_empty_dfa() -> DFA {
    // An empty pattern list always builds; this only satisfies the type checker.
    DFA::new_many::<&str>(&[]).expect("an empty lazy DFA always builds")
}

/// Sentence ranges between `breaks`, trimmed of white space, empty ones dropped.
pub fn ranges_between(text: &str, breaks: &[usize]) -> Vec<Range<usize>> {
    let mut ranges = Vec::with_capacity(breaks.len() + 1);
    let mut start = 0;
    for &end in breaks.iter().chain(std::iter::once(&text.len())) {
        if let Some(range) = trimmed(text, start..end) {
            ranges.push(range);
        }
        start = end;
    }
    ranges
}

fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = range.end - (piece.len() - piece.trim_end().len());
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine(rules: &[Rule]) -> Engine {
        let (engine, errors) = Engine::compile(rules);
        assert!(errors.is_empty(), "{errors:?}");
        engine
    }

    #[test]
    fn first_matching_rule_wins() {
        let rules = [
            Rule::new("no-mr", false, r"Mr\.", r"\s"),
            Rule::new("period", true, r"\.", r"\s"),
        ];
        let text = "Mr. Smith left. He came back.";
        assert_eq!(engine(&rules).breaks(text), vec![15]);
    }

    #[test]
    fn rule_order_not_pattern_order_decides() {
        // The break rule comes first, so the exception after it never applies.
        let rules = [
            Rule::new("period", true, r"\.", r"\s"),
            Rule::new("no-mr", false, r"Mr\.", r"\s"),
        ];
        assert_eq!(engine(&rules).breaks("Mr. Smith"), vec![3]);
    }

    #[test]
    fn overlapping_befores_are_all_seen() {
        // `\.\.` and `\.` both end at the second dot of `..`; the first rule must win
        // there, while the first dot (where only `\.` ends) breaks.
        let rules = [
            Rule::new("double", false, r"\.\.", ""),
            Rule::new("single", true, r"\.", ""),
        ];
        assert_eq!(engine(&rules).breaks("a.b..c"), vec![2, 4]);
    }

    #[test]
    fn empty_before_matches_everywhere() {
        let rules = [Rule::new("any", true, "", "x")];
        assert_eq!(engine(&rules).breaks("axbx"), vec![1, 3]);
    }

    #[test]
    fn bad_rule_is_reported_and_the_rest_kept() {
        let rules = [
            Rule::new("lookbehind", false, r"(?<=Mr)\.", ""),
            Rule::new("period", true, r"\.", r"\s"),
        ];
        let (engine, errors) = Engine::compile(&rules);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].rule, 0);
        assert_eq!(engine.breaks("Mr. X"), vec![3]);
    }

    #[test]
    fn breaks_only_inside_the_text() {
        let rules = [Rule::new("any", true, "", "")];
        let breaks = engine(&rules).breaks("ạb");
        assert_eq!(breaks, vec![3], "only char boundaries strictly inside");
    }

    #[test]
    fn ranges_are_trimmed_and_never_empty() {
        let text = " One.  Two. ";
        assert_eq!(ranges_between(text, &[5, 7]), vec![1..5, 7..11]);
        assert_eq!(ranges_between("   ", &[]), Vec::<Range<usize>>::new());
    }
}
