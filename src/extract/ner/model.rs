//! The trained tagger: feature weights, tag transitions, the training-data gazetteer,
//! Viterbi decoding, and the compact binary file they are stored in.
//!
//! File layout (little-endian): magic `DLNER\0`, format version u16, feature version
//! u32, feature count u32, weight scale f32, then sorted feature keys (u64 each),
//! weights (i16 × NUM_TAGS each, scaled), transitions and start scores (f32), and the
//! training gazetteer as `bits u16, len u16, UTF-8 entry` records.

use super::hash::HashKeyed;
use super::lexicon::Gazetteer;
use super::tags::{allowed, NUM_TAGS};

const MAGIC: &[u8; 6] = b"DLNER\0";
const FORMAT_VERSION: u16 = 1;

/// A trained model ready to tag.
#[derive(Debug, Default)]
pub struct Model {
    /// Feature key → row of per-tag weights.
    pub weights: HashKeyed<[f32; NUM_TAGS]>,
    /// transitions[prev][tag].
    pub transitions: [[f32; NUM_TAGS]; NUM_TAGS],
    /// Score of starting a sentence with each tag.
    pub start: [f32; NUM_TAGS],
    /// Entity strings from the training data, by type.
    pub train_gazetteer: Gazetteer,
    /// The raw gazetteer entries, kept so the model can be written back.
    pub train_entries: Vec<(u16, String)>,
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
    /// Emission scores of one token's features.
    #[inline]
    pub fn score(&self, features: &[u64], out: &mut [f32; NUM_TAGS]) {
        *out = [0.0; NUM_TAGS];
        self.add_scores(features, out);
    }

    /// Adds the emission scores of `features` to `out` (a partial score computed
    /// elsewhere, such as a cached word's own features).
    #[inline]
    pub fn add_scores(&self, features: &[u64], out: &mut [f32; NUM_TAGS]) {
        for f in features {
            if let Some(row) = self.weights.get(f) {
                for (o, w) in out.iter_mut().zip(row) {
                    *o += w;
                }
            }
        }
    }

    /// Best tag sequence for a sentence given per-token emission scores (Viterbi, with
    /// BIO constraints so every span is well formed).
    pub fn viterbi(&self, emissions: &[[f32; NUM_TAGS]]) -> Vec<usize> {
        viterbi(emissions, &self.transitions, &self.start)
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut keys: Vec<u64> = self.weights.keys().copied().collect();
        keys.sort_unstable();
        let max = self
            .weights
            .values()
            .flat_map(|r| r.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
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
                for w in row {
                    let q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
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
        out.extend_from_slice(&(self.train_entries.len() as u32).to_le_bytes());
        for (bits, entry) in &self.train_entries {
            out.extend_from_slice(&bits.to_le_bytes());
            let bytes = entry.as_bytes();
            let len = bytes.len().min(u16::MAX as usize);
            out.extend_from_slice(&(len as u16).to_le_bytes());
            out.extend_from_slice(&bytes[..len]);
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
        if format != FORMAT_VERSION {
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
        let mut train_entries = Vec::with_capacity(entries);
        let mut train_gazetteer = Gazetteer::default();
        for _ in 0..entries {
            let bits = u16::from_le_bytes(r.array()?);
            let len = u16::from_le_bytes(r.array()?) as usize;
            let entry = String::from_utf8_lossy(r.take(len)?).into_owned();
            train_gazetteer.add(&entry, bits);
            train_entries.push((bits, entry));
        }
        Ok(Model {
            weights,
            transitions,
            start,
            train_gazetteer,
            train_entries,
            feature_version,
        })
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
    let mut score = vec![[NEG; NUM_TAGS]; n];
    let mut back = vec![[0u8; NUM_TAGS]; n];
    for t in 0..NUM_TAGS {
        if allowed(None, t) {
            score[0][t] = start[t] + emissions[0][t];
        }
    }
    for i in 1..n {
        for t in 0..NUM_TAGS {
            let mut best = NEG;
            let mut arg = 0u8;
            for p in 0..NUM_TAGS {
                if score[i - 1][p] == NEG || !allowed(Some(p), t) {
                    continue;
                }
                let s = score[i - 1][p] + transitions[p][t];
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
        m.train_entries.push((1 << 8, "peter blackburn".into()));
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes, 7).unwrap();
        let row = back.weights[&42];
        assert!((row[1] + 1.0).abs() < 1e-3 && (row[8] - 1.0).abs() < 1e-3);
        assert_eq!(back.transitions[1][2], 0.75);
        assert_eq!(back.train_entries, m.train_entries);
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
