//! The document commands: `dyad extract` prints each document's text as
//! dyad reads it (a web page's article body), its metadata and its stories,
//! one JSON line a document; `dyad dedup` prints clusters of near-duplicates;
//! `dyad code --merge` writes each event once, with its counts.

use std::io::Write;

use anyhow::Result;
use dyad::dedup::{clusters, Shingles};
use dyad::merge::{merge_events, NEAR_DUPLICATE};
use dyad::Pipeline;
use dyad_core::{Document, EventDate};
use dyad_io::{EventWriter, Export, Reports};
use rayon::prelude::*;
use serde::Serialize;

use crate::inputs::Inputs;

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

/// Segments every document into stories and writes one record a document,
/// a chunk of documents at a time.
pub(crate) fn write_documents(
    pipeline: &Pipeline,
    inputs: &mut Inputs,
    out: &mut dyn Write,
) -> Result<()> {
    while let Some(mut chunk) = inputs.next_chunk() {
        chunk.par_iter_mut().for_each(|d| pipeline.segment(d));
        inputs.bar.inc(chunk.len() as u64);
        for doc in &chunk {
            serde_json::to_writer(&mut *out, &DocumentRecord::new(doc))?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The shingles of some documents, in their order.
fn shingles(docs: &[Document]) -> Vec<Shingles> {
    docs.par_iter().map(|d| Shingles::of(&d.text)).collect()
}

/// Writes each event of the coded documents once, with its counts; returns
/// the number of records written.
pub fn write_merged<W: Write + Send>(
    docs: &[Document],
    writer: &mut EventWriter<W>,
) -> std::io::Result<usize> {
    let merged = merge_events(docs, &clusters(&shingles(docs), NEAR_DUPLICATE));
    for m in &merged {
        let (d, e) = m.first;
        let doc_ids = m.docs.iter().map(|&d| docs[d].id.clone()).collect();
        let reports = Reports {
            mentions: m.mentions,
            sources: m.sources,
            articles: m.docs.len(),
            doc_ids,
        };
        let export = Export::of(&docs[d], &docs[d].events[e]);
        writer.write(&Export {
            reports: Some(&reports),
            ..export
        })?;
    }
    Ok(merged.len())
}

/// Writes the clusters of near-duplicate documents: their ids, one cluster a
/// line, tab-separated or as `{"ids": [...]}`. The documents are read a
/// chunk at a time and only their ids and shingles kept.
pub(crate) fn write_clusters(
    inputs: &mut Inputs,
    threshold: f64,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let (mut ids, mut sketches) = (Vec::new(), Vec::new());
    while let Some(chunk) = inputs.next_chunk() {
        sketches.extend(shingles(&chunk));
        inputs.bar.inc(chunk.len() as u64);
        ids.extend(chunk.into_iter().map(|d| d.id));
    }
    for cluster in clusters(&sketches, threshold) {
        let ids: Vec<&str> = cluster.iter().map(|&i| ids[i].as_str()).collect();
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
