//! Writing to the tantivy index: opening it for an indexing run, commits, the
//! disk-full diagnosis, and compaction. The ingest pipeline (`crate::ingest`) and the
//! archive-wide rewrite steps (links, stories) write through these.

use std::fs;
use std::path::Path;

use tantivy::{IndexWriter, TantivyDocument};

use super::lock::WriterLock;
use super::DatelineIndex;
use crate::error::{Error, Result};

/// Segments at which a run merges the index into one even after a small change.
pub const COMPACT_AT_SEGMENTS: usize = 8;

/// Memory budget of the writer that only merges (it indexes nothing).
const MERGE_BUDGET: usize = 32 * 1024 * 1024;

/// Memory budget of the one-thread writer of the steps that rewrite articles after a
/// run (links, stories, curation). At tantivy's smallest budget (15 MB) such a writer
/// flushes a segment every thousand articles or so: the 49,000 rewrites of Reuters x10
/// made 47 small segments, each with its own term dictionaries, so the final merge
/// mapped 20 MB more of them and peaked at 524-528 MB. At 64 MB they make 4 segments
/// and the peak is 500 MB, under issue 21's 512 MiB (BENCHMARKS.md). The writer takes
/// the memory only as it fills: a rewrite of a few articles still uses a few MB.
pub const REWRITE_BUDGET: usize = 64 * 1024 * 1024;

/// Commits, turning a failure into a message that says what failed (a full disk).
pub fn commit(writer: &mut IndexWriter<TantivyDocument>, index_path: &Path) -> Result<()> {
    writer.commit().map_err(|e| {
        write_failure(
            index_path,
            e,
            format!("committing the index at {}", index_path.display()),
        )
    })?;
    Ok(())
}

/// The error for a failed write to the index. tantivy reports a full disk during
/// indexing as "An index writer was killed" (its thread died of the write error), so
/// a small probe write tells whether the disk is full, and then the message says so.
pub fn write_failure(index_path: &Path, e: tantivy::TantivyError, context: String) -> Error {
    let probe = index_path.join(".dateline-space-probe");
    let full = match fs::write(&probe, [0u8; 64 * 1024]) {
        Err(io) => io.kind() == std::io::ErrorKind::StorageFull,
        Ok(()) => false,
    };
    let _ = fs::remove_file(&probe);
    let says_full = e.to_string().contains("No space left");
    if full || says_full {
        return Error::DiskFull {
            path: index_path.to_path_buf(),
        };
    }
    Error::Tantivy { context, source: e }
}

/// Compacts the index at `index_path` after a step that rewrote `changed` articles
/// outside an indexing run (archive-wide links, stories), by the same rule as a run's
/// end, so a run still leaves one segment where it would have.
pub fn compact_after(index_path: &Path, changed: usize) -> Result<()> {
    let handle = super::DatelineIndex::open(index_path)?;
    let _lock = WriterLock::acquire(index_path)?;
    compact(&handle.index, changed, index_path)
}

/// Merges the index into one segment after a run that changed a good part of it (or
/// left many segments). Queries then touch one term dictionary instead of several, and
/// facets can name only each field's top values (see `search::facets`): at 215,780
/// articles a faceted query takes half the time. A small update leaves its new segment
/// alone, so re-indexing a few files stays cheap. A crash during the merge leaves the
/// last commit in place.
pub fn compact(index: &tantivy::Index, changed: usize, index_path: &Path) -> Result<()> {
    let metas = index
        .searchable_segment_metas()
        .map_err(Error::tantivy("listing segments"))?;
    let segments: Vec<_> = metas.iter().map(|m| m.id()).collect();
    let docs: u64 = metas.iter().map(|m| u64::from(m.num_docs())).sum();
    // A live SegmentMeta keeps its segment's files from tantivy's garbage collection,
    // which runs as the merge ends: held past this point, the merged-away segments'
    // files would stay on disk (doubling the index) until a later run.
    drop(metas);
    let worthwhile = (changed as u64) * 4 >= docs || segments.len() >= COMPACT_AT_SEGMENTS;
    if segments.len() <= 1 || !worthwhile {
        return Ok(());
    }
    let mut merger: IndexWriter<TantivyDocument> = index
        .writer_with_num_threads(1, MERGE_BUDGET)
        .map_err(|e| lock_error(index_path, e))?;
    merger
        .merge(&segments)
        .wait()
        .map_err(Error::tantivy("merging segments"))?;
    merger
        .wait_merging_threads()
        .map_err(Error::tantivy("merging segments"))?;
    Ok(())
}

/// Opens the index for an indexing run, creating it when absent or when rebuilding
/// requires new files (another schema version, unreadable index).
pub fn open_for_writing(index_path: &Path, archive: &Path, rebuild: bool) -> Result<DatelineIndex> {
    match DatelineIndex::open(index_path) {
        Ok(handle) => {
            if !rebuild && handle.meta.archive != archive {
                return Err(Error::OtherArchive {
                    path: index_path.to_path_buf(),
                    recorded: handle.meta.archive.clone(),
                    given: archive.to_path_buf(),
                });
            }
            if rebuild && handle.meta.archive != archive {
                return DatelineIndex::create(index_path, archive);
            }
            Ok(handle)
        }
        Err(Error::NoIndex { .. }) => DatelineIndex::create(index_path, archive),
        Err(e @ (Error::SchemaVersion { .. } | Error::Corrupt { .. })) => {
            if rebuild {
                DatelineIndex::create(index_path, archive)
            } else {
                Err(e)
            }
        }
        Err(e) => Err(e),
    }
}

/// A writer that cannot be opened because another holds the lock says so.
pub fn lock_error(index_path: &Path, e: tantivy::TantivyError) -> Error {
    match e {
        tantivy::TantivyError::LockFailure(..) => Error::Locked {
            path: index_path.to_path_buf(),
        },
        other => Error::Tantivy {
            context: format!("opening a writer on {}", index_path.display()),
            source: other,
        },
    }
}
