//! Event coding: patterns matched on lemmas, actors taken from the clause.
//!
//! For each sentence, every token whose lemma heads a pattern is tried; the
//! longest pattern that matches wins at that token. The target is the `+`
//! slot, or else the first actor after the trigger in its clause that is not
//! a place ("in Kirkuk"); the source is the `$` slot, the passive agent
//! ("rejected by Moscow"), or the subject: the nearest actor before the
//! trigger in its clause, with a pronoun resolved to an earlier actor. A
//! frame verb ("agreed to", "threatened to", "urged X to", "refused to")
//! combines with the event of its complement through the frame table;
//! negation, "will" and "could" do the same for a single verb. Actors joined
//! by "and" give one event per source–target pair. A statement (CAMEO 01)
//! is kept only when the sentence reports nothing else, so the reported
//! event, coded with its own actors, stands for it.

use std::borrow::Cow;

use dyad_core::{
    round_confidence, ActorMention, Document, Event, EventActor, EventDate, Evidence, Factuality,
    SentenceKind, Span, Token,
};
use dyad_lexicon::{Dictionaries, Element, Frame, Pattern, RootRole};

use crate::clause::{self, is_locative, lower, verb_group, ADJUNCTS};
use crate::structure::Tree;

/// The word that makes a demand of a clause's subject when someone says it
/// ("China must drop barriers, the US said"), even where the verb after it
/// has no pattern: with the patterns' trigger words, the only word that can
/// start an event.
pub const DEMAND_WORD: &str = "must";

/// Words that open a condition on an event.
const CONDITIONS: &[&str] = &["if", "unless"];

/// The condition that turns a stated intent into an ultimatum.
const ULTIMATUM: &str = "unless";

/// How many tokens after "to" the object of a light verb may end
/// ("to launch a pre-emptive nuclear strike").
const LIGHT_OBJECT_REACH: usize = 7;

/// How many tokens after a protest its demand may follow ("blocked roads
/// leading to the city centre on Sunday to press their demands").
const PROTEST_REACH: usize = 16;

/// Words allowed between consecutive pattern words ("imposed tough new
/// economic sanctions on": three fillers between `impose` and `sanction`).
const WORD_GAP: usize = 3;

/// Words a skip (PETRARCH's `^`) passes over before the next element.
const SKIP_GAP: usize = 8;

/// Words allowed between the words of a PETRARCH pattern, which may lie
/// anywhere in the verb's phrase ("signed an 800 million ducat trade
/// protocol": `* TRADE PROTOCOL`).
const PHRASE_GAP: usize = 6;

/// One pattern tried on a sentence, for `dyad explain`.
#[derive(Clone, Debug)]
pub struct Attempt {
    pub rule: String,
    pub trigger: String,
    pub outcome: String,
}

/// Why a pattern that matched gave no event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropReason {
    /// No actor did it.
    NoSource,
    /// A PETRARCH pattern without a target: PETRARCH codes only dyads.
    NoDyad,
    /// A statement (CAMEO 01) in a sentence that reports another event.
    StatementBesideEvent,
    /// No actor it was done to, for an event that needs one.
    NoTarget,
    /// The trigger modifies a noun ("Western-backed", "detained
    /// journalists"): it names no act the sentence reports.
    Modifier,
    /// The trigger is a noun in an adjunct of time or cause ("after the
    /// bombing of the embassy"): background to what the sentence reports.
    Background,
}

impl DropReason {
    /// The reason's name in `explain --json`.
    pub fn as_str(self) -> &'static str {
        match self {
            DropReason::NoSource => "no_source",
            DropReason::NoDyad => "no_dyad",
            DropReason::StatementBesideEvent => "statement_beside_event",
            DropReason::NoTarget => "no_target",
            DropReason::Modifier => "modifier",
            DropReason::Background => "background",
        }
    }

    /// The reason as a sentence, for `explain`.
    pub fn describe(self) -> &'static str {
        match self {
            DropReason::NoSource => "no source actor: not coded",
            DropReason::NoDyad => "no target actor for a PETRARCH pattern: not coded",
            DropReason::StatementBesideEvent => {
                "a statement beside another event of the sentence: not coded"
            }
            DropReason::NoTarget => "no target actor: not coded",
            DropReason::Modifier => "the trigger modifies a noun: not coded",
            DropReason::Background => "an event noun in an adjunct of time or cause: not coded",
        }
    }
}

/// A candidate event that matched a pattern and was dropped.
#[derive(Clone, Debug)]
pub struct Dropped {
    pub trigger: String,
    pub rule: String,
    pub reason: DropReason,
}

/// Why a sentence was or was not coded.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    pub sentence: usize,
    pub attempts: Vec<Attempt>,
    pub dropped: Vec<Dropped>,
}

/// Rules named per line of [`summarize`]; the others are counted (a trace
/// in JSON keeps every attempt).
const SUMMARY_RULES: usize = 6;

/// Attempts as a reader takes them in: one line per trigger and outcome
/// with the rules that ended that way ("`accused`: no actor for the target
/// slot after `accused` [112 accuse +; 1121 accuse + of fraud]"), in the
/// order first met; then, per trigger, a count of the patterns whose other
/// words the sentence lacks, which did not apply at all.
pub fn summarize<'a>(attempts: impl IntoIterator<Item = &'a Attempt>) -> Vec<String> {
    let mut outcomes: Vec<((&str, &str), Vec<&str>)> = Vec::new();
    let mut not_applying: Vec<(&str, usize)> = Vec::new();
    for a in attempts {
        // the outcome of a missing pattern word (see `Miss::describe`)
        if a.outcome.starts_with("no `") {
            match not_applying.iter_mut().find(|(t, _)| *t == a.trigger) {
                Some((_, n)) => *n += 1,
                None => not_applying.push((&a.trigger, 1)),
            }
            continue;
        }
        let key = (a.trigger.as_str(), a.outcome.as_str());
        match outcomes.iter_mut().find(|(k, _)| *k == key) {
            Some((_, rules)) => rules.push(&a.rule),
            None => outcomes.push((key, vec![&a.rule])),
        }
    }
    let ended = outcomes.iter().map(|((trigger, outcome), rules)| {
        let shown = rules[..rules.len().min(SUMMARY_RULES)].join("; ");
        let more = match rules.len().saturating_sub(SUMMARY_RULES) {
            0 => String::new(),
            n => format!("; … {n} more"),
        };
        format!("`{trigger}`: {outcome} [{shown}{more}]")
    });
    let counted = not_applying
        .iter()
        .map(|(trigger, n)| format!("`{trigger}`: {n} pattern(s) lacked their other words"));
    ended.chain(counted).collect()
}

/// The attempts and dropped candidates of a sentence, recorded only when a
/// trace was asked for, so that coding without one builds no messages.
struct Attempts(Option<(Vec<Attempt>, Vec<Dropped>)>);

impl Attempts {
    fn record(&mut self, make: impl FnOnce() -> Attempt) {
        if let Some((list, _)) = &mut self.0 {
            list.push(make());
        }
    }

    /// Records a candidate dropped for `reason`, as an attempt too.
    fn drop(&mut self, rule: &str, trigger: &str, reason: DropReason) {
        if let Some((list, dropped)) = &mut self.0 {
            list.push(Attempt {
                rule: rule.to_string(),
                trigger: trigger.to_string(),
                outcome: reason.describe().to_string(),
            });
            dropped.push(Dropped {
                trigger: trigger.to_string(),
                rule: rule.to_string(),
                reason,
            });
        }
    }
}

/// Why a pattern did not match at a trigger.
enum Miss<'p> {
    /// A pattern word was not found after token `after`.
    Word { word: &'p str, after: usize },
    /// No actor filled the target (or source) slot after token `after`.
    Actor { target: bool, after: usize },
    /// An element before the trigger was not found before token `before`.
    Before { element: &'p Element, before: usize },
}

impl Miss<'_> {
    fn describe(&self, s: &Sentence) -> String {
        match self {
            Miss::Word { word, after } => format!("no `{word}` after `{}`", s.word(*after)),
            Miss::Actor { target, after } => {
                let slot = if *target { "target" } else { "source" };
                format!("no actor for the {slot} slot after `{}`", s.word(*after))
            }
            Miss::Before { element, before } => match element {
                Element::Word(w) | Element::Joined(w) => {
                    format!("no `{w}` before `{}`", s.word(*before))
                }
                _ => format!("no actor before `{}`", s.word(*before)),
            },
        }
    }
}

/// A pattern matched at a trigger.
#[derive(Clone, Debug)]
struct Hit<'p> {
    pattern: &'p Pattern,
    head: usize,
    words: Vec<usize>,
    end: usize,
    source: Option<usize>,
    target: Option<usize>,
}

struct Sentence<'a> {
    text: &'a str,
    tokens: &'a [Token],
    /// The dependency tree, with each token's text lower-cased.
    tree: Tree<'a>,
    /// Mentions of the sentence, token ranges relative to the sentence.
    mentions: Vec<(usize, usize, &'a ActorMention)>,
}

impl<'a> Sentence<'a> {
    /// Sentence `si` of a document, unless it is one the coder passes over
    /// (a dateline, boilerplate).
    fn coded(doc: &'a Document, si: usize) -> Option<Self> {
        let sentence = &doc.sentences[si];
        if sentence.kind == SentenceKind::Dateline || sentence.boilerplate.is_some() {
            return None;
        }
        let tokens = &doc.tokens[sentence.tokens.clone()];
        let base = sentence.tokens.start;
        let mentions = doc
            .mentions
            .iter()
            .filter(|m| m.sentence == si)
            .map(|m| (m.tokens.start - base, m.tokens.end - base, m))
            .collect();
        Some(Sentence::new(&doc.text, tokens, base, mentions))
    }

    /// The sentence whose tokens start at the document's token `base`.
    fn new(
        text: &'a str,
        tokens: &'a [Token],
        base: usize,
        mentions: Vec<(usize, usize, &'a ActorMention)>,
    ) -> Self {
        let lower: Vec<Cow<'a, str>> = tokens.iter().map(|t| lower(text, t)).collect();
        Sentence {
            text,
            tokens,
            tree: Tree::new(tokens, base, lower),
            mentions,
        }
    }

    fn word(&self, i: usize) -> &str {
        self.tree.word(i)
    }

    /// Whether the sentence asks a question.
    fn is_question(&self) -> bool {
        self.tokens
            .iter()
            .rev()
            .map(|t| t.span.slice(self.text))
            .find(|w| !matches!(*w, "\"" | "”" | "'" | "’" | ")"))
            == Some("?")
    }

    /// The mention naming the phrase headed by token `i`: one covering it,
    /// or one among the words that modify it ("Russian troops", "the
    /// president of Armenia", "thousands of Iraqi Kurds", "ministers from
    /// China"), or its apposition ("Sidhoum, Algeria's leading activist").
    fn mention_of(&self, i: usize) -> Option<usize> {
        self.mention_in_phrase(i, 0)
    }

    fn mention_in_phrase(&self, i: usize, depth: usize) -> Option<usize> {
        if let Some(m) = self.mention_covering(i) {
            return Some(m);
        }
        if depth > 2 {
            return None;
        }
        let children =
            |h: usize| (0..self.tokens.len()).filter(move |&k| self.tree.head(k) == Some(h));
        children(i).find_map(|k| match self.tree.dep(k) {
            "compound" | "amod" | "poss" | "appos" => self.mention_in_phrase(k, depth + 1),
            "prep" if matches!(self.word(k), "of" | "from") => children(k)
                .filter(|&o| self.tree.dep(o) == "pobj")
                .find_map(|o| self.mention_in_phrase(o, depth + 1)),
            _ => None,
        })
    }

    /// Whom a statement made with verb `v` is about: the actor after its
    /// "of", "about" or "to" ("said of Rudd", "explained to Mr. Obama"), or
    /// the subject of its reported clause.
    fn statement_target(&self, v: usize) -> Option<usize> {
        let children =
            |h: usize| (0..self.tokens.len()).filter(move |&k| self.tree.head(k) == Some(h));
        let addressed = children(v)
            .filter(|&p| {
                self.tree.dep(p) == "prep" && matches!(self.word(p), "of" | "about" | "to")
            })
            .flat_map(|p| children(p).filter(|&o| self.tree.dep(o) == "pobj"))
            .find_map(|o| self.mention_of(o));
        addressed.or_else(|| {
            let content = children(v).find(|&c| self.tree.dep(c) == "ccomp")?;
            self.parsed_subject(content)
        })
    }

    /// The subject of verb `v`: as the parse gives it, else the nearest
    /// actor before it in its clause; the latter alone for PETRARCH's
    /// patterns (`literal`), which read the words before the verb.
    fn subject(&self, v: usize, literal: bool) -> Option<usize> {
        let near = self.subject_before(v);
        if literal {
            return near;
        }
        // The words find a verb's own subject as well as the parse does; the
        // parse is needed where the subject is not the actor before the
        // verb: a relative clause's antecedent ("the militia that has
        // shelled"), an earlier verb's subject, the one asked ("urged Iran
        // to stop").
        if !self.tree.borrows_subject(v) {
            // "Much of its arsenal can reach Japan, but Kim has threatened
            // to attack": a subject that names no known actor leaves the
            // verb without one, rather than lending it the nearest actor.
            return match self.tree.own_subject(v).map(|own| self.mention_of(own)) {
                Some(None) => None,
                // The nearest actor before the verb names its subject more
                // often than the parse's head word does (titles, names and
                // their appositions), so it stands where there is one.
                Some(Some(p)) => near.or(Some(p)),
                None => near,
            };
        }
        match (self.parsed_subject(v), near) {
            // "Jordan and Britain have agreed": the parse names the first of
            // the coordinated actors, the words the last; one group.
            (Some(p), Some(n)) if self.conjuncts(n).contains(&p) => Some(n),
            (Some(p), _) => Some(p),
            (None, n) => n,
        }
    }

    /// The subject of verb `v` as the parse gives it, as a mention.
    fn parsed_subject(&self, v: usize) -> Option<usize> {
        self.mention_of(self.tree.subject(v)?)
    }

    /// Whether token `i` ends the clause it is in.
    fn is_boundary(&self, i: usize) -> bool {
        clause::is_boundary_word(self.word(i))
    }

    /// Whether token `i` is the pattern word `w`: its lemma or its own
    /// word, or only its own for a PETRARCH pattern, whose words match as
    /// written (RESOLUTION is not "resolutions").
    fn matches_word(&self, i: usize, w: &str, literal: bool) -> bool {
        !literal && self.tokens[i].lemma == w || self.word(i) == w
    }

    fn mention_starting(&self, i: usize) -> Option<usize> {
        self.mentions.iter().position(|m| m.0 == i)
    }

    fn mention_covering(&self, i: usize) -> Option<usize> {
        self.mentions.iter().position(|m| m.0 <= i && i < m.1)
    }

    /// The token index `words` words after `from`, counting a hyphen, an
    /// amount and a day as no words ("two short-range missiles" is three
    /// words, "$2 billion in security assistance" four, "massed tens of
    /// thousands of troops" two, "announced on Sunday a ceasefire" two).
    fn reach(&self, from: usize, words: usize) -> usize {
        let mut k = from;
        let mut n = 0;
        while k < self.tokens.len() && n < words {
            if self.counts_as_word(k) {
                n += 1;
            }
            k += 1;
        }
        k
    }

    fn counts_as_word(&self, k: usize) -> bool {
        let w = self.word(k);
        let tag = |k: usize| self.tokens[k].tag;
        let amount = |k: usize| matches!(tag(k), "CD" | "$");
        let quantity = |k: usize| clause::QUANTITIES.contains(&self.word(k));
        let continues_amount = k > 0 && (amount(k) && amount(k - 1) || quantity(k));
        let of_quantity = w == "of" && k > 0 && quantity(k - 1);
        // "on Sunday": a day between a verb and its object.
        let day = (w == "on" && k + 1 < self.tokens.len() && tag(k + 1) == "NNP")
            || (tag(k) == "NNP" && k > 0 && self.word(k - 1) == "on");
        !(w == "-" || continues_amount || of_quantity || day)
    }

    /// A group the subject owns ("its troops", "their supporters"): part of
    /// the source, never its target.
    fn is_own(&self, m: usize) -> bool {
        let (start, _, mention) = self.mentions[m];
        mention.actor.country.is_none()
            && start > 0
            && matches!(
                self.word(start - 1),
                "its" | "their" | "his" | "her" | "our"
            )
    }

    /// A mention within a few filler words of `from` (determiners, adjectives,
    /// numbers, adverbs), without crossing a clause boundary.
    fn mention_near(&self, from: usize, reach: usize) -> Option<usize> {
        self.mention_within(from, reach, false)
    }

    /// [`Self::mention_near`], with prepositions among the fillers when
    /// `prepositions` (a PETRARCH actor slot is the next noun phrase, a
    /// prepositional object too: `* MONEY $` in "money from Osgiliath").
    fn mention_within(&self, from: usize, reach: usize, prepositions: bool) -> Option<usize> {
        for k in from..(from + reach).min(self.tokens.len()) {
            if let Some(m) = self.mention_starting(k) {
                return Some(m).filter(|&m| !self.is_own(m));
            }
            let t = &self.tokens[k];
            // "from the besieged town of Gorazde": participles modify too;
            // "struck camps of the PKK": a thing of an actor is the actor's.
            let of_actor =
                clause::is_noun(t) && k + 1 < self.tokens.len() && self.word(k + 1) == "of";
            let of = k > from && self.word(k) == "of" && clause::is_noun(&self.tokens[k - 1]);
            let filler = matches!(t.tag, "DT" | "CD" | "PRP$" | "PDT" | "VBN")
                || t.tag.starts_with("JJ")
                || t.tag.starts_with("RB")
                || of_actor
                || of
                || prepositions && matches!(t.tag, "IN" | "TO");
            if !filler {
                return None;
            }
        }
        None
    }

    /// Tries one pattern at a trigger token.
    fn try_pattern<'p>(&self, pattern: &'p Pattern, head: usize) -> Result<Hit<'p>, Miss<'p>> {
        let mut hit = Hit {
            pattern,
            head,
            words: vec![head],
            end: head + 1,
            source: None,
            target: None,
        };
        // Skips (`^`) before the next element, each passing over a noun phrase.
        let mut skip = 0;
        for el in &pattern.elements[1..] {
            match el {
                Element::Skip => {
                    skip += 1;
                    continue;
                }
                Element::Joined(w) => {
                    if hit.end >= self.tokens.len()
                        || !self.matches_word(hit.end, w, pattern.literal)
                    {
                        return Err(Miss::Word {
                            word: w,
                            after: hit.end - 1,
                        });
                    }
                    hit.words.push(hit.end);
                    hit.end += 1;
                }
                Element::Word(w) => {
                    // A particle right after its verb stays next to it: "take
                    // in refugees", not "taken over vast swaths in Iraq".
                    let particle = hit.words.len() == 1 && clause::PARTICLES.contains(&w.as_str());
                    let gap = match (skip > 0, particle) {
                        (true, _) => SKIP_GAP + 1,
                        (false, true) => 1,
                        (false, false) if pattern.literal => PHRASE_GAP + 1,
                        (false, false) => WORD_GAP + 1,
                    };
                    let reach = self.reach(hit.end, gap);
                    let found = (hit.end..reach)
                        .take_while(|&k| {
                            // A PETRARCH verb's phrase holds its "that" complement.
                            let complement = pattern.literal && self.word(k) == "that";
                            let blocked = self.is_boundary(k) && !complement || self.word(k) == ",";
                            skip > 0 || !blocked || self.matches_word(k, w, pattern.literal)
                        })
                        .find(|&k| self.matches_word(k, w, pattern.literal));
                    let Some(k) = found else {
                        return Err(Miss::Word {
                            word: w,
                            after: hit.end - 1,
                        });
                    };
                    hit.words.push(k);
                    hit.end = k + 1;
                }
                Element::Target | Element::Source | Element::Compound => {
                    let found = if skip > 0 {
                        let reach = self.reach(hit.end, SKIP_GAP + 1);
                        (hit.end..reach)
                            .filter_map(|k| self.mention_starting(k))
                            .nth(skip)
                    } else {
                        self.mention_within(hit.end, 5, pattern.literal)
                    };
                    // "was accused of corruption by the opposition": in the
                    // passive, the object slot after the verb is its subject.
                    let passive_object = found.is_none()
                        && skip == 0
                        && !pattern.literal
                        && *el == Element::Target
                        && hit.words.len() == 1
                        && verb_group(self.text, self.tokens, head).passive;
                    if passive_object {
                        continue;
                    }
                    let Some(m) = found else {
                        return Err(Miss::Actor {
                            target: *el != Element::Source,
                            after: hit.end - 1,
                        });
                    };
                    hit.end = self.mentions[m].1;
                    if *el == Element::Source {
                        hit.source = Some(m);
                    } else {
                        hit.target = Some(m);
                    }
                }
            }
            skip = 0;
        }
        if !pattern.before.is_empty() {
            self.match_before(pattern, &mut hit)?;
        }
        Ok(hit)
    }

    /// Matches a pattern's elements before its trigger, from the trigger
    /// outwards: words within a few words of the element on their trigger
    /// side (right beside it when joined), actors ending there, and a
    /// compound subject, whose first two members act on each other.
    fn match_before<'p>(&self, pattern: &'p Pattern, hit: &mut Hit<'p>) -> Result<(), Miss<'p>> {
        let mut cursor = hit.head;
        let mut skip = false;
        for element in pattern.before.iter().rev() {
            let at = cursor;
            let miss = move || Miss::Before {
                element,
                before: at,
            };
            let gap = if skip { SKIP_GAP + 1 } else { WORD_GAP + 1 };
            match element {
                Element::Skip => {
                    skip = true;
                    continue;
                }
                Element::Word(w) | Element::Joined(w) => {
                    let lowest = match element {
                        Element::Joined(_) => cursor.saturating_sub(1),
                        _ => cursor.saturating_sub(gap),
                    };
                    let k = (lowest..cursor)
                        .rev()
                        .take_while(|&k| {
                            // "noted that Cirith Ungol regretted": `NOTED + *`.
                            let complement = self.word(k) == "that";
                            skip || complement
                                || !self.is_boundary(k)
                                || self.matches_word(k, w, pattern.literal)
                        })
                        .find(|&k| self.matches_word(k, w, pattern.literal))
                        .ok_or_else(miss)?;
                    hit.words.push(k);
                    cursor = k;
                }
                Element::Target | Element::Source | Element::Compound => {
                    // The noun phrase before the verb: "Ithilen's palace
                    // guard militia was freed" (`+ * FROM $`).
                    let reach = if skip { SKIP_GAP + 1 } else { PHRASE_GAP + 1 };
                    let m = (0..self.mentions.len())
                        .filter(|&m| {
                            self.mentions[m].1 <= cursor && cursor <= self.mentions[m].1 + reach
                        })
                        .max_by_key(|&m| self.mentions[m].1)
                        .ok_or_else(miss)?;
                    cursor = self.mentions[m].0;
                    match element {
                        Element::Target => hit.target = Some(m),
                        Element::Source => hit.source = Some(m),
                        _ => {
                            let members = self.conjuncts(m);
                            let [first, second, ..] = members[..] else {
                                return Err(miss());
                            };
                            (hit.source, hit.target) = (Some(first), Some(second));
                            cursor = self.mentions[first].0;
                        }
                    }
                }
            }
            skip = false;
        }
        hit.words.sort_unstable();
        // A target before the verb is its subject ("noted that Cirith Ungol
        // regretted": `NOTED + *`); the source is then the subject of the
        // pattern's first word.
        let first = hit.words[0];
        if hit.source.is_none() && hit.target.is_some_and(|t| first < self.mentions[t].0) {
            hit.source = self.subject_before(first);
        }
        Ok(())
    }

    /// The first actor after `from` in the clause that is not a place or
    /// time ("in Kirkuk"), or else the first place; `skip` are the
    /// trigger's own pattern words. The search passes over infinitives and
    /// participles ("threatened to break relations with Russia") but stops
    /// at a finite verb, which starts another predicate.
    fn object_after(&self, from: usize, skip: &[usize]) -> Option<usize> {
        let mut place = None;
        // Inside a place's phrase, up to the next preposition or verb: "in
        // East Timor's capital Dili" names one place, not a place and a government.
        let mut in_place = false;
        let mut k = from;
        // Twelve tokens on from the pattern's last word.
        let limit = skip.iter().map(|&w| w + 1).max().unwrap_or(from).max(from) + 12;
        while k < self.tokens.len() && k < limit {
            if skip.contains(&k) {
                k += 1;
                continue;
            }
            if let Some(m) = self.mention_starting(k) {
                let after_locative = k > 0 && is_locative(self.word(k - 1));
                if !after_locative && !in_place && !self.is_own(m) {
                    return Some(m);
                }
                place = place.or(Some(m));
                in_place = after_locative || in_place;
                k = self.mentions[m].1;
                continue;
            }
            let t = &self.tokens[k];
            if matches!(t.tag, "IN" | "TO") || clause::is_verb(t) {
                in_place = false;
            }
            // "criticizing Russia's actions in Ukraine and praising NATO":
            // a verb after "and" starts another predicate, once the first
            // has had its object ("arm and equip Syrian rebels" share one).
            let coordinated = clause::is_verb(t)
                && k > from
                && self.tokens[k - 1].tag == "CC"
                && self.tokens[from..k].iter().any(clause::is_noun);
            let finite = coordinated || matches!(t.tag, "VBD" | "VBZ" | "VBP" | "MD");
            if self.is_boundary(k)
                || self.word(k) == ","
                || finite
                || ADJUNCTS.contains(&self.word(k))
            {
                break;
            }
            k += 1;
        }
        place
    }

    /// The subject of the verb at `head`: the nearest actor before it in its
    /// clause that is not inside a prepositional phrase; a pronoun refers
    /// back to the actor before it.
    fn subject_before(&self, head: usize) -> Option<usize> {
        // ", killing one person and arresting 12": a participle after a
        // comma shares the subject of the verb before it; so does a verb
        // coordinated with an earlier one ("has brushed aside the warnings
        // and has invaded Ukraine").
        let mut k = head;
        while k > 0
            && (self.tokens[k - 1].tag.starts_with("RB")
                || clause::AUXILIARIES.contains(&self.word(k - 1)))
        {
            k -= 1;
        }
        let prev = if k > 0 { self.word(k - 1) } else { "" };
        let shares = match self.tokens[head].tag {
            "VBG" => matches!(prev, "," | "and" | "or"),
            t if t.starts_with("VB") => matches!(prev, "and" | "but" | "or"),
            _ => false,
        };
        // "met his counterpart in Moscow to discuss the crisis": an
        // infinitive of purpose shares the subject of the verb before it.
        let purpose = self.tokens[head].tag == "VB" && head > 0 && self.word(head - 1) == "to";
        if shares || purpose {
            let finite = (0..k.saturating_sub(1))
                .rev()
                .find(|&v| matches!(self.tokens[v].tag, "VBD" | "VBZ" | "VBP"));
            if let Some(finite) = finite {
                return self.subject_before(finite);
            }
        }
        let found = self.nearest_subject(head)?;
        // "Pakistan, a key U.S. ally in the war, has refused": skip the
        // apposition back to the actor it describes.
        let start = self.mentions[found].0;
        let comma_after = (self.mentions[found].1..head).any(|k| self.word(k) == ",");
        if comma_after {
            if let Some(open) = (0..start).rev().find(|&k| self.word(k) == ",") {
                if let Some(m) = self.mentions.iter().position(|m| m.1 == open) {
                    return Some(m);
                }
            }
        }
        Some(found)
    }

    fn nearest_subject(&self, head: usize) -> Option<usize> {
        let mut k = head;
        let mut in_pp_fallback = None;
        while k > 0 {
            k -= 1;
            if let Some(m) = self.mention_covering(k) {
                let start = self.mentions[m].0;
                let in_pp = start > 0
                    && matches!(self.tokens[start - 1].tag, "IN" | "TO")
                    && self.word(start - 1) != "that";
                if !in_pp {
                    return Some(m);
                }
                in_pp_fallback = in_pp_fallback.or(Some(m));
                k = start;
                continue;
            }
            // "The International Labor Office (ILO) reiterated": a
            // parenthesis right before the verb is passed over.
            if self.word(k) == ")" {
                if let Some(open) = (0..k).rev().find(|&o| self.word(o) == "(") {
                    k = open;
                    continue;
                }
            }
            if self.is_boundary(k) {
                break;
            }
        }
        in_pp_fallback
    }

    /// The first condition ("if", "unless") after token `from`, with the
    /// subject of its clause when that is an actor ("if the United States
    /// goes ahead": the United States).
    fn condition_after(&self, from: usize) -> Option<(usize, Option<usize>)> {
        let k = (from..self.tokens.len()).find(|&k| CONDITIONS.contains(&self.word(k)))?;
        let verb = (k + 1..self.tokens.len())
            .find(|&v| matches!(self.tokens[v].tag, "VBD" | "VBZ" | "VBP" | "MD"));
        let subject = verb
            .and_then(|v| self.nearest_subject(v))
            .filter(|&m| self.mentions[m].0 > k);
        Some((k, subject))
    }

    /// The first actor from token `from` on that is not one of the
    /// trigger's own pattern words (`skip`) nor a group the subject owns,
    /// if it starts before mention `m`; else `m`.
    fn first_actor_until(&self, from: usize, m: usize, skip: &[usize]) -> usize {
        (from..self.mentions[m].0)
            .filter(|k| !skip.contains(k))
            .find_map(|k| self.mention_starting(k).filter(|&o| !self.is_own(o)))
            .unwrap_or(m)
    }

    /// Whether two mentions cover the same words (the actors of a compound
    /// code: "the Shire" [FRO/BIL/SAM]).
    fn same_words(&self, a: usize, b: usize) -> bool {
        (self.mentions[a].0, self.mentions[a].1) == (self.mentions[b].0, self.mentions[b].1)
    }

    /// The words between mentions `a` and `b` (`a` first), but adjectives
    /// and participles after an article: "Iran and the powerful Hezbollah
    /// militia", "Russia and the embattled Syrian government" are two actors.
    fn gap_words(&self, a: usize, b: usize) -> Vec<&str> {
        let gap = self.mentions[a].1..self.mentions[b].0;
        // a hyphenated word is no plain modifier ("the anti-ISIS coalition")
        let hyphen = |k: usize| k < self.tokens.len() && self.word(k) == "-";
        let is_modifier = |k: usize| {
            matches!(self.tokens[k].tag, "JJ" | "JJR" | "JJS" | "VBN")
                && self.word(k).chars().all(char::is_alphabetic)
                && !hyphen(k + 1)
                && !(k > 0 && hyphen(k - 1))
                && !clause::LINKING_MODIFIERS.contains(&self.word(k))
        };
        let after_article = |k: usize| {
            (gap.start..k)
                .rev()
                .find(|&j| !is_modifier(j))
                .is_some_and(|j| self.tokens[j].tag == "DT")
        };
        gap.clone()
            .filter(|&k| !(is_modifier(k) && after_article(k)))
            .map(|k| self.word(k))
            .collect()
    }

    /// Actors joined to mention `m` by "and" or commas ("Bosnia and Slovenia").
    fn conjuncts(&self, m: usize) -> Vec<usize> {
        // "the two leaders": mentions over the same words are a pair.
        let same: Vec<usize> = (0..self.mentions.len())
            .filter(|&o| {
                self.mentions[o].0 == self.mentions[m].0 && self.mentions[o].1 == self.mentions[m].1
            })
            .collect();
        if same.len() > 1 {
            return same;
        }
        let mut out = vec![m];
        let mut cur = m;
        while cur > 0 {
            let prev = cur - 1;
            let gap = self.gap_words(prev, cur);
            // "A, B and C": the step next to C needs its "and"; a plain comma
            // alone ("Before the summit of A and B, C warned") joins nothing.
            let first = cur == m;
            if self.same_words(prev, cur)
                || is_conjunction(&gap) && (!first || gap.contains(&"and"))
            {
                out.insert(0, prev);
                cur = prev;
            } else {
                break;
            }
        }
        // Forward, "A, B, C and D": commas join only where an "and" closes
        // the list.
        cur = m;
        let mut pending = Vec::new();
        while cur + 1 < self.mentions.len() {
            let next = cur + 1;
            let gap = self.gap_words(cur, next);
            // "Ukraine and NATO convenes": an actor that starts a new clause
            // is not coordinated with this one.
            let end = self.mentions[next].1;
            let starts_clause = end < self.tokens.len()
                && matches!(self.tokens[end].tag, "VBD" | "VBZ" | "VBP" | "MD");
            if self.same_words(cur, next)
                || is_conjunction(&gap) && gap.contains(&"and") && !starts_clause
            {
                out.append(&mut pending);
                out.push(next);
                cur = next;
            } else if is_conjunction(&gap) && !starts_clause {
                pending.push(next);
                cur = next;
            } else {
                break;
            }
        }
        out
    }
}

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
fn speaker(s: &Sentence, dicts: &Dictionaries, hits: &[Hit], at: usize) -> Option<usize> {
    hits.iter()
        .filter(|h| dicts.roots.is(&h.pattern.code, RootRole::Statement))
        .find_map(|h| s.subject_before(h.head))
        .or_else(|| {
            let that = (0..at).rev().find(|&k| s.word(k) == "that")?;
            s.subject_before(that)
        })
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

/// Keeps the longest hits whose words do not overlap, in sentence order:
/// "hold talks" leaves no separate event for "talks".
fn without_overlaps(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by_key(|h| (std::cmp::Reverse(h.words.len()), h.head));
    let mut kept: Vec<Hit> = Vec::new();
    for h in hits {
        if !kept
            .iter()
            .any(|k| h.words.iter().any(|w| k.words.contains(w)))
        {
            kept.push(h);
        }
    }
    kept.sort_by_key(|h| h.head);
    kept
}

/// The words between two coordinated actors: "and", ",", ", and", with
/// an optional article ("Israel and the United Arab Emirates").
fn is_conjunction(gap: &[&str]) -> bool {
    let words: Vec<&str> = gap
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "the" | "a"))
        .collect();
    matches!(words.as_slice(), ["and"] | [","] | [",", "and"])
}

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
    confidence: f64,
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
    for si in 0..doc.sentences.len() {
        let mut attempts = Attempts(trace.is_some().then(Default::default));
        if let Some(s) = Sentence::coded(doc, si) {
            let story_date = doc.sentence_story(si).and_then(|story| story.published);
            let date = story_date.or(doc.meta.published).map(EventDate::day);
            for c in code_sentence(&s, dicts, &mut attempts) {
                let reversed = c.reversed();
                events.extend(to_events(&s, si, c, dicts, date));
                if let Some(r) = reversed {
                    events.extend(to_events(&s, si, r, dicts, date));
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
    doc.events = events;
}

/// Which sentences of a document can hold an event, and so need their
/// parse for coding: a matching pattern (or the demand word) and two
/// actors, a source and a target (or two sources acting on each other),
/// or one for an event that stands alone (a protest). A statement alone
/// does not count: it stands only where its sentence reports nothing else,
/// and most news sentences hold one.
pub fn matching_sentences(doc: &Document, dicts: &Dictionaries) -> Vec<bool> {
    (0..doc.sentences.len())
        .map(|si| {
            Sentence::coded(doc, si).is_some_and(|s| {
                if s.mentions.is_empty() {
                    return false;
                }
                let dyad = s.mentions.len() > 1;
                dyad && (0..s.tokens.len()).any(|k| s.word(k) == DEMAND_WORD)
                    || find_hits(&s, dicts, &mut Attempts(None)).iter().any(|h| {
                        let statement = dicts.roots.is(&h.pattern.code, RootRole::Statement);
                        dyad && !statement || dicts.roots.alone(&h.pattern.code)
                    })
            })
        })
        .collect()
}

/// The longest matching pattern at each trigger token, without overlaps.
fn find_hits<'d>(s: &Sentence, dicts: &'d Dictionaries, attempts: &mut Attempts) -> Vec<Hit<'d>> {
    let mut hits: Vec<Hit> = Vec::new();
    for (i, t) in s.tokens.iter().enumerate() {
        if !(clause::is_verb(t) || clause::is_noun(t) || t.tag.starts_with("JJ"))
            || s.mention_covering(i).is_some()
        {
            continue;
        }
        let mut best: Option<Hit> = None;
        let lemma = if t.lemma.is_empty() {
            s.word(i)
        } else {
            t.lemma.as_str()
        };
        let trigger = || t.span.slice(s.text).to_string();
        for p in dicts.patterns.triggered_by(lemma, s.word(i)) {
            // PETRARCH patterns are all verb patterns.
            if !clause::is_verb(t) && (p.elements.len() == 1 || p.literal) {
                let kind = if p.literal { "PETRARCH" } else { "one-word" };
                attempts.record(|| Attempt {
                    rule: p.id.clone(),
                    trigger: trigger(),
                    outcome: format!("a {kind} pattern needs its trigger used as a verb"),
                });
                continue;
            }
            match s.try_pattern(p, i) {
                Ok(h) => {
                    attempts.record(|| Attempt {
                        rule: p.id.clone(),
                        trigger: trigger(),
                        outcome: "matched".into(),
                    });
                    let better = best.as_ref().is_none_or(|b| {
                        (h.words.len(), h.target.is_some()) > (b.words.len(), b.target.is_some())
                    });
                    if better {
                        best = Some(h);
                    }
                }
                Err(miss) => attempts.record(|| Attempt {
                    rule: p.id.clone(),
                    trigger: trigger(),
                    outcome: miss.describe(s),
                }),
            }
        }
        hits.extend(best);
    }
    // "urged Bree to help win", "abandoned efforts to stop": PETRARCH codes
    // the verb, not the infinitive its phrase holds (unless that verb codes
    // nothing: "won't try to clash"; or is a word of the infinitive's own
    // pattern: "has begun to question", `BEGUN *`).
    let governed = |h: &Hit| {
        h.pattern.literal
            && h.head > 0
            && s.word(h.head - 1) == "to"
            && hits.iter().any(|o| {
                o.pattern.literal
                    && o.head < h.head
                    && h.head - o.head <= WORD_GAP + 2
                    && dicts.cameo.get(&o.pattern.code).is_some()
                    && !h.words.contains(&o.head)
            })
    };
    let governed: Vec<bool> = hits.iter().map(governed).collect();
    let hits = hits
        .into_iter()
        .zip(governed)
        .filter_map(|(h, governed)| (!governed).then_some(h))
        .collect();
    without_overlaps(hits)
}

/// Codes one hit: its frame and complement, negation and modality, then its
/// source and target. `consumed` marks hits taken as complements.
fn code_hit(
    s: &Sentence,
    dicts: &Dictionaries,
    hits: &[Hit],
    hi: usize,
    consumed: &mut [bool],
    attempts: &mut Attempts,
) -> Option<Coded> {
    let h = &hits[hi];
    if !h.pattern.literal {
        // "naval blockade of": a pattern over a modifier and its noun is
        // the noun's phrase.
        let mut anchor = h.head;
        while let Some(noun) = s.tree.head(anchor).filter(|n| h.words.contains(n)) {
            anchor = noun;
        }
        let noun = clause::is_noun(&s.tokens[anchor]);
        let reason = if s.tree.is_modifier(anchor) {
            Some(DropReason::Modifier)
        } else if noun && s.tree.in_background(anchor) || s.tree.in_reduced_clause(anchor) {
            Some(DropReason::Background)
        } else {
            None
        };
        if let Some(reason) = reason {
            attempts.drop(&h.pattern.id, s.word(h.head), reason);
            return None;
        }
    }
    // PETRARCH verbs are coded each on their own, without frames.
    let frame = dicts
        .roots
        .frame(&h.pattern.code)
        .filter(|_| !h.pattern.literal);
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
        let within = |c: usize| {
            let head = hits[c].head;
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
            // "demanding that the Turkish government provide information":
            // a demand or appeal is made of the subject of its clause, even
            // where that clause's verb has no pattern.
            let verb = c.map(|c| hits[c].head).or_else(|| {
                let asks = matches!(frame, Some(Frame::Demand | Frame::Appeal));
                (link + 1..(link + 1 + reach).min(s.tokens.len()))
                    .find(|&k| asks && clause::is_verb(&s.tokens[k]))
            });
            that_subject = verb
                .and_then(|v| s.subject_before(v))
                .filter(|&m| s.mentions[m].0 > link);
        }
        c
    });
    // A noun trigger takes the modality of the verb governing it
    // ("would tighten the blockade", "will extend the curfew").
    let governor = if clause::is_noun(&s.tokens[h.head]) || s.tokens[h.head].tag.starts_with("JJ") {
        (h.head.saturating_sub(8)..h.head)
            .rev()
            .take_while(|&k| !s.is_boundary(k))
            .find(|&k| s.tokens[k].tag.starts_with("VB"))
    } else {
        None
    };
    let mut g = verb_group(s.text, s.tokens, governor.unwrap_or(h.head));
    if h.pattern.literal {
        // PETRARCH patterns write negation and modality out ("WILL NOT *"),
        // and a passive without its agent keeps its subject as the source.
        let by = (h.end..(h.end + 6).min(s.tokens.len())).any(|k| s.word(k) == "by");
        g = clause::VerbGroup {
            passive: g.passive && by,
            ..Default::default()
        };
    }
    let (mut code, mut rule, mut target, mut factuality) = (
        h.pattern.code.clone(),
        h.pattern.id.clone(),
        h.target,
        Factuality::Asserted,
    );
    let mut trigger = s.tokens[h.head].span;
    let mut words = h.words.clone();
    // Whether a negation made the event a rejection ("refused to", "did
    // not accept"), which is then asserted.
    let mut negation_used = false;
    // Whether the target was found by searching after the trigger rather
    // than by a pattern's slot or a clause's subject.
    let mut searched = false;
    let mut demanded_by = None;
    if let (Some(frame), Some(c)) = (frame, complement) {
        consumed[c] = true;
        if let Some(f) = nested {
            consumed[f] = true;
            words.extend(&hits[f].words);
        }
        let comp = &hits[c];
        let frame = if g.negated { Frame::Reject } else { frame };
        negation_used = g.negated;
        code = derive(dicts, frame, &comp.pattern.code)
            .map(String::from)
            .unwrap_or(code);
        rule = format!("{} + {}", h.pattern.id, comp.pattern.id);
        target = target.or(that_subject).or(comp.target);
        if target.is_none() {
            target = s.object_after(comp.head + 1, &comp.words);
            searched = true;
        }
        trigger = trigger.cover(s.tokens[comp.head].span);
        words.extend(&comp.words);
    } else if that_subject.is_some() && target.is_none() {
        target = that_subject;
    } else if g.negated {
        // "did not accept refugees": a rejection, where CAMEO has one for
        // the event; else the event, negated ("did not attack").
        match dicts
            .frames
            .derive(Frame::Reject, &code)
            .filter(|_| dicts.roots.frame(&code).is_none())
        {
            Some(r) => {
                rule = format!("negation + {rule}");
                code = r.to_string();
                negation_used = true;
            }
            None => factuality = Factuality::Negated,
        }
    } else if (g.obligation || g.advice)
        && dicts.roots.frame(&code).is_none()
        && speaker(s, dicts, hits, h.head).is_some()
    {
        // "China must drop barriers, the US said": a demand of the subject.
        let frame = if g.obligation {
            Frame::Demand
        } else {
            Frame::Appeal
        };
        rule = format!("{} + {rule}", if g.obligation { "must" } else { "should" });
        code = dicts
            .frames
            .derive(frame, &code)
            .map(String::from)
            .or_else(|| dicts.roots.generic(frame))
            .unwrap_or(code);
        target = s.subject_before(h.head);
        demanded_by = speaker(s, dicts, hits, h.head);
    } else if g.future && dicts.roots.frame(&code).is_none() {
        // "will withdraw its force unless ...": an ultimatum is a threat.
        let ultimatum = s
            .condition_after(h.end)
            .is_some_and(|(k, _)| s.word(k) == ULTIMATUM);
        if ultimatum {
            rule = format!("{ULTIMATUM} + {rule}");
            code = dicts
                .frames
                .derive(Frame::Threaten, &code)
                .map(String::from)
                .or_else(|| dicts.roots.generic(Frame::Threaten))
                .unwrap_or(code);
        } else if let Some(d) = derive(dicts, Frame::Intent, &code) {
            rule = format!("future + {rule}");
            code = d.to_string();
        }
        factuality = Factuality::Intended;
    } else if g.hypothetical {
        factuality = Factuality::Hypothetical;
    }
    let statement = dicts.roots.is(&code, RootRole::Statement) && !h.pattern.literal;
    if target.is_none() && statement {
        // A statement is made of the actor it is about, not of whoever its
        // words name: "said of Rudd", "explained to Mr. Obama", or the
        // subject of what was said ("said Russia had ..."), as the parse
        // tells (a sentence holding only statements is not parsed, see
        // `matching_sentences`, and codes none).
        // What an actor says of its own side is no act towards another.
        target = s.statement_target(h.head).filter(|&t| {
            let country = |m: usize| s.mentions[m].2.actor.country.as_deref();
            let source = s
                .parsed_subject(h.head)
                .or_else(|| s.subject_before(h.head));
            source.is_none_or(|src| country(src).is_none() || country(src) != country(t))
        });
    } else if target.is_none() && h.pattern.elements.iter().all(|e| *e != Element::Target) {
        target = s.object_after(h.head + 1, &h.words);
        searched = true;
        if h.pattern.literal {
            // PETRARCH's target is the first actor of the verb's phrase, a
            // place too ("the roads leading into Mordor along the pass of
            // Cirith Ungol": Mordor).
            target = target.map(|t| s.first_actor_until(h.head + 1, t, &h.words));
        }
    }
    if target.is_none() && h.pattern.literal {
        // PETRARCH takes the subject of the verb's "that" complement as
        // its target ("allowed that Mordor isn't ...").
        let near = h.head + 1..(h.head + 6).min(s.tokens.len());
        let that = near.clone().find(|&k| s.word(k) == "that");
        target = that.and_then(|k| s.mention_near(k + 1, 4));
    }
    // "threatened to stop the talks if the United States goes ahead",
    // "threatened to send refugees to Europe if the EU ...": a threat is
    // made to whom its condition is put, rather than to an object found by
    // searching (a pattern's own slot stays).
    if (target.is_none() || searched) && dicts.roots.frame(&code) == Some(Frame::Threaten) {
        let after = words.iter().max().map_or(h.end, |&w| w + 1);
        if let Some(subject) = s.condition_after(after).and_then(|(_, subject)| subject) {
            target = Some(subject);
        }
    }

    // 3. Source: `$`, the passive agent, or the subject.
    let (mut source, mut confidence) = (h.source.or(demanded_by), 0.5);
    let passive = source.is_none() && g.passive;
    if passive {
        // "was rejected by Moscow": the agent acts on the subject.
        let by = (h.end..(h.end + 6).min(s.tokens.len())).find(|&k| s.word(k) == "by");
        source = by.and_then(|by| s.mention_near(by + 1, 4));
        let subject = s.subject_before(h.head);
        if target.is_none() || target == source {
            target = subject;
        }
    }
    let nominal = clause::is_noun(&s.tokens[h.head]);
    if source.is_none() && nominal {
        // "Israeli airstrikes on Gaza", "Russia's attack on Ukraine".
        source = s.mentions.iter().position(|m| {
            m.1 == h.head || (m.1 + 1 == h.head && matches!(s.word(m.1), "'s" | "'"))
        });
    }
    // A noun trigger is the act of its clause's subject only as the
    // object of a verb with no pattern of its own ("will provide food
    // aid", "would tighten the blockade"); inside any other phrase
    // ("condemned the arrests", "a debt relief plan") it has no source.
    let governed =
        governor.is_some_and(|v| h.head - v <= 7 && !hits.iter().any(|o| o.words.contains(&v)));
    if source.is_none() && !passive && (!nominal || governed) {
        // The noun's actor is its verb's subject ("forces launched
        // artillery and rocket fire": the forces, not the artillery).
        source = match governor.filter(|_| nominal) {
            Some(v) => s.subject(v, h.pattern.literal),
            None => s.subject(h.head, h.pattern.literal),
        };
        if nominal {
            confidence -= 0.1;
        }
    }
    let named_subject = s.tree.own_subject(h.head).is_some();
    if source.is_none() && !nominal && !passive && !h.pattern.literal && !named_subject {
        // An infinitive or reported clause without an actor of its own: the
        // sentence's first actor outside a prepositional phrase, as a guess
        // that lowers the event's confidence. (A verb whose subject names
        // no known actor gets no guess.)
        source = (0..s.mentions.len()).find(|&m| {
            let start = s.mentions[m].0;
            let in_pp = start > 0 && matches!(s.tokens[start - 1].tag, "IN" | "TO");
            Some(m) != target && start < h.head && !in_pp
        });
        confidence -= 0.25;
    }
    if source.is_some() && source == target {
        target = None;
    }
    if source.is_none() {
        // Who did it is the one thing an event cannot lack.
        attempts.drop(&rule, s.word(h.head), DropReason::NoSource);
        return None;
    }
    if h.pattern.literal && target.is_none() {
        // PETRARCH codes an event only between two actors (its `require_dyad`).
        attempts.drop(&rule, s.word(h.head), DropReason::NoDyad);
        return None;
    }
    // What the structure governing the trigger says of the event; PETRARCH
    // patterns write negation and modality out in their words.
    if !h.pattern.literal {
        let modal_used = rule.starts_with("must") || rule.starts_with("should");
        let parsed = s.tree.factuality(h.head, s.is_question(), modal_used);
        factuality = match (factuality, parsed) {
            (_, None) => factuality,
            (_, Some(Factuality::Negated)) if negation_used => Factuality::Asserted,
            (Factuality::Intended, Some(Factuality::Asserted)) => Factuality::Intended,
            (_, Some(f)) => f,
        };
    }
    confidence += 0.05 * (h.words.len().min(4) as f64 - 1.0);
    confidence +=
        if target.is_some() { 0.1 } else { 0.0 } + if source.is_some() { 0.1 } else { 0.0 };
    // Both slots written in the pattern ("fighting between $ and +") are
    // already the pair; otherwise coordinated actors each take part.
    let expand = |m: usize| {
        if h.source.is_some() && h.target.is_some() {
            vec![m]
        } else {
            s.conjuncts(m)
        }
    };
    let sources = source.map(expand).unwrap_or_default();
    // "accused each other": coordinated sources act on one another.
    let mutual = (h.end..(h.end + 3).min(s.tokens.len())).any(|k| {
        matches!((s.word(k), k + 1 < s.tokens.len()), ("each" | "one", true))
            && matches!(s.word(k + 1), "other" | "another")
    });
    if mutual {
        target = None;
    }
    let reciprocal = mutual || dicts.roots.mutual(&code);
    // "China and Pakistan signed an agreement in Islamabad": where
    // partners act together is not whom they act on.
    let placed =
        target.is_some_and(|t| s.mentions[t].0 > 0 && is_locative(s.word(s.mentions[t].0 - 1)));
    if reciprocal && sources.len() > 1 && placed {
        target = None;
    }
    let targets = target.map(expand).unwrap_or_default();
    let reverse = h.pattern.reverse.clone().filter(|_| code == h.pattern.code);
    Some(Coded {
        reciprocal,
        head: h.head,
        code,
        sources,
        targets,
        trigger,
        trigger_text: words
            .iter()
            .map(|&k| s.tokens[k].span.slice(s.text))
            .collect::<Vec<_>>()
            .join(" "),
        rule,
        factuality,
        confidence,
        reverse,
    })
}

fn code_sentence(s: &Sentence, dicts: &Dictionaries, attempts: &mut Attempts) -> Vec<Coded> {
    // 1. The best pattern at each trigger token.
    let hits = find_hits(s, dicts, attempts);

    // 2. Each hit, with its frame and actors.
    let mut consumed = vec![false; hits.len()];
    let mut coded = Vec::new();
    for hi in 0..hits.len() {
        if !consumed[hi] {
            coded.extend(code_hit(s, dicts, &hits, hi, &mut consumed, attempts));
        }
    }

    // "China must drop barriers, the US said": a demand even where the
    // verb after "must" has no pattern of its own.
    let demanded = coded.iter().any(|c| c.rule.starts_with("must"));
    if let Some(k) = (0..s.tokens.len()).find(|&k| s.word(k) == DEMAND_WORD && !demanded) {
        let demand = dicts.roots.generic(Frame::Demand);
        if let (Some(src), Some(tgt), Some(code)) =
            (speaker(s, dicts, &hits, k), s.subject_before(k), demand)
        {
            if src != tgt {
                coded.push(Coded {
                    code,
                    head: k,
                    sources: s.conjuncts(src),
                    targets: s.conjuncts(tgt),
                    trigger: s.tokens[k].span,
                    trigger_text: s.tokens[k].span.slice(s.text).to_string(),
                    rule: "must: demand of the subject".into(),
                    factuality: Factuality::Asserted,
                    confidence: 0.6,
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
            s.mentions[m].2.actor.country.clone()
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
    for (n, c) in coded.iter_mut().enumerate() {
        if statement(&*c) {
            c.confidence = 0.2;
        } else if n == 0 {
            c.confidence += 0.15;
        }
        c.confidence = c.confidence.clamp(0.05, 0.99);
    }
    coded
}

fn to_events(
    s: &Sentence,
    si: usize,
    c: Coded,
    dicts: &Dictionaries,
    date: Option<EventDate>,
) -> Vec<Event> {
    let Some(info) = dicts.cameo.get(&c.code) else {
        return Vec::new();
    };
    let actor = |m: usize| {
        let (_, _, mention) = s.mentions[m];
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
                        if s.mentions[*x].2.actor == s.mentions[*y].2.actor && s.mentions[*y].2.via == dyad_core::Via::Coreference);
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
    pairs
        .into_iter()
        .enumerate()
        .map(|(n, (a, b))| Event {
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
            confidence: round_confidence(if n == 0 {
                c.confidence
            } else {
                c.confidence - 0.01
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(rule: &str, trigger: &str, outcome: &str) -> Attempt {
        Attempt {
            rule: rule.into(),
            trigger: trigger.into(),
            outcome: outcome.into(),
        }
    }

    #[test]
    fn attempts_are_summarized_per_trigger_and_outcome() {
        let slot = "no actor for the target slot after `accused`";
        let mut attempts = vec![
            attempt("112 accuse", "accused", "matched"),
            attempt("112 accuse + of", "accused", slot),
            attempt("1121 accuse + of fraud", "accused", "no `fraud` after `of`"),
            attempt("1121 accuse + of theft", "accused", "no `theft` after `of`"),
        ];
        attempts
            .extend((0..8).map(|k| attempt(&format!("112{k} accuse + of x{k}"), "accused", slot)));
        assert_eq!(
            summarize(&attempts),
            [
                "`accused`: matched [112 accuse]".to_string(),
                format!(
                    "`accused`: {slot} [112 accuse + of; 1120 accuse + of x0; 1121 accuse + of x1; \
                     1122 accuse + of x2; 1123 accuse + of x3; 1124 accuse + of x4; … 3 more]"
                ),
                "`accused`: 2 pattern(s) lacked their other words".to_string(),
            ]
        );
    }
}
