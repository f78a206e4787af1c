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

/// Where an event happened.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Location {
    pub name: String,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
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
