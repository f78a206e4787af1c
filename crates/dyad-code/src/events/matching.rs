//! Patterns matched at trigger words: the longest pattern that matches at
//! each token, its words, slots and the actors that fill them, without
//! overlaps; and, for a trace, why each other pattern did not match.

use rustc_hash::FxHashSet;

use dyad_lexicon::{Dictionaries, Element, Pattern};

use super::sentence::Sentence;
use super::trace::{Attempt, Attempts};
use crate::clause::{self, verb_group};

/// Words allowed between consecutive pattern words ("imposed tough new
/// economic sanctions on": three fillers between `impose` and `sanction`).
const WORD_GAP: usize = 3;

/// Words a skip (PETRARCH's `^`) passes over before the next element.
const SKIP_GAP: usize = 8;

/// Words allowed between the words of a PETRARCH pattern, which may lie
/// anywhere in the verb's phrase ("signed an 800 million ducat trade
/// protocol": `* TRADE PROTOCOL`).
const PHRASE_GAP: usize = 6;

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
                Element::Word(w) | Element::Class(w) | Element::Joined(w) => {
                    format!("no `{w}` before `{}`", s.word(*before))
                }
                _ => format!("no actor before `{}`", s.word(*before)),
            },
        }
    }
}

/// A pattern matched at a trigger.
#[derive(Clone, Debug)]
pub(super) struct Hit<'p> {
    pub(super) pattern: &'p Pattern,
    pub(super) head: usize,
    pub(super) words: Vec<usize>,
    pub(super) end: usize,
    pub(super) source: Option<usize>,
    pub(super) target: Option<usize>,
}

/// The longest matching pattern at each trigger token, without overlaps.
pub(super) fn find_hits<'d>(
    s: &Sentence,
    dicts: &'d Dictionaries,
    attempts: &mut Attempts,
) -> Vec<Hit<'d>> {
    let mut hits: Vec<Hit> = Vec::new();
    // A pattern whose words the sentence lacks cannot match: without a
    // trace to say where each failed, it is not tried.
    let tracing = attempts.0.is_some();
    let present: FxHashSet<&str> = if tracing {
        FxHashSet::default()
    } else {
        (0..s.tokens.len())
            .flat_map(|k| [s.word(k), s.tokens[k].lemma.as_str()])
            .collect()
    };
    let words_present = |p: &Pattern| {
        p.elements[1..].iter().chain(&p.before).all(|e| match e {
            Element::Word(w) | Element::Class(w) | Element::Joined(w) => {
                present.contains(w.as_str())
            }
            _ => true,
        })
    };
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
            // PETRARCH patterns are all verb patterns; a one-word pattern
            // names an act as a verb or as a noun ("the clashes", "Israeli
            // shelling"; see `arguments::code_hit` for what licenses it).
            let lone = p.elements.len() == 1 && !clause::is_noun(t);
            if !clause::is_verb(t) && (lone || p.dialect.verbs_only()) {
                let kind = if p.dialect.verbs_only() {
                    "PETRARCH"
                } else {
                    "one-word"
                };
                attempts.record(|| Attempt {
                    rule: p.id.clone(),
                    trigger: trigger(),
                    outcome: format!("a {kind} pattern needs its trigger used as a verb"),
                });
                continue;
            }
            if !tracing && !words_present(p) {
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
        !h.pattern.dialect.reads_structure()
            && h.head > 0
            && s.word(h.head - 1) == "to"
            && hits.iter().any(|o| {
                !o.pattern.dialect.reads_structure()
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
    without_overlaps(s, hits)
}

/// Keeps the longest hits whose words do not overlap, in sentence order:
/// "hold talks" leaves no separate event for "talks"; of two as long, the
/// one whose trigger is a verb ("halt all attacks on Gaza": `halt attack`,
/// not `attack on +`), then the one whose target slot is filled ("violent
/// clashes with soldiers": `clash with +`, not `violent clash`).
fn without_overlaps<'d>(s: &Sentence, mut hits: Vec<Hit<'d>>) -> Vec<Hit<'d>> {
    hits.sort_by_key(|h| {
        use std::cmp::Reverse;
        let verb = clause::is_verb(&s.tokens[h.head]);
        (
            Reverse(h.words.len()),
            Reverse(verb),
            Reverse(h.target.is_some()),
            h.head,
        )
    });
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

impl Sentence<'_> {
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
                        || !self.matches_word(hit.end, w, pattern.dialect.written_forms())
                    {
                        return Err(Miss::Word {
                            word: w,
                            after: hit.end - 1,
                        });
                    }
                    hit.words.push(hit.end);
                    hit.end += 1;
                }
                Element::Word(w) | Element::Class(w) => {
                    let class = matches!(el, Element::Class(_));
                    let finite =
                        |k: usize| matches!(self.tokens[k].tag, "VBD" | "VBZ" | "VBP" | "VBN");
                    // "engaged in violent clashes with soldiers": a
                    // preposition the parse attaches to a noun between it and
                    // the pattern's last word belongs to that noun's phrase
                    // (unless the pattern's words modify that noun: "a
                    // mediation effort between").
                    let last = hit.end - 1;
                    let attached_between = |k: usize| {
                        pattern.dialect.reads_structure()
                            && self.tokens[k].tag == "IN"
                            && self.tree.head(k).is_some_and(|h| {
                                last < h
                                    && h < k
                                    && clause::is_noun(&self.tokens[h])
                                    && !hit.words.iter().any(|&w| self.tree.head(w) == Some(h))
                            })
                    };
                    let is = |k: usize| {
                        self.matches_word(k, w, pattern.dialect.written_forms())
                            && !(class && finite(k))
                            && !attached_between(k)
                    };
                    // A particle right after its verb stays next to it: "take
                    // in refugees", not "taken over vast swaths in Iraq".
                    let particle = hit.words.len() == 1 && clause::PARTICLES.contains(&w.as_str());
                    let gap = match (skip > 0, particle) {
                        (true, _) => SKIP_GAP + 1,
                        (false, true) => 1,
                        (false, false) if pattern.dialect.phrase_targets() => PHRASE_GAP + 1,
                        (false, false) => WORD_GAP + 1,
                    };
                    let reach = self.reach(hit.end, gap);
                    let found = (hit.end..reach)
                        .take_while(|&k| {
                            // A PETRARCH verb's phrase holds its "that" complement.
                            let complement =
                                pattern.dialect.phrase_targets() && self.word(k) == "that";
                            let blocked = self.is_boundary(k) && !complement || self.word(k) == ",";
                            skip > 0 || !blocked || is(k)
                        })
                        .find(|&k| is(k));
                    // "the tariffs Trump slapped on China": the object of a
                    // relative clause's verb is the noun the clause describes.
                    // (before the sentence is parsed, to tell whether it
                    // needs its parse: a word of the class a few words
                    // before the verb may be that noun)
                    let antecedent = || {
                        let a = match self.tree.parsed() {
                            true => self.tree.object_antecedent(head)?,
                            false => (head.saturating_sub(6)..head).rev().find(|&k| is(k))?,
                        };
                        (hit.words.len() == 1 && pattern.dialect.reads_structure() && is(a))
                            .then_some(a)
                    };
                    match (found, antecedent()) {
                        (Some(k), _) => {
                            hit.words.push(k);
                            hit.end = k + 1;
                        }
                        (None, Some(a)) => hit.words.push(a),
                        (None, None) => {
                            return Err(Miss::Word {
                                word: w,
                                after: hit.end - 1,
                            })
                        }
                    }
                }
                Element::Target | Element::Source | Element::Compound => {
                    let found = if skip > 0 {
                        let reach = self.reach(hit.end, SKIP_GAP + 1);
                        (hit.end..reach)
                            .filter_map(|k| self.mention_starting(k))
                            .nth(skip)
                    } else {
                        self.mention_within(hit.end, 5, pattern.dialect.phrase_targets())
                    };
                    // "was accused of corruption by the opposition": in the
                    // passive, the object slot after the verb is its subject.
                    let passive_object = found.is_none()
                        && skip == 0
                        && pattern.dialect.reads_structure()
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
                Element::Word(w) | Element::Class(w) | Element::Joined(w) => {
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
                                || self.matches_word(k, w, pattern.dialect.written_forms())
                        })
                        .find(|&k| self.matches_word(k, w, pattern.dialect.written_forms()))
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
}
