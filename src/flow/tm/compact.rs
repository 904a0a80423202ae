//! `tm compact`: a memory file's journal of changes written into its TMX.

use std::path::PathBuf;

use super::{Languages, lock_wait};
use crate::flow::{FlowError, open_for_update_in};
use crate::fsio::ReadOnly;

/// Compact the memory file `tm`.
#[derive(Debug, Clone)]
pub struct CompactRequest {
    pub tm: PathBuf,
    /// Wait for another writer's lock (up to [`crate::flow::LOCK_WAIT`]) instead of
    /// failing at once.
    pub wait: bool,
    pub read_only: ReadOnly,
}

/// What [`compact`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Compacted {
    /// The file has no journal: nothing to write.
    NoJournal,
    /// The journal's `changes` are in the TMX now, and the journal is gone.
    Written { journal: PathBuf, changes: usize },
}

/// Writes the journal's changes into the TMX. A memory with damaged TUs is refused: its
/// save would drop them.
pub fn compact(request: &CompactRequest) -> Result<Compacted, FlowError> {
    // Opening to update makes a missing memory: compacting one is a mistake.
    if let Err(source) = std::fs::metadata(&request.tm) {
        let path = request.tm.clone();
        return Err(FlowError::ReadMemoryFile { path, source });
    }
    // The languages only steer lookups: any pair compacts the same bytes.
    let mut memory = open_for_update_in(
        &request.tm,
        Languages::default().pair(),
        lock_wait(request.wait),
        request.read_only,
    )?;
    let Some((_, journal, changes)) = memory.journals().into_iter().next() else {
        return Ok(Compacted::NoJournal);
    };
    memory.compact()?;
    Ok(Compacted::Written { journal, changes })
}
