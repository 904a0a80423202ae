//! Building the reader's errors and problems: fatal errors with their line and column,
//! warnings, and the damage that makes a TU skipped.

use std::io::{self, Read};

use super::events::Name;
use super::{Fatal, TmxReader};
use crate::tmx::error::{ErrorKind, Problem, ProblemValues, Severity, TmxError};

/// A reason to skip the TU being read.
#[derive(Debug)]
pub(super) struct Damage {
    pub(super) offset: u64,
    pub(super) code: &'static str,
    pub(super) values: ProblemValues,
    pub(super) message: String,
}

pub(super) fn damage(
    offset: u64,
    code: &'static str,
    values: ProblemValues,
    message: String,
) -> Result<Option<Damage>, Fatal> {
    Ok(Some(Damage {
        offset,
        code,
        values,
        message,
    }))
}

impl<R: Read> TmxReader<R> {
    pub(super) fn error_at(&self, offset: u64, kind: ErrorKind) -> Fatal {
        if let Some(base) = self.fragment_base {
            return Box::new(TmxError {
                path: self.path.clone(),
                line: 0,
                column: 0,
                offset: Some(base + offset),
                kind,
            });
        }
        let (line, column) = self.locate(offset);
        Box::new(TmxError {
            path: self.path.clone(),
            line,
            column,
            offset: self.encoding.is_utf8().then_some(offset + self.bom_len),
            kind,
        })
    }

    pub(super) fn locate(&self, offset: u64) -> (usize, usize) {
        self.xml.get_ref().locate(offset)
    }

    pub(super) fn problem(
        &mut self,
        severity: Severity,
        code: &'static str,
        (line, column): (usize, usize),
        tu_index: Option<usize>,
        tuid: Option<&str>,
        (values, message): (ProblemValues, String),
    ) {
        self.problems.push(Problem {
            severity,
            code,
            line,
            column,
            tu_index,
            tuid: tuid.map(str::to_owned),
            message,
            values,
        });
    }

    /// A warning outside TUs, at the element that started at `start`.
    pub(super) fn warn(
        &mut self,
        start: u64,
        code: &'static str,
        values: ProblemValues,
        message: String,
    ) {
        let position = self.locate(start);
        let text = (values, message);
        self.problem(Severity::Warning, code, position, None, None, text);
    }

    /// An error outside TUs (something was skipped), at `start`.
    pub(super) fn structure_problem(
        &mut self,
        start: u64,
        code: &'static str,
        values: ProblemValues,
        message: String,
    ) {
        let position = self.locate(start);
        let text = (values, message);
        self.problem(Severity::Error, code, position, None, None, text);
    }

    pub(super) fn limit(
        &self,
        offset: u64,
        limit: &'static str,
        max: u64,
        what: &'static str,
    ) -> Fatal {
        self.error_at(offset, ErrorKind::Limit { limit, max, what })
    }

    /// Maps a quick-xml error of the event that started at `start`.
    pub(super) fn parse_error(&mut self, error: quick_xml::Error, start: u64) -> Fatal {
        use quick_xml::Error as E;
        match error {
            E::Io(io_error) => match self.xml.get_mut().take_fault() {
                Some(fault) => self.error_at(fault.offset, fault.kind),
                None => {
                    let offset = self.xml.get_ref().offset();
                    let error = io::Error::new(io_error.kind(), io_error.to_string());
                    self.error_at(offset, ErrorKind::Io(error))
                }
            },
            E::Encoding(quick_xml::encoding::EncodingError::Utf8(utf8)) => {
                // quick-xml validates each event from its first byte.
                let offset = start + utf8.valid_up_to() as u64;
                self.error_at(
                    offset,
                    ErrorKind::InvalidUtf8 {
                        byte: offset + self.bom_len,
                    },
                )
            }
            other => {
                // quick-xml's offsets may differ from ours by a BOM it removed itself.
                let ours = i128::from(self.xml.get_ref().offset());
                let theirs = i128::from(self.xml.buffer_position());
                let at = i128::from(self.xml.error_position()) + ours - theirs;
                let offset = u64::try_from(at).unwrap_or(0);
                let message = match other {
                    E::Syntax(e) => e.to_string(),
                    E::IllFormed(e) => e.to_string(),
                    e => e.to_string(),
                };
                self.error_at(offset, ErrorKind::Syntax(message))
            }
        }
    }

    pub(super) fn unclosed_error(&self) -> Fatal {
        let mut others = self.open_other.iter().rev();
        let names: Vec<String> = self
            .open
            .iter()
            .rev()
            .map(|name| {
                let other = match name {
                    Name::Other => others.next().map_or("?", String::as_str),
                    _ => "",
                };
                format!("`<{}>`", name.as_str(other))
            })
            .collect();
        let offset = self.xml.get_ref().offset();
        self.error_at(offset, ErrorKind::UnclosedAtEof(names.join(", ")))
    }

    pub(super) fn depth_error(&self, start: u64) -> Fatal {
        self.limit(
            start,
            "max_depth",
            self.limits.max_depth as u64,
            "elements nested too deeply",
        )
    }
}
