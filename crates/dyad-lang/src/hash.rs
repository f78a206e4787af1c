//! The FNV-1a hash of the tagger's and parser's feature keys.

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
