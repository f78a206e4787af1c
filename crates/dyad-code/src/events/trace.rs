//! What `dyad explain` shows of coding: every pattern tried on a sentence
//! and how it ended, and the candidates dropped with their reasons.

/// One pattern tried on a sentence, for `dyad explain`.
#[derive(Clone, Debug)]
pub struct Attempt {
    pub rule: String,
    pub trigger: String,
    pub outcome: String,
}

/// Why a pattern that matched gave no event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DropReason {
    /// No actor did it.
    NoSource,
    /// A PETRARCH pattern without a target: PETRARCH codes only dyads.
    NoDyad,
    /// A statement (CAMEO 01) in a sentence that reports another event.
    StatementBesideEvent,
    /// No actor it was done to, for an event that needs one.
    NoTarget,
    /// The trigger modifies a noun ("Western-backed", "detained
    /// journalists"): it names no act the sentence reports.
    Modifier,
    /// The trigger is a noun in an adjunct of time or cause ("after the
    /// bombing of the embassy"), in a reduced relative clause ("an accord
    /// designed to defuse the crisis") or in a relative clause of a habit
    /// ("who have often dismissed Abbas"): background to what the sentence
    /// reports.
    Background,
    /// Source and target are one actor, or a pair lost its target.
    SelfDyad,
    /// An event noun the sentence does not report as happening: not the
    /// object of a verb ("launched an offensive"), its subject ("the strikes
    /// killed"), nor a predicate or a headline's head.
    UnlicensedNoun,
    /// The trigger is a verb of naming whose predicate judges its object
    /// ("calling the strikes necessary"): a judgement, not the pattern's act.
    Judgement,
    /// A word of expectation ("is expected to", "is due to") without an act
    /// after it that has an intent code, or used actively ("expects Iran
    /// to comply"): no intent stated.
    NoExpectedAct,
    /// The trigger's verb takes an object or a clause, which makes it a
    /// word of showing ("demonstrated a willingness to", "demonstrates
    /// that ISIS is the leader"): no protest.
    Showing,
    /// A refusal whose act is only something said ("declined to say
    /// whether", "declined to criticize", "reluctant to blame"): no act
    /// towards anyone stated.
    RefusedStatement,
}

impl DropReason {
    /// The reason's name in `explain --json`.
    pub fn as_str(self) -> &'static str {
        match self {
            DropReason::NoSource => "no_source",
            DropReason::NoDyad => "no_dyad",
            DropReason::StatementBesideEvent => "statement_beside_event",
            DropReason::NoTarget => "no_target",
            DropReason::Modifier => "modifier",
            DropReason::Background => "background",
            DropReason::SelfDyad => "self_dyad",
            DropReason::UnlicensedNoun => "unlicensed_noun",
            DropReason::Judgement => "judgement",
            DropReason::NoExpectedAct => "no_expected_act",
            DropReason::Showing => "showing",
            DropReason::RefusedStatement => "refused_statement",
        }
    }

    /// The reason as a sentence, for `explain`.
    pub fn describe(self) -> &'static str {
        match self {
            DropReason::NoSource => "no source actor: not coded",
            DropReason::NoDyad => "no target actor for a PETRARCH pattern: not coded",
            DropReason::StatementBesideEvent => {
                "a statement beside another event of the sentence: not coded"
            }
            DropReason::NoTarget => "no target actor: not coded",
            DropReason::Modifier => "the trigger modifies a noun: not coded",
            DropReason::Background => {
                "background (an adjunct of time or cause, a reduced relative clause, a habit in a relative clause): not coded"
            }
            DropReason::SelfDyad => "an actor acting on itself: not coded",
            DropReason::UnlicensedNoun => "an event noun the sentence does not report: not coded",
            DropReason::Judgement => {
                "a verb of naming that judges its object: not its pattern's act"
            }
            DropReason::NoExpectedAct => {
                "a word of expectation without an intended act after it: not coded"
            }
            DropReason::Showing => "a verb of showing with what it shows: no protest, not coded",
            DropReason::RefusedStatement => "a refusal to say or weigh something: not coded",
        }
    }
}

/// A candidate event that matched a pattern and was dropped.
#[derive(Clone, Debug)]
pub struct Dropped {
    pub trigger: String,
    pub rule: String,
    pub reason: DropReason,
}

/// Why a sentence was or was not coded.
#[derive(Clone, Debug, Default)]
pub struct Trace {
    pub sentence: usize,
    pub attempts: Vec<Attempt>,
    pub dropped: Vec<Dropped>,
}

/// Rules named per line of [`summarize`]; the others are counted (a trace
/// in JSON keeps every attempt).
const SUMMARY_RULES: usize = 6;

/// Attempts as a reader takes them in: one line per trigger and outcome
/// with the rules that ended that way ("`accused`: no actor for the target
/// slot after `accused` [112 accuse +; 1121 accuse + of fraud]"), in the
/// order first met; then, per trigger, a count of the patterns whose other
/// words the sentence lacks, which did not apply at all.
pub fn summarize<'a>(attempts: impl IntoIterator<Item = &'a Attempt>) -> Vec<String> {
    let mut outcomes: Vec<((&str, &str), Vec<&str>)> = Vec::new();
    let mut not_applying: Vec<(&str, usize)> = Vec::new();
    for a in attempts {
        // the outcome of a missing pattern word (see `Miss::describe`)
        if a.outcome.starts_with("no `") {
            match not_applying.iter_mut().find(|(t, _)| *t == a.trigger) {
                Some((_, n)) => *n += 1,
                None => not_applying.push((&a.trigger, 1)),
            }
            continue;
        }
        let key = (a.trigger.as_str(), a.outcome.as_str());
        match outcomes.iter_mut().find(|(k, _)| *k == key) {
            Some((_, rules)) => rules.push(&a.rule),
            None => outcomes.push((key, vec![&a.rule])),
        }
    }
    let ended = outcomes.iter().map(|((trigger, outcome), rules)| {
        let shown = rules[..rules.len().min(SUMMARY_RULES)].join("; ");
        let more = match rules.len().saturating_sub(SUMMARY_RULES) {
            0 => String::new(),
            n => format!("; … {n} more"),
        };
        format!("`{trigger}`: {outcome} [{shown}{more}]")
    });
    let counted = not_applying
        .iter()
        .map(|(trigger, n)| format!("`{trigger}`: {n} pattern(s) lacked their other words"));
    ended.chain(counted).collect()
}

/// The attempts and dropped candidates of a sentence, recorded only when a
/// trace was asked for, so that coding without one builds no messages.
pub(super) struct Attempts(pub(super) Option<(Vec<Attempt>, Vec<Dropped>)>);

impl Attempts {
    pub(super) fn record(&mut self, make: impl FnOnce() -> Attempt) {
        if let Some((list, _)) = &mut self.0 {
            list.push(make());
        }
    }

    /// Records a candidate dropped for `reason`, as an attempt too.
    pub(super) fn drop(&mut self, rule: &str, trigger: &str, reason: DropReason) {
        if let Some((list, dropped)) = &mut self.0 {
            list.push(Attempt {
                rule: rule.to_string(),
                trigger: trigger.to_string(),
                outcome: reason.describe().to_string(),
            });
            dropped.push(Dropped {
                trigger: trigger.to_string(),
                rule: rule.to_string(),
                reason,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attempt(rule: &str, trigger: &str, outcome: &str) -> Attempt {
        Attempt {
            rule: rule.into(),
            trigger: trigger.into(),
            outcome: outcome.into(),
        }
    }

    #[test]
    fn attempts_are_summarized_per_trigger_and_outcome() {
        let slot = "no actor for the target slot after `accused`";
        let mut attempts = vec![
            attempt("112 accuse", "accused", "matched"),
            attempt("112 accuse + of", "accused", slot),
            attempt("1121 accuse + of fraud", "accused", "no `fraud` after `of`"),
            attempt("1121 accuse + of theft", "accused", "no `theft` after `of`"),
        ];
        attempts
            .extend((0..8).map(|k| attempt(&format!("112{k} accuse + of x{k}"), "accused", slot)));
        assert_eq!(
            summarize(&attempts),
            [
                "`accused`: matched [112 accuse]".to_string(),
                format!(
                    "`accused`: {slot} [112 accuse + of; 1120 accuse + of x0; 1121 accuse + of x1; \
                     1122 accuse + of x2; 1123 accuse + of x3; 1124 accuse + of x4; … 3 more]"
                ),
                "`accused`: 2 pattern(s) lacked their other words".to_string(),
            ]
        );
    }
}
