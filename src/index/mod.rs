//! The on-disk index: creating, opening and checking it, and the typed handles to it.
//!
//! An index directory holds tantivy's files plus `dateline-index.json`, which records
//! the schema version and the archive directory the index was built from. Opening an
//! index checks both, so a stale or foreign index fails with a message naming the
//! command that fixes it, never with a tantivy internals error.

pub mod check;
pub mod coverage;
pub mod document;
pub mod lock;
pub mod manifest;
pub mod ownership;
pub mod schema;
pub mod sentences;
pub mod stemming;
pub mod write;

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::Index;

use crate::error::{Error, Result};
use ownership::IndexDir;
use schema::{Fields, SchemaSpec};

/// File inside the index directory that records what built it.
pub const META_FILE: &str = "dateline-index.json";

/// What `dateline-index.json` holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexMeta {
    /// Schema version the index was built with.
    pub schema_version: u32,
    /// Absolute path of the archive directory the index mirrors.
    pub archive: PathBuf,
    /// Version of dateline that created the index.
    pub created_by: String,
    /// Fingerprint of the alias table the last indexing run used (built-in plus the
    /// `--aliases` file, whose copy is kept as [`ALIASES_FILE`]); searches compare it
    /// with theirs. Absent in indexes made before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aliases_fingerprint: Option<u64>,
}

/// The copy of the user's `--aliases` file the index was last built with, inside the
/// index directory: searches use it when no `--aliases` is given.
pub const ALIASES_FILE: &str = "dateline-aliases.toml";
/// File inside the index directory remembering each archive file's stat and content
/// hash, so a run need not read unchanged files (`ingest::stat_cache`). Only a cache:
/// deleting it costs one run that reads every file.
pub const STAT_CACHE_FILE: &str = "dateline-stat-cache.bin";

/// An open index with its schema handles and recorded metadata.
pub struct DatelineIndex {
    pub index: Index,
    pub fields: Fields,
    pub meta: IndexMeta,
    pub path: PathBuf,
    /// One reader kept for the process's life (`dateline serve`): it reloads itself
    /// after another process commits, and saves each request opening every segment.
    /// `None` for the CLI, whose one search opens a reader once.
    shared_reader: Option<tantivy::IndexReader>,
}

impl DatelineIndex {
    /// Opens an existing index for searching, checking its schema version.
    pub fn open(path: &Path) -> Result<DatelineIndex> {
        let spec = SchemaSpec::embedded()?;
        match ownership::classify(path)? {
            IndexDir::Absent | IndexDir::Empty => {
                return Err(Error::NoIndex {
                    path: path.to_path_buf(),
                })
            }
            IndexDir::Owned => {}
        }
        // dateline's metadata is written before tantivy's files: without `meta.json`
        // the run that created the index was killed before committing anything, unless
        // segment files show that something was committed and `meta.json` was lost.
        if !path.join("meta.json").exists() {
            if ownership::has_segment_files(path) {
                return Err(Error::Corrupt {
                    path: path.to_path_buf(),
                    reason: "tantivy's meta.json is missing".into(),
                });
            }
            return Err(Error::NoIndex {
                path: path.to_path_buf(),
            });
        }
        let meta = read_meta(path, &spec)?;
        let corrupt = |e: tantivy::TantivyError| Error::Corrupt {
            path: path.to_path_buf(),
            reason: e.to_string(),
        };
        let index = Index::open_in_dir(path).map_err(corrupt)?;
        stemming::register(&index);
        // A reader opens every segment file and checks its footer, so a truncated or
        // missing file is reported here, with the fix, not midway through a query.
        index.reader().map_err(corrupt)?;
        let fields = Fields::resolve(&index.schema()).map_err(|_| Error::SchemaVersion {
            path: path.to_path_buf(),
            found: format!("{} (with different fields)", meta.schema_version),
            expected: spec.version,
        })?;
        Ok(DatelineIndex {
            index,
            fields,
            meta,
            path: path.to_path_buf(),
            shared_reader: None,
        })
    }

    /// Creates a new, empty index for `archive` at `path`, replacing the dateline index
    /// that was there (only its own files: see [`ownership`]). dateline's metadata is
    /// written first, so a run killed midway leaves a directory the next run knows as
    /// its own. The caller holds the [`lock::WriterLock`], whose file is kept.
    pub fn create(path: &Path, archive: &Path) -> Result<DatelineIndex> {
        let spec = SchemaSpec::embedded()?;
        ownership::clear_index_files(path)?;
        let meta = IndexMeta {
            schema_version: spec.version,
            archive: archive.to_path_buf(),
            created_by: format!("dateline {}", env!("CARGO_PKG_VERSION")),
            aliases_fingerprint: None,
        };
        write_meta(path, &meta)?;
        let schema = spec.to_tantivy()?;
        let index = Index::create_in_dir(path, schema.clone()).map_err(Error::tantivy(format!(
            "creating the index at {}",
            path.display()
        )))?;
        stemming::register(&index);
        Ok(DatelineIndex {
            index,
            fields: Fields::resolve(&schema)?,
            meta,
            path: path.to_path_buf(),
            shared_reader: None,
        })
    }

    /// A searcher on the index as last committed: one snapshot, so counts, facets and
    /// hits read together cannot disagree with a commit landing meanwhile.
    pub fn searcher(&self) -> Result<tantivy::Searcher> {
        if let Some(reader) = &self.shared_reader {
            return Ok(reader.searcher());
        }
        let reader = self
            .index
            .reader()
            .map_err(Error::tantivy("opening the index"))?;
        Ok(reader.searcher())
    }

    /// Keeps one reader for every later [`searcher`](Self::searcher), reloaded shortly
    /// after each commit (tantivy watches `meta.json`): for a long-running server,
    /// where a reader per request would reopen every segment each time.
    pub fn keep_one_reader(&mut self) -> Result<()> {
        let reader: tantivy::IndexReader = self
            .index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::OnCommitWithDelay)
            .try_into()
            .map_err(Error::tantivy("opening the index"))?;
        self.shared_reader = Some(reader);
        Ok(())
    }

    /// A searcher that keeps no decompressed store blocks: the steps that read every
    /// stored article once (curation rewrites, the stories step) must not keep a huge
    /// article in memory while it is indexed again.
    pub fn uncached_searcher(&self) -> Result<tantivy::Searcher> {
        let reader: tantivy::IndexReader = self
            .index
            .reader_builder()
            .doc_store_cache_num_blocks(0)
            .try_into()
            .map_err(Error::tantivy("opening the index"))?;
        Ok(reader.searcher())
    }

    /// How many live articles hold each value of the `things` field (`org:PC` → 41):
    /// the evidence, one article at a time, that a name is a work, a product or an
    /// event. Deleted articles (replaced versions not yet merged away) do not count.
    pub fn thing_counts(&self) -> Result<std::collections::HashMap<String, u64>> {
        use tantivy::DocSet;
        let searcher = self.uncached_searcher()?;
        let mut counts = std::collections::HashMap::new();
        let read =
            |e: tantivy::TantivyError| Error::tantivy("counting the names shown to be things")(e);
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.things).map_err(read)?;
            let mut stream = inverted.terms().stream().map_err(|e| read(e.into()))?;
            while stream.advance() {
                let mut postings = inverted
                    .read_postings_from_terminfo(
                        stream.value(),
                        tantivy::schema::IndexRecordOption::Basic,
                    )
                    .map_err(|e| read(e.into()))?;
                let mut alive = 0u64;
                let mut doc = postings.doc();
                while doc != tantivy::TERMINATED {
                    if !segment.is_deleted(doc) {
                        alive += 1;
                    }
                    doc = postings.advance();
                }
                if alive > 0 {
                    let label = String::from_utf8_lossy(stream.key()).into_owned();
                    *counts.entry(label).or_insert(0) += alive;
                }
            }
        }
        Ok(counts)
    }
}

/// Records the alias table an indexing run used: its fingerprint in the metadata, and
/// a copy of the user's file (or none, for the built-in table alone), so later searches
/// resolve entity names as the index did.
pub fn record_aliases(
    path: &Path,
    meta: &IndexMeta,
    fingerprint: u64,
    user_file: Option<&str>,
) -> Result<()> {
    let copy = path.join(ALIASES_FILE);
    match user_file {
        Some(text) => {
            let tmp = path.join(format!("{ALIASES_FILE}.tmp"));
            fs::write(&tmp, text).map_err(Error::io(&tmp))?;
            fs::rename(&tmp, &copy).map_err(Error::io(&copy))?;
        }
        None if copy.exists() => fs::remove_file(&copy).map_err(Error::io(&copy))?,
        None => {}
    }
    let updated = IndexMeta {
        aliases_fingerprint: Some(fingerprint),
        ..meta.clone()
    };
    write_meta(path, &updated)
}

fn read_meta(path: &Path, spec: &SchemaSpec) -> Result<IndexMeta> {
    let file = path.join(META_FILE);
    let text = fs::read_to_string(&file).map_err(|_| Error::SchemaVersion {
        path: path.to_path_buf(),
        found: format!("unknown (no {META_FILE})"),
        expected: spec.version,
    })?;
    let meta: IndexMeta = serde_json::from_str(&text).map_err(|e| Error::Corrupt {
        path: path.to_path_buf(),
        reason: format!("{}: {e}", file.display()),
    })?;
    if meta.schema_version != spec.version {
        return Err(Error::SchemaVersion {
            path: path.to_path_buf(),
            found: meta.schema_version.to_string(),
            expected: spec.version,
        });
    }
    Ok(meta)
}

/// Writes the metadata atomically (temp file + rename) so a crash never leaves a
/// half-written file.
fn write_meta(path: &Path, meta: &IndexMeta) -> Result<()> {
    let file = path.join(META_FILE);
    let tmp = path.join(ownership::meta_tmp_name());
    let json = serde_json::to_string_pretty(meta).map_err(|e| Error::Schema(e.to_string()))?;
    fs::write(&tmp, json).map_err(Error::io(&tmp))?;
    fs::rename(&tmp, &file).map_err(Error::io(&file))?;
    Ok(())
}
