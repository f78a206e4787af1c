//! Event records: the schema of `docs/events.md` ([`EventRecord`]), its
//! flat columns ([`FLAT_COLUMNS`]) and the counts of merged events.

use dyad_core::{
    Document, Event, EventActor, EventDate, Evidence, Factuality, Location, Precision,
};
use serde::Serialize;
use xxhash_rust::xxh3::xxh3_64;

/// One output record: an event with its document and sentence.
#[derive(Clone, Serialize)]
pub struct EventRecord<'a> {
    pub event_id: String,
    pub doc_id: &'a str,
    pub sentence_index: usize,
    pub sentence: &'a str,
    pub date: Option<EventDate>,
    pub date_precision: Option<Precision>,
    pub date_text: Option<&'a str>,
    pub source: Option<&'a EventActor>,
    pub target: Option<&'a EventActor>,
    pub cameo: &'a str,
    pub cameo_name: &'a str,
    pub plover: Option<&'a str>,
    pub quad_class: u8,
    pub goldstein: f64,
    pub mode: Option<&'a str>,
    pub context: &'a [String],
    pub factuality: Factuality,
    pub location: Option<&'a Location>,
    pub evidence: &'a Evidence,
    pub confidence: f64,
}

impl<'a> EventRecord<'a> {
    pub fn new(doc: &'a Document, event: &'a Event) -> Self {
        let sentence = doc.slice(doc.sentences[event.sentence].span);
        Self::from_parts(event_id(doc, event), &doc.id, sentence, event)
    }

    /// The record of an event read back from elsewhere (the store), with
    /// its id, document id and sentence text.
    pub fn from_parts(
        event_id: String,
        doc_id: &'a str,
        sentence: &'a str,
        event: &'a Event,
    ) -> Self {
        EventRecord {
            event_id,
            doc_id,
            sentence_index: event.sentence,
            sentence,
            date: event.date,
            date_precision: event.date.map(|d| d.precision),
            date_text: event.date_text.as_deref(),
            source: event.source.as_ref(),
            target: event.target.as_ref(),
            cameo: &event.cameo,
            cameo_name: &event.cameo_name,
            plover: event.plover.as_deref(),
            quad_class: event.quad_class,
            goldstein: event.goldstein,
            mode: event.mode.as_deref(),
            context: &event.context,
            factuality: event.factuality,
            location: event.location.as_ref(),
            evidence: &event.evidence,
            confidence: event.confidence,
        }
    }

    pub(crate) fn flat(&self) -> Vec<String> {
        let actor = |a: Option<&EventActor>| -> [String; 7] {
            match a {
                None => Default::default(),
                Some(a) => [
                    a.text.clone(),
                    a.code.clone(),
                    a.country.clone().unwrap_or_default(),
                    a.sector.clone().unwrap_or_default(),
                    a.name.clone().unwrap_or_default(),
                    a.span.start.to_string(),
                    a.span.end.to_string(),
                ],
            }
        };
        let opt = |v: Option<String>| v.unwrap_or_default();
        let loc = self.location;
        let mut row = vec![
            self.event_id.clone(),
            self.doc_id.to_string(),
            self.sentence_index.to_string(),
            opt(self.date.map(|d| d.to_string())),
            opt(self.date_precision.map(|p| p.to_string())),
            opt(self.date_text.map(String::from)),
        ];
        row.extend(actor(self.source));
        row.extend(actor(self.target));
        row.extend([
            self.cameo.to_string(),
            self.cameo_name.to_string(),
            opt(self.plover.map(String::from)),
            self.quad_class.to_string(),
            self.goldstein.to_string(),
            opt(self.mode.map(String::from)),
            self.context.join(";"),
            self.factuality.to_string(),
            opt(loc.map(|l| l.name.clone())),
            opt(loc.and_then(|l| l.country.clone())),
            opt(loc.and_then(|l| l.admin1.clone())),
            opt(loc.and_then(|l| l.lat).map(|v| v.to_string())),
            opt(loc.and_then(|l| l.lon).map(|v| v.to_string())),
            opt(loc.and_then(|l| l.geonames_id).map(|v| v.to_string())),
            opt(loc.map(|l| l.text.clone())),
            self.evidence.trigger.clone(),
            self.evidence.span.start.to_string(),
            self.evidence.span.end.to_string(),
            self.evidence.rule.clone(),
            self.confidence.to_string(),
            self.sentence.to_string(),
        ]);
        row
    }
}

/// How often a merged event was reported (`dyad code --merge`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Reports {
    /// Sentences reporting it.
    pub mentions: usize,
    /// Distinct outlets.
    pub sources: usize,
    /// Distinct documents.
    pub articles: usize,
    pub doc_ids: Vec<String>,
}

impl Reports {
    pub(crate) fn flat(&self) -> [String; 4] {
        [
            self.mentions.to_string(),
            self.sources.to_string(),
            self.articles.to_string(),
            self.doc_ids.join(";"),
        ]
    }
}

/// Columns the CSV and TSV formats add for merged events, after [`FLAT_COLUMNS`].
pub const REPORT_COLUMNS: [&str; 4] = ["mentions", "sources", "articles", "doc_ids"];

/// The JSON record of an event: its [`EventRecord`], and for a merged
/// event (the record of its first mention) its counts.
#[derive(Serialize)]
pub struct JsonRecord<'a> {
    #[serde(flatten)]
    pub event: EventRecord<'a>,
    #[serde(flatten)]
    pub reports: Option<&'a Reports>,
}

/// Column names of the CSV and TSV formats, in order.
pub const FLAT_COLUMNS: [&str; 41] = [
    "event_id",
    "doc_id",
    "sentence_index",
    "date",
    "date_precision",
    "date_text",
    "source_text",
    "source_code",
    "source_country",
    "source_sector",
    "source_name",
    "source_start",
    "source_end",
    "target_text",
    "target_code",
    "target_country",
    "target_sector",
    "target_name",
    "target_start",
    "target_end",
    "cameo",
    "cameo_name",
    "plover",
    "quad_class",
    "goldstein",
    "mode",
    "context",
    "factuality",
    "location_name",
    "location_country",
    "location_admin1",
    "location_lat",
    "location_lon",
    "location_geonames_id",
    "location_text",
    "trigger",
    "trigger_start",
    "trigger_end",
    "rule",
    "confidence",
    "sentence",
];

/// A stable id: the same input gives the same id. Two events of one
/// trigger whose actors are named by the same words but coded apart ("both
/// sides": China to the US and the US to China) differ by their codes.
pub fn event_id(doc: &Document, event: &Event) -> String {
    fn actor(a: &Option<EventActor>) -> (usize, &str) {
        a.as_ref()
            .map_or((0, ""), |a| (a.span.start + 1, a.code.as_str()))
    }
    let (source, target) = (actor(&event.source), actor(&event.target));
    let key = format!(
        "{}\u{1}{}\u{1}{}\u{1}{}\u{1}{}\u{1}{}\u{1}{}\u{1}{}",
        doc.id,
        event.sentence,
        event.evidence.span.start,
        event.cameo,
        source.0,
        target.0,
        source.1,
        target.1,
    );
    format!("{:016x}", xxh3_64(key.as_bytes()))
}
