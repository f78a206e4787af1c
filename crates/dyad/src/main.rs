//! The `dyad` command line: `code`, `actors`, `explain`, `extract`, `dedup`,
//! `eval`, `bench`, and the store's `ingest`, `query`, `serve` and `store info`.

mod documents;
mod inputs;
mod store_cli;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use chrono::{Datelike, NaiveDate};
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand};
use dyad::records::{self, MentionRecord};
use dyad::{eval, Pipeline};
use dyad_code::Trace;
use dyad_core::Document;
use dyad_io::{Documents, EventWriter, Export, Format, Input};
use indicatif::{ProgressBar, ProgressStyle};
use inputs::Inputs;
use rayon::prelude::*;
use serde::Serialize;

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Political event data from news text: who did what to whom, when and where."
)]
struct Cli {
    /// Replace the built-in dictionaries with those in DIR: PETRARCH files (*verbs*.txt, *actors*.txt, *agents*.txt, *discards*.txt), or laid out as data/.
    #[arg(long, global = true, value_name = "DIR")]
    dictionaries: Option<PathBuf>,
    /// Add the dictionaries in DIR (PETRARCH files, or some of data/'s) to the others; their names take precedence.
    #[arg(long, global = true, value_name = "DIR")]
    extra_dictionaries: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Code events from documents and print one record per event.
    Code {
        #[command(flatten)]
        input: InputArgs,
        /// Where to write events (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_parser = format_parser(), default_value = "jsonl")]
        format: Format,
        /// Print, on standard error, why each sentence was or was not coded.
        #[arg(long)]
        explain: bool,
        /// Code inline headlines of related articles ("Related: ...") as the story's own events.
        #[arg(long)]
        include_related: bool,
        /// Fold the same event reported in several sentences or documents into one record, with counts.
        #[arg(long)]
        merge: bool,
        #[command(flatten)]
        printed: PrintedArgs,
        #[command(flatten)]
        pieces: PieceArgs,
    },
    /// Code documents and keep their events in the store (every factuality), one transaction per batch.
    Ingest {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        store: store_cli::StoreArg,
        /// Code and replace documents already stored with the same content, dyad version and dictionaries.
        #[arg(long)]
        recode: bool,
        #[command(flatten)]
        pieces: PieceArgs,
    },
    /// Print the stored events that match the filters, ordered by date, or count them per period.
    Query {
        #[command(flatten)]
        store: store_cli::StoreArg,
        #[command(flatten)]
        filters: store_cli::FilterArgs,
        /// Each event once, with its counts (mentions, sources, articles, doc_ids).
        #[arg(long)]
        merged: bool,
        #[arg(long, value_name = "N")]
        limit: Option<u64>,
        #[arg(long, value_name = "N", default_value_t = 0)]
        offset: u64,
        /// Count events per day, week, month or year, split by quad, root, plover, dyad, source, target or country.
        #[arg(long, value_name = "PERIOD[,SPLIT]", value_parser = store_cli::parse_count_by)]
        count_by: Option<store_cli::CountBy>,
        /// Output format (default: text on a terminal, else jsonl).
        #[arg(long, value_parser = format_parser())]
        format: Option<Format>,
        /// Where to write (default: standard output).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Serve the store over HTTP: a JSON API (docs/api.md, OpenAPI at /api/openapi.json) and the web explorer at /.
    Serve {
        #[command(flatten)]
        store: store_cli::StoreArg,
        /// The address to listen on (port 0: any free port).
        #[arg(long, value_name = "IP:PORT", default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Allow requests from this origin (CORS); none are by default.
        #[arg(long, value_name = "ORIGIN")]
        cors: Option<String>,
    },
    /// Describe a store.
    Store {
        #[command(subcommand)]
        command: StoreCommand,
    },
    /// Print one JSON line per actor mention.
    Actors {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        pieces: PieceArgs,
    },
    /// Show the analysis of each sentence: tokens, tags, lemmas, actors, patterns tried, events.
    Explain {
        #[command(flatten)]
        input: InputArgs,
        /// Analyze this text (document id `text`) instead of input files.
        #[arg(long, value_name = "SENTENCE")]
        text: Option<String>,
        /// One JSON object per sentence.
        #[arg(long)]
        json: bool,
    },
    /// Print the clusters of near-duplicate documents (one story republished), one line each.
    Dedup {
        #[command(flatten)]
        input: InputArgs,
        /// Jaccard similarity of word 5-grams at or above which two documents are near-duplicates.
        #[arg(long, default_value_t = 0.8, value_parser = threshold_value)]
        threshold: f64,
        /// One JSON line per cluster: {"ids": [...]}.
        #[arg(long)]
        json: bool,
    },
    /// Print each document as dyad reads it (a web page's article body), with its metadata and stories.
    Extract {
        #[command(flatten)]
        input: InputArgs,
    },
    /// Score the coder against gold-standard records.
    Eval {
        #[command(subcommand)]
        gold: EvalCommand,
    },
    /// Code a corpus and report speed (documents, sentences and MB per second), peak memory and time per stage.
    Bench {
        #[command(flatten)]
        input: InputArgs,
        /// Measure the language analysis alone instead: tokens per second
        /// through tokenizing, tagging, lemmas, the dependency parse, phrases and
        /// clauses of every sentence.
        #[arg(long)]
        language: bool,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum StoreCommand {
    /// Counts, schema version, dates and the dyad versions that coded the documents.
    Info {
        #[command(flatten)]
        store: store_cli::StoreArg,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// PLOVER gold records (JSON Lines): recall of the event type and of the full event, a confusion table and the misses.
    Plover(GoldArgs),
    /// Real-news sentences with every event they report (JSON Lines: id, date, title, context, text, events): precision, recall, F1, quiet on no-event sentences, the misses and false alarms.
    News(GoldArgs),
    /// PETRARCH unit-test records (XML): pass rate, precision, recall and F1 over (source, target, event) triples.
    Petrarch {
        #[arg(value_name = "RECORDS.xml")]
        records: PathBuf,
        /// One JSON object instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
struct InputArgs {
    /// `.txt`, `.jsonl` (`.ndjson`, `.json`), `.html` and `.htm` files, any case (also gzipped), folders (walked recursively, following links), or `-` for JSON Lines on stdin.
    #[arg(value_name = "INPUT")]
    inputs: Vec<String>,
    /// Publication date for documents without one (default: none: their events take only the dates their text gives); years 1800 to 2200.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_value)]
    date: Option<NaiveDate>,
    /// Worker threads (default: all cores; at most 4 per core).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    threads: Option<u64>,
    /// Exit with status 3 when some input was skipped or failed (0 without it).
    #[arg(long)]
    strict: bool,
}

impl InputArgs {
    /// The exit status of a run that read documents: 3 under `--strict`
    /// when `lost` inputs were skipped or failed, else 0.
    fn status(&self, lost: usize) -> ExitCode {
        if self.strict && lost > 0 {
            ExitCode::from(3)
        } else {
            ExitCode::SUCCESS
        }
    }
}

fn date_value(s: &str) -> Result<NaiveDate, String> {
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) if (1800..=2200).contains(&d.year()) => Ok(d),
        Ok(_) => Err(format!("`{s}` is outside the years 1800 to 2200")),
        Err(e) => Err(format!("`{s}` is not a YYYY-MM-DD date: {e}")),
    }
}

/// A dedup threshold: a similarity above 0, at most 1.
fn threshold_value(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v > 0.0 && v <= 1.0 => Ok(v),
        _ => Err(format!("`{s}` is not a similarity above 0 and at most 1")),
    }
}

/// How much text a document may hold before it is coded in pieces.
#[derive(Args, Clone, Copy)]
struct PieceArgs {
    /// Code a document whose text is longer than this in pieces of at most 1 MB cut at paragraph boundaries, one at a time (memory holds one piece's analysis); its output still reads as one document's.
    #[arg(long, value_name = "BYTES", default_value_t = 5_000_000, value_parser = clap::value_parser!(u64).range(1..))]
    max_document_bytes: u64,
}

impl PieceArgs {
    /// The pipeline coding longer documents in pieces.
    fn apply(self, pipeline: Pipeline) -> Pipeline {
        let max = usize::try_from(self.max_document_bytes).unwrap_or(usize::MAX);
        pipeline.coding_in_pieces_above(max)
    }
}

/// A gold file to score against, and how.
#[derive(Args)]
struct GoldArgs {
    #[arg(value_name = "GOLD.jsonl")]
    gold: PathBuf,
    /// One JSON object instead of text.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    printed: PrintedArgs,
}

/// Which coded events are printed (or scored).
#[derive(Args, Clone, Copy)]
struct PrintedArgs {
    /// Every candidate event with its factuality, not only those asserted or intended.
    #[arg(long)]
    all: bool,
    /// Only events of this confidence (0 to 1) or more.
    #[arg(long, value_name = "P", value_parser = confidence_value)]
    min_confidence: Option<f64>,
}

impl From<PrintedArgs> for dyad::Printed {
    fn from(a: PrintedArgs) -> Self {
        dyad::Printed {
            all: a.all,
            min_confidence: a.min_confidence,
        }
    }
}

fn confidence_value(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(format!("`{s}` is not a confidence between 0 and 1")),
    }
}

/// The output formats by the names dyad-io gives them.
fn format_parser() -> impl TypedValueParser<Value = Format> {
    PossibleValuesParser::new(Format::NAMED.map(|(name, _)| name)).map(|name| {
        Format::NAMED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, f)| f)
            .expect("a possible value is a format")
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // the reader went away (`dyad code ... | head`): nothing more to say
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dyad: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Whether an error comes of writing to a closed pipe, however wrapped.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(broken_pipe)
}

fn broken_pipe(cause: &(dyn std::error::Error + 'static)) -> bool {
    if let Some(io) = cause.downcast_ref::<io::Error>() {
        if io.kind() == io::ErrorKind::BrokenPipe {
            return true;
        }
        if let Some(inner) = io.get_ref() {
            return broken_pipe(inner);
        }
    }
    if let Some(json) = cause.downcast_ref::<serde_json::Error>() {
        return json.io_error_kind() == Some(io::ErrorKind::BrokenPipe);
    }
    cause.source().is_some_and(broken_pipe)
}

fn run(cli: Cli) -> Result<ExitCode> {
    let pipeline = match (&cli.dictionaries, &cli.extra_dictionaries) {
        (None, None) => Pipeline::builtin()?,
        (replace, extra) => Pipeline::with_dictionaries(replace.as_deref(), extra.as_deref())?,
    };
    for w in &pipeline.dictionaries().warnings {
        eprintln!("dyad: warning: {w}");
    }
    match cli.command {
        Command::Code {
            input,
            output,
            format,
            explain,
            include_related,
            merge,
            printed,
            pieces,
        } => code(
            &pieces.apply(pipeline.including_related(include_related)),
            &input,
            output,
            format,
            explain,
            merge,
            printed.into(),
        ),
        Command::Ingest {
            input,
            store,
            recode,
            pieces,
        } => {
            let hash = store_cli::dictionaries_hash(
                cli.dictionaries.as_deref(),
                cli.extra_dictionaries.as_deref(),
            )?;
            store_cli::ingest(&pieces.apply(pipeline), &input, &store, recode, hash)
        }
        Command::Query {
            store,
            filters,
            merged,
            limit,
            offset,
            count_by,
            format,
            output,
        } => store_cli::query(
            &store, &filters, merged, limit, offset, count_by, format, output,
        ),
        Command::Serve { store, addr, cors } => store_cli::serve(pipeline, &store, addr, cors),
        Command::Store {
            command: StoreCommand::Info { store },
        } => store_cli::info(&store, &mut open_output(None)?),
        Command::Actors { input, pieces } => actors(&pieces.apply(pipeline), &input),
        Command::Explain { input, text, json } => explain(&pipeline, &input, text, json),
        Command::Eval { gold } => eval(&pipeline, gold),
        Command::Bench {
            input,
            language,
            json,
        } => {
            // read whole first: the figures are of the coding alone
            let Some(mut inputs) = read(&input)? else {
                return Ok(nothing_read());
            };
            let docs: Vec<Document> = inputs.by_ref().collect();
            let mut out = open_output(None)?;
            if language {
                report(&mut out, &dyad::bench::run_language(&pipeline, docs), json)?;
            } else {
                report(&mut out, &dyad::bench::run(&pipeline, docs), json)?;
            }
            out.flush()?;
            Ok(finish(&input, &inputs, 0))
        }
        Command::Dedup {
            input,
            threshold,
            json,
        } => match read(&input)? {
            Some(mut inputs) => {
                documents::write_clusters(&mut inputs, threshold, json, &mut open_output(None)?)?;
                Ok(finish(&input, &inputs, 0))
            }
            None => Ok(nothing_read()),
        },
        Command::Extract { input } => match read(&input)? {
            Some(mut inputs) => {
                documents::write_documents(&pipeline, &mut inputs, &mut open_output(None)?)?;
                Ok(finish(&input, &inputs, 0))
            }
            None => Ok(nothing_read()),
        },
    }
}

/// Sets up the thread pool and starts reading the inputs; `None` when
/// they hold no document (the problems reported).
fn read(input: &InputArgs) -> Result<Option<Inputs>> {
    if let Some(n) = input.threads {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let threads = usize::try_from(n).map_or(4 * cores, |n| n.min(4 * cores));
        if threads as u64 != n {
            eprintln!("dyad: warning: --threads {n} capped at {threads} (4 per available core)");
        }
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .ok();
    }
    let given: Vec<Input> = input.inputs.iter().map(|a| Input::parse(a)).collect();
    if given.is_empty() {
        anyhow::bail!("no INPUT given (a file, a folder, or - for JSON Lines on stdin)");
    }
    let mut inputs = Inputs::new(Documents::new(given, input.date), progress());
    if inputs.is_empty() {
        return Ok(None);
    }
    Ok(Some(inputs))
}

/// Says that no input could be read; the exit status of such a run.
fn nothing_read() -> ExitCode {
    eprintln!("dyad: no input could be read");
    ExitCode::FAILURE
}

/// Ends a run that read documents: clears the progress bar, says how many
/// documents were undated, and gives the exit status (`failed` documents
/// count as lost under `--strict`, with the skipped inputs).
fn finish(input: &InputArgs, inputs: &Inputs, failed: usize) -> ExitCode {
    inputs.bar.finish_and_clear();
    let undated = inputs.undated();
    if input.date.is_none() && undated > 0 {
        eprintln!("dyad: {undated} document(s) carry no publication date: their events are dated only by their text (set one with --date)");
    }
    input.status(inputs.skipped + failed)
}

/// The traces of a run over some documents, and how many documents failed.
struct Processed {
    traces: Vec<Vec<Trace>>,
    failed: usize,
}

/// Runs the pipeline over all documents on the thread pool, in input order,
/// with a progress bar on a terminal.
fn process_all(pipeline: &Pipeline, docs: &mut [Document], traces: bool) -> Processed {
    let bar = progress();
    bar.set_length(docs.len() as u64);
    let processed = process_chunk(pipeline, docs, traces, &bar);
    bar.finish_and_clear();
    processed
}

/// Runs the pipeline over some documents on the thread pool, in input
/// order, advancing `bar`. A document whose coding panics is reported on
/// stderr and left without events; the others are coded.
fn process_chunk(
    pipeline: &Pipeline,
    docs: &mut [Document],
    traces: bool,
    bar: &ProgressBar,
) -> Processed {
    let (traces, failed): (Vec<Vec<Trace>>, Vec<bool>) = docs
        .par_iter_mut()
        .map(|doc| {
            let mut trace = Vec::new();
            let coded = pipeline.process_isolated(doc, traces.then_some(&mut trace));
            bar.inc(1);
            match coded {
                Ok(()) => (trace, false),
                Err(e) => {
                    bar.suspend(|| eprintln!("dyad: failed: {e}"));
                    (Vec::new(), true)
                }
            }
        })
        .unzip();
    Processed {
        traces,
        failed: failed.iter().filter(|&&f| f).count(),
    }
}

/// A progress bar on a terminal, nothing elsewhere: documents done, and
/// the total where one is set.
fn progress() -> ProgressBar {
    if !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::no_length();
    bar.set_style(
        ProgressStyle::with_template("{pos} documents {elapsed} {wide_bar} {len}")
            .expect("template"),
    );
    bar
}

fn open_output(output: Option<PathBuf>) -> Result<Box<dyn Write + Send>> {
    Ok(match output {
        Some(path) => Box::new(BufWriter::new(
            File::create(&path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout())),
    })
}

fn code(
    pipeline: &Pipeline,
    input: &InputArgs,
    output: Option<PathBuf>,
    format: Format,
    explain: bool,
    merge: bool,
    printed: dyad::Printed,
) -> Result<ExitCode> {
    store_cli::check_output(format, &output)?;
    let Some(mut inputs) = read(input)? else {
        return Ok(nothing_read());
    };
    inputs.pieces_above = pipeline.max_document_bytes();
    let mut writer = EventWriter::new(format, merge, open_output(output)?)?;
    let bar = inputs.bar.clone();
    let (mut events, mut failed) = (0, 0);
    // Read and coded a chunk at a time, each document dropped once its
    // events are written, so that memory holds one chunk's documents and
    // analyses (tokens, parses, mentions) rather than the batch's; --merge
    // keeps the documents.
    let mut kept = Vec::new();
    while let Some(mut chunk) = inputs.next_chunk() {
        if let [doc] = chunk.as_mut_slice() {
            if inputs.in_pieces(doc.text.len()) && !merge && !explain {
                // written a piece at a time: memory never holds all its events
                let mut written = Ok(());
                let coded = pipeline.process_each_piece_isolated(doc, |doc| {
                    printed.keep(doc);
                    for event in &doc.events {
                        if written.is_ok() {
                            written = writer.write(&Export::of(doc, event));
                            events += 1;
                        }
                    }
                    doc.events.clear();
                });
                written.context("cannot write output")?;
                if let Err(e) = coded {
                    bar.suspend(|| eprintln!("dyad: failed: {e}"));
                    failed += 1;
                }
                bar.inc(1);
                continue;
            }
        }
        let processed = process_chunk(pipeline, &mut chunk, explain, &bar);
        failed += processed.failed;
        chunk.iter_mut().for_each(|d| printed.keep(d));
        for (doc, trace) in chunk.iter().zip(&processed.traces) {
            for event in doc.events.iter().filter(|_| !merge) {
                writer
                    .write(&Export::of(doc, event))
                    .context("cannot write output")?;
                events += 1;
            }
            if explain {
                for t in trace {
                    bar.suspend(|| eprint!("{}", render_sentence(doc, t.sentence, Some(t))));
                }
            }
        }
        if merge {
            kept.extend(chunk);
        }
    }
    if merge {
        events = documents::write_merged(&kept, &mut writer).context("cannot write output")?;
    }
    writer.flush().context("cannot write output")?;
    let status = finish(input, &inputs, failed);
    store_cli::warn_left_out(&writer);
    eprintln!(
        "dyad: {} documents read, {} skipped, {} failed, {} events",
        inputs.read, inputs.skipped, failed, events
    );
    Ok(status)
}

fn actors(pipeline: &Pipeline, input: &InputArgs) -> Result<ExitCode> {
    let Some(mut inputs) = read(input)? else {
        return Ok(nothing_read());
    };
    inputs.pieces_above = pipeline.max_document_bytes();
    let mut out = open_output(None)?;
    while let Some(mut chunk) = inputs.next_chunk() {
        chunk.par_iter_mut().for_each(|d| pipeline.analyze(d));
        inputs.bar.inc(chunk.len() as u64);
        for doc in &chunk {
            for m in &doc.mentions {
                serde_json::to_writer(&mut out, &MentionRecord::new(doc, m))?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    Ok(finish(input, &inputs, 0))
}

fn explain(
    pipeline: &Pipeline,
    input: &InputArgs,
    text: Option<String>,
    json: bool,
) -> Result<ExitCode> {
    let mut out = open_output(None)?;
    if let Some(text) = text {
        let meta = dyad_core::Metadata {
            published: input.date,
            ..Default::default()
        };
        let mut docs = [Document::new("text", text, meta)];
        let Processed { traces, .. } = process_all(pipeline, &mut docs, true);
        if traces.iter().all(Vec::is_empty) {
            eprintln!("dyad: --text holds no sentence");
            return Ok(ExitCode::FAILURE);
        }
        write_traces(&docs, &traces, json, &mut out)?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let Some(mut inputs) = read(input)? else {
        return Ok(nothing_read());
    };
    let mut failed = 0;
    while let Some(mut chunk) = inputs.next_chunk() {
        let processed = process_chunk(pipeline, &mut chunk, true, &inputs.bar);
        failed += processed.failed;
        write_traces(&chunk, &processed.traces, json, &mut out)?;
    }
    out.flush()?;
    Ok(finish(input, &inputs, failed))
}

/// Writes the analysis of each traced sentence, as text or JSON lines.
fn write_traces(
    docs: &[Document],
    traces: &[Vec<Trace>],
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    for (doc, trace) in docs.iter().zip(traces) {
        for t in trace {
            if json {
                serde_json::to_writer(&mut *out, &records::sentence_json(doc, t))?;
                out.write_all(b"\n")?;
            } else {
                out.write_all(render_sentence(doc, t.sentence, Some(t)).as_bytes())?;
            }
        }
    }
    Ok(())
}

fn eval(pipeline: &Pipeline, gold: EvalCommand) -> Result<ExitCode> {
    let today = chrono::Local::now().date_naive();
    let read = |path: &PathBuf| {
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
    };
    let mut out = open_output(None)?;
    match gold {
        EvalCommand::Plover(GoldArgs {
            gold,
            json,
            printed,
        }) => {
            let records = eval::read_plover_gold(&read(&gold)?)
                .with_context(|| format!("in {}", gold.display()))?;
            let mut docs: Vec<Document> = records
                .iter()
                .map(|r| eval::plover_document(r, today))
                .collect();
            let traces = process_all(pipeline, &mut docs, true).traces;
            let printed = dyad::Printed::from(printed);
            docs.iter_mut().for_each(|d| printed.keep(d));
            let score = eval::score_plover(&records, &docs, &traces);
            report(&mut out, &score, json)?;
        }
        EvalCommand::News(GoldArgs {
            gold,
            json,
            printed,
        }) => {
            let records = eval::news::read_gold(&read(&gold)?)
                .with_context(|| format!("in {}", gold.display()))?;
            let mut docs: Vec<Document> = records
                .iter()
                .map(|r| eval::news::document(r, today))
                .collect();
            process_all(pipeline, &mut docs, false);
            let printed = dyad::Printed::from(printed);
            docs.iter_mut().for_each(|d| printed.keep(d));
            report(&mut out, &eval::news::score(&records, &docs), json)?;
        }
        EvalCommand::Petrarch { records, json } => {
            let recs = eval::read_petrarch(&read(&records)?)
                .with_context(|| format!("in {}", records.display()))?;
            let mut docs: Vec<Document> = recs
                .iter()
                .map(|r| eval::petrarch_document(r, today))
                .collect();
            process_all(pipeline, &mut docs, false);
            docs.iter_mut()
                .for_each(|d| dyad::Printed::default().keep(d));
            let coded: Vec<_> = docs.iter().map(|d| eval::triples(&d.events)).collect();
            let score = eval::score_petrarch(&recs, &coded);
            report(&mut out, &score, json)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Prints a report as one JSON line or as text.
fn report(
    out: &mut dyn Write,
    report: &(impl Serialize + std::fmt::Display),
    json: bool,
) -> Result<()> {
    if json {
        serde_json::to_writer(&mut *out, report)?;
        writeln!(out)?;
    } else {
        write!(out, "{report}")?;
    }
    Ok(())
}

/// Dependency labels `dyad explain` lists as relations.
const RELATIONS: &[&str] = &[
    "nsubj",
    "nsubjpass",
    "dobj",
    "dative",
    "agent",
    "pobj",
    "xcomp",
    "ccomp",
    "appos",
    "relcl",
    "conj",
    "acl",
    "advcl",
    "mark",
    "neg",
];

fn render_sentence(doc: &Document, si: usize, trace: Option<&Trace>) -> String {
    use std::fmt::Write as _;
    let s = &doc.sentences[si];
    let mut out = String::new();
    let _ = writeln!(
        out,
        "── {} #{} ({:?}): {}",
        doc.id,
        si,
        s.kind,
        doc.slice(s.span)
    );
    let toks: Vec<String> = doc.tokens[s.tokens.clone()]
        .iter()
        .map(|t| format!("{}/{}/{}", doc.slice(t.span), t.tag, t.lemma))
        .collect();
    let _ = writeln!(out, "   tokens: {}", toks.join(" "));
    // The grammatical relations the coder asks for: subject, object,
    // passive agent, complements, appositions, relative clauses, coordination,
    // and the subordinators and negations factuality reads.
    let relations: Vec<String> = doc.tokens[s.tokens.clone()]
        .iter()
        .filter(|t| RELATIONS.contains(&t.dep))
        .filter_map(|t| {
            let head = &doc.tokens[t.head?];
            Some(format!(
                "{}({}, {})",
                t.dep,
                doc.slice(head.span),
                doc.slice(t.span)
            ))
        })
        .collect();
    if !relations.is_empty() {
        let _ = writeln!(out, "   relations: {}", relations.join(" "));
    }
    let (phrases, clauses) = dyad::syntax(doc, si);
    if !phrases.is_empty() {
        let chunks: Vec<String> = phrases
            .iter()
            .map(|p| {
                format!(
                    "[{} {}]",
                    p.kind.label(),
                    records::words_of(doc, si, &p.words)
                )
            })
            .collect();
        let _ = writeln!(out, "   phrases: {}", chunks.join(" "));
    }
    for c in &clauses {
        let verb = doc.slice(doc.sentence_tokens(si)[c.verb].span);
        let _ = writeln!(
            out,
            "   clause: {}({}): {}",
            c.kind,
            verb,
            records::words_of(doc, si, &c.words)
        );
    }
    for m in doc.sentence_mentions(si) {
        let _ = writeln!(
            out,
            "   actor: {:?} → {} ({:?}, {})",
            doc.slice(m.span),
            m.actor.code,
            m.via,
            m.entry
        );
    }
    let attempts = trace.map(|t| t.attempts.as_slice()).unwrap_or_default();
    for line in dyad_code::summarize(attempts) {
        let _ = writeln!(out, "   tried {line}");
    }
    for e in doc.events.iter().filter(|e| e.sentence == si) {
        let code = |a: &Option<dyad_core::EventActor>| {
            a.as_ref().map_or("—".to_string(), |a| a.code.clone())
        };
        let _ = writeln!(
            out,
            "   EVENT {} {} ({}) {} → {} [{}] {} confidence {:.3}",
            e.cameo,
            e.cameo_name,
            e.plover.as_deref().unwrap_or("no PLOVER category"),
            code(&e.source),
            code(&e.target),
            e.evidence.rule,
            e.factuality,
            e.confidence
        );
    }
    out
}
