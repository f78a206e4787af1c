//! Sentence segmentation that survives news copy.
//!
//! Paragraphs come first: a blank line always ends one, and a single line
//! break ends one too unless the document is hard-wrapped wire copy (most
//! long lines end mid-sentence), where only blank lines and indented lines
//! start a paragraph. Within a paragraph, Unicode sentence boundaries
//! (UAX #29, as `unicode-segmentation` finds them; see
//! `sentence_breaks`) are proposed and then corrected:
//! a boundary after an abbreviation or initial is dropped ("Lt. Gen. Smith"),
//! as is one after a dotted acronym unless a typical sentence opener follows
//! ("the U.S. Navy" vs "the U.S. The move"). A wire dateline opening a
//! paragraph ("SOCHI, Russia (Reuters) -") becomes a unit of its own, so its
//! place names are not read as actors of the sentence after it. A paragraph
//! that is a single line without final punctuation is a headline or caption.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::sentence_breaks::sentence_bound_indices;
use crate::Tokenizer;
use dyad_core::{SentenceKind, Span};
use regex::Regex;

/// A sentence span and its kind, before tokenization.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceSpan {
    pub span: Span,
    pub kind: SentenceKind,
}

pub(crate) struct Segmenter {
    starters: HashSet<String>,
    /// Opening words (lower-case) of a caption's label, which runs to the
    /// first dash after them (`label` lines of `data/text/boilerplate.tsv`).
    labels: Vec<String>,
}

/// How far after its opening words a caption label's dash may be.
const MAX_LABEL_BYTES: usize = 240;

fn dateline_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"^(?:",
            // CITY, Region (Agency) -   /   CITY, Dec 5 (Agency) -   /   CITY -
            r"[A-Z][A-Z'’.\- ]{1,40}[A-Z.](?:,[ \t]+[A-Z][A-Za-z0-9.'’\- ]{1,40})*(?:[ \t]*\([A-Za-z.&' ]{1,30}\))?[ \t]*(?:-{1,2}|—|–)[ \t]+",
            // (Agency) -   /   (CNN)
            r"|\([A-Z][A-Za-z.&' ]{1,29}\)[ \t]*(?:-{1,2}|—|–)?[ \t]*",
            r")"
        ))
        .expect("dateline pattern")
    })
}

fn ends_with_terminal(s: &str) -> bool {
    let trimmed = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
    });
    trimmed.ends_with(['.', '!', '?', '…'])
}

impl Segmenter {
    /// `labels`: the opening words of captions' labels, lower-case
    /// (`BoilerplateMarker::labels`).
    pub(crate) fn new<'a>(
        starters: impl IntoIterator<Item = &'a str>,
        labels: Vec<String>,
    ) -> Self {
        Segmenter {
            starters: starters.into_iter().map(str::to_string).collect(),
            labels,
        }
    }

    /// Where the caption label opening the text `text` ends: just after the
    /// first dash after its opening words ("Hide Caption 3 of 45 Photos:
    /// Manhunt for Boston bombers –"), when text follows.
    fn label_end(&self, text: &str) -> Option<usize> {
        let opens = |label: &String| {
            text.get(..label.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(label))
        };
        if !self.labels.iter().any(opens) {
            return None;
        }
        let mut cut = text.len().min(MAX_LABEL_BYTES);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = &text[..cut];
        let dash = [" – ", " — ", " - "]
            .iter()
            .filter_map(|d| head.find(d).map(|i| i + d.len()))
            .min()?;
        (!text[dash..].trim().is_empty()).then_some(dash)
    }

    pub(crate) fn sentences(&self, text: &str, tokenizer: &Tokenizer) -> Vec<SentenceSpan> {
        let mut out = Vec::new();
        for para in paragraphs(text) {
            self.paragraph(text, para, tokenizer, &mut out);
        }
        out
    }

    fn paragraph(
        &self,
        text: &str,
        para: Span,
        tokenizer: &Tokenizer,
        out: &mut Vec<SentenceSpan>,
    ) {
        let mut start = para.start;
        if let Some(m) = dateline_pattern().find(&text[start..para.end]) {
            if m.end() < para.end - start {
                let dl = trim(text, Span::new(start, start + m.end()));
                out.push(SentenceSpan {
                    span: dl,
                    kind: SentenceKind::Dateline,
                });
                start += m.end();
            }
        }
        let body = &text[start..para.end];
        let mut pieces: Vec<Span> = Vec::new();
        for (i, piece) in sentence_bound_indices(body) {
            let span = Span::new(start + i, start + i + piece.len());
            match pieces.last_mut() {
                Some(prev) if self.joins(prev.slice(text), piece, tokenizer) => prev.end = span.end,
                _ => pieces.push(span),
            }
        }
        let single = pieces.len() == 1;
        for mut p in pieces {
            // "Hide Caption 3 of 45 Photos: Manhunt for Boston bombers –
            // An ambulance carries ...": the label is a unit of its own
            if let Some(end) = self.label_end(p.slice(text)) {
                out.push(SentenceSpan {
                    span: trim(text, Span::new(p.start, p.start + end)),
                    kind: SentenceKind::Body,
                });
                p.start += end;
            }
            let span = trim(text, p);
            if span.start == span.end {
                continue;
            }
            let line = span.slice(text);
            let kind = if single && !ends_with_terminal(line) && !line.contains('\n') {
                SentenceKind::Headline
            } else {
                SentenceKind::Body
            };
            out.push(SentenceSpan { span, kind });
        }
    }

    /// Whether a proposed boundary between `prev` and `next` is false.
    fn joins(&self, prev: &str, next: &str, tokenizer: &Tokenizer) -> bool {
        if next.trim().is_empty() {
            return true;
        }
        if !ends_with_terminal(prev) {
            return true;
        }
        let last = prev.split_whitespace().next_back().unwrap_or("");
        let last = last.trim_start_matches(['(', '"', '“', '\'', '‘']);
        if !last.ends_with('.') {
            return false;
        }
        let next_word = next.split_whitespace().next().unwrap_or("");
        let next_word = next_word.trim_matches(|c: char| !c.is_alphanumeric());
        if tokenizer.is_abbreviation(last) || is_initial(last) {
            // "Lt. Gen. Smith": a title or initial runs into the name after it.
            return true;
        }
        if tokenizer.keeps_period(last) {
            // "the U.S. Navy" continues; "the U.S. The move" starts anew.
            return !self.starters.contains(next_word);
        }
        false
    }
}

fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let tail = s.len() - s.trim_end().len();
    Span::new(span.start + lead, span.end - tail)
}

/// Paragraph spans: see the module docs for when a line break ends one.
fn paragraphs(text: &str) -> Vec<Span> {
    let lines: Vec<Span> = line_spans(text);
    let hard_wrapped = is_hard_wrapped(text, &lines);
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    for line in lines {
        let s = line.slice(text);
        if s.trim().is_empty() {
            out.extend(current.take());
            continue;
        }
        let indented = s.starts_with("  ") || s.starts_with('\t');
        match current.as_mut() {
            Some(p) if hard_wrapped && !indented => p.end = line.end,
            _ => {
                out.extend(current.take());
                current = Some(line);
            }
        }
    }
    out.extend(current);
    out.into_iter()
        .map(|p| trim(text, p))
        .filter(|p| p.start < p.end)
        .collect()
}

fn line_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            out.push(Span::new(start, i));
            start = i + 1;
        }
    }
    out.push(Span::new(start, text.len()));
    out
}

/// Wire copy wrapped at a fixed width: most long lines end without final
/// punctuation and no line is very long.
fn is_hard_wrapped(text: &str, lines: &[Span]) -> bool {
    let long: Vec<&str> = lines
        .iter()
        .map(|l| l.slice(text).trim_end())
        .filter(|l| l.len() >= 40)
        .collect();
    if long.len() < 3 || long.iter().any(|l| l.len() > 100) {
        return false;
    }
    let open = long.iter().filter(|l| !ends_with_terminal(l)).count();
    open * 2 > long.len()
}
