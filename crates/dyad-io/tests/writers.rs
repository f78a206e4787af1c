//! The writers: JSON Lines carries the schema; CSV and TSV flatten it.

use chrono::NaiveDate;
use dyad_core::{
    Actor, Document, Event, EventActor, EventDate, Evidence, Factuality, Location, Metadata,
    Sentence, SentenceKind, Span,
};
use dyad_io::{EventWriter, Export, Format, FLAT_COLUMNS};

fn document() -> Document {
    let text = "Israel accused Iran of attacking a tanker.";
    let mut doc = Document::new("d1", text, Metadata::default());
    doc.sentences.push(Sentence {
        span: Span::new(0, text.len()),
        tokens: 0..0,
        kind: SentenceKind::Body,
        boilerplate: None,
    });
    let actor = |code: &str, span: Span| {
        let a = Actor {
            code: code.into(),
            country: Some(code.into()),
            sector: None,
            name: None,
        };
        EventActor::new(&text[span.start..span.end], &a, span)
    };
    doc.events.push(Event {
        sentence: 0,
        date: Some(EventDate::day(
            NaiveDate::from_ymd_opt(2019, 5, 14).unwrap(),
        )),
        date_text: Some("Monday".into()),
        source: Some(actor("ISR", Span::new(0, 6))),
        target: Some(actor("IRN", Span::new(15, 19))),
        cameo: "112".into(),
        cameo_name: "Accuse".into(),
        plover: Some("ACCUSE".into()),
        quad_class: 3,
        goldstein: -2.0,
        mode: Some("disapprove".into()),
        context: vec![],
        factuality: Factuality::Asserted,
        location: Some(Location {
            name: "Tripoli".into(),
            country: Some("LBN".into()),
            admin1: Some("LB.09".into()),
            lat: Some(34.43352),
            lon: Some(35.84415),
            geonames_id: Some(266826),
            text: "TRIPOLI".into(),
        }),
        evidence: Evidence {
            trigger: "accused of".into(),
            span: Span::new(7, 14),
            rule: "112 accuse + of".into(),
        },
        confidence: 0.8,
    });
    doc
}

fn written(format: Format) -> String {
    let doc = document();
    let mut out = Vec::new();
    let mut w = EventWriter::new(format, false, &mut out).unwrap();
    w.write(&Export::of(&doc, &doc.events[0])).unwrap();
    w.flush().unwrap();
    drop(w);
    String::from_utf8(out).unwrap()
}

#[test]
fn jsonl_has_the_schema_fields() {
    let line = written(Format::Jsonl);
    let v: serde_json::Value = serde_json::from_str(line.trim()).unwrap();
    assert_eq!(v["doc_id"], "d1");
    assert_eq!(v["sentence_index"], 0);
    assert_eq!(v["sentence"], "Israel accused Iran of attacking a tanker.");
    assert_eq!(v["date"], "2019-05-14");
    assert_eq!(v["source"]["code"], "ISR");
    assert_eq!(v["target"]["span"], serde_json::json!([15, 19]));
    assert_eq!(v["cameo"], "112");
    assert_eq!(v["plover"], "ACCUSE");
    assert_eq!(v["quad_class"], 3);
    assert_eq!(v["evidence"]["rule"], "112 accuse + of");
    assert_eq!(v["date_precision"], "day");
    assert_eq!(v["date_text"], "Monday");
    assert_eq!(v["location"]["admin1"], "LB.09");
    assert_eq!(v["location"]["geonames_id"], 266826);
    assert_eq!(v["location"]["text"], "TRIPOLI");
    assert_eq!(v["event_id"].as_str().unwrap().len(), 16);
    // Same input, same id.
    assert_eq!(written(Format::Jsonl), line);
}

#[test]
fn tsv_and_csv_flatten_into_documented_columns() {
    let tsv = written(Format::Tsv);
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next().unwrap().split('\t').collect::<Vec<_>>(),
        FLAT_COLUMNS
    );
    let row: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |name: &str| row[FLAT_COLUMNS.iter().position(|c| *c == name).unwrap()];
    assert_eq!(col("source_code"), "ISR");
    assert_eq!(col("target_country"), "IRN");
    assert_eq!(col("source_start"), "0");
    assert_eq!(col("cameo"), "112");
    assert_eq!(col("date_precision"), "day");
    assert_eq!(col("date_text"), "Monday");
    assert_eq!(col("location_admin1"), "LB.09");
    assert_eq!(col("location_geonames_id"), "266826");
    assert_eq!(col("location_text"), "TRIPOLI");
    let csv = written(Format::Csv);
    assert!(
        csv.starts_with("event_id,doc_id,sentence_index,date,date_precision,date_text,source_text")
    );
}

/// The document of [`document`] with its text shifted by `prefix`.
fn shifted(prefix: &str, sentence: &str) -> Document {
    let mut doc = document();
    let shift = prefix.len();
    doc.text = format!("{prefix}{sentence}");
    doc.sentences[0].span = Span::new(shift, doc.text.len());
    let e = &mut doc.events[0];
    for a in [e.source.as_mut().unwrap(), e.target.as_mut().unwrap()] {
        a.span = Span::new(a.span.start + shift, a.span.end + shift);
    }
    e.evidence.span = Span::new(e.evidence.span.start + shift, e.evidence.span.end + shift);
    doc
}

fn written_of(doc: &Document, format: Format) -> String {
    let mut out = Vec::new();
    let mut w = EventWriter::new(format, false, &mut out).unwrap();
    w.write(&Export::of(doc, &doc.events[0])).unwrap();
    w.flush().unwrap();
    drop(w);
    String::from_utf8(out).unwrap()
}

#[test]
fn tsv_escapes_tabs_line_breaks_and_backslashes_instead_of_quoting() {
    let doc = shifted(
        "",
        "Israel accused Iran\tof \"attacking\"\na tanker \\ again.",
    );
    let tsv = written_of(&doc, Format::Tsv);
    let row = tsv.lines().nth(1).unwrap();
    assert_eq!(tsv.lines().count(), 2, "one line per record");
    let cells: Vec<&str> = row.split('\t').collect();
    assert_eq!(cells.len(), FLAT_COLUMNS.len());
    assert_eq!(
        *cells.last().unwrap(),
        "Israel accused Iran\\tof \"attacking\"\\na tanker \\\\ again."
    );
}

#[test]
fn gdelt_mentions_count_offsets_in_characters() {
    // "Ünïcödé — " is 10 characters in 15 bytes
    let doc = shifted("Ünïcödé — ", "Israel accused Iran of attacking a tanker.");
    let row = written_of(&doc, Format::GdeltMentions);
    let cells: Vec<&str> = row.trim_end_matches('\n').split('\t').collect();
    assert_eq!(cells.len(), 16);
    let at = |name: &str| {
        let i = dyad_io::GDELT_MENTION_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap();
        cells[i]
    };
    assert_eq!(at("Actor1CharOffset"), "10");
    assert_eq!(at("Actor2CharOffset"), "25");
    assert_eq!(at("ActionCharOffset"), "17");
    assert_eq!(at("MentionDocLen"), (10 + 42).to_string());
    assert_eq!(at("SentenceID"), "1");
    assert_eq!(at("Confidence"), "80");
    let events = written_of(&doc, Format::Gdelt);
    let cells: Vec<&str> = events.trim_end_matches('\n').split('\t').collect();
    let at = |name: &str| {
        let i = dyad_io::GDELT_EVENT_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap();
        cells[i]
    };
    assert_eq!(cells.len(), 61);
    assert_eq!(at("ActionGeo_CountryCode"), "LE", "Lebanon's FIPS code");
    assert_eq!(at("ActionGeo_ADM1Code"), "LE09");
    assert_eq!(at("ActionGeo_Type"), "4", "a city outside the US");
    assert_eq!(at("EventBaseCode"), "112");
    assert_eq!(at("Actor1CountryCode"), "ISR");
    assert_eq!(
        at("GLOBALEVENTID"),
        dyad_io::global_event_id(&dyad_io::event_id(&doc, &doc.events[0])).to_string()
    );
}

#[test]
fn events_of_one_trigger_coded_apart_have_their_own_ids() {
    // "both sides" read as each of two states: same words, other codes
    let mut doc = document();
    let mut other = doc.events[0].clone();
    other.source.as_mut().unwrap().code = "IRN".into();
    other.target.as_mut().unwrap().code = "ISR".into();
    doc.events.push(other);
    let first = dyad_io::event_id(&doc, &doc.events[0]);
    assert_ne!(first, dyad_io::event_id(&doc, &doc.events[1]));
    // and the same event, the same id
    assert_eq!(first, dyad_io::event_id(&doc, &doc.events[0].clone()));
}
