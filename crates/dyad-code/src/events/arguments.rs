//! One matched pattern made an event: its frame and complement ("agreed to
//! hold talks"), negation and modality, what the parse says of its
//! factuality, whether it is licensed (not a modifier, not background),
//! and its source and target.

use dyad_core::Factuality;
use dyad_lexicon::{Dictionaries, Element, Frame, Occasion, RootRole, Sense};

use super::judgements::{judgement_code, ACCUSATION, CRITICISM};
use super::matching::Hit;
use super::sentence::Sentence;
use super::trace::{Attempts, DropReason};
use super::{Coded, OBLIGATION_WORDS};
use crate::clause::{self, is_locative, verb_group};

/// The condition that turns a stated intent into an ultimatum.
const ULTIMATUM: &str = "unless";

/// How many tokens after "to" the object of a light verb may end
/// ("to launch a pre-emptive nuclear strike").
const LIGHT_OBJECT_REACH: usize = 7;

/// The code of a frame over a complement; a stated intent to do harm
/// ("prepared to impose martial law", "will tighten the blockade") is a threat.
fn derive<'d>(dicts: &'d Dictionaries, frame: Frame, code: &str) -> Option<&'d str> {
    let threat = (frame == Frame::Intent)
        .then(|| dicts.frames.derive(Frame::Threaten, code))
        .flatten();
    threat.or_else(|| dicts.frames.derive(frame, code))
}

/// The actor whose words a sentence reports, for a clause at `at`: the
/// subject of a statement verb ("the White House said"), or of the verb
/// whose "that" clause holds it ("a minister reiterated that Libya must").
pub(super) fn speaker(
    s: &Sentence,
    dicts: &Dictionaries,
    hits: &[Hit],
    at: usize,
) -> Option<usize> {
    stating(s, dicts, hits).or_else(|| {
        let that = (0..at).rev().find(|&k| s.word(k) == "that")?;
        s.subject_before(that)
    })
}

/// Who makes a demand ("must", `Frame::Demand`) or an appeal ("should",
/// `Frame::Appeal`) of the subject of the clause at `at`: its speaker; advice
/// is an appeal only as what a statement says ("the senators say the US
/// should"; not "agreed that forces should", nor a question, "ask why
/// soldiers should").
pub(super) fn obliger(
    s: &Sentence,
    dicts: &Dictionaries,
    hits: &[Hit],
    at: usize,
    frame: Frame,
) -> Option<usize> {
    match frame {
        Frame::Appeal if s.is_question() => None,
        Frame::Appeal => stating(s, dicts, hits),
        _ => speaker(s, dicts, hits, at),
    }
}

/// The subject of the sentence's statement verb ("the senators say").
fn stating(s: &Sentence, dicts: &Dictionaries, hits: &[Hit]) -> Option<usize> {
    hits.iter()
        .filter(|h| dicts.roots.is(&h.pattern.code, RootRole::Statement))
        .find_map(|h| s.subject(h.head, h.pattern.dialect.subject_by_words()))
}

/// Where a frame verb's complement starts: "to" right after it (the
/// complement's trigger within 3 tokens), or "that" (within 8); with how
/// far the complement's trigger may stand from it.
fn complement_link(s: &Sentence, h: &Hit) -> Option<(usize, usize)> {
    let near = h.end.saturating_sub(1)..(h.end + 2).min(s.tokens.len());
    match near.clone().find(|&k| s.word(k) == "to") {
        Some(to) => Some((to, 3)),
        None => Some((near.clone().find(|&k| s.word(k) == "that")?, 8)),
    }
}

/// The code of force a state uses on its people protesting: repression.
const REPRESSION: &str = "175";

/// The code of force people protesting use on their state: a violent protest.
const VIOLENT_PROTEST: &str = "145";

/// The prepositions whose object an event noun is done to ("strikes on",
/// "the siege of", "war with").
pub(super) const NOUN_TARGETS: &[&str] = &[
    "on", "against", "of", "with", "into", "at", "toward", "towards",
];

/// Whether a hit is a one-word pattern on a noun ("the clashes", "Israeli
/// shelling").
pub(super) fn is_lone_noun(s: &Sentence, h: &Hit) -> bool {
    h.pattern.elements.len() == 1 && clause::is_noun(&s.tokens[h.head])
}

/// Whether the words around a noun alone at `head` may name its actor, as
/// [`code_hit`] reads them from the parse: an actor right before it
/// ("Israeli shelling", "Russia's invasion"), one after its "by" or a
/// preposition of its target ("the siege by Syrian troops", "raids on
/// Mosul"), or a verb of doing or taking part shortly before it ("staged
/// protests", "engaged in clashes"). Without, the sentence needs no parse
/// for it.
pub(super) fn lone_noun_has_actor(s: &Sentence, dicts: &Dictionaries, head: usize) -> bool {
    let before = s
        .mentions
        .iter()
        .any(|m| m.1 == head || (m.1 + 1 == head && matches!(s.word(m.1), "'s" | "'")));
    let after = (head + 1..(head + 3).min(s.tokens.len()))
        .find(|&k| s.word(k) == "by" || NOUN_TARGETS.contains(&s.word(k)))
        .is_some_and(|k| s.mentions.iter().any(|m| m.0 > k && m.0 <= k + 4));
    let done = (head.saturating_sub(5)..head).any(|k| {
        let lemma = s.tokens[k].lemma.as_str();
        dicts.senses.is(lemma, Sense::Support) || dicts.senses.is(lemma, Sense::Participation)
    });
    before || after || done
}

/// The verb whose adjunct of occasion the noun at `head` of hit `h` is,
/// where the hit's root is reported there (roots.tsv `occasion`).
fn occasion_verb(s: &Sentence, dicts: &Dictionaries, h: &Hit, head: usize) -> Option<usize> {
    let casualty = match dicts.roots.occasion(&h.pattern.code)? {
        Occasion::Any => false,
        Occasion::Casualty => true,
    };
    s.tree.occasion_of(head, casualty, &dicts.senses)
}

/// Codes one hit, in passes over an [`EventDraft`]: whether the structure
/// licenses it ([`unlicensed`]), where it stands ([`setting`]), its frame
/// and complement, negation and modality ([`apply_frame`]), verb senses
/// ([`read_senses`]), its target ([`find_target`]) and source
/// ([`find_source`]), its factuality ([`assess_factuality`]), then the
/// event with its coordinated actors ([`finish`]). `consumed` marks hits
/// taken as complements.
pub(super) fn code_hit(
    s: &Sentence,
    dicts: &Dictionaries,
    hits: &[Hit],
    hi: usize,
    consumed: &mut [bool],
    attempts: &mut Attempts,
) -> Option<Coded> {
    let h = &hits[hi];
    let lone_noun = is_lone_noun(s, h);
    if let Some(reason) = unlicensed(s, dicts, h, lone_noun) {
        attempts.drop(&h.pattern.id, s.word(h.head), reason);
        return None;
    }
    // PETRARCH verbs are coded each on their own, without frames.
    let frame = dicts
        .roots
        .frame(&h.pattern.code)
        .filter(|_| h.pattern.dialect.reads_structure());
    // "plans to reject the proposal", "intends to demand compensation": an
    // intent over another frame verb is that verb's act, intended.
    let framed = frame.filter(|&f| f == Frame::Intent).and_then(|_| {
        let (link, reach) = complement_link(s, h)?;
        let first =
            (hi + 1..hits.len()).find(|&c| hits[c].head > link && hits[c].head <= link + reach)?;
        let inner = dicts.roots.frame(&hits[first].pattern.code)?;
        (inner != Frame::Intent && hits[first].pattern.dialect.reads_structure()).then_some(first)
    });
    if let Some(f) = framed {
        consumed[f] = true;
        let mut inner = code_hit(s, dicts, hits, f, consumed, attempts)?;
        inner.rule = format!("{} + {}", h.pattern.id, inner.rule);
        inner.trigger = s.tokens[h.head].span.cover(inner.trigger);
        inner.trigger_text = format!("{} {}", s.word(h.head), inner.trigger_text);
        if inner.factuality == Factuality::Asserted {
            inner.factuality = Factuality::Intended;
        }
        return Some(inner);
    }
    let st = setting(s, dicts, hits, hi, frame, lone_noun);
    // "is expected to meet", "is due to visit": an intent of the act after
    // it, only in that form and only where the act has an intent code.
    let expectation = frame == Some(Frame::Intent)
        && dicts.senses.is(&s.tokens[h.head].lemma, Sense::Expectation);
    if expectation {
        let copular =
            h.head > 0 && matches!(s.tokens[h.head - 1].lemma.as_str(), "be" | "'s" | "'re");
        let intended = st
            .complement
            .and_then(|c| derive(dicts, Frame::Intent, &hits[c].pattern.code));
        if !(st.group.passive || copular) || intended.is_none() {
            attempts.drop(&h.pattern.id, s.word(h.head), DropReason::NoExpectedAct);
            return None;
        }
    }
    // "declined to say whether", "declined to criticize", "reluctant to
    // blame": a refusal to say or weigh something states no act towards
    // anyone (an intent to, "plans to announce", is one: the intent)
    let said = |role: RootRole| {
        st.complement
            .is_some_and(|c| dicts.roots.is(&hits[c].pattern.code, role))
    };
    let refused_statement = st.frame == Some(Frame::Reject)
        && (said(RootRole::Statement) || said(RootRole::Disapproval));
    if refused_statement {
        // (nor is what would be said coded on its own)
        consumed[st.complement.unwrap_or(hi)] = true;
        attempts.drop(&h.pattern.id, s.word(h.head), DropReason::RefusedStatement);
        return None;
    }
    let mut d = EventDraft::new(s, h);
    apply_frame(s, dicts, hits, h, &st, &mut d, consumed);
    read_senses(s, dicts, h, &mut d);
    find_target(s, dicts, h, &st, &mut d);
    find_source(s, dicts, hits, h, &st, &mut d);
    if d.source.is_some() && d.source == d.target {
        d.target = None;
    }
    if d.source.is_none() {
        // Who did it is the one thing an event cannot lack.
        attempts.drop(&d.rule, s.word(h.head), DropReason::NoSource);
        return None;
    }
    if h.pattern.dialect.requires_dyad() && d.target.is_none() {
        // PETRARCH codes an event only between two actors (its `require_dyad`).
        attempts.drop(&d.rule, s.word(h.head), DropReason::NoDyad);
        return None;
    }
    assess_factuality(s, dicts, h, &st, &mut d);
    Some(finish(s, dicts, h, d))
}

/// Whether the verb at `v` takes an object or a clause: what it shows
/// ("demonstrated a willingness", "demonstrates that"); by the parse, or
/// before it by the word after the verb.
fn shows_something(s: &Sentence, v: usize) -> bool {
    if s.tree.parsed() {
        return s.tree.object(v).is_some() || s.tree.clause_complement(v).is_some();
    }
    s.tokens.get(v + 1).is_some_and(|t| {
        s.word(v + 1) == "that"
            || matches!(t.tag, "DT" | "PRP$" | "CD")
            || t.tag.starts_with("JJ")
            || t.tag.starts_with("NN")
    })
}

/// Whether the sentence reports the act a hit names, as its structure
/// licenses it: the reason it does not, if so.
fn unlicensed(s: &Sentence, dicts: &Dictionaries, h: &Hit, lone_noun: bool) -> Option<DropReason> {
    // A one-word pattern on a noun ("the clashes", "Israeli shelling"):
    // reported only where the parse licenses it, with its actors inside
    // its own phrase.
    if lone_noun && matches!(s.tree.dep(h.head), "compound" | "amod") {
        // "demonstration killings": a noun modifying another names no act
        return Some(DropReason::Modifier);
    }
    if h.pattern.dialect.reads_structure() {
        // "naval blockade of": a pattern over a modifier and its noun is
        // the noun's phrase.
        let mut anchor = h.head;
        while let Some(noun) = s.tree.head(anchor).filter(|n| h.words.contains(n)) {
            anchor = noun;
        }
        let noun = clause::is_noun(&s.tokens[anchor]);
        let occasion = noun && occasion_verb(s, dicts, h, anchor).is_some();
        // "demonstrated a willingness to", "demonstrates that": showing
        let showing = clause::is_verb(&s.tokens[h.head])
            && dicts.senses.is(&s.tokens[h.head].lemma, Sense::Showing)
            && shows_something(s, h.head);
        let reason = if s.tree.is_modifier(anchor) {
            Some(DropReason::Modifier)
        } else if showing {
            Some(DropReason::Showing)
        } else if occasion {
            None
        } else if noun && s.tree.in_background(anchor, &dicts.senses)
            || s.tree.in_reduced_clause(anchor)
            || s.tree.in_habitual_relative(anchor, &dicts.senses)
        {
            Some(DropReason::Background)
        } else if noun
            && (s.tree.parsed() || lone_noun)
            && !s.tree.licenses_event_noun(anchor, &dicts.senses)
        {
            Some(DropReason::UnlicensedNoun)
        } else {
            None
        };
        return reason;
    }
    None
}

/// Where a hit stands in its sentence: what the passes of [`code_hit`]
/// read of it and do not change.
#[derive(Clone, Copy)]
struct Setting {
    /// The frame its pattern's code is ("agreed to": intent).
    frame: Option<Frame>,
    /// The hit of the frame's complement ("agreed to hold talks": talks).
    complement: Option<usize>,
    /// An intent inside the frame that passes its own complement on
    /// ("refused to commit to any direct assistance").
    nested: Option<usize>,
    /// The subject of a "that" complement, whom a demand, appeal or threat
    /// is made of.
    that_subject: Option<usize>,
    /// Where the trigger's phrase stands (the noun a trigger modifying a
    /// noun of its own pattern belongs to).
    phrase_head: usize,
    /// The verb a noun trigger is the occasion of ("told reporters during
    /// a meeting").
    occasion: Option<usize>,
    /// The casualties of the verb of harm whose occasion the trigger is.
    casualties: Option<usize>,
    /// The verb governing a noun trigger.
    governor: Option<usize>,
    /// What the words before the trigger's verb say of it.
    group: clause::VerbGroup,
    /// A one-word pattern on a noun ("the clashes").
    lone_noun: bool,
}

fn setting(
    s: &Sentence,
    dicts: &Dictionaries,
    hits: &[Hit],
    hi: usize,
    frame: Option<Frame>,
    lone_noun: bool,
) -> Setting {
    let h = &hits[hi];
    // The complement: "to" + verb, or a "that" clause whose subject is the target.
    let mut that_subject = None;
    // "refused to commit to any direct assistance": an intent inside the
    // frame passes its own complement on (an appeal or demand inside one,
    // "urged China to pressure North Korea to", is an event of its own).
    let mut nested = None;
    let complement = frame.and_then(|_| {
        let (link, reach) = complement_link(s, h)?;
        // "threatened to launch a pre-emptive nuclear strike": the object
        // of a verb without a pattern of its own is the complement.
        let light = s.word(link) == "to"
            && s.tokens.get(link + 1).is_some_and(|t| t.tag == "VB")
            && !hits.iter().any(|o| o.head == link + 1);
        // A noun alone is the act of a verb that says it was done
        // ("threatened to launch strikes"), not of any ("agreed to postpone
        // the demonstration").
        let support = light && dicts.senses.is(&s.tokens[link + 1].lemma, Sense::Support);
        let within = |c: usize| {
            let head = hits[c].head;
            let lone = hits[c].pattern.elements.len() == 1 && head > link + 1;
            if lone && light && !support {
                return false;
            }
            // "agreed to a Palestinian state": a noun of a statement's
            // word is no statement agreed to
            let noun = clause::is_noun(&s.tokens[head]);
            if noun && dicts.roots.is(&hits[c].pattern.code, RootRole::Statement) {
                return false;
            }
            head > link && head <= link + reach
                || light
                    && head <= link + LIGHT_OBJECT_REACH
                    && (clause::is_noun(&s.tokens[head]) || s.tokens[head].tag.starts_with("JJ"))
                    && !(link + 2..head).any(|k| clause::is_verb(&s.tokens[k]))
        };
        let first = (hi + 1..hits.len()).find(|&c| within(c));
        let inner = first
            .filter(|&f| dicts.roots.frame(&hits[f].pattern.code) == Some(Frame::Intent))
            .and_then(|f| {
                let (link, reach) = complement_link(s, &hits[f])?;
                nested = Some(f);
                (f + 1..hits.len()).find(|&c| {
                    hits[c].head > link
                        && hits[c].head <= link + reach
                        && dicts.roots.frame(&hits[c].pattern.code).is_none()
                })
            });
        if inner.is_none() {
            nested = None;
        }
        let c = inner.or_else(|| {
            (hi + 1..hits.len())
                .find(|&c| within(c) && dicts.roots.frame(&hits[c].pattern.code).is_none())
        });
        if s.word(link) == "that" {
            // "demanding that the Turkish government provide information",
            // "warned that Hezbollah would pay a heavy price": a demand,
            // appeal or threat is made of the subject of its clause, even
            // where that clause's verb has no pattern.
            let verb = c.map(|c| hits[c].head).or_else(|| {
                let asks = matches!(frame, Some(Frame::Demand | Frame::Appeal | Frame::Threaten));
                (link + 1..(link + 1 + reach).min(s.tokens.len()))
                    .find(|&k| asks && clause::is_verb(&s.tokens[k]))
            });
            that_subject = verb
                .and_then(|v| s.subject_before(v))
                .filter(|&m| s.mentions[m].0 > link);
        }
        c
    });
    // A trigger modifying a noun of its own pattern ("military" of
    // "military action against") stands where that noun's phrase stands:
    // what governs the phrase governs the event ("to prevent any military
    // action against Syria": failed).
    let phrase_head = s
        .tree
        .head(h.head)
        .filter(|&n| matches!(s.tree.dep(h.head), "amod" | "compound") && h.words.contains(&n))
        .unwrap_or(h.head);
    // A noun trigger takes the modality of the verb governing it
    // ("would tighten the blockade", "will extend the curfew").
    let nominal_head = clause::is_noun(&s.tokens[h.head]) || s.tokens[h.head].tag.starts_with("JJ");
    // "said during a meeting with Abe": the verb the noun is the occasion
    // of, its subject taking part; "were killed in an Israeli airstrike":
    // the verb of harm whose casualties the noun's act is aimed at
    let occasion_of = nominal_head
        .then(|| occasion_verb(s, dicts, h, phrase_head))
        .flatten();
    let casualty = dicts.roots.occasion(&h.pattern.code) == Some(Occasion::Casualty);
    let occasion = occasion_of.filter(|_| !casualty);
    let casualties = occasion_of.filter(|_| casualty).and_then(|v| {
        s.tree
            .passive_subject(v)
            .or_else(|| s.tree.subject(v))
            .and_then(|k| s.mention_of(k))
    });
    let governor = if nominal_head && s.tree.parsed() {
        s.tree.verb_of_noun(phrase_head, &dicts.senses).or(occasion)
    } else if nominal_head {
        (h.head.saturating_sub(8)..h.head)
            .rev()
            .take_while(|&k| !s.is_boundary(k))
            .find(|&k| s.tokens[k].tag.starts_with("VB"))
    } else {
        None
    };
    let mut group = verb_group(s.text, s.tokens, governor.unwrap_or(h.head));
    if h.pattern.dialect.writes_modality() {
        // PETRARCH patterns write negation and modality out ("WILL NOT *"),
        // and a passive without its agent keeps its subject as the source.
        let by = (h.end..(h.end + 6).min(s.tokens.len())).any(|k| s.word(k) == "by");
        group = clause::VerbGroup {
            passive: group.passive && by,
            ..Default::default()
        };
    }
    Setting {
        frame,
        complement,
        nested,
        that_subject,
        phrase_head,
        occasion,
        casualties,
        governor,
        group,
        lone_noun,
    }
}

/// What is known of the event a hit reports, as the passes of
/// [`code_hit`] find it.
struct EventDraft {
    code: String,
    rule: String,
    source: Option<usize>,
    target: Option<usize>,
    factuality: Factuality,
    trigger: dyad_core::Span,
    /// The tokens of the words that say the event.
    words: Vec<usize>,
    /// Whether a negation made the event a rejection ("refused to", "did
    /// not accept"), which is then asserted.
    negation_used: bool,
    /// Whether the target was found by searching after the trigger rather
    /// than by a pattern's slot or a clause's subject.
    searched: bool,
    /// Who says the subject "must" or "should" do the act.
    demanded_by: Option<usize>,
}

impl EventDraft {
    /// Says in the rule what read the pattern's event another way
    /// ("negation + 040 meet").
    fn prefix_rule(&mut self, reading: &str) {
        self.rule = format!("{reading} + {}", self.rule);
    }

    fn new(s: &Sentence, h: &Hit) -> Self {
        EventDraft {
            code: h.pattern.code.clone(),
            rule: h.pattern.id.clone(),
            source: None,
            target: h.target,
            factuality: Factuality::Asserted,
            trigger: s.tokens[h.head].span,
            words: h.words.clone(),
            negation_used: false,
            searched: false,
            demanded_by: None,
        }
    }
}

/// A frame over its complement ("agreed to hold talks": an intent to
/// meet), negation ("did not accept": a rejection), obligation ("must
/// drop": a demand of the subject), the future and conditions.
fn apply_frame(
    s: &Sentence,
    dicts: &Dictionaries,
    hits: &[Hit],
    h: &Hit,
    st: &Setting,
    d: &mut EventDraft,
    consumed: &mut [bool],
) {
    let &Setting {
        frame,
        complement,
        nested,
        that_subject,
        governor,
        group,
        ..
    } = st;
    if let (Some(frame), Some(c)) = (frame, complement) {
        consumed[c] = true;
        if let Some(f) = nested {
            consumed[f] = true;
            d.words.extend(&hits[f].words);
        }
        let comp = &hits[c];
        let frame = if group.negated { Frame::Reject } else { frame };
        d.negation_used = group.negated;
        // "agreed to hold talks", "pledged to send aid": an intent stated
        if frame == Frame::Intent {
            d.factuality = Factuality::Intended;
        }
        d.code = derive(dicts, frame, &comp.pattern.code)
            .map(String::from)
            .unwrap_or_else(|| d.code.clone());
        d.rule = format!("{} + {}", h.pattern.id, comp.pattern.id);
        // "agreed to US mediation", "demanded an Iranian withdrawal": the
        // actor of a noun complement's own phrase is whom the frame is
        // aimed at.
        let noun_actor = || {
            clause::is_noun(&s.tokens[comp.head])
                .then(|| s.mentions.iter().position(|m| m.1 == comp.head))
                .flatten()
        };
        d.target = d
            .target
            .or(that_subject)
            .or(comp.target)
            .or_else(noun_actor);
        if d.target.is_none() {
            let places = comp.pattern.dialect.phrase_targets() || !dicts.roots.venue(&d.code);
            let purpose_ends = dicts.roots.mutual(&d.code)
                && s.subject_before(h.head)
                    .is_some_and(|m| s.conjuncts(m).len() > 1);
            d.target = s.object_after(comp.head + 1, &comp.words, places, purpose_ends);
            d.searched = true;
        }
        d.trigger = d.trigger.cover(s.tokens[comp.head].span);
        d.words.extend(&comp.words);
    } else if that_subject.is_some() && d.target.is_none() {
        d.target = that_subject;
    } else if group.negated {
        // "will not negotiate with Congress", "does not recognize the
        // government", "did not accept refugees": a rejection, where CAMEO
        // has one for the event; else the event, negated ("did not attack").
        // What was not done in the past is no refusal ("never met Putin",
        // "did not reach an agreement"), unless its verb answers another
        // (`response` in senses.tsv: accept, recognize, allow, ...).
        let verb = governor.unwrap_or(h.head);
        let past = matches!(s.tokens[verb].tag, "VBD" | "VBN")
            || (verb.saturating_sub(4)..verb)
                .any(|k| s.tokens[k].lemma == "do" && s.tokens[k].tag == "VBD");
        let response = dicts.senses.is(&s.tokens[verb].lemma, Sense::Response);
        match dicts
            .frames
            .derive(Frame::Reject, &d.code)
            .filter(|_| dicts.roots.frame(&d.code).is_none() && (!past || response))
        {
            Some(r) => {
                d.prefix_rule("negation");
                d.code = r.to_string();
                d.negation_used = true;
            }
            None => d.factuality = Factuality::Negated,
        }
    } else if let Some((word, frame, by)) = (group.obligation || group.advice)
        .then(|| {
            let (word, frame) = OBLIGATION_WORDS[usize::from(!group.obligation)];
            Some((word, frame, obliger(s, dicts, hits, h.head, frame)?))
        })
        .flatten()
        .filter(|_| dicts.roots.frame(&d.code).is_none())
    {
        // "China must drop barriers, the US said": a demand of the subject.
        d.prefix_rule(word);
        d.code = dicts
            .frames
            .derive(frame, &d.code)
            .map(String::from)
            .or_else(|| dicts.roots.generic(frame))
            .unwrap_or_else(|| d.code.clone());
        d.target = s.subject_before(h.head);
        d.demanded_by = Some(by);
    } else if group.future && dicts.roots.frame(&d.code).is_none() {
        // "will withdraw its force unless ...": an ultimatum is a threat.
        let ultimatum = s
            .condition_after(h.end)
            .is_some_and(|(k, _)| s.word(k) == ULTIMATUM);
        if ultimatum {
            d.prefix_rule(ULTIMATUM);
            d.code = dicts
                .frames
                .derive(Frame::Threaten, &d.code)
                .map(String::from)
                .or_else(|| dicts.roots.generic(Frame::Threaten))
                .unwrap_or_else(|| d.code.clone());
        } else if let Some(intent) = derive(dicts, Frame::Intent, &d.code) {
            d.code = intent.to_string();
            d.prefix_rule("future");
        }
        d.factuality = Factuality::Intended;
    } else if group.hypothetical {
        d.factuality = Factuality::Hypothetical;
    }
}

/// Verb senses the structure decides.
fn read_senses(s: &Sentence, dicts: &Dictionaries, h: &Hit, d: &mut EventDraft) {
    // Verb senses the structure decides. "Attacked the policy", "fought the
    // plan": force against a thing said or decided is criticism.
    // "Protested that the vote was rigged": speech that accuses whom its
    // clause is about.
    if h.pattern.dialect.reads_structure() && !clause::is_noun(&s.tokens[h.head]) {
        let lemma = |k: usize| s.tokens[k].lemma.as_str();
        let force = matches!(d.code.get(..2), Some("18" | "19" | "20"));
        let abstract_object = s.tree.object(h.head).is_some_and(|o| {
            dicts.senses.is(lemma(o), Sense::Abstract) && s.mention_covering(o).is_none()
        });
        if force && abstract_object && dicts.cameo.get(CRITICISM).is_some() {
            d.prefix_rule("abstract object");
            d.code = CRITICISM.to_string();
        }
        let content = s.tree.clause_complement(h.head);
        if let Some(c) = content.filter(|_| dicts.senses.is(lemma(h.head), Sense::Speech)) {
            if dicts.cameo.get(ACCUSATION).is_some() {
                d.prefix_rule("speech");
                d.code = ACCUSATION.to_string();
                d.target = s.parsed_subject(c).or(d.target);
            }
        }
    }
}

/// Whom the act is done to, where no frame or slot named it yet:
/// a judged actor, a statement's addressee, a noun's complement, the actor
/// after the trigger; never a topic of discussion.
fn find_target(s: &Sentence, dicts: &Dictionaries, h: &Hit, st: &Setting, d: &mut EventDraft) {
    let &Setting {
        casualties,
        lone_noun,
        ..
    } = st;
    let statement =
        dicts.roots.is(&d.code, RootRole::Statement) && h.pattern.dialect.reads_structure();
    // "said the policy has been a disaster", "said Iran made a mistake": a
    // statement that judges an actor or its act wrong is criticism of that
    // actor, one that judges it right praise.
    let judged = s
        .tree
        .clause_complement(h.head)
        .filter(|_| statement && d.target.is_none())
        .and_then(|c| s.tree.judgement(c, &dicts.senses))
        .and_then(|(word, subject)| {
            let (judged, judgement) = judgement_code(s, dicts, word)?;
            Some((word, s.mention_of(subject)?, judged, judgement))
        });
    if let Some((word, judged_actor, judged, judgement)) = judged {
        d.prefix_rule(judgement);
        d.code = judged.to_string();
        d.target = Some(judged_actor);
        d.words.push(word);
    } else if d.target.is_none() && statement {
        // A statement is made of the actor it is addressed to or about, not
        // of whoever its words name: "said of Rudd", "explained to Mr.
        // Obama", as the parse tells (a sentence holding only statements is
        // not parsed, see `matching_sentences`, and codes none).
        // What an actor says of its own side is no act towards another.
        d.target = s.statement_target(h.head).filter(|&t| {
            let country = |m: usize| s.mentions[m].2.actor.country.as_deref();
            let subject = s
                .parsed_subject(h.head)
                .or_else(|| s.subject_before(h.head));
            subject.is_none_or(|src| country(src).is_none() || country(src) != country(t))
        });
    } else if d.target.is_none() && lone_noun {
        // "the shelling of Gaza", "sanctions against Iran": the noun's own
        // complement, never an actor further on; the casualties of the verb
        // it is the occasion of before it ("civilians killed in an airstrike
        // on Gaza")
        d.target = casualties.or_else(|| {
            s.tree
                .prepositional_objects(h.head, |w| NOUN_TARGETS.contains(&w))
                .find_map(|o| s.mention_of(o))
        });
    } else if d.target.is_none() && h.pattern.elements.iter().all(|e| *e != Element::Target) {
        let places = h.pattern.dialect.phrase_targets() || !dicts.roots.venue(&d.code);
        let coordinated = || {
            s.subject_before(h.head)
                .is_some_and(|m| s.conjuncts(m).len() > 1)
        };
        let purpose_ends =
            dicts.roots.mutual(&d.code) && dicts.roots.frame(&d.code).is_none() && coordinated();
        d.target = s.object_after(h.head + 1, &h.words, places, purpose_ends);
        d.searched = true;
        if h.pattern.dialect.phrase_targets() {
            // PETRARCH's target is the first actor of the verb's phrase, a
            // place too ("the roads leading into Mordor along the pass of
            // Cirith Ungol": Mordor).
            d.target = d
                .target
                .map(|t| s.first_actor_until(h.head + 1, t, &h.words));
        } else if d.target.is_none() && places {
            // Beyond the words right after the trigger, the parse: the
            // actor of its object's phrase or of a complement ("rejected a
            // fresh offer from Afghanistan", "opened its borders to West
            // Africans").
            d.target = s.parsed_object(h.head, &h.words);
        }
    }
    if d.target.is_none() && h.pattern.dialect.phrase_targets() {
        // PETRARCH takes the subject of the verb's "that" complement as
        // its target ("allowed that Mordor isn't ...").
        let near = h.head + 1..(h.head + 6).min(s.tokens.len());
        let that = near.clone().find(|&k| s.word(k) == "that");
        d.target = that.and_then(|k| s.mention_near(k + 1, 4));
    }
    // A topic of discussion is no target: "met in Riyadh to discuss Libya,
    // Yemen and Sudan", "discussed Syria".
    if h.pattern.dialect.reads_structure() {
        let topic = d.target.is_some_and(|t| {
            let k = s.mentions[t].0;
            s.tree
                .governing_verb_of_object(k)
                .is_some_and(|v| dicts.senses.is(&s.tokens[v].lemma, Sense::Topic))
        });
        if topic {
            d.target = None;
        }
    }
    // "clashed with police", "attacked civilians": an actor the pattern
    // names in its own words is whom the act is done to, where no actor
    // after it is (not the forces a show of force moves, "deployed
    // troops", nor others of the source's own, "withdrew its forces"; nor
    // whom news is told to)
    let moves_own = dicts.roots.is(&d.code, RootRole::Posture);
    if d.target.is_none()
        && h.pattern.dialect.reads_structure()
        && !moves_own
        && clause::is_verb(&s.tokens[h.head])
    {
        d.target = h
            .words
            .iter()
            .filter(|&&w| w > h.head)
            .filter(|&&w| {
                !(dicts.roots.told(&d.code) && dicts.senses.is(&s.tokens[w].lemma, Sense::Audience))
            })
            .find_map(|&w| s.mention_covering(w))
            .filter(|&m| !s.is_own(m));
    }
    // "threatened to stop the talks if the United States goes ahead",
    // "threatened to send refugees to Europe if the EU ...": a threat is
    // made to whom its condition is put, rather than to an object found by
    // searching (a pattern's own slot stays).
    if (d.target.is_none() || d.searched) && dicts.roots.frame(&d.code) == Some(Frame::Threaten) {
        let after = d.words.iter().max().map_or(h.end, |&w| w + 1);
        if let Some(subject) = s.condition_after(after).and_then(|(_, subject)| subject) {
            d.target = Some(subject);
        }
    }
}

/// Who did it: the pattern's `$`, the passive agent, a noun's own actor,
/// or the subject.
fn find_source(
    s: &Sentence,
    dicts: &Dictionaries,
    hits: &[Hit],
    h: &Hit,
    st: &Setting,
    d: &mut EventDraft,
) {
    let &Setting {
        frame,
        occasion,
        governor,
        group,
        lone_noun,
        ..
    } = st;
    d.source = h.source.or(d.demanded_by);
    // "the rebels are engaged in clashes": who takes part, passive in form
    // or not.
    let taking_part = governor.filter(|&v| {
        clause::is_noun(&s.tokens[h.head])
            && (s.tree.takes_part(v, &dicts.senses) || occasion == Some(v))
    });
    // "were alarmed by Mr. Maliki's speech": who feels is the subject
    let feeling = dicts.senses.is(&s.tokens[h.head].lemma, Sense::Feeling);
    let passive = d.source.is_none() && group.passive && taking_part.is_none() && !feeling;
    if passive {
        // "was rejected by Moscow": the agent acts on the subject.
        let by = (h.end..(h.end + 6).min(s.tokens.len())).find(|&k| s.word(k) == "by");
        d.source = by.and_then(|by| s.mention_near(by + 1, 4));
        // the parse's passive subject, or an actor inside its phrase ("a
        // camp for Congolese refugees was attacked"); none if it names no
        // actor ("the vision is threatened by Russia's aggression")
        let subject = match s.tree.passive_subject(h.head) {
            Some(k) => s.mention_of(k).or_else(|| s.mention_inside(k)),
            None => s.subject_before(h.head),
        };
        let raised = s.tokens.get(h.head + 2).is_some_and(|t| t.tag == "VB")
            && s.tokens
                .get(h.head + 1)
                .is_some_and(|_| s.word(h.head + 1) == "to");
        if d.source.is_none() && frame == Some(Frame::Intent) && raised {
            // "the minister is expected to meet Iranian officials", "is
            // scheduled to visit China": an intent of the one expected, as
            // the parse names it ("the comments were intended to reassure":
            // no actor).
            d.source = match s.tree.passive_subject(h.head) {
                Some(k) => s.mention_of(k),
                None if s.tree.parsed() => None,
                None => subject,
            };
        } else if d.target.is_none() || d.target == d.source {
            d.target = subject;
        }
    }
    let nominal = clause::is_noun(&s.tokens[h.head]);
    if d.source.is_none() && nominal {
        // "Israeli airstrikes on Gaza", "Russia's attack on Ukraine", "the
        // American-led invasion", "airstrikes by government forces".
        // "the American-led invasion", "Saudi-led coalition airstrikes"
        let led = |m: &(usize, usize, _)| {
            m.1 + 2 <= h.head
                && h.head <= m.1 + 4
                && s.word(m.1) == "-"
                && s.tokens[m.1 + 1].lemma == "lead"
                && (m.1 + 2..h.head).all(|k| clause::is_noun(&s.tokens[k]))
        };
        d.source = s
            .mentions
            .iter()
            .position(|m| {
                m.1 == h.head || (m.1 + 1 == h.head && matches!(s.word(m.1), "'s" | "'")) || led(m)
            })
            .or_else(|| {
                s.tree
                    .prepositional_objects(h.head, |w| w == "by")
                    .find_map(|o| s.mention_of(o))
            })
            .or_else(|| {
                // "threats from North Korea", "calls from lawmakers for
                // sanctions", where "from" is not whence ("withdrawal from
                // Syria", "a trip from Jerusalem"): roots.tsv `from`
                let from = s
                    .tree
                    .prepositional_objects(h.head, |w| w == "from")
                    .find_map(|o| s.mention_of(o));
                // (a pattern of its own with "from" says what it is:
                // "purchase from +")
                let own = h
                    .pattern
                    .elements
                    .iter()
                    .any(|e| matches!(e, Element::Word(w) if w == "from"));
                from.filter(|_| dicts.roots.from(&h.pattern.code) && !own)
            });
    }
    // A noun trigger is the act of its clause's subject only as the
    // object of a verb with no pattern of its own ("will provide food
    // aid", "would tighten the blockade"); inside any other phrase
    // ("condemned the arrests", "a debt relief plan") it has no source.
    // A noun alone is its governor's act only where that verb says its
    // subject did it ("staged protests", "carried out airstrikes"; not
    // "handled the protests").
    // (the verb an occasion is of may be an act of its own: "told
    // reporters during a meeting with Lavrov")
    let governed = governor.is_some_and(|v| {
        occasion == Some(v)
            || h.head - v <= 7
                && !hits.iter().any(|o| o.words.contains(&v))
                && (!lone_noun
                    || taking_part.is_some()
                    || dicts.senses.is(&s.tokens[v].lemma, Sense::Support)
                        && s.tree.object(v) == Some(h.head))
    });
    if d.source.is_none() && !passive && (!nominal || governed) {
        // The noun's actor is its verb's subject ("forces launched
        // artillery and rocket fire": the forces, not the artillery).
        d.source = match governor.filter(|_| nominal) {
            Some(v) if taking_part.is_some() => s
                .subject(v, h.pattern.dialect.subject_by_words())
                .or_else(|| s.mention_of(s.tree.passive_subject(v)?)),
            Some(v) => s.subject(v, h.pattern.dialect.subject_by_words()),
            None => s.subject(h.head, h.pattern.dialect.subject_by_words()),
        };
    }
    // "the summit has alarmed NATO allies": who feels is the object, and
    // disapproves of the subject
    let felt_by_object = feeling
        && !group.passive
        && clause::is_verb(&s.tokens[h.head])
        && s.tree.object(h.head).is_some();
    if felt_by_object && d.source.is_some() && d.target.is_some() {
        std::mem::swap(&mut d.source, &mut d.target);
    }
    // the parse answers who the subject is, found or not
    let named_subject = s.tree.parsed();
    if d.source.is_none()
        && !nominal
        && !passive
        && h.pattern.dialect.reads_structure()
        && !named_subject
    {
        // An infinitive or reported clause without an actor of its own: the
        // sentence's first actor outside a prepositional phrase, as a guess.
        // (A verb whose subject names no known actor gets no guess.)
        d.source = (0..s.mentions.len()).find(|&m| {
            let start = s.mentions[m].0;
            let in_pp = start > 0 && matches!(s.tokens[start - 1].tag, "IN" | "TO");
            Some(m) != d.target && start < h.head && !in_pp
        });
    }
}

/// What the structure governing the trigger says of the event; PETRARCH
/// patterns write negation and modality out in their words.
fn assess_factuality(
    s: &Sentence,
    dicts: &Dictionaries,
    h: &Hit,
    st: &Setting,
    d: &mut EventDraft,
) {
    // What the structure governing the trigger says of the event; PETRARCH
    // patterns write negation and modality out in their words.
    if h.pattern.dialect.reads_structure() {
        let modal_used = d.rule.starts_with("must") || d.rule.starts_with("should");
        let parsed = s
            .tree
            .factuality(st.phrase_head, s.is_question(), modal_used, &dicts.senses);
        d.factuality = match (d.factuality, parsed) {
            (_, None) => d.factuality,
            (_, Some(Factuality::Negated)) if d.negation_used => Factuality::Asserted,
            // what the words before the verb said (intended, negated)
            // stands where the parse finds nothing more ("has not publicly
            // and specifically described": the parse may miss the "not")
            (Factuality::Intended | Factuality::Negated, Some(Factuality::Asserted)) => {
                d.factuality
            }
            (_, Some(f)) => f,
        };
    }
}

/// The coded event: each of the coordinated sources and targets, the
/// event done back, repression and violent protest told apart.
fn finish(s: &Sentence, dicts: &Dictionaries, h: &Hit, mut d: EventDraft) -> Coded {
    // Both slots written in the pattern ("fighting between $ and +") are
    // already the pair; otherwise coordinated actors each take part.
    let expand = |m: usize| {
        if h.source.is_some() && h.target.is_some() {
            vec![m]
        } else {
            s.conjuncts(m)
        }
    };
    let sources = d.source.map(expand).unwrap_or_default();
    // "accused each other": coordinated sources act on one another.
    let mutual = (h.end..(h.end + 3).min(s.tokens.len())).any(|k| {
        matches!((s.word(k), k + 1 < s.tokens.len()), ("each" | "one", true))
            && matches!(s.word(k + 1), "other" | "another")
    });
    if mutual {
        d.target = None;
    }
    // (an intent of a mutual act is mutual: "the two sides had planned to
    // discuss new efforts", "planned to meet")
    let pledged = dicts.senses.is(&s.tokens[h.head].lemma, Sense::Pledge)
        && dicts.roots.generic(Frame::Intent).as_deref() == Some(d.code.as_str());
    let reciprocal = mutual || dicts.roots.mutual(&d.code) && !pledged;
    // "China and Pakistan signed an agreement in Islamabad": where
    // partners act together is not whom they act on.
    let placed = d
        .target
        .is_some_and(|t| s.mentions[t].0 > 0 && is_locative(s.word(s.mentions[t].0 - 1)));
    if reciprocal && sources.len() > 1 && placed {
        d.target = None;
    }
    // "told reporters", "speaking to journalists": whom news is told to is
    // no one a statement or a consultation is aimed at.
    let audience = d.target.is_some_and(|t| {
        let head = s.mentions[t].1 - 1;
        dicts.senses.is(&s.tokens[head].lemma, Sense::Audience)
    });
    if audience && dicts.roots.told(&d.code) {
        d.target = None;
    }
    let targets = d
        .target
        .map(|m| {
            if h.source.is_some() && h.target.is_some() {
                vec![m]
            } else {
                s.target_conjuncts(m)
            }
        })
        .unwrap_or_default();
    // PETRARCH's reverse code belongs to its pattern's own code; dyad's
    // patterns take theirs from the reverse table ("met": met back), or
    // are their own where the trigger's act is done back ("clashed with").
    let mut reverse = match h.pattern.dialect.reverse_in_pattern() {
        true => h
            .pattern
            .reverse
            .clone()
            .filter(|_| d.code == h.pattern.code),
        false => dicts.reverses.of(&d.code).map(String::from).or_else(|| {
            let lemma = &s.tokens[h.head].lemma;
            dicts
                .senses
                .is(lemma, Sense::Reciprocal)
                .then(|| d.code.clone())
        }),
    };
    // "protesters were shot dead by security forces": force a state uses on
    // its own people protesting is repression (a foreign army firing on
    // protesters is fighting); their force on it, a violent protest
    // ("clashed with police": both).
    let country = |m: usize| s.mentions[m].2.actor.country.as_deref();
    let protesting = |m: usize| {
        let head = s.mentions[m].1 - 1;
        dicts.senses.is(&s.tokens[head].lemma, Sense::Protester)
    };
    let domestic = matches!((d.source, d.target), (Some(a), Some(b))
        if country(a).is_some() && country(a) == country(b));
    let force = matches!(d.code.get(..2), Some("18" | "19"));
    if domestic && force && h.pattern.dialect.reads_structure() {
        let (src, tgt) = (
            protesting(d.source.unwrap_or_default()),
            protesting(d.target.unwrap_or_default()),
        );
        let recode = |c: &str| dicts.cameo.get(c).map(|_| c.to_string());
        let reverse_was_same = reverse.as_deref() == Some(d.code.as_str());
        if let (true, false, Some(repression)) = (tgt, src, recode(REPRESSION)) {
            d.prefix_rule("protesters");
            d.code = repression;
            if reverse_was_same {
                reverse = recode(VIOLENT_PROTEST);
            }
        } else if let (true, false, Some(riot)) = (src, tgt, recode(VIOLENT_PROTEST)) {
            d.prefix_rule("protesters");
            d.code = riot;
            if reverse_was_same {
                reverse = recode(REPRESSION);
            }
        }
    }
    // "protesters clashed with police" coded as a violent protest by its
    // pattern: the police's part back is repression
    if domestic && d.code == VIOLENT_PROTEST && reverse.as_deref() == Some(VIOLENT_PROTEST) {
        reverse = dicts.cameo.get(REPRESSION).map(|_| REPRESSION.to_string());
    }
    Coded {
        reciprocal,
        head: h.head,
        code: d.code,
        sources,
        targets,
        trigger: d.trigger,
        trigger_text: d
            .words
            .iter()
            .map(|&k| s.tokens[k].span.slice(s.text))
            .collect::<Vec<_>>()
            .join(" "),
        rule: d.rule,
        factuality: d.factuality,
        reverse,
    }
}
