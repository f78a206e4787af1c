//! The web explorer: one page and its scripts, styles and vendored
//! libraries, compiled into the binary. Only these files are served: a
//! path is looked up among them, never on disk.

use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::AppState;

/// A file of the explorer: its name under `/assets/`, type and contents.
struct Asset {
    name: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
}

macro_rules! asset {
    ($name:literal, $type:literal) => {
        Asset {
            name: $name,
            content_type: $type,
            bytes: include_bytes!(concat!("../assets/", $name)),
        }
    };
}

/// Every file served under `/assets/`.
const ASSETS: &[Asset] = &[
    asset!("explorer.js", "text/javascript; charset=utf-8"),
    asset!("explorer.css", "text/css; charset=utf-8"),
    asset!("vendor/uplot.min.js", "text/javascript; charset=utf-8"),
    asset!("vendor/uplot.min.css", "text/css; charset=utf-8"),
    asset!("vendor/cytoscape.min.js", "text/javascript; charset=utf-8"),
    asset!("vendor/internmap.min.js", "text/javascript; charset=utf-8"),
    asset!("vendor/d3-array.min.js", "text/javascript; charset=utf-8"),
    asset!("vendor/d3-geo.min.js", "text/javascript; charset=utf-8"),
    asset!(
        "vendor/topojson-client.min.js",
        "text/javascript; charset=utf-8"
    ),
    asset!("vendor/countries-110m.json", "application/json"),
    asset!("vendor/iso-3166-codes.json", "application/json"),
];

const INDEX: &[u8] = include_bytes!("../assets/index.html");

/// The page may load nothing but its own files: no inline script, no
/// other origin.
const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; \
    base-uri 'none'; frame-ancestors 'none'";

pub(crate) fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/",
            get(|| async { page("text/html; charset=utf-8", INDEX) }),
        )
        .route("/assets/{*name}", get(asset))
}

async fn asset(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|a| a.name == name) {
        Some(a) => page(a.content_type, a.bytes),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

fn page(content_type: &'static str, bytes: &'static [u8]) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (
                header::CONTENT_SECURITY_POLICY,
                HeaderValue::from_static(CONTENT_SECURITY_POLICY),
            ),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        bytes,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_loads_only_embedded_files() {
        let page = std::str::from_utf8(INDEX).unwrap();
        let linked: Vec<&str> = page
            .split("\"/assets/")
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap())
            .collect();
        assert!(linked.contains(&"explorer.js"), "{linked:?}");
        for name in linked {
            assert!(ASSETS.iter().any(|a| a.name == name), "{name}");
        }
        assert!(!page.contains("http"), "no other origin");
    }

    #[test]
    fn the_explorer_never_parses_text_as_markup() {
        let script = std::str::from_utf8(ASSETS[0].bytes).unwrap();
        assert_eq!(ASSETS[0].name, "explorer.js");
        for sink in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ] {
            assert!(!script.contains(sink), "explorer.js uses {sink}");
        }
    }
}
