//! Coding with dictionaries written in the PETRARCH2/Phoenix formats: a
//! fixture of a fictional world (`tests/fixtures/petrarch/`) with dated
//! roles, nested synsets, agents, a compound actor, reverse codes, codes
//! CAMEO does not list and discards.

mod common;

use std::path::PathBuf;
use std::sync::OnceLock;

use chrono::NaiveDate;
use common::{assert_success, dyad, json_lines};
use dyad::Pipeline;
use dyad_core::Document;

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/petrarch")
}

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::from_dir(&fixture()).expect("the PETRARCH fixture"))
}

/// The (source, target, event) codes `text` is coded as on `date`.
fn triples(text: &str, date: (i32, u32, u32)) -> Vec<(String, String, String)> {
    let published = NaiveDate::from_ymd_opt(date.0, date.1, date.2).unwrap();
    let mut doc = Document::dated("t", text, published);
    pipeline().process(&mut doc, None);
    let code =
        |a: &Option<dyad_core::EventActor>| a.as_ref().map_or("---".into(), |a| a.code.clone());
    doc.events
        .iter()
        .map(|e| (code(&e.source), code(&e.target), e.cameo.clone()))
        .collect()
}

fn t(source: &str, target: &str, code: &str) -> (String, String, String) {
    (source.into(), target.into(), code.into())
}

#[test]
fn agents_join_actors_and_verbs_code_with_their_block_code() {
    assert_eq!(
        triples("Valdorian soldiers cut their aid to Kestran.", (2012, 3, 1)),
        [t("VALMIL", "KES", "191")]
    );
    // A substitution set: SPOKES!PERSON! is SPOKESMAN and SPOKESWOMAN.
    assert_eq!(
        triples("A Valdorian spokeswoman cut aid to Orlund.", (2012, 3, 1)),
        [t("VALGOV", "ORL", "191")]
    );
    // A prefix agent, and agents without an actor.
    assert_eq!(
        triples(
            "The Valdorian relief agency cut aid to Orlund.",
            (2012, 3, 1)
        ),
        [t("NGOVAL", "ORL", "191")]
    );
    assert_eq!(
        triples("The minister cut aid to the police.", (2012, 3, 1)),
        [t("---GOV", "---COP", "191")]
    );
}

#[test]
fn a_dated_role_holds_on_the_record_date() {
    let text = "Mira Tallow cut the support for Orlund.";
    assert_eq!(triples(text, (2012, 3, 1)), [t("VALGOV", "ORL", "191")]);
    assert_eq!(triples(text, (2016, 3, 1)), [t("VALOPP", "ORL", "191")]);
    // Outside every dated role, the undated code.
    assert_eq!(triples(text, (2005, 3, 1)), [t("VAL", "ORL", "191")]);
}

#[test]
fn synsets_nest_and_unlisted_codes_stay_as_written() {
    for ties in ["diplomatic", "gold", "silver coins"] {
        let text = format!("Valdoria restored {ties} ties with Kestran.");
        assert_eq!(
            triples(&text, (2012, 3, 1)),
            [t("VAL", "KES", "0641")],
            "{text}"
        );
    }
    assert_eq!(
        triples("Valdoria restored ties with Kestran.", (2012, 3, 1)),
        [t("VAL", "KES", "064")]
    );
}

#[test]
fn words_before_the_verb_reverse_codes_and_no_event_codes() {
    assert_eq!(
        triples(
            "Valdoria said it would cut ties with Kestran.",
            (2012, 3, 1)
        ),
        [t("VAL", "KES", "1912")]
    );
    // [032:033]: a visit, and the host's event back.
    assert_eq!(
        triples("The Valdorian minister left for Kestran.", (2012, 3, 1)),
        [t("VALGOV", "KES", "032"), t("KES", "VALGOV", "033")]
    );
    assert!(triples("Valdoria restored friendship with Kestran.", (2012, 3, 1)).is_empty());
}

#[test]
fn compound_actors_give_one_event_per_pair() {
    // `% *`: a compound subject acts on each other.
    assert_eq!(
        triples("Valdoria and Kestran agreed.", (2012, 3, 1)),
        [t("VAL", "KES", "030"), t("KES", "VAL", "030")]
    );
    // Agents of an actor are those of the actors coordinated with it.
    assert_eq!(
        triples(
            "The ministers of Valdoria and Kestran cut aid to Orlund.",
            (2012, 3, 1)
        ),
        [t("VALGOV", "ORL", "191"), t("KESGOV", "ORL", "191")]
    );
    // A compound code: THE_TWIN_CITIES [KES/ORL].
    assert_eq!(
        triples("The Twin Cities cut ties with Valdoria.", (2012, 3, 1)),
        [t("KES", "VAL", "191"), t("ORL", "VAL", "191")]
    );
}

#[test]
fn discards_take_out_a_sentence_or_the_whole_story() {
    let sentence = "Valdoria restored ties with Kestran after a football match.";
    assert!(triples(sentence, (2012, 3, 1)).is_empty());
    let story =
        "Valdoria restored ties with Kestran. Orlund has cut ties with Kestran. Read the horoscope.";
    assert!(triples(story, (2012, 3, 1)).is_empty());
    let kept = "Valdoria restored ties with Kestran. Orlund has cut ties with Kestran.";
    assert_eq!(triples(kept, (2012, 3, 1)).len(), 2);
}

#[test]
fn unsupported_constructs_are_warnings_with_file_and_line() {
    let warnings: Vec<String> = pipeline()
        .dictionaries()
        .warnings
        .iter()
        .map(|w| w.to_string())
        .collect();
    let verbs = fixture().join("fixture.verbs.txt");
    assert_eq!(
        warnings,
        [format!(
            "{}:27: unsupported pattern element `@`: pattern `* @ TERMS` not used",
            verbs.display()
        )]
    );
}

#[test]
fn eval_petrarch_scores_the_fixture_records() {
    let dir = fixture();
    let out = dyad()
        .arg("--dictionaries")
        .arg(&dir)
        .args(["eval", "petrarch", "--json"])
        .arg(dir.join("records.xml"))
        .output()
        .unwrap();
    assert_success(&out);
    let score = &json_lines(&out.stdout)[0];
    assert_eq!(score["records"], 3);
    assert_eq!(score["passed"], 3, "{score}");
}

#[test]
fn extra_dictionaries_add_to_the_built_in_ones() {
    let out = dyad()
        .arg("--extra-dictionaries")
        .arg(fixture())
        .args(["explain", "--json", "--date", "2012-03-01", "--text"])
        .arg("Valdoria restored ties with Russia.")
        .output()
        .unwrap();
    assert_success(&out);
    let sentence = &json_lines(&out.stdout)[0];
    let codes: Vec<&str> = sentence["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["VAL", "RUS"]);
}

#[test]
fn a_folder_without_dictionaries_is_an_error() {
    let empty = tempfile::tempdir().unwrap();
    let out = dyad()
        .arg("--dictionaries")
        .arg(empty.path())
        .args(["explain", "--text", "Valdoria restored ties with Kestran."])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no dictionary found"), "{stderr}");
}
