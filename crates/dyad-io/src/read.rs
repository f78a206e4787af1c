//! Readers: `.txt` files, `.jsonl` files, folders and JSON Lines on stdin.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dyad_core::{Document, Metadata, Origin};
use serde::Deserialize;

/// One command-line input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    /// JSON Lines on standard input.
    Stdin,
}

impl Input {
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The input was used, with a caveat (e.g. invalid UTF-8 replaced).
    Warning,
    /// The input (a file or one record) was skipped.
    Skipped,
}

/// Something wrong with one input, named by file and line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
    pub severity: Severity,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.file, l, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// A JSON Lines record.
#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    title: Option<String>,
    published: Option<String>,
    date: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// Reads documents from inputs, in order, reporting problems as it goes.
pub struct Reader {
    /// Publication date for documents that carry none.
    pub default_date: NaiveDate,
    pub problems: Vec<Problem>,
    /// Documents that lacked a date and got `default_date`.
    pub undated: usize,
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

impl Reader {
    pub fn new(default_date: NaiveDate) -> Self {
        Reader { default_date, problems: Vec::new(), undated: 0 }
    }

    fn problem(&mut self, file: &str, line: Option<usize>, message: impl Into<String>, severity: Severity) {
        self.problems.push(Problem { file: file.to_string(), line, message: message.into(), severity });
    }

    /// Every document of the inputs, in input order (folders in sorted order).
    pub fn read_all(&mut self, inputs: &[Input]) -> Vec<Document> {
        let mut docs = Vec::new();
        for input in inputs {
            match input {
                Input::Stdin => {
                    let mut bytes = Vec::new();
                    match std::io::stdin().lock().read_to_end(&mut bytes) {
                        Ok(_) => self.jsonl("<stdin>", "<stdin>", &bytes, &mut docs),
                        Err(e) => self.problem("<stdin>", None, format!("cannot read: {e}"), Severity::Skipped),
                    }
                }
                Input::Path(path) if path.is_dir() => self.folder(path, &mut docs),
                Input::Path(path) => {
                    let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                    let name = path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                    self.file(path, &id, &name, &mut docs);
                }
            }
        }
        docs
    }

    fn folder(&mut self, dir: &Path, docs: &mut Vec<Document>) {
        let walk = walkdir::WalkDir::new(dir).sort_by_file_name();
        for entry in walk {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let file = e.path().unwrap_or(dir).display().to_string();
                    self.problem(&file, None, format!("cannot read: {e}"), Severity::Skipped);
                    continue;
                }
            };
            let path = entry.path();
            if !entry.file_type().is_file() || !is_supported(path) {
                continue;
            }
            let rel = path.strip_prefix(dir).unwrap_or(path);
            let rel_name: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
            let rel_name = rel_name.join("/");
            let id = rel_name.rsplit_once('.').map_or(rel_name.as_str(), |(stem, _)| stem).to_string();
            self.file(path, &id, &rel_name, docs);
        }
    }

    /// One file; `id` is the document id of a text file, `name` the file's
    /// name as messages and `FILE:LINE` ids show it.
    fn file(&mut self, path: &Path, id: &str, name: &str, docs: &mut Vec<Document>) {
        let shown = path.display().to_string();
        if !is_supported(path) {
            self.problem(&shown, None, "unsupported file type (expected .txt or .jsonl)", Severity::Skipped);
            return;
        }
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                self.problem(&shown, None, format!("cannot read: {e}"), Severity::Skipped);
                return;
            }
        };
        if path.extension().is_some_and(|e| e == "jsonl") {
            self.jsonl(&shown, name, &bytes, docs);
        } else {
            let text = self.decode(&shown, None, &bytes);
            let meta = Metadata {
                published: Some(self.default_date),
                origin: Origin { file: shown, line: None },
                ..Default::default()
            };
            self.undated += 1;
            docs.push(Document::new(id, text, meta));
        }
    }

    fn decode(&mut self, file: &str, line: Option<usize>, bytes: &[u8]) -> String {
        match String::from_utf8_lossy(bytes) {
            std::borrow::Cow::Borrowed(s) => s.to_string(),
            std::borrow::Cow::Owned(s) => {
                self.problem(file, line, "invalid UTF-8 replaced with U+FFFD", Severity::Warning);
                s
            }
        }
    }

    fn jsonl(&mut self, shown: &str, name: &str, bytes: &[u8], docs: &mut Vec<Document>) {
        for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
            let n = i + 1;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let line = self.decode(shown, Some(n), line);
            let record: Record = match serde_json::from_str(&line) {
                Ok(r) => r,
                Err(e) => {
                    self.problem(shown, Some(n), format!("malformed JSON line skipped: {e}"), Severity::Skipped);
                    continue;
                }
            };
            let Some(text) = record.text else {
                self.problem(shown, Some(n), "record has no `text` field; skipped", Severity::Skipped);
                continue;
            };
            let id = match record.id {
                Some(serde_json::Value::String(s)) => s,
                Some(serde_json::Value::Null) | None => format!("{name}:{n}"),
                Some(other) => other.to_string(),
            };
            let given = record.published.or(record.date);
            let published = match given.as_deref().map(|d| (d, parse_date(d))) {
                Some((_, Some(d))) => d,
                Some((d, None)) => {
                    let msg = format!("unreadable date `{d}`; using {}", self.default_date);
                    self.problem(shown, Some(n), msg, Severity::Warning);
                    self.undated += 1;
                    self.default_date
                }
                None => {
                    self.undated += 1;
                    self.default_date
                }
            };
            let meta = Metadata {
                title: record.title,
                published: Some(published),
                url: record.url,
                source: record.source,
                origin: Origin { file: shown.to_string(), line: Some(n) },
            };
            docs.push(Document::new(id, text, meta));
        }
    }
}

fn is_supported(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("txt" | "jsonl"))
}
