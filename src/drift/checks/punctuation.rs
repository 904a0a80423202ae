//! The `punctuation` check: a question or an exclamation the Vietnamese lost, quotes or
//! brackets the Vietnamese leaves open where the English closes them, a final full stop
//! lost (an English sentence that ends with `.` and a Vietnamese that ends with no stop,
//! closing quotes and brackets aside), and doubled spaces the Vietnamese adds. A lost
//! exclamation and a doubled space are information; the others a warning.
//!
//! Marks inside URLs, code spans and link targets do not count. Quotes are balanced when
//! straight double quotes come in pairs and curly ones (`“ ”`, `« »`) open as often as they
//! close, whichever style each side uses; an English unit whose quotation spans sentences
//! (one mark only) is not compared. Single quotes are not checked: `’` is also the
//! apostrophe.

use super::{Side, Sink};
use crate::drift::report::{Explanation, Kind, Severity};

/// The marks of a text that must balance, counted in one pass.
#[derive(Default)]
struct Marks {
    question: bool,
    exclamation: bool,
    straight_quotes: usize,
    /// Per pair of [`PAIRS`]: whether it closed more than it opened at some point, and the
    /// depth at the end.
    depth: [i64; 5],
    underflow: [bool; 5],
}

/// Pairs of opening and closing marks checked for balance: brackets, then quotes.
const PAIRS: [(char, char); 5] = [('(', ')'), ('[', ']'), ('{', '}'), ('“', '”'), ('«', '»')];

impl Marks {
    fn of(text: &str) -> Marks {
        let mut m = Marks::default();
        for c in text.chars() {
            match c {
                '?' | '？' => m.question = true,
                '!' | '！' => m.exclamation = true,
                '"' => m.straight_quotes += 1,
                _ => {
                    for (k, &(open, close)) in PAIRS.iter().enumerate() {
                        if c == open {
                            m.depth[k] += 1;
                        } else if c == close {
                            m.depth[k] -= 1;
                            if m.depth[k] < 0 {
                                m.underflow[k] = true;
                            }
                        }
                    }
                }
            }
        }
        m
    }

    /// Whether pair `k` of [`PAIRS`] is balanced: never more closed than opened, and as
    /// many of each.
    fn balanced(&self, k: usize) -> bool {
        !self.underflow[k] && self.depth[k] == 0
    }

    fn quotes_balanced(&self) -> bool {
        self.straight_quotes.is_multiple_of(2) && self.balanced(3) && self.balanced(4)
    }
}

pub(super) fn check(en: &Side, vi: &Side, sink: &mut Sink) {
    let (e, v) = (Marks::of(en.clean()), Marks::of(vi.clean()));
    if e.question && !v.question {
        sink.push(
            Kind::Punctuation,
            Explanation::new("check-punctuation-question"),
        );
    }
    // Vietnamese interface and newsroom style often drops an exclamation on purpose
    // (`Saved!` → `Đã lưu.`): worth a look, not a warning like a lost question.
    if e.exclamation && !v.exclamation {
        sink.push_at(
            Kind::Punctuation,
            Severity::Info,
            Explanation::new("check-punctuation-exclamation"),
        );
    }

    // Quotes, whatever the style of each side.
    if e.quotes_balanced() && !v.quotes_balanced() {
        let marks = if !v.straight_quotes.is_multiple_of(2) {
            "\""
        } else if !v.balanced(3) {
            "“ ”"
        } else {
            "« »"
        };
        sink.push(
            Kind::Punctuation,
            Explanation::new("check-punctuation-unbalanced").arg("marks", marks),
        );
    }
    for (k, &(open, close)) in PAIRS[..3].iter().enumerate() {
        if e.balanced(k) && !v.balanced(k) {
            sink.push(
                Kind::Punctuation,
                Explanation::new("check-punctuation-unbalanced")
                    .arg("marks", format!("{open} {close}")),
            );
        }
    }

    if lost_final_stop(en.clean(), vi.clean()) {
        sink.push(
            Kind::Punctuation,
            Explanation::new("check-punctuation-final-stop"),
        );
    }

    // Doubled spaces the Vietnamese adds: one the English has too is the layout of both.
    if doubled_spaces(vi) > doubled_spaces(en) {
        sink.push_at(
            Kind::Punctuation,
            Severity::Info,
            Explanation::new("check-punctuation-double-space"),
        );
    }
}

/// How many doubled spaces a text has inside it (code spans excepted, ends ignored).
fn doubled_spaces(side: &Side) -> usize {
    let text = side.text.as_ref();
    let start = text.len() - text.trim_start().len();
    text.trim()
        .as_bytes()
        .windows(2)
        .enumerate()
        .filter(|&(i, w)| {
            w == b"  "
                && !side
                    .markup
                    .code_spans
                    .iter()
                    .any(|r| r.contains(&(start + i)))
        })
        .count()
}

/// Whether the final `.` of `text` belongs to an abbreviation with inner stops (`6 a.m.`,
/// `the U.S.`): a full stop the Vietnamese spelling (`6 giờ sáng`) has no reason to keep.
fn ends_with_abbreviation(text: &str) -> bool {
    let last = text.split_whitespace().last().unwrap_or("");
    let last = last.trim_end_matches(['"', '”', '’', '\'', '»', ')', ']']);
    last.strip_suffix('.').is_some_and(|rest| {
        rest.contains('.') && rest.chars().all(|c| c.is_alphabetic() || c == '.')
    })
}

/// The last character of a text that is not white space, a closing quote or a closing
/// bracket: `.` in `He said “yes.”`.
fn final_mark(text: &str) -> Option<char> {
    text.chars()
        .rev()
        .find(|c| !c.is_whitespace() && !matches!(c, '"' | '”' | '’' | '\'' | '»' | ')' | ']'))
}

/// Whether the English ends a sentence with a full stop and the Vietnamese with nothing
/// that ends one (`.`, `?`, `!`, `…`, `:`, `;`). An English `...` (an ellipsis) is no
/// stop to keep.
fn lost_final_stop(en: &str, vi: &str) -> bool {
    let en_stop = final_mark(en) == Some('.')
        && !en.trim_end().ends_with("..")
        && !ends_with_abbreviation(en);
    en_stop
        && final_mark(vi).is_some_and(|c| !matches!(c, '.' | '?' | '!' | '…' | ':' | ';' | '。'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::checks::tests::{ids, run};

    #[test]
    fn lost_marks() {
        let f = run("Which teams did best?", "Các đội đạt kết quả tốt nhất.");
        assert_eq!(ids(&f, Kind::Punctuation), ["check-punctuation-question"]);
        let f = run("Stop now!", "Dừng lại ngay.");
        assert_eq!(
            ids(&f, Kind::Punctuation),
            ["check-punctuation-exclamation"]
        );
        assert!(
            ids(
                &run("Which teams did best?", "Đội nào tốt nhất?"),
                Kind::Punctuation
            )
            .is_empty()
        );
        // A question mark inside a URL is not a question.
        assert!(
            ids(
                &run("See https://x.vn/?a=1 now.", "Xem https://x.vn/?a=1 ngay."),
                Kind::Punctuation
            )
            .is_empty()
        );
    }

    #[test]
    fn unbalanced_marks() {
        let f = run("He said \"yes\" (twice).", "Ông nói “có” (hai lần.");
        assert_eq!(ids(&f, Kind::Punctuation), ["check-punctuation-unbalanced"]);
        assert_eq!(f[0].explanation.args, [("marks", "( )".to_string())]);
        let f = run("He said \"yes\".", "Ông nói “có.");
        assert_eq!(ids(&f, Kind::Punctuation), ["check-punctuation-unbalanced"]);
        assert_eq!(f[0].explanation.args, [("marks", "“ ”".to_string())]);
        // Straight on one side, curly on the other: both balanced.
        assert!(ids(&run("He said \"yes\".", "Ông nói “có”."), Kind::Punctuation).is_empty());
        // A quotation that spans sentences is open in the English too.
        assert!(
            ids(
                &run("\"Paying is never a guarantee.", "“Trả tiền không bảo đảm."),
                Kind::Punctuation
            )
            .is_empty()
        );
        // Markdown link brackets are markup.
        assert!(
            ids(
                &run(
                    "See [the report](https://x.vn).",
                    "Xem [báo cáo](https://x.vn)."
                ),
                Kind::Punctuation
            )
            .is_empty()
        );
    }

    #[test]
    fn lost_final_full_stop() {
        let f = run("The plan was approved.", "Kế hoạch đã được phê duyệt");
        assert_eq!(ids(&f, Kind::Punctuation), ["check-punctuation-final-stop"]);
        for (en, vi) in [
            ("The plan was approved.", "Kế hoạch đã được phê duyệt."),
            ("He said: \"It works.\"", "Ông nói: “Nó hiệu quả.”"),
            ("Storm hits the coast", "Bão đổ bộ vào bờ biển"),
            ("Will it work.", "Liệu nó có hiệu quả?"),
            // The stop of an abbreviation, which the Vietnamese spells out.
            ("6 a.m.", "6 giờ sáng"),
            ("It opened in the U.S.", "Nó khai trương tại Mỹ"),
            (
                "See the report (in English).",
                "Xem báo cáo (bằng tiếng Anh).",
            ),
        ] {
            assert!(
                ids(&run(en, vi), Kind::Punctuation).is_empty(),
                "{en} / {vi}"
            );
        }
    }

    #[test]
    fn lost_closing_parenthesis_in_a_joined_translation() {
        // A 1-2 link: the check sees the two Vietnamese sentences joined.
        let f = run(
            "The fund (set up in 2020) will grow, officials said.",
            "Quỹ (thành lập năm 2020 sẽ tăng. Các quan chức cho biết như vậy.",
        );
        assert_eq!(ids(&f, Kind::Punctuation), ["check-punctuation-unbalanced"]);
    }

    #[test]
    fn double_spaces() {
        let f = run("One space.", "Một  dấu cách.");
        assert_eq!(
            ids(&f, Kind::Punctuation),
            ["check-punctuation-double-space"]
        );
        assert!(
            ids(
                &run("Code `a  b` here.", "Mã `a  b` ở đây."),
                Kind::Punctuation
            )
            .is_empty()
        );
        assert!(ids(&run("One space.", "Một dấu cách.  "), Kind::Punctuation).is_empty());
    }
}
