//! The peer of `songngu segment` in `scripts/bench-segment-process.sh`: segments a file with
//! the sentencex crate in-process and prints the time of the segmentation alone (after the
//! file is read), so the script can set it beside songngu's whole process.
//!
//! `cargo run --release --example sentencex_segment -- FILE`

use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: sentencex_segment FILE");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(2);
    });
    let started = Instant::now();
    let mut sentences = 0usize;
    for paragraph in text.lines().filter(|line| !line.trim().is_empty()) {
        sentences += sentencex::segment("en", paragraph).len();
    }
    let seconds = started.elapsed().as_secs_f64();
    println!("{sentences} sentences in {seconds:.4} s");
}
