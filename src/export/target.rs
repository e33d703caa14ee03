//! Where an export may write: never over a user's files.
//!
//! An export directory that already holds files is refused unless `--force` is given;
//! with it, only the files an earlier dateline export listed in its manifest
//! (`dateline-export.json`) are removed, so stale `bulk-NNNN.ndjson` files from a
//! bigger earlier export cannot be loaded by mistake, and nothing else is touched.

use std::fs;
use std::path::Path;

use crate::error::{Error, Result};

/// The list of files an export wrote, inside its directory.
pub const MANIFEST: &str = "dateline-export.json";

/// Makes `dir` ready for a new export: created if absent; if not empty, refused
/// without `force`, else cleared of the files the previous export's manifest lists.
pub fn prepare_dir(dir: &Path, force: bool) -> Result<()> {
    let io = |e: std::io::Error| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    };
    if !dir.exists() {
        return fs::create_dir_all(dir).map_err(io);
    }
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    if !force {
        let shown: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
        return Err(Error::ExportTarget {
            path: dir.to_path_buf(),
            reason: format!(
                "it is not empty (it holds {}{}); pass --force to replace an earlier dateline export there (only the files it wrote are removed)",
                shown.join(", "),
                if names.len() > 3 { ", ..." } else { "" }
            ),
        });
    }
    let manifest = dir.join(MANIFEST);
    let Ok(text) = fs::read_to_string(&manifest) else {
        return Ok(());
    };
    let written: Vec<String> = serde_json::from_str(&text).unwrap_or_default();
    for name in written {
        // Only plain names of files in this directory: a manifest never reaches out.
        if name.contains(['/', '\\']) || name.starts_with('.') {
            continue;
        }
        let path = dir.join(&name);
        if path.is_file() {
            fs::remove_file(&path).map_err(|e| Error::Io { path, source: e })?;
        }
    }
    fs::remove_file(&manifest).map_err(|e| Error::Io {
        path: manifest.clone(),
        source: e,
    })
}

/// Records the files this export wrote (full paths; their names are kept).
pub fn record(dir: &Path, files: &[String]) -> Result<()> {
    let names: Vec<String> = files
        .iter()
        .filter_map(|f| Path::new(f).file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    let path = dir.join(MANIFEST);
    let text = serde_json::to_string_pretty(&names).map_err(|e| Error::Schema(e.to_string()))?;
    fs::write(&path, text).map_err(|e| Error::Io { path, source: e })
}

/// Refuses to overwrite an existing file without `force`.
pub fn check_file(path: &Path, force: bool) -> Result<()> {
    if path.exists() && !force {
        return Err(Error::ExportTarget {
            path: path.to_path_buf(),
            reason: "it exists; pass --force to overwrite it".into(),
        });
    }
    Ok(())
}
