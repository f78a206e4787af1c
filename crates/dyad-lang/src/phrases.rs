//! Phrases and clauses read off a dependency parse.
//!
//! The parser gives every word a head and a label; readers (and `dyad
//! explain`) think in chunks and clauses: "[the Russian president] [has
//! rejected] [the proposal]", a `that` clause, a relative clause. Both are
//! derived here from the arcs, without a second model:
//!
//! * a noun phrase is a noun or pronoun with the words before it that
//!   depend on it inside the phrase (determiners, adjectives, compounds,
//!   possessives, numbers: "Russia 's foreign minister"); prepositional
//!   phrases after it stay out, as in a base-NP chunker;
//! * a verb group is a verb with its auxiliaries, negation and adverbs
//!   before it ("would not have") and its particle after it ("called off");
//! * a clause is the subtree of a verb that heads the sentence or a clausal
//!   relation (complement, adverbial, relative, open complement, conjunct).

use std::ops::Range;

use crate::Arc;

/// What a phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhraseKind {
    /// A base noun phrase ("the Russian president").
    Noun,
    /// A verb with its auxiliaries and particle ("has not called off").
    Verb,
}

impl PhraseKind {
    /// The usual chunk label: `NP` or `VG`.
    pub fn label(self) -> &'static str {
        match self {
            PhraseKind::Noun => "NP",
            PhraseKind::Verb => "VG",
        }
    }
}

/// A phrase: a contiguous run of words with one head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    pub kind: PhraseKind,
    /// The words, as indices into the sentence.
    pub words: Range<usize>,
    pub head: usize,
}

/// A clause: the words a verb governs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// `main` for the sentence's root, otherwise the verb's relation:
    /// `ccomp` (reported or `that` clause), `xcomp` (open complement,
    /// "agreed to meet"), `advcl`, `relcl`, `acl`, `conj`, `csubj`,
    /// `parataxis`, `pcomp`.
    pub kind: &'static str,
    pub verb: usize,
    /// The verb's whole subtree, as indices into the sentence.
    pub words: Range<usize>,
}

/// Relations by which a word belongs to the noun phrase of a later head.
const NOUN_MODIFIERS: &[&str] = &[
    "det", "predet", "amod", "compound", "poss", "nummod", "nmod", "case", "quantmod", "advmod",
    "punct",
];

/// Relations by which a word belongs to the verb group of a later verb.
const VERB_MODIFIERS: &[&str] = &["aux", "auxpass", "neg", "advmod"];

/// Relations that make a verb head a clause of its own.
const CLAUSAL: &[&str] = &[
    "ccomp",
    "xcomp",
    "advcl",
    "relcl",
    "acl",
    "conj",
    "csubj",
    "csubjpass",
    "parataxis",
    "pcomp",
];

fn is_noun_head(tag: &str) -> bool {
    tag.starts_with("NN") || matches!(tag, "PRP" | "CD" | "EX")
}

fn is_verb(tag: &str) -> bool {
    tag.starts_with("VB") || tag == "MD"
}

/// Whether word `k` reaches `head` through modifiers before it ("'s" in
/// "Russia 's foreign minister" through "Russia").
fn inside(arcs: &[Arc], k: usize, head: usize, modifiers: &[&str]) -> bool {
    let mut cur = k;
    for _ in 0..arcs.len() {
        match arcs[cur].head {
            Some(h) if h == head => return true,
            Some(h) if h < head && modifiers.contains(&arcs[h].label) => cur = h,
            _ => return false,
        }
    }
    false
}

/// The noun phrases and verb groups of a parsed sentence, in order.
pub fn phrases(tags: &[&str], arcs: &[Arc]) -> Vec<Phrase> {
    let mut out = Vec::new();
    let mut k = tags.len();
    while k > 0 {
        k -= 1;
        let (kind, modifiers) = if is_noun_head(tags[k]) {
            (PhraseKind::Noun, NOUN_MODIFIERS)
        } else if is_verb(tags[k]) && !VERB_MODIFIERS.contains(&arcs[k].label) {
            (PhraseKind::Verb, VERB_MODIFIERS)
        } else {
            continue;
        };
        let head = k;
        let mut start = head;
        while start > 0 {
            let prev = start - 1;
            let belongs = modifiers.contains(&arcs[prev].label)
                && inside(arcs, prev, head, modifiers)
                && (arcs[prev].label != "punct" || tags[prev] == "HYPH");
            if !belongs {
                break;
            }
            start = prev;
        }
        let mut end = head + 1;
        if kind == PhraseKind::Verb && end < tags.len() && arcs[end].label == "prt" {
            end += 1;
        }
        out.push(Phrase {
            kind,
            words: start..end,
            head,
        });
        k = start;
    }
    out.reverse();
    out
}

/// The clauses of a parsed sentence, ordered by their verb.
pub fn clauses(tags: &[&str], arcs: &[Arc]) -> Vec<Clause> {
    let mut spans: Vec<Range<usize>> = (0..arcs.len()).map(|k| k..k + 1).collect();
    // Every word widens the span of each of its heads up to the root.
    for k in 0..arcs.len() {
        let mut cur = arcs[k].head;
        for _ in 0..arcs.len() {
            let Some(h) = cur else { break };
            let span = &mut spans[h];
            *span = span.start.min(k)..span.end.max(k + 1);
            cur = arcs[h].head;
        }
    }
    (0..arcs.len())
        .filter_map(|k| {
            let kind = match arcs[k].head {
                None => "main",
                Some(_) if CLAUSAL.contains(&arcs[k].label) && is_verb(tags[k]) => arcs[k].label,
                _ => return None,
            };
            Some(Clause {
                kind,
                verb: k,
                words: spans[k].clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Parser, Tagger};

    fn analyse(sentence: &str) -> (Vec<&str>, Vec<Phrase>, Vec<Clause>) {
        let words: Vec<&str> = sentence.split(' ').collect();
        let tags = Tagger::builtin().tag(&words);
        let arcs = Parser::builtin().parse(&words, &tags);
        let p = phrases(&tags, &arcs);
        let c = clauses(&tags, &arcs);
        (words, p, c)
    }

    fn text(words: &[&str], r: &Range<usize>) -> String {
        words[r.clone()].join(" ")
    }

    #[test]
    fn noun_phrases_and_verb_groups() {
        let (w, p, _) =
            analyse("Russia 's foreign minister has not called off the talks with Kiev .");
        let chunks: Vec<(String, &str)> = p
            .iter()
            .map(|p| (text(&w, &p.words), p.kind.label()))
            .collect();
        assert_eq!(
            chunks,
            [
                ("Russia 's foreign minister".to_string(), "NP"),
                ("has not called off".to_string(), "VG"),
                ("the talks".to_string(), "NP"),
                ("Kiev".to_string(), "NP"),
            ]
        );
    }

    #[test]
    fn reported_and_open_clauses() {
        let (w, _, c) = analyse("The ministry said that Iran had agreed to release the sailors .");
        let kinds: Vec<(&str, String)> = c.iter().map(|c| (c.kind, text(&w, &c.words))).collect();
        assert_eq!(kinds[0].0, "main");
        assert!(
            kinds.contains(&(
                "ccomp",
                "that Iran had agreed to release the sailors".to_string()
            )),
            "{kinds:?}"
        );
        assert!(
            kinds.contains(&("xcomp", "to release the sailors".to_string())),
            "{kinds:?}"
        );
    }
}
