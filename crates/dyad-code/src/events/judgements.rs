//! Judgements no pattern names: a verb of naming whose object is an actor
//! or its act and whose predicate judges it ("called Trump's decision
//! entirely correct", "described the American move as a provocation"), and
//! a quoted sentence that judges an actor in its speaker's words
//! ("“Iran made a very big mistake,” he said").

use dyad_core::Factuality;
use dyad_lexicon::{Dictionaries, Sense};

use super::sentence::{Sentence, SPEAKER};
use super::Coded;

/// The code of speech that judges another wrong, and of force against a
/// thing said or decided ("attacked the policy"): criticism.
pub(super) const CRITICISM: &str = "111";

/// The code of speech that judges another right: praise.
const PRAISE: &str = "051";

/// The code of speech that says another did wrong: an accusation.
pub(super) const ACCUSATION: &str = "112";

/// What judging word `word` codes, with the name of its judgement for the
/// rule ("fault" 111, "merit" 051, "misdeed" 112), where the CAMEO table
/// has the code.
pub(super) fn judgement_code(
    s: &Sentence,
    dicts: &Dictionaries,
    word: usize,
) -> Option<(&'static str, &'static str)> {
    let fault = [s.tokens[word].lemma.as_str(), s.word(word)]
        .iter()
        .any(|w| dicts.senses.is(w, Sense::Fault));
    let misdeed = s.tokens[word].tag.starts_with("VB")
        && dicts.senses.is(&s.tokens[word].lemma, Sense::Misdeed);
    let (code, name) = if misdeed {
        (ACCUSATION, "misdeed")
    } else if fault {
        (CRITICISM, "fault")
    } else {
        (PRAISE, "merit")
    };
    dicts.cameo.get(code).map(|_| (code, name))
}

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
        let Some((code, judgement)) = judgement_code(s, dicts, word) else {
            continue;
        };
        let (Some(source), Some(target)) = (s.subject(v, false), s.mention_of(object)) else {
            continue;
        };
        if source == target {
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
            rule: format!("{judgement} + {lemma}"),
            factuality,
            reciprocal: false,
            reverse: None,
        });
    }
    coded
}

/// The criticism (111), accusation (112) or praise (051) a sentence that is
/// wholly its speaker's words makes of the actor its main clause judges
/// ("“The regime has lied for years.”" after "Pompeo said ..."), as a
/// reported clause of "said" would (see `Tree::judgement`).
pub(super) fn code_quoted(s: &Sentence, dicts: &Dictionaries) -> Vec<Coded> {
    let Some(speaker) = s.speaker else {
        return Vec::new();
    };
    let mut coded = Vec::new();
    let roots = (0..s.tokens.len()).filter(|&k| s.tree.parsed() && s.tree.head(k).is_none());
    for root in roots {
        let Some((word, subject)) = s.tree.judgement(root, &dicts.senses) else {
            continue;
        };
        let Some((code, judgement)) = judgement_code(s, dicts, word) else {
            continue;
        };
        let Some(target) = s.mention_of(subject) else {
            continue;
        };
        if s.mentions[target].2.actor.code == speaker.actor.code {
            continue;
        }
        let factuality = s
            .tree
            .factuality(root, s.is_question(), false, &dicts.senses)
            .unwrap_or(Factuality::Asserted);
        coded.push(Coded {
            code: code.to_string(),
            head: word,
            sources: vec![SPEAKER],
            targets: s.conjuncts(target),
            trigger: s.tokens[word].span,
            trigger_text: s.word(word).to_string(),
            rule: format!("{judgement} + quotation"),
            factuality,
            reciprocal: false,
            reverse: None,
        });
    }
    coded
}
