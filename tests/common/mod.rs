//! Helpers shared by the integration tests: run the real binary against a temporary
//! index, copy fixture archives, parse JSON output.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The repository root (where `corpus/` and `tests/fixtures/` live).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A scratch directory holding an index (and, when needed, an archive copy).
pub struct Scratch {
    pub dir: TempDir,
}

impl Scratch {
    pub fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().expect("temporary directory"),
        }
    }

    pub fn index_path(&self) -> PathBuf {
        self.dir.path().join("index")
    }

    /// `dateline --index <scratch>/index ARGS…`, with colour off.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let cmd = Command::cargo_bin("dateline").expect("binary built");
        self.configured(cmd, args)
    }

    /// Like [`Scratch::cmd`], but run as `nobody` (through `setpriv`) when the tests
    /// run as root, so that file permissions mean what they mean to a user. Hand the
    /// scratch dir over first with [`hand_to_nobody`].
    pub fn cmd_unprivileged(&self, args: &[&str]) -> Command {
        if !is_root() {
            return self.cmd(args);
        }
        let mut cmd = Command::new("setpriv");
        cmd.arg(format!("--reuid={NOBODY}"))
            .arg(format!("--regid={NOBODY}"))
            .arg("--clear-groups")
            .arg("--")
            .arg(assert_cmd::cargo::cargo_bin("dateline"));
        self.configured(cmd, args)
    }

    /// The index, the arguments and an environment free of the developer's settings.
    fn configured(&self, mut cmd: Command, args: &[&str]) -> Command {
        cmd.arg("--index").arg(self.index_path());
        cmd.args(args);
        cmd.env("NO_COLOR", "1");
        cmd.env_remove("DATELINE_INDEX");
        // Output to a pipe is wrapped only when COLUMNS asks for it.
        cmd.env_remove("COLUMNS");
        cmd.env_remove("DATELINE_ALIASES");
        // No developer's own dateline.toml.
        cmd.env("DATELINE_CONFIG", "");
        cmd
    }

    /// Copies `src` (a directory) into the scratch dir under `name`.
    pub fn copy_dir(&self, src: &Path, name: &str) -> PathBuf {
        let dest = self.dir.path().join(name);
        copy_recursive(src, &dest);
        dest
    }

    /// Indexes `dir` and returns the JSON summary.
    pub fn index(&self, dir: &Path, extra: &[&str]) -> Value {
        let mut args = vec!["index", "--json"];
        args.extend_from_slice(extra);
        let out = self
            .cmd(&args)
            .arg(dir)
            .output()
            .expect("run dateline index");
        assert!(
            out.status.success(),
            "index failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("summary is JSON")
    }

    /// Runs a search with `--format json` and returns the parsed envelope.
    pub fn search_json(&self, query: &str, extra: &[&str]) -> Value {
        let mut args = vec!["search", query, "--format", "json"];
        args.extend_from_slice(extra);
        let out = self.cmd(&args).output().expect("run dateline search");
        let code = out.status.code();
        assert!(
            code == Some(0) || code == Some(1),
            "search {query:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("search output is JSON")
    }

    /// Ids of every article matching the search flags `flags` (`--since 2020`...),
    /// sorted.
    pub fn search_ids_with(&self, flags: &[&str]) -> Vec<String> {
        self.ids_of("*", flags)
    }

    /// Ids of every article matching `query` (copies included), sorted.
    pub fn ids(&self, query: &str) -> Vec<String> {
        self.ids_of(query, &[])
    }

    fn ids_of(&self, query: &str, flags: &[&str]) -> Vec<String> {
        // Every matching article: wire copies listed, not folded into their story.
        let mut args = vec!["--all", "--copies"];
        args.extend_from_slice(flags);
        let v = self.search_json(query, &args);
        let mut ids: Vec<String> = v["hits"]
            .as_array()
            .expect("hits array")
            .iter()
            .map(|h| h["id"].as_str().expect("id").to_string())
            .collect();
        ids.sort();
        ids
    }
}

/// Copies the directory `src` to `dest` (created).
pub fn copy_tree(src: &Path, dest: &Path) {
    copy_recursive(src, dest);
}

fn copy_recursive(src: &Path, dest: &Path) {
    std::fs::create_dir_all(dest).expect("create dir");
    for entry in std::fs::read_dir(src).expect("read dir") {
        let entry = entry.expect("dir entry");
        let to = dest.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_recursive(&entry.path(), &to);
        } else {
            std::fs::copy(entry.path(), &to).expect("copy file");
        }
    }
}

/// `../shared/data/<name>` when present (the team's real corpora), else `None` with a
/// note on stderr so a skipped check is visible in the test output. With
/// `DATELINE_REQUIRE_SHARED=1` (set by `.ci/run`) a missing corpus fails the test
/// instead: in CI a skip must never pass for a check that ran.
pub fn shared_data(name: &str) -> Option<PathBuf> {
    let path = repo().join("../shared/data").join(name);
    if path.is_dir() {
        return Some(path);
    }
    skip_unless_required(&format!(
        "{} not present; this check runs only with ../shared/data",
        path.display()
    ));
    None
}

/// Reports a skipped check on the process's stderr (eprintln! is captured by the test
/// harness, so it would not show in plain `cargo test` output), or fails the test when
/// `DATELINE_REQUIRE_SHARED=1` says every check must run.
pub fn skip_unless_required(why: &str) {
    if std::env::var_os("DATELINE_REQUIRE_SHARED").is_some_and(|v| v == "1") {
        panic!("DATELINE_REQUIRE_SHARED=1 but this check would be skipped: {why}");
    }
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "SKIPPED: {why}");
}

/// The uid and gid that unprivileged runs use (`nobody`).
pub const NOBODY: u32 = 65534;

/// Whether the tests run as root, where file permissions stop no reads and a command
/// under test must be run as `nobody` to see them.
pub fn is_root() -> bool {
    // `id -u` answers without a libc dependency in the tests.
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// Gives the whole tree under `dir` (and `dir` itself) to `nobody` when running as
/// root, so runs as `nobody` can write the index and read the archive.
pub fn hand_to_nobody(dir: &Path) {
    if !is_root() {
        return;
    }
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.expect("walk scratch dir");
        std::os::unix::fs::chown(entry.path(), Some(NOBODY), Some(NOBODY)).expect("chown");
    }
}
