//! `bilingual-html`: one self-contained HTML5 page with the English and the Vietnamese
//! side by side, block by block.
//!
//! - Self-contained: inline CSS, no scripts, no fonts, images or style sheets from
//!   anywhere; the only URLs are the article's own links (and images, which become links
//!   to the image rather than loading it).
//! - `<html lang="vi">`; each block is a row of two cells, `<div class="en" lang="en">` and
//!   `<div class="vi" lang="vi">`, with headings as `<h1>`...`<h6>`, list items with their
//!   marker, quotes as `<blockquote>`, front matter fields labelled with their key.
//! - Readable on a phone (below 40em the cells stack, each labelled with its language)
//!   and in print (no backgrounds; a row is not broken across pages).
//! - Inline Markdown (bold, emphasis, strikethrough, code, links, images, reference
//!   links defined anywhere in the article) is rendered with pulldown-cmark, block by
//!   block; raw HTML in the text is shown escaped, never injected, and links with a scheme
//!   other than `http`, `https`, `mailto`, `tel` or `ftp` (`javascript:`) lose their link.
//!   Plain text articles are escaped only.
//! - English shown in the Vietnamese column (a unit without translation, a block without
//!   units) is wrapped in `<span lang="en">`, so that screen readers, hyphenation and
//!   spell checkers treat it as English.
//! - A row with a stale or missing unit or a finding gets the classes `flagged` and
//!   `stale` / `missing` / `finding`, and a list of badges below it naming each unit
//!   (id and the start of its English) and each finding (kind, severity, message, message
//!   id, finding id, `accepted`). A legend explains the badges.
//! - The output is XHTML-compatible (every element closed, void elements as `<br />`), so
//!   an XML parser can check it, and deterministic.
//!
//! ```html
//! <div class="row" id="b2">
//! <div class="en" lang="en"><h1>Rice prices climb</h1></div>
//! <div class="vi" lang="vi"><h1>Giá gạo tăng</h1></div>
//! </div>
//! <div class="row flagged stale" id="b3">
//! <div class="en" lang="en"><p>Vietnam’s <strong>rice</strong> exports rose.</p></div>
//! <div class="vi" lang="vi"><p>Xuất khẩu <strong>gạo</strong> tăng.</p></div>
//! <ul class="flags">
//! <li class="flag stale"><span class="badge stale">stale</span> <code class="unit">u3f2a9c01b7</code> <q lang="en">Vietnam’s rice exports rose.</q></li>
//! </ul>
//! </div>
//! ```

use std::io::Write;

use crate::memory::layout::Addition;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::{
    BlockView, ExportError, Prepared, Release, Source, Wording, line_prefix, markdown_lines,
    shorten, yaml_display,
};
use crate::document::inline::InlineMarkdown;
use crate::document::{BlockKind, Document};
use crate::drift::{CheckedUnit, Status};

/// The page's style sheet. No URLs, no `<` or `&`, so it is also valid XML text.
const CSS: &str = r#"
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 72em; padding: 1em; color: #1b1b1b; background: #fff;
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; }
header.release { border-bottom: 2px solid #ccc; margin-bottom: .5em; }
header.release .doc { margin: .25em 0; color: #555; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 0 2em; padding: .3em .5em;
  border-bottom: 1px solid #e6e6e6; break-inside: avoid; page-break-inside: avoid; }
.row.head { font-weight: bold; border-bottom: 2px solid #ccc; }
.en, .vi { min-width: 0; overflow-wrap: anywhere; }
.en { color: #444; }
.row > div > :first-child { margin-top: .2em; }
.row > div > :last-child { margin-bottom: .2em; }
p, blockquote, h1, h2, h3, h4, h5, h6 { margin: .4em 0; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; }
blockquote { border-left: 3px solid #ccc; padding-left: .75em; margin-left: 0; }
.marker { display: inline-block; min-width: 1.5em; color: #666; }
.front .key { font-variant: small-caps; color: #666; margin-right: .5em; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
a.image::before, span.image::before { content: "\1F5BC\FE0E  "; }
.row.flagged { background: #fff8e6; }
.row.flagged > .vi { border-left: 4px solid #d08b00; padding-left: .5em; }
.row.missing > .vi { border-left-color: #b3261e; }
.flags { grid-column: 1 / -1; margin: .2em 0 .4em; padding: 0; list-style: none; font-size: .875em; }
.flag { margin: .15em 0; }
.badge { display: inline-block; padding: 0 .45em; border: 1px solid; border-radius: .3em;
  font-weight: bold; font-size: .85em; white-space: nowrap; }
.badge.stale, .badge.warning { color: #8a5300; }
.badge.missing, .badge.error { color: #b3261e; }
.badge.info { color: #0b5394; }
.badge.accepted { color: #2e7d32; }
.flag.accepted { opacity: .75; }
.flag q { color: #555; }
.legend { font-size: .875em; margin: .5em 0; }
.legend dt { float: left; clear: left; margin-right: .5em; }
.legend dd { margin: 0 0 .25em 0; }
@media (max-width: 40em) {
  body { padding: .5em; }
  .row { grid-template-columns: 1fr; }
  .row.head { display: none; }
  .vi { border-top: 1px dashed #ddd; }
  .en::before, .vi::before { content: attr(lang); float: right; font-size: .75em; color: #888;
    text-transform: uppercase; }
}
@media print {
  * { background: none !important; box-shadow: none !important; }
  body { max-width: none; color: #000; padding: 0; }
  .en { color: #333; }
  .row { break-inside: avoid; page-break-inside: avoid; }
  a { color: inherit; }
  .badge { color: #000 !important; border-color: #000; }
}
"#;

/// Writes the bilingual page of `release` to `out`.
pub fn write(
    release: &Release<'_>,
    wording: &Wording<'_>,
    mut out: impl Write,
) -> Result<(), ExportError> {
    let page = to_string(release, wording)?;
    out.write_all(page.as_bytes())
        .and_then(|()| out.flush())
        .map_err(ExportError::write("bilingual HTML"))
}

/// The bilingual page of `release`.
pub fn to_string(release: &Release<'_>, wording: &Wording<'_>) -> Result<String, ExportError> {
    let prepared = Prepared::new(release)?;
    let inline = InlineRenderer::new(release.en);
    let mut page = String::with_capacity(release.en.text.len() * 3 + CSS.len() + 1024);

    // Vietnamese texts are needed for the title and for every row: made once. For the
    // rows, the English that stands in them is marked (see `lang_spans`), unless the
    // text holds the marks itself: then no marking rather than a wrong one.
    let vi_texts: Vec<String> = prepared
        .views
        .iter()
        .map(|view| prepared.vi_display(view))
        .collect();
    let marked: Vec<Option<String>> = prepared
        .views
        .iter()
        .zip(&vi_texts)
        .map(|(view, plain)| {
            if plain.contains([EN_OPEN, EN_CLOSE]) {
                None
            } else if view.units.is_empty() {
                Some(format!("{EN_OPEN}{plain}{EN_CLOSE}"))
            } else {
                Some(prepared.vi_display_marked(view, EN_OPEN_STR, EN_CLOSE_STR))
            }
        })
        .collect();

    page.push_str("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\" />\n");
    page.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    page.push_str("<meta name=\"generator\" content=\"songngu ");
    page.push_str(env!("CARGO_PKG_VERSION"));
    page.push_str("\" />\n<title>");
    escape_into(&mut page, &title(&prepared, &vi_texts, &inline));
    page.push_str("</title>\n<style>");
    page.push_str(CSS);
    page.push_str("</style>\n</head>\n<body>\n<header class=\"release\">\n<p class=\"doc\"><code>");
    escape_into(&mut page, &release.doc_id);
    page.push_str("</code></p>\n");
    if release.has_flags() {
        legend(&mut page, wording);
    }
    page.push_str("</header>\n<main>\n<div class=\"row head\">\n<div class=\"en\" lang=\"en\">");
    escape_into(&mut page, &wording.en);
    page.push_str("</div>\n<div class=\"vi\" lang=\"vi\">");
    escape_into(&mut page, &wording.vi);
    page.push_str("</div>\n</div>\n");

    for ((view, vi), marked) in prepared.views.iter().zip(&vi_texts).zip(&marked) {
        let vi = match marked {
            Some(marked) => Vi::Marked(marked),
            None => Vi::Plain(vi),
        };
        added_rows(&mut page, view.units.iter().flat_map(|u| &u.added_before));
        row(&mut page, &prepared, view, vi, &inline, wording);
        added_rows(&mut page, view.units.iter().flat_map(|u| &u.added_after));
    }
    page.push_str("</main>\n</body>\n</html>\n");
    Ok(page)
}

/// The page title: the Vietnamese front matter title, else the first heading, else the
/// document id.
fn title(prepared: &Prepared<'_, '_>, vi_texts: &[String], inline: &InlineRenderer) -> String {
    let pick = |wanted: &dyn Fn(&BlockKind) -> bool| {
        prepared
            .views
            .iter()
            .zip(vi_texts)
            .find(|(view, _)| wanted(&view.block.kind))
            .map(|(view, vi)| inline.plain(vi, prepared.source(view)))
    };
    pick(&|kind| matches!(kind, BlockKind::FrontMatter(key) if key == "title"))
        .or_else(|| pick(&|kind| matches!(kind, BlockKind::Heading(_))))
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| prepared.release.doc_id.clone())
}

fn legend(page: &mut String, wording: &Wording<'_>) {
    page.push_str("<section class=\"legend\" lang=\"");
    escape_into(page, &wording.lang);
    page.push_str("\">\n<p><strong>");
    escape_into(page, &wording.legend);
    page.push_str("</strong></p>\n<dl>\n");
    let entries: [(&str, &str, &str); 4] = [
        ("stale", "stale", &wording.stale),
        ("missing", "missing", &wording.missing),
        ("error", "number, date, …", &wording.finding),
        ("accepted", "accepted", &wording.accepted),
    ];
    for (class, badge, text) in entries {
        page.push_str("<dt><span class=\"badge ");
        page.push_str(class);
        page.push_str("\">");
        page.push_str(badge);
        page.push_str("</span></dt><dd>");
        escape_into(page, text);
        page.push_str("</dd>\n");
    }
    page.push_str("</dl>\n</section>\n");
}

/// The Vietnamese of a row: with its English runs marked for [`lang_spans`], or as is.
#[derive(Debug, Clone, Copy)]
enum Vi<'t> {
    Marked(&'t str),
    Plain(&'t str),
}

/// One row per editor's addition (Vietnamese published without English): the English
/// side is empty.
fn added_rows<'x>(page: &mut String, additions: impl Iterator<Item = &'x Addition>) {
    for addition in additions {
        page.push_str(
            "<div class=\"row added\">\n<div class=\"en\" lang=\"en\"></div>\n<div class=\"vi\" lang=\"vi\"><p>",
        );
        escape_into(page, addition.vi.trim());
        page.push_str("</p></div>\n</div>\n");
    }
}

fn row(
    page: &mut String,
    prepared: &Prepared<'_, '_>,
    view: &BlockView<'_, '_>,
    vi: Vi<'_>,
    inline: &InlineRenderer,
    wording: &Wording<'_>,
) {
    let units = view.units;
    let stale = units.iter().any(|u| u.state() == Status::Stale);
    let missing = units.is_empty() || units.iter().any(|u| u.state() == Status::Missing);
    let finding = units.iter().any(|u| !u.findings.is_empty());
    page.push_str("<div class=\"row");
    if stale || missing || finding {
        page.push_str(" flagged");
    }
    for (on, class) in [
        (stale, " stale"),
        (missing, " missing"),
        (finding, " finding"),
    ] {
        if on {
            page.push_str(class);
        }
    }
    page.push_str("\" id=\"b");
    page.push_str(&view.index.to_string());
    page.push_str("\">\n");
    let source = prepared.source(view);
    for (lang, text) in [("en", Vi::Plain(prepared.en_text(view))), ("vi", vi)] {
        page.push_str("<div class=\"");
        page.push_str(lang);
        page.push_str("\" lang=\"");
        page.push_str(lang);
        page.push_str("\">");
        match text {
            Vi::Marked(text) => {
                let mut html = String::with_capacity(text.len() * 2);
                cell(&mut html, prepared.release.en, view, text, source, inline);
                lang_spans(page, &html);
            }
            Vi::Plain(text) => cell(page, prepared.release.en, view, text, source, inline),
        }
        page.push_str("</div>\n");
    }
    if stale || missing || finding {
        flags(page, prepared, view, inline, wording);
    }
    page.push_str("</div>\n");
}

fn cell(
    page: &mut String,
    doc: &Document,
    view: &BlockView<'_, '_>,
    text: &str,
    source: Source,
    inline: &InlineRenderer,
) {
    match &view.block.kind {
        BlockKind::Heading(level) => {
            let tag = format!("h{}", (*level).clamp(1, 6));
            page.push('<');
            page.push_str(&tag);
            page.push('>');
            inline.html(page, text, source);
            page.push_str("</");
            page.push_str(&tag);
            page.push('>');
        }
        BlockKind::Paragraph => {
            page.push_str("<p>");
            inline.html(page, text, source);
            page.push_str("</p>");
        }
        BlockKind::ListItem => {
            page.push_str("<p class=\"item\"><span class=\"marker\">");
            escape_into(page, list_marker(doc, view));
            page.push_str("</span> ");
            inline.html(page, text, source);
            page.push_str("</p>");
        }
        BlockKind::BlockQuote => {
            page.push_str("<blockquote><p>");
            inline.html(page, text, source);
            page.push_str("</p></blockquote>");
        }
        BlockKind::TableCell => {
            page.push_str("<p class=\"cell\">");
            inline.html(page, text, source);
            page.push_str("</p>");
        }
        BlockKind::FrontMatter(key) => {
            page.push_str("<p class=\"front\"><span class=\"key\">");
            escape_into(page, key);
            page.push_str("</span> ");
            inline.html(page, text, source);
            page.push_str("</p>");
        }
    }
}

/// The marker of a list item as shown: its number (`3.`), or a bullet.
fn list_marker<'d>(doc: &'d Document, view: &BlockView<'_, '_>) -> &'d str {
    let marker = line_prefix(doc, view.block)
        .split_whitespace()
        .last()
        .unwrap_or("");
    let numbered = marker.len() > 1
        && marker.ends_with(['.', ')'])
        && marker[..marker.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_digit());
    if numbered { marker } else { "•" }
}

fn flags(
    page: &mut String,
    prepared: &Prepared<'_, '_>,
    view: &BlockView<'_, '_>,
    inline: &InlineRenderer,
    wording: &Wording<'_>,
) {
    page.push_str("<ul class=\"flags\">\n");
    if view.units.is_empty() {
        page.push_str(
            "<li class=\"flag missing\"><span class=\"badge missing\">missing</span></li>\n",
        );
    }
    for unit in view.units.iter().filter(|u| u.is_flagged()) {
        let excerpt = shorten(&inline.plain(&unit.unit.text, prepared.source(view)), 80);
        let state = unit.state();
        if state != Status::Current {
            let name = state.name();
            page.push_str("<li class=\"flag ");
            page.push_str(name);
            page.push_str("\"><span class=\"badge ");
            page.push_str(name);
            page.push_str("\">");
            page.push_str(name);
            page.push_str("</span> ");
            unit_label(page, unit, &excerpt);
            page.push_str("</li>\n");
        }
        for finding in &unit.findings {
            let severity = finding.severity.name();
            let accepted = finding.accepted.is_some();
            page.push_str("<li class=\"flag finding ");
            page.push_str(severity);
            if accepted {
                page.push_str(" accepted");
            }
            page.push_str("\"><span class=\"badge ");
            page.push_str(severity);
            page.push_str("\">");
            page.push_str(finding.kind.name());
            page.push_str("</span> <span class=\"severity\">");
            page.push_str(severity);
            page.push_str("</span> ");
            unit_label(page, unit, &excerpt);
            page.push_str(" <span class=\"message\" lang=\"");
            escape_into(page, &wording.lang);
            page.push_str("\">");
            escape_into(page, &wording.explain(&finding.explanation));
            page.push_str("</span>");
            if wording.message.is_some() {
                page.push_str(" <code class=\"msgid\">");
                escape_into(page, finding.explanation.id);
                page.push_str("</code>");
            }
            page.push_str(" <code class=\"fid\">");
            page.push_str(&finding.fingerprint());
            page.push_str("</code>");
            if accepted {
                page.push_str(" <span class=\"badge accepted\">accepted</span>");
            }
            page.push_str("</li>\n");
        }
    }
    page.push_str("</ul>\n");
}

fn unit_label(page: &mut String, unit: &CheckedUnit<'_>, excerpt: &str) {
    page.push_str("<code class=\"unit\">");
    escape_into(page, &unit.unit.id);
    page.push_str("</code> <q lang=\"en\">");
    escape_into(page, excerpt);
    page.push_str("</q>");
}

/// Marks around English in a Vietnamese text, carried through the Markdown rendering to
/// [`lang_spans`]: two general punctuation marks (substitution brackets) that articles do
/// not use (a block that holds them is left unmarked). Punctuation, because Markdown lets
/// emphasis open and close next to it, so the marks do not change how the text renders;
/// a letter or a noncharacter next to a closing `*` after a full stop would.
const EN_OPEN: char = '\u{2E02}';
const EN_CLOSE: char = '\u{2E03}';
const EN_OPEN_STR: &str = "\u{2E02}";
const EN_CLOSE_STR: &str = "\u{2E03}";

/// Appends `html` (a rendered cell whose English runs are between [`EN_OPEN`] and
/// [`EN_CLOSE`]) with each run wrapped in `<span lang="en">`. A run whose tags balance is
/// one span; one that crosses an element boundary (emphasis that began in a translated
/// sentence) gets a span for each stretch of text between tags, so the page stays well
/// formed. Marks inside a tag (cannot happen with sentence units; would be an attribute
/// value) are dropped.
fn lang_spans(page: &mut String, html: &str) {
    const SPAN: &str = "<span lang=\"en\">";
    let mut rest = html;
    while let Some(start) = rest.find(EN_OPEN) {
        let (before, after) = rest.split_at(start);
        page.push_str(&before.replace(EN_CLOSE, ""));
        let after = &after[EN_OPEN.len_utf8()..];
        let end = after.find(EN_CLOSE).unwrap_or(after.len());
        let run = &after[..end];
        rest = after.get(end + EN_CLOSE.len_utf8()..).unwrap_or("");
        if tags_balance(run) {
            page.push_str(SPAN);
            page.push_str(run);
            page.push_str("</span>");
            continue;
        }
        let mut in_tag = false;
        let mut open = false;
        for c in run.chars() {
            match c {
                '<' => {
                    if open {
                        page.push_str("</span>");
                        open = false;
                    }
                    in_tag = true;
                }
                '>' if in_tag => in_tag = false,
                _ if !in_tag && !open => {
                    page.push_str(SPAN);
                    open = true;
                }
                _ => {}
            }
            page.push(c);
        }
        if open {
            page.push_str("</span>");
        }
    }
    page.push_str(&rest.replace(EN_CLOSE, ""));
}

/// Whether every element opened in `html` is closed in it, and nothing is closed that
/// was opened before it (void elements are written `<br />`).
fn tags_balance(html: &str) -> bool {
    let mut depth = 0usize;
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        let Some(end) = rest[at..].find('>') else {
            return false;
        };
        let tag = &rest[at..at + end + 1];
        if tag.starts_with("</") {
            let Some(d) = depth.checked_sub(1) else {
                return false;
            };
            depth = d;
        } else if !tag.ends_with("/>") {
            depth += 1;
        }
        rest = &rest[at + end + 1..];
    }
    depth == 0
}

/// Appends `text` escaped for HTML text and double- or single-quoted attribute values.
/// Characters XML cannot carry become U+FFFD, so the page stays XHTML-compatible.
pub(crate) fn escape_into(out: &mut String, text: &str) {
    let mut run = 0;
    for (i, c) in text.char_indices() {
        let replacement = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            '\t' | '\n' | '\r' => continue,
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&text[run..i]);
        out.push_str(replacement);
        run = i + c.len_utf8();
    }
    out.push_str(&text[run..]);
}

/// Whether a link destination may be a link: relative, or one of the usual schemes.
fn safe_url(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    match cleaned.find(':') {
        None => true,
        Some(colon) => {
            let scheme = &cleaned[..colon];
            if scheme.contains(['/', '?', '#']) {
                return true;
            }
            matches!(
                scheme.to_ascii_lowercase().as_str(),
                "http" | "https" | "mailto" | "tel" | "ftp"
            )
        }
    }
}

/// Renders a block's inline Markdown as HTML or plain text, read by
/// [`InlineMarkdown`] (reference links resolved against the whole English article).
pub(crate) struct InlineRenderer {
    markdown: InlineMarkdown,
}

impl InlineRenderer {
    pub(crate) fn new(doc: &Document) -> InlineRenderer {
        InlineRenderer {
            markdown: InlineMarkdown::new(doc),
        }
    }

    /// The article's link reference definitions: (label, destination, title), in a
    /// stable order.
    pub(crate) fn definitions(&self) -> &[(String, String, String)] {
        self.markdown.definitions()
    }

    /// The Markdown of a block made to parse as one paragraph.
    fn paragraph(text: &str, quote_depth: usize) -> String {
        markdown_lines(text, quote_depth).join("\n")
    }

    /// Appends the HTML of `text`: inline elements only.
    pub(crate) fn html(&self, out: &mut String, text: &str, source: Source) {
        let quote_depth = match source {
            Source::Plain => {
                escape_into(out, text.trim());
                return;
            }
            Source::Yaml(style) => {
                escape_into(out, &yaml_display(text, style));
                return;
            }
            Source::Markdown { quote_depth } => quote_depth,
        };
        let markdown = InlineRenderer::paragraph(text, quote_depth);
        // Closing tags of the open inline elements.
        let mut open: Vec<&'static str> = Vec::new();
        let mut links = 0usize;
        let mut blocks = 0usize;
        for event in self.markdown.events(&markdown) {
            match event {
                Event::Start(tag) => match tag {
                    Tag::Emphasis => {
                        out.push_str("<em>");
                        open.push("</em>");
                    }
                    Tag::Strong => {
                        out.push_str("<strong>");
                        open.push("</strong>");
                    }
                    Tag::Strikethrough => {
                        out.push_str("<del>");
                        open.push("</del>");
                    }
                    Tag::Superscript => {
                        out.push_str("<sup>");
                        open.push("</sup>");
                    }
                    Tag::Subscript => {
                        out.push_str("<sub>");
                        open.push("</sub>");
                    }
                    Tag::Link {
                        dest_url, title, ..
                    } => {
                        if links == 0 && safe_url(&dest_url) {
                            out.push_str("<a href=\"");
                            escape_into(out, &dest_url);
                            if !title.is_empty() {
                                out.push_str("\" title=\"");
                                escape_into(out, &title);
                            }
                            out.push_str("\">");
                            open.push("</a>");
                        } else {
                            out.push_str("<span class=\"link\">");
                            open.push("</span>");
                        }
                        links += 1;
                    }
                    Tag::Image {
                        dest_url, title, ..
                    } => {
                        if links == 0 && safe_url(&dest_url) {
                            out.push_str("<a class=\"image\" href=\"");
                            escape_into(out, &dest_url);
                            if !title.is_empty() {
                                out.push_str("\" title=\"");
                                escape_into(out, &title);
                            }
                            out.push_str("\">");
                            open.push("</a>");
                        } else {
                            out.push_str("<span class=\"image\">");
                            open.push("</span>");
                        }
                        links += 1;
                    }
                    // Block structure should not appear (the text was made one
                    // paragraph); if it does, its content is kept, separated by a break.
                    _ => {
                        if blocks > 0 {
                            out.push_str("<br />");
                        }
                        blocks += 1;
                    }
                },
                Event::End(tag) => match tag {
                    TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Superscript
                    | TagEnd::Subscript
                    | TagEnd::Link
                    | TagEnd::Image => {
                        if matches!(tag, TagEnd::Link | TagEnd::Image) {
                            links = links.saturating_sub(1);
                        }
                        if let Some(close) = open.pop() {
                            out.push_str(close);
                        }
                    }
                    _ => {}
                },
                Event::Text(text) => escape_into(out, &text),
                Event::Code(code) => {
                    out.push_str("<code>");
                    escape_into(out, &code);
                    out.push_str("</code>");
                }
                Event::Html(html) | Event::InlineHtml(html) => escape_into(out, &html),
                Event::InlineMath(math) | Event::DisplayMath(math) => escape_into(out, &math),
                Event::FootnoteReference(label) => {
                    out.push_str("<sup>");
                    escape_into(out, &label);
                    out.push_str("</sup>");
                }
                Event::SoftBreak => out.push('\n'),
                Event::HardBreak => out.push_str("<br />\n"),
                Event::Rule => out.push_str("<br />"),
                Event::TaskListMarker(done) => out.push_str(if done { "[x] " } else { "[ ] " }),
            }
        }
        while let Some(close) = open.pop() {
            out.push_str(close);
        }
    }

    /// The text of `text` without markup, white space collapsed (not escaped).
    pub(crate) fn plain(&self, text: &str, source: Source) -> String {
        let quote_depth = match source {
            Source::Plain => return text.split_whitespace().collect::<Vec<_>>().join(" "),
            Source::Yaml(style) => return yaml_display(text, style),
            Source::Markdown { quote_depth } => quote_depth,
        };
        self.markdown
            .plain(&InlineRenderer::paragraph(text, quote_depth))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::Kind;
    use crate::export::tests::{doc, finding, release, seed, units};
    use quick_xml::events::Event as XmlEvent;

    /// Parses the page as XML: every element closed and properly nested. Returns the
    /// element names in order.
    fn well_formed(page: &str) -> Vec<String> {
        let mut reader = quick_xml::Reader::from_str(page);
        let mut stack: Vec<String> = Vec::new();
        let mut names = Vec::new();
        loop {
            match reader.read_event().expect("well-formed XML") {
                XmlEvent::Start(e) => {
                    let name = e.name().0.to_owned();
                    names.push(name.clone());
                    stack.push(name);
                }
                XmlEvent::End(e) => {
                    let name = e.name().0.to_owned();
                    assert_eq!(stack.pop().as_deref(), Some(name.as_str()), "misnested");
                }
                XmlEvent::Empty(e) => {
                    names.push(e.name().0.to_owned());
                }
                XmlEvent::Eof => break,
                _ => {}
            }
        }
        assert!(stack.is_empty(), "unclosed: {stack:?}");
        names
    }

    /// Every `http` inside a tag is a link's `href` (in text it is only text).
    fn only_links_refer_out(page: &str) {
        for (at, _) in page.match_indices("http") {
            let before = &page[..at];
            let in_tag = before.rfind('<') > before.rfind('>');
            assert!(
                !in_tag || before.ends_with("href=\""),
                "a resource reference at {at}: {}",
                &page[at.saturating_sub(40)..at + 20]
            );
        }
        for banned in [
            "src=", "url(", "@import", "<link", "<script", "<img", "<iframe",
        ] {
            assert!(!page.contains(banned), "{banned}");
        }
    }

    #[test]
    fn markdown_article_side_by_side() {
        let en = doc(
            "rice.en.md",
            "---\ntitle: Rice prices climb\n---\n# Rice prices climb\n\n\
             Vietnam's **rice** exports rose [12%][data]. *Buyers* are back.\n\n\
             > Farmers in *An Giang*\n> are planting more.\n\n\
             3. Prices: `$600/t`\n\n\
             [data]: https://example.com/data \"Data\"\n",
        );
        let us = units(&en);
        let r = release(
            &en,
            &us,
            &[
                Some("Giá gạo tăng"),
                Some("Giá **gạo** tăng"),
                Some("Xuất khẩu **gạo** của Việt Nam tăng [12%][data]."),
                Some("*Người mua* đã quay lại."),
                Some("Nông dân ở *An Giang*\n> đang trồng nhiều hơn."),
                Some("Giá: `$600/t`"),
            ],
        );
        let page = to_string(&r, &Wording::default()).unwrap();
        well_formed(&page);
        only_links_refer_out(&page);
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\" />\n<meta name=\"viewport\""));
        assert!(page.contains("<title>Giá gạo tăng</title>"));
        assert!(page.contains("@media (max-width: 40em)"));
        assert!(page.contains("@media print"));
        assert!(page.contains(
            "<div class=\"en\" lang=\"en\"><h1>Rice prices climb</h1></div>\n\
             <div class=\"vi\" lang=\"vi\"><h1>Giá <strong>gạo</strong> tăng</h1></div>"
        ));
        assert!(page.contains(
            "<div class=\"vi\" lang=\"vi\"><p>Xuất khẩu <strong>gạo</strong> của Việt Nam tăng \
             <a href=\"https://example.com/data\" title=\"Data\">12%</a>. <em>Người mua</em> đã quay lại.</p></div>"
        ));
        assert!(page.contains(
            "<div class=\"en\" lang=\"en\"><blockquote><p>Farmers in <em>An Giang</em>\nare planting more.</p></blockquote></div>"
        ));
        assert!(page.contains(
            "<p class=\"item\"><span class=\"marker\">3.</span> Giá: <code>$600/t</code></p>"
        ));
        assert!(
            page.contains("<p class=\"front\"><span class=\"key\">title</span> Giá gạo tăng</p>")
        );
        assert!(!page.contains("class=\"row flagged"), "nothing to flag");
        assert!(!page.contains("class=\"legend\""));
        assert_eq!(
            page,
            to_string(&r, &Wording::default()).unwrap(),
            "deterministic"
        );
    }

    #[test]
    fn raw_html_and_unsafe_links_are_escaped() {
        let en = doc(
            "x.en.md",
            "Hello <script>alert(1)</script> & [bad](javascript:alert(1)) \"q\".\n\n<div>Block html</div>\n",
        );
        let us = units(&en);
        let vi: Vec<Option<&str>> = us
            .iter()
            .map(|_| Some("Chào <b onclick=\"x\">bạn</b> <script>alert(2)</script>."))
            .collect();
        let r = release(&en, &us, &vi);
        let page = to_string(&r, &Wording::default()).unwrap();
        let names = well_formed(&page);
        assert!(
            !names.iter().any(|n| n == "script" || n == "b"),
            "{names:?}"
        );
        assert!(page.contains("Hello &lt;script&gt;alert(1)&lt;/script&gt; &amp; <span class=\"link\">bad</span> &quot;q&quot;."));
        assert!(page.contains("Chào &lt;b onclick=&quot;x&quot;&gt;bạn&lt;/b&gt; &lt;script&gt;alert(2)&lt;/script&gt;."));
        assert!(!page.contains("javascript:"));
    }

    #[test]
    fn plain_text_is_not_markdown() {
        let en = doc("a.en.txt", "# not a heading *and* <i>not</i> markup\n");
        let us = units(&en);
        let r = release(&en, &us, &[Some("1. không phải *danh sách*")]);
        let page = to_string(&r, &Wording::default()).unwrap();
        well_formed(&page);
        assert!(page.contains("<div class=\"en\" lang=\"en\"><p># not a heading *and* &lt;i&gt;not&lt;/i&gt; markup</p></div>"));
        assert!(
            page.contains("<div class=\"vi\" lang=\"vi\"><p>1. không phải *danh sách*</p></div>")
        );
    }

    #[test]
    fn flagged_units_are_marked_with_a_legend() {
        let en = doc(
            "a.en.md",
            "# Storm\n\nRivers rise 12 cm. Stay home.\n\nCall 113.\n",
        );
        let us = units(&en);
        let mut r = release(
            &en,
            &us,
            &[Some("Bão"), Some("Nước lên 13 cm."), None, Some("Gọi 113.")],
        );
        r.units[0].status = Status::Stale;
        let number = finding(Kind::Number, &us[1]);
        r.units[1].findings.push(&number);
        let render = |e: &crate::drift::report::Explanation| format!("numbers differ ({})", e.id);
        let wording = Wording {
            message: Some(&render),
            ..Wording::default()
        };
        let page = to_string(&r, &wording).unwrap();
        well_formed(&page);
        assert!(page.contains("<section class=\"legend\" lang=\"en\">"));
        assert!(page.contains("<div class=\"row flagged stale\" id=\"b0\">"));
        assert!(page.contains("<div class=\"row flagged missing finding\" id=\"b1\">"));
        assert!(page.contains("<div class=\"row\" id=\"b2\">"));
        assert!(page.contains(&format!(
            "<li class=\"flag stale\"><span class=\"badge stale\">stale</span> <code class=\"unit\">{}</code> <q lang=\"en\">Storm</q></li>",
            us[0].id
        )));
        assert!(page.contains(&format!(
            "<li class=\"flag missing\"><span class=\"badge missing\">missing</span> <code class=\"unit\">{}</code> <q lang=\"en\">Stay home.</q></li>",
            us[2].id
        )));
        assert!(page.contains(&format!(
            "<li class=\"flag finding error\"><span class=\"badge error\">number</span> <span class=\"severity\">error</span> \
             <code class=\"unit\">{}</code> <q lang=\"en\">Rivers rise 12 cm.</q> <span class=\"message\" lang=\"en\">numbers differ (check-number)</span> \
             <code class=\"msgid\">check-number</code> <code class=\"fid\">{}</code></li>",
            us[1].id,
            number.fingerprint()
        )));
        // The missing unit's English stands in the Vietnamese column, labelled English.
        assert!(page.contains(
            "<div class=\"vi\" lang=\"vi\"><p>Nước lên 13 cm. <span lang=\"en\">Stay home.</span></p></div>"
        ));
    }

    /// Regression: untranslated English in the Vietnamese column was inside `lang="vi"`.
    #[test]
    fn english_in_the_vietnamese_column_is_labelled_english() {
        let vi_cell = |page: &str, block: usize| -> String {
            let row = format!("id=\"b{block}\">");
            let at = page.find(&row).unwrap();
            let cell = &page[at..];
            let start = cell.find("<div class=\"vi\" lang=\"vi\">").unwrap();
            let end = start + cell[start..].find("</div>").unwrap();
            cell[start + "<div class=\"vi\" lang=\"vi\">".len()..end].to_owned()
        };
        let en = doc(
            "a.en.md",
            "Rivers rise. *Stay home.* Call 113.\n\n**Rivers rise. Stay home.**\n\nOne. Two. Three.\n",
        );
        let us = units(&en);
        let texts: Vec<&str> = us.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Rivers rise.",
                "*Stay home.*",
                "Call 113.",
                "**Rivers rise.",
                "Stay home.**",
                "One.",
                "Two.",
                "Three."
            ]
        );
        let r = release(
            &en,
            &us,
            &[
                Some("Nước lên."),
                None,
                Some("Gọi 113."),
                Some("**Nước lên."),
                None,
                None,
                None,
                Some("Ba."),
            ],
        );
        let page = to_string(&r, &Wording::default()).unwrap();
        well_formed(&page);
        // A whole sentence with its emphasis: one span, the emphasis still rendered.
        assert_eq!(
            vi_cell(&page, 0),
            "<p>Nước lên. <span lang=\"en\"><em>Stay home.</em></span> Gọi 113.</p>"
        );
        // Emphasis opened in the translated sentence: the span stays inside it.
        assert_eq!(
            vi_cell(&page, 1),
            "<p><strong>Nước lên. <span lang=\"en\">Stay home.</span></strong></p>"
        );
        // Two untranslated sentences in a row are one run.
        assert_eq!(
            vi_cell(&page, 2),
            "<p><span lang=\"en\">One. Two.</span> Ba.</p>"
        );
        assert!(!page.contains(['\u{2E02}', '\u{2E03}']));
        // A block without units is English as a whole.
        let en = doc("a.txt", "One.\nTwo.\n");
        let us = units(&en);
        let mut r = release(&en, &us[..1], &[Some("Một.")]);
        r.allow_drift = true;
        let page = to_string(&r, &Wording::default()).unwrap();
        well_formed(&page);
        assert_eq!(vi_cell(&page, 1), "<p><span lang=\"en\">Two.</span></p>");
        // An article that uses the marks itself is left unmarked, not garbled.
        let en = doc("a.txt", "Rain fell. Wind \u{2E02}blew\u{2E03}.\n");
        let us = units(&en);
        let r = release(&en, &us, &[Some("Một."), None]);
        let page = to_string(&r, &Wording::default()).unwrap();
        assert_eq!(vi_cell(&page, 0), "<p>Một. Wind \u{2E02}blew\u{2E03}.</p>");
    }

    #[test]
    fn seed_example_page() {
        let (en, us, vi) = seed();
        let vi: Vec<Option<&str>> = vi.iter().map(|t| Some(t.as_str())).collect();
        let r = release(&en, &us, &vi);
        let page = to_string(&r, &Wording::default()).unwrap();
        let names = well_formed(&page);
        only_links_refer_out(&page);
        let rows = page.matches("<div class=\"row\" id=").count();
        assert_eq!(rows, en.blocks.len());
        assert_eq!(names.iter().filter(|n| *n == "div").count(), 3 * (rows + 1));
        assert!(
            page.contains("<title>tin</title>"),
            "a text article has no heading"
        );
        assert!(page.contains("Thứ trưởng Nguyễn Thanh Hùng"));
    }

    mod properties {
        use super::*;
        use crate::export::{markdown, vi};
        use proptest::prelude::*;

        const FRAGMENTS: &[&str] = &[
            "# Heading. Two\n",
            "Plain *em* and **strong**. Next one.\n",
            "[A link.](https://x.vn/a.b) and [ref][r]. ",
            "`code. here` <b>x.</b> &amp; \\* ",
            "\n\n",
            "- item one. Item two\n",
            "1. First. 2. Second\n",
            "> Quoted line.\n> More.\n",
            "| a. b | c |\n|---|---|\n| d. | e |\n",
            "```\ncode. Not text.\n```\n",
            "[r]: https://x.vn/r\n",
            "<div>html</div>\n",
            "---\n",
            "\r\n",
        ];

        fn article() -> impl Strategy<Value = String> {
            (
                prop::sample::select(&["", "---\ntitle: T. Two\n---\n"][..]),
                prop::collection::vec(prop::sample::select(FRAGMENTS), 0..16),
            )
                .prop_map(|(front, parts)| format!("{front}{}", parts.concat()))
        }

        proptest! {
            #[test]
            fn any_translation_gives_a_well_formed_page(
                text in article(),
                markdown_source in any::<bool>(),
                vi in prop::collection::vec(
                    prop::option::weighted(0.9, "[a-zđ<>&\"'*_`\\\\\\[\\]()!#|:\n\r\t\u{1} -]{0,24}"),
                    0..40,
                ),
            ) {
                let name = if markdown_source { "a.en.md" } else { "a.en.txt" };
                let en = doc(name, &text);
                let us = units(&en);
                let mut r = release(&en, &us, &vec![None; us.len()]);
                for (i, unit) in r.units.iter_mut().enumerate() {
                    unit.vi = vi.get(i).cloned().flatten();
                }
                r.allow_drift = true;
                let page = to_string(&r, &Wording::default()).unwrap();
                well_formed(&page);
                only_links_refer_out(&page);
                vi::text(&r).unwrap();
                markdown::to_string(&r, &Wording::default()).unwrap();
            }
        }
    }

    #[test]
    fn urls() {
        for url in [
            "https://x.vn/a",
            "/a:b",
            "a.html#x:y",
            "mailto:a@b.vn",
            "?q=a:b",
        ] {
            assert!(safe_url(url), "{url}");
        }
        for url in [
            "javascript:alert(1)",
            "java\tscript:x",
            "JAVASCRIPT:x",
            "data:text/html,x",
            "vbscript:x",
        ] {
            assert!(!safe_url(url), "{url}");
        }
    }
}
