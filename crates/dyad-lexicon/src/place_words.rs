//! The words that mark a place in news text: `data/places/words.tsv`.
//!
//! Two stages read them. The coder asks whether an actor after a word is a
//! place or time rather than whom an event is aimed at ("met in Geneva",
//! "on Monday"), and which places give a sentence's groups their country
//! ("students in Nairobi"); the resolver finds where an event happened
//! ("near Aleppo", "in the Syrian city of Aleppo"). One list serves both.

use std::sync::OnceLock;

use crate::{table, DictError};

const WORDS: &str = include_str!("../../../data/places/words.tsv");

/// What a place word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceWordKind {
    /// Before a place where something happens: "in", "near", "on the outskirts of".
    Preposition,
    /// A common noun between a preposition and the name: "city", "province".
    Noun,
    /// Before a place a group comes from, not where anything happens: "from".
    Origin,
    /// Before a time, sometimes a place: "on" ("on Monday", "on the border").
    Time,
}

/// One listed word or phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceWord {
    /// Its words, lower case ("on the outskirts of" is four).
    pub words: Vec<String>,
    pub kind: PlaceWordKind,
    /// Whether a place after it gives its country to the sentence's groups
    /// ("students in Nairobi", "forces from Guinea"; not "troops sent into Iraq").
    pub places_groups: bool,
}

/// Every place word.
#[derive(Debug)]
pub struct PlaceWords {
    entries: Vec<PlaceWord>,
    /// One-word prepositions of place and time, as the coder asks for them.
    locative: Vec<String>,
    /// One-word entries whose place gives its country to groups.
    placing: Vec<String>,
}

impl PlaceWords {
    /// The built-in list, read once.
    pub fn builtin() -> &'static PlaceWords {
        static WORDS_READ: OnceLock<PlaceWords> = OnceLock::new();
        WORDS_READ.get_or_init(|| {
            PlaceWords::parse("data/places/words.tsv", WORDS).expect("the built-in place words")
        })
    }

    fn parse(file: &str, text: &str) -> Result<Self, DictError> {
        let mut entries = Vec::new();
        table::read(file, text, &["word", "kind", "groups"], |row| {
            let kind = match row.required("kind")? {
                "preposition" => PlaceWordKind::Preposition,
                "noun" => PlaceWordKind::Noun,
                "origin" => PlaceWordKind::Origin,
                "time" => PlaceWordKind::Time,
                other => return Err(row.error(format!("unknown kind `{other}`"))),
            };
            let places_groups = match row.get("groups") {
                "" | "no" => false,
                "yes" => true,
                other => return Err(row.error(format!("groups is yes or no, not `{other}`"))),
            };
            entries.push(PlaceWord {
                words: row.required("word")?.split(' ').map(String::from).collect(),
                kind,
                places_groups,
            });
            Ok(())
        })?;
        let single = |keep: &dyn Fn(&PlaceWord) -> bool| -> Vec<String> {
            entries
                .iter()
                .filter(|e| e.words.len() == 1 && keep(e))
                .map(|e| e.words[0].clone())
                .collect()
        };
        let locative =
            single(&|e| matches!(e.kind, PlaceWordKind::Preposition | PlaceWordKind::Time));
        let placing = single(&|e| e.places_groups);
        Ok(PlaceWords {
            entries,
            locative,
            placing,
        })
    }

    /// The words and phrases of one kind.
    pub fn of_kind(&self, kind: PlaceWordKind) -> impl Iterator<Item = &PlaceWord> {
        self.entries.iter().filter(move |e| e.kind == kind)
    }

    /// Whether an actor after this (lower-case) word is where or when an
    /// event happened, not whom it is aimed at: a one-word preposition of
    /// place or time.
    pub fn is_locative(&self, word: &str) -> bool {
        self.locative.iter().any(|w| w == word)
    }

    /// Whether a place after this (lower-case) word gives its country to
    /// the sentence's groups.
    pub fn places_groups(&self, word: &str) -> bool {
        self.placing.iter().any(|w| w == word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_list_of_place_words_serves_coder_and_resolver() {
        let w = PlaceWords::builtin();
        assert!(w.is_locative("in") && w.is_locative("on") && !w.is_locative("from"));
        assert!(w.places_groups("in") && w.places_groups("from") && !w.places_groups("into"));
        assert!(w
            .of_kind(PlaceWordKind::Preposition)
            .any(|p| p.words == ["on", "the", "outskirts", "of"]));
        assert!(w.of_kind(PlaceWordKind::Noun).any(|n| n.words == ["city"]));
    }

    #[test]
    fn a_bad_kind_names_its_file_and_line() {
        let err = PlaceWords::parse(
            "words.tsv",
            "word\tkind\tgroups\nin\tpreposition\tyes\nby\tagent\t\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("words.tsv:3:"), "{err}");
    }
}
