//! Event writers, one per output format of `dyad code` and `dyad query`:
//! JSON Lines (the schema of `docs/events.md`), CSV and TSV (its fields as
//! the flat columns of [`FLAT_COLUMNS`]), readable text, the GDELT 2.0 Events
//! and Mentions tables, and PLOVER JSON Lines. `docs/exports.md` maps every
//! column.

use std::io::Write;

use chrono::{Datelike, NaiveDate};
use dyad_core::{is_state, EventActor, EventDate, Location, Precision};
use serde_json::{json, Map, Value};

use crate::write::{EventRecord, JsonRecord, Reports, FLAT_COLUMNS, REPORT_COLUMNS};

/// Output formats of `dyad code` and `dyad query`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
    /// Tab-separated, with tabs, line breaks and backslashes inside fields
    /// escaped (`\t`, `\n`, `\r`, `\\`), so that `cut` and `awk -F'\t'` work.
    Tsv,
    /// One readable line per event.
    Text,
    /// The GDELT 2.0 Events table: 61 tab-separated columns, no header.
    Gdelt,
    /// The GDELT 2.0 Mentions table: 16 tab-separated columns, no header.
    GdeltMentions,
    /// PLOVER JSON Lines, with the field names of the PLOVER manual.
    Plover,
    /// Apache Parquet (with the `parquet` feature).
    Parquet,
}

impl Format {
    /// Every format with its name on the command line.
    pub const NAMED: [(&'static str, Format); 8] = [
        ("jsonl", Format::Jsonl),
        ("csv", Format::Csv),
        ("tsv", Format::Tsv),
        ("text", Format::Text),
        ("gdelt", Format::Gdelt),
        ("gdelt-mentions", Format::GdeltMentions),
        ("plover", Format::Plover),
        ("parquet", Format::Parquet),
    ];
}

/// The document an event was read from, as the GDELT and PLOVER exports
/// need it.
#[derive(Clone, Copy, Debug, Default)]
pub struct DocumentInfo<'a> {
    pub url: Option<&'a str>,
    /// The outlet.
    pub outlet: Option<&'a str>,
    pub published: Option<NaiveDate>,
    /// When the document was stored (RFC 3339); `None` for now.
    pub added: Option<&'a str>,
}

/// How to turn byte offsets into the character offsets GDELT counts.
#[derive(Clone, Copy, Debug)]
pub enum Chars<'a> {
    /// The document's whole text.
    Text(&'a str),
    /// One sentence of it: its text, byte and character offsets, and the
    /// document's length in characters.
    Sentence {
        text: &'a str,
        start: usize,
        char_start: usize,
        doc_chars: usize,
    },
}

impl Chars<'_> {
    /// The character offset of a byte offset (`None` where it is not known).
    pub fn at(&self, byte: usize) -> Option<usize> {
        match *self {
            Chars::Text(t) => Some(t.get(..byte)?.chars().count()),
            Chars::Sentence {
                text,
                start,
                char_start,
                ..
            } => Some(char_start + text.get(..byte.checked_sub(start)?)?.chars().count()),
        }
    }

    /// The document's length in characters.
    pub fn doc_chars(&self) -> usize {
        match *self {
            Chars::Text(t) => t.chars().count(),
            Chars::Sentence { doc_chars, .. } => doc_chars,
        }
    }
}

/// An event with everything any format writes of it.
pub struct Export<'a> {
    pub event: EventRecord<'a>,
    /// The counts of a merged event.
    pub reports: Option<&'a Reports>,
    /// The id of the merged event this mention belongs to, when known
    /// (GDELT's Mentions rows point to it).
    pub merged_id: Option<&'a str>,
    pub document: DocumentInfo<'a>,
    pub chars: Chars<'a>,
}

impl<'a> Export<'a> {
    /// What `--format jsonl` writes of it.
    pub fn json_record(&self) -> JsonRecord<'_> {
        JsonRecord {
            event: self.event.clone(),
            reports: self.reports,
        }
    }

    /// An event of a coded document, unmerged.
    pub fn of(doc: &'a dyad_core::Document, event: &'a dyad_core::Event) -> Self {
        Export {
            event: EventRecord::new(doc, event),
            reports: None,
            merged_id: None,
            document: DocumentInfo {
                url: doc.meta.url.as_deref(),
                outlet: doc.meta.source.as_deref(),
                published: doc.meta.published,
                added: None,
            },
            chars: Chars::Text(&doc.text),
        }
    }
}

/// The GDELT 2.0 Events table's columns, in the published order.
pub const GDELT_EVENT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The GDELT 2.0 Mentions table's columns, in the published order.
pub const GDELT_MENTION_COLUMNS: [&str; 16] = [
    "GLOBALEVENTID",
    "EventTimeDate",
    "MentionTimeDate",
    "MentionType",
    "MentionSourceName",
    "MentionIdentifier",
    "SentenceID",
    "Actor1CharOffset",
    "Actor2CharOffset",
    "ActionCharOffset",
    "InRawText",
    "Confidence",
    "MentionDocLen",
    "MentionDocTone",
    "MentionDocTranslationInfo",
    "Extras",
];

/// GDELT's GLOBALEVENTID for an event id: its 64-bit hash less the top
/// bit, a stable positive 63-bit integer.
pub fn global_event_id(event_id: &str) -> u64 {
    let hash = u64::from_str_radix(event_id, 16).unwrap_or(0);
    (hash & (i64::MAX as u64)).max(1)
}

/// ISO 3166-1 alpha-3 to FIPS 10-4 (`data/places/fips.tsv`).
fn fips(iso3: &str) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> =
        std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| {
            include_str!("../../../data/places/fips.tsv")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .skip(1)
                .filter_map(|l| {
                    let mut cells = l.split('\t');
                    Some((cells.next()?, cells.next()?))
                })
                .collect()
        })
        .get(iso3)
        .copied()
}

/// Writes events in one format.
pub struct EventWriter<W: Write + Send> {
    format: Format,
    out: Out<W>,
    /// Events the PLOVER export leaves out (no PLOVER category, no source
    /// or no date).
    pub left_out: usize,
}

enum Out<W: Write + Send> {
    Plain(W),
    Csv(Box<csv::Writer<W>>),
    /// `None` once finished.
    #[cfg(feature = "parquet")]
    Parquet(Option<Box<crate::parquet::ParquetSink<W>>>),
}

impl<W: Write + Send> EventWriter<W> {
    /// A writer; CSV and TSV start with their header row (with the
    /// [`REPORT_COLUMNS`] of merged events when `merged`).
    pub fn new(format: Format, merged: bool, out: W) -> std::io::Result<Self> {
        let header = || {
            FLAT_COLUMNS
                .iter()
                .chain(if merged { &REPORT_COLUMNS[..] } else { &[] })
        };
        let out = match format {
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(header()).map_err(io_error)?;
                Out::Csv(Box::new(w))
            }
            Format::Tsv => {
                let mut out = out;
                write_tsv(&mut out, header().map(|c| c.to_string()))?;
                Out::Plain(out)
            }
            #[cfg(feature = "parquet")]
            Format::Parquet => Out::Parquet(Some(Box::new(crate::parquet::ParquetSink::new(
                out, merged,
            )?))),
            #[cfg(not(feature = "parquet"))]
            Format::Parquet => {
                return Err(std::io::Error::other(
                    "--format parquet needs dyad built with its `parquet` feature (cargo install --path crates/dyad --features parquet)",
                ))
            }
            _ => Out::Plain(out),
        };
        Ok(EventWriter {
            format,
            out,
            left_out: 0,
        })
    }

    pub fn write(&mut self, e: &Export) -> std::io::Result<()> {
        let flat = || {
            let mut row = e.event.flat();
            row.extend(e.reports.map(|r| r.flat()).into_iter().flatten());
            row
        };
        match &mut self.out {
            #[cfg(feature = "parquet")]
            Out::Parquet(sink) => sink
                .as_mut()
                .ok_or_else(|| std::io::Error::other("the Parquet file is finished"))?
                .push(e),
            Out::Csv(w) => w
                .write_record(flat().iter().map(|f| f.replace(['\n', '\r'], " ")))
                .map_err(io_error),
            Out::Plain(out) => match self.format {
                Format::Jsonl => {
                    serde_json::to_writer(&mut *out, &e.json_record())?;
                    out.write_all(b"\n")
                }
                Format::Tsv => write_tsv(out, flat()),
                Format::Text => writeln!(out, "{}", text_line(e)),
                Format::Gdelt => write_tsv(out, gdelt_event(e)),
                Format::GdeltMentions => write_tsv(out, gdelt_mention(e)),
                Format::Plover => match plover(e) {
                    Some(record) => {
                        serde_json::to_writer(&mut *out, &record)?;
                        out.write_all(b"\n")
                    }
                    None => {
                        self.left_out += 1;
                        Ok(())
                    }
                },
                Format::Csv | Format::Parquet => {
                    unreachable!("CSV and Parquet have their own writers")
                }
            },
        }
    }

    /// Flushes the output; a Parquet file gets its last rows and its
    /// footer, and takes no more events.
    pub fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.out {
            Out::Plain(out) => out.flush(),
            Out::Csv(w) => w.flush(),
            #[cfg(feature = "parquet")]
            Out::Parquet(sink) => match sink.take() {
                Some(sink) => sink.finish()?.flush(),
                None => Ok(()),
            },
        }
    }
}

/// A field as TSV writes it: tabs, line breaks and backslashes escaped.
fn tsv_escape(field: &str) -> std::borrow::Cow<'_, str> {
    if !field.contains(['\t', '\n', '\r', '\\']) {
        return field.into();
    }
    let mut out = String::with_capacity(field.len() + 8);
    for c in field.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.into()
}

/// Writes one TSV row.
pub fn write_tsv<W: Write + ?Sized>(
    out: &mut W,
    fields: impl IntoIterator<Item = String>,
) -> std::io::Result<()> {
    let mut line = String::new();
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            line.push('\t');
        }
        line.push_str(&tsv_escape(&f));
    }
    line.push('\n');
    out.write_all(line.as_bytes())
}

/// `2019-05-13  KEN (Kenya) → UGA (Uganda)  036 Express intent to meet or negotiate  "agreed to hold talks"  asserted`
fn text_line(e: &Export) -> String {
    let r = &e.event;
    let actor = |a: Option<&EventActor>| match a {
        None => "—".to_string(),
        Some(a) => format!("{} ({})", a.code, a.name.as_deref().unwrap_or(&a.text)),
    };
    let mut line = format!(
        "{}  {} → {}  {} {}  \"{}\"  {}",
        r.date.map_or("undated".to_string(), |d| d.to_string()),
        actor(r.source),
        actor(r.target),
        r.cameo,
        r.cameo_name,
        r.evidence.trigger,
        r.factuality
    );
    if let Some(l) = r.location {
        line.push_str(&format!("  in {}", l.name));
    }
    if let Some(rep) = e.reports {
        line.push_str(&format!(
            "  [{} mentions, {} sources, {} articles]",
            rep.mentions, rep.sources, rep.articles
        ));
    }
    line.replace(['\n', '\r'], " ")
}

fn ymd(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// The first day of an event date.
pub(crate) fn first_day(d: EventDate) -> NaiveDate {
    match d.precision {
        Precision::Day => d.date,
        Precision::Month => d.date.with_day(1).expect("day 1"),
        Precision::Year => NaiveDate::from_ymd_opt(d.date.year(), 1, 1).expect("1 January"),
    }
}

/// `YYYYMMDDHHMMSS` of an RFC 3339 time, or of now.
fn timestamp(rfc3339: Option<&str>) -> String {
    let time = rfc3339
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_else(chrono::Utc::now);
    time.format("%Y%m%d%H%M%S").to_string()
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// GDELT's 10 actor columns: code, name, country, known group, ethnic,
/// two religions, three types.
fn gdelt_actor(a: Option<&EventActor>) -> [String; 10] {
    let Some(a) = a else {
        return Default::default();
    };
    let country = a.country.as_deref();
    let state = country.filter(|c| is_state(c));
    // IGOUNO, NGOHRW: the group after the non-state prefix
    let group = country
        .filter(|c| !is_state(c))
        .and_then(|_| a.code.get(3..6))
        .unwrap_or("");
    [
        a.code.clone(),
        a.name.clone().unwrap_or_else(|| a.text.to_uppercase()),
        opt(state),
        group.to_string(),
        String::new(),
        String::new(),
        String::new(),
        opt(a.sector.as_deref()),
        String::new(),
        String::new(),
    ]
}

/// GDELT's 8 geography columns: type, full name, FIPS country, ADM1, ADM2,
/// latitude, longitude, feature id.
fn gdelt_geo(l: Option<&Location>) -> [String; 8] {
    let Some(l) = l else {
        return Default::default();
    };
    let iso3 = l.country.as_deref().unwrap_or("");
    let fips = fips(iso3).unwrap_or("");
    let us = iso3 == "USA";
    // 1 country, 2 US state, 3 US city, 4 world city, 5 world region
    let kind = match (l.lat, l.admin1.as_deref()) {
        (None, _) if us => 2,
        (None, _) => 5,
        (Some(_), None) => 1,
        (Some(_), Some(_)) if us => 3,
        _ => 4,
    };
    let adm1 = match l.admin1.as_deref() {
        Some(a) => format!("{fips}{}", a.split_once('.').map_or(a, |(_, code)| code)),
        None => fips.to_string(),
    };
    [
        kind.to_string(),
        l.name.clone(),
        fips.to_string(),
        adm1,
        String::new(),
        opt(l.lat),
        opt(l.lon),
        opt(l.geonames_id),
    ]
}

fn gdelt_event(e: &Export) -> Vec<String> {
    let r = &e.event;
    let mut row = vec![global_event_id(&r.event_id).to_string()];
    match r.date.map(first_day) {
        Some(d) => row.extend([
            ymd(d),
            format!("{:04}{:02}", d.year(), d.month()),
            d.year().to_string(),
            format!(
                "{:.4}",
                d.year() as f64 + (d.month() as f64 * 30.0 + d.day() as f64) / 365.0
            ),
        ]),
        None => row.extend(std::iter::repeat_n(String::new(), 4)),
    }
    row.extend(gdelt_actor(r.source));
    row.extend(gdelt_actor(r.target));
    let (mentions, sources, articles) = e
        .reports
        .map_or((1, 1, 1), |rep| (rep.mentions, rep.sources, rep.articles));
    row.extend([
        u8::from(r.sentence_index < 3).to_string(),
        r.cameo.to_string(),
        r.cameo.get(..3).unwrap_or(r.cameo).to_string(),
        r.cameo.get(..2).unwrap_or(r.cameo).to_string(),
        r.quad_class.to_string(),
        r.goldstein.to_string(),
        mentions.to_string(),
        sources.to_string(),
        articles.to_string(),
        String::new(),
    ]);
    row.extend(gdelt_geo(None));
    row.extend(gdelt_geo(None));
    row.extend(gdelt_geo(r.location));
    row.push(timestamp(e.document.added));
    row.push(e.document.url.unwrap_or(r.doc_id).to_string());
    row
}

fn gdelt_mention(e: &Export) -> Vec<String> {
    let r = &e.event;
    let offset = |byte: Option<usize>| -> String {
        byte.and_then(|b| e.chars.at(b))
            .map_or("-1".to_string(), |c| c.to_string())
    };
    vec![
        global_event_id(e.merged_id.unwrap_or(&r.event_id)).to_string(),
        opt(r.date.map(|d| format!("{}000000", ymd(first_day(d))))),
        opt(e.document.published.map(|d| format!("{}000000", ymd(d)))),
        "1".to_string(),
        opt(e.document.outlet),
        e.document.url.unwrap_or(r.doc_id).to_string(),
        (r.sentence_index + 1).to_string(),
        offset(r.source.map(|a| a.span.start)),
        offset(r.target.map(|a| a.span.start)),
        offset(Some(r.evidence.span.start)),
        "1".to_string(),
        ((r.confidence * 100.0).round() as u32).to_string(),
        e.chars.doc_chars().to_string(),
        String::new(),
        String::new(),
        String::new(),
    ]
}

/// A PLOVER entity object.
fn plover_entity(a: &EventActor) -> Value {
    let mut entity = Map::new();
    entity.insert("code".into(), json!(a.country.as_deref().unwrap_or("---")));
    if let Some(s) = &a.sector {
        entity.insert("sector".into(), json!(s));
    }
    entity.insert("entity_text".into(), json!(a.text));
    entity.insert(
        "identifier_text".into(),
        json!(a.name.as_deref().unwrap_or(&a.code)),
    );
    entity.insert("actor_code".into(), json!(a.code));
    Value::Object(entity)
}

/// The PLOVER record of an event; `None` without a PLOVER category, a
/// source or a date, which the manual requires.
fn plover(e: &Export) -> Option<Value> {
    let r = &e.event;
    let (category, source, date) = (r.plover?, r.source?, r.date?);
    let mut rec = Map::new();
    rec.insert("id".into(), json!(r.event_id));
    rec.insert("date".into(), json!(first_day(date).to_string()));
    rec.insert("actor".into(), json!([plover_entity(source)]));
    if let Some(t) = r.target {
        rec.insert("recipient".into(), json!([plover_entity(t)]));
    }
    rec.insert("event".into(), json!([category]));
    if let Some(l) = r.location {
        rec.insert(
            "event_loc".into(),
            json!({
                "extracted_place": l.text,
                "resolved_place": l.name,
                "geonameid": l.geonames_id,
                "lat": l.lat,
                "lon": l.lon,
                "country_code": l.country,
            }),
        );
    }
    rec.insert("event_text".into(), json!([r.evidence.trigger]));
    rec.insert("quad_code".into(), json!(r.quad_class));
    rec.insert("event_scale".into(), json!(r.goldstein));
    rec.insert(
        "mode".into(),
        json!(r.mode.map(|m| vec![m]).unwrap_or_default()),
    );
    rec.insert("context".into(), json!(r.context));
    rec.insert("text".into(), json!(r.sentence));
    rec.insert(
        "cite_info".into(),
        json!({"doc_id": r.doc_id, "url": e.document.url, "source": e.document.outlet, "sentence_index": r.sentence_index}),
    );
    rec.insert(
        "coder".into(),
        json!(format!("dyad {}", env!("CARGO_PKG_VERSION"))),
    );
    rec.insert("date_precision".into(), json!(date.precision));
    rec.insert("cameo".into(), json!(r.cameo));
    rec.insert("factuality".into(), json!(r.factuality));
    rec.insert("confidence".into(), json!(r.confidence));
    if let Some(rep) = e.reports {
        rec.insert("mentions".into(), json!(rep.mentions));
        rec.insert("sources".into(), json!(rep.sources));
        rec.insert("articles".into(), json!(rep.articles));
        rec.insert("doc_ids".into(), json!(rep.doc_ids));
    }
    Some(Value::Object(rec))
}

/// A CSV writer's error as an I/O error of the same kind, so that a closed
/// pipe is still seen as one.
fn io_error(e: csv::Error) -> std::io::Error {
    let kind = match e.kind() {
        csv::ErrorKind::Io(io) => io.kind(),
        _ => std::io::ErrorKind::Other,
    };
    std::io::Error::new(kind, e)
}
