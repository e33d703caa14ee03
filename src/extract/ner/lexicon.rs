//! Outside knowledge the tagger uses beyond its training data: typed gazetteers
//! (places, given names, titles, organization designators, alias-table names), word
//! clusters learnt from unlabelled news, and English word frequencies. All of it is
//! data in `index_schema/ner/`, embedded in the binary and parsed once on first use.
//! `index_schema/ner/DATA-LICENSES.md` and `CLUSTERS.md` say where each file comes from.

use std::sync::LazyLock;

use super::hash::{hash_str, mix, HashKeyed};

pub(crate) const LOC: &str = include_str!("../../../index_schema/ner/gazetteers/loc.txt");
pub(crate) const PER_FIRST: &str =
    include_str!("../../../index_schema/ner/gazetteers/per_first.txt");
pub(crate) const PER_TITLE: &str =
    include_str!("../../../index_schema/ner/gazetteers/per_title.txt");
pub(crate) const ORG_SUFFIX: &str =
    include_str!("../../../index_schema/ner/gazetteers/org_suffix.txt");
pub(crate) const COMMON_WORDS: &str =
    include_str!("../../../index_schema/ner/gazetteers/common_words.tsv");
pub(crate) const CLUSTERS: &str = include_str!("../../../index_schema/ner/clusters.tsv");

/// Gazetteer bits: which lists a token sequence appears in.
pub mod bits {
    pub const LOC: u16 = 1 << 0;
    pub const FIRST_NAME: u16 = 1 << 1;
    pub const TITLE: u16 = 1 << 2;
    pub const ORG_SUFFIX: u16 = 1 << 3;
    pub const ALIAS_PERSON: u16 = 1 << 4;
    pub const ALIAS_ORG: u16 = 1 << 5;
    pub const ALIAS_PLACE: u16 = 1 << 6;
    /// Entity strings from the training data (jackknifed while training).
    pub const TRAIN_PER: u16 = 1 << 8;
    pub const TRAIN_ORG: u16 = 1 << 9;
    pub const TRAIN_LOC: u16 = 1 << 10;
    pub const TRAIN_MISC: u16 = 1 << 11;
    /// Number of bit positions in use (for iteration).
    pub const COUNT: u32 = 12;
}

/// Longest gazetteer entry considered, in tokens.
pub const MAX_ENTRY_TOKENS: usize = 6;

/// Token sequences (lowercased, hashed) → bitmask of the lists they are in.
#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    /// Entry bits of each sequence, plus [`PREFIX`] when the sequence begins a longer
    /// entry, so matching learns both from one lookup and stops early.
    sequences: HashKeyed<u16>,
    /// Number of entries (sequences with list bits).
    entries: usize,
}

/// Marks a sequence that is a proper prefix of an entry; above every list bit.
const PREFIX: u16 = 1 << 15;

impl Gazetteer {
    /// Adds an entry given as whitespace-separated tokens.
    pub fn add(&mut self, entry: &str, bit: u16) {
        let tokens: Vec<String> = entry.split_whitespace().map(str::to_lowercase).collect();
        if tokens.is_empty() || tokens.len() > MAX_ENTRY_TOKENS {
            return;
        }
        let mut h = 0u64;
        for (i, t) in tokens.iter().enumerate() {
            h = mix(h, hash_str(0, t));
            if i + 1 < tokens.len() {
                *self.sequences.entry(h).or_default() |= PREFIX;
            }
        }
        self.set_bits(h, bit & !PREFIX);
    }

    fn set_bits(&mut self, sequence: u64, bits: u16) {
        let value = self.sequences.entry(sequence).or_default();
        if *value & !PREFIX == 0 && bits != 0 {
            self.entries += 1;
        }
        *value |= bits;
    }

    /// Adds every non-empty line of `list`.
    pub fn add_lines(&mut self, list: &str, bit: u16) {
        for line in list.lines() {
            let line = line.trim();
            if !line.is_empty() && !line.starts_with('#') {
                self.add(line, bit);
            }
        }
    }

    /// Every stored sequence hash with its value, sorted by hash: the gazetteer as the
    /// model file keeps it, hashed, so no entry's text is stored (`model.bin` must not
    /// carry the training data's names verbatim).
    pub fn raw_sequences(&self) -> Vec<(u64, u16)> {
        let mut out: Vec<(u64, u16)> = self.sequences.iter().map(|(&k, &v)| (k, v)).collect();
        out.sort_unstable();
        out
    }

    /// The gazetteer [`Gazetteer::raw_sequences`] describes.
    pub fn from_raw_sequences(pairs: impl IntoIterator<Item = (u64, u16)>) -> Gazetteer {
        let mut out = Gazetteer::default();
        for (sequence, value) in pairs {
            if value & !PREFIX != 0 {
                out.entries += 1;
            }
            out.sequences.insert(sequence, value);
        }
        out
    }

    /// Both gazetteers in one, so a tagger matching text against both looks each
    /// token sequence up once. Matches are the same as from the two separately.
    pub fn merged(&self, other: &Gazetteer) -> Gazetteer {
        let mut out = self.clone();
        for (&sequence, &value) in &other.sequences {
            out.set_bits(sequence, value & !PREFIX);
            if value & PREFIX != 0 {
                *out.sequences.entry(sequence).or_default() |= PREFIX;
            }
        }
        out
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.entries == 0
    }

    /// Every match in a sentence: `(start, end, bits)` for each token range that is an
    /// entry. `lower_hashes[i]` is `hash_str(0, lowercase(token i))`.
    pub fn matches(&self, lower_hashes: &[u64], out: &mut Vec<(usize, usize, u16)>) {
        for start in 0..lower_hashes.len() {
            let mut h = 0u64;
            let window = &lower_hashes[start..(start + MAX_ENTRY_TOKENS).min(lower_hashes.len())];
            for (len, token) in window.iter().enumerate() {
                h = mix(h, *token);
                let Some(&value) = self.sequences.get(&h) else {
                    break;
                };
                if value & !PREFIX != 0 {
                    out.push((start, start + len + 1, value & !PREFIX));
                }
                if value & PREFIX == 0 {
                    break;
                }
            }
        }
    }
}

/// Word clusters at three granularities.
#[derive(Debug, Default)]
pub struct Clusters {
    by_word: HashKeyed<[u16; 3]>,
}

impl Clusters {
    /// Cluster ids of `word`, trying the exact form first, then lowercase.
    pub fn get(&self, word: &str, lower: &str) -> Option<[u16; 3]> {
        self.by_word
            .get(&hash_str(1, word))
            .or_else(|| self.by_word.get(&hash_str(1, lower)))
            .copied()
    }

    fn parse(text: &str) -> Clusters {
        let mut by_word = HashKeyed::default();
        for line in text.lines() {
            let mut cols = line.split('\t');
            let Some(word) = cols.next() else { continue };
            let ids: Vec<u16> = cols.filter_map(|c| c.trim().parse().ok()).collect();
            if ids.len() == 3 {
                by_word.insert(hash_str(1, word), [ids[0], ids[1], ids[2]]);
            }
        }
        Clusters { by_word }
    }

    /// Number of words with clusters.
    pub fn len(&self) -> usize {
        self.by_word.len()
    }

    /// True when no clusters were shipped.
    pub fn is_empty(&self) -> bool {
        self.by_word.is_empty()
    }
}

/// The shared, embedded lexicon.
pub struct Lexicon {
    /// External gazetteers (not the training-data one, which lives in the model).
    pub gazetteer: Gazetteer,
    pub clusters: Clusters,
    /// Lowercase word hash → Zipf frequency in tenths (10..=80); absent = rare.
    pub zipf: HashKeyed<u8>,
}

/// The lexicon built from `index_schema/ner/`, parsed on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut gazetteer = Gazetteer::default();
    gazetteer.add_lines(LOC, bits::LOC);
    gazetteer.add_lines(PER_FIRST, bits::FIRST_NAME);
    gazetteer.add_lines(PER_TITLE, bits::TITLE);
    gazetteer.add_lines(ORG_SUFFIX, bits::ORG_SUFFIX);
    for entity in crate::extract::aliases::EMBEDDED.entities() {
        let bit = match entity.kind.as_str() {
            "person" => bits::ALIAS_PERSON,
            "org" => bits::ALIAS_ORG,
            "place" => bits::ALIAS_PLACE,
            _ => continue,
        };
        for name in std::iter::once(&entity.name).chain(entity.aliases.iter()) {
            // Reuters codes like `west-germany` are aliases too; only names with a
            // capital letter are written forms worth matching in text.
            if name.chars().any(char::is_uppercase) {
                let tokens: Vec<&str> = super::super::tokenize::tokenize(name)
                    .into_iter()
                    .map(|t| t.text)
                    .collect();
                gazetteer.add(&tokens.join(" "), bit);
            }
        }
    }
    let mut zipf = HashKeyed::default();
    for line in COMMON_WORDS.lines() {
        let mut cols = line.split('\t');
        if let (Some(word), Some(freq)) = (cols.next(), cols.next()) {
            if let Ok(f) = freq.trim().parse::<f32>() {
                zipf.insert(hash_str(0, word), (f.clamp(1.0, 8.0) * 10.0) as u8);
            }
        }
    }
    Lexicon {
        gazetteer,
        clusters: Clusters::parse(CLUSTERS),
        zipf,
    }
});
