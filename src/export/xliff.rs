//! The XLIFF work file of a checked article: the units a translator has to look at, with
//! what the memory already offers for each.

use crate::drift::check::{Report, Status};
use crate::drift::{Finding, Kind};
use crate::segment::Unit;
use crate::xliff::{State, XliffDoc, XliffUnit};

/// The units of `units` (checked in `report`) that need work, or all of them with `all`:
/// current ones as `translated`, stale ones with their old Vietnamese and old English,
/// missing ones with the best fuzzy match as a scored suggestion (`initial`).
pub fn work_document(doc: &str, units: &[Unit], report: &Report, all: bool) -> XliffDoc {
    let finding_of = |unit: &str, kind: Kind| -> Option<&Finding> {
        report
            .findings
            .iter()
            .find(|f| f.kind == kind && f.unit.as_deref() == Some(unit))
    };
    let mut out = Vec::new();
    for ((unit, status), vi) in units.iter().zip(&report.status).zip(&report.vi) {
        let mut x = XliffUnit::new(unit.id.clone(), unit.text.clone());
        match status {
            Status::Current if !all => continue,
            Status::Current => {
                x.vi = vi.clone();
                x.state = State::Translated;
            }
            Status::Stale => {
                x.vi = vi.clone();
                x.state = State::Translated;
                x.old_en = finding_of(&unit.id, Kind::Stale).and_then(|f| f.old_en.clone());
            }
            Status::Missing => {
                if let Some(s) =
                    finding_of(&unit.id, Kind::Missing).and_then(|f| f.suggestion.clone())
                {
                    x.vi = Some(s.vi);
                    x.score = Some(s.score);
                }
            }
        }
        out.push(x);
    }
    XliffDoc {
        doc: doc.to_owned(),
        source_lang: String::from("en"),
        target_lang: String::from("vi"),
        units: out,
    }
}
