//! Fault injection through the real binary: an indexer killed with SIGKILL at random
//! points, searches racing an indexer, two indexers at once, corrupted index files and
//! a full disk. The invariant throughout: the index opens, every article is present
//! exactly once after a re-run, and no fault turns into a panic.
//!
//! Each test prints a `faults:` line with what it injected and what it found, for the
//! record. The archive is the sample corpus copied many times (each copy's articles get
//! their own ids), so the expected ids are known exactly.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command as StdCommand, Output, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use common::{repo, Scratch};

/// Copies the sample corpus `copies` times into `<scratch>/archive/copyN/`.
fn big_archive(s: &Scratch, copies: usize) -> PathBuf {
    let archive = s.dir.path().join("archive");
    for n in 0..copies {
        s.copy_dir(&repo().join("corpus"), &format!("archive/copy{n}"));
    }
    archive
}

/// `dateline --index INDEX ARGS…` as a plain `std` command (a child can be killed).
fn dateline(index: &Path, args: &[&str]) -> StdCommand {
    let mut cmd = StdCommand::new(assert_cmd::cargo::cargo_bin("dateline"));
    cmd.arg("--index")
        .arg(index)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("DATELINE_INDEX");
    cmd
}

fn spawn(index: &Path, args: &[&str]) -> Child {
    dateline(index, args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start dateline")
}

fn run(index: &Path, args: &[&str]) -> Output {
    dateline(index, args).output().expect("run dateline")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// No Rust panic: exit code 101 and the panic message are what a panic leaves.
fn assert_no_panic(out: &Output, what: &str) {
    assert_ne!(
        out.status.code(),
        Some(101),
        "{what} panicked: {}",
        stderr(out)
    );
    assert!(
        !stderr(out).contains("panicked"),
        "{what} panicked: {}",
        stderr(out)
    );
}

/// Every article id in the index, in order, duplicates kept (from `dateline export`).
fn ids_in_index(index: &Path, scratch: &Path) -> Vec<String> {
    let out_file = scratch.join("ids-export.jsonl");
    let out = run(
        index,
        &[
            "export",
            "--force",
            "--format",
            "jsonl",
            out_file.to_str().expect("utf-8 path"),
        ],
    );
    assert_no_panic(&out, "export");
    assert!(out.status.success(), "export failed: {}", stderr(&out));
    let text = fs::read_to_string(&out_file).expect("export file");
    text.lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("export line is JSON");
            v["id"].as_str().expect("id").to_string()
        })
        .collect()
}

fn assert_exactly_once(ids: &[String], expected: &BTreeSet<String>, when: &str) {
    let unique: BTreeSet<String> = ids.iter().cloned().collect();
    let duplicates = ids.len() - unique.len();
    let lost: Vec<&String> = expected.difference(&unique).take(5).collect();
    let extra: Vec<&String> = unique.difference(expected).take(5).collect();
    assert_eq!(duplicates, 0, "{when}: {duplicates} duplicate articles");
    assert!(lost.is_empty(), "{when}: articles lost, e.g. {lost:?}");
    assert!(
        extra.is_empty(),
        "{when}: unexpected articles, e.g. {extra:?}"
    );
}

/// A small deterministic generator for kill points (no clock-seeded randomness, so
/// a failure can be replayed).
struct Lcg(u64);

impl Lcg {
    fn next_fraction(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

fn say(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "faults: {line}");
}

/// Kills indexers at `kills` random points of a run over `copies` corpus copies,
/// checking the index after each kill, then lets a run finish.
fn kill_and_resume(copies: usize, kills: usize, extra: &[&str], seed: u64) {
    let s = Scratch::new();
    let archive = big_archive(&s, copies);
    let archive_arg = archive.to_str().expect("utf-8 path");
    // The reference: an uninterrupted run in another index gives the expected ids and
    // the run's duration, over which kill points are spread.
    let reference = s.dir.path().join("reference");
    let started = Instant::now();
    let mut args = vec!["index", archive_arg, "--commit-every", "100"];
    args.extend_from_slice(extra);
    let out = run(&reference, &args);
    assert!(out.status.success(), "reference run: {}", stderr(&out));
    let full_run = started.elapsed();
    let expected: BTreeSet<String> = ids_in_index(&reference, s.dir.path()).into_iter().collect();
    assert_eq!(
        expected.len(),
        copies * 25,
        "every corpus copy has 25 articles"
    );

    let index = s.index_path();
    let mut rng = Lcg(seed);
    let mut killed_mid_run = 0;
    let mut present_after_kills = Vec::new();
    for _ in 0..kills {
        // A resumed run only redoes what was not committed, so the kill point is a
        // fraction of the remaining work; once everything is in, start over with
        // --rebuild so every kill still lands mid-run.
        let committed = present_after_kills.last().copied().unwrap_or(0);
        let remaining = 1.0 - committed as f64 / expected.len() as f64;
        let mut child_args = args.clone();
        let work = if remaining <= 0.0 {
            child_args.push("--rebuild");
            1.0
        } else {
            remaining
        };
        let mut child = spawn(&index, &child_args);
        let delay = full_run.mul_f64(work * (0.05 + 0.9 * rng.next_fraction()));
        sleep(delay);
        if child.try_wait().expect("poll indexer").is_none() {
            killed_mid_run += 1;
        }
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();

        // The index opens and answers; what it holds is a subset, each article once.
        let search = run(&index, &["search", "iran", "--format", "json"]);
        assert_no_panic(&search, "search after kill");
        let code = search.status.code();
        if code != Some(2) || !stderr(&search).contains("no dateline index") {
            assert!(
                code == Some(0) || code == Some(1),
                "search after a kill failed: {}",
                stderr(&search)
            );
            let ids = ids_in_index(&index, s.dir.path());
            let unique: BTreeSet<String> = ids.iter().cloned().collect();
            assert_eq!(ids.len(), unique.len(), "duplicates after a kill");
            assert!(unique.is_subset(&expected), "unknown articles after a kill");
            present_after_kills.push(unique.len());
        } else {
            // Killed before the index existed: nothing to open yet, and it says so.
            assert_eq!(code, Some(2), "{}", stderr(&search));
            assert!(
                stderr(&search).contains("no dateline index"),
                "{}",
                stderr(&search)
            );
            present_after_kills.push(0);
        }
    }
    // A re-run completes and leaves every article exactly once.
    let out = run(&index, &args);
    assert_no_panic(&out, "re-run");
    assert!(out.status.success(), "re-run after kills: {}", stderr(&out));
    let ids = ids_in_index(&index, s.dir.path());
    assert_exactly_once(&ids, &expected, "after the re-run");
    let search = run(&index, &["search", "iran"]);
    assert_eq!(search.status.code(), Some(0), "{}", stderr(&search));
    say(&format!(
        "{kills} SIGKILLs ({killed_mid_run} mid-run) over a {}-article run ({full_run:?}); \
         articles committed at each kill {present_after_kills:?}; after the re-run: \
         {} articles, lost 0, duplicates 0, panics 0",
        expected.len(),
        ids.len()
    ));
}

#[test]
fn an_indexer_killed_at_random_points_loses_and_duplicates_nothing() {
    kill_and_resume(40, 6, &["--no-extract"], 0x5eed_0001);
}

/// The long version (run by `.ci/run` with `--ignored`): a bigger archive, entity
/// extraction on, more kills.
#[test]
#[ignore]
fn many_kills_during_a_large_extracting_run() {
    kill_and_resume(120, 12, &[], 0x5eed_0002);
}

#[test]
fn searches_during_indexing_see_consistent_snapshots() {
    let s = Scratch::new();
    let archive = big_archive(&s, 40);
    let index = s.index_path();
    let archive_arg = archive.to_str().expect("utf-8 path");
    let mut indexer = spawn(
        &index,
        &["index", archive_arg, "--commit-every", "50", "--no-extract"],
    );
    let mut totals = Vec::new();
    let mut searches = 0;
    loop {
        let finished = indexer.try_wait().expect("poll indexer").is_some();
        let out = run(
            &index,
            &[
                "search",
                "iran OR the",
                "--all",
                "--copies",
                "--format",
                "json",
            ],
        );
        searches += 1;
        assert_no_panic(&out, "search during indexing");
        match out.status.code() {
            Some(0) | Some(1) => {
                let v: serde_json::Value =
                    serde_json::from_slice(&out.stdout).expect("search output is JSON");
                let total = v["total"].as_u64().expect("total");
                let hits = v["hits"].as_array().expect("hits");
                // One snapshot: the count and the listed hits agree, ids are unique.
                assert_eq!(total as usize, hits.len(), "count and hits disagree");
                let ids: BTreeSet<&str> = hits.iter().filter_map(|h| h["id"].as_str()).collect();
                assert_eq!(ids.len(), hits.len(), "a hit listed twice");
                // Commits only add articles during a first run.
                if let Some(&last) = totals.last() {
                    assert!(total >= last, "a later search saw fewer articles");
                }
                totals.push(total);
            }
            // Before the first commit there is no index yet: a clear error, no panic.
            _ => assert!(
                totals.is_empty() && stderr(&out).contains("dateline index"),
                "search failed mid-run: {}",
                stderr(&out)
            ),
        }
        if finished {
            break;
        }
    }
    let status = indexer.wait().expect("indexer exit");
    assert!(status.success(), "the indexer failed");
    let distinct: BTreeSet<u64> = totals.iter().copied().collect();
    say(&format!(
        "{searches} searches raced one indexing run; {} distinct snapshots seen, \
         totals grew monotonically to {:?}; errors 0",
        distinct.len(),
        totals.last()
    ));
}

#[test]
fn a_second_indexer_fails_at_once_while_the_first_runs() {
    let s = Scratch::new();
    let archive = big_archive(&s, 40);
    let index = s.index_path();
    let archive_arg = archive.to_str().expect("utf-8 path");
    // Extraction on and a commit per article: the first run lasts many seconds.
    let mut first = spawn(&index, &["index", archive_arg, "--commit-every", "1"]);
    // Wait for the first run to create the index (it holds the lock from the start).
    let deadline = Instant::now() + Duration::from_secs(60);
    while !index.join("dateline-index.json").exists() && Instant::now() < deadline {
        sleep(Duration::from_millis(20));
    }
    assert!(
        first.try_wait().expect("poll").is_none(),
        "the first indexer finished too early for this test"
    );
    let second = run(&index, &["index", archive_arg]);
    let still_running = first.try_wait().expect("poll").is_none();
    assert_eq!(second.status.code(), Some(2), "{}", stderr(&second));
    assert!(
        stderr(&second).contains("locked by another dateline process"),
        "{}",
        stderr(&second)
    );
    assert!(
        still_running,
        "the second indexer returned only after the first ended"
    );
    let _ = first.kill();
    let _ = first.wait();
    say("two indexers at once: the second failed with exit 2, 'locked', while the first ran");
}

/// The segments `meta.json` lists, as file-name stems (uuid without dashes).
fn live_segments(index: &Path) -> Vec<String> {
    let meta: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(index.join("meta.json")).expect("meta.json"))
            .expect("meta.json is JSON");
    meta["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .filter_map(|s| s["segment_id"].as_str())
        .map(|id| id.replace('-', ""))
        .collect()
}

/// Segment file kinds a tantivy index keeps per segment.
const SEGMENT_FILES: [&str; 6] = ["idx", "term", "pos", "store", "fast", "fieldnorm"];

#[test]
fn corrupted_index_files_give_a_clear_error_and_no_panic() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let pristine = s.index_path();
    let mut injected = 0;
    for ext in SEGMENT_FILES {
        let copy = s.dir.path().join(format!("corrupt-{ext}"));
        common::copy_tree(&pristine, &copy);
        // A file of a segment the last commit lists (not a leftover of a merge).
        let victim = live_segments(&copy)
            .iter()
            .map(|id| copy.join(format!("{id}.{ext}")))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("no .{ext} file in the index"));
        let len = fs::metadata(&victim).expect("segment file").len();
        let file = fs::OpenOptions::new()
            .write(true)
            .open(&victim)
            .expect("open segment file");
        file.set_len(len / 2).expect("truncate");
        injected += 1;
        for args in [
            &["search", "iran", "--facets", "all"][..],
            &["show", "ap/2021-01-12-pompeo-iran-al-qaida.txt"][..],
            &["entities"][..],
        ] {
            let out = run(&copy, args);
            assert_no_panic(&out, &format!("{args:?} on a truncated .{ext}"));
            assert_eq!(
                out.status.code(),
                Some(2),
                "{args:?} on a truncated .{ext} did not fail: {}",
                stderr(&out)
            );
            let err = stderr(&out);
            assert!(
                err.contains(&copy.display().to_string()) && err.contains("--rebuild"),
                "{args:?} on a truncated .{ext}: unclear error: {err}"
            );
        }
        // --rebuild recovers.
        let out = run(
            &copy,
            &[
                "index",
                "--rebuild",
                repo().join("corpus").to_str().expect("utf-8"),
            ],
        );
        assert!(out.status.success(), "rebuild: {}", stderr(&out));
    }
    // meta.json gone.
    let copy = s.dir.path().join("corrupt-meta");
    common::copy_tree(&pristine, &copy);
    fs::remove_file(copy.join("meta.json")).expect("remove meta.json");
    injected += 1;
    let out = run(&copy, &["search", "iran"]);
    assert_no_panic(&out, "search without meta.json");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--rebuild"), "{}", stderr(&out));
    say(&format!(
        "{injected} corrupted indexes (each segment file kind truncated, meta.json \
         deleted): clear errors naming the index and --rebuild, panics 0"
    ));
}

/// A tmpfs mounted for one test, unmounted on drop.
struct SmallDisk(PathBuf);

impl SmallDisk {
    fn mount(at: &Path, size: &str) -> Option<SmallDisk> {
        fs::create_dir_all(at).ok()?;
        let ok = StdCommand::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        ok.then(|| SmallDisk(at.to_path_buf()))
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = StdCommand::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_fails_clearly_and_keeps_the_last_commit() {
    let s = Scratch::new();
    let Some(disk) = SmallDisk::mount(&s.dir.path().join("small-disk"), "3m") else {
        common::skip_unless_required("disk-full test needs root to mount a small tmpfs");
        return;
    };
    let index = disk.0.join("index");
    let archive = s.dir.path().join("archive");
    s.copy_dir(&repo().join("corpus"), "archive/copy0");
    let archive_arg = archive.to_str().expect("utf-8 path");
    let out = run(&index, &["index", archive_arg, "--no-extract"]);
    assert!(out.status.success(), "first run: {}", stderr(&out));
    let before = ids_in_index(&index, s.dir.path());
    // Grow the archive far past what the disk can hold, then index again.
    for n in 1..60 {
        s.copy_dir(&repo().join("corpus"), &format!("archive/copy{n}"));
    }
    let out = run(
        &index,
        &[
            "index",
            archive_arg,
            "--no-extract",
            "--commit-every",
            "100000",
        ],
    );
    assert_no_panic(&out, "indexing onto a full disk");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("is full: free some space"),
        "unclear disk-full error: {err}"
    );
    assert!(!err.contains("writer was killed"), "{err}");
    // The previous commit is intact and searchable.
    let after = ids_in_index(&index, s.dir.path());
    assert_eq!(before, after, "the last commit changed");
    let search = run(&index, &["search", "iran"]);
    assert_eq!(search.status.code(), Some(0), "{}", stderr(&search));
    // Saving a query on the full disk says so once, and leaves no temporary file.
    let filler = disk.0.join("filler");
    let _ = fs::write(&filler, vec![0u8; 4 << 20]);
    let long_query = format!("\"{}\"", "iran ".repeat(1_500).trim());
    let add = run(&index, &["saved", "add", "big", &long_query]);
    assert_eq!(add.status.code(), Some(2), "{}", stderr(&add));
    let err = stderr(&add);
    assert_eq!(err.matches("disk is full").count(), 1, "{err}");
    let leftovers: Vec<_> = fs::read_dir(&disk.0)
        .expect("ls")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    say(&format!(
        "disk full (3 MiB tmpfs) during a 1,500-article run: exit 2 with a clear \
         message; the previous commit's {} articles intact and searchable",
        after.len()
    ));
}

#[test]
fn a_run_killed_while_creating_the_index_is_no_index_yet() {
    // The state a kill leaves after dateline wrote dateline-index.json (always first,
    // the proof the folder is dateline's) and tantivy its empty meta.json, before any
    // commit: an empty index, which the next run fills (no --rebuild needed).
    let s = Scratch::new();
    let spec = dateline::index::schema::SchemaSpec::embedded().expect("embedded schema");
    let schema = spec.to_tantivy().expect("tantivy schema");
    fs::create_dir_all(s.index_path()).expect("index dir");
    let archive = fs::canonicalize(repo().join("corpus")).expect("corpus");
    let meta = serde_json::json!({
        "schema_version": spec.version,
        "archive": archive,
        "created_by": "dateline 0.1.0",
    });
    fs::write(
        s.index_path().join(dateline::index::META_FILE),
        meta.to_string(),
    )
    .expect("dateline metadata");
    tantivy::Index::create_in_dir(s.index_path(), schema).expect("empty tantivy index");
    let search = run(&s.index_path(), &["search", "iran"]);
    assert_no_panic(&search, "search");
    assert_eq!(search.status.code(), Some(1), "{}", stderr(&search));
    s.index(&repo().join("corpus"), &[]);
    let total = s.search_json("iran", &[])["total"].as_u64().expect("total");
    assert!(total > 0, "the new index answers");
}
