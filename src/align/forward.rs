//! Where a band's forward values (`α`, one `f64` a cell) wait for the posteriors, which
//! need them only at the path's cells, once the path is known.
//!
//! A small band keeps them in memory. A large one (a whole article's paragraphs: 40 MB at
//! 500,000 sentences) writes them to an unnamed temporary file as the sweep computes them
//! and reads back the path's cells, in order, through one buffer: the process holds
//! neither, and the sweep is not run again. Should the file fail (no temporary space),
//! they are let go of and computed again by a second sweep: the same values either way.

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};

/// The forward values being written, cell by cell in the band's order.
pub(crate) enum Writing {
    Held(Vec<f64>),
    Spilling(BufWriter<File>, u64),
    Dropped,
}

/// The forward values of a band, once swept.
pub(crate) enum Kept {
    Held(Vec<f64>),
    /// `n` values, 8 bytes each, little-endian.
    Spilled(File, u64),
    /// To be computed again.
    Dropped,
}

impl Writing {
    /// For a band of `cells` cells: held when at most `hold` of them, else spilled (or,
    /// unless `spill`, dropped).
    pub fn new(cells: usize, hold: usize, spill: bool) -> Writing {
        if cells <= hold {
            return Writing::Held(Vec::with_capacity(cells));
        }
        if !spill {
            return Writing::Dropped;
        }
        match tempfile::tempfile() {
            Ok(file) => Writing::Spilling(BufWriter::with_capacity(1 << 16, file), 0),
            Err(_) => Writing::Dropped,
        }
    }

    /// The value of the next cell.
    pub fn push(&mut self, value: f64) {
        match self {
            Writing::Held(values) => values.push(value),
            Writing::Spilling(out, n) => match out.write_all(&value.to_le_bytes()) {
                Ok(()) => *n += 1,
                Err(_) => *self = Writing::Dropped,
            },
            Writing::Dropped => {}
        }
    }

    pub fn finish(self) -> Kept {
        match self {
            Writing::Held(values) => Kept::Held(values),
            Writing::Spilling(out, n) => match out.into_inner() {
                Ok(file) => Kept::Spilled(file, n),
                Err(_) => Kept::Dropped,
            },
            Writing::Dropped => Kept::Dropped,
        }
    }
}

impl Kept {
    /// The values of `cells` (ascending cell numbers), or none when they must be computed
    /// again (dropped, or the file failed).
    pub fn read(&self, cells: impl IntoIterator<Item = usize>) -> Option<Vec<f64>> {
        match self {
            Kept::Held(values) => cells.into_iter().map(|c| values.get(c).copied()).collect(),
            Kept::Spilled(file, n) => read_spilled(file, *n, cells).ok(),
            Kept::Dropped => None,
        }
    }

    /// The bytes of memory it holds.
    pub fn bytes_held(&self) -> usize {
        match self {
            Kept::Held(values) => values.capacity() * 8,
            Kept::Spilled(..) | Kept::Dropped => 0,
        }
    }
}

fn read_spilled(
    file: &File,
    n: u64,
    cells: impl IntoIterator<Item = usize>,
) -> io::Result<Vec<f64>> {
    let mut file = file;
    file.seek(SeekFrom::Start(0))?;
    let mut input = BufReader::with_capacity(1 << 16, file);
    let mut at = 0u64;
    let mut out = Vec::new();
    for cell in cells {
        let cell = cell as u64;
        if cell < at || cell >= n {
            return Err(io::Error::other("a band cell out of order or past the end"));
        }
        // Within the buffer this only moves in it.
        input.seek_relative(((cell - at) * 8) as i64)?;
        let mut bytes = [0u8; 8];
        input.read_exact(&mut bytes)?;
        out.push(f64::from_le_bytes(bytes));
        at = cell + 1;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spilled_values_come_back_bit_for_bit() {
        let values: Vec<f64> = (0..100_000)
            .map(|i| -(i as f64).sqrt() / 3.0)
            .chain([f64::NEG_INFINITY])
            .collect();
        let wanted = [0, 1, 7, 4095, 4096, 50_000, 99_999, 100_000];
        for hold in [0, usize::MAX] {
            let mut writing = Writing::new(values.len(), hold, true);
            for &v in &values {
                writing.push(v);
            }
            let kept = writing.finish();
            assert_eq!(kept.bytes_held() == 0, hold == 0);
            let got = kept.read(wanted).unwrap();
            let expected: Vec<u64> = wanted.iter().map(|&c| values[c].to_bits()).collect();
            assert_eq!(
                got.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
                expected
            );
            // Out of order or past the end: computed again, not guessed.
            assert!(kept.read([5, 3]).is_none() || hold != 0);
            assert!(kept.read([values.len()]).is_none());
        }
        assert!(Kept::Dropped.read([0]).is_none());
        assert!(Writing::new(10, 0, false).finish().read([0]).is_none());
    }
}
