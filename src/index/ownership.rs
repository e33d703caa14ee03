//! Which directories and files dateline may change or delete.
//!
//! A user who points `--index` at the wrong folder must never lose a file. So dateline
//! deletes only what it can prove it wrote: a directory is a dateline index only when
//! it holds dateline's own `dateline-index.json` (written *first* when an index is
//! created, so even a run killed mid-creation leaves the proof behind), and inside such
//! a directory only files with names dateline or tantivy give their files are removed,
//! never a subdirectory and never an unknown name. A tantivy `meta.json` alone proves
//! nothing: it may be any program's file.

use std::fs;
use std::path::{Path, PathBuf};

use super::{lock, IndexMeta, META_FILE};
use crate::error::{Error, Result};

/// What an `--index` path holds, as far as dateline may touch it.
#[derive(Debug, PartialEq, Eq)]
pub enum IndexDir {
    /// Nothing there yet: dateline may create the index.
    Absent,
    /// An empty directory, or one holding only dateline's own leftovers (the writer
    /// lock, a half-written metadata file): dateline may create the index in it.
    Empty,
    /// A directory dateline created (its metadata file is present and readable).
    Owned,
}

/// Classifies `path`, refusing anything dateline did not create: a file, or a
/// directory holding entries that are not dateline's.
pub fn classify(path: &Path) -> Result<IndexDir> {
    let metadata = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(IndexDir::Absent),
        Err(e) => return Err(Error::io(path)(e)),
    };
    let is_dir = metadata.is_dir() || (metadata.is_symlink() && path.is_dir());
    if !is_dir {
        return Err(Error::NotAnIndex {
            path: path.to_path_buf(),
            reason: "it is a file, not a directory".into(),
        });
    }
    if has_dateline_meta(path) {
        return Ok(IndexDir::Owned);
    }
    if path.join(META_FILE).exists() {
        return Err(Error::NotAnIndex {
            path: path.to_path_buf(),
            reason: format!(
                "its {META_FILE} is damaged, so nothing proves dateline made it; move the directory away and index again"
            ),
        });
    }
    let mut foreign = Vec::new();
    for entry in fs::read_dir(path).map_err(Error::io(path))? {
        let entry = entry.map_err(Error::io(path))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_dateline_leftover(&name) {
            foreign.push(name);
        }
    }
    if foreign.is_empty() {
        return Ok(IndexDir::Empty);
    }
    foreign.sort();
    let shown: Vec<_> = foreign.iter().take(3).map(String::as_str).collect();
    let more = foreign.len().saturating_sub(shown.len());
    let mut reason = format!(
        "it holds {} but no {META_FILE}",
        shown.join(", ")
            + &if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
    );
    if foreign.iter().any(|n| n == "meta.json") {
        reason.push_str("; a meta.json alone may be any program's");
    }
    Err(Error::NotAnIndex {
        path: path.to_path_buf(),
        reason,
    })
}

/// True when `dateline-index.json` exists and parses as dateline's metadata: the
/// proof that dateline created this directory's index.
fn has_dateline_meta(path: &Path) -> bool {
    fs::read_to_string(path.join(META_FILE))
        .ok()
        .and_then(|text| serde_json::from_str::<IndexMeta>(&text).ok())
        .is_some_and(|meta| meta.created_by.starts_with("dateline"))
}

/// Names a run may leave in a directory before it has written its metadata: the writer
/// lock and the metadata's temporary file.
fn is_dateline_leftover(name: &str) -> bool {
    name == lock::LOCK_FILE || name == meta_tmp_name()
}

/// The temporary name the metadata file is written under before its rename.
pub fn meta_tmp_name() -> String {
    format!("{META_FILE}.tmp")
}

/// True for the names of files tantivy writes in an index directory: its metadata and
/// lock files, segment components (`<32 hex>.<component>`, `<32 hex>.<opstamp>.del`)
/// and atomic-write temporaries (`.tmpXXXXXX`).
fn is_tantivy_file(name: &str) -> bool {
    const FIXED: [&str; 4] = [
        "meta.json",
        ".managed.json",
        ".tantivy-meta.lock",
        ".tantivy-writer.lock",
    ];
    const COMPONENTS: [&str; 8] = [
        "idx",
        "pos",
        "term",
        "store",
        "temp",
        "fast",
        "fieldnorm",
        "del",
    ];
    if FIXED.contains(&name) {
        return true;
    }
    if let Some(rest) = name.strip_prefix(".tmp") {
        return rest.len() == 6 && rest.chars().all(|c| c.is_ascii_alphanumeric());
    }
    let mut parts = name.split('.');
    let Some(id) = parts.next() else {
        return false;
    };
    if id.len() != 32 || !id.chars().all(|c| c.is_ascii_hexdigit()) {
        return false;
    }
    match (parts.next(), parts.next(), parts.next()) {
        (Some(component), None, None) => COMPONENTS.contains(&component),
        (Some(opstamp), Some("del"), None) => {
            !opstamp.is_empty() && opstamp.chars().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// True when `path` holds any of tantivy's segment files: an index whose `meta.json`
/// is gone is then damaged, not merely never committed.
pub fn has_segment_files(path: &Path) -> bool {
    fs::read_dir(path).is_ok_and(|entries| {
        entries.filter_map(|e| e.ok()).any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            is_tantivy_file(&name) && name.len() > 32 && !name.starts_with('.')
        })
    })
}

/// Removes the index files in a directory dateline owns, so a new index can be created
/// there: dateline's metadata and tantivy's files, by name. The writer lock stays (the
/// caller holds it); subdirectories and unknown names are left alone and returned, so
/// the caller can say what it kept.
pub fn clear_index_files(path: &Path) -> Result<Vec<PathBuf>> {
    match classify(path)? {
        IndexDir::Absent => return Ok(Vec::new()),
        IndexDir::Empty | IndexDir::Owned => {}
    }
    let mut kept = Vec::new();
    let mut removable = Vec::new();
    for entry in fs::read_dir(path).map_err(Error::io(path))? {
        let entry = entry.map_err(Error::io(path))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let file_type = entry.file_type().map_err(Error::io(entry.path()))?;
        let ours = name == META_FILE
            || name == meta_tmp_name()
            || name == super::ALIASES_FILE
            || name == format!("{}.tmp", super::ALIASES_FILE)
            || name == crate::curation::links::LINKS_FILE
            || name == super::STAT_CACHE_FILE
            || name == format!("{}.tmp", super::STAT_CACHE_FILE)
            || is_tantivy_file(&name);
        if ours && file_type.is_file() {
            removable.push(entry.path());
        } else if name != lock::LOCK_FILE {
            kept.push(entry.path());
        }
    }
    // The metadata file goes last: until then a killed run still leaves the proof
    // that the directory is dateline's, so the next run may finish the job.
    removable.sort_by_key(|p| p.file_name().is_some_and(|n| n == META_FILE));
    for file in removable {
        fs::remove_file(&file).map_err(Error::io(&file))?;
    }
    Ok(kept)
}

/// Refuses an index directory that is the archive, contains it, or lies inside it where
/// the archive walk would read it: `--rebuild` must never be able to reach the articles,
/// and the index must never be indexed as articles. An index inside the archive under a
/// hidden name (the default `.dateline` in `dateline index .`) is allowed: the walk never
/// enters hidden entries.
pub fn check_separate(index: &Path, archive: &Path) -> Result<()> {
    let index = absolute(index);
    let refuse = |reason: &str| {
        Err(Error::IndexInArchive {
            index: index.clone(),
            archive: archive.to_path_buf(),
            reason: reason.to_string(),
        })
    };
    if index == archive {
        return refuse("the index directory is the archive itself");
    }
    if archive.starts_with(&index) {
        return refuse("the archive lies inside the index directory");
    }
    if let Ok(inside) = index.strip_prefix(archive) {
        let hidden = inside
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
        if !hidden {
            return refuse("the index directory lies inside the archive");
        }
    }
    Ok(())
}

/// The absolute, symlink-resolved form of `path`, also when it does not exist yet (its
/// nearest existing ancestor is resolved and the rest appended).
fn absolute(path: &Path) -> PathBuf {
    let mut missing = Vec::new();
    let mut current = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    loop {
        if let Ok(resolved) = fs::canonicalize(&current) {
            let mut out = resolved;
            for part in missing.iter().rev() {
                out.push(part);
            }
            return out;
        }
        match (current.file_name(), current.parent()) {
            (Some(name), Some(parent)) => {
                missing.push(name.to_os_string());
                current = parent.to_path_buf();
            }
            _ => return path.to_path_buf(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tantivy_names_are_recognised_and_nothing_else() {
        assert!(is_tantivy_file("meta.json"));
        assert!(is_tantivy_file(".managed.json"));
        assert!(is_tantivy_file("0123456789abcdef0123456789abcdef.store"));
        assert!(is_tantivy_file("0123456789abcdef0123456789abcdef.12.del"));
        assert!(is_tantivy_file(".tmpAb12Cd"));
        assert!(!is_tantivy_file("thesis.docx"));
        assert!(!is_tantivy_file("0123456789abcdef0123456789abcdef.docx"));
        assert!(!is_tantivy_file("0123456789abcdef.store"));
        assert!(!is_tantivy_file(".tmp"));
        assert!(!is_tantivy_file("0123456789abcdef0123456789abcdef.x.del"));
    }

    #[test]
    fn a_directory_with_a_foreign_meta_json_is_not_an_index() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join("meta.json"), "{}").expect("write");
        fs::write(dir.path().join("thesis.docx"), "x").expect("write");
        let err = classify(dir.path()).expect_err("refused");
        assert!(err.to_string().contains("thesis.docx"), "{err}");
        assert!(clear_index_files(dir.path()).is_err());
        assert!(dir.path().join("thesis.docx").exists());
    }

    #[test]
    fn only_dateline_leftovers_count_as_empty() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(classify(dir.path()).expect("empty"), IndexDir::Empty);
        fs::write(dir.path().join(lock::LOCK_FILE), "").expect("write");
        assert_eq!(classify(dir.path()).expect("empty"), IndexDir::Empty);
        assert_eq!(
            classify(&dir.path().join("missing")).expect("absent"),
            IndexDir::Absent
        );
    }

    #[test]
    fn nesting_is_refused_except_for_a_hidden_index() {
        let dir = tempfile::tempdir().expect("tempdir");
        let archive = fs::canonicalize(dir.path()).expect("canonical");
        assert!(check_separate(&archive, &archive).is_err());
        assert!(check_separate(archive.parent().expect("parent"), &archive).is_err());
        assert!(check_separate(&archive.join("index"), &archive).is_err());
        assert!(check_separate(&archive.join(".dateline"), &archive).is_ok());
        assert!(check_separate(&archive.with_extension("index"), &archive).is_ok());
    }
}
