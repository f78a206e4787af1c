//! PETRARCH/Phoenix actor dictionaries.
//!
//! ```text
//! UNITED_STATES  [USA]          a name, words joined by `_` or spaces, and its code
//! +USA                          synonyms of the entry above
//! +U.S.
//! GOLLUM                        a name whose codes follow on their own lines:
//!     [HOB < 950601]            before a date
//!     [HOBGOV 19950601 - 19990815]   between two dates (inclusive)
//!     [HOBREB > 990816]         after a date
//! LORIEN  [ELR/GAL]             a compound actor: two actors at once
//! ```
//! Dates are `YYMMDD` (years 00 to 30 are 20YY, later ones 19YY: TABARI's
//! and Phoenix's dictionaries span 1945 to the 2020s) or `YYYYMMDD`; a range
//! may leave one end open (`[AFGGOV 020826-]`). A
//! code without dates is the entry's default; on a given date the first
//! listed code whose dates hold it applies, else the default.

use chrono::NaiveDate;

use super::{bracketed, content_lines, phrase_words, Source};
use crate::DictError;

/// A code an actor carries between two dates (inclusive; `None` when open).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    pub code: String,
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

/// One actor entry: its names and codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// The names as words joined by spaces ("UNITED STATES"), the entry's own first.
    pub names: Vec<String>,
    /// Dated codes in the order given; an undated one is the default.
    pub codes: Vec<DatedCode>,
    pub line: usize,
}

/// Reads an actor dictionary; problems that leave the rest readable are warnings.
pub fn parse(source: &Source, warnings: &mut Vec<DictError>) -> Result<Vec<Actor>, DictError> {
    let file = source.file.as_str();
    let mut actors: Vec<Actor> = Vec::new();
    for (line, content) in content_lines(&source.text) {
        let trimmed = content.trim();
        let (codes, rest) = match bracketed(trimmed) {
            Some((inside, rest)) => (Some(inside), rest),
            None => (None, trimmed.to_string()),
        };
        let rest = rest.trim();
        if let Some(synonym) = rest.strip_prefix('+') {
            let Some(actor) = actors.last_mut() else {
                return Err(DictError::new(file, line, "synonym before any actor"));
            };
            actor.names.push(phrase_words(synonym).join(" "));
        } else if !rest.is_empty() {
            actors.push(Actor {
                names: vec![phrase_words(rest).join(" ")],
                codes: Vec::new(),
                line,
            });
        }
        if let Some(codes) = codes {
            let Some(actor) = actors.last_mut() else {
                return Err(DictError::new(file, line, "code before any actor"));
            };
            let code = dated_code(codes).map_err(|m| DictError::new(file, line, m))?;
            if code.code.chars().any(|c| c.is_ascii_lowercase()) {
                warnings.push(DictError::new(
                    file,
                    line,
                    format!("lower-case code `{}` read in capitals", code.code),
                ));
            }
            actor.codes.push(DatedCode {
                code: code.code.to_ascii_uppercase(),
                ..code
            });
        }
    }
    actors.retain(|a| {
        if a.codes.is_empty() {
            warnings.push(DictError::new(
                file,
                a.line,
                format!("actor `{}` has no code: not used", a.names[0]),
            ));
        }
        !a.codes.is_empty()
    });
    Ok(actors)
}

/// `HOB`, `HOB < 950601`, `HOBREB > 990816`, `HOBGOV 19950601 - 19990815`.
fn dated_code(inside: &str) -> Result<DatedCode, String> {
    let split = inside
        .find(|c: char| c.is_whitespace() || c == '<' || c == '>')
        .unwrap_or(inside.len());
    let code = inside[..split].to_string();
    if code.is_empty() {
        return Err(format!("no code in `[{inside}]`"));
    }
    let dates: String = inside[split..].split_whitespace().collect();
    let (from, until) = if dates.is_empty() {
        (None, None)
    } else if let Some(d) = dates.strip_prefix('<') {
        (None, Some(date(d)?.pred_opt().ok_or("date out of range")?))
    } else if let Some(d) = dates.strip_prefix('>') {
        (Some(date(d)?.succ_opt().ok_or("date out of range")?), None)
    } else if let Some((a, b)) = dates.split_once('-') {
        // An open end may be left empty: `[AFGGOV 020826-]`.
        let open = |d: &str| (!d.is_empty()).then(|| date(d)).transpose();
        (open(a)?, open(b)?)
    } else {
        return Err(format!("bad date restriction `{}`", &inside[split..]));
    };
    Ok(DatedCode { code, from, until })
}

/// `YYMMDD` (years 00 to 30 are 20YY, later ones 19YY) or `YYYYMMDD`.
fn date(text: &str) -> Result<NaiveDate, String> {
    let full = match text.len() {
        6 if text.get(..2).is_some_and(|y| y <= "30") => format!("20{text}"),
        6 => format!("19{text}"),
        8 => text.to_string(),
        _ => return Err(format!("bad date `{text}`: expected YYMMDD or YYYYMMDD")),
    };
    NaiveDate::parse_from_str(&full, "%Y%m%d").map_err(|_| format!("bad date `{text}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Vec<Actor>, Vec<DictError>) {
        let mut warnings = Vec::new();
        let source = Source {
            file: "actors.txt".into(),
            text: text.into(),
        };
        (parse(&source, &mut warnings).unwrap(), warnings)
    }

    fn on(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn names_synonyms_and_dated_codes() {
        let (actors, warnings) = read(
            "UNITED_STATES [USA]\n+U.S.  # note\nGOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\nLORIEN [ELR/GAL]\nBOROMIR\n",
        );
        assert_eq!(actors.len(), 3);
        assert_eq!(actors[0].names, ["UNITED STATES", "U.S."]);
        assert_eq!(actors[1].names, ["GOLLUM", "SMEAGOL"]);
        let gollum = &actors[1].codes;
        assert_eq!((gollum[0].from, gollum[0].until), (None, on(1995, 5, 31)));
        assert_eq!(
            (gollum[1].from, gollum[1].until),
            (on(1995, 6, 1), on(1999, 8, 15))
        );
        assert_eq!((gollum[2].from, gollum[2].until), (on(1999, 8, 17), None));
        assert_eq!(actors[2].codes[0].code, "ELR/GAL");
        assert_eq!(
            warnings[0].to_string(),
            "actors.txt:9: actor `BOROMIR` has no code: not used"
        );
    }

    #[test]
    fn a_range_may_leave_an_end_open() {
        let (actors, _) = read("DOSTUM\n  [AFGGOV 020826-]\n  [AFGMIL -20020825]\n");
        let codes = &actors[0].codes;
        assert_eq!((codes[0].from, codes[0].until), (on(2002, 8, 26), None));
        assert_eq!((codes[1].from, codes[1].until), (None, on(2002, 8, 25)));
    }

    #[test]
    fn bad_dates_name_file_and_line() {
        let source = Source {
            file: "actors.txt".into(),
            text: "X [XXX]\nY\n  [YYY 951301-960101]\n".into(),
        };
        let err = parse(&source, &mut Vec::new()).unwrap_err();
        assert_eq!(err.to_string(), "actors.txt:3: bad date `951301`");
    }
}
