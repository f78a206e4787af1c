//! The dyad pipeline: one [`Document`] through every stage.
//!
//! ```text
//! ingest ─▶ text ─▶ language ─▶ lexicon ─▶ coding ─▶ resolution ─▶ output
//! ```
//! Ingest and output live in `dyad-io`; [`Pipeline::process`] runs the
//! stages between them on one document: sentences and tokens (`dyad-text`),
//! tags and lemmas (`dyad-lang`), actor mentions from the dictionaries
//! (`dyad-lexicon`, resolved by `dyad-code`), events (`dyad-code`) and their
//! dates and places (`dyad-resolve`). [`Pipeline::process_timed`] runs the
//! same stages and says where the time went, for `dyad bench`.

pub mod bench;
pub mod dedup;
pub mod eval;
mod invisible;
pub mod merge;
mod pieces;
pub mod records;

use std::any::Any;
use std::collections::HashSet;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Result;
use dyad_code::Trace;
use dyad_core::{Boilerplate, Document, Span};
use dyad_lang::{Arc, Clause, Lexicon, Parser, Phrase, Tagger, WordClass};
use dyad_lexicon::{Dictionaries, PatternSet, Reach};
use dyad_resolve::Resolver;
use dyad_text::TextAnalyzer;
use pieces::Kept;

/// Every stage, loaded once and shared by all threads.
pub struct Pipeline {
    text: TextAnalyzer,
    tagger: &'static Tagger,
    parser: &'static Parser,
    lexicon: &'static Lexicon,
    dictionaries: Dictionaries,
    triggers: TriggerWords,
    resolver: Resolver,
    /// Code inline headlines of related articles as the story's own text.
    include_related: bool,
    /// Documents with more text than this are coded in pieces.
    max_document_bytes: Option<usize>,
}

/// Which sentences the language stage analyses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Every,
    /// Sentences that can hold an event: an actor name and a trigger word.
    EventCandidates,
}

impl Pipeline {
    /// The pipeline with the built-in dictionaries.
    pub fn builtin() -> Result<Self> {
        let text = TextAnalyzer::new();
        let dictionaries = Dictionaries::builtin(text.tokenizer())?;
        Ok(Self::with(text, dictionaries))
    }

    /// The pipeline with dictionaries read from a folder (PETRARCH files,
    /// or laid out as `data/`).
    pub fn from_dir(dir: &Path) -> Result<Self> {
        Self::with_dictionaries(Some(dir), None)
    }

    /// The pipeline with the built-in dictionaries or those of `replace`,
    /// and those of `extra` added (see [`Dictionaries::load`]).
    pub fn with_dictionaries(replace: Option<&Path>, extra: Option<&Path>) -> Result<Self> {
        let text = TextAnalyzer::new();
        let dictionaries = Dictionaries::load(replace, extra, text.tokenizer())?;
        Ok(Self::with(text, dictionaries))
    }

    fn with(text: TextAnalyzer, dictionaries: Dictionaries) -> Self {
        let lexicon = Lexicon::builtin();
        let triggers = TriggerWords::new(&dictionaries.patterns, lexicon);
        let resolver = Resolver::builtin();
        Pipeline {
            text,
            tagger: Tagger::builtin(),
            parser: Parser::builtin(),
            lexicon,
            dictionaries,
            triggers,
            resolver,
            include_related: false,
            max_document_bytes: None,
        }
    }

    /// The pipeline coding inline related-article headlines ("Related: ...")
    /// too, or not (the default).
    pub fn including_related(self, include_related: bool) -> Self {
        Pipeline {
            include_related,
            ..self
        }
    }

    /// The pipeline coding (and analysing) a document whose text exceeds
    /// `max` bytes in pieces of at most 1 MB (and `max`) cut at paragraph
    /// boundaries, one piece at a time, so that memory holds one piece's
    /// analysis whatever the document's length: its output reads
    /// as one document's (sentence indices run on, spans point into the
    /// whole text), but a piece is read on its own (a pronoun does not
    /// reach back into the piece before), and the document keeps only the
    /// layers its output needs: coding without a trace keeps no tokens and
    /// no mentions (the token ranges of its sentences are empty), the
    /// analysis of actors no tokens. By default documents are coded whole.
    pub fn coding_in_pieces_above(self, max: usize) -> Self {
        Pipeline {
            max_document_bytes: Some(max),
            ..self
        }
    }

    /// The length above which a document is coded in pieces, if any.
    pub fn max_document_bytes(&self) -> Option<usize> {
        self.max_document_bytes
    }

    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dictionaries
    }

    /// Runs the text stage: sentences, tokens and stories.
    pub fn segment(&self, doc: &mut Document) {
        self.text.analyze(doc);
    }

    /// Runs the text, language and lexicon stages on every sentence:
    /// sentences, tokens, tags, lemmas and actor mentions.
    pub fn analyze(&self, doc: &mut Document) {
        self.in_pieces(
            doc,
            Kept::Mentions,
            |piece, _| self.analyze_in(piece, Scope::Every, &mut NoStopwatch),
            |_| {},
        );
    }

    /// Runs the text and language stages on every sentence: sentences,
    /// tokens, tags, lemmas and the dependency parse, without actors;
    /// returns the time the parse took.
    pub fn analyze_language(&self, doc: &mut Document) -> Duration {
        self.text.analyze(doc);
        let every = vec![true; doc.sentences.len()];
        self.tag(doc, &every);
        let start = Instant::now();
        self.parse(doc, &every);
        start.elapsed()
    }

    /// Runs every stage; with `trace`, records why each sentence was or was
    /// not coded. Without one, only sentences that can hold an event (an
    /// actor name and a trigger word) are tagged and coded, which gives the
    /// same events in a fraction of the time: most news sentences hold none.
    pub fn process(&self, doc: &mut Document, trace: Option<&mut Vec<Trace>>) {
        match trace {
            None => self.process_each_piece(doc, |_| {}),
            Some(trace) => self.in_pieces(
                doc,
                Kept::All,
                |piece, first_sentence| {
                    let mut traced = Vec::new();
                    self.run(piece, Some(&mut traced), &mut NoStopwatch);
                    trace.extend(traced.into_iter().map(|mut t| {
                        t.sentence += first_sentence;
                        t
                    }));
                },
                |_| {},
            ),
        }
    }

    /// Runs [`Pipeline::process`] without a trace, handing the document to
    /// `coded` after each piece of a document coded in pieces (once for
    /// another), its events those coded so far: `coded` may write them and
    /// drop them, so that memory never holds a long document's events all
    /// at once.
    pub fn process_each_piece(&self, doc: &mut Document, coded: impl FnMut(&mut Document)) {
        self.in_pieces(
            doc,
            Kept::Events,
            |piece, _| self.run(piece, None, &mut NoStopwatch),
            coded,
        );
    }

    /// Runs `stage` on the document, or, when its text is longer than
    /// [`Pipeline::coding_in_pieces_above`] allows, on each of its pieces
    /// in turn, joining their layers into the document's (see the
    /// `pieces` module), the `kept` ones; `stage` is also given the index
    /// the piece's first sentence takes in the document. Either way the
    /// stages read the text without its invisible characters (see the
    /// `invisible` module), and the spans they give point into the text as
    /// it is. `coded` is given the document after each piece is joined
    /// (once, for a document read whole).
    fn in_pieces(
        &self,
        doc: &mut Document,
        kept: Kept,
        mut stage: impl FnMut(&mut Document, usize),
        mut coded: impl FnMut(&mut Document),
    ) {
        let max = self.max_document_bytes.filter(|&m| doc.text.len() > m);
        if max.is_none() && !invisible::any(&doc.text) {
            stage(doc, 0);
            coded(doc);
            return;
        }
        // a document read whole (only its invisible characters stripped)
        // keeps every layer, as the stages made it
        let (longest, kept) = match max {
            Some(max) => (max.min(pieces::PIECE_BYTES), kept),
            None => (doc.text.len(), Kept::All),
        };
        for range in pieces::pieces(&doc.text, longest) {
            let (text, removed) = invisible::strip(&doc.text[range.clone()]);
            let mut piece = Document::new(doc.id.clone(), text, doc.meta.clone());
            stage(&mut piece, doc.sentences.len());
            let place = |span: Span| {
                let span = removed.original(span);
                Span::new(span.start + range.start, span.end + range.start)
            };
            pieces::join(doc, piece, place, kept);
            coded(doc);
        }
    }

    /// Runs every stage, as [`Pipeline::process`] does, and returns the time
    /// each took.
    pub fn process_timed(&self, doc: &mut Document) -> StageTimes {
        let mut laps = Laps {
            last: Instant::now(),
            times: StageTimes::default(),
        };
        self.in_pieces(
            doc,
            Kept::Events,
            |piece, _| self.run(piece, None, &mut laps),
            |_| {},
        );
        laps.times
    }

    /// Runs [`Pipeline::process`], catching a panic so that one document
    /// cannot stop a batch: the document's analysis is then dropped (it has
    /// no sentences, mentions or events) and the error names it.
    pub fn process_isolated(
        &self,
        doc: &mut Document,
        trace: Option<&mut Vec<Trace>>,
    ) -> Result<(), CodingFailed> {
        isolated(doc, |doc| self.process(doc, trace))
    }

    /// Runs [`Pipeline::process_each_piece`], catching a panic as
    /// [`Pipeline::process_isolated`] does (what `coded` was given of the
    /// pieces before stands).
    pub fn process_each_piece_isolated(
        &self,
        doc: &mut Document,
        coded: impl FnMut(&mut Document),
    ) -> Result<(), CodingFailed> {
        isolated(doc, |doc| self.process_each_piece(doc, coded))
    }

    fn run(&self, doc: &mut Document, trace: Option<&mut Vec<Trace>>, watch: &mut impl Stopwatch) {
        let scope = if trace.is_some() {
            Scope::Every
        } else {
            Scope::EventCandidates
        };
        self.analyze_in(doc, scope, watch);
        if self.include_related {
            doc.sentences
                .iter_mut()
                .filter(|s| s.boilerplate == Some(Boilerplate::Related))
                .for_each(|s| s.boilerplate = None);
        }
        // The coder reads the parse of the sentences that can hold an event;
        // a trace shows the others' too, parsed after coding so that what is
        // coded never depends on whether a trace was asked for.
        let parsed = dyad_code::matching_sentences(doc, &self.dictionaries);
        self.parse(doc, &parsed);
        watch.lap(Stage::Language);
        let traced = trace.is_some();
        #[cfg(feature = "fault-injection")]
        inject_fault(doc);
        dyad_code::code_events(doc, &self.dictionaries, trace);
        if traced {
            let rest: Vec<bool> = parsed.iter().map(|p| !p).collect();
            self.parse(doc, &rest);
        }
        self.discard(doc);
        watch.lap(Stage::Coding);
        self.resolver.resolve(doc);
        watch.lap(Stage::Resolution);
    }

    /// Drops the events of sentences holding a discard phrase, or all of a
    /// document's when a phrase discards the whole story.
    fn discard(&self, doc: &mut Document) {
        let discards = &self.dictionaries.discards;
        if discards.is_empty() || doc.events.is_empty() {
            return;
        }
        let mut dropped = vec![false; doc.sentences.len()];
        for (si, dropped) in dropped.iter_mut().enumerate() {
            match discards.find(&sentence_words(doc, si)) {
                Some(Reach::Story) => {
                    doc.events.clear();
                    return;
                }
                Some(Reach::Sentence) => *dropped = true,
                None => {}
            }
        }
        doc.events.retain(|e| !dropped[e.sentence]);
    }

    fn analyze_in(&self, doc: &mut Document, scope: Scope, watch: &mut impl Stopwatch) {
        self.text.analyze(doc);
        watch.lap(Stage::Text);
        let names = dyad_code::find_names(doc, &self.dictionaries.actors);
        // Every sentence keeps its actor names (coreference and the
        // document's leading country need them all); only candidates are
        // tagged: a trigger word and an actor, named or referred to ("he",
        // "Assad").
        let actors = &self.dictionaries.actors;
        let selected: Vec<bool> = doc
            .sentences
            .iter()
            .zip(&names)
            .map(|(sentence, found)| {
                let words = || {
                    doc.tokens[sentence.tokens.clone()]
                        .iter()
                        .map(|t| t.span.slice(&doc.text))
                };
                let actor =
                    || !found.is_empty() || words().any(|w| dyad_code::may_refer(w, actors));
                scope == Scope::Every || actor() && self.triggers.any(words())
            })
            .collect();
        watch.lap(Stage::Actors);
        self.tag(doc, &selected);
        watch.lap(Stage::Language);
        dyad_code::resolve_actors(
            doc,
            &self.dictionaries.actors,
            &self.dictionaries.senses,
            names,
        );
        watch.lap(Stage::Actors);
    }

    /// Tags and lemmas, one selected sentence at a time.
    fn tag(&self, doc: &mut Document, selected: &[bool]) {
        for s in (0..doc.sentences.len()).filter(|&s| selected[s]) {
            let range = doc.sentences[s].tokens.clone();
            let words = sentence_words(doc, s);
            let tags = self.tagger.tag(&words);
            let lemmas: Vec<String> = words
                .iter()
                .zip(&tags)
                .map(|(w, t)| self.lexicon.lemma(w, t))
                .collect();
            for ((tok, tag), lemma) in doc.tokens[range].iter_mut().zip(tags).zip(lemmas) {
                tok.tag = tag;
                tok.lemma = lemma;
            }
        }
    }

    /// The dependency layer of the selected (tagged) sentences.
    fn parse(&self, doc: &mut Document, selected: &[bool]) {
        for s in (0..doc.sentences.len()).filter(|&s| selected[s]) {
            let range = doc.sentences[s].tokens.clone();
            let words = sentence_words(doc, s);
            let tags: Vec<&'static str> = doc.tokens[range.clone()].iter().map(|t| t.tag).collect();
            let arcs = self.parser.parse(&words, &tags);
            let first = range.start;
            for (tok, arc) in doc.tokens[range].iter_mut().zip(arcs) {
                tok.head = arc.head.map(|h| first + h);
                tok.dep = arc.label;
            }
        }
    }
}

/// Runs `code` on the document, catching a panic so that one document
/// cannot stop a batch: the document's analysis is then dropped (it has no
/// sentences, mentions or events) and the error names it.
fn isolated(doc: &mut Document, code: impl FnOnce(&mut Document)) -> Result<(), CodingFailed> {
    let caught = panic::catch_unwind(AssertUnwindSafe(|| code(doc)));
    caught.map_err(|payload| {
        doc.stories.clear();
        doc.sentences.clear();
        doc.tokens.clear();
        doc.mentions.clear();
        doc.quotations.clear();
        doc.events.clear();
        let o = &doc.meta.origin;
        CodingFailed {
            file: o.file.clone(),
            line: o.line,
            id: doc.id.clone(),
            message: panic_message(payload.as_ref()),
        }
    })
}

/// A panic while coding one document, caught by
/// [`Pipeline::process_isolated`]: where the document was read and why.
#[derive(Debug, thiserror::Error)]
#[error("{}: coding failed: {message}", origin(.file, .line, .id))]
pub struct CodingFailed {
    pub file: String,
    /// The JSON Lines record's line; `None` for a whole file.
    pub line: Option<usize>,
    pub id: String,
    /// What the panic said.
    pub message: String,
}

/// `FILE:LINE (document ID)`, or `FILE (document ID)` for a whole file.
fn origin(file: &str, line: &Option<usize>, id: &str) -> String {
    match line {
        Some(line) => format!("{file}:{line} (document {id})"),
        None => format!("{file} (document {id})"),
    }
}

fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic".to_string()
    }
}

/// For the fault-isolation test: panics while coding the document whose id
/// `DYAD_FAULT_PANIC` names (read only in builds with the `fault-injection`
/// feature).
#[cfg(feature = "fault-injection")]
fn inject_fault(doc: &Document) {
    if std::env::var("DYAD_FAULT_PANIC").is_ok_and(|id| id == doc.id) {
        panic!("fault injected into document {}", doc.id);
    }
}

/// The words of sentence `s`, as its tokens slice the text.
fn sentence_words(doc: &Document, s: usize) -> Vec<&str> {
    doc.tokens[doc.sentences[s].tokens.clone()]
        .iter()
        .map(|t| t.span.slice(&doc.text))
        .collect()
}

/// Which events are printed: by default those the text asserts or states
/// as intended (see [`dyad_core::Factuality::printed_by_default`]); with
/// `all`, every candidate; and of those, the ones at or above a confidence.
#[derive(Clone, Copy, Debug, Default)]
pub struct Printed {
    pub all: bool,
    pub min_confidence: Option<f64>,
}

impl Printed {
    /// Keeps a document's printed events.
    pub fn keep(&self, doc: &mut Document) {
        doc.events.retain(|e| {
            (self.all || e.factuality.printed_by_default())
                && self.min_confidence.is_none_or(|m| e.confidence >= m)
        });
    }
}

/// The phrases and clauses of a sentence, read off its dependency layer,
/// with word indices within the sentence (as its tokens count).
pub fn syntax(doc: &Document, sentence: usize) -> (Vec<Phrase>, Vec<Clause>) {
    let range = doc.sentences[sentence].tokens.clone();
    let tokens = &doc.tokens[range.clone()];
    let tags: Vec<&str> = tokens.iter().map(|t| t.tag).collect();
    let arcs: Vec<Arc> = tokens
        .iter()
        .map(|t| Arc {
            head: t.head.map(|h| h - range.start),
            label: t.dep,
        })
        .collect();
    (
        dyad_lang::phrases::phrases(&tags, &arcs),
        dyad_lang::phrases::clauses(&tags, &arcs),
    )
}

/// Every surface form of every event-pattern trigger, lower case (the
/// triggers themselves too: PETRARCH lists forms such as "said"), and the
/// demand word: a sentence without one of them cannot hold an event.
struct TriggerWords(HashSet<String>);

impl TriggerWords {
    fn new(patterns: &PatternSet, lexicon: &Lexicon) -> Self {
        let classes = [WordClass::Verb, WordClass::Noun, WordClass::Adjective];
        let forms = patterns
            .heads()
            .flat_map(|head| classes.iter().flat_map(move |&c| lexicon.forms(head, c)));
        let heads = patterns.heads().map(String::from);
        TriggerWords(
            forms
                .chain(heads)
                .chain(dyad_code::OBLIGATION_WORDS.map(|(word, _)| word.to_string()))
                .collect(),
        )
    }

    /// Whether one of the words is a trigger form, compared as the lemmatizer
    /// sees them (lower case, straight apostrophes).
    fn any<'a>(&self, mut words: impl Iterator<Item = &'a str>) -> bool {
        words.any(|w| {
            if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
                self.0.contains(w)
            } else {
                self.0.contains(&w.to_lowercase().replace('\u{2019}', "'"))
            }
        })
    }
}

/// A stage of [`Pipeline::process`], as [`StageTimes`] reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Sentences and tokens.
    Text,
    /// Tags and lemmas.
    Language,
    /// Actor names found and composed into mentions.
    Actors,
    /// Event patterns and their actors.
    Coding,
    /// Event dates and places.
    Resolution,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Text,
        Stage::Language,
        Stage::Actors,
        Stage::Coding,
        Stage::Resolution,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Text => "text",
            Stage::Language => "language",
            Stage::Actors => "actors",
            Stage::Coding => "coding",
            Stage::Resolution => "resolution",
        }
    }
}

/// Time spent in each stage.
#[derive(Clone, Copy, Debug, Default)]
pub struct StageTimes([Duration; Stage::ALL.len()]);

impl StageTimes {
    pub fn get(&self, stage: Stage) -> Duration {
        self.0[stage as usize]
    }

    pub fn add(&mut self, other: &StageTimes) {
        for (mine, theirs) in self.0.iter_mut().zip(other.0) {
            *mine += theirs;
        }
    }
}

/// Marks the end of each stage; timing is compiled in only where asked
/// for, so [`Pipeline::process`] pays nothing for it.
trait Stopwatch {
    fn lap(&mut self, stage: Stage);
}

struct NoStopwatch;

impl Stopwatch for NoStopwatch {
    fn lap(&mut self, _: Stage) {}
}

/// Adds the time since the previous lap to the stage that just ended.
struct Laps {
    last: Instant,
    times: StageTimes,
}

impl Stopwatch for Laps {
    fn lap(&mut self, stage: Stage) {
        let now = Instant::now();
        self.times.0[stage as usize] += now - self.last;
        self.last = now;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::Metadata;

    #[test]
    fn coding_only_event_candidates_gives_the_events_of_a_full_analysis() {
        let pipeline = Pipeline::builtin().unwrap();
        let text = include_str!("../../../examples/sample-page.txt");
        let date = chrono::NaiveDate::from_ymd_opt(2019, 5, 14);
        let doc = || {
            Document::new(
                "sample",
                text,
                Metadata {
                    published: date,
                    ..Default::default()
                },
            )
        };
        let (mut candidates, mut every) = (doc(), doc());
        pipeline.process(&mut candidates, None);
        pipeline.process(&mut every, Some(&mut Vec::new()));
        assert!(!every.events.is_empty());
        assert_eq!(candidates.events, every.events);
        let untagged = candidates
            .tokens
            .iter()
            .filter(|t| t.tag.is_empty())
            .count();
        assert!(untagged > 0, "every sentence was tagged");
    }
}
