//! Unicode sentence boundaries (UAX #29) exactly as `unicode-segmentation`
//! finds them, for text whose characters all lie in Latin-1 and General
//! Punctuation (U+0000–U+00FF, U+2000–U+206F): nearly all news text.
//!
//! Hand-written in place of the crate's `split_sentence_bound_indices` for
//! speed, not for different results. The crate looks every character up in
//! its full Unicode table by binary search, which made sentence splitting a
//! tenth of the pipeline's instructions. This is a port of the crate's own
//! state machine (unicode-segmentation 1.13, `src/sentence.rs`, quirks
//! included) over a table of just those two blocks, copied from the crate's
//! `sentence_cat_table`. Text with any other character goes to the crate
//! (see [`sentence_bound_indices`]), and a test compares the two on random
//! text.

use unicode_segmentation::UnicodeSegmentation;

/// The Sentence_Break property values that occur in the covered blocks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Category {
    Other,
    CR,
    LF,
    Sep,
    Sp,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    SContinue,
    Extend,
    Format,
}

/// The category of a character of the covered blocks; `None` outside them.
#[inline]
fn category(c: char) -> Option<Category> {
    match LATIN1.get(c as usize) {
        Some(&cat) => Some(cat),
        None => covered_category(c as u32),
    }
}

/// The categories of U+0000–U+00FF.
static LATIN1: [Category; 256] = {
    let mut table = [Category::Other; 256];
    let mut c = 0;
    while c < 256 {
        if let Some(cat) = covered_category(c as u32) {
            table[c] = cat;
        }
        c += 1;
    }
    table
};

/// The categories, from the crate's `sentence_cat_table`.
const fn covered_category(c: u32) -> Option<Category> {
    use Category::*;
    Some(match c {
        0x09 | 0x0b | 0x0c | 0x20 | 0xa0 => Sp,
        0x0a => LF,
        0x0d => CR,
        0x21 | 0x3f => STerm,
        0x22 | 0x27..=0x29 | 0x5b | 0x5d | 0x7b | 0x7d | 0xab | 0xbb => Close,
        0x2c | 0x2d | 0x3a | 0x3b => SContinue,
        0x2e => ATerm,
        0x30..=0x39 => Numeric,
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde => Upper,
        0x61..=0x7a | 0xaa | 0xb5 | 0xba | 0xdf..=0xf6 | 0xf8..=0xff => Lower,
        0x85 => Sep,
        0xad => Format,
        0x00..=0xff => Other,
        0x2000..=0x200a | 0x202f | 0x205f => Sp,
        0x200b | 0x200e | 0x200f | 0x202a..=0x202e | 0x2060..=0x2064 | 0x2066..=0x206f => Format,
        0x200c | 0x200d => Extend,
        0x2013 | 0x2014 => SContinue,
        0x2018..=0x201f | 0x2039 | 0x203a | 0x2045 | 0x2046 => Close,
        0x2024 => ATerm,
        0x2028 | 0x2029 => Sep,
        0x203c | 0x203d | 0x2047..=0x2049 => STerm,
        0x2000..=0x206f => Other,
        _ => return None,
    })
}

/// One part of the state: a category, runs of `Close` and of `Sp`
/// collapsed (the crate's `StatePart`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Sot,
    Eot,
    Other,
    CR,
    LF,
    Sep,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

/// The last four parts, latest last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct State([Part; 4]);

impl State {
    fn next(self, cat: Category) -> State {
        let p = self.0;
        match (p[3], cat) {
            (Part::ClosePlus, Category::Close) | (Part::SpPlus, Category::Sp) => self,
            _ => State([
                p[1],
                p[2],
                p[3],
                match cat {
                    Category::CR => Part::CR,
                    Category::LF => Part::LF,
                    Category::Sep => Part::Sep,
                    Category::ATerm => Part::ATerm,
                    Category::Upper | Category::Lower => Part::UpperLower,
                    Category::Close => Part::ClosePlus,
                    Category::Sp => Part::SpPlus,
                    Category::STerm => Part::STerm,
                    _ => Part::Other,
                },
            ]),
        }
    }

    fn end(self) -> State {
        let p = self.0;
        State([p[1], p[2], p[3], Part::Eot])
    }

    fn last(self) -> Part {
        self.0[3]
    }

    /// The index of the part before a trailing `Sp*` and then `Close*`.
    fn before_close_sp(self) -> usize {
        let mut i = if self.0[3] == Part::SpPlus { 2 } else { 3 };
        if self.0[i] == Part::ClosePlus {
            i -= 1;
        }
        i
    }

    fn is_saterm(part: Part) -> bool {
        matches!(part, Part::STerm | Part::ATerm)
    }

    /// SB8: `ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower`.
    fn sb8(self, ahead: &str) -> bool {
        if self.0[self.before_close_sp()] != Part::ATerm {
            return false;
        }
        for c in ahead.chars() {
            match category(c).expect("covered text") {
                Category::Lower => return true,
                Category::Upper
                | Category::Sep
                | Category::CR
                | Category::LF
                | Category::STerm
                | Category::ATerm => return false,
                _ => {}
            }
        }
        false
    }

    /// SB8a and SB10: `SATerm Close* Sp*` ends the state.
    fn sb8a(self) -> bool {
        State::is_saterm(self.0[self.before_close_sp()])
    }

    /// SB9: `SATerm Close*` ends the state.
    fn sb9(self) -> bool {
        let i = if self.0[3] == Part::ClosePlus { 2 } else { 3 };
        State::is_saterm(self.0[i])
    }

    /// SB11: `SATerm Close* Sp* ParaSep?` ends the state.
    fn sb11(self) -> bool {
        let mut i = match self.0[3] {
            Part::Sep | Part::CR | Part::LF => 2,
            _ => 3,
        };
        if self.0[i] == Part::SpPlus {
            i -= 1;
        }
        if self.0[i] == Part::ClosePlus {
            i -= 1;
        }
        State::is_saterm(self.0[i])
    }
}

/// The byte offsets of the sentence breaks of covered text, the start
/// of the text first (the crate's `SentenceBreaks`).
struct Breaks<'a> {
    text: &'a str,
    pos: usize,
    state: State,
}

impl Iterator for Breaks<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        use Category as C;
        for c in self.text[self.pos..].chars() {
            let before = self.pos;
            let state = self.state;
            let cat = category(c).expect("covered text");
            self.pos += c.len_utf8();
            self.state = state.next(cat);
            let last = state.last();
            // After a letter or other character, no rule but SB5 and SB998
            // applies (each looks for a terminator, space, closer or
            // paragraph separator just before).
            if matches!(last, Part::Other | Part::UpperLower)
                && !matches!(cat, C::Extend | C::Format)
            {
                continue;
            }
            let [.., second_last, _] = state.0;
            match cat {
                // SB1
                _ if last == Part::Sot => return Some(before),
                // SB3
                C::LF if last == Part::CR => continue,
                // SB4
                _ if matches!(last, Part::Sep | Part::CR | Part::LF) => return Some(before),
                // SB5
                C::Extend | C::Format => self.state = state,
                // SB6
                C::Numeric if last == Part::ATerm => continue,
                // SB7
                C::Upper if second_last == Part::UpperLower && last == Part::ATerm => continue,
                // SB8
                _ if state.sb8(&self.text[before..]) => continue,
                // SB8a
                C::SContinue | C::STerm | C::ATerm if state.sb8a() => continue,
                // SB9
                C::Close | C::Sp | C::Sep | C::CR | C::LF if state.sb9() => continue,
                // SB10
                C::Sp | C::Sep | C::CR | C::LF if state.sb8a() => continue,
                // SB11
                _ if state.sb11() => return Some(before),
                // SB998
                _ => continue,
            }
        }
        // SB2
        if matches!(self.state.last(), Part::Sot | Part::Eot) {
            None
        } else {
            self.state = self.state.end();
            Some(self.pos)
        }
    }
}

/// The sentence pieces of `text` with their byte offsets, as
/// `unicode-segmentation`'s `split_sentence_bound_indices` gives them.
pub(crate) fn sentence_bound_indices(text: &str) -> Vec<(usize, &str)> {
    if text.is_ascii() || text.chars().all(|c| category(c).is_some()) {
        let mut breaks = Breaks {
            text,
            pos: 0,
            state: State([Part::Sot; 4]),
        };
        let Some(mut start) = breaks.next() else {
            return Vec::new();
        };
        breaks
            .map(|end| {
                let piece = (start, &text[start..end]);
                start = end;
                piece
            })
            .collect()
    } else {
        text.split_sentence_bound_indices().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_unicode_segmentation_on_random_text() {
        // Every covered character, with the ones that matter to the rules
        // (terminators, closers, spaces, line breaks, letters) far more often.
        let covered: Vec<char> = (0u32..=0xff)
            .chain(0x2000..=0x206f)
            .filter_map(char::from_u32)
            .collect();
        let frequent: Vec<char> =
            ". . . ! ? \" ' ( ) ” ’ “ , ; : - — \n \r \t a b x A B X 1 9 é É \u{a0}"
                .split(' ')
                .flat_map(str::chars)
                .chain([' ', ' ', ' '])
                .collect();
        // seeded, so that a failure repeats
        let mut random = fastrand::Rng::with_seed(20240611);
        for _ in 0..20_000 {
            let len = random.usize(..24);
            let text: String = (0..len)
                .map(|_| {
                    if random.u8(..5) == 0 {
                        covered[random.usize(..covered.len())]
                    } else {
                        frequent[random.usize(..frequent.len())]
                    }
                })
                .collect();
            let expected: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
            assert_eq!(sentence_bound_indices(&text), expected, "{text:?}");
        }
    }

    #[test]
    fn agrees_on_news_text_and_hands_other_text_to_the_crate() {
        for text in [
            "Lt. Gen. Smith arrived. The U.S. Navy said so!“Really?” he asked.\n\nNext",
            "It rose 3.5 percent. etc. and more... Then (again.) Done",
            "Über Straße — “Ça va?” ‘Oui.’ Fin.\r\nNew line",
            "Москва. Россия!",
            "",
        ] {
            let expected: Vec<(usize, &str)> = text.split_sentence_bound_indices().collect();
            assert_eq!(sentence_bound_indices(text), expected, "{text:?}");
        }
    }
}
