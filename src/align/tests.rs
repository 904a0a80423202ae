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
    assert!(links.iter().all(low_confidence));
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
    assert!(links.iter().filter(|l| low_confidence(l)).count() >= 1990);
    assert_covers(&gale_church(&en[0], &vi.concat()), 1, 2000);
}

#[test]
fn unrelated_texts_are_low_confidence() {
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
    let low = links.iter().filter(|l| low_confidence(l)).count();
    assert!(low * 10 >= links.len() * 8, "{low} of {}", links.len());
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
    // The shared term lowers the bead's cost, so its confidence rises.
    let with = align(&en[..], &vi, &options);
    let without = align(&en[..], &vi, &AlignOptions::default());
    assert_eq!(shape(&with), shape(&without));
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
