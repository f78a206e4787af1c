//! The CAMEO code table (names, Goldstein scores, quad classes, PLOVER
//! category, mode and context) and the frame table.

use std::collections::HashMap;

use crate::{table, DictError};

/// What dyad knows of one CAMEO event code.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    pub code: String,
    pub name: String,
    pub goldstein: Option<f64>,
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
            let entry = CameoCode {
                code: code.clone(),
                name: row.required("name")?.to_string(),
                goldstein,
                quad_class,
                plover: opt("plover"),
                mode: opt("mode"),
                context,
            };
            codes.insert(code, entry);
            Ok(())
        })?;
        Ok(CameoTable { codes })
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
    /// synthetic one, without name, Goldstein score, quad class (0) or
    /// PLOVER category, so that events keep the code as written.
    pub fn ensure(&mut self, code: &str) {
        self.codes
            .entry(code.to_string())
            .or_insert_with(|| CameoCode {
                code: code.to_string(),
                name: format!("code {code} (not in CAMEO)"),
                goldstein: None,
                quad_class: 0,
                plover: None,
                mode: None,
                context: Vec::new(),
            });
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
    /// The frame a frame verb's own code belongs to, by its CAMEO root.
    pub fn of_code(code: &str) -> Option<Frame> {
        match code.get(..2)? {
            "03" => Some(Frame::Intent),
            "02" => Some(Frame::Appeal),
            "10" => Some(Frame::Demand),
            "12" => Some(Frame::Reject),
            "13" => Some(Frame::Threaten),
            _ => None,
        }
    }

    const COLUMNS: [(&'static str, Frame); 5] = [
        ("intent", Frame::Intent),
        ("appeal", Frame::Appeal),
        ("demand", Frame::Demand),
        ("reject", Frame::Reject),
        ("threaten", Frame::Threaten),
    ];
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
