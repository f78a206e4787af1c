//! Near-duplicate documents: one wire story republished by many outlets.
//!
//! A document is the set of its word 5-grams ("shingles"), its text
//! lower-cased and every run of non-word characters folded to one space.
//! Comparing every pair of sets is quadratic, so MinHash with banding
//! proposes the pairs worth comparing: each document gets a signature of
//! `BANDS` × `ROWS` minimum hashes, and two documents sharing all rows
//! of any band are candidates. With 20 bands of 5 rows, a pair of Jaccard
//! similarity 0.8 is a candidate with probability 0.9996, one of 0.3 with
//! 0.05. Candidates are then compared exactly, and those at or above the
//! threshold join one cluster (transitively). The hashing is xxh3; the
//! MinHash permutations are multiply-add mixes of one shingle hash.

use std::collections::HashMap;

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Words in a shingle.
const SHINGLE_WORDS: usize = 5;
/// Bands of the MinHash signature.
const BANDS: usize = 20;
/// Minimum hashes in a band.
const ROWS: usize = 5;
const SIGNATURE: usize = BANDS * ROWS;

/// A document's shingles: sorted, distinct hashes of its word 5-grams.
pub struct Shingles(Vec<u64>);

impl Shingles {
    /// The shingles of a text. A text of fewer than five words is one
    /// shingle of all of them; an empty text has none.
    pub fn of(text: &str) -> Self {
        let words: Vec<u64> = text
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(|w| xxh3_64(w.to_lowercase().as_bytes()))
            .collect();
        let mut hashes: Vec<u64> = match words.len() {
            0 => Vec::new(),
            n if n < SHINGLE_WORDS => vec![combine(&words)],
            _ => words.windows(SHINGLE_WORDS).map(combine).collect(),
        };
        hashes.sort_unstable();
        hashes.dedup();
        Shingles(hashes)
    }

    /// Its sorted, distinct hashes, as the store keeps them.
    pub fn hashes(&self) -> &[u64] {
        &self.0
    }

    /// The Jaccard similarity of two shingle sets.
    pub fn jaccard(&self, other: &Shingles) -> f64 {
        jaccard(&self.0, &other.0)
    }

    /// The keys of its MinHash bands (each a hash of the band's number and
    /// rows): two documents sharing one are compared. None for an empty set.
    pub fn band_keys(&self) -> Vec<u64> {
        let Some(signature) = self.signature() else {
            return Vec::new();
        };
        signature
            .chunks(ROWS)
            .enumerate()
            .map(|(band, rows)| {
                let key: Vec<u8> = std::iter::once(band as u64)
                    .chain(rows.iter().copied())
                    .flat_map(|r| r.to_le_bytes())
                    .collect();
                xxh3_64(&key)
            })
            .collect()
    }

    /// The MinHash signature; `None` for an empty set.
    fn signature(&self) -> Option<[u64; SIGNATURE]> {
        if self.0.is_empty() {
            return None;
        }
        let mut signature = [u64::MAX; SIGNATURE];
        for &h in &self.0 {
            for (min, (a, b)) in signature.iter_mut().zip(permutations()) {
                *min = (*min).min(a.wrapping_mul(h).wrapping_add(*b));
            }
        }
        Some(signature)
    }
}

/// The Jaccard similarity of two sorted, distinct hash sets.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    common as f64 / (a.len() + b.len() - common) as f64
}

/// One hash of a run of word hashes, order-sensitive.
fn combine(words: &[u64]) -> u64 {
    let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
    xxh3_64(&bytes)
}

/// The MinHash permutations: `(a, b)` of `a·h + b mod 2⁶⁴`, `a` odd.
fn permutations() -> &'static [(u64, u64); SIGNATURE] {
    static PERMUTATIONS: std::sync::OnceLock<[(u64, u64); SIGNATURE]> = std::sync::OnceLock::new();
    PERMUTATIONS.get_or_init(|| {
        std::array::from_fn(|k| {
            let seed = k as u64;
            (
                xxh3_64_with_seed(b"a", seed) | 1,
                xxh3_64_with_seed(b"b", seed),
            )
        })
    })
}

/// Disjoint sets of indices.
pub(crate) struct UnionFind(Vec<usize>);

impl UnionFind {
    /// `n` sets of one index each.
    pub(crate) fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }

    /// The smallest index of `i`'s set.
    pub(crate) fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    pub(crate) fn union(&mut self, i: usize, j: usize) {
        let (a, b) = (self.find(i), self.find(j));
        self.0[a.max(b)] = a.min(b);
    }
}

/// Clusters of two or more near-duplicate texts (Jaccard similarity of their
/// shingles at least `threshold`), as indices into `shingles`; each cluster
/// in index order, clusters in the order of their first member.
pub fn clusters(shingles: &[Shingles], threshold: f64) -> Vec<Vec<usize>> {
    let mut buckets: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, s) in shingles.iter().enumerate() {
        for key in s.band_keys() {
            buckets.entry(key).or_default().push(i);
        }
    }
    let mut sets = UnionFind::new(shingles.len());
    let mut keys: Vec<_> = buckets.keys().copied().collect();
    keys.sort_unstable();
    for key in keys {
        let members = &buckets[&key];
        for (n, &i) in members.iter().enumerate() {
            for &j in &members[n + 1..] {
                if sets.find(i) != sets.find(j) && shingles[i].jaccard(&shingles[j]) >= threshold {
                    sets.union(i, j);
                }
            }
        }
    }
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..shingles.len() {
        let root = sets.find(i);
        by_root.entry(root).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = by_root.into_values().filter(|c| c.len() > 1).collect();
    out.sort_unstable_by_key(|c| c[0]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Uganda and Kenya agreed on Monday to hold new talks on the disputed islands of Lake Victoria, officials said. The foreign ministers of both countries met in Kampala and signed an agreement to set up a joint border commission.";

    #[test]
    fn case_and_punctuation_do_not_matter() {
        let a = Shingles::of("Uganda and Kenya agreed on Monday -- to hold talks.");
        let b = Shingles::of("uganda AND kenya agreed on monday to hold talks");
        assert_eq!(a.jaccard(&b), 1.0);
    }

    #[test]
    fn republished_copies_cluster_and_other_stories_do_not() {
        let texts = [
            STORY.to_string(),
            "Thousands of students demonstrated in Nairobi on Saturday to demand lower fees, and police arrested dozens.".to_string(),
            format!("{STORY} Copyright Dyad Wire."),
            format!("KAMPALA (Dyad Wire) - {STORY}"),
            String::new(),
            String::new(),
        ];
        let shingles: Vec<Shingles> = texts.iter().map(|t| Shingles::of(t)).collect();
        assert_eq!(clusters(&shingles, 0.8), [vec![0, 2, 3]]);
    }
}
