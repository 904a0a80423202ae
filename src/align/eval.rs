//! Scoring an alignment against a gold one, the gold file format, and the evaluation over
//! `tests/fixtures/align/`.

use std::collections::HashSet;

use super::Link;

/// Bead precision, recall and F1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Scores `found` against `gold`. A link counts only if both of its sides equal those of a
/// gold link exactly (confidence is ignored). Empty lists score 1 (nothing to find, nothing
/// wrongly found).
pub fn evaluate(found: &[Link], gold: &[Link]) -> Scores {
    let key = |l: &Link| (l.en.clone(), l.vi.clone());
    let gold_set: HashSet<_> = gold.iter().map(key).collect();
    let hits = found
        .iter()
        .map(key)
        .collect::<HashSet<_>>()
        .intersection(&gold_set)
        .count() as f64;
    let ratio = |n: usize| if n == 0 { 1.0 } else { hits / n as f64 };
    let (precision, recall) = (ratio(found.len()), ratio(gold.len()));
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Scores {
        precision,
        recall,
        f1,
    }
}

/// Parses gold links: one link per line, `EN_INDICES<TAB>VI_INDICES`, each side a
/// comma-separated list of 0-based sentence indices, possibly empty (`3<TAB>` is a 1-0
/// link). Blank lines and lines starting with `#` are skipped. Parsed links have
/// confidence 1.
pub fn parse_links_tsv(text: &str) -> Result<Vec<Link>, String> {
    let side = |s: &str, n: usize| -> Result<Vec<usize>, String> {
        s.split(',')
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(|x| {
                x.parse::<usize>()
                    .map_err(|_| format!("line {n}: `{x}` is not a sentence index"))
            })
            .collect()
    };
    let mut links = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.trim_start_matches('\u{feff}').trim_end_matches('\r');
        // A tab is content here (`<TAB>` alone is a link with two empty sides), so only
        // spaces make a line blank.
        if line.trim_matches(' ').is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let Some((en, vi)) = line.split_once('\t') else {
            return Err(format!("line {n}: expected `EN_INDICES<TAB>VI_INDICES`"));
        };
        // A third column (a note, a score) is allowed and ignored.
        let vi = vi.split('\t').next().unwrap_or("");
        let (en, vi) = (side(en, n)?, side(vi, n)?);
        if en.is_empty() && vi.is_empty() {
            return Err(format!("line {n}: a link needs at least one sentence"));
        }
        links.push(Link {
            en,
            vi,
            confidence: 1.0,
        });
    }
    Ok(links)
}

/// Reads a text with one sentence per line and blank lines between paragraphs.
pub fn read_paragraphs(text: &str) -> Vec<Vec<String>> {
    let mut paragraphs = vec![Vec::new()];
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                paragraphs.push(Vec::new());
            }
        } else if let Some(p) = paragraphs.last_mut() {
            p.push(line.to_string());
        }
    }
    if paragraphs.last().is_some_and(Vec::is_empty) {
        paragraphs.pop();
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{AlignOptions, Features, align, gale_church};

    fn link(en: &[usize], vi: &[usize]) -> Link {
        Link {
            en: en.to_vec(),
            vi: vi.to_vec(),
            confidence: 1.0,
        }
    }

    #[test]
    fn parses_gold() {
        let links = parse_links_tsv("# gold\n0\t0\n1,2\t1\n3\t\n\t2\n4\t3,4\tnote\n").unwrap();
        assert_eq!(
            links,
            [
                link(&[0], &[0]),
                link(&[1, 2], &[1]),
                link(&[3], &[]),
                link(&[], &[2]),
                link(&[4], &[3, 4])
            ]
        );
        assert!(parse_links_tsv("0 0").is_err());
        assert!(parse_links_tsv("a\t0").is_err());
        assert!(parse_links_tsv("\t\n").is_err());
    }

    #[test]
    fn scores() {
        let gold = [link(&[0], &[0]), link(&[1, 2], &[1]), link(&[3], &[2])];
        let found = [
            link(&[0], &[0]),
            link(&[1], &[1]),
            link(&[2], &[]),
            link(&[3], &[2]),
        ];
        let s = evaluate(&found, &gold);
        assert_eq!(s.precision, 0.5);
        assert!((s.recall - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(evaluate(&gold, &gold).f1, 1.0);
        assert_eq!(evaluate(&[], &[]).f1, 1.0);
        assert_eq!(evaluate(&[], &gold).f1, 0.0);
    }

    #[test]
    fn reads_paragraphs() {
        assert_eq!(
            read_paragraphs("a\nb\n\n\nc\n\n"),
            [
                vec!["a".to_string(), "b".to_string()],
                vec!["c".to_string()]
            ]
        );
        assert!(read_paragraphs("\n\n").is_empty());
    }

    /// The ablations: the full aligner with one feature switched off.
    fn ablations() -> Vec<(&'static str, Features)> {
        let all = Features::default();
        vec![
            (
                "-length",
                Features {
                    length: false,
                    ..all
                },
            ),
            (
                "-numbers",
                Features {
                    numbers: false,
                    ..all
                },
            ),
            (
                "-names",
                Features {
                    names: false,
                    ..all
                },
            ),
            ("-urls", Features { urls: false, ..all }),
            (
                "-punctuation",
                Features {
                    punctuation: false,
                    ..all
                },
            ),
            (
                "-lexicon",
                Features {
                    lexicon: false,
                    ..all
                },
            ),
            (
                "-paragraphs",
                Features {
                    paragraphs: false,
                    ..all
                },
            ),
        ]
    }

    /// Runs the full aligner, the Gale–Church baseline and every ablation on each gold
    /// article of `tests/fixtures/align/` and prints the scores
    /// (`cargo test align_evaluation -- --nocapture`). The full aligner must reach bead
    /// F1 ≥ 0.95 on every article.
    #[test]
    #[allow(clippy::print_stderr)]
    fn align_evaluation() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/align");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("no evaluation set at {}", dir.display());
            return;
        };
        let mut names: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                e.file_name()
                    .to_str()?
                    .strip_suffix(".gold.tsv")
                    .map(String::from)
            })
            .collect();
        names.sort();
        let read = |name: &str, ext: &str| {
            std::fs::read_to_string(dir.join(format!("{name}.{ext}")))
                .unwrap_or_else(|e| panic!("{name}.{ext}: {e}"))
        };
        let mut failures = Vec::new();
        let mut columns = vec!["full".to_string(), "gale-church".to_string()];
        columns.extend(ablations().iter().map(|(n, _)| n.to_string()));
        eprintln!("article\t{}", columns.join("\t"));
        for name in &names {
            let en = read_paragraphs(&read(name, "en.txt"));
            let vi = read_paragraphs(&read(name, "vi.txt"));
            let gold =
                parse_links_tsv(&read(name, "gold.tsv")).unwrap_or_else(|e| panic!("{name}: {e}"));
            let found = align(&en, &vi, &AlignOptions::default());
            let full = evaluate(&found, &gold);
            // What the full aligner got wrong, for whoever reads the output.
            for l in found
                .iter()
                .filter(|l| !gold.iter().any(|g| g.en == l.en && g.vi == l.vi))
            {
                eprintln!(
                    "  {name}: wrong link {:?} <-> {:?} (confidence {:.2})",
                    l.en, l.vi, l.confidence
                );
            }
            let flat = |p: &[Vec<String>]| p.iter().flatten().cloned().collect::<Vec<_>>();
            let baseline = evaluate(&gale_church(&flat(&en), &flat(&vi)), &gold);
            let mut row = vec![full, baseline];
            for (_, features) in ablations() {
                let options = AlignOptions {
                    features,
                    ..AlignOptions::default()
                };
                row.push(evaluate(&align(&en, &vi, &options), &gold));
            }
            let cells: Vec<String> = row
                .iter()
                .map(|s| format!("{:.3}/{:.3}/{:.3}", s.precision, s.recall, s.f1))
                .collect();
            eprintln!("{name}\t{}", cells.join("\t"));
            if full.f1 < 0.95 {
                failures.push(format!("{name}: F1 {:.3}", full.f1));
            }
        }
        assert!(
            failures.is_empty(),
            "full aligner below F1 0.95: {failures:?}"
        );
    }
}
