//! dyad's knowledge, as data.
//!
//! Every dictionary is a readable, diffable file under `data/` (formats in
//! `docs/dictionaries.md`): countries, organisations, people with dated roles,
//! agents (titles and group nouns with their sector), event patterns, the
//! CAMEO table with its PLOVER mapping, the frame table that combines a
//! frame verb ("agreed to", "threatened to") with its complement's code and
//! the root table that says what each CAMEO root's events do beyond their
//! code (frames, mutual acts, statements, demands and protests).
//! [`Dictionaries::builtin`] reads the copies compiled into the binary;
//! [`Dictionaries::load`] reads the same files from a folder, or a folder of
//! PETRARCH2/TABARI dictionaries ([`petrarch`]), instead or in addition. Loading
//! compiles names into one Aho-Corasick automaton over normalized token
//! sequences, so matching respects word boundaries by construction.

mod actors;
mod cameo;
mod error;
mod patterns;
pub mod petrarch;
mod place_words;
mod senses;
mod table;
mod time_words;

use std::collections::HashMap;
use std::path::Path;

pub use actors::{
    surnames, ActorDictionary, ActorEntry, EntryKind, NameMatch, Role, PETRARCH_AGENT,
};
pub use cameo::{
    CameoCode, CameoTable, Frame, FrameTable, Occasion, ReverseTable, RootRole, RootTable,
};
pub use error::DictError;
pub use patterns::{Dialect, Element, Pattern, PatternSet};
pub use petrarch::discards::{Discards, Reach};
pub use place_words::{PlaceWord, PlaceWordKind, PlaceWords};
pub use senses::{Sense, Senses};
pub use time_words::{TimeWord, TimeWords};

/// The files a dictionary folder holds, by their path under `data/`
/// (`FILES`), and the built-in copies compiled into the binary (`BUILTIN`).
macro_rules! dictionary_files {
    ($($path:literal),* $(,)?) => {
        const FILES: [&str; 10] = [$($path),*];
        const BUILTIN: [(&str, &str); 10] = [$(($path, include_str!(concat!("../../../data/", $path)))),*];
    };
}

dictionary_files!(
    "actors/countries.tsv",
    "actors/organisations.tsv",
    "actors/people.txt",
    "agents/agents.tsv",
    "events/patterns.tsv",
    "events/senses.tsv",
    "cameo/cameo.tsv",
    "cameo/frames.tsv",
    "cameo/roots.tsv",
    "cameo/reverse.tsv",
);

/// Files a complete folder may leave out: the built-in copies stand in.
const BUILT_IN_STANDS_IN: [&str; 3] = ["cameo/roots.tsv", "cameo/reverse.tsv", "events/senses.tsv"];

/// All knowledge the coder uses.
#[derive(Debug)]
pub struct Dictionaries {
    pub actors: ActorDictionary,
    pub patterns: PatternSet,
    pub cameo: CameoTable,
    pub frames: FrameTable,
    /// What the coder does with events by their CAMEO root.
    pub roots: RootTable,
    /// Events that are as much the target's act on the source ("met").
    pub reverses: ReverseTable,
    /// Phrases that take a sentence or a story out of coding (PETRARCH discard lists).
    pub discards: Discards,
    /// Words that decide the sense of a polysemous trigger.
    pub senses: Senses,
    /// What was read but not used, or used in part, as `FILE:LINE: message`.
    pub warnings: Vec<DictError>,
}

/// One folder of dictionaries (or the built-in copies), read.
enum Layer {
    /// dyad's own layout: its files by their path under `data/`; a folder
    /// given as extra dictionaries may hold only some of them.
    Data(HashMap<&'static str, (String, String)>),
    Petrarch(petrarch::Dictionary),
}

impl Layer {
    fn builtin() -> Layer {
        Layer::Data(
            BUILTIN
                .iter()
                .map(|(p, s)| (*p, (p.to_string(), s.to_string())))
                .collect(),
        )
    }

    /// A folder's PETRARCH files if it holds any, else its files laid out
    /// as `data/` is: all of them (`complete`) or those present.
    fn read(dir: &Path, complete: bool, warnings: &mut Vec<DictError>) -> Result<Layer, DictError> {
        if let Some(files) = petrarch::Files::find(dir) {
            return Ok(Layer::Petrarch(petrarch::Dictionary::read(
                &files, warnings,
            )?));
        }
        if FILES.iter().all(|rel| !dir.join(rel).exists()) {
            return Err(DictError::new(
                dir.display().to_string(),
                0,
                "no dictionary found: neither PETRARCH files (*verbs*.txt, *actors*.txt, *agents*.txt, *discards*.txt) nor dyad's (actors/countries.tsv, ...)",
            ));
        }
        let mut sources = HashMap::new();
        for rel in FILES {
            let path = dir.join(rel);
            let optional = !complete || BUILT_IN_STANDS_IN.contains(&rel);
            if optional && !path.exists() {
                continue;
            }
            let text = std::fs::read_to_string(&path)
                .map_err(|e| DictError::new(path.display().to_string(), 0, e.to_string()))?;
            sources.insert(rel, (path.display().to_string(), text));
        }
        Ok(Layer::Data(sources))
    }

    fn add_actors(
        &self,
        builder: &mut actors::Builder,
        warnings: &mut Vec<DictError>,
    ) -> Result<(), DictError> {
        match self {
            Layer::Data(sources) => {
                let get = |rel: &str| sources.get(rel);
                if let Some((f, t)) = get("actors/organisations.tsv") {
                    builder.organisations(f, t)?;
                }
                if let Some((f, t)) = get("actors/people.txt") {
                    builder.people(f, t)?;
                }
                if let Some((f, t)) = get("actors/countries.tsv") {
                    builder.countries(f, t)?;
                }
                if let Some((f, t)) = get("agents/agents.tsv") {
                    builder.agents(f, t)?;
                }
            }
            Layer::Petrarch(d) => {
                for (file, actors) in &d.actors {
                    builder.petrarch_actors(file, actors, warnings);
                }
                builder.petrarch_agents(&d.agents);
            }
        }
        Ok(())
    }
}

impl Dictionaries {
    /// The dictionaries shipped with dyad.
    pub fn builtin(tokenizer: &dyad_text::Tokenizer) -> Result<Self, DictError> {
        Self::from_layers(Layer::builtin(), None, tokenizer, Vec::new())
    }

    /// The built-in dictionaries, or those of the folder `replace`, with
    /// those of the folder `extra` added: extra names take precedence over
    /// the others, extra patterns join theirs. A folder holding PETRARCH
    /// files (`*verbs*.txt`, `*actors*.txt`, `*agents*.txt`,
    /// `*discards*.txt`) is read as PETRARCH dictionaries, any other as laid
    /// out as `data/` (all files for `replace`, those present for `extra`).
    pub fn load(
        replace: Option<&Path>,
        extra: Option<&Path>,
        tokenizer: &dyad_text::Tokenizer,
    ) -> Result<Self, DictError> {
        let mut warnings = Vec::new();
        let base = match replace {
            Some(dir) => Layer::read(dir, true, &mut warnings)?,
            None => Layer::builtin(),
        };
        let extra = extra
            .map(|dir| Layer::read(dir, false, &mut warnings))
            .transpose()?;
        Self::from_layers(base, extra, tokenizer, warnings)
    }

    fn from_layers(
        base: Layer,
        extra: Option<Layer>,
        tokenizer: &dyad_text::Tokenizer,
        mut warnings: Vec<DictError>,
    ) -> Result<Self, DictError> {
        let mut builder = actors::Builder::new(tokenizer);
        // Files load in priority order: extra names win.
        for layer in extra.iter().chain([&base]) {
            layer.add_actors(&mut builder, &mut warnings)?;
        }
        // The CAMEO and root tables are the base folder's, or the built-in
        // ones where it has none (PETRARCH dictionaries carry neither).
        let base_file = |path: &str| -> (&str, &str) {
            let own = match &base {
                Layer::Data(s) => s.get(path).map(|(f, t)| (f.as_str(), t.as_str())),
                Layer::Petrarch(_) => None,
            };
            own.unwrap_or_else(|| {
                BUILTIN
                    .iter()
                    .find(|(p, _)| *p == path)
                    .copied()
                    .expect("every dictionary file is built in")
            })
        };
        let (file, text) = base_file("cameo/cameo.tsv");
        let mut cameo = CameoTable::parse(file, text)?;
        let (file, text) = base_file("cameo/roots.tsv");
        let mut roots = RootTable::parse(file, text)?;
        let (file, text) = base_file("cameo/reverse.tsv");
        let mut reverses = ReverseTable::parse(file, text, &cameo)?;
        let (file, text) = base_file("events/senses.tsv");
        let senses = Senses::parse(file, text)?;
        let mut patterns = PatternSet::default();
        // PETRARCH verb dictionaries code what their patterns say: no frames.
        let mut frames = FrameTable::default();
        let mut discards = Discards::default();
        let layers = [(&base, false)]
            .into_iter()
            .chain(extra.iter().map(|l| (l, true)));
        for (layer, is_extra) in layers {
            match layer {
                Layer::Data(s) => {
                    if let Some((f, t)) = s.get("cameo/cameo.tsv").filter(|_| is_extra) {
                        cameo.extend(CameoTable::parse(f, t)?);
                    }
                    if let Some((f, t)) = s.get("cameo/roots.tsv").filter(|_| is_extra) {
                        roots.extend(RootTable::parse(f, t)?);
                    }
                    if let Some((f, t)) = s.get("cameo/reverse.tsv").filter(|_| is_extra) {
                        reverses.extend(ReverseTable::parse(f, t, &cameo)?);
                    }
                    if let Some((f, t)) = s.get("events/patterns.tsv") {
                        patterns.extend(PatternSet::parse(f, t, &cameo)?);
                    }
                    if let Some((f, t)) = s.get("cameo/frames.tsv") {
                        frames.extend(FrameTable::parse(f, t, &cameo)?);
                    }
                }
                Layer::Petrarch(p) => {
                    patterns.extend(p.patterns(tokenizer, &mut cameo));
                    discards.extend(&p.discards);
                }
            }
        }
        Ok(Dictionaries {
            actors: builder.build(),
            patterns,
            cameo,
            frames,
            roots,
            reverses,
            discards,
            senses,
            warnings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_dictionaries_load() {
        let d = Dictionaries::builtin(dyad_text::TextAnalyzer::new().tokenizer()).unwrap();
        assert!(d.actors.len() > 1000, "{} actor names", d.actors.len());
        assert!(d.patterns.len() > 300);
        assert_eq!(d.cameo.get("036").unwrap().plover.as_deref(), Some("AGREE"));
        assert_eq!(d.roots.frame("1312"), Some(Frame::Threaten));
        assert_eq!(d.roots.generic(Frame::Demand).as_deref(), Some("100"));
        assert!(d.roots.mutual("036") && !d.roots.mutual("112"));
        assert!(d.roots.is("010", RootRole::Statement));
        assert!(d.roots.alone("141") && !d.roots.alone("190"));
    }

    #[test]
    fn a_reverse_of_an_unknown_code_names_its_line() {
        let cameo = Dictionaries::builtin(dyad_text::TextAnalyzer::new().tokenizer())
            .unwrap()
            .cameo;
        let text = "code\treverse\n040\t040\n046\t999\n";
        let err = ReverseTable::parse("reverse.tsv", text, &cameo)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("reverse.tsv:3:") && err.contains("999"),
            "{err}"
        );
        let table =
            ReverseTable::parse("reverse.tsv", "code\treverse\n040\t040\n", &cameo).unwrap();
        assert_eq!(table.of("040"), Some("040"));
        assert_eq!(table.of("042"), None);
    }

    #[test]
    fn a_bad_root_row_names_its_file_and_line() {
        let text = "root\tframe\tmutual\trole\talone\n13\tthreaten\t\t\t\n14\t\t\tprotester\tyes\n";
        let err = RootTable::parse("roots.tsv", text).unwrap_err().to_string();
        assert!(
            err.starts_with("roots.tsv:3:") && err.contains("protester"),
            "{err}"
        );
    }
}
