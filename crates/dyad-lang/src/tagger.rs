//! Greedy averaged-perceptron part-of-speech tagger (Penn Treebank tags).
//!
//! The model is trained by tools/lang/train_tagger.py on news text labelled by
//! spaCy's `en_core_web_sm` and embedded from data/lang/tagger.bin.
//!
//! File format (little-endian):
//! ```text
//! magic   "DYADTAG1"
//! u32     n_tags, then n_tags x (u8 len, utf-8 bytes)           tag names
//! f32     scale (weight = i16 * scale; unused for decoding)
//! u32     n_tagdict, then n_tagdict x (u8 len, bytes, u8 tag)   unambiguous words
//! u32     n_feats, then n_feats x (u64 key, u8 n)               key = FNV-1a 64 of the feature string
//! then    for each feature in order: n x (u8 tag, i16 weight)
//! ```
//! Feature extraction (in `Tagger::tag`) must match `features()` in
//! train_tagger.py byte for byte.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::hash::Fnv;
use crate::perceptron::{ModelError, Reader, Scores, WeightTable, Weights};
use rustc_hash::FxHashMap as FxMap;

static TAGGER_BIN: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lang/tagger.bin"
));

/// Penn Treebank tags (as produced by spaCy's English models), in byte order,
/// used to give the model's tag names a `'static` lifetime.
pub(crate) const PTB_TAGS: &[&str] = &[
    "$", "''", ",", "-LRB-", "-RRB-", ".", ":", "ADD", "AFX", "CC", "CD", "DT", "EX", "FW", "HYPH",
    "IN", "JJ", "JJR", "JJS", "LS", "MD", "NFP", "NN", "NNP", "NNPS", "NNS", "PDT", "POS", "PRP",
    "PRP$", "RB", "RBR", "RBS", "RP", "SYM", "TO", "UH", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ",
    "WDT", "WP", "WP$", "WRB", "XX", "_SP", "``",
];

const START: &str = "-START-";
const START2: &str = "-START2-";
const END: &str = "-END-";
const END2: &str = "-END2-";

/// A part-of-speech tagger.  Thread-safe (`&self` only); use [`Tagger::builtin`].
pub struct Tagger {
    tags: Vec<&'static str>,
    /// word (case-sensitive) -> tag index, for frequent unambiguous words
    tagdict: FxMap<Box<str>, u8>,
    /// feature key -> (tag index, weight) pairs
    weights: WeightTable,
    /// The weights of the bias feature.
    bias: Weights,
    /// The hash states of the features that start with the previous tag or
    /// the one before it, per history index (see [`Tagger::history_name`]).
    history: Vec<History>,
    /// The weights of `t12 PREV PREV2`, at `prev * (n_tags + 2) + prev2`.
    tag_pairs: Vec<Weights>,
}

/// What a feature owes to one tag of the history: the weights of the
/// features that are just the tag, hash states to continue for the others.
struct History {
    t1: Weights,
    t2: Weights,
    t1w: Fnv,
    t1w_next: Fnv,
    t1s3: Fnv,
}

/// A feature template's name and its space, hashed at compile time: at run
/// time a feature hashes only its values.
const fn template(name: &str) -> Fnv {
    Fnv::new().str(name)
}

const BIAS: u64 = template("b").0;
const WORD: Fnv = template("w ");
const SUFFIX1: Fnv = template("s1 ");
const SUFFIX2: Fnv = template("s2 ");
const SUFFIX3: Fnv = template("s3 ");
const SUFFIX4: Fnv = template("s4 ");
const PREFIX1: Fnv = template("p1 ");
const PREFIX3: Fnv = template("p3 ");
const SHAPE: Fnv = template("sh ");
const PREV_WORD: Fnv = template("w-1 ");
const PREV_SUFFIX3: Fnv = template("s-1 ");
const PREV2_WORD: Fnv = template("w-2 ");
const NEXT_WORD: Fnv = template("w+1 ");
const NEXT_SUFFIX3: Fnv = template("s+1 ");
const NEXT2_WORD: Fnv = template("w+2 ");
const WORD_NEXT: Fnv = template("ww+1 ");
const PREV_WORD_WORD: Fnv = template("w-1w ");
const PREV_SHAPE: Fnv = template("sh-1 ");
const NEXT_SHAPE: Fnv = template("sh+1 ");
const FIRST_SHAPE: Fnv = template("first ");

/// Per-token precomputed strings (no allocation for words already in
/// lower case, and the shape kept inline).
struct Tok<'a> {
    word: &'a str,
    norm: Cow<'a, str>,
    shape: Shape,
}

impl Tagger {
    /// The tagger built into the binary (loaded once, on first use).
    pub fn builtin() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| Tagger::from_bytes(TAGGER_BIN).expect("embedded tagger.bin is valid"))
    }

    /// Load a model in the tagger.bin format.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        let mut r = Reader::new(bytes);
        let tags = r.head(b"DYADTAG1", 255, PTB_TAGS)?;
        let n_tags = tags.len();
        let n_td = r.u32()? as usize;
        let mut tagdict = FxMap::default();
        tagdict.reserve(n_td);
        for _ in 0..n_td {
            let w = r.str()?;
            let t = r.u8()?;
            if t as usize >= n_tags {
                return Err(ModelError("bad tag index".into()));
            }
            tagdict.insert(Box::from(w), t);
        }
        let weights = WeightTable::read(&mut r, n_tags)?;
        r.finish()?;
        let mut tagger = Tagger {
            tags,
            tagdict,
            bias: weights.find(BIAS),
            weights,
            history: Vec::new(),
            tag_pairs: Vec::new(),
        };
        let n_history = n_tags + 2;
        tagger.history = (0..n_history)
            .map(|t| {
                let name = tagger.history_name(t);
                let then = |template: &str| Fnv::new().str(template).str(name).str(" ");
                History {
                    t1: tagger.weights.find(Fnv::new().str("t1 ").str(name).0),
                    t2: tagger.weights.find(Fnv::new().str("t2 ").str(name).0),
                    t1w: then("t1w "),
                    t1w_next: then("t1w+1 "),
                    t1s3: then("t1s3 "),
                }
            })
            .collect();
        tagger.tag_pairs = (0..n_history * n_history)
            .map(|i| {
                let (prev, prev2) = (i / n_history, i % n_history);
                let pair = Fnv::new().str("t12 ").str(tagger.history_name(prev));
                let key = pair.str(" ").str(tagger.history_name(prev2)).0;
                tagger.weights.find(key)
            })
            .collect();
        Ok(tagger)
    }

    /// The name of a history index: a tag index, or past the tags the
    /// padding before the first word (`-START-`, then `-START2-`).
    fn history_name(&self, index: usize) -> &'static str {
        match index.checked_sub(self.tags.len()) {
            None => self.tags[index],
            Some(0) => START,
            Some(_) => START2,
        }
    }

    /// The tag set, in the model's order.
    pub fn tag_names(&self) -> &[&'static str] {
        &self.tags
    }

    /// One Penn Treebank tag per word.  `words` is one sentence (or any run of
    /// tokens) in spaCy's English tokenization.
    pub fn tag(&self, words: &[&str]) -> Vec<&'static str> {
        let mut out = Vec::with_capacity(words.len());
        if words.is_empty() {
            return out;
        }
        let toks: Vec<Tok> = words
            .iter()
            .map(|w| Tok {
                word: w,
                norm: normalize(w),
                shape: shape(w),
            })
            .collect();
        let n = toks.len();
        let norm_at = |j: isize| -> &str {
            if j < -1 {
                START
            } else if j == -1 {
                START2
            } else if (j as usize) < n {
                &toks[j as usize].norm
            } else if j as usize == n {
                END
            } else {
                END2
            }
        };
        // shapes of the padding words, as the trainer computes them
        let shape_at = |j: isize| -> &[u8] {
            if j < -1 {
                b"-X-"
            } else if j == -1 {
                b"-Xd-"
            } else if (j as usize) < n {
                toks[j as usize].shape.as_bytes()
            } else if j as usize == n {
                b"-X-"
            } else {
                b"-Xd-"
            }
        };
        let n_tags = self.tags.len();
        let mut scores: Scores = [0; 256];
        // history indices: START, START2 before the first word
        let (mut prev, mut prev2) = (n_tags, n_tags + 1);
        for (i, t) in toks.iter().enumerate() {
            let tag = match self.tagdict.get(t.word) {
                Some(&ti) => ti as usize,
                None => {
                    scores[..n_tags].fill(0);
                    let ii = i as isize;
                    let w: &str = &t.norm;
                    let wm1 = norm_at(ii - 1);
                    let wm2 = norm_at(ii - 2);
                    let wp1 = norm_at(ii + 1);
                    let wp2 = norm_at(ii + 2);
                    let s3 = suffix(w, 3);
                    let h = &self.history[prev];
                    let keys = [
                        WORD.str(w).0,
                        SUFFIX3.str(s3).0,
                        SUFFIX2.str(suffix(w, 2)).0,
                        SUFFIX1.str(suffix(w, 1)).0,
                        SUFFIX4.str(suffix(w, 4)).0,
                        PREFIX1.str(prefix(w, 1)).0,
                        PREFIX3.str(prefix(w, 3)).0,
                        SHAPE.bytes(t.shape.as_bytes()).0,
                        h.t1w.str(w).0,
                        PREV_WORD.str(wm1).0,
                        PREV_SUFFIX3.str(suffix(wm1, 3)).0,
                        PREV2_WORD.str(wm2).0,
                        NEXT_WORD.str(wp1).0,
                        NEXT_SUFFIX3.str(suffix(wp1, 3)).0,
                        NEXT2_WORD.str(wp2).0,
                        WORD_NEXT.str(w).str(" ").str(wp1).0,
                        h.t1w_next.str(wp1).0,
                        PREV_WORD_WORD.str(wm1).str(" ").str(w).0,
                        h.t1s3.str(s3).0,
                        PREV_SHAPE.bytes(shape_at(ii - 1)).0,
                        NEXT_SHAPE.bytes(shape_at(ii + 1)).0,
                        // the first word's shape, only for the first word
                        if i == 0 {
                            FIRST_SHAPE.bytes(t.shape.as_bytes()).0
                        } else {
                            0
                        },
                    ];
                    // Every feature's weights first, then the sums, so that
                    // the memory accesses of different features overlap.
                    let mut found = [Weights::NONE; 26];
                    found[0] = self.bias;
                    found[1] = h.t1;
                    found[2] = self.history[prev2].t2;
                    found[3] = self.tag_pairs[prev * (n_tags + 2) + prev2];
                    for (f, &key) in found[4..].iter_mut().zip(&keys) {
                        if key != 0 {
                            *f = self.weights.find(key);
                        }
                    }
                    for f in found {
                        self.weights.add_weights(f, &mut scores);
                    }
                    // argmax; ties go to the later tag (as in the trainer)
                    let mut best = 0usize;
                    for (k, &s) in scores[..n_tags].iter().enumerate() {
                        if s >= scores[best] {
                            best = k;
                        }
                    }
                    best
                }
            };
            out.push(self.tags[tag]);
            prev2 = prev;
            prev = tag;
        }
        out
    }
}

/// Word form used in word features (train_tagger.py `normalize`).
fn normalize(word: &str) -> Cow<'_, str> {
    match number_class(word) {
        Some(class) => Cow::Borrowed(class),
        None if word.chars().any(char::is_uppercase) => Cow::Owned(word.to_lowercase()),
        None => Cow::Borrowed(word),
    }
}

/// The stand-in for a number in word features: `!YEAR` for four digits,
/// `!DIGITS` for other words that start with a digit.
pub(crate) fn number_class(word: &str) -> Option<&'static str> {
    let b = word.as_bytes();
    if !b.first().is_some_and(u8::is_ascii_digit) {
        None
    } else if b.len() == 4 && b.iter().all(u8::is_ascii_digit) {
        Some("!YEAR")
    } else {
        Some("!DIGITS")
    }
}

/// A word's shape, at most five symbols of up to four bytes, kept inline.
struct Shape {
    bytes: [u8; 20],
    len: usize,
}

impl Shape {
    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// train_tagger.py `shape`: X / x / d / a / other char, runs collapsed, ≤ 5 symbols.
fn shape(word: &str) -> Shape {
    let mut out = Shape {
        bytes: [0; 20],
        len: 0,
    };
    let mut last: Option<char> = None;
    let mut n = 0;
    for c in word.chars() {
        let s = if c.is_ascii() {
            match c {
                'A'..='Z' => 'X',
                'a'..='z' => 'x',
                '0'..='9' => 'd',
                _ => c,
            }
        } else if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if last != Some(s) {
            out.len += s.encode_utf8(&mut out.bytes[out.len..]).len();
            last = Some(s);
            n += 1;
            if n >= 5 {
                break;
            }
        }
    }
    out
}

/// Whether a byte of UTF-8 starts a character (is not a continuation byte).
fn starts_char(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// Last `n` characters (`n` ≥ 1).
fn suffix(w: &str, n: usize) -> &str {
    let mut count = 0;
    for (i, &b) in w.as_bytes().iter().enumerate().rev() {
        if starts_char(b) {
            count += 1;
            if count == n {
                return &w[i..];
            }
        }
    }
    w
}

/// First `n` characters.
fn prefix(w: &str, n: usize) -> &str {
    let mut count = 0;
    for (i, &b) in w.as_bytes().iter().enumerate() {
        if starts_char(b) {
            if count == n {
                return &w[..i];
            }
            count += 1;
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> Vec<(String, &'static str)> {
        let words: Vec<&str> = s.split(' ').collect();
        let tags = Tagger::builtin().tag(&words);
        assert_eq!(tags.len(), words.len());
        words.iter().map(|w| w.to_string()).zip(tags).collect()
    }

    fn tag_of(tagged: &[(String, &'static str)], word: &str) -> &'static str {
        tagged.iter().find(|(w, _)| w == word).unwrap().1
    }

    #[test]
    fn helpers() {
        assert_eq!(suffix("hello", 3), "llo");
        assert_eq!(suffix("hi", 3), "hi");
        assert_eq!(suffix("café", 2), "fé");
        assert_eq!(prefix("café", 3), "caf");
        assert_eq!(prefix("é", 3), "é");
        assert_eq!(shape("Hello").as_bytes(), b"Xx");
        assert_eq!(shape("U.S.").as_bytes(), b"X.X.");
        assert_eq!(shape("12,500.75").as_bytes(), b"d,d.d");
        assert_eq!(shape("McDonald's").as_bytes(), b"XxXx'");
        assert_eq!(normalize("1987"), "!YEAR");
        assert_eq!(normalize("12.5"), "!DIGITS");
        assert_eq!(normalize("G7"), "g7");
        assert_eq!(normalize("Troops"), "troops");
        // FNV-1a test vectors
        assert_eq!(Fnv::new().str("").0, 0xcbf29ce484222325);
        assert_eq!(Fnv::new().str("a").0, 0xaf63dc4c8601ec8c);
        assert_eq!(Fnv::new().str("foo").0, 0xdcb27518fed9d577);
    }

    #[test]
    fn empty_and_single() {
        assert!(Tagger::builtin().tag(&[]).is_empty());
        assert_eq!(Tagger::builtin().tag(&["."]), vec!["."]);
    }

    #[test]
    fn odd_tokens_do_not_panic() {
        let words = [
            "",
            "é",
            "日本",
            "ǅ",
            "1987",
            "3.5",
            "“",
            "’s",
            "--",
            "x".repeat(300).leak(),
            "N'Djamena",
        ];
        let tags = Tagger::builtin().tag(&words);
        assert_eq!(tags.len(), words.len());
        assert_eq!(tags[4], "CD");
    }

    #[test]
    fn bad_models_are_rejected() {
        assert!(Tagger::from_bytes(b"").is_err());
        assert!(Tagger::from_bytes(b"NOTATAGGERFILE").is_err());
        let good = TAGGER_BIN;
        assert!(Tagger::from_bytes(&good[..good.len() - 1]).is_err());
        let mut longer = good.to_vec();
        longer.push(0);
        assert!(Tagger::from_bytes(&longer).is_err());
        let t = Tagger::from_bytes(good).unwrap();
        assert_eq!(
            t.tag(&["The", "talks", "failed", "."]),
            Tagger::builtin().tag(&["The", "talks", "failed", "."])
        );
        assert!(t.tag_names().contains(&"NNP"));
    }

    #[test]
    fn news_sentences() {
        let t = tag("Russian troops attacked Ukrainian positions near Donetsk on Monday .");
        assert_eq!(tag_of(&t, "troops"), "NNS");
        assert_eq!(tag_of(&t, "attacked"), "VBD");
        assert_eq!(tag_of(&t, "positions"), "NNS");
        assert_eq!(tag_of(&t, "Donetsk"), "NNP");
        assert_eq!(tag_of(&t, "Monday"), "NNP");
        assert_eq!(tag_of(&t, "near"), "IN");

        let t = tag("The ministers met in Geneva .");
        assert_eq!(
            t.iter().map(|x| x.1).collect::<Vec<_>>(),
            vec!["DT", "NNS", "VBD", "IN", "NNP", "."]
        );

        let t = tag("Police arrested 12 protesters in Cairo , officials said .");
        assert_eq!(tag_of(&t, "arrested"), "VBD");
        assert_eq!(tag_of(&t, "12"), "CD");
        assert_eq!(tag_of(&t, "protesters"), "NNS");
        assert_eq!(tag_of(&t, "said"), "VBD");

        let t = tag("The government has accused the rebels of violating the ceasefire .");
        assert_eq!(tag_of(&t, "has"), "VBZ");
        assert_eq!(tag_of(&t, "accused"), "VBN");
        assert_eq!(tag_of(&t, "violating"), "VBG");
        assert_eq!(tag_of(&t, "ceasefire"), "NN");

        let t = tag("Iran does n't want to negotiate with the U.S. , he said .");
        assert_eq!(tag_of(&t, "n't"), "RB");
        assert_eq!(tag_of(&t, "to"), "TO");
        assert_eq!(tag_of(&t, "negotiate"), "VB");
        assert_eq!(tag_of(&t, "U.S."), "NNP");
        assert_eq!(tag_of(&t, "he"), "PRP");

        let t = tag("China 's foreign minister will visit Moscow next week .");
        assert_eq!(tag_of(&t, "'s"), "POS");
        assert_eq!(tag_of(&t, "will"), "MD");
        assert_eq!(tag_of(&t, "visit"), "VB");
    }
}
