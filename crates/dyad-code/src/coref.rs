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
//!   with the same country and sector;
//! - "the two leaders", "both countries": one mention for each of the two
//!   latest distinct people or states, over the same words;
//! - "I" and "we" inside quotation marks: the actor the sentence quotes,
//!   named beside a reporting verb outside them ("'We will act,' Kerry
//!   said");
//! - a surname alone with no full name before it ("Assad", "Mr. Abbas"):
//!   the one person of that surname who holds an office on the document's
//!   date (Bashar al-Assad in 2012, nobody of that name in 1995), where the
//!   text names their country (a "Nunes" of an American story is no
//!   Brazilian minister).
//!
//! Pronouns, honorifics and month names are closed classes, so their lists
//! live here rather than in the dictionaries.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use dyad_core::{Actor, ActorMention, Document, Quotation, Span, Via};
use dyad_lexicon::{ActorDictionary, Sense, Senses};

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

/// What an earlier mention can be referred back to as: a person ("he"),
/// a group named in the plural ("they"), or a state, organisation or body
/// ("it": "the government", "the army").
fn referent(m: &ActorMention, plural: bool) -> Referent {
    if m.person {
        Referent::Person
    } else if plural {
        Referent::Group
    } else {
        Referent::State
    }
}

/// Nouns that, after "the", name the movement named last ("the group",
/// "the militant group"): a closed class, as the pronouns are.
const GROUP_NOUNS: &[&str] = &["group", "organization", "organisation", "movement"];

/// Whether a mention names a movement or an organisation outside a state's
/// bodies ("Islamic State", "Hamas", "Amnesty International"): what "the
/// group" refers back to.
fn is_movement(m: &ActorMention) -> bool {
    m.entry.starts_with("organisations:")
        && (matches!(m.actor.country.as_deref(), Some("IMG" | "NGO"))
            || matches!(
                m.actor.sector.as_deref(),
                Some("REB" | "INS" | "OPP" | "PTY" | "UAF" | "HRI")
            ))
}

/// Which tokens of `range` stand inside quotation marks, starting inside
/// one when `open` (a quotation the sentence before left open), and
/// whether a quotation is still open at its end.
fn quoted(doc: &Document, range: &std::ops::Range<usize>, open: bool) -> (Vec<bool>, bool) {
    let mut inside = open;
    let flags = range
        .clone()
        .map(|k| match doc.slice(doc.tokens[k].span) {
            "“" | "``" => {
                inside = true;
                false
            }
            "”" | "''" => {
                inside = false;
                false
            }
            "\"" => {
                inside = !inside;
                false
            }
            _ => inside,
        })
        .collect();
    (flags, inside)
}

/// What each sentence of a document quotes, and whose words. A quotation
/// may run over several sentences of a paragraph ("“Iran made a mistake.
/// They lied,” he said."); its speaker is the actor beside a reporting verb
/// outside its marks in any of them. A sentence that is wholly a quotation
/// nobody is named beside continues the voice of the sentence before it
/// ("Pompeo said the regime was reckless. “It has lied for years.”").
pub fn quotations(doc: &Document, senses: &Senses) -> Vec<Quotation> {
    let mut out: Vec<Quotation> = vec![Quotation::default(); doc.sentences.len()];
    let mut open = false;
    // the sentences of a quotation still open, with no speaker yet
    let mut chain: Vec<usize> = Vec::new();
    for si in 0..doc.sentences.len() {
        let range = doc.sentences[si].tokens.clone();
        let paragraph = si > 0
            && doc.text[doc.sentences[si - 1].span.end..doc.sentences[si].span.start]
                .contains("\n\n");
        if paragraph {
            open = false;
            chain.clear();
        }
        let marks = range.clone().any(|k| {
            matches!(
                doc.slice(doc.tokens[k].span),
                "“" | "”" | "\"" | "``" | "''"
            )
        });
        if !marks && !open {
            chain.clear();
            continue;
        }
        let started_open = open;
        let (inside, still_open) = quoted(doc, &range, open);
        open = still_open;
        let word = |k: usize| {
            doc.slice(doc.tokens[k].span)
                .chars()
                .any(char::is_alphanumeric)
        };
        let whole =
            range.clone().any(word) && range.clone().all(|k| inside[k - range.start] || !word(k));
        let own = if inside.iter().any(|&q| q) {
            speaker(doc, &range, &inside, senses)
        } else {
            None
        };
        out[si].inside = inside;
        out[si].whole = whole;
        if let Some(who) = own {
            out[si].speaker = Some(who);
            for &c in &chain {
                out[c].speaker = Some(who);
            }
            chain.clear();
        } else if whole {
            chain.push(si);
        }
        if !open && !chain.is_empty() {
            // a quotation closed with nobody named beside it: the voice of
            // the sentence before it
            let before = chain[0]
                .checked_sub(1)
                .filter(|_| !started_open || chain.len() > 1);
            let voice = before.and_then(|b| {
                out[b].speaker.or_else(|| {
                    let range = doc.sentences[b].tokens.clone();
                    let outside = vec![false; range.len()];
                    speaker(doc, &range, &outside, senses)
                })
            });
            for &c in &chain {
                out[c].speaker = voice;
            }
            chain.clear();
        }
    }
    out
}

/// The mention a sentence quotes: the actor beside a reporting verb outside
/// the quotation marks, after it ("…," said Kerry) or before it (Kerry
/// said: "…"), as an index into `doc.mentions`.
fn speaker(
    doc: &Document,
    range: &std::ops::Range<usize>,
    inside: &[bool],
    senses: &Senses,
) -> Option<usize> {
    let outside = |k: usize| !inside[k - range.start];
    let verb = range.clone().find(|&k| {
        outside(k)
            && (senses.is(&doc.tokens[k].lemma, Sense::Reporting)
                || doc.tokens[k].lemma.is_empty()
                    && senses.is(
                        &doc.slice(doc.tokens[k].span).to_lowercase(),
                        Sense::Reporting,
                    ))
    })?;
    let near = |m: &ActorMention| {
        let t = &m.tokens;
        range.contains(&t.start)
            && outside(t.start)
            && (t.start > verb && t.start <= verb + 3 || t.end <= verb && verb - t.end <= 3)
    };
    // Mentions are in text order: only the sentence's are looked at.
    let first = doc
        .mentions
        .partition_point(|m| m.tokens.start < range.start);
    doc.mentions[first..]
        .iter()
        .take_while(|m| m.tokens.start < range.end)
        .position(near)
        .map(|i| first + i)
}

/// Named persons by country and sector, as indexes into `doc.mentions`.
type LatestNamed = HashMap<(Option<String>, Option<String>), usize>;

/// Whether `word` may name a person the dictionary lists only in full: a
/// surname ("Assad"). A sentence whose only actor is one still needs its
/// tags. (Sentences whose only actors are pronouns stay untagged, for
/// speed: on the own coded news sentences tagging them found no event
/// more, at 4% more instructions.)
pub fn may_refer(word: &str, dict: &ActorDictionary) -> bool {
    word.starts_with(char::is_uppercase) && dict.is_surname(word)
}

/// Adds coreferent mentions to `doc.mentions` and names to descriptions.
pub fn link(doc: &mut Document, dict: &ActorDictionary, senses: &Senses) {
    // Surnames of office holders first, so that pronouns after them refer
    // to them as to any named person.
    let named = countries_named(doc);
    let mut holders = office_holders(doc, dict, &named);
    holders.extend(halves(doc, dict, &named));
    if !holders.is_empty() {
        doc.mentions.extend(holders);
        doc.mentions.sort_by_key(|m| m.tokens.start);
    }
    let mut surnames: HashMap<String, usize> = HashMap::new();
    let mut added: Vec<ActorMention> = Vec::new();
    // Latest antecedent of each kind, as an index into `doc.mentions`.
    let mut latest: HashMap<u8, usize> = HashMap::new();
    let key = |r: Referent| r as u8;
    let mut named: Vec<usize> = Vec::new();
    // The latest named person of each country and sector, so that finding
    // one does not walk every name of a long document.
    let mut latest_named = LatestNamed::new();
    let mut states: Vec<usize> = Vec::new();
    // Plural groups replaced by the pair they stand for ("the two leaders").
    let mut replaced: Vec<usize> = Vec::new();
    let mut next_mention = 0;
    // The latest named movement or organisation not of a state
    // ("Islamic State", "Hamas"), for "the group".
    let mut latest_movement: Option<usize> = None;
    for (si, quotation) in quotations(doc, senses).into_iter().enumerate() {
        let range = doc.sentences[si].tokens.clone();
        let inside = quotation.inside;
        let quoting = quotation.speaker;
        let mut k = range.start;
        while k < range.end {
            // Mentions starting here update the antecedents.
            // Mentions are in text order: the next one is the only candidate.
            while next_mention < doc.mentions.len() && doc.mentions[next_mention].tokens.start < k {
                next_mention += 1;
            }
            let starting = Some(next_mention)
                .filter(|&i| i < doc.mentions.len() && doc.mentions[i].tokens.start == k);
            if let Some(mi) = starting {
                let m = &doc.mentions[mi];
                let plural_group = m.actor.name.is_none()
                    && m.actor.sector.is_some()
                    && doc.tokens[m.tokens.end - 1].tag == "NNS";
                if plural_group && pair_word_before(doc, k, range.start) {
                    if let Some(pair) = last_two(doc, &named) {
                        let (span, tokens) = (m.span, m.tokens.clone());
                        let start = if doc
                            .slice(doc.tokens[k - 1].span)
                            .eq_ignore_ascii_case("both")
                        {
                            k - 1
                        } else {
                            k - 2
                        };
                        let span = dyad_core::Span::new(doc.tokens[start].span.start, span.end);
                        for p in pair {
                            added.push(refer(
                                doc,
                                p,
                                si,
                                start..tokens.end,
                                span,
                                "coreference:pair",
                            ));
                        }
                        replaced.push(mi);
                        next_mention = mi + 1;
                        k = tokens.end;
                        continue;
                    }
                }
                movement_described(doc, mi, latest_movement, si);
                title_holder(doc, dict, mi, &named);
                describe(doc, mi, &latest_named);
                let m = &doc.mentions[mi];
                let plural = doc.tokens[m.tokens.end - 1].tag.ends_with('S');
                let r = referent(m, plural);
                latest.insert(key(r), mi);
                if r == Referent::Person {
                    if m.actor.name.is_some() {
                        named.push(mi);
                        let key = (m.actor.country.clone(), m.actor.sector.clone());
                        latest_named.insert(key, mi);
                    }
                    if let Some(name) = &m.actor.name {
                        for surname in dict.surnames_of(name) {
                            surnames.entry(surname.to_string()).or_insert(mi);
                        }
                    }
                }
                // A place something happens in ("met in Geneva") is no party to it.
                let placed = k > range.start
                    && crate::clause::places_groups(
                        &doc.slice(doc.tokens[k - 1].span).to_lowercase(),
                    );
                if r == Referent::State
                    && !placed
                    && states
                        .last()
                        .is_none_or(|&l| doc.mentions[l].actor.code != m.actor.code)
                {
                    states.push(mi);
                }
                if matches!(r, Referent::State | Referent::Group) && plural {
                    latest.insert(key(Referent::Group), mi);
                }
                if is_movement(m) {
                    latest_movement = Some(mi);
                }
                next_mention = mi + 1;
                k = m.tokens.end;
                continue;
            }
            // "Erik Prince, who acknowledged that he ...": a person the
            // dictionaries do not know is who "he" or "she" after it most
            // likely is; no known person named before is.
            let mention_at = doc
                .mentions
                .get(next_mention)
                .map_or(usize::MAX, |m| m.tokens.start);
            // (a surname of a person named before, or one the dictionaries
            // know, is no stranger: "Mr. Schumer")
            let unknown =
                unknown_person(doc, k, range.end.min(mention_at), senses).filter(|&end| {
                    (k..end).all(|i| {
                        let w = doc.slice(doc.tokens[i].span);
                        !surnames.contains_key(w) && !dict.is_surname(w)
                    })
                });
            if let Some(end) = unknown {
                latest.remove(&key(Referent::Person));
                k = end;
                continue;
            }
            let word = doc.slice(doc.tokens[k].span);
            let lower = if word.chars().any(char::is_uppercase) {
                Cow::Owned(word.to_lowercase())
            } else {
                Cow::Borrowed(word)
            };
            // "the group", "the militant group": the movement named last,
            // in this sentence or the three before; "it" after it is it too.
            if GROUP_NOUNS.contains(&&*lower) {
                let the = (range.start.max(k.saturating_sub(3))..k)
                    .rev()
                    .take_while(|&j| {
                        matches!(doc.tokens[j].tag, "DT" | "JJ" | "NN" | "HYPH")
                            || doc.slice(doc.tokens[j].span) == "-"
                    })
                    .find(|&j| doc.slice(doc.tokens[j].span).eq_ignore_ascii_case("the"));
                let antecedent = latest_movement.filter(|&mi| doc.mentions[mi].sentence + 3 >= si);
                if let (Some(start), Some(mi)) = (the, antecedent) {
                    let span = Span::new(doc.tokens[start].span.start, doc.tokens[k].span.end);
                    added.push(refer(doc, mi, si, start..k + 1, span, "coreference:group"));
                    latest.insert(key(Referent::State), mi);
                    k += 1;
                    continue;
                }
            }
            // "both countries", "the two sides": the two latest states.
            let pair_noun = k + 1 < range.end
                && matches!(
                    doc.slice(doc.tokens[k + 1].span),
                    "countries" | "nations" | "sides" | "governments" | "neighbours" | "neighbors"
                );
            if pair_noun && matches!(&*lower, "both" | "two") {
                // states named, else the countries of the actors named in
                // this sentence and the one before, not as places ("the extended
                // deterrence Hagel reaffirmed for South Korea ..., adding the
                // two countries also agreed")
                let states_pair = last_two(doc, &states);
                let of_countries = states_pair.is_none();
                let pair = states_pair.or_else(|| {
                    let nearby: Vec<usize> = (0..next_mention)
                        .filter(|&i| {
                            let m = &doc.mentions[i];
                            let start = m.tokens.start;
                            let placed = start > 0
                                && crate::clause::places_groups(
                                    &doc.slice(doc.tokens[start - 1].span).to_lowercase(),
                                );
                            m.sentence + 1 >= si && !placed && !m.country_from_context
                        })
                        .collect();
                    last_two_countries(doc, &nearby)
                });
                if let Some(pair) = pair {
                    // "the foreign ministers of both countries": a group of
                    // no country of its own "of" the pair is the pair's
                    // groups, one of each.
                    let of = k > range.start + 1 && doc.slice(doc.tokens[k - 1].span) == "of";
                    let group = doc.mentions[..next_mention].iter().rposition(|m| {
                        of && m.tokens.end == k - 1
                            && m.country_from_context
                            && m.actor.name.is_none()
                            && m.actor.sector.is_some()
                    });
                    if let Some(g) = group {
                        let tokens = doc.mentions[g].tokens.start..k + 2;
                        let span = dyad_core::Span::new(
                            doc.mentions[g].span.start,
                            doc.tokens[k + 1].span.end,
                        );
                        let sector = doc.mentions[g].actor.sector.clone();
                        for p in pair {
                            let mut each =
                                refer(doc, p, si, tokens.clone(), span, "coreference:pair");
                            let country = each.actor.country.clone().unwrap_or_default();
                            each.actor.code =
                                format!("{country}{}", sector.as_deref().unwrap_or(""));
                            each.actor.sector = sector.clone();
                            each.person = false;
                            added.push(each);
                        }
                        replaced.push(g);
                        k += 2;
                        continue;
                    }
                    let span =
                        dyad_core::Span::new(doc.tokens[k].span.start, doc.tokens[k + 1].span.end);
                    for p in pair {
                        let mut each = refer(doc, p, si, k..k + 2, span, "coreference:pair");
                        if of_countries {
                            // the country a person stands for, not the person
                            let country = each.actor.country.clone().unwrap_or_default();
                            each.actor.code = country;
                            each.actor.sector = None;
                            each.actor.name = None;
                            each.person = false;
                        }
                        added.push(each);
                    }
                    k += 2;
                    continue;
                }
            }
            let first_person = matches!(&*lower, "i" | "we" | "me" | "us")
                && inside.get(k - range.start).is_some_and(|&q| q)
                && !doc.tokens[k].tag.starts_with("NN");
            let antecedent = if let Some(mi) = quoting.filter(|_| first_person) {
                Some((mi, "coreference:speaker", k + 1))
            } else if let Some(&mi) = surnames.get(word) {
                Some((mi, "coreference:surname", k + 1))
            } else if let Some(r) = pronoun(&lower)
                .filter(|_| doc.tokens[k].tag.starts_with("PRP"))
                .filter(|_| lower != "it" || acts(doc, k, range.end, senses))
            {
                // "they met" after two people named, with no group or
                // state since: the two of them
                if r == Referent::Group {
                    let pair = last_two(doc, &named).filter(|&[a, _]| {
                        doc.mentions[a].sentence + 1 >= si
                            && latest.get(&key(Referent::Group)).is_none_or(|&g| g < a)
                    });
                    if let Some(pair) = pair {
                        let span = doc.tokens[k].span;
                        for p in pair {
                            added.push(refer(doc, p, si, k..k + 1, span, "coreference:pair"));
                        }
                        k += 1;
                        continue;
                    }
                }
                // "Modi invited him": an object pronoun is not the subject
                // of its own clause, but the person named before
                let latest_person = latest.get(&key(r)).copied();
                let own_subject = |mi: usize| {
                    matches!(&*lower, "him" | "her")
                        && doc.tokens[k].tag == "PRP"
                        && doc.mentions[mi].sentence == si
                        && (doc.mentions[mi].tokens.end..k).all(|j| {
                            let w = doc.slice(doc.tokens[j].span).to_lowercase();
                            !crate::clause::is_boundary_word(&w) && !matches!(&*w, "," | "and")
                        })
                };
                let earlier = || {
                    named
                        .iter()
                        .rev()
                        .copied()
                        .find(|&n| Some(n) != latest_person)
                };
                // "they" and "it" reach back one sentence at most
                let near = |mi: usize| r == Referent::Person || doc.mentions[mi].sentence + 1 >= si;
                match latest_person {
                    Some(mi) if r == Referent::Person && own_subject(mi) => earlier(),
                    other => other,
                }
                .filter(|&mi| near(mi))
                .map(|mi| (mi, "coreference:pronoun", k + 1))
            } else if matches!(&*lower, "his" | "her" | "its" | "their")
                && k + 1 < range.end
                && matches!(
                    doc.slice(doc.tokens[k + 1].span),
                    "country" | "government" | "administration" | "nation"
                )
            {
                let r = if lower == "its" || lower == "their" {
                    Referent::State
                } else {
                    Referent::Person
                };
                latest
                    .get(&key(r))
                    .map(|&mi| (mi, "coreference:possessive", k + 2))
            } else {
                None
            };
            if let Some((mi, rule, end)) = antecedent {
                let source = &doc.mentions[mi];
                let mut actor: Actor = source.actor.clone();
                if rule == "coreference:possessive" {
                    // "his country" is the state; "his government", "his
                    // administration" its government.
                    let gov = matches!(
                        doc.slice(doc.tokens[k + 1].span),
                        "government" | "administration"
                    );
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
                    person: source.person && rule != "coreference:possessive",
                });
                k = end;
                continue;
            }
            // "The US military said its forces conducted strikes in Syria":
            // a group a possessive pronoun owns, given no country by the
            // text itself, is of the owner's country.
            if doc.tokens[k].tag == "PRP$" {
                let owner = match &*lower {
                    "its" => latest.get(&key(Referent::State)),
                    "their" => latest
                        .get(&key(Referent::Group))
                        .or_else(|| latest.get(&key(Referent::State))),
                    "his" | "her" => latest.get(&key(Referent::Person)),
                    _ => None,
                };
                let owned = Some(next_mention).filter(|&g| {
                    g < doc.mentions.len()
                        && (k + 1..doc.mentions[g].tokens.start).all(|j| doc.tokens[j].tag == "JJ")
                });
                if let (Some(&o), Some(g)) = (owner, owned) {
                    let country = doc.mentions[o].actor.country.clone();
                    let lent = doc.mentions[o].country_from_context;
                    let group = &mut doc.mentions[g];
                    // (a counterpart is of the other side)
                    let unplaced = (group.actor.country.is_none() || group.country_from_context)
                        && !group.entry.contains("counterpart");
                    if let (Some(country), true) = (country, unplaced && group.actor.name.is_none())
                    {
                        if let Some(sector) = group.actor.sector.clone() {
                            group.actor.code = format!("{country}{sector}");
                            group.actor.country = Some(country);
                            group.entry = format!("{}+owner", group.entry);
                            group.country_from_context = lent;
                        }
                    }
                }
            }
            k += 1;
        }
    }
    for mi in replaced.into_iter().rev() {
        doc.mentions.remove(mi);
    }
    if !added.is_empty() {
        doc.mentions.extend(added);
        doc.mentions.sort_by_key(|m| m.tokens.start);
    }
    // the speakers again, now that pronouns name them ("“...,” he said"),
    // and their "I" and "we" that had no speaker before
    doc.quotations = quotations(doc, senses);
    let mut speaking = Vec::new();
    for (si, quotation) in doc.quotations.iter().enumerate() {
        let Some(mi) = quotation.speaker else {
            continue;
        };
        let range = doc.sentences[si].tokens.clone();
        for k in range.clone() {
            let first_person = matches!(
                &*doc.slice(doc.tokens[k].span).to_lowercase(),
                "i" | "we" | "me" | "us"
            ) && quotation.inside.get(k - range.start).is_some_and(|&q| q)
                && !doc.tokens[k].tag.starts_with("NN");
            if first_person && !doc.mentions.iter().any(|m| m.tokens.contains(&k)) {
                let span = doc.tokens[k].span;
                speaking.push(refer(doc, mi, si, k..k + 1, span, "coreference:speaker"));
            }
        }
    }
    if !speaking.is_empty() {
        doc.mentions.extend(speaking);
        doc.mentions.sort_by_key(|m| m.tokens.start);
        doc.quotations = quotations(doc, senses);
    }
}

/// The end of a person's name at token `k` that no mention covers (before
/// `end`): two or three proper nouns ("Erik Prince") followed by ", who" or
/// a verb of saying, or one or more after an honorific ("Mr. Tawfiq").
fn unknown_person(doc: &Document, k: usize, end: usize, senses: &Senses) -> Option<usize> {
    let proper = |i: usize| i < end && doc.tokens[i].tag == "NNP";
    let honorific = k > 0 && crate::clause::is_honorific(doc.slice(doc.tokens[k - 1].span));
    if !proper(k) || k > 0 && doc.tokens[k - 1].tag == "NNP" {
        return None;
    }
    let mut j = k;
    while proper(j) && j - k < 3 {
        j += 1;
    }
    if proper(j) {
        return None;
    }
    let word = |i: usize| doc.tokens.get(i).map_or("", |t| doc.slice(t.span));
    let said = doc
        .tokens
        .get(j)
        .is_some_and(|t| senses.is(&t.lemma, Sense::Reporting));
    let who = word(j) == "," && word(j + 1) == "who";
    (honorific || j - k >= 2 && (said || who)).then_some(j)
}

/// Whether "it" at token `k` is the subject of an active verb ("it would
/// start arming the rebels", "it has reportedly killed"), as a state or
/// body is, or the one blamed for an act ("accusing it of supporting a
/// coup"). "It" as an object ("modify it", "tired of it") or a passive
/// subject ("it was approved") is far more often a thing: a deal, a bill, a
/// decision.
fn acts(doc: &Document, k: usize, end: usize, senses: &Senses) -> bool {
    let tag = |i: usize| doc.tokens[i].tag;
    let mut i = k + 1;
    while i < end && matches!(tag(i), "RB" | "MD") {
        i += 1;
    }
    let verb = i < end && tag(i).starts_with("VB");
    // "it was approved", "it has been accused", "it will be boycotted"
    let passive = (i..end.min(i + 3))
        .take_while(|&j| tag(j).starts_with("VB") || tag(j) == "RB")
        .any(|j| tag(j) == "VBN" && j > i && doc.tokens[j - 1].lemma == "be");
    // "condemning it for increasing trade", "accusing it of supporting a
    // coup": what it is blamed for doing is an act
    let blamed = k + 2 < end
        && matches!(doc.slice(doc.tokens[k + 1].span), "of" | "for")
        && tag(k + 2) == "VBG";
    // "it is in the interests of", "it seems like", "it happened in a
    // phone call": a copula or a verb of seeming says something of a
    // thing or a situation ("it is battling ISIS" acts)
    let lemma = |j: usize| doc.tokens[j].lemma.as_str();
    let after_be = (i + 1..end).find(|&j| !matches!(tag(j), "RB" | "``" | "''"));
    // ("it is willing to talk", "it's very concerned about": a state of
    // mind of a body)
    let minded = |j: usize| {
        senses.is(lemma(j), Sense::Minded)
            || senses.is(&doc.slice(doc.tokens[j].span).to_lowercase(), Sense::Minded)
    };
    let copula = verb
        && (lemma(i) == "be" && after_be.is_none_or(|j| tag(j) != "VBG" && !minded(j))
            || senses.is(lemma(i), Sense::Seeming));
    // untagged sentences (no event trigger) keep the antecedent
    tag(k).is_empty() || verb && !passive && !copula || blamed
}

/// The countries the text names itself (not lent by the context), as the
/// first three letters of its actors' codes.
fn countries_named(doc: &Document) -> HashSet<&str> {
    doc.mentions
        .iter()
        .filter(|m| !m.country_from_context)
        .filter_map(|m| m.actor.code.get(..3))
        .collect()
}

/// "the North", "the South" of a text about Korea: the half of a divided
/// country a capitalised side names after "the", where the text names it or
/// its other half (see `countries.tsv`'s `half`); not inside a longer name
/// ("the South China Sea", "the North Korean leader").
fn halves(doc: &Document, dict: &ActorDictionary, named: &HashSet<&str>) -> Vec<ActorMention> {
    let mut found = Vec::new();
    if named.is_empty() {
        return found;
    }
    for (si, sentence) in doc.sentences.iter().enumerate() {
        for k in sentence.tokens.start + 1..sentence.tokens.end {
            let word = doc.slice(doc.tokens[k].span);
            let after = doc
                .tokens
                .get(k + 1)
                .filter(|_| k + 1 < sentence.tokens.end);
            let in_name = after.is_some_and(|t| {
                t.tag.starts_with("NNP") || doc.slice(t.span).starts_with(char::is_uppercase)
            });
            let the = doc
                .slice(doc.tokens[k - 1].span)
                .eq_ignore_ascii_case("the");
            if !the || in_name || !word.starts_with(char::is_uppercase) {
                continue;
            }
            let covered = doc.mentions.iter().any(|m| m.tokens.contains(&k));
            let Some(code) = dict.half(word, named).filter(|_| !covered) else {
                continue;
            };
            found.push(ActorMention {
                sentence: si,
                tokens: k..k + 1,
                span: doc.tokens[k].span,
                actor: Actor {
                    code: code.to_string(),
                    country: Some(code.to_string()),
                    sector: None,
                    name: None,
                },
                via: Via::Dictionary,
                entry: format!("countries:{code}+half:{word}"),
                country_from_context: false,
                person: false,
            });
        }
    }
    found
}

/// The mentions of office holders named by a surname alone (see
/// [`office_holder`]) where the text names their country and no full name
/// with that surname came before (which coreference follows: "Bush" after
/// "George H. W. Bush" is he, whoever held office on the day).
fn office_holders(
    doc: &Document,
    dict: &ActorDictionary,
    countries_named: &HashSet<&str>,
) -> Vec<ActorMention> {
    let date = doc.meta.published;
    let mut named_before: HashSet<String> = HashSet::new();
    let mut next = 0;
    let mut found = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let mut k = sentence.tokens.start;
        while k < sentence.tokens.end {
            while next < doc.mentions.len() && doc.mentions[next].tokens.start < k {
                next += 1;
            }
            if let Some(m) = doc.mentions.get(next).filter(|m| m.tokens.start == k) {
                if let Some(name) = &m.actor.name {
                    named_before.extend(dict.surnames_of(name).map(str::to_lowercase));
                }
                k = m.tokens.end.max(k + 1);
                continue;
            }
            if doc.tokens[k].tag != "NNP" {
                k += 1;
                continue;
            }
            let word = doc.slice(doc.tokens[k].span).to_lowercase();
            let holder = (!named_before.contains(&word))
                .then(|| {
                    office_holder(
                        doc,
                        dict,
                        countries_named,
                        date,
                        si,
                        k,
                        sentence.tokens.start,
                    )
                })
                .flatten();
            match holder {
                Some(m) => {
                    k = m.tokens.end;
                    found.push(m);
                }
                None => k += 1,
            }
        }
    }
    found
}

/// A surname alone at token `k` ("Assad", "Mr. Kim"), not part of a longer
/// name nor a date ("May 5", "in May"): the one person of that surname who
/// holds an office on `date` in a country the text names, or of several
/// such, the one in the highest office (see `Role::rank`).
fn office_holder(
    doc: &Document,
    dict: &ActorDictionary,
    countries_named: &HashSet<&str>,
    date: Option<NaiveDate>,
    si: usize,
    k: usize,
    sentence_start: usize,
) -> Option<ActorMention> {
    let word = doc.slice(doc.tokens[k].span);
    let tag = |i: usize| doc.tokens.get(i).map_or("", |t| t.tag);
    let honorific =
        k > sentence_start && crate::clause::is_honorific(doc.slice(doc.tokens[k - 1].span));
    let start = if honorific { k - 1 } else { k };
    let in_longer_name = tag(k + 1) == "NNP" || start > sentence_start && tag(start - 1) == "NNP";
    if tag(k) != "NNP"
        || !word.starts_with(char::is_uppercase)
        || in_longer_name
        || tag(k + 1) == "CD"
        || dyad_lexicon::TimeWords::builtin().is_month(word)
    {
        return None;
    }
    // Of the holders, those of a country the text names; of several, the
    // one in the highest office ("Kim" of a North Korean story in 2019: Kim
    // Jong Un, its leader, not Kim Jae-ryong, its premier).
    let holders: Vec<_> = dict
        .holders_by_surname(word, date)
        .into_iter()
        .filter(|(_, role)| {
            role.code
                .get(..3)
                .is_some_and(|c| countries_named.contains(c))
        })
        .collect();
    let best = holders.iter().filter_map(|(_, r)| r.rank).min();
    let heads: Vec<_> = holders
        .iter()
        .filter(|(_, r)| best.is_some() && r.rank == best)
        .collect();
    let (entry, role) = match (holders.as_slice(), heads.as_slice()) {
        ([one], _) => *one,
        (_, [head]) => **head,
        _ => return None,
    };
    let code = role.code.clone();
    Some(ActorMention {
        sentence: si,
        tokens: start..k + 1,
        span: Span::new(doc.tokens[start].span.start, doc.tokens[k].span.end),
        actor: Actor {
            country: code.get(..3).map(String::from),
            sector: code.get(3..6).map(String::from).filter(|s| !s.is_empty()),
            name: entry.name.clone(),
            code,
        },
        via: Via::Dictionary,
        entry: format!("{}+holder on the date", entry.id),
        country_from_context: false,
        person: true,
    })
}

/// Whether "the two" or "both" stands right before token `k`.
fn pair_word_before(doc: &Document, k: usize, sentence_start: usize) -> bool {
    let word = |i: usize| doc.slice(doc.tokens[i].span).to_lowercase();
    (k > sentence_start && word(k - 1) == "both")
        || (k > sentence_start + 1 && word(k - 1) == "two" && word(k - 2) == "the")
}

/// The two latest distinct actors of `candidates` (mention indices, in order).
fn last_two(doc: &Document, candidates: &[usize]) -> Option<[usize; 2]> {
    let last = *candidates.last()?;
    // two of one country are no pair ("the South Korean Defense Ministry
    // ... South Korea ... the two countries")
    let key = |i: usize| {
        (
            doc.mentions[i].actor.country.clone(),
            doc.mentions[i].actor.name.clone(),
        )
    };
    let other = candidates.iter().rev().find(|&&i| key(i) != key(last))?;
    Some([*other, last])
}

/// The two latest actors of `candidates` of two different countries.
fn last_two_countries(doc: &Document, candidates: &[usize]) -> Option<[usize; 2]> {
    let country = |i: usize| doc.mentions[i].actor.country.clone();
    let last = *candidates.iter().rev().find(|&&i| country(i).is_some())?;
    let other = candidates
        .iter()
        .rev()
        .find(|&&i| country(i).is_some() && country(i) != country(last))?;
    Some([*other, last])
}

/// A mention of the actor of mention `source` over other words.
fn refer(
    doc: &Document,
    source: usize,
    sentence: usize,
    tokens: std::ops::Range<usize>,
    span: dyad_core::Span,
    rule: &str,
) -> ActorMention {
    let m = &doc.mentions[source];
    ActorMention {
        sentence,
        tokens,
        span,
        actor: m.actor.clone(),
        via: Via::Coreference,
        entry: format!("{rule}:{}", doc.slice(m.span)),
        country_from_context: m.country_from_context,
        person: m.person,
    }
}

/// "the militant group" after "Hamas": a group noun with "the" and no
/// country of its own is the movement named last, in its sentence or the
/// three before.
fn movement_described(doc: &mut Document, mi: usize, latest_movement: Option<usize>, si: usize) {
    let m = &doc.mentions[mi];
    let last = doc.slice(doc.tokens[m.tokens.end - 1].span).to_lowercase();
    let group_noun = GROUP_NOUNS.contains(&last.as_str());
    let bare = m.actor.name.is_none() && (m.actor.country.is_none() || m.country_from_context);
    let antecedent = latest_movement.filter(|&a| doc.mentions[a].sentence + 3 >= si);
    if let (true, Some(a)) = (group_noun && bare && after_the(doc, m), antecedent) {
        take_antecedent(doc, mi, a, "coreference:group");
    }
}

/// Whether "the" stands right before mention `m`.
fn after_the(doc: &Document, m: &ActorMention) -> bool {
    m.tokens.start > 0
        && doc
            .slice(doc.tokens[m.tokens.start - 1].span)
            .eq_ignore_ascii_case("the")
}

/// Mention `mi` is its antecedent `a`, by `rule`.
fn take_antecedent(doc: &mut Document, mi: usize, a: usize, rule: &str) {
    let actor = doc.mentions[a].actor.clone();
    let from = doc.slice(doc.mentions[a].span).to_string();
    let m = &mut doc.mentions[mi];
    m.actor = actor;
    m.via = Via::Coreference;
    m.country_from_context = false;
    m.entry = format!("{}+{rule}:{from}", m.entry);
}

/// "the president" after "President Obama": a title alone, with "the" and
/// no country of its own (one the context lent it, as "In Iraq, the
/// president said"), is the latest person named before it in the last
/// three sentences who holds that office on the document's date, one
/// named with that title first.
fn title_holder(doc: &mut Document, dict: &ActorDictionary, mi: usize, named: &[usize]) {
    let m = &doc.mentions[mi];
    let title = m
        .entry
        .strip_prefix("agents:")
        .map(|rest| rest.split('+').next().unwrap_or(rest));
    let bare = m.actor.name.is_none()
        && matches!(m.via, Via::Title | Via::Dictionary)
        && (m.actor.country.is_none() || m.country_from_context)
        && after_the(doc, m)
        && doc.tokens[m.tokens.end - 1].tag == "NN";
    let (Some(title), true) = (title, bare) else {
        return;
    };
    let date = doc.meta.published;
    let sentence = m.sentence;
    let recent = named
        .iter()
        .rev()
        .copied()
        .take_while(|&n| doc.mentions[n].sentence + 3 >= sentence);
    let holds = |n: usize| {
        let p = &doc.mentions[n];
        let Some(name) = p.actor.name.as_deref() else {
            return false;
        };
        dict.surnames_of(name).any(|surname| {
            dict.holders_by_surname(surname, date)
                .iter()
                .any(|(e, role)| e.name.as_deref() == Some(name) && role.title == title)
        })
    };
    // one named with the title itself ("President Trump ... with Vladimir
    // Putin ... The president clarified") before the latest holder
    let titled = |n: usize| {
        let entry = &doc.mentions[n].entry;
        entry
            .strip_prefix("agents:")
            .is_some_and(|rest| rest.split('+').next() == Some(title))
    };
    let recent: Vec<usize> = recent.collect();
    let holder = (recent.iter().copied())
        .find(|&n| titled(n) && holds(n))
        .or_else(|| recent.iter().copied().find(|&n| holds(n)));
    if let Some(pi) = holder {
        take_antecedent(doc, mi, pi, "coreference:title");
    }
}

/// "the Russian president" after "Vladimir Putin": the description takes the
/// name of the latest named person with the same country and sector.
fn describe(doc: &mut Document, mi: usize, latest_named: &LatestNamed) {
    let m = &doc.mentions[mi];
    if m.actor.name.is_some() || m.via != Via::Title || m.actor.sector.is_none() {
        return;
    }
    let key = (m.actor.country.clone(), m.actor.sector.clone());
    if let Some(&pi) = latest_named.get(&key) {
        let person = &doc.mentions[pi];
        let name = person.actor.name.clone();
        let from = doc.slice(person.span).to_string();
        let m = &mut doc.mentions[mi];
        m.actor.name = name;
        m.via = Via::Coreference;
        m.entry = format!("{}+coreference:description:{from}", m.entry);
    }
}
