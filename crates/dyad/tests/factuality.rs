//! What a sentence says of each event it names: done, intended, possible,
//! negated, failed. Sentences written for these tests, through the whole
//! pipeline with the built-in dictionaries.

mod common;

use common::run;
use dyad_core::Factuality;

/// (cameo, source code, target code, factuality) of each event.
fn events(text: &str) -> Vec<(String, String, String, Factuality)> {
    let doc = run(text, (2019, 5, 14));
    let code = |a: &Option<dyad_core::EventActor>| {
        a.as_ref().map_or("---".to_string(), |a| a.code.clone())
    };
    doc.events
        .iter()
        .map(|e| {
            (
                e.cameo.clone(),
                code(&e.source),
                code(&e.target),
                e.factuality,
            )
        })
        .collect()
}

/// The factuality of the event of root `root` from `source` to `target`.
fn factuality(text: &str, root: &str, source: &str, target: &str) -> Factuality {
    let got = events(text);
    got.iter()
        .find(|(c, s, t, _)| c.starts_with(root) && s.starts_with(source) && t.starts_with(target))
        .map(|e| e.3)
        .unwrap_or_else(|| panic!("no {root} {source} -> {target} in {text:?}: {got:?}"))
}

#[test]
fn plain_past_and_present_are_asserted() {
    let text = "Israeli troops attacked Palestinian protesters in Gaza.";
    assert_eq!(factuality(text, "1", "ISR", "PSE"), Factuality::Asserted);
    let text = "Russia rejected the American proposal on Monday.";
    assert_eq!(factuality(text, "12", "RUS", "USA"), Factuality::Asserted);
}

#[test]
fn will_and_a_reported_would_are_intended() {
    let text = "Russia will send troops to Syria.";
    assert_eq!(factuality(text, "", "RUS", "SYR"), Factuality::Intended);
    let text = "Iraq said it would hold talks with Iran.";
    assert_eq!(factuality(text, "03", "IRQ", "IRN"), Factuality::Intended);
    // a frame of intent; its time expression still dates the agreeing
    let doc = common::run("Russia agreed on Monday to meet Ukraine.", (2019, 5, 14));
    let e = &doc.events[0];
    assert_eq!(
        (e.cameo.as_str(), e.factuality),
        ("036", Factuality::Intended)
    );
    assert_eq!(e.date.unwrap().to_string(), "2019-05-13");
}

#[test]
fn modals_conditions_questions_and_wishes_are_hypothetical() {
    let text = "The European Union could impose sanctions on Russia.";
    assert_eq!(
        factuality(text, "16", "IGO", "RUS"),
        Factuality::Hypothetical
    );
    let text = "Israel will strike Iran if Iran attacks Saudi Arabia.";
    assert_eq!(
        factuality(text, "19", "IRN", "SAU"),
        Factuality::Hypothetical
    );
    let text = "Will Russia attack Ukraine?";
    assert_eq!(
        factuality(text, "19", "RUS", "UKR"),
        Factuality::Hypothetical
    );
    let text = "Iran wants to attack Israel.";
    assert_eq!(
        factuality(text, "19", "IRN", "ISR"),
        Factuality::Hypothetical
    );
}

#[test]
fn negated_events_are_negated_and_a_refusal_is_a_rejection() {
    let text = "Israel did not attack Gaza.";
    assert_eq!(factuality(text, "19", "ISR", "PSE"), Factuality::Negated);
    let text = "Russia refused to meet Ukraine.";
    assert_eq!(factuality(text, "12", "RUS", "UKR"), Factuality::Asserted);
}

#[test]
fn a_failed_act_is_failed() {
    let text = "Turkey failed to expel the Syrian ambassador.";
    assert_eq!(factuality(text, "16", "TUR", "SYR"), Factuality::Failed);
}

#[test]
fn a_prevented_act_is_failed() {
    let text = "Israeli jets prevented Hezbollah from attacking Haifa.";
    assert_eq!(factuality(text, "1", "LBN", "ISR"), Factuality::Failed);
}

#[test]
fn an_act_in_a_clausal_subject_is_hypothetical() {
    let text = "Persuading Serbia to sign a treaty with Kosovo requires years of patient talks.";
    assert_eq!(factuality(text, "", "SRB", "XKX"), Factuality::Hypothetical);
}

#[test]
fn a_relative_clause_acts_through_the_noun_it_describes() {
    let got = events("The army fought the militia that has shelled Georgia.");
    assert!(
        got.iter()
            .any(|(c, s, t, _)| c.starts_with("19") && s.ends_with("REB") && t.starts_with("GEO")),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|(c, s, t, _)| c.starts_with("194") && s.ends_with("MIL") && t == "GEO"),
        "the army became the sheller: {got:?}"
    );
}

#[test]
fn an_event_noun_in_an_adjunct_of_time_is_background() {
    let got = events(
        "After the bombing of the embassy by Iran, Israel recalled its ambassador from Tehran.",
    );
    assert!(!got.iter().any(|e| e.0.starts_with("18")), "{got:?}");
    assert!(
        got.iter().any(|e| e.0.starts_with("16") && e.1 == "ISR"),
        "{got:?}"
    );
}

#[test]
fn a_statement_needs_an_actor_it_is_about() {
    assert_eq!(
        events("The Russian embassy said the border was calm."),
        vec![]
    );
    // the reported event stands for the statement
    let got = events("Iran said Israel had attacked a convoy in Syria.");
    assert!(got.iter().all(|e| !e.0.starts_with("01")), "{got:?}");
    assert!(
        got.iter().any(|e| e.0.starts_with("18") && e.1 == "ISR"),
        "{got:?}"
    );
}

#[test]
fn what_an_accusation_says_was_done_is_reported() {
    let text = "Israel accused Iran of seizing a British tanker in the Gulf.";
    assert_eq!(factuality(text, "11", "ISR", "IRN"), Factuality::Asserted);
    assert_eq!(factuality(text, "17", "IRN", "GBR"), Factuality::Reported);
}

#[test]
fn a_reduced_relative_is_background() {
    let got = events("Serbia and Kosovo signed a pact meant to ease the dispute over the border.");
    assert!(!got.iter().any(|e| e.0.starts_with("08")), "{got:?}");
}

#[test]
fn a_subject_naming_no_known_actor_lends_the_verb_none() {
    let got = events(
        "Most of its rockets can reach Jordan and Egypt, but Korvan has threatened to attack Turkey.",
    );
    assert!(
        !got.iter().any(|e| e.1 == "JOR" || e.1 == "EGY"),
        "the nearest actor became the source: {got:?}"
    );
}

#[test]
fn an_actor_does_not_act_on_itself() {
    assert_eq!(events("The United States accused the US of lying."), vec![]);
}

#[test]
fn an_event_noun_counts_only_where_the_sentence_reports_it() {
    // the object of a verb, a subject, an amount of it
    let got = events("Israel launched an offensive against Hamas.");
    assert!(
        got.iter().any(|e| e.0.starts_with("19") && e.1 == "ISR"),
        "{got:?}"
    );
    let got = events("Israeli airstrikes on Gaza killed five people.");
    assert!(
        got.iter().any(|e| e.0.starts_with("19") && e.1 == "ISR"),
        "{got:?}"
    );
    let got = events("Russia and Ukraine held a new round of talks.");
    assert!(
        got.iter().any(|e| e.0.starts_with("04") && e.1 == "RUS"),
        "{got:?}"
    );
    // not one named in passing
    let got = events("Ukraine welcomed the end of the sanctions on Russia by the European Union.");
    assert!(!got.iter().any(|e| e.0.starts_with("16")), "{got:?}");
}

#[test]
fn a_relative_clause_whose_subject_names_no_actor_lends_none() {
    let got =
        events("The Arab League's chief praised those who marched through the streets of Cairo.");
    assert!(!got.iter().any(|e| e.0.starts_with("14")), "{got:?}");
    // "whose supporters": the noun the clause describes acts
    let got = events(
        "Russia criticized the Muslim Brotherhood, whose supporters have attacked Egyptian police.",
    );
    assert!(
        got.iter()
            .any(|e| e.0.starts_with("18") || e.0.starts_with("19")),
        "{got:?}"
    );
}

#[test]
fn a_verb_borrowing_a_subject_the_parse_cannot_find_gets_none() {
    let got = events(
        "The visit is seen as a sign of warmer ties between Japan and China, after Xi last week pledged to reopen the consulates and resume flights.",
    );
    assert!(
        !got.iter()
            .any(|e| e.0.starts_with("03") && e.1.starts_with("JPN")),
        "{got:?}"
    );
}

#[test]
fn a_passive_subject_without_a_passive_auxiliary_is_active() {
    let got = events("French senators and activists, though, had urged Macron to press Iran.");
    assert!(
        got.iter().any(|e| e.0.starts_with("02") && e.1 == "FRALEG"),
        "{got:?}"
    );
}

#[test]
fn an_event_noun_taken_part_in_is_its_subjects_act() {
    // "are engaged" is no passive: the rebels clash, and the soldiers back
    let got =
        events("The rebels are engaged in fierce clashes with Syrian soldiers near the airport.");
    for (source, target) in [("SYRREB", "SYRMIL"), ("SYRMIL", "SYRREB")] {
        assert!(
            got.iter()
                .any(|e| e.0.starts_with("19") && e.1 == source && e.2 == target),
            "{got:?}"
        );
    }
    // working in cooperation, as stated intent
    let text = "Chile said that Peru and Bolivia would work in close cooperation.";
    assert_eq!(factuality(text, "03", "PER", "BOL"), Factuality::Intended);
    let got = events("Kurdish fighters took part in the fighting with ISIS near Kobani.");
    assert!(
        got.iter()
            .any(|e| e.0.starts_with("19") && e.2.contains("ISI")),
        "{got:?}"
    );
}

#[test]
fn a_noun_alone_is_an_act_only_of_a_verb_that_says_it_was_done() {
    // the object of a verb of doing, its target in its own phrase
    let got = events("The Pakistani army carried out a raid against the Taliban.");
    assert!(
        got.iter()
            .any(|e| e.0.starts_with("19") && e.1 == "PAKMIL" && e.2.starts_with("AFG")),
        "{got:?}"
    );
    // handled, postponed: nobody's protest
    let got = events("The Hong Kong police handled the protests badly.");
    assert!(!got.iter().any(|e| e.0.starts_with("14")), "{got:?}");
    let got = events("Pakistan agreed to postpone the demonstration in Karachi.");
    assert!(!got.iter().any(|e| e.0 != "030"), "{got:?}");
    // a noun modifying another names no act
    let got = events(
        "Police in Kenya said militants from Somalia planned demonstration killings in Nairobi.",
    );
    assert!(!got.iter().any(|e| e.0.starts_with("14")), "{got:?}");
}

#[test]
fn a_verb_pattern_beats_a_noun_pattern_over_the_same_words() {
    let got = events("Israel halted its attacks on Gaza on Sunday.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.starts_with("08"), "{got:?}");
}

#[test]
fn the_actor_of_a_noun_complement_is_whom_the_frame_is_aimed_at() {
    let got = events("Israel agreed to American mediation.");
    assert!(
        got.iter()
            .any(|e| e.0.starts_with("03") && e.1 == "ISR" && e.2 == "USA"),
        "{got:?}"
    );
}

#[test]
fn what_a_statement_says_of_another_actor_is_no_act_towards_it() {
    // "X said Y would ..." reports Y's act; X says nothing to Y
    let got = events("Turkey's president said Greece would hold elections in May.");
    assert!(!got.iter().any(|e| e.0.starts_with("01")), "{got:?}");
    // said to someone, or of someone, it is
    let got =
        events("The Cuban leader explained to President Obama that the prisoners had been freed.");
    assert!(
        got.iter()
            .any(|e| e.0.starts_with("01") && e.1 == "CUBGOV" && e.2 == "USAGOV"),
        "{got:?}"
    );
}

#[test]
fn an_intent_over_another_frame_verb_is_that_act_intended() {
    // no intent to cooperate: a rejection, intended
    let got = events("Iran plans to reject the American proposal.");
    assert!(!got.iter().any(|e| e.0.starts_with("03")), "{got:?}");
    assert_eq!(
        factuality(
            "Iran plans to reject the American proposal.",
            "12",
            "IRN",
            "USA"
        ),
        Factuality::Intended
    );
    let text = "Iran intends to demand compensation from Iraq.";
    assert_eq!(factuality(text, "10", "IRN", "IRQ"), Factuality::Intended);
}

#[test]
fn where_a_meeting_happened_is_not_whom_it_was_with() {
    let got = events("Chinese and Russian officials met in Kazakhstan on Monday.");
    assert!(!got.iter().any(|e| e.2.starts_with("KAZ")), "{got:?}");
    let got = events("Egypt's foreign minister met in Geneva with Turkish officials.");
    assert!(!got.iter().any(|e| e.2.starts_with("CHE")), "{got:?}");
}

#[test]
fn an_event_noun_is_the_act_of_the_verb_whose_object_it_is() {
    // the object of "support", which codes on its own; "delayed" does not
    // make the agreement anyone's
    let got = events("Ghana and Togo support a long-delayed security agreement with Benin.");
    assert!(!got.iter().any(|e| e.0.starts_with("057")), "{got:?}");
    // "X-led": X's act
    let got = events("The Turkish-led invasion of Syria drove out the Kurdish militias.");
    assert!(
        got.iter()
            .any(|e| e.0.starts_with("19") && e.1 == "TUR" && e.2 == "SYR"),
        "{got:?}"
    );
}

#[test]
fn being_expected_or_due_to_act_is_an_intent_of_the_act() {
    let text = "Putin is due to visit China next week.";
    assert_eq!(factuality(text, "036", "RUS", "CHN"), Factuality::Intended);
    // coordinated subjects of a plural verb meet each other
    let got = events("Ghana and Togo are scheduled to hold talks.");
    for (source, target) in [("GHA", "TGO"), ("TGO", "GHA")] {
        assert!(
            got.iter()
                .any(|e| e.0 == "036" && e.1 == source && e.2 == target),
            "{got:?}"
        );
    }
    // no act after it, or used actively: nothing intended
    assert_eq!(
        events("Oil prices in Nigeria are expected to rise."),
        vec![]
    );
    let got = events("The United States expects Iran to comply with the deal.");
    assert!(!got.iter().any(|e| e.0.starts_with("03")), "{got:?}");
}

#[test]
fn a_statement_that_its_subject_did_wrong_accuses_it() {
    let text = "Iran violated the agreement, Israel said.";
    assert_eq!(factuality(text, "112", "ISR", "IRN"), Factuality::Asserted);
    let text = "The Syrian president said the United States had lied about the attack.";
    assert_eq!(factuality(text, "112", "SYR", "USA"), Factuality::Asserted);
    // not said to have done it: nothing
    let got = events("Israel said Iran had not violated the agreement.");
    assert!(!got.iter().any(|e| e.0 == "112"), "{got:?}");
}

#[test]
fn what_someone_is_to_do_is_intended_and_an_agreement_shelved_failed() {
    let text = "Kenya's president was to meet Ugandan officials in Kampala.";
    assert_eq!(factuality(text, "036", "KEN", "UGA"), Factuality::Intended);
    let text = "Ukraine shelved an agreement with the European Union.";
    assert_eq!(factuality(text, "057", "UKR", "IGO"), Factuality::Failed);
}

#[test]
fn a_warning_is_made_to_the_subject_of_its_clause() {
    let text = "Israel warned that Hezbollah would pay a heavy price.";
    assert_eq!(factuality(text, "13", "ISR", "LBN"), Factuality::Asserted);
}

#[test]
fn a_modifier_of_its_patterns_noun_stands_where_that_noun_does() {
    // "military" of "military action against": the action is what is
    // prevented, so nothing was done to Egypt
    let text = "Turkey and Greece worked together to prevent any military action against Egypt.";
    let got = events(text);
    assert!(
        !got.iter()
            .any(|(c, _, t, f)| c.starts_with("19") && t == "EGY" && *f == Factuality::Asserted),
        "{got:?}"
    );
    let text = "Turkey carried out a military action against Egypt.";
    assert_eq!(factuality(text, "19", "TUR", "EGY"), Factuality::Asserted);
}

#[test]
fn coordinated_actors_cooperate_with_each_other_not_with_their_purposes_actors() {
    let text = "Turkey and Greece worked together to prevent any military action against Egypt.";
    let got = events(text);
    assert!(
        got.iter()
            .any(|(c, s, t, _)| c.starts_with("06") && s == "TUR" && t == "GRC"),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|(_, _, t, f)| t == "EGY" && *f == Factuality::Asserted),
        "{got:?}"
    );
    // one actor's purpose may name its target (force on its own
    // protesters: repression)
    let text = "Egyptian police opened fire to disperse Islamist demonstrators.";
    let got = events(text);
    assert!(
        got.iter()
            .any(|(c, s, t, _)| (c.starts_with("19") || c == "175")
                && s == "EGYCOP"
                && t.starts_with("EGY")),
        "{got:?}"
    );
}

#[test]
fn what_an_actor_refrained_from_or_avoided_is_not_done() {
    let text = "The president refrained from criticizing Russia over the sale.";
    assert!(
        !events(text)
            .iter()
            .any(|(c, _, t, f)| c.starts_with("11") && t == "RUS" && *f == Factuality::Asserted),
        "{:?}",
        events(text)
    );
}

#[test]
fn what_was_not_done_is_no_refusal_unless_it_answers_another() {
    // not done in the past: negated, no rejection
    let got = events("Pompeo did not meet Kim Jong Un on his latest visit to Pyongyang.");
    assert!(
        !got.iter().any(|(c, _, _, _)| c.starts_with("12")),
        "{got:?}"
    );
    // a refusal now or to come
    let got = events("Iran will not negotiate with the United States.");
    assert!(
        got.iter()
            .any(|(c, s, t, _)| c.starts_with("12") && s == "IRN" && t == "USA"),
        "{got:?}"
    );
    // a response not given is a refusal even in the past
    let got = events("Russia did not recognize the government in Kiev.");
    assert!(
        got.iter()
            .any(|(c, s, t, _)| c.starts_with("12") && s == "RUS" && t.starts_with("UKR")),
        "{got:?}"
    );
}

#[test]
fn a_negation_before_coordinated_adverbs_negates_but_not_only_does_not() {
    let text =
        "Obama still has not publicly and specifically described the Benghazi attack as terrorism.";
    assert_eq!(factuality(text, "01", "USA", "LBY"), Factuality::Negated);
    let text = "The two countries are not directly fighting each other in Syria.";
    assert!(
        !events(text)
            .iter()
            .any(|e| e.0.starts_with("19") && e.3 == Factuality::Asserted),
        "{:?}",
        events(text)
    );
    let text = "Belgium not only canceled all its flights to Tunisia but also closed its embassy.";
    assert_eq!(factuality(text, "16", "BEL", "TUN"), Factuality::Asserted);
}

#[test]
fn a_persons_name_is_no_modal() {
    // "May" is Theresa May, named before, not "may"
    let text = "Prime Minister Theresa May met Trump. May criticized Russia on Tuesday.";
    assert_eq!(factuality(text, "11", "GBR", "RUS"), Factuality::Asserted);
}

#[test]
fn demonstrating_something_is_showing_it_not_protesting() {
    let text = "The Ukrainian people have demonstrated a willingness to fight Russia.";
    assert!(
        !events(text).iter().any(|e| e.0.starts_with("14")),
        "{:?}",
        events(text)
    );
    let text = "Thousands of Ukrainian protesters demonstrated in Kiev against the government.";
    assert!(
        events(text).iter().any(|e| e.0.starts_with("14")),
        "{:?}",
        events(text)
    );
}

#[test]
fn a_refusal_to_say_something_states_no_act() {
    let text =
        "Trump also declined to challenge Putin's insistence that his country did not meddle.";
    assert!(events(text).is_empty(), "{:?}", events(text));
    let text = "Trump has been especially reluctant to blame Russia for its interference.";
    assert!(events(text).is_empty(), "{:?}", events(text));
    // an intent of an act is one
    let text = "Israel has agreed to a Palestinian state with defined borders.";
    assert!(
        events(text)
            .iter()
            .any(|e| e.0.starts_with("03") && e.2.starts_with("PSE")),
        "{:?}",
        events(text)
    );
}
