//! The Vietnamese article: the English rebuilt with every unit replaced by its
//! Vietnamese, in the English's format, structure and encoding.
//!
//! Everything outside the units is the English's skeleton and is kept byte for byte:
//! Markdown markers, blank lines, code blocks, front matter keys, and the white space
//! between the sentences of a block, so sentences are joined as the original joined them.
//! Translations carry their own inline Markdown (`**...**`, `[...](...)`) as the
//! translator wrote it, with surrounding white space dropped.
//!
//! Line breaks in a translation follow the English: where the English block is one line
//! (a plain text line, an ATX heading, a table cell, a one-line front matter value), a
//! line break with the white space around it becomes one space, so a translation cannot
//! break the article's structure; elsewhere it takes the English's line end (LF or CR LF).
//!
//! Front matter `title` and `description` are translated too, and made valid YAML for the
//! style of the English value: `"` escaped in a double-quoted value, `'` doubled in a
//! single-quoted one, continuation lines indented like the English's, and a plain value
//! that YAML would read differently (`Giá: tăng`, `# 1`, `2019`, `true`) written
//! double-quoted.
//!
//! A unit without a translation keeps its English text. A release only has such units
//! with [`Release::allow_drift`](super::Release::allow_drift); otherwise
//! [`Release::check`](super::Release::check) refuses it before anything is written.
//!
//! The output has the English's encoding: UTF-8, UTF-8 with BOM, UTF-16 LE or BE (with
//! its BOM), via [`Document::encode`](crate::document::Document::encode).

use std::io::Write;

use super::{BlockView, ExportError, Prepared, Release};
use crate::document::BlockKind;
use crate::memory::layout::ViParagraph;

/// The Vietnamese article as text (before encoding).
pub fn text(release: &Release<'_>) -> Result<String, ExportError> {
    let prepared = Prepared::new(release)?;
    Ok(rebuild(&prepared))
}

/// The Vietnamese article in the English's encoding.
pub fn to_bytes(release: &Release<'_>) -> Result<Vec<u8>, ExportError> {
    Ok(release.en.encode(&text(release)?))
}

/// Writes the Vietnamese article, in the English's encoding, to `out`.
pub fn write(release: &Release<'_>, mut out: impl Write) -> Result<(), ExportError> {
    let bytes = to_bytes(release)?;
    out.write_all(&bytes)
        .and_then(|()| out.flush())
        .map_err(ExportError::write("Vietnamese article"))
}

fn rebuild(prepared: &Prepared<'_, '_>) -> String {
    // One replacement per block with units: the same as one per unit, since the block's
    // Vietnamese keeps what lies between its units.
    let views = &prepared.views;
    let left_out = |view: &BlockView<'_, '_>| {
        !view.units.is_empty()
            && view
                .units
                .iter()
                .all(|u| u.is_left_out() && u.added_before.is_empty() && u.added_after.is_empty())
            && !matches!(view.block.kind, BlockKind::FrontMatter(_))
    };
    let mut kept_before = false;
    let mut replacements = Vec::new();
    let mut k = 0;
    while k < views.len() {
        let view = &views[k];
        if !left_out(view) {
            kept_before = true;
            k += 1;
            if view.units.is_empty() {
                continue;
            }
            let mut text = prepared.vi_published(view);
            let mut range = view.block.range.clone();
            // The next blocks with units that the published Vietnamese runs on into this
            // paragraph (the English blocks left out whole between them go too).
            loop {
                let mut next = k;
                while views.get(next).is_some_and(&left_out) {
                    next += 1;
                }
                match views.get(next) {
                    Some(after) if !after.units.is_empty() && runs_on(after) => {
                        text.push(' ');
                        text.push_str(prepared.vi_published(after).trim_start());
                        range.end = after.block.range.end;
                        k = next + 1;
                    }
                    _ => break,
                }
            }
            replacements.push((range, text));
            continue;
        }
        // A block the translation leaves out whole (an English-only paragraph) goes with
        // the break before it (after it, before the first block that stays), so the
        // paragraphs around it are separated as the English separates paragraphs.
        let range = match (kept_before, views.get(k + 1)) {
            (true, _) => views[k - 1].block.range.end..view.block.range.end,
            (false, Some(after)) => view.block.range.start..after.block.range.start,
            (false, None) => view.block.range.clone(),
        };
        replacements.push((range, String::new()));
        k += 1;
    }
    prepared.release.en.rebuild(&replacements)
}

/// Whether the published Vietnamese runs on into the paragraph before, where the English
/// starts this block: its first published item says so ([`ViParagraph::Same`]).
fn runs_on(view: &BlockView<'_, '_>) -> bool {
    for unit in view.units {
        if let Some(addition) = unit.added_before.first() {
            return addition.paragraph == Some(ViParagraph::Same);
        }
        if !unit.is_left_out() {
            return unit.vi_paragraph == Some(ViParagraph::Same);
        }
        if let Some(addition) = unit.added_after.first() {
            return addition.paragraph == Some(ViParagraph::Same);
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, Encoding, ReadOptions};
    use crate::drift::Status;
    use crate::export::tests::{doc, release, seed, units};
    use std::path::Path;

    /// Issue 10: a unit translated with the one before, and English left out on purpose,
    /// publish nothing, and the white space that separated them goes with them.
    #[test]
    fn joined_and_omitted_units_publish_nothing_and_take_their_spacing_along() {
        let en = doc(
            "tin.en.txt",
            "For foreign readers.\n\nNote: prices in VND. The storm hit. It was strong. Schools closed.\n\nUSD 1 is VND 25,000.\n\nThe end. Really.\n",
        );
        let us = units(&en);
        let mut r = release(
            &en,
            &us,
            &[
                None,
                None,
                Some("Cơn bão đổ bộ và rất mạnh."),
                None,
                Some("Trường học đóng cửa."),
                None,
                Some("Hết."),
                None,
            ],
        );
        for (k, unit) in r.units.iter_mut().enumerate() {
            match k {
                0 | 1 | 5 | 7 => unit.status = Status::Omitted,
                3 => unit.joined = true,
                _ => {}
            }
        }
        assert_eq!(
            text(&r).unwrap(),
            "Cơn bão đổ bộ và rất mạnh. Trường học đóng cửa.\n\nHết.\n"
        );
    }

    /// Issue 10: the published Vietnamese paragraphs (a break inside an English paragraph,
    /// none where the English has one) and the editor's additions.
    #[test]
    fn the_published_paragraphs_and_additions_are_rebuilt() {
        use crate::memory::layout::{Addition, ViParagraph};
        let en = doc("tin.en.txt", "One. Two.\n\nThree.\n");
        let us = units(&en);
        let mut r = release(&en, &us, &[Some("Một."), Some("Hai."), Some("Ba.")]);
        r.units[1].vi_paragraph = Some(ViParagraph::New);
        r.units[2].vi_paragraph = Some(ViParagraph::Same);
        r.units[0].added_before = vec![Addition {
            vi: "Ghi chú.".into(),
            paragraph: None,
        }];
        r.units[2].added_after = vec![Addition {
            vi: "Thêm.".into(),
            paragraph: Some(ViParagraph::New),
        }];
        assert_eq!(text(&r).unwrap(), "Ghi chú. Một.\n\nHai. Ba.\n\nThêm.\n");
    }

    #[test]
    fn plain_text_keeps_lines_and_spacing() {
        let en = doc(
            "tin.en.txt",
            "Storm warning\r\n\r\nRivers are rising.  Stay home. Call 113.\r\nThe end.\r\n",
        );
        let us = units(&en);
        let r = release(
            &en,
            &us,
            &[
                Some("Cảnh báo bão"),
                Some("Nước sông đang lên."),
                Some("Hãy ở nhà."),
                Some("Gọi 113."),
                Some("Hết."),
            ],
        );
        assert_eq!(
            text(&r).unwrap(),
            "Cảnh báo bão\r\n\r\nNước sông đang lên.  Hãy ở nhà. Gọi 113.\r\nHết.\r\n"
        );
    }

    #[test]
    fn markdown_keeps_the_skeleton_and_the_translators_markup() {
        let en = doc(
            "rice.en.md",
            "---\ntitle: Rice prices climb\ndescription: \"Exporters expect a record year.\"\nauthor: Minh\n---\n\
             # Rice prices climb\n\n\
             Vietnam's **rice** exports rose [12%](https://example.com/data \"Data\"). *Buyers* are back.\n\n\
             > Farmers in *An Giang*\n> are planting more.\n\n\
             - Prices: `$600/t`\n- Buyers: the Philippines\n\n\
             1. First step.\n\n\
             ```\ncode. Not text.\n```\n\n\
             | Year | Tons |\n|---|---|\n| 2023 | Eight |\n",
        );
        let us = units(&en);
        let texts: Vec<&str> = us.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Rice prices climb",
                "Exporters expect a record year.",
                "Rice prices climb",
                "Vietnam's **rice** exports rose [12%](https://example.com/data \"Data\").",
                "*Buyers* are back.",
                "Farmers in *An Giang*\n> are planting more.",
                "Prices: `$600/t`",
                "Buyers: the Philippines",
                "First step.",
                "Year",
                "Tons",
                "2023",
                "Eight",
            ]
        );
        let r = release(
            &en,
            &us,
            &[
                Some("Giá gạo tăng"),
                Some("Các nhà xuất khẩu \"kỳ vọng\" một năm kỷ lục."),
                Some("Giá gạo tăng"),
                Some(
                    "Xuất khẩu **gạo** của Việt Nam tăng [12%](https://example.com/data \"Data\").",
                ),
                Some("*Người mua* đã quay lại."),
                Some("Nông dân ở *An Giang*\n> đang trồng nhiều hơn."),
                Some("Giá: `$600/t`"),
                Some("Người mua: Philippines"),
                Some("Bước đầu tiên."),
                Some("Năm"),
                Some("Tấn"),
                Some("2023"),
                Some("Tám"),
            ],
        );
        assert_eq!(
            text(&r).unwrap(),
            "---\ntitle: Giá gạo tăng\ndescription: \"Các nhà xuất khẩu \\\"kỳ vọng\\\" một năm kỷ lục.\"\nauthor: Minh\n---\n\
             # Giá gạo tăng\n\n\
             Xuất khẩu **gạo** của Việt Nam tăng [12%](https://example.com/data \"Data\"). *Người mua* đã quay lại.\n\n\
             > Nông dân ở *An Giang*\n> đang trồng nhiều hơn.\n\n\
             - Giá: `$600/t`\n- Người mua: Philippines\n\n\
             1. Bước đầu tiên.\n\n\
             ```\ncode. Not text.\n```\n\n\
             | Năm | Tấn |\n|---|---|\n| 2023 | Tám |\n"
        );
    }

    #[test]
    fn a_line_break_cannot_split_a_one_line_block() {
        let en = doc("a.md", "# Title here\n\nOne line.\nTwo line.\n");
        let us = units(&en);
        let r = release(
            &en,
            &us,
            &[
                Some("Tiêu đề\n ở đây"),
                Some("Dòng một.\r\n"),
                Some("Dòng\nhai."),
            ],
        );
        assert_eq!(
            text(&r).unwrap(),
            "# Tiêu đề ở đây\n\nDòng một.\nDòng\nhai.\n"
        );
    }

    #[test]
    fn utf16_stays_utf16() {
        let source = "# Flood warning\r\n\r\nRivers are **rising** fast. Stay home.\r\n";
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(source.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let en =
            Document::from_bytes(Path::new("flood.en.md"), &bytes, ReadOptions::default()).unwrap();
        assert_eq!(en.encoding, Encoding::Utf16Le);
        let us = units(&en);
        let r = release(
            &en,
            &us,
            &[
                Some("Cảnh báo lũ"),
                Some("Nước sông **dâng** nhanh."),
                Some("Hãy ở nhà."),
            ],
        );
        let expected = "# Cảnh báo lũ\r\n\r\nNước sông **dâng** nhanh. Hãy ở nhà.\r\n";
        let expected_bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(expected.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let mut out = Vec::new();
        write(&r, &mut out).unwrap();
        assert_eq!(out, expected_bytes);
    }

    #[test]
    fn a_missing_unit_keeps_the_english() {
        let en = doc("a.md", "# Storm\n\nRivers rise. Stay home.\n");
        let us = units(&en);
        let mut r = release(&en, &us, &[Some("Bão"), None, Some("Hãy ở nhà.")]);
        assert_eq!(r.units[1].state(), Status::Missing);
        assert_eq!(text(&r).unwrap(), "# Bão\n\nRivers rise. Hãy ở nhà.\n");
        r.allow_drift = false;
        assert!(matches!(
            text(&r),
            Err(ExportError::Drift { missing: 1, .. })
        ));
    }

    #[test]
    fn seed_example_rebuilds_the_vietnamese_file() {
        let (en, us, vi) = seed();
        let vi: Vec<Option<&str>> = vi.iter().map(|t| Some(t.as_str())).collect();
        let r = release(&en, &us, &vi);
        let expected =
            std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/seed.vi.txt"))
                .unwrap();
        assert_eq!(
            String::from_utf8(to_bytes(&r).unwrap()).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }
}
