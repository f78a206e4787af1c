//! The PETRARCH2/TABARI dictionary readers: the input's first line names
//! the file (`verbs.txt`, `actors.txt`, `agents.txt` or `discards.txt`),
//! the rest is its content, and the folder holding it is loaded as
//! `dyad code --dictionaries DIR` loads it (patterns, actors, discards).

use dyad_fuzz::{named_file, Scratch};
use dyad_lexicon::Dictionaries;
use dyad_text::TextAnalyzer;

const FILES: [&str; 4] = ["verbs.txt", "actors.txt", "agents.txt", "discards.txt"];

fn main() {
    let scratch = Scratch::new("petrarch_dictionaries");
    let analyzer = TextAnalyzer::new();
    afl::fuzz!(|data: &[u8]| {
        let Some((name, content)) = named_file(data, &FILES) else {
            return;
        };
        scratch.only_file(name, content);
        let _ = Dictionaries::load(Some(scratch.dir()), None, analyzer.tokenizer());
    });
}
