//! TMX rules checked on well-formed input, reported as warnings: the data is kept as
//! written (see the reliability notes, §1.3 and §1.4, for where each rule comes from).

use unic_langid::LanguageIdentifier;

use super::date::is_tmx_date;
use super::error::{ProblemValues, value};
use super::model::{Attr, Header, Inline, InlineKind, Meta, Tu, attr_value};
use crate::text::lang::{best_lang_match, parse_lang};

/// What a finding refers to, for its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Tu,
    /// The index of a `<tuv>` in the TU.
    Tuv(usize),
    /// The `<seg>` of the `<tuv>` at this index.
    Seg(usize),
}

#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub target: Target,
    pub code: &'static str,
    pub values: ProblemValues,
    pub message: String,
}

/// The header attributes the TMX DTD requires.
pub(crate) const REQUIRED_HEADER_ATTRS: [&str; 7] = [
    "creationtool",
    "creationtoolversion",
    "segtype",
    "o-tmf",
    "adminlang",
    "srclang",
    "datatype",
];

const DATE_ATTRS: [&str; 3] = ["creationdate", "changedate", "lastusagedate"];

/// Language tags compared loosely: ASCII case-insensitive, `_` as `-` (BCP 47 tags are
/// case-insensitive; POSIX-style `en_US` is common in the wild).
pub(crate) fn same_tag(a: &str, b: &str) -> bool {
    let norm = |c: u8| {
        if c == b'_' {
            b'-'
        } else {
            c.to_ascii_lowercase()
        }
    };
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| norm(x) == norm(y))
}

/// Reusable state of the checks (buffers, a cache of language tags already parsed).
#[derive(Debug, Default)]
pub(crate) struct Checker {
    /// Tags as written → parsed (`None`: not a language tag).
    langs: Vec<(String, Option<LanguageIdentifier>)>,
    bpt: Vec<u64>,
    ept: Vec<u64>,
    xs: Vec<(&'static str, u64)>,
}

impl Checker {
    /// The tag `raw` parsed, from the cache when it was seen before.
    fn lang(&mut self, raw: &str) -> Option<LanguageIdentifier> {
        if let Some((_, lang)) = self.langs.iter().find(|(tag, _)| tag == raw) {
            return lang.clone();
        }
        let lang = parse_lang(raw);
        // A handful of languages per file: a short list beats a map.
        if self.langs.len() < 64 {
            self.langs.push((raw.to_owned(), lang.clone()));
        }
        lang
    }

    fn lang_ok(&mut self, raw: &str) -> bool {
        self.lang(raw).is_some()
    }

    /// Whether the TU has a variant in `srclang`, matched as lookups match it
    /// ([`best_lang_match`]: `en` finds `en-US`); a tag that does not parse is compared as
    /// written.
    fn has_source(&mut self, tu: &Tu, srclang: &str) -> bool {
        match self.lang(srclang) {
            Some(wanted) => {
                let langs: Vec<Option<LanguageIdentifier>> = tu
                    .tuvs
                    .iter()
                    .map(|tuv| tuv.lang_raw().and_then(|raw| self.lang(raw)))
                    .collect();
                best_lang_match(langs, &wanted).is_some()
            }
            None => tu
                .tuvs
                .iter()
                .any(|tuv| tuv.lang_raw().is_some_and(|raw| same_tag(raw, srclang))),
        }
    }

    fn common_attrs(&mut self, attrs: &[Attr], target: Target, out: &mut Vec<Finding>) {
        for attr in attrs {
            if DATE_ATTRS.contains(&attr.name.as_str()) && !is_tmx_date(&attr.value) {
                out.push(Finding {
                    target,
                    code: "bad-date",
                    values: vec![value("attribute", &attr.name), value("value", &attr.value)],
                    message: format!(
                        "`{}=\"{}\"` is not a TMX date (`YYYYMMDDThhmmssZ`); kept as written",
                        attr.name, attr.value
                    ),
                });
            }
            if attr.name == "usagecount" && attr.value.parse::<u64>().is_err() {
                out.push(Finding {
                    target,
                    code: "bad-usagecount",
                    values: vec![value("value", &attr.value)],
                    message: format!("`usagecount=\"{}\"` is not a number", attr.value),
                });
            }
        }
    }

    fn meta(&mut self, meta: &[Meta], target: Target, out: &mut Vec<Finding>) {
        for item in meta {
            if let Meta::Prop(prop) = item
                && prop.kind().is_none()
            {
                out.push(Finding {
                    target,
                    code: "prop-without-type",
                    values: Vec::new(),
                    message: "`<prop>` without `type`; kept with its attributes".to_owned(),
                });
            }
        }
    }

    /// Checks a header; `out` gets findings with target [`Target::Tu`] (meaning: the
    /// header).
    pub(crate) fn check_header(&mut self, header: &Header, out: &mut Vec<Finding>) {
        let missing: Vec<&str> = REQUIRED_HEADER_ATTRS
            .iter()
            .copied()
            .filter(|name| header.attr(name).is_none())
            .collect();
        if !missing.is_empty() {
            let list: Vec<String> = missing.iter().map(|name| format!("`{name}`")).collect();
            out.push(Finding {
                target: Target::Tu,
                code: "missing-header-attr",
                values: vec![value("attributes", list.join(", "))],
                message: format!("`<header>` lacks required {}", list.join(", ")),
            });
        }
        if let Some(segtype) = header.attr("segtype")
            && !matches!(segtype, "block" | "paragraph" | "sentence" | "phrase")
        {
            out.push(Finding {
                target: Target::Tu,
                code: "bad-segtype",
                values: vec![value("value", segtype)],
                message: format!(
                    "`segtype=\"{segtype}\"` is not block, paragraph, sentence or phrase"
                ),
            });
        }
        for name in ["srclang", "adminlang"] {
            if let Some(value) = header.attr(name)
                && !(name == "srclang" && value == "*all*")
                && !self.lang_ok(value)
            {
                out.push(Finding {
                    target: Target::Tu,
                    code: "bad-lang",
                    values: vec![
                        super::error::value("attribute", name),
                        super::error::value("value", value),
                    ],
                    message: format!("`{name}=\"{value}\"` is not a language tag"),
                });
            }
        }
        self.common_attrs(&header.attrs, Target::Tu, out);
        self.meta(&header.meta, Target::Tu, out);
    }

    /// Checks a TU read from a file with header source language `header_srclang`.
    pub(crate) fn check_tu(
        &mut self,
        tu: &Tu,
        header_srclang: Option<&str>,
        out: &mut Vec<Finding>,
    ) {
        self.common_attrs(&tu.attrs, Target::Tu, out);
        self.meta(&tu.meta, Target::Tu, out);
        for (index, tuv) in tu.tuvs.iter().enumerate() {
            let target = Target::Tuv(index);
            if let (Some(xml_lang), Some(lang)) = (tuv.attr("xml:lang"), tuv.attr("lang"))
                && !same_tag(xml_lang, lang)
            {
                out.push(Finding {
                    target,
                    code: "conflicting-lang",
                    values: vec![value("xml_lang", xml_lang), value("lang", lang)],
                    message: format!(
                        "`xml:lang=\"{xml_lang}\"` and `lang=\"{lang}\"` differ; `xml:lang` is used"
                    ),
                });
            }
            if let Some(raw) = tuv.lang_raw()
                && !self.lang_ok(raw)
            {
                out.push(Finding {
                    target,
                    code: "bad-lang",
                    values: vec![value("value", raw)],
                    message: format!("`{raw}` is not a language tag"),
                });
            }
            self.common_attrs(&tuv.attrs, target, out);
            self.meta(&tuv.meta, target, out);
            self.inline(&tuv.seg.0, Target::Seg(index), out);
        }
        let srclang = tu.attr("srclang").or(header_srclang);
        if let Some(srclang) = srclang
            && srclang != "*all*"
            && !self.has_source(tu, srclang)
        {
            out.push(Finding {
                target: Target::Tu,
                code: "missing-source-tuv",
                values: vec![value("srclang", srclang)],
                message: format!("no `<tuv>` in the source language `{srclang}`"),
            });
        }
    }

    /// Level-2 rules on a segment: `bpt`/`ept` pairing by `i`, numeric and unique `x`,
    /// `it` with `pos`, `sub` only inside native code.
    fn inline(&mut self, content: &[Inline], target: Target, out: &mut Vec<Finding>) {
        self.bpt.clear();
        self.ept.clear();
        self.xs.clear();
        let mut warn = |code: &'static str, values: ProblemValues, message: String| {
            out.push(Finding {
                target,
                code,
                values,
                message,
            })
        };
        // (items, kind of the element holding them; `None` for the segment itself).
        let mut stack: Vec<(std::slice::Iter<'_, Inline>, Option<&InlineKind>)> =
            vec![(content.iter(), None)];
        while let Some((items, parent)) = stack.last_mut() {
            let parent = *parent;
            let Some(item) = items.next() else {
                stack.pop();
                continue;
            };
            let Inline::Element(element) = item else {
                continue;
            };
            let kind = &element.kind;
            let name = kind.name();
            let number =
                |attr: &str| attr_value(&element.attrs, attr).map(|v| v.trim().parse::<u64>());
            match kind {
                InlineKind::Sub if !parent.is_some_and(InlineKind::is_code) => warn(
                    "misplaced-sub",
                    vec![],
                    "`<sub>` outside native code (`bpt`, `ept`, `it`, `ph`, `ut`)".to_owned(),
                ),
                _ if kind.is_code() && parent.is_some_and(InlineKind::is_code) => warn(
                    "misplaced-inline",
                    vec![value("element", name)],
                    format!("`<{name}>` directly inside native code"),
                ),
                _ => {}
            }
            match kind {
                InlineKind::Bpt | InlineKind::Ept => match number("i") {
                    Some(Ok(i)) => {
                        let (own, seen_bpt) = if *kind == InlineKind::Bpt {
                            (&mut self.bpt, true)
                        } else {
                            (&mut self.ept, self.bpt.contains(&i))
                        };
                        if own.contains(&i) {
                            warn(
                                "duplicate-i",
                                vec![value("element", name), value("i", i)],
                                format!("two `<{name}>` with `i=\"{i}\"`"),
                            );
                        } else {
                            own.push(i);
                        }
                        if !seen_bpt {
                            warn(
                                "ept-without-bpt",
                                vec![value("i", i)],
                                format!("`<ept i=\"{i}\">` without a `<bpt>` before it"),
                            );
                        }
                    }
                    _ => warn(
                        "bad-i",
                        vec![value("element", name)],
                        format!("`<{name}>` without a numeric `i`"),
                    ),
                },
                InlineKind::It if !matches!(element.attr("pos"), Some("begin" | "end")) => {
                    warn(
                        "it-without-pos",
                        vec![],
                        "`<it>` without `pos=\"begin\"` or `pos=\"end\"`".to_owned(),
                    );
                }
                _ => {}
            }
            if matches!(
                kind,
                InlineKind::Bpt | InlineKind::It | InlineKind::Ph | InlineKind::Hi
            ) {
                match number("x") {
                    Some(Ok(x)) => {
                        let key = (kind_key(kind), x);
                        if self.xs.contains(&key) {
                            warn(
                                "duplicate-x",
                                vec![value("element", name), value("x", x)],
                                format!("two `<{name}>` with `x=\"{x}\"`"),
                            );
                        } else {
                            self.xs.push(key);
                        }
                    }
                    Some(Err(_)) => warn(
                        "bad-x",
                        vec![value("element", name)],
                        format!("`<{name}>` with a non-numeric `x`"),
                    ),
                    None => {}
                }
            }
            if !element.content.is_empty() {
                stack.push((element.content.iter(), Some(kind)));
            }
        }
        for i in &self.bpt {
            if !self.ept.contains(i) {
                out.push(Finding {
                    target,
                    code: "unbalanced-bpt",
                    values: vec![value("i", i)],
                    message: format!("`<bpt i=\"{i}\">` without its `<ept>`"),
                });
            }
        }
    }
}

fn kind_key(kind: &InlineKind) -> &'static str {
    match kind {
        InlineKind::Bpt => "bpt",
        InlineKind::It => "it",
        InlineKind::Ph => "ph",
        _ => "hi",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        assert!(same_tag("en_US", "EN-us"));
        assert!(!same_tag("en", "en-US"));
    }
}
