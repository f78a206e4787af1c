//! Documents too long to code whole: their text is coded in pieces cut at
//! paragraph boundaries, and each piece's layers are joined back into the
//! document, so that its output reads as one document's (sentence indices
//! run on, spans point into the whole text) while memory holds one piece's
//! analysis at a time.

use std::ops::Range;

use dyad_core::{ActorMention, Document, Event, Sentence, Span, Story, Token};

/// The longest piece, in bytes: a piece's analysis (its tokens above all)
/// takes some 30 bytes a byte of text at its peak, and the document's text
/// and the layers joined from the pieces before are held beside it.
pub(crate) const PIECE_BYTES: usize = 1 << 20;

/// Where to cut, best first: a blank line (a paragraph's end), a line
/// break, a sentence's end, a space. A text with none of them in reach is
/// cut at a character boundary.
const CUTS: [&str; 4] = ["\n\n", "\n", ". ", " "];

/// The byte ranges of the pieces of a text, none longer than `max` bytes
/// (at least one character), each ending after the last cut within reach.
pub(crate) fn pieces(text: &str, max: usize) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    while text.len() - start > max {
        let mut reach = start + max;
        while !text.is_char_boundary(reach) {
            reach -= 1;
        }
        let window = &text[start..reach];
        let cut = CUTS
            .iter()
            .find_map(|c| window.rfind(c).map(|i| i + c.len()))
            .filter(|&end| end > 0)
            .unwrap_or(window.len());
        // A first character longer than `max` still makes a piece.
        let end = if cut == 0 {
            start + text[start..].chars().next().map_or(0, char::len_utf8)
        } else {
            start + cut
        };
        ranges.push(start..end);
        start = end;
    }
    if start < text.len() || ranges.is_empty() {
        ranges.push(start..text.len());
    }
    ranges
}

/// Which layers of a piece's analysis the document keeps.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Kept {
    /// Stories, sentences and events (what coding writes).
    Events,
    /// Those and the actor mentions.
    Mentions,
    /// Every layer, tokens too.
    All,
}

/// Appends the layers of a piece analysed on its own to the document's,
/// those `kept`: their spans moved to the whole text by `place`, their
/// sentence indices after the document's. Without the tokens, the token
/// ranges of sentences and mentions are empty.
pub(crate) fn join(doc: &mut Document, piece: Document, place: impl Fn(Span) -> Span, kept: Kept) {
    let first_sentence = doc.sentences.len();
    let first_token = doc.tokens.len();
    let keep_tokens = kept == Kept::All;
    let tokens = |range: Range<usize>| {
        if keep_tokens {
            range.start + first_token..range.end + first_token
        } else {
            0..0
        }
    };
    let each = |mut s: Story| {
        s.span = place(s.span);
        s
    };
    append(
        &mut doc.stories,
        piece.stories.into_iter().map(each).collect(),
    );
    let each = |mut s: Sentence| {
        s.span = place(s.span);
        s.tokens = tokens(s.tokens);
        s
    };
    append(
        &mut doc.sentences,
        piece.sentences.into_iter().map(each).collect(),
    );
    if keep_tokens {
        let each = |mut t: Token| {
            t.span = place(t.span);
            t.head = t.head.map(|h| h + first_token);
            t
        };
        append(
            &mut doc.tokens,
            piece.tokens.into_iter().map(each).collect(),
        );
    }
    if kept >= Kept::Mentions {
        let each = |mut m: ActorMention| {
            m.sentence += first_sentence;
            m.tokens = tokens(m.tokens);
            m.span = place(m.span);
            m
        };
        append(
            &mut doc.mentions,
            piece.mentions.into_iter().map(each).collect(),
        );
    }
    let each = |mut e: Event| {
        e.sentence += first_sentence;
        for actor in [&mut e.source, &mut e.target].into_iter().flatten() {
            actor.span = place(actor.span);
        }
        e.evidence.span = place(e.evidence.span);
        e
    };
    append(
        &mut doc.events,
        piece.events.into_iter().map(each).collect(),
    );
}

/// Appends `layer` to `to`, taking it whole when `to` is empty: a
/// layer mapped in place (`into_iter().map().collect()` keeps its
/// allocation) is then never copied, so that a document read whole holds
/// its tokens once.
fn append<T>(to: &mut Vec<T>, layer: Vec<T>) {
    if to.is_empty() {
        *to = layer;
    } else {
        to.extend(layer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, max: usize) -> Vec<&str> {
        pieces(text, max).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn texts_are_cut_at_the_best_boundary_within_reach() {
        assert_eq!(cut("One two.", 20), ["One two."]);
        assert_eq!(
            cut("Para one.\n\nPara two. Still two.\nLine three.", 30),
            ["Para one.\n\n", "Para two. Still two.\n", "Line three."]
        );
        assert_eq!(
            cut("First sentence. Second one here", 20),
            ["First sentence. ", "Second one here"]
        );
        assert_eq!(cut("aaaa bbbb cccc", 7), ["aaaa ", "bbbb ", "cccc"]);
        assert_eq!(cut("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        // never inside a character, and never an empty piece
        assert_eq!(cut("ééé", 3), ["é", "é", "é"]);
        assert_eq!(cut("éé", 1), ["é", "é"]);
    }
}
