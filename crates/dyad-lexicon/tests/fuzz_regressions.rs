//! Inputs that crashed or hung the dictionary readers, kept under
//! `tests/fixtures/fuzz/`: found by the fuzz targets (`fuzz/`,
//! `tools/fuzz/`), or written after what they found, for the readers with
//! the same flaw.

use std::path::{Path, PathBuf};

use dyad_lexicon::petrarch::{agents, verbs, Source};
use dyad_lexicon::{CameoTable, Dictionaries, PatternSet};

fn fixtures(prefix: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the fixtures folder")
        .map(|e| e.expect("a fixture").path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixture {prefix}*");
    paths
}

/// `!PERSON! = M!PERSON!`: a substitution set naming itself overflowed the
/// stack, or, growing the name each time (`S!PERSON!`), ran for minutes.
/// Now the agent line that uses it is an error naming its line.
#[test]
fn a_substitution_set_that_names_itself_is_an_error() {
    for path in fixtures("agents-self-substitution-") {
        let source = Source::read(&path).expect("a fixture");
        let err = agents::parse(&source, &mut Vec::new()).expect_err(&source.file);
        let message = err.to_string();
        assert!(
            message.contains("nest more than 16 deep"),
            "{}: {message}",
            source.file
        );
    }
}

#[test]
fn substitution_sets_still_nest() {
    let source = Source {
        file: "agents.txt".into(),
        text: "!KID! = BOY, GIRL\n!PERSON! = MAN, !KID!\nCONGRESS!PERSON! {} [~LEG]\n".into(),
    };
    let agents = agents::parse(&source, &mut Vec::new()).expect("agents");
    let forms: Vec<&str> = agents[0].forms.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(forms, ["CONGRESSMAN", "CONGRESSBOY", "CONGRESSGIRL"]);
}

/// `- * &A &A &A &A &A` with 20 members in `&A` stood for 3.2 million
/// patterns; it is now reported and not used.
#[test]
fn a_pattern_whose_synsets_multiply_past_the_limit_is_not_used() {
    for path in fixtures("verbs-synset-product-") {
        let source = Source::read(&path).expect("a fixture");
        let mut warnings = Vec::new();
        let blocks = verbs::parse(&source, &mut warnings).expect(&source.file);
        assert!(blocks.iter().all(|b| b.patterns.is_empty()));
        let warning = warnings
            .iter()
            .map(ToString::to_string)
            .find(|w| w.contains("synsets expand to more than 10000 texts"));
        assert!(warning.is_some(), "{warnings:?}");
    }
}

fn cameo() -> CameoTable {
    let table = "code\tname\tgoldstein\tquad_class\tplover\tmode\tcontext\n\
                 036\tExpress intent to meet or negotiate\t4.0\t1\tAGREE\t\t\n";
    CameoTable::parse("cameo.tsv", table).expect("a CAMEO table")
}

/// `agree &many &many &many &many &many` with 20 words in `&many` stood for
/// 3.2 million patterns; it is now an error naming its line.
#[test]
fn a_pattern_whose_classes_multiply_past_the_limit_is_an_error() {
    for path in fixtures("patterns-class-product-") {
        let text = std::fs::read_to_string(&path).expect("a fixture");
        let err = PatternSet::parse("patterns.tsv", &text, &cameo()).expect_err("too many");
        let message = err.to_string();
        assert!(
            message.starts_with("patterns.tsv:2:") && message.contains("more than 100000 words"),
            "{message}"
        );
    }
}

/// A pattern line of 50,000 words took time quadratic in its length (each
/// word copied the words before it); it is read in one pass.
#[test]
fn a_long_pattern_line_is_read() {
    let text = format!("036\tagree{}\n", " w".repeat(50_000));
    let set = PatternSet::parse("patterns.tsv", &text, &cameo()).expect("a pattern");
    assert_eq!(set.len(), 1);
}

/// A `people.txt` name line of only `|` was read as a person without a
/// name, whose first name was then looked up: a panic. It is now an error
/// naming the line.
#[test]
fn a_people_line_without_a_name_is_an_error() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz/people-nameless-line");
    let analyzer = dyad_text::TextAnalyzer::new();
    let err = Dictionaries::load(None, Some(&dir), analyzer.tokenizer()).expect_err("no name");
    let message = err.to_string();
    assert!(
        message.ends_with("actors/people.txt:3: name line without a name"),
        "{message}"
    );
}
