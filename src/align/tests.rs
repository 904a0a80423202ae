//! Whole-aligner tests: the seed example, bad input, and the invariants.

use proptest::prelude::*;

use super::*;
use crate::segment::Segmenter;

/// Paragraphs of sentences of a text with one paragraph per line.
fn split(text: &str, lang: Lang) -> Vec<Vec<String>> {
    let seg = Segmenter::builtin(lang);
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| seg.split(l).into_iter().map(|r| l[r].to_string()).collect())
        .collect()
}

fn seed(name: &str) -> String {
    std::fs::read_to_string(format!("{}/examples/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// Checks that `links` cover `0..n` English and `0..m` Vietnamese sentences exactly once,
/// in order, with contiguous sides and confidences in [0, 1].
fn assert_covers(links: &[Link], n: usize, m: usize) {
    let (mut e, mut v) = (0, 0);
    for l in links {
        assert!(!(l.en.is_empty() && l.vi.is_empty()), "empty link");
        for &i in &l.en {
            assert_eq!(i, e, "{links:?}");
            e += 1;
        }
        for &j in &l.vi {
            assert_eq!(j, v, "{links:?}");
            v += 1;
        }
        assert!((0.0..=1.0).contains(&l.confidence), "{}", l.confidence);
    }
    assert_eq!((e, v), (n, m));
}

fn shape(links: &[Link]) -> Vec<(usize, usize)> {
    links.iter().map(|l| (l.en.len(), l.vi.len())).collect()
}

#[test]
fn seed_example_aligns() {
    let en = split(&seed("seed.en.txt"), Lang::En);
    let vi = split(&seed("seed.vi.txt"), Lang::Vi);
    let links = align(&en, &vi, &AlignOptions::default());
    let (n, m) = (en.iter().flatten().count(), vi.iter().flatten().count());
    assert_covers(&links, n, m);
    // Build the gold from the files: within each line, sentences pair up in order when
    // the counts agree.
    for (pe, pv) in en.iter().zip(&vi) {
        assert!(pe.len().abs_diff(pv.len()) <= 1);
    }
    assert!(
        links.iter().filter(|l| low_confidence(l)).count() <= 2,
        "{links:#?}"
    );
    assert!(shape(&links).iter().filter(|s| **s == (1, 1)).count() >= n - 3);
}

#[test]
fn empty_sides() {
    let en = vec![vec!["One.".to_string(), "Two.".to_string()], vec![]];
    let none: Vec<Vec<String>> = Vec::new();
    let links = align(&en, &none, &AlignOptions::default());
    assert_eq!(shape(&links), [(1, 0), (1, 0)]);
    // Nothing else is possible: the posterior is certain that nothing is translated.
    assert!(links.iter().all(|l| l.confidence > 0.99), "{links:?}");
    let links = align(&none, &en, &AlignOptions::default());
    assert_eq!(shape(&links), [(0, 1), (0, 1)]);
    assert!(align(&none, &none, &AlignOptions::default()).is_empty());
    assert!(gale_church(&[], &[]).is_empty());
    let empty_strings = vec![vec![String::new(), String::new()]];
    assert_covers(&align(&empty_strings, &en, &AlignOptions::default()), 2, 2);
}

#[test]
fn wildly_different_lengths() {
    let en = vec![vec!["A short one.".to_string()]];
    let vi: Vec<Vec<String>> = (0..2000)
        .map(|i| vec![format!("Câu số {i} khá dài, nói về một chủ đề khác.")])
        .collect();
    let links = align(&en, &vi, &AlignOptions::default());
    assert_covers(&links, 1, 2000);
    // Which Vietnamese sentence the English one goes with, if any, is anyone's guess.
    let paired: Vec<&Link> = links
        .iter()
        .filter(|l| !l.en.is_empty() && !l.vi.is_empty())
        .collect();
    assert!(
        paired.len() <= 1 && paired.iter().all(|l| low_confidence(l)),
        "{paired:?}"
    );
    assert_covers(&gale_church(&en[0], &vi.concat()), 1, 2000);
}

#[test]
fn unrelated_texts_are_not_confidently_paired() {
    let en = split(&seed("seed.en.txt"), Lang::En);
    let vi: Vec<Vec<String>> = vec![
        vec![
            "Giá vàng hôm nay tăng mạnh.".to_string(),
            "Các nhà đầu tư lo ngại về lạm phát kéo dài trong nhiều tháng tới, khi ngân hàng trung ương chưa có động thái.".to_string(),
        ],
        vec![
            "Đội tuyển bóng đá thắng 3-0.".to_string(),
            "Trận đấu diễn ra tại sân Mỹ Đình trước hàng chục nghìn khán giả cổ vũ nhiệt tình suốt chín mươi phút.".to_string(),
            "Huấn luyện viên hài lòng.".to_string(),
        ],
    ];
    let links = align(&en, &vi, &AlignOptions::default());
    assert_covers(&links, en.iter().flatten().count(), 5);
    // Most sentences are left unpaired, and no pairing of unrelated sentences reaches the
    // confidence at which links are calibrated to be right (0.9).
    let paired: Vec<&Link> = links
        .iter()
        .filter(|l| !l.en.is_empty() && !l.vi.is_empty())
        .collect();
    assert!(paired.len() <= 5, "{paired:?}");
    assert!(paired.iter().all(|l| l.confidence < 0.9), "{paired:?}");
}

#[test]
fn paragraph_joined_by_translator() {
    // Three English paragraphs become one Vietnamese paragraph: no sentence is dropped.
    let en = vec![
        vec!["The meeting opened on Monday in Hanoi with two hundred delegates.".to_string()],
        vec!["Minister Nguyen Van An spoke about the 2020 budget of 3.5 billion dong.".to_string()],
        vec!["Delegates asked whether the plan would work?".to_string()],
    ];
    let vi = vec![vec![
        "Cuộc họp khai mạc hôm thứ Hai tại Hà Nội với hai trăm đại biểu tham dự.".to_string(),
        "Bộ trưởng Nguyễn Văn An nói về ngân sách năm 2020 là 3,5 tỷ đồng.".to_string(),
        "Các đại biểu hỏi liệu kế hoạch có hiệu quả không?".to_string(),
    ]];
    let links = align(&en, &vi, &AlignOptions::default());
    assert_eq!(shape(&links), [(1, 1), (1, 1), (1, 1)]);
}

#[test]
fn glossary_anchors() {
    let g = Glossary::parse("cyberspace\tkhông gian mạng\n");
    assert_eq!(g.len(), 1);
    let options = AlignOptions {
        glossary: Some(g),
        ..AlignOptions::default()
    };
    let en = [vec![
        "Rules on cyberspace are needed now.".to_string(),
        "Rules on the economy are needed too.".to_string(),
    ]];
    let vi = vec![vec!["Cần có quy định về không gian mạng.".to_string()]];
    // The shared term picks the sentence the Vietnamese translates, and makes it sure.
    let with = align(&en[..], &vi, &options);
    let without = align(&en[..], &vi, &AlignOptions::default());
    assert_eq!(shape(&with), [(1, 1), (1, 0)]);
    let linked = |links: &[Link]| {
        links
            .iter()
            .find(|l| l.en.contains(&0))
            .map_or(0.0, |l| l.confidence)
    };
    assert!(linked(&with) > linked(&without), "{with:?} {without:?}");
}

fn sentence() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ]{0,80}",
        "[A-Z][a-z]{1,8} [0-9]{1,4}[.,:/]?[0-9]{0,3} [a-zà-ỹ ]{0,40}[?.!]",
        any::<String>(),
    ]
}

fn paragraphs() -> impl Strategy<Value = Vec<Vec<String>>> {
    proptest::collection::vec(proptest::collection::vec(sentence(), 0..6), 0..6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn links_cover_both_sides_in_order(en in paragraphs(), vi in paragraphs(), paragraphs in any::<bool>()) {
        let options = AlignOptions {
            features: Features { paragraphs, ..Features::default() },
            ..AlignOptions::default()
        };
        let links = align(&en, &vi, &options);
        let (n, m) = (en.iter().flatten().count(), vi.iter().flatten().count());
        assert_covers(&links, n, m);
        let flat = |p: &[Vec<String>]| p.iter().flatten().cloned().collect::<Vec<_>>();
        assert_covers(&gale_church(&flat(&en), &flat(&vi)), n, m);
    }
}

/// `items` in a fixed pseudo-random order (xorshift, Fisher–Yates).
fn shuffled(mut items: Vec<String>, seed: u64) -> Vec<String> {
    let mut state = seed | 1;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        items.swap(i, (state % (i as u64 + 1)) as usize);
    }
    items
}

/// The sentences of every evaluation article (`tests/fixtures/align/*.{en,vi}.txt`), in
/// one list per language.
fn evaluation_sentences() -> (Vec<String>, Vec<String>) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/align");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("evaluation set")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".gold.tsv").map(String::from)
        })
        .collect();
    names.sort();
    let read = |name: &str, ext: &str| -> Vec<String> {
        std::fs::read_to_string(dir.join(format!("{name}.{ext}")))
            .expect("sentence file")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(String::from)
            .collect()
    };
    let (mut en, mut vi) = (Vec::new(), Vec::new());
    for name in &names {
        en.extend(read(name, "en.txt"));
        vi.extend(read(name, "vi.txt"));
    }
    (en, vi)
}

/// Regression: on Vietnamese in shuffled order the best path wanders ever further from
/// the diagonal as the text grows, and the band used to double until the work grew like
/// `n^1.5` (4 times the input took 8 times the cells). Counted in DP cells, not time.
#[test]
#[allow(clippy::print_stderr)]
fn dp_cells_grow_linearly_for_aligned_and_shuffled_input() {
    let (en, vi) = evaluation_sentences();
    // The evaluation articles repeated: one long translation in a single paragraph, so
    // neither paragraphs nor the band's start can hide the growth.
    let repeat = |list: &[String], k: usize| -> Vec<String> {
        (0..k).flat_map(|_| list.iter().cloned()).collect()
    };
    let cells = |k: usize, shuffle: bool| {
        let en = repeat(&en, k);
        let vi = repeat(&vi, k);
        let vi = if shuffle { shuffled(vi, 11) } else { vi };
        let (links, stats) = align_with_stats(
            std::slice::from_ref(&en),
            std::slice::from_ref(&vi),
            &AlignOptions::default(),
        );
        assert_covers(&links, en.len(), vi.len());
        eprintln!(
            "{} sentences, {}: {} cells",
            en.len(),
            if shuffle { "shuffled" } else { "aligned" },
            stats.cells
        );
        stats.cells as f64
    };
    for shuffle in [false, true] {
        let (small, large) = (cells(3, shuffle), cells(12, shuffle));
        assert!(
            large <= 5.0 * small,
            "shuffled {shuffle}: {small} cells, then {large} for 4 times the input"
        );
    }
}

/// Regression (issue 12, `align --into` in bounded memory): the aligner holds the text of
/// one paragraph group (both sides) at a time, never the whole article's: an article eight
/// times as long holds no more. Counted in sentences and bytes held, not memory measured.
#[test]
fn text_held_at_once_is_a_paragraph_groups_not_the_articles() {
    let en = split(&seed("seed.en.txt"), Lang::En);
    let vi = split(&seed("seed.vi.txt"), Lang::Vi);
    let repeat = |p: &[Vec<String>], k: usize| -> Vec<Vec<String>> {
        (0..k).flat_map(|_| p.iter().cloned()).collect()
    };
    let held = |k: usize| {
        let (en, vi) = (repeat(&en, k), repeat(&vi, k));
        let (n, m) = (en.iter().flatten().count(), vi.iter().flatten().count());
        let (links, stats) = align_with_stats(&en, &vi, &AlignOptions::default());
        assert_covers(&links, n, m);
        (stats.held_sentences, stats.held_bytes, n + m)
    };
    let (small, small_bytes, _) = held(2);
    let (large, large_bytes, total) = held(8);
    assert!(
        large <= small && large_bytes <= small_bytes,
        "{small} sentences ({small_bytes} bytes) held, then {large} ({large_bytes}) for 4 times the input"
    );
    assert!(
        large * 8 <= total,
        "{large} of {total} sentences held at once"
    );
    // A side of one paragraph is one group: all of it is held (the alignment needs it).
    let one = |p: &[Vec<String>]| vec![p.iter().flatten().cloned().collect::<Vec<String>>()];
    let (en, vi) = (one(&repeat(&en, 2)), one(&repeat(&vi, 2)));
    let (_, stats) = align_with_stats(&en, &vi, &AlignOptions::default());
    assert_eq!(stats.held_sentences, en[0].len() + vi[0].len());
}

/// Regression (issue 12, `align` of 500,000 sentences peaked at 209 MB): a band of the
/// dynamic programming holds about a byte a cell (its backpointers) however long the
/// article, not nine (a forward value per cell as well: the paragraphs' band of that
/// article held 45 MB). Counted in bytes held, not memory measured.
#[test]
fn a_long_articles_band_holds_about_a_byte_a_cell() {
    let paragraphs = |lang: Lang, k: usize| -> Vec<Vec<String>> {
        (0..k)
            .map(|i| match lang {
                Lang::En => vec![format!("Item {i} of the list costs {} dollars.", i * 7 + 3)],
                _ => vec![format!("Mục {i} của danh sách giá {} đô la.", i * 7 + 3)],
            })
            .collect()
    };
    let (en, vi) = (paragraphs(Lang::En, 1500), paragraphs(Lang::Vi, 1500));
    let (links, stats) = align_with_stats(&en, &vi, &AlignOptions::default());
    assert_covers(&links, 1500, 1500);
    assert!(shape(&links).iter().all(|s| *s == (1, 1)));
    assert!(
        stats.band_cells > 1 << 16,
        "{} cells: too few to leave the forward values out",
        stats.band_cells
    );
    assert!(
        stats.band_bytes as u64 <= 2 * stats.band_cells,
        "{} bytes held for a band of {} cells",
        stats.band_bytes,
        stats.band_cells
    );
}
