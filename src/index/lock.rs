//! The writer lock: one indexing run per index at a time.
//!
//! tantivy locks its own writer, but `--rebuild` may have to delete and recreate the
//! index files before a tantivy writer exists. dateline therefore takes an OS file lock
//! on `dateline-writer.lock` inside the index directory first and holds it for the
//! whole run; the lock dies with the process, so a killed run never leaves it stale.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::Path;

use crate::error::{Error, Result};

/// Name of the lock file inside the index directory.
pub const LOCK_FILE: &str = "dateline-writer.lock";

/// Held for the duration of an indexing run; released on drop.
#[derive(Debug)]
pub struct WriterLock {
    _file: File,
}

impl WriterLock {
    /// Takes the lock, creating the index directory if needed. Fails at once with
    /// [`Error::Locked`] when another process holds it.
    pub fn acquire(index_path: &Path) -> Result<WriterLock> {
        fs::create_dir_all(index_path).map_err(Error::io(index_path))?;
        let path = index_path.join(LOCK_FILE);
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(Error::io(&path))?;
        match file.try_lock() {
            Ok(()) => Ok(WriterLock { _file: file }),
            Err(TryLockError::WouldBlock) => Err(Error::Locked {
                path: index_path.to_path_buf(),
            }),
            Err(TryLockError::Error(e)) => Err(Error::io(&path)(e)),
        }
    }
}
