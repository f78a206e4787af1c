//! Words that decide how other words are read: the sense of a polysemous
//! trigger, or a name that is part of an institution's: `data/events/senses.tsv`.

use rustc_hash::FxHashMap;

use crate::{table, DictError};

/// What a word says of the sense of a trigger it goes with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sense {
    /// A noun naming a thing said, decided or held: a verb of force with it
    /// as object is criticism ("attacked the policy").
    Abstract,
    /// A verb that reports speech when it takes a clause ("protested that
    /// the vote was rigged"): an accusation.
    Speech,
    /// A verb whose open complement is wished, not done ("wants to strike").
    Wish,
    /// A verb whose complement did not happen ("failed to agree").
    Failure,
    /// A word whose "of" or "for" complement is what one actor says another
    /// did ("accused Iran of attacking").
    Accusation,
    /// A noun of an adjunct of time or cause ("in the wake of").
    Background,
    /// A noun that measures what its "of" names ("a round of talks").
    Amount,
    /// A verb whose object is what is talked about ("discussed Syria"):
    /// an actor there is no target.
    Topic,
    /// A noun ending an institution's name: a place or nationality right
    /// before it is part of the name ("the Washington Institute").
    Institution,
    /// A word that, said of an actor or its act, judges it wrong ("the
    /// policy has been a disaster", "Iran made a mistake"): criticism.
    Fault,
    /// A word that, said of an actor or its act, judges it right ("the
    /// decision was entirely correct"): praise.
    Merit,
    /// A verb whose object names the act its subject did ("made a mistake",
    /// "committed a crime").
    Support,
    /// A word of an act that its target does back ("clashed with", "fought
    /// with", "battled"): both sides' act.
    Reciprocal,
    /// A verb that names its object as its predicate says ("called the
    /// decision correct", "described the move as a provocation").
    Naming,
    /// A verb that reports what its subject said ("said", "told", "added"):
    /// "I" and "we" in the words it quotes are its subject.
    Reporting,
    /// A verb whose "in" object is the act its subject takes part in
    /// ("engaged in clashes with", "took part in the talks").
    Participation,
    /// A verb of wrongdoing ("lied", "violated the agreement", "misled
    /// investigators"): a reported clause saying its subject did it accuses
    /// that actor.
    Misdeed,
    /// A word that, after "is" and before "to", says its subject is to do
    /// what follows ("is expected to meet", "is due to visit"): an intent of
    /// that act, and nothing without one.
    Expectation,
    /// A noun naming people protesting ("protesters", "demonstrators"):
    /// force their own state uses on them is repression (CAMEO 175), not
    /// fighting.
    Protester,
    /// A noun naming whom news is told to ("told reporters"): no target of
    /// a statement or a consultation.
    Audience,
    /// A verb that answers another's request or claim ("accept",
    /// "recognize", "allow"): its negation is a refusal even in the past
    /// ("did not accept refugees"), where another verb's is only not done
    /// ("never met Putin").
    Response,
    /// A verb of harm done to people ("killed", "wounded", "died"): an
    /// attack in its adjunct ("were killed in an Israeli airstrike") is
    /// reported, its casualties the target.
    Casualty,
    /// A word before a title saying its holder no longer holds the office
    /// ("former Secretary of State Hillary Clinton", "ex-President").
    Former,
    /// An adverb of a habit ("often", "constantly"): a relative clause with
    /// it describes its noun, and reports no event.
    Habitual,
    /// A verb of protest that, with an object or a clause, shows
    /// ("demonstrated a willingness", "demonstrates that ...").
    Showing,
    /// A verb of feeling whose passive names who feels it and, after "by",
    /// what about ("were alarmed by Mr. Maliki's speech"): the subject
    /// acts, not the agent.
    Feeling,
    /// A verb of an intent one side forms ("each planned to deploy",
    /// "intend to"): actors coordinated as its subject intend it each, not
    /// towards each other, as those who agree or pledge together do.
    Pledge,
    /// A verb whose subject "it" is a situation, not an actor ("it seems",
    /// "it happened").
    Seeming,
    /// An adjective of a mind or will after "it is": "it" is then a body
    /// ("it was willing to talk", "it is ready to hit back").
    Minded,
    /// A noun of one who speaks for another ("a spokesman for the Muslim
    /// Brotherhood"): of that actor, after "for".
    Representative,
}

/// The sense words, by lemma (a word may have several: "charge").
#[derive(Debug, Default)]
pub struct Senses(FxHashMap<String, Vec<Sense>>);

impl Senses {
    pub fn parse(file: &str, text: &str) -> Result<Self, DictError> {
        let mut words = FxHashMap::default();
        table::read(file, text, &["word", "sense"], |row| {
            let sense = match row.required("sense")? {
                "abstract" => Sense::Abstract,
                "speech" => Sense::Speech,
                "wish" => Sense::Wish,
                "failure" => Sense::Failure,
                "accusation" => Sense::Accusation,
                "background" => Sense::Background,
                "amount" => Sense::Amount,
                "topic" => Sense::Topic,
                "institution" => Sense::Institution,
                "fault" => Sense::Fault,
                "merit" => Sense::Merit,
                "support" => Sense::Support,
                "reciprocal" => Sense::Reciprocal,
                "naming" => Sense::Naming,
                "reporting" => Sense::Reporting,
                "participation" => Sense::Participation,
                "expectation" => Sense::Expectation,
                "misdeed" => Sense::Misdeed,
                "protester" => Sense::Protester,
                "audience" => Sense::Audience,
                "response" => Sense::Response,
                "casualty" => Sense::Casualty,
                "former" => Sense::Former,
                "habitual" => Sense::Habitual,
                "showing" => Sense::Showing,
                "feeling" => Sense::Feeling,
                "pledge" => Sense::Pledge,
                "seeming" => Sense::Seeming,
                "minded" => Sense::Minded,
                "representative" => Sense::Representative,
                other => return Err(row.error(format!("unknown sense `{other}`"))),
            };
            words
                .entry(row.required("word")?.to_lowercase())
                .or_insert_with(Vec::new)
                .push(sense);
            Ok(())
        })?;
        Ok(Senses(words))
    }

    /// Whether the lemma `word` has `sense`.
    pub fn is(&self, word: &str, sense: Sense) -> bool {
        self.0
            .get(word)
            .is_some_and(|senses| senses.contains(&sense))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_may_have_several_senses_and_a_bad_one_names_its_line() {
        let text = "word\tsense\ncharge\tspeech\ncharge\taccusation\npolicy\tabstract\n";
        let senses = Senses::parse("senses.tsv", text).unwrap();
        assert!(senses.is("charge", Sense::Speech) && senses.is("charge", Sense::Accusation));
        assert!(!senses.is("policy", Sense::Speech));
        let err = Senses::parse("senses.tsv", "word\tsense\nplan\tabstrakt\n").unwrap_err();
        assert!(err.to_string().starts_with("senses.tsv:2:"), "{err}");
    }
}
