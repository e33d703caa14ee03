//! Saved queries: named searches kept in a TOML file beside the index, re-run by name,
//! optionally returning only articles that entered the index since the last run.
//!
//! The file (`<index>.queries.toml`, e.g. `.dateline.queries.toml`) is meant to be read
//! and edited by people and kept in version control. Every change is a read-modify-
//! write under an exclusive lock on `<file>.lock`, written to a temporary file and
//! renamed into place, so overlapping cron jobs never lose or corrupt an entry.
//!
//! `--new` works with watermarks, not clocks: each indexing commit batch stamps its
//! articles with an `indexed_at` strictly later than every stamp already committed, and
//! a run records the newest stamp present in the snapshot it searched. The next
//! `--new` run keeps only articles stamped after that, so an article committed while
//! a run was in progress is reported next time, never skipped.

pub mod batch;
pub mod options;
pub mod record;

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use options::StoredOptions;

/// One saved query: the query text, how to run it, and what its last run saw.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SavedQuery {
    /// Query text, as for `dateline search`.
    pub query: String,
    /// Sort, limit, format, date filters: the file's own type, so renaming a flag
    /// cannot change the file format.
    #[serde(flatten)]
    pub options: StoredOptions,
    /// When the query was saved (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// When it last ran successfully (RFC 3339).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_run: Option<String>,
    /// Newest `indexed_at` stamp in the index at that run (RFC 3339, microseconds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub watermark: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileContents {
    #[serde(default)]
    queries: BTreeMap<String, SavedQuery>,
}

const HEADER: &str = "# dateline saved queries: one [queries.NAME] table each.\n\
# Edit freely. Keys: query, sort (relevance|date|oldest), limit, offset, all,\n\
# format (terminal|json|jsonl|csv), since, until. `saved run` maintains\n\
# created, last_run and watermark.\n\n";

/// Errors of the saved-queries store.
#[derive(Debug, thiserror::Error)]
pub enum SavedError {
    #[error("{path}: {message}")]
    Malformed { path: PathBuf, message: String },
    #[error("no saved query named `{name}`; saved queries: {known}")]
    Unknown { name: String, known: String },
    #[error("a saved query named `{0}` exists; pass --force to replace it")]
    Exists(String),
    #[error("`{0}` is not a valid name: use 1–64 letters, digits, `-`, `_` or `.`, starting with a letter or digit")]
    BadName(String),
    /// Said once (the OS message is part of this message, not a second cause), and
    /// a full disk in words.
    #[error("{path}: {}", describe_io(error))]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> SavedError + '_ {
    move |error| SavedError::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// Checks a saved-query name.
pub fn validate_name(name: &str) -> Result<(), SavedError> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        Err(SavedError::BadName(name.to_string()))
    }
}

/// The saved-queries file that belongs to the index at `index_path`.
pub fn file_for(index_path: &Path) -> PathBuf {
    let name = index_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dateline".into());
    index_path.with_file_name(format!("{name}.queries.toml"))
}

/// The saved queries of one file.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
}

/// An exclusive lock on the store, held while a change is written.
struct StoreLock {
    _file: File,
}

impl Store {
    /// The store at `path` (the file need not exist yet).
    pub fn new(path: PathBuf) -> Store {
        Store { path }
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every saved query, by name.
    pub fn load(&self) -> Result<BTreeMap<String, SavedQuery>, SavedError> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
            Err(e) => return Err(io(&self.path)(e)),
        };
        let malformed = |message: String| SavedError::Malformed {
            path: self.path.clone(),
            message,
        };
        // Syntax first: its errors carry exact positions.
        let table: toml::Table =
            toml::from_str(&text).map_err(|e| malformed(describe_toml_error(&text, &e)))?;
        let contents: FileContents = match toml::Value::Table(table.clone()).try_into() {
            Ok(contents) => contents,
            Err(e) => return Err(malformed(locate_bad_value(&text, &table, &e))),
        };
        Ok(contents.queries)
    }

    /// One saved query, or an error listing the names that exist.
    pub fn get(&self, name: &str) -> Result<SavedQuery, SavedError> {
        let all = self.load()?;
        all.get(name).cloned().ok_or_else(|| unknown(name, &all))
    }

    /// Applies `change` to the queries under the lock and writes the result atomically.
    /// Nothing is written when `change` fails. A saved-query run happens inside
    /// `change`, so overlapping runs of one query take turns and each new article is
    /// reported exactly once.
    pub fn update<T, E: From<SavedError>>(
        &self,
        change: impl FnOnce(&mut BTreeMap<String, SavedQuery>) -> Result<T, E>,
    ) -> Result<T, E> {
        let _lock = self.lock()?;
        let mut queries = self.load()?;
        let out = change(&mut queries)?;
        self.write(&queries)?;
        Ok(out)
    }

    fn lock(&self) -> Result<StoreLock, SavedError> {
        let lock_path = self.path.with_extension("toml.lock");
        if let Some(dir) = lock_path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(io(dir))?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(io(&lock_path))?;
        // Blocking: an overlapping run waits its turn (changes take milliseconds).
        file.lock().map_err(io(&lock_path))?;
        Ok(StoreLock { _file: file })
    }

    fn write(&self, queries: &BTreeMap<String, SavedQuery>) -> Result<(), SavedError> {
        let contents = FileContents {
            queries: queries.clone(),
        };
        let body = toml::to_string_pretty(&contents).map_err(|e| SavedError::Malformed {
            path: self.path.clone(),
            message: e.to_string(),
        })?;
        let tmp = self.path.with_extension("toml.tmp");
        let written =
            fs::write(&tmp, format!("{HEADER}{body}")).and_then(|()| fs::rename(&tmp, &self.path));
        if let Err(e) = written {
            // A full disk must not leave a stray temporary file behind.
            let _ = fs::remove_file(&tmp);
            return Err(io(&self.path)(e));
        }
        Ok(())
    }
}

fn describe_io(error: &std::io::Error) -> String {
    if error.kind() == std::io::ErrorKind::StorageFull {
        "the disk is full: free some space and try again".to_string()
    } else {
        error.to_string()
    }
}

/// The error for a name that is not saved, listing those that are.
pub fn unknown(name: &str, all: &BTreeMap<String, SavedQuery>) -> SavedError {
    let known = if all.is_empty() {
        "none yet (add one with `dateline saved add NAME QUERY`)".to_string()
    } else {
        all.keys().cloned().collect::<Vec<_>>().join(", ")
    };
    SavedError::Unknown {
        name: name.to_string(),
        known,
    }
}

/// Finds the key whose value made `error` (values lose their positions once parsed)
/// and names its line and column: "line 3, column 8: queries.x.sort: ...".
fn locate_bad_value(text: &str, table: &toml::Table, error: &toml::de::Error) -> String {
    let queries = table.get("queries").and_then(toml::Value::as_table);
    for (name, entry) in queries.into_iter().flatten() {
        let Some(entry) = entry.as_table() else {
            return format!("queries.{name}: expected a table");
        };
        for (key, value) in entry {
            let mut probe = toml::Table::new();
            probe.insert("query".into(), toml::Value::String(String::new()));
            probe.insert(key.clone(), value.clone());
            if let Err(e) = SavedQuery::deserialize(toml::Value::Table(probe)) {
                let (line, column) = key_position(text, name, key);
                return format!(
                    "line {line}, column {column}: queries.{name}.{key}: {}",
                    e.message()
                );
            }
        }
    }
    error.message().to_string()
}

/// Line and column of the value of `key` in the `[queries.NAME]` table.
fn key_position(text: &str, name: &str, key: &str) -> (usize, usize) {
    let start = text.find(&format!("[queries.{name}]")).unwrap_or(0);
    let mut offset = start;
    for line in text[start..].split_inclusive('\n') {
        let trimmed = line.trim_start();
        let is_key = trimmed
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='));
        if is_key {
            let value_at = line.find('=').map_or(0, |p| p + 1);
            let skip = line[value_at..].len() - line[value_at..].trim_start().len();
            return line_column(text, offset + value_at + skip);
        }
        offset += line.len();
    }
    line_column(text, start)
}

fn line_column(text: &str, byte: usize) -> (usize, usize) {
    let before = &text[..byte.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// A TOML error as "line L, column C: message".
pub fn describe_toml_error(text: &str, e: &toml::de::Error) -> String {
    let message = e.message().to_string();
    match e.span() {
        Some(span) => {
            let (line, column) = line_column(text, span.start);
            format!("line {line}, column {column}: {message}")
        }
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_validated() {
        assert!(validate_name("iran-alqaida_2021.v2").is_ok());
        for bad in ["", "-x", "a b", "x/y", &"a".repeat(65)] {
            assert!(validate_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_file_sits_beside_the_index() {
        assert_eq!(
            file_for(Path::new("/srv/news/.dateline")),
            PathBuf::from("/srv/news/.dateline.queries.toml")
        );
    }

    #[test]
    fn round_trip_and_malformed_files_name_the_position() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("q.toml"));
        store
            .update(|q| -> Result<(), SavedError> {
                q.insert(
                    "iran".into(),
                    SavedQuery {
                        query: "iran AND org:al-qaida".into(),
                        options: StoredOptions::default(),
                        created: None,
                        last_run: None,
                        watermark: None,
                    },
                );
                Ok(())
            })
            .unwrap();
        assert_eq!(store.get("iran").unwrap().query, "iran AND org:al-qaida");
        assert!(matches!(store.get("nope"), Err(SavedError::Unknown { .. })));
        fs::write(store.path(), "[queries.x]\nquery = \"a\"\nsort = 3\n").unwrap();
        let err = store.load().unwrap_err().to_string();
        assert!(err.contains("line 3, column 8"), "{err}");
    }
}
