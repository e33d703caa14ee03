//! One indexing run: walk the archive, read and parse changed files on worker
//! threads, and bring the index in line with the archive through a single
//! `IndexWriter`. The pipeline lives here; tantivy storage (opening for writing,
//! commits, compaction) is `index::write`, the progress bar `output::progress`.
//!
//! Invariants:
//! - a file's articles are added (and its old articles deleted) between the same two
//!   commits, so an interrupted run leaves each file either fully old or fully new;
//! - unchanged files (same xxh3 fingerprint) are not parsed again, which also makes an
//!   interrupted run resumable: committed files are skipped on the next run;
//! - memory is bounded: parsed files wait in a bounded channel, and the writer flushes
//!   segments within its memory budget and commits every [`COMMIT_EVERY`] articles.

mod apply;
pub mod stat_cache;
mod summary;
mod worker;

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crossbeam_channel::bounded;
use rayon::prelude::*;
use tantivy::merge_policy::NoMergePolicy;
use tantivy::{DateTime, IndexWriter, TantivyDocument, Term};

use crate::corpus::walk::{self, Skipped};
use crate::error::{Error, Result};
use crate::extract::aliases::Aliases;
use crate::extract::ner::Tagger;
use crate::extract::Enricher;
use crate::index::coverage::date_coverage;
use crate::index::lock::WriterLock;
use crate::index::manifest::{self, Manifest};
pub use crate::index::write::compact_after;
use crate::index::write::{commit, compact, lock_error, open_for_writing};
use crate::output::progress::progress_bar;
use stat_cache::{Entry, StatCache};
pub use summary::{SkippedFile, Step, Summary};
use worker::{process_file, FileOutcome, InFlight, Work};

/// Articles added between two commits: what a crash can cost is redoing this many
/// (about 6 s of indexing with extraction on 2 cores). Each commit also leaves a
/// segment for the final merge, so commits are not made more often than that.
pub const COMMIT_EVERY: usize = 50_000;
/// Longest time between two commits while articles are pending: whatever the
/// archive holds (a few huge files, a slow disk), a kill or crash loses at most about
/// this much work, and files indexed earlier are safe.
const COMMIT_AT_LEAST_EVERY: std::time::Duration = std::time::Duration::from_secs(60);
/// Parsed files allowed to wait for the writer.
const QUEUE: usize = 64;
/// File bytes read but not yet handed to tantivy, all workers together (a larger file
/// waits until it is the only one in flight). Parsed and enriched articles cost a few
/// times their file's size, so this bounds the run's memory whatever the archive:
/// 64 queued 30 MB JSONL files would otherwise hold gigabytes.
const IN_FLIGHT_BYTES: u64 = 32 * 1024 * 1024;

/// How many threads tantivy indexes with. With extraction on, the workers that read
/// and tag files do most of the work and one indexing thread keeps up with them (at
/// 215,780 articles its loop finished no later than with two); each commit then
/// leaves one segment instead of one per thread, so the final merge has less to do.
/// Without extraction, indexing is the work, and gets both cores.
fn indexing_threads(extract: bool) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    if extract {
        1
    } else {
        cores.min(8)
    }
}

/// Memory budget of the tantivy writer, all threads together.
const WRITER_BUDGET: usize = 192 * 1024 * 1024;

/// What the user asked of this run.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Archive directory to index.
    pub archive: PathBuf,
    /// Start from an empty index.
    pub rebuild: bool,
    /// Files larger than this are skipped.
    pub max_file_size: u64,
    /// Draw a progress bar on stderr.
    pub progress: bool,
    /// Archive paths to leave out (`--exclude` globs).
    pub excludes: globset::GlobSet,
    /// Run entity extraction on article text (`--no-extract` turns it off).
    pub extract: bool,
    /// Alias table: the shipped one, plus the user's `--aliases` file.
    pub aliases: Aliases,
    /// The text of the user's `--aliases` file, kept with the index so searches resolve
    /// names as this run did.
    pub aliases_file_text: Option<String>,
    /// Articles between commits (`--commit-every`, default [`COMMIT_EVERY`]).
    pub commit_every: usize,
    /// Merge the segments at the end of the run. Off when the caller rewrites articles
    /// right after (archive-wide links) and compacts once with [`compact_after`]: a
    /// second full merge of a large index costs seconds.
    pub compact: bool,
    /// What the user said about dates: sidecar, path pattern, default, years.
    pub dates: crate::extract::user_dates::UserDates,
    /// Fingerprint each article for wire-copy detection (`--no-stories` turns it off;
    /// the grouping itself is `stories::assign`, after the run).
    pub stories: bool,
}

/// Runs one indexing pass of `options.archive` into the index at `index_path`.
pub fn run(index_path: &Path, options: &IndexOptions) -> Result<Summary> {
    let started = Instant::now();
    let started_ns = chrono::Utc::now().timestamp_nanos_opt().unwrap_or(i64::MAX);
    let archive = canonical_archive(&options.archive)?;
    crate::index::ownership::check_separate(index_path, &archive)?;
    crate::index::ownership::classify(index_path)?;
    let _lock = WriterLock::acquire(index_path)?;
    let handle = open_for_writing(index_path, &archive, options.rebuild)?;
    let mut writer: IndexWriter<TantivyDocument> = handle
        .index
        .writer_with_num_threads(indexing_threads(options.extract), WRITER_BUDGET)
        .map_err(|e| lock_error(index_path, e))?;
    // Files a killed run left behind (a merge's output, say) belong to no commit:
    // collect them now, or they would stay on disk for good.
    writer
        .garbage_collect_files()
        .wait()
        .map_err(Error::tantivy("removing files no commit uses"))?;
    // No merging while indexing: `compact` merges once at the end, so a full run
    // rewrites each article once instead of once per merge level.
    writer.set_merge_policy(Box::new(NoMergePolicy));
    // The committed snapshot is only read here: held for the whole run, it would keep
    // the files of segments this run deletes or merges away from garbage collection.
    let (mut stamp, manifest) = {
        let committed = handle.searcher()?;
        let stamp = next_stamp(manifest::latest_stamp(&committed)?);
        let manifest = if options.rebuild {
            writer
                .delete_all_documents()
                .map_err(Error::tantivy("clearing the index"))?;
            Manifest::new()
        } else {
            manifest::load(&committed)?
        };
        (stamp, manifest)
    };

    let exclude = fs::canonicalize(index_path).ok();
    let listing = walk::walk(&archive, exclude.as_deref(), &options.excludes);
    let mut summary = Summary {
        archive: archive.clone(),
        files_seen: listing.files.len() + listing.skipped.len(),
        files_ignored: listing.ignored,
        ignored_by_kind: listing.ignored_by_kind.clone(),
        skipped: listing.skipped.iter().map(skipped).collect(),
        unreadable: listing
            .skipped
            .iter()
            .filter(|s| s.unreadable)
            .map(skipped)
            .collect(),
        first_stamp: Some(stamp),
        ..Summary::default()
    };
    let tagger = if options.extract {
        Some(Tagger::embedded().map_err(|e| Error::Model(e.to_string()))?)
    } else {
        None
    };
    let curation = crate::curation::Overlay::load(index_path)?;
    let enricher = Enricher {
        aliases: &options.aliases,
        tagger,
        curation: &curation,
        dates: &options.dates,
    };
    let progress = progress_bar(options.progress, &listing.files);
    let mut pending = 0usize;
    let mut last_commit = Instant::now();

    // A rebuild trusts nothing of the old index, its stat cache included.
    let cache = if options.rebuild {
        stat_cache::remove(index_path).map_err(Error::io(index_path))?;
        StatCache::default()
    } else {
        StatCache::load(index_path)
    };
    let mut remembered: Vec<Entry> = Vec::with_capacity(listing.files.len());
    let (tx, rx) = bounded::<(u64, u64, FileOutcome, Option<Entry>)>(QUEUE);
    let in_flight = InFlight::new(IN_FLIGHT_BYTES);
    std::thread::scope(|scope| -> Result<()> {
        let in_flight = &in_flight;
        let files = &listing.files;
        let manifest = &manifest;
        let work = Work {
            manifest,
            cache: &cache,
            max_file_size: options.max_file_size,
            enricher: &enricher,
            // Computed once: hashing the model and data files takes a few milliseconds.
            settings: enricher.fingerprint(),
            stories: options.stories,
            started_ns,
        };
        scope.spawn(move || {
            files.par_iter().for_each_with(tx, |tx, file| {
                // A send error means the writer stopped; nothing left to do.
                let bytes = in_flight.acquire(file.size);
                let (outcome, entry) = process_file(file, &work);
                if tx.send((file.size, bytes, outcome, entry)).is_err() {
                    in_flight.release(bytes);
                }
            });
        });
        // However the writer's loop ends, workers waiting for room must not wait forever.
        let _closed = in_flight.close_on_drop();
        for (size, taken, outcome, entry) in rx {
            progress.inc(size);
            remembered.extend(entry);
            let applied = apply::apply(&writer, &handle, outcome, manifest, stamp, &mut summary);
            in_flight.release(taken);
            pending += applied?;
            progress.set_message(format!(
                "{} articles",
                summary.articles_added + summary.articles_updated + summary.articles_unchanged
            ));
            if commit_due(pending, options.commit_every, last_commit.elapsed()) {
                commit(&mut writer, index_path)?;
                last_commit = Instant::now();
                pending = 0;
                stamp = next_stamp(Some(stamp));
            }
        }
        Ok(())
    })?;

    let seen: HashSet<&str> = listing
        .files
        .iter()
        .map(|f| f.relative.as_str())
        .chain(listing.skipped.iter().map(|s| s.path.as_str()))
        .collect();
    let unreadable: Vec<&str> = listing
        .skipped
        .iter()
        .filter(|s| s.unreadable)
        .map(|s| s.path.as_str())
        .collect();
    for (path, entry) in &manifest {
        if seen.contains(path.as_str()) {
            continue;
        }
        if unreadable.iter().any(|dir| lies_under(path, dir)) {
            summary.articles_kept_unread += entry.ids.len();
            continue;
        }
        writer.delete_term(Term::from_field_text(handle.fields.path, path));
        summary.files_removed += 1;
        summary.articles_removed += entry.ids.len();
    }
    progress.finish_and_clear();
    if !summary.nothing_changed() || options.rebuild {
        commit(&mut writer, index_path)?;
        writer
            .wait_merging_threads()
            .map_err(Error::tantivy("merging segments"))?;
        if options.compact {
            let changed =
                summary.articles_added + summary.articles_updated + summary.articles_removed;
            compact(&handle.index, changed, index_path)?;
        }
    }
    save_stat_cache(index_path, &cache, remembered);
    crate::index::record_aliases(
        index_path,
        &handle.meta,
        options.aliases.fingerprint(),
        options.aliases_file_text.as_deref(),
    )?;
    let searcher = handle.searcher()?;
    summary.articles_in_index = searcher.num_docs();
    summary.dates = date_coverage(&searcher, &handle.fields)?;
    summary.elapsed_secs = started.elapsed().as_secs_f64();
    summary
        .skipped
        .sort_by(|a, b| a.path.cmp(&b.path).then(a.reason.cmp(&b.reason)));
    summary.record_errors.sort_by(|a, b| a.path.cmp(&b.path));
    summary
        .decoded_with_fallback
        .sort_by(|a, b| a.path.cmp(&b.path));
    Ok(summary)
}

/// Saves what this run knows of each file's stat, after its last commit (so every
/// entry describes what the index holds), unless it is what the cache already held.
/// Failing to save costs the next run time, not correctness, so it is not an error.
fn save_stat_cache(index_path: &Path, cache: &StatCache, mut remembered: Vec<Entry>) {
    let same = remembered.len() == cache.len()
        && remembered
            .iter()
            .all(|e| cache.content_hash(&e.relative, &e.stat) == Some(e.hash));
    if same {
        return;
    }
    remembered.sort_unstable_by(|a, b| a.relative.cmp(&b.relative));
    let _ = stat_cache::save(index_path, &remembered);
}

/// Whether to commit now, with `pending` articles added since the last commit
/// `since` ago: every `commit_every` articles, and at least every
/// [`COMMIT_AT_LEAST_EVERY`] while anything is pending.
fn commit_due(pending: usize, commit_every: usize, since: std::time::Duration) -> bool {
    pending >= commit_every || (pending > 0 && since >= COMMIT_AT_LEAST_EVERY)
}

/// The `indexed_at` stamp of a new commit batch: now, but always later than `previous`
/// (the newest stamp already committed), so stamps grow strictly from batch to batch
/// even when clocks step back. Saved queries rely on this for `--new`.
fn next_stamp(previous: Option<DateTime>) -> DateTime {
    let now = chrono::Utc::now().timestamp_micros();
    let floor = previous.map_or(i64::MIN, |p| p.into_timestamp_micros().saturating_add(1));
    DateTime::from_timestamp_micros(now.max(floor))
}

fn canonical_archive(archive: &Path) -> Result<PathBuf> {
    let bad = |reason: String| Error::BadArchive {
        path: archive.to_path_buf(),
        reason,
    };
    let path = fs::canonicalize(archive).map_err(|e| bad(e.to_string()))?;
    if !path.is_dir() {
        return Err(bad("not a directory".into()));
    }
    Ok(path)
}

/// True when the archive-relative `path` is `dir` or lies inside it (`""` is the
/// archive root, which holds everything).
fn lies_under(path: &str, dir: &str) -> bool {
    dir.is_empty()
        || path
            .strip_prefix(dir)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

fn skipped(s: &Skipped) -> SkippedFile {
    SkippedFile {
        path: s.path.clone(),
        reason: s.reason.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn commits_by_count_and_by_time_but_never_empty() {
        let now = Duration::ZERO;
        assert!(!commit_due(10, 50_000, now));
        assert!(commit_due(50_000, 50_000, now));
        assert!(commit_due(1, 50_000, COMMIT_AT_LEAST_EVERY));
        assert!(!commit_due(0, 50_000, COMMIT_AT_LEAST_EVERY * 10));
    }
}
