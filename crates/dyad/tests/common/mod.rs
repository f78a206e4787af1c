//! What the end-to-end tests share: the built-in pipeline, loaded once, a
//! document coded from a text and its publication date, and the `dyad`
//! binary with its JSON Lines output. Each test file uses part of it.
#![allow(dead_code)]

pub mod server;

use chrono::NaiveDate;
use dyad::Pipeline;
use dyad_core::Document;
use std::process::{Command, Output};
use std::sync::OnceLock;

pub fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::builtin().expect("built-in dictionaries"))
}

/// `text` published on `date` (year, month, day), through every stage.
pub fn run(text: &str, date: (i32, u32, u32)) -> Document {
    let published = NaiveDate::from_ymd_opt(date.0, date.1, date.2).expect("a date");
    let mut doc = Document::dated("t", text, published);
    pipeline().process(&mut doc, None);
    doc
}

/// The `dyad` binary under test.
pub fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

/// One JSON value per line of a command's output.
pub fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// Fails the test, showing the command's stderr, unless it succeeded.
pub fn assert_success(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
