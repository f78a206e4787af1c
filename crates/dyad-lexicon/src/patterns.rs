//! Event patterns: lemma sequences with actor slots mapped to CAMEO codes.
//!
//! A pattern such as `impose sanction on +` is written in lemmas; its first
//! word is the trigger, `+` marks the target and `$` the source. The coder
//! matches a pattern against a sentence's token lemmas, allowing a few words
//! between pattern words. Patterns read from PETRARCH verb dictionaries
//! (`crate::petrarch`) may also hold elements before the trigger ("SAID *
//! TO ATTEND"), words that must stand side by side, a compound actor and
//! skips, and carry a reverse code (`[032:033]`).

use std::collections::HashMap;

use crate::{CameoTable, DictError};

/// One element of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Element {
    /// A token whose lemma (or lower-cased text) is this word.
    Word(String),
    /// A word of a class (`&agreement`) after the trigger, matched as a
    /// noun, gerund or infinitive, never as a finite verb ("military
    /// &agreement" is no "military dealt").
    Class(String),
    /// The target actor.
    Target,
    /// The source actor.
    Source,
    /// A word standing right beside the element on its trigger side
    /// (PETRARCH's `_`: `IN_*`, `* DEMAND_CONVENTIONS`).
    Joined(String),
    /// A compound actor (PETRARCH's `%`): before the trigger, coordinated
    /// actors that act on each other; after it, a target.
    Compound,
    /// Any words, actors included, before the next element (PETRARCH's `^`).
    Skip,
}

/// How the coder reads a pattern. The project's own patterns are words the
/// coder reads with the parse: it licenses event nouns, applies frames,
/// finds factuality and judges senses itself. PETRARCH's verb patterns are
/// read word by word, as PETRARCH reads them: negation and modality are in
/// their words (`WILL NOT *`), the subject is the actor before the verb, the
/// target the first actor of the verb's phrase, and an event needs both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// data/events/patterns.tsv.
    Own,
    /// A PETRARCH verb dictionary.
    Petrarch,
}

impl Dialect {
    /// The coder's own readings of structure apply: event nouns licensed by
    /// the parse, frames ("agreed to meet"), factuality, verb senses,
    /// statements' targets, topics of discussion, targets named in a
    /// pattern's own words, protesters.
    pub fn reads_structure(self) -> bool {
        self == Dialect::Own
    }

    /// Negation and modality are written in the pattern's words (`WILL NOT
    /// *`), not derived from the structure, and a passive without its agent
    /// keeps its subject as the source.
    pub fn writes_modality(self) -> bool {
        self == Dialect::Petrarch
    }

    /// The subject is the nearest actor before the verb, not the parse's.
    pub fn subject_by_words(self) -> bool {
        self == Dialect::Petrarch
    }

    /// The target is the first actor of the verb's phrase (a place, or the
    /// subject of its "that" clause, too), which reaches further than the
    /// words after one of the project's own patterns.
    pub fn phrase_targets(self) -> bool {
        self == Dialect::Petrarch
    }

    /// An event needs both a source and a target (PETRARCH's
    /// `require_dyad`).
    pub fn requires_dyad(self) -> bool {
        self == Dialect::Petrarch
    }

    /// The event the target does back is written in the pattern
    /// (`[032:033]`), not taken from data/cameo/reverse.tsv.
    pub fn reverse_in_pattern(self) -> bool {
        self == Dialect::Petrarch
    }

    /// Words match as written (RESOLUTION is not "resolutions"), and
    /// triggers are listed forms (SAID) as well as lemmas.
    pub fn written_forms(self) -> bool {
        self == Dialect::Petrarch
    }

    /// Triggers are verbs only; the project's own one-word patterns name an
    /// act as a noun too ("the clashes").
    pub fn verbs_only(self) -> bool {
        self == Dialect::Petrarch
    }
}

/// One event pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    pub code: String,
    /// The trigger, then the elements after it.
    pub elements: Vec<Element>,
    /// Elements before the trigger, in sentence order (PETRARCH patterns).
    pub before: Vec<Element>,
    /// The event the target does back to the source (PETRARCH's `[032:033]`).
    pub reverse: Option<String>,
    /// How the coder reads the pattern: as the project's own or as
    /// PETRARCH's.
    pub dialect: Dialect,
    /// Stable id shown as evidence: the code and the pattern as written.
    pub id: String,
}

impl Pattern {
    /// The trigger lemma (the first word).
    pub fn head(&self) -> &str {
        match &self.elements[0] {
            Element::Word(w) => w,
            _ => unreachable!("patterns start with a word"),
        }
    }
}

/// All patterns, indexed by trigger lemma.
#[derive(Debug, Default)]
pub struct PatternSet {
    patterns: Vec<Pattern>,
    by_head: HashMap<String, Vec<usize>>,
}

/// A pattern word as the tokenizer splits the text: "live-fire" is "live",
/// then "-" and "fire" right beside it, as in "staged live-fire drills".
fn hyphenated(word: &str) -> Vec<Element> {
    let mut parts = word.split('-').filter(|p| !p.is_empty());
    let Some(first) = parts.next() else {
        return vec![Element::Word(word.to_string())];
    };
    let mut elements = vec![Element::Word(first.to_string())];
    for part in parts {
        elements.push(Element::Joined("-".to_string()));
        elements.push(Element::Joined(part.to_string()));
    }
    elements
}

/// The most words (elements) all the ways of writing out one pattern line
/// may hold: each `&CLASS` multiplies them (`agree &x &x &x &x &x` with 20
/// words in `&x` is 3.2 million patterns).
const MAX_ELEMENTS: usize = 100_000;

impl PatternSet {
    /// Reads `CODE<TAB>PATTERN` lines, and `&CLASS<TAB>WORD WORD ...` lines
    /// naming words that stand for one another where a pattern writes
    /// `&CLASS` ("&agreement: agreement deal accord pact"); a pattern with a
    /// class is one pattern per word of it, all with the id as written.
    pub fn parse(file: &str, text: &str, cameo: &CameoTable) -> Result<Self, DictError> {
        let mut set = PatternSet::default();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let lines: Vec<(usize, &str)> = text
            .lines()
            .enumerate()
            .filter_map(|(i, raw)| {
                let body = raw.split(" #").next().unwrap_or("").trim_end();
                let body = body.split("\t#").next().unwrap_or("").trim();
                (!body.is_empty() && !body.starts_with('#')).then_some((i + 1, body))
            })
            .collect();
        let mut classes: HashMap<&str, Vec<String>> = HashMap::new();
        for &(line, body) in lines.iter().filter(|(_, b)| b.starts_with('&')) {
            let err = |m: String| DictError::new(file, line, m);
            let (name, words) = body
                .split_once('\t')
                .ok_or_else(|| err("expected &CLASS<TAB>WORDS".into()))?;
            let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
            if words.is_empty() {
                return Err(err(format!("class `{name}` has no words")));
            }
            if classes.insert(name.trim(), words).is_some() {
                return Err(err(format!("class `{}` defined twice", name.trim())));
            }
        }
        for &(line, body) in lines.iter().filter(|(_, b)| !b.starts_with('&')) {
            let err = |m: String| DictError::new(file, line, m);
            let (code, pattern) = body
                .split_once('\t')
                .ok_or_else(|| err("expected CODE<TAB>PATTERN".into()))?;
            let code = code.trim();
            if cameo.get(code).is_none() {
                return Err(err(format!("unknown CAMEO code `{code}`")));
            }
            let written = pattern.split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some(first) = seen.insert(written.clone(), line) {
                return Err(err(format!(
                    "pattern `{written}` already given on line {first}"
                )));
            }
            // each word's ways of being written: one per word of a class
            let mut words: Vec<Vec<Vec<Element>>> = Vec::new();
            for w in pattern.split_whitespace() {
                let first = words.is_empty();
                let choices: Vec<Vec<Element>> = match w {
                    "+" => vec![vec![Element::Target]],
                    "$" => vec![vec![Element::Source]],
                    w if w.starts_with('&') => classes
                        .get(w)
                        .ok_or_else(|| err(format!("unknown class `{w}`")))?
                        .iter()
                        .map(|member| {
                            let mut e = hyphenated(member);
                            if let (false, Element::Word(first)) = (first, &e[0]) {
                                e[0] = Element::Class(first.clone());
                            }
                            e
                        })
                        .collect(),
                    w => vec![hyphenated(&w.to_lowercase())],
                };
                words.push(choices);
            }
            // every way of writing the pattern out, the last word varying
            // fastest; each class multiplies them, so their size is bounded
            let longest: usize = words
                .iter()
                .map(|choices| choices.iter().map(Vec::len).max().unwrap_or(0))
                .sum();
            let count = words
                .iter()
                .map(Vec::len)
                .try_fold(1usize, usize::checked_mul)
                .filter(|n| n.checked_mul(longest).is_some_and(|e| e <= MAX_ELEMENTS))
                .ok_or_else(|| {
                    err(format!(
                        "pattern `{written}` stands for more than {MAX_ELEMENTS} words written out"
                    ))
                })?;
            let spelled = (0..count).map(|index| {
                let mut picks = vec![0; words.len()];
                let mut rest = index;
                for (pick, choices) in picks.iter_mut().zip(&words).rev() {
                    *pick = rest % choices.len();
                    rest /= choices.len();
                }
                words
                    .iter()
                    .zip(picks)
                    .flat_map(|(choices, pick)| choices[pick].iter().cloned())
                    .collect::<Vec<Element>>()
            });
            for elements in spelled {
                if !matches!(elements.first(), Some(Element::Word(_))) {
                    return Err(err(format!("pattern `{pattern}` must start with a word")));
                }
                let p = Pattern {
                    id: format!("{code} {written}"),
                    code: code.to_string(),
                    elements,
                    before: Vec::new(),
                    reverse: None,
                    dialect: Dialect::Own,
                };
                let head = p.head().to_string();
                set.insert(p, &[head]);
            }
        }
        Ok(set)
    }

    /// Adds a pattern triggered by each of `heads` (its trigger's forms).
    pub fn insert(&mut self, pattern: Pattern, heads: &[String]) {
        for head in heads {
            let list = self.by_head.entry(head.clone()).or_default();
            if !list.contains(&self.patterns.len()) {
                list.push(self.patterns.len());
            }
        }
        self.patterns.push(pattern);
    }

    /// Adds every pattern of another set.
    pub fn extend(&mut self, other: PatternSet) {
        let offset = self.patterns.len();
        self.patterns.extend(other.patterns);
        for (head, list) in other.by_head {
            self.by_head
                .entry(head)
                .or_default()
                .extend(list.into_iter().map(|i| i + offset));
        }
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Patterns triggered by a token, through its lemma or, for patterns
    /// whose words are written forms (PETRARCH's), which list forms such as SAID, its own
    /// lower-cased word, those first; each once.
    pub fn triggered_by<'a>(
        &'a self,
        lemma: &str,
        word: &str,
    ) -> impl Iterator<Item = &'a Pattern> + 'a {
        let by_lemma = self.by_head.get(lemma);
        let by_word = self.by_head.get(word).filter(|_| word != lemma);
        let extra = by_word
            .into_iter()
            .flatten()
            .filter(move |&&i| self.patterns[i].dialect.written_forms())
            .filter(move |i| by_lemma.is_none_or(|l| !l.contains(i)));
        // A listed form is the more specific: LEFT before LEAVE for "left".
        extra
            .chain(by_lemma.into_iter().flatten())
            .map(|&i| &self.patterns[i])
    }

    /// Every trigger word: lemmas, and the forms PETRARCH verbs list.
    pub fn heads(&self) -> impl Iterator<Item = &str> {
        self.by_head.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cameo() -> CameoTable {
        CameoTable::parse(
            "cameo.tsv",
            "code\tname\tgoldstein\tquad_class\tplover\tmode\tcontext\n\
             057\tSign formal agreement\t8.0\t2\tAGREE\t\t\n\
             127\tReject plan, agreement to settle dispute\t-5.0\t3\tREJECT\t\t\n",
        )
        .unwrap()
    }

    #[test]
    fn a_class_stands_for_each_of_its_words_under_one_id() {
        let text = "&agreement\tagreement deal cease-fire\n057\tsign &agreement with +\n127\treject deal\n";
        let set = PatternSet::parse("patterns.tsv", text, &cameo()).unwrap();
        let signed: Vec<_> = set.triggered_by("sign", "signed").collect();
        assert_eq!(signed.len(), 3);
        assert!(signed.iter().all(|p| p.id == "057 sign &agreement with +"));
        let words = |p: &Pattern| {
            p.elements
                .iter()
                .filter_map(|e| match e {
                    Element::Word(w) | Element::Class(w) | Element::Joined(w) => Some(w.as_str()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        let spelled: Vec<_> = signed.iter().map(|p| words(p)).collect();
        assert_eq!(
            spelled,
            [
                "sign agreement with",
                "sign deal with",
                "sign cease - fire with"
            ]
        );
        assert_eq!(set.triggered_by("reject", "rejected").count(), 1);
    }

    #[test]
    fn an_unknown_class_names_its_line() {
        let text = "&agreement\tagreement deal\n057\tsign &treaty\n";
        let err = PatternSet::parse("patterns.tsv", text, &cameo())
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("patterns.tsv:2:") && err.contains("&treaty"),
            "{err}"
        );
    }
}
