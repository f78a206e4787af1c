//! Per-document fault isolation: a panic while coding one document is
//! reported with its file and line, and the other documents are coded.
//! Needs the `fault-injection` feature:
//! `cargo test -p dyad --features fault-injection --test fault_isolation`.
#![cfg(feature = "fault-injection")]

mod common;

use common::{dyad, json_lines};
use std::fs;

#[test]
fn a_panic_in_one_document_is_reported_and_the_others_are_coded() {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("batch.jsonl");
    fs::write(
        &batch,
        concat!(
            "{\"id\": \"a\", \"text\": \"Israel accused Iran of attacking a tanker.\"}\n",
            "{\"id\": \"b\", \"text\": \"Russian troops attacked Ukrainian positions near Donetsk.\"}\n",
            "{\"id\": \"c\", \"text\": \"Russian troops attacked Ukrainian positions near Kharkiv.\"}\n",
        ),
    )
    .unwrap();
    let out = dyad()
        .args(["code", "--date", "2019-05-14"])
        .arg(&batch)
        .env("DYAD_FAULT_PANIC", "b")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let expected = format!(
        "dyad: failed: {}:2 (document b): coding failed: fault injected into document b",
        batch.display()
    );
    assert!(stderr.contains(&expected), "{stderr}");
    assert!(
        stderr.contains("3 documents read, 0 skipped, 1 failed"),
        "{stderr}"
    );
    let coded: Vec<String> = json_lines(&out.stdout)
        .iter()
        .map(|e| e["doc_id"].as_str().unwrap().to_string())
        .collect();
    assert!(coded.contains(&"a".to_string()), "{coded:?}");
    assert!(coded.contains(&"c".to_string()), "{coded:?}");
    assert!(!coded.contains(&"b".to_string()), "{coded:?}");
}
