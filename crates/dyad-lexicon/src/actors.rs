//! Actor names (countries, capitals, places, organisations, people, agents)
//! compiled into one automaton over normalized token sequences.
//!
//! A name and a sentence are normalized the same way: tokenized by dyad's
//! tokenizer, lower-cased, curly apostrophes straightened, and each token
//! wrapped in a separator byte. A match therefore always starts and ends on
//! token boundaries ("Russia" never matches inside "Russian"), and a
//! possessive is its own token ("Washington's" → `Washington` `'s`). Case is
//! checked after matching: a capitalised name needs capitalised text, and a
//! short all-capitals acronym ("US", "UN") needs exactly that text.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use chrono::NaiveDate;
use dyad_text::Tokenizer;

use crate::{table, DictError};

const SEP: char = '\u{1}';

/// How the ids of entries read from PETRARCH agent dictionaries start.
pub const PETRARCH_AGENT: &str = "petrarch-agents:";

/// A dated role of a person: `RUSGOV 2000-05-07 2008-05-07 president`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    pub code: String,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub title: String,
    /// How high the office stands where several people share a surname,
    /// for one who heads a state or its government (`agents.tsv`'s `heads`:
    /// its leader 0, its head 1, the head of its government 2); "acting"
    /// and "interim" holders rank as the office. `None` for other offices.
    pub rank: Option<u8>,
}

/// The ranks of `agents.tsv`'s `heads` column.
const HEADS: [(&str, u8); 3] = [("leader", 0), ("state", 1), ("government", 2)];

/// The code all these roles share, if they share one.
fn shared_code<'r>(mut roles: impl Iterator<Item = &'r Role>) -> Option<&'r str> {
    let first = roles.next()?;
    roles
        .all(|r| r.code == first.code)
        .then_some(first.code.as_str())
}

/// What kind of thing a name names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryKind {
    /// A state or territory.
    Country,
    /// An adjective or demonym ("Russian", "Ivorians").
    Adjective,
    /// A capital or seat of power, standing for the government.
    Capital,
    /// Another place in a country (a city or region).
    Place,
    /// An organisation or movement.
    Organisation,
    /// A person with dated roles.
    Person(Vec<Role>),
    /// A title or group noun giving a sector; `title` when it can precede a name.
    Agent { title: bool },
}

/// A dictionary entry: what a name resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorEntry {
    pub kind: EntryKind,
    /// Full actor code (`RUS`, `RUSGOV`, `IGOUNO`); for agents, the sector
    /// (for PETRARCH agents, their code as written: `~GOV`, `NGO~`).
    pub code: String,
    pub country: Option<String>,
    pub sector: Option<String>,
    pub name: Option<String>,
    /// Where the entry comes from, e.g. `countries:RUS`.
    pub id: String,
}

impl ActorEntry {
    /// The actor code of the office a person holds on `date`; outside every
    /// role, the one their roles heading a state or government share (a
    /// former president's administration was still the government, though
    /// he was a senator before), else the one all their roles share.
    pub fn office(&self, date: Option<NaiveDate>) -> Option<&str> {
        if let Some(role) = self.role_on(date) {
            return Some(&role.code);
        }
        let EntryKind::Person(roles) = &self.kind else {
            return None;
        };
        if roles.iter().any(|r| r.rank.is_some()) {
            shared_code(roles.iter().filter(|r| r.rank.is_some()))
        } else {
            shared_code(roles.iter())
        }
    }

    /// Whether the person ever headed a state or government.
    fn ever_headed(&self) -> bool {
        matches!(&self.kind, EntryKind::Person(roles) if roles.iter().any(|r| r.rank.is_some()))
    }

    /// The role a person held on a date, or `None` outside every role. On
    /// an unknown date (`None`) only a role without dates holds.
    pub fn role_on(&self, date: Option<NaiveDate>) -> Option<&Role> {
        let holds = |r: &&Role| match date {
            Some(date) => r.start.is_none_or(|s| s <= date) && r.end.is_none_or(|e| date <= e),
            None => r.start.is_none() && r.end.is_none(),
        };
        match &self.kind {
            EntryKind::Person(roles) => roles.iter().find(holds),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    /// Lower-case entry: any case matches.
    Any,
    /// Capitalised entry: the text must start with a capital.
    Capital,
    /// Short acronym: the text must be exactly as written.
    Exact,
}

/// A name found in a token sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameMatch {
    /// Token indices within the slice searched.
    pub tokens: Range<usize>,
    pub entry: usize,
}

/// The words a person's name is shortened to: its last word, unless that
/// is a suffix ("Jr.") or an initial, and that word without a lower-case
/// article joined to it ("Bashar al-Assad": "al-Assad" and "Assad").
pub fn surnames(name: &str) -> impl Iterator<Item = &str> {
    let last = name
        .split_whitespace()
        .last()
        .filter(|w| w.len() > 2 && !w.ends_with('.'));
    let bare = last.and_then(|w| {
        let (article, rest) = w.split_once('-')?;
        (article.chars().all(char::is_lowercase) && rest.len() > 2).then_some(rest)
    });
    last.into_iter().chain(bare)
}

/// The first word of a name of several words, written family name first
/// ("Kim" of "Kim Jong Un"; family names may be two letters: "Xi", "Li").
fn family_name(name: &str) -> Option<&str> {
    let mut words = name.split_whitespace();
    let first = words.next()?;
    (words.next().is_some() && first.len() >= 2 && first.chars().all(char::is_alphabetic))
        .then_some(first)
}

/// The compiled actor dictionary.
#[derive(Debug)]
pub struct ActorDictionary {
    entries: Vec<ActorEntry>,
    /// Per automaton pattern: the entry and the case rule of the name.
    names: Vec<(usize, Case, String)>,
    automaton: AhoCorasick,
    /// People by the last word of their names, lower case (and by the
    /// first, for names written family name first).
    surnames: HashMap<String, Vec<usize>>,
    /// Names (lower case) written family name first ("kim jong un").
    family_first_names: HashSet<String>,
    /// Halves of a divided country named by their side alone ("the North"
    /// of Korea): (word, country, the other half).
    halves: Vec<(String, String, String)>,
}

impl ActorDictionary {
    /// Number of names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    pub fn entry(&self, i: usize) -> &ActorEntry {
        &self.entries[i]
    }

    /// The office on `date` (see [`ActorEntry::office`]) of the people whose
    /// names end in `surname`, where all of them with an office have that
    /// one ("the Bush administration" is the US government), or else all of
    /// them who ever headed a state or government ("the Clinton
    /// administration" of 2005, when Hillary Clinton was a senator), with
    /// the one of them in office on the day, or else the first.
    pub fn office_by_surname(
        &self,
        surname: &str,
        date: Option<NaiveDate>,
    ) -> Option<(&ActorEntry, &str)> {
        let people = self.surnames.get(&surname.to_lowercase())?;
        let agreed = |heads_only: bool| {
            let mut offices = people
                .iter()
                .map(|&i| &self.entries[i])
                .filter(|e| !heads_only || e.ever_headed())
                .filter_map(|e| Some((e, e.office(date)?)));
            let (first, office) = offices.next()?;
            offices.all(|(_, o)| o == office).then_some((first, office))
        };
        // "the Clinton administration" of 2005: the Clinton who headed one
        let (first, office) = agreed(false).or_else(|| agreed(true))?;
        // the one in office on the day, where one is
        let holder = people
            .iter()
            .map(|&i| &self.entries[i])
            .find(|e| e.role_on(date).is_some())
            .unwrap_or(first);
        Some((holder, office))
    }

    /// Whether `word` is the last word of some person's name ("Assad").
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains_key(&word.to_lowercase())
    }

    /// The country a capitalised side names after "the" ("North": North
    /// Korea) in a text naming `named` countries: the half of a divided
    /// country whose other half, or itself, the text names.
    pub fn half(&self, word: &str, named: &HashSet<&str>) -> Option<&str> {
        self.halves
            .iter()
            .find(|(w, code, other)| {
                w == word && (named.contains(other.as_str()) || named.contains(code.as_str()))
            })
            .map(|(_, code, _)| code.as_str())
    }

    /// The words a person's name is shortened to: its [`surnames`], and
    /// for a name written family name first, that name ("Kim" of "Kim Jong
    /// Un", "Xi" of "Xi Jinping").
    pub fn surnames_of<'n>(&self, name: &'n str) -> impl Iterator<Item = &'n str> {
        let family =
            family_name(name).filter(|_| self.family_first_names.contains(&name.to_lowercase()));
        surnames(name).chain(family)
    }

    /// The people whose names end in `surname` who hold a role on `date`,
    /// with that role ("Assad" in 2012: Bashar al-Assad, president of
    /// Syria). Only the name as first written counts: "Moon" is not "Ban
    /// Ki Moon", a spelling of Ban Ki-moon's.
    pub fn holders_by_surname(
        &self,
        surname: &str,
        date: Option<NaiveDate>,
    ) -> Vec<(&ActorEntry, &Role)> {
        let key = surname.to_lowercase();
        let Some(people) = self.surnames.get(&key) else {
            return Vec::new();
        };
        people
            .iter()
            .map(|&i| &self.entries[i])
            .filter(|e| {
                e.name
                    .as_deref()
                    .is_some_and(|n| self.surnames_of(n).any(|s| s.to_lowercase() == key))
            })
            .filter_map(|e| Some((e, e.role_on(date)?)))
            .collect()
    }

    /// The person a title and a surname name ("President Clinton"): of the
    /// people whose names end in `surname`, the one who held a role of that
    /// `title` (lower case) on `date`, with its actor code; else the one
    /// person who ever held such a role, with `None` (a former holder).
    pub fn titled_person(
        &self,
        title: &str,
        surname: &str,
        date: Option<NaiveDate>,
    ) -> Option<(&ActorEntry, Option<&str>)> {
        let people: Vec<&ActorEntry> = self
            .surnames
            .get(&surname.to_lowercase())?
            .iter()
            .map(|&i| &self.entries[i])
            .collect();
        let roles = |e: &'_ ActorEntry| match &e.kind {
            EntryKind::Person(roles) => roles.clone(),
            _ => Vec::new(),
        };
        let titled = |r: &Role| r.title == title;
        let current = people.iter().find_map(|e| {
            let role = e.role_on(date).filter(|r| titled(r))?;
            Some((*e, role.code.as_str()))
        });
        if let Some((e, code)) = current {
            return Some((e, Some(code)));
        }
        let mut former = people.iter().filter(|e| roles(e).iter().any(titled));
        match (former.next(), former.next()) {
            (Some(e), None) => Some((*e, None)),
            _ => None,
        }
    }

    /// Non-overlapping names in a token sequence, leftmost-longest.
    pub fn find(&self, tokens: &[&str]) -> Vec<NameMatch> {
        let mut key = String::with_capacity(tokens.iter().map(|t| t.len() + 2).sum());
        let mut starts = Vec::with_capacity(tokens.len());
        for t in tokens {
            starts.push(key.len());
            push_token(&mut key, t);
        }
        let mut out = Vec::new();
        let mut at = 0;
        while let Some(m) = self
            .automaton
            .find(aho_corasick::Input::new(&key).range(at..))
        {
            let first = starts.partition_point(|&s| s < m.start());
            let last = starts.partition_point(|&s| s < m.end());
            // A name inside one token covers no whole token: "@J_Tsar" does
            // not hold "Tsar".
            if first == last {
                match starts.get(first) {
                    Some(&next) if next > at => at = next,
                    _ => break,
                }
                continue;
            }
            let (entry, case, written) = &self.names[m.pattern().as_usize()];
            if case_ok(*case, written, &tokens[first..last]) {
                out.push(NameMatch {
                    tokens: first..last,
                    entry: *entry,
                });
                at = m.end();
            } else {
                // "southern Lebanon" is not "Southern Lebanon", but it holds
                // "Lebanon": search again from the next token.
                match starts.get(first + 1) {
                    Some(&next) => at = next,
                    None => break,
                }
            }
        }
        out
    }
}

fn push_token(key: &mut String, token: &str) {
    key.push(SEP);
    if token.is_ascii() && !token.contains('_') {
        let start = key.len();
        key.push_str(token);
        key[start..].make_ascii_lowercase();
        key.push(SEP);
        return;
    }
    for c in token.chars() {
        match c {
            '’' | '‘' => key.push('\''),
            // Words joined as dictionaries join them ("Dol_Amroth") are
            // words of a name.
            '_' => {
                key.push(SEP);
                key.push(SEP);
            }
            c => key.extend(c.to_lowercase()),
        }
    }
    key.push(SEP);
}

fn case_of(name: &str) -> Case {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    // "al-Qaeda" is written lower-case first: any case matches.
    if letters.first().is_none_or(|c| c.is_lowercase()) {
        Case::Any
    } else if letters.len() <= 4 && letters.iter().all(|c| c.is_uppercase()) {
        Case::Exact
    } else {
        Case::Capital
    }
}

fn case_ok(case: Case, written: &str, tokens: &[&str]) -> bool {
    match case {
        Case::Any => true,
        Case::Capital => tokens
            .first()
            .and_then(|t| t.chars().find(|c| c.is_alphabetic()))
            .is_some_and(char::is_uppercase),
        Case::Exact => {
            // "UN" and "US" exactly; three- and four-letter acronyms also in
            // title case ("Nato", "Opec").
            let text: String = tokens.concat();
            let written: String = written.split_whitespace().collect();
            let mut chars = written.chars();
            let title: String = chars
                .next()
                .into_iter()
                .chain(chars.flat_map(char::to_lowercase))
                .collect();
            text == written || (written.len() >= 3 && text == title)
        }
    }
}

/// Collects entries from the dictionary files, then compiles them.
pub(crate) struct Builder<'t> {
    tokenizer: &'t Tokenizer,
    entries: Vec<ActorEntry>,
    names: Vec<(usize, Case, String)>,
    keys: Vec<String>,
    seen: HashMap<String, usize>,
    surnames: HashMap<String, Vec<usize>>,
    /// Countries whose people's names are written family name first.
    family_first: HashSet<String>,
    /// (word, country, other half) of `countries.tsv`'s `half` column.
    halves: Vec<(String, String, String)>,
    /// Each person's entry and names, for their family names once the
    /// countries are read.
    people: Vec<(usize, Vec<String>)>,
    /// The rank of each title heading a state or its government.
    heads: HashMap<String, u8>,
}

impl<'t> Builder<'t> {
    pub fn new(tokenizer: &'t Tokenizer) -> Self {
        Builder {
            tokenizer,
            entries: Vec::new(),
            names: Vec::new(),
            keys: Vec::new(),
            seen: HashMap::new(),
            surnames: HashMap::new(),
            family_first: HashSet::new(),
            halves: Vec::new(),
            people: Vec::new(),
            heads: HashMap::new(),
        }
    }

    fn add(&mut self, entry: ActorEntry, names: &[&str]) {
        self.add_cased(entry, names, case_of);
    }

    /// Adds an entry whose names follow the case rule `case` gives them.
    fn add_cased(&mut self, entry: ActorEntry, names: &[&str], case: fn(&str) -> Case) {
        let index = self.entries.len();
        self.entries.push(entry);
        for name in names {
            let spans = self.tokenizer.tokenize(name, 0, name.len());
            let mut key = String::new();
            for s in &spans {
                push_token(&mut key, &name[s.start..s.end]);
            }
            // Files load in priority order; an earlier entry keeps a shared name.
            if key.is_empty() || self.seen.contains_key(&key) {
                continue;
            }
            self.seen.insert(key.clone(), index);
            self.names.push((index, case(name), name.to_string()));
            self.keys.push(key);
        }
    }

    /// `countries.tsv`: code, name, names, adjectives, capitals, seats,
    /// places, family_first, half.
    pub fn countries(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        let cols = [
            "code",
            "name",
            "names",
            "adjectives",
            "capitals",
            "seats",
            "places",
        ];
        table::read(file, text, &cols, |row| {
            let code = row.required("code")?;
            let half = row.get("half");
            if !half.is_empty() {
                let (word, other) = half
                    .split_once('/')
                    .filter(|(w, o)| !w.is_empty() && o.len() == 3)
                    .ok_or_else(|| row.error(format!("half is WORD/CODE, not `{half}`")))?;
                self.halves
                    .push((word.to_string(), code.to_string(), other.to_string()));
            }
            match row.get("family_first") {
                "" => {}
                "yes" => {
                    self.family_first.insert(code.to_string());
                }
                other => {
                    return Err(row.error(format!("family_first is yes or empty, not `{other}`")))
                }
            }
            let name = row.required("name")?;
            let country = Some(code.to_string());
            let entry =
                |kind, code: String, sector: Option<&str>, display: Option<&str>| ActorEntry {
                    kind,
                    code,
                    country: country.clone(),
                    sector: sector.map(String::from),
                    name: display.map(String::from),
                    id: format!("countries:{}", row.get("code")),
                };
            let mut names = vec![name];
            names.extend(row.list("names"));
            self.add(
                entry(EntryKind::Country, code.to_string(), None, None),
                &names,
            );
            let adjectives: Vec<&str> = row.list("adjectives").collect();
            self.add(
                entry(EntryKind::Adjective, code.to_string(), None, None),
                &adjectives,
            );
            for capital in row.list("capitals").chain(row.list("seats")) {
                self.add(
                    entry(EntryKind::Capital, format!("{code}GOV"), Some("GOV"), None),
                    &[capital],
                );
            }
            let places: Vec<&str> = row.list("places").collect();
            self.add(
                entry(EntryKind::Place, code.to_string(), None, None),
                &places,
            );
            Ok(())
        })
    }

    /// `organisations.tsv`: code, country, sector, name, names.
    pub fn organisations(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        let cols = ["code", "country", "sector", "name", "names"];
        table::read(file, text, &cols, |row| {
            let code = row.required("code")?;
            let name = row.required("name")?;
            let opt = |c: &str| Some(row.get(c).to_string()).filter(|s| !s.is_empty());
            let entry = ActorEntry {
                kind: EntryKind::Organisation,
                code: code.to_string(),
                country: opt("country"),
                sector: opt("sector"),
                name: Some(name.to_string()),
                id: format!("organisations:{code}"),
            };
            let mut names = vec![name];
            names.extend(row.list("names"));
            self.add(entry, &names);
            Ok(())
        })
    }

    /// `agents.tsv`: phrase, sector, kind (`title` or `group`), and for a
    /// title heading a state or its government its `heads` (optional).
    pub fn agents(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        table::read(file, text, &["phrase", "sector", "kind"], |row| {
            let phrase = row.required("phrase")?;
            let sector = row.required("sector")?;
            let title = match row.get("kind") {
                "title" => true,
                "group" | "" => false,
                k => return Err(row.error(format!("kind must be `title` or `group`, not `{k}`"))),
            };
            match row.get("heads") {
                "" => {}
                heads => {
                    let rank = HEADS.iter().find(|(h, _)| *h == heads).map(|&(_, r)| r);
                    let rank = rank.ok_or_else(|| {
                        row.error(format!(
                            "heads is leader, state or government, not `{heads}`"
                        ))
                    })?;
                    self.heads.insert(phrase.to_lowercase(), rank);
                }
            }
            let entry = ActorEntry {
                kind: EntryKind::Agent { title },
                code: sector.to_string(),
                country: None,
                sector: Some(sector.to_string()),
                name: None,
                id: format!("agents:{phrase}"),
            };
            self.add(entry, &[phrase]);
            Ok(())
        })
    }

    /// `people.txt`: a line of names separated by ` | `, then indented role
    /// lines `CODE START END TITLE` (dates `YYYY-MM-DD`, `-` when open).
    pub fn people(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        let mut current: Option<(Vec<String>, Vec<Role>, usize)> = None;
        let finish = |b: &mut Self,
                      person: Option<(Vec<String>, Vec<Role>, usize)>|
         -> Result<(), DictError> {
            if let Some((names, roles, line)) = person {
                let Some(first) = roles.first() else {
                    return Err(DictError::new(
                        file,
                        line,
                        format!("`{}` has no role line", names[0]),
                    ));
                };
                let country = first.code.get(..3).map(String::from);
                let entry = ActorEntry {
                    kind: EntryKind::Person(roles.clone()),
                    code: country.clone().unwrap_or_default(),
                    country,
                    sector: None,
                    name: Some(names[0].clone()),
                    id: format!("people:{}", names[0]),
                };
                let refs: Vec<&str> = names.iter().map(String::as_str).collect();
                let index = b.entries.len();
                b.add(entry, &refs);
                b.people.push((index, names.clone()));
                let surnames = names
                    .iter()
                    .flat_map(|n| surnames(n))
                    .map(str::to_lowercase);
                for surname in surnames {
                    let people = b.surnames.entry(surname).or_default();
                    if !people.contains(&index) {
                        people.push(index);
                    }
                }
            }
            Ok(())
        };
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let content = raw.split('#').next().unwrap_or("").trim_end();
            if content.trim().is_empty() {
                continue;
            }
            if raw.starts_with([' ', '\t']) {
                let Some((_, roles, _)) = current.as_mut() else {
                    return Err(DictError::new(file, line, "role line before any name line"));
                };
                roles.push(parse_role(content.trim()).map_err(|m| DictError::new(file, line, m))?);
            } else {
                let names: Vec<String> = content
                    .split('|')
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .collect();
                if names.is_empty() {
                    return Err(DictError::new(file, line, "name line without a name"));
                }
                let previous = current.replace((names, Vec::new(), line));
                finish(self, previous)?;
            }
        }
        finish(self, current.take())
    }

    /// PETRARCH actors (`crate::petrarch::actors`), written in capitals and
    /// matched in any case but a capital first letter (any case for names
    /// starting with THE). A three-letter code is a country, which agents
    /// join ("Arnor cleric" → `ARNREL`); a longer one an organisation whose
    /// code stands as written (`USAGOV`, `IGOCOPITP`), a compound one
    /// (`ELR/GAL`) split into its actors when found; dated codes make a
    /// person-like entry whose code on a date is the first listed code
    /// holding it, else the undated default.
    pub fn petrarch_actors(
        &mut self,
        file: &str,
        actors: &[crate::petrarch::actors::Actor],
        warnings: &mut Vec<DictError>,
    ) {
        for actor in actors {
            let (undated, dated): (Vec<_>, Vec<_>) = actor
                .codes
                .iter()
                .partition(|c| c.from.is_none() && c.until.is_none());
            if undated.len() > 1 {
                warnings.push(DictError::new(
                    file,
                    actor.line,
                    format!(
                        "`{}` has {} undated codes: the first is used",
                        actor.names[0],
                        undated.len()
                    ),
                ));
            }
            let name = Some(actor.names[0].clone());
            let id = format!("petrarch:{}", actor.names[0]);
            let entry = if dated.is_empty() {
                let code = undated[0].code.clone();
                let single = (!code.contains('/')).then_some(code.as_str());
                let country = single.and_then(|c| c.get(..3)).map(String::from);
                let sector = single
                    .and_then(|c| c.get(3..))
                    .filter(|s| !s.is_empty())
                    .map(String::from);
                let country_like = code.len() == 3 && code.chars().all(|c| c.is_ascii_alphabetic());
                ActorEntry {
                    kind: if country_like {
                        EntryKind::Country
                    } else {
                        EntryKind::Organisation
                    },
                    code,
                    country,
                    sector,
                    name: name.filter(|_| !country_like),
                    id,
                }
            } else {
                let roles: Vec<Role> = dated
                    .iter()
                    .chain(undated.first())
                    .map(|c| Role {
                        code: c.code.clone(),
                        start: c.from,
                        end: c.until,
                        title: String::new(),
                        rank: None,
                    })
                    .collect();
                let country = roles[0].code.get(..3).map(String::from);
                ActorEntry {
                    kind: EntryKind::Person(roles),
                    code: country.clone().unwrap_or_default(),
                    country,
                    sector: None,
                    name,
                    id,
                }
            };
            let names: Vec<&str> = actor.names.iter().map(String::as_str).collect();
            // "the Shire" for THE_SHIRE: a leading article may be lower case.
            self.add_cased(entry, &names, |name| {
                if name.starts_with("THE ") {
                    Case::Any
                } else {
                    Case::Capital
                }
            });
        }
    }

    /// PETRARCH agents (`crate::petrarch::agents`), matched in any case; a
    /// singular form is a title that can stand before a name, a plural a
    /// group. An agent's code is written as PETRARCH does, `~GOV` or
    /// `NGO~`: joined after or before its actor's code; its sector is the
    /// code without `~`.
    pub fn petrarch_agents(&mut self, agents: &[crate::petrarch::agents::Agent]) {
        for agent in agents {
            let code = if agent.prefix {
                format!("{}~", agent.code)
            } else {
                format!("~{}", agent.code)
            };
            for (form, plural) in &agent.forms {
                let entry = ActorEntry {
                    kind: EntryKind::Agent { title: !plural },
                    code: code.clone(),
                    country: None,
                    sector: Some(agent.code.clone()),
                    name: None,
                    id: format!("{PETRARCH_AGENT}{form}"),
                };
                self.add_cased(entry, &[form.as_str()], |_| Case::Any);
            }
        }
    }

    pub fn build(mut self) -> ActorDictionary {
        for entry in &mut self.entries {
            if let EntryKind::Person(roles) = &mut entry.kind {
                for role in roles {
                    role.rank = self.heads.get(&role.title.to_lowercase()).copied();
                }
            }
        }
        // "Kim" of Kim Jong Un, "Xi" of Xi Jinping: the family name of the
        // people of a country whose names are written family name first.
        let mut family_first_names = HashSet::new();
        for (index, names) in std::mem::take(&mut self.people) {
            let EntryKind::Person(roles) = &self.entries[index].kind else {
                continue;
            };
            let of_such_country = roles.iter().any(|r| {
                r.code
                    .get(..3)
                    .is_some_and(|c| self.family_first.contains(c))
            });
            if !of_such_country {
                continue;
            }
            for name in names {
                if let Some(family) = family_name(&name) {
                    let people = self.surnames.entry(family.to_lowercase()).or_default();
                    if !people.contains(&index) {
                        people.push(index);
                    }
                    family_first_names.insert(name.to_lowercase());
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&self.keys)
            .expect("actor automaton");
        ActorDictionary {
            entries: self.entries,
            names: self.names,
            automaton,
            surnames: self.surnames,
            family_first_names,
            halves: self.halves,
        }
    }
}

fn parse_role(line: &str) -> Result<Role, String> {
    let mut parts = line.splitn(4, char::is_whitespace);
    let code = parts.next().unwrap_or("");
    if code.len() < 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(format!("bad actor code `{code}`"));
    }
    let date = |s: Option<&str>| -> Result<Option<NaiveDate>, String> {
        match s.map(str::trim) {
            None | Some("") => Err("a role needs START and END (`-` when open)".into()),
            Some("-") => Ok(None),
            Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
                .map(Some)
                .map_err(|_| format!("bad date `{d}`")),
        }
    };
    let start = date(parts.next())?;
    let end = date(parts.next())?;
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err(format!("role ends ({e}) before it starts ({s})"));
        }
    }
    Ok(Role {
        code: code.to_string(),
        start,
        end,
        title: parts.next().unwrap_or("").trim().to_string(),
        rank: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dictionary() -> ActorDictionary {
        let tokenizer = Tokenizer::new([]);
        let mut b = Builder::new(&tokenizer);
        b.countries(
            "countries.tsv",
            "code\tname\tnames\tadjectives\tcapitals\tseats\tplaces\n\
             RUS\tRussia\tRussian Federation\tRussian|Russians\tMoscow\tKremlin\tSochi\n\
             USA\tUnited States\tUS|U.S.|America\tAmerican|Americans\tWashington\tWhite House\t\n",
        )
        .unwrap();
        b.people("people.txt", "Vladimir Putin | Putin\n  RUSGOV 2000-05-07 2008-05-07 president\n  RUSGOV 2008-05-08 2012-05-07 prime minister\n")
            .unwrap();
        b.agents("agents.tsv", "phrase\tsector\tkind\ntroops\tMIL\tgroup\n")
            .unwrap();
        b.build()
    }

    fn found(d: &ActorDictionary, words: &[&str]) -> Vec<(String, Range<usize>)> {
        d.find(words)
            .into_iter()
            .map(|m| (d.entry(m.entry).code.clone(), m.tokens))
            .collect()
    }

    #[test]
    fn names_match_on_token_boundaries_only() {
        let d = dictionary();
        assert_eq!(
            found(&d, &["Russian", "troops"]),
            [("RUS".to_string(), 0..1), ("MIL".to_string(), 1..2)]
        );
        assert_eq!(
            found(&d, &["the", "Kremlin", "said"]),
            [("RUSGOV".to_string(), 1..2)]
        );
        assert_eq!(
            found(&d, &["Washington", "'s", "envoy"]),
            [("USAGOV".to_string(), 0..1)]
        );
    }

    #[test]
    fn a_name_inside_a_joined_token_is_not_found() {
        let d = dictionary();
        assert_eq!(found(&d, &["account", "@J_Putin", "posted"]), []);
        assert_eq!(
            found(&d, &["southern", "@x_Russia", "Moscow"]),
            [("RUSGOV".to_string(), 2..3)]
        );
    }

    #[test]
    fn words_joined_by_underscores_are_words_of_a_name() {
        let d = dictionary();
        assert_eq!(
            found(&d, &["the", "Russian_Federation", "said"]),
            [("RUS".to_string(), 1..2)]
        );
    }

    #[test]
    fn acronyms_need_their_exact_case() {
        let d = dictionary();
        assert_eq!(found(&d, &["the", "US", "said"]).len(), 1);
        assert!(found(&d, &["told", "us", "so"]).is_empty());
        assert_eq!(found(&d, &["the", "U.S.", "said"]).len(), 1);
    }

    #[test]
    fn people_have_dated_roles() {
        let d = dictionary();
        let m = &d.find(&["Putin", "said"])[0];
        let putin = d.entry(m.entry);
        let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(
            putin.role_on(on(2010, 1, 1)).unwrap().title,
            "prime minister"
        );
        assert_eq!(putin.role_on(on(2005, 1, 1)).unwrap().title, "president");
        assert!(putin.role_on(on(1995, 1, 1)).is_none());
        // an undated document: none of his dated roles
        assert!(putin.role_on(None).is_none());
    }

    #[test]
    fn bad_role_lines_name_file_and_line() {
        let tokenizer = Tokenizer::new([]);
        let mut b = Builder::new(&tokenizer);
        let err = b
            .people("people.txt", "A Person\n  XYZGOV 2001-13-01 - president\n")
            .unwrap_err();
        assert_eq!(err.to_string(), "people.txt:2: bad date `2001-13-01`");
    }
}
