//! The store on documents built by hand: events read back as written,
//! replacement, merged events, and files that are not a store.

use chrono::NaiveDate;
use dyad_core::{
    Document, Event, EventActor, EventDate, Evidence, Factuality, Location, Metadata, Precision,
    Sentence, SentenceKind, Span,
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

/// Documents with varied actors, places and dates (and an undated event)
/// for the explorer's queries.
fn explorer_store(dir: &std::path::Path) -> Store {
    let mut store = Store::open(&dir.join("t.db")).unwrap();
    let mut protest = event(1, "141", Factuality::Asserted, "2019-05-14");
    protest.source = Some(actor("Kyiv", "UKRGOV", "UKR", 58));
    protest.target = Some(actor("Russian troops", "RUSMIL", "RUS", 0));
    protest.goldstein = -6.5;
    protest.location = Some(Location {
        name: "Kyiv".into(),
        country: Some("UKR".into()),
        admin1: None,
        lat: Some(50.45),
        lon: Some(30.52),
        geonames_id: None,
        text: "Kyiv".into(),
    });
    let mut undated = event(1, "190", Factuality::Asserted, "2019-05-14");
    undated.date = None;
    undated.location = None;
    let mut unplaced = event(0, "190", Factuality::Asserted, "2019-05-01");
    unplaced.location = None;
    let negated = event(1, "111", Factuality::Negated, "2019-05-15");
    write(
        &mut store,
        &[
            (
                document(
                    "a",
                    "Wire",
                    vec![event(0, "190", Factuality::Asserted, "2019-05-13"), protest],
                ),
                1,
            ),
            (
                document(
                    "b",
                    "Times",
                    vec![event(0, "190", Factuality::Asserted, "2019-05-13")],
                ),
                2,
            ),
            (document("c", "Post", vec![unplaced, undated, negated]), 3),
        ],
    );
    store
}

#[test]
fn pages_after_a_cursor_read_every_event_once_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = explorer_store(dir.path());
    for merged in [false, true] {
        let whole: Vec<String> = events(
            &store,
            &Query {
                merged,
                ..Default::default()
            },
        )
        .into_iter()
        .map(|e| e.event_id)
        .collect();
        assert!(whole.len() >= 3, "{whole:?}");
        let mut paged = Vec::new();
        let mut after = None;
        loop {
            let page = events(
                &store,
                &Query {
                    merged,
                    limit: Some(1),
                    after: after.clone(),
                    ..Default::default()
                },
            );
            let Some(last) = page.last() else { break };
            let cursor = dyad_store::Cursor::after(last);
            assert_eq!(
                dyad_store::Cursor::parse(&cursor.to_string()),
                Some(cursor.clone())
            );
            after = Some(cursor);
            paged.extend(page.into_iter().map(|e| e.event_id));
        }
        assert_eq!(paged, whole, "merged {merged}");
    }
    // pages by offset, across the dated and undated events
    let every = Query {
        filter: Filter {
            all: true,
            ..Default::default()
        },
        ..Default::default()
    };
    let whole = events(&store, &every);
    assert!(whole.iter().any(|e| e.event.date.is_none()));
    for limit in [1, 2, 3] {
        let mut paged = Vec::new();
        for offset in (0..whole.len() as u64 + 2).step_by(limit) {
            paged.extend(events(
                &store,
                &Query {
                    limit: Some(limit as u64),
                    offset,
                    ..every.clone()
                },
            ));
        }
        assert_eq!(paged, whole, "pages of {limit}");
    }
    for bad in ["", "2019-05-13", "2019-13-01~ab", "~", "~a b"] {
        assert_eq!(dyad_store::Cursor::parse(bad), None, "{bad:?}");
    }
}

#[test]
fn an_event_is_found_by_its_id_with_its_merged_event_and_every_mention() {
    let dir = tempfile::tempdir().unwrap();
    let store = explorer_store(dir.path());
    let merged = events(
        &store,
        &Query {
            merged: true,
            ..Default::default()
        },
    );
    let reported_twice = merged
        .iter()
        .find(|e| e.reports.as_ref().unwrap().doc_ids == ["a", "b"])
        .expect("a and b report one attack");
    // a merged event's id is its first mention's
    let first = store.event(&reported_twice.event_id).unwrap().unwrap();
    assert_eq!(first.merged.as_ref(), Some(reported_twice));
    assert_eq!(first.event.reports, None);
    assert_eq!(first.event.document.id, "a");
    let docs: Vec<&str> = first
        .mentions
        .iter()
        .map(|m| m.document.id.as_str())
        .collect();
    assert_eq!(docs, ["a", "b"]);
    let second = store.event(&first.mentions[1].event_id).unwrap().unwrap();
    assert_eq!(second.event, first.mentions[1]);
    assert_eq!(
        (second.merged, second.mentions),
        (first.merged, first.mentions)
    );
    // a negated event belongs to no merged event
    let every = Query {
        filter: Filter {
            all: true,
            ..Default::default()
        },
        ..Default::default()
    };
    let negated = events(&store, &every)
        .into_iter()
        .find(|e| e.event.factuality == Factuality::Negated)
        .unwrap();
    let alone = store.event(&negated.event_id).unwrap().unwrap();
    assert_eq!((alone.merged, alone.mentions), (None, vec![negated]));
    assert_eq!(store.event("0000000000000000").unwrap(), None);
}

#[test]
fn actors_match_a_code_prefix_or_a_name_with_their_counts() {
    let dir = tempfile::tempdir().unwrap();
    let store = explorer_store(dir.path());
    let codes = |q: &str| -> Vec<(String, u64, Vec<String>)> {
        store
            .actors(&Filter::default(), q, 10)
            .unwrap()
            .into_iter()
            .map(|a| (a.code, a.events, a.names))
            .collect()
    };
    // shown events: three attacks RUSMIL>UKR, the undated one, and UKRGOV>RUSMIL
    assert_eq!(
        codes("ukr"),
        [
            ("UKR".to_string(), 4, vec!["Ukrainian".to_string()]),
            ("UKRGOV".into(), 1, vec!["Kyiv".into()]),
        ]
    );
    assert_eq!(
        codes("troops"),
        [("RUSMIL".to_string(), 5, vec!["Russian troops".to_string()])]
    );
    assert_eq!(codes("%"), []);
    assert_eq!(store.actors(&Filter::default(), "", 1).unwrap().len(), 1);
}

#[test]
fn the_network_weighs_dyads_and_the_map_counts_countries_and_places() {
    let dir = tempfile::tempdir().unwrap();
    let store = explorer_store(dir.path());
    let edges = store.network(&Filter::default(), 10).unwrap();
    let edges: Vec<_> = edges
        .iter()
        .map(|e| {
            (
                e.source.as_str(),
                e.target.as_str(),
                e.events,
                e.mean_goldstein,
            )
        })
        .collect();
    assert_eq!(
        edges,
        [("RUSMIL", "UKR", 4, -9.5), ("UKRGOV", "RUSMIL", 1, -6.5)]
    );
    assert_eq!(store.network(&Filter::default(), 1).unwrap().len(), 1);

    let (countries, places) = store.map(&Filter::default(), 10).unwrap();
    let countries: Vec<_> = countries
        .iter()
        .map(|c| (c.country.as_str(), c.events))
        .collect();
    assert_eq!(countries, [("UKR", 3)]);
    let places: Vec<_> = places
        .iter()
        .map(|p| (p.name.as_str(), p.lat, p.events))
        .collect();
    assert_eq!(places, [("Donetsk", 48.023, 2), ("Kyiv", 50.45, 1)]);
    let negated_too = Filter {
        all: true,
        ..Default::default()
    };
    let (countries, _) = store.map(&negated_too, 10).unwrap();
    assert_eq!(countries[0].events, 4);
}

#[test]
fn a_store_in_a_folder_no_one_may_write_to_is_read_as_immutable() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // characters a SQLite URI must escape
    let folder = dir.path().join("copy #1? 100%");
    std::fs::create_dir(&folder).unwrap();
    drop(explorer_store(&folder));
    let path = folder.join("t.db");
    let expected = events(&Store::open_read_only(&path).unwrap(), &Query::default());
    assert!(!expected.is_empty());
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let read = Store::open_read_only(&path).map(|store| events(&store, &Query::default()));
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(read.unwrap(), expected);
}

/// A store of 70 events over codes that share prefixes (`US`, `USA`,
/// `USAGOV`, `USAGOVLEG`), CAMEO codes of two to four digits, dates of every
/// precision, undated events and events without a target.
fn prefix_store(dir: &std::path::Path) -> Store {
    let codes = [
        "USA",
        "USAGOV",
        "USAGOVLEG",
        "US",
        "UKR",
        "UKRMIL",
        "IGOUNO",
        "RUSMIL",
    ];
    let cameos = ["01", "010", "0211", "19", "190", "1823", "20"];
    let first = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
    let mut docs = Vec::new();
    for d in 0..7 {
        let mut doc_events = Vec::new();
        for i in d * 10..d * 10 + 10 {
            let mut e = event(
                i % 2,
                cameos[i % cameos.len()],
                Factuality::Asserted,
                "2019-01-01",
            );
            e.source = Some(actor("them", codes[i % codes.len()], "XXX", 0));
            e.target =
                (i % 5 != 0).then(|| actor("us", codes[(i * 3 + 1) % codes.len()], "XXX", 24));
            e.date = match i % 9 {
                0 => None,
                precision => Some(EventDate {
                    date: first + chrono::Days::new((i * 37 % 400) as u64),
                    precision: match precision {
                        1 => Precision::Year,
                        2 => Precision::Month,
                        _ => Precision::Day,
                    },
                }),
            };
            doc_events.push(e);
        }
        docs.push((
            document(&format!("doc{d}"), "Wire", doc_events),
            10 + d as u64,
        ));
    }
    let mut store = Store::open(&dir.join("t.db")).unwrap();
    write(&mut store, &docs);
    store
}

/// Event ids in the order queries read them: by first day, then id;
/// undated events last, by id.
fn in_reading_order(mut found: Vec<dyad_store::StoredEvent>) -> Vec<String> {
    found.sort_by_key(|e| {
        let at = dyad_store::Cursor::after(e);
        (at.day.is_none(), at.day, at.event_id)
    });
    found.into_iter().map(|e| e.event_id).collect()
}

fn ids(found: Vec<dyad_store::StoredEvent>) -> Vec<String> {
    found.into_iter().map(|e| e.event_id).collect()
}

#[test]
fn code_filters_select_the_events_whose_codes_start_with_them_in_reading_order() {
    let dir = tempfile::tempdir().unwrap();
    let store = prefix_store(dir.path());
    let every = events(&store, &Query::default());
    assert_eq!(every.len(), 70);
    assert_eq!(ids(every.clone()), in_reading_order(every.clone()));
    let code = |a: &Option<EventActor>| a.as_ref().map(|a| a.code.clone());
    let starts = |code: Option<String>, prefix: &str| code.is_some_and(|c| c.starts_with(prefix));
    for prefix in [
        "U",
        "US",
        "USA",
        "USAG",
        "USAGOV",
        "USAGOVLEG",
        "UKRMIL",
        "IGO",
        "X",
    ] {
        for flag in ["source", "target", "actor"] {
            let (as_source, as_target) = (flag != "target", flag != "source");
            let filter = Filter {
                // either case
                source: (flag == "source").then(|| prefix.to_lowercase()),
                target: (flag == "target").then(|| prefix.into()),
                actor: (flag == "actor").then(|| prefix.into()),
                ..Default::default()
            };
            let expected: Vec<_> = every
                .iter()
                .filter(|e| {
                    as_source && starts(code(&e.event.source), prefix)
                        || as_target && starts(code(&e.event.target), prefix)
                })
                .cloned()
                .collect();
            let query = Query {
                filter,
                ..Default::default()
            };
            assert_eq!(
                ids(events(&store, &query)),
                in_reading_order(expected),
                "--{flag} {prefix}"
            );
        }
    }
    for prefix in ["0", "01", "010", "02", "0211", "19", "190", "1823", "2"] {
        let expected: Vec<_> = every
            .iter()
            .filter(|e| e.event.cameo.starts_with(prefix))
            .cloned()
            .collect();
        let query = Query {
            filter: Filter {
                cameo: Some(prefix.into()),
                ..Default::default()
            },
            ..Default::default()
        };
        assert_eq!(
            ids(events(&store, &query)),
            in_reading_order(expected),
            "--cameo {prefix}"
        );
    }
    // an actor with other filters: the source and the target side each
    // meet all of them
    let filter = Filter {
        actor: Some("USA".into()),
        cameo: Some("19".into()),
        from: NaiveDate::from_ymd_opt(2019, 3, 1),
        ..Default::default()
    };
    let expected: Vec<_> = every
        .iter()
        .filter(|e| {
            (starts(code(&e.event.source), "USA") || starts(code(&e.event.target), "USA"))
                && e.event.cameo.starts_with("19")
                && dyad_store::Cursor::after(e)
                    .day
                    .is_some_and(|d| d >= NaiveDate::from_ymd_opt(2019, 3, 1).unwrap())
        })
        .cloned()
        .collect();
    assert!(expected.len() >= 2, "{}", expected.len());
    let query = Query {
        filter,
        ..Default::default()
    };
    assert_eq!(ids(events(&store, &query)), in_reading_order(expected));
}

#[test]
fn pages_of_an_actor_read_its_events_once_in_order_by_cursor_and_by_offset() {
    let dir = tempfile::tempdir().unwrap();
    let store = prefix_store(dir.path());
    let actor = Query {
        filter: Filter {
            actor: Some("USA".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    let whole = ids(events(&store, &actor));
    // events with the actor as source and target at once are read once
    assert!(whole.len() > 20, "{}", whole.len());
    let mut by_cursor = Vec::new();
    let mut after = None;
    loop {
        let page = events(
            &store,
            &Query {
                limit: Some(3),
                after: after.clone(),
                ..actor.clone()
            },
        );
        let Some(last) = page.last() else { break };
        after = Some(dyad_store::Cursor::after(last));
        by_cursor.extend(ids(page));
    }
    assert_eq!(by_cursor, whole);
    let mut by_offset = Vec::new();
    for offset in (0..whole.len() as u64 + 3).step_by(3) {
        by_offset.extend(ids(events(
            &store,
            &Query {
                limit: Some(3),
                offset,
                ..actor.clone()
            },
        )));
    }
    assert_eq!(by_offset, whole);
}

#[test]
fn a_store_of_schema_version_1_is_read_as_it_is_and_migrated_when_opened_for_writing() {
    let dir = tempfile::tempdir().unwrap();
    drop(prefix_store(dir.path()));
    let path = dir.path().join("t.db");
    let queries: Vec<Filter> = [
        ("USA", None, None),
        ("USAGOV", Some("19"), None),
        ("US", None, Some("USAGOV")),
        ("U", Some("0211"), None),
    ]
    .into_iter()
    .map(|(actor, cameo, source)| Filter {
        actor: Some(actor.into()),
        cameo: cameo.map(String::from),
        source: source.map(String::from),
        ..Default::default()
    })
    .collect();
    let answers = |store: &Store| -> Vec<(Vec<String>, Vec<dyad_store::SeriesRow>)> {
        queries
            .iter()
            .map(|filter| {
                let query = Query {
                    filter: filter.clone(),
                    ..Default::default()
                };
                let series = store
                    .series(
                        filter,
                        dyad_store::Period::Month,
                        Some(dyad_store::Split::Dyad),
                    )
                    .unwrap();
                (ids(events(store, &query)), series)
            })
            .collect()
    };
    let expected = answers(&Store::open_read_only(&path).unwrap());
    assert!(expected.iter().all(|(found, _)| !found.is_empty()));
    // the store as schema version 1 left it: indexes on the codes and day
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "DROP INDEX events_source_code3; DROP INDEX events_target_code3; DROP INDEX events_cameo_root;
         CREATE INDEX events_source ON events(source_code, day);
         CREATE INDEX events_target ON events(target_code, day);
         CREATE INDEX events_cameo ON events(cameo, day);
         PRAGMA user_version = 1;",
    )
    .unwrap();
    let indexes = |conn: &rusqlite::Connection| -> Vec<String> {
        let mut stmt = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'events%' ORDER BY name")
            .unwrap();
        let names = stmt.query_map([], |r| r.get(0)).unwrap();
        names.collect::<rusqlite::Result<_>>().unwrap()
    };
    let version_1 = indexes(&conn);
    drop(conn);

    let old = Store::open_read_only(&path).unwrap();
    assert_eq!(old.info().unwrap().schema_version, 1);
    assert_eq!(answers(&old), expected);
    drop(old);
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(indexes(&conn), version_1, "reading migrates nothing");
    drop(conn);

    let mut migrated = Store::open(&path).unwrap();
    assert_eq!(
        migrated.info().unwrap().schema_version,
        dyad_store::SCHEMA_VERSION
    );
    assert_eq!(answers(&migrated), expected);
    let conn = rusqlite::Connection::open(&path).unwrap();
    let now = indexes(&conn);
    for name in [
        "events_source_code3",
        "events_target_code3",
        "events_cameo_root",
    ] {
        assert!(now.iter().any(|n| n == name), "{now:?}");
    }
    for name in ["events_source", "events_target", "events_cameo"] {
        assert!(!now.iter().any(|n| n == name), "{now:?}");
    }
    drop(conn);
    // and it takes documents as any store
    let mut later = event(0, "190", Factuality::Asserted, "2020-02-02");
    later.source = Some(actor("Washington", "USAGOV", "USA", 0));
    write(
        &mut migrated,
        &[(document("later", "Wire", vec![later]), 99)],
    );
    let found = events(
        &migrated,
        &Query {
            filter: Filter {
                source: Some("USAGOV".into()),
                from: NaiveDate::from_ymd_opt(2020, 2, 1),
                ..Default::default()
            },
            ..Default::default()
        },
    );
    assert_eq!(
        found
            .iter()
            .map(|e| e.document.id.as_str())
            .collect::<Vec<_>>(),
        ["later"]
    );
}
