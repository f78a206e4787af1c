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

use crate::hash::{Fnv, FxMap};
use crate::perceptron::{ModelError, Reader, WeightTable};

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
}

fn static_tag(name: &str) -> &'static str {
    match PTB_TAGS.iter().find(|t| **t == name) {
        Some(t) => t,
        None => Box::leak(name.to_string().into_boxed_str()),
    }
}

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
        if r.take(8)? != b"DYADTAG1" {
            return Err(ModelError("bad magic".into()));
        }
        let n_tags = r.u32()? as usize;
        if n_tags == 0 || n_tags > 255 {
            return Err(ModelError("bad tag count".into()));
        }
        let mut tags = Vec::with_capacity(n_tags);
        for _ in 0..n_tags {
            tags.push(static_tag(r.str()?));
        }
        let _scale = r.take(4)?;
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
        Ok(Tagger {
            tags,
            tagdict,
            weights,
        })
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
        let shape_at = |j: isize| -> &str {
            if j < -1 {
                "-X-"
            } else if j == -1 {
                "-Xd-"
            } else if (j as usize) < n {
                toks[j as usize].shape.as_str()
            } else if j as usize == n {
                "-X-"
            } else {
                "-Xd-"
            }
        };
        let mut scores = vec![0i32; self.tags.len()];
        let (mut prev, mut prev2) = (START, START2);
        for (i, t) in toks.iter().enumerate() {
            let tag = match self.tagdict.get(t.word) {
                Some(&ti) => self.tags[ti as usize],
                None => {
                    scores.iter_mut().for_each(|s| *s = 0);
                    let ii = i as isize;
                    let w: &str = &t.norm;
                    let wm1 = norm_at(ii - 1);
                    let wm2 = norm_at(ii - 2);
                    let wp1 = norm_at(ii + 1);
                    let wp2 = norm_at(ii + 2);
                    let f = Fnv::new();
                    let mut add = |h: Fnv| self.weights.add(h.0, &mut scores);
                    add(f.str("b"));
                    add(f.str("w ").str(w));
                    add(f.str("s3 ").str(suffix(w, 3)));
                    add(f.str("s2 ").str(suffix(w, 2)));
                    add(f.str("s1 ").str(suffix(w, 1)));
                    add(f.str("s4 ").str(suffix(w, 4)));
                    add(f.str("p1 ").str(prefix(w, 1)));
                    add(f.str("p3 ").str(prefix(w, 3)));
                    add(f.str("sh ").str(t.shape.as_str()));
                    add(f.str("t1 ").str(prev));
                    add(f.str("t2 ").str(prev2));
                    add(f.str("t12 ").str(prev).str(" ").str(prev2));
                    add(f.str("t1w ").str(prev).str(" ").str(w));
                    add(f.str("w-1 ").str(wm1));
                    add(f.str("s-1 ").str(suffix(wm1, 3)));
                    add(f.str("w-2 ").str(wm2));
                    add(f.str("w+1 ").str(wp1));
                    add(f.str("s+1 ").str(suffix(wp1, 3)));
                    add(f.str("w+2 ").str(wp2));
                    add(f.str("ww+1 ").str(w).str(" ").str(wp1));
                    add(f.str("t1w+1 ").str(prev).str(" ").str(wp1));
                    add(f.str("w-1w ").str(wm1).str(" ").str(w));
                    add(f.str("t1s3 ").str(prev).str(" ").str(suffix(w, 3)));
                    add(f.str("sh-1 ").str(shape_at(ii - 1)));
                    add(f.str("sh+1 ").str(shape_at(ii + 1)));
                    if i == 0 {
                        add(f.str("first ").str(t.shape.as_str()));
                    }
                    // argmax; ties go to the later tag (as in the trainer)
                    let mut best = 0usize;
                    for (k, &s) in scores.iter().enumerate() {
                        if s >= scores[best] {
                            best = k;
                        }
                    }
                    self.tags[best]
                }
            };
            out.push(tag);
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
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).expect("whole characters")
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
        let s = if c.is_uppercase() {
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

/// Last `n` characters.
fn suffix(w: &str, n: usize) -> &str {
    match w.char_indices().rev().nth(n - 1) {
        Some((i, _)) => &w[i..],
        None => w,
    }
}

/// First `n` characters.
fn prefix(w: &str, n: usize) -> &str {
    match w.char_indices().nth(n) {
        Some((i, _)) => &w[..i],
        None => w,
    }
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
        assert_eq!(shape("Hello").as_str(), "Xx");
        assert_eq!(shape("U.S.").as_str(), "X.X.");
        assert_eq!(shape("12,500.75").as_str(), "d,d.d");
        assert_eq!(shape("McDonald's").as_str(), "XxXx'");
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
