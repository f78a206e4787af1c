//! Scoring dyad against gold standards: `dyad eval plover`, `dyad eval
//! petrarch` and `dyad eval news` (in [`news`]).
//!
//! Accuracy figures are only worth tracking when every run computes them the
//! same way, so the definitions here are those of the reference scorer the
//! project reports its figures with (`score.py gsr` and `score.py petrarch`):
//! the same matching rules give the same numbers, digit for digit. On top of
//! the figures, the PLOVER evaluation shows where the coder goes wrong: a
//! confusion table of categories and, for each missed record, what was coded
//! and the patterns the coder tried.

pub mod news;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use anyhow::{Context, Result};
use chrono::NaiveDate;
use dyad_code::Trace;
use dyad_core::{Document, Event, EventActor, NON_STATE_COUNTRIES};
use serde::{Deserialize, Serialize};

// Scoring conventions of the PLOVER gold-standard records. They describe the
// gold data, not dyad's coding, so they live with the scorer.

/// The gold records predate PLOVER 2021, which renamed four categories;
/// categories compare under their 2021 names.
const PLOVER_2021_RENAMES: [(&str, &str); 4] = [
    ("DEMAND", "REQUEST"),
    ("DISAPPROVE", "ACCUSE"),
    ("INVESTIGATE", "ACCUSE"),
    ("FIGHT", "ASSAULT"),
];

/// A few gold records use pre-ISO country codes; `ISM` marks a Muslim
/// (religious) actor, which dyad's codes call `MOS`.
pub(crate) const GOLD_ALIASES: [(&str, &[&str]); 4] = [
    ("JAP", &["JPN"]),
    ("ITL", &["ITA"]),
    ("VTN", &["VNM"]),
    ("ISM", &["ISM", "MOS"]),
];

/// What a record is coded as when nothing is coded, in the confusion table.
const NOTHING: &str = "(none)";

/// The category of an event without one (a CAMEO 01 statement), in the confusion table.
const UNCATEGORISED: &str = "(no category)";

/// One PLOVER gold-standard record: a sentence and its gold event.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldRecord {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub date: Option<String>,
    pub events: Vec<GoldEvent>,
}

/// A gold event: the countries (or non-state kinds) of its actors and its category.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldEvent {
    #[serde(default)]
    pub source: Vec<String>,
    #[serde(default)]
    pub target: Vec<String>,
    pub plover: Option<String>,
}

/// Reads PLOVER gold records, one JSON object a line.
pub fn read_plover_gold(text: &str) -> Result<Vec<GoldRecord>> {
    let mut records = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: GoldRecord =
            serde_json::from_str(line).with_context(|| format!("line {}", i + 1))?;
        if record.events.is_empty() {
            anyhow::bail!("line {}: record `{}` has no gold event", i + 1, record.id);
        }
        records.push(record);
    }
    Ok(records)
}

/// The document a gold record's text is coded as: the record's id and date
/// (`default_date` when it has none, as `dyad code` does).
pub fn plover_document(record: &GoldRecord, default_date: NaiveDate) -> Document {
    let published = record
        .date
        .as_deref()
        .and_then(parse_iso_date)
        .unwrap_or(default_date);
    Document::dated(&record.id, &record.text, published)
}

pub(crate) fn parse_iso_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

/// A category under its PLOVER 2021 name, upper case; absent is empty.
fn plover_category(name: Option<&str>) -> String {
    let name = name.unwrap_or("").to_uppercase();
    PLOVER_2021_RENAMES
        .iter()
        .find(|(old, _)| *old == name)
        .map_or(name, |(_, new)| new.to_string())
}

/// The country an actor is scored by: its country, or the first three
/// characters of its code when it has none (`---MIL` → `---`).
fn scored_country(actor: &EventActor) -> Option<String> {
    let country = match actor.country.as_deref().filter(|c| !c.is_empty()) {
        Some(c) => c.to_string(),
        None => actor.code.chars().take(3).collect(),
    };
    Some(country.to_uppercase()).filter(|c| !c.is_empty())
}

/// Whether a coded actor fills a gold slot; an empty gold slot takes anything.
fn actor_matches(gold: &[String], actor: Option<&EventActor>) -> bool {
    if gold.is_empty() {
        return true;
    }
    let Some(actor) = actor else { return false };
    let Some(country) = scored_country(actor) else {
        return false;
    };
    let code = actor.code.to_uppercase();
    gold.iter().map(|g| g.to_uppercase()).any(|g| {
        let alias = GOLD_ALIASES
            .iter()
            .any(|(a, codes)| *a == g && codes.contains(&country.as_str()));
        // Gold codes for non-state actors name only the kind of actor; a
        // coded actor matches by the prefix of its code (`IGOUNO` is an `IGO`).
        country == g || alias || (NON_STATE_COUNTRIES.contains(&g.as_str()) && code.starts_with(&g))
    })
}

/// The top event of a record: highest confidence, the first on ties.
fn top_event(events: &[Event]) -> Option<&Event> {
    events
        .iter()
        .fold(None, |best: Option<&Event>, e| match best {
            Some(b) if e.confidence <= b.confidence => Some(b),
            _ => Some(e),
        })
}

/// The PLOVER figures of a run, with what is needed to see where it failed.
#[derive(Debug, Serialize)]
pub struct PloverScore {
    pub records: usize,
    /// Share of records with an event of the gold category.
    pub type_recall: f64,
    /// Share of records with an event of the gold category and actors.
    pub full_recall: f64,
    /// The same for each record's top event.
    pub top_type: f64,
    pub top_full: f64,
    pub events_per_sentence: f64,
    /// Per gold category: `full matches/records`.
    pub full_recall_by_type: BTreeMap<String, String>,
    /// Gold category → category of the top coded event → records.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    /// Records without a fully matching event.
    pub misses: Vec<Miss>,
}

/// A record no coded event fully matched.
#[derive(Debug, Serialize)]
pub struct Miss {
    pub id: String,
    pub sentence: String,
    pub gold: String,
    pub coded: Vec<String>,
    /// The patterns tried and why they did not give the gold event.
    pub why: Vec<String>,
}

/// Scores coded documents (one per gold record, in order) and their traces.
pub fn score_plover(gold: &[GoldRecord], docs: &[Document], traces: &[Vec<Trace>]) -> PloverScore {
    assert_eq!(gold.len(), docs.len(), "one coded document per gold record");
    let (mut type_hits, mut full_hits, mut top_type, mut top_full, mut events) = (0, 0, 0, 0, 0);
    let mut by_type: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut confusion: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    let mut misses = Vec::new();
    for (n, (record, doc)) in gold.iter().zip(docs).enumerate() {
        let g = &record.events[0];
        let category = plover_category(g.plover.as_deref());
        let same_type = |e: &Event| plover_category(e.plover.as_deref()) == category;
        let full = |e: &Event| {
            same_type(e)
                && actor_matches(&g.source, e.source.as_ref())
                && actor_matches(&g.target, e.target.as_ref())
        };
        let found = doc.events.iter().any(full);
        let top = top_event(&doc.events);
        events += doc.events.len();
        type_hits += usize::from(doc.events.iter().any(same_type));
        full_hits += usize::from(found);
        top_type += usize::from(top.is_some_and(same_type));
        top_full += usize::from(top.is_some_and(full));
        let counts = by_type.entry(category.clone()).or_default();
        counts.0 += 1;
        counts.1 += usize::from(found);
        let coded = match top.map(|e| plover_category(e.plover.as_deref())) {
            None => NOTHING.to_string(),
            Some(c) if c.is_empty() => UNCATEGORISED.to_string(),
            Some(c) => c,
        };
        *confusion
            .entry(category.clone())
            .or_default()
            .entry(coded)
            .or_default() += 1;
        if !found {
            misses.push(Miss {
                id: record.id.clone(),
                sentence: record.text.clone(),
                gold: format!(
                    "{category} {} → {}",
                    actor_list(&g.source),
                    actor_list(&g.target)
                ),
                coded: doc.events.iter().map(describe).collect(),
                why: why(doc, traces.get(n).map_or(&[], Vec::as_slice)),
            });
        }
    }
    let n = gold.len().max(1) as f64;
    PloverScore {
        records: gold.len(),
        type_recall: type_hits as f64 / n,
        full_recall: full_hits as f64 / n,
        top_type: top_type as f64 / n,
        top_full: top_full as f64 / n,
        events_per_sentence: events as f64 / n,
        full_recall_by_type: by_type
            .into_iter()
            .map(|(k, (records, hits))| (k, format!("{hits}/{records}")))
            .collect(),
        confusion,
        misses,
    }
}

impl fmt::Display for PloverScore {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        writeln!(f, "records: {}", self.records)?;
        for (name, value) in [
            ("type_recall", self.type_recall),
            ("full_recall", self.full_recall),
            ("top_type", self.top_type),
            ("top_full", self.top_full),
            ("events_per_sentence", self.events_per_sentence),
        ] {
            writeln!(f, "{name}: {value:.3}")?;
        }
        writeln!(
            f,
            "full recall by type: {}",
            listing(&self.full_recall_by_type)
        )?;
        writeln!(
            f,
            "\nconfusion (gold category: categories of the top coded event)"
        )?;
        for (gold, row) in &self.confusion {
            let mut cells: Vec<(&String, &usize)> = row.iter().collect();
            cells.sort_by_key(|(_, n)| std::cmp::Reverse(**n));
            let cells: Vec<String> = cells.iter().map(|(c, n)| format!("{c} {n}")).collect();
            writeln!(
                f,
                "  {gold} ({}): {}",
                row.values().sum::<usize>(),
                cells.join(", ")
            )?;
        }
        writeln!(f, "\nmisses ({})", self.misses.len())?;
        for m in &self.misses {
            writeln!(f, "── {}: {}", m.id, m.sentence)?;
            writeln!(f, "   gold:  {}", m.gold)?;
            for c in &m.coded {
                writeln!(f, "   coded: {c}")?;
            }
            for w in &m.why {
                writeln!(f, "   why:   {w}")?;
            }
        }
        Ok(())
    }
}

/// A map's entries as "key value", comma-separated.
pub(crate) fn listing(map: &BTreeMap<String, String>) -> String {
    map.iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn actor_list(codes: &[String]) -> String {
    if codes.is_empty() {
        "—".to_string()
    } else {
        codes.join("|")
    }
}

/// A coded event in one line, for the scorers' reports: category, actors,
/// code, trigger, rule, factuality and confidence.
pub(crate) fn describe(e: &Event) -> String {
    let actor = |a: &Option<EventActor>| a.as_ref().map_or("—".to_string(), |a| a.code.clone());
    let category = e.plover.as_deref().unwrap_or("no PLOVER category");
    format!(
        "{category} {} → {} ({} `{}` [{}] {}, {:.3})",
        actor(&e.source),
        actor(&e.target),
        e.cameo,
        e.evidence.trigger,
        e.evidence.rule,
        e.factuality,
        e.confidence
    )
}

/// Lines of `why` shown per miss; the rest are counted.
const WHY_LINES: usize = 8;

/// What the coder tried on a document and did not code, from its trace, as
/// [`dyad_code::summarize`] puts it.
fn why(doc: &Document, traces: &[Trace]) -> Vec<String> {
    let mut lines = dyad_code::summarize(
        traces
            .iter()
            .flat_map(|t| &t.attempts)
            .filter(|a| a.outcome != "matched"),
    );
    if lines.len() > WHY_LINES {
        let more = lines.len() - WHY_LINES;
        lines.truncate(WHY_LINES);
        lines.push(format!("… and {more} more"));
    }
    if !lines.is_empty() {
        lines
    } else if doc.mentions.is_empty() {
        vec!["no actor found".to_string()]
    } else if doc.events.is_empty() {
        vec!["no event pattern matched".to_string()]
    } else {
        vec!["coded, but with another category or other actors".to_string()]
    }
}

/// A (source code, target code, event code) triple; an absent actor is `---`.
pub type Triple = (String, String, String);

/// One PETRARCH unit-test record.
#[derive(Clone, Debug)]
pub struct PetrarchRecord {
    pub id: String,
    pub date: Option<NaiveDate>,
    /// The sentence, white space folded.
    pub text: String,
    pub gold: BTreeSet<Triple>,
}

/// Reads PETRARCH unit-test XML. Records whose gold is an error marker
/// (`<EventCoding error=...>`) are skipped; `noevents` records have an empty
/// gold set.
pub fn read_petrarch(xml: &str) -> Result<Vec<PetrarchRecord>> {
    use quick_xml::events::{BytesStart, Event as Xml};

    fn attributes(e: &BytesStart) -> Result<BTreeMap<String, String>> {
        let mut out = BTreeMap::new();
        for a in e.attributes() {
            let a = a?;
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            // Codes for unknown actors are quoted inside the attribute: '"INJURY TOLL"'.
            let value = a.unescape_value()?.trim_matches(['"', '\'']).to_string();
            out.insert(key, value);
        }
        Ok(out)
    }

    let mut reader = quick_xml::Reader::from_str(xml);
    let mut records = Vec::new();
    let mut current: Option<(PetrarchRecord, bool)> = None;
    let mut in_text = false;
    loop {
        let position = reader.buffer_position();
        let event = reader
            .read_event()
            .with_context(|| format!("XML error near byte {position}"))?;
        match event {
            Xml::Start(e) | Xml::Empty(e) => match e.name().as_ref() {
                b"Sentence" => {
                    let attrs = attributes(&e)?;
                    let id = attrs
                        .get("id")
                        .with_context(|| format!("<Sentence> without id near byte {position}"))?;
                    let date = attrs
                        .get("date")
                        .and_then(|d| NaiveDate::parse_from_str(d, "%Y%m%d").ok());
                    let record = PetrarchRecord {
                        id: id.clone(),
                        date,
                        text: String::new(),
                        gold: BTreeSet::new(),
                    };
                    current = Some((record, false));
                }
                b"EventCoding" => {
                    let attrs = attributes(&e)?;
                    if let Some((record, error)) = current.as_mut() {
                        *error |= attrs.contains_key("error");
                        if let (Some(s), Some(t), Some(c)) = (
                            attrs.get("sourcecode"),
                            attrs.get("targetcode"),
                            attrs.get("eventcode"),
                        ) {
                            record.gold.insert((s.clone(), t.clone(), c.clone()));
                        }
                    }
                }
                b"Text" => in_text = current.is_some(),
                _ => {}
            },
            Xml::Text(t) if in_text => {
                if let Some((record, _)) = current.as_mut() {
                    record.text.push_str(&t.unescape()?);
                    record.text.push(' ');
                }
            }
            Xml::CData(t) if in_text => {
                if let Some((record, _)) = current.as_mut() {
                    record.text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Xml::End(e) => match e.name().as_ref() {
                b"Text" => in_text = false,
                b"Sentence" => {
                    if let Some((mut record, error)) = current.take() {
                        if !error {
                            record.text =
                                record.text.split_whitespace().collect::<Vec<_>>().join(" ");
                            records.push(record);
                        }
                    }
                }
                _ => {}
            },
            Xml::Eof => break,
            _ => {}
        }
    }
    Ok(records)
}

/// The document a PETRARCH record is coded as.
pub fn petrarch_document(record: &PetrarchRecord, default_date: NaiveDate) -> Document {
    let published = record.date.unwrap_or(default_date);
    Document::dated(&record.id, &record.text, published)
}

/// The figures of a PETRARCH run.
#[derive(Debug, Serialize)]
pub struct PetrarchScore {
    pub records: usize,
    pub passed: usize,
    /// Share of records whose coded triples equal the gold ones.
    pub pass_rate: f64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub failed_ids: Vec<String>,
}

impl fmt::Display for PetrarchScore {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        writeln!(
            f,
            "records: {}\npassed: {}\npass_rate: {:.3}",
            self.records, self.passed, self.pass_rate
        )?;
        writeln!(
            f,
            "precision: {:.3}\nrecall: {:.3}\nf1: {:.3}",
            self.precision, self.recall, self.f1
        )?;
        writeln!(f, "failed: {}", self.failed_ids.join(" "))
    }
}

/// The triples of a coded document.
pub fn triples(events: &[Event]) -> BTreeSet<Triple> {
    let code = |a: &Option<EventActor>| a.as_ref().map_or("---".to_string(), |a| a.code.clone());
    events
        .iter()
        .map(|e| (code(&e.source), code(&e.target), e.cameo.clone()))
        .collect()
}

/// Scores coded triples against the gold ones, record by record. As the
/// reference scorer groups coded events by document id, records sharing an
/// id (the PETRARCH unit-test file has two such pairs) are each scored
/// against the triples coded for all of them.
pub fn score_petrarch(records: &[PetrarchRecord], coded: &[BTreeSet<Triple>]) -> PetrarchScore {
    assert_eq!(records.len(), coded.len(), "one coded set per record");
    let mut by_id: BTreeMap<&str, BTreeSet<Triple>> = BTreeMap::new();
    for (record, got) in records.iter().zip(coded) {
        by_id
            .entry(&record.id)
            .or_default()
            .extend(got.iter().cloned());
    }
    let (mut passed, mut tp, mut fp, mut fn_) = (0, 0, 0, 0);
    let mut failed_ids = Vec::new();
    for record in records {
        let got = &by_id[record.id.as_str()];
        if *got == record.gold {
            passed += 1;
        } else {
            failed_ids.push(record.id.clone());
        }
        tp += got.intersection(&record.gold).count();
        fp += got.difference(&record.gold).count();
        fn_ += record.gold.difference(got).count();
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (precision, recall) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    PetrarchScore {
        records: records.len(),
        passed,
        pass_rate: ratio(passed, records.len()),
        precision,
        recall,
        f1,
        failed_ids,
    }
}

/// An event with every field empty, for the scorers' tests to fill in.
#[cfg(test)]
pub(crate) fn blank_event() -> Event {
    use dyad_core::{Evidence, Factuality, Span};
    Event {
        sentence: 0,
        date: None,
        date_text: None,
        source: None,
        target: None,
        cameo: "000".into(),
        cameo_name: String::new(),
        plover: None,
        quad_class: 1,
        goldstein: 0.0,
        mode: None,
        context: Vec::new(),
        factuality: Factuality::Asserted,
        location: None,
        evidence: Evidence {
            trigger: String::new(),
            span: Span::new(0, 0),
            rule: String::new(),
        },
        confidence: 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::{Actor, Span};

    fn actor(code: &str, country: Option<&str>) -> EventActor {
        let actor = Actor {
            code: code.into(),
            country: country.map(String::from),
            sector: None,
            name: None,
        };
        EventActor::new(code, &actor, Span::new(0, 0))
    }

    fn event(
        plover: &str,
        source: Option<EventActor>,
        target: Option<EventActor>,
        confidence: f64,
    ) -> Event {
        Event {
            source,
            target,
            plover: Some(plover.into()),
            confidence,
            ..blank_event()
        }
    }

    const GOLD: &str = r#"{"id": "a", "text": "Japan accused China.", "date": "2001-02-03", "events": [{"source": ["JAP"], "target": ["CHN"], "plover": "DISAPPROVE"}]}
{"id": "b", "text": "The UN sent aid to Haiti.", "events": [{"source": ["IGO"], "target": [], "plover": "AID"}]}
{"id": "c", "text": "Rebels fought troops.", "events": [{"source": [], "target": ["SYR"], "plover": "FIGHT"}]}
"#;

    fn coded(events: Vec<Event>) -> Document {
        Document {
            events,
            ..Default::default()
        }
    }

    /// Worked by hand: record a is found in full but its top event is of
    /// another type; b is found in full by its top event (IGO by prefix);
    /// c has the right type with the wrong target and nothing in full.
    fn scored() -> PloverScore {
        let gold = read_plover_gold(GOLD).unwrap();
        let docs = vec![
            coded(vec![
                event(
                    "ACCUSE",
                    Some(actor("JPNGOV", Some("JPN"))),
                    Some(actor("CHN", Some("CHN"))),
                    0.5,
                ),
                event("REJECT", Some(actor("JPN", Some("JPN"))), None, 0.9),
            ]),
            coded(vec![event(
                "AID",
                Some(actor("IGOUNO", None)),
                Some(actor("HTI", Some("HTI"))),
                0.7,
            )]),
            coded(vec![
                event(
                    "ASSAULT",
                    Some(actor("---REB", None)),
                    Some(actor("IRQMIL", Some("IRQ"))),
                    0.6,
                ),
                event("ASSAULT", Some(actor("---REB", None)), None, 0.6),
            ]),
        ];
        score_plover(&gold, &docs, &vec![Vec::new(); 3])
    }

    #[test]
    fn plover_figures_follow_the_reference_definitions() {
        let s = scored();
        assert_eq!(s.records, 3);
        assert_eq!(s.type_recall, 1.0);
        assert_eq!(s.full_recall, 2.0 / 3.0);
        assert_eq!(s.top_type, 2.0 / 3.0);
        assert_eq!(s.top_full, 1.0 / 3.0);
        assert_eq!(s.events_per_sentence, 5.0 / 3.0);
        assert_eq!(s.full_recall_by_type["ACCUSE"], "1/1");
        assert_eq!(s.full_recall_by_type["ASSAULT"], "0/1");
    }

    #[test]
    fn confusion_uses_the_top_event_and_misses_list_what_was_coded() {
        let s = scored();
        assert_eq!(s.confusion["ACCUSE"]["REJECT"], 1);
        assert_eq!(s.confusion["AID"]["AID"], 1);
        assert_eq!(s.confusion["ASSAULT"]["ASSAULT"], 1);
        assert_eq!(s.misses.len(), 1);
        let miss = &s.misses[0];
        assert_eq!(
            (miss.id.as_str(), miss.gold.as_str()),
            ("c", "ASSAULT — → SYR")
        );
        assert_eq!(miss.coded.len(), 2);
        assert_eq!(miss.why, ["no actor found"]);
    }

    #[test]
    fn a_record_with_nothing_coded_counts_as_none() {
        let gold = read_plover_gold(GOLD).unwrap();
        let docs = vec![coded(Vec::new()), coded(Vec::new()), coded(Vec::new())];
        let s = score_plover(&gold, &docs, &[]);
        assert_eq!(
            (s.type_recall, s.top_full, s.events_per_sentence),
            (0.0, 0.0, 0.0)
        );
        assert_eq!(s.confusion["AID"][NOTHING], 1);
        assert_eq!(s.misses.len(), 3);
    }

    const PETRARCH: &str = r#"<Validation><Sentences>
<Sentence date="19950101" id="T-1" category="DEMO" sentence="true">
<!-- a comment -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="GON" eventcode="223"></EventCoding>
<Text>
Arnor is about to restore
  ties with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date = "19950102" id ="T-2" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="19950103" id="T-3" category="ERROR" sentence="true">
<EventCoding error="Too long"></EventCoding>
<Text>Skipped.</Text>
</Sentence>
</Sentences></Validation>"#;

    #[test]
    fn petrarch_records_fold_white_space_and_skip_error_markers() {
        let records = read_petrarch(PETRARCH).unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(
            records[0].text,
            "Arnor is about to restore ties with Gondor."
        );
        assert_eq!(records[0].date, NaiveDate::from_ymd_opt(1995, 1, 1));
        let injury = (
            "INJURY TOLL".to_string(),
            "GON".to_string(),
            "223".to_string(),
        );
        assert!(records[0].gold.contains(&injury));
        assert!(records[1].gold.is_empty());
    }

    #[test]
    fn petrarch_figures_count_triples() {
        let records = read_petrarch(PETRARCH).unwrap();
        let triple = |s: &str, t: &str, c: &str| (s.to_string(), t.to_string(), c.to_string());
        // T-1: one of two gold triples and one wrong one; T-2: nothing, as gold says.
        let coded = vec![
            BTreeSet::from([triple("ARN", "GON", "064"), triple("ARN", "---", "010")]),
            BTreeSet::new(),
        ];
        let s = score_petrarch(&records, &coded);
        assert_eq!((s.records, s.passed, s.pass_rate), (2, 1, 0.5));
        assert_eq!((s.precision, s.recall), (0.5, 0.5));
        assert_eq!(s.f1, 0.5);
        assert_eq!(s.failed_ids, ["T-1"]);
        let actorless = event("AID", None, Some(actor("GON", Some("GON"))), 0.5);
        assert_eq!(
            triples(&[actorless]),
            BTreeSet::from([triple("---", "GON", "000")])
        );
    }

    #[test]
    fn petrarch_records_sharing_an_id_are_scored_on_all_their_triples() {
        let mut records = read_petrarch(PETRARCH).unwrap();
        records[1].id = "T-1".into();
        let triple = |s: &str, t: &str, c: &str| (s.to_string(), t.to_string(), c.to_string());
        // As score.py sees one document T-1: its events are those of both records.
        let coded = vec![
            BTreeSet::new(),
            BTreeSet::from([triple("ARN", "GON", "064")]),
        ];
        let s = score_petrarch(&records, &coded);
        assert_eq!(s.passed, 0);
        assert_eq!((s.precision, s.recall), (0.5, 0.5));
    }
}
