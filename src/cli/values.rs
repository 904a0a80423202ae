//! Option values that several commands share, and what they mean to the library.

use clap::ValueEnum;
use songngu::drift::Severity;
use songngu::fsio::ReadOnly;
use songngu::xliff::Version;

/// `--fail-on`: the lowest severity that fails a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SeverityArg {
    Info,
    Warning,
    Error,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Severity {
        match s {
            SeverityArg::Info => Severity::Info,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Error => Severity::Error,
        }
    }
}

/// `--xliff-version`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum XliffVersionArg {
    #[value(name = "2.0")]
    V2_0,
    #[value(name = "1.2")]
    V1_2,
}

impl From<XliffVersionArg> for Version {
    fn from(v: XliffVersionArg) -> Version {
        match v {
            XliffVersionArg::V2_0 => Version::V2_0,
            XliffVersionArg::V1_2 => Version::V1_2,
        }
    }
}

/// `xliff export --for`: the CAT tool a work file is made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CatToolArg {
    /// OmegaT 3.6: XLIFF 1.2, every unit with a `<target>` (its filter translates what
    /// it finds there).
    #[value(name = "omegat")]
    Omegat,
}

/// `--force-readonly` as the library's policy.
pub fn read_only(force: bool) -> ReadOnly {
    if force {
        ReadOnly::Overwrite
    } else {
        ReadOnly::Refuse
    }
}
