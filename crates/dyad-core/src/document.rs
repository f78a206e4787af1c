//! The document and its text layers: sentences, tokens and actor mentions.

use chrono::NaiveDate;
use serde::{Serialize, Serializer};
use std::ops::Range;

use crate::event::Event;

/// A `[start, end)` byte range into a document's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

impl Serialize for Span {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

/// Where a document came from, for messages that name the file and line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    /// 1-based line of a JSON Lines record; `None` for whole files.
    pub line: Option<usize>,
}

/// What the input said about a document besides its text.
#[derive(Clone, Debug, Default)]
pub struct Metadata {
    pub title: Option<String>,
    /// Publication date; ingest fills it from the record or the run's default.
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    pub origin: Origin,
}

/// What kind of text unit a sentence is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SentenceKind {
    /// Running text.
    Body,
    /// A line standing as its own paragraph without final punctuation:
    /// a headline, caption or subhead.
    Headline,
    /// A wire dateline opening a paragraph ("SOCHI, Russia (Reuters) -",
    /// "DEC 05, 2018"): it dates and places the story but holds no event.
    Dateline,
}

/// Why a sentence is not the story's own text; such sentences are not coded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Boilerplate {
    /// The same words printed earlier in the document: a headline or caption
    /// printed twice is coded once.
    Duplicate,
    /// An inline headline of another article ("Related: ...", "READ MORE: ...").
    Related,
    /// A share, subscribe or advertisement line.
    Furniture,
}

/// A sentence: its span in the text and the range of its tokens in
/// [`Document::tokens`].
#[derive(Clone, Debug)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
    pub kind: SentenceKind,
    pub boilerplate: Option<Boilerplate>,
}

/// A token with its byte span; the language stage fills `tag` and `lemma`.
#[derive(Clone, Debug)]
pub struct Token {
    pub span: Span,
    /// Penn Treebank tag (empty until the language stage has run).
    pub tag: &'static str,
    /// Lower-case lemma (empty until the language stage has run).
    pub lemma: String,
    /// The token this one depends on, as an index into
    /// [`Document::tokens`]; `None` for the root of its sentence (and
    /// before the language stage has run).
    pub head: Option<usize>,
    /// The dependency label (spaCy's English set: `nsubj`, `dobj`, `agent`,
    /// `pobj`, `xcomp`, ...; empty until the language stage has run).
    pub dep: &'static str,
}

impl Token {
    pub fn new(span: Span) -> Self {
        Token {
            span,
            head: None,
            dep: "",
            tag: "",
            lemma: String::new(),
        }
    }
}

/// One story of a document. Pages and feeds often glue several stories
/// together, each with its own headline and date; the stages after the text
/// stage date a sentence's events by its story.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Story {
    pub span: Span,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
}

/// The `country` values of non-state actors: intergovernmental and
/// non-governmental organisations, transnational militant groups and
/// multinational companies.
pub const NON_STATE_COUNTRIES: [&str; 4] = ["IGO", "NGO", "IMG", "MNC"];

/// Whether a `country` value names a state (ISO 3166-1 alpha-3) rather than
/// one of the [`NON_STATE_COUNTRIES`] groups.
pub fn is_state(country: &str) -> bool {
    country.len() == 3 && !NON_STATE_COUNTRIES.contains(&country)
}

/// An actor as the dictionaries resolve it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// Full CAMEO-style code, e.g. `RUSGOV`, `UKRMIL`, `IGOUNO`.
    pub code: String,
    /// ISO 3166-1 alpha-3, or `IGO`, `NGO`, `IMG`, `MNC` for non-state actors.
    pub country: Option<String>,
    /// Sector such as `GOV`, `MIL`, `REB`.
    pub sector: Option<String>,
    /// Canonical named entity, e.g. `Vladimir Putin`.
    pub name: Option<String>,
}

/// How an actor mention was resolved.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// A dictionary entry names it.
    Dictionary,
    /// A title or group noun, with the country beside it, gave it.
    Title,
    /// It refers back to an earlier mention (surname, pronoun, description).
    Coreference,
}

/// An actor found in a sentence.
#[derive(Clone, Debug)]
pub struct ActorMention {
    pub sentence: usize,
    /// Token range within [`Document::tokens`].
    pub tokens: Range<usize>,
    pub span: Span,
    pub actor: Actor,
    pub via: Via,
    /// The dictionary entry or rule that resolved it.
    pub entry: String,
    /// The country was not named but inferred from the context: a place the
    /// sentence locates the group in, or the document's leading country.
    /// Such a country is a guess, not evidence (e.g. of which "Tripoli" a
    /// story means).
    pub country_from_context: bool,
    /// The mention names or describes one person (a named person, or a
    /// title such as "the president"), not a state or a group.
    pub person: bool,
}

/// What a sentence quotes: which of its tokens stand inside quotation
/// marks, and whose words they are.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quotation {
    /// Per token of the sentence, whether it is quoted (empty when none is).
    pub inside: Vec<bool>,
    /// The speaker, as an index into [`Document::mentions`].
    pub speaker: Option<usize>,
    /// Whether every word of the sentence is quoted: its speaker's words
    /// with no reporting verb of its own.
    pub whole: bool,
}

/// A document and every layer the pipeline has added to it.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub meta: Metadata,
    /// The stories the text stage found, in text order, covering every sentence.
    pub stories: Vec<Story>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    pub mentions: Vec<ActorMention>,
    /// Per sentence, what it quotes and whose words (the actor stage, once
    /// its mentions are final).
    pub quotations: Vec<Quotation>,
    pub events: Vec<Event>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>, meta: Metadata) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            meta,
            ..Default::default()
        }
    }

    /// A document with only an id, a text and its publication date.
    pub fn dated(id: impl Into<String>, text: impl Into<String>, published: NaiveDate) -> Self {
        Self::new(
            id,
            text,
            Metadata {
                published: Some(published),
                ..Default::default()
            },
        )
    }

    /// The exact words of a span.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: usize) -> &[Token] {
        &self.tokens[self.sentences[sentence].tokens.clone()]
    }

    /// The story a sentence belongs to (none for a line between stories).
    /// Stories are kept in text order, without overlap: a binary search.
    pub fn sentence_story(&self, sentence: usize) -> Option<&Story> {
        let start = self.sentences[sentence].span.start;
        let after = self.stories.partition_point(|s| s.span.start <= start);
        self.stories[..after].last().filter(|s| start <= s.span.end)
    }

    /// The actor mentions of one sentence. Mentions are kept in text order,
    /// so this is a binary search, not a walk through the document's.
    pub fn sentence_mentions(&self, sentence: usize) -> impl Iterator<Item = &ActorMention> {
        let first = self.mentions.partition_point(|m| m.sentence < sentence);
        let end = first + self.mentions[first..].partition_point(|m| m.sentence == sentence);
        self.mentions[first..end].iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(sentence: usize, token: usize, code: &str) -> ActorMention {
        ActorMention {
            sentence,
            tokens: token..token + 1,
            span: Span::new(token, token + 1),
            actor: Actor {
                code: code.to_string(),
                ..Default::default()
            },
            via: Via::Dictionary,
            entry: String::new(),
            country_from_context: false,
            person: false,
        }
    }

    fn sentence(start: usize, end: usize) -> Sentence {
        Sentence {
            span: Span::new(start, end),
            tokens: start..end,
            kind: SentenceKind::Body,
            boilerplate: None,
        }
    }

    #[test]
    fn sentence_mentions_and_stories_are_found_by_position() {
        let doc = Document {
            sentences: (0..5).map(|i| sentence(10 * i, 10 * i + 9)).collect(),
            // Sentence 2 has none, sentence 1 three.
            mentions: vec![
                mention(0, 1, "A"),
                mention(1, 11, "B"),
                mention(1, 12, "C"),
                mention(1, 15, "D"),
                mention(3, 31, "E"),
                mention(4, 41, "F"),
            ],
            // Sentence 2 lies between the stories.
            stories: vec![
                Story {
                    span: Span::new(0, 19),
                    title: None,
                    published: None,
                },
                Story {
                    span: Span::new(30, 49),
                    title: Some("second".into()),
                    published: None,
                },
            ],
            ..Default::default()
        };
        let codes = |si| -> Vec<&str> {
            doc.sentence_mentions(si)
                .map(|m| m.actor.code.as_str())
                .collect()
        };
        assert_eq!(codes(0), ["A"]);
        assert_eq!(codes(1), ["B", "C", "D"]);
        assert!(codes(2).is_empty());
        assert_eq!(codes(3), ["E"]);
        assert_eq!(codes(4), ["F"]);
        let story = |si| doc.sentence_story(si).map(|s| s.span.start);
        assert_eq!(
            (0..5).map(story).collect::<Vec<_>>(),
            [Some(0), Some(0), None, Some(30), Some(30)]
        );
    }
}
