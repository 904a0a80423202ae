//! Writes the benches' generated newsroom to a folder, for measuring whole commands on it:
//! `DIR/bench.en.txt` (the article), `DIR/bench.revised.en.txt` (its revision) and
//! `DIR/bench.tmx` (its Vietnamese as units of document `bench-article`, in a memory of
//! `TUS` TUs).
//!
//! ```sh
//! cargo run --release --example newsroom -- DIR SENTENCES TUS
//! ```

use std::path::PathBuf;

#[path = "../benches/support/article.rs"]
#[allow(dead_code)]
mod article;
#[path = "../benches/support/news.rs"]
#[allow(dead_code)]
mod news;
#[path = "../benches/support/rng.rs"]
#[allow(dead_code)]
mod rng;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, sentences, tus] = args.as_slice() else {
        return Err("usage: newsroom DIR SENTENCES TUS".into());
    };
    let dir = PathBuf::from(dir);
    std::fs::create_dir_all(&dir)?;
    let room = article::newsroom(sentences.parse()?, tus.parse()?);
    std::fs::write(dir.join("bench.en.txt"), &room.en.text)?;
    std::fs::write(dir.join("bench.revised.en.txt"), &room.en_revised.text)?;
    std::fs::copy(&room.tm, dir.join("bench.tmx"))?;
    println!("{}", dir.display());
    Ok(())
}
