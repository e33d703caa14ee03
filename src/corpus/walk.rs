//! Lists the article files of an archive directory.
//!
//! Hidden files and directories (`.git`, the default `.dateline` index) are skipped,
//! symlinks are followed with loop detection, and every entry that cannot be visited
//! becomes a [`Skipped`] with the path and the reason, never an abort.

use std::path::{Path, PathBuf};

use globset::GlobSet;
use walkdir::WalkDir;

use super::Format;

/// A file to read: absolute path, archive-relative path with `/`, size, format, and
/// the stat that tells a later run whether it changed (`ingest::stat_cache`).
#[derive(Debug, Clone)]
pub struct ArchiveFile {
    pub path: PathBuf,
    pub relative: String,
    pub size: u64,
    pub format: Format,
    pub stat: FileStat,
}

/// Files changed this close to (or after) a run's start are read again next time.
/// Two seconds covers the coarsest file systems' timestamps (FAT's 2 s).
pub const RACY_MARGIN_NS: i64 = 2_000_000_000;

/// What the file system says about a file, enough to tell that it was not touched:
/// any write changes the modification time, any rename or metadata change the change
/// time, and a replaced file has another inode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStat {
    pub size: u64,
    pub modified_ns: i64,
    pub changed_ns: i64,
    pub inode: u64,
    pub device: u64,
}

impl FileStat {
    /// The stat of a file from its metadata.
    pub fn of(meta: &std::fs::Metadata) -> FileStat {
        use std::os::unix::fs::MetadataExt;
        let ns = |secs: i64, nanos: i64| secs.saturating_mul(1_000_000_000).saturating_add(nanos);
        FileStat {
            size: meta.len(),
            modified_ns: ns(meta.mtime(), meta.mtime_nsec()),
            changed_ns: ns(meta.ctime(), meta.ctime_nsec()),
            inode: meta.ino(),
            device: meta.dev(),
        }
    }

    /// True when the file was modified or changed too close to `run_started_ns` for
    /// its stat to prove, next time, that it was not changed again.
    pub fn is_racy(&self, run_started_ns: i64) -> bool {
        let limit = run_started_ns.saturating_sub(RACY_MARGIN_NS);
        self.modified_ns >= limit || self.changed_ns >= limit
    }
}

/// An entry that was not read, and why.
#[derive(Debug, Clone)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
    /// The entry exists but the system refused to read it (permissions, I/O error),
    /// as opposed to one left out on purpose (a symlink loop, a special file). Whatever
    /// was indexed under it must stay: its absence from the listing is not a deletion.
    pub unreadable: bool,
}

/// The outcome of walking an archive.
#[derive(Debug, Default)]
pub struct Listing {
    pub files: Vec<ArchiveFile>,
    pub skipped: Vec<Skipped>,
    /// Files that are not articles: other extensions, README/LICENSE files, and
    /// paths matching `--exclude` (counted, not reported one by one).
    pub ignored: usize,
    /// The same files by kind: `.pdf`, `.rss`, `no extension`, `README/LICENSE`,
    /// `--exclude`; so a summary can say what was passed over.
    pub ignored_by_kind: std::collections::BTreeMap<String, usize>,
}

/// The kind an ignored file is counted under in [`Listing::ignored_by_kind`].
fn ignored_kind(path: &Path) -> String {
    if is_documentation(path) {
        return "README/LICENSE".to_string();
    }
    match path.extension() {
        Some(ext) => format!(".{}", ext.to_string_lossy().to_lowercase()),
        None => "no extension".to_string(),
    }
}

/// Walks `root`, leaving out `index_dir` (when the index lies inside the archive) and
/// archive-relative paths matching `excludes` (a pattern without `/` also matches any
/// file or directory name, as in `.gitignore`).
pub fn walk(root: &Path, index_dir: Option<&Path>, excludes: &GlobSet) -> Listing {
    let mut listing = Listing::default();
    let walker = WalkDir::new(root)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let hidden = e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.');
            let is_index = index_dir.is_some_and(|x| e.path() == x);
            !hidden && !is_index
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| root.display().to_string());
                let (reason, unreadable) = if let Some(ancestor) = err.loop_ancestor() {
                    let reason = format!("symlink loop (points back to {})", ancestor.display());
                    (reason, false)
                } else if let Some(io) = err.io_error() {
                    // A dangling symlink names nothing: there is nothing to keep.
                    let gone = io.kind() == std::io::ErrorKind::NotFound;
                    (format!("cannot read: {io}"), !gone)
                } else {
                    (err.to_string(), true)
                };
                listing.skipped.push(Skipped {
                    path,
                    reason,
                    unreadable,
                });
                continue;
            }
        };
        let file_type = entry.file_type();
        if file_type.is_dir() {
            continue;
        }
        let rel = relative(root, entry.path());
        if excluded(excludes, &rel) {
            listing.ignored += 1;
            *listing
                .ignored_by_kind
                .entry("--exclude".to_string())
                .or_default() += 1;
            continue;
        }
        let Some(format) = Format::of(entry.path()).filter(|_| !is_documentation(entry.path()))
        else {
            listing.ignored += 1;
            *listing
                .ignored_by_kind
                .entry(ignored_kind(entry.path()))
                .or_default() += 1;
            continue;
        };
        if !file_type.is_file() {
            listing.skipped.push(Skipped {
                path: rel,
                reason: "not a regular file".into(),
                unreadable: false,
            });
            continue;
        }
        let stat = match entry.metadata() {
            Ok(m) => FileStat::of(&m),
            Err(e) => {
                listing.skipped.push(Skipped {
                    path: rel,
                    reason: format!("cannot read: {e}"),
                    unreadable: true,
                });
                continue;
            }
        };
        listing.files.push(ArchiveFile {
            path: entry.path().to_path_buf(),
            relative: rel,
            size: stat.size,
            format,
            stat,
        });
    }
    listing
}

fn excluded(excludes: &GlobSet, relative: &str) -> bool {
    !excludes.is_empty()
        && (excludes.is_match(relative)
            || relative
                .split('/')
                .any(|component| excludes.is_match(component)))
}

/// README, LICENSE and similar files describe an archive; they are not articles.
fn is_documentation(path: &Path) -> bool {
    const NAMES: [&str; 8] = [
        "README",
        "LICENSE",
        "LICENCE",
        "COPYING",
        "ATTRIBUTION",
        "NOTICE",
        "CHANGELOG",
        "AUTHORS",
    ];
    path.file_stem()
        .map(|s| s.to_string_lossy().to_ascii_uppercase())
        .is_some_and(|stem| NAMES.contains(&stem.as_str()))
}

/// The archive-relative path with `/`, as an article id: unique and stable for every
/// byte path. Bytes that are not UTF-8 (a Latin-1 `M\xfcller.txt`) become `%XX`, and a
/// literal `%` becomes `%25`, so two different names never share an id.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| escape_name(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

fn escape_name(name: &std::ffi::OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::with_capacity(name.len());
    for chunk in name.as_bytes().utf8_chunks() {
        out.push_str(&chunk.valid().replace('%', "%25"));
        for byte in chunk.invalid() {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    #[test]
    fn undecodable_names_get_unique_reversible_ids() {
        let name = |b: &[u8]| escape_name(OsStr::from_bytes(b));
        assert_eq!(name(b"bad\xff.txt"), "bad%FF.txt");
        assert_eq!(name(b"bad\xfe.txt"), "bad%FE.txt");
        assert_eq!(name(b"bad%FF.txt"), "bad%25FF.txt");
        assert_eq!(name(b"M\xfcller.txt"), "M%FCller.txt");
        assert_eq!(name("Müller.txt".as_bytes()), "Müller.txt");
    }
}
