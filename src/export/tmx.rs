//! `tmx`: the translation units of a release as TMX 1.4b.
//!
//! One TU per unit that has Vietnamese, in document order, made like the memory's own TUs
//! ([`unit_tu`]): `tuid` `<doc>/<unit>`, the props [`props::DOC`], [`props::UNIT`],
//! [`props::ORDER`] (the unit's position in the release), [`props::SOURCE`] and
//! [`props::STATUS`], an English and a Vietnamese `<tuv>`. Dates and user come from the
//! release's [`Stamp`], so the same release gives the same bytes. The status is
//! `translated`, or `needs-review` for a unit that is not current or has open findings
//! (only in a release with drift allowed): the pair is what was published, and the English it pairs
//! with is the current one. Units without Vietnamese are left out.
//!
//! Written with the crate's deterministic [`TmxWriter`].
//!
//! [`props::DOC`]: crate::memory::record::props::DOC
//! [`props::UNIT`]: crate::memory::record::props::UNIT
//! [`props::ORDER`]: crate::memory::record::props::ORDER
//! [`props::SOURCE`]: crate::memory::record::props::SOURCE
//! [`props::STATUS`]: crate::memory::record::props::STATUS

use std::io::Write;

use unic_langid::{LanguageIdentifier, langid};

use super::{ExportError, Release, Stamp};
use crate::drift::{CheckedUnit, Status};
use crate::memory::layout::Addition;
use crate::memory::record::{
    AddedAt, NewUnit, added_tu, omitted_tu, set_covered_units, set_vi_paragraph, unit_tu,
};
use crate::tmx::{Attr, Header, Meta, Prop, TmxWriter, Tu};

/// Languages and stamp of the TMX output.
#[derive(Debug, Clone)]
pub struct TmxOptions {
    pub source_lang: LanguageIdentifier,
    pub target_lang: LanguageIdentifier,
    pub stamp: Stamp,
}

impl TmxOptions {
    /// `en` to `vi`.
    pub fn new(stamp: Stamp) -> TmxOptions {
        TmxOptions {
            source_lang: langid!("en"),
            target_lang: langid!("vi"),
            stamp,
        }
    }
}

/// The header: songngu's, as on a new memory file, dated by the stamp, with the document
/// id as a prop.
fn header(release: &Release<'_>, options: &TmxOptions) -> Header {
    let date = options.stamp.tmx_date();
    Header {
        attrs: vec![
            Attr::new("creationtool", "songngu"),
            Attr::new("creationtoolversion", env!("CARGO_PKG_VERSION")),
            Attr::new("segtype", "sentence"),
            Attr::new("o-tmf", "songngu"),
            Attr::new("adminlang", "en"),
            Attr::new("srclang", &options.source_lang.to_string()),
            Attr::new("datatype", "plaintext"),
            Attr::new("creationdate", &date),
            Attr::new("creationid", &options.stamp.user),
        ],
        meta: vec![Meta::Prop(Prop::new(
            crate::memory::record::props::DOC,
            &release.doc_id,
        ))],
        extra: Vec::new(),
    }
}

/// The TUs of the release, in document order.
pub fn tus(release: &Release<'_>, options: &TmxOptions) -> Result<Vec<Tu>, ExportError> {
    release.check()?;
    let date = options.stamp.tmx_date();
    let mut tus = Vec::with_capacity(release.units.len());
    // The editor's additions (Vietnamese without English), numbered in published order
    // after the units, so that their order prop never equals a unit's.
    let mut added = release.units.len();
    let mut push_added = |tus: &mut Vec<Tu>, at: AddedAt<'_>, additions: &[Addition]| {
        for addition in additions {
            let mut tu = added_tu(
                &release.doc_id,
                at,
                added,
                addition.vi.trim(),
                &options.stamp.user,
                &options.target_lang,
            );
            set_vi_paragraph(&mut tu, addition.paragraph);
            tu.set_attr("creationdate", &date);
            tu.set_attr("changedate", &date);
            tus.push(tu);
            added += 1;
        }
    };
    for (order, unit) in release.units.iter().enumerate() {
        push_added(&mut tus, AddedAt::Before(&unit.unit.id), &unit.added_before);
        let omitted = unit.state() == Status::Omitted;
        let vi = match unit.translation() {
            Some(vi) if !unit.joined => vi,
            _ if omitted => "",
            _ => {
                push_added(&mut tus, AddedAt::After(&unit.unit.id), &unit.added_after);
                continue;
            }
        };
        // The units translated together with this one: one TU with their English.
        let run: Vec<&CheckedUnit<'_>> = std::iter::once(unit)
            .chain(release.units[order + 1..].iter().take_while(|u| u.joined))
            .collect();
        let source = run
            .iter()
            .map(|u| u.unit.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let review = !matches!(unit.state(), Status::Current | Status::Omitted)
            || unit.open_findings(release.fail_on).next().is_some();
        let new = NewUnit {
            doc: &release.doc_id,
            unit: &unit.unit.id,
            order,
            source: &source,
            target: vi,
            status: if review { "needs-review" } else { "translated" },
            user: &options.stamp.user,
        };
        let mut tu = if omitted {
            omitted_tu(&new, &options.source_lang, &options.target_lang)
        } else {
            unit_tu(&new, &options.source_lang, &options.target_lang)
        };
        let covered: Vec<&str> = run.iter().map(|u| u.unit.id.as_str()).collect();
        set_covered_units(&mut tu, &covered);
        if !omitted {
            set_vi_paragraph(&mut tu, unit.vi_paragraph);
        }
        tu.set_attr("creationdate", &date);
        tu.set_attr("changedate", &date);
        tus.push(tu);
        push_added(&mut tus, AddedAt::After(&unit.unit.id), &unit.added_after);
    }
    Ok(tus)
}

/// Writes the release's TUs as TMX 1.4b to `out`.
pub fn write(
    release: &Release<'_>,
    options: &TmxOptions,
    out: impl Write,
) -> Result<(), ExportError> {
    let tus = tus(release, options)?;
    let mut writer = TmxWriter::new(out, "1.4", &header(release, options))?;
    for tu in &tus {
        writer.write_tu(tu)?;
    }
    writer.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::Kind;
    use crate::export::tests::{doc, finding, release, seed, units};
    use crate::memory::record::props;
    use std::time::{Duration, UNIX_EPOCH};

    fn options() -> TmxOptions {
        TmxOptions::new(Stamp {
            user: "lan".into(),
            now: UNIX_EPOCH + Duration::from_secs(1_714_557_845),
        })
    }

    #[test]
    fn reads_back_with_the_tmx_reader() {
        let en = doc("a.en.md", "# Storm & rain\n\nRivers **rise**. Stay home.\n");
        let us = units(&en);
        let mut r = release(&en, &us, &[Some("Bão & mưa"), Some("Nước **lên**."), None]);
        r.units[1].status = Status::Stale;
        let mut out = Vec::new();
        write(&r, &options(), &mut out).unwrap();
        let (tmx, problems) = crate::tmx::read_all_bytes("out.tmx", &out).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(tmx.header.attr("srclang"), Some("en"));
        assert_eq!(tmx.header.prop(props::DOC), Some("tin"));
        assert_eq!(tmx.tus.len(), 2, "the missing unit is left out");
        let vi = langid!("vi");
        let en_lang = langid!("en");
        let pairs: Vec<(&str, String, String, &str)> = tmx
            .tus
            .iter()
            .map(|tu| {
                (
                    tu.attr("tuid").unwrap(),
                    tu.tuv(&en_lang).unwrap().seg.plain_text(),
                    tu.tuv(&vi).unwrap().seg.plain_text(),
                    tu.prop(props::STATUS).unwrap(),
                )
            })
            .collect();
        assert_eq!(
            pairs,
            [
                (
                    format!("tin/{}", us[0].id).as_str(),
                    "Storm & rain".to_owned(),
                    "Bão & mưa".to_owned(),
                    "translated"
                ),
                (
                    format!("tin/{}", us[1].id).as_str(),
                    "Rivers **rise**.".to_owned(),
                    "Nước **lên**.".to_owned(),
                    "needs-review"
                ),
            ]
        );
        assert_eq!(tmx.tus[1].prop(props::ORDER), Some("1"));
        assert_eq!(tmx.tus[1].attr("changedate"), Some("20240501T100405Z"));
        assert_eq!(tmx.tus[1].attr("creationid"), Some("lan"));

        let mut again = Vec::new();
        write(&r, &options(), &mut again).unwrap();
        assert_eq!(out, again, "deterministic");
        let rewritten = crate::tmx::write_all(Vec::new(), &tmx).unwrap();
        assert_eq!(rewritten, out, "canonical output");
    }

    #[test]
    fn open_findings_need_review() {
        let en = doc("a.en.txt", "Rivers rise 12 cm.\n");
        let us = units(&en);
        let mut r = release(&en, &us, &[Some("Nước lên 13 cm.")]);
        let number = finding(Kind::Number, &us[0]);
        r.units[0].findings.push(&number);
        r.allow_drift = true;
        let tus = tus(&r, &options()).unwrap();
        assert_eq!(tus[0].prop(props::STATUS), Some("needs-review"));
    }

    #[test]
    fn seed_example_has_every_pair() {
        let (en, us, vi) = seed();
        let texts: Vec<Option<&str>> = vi.iter().map(|t| Some(t.as_str())).collect();
        let r = release(&en, &us, &texts);
        let mut out = Vec::new();
        write(&r, &options(), &mut out).unwrap();
        let (tmx, problems) = crate::tmx::read_all_bytes("seed.tmx", &out).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(tmx.tus.len(), us.len());
        let vi_lang = langid!("vi");
        for (tu, text) in tmx.tus.iter().zip(&vi) {
            assert_eq!(&tu.tuv(&vi_lang).unwrap().seg.plain_text(), text);
        }
    }
}
