//! Event patterns: lemma sequences with actor slots mapped to CAMEO codes.
//!
//! A pattern such as `impose sanction on +` is written in lemmas; its first
//! word is the trigger, `+` marks the target and `$` the source. The coder
//! matches a pattern against a sentence's token lemmas, allowing a few words
//! between pattern words.

use std::collections::HashMap;

use crate::{CameoTable, DictError};

/// One element of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Element {
    /// A token whose lemma (or lower-cased text) is this word.
    Word(String),
    /// The target actor.
    Target,
    /// The source actor.
    Source,
}

/// One event pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    pub code: String,
    pub elements: Vec<Element>,
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

impl PatternSet {
    pub fn parse(file: &str, text: &str, cameo: &CameoTable) -> Result<Self, DictError> {
        let mut set = PatternSet::default();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let body = raw.split(" #").next().unwrap_or("").trim_end();
            let body = body.split("\t#").next().unwrap_or("").trim();
            if body.is_empty() || body.starts_with('#') {
                continue;
            }
            let err = |m: String| DictError::new(file, line, m);
            let (code, pattern) = body
                .split_once('\t')
                .ok_or_else(|| err("expected CODE<TAB>PATTERN".into()))?;
            let code = code.trim();
            if cameo.get(code).is_none() {
                return Err(err(format!("unknown CAMEO code `{code}`")));
            }
            let elements: Vec<Element> = pattern
                .split_whitespace()
                .map(|w| match w {
                    "+" => Element::Target,
                    "$" => Element::Source,
                    w => Element::Word(w.to_lowercase()),
                })
                .collect();
            if !matches!(elements.first(), Some(Element::Word(_))) {
                return Err(err(format!("pattern `{pattern}` must start with a word")));
            }
            let written = pattern.split_whitespace().collect::<Vec<_>>().join(" ");
            if let Some(first) = seen.insert(written.clone(), line) {
                return Err(err(format!(
                    "pattern `{written}` already given on line {first}"
                )));
            }
            let p = Pattern {
                id: format!("{code} {written}"),
                code: code.to_string(),
                elements,
            };
            set.by_head
                .entry(p.head().to_string())
                .or_default()
                .push(set.patterns.len());
            set.patterns.push(p);
        }
        Ok(set)
    }

    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// Patterns whose trigger is this lemma.
    pub fn with_head<'a>(&'a self, lemma: &str) -> impl Iterator<Item = &'a Pattern> + 'a {
        self.by_head
            .get(lemma)
            .into_iter()
            .flatten()
            .map(|&i| &self.patterns[i])
    }

    /// Every trigger lemma.
    pub fn heads(&self) -> impl Iterator<Item = &str> {
        self.by_head.keys().map(String::as_str)
    }
}
