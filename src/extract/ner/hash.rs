//! Fast, allocation-free hashing of feature strings (FxHash-style), and a pass-through
//! hasher for maps keyed by those hashes. Feature extraction hashes ~50 strings per
//! token; this keeps it well under a microsecond.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const K: u64 = 0x517c_c1b7_2722_0a95;

/// Mixes `x` into `h`.
#[inline]
pub const fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Hash of `s` seeded with `seed` (a feature template id).
#[inline]
pub fn hash_str(seed: u64, s: &str) -> u64 {
    let bytes = s.as_bytes();
    // The length goes in first: strings of different lengths then start from unrelated
    // states, and a short tail cannot cancel a length difference at the end.
    let mut h = mix(mix(0x9e37_79b9_7f4a_7c15, seed), bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = mix(h, tail_word(rest));
    }
    h
}

/// The last 1–7 bytes of a string as one number, read with whole loads instead of
/// copying them into a buffer first (a copy of a few bytes followed by an 8-byte load
/// stalls the CPU, and most words end in such a tail). Distinct tails of one length
/// give distinct numbers; the length itself is mixed in first by [`hash_str`].
#[inline]
fn tail_word(rest: &[u8]) -> u64 {
    let n = rest.len();
    let u32_at = |at: usize| {
        let mut word = [0u8; 4];
        word.copy_from_slice(&rest[at..at + 4]);
        u64::from(u32::from_le_bytes(word))
    };
    if n >= 4 {
        // Two overlapping 4-byte reads cover 4 to 7 bytes.
        u32_at(0) | u32_at(n - 4) << 32
    } else {
        // First, middle and last byte cover 1 to 3 bytes.
        u64::from(rest[0]) << 16 | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1])
    }
}

/// Hasher for keys that are already well-mixed u64 hashes.
#[derive(Default, Clone, Copy)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A map keyed by precomputed u64 hashes.
pub type HashKeyed<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn short_strings_of_every_tail_length_hash_apart() {
        // "é" is two bytes, so tails of every length meet tails of other lengths.
        let alphabet = ["a", "b", "Z", "é", "-", "1"];
        let mut strings = vec![String::new()];
        let mut seen = HashSet::new();
        for _ in 0..5 {
            strings = strings
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            for s in &strings {
                assert!(seen.insert(hash_str(0, s)), "collision at {s:?}");
            }
        }
        assert_ne!(hash_str(0, "opec"), hash_str(1, "opec"));
        assert_ne!(hash_str(0, "ab\0"), hash_str(0, "ab"));
    }
}
