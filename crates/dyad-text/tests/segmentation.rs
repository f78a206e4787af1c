//! Sentence segmentation on news-style text written for these tests.

use dyad_core::SentenceKind;
use dyad_text::TextAnalyzer;

fn sentences(text: &str) -> Vec<(String, SentenceKind)> {
    TextAnalyzer::new()
        .sentence_spans(text)
        .into_iter()
        .map(|s| (s.span.slice(text).to_string(), s.kind))
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    sentences(text).into_iter().map(|(s, _)| s).collect()
}

#[test]
fn abbreviations_and_initials_do_not_end_sentences() {
    assert_eq!(
        texts("Lt. Gen. Mark R. Hale met Sen. Ruiz on Nov. 3 in Kyiv. The talks went well."),
        [
            "Lt. Gen. Mark R. Hale met Sen. Ruiz on Nov. 3 in Kyiv.",
            "The talks went well."
        ]
    );
}

#[test]
fn dotted_acronyms_continue_unless_a_sentence_opener_follows() {
    assert_eq!(
        texts("The U.S. Navy sent a ship. Sanctions were imposed by the U.S. The move angered Tehran."),
        ["The U.S. Navy sent a ship.", "Sanctions were imposed by the U.S.", "The move angered Tehran."]
    );
}

#[test]
fn quotations_ending_sentences() {
    assert_eq!(
        texts("“We will not retreat,” the general said. “Never.” Officials agreed."),
        [
            "“We will not retreat,” the general said.",
            "“Never.”",
            "Officials agreed."
        ]
    );
}

#[test]
fn datelines_stand_apart() {
    let got = sentences("SOCHI, Russia (Reuters) - Russian troops attacked a village on Monday.");
    assert_eq!(
        got[0],
        (
            "SOCHI, Russia (Reuters) -".to_string(),
            SentenceKind::Dateline
        )
    );
    assert_eq!(got[1].0, "Russian troops attacked a village on Monday.");
    let got = sentences("MOSCOW, Dec 5 (Reuters) - Russia expelled two British diplomats.");
    assert_eq!(
        got[0],
        (
            "MOSCOW, Dec 5 (Reuters) -".to_string(),
            SentenceKind::Dateline
        )
    );
    let got = sentences("DEC 05, 2018\n\nKenya and Uganda signed a border deal.");
    assert_eq!(got[0], ("DEC 05, 2018".to_string(), SentenceKind::Headline));
    assert_eq!(
        got[1],
        (
            "Kenya and Uganda signed a border deal.".to_string(),
            SentenceKind::Body
        )
    );
}

#[test]
fn headlines_are_sentences_of_their_own() {
    let got = sentences("Ministers agree on grain corridor\n\nThe ministers of both countries agreed on a corridor.");
    assert_eq!(
        got[0],
        (
            "Ministers agree on grain corridor".to_string(),
            SentenceKind::Headline
        )
    );
    assert_eq!(got[1].1, SentenceKind::Body);
}

#[test]
fn hard_wrapped_copy_is_joined_across_line_breaks() {
    let text = "    The government of Freedonia said on Tuesday that it would\n\
                expel two diplomats from Sylvania after a dispute over the\n\
                border crossing near the river port.\n\
                    Officials in the capital declined to give details of the\n\
                diplomats' names or of the date they must leave by.\n";
    let got = texts(text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert!(got[0].starts_with("The government") && got[0].ends_with("river port."));
    assert!(got[1].starts_with("Officials"));
}

#[test]
fn single_newlines_separate_paragraphs_in_unwrapped_text() {
    let got = sentences("Peace talks resume in Doha\nNegotiators from both sides arrived in Doha on Sunday for a new round of talks that officials hope will end the war.");
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].1, SentenceKind::Headline);
}

#[test]
fn a_caption_label_stands_apart_from_its_caption() {
    // a gallery's label and title before each caption, glued to the text
    let text = "The talks ended. Hide Caption 3 of 12 Photos: Envoys in Geneva Envoys in Geneva – \
                Two envoys shake hands after the talks. Hide Caption 4 of 12 Photos: Unrest \
                without a dash names no caption.";
    assert_eq!(
        texts(text),
        [
            "The talks ended.",
            "Hide Caption 3 of 12 Photos: Envoys in Geneva Envoys in Geneva –",
            "Two envoys shake hands after the talks.",
            "Hide Caption 4 of 12 Photos: Unrest without a dash names no caption.",
        ]
    );
}
