//! The trained tagger: feature weights, tag transitions, the training-data gazetteer,
//! Viterbi decoding, and the compact binary file they are stored in.
//!
//! File layout (little-endian): magic `DLNER\0`, format version u16, feature version
//! u32, feature count u32, weight scale f32, then sorted feature keys (u64 each),
//! weights (i16 × NUM_TAGS each, scaled), transitions and start scores (f32), and the
//! training gazetteer as sorted `sequence hash u64, bits u16` records: hashed, so the
//! file holds no entity string of the (research-only) training data. Format 1 stored
//! the entries as text; it is still read, so an old model can be re-saved.

use super::hash::HashKeyed;
use super::lexicon::Gazetteer;
use super::tags::{allowed, NUM_TAGS};

const MAGIC: &[u8; 6] = b"DLNER\0";
const FORMAT_VERSION: u16 = 2;
/// The format that stored training entries as text.
const TEXT_ENTRIES_FORMAT: u16 = 1;

/// A trained model ready to tag.
#[derive(Debug, Default)]
pub struct Model {
    /// Feature key → row of per-tag weights.
    pub weights: HashKeyed<[f32; NUM_TAGS]>,
    /// transitions[prev][tag].
    pub transitions: [[f32; NUM_TAGS]; NUM_TAGS],
    /// Score of starting a sentence with each tag.
    pub start: [f32; NUM_TAGS],
    /// Entity strings from the training data, by type (hashed token sequences).
    pub train_gazetteer: Gazetteer,
    /// Feature version the weights were trained with.
    pub feature_version: u32,
}

/// Why a model file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a dateline NER model (bad magic)")]
    BadMagic,
    #[error("model file is truncated")]
    Truncated,
    #[error("model format {0} is not supported; retrain with ner-train")]
    Format(u16),
    #[error("model was trained with feature version {found}, this build uses {expected}: retrain with ner-train")]
    FeatureVersion { found: u32, expected: u32 },
}

impl Model {
    /// Best tag sequence for a sentence given per-token emission scores (Viterbi, with
    /// BIO constraints so every span is well formed).
    pub fn viterbi(&self, emissions: &[[f32; NUM_TAGS]]) -> Vec<usize> {
        viterbi(emissions, &self.transitions, &self.start)
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut keys: Vec<u64> = self.weights.keys().copied().collect();
        keys.sort_unstable();
        let scale = quantisation_scale(&self.weights);
        let mut out = Vec::with_capacity(keys.len() * (8 + 2 * NUM_TAGS) + 1024);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&self.feature_version.to_le_bytes());
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        for k in &keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for k in &keys {
            if let Some(row) = self.weights.get(k) {
                for q in quantise(row, scale) {
                    out.extend_from_slice(&q.to_le_bytes());
                }
            }
        }
        for row in &self.transitions {
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        for w in &self.start {
            out.extend_from_slice(&w.to_le_bytes());
        }
        let sequences = self.train_gazetteer.raw_sequences();
        out.extend_from_slice(&(sequences.len() as u32).to_le_bytes());
        for (sequence, bits) in sequences {
            out.extend_from_slice(&sequence.to_le_bytes());
            out.extend_from_slice(&bits.to_le_bytes());
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8], expected_features: u32) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(6)? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let format = u16::from_le_bytes(r.array()?);
        if format != FORMAT_VERSION && format != TEXT_ENTRIES_FORMAT {
            return Err(ModelError::Format(format));
        }
        let feature_version = u32::from_le_bytes(r.array()?);
        if feature_version != expected_features {
            return Err(ModelError::FeatureVersion {
                found: feature_version,
                expected: expected_features,
            });
        }
        let n = u32::from_le_bytes(r.array()?) as usize;
        let scale = f32::from_le_bytes(r.array()?);
        let keys_start = r.pos;
        r.take(n * 8)?;
        let weights_start = r.pos;
        r.take(n * 2 * NUM_TAGS)?;
        let mut weights = HashKeyed::default();
        weights.reserve(n);
        for i in 0..n {
            let kb = &bytes[keys_start + i * 8..keys_start + i * 8 + 8];
            let key = u64::from_le_bytes(kb.try_into().map_err(|_| ModelError::Truncated)?);
            let mut row = [0f32; NUM_TAGS];
            for (t, w) in row.iter_mut().enumerate() {
                let at = weights_start + (i * NUM_TAGS + t) * 2;
                let q = i16::from_le_bytes([bytes[at], bytes[at + 1]]);
                *w = f32::from(q) * scale;
            }
            weights.insert(key, row);
        }
        let mut transitions = [[0f32; NUM_TAGS]; NUM_TAGS];
        for row in &mut transitions {
            for w in row.iter_mut() {
                *w = f32::from_le_bytes(r.array()?);
            }
        }
        let mut start = [0f32; NUM_TAGS];
        for w in &mut start {
            *w = f32::from_le_bytes(r.array()?);
        }
        let entries = u32::from_le_bytes(r.array()?) as usize;
        let train_gazetteer = if format == TEXT_ENTRIES_FORMAT {
            let mut gazetteer = Gazetteer::default();
            for _ in 0..entries {
                let bits = u16::from_le_bytes(r.array()?);
                let len = u16::from_le_bytes(r.array()?) as usize;
                let entry = String::from_utf8_lossy(r.take(len)?).into_owned();
                gazetteer.add(&entry, bits);
            }
            gazetteer
        } else {
            let mut pairs = Vec::with_capacity(entries);
            for _ in 0..entries {
                let sequence = u64::from_le_bytes(r.array()?);
                let bits = u16::from_le_bytes(r.array()?);
                pairs.push((sequence, bits));
            }
            Gazetteer::from_raw_sequences(pairs)
        };
        Ok(Model {
            weights,
            transitions,
            start,
            train_gazetteer,
            feature_version,
        })
    }
}

/// The weight unit of the stored model: the largest weight maps to `i16::MAX`.
fn quantisation_scale(weights: &HashKeyed<[f32; NUM_TAGS]>) -> f32 {
    let max = weights
        .values()
        .flat_map(|r| r.iter())
        .fold(0f32, |m, w| m.max(w.abs()));
    if max > 0.0 {
        max / 32767.0
    } else {
        1.0
    }
}

fn quantise(row: &[f32; NUM_TAGS], scale: f32) -> [i16; NUM_TAGS] {
    row.map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
}

/// Marks a free slot of [`WeightTable::fingerprints`].
const FREE: u32 = 0;

/// The part of a feature key a slot stores; the slot itself is chosen by the key's
/// top bits, so the two together tell keys apart except with odds of about 2^-32 per
/// probe, far below what the 64-bit feature hashes already collide at.
#[inline]
fn fingerprint(key: u64) -> u32 {
    (key as u32).max(1)
}

/// The weights laid out for tagging, which looks up some thirty features per token,
/// most of them absent from the model. A general hash map spends most of that time
/// waiting on memory; this table keeps 32-bit fingerprints in one dense array that
/// stays in the CPU cache (a miss usually reads one cache line), and the rows as
/// 16-bit integers, which also makes a token's score an exact integer sum.
#[derive(Debug)]
pub struct WeightTable {
    /// Open addressing with linear probing, indexed by the key's top bits.
    fingerprints: Vec<u32>,
    /// `rows[slot]` belongs to `fingerprints[slot]`, in units of `scale`.
    rows: Vec<[i16; NUM_TAGS]>,
    /// 64 minus log2 of the slot count.
    shift: u32,
    /// What one unit of a row is worth.
    scale: f32,
}

impl WeightTable {
    /// Lays out `weights`, quantised the way [`Model::to_bytes`] stores them (so a
    /// model read from a file keeps its values exactly).
    pub fn new(weights: &HashKeyed<[f32; NUM_TAGS]>) -> WeightTable {
        let scale = quantisation_scale(weights);
        let slot_bits = (weights.len() * 2)
            .max(16)
            .next_power_of_two()
            .trailing_zeros();
        let slots = 1usize << slot_bits;
        let mut table = WeightTable {
            fingerprints: vec![FREE; slots],
            rows: vec![[0; NUM_TAGS]; slots],
            shift: 64 - slot_bits,
            scale,
        };
        // Sorted keys give the same layout on every run.
        let mut keys: Vec<u64> = weights.keys().copied().collect();
        keys.sort_unstable();
        for key in keys {
            let mut slot = table.home(key);
            while table.fingerprints[slot] != FREE {
                slot = (slot + 1) & (slots - 1);
            }
            table.fingerprints[slot] = fingerprint(key);
            table.rows[slot] = quantise(&weights[&key], scale);
        }
        table
    }

    #[inline]
    fn home(&self, key: u64) -> usize {
        (key >> self.shift) as usize
    }

    /// Adds the rows of `features` to `out` (in row units; see [`WeightTable::scores`]).
    #[inline]
    pub fn add(&self, features: &[u64], out: &mut [i32; NUM_TAGS]) {
        let mask = self.fingerprints.len() - 1;
        for &key in features {
            let wanted = fingerprint(key);
            let mut slot = self.home(key);
            let row = loop {
                let found = self.fingerprints[slot];
                if found == wanted {
                    break self.rows.get(slot);
                }
                if found == FREE {
                    break None;
                }
                slot = (slot + 1) & mask;
            };
            if let Some(row) = row {
                for (o, w) in out.iter_mut().zip(row) {
                    *o += i32::from(*w);
                }
            }
        }
    }

    /// Emission scores from a sum of rows.
    #[inline]
    pub fn scores(&self, sum: &[i32; NUM_TAGS]) -> [f32; NUM_TAGS] {
        sum.map(|s| s as f32 * self.scale)
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).ok_or(ModelError::Truncated)?;
        let slice = self.bytes.get(self.pos..end).ok_or(ModelError::Truncated)?;
        self.pos = end;
        Ok(slice)
    }
    fn array<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        self.take(N)?.try_into().map_err(|_| ModelError::Truncated)
    }
}

/// First-order Viterbi over BIO tags with hard constraints.
pub fn viterbi(
    emissions: &[[f32; NUM_TAGS]],
    transitions: &[[f32; NUM_TAGS]; NUM_TAGS],
    start: &[f32; NUM_TAGS],
) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    const NEG: f32 = f32::NEG_INFINITY;
    // Forbidden moves score −∞, which no sum can beat: the loops need no checks.
    let mut moves = [[NEG; NUM_TAGS]; NUM_TAGS];
    let mut first = [NEG; NUM_TAGS];
    for t in 0..NUM_TAGS {
        if allowed(None, t) {
            first[t] = start[t];
        }
        for p in 0..NUM_TAGS {
            if allowed(Some(p), t) {
                moves[p][t] = transitions[p][t];
            }
        }
    }
    let mut score = vec![[NEG; NUM_TAGS]; n];
    let mut back = vec![[0u8; NUM_TAGS]; n];
    for t in 0..NUM_TAGS {
        score[0][t] = first[t] + emissions[0][t];
    }
    for i in 1..n {
        let previous = score[i - 1];
        for t in 0..NUM_TAGS {
            let mut best = NEG;
            let mut arg = 0u8;
            for (p, from) in previous.iter().enumerate() {
                let s = from + moves[p][t];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            score[i][t] = best + emissions[i][t];
            back[i][t] = arg;
        }
    }
    let mut tag = (0..NUM_TAGS)
        .max_by(|&a, &b| score[n - 1][a].total_cmp(&score[n - 1][b]))
        .unwrap_or(0);
    let mut out = vec![0; n];
    for i in (0..n).rev() {
        out[i] = tag;
        tag = back[i][tag] as usize;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ner::tags::{begin, inside, EntityType, O};

    #[test]
    fn viterbi_respects_bio_constraints() {
        // The emission alone prefers I-PER first, which is not allowed.
        let mut e = [[0f32; NUM_TAGS]; 2];
        e[0][inside(EntityType::Per)] = 5.0;
        e[0][begin(EntityType::Per)] = 1.0;
        e[1][inside(EntityType::Per)] = 5.0;
        let tags = viterbi(&e, &[[0.0; NUM_TAGS]; NUM_TAGS], &[0.0; NUM_TAGS]);
        assert_eq!(tags, vec![begin(EntityType::Per), inside(EntityType::Per)]);
        let tags = viterbi(
            &[[1.0, 0., 0., 0., 0., 0., 0., 0., 0.]],
            &[[0.0; NUM_TAGS]; NUM_TAGS],
            &[0.0; NUM_TAGS],
        );
        assert_eq!(tags, vec![O]);
    }

    #[test]
    fn a_model_survives_a_round_trip() {
        let mut m = Model {
            feature_version: 7,
            ..Model::default()
        };
        m.weights
            .insert(42, [0.5, -1.0, 0.0, 0.25, 0., 0., 0., 0., 1.0]);
        m.transitions[1][2] = 0.75;
        m.start[3] = -0.5;
        m.train_gazetteer.add("peter blackburn", 1 << 8);
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes, 7).unwrap();
        let row = back.weights[&42];
        assert!((row[1] + 1.0).abs() < 1e-3 && (row[8] - 1.0).abs() < 1e-3);
        assert_eq!(back.transitions[1][2], 0.75);
        assert_eq!(
            back.train_gazetteer.raw_sequences(),
            m.train_gazetteer.raw_sequences()
        );
        // Hashed: the entry's text is not in the file.
        assert!(!bytes.windows(9).any(|w| w == b"blackburn"));
        assert!(matches!(
            Model::from_bytes(&bytes, 8),
            Err(ModelError::FeatureVersion { .. })
        ));
        assert!(matches!(
            Model::from_bytes(&bytes[..10], 7),
            Err(ModelError::Truncated)
        ));
    }
}
