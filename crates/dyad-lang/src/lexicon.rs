//! English lemma and inflection tables (derived from LemmInflect, MIT licence),
//! embedded in the binary.  See tools/lang/build_lexicon.py.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashMap as FxMap;

static LEMMAS_TSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lang/lemmas.tsv"
));
static INFLECTIONS_TSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lang/inflections.tsv"
));

/// Word class of a lemma, for [`Lexicon::forms`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordClass {
    Verb,
    Noun,
    /// Adjectives and adverbs.
    Adjective,
}

impl WordClass {
    fn index(self) -> usize {
        match self {
            WordClass::Verb => 0,
            WordClass::Noun => 1,
            WordClass::Adjective => 2,
        }
    }

    fn from_code(code: &str) -> Option<WordClass> {
        match code {
            "V" => Some(WordClass::Verb),
            "N" => Some(WordClass::Noun),
            "A" => Some(WordClass::Adjective),
            _ => None,
        }
    }

    /// The word class a Penn Treebank tag belongs to, if any
    /// (VB* → Verb; NN, NNS, NNPS → Noun; JJ*, RB* → Adjective).
    /// NNP is not mapped: singular proper nouns are their own lemma.
    pub fn of_tag(tag: &str) -> Option<WordClass> {
        match tag {
            "VB" | "VBD" | "VBG" | "VBN" | "VBP" | "VBZ" => Some(WordClass::Verb),
            "NN" | "NNS" | "NNPS" => Some(WordClass::Noun),
            "JJ" | "JJR" | "JJS" | "RB" | "RBR" | "RBS" => Some(WordClass::Adjective),
            _ => None,
        }
    }
}

/// Lemma lookup and surface-form generation for English verbs, nouns and adjectives.
pub struct Lexicon {
    /// word -> lemma, per word class
    lemmas: [FxMap<&'static str, &'static str>; 3],
    /// lemma -> comma-separated other forms ("" = known, no other form), per class
    inflections: [FxMap<&'static str, &'static str>; 3],
}

impl Lexicon {
    /// The lexicon built into the binary (parsed once, on first use).
    pub fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::parse(LEMMAS_TSV, INFLECTIONS_TSV))
    }

    /// Build a lexicon from the two TSV tables (formats in tools/lang/README.md).
    /// Malformed lines are skipped.
    pub fn parse(lemmas_tsv: &'static str, inflections_tsv: &'static str) -> Lexicon {
        let mut lemmas: [FxMap<&'static str, &'static str>; 3] = Default::default();
        for line in lemmas_tsv.lines() {
            let mut it = line.split('\t');
            if let (Some(w), Some(c), Some(l)) = (it.next(), it.next(), it.next()) {
                if let Some(c) = WordClass::from_code(c) {
                    lemmas[c.index()].entry(w).or_insert(l);
                }
            }
        }
        let mut inflections: [FxMap<&'static str, &'static str>; 3] = Default::default();
        for line in inflections_tsv.lines() {
            let mut it = line.split('\t');
            if let (Some(l), Some(c)) = (it.next(), it.next()) {
                let forms = it.next().unwrap_or("");
                if let Some(c) = WordClass::from_code(c) {
                    inflections[c.index()].entry(l).or_insert(forms);
                }
            }
        }
        Lexicon {
            lemmas,
            inflections,
        }
    }

    /// Lemma of `word` given its Penn Treebank `tag`, lower-cased.
    ///
    /// Verbs, nouns (NN, NNS, NNPS) and adjectives/adverbs are looked up in the
    /// table; unknown inflected verbs and nouns fall back to regular
    /// suffix stripping (-s/-es/-ies, -ed/-ied, -ing).  Modal contractions
    /// ("wo", "ca", "'ll", "'d") and "n't" map to their full forms.  Any other
    /// word is returned lower-cased.
    pub fn lemma(&self, word: &str, tag: &str) -> String {
        self.lemma_cow(word, tag).into_owned()
    }

    /// Like [`Lexicon::lemma`] but borrows when the lemma is a table entry or the
    /// word itself (already lower case).
    pub fn lemma_cow<'a>(&self, word: &'a str, tag: &str) -> Cow<'a, str> {
        let lw: Cow<'a, str> = lower(word);
        let lw = normalize_apostrophe(lw);
        match tag {
            "MD" => {
                let l = match &*lw {
                    "wo" => "will",
                    "ca" => "can",
                    "sha" => "shall",
                    "'ll" => "will",
                    "'d" => "would",
                    _ => return lw,
                };
                return Cow::Borrowed(l);
            }
            "RB" if &*lw == "n't" => return Cow::Borrowed("not"),
            _ => {}
        }
        let Some(class) = WordClass::of_tag(tag) else {
            return lw;
        };
        if let Some(&l) = self.lemmas[class.index()].get(&*lw) {
            // comparatives are only stripped when tagged as such
            if class != WordClass::Adjective || matches!(tag, "JJR" | "JJS" | "RBR" | "RBS") {
                return Cow::Borrowed(l);
            }
            return lw;
        }
        let stripped = match tag {
            "NNS" | "NNPS" | "VBZ" => strip_s(&lw),
            "VBD" | "VBN" => strip_ed(&lw),
            "VBG" => strip_ing(&lw),
            _ => None,
        };
        match stripped {
            Some(s) => Cow::Owned(s),
            None => lw,
        }
    }

    /// Every surface form of `lemma` in `class`, the lemma itself first
    /// (verbs: base, then past, past participle, -ing and 3rd person forms;
    /// nouns: singular and plural; adjectives: positive, comparative, superlative).
    /// All lower case, without duplicates.  Lemmas not in the table get regular forms
    /// (adjectives not in the table get only themselves).
    pub fn forms(&self, lemma: &str, class: WordClass) -> Vec<String> {
        let l = lemma.to_lowercase();
        let mut out = vec![l.clone()];
        let push = |f: String, out: &mut Vec<String>| {
            if !f.is_empty() && !out.contains(&f) {
                out.push(f);
            }
        };
        match self.inflections[class.index()].get(l.as_str()) {
            Some(forms) => {
                for f in forms.split(',') {
                    push(f.to_string(), &mut out);
                }
            }
            None => match class {
                WordClass::Verb => {
                    if l.chars().all(|c| c.is_alphabetic()) && !l.is_empty() {
                        push(regular_past(&l), &mut out);
                        push(regular_ing(&l), &mut out);
                        push(regular_s(&l), &mut out);
                    }
                }
                WordClass::Noun => {
                    if l.chars().all(|c| c.is_alphabetic()) && !l.is_empty() {
                        push(regular_s(&l), &mut out);
                    }
                }
                WordClass::Adjective => {}
            },
        }
        out
    }

    /// Whether the table knows `word` as an inflected (or irregular) form of `class`.
    pub fn is_known_form(&self, word: &str, class: WordClass) -> bool {
        self.lemmas[class.index()].contains_key(&*lower(word))
    }
}

fn lower(word: &str) -> Cow<'_, str> {
    if word.chars().any(|c| c.is_uppercase()) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// spaCy keeps typographic apostrophes in tokens ("’s", "n’t"): look them up as "'".
fn normalize_apostrophe(w: Cow<'_, str>) -> Cow<'_, str> {
    if w.contains('\u{2019}') {
        Cow::Owned(w.replace('\u{2019}', "'"))
    } else {
        w
    }
}

// ---------------------------------------------------------------------------
// Regular rules.  Keep in sync with tools/lang/build_lexicon.py (`fallback`),
// which drops table rows these rules already get right.

const VOWELS: &[u8] = b"aeiou";
/// stems that take a silent e back: revis-ed, organiz-ed, troubl-ed, judg-ed,
/// battl-ed, struggl-ing, ...
const E_ENDINGS: &[&str] = &[
    "iz", "is", "bl", "pl", "dg", "rg", "uc", "ur", "ir", "ag", "v", "c", "u", "az", "yz", "ot",
    "tl", "gl", "kl", "dl", "fl", "zl",
];

fn char_len(s: &str) -> usize {
    s.chars().count()
}

fn strip_s(w: &str) -> Option<String> {
    if char_len(w) <= 3
        || w.ends_with("ss")
        || w.ends_with("us")
        || w.ends_with("is")
        || w.ends_with("'s")
    {
        return None;
    }
    if w.ends_with("ies") && char_len(w) > 4 {
        return Some(format!("{}y", &w[..w.len() - 3]));
    }
    if ["ches", "shes", "xes", "zzes", "sses"]
        .iter()
        .any(|s| w.ends_with(s))
    {
        return Some(w[..w.len() - 2].to_string());
    }
    w.strip_suffix('s').map(str::to_string)
}

fn restore_e(stem: &str) -> String {
    let b = stem.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && b[n - 1].is_ascii() && !b"lsfzaeiouwy".contains(&b[n - 1])
    {
        return stem[..n - 1].to_string();
    }
    if n > 3 && (stem.ends_with("at") || stem.ends_with("ud")) && !b"aeo".contains(&b[n - 3]) {
        return format!("{stem}e");
    }
    if n > 2 && E_ENDINGS.iter().any(|e| stem.ends_with(e)) {
        return format!("{stem}e");
    }
    stem.to_string()
}

fn strip_ed(w: &str) -> Option<String> {
    if char_len(w) <= 4 {
        return None;
    }
    if let Some(stem) = w.strip_suffix("ied") {
        return Some(format!("{stem}y"));
    }
    if w.ends_with("eed") {
        return Some(w[..w.len() - 1].to_string());
    }
    w.strip_suffix("ed").map(restore_e)
}

fn strip_ing(w: &str) -> Option<String> {
    if char_len(w) <= 5 || !w.ends_with("ing") {
        return None;
    }
    if w.ends_with("ying") && char_len(w) > 6 {
        return Some(w[..w.len() - 3].to_string());
    }
    Some(restore_e(&w[..w.len() - 3]))
}

fn is_vowel(c: u8) -> bool {
    VOWELS.contains(&c)
}

/// consonant-vowel-consonant at the end of a short word: stop -> stopp-ed
fn doubles_final(l: &str) -> bool {
    let b = l.as_bytes();
    let n = b.len();
    (3..=4).contains(&n)
        && l.is_ascii()
        && !is_vowel(b[n - 1])
        && !b"wxy".contains(&b[n - 1])
        && is_vowel(b[n - 2])
        && !is_vowel(b[n - 3])
}

fn regular_s(l: &str) -> String {
    let b = l.as_bytes();
    let n = b.len();
    if ["s", "x", "z", "ch", "sh"].iter().any(|e| l.ends_with(e)) {
        format!("{l}es")
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ies", &l[..n - 1])
    } else {
        format!("{l}s")
    }
}

fn regular_past(l: &str) -> String {
    let b = l.as_bytes();
    let n = b.len();
    if l.ends_with('e') {
        format!("{l}d")
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ied", &l[..n - 1])
    } else if doubles_final(l) {
        format!("{l}{}ed", b[n - 1] as char)
    } else {
        format!("{l}ed")
    }
}

fn regular_ing(l: &str) -> String {
    let b = l.as_bytes();
    let n = b.len();
    if l.ends_with("ie") {
        format!("{}ying", &l[..n - 2])
    } else if l.ends_with('e')
        && n > 2
        && !l.ends_with("ee")
        && !l.ends_with("ye")
        && !l.ends_with("oe")
    {
        format!("{}ing", &l[..n - 1])
    } else if doubles_final(l) {
        format!("{l}{}ing", b[n - 1] as char)
    } else {
        format!("{l}ing")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> &'static Lexicon {
        Lexicon::builtin()
    }

    #[test]
    fn table_lemmas() {
        let l = lex();
        assert_eq!(l.lemma("seized", "VBD"), "seize");
        assert_eq!(l.lemma("went", "VBD"), "go");
        assert_eq!(l.lemma("gone", "VBN"), "go");
        assert_eq!(l.lemma("children", "NNS"), "child");
        assert_eq!(l.lemma("men", "NNS"), "man");
        assert_eq!(l.lemma("was", "VBD"), "be");
        assert_eq!(l.lemma("is", "VBZ"), "be");
        assert_eq!(l.lemma("'s", "VBZ"), "be");
        assert_eq!(l.lemma("’s", "VBZ"), "be");
        assert_eq!(l.lemma("'s", "POS"), "'s");
        assert_eq!(l.lemma("said", "VBD"), "say");
        assert_eq!(l.lemma("Talks", "NNS"), "talk");
        assert_eq!(l.lemma("crises", "NNS"), "crisis");
        assert_eq!(l.lemma("news", "NN"), "news");
        assert_eq!(l.lemma("news", "NNS"), "news");
        assert_eq!(l.lemma("better", "JJR"), "good");
        assert_eq!(l.lemma("better", "JJ"), "better");
        assert_eq!(l.lemma("more", "JJR"), "more");
        assert_eq!(l.lemma("n't", "RB"), "not");
        assert_eq!(l.lemma("wo", "MD"), "will");
        assert_eq!(l.lemma("ca", "MD"), "can");
        assert_eq!(l.lemma("attacked", "VBD"), "attack");
        assert_eq!(l.lemma("negotiating", "VBG"), "negotiate");
    }

    #[test]
    fn unknown_words() {
        let l = lex();
        // unknown word, not a verb/noun tag: lower-cased
        assert_eq!(l.lemma("Donetsk", "NNP"), "donetsk");
        assert_eq!(l.lemma("Zzyzx", "NNP"), "zzyzx");
        // regular fallback for words not in the table
        assert_eq!(l.lemma("blorfed", "VBD"), "blorf");
        assert_eq!(l.lemma("blorfing", "VBG"), "blorf");
        assert_eq!(l.lemma("blorfs", "VBZ"), "blorf");
        assert_eq!(l.lemma("glorpies", "NNS"), "glorpy");
        assert_eq!(l.lemma("zorbatized", "VBN"), "zorbatize");
        // a consonant and "l" take their silent e back
        assert_eq!(l.lemma("embattled", "VBN"), "embattle");
        assert_eq!(l.lemma("blorgling", "VBG"), "blorgle");
        assert_eq!(l.lemma("snurkled", "VBD"), "snurkle");
        assert_eq!(l.lemma("blorfed", "JJ"), "blorfed");
    }

    #[test]
    fn forms_of_lemmas() {
        let l = lex();
        let f = l.forms("seize", WordClass::Verb);
        for w in ["seize", "seized", "seizing", "seizes"] {
            assert!(f.contains(&w.to_string()), "{f:?}");
        }
        assert_eq!(f[0], "seize");
        let f = l.forms("talk", WordClass::Noun);
        assert!(f.contains(&"talks".to_string()), "{f:?}");
        assert!(f.contains(&"talk".to_string()), "{f:?}");
        let f = l.forms("go", WordClass::Verb);
        for w in ["go", "went", "gone", "going", "goes"] {
            assert!(f.contains(&w.to_string()), "{f:?}");
        }
        let f = l.forms("child", WordClass::Noun);
        assert_eq!(f, vec!["child".to_string(), "children".to_string()]);
        // known, uninflected
        assert_eq!(l.forms("news", WordClass::Noun), vec!["news".to_string()]);
        // regular generation for unknown lemmas
        let f = l.forms("blorf", WordClass::Verb);
        assert_eq!(f, vec!["blorf", "blorfed", "blorfing", "blorfs"]);
        let f = l.forms("zap", WordClass::Verb);
        assert!(
            f.contains(&"zapped".to_string()) && f.contains(&"zapping".to_string()),
            "{f:?}"
        );
        assert_eq!(
            l.forms("glorpy", WordClass::Noun),
            vec!["glorpy", "glorpies"]
        );
        assert!(l
            .forms("good", WordClass::Adjective)
            .contains(&"best".to_string()));
    }

    #[test]
    fn forms_lemmatize_back() {
        let l = lex();
        for (lemma, tags) in [
            ("attack", &["VBD", "VBN", "VBG", "VBZ"][..]),
            ("seize", &["VBD", "VBG", "VBZ"][..]),
            ("accuse", &["VBD", "VBG", "VBZ"][..]),
            ("meet", &["VBD", "VBG", "VBZ"][..]),
        ] {
            let forms = l.forms(lemma, WordClass::Verb);
            for f in &forms[1..] {
                let ok = tags.iter().any(|t| l.lemma(f, t) == lemma);
                assert!(ok, "{f} does not lemmatize back to {lemma}");
            }
        }
    }

    #[test]
    fn regular_rules() {
        assert_eq!(regular_past("plan"), "planned");
        assert_eq!(regular_past("try"), "tried");
        assert_eq!(regular_past("seize"), "seized");
        assert_eq!(regular_ing("seize"), "seizing");
        assert_eq!(regular_ing("die"), "dying");
        assert_eq!(regular_ing("agree"), "agreeing");
        assert_eq!(regular_s("church"), "churches");
        assert_eq!(regular_s("policy"), "policies");
        assert_eq!(regular_s("day"), "days");
        assert_eq!(strip_ed("stopped").as_deref(), Some("stop"));
        assert_eq!(strip_ed("killed").as_deref(), Some("kill"));
        assert_eq!(strip_ing("organizing").as_deref(), Some("organize"));
        assert_eq!(strip_s("bus"), None);
    }
}
