//! `dyad bench`: how fast the whole pipeline, text to events, codes a corpus.
//!
//! Throughput and memory are tracked against targets (sentences per second
//! on one core, peak resident memory), so the figures come from one place
//! and one definition: wall time of the pipeline alone (reading the corpus
//! is not counted), stage times summed over threads, and the process's peak
//! resident set as the kernel reports it.
//!
//! `dyad bench --language` ([`run_language`]) tracks the language analysis
//! on its own (tokens per second through sentences and tokens, tags,
//! lemmas, the dependency parse and the phrases and clauses read off it),
//! on every sentence rather than only
//! those the coder selects, so that the figure does not move with the
//! dictionaries.

use std::collections::BTreeMap;
use std::fmt;
use std::time::{Duration, Instant};

use dyad_core::Document;
use rayon::prelude::*;
use serde::Serialize;

use crate::{Pipeline, Stage, StageTimes};

/// What a benchmark run measured.
#[derive(Debug, Serialize)]
pub struct BenchReport {
    pub threads: usize,
    pub documents: usize,
    pub sentences: usize,
    pub events: usize,
    /// Text coded, in megabytes (10⁶ bytes).
    pub mb: f64,
    pub seconds: f64,
    pub docs_per_sec: f64,
    pub sentences_per_sec: f64,
    pub mb_per_sec: f64,
    /// Peak resident memory of the process (`VmHWM`), in MiB.
    pub peak_rss_mb: Option<f64>,
    /// Seconds in each stage, summed over threads.
    pub stage_seconds: BTreeMap<&'static str, f64>,
}

/// Counts and stage times of some documents.
#[derive(Default)]
struct Tally {
    documents: usize,
    sentences: usize,
    events: usize,
    bytes: usize,
    times: StageTimes,
}

impl Tally {
    fn merge(mut self, other: Tally) -> Tally {
        self.documents += other.documents;
        self.sentences += other.sentences;
        self.events += other.events;
        self.bytes += other.bytes;
        self.times.add(&other.times);
        self
    }
}

/// Codes `docs` on the current rayon pool, dropping each document once
/// counted, and reports the figures.
pub fn run(pipeline: &Pipeline, docs: Vec<Document>) -> BenchReport {
    let start = Instant::now();
    let tally = docs
        .into_par_iter()
        .map(|mut doc| {
            let times = pipeline.process_timed(&mut doc);
            Tally {
                documents: 1,
                sentences: doc.sentences.len(),
                events: doc.events.len(),
                bytes: doc.text.len(),
                times,
            }
        })
        .reduce(Tally::default, Tally::merge);
    let seconds = start.elapsed().as_secs_f64();
    let mb = tally.bytes as f64 / 1e6;
    BenchReport {
        threads: rayon::current_num_threads(),
        documents: tally.documents,
        sentences: tally.sentences,
        events: tally.events,
        mb,
        seconds,
        docs_per_sec: tally.documents as f64 / seconds,
        sentences_per_sec: tally.sentences as f64 / seconds,
        mb_per_sec: mb / seconds,
        peak_rss_mb: peak_rss_mb(),
        stage_seconds: Stage::ALL
            .iter()
            .map(|&s| (s.name(), tally.times.get(s).as_secs_f64()))
            .collect(),
    }
}

/// What a `dyad bench --language` run measured.
#[derive(Debug, Serialize)]
pub struct LanguageReport {
    pub threads: usize,
    pub documents: usize,
    pub sentences: usize,
    pub tokens: usize,
    /// Noun phrases and verb groups, and clauses, read off the parse.
    pub phrases: usize,
    pub clauses: usize,
    pub seconds: f64,
    pub tokens_per_sec: f64,
    /// Seconds in the dependency parser alone (summed over threads), and
    /// its tokens per second on one thread.
    pub parse_seconds: f64,
    pub parser_tokens_per_sec: f64,
}

/// Runs the text and language stages on every sentence of `docs` on the
/// current rayon pool: tokens, tags, lemmas, the dependency parse, and the
/// phrases and clauses read off it; reports tokens per second.
pub fn run_language(pipeline: &Pipeline, docs: Vec<Document>) -> LanguageReport {
    let start = Instant::now();
    let (documents, sentences, tokens, phrases, clauses, parse) = docs
        .into_par_iter()
        .map(|mut doc| {
            let parse = pipeline.analyze_language(&mut doc);
            let (phrases, clauses) = (0..doc.sentences.len())
                .map(|s| crate::syntax(&doc, s))
                .fold((0, 0), |(p, c), (ps, cs)| (p + ps.len(), c + cs.len()));
            (
                1,
                doc.sentences.len(),
                doc.tokens.len(),
                phrases,
                clauses,
                parse,
            )
        })
        .reduce(
            || (0, 0, 0, 0, 0, Duration::ZERO),
            |a, b| {
                (
                    a.0 + b.0,
                    a.1 + b.1,
                    a.2 + b.2,
                    a.3 + b.3,
                    a.4 + b.4,
                    a.5 + b.5,
                )
            },
        );
    let parse_seconds = parse.as_secs_f64();
    let seconds = start.elapsed().as_secs_f64();
    LanguageReport {
        threads: rayon::current_num_threads(),
        documents,
        sentences,
        tokens,
        phrases,
        clauses,
        seconds,
        tokens_per_sec: tokens as f64 / seconds,
        parse_seconds,
        parser_tokens_per_sec: tokens as f64 / parse_seconds,
    }
}

impl fmt::Display for LanguageReport {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        writeln!(
            f,
            "{} documents, {} sentences, {} tokens tokenized, tagged and parsed in {:.2} s on {} thread(s); {} phrases, {} clauses",
            self.documents, self.sentences, self.tokens, self.seconds, self.threads, self.phrases, self.clauses
        )?;
        writeln!(f, "{:.0} tokens/s", self.tokens_per_sec)?;
        writeln!(
            f,
            "the parser alone: {:.2} s, {:.0} tokens/s",
            self.parse_seconds, self.parser_tokens_per_sec
        )
    }
}

/// The process's peak resident set (`VmHWM` in /proc/self/status), in MiB;
/// `None` where the kernel does not report it.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

impl fmt::Display for BenchReport {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        writeln!(
            f,
            "{} documents, {} sentences, {} events, {:.1} MB in {:.2} s on {} thread(s)",
            self.documents, self.sentences, self.events, self.mb, self.seconds, self.threads
        )?;
        writeln!(
            f,
            "{:.0} sentences/s, {:.1} documents/s, {:.2} MB/s",
            self.sentences_per_sec, self.docs_per_sec, self.mb_per_sec
        )?;
        if let Some(rss) = self.peak_rss_mb {
            writeln!(f, "peak memory {rss:.0} MiB")?;
        }
        let stages: Vec<String> = self
            .stage_seconds
            .iter()
            .map(|(k, v)| format!("{k} {v:.2} s"))
            .collect();
        writeln!(f, "stages (summed over threads): {}", stages.join(", "))
    }
}
