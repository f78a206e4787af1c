//! When and where: event dates and places through the whole pipeline, on
//! sentences and pages written for these tests.

mod common;

use dyad_core::Event;

fn events(text: &str, published: (i32, u32, u32)) -> Vec<Event> {
    let doc = common::run(text, published);
    assert!(!doc.events.is_empty(), "no event in {text:?}");
    doc.events
}

/// The first event's date, precision and date words.
fn when(text: &str, published: (i32, u32, u32)) -> (String, String, Option<String>) {
    let e = &events(text, published)[0];
    let date = e.date.expect("a date");
    (
        date.to_string(),
        date.precision.to_string(),
        e.date_text.clone(),
    )
}

/// The first event's place name and country.
fn place(text: &str) -> Option<(String, String)> {
    let e = &events(text, (2019, 5, 14))[0];
    e.location
        .as_ref()
        .map(|l| (l.name.clone(), l.country.clone().unwrap_or_default()))
}

fn some(name: &str, country: &str) -> Option<(String, String)> {
    Some((name.to_string(), country.to_string()))
}

#[test]
fn the_time_expression_of_the_events_clause_dates_it() {
    let (date, precision, text) = when(
        "Russian troops attacked Ukrainian positions near Donetsk on Monday.",
        (2019, 5, 14),
    );
    assert_eq!(
        (date.as_str(), precision.as_str(), text.as_deref()),
        ("2019-05-13", "day", Some("Monday"))
    );
    assert_eq!(
        when(
            "Russian border guards seized three Ukrainian ships on November 25.",
            (2018, 12, 2)
        )
        .0,
        "2018-11-25"
    );
    let (date, precision, _) = when(
        "Ukraine broke off trade talks with Russia last year.",
        (2019, 5, 14),
    );
    assert_eq!((date.as_str(), precision.as_str()), ("2018", "year"));
    assert_eq!(
        when(
            "Police arrested 12 protesters in Nairobi yesterday.",
            (2019, 5, 14)
        )
        .0,
        "2019-05-13"
    );
    assert_eq!(
        when(
            "The army shelled rebel positions in Idlib two days ago.",
            (2019, 5, 14)
        )
        .0,
        "2019-05-12"
    );
}

#[test]
fn without_a_time_expression_the_publication_date_stands() {
    let (date, precision, text) = when("Israel accused Iran of attacking a tanker.", (2019, 5, 14));
    assert_eq!(
        (date.as_str(), precision.as_str(), text),
        ("2019-05-14", "day", None)
    );
}

#[test]
fn a_future_event_takes_the_next_weekday() {
    let (date, _, text) = when(
        "Russia will hold talks with Ukraine on Friday.",
        (2019, 5, 14),
    );
    assert_eq!(
        (date.as_str(), text.as_deref()),
        ("2019-05-17", Some("Friday"))
    );
    assert_eq!(
        when("Russia held talks with Ukraine on Friday.", (2019, 5, 14)).0,
        "2019-05-10"
    );
}

#[test]
fn a_time_expression_in_another_clause_does_not_date_the_event() {
    // "on Tuesday" dates the statement, not the attack it reports.
    let got = events(
        "The ministry said on Tuesday that rebels had attacked Syrian soldiers.",
        (2019, 5, 15),
    );
    let attack = got
        .iter()
        .find(|e| e.evidence.trigger.starts_with("attacked"))
        .expect("the attack");
    assert_eq!(attack.date.unwrap().to_string(), "2019-05-15");
    assert_eq!(attack.date_text, None);
}

#[test]
fn the_place_after_a_preposition_near_the_trigger() {
    assert_eq!(
        place("Russian troops attacked Ukrainian positions near Donetsk on Monday."),
        some("Donetsk", "UKR")
    );
    assert_eq!(
        place("Syrian government forces shelled rebel positions in the northern city of Aleppo."),
        some("Aleppo", "SYR")
    );
    assert_eq!(
        place("President Trump met Emmanuel Macron at the White House."),
        some("Washington", "USA")
    );
    // GeoNames spells it "Basrah"; "Basra" is one of its alternate names.
    assert_eq!(
        place("Police arrested dozens of protesters outside Basra."),
        some("Basrah", "IRQ")
    );
    assert_eq!(
        place("Rebels seized a town on the outskirts of Tripoli in Libya."),
        some("Tripoli", "LBY")
    );
    assert_eq!(
        place("Israeli soldiers arrested 15 Palestinians in the West Bank city of Hebron."),
        some("Hebron", "PSE")
    );
    assert_eq!(place("Israel accused Iran of attacking a tanker."), None);
    let e = &events(
        "Russian troops attacked Ukrainian positions near Donetsk.",
        (2019, 5, 14),
    )[0];
    let loc = e.location.as_ref().unwrap();
    assert_eq!(loc.text, "Donetsk");
    assert_eq!(loc.admin1.as_deref(), Some("UA.05"));
    assert!(loc.geonames_id.is_some() && loc.lat.is_some() && loc.lon.is_some());
}

#[test]
fn the_same_name_in_two_countries_goes_by_the_documents_actors() {
    assert_eq!(
        place("Lebanese troops clashed with gunmen in Tripoli."),
        some("Tripoli", "LBN")
    );
    assert_eq!(
        place("Libyan forces shelled positions near Tripoli."),
        some("Tripoli", "LBY")
    );
    // With no actor to go by, the more populous place.
    assert_eq!(
        place("Gunmen attacked a checkpoint near Tripoli."),
        some("Tripoli", "LBY")
    );
    // A place by its own name before one by a former name (Harare was Salisbury).
    assert_eq!(
        place("Britain accused Russia of poisoning a former spy in Salisbury."),
        some("Salisbury", "GBR")
    );
    // A country before a noun modifies it: the place is Iraq, not the U.S.
    assert_eq!(
        place("Iran fired ballistic missiles at U.S. forces in Iraq."),
        some("Iraq", "IRQ")
    );
    // A small namesake in the actors' country does not beat a capital.
    assert_eq!(
        place("US troops attacked militants near Paris."),
        some("Paris", "FRA")
    );
}

#[test]
fn a_dateline_places_and_dates_the_story_below_it() {
    let got = events(
        "SOCHI, Russia (Reuters) - Russia and Turkey signed a deal on gas supplies.",
        (2019, 5, 14),
    );
    let loc = got[0].location.as_ref().unwrap();
    assert_eq!(
        (loc.name.as_str(), loc.country.as_deref(), loc.text.as_str()),
        ("Sochi", Some("RUS"), "SOCHI")
    );
    let got = events(
        "MOSCOW, Dec 5 (Reuters) - Russia expelled two British diplomats.",
        (2018, 12, 10),
    );
    assert_eq!(got[0].date.unwrap().to_string(), "2018-12-05");
    assert_eq!(got[0].date_text.as_deref(), Some("Dec 5"));
    // The country or state after the city says which one.
    let got = events(
        "PORTLAND, Maine (AP) - Police arrested 12 protesters outside the courthouse.",
        (2019, 5, 14),
    );
    assert_eq!(
        got[0].location.as_ref().unwrap().admin1.as_deref(),
        Some("US.ME")
    );
    // The clause's own place wins over the dateline's.
    let got = events(
        "SOCHI, Russia (Reuters) - Russian troops attacked Ukrainian positions near Donetsk.",
        (2019, 5, 14),
    );
    assert_eq!(got[0].location.as_ref().unwrap().name, "Donetsk");
}

#[test]
fn glued_stories_keep_their_own_dates_and_places() {
    let page = "DEC 05, 2018\n\n\
        TRIPOLI, Lebanon (Dyad Wire) - Gunmen attacked Lebanese soldiers at a checkpoint.\n\n\
        ~\n\n\
        JAN 10, 2019\n\n\
        The European Union imposed sanctions on Russia on Monday.\n\
        Russia condemned the European Union.\n";
    let got = events(page, (2019, 1, 12));
    let summary: Vec<(String, Option<String>, Option<String>)> = got
        .iter()
        .map(|e| {
            (
                e.date.unwrap().to_string(),
                e.date_text.clone(),
                e.location.as_ref().map(|l| l.country.clone().unwrap()),
            )
        })
        .collect();
    let expected = [
        ("2018-12-05", Some("DEC 05, 2018"), Some("LBN")),
        ("2019-01-07", Some("Monday"), None),
        ("2019-01-10", Some("JAN 10, 2019"), None),
    ];
    let expected: Vec<(String, Option<String>, Option<String>)> = expected
        .iter()
        .map(|(d, t, c)| (d.to_string(), t.map(String::from), c.map(String::from)))
        .collect();
    assert_eq!(summary, expected);
}
