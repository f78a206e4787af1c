//! The API's errors as responses: a status and `{"error", "parameter"}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use dyad_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A parameter that cannot be read or cannot match anything.
    #[error("{parameter} {reason}")]
    BadParameter { parameter: String, reason: String },
    #[error("no event {0:?}")]
    NoSuchEvent(String),
    #[error("too many texts being coded; try again")]
    Busy,
    #[error("coding took longer than {} s", crate::CODING_TIME.as_secs())]
    Timeout,
    #[error("{0}")]
    Internal(String),
}

/// The body of an error response.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    /// What went wrong.
    pub error: String,
    /// The parameter at fault, in snake_case, when one is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameter: Option<String>,
}

impl ApiError {
    pub fn bad(parameter: &str, reason: impl Into<String>) -> ApiError {
        ApiError::BadParameter {
            parameter: parameter.into(),
            reason: reason.into(),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match e {
            // the store names the flag of `dyad query`: `--min-confidence`
            StoreError::Invalid { flag, reason } => {
                ApiError::bad(&flag.trim_start_matches('-').replace('-', "_"), reason)
            }
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, parameter) = match &self {
            ApiError::BadParameter { parameter, .. } => {
                (StatusCode::BAD_REQUEST, Some(parameter.clone()))
            }
            ApiError::NoSuchEvent(_) => (StatusCode::NOT_FOUND, Some("id".to_string())),
            ApiError::Busy => (StatusCode::SERVICE_UNAVAILABLE, None),
            ApiError::Timeout => (StatusCode::GATEWAY_TIMEOUT, None),
            ApiError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, None),
        };
        let body = ErrorBody {
            error: self.to_string(),
            parameter,
        };
        (status, Json(body)).into_response()
    }
}
