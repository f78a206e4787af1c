//! PETRARCH2/TABARI verb dictionaries.
//!
//! ```text
//! &CURRENCY                     a synset: its members follow with `+`;
//! +DOLLARS                      a member may be several words or hold
//! +SWISS FRANCS                 another synset (`+&TIETYPES`)
//!
//! --- BREAK [1717] ---          a verb block and its default code
//! BREAK { BROKE BROKEN }        a verb, with irregular forms in braces
//! +BREAK_DOWN {+BROKE_DOWN}     a multi-word verb; `+` marks the verb word
//! KLM_+RST [002]                a verb of the family with its own code
//! - * TREATY  [161]             patterns: `*` the verb, words before and after it
//! - + * FROM $  [066]           `+` target, `$` source, `%` compound actor, `^` skip
//! - IN_*  [075]                 `_` joins words that stand side by side
//! - * NEW_&TIETYPES_RELATIONS [903]   `&NAME` any member of a synset
//! - * BOND [---]                `[---]`: no event
//! ```
//! Codes are written `[064]`, or `[032:033]` for an event and its reverse
//! (the target's event back on the source). A verb without its own braces
//! gets the regular forms (-S, -ED, -ING); the coder also matches a word by
//! its lemma, so "broken" finds BREAK either way.

use std::collections::HashMap;

use super::{bracketed, content_lines, phrase_words, Source};
use crate::{DictError, Element};

/// A pattern's code: the event, and the event back from target to source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    /// `---` for no event.
    pub forward: String,
    pub reverse: Option<String>,
}

/// The code written for no event.
pub const NO_EVENT: &str = "---";

/// One verb of a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verb {
    /// The verb word's forms, lower case: as written, then irregular or regular forms.
    pub forms: Vec<String>,
    /// Words of a multi-word verb before and after the verb word, lower case.
    pub before: Vec<String>,
    pub after: Vec<String>,
    /// Its own code, else the block's applies.
    pub code: Option<Code>,
    pub line: usize,
}

/// One pattern, synsets expanded: elements before the verb in sentence
/// order, and after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbPattern {
    pub before: Vec<Element>,
    pub after: Vec<Element>,
    pub code: Code,
    /// The pattern as written, for evidence.
    pub written: String,
    pub line: usize,
}

/// A verb block: a family of verbs sharing a default code and patterns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbBlock {
    pub name: String,
    pub code: Code,
    pub verbs: Vec<Verb>,
    pub patterns: Vec<VerbPattern>,
    pub line: usize,
}

/// A pattern line before its synsets are expanded.
struct RawPattern {
    text: String,
    code: Code,
    line: usize,
}

/// Reads a verb dictionary.
pub fn parse(source: &Source, warnings: &mut Vec<DictError>) -> Result<Vec<VerbBlock>, DictError> {
    let file = source.file.as_str();
    let mut synsets: HashMap<String, Vec<String>> = HashMap::new();
    let mut blocks: Vec<(VerbBlock, Vec<RawPattern>)> = Vec::new();
    let mut synset: Option<String> = None;
    for (line, content) in content_lines(&source.text) {
        let err = |m: String| DictError::new(file, line, m);
        let content = content.trim();
        if let Some(header) = content.strip_prefix("---") {
            let header = header.trim_end_matches('-').trim();
            let (code, name) =
                bracketed(header).ok_or_else(|| err("verb block without [code]".into()))?;
            if bracketed(&name).is_some() {
                warnings.push(err(format!(
                    "unsupported second code in block header `{content}`: the first is used"
                )));
            }
            let name = name.split('[').next().unwrap_or("").trim().to_string();
            let block = VerbBlock {
                name,
                code: parse_code(code).map_err(err)?,
                verbs: Vec::new(),
                patterns: Vec::new(),
                line,
            };
            blocks.push((block, Vec::new()));
            synset = None;
        } else if let Some(name) = content.strip_prefix('&') {
            let name = synset_name(name).to_string();
            synsets.entry(name.clone()).or_default();
            synset = Some(name);
        } else if let Some(name) = &synset {
            match content.strip_prefix('+') {
                Some(member) => synsets
                    .get_mut(name)
                    .expect("synset opened")
                    .push(member.trim().to_string()),
                None => warnings.push(err(format!("line in synset &{name} without `+`: not used"))),
            }
        } else if let Some((block, raw)) = blocks.last_mut() {
            if let Some(pattern) = content.strip_prefix('-') {
                let (code, text) =
                    bracketed(pattern).ok_or_else(|| err("pattern without [code]".into()))?;
                raw.push(RawPattern {
                    text: text.trim().to_string(),
                    code: parse_code(code).map_err(err)?,
                    line,
                });
            } else {
                block.verbs.push(parse_verb(content, line).map_err(err)?);
            }
        } else {
            warnings.push(err(format!(
                "line outside any verb block or synset: `{content}`"
            )));
        }
    }
    let mut out = Vec::new();
    for (mut block, raw) in blocks {
        for p in raw {
            let err = |m: String| DictError::new(file, p.line, m);
            let mut expansions_left = MAX_EXPANSIONS;
            let texts = match expand(&p.text, &synsets, 0, &mut expansions_left) {
                Ok(t) => t,
                Err(m) => {
                    warnings.push(err(format!("{m}: pattern `{}` not used", p.text)));
                    continue;
                }
            };
            for text in texts {
                match parse_pattern(&text) {
                    Ok((before, after)) => block.patterns.push(VerbPattern {
                        before,
                        after,
                        code: p.code.clone(),
                        written: p.text.clone(),
                        line: p.line,
                    }),
                    Err(m) => {
                        warnings.push(err(format!("{m}: pattern `{}` not used", p.text)));
                        break;
                    }
                }
            }
        }
        if block.verbs.is_empty() {
            warnings.push(DictError::new(
                file,
                block.line,
                format!("verb block `{}` lists no verb: not used", block.name),
            ));
            continue;
        }
        out.push(block);
    }
    Ok(out)
}

/// A synset's name as used in patterns: `&PREPOSIT1_` is `PREPOSIT1`.
fn synset_name(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric()))
        .unwrap_or(text.len());
    &text[..end]
}

fn parse_code(text: &str) -> Result<Code, String> {
    let (forward, reverse) = match text.split_once(':') {
        Some((f, r)) => (f.trim(), Some(r.trim().to_string())),
        None => (text.trim(), None),
    };
    if forward.is_empty() || reverse.as_deref() == Some("") {
        return Err(format!("bad code `[{text}]`"));
    }
    Ok(Code {
        forward: forward.to_string(),
        reverse,
    })
}

/// `BREAK { BROKE BROKEN }`, `+BREAK_DOWN {+BROKE_DOWN}`, `WIRE_+TAP`, `LASH OUT [122]`.
fn parse_verb(content: &str, line: usize) -> Result<Verb, String> {
    let (code, rest) = match bracketed(content) {
        Some((code, rest)) => (Some(parse_code(code)?), rest),
        None => (None, content.to_string()),
    };
    let (written, irregular) = match (rest.find('{'), rest.find('}')) {
        (Some(open), Some(close)) if open < close => (
            format!("{} {}", &rest[..open], &rest[close + 1..]),
            Some(rest[open + 1..close].to_string()),
        ),
        (None, None) => (rest, None),
        _ => return Err("unbalanced `{` `}`".into()),
    };
    let (before, head, after) = verb_words(&written).ok_or("verb line without a verb")?;
    let mut forms = vec![head.clone()];
    match irregular {
        Some(list) => forms.extend(
            list.split_whitespace()
                .filter_map(|form| verb_words(form).map(|(_, h, _)| h)),
        ),
        None => forms.extend(regular_forms(&head)),
    }
    forms.dedup();
    Ok(Verb {
        forms,
        before,
        after,
        code,
        line,
    })
}

/// The words of a verb line, lower case: before the verb word, the verb
/// word (marked `+`, else the first), after it.
fn verb_words(text: &str) -> Option<(Vec<String>, String, Vec<String>)> {
    let words: Vec<String> = phrase_words(text);
    let head = words.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let lower = |ws: &[String]| -> Vec<String> {
        ws.iter()
            .map(|w| w.trim_start_matches('+').to_lowercase())
            .collect()
    };
    let verb = lower(words.get(head..=head)?).pop()?;
    Some((lower(&words[..head]), verb, lower(&words[head + 1..])))
}

/// -S, -ED, -ING forms of a verb (a final E dropped before -ED and -ING,
/// a final consonant Y becoming -IES and -IED).
fn regular_forms(verb: &str) -> Vec<String> {
    let stem_e = verb.strip_suffix('e');
    let consonant_y = verb
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'i', 'o', 'u']));
    let third = if let Some(s) = consonant_y {
        format!("{s}ies")
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| verb.ends_with(e))
    {
        format!("{verb}es")
    } else {
        format!("{verb}s")
    };
    let past = match (stem_e, consonant_y) {
        (Some(_), _) => format!("{verb}d"),
        (_, Some(s)) => format!("{s}ied"),
        _ => format!("{verb}ed"),
    };
    let gerund = match stem_e {
        Some(s) if !s.ends_with('e') => format!("{s}ing"),
        _ => format!("{verb}ing"),
    };
    vec![third, past, gerund]
}

/// The most synset members one pattern may be expanded with: each `&NAME`
/// multiplies its texts (`- * &A &A &A &A &A` with 20 members is 3.2
/// million patterns).
const MAX_EXPANSIONS: usize = 10_000;

/// Every text a pattern stands for, each `&NAME` replaced by each member
/// of its synset (members may hold synsets themselves).
fn expand(
    text: &str,
    synsets: &HashMap<String, Vec<String>>,
    depth: usize,
    expansions_left: &mut usize,
) -> Result<Vec<String>, String> {
    let Some(at) = text.find('&') else {
        return Ok(vec![text.to_string()]);
    };
    if depth > 8 {
        return Err("synsets nested too deep".into());
    }
    let name = synset_name(&text[at + 1..]);
    let members = synsets
        .get(name)
        .ok_or_else(|| format!("unknown synset `&{name}`"))?;
    let mut out = Vec::new();
    for member in members {
        *expansions_left = expansions_left
            .checked_sub(1)
            .ok_or_else(|| format!("synsets expand to more than {MAX_EXPANSIONS} texts"))?;
        let replaced = format!("{}{member}{}", &text[..at], &text[at + 1 + name.len()..]);
        out.extend(expand(&replaced, synsets, depth + 1, expansions_left)?);
    }
    Ok(out)
}

/// A pattern's elements before and after its `*`, in sentence order. A
/// word joined by `_` to the element on its verb side must stand right
/// beside it ([`Element::Joined`]); a trailing `_` (TABARI's mark of a
/// whole word) joins nothing.
fn parse_pattern(text: &str) -> Result<(Vec<Element>, Vec<Element>), String> {
    // (element, joined to the element before it); `None` is the verb.
    let mut items: Vec<(Option<Element>, bool)> = Vec::new();
    for chunk in text.split_whitespace() {
        let pieces: Vec<&str> = chunk.split('_').filter(|p| !p.is_empty()).collect();
        for (i, piece) in pieces.iter().enumerate() {
            let element = match *piece {
                "*" => None,
                "+" => Some(Element::Target),
                "$" => Some(Element::Source),
                "%" => Some(Element::Compound),
                "^" => Some(Element::Skip),
                // Words, and clitics as treebanks split them ('S, 'LL).
                w if w.starts_with(|c: char| c.is_alphanumeric() || c == '\'') => {
                    Some(Element::Word(w.to_lowercase()))
                }
                w => return Err(format!("unsupported pattern element `{w}`")),
            };
            items.push((element, i > 0));
        }
    }
    let verbs: Vec<usize> = (0..items.len()).filter(|&i| items[i].0.is_none()).collect();
    let [star] = verbs[..] else {
        return Err("a pattern needs exactly one `*`".into());
    };
    let join = |e: Element, joined: bool| match e {
        Element::Word(w) if joined => Element::Joined(w),
        e => e,
    };
    // Before the verb, a word is joined when the next item (verb side) was joined to it.
    let before = (0..star)
        .map(|i| join(items[i].0.clone().expect("not the verb"), items[i + 1].1))
        .collect();
    let after = (star + 1..items.len())
        .map(|i| join(items[i].0.clone().expect("not the verb"), items[i].1))
        .collect();
    Ok((before, after))
}

#[cfg(test)]
mod tests {
    use super::*;

    const VERBS: &str = "&MONEY\n+DOLLARS\n+SWISS FRANCS\n&TIES\n+&MONEY\n+TRADE\n\n\
        --- BREAK [1717] ---\nBREAK { BROKE BROKEN }\n+BREAK_DOWN {+BROKE_DOWN}\nWIRE_+TAP [171]\n\
        - + * FROM $  [066]\n- IN_* [075]\n- SAID * &TIES_LINKS [---]\n- * OFF [032:033] # note\n\
        --- AGREE [081] [082] ---\nAGREE\n- % * [030:030]\n- * @ X [011]\n";

    fn read() -> (Vec<VerbBlock>, Vec<DictError>) {
        let mut warnings = Vec::new();
        let source = Source {
            file: "verbs.txt".into(),
            text: VERBS.into(),
        };
        (parse(&source, &mut warnings).unwrap(), warnings)
    }

    fn w(s: &str) -> Element {
        Element::Word(s.into())
    }

    #[test]
    fn verbs_forms_and_multi_word_verbs() {
        let (blocks, _) = read();
        let b = &blocks[0];
        assert_eq!(b.code.forward, "1717");
        assert_eq!(b.verbs[0].forms, ["break", "broke", "broken"]);
        assert_eq!(b.verbs[1].forms, ["break", "broke"]);
        assert_eq!(b.verbs[1].after, ["down"]);
        assert_eq!(b.verbs[2].before, ["wire"]);
        assert_eq!(b.verbs[2].forms, ["tap", "taps", "taped", "taping"]);
        assert_eq!(b.verbs[2].code.as_ref().unwrap().forward, "171");
        assert_eq!(
            blocks[1].verbs[0].forms,
            ["agree", "agrees", "agreed", "agreeing"]
        );
    }

    #[test]
    fn patterns_slots_joins_synsets_and_codes() {
        let (blocks, warnings) = read();
        let p = &blocks[0].patterns;
        assert_eq!(p[0].before, [Element::Target]);
        assert_eq!(p[0].after, [w("from"), Element::Source]);
        assert_eq!(p[1].before, [Element::Joined("in".into())]);
        // &TIES holds &MONEY: three expansions, the two-word member kept apart.
        let links: Vec<&Vec<Element>> = p[2..5].iter().map(|p| &p.after).collect();
        assert_eq!(links[0], &[w("dollars"), Element::Joined("links".into())]);
        assert_eq!(
            links[1],
            &[w("swiss"), w("francs"), Element::Joined("links".into())]
        );
        assert_eq!(p[2].code.forward, NO_EVENT);
        assert_eq!(p[5].code.reverse.as_deref(), Some("033"));
        assert_eq!(blocks[1].patterns[0].before, [Element::Compound]);
        let messages: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
        assert_eq!(
            messages,
            [
                "verbs.txt:16: unsupported second code in block header `--- AGREE [081] [082] ---`: the first is used",
                "verbs.txt:19: unsupported pattern element `@`: pattern `* @ X` not used",
            ]
        );
    }
}
