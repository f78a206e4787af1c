//! Training the dependency parser (cargo feature `train`).
//!
//! Lives in the crate, not in a script, so that training and parsing use the
//! same feature extractor and transition system (`crate::parser`): a model can
//! only ever be scored on the features it was trained on.  The words are
//! tagged with dyad's own tagger, so the parser learns from the tags it will
//! see at run time, not from spaCy's.
//!
//! Learning is the averaged perceptron with the dynamic oracle of the
//! arc-hybrid system (Goldberg and Nivre 2013): at each step every
//! transition's cost (how many reference arcs it makes unreachable) is
//! computed, the best-scoring zero-cost transition is the truth, and from the
//! second epoch on the parser mostly follows its own predictions, so that it
//! also learns to recover from its mistakes.  Non-projective reference trees
//! are skipped: the transition system cannot build them.

use crate::parser::{decode, n_classes, Move, State, Tokens, MAGIC, N_FEATURES, ROOT_LABEL};
use crate::perceptron::Learner;
use crate::treebank::Sentence;
use crate::Tagger;

/// Training settings (the model file's pruning is chosen at export, by
/// [`Trained::model_file`]).
#[derive(Debug, Clone)]
pub struct Options {
    /// Passes over the training sentences.
    pub iters: usize,
    /// Seed of the shuffling and exploration.
    pub seed: u64,
    /// From the second epoch on, the share of steps that follow the model's
    /// own prediction rather than the oracle's.
    pub explore: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            iters: 10,
            seed: 20240611,
            explore: 0.9,
        }
    }
}

/// A training sentence, ready for the transition system.
struct Example {
    tokens: Tokens,
    /// Reference head of each word (`n` for the root) and label index.
    heads: Vec<usize>,
    labels: Vec<u8>,
}

/// Trains on `train`, reporting progress on stderr.
pub fn train_parser(train: &[Sentence], opts: &Options) -> Trained {
    let tagger = Tagger::builtin();
    let mut labels: Vec<&str> = train
        .iter()
        .flat_map(|s| s.labels.iter().map(String::as_str))
        .collect();
    labels.sort_unstable();
    labels.dedup();
    assert!(
        labels.contains(&ROOT_LABEL),
        "the training data has no ROOT label"
    );
    assert!(n_classes(labels.len()) <= 255, "too many labels");
    let root_label = labels.binary_search(&ROOT_LABEL).unwrap() as u8;

    let mut examples = Vec::new();
    let mut skipped = 0;
    for s in train {
        let n = s.words.len();
        let roots = s.heads.iter().filter(|h| h.is_none()).count();
        let root_ok = s
            .heads
            .iter()
            .zip(&s.labels)
            .all(|(h, l)| h.is_none() == (l == ROOT_LABEL));
        if roots != 1 || !root_ok || !s.is_projective() {
            skipped += 1;
            continue;
        }
        let words = s.words();
        let tags = tagger.tag(&words);
        examples.push(Example {
            tokens: Tokens::new(&words, &tags),
            heads: s.heads.iter().map(|h| h.unwrap_or(n)).collect(),
            labels: s
                .labels
                .iter()
                .map(|l| labels.binary_search(&l.as_str()).unwrap() as u8)
                .collect(),
        });
    }
    let n_tokens: usize = examples.iter().map(|e| e.heads.len()).sum();
    eprintln!(
        "training on {} sentences ({} tokens), {} skipped (not projective or not one root); {} labels",
        examples.len(),
        n_tokens,
        skipped,
        labels.len()
    );

    let mut learner = Learner::new();
    let mut rng = SplitMix(opts.seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut features = [0u64; N_FEATURES];
    let mut scores = vec![0i32; n_classes(labels.len())];
    let mut costs = vec![0u32; scores.len()];
    for epoch in 0..opts.iters {
        let t0 = std::time::Instant::now();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let (mut right, mut steps) = (0usize, 0usize);
        for &e in &order {
            let ex = &examples[e];
            let mut state = State::new(ex.heads.len(), root_label);
            while !state.is_final() {
                state.features(&ex.tokens, &mut features);
                learner.score(&features, &mut scores);
                let guess = state.best_valid(&scores);
                let min_cost = class_costs(&state, ex, &mut costs);
                let truth = (0..scores.len())
                    .filter(|&c| costs[c] == min_cost)
                    .max_by_key(|&c| (scores[c], std::cmp::Reverse(c)))
                    .expect("some class is valid");
                learner.learn(
                    &features,
                    truth,
                    if costs[guess] == min_cost {
                        truth
                    } else {
                        guess
                    },
                );
                right += (costs[guess] == min_cost) as usize;
                steps += 1;
                let follow_guess = epoch > 0 && rng.unit() < opts.explore;
                state.apply(if follow_guess { guess } else { truth });
            }
        }
        eprintln!(
            "epoch {}: {:.2}% zero-cost transitions, {} features, {:.0}s",
            epoch + 1,
            100.0 * right as f64 / steps.max(1) as f64,
            learner.len(),
            t0.elapsed().as_secs_f64()
        );
    }

    Trained {
        labels: labels.iter().map(|l| l.to_string()).collect(),
        learner,
    }
}

/// A trained parser, before its weights are averaged, pruned and written.
pub struct Trained {
    labels: Vec<String>,
    learner: Learner,
}

impl Trained {
    /// The model file (the parser.bin format), without the averaged weights
    /// below `min_weight` in absolute value, and the number of weights kept.
    pub fn model_file(&self, min_weight: f64) -> (Vec<u8>, usize) {
        let mut model = MAGIC.to_vec();
        model.extend((self.labels.len() as u32).to_le_bytes());
        for l in &self.labels {
            model.push(l.len() as u8);
            model.extend(l.as_bytes());
        }
        let kept = self.learner.export(min_weight, &mut model);
        (model, kept)
    }
}

/// Fills in the cost of every class (u32::MAX where invalid) and returns the
/// lowest.
fn class_costs(state: &State, ex: &Example, costs: &mut [u32]) -> u32 {
    let n = ex.heads.len();
    let gold = &ex.heads;
    let next = state.next();
    let in_buffer = |x: usize| x >= next && x < n;
    let children_in_buffer = |h: usize| (next..n).filter(|&d| gold[d] == h).count() as u32;
    let (s0, s1, b0) = (state.s0(), state.s1(), state.b0());
    // shifting b0 loses its children on the stack, and its head if that is on
    // the stack below s0 (the root, index n, included)
    let shift = if b0 < n {
        let stack = state.stack();
        let below_s0 = &stack[..stack.len() - 1];
        stack
            .iter()
            .filter(|&&d| (d as usize) < n && gold[d as usize] == b0)
            .count() as u32
            + below_s0.iter().any(|&k| k as usize == gold[b0]) as u32
    } else {
        u32::MAX
    };
    let (left, right) = if s0 < n {
        let lost_children = children_in_buffer(s0);
        let g = gold[s0];
        (
            (g != b0 && (g == s1 || in_buffer(g))) as u32 + lost_children,
            in_buffer(g) as u32 + lost_children,
        )
    } else {
        (u32::MAX, u32::MAX)
    };
    let valid = state.validity();
    let mut min = u32::MAX;
    for (c, cost) in costs.iter_mut().enumerate() {
        *cost = if !valid.allows(c) {
            u32::MAX
        } else {
            let (m, label) = decode(c);
            match m {
                Move::Shift => shift,
                Move::Left => left + (gold[s0] == b0 && label != ex.labels[s0]) as u32,
                Move::Right => right + (gold[s0] == s1 && label != ex.labels[s0]) as u32,
            }
        };
        min = min.min(*cost);
    }
    min
}

/// A small seeded random number generator (SplitMix64).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}
