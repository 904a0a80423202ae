//! Whether a word, folded to lower-case ASCII (no diacritics, `đ` → `d`), is spelled like
//! Vietnamese: the test behind the `name` check, which asks the Vietnamese to keep the
//! capitalized English words that are Vietnamese names written without their marks
//! (`Nguyen`, `Thanh`, `Hung`, `Hanoi`, `Da Nang`) and nothing else.
//!
//! A syllable is an onset (initial consonant, possibly none) and a rhyme from the finite
//! inventory of Vietnamese rhymes (medial `o`/`u`, nucleus, final consonant or glide),
//! with the spelling rules that tie them: `k`, `gh`, `ngh` only before `e`, `i`, `y` and
//! `c`, `g`, `ng` never there; `qu` is an onset (`quy`, `quoc`, `quynh`); `gi` is an onset
//! (`gia`, `giang`, `gi`); `p` starts no native syllable; a rhyme in `iê` is written `yê`
//! without an onset (`yen`); `y` alone follows only some onsets (`ly`, `my`, `ky`, `ty`,
//! `hy`, `sy`, `vy`, `ny`, `thy`). English words fail it on their letters (`f`, `j`, `w`,
//! `z`), their clusters (`st`, `br`, `pl`), their finals (`-s`, `-l`, `-r`, `-d`, `-k`,
//! `-ng` after `i`) or the spelling rules (`City`: `c` before `i`; `Kong`: `k` before
//! `o`).
//!
//! A name written as one word of two syllables (`Hanoi`, `Vietnam`, `Danang`, `Haiphong`)
//! also counts, but only when at least one of the syllables is distinctively Vietnamese
//! (an onset `ng`, `ngh`, `nh`, `ph`, `th`, `kh`, `gh`, `qu`, or a rhyme such as `oi`,
//! `uoi`, `ie…`, `uo…`, `uy…`, `oa…`, `oe…`, `anh`, `inh`, `ang`, `ong`, `ung`), the
//! second syllable has an onset, and the word does not end in a consonant and a silent
//! `e`: English words cut into two syllables (`China` = `chi` + `na`, `Human`, `Latin`,
//! `London`, `Home`, `Data`) stay out.

/// The rhymes of Vietnamese, folded (`ă`, `â` → `a`; `ê` → `e`; `ô`, `ơ` → `o`; `ư` →
/// `u`), sorted for binary search.
const RHYMES: &[&str] = &[
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay", "e", "ec",
    "ech", "em", "en", "eng", "enh", "eo", "ep", "et", "eu", "i", "ia", "ich", "iec", "iem", "ien",
    "ieng", "iep", "iet", "ieu", "im", "in", "inh", "ip", "it", "iu", "o", "oa", "oac", "oach",
    "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay", "oc", "oe", "oen", "oeo",
    "oet", "oi", "om", "on", "ong", "ooc", "oong", "op", "ot", "u", "ua", "uan", "uang", "uat",
    "uau", "uay", "uc", "ue", "uech", "uenh", "ui", "um", "un", "ung", "uo", "uoc", "uoi", "uom",
    "uon", "uong", "uop", "uot", "uou", "up", "ut", "uu", "uy", "uya", "uych", "uyen", "uyet",
    "uynh", "uyt", "uyu", "y", "yem", "yen", "yet", "yeu",
];

/// The onsets that `w` may start with, longest first (`ngh` before `ng` and `n`): by its
/// first letter, so that a word is not compared with every onset.
fn onsets(w: &[u8]) -> &'static [&'static str] {
    let starts = |p: &str| w.starts_with(p.as_bytes());
    match w.first() {
        Some(b'n') if starts("ngh") => &["ngh", "ng", "n"],
        Some(b'n') if starts("ng") => &["ng", "n"],
        Some(b'n') if starts("nh") => &["nh", "n"],
        Some(b'n') => &["n"],
        Some(b'c') if starts("ch") => &["ch", "c"],
        Some(b'c') => &["c"],
        Some(b't') if starts("tr") => &["tr", "t"],
        Some(b't') if starts("th") => &["th", "t"],
        Some(b't') => &["t"],
        Some(b'p') if starts("ph") => &["ph"],
        Some(b'k') if starts("kh") => &["kh", "k"],
        Some(b'k') => &["k"],
        Some(b'g') if starts("gh") => &["gh", "g"],
        Some(b'g') if starts("gi") => &["gi", "g"],
        Some(b'g') => &["g"],
        Some(b'q') if starts("qu") => &["qu"],
        Some(b'b') => &["b"],
        Some(b'd') => &["d"],
        Some(b'h') => &["h"],
        Some(b'l') => &["l"],
        Some(b'm') => &["m"],
        Some(b'r') => &["r"],
        Some(b's') => &["s"],
        Some(b'v') => &["v"],
        Some(b'x') => &["x"],
        Some(b'a' | b'e' | b'i' | b'o' | b'u' | b'y') => &[""],
        _ => &[],
    }
}

/// A rhyme packed into an integer (bytes big-endian, zero-padded), which sorts as the
/// strings do: the rhymes are compared as numbers, not strings.
const fn pack(s: &[u8]) -> u64 {
    let mut v = 0u64;
    let mut i = 0;
    while i < 8 {
        v <<= 8;
        if i < s.len() {
            v |= s[i] as u64;
        }
        i += 1;
    }
    v
}

/// [`RHYMES`] packed.
const PACKED: [u64; RHYMES.len()] = {
    let mut out = [0u64; RHYMES.len()];
    let mut i = 0;
    while i < RHYMES.len() {
        out[i] = pack(RHYMES[i].as_bytes());
        i += 1;
    }
    out
};

/// Onsets after which `y` alone is written (`ly`, `my`, `quy` aside).
const Y_ONSETS: &[&str] = &["", "l", "m", "k", "t", "h", "s", "v", "n", "th"];

const DISTINCTIVE_ONSETS: &[&str] = &["ng", "ngh", "nh", "ph", "th", "kh", "gh", "qu"];
const DISTINCTIVE_RHYMES: &[&str] = &[
    "oi", "uoi", "ieu", "anh", "inh", "enh", "ach", "ich", "ech", "ang", "ong", "ung",
];

fn is_rhyme(r: &str) -> bool {
    r.len() <= 5 && PACKED.binary_search(&pack(r.as_bytes())).is_ok()
}

/// Whether `u` + `rest` is a rhyme, without allocating.
fn is_u_rhyme(rest: &str) -> bool {
    if rest.len() > 4 {
        return false;
    }
    let mut buf = [b'u'; 5];
    buf[1..=rest.len()].copy_from_slice(rest.as_bytes());
    PACKED.binary_search(&pack(&buf[..=rest.len()])).is_ok()
}

fn fits(onset: &str, rhyme: &str) -> bool {
    match onset {
        "qu" => !rhyme.is_empty() && !rhyme.starts_with('u') && is_u_rhyme(rhyme),
        "gi" => {
            rhyme.is_empty()
                || (is_rhyme(rhyme) && !rhyme.starts_with(['i', 'y']))
                || matches!(rhyme, "n" | "t" | "p" | "m" | "ch" | "nh")
        }
        _ => {
            if !is_rhyme(rhyme) {
                return false;
            }
            let front = rhyme.starts_with(['e', 'i', 'y']);
            match onset {
                "c" | "g" | "ng" if front => return false,
                "k" | "gh" | "ngh" if !front => return false,
                "c" if rhyme.starts_with("oa")
                    || rhyme.starts_with("oe")
                    || rhyme.starts_with("uy")
                    || rhyme.starts_with("ue") =>
                {
                    return false;
                }
                "" if rhyme.starts_with("ie") => return false,
                _ => {}
            }
            if rhyme.starts_with('y') {
                return if rhyme == "y" {
                    Y_ONSETS.contains(&onset)
                } else {
                    onset.is_empty()
                };
            }
            true
        }
    }
}

/// The ways to read `w` as onset + rhyme.
fn readings(w: &str) -> impl Iterator<Item = (&'static str, &str)> {
    onsets(w.as_bytes()).iter().filter_map(move |&o| {
        let rhyme = &w[o.len()..];
        fits(o, rhyme).then_some((o, rhyme))
    })
}

/// Whether `w` (lower-case ASCII) is one Vietnamese syllable.
pub(super) fn is_syllable(w: &str) -> bool {
    // The longest syllables have seven letters (`nghieng`).
    (1..=7).contains(&w.len())
        && w.bytes().all(|b| b.is_ascii_lowercase())
        && readings(w).next().is_some()
}

fn distinctive(syllable: &str) -> bool {
    readings(syllable).any(|(o, r)| {
        DISTINCTIVE_ONSETS.contains(&o)
            || DISTINCTIVE_RHYMES.contains(&r)
            || ["ie", "uo", "uy", "oa", "oe"]
                .iter()
                .any(|p| r.starts_with(p))
    })
}

/// Whether `w` (lower-case ASCII) is a Vietnamese syllable, or a name of two syllables
/// written as one word (see the module docs).
pub(super) fn is_vietnamese(w: &str) -> bool {
    if is_syllable(w) {
        return true;
    }
    if !(4..=12).contains(&w.len())
        || !w
            .bytes()
            .all(|b| b.is_ascii_lowercase() && !matches!(b, b'f' | b'j' | b'w' | b'z'))
    {
        return false;
    }
    let b = w.as_bytes();
    if b[b.len() - 1] == b'e' && !b"aeiouy".contains(&b[b.len() - 2]) {
        return false;
    }
    (1..w.len().min(8)).any(|i| {
        let (first, second) = w.split_at(i);
        is_syllable(first)
            && readings(second).any(|(o, _)| !o.is_empty())
            && (distinctive(first) || distinctive(second))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rhymes_are_sorted() {
        assert!(RHYMES.windows(2).all(|w| w[0] < w[1]));
        assert!(PACKED.windows(2).all(|w| w[0] < w[1]));
        assert!(RHYMES.iter().all(|r| r.len() <= 5 && is_rhyme(r)));
        assert!(!is_rhyme("ab") && !is_rhyme("") && !is_rhyme("uyenn"));
    }

    #[test]
    fn vietnamese_names_are_syllables() {
        for w in [
            "nguyen", "thanh", "hung", "pham", "ngoc", "tran", "le", "ly", "vu", "vo", "dang",
            "bui", "do", "ngo", "duong", "huynh", "hoang", "phan", "truong", "dinh", "doan", "lam",
            "mai", "thuy", "uyen", "tuyet", "yen", "khue", "loan", "hoa", "toan", "tuan", "quoc",
            "quang", "quynh", "quy", "nghia", "nghe", "giang", "gia", "gi", "khoa", "viet", "nam",
            "long", "binh", "khanh", "hoi", "an", "vinh", "kien", "tien", "bai", "lao", "cai",
            "hue", "anh", "thi", "thu", "hang", "minh", "ho", "chi", "khoi", "ky", "ngoan",
            "thuong", "nhung", "khuyen", "oanh", "uy", "gioi", "hai", "phong",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in [
            "hanoi", "vietnam", "danang", "haiphong", "halong", "nhatrang", "cantho",
        ] {
            assert!(is_vietnamese(w), "{w}");
        }
    }

    #[test]
    fn english_words_are_not() {
        for w in [
            "city",
            "kong",
            "japan",
            "china",
            "asia",
            "india",
            "tibet",
            "london",
            "human",
            "latin",
            "home",
            "data",
            "time",
            "line",
            "team",
            "open",
            "been",
            "deputy",
            "minister",
            "post",
            "bank",
            "state",
            "forum",
            "digital",
            "economy",
            "program",
            "party",
            "office",
            "street",
            "road",
            "lake",
            "sea",
            "korea",
            "paris",
            "seoul",
            "europe",
            "america",
            "cambodia",
            "thailand",
            "mekong",
            "rebecca",
            "bryant",
            "united",
            "nations",
            "australian",
            "by",
            "cy",
            "ge",
            "ka",
            "ko",
            "ieu",
            "pa",
            "hall",
            "group",
            "center",
            "smes",
        ] {
            assert!(!is_vietnamese(w), "{w}");
        }
    }
}
