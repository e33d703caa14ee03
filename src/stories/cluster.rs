//! Which articles are copies of one story: candidate pairs from MinHash bands,
//! checked pair by pair, joined transitively.
//!
//! Pure: it sees signatures, never the index. Candidates come from locality-sensitive
//! hashing (two articles are compared when they agree on both bins of one of
//! [`BANDS`] bands: likely at Jaccard 0.2 and above, rare below 0.05); each band is a
//! sorted list, so memory is one pair of integers per article while it runs.

use std::collections::HashMap;

use super::signature::{Signature, BINS};

/// Bands of two bins each: P(compared) = 1 - (1 - J^2)^64, 0.93 at J = 0.2, 0.998 at
/// J = 0.3, and 0.0016 for the J = 0.005 of two unrelated news articles.
const BANDS: usize = BINS / 2;
/// Within one band value, each article is checked against at most this many earlier
/// ones: a phrase every article of some feed carries must not make the check
/// quadratic. Exact copies agree on every band, so they still meet.
const RUN_WINDOW: usize = 48;

/// Estimated Jaccard of 3-grams above which two articles are one story. Wire reprints
/// cut to 40% of their length, given a new lead, edited or OCR-damaged stay above it;
/// different stories about the same people on the same day share few 3-grams.
pub const JACCARD_MIN: f64 = 0.2;
/// Estimated 3-grams in common below which a pair is never a copy, however high its
/// Jaccard: two one-line wire items (`U.S. PRIME RATE UNCHANGED`, `JAPAN PRIME RATE
/// UNCHANGED`) share a 3-gram but are different news.
pub const SHARED_MIN: f64 = 4.0;
/// A shorter text whose 3-grams are at least this share inside a longer one is a
/// cut-down copy even when the Jaccard is low (a 300-word story and its 60-word
/// brief).
pub const CONTAINED_MIN: f64 = 0.7;

/// Weighted share of the smaller article's particulars (names, numbers, a brief's
/// title words; each weighted by its rarity in the archive) the other must have:
/// template siblings (`Qtly div 25 cts vs 25 cts prior` for two companies) share the
/// wording but not the particulars; copies share both, even when cut down, given a new
/// lead or OCR-damaged.
pub const PARTICULARS_MIN: f64 = 0.6;
/// Below this many particulars on either side the check is skipped: there is too
/// little to compare.
const PARTICULARS_FEW: usize = 4;
/// Texts of fewer 3-grams than this are wire briefs (`Qtly div three cts vs three cts
/// prior / Pay April three / Record March 13`): a brief's template is most of it, so
/// a copy must share at least [`SHORT_JACCARD_MIN`] of its 3-grams with the other...
const SHORT_TEXT: u32 = 40;
pub const SHORT_JACCARD_MIN: f64 = 0.5;
/// ... unless it is a cut-down copy: nearly all of it inside the other.
pub const SHORT_CONTAINED_MIN: f64 = 0.9;
/// Wording this close is the same text, whatever its particulars: a re-sent item.
const SAME_TEXT: f64 = 0.9;
/// Days a story's dated articles may span: a wire files the same template daily (`FED
/// ADDS RESERVES VIA CUSTOMER REPURCHASES`), while copies, even reprints and updates,
/// follow their story within days. Also what stops a chain of daily items from
/// growing into one story.
pub const DAYS_SPAN_MAX: i64 = 3;

/// Whether two articles are copies of one story: the same wording (Jaccard, or a short
/// text contained in a longer one) and the same particulars, each particular weighing
/// `weight(hash)`.
pub fn is_copy(a: &Signature, b: &Signature, weight: &dyn Fn(u32) -> f64) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let jaccard = a.jaccard(b);
    let shared = overlap(jaccard, a.shingles, b.shingles);
    if shared < SHARED_MIN {
        return false;
    }
    let smaller = a.shingles.min(b.shingles);
    let contained = shared / f64::from(smaller);
    if jaccard < JACCARD_MIN && contained < CONTAINED_MIN {
        return false;
    }
    if smaller < SHORT_TEXT && jaccard < SHORT_JACCARD_MIN && contained < SHORT_CONTAINED_MIN {
        return false;
    }
    if jaccard >= SAME_TEXT
        || a.particulars.len() < PARTICULARS_FEW
        || b.particulars.len() < PARTICULARS_FEW
    {
        return true;
    }
    a.particulars_contained(b, weight) >= PARTICULARS_MIN
}

/// Estimated size of the intersection of two sets of sizes `a` and `b` with Jaccard
/// `j`: |A ∩ B| = J / (1 + J) * (|A| + |B|).
fn overlap(j: f64, a: u32, b: u32) -> f64 {
    j / (1.0 + j) * (f64::from(a) + f64::from(b))
}

/// Assigns every article a group: `groups[i] == groups[j]` exactly when articles `i`
/// and `j` are copies, directly or through other copies, and a group's dated articles
/// span at most [`DAYS_SPAN_MAX`] days. `days` are the articles' dates as day numbers
/// (none: undated). `None` (no signature) and empty signatures stay alone. Groups are
/// numbered by their first article.
pub fn cluster(signatures: &[Option<&Signature>], days: &[Option<i64>]) -> Vec<usize> {
    // A particular weighs by its rarity: ln(1 + N / articles having it).
    let mut df: HashMap<u32, u32> = HashMap::new();
    for s in signatures.iter().flatten() {
        for h in &s.particulars {
            *df.entry(*h).or_default() += 1;
        }
    }
    let n = signatures.iter().flatten().count().max(1) as f64;
    let weight = |h: u32| (1.0 + n / f64::from(df.get(&h).copied().unwrap_or(1))).ln();
    let mut sets = DisjointSets::new(signatures.len(), days);
    let mut band: Vec<(u32, u32)> = Vec::with_capacity(signatures.len());
    for b in 0..BANDS {
        band.clear();
        for (i, s) in signatures.iter().enumerate() {
            if let Some(s) = s.filter(|s| !s.is_empty()) {
                let key = u32::from(s.bins[2 * b]) | u32::from(s.bins[2 * b + 1]) << 16;
                band.push((key, i as u32));
            }
        }
        band.sort_unstable();
        for run in band.chunk_by(|x, y| x.0 == y.0).filter(|r| r.len() > 1) {
            for (k, &(_, i)) in run.iter().enumerate().skip(1) {
                for &(_, j) in &run[k.saturating_sub(RUN_WINDOW)..k] {
                    let (i, j) = (i as usize, j as usize);
                    if !sets.may_join(i, j) {
                        continue;
                    }
                    if let (Some(a), Some(b)) = (signatures[i], signatures[j]) {
                        if is_copy(a, b, &weight) {
                            sets.union(i, j);
                        }
                    }
                }
            }
        }
    }
    (0..signatures.len()).map(|i| sets.find(i)).collect()
}

/// Union-find with path halving and each set's date range; the smaller index is
/// always the root, so a group's number is its first article.
struct DisjointSets {
    parent: Vec<usize>,
    /// Earliest and latest day of the set rooted here (none: all undated).
    span: Vec<Option<(i64, i64)>>,
}

impl DisjointSets {
    fn new(n: usize, days: &[Option<i64>]) -> DisjointSets {
        DisjointSets {
            parent: (0..n).collect(),
            span: (0..n)
                .map(|i| days.get(i).copied().flatten().map(|d| (d, d)))
                .collect(),
        }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// The date range of the two sets joined.
    fn joined_span(&mut self, a: usize, b: usize) -> Option<(i64, i64)> {
        let (a, b) = (self.find(a), self.find(b));
        match (self.span[a], self.span[b]) {
            (Some((x0, x1)), Some((y0, y1))) => Some((x0.min(y0), x1.max(y1))),
            (x, y) => x.or(y),
        }
    }

    /// Whether `a` and `b` are in different sets that could be one story in time.
    fn may_join(&mut self, a: usize, b: usize) -> bool {
        if self.find(a) == self.find(b) {
            return false;
        }
        self.joined_span(a, b)
            .is_none_or(|(first, last)| last - first <= DAYS_SPAN_MAX)
    }

    fn union(&mut self, a: usize, b: usize) {
        let span = self.joined_span(a, b);
        let (a, b) = (self.find(a), self.find(b));
        let (low, high) = (a.min(b), a.max(b));
        self.parent[high] = low;
        self.span[low] = span;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(n: usize, salt: &str) -> String {
        (0..n)
            .map(|i| format!("{salt}{}", (i * 7919) % 1000))
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn copies_join_and_chains_join_transitively() {
        let story = words(300, "w");
        let head: String = story.split(' ').take(150).collect::<Vec<_>>().join(" ");
        let tail: String = story.split(' ').skip(100).collect::<Vec<_>>().join(" ");
        let other = words(300, "x");
        let sigs = [
            Signature::of("", &story),
            Signature::of("", &other),
            Signature::of("", &head),
            Signature::of("", &tail),
            Signature::of("", ""),
            Signature::of("", ""),
        ];
        let refs: Vec<Option<&Signature>> = sigs.iter().map(Some).collect();
        let groups = cluster(&refs, &[]);
        assert_eq!(groups, vec![0, 1, 0, 0, 4, 5]);
    }

    #[test]
    fn one_line_items_sharing_a_phrase_are_not_copies() {
        let a = Signature::of("U.S. prime rate unchanged", "");
        let b = Signature::of("Japan prime rate unchanged", "");
        assert!(!is_copy(&a, &b, &|_| 1.0));
        assert!(is_copy(&a, &a.clone(), &|_| 1.0) || a.shingles < 4);
    }

    #[test]
    fn a_brief_inside_a_long_story_is_a_copy() {
        let story = words(600, "w");
        let brief: String = story.split(' ').take(80).collect::<Vec<_>>().join(" ");
        let (a, b) = (Signature::of("", &story), Signature::of("", &brief));
        assert!(a.jaccard(&b) < JACCARD_MIN);
        assert!(is_copy(&a, &b, &|_| 1.0));
    }
}
