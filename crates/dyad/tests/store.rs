//! The store through the `dyad` binary: `ingest`, `query` and `store info`
//! on the sample page and on documents generated from sentences written for
//! these tests.

mod common;

use common::{assert_success, dyad, json_lines};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

fn run(args: &[&str]) -> Output {
    dyad().args(args).output().unwrap()
}

fn ok(args: &[&str]) -> Output {
    let out = run(args);
    assert_success(&out);
    out
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn ids(events: &[serde_json::Value]) -> BTreeSet<String> {
    events
        .iter()
        .map(|e| e["event_id"].as_str().unwrap().to_string())
        .collect()
}

/// A store of the sample page, as the example ingests it.
fn sample_store(dir: &Path) -> String {
    let db = dir.join("t.db").to_str().unwrap().to_string();
    ok(&[
        "ingest",
        "--store",
        &db,
        "--date",
        "2019-05-14",
        "../../examples/",
    ]);
    db
}

#[test]
fn ingesting_twice_stores_the_sample_once_and_query_gives_what_code_gives() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let again = ok(&[
        "ingest",
        "--store",
        &db,
        "--date",
        "2019-05-14",
        "../../examples/",
    ]);
    assert!(
        stderr(&again).contains("1 documents: 0 new, 1 unchanged, 0 replaced"),
        "{}",
        stderr(&again)
    );
    let coded = json_lines(&ok(&["code", "--date", "2019-05-14", "../../examples/"]).stdout);
    let stored = json_lines(&ok(&["query", "--store", &db, "--format", "jsonl"]).stdout);
    assert!(coded.len() > 5);
    assert_eq!(stored.len(), coded.len(), "each event once");
    assert_eq!(ids(&stored), ids(&coded));
    // the records themselves are those code prints
    let by_id = |events: &[serde_json::Value]| -> Vec<serde_json::Value> {
        let mut v = events.to_vec();
        v.sort_by_key(|e| e["event_id"].as_str().unwrap().to_string());
        v
    };
    assert_eq!(by_id(&stored), by_id(&coded));
    // ordered by date, then event id
    let keys: Vec<(String, String)> = stored
        .iter()
        .map(|e| (e["date"].to_string(), e["event_id"].to_string()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);

    let info = String::from_utf8(ok(&["store", "info", "--store", &db]).stdout).unwrap();
    assert!(info.contains("schema version: 2"), "{info}");
    assert!(info.contains("documents: 1\n"), "{info}");
    assert!(
        info.contains(&format!("events: {}\n", coded.len())),
        "{info}"
    );
    assert!(
        info.contains("dyad 0.1.0, dictionaries builtin: 1 documents"),
        "{info}"
    );
}

#[test]
fn filters_give_exactly_the_matching_subset_of_codes_events() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let coded = json_lines(&ok(&["code", "--date", "2019-05-14", "../../examples/"]).stdout);
    fn code_of(e: &serde_json::Value, side: &str) -> String {
        e[side]["code"].as_str().unwrap_or("").to_string()
    }
    type Keep = Box<dyn Fn(&serde_json::Value) -> bool>;
    let cases: Vec<(&str, &str, Keep)> = vec![
        (
            "--actor",
            "KEN",
            Box::new(|e| {
                code_of(e, "source").starts_with("KEN") || code_of(e, "target").starts_with("KEN")
            }),
        ),
        (
            "--source",
            "uga",
            Box::new(|e| code_of(e, "source").starts_with("UGA")),
        ),
        (
            "--target",
            "KENGOV",
            Box::new(|e| code_of(e, "target").starts_with("KENGOV")),
        ),
        (
            "--cameo",
            "1",
            Box::new(|e| e["cameo"].as_str().unwrap().starts_with('1')),
        ),
        ("--quad", "4", Box::new(|e| e["quad_class"] == 4)),
        (
            "--from",
            "2019-05-12",
            Box::new(|e| {
                e["date"]
                    .as_str()
                    .is_some_and(|d| d.len() == 10 && d >= "2019-05-12")
            }),
        ),
        (
            "--country",
            "KEN",
            Box::new(|e| e["location"]["country"] == "KEN"),
        ),
    ];
    for (flag, value, keep) in cases {
        let expected: BTreeSet<String> = ids(&coded
            .iter()
            .filter(|e| keep(e))
            .cloned()
            .collect::<Vec<_>>());
        let got = ids(&json_lines(
            &ok(&["query", "--store", &db, "--format", "jsonl", flag, value]).stdout,
        ));
        assert!(
            !expected.is_empty() && expected.len() < coded.len(),
            "{flag} {value} selects a proper subset"
        );
        assert_eq!(got, expected, "{flag} {value}");
    }
    // full text, paging
    let talks = json_lines(&ok(&["query", "--store", &db, "--text", "talks"]).stdout);
    assert!(!talks.is_empty());
    assert!(talks
        .iter()
        .all(|e| e["sentence"].as_str().unwrap().contains("talks")));
    let all = json_lines(&ok(&["query", "--store", &db]).stdout);
    let page = json_lines(&ok(&["query", "--store", &db, "--limit", "3", "--offset", "2"]).stdout);
    assert_eq!(page, all[2..5]);
}

#[test]
fn series_count_every_event_once_and_coarse_dates_apart() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let total = json_lines(&ok(&["query", "--store", &db]).stdout).len() as u64;
    for period in ["day", "week", "month,quad", "year,dyad"] {
        let rows = json_lines(&ok(&["query", "--store", &db, "--count-by", period]).stdout);
        let sum: u64 = rows.iter().map(|r| r["count"].as_u64().unwrap()).sum();
        assert_eq!(sum, total, "{period}");
    }
    let days = json_lines(&ok(&["query", "--store", &db, "--count-by", "day"]).stdout);
    // the sample dates one event to a month only ('last week')
    assert_eq!(days.last().unwrap()["period"], "coarse");
    assert!(days.iter().any(|r| r["period"] == "2019-05-13"));
    let weeks = json_lines(&ok(&["query", "--store", &db, "--count-by", "week"]).stdout);
    assert!(weeks.iter().any(|r| r["period"] == "2019-W20"), "{weeks:?}");
    let tsv = String::from_utf8(
        ok(&[
            "query",
            "--store",
            &db,
            "--count-by",
            "month",
            "--format",
            "tsv",
        ])
        .stdout,
    )
    .unwrap();
    assert!(
        tsv.starts_with("period\tkey\tcount\tmean_goldstein\n2019-05\t\t"),
        "{tsv}"
    );
}

#[test]
fn bad_values_and_files_that_are_not_stores_are_errors_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    for (args, says) in [
        (vec!["--quad", "7"], "7"),
        (vec!["--from", "2019-13-01"], "2019-13-01"),
        (vec!["--count-by", "fortnight"], "fortnight"),
        (vec!["--count-by", "month,colour"], "colour"),
        (vec!["--actor", "RUS%"], "RUS%"),
        (vec!["--text", "\"unbalanced"], "unbalanced"),
        (vec!["--merged", "--all"], "--merged --all"),
    ] {
        let out = run(&[&["query", "--store", &db][..], &args[..]].concat());
        assert!(!out.status.success(), "{args:?}");
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    let notes = dir.path().join("notes.txt");
    fs::write(&notes, "Dear diary, nothing happened today.\n".repeat(200)).unwrap();
    let before = fs::read(&notes).unwrap();
    for cmd in [
        &["query"][..],
        &["store", "info"],
        &["ingest", "../../examples/"],
    ] {
        let out = run(&[cmd, &["--store", notes.to_str().unwrap()]].concat());
        assert!(!out.status.success());
        assert!(
            stderr(&out).contains("not a dyad store"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(fs::read(&notes).unwrap(), before, "left untouched");
    let missing = dir.path().join("missing.db");
    let out = run(&["query", "--store", missing.to_str().unwrap()]);
    assert!(stderr(&out).contains("no such store"), "{}", stderr(&out));
    assert!(!missing.exists());
}

#[test]
fn gdelt_and_plover_exports_have_the_published_columns_and_fields() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let n = json_lines(&ok(&["query", "--store", &db]).stdout).len();
    for (format, columns) in [("gdelt", 61), ("gdelt-mentions", 16)] {
        for out in [
            ok(&["query", "--store", &db, "--format", format]).stdout,
            ok(&[
                "code",
                "--date",
                "2019-05-14",
                "--format",
                format,
                "../../examples/",
            ])
            .stdout,
        ] {
            let text = String::from_utf8(out).unwrap();
            assert_eq!(text.lines().count(), n, "{format}");
            for line in text.lines() {
                assert_eq!(line.split('\t').count(), columns, "{format}: {line}");
            }
        }
    }
    let events =
        String::from_utf8(ok(&["query", "--store", &db, "--format", "gdelt"]).stdout).unwrap();
    let column = |line: &str, name: &str| -> String {
        let at = dyad_io::GDELT_EVENT_COLUMNS
            .iter()
            .position(|c| *c == name)
            .unwrap();
        line.split('\t').nth(at).unwrap().to_string()
    };
    let talks = events
        .lines()
        .find(|l| column(l, "EventCode") == "036")
        .unwrap();
    assert_eq!(column(talks, "SQLDATE"), "20190513");
    assert_eq!(column(talks, "EventRootCode"), "03");
    assert_eq!(column(talks, "QuadClass"), "1");
    assert_eq!(
        column(talks, "ActionGeo_CountryCode"),
        "UG",
        "FIPS, not ISO"
    );
    assert_eq!(column(talks, "ActionGeo_FullName"), "Kampala");
    assert_eq!(column(talks, "NumMentions"), "1");
    assert_eq!(column(talks, "SOURCEURL"), "sample-page");
    assert!(column(talks, "GLOBALEVENTID").parse::<i64>().unwrap() > 0);

    let plover = json_lines(&ok(&["query", "--store", &db, "--format", "plover"]).stdout);
    assert!(!plover.is_empty());
    for rec in &plover {
        for field in ["id", "date", "actor", "event"] {
            assert!(!rec[field].is_null(), "PLOVER requires {field}: {rec}");
        }
        assert_eq!(rec["date"].as_str().unwrap().len(), 10);
        assert!(rec["actor"][0]["code"].is_string());
    }
}

#[test]
fn the_gdelt_columns_are_the_published_ones() {
    use dyad_io::{GDELT_EVENT_COLUMNS as E, GDELT_MENTION_COLUMNS as M};
    assert_eq!((E.len(), M.len()), (61, 16));
    let at = |cols: &[&str], i: usize| cols[i - 1].to_string();
    // 1-based positions as GDELT's codebook numbers them
    assert_eq!(at(&E, 1), "GLOBALEVENTID");
    assert_eq!(at(&E, 6), "Actor1Code");
    assert_eq!(at(&E, 16), "Actor2Code");
    assert_eq!(at(&E, 27), "EventCode");
    assert_eq!(at(&E, 30), "QuadClass");
    assert_eq!(at(&E, 31), "GoldsteinScale");
    assert_eq!(at(&E, 35), "AvgTone");
    assert_eq!(at(&E, 36), "Actor1Geo_Type");
    assert_eq!(at(&E, 52), "ActionGeo_Type");
    assert_eq!(at(&E, 59), "ActionGeo_FeatureID");
    assert_eq!(at(&E, 60), "DATEADDED");
    assert_eq!(at(&E, 61), "SOURCEURL");
    assert_eq!(at(&M, 6), "MentionIdentifier");
    assert_eq!(at(&M, 10), "ActionCharOffset");
    assert_eq!(at(&M, 16), "Extras");
}

/// Sentences for generated documents: events of several kinds and
/// factualities, written for these tests.
const SENTENCES: [&str; 16] = [
    "Russian troops attacked Ukrainian positions near Donetsk on Monday.",
    "Israel accused Iran of attacking a tanker in the Gulf.",
    "Uganda and Kenya agreed to hold new talks on the disputed islands.",
    "Thousands of students demonstrated in Nairobi to demand lower fees.",
    "The European Union could impose new sanctions on Russia.",
    "China did not attack Taiwan.",
    "Police arrested dozens of protesters in Tehran.",
    "The United States will send troops to Poland.",
    "Turkey condemned the Syrian government for the shelling of Idlib.",
    "Egyptian officials met Sudanese diplomats in Cairo.",
    "North Korea threatened to strike South Korea.",
    "The weather was mild and the markets were calm.",
    "India and Pakistan exchanged fire across the border in Kashmir.",
    "Germany offered humanitarian aid to Lebanon.",
    "Iraqi forces killed three militants near Mosul.",
    "The French president praised the Italian government.",
];

const OUTLETS: [&str; 5] = [
    "Dyad Wire",
    "Daily Planet",
    "The Ledger",
    "Courier",
    "Gazette",
];

/// `n` documents, each of three sentences, on dates over a year, from five
/// outlets; every fifth republishes the one before under another outlet.
fn generated(dir: &Path, n: usize) -> PathBuf {
    let mut lines = String::new();
    let start = chrono::NaiveDate::from_ymd_opt(2019, 1, 1).unwrap();
    let mut text = String::new();
    for i in 0..n {
        if i % 5 != 4 {
            text = [i * 7, i * 3 + 1, i / 16]
                .iter()
                .map(|k| SENTENCES[k % SENTENCES.len()])
                .collect::<Vec<_>>()
                .join(" ");
        }
        let rec = serde_json::json!({
            "id": format!("doc{i}"),
            "text": text,
            "title": format!("Story {}", i / 5),
            "published": (start + chrono::Days::new((i % 365) as u64)).to_string(),
            "url": format!("https://news.example/{i}"),
            "source": OUTLETS[i % OUTLETS.len()],
        });
        lines.push_str(&format!("{rec}\n"));
        if i == n / 2 {
            lines.push_str("{\"id\": \"broken\", \"text\": \n");
        }
    }
    let path = dir.join("feed.jsonl");
    fs::write(&path, lines).unwrap();
    path
}

/// What a store holds, without ingest times or row ids: documents, every
/// event, and merged events.
fn contents(db: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare("SELECT id, content_hash, url, source, title, published, chars, dyad_version FROM documents ORDER BY id")
        .unwrap();
    let docs = stmt
        .query_map([], |r| {
            Ok((0..8)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect::<Vec<_>>()
                .join("|"))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let sorted_lines = |args: &[&str]| {
        let out = ok(&[&["query", "--store", db, "--format", "jsonl"][..], args].concat());
        let mut lines: Vec<String> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(String::from)
            .collect();
        lines.sort();
        lines
    };
    (docs, sorted_lines(&["--all"]), sorted_lines(&["--merged"]))
}

/// Documents in a store being written (0 before it has any).
fn stored_documents(db: &str) -> usize {
    let flags = rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY;
    rusqlite::Connection::open_with_flags(db, flags)
        .and_then(|c| c.query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0)))
        .map_or(0, |n| n as usize)
}

/// The document id of an event's JSON line.
fn doc_of(line: &str) -> String {
    let event: serde_json::Value = serde_json::from_str(line).unwrap();
    event["doc_id"].as_str().unwrap().to_string()
}

#[test]
fn a_killed_ingest_rerun_leaves_exactly_what_a_clean_run_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let feed = generated(dir.path(), 3000);
    let feed = feed.to_str().unwrap();
    let clean = dir.path().join("clean.db");
    let clean = clean.to_str().unwrap();
    let out = ok(&["ingest", "--store", clean, feed]);
    let summary = stderr(&out);
    assert!(
        summary.contains("3000 new, 0 unchanged, 0 replaced, 1 skipped as broken"),
        "{summary}"
    );
    assert!(
        summary.contains("feed.jsonl:1502"),
        "the broken line is named: {summary}"
    );
    let expected = contents(clean);
    assert_eq!(expected.0.len(), 3000);
    assert!(expected.1.len() > 3000);
    assert!(
        expected.2.len() < expected.1.len(),
        "republished stories merge"
    );

    let crashed = dir.path().join("crashed.db");
    let crashed = crashed.to_str().unwrap();
    // each run is killed once the store holds 400 more documents than the
    // last left, a pseudo-random moment (fixed seed) later: inside a batch
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut partial_stores = 0;
    for run in 1..=5 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut child = dyad()
            .args(["ingest", "--store", crashed, feed])
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        while stored_documents(crashed) < run * 400 && child.try_wait().unwrap().is_none() {
            std::thread::sleep(std::time::Duration::from_millis(2));
        }
        std::thread::sleep(std::time::Duration::from_millis(seed % 40));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        // the store opens and holds whole documents only
        if Path::new(crashed).exists() {
            let (docs, events, _) = contents(crashed);
            partial_stores += usize::from(!docs.is_empty() && docs.len() < 3000);
            let whole: BTreeSet<&String> = expected.0.iter().collect();
            assert!(
                docs.iter().all(|d| whole.contains(d)),
                "a document as a clean run stores it"
            );
            let stored_docs: BTreeSet<String> = events.iter().map(|e| doc_of(e)).collect();
            let partial: Vec<&String> = expected
                .1
                .iter()
                .filter(|e| stored_docs.contains(&doc_of(e)) && !events.contains(e))
                .collect();
            assert!(
                partial.is_empty(),
                "every event of a stored document: {partial:?}"
            );
        }
    }
    assert!(partial_stores > 0, "some kill came in the middle of a run");
    ok(&["ingest", "--store", crashed, feed]);
    assert_eq!(contents(crashed), expected);
}

#[test]
fn merged_events_of_the_store_are_those_of_code_merge() {
    let dir = tempfile::tempdir().unwrap();
    let feed = generated(dir.path(), 120);
    let feed = feed.to_str().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    // in two runs, so that merged events span batches and runs
    let half = dir.path().join("half.jsonl");
    let text = fs::read_to_string(feed).unwrap();
    fs::write(
        &half,
        text.lines()
            .take(60)
            .map(|l| format!("{l}\n"))
            .collect::<String>(),
    )
    .unwrap();
    ok(&["ingest", "--store", db, half.to_str().unwrap()]);
    ok(&["ingest", "--store", db, feed]);
    let counts = |events: Vec<serde_json::Value>| -> BTreeSet<String> {
        events
            .iter()
            .map(|e| {
                format!(
                    "{} {} {} {} {}",
                    e["event_id"], e["mentions"], e["sources"], e["articles"], e["doc_ids"]
                )
            })
            .collect()
    };
    let coded = counts(json_lines(&ok(&["code", "--merge", feed]).stdout));
    let stored = counts(json_lines(
        &ok(&["query", "--store", db, "--merged"]).stdout,
    ));
    assert!(
        coded.iter().any(|c| !c.contains(" 1 1 1 ")),
        "some events merge"
    );
    assert_eq!(stored, coded);
}

#[test]
fn a_second_writer_waits_then_fails_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch("BEGIN IMMEDIATE").unwrap();
    let out = run(&[
        "ingest",
        "--store",
        &db,
        "--recode",
        "--date",
        "2019-05-14",
        "../../examples/",
    ]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("another process is writing to the store"),
        "{}",
        stderr(&out)
    );
    // readers are not blocked
    ok(&["query", "--store", &db]);
    conn.execute_batch("ROLLBACK").unwrap();
}

/// A tmpfs mounted at a folder, unmounted when dropped.
struct SmallDisk(PathBuf);

impl SmallDisk {
    /// Mounts a tmpfs of `size` at `dir`, if this process may (root on Linux).
    fn mount(dir: &Path, size: &str) -> Option<SmallDisk> {
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .output()
            .is_ok_and(|o| o.status.success());
        mounted.then(|| SmallDisk(dir.to_path_buf()))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_rolls_the_batch_back_and_leaves_the_store_intact() {
    let dir = tempfile::tempdir().unwrap();
    let feed = generated(dir.path(), 1000);
    let feed = feed.to_str().unwrap();
    let clean = dir.path().join("clean.db");
    let clean = clean.to_str().unwrap();
    ok(&["ingest", "--store", clean, feed]);
    let expected = contents(clean);
    let disk = dir.path().join("disk");
    fs::create_dir(&disk).unwrap();
    // room for about half the clean store
    let half = fs::metadata(clean).unwrap().len() / 2 / 1024;
    let Some(_disk) = SmallDisk::mount(&disk, &format!("{half}k")) else {
        eprintln!("skipped: a full disk needs a small tmpfs, which only root can mount");
        return;
    };
    let db = disk.join("t.db");
    let db = db.to_str().unwrap();
    let out = run(&["ingest", "--store", db, feed]);
    assert!(!out.status.success(), "the disk filled up");
    assert!(
        stderr(&out).contains("the disk is full"),
        "{}",
        stderr(&out)
    );
    let conn = rusqlite::Connection::open(db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    // whole batches only: each stored document with every event a clean run stores
    let (docs, events, _) = contents(db);
    assert!(
        !docs.is_empty() && docs.len() < expected.0.len(),
        "{} documents",
        docs.len()
    );
    assert!(docs.iter().all(|d| expected.0.contains(d)));
    let stored: BTreeSet<String> = events.iter().map(|e| doc_of(e)).collect();
    let theirs: Vec<&String> = expected
        .1
        .iter()
        .filter(|e| stored.contains(&doc_of(e)))
        .collect();
    assert_eq!(events.iter().collect::<Vec<_>>(), theirs);
}

#[test]
fn a_changed_document_is_replaced_and_recode_replaces_every_one() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let db = db.to_str().unwrap();
    let feed = |records: &[(&str, &str)]| {
        let path = dir.path().join("feed.jsonl");
        let lines: String = records
            .iter()
            .map(|(id, text)| {
                format!(
                    "{}\n",
                    serde_json::json!({"id": id, "text": text, "published": "2019-05-14"})
                )
            })
            .collect();
        fs::write(&path, lines).unwrap();
        path.to_str().unwrap().to_string()
    };
    let first = feed(&[("a", SENTENCES[0]), ("b", SENTENCES[1])]);
    ok(&["ingest", "--store", db, &first]);
    let before = contents(db);
    let changed = feed(&[("a", SENTENCES[0]), ("b", SENTENCES[6])]);
    let out = ok(&["ingest", "--store", db, &changed]);
    assert!(
        stderr(&out).contains("0 new, 1 unchanged, 1 replaced"),
        "{}",
        stderr(&out)
    );
    let after = contents(db);
    assert_eq!(after.0.len(), 2);
    assert!(
        after
            .1
            .iter()
            .all(|e| doc_of(e) != "b" || e.contains("Tehran")),
        "b's old events are gone"
    );
    assert_eq!(
        after
            .1
            .iter()
            .filter(|e| doc_of(e) == "a")
            .collect::<Vec<_>>(),
        before
            .1
            .iter()
            .filter(|e| doc_of(e) == "a")
            .collect::<Vec<_>>()
    );
    let out = ok(&["ingest", "--store", db, "--recode", &changed]);
    assert!(
        stderr(&out).contains("0 new, 0 unchanged, 2 replaced"),
        "{}",
        stderr(&out)
    );
    assert_eq!(contents(db), after);
}
