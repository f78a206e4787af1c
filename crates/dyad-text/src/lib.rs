//! The text stage: sentences and tokens with byte spans into the document.
//!
//! [`TextAnalyzer::analyze`] fills a [`Document`]'s `sentences` (with the
//! boilerplate among them marked), `tokens` and `stories` layers. Its
//! knowledge (abbreviations, typical sentence openers, boilerplate openings)
//! is data under `data/text/`, compiled into the binary.

mod boilerplate;
mod segment;
mod sentence_breaks;
mod stories;
mod tokenize;

use dyad_core::{Document, Sentence, Span, Token};

pub use segment::SentenceSpan;
pub use tokenize::Tokenizer;

const ABBREVIATIONS: &str = include_str!("../../../data/text/abbreviations.txt");
const SENTENCE_STARTERS: &str = include_str!("../../../data/text/sentence-starters.txt");
const BOILERPLATE: &str = include_str!("../../../data/text/boilerplate.tsv");

fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The most tokens a sentence may hold: a longer one (a stop-less line of
/// scraped text) is cut into pieces no longer than this before tagging and
/// parsing, each at its last clause mark (see [`cut_points`]).
pub const MAX_SENTENCE_TOKENS: usize = 1000;

/// Segments documents into sentences and tokens.
pub struct TextAnalyzer {
    tokenizer: Tokenizer,
    segmenter: segment::Segmenter,
    boilerplate: boilerplate::BoilerplateMarker,
}

impl Default for TextAnalyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl TextAnalyzer {
    /// The analyzer with the built-in abbreviation and sentence-opener lists.
    pub fn new() -> Self {
        let boilerplate = boilerplate::BoilerplateMarker::new(data_lines(BOILERPLATE));
        TextAnalyzer {
            tokenizer: Tokenizer::new(data_lines(ABBREVIATIONS)),
            segmenter: segment::Segmenter::new(data_lines(SENTENCE_STARTERS), boilerplate.labels()),
            boilerplate,
        }
    }

    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// Sentence spans of a text, without tokenizing.
    pub fn sentence_spans(&self, text: &str) -> Vec<SentenceSpan> {
        self.segmenter.sentences(text, &self.tokenizer)
    }

    /// Fills `doc.sentences` (boilerplate marked), `doc.tokens` and `doc.stories`.
    pub fn analyze(&self, doc: &mut Document) {
        // Token spans first, so that the tokens are allocated once.
        let mut spans = Vec::new();
        let mut sentences = Vec::new();
        for s in self.sentence_spans(&doc.text) {
            let first = spans.len();
            self.tokenizer
                .tokenize_into(&doc.text, s.span.start, s.span.end, &mut spans);
            let mut start = first;
            for end in cut_points(&doc.text, &spans[first..], MAX_SENTENCE_TOKENS) {
                let end = first + end;
                let span = if start == first && end == spans.len() {
                    s.span
                } else {
                    Span::new(spans[start].start, spans[end - 1].end)
                };
                sentences.push(Sentence {
                    span,
                    tokens: start..end,
                    kind: s.kind,
                    boilerplate: None,
                });
                start = end;
            }
        }
        doc.sentences = sentences;
        doc.tokens = spans.into_iter().map(Token::new).collect();
        self.boilerplate.mark(doc);
        stories::split(doc);
    }
}

/// Where a sentence of `tokens` is cut so that no piece holds more than
/// `max` tokens: the end (exclusive token index) of each piece, the last
/// being `tokens.len()`. A piece ends after its last `,` `;` `:` or dash
/// token; with none (past its first token), after exactly `max` tokens.
/// Linear in the number of tokens.
pub fn cut_points(text: &str, tokens: &[Span], max: usize) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut start = 0;
    while tokens.len() - start > max {
        let window = &tokens[start + 1..start + max];
        let end = window
            .iter()
            .rposition(|t| is_clause_mark(t.slice(text)))
            .map_or(start + max, |i| start + 1 + i + 1);
        ends.push(end);
        start = end;
    }
    ends.push(tokens.len());
    ends
}

fn is_clause_mark(token: &str) -> bool {
    matches!(token, "," | ";" | ":" | "-" | "--" | "–" | "—")
}
