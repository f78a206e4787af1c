//! Event coding, in passes over each sentence that can hold an event:
//!
//! 1. [`matching`]: the longest pattern that matches at each trigger word
//!    (patterns are matched on lemmas; `+` and `$` are actor slots);
//! 2. [`arguments`]: each match made a candidate: a frame verb combines with
//!    its complement's event through the frame table ("agreed to hold
//!    talks"), negation and modality act on it, the dependency parse gives
//!    its factuality and says whether the sentence reports it at all (not a
//!    modifier, not background), and its source and target are found
//!    ([`sentence`] knows where: subjects, objects, coordinated actors);
//! 3. here: candidates of a sentence weighed together (a statement stands
//!    only where nothing else is reported; a protest is aimed at whom its
//!    demand is made of; an event needs a target unless its root stands
//!    alone), one event per source–target pair, and each event's confidence.
//!
//! Every candidate dropped keeps a typed reason ([`DropReason`]), which
//! `dyad explain` shows with every pattern tried ([`trace`]).

mod arguments;
mod judgements;
mod matching;
mod sentence;
mod trace;

use std::collections::HashSet;

use dyad_core::{Document, Event, EventActor, EventDate, Evidence, Factuality, Span};
use dyad_lexicon::{Dictionaries, Element, Frame, RootRole, Sense};

use crate::clause::is_locative;
use crate::structure::judges;
use arguments::{code_hit, obliger};
use matching::find_hits;
use sentence::Sentence;
use trace::Attempts;
pub use trace::{summarize, Attempt, DropReason, Dropped, Trace};

/// The words that make a demand or an appeal of a clause's subject when
/// someone says them ("China must drop barriers, the US said", "the
/// senators say the US should take in more refugees"), even where the verb
/// after them has no pattern: with the patterns' trigger words, the only
/// words that can start an event.
pub const OBLIGATION_WORDS: [(&str, Frame); 2] =
    [("must", Frame::Demand), ("should", Frame::Appeal)];

/// How many tokens after a protest its demand may follow ("blocked roads
/// leading to the city centre on Sunday to press their demands").
const PROTEST_REACH: usize = 16;

/// A coded event before it becomes an [`Event`].
#[derive(Clone)]
struct Coded {
    code: String,
    /// The trigger's token.
    head: usize,
    sources: Vec<usize>,
    targets: Vec<usize>,
    trigger: Span,
    trigger_text: String,
    rule: String,
    factuality: Factuality,
    /// Coordinated sources without a target act on each other ("Kenya and
    /// Uganda agreed"): cooperation codes, roots 03 to 06.
    reciprocal: bool,
    /// The event each target does back to its source (PETRARCH's `[032:033]`).
    reverse: Option<String>,
}

impl Coded {
    /// The event the targets do back to the sources, when the pattern has a
    /// reverse code ("left for Minas Tirith" `[032:033]`: a visit, and a
    /// host).
    fn reversed(&self) -> Option<Coded> {
        let code = self.reverse.clone()?;
        (!self.targets.is_empty()).then(|| Coded {
            code,
            sources: self.targets.clone(),
            targets: self.sources.clone(),
            reciprocal: false,
            reverse: None,
            ..self.clone()
        })
    }
}

/// Codes the events of every sentence; with `trace`, records every attempt.
pub fn code_events(doc: &mut Document, dicts: &Dictionaries, mut trace: Option<&mut Vec<Trace>>) {
    let mut events = Vec::new();
    for (si, speaker) in quoted_speakers(doc, dicts).into_iter().enumerate() {
        let mut attempts = Attempts(trace.is_some().then(Default::default));
        // Every event has an actor as its source: a sentence without one
        // is read only to show what was tried.
        let coded = Sentence::coded(doc, si)
            .map(|mut s| {
                s.speaker = speaker.map(|m| &doc.mentions[m]);
                s
            })
            .filter(|s| !s.mentions.is_empty() || trace.is_some());
        if let Some(s) = coded {
            let story_date = doc.sentence_story(si).and_then(|story| story.published);
            let date = story_date.or(doc.meta.published).map(EventDate::day);
            for c in code_sentence(&s, dicts, &mut attempts) {
                let reversed = c.reversed();
                events.extend(to_events(&s, si, c, dicts, date, &mut attempts));
                if let Some(r) = reversed {
                    events.extend(to_events(&s, si, r, dicts, date, &mut attempts));
                }
            }
        }
        if let Some(t) = trace.as_deref_mut() {
            let (attempts, dropped) = attempts.0.unwrap_or_default();
            t.push(Trace {
                sentence: si,
                attempts,
                dropped,
            });
        }
    }
    // One act read twice (a mutual act and its reverse, "Saudi and Egyptian
    // officials met"): the same code between the same actors from the same
    // words is one event.
    let mut seen = HashSet::new();
    events.retain(|e| {
        let code = |a: &Option<EventActor>| a.as_ref().map(|a| a.code.clone());
        seen.insert((
            e.sentence,
            e.cameo.clone(),
            code(&e.source),
            code(&e.target),
            e.evidence.span,
        ))
    });
    crate::confidence::assess(&mut events);
    doc.events = events;
}

/// Which sentences of a document can hold an event, and so need their
/// parse for coding: a matching pattern (or the demand word) and two
/// actors, a source and a target (or two sources acting on each other),
/// or one for an event that stands alone (a protest). A statement alone
/// does not count: it stands only where its sentence reports nothing else,
/// and most news sentences hold one.
pub fn matching_sentences(doc: &Document, dicts: &Dictionaries) -> Vec<bool> {
    let speakers = quoted_speakers(doc, dicts);
    (0..doc.sentences.len())
        .map(|si| {
            Sentence::coded(doc, si).is_some_and(|s| {
                if s.mentions.is_empty() {
                    return false;
                }
                // a quotation that may judge an actor in its speaker's words
                let speaker = speakers[si].map(|m| &doc.mentions[m].actor.code);
                if speaker.is_some_and(|sp| s.mentions.iter().any(|m| m.2.actor.code != *sp))
                    && (0..s.tokens.len()).any(|k| judges(&s.tokens[k], s.word(k), &dicts.senses))
                {
                    return true;
                }
                // two actors: two mentions of different codes
                let first = &s.mentions[0].2.actor.code;
                let dyad = s.mentions.iter().any(|m| m.2.actor.code != *first);
                // a statement is parsed only where it may judge an actor
                // ("said the policy was a disaster"), see `Tree::judgement`
                let judging =
                    || (0..s.tokens.len()).any(|k| judges(&s.tokens[k], s.word(k), &dicts.senses));
                let naming = || {
                    s.tokens.iter().any(|t| {
                        t.tag.starts_with("VB") && dicts.senses.is(&t.lemma, Sense::Naming)
                    })
                };
                dyad && (0..s.tokens.len())
                    .any(|k| OBLIGATION_WORDS.iter().any(|(w, _)| s.word(k) == *w))
                    || dyad && judging() && naming()
                    || find_hits(&s, dicts, &mut Attempts(None)).iter().any(|h| {
                        let statement = dicts.roots.is(&h.pattern.code, RootRole::Statement);
                        let can_stand = !arguments::is_lone_noun(&s, h)
                            || arguments::lone_noun_has_actor(&s, dicts, h.head);
                        // (a statement whose pattern names whom it is
                        // made to is coded, and its factuality read, as any
                        // act: "if the Taliban agreed with the government")
                        let aimed = h.pattern.elements.contains(&Element::Target);
                        can_stand
                            && (dyad && (!statement || aimed || judging())
                                || dicts.roots.alone(&h.pattern.code))
                    })
            })
        })
        .collect()
}

/// The speaker of each sentence that is wholly a quotation with no
/// reporting verb of its own, as an index into `doc.mentions`: from the
/// document's quotations (see `coref::link`), or found here for a document
/// whose mentions were not linked.
fn quoted_speakers(doc: &Document, dicts: &Dictionaries) -> Vec<Option<usize>> {
    let found;
    let quotations = if doc.quotations.len() == doc.sentences.len() {
        &doc.quotations
    } else {
        found = crate::coref::quotations(doc, &dicts.senses);
        &found
    };
    quotations
        .iter()
        .map(|q| q.speaker.filter(|_| q.whole))
        .collect()
}

fn code_sentence(s: &Sentence, dicts: &Dictionaries, attempts: &mut Attempts) -> Vec<Coded> {
    // 1. The best pattern at each trigger token.
    let hits = find_hits(s, dicts, attempts);

    // 2. Each hit, with its frame and actors.
    let mut consumed = vec![false; hits.len()];
    let mut coded = Vec::new();
    for hi in 0..hits.len() {
        // "calling the strikes necessary": a judgement, no strike called
        let h = &hits[hi];
        if judgements::judges_by_naming(s, dicts, h.head) {
            attempts.drop(&h.pattern.id, s.word(h.head), DropReason::Judgement);
            continue;
        }
        if !consumed[hi] {
            coded.extend(code_hit(s, dicts, &hits, hi, &mut consumed, attempts));
        }
    }

    // "called the decision entirely correct", "“Iran made a mistake,” he
    // said": judgements no pattern names.
    coded.extend(judgements::code_namings(s, dicts));
    coded.extend(judgements::code_quoted(s, dicts));

    // "China must drop barriers, the US said": a demand even where the
    // verb after "must" has no pattern of its own; "should", an appeal.
    for (word, frame) in OBLIGATION_WORDS {
        if coded.iter().any(|c| c.rule.starts_with(word)) {
            continue;
        }
        let Some(k) = (0..s.tokens.len()).find(|&k| s.word(k) == word) else {
            continue;
        };
        // "should have closed the airport": what was not done, no appeal;
        // "must be clear": a state, asked of no one
        let next = |i: usize| s.tokens.get(k + i);
        let past = next(1).is_some_and(|t| t.lemma == "have");
        let state = next(1).is_some_and(|t| t.lemma == "be")
            && next(2).is_some_and(|t| t.tag.starts_with("JJ"));
        if past || state || frame == Frame::Appeal && s.is_question() {
            continue;
        }
        if let (Some(src), Some(tgt), Some(code)) = (
            obliger(s, dicts, &hits, k, frame).or(s.speaker.map(|_| sentence::SPEAKER)),
            s.subject_before(k),
            dicts.roots.generic(frame),
        ) {
            if src != tgt {
                coded.push(Coded {
                    code,
                    head: k,
                    sources: s.conjuncts(src),
                    targets: s.conjuncts(tgt),
                    trigger: s.tokens[k].span,
                    trigger_text: s.tokens[k].span.slice(s.text).to_string(),
                    rule: format!("{word}: {} of the subject", frame.name()),
                    factuality: Factuality::Asserted,
                    reciprocal: false,
                    reverse: None,
                });
            }
        }
    }

    // "staged a hunger strike to press their demands on the government": a
    // protest is aimed at whom its protesters' demand is made of.
    for p in 0..coded.len() {
        // Where a protest happened ("rioted at a jail in Dili") is no target.
        let placed = coded[p].targets.iter().all(|&t| {
            let start = s.mentions[t].0;
            start > 0 && is_locative(s.word(start - 1))
        });
        if !dicts.roots.is(&coded[p].code, RootRole::Protest) || !placed {
            continue;
        }
        let country = |c: &Coded| {
            let m = *c.sources.first()?;
            s.mention(m).actor.country.clone()
        };
        let aimed = coded.iter().find(|d| {
            d.head > coded[p].head
                && d.head <= coded[p].head + PROTEST_REACH
                && dicts.roots.is(&d.code, RootRole::Asks)
                && !d.targets.is_empty()
                && country(d).is_some()
                && country(d) == country(&coded[p])
        });
        if let Some(targets) = aimed.map(|d| d.targets.clone()) {
            coded[p].targets = targets;
        }
    }

    // 4. An event needs whom it was done to, unless its root stands alone
    //    (a protest) or coordinated sources act on each other.
    coded.retain(|c| {
        let dyad = !c.targets.is_empty() || c.reciprocal && c.sources.len() > 1;
        if !dyad && !dicts.roots.alone(&c.code) {
            attempts.drop(&c.rule, &c.trigger_text, DropReason::NoTarget);
            return false;
        }
        true
    });

    // 5. Statements only where nothing else was reported; the first event
    //    of the sentence is its main one.
    let statement = |c: &Coded| dicts.roots.is(&c.code, RootRole::Statement);
    let has_other = coded.iter().any(|c| !statement(c));
    if has_other {
        for c in coded.iter().filter(|c| statement(c)) {
            attempts.drop(&c.rule, &c.trigger_text, DropReason::StatementBesideEvent);
        }
        coded.retain(|c| !statement(c));
    }
    coded
}

fn to_events(
    s: &Sentence,
    si: usize,
    c: Coded,
    dicts: &Dictionaries,
    date: Option<EventDate>,
    attempts: &mut Attempts,
) -> Vec<Event> {
    let Some(info) = dicts.cameo.get(&c.code) else {
        return Vec::new();
    };
    let actor = |m: usize| {
        let mention = s.mention(m);
        EventActor::new(mention.span.slice(s.text), &mention.actor, mention.span)
    };
    // One event per source–target pair; "X and Y agreed" also pairs X with Y.
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    match (c.sources.as_slice(), c.targets.as_slice()) {
        ([], []) => pairs.push((None, None)),
        (src, []) if src.len() > 1 && c.reciprocal => {
            for &a in src {
                for &b in src {
                    if a != b {
                        pairs.push((Some(a), Some(b)));
                    }
                }
            }
        }
        (src, tgt) => {
            let src: Vec<Option<usize>> = if src.is_empty() {
                vec![None]
            } else {
                src.iter().map(|&m| Some(m)).collect()
            };
            let tgt: Vec<Option<usize>> = if tgt.is_empty() {
                vec![None]
            } else {
                tgt.iter().map(|&m| Some(m)).collect()
            };
            for a in &src {
                for b in &tgt {
                    // No actor acts on a later reference to itself ("Russia
                    // and China said both countries would ..."); a domestic
                    // event between two mentions of one state stays
                    // ("Iraqi Kurds demonstrated in Kirkuk").
                    let same = matches!((a, b), (Some(x), Some(y))
                        if s.mention(*x).actor == s.mention(*y).actor && s.mention(*y).via == dyad_core::Via::Coreference);
                    let pair = if same { (*a, None) } else { (*a, *b) };
                    if !pairs.contains(&pair) {
                        pairs.push(pair);
                    }
                }
            }
            // "The United States and Jordan agreed on a pact between the two
            // countries": a source with a target needs no event without one.
            let targeted: Vec<Option<usize>> = pairs
                .iter()
                .filter(|p| p.1.is_some())
                .map(|p| p.0)
                .collect();
            pairs.retain(|p| p.1.is_some() || !targeted.contains(&p.0));
        }
    }
    // An actor does not act on itself ("barred entry to Canada" from one
    // Canadian mention, "the US ... the United States"), and an event that
    // needs a target has none without one; a protest of a country's people
    // in that country stands ("Iraqi Kurds demonstrated in Kirkuk").
    // Nor on its own people ("speaking to his nation"), or they on it; nor
    // does one disapprove of its own country as a whole (a Russian
    // speaker's words of "Russia's outrageous action" are another's).
    if !dicts.roots.alone(&c.code) {
        let code = |m: &Option<usize>| m.map(|m| s.mention(m).actor.code.as_str());
        let foreign = dicts.roots.foreign(&c.code);
        let own = |a: &Option<usize>, b: &Option<usize>| match (a, b) {
            (Some(a), Some(b)) => {
                let possessive = |m: usize| {
                    s.mention_start(m)
                        .is_some_and(|k| s.tokens[k].tag == "PRP$")
                };
                let (source, target) = (&s.mention(*a).actor, &s.mention(*b).actor);
                // (a person without office, "former President Jacob Zuma",
                // is no country as a whole)
                let whole_country = target.sector.is_none()
                    && target.country.as_ref() == Some(&target.code)
                    && !s.mention(*b).person;
                (possessive(*a) || possessive(*b) || foreign && whole_country)
                    && source.country == target.country
            }
            _ => false,
        };
        let before = pairs.len();
        pairs.retain(|(a, b)| b.is_some() && code(a) != code(b) && !own(a, b));
        if pairs.len() < before {
            attempts.drop(&c.rule, &c.trigger_text, DropReason::SelfDyad);
        }
    }
    pairs
        .into_iter()
        .map(|(a, b)| Event {
            sentence: si,
            date,
            date_text: None,
            source: a.map(actor),
            target: b.map(actor),
            cameo: c.code.clone(),
            cameo_name: info.name.clone(),
            plover: info.plover.clone(),
            quad_class: info.quad_class,
            goldstein: info.goldstein,
            mode: info.mode.clone(),
            context: info.context.clone(),
            factuality: c.factuality,
            location: None,
            evidence: Evidence {
                trigger: c.trigger_text.clone(),
                span: c.trigger,
                rule: c.rule.clone(),
            },
            // set with the sentence's other events, see `confidence::assess`
            confidence: 0.0,
        })
        .collect()
}
