//! The `dyad` binary end to end, on text written for these tests.

mod common;

use common::{assert_success, dyad, json_lines};
use std::fs;

fn code_text(text: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.txt");
    fs::write(&path, text).unwrap();
    let out = dyad()
        .args(["code", "--date", "2019-05-14"])
        .arg(&path)
        .output()
        .unwrap();
    assert_success(&out);
    json_lines(&out.stdout)
}

fn has(events: &[serde_json::Value], cameo_root: &str, source: &str, target: &str) -> bool {
    events.iter().any(|e| {
        e["cameo"].as_str().unwrap().starts_with(cameo_root)
            && e["source"]["country"] == source
            && e["target"]["country"] == target
    })
}

#[test]
fn a_mixed_folder_codes_every_good_document_and_names_the_bad_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(
        d.join("good.txt"),
        "Israel accused Iran of attacking a tanker.",
    )
    .unwrap();
    fs::write(
        d.join("broken.txt"),
        b"Russian troops attacked Ukrainian positions near Donetsk on Monday.\xff",
    )
    .unwrap();
    fs::write(
        d.join("mixed.jsonl"),
        "{\"id\": \"m1\", \"text\": \"Russian troops attacked Ukrainian positions near Donetsk on Monday.\"}\n{\"id\": \"m2\", \"text\": \n",
    )
    .unwrap();
    let out = dyad()
        .args(["code", "--date", "2019-05-14"])
        .arg(d)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("mixed.jsonl:2"), "{stderr}");
    assert!(stderr.contains("broken.txt: invalid UTF-8"), "{stderr}");
    let ev = json_lines(&out.stdout);
    let docs: Vec<&str> = ev.iter().map(|e| e["doc_id"].as_str().unwrap()).collect();
    assert!(
        docs.contains(&"good") && docs.contains(&"broken") && docs.contains(&"m1"),
        "{docs:?}"
    );
    let good: Vec<_> = ev
        .iter()
        .filter(|e| e["doc_id"] == "good")
        .cloned()
        .collect();
    assert!(has(&good, "112", "ISR", "IRN"), "{good:?}");
    let m1: Vec<_> = ev.iter().filter(|e| e["doc_id"] == "m1").cloned().collect();
    assert!(has(&m1, "19", "RUS", "UKR"), "{m1:?}");
    assert_eq!(m1[0]["source"]["code"], "RUSMIL");
    assert_eq!(
        m1[0]["sentence"],
        "Russian troops attacked Ukrainian positions near Donetsk on Monday."
    );
}

#[test]
fn nothing_readable_is_a_failure() {
    let out = dyad()
        .args(["code", "/nonexistent/file.txt"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/file.txt"));
}

#[test]
fn a_glued_page_gives_schema_complete_events_with_their_exact_sentences() {
    let page = fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/sample-page.txt"
    ))
    .unwrap();
    let ev = code_text(&page);
    assert!(ev.len() >= 5, "{ev:#?}");
    for e in &ev {
        for field in [
            "event_id",
            "doc_id",
            "sentence_index",
            "sentence",
            "date",
            "date_precision",
            "date_text",
            "source",
            "target",
            "cameo",
            "cameo_name",
            "plover",
            "quad_class",
            "goldstein",
            "mode",
            "context",
            "factuality",
            "location",
            "evidence",
            "confidence",
        ] {
            assert!(e.get(field).is_some(), "missing {field} in {e}");
        }
        assert!(e["goldstein"].is_number(), "{e}");
        let confidence = e["confidence"].as_f64().unwrap();
        assert_eq!((confidence * 1000.0).round() / 1000.0, confidence, "{e}");
        for c in e["context"].as_array().unwrap() {
            assert!(
                !["future", "hypothetical", "historical"].contains(&c.as_str().unwrap()),
                "modality in context: {e}"
            );
        }
        let sentence = e["sentence"].as_str().unwrap();
        assert!(page.contains(sentence));
        let span = &e["evidence"]["span"];
        let trigger = &page[span[0].as_u64().unwrap() as usize..span[1].as_u64().unwrap() as usize];
        assert!(
            sentence.contains(trigger),
            "{trigger:?} not in {sentence:?}"
        );
    }
    assert!(has(&ev, "19", "RUS", "UKR"));
    assert!(
        has(&ev, "17", "UGA", "KEN") || has(&ev, "17", "UGA", ""),
        "the navy seizure: {ev:#?}"
    );
}

#[test]
fn passive_voice_takes_the_agent_as_source() {
    let ev = code_text("The ceasefire proposal of Ukraine was rejected by Moscow on Friday.");
    assert!(
        ev.iter()
            .any(|e| e["cameo"].as_str().unwrap().starts_with("12")
                && e["source"]["code"] == "RUSGOV"
                && e["target"]["country"] == "UKR"),
        "{ev:#?}"
    );
}

#[test]
fn output_formats_and_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("a.txt");
    fs::write(&input, "Israel accused Iran of attacking a tanker.").unwrap();
    let out_path = dir.path().join("events.tsv");
    let out = dyad()
        .args(["code", "--date", "2019-05-14", "--format", "tsv", "-o"])
        .arg(&out_path)
        .arg(&input)
        .output()
        .unwrap();
    assert!(out.status.success());
    let tsv = fs::read_to_string(&out_path).unwrap();
    assert!(tsv.starts_with("event_id\tdoc_id\tsentence_index\tdate\tdate_precision\tdate_text\tsource_text\tsource_code"));
    assert!(tsv.lines().nth(1).unwrap().contains("\tISR\t"));
}

#[test]
fn explain_shows_tokens_actors_and_patterns() {
    let out = dyad()
        .args([
            "explain",
            "--json",
            "--date",
            "2019-05-14",
            "--text",
            "Israel accused Iran of attacking a tanker.",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value =
        serde_json::from_str(String::from_utf8_lossy(&out.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(v["doc_id"], "text");
    assert_eq!(v["tokens"][1]["text"], "accused");
    assert_eq!(v["tokens"][1]["lemma"], "accuse");
    assert_eq!(v["tokens"][1]["span"], serde_json::json!([7, 14]));
    // The dependency layer: "Israel" is the subject of "accused", "Iran" its object.
    assert_eq!(v["tokens"][0]["dep"], "nsubj");
    assert_eq!(v["tokens"][0]["head"], 1);
    assert_eq!(v["tokens"][2]["dep"], "dobj");
    assert_eq!(v["tokens"][2]["head"], 1);
    // Phrases and clauses read off it.
    let chunks: Vec<(&str, &str)> = v["phrases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["kind"].as_str().unwrap(), p["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        chunks,
        [
            ("NP", "Israel"),
            ("VG", "accused"),
            ("NP", "Iran"),
            ("VG", "attacking"),
            ("NP", "a tanker")
        ]
    );
    assert_eq!(v["clauses"][0]["kind"], "main");
    assert_eq!(v["clauses"][1]["kind"], "pcomp");
    assert_eq!(v["clauses"][1]["text"], "attacking a tanker");
    assert!(v["actors"].as_array().unwrap().len() >= 2);
    assert!(v["attempts"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["outcome"] == "matched"));
}

#[test]
fn json_lines_on_stdin_and_undated_documents_dated_only_by_their_text() {
    use std::io::Write;
    let mut child = dyad()
        .args(["code", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let lines = concat!(
        "{\"id\": \"s1\", \"text\": \"Israel accused Iran of attacking a tanker.\"}\n",
        "{\"id\": \"s2\", \"text\": \"On 3 March 2015 Israel accused Iran of attacking a tanker.\"}\n",
        "{\"id\": \"s3\", \"text\": \"On Monday Israel accused Iran of attacking a tanker.\"}\n",
    );
    child
        .stdin
        .take()
        .unwrap()
        .write_all(lines.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("3 document(s) carry no publication date"),
        "{stderr}"
    );
    assert!(stderr.contains("3 documents read, 0 skipped"), "{stderr}");
    let ev = json_lines(&out.stdout);
    let dates: Vec<(&str, &serde_json::Value)> = ev
        .iter()
        .map(|e| (e["doc_id"].as_str().unwrap(), &e["date"]))
        .collect();
    // No date but the text's own: a full date stands, a weekday with
    // nothing to count from gives none.
    assert_eq!(
        dates,
        [
            ("s1", &serde_json::Value::Null),
            ("s2", &serde_json::json!("2015-03-03")),
            ("s3", &serde_json::Value::Null)
        ]
    );
    let extracted = dyad()
        .args(["extract", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(lines.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    for record in json_lines(&extracted.stdout) {
        assert_eq!(record["published"], serde_json::Value::Null, "{record}");
    }
}

#[test]
fn eval_plover_prints_the_figures_as_json() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.jsonl");
    fs::write(
        &gold,
        "{\"id\": \"g1\", \"text\": \"Israel accused Iran of attacking a tanker.\", \"date\": \"2019-05-14\", \
         \"events\": [{\"source\": [\"ISR\"], \"target\": [\"IRN\"], \"plover\": \"DISAPPROVE\"}]}\n\
         {\"id\": \"g2\", \"text\": \"The weather was fine.\", \"date\": \"2019-05-14\", \
         \"events\": [{\"source\": [\"USA\"], \"target\": [], \"plover\": \"AID\"}]}\n",
    )
    .unwrap();
    let out = dyad()
        .args(["eval", "plover", "--json"])
        .arg(&gold)
        .output()
        .unwrap();
    assert_success(&out);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "type_recall",
        "full_recall",
        "top_type",
        "top_full",
        "events_per_sentence",
        "confusion",
        "misses",
    ] {
        assert!(report.get(key).is_some(), "no `{key}` in {report}");
    }
    assert_eq!(report["records"], 2);
    assert_eq!(report["misses"][0]["id"], "g2");
}

/// `dyad bench --json` (with `flags`) over a one-document corpus of `text`.
fn bench(text: &str, flags: &[&str]) -> serde_json::Value {
    bench_with(
        serde_json::json!({"id": "b1", "text": text, "published": "2019-05-14"}),
        flags,
    )
}

/// `dyad bench --json` (with `flags`) over a corpus of one JSON Lines record.
fn bench_with(line: serde_json::Value, flags: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    fs::write(&corpus, format!("{line}\n")).unwrap();
    let out = dyad()
        .args(["bench", "--json"])
        .args(flags)
        .arg(&corpus)
        .output()
        .unwrap();
    assert_success(&out);
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn bench_reports_every_stage() {
    let report = bench(
        "Russian troops attacked Ukrainian positions near Donetsk on Monday.",
        &[],
    );
    assert_eq!(report["documents"], 1);
    assert_eq!(report["events"], 1);
    for stage in ["text", "language", "actors", "coding", "resolution"] {
        assert!(
            report["stage_seconds"][stage].is_number(),
            "no {stage} in {report}"
        );
    }
}

#[test]
fn language_bench_counts_every_token() {
    let report = bench("Rebels seized the town. Talks failed.", &["--language"]);
    assert_eq!(report["documents"], 1);
    assert_eq!(report["sentences"], 2);
    assert_eq!(report["tokens"], 8);
    // [NP Rebels] [VG seized] [NP the town], [NP Talks] [VG failed]; a main clause each
    assert_eq!(report["phrases"], 5);
    assert_eq!(report["clauses"], 2);
    assert!(report["tokens_per_sec"].is_number(), "{report}");
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    // `dyad code big.jsonl | head -1`: once the reader has gone, writing fails
    // with a closed pipe, which is the reader's choice, not an error.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.jsonl");
    let record = r#"{"text": "Israel accused Iran of attacking a tanker in the Gulf of Oman."}"#;
    fs::write(&path, format!("{record}\n").repeat(3000)).unwrap();
    for format in ["jsonl", "csv"] {
        let mut child = dyad()
            .args(["code", "--date", "2019-05-14", "--format", format])
            .arg(&path)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{format}: {stderr}");
        assert!(!stderr.contains("error"), "{format}: {stderr}");
    }
}

fn code_all(text: &str, all: bool) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.txt");
    fs::write(&path, text).unwrap();
    let mut cmd = dyad();
    cmd.args(["code", "--date", "2019-05-14"]).arg(&path);
    if all {
        cmd.arg("--all");
    }
    let out = cmd.output().unwrap();
    assert_success(&out);
    json_lines(&out.stdout)
}

#[test]
fn possible_events_are_printed_only_with_all_and_carry_their_factuality() {
    let text = "The European Union could impose sanctions on Russia.";
    assert!(code_all(text, false).is_empty());
    let all = code_all(text, true);
    assert!(has(&all, "16", "IGO", "RUS"), "{all:#?}");
    assert!(
        all.iter().all(|e| e["factuality"] == "hypothetical"),
        "{all:#?}"
    );

    let will = code_all("Russia will send troops to Syria.", false);
    assert!(!will.is_empty());
    assert!(
        will.iter().all(|e| e["factuality"] == "intended"),
        "{will:#?}"
    );

    let done = code_all(
        "Israeli troops attacked Palestinian protesters in Gaza.",
        false,
    );
    assert!(has(&done, "1", "ISR", "PSE"), "{done:#?}");
    assert!(
        done.iter().all(|e| e["factuality"] == "asserted"),
        "{done:#?}"
    );
}

#[test]
fn explain_lists_dropped_candidates_with_their_reason() {
    let out = dyad()
        .args([
            "explain",
            "--json",
            "--text",
            "The Western-backed government of Ukraine met Russian envoys.",
        ])
        .output()
        .unwrap();
    assert_success(&out);
    let sentence = &json_lines(&out.stdout)[0];
    let dropped = sentence["dropped"].as_array().unwrap();
    assert!(
        dropped
            .iter()
            .any(|d| d["trigger"] == "backed" && d["reason"] == "modifier"),
        "{sentence}"
    );
    let events = sentence["events"].as_array().unwrap();
    assert!(
        events
            .iter()
            .all(|e| !e["cameo"].as_str().unwrap().starts_with("05")),
        "{sentence}"
    );
    assert!(events.iter().any(|e| e["cameo"] == "040"), "{sentence}");
}

/// The sample page's gold (tests/fixtures/sample-page-gold.jsonl): every
/// sentence of `examples/sample-page.txt` with the page before it as
/// context, coded by the real-news protocol by two coders and an
/// adjudicator; kept unchanged.
#[test]
fn the_sample_page_is_coded_to_its_gold() {
    let gold = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sample-page-gold.jsonl"
    );
    let out = dyad()
        .args(["eval", "news", "--json", gold])
        .output()
        .unwrap();
    assert_success(&out);
    let score = &json_lines(&out.stdout)[0];
    let precision = score["precision"].as_f64().unwrap();
    assert_eq!(score["gold_events"], 13, "{score}");
    assert!(precision >= 0.80, "{score}");
    assert!(score["recall"].as_f64().unwrap() >= 0.60, "{score}");
    assert_eq!(score["no_event_quiet"], 1.0, "{score}");
}

#[test]
fn min_confidence_keeps_the_surer_events_and_names_a_bad_value() {
    let page = include_str!("../../../examples/sample-page.txt");
    let all = code_text(page);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("page.txt");
    fs::write(&path, page).unwrap();
    let out = dyad()
        .args(["code", "--date", "2019-05-14", "--min-confidence", "0.5"])
        .arg(&path)
        .output()
        .unwrap();
    assert_success(&out);
    let sure = json_lines(&out.stdout);
    assert!(
        !sure.is_empty() && sure.len() < all.len(),
        "{} of {}",
        sure.len(),
        all.len()
    );
    assert!(sure
        .iter()
        .all(|e| e["confidence"].as_f64().unwrap() >= 0.5));
    let out = dyad()
        .args(["code", "--min-confidence", "1.5"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("`1.5` is not a confidence"));
}

/// `dyad ARGS`: its exit status and stderr.
fn status(args: &[&str]) -> (Option<i32>, String) {
    let out = dyad().args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn exit_status_says_what_was_read_and_strict_counts_skipped_inputs() {
    let (dir, good) = one_text_file();
    let good = good.as_str();
    let d = dir.path();
    fs::write(
        d.join("half.jsonl"),
        "{\"id\": \"h1\", \"text\": \"Rebels seized the town.\"}\n{\"id\": \n",
    )
    .unwrap();
    fs::write(d.join("empty.jsonl"), "").unwrap();
    let folder = d.to_str().unwrap();
    let date = ["--date", "2019-05-14"];
    for command in ["code", "actors", "extract", "dedup"] {
        let (code, stderr) = status(&[&[command, folder][..], &date].concat());
        assert_eq!(code, Some(0), "{command}: {stderr}");
        let (code, stderr) = status(&[&[command, "--strict", folder][..], &date].concat());
        assert_eq!(code, Some(3), "{command} --strict: {stderr}");
        assert!(stderr.contains("half.jsonl:2"), "{stderr}");
        let (code, stderr) = status(&[&[command, "--strict", good][..], &date].concat());
        assert_eq!(code, Some(0), "{command} --strict on a good file: {stderr}");
    }
    // nothing read: 1, whether the input is missing or holds no document
    let empty = d.join("empty.jsonl");
    for input in ["/nonexistent/file.txt", empty.to_str().unwrap()] {
        let (code, stderr) = status(&["code", input]);
        assert_eq!(code, Some(1), "{input}: {stderr}");
        assert!(stderr.contains("no input could be read"), "{stderr}");
    }
    // usage and output errors: 2
    let (code, _) = status(&["code", "--no-such-option", good]);
    assert_eq!(code, Some(2));
    let (code, stderr) = status(&["code", "-o", "/nonexistent/dir/out.jsonl", good]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("/nonexistent/dir/out.jsonl"), "{stderr}");
}

/// A folder holding one text document, and the document's path.
fn one_text_file() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("t.txt");
    fs::write(&file, "Israel accused Iran of attacking a tanker.").unwrap();
    let file = file.to_str().unwrap().to_string();
    (dir, file)
}

#[test]
fn threads_are_capped_and_zero_is_refused() {
    let (_dir, file) = one_text_file();
    let file = file.as_str();
    let (code, stderr) = status(&["code", "--threads", "100000", file]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stderr.contains("--threads 100000 capped at"), "{stderr}");
    let (code, stderr) = status(&["code", "--threads", "1", file]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("capped"), "{stderr}");
    let (code, stderr) = status(&["code", "--threads", "0", file]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("--threads"), "{stderr}");
}

#[test]
fn dedup_threshold_and_date_out_of_range_are_refused() {
    let (_dir, file) = one_text_file();
    let file = file.as_str();
    for bad in ["0", "-0.5", "1.01", "NaN", "x"] {
        let (code, stderr) = status(&["dedup", &format!("--threshold={bad}"), file]);
        assert_eq!(code, Some(2), "threshold {bad}: {stderr}");
        assert!(stderr.contains("above 0 and at most 1"), "{stderr}");
    }
    for good in ["1", "0.001"] {
        let (code, stderr) = status(&["dedup", "--threshold", good, file]);
        assert_eq!(code, Some(0), "threshold {good}: {stderr}");
    }
    for bad in ["1799-12-31", "2201-01-01"] {
        let (code, stderr) = status(&["code", "--date", bad, file]);
        assert_eq!(code, Some(2), "date {bad}: {stderr}");
        assert!(
            stderr.contains("outside the years 1800 to 2200"),
            "{stderr}"
        );
    }
    for good in ["1800-01-01", "2200-12-31"] {
        let (code, stderr) = status(&["code", "--date", good, file]);
        assert_eq!(code, Some(0), "date {good}: {stderr}");
    }
}

#[test]
fn explain_of_an_empty_text_says_there_is_no_sentence() {
    for text in ["", "  \n "] {
        let out = dyad().args(["explain", "--text", text]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains("--text holds no sentence"), "{stderr}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn bench_peak_memory_counts_what_was_read() {
    // a 64 MB title is held in memory through the run: the process's peak
    // is at least that, whatever the pipeline itself takes
    let title = "x".repeat(64 << 20);
    let report = bench_with(
        serde_json::json!({"id": "b1", "text": "Rebels seized the town.", "title": title}),
        &[],
    );
    let peak = report["peak_rss_mb"].as_f64().unwrap();
    assert!(peak >= 64.0, "{report}");
}

#[test]
fn a_batch_longer_than_a_chunk_is_coded_whole_and_in_input_order() {
    // 300 documents: more than the 256 coded at a time
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("batch.jsonl");
    let ids: Vec<String> = (0..300).map(|i| format!("d{i}")).collect();
    let lines: Vec<String> = ids
        .iter()
        .map(|id| {
            let text = "Israel accused Iran of attacking a tanker.";
            format!("{}\n", serde_json::json!({"id": id, "text": text}))
        })
        .collect();
    fs::write(&batch, lines.concat()).unwrap();
    for command in ["code", "actors", "extract"] {
        let out = dyad()
            .args([command, "--date", "2019-05-14"])
            .arg(&batch)
            .output()
            .unwrap();
        assert_success(&out);
        let mut seen: Vec<String> = json_lines(&out.stdout)
            .iter()
            .map(|r| {
                r["doc_id"]
                    .as_str()
                    .or(r["id"].as_str())
                    .unwrap()
                    .to_string()
            })
            .collect();
        seen.dedup();
        assert_eq!(seen, ids, "{command}");
    }
}

#[test]
fn a_document_longer_than_max_document_bytes_is_coded_in_pieces_as_one_document() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("long.txt");
    let paragraphs = [
        "Israel accused Iran of attacking a tanker in the Gulf of Oman.",
        "Kenya and Uganda signed a trade agreement in Nairobi on Monday.",
        "Police in Kampala arrested dozens of protesters.",
        "France condemned the attack and urged Israel to hold talks with Iran.",
    ];
    fs::write(&file, paragraphs.join("\n\n")).unwrap();
    // short documents before and after it, coded whole, keep their places
    fs::write(
        dir.path().join("a.txt"),
        "Russia threatened Ukraine with sanctions.",
    )
    .unwrap();
    fs::write(
        dir.path().join("z.txt"),
        "Egypt hosted talks between Israel and Hamas.",
    )
    .unwrap();
    let events = |args: &[&str]| {
        let out = dyad()
            .args(["code", "--date", "2019-05-14"])
            .args(args)
            .arg(dir.path())
            .output()
            .unwrap();
        assert_success(&out);
        (
            json_lines(&out.stdout),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (whole, stderr) = events(&[]);
    assert!(!stderr.contains("in pieces"), "{stderr}");
    let (pieced, stderr) = events(&["--max-document-bytes", "100"]);
    assert!(
        stderr.contains("long.txt: document long holds 248 bytes of text, more than --max-document-bytes 100: coded in pieces"),
        "{stderr}"
    );
    // Each paragraph is a piece of its own, and the events read as those
    // of the whole: same sentence indices, same spans into the whole text.
    assert!(whole.len() >= 5, "{whole:?}");
    assert_eq!(pieced, whole);
    let documents: Vec<&str> = pieced
        .iter()
        .map(|e| e["doc_id"].as_str().unwrap())
        .collect();
    assert_eq!(documents.first(), Some(&"a"));
    assert_eq!(documents.last(), Some(&"z"));
    let sentences: Vec<u64> = pieced
        .iter()
        .map(|e| e["sentence_index"].as_u64().unwrap())
        .collect();
    assert!(sentences.iter().any(|&s| s >= 2), "{sentences:?}");
    let actors = |args: &[&str]| {
        let out = dyad()
            .arg("actors")
            .args(args)
            .arg(dir.path())
            .output()
            .unwrap();
        assert_success(&out);
        json_lines(&out.stdout)
    };
    assert_eq!(actors(&["--max-document-bytes", "100"]), actors(&[]));
}

#[test]
fn invisible_characters_inside_words_are_ignored_and_spans_point_into_the_text() {
    let plain =
        "Israel accused Iran of attacking a tanker.\n\nKenya and Uganda signed a trade agreement.";
    let hidden = "Is\u{AD}rael accused Iran of attacking a tan\u{200B}ker.\n\nKen\u{200D}ya and Ugan\u{AD}da signed a trade\u{2060} agreement.";
    let events = code_text(hidden);
    let found: Vec<String> = events.iter().map(triple).collect();
    assert_eq!(found, ["ISR 1123 IRN", "KEN 061 UGA", "UGA 061 KEN"]);
    // The sentence as written, and spans into it.
    assert!(events[0]["sentence"]
        .as_str()
        .unwrap()
        .contains("tan\u{200B}ker"));
    let slice = |span: &serde_json::Value| {
        let (a, b) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        &hidden[a..b]
    };
    assert_eq!(slice(&events[0]["source"]["span"]), "Is\u{AD}rael");
    assert_eq!(slice(&events[1]["source"]["span"]), "Ken\u{200D}ya");
    assert_eq!(slice(&events[1]["target"]["span"]), "Ugan\u{AD}da");
    // Coded as the same words without the invisible characters are.
    let indices = |events: &[serde_json::Value]| -> Vec<String> {
        events
            .iter()
            .map(|e| format!("{} {}", triple(e), e["sentence_index"]))
            .collect()
    };
    assert_eq!(indices(&events), indices(&code_text(plain)));
}

/// An event's source code, CAMEO code and target code.
fn triple(e: &serde_json::Value) -> String {
    let code = |v: &serde_json::Value| v.as_str().unwrap_or("-").to_string();
    format!(
        "{} {} {}",
        code(&e["source"]["code"]),
        code(&e["cameo"]),
        code(&e["target"]["code"])
    )
}

#[test]
fn headlines_in_capitals_are_matched_as_other_text() {
    let events = code_text(
        "VLADIMIR PUTIN THREATENS UKRAINE WITH SANCTIONS\n\nUGANDA AND KENYA SIGN TRADE AGREEMENT\n\nThe talks went on.",
    );
    let found: Vec<String> = events.iter().map(triple).collect();
    assert_eq!(found, ["RUSGOV 1312 UKR", "UGA 061 KEN", "KEN 061 UGA"]);
}
