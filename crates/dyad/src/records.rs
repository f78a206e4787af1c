//! The JSON records of `dyad actors` (one per actor mention) and of
//! `dyad explain --json` (one per sentence), shared by the command line and
//! the Python package.

use dyad_code::Trace;
use dyad_core::{ActorMention, Document};
use dyad_io::EventRecord;
use serde::Serialize;

/// One actor mention, as `dyad actors` prints it.
#[derive(Serialize)]
pub struct MentionRecord<'a> {
    pub doc_id: &'a str,
    pub sentence_index: usize,
    pub text: &'a str,
    pub span: dyad_core::Span,
    pub code: &'a str,
    pub country: Option<&'a str>,
    pub sector: Option<&'a str>,
    pub name: Option<&'a str>,
    pub via: dyad_core::Via,
    pub entry: &'a str,
}

impl<'a> MentionRecord<'a> {
    pub fn new(doc: &'a Document, m: &'a ActorMention) -> Self {
        MentionRecord {
            doc_id: &doc.id,
            sentence_index: m.sentence,
            text: doc.slice(m.span),
            span: m.span,
            code: &m.actor.code,
            country: m.actor.country.as_deref(),
            sector: m.actor.sector.as_deref(),
            name: m.actor.name.as_deref(),
            via: m.via,
            entry: &m.entry,
        }
    }
}

/// The words of a sentence-relative token range.
pub fn words_of(doc: &Document, si: usize, words: &std::ops::Range<usize>) -> String {
    let tokens = &doc.sentence_tokens(si)[words.clone()];
    match (tokens.first(), tokens.last()) {
        (Some(a), Some(b)) => doc.slice(a.span.cover(b.span)).to_string(),
        _ => String::new(),
    }
}

/// One sentence's analysis, as `dyad explain --json` prints it: tokens,
/// phrases, clauses, actors, the patterns tried, the candidates dropped and
/// the events coded.
pub fn sentence_json(doc: &Document, t: &Trace) -> serde_json::Value {
    let s = &doc.sentences[t.sentence];
    let (phrases, clauses) = crate::syntax(doc, t.sentence);
    let phrases: Vec<_> = phrases
        .iter()
        .map(|p| serde_json::json!({"kind": p.kind.label(), "words": [p.words.start, p.words.end], "head": p.head, "text": words_of(doc, t.sentence, &p.words)}))
        .collect();
    let clauses: Vec<_> = clauses
        .iter()
        .map(|c| serde_json::json!({"kind": c.kind, "verb": c.verb, "words": [c.words.start, c.words.end], "text": words_of(doc, t.sentence, &c.words)}))
        .collect();
    let tokens: Vec<_> = doc.tokens[s.tokens.clone()]
        .iter()
        .map(|tok| {
            // The head as an index within the sentence, as the tokens list counts.
            let head = tok.head.map(|h| h - s.tokens.start);
            serde_json::json!({"text": doc.slice(tok.span), "span": tok.span, "tag": tok.tag, "lemma": tok.lemma, "head": head, "dep": tok.dep})
        })
        .collect();
    let actors: Vec<_> = doc
        .sentence_mentions(t.sentence)
        .map(|m| serde_json::json!({"text": doc.slice(m.span), "span": m.span, "code": m.actor.code, "country": m.actor.country, "sector": m.actor.sector, "name": m.actor.name, "via": m.via, "entry": m.entry}))
        .collect();
    let attempts: Vec<_> = t
        .attempts
        .iter()
        .map(|a| serde_json::json!({"rule": a.rule, "trigger": a.trigger, "outcome": a.outcome}))
        .collect();
    let dropped: Vec<_> = t
        .dropped
        .iter()
        .map(|d| serde_json::json!({"trigger": d.trigger, "rule": d.rule, "reason": d.reason.as_str()}))
        .collect();
    let events: Vec<_> = doc
        .events
        .iter()
        .filter(|e| e.sentence == t.sentence)
        .map(|e| EventRecord::new(doc, e))
        .collect();
    serde_json::json!({
        "doc_id": doc.id, "sentence_index": t.sentence, "sentence": doc.slice(s.span), "kind": s.kind, "boilerplate": s.boilerplate,
        "tokens": tokens, "phrases": phrases, "clauses": clauses, "actors": actors, "attempts": attempts, "dropped": dropped, "events": events,
    })
}
