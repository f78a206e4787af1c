//! Tags and parses sentences given on standard input, one per line, tokens
//! separated by spaces (spaCy tokenization).  Prints one token a line:
//! index, word, tag, head index (0 for the root) and label, as in CoNLL-U.
//!
//! Usage: echo "His call was rejected by Moscow ." | cargo run --release -p dyad-lang --example parse_text
use std::io::BufRead;

use dyad_lang::{Parser, Tagger};

fn main() {
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("read stdin");
        let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
        let tags = Tagger::builtin().tag(&words);
        let arcs = Parser::builtin().parse(&words, &tags);
        for (i, ((w, t), a)) in words.iter().zip(&tags).zip(&arcs).enumerate() {
            let head = a.head.map_or(0, |h| h + 1);
            println!("{}\t{w}\t{t}\t{head}\t{}", i + 1, a.label);
        }
        println!();
    }
}
