//! A compact fingerprint of an article's wording and of its particulars, for finding
//! copies of it.
//!
//! Wire copies differ by a new lead, a cut tail, edits or OCR noise, so equality of
//! text says little; the share of word 3-grams two texts have in common (their
//! Jaccard similarity) says a lot. But wire services also file hundreds of items from
//! one template (`Qtly div 25 cts vs 25 cts prior`, `X is issuing a 100 mln dlr
//! eurobond ... listed in Luxembourg`): the same wording about different companies,
//! sums and days. What tells a copy from a template sibling is its particulars: the
//! names and numbers. So a [`Signature`] holds two sketches:
//!
//! - the wording: one-permutation MinHash over word 3-grams ([`BINS`] bins, each 3-gram's
//!   hash picks a bin by its top bits and the bin keeps its smallest value), empty bins
//!   filled from their neighbours ("densification"), each bin kept as its lowest 16 bits
//!   (b-bit MinHash: bins of different 3-grams agree once in 65,536);
//! - the particulars: the set of numbers and capitalized words not opening a sentence
//!   (and, for a brief, the title's content words), as 32-bit hashes: all of them, or
//!   the [`PARTICULARS_KEPT`] smallest (a bottom-k sample). Kept exact, so the stories
//!   step can weigh each by how rare it is in the archive (a `Franklin` shared by 40
//!   fund notices says little; a `Tultex` says a lot).
//!
//! About 300 bytes for a news item, computed once per article on the indexing workers
//! and stored beside it.

use std::collections::HashSet;

use rustc_hash::FxHashSet;

use xxhash_rust::xxh3::xxh3_64;

/// Bins of the wording sketch: the estimate's standard error is about
/// sqrt(J(1-J)/BINS), 0.035 at J = 0.2.
pub const BINS: usize = 128;
/// Particulars kept per article: a wire item has tens; a long feature keeps a sample.
pub const PARTICULARS_KEPT: usize = 128;
/// Words per shingle: three survive truncation and new leads whole, and two unrelated
/// articles rarely share many (unlike single words, which same-day stories about the
/// same people share by the dozen).
const SHINGLE: usize = 3;
/// A body shorter than this many words is fingerprinted with its title in front:
/// otherwise every title-only wire item (`Reuters' "U.S. PRIME RATE UNCHANGED"`) would
/// look like every other.
const SHORT_BODY_WORDS: usize = 12;
/// Texts of fewer words are briefs: their title's words count as particulars.
const SHORT_TEXT_WORDS: usize = 40;
/// Title words that say nothing particular.
const TITLE_STOPWORDS: [&str; 24] = [
    "the", "and", "for", "with", "from", "its", "his", "her", "are", "was", "has", "have", "not",
    "but", "into", "over", "after", "says", "said", "new", "update", "sets", "amid", "will",
];
/// First byte of the stored form, so another layout is told apart (and ignored).
const FORMAT: u8 = 3;
/// Bytes of the stored form before the particulars: format, 3-gram count, wording
/// bins, particulars count.
const FIXED_LEN: usize = 1 + 4 + 2 * BINS + 2;

/// An article's wording sketch and particulars.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Signature {
    /// Distinct 3-grams seen (0: no words at all, never a copy of anything).
    pub shingles: u32,
    pub bins: [u16; BINS],
    /// Hashes of its particulars, ascending: all, or the smallest [`PARTICULARS_KEPT`].
    pub particulars: Vec<u32>,
}

impl Signature {
    /// The signature of an article: the body's words (with the title's in front when
    /// the body is short) and its particulars.
    pub fn of(title: &str, body: &str) -> Signature {
        Signature::of_words(&fingerprinted_words(title, body), title, body)
    }

    fn of_words(words: &[u64], title: &str, body: &str) -> Signature {
        let window = SHINGLE.min(words.len().max(1));
        let grams = words.windows(window).map(hash_run);
        let (shingles, bins) = sketch::<BINS>(grams);
        // A title is all particulars in wire style (`TULTEX CORP <TTX> SETS QUARTERLY
        // DIVIDEND`), template words included: it counts only for a brief, whose body
        // has too few particulars of its own.
        let brief = words.len() < SHORT_TEXT_WORDS;
        let mut particulars: Vec<u32> = particulars(if brief { title } else { "" }, body)
            .into_iter()
            .collect();
        particulars.sort_unstable();
        particulars.truncate(PARTICULARS_KEPT);
        Signature {
            shingles,
            bins,
            particulars,
        }
    }

    /// Whether the article had no words to fingerprint.
    pub fn is_empty(&self) -> bool {
        self.shingles == 0
    }

    /// Estimated Jaccard similarity of the two articles' 3-gram sets.
    pub fn jaccard(&self, other: &Signature) -> f64 {
        estimate(&self.bins, &other.bins)
    }

    /// The weighted share of the smaller article's particulars that the other has,
    /// each particular weighing `weight(hash)`. Two samples are compared below the
    /// smaller of their largest hashes, where both are complete (bottom-k sampling).
    pub fn particulars_contained(&self, other: &Signature, weight: impl Fn(u32) -> f64) -> f64 {
        let limit = match (self.particulars.len(), other.particulars.len()) {
            (a, b) if a < PARTICULARS_KEPT && b < PARTICULARS_KEPT => u32::MAX,
            _ => {
                let last = |s: &Signature| s.particulars.last().copied().unwrap_or(u32::MAX);
                last(self).min(last(other))
            }
        };
        let below = |s: &Signature| -> Vec<u32> {
            s.particulars
                .iter()
                .copied()
                .filter(|h| *h <= limit)
                .collect()
        };
        let (mine, theirs) = (below(self), below(other));
        let theirs_set: HashSet<u32> = theirs.iter().copied().collect();
        let total = |list: &[u32]| list.iter().map(|h| weight(*h)).sum::<f64>();
        let shared: f64 = mine
            .iter()
            .filter(|h| theirs_set.contains(h))
            .map(|h| weight(*h))
            .sum();
        let smaller = total(&mine).min(total(&theirs));
        if smaller <= 0.0 {
            return 0.0;
        }
        shared / smaller
    }

    /// The stored form: format byte, 3-gram count, bins, particulars count and
    /// hashes, little-endian.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(FIXED_LEN + 4 * self.particulars.len());
        out.push(FORMAT);
        out.extend_from_slice(&self.shingles.to_le_bytes());
        for bin in self.bins {
            out.extend_from_slice(&bin.to_le_bytes());
        }
        let kept = self.particulars.len().min(PARTICULARS_KEPT) as u16;
        out.extend_from_slice(&kept.to_le_bytes());
        for hash in self.particulars.iter().take(PARTICULARS_KEPT) {
            out.extend_from_slice(&hash.to_le_bytes());
        }
        out
    }

    /// Reads the stored form back; `None` for another format or a damaged length.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() < FIXED_LEN || bytes[0] != FORMAT {
            return None;
        }
        let shingles = u32::from_le_bytes(bytes[1..5].try_into().ok()?);
        let mut bins = [0u16; BINS];
        for (i, slot) in bins.iter_mut().enumerate() {
            *slot = u16::from_le_bytes([bytes[5 + 2 * i], bytes[6 + 2 * i]]);
        }
        let count_at = 5 + 2 * BINS;
        let count = usize::from(u16::from_le_bytes([bytes[count_at], bytes[count_at + 1]]));
        let rest = &bytes[FIXED_LEN..];
        if rest.len() != 4 * count {
            return None;
        }
        let particulars = rest
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Some(Signature {
            shingles,
            bins,
            particulars,
        })
    }
}

/// The share of agreeing bins, less the 2^-16 chance agreement of different values.
fn estimate(a: &[u16], b: &[u16]) -> f64 {
    let equal = a.iter().zip(b).filter(|(x, y)| x == y).count();
    let chance = 1.0 / 65536.0;
    ((equal as f64 / a.len() as f64 - chance) / (1.0 - chance)).max(0.0)
}

/// One-permutation MinHash of a set of 64-bit hashes (repeats ignored): the number of
/// distinct hashes and N densified 16-bit bins.
fn sketch<const N: usize>(hashes: impl Iterator<Item = u64>) -> (u32, [u16; N]) {
    thread_local! {
        /// The distinct-hash set, kept per indexing worker: allocating and growing a
        /// fresh one for every article was a fifth of the fingerprint's cost.
        static SEEN: std::cell::RefCell<FxHashSet<u64>> = std::cell::RefCell::default();
    }
    /// A set grown by one very long article is dropped rather than cleared each time.
    const KEEP_CAPACITY: usize = 1 << 16;
    SEEN.with_borrow_mut(|seen| {
        if seen.capacity() > KEEP_CAPACITY {
            *seen = FxHashSet::default();
        }
        seen.clear();
        seen.reserve(hashes.size_hint().0);
        let mut mins = [u64::MAX; N];
        let bits = N.trailing_zeros();
        for hash in hashes {
            // The hashes are already well mixed: a cheap hasher for the set.
            if !seen.insert(hash) {
                continue;
            }
            // The top bits choose the bin; the rest is the value compared within it.
            let bin = (hash >> (64 - bits)) as usize;
            let value = hash & (u64::MAX >> bits);
            mins[bin] = mins[bin].min(value);
        }
        (
            u32::try_from(seen.len()).unwrap_or(u32::MAX),
            densified(&mins),
        )
    })
}

/// The particulars of an article, as 32-bit hashes of the lowercased words: numbers,
/// capitalized words that do not open a sentence or a line, and the title's words of
/// three letters or more that are not function words.
fn particulars(title: &str, body: &str) -> FxHashSet<u32> {
    let mut out = FxHashSet::default();
    let mut lower = String::new();
    let mut keep = |word: &str, content: bool| {
        // Most words are neither numbers nor content: lowercase only the ones kept.
        let number = word.chars().any(|c| c.is_ascii_digit());
        if !number && !content {
            return;
        }
        lowercase_into(word, &mut lower);
        let calendar = crate::extract::dates::month_number(&lower).is_some()
            || crate::extract::dates::weekday(&lower).is_some();
        if number || !calendar {
            out.insert(xxh3_64(lower.as_bytes()) as u32);
        }
    };
    let mut title_word = String::new();
    for word in title.split(|c: char| !c.is_alphanumeric()) {
        lowercase_into(word, &mut title_word);
        let content = word.chars().count() >= 3 && !TITLE_STOPWORDS.contains(&title_word.as_str());
        keep(word, content);
    }
    for line in body.lines() {
        let mut opens = true;
        for raw in line.split_whitespace() {
            // A number stays whole (`7-3/8`, `1,000`): its parts alone say little.
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            if !word.is_empty() {
                keep(word, capital && !opens);
            }
            opens =
                raw.ends_with(['.', '!', '?', ':', '"', '\u{201d}']) || raw == "-" || raw == "--";
        }
    }
    out
}

/// What the indexing workers compute for each article: its signature, and the story
/// it starts in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Shared by exactly the articles whose fingerprinted words are identical, so
    /// exact copies are one story from the moment they are indexed, without a rewrite.
    pub label: u64,
    pub signature: Signature,
}

impl Fingerprint {
    /// Both from one pass over the article's words.
    pub fn of(title: &str, body: &str) -> Fingerprint {
        let words = fingerprinted_words(title, body);
        Fingerprint {
            label: hash_run(&words),
            signature: Signature::of_words(&words, title, body),
        }
    }
}

/// The words a signature is made of: the body's, with the title's in front when the
/// body is short.
fn fingerprinted_words(title: &str, body: &str) -> Vec<u64> {
    let mut words = normalized_words(body);
    if words.len() < SHORT_BODY_WORDS {
        let mut with_title = normalized_words(title);
        with_title.append(&mut words);
        words = with_title;
    }
    words
}

/// Hashes of the lowercased runs of letters and digits: punctuation, case, line
/// breaks and markup spacing differ between copies of one story and must not count.
///
/// One pass over the characters with an ASCII fast path: this runs on every article
/// an index takes in, and splitting on a closure plus `char::to_lowercase` per letter
/// cost a third of the whole fingerprint (issue 15's overhead budget).
fn normalized_words(text: &str) -> Vec<u64> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut lower: Vec<u8> = Vec::with_capacity(32);
    let mut finish = |lower: &mut Vec<u8>| {
        if !lower.is_empty() {
            out.push(xxh3_64(lower));
            lower.clear();
        }
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() {
                lower.push(b.to_ascii_lowercase());
            } else {
                finish(&mut lower);
            }
            at += 1;
            continue;
        }
        // A multi-byte character: `at` is on a boundary, as every step moves by whole
        // characters.
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        if c.is_alphanumeric() {
            let mut utf8 = [0u8; 4];
            for l in c.to_lowercase() {
                lower.extend_from_slice(l.encode_utf8(&mut utf8).as_bytes());
            }
        } else {
            finish(&mut lower);
        }
        at += c.len_utf8();
    }
    finish(&mut lower);
    out
}

/// `word` lowercased into `into` (cleared first), ASCII without a per-letter case table.
fn lowercase_into(word: &str, into: &mut String) {
    into.clear();
    if word.is_ascii() {
        into.push_str(word);
        into.make_ascii_lowercase();
    } else {
        into.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// The hash of a run of word hashes (a 3-gram, or a whole text), order-sensitive:
/// each step mixes the next word into the running value with SplitMix64's finalizer,
/// so no 3-gram string is ever built.
fn hash_run(words: &[u64]) -> u64 {
    let mix = |mut x: u64| {
        x ^= x >> 30;
        x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x ^= x >> 27;
        x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    };
    words.iter().fold(0x9e37_79b9_7f4a_7c15, |h, w| mix(h ^ w))
}

/// Fills each empty bin from the nearest filled bin to its right (circularly), mixed
/// with the distance, so two texts agree on a filled-in bin about as often as they
/// agree on the bin it copies ("densified one-permutation hashing"); then keeps 16
/// bits of each.
fn densified<const N: usize>(mins: &[u64; N]) -> [u16; N] {
    let mut out = [0u16; N];
    if mins.iter().all(|m| *m == u64::MAX) {
        return out;
    }
    for (i, slot) in out.iter_mut().enumerate() {
        let (distance, value) = (0..N)
            .map(|d| (d, mins[(i + d) % N]))
            .find(|(_, m)| *m != u64::MAX)
            .unwrap_or((0, 0));
        let mixed = if distance == 0 {
            value
        } else {
            xxh3_64(&[value.to_le_bytes(), (distance as u64).to_le_bytes()].concat())
        };
        *slot = mixed as u16;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Iran on Sunday denied any links to al-Qaida after Secretary of State \
        Mike Pompeo accused Tehran of giving the group a new home base. Foreign ministry \
        spokesman Abbas Mousavi said the claims were baseless and part of a campaign of \
        lies. The United States has imposed new sanctions on Iranian officials this year, \
        and Washington says the network operates from Iranian soil with the government's \
        blessing, a charge Iran has rejected many times before in statements and speeches.";

    #[test]
    fn identical_text_is_identical_and_punctuation_does_not_matter() {
        let a = Signature::of("Title", STORY);
        let b = Signature::of("Title", &STORY.replace(',', " ,").replace("  ", " "));
        assert_eq!(a, b);
        assert_eq!(a.jaccard(&b), 1.0);
        let label = |t: &str, b: &str| Fingerprint::of(t, b).label;
        assert_eq!(label("x", STORY), label("y", &STORY.to_uppercase()));
        assert_ne!(label("x", STORY), label("x", &STORY[1..]));
    }

    #[test]
    fn a_truncated_copy_is_close_and_another_story_is_not() {
        let full = Signature::of("", STORY);
        let half: String = STORY.split(' ').take(45).collect::<Vec<_>>().join(" ");
        let truncated = Signature::of("", &half);
        let j = full.jaccard(&truncated);
        assert!(j > 0.3, "truncated copy estimated at {j}");
        let other = Signature::of(
            "",
            "Iran's football team beat Qatar on Sunday in a friendly played in Doha, \
             with two goals from its captain in the second half before a crowd of \
             twenty thousand, and the coach said the side was ready for the Asian Cup \
             that starts next month in the United Arab Emirates after weeks of training.",
        );
        let j = full.jaccard(&other);
        assert!(j < 0.05, "an unrelated story estimated at {j}");
    }

    #[test]
    fn stored_form_round_trips_and_rejects_other_layouts() {
        let s = Signature::of("", STORY);
        let bytes = s.to_bytes();
        assert_eq!(bytes.len(), FIXED_LEN + 4 * s.particulars.len());
        assert_eq!(Signature::from_bytes(&bytes), Some(s));
        assert_eq!(Signature::from_bytes(&bytes[1..]), None);
        let mut other = bytes.clone();
        other[0] = 9;
        assert_eq!(Signature::from_bytes(&other), None);
    }

    /// The definition the fast path must keep: stored labels and signatures of every
    /// existing index depend on these exact hashes.
    fn normalized_words_by_definition(text: &str) -> Vec<u64> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| {
                xxh3_64(
                    w.chars()
                        .flat_map(char::to_lowercase)
                        .collect::<String>()
                        .as_bytes(),
                )
            })
            .collect()
    }

    #[test]
    fn fast_word_hashing_matches_the_definition() {
        for text in [
            STORY,
            "",
            "  --  ",
            "ÉCOLE Normale, İstanbul ΣΟΦΙΑ straße 7-3/8 1,000 U.S.-based naïve\u{00a0}café",
            "Ǆemal's ﬁnance (EC)/OAPEC/OPEC \u{2019}tis 2\u{00bd}",
        ] {
            assert_eq!(
                normalized_words(text),
                normalized_words_by_definition(text),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_short_body_is_fingerprinted_with_its_title() {
        let a = Signature::of("U.S. prime rate unchanged", "");
        let b = Signature::of("Japan raises discount rate", "");
        assert!(!a.is_empty());
        assert!(a.jaccard(&b) < 0.2);
        assert!(Signature::of("", "").is_empty());
    }
}
