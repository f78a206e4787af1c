//! Coded events: who did what to whom, with the evidence behind it.

use serde::Serialize;

use crate::{Actor, EventDate, Span};

/// A source or target of an event: the actor and the words that named it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EventActor {
    pub text: String,
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub name: Option<String>,
    pub span: crate::Span,
}

impl EventActor {
    pub fn new(text: &str, actor: &Actor, span: Span) -> Self {
        EventActor {
            text: text.to_string(),
            code: actor.code.clone(),
            country: actor.country.clone(),
            sector: actor.sector.clone(),
            name: actor.name.clone(),
            span,
        }
    }
}

/// Where an event happened: a gazetteer place and the words that named it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Location {
    /// The gazetteer's name for the place (`Sochi`).
    pub name: String,
    /// ISO 3166-1 alpha-3.
    pub country: Option<String>,
    /// First-level region as GeoNames codes it (`RU.48`).
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub geonames_id: Option<u64>,
    /// The words as written (`SOCHI` in a dateline).
    pub text: String,
}

/// Why an event was coded: the trigger words and the rule that fired.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Evidence {
    pub trigger: String,
    pub span: Span,
    pub rule: String,
}

/// One coded event of a sentence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    pub sentence: usize,
    pub date: Option<EventDate>,
    /// The words that gave the date; `None` when it is the publication date.
    pub date_text: Option<String>,
    pub source: Option<EventActor>,
    pub target: Option<EventActor>,
    pub cameo: String,
    pub cameo_name: String,
    pub plover: Option<String>,
    pub quad_class: u8,
    pub goldstein: Option<f64>,
    pub mode: Option<String>,
    pub context: Vec<String>,
    pub location: Option<Location>,
    pub evidence: Evidence,
    pub confidence: f64,
}
