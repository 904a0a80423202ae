//! Bytes in, UTF-8 out: encoding detection and a windowed, decoding `BufRead` that the XML
//! parser reads from.
//!
//! The window keeps the bytes of the current TU (or, outside TUs, of the current event)
//! while the parser works through them, so the reader can turn any offset inside into a
//! line and column when it needs to, without counting positions on every event. Offsets
//! are in the decoded UTF-8 stream, BOM excluded; for UTF-8 files that is the file offset
//! minus the BOM length.

use std::fmt;
use std::io::{self, BufRead, Read};

use encoding_rs::{Decoder, DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::error::{ErrorKind, ProblemValues, value};
use crate::text::position::LineColumn;

/// How much is read from the file at a time.
const CHUNK: usize = 256 * 1024;

/// How many bytes at most are looked at for the byte order mark and XML declaration.
const PREFIX: usize = 64 * 1024;

/// The encoding a file was read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceEncoding {
    encoding: &'static Encoding,
    bom: bool,
    declared: Option<String>,
}

impl SourceEncoding {
    /// The encoding's name (`UTF-8`, `UTF-16LE`, `windows-1252`).
    pub fn name(&self) -> &'static str {
        self.encoding.name()
    }

    /// Whether the file starts with a byte order mark.
    pub fn has_bom(&self) -> bool {
        self.bom
    }

    /// The encoding named in the XML declaration, as written.
    pub fn declared(&self) -> Option<&str> {
        self.declared.as_deref()
    }

    /// Whether the file was read as UTF-8 (decoded offsets are file offsets).
    pub fn is_utf8(&self) -> bool {
        self.encoding == UTF_8
    }

    /// The encoding_rs encoding used.
    pub fn encoding(&self) -> &'static Encoding {
        self.encoding
    }
}

impl fmt::Display for SourceEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())?;
        if self.bom {
            f.write_str(" (BOM)")?;
        }
        Ok(())
    }
}

/// What [`detect`] found.
#[derive(Debug)]
pub(crate) struct Detected {
    pub encoding: SourceEncoding,
    pub bom_len: usize,
    /// (problem code, its values, message) to report as warnings.
    pub warnings: Vec<(&'static str, ProblemValues, String)>,
}

/// Labels of ASCII, read as UTF-8 (a strict superset) rather than through WHATWG's
/// mapping to windows-1252.
fn is_ascii_label(label: &str) -> bool {
    matches!(
        label.to_ascii_lowercase().as_str(),
        "us-ascii" | "ascii" | "iso646-us" | "ansi_x3.4-1968" | "us" | "cp367" | "ibm367"
    )
}

fn is_utf16_label(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    lower.starts_with("utf-16")
        || lower.starts_with("utf16")
        || lower == "ucs-2"
        || lower == "iso-10646-ucs-2"
        || lower == "unicode"
}

fn is_utf32_label(label: &str) -> bool {
    let lower = label.to_ascii_lowercase();
    lower.starts_with("utf-32") || lower.starts_with("utf32") || lower.starts_with("ucs-4")
}

fn is_utf8_label(label: &str) -> bool {
    Encoding::for_label(label.as_bytes()) == Some(UTF_8) || is_ascii_label(label)
}

/// The `encoding` pseudo-attribute of an XML declaration at the start of `text`.
fn declared_encoding(text: &str) -> Option<String> {
    let rest = text.strip_prefix("<?xml")?;
    if !rest.starts_with(|c: char| c.is_ascii_whitespace()) {
        return None;
    }
    let decl = &rest[..rest.find("?>")?];
    let at = decl.find("encoding")?;
    let after = decl[at + "encoding".len()..].trim_start();
    let after = after.strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|&q| q == '"' || q == '\'')?;
    let value = &after[1..];
    Some(value[..value.find(quote)?].to_owned())
}

/// Picks the encoding from the first bytes of a file (`at_eof`: they are the whole file):
/// a byte order mark first, then the `<?xml` byte pattern of UTF-16 without BOM, then the
/// declaration. A declaration that contradicts the BOM or the bytes gives a warning and
/// the bytes win.
pub(crate) fn detect(prefix: &[u8], at_eof: bool) -> Result<Detected, ErrorKind> {
    if prefix.is_empty() {
        return Err(ErrorKind::Empty);
    }
    let starts = |pattern: &[u8]| prefix.starts_with(pattern);
    if starts(&[0x00, 0x00, 0xFE, 0xFF])
        || starts(&[0xFF, 0xFE, 0x00, 0x00])
        || starts(&[0x3C, 0x00, 0x00, 0x00])
        || starts(&[0x00, 0x00, 0x00, 0x3C])
    {
        return Err(ErrorKind::Utf32);
    }
    if starts(&[0x1F, 0x8B]) {
        return Err(ErrorKind::Gzip);
    }
    if starts(b"PK\x03\x04") {
        return Err(ErrorKind::Zip);
    }
    let (encoding, bom_len) = if starts(&[0xEF, 0xBB, 0xBF]) {
        (UTF_8, 3)
    } else if starts(&[0xFF, 0xFE]) {
        (UTF_16LE, 2)
    } else if starts(&[0xFE, 0xFF]) {
        (UTF_16BE, 2)
    } else if prefix.len() >= 4 && prefix[0] == 0x3C && prefix[1] == 0 && prefix[3] == 0 {
        (UTF_16LE, 0)
    } else if prefix.len() >= 4 && prefix[0] == 0 && prefix[1] == 0x3C && prefix[2] == 0 {
        (UTF_16BE, 0)
    } else {
        (UTF_8, 0)
    };
    if bom_len > 0 && bom_len == prefix.len() && at_eof {
        return Err(ErrorKind::OnlyBom);
    }
    let body = &prefix[bom_len..];
    let mut warnings = Vec::new();
    if encoding != UTF_8 || bom_len > 0 {
        // Fixed by the BOM or byte pattern: the declaration can only disagree.
        let (text, _) = encoding.decode_without_bom_handling(body);
        let declared = declared_encoding(&text);
        if let Some(label) = &declared {
            let agrees = if encoding == UTF_8 {
                is_utf8_label(label)
            } else {
                is_utf16_label(label)
            };
            if !agrees {
                let evidence = if bom_len > 0 {
                    "byte order mark"
                } else {
                    "byte pattern"
                };
                warnings.push((
                    "encoding-mismatch",
                    vec![
                        value("declared", label),
                        value("evidence", if bom_len > 0 { "bom" } else { "pattern" }),
                        value("encoding", encoding.name()),
                    ],
                    format!(
                        "the XML declaration says `{label}` but the {evidence} says {}; read as {}",
                        encoding.name(),
                        encoding.name()
                    ),
                ));
            }
        }
        return Ok(Detected {
            encoding: SourceEncoding {
                encoding,
                bom: bom_len > 0,
                declared,
            },
            bom_len,
            warnings,
        });
    }
    // ASCII-compatible so far: the declaration decides. It is ASCII, so reading the
    // prefix lossily as UTF-8 finds it whatever the encoding.
    let text = String::from_utf8_lossy(body);
    let declared = declared_encoding(&text);
    let chosen = match &declared {
        None => UTF_8,
        Some(label) if is_ascii_label(label) => UTF_8,
        Some(label) if is_utf16_label(label) || is_utf32_label(label) => {
            warnings.push((
                "encoding-mismatch",
                vec![
                    value("declared", label),
                    value("evidence", "eight-bit"),
                    value("encoding", UTF_8.name()),
                ],
                format!(
                    "the XML declaration says `{label}` but the bytes are 8-bit; read as UTF-8"
                ),
            ));
            UTF_8
        }
        Some(label) => match Encoding::for_label(label.as_bytes()) {
            Some(found) if found.name() == "replacement" => {
                return Err(ErrorKind::UnsupportedEncoding(label.clone()));
            }
            Some(found) => {
                let lower = label.to_ascii_lowercase();
                if found == WINDOWS_1252
                    && !matches!(lower.as_str(), "windows-1252" | "cp1252" | "x-cp1252")
                {
                    warnings.push((
                        "latin1-as-windows-1252",
                        vec![value("declared", label)],
                        format!(
                            "`{label}` is decoded as windows-1252 (bytes 0x80 to 0x9F become `€`, `‚`... rather than C1 controls)"
                        ),
                    ));
                }
                found
            }
            None => return Err(ErrorKind::UnsupportedEncoding(label.clone())),
        },
    };
    Ok(Detected {
        encoding: SourceEncoding {
            encoding: chosen,
            bom: false,
            declared,
        },
        bom_len: 0,
        warnings,
    })
}

/// Reads up to [`PREFIX`] bytes (less at the end of the file), enough for the BOM and the
/// XML declaration; stops early once `?>` was seen. Returns the bytes and whether the
/// file ended.
pub(crate) fn read_prefix<R: Read>(inner: &mut R) -> io::Result<(Vec<u8>, bool)> {
    let mut prefix = vec![0; 4096];
    let mut filled = 0;
    loop {
        if filled == prefix.len() {
            let seen_end = prefix
                .windows(2)
                .any(|w| w == b"?>" || w == b"?\0" || w == b"\0?");
            if seen_end || prefix.len() >= PREFIX {
                prefix.truncate(filled);
                return Ok((prefix, false));
            }
            prefix.resize(prefix.len() * 2, 0);
        }
        match inner.read(&mut prefix[filled..]) {
            Ok(0) => {
                prefix.truncate(filled);
                return Ok((prefix, true));
            }
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
}

/// A fatal problem found while reading or decoding, at a decoded offset.
#[derive(Debug)]
pub(crate) struct SourceFault {
    pub offset: u64,
    pub kind: ErrorKind,
}

/// Line and column at a decoded offset.
#[derive(Debug, Clone, Copy)]
struct Tracker {
    offset: u64,
    position: LineColumn,
}

/// Counts lines and characters over `bytes`, UTF-8.
fn advance(tracker: Tracker, bytes: &[u8]) -> Tracker {
    Tracker {
        offset: tracker.offset + bytes.len() as u64,
        position: tracker.position.advance(bytes),
    }
}

/// The windowed, decoding source. See the module documentation.
pub(crate) struct Source<R> {
    inner: R,
    /// `None`: the input is UTF-8 and is passed through (the parser validates it).
    decoder: Option<Decoder>,
    encoding_name: &'static str,
    /// Undecoded input (decoder path): `raw[raw_pos..]` is pending.
    raw: Vec<u8>,
    raw_pos: usize,
    /// File offset of `raw[0]`.
    raw_file_offset: u64,
    /// The window: decoded bytes `buf[..filled]`, `buf[pos..filled]` not yet consumed.
    buf: Vec<u8>,
    filled: usize,
    pos: usize,
    /// Decoded offset of `buf[0]`.
    base: u64,
    /// Bytes from this decoded offset on are kept in the window.
    pub keep: u64,
    inner_eof: bool,
    done: bool,
    fault: Option<SourceFault>,
    /// Bytes read from `inner` so far, prefix and BOM included.
    read_total: u64,
    tracker: Tracker,
    max_file_bytes: u64,
    max_element_bytes: u64,
}

impl<R: Read> Source<R> {
    /// `prefix` is what [`read_prefix`] read; `inner` continues after it.
    pub(crate) fn new(
        inner: R,
        prefix: Vec<u8>,
        prefix_at_eof: bool,
        detected: &Detected,
        max_file_bytes: u64,
        max_element_bytes: u64,
    ) -> Source<R> {
        let encoding = detected.encoding.encoding;
        let read_total = prefix.len() as u64;
        let bom_len = detected.bom_len.min(prefix.len());
        let mut source = Source {
            inner,
            decoder: None,
            encoding_name: encoding.name(),
            raw: Vec::new(),
            raw_pos: 0,
            raw_file_offset: bom_len as u64,
            buf: Vec::new(),
            filled: 0,
            pos: 0,
            base: 0,
            keep: 0,
            inner_eof: prefix_at_eof,
            done: false,
            fault: None,
            read_total,
            tracker: Tracker {
                offset: 0,
                position: LineColumn::START,
            },
            max_file_bytes,
            max_element_bytes,
        };
        let mut body = prefix;
        body.drain(..bom_len);
        if encoding == UTF_8 {
            source.filled = body.len();
            source.buf = body;
            source.done = prefix_at_eof;
        } else {
            source.decoder = Some(encoding.new_decoder_without_bom_handling());
            source.raw = body;
        }
        if read_total > max_file_bytes {
            source.set_file_limit_fault();
        }
        source
    }

    fn set_file_limit_fault(&mut self) {
        self.fault = Some(SourceFault {
            offset: self.base + self.filled as u64,
            kind: ErrorKind::Limit {
                limit: "max_file_bytes",
                max: self.max_file_bytes,
                what: "the file is too large",
            },
        });
    }

    /// Decoded bytes consumed so far: the offset of the next byte the parser will see.
    pub(crate) fn offset(&self) -> u64 {
        self.base + self.pos as u64
    }

    /// The pending fault, if the parser stopped on one.
    pub(crate) fn take_fault(&mut self) -> Option<SourceFault> {
        self.fault.take()
    }

    /// The window bytes from decoded offset `start` to `end`, if still held.
    pub(crate) fn slice(&self, start: u64, end: u64) -> Option<&[u8]> {
        let from = usize::try_from(start.checked_sub(self.base)?).ok()?;
        let to = usize::try_from(end.checked_sub(self.base)?).ok()?;
        self.buf.get(from..to.min(self.filled))
    }

    /// The window bytes from decoded offset `offset` to the end of what was read.
    pub(crate) fn available_from(&self, offset: u64) -> &[u8] {
        let from = offset.saturating_sub(self.base);
        usize::try_from(from)
            .ok()
            .and_then(|from| self.buf.get(from..self.filled))
            .unwrap_or(&[])
    }

    /// Reads more input into the window without consuming any (bytes from `keep` on
    /// stay). `false`: nothing more (end of file, or a fault the parser will report when
    /// it gets there).
    pub(crate) fn more(&mut self) -> bool {
        if self.fault.is_some() || self.done {
            return false;
        }
        let end = self.base + self.filled as u64;
        if let Err(error) = self.refill() {
            self.fault = Some(SourceFault {
                offset: end,
                kind: ErrorKind::Io(error),
            });
            return false;
        }
        self.base + self.filled as u64 > end
    }

    /// Consumes the window up to decoded offset `offset` (bytes read without the parser).
    pub(crate) fn consume_to(&mut self, offset: u64) {
        let to = offset.saturating_sub(self.base);
        self.pos = usize::try_from(to).map_or(self.filled, |to| to.min(self.filled));
    }

    /// Moves the line counter forward to `offset` (never backwards).
    pub(crate) fn commit(&mut self, offset: u64) {
        let end = self.base + self.filled as u64;
        let offset = offset.min(end);
        if offset <= self.tracker.offset {
            return;
        }
        let from = (self.tracker.offset.saturating_sub(self.base)) as usize;
        let to = (offset - self.base) as usize;
        if let Some(bytes) = self.buf.get(from..to) {
            self.tracker = advance(self.tracker, bytes);
        }
    }

    /// 1-based line and column (characters) of a decoded offset at or after the last
    /// committed one and still in the window; others are clamped into that range.
    pub(crate) fn locate(&self, offset: u64) -> (usize, usize) {
        let end = self.base + self.filled as u64;
        let offset = offset.clamp(self.tracker.offset, end.max(self.tracker.offset));
        let from = (self.tracker.offset.saturating_sub(self.base)) as usize;
        let to = (offset.saturating_sub(self.base)) as usize;
        let tracker = match self.buf.get(from..to) {
            Some(bytes) => advance(self.tracker, bytes),
            None => self.tracker,
        };
        (tracker.position.line, tracker.position.column)
    }

    /// Reads more input into the window, dropping what is no longer needed first.
    fn refill(&mut self) -> io::Result<()> {
        let drop_to = self.keep.min(self.offset());
        self.commit(drop_to);
        let drop = (drop_to.saturating_sub(self.base) as usize).min(self.pos);
        if drop > 0 {
            self.buf.copy_within(drop..self.filled, 0);
            self.filled -= drop;
            self.pos -= drop;
            self.base += drop as u64;
        }
        if self.filled as u64 > self.max_element_bytes {
            self.fault = Some(SourceFault {
                offset: self.base + self.filled as u64,
                kind: ErrorKind::Limit {
                    limit: "max_element_bytes",
                    max: self.max_element_bytes,
                    what: "one `<tu>` element (or one piece of markup or text outside TUs) is too large",
                },
            });
            return Ok(());
        }
        if self.buf.len() < self.filled + CHUNK {
            self.buf.resize(self.filled + CHUNK, 0);
        }
        match self.decoder.is_some() {
            false => self.read_utf8(),
            true => self.decode_more(),
        }
    }

    fn read_inner(&mut self, into: &mut [u8]) -> io::Result<usize> {
        loop {
            match self.inner.read(into) {
                Ok(n) => {
                    self.read_total += n as u64;
                    if self.read_total > self.max_file_bytes {
                        self.set_file_limit_fault();
                    }
                    return Ok(n);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    fn read_utf8(&mut self) -> io::Result<()> {
        if self.inner_eof {
            self.done = true;
            return Ok(());
        }
        let mut buf = std::mem::take(&mut self.buf);
        let result = self.read_inner(&mut buf[self.filled..]);
        self.buf = buf;
        let n = result?;
        if n == 0 {
            self.inner_eof = true;
            self.done = true;
        }
        self.filled += n;
        Ok(())
    }

    fn decode_more(&mut self) -> io::Result<()> {
        loop {
            if self.raw_pos == self.raw.len() && !self.inner_eof {
                self.raw_file_offset += self.raw.len() as u64;
                self.raw.clear();
                self.raw_pos = 0;
                let mut raw = std::mem::take(&mut self.raw);
                raw.resize(CHUNK, 0);
                let result = self.read_inner(&mut raw);
                self.raw = raw;
                let n = result?;
                self.raw.truncate(n);
                if n == 0 {
                    self.inner_eof = true;
                }
                if self.fault.is_some() {
                    return Ok(());
                }
            }
            let Some(decoder) = self.decoder.as_mut() else {
                return Ok(());
            };
            let last = self.inner_eof;
            let (result, read, written) = decoder.decode_to_utf8_without_replacement(
                &self.raw[self.raw_pos..],
                &mut self.buf[self.filled..],
                last,
            );
            self.raw_pos += read;
            self.filled += written;
            match result {
                DecoderResult::InputEmpty => {
                    if last {
                        self.done = true;
                        return Ok(());
                    }
                    if written > 0 {
                        return Ok(());
                    }
                }
                DecoderResult::OutputFull => {
                    if written > 0 {
                        return Ok(());
                    }
                    let len = self.buf.len();
                    self.buf.resize(len + CHUNK, 0);
                }
                DecoderResult::Malformed(bad, extra) => {
                    let at_end = last && self.raw_pos == self.raw.len();
                    let byte = self.raw_file_offset + self.raw_pos as u64
                        - u64::from(bad)
                        - u64::from(extra);
                    let kind = if at_end && extra == 0 {
                        ErrorKind::TruncatedData {
                            encoding: self.encoding_name,
                        }
                    } else {
                        ErrorKind::InvalidData {
                            encoding: self.encoding_name,
                            byte,
                        }
                    };
                    self.fault = Some(SourceFault {
                        offset: self.base + self.filled as u64,
                        kind,
                    });
                    return Ok(());
                }
            }
        }
    }
}

/// The message of the I/O error the source returns to the parser when it stops on a
/// fault; the reader then takes the fault itself with [`Source::take_fault`].
const FAULT_MARKER: &str = "songngu tmx source fault";

impl<R: Read> Read for Source<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Source<R> {
    #[inline]
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.pos >= self.filled {
            if self.fault.is_some() {
                return Err(io::Error::other(FAULT_MARKER));
            }
            if self.done {
                break;
            }
            self.refill()?;
        }
        Ok(self.buf.get(self.pos..self.filled).unwrap_or(&[]))
    }

    #[inline]
    fn consume(&mut self, amount: usize) {
        self.pos = (self.pos + amount).min(self.filled);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, bom: bool) -> Vec<u8> {
        let mut bytes = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        for unit in text.encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        bytes
    }

    fn drain(bytes: &[u8]) -> Result<Vec<u8>, ErrorKind> {
        let mut input = bytes;
        let (prefix, eof) = read_prefix(&mut input).unwrap();
        let detected = detect(&prefix, eof)?;
        let mut source = Source::new(input, prefix, eof, &detected, u64::MAX, u64::MAX);
        let mut out = Vec::new();
        loop {
            source.keep = source.offset();
            match source.fill_buf() {
                Ok([]) => return Ok(out),
                Ok(chunk) => {
                    let n = chunk.len().min(1000);
                    out.extend_from_slice(&chunk[..n]);
                    source.consume(n);
                }
                Err(_) => {
                    return Err(source
                        .take_fault()
                        .map(|f| f.kind)
                        .unwrap_or(ErrorKind::Empty));
                }
            }
        }
    }

    #[test]
    fn detection() {
        assert!(matches!(detect(b"", true), Err(ErrorKind::Empty)));
        assert!(matches!(
            detect(&[0xEF, 0xBB, 0xBF], true),
            Err(ErrorKind::OnlyBom)
        ));
        assert!(matches!(
            detect(&[0xFF, 0xFE, 0, 0, 0x3C, 0, 0, 0], true),
            Err(ErrorKind::Utf32)
        ));
        assert!(matches!(
            detect(&[0x1F, 0x8B, 8, 0], true),
            Err(ErrorKind::Gzip)
        ));
        let d = detect(&utf16le("<?xml version=\"1.0\"?><tmx/>", false), true).unwrap();
        assert_eq!(d.encoding.name(), "UTF-16LE");
        assert!(!d.encoding.has_bom());
        let d = detect(b"<?xml version='1.0' encoding='ISO-8859-1'?><tmx/>", true).unwrap();
        assert_eq!(d.encoding.name(), "windows-1252");
        assert_eq!(d.warnings[0].0, "latin1-as-windows-1252");
        let d = detect(b"<?xml version='1.0' encoding='utf-16'?><tmx/>", true).unwrap();
        assert_eq!(d.encoding.name(), "UTF-8");
        assert_eq!(d.warnings[0].0, "encoding-mismatch");
        let d = detect(b"<?xml version='1.0' encoding='us-ascii'?><tmx/>", true).unwrap();
        assert_eq!(d.encoding.name(), "UTF-8");
        assert!(d.warnings.is_empty());
        assert!(matches!(
            detect(b"<?xml version='1.0' encoding='klingon'?>", true),
            Err(ErrorKind::UnsupportedEncoding(_))
        ));
    }

    #[test]
    fn decoding_across_chunks() {
        let text: String = "Tiếng Việt 𝐀 ".repeat(100_000);
        let bytes = utf16le(&text, true);
        assert_eq!(drain(&bytes).unwrap(), text.as_bytes());
        let mut odd = bytes.clone();
        odd.push(0x41);
        assert!(matches!(drain(&odd), Err(ErrorKind::TruncatedData { .. })));
        let mut lone = utf16le("ab", true);
        lone.extend_from_slice(&0xD800u16.to_le_bytes());
        lone.extend_from_slice(&utf16le("cd", false));
        assert!(matches!(
            drain(&lone),
            Err(ErrorKind::InvalidData { byte: 6, .. })
        ));
    }

    #[test]
    fn positions() {
        let mut input: &[u8] = b"ab\ncd\xC3\xA9f\n\ngh";
        let (prefix, eof) = read_prefix(&mut input).unwrap();
        let detected = detect(&prefix, eof).unwrap();
        let mut source = Source::new(input, prefix, eof, &detected, u64::MAX, u64::MAX);
        source.fill_buf().unwrap();
        assert_eq!(source.locate(0), (1, 1));
        assert_eq!(source.locate(2), (1, 3));
        assert_eq!(source.locate(3), (2, 1));
        assert_eq!(source.locate(7), (2, 4));
        source.commit(7);
        assert_eq!(source.locate(10), (4, 1));
        assert_eq!(source.locate(11), (4, 2));
        // Before the committed offset: clamped, never a panic.
        assert_eq!(source.locate(1), (2, 4));
    }
}
