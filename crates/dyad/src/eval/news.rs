//! `dyad eval news`: real-news sentences coded with every event they report
//! (none, one or several), scored as the reference scorer's `score.py news`
//! scores them.
//!
//! Each record's sentence is coded with the one or two sentences before it
//! in its article as context (the document is context + " " + text), and
//! only events whose trigger starts inside the sentence count. An event is
//! the triple (source country, target country, CAMEO root), a country being
//! an actor code's first three letters (`IGO`, `NGO`, `IMG`, `MNC` for
//! groups; `---` for an actor of no known country or none). Coded and gold
//! triples are matched one to one.

use std::collections::BTreeMap;
use std::fmt;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use dyad_core::{Document, Event, EventActor, Metadata};
use serde::{Deserialize, Serialize};

use super::{describe, listing, parse_iso_date, GOLD_ALIASES};

/// Actor codes whose first three letters name a kind of group, not a country.
const GROUPS: [&str; 4] = ["IGO", "NGO", "IMG", "MNC"];

/// The key of an absent actor or of one without a country.
const NO_COUNTRY: &str = "---";

/// One real-news gold record.
#[derive(Clone, Debug, Deserialize)]
pub struct NewsRecord {
    pub id: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    /// The sentences before `text` in its article, for pronouns and names.
    #[serde(default)]
    pub context: String,
    /// The sentence to code.
    pub text: String,
    pub events: Vec<NewsEvent>,
}

/// A gold event: CAMEO-style actor codes and the event code.
#[derive(Clone, Debug, Deserialize)]
pub struct NewsEvent {
    pub source: String,
    #[serde(default)]
    pub target: Option<String>,
    pub cameo: String,
}

impl NewsRecord {
    /// Where the sentence starts in its document, in bytes.
    fn offset(&self) -> usize {
        if self.context.is_empty() {
            0
        } else {
            self.context.len() + 1
        }
    }
}

/// Reads real-news gold records, one JSON object a line.
pub fn read_gold(text: &str) -> Result<Vec<NewsRecord>> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| serde_json::from_str(line).with_context(|| format!("line {}", i + 1)))
        .collect()
}

/// The document a record is coded as: context + " " + text, with the
/// record's id, title and date (`default_date` when it has none).
pub fn document(record: &NewsRecord, default_date: NaiveDate) -> Document {
    let text = if record.context.is_empty() {
        record.text.clone()
    } else {
        format!("{} {}", record.context, record.text)
    };
    let published = record
        .date
        .as_deref()
        .and_then(parse_iso_date)
        .unwrap_or(default_date);
    let meta = Metadata {
        title: record.title.clone(),
        published: Some(published),
        ..Default::default()
    };
    Document::new(&record.id, text, meta)
}

/// The scoring key of an actor code: its country, its kind of group, or `---`.
fn key(code: Option<&str>) -> String {
    let code = code.unwrap_or(NO_COUNTRY).to_uppercase();
    let first: String = code.chars().take(3).collect();
    if first.is_empty() {
        return NO_COUNTRY.to_string();
    }
    if GROUPS.contains(&first.as_str()) {
        return first;
    }
    GOLD_ALIASES
        .iter()
        .find(|(alias, _)| *alias == first)
        .and_then(|(_, codes)| codes.iter().min())
        .map_or(first, |c| c.to_string())
}

/// A coded actor's key: its country, else its code.
fn actor_key(actor: Option<&EventActor>) -> String {
    let code = actor.and_then(|a| {
        a.country
            .as_deref()
            .filter(|c| !c.is_empty())
            .or(Some(a.code.as_str()))
    });
    key(code)
}

type Triple = (String, String, String);

fn gold_triple(e: &NewsEvent) -> Triple {
    (
        key(Some(&e.source)),
        key(e.target.as_deref()),
        e.cameo.chars().take(2).collect(),
    )
}

fn coded_triple(e: &Event) -> Triple {
    (
        actor_key(e.source.as_ref()),
        actor_key(e.target.as_ref()),
        e.cameo.chars().take(2).collect(),
    )
}

/// The figures of `score.py news`, with the sentences behind them.
#[derive(Debug, Serialize)]
pub struct NewsScore {
    pub gold_events: usize,
    pub coded_events: usize,
    pub matched: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub no_event_sentences: usize,
    pub no_event_quiet: f64,
    /// Per CAMEO root: matched/gold.
    pub recall_by_root: BTreeMap<String, String>,
    /// Gold events not coded.
    #[serde(skip)]
    pub misses: Vec<Finding>,
    /// Coded events not in the gold.
    #[serde(skip)]
    pub false_alarms: Vec<Finding>,
}

/// A missed or falsely coded event and its sentence.
#[derive(Debug)]
pub struct Finding {
    pub id: String,
    pub sentence: String,
    pub event: String,
}

/// Scores the coded documents (one per record, in order) against the gold.
pub fn score(records: &[NewsRecord], docs: &[Document]) -> NewsScore {
    let (mut gold_n, mut coded_n, mut matched) = (0, 0, 0);
    let (mut empty, mut quiet) = (0, 0);
    let mut by_root: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut misses, mut false_alarms) = (Vec::new(), Vec::new());
    for (record, doc) in records.iter().zip(docs) {
        let offset = record.offset();
        let coded: Vec<&Event> = doc
            .events
            .iter()
            .filter(|e| e.evidence.span.start >= offset)
            .collect();
        let mut unmatched: Vec<(Triple, &Event)> =
            coded.iter().map(|e| (coded_triple(e), *e)).collect();
        for g in &record.events {
            let t = gold_triple(g);
            let root = by_root.entry(t.2.clone()).or_default();
            root.0 += 1;
            match unmatched.iter().position(|(c, _)| *c == t) {
                Some(i) => {
                    unmatched.remove(i);
                    matched += 1;
                    root.1 += 1;
                }
                None => misses.push(Finding {
                    id: record.id.clone(),
                    sentence: record.text.clone(),
                    event: format!(
                        "{} → {} {}",
                        g.source,
                        g.target.as_deref().unwrap_or(NO_COUNTRY),
                        g.cameo
                    ),
                }),
            }
        }
        false_alarms.extend(unmatched.iter().map(|(_, e)| Finding {
            id: record.id.clone(),
            sentence: record.text.clone(),
            event: describe(e),
        }));
        gold_n += record.events.len();
        coded_n += coded.len();
        if record.events.is_empty() {
            empty += 1;
            quiet += usize::from(coded.is_empty());
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (precision, recall) = (ratio(matched, coded_n), ratio(matched, gold_n));
    NewsScore {
        gold_events: gold_n,
        coded_events: coded_n,
        matched,
        precision,
        recall,
        f1: if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        },
        no_event_sentences: empty,
        no_event_quiet: if empty == 0 { 1.0 } else { ratio(quiet, empty) },
        recall_by_root: by_root
            .into_iter()
            .map(|(root, (gold, hit))| (root, format!("{hit}/{gold}")))
            .collect(),
        misses,
        false_alarms,
    }
}

impl fmt::Display for NewsScore {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        writeln!(f, "gold_events: {}", self.gold_events)?;
        writeln!(f, "coded_events: {}", self.coded_events)?;
        writeln!(f, "matched: {}", self.matched)?;
        for (name, value) in [
            ("precision", self.precision),
            ("recall", self.recall),
            ("f1", self.f1),
        ] {
            writeln!(f, "{name}: {value:.3}")?;
        }
        writeln!(f, "no_event_sentences: {}", self.no_event_sentences)?;
        writeln!(f, "no_event_quiet: {:.3}", self.no_event_quiet)?;
        writeln!(f, "recall by root: {}", listing(&self.recall_by_root))?;
        for (title, findings) in [
            ("misses", &self.misses),
            ("false alarms", &self.false_alarms),
        ] {
            writeln!(f, "\n{title} ({})", findings.len())?;
            for x in findings {
                writeln!(f, "── {}: {}", x.id, x.sentence)?;
                writeln!(f, "   {}", x.event)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::{Actor, Evidence, Span};

    const GOLD: &str = r#"{"id": "a", "date": "2019-05-14", "context": "Talks failed.", "text": "Japan accused China.", "events": [{"source": "JAPGOV", "target": "CHN", "cameo": "112"}]}
{"id": "b", "context": "", "text": "It rained.", "events": []}
"#;

    fn event(source: &str, target: &str, cameo: &str, start: usize) -> Event {
        let actor = |code: &str| {
            let a = Actor {
                code: code.into(),
                country: Some(code[..3].into()).filter(|c: &String| c != "---"),
                sector: None,
                name: None,
            };
            EventActor::new(code, &a, Span::new(0, 0))
        };
        Event {
            source: Some(actor(source)),
            target: Some(actor(target)),
            cameo: cameo.into(),
            quad_class: 3,
            evidence: Evidence {
                trigger: String::new(),
                span: Span::new(start, start + 1),
                rule: String::new(),
            },
            confidence: 0.5,
            ..super::super::blank_event()
        }
    }

    #[test]
    fn events_match_by_country_and_root_inside_the_sentence_only() {
        let gold = read_gold(GOLD).unwrap();
        let today = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let mut docs: Vec<Document> = gold.iter().map(|r| document(r, today)).collect();
        assert_eq!(docs[0].text, "Talks failed. Japan accused China.");
        // "JAP" is a pre-ISO alias of JPN; the 112 matches the gold 112 by root.
        docs[0].events = vec![
            event("JPNGOV", "CHN", "111", 20),
            event("JPN", "CHN", "112", 2),
        ];
        docs[1].events = vec![event("---GOV", "---", "010", 0)];
        let s = score(&gold, &docs);
        assert_eq!((s.gold_events, s.coded_events, s.matched), (1, 2, 1));
        assert_eq!((s.precision, s.recall), (0.5, 1.0));
        assert_eq!((s.no_event_sentences, s.no_event_quiet), (1, 0.0));
        assert_eq!(s.recall_by_root["11"], "1/1");
        assert_eq!(s.false_alarms.len(), 1);
    }
}
