//! The Parquet format: the event record as Arrow columns (actors and place
//! as structs, `date` as a date with `date_precision` beside it, `context`
//! and `doc_ids` as lists), zstd-compressed, one row group per 65,536 events.
//! [`ArrowRows`] gathers the columns (for any Arrow consumer);
//! [`ParquetSink`] writes them.

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{
    Date32Builder, Float64Builder, ListBuilder, StringBuilder, UInt32Builder, UInt64Builder,
    UInt8Builder,
};
use arrow_array::{ArrayRef, RecordBatch, StructArray};
use arrow_buffer::NullBuffer;
use arrow_schema::{DataType, Field, Fields, Schema, SchemaRef};
use dyad_core::{EventActor, Location};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

use crate::formats::Export;

/// Events in a row group.
const ROW_GROUP: usize = 65_536;

fn actor_fields() -> Fields {
    Fields::from(vec![
        Field::new("text", DataType::Utf8, false),
        Field::new("code", DataType::Utf8, false),
        Field::new("country", DataType::Utf8, true),
        Field::new("sector", DataType::Utf8, true),
        Field::new("name", DataType::Utf8, true),
        Field::new("start", DataType::UInt64, false),
        Field::new("end", DataType::UInt64, false),
    ])
}

fn location_fields() -> Fields {
    Fields::from(vec![
        Field::new("name", DataType::Utf8, false),
        Field::new("country", DataType::Utf8, true),
        Field::new("admin1", DataType::Utf8, true),
        Field::new("lat", DataType::Float64, true),
        Field::new("lon", DataType::Float64, true),
        Field::new("geonames_id", DataType::UInt64, true),
        Field::new("text", DataType::Utf8, false),
    ])
}

fn strings() -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)))
}

/// The Arrow schema of the Parquet export; merged events add `mentions`,
/// `sources`, `articles` and `doc_ids`.
pub fn schema(merged: bool) -> SchemaRef {
    let text = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    let mut fields = vec![
        text("event_id", false),
        text("doc_id", false),
        Field::new("sentence_index", DataType::UInt32, false),
        text("sentence", false),
        Field::new("date", DataType::Date32, true),
        text("date_precision", true),
        text("date_text", true),
        Field::new("source", DataType::Struct(actor_fields()), true),
        Field::new("target", DataType::Struct(actor_fields()), true),
        text("cameo", false),
        text("cameo_name", false),
        text("plover", true),
        Field::new("quad_class", DataType::UInt8, false),
        Field::new("goldstein", DataType::Float64, false),
        text("mode", true),
        Field::new("context", strings(), false),
        text("factuality", false),
        Field::new("location", DataType::Struct(location_fields()), true),
        text("trigger", false),
        Field::new("trigger_start", DataType::UInt64, false),
        Field::new("trigger_end", DataType::UInt64, false),
        text("rule", false),
        Field::new("confidence", DataType::Float64, false),
    ];
    if merged {
        fields.extend([
            Field::new("mentions", DataType::UInt32, false),
            Field::new("sources", DataType::UInt32, false),
            Field::new("articles", DataType::UInt32, false),
            Field::new("doc_ids", strings(), false),
        ]);
    }
    Arc::new(Schema::new(fields))
}

/// The columns of an actor struct.
#[derive(Default)]
struct ActorColumns {
    present: Vec<bool>,
    text: StringBuilder,
    code: StringBuilder,
    country: StringBuilder,
    sector: StringBuilder,
    name: StringBuilder,
    start: UInt64Builder,
    end: UInt64Builder,
}

impl ActorColumns {
    fn push(&mut self, a: Option<&EventActor>) {
        self.present.push(a.is_some());
        self.text.append_value(a.map_or("", |a| &a.text));
        self.code.append_value(a.map_or("", |a| &a.code));
        self.country
            .append_option(a.and_then(|a| a.country.as_deref()));
        self.sector
            .append_option(a.and_then(|a| a.sector.as_deref()));
        self.name.append_option(a.and_then(|a| a.name.as_deref()));
        self.start
            .append_value(a.map_or(0, |a| a.span.start as u64));
        self.end.append_value(a.map_or(0, |a| a.span.end as u64));
    }

    fn finish(&mut self) -> ArrayRef {
        let arrays: Vec<ArrayRef> = vec![
            Arc::new(self.text.finish()),
            Arc::new(self.code.finish()),
            Arc::new(self.country.finish()),
            Arc::new(self.sector.finish()),
            Arc::new(self.name.finish()),
            Arc::new(self.start.finish()),
            Arc::new(self.end.finish()),
        ];
        let nulls = NullBuffer::from(std::mem::take(&mut self.present));
        Arc::new(StructArray::new(actor_fields(), arrays, Some(nulls)))
    }
}

/// The columns of the location struct.
#[derive(Default)]
struct LocationColumns {
    present: Vec<bool>,
    name: StringBuilder,
    country: StringBuilder,
    admin1: StringBuilder,
    lat: Float64Builder,
    lon: Float64Builder,
    geonames_id: UInt64Builder,
    text: StringBuilder,
}

impl LocationColumns {
    fn push(&mut self, l: Option<&Location>) {
        self.present.push(l.is_some());
        self.name.append_value(l.map_or("", |l| &l.name));
        self.country
            .append_option(l.and_then(|l| l.country.as_deref()));
        self.admin1
            .append_option(l.and_then(|l| l.admin1.as_deref()));
        self.lat.append_option(l.and_then(|l| l.lat));
        self.lon.append_option(l.and_then(|l| l.lon));
        self.geonames_id
            .append_option(l.and_then(|l| l.geonames_id));
        self.text.append_value(l.map_or("", |l| &l.text));
    }

    fn finish(&mut self) -> ArrayRef {
        let arrays: Vec<ArrayRef> = vec![
            Arc::new(self.name.finish()),
            Arc::new(self.country.finish()),
            Arc::new(self.admin1.finish()),
            Arc::new(self.lat.finish()),
            Arc::new(self.lon.finish()),
            Arc::new(self.geonames_id.finish()),
            Arc::new(self.text.finish()),
        ];
        let nulls = NullBuffer::from(std::mem::take(&mut self.present));
        Arc::new(StructArray::new(location_fields(), arrays, Some(nulls)))
    }
}

/// Events gathered into Arrow columns of [`schema`].
pub struct ArrowRows {
    schema: SchemaRef,
    merged: bool,
    rows: usize,
    event_id: StringBuilder,
    doc_id: StringBuilder,
    sentence_index: UInt32Builder,
    sentence: StringBuilder,
    date: Date32Builder,
    date_precision: StringBuilder,
    date_text: StringBuilder,
    source: ActorColumns,
    target: ActorColumns,
    cameo: StringBuilder,
    cameo_name: StringBuilder,
    plover: StringBuilder,
    quad_class: UInt8Builder,
    goldstein: Float64Builder,
    mode: StringBuilder,
    context: ListBuilder<StringBuilder>,
    factuality: StringBuilder,
    location: LocationColumns,
    trigger: StringBuilder,
    trigger_start: UInt64Builder,
    trigger_end: UInt64Builder,
    rule: StringBuilder,
    confidence: Float64Builder,
    mentions: UInt32Builder,
    sources: UInt32Builder,
    articles: UInt32Builder,
    doc_ids: ListBuilder<StringBuilder>,
}

fn io_error(e: impl std::error::Error + Send + Sync + 'static) -> std::io::Error {
    std::io::Error::other(e)
}

impl ArrowRows {
    /// Columns for events, or for merged events with their counts.
    pub fn new(merged: bool) -> Self {
        ArrowRows {
            schema: schema(merged),
            merged,
            rows: 0,
            event_id: StringBuilder::new(),
            doc_id: StringBuilder::new(),
            sentence_index: UInt32Builder::new(),
            sentence: StringBuilder::new(),
            date: Date32Builder::new(),
            date_precision: StringBuilder::new(),
            date_text: StringBuilder::new(),
            source: ActorColumns::default(),
            target: ActorColumns::default(),
            cameo: StringBuilder::new(),
            cameo_name: StringBuilder::new(),
            plover: StringBuilder::new(),
            quad_class: UInt8Builder::new(),
            goldstein: Float64Builder::new(),
            mode: StringBuilder::new(),
            context: ListBuilder::new(StringBuilder::new()),
            factuality: StringBuilder::new(),
            location: LocationColumns::default(),
            trigger: StringBuilder::new(),
            trigger_start: UInt64Builder::new(),
            trigger_end: UInt64Builder::new(),
            rule: StringBuilder::new(),
            confidence: Float64Builder::new(),
            mentions: UInt32Builder::new(),
            sources: UInt32Builder::new(),
            articles: UInt32Builder::new(),
            doc_ids: ListBuilder::new(StringBuilder::new()),
        }
    }

    /// Events gathered since the last [`ArrowRows::finish`].
    pub fn len(&self) -> usize {
        self.rows
    }

    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Adds an event. Rows made for merged events take its counts (an
    /// event without them is one mention of one article); other rows leave
    /// counts out.
    pub fn push(&mut self, e: &Export) {
        let r = &e.event;
        let epoch = chrono::NaiveDate::from_ymd_opt(1970, 1, 1).expect("the epoch");
        self.event_id.append_value(&r.event_id);
        self.doc_id.append_value(r.doc_id);
        self.sentence_index.append_value(r.sentence_index as u32);
        self.sentence.append_value(r.sentence);
        self.date.append_option(
            r.date
                .map(|d| (crate::formats::first_day(d) - epoch).num_days() as i32),
        );
        self.date_precision
            .append_option(r.date_precision.map(|p| p.to_string()));
        self.date_text.append_option(r.date_text);
        self.source.push(r.source);
        self.target.push(r.target);
        self.cameo.append_value(r.cameo);
        self.cameo_name.append_value(r.cameo_name);
        self.plover.append_option(r.plover);
        self.quad_class.append_value(r.quad_class);
        self.goldstein.append_value(r.goldstein);
        self.mode.append_option(r.mode);
        for c in r.context {
            self.context.values().append_value(c);
        }
        self.context.append(true);
        self.factuality.append_value(r.factuality.as_str());
        self.location.push(r.location);
        self.trigger.append_value(&r.evidence.trigger);
        self.trigger_start
            .append_value(r.evidence.span.start as u64);
        self.trigger_end.append_value(r.evidence.span.end as u64);
        self.rule.append_value(&r.evidence.rule);
        self.confidence.append_value(r.confidence);
        if self.merged {
            let one = crate::write::Reports {
                mentions: 1,
                sources: 1,
                articles: 1,
                doc_ids: vec![r.doc_id.to_string()],
            };
            let rep = e.reports.unwrap_or(&one);
            self.mentions.append_value(rep.mentions as u32);
            self.sources.append_value(rep.sources as u32);
            self.articles.append_value(rep.articles as u32);
            for id in &rep.doc_ids {
                self.doc_ids.values().append_value(id);
            }
            self.doc_ids.append(true);
        }
        self.rows += 1;
    }

    /// The events gathered so far as one record batch; the columns start
    /// empty again.
    pub fn finish(&mut self) -> Result<RecordBatch, arrow_schema::ArrowError> {
        let mut columns: Vec<ArrayRef> = vec![
            Arc::new(self.event_id.finish()),
            Arc::new(self.doc_id.finish()),
            Arc::new(self.sentence_index.finish()),
            Arc::new(self.sentence.finish()),
            Arc::new(self.date.finish()),
            Arc::new(self.date_precision.finish()),
            Arc::new(self.date_text.finish()),
            self.source.finish(),
            self.target.finish(),
            Arc::new(self.cameo.finish()),
            Arc::new(self.cameo_name.finish()),
            Arc::new(self.plover.finish()),
            Arc::new(self.quad_class.finish()),
            Arc::new(self.goldstein.finish()),
            Arc::new(self.mode.finish()),
            Arc::new(self.context.finish()),
            Arc::new(self.factuality.finish()),
            self.location.finish(),
            Arc::new(self.trigger.finish()),
            Arc::new(self.trigger_start.finish()),
            Arc::new(self.trigger_end.finish()),
            Arc::new(self.rule.finish()),
            Arc::new(self.confidence.finish()),
        ];
        if self.merged {
            columns.extend([
                Arc::new(self.mentions.finish()) as ArrayRef,
                Arc::new(self.sources.finish()),
                Arc::new(self.articles.finish()),
                Arc::new(self.doc_ids.finish()),
            ]);
        }
        self.rows = 0;
        RecordBatch::try_new(self.schema.clone(), columns)
    }
}

/// Events written to a Parquet file a row group at a time.
pub struct ParquetSink<W: Write + Send> {
    writer: ArrowWriter<W>,
    rows: ArrowRows,
}

impl<W: Write + Send> ParquetSink<W> {
    pub fn new(out: W, merged: bool) -> std::io::Result<Self> {
        let rows = ArrowRows::new(merged);
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .build();
        let writer =
            ArrowWriter::try_new(out, rows.schema.clone(), Some(props)).map_err(io_error)?;
        Ok(ParquetSink { writer, rows })
    }

    pub fn push(&mut self, e: &Export) -> std::io::Result<()> {
        self.rows.push(e);
        if self.rows.len() == ROW_GROUP {
            self.write_rows()?;
        }
        Ok(())
    }

    fn write_rows(&mut self) -> std::io::Result<()> {
        let batch = self.rows.finish().map_err(io_error)?;
        self.writer.write(&batch).map_err(io_error)
    }

    /// Writes the last rows and the file's footer.
    pub fn finish(mut self) -> std::io::Result<W> {
        if !self.rows.is_empty() {
            self.write_rows()?;
        }
        self.writer.into_inner().map_err(io_error)
    }
}
