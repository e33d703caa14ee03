//! Remembers, per archive file, its stat (size, modification and change times, inode,
//! device) and the xxh3 hash of its bytes as of the last run, so a run need not read a
//! file whose stat is unchanged: at 215,780 files, reading and hashing every one was
//! most of a no-change run.
//!
//! It is only a cache, and never the authority on what the index holds:
//! - an entry is used only when its hash, mixed with this run's settings, equals the
//!   fingerprint the committed index holds for that path (`index::manifest`), so a
//!   cache older or newer than the index (a crash between commit and save, a copied
//!   index) makes the file be read, never skipped wrongly;
//! - a file whose modification or change time lies within [`RACY_MARGIN_NS`] of the run's
//!   start is not remembered (the "racy git" rule): it could change again within the
//!   same timestamp tick after it was read, and the next run would not see it;
//! - a missing, truncated or foreign cache file is an empty cache (checked by magic
//!   and checksum), and it is written under a temporary name and renamed.

use std::collections::HashMap;
use std::fs;
use std::path::Path;

pub use crate::corpus::walk::FileStat;
use crate::index::STAT_CACHE_FILE;

pub use crate::corpus::walk::RACY_MARGIN_NS;
/// Identifies the format; a cache written by another format version is ignored.
const MAGIC: &[u8; 8] = b"DLSTAT1\n";

/// The cache as loaded at the start of a run.
#[derive(Debug, Default)]
pub struct StatCache {
    entries: HashMap<String, (FileStat, u64)>,
}

impl StatCache {
    /// The cache of the index at `index_path`; empty when there is none or it cannot
    /// be read (the run then reads every file, as without a cache).
    pub fn load(index_path: &Path) -> StatCache {
        let entries = fs::read(index_path.join(STAT_CACHE_FILE))
            .ok()
            .and_then(|bytes| decode(&bytes))
            .unwrap_or_default();
        StatCache { entries }
    }

    /// The content hash remembered for `relative` when its stat is still `stat`.
    pub fn content_hash(&self, relative: &str, stat: &FileStat) -> Option<u64> {
        self.entries
            .get(relative)
            .filter(|(known, _)| known == stat)
            .map(|(_, hash)| *hash)
    }

    /// How many files the cache remembers.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the cache remembers nothing.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// One remembered file: its archive-relative path, its stat when it was read, and the
/// xxh3 hash of the bytes read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub relative: String,
    pub stat: FileStat,
    pub hash: u64,
}

/// Writes the cache for the index at `index_path`: `entries` are the files the index
/// now holds as read. Racy entries must already be left out (see
/// [`FileStat::is_racy`]).
pub fn save(index_path: &Path, entries: &[Entry]) -> std::io::Result<()> {
    let bytes = encode(entries);
    let target = index_path.join(STAT_CACHE_FILE);
    let temporary = index_path.join(format!("{STAT_CACHE_FILE}.tmp"));
    fs::write(&temporary, bytes)?;
    fs::rename(&temporary, &target)
}

/// Removes the cache of the index at `index_path` (when the index is rebuilt or its
/// files can no longer be trusted to match it). A cache that is not there is fine.
pub fn remove(index_path: &Path) -> std::io::Result<()> {
    match fs::remove_file(index_path.join(STAT_CACHE_FILE)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

fn encode(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::with_capacity(16 + entries.len() * 80);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(entries.len() as u64).to_le_bytes());
    for Entry {
        relative,
        stat,
        hash,
    } in entries
    {
        out.extend_from_slice(&(relative.len() as u64).to_le_bytes());
        out.extend_from_slice(relative.as_bytes());
        out.extend_from_slice(&stat.size.to_le_bytes());
        out.extend_from_slice(&stat.modified_ns.to_le_bytes());
        out.extend_from_slice(&stat.changed_ns.to_le_bytes());
        out.extend_from_slice(&stat.inode.to_le_bytes());
        out.extend_from_slice(&stat.device.to_le_bytes());
        out.extend_from_slice(&hash.to_le_bytes());
    }
    let checksum = xxhash_rust::xxh3::xxh3_64(&out);
    out.extend_from_slice(&checksum.to_le_bytes());
    out
}

/// The entries of a cache file, or `None` when it is not a whole cache of this format.
fn decode(bytes: &[u8]) -> Option<HashMap<String, (FileStat, u64)>> {
    let (body, checksum) = bytes.split_at_checked(bytes.len().checked_sub(8)?)?;
    if xxhash_rust::xxh3::xxh3_64(body).to_le_bytes() != checksum {
        return None;
    }
    let mut reader = Reader(body.strip_prefix(MAGIC.as_slice())?);
    let count = usize::try_from(reader.u64()?).ok()?;
    let mut entries = HashMap::with_capacity(count.min(body.len() / 56));
    for _ in 0..count {
        let length = usize::try_from(reader.u64()?).ok()?;
        let path = std::str::from_utf8(reader.take(length)?).ok()?.to_string();
        let stat = FileStat {
            size: reader.u64()?,
            modified_ns: reader.u64()? as i64,
            changed_ns: reader.u64()? as i64,
            inode: reader.u64()?,
            device: reader.u64()?,
        };
        let hash = reader.u64()?;
        entries.insert(path, (stat, hash));
    }
    reader.0.is_empty().then_some(entries)
}

/// Reads little-endian fields off the front of a byte slice.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stat(modified_ns: i64) -> FileStat {
        FileStat {
            size: 10,
            modified_ns,
            changed_ns: modified_ns,
            inode: 7,
            device: 1,
        }
    }

    fn entry(relative: &str, stat: FileStat, hash: u64) -> Entry {
        Entry {
            relative: relative.to_string(),
            stat,
            hash,
        }
    }

    #[test]
    fn round_trips_and_matches_only_the_same_stat() {
        let dir = tempfile::tempdir().expect("tempdir");
        let entries = vec![
            entry("a/b.txt", stat(100), 42),
            entry("M%FCller.txt", stat(200), 43),
        ];
        save(dir.path(), &entries).expect("save");
        let cache = StatCache::load(dir.path());
        assert_eq!(cache.len(), 2);
        assert_eq!(cache.content_hash("a/b.txt", &stat(100)), Some(42));
        assert_eq!(cache.content_hash("a/b.txt", &stat(101)), None);
        let mut grown = stat(100);
        grown.size = 11;
        assert_eq!(cache.content_hash("a/b.txt", &grown), None);
        assert_eq!(cache.content_hash("other.txt", &stat(100)), None);
    }

    #[test]
    fn a_damaged_or_foreign_file_is_an_empty_cache() {
        let dir = tempfile::tempdir().expect("tempdir");
        save(dir.path(), &[entry("a.txt", stat(1), 9)]).expect("save");
        let path = dir.path().join(STAT_CACHE_FILE);
        let whole = fs::read(&path).expect("read");
        for cut in [0, 8, whole.len() / 2, whole.len() - 1] {
            fs::write(&path, &whole[..cut]).expect("write");
            assert!(StatCache::load(dir.path()).is_empty(), "cut at {cut}");
        }
        let mut flipped = whole.clone();
        flipped[20] ^= 1;
        fs::write(&path, &flipped).expect("write");
        assert!(StatCache::load(dir.path()).is_empty());
        fs::write(&path, b"not a cache").expect("write");
        assert!(StatCache::load(dir.path()).is_empty());
        remove(dir.path()).expect("remove");
        remove(dir.path()).expect("removing twice is fine");
        assert!(StatCache::load(dir.path()).is_empty());
    }

    #[test]
    fn files_changed_near_the_run_start_are_racy() {
        let start = 10 * RACY_MARGIN_NS;
        assert!(!stat(start - RACY_MARGIN_NS - 1).is_racy(start));
        assert!(stat(start - RACY_MARGIN_NS).is_racy(start));
        assert!(stat(start + 5).is_racy(start));
        let mut renamed = stat(0);
        renamed.changed_ns = start;
        assert!(renamed.is_racy(start));
    }
}
