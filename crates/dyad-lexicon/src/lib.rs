//! dyad's knowledge, as data.
//!
//! Every dictionary is a readable, diffable file under `data/` (formats in
//! `docs/dictionaries.md`): countries, organisations, people with dated roles,
//! agents (titles and group nouns with their sector), event patterns, the
//! CAMEO table with its PLOVER mapping and the frame table that combines a
//! frame verb ("agreed to", "threatened to") with its complement's code.
//! [`Dictionaries::builtin`] reads the copies compiled into the binary;
//! [`Dictionaries::load_dir`] reads the same files from a folder. Loading
//! compiles names into one Aho-Corasick automaton over normalized token
//! sequences, so matching respects word boundaries by construction.

mod actors;
mod cameo;
mod error;
mod patterns;
mod table;

use std::path::Path;

pub use actors::{ActorDictionary, ActorEntry, EntryKind, NameMatch, Role};
pub use cameo::{CameoCode, CameoTable, Frame, FrameTable};
pub use error::DictError;
pub use patterns::{Element, Pattern, PatternSet};

/// The files a dictionary folder holds, by their path under `data/`
/// (`FILES`), and the built-in copies compiled into the binary (`BUILTIN`).
macro_rules! dictionary_files {
    ($($path:literal),* $(,)?) => {
        const FILES: [&str; 7] = [$($path),*];
        const BUILTIN: [(&str, &str); 7] = [$(($path, include_str!(concat!("../../../data/", $path)))),*];
    };
}

dictionary_files!(
    "actors/countries.tsv",
    "actors/organisations.tsv",
    "actors/people.txt",
    "agents/agents.tsv",
    "events/patterns.tsv",
    "cameo/cameo.tsv",
    "cameo/frames.tsv",
);

/// All knowledge the coder uses.
#[derive(Debug)]
pub struct Dictionaries {
    pub actors: ActorDictionary,
    pub patterns: PatternSet,
    pub cameo: CameoTable,
    pub frames: FrameTable,
}

impl Dictionaries {
    /// The dictionaries shipped with dyad.
    pub fn builtin(tokenizer: &dyad_text::Tokenizer) -> Result<Self, DictError> {
        Self::from_sources(
            BUILTIN
                .iter()
                .map(|(p, s)| (p.to_string(), s.to_string()))
                .collect(),
            tokenizer,
        )
    }

    /// Dictionaries read from a folder laid out as `data/` is.
    pub fn load_dir(dir: &Path, tokenizer: &dyad_text::Tokenizer) -> Result<Self, DictError> {
        let sources = FILES
            .iter()
            .map(|rel| {
                let path = dir.join(rel);
                std::fs::read_to_string(&path)
                    .map(|s| (path.display().to_string(), s))
                    .map_err(|e| DictError::new(path.display().to_string(), 0, e.to_string()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        Self::from_sources(sources, tokenizer)
    }

    fn from_sources(
        sources: Vec<(String, String)>,
        tokenizer: &dyad_text::Tokenizer,
    ) -> Result<Self, DictError> {
        let [countries, organisations, people, agents, patterns, cameo, frames]: [(String, String);
            7] = sources.try_into().expect("one source per dictionary file");
        let mut builder = actors::Builder::new(tokenizer);
        builder.organisations(&organisations.0, &organisations.1)?;
        builder.people(&people.0, &people.1)?;
        builder.countries(&countries.0, &countries.1)?;
        builder.agents(&agents.0, &agents.1)?;
        let cameo = CameoTable::parse(&cameo.0, &cameo.1)?;
        let patterns = PatternSet::parse(&patterns.0, &patterns.1, &cameo)?;
        let frames = FrameTable::parse(&frames.0, &frames.1, &cameo)?;
        Ok(Dictionaries {
            actors: builder.build(),
            patterns,
            cameo,
            frames,
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
    }
}
