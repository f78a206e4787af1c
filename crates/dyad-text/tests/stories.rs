//! Splitting documents into stories, on pages written for these tests.

use chrono::NaiveDate;
use dyad_core::{Document, Metadata};
use dyad_text::TextAnalyzer;

fn stories(text: &str) -> Vec<(String, Option<String>, Option<NaiveDate>)> {
    let meta = Metadata {
        title: Some("Page title".into()),
        published: NaiveDate::from_ymd_opt(2020, 3, 9),
        ..Default::default()
    };
    let mut doc = Document::new("page", text, meta);
    TextAnalyzer::new().analyze(&mut doc);
    doc.stories
        .iter()
        .map(|s| (doc.slice(s.span).to_string(), s.title.clone(), s.published))
        .collect()
}

const THREE_STORIES: &str = "\
Border talks resume

By Dyad Staff

March 3, 2020

NAIROBI, Kenya (Dyad Wire) - Kenyan and Somali officials met on Tuesday to discuss the border.
The talks will continue next week.

Officials hope for a deal

Both sides said progress was made.

* * *

Flood relief reaches the north

4 March 2020

Aid agencies delivered food to flooded villages on Wednesday.
Officials said more help was needed.

Storm warning issued

ADDIS ABABA (Dyad Wire) - Ethiopia's weather service warned of heavy storms.
";

#[test]
fn a_page_of_three_stories_is_split_with_their_titles_and_dates() {
    let got = stories(THREE_STORIES);
    let day = |m, d| NaiveDate::from_ymd_opt(2020, m, d);
    let heads: Vec<_> = got
        .iter()
        .map(|(_, title, date)| (title.as_deref(), *date))
        .collect();
    assert_eq!(
        heads,
        [
            (Some("Border talks resume"), day(3, 3)),
            (Some("Flood relief reaches the north"), day(3, 4)),
            (Some("Storm warning issued"), day(3, 9)),
        ]
    );
    assert!(got[0].0.starts_with("Border talks resume"));
    assert!(
        got[0].0.ends_with("progress was made."),
        "a subhead stays in its story: {}",
        got[0].0
    );
    assert!(got[1].0.ends_with("more help was needed."));
    assert!(got[2].0.ends_with("heavy storms."));
}

#[test]
fn an_ordinary_article_is_one_story_with_the_document_title() {
    let got = stories("Kenya and Somalia resumed talks.\n\nA subhead\n\nThe talks went well.");
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].1.as_deref(), Some("Page title"));
    assert_eq!(got[0].2, NaiveDate::from_ymd_opt(2020, 3, 9));
}

#[test]
fn an_empty_text_is_one_empty_story() {
    assert_eq!(
        stories(""),
        [(
            String::new(),
            Some("Page title".to_string()),
            NaiveDate::from_ymd_opt(2020, 3, 9)
        )]
    );
}
