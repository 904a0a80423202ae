//! Writes a sample XLIFF file with songngu, or reads one back, for checks by other tools
//! (`scripts/xliff-translate-toolkit.sh`).
//!
//! ```text
//! cargo run --example xliff_sample -- write OUT.xlf 1.2|2.0   # prints the units as JSON Lines
//! cargo run --example xliff_sample -- read IN.xlf             # prints the units read
//! ```
//!
//! Each JSON line is one unit: `id`, `name`, `en`, `vi`, `state` (2.0 name), `sub_state`
//! (2.0 `subState`, or null), `state_v12` (the 1.2 value written), `score`, `old_en`, `notes`.

use std::path::Path;
use std::process::ExitCode;

use songngu::xliff::{State, Version, XliffDoc, XliffUnit, read, write};

fn sample() -> XliffDoc {
    XliffDoc {
        doc: "news/2024/hoi-thao.md".into(),
        source_lang: "en".into(),
        target_lang: "vi".into(),
        units: vec![
            XliffUnit::new("u3f2a9c01b7", "# The workshop"),
            XliffUnit {
                vi: Some("Hội thảo kết thúc lúc 11:12 & mọi người ăn trưa.".into()),
                score: Some(86),
                ..XliffUnit::new(
                    "u0c1d2e3f4a",
                    "The workshop ended at 11:12 & lunch followed.",
                )
            },
            XliffUnit {
                vi: Some("Dùng `a < b` và \"trích dẫn\" > 'nháy'.".into()),
                state: State::Translated,
                notes: vec!["Keep the code span.".into()],
                ..XliffUnit::new("u1a2b3c4d5e", "Use `a < b` and \"quotes\" > 'apostrophes'.")
            },
            XliffUnit {
                vi: Some("Xin cảm ơn **quý vị**.".into()),
                state: State::Reviewed,
                score: Some(100),
                ..XliffUnit::new("u9f8e7d6c5b", "Thank you, **everyone**.")
            },
            XliffUnit {
                vi: Some("Hội thảo bắt đầu lúc 8 giờ.".into()),
                score: Some(71),
                old_en: Some("The workshop began at 8.".into()),
                ..XliffUnit::new("u5a5a5a5a5a", "The workshop began at 8 a.m. sharp.")
            },
            // A doubtful alignment, to be reviewed: 2.0 `initial` + our `subState`, 1.2
            // `needs-review-translation`.
            XliffUnit {
                vi: Some("Hội thảo có 40 diễn giả.".into()),
                state: State::NeedsReview,
                ..XliffUnit::new("u7c7c7c7c7c", "The workshop had 40 speakers.")
            },
            XliffUnit {
                vi: Some("Cột 1\tCột 2\ndòng hai ".into()),
                state: State::Translated,
                ..XliffUnit::new("u6b6b6b6b6b", "Column 1\tColumn 2\nline two ")
            },
        ],
    }
}

fn print_units(doc: &XliffDoc) {
    for unit in &doc.units {
        let line = serde_json::json!({
            "id": unit.id,
            "name": unit.name,
            "en": unit.en,
            "vi": unit.vi,
            "state": unit.state.as_v2(),
            "sub_state": unit.state.sub_state_v2(),
            "state_v12": unit.state_v12(),
            "score": unit.score,
            "old_en": unit.old_en,
            "notes": unit.notes,
        });
        println!("{line}");
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["write", out, version] => {
            let version = match version {
                "1.2" => Version::V1_2,
                "2.0" => Version::V2_0,
                other => {
                    eprintln!("unknown version `{other}` (1.2 or 2.0)");
                    return ExitCode::from(2);
                }
            };
            let doc = sample();
            std::fs::File::create(out)
                .and_then(|mut file| write(&doc, version, &mut file))
                .map(|()| print_units(&doc))
                .map_err(|error| format!("cannot write `{out}`: {error}"))
        }
        ["read", input] => std::fs::read(input)
            .map_err(|error| format!("cannot read `{input}`: {error}"))
            .and_then(|bytes| read(Path::new(input), &bytes).map_err(|error| error.to_string()))
            .map(|doc| print_units(&doc)),
        _ => Err("usage: xliff_sample write OUT.xlf 1.2|2.0 | read IN.xlf".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(2)
        }
    }
}
