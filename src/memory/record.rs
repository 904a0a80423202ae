//! What songngu records on the TUs its users make: the props of a unit of a document
//! ([`props`]), the TUs it writes (a unit, an addition, an omission), what it reads back
//! ([`StoredUnit`]), the header of a new file and who is writing.

use unic_langid::LanguageIdentifier;

use super::layout::ViParagraph;
use crate::tmx::{self, Attr, Header, Meta, Prop, Tu};

/// The [`props::STATUS`] of a translation awaiting review (a doubtful alignment).
pub const NEEDS_REVIEW: &str = "needs-review";
/// The [`props::STATUS`] of a translation someone approved.
pub const REVIEWED: &str = "reviewed";

/// Prop types songngu writes on the TUs its users create.
pub mod props {
    /// The document (article) id.
    pub const DOC: &str = "x-songngu-doc";
    /// The unit id inside the document.
    pub const UNIT: &str = "x-songngu-unit";
    /// The unit's position in the document, from 0.
    pub const ORDER: &str = "x-songngu-order";
    /// The English the translation was made from (kept when the English changes later).
    pub const SOURCE: &str = "x-songngu-source";
    /// `translated`, `reviewed` (or `needs-review`), or [`OMITTED`].
    pub const STATUS: &str = "x-songngu-status";
    /// Every unit a TU covers, in document order, separated by spaces, when it covers more
    /// than one (a translation that joins several English sentences): [`UNIT`] is the
    /// first of them. A TU without it covers its [`UNIT`] alone.
    pub const UNITS: &str = "x-songngu-units";
    /// The [`STATUS`] of an English unit the published translation leaves out on purpose
    /// (an English-only note): such a TU has no target variant at all, so that no tool
    /// takes an empty text for its translation.
    pub const OMITTED: &str = "omitted";
    /// The [`STATUS`] of Vietnamese published without English (an editor's addition, a
    /// 0-1 link): such a TU has no source variant at all, so that no tool offers it as the
    /// translation of an empty English text. It is tied to its place by [`AFTER`] or
    /// [`BEFORE`]; its [`ORDER`] is its position among the published Vietnamese sentences.
    pub const ADDED: &str = "added";
    /// Of an addition: the unit whose TU's Vietnamese it follows.
    pub const AFTER: &str = "x-songngu-after";
    /// Of an addition at the start of an article: the unit it comes before.
    pub const BEFORE: &str = "x-songngu-before";
    /// Where the published Vietnamese paragraphs differ from the English's, before this
    /// TU's Vietnamese: `new` (a break inside an English paragraph) or `same` (no break
    /// where the English has one); see [`crate::memory::layout`].
    pub const VI_PARAGRAPH: &str = "x-songngu-vi-paragraph";
    /// How sure the aligner was of the pair, 0-1, for TUs made by alignment.
    pub const CONFIDENCE: &str = "x-songngu-confidence";
    /// Written by earlier versions, read only: of a TU whose English left its article,
    /// when an `update` (or `xliff import`) first found it gone, to be retired by the next
    /// `update`. A TU is now retired at once ([`OBSOLETE`]); the next `update` retires
    /// one that still carries this mark, and drops the mark.
    pub const LEFT: &str = "x-songngu-left";
    /// Of a TU whose English left its article: when `update` (or `translate`/`xliff
    /// import`, for the old TU of a retranslated unit) retired it (a TMX date).
    /// A retired TU stays in the memory, searchable and offered as a fuzzy match; checks
    /// stop listing it as `orphaned` (`check --show-obsolete` lists it again).
    pub const OBSOLETE: &str = "x-songngu-obsolete";
    /// Where a translation songngu filled in by itself came from (pre-translation, see
    /// [`crate::drift::pretranslate`]): [`EXACT_MATCH`] or [`REPETITION`]. A TU without it
    /// was made by a person (or by the aligner). Storing a person's translation writes a
    /// new TU, so the prop goes once someone confirms or edits the unit.
    pub const ORIGIN: &str = "x-songngu-origin";
    /// Of a pre-translated TU: the TU its Vietnamese was copied from (its `tuid`, else its
    /// document and unit, else its memory file).
    pub const ORIGIN_FROM: &str = "x-songngu-origin-from";
    /// [`ORIGIN`]: the same English (after normalization) translated elsewhere in the memory.
    pub const EXACT_MATCH: &str = "exact-match";
    /// [`ORIGIN`]: the same English translated in another unit of the same article (a
    /// front-matter title repeating the headline).
    pub const REPETITION: &str = "repetition";
}

/// A TU of a document, as [`Memory::document`](super::store::Memory::document) returns
/// it: what drift checks compare the current article with.
#[derive(Debug, Clone, PartialEq, Default, serde::Serialize)]
pub struct StoredUnit {
    /// The TU's entry in this memory, for [`Memory::replace`](super::store::Memory::replace).
    pub entry: u32,
    /// The unit id ([`props::UNIT`]); empty when the TU has none.
    pub unit: String,
    /// Every unit the TU covers, in order ([`props::UNITS`]); empty when it covers its
    /// [`StoredUnit::unit`] alone.
    pub units: Vec<String>,
    /// The position in the document ([`props::ORDER`]); `usize::MAX` when the TU has none
    /// or it is not a number.
    pub order: usize,
    /// The English the translation was made from: [`props::SOURCE`], else the source text.
    pub en: String,
    /// The translation (the target text), if the TU has one.
    pub vi: Option<String>,
    /// [`props::STATUS`].
    pub status: Option<String>,
    /// `changedate`, else `creationdate`.
    pub changed: Option<String>,
    /// Who made what [`StoredUnit::changed`] dates: `changeid` with `changedate`, else
    /// `creationid`.
    pub changed_by: Option<String>,
    pub tuid: Option<String>,
    /// Where the published Vietnamese paragraphs differ from the English's, before this
    /// TU's Vietnamese ([`props::VI_PARAGRAPH`]).
    pub vi_paragraph: Option<ViParagraph>,
    /// Of an addition ([`StoredUnit::is_added`]): the unit it follows ([`props::AFTER`]).
    pub after: Option<String>,
    /// Of an addition: the unit it comes before ([`props::BEFORE`]).
    pub before: Option<String>,
    /// Marked found gone by an earlier version, not retired yet ([`props::LEFT`]).
    pub left: bool,
    /// Retired: its English left the article ([`props::OBSOLETE`]).
    pub obsolete: bool,
}

impl StoredUnit {
    /// What TU `tu` of entry `entry` records: the record schema read back, the source
    /// and target texts in the memory's languages.
    pub fn read(
        entry: u32,
        tu: &Tu,
        source_lang: &LanguageIdentifier,
        target_lang: &LanguageIdentifier,
    ) -> StoredUnit {
        let source = tu.tuv(source_lang).map(|t| t.seg.plain_text());
        StoredUnit {
            entry,
            unit: tu.prop(props::UNIT).unwrap_or_default().to_owned(),
            units: tu
                .prop(props::UNITS)
                .map(|units| units.split_whitespace().map(str::to_owned).collect())
                .unwrap_or_default(),
            order: tu
                .prop(props::ORDER)
                .and_then(|o| o.trim().parse().ok())
                .unwrap_or(usize::MAX),
            en: tu
                .prop(props::SOURCE)
                .map(str::to_owned)
                .or(source)
                .unwrap_or_default(),
            vi: tu.tuv(target_lang).map(|t| t.seg.plain_text()),
            status: tu.prop(props::STATUS).map(str::to_owned),
            changed: tu
                .attr("changedate")
                .or_else(|| tu.attr("creationdate"))
                .map(str::to_owned),
            // Whoever made what `changed` dates: a change without a `changeid` was not
            // necessarily made by the TU's creator.
            changed_by: if tu.attr("changedate").is_some() {
                tu.attr("changeid")
            } else {
                tu.attr("creationid")
            }
            .map(str::to_owned),
            tuid: tu.attr("tuid").map(str::to_owned),
            vi_paragraph: tu.prop(props::VI_PARAGRAPH).and_then(ViParagraph::parse),
            after: tu.prop(props::AFTER).map(str::to_owned),
            before: tu.prop(props::BEFORE).map(str::to_owned),
            left: tu.prop(props::LEFT).is_some(),
            obsolete: tu.prop(props::OBSOLETE).is_some(),
        }
    }

    /// Whether this is Vietnamese published without English ([`props::ADDED`]).
    pub fn is_added(&self) -> bool {
        self.status.as_deref() == Some(props::ADDED)
    }

    /// Whether the published translation leaves this unit out on purpose
    /// ([`props::OMITTED`]).
    pub fn is_omitted(&self) -> bool {
        self.status.as_deref() == Some(props::OMITTED)
    }

    /// Whether its translation awaits review (`needs-review`: a doubtful alignment).
    pub fn needs_review(&self) -> bool {
        self.status.as_deref() == Some(NEEDS_REVIEW)
    }

    /// The units the TU covers, in order: [`StoredUnit::units`], else its unit alone.
    pub fn covered(&self) -> Vec<&str> {
        if self.units.is_empty() {
            vec![self.unit.as_str()]
        } else {
            self.units.iter().map(String::as_str).collect()
        }
    }
}

/// What a new version of a TU keeps of the one it replaces ([`Memory::replace`]): who
/// created it and when, and the document it counted in. A caller that read the old TU
/// already hands this to [`Memory::replace_after`] instead of having it read again.
///
/// [`Memory::replace`]: super::store::Memory::replace
/// [`Memory::replace_after`]: super::store::Memory::replace_after
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Predecessor {
    pub creationdate: Option<String>,
    pub creationid: Option<String>,
    /// Its [`props::DOC`].
    pub doc: Option<String>,
}

impl Predecessor {
    /// What replacing `tu` keeps of it.
    pub fn of(tu: &Tu) -> Predecessor {
        Predecessor {
            creationdate: tu.attr("creationdate").map(str::to_owned),
            creationid: tu.attr("creationid").map(str::to_owned),
            doc: tu.prop(props::DOC).map(str::to_owned),
        }
    }
}

/// The header songngu writes on a new memory file.
pub(super) fn songngu_header(source_lang: &LanguageIdentifier) -> Header {
    let attr = |name: &str, value: &str| Attr {
        name: name.to_owned(),
        value: value.to_owned(),
    };
    Header {
        attrs: vec![
            attr("creationtool", "songngu"),
            attr("creationtoolversion", env!("CARGO_PKG_VERSION")),
            attr("segtype", "sentence"),
            attr("o-tmf", "songngu"),
            attr("adminlang", "en"),
            attr("srclang", &source_lang.to_string()),
            attr("datatype", "plaintext"),
        ],
        ..Header::default()
    }
}

/// What a songngu user records on a TU they create.
#[derive(Debug, Clone)]
pub struct NewUnit<'a> {
    pub doc: &'a str,
    pub unit: &'a str,
    pub order: usize,
    pub source: &'a str,
    pub target: &'a str,
    pub status: &'a str,
    pub user: &'a str,
}

/// A TU for a unit of a document, dated now (UTC).
pub fn unit_tu(
    new: &NewUnit<'_>,
    source_lang: &LanguageIdentifier,
    target_lang: &LanguageIdentifier,
) -> Tu {
    let now = tmx::tmx_date_now();
    let attr = |name: &str, value: &str| Attr {
        name: name.to_owned(),
        value: value.to_owned(),
    };
    let prop = |kind: &str, value: &str| {
        Meta::Prop(Prop {
            attrs: vec![attr("type", kind)],
            value: value.to_owned(),
        })
    };
    Tu {
        attrs: vec![
            attr("tuid", &format!("{}/{}", new.doc, new.unit)),
            attr("creationdate", &now),
            attr("creationid", new.user),
            attr("changedate", &now),
            attr("changeid", new.user),
        ],
        meta: vec![
            prop(props::DOC, new.doc),
            prop(props::UNIT, new.unit),
            prop(props::ORDER, &new.order.to_string()),
            prop(props::SOURCE, new.source),
            prop(props::STATUS, new.status),
        ],
        tuvs: vec![
            tmx::Tuv::with_text(source_lang, new.source),
            tmx::Tuv::with_text(target_lang, new.target),
        ],
    }
}

/// Records on `tu` every unit it covers ([`props::UNITS`], right after [`props::UNIT`]),
/// when there is more than one; a TU of one unit is left as it is, so the memories of
/// other tools and of older versions read the same.
pub fn set_covered_units(tu: &mut Tu, units: &[&str]) {
    tu.meta
        .retain(|m| !matches!(m, Meta::Prop(p) if p.kind() == Some(props::UNITS)));
    if units.len() < 2 {
        return;
    }
    let at = tu
        .meta
        .iter()
        .position(|m| matches!(m, Meta::Prop(p) if p.kind() == Some(props::UNIT)))
        .map_or(tu.meta.len(), |i| i + 1);
    tu.meta
        .insert(at, Meta::Prop(Prop::new(props::UNITS, &units.join(" "))));
}

/// Sets prop `kind` of `tu` to `when` (a TMX date; [`props::LEFT`] or [`props::OBSOLETE`],
/// after the last prop), or with `None` removes it.
pub fn set_dated(tu: &mut Tu, kind: &str, when: Option<&str>) {
    tu.meta
        .retain(|m| !matches!(m, Meta::Prop(p) if p.kind() == Some(kind)));
    if let Some(when) = when {
        tu.meta.push(Meta::Prop(Prop::new(kind, when)));
    }
}

/// Records on `tu` where the published Vietnamese paragraphs differ from the English's
/// ([`props::VI_PARAGRAPH`], after the last prop); `None` removes the record.
pub fn set_vi_paragraph(tu: &mut Tu, paragraph: Option<ViParagraph>) {
    tu.meta
        .retain(|m| !matches!(m, Meta::Prop(p) if p.kind() == Some(props::VI_PARAGRAPH)));
    if let Some(paragraph) = paragraph {
        tu.meta.push(Meta::Prop(Prop::new(
            props::VI_PARAGRAPH,
            paragraph.as_str(),
        )));
    }
}

/// Where an addition goes: after the TU of a unit, or before a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddedAt<'a> {
    After(&'a str),
    Before(&'a str),
}

/// A TU recording Vietnamese published without English in document `doc` (an editor's
/// addition): status [`props::ADDED`], tied to its place `at`, `order` its position among
/// the published Vietnamese sentences, and only the target variant, which is also the TU's
/// `srclang`. With no English, no tool can offer it as the translation of anything, and
/// TMX allows a TU of one variant.
pub fn added_tu(
    doc: &str,
    at: AddedAt<'_>,
    order: usize,
    vi: &str,
    user: &str,
    target_lang: &LanguageIdentifier,
) -> Tu {
    let now = tmx::tmx_date_now();
    let attr = |name: &str, value: &str| Attr {
        name: name.to_owned(),
        value: value.to_owned(),
    };
    let (anchor_kind, anchor) = match at {
        AddedAt::After(unit) => (props::AFTER, unit),
        AddedAt::Before(unit) => (props::BEFORE, unit),
    };
    Tu {
        attrs: vec![
            attr("tuid", &format!("{doc}/vi-{order}")),
            // The TU's own source is its only variant: TMX wants a variant in the source
            // language, and an English one would have to be empty or made up.
            attr("srclang", &target_lang.to_string()),
            attr("creationdate", &now),
            attr("creationid", user),
            attr("changedate", &now),
            attr("changeid", user),
        ],
        meta: vec![
            Meta::Prop(Prop::new(props::DOC, doc)),
            Meta::Prop(Prop::new(anchor_kind, anchor)),
            Meta::Prop(Prop::new(props::ORDER, &order.to_string())),
            Meta::Prop(Prop::new(props::STATUS, props::ADDED)),
        ],
        tuvs: vec![tmx::Tuv::with_text(target_lang, vi)],
    }
}

/// A TU recording that the published translation leaves unit `new.unit` out on purpose:
/// status [`props::OMITTED`] and no target variant (`new.target` and `new.status` are not
/// used). Without a target, no tool offers it as a translation, and TMX allows a TU of
/// one variant.
pub fn omitted_tu(
    new: &NewUnit<'_>,
    source_lang: &LanguageIdentifier,
    target_lang: &LanguageIdentifier,
) -> Tu {
    let mut tu = unit_tu(
        &NewUnit {
            status: props::OMITTED,
            ..*new
        },
        source_lang,
        target_lang,
    );
    // `unit_tu` writes the source variant first, then the target.
    tu.tuvs.truncate(1);
    tu
}
