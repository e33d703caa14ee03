//! Feature extraction: what the tagger looks at for each token.
//!
//! Local: the word, its lowercase form, shape, prefixes and suffixes, neighbours ±2.
//! Outside knowledge: word clusters, gazetteer matches (places, given names, titles,
//! organization designators, alias-table names, training-data entities), English
//! word frequency. Document: whether the word also appears lowercased or capitalized
//! mid-sentence elsewhere in the article, and the type given to it earlier in the
//! article. Every feature is a u64 hash of a template id and its value.
//!
//! Everything a feature needs to know about a word on its own (its lowercase and
//! shape hashes, clusters, frequency, spelling flags) is a [`WordInfo`], computed once
//! per distinct word: the tagger caches it per thread. Context features then only mix
//! hashes, and never touch a string or the lexicon's tables again.

use super::hash::{hash_str, mix, HashKeyed};
use super::lexicon::{bits, Gazetteer, LEXICON};
use super::tags::{type_of, Tag};

/// Bumped whenever features change; a model trained on other features is refused.
pub const FEATURE_VERSION: u32 = 2;

/// Spelling facts about a word, as bits of [`WordInfo::flags`].
mod flag {
    pub const FIRST_UPPER: u8 = 1;
    pub const FIRST_LOWER: u8 = 1 << 1;
    pub const ALL_CAPS: u8 = 1 << 2;
    pub const DIGIT: u8 = 1 << 3;
    pub const HYPHEN: u8 = 1 << 4;
    pub const DOT: u8 = 1 << 5;
    pub const ALPHA: u8 = 1 << 6;
}

/// What the features need to know about one word regardless of where it occurs.
/// News text repeats its vocabulary, so computing this once per distinct word (not
/// once per token) takes the string work and lexicon lookups out of the hot loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordInfo {
    /// `hash_str(0, lowercase form)`: the key of the gazetteers, the frequency list
    /// and the document context.
    pub lower: u64,
    /// `hash_str(0, shape)`.
    shape: u64,
    /// Word-cluster ids at three granularities, when the word has them.
    clusters: Option<[u16; 3]>,
    /// Zipf frequency band, 0 (rare or unknown) to 8.
    zipf: u8,
    /// Bits of [`flag`].
    flags: u8,
}

impl WordInfo {
    /// Analyses a word.
    pub fn of(w: &str) -> WordInfo {
        let lower = w.to_lowercase();
        let lower_hash = hash_str(0, &lower);
        let first = w.chars().next().unwrap_or(' ');
        let alpha = w.chars().any(char::is_alphabetic);
        let set = |cond: bool, bit: u8| if cond { bit } else { 0 };
        WordInfo {
            lower: lower_hash,
            shape: hash_str(0, &shape(w)),
            clusters: LEXICON.clusters.get(w, &lower),
            zipf: LEXICON.zipf(lower_hash).unwrap_or(0) / 10,
            flags: set(first.is_uppercase(), flag::FIRST_UPPER)
                | set(first.is_lowercase(), flag::FIRST_LOWER)
                | set(alpha && !w.chars().any(char::is_lowercase), flag::ALL_CAPS)
                | set(w.chars().any(|c| c.is_ascii_digit()), flag::DIGIT)
                | set(w.contains('-'), flag::HYPHEN)
                | set(w.contains('.'), flag::DOT)
                | set(alpha, flag::ALPHA),
        }
    }

    fn has(&self, bit: u8) -> bool {
        self.flags & bit != 0
    }
}

/// What the rest of an article says about each word, gathered before tagging.
#[derive(Debug, Default)]
pub struct DocContext {
    /// Lowercase forms that occur in lowercase somewhere in the document.
    seen_lowercase: HashKeyed<()>,
    /// Lowercase forms that occur capitalized, not sentence-initially.
    seen_capitalized: HashKeyed<()>,
    /// Lowercase form → counts of types the tagger gave it earlier in the document
    /// (index 4 = tagged O while capitalized).
    earlier_tags: HashKeyed<[u16; 5]>,
}

impl DocContext {
    /// Scans all sentences of a document (each as its words' [`WordInfo`]s).
    pub fn new<S: AsRef<[WordInfo]>>(sentences: &[S]) -> DocContext {
        let mut ctx = DocContext::default();
        for sentence in sentences {
            ctx.scan(sentence.as_ref());
        }
        ctx
    }

    /// Adds one sentence to what is known before tagging, so a long document can be
    /// scanned without holding every sentence's [`WordInfo`]s at once.
    pub fn scan(&mut self, sentence: &[WordInfo]) {
        for (i, w) in sentence.iter().enumerate() {
            if w.has(flag::FIRST_LOWER) {
                self.seen_lowercase.insert(w.lower, ());
            } else if w.has(flag::FIRST_UPPER) && i > 0 && !w.has(flag::ALL_CAPS) {
                self.seen_capitalized.insert(w.lower, ());
            }
        }
    }

    /// Records the tags given to a sentence, for later sentences' document features.
    pub fn record(&mut self, words: &[WordInfo], tags: &[Tag]) {
        for (w, &t) in words.iter().zip(tags) {
            if !w.has(flag::FIRST_UPPER) {
                continue;
            }
            let slot = match type_of(t) {
                Some(k) => k as usize,
                None => 4,
            };
            let counts = self.earlier_tags.entry(w.lower).or_default();
            counts[slot] = counts[slot].saturating_add(1);
        }
    }
}

/// Compressed word shape: `Pompeo` → `Xx`, `U.S.` → `X.X.`, `1996-08-22` → `d-d-d`.
pub fn shape(w: &str) -> String {
    let mut out = String::with_capacity(6);
    let mut last = ' ';
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
        }
        if out.len() > 8 {
            break;
        }
    }
    out
}

/// Template ids: the seed each feature's value is mixed into. Spread over 64 bits
/// (not small integers), so a template's small values (flags, cluster ids) can never
/// produce another template's hash. Changing one invalidates trained models.
mod t {
    use super::super::hash::mix;

    const fn id(k: u64) -> u64 {
        mix(0x2545_f491_4f6c_dd1d, k)
    }
    pub const BIAS: u64 = id(1);
    pub const WORD: u64 = id(2);
    pub const LOWER: u64 = id(3);
    pub const SHAPE: u64 = id(4);
    pub const PREFIX: u64 = id(5);
    pub const SUFFIX: u64 = id(9);
    pub const FLAGS: u64 = id(13);
    pub const PREV1: u64 = id(14);
    pub const PREV2: u64 = id(15);
    pub const NEXT1: u64 = id(16);
    pub const NEXT2: u64 = id(17);
    pub const PREV_SHAPE: u64 = id(18);
    pub const NEXT_SHAPE: u64 = id(19);
    pub const BIGRAM_PREV: u64 = id(20);
    pub const BIGRAM_NEXT: u64 = id(21);
    pub const CLUSTER: u64 = id(22);
    pub const PREV_CLUSTER: u64 = id(25);
    pub const NEXT_CLUSTER: u64 = id(26);
    pub const GAZ: u64 = id(27);
    pub const ZIPF: u64 = id(28);
    pub const DOC: u64 = id(29);
    pub const DOC_EARLIER: u64 = id(30);
    pub const SHAPE_WINDOW: u64 = id(31);
    pub const HEADLINE_WORD: u64 = id(32);
    pub const PREV_WORD_SHAPE: u64 = id(33);
    pub const NEXT_WORD_SHAPE: u64 = id(34);
    pub const CLUSTER_SHAPE: u64 = id(35);
}

/// Stand-ins for the lowercase form and shape of positions before and after a sentence.
const BEFORE_SENTENCE: u64 = 0x3c73_3e00_0000_0001;
const AFTER_SENTENCE: u64 = 0x3c2f_733e_0000_0002;

/// Extracts the features of every token of a sentence: `words` and their `infos`.
/// `out[i]` receives token i's feature hashes. `gazetteers` are the lists to match:
/// the lexicon's and the training data's (jackknifed in training, merged into one by
/// the tagger); `doc` is the document context.
pub fn sentence_features(
    words: &[&str],
    infos: &[WordInfo],
    doc: &DocContext,
    gazetteers: &[&Gazetteer],
    out: &mut Vec<Vec<u64>>,
) {
    features_of(infos, doc, gazetteers, Neighbours::Include, out);
    for ((w, info), f) in words.iter().zip(infos).zip(out.iter_mut()) {
        word_features(w, info, f);
    }
}

/// Like [`sentence_features`] without the features that depend on one word alone:
/// those of [`word_features`] (the word itself) and of [`neighbour_features`] (a
/// neighbour at a fixed offset). The tagger scores those once per distinct word and
/// caches them, so per token only the features of word pairs, the sentence and the
/// document are looked up.
pub fn context_features(
    infos: &[WordInfo],
    doc: &DocContext,
    gazetteers: &[&Gazetteer],
    out: &mut Vec<Vec<u64>>,
) {
    features_of(infos, doc, gazetteers, Neighbours::Omit, out);
}

/// Whether per-token feature lists include [`neighbour_features`].
#[derive(Clone, Copy, PartialEq)]
enum Neighbours {
    Include,
    Omit,
}

/// Where a word stands from the token being scored, for the features that depend on
/// that neighbour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offset {
    Prev2 = 0,
    Prev1 = 1,
    Next1 = 2,
    Next2 = 3,
}

impl Offset {
    /// Every offset, in index order.
    pub const ALL: [Offset; 4] = [Offset::Prev2, Offset::Prev1, Offset::Next1, Offset::Next2];

    /// Token distance: −2, −1, +1, +2.
    pub fn distance(self) -> isize {
        match self {
            Offset::Prev2 => -2,
            Offset::Prev1 => -1,
            Offset::Next1 => 1,
            Offset::Next2 => 2,
        }
    }
}

/// The features a token gets from the word at `offset` from it: its lowercase form,
/// and for direct neighbours also its shape and cluster. `None` is the sentence edge.
pub fn neighbour_features(neighbour: Option<&WordInfo>, offset: Offset, f: &mut Vec<u64>) {
    let edge = if offset.distance() < 0 {
        BEFORE_SENTENCE
    } else {
        AFTER_SENTENCE
    };
    let lower = neighbour.map_or(edge, |n| n.lower);
    let shape = neighbour.map_or(edge, |n| n.shape);
    let cluster = neighbour.map_or(8888, |n| n.clusters.map_or(9999, |c| u64::from(c[1])));
    match offset {
        Offset::Prev2 => f.push(mix(t::PREV2, lower)),
        Offset::Next2 => f.push(mix(t::NEXT2, lower)),
        Offset::Prev1 => {
            f.push(mix(t::PREV1, lower));
            f.push(mix(t::PREV_SHAPE, shape));
            f.push(mix(t::PREV_CLUSTER, cluster));
        }
        Offset::Next1 => {
            f.push(mix(t::NEXT1, lower));
            f.push(mix(t::NEXT_SHAPE, shape));
            f.push(mix(t::NEXT_CLUSTER, cluster));
        }
    }
}

fn features_of(
    infos: &[WordInfo],
    doc: &DocContext,
    gazetteers: &[&Gazetteer],
    neighbours: Neighbours,
    out: &mut Vec<Vec<u64>>,
) {
    let n = infos.len();
    let mut alphabetic = infos.iter().filter(|w| w.has(flag::ALPHA));
    let headline = alphabetic.clone().count() > 2 && alphabetic.all(|w| w.has(flag::ALL_CAPS));
    // Reuse the per-token vectors' capacity from the previous sentence.
    out.truncate(n);
    for f in out.iter_mut() {
        f.clear();
    }
    out.resize_with(n, || Vec::with_capacity(64));
    for (i, feats) in out.iter_mut().enumerate() {
        token_features(infos, doc, headline, i, feats);
        if neighbours == Neighbours::Include {
            for offset in Offset::ALL {
                let j = usize::try_from(i as isize + offset.distance()).ok();
                neighbour_features(j.and_then(|j| infos.get(j)), offset, feats);
            }
        }
    }
    let lower_hashes: Vec<u64> = infos.iter().map(|w| w.lower).collect();
    gazetteer_features(&lower_hashes, gazetteers, out);
}

/// Appends the features that depend on the word `w` alone (form, lowercase, shape,
/// affixes, word clusters); `info` is its [`WordInfo`]. Each word's share of the score
/// is therefore the same wherever it occurs, which the tagger exploits.
pub fn word_features(w: &str, info: &WordInfo, f: &mut Vec<u64>) {
    let lower = w.to_lowercase();
    f.push(hash_str(t::WORD, w));
    f.push(mix(t::LOWER, info.lower));
    f.push(mix(t::SHAPE, info.shape));
    // Prefixes and suffixes of up to 4 chars, hashed from slices (no allocation).
    let prefix_ends = lower
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain([lower.len()])
        .take(4);
    for (k, end) in prefix_ends.enumerate() {
        f.push(hash_str(mix(t::PREFIX, k as u64), &lower[..end]));
    }
    for (k, (start, _)) in lower.char_indices().rev().take(4).enumerate() {
        f.push(hash_str(mix(t::SUFFIX, k as u64), &lower[start..]));
    }
    match info.clusters {
        Some(c) => {
            for (g, id) in c.iter().enumerate() {
                f.push(mix(mix(t::CLUSTER, g as u64), u64::from(*id)));
            }
            f.push(mix(mix(t::CLUSTER_SHAPE, u64::from(c[2])), info.shape));
        }
        None => f.push(mix(t::CLUSTER, 9999)),
    }
}

/// Appends gazetteer features: for each list, the longest match covering each token,
/// with the token's position in it, and markers on the tokens just outside it.
fn gazetteer_features(lower_hashes: &[u64], gazetteers: &[&Gazetteer], feats: &mut [Vec<u64>]) {
    let mut matches = Vec::new();
    for g in gazetteers {
        g.matches(lower_hashes, &mut matches);
    }
    if matches.is_empty() {
        return;
    }
    let present = matches.iter().fold(0u16, |acc, m| acc | m.2);
    let mut best: Vec<Option<(usize, usize)>> = vec![None; lower_hashes.len()];
    for bit in 0..bits::COUNT {
        let mask = 1u16 << bit;
        if present & mask == 0 {
            continue;
        }
        best.iter_mut().for_each(|b| *b = None);
        for &(s, e, b) in &matches {
            if b & mask == 0 {
                continue;
            }
            for slot in &mut best[s..e] {
                if slot.is_none_or(|(bs, be)| be - bs < e - s) {
                    *slot = Some((s, e));
                }
            }
        }
        for (i, slot) in best.iter().enumerate() {
            if let Some((s, e)) = slot {
                let pos = match (i == *s, i + 1 == *e) {
                    (true, true) => 0u64,
                    (true, false) => 1,
                    (false, true) => 2,
                    (false, false) => 3,
                };
                feats[i].push(mix(mix(t::GAZ, u64::from(bit)), pos));
                // The list also marks its neighbours: "Mr." before, "Corp" after.
                if i > 0 && *s == i {
                    feats[i - 1].push(mix(mix(t::GAZ, u64::from(bit)), 10));
                }
                if i + 1 < lower_hashes.len() && *e == i + 1 {
                    feats[i + 1].push(mix(mix(t::GAZ, u64::from(bit)), 11));
                }
            }
        }
    }
}

fn token_features(
    infos: &[WordInfo],
    doc: &DocContext,
    headline: bool,
    i: usize,
    f: &mut Vec<u64>,
) {
    let w = &infos[i];
    let at = |j: isize| usize::try_from(j).ok().and_then(|j| infos.get(j));
    let lower_at = |j: isize| match at(j) {
        Some(n) => n.lower,
        None if j < 0 => BEFORE_SENTENCE,
        None => AFTER_SENTENCE,
    };
    let shape_at = |j: isize| match at(j) {
        Some(n) => n.shape,
        None if j < 0 => BEFORE_SENTENCE,
        None => AFTER_SENTENCE,
    };
    let ii = i as isize;
    f.push(t::BIAS);
    let flags = u64::from(i == 0)
        | u64::from(w.has(flag::FIRST_UPPER)) << 1
        | u64::from(w.has(flag::ALL_CAPS)) << 2
        | u64::from(w.has(flag::DIGIT)) << 3
        | u64::from(w.has(flag::HYPHEN)) << 4
        | u64::from(w.has(flag::DOT)) << 5
        | u64::from(headline) << 6;
    f.push(mix(t::FLAGS, flags));
    f.push(mix(mix(t::BIGRAM_PREV, lower_at(ii - 1)), w.lower));
    f.push(mix(mix(t::BIGRAM_NEXT, lower_at(ii + 1)), w.lower));
    f.push(mix(
        mix(mix(t::SHAPE_WINDOW, shape_at(ii - 1)), w.shape),
        shape_at(ii + 1),
    ));
    f.push(mix(mix(t::PREV_WORD_SHAPE, lower_at(ii - 1)), w.shape));
    f.push(mix(mix(t::NEXT_WORD_SHAPE, lower_at(ii + 1)), w.shape));
    if headline {
        f.push(mix(t::HEADLINE_WORD, w.lower));
    }
    f.push(mix(mix(t::ZIPF, u64::from(w.zipf)), flags & 0b111));
    if w.has(flag::FIRST_UPPER) {
        let h = w.lower;
        let doc_flags = u64::from(doc.seen_lowercase.contains_key(&h))
            | u64::from(doc.seen_capitalized.contains_key(&h)) << 1
            | u64::from(i == 0) << 2;
        f.push(mix(t::DOC, doc_flags));
        if let Some(counts) = doc.earlier_tags.get(&h) {
            let best = (0..5).max_by_key(|&k| (counts[k], 5 - k)).unwrap_or(4);
            f.push(mix(t::DOC_EARLIER, best as u64));
        }
    }
}
