//! The red team's hostile cases (issue 19), one test per finding, each with inputs made
//! at test time. Each asserts the exit code, the message and the article accounting:
//! nothing lost, nothing duplicated, the user's files untouched.
//!
//! Cases about permissions run the binary as an unprivileged user (`setpriv`, uid 65534)
//! when the tests run as root, because root reads a `chmod 311` directory anyway.

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{hand_to_nobody, is_root, repo, Scratch, NOBODY};
use serde_json::Value;

/// Runs `dateline ARGS` as an unprivileged user: through `setpriv` as `nobody` when
/// the tests run as root, directly otherwise.
fn run_unprivileged(args: &[&std::ffi::OsStr]) -> Output {
    let bin = assert_cmd::cargo::cargo_bin("dateline");
    let mut cmd = if is_root() {
        let mut c = Command::new("setpriv");
        c.arg(format!("--reuid={NOBODY}"))
            .arg(format!("--regid={NOBODY}"))
            .arg("--clear-groups")
            .arg("--")
            .arg(&bin);
        c
    } else {
        Command::new(&bin)
    };
    cmd.args(args)
        .env("NO_COLOR", "1")
        .env_remove("DATELINE_INDEX");
    cmd.output().expect("run dateline")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Every file under `dir` with its contents, to prove a run left them untouched.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk"))
        .map(|e| {
            let contents = if e.file_type().is_file() {
                fs::read(e.path()).expect("read")
            } else {
                Vec::new()
            };
            (e.path().to_path_buf(), contents)
        })
        .collect();
    files.sort();
    files
}

/// A directory of a user's own files, with a `meta.json` that is not dateline's.
fn users_folder(at: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    fs::create_dir_all(at.join("photos")).expect("mkdir");
    fs::write(at.join("photos/cat.jpg"), b"\xff\xd8 a cat").expect("write");
    fs::write(at.join("thesis.docx"), b"four years of work").expect("write");
    fs::write(at.join("meta.json"), b"{}").expect("write");
    snapshot(at)
}

fn corpus() -> PathBuf {
    repo().join("corpus")
}

// ---- 1. `--rebuild` deletes a user's files ----

#[test]
fn rebuild_never_deletes_a_folder_dateline_did_not_create() {
    let s = Scratch::new();
    let users = s.dir.path().join("d");
    let before = users_folder(&users);
    for args in [
        vec!["index", "--rebuild"],
        vec!["index"],
        vec!["index", "--rebuild", "--no-extract"],
    ] {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("dateline"))
            .arg("--index")
            .arg(&users)
            .args(&args)
            .arg(corpus())
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("is not a dateline index"), "{args:?}: {err}");
        assert!(err.contains("thesis.docx"), "names what it found: {err}");
        assert!(
            !err.contains("--rebuild"),
            "never suggests --rebuild: {err}"
        );
        assert_eq!(
            snapshot(&users),
            before,
            "{args:?} changed the user's folder"
        );
    }
    // Searching it is refused the same way, and writes nothing either.
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("dateline"))
        .arg("--index")
        .arg(&users)
        .args(["search", "iran"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is not a dateline index"));
    assert_eq!(snapshot(&users), before);
}

#[test]
fn an_archive_is_never_its_own_index_nor_inside_the_index() {
    let s = Scratch::new();
    let archive = s.copy_dir(&corpus(), "archive");
    fs::write(archive.join("meta.json"), b"{}").expect("write");
    let before = snapshot(&archive);
    let dateline = |index: &Path, dir: &Path| {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("dateline"))
            .arg("--index")
            .arg(index)
            .args(["index", "--rebuild", "--no-extract"])
            .arg(dir)
            .output()
            .expect("run")
    };
    // The index is the archive; the archive lies inside the index.
    for (index, dir) in [
        (&archive, &archive),
        (&s.dir.path().to_path_buf(), &archive),
    ] {
        let out = dateline(index, dir);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("overlap"), "{}", stderr(&out));
        assert_eq!(snapshot(&archive), before);
    }
    // An index inside the archive would be read as articles: refused, unless hidden.
    let out = dateline(&archive.join("index"), &archive);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("inside the archive"));
    assert!(
        !archive.join("index").exists(),
        "nothing created on refusal"
    );
    let out = dateline(&archive.join(".dateline"), &archive);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn rebuild_removes_only_the_index_files_it_wrote() {
    let s = Scratch::new();
    let index = s.index_path();
    let first = s.index(&corpus(), &["--no-extract"]);
    let articles = first["articles_in_index"].as_u64().expect("count");
    assert!(articles > 0);
    // The user keeps notes in the index folder (unwise, but theirs).
    fs::write(index.join("notes.txt"), b"my notes").expect("write");
    fs::create_dir(index.join("drafts")).expect("mkdir");
    fs::write(index.join("drafts/a.txt"), b"draft").expect("write");
    // Another archive makes --rebuild recreate the index from scratch.
    let other = s.copy_dir(&corpus().join("wikinews/md"), "other");
    let rebuilt = s.index(&other, &["--rebuild", "--no-extract"]);
    assert_eq!(
        fs::read(index.join("notes.txt")).expect("kept"),
        b"my notes"
    );
    assert_eq!(
        fs::read(index.join("drafts/a.txt")).expect("kept"),
        b"draft"
    );
    let md_files = fs::read_dir(&other).expect("ls").count() as u64;
    assert_eq!(rebuilt["articles_in_index"].as_u64(), Some(md_files));
    assert_eq!(s.ids("*").len() as u64, md_files);
}

#[test]
fn a_run_killed_before_creating_the_index_is_resumed() {
    let s = Scratch::new();
    let index = s.index_path();
    // What a run killed right after writing dateline's metadata leaves behind.
    fs::create_dir_all(&index).expect("mkdir");
    fs::write(index.join("dateline-writer.lock"), b"").expect("write");
    let meta = serde_json::json!({
        "schema_version": 1, "archive": "/nowhere", "created_by": "dateline 0.1.0"
    });
    fs::write(index.join("dateline-index.json"), meta.to_string()).expect("write");
    let out = s.cmd(&["search", "iran"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no dateline index"),
        "{}",
        stderr(&out)
    );
    let summary = s.index(&corpus(), &["--no-extract"]);
    assert!(summary["articles_in_index"].as_u64().expect("count") > 0);
}

// ---- 2. Unreadable is not removed ----

/// Indexes `archive` as an unprivileged user and returns (exit code, JSON summary, stderr).
fn index_unprivileged(index: &Path, archive: &Path) -> (Option<i32>, Value, String) {
    let out = run_unprivileged(&[
        "--index".as_ref(),
        index.as_os_str(),
        "index".as_ref(),
        "--json".as_ref(),
        "--no-extract".as_ref(),
        archive.as_os_str(),
    ]);
    let summary = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code(), summary, stderr(&out))
}

fn new_articles(index: &Path, name: &str) -> Value {
    let out = run_unprivileged(&[
        "--index".as_ref(),
        index.as_os_str(),
        "saved".as_ref(),
        "run".as_ref(),
        name.as_ref(),
        "--new".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "saved run: {}",
        stderr(&out)
    );
    serde_json::from_slice(&out.stdout).expect("saved run prints JSON")
}

#[test]
fn an_unreadable_folder_keeps_its_articles_and_fails_the_run() {
    let s = Scratch::new();
    let archive = s.copy_dir(&corpus(), "archive");
    let index = s.index_path();
    hand_to_nobody(s.dir.path());
    let (code, first, err) = index_unprivileged(&index, &archive);
    assert_eq!(code, Some(0), "{err}");
    let total = first["articles_in_index"].as_u64().expect("count");
    let add = run_unprivileged(&[
        "--index".as_ref(),
        index.as_os_str(),
        "saved".as_ref(),
        "add".as_ref(),
        "all".as_ref(),
        "*".as_ref(),
    ]);
    assert_eq!(add.status.code(), Some(0), "{}", stderr(&add));
    new_articles(&index, "all"); // the first run marks everything as seen

    let md = archive.join("wikinews/md");
    let md_articles = fs::read_dir(&md).expect("ls").count();
    fs::set_permissions(&md, fs::Permissions::from_mode(0o311)).expect("chmod");
    let (code, summary, err) = index_unprivileged(&index, &archive);
    fs::set_permissions(&md, fs::Permissions::from_mode(0o755)).expect("chmod back");
    assert_eq!(code, Some(2), "an unreadable folder fails the run: {err}");
    assert!(err.contains("could not be read (wikinews/md)"), "{err}");
    assert_eq!(summary["articles_removed"], 0, "{summary}");
    assert_eq!(
        summary["articles_kept_unread"].as_u64(),
        Some(md_articles as u64)
    );
    assert_eq!(summary["articles_in_index"].as_u64(), Some(total));
    assert_eq!(
        new_articles(&index, "all")["total"],
        0,
        "nothing re-reported"
    );

    // Readable again: nothing changed, nothing new.
    let (code, summary, err) = index_unprivileged(&index, &archive);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(summary["articles_added"], 0);
    assert_eq!(summary["articles_in_index"].as_u64(), Some(total));
    assert_eq!(new_articles(&index, "all")["total"], 0);
}

#[test]
fn an_unreadable_archive_root_removes_nothing() {
    let s = Scratch::new();
    let archive = s.copy_dir(&corpus(), "archive");
    let index = s.index_path();
    hand_to_nobody(s.dir.path());
    let (code, first, err) = index_unprivileged(&index, &archive);
    assert_eq!(code, Some(0), "{err}");
    let total = first["articles_in_index"].as_u64().expect("count");
    fs::set_permissions(&archive, fs::Permissions::from_mode(0o311)).expect("chmod");
    let (code, summary, err) = index_unprivileged(&index, &archive);
    fs::set_permissions(&archive, fs::Permissions::from_mode(0o755)).expect("chmod back");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("could not be read (.)"), "{err}");
    assert_eq!(summary["articles_removed"], 0);
    assert_eq!(summary["articles_in_index"].as_u64(), Some(total));
}

#[test]
fn an_unreadable_file_keeps_its_articles_and_fails_the_run() {
    let s = Scratch::new();
    let archive = s.copy_dir(&corpus(), "archive");
    let index = s.index_path();
    hand_to_nobody(s.dir.path());
    let (code, first, err) = index_unprivileged(&index, &archive);
    assert_eq!(code, Some(0), "{err}");
    let total = first["articles_in_index"].as_u64().expect("count");
    let jsonl = archive.join("wikinews/wikinews.jsonl");
    fs::write(&jsonl, fs::read(&jsonl).expect("read")).expect("touch"); // same bytes
    fs::set_permissions(&jsonl, fs::Permissions::from_mode(0o200)).expect("chmod");
    let (code, summary, err) = index_unprivileged(&index, &archive);
    fs::set_permissions(&jsonl, fs::Permissions::from_mode(0o644)).expect("chmod back");
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("wikinews/wikinews.jsonl"), "{err}");
    assert_eq!(summary["articles_removed"], 0);
    assert!(summary["articles_kept_unread"].as_u64() > Some(0));
    assert_eq!(summary["articles_in_index"].as_u64(), Some(total));
}

// ---- 6. Non-UTF-8 file names collide ----

#[test]
fn every_byte_path_gets_its_own_stable_id() {
    use std::os::unix::ffi::OsStrExt;
    let s = Scratch::new();
    let archive = s.dir.path().join("archive");
    fs::create_dir_all(&archive).expect("mkdir");
    let names: [&[u8]; 5] = [
        b"bad\xff.txt",
        b"bad\xfe.txt",
        b"bad%FF.txt",
        b"M\xfcller.txt",
        b"M\xf6ller.txt",
    ];
    for (i, name) in names.iter().enumerate() {
        let path = archive.join(std::ffi::OsStr::from_bytes(name));
        fs::write(
            path,
            format!("Article {i}\n\nBody number {i} of the name test.\n"),
        )
        .expect("write");
    }
    let first = s.index(&archive, &["--no-extract"]);
    assert_eq!(first["articles_added"], 5, "{first}");
    let ids = s.ids("*");
    assert_eq!(
        ids,
        vec![
            "M%F6ller.txt",
            "M%FCller.txt",
            "bad%25FF.txt",
            "bad%FE.txt",
            "bad%FF.txt"
        ]
    );
    let again = s.index(&archive, &["--no-extract"]);
    assert_eq!(again["articles_unchanged"], 5, "{again}");
    assert_eq!(again["articles_removed"], 0);
    assert_eq!(again["articles_in_index"], 5);
    // The id shown is the id `show` takes.
    s.cmd(&["show", "M%FCller.txt"]).assert().success();
}

// ---- 7. Terminal injection ----

#[test]
fn control_characters_never_reach_the_terminal() {
    let s = Scratch::new();
    let archive = s.dir.path().join("archive");
    fs::create_dir_all(&archive).expect("mkdir");
    let evil = "Evil \x1b]52;c;aGFja2Vk\x07title\n\nsource: Wire\x1b[2J\n\nThe body \x1b[31mrings\x07 a bell \u{9b}and clears the screen.\n";
    fs::write(archive.join("evil\x1b[1mname.txt"), evil).expect("write");
    s.index(&archive, &["--no-extract"]);
    let id = s.ids("bell").pop().expect("indexed");
    for args in [
        vec!["search", "bell"],
        vec!["search", "bell", "-f", "csv"],
        vec!["show", id.as_str()],
        vec!["search", "bell", "--explain"],
        vec!["search", "bell", "--facets", "all"],
    ] {
        let out = s.cmd(&args).output().expect("run");
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        for stream in [&out.stdout, &out.stderr] {
            assert!(
                !stream.iter().any(|b| *b == 0x1b || *b == 0x07),
                "{args:?} printed a control character: {}",
                String::from_utf8_lossy(stream)
            );
            assert!(!String::from_utf8_lossy(stream).contains('\u{9b}'));
        }
    }
    // JSON keeps the text exact (escaped by JSON itself).
    let v = s.search_json("bell", &[]);
    assert!(v["hits"][0]["title"]
        .as_str()
        .is_some_and(|t| t.contains('\x1b')));
    // Error messages naming the file are cleaned too.
    let out = s.cmd(&["show", "evil\x1b[1mnope"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(!out.stderr.contains(&0x1b));
}

// ---- 4. One small file stalls the whole run ----

/// Generous for a loaded 2-core machine: a hang detector, not a speed check.
const HANG: std::time::Duration = std::time::Duration::from_secs(120);

#[test]
fn pathological_files_are_skipped_and_the_rest_indexed() {
    let s = Scratch::new();
    let archive = s.dir.path().join("archive");
    fs::create_dir_all(&archive).expect("mkdir");
    fs::write(
        archive.join("good.txt"),
        "Good news\n\nThe harvest was good.\n",
    )
    .expect("write");
    let divs = 1_000_000;
    let html = format!(
        "<html><body>{}<p>deep</p>{}</body></html>",
        "<div>".repeat(divs),
        "</div>".repeat(divs)
    );
    fs::write(archive.join("deep.html"), html).expect("write");
    let yaml = format!("---\ntitle: {}\n---\nbody\n", "[".repeat(200_000));
    fs::write(archive.join("deep.md"), yaml).expect("write");
    let record = |n: usize| {
        format!("<REUTERS NEWID=\"{n}\"><TEXT><TITLE>RECORD {n}</TITLE><BODY>Body of record {n}.</BODY></TEXT>\n")
    };
    let sgml: String = (1..=3).map(record).collect();
    fs::write(archive.join("unclosed.sgm"), sgml).expect("write");
    let out = s
        .cmd(&["index", "--json"])
        .arg(&archive)
        .timeout(HANG)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let summary: Value = serde_json::from_slice(&out.stdout).expect("summary");
    let reasons: Vec<String> = summary["skipped"]
        .as_array()
        .expect("skipped")
        .iter()
        .map(|s| format!("{}: {}", s["path"], s["reason"]))
        .collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("deep.html") && r.contains("1000000 elements deep")),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.contains("deep.md") && r.contains("KiB")),
        "{reasons:?}"
    );
    // good.txt and the three records of the file that never closes one.
    assert_eq!(summary["articles_added"], 4, "{summary}");
    let notes = summary["record_errors"].as_array().expect("notes");
    assert_eq!(notes.len(), 3);
    assert!(notes
        .iter()
        .all(|n| n["reason"].as_str().is_some_and(|r| r.len() < 200)));
}

#[test]
fn extract_reads_regular_files_only() {
    let s = Scratch::new();
    let fifo = s.dir.path().join("pipe.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|st| st.success());
    let zero = s.dir.path().join("zero.txt");
    std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
    let mut paths = vec![zero];
    if made {
        paths.push(fifo);
    }
    for path in paths {
        s.cmd(&["extract"])
            .arg(&path)
            .timeout(HANG)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("not a regular file"));
    }
}

// ---- Weak spot: bit flips go unnoticed ----

#[test]
fn check_finds_a_flipped_bit_and_names_the_fix() {
    let s = Scratch::new();
    s.index(&corpus(), &["--no-extract"]);
    s.cmd(&["check"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "25 articles read, 0 unreadable, 0 damaged files",
        ));
    let store = fs::read_dir(s.index_path())
        .expect("ls")
        .map(|e| e.expect("entry").path())
        .find(|p| p.extension().is_some_and(|x| x == "store"))
        .expect("a .store file");
    let mut bytes = fs::read(&store).expect("read");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x40;
    fs::write(&store, bytes).expect("write");
    let out = s.cmd(&["check"]).output().expect("run");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        printed.contains("damaged:") && printed.contains(".store"),
        "{printed}"
    );
    assert!(stderr(&out).contains("--rebuild"), "{}", stderr(&out));
}

// ---- Weak spots: exports and batch results never overwrite ----

#[test]
fn export_refuses_a_non_empty_target_and_force_removes_only_its_own_files() {
    let s = Scratch::new();
    s.index(&corpus(), &["--no-extract"]);
    let out = s.dir.path().join("out");
    fs::create_dir_all(&out).expect("mkdir");
    fs::write(out.join("notes.txt"), "mine").expect("write");
    let export = |extra: &[&str]| {
        let mut args = vec!["export", "--to", "elasticsearch"];
        args.extend_from_slice(extra);
        s.cmd(&args).arg(&out).output().expect("run")
    };
    let refused = export(&[]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("not empty"),
        "{}",
        stderr(&refused)
    );
    assert!(export(&["--force"]).status.success());
    // A stale bulk file from an earlier, bigger export is removed by the next one.
    fs::write(out.join("bulk-0099.ndjson"), "stale").expect("write");
    let manifest = out.join("dateline-export.json");
    let mut listed: Vec<String> =
        serde_json::from_str(&fs::read_to_string(&manifest).expect("manifest")).expect("json");
    listed.push("bulk-0099.ndjson".into());
    fs::write(&manifest, serde_json::to_string(&listed).expect("json")).expect("write");
    assert!(export(&["--force"]).status.success());
    assert!(!out.join("bulk-0099.ndjson").exists());
    assert_eq!(
        fs::read_to_string(out.join("notes.txt")).expect("kept"),
        "mine"
    );
    // A plain export file is not overwritten without --force either.
    let file = s.dir.path().join("articles.jsonl");
    fs::write(&file, "keep").expect("write");
    let out = s.cmd(&["export"]).arg(&file).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&file).expect("kept"), "keep");
}

#[test]
fn batch_result_files_never_overwrite_each_other() {
    let s = Scratch::new();
    s.index(&corpus(), &["--no-extract"]);
    let batch = s.dir.path().join("queries.csv");
    fs::write(
        &batch,
        "name,query\nnews,iran\nnews,scientology\nNews,korea\nne/ws,nasa\n",
    )
    .expect("write");
    let out_dir = s.dir.path().join("results");
    let out = s
        .cmd(&["batch", "--out-dir"])
        .arg(&out_dir)
        .arg(&batch)
        .args(["-f", "json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut files: Vec<String> = fs::read_dir(&out_dir)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), 4, "{files:?}");
    let queries: std::collections::BTreeSet<String> = files
        .iter()
        .map(|f| {
            let v: Value =
                serde_json::from_str(&fs::read_to_string(out_dir.join(f)).expect("read"))
                    .expect("json");
            v["query"].as_str().expect("query").to_string()
        })
        .collect();
    assert_eq!(queries.len(), 4, "every result kept: {queries:?}");
}

// ---- Everyday manners: a closed pipe is not an error ----

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let s = Scratch::new();
    // Output well over a pipe's 64 KiB buffer, so the writer does meet the closed pipe.
    let archive = s.dir.path().join("archive");
    fs::create_dir_all(&archive).expect("mkdir");
    for i in 0..400 {
        let body = format!("The harvest report number {i} says the wheat crop grew. ").repeat(8);
        fs::write(
            archive.join(format!("{i:03}.txt")),
            format!("Report {i}\n\n{body}\n"),
        )
        .expect("write");
    }
    s.index(&archive, &["--no-extract"]);
    let batch = s.dir.path().join("queries.txt");
    fs::write(&batch, "the\nwheat\nthe\n".repeat(20)).expect("write");
    let bin = assert_cmd::cargo::cargo_bin("dateline");
    let index = s.index_path();
    for args in [
        vec!["search", "the", "--all", "-f", "csv"],
        vec!["search", "the", "--all", "-f", "jsonl"],
        vec!["search", "the", "--all"],
        vec!["batch", batch.to_str().expect("utf-8")],
    ] {
        let mut child = Command::new(&bin)
            .arg("--index")
            .arg(&index)
            .args(&args)
            .env("NO_COLOR", "1")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        // Read one byte, then close the pipe, as `| head -c 1` does.
        let mut stdout = child.stdout.take().expect("stdout");
        let mut first = [0u8; 1];
        stdout.read_exact(&mut first).expect("some output");
        drop(stdout);
        let mut err = String::new();
        child
            .stderr
            .take()
            .expect("stderr")
            .read_to_string(&mut err)
            .expect("stderr");
        let status = child.wait().expect("wait");
        assert_eq!(status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("Broken pipe"), "{args:?}: {err}");
    }
}

/// The largest resident set of any child this test process has waited for, in bytes.
fn peak_child_rss() -> u64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let status = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(status, 0, "getrusage");
    // Linux reports ru_maxrss in KiB.
    u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024
}

/// Real article text (corpus/'s own files) repeated to `bytes`, paragraphs intact.
fn long_article_text(bytes: usize) -> String {
    let mut paragraphs = String::new();
    for entry in walk_files(&corpus()) {
        if entry.extension().is_some_and(|e| e == "txt") {
            paragraphs.push_str(&fs::read_to_string(&entry).expect("read corpus"));
            paragraphs.push_str("\n\n");
        }
    }
    let mut out = String::with_capacity(bytes + paragraphs.len());
    while out.len() < bytes {
        out.push_str(&paragraphs);
    }
    out
}

fn walk_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk_files(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

const MIB: usize = 1024 * 1024;

/// Peak memory (the red team measured 548 MB for one 8 MB article and 1.4 GB for a
/// `SENTENCE` over a 50 MB one): indexing stays within 17x the largest article (16x
/// before the index stored attributions: they measure 14.8x without, 16.0-16.4x with) and
/// 512 MiB, searching a huge article within 512 MiB, and a file over the size limit is
/// skipped while the rest is indexed. Slow in a debug build, so `.ci/run` runs it in
/// its slow step; it must run alone (`--ignored`), because the peak is over all
/// children of the test process.
#[test]
#[ignore]
fn huge_articles_are_indexed_and_searched_in_bounded_memory() {
    let s = Scratch::new();
    let eight = s.dir.path().join("eight");
    fs::create_dir_all(&eight).expect("mkdir");
    let text = long_article_text(8 * MIB);
    fs::write(eight.join("long.txt"), format!("A long article\n\n{text}")).expect("write");
    let article_bytes = fs::metadata(eight.join("long.txt")).expect("stat").len();
    let out = s
        .cmd(&["index", "--json"])
        .arg(&eight)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let summary: Value = serde_json::from_slice(&out.stdout).expect("summary");
    assert_eq!(summary["articles_added"], 1, "{summary}");
    let peak = peak_child_rss();
    println!(
        "one {:.1} MiB article: peak {:.1} MiB ({:.1}x)",
        article_bytes as f64 / MIB as f64,
        peak as f64 / MIB as f64,
        peak as f64 / article_bytes as f64
    );
    assert!(peak <= 17 * article_bytes, "peak {peak} bytes");

    let fifty = s.dir.path().join("fifty");
    fs::create_dir_all(&fifty).expect("mkdir");
    let body = long_article_text(50 * MIB);
    let line = serde_json::json!({"title": "Fifty megabytes", "body": body}).to_string();
    fs::write(fifty.join("one.jsonl"), line + "\n").expect("write");
    fs::write(fifty.join("small.txt"), "Small news\n\nIran denied it.\n").expect("write");
    let index50 = s.dir.path().join("index50");
    let run = |args: &[&str]| {
        let mut cmd = assert_cmd::Command::cargo_bin("dateline").expect("binary");
        cmd.arg("--index")
            .arg(&index50)
            .args(args)
            .env("NO_COLOR", "1");
        cmd.output().expect("run")
    };
    // Over the default size limit: skipped with a note, the small file indexed.
    let out = run(&["index", "--json", fifty.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let summary: Value = serde_json::from_slice(&out.stdout).expect("summary");
    assert_eq!(summary["articles_added"], 1, "{summary}");
    assert!(summary["skipped"]
        .to_string()
        .contains("over the 32 MiB limit"));
    // With the limit raised, it is indexed.
    let out = run(&[
        "index",
        "--json",
        "--max-file-size",
        "64",
        fifty.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let summary: Value = serde_json::from_slice(&out.stdout).expect("summary");
    assert_eq!(summary["articles_in_index"], 2, "{summary}");
    let out = run(&["search", "-f", "json", "SENTENCE(iran denied)"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let result: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(result["total"], 2, "{result}");
    let peak = peak_child_rss();
    println!(
        "50 MiB article, indexed and searched: peak {:.1} MiB",
        peak as f64 / MIB as f64
    );
    assert!(peak <= 512 * MIB as u64, "peak {peak} bytes");
}
