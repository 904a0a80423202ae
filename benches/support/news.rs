//! Generated English news sentences with a stand-in "Vietnamese" of real syllables: names
//! with their diacritics, numbers and dates in Vietnamese notation, so that length models
//! and anchors see what they see in real news.

use super::rng::Rng;

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "ministry",
    "said",
    "information",
    "security",
    "digital",
    "economy",
    "businesses",
    "conference",
    "delegates",
    "government",
    "cooperation",
    "region",
    "network",
    "data",
    "services",
    "development",
    "national",
    "program",
    "report",
    "year",
    "support",
    "platform",
    "rules",
    "should",
    "would",
    "international",
    "province",
    "users",
];
const SYLLABLES: &[&str] = &[
    "các", "và", "của", "trong", "được", "bộ", "thông", "tin", "an", "toàn", "số", "kinh", "tế",
    "doanh", "nghiệp", "hội", "thảo", "đại", "biểu", "chính", "phủ", "hợp", "tác", "khu", "vực",
    "mạng", "dữ", "liệu", "dịch", "vụ", "phát", "triển", "quốc", "gia", "năm", "báo", "cáo",
];
const NAMES: &[(&str, &str)] = &[
    ("Nguyen Thanh Hung", "Nguyễn Thanh Hùng"),
    ("Tran Minh Khoa", "Trần Minh Khoa"),
    ("Do Quang Vinh", "Đỗ Quang Vinh"),
    ("ASEAN", "ASEAN"),
    ("Da Nang", "Đà Nẵng"),
];

/// One English sentence and its "translation".
pub fn pair(rng: &mut Rng) -> (String, String) {
    let n = 5 + rng.below(31);
    let (mut en, mut vi) = (Vec::new(), Vec::new());
    for k in 0..n {
        if rng.chance(4) {
            let (e, v) = NAMES[rng.below(NAMES.len())];
            en.push(e.to_string());
            vi.push(v.to_string());
        } else if rng.chance(4) {
            let (a, b) = (1 + rng.below(99), rng.below(1000));
            en.push(format!("{a},{b:03}"));
            vi.push(format!("{a}.{b:03}"));
        } else if rng.chance(1) {
            let (d, m) = (1 + rng.below(28), 1 + rng.below(12));
            en.push(format!("{d}/{m}/2023"));
            vi.push(format!("ngày {d} tháng {m} năm 2023"));
        } else {
            en.push(WORDS[rng.below(WORDS.len())].to_string());
            // A Vietnamese word is one or two syllables; the mix gives a ratio near 0.97.
            let w = SYLLABLES[rng.below(SYLLABLES.len())].to_string();
            vi.push(if rng.chance(60) {
                format!("{w} {}", SYLLABLES[rng.below(SYLLABLES.len())])
            } else {
                w
            });
        }
        if k == 0 {
            capitalize(en.last_mut());
            capitalize(vi.last_mut());
        }
    }
    let end = if rng.chance(5) { "?" } else { "." };
    (
        format!("{}{end}", en.join(" ")),
        format!("{}{end}", vi.join(" ")),
    )
}

pub fn capitalize(word: Option<&mut String>) {
    if let Some(w) = word {
        let mut chars = w.chars();
        if let Some(first) = chars.next() {
            *w = first.to_uppercase().chain(chars).collect();
        }
    }
}
