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

use dyad_core::{Document, Sentence, Token};

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
        TextAnalyzer {
            tokenizer: Tokenizer::new(data_lines(ABBREVIATIONS)),
            segmenter: segment::Segmenter::new(data_lines(SENTENCE_STARTERS)),
            boilerplate: boilerplate::BoilerplateMarker::new(data_lines(BOILERPLATE)),
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
        doc.sentences = self
            .sentence_spans(&doc.text)
            .into_iter()
            .map(|s| {
                let first = spans.len();
                self.tokenizer
                    .tokenize_into(&doc.text, s.span.start, s.span.end, &mut spans);
                Sentence {
                    span: s.span,
                    tokens: first..spans.len(),
                    kind: s.kind,
                    boilerplate: None,
                }
            })
            .collect();
        doc.tokens = spans.into_iter().map(Token::new).collect();
        self.boilerplate.mark(doc);
        stories::split(doc);
    }
}
