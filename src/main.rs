//! The `songngu` executable: parse the command line, run it, exit with its code.
//! All the work is in `cli` (the command line) and the `songngu` library (the engine).

// Output goes through `cli::output`, which survives closed pipes; `println!` does not.
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run(std::env::args_os(), |name| std::env::var(name).ok()).into()
}
