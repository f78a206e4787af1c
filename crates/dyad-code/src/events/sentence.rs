//! A sentence as the coder reads it: its tokens, dependency tree and actor
//! mentions, and where to find an event's actors in it: a verb's subject
//! (by the parse where it borrows one, else the nearest actor before it in
//! its clause), its object, a statement's topic, coordinated actors.

use std::borrow::Cow;

use dyad_core::{ActorMention, Document, SentenceKind, Token};

use crate::clause::{self, is_locative, lower, ADJUNCTS};
use crate::structure::Tree;

use super::arguments::NOUN_TARGETS;

/// Words that open a condition on an event.
const CONDITIONS: &[&str] = &["if", "unless"];

pub(super) struct Sentence<'a> {
    pub(super) text: &'a str,
    pub(super) tokens: &'a [Token],
    /// The dependency tree, with each token's text lower-cased.
    pub(super) tree: Tree<'a>,
    /// Mentions of the sentence, token ranges relative to the sentence.
    pub(super) mentions: Vec<(usize, usize, &'a ActorMention)>,
    /// Whose words the sentence is, when it is wholly a quotation with no
    /// reporting verb of its own (see `coref::quotations`): an actor named
    /// in another sentence, referred to as [`SPEAKER`].
    pub(super) speaker: Option<&'a ActorMention>,
}

/// The index standing for the sentence's [`Sentence::speaker`] among its
/// mentions' indexes (an event's sources).
pub(super) const SPEAKER: usize = usize::MAX;

impl<'a> Sentence<'a> {
    /// Sentence `si` of a document, unless it is one the coder passes over
    /// (a dateline, boilerplate).
    pub(super) fn coded(doc: &'a Document, si: usize) -> Option<Self> {
        let sentence = &doc.sentences[si];
        if sentence.kind == SentenceKind::Dateline || sentence.boilerplate.is_some() {
            return None;
        }
        let tokens = &doc.tokens[sentence.tokens.clone()];
        let base = sentence.tokens.start;
        let mentions = doc
            .sentence_mentions(si)
            .map(|m| (m.tokens.start - base, m.tokens.end - base, m))
            .collect();
        Some(Sentence::new(&doc.text, tokens, base, mentions))
    }

    /// The sentence whose tokens start at the document's token `base`.
    pub(super) fn new(
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
            speaker: None,
        }
    }

    /// The mention of index `m`: one of the sentence's, or its speaker.
    pub(super) fn mention(&self, m: usize) -> &'a ActorMention {
        match (m, self.speaker) {
            (SPEAKER, Some(speaker)) => speaker,
            _ => self.mentions[m].2,
        }
    }

    /// The first token of mention `m` in the sentence (none for its speaker).
    pub(super) fn mention_start(&self, m: usize) -> Option<usize> {
        (m != SPEAKER).then(|| self.mentions[m].0)
    }

    pub(super) fn word(&self, i: usize) -> &str {
        self.tree.word(i)
    }

    /// Whether the sentence asks a question.
    pub(super) fn is_question(&self) -> bool {
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
    pub(super) fn mention_of(&self, i: usize) -> Option<usize> {
        self.mention_in_phrase(i, 0)
    }

    pub(super) fn mention_in_phrase(&self, i: usize, depth: usize) -> Option<usize> {
        if let Some(m) = self.mention_covering(i) {
            return Some(m);
        }
        if depth > 2 {
            return None;
        }
        self.tree
            .children(i)
            .iter()
            .find_map(|&k| match self.tree.dep(k) {
                "compound" | "amod" | "poss" | "appos" => self.mention_in_phrase(k, depth + 1),
                "prep" if matches!(self.word(k), "of" | "from") => self
                    .tree
                    .dependents(k, "pobj")
                    .find_map(|o| self.mention_in_phrase(o, depth + 1)),
                _ => None,
            })
    }

    /// The first mention inside the noun phrase headed by token `i`, not
    /// inside a clause of its own ("a camp for Congolese refugees"; not "a
    /// deal proposed by Egypt", "the grievances which led to the rise of
    /// ISIS").
    pub(super) fn mention_inside(&self, i: usize) -> Option<usize> {
        (0..self.mentions.len()).find(|&m| self.tree.in_phrase_of(self.mentions[m].0, i))
    }

    /// Whom a statement made with verb `v` is addressed to or about: the
    /// actor after its "of", "about" or "to" ("said of Rudd", "explained to
    /// Mr. Obama"). The subject of what was said is not ("said Russia had
    /// ..." reports Russia's act, not one towards Russia), unless the words
    /// judge it (see `Tree::judgement`).
    pub(super) fn statement_target(&self, v: usize) -> Option<usize> {
        if !self.tree.parsed() {
            // unparsed (a sentence holding only statements): the actor right
            // after the verb's "to", "of" or "about" ("explained to Mr. Obama")
            let k = (v + 1..(v + 3).min(self.tokens.len()))
                .find(|&k| matches!(self.word(k), "of" | "about" | "to"))?;
            return self.mention_starting(k + 1).or_else(|| {
                matches!(self.word(k + 1), "the" | "a").then(|| self.mention_starting(k + 2))?
            });
        }
        let addressed = self
            .tree
            .prepositional_objects(v, |w| matches!(w, "of" | "about" | "to"))
            .find_map(|o| self.mention_of(o));
        addressed
    }

    /// The subject of verb `v`: as the parse gives it, else the nearest
    /// actor before it in its clause; the latter alone `by_words`
    /// (PETRARCH's patterns read the words before the verb).
    pub(super) fn subject(&self, v: usize, by_words: bool) -> Option<usize> {
        let near = self.subject_before(v);
        if by_words {
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
            let own = self.tree.own_subject(v);
            // "Clinton takes responsibility ..., and she accuses
            // Republicans": a pronoun subject that names no known actor
            // leaves the verb without one too (not "Benghazi").
            let pronoun = self.tree.pronoun_subject(v);
            if own.is_none() && pronoun.is_some_and(|p| self.mention_covering(p).is_none()) {
                return None;
            }
            return match own.map(|own| self.mention_of(own)) {
                Some(None) => None,
                // "'...,' said Malaysia's foreign minister": a subject after
                // its verb is the speaker, never an actor in the quotation
                // before it.
                Some(Some(p)) if own.is_some_and(|o| o > v) => Some(p),
                // The nearest actor before the verb names its subject more
                // often than the parse's head word does (titles, names and
                // their appositions), so it stands where there is one in
                // the verb's own clause ("60 people were killed as Israeli
                // soldiers opened fire": not the people).
                Some(Some(p)) => match near {
                    Some(n) if !self.tree.dominates(v, self.mentions[n].0) => Some(p),
                    _ => near.or(Some(p)),
                },
                None => near,
            };
        }
        let borrowed = self.tree.subject(v);
        match (borrowed.map(|t| self.mention_of(t)), near) {
            // "Jordan and Britain have agreed": the parse names the first of
            // the coordinated actors, the words the last; one group.
            (Some(Some(p)), Some(n)) if self.conjuncts(n).contains(&p) => Some(n),
            (Some(Some(p)), _) => Some(p),
            // "praised those who marched": the subject the parse finds
            // names no known actor, and none is lent.
            (Some(None), _) => None,
            // The parse finds none: the clause it borrows from has a passive
            // subject or none ("is seen as a sign ..., after Kim pledged").
            (None, _) if self.tree.parsed() => None,
            (None, n) => n,
        }
    }

    /// The actor that trigger `v` acts on, as the parse gives it: in the
    /// phrase of its direct object, else after one of its prepositions that
    /// is not of place or time; not one of the pattern's own `words`. Where
    /// the object is the pattern's own noun, that act's target is after its
    /// preposition ("threatens attack, including nukes, on U.S.").
    pub(super) fn parsed_object(&self, v: usize, words: &[usize]) -> Option<usize> {
        // "has threatened — and later beheaded — several hostages": verbs
        // coordinated before one object share it
        let bare = self.tree.children(v).iter().all(|&c| {
            !matches!(
                self.tree.dep(c),
                "dobj" | "prep" | "ccomp" | "xcomp" | "attr" | "dative" | "acomp"
            )
        });
        let object = self.tree.object(v).or_else(|| {
            self.tree
                .dependents(v, "conj")
                .filter(|&c| bare && self.tree.is_verb(c) && c > v && c <= v + 4)
                .find_map(|c| self.tree.object(c))
        });
        let own_noun = object.filter(|o| words.contains(o));
        object
            .filter(|o| !words.contains(o))
            .and_then(|o| self.mention_of(o))
            .or_else(|| {
                self.tree
                    .prepositional_objects(v, |w| !is_locative(w))
                    .find_map(|o| self.mention_of(o))
            })
            .or_else(|| {
                self.tree
                    .prepositional_objects(own_noun?, |w| NOUN_TARGETS.contains(&w))
                    .find_map(|o| self.mention_of(o))
            })
    }

    /// The subject of verb `v` as the parse gives it, as a mention.
    pub(super) fn parsed_subject(&self, v: usize) -> Option<usize> {
        self.mention_of(self.tree.subject(v)?)
    }

    /// Whether token `i` ends the clause it is in.
    pub(super) fn is_boundary(&self, i: usize) -> bool {
        clause::is_boundary_word(self.word(i))
    }

    /// Whether token `i` is the pattern word `w`: its lemma or its own
    /// word, or only its own for a PETRARCH pattern, whose words match as
    /// written (RESOLUTION is not "resolutions").
    pub(super) fn matches_word(&self, i: usize, w: &str, written: bool) -> bool {
        !written && self.tokens[i].lemma == w || self.word(i) == w
    }

    pub(super) fn mention_starting(&self, i: usize) -> Option<usize> {
        self.mentions.iter().position(|m| m.0 == i)
    }

    pub(super) fn mention_covering(&self, i: usize) -> Option<usize> {
        self.mentions.iter().position(|m| m.0 <= i && i < m.1)
    }

    /// The token index `words` words after `from`, counting a hyphen, an
    /// amount and a day as no words ("two short-range missiles" is three
    /// words, "$2 billion in security assistance" four, "massed tens of
    /// thousands of troops" two, "announced on Sunday a ceasefire" two).
    pub(super) fn reach(&self, from: usize, words: usize) -> usize {
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

    pub(super) fn counts_as_word(&self, k: usize) -> bool {
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
    pub(super) fn is_own(&self, m: usize) -> bool {
        let (start, _, mention) = self.mentions[m];
        (mention.actor.country.is_none() || mention.entry.ends_with("+owner"))
            && start > 0
            && matches!(
                self.word(start - 1),
                "its" | "their" | "his" | "her" | "our"
            )
    }

    /// A mention within a few filler words of `from` (determiners, adjectives,
    /// numbers, adverbs), without crossing a clause boundary.
    pub(super) fn mention_near(&self, from: usize, reach: usize) -> Option<usize> {
        self.mention_within(from, reach, false)
    }

    /// [`Self::mention_near`], with prepositions among the fillers when
    /// `prepositions` (a PETRARCH actor slot is the next noun phrase, a
    /// prepositional object too: `* MONEY $` in "money from Osgiliath").
    pub(super) fn mention_within(
        &self,
        from: usize,
        reach: usize,
        prepositions: bool,
    ) -> Option<usize> {
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
            // "spoke to Mr. Trump"
            let honorific = clause::is_honorific(self.word(k));
            let filler = matches!(t.tag, "DT" | "CD" | "PRP$" | "PDT" | "VBN")
                || honorific
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

    /// The first actor after `from` in the clause that is not a place or
    /// time ("in Kirkuk"); `skip` are the
    /// trigger's own pattern words. The search passes over infinitives and
    /// participles ("threatened to break relations with Russia") but stops
    /// at a finite verb, which starts another predicate. With `places`, a
    /// place after a preposition of place stands for the object when there
    /// is no other: those who live there ("lifted the curfew in Montenegro",
    /// "strengthened its forces in Lebanon"); not for a protest, which is
    /// held in a place, not against it ("demonstrated in Nairobi").
    ///
    /// With `purpose_ends`, for an act coordinated actors may do to each
    /// other (cooperation), a to-infinitive is a purpose with actors of its own
    /// ("will cooperate to prevent any action against Syria", "reached an
    /// accord designed to defuse the Ukrainian crisis": with each other,
    /// not with Syria or Ukraine). Other acts' purposes may name their
    /// target ("opened fire to disperse the demonstrators").
    pub(super) fn object_after(
        &self,
        from: usize,
        skip: &[usize],
        places: bool,
        purpose_ends: bool,
    ) -> Option<usize> {
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
            let purpose = purpose_ends
                && self.word(k) == "to"
                && self.tokens.get(k + 1).is_some_and(|t| t.tag == "VB");
            if self.is_boundary(k)
                || self.word(k) == ","
                || finite
                || purpose
                || ADJUNCTS.contains(&self.word(k))
            {
                break;
            }
            k += 1;
        }
        place.filter(|_| places)
    }

    /// The subject of the verb at `head`: the nearest actor before it in its
    /// clause that is not inside a prepositional phrase; a pronoun refers
    /// back to the actor before it.
    pub(super) fn subject_before(&self, head: usize) -> Option<usize> {
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

    pub(super) fn nearest_subject(&self, head: usize) -> Option<usize> {
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
    pub(super) fn condition_after(&self, from: usize) -> Option<(usize, Option<usize>)> {
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
    pub(super) fn first_actor_until(&self, from: usize, m: usize, skip: &[usize]) -> usize {
        (from..self.mentions[m].0)
            .filter(|k| !skip.contains(k))
            .find_map(|k| self.mention_starting(k).filter(|&o| !self.is_own(o)))
            .unwrap_or(m)
    }

    /// Whether two mentions cover the same words (the actors of a compound
    /// code: "the Shire" [FRO/BIL/SAM]).
    pub(super) fn same_words(&self, a: usize, b: usize) -> bool {
        (self.mentions[a].0, self.mentions[a].1) == (self.mentions[b].0, self.mentions[b].1)
    }

    /// The words between mentions `a` and `b` (`a` first), but adjectives
    /// and participles after an article: "Iran and the powerful Hezbollah
    /// militia", "Russia and the embattled Syrian government" are two actors.
    pub(super) fn gap_words(&self, a: usize, b: usize) -> Vec<&str> {
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
    pub(super) fn conjuncts(&self, m: usize) -> Vec<usize> {
        self.conjuncts_with(m, false)
    }

    /// The actors coordinated with the target `m`, also over a possessive
    /// ("warned Assad and his Russian and Iranian backers": all three; as
    /// a subject, "he and his advisers" are one side, not two acting on
    /// each other).
    pub(super) fn target_conjuncts(&self, m: usize) -> Vec<usize> {
        self.conjuncts_with(m, true)
    }

    fn conjuncts_with(&self, m: usize, possessive: bool) -> Vec<usize> {
        if m == SPEAKER {
            return vec![m];
        }
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
                || is_conjunction(&gap, possessive)
                    && (!first || gap.contains(&"and"))
                    && !self.clauses_apart(prev, cur, gap.contains(&","))
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
            // is not coordinated with this one (a plural verb agrees with
            // both: "Trump and Abe are scheduled to meet").
            let end = self.mentions[next].1;
            let starts_clause =
                end < self.tokens.len() && matches!(self.tokens[end].tag, "VBD" | "VBZ" | "MD");
            if self.same_words(cur, next)
                || is_conjunction(&gap, possessive) && gap.contains(&"and") && !starts_clause
            {
                out.append(&mut pending);
                out.push(next);
                cur = next;
            } else if is_conjunction(&gap, possessive) && !starts_clause {
                pending.push(next);
                cur = next;
            } else {
                break;
            }
        }
        out
    }
}

impl Sentence<'_> {
    /// Whether, as the parse tells, mention `later` is the subject of a
    /// clause of its own that mention `earlier` has no part in ("came under
    /// pressure from opposition parties, and she criticized Russia"): not
    /// two actors coordinated, whatever the words between. Without a comma
    /// between them the earlier one must be a noun the parse attaches as
    /// one ("in Syria and he would not commit"): a name the parse could not
    /// place ("Fornost and Gondor welcomed") is coordinated.
    fn clauses_apart(&self, earlier: usize, later: usize, comma: bool) -> bool {
        if !self.tree.parsed() {
            return false;
        }
        // a mention's head: its word whose own head lies outside it
        let head = |m: usize| {
            let (start, end, _) = self.mentions[m];
            (start..end)
                .find(|&k| self.tree.head(k).is_none_or(|h| h < start || h >= end))
                .unwrap_or(end - 1)
        };
        let (a, b) = (head(earlier), head(later));
        let subject = |k: usize| matches!(self.tree.dep(k), "nsubj" | "nsubjpass");
        let nominal = matches!(
            self.tree.dep(a),
            "pobj" | "dobj" | "iobj" | "conj" | "appos" | "attr" | "npadvmod"
        );
        let linked = self.tree.head(b) == Some(a) || self.tree.head(a) == Some(b);
        subject(b) && !subject(a) && !linked && (comma || nominal)
    }
}

/// The words between two coordinated actors: "and", ",", ", and", with
/// an optional article ("Israel and the United Arab Emirates").
fn is_conjunction(gap: &[&str], possessive: bool) -> bool {
    let words: Vec<&str> = gap
        .iter()
        .copied()
        .filter(|w| !matches!(*w, "the" | "a"))
        // a possessive before the next actor, where it joins
        .filter(|w| !(possessive && matches!(*w, "his" | "her" | "its" | "their")))
        .collect();
    matches!(words.as_slice(), ["and"] | [","] | [",", "and"])
}
