//! Re-indexing: unchanged archives change nothing, changed files are replaced, deleted
//! files are removed, `--rebuild` starts over; and the index guards itself (schema
//! version, archive identity, writer lock).

mod common;

use std::fs;

use common::{repo, Scratch};
use predicates::prelude::*;

#[test]
fn reindexing_tracks_the_archive() {
    let s = Scratch::new();
    let archive = s.copy_dir(&repo().join("corpus"), "archive");
    let first = s.index(&archive, &[]);
    assert_eq!(first["articles_added"], 25);

    // Unchanged: nothing happens, and the run says so.
    let again = s.index(&archive, &[]);
    assert_eq!(again["articles_added"], 0);
    assert_eq!(again["articles_updated"], 0);
    assert_eq!(again["articles_removed"], 0);
    assert_eq!(again["articles_unchanged"], 25);
    assert_eq!(again["files_unchanged"], 18);
    s.cmd(&["index"])
        .arg(&archive)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "index is up to date: nothing changed",
        ));

    // A changed file's articles are replaced (no duplicates).
    let ap = archive.join("ap/2021-01-12-pompeo-iran-al-qaida.txt");
    let text = fs::read_to_string(&ap).unwrap();
    fs::write(
        &ap,
        text.replace("Title: Pompeo accuses", "Title: Zanzibarian Pompeo accuses"),
    )
    .unwrap();
    // A JSON Lines file loses one of its six records.
    let jsonl = archive.join("wikinews/wikinews.jsonl");
    let lines: Vec<String> = fs::read_to_string(&jsonl)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    fs::write(&jsonl, lines[..5].join("\n") + "\n").unwrap();
    // A deleted file's articles are removed.
    fs::remove_file(archive.join("wikinews/md/korea.md")).unwrap();
    // A new file is added.
    fs::write(
        archive.join("wikinews/new-story.txt"),
        "Title: Zanzibarian election results announced\nDate: 2021-02-01\n\nResults came in.\n",
    )
    .unwrap();

    let update = s.index(&archive, &[]);
    assert_eq!(update["articles_added"], 1, "{update}");
    assert_eq!(update["articles_updated"], 6, "{update}");
    assert_eq!(update["articles_removed"], 2, "{update}");
    assert_eq!(update["files_removed"], 1);
    assert_eq!(update["articles_in_index"], 24);

    assert_eq!(
        s.ids("zanzibarian"),
        vec![
            "ap/2021-01-12-pompeo-iran-al-qaida.txt",
            "wikinews/new-story.txt"
        ]
    );
    assert_eq!(
        s.ids("khatibzadeh").len(),
        1,
        "changed article is not duplicated"
    );
    assert!(s.ids("yonhap").is_empty(), "deleted file's article is gone");
    assert!(s.ids("id:\"wikinews/wikinews.jsonl#6\"").is_empty());

    let rebuilt = s.index(&archive, &["--rebuild"]);
    assert_eq!(rebuilt["articles_added"], 24);
    assert_eq!(rebuilt["articles_in_index"], 24);
}

/// A slow run on a big archive must say which step took the time: the steps after
/// the main pass run on one thread, and their times are what a user (or issue 21's
/// benchmark) compares.
#[test]
fn a_run_reports_the_time_of_each_step() {
    let s = Scratch::new();
    let archive = s.copy_dir(&repo().join("corpus"), "archive");
    let summary = s.index(&archive, &[]);
    let steps: Vec<&str> = summary["steps"]
        .as_array()
        .expect("steps listed")
        .iter()
        .map(|step| step["step"].as_str().expect("step name"))
        .collect();
    assert_eq!(
        steps,
        ["read and index", "link names", "group copies", "merge"],
        "{summary}"
    );
    let total: f64 = summary["steps"]
        .as_array()
        .expect("steps listed")
        .iter()
        .map(|step| step["secs"].as_f64().expect("seconds"))
        .sum();
    let elapsed = summary["elapsed_secs"].as_f64().expect("elapsed");
    // The steps are consecutive parts of the run: they add up to its time.
    assert!(total <= elapsed + 1e-6, "{total} > {elapsed}");
    assert!(
        total >= elapsed * 0.5,
        "{total} covers too little of {elapsed}"
    );

    // Without the steps after the main pass there is nothing to break down.
    fs::write(
        archive.join("new.txt"),
        "Title: A new one\n\nA short article.\n",
    )
    .unwrap();
    let bare = s.index(&archive, &["--no-link", "--no-stories"]);
    assert!(bare.get("steps").is_none(), "{bare}");

    // The text summary names them too.
    fs::write(
        archive.join("newer.txt"),
        "Title: Another\n\nAnother short one.\n",
    )
    .unwrap();
    s.cmd(&["index"])
        .arg(&archive)
        .assert()
        .success()
        .stderr(predicate::str::is_match(r"steps: +read and index [0-9.]+s, link names [0-9.]+s, group copies [0-9.]+s, merge [0-9.]+s").unwrap());
}

#[test]
fn an_index_of_another_schema_version_is_refused() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let meta = s.index_path().join("dateline-index.json");
    let text = fs::read_to_string(&meta).unwrap();
    let current = dateline::index::schema::SchemaSpec::embedded()
        .unwrap()
        .version;
    let old = text.replace(
        &format!("\"schema_version\": {current}"),
        "\"schema_version\": 0",
    );
    assert_ne!(old, text);
    fs::write(&meta, old).unwrap();
    s.cmd(&["search", "iran"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("schema version 0"))
        .stderr(predicate::str::contains("--rebuild"));
    s.cmd(&["index"])
        .arg(repo().join("corpus"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--rebuild"));
    s.cmd(&["index", "--rebuild"])
        .arg(repo().join("corpus"))
        .assert()
        .success();
    s.cmd(&["search", "iran"]).assert().success();
}

#[test]
fn a_corrupt_index_names_the_fix() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    fs::remove_file(s.index_path().join("meta.json")).unwrap();
    s.cmd(&["search", "iran"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is damaged"))
        .stderr(predicate::str::contains("--rebuild"));
}

#[test]
fn an_index_belongs_to_one_archive() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    s.cmd(&["index"])
        .arg(repo().join("tests/fixtures/formats"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("holds the archive"));
    // Nothing was lost.
    assert_eq!(s.search_json("date:[1900 TO *]", &[])["total"], 25);
}

#[test]
fn a_second_writer_is_told_the_index_is_locked() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let index = tantivy::Index::open_in_dir(s.index_path()).unwrap();
    let _writer: tantivy::IndexWriter = index.writer(20_000_000).unwrap();
    s.cmd(&["index"])
        .arg(repo().join("corpus"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "locked by another dateline process",
        ));
    // Readers are not blocked by the writer.
    s.cmd(&["search", "iran"]).assert().success();
}

#[test]
fn the_index_directory_can_come_from_the_environment() {
    let s = Scratch::new();
    let mut cmd = assert_cmd::Command::cargo_bin("dateline").unwrap();
    cmd.env("DATELINE_INDEX", s.index_path())
        .arg("index")
        .arg(repo().join("corpus"))
        .assert()
        .success();
    assert!(s.index_path().join("dateline-index.json").exists());
}

#[test]
fn an_index_path_holding_other_files_is_never_touched() {
    let s = Scratch::new();
    fs::create_dir_all(s.index_path()).unwrap();
    let precious = s.index_path().join("notes.txt");
    fs::write(&precious, "mine").unwrap();
    for args in [vec!["index"], vec!["index", "--rebuild"]] {
        s.cmd(&args)
            .arg(repo().join("corpus"))
            .assert()
            .code(2)
            .stderr(predicate::str::contains("is not a dateline index"));
    }
    assert_eq!(fs::read_to_string(&precious).unwrap(), "mine");
    assert_eq!(fs::read_dir(s.index_path()).unwrap().count(), 1);
}

#[test]
fn a_rebuild_waits_for_no_one_and_deletes_nothing_while_locked() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let _held = dateline::index::lock::WriterLock::acquire(&s.index_path()).unwrap();
    s.cmd(&["index", "--rebuild"])
        .arg(repo().join("tests/fixtures/formats"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "locked by another dateline process",
        ));
    assert_eq!(s.search_json("date:[1900 TO *]", &[])["total"], 25);
}

#[test]
fn changing_extraction_settings_rereads_every_file() {
    let s = Scratch::new();
    let first = s.index(&repo().join("corpus"), &["--no-extract"]);
    assert_eq!(first["articles_added"], 25);
    assert!(s.ids("person:pompeo").is_empty());
    let second = s.index(&repo().join("corpus"), &[]);
    assert_eq!(second["articles_updated"], 25, "{second}");
    assert_eq!(s.ids("person:pompeo").len(), 1);
    let aliases = s.dir.path().join("aliases.toml");
    fs::write(
        &aliases,
        "[[entity]]\ntype = \"person\"\nname = \"M. R. Pompeo\"\naliases = [\"Mike Pompeo\"]\n",
    )
    .unwrap();
    let third = s.index(
        &repo().join("corpus"),
        &["--aliases", aliases.to_str().unwrap()],
    );
    assert_eq!(third["articles_updated"], 25, "{third}");
    let hit = &s.search_json("khatibzadeh", &[])["hits"][0];
    assert!(hit["people"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p == "M. R. Pompeo"));
}

/// Segment ids that have files in the index directory.
fn segment_ids_on_disk(index: &std::path::Path) -> std::collections::BTreeSet<String> {
    std::fs::read_dir(index)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let (stem, ext) = name.split_once('.')?;
            (stem.len() == 32 && ext != "json").then(|| stem.to_string())
        })
        .collect()
}

#[test]
fn merged_away_segments_leave_no_files_behind() {
    let s = Scratch::new();
    // Two batches give at least two segments, which the run merges into one.
    s.index(&repo().join("corpus"), &["--commit-every", "10"]);
    let ids = segment_ids_on_disk(&s.index_path());
    assert_eq!(ids.len(), 1, "one segment's files expected, found {ids:?}");
    // A rebuild replaces the old segment and deletes its files too.
    s.index(
        &repo().join("corpus"),
        &["--rebuild", "--commit-every", "10"],
    );
    let after = segment_ids_on_disk(&s.index_path());
    assert_eq!(
        after.len(),
        1,
        "one segment's files expected, found {after:?}"
    );
    assert!(ids.is_disjoint(&after));
    assert_eq!(s.ids("*").len(), 25);
}

/// The stat cache lets a run skip reading files whose stat is unchanged, but never
/// skips a changed one: not one rewritten with its old size and modification time,
/// and not one changed right after it was read (the racy-git rule).
#[test]
fn unchanged_files_are_not_read_but_changed_ones_always_are() {
    let s = Scratch::new();
    let archive = s.dir.path().join("archive");
    fs::create_dir(&archive).unwrap();
    let a = archive.join("a.txt");
    let b = archive.join("b.txt");
    fs::write(
        &a,
        "Title: Harbour news\n\nThe harbour reopened on Monday.\n",
    )
    .unwrap();
    fs::write(&b, "Title: Grain news\n\nWheat prices rose on Monday.\n").unwrap();
    // Files changed within two seconds of a run's start are not remembered: wait
    // until these are older, so the first run's stats can be trusted later.
    std::thread::sleep(std::time::Duration::from_millis(2_100));

    let first = s.index(&archive, &[]);
    assert_eq!(first["articles_added"], 2, "{first}");
    assert_eq!(first["files_unchanged_by_stat"], 0, "{first}");
    let again = s.index(&archive, &[]);
    assert_eq!(again["files_unchanged"], 2, "{again}");
    assert_eq!(again["files_unchanged_by_stat"], 2, "{again}");

    // Same size, same modification time, other words: the change time gives it away.
    let modified = fs::metadata(&a).unwrap().modified().unwrap();
    fs::write(
        &a,
        "Title: Harbour news\n\nThe harbour reclosed on Monday.\n",
    )
    .unwrap();
    fs::File::options()
        .write(true)
        .open(&a)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert_eq!(fs::metadata(&a).unwrap().modified().unwrap(), modified);
    let changed = s.index(&archive, &[]);
    assert_eq!(changed["articles_updated"], 1, "{changed}");
    assert_eq!(changed["files_unchanged_by_stat"], 1, "{changed}");
    assert_eq!(s.ids("reclosed"), vec!["a.txt".to_string()]);
    assert!(s.ids("reopened").is_empty());

    // Whether or not `a.txt` is trusted by its stat yet (it is not while its change
    // is under two seconds old), an unchanged archive stays unchanged.
    let quiet = s.index(&archive, &[]);
    assert_eq!(quiet["files_unchanged"], 2, "{quiet}");
    assert_eq!(quiet["articles_updated"], 0, "{quiet}");

    // A damaged cache is no cache: every file is read, nothing is lost.
    fs::write(s.index_path().join("dateline-stat-cache.bin"), b"garbage").unwrap();
    let damaged = s.index(&archive, &[]);
    assert_eq!(damaged["files_unchanged"], 2, "{damaged}");
    assert_eq!(damaged["files_unchanged_by_stat"], 0, "{damaged}");
    assert_eq!(damaged["articles_in_index"], 2, "{damaged}");

    // A rebuild starts from nothing, the cache included.
    let rebuilt = s.index(&archive, &["--rebuild"]);
    assert_eq!(rebuilt["articles_added"], 2, "{rebuilt}");
    assert_eq!(rebuilt["files_unchanged_by_stat"], 0, "{rebuilt}");
}
