//! The dyad pipeline: one [`Document`] through every stage.
//!
//! ```text
//! ingest ─▶ text ─▶ language ─▶ lexicon ─▶ coding ─▶ output
//! ```
//! Ingest and output live in `dyad-io`; [`Pipeline::process`] runs the
//! stages between them on one document: sentences and tokens (`dyad-text`),
//! tags and lemmas (`dyad-lang`), actor mentions from the dictionaries
//! (`dyad-lexicon`, resolved by `dyad-code`) and events (`dyad-code`).

pub mod dedup;
pub mod merge;

use std::path::Path;

use anyhow::Result;
use dyad_code::Trace;
use dyad_core::{Boilerplate, Document};
use dyad_lang::{Lexicon, Tagger};
use dyad_lexicon::Dictionaries;
use dyad_text::TextAnalyzer;

/// Every stage, loaded once and shared by all threads.
pub struct Pipeline {
    text: TextAnalyzer,
    tagger: &'static Tagger,
    lexicon: &'static Lexicon,
    dictionaries: Dictionaries,
    /// Code inline headlines of related articles as the story's own text.
    include_related: bool,
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
        Pipeline { text, tagger: Tagger::builtin(), lexicon: Lexicon::builtin(), dictionaries, include_related: false }
    }

    /// The pipeline coding inline related-article headlines ("Related: ...")
    /// too, or not (the default).
    pub fn including_related(self, include_related: bool) -> Self {
        Pipeline { include_related, ..self }
    }

    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dictionaries
    }

    /// Runs the text stage: sentences, tokens and stories.
    pub fn segment(&self, doc: &mut Document) {
        self.text.analyze(doc);
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
        self.analyze(doc);
        if self.include_related {
            doc.sentences
                .iter_mut()
                .filter(|s| s.boilerplate == Some(Boilerplate::Related))
                .for_each(|s| s.boilerplate = None);
        }
        dyad_code::code_events(doc, &self.dictionaries, trace);
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
