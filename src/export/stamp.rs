//! Who makes a release, and when.

use std::time::SystemTime;

/// Who makes a release, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stamp {
    /// The user name recorded in the manifest and on the TMX units.
    pub user: String,
    /// When; taken as a parameter so that output is reproducible.
    pub now: SystemTime,
}

impl Stamp {
    /// `YYYY-MM-DDThh:mm:ssZ`, UTC.
    pub fn iso8601(&self) -> String {
        crate::tmx::iso8601(crate::tmx::seconds_since_epoch(self.now))
    }

    /// `YYYYMMDDThhmmssZ`, UTC, as TMX writes dates.
    pub fn tmx_date(&self) -> String {
        crate::tmx::tmx_date(crate::tmx::seconds_since_epoch(self.now))
    }
}
