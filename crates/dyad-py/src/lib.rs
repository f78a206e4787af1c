//! `dyad._dyad`: the native half of the `dyad` Python package.
//!
//! Each function takes plain lists and strings (the Python half, in
//! `python/dyad/__init__.py`, checks and normalizes the arguments) and gives
//! back the command line's own output: JSON Lines written by the writer of
//! `dyad code` (`dyad_io::EventWriter`), the records of `dyad actors` and
//! `dyad explain --json` (`dyad::records`), or the Parquet export's Arrow
//! columns (`dyad_io::ArrowRows`) handed to pyarrow through the Arrow C data
//! interface. Coding runs with the GIL released, on rayon's threads.
//!
//! All of it is behind the `python` feature, which maturin turns on: the
//! workspace's own builds and tests compile an empty crate.
#![cfg(feature = "python")]

use std::path::PathBuf;
use std::sync::OnceLock;

use arrow_pyarrow::ToPyArrow;
use chrono::NaiveDate;
use dyad::records::{sentence_json, MentionRecord};
use dyad::{Pipeline, Printed};
use dyad_core::{Document, Metadata};
use dyad_io::{ArrowRows, EventWriter, Export, Format};
use dyad_store::{Filter, Query, Store};
use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use rayon::prelude::*;

// Named as Python users see it: `dyad.DyadError`.
create_exception!(
    dyad,
    DyadError,
    PyValueError,
    "An input dyad cannot code or a store it cannot read; the message is the command line's."
);

fn dyad_error(e: impl std::fmt::Display) -> PyErr {
    DyadError::new_err(e.to_string())
}

/// The pipeline with the built-in dictionaries, loaded on first use.
fn pipeline() -> PyResult<&'static Pipeline> {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    if let Some(p) = PIPELINE.get() {
        return Ok(p);
    }
    let loaded = Pipeline::builtin().map_err(dyad_error)?;
    Ok(PIPELINE.get_or_init(|| loaded))
}

/// A `YYYY-MM-DD` date, or none (an undated document, as `dyad code`
/// without `--date` leaves it: its events take only the dates their text
/// gives).
fn parse_date(date: Option<&str>) -> PyResult<Option<NaiveDate>> {
    date.map(|d| {
        d.parse()
            .map_err(|e| dyad_error(format!("invalid date '{d}' (expected YYYY-MM-DD): {e}")))
    })
    .transpose()
}

/// A document of `text` published on `date`, if given.
fn document(id: String, text: String, date: Option<&str>) -> PyResult<Document> {
    let meta = Metadata {
        published: parse_date(date)?,
        ..Default::default()
    };
    Ok(Document::new(id, text, meta))
}

/// A batch of documents as the Python half hands it over: equally long
/// lists of texts, dates (`YYYY-MM-DD` or `None`: undated), ids and titles.
#[derive(FromPyObject)]
struct Batch(
    Vec<String>,
    Vec<Option<String>>,
    Vec<String>,
    Vec<Option<String>>,
);

impl Batch {
    fn documents(self) -> PyResult<Vec<Document>> {
        let Batch(texts, dates, ids, titles) = self;
        if dates.len() != texts.len() || ids.len() != texts.len() || titles.len() != texts.len() {
            return Err(dyad_error(
                "texts, dates, ids and titles must be lists of the same length",
            ));
        }
        texts
            .into_iter()
            .zip(dates)
            .zip(ids)
            .zip(titles)
            .map(|(((text, date), id), title)| {
                let meta = Metadata {
                    title,
                    published: parse_date(date.as_deref())?,
                    ..Default::default()
                };
                Ok(Document::new(id, text, meta))
            })
            .collect()
    }
}

/// Runs `work` with the GIL released on a thread pool of its own: one
/// thread for one document, else `threads` (one a core when `None`). Not
/// rayon's global pool: a process forked after a call (multiprocessing)
/// would find that pool's threads gone and wait for them forever.
fn run_detached<T: Send>(
    py: Python<'_>,
    threads: Option<usize>,
    documents: usize,
    work: impl FnOnce() -> T + Send,
) -> PyResult<T> {
    let threads = match threads {
        Some(0) => return Err(dyad_error("threads must be at least 1")),
        _ if documents <= 1 => 1,
        // 0: rayon's default, one thread a core.
        given => given.unwrap_or(0),
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(dyad_error)?;
    Ok(py.detach(|| pool.install(work)))
}

/// Codes a batch in parallel and keeps the printed events, as `dyad code`
/// does (`all`, `min_confidence`); `out` makes what is returned of each
/// document, in order, beside the documents.
fn code_each<T: Send>(
    py: Python<'_>,
    batch: Batch,
    printed: Printed,
    threads: Option<usize>,
    out: impl Fn(&Document) -> T + Sync,
) -> PyResult<(Vec<Document>, Vec<T>)> {
    let mut docs = batch.documents()?;
    let pipeline = py.detach(pipeline)?;
    let made = run_detached(py, threads, docs.len(), || {
        docs.par_iter_mut()
            .map(|doc| {
                pipeline.process(doc, None);
                printed.keep(doc);
                out(doc)
            })
            .collect()
    })?;
    Ok((docs, made))
}

/// A document's events as `dyad code` writes them: JSON Lines.
fn jsonl(doc: &Document) -> std::io::Result<String> {
    let mut jsonl = Vec::new();
    let mut writer = EventWriter::new(Format::Jsonl, false, &mut jsonl)?;
    for event in &doc.events {
        writer.write(&Export::of(doc, event))?;
    }
    writer.flush()?;
    drop(writer);
    Ok(String::from_utf8(jsonl).expect("JSON is UTF-8"))
}

/// Each document's events as the JSON Lines of `dyad code`, one string a
/// document.
#[pyfunction]
fn code_jsonl(
    py: Python<'_>,
    batch: Batch,
    min_confidence: Option<f64>,
    all: bool,
    threads: Option<usize>,
) -> PyResult<Vec<String>> {
    let printed = Printed {
        all,
        min_confidence,
    };
    let (_, written) = code_each(py, batch, printed, threads, jsonl)?;
    written
        .into_iter()
        .collect::<std::io::Result<Vec<String>>>()
        .map_err(dyad_error)
}

/// Every document's events as one record batch of the Parquet export's
/// schema (a `pyarrow.RecordBatch`).
#[pyfunction]
fn code_batch<'py>(
    py: Python<'py>,
    batch: Batch,
    min_confidence: Option<f64>,
    all: bool,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyAny>> {
    let printed = Printed {
        all,
        min_confidence,
    };
    let (docs, _) = code_each(py, batch, printed, threads, |_| ())?;
    let batch = py.detach(|| {
        let mut rows = ArrowRows::new(false);
        for doc in &docs {
            for event in &doc.events {
                rows.push(&Export::of(doc, event));
            }
        }
        rows.finish()
    });
    batch.map_err(dyad_error)?.to_pyarrow(py)
}

/// One document analysed with a trace: what `dyad explain --json` prints,
/// one JSON object a sentence.
#[pyfunction]
fn explain_json(
    py: Python<'_>,
    text: String,
    date: Option<String>,
    id: String,
) -> PyResult<Vec<String>> {
    let mut doc = document(id, text, date.as_deref())?;
    let pipeline = py.detach(pipeline)?;
    Ok(py.detach(|| {
        let mut trace = Vec::new();
        pipeline.process(&mut doc, Some(&mut trace));
        trace
            .iter()
            .map(|t| sentence_json(&doc, t).to_string())
            .collect()
    }))
}

/// One document's actor mentions: what `dyad actors` prints, one JSON
/// object a mention.
#[pyfunction]
fn actors_json(
    py: Python<'_>,
    text: String,
    date: Option<String>,
    id: String,
) -> PyResult<Vec<String>> {
    let mut doc = document(id, text, date.as_deref())?;
    let pipeline = py.detach(pipeline)?;
    py.detach(|| {
        pipeline.analyze(&mut doc);
        doc.mentions
            .iter()
            .map(|m| serde_json::to_string(&MentionRecord::new(&doc, m)))
            .collect::<serde_json::Result<Vec<String>>>()
    })
    .map_err(dyad_error)
}

/// The stored events a query selects, ordered by date, as one record batch
/// of the Parquet export's schema (with the counts of merged events when
/// `merged`).
#[pyfunction]
#[allow(clippy::too_many_arguments)]
fn query_batch<'py>(
    py: Python<'py>,
    store: PathBuf,
    source: Option<String>,
    target: Option<String>,
    actor: Option<String>,
    cameo: Option<String>,
    plover: Option<String>,
    quad: Option<u8>,
    from: Option<String>,
    to: Option<String>,
    country: Option<String>,
    text: Option<String>,
    min_confidence: Option<f64>,
    all: bool,
    merged: bool,
    limit: Option<u64>,
    offset: u64,
) -> PyResult<Bound<'py, PyAny>> {
    if quad.is_some_and(|q| !(1..=4).contains(&q)) {
        return Err(dyad_error("quad must be 1, 2, 3 or 4"));
    }
    let day = |d: Option<String>| parse_date(d.as_deref());
    let query = Query {
        filter: Filter {
            source,
            target,
            actor,
            cameo,
            plover,
            quad,
            from: day(from)?,
            to: day(to)?,
            country,
            text,
            min_confidence,
            all,
        },
        merged,
        limit,
        offset,
        after: None,
    };
    let batch = py.detach(|| -> Result<_, String> {
        let db = Store::open_read_only(&store).map_err(|e| e.to_string())?;
        let mut rows = ArrowRows::new(merged);
        db.each_event(&query, |e| {
            rows.push(&e.export());
            Ok(())
        })
        .map_err(|e| e.to_string())?;
        rows.finish().map_err(|e| e.to_string())
    });
    batch.map_err(dyad_error)?.to_pyarrow(py)
}

#[pymodule]
fn _dyad(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("DyadError", m.py().get_type::<DyadError>())?;
    m.add_function(wrap_pyfunction!(code_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(code_batch, m)?)?;
    m.add_function(wrap_pyfunction!(explain_json, m)?)?;
    m.add_function(wrap_pyfunction!(actors_json, m)?)?;
    m.add_function(wrap_pyfunction!(query_batch, m)?)?;
    Ok(())
}
