//! Date expressions: the input's first line as the publication date (as the
//! JSON Lines reader reads `published`; anything else leaves the document
//! undated), the rest as its text. After the text stage every sentence gets
//! two events, one asserted at its first token and one intended ("will
//! meet") at its last, and the resolver dates and places them: time
//! expressions, datelines, date lines and place names.

use chrono::NaiveDate;
use dyad_core::{Document, Event, Evidence, Factuality, Metadata};
use dyad_resolve::Resolver;
use dyad_text::TextAnalyzer;

fn main() {
    let analyzer = TextAnalyzer::new();
    let resolver = Resolver::builtin();
    // Parsed on first use: once here, not in every forked run.
    dyad_resolve::Gazetteer::builtin();
    afl::fuzz!(|data: &[u8]| {
        let input = String::from_utf8_lossy(data);
        let (first_line, text) = input.split_once('\n').unwrap_or(("", &input));
        let published = first_line
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let meta = Metadata {
            published,
            ..Default::default()
        };
        let mut doc = Document::new("fuzz", text, meta);
        analyzer.analyze(&mut doc);
        doc.events = events_at_sentence_ends(&doc);
        resolver.resolve(&mut doc);
    });
}

fn events_at_sentence_ends(doc: &Document) -> Vec<Event> {
    let mut events = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let tokens = &doc.tokens[sentence.tokens.clone()];
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            continue;
        };
        events.push(event(doc, s, first.span, Factuality::Asserted));
        events.push(event(doc, s, last.span, Factuality::Intended));
    }
    events
}

fn event(
    doc: &Document,
    sentence: usize,
    trigger: dyad_core::Span,
    factuality: Factuality,
) -> Event {
    Event {
        sentence,
        date: None,
        date_text: None,
        source: None,
        target: None,
        cameo: "036".to_string(),
        cameo_name: "Express intent to meet or negotiate".to_string(),
        plover: Some("AGREE".to_string()),
        quad_class: 1,
        goldstein: 4.0,
        mode: None,
        context: Vec::new(),
        factuality,
        location: None,
        evidence: Evidence {
            trigger: doc.slice(trigger).to_string(),
            span: trigger,
            rule: "fuzz".to_string(),
        },
        confidence: 0.5,
    }
}
