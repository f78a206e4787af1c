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

/// Whether the sentence reports that an event took place, and if not, what
/// it says of it instead, as the structure governing its trigger shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Factuality {
    /// Reported as done or being done ("Israel struck Gaza"), or a verbal
    /// act as the main verb (threaten, demand, accuse, reject).
    #[default]
    Asserted,
    /// Stated as to come: "will", "plans to", "pledged to", "agreed to"; coded
    /// as the intent (CAMEO 03) of the event.
    Intended,
    /// Possible or conditional: "may", "could", "would", "if", a question.
    Hypothetical,
    /// Denied: "not", "never", "no longer".
    Negated,
    /// Tried without success: "failed to".
    Failed,
    /// The content of an accusation or report ("accused Y of X"): the
    /// accusation is the event, not X.
    Reported,
}

impl Factuality {
    pub const ALL: [Factuality; 6] = [
        Factuality::Asserted,
        Factuality::Intended,
        Factuality::Hypothetical,
        Factuality::Negated,
        Factuality::Failed,
        Factuality::Reported,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Factuality::Asserted => "asserted",
            Factuality::Intended => "intended",
            Factuality::Hypothetical => "hypothetical",
            Factuality::Negated => "negated",
            Factuality::Failed => "failed",
            Factuality::Reported => "reported",
        }
    }

    /// Whether events of this factuality are printed without `--all`: what
    /// the sentence says happened, or that an actor means to do.
    pub fn printed_by_default(self) -> bool {
        matches!(self, Factuality::Asserted | Factuality::Intended)
    }
}

impl std::fmt::Display for Factuality {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
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
    /// Goldstein score; codes without a published one take their parent's.
    pub goldstein: f64,
    pub mode: Option<String>,
    /// PLOVER contexts of the code (`diplomatic`, `military`, ...).
    pub context: Vec<String>,
    pub factuality: Factuality,
    pub location: Option<Location>,
    pub evidence: Evidence,
    /// 0 to 1, three decimals.
    pub confidence: f64,
}

/// A confidence as events carry it: rounded to three decimals.
pub fn round_confidence(c: f64) -> f64 {
    (c * 1000.0).round() / 1000.0
}
