//! Words that decide how other words are read: the sense of a polysemous
//! trigger, or a name that is part of an institution's: `data/events/senses.tsv`.

use std::collections::HashMap;

use crate::{table, DictError};

/// What a word says of the sense of a trigger it goes with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sense {
    /// A noun naming a thing said, decided or held: a verb of force with it
    /// as object is criticism ("attacked the policy").
    Abstract,
    /// A verb that reports speech when it takes a clause ("protested that
    /// the vote was rigged"): an accusation.
    Speech,
    /// A verb whose object is what is talked about ("discussed Syria"):
    /// an actor there is no target.
    Topic,
    /// A noun ending an institution's name: a place or nationality right
    /// before it is part of the name ("the Washington Institute").
    Institution,
}

/// The sense words, by lemma.
#[derive(Debug, Default)]
pub struct Senses(HashMap<String, Sense>);

impl Senses {
    pub fn parse(file: &str, text: &str) -> Result<Self, DictError> {
        let mut words = HashMap::new();
        table::read(file, text, &["word", "sense"], |row| {
            let sense = match row.required("sense")? {
                "abstract" => Sense::Abstract,
                "speech" => Sense::Speech,
                "topic" => Sense::Topic,
                "institution" => Sense::Institution,
                other => return Err(row.error(format!("unknown sense `{other}`"))),
            };
            words.insert(row.required("word")?.to_lowercase(), sense);
            Ok(())
        })?;
        Ok(Senses(words))
    }

    /// Whether the lemma `word` has `sense`.
    pub fn is(&self, word: &str, sense: Sense) -> bool {
        self.0.get(word) == Some(&sense)
    }
}
