//! Writing a memory file whole: TMX 1.4b, every TU checked first, read back before it
//! replaces the file, atomically (see [`super::persist`]).

use std::path::Path;

use super::persist::{self, Fingerprint, ReadOnly};
use super::store::MemoryError;
use crate::tmx::{self, Attr, Header, TmxReader, TmxWriter, Tu};

/// Writes `tus` as a TMX 1.4b file at `path`, atomically (see [`persist::save_atomic`]):
/// every TU is checked first (none holding characters XML cannot carry, all listed if any),
/// and the written file must read back whole with every TU before it replaces `path`.
/// `loaded` is what `path` was when its content was read (`None`: it did not exist). A
/// read-only `path` is refused.
///
/// Whatever TMX version the TUs were read from, the output is TMX 1.4b (see [`write_tmx`]).
pub fn write_tmx_atomic(
    path: &Path,
    loaded: Option<&Fingerprint>,
    root_attrs: &[Attr],
    header: &Header,
    tus: &[Tu],
) -> Result<Fingerprint, MemoryError> {
    write_tmx_atomic_with(path, loaded, ReadOnly::Refuse, root_attrs, header, tus)
}

/// [`write_tmx_atomic`], replacing a read-only `path` if `read_only` allows it.
pub fn write_tmx_atomic_with(
    path: &Path,
    loaded: Option<&Fingerprint>,
    read_only: ReadOnly,
    root_attrs: &[Attr],
    header: &Header,
    tus: &[Tu],
) -> Result<Fingerprint, MemoryError> {
    check_tus_writable(path, tus)?;
    let fingerprint = persist::save_atomic_with(
        path,
        loaded,
        read_only,
        |out| write_tmx(out, root_attrs, header, tus),
        |written| verify_tmx(written, tus),
    )?;
    Ok(fingerprint)
}

/// Refuses `tus` if any holds characters XML cannot carry, naming them all; `path` is the
/// file they were to be written to.
pub fn check_tus_writable(path: &Path, tus: &[Tu]) -> Result<(), MemoryError> {
    let unwritable: Vec<String> = tus
        .iter()
        .enumerate()
        .filter(|(_, tu)| tmx::check_tu(tu).is_err())
        .map(|(i, tu)| tu_name(i, tu))
        .collect();
    if unwritable.is_empty() {
        Ok(())
    } else {
        Err(MemoryError::Unwritable {
            path: path.to_owned(),
            tus: unwritable.join(", "),
        })
    }
}

/// A TU's `tuid`, or `#n` (from 1) without one.
pub(super) fn tu_name(index: usize, tu: &Tu) -> String {
    tu.attr("tuid")
        .map_or_else(|| format!("#{}", index + 1), str::to_owned)
}

/// Writes `tus` as a TMX 1.4b document with `header` to `out`: `version="1.4"`, and the
/// deprecated `lang` becomes `xml:lang` ([`Tu::to_tmx14`]) whatever version the TUs were
/// read from. `root_attrs` (the namespace declarations of the `<tmx>` the TUs came from)
/// are written on `<tmx>`, so a prefixed attribute (`ex:id`) keeps its declaration.
pub fn write_tmx(
    out: &mut dyn std::io::Write,
    root_attrs: &[Attr],
    header: &Header,
    tus: &[Tu],
) -> std::io::Result<()> {
    let mut header = header.clone();
    header.to_tmx14();
    let prolog = tmx::Prolog {
        version: "1.4",
        doctype: None,
        attrs: root_attrs,
    };
    let mut writer =
        TmxWriter::with_prolog(out, &prolog, &header).map_err(std::io::Error::other)?;
    for tu in tus {
        // Only TUs read from TMX 1.1-1.2 need a copy.
        let result = if tu.needs_tmx14() {
            let mut upgraded = tu.clone();
            upgraded.to_tmx14();
            writer.write_tu(&upgraded)
        } else {
            writer.write_tu(tu)
        };
        result.map_err(std::io::Error::other)?;
    }
    writer.finish().map_err(std::io::Error::other)?;
    Ok(())
}

/// The saved file at `path` must read back whole, with every TU of `tus`. The reason
/// never names `path` (a temp file the user never sees): it names the TU that failed.
pub fn verify_tmx(path: &Path, tus: &[Tu]) -> Result<(), String> {
    let mut reader = TmxReader::open(path).map_err(|e| e.message())?;
    let mut count = 0usize;
    loop {
        match reader.next_tu() {
            Ok(Some(_)) => count += 1,
            Ok(None) => break,
            Err(e) => {
                return Err(match tus.get(count) {
                    Some(tu) => format!("TU `{}`: {}", tu_name(count, tu), e.message()),
                    None => e.message(),
                });
            }
        }
    }
    if let Some(problem) = reader
        .problems()
        .iter()
        .find(|p| p.severity == tmx::Severity::Error)
    {
        return Err(problem.message.clone());
    }
    if count != tus.len() {
        return Err(format!("{count} TUs read back, {} written", tus.len()));
    }
    Ok(())
}
