//! The `url` check: the URLs and e-mail addresses written in the text (not link targets,
//! which the `tag` check compares) must be the same on both sides.

use super::markup::unmatched;
use super::{Side, Sink};
use crate::drift::report::{Explanation, Kind};

/// The comparison key of a URL or e-mail address: scheme and host in lower case (an
/// e-mail address wholly), the path as written, without a trailing `/`.
pub(super) fn url_key(raw: &str) -> String {
    let raw = raw.trim_end_matches('/');
    if !raw.contains("://") && raw.contains('@') {
        return raw.to_lowercase();
    }
    let host_start = raw.find("://").map_or(0, |i| i + 3);
    let host_end = raw[host_start..]
        .find(['/', '?', '#'])
        .map_or(raw.len(), |i| host_start + i);
    let mut key = raw[..host_end].to_lowercase();
    key.push_str(&raw[host_end..]);
    key
}

pub(super) fn check(en: &Side, vi: &Side, sink: &mut Sink) {
    let list = |s: &Side| -> Vec<String> { s.urls().iter().map(|u| u.raw.clone()).collect() };
    let (e, v) = (list(en), list(vi));
    let missing = unmatched(&e, &v, url_key);
    let extra = unmatched(&v, &e, url_key);
    if let ([m], [x]) = (&missing[..], &extra[..]) {
        sink.push(
            Kind::Url,
            Explanation::new("check-url-differs")
                .arg("en", *m)
                .arg("vi", *x),
        );
        return;
    }
    for m in missing {
        sink.push(
            Kind::Url,
            Explanation::new("check-url-missing").arg("url", m),
        );
    }
    for x in extra {
        sink.push(Kind::Url, Explanation::new("check-url-extra").arg("url", x));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::checks::tests::{ids, run};

    #[test]
    fn keys() {
        assert_eq!(
            url_key("HTTPS://Mic.GOV.vn/News/A/"),
            "https://mic.gov.vn/News/A"
        );
        assert_eq!(url_key("www.Mic.gov.vn"), "www.mic.gov.vn");
        assert_eq!(url_key("Info@MIC.gov.vn"), "info@mic.gov.vn");
    }

    #[test]
    fn same_urls_pass() {
        for (en, vi) in [
            (
                "Documents are at https://forum.mic.gov.vn/2023/dex.",
                "Tài liệu được đăng tại (HTTPS://Forum.mic.gov.vn/2023/dex/).",
            ),
            (
                "Write to sme@mic.gov.vn today.",
                "Gửi thư tới “SME@mic.gov.vn”.",
            ),
            ("No address here.", "Không có địa chỉ."),
        ] {
            assert!(ids(&run(en, vi), Kind::Url).is_empty(), "{en} / {vi}");
        }
    }

    #[test]
    fn changed_missing_and_extra_urls() {
        let f = run(
            "See https://mic.gov.vn/News/1.",
            "Xem https://mic.gov.vn/news/1.",
        );
        assert_eq!(ids(&f, Kind::Url), ["check-url-differs"]);
        let f = run(
            "Write to a@b.vn or see https://x.vn.",
            "Gửi thư tới a@b.vn.",
        );
        assert_eq!(ids(&f, Kind::Url), ["check-url-missing"]);
        assert_eq!(f[0].explanation.args, [("url", "https://x.vn".to_string())]);
        let f = run("Read more.", "Đọc thêm tại www.x.vn và y@z.vn.");
        assert_eq!(ids(&f, Kind::Url), ["check-url-extra", "check-url-extra"]);
    }
}
