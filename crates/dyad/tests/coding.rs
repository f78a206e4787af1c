//! Actors and events on real-style sentences written for these tests,
//! through the whole pipeline with the built-in dictionaries.

mod common;

use chrono::NaiveDate;
use common::{pipeline, run};

/// (text, code, name) of each actor mention.
fn actors(text: &str, date: (i32, u32, u32)) -> Vec<(String, String, Option<String>)> {
    let doc = run(text, date);
    doc.mentions
        .iter()
        .map(|m| {
            (
                doc.slice(m.span).to_string(),
                m.actor.code.clone(),
                m.actor.name.clone(),
            )
        })
        .collect()
}

/// (cameo, source code, target code) of each event.
fn events(text: &str) -> Vec<(String, String, String)> {
    let doc = run(text, (2019, 5, 14));
    let code = |a: &Option<dyad_core::EventActor>| {
        a.as_ref().map_or("---".to_string(), |a| a.code.clone())
    };
    doc.events
        .iter()
        .map(|e| (e.cameo.clone(), code(&e.source), code(&e.target)))
        .collect()
}

fn has_code(events: &[(String, String, String)], code: &str, source: &str, target: &str) -> bool {
    events
        .iter()
        .any(|(c, s, t)| c.starts_with(code) && s == source && t == target)
}

#[test]
fn countries_with_agents_titles_and_metonyms() {
    let got = actors(
        "Ukrainian sailors were detained by Russian border guards, the Kremlin said.",
        (2018, 11, 26),
    );
    let codes: Vec<&str> = got.iter().map(|a| a.1.as_str()).collect();
    assert_eq!(codes[0], "UKRMIL");
    assert!(codes[1].starts_with("RUS"));
    assert_eq!(codes[2], "RUSGOV");
    let got = actors(
        "The Venezuelan opposition said the White House backed it.",
        (2019, 2, 1),
    );
    assert_eq!(got[0].1, "VENOPP");
    assert_eq!(got[1].1, "USAGOV");
}

#[test]
fn the_same_name_on_two_dates() {
    let in_2010 = actors("Vladimir Putin met the Chinese premier.", (2010, 6, 1));
    let in_2019 = actors("Vladimir Putin met the Chinese premier.", (2019, 6, 1));
    assert_eq!(in_2010[0].1, "RUSGOV");
    assert_eq!(in_2019[0].1, "RUSGOV");
    assert_eq!(in_2010[0].2.as_deref(), Some("Vladimir Putin"));
    let doc = run("Vladimir Putin met the Chinese premier.", (2010, 6, 1));
    let putin = pipeline()
        .dictionaries()
        .actors
        .find(&["Vladimir", "Putin"]);
    let entry = pipeline().dictionaries().actors.entry(putin[0].entry);
    assert_eq!(
        entry.role_on(doc.meta.published).unwrap().title,
        "prime minister"
    );
    assert_eq!(
        entry
            .role_on(NaiveDate::from_ymd_opt(2019, 6, 1))
            .unwrap()
            .title,
        "president"
    );
}

#[test]
fn unknown_names_resolve_from_title_and_adjective() {
    let got = actors(
        "Venezuelan opposition leader Juanito Perezoso called for protests.",
        (2019, 1, 25),
    );
    assert_eq!(got[0].1, "VENOPP");
    assert_eq!(got[0].2.as_deref(), Some("Juanito Perezoso"));
    let got = actors(
        "Haitian President Jean-Bertrand Aristide returned to Port-au-Prince.",
        (1994, 10, 15),
    );
    assert_eq!(got[0].1, "HTIGOV");
    assert_eq!(got[0].2.as_deref(), Some("Jean-Bertrand Aristide"));
    let got = actors("The president of Armenia arrived in Moscow.", (2019, 1, 25));
    assert_eq!(got[0].1, "ARMGOV");
}

#[test]
fn a_leaders_name_before_a_body_of_the_state_is_that_body() {
    // A surname the dictionary lists only in full names ("George W. Bush"):
    // the office of whoever of that name held one then.
    let got = actors(
        "The Bush administration said China must drop its trade barriers.",
        (2002, 3, 5),
    );
    assert_eq!(got[0].0, "Bush administration");
    assert_eq!(got[0].1, "USAGOV");
    assert_eq!(got[0].2, None);
    // A listed name, and after the term: the administration was still the
    // government of its day.
    let got = actors(
        "A Netanyahu spokesman denied that the Obama administration had been told.",
        (2019, 3, 5),
    );
    assert_eq!(got[0].0, "Netanyahu spokesman");
    assert_eq!(got[0].1, "ISRGOV");
    assert_eq!(got[1].0, "Obama administration");
    assert_eq!(got[1].1, "USAGOV");
    // Not a body of the state: the person stays apart.
    let got = actors("Trump supporters marched in Washington.", (2019, 3, 5));
    assert_eq!(got[0].0, "Trump");
}

#[test]
fn actors_coordinated_across_an_article_and_adjectives() {
    let got = events("Iran and the powerful Hezbollah militia condemned Israel.");
    assert!(has_code(&got, "11", "IRN", "ISR"), "{got:?}");
    assert!(has_code(&got, "11", "LBNREBHEZ", "ISR"), "{got:?}");
    let got = events("Russia and the embattled Syrian government attacked rebel positions.");
    assert!(has_code(&got, "19", "RUS", "---REB"), "{got:?}");
    assert!(has_code(&got, "19", "SYRGOV", "---REB"), "{got:?}");
    // a hyphenated word is no adjective to pass over: nobody helps ISIS here
    let got = events("Washington will help the new Iraqi government and the anti-ISIS coalition.");
    assert!(got.iter().all(|(_, _, t)| t != "IMGMOSISI"), "{got:?}");
}

#[test]
fn events_from_plain_sentences() {
    assert!(has_code(
        &events("Israel accused Iran of attacking a tanker."),
        "112",
        "ISR",
        "IRN"
    ));
    assert!(has_code(
        &events("Russian troops attacked Ukrainian positions near Donetsk on Monday."),
        "19",
        "RUSMIL",
        "UKR"
    ));
}

#[test]
fn frames_combine_with_their_complement() {
    let ev = events("Kenya and Uganda agreed to hold talks on the border.");
    assert!(
        has_code(&ev, "036", "KEN", "UGA") && has_code(&ev, "036", "UGA", "KEN"),
        "{ev:?}"
    );
    let ev = events("Turkey threatened to impose sanctions on Austria.");
    assert!(has_code(&ev, "13", "TUR", "AUT"), "{ev:?}");
}

#[test]
fn negation_turns_into_rejection() {
    let ev = events("Serbia refused to withdraw its troops from Kosovo.");
    assert!(
        ev.iter().any(|(c, s, _)| c.starts_with("12") && s == "SRB"),
        "{ev:?}"
    );
}

#[test]
fn surnames_pronouns_and_descriptions_refer_back() {
    let text = "Russian President Vladimir Putin met Kenyan opposition leader Amani Odhiambo in Sochi. \
                Odhiambo said he would return to Nairobi. Later the Russian president said his country \
                would send aid. Kenya said it would welcome the aid.";
    let doc = run(text, (2019, 6, 1));
    let find = |s: usize, t: &str| {
        doc.mentions
            .iter()
            .find(|m| m.sentence == s && doc.slice(m.span) == t)
            .unwrap_or_else(|| panic!("no mention {t:?} in sentence {s}"))
    };
    let surname = find(1, "Odhiambo");
    assert_eq!(surname.actor.name.as_deref(), Some("Amani Odhiambo"));
    assert_eq!(surname.actor.code, "KENOPP");
    assert_eq!(surname.via, dyad_core::Via::Coreference);
    assert_eq!(find(1, "he").actor.name.as_deref(), Some("Amani Odhiambo"));
    let description = find(2, "Russian president");
    assert_eq!(description.actor.name.as_deref(), Some("Vladimir Putin"));
    assert_eq!(find(2, "his country").actor.code, "RUS");
    assert_eq!(find(3, "it").actor.code, "KEN");
}

#[test]
fn a_bare_title_repeats_the_one_named_with_it() {
    // Putin is president too, and named last; "the president" repeats the
    // one the text called so
    let text = "President Trump said he accepted the findings, after his press conference \
                with Vladimir Putin. The president clarified his remarks during a meeting with lawmakers.";
    let doc = run(text, (2018, 7, 17));
    let president = doc
        .mentions
        .iter()
        .find(|m| m.sentence == 1 && doc.slice(m.span) == "president")
        .expect("a mention of the president");
    assert_eq!(president.actor.name.as_deref(), Some("Donald Trump"));
}

#[test]
fn the_two_leaders_and_both_countries_stand_for_a_pair() {
    let text = "Vladimir Putin hosted Xi Jinping in Moscow on Wednesday. The two leaders signed an agreement on energy.";
    let ev = {
        let doc = run(text, (2019, 6, 1));
        let pair: Vec<_> = doc
            .mentions
            .iter()
            .filter(|m| doc.slice(m.span) == "The two leaders")
            .map(|m| m.actor.code.clone())
            .collect();
        assert_eq!(pair, ["RUSGOV", "CHNGOV"]);
        doc.events
            .iter()
            .filter(|e| e.sentence == 1)
            .map(|e| {
                (
                    e.source.clone().unwrap().code,
                    e.target.clone().unwrap().code,
                )
            })
            .collect::<Vec<_>>()
    };
    assert!(
        ev.contains(&("RUSGOV".to_string(), "CHNGOV".to_string()))
            && ev.contains(&("CHNGOV".to_string(), "RUSGOV".to_string())),
        "{ev:?}"
    );
    let doc = run(
        "Armenia and Azerbaijan met in Geneva. Both countries agreed to exchange prisoners.",
        (2020, 12, 1),
    );
    let pair: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| doc.slice(m.span) == "Both countries")
        .map(|m| m.actor.code.clone())
        .collect();
    assert_eq!(pair, ["ARM", "AZE"]);
    // with no two states named, the countries of the officials named
    let doc = run(
        "Chuck Hagel met South Korean officials in Seoul on Monday. The two countries agreed to hold talks.",
        (2013, 10, 2),
    );
    let pair: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| doc.slice(m.span) == "two countries")
        .map(|m| m.actor.code.clone())
        .collect();
    assert_eq!(pair, ["USA", "KOR"]);
}

#[test]
fn peoples_belong_to_the_state_they_live_in() {
    // Two adjectives: the first is the state ("Bosnian Serbs" are Bosnians).
    let got = actors(
        "Bosnian Serb forces shelled the town of Bihac overnight.",
        (1994, 11, 20),
    );
    assert_eq!(got[0].0, "Bosnian Serb forces");
    assert_eq!(got[0].1, "BIHMIL");
    // "ethnic" makes the demonym a people: its country is where it lives.
    let got = actors(
        "Police in Skopje detained ten ethnic Albanians on Tuesday.",
        (2001, 5, 8),
    );
    let albanians = got.iter().find(|a| a.0 == "Albanians").unwrap();
    assert_eq!(albanians.1, "MKDETH");
}

#[test]
fn ultimatums_are_threats_to_whom_the_condition_is_put() {
    let ev = events(
        "Ghana said it will withdraw its troops from Mali unless the junta holds elections.",
    );
    assert!(
        ev.iter().any(|(c, s, _)| c.starts_with("13") && s == "GHA"),
        "{ev:?}"
    );
    let ev = events("Iran threatened to expel the inspectors if France imposes new sanctions.");
    assert!(has_code(&ev, "13", "IRN", "FRA"), "{ev:?}");
    let ev =
        events("Turkey threatened to send refugees to Greece if the European Union criticised it.");
    assert!(has_code(&ev, "13", "TUR", "IGOEUREEC"), "{ev:?}");
}

#[test]
fn plover_follows_its_manual_where_the_crosswalk_differs() {
    let cameo = &pipeline().dictionaries().cameo;
    let plover = |code: &str| cameo.get(code).and_then(|c| c.plover.clone());
    // easing a curfew is a concession, a resignation a retreat
    assert_eq!(plover("0813").as_deref(), Some("CONCEDE"));
    assert_eq!(plover("0831").as_deref(), Some("RETREAT"));
    let doc = run(
        "The Sudanese government lifted the curfew on protesters in Khartoum on Sunday.",
        (2019, 5, 14),
    );
    let coded: Vec<_> = doc
        .events
        .iter()
        .map(|e| (e.cameo.as_str(), e.plover.as_deref()))
        .collect();
    assert!(coded.contains(&("0813", Some("CONCEDE"))), "{coded:?}");
}

#[test]
fn the_actor_of_a_noun_is_its_verbs_subject() {
    let ev =
        events("Vietnamese troops launched artillery and rocket fire against Cambodian camps.");
    assert!(
        ev.iter()
            .any(|(c, s, _)| c.starts_with("19") && s == "VNMMIL"),
        "{ev:?}"
    );
}

#[test]
fn the_passive_subject_fills_the_object_slot() {
    let ev = events("The Chinese ambassador was accused of espionage by Germany.");
    assert!(has_code(&ev, "1125", "DEU", "CHNGOV"), "{ev:?}");
}

#[test]
fn a_passive_subject_that_names_no_actor_leaves_no_target() {
    // the agent acts; what it acts on is the parse's passive subject, here
    // no actor, and never the speaker of the clause around it
    let ev = events(
        "In Tallinn, the president said the vision of a free Europe is \"threatened by Russia's aggression.\"",
    );
    assert!(!ev.iter().any(|e| e.0 == "130" && e.2 == "RUS"), "{ev:?}");
}

#[test]
fn an_actor_inside_the_passive_subject_is_the_target() {
    let ev = events("A camp for Syrian refugees was attacked by Turkish soldiers on Monday.");
    assert!(has_code(&ev, "190", "TURMIL", "SYRREF"), "{ev:?}");
}

#[test]
fn a_quotation_mark_inside_the_verb_group_keeps_its_modality() {
    // 'will "meet with"': an intent to meet, not a meeting
    let ev = events("Secretary of State Mike Pompeo will \"meet with Israeli Prime Minister Benjamin Netanyahu\" in Jerusalem, his office said.");
    assert!(has_code(&ev, "036", "USAGOV", "ISRGOV"), "{ev:?}");
    assert!(!ev.iter().any(|e| e.0 == "040"), "{ev:?}");
}

#[test]
fn a_possessed_fault_in_what_is_said_criticises_its_owner() {
    let ev = events(
        "Secretary of State Mike Pompeo said the sanctions were a punishment for Moscow's provocations in eastern Ukraine.",
    );
    assert!(has_code(&ev, "111", "USAGOV", "RUSGOV"), "{ev:?}");
    let ev = events(
        "Japanese officials said North Korea's reckless pursuit of nuclear weapons threatens the region.",
    );
    assert!(ev.iter().any(|e| e.0 == "111" && e.2 == "PRK"), "{ev:?}");
    // not when the fault is denied
    let ev = events("The minister said there had been no aggression of Russia's.");
    assert!(!ev.iter().any(|e| e.0 == "111"), "{ev:?}");
}

#[test]
fn nobody_disapproves_of_their_own_country_as_a_whole() {
    // a Russian source of "criticised Russia" is a misread speaker
    let ev = events("Russian officials have mocked the impact of Western sanctions on Russia.");
    assert!(
        !ev.iter().any(|e| e.0.starts_with("11") && e.2 == "RUS"),
        "{ev:?}"
    );
}

#[test]
fn a_meeting_in_an_adjunct_of_occasion_is_reported() {
    // the verb's subject took part in the meeting the adjunct names
    let ev = events("Secretary of State Mike Pompeo told reporters during a meeting with Russian Foreign Minister Sergei Lavrov that progress had been made.");
    assert!(has_code(&ev, "040", "USAGOV", "RUSGOV"), "{ev:?}");
    // an attack there is background, not reported
    let ev = events(
        "Secretary of State Mike Pompeo spoke to reporters after the bombing of the Iraqi embassy.",
    );
    assert!(
        !ev.iter()
            .any(|e| e.0.starts_with("18") || e.0.starts_with("19")),
        "{ev:?}"
    );
}

#[test]
fn an_attack_that_killed_people_is_reported_on_its_casualties() {
    let ev = events(
        "Three Palestinian civilians were killed in an Israeli airstrike in Gaza on Monday.",
    );
    assert!(has_code(&ev, "195", "ISR", "PSECVL"), "{ev:?}");
    let ev =
        events("Two soldiers died in clashes between Ukrainian troops and rebels near Donetsk.");
    assert!(has_code(&ev, "190", "UKRMIL", "UKRREB"), "{ev:?}");
    // only in an adjunct of occasion: after it, it is background
    let ev = events(
        "Three Palestinian civilians were killed after the Israeli airstrike in Gaza on Monday.",
    );
    assert!(!ev.iter().any(|e| e.0.starts_with("19")), "{ev:?}");
}

#[test]
fn an_honorific_before_the_target_is_passed_over() {
    let ev = events("Secretary of State Mike Pompeo spoke to Mr. Netanyahu on Monday.");
    assert!(has_code(&ev, "040", "USAGOV", "ISRGOV"), "{ev:?}");
    let ev = events("Trump urged Ms. Merkel to raise military spending.");
    assert!(has_code(&ev, "02", "USAGOV", "DEUGOV"), "{ev:?}");
}

#[test]
fn a_handshake_is_a_meeting_of_both() {
    let ev = events("Trump shook hands with North Korean leader Kim Jong Un at the border.");
    assert!(
        has_code(&ev, "040", "USAGOV", "PRKGOV") && has_code(&ev, "040", "PRKGOV", "USAGOV"),
        "{ev:?}"
    );
}

#[test]
fn a_former_office_holder_speaks_for_their_country_alone() {
    // in 2019 the former secretary of state holds no office
    let ev = events("Former Secretary of State Hillary Clinton criticized Russia.");
    assert!(has_code(&ev, "111", "USA", "RUS"), "{ev:?}");
    // without "former", a title before a known name of an earlier office
    // still names that office
    let ev = events("In 2012, Secretary of State Hillary Clinton criticized Russia.");
    assert!(has_code(&ev, "111", "USAGOV", "RUS"), "{ev:?}");
}

#[test]
fn wanting_another_to_act_is_an_appeal_to_it() {
    let ev = events("Hamas wants Israel to halt all attacks on Gaza.");
    assert!(has_code(&ev, "02", "PSEREBHMS", "ISR"), "{ev:?}");
    // the wanted act is not reported, nor one not allowed
    assert!(!ev.iter().any(|e| e.0.starts_with("08")), "{ev:?}");
    let doc = run(
        "The opposition urged the authorities not to allow Yanukovych to travel to Russia.",
        (2019, 5, 14),
    );
    let travel = doc.events.iter().find(|e| e.cameo.starts_with("04"));
    assert!(
        travel.is_none_or(|e| e.factuality != dyad_core::Factuality::Asserted),
        "{:?}",
        doc.events
    );
}

#[test]
fn verbs_coordinated_before_one_object_share_it() {
    let ev = events(
        "Ukraine's government said insurgents loyal to Moscow kidnapped and tortured two Ukrainian officials.",
    );
    assert!(ev.iter().any(|e| e.0 == "181" && e.2 == "UKRGOV"), "{ev:?}");
    // a verb with an object of its own keeps it
    let ev = events(
        "The Secretary-General called for calm and urged Israel to respect international law.",
    );
    assert!(
        !ev.iter().any(|e| e.0.starts_with("025") && e.2 == "ISR"),
        "{ev:?}"
    );
}

#[test]
fn a_noun_of_speech_or_force_takes_its_source_after_from() {
    let ev = events("Democrats dismissed the threats from North Korea against the United States.");
    assert!(has_code(&ev, "13", "PRK", "USA"), "{ev:?}");
    // where "from" is whence the act goes, it names no source
    let ev = events("Trump ordered the withdrawal of American troops from Syria.");
    assert!(!ev.iter().any(|e| e.1 == "SYR"), "{ev:?}");
}

#[test]
fn saying_another_failed_accuses_it() {
    let ev = events(
        "Secretary of State Mike Pompeo said Russia had failed to live up to the agreement.",
    );
    assert!(has_code(&ev, "11", "USAGOV", "RUS"), "{ev:?}");
}

#[test]
fn coordinated_countries_share_the_group_after_them() {
    let ev = events("U.S. and Iraqi forces attacked Islamic State positions near Mosul.");
    assert!(
        ev.iter().any(|e| e.0.starts_with("19") && e.1 == "USAMIL"),
        "{ev:?}"
    );
    assert!(
        ev.iter().any(|e| e.0.starts_with("19") && e.1 == "IRQMIL"),
        "{ev:?}"
    );
}

#[test]
fn a_person_after_a_countrys_possessive_is_one_actor() {
    let ev = events("China's Xi Jinping met with South Korea's Moon Jae-in in Beijing.");
    assert!(has_code(&ev, "040", "CHNGOV", "KORGOV"), "{ev:?}");
}

#[test]
fn an_actor_the_pattern_names_is_its_target() {
    // the protesters' clash is a violent protest against the police, the
    // police's part back repression
    let ev = events("Hundreds of protesters clashed with police in Hong Kong on Sunday.");
    assert!(has_code(&ev, "145", "HKGCVL", "HKGCOP"), "{ev:?}");
    assert!(has_code(&ev, "175", "HKGCOP", "HKGCVL"), "{ev:?}");
    // not whom news is told to
    let ev = events("Secretary of State Mike Pompeo told reporters of the plan.");
    assert!(!ev.iter().any(|e| e.2.ends_with("MED")), "{ev:?}");
    // nor a crowd spoken to; a crowd dispersed is acted on
    let ev = events("Erdogan spoke to the crowds at the airport on Saturday.");
    assert!(!ev.iter().any(|e| e.0.starts_with("04")), "{ev:?}");
    let ev =
        events("Indian police used tear gas to disperse the stone-throwing crowds in Srinagar.");
    assert!(has_code(&ev, "175", "INDCOP", "INDCVL"), "{ev:?}");
}

#[test]
fn an_event_under_no_is_negated() {
    for text in [
        "Secretary of State Mike Pompeo said there was no discussion of giving Iran an ultimatum.",
        "Russia has no plans to shut down American companies, Finance Minister Anton Siluanov said.",
    ] {
        let doc = run(text, (2019, 5, 14));
        assert!(
            doc.events
                .iter()
                .all(|e| e.factuality != dyad_core::Factuality::Asserted || e.cameo.starts_with("01")),
            "{text}: {:?}",
            doc.events
        );
    }
}

#[test]
fn an_agent_word_used_as_an_adjective_names_no_one() {
    let ev = events("The Labour leader said he wanted a general election to end austerity.");
    assert!(
        !ev.iter()
            .any(|e| e.2.ends_with("MIL") || e.1.ends_with("MIL")),
        "{ev:?}"
    );
}

#[test]
fn objects_come_before_adjuncts_of_time_and_cause() {
    let ev =
        events("Israel has strengthened its forces in Lebanon following the discovery of Iranian-made rockets.");
    assert!(has_code(&ev, "154", "ISR", "LBN"), "{ev:?}");
}

#[test]
fn a_mediator_acts_on_both_parties() {
    let ev = events(
        "The emir of Qatar launched a mediation effort between Ethiopia and Eritrea on Saturday.",
    );
    assert!(
        has_code(&ev, "045", "QATGOV", "ETH") && has_code(&ev, "045", "QATGOV", "ERI"),
        "{ev:?}"
    );
}

#[test]
fn a_protest_is_aimed_at_whom_its_demand_is_made_of() {
    let ev = events(
        "Young Algerians blocked roads in Algiers on Sunday to press their demands on President Bouteflika's government.",
    );
    assert!(has_code(&ev, "144", "DZA", "DZAGOV"), "{ev:?}");
}

#[test]
fn a_demand_is_made_of_the_subject_of_its_that_clause() {
    let ev =
        events("The Kenyan opposition demanded that the Ugandan government explain the arrests.");
    assert!(has_code(&ev, "100", "KENOPP", "UGAGOV"), "{ev:?}");
}

#[test]
fn participles_may_stand_between_a_pattern_and_its_actor() {
    let ev = events(
        "Serbian forces completed their withdrawal from the besieged Bosnian town of Gorazde.",
    );
    assert!(has_code(&ev, "087", "SRBMIL", "BIH"), "{ev:?}");
}

#[test]
fn an_intent_inside_a_frame_passes_its_complement_on() {
    let ev =
        events("The Turkish government has refused to commit to any direct assistance to Egypt.");
    assert!(has_code(&ev, "122", "TURGOV", "EGY"), "{ev:?}");
    assert!(!ev.iter().any(|(c, _, _)| c.starts_with("03")), "{ev:?}");
}

#[test]
fn a_source_with_a_target_has_no_event_without_one() {
    let ev = events("The United States and Jordan have agreed upon a free-trade pact between the two countries.");
    assert!(has_code(&ev, "030", "USA", "JOR"), "{ev:?}");
    assert!(!ev.iter().any(|(_, _, t)| t == "---"), "{ev:?}");
}

#[test]
fn an_object_is_not_sought_past_a_place_or_another_predicate() {
    // "East Timor's capital Dili" is one place, where the riot happened.
    let ev = events("Students rioted in East Timor's capital Dili on Monday.");
    assert!(
        ev.iter()
            .any(|(c, s, t)| c == "145" && s.starts_with("TLS") && t != "TLSGOV"),
        "{ev:?}"
    );
    let ev = events("Israel is strengthening its forces in Lebanon and praising NATO.");
    assert!(has_code(&ev, "154", "ISR", "LBN"), "{ev:?}");
}

#[test]
fn a_light_verbs_object_is_the_frames_complement() {
    let ev = events("North Korea threatened to launch a nuclear strike against the United States.");
    assert!(has_code(&ev, "13", "PRK", "USA"), "{ev:?}");
}

#[test]
fn a_thing_of_an_actor_stands_for_the_actor() {
    let ev = events("Turkish warplanes struck camps of the PKK in northern Iraq on Saturday.");
    assert!(
        ev.iter()
            .any(|(c, s, t)| c.starts_with("19") && s == "TURMIL" && t == "TURREBPKK"),
        "{ev:?}"
    );
}

#[test]
fn a_name_inside_a_failed_longer_name_is_still_found() {
    // "Southern Lebanon" is listed capitalised; "southern Lebanon" still holds Lebanon.
    let got = actors(
        "Israel withdrew its troops from southern Lebanon.",
        (2000, 5, 24),
    );
    assert!(
        got.iter().any(|a| a.0 == "Lebanon" && a.1 == "LBN"),
        "{got:?}"
    );
    // A group placed "in northern Iraq" is Iraq's.
    let got = actors("Rebels in northern Iraq attacked a convoy.", (2000, 5, 24));
    assert_eq!(got[0].1, "IRQREB", "{got:?}");
}

#[test]
fn hyphenated_pattern_words_match_the_split_tokens() {
    let ev = events("China's navy staged live-fire drills off the coast of Fujian on Wednesday.");
    assert!(
        ev.iter()
            .any(|(c, s, _)| c == "150" && s.starts_with("CHN")),
        "{ev:?}"
    );
}

#[test]
fn a_list_of_actors_closed_by_and_acts_together() {
    let ev = events(
        "Qatar hosted talks with Saudi Arabia, Bahrain, Egypt and the United Arab Emirates.",
    );
    for target in ["SAU", "BHR", "EGY", "ARE"] {
        assert!(
            ev.iter()
                .any(|(_, s, t)| s.starts_with("QAT") && t == target),
            "{target}: {ev:?}"
        );
    }
}

#[test]
fn a_bare_group_takes_the_country_named_nearby_not_the_documents_most_frequent() {
    let text = "Kenya and Uganda signed a trade pact on Monday. \
        Kenya praised the pact. Kenya will host the next round. Kenya invited Uganda. \
        The talks were long. Everyone was tired. Uganda rejected a plan. \
        Police arrested opposition leaders in the capital.";
    let got = actors(text, (2019, 5, 14));
    let police = got.iter().find(|a| a.0 == "Police").expect("police");
    assert_eq!(police.1, "UGACOP", "{got:?}");
    // nothing nearby, no dateline: the group keeps no country
    let got = actors(
        "Kenya praised Uganda. The talks were long. Everyone was tired. It rained. Police arrested protesters.",
        (2019, 5, 14),
    );
    let police = got.iter().find(|a| a.0 == "Police").expect("police");
    assert_eq!(police.1, "---COP", "{got:?}");
}

#[test]
fn a_group_of_both_countries_is_each_countrys_group() {
    let ev = events(
        "Uganda and Kenya agreed to hold talks. The foreign ministers of both countries met in Kampala.",
    );
    assert!(has_code(&ev, "04", "UGAGOV", "KENGOV"), "{ev:?}");
    assert!(has_code(&ev, "04", "KENGOV", "UGAGOV"), "{ev:?}");
    assert!(!has_code(&ev, "04", "UGAGOV", "UGAGOV"), "{ev:?}");
}

#[test]
fn a_protest_is_held_in_a_place_not_against_it() {
    let ev = events("Thousands of students demonstrated in Nairobi on Saturday.");
    assert!(
        ev.iter()
            .any(|(c, s, t)| c.starts_with("14") && s == "KENEDU" && t == "---"),
        "{ev:?}"
    );
}

#[test]
fn force_against_a_thing_said_or_decided_is_criticism() {
    let ev = events("The senators attacked the policy of the Obama administration.");
    assert!(has_code(&ev, "111", "USALEG", "USAGOV"), "{ev:?}");
    assert!(!ev.iter().any(|(c, _, _)| c.starts_with("19")), "{ev:?}");
    // force against people stays force
    let ev = events("Turkish artillery shelled positions of the Syrian army near Afrin.");
    assert!(ev.iter().any(|(c, _, _)| c.starts_with("19")), "{ev:?}");
}

#[test]
fn protest_that_and_allege_that_accuse() {
    let ev = events("Russia protested that Ukraine had violated the ceasefire.");
    assert!(has_code(&ev, "112", "RUS", "UKR"), "{ev:?}");
    assert!(!ev.iter().any(|(c, _, _)| c.starts_with("14")), "{ev:?}");
}

#[test]
fn the_target_may_sit_in_the_objects_phrase() {
    let ev = events("Chile rejected a new proposal from Bolivia for direct negotiations.");
    assert!(has_code(&ev, "12", "CHL", "BOL"), "{ev:?}");
}

#[test]
fn a_capital_or_nationality_in_an_institutions_name_is_no_actor() {
    let got = actors(
        "Analysts at the Washington Institute and the National Iranian American Council criticized Israel.",
        (2019, 5, 14),
    );
    assert!(
        got.iter()
            .all(|a| !a.1.starts_with("USA") && !a.1.starts_with("IRN")),
        "{got:?}"
    );
    let got = actors("Washington criticized Iran.", (2019, 5, 14));
    assert_eq!(got[0].1, "USAGOV");
}

#[test]
fn the_speaker_of_a_quotation_is_the_subject_of_its_reporting_verb() {
    let ev = events(
        "\"Russia must stop shelling Ukrainian troops,\" said the British foreign minister.",
    );
    assert!(has_code(&ev, "10", "GBRGOV", "RUS"), "{ev:?}");
    assert!(!ev.iter().any(|(_, s, _)| s == "UKRMIL"), "{ev:?}");
}

#[test]
fn a_topic_of_discussion_is_no_target() {
    let ev =
        events("Saudi and Egyptian officials met in Riyadh to discuss Libya, Yemen and Sudan.");
    assert!(
        !ev.iter()
            .any(|(_, _, t)| ["LBY", "YEM", "SDN"].contains(&t.as_str())),
        "{ev:?}"
    );
    assert!(has_code(&ev, "04", "SAUGOV", "EGYGOV"), "{ev:?}");
    let ev = events("Obama and Putin discussed Syria on the phone.");
    assert!(!ev.iter().any(|(_, _, t)| t == "SYR"), "{ev:?}");
}

#[test]
fn a_title_and_a_surname_name_the_person_who_held_that_title() {
    let got = actors("President Clinton met Prime Minister Rabin.", (1995, 5, 14));
    assert_eq!(got[0].1, "USAGOV", "{got:?}");
    assert_eq!(got[0].2.as_deref(), Some("Bill Clinton"));
    // a former president is his country's, not its government
    let got = actors(
        "President Clinton met Prime Minister Netanyahu.",
        (2019, 5, 14),
    );
    assert_eq!(got[0].1, "USA", "{got:?}");
}

#[test]
fn a_statement_made_to_an_actor_is_made_to_it() {
    let ev = events("The Cuban leader explained to President Macron that the talks had stalled.");
    assert!(has_code(&ev, "01", "CUBGOV", "FRAGOV"), "{ev:?}");
}

#[test]
fn the_nearest_actor_in_another_clause_is_not_the_subject() {
    let ev = events(
        "Dozens of villagers were hurt as Turkish soldiers opened fire at Kurdish demonstrators.",
    );
    // (fire on the country's own protesters: repression, 175)
    assert!(
        ev.iter()
            .any(|(c, s, _)| (c.starts_with("19") || c == "175") && s == "TURMIL"),
        "{ev:?}"
    );
    assert!(
        !ev.iter()
            .any(|(_, s, _)| s.ends_with("CVL") && s != "TURCVL"),
        "{ev:?}"
    );
}

#[test]
fn a_statement_that_judges_an_actor_is_criticism_or_praise() {
    // the judgement is the predicate of what was said, of its subject
    let got = events("The Turkish foreign minister said Greece's decision was a grave mistake.");
    assert!(has_code(&got, "111", "TURGOV", "GRC"), "{got:?}");
    assert!(!got.iter().any(|e| e.0 == "010"), "{got:?}");
    let got = events("Sweden's prime minister said Norway had made a serious error.");
    assert!(has_code(&got, "111", "SWEGOV", "NOR"), "{got:?}");
    let got =
        events("“The Kenyan proposal has been very constructive,” the Ugandan president said.");
    assert!(has_code(&got, "051", "UGAGOV", "KEN"), "{got:?}");
    let got =
        events("South Korea's foreign minister said Pyongyang's cancellation was regrettable.");
    assert!(has_code(&got, "111", "KORGOV", "PRKGOV"), "{got:?}");
    let got =
        events("The Iranian foreign minister called the Israeli prime minister's speech baseless.");
    assert!(has_code(&got, "111", "IRNGOV", "ISRGOV"), "{got:?}");
    // a participle judging its passive subject; a misdeed's passive
    // subject is whom it was done to
    let got = events(
        "The Turkish foreign minister said Greece's policy has been flawed from the beginning.",
    );
    assert!(has_code(&got, "111", "TURGOV", "GRC"), "{got:?}");
    let got = events("The Turkish foreign minister said Greece had been lied to.");
    assert!(!got.iter().any(|e| e.0.starts_with("11")), "{got:?}");
    // nothing judged: negated, advised, compared, or said of no one
    for text in [
        "The Turkish foreign minister said Greece's decision was not a mistake.",
        "The Turkish foreign minister said Greece should be more cautious and less reckless.",
        "The Turkish foreign minister said it was a mistake to close the border with Greece.",
        "The Turkish foreign minister said Greece is no longer a threat.",
    ] {
        let got = events(text);
        assert!(
            !got.iter().any(|e| e.0 == "111" || e.0 == "051"),
            "{text}: {got:?}"
        );
    }
}

#[test]
fn the_one_expected_or_scheduled_to_meet_intends_to() {
    let got = events(
        "The Iranian foreign minister is expected to meet British officials in London on Sunday.",
    );
    assert!(has_code(&got, "036", "IRNGOV", "GBRGOV"), "{got:?}");
    let got = events("Japan's prime minister is scheduled to visit China next week.");
    assert!(has_code(&got, "036", "JPNGOV", "CHN"), "{got:?}");
    // a thing meant for a purpose intends nothing
    let got = events("The new rules were intended to reassure Latvia and Estonia.");
    assert!(!got.iter().any(|e| e.0.starts_with("03")), "{got:?}");
}

#[test]
fn a_meeting_is_both_sides_act_a_visit_is_not() {
    let got =
        events("The Kenyan foreign minister met his Ugandan counterpart in Nairobi on Monday.");
    assert!(has_code(&got, "040", "KENGOV", "UGAGOV"), "{got:?}");
    assert!(has_code(&got, "040", "UGAGOV", "KENGOV"), "{got:?}");
    let got = events("Egypt signed a peace treaty with Israel.");
    assert!(
        has_code(&got, "057", "EGY", "ISR") && has_code(&got, "057", "ISR", "EGY"),
        "{got:?}"
    );
    let got = events("Turkish troops clashed with Syrian soldiers near the border.");
    assert!(
        has_code(&got, "19", "TURMIL", "SYRMIL") && has_code(&got, "19", "SYRMIL", "TURMIL"),
        "{got:?}"
    );
    let got = events("The Kenyan president visited Uganda on Monday.");
    assert!(has_code(&got, "042", "KENGOV", "UGA"), "{got:?}");
    assert!(!got.iter().any(|e| e.1.starts_with("UGA")), "{got:?}");
}

#[test]
fn a_leader_speaking_to_his_own_nation_consults_no_one() {
    let got = events(
        "Netanyahu addressed Israel on Monday. Speaking to his nation, Netanyahu said the tunnels would be destroyed.",
    );
    assert!(!got.iter().any(|e| e.0.starts_with("04")), "{got:?}");
}

#[test]
fn a_class_word_after_the_trigger_is_no_finite_verb() {
    // "military &agreement": a military deal, not a military that dealt
    let got = events("The Syrian military dealt the rebels a serious setback near Aleppo.");
    assert!(!got.iter().any(|e| e.0.starts_with("06")), "{got:?}");
    let got = events("Russia signed a military deal with Egypt.");
    assert!(
        got.iter().any(|e| e.0.starts_with("06") || e.0 == "057"),
        "{got:?}"
    );
}

#[test]
fn a_surname_with_its_article_shortened_is_the_same_person() {
    // "al-Assad" is "Assad" after the full name, and with a title
    let got = actors(
        "Syrian President Bashar al-Assad spoke on Monday. Later, Assad met Putin.",
        (2013, 1, 10),
    );
    let assad = got
        .iter()
        .find(|a| a.0 == "Assad")
        .unwrap_or_else(|| panic!("{got:?}"));
    assert_eq!(assad.1, "SYRGOV", "{got:?}");
    let got = actors(
        "Prime Minister Halqi met the Iranian foreign minister.",
        (2013, 1, 10),
    );
    assert_eq!(
        (got[0].0.as_str(), got[0].1.as_str()),
        ("Prime Minister Halqi", "SYRGOV"),
        "{got:?}"
    );
}

#[test]
fn the_object_of_a_relative_clause_is_the_noun_it_describes() {
    let got = events("The tariffs that Washington slapped on China will remain in place.");
    assert!(has_code(&got, "163", "USAGOV", "CHN"), "{got:?}");
    let got = events("The sanctions Washington imposed on Moscow remain in force.");
    assert!(has_code(&got, "163", "USAGOV", "RUSGOV"), "{got:?}");
    // a clause with an object of its own describes its noun otherwise
    let got = events("The sanctions that hurt Russia were imposed by Washington.");
    assert!(!got.iter().any(|e| e.0 == "163" && e.1 == "RUS"), "{got:?}");
}

#[test]
fn a_verb_of_naming_with_a_judging_predicate_criticizes_or_praises() {
    let got = events("The Belgian prime minister called Israel's response unacceptable.");
    assert!(has_code(&got, "111", "BELGOV", "ISR"), "{got:?}");
    let got = events("The Japanese prime minister described the American decision as courageous.");
    assert!(has_code(&got, "051", "JPNGOV", "USA"), "{got:?}");
    // a quoted predicate, and no strike called
    let got =
        events("The German chancellor called the Israeli strikes \"necessary and appropriate.\"");
    assert!(has_code(&got, "051", "DEUGOV", "ISR"), "{got:?}");
    assert!(!got.iter().any(|e| e.0.starts_with("14")), "{got:?}");
    let got = events("The Belgian prime minister did not call Israel's response unacceptable.");
    assert!(!got.iter().any(|e| e.0 == "111"), "{got:?}");
}

#[test]
fn i_and_we_in_a_quotation_are_its_speaker() {
    let got = actors(
        "\"We will not negotiate with Iran,\" the French foreign minister said.",
        (2019, 5, 14),
    );
    let we = got.iter().find(|a| a.0 == "We").expect("we");
    assert_eq!(we.1, "FRAGOV", "{got:?}");
    let got = events("\"We will not negotiate with Iran,\" the French foreign minister said.");
    assert!(has_code(&got, "12", "FRAGOV", "IRN"), "{got:?}");
    // outside the quotation, or with no one quoted, "we" is no one known
    let got = actors(
        "We know the French foreign minister met Iran's envoy.",
        (2019, 5, 14),
    );
    assert!(!got.iter().any(|a| a.0 == "We"), "{got:?}");
}

#[test]
fn a_quotation_over_several_sentences_is_its_speakers_words() {
    // opened in one sentence, its speaker named where it closes
    let text =
        "\"Iran made a big mistake. We will never forget it,\" the Israeli prime minister said.";
    let got = actors(text, (2019, 5, 14));
    let we = got.iter().find(|a| a.0 == "We").expect("we");
    assert_eq!(we.1, "ISRGOV", "{got:?}");
    let got = events(text);
    assert!(has_code(&got, "111", "ISRGOV", "IRN"), "{got:?}");
    // a sentence wholly quoted, nobody named beside it: the voice of the
    // sentence before
    let text = "The French foreign minister said the talks would resume. \
                \u{201c}We call on Iran to release the sailors.\u{201d}";
    let got = events(text);
    assert!(has_code(&got, "02", "FRAGOV", "IRN"), "{got:?}");
    let text = "The British foreign secretary said talks had stalled. \
                \u{201c}North Korea must return to dialogue.\u{201d}";
    let got = events(text);
    assert!(has_code(&got, "10", "GBRGOV", "PRK"), "{got:?}");
    // the same words unquoted are the writer's, not the minister's
    let got =
        events("The French foreign minister said the talks would resume. Iran made a big mistake.");
    assert!(!has_code(&got, "111", "FRAGOV", "IRN"), "{got:?}");
    let got = events(
        "The French foreign minister said the talks would resume. \
         \u{201c}Iran made a big mistake.\u{201d}",
    );
    assert!(has_code(&got, "111", "FRAGOV", "IRN"), "{got:?}");
}

#[test]
fn a_group_owned_by_whose_is_of_the_country_of_its_owner() {
    let text = "Mr. Putin, whose military is backing Syrian President Bashar Assad, met Erdogan.";
    let got = actors(text, (2015, 10, 1));
    let military = got.iter().find(|a| a.0 == "military").expect("military");
    assert_eq!(military.1, "RUSMIL", "{got:?}");
    let got = events(text);
    assert!(has_code(&got, "05", "RUSMIL", "SYRGOV"), "{got:?}");
}

#[test]
fn force_between_a_state_and_its_own_protesters_is_repression_and_violent_protest() {
    let got = events("Forty protesters were shot dead by Iraqi security forces in Baghdad.");
    assert!(has_code(&got, "175", "IRQCOP", "IRQCVL"), "{got:?}");
    let got = events("Hong Kong police clashed with protesters at the airport.");
    assert!(has_code(&got, "175", "HKGCOP", "HKGCVL"), "{got:?}");
    assert!(has_code(&got, "145", "HKGCVL", "HKGCOP"), "{got:?}");
    // a foreign army firing on protesters fights them
    let got = events("Israeli soldiers opened fire on Palestinian protesters near the fence.");
    assert!(has_code(&got, "19", "ISRMIL", "PSECVL"), "{got:?}");
    assert!(!has_code(&got, "175", "ISRMIL", "PSECVL"), "{got:?}");
}

#[test]
fn names_written_family_name_first_are_shortened_to_the_family_name() {
    // "Kim" of Kim Jong Un in a North Korean story of 2017
    let got =
        events("North Korea fired a missile. Kim has threatened to attack the United States.");
    assert!(has_code(&got, "13", "PRKGOV", "USA"), "{got:?}");
    // after the full name, as any surname
    let got = actors(
        "South Korean President Moon Jae-in met envoys. Moon said talks would resume.",
        (2018, 6, 1),
    );
    assert!(
        got.iter().any(|a| a.0 == "Moon" && a.1 == "KORGOV"),
        "{got:?}"
    );
    // a Western name's first word is no surname
    let got = actors(
        "Canada held an election. Kim said the vote was fair.",
        (1993, 7, 1),
    );
    assert!(
        !got.iter().any(|a| a.0 == "Kim" && a.1.starts_with("CAN")),
        "{got:?}"
    );
}

#[test]
fn a_patterns_own_noun_has_its_target_after_its_preposition() {
    let got = events(
        "North Korea threatened an attack, including nuclear weapons, on the United States.",
    );
    assert!(has_code(&got, "138", "PRK", "USA"), "{got:?}");
}

#[test]
fn the_president_is_the_president_named_before() {
    let text = "President Obama spoke in Estonia on Wednesday. \
                In Iraq, the president accused the militants of war crimes.";
    let got = actors(text, (2014, 9, 3));
    let president = got.iter().find(|a| a.0 == "president").expect("president");
    assert_eq!(president.1, "USAGOV", "{got:?}");
    assert_eq!(president.2.as_deref(), Some("Barack Obama"), "{got:?}");
    // with a country of its own, a title stays that country's
    let got = actors(
        "President Obama spoke in Estonia. The Estonian president thanked him.",
        (2014, 9, 3),
    );
    assert!(
        got.iter()
            .any(|a| a.0 == "Estonian president" && a.1 == "ESTGOV"),
        "{got:?}"
    );
}

#[test]
fn the_administration_is_the_american_one_and_his_administration_his() {
    let got = actors(
        "Syrian rebels attacked a base. Lawmakers criticized the administration.",
        (2014, 9, 3),
    );
    assert!(
        got.iter()
            .any(|a| a.0 == "the administration" && a.1 == "USAGOV"),
        "{got:?}"
    );
    let got = actors(
        "Putin met Erdogan in Sochi. Putin said his administration would act.",
        (2018, 5, 1),
    );
    assert!(
        got.iter()
            .any(|a| a.0 == "his administration" && a.1 == "RUSGOV"),
        "{got:?}"
    );
}

#[test]
fn a_former_heads_administration_is_the_government_they_headed() {
    // Hillary Clinton was a senator in 2005; the administration is Bill's
    let got = actors(
        "The Clinton administration negotiated with North Korea.",
        (2005, 5, 1),
    );
    assert!(
        got.iter()
            .any(|a| a.0 == "Clinton administration" && a.1 == "USAGOV"),
        "{got:?}"
    );
    // Obama was a senator before: out of office his administration is
    // still the government he headed, in office as senator the Senate
    let got = actors(
        "The Obama administration negotiated with Iran.",
        (2018, 5, 1),
    );
    assert!(
        got.iter()
            .any(|a| a.0 == "Obama administration" && a.1 == "USAGOV"),
        "{got:?}"
    );
    let got = actors("Senator Obama criticized Iran.", (2007, 5, 1));
    assert!(
        got.iter()
            .any(|a| a.0 == "Senator Obama" && a.1 == "USALEG"),
        "{got:?}"
    );
}

#[test]
fn the_north_of_a_korean_story_is_north_korea() {
    let text = "North Korea fired a missile. Seoul said the North must stop its tests. \
                The South Korean navy patrolled the South China Sea.";
    let got = events(text);
    assert!(has_code(&got, "10", "KORGOV", "PRK"), "{got:?}");
    let got = actors(text, (2017, 5, 1));
    assert!(
        got.iter().any(|a| a.0 == "North" && a.1 == "PRK"),
        "{got:?}"
    );
    assert!(!got.iter().any(|a| a.0 == "South"), "{got:?}");
    // no Korea named: no Korea
    let got = actors("Union troops fought the South in Virginia.", (2017, 5, 1));
    assert!(!got.iter().any(|a| a.0 == "South"), "{got:?}");
}

#[test]
fn the_group_is_the_movement_named_before() {
    let text = "Hamas fired rockets at Israel. The militant group said it would fight on. \
                The group also attacked Israeli soldiers.";
    let got = actors(text, (2015, 5, 1));
    for words in ["militant group", "it", "The group"] {
        assert!(
            got.iter().any(|a| a.0 == words && a.1 == "PSEREBHMS"),
            "{words}: {got:?}"
        );
    }
    let got = events(text);
    assert!(has_code(&got, "19", "PSEREBHMS", "ISRMIL"), "{got:?}");
    // the world body is the United Nations
    let got = events("The world body condemned Syria.");
    assert!(has_code(&got, "111", "IGOUNO", "SYR"), "{got:?}");
}

#[test]
fn reporters_are_no_one_news_is_aimed_at() {
    let got = events("Secretary of State John Kerry spoke to reporters in Beijing.");
    assert!(
        !got.iter()
            .any(|(c, _, t)| c.starts_with("04") && t.ends_with("MED")),
        "{got:?}"
    );
    // a meeting with an actor still is one
    let got = events("Secretary of State John Kerry spoke to Chinese officials in Beijing.");
    assert!(has_code(&got, "04", "USAGOV", "CHNGOV"), "{got:?}");
}

#[test]
fn a_country_after_anti_or_pro_is_a_stance_not_the_groups_country() {
    let got = actors(
        "Anti-Israel protesters marched in London. Pro-Russian separatists shelled Donetsk in eastern Ukraine.",
        (2014, 8, 1),
    );
    assert!(
        got.iter().any(|a| a.0 == "protesters" && a.1 == "GBRCVL"),
        "{got:?}"
    );
    assert!(
        got.iter().any(|a| a.0 == "separatists" && a.1 == "UKRREB"),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|a| a.1.starts_with("ISR") || a.1.starts_with("RUS")),
        "{got:?}"
    );
}

#[test]
fn a_name_after_a_title_runs_on_over_a_hyphenated_syllable() {
    let got = actors(
        "South Korean Unification Minister Ryoo Kihl-jae met envoys.",
        (2013, 4, 10),
    );
    assert!(
        got.iter().any(|a| a.2.as_deref() == Some("Ryoo Kihl-jae")),
        "{got:?}"
    );
}

#[test]
fn targets_coordinated_over_a_possessive_are_each_a_target() {
    let got = events(
        "Syria attacked Douma. President Trump warned Assad and his Russian and Iranian backers.",
    );
    for target in ["SYRGOV", "RUS", "IRN"] {
        assert!(has_code(&got, "13", "USAGOV", target), "{target}: {got:?}");
    }
    // as subjects, one side: no fight between a leader and his advisers
    let got = events("Saddam Hussein and his advisers attacked Kuwait.");
    assert!(
        !got.iter()
            .any(|(c, s, t)| c.starts_with("19") && s.starts_with("IRQ") && t.starts_with("IRQ")),
        "{got:?}"
    );
}

#[test]
fn the_american_parties_in_congress_are_american() {
    let got = events("Senate Republicans criticized the Iranian government on Tuesday.");
    assert!(has_code(&got, "111", "USAPTYREP", "IRNGOV"), "{got:?}");
}

#[test]
fn a_surname_alone_is_the_one_of_that_name_in_office_where_the_text_names_the_country() {
    // "Assad" with no full name before: Bashar al-Assad in 2012
    let text = "Syrian rebels attacked an army base. Assad vowed to crush them.";
    let got = actors(text, (2012, 6, 1));
    let assad = got
        .iter()
        .find(|a| a.0 == "Assad")
        .unwrap_or_else(|| panic!("{got:?}"));
    assert_eq!(assad.1, "SYRGOV");
    assert_eq!(assad.2.as_deref(), Some("Bashar al-Assad"));
    // with an honorific
    let got = actors(
        "Mr. Assad met envoys from Russia in Damascus.",
        (2012, 6, 1),
    );
    assert!(
        got.iter().any(|a| a.0 == "Mr. Assad" && a.1 == "SYRGOV"),
        "{got:?}"
    );
    // his father in 1995, nobody of that name in 1965
    let got = actors(text, (1995, 6, 1));
    assert!(
        got.iter()
            .any(|a| a.0 == "Assad" && a.2.as_deref() == Some("Hafez al-Assad")),
        "{got:?}"
    );
    let got = actors(text, (1965, 6, 1));
    assert!(!got.iter().any(|a| a.0 == "Assad"), "{got:?}");
    // a story that names no Syria: some other Assad
    let got = actors(
        "Assad scored twice for the home side in Leeds.",
        (2012, 6, 1),
    );
    assert!(!got.iter().any(|a| a.0 == "Assad"), "{got:?}");
    // an antecedent as any named person
    let got = actors(
        "Syrian rebels attacked a base. President Tarkan met Assad and warned him.",
        (2012, 6, 1),
    );
    assert!(
        got.iter().any(|a| a.0 == "him" && a.1 == "SYRGOV"),
        "{got:?}"
    );
    // a month, not Theresa May
    let got = actors(
        "British ministers met in May to discuss the budget.",
        (2018, 6, 1),
    );
    assert!(!got.iter().any(|a| a.0 == "May"), "{got:?}");
}

#[test]
fn pronouns_of_two_people_and_of_an_object() {
    // "him" is not the subject of its own clause
    let got = actors("Erdogan said Putin invited him to Sochi.", (2019, 9, 14));
    assert!(
        got.iter().any(|a| a.0 == "him" && a.1 == "TURGOV"),
        "{got:?}"
    );
    // "her address" is still hers
    let got = actors(
        "Merkel delivered her address to the assembly.",
        (2019, 9, 14),
    );
    assert!(
        got.iter().any(|a| a.0 == "her" && a.1 == "DEUGOV"),
        "{got:?}"
    );
    // "they" after two people: both
    let ev = events("Putin met Erdogan in Sochi. They agreed to hold talks in Ankara.");
    assert!(has_code(&ev, "036", "RUSGOV", "TURGOV"), "{ev:?}");
    assert!(has_code(&ev, "036", "TURGOV", "RUSGOV"), "{ev:?}");
}

#[test]
fn an_apposition_lends_its_country_to_the_person_before_it() {
    // a general no dictionary knows, of no country until his title says it
    let ev = events(
        "Russia's army chief met reporters. General Milley also spoke to Gen. Nicholas Carter, the United Kingdom's Chief of Defense Staff.",
    );
    assert!(has_code(&ev, "040", "USAMIL", "GBRMIL"), "{ev:?}");
    assert!(!ev.iter().any(|e| e.2 == "RUSMIL"), "{ev:?}");
    // a possessive before a name is no apposition
    let got = actors(
        "The defeated candidates, the Republicans' François Fillon and Socialist Benoît Hamon, urged supporters to vote for Macron in France.",
        (2017, 5, 1),
    );
    assert!(
        !got.iter()
            .any(|a| a.0.contains("candidates") && a.1.starts_with("USA")),
        "{got:?}"
    );
}

#[test]
fn a_group_an_actor_possesses_is_of_its_country_not_of_where_it_is() {
    let got = actors(
        "China's top envoy in Kenya criticized the United States.",
        (2019, 5, 14),
    );
    assert!(
        got.iter().any(|a| a.0 == "envoy" && a.1 == "CHNGOV"),
        "{got:?}"
    );
    let got = actors(
        "The State Department's top security official in Libya asked for extra security.",
        (2012, 10, 10),
    );
    assert!(
        got.iter()
            .any(|a| a.0.ends_with("official") && a.1.starts_with("USA")),
        "{got:?}"
    );
}

#[test]
fn a_habit_told_in_a_relative_clause_is_no_event() {
    let doc = run(
        "Even Mr. Netanyahu and his team, who have often dismissed Mahmoud Abbas, are now looking to him as a partner.",
        (2014, 5, 1),
    );
    let dismissal = doc.events.iter().find(|e| e.cameo.starts_with("12"));
    assert!(dismissal.is_none(), "{:?}", doc.events);
    // the same clause telling one act is reported
    let doc = run(
        "Mr. Netanyahu, who dismissed Mahmoud Abbas on Monday, spoke in Jerusalem.",
        (2014, 5, 1),
    );
    let dismissal = doc.events.iter().find(|e| e.cameo.starts_with("12"));
    assert!(dismissal.is_some(), "{:?}", doc.events);
}

#[test]
fn i_and_we_in_a_quotation_are_its_speaker_named_by_a_pronoun() {
    let ev = events(
        "Senator Schumer spoke on Monday. \u{201c}I urge the White House to take Kim off the coin,\u{201d} he said.",
    );
    assert!(has_code(&ev, "02", "USALEG", "USAGOV"), "{ev:?}");
    let ev = events(
        "Pompeo spoke in Seoul. \u{201c}We urge North Korea to cease its reckless behavior,\u{201d} he said.",
    );
    assert!(has_code(&ev, "02", "USAGOV", "PRK"), "{ev:?}");
}

#[test]
fn a_group_a_possessive_pronoun_owns_is_of_the_owners_country() {
    let ev = events(
        "The US military said its forces conducted three strikes against Islamic State targets in Syria.",
    );
    assert!(
        ev.iter().any(|e| e.0.starts_with("19") && e.1 == "USAMIL"),
        "{ev:?}"
    );
    // its own troops are never the target of what it offers
    let ev = events("Syria has again offered its troops to Lebanon's new president.");
    assert!(!ev.iter().any(|e| e.2 == "SYRMIL"), "{ev:?}");
}

#[test]
fn it_names_a_state_as_the_subject_of_an_act_not_as_a_thing_done_to() {
    // "it" as the subject of an active verb is the state named before
    let ev = events("Turkey held a summit on Monday. It has criticized Germany.");
    assert!(has_code(&ev, "11", "TUR", "DEU"), "{ev:?}");
    // "it" as an object is the deal, not North Korea
    let ev = events(
        "North Korea signed the deal in June. Trump plans to call for new negotiations to modify it.",
    );
    assert!(!ev.iter().any(|e| e.2.starts_with("PRK")), "{ev:?}");
    // one blamed for an act is an actor
    let ev = events(
        "The senators condemned the administration, accusing it of walking back its pressure campaign.",
    );
    assert!(has_code(&ev, "112", "USALEG", "USAGOV"), "{ev:?}");
    // "it is", "it seems": a situation, unless of a mind or will
    let ev = events(
        "Iraq thanked Washington. \"It would not be in the best interests of the United States to change our assistance programs to Egypt,\" Carney said.",
    );
    assert!(!ev.iter().any(|e| e.0.starts_with("07")), "{ev:?}");
    let ev = events(
        "North Korea reiterated on Saturday that it was willing to talk to the United States.",
    );
    assert!(has_code(&ev, "03", "PRK", "USA"), "{ev:?}");
}

#[test]
fn he_after_a_person_the_dictionaries_lack_is_not_an_earlier_known_one() {
    // "he" is Erik Hansen, whom no dictionary lists, not Trump
    let ev = events(
        "Trump met advisers on Monday. Blackwater founder Erik Hansen, who acknowledged that he had met Russian officials, spoke to reporters.",
    );
    assert!(!ev.iter().any(|e| e.0.starts_with("04")), "{ev:?}");
    // a surname the dictionaries know is no stranger
    let ev = events("\u{201c}I urge the White House to act,\u{201d} Mr. Schumer said.");
    assert!(has_code(&ev, "02", "USALEG", "USAGOV"), "{ev:?}");
}

#[test]
fn they_and_it_reach_back_one_sentence_at_most() {
    // two sentences after the rebels, "they" names no one
    let ev = events(
        "Syrian rebels met in Istanbul on Monday. The talks ended late. The weather was cold. They have been fighting Turkey for decades.",
    );
    assert!(!ev.iter().any(|e| e.0.starts_with("19")), "{ev:?}");
    // in the next sentence it does
    let ev = events(
        "Syrian rebels met in Istanbul on Monday. They have been fighting Turkey for decades.",
    );
    assert!(has_code(&ev, "19", "SYRREB", "TUR"), "{ev:?}");
}

#[test]
fn an_actor_before_and_is_no_conjunct_of_a_subject_of_its_own_clause() {
    let ev = events(
        "British Prime Minister Theresa May spoke on Monday. May has already come under pressure from opposition parties, and she criticized Russia.",
    );
    assert!(has_code(&ev, "11", "GBRGOV", "RUS"), "{ev:?}");
    assert!(!ev.iter().any(|e| e.1.ends_with("OPP")), "{ev:?}");
    // coordinated subjects stay one group
    let ev = events("Russia and China criticized the United States on Monday.");
    assert!(has_code(&ev, "11", "RUS", "USA"), "{ev:?}");
    assert!(has_code(&ev, "11", "CHN", "USA"), "{ev:?}");
}

#[test]
fn a_show_of_force_aimed_at_no_one_is_no_event() {
    let ev = events("Spain raised its terror alert on Friday.");
    assert!(!ev.iter().any(|e| e.0.starts_with("15")), "{ev:?}");
    // aimed at someone it is
    let ev = events("Russia deployed troops to the border with Ukraine.");
    assert!(
        ev.iter().any(|e| e.0.starts_with("15") && e.2 == "UKR"),
        "{ev:?}"
    );
}

#[test]
fn what_someone_says_another_should_do_is_an_appeal() {
    let ev = events(
        "American senators say the United States should take in many more of the Syrian refugees.",
    );
    assert!(has_code(&ev, "02", "USALEG", "USA"), "{ev:?}");
    // what should have been done is no appeal, nor is a state that should be
    let ev = events("The senators said the government should have closed the airport.");
    assert!(!ev.iter().any(|e| e.0.starts_with("02")), "{ev:?}");
    // nor what someone agrees or asks about, said by no one
    for text in [
        "Mr. Putin agreed that Russian and American forces should be fighting together.",
        "They ask why American soldiers should be committed to the defense of Montenegro.",
    ] {
        let ev = events(text);
        assert!(!ev.iter().any(|e| e.0.starts_with("02")), "{text}: {ev:?}");
    }
}

#[test]
fn a_pronoun_subject_that_names_no_actor_leaves_no_source() {
    // "she" is someone the dictionaries do not know: the place before it
    // is not who accuses
    let ev = events(
        "The senator takes responsibility for the loss of life in Benghazi, and she accuses Republicans of manipulating a tragedy.",
    );
    assert!(
        !ev.iter().any(|e| e.0.starts_with("11") && e.1 == "LBY"),
        "{ev:?}"
    );
    // a pronoun that does name one still acts
    let ev = events("Theresa May arrived in Berlin, and she accused Russia of lying.");
    assert!(has_code(&ev, "112", "GBRGOV", "RUS"), "{ev:?}");
}

#[test]
fn who_feels_alarm_or_dismay_disapproves_of_its_cause() {
    // the passive's "by" phrase is what the feeling is about, not an agent
    let ev = events(
        "U.S. officials said they were alarmed by Iraqi Prime Minister Nouri al-Maliki's fiery speech.",
    );
    assert!(has_code(&ev, "110", "USAGOV", "IRQGOV"), "{ev:?}");
    assert!(!ev.iter().any(|e| e.1 == "IRQGOV"), "{ev:?}");
    // used actively, who feels it is the object
    let ev = events("Russia's military buildup has alarmed NATO allies.");
    assert!(
        ev.iter()
            .any(|e| e.0 == "110" && e.1 == "IGOWSTNAT" && e.2.starts_with("RUS")),
        "{ev:?}"
    );
    // expressed concern over an actor's act is disapproval, not a comment
    let ev = events("Canada expressed concern over Saudi Arabia's arrests of activists.");
    assert!(
        ev.iter()
            .any(|e| e.0 == "110" && e.1 == "CAN" && e.2.starts_with("SAU")),
        "{ev:?}"
    );
}

#[test]
fn a_statement_aimed_at_an_actor_is_read_for_factuality_as_any_act() {
    // "agree with +" names whom it is made to: its sentence is parsed, and
    // the condition read
    let doc = run(
        "It would be progress if the Taliban agreed to meet with the Afghan government.",
        (2019, 1, 10),
    );
    assert!(
        doc.events
            .iter()
            .all(|e| e.factuality != dyad_core::Factuality::Asserted),
        "{:?}",
        doc.events
    );
}

#[test]
fn those_who_plan_together_intend_it_each_unless_the_act_is_mutual() {
    let ev = events("Malaysia and Singapore each planned to deploy one plane and three ships.");
    assert!(
        !ev.iter()
            .any(|e| e.0.starts_with("03") && e.1 == "MYS" && e.2 == "SGP"),
        "{ev:?}"
    );
    // an intent to meet is mutual; so is what those who agree commit to
    let ev = events("Chinese and Russian officials planned to meet in Geneva on Monday.");
    assert!(has_code(&ev, "036", "CHNGOV", "RUSGOV"), "{ev:?}");
    let ev = events("India and Pakistan agreed to exchange prisoners.");
    assert!(has_code(&ev, "03", "IND", "PAK"), "{ev:?}");
}

#[test]
fn a_group_from_or_of_an_actor_is_that_actors() {
    // before the place it is in
    let got = actors(
        "A top official from the International Atomic Energy Agency was expected to meet with Iranian officials in Tehran on Sunday.",
        (2014, 5, 10),
    );
    assert_eq!(got[0].0, "top official");
    assert!(got[0].1.starts_with("IGOUNO"), "{got:?}");
    let got = actors(
        "Russian warplanes are backing the government of President Bashar Assad.",
        (2015, 10, 20),
    );
    let government = got
        .iter()
        .find(|a| a.0 == "government")
        .expect("the government");
    assert_eq!(government.1, "SYRGOV", "{got:?}");
    // one who speaks for an actor is that actor's
    let got = actors(
        "In Berlin, a spokesman for the Muslim Brotherhood condemned the arrests.",
        (2013, 8, 20),
    );
    let spokesman = got
        .iter()
        .find(|a| a.0 == "spokesman")
        .map(|a| a.1.as_str());
    assert_eq!(spokesman, Some("EGYOPPMBR"), "{got:?}");
    let got = actors(
        "In Berlin, a spokeswoman for China criticized the tariffs.",
        (2018, 8, 20),
    );
    let spokeswoman = got
        .iter()
        .find(|a| a.0 == "spokeswoman")
        .map(|a| a.1.as_str());
    assert_eq!(spokeswoman, Some("CHNGOV"), "{got:?}");
}
