//! Outside knowledge the tagger uses beyond its training data: typed gazetteers
//! (places, given names, titles, organization designators, alias-table names), word
//! clusters learnt from unlabelled news, and English word frequencies. All of it is
//! data in `index_schema/` that build.rs turns into lookup tables ([`FrozenTable`])
//! embedded in the binary, so a one-file `dateline extract` pays nothing to load it.
//! `index_schema/ner/DATA-LICENSES.md` and `CLUSTERS.md` say where each file comes from.

use std::sync::LazyLock;

use super::frozen::{add_entry, entry_sequence, FrozenTable, CLUSTER_SEED, WORD_SEED};
pub use super::frozen::{bits, MAX_ENTRY_TOKENS};
use super::hash::{hash_str, mix, HashKeyed};
use bits::PREFIX;

/// The gazetteer of every lexicon list and of the embedded model's training-data
/// names, merged by build.rs (value: the entry's bits, [`bits::PREFIX`] included).
const GAZETTEER_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.table"));
/// Word (exact form, then lowercase) → its three cluster ids.
const CLUSTER_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/clusters.table"));
/// Lowercase word → Zipf frequency in tenths (10..=80).
const ZIPF_TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/zipf.table"));

/// Every embedded table: what enrichment's fingerprint hashes, so that a change to any
/// list re-reads the archive.
pub(crate) const EMBEDDED_TABLES: [&[u8]; 3] = [GAZETTEER_TABLE, CLUSTER_TABLE, ZIPF_TABLE];

fn frozen(bytes: &'static [u8], width: usize) -> FrozenTable<'static> {
    match FrozenTable::parse(bytes) {
        Ok(table) if table.value_width() == width => table,
        // Not input: build.rs wrote these bytes, and a unit test reads every table.
        _ => panic!("an embedded lexicon table is malformed: the build is broken"),
    }
}

/// Token sequences (lowercased, hashed) → bitmask of the lists they are in.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    sequences: Sequences,
}

#[derive(Debug, Clone)]
enum Sequences {
    /// Built at run time (training, or a model read from a file).
    Owned {
        /// Entry bits of each sequence, plus [`bits::PREFIX`] when the sequence begins
        /// a longer entry, so matching learns both from one lookup and stops early.
        map: HashKeyed<u16>,
        /// Number of entries (sequences with list bits).
        entries: usize,
    },
    /// The table build.rs embedded, showing only the bits in `keep`.
    Frozen {
        table: FrozenTable<'static>,
        keep: u16,
    },
}

impl Default for Gazetteer {
    fn default() -> Gazetteer {
        Gazetteer {
            sequences: Sequences::Owned {
                map: HashKeyed::default(),
                entries: 0,
            },
        }
    }
}

impl Gazetteer {
    /// The embedded table with the bits in `keep` (an entry left with none is absent).
    fn embedded(keep: u16) -> Gazetteer {
        Gazetteer {
            sequences: Sequences::Frozen {
                table: frozen(GAZETTEER_TABLE, 2),
                keep: keep | PREFIX,
            },
        }
    }

    /// The lexicon's lists merged with the embedded model's training-data names, as
    /// [`Gazetteer::merged`] would merge them, but built at compile time.
    pub fn embedded_with_training_names() -> Gazetteer {
        Gazetteer::embedded(u16::MAX)
    }

    /// The value of `sequence`: its list bits and [`bits::PREFIX`].
    #[inline]
    fn get(&self, sequence: u64) -> Option<u16> {
        match &self.sequences {
            Sequences::Owned { map, .. } => map.get(&sequence).copied(),
            Sequences::Frozen { table, keep } => {
                let value = table.get(sequence)?;
                let bits = u16::from_le_bytes([value[0], value[1]]) & keep;
                (bits != 0).then_some(bits)
            }
        }
    }

    /// Every stored sequence with its value, in no particular order.
    fn pairs(&self) -> Vec<(u64, u16)> {
        match &self.sequences {
            Sequences::Owned { map, .. } => map.iter().map(|(&k, &v)| (k, v)).collect(),
            Sequences::Frozen { table, keep } => table
                .iter()
                .map(|(k, v)| (k, u16::from_le_bytes([v[0], v[1]]) & keep))
                .filter(|&(_, v)| v != 0)
                .collect(),
        }
    }

    /// The map to add to: an embedded gazetteer is copied out first.
    fn owned(&mut self) -> (&mut HashKeyed<u16>, &mut usize) {
        if let Sequences::Frozen { .. } = self.sequences {
            *self = Gazetteer::from_raw_sequences(self.pairs());
        }
        match &mut self.sequences {
            Sequences::Owned { map, entries } => (map, entries),
            Sequences::Frozen { .. } => unreachable!("copied out above"),
        }
    }

    /// Adds an entry given as whitespace-separated tokens.
    pub fn add(&mut self, entry: &str, bit: u16) {
        let (map, entries) = self.owned();
        if add_entry(map, entry, bit) {
            *entries += 1;
        }
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
        let mut out = self.pairs();
        out.sort_unstable();
        out
    }

    /// The gazetteer [`Gazetteer::raw_sequences`] describes.
    pub fn from_raw_sequences(pairs: impl IntoIterator<Item = (u64, u16)>) -> Gazetteer {
        let mut map = HashKeyed::default();
        let mut entries = 0;
        for (sequence, value) in pairs {
            if value & !PREFIX != 0 {
                entries += 1;
            }
            map.insert(sequence, value);
        }
        Gazetteer {
            sequences: Sequences::Owned { map, entries },
        }
    }

    /// Both gazetteers in one, so a tagger matching text against both looks each
    /// token sequence up once. Matches are the same as from the two separately.
    pub fn merged(&self, other: &Gazetteer) -> Gazetteer {
        let mut out = Gazetteer::from_raw_sequences(self.pairs());
        let (map, entries) = out.owned();
        for (sequence, value) in other.pairs() {
            set_bits(map, entries, sequence, value & !PREFIX);
            if value & PREFIX != 0 {
                *map.entry(sequence).or_default() |= PREFIX;
            }
        }
        out
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        match &self.sequences {
            Sequences::Owned { entries, .. } => *entries,
            Sequences::Frozen { table, keep } => table
                .iter()
                .filter(|(_, v)| u16::from_le_bytes([v[0], v[1]]) & keep & !PREFIX != 0)
                .count(),
        }
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The list bits of `phrase` (whitespace-separated words, any case) as a whole
    /// entry; 0 when it is in no list.
    pub fn entry_bits(&self, phrase: &str) -> u16 {
        entry_sequence(phrase)
            .last()
            .and_then(|&whole| self.get(whole))
            .map_or(0, |value| value & !PREFIX)
    }

    /// Every match in a sentence: `(start, end, bits)` for each token range that is an
    /// entry. `lower_hashes[i]` is `hash_str(0, lowercase(token i))`.
    pub fn matches(&self, lower_hashes: &[u64], out: &mut Vec<(usize, usize, u16)>) {
        for start in 0..lower_hashes.len() {
            let mut h = 0u64;
            let window = &lower_hashes[start..(start + MAX_ENTRY_TOKENS).min(lower_hashes.len())];
            for (len, token) in window.iter().enumerate() {
                h = mix(h, *token);
                let Some(value) = self.get(h) else {
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

/// Adds `bits` to `sequence`'s value, counting a sequence that gains its first list bit.
fn set_bits(map: &mut HashKeyed<u16>, entries: &mut usize, sequence: u64, bits: u16) {
    let value = map.entry(sequence).or_default();
    if *value & !PREFIX == 0 && bits != 0 {
        *entries += 1;
    }
    *value |= bits;
}

/// Word clusters at three granularities.
#[derive(Debug)]
pub struct Clusters {
    by_word: FrozenTable<'static>,
}

impl Clusters {
    /// Cluster ids of `word`, trying the exact form first, then lowercase.
    pub fn get(&self, word: &str, lower: &str) -> Option<[u16; 3]> {
        let ids = self
            .by_word
            .get(hash_str(CLUSTER_SEED, word))
            .or_else(|| self.by_word.get(hash_str(CLUSTER_SEED, lower)))?;
        let id = |i: usize| u16::from_le_bytes([ids[2 * i], ids[2 * i + 1]]);
        Some([id(0), id(1), id(2)])
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
    zipf: FrozenTable<'static>,
}

/// One of the lexicon's own lists, for code outside the tagger that asks whether a
/// word or phrase is in it (entity clean-up: a bare first name, a title, a designator).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Place,
    FirstName,
    Title,
    OrgDesignator,
}

impl List {
    fn bit(self) -> u16 {
        match self {
            List::Place => bits::LOC,
            List::FirstName => bits::FIRST_NAME,
            List::Title => bits::TITLE,
            List::OrgDesignator => bits::ORG_SUFFIX,
        }
    }
}

impl Lexicon {
    /// Zipf frequency of a lowercase word in tenths (10..=80), from its
    /// `hash_str(0, lowercase)`; `None` for a rare word. For the tagger's hot path,
    /// which has the hash already; others use [`Lexicon::word_zipf`].
    #[inline]
    pub fn zipf(&self, lower_hash: u64) -> Option<u8> {
        self.zipf.get(lower_hash).map(|v| v[0])
    }

    /// How common `word` (any case) is in English: its Zipf frequency in tenths
    /// (`the` 77, `house` 56, `apple` 47); `None` for a rare word.
    pub fn word_zipf(&self, word: &str) -> Option<u8> {
        self.zipf(hash_str(WORD_SEED, &word.to_lowercase()))
    }

    /// Whether `phrase` (whitespace-separated words, any case) is an entry of `list`.
    pub fn lists(&self, phrase: &str, list: List) -> bool {
        self.gazetteer.entry_bits(phrase) & list.bit() != 0
    }
}

/// The lexicon build.rs embedded; reading it costs microseconds.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon {
    gazetteer: Gazetteer::embedded(bits::LEXICON),
    clusters: Clusters {
        by_word: frozen(CLUSTER_TABLE, 6),
    },
    zipf: frozen(ZIPF_TABLE, 1),
});
