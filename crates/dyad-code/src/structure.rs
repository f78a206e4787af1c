//! Predicate–argument structure read off the dependency parse: who is the
//! subject of a verb (through relative clauses, coordination and open
//! complements), and what governs an event's trigger (modals, negation,
//! conditions, the verbs it is the complement of), from which the event's
//! factuality follows.
//!
//! The grammar's closed word classes (modal verbs, negators, the verbs that
//! make a wish or a failure of their complement) are grammar, not dictionary
//! knowledge, and live here beside the rules that read them.

use std::borrow::Cow;

use dyad_core::{Factuality, Token};
use dyad_lexicon::{Sense, Senses};

use crate::clause;

/// The modal of a reported future: "said it would allow the inspectors
/// back" reports "will allow"; elsewhere it is a possibility ("would attack
/// if").
const REPORTED_FUTURE: &str = "would";

/// Whether a modal makes its verb possible rather than done: may, could,
/// would, should, must (the coder's modal classes, `clause`).
fn is_possible(w: &str) -> bool {
    w == REPORTED_FUTURE
        || clause::HYPOTHETICAL.contains(&w)
        || clause::OBLIGATION.contains(&w)
        || clause::ADVICE.contains(&w)
}

/// Whether a modal states its verb as to come: will, shall.
fn is_future(w: &str) -> bool {
    w != REPORTED_FUTURE && clause::FUTURE.contains(&w)
}

/// Verbs that join a subject to what is said of it ("was a disaster",
/// "remains a threat").
const COPULAS: &[&str] = &["be", "remain", "become", "seem", "appear"];

/// Whether a token is a word of judgement (of sense `Fault` or `Merit`)
/// as an adjective or noun as it is: "greater" compares, "right there"
/// places.
pub fn judges(token: &Token, word: &str, senses: &Senses) -> bool {
    let misdeed = senses.is(&token.lemma, Sense::Misdeed);
    // ("flawed", "rigged": a participle judging as an adjective would)
    (matches!(token.tag, "JJ" | "JJS" | "NN" | "NNS") || token.tag == "VBN" && !misdeed)
        && [word, token.lemma.as_str()]
            .iter()
            .any(|w| senses.is(w, Sense::Fault) || senses.is(w, Sense::Merit))
        || token.tag.starts_with("VB") && misdeed
}

/// Subordinators that make their clause a condition or a time yet to come
/// ("if the United States goes ahead", "until the two countries agree").
const CONDITIONS: &[&str] = &["if", "unless", "until", "whether", "lest"];

/// Prepositions of an adjunct of occasion: when or where something else
/// was done ("during a meeting with", "in a visit to", "after talks with").
const OCCASIONS: &[&str] = &["during", "in", "at", "after", "following"];

/// Prepositions of an adjunct of time or cause beyond those that end an
/// object's search (`clause::ADJUNCTS`): "after the killing of".
const TIME_PREPOSITIONS: &[&str] = &["after", "amidst", "before", "since", "until"];

/// Relations through which what governs a word's head governs the word: an
/// open complement ("vowed to attack"), a coordinated verb, an adverbial
/// clause, a clause after a preposition, and a noun's place as an object or
/// subject ("could impose sanctions", "the strikes killed"). A reported
/// clause, a relative clause and a reduced relative keep their own.
const GOVERNED: &[&str] = &[
    "xcomp",
    "conj",
    "advcl",
    "pcomp",
    "dobj",
    "pobj",
    "prep",
    "nsubj",
    "nsubjpass",
];

/// A sentence's dependency tree, indices relative to the sentence.
pub struct Tree<'a> {
    tokens: &'a [Token],
    heads: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    /// Lower-cased words, as the coder reads them.
    words: Vec<Cow<'a, str>>,
}

impl<'a> Tree<'a> {
    /// The tree of a sentence whose first token is the document's token
    /// `base`; empty (every question answered `None`) when the sentence was
    /// not parsed.
    pub fn new(tokens: &'a [Token], base: usize, words: Vec<Cow<'a, str>>) -> Self {
        let heads: Vec<Option<usize>> = tokens
            .iter()
            .map(|t| {
                t.head
                    .and_then(|h| h.checked_sub(base))
                    .filter(|&h| h < tokens.len())
            })
            .collect();
        let mut children = vec![Vec::new(); tokens.len()];
        for (i, h) in heads.iter().enumerate() {
            if let Some(h) = *h {
                children[h].push(i);
            }
        }
        Tree {
            tokens,
            heads,
            children,
            words,
        }
    }

    /// Whether the sentence was parsed.
    pub fn parsed(&self) -> bool {
        self.tokens.iter().any(|t| !t.dep.is_empty())
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.heads[i]
    }

    /// The lower-cased word at `i`.
    pub fn word(&self, i: usize) -> &str {
        &self.words[i]
    }

    pub fn dep(&self, i: usize) -> &'static str {
        self.tokens[i].dep
    }

    fn child(&self, i: usize, deps: &[&str]) -> Option<usize> {
        self.children[i]
            .iter()
            .copied()
            .find(|&c| deps.contains(&self.dep(c)))
    }

    fn has_child_word(&self, i: usize, dep: &str, is: impl Fn(&str) -> bool) -> bool {
        self.children[i]
            .iter()
            .any(|&c| self.dep(c) == dep && is(self.word(c)))
    }

    /// The dependents of token `i`, in sentence order.
    pub fn children(&self, i: usize) -> &[usize] {
        &self.children[i]
    }

    /// The dependents of token `i` with relation `dep`.
    pub fn dependents<'s>(&'s self, i: usize, dep: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| self.dep(c) == dep)
    }

    /// The objects of token `i`'s prepositions whose word passes `takes`
    /// ("explained to Mr. Obama": Obama, for `to`).
    pub fn prepositional_objects<'s>(
        &'s self,
        i: usize,
        takes: impl Fn(&str) -> bool + 's,
    ) -> impl Iterator<Item = usize> + 's {
        self.dependents(i, "prep")
            .filter(move |&p| takes(self.word(p)))
            .flat_map(move |p| self.dependents(p, "pobj"))
    }

    /// The token that names the subject of verb `v`: its own subject; the
    /// noun a relative clause describes, when the relative word is the
    /// subject ("the militia that has shelled the towns": militia); the
    /// subject of the verb it is coordinated with or an open complement of
    /// ("vowed to attack": the one who vowed; "urged Iran to stop": Iran).
    /// `None` for a passive subject, which undergoes the act.
    pub fn subject(&self, v: usize) -> Option<usize> {
        self.subject_within(v, 0)
    }

    fn subject_within(&self, v: usize, depth: usize) -> Option<usize> {
        if depth > 8 {
            return None;
        }
        if let Some(s) = self.child(v, &["nsubj", "csubj"]) {
            // "which has shelled", or "whose supporters have clashed": the
            // noun the relative clause describes acts
            let relative = matches!(self.tokens[s].tag, "WDT" | "WP")
                || self.children[s]
                    .iter()
                    .any(|&c| self.tokens[c].tag == "WP$");
            return match (relative, self.dep(v)) {
                (true, "relcl") => self.head(v),
                (true, _) => None,
                (false, _) => Some(s),
            };
        }
        if let Some(s) = self.child(v, &["nsubjpass"]) {
            // a passive subject undergoes the act; without a passive
            // auxiliary ("had urged") the parse mislabelled an active one
            return self.child(v, &["auxpass"]).is_none().then_some(s);
        }
        let h = self.head(v)?;
        match self.dep(v) {
            "relcl" => Some(h),
            "conj" | "advcl" if self.is_verb(h) => self.subject_within(h, depth + 1),
            "xcomp" => match self.child(h, &["dobj"]) {
                // "urged Iran to stop": the object is asked to do it.
                Some(o) if o < v => Some(o),
                _ => self.subject_within(h, depth + 1),
            },
            _ => None,
        }
    }

    /// The verb whose object (or whose "about", "on" or "over") token `k`'s
    /// phrase is: a verb of which it may be the topic ("discussed Libya,
    /// Yemen and Sudan", "talked about Syria").
    pub fn governing_verb_of_object(&self, k: usize) -> Option<usize> {
        let mut h = k;
        while matches!(self.dep(h), "conj" | "compound" | "amod" | "appos") {
            h = self.head(h)?;
        }
        match self.dep(h) {
            "dobj" => self.head(h),
            "pobj" => {
                let p = self.head(h)?;
                matches!(self.word(p), "about" | "on" | "over")
                    .then(|| self.head(p))
                    .flatten()
            }
            _ => None,
        }
    }

    /// The verb an event noun at `k` is the act of, as the parse gives it:
    /// the verb whose object its phrase is ("would tighten the blockade",
    /// "carried out a raid", "held a round of talks"), or whose "in" it is
    /// where that verb takes part ("engaged in clashes"). `None` for a noun
    /// in any other place ("support a long-delayed agreement" is no act of
    /// "delayed").
    pub fn verb_of_noun(&self, k: usize, senses: &Senses) -> Option<usize> {
        let mut h = k;
        for _ in 0..6 {
            let amount = self.dep(h) == "pobj"
                && self.head(h).is_some_and(|p| {
                    self.word(p) == "of" && self.head(p).is_some_and(|n| self.is_amount(n, senses))
                });
            if amount {
                h = self.head(self.head(h)?)?;
            } else if matches!(self.dep(h), "conj" | "compound" | "amod") {
                h = self.head(h)?;
            } else {
                break;
            }
        }
        match self.dep(h) {
            "dobj" => self.head(h),
            "pobj" => {
                let p = self.head(h)?;
                let v = self.head(p)?;
                (self.word(p) == "in" && self.takes_part(v, senses)).then_some(v)
            }
            _ => None,
        }
    }

    /// Whether an event noun at `i` is one the sentence reports as
    /// happening: the object of a verb ("launched an offensive", "imposed
    /// sanctions on"), its subject ("the strikes killed", "talks began"), a
    /// predicate ("it was an attack"), the head of a headline or fragment,
    /// or coordinated with one of these.
    pub fn licenses_event_noun(&self, i: usize, senses: &Senses) -> bool {
        let mut k = i;
        // through coordination, a compound's head ("a mediation effort")
        // and an amount ("25,000 tons of food aid")
        for _ in 0..6 {
            let Some(h) = self.head(k) else { break };
            let amount = self.dep(k) == "pobj"
                && self.word(h) == "of"
                && self.head(h).is_some_and(|n| self.is_amount(n, senses));
            if amount {
                k = self.head(h).unwrap_or(h);
            } else if matches!(self.dep(k), "conj" | "compound") {
                k = h;
            } else {
                break;
            }
        }
        // "engaged in clashes with", "took part in the talks"
        let taken_part_in = self.dep(k) == "pobj"
            && self.head(k).is_some_and(|p| {
                self.word(p) == "in" && self.head(p).is_some_and(|v| self.takes_part(v, senses))
            });
        // (a word tagged as a noun that the parse makes a clause's verb, as
        // "attacks" in "if Iran attacks Saudi Arabia", reports it too)
        taken_part_in
            || matches!(
                self.dep(k),
                "dobj"
                    | "nsubj"
                    | "nsubjpass"
                    | "attr"
                    | "ROOT"
                    | "oprd"
                    | "dative"
                    | "advcl"
                    | "ccomp"
                    | "xcomp"
                    | "relcl"
                    | "pcomp"
            )
            || self.head(k).is_none()
    }

    /// The verb whose adjunct of occasion noun `i` heads ("said during a
    /// meeting with Abe", "spoke after talks with Putin"): what the noun
    /// names happened, its subject taking part. With `casualty`, only a
    /// verb of harm and its "in" or "during" ("were killed in an Israeli
    /// airstrike").
    pub fn occasion_of(&self, i: usize, casualty: bool, senses: &Senses) -> Option<usize> {
        let mut k = i;
        while matches!(self.dep(k), "conj" | "compound") {
            k = self.head(k)?;
        }
        let p = self.head(k).filter(|_| self.dep(k) == "pobj")?;
        let mut v = self.head(p).filter(|_| self.dep(p) == "prep")?;
        if self.dep(v) == "dobj" {
            // "told reporters during a meeting": attached to the object
            v = self.head(v)?;
        }
        let occasion = if casualty {
            matches!(self.word(p), "in" | "during")
                && senses.is(&self.tokens[v].lemma, Sense::Casualty)
        } else {
            OCCASIONS.contains(&self.word(p))
        };
        (occasion && self.is_verb(v)).then_some(v)
    }

    /// Whether noun `n` is denied by "no" ("no plans to", "no aggression").
    fn denied(&self, n: usize) -> bool {
        self.has_child_word(n, "det", |w| w == "no")
    }

    /// Whether token `k` lies under token `top` without a clause of its own
    /// between them (a relative, adverbial or complement clause).
    pub fn in_phrase_of(&self, mut k: usize, top: usize) -> bool {
        while k != top {
            if matches!(self.dep(k), "acl" | "relcl" | "advcl" | "ccomp" | "xcomp") {
                return false;
            }
            match self.head(k) {
                Some(h) => k = h,
                None => return false,
            }
        }
        true
    }

    /// Whether word `v` says its subject takes part in what its "in" names:
    /// a verb of participation ("engaged in", "participated in"), or one
    /// whose object is one ("took part in").
    pub fn takes_part(&self, v: usize, senses: &Senses) -> bool {
        let participation = |k: usize| senses.is(&self.tokens[k].lemma, Sense::Participation);
        participation(v) || self.dependents(v, "dobj").any(participation)
    }

    /// Whether noun `n` measures what its "of" names: a number ("25,000
    /// tons of aid", "thousands of troops"), or a word of amount ("a round
    /// of talks", "a wave of airstrikes").
    fn is_amount(&self, n: usize, senses: &Senses) -> bool {
        self.tokens[n].tag == "CD"
            || senses.is(self.word(n), Sense::Amount)
            || clause::QUANTITIES.contains(&self.word(n))
            || self.children[n].iter().any(|&c| self.dep(c) == "nummod")
    }

    /// Whether token `k` lies in the subtree of token `v`.
    pub fn dominates(&self, v: usize, k: usize) -> bool {
        let mut at = Some(k);
        for _ in 0..self.tokens.len() {
            match at {
                Some(x) if x == v => return true,
                Some(x) => at = self.head(x),
                None => return false,
            }
        }
        false
    }

    /// The direct object of verb `v`.
    pub fn object(&self, v: usize) -> Option<usize> {
        self.child(v, &["dobj"])
    }

    /// The clause verb `v` reports or takes as complement ("said that ...").
    pub fn clause_complement(&self, v: usize) -> Option<usize> {
        self.child(v, &["ccomp"])
    }

    /// What reported clause `c` judges: the judging word (of sense `Fault`
    /// or `Merit`) and the token of the clause's subject, when the clause
    /// says its subject is wrong or right — as a copula's predicate ("the
    /// policy has been consistently wrong", "the decision was a disaster")
    /// or as the object of a support verb ("Iran made a very big mistake").
    /// "The problem is that the policy has been wrong": a clause held by one
    /// without a judgement of its own is read in turn. A negated predicate
    /// judges nothing ("is not wrong", "is no longer a threat"), nor does an
    /// empty or pointing subject ("it was a mistake to ...", "that is
    /// ridiculous").
    pub fn judgement(&self, c: usize, senses: &Senses) -> Option<(usize, usize)> {
        self.judgement_within(c, senses, 0)
    }

    fn judgement_within(&self, c: usize, senses: &Senses, depth: usize) -> Option<(usize, usize)> {
        // "not", "never", "no threat", "no longer"
        let negated = |k: usize| {
            self.children[k].iter().any(|&c| {
                matches!(self.word(c), "not" | "n't" | "never" | "no")
                    || self.dep(c) == "advmod" && self.has_child_word(c, "neg", |w| w == "no")
                    || self.dep(c) == "advmod"
                        && self.children[c].iter().any(|&n| self.word(n) == "no")
            })
        };
        // "should be more aggressive", "would be foolish": advice or a
        // possibility, not a judgement made
        let modal = |k: usize| self.dependents(k, "aux").any(|a| is_possible(self.word(a)));
        if depth > 2 || negated(c) || modal(c) {
            return None;
        }

        let lemma = self.tokens[c].lemma.as_str();
        let predicate = |k: usize| match self.dep(k) {
            "attr" | "acomp" => COPULAS.contains(&lemma),
            "dobj" => senses.is(lemma, Sense::Support),
            _ => false,
        };
        let found = self.children[c].iter().copied().find(|&p| {
            predicate(p) && !negated(p) && judges(&self.tokens[p], self.word(p), senses)
        });
        let subject = self
            .child(c, &["nsubj"])
            .filter(|&t| !matches!(self.word(t), "it" | "this" | "that" | "there" | "what"));
        // "said the regime lied", "said Iran had violated the deal": the
        // clause's own verb is the misdeed
        let misdeed = self.tokens[c].tag.starts_with("VB") && senses.is(lemma, Sense::Misdeed);
        // "the policy has been flawed from the beginning": a participle
        // judging its passive subject
        let judged = self.tokens[c].tag == "VBN"
            && self.child(c, &["auxpass"]).is_some()
            && !senses.is(lemma, Sense::Misdeed)
            && [self.word(c), lemma]
                .iter()
                .any(|w| senses.is(w, Sense::Fault));
        let found = found.or((misdeed || judged).then_some(c));
        // (a misdeed's passive subject is whom it was done to: "the
        // rights of the Palestinians are violated")
        let subject = subject.or_else(|| self.child(c, &["nsubjpass"]).filter(|_| judged));
        match (found, subject) {
            (Some(p), Some(subject)) => Some((p, subject)),
            _ => self.possessed_fault(c, senses).or_else(|| {
                self.dependents(c, "ccomp")
                    .find_map(|inner| self.judgement_within(inner, senses, depth + 1))
            }),
        }
    }

    /// A word of fault in clause `c` whose possessor is its actor
    /// ("threatened by Russia's aggression", "the regime's lies"): the
    /// judging noun and the possessor's token. Not inside a clause of its
    /// own, and not negated ("no aggression of Iran's").
    fn possessed_fault(&self, c: usize, senses: &Senses) -> Option<(usize, usize)> {
        let fault = |k: usize| {
            [self.word(k), self.tokens[k].lemma.as_str()]
                .iter()
                .any(|w| senses.is(w, Sense::Fault))
        };
        (0..self.tokens.len()).find_map(|n| {
            if !self.tokens[n].tag.starts_with("NN") || !self.in_phrase_of(n, c) || self.denied(n) {
                return None;
            }
            // "Russia's aggression", "Russia's illegal annexation"
            let word = Some(n).filter(|&n| fault(n)).or_else(|| {
                self.dependents(n, "amod")
                    .find(|&a| self.tokens[a].tag.starts_with("JJ") && fault(a))
            })?;
            let owner = self.child(n, &["poss"])?;
            Some((word, owner))
        })
    }

    /// What verb of naming `v` judges: the judging word and the token of
    /// its object, when its predicate is a word of `Fault` or `Merit`
    /// ("called Trump's decision entirely correct", "called Assad an
    /// animal", "described the move as a provocation"); not when negated or
    /// possible.
    pub fn naming_judgement(&self, v: usize, senses: &Senses) -> Option<(usize, usize)> {
        let object = self.child(v, &["dobj"])?;
        if self.child(v, &["neg"]).is_some()
            || self.dependents(v, "aux").any(|a| is_possible(self.word(a)))
        {
            return None;
        }
        let as_what = self
            .dependents(v, "prep")
            .filter(|&p| self.word(p) == "as")
            .flat_map(|p| self.children[p].iter().copied())
            .filter(|&k| matches!(self.dep(k), "pobj" | "amod" | "acomp"));
        // the parse loses a quoted predicate ("calling the strikes
        // "necessary and appropriate""): the word right after the object
        let quoted = (object + 1..self.tokens.len())
            .find(|&k| !matches!(self.tokens[k].tag, "``" | "''" | "DT" | "RB"))
            .filter(|&k| k > object + 1 && self.tokens[object + 1].tag == "``");
        let predicate = self.children[v]
            .iter()
            .copied()
            .filter(|&k| matches!(self.dep(k), "oprd" | "xcomp" | "acomp"))
            .chain(as_what)
            .chain(quoted)
            .find(|&p| judges(&self.tokens[p], self.word(p), senses))?;
        Some((predicate, object))
    }

    /// Whether verb `v` takes its subject from elsewhere in the sentence:
    /// a relative clause, or a verb without a subject of its own that is
    /// coordinated with another or an open complement of one.
    pub fn borrows_subject(&self, v: usize) -> bool {
        match self.dep(v) {
            "relcl" => true,
            "conj" | "advcl" | "xcomp" => self.child(v, &["nsubj", "nsubjpass", "csubj"]).is_none(),
            _ => false,
        }
    }

    pub fn is_verb(&self, i: usize) -> bool {
        self.tokens[i].tag.starts_with("VB") || self.tokens[i].tag == "MD"
    }

    /// Token `i` and the words that govern it, nearest first, up to the
    /// clause that keeps its own factuality: a reported clause ("said Russia
    /// would attack" is possible because of "would", not of "said"), a
    /// relative clause, or the main clause.
    fn governors(&self, i: usize) -> Vec<usize> {
        let mut chain = vec![i];
        let mut k = i;
        while chain.len() < 12 {
            let Some(h) = self.head(k) else { break };
            // A coordinated verb with a subject of its own is a clause of
            // its own ("X can reach Japan, but Kim has threatened ...").
            let own_clause =
                self.dep(k) == "conj" && self.child(k, &["nsubj", "nsubjpass"]).is_some();
            // "allow Yanukovych to travel": an infinitive the parse makes a
            // clausal complement is as open as any ("not to allow ... to
            // travel" is no journey), where a finite reported clause keeps
            // its own
            let infinitive = self.dep(k) == "ccomp" && self.has_child_word(k, "aux", |w| w == "to");
            if !(GOVERNED.contains(&self.dep(k)) || infinitive) || own_clause {
                break;
            }
            chain.push(h);
            k = h;
        }
        chain
    }

    /// What the structure around trigger `i` says of its event: negated,
    /// failed, wished or possible, conditional, or (when nothing governs it)
    /// asserted. `None` when the sentence has no parse.
    /// `modal_used`: the coder has already read the trigger's modal verb as
    /// an act of its own ("must" as a demand).
    pub fn factuality(
        &self,
        i: usize,
        question: bool,
        modal_used: bool,
        senses: &Senses,
    ) -> Option<Factuality> {
        if !self.parsed() {
            return None;
        }
        let chain = self.governors(i);
        let top = *chain.last().unwrap_or(&i);
        if question && self.head(top).is_none() {
            return Some(Factuality::Hypothetical);
        }
        // "Getting Russia to agree to a deal requires diplomacy": what a
        // clause as the subject holds names an act in general.
        let mut k = i;
        for _ in 0..self.tokens.len() {
            if self.dep(k) == "csubj" {
                return Some(Factuality::Hypothetical);
            }
            match self.head(k) {
                Some(h) => k = h,
                None => break,
            }
        }
        for (n, &v) in chain.iter().enumerate() {
            let lemma = self.tokens[v].lemma.as_str();
            // a governing verb (not the trigger itself)
            if n > 0 && self.is_verb(v) {
                if senses.is(lemma, Sense::Failure) {
                    return Some(Factuality::Failed);
                }
                if senses.is(lemma, Sense::Wish) {
                    return Some(Factuality::Hypothetical);
                }
            }
            if n > 0
                && matches!(self.word(v), "of" | "for")
                && self
                    .head(v)
                    .is_some_and(|a| senses.is(&self.tokens[a].lemma, Sense::Accusation))
            {
                return Some(Factuality::Reported);
            }
            // "launched the offensive to halt rocket fire": a purpose.
            if self.dep(v) == "advcl" && self.has_child_word(v, "aux", |w| w == "to") {
                return Some(Factuality::Hypothetical);
            }
            if self.has_child_word(v, "neg", |w| clause::NEGATORS.contains(&w)) {
                return Some(Factuality::Negated);
            }
            // "there was no discussion of giving Iran an ultimatum", "no
            // attacks were reported"
            if !self.is_verb(v) && self.denied(v) {
                return Some(Factuality::Negated);
            }
            let reported = self.dep(*chain.last().unwrap_or(&v)) == "ccomp";
            if reported && self.has_child_word(v, "aux", |w| w == REPORTED_FUTURE) {
                return Some(Factuality::Intended);
            }
            if !modal_used && self.has_child_word(v, "aux", is_possible) {
                return Some(Factuality::Hypothetical);
            }
            if self.has_child_word(v, "mark", |w| CONDITIONS.contains(&w)) {
                return Some(Factuality::Hypothetical);
            }
            if self.has_child_word(v, "aux", is_future) {
                return Some(Factuality::Intended);
            }
        }
        Some(Factuality::Asserted)
    }

    /// Whether trigger `i` lies in a reduced relative or participle clause
    /// describing a noun ("an accord designed to defuse the crisis", "with
    /// Russia and China all working together", "buildings occupied by
    /// demonstrators"): background, not what the sentence reports.
    pub fn in_reduced_clause(&self, i: usize) -> bool {
        let chain = self.governors(i);
        chain.last().is_some_and(|&top| self.dep(top) == "acl")
    }

    /// Whether trigger `i` lies in a relative clause telling what its noun
    /// does habitually ("Netanyahu and his team, who have often dismissed
    /// Mr. Abbas", "terrorists, who are constantly trying to kill us"): a
    /// description, not an event the sentence reports.
    pub fn in_habitual_relative(&self, i: usize, senses: &Senses) -> bool {
        let chain = self.governors(i);
        chain.last().is_some_and(|&top| self.dep(top) == "relcl")
            && chain.iter().any(|&v| {
                self.children[v].iter().any(|&c| {
                    self.dep(c) == "advmod" && senses.is(&self.tokens[c].lemma, Sense::Habitual)
                })
            })
    }

    /// The noun a relative clause with verb `v` describes, where that noun
    /// is the verb's object ("the tariffs (that) Trump slapped on China":
    /// tariffs): the clause has a subject of its own and no object.
    pub fn object_antecedent(&self, v: usize) -> Option<usize> {
        let a = self.head(v).filter(|&a| a < v && self.dep(v) == "relcl")?;
        let subject = self
            .child(v, &["nsubj"])
            .filter(|&s| !matches!(self.tokens[s].tag, "WDT" | "WP"));
        (subject.is_some() && self.child(v, &["dobj"]).is_none()).then_some(a)
    }

    /// The token of passive verb `v`'s subject, the one it was done to.
    pub fn passive_subject(&self, v: usize) -> Option<usize> {
        self.child(v, &["nsubjpass"])
    }

    /// The token of verb `v`'s own subject, when it has one.
    pub fn own_subject(&self, v: usize) -> Option<usize> {
        let active = self.child(v, &["nsubj"]).or_else(|| {
            // "had urged": a passive subject without a passive auxiliary
            // is the parse's mistake for an active one
            self.child(v, &["nsubjpass"])
                .filter(|_| self.child(v, &["auxpass"]).is_none())
        });
        active.filter(|&s| !matches!(self.tokens[s].tag, "WDT" | "WP" | "PRP" | "EX"))
    }

    /// The personal pronoun that is verb `v`'s active subject ("and she
    /// accuses"), if its subject is one.
    pub fn pronoun_subject(&self, v: usize) -> Option<usize> {
        self.child(v, &["nsubj"])
            .filter(|&s| matches!(self.word(s).to_lowercase().as_str(), "he" | "she"))
    }

    /// Whether token `i` modifies a noun rather than reporting an act: an
    /// adjective or compound inside a noun phrase ("Western-backed",
    /// "Turkish-backed", "the Stop the War placard").
    /// A noun modifying a noun names an act as often as not ("a mediation
    /// effort", "rocket fire"), so only adjectives and verbs count.
    pub fn is_modifier(&self, i: usize) -> bool {
        match self.dep(i) {
            "amod" => true,
            "compound" => self.is_verb(i),
            _ => false,
        }
    }

    /// Whether a noun sits in an adjunct that places it in time or gives a
    /// cause of what the sentence reports ("after the bombing of the
    /// embassy", "amid widespread condemnation", "in the wake of the
    /// killing"): background, not an event the sentence reports.
    pub fn in_background(&self, i: usize, senses: &Senses) -> bool {
        let mut k = i;
        for _ in 0..8 {
            let w = self.word(k);
            let background = clause::ADJUNCTS.contains(&w)
                || TIME_PREPOSITIONS.contains(&w)
                || senses.is(w, Sense::Background);
            if background && k != i {
                return true;
            }
            let Some(h) = self.head(k) else { return false };
            if !matches!(
                self.dep(k),
                "pobj" | "prep" | "compound" | "amod" | "conj" | "pcomp"
            ) {
                return false;
            }
            k = h;
        }
        false
    }
}
