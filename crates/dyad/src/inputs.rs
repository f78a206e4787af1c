//! The command line's inputs as a stream of documents: read one at a time
//! (see [`dyad_io::Documents`]), problems reported on stderr as they come,
//! and handed out in chunks, so that a command holds one chunk's documents
//! and analyses rather than the batch's.

use dyad_core::Document;
use dyad_io::{Documents, Problem, Reading, Severity};
use indicatif::ProgressBar;

/// How many documents a chunk holds at most.
const CHUNK_DOCUMENTS: usize = 256;
/// How much text a chunk holds at most, in bytes (a longer document is a
/// chunk of its own).
const CHUNK_BYTES: usize = 16 << 20;

/// The documents of the inputs, read as they are asked for.
pub(crate) struct Inputs {
    documents: Documents,
    /// A document read ahead (to learn whether there is any).
    ahead: Option<Document>,
    /// Shows progress on a terminal; problems are printed around it.
    pub bar: ProgressBar,
    /// Documents handed out so far.
    pub read: usize,
    /// Inputs (files or records) skipped so far.
    pub skipped: usize,
    /// The pipeline's [`dyad::Pipeline::max_document_bytes`]: a document
    /// with more text is named in a warning as it is handed out.
    pub pieces_above: Option<usize>,
}

impl Inputs {
    pub(crate) fn new(documents: Documents, bar: ProgressBar) -> Self {
        Inputs {
            documents,
            ahead: None,
            bar,
            read: 0,
            skipped: 0,
            pieces_above: None,
        }
    }

    /// Whether the inputs hold no document at all (reading up to the first).
    pub(crate) fn is_empty(&mut self) -> bool {
        if self.ahead.is_none() {
            self.ahead = self.next_read();
        }
        self.ahead.is_none()
    }

    /// Documents that carried no publication date of their own, so far.
    pub(crate) fn undated(&self) -> usize {
        self.documents.undated
    }

    /// The next document, reporting the problems before it.
    fn next_read(&mut self) -> Option<Document> {
        while let Some(reading) = self.documents.next() {
            match reading {
                Reading::Document(doc) => return Some(*doc),
                Reading::Problem(p) => self.report(p),
            }
        }
        None
    }

    /// Prints a problem on stderr, counting the inputs skipped.
    fn report(&mut self, p: Problem) {
        let label = match p.severity {
            Severity::Warning => "warning",
            Severity::Skipped => {
                self.skipped += 1;
                "skipped"
            }
        };
        self.bar.suspend(|| eprintln!("dyad: {label}: {p}"));
    }

    /// The next chunk of documents, in input order: up to
    /// [`CHUNK_DOCUMENTS`], and at most [`CHUNK_BYTES`] of text unless one
    /// document alone is longer; a document to be coded in pieces (above
    /// [`Inputs::pieces_above`]) is a chunk of its own. `None` when every
    /// input is read.
    pub(crate) fn next_chunk(&mut self) -> Option<Vec<Document>> {
        let mut chunk = Vec::new();
        let mut bytes = 0;
        while chunk.len() < CHUNK_DOCUMENTS {
            let Some(doc) = self.next() else { break };
            bytes += doc.text.len();
            let alone = self.in_pieces(doc.text.len());
            chunk.push(doc);
            let next_len = self.ahead_len();
            if alone || next_len.is_none_or(|len| bytes + len > CHUNK_BYTES || self.in_pieces(len))
            {
                break;
            }
        }
        (!chunk.is_empty()).then_some(chunk)
    }

    /// Whether a document of `len` bytes of text is coded in pieces.
    pub(crate) fn in_pieces(&self, len: usize) -> bool {
        self.pieces_above.is_some_and(|max| len > max)
    }

    /// The length of the next document's text, reading it ahead; `None`
    /// when there is none.
    fn ahead_len(&mut self) -> Option<usize> {
        if self.is_empty() {
            return None;
        }
        self.ahead.as_ref().map(|d| d.text.len())
    }
}

impl Iterator for Inputs {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        let doc = self.ahead.take().or_else(|| self.next_read())?;
        self.read += 1;
        if self.in_pieces(doc.text.len()) {
            let max = self.pieces_above.unwrap_or_default();
            let o = &doc.meta.origin;
            self.report(Problem {
                file: o.file.clone(),
                line: o.line,
                message: format!(
                    "document {} holds {} bytes of text, more than --max-document-bytes {max}: coded in pieces cut at paragraph boundaries",
                    doc.id,
                    doc.text.len()
                ),
                severity: Severity::Warning,
            });
        }
        Some(doc)
    }
}
