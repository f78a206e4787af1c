//! What the explorer and the HTTP API read besides events in order: an
//! event by id with every mention, actor codes for autocomplete, the
//! network of dyads and counts per country and place.

use std::collections::BTreeMap;

use rusqlite::types::Value;

use crate::query::StoredEvent;
use crate::{Filter, Result, Store};

/// An event with the merged event it belongs to and every mention of that.
#[derive(Clone, Debug, PartialEq)]
pub struct EventDetail {
    pub event: StoredEvent,
    /// The merged event it is a mention of (its first mention's record
    /// with the counts); asserted and intended events only.
    pub merged: Option<StoredEvent>,
    /// Every mention of the merged event, in order (the event alone when
    /// it is part of none).
    pub mentions: Vec<StoredEvent>,
}

/// An actor code with the names it was seen under.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorCount {
    pub code: String,
    /// Events with it as source or target.
    pub events: u64,
    /// The texts it was read from, most frequent first (at most
    /// [`ACTOR_NAMES`]).
    pub names: Vec<String>,
}

/// The names an [`ActorCount`] keeps.
pub const ACTOR_NAMES: usize = 5;

/// Events from one actor code to another.
#[derive(Clone, Debug, PartialEq)]
pub struct DyadEdge {
    pub source: String,
    pub target: String,
    pub events: u64,
    pub mean_goldstein: f64,
}

/// Events of a country (ISO 3166-1 alpha-3 of their place).
#[derive(Clone, Debug, PartialEq)]
pub struct CountryCount {
    pub country: String,
    pub events: u64,
}

/// Events of a place with coordinates.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceCount {
    pub name: String,
    pub country: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub events: u64,
}

impl Store {
    /// The event of this id (a merged event's id is its first mention's),
    /// with its merged event and mentions; `None` if there is none.
    pub fn event(&self, id: &str) -> Result<Option<EventDetail>> {
        let select = |cond: &str, id: &str, merged: bool| -> Result<Vec<StoredEvent>> {
            let mut found = Vec::new();
            self.select_events(
                &[(cond.into(), vec![Value::Text(id.into())])],
                merged,
                // a merged event's mentions by date, then as they were stored
                "ORDER BY e.day IS NULL, e.day, e.seq",
                &[],
                |e| {
                    found.push(e.clone());
                    Ok(())
                },
            )?;
            Ok(found)
        };
        let Some(event) = select("e.id = ?", id, false)?.into_iter().next() else {
            return Ok(None);
        };
        let Some(merged_id) = event.merged_id.clone() else {
            return Ok(Some(EventDetail {
                mentions: vec![event.clone()],
                event,
                merged: None,
            }));
        };
        let first = "e.seq IN (SELECT first FROM merged_events WHERE id = ?)";
        let merged = select(first, &merged_id, true)?.into_iter().next();
        let of_merged = "e.merged IN (SELECT first FROM merged_events WHERE id = ?)";
        let mentions = select(of_merged, &merged_id, false)?;
        Ok(Some(EventDetail {
            event,
            merged,
            mentions,
        }))
    }

    /// Actor codes of the filter's events whose code starts with `query`
    /// or whose text contains it (case aside), most events first, at most
    /// `limit`.
    pub fn actors(&self, filter: &Filter, query: &str, limit: usize) -> Result<Vec<ActorCount>> {
        self.check_text(filter)?;
        let (cond, filter_params) = filter.sql()?;
        let code_prefix = format!("{}%", like_escaped(&query.to_ascii_uppercase()));
        let text_part = format!("%{}%", like_escaped(query));
        let side = |role: &str| {
            format!(
                "SELECT e.{role}_code AS code, e.{role}_text AS text FROM events e \
                 WHERE {cond} AND e.{role}_code IS NOT NULL"
            )
        };
        let sql = format!(
            "SELECT code, coalesce(text, ''), count(*) FROM ({} UNION ALL {}) \
             WHERE code LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\' GROUP BY 1, 2",
            side("source"),
            side("target")
        );
        let mut params = filter_params.clone();
        params.extend(filter_params);
        params.push(Value::Text(code_prefix));
        params.push(Value::Text(text_part));
        let mut by_code: BTreeMap<String, Vec<(u64, String)>> = BTreeMap::new();
        self.each_row(&sql, params, |r| {
            let (code, text, n): (String, String, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
            by_code.entry(code).or_default().push((n as u64, text));
            Ok(())
        })?;
        let mut actors: Vec<ActorCount> = by_code
            .into_iter()
            .map(|(code, mut names)| {
                names.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
                ActorCount {
                    code,
                    events: names.iter().map(|(n, _)| n).sum(),
                    names: names
                        .into_iter()
                        .map(|(_, name)| name)
                        .filter(|name| !name.is_empty())
                        .take(ACTOR_NAMES)
                        .collect(),
                }
            })
            .collect();
        actors.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.code.cmp(&b.code)));
        actors.truncate(limit);
        Ok(actors)
    }

    /// The dyads of the filter's events with both actors: the `limit`
    /// with most events (then by codes).
    pub fn network(&self, filter: &Filter, limit: usize) -> Result<Vec<DyadEdge>> {
        self.check_text(filter)?;
        let (cond, mut params) = filter.sql()?;
        let sql = format!(
            "SELECT e.source_code, e.target_code, count(*), avg(e.goldstein) FROM events e \
             WHERE {cond} AND e.source_code IS NOT NULL AND e.target_code IS NOT NULL \
             GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT ?"
        );
        params.push(Value::Integer(limit as i64));
        let mut edges = Vec::new();
        self.each_row(&sql, params, |r| {
            edges.push(DyadEdge {
                source: r.get(0)?,
                target: r.get(1)?,
                events: r.get::<_, i64>(2)? as u64,
                mean_goldstein: r.get(3)?,
            });
            Ok(())
        })?;
        Ok(edges)
    }

    /// The filter's events counted per country of their place (most first,
    /// then by code) and per place with coordinates (the `places` with most
    /// events).
    pub fn map(
        &self,
        filter: &Filter,
        places: usize,
    ) -> Result<(Vec<CountryCount>, Vec<PlaceCount>)> {
        self.check_text(filter)?;
        let (cond, params) = filter.sql()?;
        let mut countries = Vec::new();
        self.each_row(
            &format!(
                "SELECT e.location_country, count(*) FROM events e \
                 WHERE {cond} AND e.location_country IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
            ),
            params.clone(),
            |r| {
                countries.push(CountryCount {
                    country: r.get(0)?,
                    events: r.get::<_, i64>(1)? as u64,
                });
                Ok(())
            },
        )?;
        let mut place_counts = Vec::new();
        let mut params = params;
        params.push(Value::Integer(places as i64));
        self.each_row(
            &format!(
                "SELECT e.location_name, e.location_country, e.location_lat, e.location_lon, count(*) \
                 FROM events e WHERE {cond} AND e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL \
                 GROUP BY 1, 2, 3, 4 ORDER BY 5 DESC, 1 LIMIT ?"
            ),
            params,
            |r| {
                place_counts.push(PlaceCount {
                    name: r.get(0)?,
                    country: r.get(1)?,
                    lat: r.get(2)?,
                    lon: r.get(3)?,
                    events: r.get::<_, i64>(4)? as u64,
                });
                Ok(())
            },
        )?;
        Ok((countries, place_counts))
    }

    /// Calls `each` on every row of a query.
    fn each_row(
        &self,
        sql: &str,
        params: Vec<Value>,
        mut each: impl FnMut(&rusqlite::Row) -> rusqlite::Result<()>,
    ) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.error(e))?;
        let mut rows = stmt
            .query(rusqlite::params_from_iter(params))
            .map_err(|e| self.error(e))?;
        while let Some(row) = rows.next().map_err(|e| self.error(e))? {
            each(row).map_err(|e| self.error(e))?;
        }
        Ok(())
    }
}

/// `text` with LIKE's wildcards (and the escape) escaped by `\`.
fn like_escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
