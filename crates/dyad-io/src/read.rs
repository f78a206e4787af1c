//! Readers: text, JSON Lines and HTML files (each possibly gzipped), folders
//! and JSON Lines on stdin.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dyad_core::{Document, Metadata, Origin};
use flate2::read::MultiGzDecoder;
use serde::Deserialize;

use crate::html::{extract_page, Page};

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

/// A JSON Lines record: `text`, or a web page's `html` to extract it from.
#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
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
        Reader {
            default_date,
            problems: Vec::new(),
            undated: 0,
        }
    }

    fn problem(
        &mut self,
        file: &str,
        line: Option<usize>,
        message: impl Into<String>,
        severity: Severity,
    ) {
        self.problems.push(Problem {
            file: file.to_string(),
            line,
            message: message.into(),
            severity,
        });
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
                        Err(e) => self.problem(
                            "<stdin>",
                            None,
                            format!("cannot read: {e}"),
                            Severity::Skipped,
                        ),
                    }
                }
                Input::Path(path) if path.is_dir() => self.folder(path, &mut docs),
                Input::Path(path) => {
                    let name = path
                        .file_name()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    self.file(path, &name, &mut docs);
                }
            }
        }
        docs
    }

    fn folder(&mut self, dir: &Path, docs: &mut Vec<Document>) {
        // Symbolic links are followed; a link back to a folder above it is
        // a loop, which walkdir reports instead of entering.
        let walk = walkdir::WalkDir::new(dir)
            .follow_links(true)
            .sort_by_file_name();
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
            if !entry.file_type().is_file() {
                continue;
            }
            if parse_file_name(&path.to_string_lossy()).is_none() {
                // Counted among the skipped inputs, not silently passed over.
                self.unsupported(&path.display().to_string());
                continue;
            }
            let rel = path.strip_prefix(dir).unwrap_or(path);
            let rel_name: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            self.file(path, &rel_name.join("/"), docs);
        }
    }

    /// One file; `name` is the file's name as `FILE:LINE` ids show it, and
    /// without its extensions the id of a text or HTML document.
    fn file(&mut self, path: &Path, name: &str, docs: &mut Vec<Document>) {
        let shown = path.display().to_string();
        let Some(FileName {
            kind,
            gzipped,
            stem: id,
        }) = parse_file_name(name)
        else {
            self.unsupported(&shown);
            return;
        };
        let bytes = match read_file(path, gzipped) {
            Ok(b) => b,
            Err(e) => {
                self.problem(&shown, None, format!("cannot read: {e}"), Severity::Skipped);
                return;
            }
        };
        let origin = Origin {
            file: shown.clone(),
            line: None,
        };
        match kind {
            FileKind::JsonLines => self.jsonl(&shown, name, &bytes, docs),
            FileKind::Text => {
                let text = self.decode(&shown, None, without_bom(&bytes));
                docs.push(Document::new(
                    id,
                    text,
                    self.metadata(Metadata {
                        origin,
                        ..Default::default()
                    }),
                ));
            }
            FileKind::Html => match extract_page(&bytes) {
                Ok(page) => docs.push(self.page_document(id.to_string(), page, origin)),
                Err(e) => self.problem(&shown, None, e, Severity::Skipped),
            },
        }
    }

    fn unsupported(&mut self, shown: &str) {
        let expected = "expected .txt, .jsonl, .ndjson, .json, .html or .htm, possibly gzipped";
        self.problem(
            shown,
            None,
            format!("unsupported file type ({expected})"),
            Severity::Skipped,
        );
    }

    /// The metadata as given, dated with the default date if it has none.
    fn metadata(&mut self, mut meta: Metadata) -> Metadata {
        if meta.published.is_none() {
            self.undated += 1;
            meta.published = Some(self.default_date);
        }
        meta
    }

    fn page_document(&mut self, id: String, page: Page, origin: Origin) -> Document {
        let Page {
            text,
            title,
            published,
            url,
            source,
            reshaped,
        } = page;
        for change in reshaped {
            self.problem(&origin.file, origin.line, change, Severity::Warning);
        }
        let meta = self.metadata(Metadata {
            title,
            published,
            url,
            source,
            origin,
        });
        Document::new(id, text, meta)
    }

    fn decode(&mut self, file: &str, line: Option<usize>, bytes: &[u8]) -> String {
        match String::from_utf8_lossy(bytes) {
            std::borrow::Cow::Borrowed(s) => s.to_string(),
            std::borrow::Cow::Owned(s) => {
                self.problem(
                    file,
                    line,
                    "invalid UTF-8 replaced with U+FFFD",
                    Severity::Warning,
                );
                s
            }
        }
    }

    fn jsonl(&mut self, shown: &str, name: &str, bytes: &[u8], docs: &mut Vec<Document>) {
        for (i, line) in without_bom(bytes).split(|&b| b == b'\n').enumerate() {
            let n = i + 1;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let line = self.decode(shown, Some(n), line);
            let record: Record = match serde_json::from_str(&line) {
                Ok(r) => r,
                Err(e) => {
                    self.problem(
                        shown,
                        Some(n),
                        format!("malformed JSON line skipped: {e}"),
                        Severity::Skipped,
                    );
                    continue;
                }
            };
            let page = match (&record.text, &record.html) {
                (Some(_), _) => None,
                (None, Some(html)) => match extract_page(html.as_bytes()) {
                    Ok(page) => Some(page),
                    Err(e) => {
                        self.problem(shown, Some(n), format!("{e}; skipped"), Severity::Skipped);
                        continue;
                    }
                },
                (None, None) => {
                    self.problem(
                        shown,
                        Some(n),
                        "record has no `text` or `html` field; skipped",
                        Severity::Skipped,
                    );
                    continue;
                }
            };
            let id = match record.id {
                Some(serde_json::Value::String(s)) => s,
                Some(serde_json::Value::Null) | None => format!("{name}:{n}"),
                Some(other) => other.to_string(),
            };
            let given = record.published.or(record.date);
            let published = match given.as_deref().map(|d| (d, parse_date(d))) {
                Some((_, Some(d))) => Some(d),
                Some((d, None)) => {
                    let msg = format!("unreadable date `{d}`; using {}", self.default_date);
                    self.problem(shown, Some(n), msg, Severity::Warning);
                    None
                }
                None => None,
            };
            let origin = Origin {
                file: shown.to_string(),
                line: Some(n),
            };
            // The record's own fields win over what the page's metadata says.
            let page = page.unwrap_or_default();
            let meta = self.metadata(Metadata {
                title: record.title.or(page.title),
                published: published.or(page.published),
                url: record.url.or(page.url),
                source: record.source.or(page.source),
                origin,
            });
            docs.push(Document::new(id, record.text.unwrap_or(page.text), meta));
        }
    }
}

/// The kinds of file dyad reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FileKind {
    /// `.txt`: one document.
    Text,
    /// `.jsonl`, `.ndjson`, `.json`: one document a line.
    JsonLines,
    /// `.html`, `.htm`: one web page.
    Html,
}

/// What a file's name says: its kind, whether it is gzipped (`.gz`), and
/// the name without those extensions.
struct FileName<'a> {
    kind: FileKind,
    gzipped: bool,
    stem: &'a str,
}

fn parse_file_name(name: &str) -> Option<FileName<'_>> {
    // Extensions in any case: `.TXT`, `.Html.GZ`.
    let (name, gzipped) = match name.rsplit_once('.') {
        Some((n, gz)) if gz.eq_ignore_ascii_case("gz") => (n, true),
        _ => (name, false),
    };
    let (stem, extension) = name.rsplit_once('.')?;
    let kind = match extension.to_ascii_lowercase().as_str() {
        "txt" => FileKind::Text,
        "jsonl" | "ndjson" | "json" => FileKind::JsonLines,
        "html" | "htm" => FileKind::Html,
        _ => return None,
    };
    Some(FileName {
        kind,
        gzipped,
        stem,
    })
}

/// The bytes without a leading UTF-8 byte-order mark, which is no text.
fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn read_file(path: &Path, gzipped: bool) -> std::io::Result<Vec<u8>> {
    let bytes = fs::read(path)?;
    if !gzipped {
        return Ok(bytes);
    }
    let mut out = Vec::new();
    MultiGzDecoder::new(bytes.as_slice()).read_to_end(&mut out)?;
    Ok(out)
}
