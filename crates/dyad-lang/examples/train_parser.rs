//! Trains the dependency parser and writes its model file (run by
//! tools/lang/train_parser.py, which prepares the CoNLL-U files).
//!
//! Usage: cargo run --release -p dyad-lang --features train --example train_parser --
//!        TRAIN.conllu HELDOUT.conllu OUT.bin [--iters N] [--min-weight W[,W...]] [--seed S]
//!
//! With several `--min-weight` values, OUT.bin gets the first and the others
//! go to the temporary directory; the held-out scores of each are printed.
use dyad_lang::train::{train_parser, Options};
use dyad_lang::treebank::{read_conllu, AttachmentScores, Sentence};
use dyad_lang::Parser;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: train_parser TRAIN.conllu HELDOUT.conllu OUT.bin [--iters N] [--min-weight W[,W...]] [--seed S]";
    if args.len() < 3 {
        panic!("{usage}");
    }
    let mut opts = Options::default();
    let mut min_weights = vec![4.0];
    for pair in args[3..].chunks(2) {
        let [flag, value] = pair else {
            panic!("{usage}")
        };
        match flag.as_str() {
            "--iters" => opts.iters = value.parse().expect("--iters N"),
            "--min-weight" => {
                min_weights = value
                    .split(',')
                    .map(|w| w.parse().expect("--min-weight W"))
                    .collect()
            }
            "--seed" => opts.seed = value.parse().expect("--seed S"),
            _ => panic!("{usage}"),
        }
    }
    let train = read(&args[0]);
    let heldout = read(&args[1]);
    let trained = train_parser(&train, &opts);
    for (i, &w) in min_weights.iter().enumerate() {
        let (model, kept) = trained.model_file(w);
        let path = if i == 0 {
            args[2].clone()
        } else {
            std::env::temp_dir()
                .join(format!("parser-min-weight-{w}.bin"))
                .display()
                .to_string()
        };
        std::fs::write(&path, &model).expect("write the model");
        let parser = Parser::from_bytes(&model).expect("the model loads");
        let scores = AttachmentScores::of(&parser, &heldout);
        eprintln!(
            "min weight {w}: {path}, {} bytes, {kept} weights",
            model.len()
        );
        eprintln!("held-out ({} sentences):\n{scores}\n", heldout.len());
    }
}

fn read(path: &str) -> Vec<Sentence> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    read_conllu(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}
