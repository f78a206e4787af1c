//! The JSON API of `docs/api.md` and its OpenAPI document.

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::routing::{get, post};
use axum::{Json, Router};
use dyad_store::{Cursor, Period, Query, Split, StoredEvent};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;
use utoipa::{IntoParams, OpenApi, ToSchema};
use utoipa_swagger_ui::SwaggerUi;

use crate::error::ErrorBody;
use crate::params::{limit, parsed, FilterParams, Filtered, Params};
use crate::{ApiError, AppState, BODY_LIMIT, CODING_TIME, CODING_WAIT};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "dyad",
        description = "Political event data from news text: the events of a dyad store (see docs/api.md)."
    ),
    paths(events, event, series, actors, network, map, code, health)
)]
pub struct ApiDoc;

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/events", get(events))
        .route("/api/events/{id}", get(event))
        .route("/api/series", get(series))
        .route("/api/actors", get(actors))
        .route("/api/network", get(network))
        .route("/api/map", get(map))
        .route(
            "/api/code",
            post(code).layer(DefaultBodyLimit::max(BODY_LIMIT)),
        )
        .route("/api/health", get(health))
}

/// `/api/openapi.json` and Swagger UI at `/api/docs`.
pub(crate) fn docs() -> Router {
    SwaggerUi::new("/api/docs")
        .url("/api/openapi.json", ApiDoc::openapi())
        .into()
}

/// The record `dyad query --format jsonl` prints of an event.
fn record(event: &StoredEvent) -> Result<Value, ApiError> {
    serde_json::to_value(event.export().json_record())
        .map_err(|e| ApiError::Internal(e.to_string()))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct EventsParams {
    /// Merged events: each event once, with its counts (not with `all`).
    #[param(value_type = Option<bool>)]
    merged: Option<String>,
    /// Events in the page, 1 to 1000 (default 100).
    #[param(value_type = Option<u64>)]
    limit: Option<String>,
    /// `next_cursor` of the page before.
    cursor: Option<String>,
}

/// A page of events.
#[derive(Serialize, ToSchema)]
struct EventsPage {
    /// The records `dyad query --format jsonl` prints (see docs/events.md),
    /// written as it writes them when read.
    #[schema(value_type = Vec<Value>)]
    events: Vec<Box<RawValue>>,
    /// The cursor of the next page; `null` on the last.
    next_cursor: Option<String>,
}

/// The events of the filters, in date order, a page at a time.
#[utoipa::path(get, path = "/api/events", params(FilterParams, EventsParams),
    responses((status = 200, body = EventsPage), (status = 400, body = ErrorBody)))]
async fn events(
    State(state): State<AppState>,
    Params(params): Params<Filtered<EventsParams>>,
) -> Result<Json<EventsPage>, ApiError> {
    let page = limit(&params.own.limit, 100)?;
    let after =
        match &params.own.cursor {
            None => None,
            Some(c) => Some(Cursor::parse(c).ok_or_else(|| {
                ApiError::bad("cursor", format!("{c:?}: not a cursor of this API"))
            })?),
        };
    let query = Query {
        filter: params.filter.filter()?,
        merged: parsed("merged", &params.own.merged)?.unwrap_or(false),
        // one more tells whether there is a next page
        limit: Some(page + 1),
        offset: 0,
        after,
    };
    state
        .stores
        .read(move |store| {
            let mut events = Vec::new();
            let mut last = None;
            let mut more = false;
            store.each_event(&query, |e| {
                match events.len() as u64 == page {
                    true => more = true,
                    false => {
                        events.push(serde_json::value::to_raw_value(&e.export().json_record())?);
                        last = Some(Cursor::after(e));
                    }
                }
                Ok(())
            })?;
            Ok(Json(EventsPage {
                events,
                next_cursor: last.filter(|_| more).map(|c| c.to_string()),
            }))
        })
        .await
}

/// Character offsets (`[start, end)`) within the sentence.
#[derive(Serialize, ToSchema)]
struct EvidenceSpans {
    source: Option<[usize; 2]>,
    target: Option<[usize; 2]>,
    trigger: [usize; 2],
}

/// The document an event was coded from.
#[derive(Serialize, ToSchema)]
struct DocumentBody {
    id: String,
    url: Option<String>,
    /// The outlet.
    source: Option<String>,
    title: Option<String>,
    published: Option<String>,
}

/// An event with its evidence, document, merged event and mentions.
#[derive(Serialize, ToSchema)]
struct EventBody {
    /// Its record.
    event: Value,
    /// The record of the merged event it belongs to, with the counts
    /// (asserted and intended events only).
    merged: Option<Value>,
    sentence: String,
    evidence: EvidenceSpans,
    document: DocumentBody,
    /// The records of every mention of the merged event it belongs to.
    mentions: Vec<Value>,
}

/// Character offsets within the sentence of a span of the document's text.
fn sentence_chars(event: &StoredEvent, span: dyad_core::Span) -> Option<[usize; 2]> {
    let sentence = &event.sentence;
    let start = span.start.checked_sub(event.sentence_start)?;
    let end = span.end.checked_sub(event.sentence_start)?;
    let chars = |byte: usize| sentence.get(..byte).map(|s| s.chars().count());
    Some([chars(start)?, chars(end)?])
}

/// An event with its sentence, evidence, document, merged event and every mention.
#[utoipa::path(get, path = "/api/events/{id}",
    params(("id" = String, Path, description = "An event id (a merged event's id is its first mention's)")),
    responses((status = 200, body = EventBody), (status = 404, body = ErrorBody)))]
async fn event(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<EventBody>, ApiError> {
    state
        .stores
        .read(move |store| {
            let detail = store.event(&id)?.ok_or(ApiError::NoSuchEvent(id))?;
            let e = &detail.event;
            let actor = |a: &Option<dyad_core::EventActor>| {
                a.as_ref().and_then(|a| sentence_chars(e, a.span))
            };
            let evidence = EvidenceSpans {
                source: actor(&e.event.source),
                target: actor(&e.event.target),
                trigger: sentence_chars(e, e.event.evidence.span).unwrap_or([0, 0]),
            };
            let d = &e.document;
            Ok(Json(EventBody {
                event: record(e)?,
                merged: detail.merged.as_ref().map(record).transpose()?,
                sentence: e.sentence.clone(),
                evidence,
                document: DocumentBody {
                    id: d.id.clone(),
                    url: d.url.clone(),
                    source: d.source.clone(),
                    title: d.title.clone(),
                    published: d.published.clone(),
                },
                mentions: detail
                    .mentions
                    .iter()
                    .map(record)
                    .collect::<Result<_, _>>()?,
            }))
        })
        .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct SeriesParams {
    /// `day` (default), `week`, `month` or `year`.
    period: Option<String>,
    /// `quad`, `root`, `plover`, `dyad`, `source`, `target` or `country`.
    split: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct SeriesRowBody {
    /// The period's label, or `coarse` for events dated more coarsely.
    period: String,
    /// The split's value; empty without a split.
    key: String,
    count: u64,
    mean_goldstein: f64,
}

#[derive(Serialize, ToSchema)]
struct SeriesBody {
    rows: Vec<SeriesRowBody>,
}

/// A name of `named`, or an error naming the parameter and the choices.
fn named<T: Copy>(parameter: &str, value: &str, named: &[(&str, T)]) -> Result<T, ApiError> {
    named
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(value))
        .map(|&(_, v)| v)
        .ok_or_else(|| {
            let names: Vec<&str> = named.iter().map(|(n, _)| *n).collect();
            ApiError::bad(parameter, format!("{value:?}: one of {}", names.join(", ")))
        })
}

/// Events counted per period (and split), as `dyad query --count-by` counts them.
#[utoipa::path(get, path = "/api/series", params(FilterParams, SeriesParams),
    responses((status = 200, body = SeriesBody), (status = 400, body = ErrorBody)))]
async fn series(
    State(state): State<AppState>,
    Params(params): Params<Filtered<SeriesParams>>,
) -> Result<Json<SeriesBody>, ApiError> {
    let filter = params.filter.filter()?;
    let period = match &params.own.period {
        Some(p) => named("period", p, &Period::NAMED)?,
        None => Period::Day,
    };
    let split = params
        .own
        .split
        .as_deref()
        .map(|s| named::<Split>("split", s, &Split::NAMED))
        .transpose()?;
    state
        .stores
        .read(move |store| {
            let rows = store.series(&filter, period, split)?;
            Ok(Json(SeriesBody {
                rows: rows
                    .into_iter()
                    .map(|r| SeriesRowBody {
                        period: r.period,
                        key: r.key,
                        count: r.count,
                        mean_goldstein: r.mean_goldstein,
                    })
                    .collect(),
            }))
        })
        .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ActorsParams {
    /// The start of a code or a part of a name (empty: every actor).
    q: Option<String>,
    /// Actors listed, 1 to 1000 (default 20).
    #[param(value_type = Option<u64>)]
    limit: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct ActorBody {
    code: String,
    /// Events with it as source or target.
    events: u64,
    /// The texts it was read from, most frequent first.
    names: Vec<String>,
}

#[derive(Serialize, ToSchema)]
struct ActorsBody {
    actors: Vec<ActorBody>,
}

/// Actor codes for autocomplete, most events first.
#[utoipa::path(get, path = "/api/actors", params(FilterParams, ActorsParams),
    responses((status = 200, body = ActorsBody), (status = 400, body = ErrorBody)))]
async fn actors(
    State(state): State<AppState>,
    Params(params): Params<Filtered<ActorsParams>>,
) -> Result<Json<ActorsBody>, ApiError> {
    let filter = params.filter.filter()?;
    let limit = limit(&params.own.limit, 20)? as usize;
    let q = params.own.q.unwrap_or_default();
    state
        .stores
        .read(move |store| {
            let actors = store.actors(&filter, &q, limit)?;
            Ok(Json(ActorsBody {
                actors: actors
                    .into_iter()
                    .map(|a| ActorBody {
                        code: a.code,
                        events: a.events,
                        names: a.names,
                    })
                    .collect(),
            }))
        })
        .await
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct LimitParams {
    /// The most edges (network) or places (map), 1 to 1000.
    #[param(value_type = Option<u64>)]
    limit: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct NodeBody {
    code: String,
    /// Events of the edges shown with it as source or target.
    events: u64,
}

#[derive(Serialize, ToSchema)]
struct EdgeBody {
    source: String,
    target: String,
    events: u64,
    mean_goldstein: f64,
}

#[derive(Serialize, ToSchema)]
struct NetworkBody {
    nodes: Vec<NodeBody>,
    edges: Vec<EdgeBody>,
}

/// Actors as nodes and dyads as edges weighted by events and mean Goldstein score.
#[utoipa::path(get, path = "/api/network", params(FilterParams, LimitParams),
    responses((status = 200, body = NetworkBody), (status = 400, body = ErrorBody)))]
async fn network(
    State(state): State<AppState>,
    Params(params): Params<Filtered<LimitParams>>,
) -> Result<Json<NetworkBody>, ApiError> {
    let filter = params.filter.filter()?;
    let limit = limit(&params.own.limit, 200)? as usize;
    state
        .stores
        .read(move |store| {
            let edges = store.network(&filter, limit)?;
            let mut nodes: BTreeMap<&str, u64> = BTreeMap::new();
            for e in &edges {
                *nodes.entry(&e.source).or_default() += e.events;
                if e.target != e.source {
                    *nodes.entry(&e.target).or_default() += e.events;
                }
            }
            Ok(Json(NetworkBody {
                nodes: nodes
                    .into_iter()
                    .map(|(code, events)| NodeBody {
                        code: code.into(),
                        events,
                    })
                    .collect(),
                edges: edges
                    .iter()
                    .map(|e| EdgeBody {
                        source: e.source.clone(),
                        target: e.target.clone(),
                        events: e.events,
                        mean_goldstein: e.mean_goldstein,
                    })
                    .collect(),
            }))
        })
        .await
}

#[derive(Serialize, ToSchema)]
struct CountryBody {
    /// ISO 3166-1 alpha-3.
    country: String,
    events: u64,
}

#[derive(Serialize, ToSchema)]
struct PlaceBody {
    name: String,
    country: Option<String>,
    lat: f64,
    lon: f64,
    events: u64,
}

#[derive(Serialize, ToSchema)]
struct MapBody {
    countries: Vec<CountryBody>,
    places: Vec<PlaceBody>,
}

/// Events per country of their place, and per place with coordinates.
#[utoipa::path(get, path = "/api/map", params(FilterParams, LimitParams),
    responses((status = 200, body = MapBody), (status = 400, body = ErrorBody)))]
async fn map(
    State(state): State<AppState>,
    Params(params): Params<Filtered<LimitParams>>,
) -> Result<Json<MapBody>, ApiError> {
    let filter = params.filter.filter()?;
    let limit = limit(&params.own.limit, 500)? as usize;
    state
        .stores
        .read(move |store| {
            let (countries, places) = store.map(&filter, limit)?;
            Ok(Json(MapBody {
                countries: countries
                    .into_iter()
                    .map(|c| CountryBody {
                        country: c.country,
                        events: c.events,
                    })
                    .collect(),
                places: places
                    .into_iter()
                    .map(|p| PlaceBody {
                        name: p.name,
                        country: p.country,
                        lat: p.lat,
                        lon: p.lon,
                        events: p.events,
                    })
                    .collect(),
            }))
        })
        .await
}

/// A text to code.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
struct CodeRequest {
    text: String,
    /// The publication date, `YYYY-MM-DD` (default: none, the events take
    /// only the dates the text gives).
    #[schema(format = Date)]
    date: Option<String>,
}

#[derive(Serialize, ToSchema)]
struct CodeResponse {
    /// The records of the asserted and intended events.
    events: Vec<Value>,
    /// One `dyad explain --json` object per sentence.
    sentences: Vec<Value>,
}

/// Codes a text and explains each sentence.
#[utoipa::path(post, path = "/api/code", request_body = CodeRequest,
    responses((status = 200, body = CodeResponse), (status = 400, body = ErrorBody),
        (status = 413, description = "A body over 256 KB"),
        (status = 503, body = ErrorBody), (status = 504, body = ErrorBody)))]
async fn code(State(state): State<AppState>, body: Bytes) -> Result<Json<CodeResponse>, ApiError> {
    let request: CodeRequest =
        serde_json::from_slice(&body).map_err(|e| ApiError::bad("body", e.to_string()))?;
    let date = parsed("date", &request.date)?;
    let permit = tokio::time::timeout(CODING_WAIT, state.coding.clone().acquire_owned())
        .await
        .map_err(|_| ApiError::Busy)?
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let coder = state.coder.clone();
    // the permit goes with the task: a text past its time still holds it
    let task = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        coder.code(&request.text, date)
    });
    let coded = tokio::time::timeout(CODING_TIME, task)
        .await
        .map_err(|_| ApiError::Timeout)?
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(Json(CodeResponse {
        events: coded.events,
        sentences: coded.sentences,
    }))
}

#[derive(Serialize, ToSchema)]
struct HealthBody {
    status: String,
    /// Events in the store, of every factuality.
    events: u64,
}

/// The store can be read.
#[utoipa::path(get, path = "/api/health",
    responses((status = 200, body = HealthBody), (status = 500, body = ErrorBody)))]
async fn health(State(state): State<AppState>) -> Result<Json<HealthBody>, ApiError> {
    state
        .stores
        .read(|store| {
            Ok(Json(HealthBody {
                status: "ok".into(),
                events: store.event_count()?,
            }))
        })
        .await
}
