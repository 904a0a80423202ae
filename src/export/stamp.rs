//! Who makes a release, and when.

use std::time::{SystemTime, UNIX_EPOCH};

/// Who makes a release, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// The user name recorded in the manifest and on the TMX units.
    pub user: String,
    /// When; taken as a parameter so that output is reproducible.
    pub now: SystemTime,
}

impl Stamp {
    /// Seconds since the Unix epoch (0 for a time before it).
    fn seconds(&self) -> u64 {
        self.now
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    }

    /// `YYYY-MM-DDThh:mm:ssZ`, UTC.
    pub fn iso8601(&self) -> String {
        // `YYYYMMDDThhmmssZ` → `YYYY-MM-DDThh:mm:ssZ`.
        let compact = self.tmx_date();
        let (date, time) = compact.split_at(compact.len() - 8);
        let (year, rest) = date.split_at(date.len() - 4);
        format!(
            "{year}-{}-{}T{}:{}:{}Z",
            &rest[..2],
            &rest[2..4],
            &time[1..3],
            &time[3..5],
            &time[5..7]
        )
    }

    /// `YYYYMMDDThhmmssZ`, UTC, as TMX writes dates.
    pub fn tmx_date(&self) -> String {
        crate::memory::store::tmx_date(self.seconds())
    }
}
