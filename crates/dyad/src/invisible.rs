//! Characters that print nothing: zero-width spaces and joiners (U+200B,
//! U+200C, U+200D, U+2060), a byte-order mark inside the text (U+FEFF) and
//! soft hyphens (U+00AD). Pasted and scraped text carries them inside
//! words ("Is\u{AD}rael"), where they would keep a name or a verb from
//! matching; the stages read the text without them ([`strip`]), and
//! [`Removed`] maps what they find back to the text as given.

use dyad_core::Span;

/// The characters read as absent.
const INVISIBLE: [char; 6] = [
    '\u{00AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}',
];

/// Whether a text holds any of the invisible characters.
pub(crate) fn any(text: &str) -> bool {
    text.contains(INVISIBLE)
}

/// Where invisible characters were removed from a text: for each run of
/// them, its offset in the text without them and the bytes removed up to
/// and including it, in text order.
pub(crate) struct Removed(Vec<(usize, usize)>);

/// The text without its invisible characters, and where they were.
pub(crate) fn strip(original: &str) -> (String, Removed) {
    let mut text = String::with_capacity(original.len());
    let mut removed: Vec<(usize, usize)> = Vec::new();
    let mut total = 0;
    let mut rest = original;
    while let Some(at) = rest.find(INVISIBLE) {
        text.push_str(&rest[..at]);
        let width = rest[at..].chars().next().map_or(0, char::len_utf8);
        total += width;
        match removed.last_mut() {
            Some(last) if last.0 == text.len() => last.1 = total,
            _ => removed.push((text.len(), total)),
        }
        rest = &rest[at + width..];
    }
    text.push_str(rest);
    (text, Removed(removed))
}

impl Removed {
    /// The span in the original text of a span of the stripped one: it starts after
    /// the invisible characters before its first character and ends before
    /// those after its last.
    pub(crate) fn original(&self, span: Span) -> Span {
        let removed_before = |offset: usize, inclusive: bool| {
            let n = self
                .0
                .partition_point(|&(at, _)| at < offset || inclusive && at == offset);
            n.checked_sub(1).map_or(0, |i| self.0[i].1)
        };
        Span::new(
            span.start + removed_before(span.start, true),
            span.end + removed_before(span.end, false),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_the_visible_text_map_back_to_the_original() {
        let original = "Is\u{AD}rael and \u{200B}\u{200D}Iran\u{FEFF}.";
        assert!(any(original));
        assert!(!any("Israel and Iran."));
        let (text, removed) = strip(original);
        assert_eq!(text, "Israel and Iran.");
        let back = |start, end| {
            let span = removed.original(Span::new(start, end));
            &original[span.start..span.end]
        };
        assert_eq!(back(0, 6), "Is\u{AD}rael");
        assert_eq!(back(2, 6), "rael");
        assert_eq!(back(11, 15), "Iran");
        assert_eq!(back(15, 16), ".");
        assert_eq!(back(0, 16), original);
    }
}
