//! The compiled-in rule sets for English and Vietnamese, written as ordered SRX rules.
//!
//! Exceptions come before the break rules they restrict (SRX: the first matching rule
//! wins). Abbreviation lists are expanded into rules, so the built-in sets run through the
//! same engine as a user's SRX file.

use super::engine::Rule;
use crate::text::Lang;

/// What may close a sentence after its final stop: a quote or bracket, or a guillemet after
/// a (non-breaking) space, as French and Vietnamese typography writes `« ... »`.
const CLOSERS: &str = r#"(?:["'”’»›)\]}]|[ \x{A0}\x{202F}][»›])"#;

/// The stops that may end a sentence.
const STOPS: &str = "[.!?…‼⁇⁈⁉。！？]";

/// Footnote markers written after the stop: `[5]`, `[12][13]`, with or without a space.
const FOOTNOTE: &str = r"[ \x{A0}]?(?:\[\d{1,3}\])+";

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
    /// Words that name a numbered part of a document (`Chapter`, `Chương`): at the start of
    /// a unit, with a number and a dot, they head a section and end no sentence.
    section_words: &'static [&'static str],
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
    section_words: &[
        "Chapter", "Section", "Part", "Article", "Appendix", "Annex", "Clause", "Unit", "Lesson",
    ],
};

const VI: Lexicon = Lexicon {
    titles: &[
        "TS", "PGS", "GS", "ThS", "Th.S", "BS", "KS", "CN", "NCS", "DS", "LS", "NSƯT", "NSND",
        "TP", "Tp", "tp", "TT", "TX", "Mr", "Mrs", "Ms", "Dr", "Prof", "Ths",
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
    section_words: &[
        "Chương",
        "Phần",
        "Mục",
        "Điều",
        "Khoản",
        "Tiết",
        "Bài",
        "Phụ lục",
        "Quyển",
        "Tập",
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
    let section_words = alternation(lexicon.section_words);
    let bullets = "[•⁃▪◦‣●■]";
    let list_marker = r"(?:\d{1,3}|[a-zA-Z])(?:\.\)|\.|\))";
    let list_start = format!(r"^\s*(?:{bullets}\s*)?(?:1|a|A)(?:\.\)|\.|\))\s");
    vec![
        // A footnote marker after the stop (`... Manual. [5] Next`) belongs to the sentence
        // it annotates: no break before it, a break after it.
        Rule::new(
            name("stop-before-footnote"),
            false,
            &format!("{STOPS}{CLOSERS}*"),
            &format!(r"{FOOTNOTE}(?:\s|$)"),
        ),
        Rule::new(
            name("footnote-ends-sentence"),
            true,
            &format!("{STOPS}+{CLOSERS}*{FOOTNOTE}"),
            NEXT_SENTENCE,
        ),
        // A closing guillemet after a space (`« Lọc theo... »`) ends the quotation, not a
        // sentence: the stop before it does not break; the break comes after it (CLOSERS).
        Rule::new(
            name("stop-inside-spaced-guillemets"),
            false,
            STOPS,
            r"[ \x{A0}\x{202F}]+[»›](?:[\s\p{P}]|$)",
        ),
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
        // A section number at the start of a unit heads a section (`4.4.3. Tuỳ chỉnh`,
        // `Chương 4. Các tệp`, `Phụ lục II. Mẫu đơn`); the dot after it ends no sentence.
        Rule::new(
            name("section-number-at-start"),
            false,
            &format!(
                r"^\s*(?:(?i:{section_words})\s+(?:\d{{1,3}}(?:\.\d{{1,3}})*|[IVXLC]{{1,6}})|\d{{1,3}}(?:\.\d{{1,3}})+)\."
            ),
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
        // Titles may chain without a space (`PGS.TS.`, `TS.BS.`): the whole chain stands
        // before the name.
        Rule::new(
            name("title"),
            false,
            &format!(r"{WORD_START}(?:{titles}\.)+"),
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
            &format!("{STOPS}+{CLOSERS}*"),
            NEXT_SENTENCE,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use crate::segment::Segmenter;
    use crate::text::Lang;

    /// Each case: the text, then the sentences it must give.
    fn check(lang: Lang, cases: &[(&str, &[&str])]) {
        let segmenter = Segmenter::builtin(lang);
        let mut failures = Vec::new();
        for (text, expected) in cases {
            let got: Vec<&str> = segmenter
                .split(text)
                .into_iter()
                .map(|r| &text[r])
                .collect();
            if got != *expected {
                failures.push(format!("{text:?}\n   got: {got:?}\n  want: {expected:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn english_titles_and_names() {
        check(
            Lang::En,
            &[
                (
                    "Mr. Tran met Dr. Le and Prof. Vo in Da Nang.",
                    &["Mr. Tran met Dr. Le and Prof. Vo in Da Nang."],
                ),
                (
                    "Ms. Lan left. Mrs. Hoa stayed.",
                    &["Ms. Lan left.", "Mrs. Hoa stayed."],
                ),
                (
                    "Gov. Pham and Sen. Brown spoke. They agreed.",
                    &["Gov. Pham and Sen. Brown spoke.", "They agreed."],
                ),
                (
                    "The report by J. K. Nguyen was cited.",
                    &["The report by J. K. Nguyen was cited."],
                ),
                (
                    "He took vitamin C. The cold went away.",
                    &["He took vitamin C.", "The cold went away."],
                ),
                (
                    "It was signed by Tom Smith Jr. on Friday.",
                    &["It was signed by Tom Smith Jr. on Friday."],
                ),
                (
                    "The deal went to Vinh Co. It was approved.",
                    &["The deal went to Vinh Co.", "It was approved."],
                ),
            ],
        );
    }

    #[test]
    fn english_acronyms_and_latin_abbreviations() {
        check(
            Lang::En,
            &[
                (
                    "The U.S. delegation arrived early.",
                    &["The U.S. delegation arrived early."],
                ),
                (
                    "Exports to the U.S. rose. Imports fell.",
                    &["Exports to the U.S. rose.", "Imports fell."],
                ),
                (
                    "She studied in the U.K. Her brother did not.",
                    &["She studied in the U.K.", "Her brother did not."],
                ),
                (
                    "Ports, e.g. Hai Phong, grew fast.",
                    &["Ports, e.g. Hai Phong, grew fast."],
                ),
                (
                    "Some goods, i.e. rice and coffee, were exempt.",
                    &["Some goods, i.e. rice and coffee, were exempt."],
                ),
                (
                    "Bring pens, paper, etc. The exam starts soon.",
                    &["Bring pens, paper, etc.", "The exam starts soon."],
                ),
                (
                    "Decree No. 13 took effect. See p. 4 for details.",
                    &["Decree No. 13 took effect.", "See p. 4 for details."],
                ),
                (
                    "It was dated Nov. 28, 2019 in Hanoi.",
                    &["It was dated Nov. 28, 2019 in Hanoi."],
                ),
            ],
        );
    }

    #[test]
    fn english_clock_times() {
        check(
            Lang::En,
            &[
                (
                    "The talks began at 9 a.m. and ended at noon.",
                    &["The talks began at 9 a.m. and ended at noon."],
                ),
                (
                    "Voting closed at 7 p.m. Results came later.",
                    &["Voting closed at 7 p.m.", "Results came later."],
                ),
                (
                    "At 6 a.m. Mr. Long opened the gate.",
                    &["At 6 a.m. Mr. Long opened the gate."],
                ),
                (
                    "The flight leaves at 10:30 p.m. Monday.",
                    &["The flight leaves at 10:30 p.m. Monday."],
                ),
                (
                    "The session opened at 11:12 and closed at 17:45. Delegates left.",
                    &[
                        "The session opened at 11:12 and closed at 17:45.",
                        "Delegates left.",
                    ],
                ),
                (
                    "November 28, 2019 | 11:12 am GMT+7",
                    &["November 28, 2019 | 11:12 am GMT+7"],
                ),
            ],
        );
    }

    #[test]
    fn english_numbers_urls_and_addresses() {
        check(
            Lang::En,
            &[
                (
                    "Growth was 6.8 percent. Inflation was 3.5 percent.",
                    &["Growth was 6.8 percent.", "Inflation was 3.5 percent."],
                ),
                (
                    "Version 2.1.4 fixed the bug. Version 3.0 is next.",
                    &["Version 2.1.4 fixed the bug.", "Version 3.0 is next."],
                ),
                (
                    "It cost $1,200.50. Nobody complained.",
                    &["It cost $1,200.50.", "Nobody complained."],
                ),
                (
                    "Read it at https://mic.gov.vn/news/a.b.html. Then reply.",
                    &[
                        "Read it at https://mic.gov.vn/news/a.b.html.",
                        "Then reply.",
                    ],
                ),
                (
                    "Write to press.office@mic.gov.vn. Staff answer daily.",
                    &["Write to press.office@mic.gov.vn.", "Staff answer daily."],
                ),
                (
                    "Visit www.example.com.vn?ref=a!b for more.",
                    &["Visit www.example.com.vn?ref=a!b for more."],
                ),
            ],
        );
    }

    #[test]
    fn english_quotes_brackets_and_ellipses() {
        check(
            Lang::En,
            &[
                (
                    "He said, \"We are ready.\" Then he left.",
                    &["He said, \"We are ready.\"", "Then he left."],
                ),
                ("“Is it safe?” she asked.", &["“Is it safe?” she asked."]),
                (
                    "“It is safe.” The minister nodded.",
                    &["“It is safe.”", "The minister nodded."],
                ),
                (
                    "(The vote was close.) It passed anyway.",
                    &["(The vote was close.)", "It passed anyway."],
                ),
                (
                    "The plan (approved in 2019.) was delayed.",
                    &["The plan (approved in 2019.) was delayed."],
                ),
                (
                    "We waited... Nothing happened.",
                    &["We waited...", "Nothing happened."],
                ),
                (
                    "We waited… Nothing happened.",
                    &["We waited…", "Nothing happened."],
                ),
                (
                    "The law says . . . that rules apply.",
                    &["The law says . . . that rules apply."],
                ),
                ("Really?! Yes. Wow!!", &["Really?!", "Yes.", "Wow!!"]),
            ],
        );
    }

    #[test]
    fn english_lists() {
        check(
            Lang::En,
            &[
                (
                    "1. Open the file 2. Check the dates 3. Save it",
                    &["1. Open the file", "2. Check the dates", "3. Save it"],
                ),
                (
                    "1) Agree on terms. 2) Sign the deal.",
                    &["1) Agree on terms.", "2) Sign the deal."],
                ),
                (
                    "• Safety first • Openness second",
                    &["• Safety first", "• Openness second"],
                ),
                (
                    "a. Review rules b. Publish them",
                    &["a. Review rules", "b. Publish them"],
                ),
                (
                    "Prices rose by 2. Then they fell.",
                    &["Prices rose by 2.", "Then they fell."],
                ),
            ],
        );
    }

    #[test]
    fn vietnamese_abbreviations_dates_quotes() {
        check(
            Lang::Vi,
            &[
                (
                    "TS. Nguyễn Văn An và PGS. Trần Thị Bích phát biểu.",
                    &["TS. Nguyễn Văn An và PGS. Trần Thị Bích phát biểu."],
                ),
                (
                    "GS. Lê Văn Cường và ThS. Phạm Lan dự họp. Họ đồng ý.",
                    &["GS. Lê Văn Cường và ThS. Phạm Lan dự họp.", "Họ đồng ý."],
                ),
                (
                    "Hội thảo diễn ra tại TP. Hồ Chí Minh hôm qua.",
                    &["Hội thảo diễn ra tại TP. Hồ Chí Minh hôm qua."],
                ),
                (
                    "Trụ sở ở Q. 1 và chi nhánh ở P. Bến Nghé.",
                    &["Trụ sở ở Q. 1 và chi nhánh ở P. Bến Nghé."],
                ),
                (
                    "Họ bán rau, quả, thịt, v.v. cho người dân.",
                    &["Họ bán rau, quả, thịt, v.v. cho người dân."],
                ),
                (
                    "Họ mua gạo, muối, v.v. Các cửa hàng đã đóng cửa.",
                    &["Họ mua gạo, muối, v.v.", "Các cửa hàng đã đóng cửa."],
                ),
                (
                    "Ngày 27/11/2019, hội thảo khai mạc. Ngày 28/11/2019 bế mạc.",
                    &[
                        "Ngày 27/11/2019, hội thảo khai mạc.",
                        "Ngày 28/11/2019 bế mạc.",
                    ],
                ),
                (
                    "Ông nói: “Chúng tôi đã sẵn sàng.” Sau đó ông rời đi.",
                    &["Ông nói: “Chúng tôi đã sẵn sàng.”", "Sau đó ông rời đi."],
                ),
                (
                    "Tăng trưởng đạt 6,8%. Lạm phát là 3,5%.",
                    &["Tăng trưởng đạt 6,8%.", "Lạm phát là 3,5%."],
                ),
                (
                    "Xem tại https://mic.gov.vn/tin.html. Đọc kỹ nhé.",
                    &["Xem tại https://mic.gov.vn/tin.html.", "Đọc kỹ nhé."],
                ),
                (
                    "Có hơn 1.200 khách mời. Đây là kỷ lục!",
                    &["Có hơn 1.200 khách mời.", "Đây là kỷ lục!"],
                ),
                (
                    "Bạn có đồng ý không? Tôi đồng ý.",
                    &["Bạn có đồng ý không?", "Tôi đồng ý."],
                ),
            ],
        );
    }

    /// Compound academic titles (`PGS.TS.`, `TS.BS.`) are one chain of titles before a
    /// name, not a sentence that ends after the first; `Ths.` is a common spelling of `ThS.`.
    #[test]
    fn vietnamese_compound_titles_do_not_split() {
        check(
            Lang::Vi,
            &[
                (
                    "PGS.TS. Nguyễn Văn An phát biểu tại hội thảo.",
                    &["PGS.TS. Nguyễn Văn An phát biểu tại hội thảo."],
                ),
                (
                    "Ông trao đổi với GS.TS. Trần Văn Bình và TS.BS. Lê Thị Hoa.",
                    &["Ông trao đổi với GS.TS. Trần Văn Bình và TS.BS. Lê Thị Hoa."],
                ),
                (
                    "Ths. Phạm Minh Đức trình bày báo cáo. Hội nghị kết thúc lúc 17h.",
                    &[
                        "Ths. Phạm Minh Đức trình bày báo cáo.",
                        "Hội nghị kết thúc lúc 17h.",
                    ],
                ),
                (
                    "Chủ trì là PGS. TS. Đỗ Quang Vinh. Ông mở đầu bằng một câu hỏi.",
                    &[
                        "Chủ trì là PGS. TS. Đỗ Quang Vinh.",
                        "Ông mở đầu bằng một câu hỏi.",
                    ],
                ),
            ],
        );
    }

    /// A footnote marker after the stop belongs to the sentence it annotates; the next
    /// sentence starts after it.
    #[test]
    fn footnote_marker_stays_with_its_sentence() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Xem hướng dẫn trong Debian Policy Manual. [5] Các gói phải tuân theo.",
                &[
                    "Xem hướng dẫn trong Debian Policy Manual. [5]",
                    "Các gói phải tuân theo.",
                ],
            ),
            (
                "Quy định này đã thay đổi.[12][13] Trước đó, mọi gói đều được chấp nhận.",
                &[
                    "Quy định này đã thay đổi.[12][13]",
                    "Trước đó, mọi gói đều được chấp nhận.",
                ],
            ),
            (
                "Điều này đã được ghi nhận. [5]",
                &["Điều này đã được ghi nhận. [5]"],
            ),
        ];
        check(Lang::Vi, cases);
        check(
            Lang::En,
            &[(
                "See the Debian Policy Manual. [5] Packages must follow it.",
                &[
                    "See the Debian Policy Manual. [5]",
                    "Packages must follow it.",
                ],
            )],
        );
    }

    /// A section number at the start of a unit (`4.4.3.`, `Chương 4.`, `Điều 5.`) numbers a
    /// heading; the dot after it does not end a sentence.
    #[test]
    fn section_numbers_at_the_start_do_not_split() {
        check(
            Lang::Vi,
            &[
                ("Chương 4. Các tệp yêu cầu", &["Chương 4. Các tệp yêu cầu"]),
                (
                    "4.4.3. Tuỳ chỉnh tệp rules",
                    &["4.4.3. Tuỳ chỉnh tệp rules"],
                ),
                (
                    "Điều 5. Phạm vi điều chỉnh",
                    &["Điều 5. Phạm vi điều chỉnh"],
                ),
                ("Phụ lục II. Mẫu đơn", &["Phụ lục II. Mẫu đơn"]),
                (
                    "2.1. Cài đặt gói. Sau đó khởi động lại máy.",
                    &["2.1. Cài đặt gói.", "Sau đó khởi động lại máy."],
                ),
                // Not at the start: an ordinary sentence that ends with a number.
                (
                    "Số phòng là 4. Các tệp nằm trong thư mục chung.",
                    &["Số phòng là 4.", "Các tệp nằm trong thư mục chung."],
                ),
            ],
        );
        check(
            Lang::En,
            &[(
                "4.4.3. Customizing the rules file",
                &["4.4.3. Customizing the rules file"],
            )],
        );
    }

    /// Guillemets with spaces inside (`« ... »`) close a quotation like `”`: a stop inside
    /// them does not end the sentence before the closing mark.
    #[test]
    fn spaced_guillemets_do_not_split_inside() {
        check(
            Lang::Vi,
            &[
                (
                    "Chọn « Lọc theo... » rồi bấm Áp dụng.",
                    &["Chọn « Lọc theo... » rồi bấm Áp dụng."],
                ),
                (
                    "« Lọc theo... » mở ra hộp thoại mới.",
                    &["« Lọc theo... » mở ra hộp thoại mới."],
                ),
                (
                    "Ông nói: « Chúng tôi đã sẵn sàng. » Sau đó ông rời đi.",
                    &["Ông nói: « Chúng tôi đã sẵn sàng. »", "Sau đó ông rời đi."],
                ),
            ],
        );
    }
}
