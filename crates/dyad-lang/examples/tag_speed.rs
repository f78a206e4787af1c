//! Tagging throughput.
//!
//! Usage: cargo run --release --example tag_speed -- FILE [REPEAT]
//! FILE: one sentence per line, tokens separated by single spaces (spaCy
//! tokenization), or the word<TAB>tag format of eval (blank line between sentences).
use std::time::Instant;

use dyad_lang::{Lexicon, Tagger};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: tag_speed FILE [REPEAT]");
    let repeat: usize = args.next().map(|s| s.parse().expect("REPEAT")).unwrap_or(5);
    let text = std::fs::read_to_string(&path).expect("read FILE");
    let sents = read_sentences(&text);
    let n_tokens: usize = sents.iter().map(|s| s.len()).sum();

    let t0 = Instant::now();
    let tagger = Tagger::builtin();
    let load = t0.elapsed();
    println!("load: {:.1} ms (tagger)", load.as_secs_f64() * 1e3);
    let t0 = Instant::now();
    let _ = Lexicon::builtin();
    println!("load: {:.1} ms (lexicon)", t0.elapsed().as_secs_f64() * 1e3);

    let mut best = f64::INFINITY;
    let mut check = 0usize;
    for _ in 0..repeat {
        let t = Instant::now();
        for s in &sents {
            check += tagger.tag(s).len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    assert_eq!(check, n_tokens * repeat);
    println!(
        "{} sentences, {} tokens: best of {} runs {:.3} s = {:.0} tokens/s",
        sents.len(),
        n_tokens,
        repeat,
        best,
        n_tokens as f64 / best
    );
}

fn read_sentences(text: &str) -> Vec<Vec<&str>> {
    let mut out = Vec::new();
    if text.lines().any(|l| l.contains('\t')) {
        let mut cur = Vec::new();
        for line in text.lines() {
            if line.is_empty() {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            } else {
                cur.push(line.split('\t').next().unwrap());
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    } else {
        for line in text.lines() {
            let toks: Vec<&str> = line.split(' ').filter(|t| !t.is_empty()).collect();
            if !toks.is_empty() {
                out.push(toks);
            }
        }
    }
    out
}
