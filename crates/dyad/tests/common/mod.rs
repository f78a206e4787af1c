//! What the end-to-end tests share: the built-in pipeline, loaded once, and
//! a document coded from a text and its publication date.

use chrono::NaiveDate;
use dyad::Pipeline;
use dyad_core::Document;
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
