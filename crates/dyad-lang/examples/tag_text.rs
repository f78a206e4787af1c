//! Tag and lemmatize sentences given on standard input, one per line, tokens
//! separated by spaces (spaCy tokenization).  Prints word/TAG/lemma.
//!
//! Usage: echo "Rebels seized the town ." | cargo run --release --example tag_text
use std::io::BufRead;

use dyad_lang::{Lexicon, Tagger};

fn main() {
    let tagger = Tagger::builtin();
    let lex = Lexicon::builtin();
    for line in std::io::stdin().lock().lines() {
        let line = line.expect("read stdin");
        let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
        let tags = tagger.tag(&words);
        let out: Vec<String> = words
            .iter()
            .zip(&tags)
            .map(|(w, t)| format!("{w}/{t}/{}", lex.lemma(w, t)))
            .collect();
        println!("{}", out.join(" "));
    }
}
