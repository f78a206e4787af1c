//! Documents as they come: web pages, glued stories, boilerplate and
//! near-duplicates, through the `dyad` binary, on pages and texts written
//! for these tests.

mod common;

use common::{assert_success, dyad, json_lines};
use std::fs;

/// Runs `dyad ARGS...` and parses its JSON Lines output.
fn run(args: &[&str]) -> Vec<serde_json::Value> {
    let out = dyad().args(args).output().unwrap();
    assert_success(&out);
    json_lines(&out.stdout)
}

/// Writes `records` as a JSON Lines file in a new temporary folder, which
/// lives as long as the returned handle.
fn feed(records: &[serde_json::Value]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl");
    let lines: String = records.iter().map(|r| format!("{r}\n")).collect();
    fs::write(&path, lines).unwrap();
    (dir, path)
}

#[test]
fn extract_prints_a_page_with_its_metadata_and_one_story() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talks.html");
    fs::write(&path, include_str!("../../dyad-io/tests/pages/talks.html")).unwrap();
    let docs = run(&["extract", path.to_str().unwrap()]);
    assert_eq!(docs.len(), 1);
    let doc = &docs[0];
    assert_eq!(doc["id"], "talks");
    assert_eq!(doc["title"], "Talks resume on lake dispute");
    assert_eq!(doc["published"], "2019-05-13");
    assert_eq!(doc["url"], "https://wire.example/talks-resume");
    assert_eq!(doc["source"], "Dyad Wire");
    let text = doc["text"].as_str().unwrap();
    assert!(text.starts_with("Uganda and Kenya agreed"), "{text}");
    let stories = doc["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0]["title"], "Talks resume on lake dispute");
    assert_eq!(stories[0]["start"], 0);
    assert_eq!(stories[0]["end"], text.len());
}

#[test]
fn events_are_dated_by_their_own_story() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("briefing.txt");
    let page = "Rebels attack army base\n\nMarch 3, 2020\n\nRebels attacked an army base in Mali, officials said.\n\n~\n\nKenya protests to Uganda\n\nKenya protested to Uganda over the arrest of fishermen.\n";
    fs::write(&path, page).unwrap();
    let events = run(&["code", "--date", "2020-03-09", path.to_str().unwrap()]);
    let dates: Vec<(&str, &str)> = events
        .iter()
        .map(|e| (e["sentence"].as_str().unwrap(), e["date"].as_str().unwrap()))
        .collect();
    assert!(
        dates
            .iter()
            .any(|&(s, d)| s.starts_with("Rebels attacked") && d == "2020-03-03"),
        "{dates:?}"
    );
    assert!(
        dates
            .iter()
            .any(|&(s, d)| s.starts_with("Kenya protested") && d == "2020-03-09"),
        "{dates:?}"
    );
}

/// Codes a text written to a file, with extra arguments.
fn code_text(text: &str, extra: &[&str]) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.txt");
    fs::write(&path, text).unwrap();
    let mut args = vec!["code", "--date", "2019-05-14", path.to_str().unwrap()];
    args.extend(extra);
    run(&args)
}

fn sentences(events: &[serde_json::Value]) -> Vec<&str> {
    events
        .iter()
        .map(|e| e["sentence"].as_str().unwrap())
        .collect()
}

#[test]
fn a_caption_printed_twice_yields_its_events_once() {
    let caption = "Russian troops attacked Ukrainian positions near Donetsk";
    let page = format!("{caption}\n\nThe fighting went on all night, witnesses said.\n\n{caption}\n\nAdvertisement\n");
    let events = code_text(&page, &[]);
    let from_caption = sentences(&events).iter().filter(|s| **s == caption).count();
    assert_eq!(from_caption, 1, "{events:?}");
}

#[test]
fn related_article_headlines_are_coded_only_when_asked() {
    let page = "Kenya and Uganda agreed to hold talks on the lake dispute.\n\nRelated: Israel accused Iran of attacking a tanker\n\nREAD MORE: Russian troops attacked Ukrainian positions\n";
    let by_default = code_text(page, &[]);
    assert!(!by_default.is_empty());
    assert!(
        sentences(&by_default)
            .iter()
            .all(|s| s.starts_with("Kenya")),
        "{by_default:?}"
    );
    let included = code_text(page, &["--include-related"]);
    assert!(
        sentences(&included)
            .iter()
            .any(|s| s.starts_with("Related: Israel")),
        "{included:?}"
    );
    assert!(
        sentences(&included)
            .iter()
            .any(|s| s.starts_with("READ MORE: Russian")),
        "{included:?}"
    );
}

#[test]
fn dedup_prints_clusters_of_republished_stories() {
    let story = "Uganda and Kenya agreed on Monday to hold new talks on the disputed islands of Lake Victoria, officials said. The foreign ministers met in Kampala and signed an agreement to set up a joint border commission.";
    let records = [
        serde_json::json!({"id": "wire", "text": story}),
        serde_json::json!({"id": "other", "text": "Thousands of students demonstrated in Nairobi on Saturday to demand lower fees."}),
        serde_json::json!({"id": "reprint", "text": format!("KAMPALA (Dyad Wire) - {story} Share this article")}),
    ];
    let (_dir, path) = feed(&records);
    let clusters = run(&["dedup", "--json", path.to_str().unwrap()]);
    assert_eq!(clusters, [serde_json::json!({"ids": ["wire", "reprint"]})]);
    let out = dyad()
        .args(["dedup", "--threshold", "0.99", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn merge_folds_one_event_reported_across_sentences_documents_and_republications() {
    let accusation = "Israel accused Iran of attacking a tanker in the Gulf of Oman. On Tuesday Israel again accused Iran of attacking the ship.";
    let records = [
        serde_json::json!({"id": "d1", "source": "Wire A", "published": "2019-05-14", "text": accusation}),
        serde_json::json!({"id": "d2", "source": "Wire B", "published": "2019-05-14", "text": "Israel accused Iran of attacking a tanker in the Gulf of Oman."}),
        // A republication, dated a day later: a near-duplicate of d1.
        serde_json::json!({"id": "d3", "source": "Wire A", "published": "2019-05-15", "text": format!("{accusation} Copyright.")}),
        serde_json::json!({"id": "d4", "source": "Wire C", "published": "2019-05-16", "text": "Israel accused Iran of attacking a tanker."}),
    ];
    let (_dir, path) = feed(&records);
    let merged = run(&["code", "--merge", path.to_str().unwrap()]);
    let counts: Vec<_> = merged
        .iter()
        .map(|e| {
            (
                e["date"].as_str().unwrap(),
                e["mentions"].as_u64().unwrap(),
                e["sources"].as_u64().unwrap(),
                e["articles"].as_u64().unwrap(),
                e["doc_ids"].clone(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            ("2019-05-14", 5, 2, 3, serde_json::json!(["d1", "d2", "d3"])),
            ("2019-05-16", 1, 1, 1, serde_json::json!(["d4"])),
        ]
    );
    assert_eq!(merged[0]["doc_id"], "d1");
    assert_eq!(merged[0]["sentence_index"], 0);
    let tsv = dyad()
        .args(["code", "--merge", "--format", "tsv", path.to_str().unwrap()])
        .output()
        .unwrap();
    let tsv = String::from_utf8(tsv.stdout).unwrap();
    assert!(tsv
        .lines()
        .next()
        .unwrap()
        .ends_with("\tsentence\tmentions\tsources\tarticles\tdoc_ids"));
    assert!(
        tsv.lines().nth(1).unwrap().ends_with("\t5\t2\t3\td1;d2;d3"),
        "{tsv}"
    );
}
