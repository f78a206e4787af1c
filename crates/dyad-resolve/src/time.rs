//! Time expressions and the dates they name.
//!
//! News dates events relative to the story: "on Tuesday", "last week", "two
//! days ago", "on November 25" all need the date the story was filed, and a
//! weekday or a month without a year also needs to know whether the event is
//! past or still to come. The vocabulary (month and weekday names, relative
//! words, counts) is data in `data/time/words.tsv`; this module holds the
//! forms those words take and the calendar arithmetic. Each form is one
//! regular expression built from the word lists; where forms overlap, the
//! longest match wins ("Nov. 25, 2018" over "Nov. 25").

use std::collections::HashMap;

use chrono::{Datelike, Days, Months, NaiveDate};
use dyad_core::{EventDate, Precision};
use regex::{Captures, Regex};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// The shapes a time expression takes, each with its regular expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// "Nov. 25, 2018", "Tuesday, May 14, 2019", "25 November 2018", "2018-11-25".
    FullDate,
    /// "on November 25", "25 November": the year is the story's.
    MonthDay,
    /// "November 2018".
    MonthYear,
    /// "in January", "last November", "early March".
    Month,
    /// "last summer", "in the spring": known to the year.
    Season,
    /// "in 2014", "in early 2014".
    Year,
    /// "on Tuesday", "last Friday".
    Weekday,
    /// "yesterday", "today".
    DayWord,
    /// "two days ago", "a few weeks ago".
    Ago,
    /// "last week", "earlier this month", "this year".
    ShiftedUnit,
}

/// Regular expressions of each form; `{month}` and the like stand for the
/// alternation of the words of that kind.
const FORMS: &[(Form, &str)] = &[
    (
        Form::FullDate,
        r"(?:(?P<weekday>{weekday}),?\s+)?(?P<month>{month})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b",
    ),
    (
        Form::FullDate,
        r"(?:(?P<weekday>{weekday}),?\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{month})\.?,?\s+(?P<year>\d{4})\b",
    ),
    (
        Form::FullDate,
        r"(?P<year>\d{4})-(?P<monthnumber>\d{2})-(?P<day>\d{2})\b",
    ),
    (
        Form::MonthDay,
        r"(?:(?P<weekday>{weekday}),?\s+)?(?P<month>{month})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b",
    ),
    (
        Form::MonthDay,
        r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{month})\b",
    ),
    (
        Form::MonthYear,
        r"(?:(?:{lead})[\s-]+)*(?P<month>{month})\.?,?\s+(?P<year>\d{4})\b",
    ),
    (
        Form::Month,
        r"(?:(?P<lead>{lead})[\s-]+)*(?:(?P<shift>{shift})\s+)?(?P<month>{month})\b",
    ),
    (
        Form::Season,
        r"(?:(?P<lead>{lead})\s+(?:the\s+)?|(?P<shift>{shift})\s+)(?P<season>{season})\b",
    ),
    (
        Form::Year,
        r"(?:(?:{lead})[\s-]+)+(?P<year>(?:1[89]|20)\d{2})\b",
    ),
    (
        Form::Weekday,
        r"(?:(?P<shift>{shift})\s+)?(?P<weekday>{weekday})\b",
    ),
    (Form::DayWord, r"(?P<dayword>{day})\b"),
    (
        Form::Ago,
        r"(?P<count>\d+|{number}|{few})\s+(?P<unit>{unit})\s+ago\b",
    ),
    (
        Form::ShiftedUnit,
        r"(?P<shift>{shift})\s+(?P<unit>{unit})\b",
    ),
];

/// A time expression found in a text.
#[derive(Clone, Debug)]
pub(crate) struct TimeExpression {
    /// Byte range in the text searched.
    pub start: usize,
    pub end: usize,
    form: Form,
    fields: Fields,
}

/// What an expression's words say, before a story date anchors them.
#[derive(Clone, Debug, Default)]
struct Fields {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    weekday: Option<u32>,
    shift: Option<i32>,
    offset_days: Option<i64>,
    count: Option<(u32, bool)>,
    unit: Option<Unit>,
}

/// The time vocabulary and the forms built from it.
pub(crate) struct TimeWords {
    months: HashMap<String, u32>,
    weekdays: HashMap<String, u32>,
    /// Season → its middle month.
    seasons: HashMap<String, u32>,
    days: HashMap<String, i64>,
    /// Count and whether it is vague ("a few").
    counts: HashMap<String, (u32, bool)>,
    units: HashMap<String, Unit>,
    shifts: HashMap<String, i32>,
    /// Modal verbs of the future ("will").
    future: Vec<String>,
    forms: Vec<(Form, Regex)>,
}

fn alternation<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut words: Vec<&str> = words.collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

impl TimeWords {
    pub(crate) fn builtin() -> Self {
        let mut by_kind: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
        for row in dyad_lexicon::TimeWords::builtin().rows() {
            by_kind
                .entry(row.kind.as_str())
                .or_default()
                .push((row.word.as_str(), row.value.as_str()));
        }
        let kind = |k: &str| by_kind.get(k).cloned().unwrap_or_default();
        let numbers = |k: &str| -> HashMap<String, i64> {
            kind(k)
                .into_iter()
                .map(|(w, v)| {
                    (
                        w.to_lowercase(),
                        v.parse().expect("data/time/words.tsv: a number"),
                    )
                })
                .collect()
        };
        let mut counts: HashMap<String, (u32, bool)> = HashMap::new();
        for (w, v) in numbers("number") {
            counts.insert(w, (v as u32, false));
        }
        for (w, v) in numbers("few") {
            counts.insert(w, (v as u32, true));
        }
        let units = kind("unit")
            .into_iter()
            .map(|(w, v)| {
                let unit = match v {
                    "day" => Unit::Day,
                    "week" => Unit::Week,
                    "month" => Unit::Month,
                    "year" => Unit::Year,
                    other => panic!("data/time/words.tsv: unknown unit {other}"),
                };
                (w.to_lowercase(), unit)
            })
            .collect();
        let mut pattern_words: HashMap<&str, String> = HashMap::new();
        for k in [
            "month", "weekday", "season", "day", "number", "few", "unit", "shift", "lead",
        ] {
            pattern_words.insert(k, alternation(kind(k).into_iter().map(|(w, _)| w)));
        }
        let forms = FORMS
            .iter()
            .map(|(form, template)| {
                let mut re = template.to_string();
                for (k, alt) in &pattern_words {
                    re = re.replace(&format!("{{{k}}}"), alt);
                }
                // ASCII word boundaries: a Unicode `\b` would keep the regex
                // engine off its fast automaton on text with curly quotes.
                let re = format!(r"(?i)\b{re}").replace(r"\b", r"(?-u:\b)");
                (*form, Regex::new(&re).expect("time expression pattern"))
            })
            .collect();
        let small = |k: &str| {
            numbers(k)
                .into_iter()
                .map(|(w, v)| (w, v as u32))
                .collect::<HashMap<_, _>>()
        };
        TimeWords {
            months: small("month"),
            weekdays: small("weekday"),
            seasons: small("season"),
            days: numbers("day"),
            counts,
            units,
            shifts: numbers("shift")
                .into_iter()
                .map(|(w, v)| (w, v as i32))
                .collect(),
            future: kind("future")
                .into_iter()
                .map(|(w, _)| w.to_lowercase())
                .collect(),
            forms,
        }
    }

    /// Whether a word (lower case) is a modal of the future ("will").
    pub(crate) fn is_future(&self, word: &str) -> bool {
        self.future.iter().any(|f| f == word)
    }

    /// The time expressions of a text, leftmost-longest, not overlapping.
    pub(crate) fn find(&self, text: &str) -> Vec<TimeExpression> {
        let mut found: Vec<TimeExpression> = Vec::new();
        for (form, re) in &self.forms {
            // Finding matches runs on the fast automaton; only a match pays
            // for its capture groups.
            for m in re.find_iter(text) {
                let Some(caps) = re.captures_at(text, m.start()) else {
                    continue;
                };
                let whole = caps.get(0).expect("match");
                // "the fall of Aleppo", "the summer of 2014" (a year, found as such).
                let of_after = text[whole.end()..].trim_start().starts_with("of ");
                if *form == Form::Season && of_after {
                    continue;
                }
                if let Some(fields) = self.fields(*form, &caps) {
                    found.push(TimeExpression {
                        start: whole.start(),
                        end: whole.end(),
                        form: *form,
                        fields,
                    });
                }
            }
        }
        found.sort_by_key(|e| (e.start, std::cmp::Reverse(e.end)));
        let mut kept: Vec<TimeExpression> = Vec::new();
        for e in found {
            if kept.last().is_none_or(|k| e.start >= k.end) {
                kept.push(e);
            }
        }
        kept
    }

    /// The fields of a match; `None` where the words are not a date after
    /// all ("may" as a verb, "the last day of talks").
    fn fields(&self, form: Form, caps: &Captures) -> Option<Fields> {
        let get = |name: &str| caps.name(name).map(|m| m.as_str());
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let key = |w: &str| w.to_lowercase();
        let mut f = Fields::default();
        if let Some(m) = get("month") {
            if !capitalised(m) {
                return None;
            }
            f.month = Some(*self.months.get(&key(m))?);
        }
        if let Some(s) = get("season") {
            f.month = Some(*self.seasons.get(&key(s))?);
        }
        if let Some(m) = get("monthnumber") {
            f.month = Some(m.parse().ok()?);
        }
        if let Some(w) = get("weekday") {
            if !capitalised(w) {
                return None;
            }
            f.weekday = Some(*self.weekdays.get(&key(w))?);
        }
        f.year = get("year").and_then(|y| y.parse().ok());
        f.day = get("day").and_then(|d| d.parse().ok());
        f.shift = get("shift").and_then(|s| self.shifts.get(&key(s)).copied());
        f.offset_days = get("dayword").and_then(|d| self.days.get(&key(d)).copied());
        f.count = get("count").and_then(|c| {
            c.parse()
                .ok()
                .map(|n| (n, false))
                .or_else(|| self.counts.get(&key(c)).copied())
        });
        if let Some(u) = get("unit") {
            f.unit = Some(*self.units.get(&key(u))?);
            // "last week" names one week; "the past years" is a stretch of time.
            if form == Form::ShiftedUnit && (f.unit == Some(Unit::Day) || u.ends_with(['s', 'S'])) {
                return None;
            }
        }
        // A bare month names a date only after a lead or shift word.
        if form == Form::Month && get("lead").is_none() && f.shift.is_none() {
            return None;
        }
        Some(f)
    }
}

impl TimeExpression {
    /// The date the expression names in a story filed on `anchor`; `future`
    /// events take the next weekday or month of that name, past ones the
    /// latest. Relative expressions need an anchor.
    pub(crate) fn resolve(&self, anchor: Option<NaiveDate>, future: bool) -> Option<EventDate> {
        let f = &self.fields;
        let day = |d: NaiveDate| Some(EventDate::day(d));
        let at = |date: NaiveDate, precision: Precision| Some(EventDate { date, precision });
        match self.form {
            Form::FullDate => day(NaiveDate::from_ymd_opt(f.year?, f.month?, f.day?)?),
            Form::MonthYear => at(
                NaiveDate::from_ymd_opt(f.year?, f.month?, 1)?,
                Precision::Month,
            ),
            Form::Year => at(NaiveDate::from_ymd_opt(f.year?, 1, 1)?, Precision::Year),
            Form::MonthDay => {
                let anchor = anchor?;
                let on = |year: i32| NaiveDate::from_ymd_opt(year, f.month?, f.day?);
                let this_year = on(anchor.year());
                let date = match (future, this_year) {
                    (false, Some(d)) if d <= anchor => d,
                    (false, _) => on(anchor.year() - 1)?,
                    (true, Some(d)) if d >= anchor => d,
                    (true, _) => on(anchor.year() + 1)?,
                };
                day(date)
            }
            Form::Month | Form::Season => {
                let anchor = anchor?;
                let (month, now) = (f.month? as i32, anchor.month() as i32);
                let year = match f.shift {
                    Some(0) => anchor.year(),
                    Some(s) if s < 0 => anchor.year() - i32::from(month >= now),
                    Some(_) => anchor.year() + i32::from(month <= now),
                    None if future => anchor.year() + i32::from(month < now),
                    None => anchor.year() - i32::from(month > now),
                };
                let precision = if self.form == Form::Season {
                    Precision::Year
                } else {
                    Precision::Month
                };
                at(NaiveDate::from_ymd_opt(year, month as u32, 1)?, precision)
            }
            Form::Weekday => {
                let anchor = anchor?;
                let (want, now) = (
                    f.weekday? as i64,
                    anchor.weekday().number_from_monday() as i64,
                );
                let back = (now - want).rem_euclid(7);
                let ahead = (want - now).rem_euclid(7);
                let offset = match f.shift {
                    Some(s) if s < 0 => -(if back == 0 { 7 } else { back }),
                    Some(s) if s > 0 => {
                        if ahead == 0 {
                            7
                        } else {
                            ahead
                        }
                    }
                    _ if future => {
                        if ahead == 0 {
                            7
                        } else {
                            ahead
                        }
                    }
                    _ => -back,
                };
                day(shift_days(anchor, offset)?)
            }
            Form::DayWord => day(shift_days(anchor?, f.offset_days?)?),
            Form::Ago => {
                let (n, vague) = f.count?;
                let n = i64::from(n);
                span_from(anchor?, f.unit?, -n, vague)
            }
            Form::ShiftedUnit => span_from(anchor?, f.unit?, i64::from(f.shift?), false),
        }
    }
}

/// `n` units from the anchor, at the precision the unit allows: a day is a
/// day (unless the count is vague), a week or month is known to the month.
fn span_from(anchor: NaiveDate, unit: Unit, n: i64, vague: bool) -> Option<EventDate> {
    let months = |m: i64| {
        let m = u32::try_from(m.unsigned_abs()).ok()?;
        if n < 0 {
            anchor.checked_sub_months(Months::new(m))
        } else {
            anchor.checked_add_months(Months::new(m))
        }
    };
    let (date, precision) = match unit {
        Unit::Day => (
            shift_days(anchor, n)?,
            if vague {
                Precision::Month
            } else {
                Precision::Day
            },
        ),
        Unit::Week => (shift_days(anchor, 7 * n)?, Precision::Month),
        Unit::Month => (months(n)?, Precision::Month),
        Unit::Year => (months(12 * n)?, Precision::Year),
    };
    Some(EventDate { date, precision })
}

fn shift_days(date: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n < 0 {
        date.checked_sub_days(Days::new(n.unsigned_abs()))
    } else {
        date.checked_add_days(Days::new(n as u64))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// The date the first time expression of `text` names, and its words.
    fn date_of(text: &str, published: NaiveDate, future: bool) -> Option<(String, String)> {
        let words = TimeWords::builtin();
        let found = words.find(text);
        let first = found.first()?;
        let date = first.resolve(Some(published), future)?;
        Some((date.to_string(), text[first.start..first.end].to_string()))
    }

    fn past(text: &str, published: NaiveDate) -> String {
        date_of(text, published, false)
            .map(|d| d.0)
            .unwrap_or_default()
    }

    #[test]
    fn weekdays_look_back_for_past_events_and_ahead_for_future_ones() {
        let tuesday = ymd(2019, 5, 14);
        assert_eq!(
            past("Troops attacked the town on Monday.", tuesday),
            "2019-05-13"
        );
        assert_eq!(past("The talks ended on Tuesday.", tuesday), "2019-05-14");
        assert_eq!(
            past("Rebels shelled the city on Wednesday night.", tuesday),
            "2019-05-08"
        );
        assert_eq!(past("Ministers met last Friday.", tuesday), "2019-05-10");
        assert_eq!(past("Ministers met last Tuesday.", tuesday), "2019-05-07");
        let future = |text: &str| date_of(text, tuesday, true).unwrap().0;
        assert_eq!(future("Leaders will meet on Friday."), "2019-05-17");
        assert_eq!(future("Leaders will meet on Tuesday."), "2019-05-21");
        assert_eq!(future("Leaders will meet on Monday."), "2019-05-20");
    }

    #[test]
    fn days_weeks_months_and_years_relative_to_the_story() {
        let d = ymd(2019, 5, 14);
        assert_eq!(past("Police fired tear gas yesterday.", d), "2019-05-13");
        assert_eq!(past("The minister resigned today.", d), "2019-05-14");
        assert_eq!(past("The army withdrew last week.", d), "2019-05");
        assert_eq!(past("Protests spread this week.", d), "2019-05");
        assert_eq!(past("Fighting resumed last month.", d), "2019-04");
        assert_eq!(past("Clashes broke out earlier this month.", d), "2019-05");
        assert_eq!(past("The two sides signed a truce last year.", d), "2018");
        assert_eq!(
            past("Gunmen seized the village two days ago.", d),
            "2019-05-12"
        );
        assert_eq!(
            past("Gunmen seized the village a few days ago.", d),
            "2019-05"
        );
        assert_eq!(past("The embassy closed three weeks ago.", d), "2019-04");
        assert_eq!(
            past("Police detained 1,000 protesters last summer.", d),
            "2018"
        );
        assert_eq!(past("The siege began in the winter.", d), "2019");
        assert_eq!(past("Rebels fled after the fall of Aleppo.", d), "");
        assert_eq!(past("Fighting flared in the summer of 2014.", d), "2014");
    }

    #[test]
    fn months_and_dates_with_and_without_a_year() {
        let d = ymd(2018, 12, 2);
        assert_eq!(
            past("Russia seized the ships on November 25.", d),
            "2018-11-25"
        );
        assert_eq!(
            past("Russia seized the ships on 25 November.", d),
            "2018-11-25"
        );
        assert_eq!(
            past(
                "Russia seized the ships on Nov. 25, 2018, officials said.",
                ymd(2019, 3, 1)
            ),
            "2018-11-25"
        );
        assert_eq!(past("The blockade began on December 20.", d), "2017-12-20");
        assert_eq!(past("Talks collapsed last November.", d), "2018-11");
        assert_eq!(
            past("Talks collapsed last November.", ymd(2018, 11, 20)),
            "2017-11"
        );
        assert_eq!(past("Elections were held in January.", d), "2018-01");
        assert_eq!(
            date_of("Elections will be held in January.", d, true)
                .unwrap()
                .0,
            "2019-01"
        );
        assert_eq!(past("Russia annexed Crimea in 2014.", d), "2014");
        assert_eq!(past("The deal was signed in March 2015.", d), "2015-03");
        assert_eq!(past("DEC 05, 2018", d), "2018-12-05");
        assert_eq!(past("Tuesday, May 14, 2019", d), "2019-05-14");
    }

    #[test]
    fn the_words_are_kept_and_look_alikes_are_not_dates() {
        let d = ymd(2019, 5, 14);
        assert_eq!(
            date_of("Kenya and Uganda agreed on Monday to talk.", d, false)
                .unwrap()
                .1,
            "Monday"
        );
        assert_eq!(
            date_of("It happened last November.", d, false).unwrap().1,
            "last November"
        );
        assert_eq!(past("Troops may march on the capital.", d), "");
        assert_eq!(past("On the last day of talks, nothing moved.", d), "");
        assert_eq!(past("Over the past years the war spread.", d), "");
    }
}
