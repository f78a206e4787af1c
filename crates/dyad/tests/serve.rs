//! `dyad serve` at a free loopback port, over a store ingested from
//! documents written for this test (tests/fixtures/serve/): every endpoint
//! answers what the store (`dyad query`, `dyad explain`) gives for the same
//! filters, bad parameters get a 400 naming them, and the OpenAPI document
//! lists every endpoint.

mod common;

use std::collections::BTreeMap;

use common::server::{fixture_store, Server};
use common::{assert_success, dyad, json_lines};
use serde_json::{json, Value};

/// The endpoints of docs/api.md, with their method.
const ENDPOINTS: [(&str, &str); 8] = [
    ("get", "/api/events"),
    ("get", "/api/events/{id}"),
    ("get", "/api/series"),
    ("get", "/api/actors"),
    ("get", "/api/network"),
    ("get", "/api/map"),
    ("post", "/api/code"),
    ("get", "/api/health"),
];

/// Query parameters, names and values.
type Params<'a> = &'a [(&'a str, &'a str)];

/// The `dyad query` flags of API parameters: `min_confidence=x` is
/// `--min-confidence x`, `all=true` is `--all`.
fn flags(params: &[(&str, &str)]) -> Vec<String> {
    let mut flags = Vec::new();
    for (name, value) in params {
        flags.push(format!("--{}", name.replace('_', "-")));
        if *value != "true" {
            flags.push(value.to_string());
        }
    }
    flags
}

fn query_string(params: &[(&str, &str)]) -> String {
    serde_urlencoded::to_string(params).unwrap()
}

/// Every event of `/api/events` for the parameters, following the cursors
/// pages of `page`.
fn all_pages(server: &Server, params: &[(&str, &str)], page: usize) -> Vec<Value> {
    let mut events = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut p = params.to_vec();
        let limit = page.to_string();
        p.push(("limit", &limit));
        if let Some(c) = &cursor {
            p.push(("cursor", c));
        }
        let body = server.ok(&format!("/api/events?{}", query_string(&p)));
        let got = body["events"].as_array().unwrap();
        assert!(got.len() <= page);
        events.extend(got.iter().cloned());
        match body["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
    }
    events
}

#[test]
fn every_endpoint_answers_what_the_store_gives() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let server = Server::start(&store, &[]);

    let everything = server.query(&["--all"]);
    assert!(
        everything.len() >= 10,
        "the fixture codes {}",
        everything.len()
    );
    let health = server.ok("/api/health");
    assert_eq!(health["status"], "ok");
    assert_eq!(health["events"], everything.len());

    events_are_those_of_dyad_query_page_by_page(&server);
    an_event_comes_with_its_evidence_and_mentions(&server);
    series_count_as_count_by(&server);
    actors_network_and_map_count_the_events(&server);
    coding_a_text_gives_what_explain_gives(&server);
    bad_parameters_get_a_400_naming_them(&server);
    the_openapi_document_lists_every_endpoint(&server);
    the_explorer_is_served_from_the_binary_only(&server);

    // one log line per request, and no CORS header without --cors
    let (_, headers, _) = server.get_raw("/api/health");
    assert!(!headers.contains_key("access-control-allow-origin"));
    std::thread::sleep(std::time::Duration::from_millis(200));
    let log = server.log.lock().unwrap();
    let health_lines = log
        .iter()
        .filter(|l| l.starts_with("dyad: GET /api/health 200 "))
        .count();
    assert_eq!(health_lines, 2, "{log:?}");
}

fn events_are_those_of_dyad_query_page_by_page(server: &Server) {
    let cases: [&[(&str, &str)]; 9] = [
        &[],
        &[("all", "true")],
        &[("merged", "true")],
        &[("actor", "RUS")],
        &[("source", "rusmil"), ("target", "UKR")],
        &[("quad", "4"), ("from", "2024-03-11")],
        &[("from", "2024-03-12"), ("to", "2024-03-15")],
        &[("text", "warships OR aid")],
        &[
            ("cameo", "1"),
            ("country", "UKR"),
            ("min_confidence", "0.1"),
        ],
    ];
    for params in cases {
        let expected = server.query(&flags(params).iter().map(String::as_str).collect::<Vec<_>>());
        for page in [2, 1000] {
            let got = all_pages(server, params, page);
            assert_eq!(got, expected, "{params:?}, pages of {page}");
        }
    }
    // the fixture's republished story is one merged event of two mentions
    let merged = server.query(&["--merged"]);
    assert!(
        merged.iter().any(|e| e["mentions"] == 2),
        "a merged event of two mentions"
    );
    let hostile = all_pages(server, &[("text", "alert")], 10);
    assert_eq!(hostile.len(), 2, "{hostile:?}");
    assert!(hostile[0]["sentence"]
        .as_str()
        .unwrap()
        .contains("<script>alert(1)</script>"));
}

fn an_event_comes_with_its_evidence_and_mentions(server: &Server) {
    for record in server.query(&[]) {
        let id = record["event_id"].as_str().unwrap();
        let detail = server.ok(&format!("/api/events/{id}"));
        assert_eq!(detail["event"], record);
        let sentence: Vec<char> = detail["sentence"].as_str().unwrap().chars().collect();
        assert_eq!(detail["sentence"], record["sentence"]);
        let words = |span: &Value| -> String {
            let (a, b) = (span[0].as_u64().unwrap(), span[1].as_u64().unwrap());
            sentence[a as usize..b as usize].iter().collect()
        };
        let evidence = &detail["evidence"];
        assert_eq!(words(&evidence["source"]), record["source"]["text"], "{id}");
        assert_eq!(words(&evidence["target"]), record["target"]["text"], "{id}");
        let trigger = words(&evidence["trigger"]);
        let first_word = record["evidence"]["trigger"]
            .as_str()
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .to_string();
        assert!(trigger.starts_with(&first_word), "{trigger:?} {record}");
        assert_eq!(detail["document"]["id"], record["doc_id"]);
        let mentions = detail["mentions"].as_array().unwrap();
        assert!(mentions.iter().any(|m| m == &record), "{id}");
    }
    // a merged event (its id is its first mention's): its mentions are
    // those its counts say
    let merged = server.query(&["--merged"]);
    let twice = merged.iter().find(|e| e["mentions"] == 2).unwrap();
    let detail = server.ok(&format!(
        "/api/events/{}",
        twice["event_id"].as_str().unwrap()
    ));
    assert_eq!(&detail["merged"], twice);
    let docs: Vec<&Value> = detail["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &m["doc_id"])
        .collect();
    let expected: Vec<&Value> = twice["doc_ids"].as_array().unwrap().iter().collect();
    assert_eq!(docs, expected);
    let negated = server
        .query(&["--all"])
        .into_iter()
        .find(|e| e["factuality"] == "negated")
        .expect("the fixture's negated attack");
    let detail = server.ok(&format!(
        "/api/events/{}",
        negated["event_id"].as_str().unwrap()
    ));
    assert_eq!(detail["merged"], Value::Null);
    assert_eq!(detail["mentions"], json!([negated]));

    let (status, body) = server.get("/api/events/0123456789abcdef");
    assert_eq!(status, 404);
    assert_eq!(body["parameter"], "id");
}

fn series_count_as_count_by(server: &Server) {
    // period, split, filters
    let cases: [(&str, Option<&str>, Params); 5] = [
        ("day", None, &[]),
        ("week", Some("quad"), &[]),
        ("month", Some("dyad"), &[("all", "true")]),
        ("day", Some("source"), &[("actor", "UKR")]),
        ("year", Some("country"), &[("quad", "4")]),
    ];
    for (period, split, params) in cases {
        let count_by = match split {
            Some(s) => format!("{period},{s}"),
            None => period.to_string(),
        };
        let mut args = vec!["--count-by".to_string(), count_by];
        args.extend(flags(params));
        let expected = server.query(&args.iter().map(String::as_str).collect::<Vec<_>>());
        assert!(!expected.is_empty());
        let mut p = params.to_vec();
        p.push(("period", period));
        if let Some(s) = split {
            p.push(("split", s));
        }
        let got = server.ok(&format!("/api/series?{}", query_string(&p)));
        let got = got["rows"].as_array().unwrap();
        assert_eq!(got.len(), expected.len(), "{p:?}");
        for (g, e) in got.iter().zip(&expected) {
            assert_eq!(
                (&g["period"], &g["key"], &g["count"]),
                (&e["period"], &e["key"], &e["count"])
            );
            let mean = g["mean_goldstein"].as_f64().unwrap();
            assert!((mean - e["mean_goldstein"].as_f64().unwrap()).abs() < 5e-4);
        }
    }
}

fn actors_network_and_map_count_the_events(server: &Server) {
    let events = server.query(&[]);
    let code = |e: &Value, role: &str| e[role]["code"].as_str().map(String::from);
    // actors: events per code among sources and targets
    let mut per_actor: BTreeMap<String, u64> = BTreeMap::new();
    let mut dyads: BTreeMap<(String, String), (u64, f64)> = BTreeMap::new();
    let mut countries: BTreeMap<String, u64> = BTreeMap::new();
    for e in &events {
        for role in ["source", "target"] {
            if let Some(c) = code(e, role) {
                *per_actor.entry(c).or_default() += 1;
            }
        }
        if let (Some(s), Some(t)) = (code(e, "source"), code(e, "target")) {
            let d = dyads.entry((s, t)).or_default();
            d.0 += 1;
            d.1 += e["goldstein"].as_f64().unwrap();
        }
        if let Some(c) = e["location"]["country"].as_str() {
            *countries.entry(c.into()).or_default() += 1;
        }
    }
    let actors = server.ok("/api/actors?q=ru&limit=1000");
    let actors = actors["actors"].as_array().unwrap();
    assert!(!actors.is_empty());
    for a in actors {
        let c = a["code"].as_str().unwrap();
        assert_eq!(a["events"], per_actor[c], "{c}");
    }
    let expected_codes: Vec<&String> = per_actor.keys().filter(|c| c.starts_with("RU")).collect();
    let mut got_codes: Vec<&str> = actors.iter().map(|a| a["code"].as_str().unwrap()).collect();
    got_codes.sort();
    assert_eq!(got_codes, expected_codes);
    // by a name seen in the text
    let by_name = server.ok("/api/actors?q=warships");
    assert_eq!(by_name["actors"][0]["code"], "RUSMIL");
    assert!(by_name["actors"][0]["names"]
        .as_array()
        .unwrap()
        .contains(&json!("Russian warships")));

    let network = server.ok("/api/network?limit=1000");
    let edges = network["edges"].as_array().unwrap();
    assert_eq!(edges.len(), dyads.len());
    for e in edges {
        let key = (
            e["source"].as_str().unwrap().to_string(),
            e["target"].as_str().unwrap().to_string(),
        );
        let (n, sum) = dyads[&key];
        assert_eq!(e["events"], n);
        assert!((e["mean_goldstein"].as_f64().unwrap() - sum / n as f64).abs() < 1e-9);
    }
    let top = server.ok("/api/network?limit=1");
    let most = dyads.values().map(|d| d.0).max().unwrap();
    assert_eq!(top["edges"].as_array().unwrap().len(), 1);
    assert_eq!(top["edges"][0]["events"], most);
    assert_eq!(top["nodes"].as_array().unwrap().len(), 2);

    let map = server.ok("/api/map");
    let got: BTreeMap<String, u64> = map["countries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["country"].as_str().unwrap().into(),
                c["events"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, countries);
    assert!(!countries.is_empty());
    for place in map["places"].as_array().unwrap() {
        let here = events
            .iter()
            .filter(|e| {
                e["location"]["name"] == place["name"] && e["location"]["lat"] == place["lat"]
            })
            .count();
        assert_eq!(place["events"], here, "{place}");
    }
}

fn coding_a_text_gives_what_explain_gives(server: &Server) {
    let text = "Chile praised Peru on Monday. Peru denied the report.";
    let (status, body) = server.post(
        "/api/code",
        json!({"text": text, "date": "2024-01-10"})
            .to_string()
            .as_bytes(),
    );
    assert_eq!(status, 200, "{body}");
    let out = dyad()
        .args(["explain", "--json", "--date", "2024-01-10", "--text", text])
        .output()
        .unwrap();
    assert_success(&out);
    let explained = json_lines(&out.stdout);
    assert_eq!(body["sentences"].as_array().unwrap(), &explained);
    let shown: Vec<&Value> = explained
        .iter()
        .flat_map(|s| s["events"].as_array().unwrap())
        .filter(|e| matches!(e["factuality"].as_str(), Some("asserted" | "intended")))
        .collect();
    assert!(!shown.is_empty());
    assert_eq!(
        body["events"]
            .as_array()
            .unwrap()
            .iter()
            .collect::<Vec<_>>(),
        shown
    );

    let (status, body) = server.post("/api/code", b"{\"text\": 3}");
    assert_eq!((status, &body["parameter"]), (400, &json!("body")));
    let (status, body) = server.post("/api/code", b"{\"text\": \"x\", \"date\": \"May\"}");
    assert_eq!((status, &body["parameter"]), (400, &json!("date")));
    let big = json!({"text": "Chile praised Peru. ".repeat(14_000)}).to_string();
    assert!(big.len() > dyad_serve::BODY_LIMIT);
    let (status, _) = server.post("/api/code", big.as_bytes());
    assert_eq!(status, 413);
}

fn bad_parameters_get_a_400_naming_them(server: &Server) {
    let cases = [
        ("/api/events?quad=9", "quad"),
        ("/api/events?quad=four", "quad"),
        ("/api/events?from=2024-13-01", "from"),
        ("/api/events?to=yesterday", "to"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=1001", "limit"),
        ("/api/events?cursor=nowhere", "cursor"),
        ("/api/events?merged=true&all=true", "merged"),
        ("/api/events?merged=perhaps", "merged"),
        ("/api/events?source=R%20S", "source"),
        ("/api/events?text=%22unbalanced", "text"),
        ("/api/events?min_confidence=high", "min_confidence"),
        ("/api/events?colour=red", "colour"),
        ("/api/events?actor=RUS&actor=UKR", "actor"),
        ("/api/series?period=fortnight", "period"),
        ("/api/series?split=mood", "split"),
        ("/api/actors?limit=-1", "limit"),
        ("/api/network?country=U.K.", "country"),
        ("/api/map?all=yes", "all"),
    ];
    for (path, parameter) in cases {
        let (status, body) = server.get(path);
        assert_eq!(status, 400, "{path}: {body}");
        assert_eq!(body["parameter"], parameter, "{path}: {body}");
        assert!(
            body["error"].as_str().unwrap().starts_with(parameter),
            "{body}"
        );
    }
}

fn the_openapi_document_lists_every_endpoint(server: &Server) {
    let doc = server.ok("/api/openapi.json");
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3."),
        "{}",
        doc["openapi"]
    );
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    let paths = doc["paths"].as_object().unwrap();
    assert_eq!(paths.len(), ENDPOINTS.len(), "{:?}", paths.keys());
    for (method, path) in ENDPOINTS {
        let operation = &paths[path][method];
        assert!(operation["responses"]["200"].is_object(), "{method} {path}");
    }
    // every parameter of dyad query's filters, in snake_case
    let params: Vec<&str> = paths["/api/events"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in [
        "source",
        "quad",
        "from",
        "min_confidence",
        "all",
        "merged",
        "limit",
        "cursor",
    ] {
        assert!(params.contains(&name), "{name} in {params:?}");
    }
    // references resolve
    let text = doc.to_string();
    for reference in text.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let name = reference.split('"').next().unwrap();
        assert!(doc["components"]["schemas"][name].is_object(), "{name}");
    }
    let (status, _, page) = server.get_raw("/api/docs/");
    assert_eq!(status, 200);
    assert!(page.contains("swagger"), "{page}");
}

fn the_explorer_is_served_from_the_binary_only(server: &Server) {
    let (status, headers, page) = server.get_raw("/");
    assert_eq!(status, 200);
    assert!(page.contains("/assets/explorer.js"));
    let policy = headers["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("script-src 'self'"), "{policy}");
    for asset in [
        "explorer.js",
        "explorer.css",
        "vendor/uplot.min.js",
        "vendor/countries-110m.json",
    ] {
        let (status, _, body) = server.get_raw(&format!("/assets/{asset}"));
        assert_eq!(status, 200, "{asset}");
        assert!(!body.is_empty());
    }
    for outside in [
        "/assets/../Cargo.toml",
        "/assets/%2e%2e/%2e%2e/Cargo.toml",
        "/assets/vendor/../../src/lib.rs",
        "/assets//etc/passwd",
        "/Cargo.toml",
    ] {
        let (status, _, _) = server.get_raw(outside);
        assert_eq!(status, 404, "{outside}");
    }
}

#[test]
fn cors_is_allowed_for_the_origin_given_only() {
    let dir = tempfile::tempdir().unwrap();
    let store = fixture_store(dir.path());
    let server = Server::start(&store, &["--cors", "https://analysis.example"]);
    let response = server
        .agent
        .get(format!("{}/api/health", server.base))
        .header("origin", "https://analysis.example")
        .call()
        .unwrap();
    assert_eq!(
        response.headers()["access-control-allow-origin"],
        "https://analysis.example"
    );
    // another origin is not the one allowed
    let response = server
        .agent
        .get(format!("{}/api/health", server.base))
        .header("origin", "https://elsewhere.example")
        .call()
        .unwrap();
    assert_ne!(
        response
            .headers()
            .get("access-control-allow-origin")
            .map(|v| v.to_str().unwrap()),
        Some("https://elsewhere.example")
    );
}
