//! dyad's edges: reading documents in and writing events out.
//!
//! [`Documents`] turns the command line's inputs (text, JSON Lines and HTML
//! files, gzipped or not, folders, `-` for stdin) into
//! [`Document`](dyad_core::Document)s in input order, one at a time (a JSON
//! Lines file line by line), so that memory holds the largest document
//! rather than the batch; [`extract_page`] takes a web page's article and
//! metadata. Anything wrong with one input (an unreadable file, a malformed
//! JSON line, invalid UTF-8) becomes a [`Problem`] naming the file and line,
//! and the rest of the batch goes on. [`EventWriter`] writes events as JSON
//! Lines, CSV, TSV, text, GDELT tables or PLOVER records.

mod formats;
mod html;
#[cfg(feature = "parquet")]
mod parquet;
mod read;
mod tame;
mod write;

pub use formats::{
    global_event_id, write_tsv, Chars, DocumentInfo, EventWriter, Export, Format,
    GDELT_EVENT_COLUMNS, GDELT_MENTION_COLUMNS,
};
pub use html::{extract_page, Page};
#[cfg(feature = "parquet")]
pub use parquet::{schema as arrow_schema, ArrowRows, ParquetSink};
pub use read::{Documents, Input, Problem, Reading, Severity};
pub use write::{event_id, EventRecord, JsonRecord, Reports, FLAT_COLUMNS, REPORT_COLUMNS};
