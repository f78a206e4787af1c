//! PETRARCH discard lists: phrases that mark text not to code.
//!
//! ```text
//! BASEBALL                  a sentence holding it is not coded
//! +World Golf Championships a story holding it is not coded at all
//! ```
//! Phrases match whole words, in any case.

use super::{content_lines, phrase_words, Source};

/// What a discard phrase takes out of coding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    Sentence,
    Story,
}

/// Discard phrases, lower case, as word sequences.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Discards {
    phrases: Vec<(Vec<String>, Reach)>,
}

impl Discards {
    /// Adds the phrases of a list's file.
    pub fn add(&mut self, source: &Source) {
        for (_, content) in content_lines(&source.text) {
            let content = content.trim();
            let (phrase, reach) = match content.strip_prefix('+') {
                Some(p) => (p, Reach::Story),
                None => (content, Reach::Sentence),
            };
            let words: Vec<String> = phrase_words(phrase)
                .iter()
                .map(|w| w.to_lowercase())
                .collect();
            if !words.is_empty() {
                self.phrases.push((words, reach));
            }
        }
    }

    /// Adds the phrases of another list.
    pub fn extend(&mut self, other: &Discards) {
        self.phrases.extend(other.phrases.iter().cloned());
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The widest reach of the phrases found in a sentence's words, if any.
    pub fn find(&self, words: &[&str]) -> Option<Reach> {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut found = None;
        for (phrase, reach) in &self.phrases {
            if lower.windows(phrase.len()).any(|w| w == phrase.as_slice()) {
                if *reach == Reach::Story {
                    return Some(Reach::Story);
                }
                found = Some(Reach::Sentence);
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_and_story_discards() {
        let mut d = Discards::default();
        d.add(&Source {
            file: "discards.txt".into(),
            text: "MONTHS LATER\n+TYPHOON # storms\nBASEBALL\n".into(),
        });
        assert_eq!(d.find(&["a", "typhoon", "hit"]), Some(Reach::Story));
        assert_eq!(
            d.find(&["Baseball", "and", "a", "Typhoon"]),
            Some(Reach::Story)
        );
        assert_eq!(
            d.find(&["two", "months", "later", "."]),
            Some(Reach::Sentence)
        );
        assert_eq!(d.find(&["months", "passed", "later"]), None);
    }
}
