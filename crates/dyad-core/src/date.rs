//! Event dates at the precision the text supports (day, month or year).

use chrono::{Datelike, NaiveDate};
use serde::{Serialize, Serializer};

/// How much of an [`EventDate`] the text determined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// A calendar date known to day, month or year precision.
///
/// It serializes as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventDate {
    pub date: NaiveDate,
    pub precision: Precision,
}

impl EventDate {
    pub fn day(date: NaiveDate) -> Self {
        EventDate {
            date,
            precision: Precision::Day,
        }
    }
}

impl std::fmt::Display for Precision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        })
    }
}

impl std::fmt::Display for EventDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = self.date;
        match self.precision {
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Precision::Month => write!(f, "{:04}-{:02}", d.year(), d.month()),
            Precision::Year => write!(f, "{:04}", d.year()),
        }
    }
}

impl Serialize for EventDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_at_its_precision() {
        let d = NaiveDate::from_ymd_opt(2018, 11, 25).unwrap();
        assert_eq!(EventDate::day(d).to_string(), "2018-11-25");
        let m = EventDate {
            date: d,
            precision: Precision::Month,
        };
        assert_eq!(m.to_string(), "2018-11");
        let y = EventDate {
            date: d,
            precision: Precision::Year,
        };
        assert_eq!(y.to_string(), "2018");
    }
}
