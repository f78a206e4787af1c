//! The resolution stage: when and where each coded event happened.
//!
//! The coder dates every event by the day the article appeared; readers need
//! the day it happened and the place. [`Resolver::resolve`] reads both from
//! the text, in this order of trust:
//!
//! 1. the event's own clause: the time expression nearest the trigger
//!    ("on Tuesday", "last November", "two days ago") and the place named
//!    after a preposition nearest it ("near Donetsk", "at the White House");
//! 2. the story's dateline ("SOCHI, Russia (Reuters) -", or a line that is
//!    only a date, "DEC 05, 2018"), which dates and places every event below
//!    it until the next dateline, date line or separator line ("~", "***"),
//!    so a page gluing several stories together keeps each story's own;
//! 3. the publication date, and no place.
//!
//! Relative expressions count from the story's date (its dateline's, or the
//! publication date). A date keeps the precision the words give it
//! (`2018-11-25`, `2018-11`, `2018`), and the words are kept as evidence.

mod gazetteer;
mod places;
mod time;

use chrono::NaiveDate;
use dyad_core::{Document, EventDate, Factuality, Location, SentenceKind, Span};

pub use gazetteer::{Candidate, Gazetteer, Place, PlaceKind};
use places::{PlaceName, PlaceWords, Preference};
use time::{TimeExpression, TimeWords};

/// Rows of a tab-separated data file: comment lines and the header skipped.
pub(crate) fn table_rows(src: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    src.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .skip(1)
        .map(|l| l.split('\t').collect())
}

/// The time and place vocabularies, loaded once and shared by all threads;
/// the gazetteer is parsed on first use.
pub struct Resolver {
    time: TimeWords,
    places: PlaceWords,
}

/// What a dateline or date line says about the sentences below it.
#[derive(Clone, Debug, Default)]
struct Story {
    /// The date relative expressions count from.
    anchor: Option<NaiveDate>,
    /// A date the dateline gave, with its words.
    date: Option<(EventDate, String)>,
    place: Option<Location>,
    preference: Preference,
}

/// The time expressions and place names of one sentence, with document spans.
struct Clues {
    times: Vec<(Span, TimeExpression)>,
    places: Vec<PlaceName>,
    /// Clause boundaries among the sentence's first k tokens, for every k:
    /// whether one lies between a clue and a trigger is a subtraction, so a
    /// sentence of thousands of words (a scraped table) stays linear.
    boundaries: Vec<u32>,
}

impl Resolver {
    /// The resolver with the built-in word lists and gazetteer.
    pub fn builtin() -> Self {
        Resolver {
            time: TimeWords::builtin(),
            places: PlaceWords::builtin(),
        }
    }

    /// Sets the date, date words and location of every event of `doc`.
    pub fn resolve(&self, doc: &mut Document) {
        if doc.events.is_empty() {
            return;
        }
        let gazetteer = Gazetteer::builtin();
        let actors = Preference::of_actors(doc, &self.places);
        let (stories, story_of) = self.stories(doc, gazetteer, &actors);
        let mut clues: Vec<Option<Clues>> = (0..doc.sentences.len()).map(|_| None).collect();
        let published = doc.meta.published;
        for e in 0..doc.events.len() {
            let (s, trigger) = (doc.events[e].sentence, doc.events[e].evidence.span);
            let story = &stories[story_of[s]];
            let clue = clues[s].get_or_insert_with(|| self.clues(doc, s, gazetteer));
            // "will meet on Friday": a modal of the future just before the
            // trigger makes a weekday or month the next one
            let future = doc.events[e].factuality == Factuality::Intended
                && self.future_before(doc, s, trigger.start);

            let dated = nearest(
                doc,
                s,
                trigger,
                &clue.boundaries,
                clue.times.iter().filter_map(|(span, t)| {
                    let date = t.resolve(story.anchor, future)?;
                    Some((*span, (date, doc.slice(*span).to_string())))
                }),
            );
            let (date, date_text) = match dated.or_else(|| story.date.clone()) {
                Some((date, text)) => (Some(date), Some(text)),
                // The date the coder gave it: its story's, else the publication date.
                None => (doc.events[e].date.or(published.map(EventDate::day)), None),
            };
            let placed = nearest(
                doc,
                s,
                trigger,
                &clue.boundaries,
                clue.places.iter().map(|p| (p.span, p)),
            );
            let location = placed
                .and_then(|p| {
                    let chosen = story.preference.choose(gazetteer, &p.candidates)?;
                    Some(places::location(gazetteer, chosen, doc.slice(p.span)))
                })
                .or_else(|| story.place.clone());

            let event = &mut doc.events[e];
            event.date = date;
            event.date_text = date_text;
            event.location = location;
        }
    }

    /// Whether a modal of the future stands among the four words before
    /// byte `start` in sentence `s` ("will", "'ll": "Russia will send").
    fn future_before(&self, doc: &Document, s: usize, start: usize) -> bool {
        let tokens = doc.sentence_tokens(s);
        let at = tokens.partition_point(|t| t.span.start < start);
        tokens[at.saturating_sub(4)..at].iter().any(|t| {
            self.time
                .is_future(&doc.slice(t.span).to_lowercase().replace('\u{2019}', "'"))
        })
    }

    fn clues(&self, doc: &Document, s: usize, gazetteer: &Gazetteer) -> Clues {
        let span = doc.sentences[s].span;
        let times: Vec<(Span, TimeExpression)> = self
            .time
            .find(doc.slice(span))
            .into_iter()
            .map(|t| (Span::new(span.start + t.start, span.start + t.end), t))
            .collect();
        let overlaps_time = |p: &PlaceName| {
            times
                .iter()
                .any(|(t, _)| t.start < p.span.end && p.span.start < t.end)
        };
        let places = self
            .places
            .in_sentence(doc, s, gazetteer)
            .into_iter()
            .filter(|p| !overlaps_time(p))
            .collect();
        let boundaries = std::iter::once(0)
            .chain(doc.sentence_tokens(s).iter().scan(0, |n, t| {
                *n += dyad_code::is_boundary(&doc.text, t) as u32;
                Some(*n)
            }))
            .collect();
        Clues {
            times,
            places,
            boundaries,
        }
    }

    /// The stories of a document and the story of each sentence. A dateline
    /// or date line starts a story, and so does a separator line; headlines
    /// right above a dateline belong to its story.
    fn stories(
        &self,
        doc: &Document,
        gazetteer: &Gazetteer,
        actors: &Preference,
    ) -> (Vec<Story>, Vec<usize>) {
        let published = doc.meta.published;
        let default = Story {
            anchor: published,
            preference: actors.clone(),
            ..Default::default()
        };
        let mut stories = vec![default.clone()];
        let mut story_of = Vec::with_capacity(doc.sentences.len());
        // Whether the current story has had running text since it began.
        let mut body_seen = false;
        for (si, sentence) in doc.sentences.iter().enumerate() {
            let text = doc.slice(sentence.span);
            let started = match sentence.kind {
                SentenceKind::Dateline => {
                    let mut story = self.dateline(text, published, gazetteer, actors);
                    // "DEC 05, 2018" on the line above dates the dateline's story.
                    let current = stories.last().expect("a story");
                    if story.date.is_none() && !body_seen && current.date.is_some() {
                        story.date = current.date.clone();
                        story.anchor = current.anchor;
                    }
                    let first_headline = (0..si)
                        .rev()
                        .take_while(|&h| doc.sentences[h].kind == SentenceKind::Headline)
                        .last();
                    if let Some(h) = first_headline {
                        story_of.truncate(h);
                        story_of.resize(si, stories.len());
                    }
                    Some(story)
                }
                SentenceKind::Headline if !text.chars().any(char::is_alphanumeric) => {
                    Some(default.clone())
                }
                SentenceKind::Headline => self.date_line(text).map(|date| Story {
                    anchor: Some(date.date),
                    date: Some((date, text.to_string())),
                    ..default.clone()
                }),
                SentenceKind::Body => None,
            };
            if let Some(story) = started {
                stories.push(story);
                body_seen = false;
            }
            body_seen |= sentence.kind == SentenceKind::Body;
            story_of.push(stories.len() - 1);
        }
        (stories, story_of)
    }

    /// A line that is only a date ("DEC 05, 2018", "Tuesday, May 14, 2019").
    fn date_line(&self, text: &str) -> Option<EventDate> {
        let found = self.time.find(text);
        let [only] = found.as_slice() else {
            return None;
        };
        let rest = format!("{}{}", &text[..only.start], &text[only.end..]);
        if rest.chars().any(char::is_alphanumeric) {
            return None;
        }
        only.resolve(None, false)
    }

    /// The story a dateline starts: "SOCHI, Russia (Reuters) -" places it,
    /// "MOSCOW, Dec 5 (Reuters) -" also dates it.
    fn dateline(
        &self,
        text: &str,
        published: Option<NaiveDate>,
        gazetteer: &Gazetteer,
        actors: &Preference,
    ) -> Story {
        let head = text.split('(').next().unwrap_or("");
        let head =
            head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '—' | '–'));
        let mut story = Story {
            anchor: published,
            preference: actors.clone(),
            ..Default::default()
        };
        let mut place_parts = Vec::new();
        for part in head.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let date = self
                .time
                .find(part)
                .first()
                .and_then(|t| t.resolve(published, false));
            match date {
                Some(d) => {
                    story.anchor = Some(d.date);
                    story.date = Some((d, part.to_string()));
                }
                None => place_parts.push(part),
            }
        }
        if let Some((place, preference)) = places::dateline_place(gazetteer, &place_parts, actors) {
            story.place = Some(place);
            story.preference = preference;
        }
        story
    }
}

/// Of the clues in the event's clause, the one nearest its trigger: no
/// clause boundary ("that", "after", ";") may stand between them.
fn nearest<T>(
    doc: &Document,
    s: usize,
    trigger: Span,
    boundaries: &[u32],
    clues: impl Iterator<Item = (Span, T)>,
) -> Option<T> {
    let tokens = doc.sentence_tokens(s);
    clues
        .filter(|(span, _)| {
            let (from, to) = if span.end <= trigger.start {
                (span.end, trigger.start)
            } else {
                (trigger.end, span.start)
            };
            // the tokens wholly between: a run, as tokens are in text order
            let first = tokens.partition_point(|t| t.span.start < from);
            let end = tokens.partition_point(|t| t.span.end <= to);
            end <= first || boundaries[end] == boundaries[first]
        })
        .min_by_key(|(span, _)| {
            span.start
                .saturating_sub(trigger.end)
                .max(trigger.start.saturating_sub(span.end))
        })
        .map(|(_, clue)| clue)
}
