//! Small, dependency-free hashing helpers.

use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64 bit.  The tagger's feature keys are FNV-1a hashes of the
/// feature strings (the trainer, tools/lang/train_tagger.py, uses the same).
#[derive(Clone, Copy)]
pub(crate) struct Fnv(pub u64);

impl Fnv {
    pub const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    #[inline]
    pub const fn new() -> Self {
        Fnv(Self::OFFSET)
    }

    /// The state after `b` (a `const fn`, so fixed prefixes of feature
    /// strings are hashed at compile time).
    #[inline]
    pub const fn bytes(self, b: &[u8]) -> Self {
        let mut h = self.0;
        let mut i = 0;
        while i < b.len() {
            h ^= b[i] as u64;
            h = h.wrapping_mul(Self::PRIME);
            i += 1;
        }
        Fnv(h)
    }

    #[inline]
    pub const fn str(self, s: &str) -> Self {
        self.bytes(s.as_bytes())
    }
}

/// A fast non-cryptographic hasher (FxHash-style) for the crate's string maps.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const FX_K: u64 = 0x517c_c1b7_2722_0a95;

impl FxHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(FX_K);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;
