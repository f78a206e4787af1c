//! PETRARCH2 and TABARI dictionaries, read as they are written.
//!
//! Researchers hold years of curated dictionaries in these formats: verb
//! dictionaries of CAMEO patterns, Phoenix actor lists with dated roles,
//! agents and discard lists. This module reads them ([`verbs`], [`actors`],
//! [`agents`], [`discards`]) and converts what they say into dyad's own
//! [`Dictionaries`](crate::Dictionaries): actors and agents into the actor
//! automaton, verb patterns into a [`PatternSet`] whose
//! patterns may hold words before the verb, and codes dyad's CAMEO table does
//! not list into synthetic table entries. A construct the readers do not
//! support is reported as a `FILE:LINE: unsupported ...` warning, never
//! dropped silently. The supported subset is documented in
//! `docs/dictionaries.md`.

pub mod actors;
pub mod agents;
pub mod discards;
pub mod verbs;

use std::path::{Path, PathBuf};

use crate::{CameoTable, Dialect, DictError, Element, Pattern, PatternSet};

/// Everything a folder's PETRARCH files say, read.
#[derive(Clone, Debug, Default)]
pub struct Dictionary {
    /// Actors and agents by file, in the order read.
    pub actors: Vec<(String, Vec<actors::Actor>)>,
    pub agents: Vec<agents::Agent>,
    pub verbs: Vec<(String, Vec<verbs::VerbBlock>)>,
    pub discards: discards::Discards,
}

impl Dictionary {
    /// Reads the files; warnings are collected in `warnings`.
    pub fn read(files: &Files, warnings: &mut Vec<DictError>) -> Result<Dictionary, DictError> {
        let mut d = Dictionary::default();
        for path in &files.actors {
            let source = Source::read(path)?;
            d.actors
                .push((source.file.clone(), actors::parse(&source, warnings)?));
        }
        for path in &files.agents {
            d.agents
                .extend(agents::parse(&Source::read(path)?, warnings)?);
        }
        for path in &files.verbs {
            let source = Source::read(path)?;
            d.verbs
                .push((source.file.clone(), verbs::parse(&source, warnings)?));
        }
        for path in &files.discards {
            d.discards.add(&Source::read(path)?);
        }
        Ok(d)
    }

    /// The verb patterns as dyad patterns: every pattern of a block for
    /// every verb of the block, and each verb alone with its own or the
    /// block's code. Pattern words are tokenized as text is ("ANTI-"), and
    /// codes the CAMEO table does not list get synthetic entries.
    pub fn patterns(&self, tokenizer: &dyad_text::Tokenizer, cameo: &mut CameoTable) -> PatternSet {
        let mut set = PatternSet::default();
        for (file, blocks) in &self.verbs {
            let name = Path::new(file)
                .file_name()
                .map_or(file.clone(), |n| n.to_string_lossy().into_owned());
            for block in blocks {
                for verb in &block.verbs {
                    let alone = verbs::VerbPattern {
                        before: Vec::new(),
                        after: Vec::new(),
                        code: verb.code.clone().unwrap_or_else(|| block.code.clone()),
                        written: "*".into(),
                        line: verb.line,
                    };
                    for p in std::iter::once(&alone).chain(&block.patterns) {
                        let codes = std::iter::once(&p.code.forward).chain(&p.code.reverse);
                        for code in codes.filter(|c| *c != verbs::NO_EVENT) {
                            cameo.ensure(code);
                        }
                        let pattern = verb_pattern(verb, p, tokenizer, &name, &block.name);
                        set.insert(pattern, &verb.forms);
                    }
                }
            }
        }
        set
    }
}

/// One verb with one pattern of its block, as a dyad pattern.
fn verb_pattern(
    verb: &verbs::Verb,
    p: &verbs::VerbPattern,
    tokenizer: &dyad_text::Tokenizer,
    file: &str,
    block: &str,
) -> Pattern {
    let joined = |words: &[String]| -> Vec<Element> {
        words.iter().map(|w| Element::Joined(w.clone())).collect()
    };
    let mut before = tokenized(&p.before, tokenizer, true);
    before.extend(joined(&verb.before));
    let mut elements = vec![Element::Word(verb.forms[0].clone())];
    elements.extend(joined(&verb.after));
    elements.extend(tokenized(&p.after, tokenizer, false));
    // A compound subject acts on each other: both ways, with one code or two.
    let compound_subject = p.before.contains(&Element::Compound);
    let reverse = p
        .code
        .reverse
        .clone()
        .or_else(|| compound_subject.then(|| p.code.forward.clone()));
    Pattern {
        id: format!(
            "{file}:{} {block}: {} [{}]",
            p.line, p.written, p.code.forward
        ),
        code: p.code.forward.clone(),
        elements,
        before,
        reverse: reverse.filter(|c| c != verbs::NO_EVENT),
        dialect: Dialect::Petrarch,
    }
}

/// Pattern words split into tokens as the text's are ("anti-" → `anti` `-`),
/// the pieces of one word joined. Before the trigger a piece joins the one
/// after it (its trigger side), after the trigger the one before.
fn tokenized(elements: &[Element], tokenizer: &dyad_text::Tokenizer, before: bool) -> Vec<Element> {
    let mut out = Vec::new();
    for e in elements {
        let (word, joined) = match e {
            Element::Word(w) => (w, false),
            Element::Joined(w) => (w, true),
            other => {
                out.push(other.clone());
                continue;
            }
        };
        let pieces: Vec<String> = tokenizer
            .tokenize(word, 0, word.len())
            .iter()
            .map(|s| word[s.start..s.end].to_string())
            .collect();
        let last = pieces.len().saturating_sub(1);
        for (i, piece) in pieces.into_iter().enumerate() {
            // The piece that takes the word's own join: the last before the
            // trigger, the first after it.
            let own = if before { i == last } else { i == 0 };
            out.push(if own && !joined {
                Element::Word(piece)
            } else {
                Element::Joined(piece)
            });
        }
    }
    out
}

/// The PETRARCH dictionary files of a folder, by kind: `*verbs*.txt`,
/// `*actors*.txt`, `*agents*.txt`, `*discards*.txt` (case-insensitive).
#[derive(Clone, Debug, Default)]
pub struct Files {
    pub verbs: Vec<PathBuf>,
    pub actors: Vec<PathBuf>,
    pub agents: Vec<PathBuf>,
    pub discards: Vec<PathBuf>,
}

impl Files {
    /// The PETRARCH files in `dir`, in name order; `None` when it holds none.
    pub fn find(dir: &Path) -> Option<Files> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
            .ok()?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        names.sort();
        let mut files = Files::default();
        for path in names {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if !name.ends_with(".txt") {
                continue;
            }
            let list = if name.contains("verbs") {
                &mut files.verbs
            } else if name.contains("actors") {
                &mut files.actors
            } else if name.contains("agents") {
                &mut files.agents
            } else if name.contains("discards") {
                &mut files.discards
            } else {
                continue;
            };
            list.push(path);
        }
        let any = !(files.verbs.is_empty()
            && files.actors.is_empty()
            && files.agents.is_empty()
            && files.discards.is_empty());
        any.then_some(files)
    }
}

/// A file's text with its name, as the readers take it.
#[derive(Clone, Debug)]
pub struct Source {
    pub file: String,
    pub text: String,
}

impl Source {
    pub fn read(path: &Path) -> Result<Source, DictError> {
        let file = path.display().to_string();
        // Old dictionaries are not always UTF-8: read bytes, replace the rest.
        let bytes = std::fs::read(path).map_err(|e| DictError::new(&file, 0, e.to_string()))?;
        Ok(Source {
            text: String::from_utf8_lossy(&bytes).into_owned(),
            file,
        })
    }
}

/// The content lines of a dictionary, 1-based line numbers, with
/// `<!-- ... -->` comments (over several lines too, and the misspelt
/// `<! --` opening some files have) and `#` comments removed; blank lines
/// are passed over. Indentation is kept: actor code lines may be indented.
pub(crate) fn content_lines(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let mut rest = raw;
        let mut kept = String::new();
        loop {
            if in_comment {
                match rest.find("-->") {
                    Some(end) => {
                        rest = &rest[end + 3..];
                        in_comment = false;
                    }
                    None => break,
                }
            } else {
                match rest.find("<!") {
                    Some(start) => {
                        kept.push_str(&rest[..start]);
                        rest = &rest[start + 2..];
                        in_comment = true;
                    }
                    None => {
                        kept.push_str(rest);
                        break;
                    }
                }
            }
        }
        let kept = without_comment(&kept);
        if !kept.trim().is_empty() {
            out.push((i + 1, kept.to_string()));
        }
    }
    out
}

/// A line up to its `#` comment; a `#` inside brackets is part of a code (`[###]`).
fn without_comment(line: &str) -> &str {
    let mut depth = 0usize;
    for (i, c) in line.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '#' if depth == 0 => return line[..i].trim_end(),
            _ => {}
        }
    }
    line.trim_end()
}

/// Words of a dictionary phrase: `_` and spaces both separate words
/// (`NEW_ZEALAND`, `SECURITY SERVICE`); a trailing `_`, which TABARI uses to
/// mark a whole word, is dropped.
pub(crate) fn phrase_words(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The text between the first `[` and its `]`, and the line without it.
pub(crate) fn bracketed(line: &str) -> Option<(&str, String)> {
    let open = line.find('[')?;
    let close = open + line[open..].find(']')?;
    let rest = format!("{} {}", &line[..open], &line[close + 1..]);
    Some((line[open + 1..close].trim(), rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_removed_over_lines() {
        let text = "A [###] # note\n<!-- one\ntwo -->B\n<! -- bad -->\n  C\n\n";
        let lines: Vec<(usize, String)> = content_lines(text);
        assert_eq!(
            lines,
            [
                (1, "A [###]".to_string()),
                (3, "B".to_string()),
                (5, "  C".to_string())
            ]
        );
    }

    #[test]
    fn phrases_split_on_underscores_and_spaces() {
        assert_eq!(phrase_words("NEW_ZEALAND"), ["NEW", "ZEALAND"]);
        assert_eq!(phrase_words("LIBYA_"), ["LIBYA"]);
        assert_eq!(phrase_words("SECURITY SERVICE"), ["SECURITY", "SERVICE"]);
    }
}
