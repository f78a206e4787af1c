//! Sentences longer than `MAX_SENTENCE_TOKENS` are cut before the language
//! stage, at their last clause mark; inputs are generated here.

use dyad_core::{Document, Metadata};
use dyad_text::{TextAnalyzer, MAX_SENTENCE_TOKENS};

fn analyze(text: &str) -> Document {
    let mut doc = Document::new("long", text, Metadata::default());
    TextAnalyzer::new().analyze(&mut doc);
    doc
}

/// Every sentence within the cap, the pieces covering every token in order,
/// each span running from its first token's start to its last token's end.
fn assert_bounded_cover(doc: &Document) {
    let mut next = 0;
    for s in &doc.sentences {
        assert!(
            s.tokens.len() <= MAX_SENTENCE_TOKENS,
            "{} tokens",
            s.tokens.len()
        );
        assert_eq!(s.tokens.start, next);
        assert!(!s.tokens.is_empty());
        assert_eq!(s.span.start, doc.tokens[s.tokens.start].span.start);
        assert_eq!(s.span.end, doc.tokens[s.tokens.end - 1].span.end);
        next = s.tokens.end;
    }
    assert_eq!(next, doc.tokens.len());
}

#[test]
fn a_stopless_line_without_marks_is_cut_every_thousand_tokens() {
    let words: Vec<String> = (0..5000).map(|i| format!("word{i}")).collect();
    let doc = analyze(&words.join(" "));
    assert_eq!(doc.tokens.len(), 5000);
    assert_eq!(doc.sentences.len(), 5);
    assert!(doc
        .sentences
        .iter()
        .all(|s| s.tokens.len() == MAX_SENTENCE_TOKENS));
    assert_bounded_cover(&doc);
}

#[test]
fn a_long_sentence_is_cut_after_its_last_clause_mark_before_the_cap() {
    // Clauses of 10 tokens: 9 words and a mark, the marks taking turns.
    let marks = [",", ";", ":", "—"];
    let mut text = String::new();
    for i in 0..300 {
        for j in 0..9 {
            text.push_str(&format!("w{i}x{j} "));
        }
        text.push_str(marks[i % marks.len()]);
        text.push(' ');
    }
    let doc = analyze(&text);
    assert_eq!(doc.tokens.len(), 3000);
    assert_bounded_cover(&doc);
    let lens: Vec<usize> = doc.sentences.iter().map(|s| s.tokens.len()).collect();
    // The 1,000th token is itself a mark, which ends the first piece.
    assert_eq!(lens, [1000, 1000, 1000]);
    for s in &doc.sentences {
        let last = doc.tokens[s.tokens.end - 1].span.slice(&doc.text);
        assert!(marks.contains(&last), "piece ends with {last:?}");
    }
}

#[test]
fn the_cut_falls_on_the_last_mark_not_on_the_cap() {
    // One comma at token 700, then words only.
    let mut words: Vec<String> = (0..1500).map(|i| format!("w{i}")).collect();
    words[699].push(',');
    let doc = analyze(&words.join(" "));
    assert_eq!(doc.tokens.len(), 1501);
    let lens: Vec<usize> = doc.sentences.iter().map(|s| s.tokens.len()).collect();
    assert_eq!(lens, [701, 800]);
    assert!(doc.sentences[0].span.slice(&doc.text).ends_with("w699,"));
    assert!(doc.sentences[1].span.slice(&doc.text).starts_with("w700"));
    assert_bounded_cover(&doc);
}

#[test]
fn sentences_within_the_cap_keep_their_span() {
    let text = "Rebels seized the town. Officials fled to the capital, reports said.";
    let doc = analyze(text);
    let spans: Vec<&str> = doc.sentences.iter().map(|s| s.span.slice(text)).collect();
    assert_eq!(
        spans,
        [
            "Rebels seized the town.",
            "Officials fled to the capital, reports said."
        ]
    );
}

#[test]
fn a_megabyte_line_is_cut_in_pieces_of_at_most_a_thousand_tokens() {
    let line: String = (0..200_000).map(|i| format!("w{} ", i % 977)).collect();
    let doc = analyze(&line);
    assert_eq!(doc.sentences.len(), 200);
    assert_bounded_cover(&doc);
}
