//! Accuracy of the built-in tagger against reference tags.
//!
//! Usage: cargo run --release --example tag_eval -- FILE [--confusions N]
//! FILE: word<TAB>tag lines, a blank line between sentences (as written by
//! `tools/lang/train_tagger.py --export-heldout` / tools/lang/eval_tagger.py).
use std::collections::HashMap;

use dyad_lang::Tagger;

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: tag_eval FILE [--confusions N]");
    let n_conf: usize = match args.next().as_deref() {
        Some("--confusions") => args.next().and_then(|s| s.parse().ok()).unwrap_or(15),
        _ => 15,
    };
    let text = std::fs::read_to_string(&path).expect("read FILE");
    let mut sents: Vec<Vec<(&str, &str)>> = vec![Vec::new()];
    for line in text.lines() {
        if line.is_empty() {
            if !sents.last().unwrap().is_empty() {
                sents.push(Vec::new());
            }
        } else if let Some((w, t)) = line.split_once('\t') {
            sents.last_mut().unwrap().push((w, t));
        }
    }
    let tagger = Tagger::builtin();
    let (mut ok, mut n, mut sent_ok) = (0usize, 0usize, 0usize);
    let mut conf: HashMap<(String, String), usize> = HashMap::new();
    let mut n_sents = 0;
    for s in sents.iter().filter(|s| !s.is_empty()) {
        n_sents += 1;
        let words: Vec<&str> = s.iter().map(|x| x.0).collect();
        let tags = tagger.tag(&words);
        let mut all = true;
        for (g, (_, gold)) in tags.iter().zip(s) {
            n += 1;
            if g == gold {
                ok += 1;
            } else {
                all = false;
                *conf.entry((gold.to_string(), g.to_string())).or_default() += 1;
            }
        }
        sent_ok += all as usize;
    }
    println!(
        "accuracy vs reference: {:.4} ({} / {} tokens); whole sentences right: {:.4} of {}",
        ok as f64 / n.max(1) as f64,
        ok,
        n,
        sent_ok as f64 / n_sents.max(1) as f64,
        n_sents
    );
    let mut c: Vec<_> = conf.into_iter().collect();
    c.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    println!("most frequent confusions (reference -> tagger):");
    for ((g, p), k) in c.into_iter().take(n_conf) {
        println!("  {g:>5} -> {p:<5} {k}");
    }
}
