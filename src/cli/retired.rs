//! The old translations a command retired because their English left the article: told
//! once, by the command that retired them (`update`, `translate`, `xliff import`), since
//! `check` and `export` no longer list them.

use anyhow::Result;
use songngu::drift::update::RetiredUnit;
use songngu::i18n::Localizer;

use super::output::Output;

/// How much of a retired TU's English is shown: enough to recognise the sentence.
const PREVIEW_CHARS: usize = 60;

/// One line per retired TU (`  retired [unit] English…`), then how many and where they
/// went. Nothing when none was retired.
pub fn write(out: &mut Output, retired: &[RetiredUnit], l10n: &Localizer) -> Result<()> {
    if retired.is_empty() {
        return Ok(());
    }
    let label = l10n.text("retired-unit");
    for tu in retired {
        let unit = if tu.unit.is_empty() {
            String::new()
        } else {
            format!(" [{}]", tu.unit)
        };
        out.line(&format!("  {label}{unit} {}", preview(&tu.en)))?;
    }
    let count = [("retired", retired.len().into())];
    out.line(&l10n.text_with("update-retired", &count))?;
    Ok(())
}

/// `en` on one line, cut after a word within [`PREVIEW_CHARS`] characters (`…` then).
fn preview(en: &str) -> String {
    let flat: String = en.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some((at, _)) = flat.char_indices().nth(PREVIEW_CHARS) else {
        return flat;
    };
    let head = &flat[..at];
    // A word cut in two reads as another word; one longer than the preview is cut.
    let head = head.rfind(' ').map_or(head, |space| &head[..space]);
    format!("{}…", head.trim_end_matches([',', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::{PREVIEW_CHARS, preview};

    #[test]
    fn a_long_sentence_is_cut_after_a_word_and_marked() {
        let long = "Đại biểu ".repeat(10);
        let shown = preview(&long);
        let head = shown.strip_suffix('…').expect("marked as cut");
        assert!(
            long.starts_with(&format!("{head} ")),
            "cut after a word: {shown}"
        );
        assert!(shown.chars().count() <= PREVIEW_CHARS + 1, "{shown}");
        let word = "a".repeat(PREVIEW_CHARS + 5);
        assert_eq!(preview(&word).chars().count(), PREVIEW_CHARS + 1);
        assert_eq!(preview("Short\nline."), "Short line.");
    }
}
