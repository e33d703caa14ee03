//! The work done on worker threads: read a file, fingerprint it, and (when it
//! changed) parse and enrich its articles; and the byte budget that bounds how much
//! of that waits for the writer.

use crate::article::Article;
use crate::corpus::walk::ArchiveFile;
use crate::corpus::{self, ReadError};
use crate::extract::Enricher;
use crate::index::manifest::Manifest;

use super::stat_cache::{Entry, StatCache};

/// What a worker thread hands to the writer for one file.
pub(super) enum FileOutcome {
    Unchanged {
        articles: usize,
        /// Known unchanged from its stat alone; the file was not read.
        by_stat: bool,
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

/// What every worker shares for one run.
pub(super) struct Work<'a> {
    /// What the committed index holds per file.
    pub manifest: &'a Manifest,
    /// The stat and content hash of each file as of the last run.
    pub cache: &'a StatCache,
    pub max_file_size: u64,
    pub enricher: &'a Enricher<'a>,
    /// [`Enricher::fingerprint`], mixed into each file's fingerprint.
    pub settings: u64,
    /// Fingerprint articles for wire-copy detection.
    pub stories: bool,
    /// When the run started (ns since the epoch), for the stat cache's racy rule.
    pub started_ns: i64,
}

/// Reads, fingerprints and (when changed) parses one file, unless its stat shows it
/// unchanged since an indexed read. Runs on worker threads. Also returns what the stat
/// cache should remember of the file, when the index will hold it as read.
pub(super) fn process_file(file: &ArchiveFile, work: &Work<'_>) -> (FileOutcome, Option<Entry>) {
    let relative = file.relative.clone();
    let indexed = work.manifest.get(&relative);
    let remember = |hash: u64| {
        (!file.stat.is_racy(work.started_ns)).then(|| Entry {
            relative: relative.clone(),
            stat: file.stat,
            hash,
        })
    };
    // The file's bytes and the enrichment settings: either changing re-reads the file.
    // `Some` when the index holds the file with content `hash` under these settings.
    let unchanged = |hash: u64, by_stat: bool| {
        let known = indexed.filter(|known| known.fingerprint == hash ^ work.settings)?;
        let articles = known.ids.len();
        Some((FileOutcome::Unchanged { articles, by_stat }, remember(hash)))
    };
    if let Some(hash) = work.cache.content_hash(&relative, &file.stat) {
        if let Some(done) = unchanged(hash, true) {
            return done;
        }
    }
    let bytes = match corpus::read_bounded(&file.path, work.max_file_size) {
        Ok(bytes) => bytes,
        Err(error) => return (FileOutcome::Failed { relative, error }, None),
    };
    let hash = xxhash_rust::xxh3::xxh3_64(&bytes);
    let fingerprint = hash ^ work.settings;
    if let Some(done) = unchanged(hash, false) {
        return done;
    }
    let (enricher, stories) = (work.enricher, work.stories);
    let size = bytes.len() as u64;
    // Parsing consumes the bytes: the articles own their text, and the file is never
    // held beside it.
    let parsed = corpus::parse_file(file.format, bytes);
    match parsed {
        Ok(parsed) => {
            let entry = remember(hash);
            let outcome = FileOutcome::Parsed {
                articles: parsed
                    .articles
                    .into_iter()
                    .map(|raw| {
                        let article = enricher.enrich(&relative, raw);
                        let copy = stories.then(|| {
                            crate::stories::Fingerprint::of(&article.title, &article.body)
                        });
                        (article, copy)
                    })
                    .collect(),
                relative,
                fingerprint,
                format: file.format.name(),
                record_errors: parsed.record_errors,
                fallback_encoding: parsed.fallback_encoding,
                bytes: size,
            };
            (outcome, entry)
        }
        Err(error) => (FileOutcome::Failed { relative, error }, None),
    }
}

/// A counting semaphore over file bytes between the workers and the writer (see
/// `ingest::IN_FLIGHT_BYTES`).
pub(super) struct InFlight {
    limit: u64,
    /// (bytes taken, closed): once closed, nobody waits.
    state: std::sync::Mutex<(u64, bool)>,
    freed: std::sync::Condvar,
}

impl InFlight {
    pub(super) fn new(limit: u64) -> InFlight {
        InFlight {
            limit,
            state: std::sync::Mutex::new((0, false)),
            freed: std::sync::Condvar::new(),
        }
    }

    /// Waits until `size` bytes fit (a file over the limit counts as the limit, so it
    /// runs alone rather than never) and takes them; returns what was taken.
    pub(super) fn acquire(&self, size: u64) -> u64 {
        let size = size.min(self.limit);
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        while !state.1 && state.0 + size > self.limit {
            state = self.freed.wait(state).unwrap_or_else(|p| p.into_inner());
        }
        state.0 += size;
        size
    }

    pub(super) fn release(&self, size: u64) {
        let mut state = self.state.lock().unwrap_or_else(|p| p.into_inner());
        state.0 = state.0.saturating_sub(size);
        self.freed.notify_all();
    }

    /// Stops all waiting when the returned guard is dropped (the writer is done).
    pub(super) fn close_on_drop(&self) -> impl Drop + '_ {
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

#[cfg(test)]
mod tests {
    use super::*;

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
