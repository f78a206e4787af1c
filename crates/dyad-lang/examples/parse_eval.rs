//! Accuracy of the built-in parser against reference parses, on dyad's own
//! tags: UAS, LAS and the head accuracy of subjects, objects and passive agents.
//!
//! Usage: cargo run --release -p dyad-lang --example parse_eval -- FILE.conllu [--labels]
//! (`--labels` adds the head accuracy of every reference label.)
use dyad_lang::treebank::{read_conllu, AttachmentScores};
use dyad_lang::{Parser, Tagger};

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .expect("usage: parse_eval FILE.conllu [--labels]");
    let per_label = args.next().as_deref() == Some("--labels");
    let text = std::fs::read_to_string(&path).expect("read FILE");
    let sentences = read_conllu(&text).expect("CoNLL-U");
    let (tagger, parser) = (Tagger::builtin(), Parser::builtin());
    let mut scores = AttachmentScores::default();
    let (mut tags_right, mut n_tokens) = (0, 0);
    for s in &sentences {
        let words = s.words();
        let tags = tagger.tag(&words);
        tags_right += tags.iter().zip(&s.tags).filter(|(a, b)| *a == b).count();
        n_tokens += words.len();
        scores.add(s, &parser.parse(&words, &tags));
    }
    println!(
        "{} sentences, {} tokens; tags agree on {:.2}%",
        sentences.len(),
        n_tokens,
        100.0 * tags_right as f64 / n_tokens as f64
    );
    println!("{scores}");
    if per_label {
        let mut labels: Vec<_> = scores.by_label.iter().collect();
        labels.sort_by_key(|(_, t)| std::cmp::Reverse(t.total));
        for (label, t) in labels {
            println!("{label:<17} {:>7} {:6.2}%", t.total, 100.0 * t.rate());
        }
    }
}
