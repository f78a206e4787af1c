//! The data model every dyad stage shares.
//!
//! One [`Document`] travels the whole pipeline, as spaCy's `Doc` does: ingest
//! fills its text and metadata, and each later stage adds a layer (sentences,
//! tokens, actor mentions, events). Every layer points into the original text
//! by byte [`Span`], so any event can show the exact words behind it and no
//! stage ever re-reads the raw input.

mod date;
mod document;
mod event;
mod words;

pub use date::{EventDate, Precision};
pub use document::{
    is_state, Actor, ActorMention, Boilerplate, Document, Metadata, Origin, Quotation, Sentence,
    SentenceKind, Span, Story, Token, Via, NON_STATE_COUNTRIES,
};
pub use event::{round_confidence, Event, EventActor, Evidence, Factuality, Location};
pub use words::lowercase;
