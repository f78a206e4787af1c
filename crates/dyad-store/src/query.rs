//! Reading events back: filters, order and paging, merged events, and
//! series of counts per period.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use dyad_core::{Event, EventActor, EventDate, Evidence, Factuality, Location, Precision, Span};
use dyad_io::{Chars, DocumentInfo, EventRecord, Export, Reports};
use rusqlite::types::Value;

use crate::{Result, Store, StoreError};

/// Which events a query selects. Code filters are prefixes (`RUS` matches
/// `RUSGOV`); dates are inclusive and compare the first day of an event's
/// date (`2019-05` counts from 1 May).
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub source: Option<String>,
    pub target: Option<String>,
    /// Source or target.
    pub actor: Option<String>,
    pub cameo: Option<String>,
    pub plover: Option<String>,
    pub quad: Option<u8>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// ISO 3166-1 alpha-3 of the event's place.
    pub country: Option<String>,
    /// An FTS5 query over the event's sentence.
    pub text: Option<String>,
    pub min_confidence: Option<f64>,
    /// Every factuality, not only asserted and intended events.
    pub all: bool,
}

/// A filter with merged events or not, order and paging.
#[derive(Clone, Debug, Default)]
pub struct Query {
    pub filter: Filter,
    /// Merged events (their first mention's record, with counts) instead of
    /// mentions; filters apply to the first mention.
    pub merged: bool,
    pub limit: Option<u64>,
    pub offset: u64,
    /// Only the events after this one, in the query's order (the cursor of
    /// the last event of the page before).
    pub after: Option<Cursor>,
}

/// A place in the order events are read (by first day, then event id,
/// undated events last): a page of events starts after the cursor of the
/// last event of the page before. Written `2019-05-13~<event id>`, or
/// `~<event id>` for an undated event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub day: Option<NaiveDate>,
    pub event_id: String,
}

impl Cursor {
    /// The cursor just after `event`.
    pub fn after(event: &StoredEvent) -> Cursor {
        Cursor {
            day: event.event.date.map(first_day),
            event_id: event.event_id.clone(),
        }
    }

    /// Reads a cursor as [`Cursor`]'s `Display` writes it.
    pub fn parse(text: &str) -> Option<Cursor> {
        let (day, event_id) = text.split_once('~')?;
        if event_id.is_empty() || !event_id.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let day = match day {
            "" => None,
            day => Some(NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?),
        };
        Some(Cursor {
            day,
            event_id: event_id.into(),
        })
    }

    /// The condition over `e` of the events after the cursor among dated
    /// events (all of them come before undated ones) when the cursor is at
    /// a dated event; among undated events otherwise. A row value, so that
    /// an index on (day, id) seeks to it.
    fn sql(&self) -> Condition {
        let id = Value::Text(self.event_id.clone());
        match self.day {
            Some(day) => (
                "(e.day, e.id) > (?, ?)".into(),
                vec![Value::Text(day.to_string()), id],
            ),
            None => ("e.id > ?".into(), vec![id]),
        }
    }
}

impl std::fmt::Display for Cursor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.day {
            Some(day) => write!(f, "{day}~{}", self.event_id),
            None => write!(f, "~{}", self.event_id),
        }
    }
}

/// A stored document's metadata.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredDocument {
    pub id: String,
    pub url: Option<String>,
    pub source: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    /// Length of its text in characters.
    pub chars: usize,
    pub ingested_at: String,
}

/// An event read back, with its sentence and document.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredEvent {
    pub event_id: String,
    pub event: Event,
    pub sentence: String,
    /// Byte and character offsets of the sentence in its document's text.
    pub sentence_start: usize,
    pub sentence_char_start: usize,
    pub document: StoredDocument,
    /// The counts of a merged event.
    pub reports: Option<Reports>,
    /// The id of the merged event it is a mention of (asserted and
    /// intended events only).
    pub merged_id: Option<String>,
}

impl StoredEvent {
    /// The record `dyad code` prints for it.
    pub fn record(&self) -> EventRecord<'_> {
        EventRecord::from_parts(
            self.event_id.clone(),
            &self.document.id,
            &self.sentence,
            &self.event,
        )
    }

    /// Everything the output formats write of it.
    pub fn export(&self) -> Export<'_> {
        Export {
            event: self.record(),
            reports: self.reports.as_ref(),
            merged_id: self.merged_id.as_deref(),
            document: DocumentInfo {
                url: self.document.url.as_deref(),
                outlet: self.document.source.as_deref(),
                published: self
                    .document
                    .published
                    .as_deref()
                    .and_then(|p| NaiveDate::parse_from_str(p, "%Y-%m-%d").ok()),
                added: Some(&self.document.ingested_at),
            },
            chars: Chars::Sentence {
                text: &self.sentence,
                start: self.sentence_start,
                char_start: self.sentence_char_start,
                doc_chars: self.document.chars,
            },
        }
    }
}

/// The period of a series.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Day,
    /// ISO weeks, labelled `2019-W20`.
    Week,
    Month,
    Year,
}

impl Period {
    /// Every period with its name on the command line and in the API.
    pub const NAMED: [(&'static str, Period); 4] = [
        ("day", Period::Day),
        ("week", Period::Week),
        ("month", Period::Month),
        ("year", Period::Year),
    ];
}

/// What a series splits its counts by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    Quad,
    /// The CAMEO root (two digits).
    Root,
    Plover,
    /// Source and target codes, `RUSMIL>UKRMIL`.
    Dyad,
    Source,
    Target,
    /// The country of the event's place.
    Country,
}

impl Split {
    /// Every split with its name on the command line and in the API.
    pub const NAMED: [(&'static str, Split); 7] = [
        ("quad", Split::Quad),
        ("root", Split::Root),
        ("plover", Split::Plover),
        ("dyad", Split::Dyad),
        ("source", Split::Source),
        ("target", Split::Target),
        ("country", Split::Country),
    ];
}

/// One row of a series.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesRow {
    /// The period's label, or `coarse` for events dated more coarsely than
    /// the period (or not dated).
    pub period: String,
    /// The split's value; empty without a split or when the event has none.
    pub key: String,
    pub count: u64,
    pub mean_goldstein: f64,
}

/// The first day of an event's date at its precision.
pub(crate) fn first_day(d: EventDate) -> NaiveDate {
    let date = d.date;
    match d.precision {
        Precision::Day => date,
        Precision::Month => date.with_day(1).expect("day 1"),
        Precision::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1).expect("1 January"),
    }
}

const EVENT_COLUMNS: &str = "e.id, e.sentence_index, e.date, e.day, e.date_precision, e.date_text, \
    e.source_text, e.source_code, e.source_country, e.source_sector, e.source_name, e.source_start, e.source_end, \
    e.target_text, e.target_code, e.target_country, e.target_sector, e.target_name, e.target_start, e.target_end, \
    e.cameo, e.cameo_name, e.plover, e.quad_class, e.goldstein, e.mode, e.context, e.factuality, \
    e.location_name, e.location_country, e.location_admin1, e.location_lat, e.location_lon, e.location_geonames_id, e.location_text, \
    e.trigger, e.trigger_start, e.trigger_end, e.rule, e.confidence, \
    s.text, s.start, s.char_start, d.id, d.url, d.source, d.title, d.published, d.chars, d.ingested_at, \
    (SELECT id FROM merged_events WHERE first = e.merged)";

/// Merged events: the events that are a merged event's first mention.
const MERGED_JOIN: &str = "JOIN merged_events m ON m.first = e.seq";

/// An SQL condition over `e` (events) and the values of its parameters.
pub(crate) type Condition = (String, Vec<Value>);

/// The smallest string above every string that starts with `prefix`
/// (codes are ASCII).
fn prefix_end(prefix: &str) -> String {
    let mut bytes = prefix.as_bytes().to_vec();
    let last = bytes.last_mut().expect("a non-empty prefix");
    *last += 1;
    String::from_utf8(bytes).expect("ASCII")
}

/// A code prefix as given, upper-cased; an error naming it unless it could
/// be a code (letters, digits and `-`).
fn code(flag: &'static str, value: &str) -> Result<String> {
    if value.is_empty()
        || !value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    {
        return Err(StoreError::Invalid {
            flag,
            reason: format!(
                "{value:?}: not a code (letters, digits and '-', such as RUS, USAGOV, 19)"
            ),
        });
    }
    Ok(value.to_ascii_uppercase())
}

/// The condition that `e.{column}` starts with `prefix` (a code, upper
/// case), and its parameters, written so that the column's index over its
/// first `indexed` characters serves it: a prefix that long or longer fixes
/// them, and the index then gives events in (day, id) order.
fn starts_with(column: &str, indexed: usize, prefix: &str) -> Condition {
    let head = format!("substr(e.{column}, 1, {indexed})");
    let text = |t: &str| Value::Text(t.into());
    match prefix.get(..indexed) {
        Some(fixed) => (
            format!("({head} = ? AND e.{column} >= ? AND e.{column} < ?)"),
            vec![text(fixed), text(prefix), text(&prefix_end(prefix))],
        ),
        None => (
            format!("({head} >= ? AND {head} < ?)"),
            vec![text(prefix), text(&prefix_end(prefix))],
        ),
    }
}

/// Characters of an actor code its index leads with (a state or a kind of
/// organisation: `USA`, `IGO`).
const ACTOR_INDEXED: usize = 3;
/// Characters of a CAMEO code its index leads with (the root).
const CAMEO_INDEXED: usize = 2;

impl Filter {
    /// The SQL condition over `e` (events) and its parameters.
    pub(crate) fn sql(&self) -> Result<Condition> {
        let (mut cond, mut params) = self.sql_but_actor()?;
        if let Some(actor) = self.actor_sides()? {
            let [(source, source_params), (target, target_params)] = actor;
            cond = format!("{cond} AND ({source} OR {target})");
            params.extend(source_params);
            params.extend(target_params);
        }
        Ok((cond, params))
    }

    /// The filter as conditions that no event meets two of and that
    /// together select what [`Filter::sql`] selects, each one that an
    /// index can answer in (day, id) order: one, or for an actor two (the
    /// actor as source; as target and not as source), which a merge of
    /// two ordered reads keeps in order where their disjunction would be
    /// read whole and sorted.
    pub(crate) fn disjoint_sql(&self) -> Result<Vec<Condition>> {
        let (cond, params) = self.sql_but_actor()?;
        let Some(actor) = self.actor_sides()? else {
            return Ok(vec![(cond, params)]);
        };
        let [(source, source_params), (target, target_params)] = actor;
        let as_source = [params.clone(), source_params.clone()].concat();
        let as_target_only = [params, target_params, source_params].concat();
        Ok(vec![
            (format!("{cond} AND {source}"), as_source),
            (
                format!("{cond} AND {target} AND (e.source_code IS NULL OR NOT {source})"),
                as_target_only,
            ),
        ])
    }

    /// The actor filter as a source and as a target condition, if any.
    fn actor_sides(&self) -> Result<Option<[Condition; 2]>> {
        let Some(actor) = &self.actor else {
            return Ok(None);
        };
        let actor = code("--actor", actor)?;
        Ok(Some([
            starts_with("source_code", ACTOR_INDEXED, &actor),
            starts_with("target_code", ACTOR_INDEXED, &actor),
        ]))
    }

    /// The condition of every filter but the actor, and its parameters.
    fn sql_but_actor(&self) -> Result<Condition> {
        let mut conds: Vec<String> = Vec::new();
        let mut params: Vec<Value> = Vec::new();
        let codes = [
            ("source_code", ACTOR_INDEXED, "--source", &self.source),
            ("target_code", ACTOR_INDEXED, "--target", &self.target),
            ("cameo", CAMEO_INDEXED, "--cameo", &self.cameo),
        ];
        for (column, indexed, flag, value) in codes {
            if let Some(v) = value {
                let (cond, cond_params) = starts_with(column, indexed, &code(flag, v)?);
                conds.push(cond);
                params.extend(cond_params);
            }
        }
        if let Some(v) = &self.plover {
            conds.push("e.plover = ?".into());
            params.push(Value::Text(v.to_ascii_uppercase()));
        }
        if let Some(q) = self.quad {
            if !(1..=4).contains(&q) {
                return Err(StoreError::Invalid {
                    flag: "--quad",
                    reason: format!("{q}: quad classes are 1 to 4"),
                });
            }
            conds.push("e.quad_class = ?".into());
            params.push(Value::Integer(q.into()));
        }
        if let Some(d) = self.from {
            conds.push("e.day >= ?".into());
            params.push(Value::Text(d.to_string()));
        }
        if let Some(d) = self.to {
            conds.push("e.day <= ?".into());
            params.push(Value::Text(d.to_string()));
        }
        if let Some(c) = &self.country {
            conds.push("e.location_country = ?".into());
            params.push(Value::Text(code("--country", c)?));
        }
        if let Some(t) = &self.text {
            conds.push(
                "e.sentence IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?)"
                    .into(),
            );
            params.push(Value::Text(t.clone()));
        }
        if let Some(c) = self.min_confidence {
            conds.push("e.confidence >= ?".into());
            params.push(Value::Real(c));
        }
        if !self.all {
            conds.push(format!("e.factuality IN ({})", printed_factualities()));
        }
        let sql = match conds.is_empty() {
            true => "1".to_string(),
            false => conds.join(" AND "),
        };
        Ok((sql, params))
    }
}

impl Filter {
    /// The series query over `event_counts`, when every filter and the
    /// split are among its columns (dates, factuality, quad class, CAMEO
    /// root, PLOVER category, country of the place).
    fn counts_sql(&self, split: Option<Split>) -> Result<Option<(String, Vec<Value>)>> {
        let key = match split {
            None => "''",
            Some(Split::Quad) => "CAST(quad_class AS TEXT)",
            Some(Split::Root) => "root",
            Some(Split::Plover) => "plover",
            Some(Split::Country) => "country",
            Some(Split::Dyad | Split::Source | Split::Target) => return Ok(None),
        };
        let events_only = self.source.is_some()
            || self.target.is_some()
            || self.actor.is_some()
            || self.text.is_some()
            || self.min_confidence.is_some()
            || self.cameo.as_ref().is_some_and(|c| c.len() > 2);
        if events_only {
            return Ok(None);
        }
        let mut conds = vec!["events > 0".to_string()];
        let mut params = Vec::new();
        if let Some(c) = &self.cameo {
            let c = code("--cameo", c)?;
            conds.push("root >= ? AND root < ?".into());
            params.push(Value::Text(c.clone()));
            params.push(Value::Text(prefix_end(&c)));
        }
        if let Some(p) = &self.plover {
            conds.push("plover = ?".into());
            params.push(Value::Text(p.to_ascii_uppercase()));
        }
        if let Some(q) = self.quad {
            conds.push("quad_class = ?".into());
            params.push(Value::Integer(q.into()));
        }
        // an undated event has day '' here, NULL among events: no range holds it
        if let Some(d) = self.from {
            conds.push("day >= ?".into());
            params.push(Value::Text(d.to_string()));
        }
        if let Some(d) = self.to {
            conds.push("day <= ? AND day <> ''".into());
            params.push(Value::Text(d.to_string()));
        }
        if let Some(c) = &self.country {
            conds.push("country = ?".into());
            params.push(Value::Text(code("--country", c)?));
        }
        if !self.all {
            conds.push(format!("factuality IN ({})", printed_factualities()));
        }
        let sql = format!(
            "SELECT nullif(day, ''), nullif(date_precision, ''), {key}, sum(events), sum(goldstein) \
             FROM event_counts WHERE {} GROUP BY 1, 2, 3",
            conds.join(" AND ")
        );
        Ok(Some((sql, params)))
    }
}

/// The factualities shown without `--all`, as an SQL list.
fn printed_factualities() -> String {
    let printed: Vec<String> = Factuality::ALL
        .iter()
        .filter(|f| f.printed_by_default())
        .map(|f| format!("'{f}'"))
        .collect();
    printed.join(", ")
}

impl Store {
    /// Calls `each` on every event the query selects, ordered by date (then
    /// event id; undated events last); returns how many there were.
    pub fn each_event(
        &self,
        query: &Query,
        mut each: impl FnMut(&StoredEvent) -> std::io::Result<()>,
    ) -> Result<u64> {
        if query.merged && query.filter.all {
            return Err(StoreError::Invalid {
                flag: "--merged",
                reason: "--all: merged events are made of asserted and intended events only".into(),
            });
        }
        let arms = query.filter.disjoint_sql()?;
        self.check_text(&query.filter)?;
        // Dated events by (day, id), then undated ones by id: two reads, so
        // that an index gives the order and a page stops early instead of
        // sorting every event the filter selects.
        let (dated_after, undated_after) = match &query.after {
            None => (None, None),
            Some(after) if after.day.is_some() => (Some(after.sql()), None),
            Some(after) => (None, Some(after.sql())),
        };
        let read = |dated: &str, after: &Option<Condition>| -> Vec<Condition> {
            arms.iter()
                .map(|(cond, params)| match after {
                    None => (format!("{cond} AND {dated}"), params.clone()),
                    Some((later, later_params)) => (
                        format!("{cond} AND {dated} AND {later}"),
                        [params.clone(), later_params.clone()].concat(),
                    ),
                })
                .collect()
        };
        let page = |limit: Option<u64>, offset: u64| {
            [
                Value::Integer(limit.map_or(-1, |l| l as i64)),
                Value::Integer(offset as i64),
            ]
        };
        let mut shown = 0;
        let mut offset = query.offset;
        if undated_after.is_none() {
            let dated = read("e.day IS NOT NULL", &dated_after);
            shown = self.select_events(
                &dated,
                query.merged,
                "ORDER BY e.day, e.id LIMIT ? OFFSET ?",
                &page(query.limit, offset),
                &mut each,
            )?;
            offset = match (shown, offset) {
                (0, 0) => 0,
                // the offset may reach past the dated events
                (0, _) => offset.saturating_sub(self.count_events(&dated, query.merged)?),
                _ => 0,
            };
        }
        let left = query.limit.map(|l| l - shown);
        if left == Some(0) {
            return Ok(shown);
        }
        let undated = read("e.day IS NULL", &undated_after);
        Ok(shown
            + self.select_events(
                &undated,
                query.merged,
                "ORDER BY e.id LIMIT ? OFFSET ?",
                &page(left, offset),
                each,
            )?)
    }

    /// How many events (`e`, merged events when `merged`) the disjoint
    /// conditions select.
    fn count_events(&self, arms: &[Condition], merged: bool) -> Result<u64> {
        let join = match merged {
            true => MERGED_JOIN,
            false => "",
        };
        let mut count = 0;
        for (cond, params) in arms {
            count += self
                .conn
                .query_row(
                    &format!("SELECT count(*) FROM events e {join} WHERE {cond}"),
                    rusqlite::params_from_iter(params),
                    |r| r.get::<_, i64>(0),
                )
                .map_err(|e| self.error(e))? as u64;
        }
        Ok(count)
    }

    /// Calls `each` on the events (`e`) that meet one of the conditions
    /// (which no event meets two of), with their sentence and document (and
    /// their counts as merged events, when `merged`), in the order and
    /// limit of `tail` and its parameters.
    pub(crate) fn select_events(
        &self,
        arms: &[Condition],
        merged: bool,
        tail: &str,
        tail_params: &[Value],
        mut each: impl FnMut(&StoredEvent) -> std::io::Result<()>,
    ) -> Result<u64> {
        let (merged_columns, merged_join) = match merged {
            true => (
                ", m.mentions, m.sources, m.articles, m.doc_ids",
                MERGED_JOIN,
            ),
            false => ("", ""),
        };
        let selects: Vec<String> = arms
            .iter()
            .map(|(cond, _)| {
                format!(
                    "SELECT {EVENT_COLUMNS}{merged_columns} FROM events e {merged_join} \
                     JOIN sentences s ON s.seq = e.sentence JOIN documents d ON d.seq = e.doc \
                     WHERE {cond}"
                )
            })
            .collect();
        // a compound select with an order merges its parts, each read in order
        let sql = format!("{} {tail}", selects.join(" UNION ALL "));
        let params = arms
            .iter()
            .flat_map(|(_, params)| params)
            .chain(tail_params);
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.error(e))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params))
            .map_err(|e| self.error(e))?;
        let mut n = 0;
        while let Some(row) = rows.next().map_err(|e| self.error(e))? {
            let event = read_event(row, merged).map_err(|e| self.error(e))?;
            each(&event)?;
            n += 1;
        }
        Ok(n)
    }

    /// Events of the filter counted per period (and split): rows ordered by
    /// period, the `coarse` row last, then by key. Read off the
    /// `event_counts` table when the filter and split are among its columns,
    /// else off the events.
    pub fn series(
        &self,
        filter: &Filter,
        period: Period,
        split: Option<Split>,
    ) -> Result<Vec<SeriesRow>> {
        self.check_text(filter)?;
        // checks every value, whichever table answers
        let (cond, params) = filter.sql()?;
        let (sql, params) = match filter.counts_sql(split)? {
            Some(counts) => counts,
            None => {
                let key = match split {
                    None => "''",
                    Some(Split::Quad) => "CAST(e.quad_class AS TEXT)",
                    Some(Split::Root) => "substr(e.cameo, 1, 2)",
                    Some(Split::Plover) => "coalesce(e.plover, '')",
                    Some(Split::Dyad) => {
                        "coalesce(e.source_code, '') || '>' || coalesce(e.target_code, '')"
                    }
                    Some(Split::Source) => "coalesce(e.source_code, '')",
                    Some(Split::Target) => "coalesce(e.target_code, '')",
                    Some(Split::Country) => "coalesce(e.location_country, '')",
                };
                let sql = format!(
                    "SELECT e.day, e.date_precision, {key}, count(*), sum(e.goldstein) FROM events e \
                     WHERE {cond} GROUP BY 1, 2, 3"
                );
                (sql, params)
            }
        };
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.error(e))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params))
            .map_err(|e| self.error(e))?;
        // (coarse, label, key) -> (count, goldstein sum)
        let mut cells: BTreeMap<(bool, String, String), (u64, f64)> = BTreeMap::new();
        while let Some(row) = rows.next().map_err(|e| self.error(e))? {
            let cell = |i| row.get::<_, Option<String>>(i).map_err(|e| self.error(e));
            let (day, precision, key) = (cell(0)?, cell(1)?, cell(2)?.unwrap_or_default());
            let count: i64 = row.get(3).map_err(|e| self.error(e))?;
            let sum: f64 = row.get(4).map_err(|e| self.error(e))?;
            let label = day
                .zip(precision)
                .and_then(|(day, precision)| period_label(&day, &precision, period));
            let cell = cells
                .entry((
                    label.is_none(),
                    label.unwrap_or_else(|| "coarse".into()),
                    key,
                ))
                .or_default();
            cell.0 += count as u64;
            cell.1 += sum;
        }
        Ok(cells
            .into_iter()
            .map(|((_, period, key), (count, sum))| SeriesRow {
                period,
                key,
                count,
                mean_goldstein: sum / count as f64,
            })
            .collect())
    }

    /// A full-text query FTS5 cannot read is an error naming it.
    pub(crate) fn check_text(&self, filter: &Filter) -> Result<()> {
        let Some(text) = &filter.text else {
            return Ok(());
        };
        self.conn
            .query_row(
                "SELECT count(*) FROM (SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT 1)",
                [text],
                |_| Ok(()),
            )
            .map_err(|e| StoreError::Invalid {
                flag: "--text",
                reason: format!("{text:?}: {e}"),
            })
    }
}

/// The label of the period holding `day`, if the date's precision is as
/// fine as the period.
fn period_label(day: &str, precision: &str, period: Period) -> Option<String> {
    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    let rank = |p: &str| match p {
        "day" => 0,
        "month" => 1,
        _ => 2,
    };
    let needed = match period {
        Period::Day | Period::Week => 0,
        Period::Month => 1,
        Period::Year => 2,
    };
    if rank(precision) > needed {
        return None;
    }
    Some(match period {
        Period::Day => day.to_string(),
        Period::Week => {
            let w = date.iso_week();
            format!("{:04}-W{:02}", w.year(), w.week())
        }
        Period::Month => day[..7].to_string(),
        Period::Year => day[..4].to_string(),
    })
}

fn read_event(r: &rusqlite::Row, merged: bool) -> rusqlite::Result<StoredEvent> {
    let usize_at = |i: usize| -> rusqlite::Result<Option<usize>> {
        Ok(r.get::<_, Option<i64>>(i)?.map(|v| v as usize))
    };
    let actor = |at: usize| -> rusqlite::Result<Option<EventActor>> {
        let Some(code) = r.get::<_, Option<String>>(at + 1)? else {
            return Ok(None);
        };
        Ok(Some(EventActor {
            text: r.get(at)?,
            code,
            country: r.get(at + 2)?,
            sector: r.get(at + 3)?,
            name: r.get(at + 4)?,
            span: Span::new(
                usize_at(at + 5)?.unwrap_or(0),
                usize_at(at + 6)?.unwrap_or(0),
            ),
        }))
    };
    let date = match (
        r.get::<_, Option<String>>(3)?,
        r.get::<_, Option<String>>(4)?,
    ) {
        (Some(day), Some(precision)) => Some(EventDate {
            date: NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|e| bad(3, e))?,
            precision: match precision.as_str() {
                "day" => Precision::Day,
                "month" => Precision::Month,
                "year" => Precision::Year,
                other => return Err(bad(4, format!("unknown precision {other:?}"))),
            },
        }),
        _ => None,
    };
    let factuality: Option<String> = r.get(27)?;
    let factuality = match factuality {
        None => Factuality::default(),
        Some(f) => *Factuality::ALL
            .iter()
            .find(|x| x.as_str() == f)
            .ok_or_else(|| bad(27, format!("unknown factuality {f:?}")))?,
    };
    let location = match r.get::<_, Option<String>>(28)? {
        None => None,
        Some(name) => Some(Location {
            name,
            country: r.get(29)?,
            admin1: r.get(30)?,
            lat: r.get(31)?,
            lon: r.get(32)?,
            geonames_id: r.get::<_, Option<i64>>(33)?.map(|g| g as u64),
            text: r.get(34)?,
        }),
    };
    let context: String = r.get(26)?;
    let event = Event {
        sentence: r.get::<_, i64>(1)? as usize,
        date,
        date_text: r.get(5)?,
        source: actor(6)?,
        target: actor(13)?,
        cameo: r.get(20)?,
        cameo_name: r.get(21)?,
        plover: r.get(22)?,
        quad_class: r.get(23)?,
        goldstein: r.get(24)?,
        mode: r.get(25)?,
        context: context
            .split(';')
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect(),
        factuality,
        location,
        evidence: Evidence {
            trigger: r.get(35)?,
            span: Span::new(r.get::<_, i64>(36)? as usize, r.get::<_, i64>(37)? as usize),
            rule: r.get(38)?,
        },
        confidence: r.get(39)?,
    };
    let reports = match merged {
        false => None,
        true => {
            let doc_ids: String = r.get(54)?;
            Some(Reports {
                mentions: r.get::<_, i64>(51)? as usize,
                sources: r.get::<_, i64>(52)? as usize,
                articles: r.get::<_, i64>(53)? as usize,
                doc_ids: serde_json::from_str(&doc_ids).map_err(|e| bad(54, e))?,
            })
        }
    };
    Ok(StoredEvent {
        event_id: r.get(0)?,
        event,
        sentence: r.get(40)?,
        sentence_start: r.get::<_, i64>(41)? as usize,
        sentence_char_start: r.get::<_, i64>(42)? as usize,
        document: StoredDocument {
            id: r.get(43)?,
            url: r.get(44)?,
            source: r.get(45)?,
            title: r.get(46)?,
            published: r.get(47)?,
            chars: r.get::<_, i64>(48)? as usize,
            ingested_at: r.get(49)?,
        },
        reports,
        merged_id: r.get(50)?,
    })
}

/// A stored value that cannot be read back as the schema says.
fn bad(column: usize, e: impl ToString) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        column,
        rusqlite::types::Type::Text,
        e.to_string().into(),
    )
}
