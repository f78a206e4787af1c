//! Coreference within a document: later mentions that name an earlier actor
//! without its full name.
//!
//! - a surname alone ("Pompeo") after the full name ("Mike Pompeo"), also for
//!   names found after a title ("opposition leader Juan Guaido" → "Guaido");
//! - personal pronouns: "he"/"she" to the latest named person (or titled
//!   official), "it" to the latest state or organisation, "they" to the
//!   latest group or state;
//! - "his country", "its government": the country of that antecedent;
//! - a description ("the Russian president") to the latest named person
//!   with the same country and sector.
//!
//! Pronouns are a closed grammatical class, so their lists live here rather
//! than in the dictionaries.

use std::collections::HashMap;

use dyad_core::{Actor, ActorMention, Document, Span, Via};

/// What a pronoun can refer to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Referent {
    Person,
    State,
    Group,
}

fn pronoun(word: &str) -> Option<Referent> {
    match word {
        "he" | "she" | "him" | "her" => Some(Referent::Person),
        "it" => Some(Referent::State),
        "they" | "them" => Some(Referent::Group),
        _ => None,
    }
}

/// What an earlier mention can be referred back to as.
fn referent(m: &ActorMention, plural: bool) -> Referent {
    if m.actor.name.is_some() && m.actor.code.len() >= 3 && !m.entry.starts_with("organisations:") {
        Referent::Person
    } else if m.actor.sector.is_none() || m.entry.starts_with("organisations:") {
        Referent::State
    } else if plural {
        Referent::Group
    } else {
        Referent::Person
    }
}

/// Adds coreferent mentions to `doc.mentions` and names to descriptions.
pub fn link(doc: &mut Document) {
    let mut surnames: HashMap<String, usize> = HashMap::new();
    let mut added: Vec<ActorMention> = Vec::new();
    // Latest antecedent of each kind, as an index into `doc.mentions`.
    let mut latest: HashMap<u8, usize> = HashMap::new();
    let key = |r: Referent| r as u8;
    let mut named: Vec<usize> = Vec::new();
    let mut next_mention = 0;
    for si in 0..doc.sentences.len() {
        let range = doc.sentences[si].tokens.clone();
        let mut k = range.start;
        while k < range.end {
            // Mentions starting here update the antecedents.
            if let Some(mi) = (next_mention..doc.mentions.len()).find(|&i| doc.mentions[i].tokens.start == k) {
                describe(doc, mi, &named);
                let m = &doc.mentions[mi];
                let plural = doc.tokens[m.tokens.end - 1].tag.ends_with('S');
                let r = referent(m, plural);
                latest.insert(key(r), mi);
                if r == Referent::Person {
                    if m.actor.name.is_some() {
                        named.push(mi);
                    }
                    if let Some(name) = &m.actor.name {
                        if let Some(last) = name.split_whitespace().last().filter(|w| w.len() > 2) {
                            surnames.entry(last.to_string()).or_insert(mi);
                        }
                    }
                }
                if matches!(r, Referent::State | Referent::Group) && plural {
                    latest.insert(key(Referent::Group), mi);
                }
                next_mention = mi + 1;
                k = m.tokens.end;
                continue;
            }
            let word = doc.slice(doc.tokens[k].span).to_string();
            let lower = word.to_lowercase();
            let antecedent = if let Some(&mi) = surnames.get(&word) {
                Some((mi, "coreference:surname", k + 1))
            } else if let Some(r) = pronoun(&lower).filter(|_| doc.tokens[k].tag.starts_with("PRP")) {
                latest.get(&key(r)).map(|&mi| (mi, "coreference:pronoun", k + 1))
            } else if matches!(lower.as_str(), "his" | "her" | "its" | "their")
                && k + 1 < range.end
                && matches!(doc.slice(doc.tokens[k + 1].span), "country" | "government" | "nation")
            {
                let r = if lower == "its" || lower == "their" { Referent::State } else { Referent::Person };
                latest.get(&key(r)).map(|&mi| (mi, "coreference:possessive", k + 2))
            } else {
                None
            };
            if let Some((mi, rule, end)) = antecedent {
                let source = &doc.mentions[mi];
                let mut actor: Actor = source.actor.clone();
                if rule == "coreference:possessive" {
                    // "his country" is the state; "his government" its government.
                    let gov = doc.slice(doc.tokens[k + 1].span) == "government";
                    let country = actor.country.clone().unwrap_or_default();
                    actor = Actor {
                        code: format!("{country}{}", if gov { "GOV" } else { "" }),
                        country: actor.country,
                        sector: gov.then(|| "GOV".to_string()),
                        name: None,
                    };
                }
                let span = Span::new(doc.tokens[k].span.start, doc.tokens[end - 1].span.end);
                added.push(ActorMention {
                    sentence: si,
                    tokens: k..end,
                    span,
                    actor,
                    via: Via::Coreference,
                    entry: format!("{rule}:{}", doc.slice(source.span)),
                    country_from_context: source.country_from_context,
                });
                k = end;
                continue;
            }
            k += 1;
        }
    }
    if !added.is_empty() {
        doc.mentions.extend(added);
        doc.mentions.sort_by_key(|m| m.tokens.start);
    }
}

/// "the Russian president" after "Vladimir Putin": the description takes the
/// name of the latest named person (of `named`) with the same country and sector.
fn describe(doc: &mut Document, mi: usize, named: &[usize]) {
    let m = &doc.mentions[mi];
    if m.actor.name.is_some() || m.via != Via::Title || m.actor.sector.is_none() {
        return;
    }
    let same = |p: &&usize| {
        let person = &doc.mentions[**p];
        person.actor.country == m.actor.country && person.actor.sector == m.actor.sector
    };
    if let Some(&pi) = named.iter().rev().find(same) {
        let person = &doc.mentions[pi];
        let name = person.actor.name.clone();
        let from = doc.slice(person.span).to_string();
        let m = &mut doc.mentions[mi];
        m.actor.name = name;
        m.via = Via::Coreference;
        m.entry = format!("{}+coreference:description:{from}", m.entry);
    }
}
