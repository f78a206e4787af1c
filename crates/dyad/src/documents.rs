//! The document commands: `dyad extract` prints each document's text as
//! dyad reads it (a web page's article body), its metadata and its stories,
//! one JSON line a document; `dyad dedup` prints clusters of near-duplicates.

use std::io::Write;

use anyhow::Result;
use dyad::dedup::{clusters, Shingles};
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

/// Writes the clusters of near-duplicate documents: their ids, one cluster a
/// line, tab-separated or as `{"ids": [...]}`.
pub fn write_clusters(
    docs: &[Document],
    threshold: f64,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let shingles: Vec<Shingles> = docs.par_iter().map(|d| Shingles::of(&d.text)).collect();
    for cluster in clusters(&shingles, threshold) {
        let ids: Vec<&str> = cluster.iter().map(|&i| docs[i].id.as_str()).collect();
        if json {
            serde_json::to_writer(&mut *out, &serde_json::json!({ "ids": ids }))?;
            out.write_all(b"\n")?;
        } else {
            writeln!(out, "{}", ids.join("\t"))?;
        }
    }
    out.flush()?;
    Ok(())
}
