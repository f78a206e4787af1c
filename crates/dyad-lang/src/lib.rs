//! dyad-lang: English part-of-speech tagging and lemmatization for dyad.
//!
//! Everything is bundled in the binary (no downloads at run time):
//! * [`Tagger`]: greedy averaged-perceptron tagger producing Penn Treebank
//!   tags, trained to reproduce spaCy's `en_core_web_sm` on news text
//!   (data/lang/tagger.bin, built by tools/lang/train_tagger.py);
//! * [`Lexicon`]: lemma and inflection tables derived from LemmInflect
//!   (data/lang/lemmas.tsv, data/lang/inflections.tsv, built by
//!   tools/lang/build_lexicon.py).
//!
//! Input tokens follow spaCy's English tokenization ("does" "n't", "China" "'s",
//! "Kim" "Jong" "-" "un", punctuation split off).
//!
//! ```
//! use dyad_lang::{Lexicon, Tagger, WordClass};
//! let words = ["Rebels", "seized", "the", "town", "."];
//! let tags = Tagger::builtin().tag(&words);
//! assert_eq!(tags[1], "VBD");
//! assert_eq!(Lexicon::builtin().lemma("seized", tags[1]), "seize");
//! assert!(Lexicon::builtin().forms("seize", WordClass::Verb).contains(&"seizing".to_string()));
//! ```

mod hash;
mod lexicon;
mod perceptron;
mod tagger;

pub use lexicon::{Lexicon, WordClass};
pub use perceptron::ModelError;
pub use tagger::Tagger;
