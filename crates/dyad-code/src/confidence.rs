//! How sure the coder is of an event: the chance that it is right, by a
//! logistic regression over what the event record shows (its quad class,
//! factuality, rule, trigger and actors), with the weights in
//! `data/events/confidence.tsv`, fitted on the project's own coded real-news
//! sentences by `tools/confidence/fit.py`. The feature names here and there
//! must agree.

use std::collections::HashMap;
use std::sync::OnceLock;

use dyad_core::{round_confidence, Event, Factuality};

const WEIGHTS: &str = include_str!("../../../data/events/confidence.tsv");

/// Feature weights, read once.
fn weights() -> &'static HashMap<&'static str, f64> {
    static WEIGHTS_READ: OnceLock<HashMap<&'static str, f64>> = OnceLock::new();
    WEIGHTS_READ.get_or_init(|| {
        WEIGHTS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .skip(1)
            .filter_map(|l| {
                let (name, weight) = l.split_once('\t')?;
                Some((name, weight.trim().parse().ok()?))
            })
            .collect()
    })
}

/// The names of the features an event has, the bias first; `first`: its
/// trigger is the first of its sentence's events.
pub fn features(e: &Event, first: bool) -> Vec<&'static str> {
    let mut f = vec!["bias"];
    if first {
        f.push("first_in_sentence");
    }
    f.extend(match e.quad_class {
        1 => Some("quad1"),
        2 => Some("quad2"),
        3 => Some("quad3"),
        4 => Some("quad4"),
        _ => None,
    });
    if e.cameo.starts_with("01") {
        f.push("statement");
    }
    if e.factuality != Factuality::Asserted {
        f.push(e.factuality.as_str());
    }
    if e.evidence.rule.contains(" + ") {
        f.push("combined_rule");
    }
    if e.evidence.trigger.split_whitespace().count() >= 2 {
        f.push("long_trigger");
    }
    if let Some(src) = &e.source {
        if src.name.is_some() {
            f.push("source_named");
        }
        if src.country.is_none() {
            f.push("source_without_country");
        }
        if src.sector.is_none() {
            f.push("source_unsectored");
        }
    }
    match &e.target {
        None => f.push("target_none"),
        Some(tgt) => {
            if tgt.country.is_none() {
                f.push("target_without_country");
            }
            if tgt.sector.is_none() {
                f.push("target_unsectored");
            }
            let source_country = e.source.as_ref().and_then(|s| s.country.as_ref());
            if source_country.is_some() && source_country == tgt.country.as_ref() {
                f.push("same_country");
            }
        }
    }
    f
}

/// The chance that an event is right, to three decimals.
pub fn confidence(e: &Event, first: bool) -> f64 {
    let w = weights();
    let z: f64 = features(e, first).iter().filter_map(|n| w.get(n)).sum();
    round_confidence(1.0 / (1.0 + (-z).exp()))
}

/// Sets the confidence of every event of a document.
pub fn assess(events: &mut [Event]) {
    let firsts: Vec<bool> = events
        .iter()
        .map(|e| {
            events
                .iter()
                .filter(|o| o.sentence == e.sentence)
                .all(|o| o.evidence.span.start >= e.evidence.span.start)
        })
        .collect();
    for (e, first) in events.iter_mut().zip(firsts) {
        e.confidence = confidence(e, first);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_feature_has_a_weight() {
        let w = weights();
        for name in [
            "bias",
            "first_in_sentence",
            "quad1",
            "quad2",
            "quad3",
            "quad4",
            "statement",
            "intended",
            "hypothetical",
            "negated",
            "failed",
            "combined_rule",
            "long_trigger",
            "source_named",
            "source_without_country",
            "source_unsectored",
            "target_none",
            "target_without_country",
            "target_unsectored",
            "same_country",
        ] {
            assert!(w.contains_key(name), "no weight for {name}");
        }
    }
}
