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
//!
//! Each `afterbreak` is a lazy DFA of its own, anchored at the position; its cache, like the
//! `beforebreak` automaton's, is taken once per text (not per try) from a pool, so a try
//! costs the few bytes it reads.
//!
//! An `afterbreak` that can match text of any length (`[^#]*#`) could make those tries
//! quadratic: each one may read to the end of the text. Once the tries of such a pattern
//! have read as many bytes as the text holds, it is instead run once, backwards over the
//! whole text, as a reverse automaton that marks every position where a match of it starts;
//! each position then costs a lookup. The usual unbounded pattern (`\s+[^\p{Ll}\s]`) reads
//! two or three bytes a try and never gets there.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use regex_automata::hybrid::LazyStateID;
use regex_automata::hybrid::dfa::{Cache, DFA};
use regex_automata::meta::Regex;
use regex_automata::util::pool::{Pool, PoolGuard};
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};
use rustc_hash::FxHashMap;

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
    /// Index of the rule in the list given to `Engine::compile`.
    pub rule: usize,
    pub message: String,
}

/// The caches of one thread: the lazy DFAs build their states into these, so they are
/// kept across texts (a fresh cache would build every state again for each paragraph).
struct Caches {
    before: Cache,
    /// Per `afterbreak`: the cache of its forward automaton, `None` when it has none.
    forward: Vec<Option<Cache>>,
    /// Per `afterbreak`: the cache of its reverse automaton, made at its first backward
    /// pass.
    reverse: Vec<Option<Cache>>,
    /// Answers of short `afterbreak` tries, kept like the automata's states.
    memo: Memo,
    /// Per match state of the `beforebreak` automaton, its rules in rule order, valid while
    /// the automaton's cache has been cleared `groups_cleared` times (a cleared cache gives
    /// its state ids to other states).
    groups: FxHashMap<LazyStateID, (usize, Box<[usize]>)>,
    groups_cleared: usize,
}

type CachesFactory =
    Box<dyn Fn() -> Caches + Send + Sync + std::panic::RefUnwindSafe + std::panic::UnwindSafe>;

/// Compiled rules.
pub struct Engine {
    before: DFA,
    /// Per DFA pattern id: the rule's break flag and its anchored `afterbreak` matcher.
    rules: Vec<CompiledRule>,
    /// The distinct `afterbreak` patterns: many rules share one (`\s`, the start of a new
    /// sentence), and each is tried at most once per position.
    afters: Vec<After>,
    /// Taken once per text: one pool access per try would cost more than the try.
    caches: Pool<Caches, CachesFactory>,
}

/// The caches and buffers of one thread, kept from one text to the next.
pub struct Session<'a> {
    engine: &'a Engine,
    caches: PoolGuard<'a, Caches, CachesFactory>,
    scratch: Scratch,
    breaks: Vec<usize>,
}

impl Session<'_> {
    /// Byte offsets (strictly inside `text`, on char boundaries, ascending) where the
    /// rules break.
    pub fn breaks(&mut self, text: &str) -> &[usize] {
        self.breaks.clear();
        if text.is_empty() || self.engine.rules.is_empty() {
            return &self.breaks;
        }
        // What the scratch knows about where unbounded `afterbreak` patterns match is
        // about one text.
        self.scratch.starts.clear();
        self.scratch.long_bytes.clear();
        // The lazy DFA is configured never to give up or quit, so its searches cannot fail;
        // if one ever did, the text would stay unsplit from there on: never a wrong break.
        let _ = self
            .engine
            .scan(&mut self.caches, text, &mut self.breaks, &mut self.scratch);
        &self.breaks
    }
}

/// A compiled `afterbreak` pattern. Only what every text needs is built with the rules;
/// the rest is built the first time a text needs it, so compiling stays a few milliseconds.
struct After {
    pattern: String,
    /// Anchored at a position, this answers a try in the bytes the match needs. `None` for
    /// a pattern the lazy DFA cannot run.
    forward: Option<DFA>,
    /// What answers when `forward` cannot: it is `None`, or it gave up (a Unicode word
    /// boundary next to non-ASCII text). `None` inside if it cannot be built (then the
    /// pattern never matches where `forward` gives up).
    fallback: OnceLock<Option<Regex>>,
    /// For a pattern without a length bound: its reverse automaton, which finds every
    /// position a match starts at in one backward pass. `None` inside for the few the lazy
    /// DFA cannot run (then the tries answer, position by position).
    reverse: OnceLock<Option<DFA>>,
    /// Every match is at most [`LONGEST_FORWARD_AFTER`] bytes long.
    short: bool,
}

impl After {
    fn fallback(&self) -> Option<&Regex> {
        self.fallback
            .get_or_init(|| build_meta(&self.pattern).ok())
            .as_ref()
    }

    fn reverse(&self) -> Option<&DFA> {
        self.reverse
            .get_or_init(|| build_reverse(&self.pattern))
            .as_ref()
    }
}

/// The longest `afterbreak` (in bytes) still tried position by position whatever it reads.
const LONGEST_FORWARD_AFTER: usize = 256;

/// Where the matches of one unbounded `afterbreak` start in the text being scanned: bit `i`
/// is set when a match starts at byte `i`. `None` when the reverse pass gave up.
type Starts = Option<Vec<u64>>;

/// Buffers reused across the positions of one scan.
#[derive(Default)]
struct Scratch {
    /// The rules whose `beforebreak` ends at the current position.
    group: Vec<usize>,
    /// `afterbreak` answers already computed at the current position.
    answered: Vec<(usize, bool)>,
    /// Per unbounded `afterbreak`, the positions where it matches, computed once its tries
    /// have read as much as the text holds.
    starts: Vec<Option<Starts>>,
    /// Per `afterbreak` without a length bound, the bytes its anchored tries have read so
    /// far: each may read to the end of the text.
    long_bytes: Vec<usize>,
    /// Backward passes run (a count for tests).
    backward_passes: usize,
}

struct CompiledRule {
    breaks: bool,
    /// Index into [`Engine::afters`]; `None` when the rule has no `afterbreak` (it always
    /// matches).
    after: Option<usize>,
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
        let mut afters: Vec<After> = Vec::new();
        let mut after_index: HashMap<&str, usize> = HashMap::new();
        // (rule index, `beforebreak` source, compiled rule)
        let mut kept: Vec<(usize, String, CompiledRule)> = Vec::new();
        for (index, rule) in rules.iter().enumerate() {
            if !rule.after.is_empty() && !after_index.contains_key(rule.after.as_str()) {
                match compile_after(&rule.after) {
                    Ok(after) => {
                        after_index.insert(rule.after.as_str(), afters.len());
                        afters.push(after);
                    }
                    Err(message) => {
                        errors.push(RuleError {
                            rule: index,
                            message,
                        });
                        continue;
                    }
                }
            }
            // Present in the index: a failing pattern never gets there, so its rule was
            // reported and skipped above.
            let after = if rule.after.is_empty() {
                None
            } else {
                after_index.get(rule.after.as_str()).copied()
            };
            // An empty `beforebreak` matches at every position.
            let before = if rule.before.is_empty() {
                String::from("(?:)")
            } else {
                rule.before.clone()
            };
            kept.push((
                index,
                before,
                CompiledRule {
                    breaks: rule.breaks,
                    after,
                },
            ));
        }
        let befores: Vec<&str> = kept.iter().map(|(_, before, _)| before.as_str()).collect();
        let before = match build_dfa(&befores) {
            Ok(dfa) => dfa,
            Err(_) => {
                // Compiling each pattern alone names the rules at fault; the rest still run.
                kept.retain(|(index, before, _)| match build_dfa(&[before.as_str()]) {
                    Ok(_) => true,
                    Err(message) => {
                        errors.push(RuleError {
                            rule: *index,
                            message,
                        });
                        false
                    }
                });
                let befores: Vec<&str> =
                    kept.iter().map(|(_, before, _)| before.as_str()).collect();
                build_dfa(&befores).unwrap_or_else(|message| {
                    // Each pattern builds alone, so only resource limits get here: apply
                    // no rule at all rather than some, and say so.
                    errors.push(RuleError {
                        rule: rules.len(),
                        message,
                    });
                    kept.clear();
                    unreachable_empty_dfa()
                })
            }
        };
        errors.sort_by_key(|error| error.rule);
        let kept = kept.into_iter().map(|(_, _, compiled)| compiled).collect();
        let factory_before = before.clone();
        let factory_afters: Vec<Option<DFA>> =
            afters.iter().map(|after| after.forward.clone()).collect();
        let factory: CachesFactory = Box::new(move || Caches {
            before: factory_before.create_cache(),
            forward: factory_afters
                .iter()
                .map(|forward| forward.as_ref().map(DFA::create_cache))
                .collect(),
            reverse: factory_afters.iter().map(|_| None).collect(),
            memo: Memo::default(),
            groups: FxHashMap::default(),
            groups_cleared: 0,
        });
        let engine = Engine {
            before,
            rules: kept,
            afters,
            caches: Pool::new(factory),
        };
        (engine, errors)
    }

    /// Byte offsets (strictly inside `text`, on char boundaries, ascending) where the
    /// rules break.
    pub fn breaks(&self, text: &str) -> Vec<usize> {
        let mut session = self.session();
        session.breaks(text);
        session.breaks
    }

    /// A session for splitting many texts on one thread, with the caches taken once.
    pub fn session(&self) -> Session<'_> {
        Session {
            engine: self,
            caches: self.caches.get(),
            scratch: Scratch::default(),
            breaks: Vec::new(),
        }
    }

    /// One forward pass of the `beforebreak` automaton. A DFA reports a match one byte
    /// late: entering a match state on the byte at `at` means matches ending at `at`.
    fn scan(
        &self,
        caches: &mut Caches,
        text: &str,
        breaks: &mut Vec<usize>,
        scratch: &mut Scratch,
    ) -> Option<()> {
        let dfa = &self.before;
        let hay = text.as_bytes();
        let mut sid = dfa
            .start_state_forward(&mut caches.before, &Input::new(text))
            .ok()?;
        let mut previous = sid;
        for (at, &byte) in hay.iter().enumerate() {
            // Most transitions are between plain, already computed states: take the fast
            // path and fall back to the full one for unknown or special states.
            let next = if sid.is_tagged() {
                dfa.next_state(&mut caches.before, sid, byte).ok()?
            } else {
                dfa.next_state_untagged(&caches.before, sid, byte)
            };
            sid = next;
            if next.is_tagged() {
                if next.is_unknown() {
                    sid = dfa.next_state(&mut caches.before, previous, byte).ok()?;
                }
                if sid.is_match() {
                    let number = self.collect(caches, sid, &mut scratch.group);
                    self.decide(number, text, at, caches, scratch, breaks);
                }
            }
            previous = sid;
        }
        sid = dfa.next_eoi_state(&mut caches.before, sid).ok()?;
        if sid.is_match() {
            let number = self.collect(caches, sid, &mut scratch.group);
            self.decide(number, text, hay.len(), caches, scratch, breaks);
        }
        Some(())
    }

    /// The rules whose `beforebreak` ends in match state `sid`, in rule order, into `group`;
    /// returns the number of that group of rules.
    fn collect(&self, caches: &mut Caches, sid: LazyStateID, group: &mut Vec<usize>) -> usize {
        if caches.groups_cleared != caches.before.clear_count() {
            // Decisions are remembered by group number: they go with the numbers.
            caches.groups.clear();
            caches.memo = Memo::default();
            caches.groups_cleared = caches.before.clear_count();
        }
        let cache = &caches.before;
        let count = caches.groups.len();
        let (number, rules) = caches.groups.entry(sid).or_insert_with(|| {
            let mut rules: Vec<usize> = (0..self.before.match_len(cache, sid))
                .map(|index| self.before.match_pattern(cache, sid, index).as_usize())
                .collect();
            rules.sort_unstable();
            rules.dedup();
            (count, rules.into_boxed_slice())
        });
        group.extend_from_slice(rules);
        *number
    }

    /// Applies the first rule (in rule order) of `group` (group number `number`) whose
    /// `afterbreak` matches at `at`.
    fn decide(
        &self,
        number: usize,
        text: &str,
        at: usize,
        caches: &mut Caches,
        scratch: &mut Scratch,
        breaks: &mut Vec<usize>,
    ) {
        if at > 0 && at < text.len() && text.is_char_boundary(at) {
            // The decision of a group depends on the answers of its `afterbreak` patterns
            // only: when each depended on the bytes a memo key holds, so does the decision.
            let key = memo_key(number, text, at).map(|key| key | DECISION);
            let remembered = key.and_then(|key| caches.memo.get(key));
            let breaks_here = remembered.unwrap_or_else(|| {
                let (decision, exact) = self.first_rule(text, at, caches, scratch);
                if let (Some(key), true) = (key, exact) {
                    caches.memo.put(key, decision);
                }
                decision
            });
            if breaks_here && breaks.last() != Some(&at) {
                breaks.push(at);
            }
        }
        scratch.group.clear();
    }

    /// Whether the first rule of `scratch.group` whose `afterbreak` matches at `at` is a
    /// break rule (`false` when none matches), and whether that depended only on the bytes
    /// of a memo key.
    fn first_rule(
        &self,
        text: &str,
        at: usize,
        caches: &mut Caches,
        scratch: &mut Scratch,
    ) -> (bool, bool) {
        // Rules sharing an `afterbreak` pattern share its answer; only a few rules meet at
        // one position, so a short list beats a table.
        scratch.answered.clear();
        let mut exact = true;
        for i in 0..scratch.group.len() {
            let rule = &self.rules[scratch.group[i]];
            let after_matches = match rule.after {
                None => true,
                Some(after) => match scratch.answered.iter().find(|(seen, _)| *seen == after) {
                    Some(&(_, answer)) => answer,
                    None => {
                        let (answer, near) = self.after_matches(after, text, at, caches, scratch);
                        exact &= near;
                        scratch.answered.push((after, answer));
                        answer
                    }
                },
            };
            if after_matches {
                return (rule.breaks, exact);
            }
        }
        (false, exact)
    }

    /// Whether `afterbreak` number `after` matches the text starting at `at`, and whether
    /// that answer depended only on the bytes of its memo key.
    fn after_matches(
        &self,
        after: usize,
        text: &str,
        at: usize,
        caches: &mut Caches,
        scratch: &mut Scratch,
    ) -> (bool, bool) {
        let compiled = &self.afters[after];
        if !compiled.short {
            // Sized on first use: most texts never get here.
            if scratch.long_bytes.is_empty() {
                scratch.long_bytes.resize(self.afters.len(), 0);
                scratch.starts.resize(self.afters.len(), None);
            }
            if scratch.long_bytes[after] >= text.len()
                && let Some(reverse) = compiled.reverse()
            {
                let known = scratch.starts[after].get_or_insert_with(|| {
                    scratch.backward_passes += 1;
                    let cache = caches.reverse[after].get_or_insert_with(|| reverse.create_cache());
                    match_starts(reverse, cache, text)
                });
                if let Some(bits) = known {
                    return (bits[at / 64] & (1 << (at % 64)) != 0, false);
                }
            }
        }
        let memo_key = memo_key(after, text, at);
        if let Some(answer) = memo_key.and_then(|key| caches.memo.get(key)) {
            return (answer, true);
        }
        let mut read = 0;
        let answer = match (&compiled.forward, &mut caches.forward[after]) {
            (Some(dfa), Some(cache)) => anchored_match(dfa, cache, text, at, &mut read),
            _ => None,
        };
        let near = memo_key.is_some() && answer.is_some() && read <= MEMO_BYTES;
        if let (Some(key), Some(answer), true) = (memo_key, answer, near) {
            caches.memo.put(key, answer);
        }
        let answer = answer.unwrap_or_else(|| {
            // The general engine may read to the end of the text.
            read = text.len() - at;
            let input = Input::new(text).range(at..).anchored(Anchored::Yes);
            compiled
                .fallback()
                .is_some_and(|fallback| fallback.is_match(input))
        });
        if !compiled.short {
            scratch.long_bytes[after] += read.max(1);
        }
        (answer, near)
    }
}

/// Bytes after a position an answer may depend on to be remembered.
const MEMO_BYTES: usize = 4;

/// The key of a try of `afterbreak` number `after` at `at` (or with [`DECISION`], of the
/// decision of rule group number `after`): the number, the byte before (the automaton
/// starts from it: `^`, `\b`) and the next [`MEMO_BYTES`] bytes, the end of the text not
/// among them. `None` near the end of the text.
fn memo_key(after: usize, text: &str, at: usize) -> Option<u64> {
    let bytes = text
        .as_bytes()
        .get(at.checked_sub(1)?..at + MEMO_BYTES + 1)?;
    let mut key = [0u8; 8];
    key[..MEMO_BYTES + 1].copy_from_slice(&bytes[..MEMO_BYTES + 1]);
    let after = u64::try_from(after).ok().filter(|&a| a < 1 << 23)?;
    Some(u64::from_le_bytes(key) | after << 40)
}

/// The bit that tells the key of a group's decision from the key of one pattern's try.
const DECISION: u64 = 1 << 63;

/// Answers of anchored tries that read at most [`MEMO_BYTES`], by [`memo_key`]: an
/// automaton's answer depends on nothing else, and most positions (a stop, a space, a
/// capital) repeat, so a lookup replaces most tries. A slot holds the last answer put in.
struct Memo {
    /// The key and `answer + 1`; 0 for an empty slot.
    slots: Vec<(u64, u8)>,
}

/// Small enough to stay in the first-level cache beside the automata.
const MEMO_SLOTS: usize = 1024;

impl Default for Memo {
    fn default() -> Memo {
        Memo {
            slots: vec![(0, 0); MEMO_SLOTS],
        }
    }
}

impl Memo {
    fn slot(key: u64) -> usize {
        // Fibonacci hashing: the top bits of the product mix every byte of the key.
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - MEMO_SLOTS.trailing_zeros())) as usize
    }

    fn get(&self, key: u64) -> Option<bool> {
        match self.slots[Memo::slot(key)] {
            (k, stored) if k == key && stored > 0 => Some(stored == 2),
            _ => None,
        }
    }

    fn put(&mut self, key: u64, answer: bool) {
        self.slots[Memo::slot(key)] = (key, 1 + u8::from(answer));
    }
}

/// Whether the anchored automaton `dfa` matches `text` from `at`, reading no further than
/// the first match; `read` counts the bytes read. `None` if the automaton gave up.
fn anchored_match(
    dfa: &DFA,
    cache: &mut Cache,
    text: &str,
    at: usize,
    read: &mut usize,
) -> Option<bool> {
    let input = Input::new(text).range(at..).anchored(Anchored::Yes);
    let mut sid = dfa.start_state_forward(cache, &input).ok()?;
    // A DFA reports a match one byte late: the first match state entered, on a byte or at
    // the end of the text, means a match.
    for &byte in &text.as_bytes()[at..] {
        *read += 1;
        sid = dfa.next_state(cache, sid, byte).ok()?;
        if sid.is_tagged() {
            if sid.is_match() {
                return Some(true);
            }
            if sid.is_dead() {
                return Some(false);
            }
            if sid.is_quit() {
                return None;
            }
        }
    }
    sid = dfa.next_eoi_state(cache, sid).ok()?;
    Some(sid.is_match())
}

/// Every position of `text` where a match of the pattern whose reverse automaton is
/// `reverse` starts, in one backward pass; `None` if the automaton gave up (it may, on
/// Unicode word boundaries in non-ASCII text).
fn match_starts(reverse: &DFA, cache: &mut Cache, text: &str) -> Starts {
    let hay = text.as_bytes();
    let mut bits = vec![0u64; hay.len() / 64 + 1];
    let mut sid = reverse.start_state_reverse(cache, &Input::new(text)).ok()?;
    // A DFA reports a match one byte late: entering a match state on the byte at `i`
    // (going backwards) means a match that starts at `i + 1`.
    for i in (0..hay.len()).rev() {
        sid = reverse.next_state(cache, sid, hay[i]).ok()?;
        if sid.is_tagged() {
            if sid.is_quit() {
                return None;
            }
            if sid.is_match() {
                let start = i + 1;
                bits[start / 64] |= 1 << (start % 64);
            }
        }
    }
    sid = reverse.next_eoi_state(cache, sid).ok()?;
    if sid.is_match() {
        bits[0] |= 1;
    }
    Some(bits)
}

fn compile_after(pattern: &str) -> Result<After, String> {
    let forward = build_forward(pattern);
    let fallback = OnceLock::new();
    if forward.is_none() {
        // The fallback answers every try, and names what is wrong with the pattern.
        let meta = build_meta(pattern)?;
        let _ = fallback.set(Some(meta));
    }
    Ok(After {
        pattern: pattern.to_owned(),
        forward,
        fallback,
        reverse: OnceLock::new(),
        short: is_short(pattern),
    })
}

/// The general regex of `pattern`, or what is wrong with it.
fn build_meta(pattern: &str) -> Result<Regex, String> {
    Regex::builder()
        .syntax(syntax_config())
        .build(pattern)
        .map_err(|e| regex_error_message(&e))
}

/// The anchored forward automaton of `pattern`, or `None` if the lazy DFA cannot run it.
fn build_forward(pattern: &str) -> Option<DFA> {
    DFA::builder()
        .syntax(syntax_config())
        .configure(
            DFA::config()
                .unicode_word_boundary(true)
                .cache_capacity(DFA_CACHE_BYTES)
                .minimum_cache_clear_count(None),
        )
        .build(pattern)
        .ok()
}

/// Whether every match of `pattern` is at most [`LONGEST_FORWARD_AFTER`] bytes long.
fn is_short(pattern: &str) -> bool {
    regex_syntax::ParserBuilder::new()
        .unicode(true)
        .utf8(true)
        .build()
        .parse(pattern)
        .ok()
        .and_then(|hir| hir.properties().maximum_len())
        .is_some_and(|longest| longest <= LONGEST_FORWARD_AFTER)
}

/// The reverse automaton of `pattern`, reporting every match (not only the leftmost), or
/// `None` if the lazy DFA cannot run it.
fn build_reverse(pattern: &str) -> Option<DFA> {
    DFA::builder()
        .syntax(syntax_config())
        .thompson(regex_automata::nfa::thompson::Config::new().reverse(true))
        .configure(
            DFA::config()
                .match_kind(MatchKind::All)
                .unicode_word_boundary(true)
                .cache_capacity(DFA_CACHE_BYTES)
                .minimum_cache_clear_count(None),
        )
        .build(pattern)
        .ok()
}

fn build_dfa(patterns: &[&str]) -> Result<DFA, String> {
    DFA::builder()
        .syntax(syntax_config())
        .configure(
            DFA::config()
                .match_kind(MatchKind::All)
                .cache_capacity(DFA_CACHE_BYTES)
                .minimum_cache_clear_count(None),
        )
        .build_many(patterns)
        .map_err(|e| regex_error_message(&e))
}

/// The whole cause chain of a build error, on one line: regex-automata puts the useful
/// part ("look-around is not supported") in a source error, and spans it over several lines
/// with a caret diagram.
fn regex_error_message(error: &dyn std::error::Error) -> String {
    let mut parts = vec![error.to_string()];
    let mut source = error.source();
    while let Some(cause) = source {
        parts.push(cause.to_string());
        source = cause.source();
    }
    parts
        .join(": ")
        .split('\n')
        .map(str::trim_end)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" | ")
}

fn unreachable_empty_dfa() -> DFA {
    // An empty pattern list always builds; this only satisfies the type checker.
    DFA::new_many::<&str>(&[]).expect("an empty lazy DFA always builds")
}

/// Sentence ranges between `breaks`, trimmed of white space, empty ones dropped.
pub fn ranges_between(text: &str, breaks: &[usize]) -> Vec<Range<usize>> {
    let mut ranges = Vec::with_capacity(breaks.len() + 1);
    push_ranges_between(text, breaks, &mut ranges);
    ranges
}

/// [`ranges_between`], added to `ranges`.
pub fn push_ranges_between(text: &str, breaks: &[usize], ranges: &mut Vec<Range<usize>>) {
    let mut start = 0;
    for &end in breaks.iter().chain(std::iter::once(&text.len())) {
        if let Some(range) = trimmed(text, start..end) {
            ranges.push(range);
        }
        start = end;
    }
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

    /// The breaks of `text`, with the bytes read by the anchored tries of unbounded
    /// `afterbreak` patterns and the backward passes run.
    fn breaks_counting(engine: &Engine, text: &str) -> (Vec<usize>, usize, usize) {
        let mut caches = engine.caches.get();
        let (mut breaks, mut scratch) = (Vec::new(), Scratch::default());
        engine
            .scan(&mut caches, text, &mut breaks, &mut scratch)
            .unwrap();
        let read = scratch.long_bytes.iter().sum();
        (breaks, read, scratch.backward_passes)
    }

    #[test]
    fn an_afterbreak_that_reads_to_the_end_is_run_once_not_per_position() {
        let rules = [
            Rule::new("no-before-hash", false, r"\.", r"[^#]*#"),
            Rule::new("period", true, r"\.", r"\s"),
        ];
        let engine = engine(&rules);
        let text = "A short one. ".repeat(2000);
        let text = text.trim_end();
        let (breaks, read, passes) = breaks_counting(&engine, text);
        assert_eq!(breaks.len(), 1999);
        // The first tries read to the end, until they have read the text's length; then
        // the backward pass answers every position.
        assert!(read <= 2 * text.len(), "{read} bytes read by tries");
        assert_eq!(passes, 1);
        // A `#` at the end: now every stop is an exception.
        let text = format!("{text}#");
        let (breaks, read, passes) = breaks_counting(&engine, &text);
        assert_eq!(breaks.len(), 0);
        assert!(read <= 2 * text.len(), "{read} bytes read by tries");
        assert_eq!(passes, 1);
    }

    #[test]
    fn an_unbounded_afterbreak_that_reads_a_few_bytes_is_never_run_backwards() {
        // `\s+[^\p{Ll}\s]` has no length bound, but at a sentence end it reads two bytes:
        // a backward pass over the whole text per paragraph would cost more than every try.
        let rules = [Rule::new("period", true, r"\.", r"\s+[^\p{Ll}\s]")];
        let engine = engine(&rules);
        let text = "A short one. ".repeat(2000);
        let text = text.trim_end();
        let (breaks, read, passes) = breaks_counting(&engine, text);
        assert_eq!(breaks.len(), 1999);
        assert_eq!(passes, 0, "no backward pass");
        assert!(read <= 3 * 2000, "{read} bytes read by 2000 tries");
    }

    #[test]
    fn remembered_answers_are_the_answers_of_tries() {
        let patterns = [
            r"\s+\p{Lu}",
            r"\s\.",
            r"(?m:^)\s*x",
            r"\b\w",
            r"\s*\d",
            r"[ \x{A0}]?(?:\[\d{1,3}\])+(?:\s|$)",
            r"\s+[^\p{Ll}\s]",
        ];
        // The same few bytes after a position, then different ones further on.
        let text = "a. Xa.  b a.     Z\nx1234 ax1234 aXYZWQ XYZWQ .[12] é. É. [1]x 9a. . 1 a.     z a.\tX ";
        for pattern in patterns {
            let engine = engine(&[Rule::new("p", true, r"\.", pattern)]);
            let mut caches = engine.caches.get();
            let expected = |at: usize| {
                let input = Input::new(text).range(at..).anchored(Anchored::Yes);
                engine.afters[0].fallback().unwrap().is_match(input)
            };
            // Twice: the second time, most answers come from memory.
            for round in 0..2 {
                for at in (1..text.len()).filter(|&at| text.is_char_boundary(at)) {
                    // A fresh scratch: no backward pass, every answer a try or remembered.
                    let mut scratch = Scratch::default();
                    let (answer, _) = engine.after_matches(0, text, at, &mut caches, &mut scratch);
                    assert_eq!(answer, expected(at), "{pattern:?} at {at}, round {round}");
                }
            }
        }
    }

    #[test]
    fn remembered_decisions_are_the_decisions_of_the_rules() {
        let rules = [
            Rule::new("title", false, r"(?:^|\s)Mr\.", r"\s"),
            Rule::new("initial", false, r"(?:^|\s)\p{Lu}\.", r"\s+\p{Lu}\p{Ll}"),
            Rule::new("hash", false, r"\.", r"\s*#"),
            Rule::new("end", true, r"[.!?]+", r"\s+[^\p{Ll}\s]"),
            Rule::new("semicolon", true, r";", ""),
        ];
        let engine = engine(&rules);
        let text = "Mr. Smith left. A. Bc went. X. Y. He came! a. b. Ok. # no. #x \
                    Mr. Smith left. A. Bc went. X.    Y. Đó; là. Ông. é. Ok.\n# end. \
                    Z.    Yz went. Z.    YZ went.";
        // By the definition: at each position, the first rule whose patterns match there.
        let regexes: Vec<(Regex, Regex)> = rules
            .iter()
            .map(|rule| {
                let before = Regex::new(&format!(r"(?:{})\z", rule.before)).unwrap();
                let after = Regex::new(&format!(r"^(?:{})", rule.after)).unwrap();
                (before, after)
            })
            .collect();
        let expected: Vec<usize> = (1..text.len())
            .filter(|&at| text.is_char_boundary(at))
            .filter(|&at| {
                regexes
                    .iter()
                    .zip(&rules)
                    .find(|((before, after), _)| {
                        before.is_match(&text[..at]) && after.is_match(&text[at..])
                    })
                    .is_some_and(|(_, rule)| rule.breaks)
            })
            .collect();
        let mut session = engine.session();
        // Twice: the second time, most decisions come from memory.
        for round in 0..2 {
            assert_eq!(session.breaks(text), expected, "round {round}");
        }
    }

    #[test]
    fn the_backward_pass_agrees_with_anchored_matching_everywhere() {
        let patterns = [
            r"[^#]*#",
            r"\s+\p{Lu}",
            r"\s*\b\w+\b.*$",
            r"(?:\s\.){3}\s+[^\p{Ll}\s]",
            r"\s[^.]*\d",
            r".*é",
            r"(?m:^)\s*x+",
            r"\B.*",
        ];
        let texts = [
            "Ab. cd. Éf gh. 12 # ij.",
            "Một. Hai  Ba. bốn 5 é . . . X",
            "\nx. y\nxx ab",
            "",
            "#",
            "a",
        ];
        for pattern in patterns {
            let after = compile_after(pattern).unwrap();
            let Some(reverse) = after.reverse() else {
                panic!("{pattern} has no reverse automaton");
            };
            for text in texts {
                // The lazy DFA gives up on Unicode word boundaries in non-ASCII text: then
                // the anchored tries answer instead.
                let Some(bits) = match_starts(reverse, &mut reverse.create_cache(), text) else {
                    assert!(
                        pattern.contains(r"\b") || pattern.contains(r"\B"),
                        "{pattern}"
                    );
                    assert!(!text.is_ascii(), "{pattern:?} gave up on {text:?}");
                    continue;
                };
                for at in (0..=text.len()).filter(|&at| text.is_char_boundary(at)) {
                    let input = Input::new(text).range(at..).anchored(Anchored::Yes);
                    let expected = after.fallback().unwrap().is_match(input);
                    if let Some(dfa) = &after.forward {
                        let answer = anchored_match(dfa, &mut dfa.create_cache(), text, at, &mut 0);
                        assert!(
                            answer.is_none_or(|answer| answer == expected),
                            "forward {pattern:?} at {at} of {text:?}"
                        );
                    }
                    assert_eq!(
                        bits[at / 64] & (1 << (at % 64)) != 0,
                        expected,
                        "{pattern:?} at {at} of {text:?}"
                    );
                }
            }
        }
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
