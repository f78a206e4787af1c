//! PETRARCH agent dictionaries: titles and group nouns with the code they
//! add to an actor's.
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON    a substitution set
//! PRESIDENT [~GOV]                  a suffix: "Gondor's president" → GONGOV
//! MSF {} [NGO~]                     a prefix: "MSF Arnor" → NGOARN; `{}`: no plural
//! GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]   irregular plurals
//! CONGRESS!PERSON! [~LEG]           CONGRESSMAN, CONGRESSMEN, ...
//! ```
//! Without braces an agent's plural is formed by English rules on its last
//! word (-S, -ES, -Y → -IES, -MAN → -MEN).

use std::collections::HashMap;

use super::{bracketed, content_lines, phrase_words, Source};
use crate::DictError;

/// One agent: its forms and code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agent {
    /// Forms as words joined by spaces, with whether each is a plural.
    pub forms: Vec<(String, bool)>,
    /// The code without its `~` (`GOV`, `NGO`).
    pub code: String,
    /// Whether the code goes before the actor's (`NGO~`) rather than after (`~GOV`).
    pub prefix: bool,
}

/// Reads an agent dictionary.
pub fn parse(source: &Source, warnings: &mut Vec<DictError>) -> Result<Vec<Agent>, DictError> {
    let file = source.file.as_str();
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    let mut agents = Vec::new();
    for (line, content) in content_lines(&source.text) {
        let err = |m: String| DictError::new(file, line, m);
        let content = content.trim();
        if let Some((name, members)) = content.split_once('=').filter(|_| content.starts_with('!'))
        {
            let members = members
                .split(',')
                .map(|m| m.trim().to_string())
                .filter(|m| !m.is_empty())
                .collect();
            sets.insert(name.trim().to_string(), members);
            continue;
        }
        let Some((code, rest)) = bracketed(content) else {
            warnings.push(err(format!("agent `{content}` has no [code]: not used")));
            continue;
        };
        let (prefix, code) = match (code.strip_prefix('~'), code.strip_suffix('~')) {
            (Some(c), _) => (false, c.trim()),
            (None, Some(c)) => (true, c.trim()),
            _ => {
                warnings.push(err(format!(
                    "unsupported agent code `[{code}]` (expected `[~CODE]` or `[CODE~]`): not used"
                )));
                continue;
            }
        };
        let (noun, plurals) = match (rest.find('{'), rest.find('}')) {
            (Some(open), Some(close)) if open < close => (
                format!("{} {}", &rest[..open], &rest[close + 1..]),
                Some(rest[open + 1..close].to_string()),
            ),
            (None, None) => (rest.clone(), None),
            _ => return Err(err("unbalanced `{` `}`".into())),
        };
        let mut forms = Vec::new();
        for name in substituted(noun.trim(), &sets).map_err(err)? {
            let words = phrase_words(&name);
            if plurals.is_none() {
                forms.push((plural(&words).join(" "), true));
            }
            forms.push((words.join(" "), false));
        }
        for p in plurals.iter().flat_map(|p| p.split_whitespace()) {
            forms.push((phrase_words(p).join(" "), true));
        }
        agents.push(Agent {
            forms,
            code: code.to_string(),
            prefix,
        });
    }
    Ok(agents)
}

/// The most sets one form of a name goes through (a set whose members name
/// it again would never end: `!PERSON! = MAN, S!PERSON!`), and the most
/// substitutions one name may take (each `!SET!` multiplies its forms).
const MAX_NESTING: usize = 16;
const MAX_SUBSTITUTIONS: usize = 10_000;

/// A name with each `!SET!` replaced by every member of the set.
fn substituted(name: &str, sets: &HashMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut substitutions_left = MAX_SUBSTITUTIONS;
    substitute_into(name, sets, MAX_NESTING, &mut substitutions_left, &mut out)?;
    Ok(out)
}

fn substitute_into(
    name: &str,
    sets: &HashMap<String, Vec<String>>,
    nesting_left: usize,
    substitutions_left: &mut usize,
    out: &mut Vec<String>,
) -> Result<(), String> {
    let Some(start) = name.find('!') else {
        out.push(name.to_string());
        return Ok(());
    };
    if nesting_left == 0 {
        return Err(format!(
            "substitution sets nest more than {MAX_NESTING} deep in `{name}`"
        ));
    }
    let end = start
        + 1
        + name[start + 1..]
            .find('!')
            .ok_or_else(|| format!("unclosed `!` in `{name}`"))?;
    let set = &name[start..=end];
    let members = sets
        .get(set)
        .ok_or_else(|| format!("unknown substitution set `{set}`"))?;
    for m in members {
        *substitutions_left = substitutions_left
            .checked_sub(1)
            .ok_or_else(|| format!("more than {MAX_SUBSTITUTIONS} substitutions in `{name}`"))?;
        let name = format!("{}{m}{}", &name[..start], &name[end + 1..]);
        substitute_into(&name, sets, nesting_left - 1, substitutions_left, out)?;
    }
    Ok(())
}

/// The regular English plural, on the last word.
fn plural(words: &[String]) -> Vec<String> {
    let mut out = words.to_vec();
    if let Some(last) = out.last_mut() {
        let upper = last.to_ascii_uppercase();
        let consonant_y =
            upper.ends_with('Y') && !upper[..upper.len() - 1].ends_with(['A', 'E', 'I', 'O', 'U']);
        *last = if upper.ends_with("MAN") {
            format!("{}EN", &last[..last.len() - 2])
        } else if consonant_y {
            format!("{}IES", &last[..last.len() - 1])
        } else if ["S", "X", "Z", "CH", "SH"]
            .iter()
            .any(|s| upper.ends_with(s))
        {
            format!("{last}ES")
        } else {
            format!("{last}S")
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms(a: &Agent) -> Vec<&str> {
        a.forms.iter().map(|(f, _)| f.as_str()).collect()
    }

    #[test]
    fn plurals_substitutions_and_prefixes() {
        let source = Source {
            file: "agents.txt".into(),
            text: "!PERSON! = MAN, WOMAN\nPOLICE {} [ ~COP]\nAUTHORITY [~GOV]\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nCONGRESS!PERSON! [~LEG]\nMSF {} [NGO~]\nCONGRESS [~LEG]\nODD [GOV]\n".into(),
        };
        let mut warnings = Vec::new();
        let agents = parse(&source, &mut warnings).unwrap();
        assert_eq!(forms(&agents[0]), ["POLICE"]);
        assert_eq!(agents[0].code, "COP");
        assert_eq!(forms(&agents[1]), ["AUTHORITIES", "AUTHORITY"]);
        assert_eq!(forms(&agents[2]), ["GOLDEN GOOSE", "GOLDEN GEESE"]);
        assert_eq!(
            forms(&agents[3]),
            [
                "CONGRESSMEN",
                "CONGRESSMAN",
                "CONGRESSWOMEN",
                "CONGRESSWOMAN"
            ]
        );
        assert!(agents[4].prefix);
        assert_eq!(forms(&agents[5]), ["CONGRESSES", "CONGRESS"]);
        assert_eq!(
            warnings[0].to_string(),
            "agents.txt:8: unsupported agent code `[GOV]` (expected `[~CODE]` or `[CODE~]`): not used"
        );
    }
}
