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

    /// Fails unless the whole file has been read.
    pub fn finish(self) -> Result<(), ModelError> {
        if self.pos == self.bytes.len() {
            Ok(())
        } else {
            Err(ModelError("trailing bytes".into()))
        }
    }
}

/// Feature key → sparse class weights, in an open-addressing table.
pub(crate) struct WeightTable {
    slots: Vec<Slot>,
    mask: usize,
    /// The weights of features with more than [`INLINE_MAX`] of them.
    weights: Vec<(u8, i16)>,
}

/// A feature key (0 marks an empty slot) and its weights: up to
/// [`INLINE_MAX`] of them in place, more as a span of `WeightTable::weights`.
/// Most features have one or two weights, so a lookup usually touches one
/// cache line.
#[derive(Clone, Copy)]
struct Slot {
    key: u64,
    /// With the [`INLINE`] bit: the count (bits 48-49) and the weights, 24
    /// bits each (class, then i16).  Without: start (low 32 bits) and count.
    weights: u64,
}

const INLINE: u64 = 1 << 63;
const INLINE_MAX: usize = 2;

impl Slot {
    #[inline]
    fn add_to(self, spilled: &[(u8, i16)], scores: &mut [i32]) {
        let w = self.weights;
        if w & INLINE != 0 {
            for k in 0..((w >> 48) & 3) {
                let e = w >> (24 * k);
                scores[(e & 0xff) as usize] += ((e >> 8) & 0xffff) as u16 as i16 as i32;
            }
        } else {
            let start = (w & 0xffff_ffff) as usize;
            for &(c, x) in &spilled[start..start + (w >> 32) as usize] {
                scores[c as usize] += x as i32;
            }
        }
    }
}

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
        let mut weights = Vec::new();
        let mut entries = body.chunks_exact(3);
        for h in header.chunks_exact(9) {
            let key = u64::from_le_bytes(h[..8].try_into().unwrap());
            if key == 0 {
                return Err(ModelError("zero feature key".into()));
            }
            let n = h[8] as usize;
            let mut packed = INLINE | (n as u64) << 48;
            let start = weights.len();
            for k in 0..n {
                let e = entries.next().expect("body length checked");
                if e[0] as usize >= n_classes {
                    return Err(ModelError("bad class index".into()));
                }
                let w = i16::from_le_bytes([e[1], e[2]]);
                if k < INLINE_MAX {
                    packed |= (e[0] as u64 | (w as u16 as u64) << 8) << (24 * k);
                }
                weights.push((e[0], w));
            }
            if n <= INLINE_MAX {
                weights.truncate(start);
            } else {
                packed = start as u64 | (n as u64) << 32;
            }
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
            weights,
        })
    }

    #[inline]
    fn find(&self, key: u64) -> Option<Slot> {
        let mut i = (mix(key) as usize) & self.mask;
        loop {
            let slot = self.slots[i];
            if slot.key == key {
                return Some(slot);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Adds the weights of feature `key` (if the model has it) to `scores`.
    #[inline]
    pub fn add(&self, key: u64, scores: &mut [i32]) {
        if let Some(slot) = self.find(key) {
            slot.add_to(&self.weights, scores);
        }
    }
}

/// Slot of a key: FNV's low bits are weak for short inputs, so fold the high
/// bits in first.
#[inline]
fn mix(h: u64) -> u64 {
    (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9) >> 7
}

