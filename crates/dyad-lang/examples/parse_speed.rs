//! Parsing throughput, alone and with tagging, and the parser's load time.
//!
//! Usage: cargo run --release -p dyad-lang --example parse_speed -- FILE.conllu [REPEAT]
//! Only the FORM column is read; the words are tagged by dyad's tagger.
use std::time::Instant;

use dyad_lang::treebank::read_conllu;
use dyad_lang::{Parser, Tagger};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: parse_speed FILE.conllu [REPEAT]");
    let repeat: usize = args.next().map(|s| s.parse().expect("REPEAT")).unwrap_or(5);
    let text = std::fs::read_to_string(&path).expect("read FILE");
    let sentences = read_conllu(&text).expect("CoNLL-U");
    let words: Vec<Vec<&str>> = sentences.iter().map(|s| s.words()).collect();
    let n_tokens: usize = words.iter().map(Vec::len).sum();

    let t0 = Instant::now();
    let parser = Parser::builtin();
    println!("load: {:.1} ms (parser)", t0.elapsed().as_secs_f64() * 1e3);
    let tagger = Tagger::builtin();
    let tags: Vec<Vec<&str>> = words.iter().map(|w| tagger.tag(w)).collect();

    let best_of = |f: &dyn Fn() -> usize| {
        let mut best = f64::INFINITY;
        for _ in 0..repeat {
            let t = Instant::now();
            assert_eq!(f(), n_tokens);
            best = best.min(t.elapsed().as_secs_f64());
        }
        best
    };
    let parse_only = best_of(&|| {
        words
            .iter()
            .zip(&tags)
            .map(|(w, t)| parser.parse(w, t).len())
            .sum()
    });
    let tag_and_parse = best_of(&|| {
        words
            .iter()
            .map(|w| parser.parse(w, &tagger.tag(w)).len())
            .sum()
    });
    println!(
        "{} sentences, {} tokens, best of {} runs:",
        sentences.len(),
        n_tokens,
        repeat
    );
    println!(
        "  parse:         {:.3} s = {:.0} tokens/s",
        parse_only,
        n_tokens as f64 / parse_only
    );
    println!(
        "  tag + parse:   {:.3} s = {:.0} tokens/s",
        tag_and_parse,
        n_tokens as f64 / tag_and_parse
    );
}
