//! Readers: text, JSON Lines and HTML files (each possibly gzipped), folders
//! and JSON Lines on stdin, read as a stream of documents.
//!
//! [`Documents`] yields one document at a time: a text or HTML file whole,
//! a JSON Lines file or stdin line by line, a folder file by file. Memory
//! thus holds the largest document (or line), never the batch.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
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

/// What [`Documents`] yields: the next document, or a problem with an
/// input, in input order (a warning comes before the document it concerns).
#[derive(Debug)]
pub enum Reading {
    Document(Box<Document>),
    Problem(Problem),
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

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// An input being read: a JSON Lines stream, line by line, or a folder,
/// file by file.
enum Source {
    Lines(Lines),
    Folder {
        dir: PathBuf,
        walk: walkdir::IntoIter,
    },
}

/// A JSON Lines stream: where it comes from, and the line read last.
struct Lines {
    /// The file as messages show it.
    shown: String,
    /// The file's name as ids of records without one show it.
    name: String,
    stream: Box<dyn BufRead>,
    /// The 1-based number of the line read last.
    line: usize,
    buffer: Vec<u8>,
}

/// The documents of the command line's inputs, one at a time, in input
/// order (folders in sorted order), with the problems met on the way.
pub struct Documents {
    inputs: std::vec::IntoIter<Input>,
    /// The inputs being read, innermost last: a folder, then one of its files.
    open: Vec<Source>,
    /// What was read but not yet yielded.
    ready: VecDeque<Reading>,
    /// Publication date for documents that carry none; without one they stay
    /// undated.
    default_date: Option<NaiveDate>,
    /// Documents read that carried no publication date of their own.
    pub undated: usize,
}

impl Documents {
    pub fn new(inputs: Vec<Input>, default_date: Option<NaiveDate>) -> Self {
        Documents {
            inputs: inputs.into_iter(),
            open: Vec::new(),
            ready: VecDeque::new(),
            default_date,
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
        self.ready.push_back(Reading::Problem(Problem {
            file: file.to_string(),
            line,
            message: message.into(),
            severity,
        }));
    }

    fn document(&mut self, id: impl Into<String>, text: String, mut meta: Metadata) {
        if meta.published.is_none() {
            self.undated += 1;
            meta.published = self.default_date;
        }
        self.ready
            .push_back(Reading::Document(Box::new(Document::new(id, text, meta))));
    }

    /// Reads on until something is ready or every input is read; returns
    /// whether anything is.
    fn read_more(&mut self) -> bool {
        while self.ready.is_empty() {
            match self.open.pop() {
                Some(Source::Lines(mut lines)) => {
                    if self.next_line(&mut lines) {
                        self.open.push(Source::Lines(lines));
                    }
                }
                Some(Source::Folder { dir, mut walk }) => {
                    if let Some(entry) = walk.next() {
                        self.open.push(Source::Folder {
                            dir: dir.clone(),
                            walk,
                        });
                        self.folder_entry(&dir, entry);
                    }
                }
                None => match self.inputs.next() {
                    Some(input) => self.open_input(input),
                    None => return false,
                },
            }
        }
        true
    }

    fn open_input(&mut self, input: Input) {
        match input {
            Input::Stdin => self.open.push(Source::Lines(Lines {
                shown: "<stdin>".into(),
                name: "<stdin>".into(),
                stream: Box::new(std::io::stdin().lock()),
                line: 0,
                buffer: Vec::new(),
            })),
            // Symbolic links are followed; a link back to a folder above
            // it is a loop, which walkdir reports instead of entering.
            Input::Path(path) if path.is_dir() => self.open.push(Source::Folder {
                walk: walkdir::WalkDir::new(&path)
                    .follow_links(true)
                    .sort_by_file_name()
                    .into_iter(),
                dir: path,
            }),
            Input::Path(path) => {
                let name = path
                    .file_name()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                self.file(&path, &name);
            }
        }
    }

    fn folder_entry(&mut self, dir: &Path, entry: walkdir::Result<walkdir::DirEntry>) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let file = e.path().unwrap_or(dir).display().to_string();
                self.problem(&file, None, format!("cannot read: {e}"), Severity::Skipped);
                return;
            }
        };
        let path = entry.path();
        if !entry.file_type().is_file() {
            return;
        }
        if parse_file_name(&path.to_string_lossy()).is_none() {
            // Counted among the skipped inputs, not silently passed over.
            self.unsupported(&path.display().to_string());
            return;
        }
        let rel = path.strip_prefix(dir).unwrap_or(path);
        let rel_name: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        self.file(path, &rel_name.join("/"));
    }

    /// One file; `name` is the file's name as `FILE:LINE` ids show it, and
    /// without its extensions the id of a text or HTML document. A JSON
    /// Lines file is opened, to be read line by line; the others are read
    /// whole.
    fn file(&mut self, path: &Path, name: &str) {
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
        let opened = File::open(path).map(|file| -> Box<dyn Read> {
            if gzipped {
                Box::new(MultiGzDecoder::new(BufReader::new(file)))
            } else {
                Box::new(file)
            }
        });
        let mut stream = match opened {
            Ok(s) => s,
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
            FileKind::JsonLines => self.open.push(Source::Lines(Lines {
                shown,
                name: name.to_string(),
                stream: Box::new(BufReader::new(stream)),
                line: 0,
                buffer: Vec::new(),
            })),
            FileKind::Text => {
                if let Some(mut bytes) = self.whole(&shown, &mut stream) {
                    if without_bom(&bytes).len() < bytes.len() {
                        bytes.drain(..3);
                    }
                    let text = self.decode(&shown, None, bytes);
                    let meta = Metadata {
                        origin,
                        ..Default::default()
                    };
                    self.document(id, text, meta);
                }
            }
            FileKind::Html => {
                if let Some(bytes) = self.whole(&shown, &mut stream) {
                    match extract_page(&bytes) {
                        Ok(page) => self.page_document(id.to_string(), page, origin),
                        Err(e) => self.problem(&shown, None, e, Severity::Skipped),
                    }
                }
            }
        }
    }

    /// The whole of a file's stream; `None`, reported, when it cannot be read.
    fn whole(&mut self, shown: &str, stream: &mut dyn Read) -> Option<Vec<u8>> {
        let mut bytes = Vec::new();
        match stream.read_to_end(&mut bytes) {
            Ok(_) => Some(bytes),
            Err(e) => {
                self.problem(shown, None, format!("cannot read: {e}"), Severity::Skipped);
                None
            }
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

    fn page_document(&mut self, id: String, page: Page, origin: Origin) {
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
        let meta = Metadata {
            title,
            published,
            url,
            source,
            origin,
        };
        self.document(id, text, meta);
    }

    /// The bytes as text (taken as they are when they are UTF-8, so that a
    /// long text is never held twice).
    fn decode(&mut self, file: &str, line: Option<usize>, bytes: Vec<u8>) -> String {
        match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                self.problem(
                    file,
                    line,
                    "invalid UTF-8 replaced with U+FFFD",
                    Severity::Warning,
                );
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        }
    }

    /// Reads the stream's next line and the record on it; returns whether
    /// the stream may hold more.
    fn next_line(&mut self, lines: &mut Lines) -> bool {
        lines.buffer.clear();
        match lines.stream.read_until(b'\n', &mut lines.buffer) {
            Ok(0) => return false,
            Ok(_) => lines.line += 1,
            Err(e) => {
                let message = format!("cannot read further: {e}");
                self.problem(
                    &lines.shown,
                    Some(lines.line + 1),
                    message,
                    Severity::Skipped,
                );
                return false;
            }
        }
        let mut bytes = lines.buffer.as_slice();
        if lines.line == 1 {
            bytes = without_bom(bytes);
        }
        let bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        if !bytes.iter().all(u8::is_ascii_whitespace) {
            self.record(&lines.shown, &lines.name, lines.line, bytes);
        }
        // A long line's buffer is not kept for the short ones after it.
        if lines.buffer.capacity() > 1 << 20 {
            lines.buffer = Vec::new();
        }
        true
    }

    /// The document of one JSON Lines record: line `n` of the file `shown`.
    fn record(&mut self, shown: &str, name: &str, n: usize, line: &[u8]) {
        let line = self.decode(shown, Some(n), line.to_vec());
        let record: Record = match serde_json::from_str(&line) {
            Ok(r) => r,
            Err(e) => {
                self.problem(
                    shown,
                    Some(n),
                    format!("malformed JSON line skipped: {e}"),
                    Severity::Skipped,
                );
                return;
            }
        };
        drop(line);
        let page = match (&record.text, &record.html) {
            (Some(_), _) => None,
            (None, Some(html)) => match extract_page(html.as_bytes()) {
                Ok(page) => Some(page),
                Err(e) => {
                    self.problem(shown, Some(n), format!("{e}; skipped"), Severity::Skipped);
                    return;
                }
            },
            (None, None) => {
                self.problem(
                    shown,
                    Some(n),
                    "record has no `text` or `html` field; skipped",
                    Severity::Skipped,
                );
                return;
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
                let msg = match self.default_date {
                    Some(default) => format!("unreadable date `{d}`; using {default}"),
                    None => format!("unreadable date `{d}`; the document is undated"),
                };
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
        for change in page.reshaped {
            self.problem(shown, Some(n), change, Severity::Warning);
        }
        let meta = Metadata {
            title: record.title.or(page.title),
            published: published.or(page.published),
            url: record.url.or(page.url),
            source: record.source.or(page.source),
            origin,
        };
        self.document(id, record.text.unwrap_or(page.text), meta);
    }
}

impl Iterator for Documents {
    type Item = Reading;

    fn next(&mut self) -> Option<Reading> {
        if self.read_more() {
            self.ready.pop_front()
        } else {
            None
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
