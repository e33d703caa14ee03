//! What build.rs and the tagger agree on about the embedded lexicon: the gazetteer's
//! list bits, how an entry becomes sequence hashes, and a lookup table that lives in
//! the binary's bytes.
//!
//! `dateline extract FILE` used to spend two thirds of its 0.15 s building hash maps
//! from the embedded word lists (176,000 cluster lines, 60,000 word frequencies, 80,000
//! gazetteer names and the alias table) before it read a word. build.rs now builds
//! those maps once, at compile time, and writes them as [`FrozenTable`]s that the binary
//! reads in place. This file is compiled into build.rs as well (it needs nothing but
//! `std` and `hash.rs`), so the writer and the reader cannot disagree.

#![allow(dead_code)] // build.rs uses the writer, the crate the reader.

use super::hash::{hash_str, mix};

/// Gazetteer bits: which lists a token sequence appears in.
pub mod bits {
    pub const LOC: u16 = 1 << 0;
    pub const FIRST_NAME: u16 = 1 << 1;
    pub const TITLE: u16 = 1 << 2;
    pub const ORG_SUFFIX: u16 = 1 << 3;
    pub const ALIAS_PERSON: u16 = 1 << 4;
    pub const ALIAS_ORG: u16 = 1 << 5;
    pub const ALIAS_PLACE: u16 = 1 << 6;
    /// Every list the lexicon ships (as opposed to a model's training-data names).
    pub const LEXICON: u16 =
        LOC | FIRST_NAME | TITLE | ORG_SUFFIX | ALIAS_PERSON | ALIAS_ORG | ALIAS_PLACE;
    /// Entity strings from the training data (jackknifed while training).
    pub const TRAIN_PER: u16 = 1 << 8;
    pub const TRAIN_ORG: u16 = 1 << 9;
    pub const TRAIN_LOC: u16 = 1 << 10;
    pub const TRAIN_MISC: u16 = 1 << 11;
    /// Number of bit positions in use (for iteration).
    pub const COUNT: u32 = 12;
    /// Marks a sequence that is a proper prefix of an entry; above every list bit, so
    /// matching learns both from one lookup and stops early.
    pub const PREFIX: u16 = 1 << 15;
}

/// Longest gazetteer entry considered, in tokens.
pub const MAX_ENTRY_TOKENS: usize = 6;

/// The running hash of a gazetteer entry (whitespace-separated tokens, matched
/// lowercase) after each of its tokens: every value but the last is a proper prefix,
/// the last is the entry. Empty when the entry has no tokens or too many to match.
pub fn entry_sequence(entry: &str) -> Vec<u64> {
    let tokens: Vec<String> = entry.split_whitespace().map(str::to_lowercase).collect();
    if tokens.is_empty() || tokens.len() > MAX_ENTRY_TOKENS {
        return Vec::new();
    }
    let mut h = 0u64;
    tokens
        .iter()
        .map(|t| {
            h = mix(h, hash_str(0, t));
            h
        })
        .collect()
}

/// Adds gazetteer `entry` with list `bit` to `map` (sequence hash → value): each proper
/// prefix gets [`bits::PREFIX`], the whole entry its bit. Returns whether the entry
/// gained its first list bit. build.rs and the tagger's run-time gazetteer both add
/// entries through this, so they cannot build different tables.
pub fn add_entry<S: std::hash::BuildHasher>(
    map: &mut std::collections::HashMap<u64, u16, S>,
    entry: &str,
    bit: u16,
) -> bool {
    let hashes = entry_sequence(entry);
    let Some((&whole, prefixes)) = hashes.split_last() else {
        return false;
    };
    for &prefix in prefixes {
        *map.entry(prefix).or_default() |= bits::PREFIX;
    }
    let bit = bit & !bits::PREFIX;
    let value = map.entry(whole).or_default();
    let first = *value & !bits::PREFIX == 0 && bit != 0;
    *value |= bit;
    first
}

/// The seed of word-cluster keys (`hash_str(CLUSTER_SEED, word)`).
pub const CLUSTER_SEED: u64 = 1;
/// The seed of word-frequency and gazetteer token keys.
pub const WORD_SEED: u64 = 0;

/// Slot value that marks no key; build.rs refuses a table holding it as a key.
const FREE: u64 = 0;
/// Header: value width (u32), directory bits (u32), entry count (u64).
const HEADER: usize = 16;

/// Bytes stored per key in a table with `bits` directory bits: the key's whole top
/// bytes are its bucket's, so they are left out (two of eight in the cluster table:
/// 350 KB of the shipped binary, which issue 21 holds under 25 MB).
fn key_bytes(bits: u32) -> usize {
    8 - (bits / 8) as usize
}

/// A read-only map from well-mixed `u64` hashes to fixed-width values, stored as bytes:
/// the keys sorted, a directory from the top bits of a key to where keys with those
/// bits begin, and the values in key order. No space is spent on empty slots or on the
/// key bytes the directory already says (the binary stays small), and a lookup reads
/// the directory and a few neighbouring keys.
#[derive(Debug, Clone, Copy)]
pub struct FrozenTable<'a> {
    directory: &'a [u8],
    keys: &'a [u8],
    values: &'a [u8],
    width: usize,
    shift: u32,
    len: usize,
    /// Bytes per stored key ([`key_bytes`]).
    key_width: usize,
    /// The bits of a key that are stored.
    key_mask: u64,
}

/// Why bytes are not a [`FrozenTable`] (only a build that went wrong gives one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotATable;

impl<'a> FrozenTable<'a> {
    /// Reads a table written by [`freeze`].
    pub fn parse(bytes: &'a [u8]) -> Result<FrozenTable<'a>, NotATable> {
        let word = |at: usize| -> Result<u64, NotATable> {
            let b = bytes.get(at..at + 4).ok_or(NotATable)?;
            Ok(u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])))
        };
        let width = word(0)? as usize;
        let bits = word(4)? as u32;
        let len = (word(8)? | word(12)? << 32) as usize;
        if !(1..=32).contains(&bits) {
            return Err(NotATable);
        }
        let directory_len = ((1usize << bits) + 1) * 4;
        let key_width = key_bytes(bits);
        let keys_at = HEADER + directory_len;
        // The key region ends with padding, so every key reads as one 8-byte word.
        let values_at = keys_at + len * key_width + (8 - key_width);
        if bytes.len() != values_at + len * width {
            return Err(NotATable);
        }
        Ok(FrozenTable {
            directory: &bytes[HEADER..keys_at],
            keys: &bytes[keys_at..values_at],
            values: &bytes[values_at..],
            width,
            shift: 64 - bits,
            len,
            key_width,
            key_mask: u64::MAX >> (64 - 8 * key_width),
        })
    }

    /// The value stored for `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<&'a [u8]> {
        let bucket = (key >> self.shift) as usize;
        let start = self.directory_entry(bucket)?;
        let end = self.directory_entry(bucket + 1)?;
        let stored = key & self.key_mask;
        (start..end)
            .find(|&i| self.stored_key(i) == Some(stored))
            .and_then(|i| self.values.get(i * self.width..(i + 1) * self.width))
    }

    /// Every key with its value, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, &'a [u8])> + '_ {
        let buckets = 1usize << (64 - self.shift);
        (0..buckets).flat_map(move |bucket| {
            let start = self.directory_entry(bucket).unwrap_or(0);
            let end = self.directory_entry(bucket + 1).unwrap_or(start);
            (start..end).filter_map(move |i| {
                let key = (bucket as u64) << self.shift | self.stored_key(i)?;
                Some((key, self.values.get(i * self.width..(i + 1) * self.width)?))
            })
        })
    }

    /// Number of keys.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Bytes per value.
    pub fn value_width(&self) -> usize {
        self.width
    }

    /// True when the table holds no key.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn directory_entry(&self, bucket: usize) -> Option<usize> {
        let b = self.directory.get(bucket * 4..bucket * 4 + 4)?;
        Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize)
    }

    /// The stored bytes of key `i` (its low [`key_bytes`]).
    #[inline]
    fn stored_key(&self, i: usize) -> Option<u64> {
        let at = i * self.key_width;
        let b = self.keys.get(at..at + 8)?;
        let mut word = [0u8; 8];
        word.copy_from_slice(b);
        Some(u64::from_le_bytes(word) & self.key_mask)
    }
}

/// Writes `entries` (distinct keys, each value `width` bytes) as a [`FrozenTable`].
/// Panics on a key of 0, a repeated key or a value of the wrong width: it runs in
/// build.rs, where a panic is a build error naming the problem.
pub fn freeze(width: usize, mut entries: Vec<(u64, Vec<u8>)>) -> Vec<u8> {
    entries.sort_unstable_by_key(|&(key, _)| key);
    assert!(
        entries.windows(2).all(|w| w[0].0 != w[1].0),
        "frozen table: repeated key"
    );
    assert!(
        entries
            .iter()
            .all(|(key, v)| *key != FREE && v.len() == width),
        "frozen table: key 0 or a value of the wrong width"
    );
    // About two keys per directory bucket.
    let bits = entries.len().max(16).ilog2().saturating_sub(1).clamp(1, 32);
    let shift = 64 - bits;
    let key_width = key_bytes(bits);
    let mut out = Vec::with_capacity(HEADER + (4 << bits) + entries.len() * (8 + width) + 8);
    out.extend_from_slice(&(width as u32).to_le_bytes());
    out.extend_from_slice(&bits.to_le_bytes());
    out.extend_from_slice(&(entries.len() as u64).to_le_bytes());
    let mut next = 0usize;
    for bucket in 0..=(1usize << bits) {
        while next < entries.len() && ((entries[next].0 >> shift) as usize) < bucket {
            next += 1;
        }
        out.extend_from_slice(&(next as u32).to_le_bytes());
    }
    for (key, _) in &entries {
        out.extend_from_slice(&key.to_le_bytes()[..key_width]);
    }
    out.extend(std::iter::repeat_n(0u8, 8 - key_width));
    for (_, value) in &entries {
        out.extend_from_slice(value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_frozen_table_finds_every_key_and_nothing_else() {
        let entries: Vec<(u64, Vec<u8>)> = (1..2000u64)
            .map(|i| (mix(0, i), vec![i as u8, (i >> 8) as u8]))
            .collect();
        let bytes = freeze(2, entries.clone());
        let table = FrozenTable::parse(&bytes).expect("a table");
        assert_eq!(table.len(), entries.len());
        for (key, value) in &entries {
            assert_eq!(table.get(*key), Some(value.as_slice()));
        }
        for i in 2000..4000u64 {
            assert_eq!(table.get(mix(0, i)), None);
        }
        assert_eq!(table.get(u64::MAX), None);
        let mut sorted = entries;
        sorted.sort();
        let listed: Vec<(u64, Vec<u8>)> = table.iter().map(|(k, v)| (k, v.to_vec())).collect();
        assert_eq!(listed, sorted);
    }

    #[test]
    fn a_large_table_stores_six_bytes_a_key_and_still_tells_keys_apart() {
        let entries: Vec<(u64, Vec<u8>)> = (1..150_000u64)
            .map(|i| (mix(0, i), vec![i as u8]))
            .collect();
        let bytes = freeze(1, entries.clone());
        let table = FrozenTable::parse(&bytes).expect("a table");
        assert_eq!(table.key_width, 6);
        let n = entries.len();
        assert_eq!(bytes.len(), HEADER + ((1 << 16) + 1) * 4 + n * 6 + 2 + n);
        for (key, value) in &entries {
            assert_eq!(table.get(*key), Some(value.as_slice()));
            // Same stored bytes, another bucket: not in the table.
            assert_eq!(table.get(key ^ 1 << 63), None);
        }
        let mut sorted = entries;
        sorted.sort();
        let listed: Vec<(u64, Vec<u8>)> = table.iter().map(|(k, v)| (k, v.to_vec())).collect();
        assert_eq!(listed, sorted);
    }

    #[test]
    fn an_empty_table_answers_nothing_and_bad_bytes_are_refused() {
        let bytes = freeze(1, Vec::new());
        let table = FrozenTable::parse(&bytes).expect("a table");
        assert!(table.is_empty());
        assert_eq!(table.get(12345), None);
        assert_eq!(FrozenTable::parse(&bytes[..10]).err(), Some(NotATable));
        assert_eq!(
            FrozenTable::parse(&bytes[..bytes.len() - 1]).err(),
            Some(NotATable)
        );
    }

    #[test]
    fn an_entry_hashes_token_by_token() {
        let hashes = entry_sequence("New  York City");
        assert_eq!(hashes.len(), 3);
        assert_eq!(hashes, entry_sequence("new york city"));
        assert_eq!(hashes[..2], entry_sequence("New York")[..]);
        assert!(entry_sequence("").is_empty());
        assert!(entry_sequence("a b c d e f g").is_empty());
    }
}
