//! Place names in sentences and datelines, and which place each one means.
//!
//! A place is where an event happened only where the text says so: a
//! gazetteer name after a preposition of place ("in Sochi", "near Aleppo",
//! "at the White House", "in the Syrian city of Aleppo"). A name alone is
//! more often an actor ("Moscow rejected"), so it is never taken as a place.
//! A dateline ("SOCHI, Russia (Reuters) -") names the place the story was
//! filed from, with the country or state after the city to say which one.
//! The prepositions and the nouns that may come between them and the name
//! are data in `data/places/words.tsv`.
//!
//! One name often means several places; the one chosen is the most
//! populous, unless a place of smaller size lies in a country the
//! document's actors belong to, or the dateline's: "Tripoli" in a story
//! about Lebanon is Lebanon's Tripoli, while "Paris" stays in France in a
//! story about the United States.

use std::borrow::Cow;
use std::collections::HashSet;

use dyad_core::{lowercase, Document, Location, Span, Token};

use crate::gazetteer::{Candidate, Gazetteer, PlaceKind};
use dyad_lexicon::PlaceWordKind;

/// How much a country the document's actors belong to weighs against
/// population, in natural-log units: a place in such a country wins over
/// one up to about 20 times its size elsewhere.
const ACTOR_COUNTRY_WEIGHT: f64 = 3.0;
/// The same for the country (or region) the story's dateline names.
const DATELINE_WEIGHT: f64 = 6.0;
/// The same for a place called by its own name rather than an alternate
/// or former one: "Salisbury" is the English town before it is old Harare.
const OWN_NAME_WEIGHT: f64 = 2.0;

/// A place name found in the text, with every place it may be.
#[derive(Clone, Debug)]
pub(crate) struct PlaceName {
    pub span: Span,
    pub candidates: Vec<Candidate>,
}

/// What a document says about which country a name is in.
#[derive(Clone, Debug, Default)]
pub(crate) struct Preference {
    /// Countries of the document's actors.
    pub actor_countries: HashSet<String>,
    /// The country of the story's dateline.
    pub country: Option<String>,
    /// The first-level region of the story's dateline ("PORTLAND, Maine").
    pub admin1: Option<String>,
}

impl Preference {
    /// The countries of the document's actors, except actors named as a
    /// place ("clashes in Tripoli" says nothing about which Tripoli) and
    /// countries only inferred from the context.
    pub(crate) fn of_actors(doc: &Document, place_words: &PlaceWords) -> Self {
        let actor_countries = doc
            .mentions
            .iter()
            .filter(|m| !m.country_from_context)
            .filter(|m| {
                // the words just before the mention, as many as the longest preposition
                let first = doc.sentences[m.sentence].tokens.start;
                let from = m
                    .tokens
                    .start
                    .saturating_sub(place_words.longest_preposition);
                let before = words(doc, &doc.tokens[from.max(first)..m.tokens.start]);
                !place_words.ends_in_preposition(&before)
            })
            .filter_map(|m| m.actor.country.clone())
            .filter(|c| dyad_core::is_state(c))
            .collect();
        Preference {
            actor_countries,
            ..Default::default()
        }
    }

    /// The place a name most likely means.
    pub(crate) fn choose(&self, gazetteer: &Gazetteer, candidates: &[Candidate]) -> Option<u32> {
        let score = |c: &Candidate| {
            let p = gazetteer.place(c.place);
            let mut s = (p.population as f64 + 1.0).ln();
            if c.by_own_name {
                s += OWN_NAME_WEIGHT;
            }
            if self.actor_countries.contains(p.country) {
                s += ACTOR_COUNTRY_WEIGHT;
            }
            if self.country.as_deref() == Some(p.country) {
                s += DATELINE_WEIGHT;
            }
            if self.admin1.is_some() && self.admin1.as_deref() == p.admin1 {
                s += DATELINE_WEIGHT;
            }
            s
        };
        candidates
            .iter()
            .max_by(|a, b| score(a).total_cmp(&score(b)))
            .map(|c| c.place)
    }
}

/// The place words the resolver uses (`dyad_lexicon::PlaceWords`).
pub(crate) struct PlaceWords {
    /// Prepositions, each as its words ("near", "on the outskirts of").
    prepositions: Vec<Vec<&'static str>>,
    /// The number of words of the longest preposition.
    longest_preposition: usize,
    nouns: HashSet<String>,
}

/// Words that may stand between a preposition and a place name besides
/// the listed nouns: determiners, numbers, adjectives ("in the Syrian city
/// of", "in southern Syria").
fn is_filler(t: &Token) -> bool {
    matches!(t.tag, "DT" | "CD" | "PRP$") || t.tag.starts_with("JJ")
}

fn is_common_noun(doc: &Document, t: &Token) -> bool {
    matches!(t.tag, "NN" | "NNS") && doc.slice(t.span).starts_with(char::is_lowercase)
}

/// The lower-cased words of some tokens.
fn words<'d>(doc: &'d Document, tokens: &[Token]) -> Vec<Cow<'d, str>> {
    tokens
        .iter()
        .map(|t| lowercase(doc.slice(t.span)))
        .collect()
}

/// Whether `words` are the words of `phrase`.
fn are(words: &[Cow<str>], phrase: &[&str]) -> bool {
    words.len() == phrase.len() && words.iter().zip(phrase).all(|(w, p)| w == p)
}

/// How many words after a preposition may come before the name.
const MAX_FILLERS: usize = 5;

impl PlaceWords {
    pub(crate) fn builtin() -> Self {
        let mut w = PlaceWords {
            prepositions: Vec::new(),
            longest_preposition: 0,
            nouns: HashSet::new(),
        };
        let words = dyad_lexicon::PlaceWords::builtin();
        for p in words.of_kind(PlaceWordKind::Preposition) {
            w.prepositions
                .push(p.words.iter().map(String::as_str).collect());
        }
        for n in words.of_kind(PlaceWordKind::Noun) {
            w.nouns.insert(n.words.join(" "));
        }
        w.longest_preposition = w.prepositions.iter().map(Vec::len).max().unwrap_or(0);
        w
    }

    /// Whether the words close with a preposition of place.
    fn ends_in_preposition(&self, words: &[Cow<str>]) -> bool {
        self.prepositions
            .iter()
            .any(|p| words.len() >= p.len() && are(&words[words.len() - p.len()..], p))
    }

    /// The length of the longest preposition of place starting at `i`.
    fn preposition_at(&self, words: &[Cow<str>], i: usize) -> Option<usize> {
        self.prepositions
            .iter()
            .filter(|p| words.len() - i >= p.len() && are(&words[i..i + p.len()], p))
            .map(Vec::len)
            .max()
    }

    /// The place names after prepositions of place in one sentence.
    pub(crate) fn in_sentence(
        &self,
        doc: &Document,
        sentence: usize,
        gazetteer: &Gazetteer,
    ) -> Vec<PlaceName> {
        let tokens = &doc.tokens[doc.sentences[sentence].tokens.clone()];
        let words = words(doc, tokens);
        let is_noun = |k: usize| k < words.len() && self.nouns.contains(words[k].as_ref());
        let mut out = Vec::new();
        for i in 0..tokens.len() {
            let Some(len) = self.preposition_at(&words, i) else {
                continue;
            };
            let mut k = i + len;
            let mut skipped = 0;
            while k < tokens.len() && skipped <= MAX_FILLERS {
                let capitalised = doc.slice(tokens[k].span).starts_with(char::is_uppercase);
                if let Some((end, candidates)) = capitalised
                    .then(|| longest_name(doc, tokens, k, gazetteer))
                    .flatten()
                {
                    // "the West Bank city of Hebron": the name after "of" is the place.
                    let names_a_later_one =
                        is_noun(end) && words[end + 1..].iter().take(2).any(|w| w == "of");
                    if names_a_later_one {
                        k = end;
                        skipped += 1;
                        continue;
                    }
                    // "at U.S. forces": a country before a noun modifies it.
                    let modifier = end < tokens.len()
                        && is_common_noun(doc, &tokens[end])
                        && !is_noun(end)
                        && candidates
                            .iter()
                            .all(|c| gazetteer.place(c.place).kind == PlaceKind::Country);
                    if !modifier {
                        let span = Span::new(tokens[k].span.start, tokens[end - 1].span.end);
                        out.push(PlaceName { span, candidates });
                    }
                    break;
                }
                let skip = is_filler(&tokens[k])
                    || is_noun(k)
                    || (words[k] == "of" && k > 0 && is_noun(k - 1))
                    || (capitalised && is_noun(k + 1));
                if !skip {
                    break;
                }
                k += 1;
                skipped += 1;
            }
        }
        out
    }
}

/// The longest gazetteer name starting at token `k`: its end token and candidates.
fn longest_name(
    doc: &Document,
    tokens: &[Token],
    k: usize,
    gazetteer: &Gazetteer,
) -> Option<(usize, Vec<Candidate>)> {
    // A name has at most `longest_name` words (runs of text between white
    // space) and at most three tokens a word: longer spans cannot match.
    let longest = gazetteer.longest_name();
    if longest == 0 {
        return None;
    }
    let mut last = k + 1;
    let mut words = 1;
    while last < tokens.len().min(k + longest * 3) {
        if tokens[last].span.start > tokens[last - 1].span.end {
            if words == longest {
                break;
            }
            words += 1;
        }
        last += 1;
    }
    (k + 1..=last).rev().find_map(|end| {
        let text = &doc.text[tokens[k].span.start..tokens[end - 1].span.end];
        let candidates = gazetteer.lookup(text);
        (!candidates.is_empty()).then_some((end, candidates))
    })
}

/// The location of a gazetteer place named by `text`.
pub(crate) fn location(gazetteer: &Gazetteer, index: u32, text: &str) -> Location {
    let p = gazetteer.place(index);
    Location {
        name: p.name.to_string(),
        country: Some(p.country.to_string()),
        admin1: p.admin1.map(String::from),
        lat: p.lat,
        lon: p.lon,
        geonames_id: p.geonames_id,
        text: text.to_string(),
    }
}

/// The place of a dateline's words before the agency ("SOCHI, Russia"): the
/// first part is the city, the parts after it say which country or state.
/// Parts that are not places (a date) are passed over. Returns the location
/// and the preference it sets for the story below it.
pub(crate) fn dateline_place(
    gazetteer: &Gazetteer,
    parts: &[&str],
    actors: &Preference,
) -> Option<(Location, Preference)> {
    let mut found: Vec<(&str, Vec<Candidate>)> = parts
        .iter()
        .map(|&text| (text, gazetteer.lookup(text)))
        .filter(|p| !p.1.is_empty())
        .collect();
    if found.is_empty() {
        return None;
    }
    let (text, candidates) = found.remove(0);
    let mut preference = Preference {
        actor_countries: actors.actor_countries.clone(),
        ..Default::default()
    };
    for (_, qualifier) in &found {
        let q = gazetteer.place(actors.choose(gazetteer, qualifier)?);
        match q.kind {
            PlaceKind::Country => preference.country = Some(q.country.to_string()),
            PlaceKind::Admin1 => {
                preference.country = Some(q.country.to_string());
                preference.admin1 = q.admin1.map(String::from);
            }
            PlaceKind::City | PlaceKind::Place => {}
        }
    }
    let chosen = preference.choose(gazetteer, &candidates)?;
    let loc = location(gazetteer, chosen, text);
    preference.country = loc.country.clone();
    Some((loc, preference))
}
