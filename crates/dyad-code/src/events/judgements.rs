//! Judgements no pattern names: a verb of naming whose object is an actor
//! or its act and whose predicate judges it ("called Trump's decision
//! entirely correct", "described the American move as a provocation").

use dyad_core::Factuality;
use dyad_lexicon::{Dictionaries, Sense};

use super::arguments::{CRITICISM, PRAISE};
use super::sentence::Sentence;
use super::Coded;

/// Whether token `v` is a verb of naming whose predicate judges its object.
pub(super) fn judges_by_naming(s: &Sentence, dicts: &Dictionaries, v: usize) -> bool {
    s.tokens[v].tag.starts_with("VB")
        && dicts.senses.is(&s.tokens[v].lemma, Sense::Naming)
        && s.tree.naming_judgement(v, &dicts.senses).is_some()
}

/// The criticism (111) or praise (051) each verb of naming in the sentence
/// makes of its object's actor, by its subject.
pub(super) fn code_namings(s: &Sentence, dicts: &Dictionaries) -> Vec<Coded> {
    let mut coded = Vec::new();
    for v in 0..s.tokens.len() {
        if !s.tokens[v].tag.starts_with("VB") || !dicts.senses.is(&s.tokens[v].lemma, Sense::Naming)
        {
            continue;
        }
        let Some((word, object)) = s.tree.naming_judgement(v, &dicts.senses) else {
            continue;
        };
        let fault = dicts.senses.is(&s.tokens[word].lemma, Sense::Fault)
            || dicts.senses.is(s.word(word), Sense::Fault);
        let code = if fault { CRITICISM } else { PRAISE };
        let (Some(source), Some(target)) = (s.subject(v, false), s.mention_of(object)) else {
            continue;
        };
        if dicts.cameo.get(code).is_none() || source == target {
            continue;
        }
        let factuality = s
            .tree
            .factuality(v, s.is_question(), false, &dicts.senses)
            .unwrap_or(Factuality::Asserted);
        let lemma = &s.tokens[v].lemma;
        coded.push(Coded {
            code: code.to_string(),
            head: v,
            sources: s.conjuncts(source),
            targets: s.conjuncts(target),
            trigger: s.tokens[v].span.cover(s.tokens[word].span),
            trigger_text: format!("{} {}", s.word(v), s.word(word)),
            rule: format!("{} + {lemma}", if fault { "fault" } else { "merit" }),
            factuality,
            reciprocal: false,
            reverse: None,
        });
    }
    coded
}
