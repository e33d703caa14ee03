//! One indexing run: walk the archive, parse changed files in parallel, and bring the
//! index in line with the archive through a single `IndexWriter`.
//!
//! Invariants:
//! - a file's articles are added (and its old articles deleted) between the same two
//!   commits, so an interrupted run leaves each file either fully old or fully new;
//! - unchanged files (same xxh3 fingerprint) are not parsed again, which also makes an
//!   interrupted run resumable: committed files are skipped on the next run;
//! - memory is bounded: parsed files wait in a bounded channel, and the writer flushes
//!   segments within its memory budget and commits every [`COMMIT_EVERY`] articles.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crossbeam_channel::bounded;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use tantivy::merge_policy::NoMergePolicy;
use tantivy::{DateTime, IndexWriter, TantivyDocument, Term};

use super::lock::WriterLock;
use super::manifest::{self, Manifest};
use super::{document, DatelineIndex};
use crate::article::Article;
use crate::corpus::walk::{self, ArchiveFile, Skipped};
use crate::corpus::{self, ReadError};
use crate::error::{Error, Result};
use crate::extract::aliases::Aliases;
use crate::extract::ner::Tagger;
use crate::extract::Enricher;

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
/// Segments at which a run merges the index into one even after a small change.
const COMPACT_AT_SEGMENTS: usize = 8;

/// Memory budget of the writer that only merges (it indexes nothing).
const MERGE_BUDGET: usize = 32 * 1024 * 1024;

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

/// The outcome of a run, for the summary printed to the user.
#[derive(Debug, Default, serde::Serialize)]
pub struct Summary {
    pub archive: PathBuf,
    pub files_seen: usize,
    pub files_unchanged: usize,
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

/// How many articles of the index have a date, and from where, and the range: a
/// timeline over an archive that is mostly undated says little, and the user should
/// know before drawing one.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct DateCoverage {
    pub dated: u64,
    /// Dated from their text (a dateline), the least trusted source.
    pub from_text: u64,
    pub undated: u64,
    /// `YYYY-MM-DD` of the oldest and newest dated article.
    pub first: Option<String>,
    pub last: Option<String>,
}

impl DateCoverage {
    /// `, 1987-02-26 to 1987-10-20` when anything is dated, else nothing: the tail of
    /// the summary's and `stats`' dates line.
    pub fn range_suffix(&self) -> String {
        match (&self.first, &self.last) {
            (Some(first), Some(last)) => format!(", {first} to {last}"),
            _ => String::new(),
        }
    }
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

/// What a worker thread hands to the writer for one file.
enum FileOutcome {
    Unchanged {
        articles: usize,
    },
    Parsed {
        relative: String,
        fingerprint: u64,
        format: &'static str,
        /// Each article with its wire-copy fingerprint (none with `--no-stories`).
        articles: Vec<(Article, Option<crate::stories::Fingerprint>)>,
        record_errors: Vec<String>,
        fallback_encoding: Option<&'static str>,
        bytes: u64,
    },
    Failed {
        relative: String,
        error: ReadError,
    },
}

/// Runs one indexing pass of `options.archive` into the index at `index_path`.
pub fn run(index_path: &Path, options: &IndexOptions) -> Result<Summary> {
    let started = Instant::now();
    let archive = canonical_archive(&options.archive)?;
    super::ownership::check_separate(index_path, &archive)?;
    super::ownership::classify(index_path)?;
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

    let (tx, rx) = bounded::<(u64, u64, FileOutcome)>(QUEUE);
    let in_flight = InFlight::new(IN_FLIGHT_BYTES);
    std::thread::scope(|scope| -> Result<()> {
        let in_flight = &in_flight;
        let files = &listing.files;
        let manifest = &manifest;
        let max = options.max_file_size;
        let enricher = &enricher;
        let stories = options.stories;
        // Computed once: hashing the model and data files takes a few milliseconds.
        let settings = enricher.fingerprint();
        scope.spawn(move || {
            files.par_iter().for_each_with(tx, |tx, file| {
                // A send error means the writer stopped; nothing left to do.
                let bytes = in_flight.acquire(file.size);
                let outcome = process_file(file, manifest, max, enricher, settings, stories);
                if tx.send((file.size, bytes, outcome)).is_err() {
                    in_flight.release(bytes);
                }
            });
        });
        // However the writer's loop ends, workers waiting for room must not wait forever.
        let _closed = in_flight.close_on_drop();
        for (size, taken, outcome) in rx {
            progress.inc(size);
            let applied = apply(&writer, &handle, outcome, manifest, stamp, &mut summary);
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
    super::record_aliases(
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

/// Counts dated, text-dated and undated articles and finds the date range (for the
/// run summary and `dateline stats`).
pub fn date_coverage(
    searcher: &tantivy::Searcher,
    fields: &super::schema::Fields,
) -> Result<DateCoverage> {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{ExistsQuery, TermQuery};
    use tantivy::schema::IndexRecordOption;
    use tantivy::Order;
    let dated_query = ExistsQuery::new("date".to_string(), false);
    let dated = searcher
        .search(&dated_query, &Count)
        .map_err(Error::tantivy("counting dated articles"))? as u64;
    let from_text = searcher
        .search(
            &TermQuery::new(
                Term::from_field_text(fields.date_source, "text"),
                IndexRecordOption::Basic,
            ),
            &Count,
        )
        .map_err(Error::tantivy("counting articles dated from text"))? as u64;
    let end = |order: Order| -> Result<Option<String>> {
        let top = searcher
            .search(
                &dated_query,
                &TopDocs::with_limit(1).order_by_fast_field::<DateTime>("date", order),
            )
            .map_err(Error::tantivy("finding the date range"))?;
        Ok(top
            .first()
            .and_then(|(date, _)| date.and_then(super::document::datetime_to_day))
            .map(|d| d.format("%Y-%m-%d").to_string()))
    };
    Ok(DateCoverage {
        dated,
        from_text,
        undated: searcher.num_docs().saturating_sub(dated),
        first: end(Order::Asc)?,
        last: end(Order::Desc)?,
    })
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

/// Reads, fingerprints and (when changed) parses one file. Runs on worker threads.
fn process_file(
    file: &ArchiveFile,
    manifest: &Manifest,
    max_file_size: u64,
    enricher: &Enricher<'_>,
    settings: u64,
    stories: bool,
) -> FileOutcome {
    let relative = file.relative.clone();
    let bytes = match corpus::read_bounded(&file.path, max_file_size) {
        Ok(bytes) => bytes,
        Err(error) => return FileOutcome::Failed { relative, error },
    };
    // The file's bytes and the enrichment settings: either changing re-reads the file.
    let fingerprint = xxhash_rust::xxh3::xxh3_64(&bytes) ^ settings;
    if let Some(known) = manifest.get(&relative) {
        if known.fingerprint == fingerprint {
            return FileOutcome::Unchanged {
                articles: known.ids.len(),
            };
        }
    }
    let size = bytes.len() as u64;
    // Parsing consumes the bytes: the articles own their text, and the file is never
    // held beside it.
    let parsed = corpus::parse_file(file.format, bytes);
    match parsed {
        Ok(parsed) => FileOutcome::Parsed {
            articles: parsed
                .articles
                .into_iter()
                .map(|raw| {
                    let article = enricher.enrich(&relative, raw);
                    let copy = stories
                        .then(|| crate::stories::Fingerprint::of(&article.title, &article.body));
                    (article, copy)
                })
                .collect(),
            relative,
            fingerprint,
            format: file.format.name(),
            record_errors: parsed.record_errors,
            fallback_encoding: parsed.fallback_encoding,
            bytes: size,
        },
        Err(error) => FileOutcome::Failed { relative, error },
    }
}

/// A counting semaphore over file bytes between the workers and the writer (see
/// [`IN_FLIGHT_BYTES`]).
struct InFlight {
    limit: u64,
    /// (bytes taken, closed): once closed, nobody waits.
    state: std::sync::Mutex<(u64, bool)>,
    freed: std::sync::Condvar,
}

impl InFlight {
    fn new(limit: u64) -> InFlight {
        InFlight {
            limit,
            state: std::sync::Mutex::new((0, false)),
            freed: std::sync::Condvar::new(),
        }
    }

    /// Waits until `size` bytes fit (a file over the limit counts as the limit, so it
    /// runs alone rather than never) and takes them; returns what was taken.
    fn acquire(&self, size: u64) -> u64 {
        let size = size.min(self.limit);
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        while !state.1 && state.0 + size > self.limit {
            state = self.freed.wait(state).unwrap_or_else(|p| p.into_inner());
        }
        state.0 += size;
        size
    }

    fn release(&self, size: u64) {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        state.0 = state.0.saturating_sub(size);
        self.freed.notify_all();
    }

    /// Stops all waiting when the returned guard is dropped (the writer is done).
    fn close_on_drop(&self) -> impl Drop + '_ {
        struct Close<'a>(&'a InFlight);
        impl Drop for Close<'_> {
            fn drop(&mut self) {
                let mut state = self.0.state.lock().unwrap_or_else(|p| p.into_inner());
                state.1 = true;
                self.0.freed.notify_all();
            }
        }
        Close(self)
    }
}

/// Applies one file's outcome to the writer and the summary; returns articles added.
fn apply(
    writer: &IndexWriter<TantivyDocument>,
    handle: &DatelineIndex,
    outcome: FileOutcome,
    manifest: &Manifest,
    indexed_at: DateTime,
    summary: &mut Summary,
) -> Result<usize> {
    match outcome {
        FileOutcome::Unchanged { articles, .. } => {
            summary.files_unchanged += 1;
            summary.articles_unchanged += articles;
            Ok(0)
        }
        FileOutcome::Failed { relative, error } => {
            if matches!(&error, ReadError::Io(e) if e.kind() != std::io::ErrorKind::NotFound) {
                summary.articles_kept_unread += manifest.get(&relative).map_or(0, |e| e.ids.len());
                summary.unreadable.push(SkippedFile {
                    path: relative.clone(),
                    reason: error.to_string(),
                });
            }
            summary.skipped.push(SkippedFile {
                path: relative,
                reason: error.to_string(),
            });
            Ok(0)
        }
        FileOutcome::Parsed {
            relative,
            fingerprint,
            format,
            articles,
            record_errors,
            fallback_encoding,
            bytes,
        } => {
            summary.bytes_read += bytes;
            let old: HashSet<&str> = match manifest.get(&relative) {
                Some(entry) => {
                    writer.delete_term(Term::from_field_text(handle.fields.path, &relative));
                    summary.files_changed += 1;
                    entry.ids.iter().map(String::as_str).collect()
                }
                None => HashSet::new(),
            };
            let mut kept = 0;
            let count = articles.len();
            // Each article is dropped once tantivy has it, so a large file's articles
            // and tantivy's buffers do not both peak at once.
            for (article, copy) in articles {
                if old.contains(article.id.as_str()) {
                    summary.articles_updated += 1;
                    kept += 1;
                } else {
                    summary.articles_added += 1;
                }
                let doc = document::to_document(
                    &handle.fields,
                    &article,
                    copy.as_ref(),
                    fingerprint,
                    indexed_at,
                );
                writer.add_document(doc).map_err(|e| {
                    write_failure(&handle.path, e, format!("adding {}", article.id))
                })?;
            }
            summary.articles_removed += old.len() - kept;
            *summary
                .articles_by_format
                .entry(format.to_string())
                .or_default() += count;
            summary
                .record_errors
                .extend(record_errors.into_iter().map(|reason| SkippedFile {
                    path: relative.clone(),
                    reason,
                }));
            if let Some(encoding) = fallback_encoding {
                summary.decoded_with_fallback.push(SkippedFile {
                    path: relative,
                    reason: format!("not UTF-8; decoded as {encoding}"),
                });
            }
            Ok(count)
        }
    }
}

fn commit(writer: &mut IndexWriter<TantivyDocument>, index_path: &Path) -> Result<()> {
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
fn write_failure(index_path: &Path, e: tantivy::TantivyError, context: String) -> Error {
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

/// Merges the index into one segment after a run that changed a good part of it (or
/// left many segments). Queries then touch one term dictionary instead of several, and
/// facets can name only each field's top values (see `search::facets`): at 215,780
/// articles a faceted query takes half the time. A small update leaves its new segment
/// alone, so re-indexing a few files stays cheap. A crash during the merge leaves the
/// last commit in place.
/// Compacts the index at `index_path` after a step that rewrote `changed` articles
/// outside an indexing run (archive-wide links), by the same rule as a run's end, so
/// a run still leaves one segment where it would have.
pub fn compact_after(index_path: &Path, changed: usize) -> Result<()> {
    let handle = super::DatelineIndex::open(index_path)?;
    let _lock = WriterLock::acquire(index_path)?;
    compact(&handle.index, changed, index_path)
}

fn compact(index: &tantivy::Index, changed: usize, index_path: &Path) -> Result<()> {
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

/// Opens the index for an indexing run, creating it when absent or when rebuilding
/// requires new files (another schema version, unreadable index).
fn open_for_writing(index_path: &Path, archive: &Path, rebuild: bool) -> Result<DatelineIndex> {
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

fn lock_error(index_path: &Path, e: tantivy::TantivyError) -> Error {
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

fn progress_bar(enabled: bool, files: &[ArchiveFile]) -> ProgressBar {
    if !enabled || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let total: u64 = files.iter().map(|f| f.size).sum();
    let bar = ProgressBar::new(total);
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, eta {eta}) {msg}",
    ) {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
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

    #[test]
    fn in_flight_bytes_are_bounded_and_a_large_file_runs_alone() {
        let budget = InFlight::new(100);
        assert_eq!(budget.acquire(60), 60);
        assert_eq!(budget.acquire(40), 40);
        // Over the limit counts as the limit: it waits until everything is released.
        let taken = std::thread::scope(|scope| {
            let waiter = scope.spawn(|| budget.acquire(1_000));
            budget.release(60);
            budget.release(40);
            waiter.join().expect("waiter")
        });
        assert_eq!(taken, 100);
        // Once the writer is done nobody waits, even over the limit.
        drop(budget.close_on_drop());
        assert_eq!(budget.acquire(50), 50);
    }
}
