//! `check --vi` with the world knowledge (issue 10, "Misses"): countries and
//! organisations, weekdays and months in words, numbers in words, punctuation and partly
//! untranslated units, through the real binary. Each case also has a faithful twin that
//! must stay quiet.

mod common;

use common::songngu;

/// The findings (kind, message) of `check EN --vi VI --format json`, and the exit code.
fn check(en: &str, vi: &str) -> (i32, Vec<(String, String)>) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.en.txt"), en).unwrap();
    std::fs::write(dir.path().join("a.vi.txt"), vi).unwrap();
    let output = songngu("en-US")
        .current_dir(dir.path())
        .args(["--no-config", "check", "a.en.txt", "--vi", "a.vi.txt"])
        .args(["--format", "json", "--fail-on", "info"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let findings = stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            (
                v["kind"].as_str().unwrap_or_default().to_string(),
                v["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    (output.status.code().expect("exit code"), findings)
}

/// Exactly one finding, of `kind`, whose message holds every one of `words`.
fn caught(en: &str, vi: &str, kind: &str, words: &[&str]) {
    let (code, findings) = check(en, vi);
    assert_eq!(findings.len(), 1, "{en} / {vi}: {findings:#?}");
    assert_eq!(findings[0].0, kind, "{findings:#?}");
    for w in words {
        assert!(findings[0].1.contains(w), "{w:?} not in {findings:#?}");
    }
    assert_eq!(code, 1);
}

fn quiet(en: &str, vi: &str) {
    let (code, findings) = check(en, vi);
    assert!(findings.is_empty(), "{en} / {vi}: {findings:#?}");
    assert_eq!(code, 0);
}

#[test]
fn country_translated_as_another_country() {
    caught(
        "Exports to Japan rose sharply.\n",
        "Xuất khẩu sang Hàn Quốc tăng mạnh.\n",
        "name",
        &["Japan", "Nhật Bản", "Hàn Quốc"],
    );
    quiet(
        "Exports to Japan rose sharply.\n",
        "Xuất khẩu sang Nhật Bản tăng mạnh.\n",
    );
}

#[test]
fn organisation_translated_as_another_organisation() {
    caught(
        "The loan comes from the International Monetary Fund.\n",
        "Khoản vay đến từ Ngân hàng Thế giới.\n",
        "name",
        &[
            "International Monetary Fund",
            "Quỹ Tiền tệ Quốc tế",
            "Ngân hàng Thế giới",
        ],
    );
    quiet(
        "The loan comes from the International Monetary Fund.\n",
        "Khoản vay đến từ Quỹ Tiền tệ Quốc tế.\n",
    );
}

#[test]
fn wrong_acronym_after_a_correct_name() {
    caught(
        "The United States Agency for International Development (USAID) funds the project.\n",
        "Cơ quan Phát triển Quốc tế Hoa Kỳ (UNDP) tài trợ dự án.\n",
        "name",
        &["UNDP", "United Nations Development Programme"],
    );
    quiet(
        "The United States Agency for International Development (USAID) funds the project.\n",
        "Cơ quan Phát triển Quốc tế Hoa Kỳ (USAID) tài trợ dự án.\n",
    );
}

#[test]
fn acronym_only_in_the_vietnamese() {
    caught(
        "The agency will help farmers in the delta.\n",
        "Cơ quan này cùng WFP sẽ giúp nông dân ở đồng bằng.\n",
        "name",
        &["WFP"],
    );
}

#[test]
fn weekday_translated_as_another_day() {
    caught(
        "The flood hit the province on Monday.\n",
        "Lũ đổ về tỉnh hôm thứ Ba.\n",
        "date",
        &["Monday", "thứ Ba"],
    );
    quiet(
        "The flood hit the province on Monday.\n",
        "Lũ đổ về tỉnh hôm thứ Hai.\n",
    );
}

#[test]
fn months_in_words_and_noon_are_faithful() {
    quiet(
        "The dam opened in March.\n",
        "Con đập mở cửa vào tháng Ba.\n",
    );
    quiet(
        "The festival ends in October.\n",
        "Lễ hội kết thúc vào tháng Mười.\n",
    );
    quiet(
        "The talks start at noon.\n",
        "Cuộc đàm phán bắt đầu lúc 12h00.\n",
    );
}

#[test]
fn number_in_words_translated_as_another_number() {
    caught(
        "Twelve people were hurt.\n",
        "Mười người bị thương.\n",
        "number",
        &["Twelve", "Mười"],
    );
    quiet("Floods reached twenty villages.\n", "Lũ tràn vào 20 xã.\n");
}

#[test]
fn lost_final_full_stop() {
    caught(
        "The plan was approved by the council.\n",
        "Kế hoạch đã được hội đồng phê duyệt\n",
        "punctuation",
        &["full stop"],
    );
}

#[test]
fn lost_closing_parenthesis_in_a_one_to_two_link() {
    // The Vietnamese splits the sentence in two and leaves the parenthesis open.
    caught(
        "The fund (set up in 2020 by the province) will grow next year, officials said on the phone.\n",
        "Quỹ (do tỉnh thành lập năm 2020 sẽ tăng trong năm tới. Các quan chức cho biết qua điện thoại.\n",
        "punctuation",
        &["( )"],
    );
}

#[test]
fn partly_untranslated_unit() {
    caught(
        "The conference opened in Hanoi with many delegates from the region.\n",
        "The conference khai mạc in Hanoi with many delegates from khu vực.\n",
        "same_as_source",
        &["%"],
    );
}
