//! Stories: the parts of a document that each tell one story.

use dyad_core::{Document, Span, Story};

/// Fills `doc.stories` from its sentences.
pub(crate) fn split(doc: &mut Document) {
    doc.stories = vec![Story {
        span: Span::new(0, doc.text.len()),
        title: doc.meta.title.clone(),
        published: doc.meta.published,
    }];
}
