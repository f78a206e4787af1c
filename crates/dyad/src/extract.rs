//! `dyad extract`: each document's text as dyad reads it (a web page's
//! article body), its metadata and its stories, one JSON line a document.

use std::io::Write;

use anyhow::Result;
use dyad::Pipeline;
use dyad_core::{Document, EventDate};
use rayon::prelude::*;
use serde::Serialize;

#[derive(Serialize)]
struct StoryRecord<'a> {
    title: Option<&'a str>,
    published: Option<EventDate>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct DocumentRecord<'a> {
    id: &'a str,
    title: Option<&'a str>,
    published: Option<EventDate>,
    url: Option<&'a str>,
    source: Option<&'a str>,
    text: &'a str,
    stories: Vec<StoryRecord<'a>>,
}

impl<'a> DocumentRecord<'a> {
    fn new(doc: &'a Document) -> Self {
        let stories = doc
            .stories
            .iter()
            .map(|s| StoryRecord {
                title: s.title.as_deref(),
                published: s.published.map(EventDate::day),
                start: s.span.start,
                end: s.span.end,
            })
            .collect();
        DocumentRecord {
            id: &doc.id,
            title: doc.meta.title.as_deref(),
            published: doc.meta.published.map(EventDate::day),
            url: doc.meta.url.as_deref(),
            source: doc.meta.source.as_deref(),
            text: &doc.text,
            stories,
        }
    }
}

/// Segments every document into stories and writes one record a document.
pub fn write_documents(
    pipeline: &Pipeline,
    docs: &mut [Document],
    out: &mut dyn Write,
) -> Result<()> {
    docs.par_iter_mut().for_each(|d| pipeline.segment(d));
    for doc in docs.iter() {
        serde_json::to_writer(&mut *out, &DocumentRecord::new(doc))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}
