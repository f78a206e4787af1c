//! The vocabulary of dates in news text: `data/time/words.tsv`.
//!
//! The resolver builds its time expressions from every row; the coder asks
//! only whether a capitalised word is a month ("May 5" is no Mrs. May).

use std::sync::OnceLock;

use crate::{table, DictError};

const WORDS: &str = include_str!("../../../data/time/words.tsv");

/// One row: a word, its kind (`month`, `weekday`, `unit`, ...) and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeWord {
    pub word: String,
    pub kind: String,
    pub value: String,
}

/// Every time word.
#[derive(Debug)]
pub struct TimeWords {
    rows: Vec<TimeWord>,
}

impl TimeWords {
    /// The built-in list, read once.
    pub fn builtin() -> &'static TimeWords {
        static WORDS_READ: OnceLock<TimeWords> = OnceLock::new();
        WORDS_READ.get_or_init(|| {
            TimeWords::parse("data/time/words.tsv", WORDS).expect("the built-in time words")
        })
    }

    fn parse(file: &str, text: &str) -> Result<Self, DictError> {
        let mut rows = Vec::new();
        table::read(file, text, &["word", "kind", "value"], |row| {
            rows.push(TimeWord {
                word: row.required("word")?.to_string(),
                kind: row.required("kind")?.to_string(),
                value: row.required("value")?.to_string(),
            });
            Ok(())
        })?;
        Ok(TimeWords { rows })
    }

    /// The rows in file order.
    pub fn rows(&self) -> &[TimeWord] {
        &self.rows
    }

    /// Whether a word is a month's name or abbreviation, in any case
    /// ("May", "Sept.").
    pub fn is_month(&self, word: &str) -> bool {
        let word = word.trim_end_matches('.');
        self.rows
            .iter()
            .any(|r| r.kind == "month" && r.word.trim_end_matches('.').eq_ignore_ascii_case(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_told_from_other_words() {
        let words = TimeWords::builtin();
        assert!(words.is_month("May"));
        assert!(words.is_month("march"));
        assert!(!words.is_month("Monday"));
        assert!(!words.is_month("Mayer"));
        assert!(words.rows().iter().any(|r| r.kind == "weekday"));
    }

    #[test]
    fn a_row_without_a_value_is_an_error_naming_its_line() {
        let err = TimeWords::parse("words.tsv", "word\tkind\tvalue\nMay\tmonth\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("words.tsv:2:"), "{err}");
    }
}
