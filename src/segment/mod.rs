//! Sentence segmentation: an SRX 2.0-style rule engine with built-in English and
//! Vietnamese rules, and the units (sentences with stable ids) of a document.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

mod engine;
mod rules;
mod units;

use engine::Engine;
pub use engine::{Rule, RuleError};
pub use units::{
    RepeatIds, each_unit, each_unit_after, paragraphs, segment_document, text_id, unique_id,
};

use crate::text::Lang;

/// A sentence unit of a document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Unit {
    /// Stable id derived from the unit's normalized text (`u` + 10 hex digits, `-2`... for repeats).
    pub id: String,
    /// Index of the block (paragraph) in the document, from 0.
    pub block: usize,
    /// Index of the unit inside its block, from 0.
    pub index: usize,
    /// The unit's text exactly as in the source, inline markup included.
    pub text: String,
    /// Byte range in the decoded source text.
    pub start: usize,
    pub end: usize,
}

/// A unit as [`each_unit`] hands it out: borrowed from the document and the id being given,
/// so a caller that prints units allocates nothing per unit. Serialized, it is the same JSON
/// as the [`Unit`] it stands for; the fields mean what [`Unit`]'s do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct UnitRef<'a> {
    pub id: &'a str,
    pub block: usize,
    pub index: usize,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl UnitRef<'_> {
    /// The unit, owned: to keep it past the call that handed it out.
    pub fn to_unit(&self) -> Unit {
        Unit {
            id: self.id.to_owned(),
            block: self.block,
            index: self.index,
            text: self.text.to_owned(),
            start: self.start,
            end: self.end,
        }
    }
}

/// Splits text into sentences with an ordered set of SRX rules.
#[derive(Clone)]
pub struct Segmenter {
    engine: Arc<Engine>,
}

impl Segmenter {
    /// The compiled-in rules for `lang`, compiled once per process.
    pub fn builtin(lang: Lang) -> Segmenter {
        static EN: OnceLock<Arc<Engine>> = OnceLock::new();
        static VI: OnceLock<Arc<Engine>> = OnceLock::new();
        let cell = match lang {
            Lang::En => &EN,
            Lang::Vi => &VI,
        };
        let engine = cell.get_or_init(|| {
            let (engine, errors) = Engine::compile(&rules::builtin(lang));
            debug_assert!(errors.is_empty(), "built-in rules must compile: {errors:?}");
            Arc::new(engine)
        });
        Segmenter {
            engine: Arc::clone(engine),
        }
    }

    /// Compiles `rules` in order; rules that cannot be compiled are returned, not applied.
    pub fn from_rules(rules: &[Rule]) -> (Segmenter, Vec<RuleError>) {
        let (engine, errors) = Engine::compile(rules);
        (
            Segmenter {
                engine: Arc::new(engine),
            },
            errors,
        )
    }

    /// The built-in rules for `lang` in source form (to inspect or to extend).
    pub fn builtin_rules(lang: Lang) -> Vec<Rule> {
        rules::builtin(lang)
    }

    /// Sentence ranges of `text`, trimmed of surrounding white space; never empty ranges.
    pub fn split(&self, text: &str) -> Vec<Range<usize>> {
        engine::ranges_between(text, &self.engine.breaks(text))
    }

    /// A splitter for many texts on one thread: the automata's caches are taken once,
    /// not once per text.
    pub fn splitter(&self) -> Splitter<'_> {
        Splitter {
            session: self.engine.session(),
        }
    }
}

/// Splits texts one after the other with the same caches; see [`Segmenter::splitter`].
pub struct Splitter<'a> {
    session: engine::Session<'a>,
}

impl Splitter<'_> {
    /// [`Segmenter::split`], the ranges added to `ranges`.
    pub fn split_into(&mut self, text: &str, ranges: &mut Vec<Range<usize>>) {
        let breaks = self.session.breaks(text);
        engine::push_ranges_between(text, breaks, ranges);
    }
}
pub mod srx;
