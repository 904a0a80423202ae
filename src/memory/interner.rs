//! The keys and the string table of the lookup indexes.

use super::cache::IndexBytes;
use crate::text::normalize::fold;
use crate::text::tokens::TokenKind;

/// The fold class key of a token, as the indexes group tokens: punctuation and words
/// never share a class, so that tokens of one class always weigh the same in fuzzy scoring.
pub(crate) fn fold_key(text: &str, kind: TokenKind) -> String {
    let folded = fold(text);
    match kind {
        TokenKind::Word => folded,
        // No word starts with U+0000 (words start with a letter or a digit).
        TokenKind::Punct => format!("\u{0}{folded}"),
    }
}

/// A compact string table: every distinct string gets a dense `u32` id, in the order of
/// first insertion.
///
/// The strings live in one byte arena with one end offset each, and the hash table holds
/// bare ids (open addressing, linear probing, at most half full), so a string costs its
/// bytes plus about 12 bytes, against 50 or more for a `HashMap<String, u32>`. The hash is
/// not keyed: a hostile input can only make interning slower, never wrong.
#[derive(Debug, Clone, Default)]
pub(crate) struct Interner {
    bytes: Vec<u8>,
    /// `ends[id]` is the end of string `id` in `bytes`; it starts where `id - 1` ends.
    ends: Vec<u32>,
    /// `EMPTY` or an id; the length is zero or a power of two.
    table: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;

impl Interner {
    /// At most 2^31 strings, so that callers can use the top bit of an id as a flag.
    pub(crate) const MAX_IDS: u32 = 1 << 31;

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn get_str(&self, id: u32) -> Option<&str> {
        self.as_ref().get_str(id)
    }

    fn bytes_of(&self, id: u32) -> &[u8] {
        self.as_ref().bytes_of(id)
    }

    /// The id of `s`, if it was interned.
    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        self.as_ref().get(s)
    }

    /// The table as borrowed arrays, as a persisted index stores it.
    pub(crate) fn as_ref(&self) -> InternerRef<'_> {
        InternerRef {
            bytes: &self.bytes,
            ends: &self.ends,
            table: &self.table,
        }
    }

    /// The id of `s`, interning it if new. `None` only when the table is full: 2^31
    /// strings or 4 GiB of text, tens of gigabytes of memory in practice.
    pub(crate) fn intern(&mut self, s: &str) -> Option<u32> {
        if let Some(id) = self.get(s) {
            return Some(id);
        }
        let id = u32::try_from(self.ends.len())
            .ok()
            .filter(|&id| id < Self::MAX_IDS)?;
        let end = u32::try_from(self.bytes.len() + s.len()).ok()?;
        if (self.ends.len() + 1) * 2 > self.table.len() {
            self.grow();
        }
        self.bytes.extend_from_slice(s.as_bytes());
        self.ends.push(end);
        self.place(id);
        Some(id)
    }

    fn place(&mut self, id: u32) {
        let mask = self.table.len() - 1;
        let mut slot = hash(self.bytes_of(id)) as usize & mask;
        while self.table[slot] != EMPTY {
            slot = (slot + 1) & mask;
        }
        self.table[slot] = id;
    }

    fn grow(&mut self) {
        let size = (self.table.len() * 2).max(64);
        self.table = vec![EMPTY; size];
        for id in 0..self.ends.len() as u32 {
            self.place(id);
        }
    }

    /// Heap bytes held (capacities, not lengths).
    pub(crate) fn memory_usage(&self) -> usize {
        self.bytes.capacity() + self.ends.capacity() * 4 + self.table.capacity() * 4
    }

    pub(crate) fn shrink_to_fit(&mut self) {
        self.bytes.shrink_to_fit();
        self.ends.shrink_to_fit();
    }

    /// Writes the bytes, the ends and the table as three sections.
    pub(crate) fn write_sections(&self, out: &mut super::cache::ImageWriter) {
        out.put(&self.bytes);
        out.put(&self.ends);
        out.put(&self.table);
    }

    /// The bytes [`Self::write_sections`] writes.
    pub(crate) fn written_size(&self) -> usize {
        self.bytes.len() + self.ends.len() * 4 + self.table.len() * 4 + 24
    }
}

/// An [`Interner`]'s arrays, borrowed: from the interner itself or from a persisted index
/// (see [`super::segment`]), where they are looked up as they lie, without a rebuild.
#[derive(Debug, Clone, Copy)]
pub(crate) struct InternerRef<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) ends: &'a [u32],
    pub(crate) table: &'a [u32],
}

impl<'a> InternerRef<'a> {
    /// The arrays as an interner, if they are one: ends ascending within `bytes`, a table
    /// whose size is zero or a power of two, with a free slot, and only known ids in it.
    /// Checked once so that no lookup can panic or loop on a damaged index.
    pub(crate) fn new(bytes: &'a [u8], ends: &'a [u32], table: &'a [u32]) -> Option<Self> {
        let ascending = ends.windows(2).all(|w| w[0] <= w[1]);
        let within = ends.last().is_none_or(|&end| end as usize <= bytes.len());
        let sized = table.is_empty() || table.len().is_power_of_two();
        let used = table.iter().filter(|&&id| id != EMPTY).count();
        let known = table
            .iter()
            .all(|&id| id == EMPTY || (id as usize) < ends.len());
        let roomy = table.is_empty() && ends.is_empty() || used < table.len();
        (ascending && within && sized && known && roomy && used == ends.len())
            .then_some(InternerRef { bytes, ends, table })
    }

    /// Sections `first..first + 3` of a persisted index as an interner. With `check`, as
    /// [`InternerRef::new`]; without, as they lie: an index is checked once when it is
    /// opened, and checking again on every lookup cost a pass over the whole table per query.
    pub(crate) fn read(index: &'a IndexBytes, first: usize, check: bool) -> Option<Self> {
        let bytes = index.section(first)?;
        let ends = index.section(first + 1)?;
        let table = index.section(first + 2)?;
        if check {
            InternerRef::new(bytes, ends, table)
        } else {
            Some(InternerRef { bytes, ends, table })
        }
    }

    /// The number of strings.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn get_str(&self, id: u32) -> Option<&'a str> {
        let id = id as usize;
        let end = *self.ends.get(id)? as usize;
        let start = if id == 0 {
            0
        } else {
            self.ends[id - 1] as usize
        };
        // Only whole `&str`s are ever appended, so every range is valid UTF-8.
        std::str::from_utf8(self.bytes.get(start..end)?).ok()
    }

    fn bytes_of(&self, id: u32) -> &'a [u8] {
        let id = id as usize;
        let end = self.ends[id] as usize;
        let start = if id == 0 {
            0
        } else {
            self.ends[id - 1] as usize
        };
        &self.bytes[start..end]
    }

    /// The id of `s`, if it was interned.
    pub(crate) fn get(&self, s: &str) -> Option<u32> {
        if self.table.is_empty() {
            return None;
        }
        let mask = self.table.len() - 1;
        let mut slot = hash(s.as_bytes()) as usize & mask;
        loop {
            let id = self.table[slot];
            if id == EMPTY {
                return None;
            }
            if self.bytes_of(id) == s.as_bytes() {
                return Some(id);
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// A fast non-cryptographic hash (FxHash-style rounds over 8-byte words, then the
/// murmur3 finalizer so that the low bits used for the slot depend on every input bit).
fn hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interner_gives_dense_stable_ids() {
        let mut interner = Interner::default();
        assert_eq!(interner.get("a"), None);
        let words: Vec<String> = (0..1000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(interner.intern(w), Some(i as u32));
        }
        assert_eq!(interner.intern(""), Some(1000));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(interner.intern(w), Some(i as u32));
            assert_eq!(interner.get(w), Some(i as u32));
            assert_eq!(interner.get_str(i as u32), Some(w.as_str()));
        }
        assert_eq!(interner.get(""), Some(1000));
        assert_eq!(interner.get("w1000"), None);
        assert_eq!(interner.get_str(5000), None);
        assert_eq!(interner.len(), 1001);
    }
}
