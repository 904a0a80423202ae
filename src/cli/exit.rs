//! Process exit codes, part of the documented interface (README, tests/cli/).

use std::process::ExitCode;

/// How a run ended. Scripts rely on the numbers, so they never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: everything worked and there is nothing to report.
    Success,
    /// 1: the command worked and found something (drift, check findings).
    Findings,
    /// 2: bad input, a usage mistake, or a partial result that must not pass silently.
    Error,
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::Findings => 1,
            Exit::Error => 2,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit.code())
    }
}
