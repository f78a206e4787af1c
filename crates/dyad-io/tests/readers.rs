//! The readers on files written by the tests: ids, dates, and every error path.

use std::fs;

use chrono::NaiveDate;
use dyad_core::Document;
use dyad_io::{Documents, Input, Problem, Reading, Severity};

fn default_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 5, 14).unwrap()
}

/// What reading some inputs yielded besides the documents.
#[derive(Default)]
struct Read {
    problems: Vec<Problem>,
    undated: usize,
}

impl Read {
    /// The documents of the inputs, undated ones dated `default_date()`.
    fn read_all(&mut self, inputs: &[Input]) -> Vec<Document> {
        self.read_dated(inputs, Some(default_date()))
    }

    fn read_dated(&mut self, inputs: &[Input], date: Option<NaiveDate>) -> Vec<Document> {
        let mut stream = Documents::new(inputs.to_vec(), date);
        let mut docs = Vec::new();
        for reading in stream.by_ref() {
            match reading {
                Reading::Document(d) => docs.push(*d),
                Reading::Problem(p) => self.problems.push(p),
            }
        }
        self.undated += stream.undated;
        docs
    }
}

#[test]
fn folder_ids_are_relative_paths_without_extension_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("a")).unwrap();
    fs::write(
        dir.path().join("good.txt"),
        "Kenya and Uganda signed a deal.",
    )
    .unwrap();
    fs::write(dir.path().join("a/x.txt"), "Talks resumed.").unwrap();
    fs::write(dir.path().join("notes.md"), "ignored").unwrap();
    let mut r = Read::default();
    let docs = r.read_all(&[Input::Path(dir.path().to_path_buf())]);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a/x", "good"]);
    assert_eq!(docs[1].text, "Kenya and Uganda signed a deal.");
    assert_eq!(docs[1].meta.published, Some(default_date()));
    // Other files are passed over, but counted as skipped.
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    assert_eq!(r.problems[0].severity, Severity::Skipped);
    assert!(r.problems[0]
        .to_string()
        .contains("notes.md: unsupported file type"));
}

#[test]
fn a_file_given_directly_is_named_by_its_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("good.txt");
    fs::write(&path, "Text.").unwrap();
    let docs = Read::default().read_all(&[Input::Path(path)]);
    assert_eq!(docs[0].id, "good");
}

#[test]
fn json_lines_with_fields_dates_and_missing_ids() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl");
    fs::write(
        &path,
        concat!(
            r#"{"id": "a1", "text": "Iran protested.", "title": "T", "published": "2018-11-25T10:00:00Z", "url": "u", "source": "Wire"}"#, "\n",
            "\n",
            r#"{"text": "No id here.", "date": "2017-01-02"}"#, "\n",
            r#"{"id": 7, "text": "Numeric id."}"#, "\n",
        ),
    )
    .unwrap();
    let mut r = Read::default();
    let docs = r.read_all(&[Input::Path(path)]);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0].id, "a1");
    assert_eq!(
        docs[0].meta.published,
        NaiveDate::from_ymd_opt(2018, 11, 25)
    );
    assert_eq!(docs[0].meta.source.as_deref(), Some("Wire"));
    assert_eq!(docs[1].id, "feed.jsonl:3");
    assert_eq!(docs[1].meta.published, NaiveDate::from_ymd_opt(2017, 1, 2));
    assert_eq!(docs[2].id, "7");
    assert_eq!(docs[2].meta.published, Some(default_date()));
    assert_eq!(r.undated, 1);
}

#[test]
fn malformed_lines_are_skipped_and_named_by_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.jsonl");
    fs::write(&path, "{\"id\": \"ok\", \"text\": \"Fine.\"}\n{\"id\": \"bad\", \"text\": \n{\"id\": \"notext\"}\n{\"id\": \"ok2\", \"text\": \"Also fine.\"}\n").unwrap();
    let mut r = Read::default();
    let docs = r.read_all(&[Input::Path(path)]);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["ok", "ok2"]);
    assert_eq!(r.problems.len(), 2);
    assert!(
        r.problems[0]
            .to_string()
            .contains("mixed.jsonl:2: malformed JSON"),
        "{}",
        r.problems[0]
    );
    assert!(
        r.problems[1]
            .to_string()
            .contains("mixed.jsonl:3: record has no `text`"),
        "{}",
        r.problems[1]
    );
    assert!(r.problems.iter().all(|p| p.severity == Severity::Skipped));
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.txt");
    fs::write(&path, b"Caf\xe9 owners protested in Paris.").unwrap();
    let mut r = Read::default();
    let docs = r.read_all(&[Input::Path(path)]);
    assert_eq!(docs[0].text, "Caf\u{fffd} owners protested in Paris.");
    assert_eq!(r.problems.len(), 1);
    assert_eq!(r.problems[0].severity, Severity::Warning);
    assert!(r.problems[0]
        .to_string()
        .contains("latin1.txt: invalid UTF-8"));
}

#[test]
fn unreadable_and_unsupported_files_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let mut r = Read::default();
    let docs = r.read_all(&[
        Input::Path(dir.path().join("missing.txt")),
        Input::Path(dir.path().join("page.pdf")),
    ]);
    assert!(docs.is_empty());
    assert_eq!(r.problems.len(), 2);
    assert!(r.problems[0]
        .to_string()
        .contains("missing.txt: cannot read"));
    assert!(r.problems[1].to_string().contains("unsupported file type"));
}

const PAGE: &str = include_str!("pages/talks.html");

fn gzipped(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

#[test]
fn html_pages_plain_or_gzipped_give_their_article_and_metadata() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("one.html"), PAGE).unwrap();
    fs::write(dir.path().join("two.htm.gz"), gzipped(PAGE.as_bytes())).unwrap();
    let mut r = Read::default();
    let docs = r.read_all(&[
        Input::Path(dir.path().to_path_buf()),
        Input::Path(dir.path().join("one.html")),
    ]);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["one", "two", "one"]);
    for doc in &docs {
        assert!(
            doc.text.starts_with("Uganda and Kenya agreed"),
            "{}",
            doc.text
        );
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("Talks resume on lake dispute")
        );
        assert_eq!(doc.meta.published, NaiveDate::from_ymd_opt(2019, 5, 13));
        assert_eq!(doc.meta.source.as_deref(), Some("Dyad Wire"));
    }
    assert_eq!(r.undated, 0);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
}

#[test]
fn json_lines_records_may_carry_html_and_their_own_fields_win() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.jsonl");
    let record = serde_json::json!({"id": "p1", "html": PAGE, "source": "Crawler"});
    fs::write(&path, format!("{record}\n")).unwrap();
    let docs = Read::default().read_all(&[Input::Path(path)]);
    assert!(
        docs[0].text.starts_with("Uganda and Kenya agreed"),
        "{}",
        docs[0].text
    );
    assert_eq!(
        docs[0].meta.title.as_deref(),
        Some("Talks resume on lake dispute")
    );
    assert_eq!(docs[0].meta.source.as_deref(), Some("Crawler"));
}

#[test]
fn a_byte_order_mark_is_dropped_from_text_and_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bom.txt"),
        "\u{feff}Kenya and Uganda signed a deal.",
    )
    .unwrap();
    fs::write(
        dir.path().join("bom.jsonl"),
        "\u{feff}{\"id\": \"a\", \"text\": \"Talks resumed.\"}\n{\"id\": \"b\", \"text\": \"Talks ended.\"}\n",
    )
    .unwrap();
    let mut r = Read::default();
    let docs = r.read_all(&[Input::Path(dir.path().to_path_buf())]);
    let read: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d.id.as_str(), d.text.as_str()))
        .collect();
    assert_eq!(
        read,
        [
            ("a", "Talks resumed."),
            ("b", "Talks ended."),
            ("bom", "Kenya and Uganda signed a deal.")
        ]
    );
    assert!(r.problems.is_empty(), "{:?}", r.problems);
}

#[test]
fn extensions_match_in_any_case_and_json_and_ndjson_are_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let line = |id: &str| format!("{{\"id\": \"{id}\", \"text\": \"Talks resumed.\"}}\n");
    fs::write(dir.path().join("a.JSON"), line("from-json")).unwrap();
    fs::write(dir.path().join("b.ndjson"), line("from-ndjson")).unwrap();
    fs::write(
        dir.path().join("c.Jsonl.GZ"),
        gzipped(line("from-gz").as_bytes()),
    )
    .unwrap();
    fs::write(dir.path().join("d.TXT"), "Kenya and Uganda signed a deal.").unwrap();
    fs::write(dir.path().join("e.HTM"), PAGE).unwrap();
    let mut r = Read::default();
    let docs = r.read_all(&[Input::Path(dir.path().to_path_buf())]);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["from-json", "from-ndjson", "from-gz", "d", "e"]);
    assert!(r.problems.is_empty(), "{:?}", r.problems);
}

#[cfg(unix)]
#[test]
fn symlinked_files_and_folders_are_followed_and_loops_reported() {
    use std::os::unix::fs::symlink;
    let outside = tempfile::tempdir().unwrap();
    fs::write(outside.path().join("real.txt"), "Talks resumed.").unwrap();
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    symlink(outside.path().join("real.txt"), dir.path().join("link.txt")).unwrap();
    // A link to the folder holding it: a loop.
    symlink(dir.path(), dir.path().join("sub/back")).unwrap();
    let mut r = Read::default();
    let docs = r.read_all(&[Input::Path(dir.path().to_path_buf())]);
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["link"]);
    assert_eq!(docs[0].text, "Talks resumed.");
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    assert_eq!(r.problems[0].severity, Severity::Skipped);
    assert!(
        r.problems[0].to_string().contains("sub/back"),
        "{}",
        r.problems[0]
    );
}

#[test]
fn a_document_without_a_date_stays_undated_unless_a_default_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("feed.jsonl");
    fs::write(
        &path,
        concat!(
            r#"{"id": "dated", "text": "Talks resumed.", "date": "2017-01-02"}"#,
            "\n",
            r#"{"id": "none", "text": "Talks resumed."}"#,
            "\n",
            r#"{"id": "bad", "text": "Talks resumed.", "date": "last week"}"#,
            "\n",
        ),
    )
    .unwrap();
    let mut r = Read::default();
    let docs = r.read_dated(&[Input::Path(path.clone())], None);
    let dates: Vec<_> = docs.iter().map(|d| d.meta.published).collect();
    assert_eq!(dates, [NaiveDate::from_ymd_opt(2017, 1, 2), None, None]);
    assert_eq!(r.undated, 2);
    assert!(r.problems[0]
        .to_string()
        .contains("feed.jsonl:3: unreadable date `last week`; the document is undated"));
    let docs = Read::default().read_all(&[Input::Path(path)]);
    assert_eq!(docs[1].meta.published, Some(default_date()));
}

#[test]
fn a_json_lines_file_broken_midway_keeps_the_records_before_the_break() {
    let dir = tempfile::tempdir().unwrap();
    let lines: String = (1..=2000)
        .map(|i| {
            format!("{{\"id\": \"r{i}\", \"text\": \"Kenya and Uganda held talks on day {i}.\"}}\n")
        })
        .collect();
    let whole = gzipped(lines.as_bytes());
    let path = dir.path().join("cut.jsonl.gz");
    fs::write(&path, &whole[..whole.len() / 2]).unwrap();
    let mut r = Read::default();
    let docs = r.read_all(&[Input::Path(path)]);
    assert!(!docs.is_empty() && docs.len() < 2000, "{}", docs.len());
    assert_eq!(docs[0].id, "r1");
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    let problem = &r.problems[0];
    assert_eq!(problem.severity, Severity::Skipped);
    assert_eq!(problem.line, Some(docs.len() + 1), "{problem}");
    assert!(
        problem.message.starts_with("cannot read further"),
        "{problem}"
    );
}

#[test]
fn records_are_read_line_by_line_across_files_with_each_files_line_numbers() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.jsonl"),
        "{\"text\": \"One.\"}\nnot json\n{\"text\": \"Three.\"}",
    )
    .unwrap();
    fs::write(
        dir.path().join("b.jsonl"),
        "\n{\"text\": \"Two.\"}\n{\"text\": 5}\n",
    )
    .unwrap();
    let mut stream = Documents::new(vec![Input::Path(dir.path().to_path_buf())], None);
    let read: Vec<String> = stream
        .by_ref()
        .map(|r| match r {
            Reading::Document(d) => format!("{} {}", d.id, d.text),
            Reading::Problem(p) => format!("{}:{:?}", p.file.rsplit('/').next().unwrap(), p.line),
        })
        .collect();
    assert_eq!(
        read,
        [
            "a.jsonl:1 One.",
            "a.jsonl:Some(2)",
            "a.jsonl:3 Three.",
            "b.jsonl:2 Two.",
            "b.jsonl:Some(3)"
        ]
    );
    assert_eq!(stream.undated, 3);
}
