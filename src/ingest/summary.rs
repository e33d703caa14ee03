//! What an indexing run did, for the summary printed to the user and `--format json`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use tantivy::DateTime;

use crate::index::coverage::DateCoverage;

/// The outcome of a run, for the summary printed to the user.
#[derive(Debug, Default, serde::Serialize)]
pub struct Summary {
    pub archive: PathBuf,
    pub files_seen: usize,
    pub files_unchanged: usize,
    /// Of those, the files not even read: their stat was the one remembered when they
    /// were last read (`ingest::stat_cache`).
    pub files_unchanged_by_stat: usize,
    pub files_changed: usize,
    pub files_removed: usize,
    pub files_ignored: usize,
    /// The ignored files by kind (`.pdf` → 3), for the summary line.
    pub ignored_by_kind: BTreeMap<String, usize>,
    pub articles_added: usize,
    pub articles_updated: usize,
    pub articles_removed: usize,
    pub articles_unchanged: usize,
    pub articles_in_index: u64,
    /// Articles read this run, by format.
    pub articles_by_format: BTreeMap<String, usize>,
    pub skipped: Vec<SkippedFile>,
    /// Entries the system refused to read (a directory or file without read
    /// permission, an I/O error), also listed in `skipped`. What was indexed under them
    /// stays as it was, and the run exits non-zero: an unreadable folder is not a
    /// deleted one.
    pub unreadable: Vec<SkippedFile>,
    /// Articles kept as they were because their file or folder could not be read.
    pub articles_kept_unread: usize,
    /// Records inside otherwise good files that could not be read.
    pub record_errors: Vec<SkippedFile>,
    /// Files that were not UTF-8 and were decoded with a legacy encoding.
    pub decoded_with_fallback: Vec<SkippedFile>,
    pub bytes_read: u64,
    pub elapsed_secs: f64,
    /// Where the time went, step by step (reading and indexing, linking names, wire
    /// copies, the final merge): the steps after the main pass run on one thread, and a
    /// user waiting on a big archive can see which one a slow run spent its time in.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<Step>,
    /// How the whole index is dated after the run.
    pub dates: DateCoverage,
    /// Names linked across the archive after indexing (`curation::links`).
    pub linked: crate::curation::links::Linked,
    /// Wire copies found after indexing (`stories::assign`); absent with `--no-stories`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stories: Option<crate::stories::Assigned>,
    /// The `indexed_at` stamp of this run's first commit: articles stamped at or after
    /// it are this run's.
    #[serde(skip)]
    pub first_stamp: Option<DateTime>,
}

/// One step of a run and its wall-clock time.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Step {
    /// What the step did, as the summary names it (`link names`).
    pub step: &'static str,
    /// Its wall-clock seconds: the steps after the main pass run on one thread, so
    /// wall time is what they cost the user.
    pub secs: f64,
}

/// A path and what happened to it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SkippedFile {
    pub path: String,
    pub reason: String,
}

impl Summary {
    /// True when the run changed nothing in the index.
    pub fn nothing_changed(&self) -> bool {
        self.articles_added + self.articles_updated + self.articles_removed == 0
    }
}
