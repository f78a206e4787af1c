//! dyad's own dictionary readers: the input's first line names one of the
//! dictionary files by its path under `data/` (`actors/countries.tsv`,
//! `cameo/frames.tsv`, ...), the rest is its content. It takes that file's
//! place in a complete folder of dictionaries, which is loaded as `dyad
//! code --dictionaries DIR` loads it. The other files are small: dyad's
//! CAMEO, frame, root, reverse and sense tables, and invented actors,
//! agents and patterns (`fuzz/dictionaries/`), so that one input loads in
//! milliseconds, not in the time the built-in actor automaton takes.

use dyad_fuzz::{named_file, Scratch};
use dyad_lexicon::Dictionaries;
use dyad_text::TextAnalyzer;

/// Every file of a complete folder, by its path under `data/`, with the
/// content it has when the input is not about it.
const FILES: [(&str, &str); 10] = [
    (
        "actors/countries.tsv",
        include_str!("../../dictionaries/actors/countries.tsv"),
    ),
    (
        "actors/organisations.tsv",
        include_str!("../../dictionaries/actors/organisations.tsv"),
    ),
    (
        "actors/people.txt",
        include_str!("../../dictionaries/actors/people.txt"),
    ),
    (
        "agents/agents.tsv",
        include_str!("../../dictionaries/agents/agents.tsv"),
    ),
    (
        "events/patterns.tsv",
        include_str!("../../dictionaries/events/patterns.tsv"),
    ),
    (
        "events/senses.tsv",
        include_str!("../../../data/events/senses.tsv"),
    ),
    (
        "cameo/cameo.tsv",
        include_str!("../../../data/cameo/cameo.tsv"),
    ),
    (
        "cameo/frames.tsv",
        include_str!("../../../data/cameo/frames.tsv"),
    ),
    (
        "cameo/roots.tsv",
        include_str!("../../../data/cameo/roots.tsv"),
    ),
    (
        "cameo/reverse.tsv",
        include_str!("../../../data/cameo/reverse.tsv"),
    ),
];

fn main() {
    let scratch = Scratch::new("dyad_dictionaries");
    for (name, content) in FILES {
        scratch.write(name, content.as_bytes());
    }
    let names = FILES.map(|(name, _)| name);
    let analyzer = TextAnalyzer::new();
    afl::fuzz!(|data: &[u8]| {
        let Some((name, content)) = named_file(data, &names) else {
            return;
        };
        scratch.write(name, content);
        let _ = Dictionaries::load(Some(scratch.dir()), None, analyzer.tokenizer());
        let original = FILES
            .iter()
            .find(|(n, _)| *n == name)
            .expect("a named file")
            .1;
        scratch.write(name, original.as_bytes());
    });
}
