//! Library error type. Every variant carries what a user needs to act: the path, the
//! position, or the command to run next. The binary adds context with `anyhow` and maps
//! errors to exit code 2.

use std::path::PathBuf;

/// Errors raised by the dateline library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The embedded schema could not be parsed or is inconsistent with the code.
    #[error("index schema: {0}")]
    Schema(String),

    /// No index exists where one was expected.
    #[error("no dateline index at {path}: run `dateline index DIR` first (or pass --index PATH)")]
    NoIndex { path: PathBuf },

    /// The index was built with another schema version.
    #[error("the index at {path} was built with schema version {found}, this dateline uses version {expected}: re-run `dateline index --rebuild DIR`")]
    SchemaVersion {
        path: PathBuf,
        found: String,
        expected: u32,
    },

    /// `--index` names something dateline did not create: it is never used, changed or
    /// deleted, whatever the flags (so the message does not suggest `--rebuild`).
    #[error("{path} is not a dateline index ({reason}); dateline will not use, change or delete it: pass --index with a new or empty directory")]
    NotAnIndex { path: PathBuf, reason: String },

    /// The index and the archive overlap, so a rebuild could reach articles or the
    /// index files would be read as articles.
    #[error("the index {index} and the archive {archive} overlap ({reason}): pass --index with a directory outside the archive")]
    IndexInArchive {
        index: PathBuf,
        archive: PathBuf,
        reason: String,
    },

    /// The index exists but cannot be opened (missing or corrupt files).
    #[error(
        "the index at {path} is damaged ({reason}): re-run `dateline index --rebuild DIR` (`dateline check` lists the damage)"
    )]
    Corrupt { path: PathBuf, reason: String },

    /// Another process holds the index writer lock.
    #[error("the index at {path} is locked by another dateline process (an indexing run is in progress); try again when it finishes")]
    Locked { path: PathBuf },

    /// The index was built from another archive directory.
    #[error("the index at {path} holds the archive {recorded}, not {given}: use --rebuild to replace it, or --index to keep a separate index")]
    OtherArchive {
        path: PathBuf,
        recorded: PathBuf,
        given: PathBuf,
    },

    /// An export would overwrite files it did not write.
    #[error("will not export into {path}: {reason}")]
    ExportTarget { path: PathBuf, reason: String },

    /// The disk holding the index is full: the last commit is intact.
    #[error("the disk holding the index at {path} is full: free some space and run `dateline index` again (the last commit is intact and searchable)")]
    DiskFull { path: PathBuf },

    /// The archive directory is missing or not a directory.
    #[error("cannot index {path}: {reason}")]
    BadArchive { path: PathBuf, reason: String },

    /// The embedded entity model cannot be loaded.
    #[error("the built-in entity model cannot be loaded ({0}); index with --no-extract, or retrain (see index_schema/ner/README.md)")]
    Model(String),

    /// A user alias file cannot be read or parsed.
    #[error("{0}")]
    Aliases(String),

    /// The curation overlay beside the index cannot be read, or a curation command
    /// makes no sense (renaming a name into itself).
    #[error("{0}")]
    Curation(String),

    /// The query text is malformed.
    #[error(transparent)]
    Query(#[from] crate::query::QueryError),

    /// An article id passed to `show` does not exist.
    #[error("no article with id `{0}` in the index")]
    NoSuchArticle(String),

    /// A tantivy failure with what we were doing at the time (the cause follows in the
    /// error chain, which the binary prints).
    #[error("{context}")]
    Tantivy {
        context: String,
        #[source]
        source: tantivy::TantivyError,
    },

    /// An I/O failure with the path involved (the cause follows in the error chain).
    #[error("{path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// Wraps a tantivy error with a description of the operation.
    pub fn tantivy(context: impl Into<String>) -> impl FnOnce(tantivy::TantivyError) -> Error {
        let context = context.into();
        move |source| Error::Tantivy { context, source }
    }

    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> Error {
        let path = path.into();
        move |source| Error::Io { path, source }
    }
}

/// Result alias for the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// True when an error comes from writing to a closed pipe (`dateline search … | head`):
/// not a failure worth a message, for the binary and for saved-query runs alike.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let io = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind);
        let json = cause
            .downcast_ref::<serde_json::Error>()
            .and_then(serde_json::Error::io_error_kind);
        io.or(json) == Some(std::io::ErrorKind::BrokenPipe)
    })
}
