//! The inline Markdown of a unit's text read as the article reads it: pulldown-cmark's
//! inline events with the article's options, reference links (`[text][id]`) resolved
//! against the link reference definitions of the whole article (a unit's text is parsed
//! alone, without them). The exports render these events; none parses inline Markdown
//! by itself.

use std::collections::HashMap;

use pulldown_cmark::{BrokenLink, CowStr, Event, Options, Parser};

use super::{Document, Format};

/// The inline extensions the article's Markdown is read with (see [`super::markdown`],
/// which adds the block ones: tables and footnotes).
pub(crate) const INLINE_OPTIONS: Options = Options::ENABLE_STRIKETHROUGH;

/// The link reference definitions of an article, and the reader of its units' inline
/// Markdown.
pub(crate) struct InlineMarkdown {
    /// Normalized label → (destination, title).
    refs: HashMap<String, (String, String)>,
    /// (label as written, destination, title), sorted by normalized label.
    definitions: Vec<(String, String, String)>,
}

/// A reference label as CommonMark matches it: white space collapsed, case folded.
fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl InlineMarkdown {
    /// The reader of `doc`'s inline Markdown (a plain-text article has no definitions).
    pub(crate) fn new(doc: &Document) -> InlineMarkdown {
        let mut refs = HashMap::new();
        let mut definitions = Vec::new();
        if doc.format == Format::Markdown {
            let parser = Parser::new_ext(&doc.text, INLINE_OPTIONS | Options::ENABLE_TABLES);
            for (label, def) in parser.reference_definitions().iter() {
                let title = def.title.as_deref().unwrap_or("").to_owned();
                let key = label_key(label);
                definitions.push((
                    key.clone(),
                    label.to_owned(),
                    def.dest.to_string(),
                    title.clone(),
                ));
                refs.insert(key, (def.dest.to_string(), title));
            }
        }
        definitions.sort();
        let definitions = definitions
            .into_iter()
            .map(|(_, label, dest, title)| (label, dest, title))
            .collect();
        InlineMarkdown { refs, definitions }
    }

    /// A reader without link reference definitions, for a unit's text read alone (a
    /// reference link whose definition is elsewhere stays text).
    pub(crate) fn bare() -> InlineMarkdown {
        InlineMarkdown {
            refs: HashMap::new(),
            definitions: Vec::new(),
        }
    }

    /// The article's link reference definitions: (label, destination, title), in a
    /// stable order.
    pub(crate) fn definitions(&self) -> &[(String, String, String)] {
        &self.definitions
    }

    /// The inline events of `markdown` (one paragraph), reference links resolved.
    pub(crate) fn events<'t>(&'t self, markdown: &'t str) -> impl Iterator<Item = Event<'t>> + 't {
        let callback = move |link: BrokenLink<'t>| {
            self.refs
                .get(&label_key(&link.reference))
                .map(|(dest, title)| (CowStr::from(dest.clone()), CowStr::from(title.clone())))
        };
        Parser::new_with_broken_link_callback(markdown, INLINE_OPTIONS, Some(callback))
    }

    /// The inline events of `markdown` with their byte ranges in it, reference links
    /// resolved: where each piece of markup is, for those who must keep it as written.
    pub(crate) fn offset_events<'t>(
        &'t self,
        markdown: &'t str,
    ) -> impl Iterator<Item = (Event<'t>, std::ops::Range<usize>)> + 't {
        let callback = move |link: BrokenLink<'t>| {
            self.refs
                .get(&label_key(&link.reference))
                .map(|(dest, title)| (CowStr::from(dest.clone()), CowStr::from(title.clone())))
        };
        Parser::new_with_broken_link_callback(markdown, INLINE_OPTIONS, Some(callback))
            .into_offset_iter()
    }

    /// The text of `markdown` without markup: texts, code and HTML as written, breaks as
    /// spaces, white space collapsed.
    pub(crate) fn plain(&self, markdown: &str) -> String {
        let mut out = String::with_capacity(markdown.len());
        for event in self.events(markdown) {
            match event {
                Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                    out.push_str(&t);
                }
                Event::SoftBreak | Event::HardBreak => out.push(' '),
                _ => {}
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}
