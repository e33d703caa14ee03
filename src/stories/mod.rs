//! Wire copies: which articles are copies of one story (reprints, cut-downs, updates,
//! edits, OCR-damaged scans), so every view can show a story once.
//!
//! - `signature.rs`: the per-article MinHash [`Signature`] and content label
//!   ([`Fingerprint`]), computed on the indexing workers;
//! - `cluster.rs`: pure grouping of signatures into stories (LSH bands, a check per
//!   candidate pair, transitive union);
//! - `members.rs`: stories read back (the census `dups` prints, one story's members
//!   for `show --copies`, and how a copy's paragraphs differ);
//! - `assign.rs`: the step after each indexing run that reads every signature from the
//!   index, groups them and rewrites the articles whose story label changed.

pub mod assign;
pub mod cluster;
pub mod members;
pub mod signature;

pub use assign::{assign, Assigned};
pub use signature::{Fingerprint, Signature};

/// How a story label is shown: 16 hex digits, as JSON hits, `show` and `dups` print it
/// and `story:` queries take it.
pub fn label_text(label: u64) -> String {
    format!("{label:016x}")
}

/// A label read back from its text (`StoredArticle::story`).
pub fn label_of(text: &str) -> Option<u64> {
    u64::from_str_radix(text, 16).ok()
}
