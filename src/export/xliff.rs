//! The XLIFF work file of a checked article: the units a translator has to look at, with
//! what the memory already offers for each; and, when the file comes back, where each of
//! its units belongs in the current English and whether it holds a translation.
//!
//! # Out
//!
//! [`work_document`] writes every unit that needs work (every unit with `all`):
//!
//! | unit     | Vietnamese                        | state        | also |
//! |----------|-----------------------------------|--------------|------|
//! | current  | its translation (only with `all`, or when it awaits review) | the memory's status: `translated`, `reviewed`, or `needs-review` ([`State::of_status`]) | |
//! | stale    | the old translation               | `initial`    | the old English (`old_en`) |
//! | missing  | the best fuzzy match, if any      | `initial`    | its score |
//!
//! A stale or missing unit is `initial` even with Vietnamese in it: that Vietnamese is a
//! starting point, not a translation of the current English (1.2 writes a stale unit as
//! `needs-review-translation`, see [`crate::xliff`]). Each unit's `name` is its position in
//! the article (0-based, as the memory's `x-songngu-order`), so that a unit whose English
//! was edited after the export can be found on import although its id, a hash of the
//! English, is gone ([`place_units`]).
//!
//! # Back
//!
//! [`place_units`] finds each returned unit in the current English; [`verdict`] decides
//! whether it holds new work, comparing it with what was exported for it: a unit whose
//! target and state are both still as exported is not written back at all (so the
//! memory keeps who translated it, when, and props such as the aligner's confidence),
//! and a target still as exported in state `initial` is no translation (the old
//! Vietnamese of a stale unit, an unedited suggestion). Otherwise the translator changed
//! the text or the state: it is stored with the state the file gives (`initial` with an
//! edited target counts as `translated`).

use std::collections::{HashMap, HashSet};

use crate::document::{BlockKind, Document, Format};
use crate::drift::check::{Report, Status};
use crate::drift::revision::{self, UnitState};
use crate::drift::{CheckedUnit, Kind};
use crate::memory::record::StoredUnit;
use crate::segment::Unit;
use crate::text::normalize::normalized;
use crate::xliff::{State, XliffDoc, XliffUnit};

/// The units of a checked article (every unit of document `doc`, in order, as
/// [`CheckedArticle::units`](crate::drift::CheckedArticle::units) gives them) that need work, or all of them with `all`, as
/// its work file from `source_lang` to `target_lang` (see the [module docs](self)).
pub fn work_document(
    doc: &str,
    units: &[CheckedUnit<'_>],
    all: bool,
    source_lang: &str,
    target_lang: &str,
) -> XliffDoc {
    let mut out = Vec::new();
    for (order, unit) in units.iter().enumerate() {
        // A unit translated together with the one before is sent once, with that one.
        if unit.joined {
            continue;
        }
        let en = run_english(
            order,
            units.len(),
            |i| units[i].unit.text.as_str(),
            |i| units[i].joined,
        );
        let mut x = XliffUnit::new(unit.unit.id.clone(), en);
        x.name = Some(order.to_string());
        match unit.status {
            // Left out of the published translation on purpose: no work.
            Status::Omitted => continue,
            // A doubtful alignment is work: someone reads it and approves it.
            Status::Current if !all && !needs_review(unit) => continue,
            Status::Current => {
                // The memory's own status, so that a file sent back untouched says what
                // the memory says (a doubtful alignment stays to be reviewed, a reviewed
                // translation stays reviewed).
                x.state = State::of_status(unit.vi_status.as_deref());
                x.vi = unit.vi.clone();
            }
            Status::Stale => {
                x.vi = unit.vi.clone();
                x.old_en = unit
                    .drift
                    .filter(|f| f.kind == Kind::Stale)
                    .and_then(|f| f.old_en.clone());
            }
            Status::Missing => {
                let suggestion = unit.drift.filter(|f| f.kind == Kind::Missing);
                if let Some(s) = suggestion.and_then(|f| f.suggestion.clone()) {
                    x.vi = Some(s.vi);
                    x.score = Some(s.score);
                }
            }
        }
        // A current unit without Vietnamese cannot be `translated` (the writer refuses
        // a state without a target); it is work like a missing one.
        if x.vi.is_none() {
            x.state = State::Initial;
        }
        out.push(x);
    }
    XliffDoc {
        doc: doc.to_owned(),
        source_lang: source_lang.to_owned(),
        target_lang: target_lang.to_owned(),
        units: out,
    }
}

/// Whether the memory's translation of `unit` awaits review (a doubtful alignment).
fn needs_review(unit: &CheckedUnit<'_>) -> bool {
    unit.vi_status.as_deref() == Some(crate::memory::record::NEEDS_REVIEW)
}

/// The labels of a context note's lines, in the language of whoever reads the work file
/// (English by default; the command line gives its interface language's).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextLabels {
    pub previous: String,
    pub next: String,
    pub heading: String,
}

impl Default for ContextLabels {
    fn default() -> ContextLabels {
        ContextLabels {
            previous: String::from("Previous"),
            next: String::from("Next"),
            heading: String::from("Heading"),
        }
    }
}

/// What a work file carries beyond its units' texts and states.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Dress {
    /// A Markdown article's inline markup as XLIFF inline codes.
    pub codes: bool,
    /// A context note on each unit: the sentences before and after, the heading.
    pub context: bool,
    /// Every unit with a target, for OmegaT: its XLIFF filter translates the text it
    /// finds in `<target>` (and skips a unit without one), so a unit without a
    /// translation (state `initial`: nothing, a suggestion, a stale unit's old
    /// Vietnamese) gets a copy of its English there, for OmegaT to translate from its
    /// own memories (`tm/auto/` for songngu's TMX); a translation stays. [`verdict`]
    /// takes such a copy, returned `initial`, for no translation.
    pub source_copies: bool,
    /// The labels of the context notes' lines.
    pub labels: ContextLabels,
}

impl Dress {
    /// What a work file carries by default (`xliff export`, and a release's `<base>.xlf`):
    /// inline codes and context notes labelled with `labels`, no source copies.
    pub fn work_file(labels: ContextLabels) -> Dress {
        Dress {
            codes: true,
            context: true,
            source_copies: false,
            labels,
        }
    }
}

/// The work file of a release's units ([`work_document`]) dressed as `dress` asks: what
/// `xliff export` writes and the release's `<base>.xlf` too, so the two cannot drift apart.
pub fn work_file(
    release: &crate::export::Release<'_>,
    all: bool,
    source_lang: &str,
    target_lang: &str,
    dress: &Dress,
) -> XliffDoc {
    let mut doc = work_document(
        &release.doc_id,
        &release.units,
        all,
        source_lang,
        target_lang,
    );
    dress_units(&mut doc, release.en, &release.units, dress);
    doc
}

/// Dresses `doc`, the work file of the units `units` of the English `en`.
fn dress_units(doc: &mut XliffDoc, en: &Document, units: &[CheckedUnit<'_>], dress: &Dress) {
    let markdown = en.format == Format::Markdown;
    for x in &mut doc.units {
        x.markdown = dress.codes && markdown;
        if dress.source_copies && x.state == State::Initial && !x.en.is_empty() {
            x.vi = Some(x.en.clone());
            x.score = None;
            x.copied_source = true;
        }
        if dress.context
            && let Some(order) = exported_order(x).filter(|&o| o < units.len())
        {
            x.context = context(en, units, order, &dress.labels);
        }
    }
}

/// The context note of unit `order`: the sentence before it and after its run (units
/// translated with it), and the heading its paragraph is under; `None` if none of them.
fn context(
    en: &Document,
    units: &[CheckedUnit<'_>],
    order: usize,
    labels: &ContextLabels,
) -> Option<String> {
    let end = (order + 1..units.len())
        .find(|&i| !units[i].joined)
        .unwrap_or(units.len());
    let blocks = &en.blocks;
    let block = units[order].unit.block;
    let heading = blocks
        .get(..block.min(blocks.len()))
        .unwrap_or_default()
        .iter()
        .rev()
        .find(|b| matches!(b.kind, BlockKind::Heading(_)))
        .map(|b| en.block_text(b));
    let lines: Vec<String> = [
        (
            &labels.previous,
            order.checked_sub(1).map(|i| units[i].unit.text.as_str()),
        ),
        (&labels.next, units.get(end).map(|u| u.unit.text.as_str())),
        (&labels.heading, heading),
    ]
    .into_iter()
    .filter_map(|(label, text)| Some(format!("{label}: {}", text?)))
    .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// The English of unit `order` (of `len`) and of the units translated together with it
/// (`joined`), joined by one space: what one TU of the memory translates.
fn run_english<'u>(
    order: usize,
    len: usize,
    text: impl Fn(usize) -> &'u str,
    joined: impl Fn(usize) -> bool,
) -> String {
    let end = (order + 1..len).find(|&i| !joined(i)).unwrap_or(len);
    let texts: Vec<&str> = (order..end).map(text).collect();
    texts.join(" ")
}

/// The position in the article a unit of a work file was exported from: its `name`, as
/// [`work_document`] writes it.
pub fn exported_order(unit: &XliffUnit) -> Option<usize> {
    unit.name.as_deref()?.trim().parse().ok()
}

/// Where a returned unit belongs in the current English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The unit at this position, with the same English.
    Same(usize),
    /// The unit at this position took the place of the returned unit: its English was
    /// edited (or rewritten) since the export.
    Changed(usize),
    /// Nowhere: its English left the article.
    Gone,
    /// Its id is not in the current English, but its English is, as the unit at this
    /// position: the id was changed in the file (by hand or by a tool), so the returned
    /// unit is not one of the article's.
    UnknownId(usize),
}

/// Where each unit of `file` (a returned work file) belongs in the current English
/// `units`, checked in `report`.
///
/// By id first (ids are hashes of the English, so a unit found by id has its English).
/// A unit whose id is gone is looked for by its exported position
/// ([`exported_order`]): the file's units, in their exported order, are compared with
/// the current units as the memory's are ([`revision::compare`]), so an edited sentence
/// pairs with its new English even when sentences were added or removed before it. One
/// that is not similar enough to pair (rewritten) takes the unit at its old position,
/// shifted as much as the nearest unit before it that kept its id moved. Either way the
/// current unit taken is not itself in the file and has no up-to-date translation in
/// `report` (a current translated unit was not what the translator worked on). Anything
/// else is [`Place::Gone`].
pub fn place_units(file: &[XliffUnit], units: &[Unit], report: &Report) -> Vec<Place> {
    let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(units.len());
    for (i, unit) in units.iter().enumerate() {
        by_id.entry(unit.id.as_str()).or_insert(i);
    }
    let file_ids: HashSet<&str> = file.iter().map(|x| x.id.as_str()).collect();
    let mut taken = vec![false; units.len()];
    let mut places: Vec<Place> = file
        .iter()
        .map(|x| match by_id.get(x.id.as_str()) {
            Some(&i) => {
                taken[i] = true;
                let en = run_english(
                    i,
                    units.len(),
                    |i| units[i].text.as_str(),
                    |i| report.joined.get(i).copied().unwrap_or(false),
                );
                if normalized(&en) == normalized(&x.en) {
                    Place::Same(i)
                } else {
                    Place::Changed(i)
                }
            }
            None => Place::Gone,
        })
        .collect();
    if !places.contains(&Place::Gone) {
        return places;
    }
    // The file's units in exported order, as if they were a memory's stored units.
    let mut exported: Vec<(usize, usize)> = file
        .iter()
        .enumerate()
        .filter_map(|(k, x)| Some((exported_order(x)?, k)))
        .collect();
    exported.sort_unstable();
    let stored: Vec<StoredUnit> = exported
        .iter()
        .map(|&(order, k)| StoredUnit {
            entry: u32::try_from(k).unwrap_or(u32::MAX),
            unit: file[k].id.clone(),
            units: Vec::new(),
            order,
            en: file[k].en.clone(),
            vi: file[k].vi.clone(),
            status: None,
            changed: None,
            tuid: None,
            ..StoredUnit::default()
        })
        .collect();
    // A current unit can take a gone one's place if no returned unit is it and it has no
    // up-to-date translation (a current translated unit was not what the translator
    // worked on).
    let free = |i: usize, taken: &[bool]| {
        !taken[i]
            && report.status.get(i) != Some(&Status::Current)
            && !file_ids.contains(units[i].id.as_str())
    };
    let revision = revision::compare(units, &stored);
    for (i, state) in revision.units.iter().enumerate() {
        match state {
            // The same English under another id: not an edit of the English, and not the
            // article's unit either.
            UnitState::Current { stored: j } => {
                let k = exported[*j].1;
                if places[k] == Place::Gone {
                    places[k] = Place::UnknownId(i);
                }
            }
            UnitState::Stale { stored: j, .. } => {
                let k = exported[*j].1;
                if places[k] == Place::Gone && free(i, &taken) {
                    places[k] = Place::Changed(i);
                    taken[i] = true;
                }
            }
            UnitState::Missing | UnitState::Joined { .. } => {}
        }
    }
    // By position, shifted like the nearest unit before that kept its id.
    let mut shift = 0isize;
    for &(order, k) in &exported {
        match places[k] {
            Place::Same(i) => {
                shift = i as isize - order as isize;
                continue;
            }
            Place::Changed(_) | Place::UnknownId(_) => continue,
            Place::Gone => {}
        }
        let Some(at) = order
            .checked_add_signed(shift)
            .filter(|&at| at < units.len())
        else {
            continue;
        };
        if free(at, &taken) {
            // Its English unchanged at its old place, under another id: the file's id is
            // what changed, not the English (ids differing only in case, whitespace...).
            places[k] = if normalized(&units[at].text) == normalized(&file[k].en) {
                Place::UnknownId(at)
            } else {
                Place::Changed(at)
            };
            taken[at] = true;
        }
    }
    places
}

/// What to do with a returned unit found in the current English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict<'x> {
    /// Store `vi` with `status` (`translated`, `reviewed` or `needs-review`).
    /// `still_initial`: the tool left the state `initial` although the Vietnamese was
    /// edited.
    Store {
        vi: &'x str,
        status: &'static str,
        still_initial: bool,
    },
    /// The translation as it was exported, target and state: nothing to write back.
    Unchanged,
    /// Nothing to store: no Vietnamese, or still what was exported, unedited, in state
    /// `initial`.
    NotTranslated,
}

/// Whether `returned` holds new work, given what the work file was exported with for it
/// (`exported`: what [`work_document`] writes for the unit now, with `all`). Texts are
/// compared after [`normalize`] (NFC, white space), as the memory compares them. A unit
/// exported as a copy of its English ([`Dress::source_copies`]) is compared with that
/// copy: the copy is no translation, anything else is.
pub fn verdict<'x>(returned: &'x XliffUnit, exported: &XliffUnit) -> Verdict<'x> {
    let Some(vi) = returned.vi.as_deref().filter(|v| !v.trim().is_empty()) else {
        return Verdict::NotTranslated;
    };
    if returned.copied_source {
        // Exported as a copy of the English: still that copy is no translation; any
        // other text is the tool's or the translator's (OmegaT keeps the state).
        return if normalized(vi) == normalized(&returned.en) {
            Verdict::NotTranslated
        } else {
            Verdict::Store {
                vi,
                status: returned.state.status().unwrap_or("translated"),
                still_initial: returned.state == State::Initial,
            }
        };
    }
    // Texts equal as they are (an untouched unit) are equal normalized.
    let same_text = exported
        .vi
        .as_deref()
        .is_some_and(|e| e == vi || normalized(e) == normalized(vi));
    if same_text && returned.state == exported.state && exported.state != State::Initial {
        return Verdict::Unchanged;
    }
    match returned.state.status() {
        // `initial`: a target as exported is still only a suggestion; an edited one is
        // the translator's work, whatever the tool left the state at.
        None if same_text => Verdict::NotTranslated,
        None => Verdict::Store {
            vi,
            status: "translated",
            still_initial: true,
        },
        Some(status) => Verdict::Store {
            vi,
            status,
            still_initial: false,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::article::checked_units;
    use crate::drift::report::{Explanation, Suggestion};
    use crate::drift::{Finding, Severity};
    use crate::segment::text_id;

    fn unit(text: &str) -> Unit {
        Unit {
            id: text_id(text),
            block: 0,
            index: 0,
            text: text.to_owned(),
            start: 0,
            end: 0,
        }
    }

    fn units(texts: &[&str]) -> Vec<Unit> {
        texts.iter().map(|t| unit(t)).collect()
    }

    /// A report where `status[i]` is given and current units have Vietnamese.
    fn report(status: &[Status]) -> Report {
        Report {
            status: status.to_vec(),
            vi: status
                .iter()
                .map(|s| (*s != Status::Missing).then(|| String::from("cũ")))
                .collect(),
            vi_status: vec![None; status.len()],
            findings: Vec::new(),
            joined: vec![false; status.len()],
            ..Report::default()
        }
    }

    #[test]
    fn stale_and_suggested_units_are_initial_with_their_position_and_languages() {
        let us = units(&["One.", "Two has changed.", "Three.", "Four."]);
        let mut r = report(&[
            Status::Current,
            Status::Stale,
            Status::Missing,
            Status::Missing,
        ]);
        let mut stale = Finding::new(Kind::Stale, Explanation::new("drift-stale"));
        stale.unit = Some(us[1].id.clone());
        stale.old_en = Some("Two.".into());
        let mut missing = Finding::new(Kind::Missing, Explanation::new("drift-missing"));
        missing.unit = Some(us[2].id.clone());
        missing.suggestion = Some(Suggestion {
            score: 80,
            en: "Three!".into(),
            vi: "Ba!".into(),
        });
        r.findings = vec![stale, missing];
        let doc = work_document(
            "d",
            &checked_units(&us, &r, Severity::Error),
            false,
            "en-GB",
            "vi-VN",
        );
        assert_eq!(
            (doc.source_lang.as_str(), doc.target_lang.as_str()),
            ("en-GB", "vi-VN")
        );
        let got: Vec<_> = doc
            .units
            .iter()
            .map(|x| {
                (
                    x.name.as_deref(),
                    x.state,
                    x.vi.as_deref(),
                    x.score,
                    x.old_en.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some("1"), State::Initial, Some("cũ"), None, Some("Two.")),
                (Some("2"), State::Initial, Some("Ba!"), Some(80), None),
                (Some("3"), State::Initial, None, None, None),
            ]
        );
        assert_eq!(exported_order(&doc.units[0]), Some(1));
        let all = work_document(
            "d",
            &checked_units(&us, &r, Severity::Error),
            true,
            "en",
            "vi",
        );
        assert_eq!(all.units.len(), 4);
        assert_eq!(all.units[0].state, State::Translated);
        // Every unit of the work file can be written, in both versions.
        for version in [crate::xliff::Version::V2_0, crate::xliff::Version::V1_2] {
            crate::xliff::validate(&all, version).unwrap();
        }
    }

    /// A stale or missing unit as exported: `initial`, with the old Vietnamese or a
    /// suggestion, if any.
    fn exported_as(vi: Option<&str>) -> XliffUnit {
        XliffUnit {
            vi: vi.map(str::to_owned),
            ..XliffUnit::new("u1", "Two has changed.")
        }
    }

    #[test]
    fn verdicts_compare_with_what_was_exported() {
        let mut x = XliffUnit::new("u1", "Two has changed.");
        assert_eq!(verdict(&x, &exported_as(None)), Verdict::NotTranslated);
        x.vi = Some("cũ".into());
        // Untouched: the old Vietnamese or suggestion, still initial.
        assert_eq!(
            verdict(&x, &exported_as(Some("cũ"))),
            Verdict::NotTranslated
        );
        assert_eq!(
            verdict(&x, &exported_as(Some(" cũ\n"))),
            Verdict::NotTranslated
        );
        // Edited, though the tool left it initial.
        assert_eq!(
            verdict(&x, &exported_as(Some("khác"))),
            Verdict::Store {
                vi: "cũ",
                status: "translated",
                still_initial: true
            }
        );
        // Confirmed as it was.
        x.state = State::Translated;
        assert_eq!(
            verdict(&x, &exported_as(Some("cũ"))),
            Verdict::Store {
                vi: "cũ",
                status: "translated",
                still_initial: false
            }
        );
        x.state = State::Reviewed;
        assert!(matches!(
            verdict(&x, &exported_as(Some("cũ"))),
            Verdict::Store {
                status: "reviewed",
                ..
            }
        ));
        x.vi = Some("  ".into());
        assert_eq!(
            verdict(&x, &exported_as(Some("cũ"))),
            Verdict::NotTranslated
        );
    }

    #[test]
    fn a_copy_of_the_source_is_no_translation_but_what_replaced_it_is() {
        // Exported with a suggestion; the OmegaT file had a copy of the English instead.
        let exported = exported_as(Some("Hai đã đổi."));
        let mut back = XliffUnit {
            vi: Some("Two has changed.".into()),
            copied_source: true,
            ..XliffUnit::new("u1", "Two has changed.")
        };
        assert_eq!(verdict(&back, &exported), Verdict::NotTranslated);
        // OmegaT put the memory's match there, state untouched: OmegaT's translation,
        // although it is the suggestion songngu had.
        back.vi = Some("Hai đã đổi.".into());
        assert_eq!(
            verdict(&back, &exported),
            Verdict::Store {
                vi: "Hai đã đổi.",
                status: "translated",
                still_initial: true
            }
        );
        // Without the mark, an untouched suggestion stays no translation.
        back.copied_source = false;
        assert_eq!(verdict(&back, &exported), Verdict::NotTranslated);
    }

    /// Regression (issue 11): an untouched `--all` file promoted `needs-review` to
    /// `translated` and demoted `reviewed`, naming the importer as the changer.
    #[test]
    fn a_translation_returned_as_exported_is_unchanged_in_every_state() {
        for state in [State::NeedsReview, State::Translated, State::Reviewed] {
            let out = XliffUnit {
                vi: Some("Một.".into()),
                state,
                ..XliffUnit::new("u1", "One.")
            };
            let mut back = out.clone();
            back.vi = Some(" Một.\n".into());
            assert_eq!(verdict(&back, &out), Verdict::Unchanged, "{state:?}");
            // The text edited: stored with the state the file gives.
            back.vi = Some("Số một.".into());
            assert_eq!(
                verdict(&back, &out),
                Verdict::Store {
                    vi: "Số một.",
                    status: state.status().unwrap(),
                    still_initial: false
                }
            );
        }
        // Only the state changed: a doubtful alignment confirmed as it is.
        let out = XliffUnit {
            vi: Some("Một.".into()),
            state: State::NeedsReview,
            ..XliffUnit::new("u1", "One.")
        };
        let back = XliffUnit {
            state: State::Translated,
            ..out.clone()
        };
        assert!(matches!(
            verdict(&back, &out),
            Verdict::Store {
                status: "translated",
                ..
            }
        ));
        // A tool that dropped our `subState` sends it back `initial`, unedited: kept.
        let back = XliffUnit {
            state: State::Initial,
            ..out.clone()
        };
        assert_eq!(verdict(&back, &out), Verdict::NotTranslated);
    }

    #[test]
    fn current_units_go_out_in_the_memorys_status() {
        let us = units(&["One.", "Two.", "Three.", "Four."]);
        let mut r = report(&[Status::Current; 4]);
        r.vi_status = vec![
            Some("needs-review".into()),
            Some("reviewed".into()),
            Some("translated".into()),
            None,
        ];
        let states: Vec<State> = work_document(
            "d",
            &checked_units(&us, &r, Severity::Error),
            true,
            "en",
            "vi",
        )
        .units
        .iter()
        .map(|x| x.state)
        .collect();
        assert_eq!(
            states,
            [
                State::NeedsReview,
                State::Reviewed,
                State::Translated,
                State::Translated
            ]
        );
    }

    fn exported(texts: &[(usize, &str)]) -> Vec<XliffUnit> {
        texts
            .iter()
            .map(|&(order, text)| XliffUnit {
                name: Some(order.to_string()),
                ..XliffUnit::new(text_id(text), text)
            })
            .collect()
    }

    #[test]
    fn units_are_placed_by_id_then_by_similarity_then_by_position() {
        let file = exported(&[
            (1, "The fair has 40 stands."),
            (2, "Tickets cost nothing."),
            (4, "The weather was fine."),
        ]);
        // A sentence was added at the start, the first exported one edited (similar),
        // the third rewritten at its place; the second is unchanged.
        let now = units(&[
            "Welcome.",
            "The fair opened.",
            "The fair has 45 stands.",
            "Tickets cost nothing.",
            "Lunch was served.",
            "It rained all day long, sadly.",
        ]);
        let r = report(&[
            Status::Missing,
            Status::Current,
            Status::Missing,
            Status::Missing,
            Status::Current,
            Status::Missing,
        ]);
        assert_eq!(
            place_units(&file, &now, &r),
            [Place::Changed(2), Place::Same(3), Place::Changed(5)]
        );
        // The rewritten sentence deleted instead: its old place holds a current unit,
        // which is not taken for it.
        let now = units(&[
            "The fair opened.",
            "The fair has 40 stands.",
            "Tickets cost nothing.",
            "Lunch was served.",
            "Bye.",
        ]);
        let r = report(&[
            Status::Current,
            Status::Missing,
            Status::Missing,
            Status::Current,
            Status::Current,
        ]);
        assert_eq!(
            place_units(&file, &now, &r),
            [Place::Same(1), Place::Same(2), Place::Gone]
        );
        // An id that is not the article's, on English that is: not "the English changed"
        // with the same English twice.
        let mut renamed = file.clone();
        renamed[1].id = "u0000000000".into();
        assert_eq!(
            place_units(&renamed, &now, &r),
            [Place::Same(1), Place::UnknownId(2), Place::Gone]
        );
        // Without positions (a file from elsewhere), only ids and nothing else.
        let mut bare = file.clone();
        for x in &mut bare {
            x.name = None;
        }
        let now = units(&["The fair has 45 stands.", "Tickets cost nothing."]);
        let r = report(&[Status::Missing, Status::Missing]);
        assert_eq!(
            place_units(&bare, &now, &r),
            [Place::Gone, Place::Same(1), Place::Gone]
        );
    }
}
