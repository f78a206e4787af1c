//! Boilerplate inside an article body: lines that are not the story's own
//! text and must not be coded as its events.
//!
//! Extractors keep what sits between an article's paragraphs: a headline or
//! caption printed twice, inline headlines of other articles ("Related: ...",
//! "READ MORE: ..."), share, subscribe and advertisement lines. A sentence
//! repeating an earlier one word for word is a duplicate, so the repeated
//! line is coded once; the others are recognised by their opening words,
//! listed in `data/text/boilerplate.tsv`.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};

use dyad_core::{Boilerplate, Document};

/// Lines longer than this are running text whatever their opening words.
const MAX_MARKED_WORDS: usize = 20;

/// Sentences shorter than this may repeat without being boilerplate ("He
/// declined.").
const MIN_DUPLICATE_WORDS: usize = 4;

pub(crate) struct BoilerplateMarker {
    /// Opening words (lower-case, single-spaced) and what they mark.
    openings: Vec<(String, Boilerplate)>,
    /// The first character of every opening, to pass over most lines at once.
    first_chars: HashSet<char>,
}

/// What a label opening stands for in the list of openings: its words, then
/// any words, then a final dash.
const LABEL_MARK: &str = "\u{1}";

/// Lower-case words joined by single spaces.
fn normalized(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

impl BoilerplateMarker {
    /// The marker for the `kind<TAB>opening words` lines of the data file.
    pub(crate) fn new<'a>(lines: impl IntoIterator<Item = &'a str>) -> Self {
        let openings = lines
            .into_iter()
            .map(|line| {
                let (kind, words) = line
                    .split_once('\t')
                    .unwrap_or_else(|| panic!("boilerplate line without a tab: {line}"));
                let kind = match kind {
                    "related" => Boilerplate::Related,
                    "furniture" => Boilerplate::Furniture,
                    // a caption's label, cut from its caption at the dash
                    // ending it (see `segment`): the label alone, never the
                    // caption it opens
                    "label" => {
                        return (
                            format!("{} {LABEL_MARK}", normalized(words)),
                            Boilerplate::Furniture,
                        )
                    }
                    other => panic!("unknown boilerplate kind `{other}`"),
                };
                (normalized(words), kind)
            })
            .collect::<Vec<(String, Boilerplate)>>();
        let first_chars = openings
            .iter()
            .filter_map(|(o, _)| o.chars().next())
            .collect();
        BoilerplateMarker {
            openings,
            first_chars,
        }
    }

    /// The opening words of captions' labels (`label` lines), lower-case,
    /// for the segmenter to cut them from their captions.
    pub(crate) fn labels(&self) -> Vec<String> {
        self.openings
            .iter()
            .filter_map(|(opening, _)| opening.strip_suffix(LABEL_MARK))
            .map(|label| label.trim_end().to_string())
            .collect()
    }

    /// What a line of `words` words marks by its opening words.
    fn by_opening(&self, line: &str, words: usize) -> Option<Boilerplate> {
        let first = line.trim_start().chars().next()?;
        let opens = first.to_lowercase().any(|c| self.first_chars.contains(&c));
        if !opens || words > MAX_MARKED_WORDS {
            return None;
        }
        let line = normalized(line);
        self.openings.iter().find_map(|(opening, kind)| {
            if let Some(label) = opening.strip_suffix(LABEL_MARK) {
                let ends_with_dash = line.ends_with(['–', '—', '-']);
                return (line.starts_with(label.trim_end()) && ends_with_dash).then_some(*kind);
            }
            let rest = line.strip_prefix(opening.as_str())?;
            let whole_words = opening.ends_with(|c: char| !c.is_alphanumeric())
                || !rest.starts_with(|c: char| c.is_alphanumeric());
            whole_words.then_some(*kind)
        })
    }

    /// Marks the boilerplate sentences of a segmented document.
    pub(crate) fn mark(&self, doc: &mut Document) {
        // Lines are compared by a hash of their normalized words, written
        // into one reused buffer rather than a string per line.
        let hasher = RandomState::new();
        let mut seen = HashSet::new();
        let mut buffer = String::new();
        for sentence in &mut doc.sentences {
            let line = sentence.span.slice(&doc.text);
            buffer.clear();
            let mut words = 0;
            for word in line.split_whitespace() {
                words += 1;
                if word.is_ascii() {
                    buffer.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
                } else {
                    buffer.extend(word.chars().flat_map(char::to_lowercase));
                }
                buffer.push(' ');
            }
            let repeated =
                words >= MIN_DUPLICATE_WORDS && !seen.insert(hasher.hash_one(buffer.as_bytes()));
            sentence.boilerplate = if repeated {
                Some(Boilerplate::Duplicate)
            } else {
                self.by_opening(line, words)
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `by_opening` with the line's word count.
    struct Opening<'m>(&'m BoilerplateMarker);

    impl Opening<'_> {
        fn by_opening(&self, line: &str) -> Option<Boilerplate> {
            self.0.by_opening(line, line.split_whitespace().count())
        }
    }

    fn marker() -> BoilerplateMarker {
        BoilerplateMarker::new([
            "related\tread more:",
            "furniture\tadvertisement",
            "furniture\tsubscribe",
            "label\thide caption",
        ])
    }

    #[test]
    fn openings_match_whole_words_on_short_lines() {
        let marker = marker();
        let m = Opening(&marker);
        assert_eq!(
            m.by_opening("READ MORE:  Talks stall"),
            Some(Boilerplate::Related)
        );
        assert_eq!(m.by_opening("Advertisement"), Some(Boilerplate::Furniture));
        assert_eq!(
            m.by_opening("Subscribe to our newsletter"),
            Some(Boilerplate::Furniture)
        );
        assert_eq!(m.by_opening("Subscribers protested the price rise."), None);
        let long = "Subscribe to this view and more than twenty other words that make a long sentence of running text about a dispute over fees.";
        assert_eq!(m.by_opening(long), None);
    }

    #[test]
    fn a_label_is_marked_only_as_cut_from_its_caption() {
        let marker = marker();
        let m = Opening(&marker);
        assert_eq!(
            m.by_opening("Hide Caption 3 of 12 Photos: Envoys in Geneva –"),
            Some(Boilerplate::Furniture)
        );
        // a caption whose label has no dash keeps its words
        assert_eq!(
            m.by_opening("Hide Caption 4 of 12 Photos: Envoys meet in Geneva."),
            None
        );
    }
}
