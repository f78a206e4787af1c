//! Actor mentions: dictionary matches composed into actors.
//!
//! Matches combine with their neighbours: an adjective or country before a
//! group noun or title ("Ukrainian sailors" → UKR MIL), a possessive before
//! one ("Russia's foreign minister" → RUS GOV), "of" after one ("the
//! president of Armenia" → ARM GOV), a title before a person in the
//! dictionaries ("President Putin") or before an unknown capitalised name
//! ("Venezuelan opposition leader Juan Guaido" → VEN OPP, `Juan Guaido`),
//! a leader's name, or surname, before a body of their office ("the Bush
//! administration" → USA GOV). A person resolves through the role held on
//! the document's date.

use chrono::NaiveDate;
use dyad_core::{Actor, ActorMention, Document, SentenceKind, Span, Via};
use dyad_lexicon::{
    ActorDictionary, ActorEntry, EntryKind, NameMatch, Sense, Senses, PETRARCH_AGENT,
};

/// CAMEO's sector of ethnic groups, coded with the country they live in.
const ETHNIC_SECTOR: &str = "ETH";

/// What a mention is, as far as composing and coding care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Country,
    Adjective,
    Capital,
    Place,
    Organisation,
    Person,
    Agent { title: bool },
}

fn shape(e: &ActorEntry) -> Shape {
    match e.kind {
        EntryKind::Country => Shape::Country,
        EntryKind::Adjective => Shape::Adjective,
        EntryKind::Capital => Shape::Capital,
        EntryKind::Place => Shape::Place,
        EntryKind::Organisation => Shape::Organisation,
        EntryKind::Person(_) => Shape::Person,
        EntryKind::Agent { title } => Shape::Agent { title },
    }
}

/// A mention being composed.
struct Draft {
    first: usize,
    end: usize,
    country: Option<String>,
    sector: Option<String>,
    /// Organisation code, which stands as the actor code.
    org: Option<String>,
    name: Option<String>,
    person_code: Option<String>,
    last: Shape,
    via: Via,
    entries: Vec<String>,
    /// PETRARCH agent codes in order, written `~GOV` (after the actor's
    /// code) or `NGO~` (before it).
    affixes: Vec<String>,
}

impl Draft {
    fn new(m: &NameMatch, e: &ActorEntry, date: Option<NaiveDate>) -> Draft {
        let mut d = Draft {
            first: m.tokens.start,
            end: m.tokens.end,
            country: None,
            sector: None,
            org: None,
            name: None,
            person_code: None,
            last: shape(e),
            via: Via::Dictionary,
            entries: vec![e.id.clone()],
            affixes: Vec::new(),
        };
        d.absorb(e, date);
        d
    }

    fn absorb(&mut self, e: &ActorEntry, date: Option<NaiveDate>) {
        match shape(e) {
            Shape::Agent { .. } => {
                if e.code.contains('~') {
                    self.affixes.push(e.code.clone());
                }
                // The first group noun names the body ("army spokesman" → MIL);
                // a capital's GOV gives way to the agent ("Moscow police").
                if self.sector.is_none() || self.last == Shape::Capital {
                    self.sector = e.sector.clone();
                }
                if self.country.is_some() || self.org.is_some() {
                    self.via = Via::Title;
                }
            }
            Shape::Person => {
                self.name = e.name.clone();
                self.country = e.country.clone();
                if let Some(role) = e.role_on(date) {
                    self.person_code = Some(role.code.clone());
                    self.country = role.code.get(..3).map(String::from);
                    self.sector = role
                        .code
                        .get(3..6)
                        .map(String::from)
                        .filter(|s| !s.is_empty());
                }
            }
            Shape::Organisation => {
                self.org = Some(e.code.clone());
                self.country = e.country.clone();
                self.sector = e.sector.clone().or(self.sector.take());
                self.name = e.name.clone();
            }
            // "Bosnian Serbs", "Iraqi Kurdish fighters": the first
            // adjective is the state the people live in.
            Shape::Adjective if self.last == Shape::Adjective && self.country.is_some() => {}
            _ => {
                self.country = e.country.clone();
                if shape(e) == Shape::Capital {
                    self.sector = e.sector.clone();
                }
            }
        }
        self.last = shape(e);
    }

    fn extend(&mut self, e: &ActorEntry, end: usize, date: Option<NaiveDate>) {
        let sector = self.sector.clone();
        self.absorb(e, date);
        if matches!(shape(e), Shape::Country | Shape::Capital) && sector.is_some() {
            // "the president of Armenia": the title's sector stays.
            self.sector = sector;
        }
        self.end = end;
        self.entries.push(e.id.clone());
    }

    fn last_is_agent(&self) -> bool {
        matches!(self.last, Shape::Agent { .. })
    }

    fn actor(&self) -> Actor {
        let code = if let Some(c) = &self.person_code {
            c.clone()
        } else if let Some(o) = &self.org {
            o.clone()
        } else if !self.affixes.is_empty() {
            self.country.clone().unwrap_or_else(|| "---".into())
        } else {
            format!(
                "{}{}",
                self.country.as_deref().unwrap_or("---"),
                self.sector.as_deref().unwrap_or("")
            )
        };
        Actor {
            code: with_affixes(code, &self.affixes),
            country: self.country.clone(),
            sector: self.sector.clone(),
            name: self.name.clone(),
        }
    }
}

/// An actor's code with PETRARCH agent codes joined as PETRARCH joins
/// them: `~GOV` after it, `NGO~` before it, each unless the code holds it
/// already, aligned on its three-letter parts ("MSF Arnor diplomat" →
/// `NGOARNGOV`, "White House security officials" → `USAGOV`, but `GMWGOV`
/// with `~WGO` → `GMWGOVWGO`).
fn with_affixes(mut code: String, affixes: &[String]) -> String {
    let holds = |code: &str, part: &str| {
        (0..code.len())
            .step_by(3)
            .any(|i| code.get(i..).is_some_and(|rest| rest.starts_with(part)))
    };
    for affix in affixes {
        match (affix.strip_prefix('~'), affix.strip_suffix('~')) {
            (Some(after), _) if !holds(&code, after) => code.push_str(after),
            (None, Some(before)) if !holds(&code, before) => code.insert_str(0, before),
            _ => {}
        }
    }
    code
}

/// The country of an office (an actor code such as `USAGOV`) whose sector
/// is the `sector` of a body: "the Obama administration" is the office's.
fn office_of_body<'o>(office: &'o str, sector: Option<&str>) -> Option<&'o str> {
    (office.get(3..6) == sector)
        .then(|| office.get(..3))
        .flatten()
}

/// Whether two adjacent shapes join into one mention.
fn joins(left: Shape, right: Shape) -> bool {
    use Shape::*;
    matches!(
        (left, right),
        (Adjective | Country | Capital | Organisation, Agent { .. })
            | (Agent { .. }, Agent { .. })
            | (Agent { title: true }, Person)
            // PETRARCH codes people like countries: "Prime Minister Romendacil" [BRE].
            | (Agent { title: true }, Country)
            | (Adjective, Person)
            | (Adjective, Organisation)
            | (Adjective, Adjective)
    )
}

fn is_name_word(w: &str, tag: &str) -> bool {
    let cap = w.chars().next().is_some_and(char::is_uppercase);
    cap && (tag == "NNP" || tag == "NNPS" || tag.is_empty() || w.ends_with('.') && w.len() == 2)
}

/// The dictionary names in each sentence, before tags are known.
pub fn find_names(doc: &Document, dict: &ActorDictionary) -> Vec<Vec<NameMatch>> {
    let mut words: Vec<&str> = Vec::new();
    doc.sentences
        .iter()
        .map(|sentence| {
            words.clear();
            words.extend(
                doc.tokens[sentence.tokens.clone()]
                    .iter()
                    .map(|t| t.span.slice(&doc.text)),
            );
            dict.find(&words)
        })
        .collect()
}

/// A sentence as actors are found in it: its tokens, their words, and the
/// dictionary matches that name actors there.
struct SentenceWords<'a> {
    text: &'a str,
    toks: &'a [dyad_core::Token],
    words: Vec<&'a str>,
    matches: Vec<NameMatch>,
}

/// Joins to draft `d` the matches from `*i` on that continue its name
/// ("Russia's foreign minister", "the Obama administration", "Vietnamese-led
/// forces", "the president of Armenia"); whether it joined an actor through
/// "of" (PETRARCH agents "of" an actor).
fn join_following(
    d: &mut Draft,
    s: &SentenceWords,
    i: &mut usize,
    dict: &ActorDictionary,
    date: Option<NaiveDate>,
) -> bool {
    let (matches, words, toks) = (&s.matches, &s.words, s.toks);
    let mut through_of = false;
    while let Some(next) = matches.get(*i) {
        let e = dict.entry(next.entry);
        let gap = d.end..next.tokens.start;
        // Every way of joining below has at most two words between.
        if gap.len() > 2 {
            break;
        }
        let between: Vec<String> = words[gap.clone()]
            .iter()
            .map(|w| w.to_lowercase().replace('’', "'"))
            .collect();
        let between: Vec<&str> = between.iter().map(String::as_str).collect();
        // Modifiers between a country and its group: "Irish nationalist
        // guerrillas", "Vietnamese-led forces"; "Russian-backed" is
        // someone else's group, so of hyphenated participles only
        // "-led" and "-based" make it the country's own.
        let hyphenated = gap.clone().any(|k| words[k] == "-");
        let modifiers = !gap.is_empty()
            && gap.len() <= 2
            && if hyphenated {
                gap.len() == 2 && matches!(words[gap.end - 1], "led" | "based")
            } else {
                gap.clone().all(|k| matches!(toks[k].tag, "JJ" | "NN"))
            };
        // "the Obama administration", "a Netanyahu spokesman": a person
        // before a body of the state their office belongs to is that body.
        let persons_body = d.last == Shape::Person
            && matches!(shape(e), Shape::Agent { .. })
            && dict
                .entry(matches[*i - 1].entry)
                .office(date)
                .and_then(|office| office_of_body(office, e.sector.as_deref()))
                .is_some();
        let ok = match between.as_slice() {
            [] if persons_body => {
                d.name = None;
                true
            }
            [] => joins(d.last, shape(e)),
            // "Vietnamese-led forces", "Irish nationalist guerrillas".
            _ if modifiers && matches!(d.last, Shape::Adjective | Shape::Country) => {
                matches!(shape(e), Shape::Agent { .. })
            }
            // "Russia's foreign minister", "South Korea's Moon Jae-in"
            ["'s"] => {
                let person =
                    shape(e) == Shape::Person && matches!(d.last, Shape::Country | Shape::Capital);
                (matches!(shape(e), Shape::Agent { .. }) || person) && d.last != Shape::Place
            }
            ["of"] | ["of", "the"] => {
                through_of = (d.last_is_agent() || d.via == Via::Title)
                    && d.country.is_none()
                    && matches!(
                        shape(e),
                        Shape::Country | Shape::Organisation | Shape::Capital
                    );
                through_of
            }
            _ => false,
        };
        if !ok {
            break;
        }
        d.extend(e, next.tokens.end, date);
        *i += 1;
    }
    through_of
}

/// "the Bush administration", "the Netanyahu government": a surname before
/// a body of the state stands for the office its holder had.
fn take_holder_before(
    d: &mut Draft,
    s: &SentenceWords,
    dict: &ActorDictionary,
    date: Option<NaiveDate>,
) {
    let (matches, words, toks) = (&s.matches, &s.words, s.toks);
    if d.country.is_none() && d.org.is_none() && d.first > 0 {
        let k = d.first - 1;
        let free = !matches.iter().any(|m| m.tokens.contains(&k));
        let holder = (free && is_name_word(words[k], toks[k].tag))
            .then(|| dict.office_by_surname(words[k], date))
            .flatten();
        let body = holder.and_then(|(holder, office)| {
            Some((holder, office_of_body(office, d.sector.as_deref())?))
        });
        if let Some((holder, country)) = body {
            d.country = Some(country.to_string());
            d.first = k;
            d.via = Via::Title;
            d.entries.insert(0, holder.id.clone());
        }
    }
}

/// A title before an unknown capitalised name: the name is the person's
/// ("King Hassan of Morocco", "Algerian President Ahmed Ben Bella").
fn take_name_after_title(
    d: &mut Draft,
    s: &SentenceWords,
    i: &mut usize,
    dict: &ActorDictionary,
    date: Option<NaiveDate>,
) {
    let (matches, words, toks) = (&s.matches, &s.words, s.toks);
    if matches!(d.last, Shape::Agent { title: true }) {
        let start = d.end;
        let mut end = start;
        let name_at = |k: usize| {
            k < words.len()
                && is_name_word(words[k], toks[k].tag)
                && !matches.iter().any(|m| m.tokens.start == k)
        };
        // "Minister Ryoo Kihl-jae": a hyphen and a lower-case syllable
        // written together with the name are part of it
        let syllable = |k: usize| {
            k + 1 < words.len()
                && words[k] == "-"
                && toks[k].span.start == toks[k - 1].span.end
                && toks[k + 1].span.start == toks[k].span.end
                && words[k + 1].chars().all(|c| c.is_ascii_lowercase())
        };
        while name_at(end) {
            end += 1;
            // "President Jean-Bertrand Aristide": a hyphen inside a name.
            if end > start && words.get(end) == Some(&"-") && name_at(end + 1) {
                end += 1;
            } else if syllable(end) {
                end += 2;
                break;
            }
        }
        if end > start {
            d.name = Some(s.text[toks[start].span.start..toks[end - 1].span.end].to_string());
            d.end = end;
            d.via = Via::Title;
            // "President Clinton", "Secretary Kerry": the person of
            // that surname who held that title, by dated roles (a
            // former holder gives only the country).
            if d.country.is_none() {
                let title = words[d.first..start].join(" ").to_lowercase();
                if let Some((person, office)) = dict.titled_person(&title, words[end - 1], date) {
                    let code = office.or_else(|| person.office(date)).unwrap_or("");
                    d.country = code.get(..3).map(String::from);
                    d.sector = office
                        .and_then(|c| c.get(3..))
                        .filter(|s| !s.is_empty())
                        .map(String::from);
                    d.name = person.name.clone();
                    d.entries.push(person.id.clone());
                }
            }
            if let Some(next) = matches.get(*i) {
                let e = dict.entry(next.entry);
                let of = words.get(end).is_some_and(|w| *w == "of") && next.tokens.start == end + 1;
                if of && d.country.is_none() && matches!(shape(e), Shape::Country | Shape::Capital)
                {
                    d.extend(e, next.tokens.end, date);
                    *i += 1;
                }
            }
        }
    }
}

/// The dictionary matches of a sentence that name actors there.
fn usable_matches(
    found: Vec<NameMatch>,
    dict: &ActorDictionary,
    senses: &Senses,
    toks: &[dyad_core::Token],
    words: &[&str],
) -> Vec<NameMatch> {
    // A group noun must be used as a noun: "official" in "official
    // contacts" is an adjective, not an official.
    // A capital or nationality inside an institution's name is no
    // actor: "the Washington Institute" is no government, "the National
    // Iranian American Council" not Iran's. (A country's name there says
    // whose institution it is: "Montenegro Municipality Association".)
    let in_institution_name = |m: &NameMatch| {
        let place = matches!(
            dict.entry(m.entry).kind,
            EntryKind::Adjective | EntryKind::Capital
        );
        // the capitalised words after it, up to the name's end
        let name = words[m.tokens.end..]
            .iter()
            .take_while(|w| w.starts_with(char::is_uppercase));
        place
            && name
                .into_iter()
                .any(|w| senses.is(&w.to_lowercase(), Sense::Institution))
    };
    // "anti-American Iraqis", "pro-Russian separatists": a country
    // after "anti-" or "pro-" is what a group stands against or for,
    // not whose it is.
    let stance = |m: &NameMatch| {
        let country = matches!(
            dict.entry(m.entry).kind,
            EntryKind::Adjective | EntryKind::Country
        );
        let k = m.tokens.start;
        country
            && k >= 2
            && words[k - 1] == "-"
            && matches!(words[k - 2].to_lowercase().as_str(), "anti" | "pro")
    };
    found
        .into_iter()
        .filter(|m| {
            let agent = matches!(dict.entry(m.entry).kind, EntryKind::Agent { .. });
            let group = matches!(dict.entry(m.entry).kind, EntryKind::Agent { title: false });
            let tag = toks[m.tokens.end - 1].tag;
            // "a general election": an agent's word as an adjective
            // names no one
            (!group || tag.is_empty() || tag.starts_with("NN"))
                && (!agent || !tag.starts_with("JJ"))
                && !in_institution_name(m)
                && !stance(m)
        })
        .collect()
}

/// Fills `doc.mentions` from the names [`find_names`] found in each
/// sentence. Sentences the language stage skipped (no event trigger) have
/// no tags; their names still resolve, with the rules that read tags
/// giving them the benefit of the doubt, so that coreference and the
/// document's leading country see every actor.
pub fn resolve_actors(
    doc: &mut Document,
    dict: &ActorDictionary,
    senses: &Senses,
    names: Vec<Vec<NameMatch>>,
) {
    let date = doc.meta.published;
    let mut mentions: Vec<ActorMention> = Vec::new();
    for ((si, sentence), found) in doc.sentences.iter().enumerate().zip(names) {
        if found.is_empty() {
            continue;
        }
        let first_mention = mentions.len();
        // The country of a place the sentence locates things in ("in Nairobi").
        let mut located: Option<(String, String)> = None;
        let toks = &doc.tokens[sentence.tokens.clone()];
        let words: Vec<&str> = toks.iter().map(|t| t.span.slice(&doc.text)).collect();
        let matches = usable_matches(found, dict, senses, toks, &words);
        let s = SentenceWords {
            text: &doc.text,
            toks,
            words,
            matches,
        };
        let (matches, words) = (&s.matches, &s.words);
        // Mentions of this sentence made of PETRARCH agents "of" an actor,
        // with the agents' codes: they extend to the actors coordinated after.
        let mut shared_agents: Vec<(usize, Vec<String>)> = Vec::new();
        let mut i = 0;
        while i < matches.len() {
            let m = &matches[i];
            let mut d = Draft::new(m, dict.entry(m.entry), date);
            // "ethnic Albanians" are a people, not Albania's: the country
            // they are in comes from the context, as for any group.
            let ethnic = d.last == Shape::Adjective
                && d.first > 0
                && words[d.first - 1].eq_ignore_ascii_case("ethnic");
            let starts_with_agent = d.last_is_agent();
            i += 1;
            let through_of = join_following(&mut d, &s, &mut i, dict, date);
            if starts_with_agent {
                take_holder_before(&mut d, &s, dict, date);
            }
            take_name_after_title(&mut d, &s, &mut i, dict, date);
            // "former Secretary of State Hillary Clinton", "ex-President
            // Bill Clinton": no longer in the office the title names, the
            // person is of their country alone, unless they hold another
            // office on the date.
            // (a title before a name the dictionaries lack keeps its sector:
            // the country of such a person comes from the context only
            // through it)
            let known = d.last == Shape::Person && d.name.is_some() && d.person_code.is_none();
            let is_former = |k: usize| senses.is(&words[k].to_lowercase(), Sense::Former);
            let former = known
                && (d.first > 0 && is_former(d.first - 1)
                    || d.first > 1 && words[d.first - 1] == "-" && is_former(d.first - 2));
            if former {
                d.sector = None;
                d.org = None;
            }
            if ethnic && d.org.is_none() && d.name.is_none() {
                d.country = None;
                d.sector.get_or_insert_with(|| ETHNIC_SECTOR.to_string());
            }
            // "in Nairobi", "in northern Iraq", "through central Hong Kong".
            let mut before = d.first;
            while before > 0 && toks[before - 1].tag == "JJ" {
                before -= 1;
            }
            let placed =
                before > 0 && crate::clause::places_groups(&words[before - 1].to_lowercase());
            let bare_place = d.last == Shape::Capital || d.sector.is_none();
            if placed
                && bare_place
                && matches!(d.last, Shape::Place | Shape::Country | Shape::Capital)
            {
                if let Some(c) = &d.country {
                    located.get_or_insert((c.clone(), d.entries.join("+")));
                }
            }
            let span = Span::new(toks[d.first].span.start, toks[d.end - 1].span.end);
            // A PETRARCH compound code ("THE_SHIRE [FRO/BIL/SAM]") names
            // several actors at once: one mention each over the same words,
            // which the coder takes as coordinated.
            if through_of && !d.affixes.is_empty() {
                shared_agents.push((mentions.len() - first_mention, d.affixes.clone()));
            }
            for actor in compound_parts(d.actor()) {
                mentions.push(ActorMention {
                    sentence: si,
                    tokens: sentence.tokens.start + d.first..sentence.tokens.start + d.end,
                    span,
                    actor,
                    via: d.via,
                    entry: d.entries.join("+"),
                    country_from_context: false,
                    person: matches!(d.last, Shape::Person | Shape::Agent { title: true }),
                });
            }
        }
        let sentence_mentions = &mut mentions[first_mention..];
        share_agents(
            words,
            sentence.tokens.start,
            sentence_mentions,
            shared_agents,
        );
        lend_countries(
            doc,
            sentence.tokens.start,
            sentence_mentions,
            located,
            senses,
        );
    }
    lend_nearby_countries(doc, &mut mentions);
    doc.mentions = mentions;
    crate::coref::link(doc, dict, senses);
    names_as_proper_nouns(doc);
}

/// A person's name is a proper noun, whatever the tagger made of its words
/// ("May criticized Russia": not a modal; "Rice said": not rice), so that
/// the verb group and the parse read it as the subject it is.
fn names_as_proper_nouns(doc: &mut Document) {
    for m in &doc.mentions {
        if !m.person || m.actor.name.is_none() {
            continue;
        }
        for k in m.tokens.clone() {
            // "Moon Jae-in": a syllable joined by a hyphen is the name's too
            let joined = k > m.tokens.start + 1
                && doc.slice(doc.tokens[k - 1].span) == "-"
                && doc.tokens[k - 1].span.end == doc.tokens[k].span.start
                && doc.tokens[k - 2].span.end == doc.tokens[k - 1].span.start;
            let t = &mut doc.tokens[k];
            let word = t.span.slice(&doc.text);
            let named = (word.starts_with(char::is_uppercase) || joined) && !t.tag.is_empty();
            if named && !t.tag.starts_with("NNP") && t.tag != "PRP" {
                t.tag = "NNP";
                t.lemma = word.to_lowercase();
            }
        }
    }
}

/// "The ambassadors of Arnor, Osgiliath and Gondor": PETRARCH agents of an
/// actor are those of the actors coordinated with it. `shared` holds, for
/// each mention of the sentence made of agents "of" an actor (as an index
/// into `mentions`, the sentence's), the agents' codes.
fn share_agents(
    words: &[&str],
    sentence_start: usize,
    mentions: &mut [ActorMention],
    shared: Vec<(usize, Vec<String>)>,
) {
    for (first, affixes) in shared {
        for k in first + 1..mentions.len() {
            let gap = &words[mentions[k - 1].tokens.end - sentence_start
                ..mentions[k].tokens.start - sentence_start];
            let coordinated =
                !gap.is_empty() && gap.len() <= 2 && gap.iter().all(|w| matches!(*w, "," | "and"));
            let m = &mut mentions[k];
            if !coordinated || m.actor.sector.is_some() || m.actor.country.is_none() {
                break;
            }
            m.actor.code = with_affixes(m.actor.code.clone(), &affixes);
            m.actor.sector = affixes.first().map(|a| a.trim_matches('~').to_string());
            m.entry = format!("{}+shared agent", m.entry);
        }
    }
}

/// Countries a sentence's mentions (`mentions`, in text order) lend each
/// other: to a group beside an actor of a country, and to those without
/// one, the country of the place the sentence locates things in.
fn lend_countries(
    doc: &Document,
    sentence_start: usize,
    mentions: &mut [ActorMention],
    located: Option<(String, String)>,
    senses: &Senses,
) {
    // "Israeli helicopters and tanks": a country-less group in a
    // coordination takes the country of the adjective before it.
    for k in 1..mentions.len() {
        let (prev, cur) = (&mentions[k - 1], &mentions[k]);
        if cur.actor.country.is_some() || cur.actor.sector.is_none() || prev.actor.country.is_none()
        {
            continue;
        }
        let gap = prev.tokens.end..cur.tokens.start;
        let coordinated = gap.len() <= 3
            && doc.tokens[gap.clone()].iter().any(|t| t.tag == "CC")
            && doc.tokens[gap]
                .iter()
                .all(|t| matches!(t.tag, "CC" | "NN" | "NNS" | "JJ" | ","));
        if coordinated {
            let country = prev.actor.country.clone();
            let cur = &mut mentions[k];
            cur.actor.code = format!(
                "{}{}",
                country.as_deref().unwrap_or(""),
                cur.actor.sector.as_deref().unwrap_or("")
            );
            cur.actor.country = country;
            cur.entry = format!("{}+coordinated", cur.entry);
        }
    }
    // "U.S. and Iraqi forces", "American and British officials": a
    // country alone before "and" and a country's group shares the group.
    for k in (1..mentions.len()).rev() {
        let (prev, cur) = (&mentions[k - 1], &mentions[k]);
        let bare_country = prev.actor.sector.is_none()
            && prev.actor.name.is_none()
            && prev.actor.country.is_some()
            && prev.entry.starts_with("countries:")
            && !prev.entry.contains('+');
        let group = cur.actor.sector.is_some()
            && cur.actor.name.is_none()
            && cur.entry.starts_with("countries:")
            && cur.entry.contains("+agents:");
        let gap = prev.tokens.end..cur.tokens.start;
        let coordinated =
            gap.len() == 1 && matches!(doc.slice(doc.tokens[gap.start].span), "and" | "or");
        if bare_country && group && coordinated {
            let sector = cur.actor.sector.clone();
            let prev = &mut mentions[k - 1];
            prev.actor.code = format!(
                "{}{}",
                prev.actor.country.as_deref().unwrap_or(""),
                sector.as_deref().unwrap_or("")
            );
            prev.actor.sector = sector;
            prev.entry = format!("{}+shared group", prev.entry);
        }
    }
    lend_owners_country(doc, sentence_start, mentions);
    // "Gen. Nicholas Carter, the United Kingdom's Chief of Defense
    // Staff": a country-less person or group takes the country of the
    // apposition right after it.
    for k in 1..mentions.len() {
        let (prev, cur) = (&mentions[k - 1], &mentions[k]);
        let Some(gap) = doc.tokens.get(prev.tokens.end..cur.tokens.start) else {
            continue; // one mention over the other's words
        };
        let apposed = matches!(gap, [comma, ..] if comma.tag == ",")
            && gap[1..].iter().all(|t| t.tag == "DT" || t.tag == "JJ")
            && gap.len() <= 3;
        // "the Republicans' François Fillon": a possessive is no apposition
        let possessive = doc
            .tokens
            .get(cur.tokens.end)
            .is_some_and(|t| t.tag == "POS");
        if !apposed || possessive || prev.actor.country.is_some() || cur.actor.sector.is_none() {
            continue;
        }
        if let Some(country) = cur.actor.country.clone() {
            place(&mut mentions[k - 1], &country, "apposition");
        }
    }
    // "a top official from the U.N.'s International Atomic Energy Agency",
    // "officials of the Iranian government": a country-less group takes the
    // country of the actor it is from or of, right after it, before that of
    // the place it is in; a group of an international body is that body's.
    // One who speaks for an actor ("a spokesman for the Muslim Brotherhood",
    // "a spokeswoman for China") is that actor's, a group's or body's own
    // code.
    for k in 1..mentions.len() {
        let (cur, next) = (&mentions[k - 1], &mentions[k]);
        let Some(gap) = doc.tokens.get(cur.tokens.end..next.tokens.start) else {
            continue;
        };
        let speaker = senses.is(&doc.tokens[cur.tokens.end - 1].lemma, Sense::Representative);
        let from = matches!(gap, [p, rest @ ..]
            if (matches!(doc.slice(p.span), "from" | "of") || speaker && doc.slice(p.span) == "for")
                && rest.iter().all(|t| matches!(t.tag, "DT" | "POS" | "NNP")));
        if !from
            || cur.actor.country.is_some()
            || cur.actor.sector.is_none()
            || cur.actor.name.is_some()
        {
            continue;
        }
        let body = matches!(next.actor.code.get(..3), Some("IGO" | "NGO" | "IMG"))
            || speaker && next.actor.sector.is_some() && !next.person;
        match next.actor.country.clone() {
            _ if body => {
                let body = next.actor.clone();
                let cur = &mut mentions[k - 1];
                cur.actor.code = body.code;
                cur.actor.country = body.country;
                cur.actor.sector = body.sector;
                cur.entry = format!("{}+from", cur.entry);
                cur.via = Via::Title;
            }
            Some(country) => place(&mut mentions[k - 1], &country, "from"),
            None => {}
        }
    }
    // A group without a country takes the country it is located in
    // ("students demonstrated in Nairobi" → KEN students), or else the
    // one country the sentence names ("President Askar Akayev agreed to
    // resign without returning to Kyrgyzstan").
    if let Some((country, entry)) = located {
        for m in mentions.iter_mut() {
            place(m, &country, &format!("located:{entry}"));
        }
    }
}

/// A country-less group an actor owns is of the owner's country, not of the
/// place it is in: after the owner's possessive ("China's top envoy in
/// Kenya", "the State Department's security official in Libya") or after
/// "whose" ("Mr. Putin, whose military is backing Assad").
fn lend_owners_country(doc: &Document, sentence_start: usize, mentions: &mut [ActorMention]) {
    for k in 1..mentions.len() {
        let start = mentions[k].tokens.start;
        let word = |i: usize| doc.slice(doc.tokens[i].span);
        let mut before = start;
        while before > sentence_start && doc.tokens[before - 1].tag == "JJ" {
            before -= 1;
        }
        let owner_end = if before > sentence_start + 1 && doc.tokens[before - 1].tag == "POS" {
            Some((before - 1, "possessor"))
        } else if start >= sentence_start + 2
            && doc.tokens[start - 1].tag == "WP$"
            && word(start - 1).eq_ignore_ascii_case("whose")
        {
            Some((start - 1 - usize::from(word(start - 2) == ","), "whose"))
        } else {
            None
        };
        let Some((end, why)) = owner_end.filter(|_| mentions[k].actor.country.is_none()) else {
            continue;
        };
        let owner = mentions[..k]
            .iter()
            .rev()
            .find(|m| m.tokens.end == end)
            .and_then(|m| m.actor.country.clone());
        if let Some(country) = owner {
            place(&mut mentions[k], &country, why);
        }
    }
}

/// Groups still without a country take the one the text around them names:
/// the country leading in their sentence and the two before it, else the
/// story's dateline's; never merely the document's most frequent one, which
/// may be a country talked about far away. PETRARCH codes a bare agent as
/// such ("students" → `---EDU`). Mentions are in sentence order: windows are
/// found by binary search, and each sentence's dateline in one pass, so that
/// this stays linear in a long document.
fn lend_nearby_countries(doc: &Document, mentions: &mut [ActorMention]) {
    let datelines = story_datelines(doc);
    let of_sentences = |from: usize, to: usize| {
        let first = mentions.partition_point(|m| m.sentence < from);
        let end = mentions.partition_point(|m| m.sentence <= to);
        mentions[first..end].iter()
    };
    let nearby: Vec<Option<String>> = (0..mentions.len())
        .map(|k| {
            let si = mentions[k].sentence;
            if mentions[k].actor.country.is_some() || mentions[k].entry.starts_with(PETRARCH_AGENT)
            {
                return None;
            }
            leading_country(of_sentences(si.saturating_sub(2), si)).or_else(|| {
                let dateline = datelines[si]?;
                leading_country(of_sentences(dateline, dateline))
            })
        })
        .collect();
    for (m, country) in mentions.iter_mut().zip(nearby) {
        if let Some(country) = country {
            place(m, &country, "nearby");
        }
    }
}

/// The actors a code joined by `/` stands for, each with the country and
/// sector of its own code; any other actor alone.
fn compound_parts(actor: Actor) -> Vec<Actor> {
    if !actor.code.contains('/') {
        return vec![actor];
    }
    actor
        .code
        .split('/')
        .map(|code| Actor {
            code: code.to_string(),
            country: code.get(..3).map(String::from),
            sector: code.get(3..).filter(|s| !s.is_empty()).map(String::from),
            name: actor.name.clone(),
        })
        .collect()
}

/// Gives a country to a group that lacks one ("police" → KENCOP).
fn place(m: &mut ActorMention, country: &str, why: &str) {
    if m.actor.country.is_none() && m.actor.sector.is_some() {
        m.actor.code = format!("{country}{}", m.actor.sector.as_deref().unwrap_or(""));
        m.actor.country = Some(country.to_string());
        m.entry = format!("{}+{why}", m.entry);
        m.via = Via::Title;
        m.country_from_context = true;
    }
}

/// For each sentence, the last dateline at or before it in its story.
fn story_datelines(doc: &Document) -> Vec<Option<usize>> {
    let mut out = Vec::with_capacity(doc.sentences.len());
    let mut story = None;
    let mut dateline = None;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let this = doc.sentence_story(si).map(|s| s.span);
        if this != story {
            story = this;
            dateline = None;
        }
        if sentence.kind == SentenceKind::Dateline {
            dateline = Some(si);
        }
        out.push(dateline);
    }
    out
}

/// The country named most often by these actors, if no other ties it.
fn leading_country<'m>(mentions: impl Iterator<Item = &'m ActorMention>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    // Only countries the text names count, not those given by context.
    for c in mentions
        .filter(|m| !m.country_from_context)
        .filter_map(|m| m.actor.country.as_deref())
        .filter(|c| dyad_core::is_state(c))
    {
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some(entry) => entry.1 += 1,
            None => counts.push((c, 1)),
        }
    }
    counts.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    match counts.as_slice() {
        [(c, _)] => Some(c.to_string()),
        [(c, a), (_, b), ..] if a > b => Some(c.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn petrarch_agents_join_before_or_after_unless_held_on_a_part_boundary() {
        let affixes = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            with_affixes("ARN".into(), &affixes(&["NGO~", "~GOV"])),
            "NGOARNGOV"
        );
        assert_eq!(with_affixes("USAGOV".into(), &affixes(&["~GOV"])), "USAGOV");
        // WGO sits inside GMWGOV, but not on a three-letter boundary.
        assert_eq!(
            with_affixes("GMWGOV".into(), &affixes(&["~WGO"])),
            "GMWGOVWGO"
        );
        assert_eq!(with_affixes("---".into(), &affixes(&["~GOV"])), "---GOV");
    }
}
