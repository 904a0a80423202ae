//! Localized messages: the Fluent files under `locales/`, embedded in the binary.
//!
//! Every message a person reads (help, summaries, warnings, errors) lives in
//! `locales/en-US/songngu.ftl` and `locales/vi/songngu.ftl`. A [`Localizer`] formats
//! them for one UI locale, chosen by [`select_locale`] from the command line and the
//! environment. Only the chosen locale's file is parsed, and only when the first message
//! is asked for; the en-US file is parsed as well only if a message is missing from it.
//!
//! Numbers passed as Fluent arguments are written with the locale's separators
//! (`1,234.5` in English, `1.234,5` in Vietnamese) while plural selection still sees
//! the number itself.

use std::cell::OnceCell;

use fluent_bundle::types::{FluentNumber, FluentNumberStyle};
use fluent_bundle::{FluentBundle, FluentResource};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::{LanguageIdentifier, langid};

pub use fluent_bundle::{FluentArgs, FluentValue};

/// The Fluent source of the US English messages.
pub const EN_US_FTL: &str = include_str!("../locales/en-US/songngu.ftl");
/// The Fluent source of the Vietnamese messages.
pub const VI_FTL: &str = include_str!("../locales/vi/songngu.ftl");
/// The review page's messages (`songngu serve`), in US English: a catalogue of their own,
/// all ids under `serve-`, loaded into the same bundle.
pub const SERVE_EN_US_FTL: &str = include_str!("../locales/en-US/serve.ftl");
/// The review page's messages in Vietnamese.
pub const SERVE_VI_FTL: &str = include_str!("../locales/vi/serve.ftl");

/// A language the user interface is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiLocale {
    /// US English, also the fallback for anything else.
    EnUs,
    /// Vietnamese.
    Vi,
}

impl UiLocale {
    /// Every UI locale, the fallback first.
    pub const ALL: [UiLocale; 2] = [UiLocale::EnUs, UiLocale::Vi];

    /// The BCP 47 tag (`en-US`, `vi`), which is also the folder name under `locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            UiLocale::EnUs => "en-US",
            UiLocale::Vi => "vi",
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            UiLocale::EnUs => langid!("en-US"),
            UiLocale::Vi => langid!("vi"),
        }
    }

    /// The locale's catalogues: the command line's, then the review page's.
    fn sources(self) -> [&'static str; 2] {
        match self {
            UiLocale::EnUs => [EN_US_FTL, SERVE_EN_US_FTL],
            UiLocale::Vi => [VI_FTL, SERVE_VI_FTL],
        }
    }

    /// Group and decimal separators (CLDR `latn` symbols for the language).
    fn separators(self) -> (char, char) {
        match self {
            UiLocale::EnUs => (',', '.'),
            UiLocale::Vi => ('.', ','),
        }
    }
}

/// The environment variables consulted, highest priority first, after `--lang`.
pub const LOCALE_ENV_VARS: [&str; 4] = ["SONGNGU_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];

/// Picks the UI locale: `cli_lang` (the top-level `--lang`) if given, else the first of
/// [`LOCALE_ENV_VARS`] that is set to something other than empty, `C` or `POSIX`.
///
/// The first source found decides: a language we have no translation for gives en-US
/// rather than falling through to a lower-priority variable, so the result can always be
/// explained by the one setting that wins.
pub fn select_locale<F>(cli_lang: Option<&str>, env: F) -> UiLocale
where
    F: Fn(&str) -> Option<String>,
{
    if let Some(tag) = cli_lang.and_then(normalize_posix_locale) {
        return negotiate(&tag);
    }
    for name in LOCALE_ENV_VARS {
        if let Some(tag) = env(name).as_deref().and_then(normalize_posix_locale) {
            return negotiate(&tag);
        }
    }
    UiLocale::EnUs
}

/// Turns a POSIX locale name (`vi_VN.UTF-8@euro`) into a BCP 47-ish tag (`vi-VN`).
/// Returns `None` for values that name no language: empty, `C`, `POSIX` (also `C.UTF-8`).
pub fn normalize_posix_locale(value: &str) -> Option<String> {
    let value = value.trim();
    // `language_TERRITORY.codeset@modifier`: the codeset and modifier say nothing about
    // the language, and `unic-langid` would reject them.
    let end = value.find(['.', '@']).unwrap_or(value.len());
    let base = &value[..end];
    if base.is_empty() || base == "C" || base == "POSIX" {
        return None;
    }
    Some(base.replace('_', "-"))
}

/// Negotiates a requested language tag against the available UI locales (Filtering),
/// falling back to en-US for anything unknown or unparsable.
pub fn negotiate(tag: &str) -> UiLocale {
    let Ok(requested) = tag.parse::<LanguageIdentifier>() else {
        return UiLocale::EnUs;
    };
    let available: Vec<LanguageIdentifier> = UiLocale::ALL.iter().map(|l| l.langid()).collect();
    let default = UiLocale::EnUs.langid();
    let supported = negotiate_languages(
        &[requested],
        &available,
        Some(&default),
        NegotiationStrategy::Filtering,
    );
    supported
        .first()
        .and_then(|chosen| UiLocale::ALL.into_iter().find(|l| l.langid() == **chosen))
        .unwrap_or(UiLocale::EnUs)
}

type Bundle = FluentBundle<FluentResource>;

/// Formats the messages of one UI locale.
pub struct Localizer {
    locale: UiLocale,
    bundle: OnceCell<Bundle>,
    /// en-US, for a message the chosen locale lacks; built only when that happens.
    fallback: OnceCell<Bundle>,
}

impl Localizer {
    /// A localizer for `locale`. Nothing is parsed until the first message is formatted.
    pub fn new(locale: UiLocale) -> Localizer {
        Localizer {
            locale,
            bundle: OnceCell::new(),
            fallback: OnceCell::new(),
        }
    }

    pub fn locale(&self) -> UiLocale {
        self.locale
    }

    /// The message `id` without arguments.
    pub fn text(&self, id: &str) -> String {
        self.format(id, None, None)
    }

    /// The message `id` with named arguments.
    pub fn text_with(&self, id: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(id, None, Some(&fluent_args))
    }

    /// The attribute `attr` of message `id` (e.g. a help text's `.value-name`), if defined.
    pub fn attribute(&self, id: &str, attr: &str) -> Option<String> {
        self.find(id, Some(attr))
            .map(|(bundle, pattern)| format_pattern(bundle, pattern, None))
    }

    /// Whether the message `id` exists in this locale or in the en-US fallback.
    pub fn has_message(&self, id: &str) -> bool {
        self.find(id, None).is_some()
    }

    /// Formats message `id` (or its attribute). A message missing from both locales comes
    /// out as its id: visible and searchable, and never a panic in front of a user.
    pub fn format(&self, id: &str, attr: Option<&str>, args: Option<&FluentArgs>) -> String {
        match self.find(id, attr) {
            Some((bundle, pattern)) => format_pattern(bundle, pattern, args),
            None => match attr {
                Some(attr) => format!("{id}.{attr}"),
                None => id.to_owned(),
            },
        }
    }

    /// Formats a number the way messages of this locale show it.
    pub fn number(&self, value: f64) -> String {
        let number = FluentNumber::from(value);
        format_number(&number, self.locale).unwrap_or_else(|| value.to_string())
    }

    fn find<'a>(
        &'a self,
        id: &str,
        attr: Option<&str>,
    ) -> Option<(&'a Bundle, &'a fluent_syntax::ast::Pattern<&'a str>)> {
        let lookup = |bundle: &'a Bundle| {
            let message = bundle.get_message(id)?;
            let pattern = match attr {
                Some(attr) => Some(message.get_attribute(attr)?.value()),
                None => message.value(),
            }?;
            Some((bundle, pattern))
        };
        let primary = self.bundle.get_or_init(|| build_bundle(self.locale));
        lookup(primary).or_else(|| {
            if self.locale == UiLocale::EnUs {
                return None;
            }
            lookup(self.fallback.get_or_init(|| build_bundle(UiLocale::EnUs)))
        })
    }
}

fn format_pattern(
    bundle: &Bundle,
    pattern: &fluent_syntax::ast::Pattern<&str>,
    args: Option<&FluentArgs>,
) -> String {
    // Resolution errors (a missing argument) still give readable text with the
    // placeholder named; the unit tests make sure every message resolves cleanly.
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, args, &mut errors)
        .into_owned()
}

fn build_bundle(locale: UiLocale) -> Bundle {
    let mut bundle = FluentBundle::new(vec![locale.langid()]);
    // Isolation marks (U+2068/U+2069) around arguments show up as garbage in terminals
    // and in anything that greps our output; we only ever mix LTR scripts.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match locale {
        UiLocale::EnUs => format_value_en_us,
        UiLocale::Vi => format_value_vi,
    }));
    for source in locale.sources() {
        // A syntax error keeps the entries that did parse; the tests guarantee there are none.
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(resource) => resource,
            Err((resource, _errors)) => resource,
        };
        // Duplicate ids are caught by the tests; the first definition wins here.
        let _ = bundle.add_resource(resource);
    }
    bundle
}

// `set_formatter` takes a plain `fn` pointer (no closure), so each locale gets its own.
// Generic over the memoizer so we need not name `intl-memoizer`, which is not our dependency.
fn format_value_en_us<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(number) => format_number(number, UiLocale::EnUs),
        _ => None,
    }
}

fn format_value_vi<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        FluentValue::Number(number) => format_number(number, UiLocale::Vi),
        _ => None,
    }
}

/// Writes a decimal number with the locale's group and decimal separators, honouring
/// the Fluent number options we use (fraction digits, integer digits, grouping).
/// `None` (Fluent's default output) for percent and currency styles and non-finite values.
pub fn format_number(number: &FluentNumber, locale: UiLocale) -> Option<String> {
    let options = &number.options;
    if options.style != FluentNumberStyle::Decimal || !number.value.is_finite() {
        return None;
    }
    let magnitude = number.value.abs();
    let digits = match options.maximum_fraction_digits {
        Some(max) => {
            let min = options.minimum_fraction_digits.unwrap_or(0).min(max);
            trim_fraction(&format!("{magnitude:.max$}"), min).to_owned()
        }
        // Rust prints the shortest representation that round-trips, never an exponent.
        None => magnitude.to_string(),
    };
    let (mut int_part, mut frac_part) = match digits.split_once('.') {
        Some((int_part, frac_part)) => (int_part.to_owned(), frac_part.to_owned()),
        None => (digits, String::new()),
    };
    if let Some(min) = options.minimum_fraction_digits {
        while frac_part.len() < min {
            frac_part.push('0');
        }
    }
    if let Some(min) = options.minimum_integer_digits {
        while int_part.len() < min {
            int_part.insert(0, '0');
        }
    }
    let (group, decimal) = locale.separators();
    let mut out = String::with_capacity(int_part.len() + frac_part.len() + 8);
    let is_zero = int_part.bytes().all(|b| b == b'0') && frac_part.bytes().all(|b| b == b'0');
    if number.value.is_sign_negative() && !is_zero {
        out.push('-');
    }
    for (i, digit) in int_part.chars().enumerate() {
        let remaining = int_part.len() - i;
        if options.use_grouping && i > 0 && remaining % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    if !frac_part.is_empty() {
        out.push(decimal);
        out.push_str(&frac_part);
    }
    Some(out)
}

/// Drops trailing fraction zeros of a `123.4500`-style string down to `min` digits.
fn trim_fraction(fixed: &str, min: usize) -> &str {
    let Some(dot) = fixed.find('.') else {
        return fixed;
    };
    let mut end = fixed.len();
    while end > dot + 1 + min && fixed.as_bytes()[end - 1] == b'0' {
        end -= 1;
    }
    if end == dot + 1 {
        end = dot;
    }
    &fixed[..end]
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_bundle::types::FluentNumberOptions;
    use fluent_syntax::ast;
    use unicode_normalization::UnicodeNormalization;

    use super::*;

    /// The interface's own terms (`locales/vi/terms.tsv`): the wordings it rules out
    /// never come back into the Vietnamese catalogue, and each term it picks is used.
    #[test]
    fn the_vietnamese_catalogue_keeps_to_its_terms() {
        let terms = include_str!("../locales/vi/terms.tsv");
        // Comments are the catalogue's own notes to translators, not text users read.
        let catalogue: String = [VI_FTL, SERVE_VI_FTL]
            .concat()
            .lines()
            .filter(|line| !line.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n");
        for line in terms
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let fields: Vec<&str> = line.split('\t').collect();
            assert!(fields.len() >= 2, "terms.tsv: {line:?}");
            let chosen = fields[1].split(',').map(str::trim);
            assert!(
                chosen.clone().any(|term| catalogue.contains(term)),
                "{line:?}: the chosen term is never used"
            );
            let avoided = fields.get(2).map_or("", |f| f.trim());
            for avoid in avoided.split(',').map(str::trim).filter(|a| !a.is_empty()) {
                assert!(
                    !catalogue.contains(avoid),
                    "{avoid:?} is back in locales/vi"
                );
            }
        }
    }

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: BTreeMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn posix_locale_names_are_normalized() {
        assert_eq!(
            normalize_posix_locale("vi_VN.UTF-8").as_deref(),
            Some("vi-VN")
        );
        assert_eq!(
            normalize_posix_locale("vi_VN@tet").as_deref(),
            Some("vi-VN")
        );
        assert_eq!(normalize_posix_locale("en").as_deref(), Some("en"));
        assert_eq!(normalize_posix_locale(""), None);
        assert_eq!(normalize_posix_locale("C"), None);
        assert_eq!(normalize_posix_locale("C.UTF-8"), None);
        assert_eq!(normalize_posix_locale("POSIX"), None);
    }

    #[test]
    fn negotiation_matches_regions_and_falls_back() {
        assert_eq!(negotiate("vi"), UiLocale::Vi);
        assert_eq!(negotiate("vi-VN"), UiLocale::Vi);
        assert_eq!(negotiate("en"), UiLocale::EnUs);
        assert_eq!(negotiate("en-GB"), UiLocale::EnUs);
        assert_eq!(negotiate("fr-FR"), UiLocale::EnUs);
        assert_eq!(negotiate("not a tag!"), UiLocale::EnUs);
    }

    #[test]
    fn locale_precedence() {
        let all = env_of(&[
            ("SONGNGU_LANG", "vi"),
            ("LC_ALL", "en_US.UTF-8"),
            ("LC_MESSAGES", "vi_VN.UTF-8"),
            ("LANG", "en_US.UTF-8"),
        ]);
        assert_eq!(select_locale(Some("en"), &all), UiLocale::EnUs);
        assert_eq!(select_locale(None, &all), UiLocale::Vi);
        let lc_all = env_of(&[("LC_ALL", "vi_VN.UTF-8"), ("LANG", "en_US.UTF-8")]);
        assert_eq!(select_locale(None, &lc_all), UiLocale::Vi);
        let lc_messages = env_of(&[("LC_MESSAGES", "en_US"), ("LANG", "vi_VN.UTF-8")]);
        assert_eq!(select_locale(None, &lc_messages), UiLocale::EnUs);
        let lang = env_of(&[("LANG", "vi_VN.UTF-8")]);
        assert_eq!(select_locale(None, &lang), UiLocale::Vi);
        // `C` says nothing about the language, so the next variable decides.
        let c = env_of(&[("LC_ALL", "C"), ("LANG", "vi_VN.UTF-8")]);
        assert_eq!(select_locale(None, &c), UiLocale::Vi);
        assert_eq!(select_locale(None, env_of(&[])), UiLocale::EnUs);
        let unknown = env_of(&[("SONGNGU_LANG", "de"), ("LANG", "vi_VN.UTF-8")]);
        assert_eq!(select_locale(None, &unknown), UiLocale::EnUs);
    }

    fn number(value: f64) -> FluentNumber {
        FluentNumber::from(value)
    }

    #[test]
    fn numbers_use_locale_separators() {
        let en = |n: &FluentNumber| format_number(n, UiLocale::EnUs).unwrap();
        let vi = |n: &FluentNumber| format_number(n, UiLocale::Vi).unwrap();
        assert_eq!(en(&number(1234.5)), "1,234.5");
        assert_eq!(vi(&number(1234.5)), "1.234,5");
        assert_eq!(en(&number(0.0)), "0");
        assert_eq!(en(&number(999.0)), "999");
        assert_eq!(en(&number(1000.0)), "1,000");
        assert_eq!(vi(&number(1234567.0)), "1.234.567");
        assert_eq!(en(&number(-1234567.25)), "-1,234,567.25");
        assert_eq!(vi(&number(-0.0)), "0");
        assert_eq!(vi(&number(0.5)), "0,5");
    }

    #[test]
    fn number_options_are_honoured() {
        let with = |value: f64, options: FluentNumberOptions| FluentNumber::new(value, options);
        let fixed = FluentNumberOptions {
            minimum_fraction_digits: Some(2),
            maximum_fraction_digits: Some(2),
            ..Default::default()
        };
        assert_eq!(
            format_number(&with(1234.5, fixed.clone()), UiLocale::Vi).unwrap(),
            "1.234,50"
        );
        assert_eq!(
            format_number(&with(2.0 / 3.0, fixed), UiLocale::EnUs).unwrap(),
            "0.67"
        );
        let at_most_one = FluentNumberOptions {
            maximum_fraction_digits: Some(1),
            ..Default::default()
        };
        assert_eq!(
            format_number(&with(12.04, at_most_one), UiLocale::EnUs).unwrap(),
            "12"
        );
        let no_grouping = FluentNumberOptions {
            use_grouping: false,
            ..Default::default()
        };
        assert_eq!(
            format_number(&with(12345.0, no_grouping), UiLocale::EnUs).unwrap(),
            "12345"
        );
        let padded = FluentNumberOptions {
            minimum_integer_digits: Some(3),
            ..Default::default()
        };
        assert_eq!(
            format_number(&with(7.0, padded), UiLocale::EnUs).unwrap(),
            "007"
        );
        assert_eq!(format_number(&number(f64::NAN), UiLocale::EnUs), None);
    }

    #[test]
    fn messages_format_numbers_and_plurals() {
        let en = Localizer::new(UiLocale::EnUs);
        let vi = Localizer::new(UiLocale::Vi);
        let summary = |l: &Localizer, units: usize, paragraphs: usize| {
            l.text_with(
                "segment-summary",
                &[("units", units.into()), ("paragraphs", paragraphs.into())],
            )
        };
        assert_eq!(summary(&en, 1, 1), "1 unit in 1 paragraph");
        assert_eq!(summary(&en, 14, 11), "14 units in 11 paragraphs");
        assert_eq!(summary(&en, 1234, 2), "1,234 units in 2 paragraphs");
        assert_eq!(summary(&vi, 1, 1), "1 câu trong 1 đoạn");
        assert_eq!(summary(&vi, 1234, 2), "1.234 câu trong 2 đoạn");
        assert_eq!(vi.number(1234.5), "1.234,5");
        assert_eq!(en.number(1234.5), "1,234.5");
    }

    #[test]
    fn missing_messages_fall_back_to_their_id() {
        let vi = Localizer::new(UiLocale::Vi);
        assert_eq!(vi.text("no-such-message"), "no-such-message");
        assert!(!vi.has_message("no-such-message"));
        assert!(vi.has_message("cli-about"));
    }

    /// One message's shape: its attributes and, per pattern (value or attribute), the
    /// variables it uses.
    type Shape = BTreeMap<String, BTreeSet<String>>;

    fn parse_shapes(source: &str, name: &str) -> BTreeMap<String, Shape> {
        let resource = match fluent_syntax::parser::parse(source) {
            Ok(resource) => resource,
            Err((_, errors)) => panic!("{name} has syntax errors: {errors:?}"),
        };
        let mut shapes = BTreeMap::new();
        for entry in &resource.body {
            let (id, value, attributes) = match entry {
                ast::Entry::Message(m) => (m.id.name.to_string(), m.value.as_ref(), &m.attributes),
                ast::Entry::Term(t) => (format!("-{}", t.id.name), Some(&t.value), &t.attributes),
                ast::Entry::Junk { content } => panic!("{name} has junk: {content}"),
                _ => continue,
            };
            let mut shape = Shape::new();
            if let Some(value) = value {
                shape.insert(String::new(), variables(value));
            }
            for attribute in attributes {
                shape.insert(
                    format!(".{}", attribute.id.name),
                    variables(&attribute.value),
                );
            }
            assert!(
                shapes.insert(id.clone(), shape).is_none(),
                "{name}: `{id}` is defined twice"
            );
        }
        shapes
    }

    fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        walk_pattern(pattern, &mut found);
        found
    }

    fn walk_pattern(pattern: &ast::Pattern<&str>, found: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                walk_expression(expression, found);
            }
        }
    }

    fn walk_expression(expression: &ast::Expression<&str>, found: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                walk_inline(selector, found);
                for variant in variants {
                    walk_pattern(&variant.value, found);
                }
            }
            ast::Expression::Inline(inline) => walk_inline(inline, found),
        }
    }

    fn walk_inline(inline: &ast::InlineExpression<&str>, found: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                found.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                walk_arguments(arguments, found)
            }
            ast::InlineExpression::TermReference {
                arguments: Some(arguments),
                ..
            } => walk_arguments(arguments, found),
            ast::InlineExpression::Placeable { expression } => walk_expression(expression, found),
            _ => {}
        }
    }

    fn walk_arguments(arguments: &ast::CallArguments<&str>, found: &mut BTreeSet<String>) {
        for positional in &arguments.positional {
            walk_inline(positional, found);
        }
        for named in &arguments.named {
            walk_inline(&named.value, found);
        }
    }

    #[test]
    fn locales_define_the_same_messages_attributes_and_variables() {
        let en = parse_shapes(&[EN_US_FTL, SERVE_EN_US_FTL].concat(), "en-US");
        let vi = parse_shapes(&[VI_FTL, SERVE_VI_FTL].concat(), "vi");
        let en_ids: BTreeSet<_> = en.keys().collect();
        let vi_ids: BTreeSet<_> = vi.keys().collect();
        assert_eq!(
            en_ids.difference(&vi_ids).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "messages missing from vi"
        );
        assert_eq!(
            vi_ids.difference(&en_ids).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "messages missing from en-US"
        );
        for (id, en_shape) in &en {
            assert_eq!(
                en_shape, &vi[id],
                "`{id}` differs in attributes or variables"
            );
        }
    }

    #[test]
    fn every_message_resolves_without_errors() {
        for locale in UiLocale::ALL {
            let bundle = build_bundle(locale);
            for (id, shape) in parse_shapes(&locale.sources().concat(), locale.tag()) {
                if id.starts_with('-') {
                    continue;
                }
                let message = bundle.get_message(&id).unwrap();
                for (part, names) in shape {
                    let mut args = FluentArgs::new();
                    for name in names {
                        args.set(name, 2);
                    }
                    let pattern = match part.strip_prefix('.') {
                        Some(attr) => message.get_attribute(attr).unwrap().value(),
                        None => message.value().unwrap(),
                    };
                    let mut errors = Vec::new();
                    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                    assert!(
                        errors.is_empty(),
                        "{}: `{id}{part}`: {errors:?}",
                        locale.tag()
                    );
                    assert!(
                        !text.trim().is_empty(),
                        "{}: `{id}{part}` is empty",
                        locale.tag()
                    );
                }
            }
        }
    }

    #[test]
    fn vietnamese_text_is_nfc() {
        for (name, text) in [("songngu", VI_FTL), ("serve", SERVE_VI_FTL)] {
            let nfc: String = text.nfc().collect();
            assert!(nfc == text, "locales/vi/{name}.ftl is not in Unicode NFC");
        }
        // Catch a file saved with placeholders or without diacritics.
        assert!(VI_FTL.contains("câu") && VI_FTL.contains("đoạn"));
    }
}
