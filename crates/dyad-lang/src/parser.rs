//! Greedy transition-based dependency parser (arc-hybrid, averaged perceptron).
//!
//! The event coder needs grammatical relations (subject, object, passive
//! agent, prepositional objects, complements, appositions, relative clauses,
//! coordination).  A greedy parser reads them off in one left-to-right pass at
//! a few hundred thousand tokens per second, and it is trained to reproduce
//! spaCy's `en_core_web_sm` parses (labels included) on news text by
//! tools/lang/train_parser.py, which calls the trainer in `crate::train`.  The
//! feature extractor and the transition system below are the only ones: the
//! trainer uses them too.
//!
//! Transitions (arc-hybrid, Kuhlmann et al. 2011), with a virtual ROOT at the
//! bottom of the stack:
//! * SHIFT moves the first buffer word onto the stack;
//! * LEFT-l makes the first buffer word the head of the stack top (label l),
//!   and pops it;
//! * RIGHT-l makes the word below the stack top its head, and pops it; onto
//!   ROOT only with the label `ROOT` and once the buffer is empty, so every
//!   sentence has exactly one root.
//!
//! File format of data/lang/parser.bin (little-endian):
//! ```text
//! magic   "DYADPAR1"
//! u32     n_labels, then n_labels x (u8 len, utf-8 bytes)    dependency labels, one is "ROOT"
//! f32     scale (weight = i16 * scale; unused for decoding)
//! u32     n_feats, then n_feats x (u64 key, u8 n)            key = `feature_key` of a feature
//! then    for each feature in order: n x (u8 class, i16 weight)
//! ```
//! Class 0 is SHIFT, class 1 + 2l is LEFT with label l, 2 + 2l is RIGHT with label l.

use std::sync::OnceLock;

use crate::hash::Fnv;
use crate::perceptron::{ModelError, Reader, Scores, WeightTable, Weights};
use crate::tagger::{number_class, PTB_TAGS};

static PARSER_BIN: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../data/lang/parser.bin"
));

pub(crate) const MAGIC: &[u8; 8] = b"DYADPAR1";

/// The label of the arc from the virtual root.
pub(crate) const ROOT_LABEL: &str = "ROOT";

/// One token's attachment: its head (`None` for the sentence root) and the
/// label of the arc (spaCy's labels: `nsubj`, `dobj`, `agent`, `pobj`, ...;
/// `ROOT` for the root).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arc {
    pub head: Option<usize>,
    pub label: &'static str,
}

/// A dependency parser.  Thread-safe (`&self` only); use [`Parser::builtin`].
pub struct Parser {
    labels: Vec<&'static str>,
    root_label: u8,
    weights: WeightTable,
    by_value: ByValue,
}

impl Parser {
    /// The parser built into the binary (loaded once, on first use).
    pub fn builtin() -> &'static Parser {
        static PARSER: OnceLock<Parser> = OnceLock::new();
        PARSER.get_or_init(|| Parser::from_bytes(PARSER_BIN).expect("embedded parser.bin is valid"))
    }

    /// Loads a model in the parser.bin format.
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser, ModelError> {
        let mut r = Reader::new(bytes);
        let labels = r.head(MAGIC, 255, SPACY_LABELS)?;
        let n_labels = labels.len();
        // classes are bytes
        if n_classes(n_labels) > 255 {
            return Err(ModelError("bad label count".into()));
        }
        let root_label = labels
            .iter()
            .position(|l| *l == ROOT_LABEL)
            .ok_or_else(|| ModelError("no ROOT label".into()))? as u8;
        let weights = WeightTable::read(&mut r, n_classes(n_labels))?;
        r.finish()?;
        let by_value = ByValue::new(&weights, n_labels);
        Ok(Parser {
            labels,
            root_label,
            weights,
            by_value,
        })
    }

    /// The dependency labels, in the model's order.
    pub fn labels(&self) -> &[&'static str] {
        &self.labels
    }

    /// One arc per word.  `words` is one sentence in spaCy's English
    /// tokenization and `tags` its Penn Treebank tags (from [`crate::Tagger`]).
    ///
    /// A sentence that is wholly a quotation ("“Iran made a big mistake.”",
    /// or one running on into the next: "“Iran made a big mistake. They
    /// lied,” he said.") is parsed without its opening mark, which then
    /// hangs from the root: the model learnt opening marks closed before a
    /// verb of saying, and reads one that is not as the sentence's root.
    pub fn parse(&self, words: &[&str], tags: &[&str]) -> Vec<Arc> {
        assert_eq!(words.len(), tags.len(), "one tag per word");
        let closing = words
            .iter()
            .skip(1)
            .position(|w| matches!(*w, "”" | "\"" | "''"))
            .map(|c| c + 1);
        let wholly_quoted = words.len() > 1
            && matches!(words[0], "“" | "\"" | "``")
            && closing.is_none_or(|c| {
                words[c + 1..]
                    .iter()
                    .all(|w| !w.chars().any(char::is_alphanumeric))
            });
        if !wholly_quoted {
            return self.parse_words(words, tags);
        }
        let mut arcs = self.parse_words(&words[1..], &tags[1..]);
        let root = arcs.iter().position(|a| a.head.is_none());
        for arc in &mut arcs {
            arc.head = arc.head.map(|h| h + 1);
        }
        arcs.insert(
            0,
            Arc {
                head: root.map(|r| r + 1),
                label: "punct",
            },
        );
        arcs
    }

    fn parse_words(&self, words: &[&str], tags: &[&str]) -> Vec<Arc> {
        let tokens = Tokens::new(words, tags);
        // the weights of the templates of one word, for every word (the
        // root and "no word" included) once rather than at every step
        let per_token: Vec<[Weights; PER_TOKEN.len()]> = (0..words.len() + 2)
            .map(|i| {
                PER_TOKEN.map(|(template, with_tag)| {
                    let tag = if with_tag { tokens.tags[i] } else { 0 };
                    let values = [tokens.words[i], tag, 0, 0];
                    self.weights.find(feature_key(template as u64, &values))
                })
            })
            .collect();
        let mut state = State::new(words.len(), self.root_label);
        let n_classes = n_classes(self.labels.len());
        let mut scores: Scores = [0; 256];
        while !state.is_final() {
            let class = state.forced().unwrap_or_else(|| {
                // every feature's weights first, then the sums, so that the
                // memory accesses of different features overlap
                let values = state.feature_values(&tokens);
                let mut found = [Weights::NONE; N_FEATURES];
                let roles = state.per_token_roles();
                for (j, (&(template, _), &i)) in PER_TOKEN.iter().zip(&roles).enumerate() {
                    found[template] = per_token[i][j];
                }
                for &template in &self.by_value.hashed {
                    let v = &values[template];
                    found[template] = self.weights.find(feature_key(template as u64, v));
                }
                for block in &self.by_value.blocks {
                    let v = &values[block.template];
                    found[block.template] = block.get(&self.by_value.weights, v);
                }
                scores[..n_classes].fill(0);
                for f in found {
                    self.weights.add_weights(f, &mut scores);
                }
                state.best_valid(&scores[..n_classes])
            });
            state.apply(class);
        }
        state.arcs(&self.labels)
    }
}

/// The templates (numbered as in [`State::feature_values`]) whose values
/// are one word's value, with its tag or not: their weights are found per
/// word, for the words of [`State::per_token_roles`] in this order.
const PER_TOKEN: [(usize, bool); 13] = [
    (1, false),
    (2, false),
    (3, false),
    (4, false),
    (5, false),
    (6, false),
    (7, false),
    (8, false),
    (9, false),
    (23, true),
    (24, true),
    (25, true),
    (26, true),
];

/// What a feature value ranges over, for the templates looked up by value.
#[derive(Clone, Copy)]
enum Range {
    /// The value is always 0 (the template has fewer values).
    Zero,
    /// Tag values: none, a tag, an unknown tag or the root.
    Tag,
    /// 0 for no arc, else 1 + the label.
    Label,
    /// The stack-buffer distance, at most 6.
    Distance,
}

/// The templates (numbered as in [`State::feature_values`]) whose values
/// all lie in small ranges, with the range of each value (the fourth is 0).
const BY_VALUE: [(usize, [Range; 3]); 22] = {
    use Range::*;
    [
        (0, [Zero, Zero, Zero]),
        (10, [Tag, Zero, Zero]),
        (11, [Tag, Zero, Zero]),
        (12, [Tag, Zero, Zero]),
        (13, [Tag, Zero, Zero]),
        (14, [Tag, Zero, Zero]),
        (15, [Tag, Zero, Zero]),
        (16, [Tag, Zero, Zero]),
        (17, [Tag, Zero, Zero]),
        (18, [Tag, Zero, Zero]),
        (19, [Tag, Zero, Zero]),
        (20, [Tag, Zero, Zero]),
        (21, [Tag, Zero, Zero]),
        (22, [Tag, Zero, Zero]),
        (33, [Tag, Tag, Zero]),
        (34, [Tag, Tag, Zero]),
        (36, [Tag, Tag, Zero]),
        (48, [Label, Label, Zero]),
        (49, [Label, Label, Zero]),
        (50, [Label, Label, Zero]),
        (52, [Tag, Label, Zero]),
        (66, [Tag, Tag, Distance]),
    ]
};

/// The weights of the [`BY_VALUE`] templates for every combination of
/// their values, computed at load: a third of a step's features are found
/// by indexing with their values, with no key to hash and no probing.
struct ByValue {
    blocks: Vec<Block>,
    weights: Vec<Weights>,
    /// The templates found neither by value nor per word: by key.
    hashed: Vec<usize>,
}

/// Where one template's weights lie in `ByValue::weights`.
struct Block {
    template: usize,
    start: usize,
    /// The size of each value's range.
    sizes: [u64; 3],
}

impl Block {
    /// The template's weights for `values`, which lie in its ranges
    /// ([`State::feature_values`] gives tags, labels and distances no
    /// other values).
    #[inline]
    fn get(&self, weights: &[Weights], values: &[u64; 4]) -> Weights {
        let [s0, s1, s2] = self.sizes;
        debug_assert!(
            values[0] < s0 && values[1] < s1 && values[2] < s2 && values[3] == 0,
            "values {values:?} out of the ranges {:?}",
            self.sizes
        );
        weights[self.start + (values[0] + s0 * (values[1] + s1 * values[2])) as usize]
    }
}

impl ByValue {
    fn new(table: &WeightTable, n_labels: usize) -> ByValue {
        let size = |r: Range| match r {
            Range::Zero => 1,
            Range::Tag => ROOT_TAG + 1,
            Range::Label => n_labels as u64 + 1,
            Range::Distance => 7,
        };
        let mut blocks = Vec::new();
        let mut weights = Vec::new();
        for (template, ranges) in BY_VALUE {
            let sizes = ranges.map(size);
            blocks.push(Block {
                template,
                start: weights.len(),
                sizes,
            });
            for index in 0..sizes.iter().product::<u64>() {
                let values = [
                    index % sizes[0],
                    index / sizes[0] % sizes[1],
                    index / (sizes[0] * sizes[1]),
                    0,
                ];
                weights.push(table.find(feature_key(template as u64, &values)));
            }
        }
        let hashed = (0..N_FEATURES)
            .filter(|t| BY_VALUE.iter().all(|(b, _)| b != t))
            .filter(|t| PER_TOKEN.iter().all(|(p, _)| p != t))
            .collect();
        ByValue {
            blocks,
            weights,
            hashed,
        }
    }
}

/// The dependency labels of spaCy's English models, used to give the model's
/// label names a `'static` lifetime without leaking them on every load.
const SPACY_LABELS: &[&str] = &[
    "ROOT",
    "acl",
    "acomp",
    "advcl",
    "advmod",
    "agent",
    "amod",
    "appos",
    "attr",
    "aux",
    "auxpass",
    "case",
    "cc",
    "ccomp",
    "compound",
    "conj",
    "csubj",
    "csubjpass",
    "dative",
    "dep",
    "det",
    "dobj",
    "expl",
    "intj",
    "mark",
    "meta",
    "neg",
    "nmod",
    "npadvmod",
    "nsubj",
    "nsubjpass",
    "nummod",
    "oprd",
    "parataxis",
    "pcomp",
    "pobj",
    "poss",
    "preconj",
    "predet",
    "prep",
    "prt",
    "punct",
    "quantmod",
    "relcl",
    "xcomp",
];

pub(crate) fn n_classes(n_labels: usize) -> usize {
    1 + 2 * n_labels
}

/// What a transition does, without its label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    Shift,
    Left,
    Right,
}

/// A class's move and label.
#[inline]
pub(crate) fn decode(class: usize) -> (Move, u8) {
    match class {
        0 => (Move::Shift, 0),
        c if c % 2 == 1 => (Move::Left, (c / 2) as u8),
        c => (Move::Right, (c / 2 - 1) as u8),
    }
}

/// Per-token feature values; index `n` is the virtual root, `n + 1` stands
/// for "no token".
pub(crate) struct Tokens {
    words: Vec<u64>,
    tags: Vec<u64>,
}

const NO_VALUE: u64 = 0;
const ROOT_WORD: u64 = 1;
/// Tag values: 1 + index in PTB_TAGS; past them, unknown tags and the root.
const UNKNOWN_TAG: u64 = PTB_TAGS.len() as u64 + 1;
const ROOT_TAG: u64 = PTB_TAGS.len() as u64 + 2;

impl Tokens {
    pub fn new(words: &[&str], tags: &[&str]) -> Tokens {
        let mut w: Vec<u64> = words.iter().map(|x| word_value(x)).collect();
        let mut t: Vec<u64> = tags
            .iter()
            .map(|x| match PTB_TAGS.binary_search(x) {
                Ok(i) => i as u64 + 1,
                Err(_) => UNKNOWN_TAG,
            })
            .collect();
        w.extend([ROOT_WORD, NO_VALUE]);
        t.extend([ROOT_TAG, NO_VALUE]);
        Tokens { words: w, tags: t }
    }
}

/// The lower-cased word, numbers replaced by their class as in the tagger's
/// word features, hashed without allocating.
fn word_value(word: &str) -> u64 {
    if let Some(class) = number_class(word) {
        return Fnv::new().str(class).0;
    }
    let mut h = Fnv::new();
    if word.is_ascii() {
        for &c in word.as_bytes() {
            h = h.bytes(&[c.to_ascii_lowercase()]);
        }
    } else {
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            h = h.bytes(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    // 0 and 1 are NO_VALUE and ROOT_WORD
    h.0.max(2)
}

/// The key of a feature: its template number and up to four values, mixed.
#[inline]
fn feature_key(template: u64, values: &[u64; 4]) -> u64 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = template.wrapping_add(1).wrapping_mul(K);
    for &v in values {
        h = (h.rotate_left(23) ^ v).wrapping_mul(K);
    }
    // murmur3 finalizer
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h.max(1)
}

pub(crate) const N_FEATURES: usize = 67;

/// The transitions allowed in a configuration.
pub(crate) struct Validity {
    shift: bool,
    left: bool,
    right: bool,
    /// RIGHT would attach the stack top to the root.
    onto_root: bool,
    root_label: u8,
}

impl Validity {
    /// Whether a class is allowed: its move, and the ROOT label exactly for
    /// the arc from the root (the trainer's oracle asks class by class).
    #[cfg(feature = "train")]
    #[inline]
    pub fn allows(&self, class: usize) -> bool {
        let (m, label) = decode(class);
        match m {
            Move::Shift => self.shift,
            Move::Left => self.left && label != self.root_label,
            Move::Right => self.right && (label == self.root_label) == self.onto_root,
        }
    }
}

/// Updates the (score, class) of the first best LEFT and RIGHT class with
/// those of `pairs`, LEFT and RIGHT scores by turns from class `first`.
#[inline]
fn best_of_pairs(pairs: &[i32], first: usize, best: &mut [(i64, usize); 2]) {
    let [mut left, mut right] = *best;
    for (k, pair) in pairs.chunks_exact(2).enumerate() {
        let (l, r) = (pair[0] as i64, pair[1] as i64);
        if l > left.0 {
            left = (l, first + 2 * k);
        }
        if r > right.0 {
            right = (r, first + 1 + 2 * k);
        }
    }
    *best = [left, right];
}

/// A parser configuration: stack, buffer (the words from `next` on) and the
/// arcs built so far, with the leftmost and rightmost children of each word
/// for the features.
pub(crate) struct State {
    n: usize,
    root_label: u8,
    stack: Vec<u32>,
    next: usize,
    /// Head of each word (index `n` is the root); `n + 1` until attached.
    heads: Vec<u32>,
    /// 1 + label index of each word's arc; 0 until attached.
    labels: Vec<u8>,
    /// Leftmost and second-leftmost, rightmost and second-rightmost child.
    left: Vec<[u32; 2]>,
    right: Vec<[u32; 2]>,
    n_left: Vec<u8>,
    n_right: Vec<u8>,
}

impl State {
    pub fn new(n: usize, root_label: u8) -> State {
        let none = (n + 1) as u32;
        let mut stack = Vec::with_capacity(n + 1);
        stack.push(n as u32);
        State {
            n,
            root_label,
            stack,
            next: 0,
            heads: vec![none; n + 2],
            labels: vec![0; n + 2],
            left: vec![[none; 2]; n + 2],
            right: vec![[none; 2]; n + 2],
            n_left: vec![0; n + 2],
            n_right: vec![0; n + 2],
        }
    }

    pub fn is_final(&self) -> bool {
        self.next == self.n && self.stack.len() == 1
    }

    /// The stack top (`n + 1` where there is none, as for `s1` and `b0`).
    #[inline]
    pub fn s0(&self) -> usize {
        self.stack_at(0)
    }

    /// The word below the stack top.
    #[inline]
    pub fn s1(&self) -> usize {
        self.stack_at(1)
    }

    #[inline]
    fn stack_at(&self, depth: usize) -> usize {
        let len = self.stack.len();
        if depth < len {
            self.stack[len - 1 - depth] as usize
        } else {
            self.n + 1
        }
    }

    /// The first buffer word.
    #[inline]
    pub fn b0(&self) -> usize {
        self.buffer_at(0)
    }

    #[inline]
    fn buffer_at(&self, offset: usize) -> usize {
        if self.next + offset < self.n {
            self.next + offset
        } else {
            self.n + 1
        }
    }

    /// Words on the stack, bottom (the root, index `n`) first.
    #[cfg(feature = "train")]
    pub fn stack(&self) -> &[u32] {
        &self.stack
    }

    /// Index of the first buffer word (`n` when the buffer is empty).
    #[cfg(feature = "train")]
    pub fn next(&self) -> usize {
        self.next
    }

    /// Which classes are allowed here.
    #[inline]
    pub fn validity(&self) -> Validity {
        let buffer = self.next < self.n;
        let depth = self.stack.len();
        Validity {
            shift: buffer,
            left: buffer && depth > 1,
            right: depth > 2 || (depth == 2 && !buffer),
            onto_root: depth == 2,
            root_label: self.root_label,
        }
    }

    /// The only valid class, where there is one: SHIFT when the stack holds
    /// only the root, RIGHT-ROOT when it holds one word and the buffer is
    /// empty. Such a step needs no scores.
    pub fn forced(&self) -> Option<usize> {
        let buffer = self.next < self.n;
        match self.stack.len() {
            1 if buffer => Some(0),
            2 if !buffer => Some(2 + 2 * self.root_label as usize),
            _ => None,
        }
    }

    /// The highest-scoring valid class (ties go to the lower class). The
    /// classes after SHIFT come in pairs, LEFT then RIGHT with one label
    /// (class `1 + 2k` and `2 + 2k`); one pass over the pairs keeps the first
    /// best of each move, leaving out the root label's pair, whose LEFT is
    /// never valid and whose RIGHT is the only valid RIGHT onto the root.
    pub fn best_valid(&self, scores: &[i32]) -> usize {
        let valid = self.validity();
        let root = valid.root_label as usize;
        // (score, class) of the best so far; i64 so that no score is below it
        let none = (i64::MIN, usize::MAX);
        let mut best = [none, none];
        let pairs = &scores[1..];
        for (first, part) in [(0, &pairs[..2 * root]), (root + 1, &pairs[2 * root + 2..])] {
            best_of_pairs(part, 1 + 2 * first, &mut best);
        }
        let [left, mut right] = best;
        if valid.onto_root {
            right = (scores[2 + 2 * root] as i64, 2 + 2 * root);
        }
        let shift = (scores[0] as i64, 0);
        [
            (valid.shift, shift),
            (valid.left, left),
            (valid.right, right),
        ]
        .into_iter()
        .filter(|&(ok, (_, class))| ok && class != usize::MAX)
        .map(|(_, best)| best)
        // higher scores first, then lower classes
        .max_by_key(|&(score, class)| (score, std::cmp::Reverse(class)))
        .map_or(usize::MAX, |(_, class)| class)
    }

    pub fn apply(&mut self, class: usize) {
        let (m, label) = decode(class);
        match m {
            Move::Shift => {
                self.stack.push(self.next as u32);
                self.next += 1;
            }
            Move::Left => {
                let child = self.stack.pop().expect("LEFT needs a stack") as usize;
                self.attach(self.next, child, label);
            }
            Move::Right => {
                let child = self.stack.pop().expect("RIGHT needs a stack") as usize;
                let head = *self.stack.last().expect("RIGHT needs two") as usize;
                self.attach(head, child, label);
            }
        }
    }

    fn attach(&mut self, head: usize, child: usize, label: u8) {
        self.heads[child] = head as u32;
        self.labels[child] = label + 1;
        let c = child as u32;
        if child < head {
            let l = &mut self.left[head];
            if c < l[0] || l[0] as usize > self.n {
                *l = [c, l[0]];
            } else if c < l[1] || l[1] as usize > self.n {
                l[1] = c;
            }
            self.n_left[head] = self.n_left[head].saturating_add(1);
        } else {
            let r = &mut self.right[head];
            if r[0] as usize > self.n || c > r[0] {
                *r = [c, r[0]];
            } else if r[1] as usize > self.n || c > r[1] {
                r[1] = c;
            }
            self.n_right[head] = self.n_right[head].saturating_add(1);
        }
    }

    /// The finished parse: `n` arcs.
    pub fn arcs(&self, labels: &[&'static str]) -> Vec<Arc> {
        (0..self.n)
            .map(|i| {
                let h = self.heads[i] as usize;
                Arc {
                    head: (h < self.n).then_some(h),
                    label: match self.labels[i] {
                        0 => "",
                        l => labels[l as usize - 1],
                    },
                }
            })
            .collect()
    }

    /// Fills `out` with the keys of this configuration's features.
    #[cfg(feature = "train")]
    pub fn features(&self, tok: &Tokens, out: &mut [u64; N_FEATURES]) {
        let values = self.feature_values(tok);
        for (k, (o, v)) in out.iter_mut().zip(values.iter()).enumerate() {
            *o = feature_key(k as u64, v);
        }
    }

    /// The words whose values make the [`PER_TOKEN`] templates, in its order.
    #[inline]
    pub fn per_token_roles(&self) -> [usize; PER_TOKEN.len()] {
        let (s0, s1, s2) = (self.s0(), self.s1(), self.stack_at(2));
        let (n0, n1, n2) = (self.b0(), self.buffer_at(1), self.buffer_at(2));
        let (s0l, s0r) = (self.left[s0][0] as usize, self.right[s0][0] as usize);
        let n0l = self.left[n0][0] as usize;
        [n0, n1, n2, s0, s1, s2, n0l, s0l, s0r, n0, n1, s0, s1]
    }

    /// The values of this configuration's features, template by template
    /// (a feature's key is [`feature_key`] of its template number and values).
    #[inline]
    pub fn feature_values(&self, tok: &Tokens) -> [[u64; 4]; N_FEATURES] {
        let (s0, s1, s2) = (self.s0(), self.s1(), self.stack_at(2));
        let (n0, n1, n2) = (self.b0(), self.buffer_at(1), self.buffer_at(2));
        let [s0l, s0l2] = self.left[s0].map(|x| x as usize);
        let [s0r, s0r2] = self.right[s0].map(|x| x as usize);
        let [n0l, n0l2] = self.left[n0].map(|x| x as usize);
        let s1l = self.left[s1][0] as usize;
        let s1r = self.right[s1][0] as usize;
        let w = |i: usize| tok.words[i];
        let t = |i: usize| tok.tags[i];
        let l = |i: usize| self.labels[i] as u64;
        let dist = if s0 < self.n && n0 < self.n {
            (n0 - s0).min(6) as u64
        } else {
            0
        };
        let (vs0l, vs0r, vn0l) = (
            self.n_left[s0] as u64,
            self.n_right[s0] as u64,
            self.n_left[n0] as u64,
        );
        let (ws0, wn0, ts0, tn0) = (w(s0), w(n0), t(s0), t(n0));
        [
            [0, 0, 0, 0],
            // words
            [wn0, 0, 0, 0],
            [w(n1), 0, 0, 0],
            [w(n2), 0, 0, 0],
            [ws0, 0, 0, 0],
            [w(s1), 0, 0, 0],
            [w(s2), 0, 0, 0],
            [w(n0l), 0, 0, 0],
            [w(s0l), 0, 0, 0],
            [w(s0r), 0, 0, 0],
            // tags
            [tn0, 0, 0, 0],
            [t(n1), 0, 0, 0],
            [t(n2), 0, 0, 0],
            [ts0, 0, 0, 0],
            [t(s1), 0, 0, 0],
            [t(s2), 0, 0, 0],
            [t(n0l), 0, 0, 0],
            [t(n0l2), 0, 0, 0],
            [t(s0l), 0, 0, 0],
            [t(s0l2), 0, 0, 0],
            [t(s0r), 0, 0, 0],
            [t(s0r2), 0, 0, 0],
            [t(s1r), 0, 0, 0],
            // word and tag
            [wn0, tn0, 0, 0],
            [w(n1), t(n1), 0, 0],
            [ws0, ts0, 0, 0],
            [w(s1), t(s1), 0, 0],
            // pairs
            [ws0, wn0, 0, 0],
            [ws0, ts0, wn0, 0],
            [ws0, wn0, tn0, 0],
            [ws0, ts0, tn0, 0],
            [ts0, wn0, tn0, 0],
            [ws0, ts0, wn0, tn0],
            [ts0, tn0, 0, 0],
            [tn0, t(n1), 0, 0],
            [w(s1), ws0, 0, 0],
            [t(s1), ts0, 0, 0],
            [wn0, w(n1), 0, 0],
            // tag trigrams
            [tn0, t(n1), t(n2), 0],
            [ts0, tn0, t(n1), 0],
            [t(s1), ts0, tn0, 0],
            [ts0, t(s0r), tn0, 0],
            [ts0, tn0, t(n0l), 0],
            [ts0, t(s0l), t(s0l2), 0],
            [ts0, t(s0r), t(s0r2), 0],
            [tn0, t(n0l), t(n0l2), 0],
            [t(s2), t(s1), ts0, 0],
            [t(s1), t(s1r), ts0, 0],
            // labels of the children
            [l(s0l), l(s0l2), 0, 0],
            [l(s0r), l(s0r2), 0, 0],
            [l(n0l), l(n0l2), 0, 0],
            [ts0, l(s0l), l(s0r), 0],
            [tn0, l(n0l), 0, 0],
            [ws0, l(s0r), 0, 0],
            [wn0, l(n0l), 0, 0],
            [t(s1), l(s1r), ts0, 0],
            // a pending clause below the stack top (a subject relative
            // clause before its main verb)
            [t(s1), l(s1l), ts0, tn0],
            [l(s0l), ts0, tn0, 0],
            [t(s2), t(s1), tn0, 0],
            [w(s1), tn0, 0, 0],
            [w(s1), ts0, tn0, 0],
            // valency and distance
            [ws0, vs0l, vs0r, 0],
            [ts0, vs0l, vs0r, 0],
            [tn0, vn0l, 0, 0],
            [ws0, dist, 0, 0],
            [wn0, dist, 0, 0],
            [ts0, tn0, dist, 0],
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Tagger;

    fn parse(sentence: &str) -> (Vec<&str>, Vec<Arc>) {
        let words: Vec<&str> = sentence.split(' ').collect();
        let tags = Tagger::builtin().tag(&words);
        let arcs = Parser::builtin().parse(&words, &tags);
        assert_eq!(arcs.len(), words.len());
        (words, arcs)
    }

    /// The arc of `word` as (label, head word).
    fn arc<'a>(words: &[&'a str], arcs: &[Arc], word: &str) -> (&'static str, Option<&'a str>) {
        let i = words
            .iter()
            .position(|w| *w == word)
            .expect("word in sentence");
        (arcs[i].label, arcs[i].head.map(|h| words[h]))
    }

    #[test]
    fn passive_agent() {
        let (w, a) = parse("His call was rejected by Moscow .");
        assert_eq!(arc(&w, &a, "rejected"), ("ROOT", None));
        assert_eq!(arc(&w, &a, "call"), ("nsubjpass", Some("rejected")));
        assert_eq!(arc(&w, &a, "by"), ("agent", Some("rejected")));
        assert_eq!(arc(&w, &a, "Moscow"), ("pobj", Some("by")));
        assert_eq!(arc(&w, &a, "was"), ("auxpass", Some("rejected")));
    }

    #[test]
    fn a_sentence_wholly_quoted_has_its_verb_as_root() {
        for sentence in [
            "“ Iran made a big mistake .",
            "“ Iran made a big mistake . ”",
            "\" Iran made a big mistake .",
        ] {
            let (w, a) = parse(sentence);
            assert_eq!(arc(&w, &a, "made"), ("ROOT", None), "{sentence}");
            assert_eq!(arc(&w, &a, "Iran"), ("nsubj", Some("made")), "{sentence}");
            assert_eq!(a[0].head, Some(2), "{sentence}");
        }
        // closed before a verb of saying: the verb of saying is the root
        let (w, a) = parse("“ Iran made a big mistake , ” he said .");
        assert_eq!(arc(&w, &a, "said"), ("ROOT", None));
        assert_eq!(arc(&w, &a, "made"), ("ccomp", Some("said")));
    }

    #[test]
    fn subject_object_and_gerund() {
        let (w, a) = parse("Russia accused Ukraine of attacking a tanker .");
        assert_eq!(arc(&w, &a, "Russia"), ("nsubj", Some("accused")));
        assert_eq!(arc(&w, &a, "Ukraine"), ("dobj", Some("accused")));
        assert_eq!(arc(&w, &a, "of"), ("prep", Some("accused")));
        assert_eq!(arc(&w, &a, "attacking"), ("pcomp", Some("of")));
        assert_eq!(arc(&w, &a, "tanker"), ("dobj", Some("attacking")));
    }

    #[test]
    fn coordination_and_infinitive() {
        let (w, a) = parse("Kenya and Uganda agreed to hold talks .");
        assert_eq!(arc(&w, &a, "Kenya"), ("nsubj", Some("agreed")));
        assert_eq!(arc(&w, &a, "and"), ("cc", Some("Kenya")));
        assert_eq!(arc(&w, &a, "Uganda"), ("conj", Some("Kenya")));
        assert_eq!(arc(&w, &a, "hold"), ("xcomp", Some("agreed")));
        assert_eq!(arc(&w, &a, "to"), ("aux", Some("hold")));
        assert_eq!(arc(&w, &a, "talks"), ("dobj", Some("hold")));
    }

    #[test]
    fn that_clause_relative_clause_and_apposition() {
        let (w, a) = parse("The minister said that the army had withdrawn .");
        assert_eq!(arc(&w, &a, "withdrawn"), ("ccomp", Some("said")));
        assert_eq!(arc(&w, &a, "army"), ("nsubj", Some("withdrawn")));
        let (w, a) = parse("Rebels who seized the town released the hostages .");
        assert_eq!(arc(&w, &a, "seized"), ("relcl", Some("Rebels")));
        assert_eq!(arc(&w, &a, "Rebels"), ("nsubj", Some("released")));
        assert_eq!(arc(&w, &a, "hostages"), ("dobj", Some("released")));
        let (w, a) =
            parse("Sergei Lavrov , Russia 's foreign minister , met his Chinese counterpart .");
        assert_eq!(arc(&w, &a, "minister"), ("appos", Some("Lavrov")));
        assert_eq!(arc(&w, &a, "Lavrov"), ("nsubj", Some("met")));
        assert_eq!(arc(&w, &a, "counterpart"), ("dobj", Some("met")));
    }

    #[test]
    fn every_word_has_one_head_and_the_tree_has_one_root() {
        for s in [
            "Police said on Tuesday that at least 12 people were killed when gunmen opened fire on a bus .",
            "Talks .",
            "x",
            ", , ,",
        ] {
            let (w, a) = parse(s);
            assert_eq!(a.iter().filter(|x| x.head.is_none()).count(), 1, "{s}");
            for (i, x) in a.iter().enumerate() {
                // following heads from any word reaches the root
                let mut h = x.head;
                let mut steps = 0;
                while let Some(j) = h {
                    assert_ne!(j, i);
                    h = a[j].head;
                    steps += 1;
                    assert!(steps <= w.len());
                }
                assert!(!x.label.is_empty());
            }
        }
        assert!(Parser::builtin().parse(&[], &[]).is_empty());
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
            "N'Djamena",
        ];
        let tags = [
            "NN", "XYZ", "NNP", "NNP", "CD", "CD", "``", "POS", ":", "NNP",
        ];
        assert_eq!(Parser::builtin().parse(&words, &tags).len(), words.len());
    }

    #[test]
    fn bad_models_are_rejected() {
        assert!(Parser::from_bytes(b"").is_err());
        assert!(Parser::from_bytes(b"DYADTAG1").is_err());
        assert!(Parser::from_bytes(&PARSER_BIN[..PARSER_BIN.len() - 1]).is_err());
        let mut longer = PARSER_BIN.to_vec();
        longer.push(0);
        assert!(Parser::from_bytes(&longer).is_err());
        assert!(Parser::from_bytes(PARSER_BIN)
            .unwrap()
            .labels()
            .contains(&"nsubjpass"));
    }

    #[test]
    fn per_token_templates_see_the_values_of_their_words() {
        let words = [
            "Rebels", "who", "seized", "the", "town", "released", "them", ".",
        ];
        let tags = Tagger::builtin().tag(&words);
        let tokens = Tokens::new(&words, &tags);
        let parser = Parser::builtin();
        let mut state = State::new(words.len(), parser.root_label);
        let mut scores: Scores = [0; 256];
        while !state.is_final() {
            let values = state.feature_values(&tokens);
            for ((template, with_tag), i) in PER_TOKEN.into_iter().zip(state.per_token_roles()) {
                let tag = if with_tag { tokens.tags[i] } else { 0 };
                assert_eq!(
                    values[template],
                    [tokens.words[i], tag, 0, 0],
                    "template {template}"
                );
            }
            let keys = values
                .iter()
                .enumerate()
                .map(|(k, v)| feature_key(k as u64, v));
            scores.fill(0);
            keys.for_each(|k| {
                parser
                    .weights
                    .add_weights(parser.weights.find(k), &mut scores)
            });
            let n = n_classes(parser.labels.len());
            state.apply(
                state
                    .forced()
                    .unwrap_or_else(|| state.best_valid(&scores[..n])),
            );
        }
    }

    #[test]
    fn word_values() {
        assert_eq!(word_value("Moscow"), word_value("MOSCOW"));
        assert_eq!(word_value("Éire"), word_value("éire"));
        assert_eq!(word_value("1987"), Fnv::new().str("!YEAR").0);
        assert_eq!(word_value("12,000"), word_value("3.5"));
        assert_ne!(word_value("12,000"), word_value("1987"));
    }
}
