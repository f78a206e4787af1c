//! The gazetteer: countries, cities and regions by every name they go by.
//!
//! `data/places/gazetteer.tsv` (made by `tools/places/build_gazetteer.py`
//! from GeoNames) is compiled into the binary and indexed the first time a
//! place is looked up, so a run that never needs one does not pay for it.
//! Names are looked up whole, after a preposition or in a dateline, never
//! searched for in running text. The index is built for start-up time: rows
//! borrow their text from the compiled-in file, and names are kept as a
//! sorted list of 64-bit hashes of their normalized form (about 135,000 of
//! them), each hit checked against the row's own names.

use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_64;

use crate::table_rows;

const GAZETTEER: &str = include_str!("../../../data/places/gazetteer.tsv");

/// What sort of place a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    /// A first-level region (a US state).
    Admin1,
    City,
    /// A region or town dyad's country dictionary names: country only.
    Place,
}

/// One gazetteer row.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub geonames_id: Option<u64>,
    pub name: &'static str,
    /// Alternate names, `|`-separated as in the file.
    names: &'static str,
    /// ISO 3166-1 alpha-3.
    pub country: &'static str,
    /// GeoNames first-level region code (`RU.48`).
    pub admin1: Option<&'static str>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub population: u64,
    pub kind: PlaceKind,
}

impl Place {
    /// The row's name and alternate names.
    fn all_names(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.name).chain(self.names.split('|').filter(|n| !n.is_empty()))
    }
}

/// A place a name may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub place: u32,
    /// Whether the name is the place's own rather than an alternate one
    /// (Harare was once "Salisbury").
    pub by_own_name: bool,
}

/// Places by normalized name.
pub struct Gazetteer {
    places: Vec<Place>,
    /// (hash of a normalized name, row), sorted.
    by_name: Vec<(u64, u32)>,
    /// The most words any name has, to bound a lookup.
    longest_name: usize,
}

/// Writes the form a name is looked up by into `out`: lower case, one kind
/// of apostrophe, single spaces. Returns its number of words.
fn normalize_into(name: &str, out: &mut String) -> usize {
    out.clear();
    let mut words = 0;
    for word in name.split_whitespace() {
        if words > 0 {
            out.push(' ');
        }
        words += 1;
        for c in word.chars() {
            match c {
                '’' => out.push('\''),
                c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                c => out.extend(c.to_lowercase()),
            }
        }
    }
    words
}

impl Gazetteer {
    /// The built-in gazetteer, parsed on first use.
    pub fn builtin() -> &'static Gazetteer {
        static BUILTIN: OnceLock<Gazetteer> = OnceLock::new();
        BUILTIN.get_or_init(|| Gazetteer::parse(GAZETTEER))
    }

    fn parse(src: &'static str) -> Gazetteer {
        let mut g = Gazetteer {
            places: Vec::new(),
            by_name: Vec::new(),
            longest_name: 1,
        };
        let mut key = String::new();
        for row in table_rows(src) {
            let number = |s: &str| s.parse::<f64>().ok();
            let kind = match row[8] {
                "country" => PlaceKind::Country,
                "admin1" => PlaceKind::Admin1,
                "city" => PlaceKind::City,
                "place" => PlaceKind::Place,
                other => panic!("data/places/gazetteer.tsv: unknown kind {other}"),
            };
            let place = Place {
                geonames_id: row[0].parse().ok(),
                name: row[1],
                names: row[2],
                country: row[3],
                admin1: Some(row[4]).filter(|a| !a.is_empty()),
                lat: number(row[5]),
                lon: number(row[6]),
                population: row[7].parse().unwrap_or(0),
                kind,
            };
            let index = g.places.len() as u32;
            for name in place.all_names() {
                g.longest_name = g.longest_name.max(normalize_into(name, &mut key));
                g.by_name.push((xxh3_64(key.as_bytes()), index));
            }
            g.places.push(place);
        }
        g.by_name.sort_unstable();
        g.by_name.dedup();
        g
    }

    /// The places a name may be.
    pub fn lookup(&self, name: &str) -> Vec<Candidate> {
        let mut key = String::with_capacity(name.len());
        normalize_into(name, &mut key);
        let hash = xxh3_64(key.as_bytes());
        let from = self.by_name.partition_point(|&(h, _)| h < hash);
        let mut other = String::new();
        self.by_name[from..]
            .iter()
            .take_while(|&&(h, _)| h == hash)
            .filter_map(|&(_, i)| {
                let mut names = self.place(i).all_names().map(|n| {
                    normalize_into(n, &mut other);
                    other == key
                });
                let by_own_name = names.next()?;
                (by_own_name || names.any(|same| same)).then_some(Candidate {
                    place: i,
                    by_own_name,
                })
            })
            .collect()
    }

    pub fn place(&self, index: u32) -> &Place {
        &self.places[index as usize]
    }

    pub fn longest_name(&self) -> usize {
        self.longest_name
    }
}
