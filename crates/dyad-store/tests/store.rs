//! The store on documents built by hand: events read back as written,
//! replacement, merged events, and files that are not a store.

use chrono::NaiveDate;
use dyad_core::{
    Document, Event, EventActor, EventDate, Evidence, Factuality, Location, Metadata, Sentence,
    SentenceKind, Span,
};
use dyad_store::{Filter, NewDocument, Query, Stamp, Store, StoreError};

const TEXT: &str =
    "Russian troops attacked Ukrainian positions near Donetsk. Kyiv condemned the attack.";

fn actor(text: &str, code: &str, country: &str, start: usize) -> EventActor {
    EventActor {
        text: text.into(),
        code: code.into(),
        country: Some(country.into()),
        sector: code.get(3..).map(String::from).filter(|s| !s.is_empty()),
        name: None,
        span: Span::new(start, start + text.len()),
    }
}

fn event(sentence: usize, cameo: &str, factuality: Factuality, date: &str) -> Event {
    Event {
        sentence,
        date: Some(EventDate::day(
            NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap(),
        )),
        date_text: None,
        source: Some(actor("Russian troops", "RUSMIL", "RUS", 0)),
        target: Some(actor("Ukrainian", "UKR", "UKR", 24)),
        cameo: cameo.into(),
        cameo_name: "Attack".into(),
        plover: Some("ASSAULT".into()),
        quad_class: 4,
        goldstein: -9.5,
        mode: None,
        context: vec!["military".into(), "territory".into()],
        factuality,
        location: Some(Location {
            name: "Donetsk".into(),
            country: Some("UKR".into()),
            admin1: Some("UA.05".into()),
            lat: Some(48.023),
            lon: Some(37.80224),
            geonames_id: Some(709717),
            text: "Donetsk".into(),
        }),
        evidence: Evidence {
            trigger: "attacked".into(),
            span: Span::new(15, 23),
            rule: "190 attack".into(),
        },
        confidence: 0.8,
    }
}

fn document(id: &str, source: &str, events: Vec<Event>) -> Document {
    let mut doc = Document::new(
        id,
        TEXT,
        Metadata {
            published: NaiveDate::from_ymd_opt(2019, 5, 14),
            source: Some(source.into()),
            ..Default::default()
        },
    );
    doc.sentences = vec![
        Sentence {
            span: Span::new(0, 57),
            tokens: 0..0,
            kind: SentenceKind::Body,
            boilerplate: None,
        },
        Sentence {
            span: Span::new(58, TEXT.len()),
            tokens: 0..0,
            kind: SentenceKind::Body,
            boilerplate: None,
        },
    ];
    doc.events = events;
    doc
}

fn stamp(doc: &Document) -> Stamp {
    Stamp {
        content_hash: dyad_store::content_hash(doc),
        dyad_version: "test".into(),
        dictionaries_hash: "builtin".into(),
    }
}

/// Writes documents with shingles that make `near` documents near-duplicates.
fn write(store: &mut Store, docs: &[(Document, u64)]) {
    let shingles: Vec<Vec<u64>> = docs.iter().map(|(_, s)| vec![*s]).collect();
    let new: Vec<NewDocument> = docs
        .iter()
        .zip(&shingles)
        .map(|((doc, _), s)| NewDocument {
            doc,
            stamp: stamp(doc),
            shingles: s,
            bands: s,
        })
        .collect();
    store.write_batch(&new, &|a, b| a == b).unwrap();
}

fn events(store: &Store, query: &Query) -> Vec<dyad_store::StoredEvent> {
    let mut out = Vec::new();
    store
        .each_event(query, |e| {
            out.push(e.clone());
            Ok(())
        })
        .unwrap();
    out
}

#[test]
fn events_read_back_as_written_and_replacing_a_document_replaces_its_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path).unwrap();
    let asserted = event(0, "190", Factuality::Asserted, "2019-05-13");
    let negated = event(1, "111", Factuality::Negated, "2019-05-14");
    let doc = document("a", "Wire", vec![asserted.clone(), negated.clone()]);
    write(&mut store, &[(doc.clone(), 1)]);
    let shown = events(&store, &Query::default());
    assert_eq!(shown.len(), 1, "negated events are stored but not shown");
    assert_eq!(shown[0].event, asserted);
    assert_eq!(shown[0].event_id, dyad_io::event_id(&doc, &asserted));
    assert_eq!(shown[0].sentence, &TEXT[..57]);
    assert_eq!(shown[0].export().chars.at(15), Some(15));
    let every = Query {
        filter: Filter {
            all: true,
            ..Default::default()
        },
        ..Default::default()
    };
    assert_eq!(events(&store, &every).len(), 2);
    assert_eq!(store.stamp("a").unwrap(), Some(stamp(&doc)));

    let replaced = document(
        "a",
        "Wire",
        vec![event(1, "112", Factuality::Asserted, "2019-05-14")],
    );
    write(&mut store, &[(replaced, 1)]);
    let info = store.info().unwrap();
    assert_eq!((info.documents, info.sentences, info.events), (1, 1, 1));
    assert_eq!(events(&store, &every)[0].event.cameo, "112");
}

#[test]
fn merged_events_count_mentions_outlets_and_articles_across_batches() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("t.db")).unwrap();
    let e = |date| event(0, "190", Factuality::Asserted, date);
    // a and b report the event on one date; c, a near-duplicate of a,
    // dates it otherwise; d, another story, on yet another date
    write(
        &mut store,
        &[(document("a", "Wire", vec![e("2019-05-13")]), 1)],
    );
    write(
        &mut store,
        &[
            (document("b", "Times", vec![e("2019-05-13")]), 2),
            (document("c", "Wire", vec![e("2019-05-12")]), 1),
            (document("d", "Post", vec![e("2019-05-01")]), 3),
        ],
    );
    let merged = Query {
        merged: true,
        ..Default::default()
    };
    let counts: Vec<_> = events(&store, &merged)
        .into_iter()
        .map(|e| e.reports.unwrap())
        .map(|r| (r.mentions, r.sources, r.articles, r.doc_ids))
        .collect();
    assert_eq!(
        counts,
        [
            (1, 1, 1, vec!["d".to_string()]),
            (3, 2, 3, vec!["a".into(), "b".into(), "c".into()]),
        ]
    );
    // a goes: b and c no longer share an event
    write(&mut store, &[(document("a", "Wire", vec![]), 1)]);
    let counts: Vec<_> = events(&store, &merged)
        .into_iter()
        .map(|e| e.reports.unwrap().doc_ids)
        .collect();
    assert_eq!(counts, [vec!["d"], vec!["c"], vec!["b"]]);
}

#[test]
fn a_file_that_is_not_a_store_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.db");
    std::fs::write(
        &text,
        "not a database at all, just some notes\n".repeat(100),
    )
    .unwrap();
    let before = std::fs::read(&text).unwrap();
    assert!(matches!(
        Store::open(&text),
        Err(StoreError::NotAStore { .. })
    ));
    assert!(matches!(
        Store::open_read_only(&text),
        Err(StoreError::NotAStore { .. })
    ));
    assert_eq!(std::fs::read(&text).unwrap(), before);

    let other = dir.path().join("other.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE t (x); PRAGMA user_version = 1;")
        .unwrap();
    drop(conn);
    let err = Store::open(&other).err().unwrap();
    assert!(err.to_string().contains("another program"), "{err}");

    let newer = dir.path().join("newer.db");
    drop(Store::open(&newer).unwrap());
    let conn = rusqlite::Connection::open(&newer).unwrap();
    conn.execute_batch("PRAGMA user_version = 99;").unwrap();
    drop(conn);
    let err = Store::open(&newer).err().unwrap();
    assert!(
        err.to_string().contains("schema version 99 is newer"),
        "{err}"
    );
}

#[test]
fn series_from_the_counts_table_equal_series_from_the_events() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("t.db")).unwrap();
    let mut month = event(0, "036", Factuality::Intended, "2019-06-02");
    month.date = Some(EventDate {
        date: NaiveDate::from_ymd_opt(2019, 6, 1).unwrap(),
        precision: dyad_core::Precision::Month,
    });
    let mut undated = event(1, "141", Factuality::Asserted, "2019-06-02");
    undated.date = None;
    undated.plover = Some("PROTEST".into());
    undated.location = None;
    let docs = [
        document(
            "a",
            "Wire",
            vec![
                event(0, "190", Factuality::Asserted, "2019-05-13"),
                month.clone(),
            ],
        ),
        document(
            "b",
            "Post",
            vec![event(0, "112", Factuality::Negated, "2019-05-20"), undated],
        ),
        document(
            "c",
            "Post",
            vec![event(1, "190", Factuality::Asserted, "2020-01-01")],
        ),
    ];
    write(
        &mut store,
        &docs.iter().cloned().zip(1..).collect::<Vec<_>>(),
    );
    // a replaced document's events leave the counts
    write(&mut store, &[(document("c", "Post", vec![month]), 3)]);
    let filters = [
        Filter::default(),
        Filter {
            all: true,
            ..Default::default()
        },
        Filter {
            from: NaiveDate::from_ymd_opt(2019, 5, 15),
            ..Default::default()
        },
        Filter {
            to: NaiveDate::from_ymd_opt(2019, 5, 31),
            all: true,
            ..Default::default()
        },
        Filter {
            cameo: Some("1".into()),
            quad: Some(4),
            ..Default::default()
        },
        Filter {
            plover: Some("protest".into()),
            country: Some("UKR".into()),
            ..Default::default()
        },
    ];
    use dyad_store::{Period, Split};
    for filter in filters {
        for period in [Period::Day, Period::Week, Period::Month, Period::Year] {
            for split in [
                None,
                Some(Split::Quad),
                Some(Split::Root),
                Some(Split::Plover),
                Some(Split::Country),
            ] {
                // any confidence: the same events, counted off the events table
                let scanned = Filter {
                    min_confidence: Some(0.0),
                    ..filter.clone()
                };
                assert_eq!(
                    store.series(&filter, period, split).unwrap(),
                    store.series(&scanned, period, split).unwrap(),
                    "{filter:?} {period:?} {split:?}"
                );
            }
        }
    }
    let months = store
        .series(&Filter::default(), Period::Month, None)
        .unwrap();
    let cells: Vec<(&str, u64)> = months
        .iter()
        .map(|r| (r.period.as_str(), r.count))
        .collect();
    assert_eq!(cells, [("2019-05", 1), ("2019-06", 2), ("coarse", 1)]);
}
