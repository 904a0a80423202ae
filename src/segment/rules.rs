//! The compiled-in rule sets for English and Vietnamese, written as ordered SRX rules.
//!
//! Exceptions come before the break rules they restrict (SRX: the first matching rule
//! wins). Abbreviation lists are expanded into rules, so the built-in sets run through the
//! same engine as a user's SRX file.

use super::Lang;
use super::engine::Rule;

/// Characters that may close a sentence after its final stop: quotes and brackets.
const CLOSERS: &str = r#"["'”’»)\]}]"#;

/// What starts a new sentence after white space: anything but a lower-case letter.
const NEXT_SENTENCE: &str = r"\s+[^\p{Ll}\s]";

/// The start of an abbreviation: not glued to a preceding letter, digit, dot or hyphen.
const WORD_START: &str = r"(?:^|[^\p{L}\p{N}.\-_@/])";

/// Per-language word lists the rule templates are filled with.
struct Lexicon {
    /// Titles before a name; never end a sentence (`Mr.`, `TS.`).
    titles: &'static [&'static str],
    /// Abbreviations that never end a sentence (`e.g.`, `i.e.`).
    never_final: &'static [&'static str],
    /// Abbreviations that stand before a number (`No. 13`, `p. 55`, `Q. 1`).
    before_number: &'static [&'static str],
    /// Abbreviations that may end a sentence (`Co.`, `Jr.`, `v.v.`): break only when a word
    /// that typically opens a sentence follows.
    ambiguous: &'static [&'static str],
    /// Words that typically open a sentence.
    sentence_starters: &'static [&'static str],
}

const EN: Lexicon = Lexicon {
    titles: &[
        "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Messrs", "Mme", "Mmes", "Mlle", "Gen", "Lt", "Col",
        "Maj", "Capt", "Sgt", "Cpl", "Adm", "Cmdr", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres",
        "Supt", "Insp", "Det", "Fr", "Amb", "Atty", "Rt",
    ],
    never_final: &[
        r"e\.g", r"i\.e", "cf", "viz", "vs", "approx", "incl", "esp", "ibid", "Ibid", "resp",
    ],
    before_number: &[
        "No", "Nos", "no", "nos", "Nr", "nr", "p", "pp", "Vol", "vol", "Vols", "vols", "Art",
        "art", "Arts", "Fig", "fig", "Figs", "figs", "ch", "Ch", "Chap", "chap", "sec", "Sec",
        "secs", "para", "Para", "paras", "Ex", "ex", "Tel", "tel", "ext", "Ext", "Rm", "rm", "Apt",
        "apt", "Ste", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
        "Dec", "N°", "n°", "Nº", "nº", "№", "op", "Op", "ca", "c", "Hwy", "Rte", "Pt", "Pts", "Cl",
        "cl", "Reg", "Ord",
    ],
    ambiguous: &[
        "Co", "Corp", "Inc", "Ltd", "Plc", "Jr", "Sr", "Bros", "Dept", "Univ", "Assn", "Ave",
        "Blvd", "Rd", "St", "Mt", "Ft", "Sq", "al", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
        "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues", "Wed", "Thu", "Thur",
        "Thurs", "Fri", "Sat", "Sun", "Gov", "Govt", "Intl", "Natl", "Mfg", "Est", "est",
    ],
    sentence_starters: &[
        "A",
        "An",
        "The",
        "This",
        "That",
        "These",
        "Those",
        "It",
        "Its",
        "It's",
        "It’s",
        "He",
        "She",
        "We",
        "They",
        "I",
        "You",
        "His",
        "Her",
        "Their",
        "Our",
        "My",
        "Your",
        "There",
        "Here",
        "But",
        "And",
        "Or",
        "So",
        "Yet",
        "Nor",
        "However",
        "Meanwhile",
        "Moreover",
        "Furthermore",
        "Also",
        "Still",
        "Then",
        "Now",
        "Today",
        "Yesterday",
        "Tomorrow",
        "In",
        "On",
        "At",
        "For",
        "From",
        "With",
        "Without",
        "By",
        "To",
        "Of",
        "After",
        "Before",
        "During",
        "Since",
        "Until",
        "While",
        "When",
        "Where",
        "Why",
        "How",
        "What",
        "Who",
        "Whom",
        "Whose",
        "Which",
        "If",
        "As",
        "Although",
        "Though",
        "Because",
        "Despite",
        "According",
        "Did",
        "Does",
        "Do",
        "Is",
        "Are",
        "Was",
        "Were",
        "Has",
        "Have",
        "Had",
        "Will",
        "Would",
        "Can",
        "Could",
        "Should",
        "Shall",
        "Might",
        "Must",
        "Let",
        "Please",
        "Many",
        "Most",
        "Some",
        "All",
        "Each",
        "Every",
        "Not",
        "Other",
        "Another",
        "Such",
        "Last",
        "Next",
        "First",
        "Finally",
        "Earlier",
        "Later",
        "Instead",
        "Otherwise",
        "Thus",
        "Therefore",
        "Hence",
        "Indeed",
        "Nevertheless",
        "Nonetheless",
        "Besides",
        "Overall",
        "Both",
        "Neither",
        "Either",
        "Over",
        "Under",
        "Among",
        "Officials",
        "Police",
    ],
};

const VI: Lexicon = Lexicon {
    titles: &[
        "TS", "PGS", "GS", "ThS", "Th.S", "BS", "KS", "CN", "NCS", "DS", "LS", "NSƯT", "NSND",
        "TP", "Tp", "tp", "TT", "TX", "Mr", "Mrs", "Ms", "Dr", "Prof",
    ],
    never_final: &[r"e\.g", r"i\.e", "vs", "cf"],
    before_number: &[
        "Q", "P", "tr", "Tr", "Đ", "K", "No", "Nos", "p", "pp", "N°", "Nº", "№", "Số", "số",
    ],
    ambiguous: &[r"v\.v", "vv", "Co", "Inc", "Ltd", "Corp", "Jr", "St"],
    sentence_starters: &[
        "Các", "Những", "Một", "Tuy", "Trong", "Theo", "Đây", "Đó", "Điều", "Do", "Vì", "Nhưng",
        "Và", "Hiện", "Tại", "Sau", "Trước", "Khi", "Nếu", "Năm", "Ngày", "Ông", "Bà", "Anh",
        "Chị", "Họ", "Chúng", "Tôi", "Cần", "Việc", "Bên", "Ngoài", "Đặc", "Cũng", "Còn", "Vậy",
        "Như", "Với", "Từ", "Để", "Mặc", "Bởi", "Riêng", "Cùng", "Thứ", "Hơn", "Có", "Không",
        "Chính", "Nhờ", "Đồng", "Ngoài", "Qua", "Phát", "Thủ",
    ],
};

/// The ordered built-in rules for `lang`.
pub fn builtin(lang: Lang) -> Vec<Rule> {
    let (prefix, lexicon) = match lang {
        Lang::En => ("en", &EN),
        Lang::Vi => ("vi", &VI),
    };
    build(prefix, lexicon)
}

fn alternation(words: &[&str]) -> String {
    let mut sorted: Vec<&str> = words.to_vec();
    // Longest first keeps the alternation readable; matching is by automaton anyway.
    sorted.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    sorted.dedup();
    format!("(?:{})", sorted.join("|"))
}

fn build(lang: &str, lexicon: &Lexicon) -> Vec<Rule> {
    let name = |rule: &str| format!("{lang}/{rule}");
    let starters = format!(
        r"\s+[“‘({}]*{}(?:[^\p{{L}}\p{{N}}]|$)",
        "\"'\\[",
        alternation(lexicon.sentence_starters)
    );
    let titles = alternation(lexicon.titles);
    let never_final = alternation(lexicon.never_final);
    let before_number = alternation(lexicon.before_number);
    let ambiguous = alternation(lexicon.ambiguous);
    let bullets = "[•⁃▪◦‣●■]";
    let list_marker = r"(?:\d{1,3}|[a-zA-Z])(?:\.\)|\.|\))";
    let list_start = format!(r"^\s*(?:{bullets}\s*)?(?:1|a|A)(?:\.\)|\.|\))\s");
    vec![
        // Ellipses. A word-final stop followed by a spaced ellipsis and a new sentence: the
        // ellipsis opens the next sentence (". . . The practice was ...").
        Rule::new(
            name("stop-before-spaced-ellipsis"),
            true,
            r"[^.\s]\.",
            &format!(r"(?:\s\.){{3}}{NEXT_SENTENCE}"),
        ),
        Rule::new(name("inside-spaced-ellipsis"), false, r"\.", r"\s\."),
        // Four spaced dots: an ellipsis plus the sentence's own stop.
        Rule::new(
            name("spaced-ellipsis-and-stop"),
            true,
            &format!(r"(?:^|[^.])\s\.\s\.\s\.\s\.{CLOSERS}*"),
            NEXT_SENTENCE,
        ),
        // Three spaced dots mark an omission inside the sentence.
        Rule::new(
            name("spaced-ellipsis"),
            false,
            &format!(r"\.\s\.\s\.{CLOSERS}*"),
            r"\s",
        ),
        Rule::new(
            name("bracketed-ellipsis"),
            false,
            &format!(r"[\[(](?:\.\.\.|…)[\])]{CLOSERS}*"),
            r"\s",
        ),
        // Inline lists: "1) first 2) second", "• one • two", "a. first b. second".
        Rule::new(
            name("list-marker-at-start"),
            false,
            &format!(r"^\s*(?:{bullets}\s*)?{list_marker}"),
            r"\s",
        ),
        Rule::new(
            name("list-marker-after-bullet"),
            false,
            &format!(r"{bullets}\s*{list_marker}"),
            r"\s",
        ),
        Rule::new(
            name("list-marker-inside-list"),
            false,
            &format!(r"{list_start}(?s:.)*\s{list_marker}"),
            r"\s",
        ),
        Rule::new(
            name("before-bullet"),
            true,
            &format!(r"{bullets}(?s:.)*\s"),
            bullets,
        ),
        Rule::new(
            name("before-numbered-item"),
            true,
            &format!(r"^\s*(?:{bullets}\s*)?1(?:\.\)|\.|\))\s(?s:.)*\s"),
            r"\d{1,3}(?:\.\)|\.|\))\s",
        ),
        Rule::new(
            name("before-lettered-item"),
            true,
            &format!(r"^\s*(?:{bullets}\s*)?a(?:\.\)|\.|\))\s(?s:.)*\s"),
            r"[b-z](?:\.\)|\.|\))\s+\p{Lu}",
        ),
        Rule::new(
            name("before-capital-lettered-item"),
            true,
            &format!(r"^\s*(?:{bullets}\s*)?A(?:\.\)|\.|\))\s(?s:.)*\s"),
            r"[B-Z](?:\.\)|\.|\))\s+\p{Lu}",
        ),
        // Abbreviations.
        Rule::new(
            name("title"),
            false,
            &format!(r"{WORD_START}{titles}\."),
            r"\s",
        ),
        Rule::new(
            name("never-final-abbreviation"),
            false,
            &format!(r"{WORD_START}{never_final}\."),
            r"\s",
        ),
        Rule::new(
            name("abbreviation-before-number"),
            false,
            &format!(r"{WORD_START}{before_number}\."),
            r"\s*[\p{N}#]",
        ),
        // Clock times: "At 5 a.m. Mr. Smith went" opens a sentence; "left at 6 P.M. Mr. Smith
        // then" ends one.
        Rule::new(
            name("fronted-clock-time"),
            false,
            &format!(
                r"(?:^|[.!?]{CLOSERS}*\s+)(?:At|By|Before|After|Until|Till|From|Around|Since|About|Shortly after|Just after|Just before)\s+\d{{1,2}}(?:[:.]\d{{2}})?\s?[aApP]\.\s?[mM]\."
            ),
            r"\s",
        ),
        Rule::new(
            name("clock-time-continues"),
            false,
            r"\d\s?[aApP]\.\s?[mM]\.",
            r"\s+(?:\(|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:GMT|UTC|ICT|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|JST|ET|CT|PT)(?:[^\p{L}]|$)|(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:[^\p{L}]|$))",
        ),
        Rule::new(
            name("clock-time-ends-sentence"),
            true,
            &format!(r"\d\s?[aApP]\.\s?[mM]\.{CLOSERS}*"),
            NEXT_SENTENCE,
        ),
        // Dotted acronyms (U.S., E.U., D.C.) and single initials (E. Smith) end a sentence
        // only when a word that opens sentences follows.
        Rule::new(
            name("dotted-acronym-ends-sentence"),
            true,
            &format!(r"{WORD_START}(?:\p{{L}}\.){{2,}}{CLOSERS}*"),
            &starters,
        ),
        Rule::new(
            name("dotted-acronym"),
            false,
            &format!(r"{WORD_START}(?:\p{{L}}\.){{2,}}"),
            r"\s",
        ),
        Rule::new(
            name("initial-ends-sentence"),
            true,
            &format!(r"{WORD_START}\p{{Lu}}\.{CLOSERS}*"),
            &starters,
        ),
        Rule::new(
            name("initial"),
            false,
            &format!(r"{WORD_START}\p{{Lu}}\."),
            r"\s",
        ),
        Rule::new(
            name("abbreviation-ends-sentence"),
            true,
            &format!(r"{WORD_START}{ambiguous}\.{CLOSERS}*"),
            &starters,
        ),
        Rule::new(
            name("abbreviation"),
            false,
            &format!(r"{WORD_START}{ambiguous}\."),
            r"\s",
        ),
        // The general rule: terminal punctuation, then closing quotes or brackets, then white
        // space and anything but a lower-case letter.
        Rule::new(
            name("sentence-end"),
            true,
            &format!(r"[.!?…‼⁇⁈⁉。！？]+{CLOSERS}*"),
            NEXT_SENTENCE,
        ),
    ]
}
