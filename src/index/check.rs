//! `dateline check`: is every byte of the index what tantivy wrote?
//!
//! Bit flips and truncated files in segment files go unnoticed until a query happens
//! to read them (a damaged `.store` surfaced as `invalid query: An IO error`). This
//! verifies every file's checksum and reads back every stored article, so damage is
//! found on purpose, named, and answered with the fix.

use std::path::PathBuf;

use tantivy::TantivyDocument;

use super::DatelineIndex;
use crate::error::{Error, Result};

/// What a check found.
#[derive(Debug, Default, serde::Serialize)]
pub struct CheckReport {
    /// Index files whose checksum does not match their contents.
    pub damaged_files: Vec<PathBuf>,
    /// Stored articles read back.
    pub articles_read: u64,
    /// Stored articles that could not be read.
    pub articles_unreadable: u64,
}

impl CheckReport {
    /// True when nothing is wrong.
    pub fn is_clean(&self) -> bool {
        self.damaged_files.is_empty() && self.articles_unreadable == 0
    }
}

/// Checks the index: checksums of every file, then every stored document.
pub fn check(index: &DatelineIndex) -> Result<CheckReport> {
    let mut report = CheckReport::default();
    let mut damaged: Vec<PathBuf> = index
        .index
        .validate_checksum()
        .map_err(|e| Error::Corrupt {
            path: index.path.clone(),
            reason: e.to_string(),
        })?
        .into_iter()
        .collect();
    damaged.sort();
    report.damaged_files = damaged;
    let searcher = index.searcher()?;
    for segment in searcher.segment_readers() {
        let Ok(store) = segment.get_store_reader(1) else {
            report.articles_unreadable += u64::from(segment.num_docs());
            continue;
        };
        for doc in segment.doc_ids_alive() {
            match store.get::<TantivyDocument>(doc) {
                Ok(_) => report.articles_read += 1,
                Err(_) => report.articles_unreadable += 1,
            }
        }
    }
    Ok(report)
}
