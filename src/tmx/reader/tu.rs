//! Reading one `<tu>`: its attributes, props and notes, its `<tuv>`s and their `<seg>`
//! content (inline elements), and the checks reported on it.

use std::io::Read;

use super::events::Name;
use super::problems::{Damage, damage};
use super::prolog::{attr_names, hoist_namespaces};
use super::{Ev, Fatal, Frame, Phase, TmxReader, TuRecord};
use crate::tmx::check::Target;
use crate::tmx::error::{ErrorKind, ProblemValues, Severity, value};
use crate::tmx::model::{
    Attr, Inline, InlineElement, InlineKind, Meta, Note, Prop, Seg, Tu, Tuv, attr_value,
};

/// The inline elements TMX defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Code {
    Bpt,
    Ept,
    It,
    Ph,
    Hi,
    Sub,
    Ut,
}

impl Code {
    pub(super) fn kind(self) -> InlineKind {
        match self {
            Code::Bpt => InlineKind::Bpt,
            Code::Ept => InlineKind::Ept,
            Code::It => InlineKind::It,
            Code::Ph => InlineKind::Ph,
            Code::Hi => InlineKind::Hi,
            Code::Sub => InlineKind::Sub,
            Code::Ut => InlineKind::Ut,
        }
    }
}

/// A prop or note being read.
#[derive(Debug)]
pub(super) struct MetaBuild {
    pub(super) note: bool,
    pub(super) attrs: Vec<Attr>,
    pub(super) value: String,
}

impl MetaBuild {
    pub(super) fn finish(self) -> Meta {
        if self.note {
            Meta::Note(Note {
                attrs: self.attrs,
                value: self.value,
            })
        } else {
            Meta::Prop(Prop {
                attrs: self.attrs,
                value: self.value,
            })
        }
    }
}

/// A TU being read.
#[derive(Debug, Default)]
struct TuBuild {
    pub(super) tu: Tu,
    pub(super) tuv: Option<Tuv>,
    pub(super) has_seg: bool,
    pub(super) seg: Vec<Inline>,
    pub(super) inline: Vec<InlineElement>,
    pub(super) inline_count: usize,
    pub(super) meta: Option<MetaBuild>,
    /// Warnings found while reading (offset, code, message).
    pub(super) warnings: Vec<(u64, &'static str, ProblemValues, String)>,
}

impl TuBuild {
    /// The content list new inline content goes to.
    pub(super) fn content(&mut self) -> &mut Vec<Inline> {
        match self.inline.last_mut() {
            Some(element) => &mut element.content,
            None => &mut self.seg,
        }
    }
}

/// Appends `text` to a content list, joining it to a text before it.
fn append_text(content: &mut Vec<Inline>, text: &mut String) {
    if text.is_empty() {
        return;
    }
    match content.last_mut() {
        Some(Inline::Text(previous)) => previous.push_str(text),
        _ => content.push(Inline::Text(std::mem::take(text))),
    }
}

impl<R: Read> TmxReader<R> {
    pub(super) fn next_tu_in(&mut self, buf: &mut Vec<u8>) -> Result<Option<TuRecord>, Fatal> {
        loop {
            let phase = self.phase;
            if matches!(phase, Phase::Done | Phase::Prolog | Phase::Root) {
                return Ok(None);
            }
            if phase == Phase::Body
                && self.fast_enabled
                && self.qx_at_markup
                && let Some(record) = self.try_fast_tu(buf)
            {
                return Ok(Some(record));
            }
            let ev = self.step(buf)?;
            let start = self.cur.start;
            let name = self.cur.name();
            match (phase, ev) {
                (_, Ev::Other) | (_, Ev::Text { space: true }) => {}
                (Phase::Body, Ev::Start) if name == Name::Tu => {
                    if let Some(record) = self.read_tu(buf, false)? {
                        return Ok(Some(record));
                    }
                }
                (Phase::Body, Ev::Empty) if name == Name::Tu => {
                    self.read_tu(buf, true)?;
                }
                (Phase::Body, Ev::End) => self.phase = Phase::AfterBody,
                (Phase::AfterBody, Ev::End) => self.phase = Phase::AfterRoot,
                (Phase::Body | Phase::AfterBody, Ev::Start | Ev::Empty) => {
                    self.skip_unexpected(buf, ev)?;
                }
                (Phase::Body | Phase::AfterBody, Ev::Text { space: false }) => {
                    let parent = self.parent_name(false);
                    let message = format!("text in `<{parent}>` outside any `<tu>` is ignored");
                    let values = vec![value("parent", parent)];
                    self.structure_problem(start, "text-in-body", values, message);
                }
                (Phase::Fragment, Ev::Start) if name == Name::Tu => {
                    self.phase = Phase::AfterRoot;
                    if let Some(record) = self.read_tu(buf, false)? {
                        return Ok(Some(record));
                    }
                }
                (Phase::Fragment, Ev::Eof) => {
                    let kind = ErrorKind::NotATu("no `<tu>` found".to_owned());
                    return Err(self.error_at(start, kind));
                }
                (Phase::Fragment, _) => {
                    let kind = ErrorKind::NotATu("it does not start with `<tu>`".to_owned());
                    return Err(self.error_at(start, kind));
                }
                (Phase::AfterRoot, Ev::Start | Ev::Empty) => {
                    let what = format!("element `<{}>`", self.cur.name_str());
                    return Err(self.error_at(start, ErrorKind::AfterRoot(what)));
                }
                (Phase::AfterRoot, Ev::Text { .. } | Ev::End) => {
                    return Err(self.error_at(start, ErrorKind::AfterRoot("text".to_owned())));
                }
                (_, Ev::Eof) => {
                    // `step` reports unclosed elements: nothing is open here.
                    self.phase = Phase::Done;
                    return Ok(None);
                }
                (_, Ev::Start | Ev::Empty | Ev::End | Ev::Text { .. }) => {
                    // The phases that remain (prolog, root) never reach this loop.
                    return Ok(None);
                }
            }
        }
    }

    /// Reads the TU whose start tag is the current event. `Ok(None)`: it was damaged and
    /// skipped (an Error problem says why).
    pub(super) fn read_tu(
        &mut self,
        buf: &mut Vec<u8>,
        empty: bool,
    ) -> Result<Option<TuRecord>, Fatal> {
        let start = self.cur.start;
        let index = self.next_index;
        self.next_index += 1;
        if index as u64 >= self.limits.max_tus {
            return Err(self.limit(
                start,
                "max_tus",
                self.limits.max_tus,
                "too many `<tu>` elements",
            ));
        }
        self.pinned = Some(start);
        self.xml.get_mut().commit(start);
        let result = self.read_tu_pinned(buf, empty, index);
        self.pinned = None;
        result
    }

    fn read_tu_pinned(
        &mut self,
        buf: &mut Vec<u8>,
        empty: bool,
        index: usize,
    ) -> Result<Option<TuRecord>, Fatal> {
        let start = self.cur.start;
        let (line, column) = self.locate(start);
        // The depth once `</tu>` is read.
        let outer = if empty {
            self.open.len()
        } else {
            self.open.len() - 1
        };
        let mut build = TuBuild {
            tu: Tu {
                attrs: self.take_attrs(),
                meta: Vec::new(),
                tuvs: Vec::new(),
            },
            ..TuBuild::default()
        };
        self.tuv_offsets.clear();
        let found = if empty {
            Some(Damage {
                offset: start,
                code: "tu-without-tuv",
                values: Vec::new(),
                message: "`<tu>` without any `<tuv>`; skipped".to_owned(),
            })
        } else {
            self.frames.clear();
            self.frames.push(Frame::Tu);
            self.build_tu(buf, &mut build)?
        };
        if let Some(found) = found {
            if self.fast.is_some() {
                // Damaged TUs are the quick-xml path's business.
                return Err(self.bail());
            }
            self.skip_to(buf, outer)?;
            let position = self.locate(found.offset);
            let tuid = build.tu.attr("tuid");
            self.problem(
                Severity::Error,
                found.code,
                position,
                Some(index),
                tuid,
                (found.values, found.message),
            );
            return Ok(None);
        }
        let end = self.next_offset();
        self.report_tu(&build, index, (line, column));
        let span = self.encoding.is_utf8().then(|| {
            let base = self.fragment_base.unwrap_or(self.bom_len);
            base + start..base + end
        });
        Ok(Some(TuRecord {
            tu: build.tu,
            index,
            line,
            column,
            span,
        }))
    }

    /// Reads the content of a TU up to `</tu>`; `Some(damage)` stops at the first damage.
    fn build_tu(&mut self, buf: &mut Vec<u8>, b: &mut TuBuild) -> Result<Option<Damage>, Fatal> {
        loop {
            let ev = self.step(buf)?;
            let at = self.cur.start;
            let Some(&top) = self.frames.last() else {
                return Ok(None);
            };
            match ev {
                Ev::Other => continue,
                Ev::Eof => return Err(self.unclosed_error()),
                Ev::Text { space } => {
                    match top {
                        Frame::Seg | Frame::Inline => {
                            self.space_text(ev, buf);
                            append_text(b.content(), &mut self.scratch);
                        }
                        Frame::Meta => {
                            self.space_text(ev, buf);
                            if let Some(meta) = b.meta.as_mut() {
                                if meta.value.is_empty() {
                                    std::mem::swap(&mut meta.value, &mut self.scratch);
                                } else {
                                    meta.value.push_str(&self.scratch);
                                }
                                if meta.value.len() > self.limits.max_text_len {
                                    let max = self.limits.max_text_len as u64;
                                    return Err(self.limit(
                                        at,
                                        "max_text_len",
                                        max,
                                        "text too long",
                                    ));
                                }
                            }
                        }
                        Frame::Tu | Frame::Tuv if space => {}
                        Frame::Tu | Frame::Tuv => {
                            let parent = if top == Frame::Tu { "tu" } else { "tuv" };
                            let message =
                                format!("text directly in `<{parent}>`; the TU is skipped");
                            return damage(
                                at,
                                "text-in-tu",
                                vec![value("parent", parent)],
                                message,
                            );
                        }
                    }
                    continue;
                }
                Ev::End => {
                    if let Some(found) = self.close(b, at) {
                        return Ok(Some(found));
                    }
                    if self.frames.is_empty() {
                        return Ok(None);
                    }
                    continue;
                }
                Ev::Start | Ev::Empty => {}
            }
            let name = self.cur.name();
            match (top, name) {
                (Frame::Tu | Frame::Tuv, Name::Prop | Name::Note) => {
                    let misplaced = if top == Frame::Tu {
                        !b.tu.tuvs.is_empty()
                    } else {
                        b.has_seg
                    };
                    if misplaced {
                        let message = "`<prop>`/`<note>` after the content it belongs before; kept"
                            .to_owned();
                        b.warnings.push((at, "misplaced-meta", vec![], message));
                    }
                    b.meta = Some(MetaBuild {
                        note: name == Name::Note,
                        attrs: self.take_attrs(),
                        value: String::new(),
                    });
                    self.frames.push(Frame::Meta);
                }
                (Frame::Tu, Name::Tuv) => {
                    if b.tu.tuvs.len() >= self.limits.max_tuvs {
                        let max = self.limits.max_tuvs as u64;
                        return Err(self.limit(
                            at,
                            "max_tuvs",
                            max,
                            "too many `<tuv>` in one `<tu>`",
                        ));
                    }
                    let attrs = self.take_attrs();
                    if attr_value(&attrs, "xml:lang")
                        .or_else(|| attr_value(&attrs, "lang"))
                        .is_none()
                    {
                        let message =
                            "`<tuv>` without `xml:lang` (or `lang`); the TU is skipped".to_owned();
                        return damage(at, "tuv-without-lang", vec![], message);
                    }
                    b.tuv = Some(Tuv {
                        attrs,
                        meta: Vec::new(),
                        seg: Seg::default(),
                    });
                    b.has_seg = false;
                    self.tuv_offsets.push((at, at));
                    self.frames.push(Frame::Tuv);
                }
                (Frame::Tuv, Name::Seg) => {
                    if b.has_seg {
                        let message =
                            "`<tuv>` with more than one `<seg>`; the TU is skipped".to_owned();
                        return damage(at, "tuv-two-segs", vec![], message);
                    }
                    let attrs = self.take_attrs();
                    let dropped = match b.tuv.as_mut() {
                        Some(tuv) => hoist_namespaces(attrs, &mut tuv.attrs),
                        None => attrs,
                    };
                    if !dropped.is_empty() {
                        let message = format!(
                            "attributes of `<seg>` are not kept ({}); its namespace declarations move to `<tuv>`",
                            attr_names(&dropped)
                        );
                        let values = vec![value("attributes", attr_names(&dropped))];
                        b.warnings.push((at, "seg-attrs", values, message));
                    }
                    if let Some(offsets) = self.tuv_offsets.last_mut() {
                        offsets.1 = at;
                    }
                    b.seg = Vec::new();
                    b.inline_count = 0;
                    self.frames.push(Frame::Seg);
                }
                (Frame::Seg | Frame::Inline, Name::Inline(code)) => {
                    self.open_inline(b, code.kind(), at)?;
                }
                (Frame::Seg | Frame::Inline, Name::Other) => {
                    let other = self.cur.other.clone();
                    let message = format!("`<{other}>` in `<seg>` is not TMX; kept as is");
                    let values = vec![value("element", &other), value("parent", "seg")];
                    b.warnings.push((at, "unknown-element", values, message));
                    self.open_inline(b, InlineKind::Other(other), at)?;
                }
                (Frame::Meta, _) => {
                    let message = format!(
                        "`<{}>` inside a prop or note; the TU is skipped",
                        self.cur.name_str()
                    );
                    let values = vec![value("element", self.cur.name_str()), value("place", "tu")];
                    return damage(at, "element-in-meta", values, message);
                }
                (Frame::Tu | Frame::Tuv, Name::Other) => {
                    let parent = if top == Frame::Tu { "tu" } else { "tuv" };
                    let message = format!(
                        "unknown element `<{}>` in `<{parent}>`; the TU is skipped so nothing is lost silently",
                        self.cur.other
                    );
                    let values = vec![value("element", &self.cur.other), value("parent", parent)];
                    return damage(at, "unknown-element", values, message);
                }
                (_, _) => {
                    let parent = match top {
                        Frame::Tu => "tu",
                        Frame::Tuv => "tuv",
                        _ => "seg",
                    };
                    let message = format!(
                        "`<{}>` cannot be in `<{parent}>`; the TU is skipped",
                        self.cur.name_str()
                    );
                    let values = vec![
                        value("element", self.cur.name_str()),
                        value("parent", parent),
                    ];
                    return damage(at, "misplaced-element", values, message);
                }
            }
            if ev == Ev::Empty
                && let Some(found) = self.close(b, at)
            {
                return Ok(Some(found));
            }
        }
    }

    fn open_inline(&mut self, b: &mut TuBuild, kind: InlineKind, at: u64) -> Result<(), Fatal> {
        b.inline_count += 1;
        if b.inline_count > self.limits.max_inline {
            let max = self.limits.max_inline as u64;
            let what = "too many inline elements in one `<seg>`";
            return Err(self.limit(at, "max_inline", max, what));
        }
        b.inline.push(InlineElement {
            kind,
            attrs: self.take_attrs(),
            content: Vec::new(),
        });
        self.frames.push(Frame::Inline);
        Ok(())
    }

    /// Closes the innermost frame (an end tag, or right after an empty-element tag).
    fn close(&mut self, b: &mut TuBuild, at: u64) -> Option<Damage> {
        match self.frames.pop()? {
            Frame::Tu => {
                if b.tu.tuvs.is_empty() {
                    return Some(Damage {
                        offset: at,
                        code: "tu-without-tuv",
                        values: Vec::new(),
                        message: "`<tu>` without any `<tuv>`; skipped".to_owned(),
                    });
                }
            }
            Frame::Tuv => {
                if !b.has_seg {
                    return Some(Damage {
                        offset: at,
                        code: "tuv-without-seg",
                        values: Vec::new(),
                        message: "`<tuv>` without `<seg>`; the TU is skipped".to_owned(),
                    });
                }
                if let Some(tuv) = b.tuv.take() {
                    b.tu.tuvs.push(tuv);
                }
            }
            Frame::Seg => {
                let seg = std::mem::take(&mut b.seg);
                if let Some(tuv) = b.tuv.as_mut() {
                    tuv.seg = Seg(seg);
                }
                b.has_seg = true;
            }
            Frame::Inline => {
                if let Some(element) = b.inline.pop() {
                    b.content().push(Inline::Element(element));
                }
            }
            Frame::Meta => {
                if let Some(meta) = b.meta.take() {
                    let meta = meta.finish();
                    match b.tuv.as_mut() {
                        Some(tuv) => tuv.meta.push(meta),
                        None => b.tu.meta.push(meta),
                    }
                }
            }
        }
        None
    }

    /// Turns warnings and check findings of a finished TU into problems.
    fn report_tu(&mut self, b: &TuBuild, index: usize, tu_position: (usize, usize)) {
        let tuid = b.tu.attr("tuid");
        let mut findings = std::mem::take(&mut self.findings);
        findings.clear();
        self.checker
            .check_tu(&b.tu, self.header.attr("srclang"), &mut findings);
        for (offset, code, values, message) in &b.warnings {
            let position = self.locate(*offset);
            self.problem(
                Severity::Warning,
                code,
                position,
                Some(index),
                tuid,
                (values.clone(), message.clone()),
            );
        }
        for finding in findings.drain(..) {
            let offset = match finding.target {
                Target::Tu => None,
                Target::Tuv(i) => self.tuv_offsets.get(i).map(|o| o.0),
                Target::Seg(i) => self.tuv_offsets.get(i).map(|o| o.1),
            };
            let position = offset.map_or(tu_position, |offset| self.locate(offset));
            self.problem(
                Severity::Warning,
                finding.code,
                position,
                Some(index),
                tuid,
                (finding.values, finding.message),
            );
        }
        self.findings = findings;
    }
}
