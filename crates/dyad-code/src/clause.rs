//! Light clause structure over tagged tokens: where a clause begins and ends,
//! what the verb group before a trigger says (negation, modality, passive),
//! and which words open a subordinate or reported clause.
//!
//! These are the questions the event coder asks of syntax; they are answered
//! from Penn tags and a few closed word classes, which are grammar rather than
//! dictionary knowledge and so live here.

use std::borrow::Cow;

use dyad_core::Token;
use dyad_lexicon::PlaceWords;

/// Words after which a new clause starts, for finding a verb's subject and object.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "which", "who", "whom", "because", "after", "before", "while", "when", "but",
    "although", "though", "if", "unless", "where", "since", "until",
];

/// Whether an actor after this (lower-case) word is where or when, not
/// whom: a preposition of place or time (`data/places/words.tsv`).
pub fn is_locative(word: &str) -> bool {
    PlaceWords::builtin().is_locative(word)
}

/// Prepositions that open an adjunct of time or cause ("following the
/// discovery of Russian-made rockets"): the verb's object comes before one.
pub const ADJUNCTS: &[&str] = &["following", "amid", "despite", "during", "ahead"];

/// Whether a place after this (lower-case) word gives its country to the
/// sentence's groups ("students in Nairobi", "security forces from Guinea").
pub fn places_groups(word: &str) -> bool {
    PlaceWords::builtin().places_groups(word)
}

/// Nouns of quantity ("tens of thousands of troops"): with their "of",
/// part of an amount, not words between a verb and its object.
pub const QUANTITIES: &[&str] = &[
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "dozens",
    "scores",
    "dozen",
    "hundred",
    "thousand",
    "million",
    "billion",
];

/// Auxiliaries between a coordinating word and its verb ("and has invaded").
pub const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "is", "are", "was", "were", "be", "been", "will", "would", "could",
    "can", "may", "might",
];

/// Modifiers that tie coordinated nouns into one group or one person ("A and
/// the other B" are a part and the rest of one group, "an envoy and a former
/// minister" may be one man described twice): coordination across
/// adjectives does not pass over them.
pub const LINKING_MODIFIERS: &[&str] = &["other", "such", "several", "many", "former"];

/// Particles of phrasal verbs ("take in", "call off", "hand over").
pub const PARTICLES: &[&str] = &["in", "out", "up", "off", "over", "down", "back", "away"];

/// Negators.
pub(crate) const NEGATORS: &[&str] = &["not", "n't", "never", "no"];
pub(crate) const FUTURE: &[&str] = &["will", "'ll", "shall", "would", "wo"];
pub(crate) const HYPOTHETICAL: &[&str] = &["could", "might", "may", "can", "ca"];
pub(crate) const OBLIGATION: &[&str] = &["must"];
pub(crate) const ADVICE: &[&str] = &["should", "ought"];
const BE: &[&str] = &[
    "be", "is", "are", "was", "were", "been", "being", "'s", "'re", "am",
];

/// The lower-cased text of a token, with straight apostrophes; borrowed
/// when already so, as most tokens are.
pub fn lower<'t>(text: &'t str, t: &Token) -> Cow<'t, str> {
    let w = t.span.slice(text);
    if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Cow::Owned(w.to_lowercase().replace('’', "'"))
    } else {
        Cow::Borrowed(w)
    }
}

/// Whether a token ends the clause it is in.
pub fn is_boundary(text: &str, t: &Token) -> bool {
    is_boundary_word(&lower(text, t))
}

/// Whether a lower-cased word ends the clause it is in.
/// Honorifics before a surname ("Mr. Assad", "Ms. Haley").
const HONORIFICS: &[&str] = &["Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "Dr.", "Dr"];

/// Whether a word is an honorific before a surname, in any case: no word of
/// the phrase between a verb and the actor it names ("spoke to Mr. Trump").
pub fn is_honorific(w: &str) -> bool {
    HONORIFICS.iter().any(|h| h.eq_ignore_ascii_case(w))
}

pub fn is_boundary_word(w: &str) -> bool {
    matches!(w, ";" | ":" | "—" | "–" | "--" | "(" | ")") || CLAUSE_OPENERS.contains(&w)
}

pub fn is_verb(t: &Token) -> bool {
    t.tag.starts_with("VB") || t.tag == "MD"
}

pub fn is_noun(t: &Token) -> bool {
    t.tag.starts_with("NN")
}

/// What the words right before a verb say about it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct VerbGroup {
    pub negated: bool,
    pub future: bool,
    pub hypothetical: bool,
    /// "must": what someone demands of the subject.
    pub obligation: bool,
    /// "should": what someone urges the subject to do.
    pub advice: bool,
    pub passive: bool,
}

/// Reads the auxiliaries and adverbs before the verb at `i` (a trigger).
pub fn verb_group(text: &str, tokens: &[Token], i: usize) -> VerbGroup {
    let mut g = VerbGroup::default();
    let head = &tokens[i];
    let mut j = i;
    let mut saw_be = false;
    while j > 0 && i - j < 6 {
        j -= 1;
        let t = &tokens[j];
        let w = lower(text, t);
        // "not only ... but also": no negation
        let not_only = tokens.get(j + 1).is_some_and(|n| lower(text, n) == "only");
        if NEGATORS.contains(&&*w) && !not_only {
            g.negated = true;
        } else if FUTURE.contains(&&*w) {
            g.future = true;
        } else if HYPOTHETICAL.contains(&&*w) && t.tag != "NNP" {
            // (not "Prime Minister Theresa May")
            g.hypothetical = true;
        } else if OBLIGATION.contains(&&*w) {
            g.obligation = true;
        } else if ADVICE.contains(&&*w) {
            g.advice = true;
        } else if BE.contains(&&*w) {
            saw_be = true;
        } else if matches!(t.tag, "``" | "''") {
            // 'is "threatened by': a quotation opening inside the group
        } else if t.tag == "CC"
            && j > 0
            && tokens[j - 1].tag.starts_with("RB")
            && tokens[j + 1].tag.starts_with("RB")
        {
            // "has not publicly and specifically described": coordinated
            // adverbs inside the group
        } else if !(t.tag.starts_with("RB")
            || t.tag.starts_with("VB")
            || t.tag == "MD"
            || t.tag == "TO")
        {
            // "do not need to send": the words before "to" still count.
            break;
        }
    }
    g.passive = saw_be && head.tag == "VBN";
    // "Clinton was to meet Abbas", "the talks are to resume": a plan
    let planned = i >= 2
        && head.tag == "VB"
        && lower(text, &tokens[i - 1]) == "to"
        && matches!(
            &*lower(text, &tokens[i - 2]),
            "is" | "are" | "was" | "were" | "am" | "'s" | "'re"
        );
    g.future |= planned;
    g
}
