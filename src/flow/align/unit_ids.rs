//! The unit ids of one side of an alignment, in a few bytes each.
//!
//! An id is `u` and ten hex digits of a hash (`segment::text_id`), with `-2`, `-3`... when
//! the sentence repeats. Held as text (`Texts`), 500,000 ids took 12 MB a side; here an id
//! of that shape is its 5 hash bytes, a repeat suffix is an entry of a short sorted list,
//! and any other id is kept as it is, so every id comes back exactly as it was pushed.

/// Bytes of the hash an id shows.
const HASH: usize = 5;

#[derive(Debug, Default)]
pub struct UnitIds {
    /// The hash bytes of each id, `HASH` per id (zero for an id kept whole).
    hashes: Vec<u8>,
    /// `(index, n)` for each id ending in `-n`, ascending.
    repeats: Vec<(u32, u32)>,
    /// `(index, id)` for each id not of the usual shape, ascending.
    others: Vec<(u32, Box<str>)>,
}

/// The hash bytes and repeat count of an id of the usual shape.
fn parse(id: &str) -> Option<([u8; HASH], Option<u32>)> {
    let rest = id.strip_prefix('u')?;
    let (hex, suffix) = match rest.split_once('-') {
        Some((hex, n)) => (hex, Some(n)),
        None => (rest, None),
    };
    let repeat = match suffix {
        // Only the form `with_repeat_suffix` writes: no sign, no leading zero, at least 2.
        Some(n) if n.starts_with('0') || n.starts_with('+') => return None,
        Some(n) => Some(n.parse::<u32>().ok().filter(|&n| n >= 2)?),
        None => None,
    };
    if hex.len() != 2 * HASH {
        return None;
    }
    let mut hash = [0u8; HASH];
    for (k, byte) in hash.iter_mut().enumerate() {
        let pair = hex.get(2 * k..2 * k + 2)?;
        // Lower-case only: `B` would come back as `b`.
        if pair.bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        *byte = u8::from_str_radix(pair, 16).ok()?;
    }
    Some((hash, repeat))
}

impl UnitIds {
    /// Adds the id of the next sentence.
    pub fn push(&mut self, id: &str) {
        let at = self.len();
        // Past 4 billion sentences an index no longer fits: kept whole (never in practice).
        let index = u32::try_from(at).ok();
        match (parse(id), index) {
            (Some((hash, repeat)), Some(index)) => {
                self.hashes.extend_from_slice(&hash);
                if let Some(n) = repeat {
                    self.repeats.push((index, n));
                }
            }
            (_, Some(index)) => {
                self.hashes.extend_from_slice(&[0; HASH]);
                self.others.push((index, id.into()));
            }
            (_, None) => self.hashes.extend_from_slice(&[0; HASH]),
        }
    }

    /// How many ids it holds.
    pub fn len(&self) -> usize {
        self.hashes.len() / HASH
    }

    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The id of sentence `i`.
    pub fn get(&self, i: usize) -> Option<String> {
        if i >= self.len() {
            return None;
        }
        let index = u32::try_from(i).ok()?;
        if let Ok(k) = self.others.binary_search_by_key(&index, |(at, _)| *at) {
            return Some(self.others[k].1.to_string());
        }
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut id = String::with_capacity(1 + 2 * HASH + 4);
        id.push('u');
        for &byte in &self.hashes[i * HASH..(i + 1) * HASH] {
            id.push(char::from(HEX[usize::from(byte >> 4)]));
            id.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
        if let Ok(k) = self.repeats.binary_search_by_key(&index, |(at, _)| *at) {
            id.push('-');
            id.push_str(&self.repeats[k].1.to_string());
        }
        Some(id)
    }

    /// Every id, in order.
    pub fn iter(&self) -> impl Iterator<Item = String> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    pub fn shrink_to_fit(&mut self) {
        self.hashes.shrink_to_fit();
        self.repeats.shrink_to_fit();
        self.others.shrink_to_fit();
    }

    /// The bytes it holds: five an id, and more for the few repeated or unusual ones.
    pub fn bytes_held(&self) -> usize {
        self.hashes.capacity()
            + self.repeats.capacity() * 8
            + self.others.iter().map(|(_, id)| id.len()).sum::<usize>()
            + self.others.capacity() * std::mem::size_of::<(u32, Box<str>)>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_comes_back_as_it_was_pushed() {
        let ids = [
            "u0123456789",
            "uabcdef0123-2",
            "uabcdef0123-17",
            // Not of the usual shape: kept whole.
            "uABCDEF0123",
            "u0123-2",
            "uabcdef0123-02",
            "uabcdef0123-1",
            "uabcdef0123-",
            "title",
            "",
            "uabcdef01234",
        ];
        let mut held = UnitIds::default();
        for id in ids {
            held.push(id);
        }
        assert_eq!(held.len(), ids.len());
        assert_eq!(held.iter().collect::<Vec<_>>(), ids);
        assert_eq!(held.get(ids.len()), None);
    }

    #[test]
    fn an_id_of_the_usual_shape_takes_five_bytes() {
        let mut held = UnitIds::default();
        for k in 0..10_000u32 {
            held.push(&format!("u{:010x}", u64::from(k) * 7919));
        }
        held.shrink_to_fit();
        assert_eq!(held.bytes_held(), 5 * 10_000);
    }
}
