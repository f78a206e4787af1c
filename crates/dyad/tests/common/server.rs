//! `dyad serve` for the tests: a store of the documents written for them
//! (tests/fixtures/serve/) and the server on it at a free loopback port.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};

use serde_json::Value;

use super::{assert_success, dyad, json_lines};

/// A running `dyad serve`, stopped when dropped; its log lines collected.
pub struct Server {
    child: Child,
    pub base: String,
    pub log: Arc<Mutex<Vec<String>>>,
    pub agent: ureq::Agent,
    store: String,
}

impl Server {
    pub fn start(store: &str, extra: &[&str]) -> Server {
        let mut child = dyad()
            .args(["serve", "--store", store, "--addr", "127.0.0.1:0"])
            .args(extra)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let base = loop {
            let line = lines
                .next()
                .expect("dyad serve says where it listens")
                .unwrap();
            if let Some(addr) = line.strip_prefix("dyad: serving ") {
                break addr.to_string();
            }
        };
        assert!(base.starts_with("http://127.0.0.1:"), "{base}");
        let log = Arc::new(Mutex::new(Vec::new()));
        let kept = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in lines.map_while(Result::ok) {
                kept.lock().unwrap().push(line);
            }
        });
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        Server {
            child,
            base,
            log,
            agent,
            store: store.into(),
        }
    }

    /// Status, headers and body of a GET.
    pub fn get_raw(&self, path: &str) -> (u16, ureq::http::HeaderMap, String) {
        let mut response = self
            .agent
            .get(format!("{}{path}", self.base))
            .call()
            .unwrap();
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        (
            status,
            headers,
            response.body_mut().read_to_string().unwrap(),
        )
    }

    /// Status and JSON body of a GET.
    pub fn get(&self, path: &str) -> (u16, Value) {
        let (status, _, body) = self.get_raw(path);
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }

    /// The JSON of a GET that must succeed.
    pub fn ok(&self, path: &str) -> Value {
        let (status, body) = self.get(path);
        assert_eq!(status, 200, "{path}: {body}");
        body
    }

    pub fn post(&self, path: &str, body: &[u8]) -> (u16, Value) {
        let mut response = self
            .agent
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .send(body)
            .unwrap();
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_string().unwrap();
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    }

    /// `dyad query` on the same store with flags.
    pub fn query(&self, flags: &[&str]) -> Vec<Value> {
        let out = dyad()
            .args(["query", "--store", &self.store, "--format", "jsonl"])
            .args(flags)
            .output()
            .unwrap();
        assert_success(&out);
        json_lines(&out.stdout)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The store of the fixture documents.
pub fn fixture_store(dir: &Path) -> String {
    let store = dir.join("serve.db").to_str().unwrap().to_string();
    let out = dyad()
        .args([
            "ingest",
            "--store",
            &store,
            "tests/fixtures/serve/docs.jsonl",
        ])
        .output()
        .unwrap();
    assert_success(&out);
    store
}
