//! The store commands: `dyad ingest` codes documents into the store,
//! `dyad query` reads events back (or counts them per period), `dyad serve`
//! answers HTTP requests for them, and `dyad store info` describes a store.

use std::io::{self, IsTerminal, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use clap::Args;
use dyad::dedup::{jaccard, Shingles};
use dyad::merge::NEAR_DUPLICATE;
use dyad::Pipeline;
use dyad_core::Document;
use dyad_io::{write_tsv, EventWriter, Export, Format};
use dyad_serve::{CodedText, Coder};
use dyad_store::{Filter, NewDocument, Period, Query, SeriesRow, Split, Stamp, Store};
use rayon::prelude::*;
use xxhash_rust::xxh3::Xxh3;

use crate::{finish, nothing_read, read, InputArgs};

/// Documents coded and written in one transaction.
const BATCH: usize = 200;

/// The store file of `--store`.
#[derive(Args)]
pub(crate) struct StoreArg {
    /// The store: one SQLite file (see docs/store.md).
    #[arg(long = "store", value_name = "PATH", default_value = "dyad.db")]
    path: PathBuf,
}

/// The filters of `dyad query`.
#[derive(Args)]
pub(crate) struct FilterArgs {
    /// Source actor code or its prefix (RUS, USAGOV, IGONAT).
    #[arg(long, value_name = "CODE")]
    source: Option<String>,
    /// Target actor code or its prefix.
    #[arg(long, value_name = "CODE")]
    target: Option<String>,
    /// Source or target actor code or its prefix.
    #[arg(long, value_name = "CODE")]
    actor: Option<String>,
    /// CAMEO code or its prefix (19, 190, 1823).
    #[arg(long, value_name = "CODE")]
    cameo: Option<String>,
    /// PLOVER category (ASSAULT, PROTEST, ...).
    #[arg(long, value_name = "CATEGORY")]
    plover: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    quad: Option<u8>,
    /// Events dated on or after this day (the first day of a month- or year-dated event counts).
    #[arg(long, value_name = "YYYY-MM-DD")]
    from: Option<chrono::NaiveDate>,
    /// Events dated on or before this day.
    #[arg(long, value_name = "YYYY-MM-DD")]
    to: Option<chrono::NaiveDate>,
    /// ISO 3166-1 alpha-3 code of the country where the event took place.
    #[arg(long, value_name = "ISO3")]
    country: Option<String>,
    /// Full-text search over the events' sentences (SQLite FTS5 syntax: words, "phrases", OR, NOT, prefix*).
    #[arg(long, value_name = "QUERY")]
    text: Option<String>,
    /// Events of at least this confidence (0 to 1).
    #[arg(long, value_name = "X")]
    min_confidence: Option<f64>,
    /// Every factuality, not only asserted and intended events.
    #[arg(long)]
    all: bool,
}

impl FilterArgs {
    fn filter(&self) -> Filter {
        Filter {
            source: self.source.clone(),
            target: self.target.clone(),
            actor: self.actor.clone(),
            cameo: self.cameo.clone(),
            plover: self.plover.clone(),
            quad: self.quad,
            from: self.from,
            to: self.to,
            country: self.country.clone(),
            text: self.text.clone(),
            min_confidence: self.min_confidence,
            all: self.all,
        }
    }
}

/// `--count-by PERIOD[,SPLIT]`.
#[derive(Clone, Copy)]
pub(crate) struct CountBy {
    period: Period,
    split: Option<Split>,
}

/// Parses `PERIOD[,SPLIT]`, naming the value it cannot read.
pub(crate) fn parse_count_by(arg: &str) -> Result<CountBy, String> {
    let (period, split) = match arg.split_once(',') {
        Some((p, s)) => (p, Some(s)),
        None => (arg, None),
    };
    fn named<T: Copy>(value: &str, what: &str, named: &[(&str, T)]) -> Result<T, String> {
        let lower = value.to_lowercase();
        named
            .iter()
            .find(|(n, _)| *n == lower)
            .map(|&(_, v)| v)
            .ok_or_else(|| {
                let names: Vec<&str> = named.iter().map(|(n, _)| *n).collect();
                format!("`{value}` is no {what}: one of {}", names.join(", "))
            })
    }
    let period = named(period, "period", &Period::NAMED)?;
    let split = split
        .map(|s| named(s, "split", &Split::NAMED))
        .transpose()?;
    Ok(CountBy { period, split })
}

/// What one ingest did, for its summary.
#[derive(Default)]
struct Tally {
    new: usize,
    unchanged: usize,
    replaced: usize,
    broken: usize,
    events: usize,
    shown: usize,
}

/// The hash of the dictionaries a pipeline was built from: `builtin`, or
/// the files of the folders given, by path and contents.
pub(crate) fn dictionaries_hash(replace: Option<&Path>, extra: Option<&Path>) -> Result<String> {
    if replace.is_none() && extra.is_none() {
        return Ok("builtin".into());
    }
    let mut hash = Xxh3::new();
    for (role, dir) in [("replace", replace), ("extra", extra)] {
        let Some(dir) = dir else { continue };
        hash.update(role.as_bytes());
        for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
            let entry = entry.with_context(|| format!("cannot read {}", dir.display()))?;
            if entry.file_type().is_file() {
                let bytes = std::fs::read(entry.path())
                    .with_context(|| format!("cannot read {}", entry.path().display()))?;
                hash.update(
                    entry
                        .path()
                        .strip_prefix(dir)
                        .unwrap_or(entry.path())
                        .to_string_lossy()
                        .as_bytes(),
                );
                hash.update(&(bytes.len() as u64).to_le_bytes());
                hash.update(&bytes);
            }
        }
    }
    Ok(format!("{:016x}", hash.digest()))
}

/// A coded document on its way to the store.
struct Coded {
    doc: Document,
    stamp: Stamp,
    shingles: Shingles,
    bands: Vec<u64>,
}

/// `dyad ingest`: codes the inputs and stores every candidate event, one
/// transaction per batch of documents. A thread writes each batch while
/// the next is coded.
pub(crate) fn ingest(
    pipeline: &Pipeline,
    input: &InputArgs,
    store: &StoreArg,
    recode: bool,
    dictionaries_hash: String,
) -> Result<ExitCode> {
    let mut db = Store::open(&store.path)?;
    let Some(mut docs) = read(input)? else {
        return Ok(nothing_read());
    };
    docs.pieces_above = pipeline.max_document_bytes();
    let mut tally = Tally::default();
    let bar = docs.bar.clone();
    let written = std::thread::scope(|scope| -> Result<Tally> {
        // what is stored already, read beside the writer (and closed before
        // it, so that the writer's connection, the last, folds the
        // write-ahead log into the file)
        let stored = Store::open_read_only(&store.path)?;
        let (send, receive) = std::sync::mpsc::sync_channel::<Vec<Coded>>(1);
        let writer = std::thread::Builder::new()
            .name("dyad-writer".into())
            .spawn_scoped(scope, move || -> Result<Tally> {
                let mut written = Tally::default();
                let near = |a: &[u64], b: &[u64]| jaccard(a, b) >= NEAR_DUPLICATE;
                for batch in receive {
                    let new: Vec<NewDocument> = batch
                        .iter()
                        .map(|c| NewDocument {
                            doc: &c.doc,
                            stamp: c.stamp.clone(),
                            shingles: c.shingles.hashes(),
                            bands: &c.bands,
                        })
                        .collect();
                    let replaced = db.write_batch(&new, &near)?;
                    written.replaced += replaced;
                    written.new += batch.len() - replaced;
                    for c in &batch {
                        written.events += c.doc.events.len();
                        written.shown += c
                            .doc
                            .events
                            .iter()
                            .filter(|e| e.factuality.printed_by_default())
                            .count();
                    }
                }
                Ok(written)
            })?;
        // each batch is dropped once stored: memory holds two batches'
        // documents and analyses
        while !docs.is_empty() {
            // what needs coding: new documents, changed ones, and all with --recode
            let mut work = Vec::new();
            for doc in docs.by_ref().take(BATCH) {
                let stamp = Stamp {
                    content_hash: dyad_store::content_hash(&doc),
                    dyad_version: env!("CARGO_PKG_VERSION").to_string(),
                    dictionaries_hash: dictionaries_hash.clone(),
                };
                match stored.stamp(&doc.id)? {
                    Some(old) if old == stamp && !recode => {
                        tally.unchanged += 1;
                        bar.inc(1);
                    }
                    _ => work.push((doc, stamp)),
                }
            }
            let to_code = work.len();
            let coded: Vec<Coded> = work
                .into_par_iter()
                .filter_map(|(mut doc, stamp)| {
                    let coded = pipeline.process_isolated(&mut doc, None);
                    bar.inc(1);
                    if let Err(e) = coded {
                        bar.suspend(|| eprintln!("dyad: skipped: {e}"));
                        return None;
                    }
                    let shingles = Shingles::of(&doc.text);
                    let bands = shingles.band_keys();
                    Some(Coded {
                        doc,
                        stamp,
                        shingles,
                        bands,
                    })
                })
                .collect();
            tally.broken += to_code - coded.len();
            if send.send(coded).is_err() {
                break; // the writer stopped; its error follows
            }
        }
        drop((send, stored));
        writer.join().expect("the writer thread does not panic")
    })?;
    let status = finish(input, &docs, tally.broken);
    tally.broken += docs.skipped;
    eprintln!(
        "dyad: {} documents: {} new, {} unchanged, {} replaced, {} skipped as broken; {} events stored ({} asserted or intended) in {}",
        written.new + tally.unchanged + written.replaced + tally.broken,
        written.new,
        tally.unchanged,
        written.replaced,
        tally.broken,
        written.events,
        written.shown,
        store.path.display()
    );
    Ok(status)
}

/// `dyad store info`.
pub(crate) fn info(store: &StoreArg, out: &mut dyn Write) -> Result<ExitCode> {
    let db = Store::open_read_only(&store.path)?;
    let info = db.info()?;
    writeln!(out, "store: {}", store.path.display())?;
    writeln!(out, "schema version: {}", info.schema_version)?;
    writeln!(out, "size: {:.1} MB", info.bytes as f64 / 1e6)?;
    writeln!(out, "documents: {}", info.documents)?;
    writeln!(out, "sentences: {}", info.sentences)?;
    writeln!(out, "events: {}", info.events)?;
    for (factuality, n) in &info.factuality {
        writeln!(out, "  {factuality}: {n}")?;
    }
    writeln!(out, "merged events: {}", info.merged)?;
    if let Some((first, last)) = &info.dates {
        writeln!(out, "dates: {first} to {last}")?;
    }
    writeln!(out, "coded by:")?;
    for (version, dictionaries, n) in &info.coded_by {
        writeln!(
            out,
            "  dyad {version}, dictionaries {dictionaries}: {n} documents"
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `dyad query`: the events of the filters in a format, or their series.
#[allow(clippy::too_many_arguments)]
pub(crate) fn query(
    store: &StoreArg,
    filters: &FilterArgs,
    merged: bool,
    limit: Option<u64>,
    offset: u64,
    count_by: Option<CountBy>,
    format: Option<Format>,
    output: Option<PathBuf>,
) -> Result<ExitCode> {
    let db = Store::open_read_only(&store.path)?;
    let terminal = output.is_none() && io::stdout().is_terminal();
    if let Some(format) = format {
        check_output(format, &output)?;
    }
    let format = format.unwrap_or(if terminal {
        Format::Text
    } else {
        Format::Jsonl
    });
    let mut out = crate::open_output(output)?;
    let filter = filters.filter();
    if let Some(CountBy { period, split }) = count_by {
        let rows = db.series(&filter, period, split)?;
        write_series(&rows, format, &mut out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let query = Query {
        filter,
        merged,
        limit,
        offset,
        after: None,
    };
    let mut writer = EventWriter::new(format, merged, out)?;
    db.each_event(&query, |e| writer.write(&e.export()))?;
    writer.flush()?;
    warn_left_out(&writer);
    Ok(ExitCode::SUCCESS)
}

/// Parquet is binary: it goes to a file.
pub(crate) fn check_output(format: Format, output: &Option<PathBuf>) -> Result<()> {
    if format == Format::Parquet && output.is_none() {
        bail!("--format parquet writes a file: give one with -o FILE");
    }
    Ok(())
}

/// Warns of the events the PLOVER export left out.
pub(crate) fn warn_left_out<W: Write + Send>(writer: &EventWriter<W>) {
    if writer.left_out > 0 {
        eprintln!(
            "dyad: warning: {} events without a PLOVER category, a source or a date are left out of the PLOVER records",
            writer.left_out
        );
    }
}

/// Writes a series: `period, key, count, mean_goldstein` as JSON Lines,
/// CSV, or TSV (also for text).
fn write_series(rows: &[SeriesRow], format: Format, out: &mut dyn Write) -> Result<()> {
    let cells = |r: &SeriesRow| {
        [
            r.period.clone(),
            r.key.clone(),
            r.count.to_string(),
            format!("{:.3}", r.mean_goldstein),
        ]
    };
    let header = ["period", "key", "count", "mean_goldstein"].map(String::from);
    match format {
        Format::Jsonl => {
            for r in rows {
                let line = serde_json::json!({"period": r.period, "key": r.key, "count": r.count, "mean_goldstein": (r.mean_goldstein * 1000.0).round() / 1000.0});
                writeln!(out, "{line}")?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(&header)?;
            for r in rows {
                w.write_record(cells(r))?;
            }
            w.flush()?;
        }
        Format::Tsv | Format::Text => {
            write_tsv(out, header)?;
            for r in rows {
                write_tsv(out, cells(r))?;
            }
        }
        _ => bail!("--count-by writes jsonl, csv, tsv or text"),
    }
    Ok(())
}

/// Codes the texts of `POST /api/code` as `dyad code` and `dyad explain
/// --json` do.
struct PipelineCoder(Pipeline);

impl Coder for PipelineCoder {
    fn code(&self, text: &str, date: Option<chrono::NaiveDate>) -> CodedText {
        let meta = dyad_core::Metadata {
            published: date,
            ..Default::default()
        };
        let mut doc = Document::new("text", text.to_string(), meta);
        let mut trace = Vec::new();
        self.0.process(&mut doc, Some(&mut trace));
        let sentences = trace
            .iter()
            .map(|t| dyad::records::sentence_json(&doc, t))
            .collect();
        dyad::Printed::default().keep(&mut doc);
        let events = doc
            .events
            .iter()
            .map(|e| serde_json::to_value(Export::of(&doc, e).json_record()))
            .collect::<Result<_, _>>()
            .expect("an event record is JSON");
        CodedText { events, sentences }
    }
}

/// `dyad serve`: the store over HTTP until interrupted.
pub(crate) fn serve(
    pipeline: Pipeline,
    store: &StoreArg,
    addr: SocketAddr,
    cors: Option<String>,
) -> Result<ExitCode> {
    let config = dyad_serve::Config {
        store: store.path.clone(),
        addr,
        cors,
    };
    dyad_serve::serve(config, Arc::new(PipelineCoder(pipeline)))?;
    Ok(ExitCode::SUCCESS)
}
