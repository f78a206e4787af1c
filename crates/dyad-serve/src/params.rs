//! Query parameters: read as text, each checked on its own so that an
//! error names it; a parameter an endpoint does not take is an error too.

use std::fmt::Display;
use std::str::FromStr;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use dyad_store::Filter;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use utoipa::openapi::path::ParameterIn;
use utoipa::IntoParams;

use crate::ApiError;

/// The most items a page or a list holds.
pub const MOST_ITEMS: u64 = 1000;

/// An endpoint's parameters, `T`, read from the query string.
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + IntoParams> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, ApiError> {
        let query = parts.uri.query().unwrap_or("");
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_str(query).map_err(|e| ApiError::bad("query", e.to_string()))?;
        let known: Vec<String> = T::into_params(|| Some(ParameterIn::Query))
            .into_iter()
            .map(|p| p.name)
            .collect();
        for (i, (name, _)) in pairs.iter().enumerate() {
            if !known.contains(name) {
                return Err(ApiError::bad(
                    name,
                    format!("is not a parameter here: one of {}", known.join(", ")),
                ));
            }
            if pairs[..i].iter().any(|(earlier, _)| earlier == name) {
                return Err(ApiError::bad(name, "is given twice"));
            }
        }
        serde_urlencoded::from_str(query)
            .map(Params)
            .map_err(|e| ApiError::bad("query", e.to_string()))
    }
}

/// The value of a parameter, if given, read as a `T`.
pub fn parsed<T: FromStr>(name: &str, value: &Option<String>) -> Result<Option<T>, ApiError>
where
    T::Err: Display,
{
    value
        .as_deref()
        .map(|v| {
            v.parse()
                .map_err(|e| ApiError::bad(name, format!("{v:?}: {e}")))
        })
        .transpose()
}

/// A count of items: 1 to [`MOST_ITEMS`], `default` when not given.
pub fn limit(value: &Option<String>, default: u64) -> Result<u64, ApiError> {
    match parsed::<u64>("limit", value)? {
        None => Ok(default),
        Some(n) if (1..=MOST_ITEMS).contains(&n) => Ok(n),
        Some(n) => Err(ApiError::bad(
            "limit",
            format!("{n}: from 1 to {MOST_ITEMS}"),
        )),
    }
}

/// An endpoint's parameters: the filters and its own, `T`.
#[derive(Deserialize)]
pub struct Filtered<T> {
    #[serde(flatten)]
    pub filter: FilterParams,
    #[serde(flatten)]
    pub own: T,
}

impl<T: IntoParams> IntoParams for Filtered<T> {
    fn into_params(
        parameter_in: impl Fn() -> Option<ParameterIn>,
    ) -> Vec<utoipa::openapi::path::Parameter> {
        let mut params = FilterParams::into_params(&parameter_in);
        params.extend(T::into_params(parameter_in));
        params
    }
}

/// The filters of `dyad query`, its flags in snake_case.
#[derive(Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FilterParams {
    /// Source actor code or its prefix (RUS, USAGOV, IGONAT).
    source: Option<String>,
    /// Target actor code or its prefix.
    target: Option<String>,
    /// Source or target actor code or its prefix.
    actor: Option<String>,
    /// CAMEO code or its prefix (19, 190, 1823).
    cameo: Option<String>,
    /// PLOVER category (ASSAULT, PROTEST, ...).
    plover: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[param(value_type = Option<u8>, minimum = 1, maximum = 4)]
    quad: Option<String>,
    /// Events dated on or after this day (the first day of a month- or year-dated event counts).
    #[param(value_type = Option<String>, format = Date)]
    from: Option<String>,
    /// Events dated on or before this day.
    #[param(value_type = Option<String>, format = Date)]
    to: Option<String>,
    /// ISO 3166-1 alpha-3 code of the country where the event took place.
    country: Option<String>,
    /// Full-text search over the events' sentences (SQLite FTS5 syntax).
    text: Option<String>,
    /// Events of at least this confidence (0 to 1).
    #[param(value_type = Option<f64>)]
    min_confidence: Option<String>,
    /// Every factuality, not only asserted and intended events.
    #[param(value_type = Option<bool>)]
    all: Option<String>,
}

impl FilterParams {
    /// The store's filter, or an error naming the first parameter that
    /// cannot be read.
    pub fn filter(&self) -> Result<Filter, ApiError> {
        let min_confidence = parsed::<f64>("min_confidence", &self.min_confidence)?;
        if let Some(c) = min_confidence.filter(|c| !(0.0..=1.0).contains(c)) {
            return Err(ApiError::bad(
                "min_confidence",
                format!("{c}: a confidence is 0 to 1"),
            ));
        }
        Ok(Filter {
            source: self.source.clone(),
            target: self.target.clone(),
            actor: self.actor.clone(),
            cameo: self.cameo.clone(),
            plover: self.plover.clone(),
            // the store checks the range, as for `dyad query`
            quad: parsed("quad", &self.quad)?,
            from: parsed("from", &self.from)?,
            to: parsed("to", &self.to)?,
            country: self.country.clone(),
            text: self.text.clone(),
            min_confidence,
            all: parsed("all", &self.all)?.unwrap_or(false),
        })
    }
}
