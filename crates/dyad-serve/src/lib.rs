//! `dyad serve`: the event store over HTTP. A JSON API (see `docs/api.md`)
//! with its OpenAPI 3 document and Swagger UI, and the web explorer at `/`,
//! every file of it compiled into the binary.
//!
//! The store is opened read-only, one connection per request being
//! answered (kept for the next), on the blocking threads, [`READERS`] at
//! most at once. Coding a text (`POST /api/code`) is left to a [`Coder`]
//! the caller gives, run off the async threads with a concurrency limit
//! and a timeout.

mod api;
mod error;
mod explorer;
mod params;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use chrono::NaiveDate;
use dyad_store::{Store, StoreError};
use tokio::sync::Semaphore;

use error::ApiError;

/// Coding requests run at once; others wait.
pub const CODING_AT_ONCE: usize = 2;
/// How long a coding request waits for its turn.
pub const CODING_WAIT: Duration = Duration::from_secs(10);
/// How long a coding request may run.
pub const CODING_TIME: Duration = Duration::from_secs(30);
/// The largest request body (`POST /api/code`).
pub const BODY_LIMIT: usize = 256 * 1024;
/// Requests reading the store at once (each on a blocking thread with a
/// connection and its page cache); others wait their turn.
pub const READERS: usize = 2;

/// Codes a text for `POST /api/code`.
pub trait Coder: Send + Sync + 'static {
    /// The events (the records `dyad code` prints) and the explanation of
    /// each sentence (as `dyad explain --json` prints it) of `text`,
    /// published on `date` (undated when `None`: its events take only the
    /// dates the text gives).
    fn code(&self, text: &str, date: Option<NaiveDate>) -> CodedText;
}

/// What a [`Coder`] makes of a text.
pub struct CodedText {
    pub events: Vec<serde_json::Value>,
    pub sentences: Vec<serde_json::Value>,
}

/// Where and how to serve.
pub struct Config {
    pub store: PathBuf,
    pub addr: SocketAddr,
    /// The one origin CORS allows; none when `None`.
    pub cors: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("--cors {0:?}: not an origin")]
    Cors(String),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Read-only connections to the store, opened as requests need them and
/// kept for the next, at most [`READERS`] in use at once.
struct Stores {
    path: PathBuf,
    idle: Mutex<Vec<Store>>,
    readers: Arc<Semaphore>,
}

impl Stores {
    /// Runs `read` on a connection, on a blocking thread, when a reader's
    /// turn comes.
    async fn read<T: Send + 'static>(
        self: &Arc<Self>,
        read: impl FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let turn = Arc::clone(&self.readers)
            .acquire_owned()
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        let stores = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let _turn = turn;
            let idle = stores.idle.lock().expect("not poisoned").pop();
            let store = match idle {
                Some(store) => store,
                None => Store::open_read_only(&stores.path)?,
            };
            let out = read(&store);
            stores.idle.lock().expect("not poisoned").push(store);
            out
        })
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
    }
}

/// What every handler shares.
#[derive(Clone)]
struct AppState {
    stores: Arc<Stores>,
    coder: Arc<dyn Coder>,
    coding: Arc<Semaphore>,
}

/// The application: the API, its documents and the explorer.
fn router(store: PathBuf, coder: Arc<dyn Coder>) -> Router {
    let state = AppState {
        stores: Arc::new(Stores {
            path: store,
            idle: Mutex::new(Vec::new()),
            readers: Arc::new(Semaphore::new(READERS)),
        }),
        coder,
        coding: Arc::new(Semaphore::new(CODING_AT_ONCE)),
    };
    api::routes()
        .merge(explorer::routes())
        .with_state(state)
        .merge(api::docs())
        .layer(axum::middleware::from_fn(log_request))
}

/// Serves until interrupted (Ctrl-C): checks the store can be read, binds,
/// and says where on standard error.
pub fn serve(config: Config, coder: Arc<dyn Coder>) -> Result<(), ServeError> {
    drop(Store::open_read_only(&config.store)?);
    let mut app = router(config.store, coder);
    if let Some(origin) = &config.cors {
        let value = HeaderValue::from_str(origin).map_err(|_| ServeError::Cors(origin.clone()))?;
        app = app.layer(
            tower_http::cors::CorsLayer::new()
                .allow_origin(value)
                .allow_methods([axum::http::Method::GET, axum::http::Method::POST])
                .allow_headers([axum::http::header::CONTENT_TYPE]),
        );
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .map_err(|source| ServeError::Bind {
                addr: config.addr,
                source,
            })?;
        eprintln!("dyad: serving http://{}", listener.local_addr()?);
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        Ok(())
    })
}

/// Logs one line per request on standard error: method, path and query,
/// status and milliseconds.
async fn log_request(request: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = request.method().clone();
    let uri = request.uri().clone();
    let response = next.run(request).await;
    eprintln!(
        "dyad: {method} {uri} {} {:.1} ms",
        response.status().as_u16(),
        start.elapsed().as_secs_f64() * 1000.0
    );
    response
}
