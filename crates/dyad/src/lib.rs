//! The dyad pipeline: one [`Document`] through every stage.
//!
//! ```text
//! ingest ─▶ text ─▶ language ─▶ lexicon ─▶ coding ─▶ output
//! ```
//! Ingest and output live in `dyad-io`; [`Pipeline::process`] runs the
//! stages between them on one document: sentences and tokens (`dyad-text`),
//! tags and lemmas (`dyad-lang`), actor mentions from the dictionaries
//! (`dyad-lexicon`, resolved by `dyad-code`) and events (`dyad-code`).
//! [`Pipeline::process_timed`] runs the same stages and says where the time
//! went, for `dyad bench`.

pub mod bench;
pub mod eval;

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Result;
use dyad_code::Trace;
use dyad_core::Document;
use dyad_lang::{Lexicon, Tagger};
use dyad_lexicon::Dictionaries;
use dyad_text::TextAnalyzer;

/// Every stage, loaded once and shared by all threads.
pub struct Pipeline {
    text: TextAnalyzer,
    tagger: &'static Tagger,
    lexicon: &'static Lexicon,
    dictionaries: Dictionaries,
}

impl Pipeline {
    /// The pipeline with the built-in dictionaries.
    pub fn builtin() -> Result<Self> {
        let text = TextAnalyzer::new();
        let dictionaries = Dictionaries::builtin(text.tokenizer())?;
        Ok(Self::with(text, dictionaries))
    }

    /// The pipeline with dictionaries read from a folder laid out as `data/`.
    pub fn from_dir(dir: &Path) -> Result<Self> {
        let text = TextAnalyzer::new();
        let dictionaries = Dictionaries::load_dir(dir, text.tokenizer())?;
        Ok(Self::with(text, dictionaries))
    }

    fn with(text: TextAnalyzer, dictionaries: Dictionaries) -> Self {
        Pipeline { text, tagger: Tagger::builtin(), lexicon: Lexicon::builtin(), dictionaries }
    }

    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dictionaries
    }

    /// Runs the text, language and lexicon stages: sentences, tokens, tags,
    /// lemmas and actor mentions.
    pub fn analyze(&self, doc: &mut Document) {
        self.text.analyze(doc);
        self.language(doc);
        dyad_code::resolve_actors(doc, &self.dictionaries.actors);
    }

    /// Runs every stage; with `trace`, records why each sentence was or was
    /// not coded.
    pub fn process(&self, doc: &mut Document, trace: Option<&mut Vec<Trace>>) {
        self.run(doc, trace, &mut NoStopwatch);
    }

    /// Runs every stage, as [`Pipeline::process`] does, and returns the time
    /// each took.
    pub fn process_timed(&self, doc: &mut Document) -> StageTimes {
        let mut laps = Laps { last: Instant::now(), times: StageTimes::default() };
        self.run(doc, None, &mut laps);
        laps.times
    }

    fn run(&self, doc: &mut Document, trace: Option<&mut Vec<Trace>>, watch: &mut impl Stopwatch) {
        self.text.analyze(doc);
        watch.lap(Stage::Text);
        self.language(doc);
        watch.lap(Stage::Language);
        dyad_code::resolve_actors(doc, &self.dictionaries.actors);
        watch.lap(Stage::Actors);
        dyad_code::code_events(doc, &self.dictionaries, trace);
        watch.lap(Stage::Coding);
    }

    /// Tags and lemmas, one sentence at a time.
    fn language(&self, doc: &mut Document) {
        for s in 0..doc.sentences.len() {
            let range = doc.sentences[s].tokens.clone();
            let words: Vec<&str> = doc.tokens[range.clone()].iter().map(|t| t.span.slice(&doc.text)).collect();
            let tags = self.tagger.tag(&words);
            let lemmas: Vec<String> = words.iter().zip(&tags).map(|(w, t)| self.lexicon.lemma(w, t)).collect();
            for ((tok, tag), lemma) in doc.tokens[range].iter_mut().zip(tags).zip(lemmas) {
                tok.tag = tag;
                tok.lemma = lemma;
            }
        }
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
}

impl Stage {
    pub const ALL: [Stage; 4] = [Stage::Text, Stage::Language, Stage::Actors, Stage::Coding];

    pub fn name(self) -> &'static str {
        match self {
            Stage::Text => "text",
            Stage::Language => "language",
            Stage::Actors => "actors",
            Stage::Coding => "coding",
        }
    }
}

/// Time spent in each stage.
#[derive(Clone, Copy, Debug, Default)]
pub struct StageTimes([Duration; 4]);

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
