//! The `songngu` executable: parse the command line, run it, exit with its code.
//! All the work is in `cli` (the command line) and the `songngu` library (the engine).

// Output goes through `cli::output`, which survives closed pipes; `println!` does not.
#![warn(clippy::print_stdout, clippy::print_stderr)]

mod cli;

use std::process::ExitCode;

// Reading and writing a memory allocates and frees millions of small strings (a TU's
// attributes, props, segments); mimalloc's size-class free lists take a large share off
// what glibc's allocator costs there (xliff import of 100k units: see README, Speed).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's own option numbers (`mi_option_e` in its `mimalloc.h`, v3), which the
/// bindings do not name.
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // Memory is committed as it is used and given back as soon as it is freed: by default
    // mimalloc commits whole arenas and keeps freed pages 10 ms, which raised the peak
    // resident memory the speed targets bound (`segment` 53 -> 101 MB on 11 MB of text)
    // for no measurable gain in time.
    // SAFETY: plain setters of mimalloc's option table, called before any thread starts.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0);
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0);
    }
    cli::run(std::env::args_os(), |name| std::env::var(name).ok()).into()
}
