//! Event merge: the same event reported in several sentences or documents
//! becomes one record, counted as GDELT counts it (mentions, outlets,
//! articles).
//!
//! Two events are the same when they agree on date, source and target
//! codes, CAMEO code and place. A story republished by many outlets is often
//! dated by each republication, so events of near-duplicate documents (see
//! [`crate::dedup`]) are the same when they agree on all but the date.

use std::collections::HashMap;

use dyad_core::{Document, Event};

use crate::dedup::UnionFind;

/// Near-duplicates at or above this Jaccard similarity share their events
/// whatever the dates (the default of `dyad dedup`).
pub const NEAR_DUPLICATE: f64 = 0.8;

/// One merged event: where it was first reported and how often.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergedEvent {
    /// The first mention, as (document index, event index in the document).
    pub first: (usize, usize),
    /// Sentences reporting it.
    pub mentions: usize,
    /// Distinct outlets reporting it (a document without an outlet counts
    /// as one of its own).
    pub sources: usize,
    /// The documents reporting it, by index, in input order.
    pub docs: Vec<usize>,
}

/// What makes two events the same, but for their date.
fn undated_key(event: &Event) -> (Option<&str>, Option<&str>, &str, Option<&str>) {
    let source = event.source.as_ref().map(|a| a.code.as_str());
    let target = event.target.as_ref().map(|a| a.code.as_str());
    let place = event.location.as_ref().map(|l| l.name.as_str());
    (source, target, event.cameo.as_str(), place)
}

/// Merges the events of all documents; `near_duplicates` are clusters of
/// document indices. Merged events come in the order of their first mention.
pub fn merge_events(docs: &[Document], near_duplicates: &[Vec<usize>]) -> Vec<MergedEvent> {
    let mut cluster_of: Vec<usize> = (0..docs.len()).collect();
    for cluster in near_duplicates {
        cluster.iter().for_each(|&d| cluster_of[d] = cluster[0]);
    }
    let mentions: Vec<(usize, usize)> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, doc)| (0..doc.events.len()).map(move |e| (d, e)))
        .collect();
    let mut same = UnionFind::new(mentions.len());
    let mut by_key = HashMap::new();
    let mut by_cluster_key = HashMap::new();
    for (m, &(d, e)) in mentions.iter().enumerate() {
        let event = &docs[d].events[e];
        let date = event.date.map(|d| d.to_string());
        for first in [
            *by_key.entry((date, undated_key(event))).or_insert(m),
            *by_cluster_key
                .entry((cluster_of[d], undated_key(event)))
                .or_insert(m),
        ] {
            same.union(first, m);
        }
    }
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for m in 0..mentions.len() {
        groups.entry(same.find(m)).or_default().push(m);
    }
    let mut merged: Vec<MergedEvent> = groups
        .into_values()
        .map(|group| {
            let mut docs_of: Vec<usize> = group.iter().map(|&m| mentions[m].0).collect();
            docs_of.dedup();
            let mut outlets: Vec<String> = docs_of
                .iter()
                .map(|&d| {
                    docs[d]
                        .meta
                        .source
                        .clone()
                        .unwrap_or_else(|| format!("\u{0}{}", docs[d].id))
                })
                .collect();
            outlets.sort_unstable();
            outlets.dedup();
            MergedEvent {
                first: mentions[group[0]],
                mentions: group.len(),
                sources: outlets.len(),
                docs: docs_of,
            }
        })
        .collect();
    merged.sort_unstable_by_key(|m| m.first);
    merged
}
