//! The averaged-perceptron weights shared by the tagger and the parser.
//!
//! Both models score a handful of classes from a few dozen sparse features,
//! each identified by a 64-bit key, and store only the non-zero weights:
//! per feature a short list of `(class, i16 weight)` pairs.  Both files carry
//! the same weight block, so one reader and one lookup table serve both:
//!
//! ```text
//! u32     n_feats, then n_feats x (u64 key, u8 n)   sorted by key, keys non-zero
//! then    for each feature, in that order: n x (u8 class, i16 weight)
//! ```

/// Error loading a model file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "bad model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// A cursor over a model file.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        if n > self.bytes.len() - self.pos {
            return Err(ModelError("truncated".into()));
        }
        let s = &self.bytes[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }

    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }

    /// A string of at most 255 bytes, prefixed by its length.
    pub fn str(&mut self) -> Result<&'a str, ModelError> {
        let n = self.u8()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| ModelError("bad utf-8".into()))
    }

    /// The head that both model files start with: `magic`, the class names
    /// (one to `max` of them; a name of `known` is shared, any other is
    /// leaked once per load to give it a `'static` lifetime) and the
    /// weight scale, which scoring does not need.
    pub fn head(
        &mut self,
        magic: &[u8; 8],
        max: usize,
        known: &'static [&'static str],
    ) -> Result<Vec<&'static str>, ModelError> {
        if self.take(8)? != magic {
            return Err(ModelError("bad magic".into()));
        }
        let n = self.u32()? as usize;
        if n == 0 || n > max {
            return Err(ModelError("bad class count".into()));
        }
        let names = (0..n)
            .map(|_| {
                let name = self.str()?;
                Ok(match known.iter().find(|k| **k == name) {
                    Some(k) => *k,
                    None => &*Box::leak(Box::from(name)),
                })
            })
            .collect::<Result<_, ModelError>>()?;
        let _scale = self.take(4)?;
        Ok(names)
    }

    /// Fails unless the whole file has been read.
    pub fn finish(self) -> Result<(), ModelError> {
        if self.pos == self.bytes.len() {
            Ok(())
        } else {
            Err(ModelError("trailing bytes".into()))
        }
    }
}

/// One score per class. Classes are bytes, so with room for all 256 adding
/// a weight needs no bounds check; a model uses the first `n_classes`.
pub(crate) type Scores = [i32; 256];

/// Feature key → class weights, in an open-addressing table.
///
/// The file stores only non-zero weights, but a feature with many of them
/// (the bias, the previous tag, a frequent suffix: the ones every word
/// looks up) is added fastest as a full row of the score vector, which the
/// compiler vectorises; so such features get a dense row, the others keep
/// their `(class, weight)` pairs. Sums are exact integers, so the layout
/// does not change a score.
pub(crate) struct WeightTable {
    slots: Vec<Slot>,
    mask: usize,
    /// A bit per hash of every key the model has, small enough to stay in
    /// cache: most lookups of a feature the model lacks end here, without
    /// a trip to the (megabytes of) slots.
    present: Vec<u64>,
    n_classes: usize,
    /// The weights of features with more than [`INLINE_MAX`] of them and too
    /// few for a dense row (see [`DENSE_SHARE`]).
    spilled: Vec<(u8, i16)>,
    /// One row of `n_classes` weights per feature with weights for at least
    /// one class in [`DENSE_SHARE`].
    dense: Vec<i32>,
}

/// A feature key (0 marks an empty slot) and its weights: up to
/// [`INLINE_MAX`] of them in place, more as a span of
/// `WeightTable::spilled` or a row of `WeightTable::dense`. Most features
/// have one or two weights, so a lookup usually touches one cache line.
#[derive(Clone, Copy)]
struct Slot {
    key: u64,
    /// With the [`INLINE`] bit: the count (bits 48-49) and the weights, 24
    /// bits each (class, then i16).  With the [`DENSE`] bit: the row's
    /// offset in `dense` (low 32 bits). With neither: the start in
    /// `spilled` (low 32 bits) and the number of [`SPILL_CHUNK`] runs
    /// (bits 32-39).
    weights: u64,
}

/// Spilled weights come in runs of this many, padded with zero weights
/// for [`PAD_CLASS`], so that the loop adding them is unrolled.
const SPILL_CHUNK: usize = 4;
/// A class no model has (a model has at most 255), whose score is never read.
const PAD_CLASS: u8 = 255;

const INLINE: u64 = 1 << 63;
const DENSE: u64 = 1 << 62;
const INLINE_MAX: usize = 2;
/// A feature whose weights cover at least one class in this many gets a
/// dense row: adding a whole row costs about as much as adding pairs for
/// half of it (measured on the tagger's 50 classes and the parser's 91).
const DENSE_SHARE: usize = 2;

impl WeightTable {
    /// Reads the weight block (format in the module docs); class indices must
    /// be below `n_classes`.
    pub fn read(r: &mut Reader, n_classes: usize) -> Result<WeightTable, ModelError> {
        let n_feats = r.u32()? as usize;
        let header = r.take(
            n_feats
                .checked_mul(9)
                .ok_or_else(|| ModelError("overflow".into()))?,
        )?;
        let total: usize = header.chunks_exact(9).map(|h| h[8] as usize).sum();
        let body = r.take(total * 3)?;
        let cap = (n_feats * 2).max(16).next_power_of_two();
        let mask = cap - 1;
        let mut slots = vec![Slot { key: 0, weights: 0 }; cap];
        let mut present = vec![0u64; PRESENCE_BITS / 64];
        let mut spilled = Vec::new();
        let mut dense = Vec::new();
        let mut entries = body.chunks_exact(3);
        let mut weights = Vec::new();
        for h in header.chunks_exact(9) {
            let key = u64::from_le_bytes(h[..8].try_into().unwrap());
            if key == 0 {
                return Err(ModelError("zero feature key".into()));
            }
            let n = h[8] as usize;
            weights.clear();
            for _ in 0..n {
                let e = entries.next().expect("body length checked");
                if e[0] as usize >= n_classes {
                    return Err(ModelError("bad class index".into()));
                }
                weights.push((e[0], i16::from_le_bytes([e[1], e[2]])));
            }
            let packed = if n <= INLINE_MAX {
                weights
                    .iter()
                    .enumerate()
                    .fold(INLINE | (n as u64) << 48, |p, (k, &(c, w))| {
                        p | (c as u64 | (w as u16 as u64) << 8) << (24 * k)
                    })
            } else if n * DENSE_SHARE < n_classes {
                let start = spilled.len() as u64;
                spilled.extend(&weights);
                let chunks = n.div_ceil(SPILL_CHUNK);
                spilled.resize(start as usize + chunks * SPILL_CHUNK, (PAD_CLASS, 0));
                start | (chunks as u64) << 32
            } else {
                let start = dense.len();
                dense.resize(start + n_classes, 0);
                for &(c, w) in &weights {
                    dense[start + c as usize] += w as i32;
                }
                DENSE | start as u64
            };
            let bit = presence_bit(key);
            present[bit / 64] |= 1 << (bit % 64);
            let mut i = (mix(key) as usize) & mask;
            while slots[i].key != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = Slot {
                key,
                weights: packed,
            };
        }
        Ok(WeightTable {
            slots,
            mask,
            present,
            n_classes,
            spilled,
            dense,
        })
    }

    /// The weights of feature `key` ([`Weights::NONE`] if the model has none).
    #[inline]
    pub fn find(&self, key: u64) -> Weights {
        let bit = presence_bit(key);
        if self.present[bit / 64] & 1 << (bit % 64) == 0 {
            return Weights::NONE;
        }
        let mut i = (mix(key) as usize) & self.mask;
        loop {
            let slot = self.slots[i];
            if slot.key == key {
                return Weights(slot.weights);
            }
            if slot.key == 0 {
                return Weights::NONE;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds a feature's weights to `scores`.
    #[inline]
    pub fn add_weights(&self, weights: Weights, scores: &mut Scores) {
        let w = weights.0;
        if w & INLINE != 0 {
            for k in 0..((w >> 48) & 3) {
                let e = w >> (24 * k);
                scores[(e & 0xff) as usize] += ((e >> 8) & 0xffff) as u16 as i16 as i32;
            }
        } else if w & DENSE != 0 {
            let start = (w & 0xffff_ffff) as usize;
            let row = &self.dense[start..start + self.n_classes];
            for (s, &x) in scores[..self.n_classes].iter_mut().zip(row) {
                *s += x;
            }
        } else {
            let start = (w & 0xffff_ffff) as usize;
            let n = ((w >> 32) & 0xff) as usize * SPILL_CHUNK;
            for chunk in self.spilled[start..start + n].chunks_exact(SPILL_CHUNK) {
                for &(c, x) in chunk {
                    scores[c as usize] += x as i32;
                }
            }
        }
    }
}

/// A feature's weights in a [`WeightTable`], as found by its key (the
/// packed `Slot::weights`); cheap to copy and to keep in a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Weights(u64);

impl Weights {
    /// No weights: an inline list of none.
    pub const NONE: Weights = Weights(INLINE);
}

/// The size of `WeightTable::present`: 2^20 bits, 128 KiB.
const PRESENCE_BITS: usize = 1 << 20;

/// A key's bit in `WeightTable::present`, from other bits of its hash
/// than its slot's.
#[inline]
fn presence_bit(key: u64) -> usize {
    (mix(key) >> 32) as usize % PRESENCE_BITS
}

/// Slot of a key: FNV's low bits are weak for short inputs, so fold the high
/// bits in first.
#[inline]
fn mix(h: u64) -> u64 {
    (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9) >> 7
}

/// Learns averaged-perceptron weights (Collins 2002) over hashed features,
/// for the trainers; [`Learner::export`] writes the weight block that
/// [`WeightTable::read`] loads.
#[cfg(feature = "train")]
pub(crate) struct Learner {
    features: rustc_hash::FxHashMap<u64, Vec<LearnedWeight>>,
    /// Number of training examples seen so far.
    step: u64,
}

#[cfg(feature = "train")]
struct LearnedWeight {
    class: u8,
    value: i32,
    /// Sum of `value` over the steps up to `stamp`, for the average.
    total: i64,
    stamp: u64,
}

#[cfg(feature = "train")]
impl Learner {
    pub fn new() -> Learner {
        Learner {
            features: Default::default(),
            step: 0,
        }
    }

    /// The current (not averaged) scores of every class.
    pub fn score(&self, keys: &[u64], scores: &mut [i32]) {
        scores.fill(0);
        for k in keys {
            if let Some(ws) = self.features.get(k) {
                for w in ws {
                    scores[w.class as usize] += w.value;
                }
            }
        }
    }

    /// One training example: rewards `truth` and penalizes `guess` if they differ.
    pub fn learn(&mut self, keys: &[u64], truth: usize, guess: usize) {
        self.step += 1;
        if truth == guess {
            return;
        }
        let step = self.step;
        for &k in keys {
            let ws = self.features.entry(k).or_default();
            for (class, delta) in [(truth as u8, 1), (guess as u8, -1)] {
                let i = match ws.iter().position(|w| w.class == class) {
                    Some(i) => i,
                    None => {
                        ws.push(LearnedWeight {
                            class,
                            value: 0,
                            total: 0,
                            stamp: step,
                        });
                        ws.len() - 1
                    }
                };
                let w = &mut ws[i];
                w.total += (step - w.stamp) as i64 * w.value as i64;
                w.stamp = step;
                w.value += delta;
            }
        }
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.features.len()
    }

    /// Appends the averaged weights as an f32 scale and the weight block (see
    /// the module docs), dropping those with |w| < `min_weight` and quantizing
    /// the rest to i16 with one scale.  Returns the number of weights kept.
    pub fn export(&self, min_weight: f64, out: &mut Vec<u8>) -> usize {
        let step = self.step.max(1);
        let mut kept: Vec<(u64, Vec<(u8, f64)>)> = Vec::new();
        let mut max = 0f64;
        for (&k, ws) in &self.features {
            let mut avg: Vec<(u8, f64)> = ws
                .iter()
                .map(|w| {
                    let total = w.total + (step - w.stamp) as i64 * w.value as i64;
                    (w.class, total as f64 / step as f64)
                })
                .filter(|(_, a)| a.abs() >= min_weight && *a != 0.0)
                .collect();
            if !avg.is_empty() {
                avg.sort_by_key(|x| x.0);
                max = avg.iter().fold(max, |m, x| m.max(x.1.abs()));
                kept.push((k, avg));
            }
        }
        kept.sort_by_key(|x| x.0);
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let quantized: Vec<(u64, Vec<(u8, i16)>)> = kept
            .into_iter()
            .map(|(k, ws)| {
                let q = ws
                    .into_iter()
                    .map(|(c, a)| (c, (a / scale).round() as i16))
                    .filter(|x| x.1 != 0)
                    .collect();
                (k, q)
            })
            .filter(|x: &(u64, Vec<(u8, i16)>)| !x.1.is_empty())
            .collect();
        out.extend((scale as f32).to_le_bytes());
        out.extend((quantized.len() as u32).to_le_bytes());
        for (k, ws) in &quantized {
            assert!(ws.len() <= 255, "at most 255 classes");
            out.extend(k.to_le_bytes());
            out.push(ws.len() as u8);
        }
        let mut n = 0;
        for (_, ws) in &quantized {
            for &(c, w) in ws {
                out.push(c);
                out.extend(w.to_le_bytes());
                n += 1;
            }
        }
        n
    }
}
