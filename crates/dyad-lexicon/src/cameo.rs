//! The CAMEO code table (names, Goldstein scores, quad classes, PLOVER
//! category, mode and context) and the frame table.

use std::collections::HashMap;

use crate::{table, DictError};

/// What dyad knows of one CAMEO event code.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    /// Goldstein score: the published one, else the nearest parent's.
    pub goldstein: f64,
    pub quad_class: u8,
    pub plover: Option<String>,
    pub mode: Option<String>,
    pub context: Vec<String>,
}

/// Every CAMEO event code.
#[derive(Debug, Default)]
pub struct CameoTable {
    codes: HashMap<String, CameoCode>,
}

impl CameoTable {
    pub fn parse(file: &str, text: &str) -> Result<Self, DictError> {
        let mut codes = HashMap::new();
        let mut unscored = Vec::new();
        let cols = [
            "code",
            "name",
            "goldstein",
            "quad_class",
            "plover",
            "mode",
            "context",
        ];
        table::read(file, text, &cols, |row| {
            let code = row.required("code")?.to_string();
            let goldstein = match row.get("goldstein") {
                "" => None,
                g => Some(
                    g.parse()
                        .map_err(|_| row.error(format!("bad Goldstein score `{g}`")))?,
                ),
            };
            let quad = row.required("quad_class")?;
            let quad_class = quad
                .parse()
                .map_err(|_| row.error(format!("bad quad class `{quad}`")))?;
            let opt = |c: &str| Some(row.get(c).to_string()).filter(|s| !s.is_empty());
            let context = row
                .get("context")
                .split(';')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(String::from)
                .collect();
            if goldstein.is_none() {
                unscored.push(code.clone());
            }
            let entry = CameoCode {
                code: code.clone(),
                name: row.required("name")?.to_string(),
                goldstein: goldstein.unwrap_or(0.0),
                quad_class,
                plover: opt("plover"),
                mode: opt("mode"),
                context,
            };
            codes.insert(code, entry);
            Ok(())
        })?;
        let mut table = CameoTable { codes };
        for code in unscored {
            let score = table.parent_score(&code);
            if let Some(entry) = table.codes.get_mut(&code) {
                entry.goldstein = score;
            }
        }
        Ok(table)
    }

    /// The Goldstein score of the nearest parent of `code` the table lists
    /// (0 when none is): for codes without a published score of their own.
    fn parent_score(&self, code: &str) -> f64 {
        (1..code.len())
            .rev()
            .find_map(|n| code.get(..n).and_then(|p| self.codes.get(p)))
            .map_or(0.0, |parent| parent.goldstein)
    }

    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    /// Adds the rows of another table; its codes replace those listed here.
    pub fn extend(&mut self, other: CameoTable) {
        self.codes.extend(other.codes);
    }

    /// Makes sure a code has an entry: a code the table does not list (a
    /// PETRARCH dictionary's own or WEIS-era code, `[1010]`, `[075A]`) gets a
    /// synthetic one, without name, quad class (0) or PLOVER category, and
    /// the Goldstein score of its nearest listed parent (or 0), so that events keep the code as written.
    pub fn ensure(&mut self, code: &str) {
        if self.codes.contains_key(code) {
            return;
        }
        let goldstein = self.parent_score(code.trim_matches(|c| c == '[' || c == ']'));
        let entry = CameoCode {
            code: code.to_string(),
            name: format!("code {code} (not in CAMEO)"),
            goldstein,
            quad_class: 0,
            plover: None,
            mode: None,
            context: Vec::new(),
        };
        self.codes.insert(code.to_string(), entry);
    }
}

/// The ways a frame verb relates to its complement's event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Frame {
    /// "agreed to", "offered to", "will": CAMEO 03.
    Intent,
    /// "urged ... to", "called on ... to": CAMEO 02.
    Appeal,
    /// "demanded that": CAMEO 10.
    Demand,
    /// "refused to", "would not": CAMEO 12.
    Reject,
    /// "threatened to": CAMEO 13.
    Threaten,
}

impl Frame {
    const COLUMNS: [(&'static str, Frame); 5] = [
        ("intent", Frame::Intent),
        ("appeal", Frame::Appeal),
        ("demand", Frame::Demand),
        ("reject", Frame::Reject),
        ("threaten", Frame::Threaten),
    ];

    /// The frame's name, as its column in frames.tsv is called.
    pub fn name(self) -> &'static str {
        Frame::COLUMNS
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("", |(name, _)| name)
    }
}

/// Complement code prefix × frame → derived code.
#[derive(Debug, Default)]
pub struct FrameTable {
    derived: HashMap<(String, Frame), String>,
}

impl FrameTable {
    pub fn parse(file: &str, text: &str, cameo: &CameoTable) -> Result<Self, DictError> {
        let mut derived = HashMap::new();
        let mut cols = vec!["complement"];
        cols.extend(Frame::COLUMNS.iter().map(|(c, _)| *c));
        table::read(file, text, &cols, |row| {
            let prefix = row.required("complement")?;
            for (col, frame) in Frame::COLUMNS {
                let code = row.get(col);
                if code.is_empty() {
                    continue;
                }
                if cameo.get(code).is_none() {
                    return Err(row.error(format!("unknown CAMEO code `{code}`")));
                }
                derived.insert((prefix.to_string(), frame), code.to_string());
            }
            Ok(())
        })?;
        Ok(FrameTable { derived })
    }

    /// Adds the rows of another table.
    pub fn extend(&mut self, other: FrameTable) {
        self.derived.extend(other.derived);
    }

    /// The code for `frame` over a complement coded `code`, by the longest
    /// listed prefix of `code`.
    pub fn derive(&self, frame: Frame, code: &str) -> Option<&str> {
        (2..=code.len()).rev().find_map(|n| {
            self.derived
                .get(&(code[..n].to_string(), frame))
                .map(String::as_str)
        })
    }
}

/// What the coder does with events of a CAMEO root beyond their own code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RootRole {
    /// Statements: kept only when nothing else is reported; their subject
    /// speaks the sentence's reported clauses.
    Statement,
    /// Demands and appeals: they say whom a protest before them is aimed at.
    Asks,
    /// Protests: aimed at whom the demand after them is made of.
    Protest,
    /// Shows of force: the forces they move are the source's own, never
    /// their target ("deployed troops").
    Posture,
    /// Disapproval: a refusal of it ("declined to criticize") states no act.
    Disapproval,
}

/// One row of the root table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Root {
    frame: Option<Frame>,
    mutual: bool,
    role: Option<RootRole>,
    alone: bool,
    venue: bool,
    foreign: bool,
    occasion: Option<Occasion>,
    from: bool,
    told: bool,
}

/// Where a root's event nouns in an adjunct of occasion of a verb are
/// reported: `data/cameo/roots.tsv`'s `occasion` column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Occasion {
    /// With any verb, its subject taking part ("said during a meeting with
    /// Abe"): `yes`.
    Any,
    /// With a verb of harm (sense `casualty`), its casualties the target
    /// ("were killed in an Israeli airstrike"): `casualty`.
    Casualty,
}

/// CAMEO roots (a code's first two digits) and what the coder does with
/// their events: `data/cameo/roots.tsv`.
#[derive(Debug, Default)]
pub struct RootTable {
    roots: HashMap<String, Root>,
}

impl RootTable {
    pub fn parse(file: &str, text: &str) -> Result<Self, DictError> {
        let mut roots = HashMap::new();
        table::read(
            file,
            text,
            &["root", "frame", "mutual", "role", "alone"],
            |row| {
                let root = row.required("root")?;
                if root.len() != 2 || !root.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(row.error(format!("`{root}` is not a two-digit CAMEO root")));
                }
                let frame = match row.get("frame") {
                    "" => None,
                    name => Some(
                        Frame::COLUMNS
                            .iter()
                            .find(|(col, _)| *col == name)
                            .map(|&(_, f)| f)
                            .ok_or_else(|| row.error(format!("unknown frame `{name}`")))?,
                    ),
                };
                let yes = |column: &str| match row.get(column) {
                    "" | "no" => Ok(false),
                    "yes" => Ok(true),
                    other => Err(row.error(format!("{column} is yes or no, not `{other}`"))),
                };
                let (mutual, alone) = (yes("mutual")?, yes("alone")?);
                // an optional column: tables written before it stay valid
                let venue = yes("venue")?;
                let foreign = yes("foreign")?;
                let from = yes("from")?;
                let told = yes("told")?;
                let occasion = match row.get("occasion") {
                    "" | "no" => None,
                    "yes" => Some(Occasion::Any),
                    "casualty" => Some(Occasion::Casualty),
                    other => {
                        return Err(
                            row.error(format!("occasion is yes, casualty or no, not `{other}`"))
                        )
                    }
                };
                let role = match row.get("role") {
                    "" => None,
                    "statement" => Some(RootRole::Statement),
                    "asks" => Some(RootRole::Asks),
                    "protest" => Some(RootRole::Protest),
                    "posture" => Some(RootRole::Posture),
                    "disapproval" => Some(RootRole::Disapproval),
                    other => return Err(row.error(format!("unknown role `{other}`"))),
                };
                roots.insert(
                    root.to_string(),
                    Root {
                        frame,
                        mutual,
                        role,
                        alone,
                        venue,
                        foreign,
                        occasion,
                        from,
                        told,
                    },
                );
                Ok(())
            },
        )?;
        Ok(RootTable { roots })
    }

    /// Adds the rows of another table; its roots replace those listed here.
    pub fn extend(&mut self, other: RootTable) {
        self.roots.extend(other.roots);
    }

    fn root(&self, code: &str) -> Option<&Root> {
        self.roots.get(code.get(..2)?)
    }

    /// The frame a frame verb's own code makes with a complement.
    pub fn frame(&self, code: &str) -> Option<Frame> {
        self.root(code)?.frame
    }

    /// Whether coordinated sources of an event of this code act on each other.
    pub fn mutual(&self, code: &str) -> bool {
        self.root(code).is_some_and(|r| r.mutual)
    }

    /// Whether an event of this code stands without a target actor.
    pub fn alone(&self, code: &str) -> bool {
        self.root(code).is_some_and(|r| r.alone)
    }

    /// Whether a place after a preposition of place is where an event of
    /// this code happened, never whom it was done to ("met in Luxembourg",
    /// "demonstrated in Nairobi").
    pub fn venue(&self, code: &str) -> bool {
        self.root(code).is_some_and(|r| r.venue)
    }

    /// Whether an event of this code is never aimed at its source's own
    /// country as a whole: one does not disapprove of one's own country
    /// ("Russia's outrageous action" in a Russian official's words is
    /// another's judgement, the speaker mistaken).
    pub fn foreign(&self, code: &str) -> bool {
        self.root(code).is_some_and(|r| r.foreign)
    }

    /// Whether, and with which verbs, a noun of this code in an adjunct of
    /// occasion of a verb reports it ("told reporters during a meeting with
    /// Abe", "were killed in an Israeli airstrike").
    pub fn occasion(&self, code: &str) -> Option<Occasion> {
        self.root(code)?.occasion
    }

    /// Whether a noun of this code takes its source after "from" ("threats
    /// from North Korea", "calls from lawmakers"), where that is not whence
    /// the act goes ("withdrawal from Syria", "a trip from Jerusalem").
    pub fn from(&self, code: &str) -> bool {
        self.root(code).is_some_and(|r| r.from)
    }

    /// Whether news is told in an event of this code (a statement, a
    /// consultation): whom it is told to, an audience, is no target.
    pub fn told(&self, code: &str) -> bool {
        self.root(code).is_some_and(|r| r.told)
    }

    /// Whether an event of this code plays `role`.
    pub fn is(&self, code: &str, role: RootRole) -> bool {
        self.root(code).is_some_and(|r| r.role == Some(role))
    }

    /// The generic code of the root whose verbs make `frame` (`130` for
    /// threaten), for a frame without a more specific code.
    pub fn generic(&self, frame: Frame) -> Option<String> {
        let mut roots: Vec<&String> = self
            .roots
            .iter()
            .filter(|(_, r)| r.frame == Some(frame))
            .map(|(root, _)| root)
            .collect();
        roots.sort();
        roots.first().map(|root| format!("{root}0"))
    }
}

/// Events that are as much the target's act on the source ("met",
/// "signed a treaty with"): `data/cameo/reverse.tsv`.
#[derive(Debug, Default)]
pub struct ReverseTable {
    reverses: HashMap<String, String>,
}

impl ReverseTable {
    pub fn parse(file: &str, text: &str, cameo: &CameoTable) -> Result<Self, DictError> {
        let mut reverses = HashMap::new();
        table::read(file, text, &["code", "reverse"], |row| {
            let code = row.required("code")?;
            let reverse = row.required("reverse")?;
            for c in [code, reverse] {
                if cameo.get(c).is_none() {
                    return Err(row.error(format!("unknown CAMEO code `{c}`")));
                }
            }
            reverses.insert(code.to_string(), reverse.to_string());
            Ok(())
        })?;
        Ok(ReverseTable { reverses })
    }

    /// Adds the rows of another table; its codes replace those listed here.
    pub fn extend(&mut self, other: ReverseTable) {
        self.reverses.extend(other.reverses);
    }

    /// The event the targets of an event of `code` do back to its sources.
    pub fn of(&self, code: &str) -> Option<&str> {
        self.reverses.get(code).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "code\tname\tgoldstein\tquad_class\tplover\tmode\tcontext\n\
        18\tAssault\t-9.0\t4\tASSAULT\t\t\n\
        183\tConduct suicide, car, or other non-military bombing\t-10.0\t4\tASSAULT\t\t\n\
        1834\tCarry out location bombing\t\t4\tASSAULT\t\t\n";

    #[test]
    fn codes_without_a_published_score_take_their_parents() {
        let mut table = CameoTable::parse("cameo.tsv", TABLE).unwrap();
        assert_eq!(table.get("1834").unwrap().goldstein, -10.0);
        assert_eq!(table.get("18").unwrap().goldstein, -9.0);
        table.ensure("[1899]");
        assert_eq!(table.get("[1899]").unwrap().goldstein, -9.0);
        table.ensure("990");
        assert_eq!(table.get("990").unwrap().goldstein, 0.0);
    }
}
