//! Feature extraction: what the tagger looks at for each token.
//!
//! Local: the word, its lowercase form, shape, prefixes and suffixes, neighbours ±2.
//! Outside knowledge: word clusters, gazetteer matches (places, given names, titles,
//! organization designators, alias-table names, training-data entities), English
//! word frequency. Document: whether the word also appears lowercased or capitalized
//! mid-sentence elsewhere in the article, and the type given to it earlier in the
//! article. Every feature is a u64 hash of a template id and its value.

use super::hash::{hash_str, mix, HashKeyed};
use super::lexicon::{bits, Gazetteer, LEXICON};
use super::tags::{type_of, Tag};

/// Bumped whenever features change; a model trained on other features is refused.
pub const FEATURE_VERSION: u32 = 1;

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
    /// Scans all sentences of a document.
    pub fn new(sentences: &[Vec<&str>]) -> DocContext {
        let mut ctx = DocContext::default();
        for sentence in sentences {
            for (i, w) in sentence.iter().enumerate() {
                let first = w.chars().next().unwrap_or(' ');
                let lower_hash = hash_str(0, &w.to_lowercase());
                if first.is_lowercase() {
                    ctx.seen_lowercase.insert(lower_hash, ());
                } else if first.is_uppercase() && i > 0 && !is_all_caps(w) {
                    ctx.seen_capitalized.insert(lower_hash, ());
                }
            }
        }
        ctx
    }

    /// Records the tags given to a sentence, for later sentences' document features.
    pub fn record(&mut self, words: &[&str], tags: &[Tag]) {
        for (w, &t) in words.iter().zip(tags) {
            if !w.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            let slot = match type_of(t) {
                Some(k) => k as usize,
                None => 4,
            };
            let counts = self
                .earlier_tags
                .entry(hash_str(0, &w.to_lowercase()))
                .or_default();
            counts[slot] = counts[slot].saturating_add(1);
        }
    }
}

fn is_all_caps(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
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

/// Template ids (hash seeds). Kept stable: changing one invalidates trained models.
mod t {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const SHAPE: u64 = 4;
    pub const PREFIX: u64 = 5;
    pub const SUFFIX: u64 = 9;
    pub const FLAGS: u64 = 13;
    pub const PREV1: u64 = 14;
    pub const PREV2: u64 = 15;
    pub const NEXT1: u64 = 16;
    pub const NEXT2: u64 = 17;
    pub const PREV_SHAPE: u64 = 18;
    pub const NEXT_SHAPE: u64 = 19;
    pub const BIGRAM_PREV: u64 = 20;
    pub const BIGRAM_NEXT: u64 = 21;
    pub const CLUSTER: u64 = 22;
    pub const PREV_CLUSTER: u64 = 25;
    pub const NEXT_CLUSTER: u64 = 26;
    pub const GAZ: u64 = 27;
    pub const ZIPF: u64 = 28;
    pub const DOC: u64 = 29;
    pub const DOC_EARLIER: u64 = 30;
    pub const SHAPE_WINDOW: u64 = 31;
    pub const HEADLINE_WORD: u64 = 32;
    pub const PREV_WORD_SHAPE: u64 = 33;
    pub const NEXT_WORD_SHAPE: u64 = 34;
    pub const CLUSTER_SHAPE: u64 = 35;
}

/// Per-sentence token data computed once and shared by every token's features.
struct Prepared {
    lower: Vec<String>,
    shapes: Vec<String>,
    lower_hashes: Vec<u64>,
    clusters: Vec<Option<[u16; 3]>>,
}

/// Extracts the features of every token of `words`. `out[i]` receives token i's
/// feature hashes. `train_gaz` is the training-data gazetteer (jackknifed in
/// training); `doc` the document context.
pub fn sentence_features(
    words: &[&str],
    doc: &DocContext,
    train_gaz: &Gazetteer,
    out: &mut Vec<Vec<u64>>,
) {
    features_of(words, doc, train_gaz, WordPart::Include, out);
}

/// Like [`sentence_features`] without the features of [`word_features`], which depend
/// on the word alone: the tagger scores those once per distinct word and caches them.
pub fn context_features(
    words: &[&str],
    doc: &DocContext,
    train_gaz: &Gazetteer,
    out: &mut Vec<Vec<u64>>,
) {
    features_of(words, doc, train_gaz, WordPart::Omit, out);
}

/// Whether per-token feature lists include the word-only features.
#[derive(Clone, Copy, PartialEq)]
enum WordPart {
    Include,
    Omit,
}

/// The features that depend on the word alone (form, lowercase, shape, affixes, word
/// clusters), in the order [`sentence_features`] lists them. Each word's share of the
/// score is therefore the same wherever it occurs, which the tagger exploits.
pub fn word_features(w: &str, f: &mut Vec<u64>) {
    let lower = w.to_lowercase();
    let clusters = LEXICON.clusters.get(w, &lower);
    push_word_features(w, &lower, &shape(w), clusters, f);
}

fn push_word_features(
    w: &str,
    lower: &str,
    shape: &str,
    clusters: Option<[u16; 3]>,
    f: &mut Vec<u64>,
) {
    push_form_features(w, lower, shape, f);
    push_cluster_features(shape, clusters, f);
}

fn push_form_features(w: &str, lower: &str, shape: &str, f: &mut Vec<u64>) {
    f.push(hash_str(t::WORD, w));
    f.push(hash_str(t::LOWER, lower));
    f.push(hash_str(t::SHAPE, shape));
    // Prefixes and suffixes of up to 4 chars, hashed from slices (no allocation).
    let prefix_ends = lower
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain([lower.len()])
        .take(4);
    for (k, end) in prefix_ends.enumerate() {
        f.push(hash_str(t::PREFIX + k as u64, &lower[..end]));
    }
    for (k, (start, _)) in lower.char_indices().rev().take(4).enumerate() {
        f.push(hash_str(t::SUFFIX + k as u64, &lower[start..]));
    }
}

fn push_cluster_features(shape: &str, clusters: Option<[u16; 3]>, f: &mut Vec<u64>) {
    match clusters {
        Some(c) => {
            for (g, id) in c.iter().enumerate() {
                f.push(mix(mix(t::CLUSTER, g as u64), u64::from(*id)));
            }
            f.push(mix(
                mix(t::CLUSTER_SHAPE, u64::from(c[2])),
                hash_str(0, shape),
            ));
        }
        None => f.push(mix(t::CLUSTER, 9999)),
    }
}

fn features_of(
    words: &[&str],
    doc: &DocContext,
    train_gaz: &Gazetteer,
    word_part: WordPart,
    out: &mut Vec<Vec<u64>>,
) {
    let n = words.len();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let lower_hashes: Vec<u64> = lower.iter().map(|l| hash_str(0, l)).collect();
    let prepared = Prepared {
        shapes: words.iter().map(|w| shape(w)).collect(),
        clusters: words
            .iter()
            .zip(&lower)
            .map(|(w, l)| LEXICON.clusters.get(w, l))
            .collect(),
        lower,
        lower_hashes,
    };
    let headline = words
        .iter()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .count()
        > 2
        && words
            .iter()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .all(|w| is_all_caps(w));
    // Reuse the per-token vectors' capacity from the previous sentence.
    out.truncate(n);
    for f in out.iter_mut() {
        f.clear();
    }
    out.resize_with(n, || Vec::with_capacity(64));
    for (i, feats) in out.iter_mut().enumerate() {
        token_features(words, &prepared, doc, headline, word_part, i, feats);
    }
    gazetteer_features(&prepared.lower_hashes, train_gaz, out);
}

/// Appends gazetteer features: for each list, the longest match covering each token,
/// with the token's position in it, and markers on the tokens just outside it.
fn gazetteer_features(lower_hashes: &[u64], train_gaz: &Gazetteer, feats: &mut [Vec<u64>]) {
    let mut matches = Vec::new();
    LEXICON.gazetteer.matches(lower_hashes, &mut matches);
    train_gaz.matches(lower_hashes, &mut matches);
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

/// The value at position `j` of a sentence, or a boundary marker outside it.
fn neighbour(values: &[String], j: isize) -> &str {
    match usize::try_from(j) {
        Err(_) => "<s>",
        Ok(j) => values.get(j).map_or("</s>", String::as_str),
    }
}

fn token_features(
    words: &[&str],
    p: &Prepared,
    doc: &DocContext,
    headline: bool,
    word_part: WordPart,
    i: usize,
    f: &mut Vec<u64>,
) {
    let n = words.len();
    let w = words[i];
    let lower = &p.lower[i];
    let shape = &p.shapes[i];
    let lower_at = |j: isize| neighbour(&p.lower, j);
    let shape_at = |j: isize| neighbour(&p.shapes, j);
    let ii = i as isize;
    f.push(t::BIAS);
    // The word-only features keep the positions training has always given them:
    // form and affixes here, clusters after the neighbours.
    if word_part == WordPart::Include {
        push_form_features(w, lower, shape, f);
    }
    let first = w.chars().next().unwrap_or(' ');
    let flags = u64::from(i == 0)
        | u64::from(first.is_uppercase()) << 1
        | u64::from(is_all_caps(w)) << 2
        | u64::from(w.chars().any(|c| c.is_ascii_digit())) << 3
        | u64::from(w.contains('-')) << 4
        | u64::from(w.contains('.')) << 5
        | u64::from(headline) << 6;
    f.push(mix(t::FLAGS, flags));
    f.push(hash_str(t::PREV1, lower_at(ii - 1)));
    f.push(hash_str(t::PREV2, lower_at(ii - 2)));
    f.push(hash_str(t::NEXT1, lower_at(ii + 1)));
    f.push(hash_str(t::NEXT2, lower_at(ii + 2)));
    f.push(hash_str(t::PREV_SHAPE, shape_at(ii - 1)));
    f.push(hash_str(t::NEXT_SHAPE, shape_at(ii + 1)));
    f.push(mix(
        hash_str(t::BIGRAM_PREV, lower_at(ii - 1)),
        p.lower_hashes[i],
    ));
    f.push(mix(
        hash_str(t::BIGRAM_NEXT, lower_at(ii + 1)),
        p.lower_hashes[i],
    ));
    f.push(mix(
        mix(
            hash_str(t::SHAPE_WINDOW, shape_at(ii - 1)),
            hash_str(0, shape),
        ),
        hash_str(0, shape_at(ii + 1)),
    ));
    f.push(mix(
        hash_str(t::PREV_WORD_SHAPE, lower_at(ii - 1)),
        hash_str(0, shape),
    ));
    f.push(mix(
        hash_str(t::NEXT_WORD_SHAPE, lower_at(ii + 1)),
        hash_str(0, shape),
    ));
    if headline {
        f.push(hash_str(t::HEADLINE_WORD, lower));
    }
    if word_part == WordPart::Include {
        push_cluster_features(shape, p.clusters[i], f);
    }
    let cluster_at = |j: isize| -> u64 {
        if j < 0 || j as usize >= n {
            return 8888;
        }
        p.clusters[j as usize].map_or(9999, |c| u64::from(c[1]))
    };
    f.push(mix(t::PREV_CLUSTER, cluster_at(ii - 1)));
    f.push(mix(t::NEXT_CLUSTER, cluster_at(ii + 1)));
    let zipf = LEXICON.zipf.get(&p.lower_hashes[i]).copied().unwrap_or(0) / 10;
    f.push(mix(mix(t::ZIPF, u64::from(zipf)), flags & 0b111));
    if first.is_uppercase() {
        let h = p.lower_hashes[i];
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
