//! The coding stage: who did what to whom.
//!
//! [`find_names`] finds dictionary names in each sentence and
//! [`resolve_actors`] turns those matches into actor mentions (a country
//! beside a group noun, a title before a name, "the president of Armenia",
//! pronouns back to their antecedents). [`code_events`] then finds event
//! patterns in each sentence, takes their source and target from the
//! sentence's structure (subject, object, passive agent, frame verbs,
//! negation and modality), and gives each event its CAMEO and PLOVER
//! coding and the evidence that produced it. Both read the token layer (tags
//! and lemmas) the language stage added.

mod actors;
mod clause;
mod confidence;
mod coref;
mod events;
mod structure;

pub use actors::{find_names, resolve_actors};
pub use clause::is_boundary;
pub use coref::may_refer;
pub use events::{
    code_events, matching_sentences, summarize, Attempt, DropReason, Dropped, Trace,
    OBLIGATION_WORDS,
};
