//! Tokenization with byte spans, following spaCy's English conventions so that
//! the tagger (trained on spaCy's tokens) sees what it was trained on: prefix
//! and suffix punctuation are split off, clitics (`'s`, `n't`, `'ll`) become
//! their own tokens, hyphens and dashes between letters are tokens of their
//! own ("Kremlin-linked" → `Kremlin` `-` `linked`), while abbreviations,
//! initials and dotted acronyms (`U.S.`, `Lt.`, `J.`) keep their period.
//!
//! Hand-written rather than taken from a crate: the rules are spaCy's, which
//! no Rust crate reproduces, and a single pass over the bytes keeps it fast.

use std::collections::HashSet;

use dyad_core::Span;

const PREFIXES: &[char] = &[
    '"', '\'', '(', '[', '{', '“', '‘', '«', '$', '£', '€', '¿', '¡', '*', '#', '—', '–', '…', '<',
];
const SUFFIXES: &[char] = &[
    '"', '”', '’', '\'', '»', ')', ']', '}', ',', ';', ':', '!', '?', '%', '…', '*', '>',
];
const CLITICS: &[&str] = &[
    "'s", "’s", "'S", "'ll", "’ll", "'re", "’re", "'ve", "’ve", "'d", "’d", "'m", "’m",
];
const NEGATION: &[&str] = &["n't", "n’t", "N'T"];
const DASHES: &[char] = &['-', '–', '—', '/'];

/// Splits text into tokens. Built once; holds the abbreviation list.
#[derive(Debug, Clone)]
pub struct Tokenizer {
    abbreviations: HashSet<String>,
}

impl Tokenizer {
    pub fn new<'a>(abbreviations: impl IntoIterator<Item = &'a str>) -> Self {
        Tokenizer {
            abbreviations: abbreviations.into_iter().map(str::to_string).collect(),
        }
    }

    /// Whether the word is a listed abbreviation such as `Gen.` or `Nov.`.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// Whether a word keeps its final period: a listed abbreviation, a single
    /// initial (`J.`) or a dotted acronym (`U.S.`, `U.N.`).
    pub fn keeps_period(&self, word: &str) -> bool {
        if !word.ends_with('.') || word.len() < 2 {
            return false;
        }
        if self.abbreviations.contains(word) {
            return true;
        }
        let stem = &word[..word.len() - 1];
        let mut chars = stem.chars();
        let single_letter =
            matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
        single_letter || is_dotted_acronym(word)
    }

    /// Token spans of `text[range]`, in text coordinates.
    pub fn tokenize(&self, text: &str, start: usize, end: usize) -> Vec<Span> {
        let mut out = Vec::new();
        self.tokenize_into(text, start, end, &mut out);
        out
    }

    /// Appends the token spans of `text[range]` to `out`.
    pub fn tokenize_into(&self, text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
        let slice = &text[start..end];
        let mut chunk_start = None;
        for (i, c) in slice.char_indices() {
            if c.is_whitespace() {
                if let Some(s) = chunk_start.take() {
                    self.split_chunk(text, start + s, start + i, out);
                }
            } else if chunk_start.is_none() {
                chunk_start = Some(i);
            }
        }
        if let Some(s) = chunk_start {
            self.split_chunk(text, start + s, end, out);
        }
    }

    fn split_chunk(&self, text: &str, mut s: usize, mut e: usize, out: &mut Vec<Span>) {
        // Prefix punctuation.
        while s < e {
            let c = text[s..e].chars().next().unwrap();
            let rest = &text[s + c.len_utf8()..e];
            let is_prefix = PREFIXES.contains(&c)
                && !(c == '\'' || c == '’') // handled below: 's, '90s
                && !rest.is_empty();
            let is_quote_prefix = (c == '\'' || c == '‘')
                && rest.chars().next().is_some_and(|n| n.is_alphabetic())
                && !CLITICS.iter().any(|k| text[s..e].eq_ignore_ascii_case(k));
            if is_prefix || is_quote_prefix {
                out.push(Span::new(s, s + c.len_utf8()));
                s += c.len_utf8();
            } else {
                break;
            }
        }
        // Suffixes, collected from the end: pushed as found, then moved
        // behind the word's own tokens (no buffer per word).
        let suffixes_start = out.len();
        // Every clitic and negation holds an apostrophe: most words need no look.
        let apostrophe = text[s..e].contains(['\'', '’']);
        while s < e {
            let word = &text[s..e];
            if let Some(k) = NEGATION
                .iter()
                .filter(|_| apostrophe)
                .find(|k| word.len() > k.len() && ends_with_ci(word, k))
            {
                let k = k.len();
                out.push(Span::new(e - k, e));
                e -= k;
                continue;
            }
            if let Some(k) = CLITICS.iter().filter(|_| apostrophe).find(|k| {
                word.len() > k.len()
                    && ends_with_ci(word, k)
                    && word[..word.len() - k.len()]
                        .chars()
                        .last()
                        .is_some_and(|c| c.is_alphanumeric())
            }) {
                let k = k.len();
                out.push(Span::new(e - k, e));
                e -= k;
                continue;
            }
            if word.ends_with("...") && word.len() > 3 {
                out.push(Span::new(e - 3, e));
                e -= 3;
                continue;
            }
            let c = word.chars().last().unwrap();
            if word.len() > c.len_utf8() && SUFFIXES.contains(&c) {
                out.push(Span::new(e - c.len_utf8(), e));
                e -= c.len_utf8();
                continue;
            }
            if c == '.' && word.len() > 1 && !self.keeps_period(word) {
                out.push(Span::new(e - 1, e));
                e -= 1;
                continue;
            }
            break;
        }
        let n_suffixes = out.len() - suffixes_start;
        out[suffixes_start..].reverse();
        if s < e {
            split_infixes(text, s, e, out);
        }
        out[suffixes_start..].rotate_left(n_suffixes);
    }
}

/// Splits dashes and slashes between letters into tokens of their own.
fn split_infixes(text: &str, s: usize, e: usize, out: &mut Vec<Span>) {
    let word = &text[s..e];
    // Most words hold no dash or slash at all.
    if !word.contains(DASHES) {
        out.push(Span::new(s, e));
        return;
    }
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut piece = 0;
    let mut i = 0;
    while i < chars.len() {
        let (off, c) = chars[i];
        let prev_alpha = i > 0 && chars[i - 1].1.is_alphabetic();
        if DASHES.contains(&c) && i > 0 {
            // A run of dashes ("--") is one token.
            let mut j = i;
            while j < chars.len() && DASHES.contains(&chars[j].1) && chars[j].1 != '/' {
                j += 1;
            }
            let j = j.max(i + 1);
            let next_alpha = j < chars.len() && chars[j].1.is_alphabetic();
            let long_dash = c == '—' || c == '–' || j > i + 1;
            if (prev_alpha && next_alpha) || (long_dash && j < chars.len()) {
                if off > piece {
                    out.push(Span::new(s + piece, s + off));
                }
                let dash_end = if j < chars.len() {
                    chars[j].0
                } else {
                    word.len()
                };
                out.push(Span::new(s + off, s + dash_end));
                piece = dash_end;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if piece < word.len() {
        out.push(Span::new(s + piece, e));
    }
}

fn ends_with_ci(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.is_char_boundary(word.len() - suffix.len())
        && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// `U.S.`, `U.N.`, `e.g.`: letters each followed by a period, at least two.
fn is_dotted_acronym(word: &str) -> bool {
    let bytes = word.as_bytes();
    bytes.len() >= 4
        && bytes.len().is_multiple_of(2)
        && bytes
            .chunks(2)
            .all(|p| p[0].is_ascii_alphabetic() && p[1] == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let t = Tokenizer::new(["Gen.", "Lt.", "Nov.", "Sen.", "Jr."]);
        t.tokenize(text, 0, text.len())
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_punctuation_and_keeps_acronyms() {
        assert_eq!(
            words("The U.S. and U.N. warned Iran, officials said."),
            [
                "The",
                "U.S.",
                "and",
                "U.N.",
                "warned",
                "Iran",
                ",",
                "officials",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn splits_clitics_and_negation() {
        assert_eq!(
            words("Russia's army won't stop"),
            ["Russia", "'s", "army", "wo", "n't", "stop"]
        );
        assert_eq!(
            words("Washington’s envoy didn’t"),
            ["Washington", "’s", "envoy", "did", "n’t"]
        );
    }

    #[test]
    fn splits_hyphens_between_letters_but_not_numbers() {
        assert_eq!(
            words("a Kremlin-linked firm"),
            ["a", "Kremlin", "-", "linked", "firm"]
        );
        assert_eq!(words("al-Qaeda"), ["al", "-", "Qaeda"]);
        assert_eq!(words("the 2014-15 season"), ["the", "2014-15", "season"]);
    }

    #[test]
    fn curly_quotes_and_dashes() {
        assert_eq!(
            words("“We will respond,” he said—firmly."),
            ["“", "We", "will", "respond", ",", "”", "he", "said", "—", "firmly", "."]
        );
    }

    #[test]
    fn titles_and_initials_keep_their_period() {
        assert_eq!(
            words("Lt. Gen. John J. Smith Jr. arrived."),
            ["Lt.", "Gen.", "John", "J.", "Smith", "Jr.", "arrived", "."]
        );
    }

    #[test]
    fn spans_point_into_the_original_text() {
        let text = "  Moscow (Reuters) -  Talks";
        let t = Tokenizer::new([]);
        let spans = t.tokenize(text, 0, text.len());
        let got: Vec<_> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["Moscow", "(", "Reuters", ")", "-", "Talks"]);
        assert_eq!(spans[0], Span::new(2, 8));
    }
}
