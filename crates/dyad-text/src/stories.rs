//! Stories: pages, briefings and feeds glue several stories together, each
//! with its own headline and date, and an event is dated by its own story.
//!
//! The split builds on the sentences' kinds. A line of separator marks
//! (`~`, `* * *`, `---`) separates stories. A run of headline-like lines
//! (headlines, bylines, date lines such as "July 15, 2018") opens a new story
//! when the story so far already has running text and the run starts with a
//! headline and either holds a date line or is followed by a wire dateline.
//! Other headlines inside a story are subheads and captions, and a date
//! inside running text (a quoted post's date) is no date line: a date line
//! is little more than its date. Web pages print much between the lines of
//! an article (tweets, tables, "Updated:" lines), so the rules ask for a
//! story's whole opening before they split; a headline that opens a story
//! reads as one (a few capitalized words) and is not marked as boilerplate
//! (a "Photo: ..." credit). A story's title is the first such headline of its
//! opening run, else its first heading; its date is the run's date line.
//! Lines without running text after a separator belong to the story before.
//! Whatever a story does not say it takes from the document: the first story
//! its title, every story its publication date.

use std::sync::OnceLock;

use chrono::NaiveDate;
use dyad_core::{Document, SentenceKind, Span, Story};
use regex::Regex;

/// The marks a separator line is made of (with spaces between them).
const SEPARATOR_MARKS: &[char] = &['~', '*', '#', '=', '-', '_', '+'];

/// At most this many words besides its date make a date line.
const DATE_LINE_OTHER_WORDS: usize = 4;

/// A headline that opens a story has this many words, no fewer, no more
/// (one or two words are labels: "Published", "Claim").
const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 3..=20;

/// What a sentence is to the story split.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// A line without letters or digits between stories.
    Separator,
    /// A headline or subhead.
    Heading,
    /// A headline-like line naming the author ("By Jane Doe").
    Byline,
    /// A headline-like line holding a date ("Tuesday, May 14, 2019").
    DateLine(NaiveDate),
    /// A wire dateline ("KAMPALA, Uganda (Dyad Wire) -").
    Dateline,
    /// Running text.
    Body,
}

impl Role {
    fn is_heading_like(self) -> bool {
        matches!(self, Role::Heading | Role::Byline | Role::DateLine(_))
    }
}

fn role(kind: SentenceKind, text: &str) -> Role {
    match kind {
        _ if text
            .chars()
            .all(|c| SEPARATOR_MARKS.contains(&c) || c.is_whitespace()) =>
        {
            Role::Separator
        }
        SentenceKind::Body => Role::Body,
        SentenceKind::Dateline => Role::Dateline,
        SentenceKind::Headline => match date_line(text) {
            Some(date) => Role::DateLine(date),
            None if text.starts_with("By ") => Role::Byline,
            None => Role::Heading,
        },
    }
}

/// The date of a line that is little more than a date.
fn date_line(line: &str) -> Option<NaiveDate> {
    let m = date_pattern().find(line)?;
    let others =
        line[..m.start()].split_whitespace().count() + line[m.end()..].split_whitespace().count();
    let attribution = line.starts_with(['—', '–', '-']);
    (others <= DATE_LINE_OTHER_WORDS && !attribution)
        .then(|| find_date(m.as_str()))
        .flatten()
}

/// Whether a heading reads as a story's headline: a few words, capitalized, no
/// web address or handle.
fn is_headline(line: &str) -> bool {
    HEADLINE_WORDS.contains(&line.split_whitespace().count())
        && line.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "'‘\"“".contains(c))
        && !line.contains(['@', '/'])
        && !line.ends_with(':')
}

fn date_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(concat!(
            r"\b(?:(?P<m1>[A-Z][a-z]{2,8})\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})",
            r"|(?P<d2>\d{1,2})\s+(?P<m2>[A-Z][a-z]{2,8})\.?,?\s+(?P<y2>\d{4})",
            r"|(?P<iso>\d{4}-\d{2}-\d{2}))\b"
        ))
        .expect("date pattern")
    })
}

/// The first date written out in full in a line: "May 14, 2019",
/// "14 May 2019" or "2019-05-14" (month names in full or abbreviated).
fn find_date(line: &str) -> Option<NaiveDate> {
    date_pattern().captures_iter(line).find_map(|c| {
        if let Some(iso) = c.name("iso") {
            return NaiveDate::parse_from_str(iso.as_str(), "%Y-%m-%d").ok();
        }
        let (month, day, year) = match (c.name("m1"), c.name("m2")) {
            (Some(m), _) => (m, &c["d1"], &c["y1"]),
            (None, Some(m)) => (m, &c["d2"], &c["y2"]),
            (None, None) => return None,
        };
        NaiveDate::parse_from_str(&format!("{} {day} {year}", month.as_str()), "%B %d %Y").ok()
    })
}

/// A story being gathered: its sentences so far and what its opening said.
#[derive(Default)]
struct Draft {
    sentences: Option<(usize, usize)>,
    has_body: bool,
    title: Option<String>,
    published: Option<NaiveDate>,
}

impl Draft {
    fn add(&mut self, sentence: usize) {
        let first = self.sentences.map_or(sentence, |(first, _)| first);
        self.sentences = Some((first, sentence));
    }
}

/// Fills `doc.stories` from its sentences: at least one story, in text order.
pub(crate) fn split(doc: &mut Document) {
    let roles: Vec<Role> = doc
        .sentences
        .iter()
        .map(|s| role(s.kind, doc.slice(s.span)))
        .collect();
    let headline_at = |j: usize| {
        let sentence = &doc.sentences[j];
        roles[j] == Role::Heading
            && sentence.boilerplate.is_none()
            && is_headline(doc.slice(sentence.span))
    };
    let mut drafts: Vec<Draft> = vec![Draft::default()];
    let mut i = 0;
    while i < roles.len() {
        let current = drafts.last_mut().expect("a draft");
        match roles[i] {
            Role::Separator => {
                if current.sentences.is_some() {
                    drafts.push(Draft::default());
                }
                i += 1;
            }
            Role::Heading | Role::Byline | Role::DateLine(_) => {
                let end = (i..roles.len())
                    .find(|&j| !roles[j].is_heading_like())
                    .unwrap_or(roles.len());
                let run = &roles[i..end];
                let dated = run.iter().rev().find_map(|r| match r {
                    Role::DateLine(d) => Some(*d),
                    _ => None,
                });
                let opens =
                    headline_at(i) && (dated.is_some() || roles.get(end) == Some(&Role::Dateline));
                if current.has_body && opens {
                    drafts.push(Draft::default());
                }
                let current = drafts.last_mut().expect("a draft");
                if !current.has_body {
                    let heading = (i..end).find(|&j| headline_at(j)).or_else(|| {
                        (i..end).find(|&j| {
                            roles[j] == Role::Heading && doc.sentences[j].boilerplate.is_none()
                        })
                    });
                    if current.title.is_none() {
                        current.title =
                            heading.map(|j| doc.slice(doc.sentences[j].span).to_string());
                    }
                    current.published = dated.or(current.published);
                }
                (i..end).for_each(|j| current.add(j));
                i = end;
            }
            Role::Dateline | Role::Body => {
                current.add(i);
                current.has_body |= roles[i] == Role::Body;
                i += 1;
            }
        }
    }
    let whole = Span::new(0, doc.text.len());
    let mut stories: Vec<Story> = Vec::new();
    for draft in drafts {
        let Some((first, last)) = draft.sentences else {
            continue;
        };
        let span = doc.sentences[first].span.cover(doc.sentences[last].span);
        match stories.last_mut() {
            // Lines without running text after a separator (a note to
            // readers, a link) close the story before them.
            Some(previous) if !draft.has_body => previous.span = previous.span.cover(span),
            _ => stories.push(Story {
                span,
                title: draft.title,
                published: draft.published.or(doc.meta.published),
            }),
        }
    }
    match stories.first_mut() {
        Some(first) => {
            first.title = first.title.take().or_else(|| doc.meta.title.clone());
        }
        None => stories.push(Story {
            span: whole,
            title: doc.meta.title.clone(),
            published: doc.meta.published,
        }),
    }
    doc.stories = stories;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_dates_written_out_in_full() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(
            find_date("World briefing: Tuesday, May 14, 2019"),
            day(2019, 5, 14)
        );
        assert_eq!(
            find_date("Updated 3 Sept 2018, 14 Dec. 2017"),
            day(2017, 12, 14)
        );
        assert_eq!(find_date("Posted 2020-02-29 10:00"), day(2020, 2, 29));
        assert_eq!(find_date("Ministers agree to new talks"), None);
        assert_eq!(find_date("Marchers 12, 2019"), None);
    }

    #[test]
    fn a_date_line_is_little_more_than_its_date() {
        assert!(date_line("World briefing: Tuesday, May 14, 2019").is_some());
        assert!(date_line("— The Senate (@Senate) October 9, 2018").is_none());
        assert!(date_line("The talks of May 14, 2019 ended without a deal or a date").is_none());
    }
}
