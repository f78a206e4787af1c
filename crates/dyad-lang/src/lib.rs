//! dyad-lang: English part-of-speech tagging and lemmatization for dyad.
//!
//! Everything is bundled in the binary (no downloads at run time):
//! * [`Tagger`]: greedy averaged-perceptron tagger producing Penn Treebank
//!   tags, trained to reproduce spaCy's `en_core_web_sm` on news text
//!   (data/lang/tagger.bin, built by tools/lang/train_tagger.py);
//! * [`Parser`]: greedy transition-based dependency parser producing spaCy's
//!   labels (`nsubj`, `dobj`, `agent`, `pobj`, `xcomp`, `ccomp`, ...), trained
//!   the same way (data/lang/parser.bin, built by tools/lang/train_parser.py);
//!   [`treebank`] reads CoNLL-U and scores parses against it;
//! * [`phrases`]: noun phrases, verb groups and clauses read off the parse;
//! * [`Lexicon`]: lemma and inflection tables derived from LemmInflect
//!   (data/lang/lemmas.tsv, data/lang/inflections.tsv, built by
//!   tools/lang/build_lexicon.py).
//!
//! Input tokens follow spaCy's English tokenization ("does" "n't", "China" "'s",
//! "Kim" "Jong" "-" "un", punctuation split off).
//!
//! ```
//! use dyad_lang::{Lexicon, Parser, Tagger, WordClass};
//! let words = ["Rebels", "seized", "the", "town", "."];
//! let tags = Tagger::builtin().tag(&words);
//! assert_eq!(tags[1], "VBD");
//! let arcs = Parser::builtin().parse(&words, &tags);
//! assert_eq!((arcs[0].head, arcs[0].label), (Some(1), "nsubj"));
//! assert_eq!((arcs[3].head, arcs[3].label), (Some(1), "dobj"));
//! assert_eq!(Lexicon::builtin().lemma("seized", tags[1]), "seize");
//! assert!(Lexicon::builtin().forms("seize", WordClass::Verb).contains(&"seizing".to_string()));
//! ```

mod hash;
mod lexicon;
mod parser;
mod perceptron;
pub mod phrases;
mod tagger;
#[cfg(feature = "train")]
pub mod train;
pub mod treebank;

pub use lexicon::{Lexicon, WordClass};
pub use parser::{Arc, Parser};
pub use perceptron::ModelError;
pub use phrases::{Clause, Phrase, PhraseKind};
pub use tagger::Tagger;
