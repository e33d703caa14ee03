//! Every kind of bad input is reported with its path, skipped, and the run goes on.

mod common;

use std::fs;
use std::os::unix::fs::symlink;

use common::{hand_to_nobody, Scratch};
use predicates::prelude::*;

#[test]
fn bad_files_are_skipped_with_reasons_and_good_ones_indexed() {
    let s = Scratch::new();
    let dir = s.dir.path().join("archive");
    fs::create_dir_all(dir.join("loop")).unwrap();
    fs::write(
        dir.join("good.txt"),
        "Good article\n\nIran denied the charges.\n",
    )
    .unwrap();
    fs::write(
        dir.join("binary.txt"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00garbage",
    )
    .unwrap();
    fs::write(
        dir.join("latin1.txt"),
        b"Caf\xe9 news\n\nThe caf\xe9 reopened.\n",
    )
    .unwrap();
    fs::write(
        dir.join("invalid-utf8.md"),
        b"# Broken \xff\xfe bytes\n\nStill text.\n",
    )
    .unwrap();
    fs::write(dir.join("empty.txt"), b"").unwrap();
    let big = fs::File::create(dir.join("huge.txt")).unwrap();
    big.set_len(50 * 1024 * 1024).unwrap();
    fs::write(dir.join("broken.json"), "{\"title\": \"x\", \"body\": ").unwrap();
    fs::write(
        dir.join("nothing.html"),
        "<html><body><nav>Home</nav><div></div>",
    )
    .unwrap();
    fs::write(
        dir.join("broken.sgm"),
        "<REUTERS NEWID=\"1\"><TEXT><TITLE>cut off",
    )
    .unwrap();
    fs::write(
        dir.join("mixed.jsonl"),
        "{\"title\":\"one\",\"body\":\"first good line\"}\nnot json\n{\"title\":\"three\",\"body\":\"third good line\"}\n",
    )
    .unwrap();
    fs::write(dir.join("yaml.md"), "---\ntitle: [unclosed\n---\nbody\n").unwrap();
    symlink("..", dir.join("loop/up")).unwrap();
    symlink("does-not-exist.txt", dir.join("dangling.txt")).unwrap();
    let fifo = dir.join("pipe.txt");
    let made_fifo = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|st| st.success());

    let out = s.cmd(&["index", "--json"]).arg(&dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();

    let expect = [
        ("binary.txt", "binary file"),
        ("empty.txt", "empty file"),
        ("huge.txt", "over the 32 MiB limit"),
        ("broken.json", "invalid JSON at line 1"),
        ("nothing.html", "no article text"),
        ("yaml.md", "invalid YAML front matter"),
        ("loop/up", "symlink loop"),
        ("dangling.txt", "cannot read"),
    ];
    for (path, reason) in expect {
        let line = format!("skipped {path}: ");
        let found = stderr
            .lines()
            .find(|l| l.starts_with(&line))
            .unwrap_or_else(|| panic!("no skip message for {path} in:\n{stderr}"));
        assert!(found.contains(reason), "{found} should say {reason}");
    }
    if made_fifo {
        assert!(
            stderr.contains("skipped pipe.txt: not a regular file"),
            "{stderr}"
        );
    }
    let skipped = summary["skipped"].as_array().unwrap().len();
    assert_eq!(skipped, expect.len() + usize::from(made_fifo), "{summary}");
    assert!(
        stderr.contains("bad record in mixed.jsonl: line 2"),
        "{stderr}"
    );
    // A record cut off before </REUTERS> is read up to the end, with a note.
    assert!(
        stderr.contains("bad record in broken.sgm: record 1 (line 1): no closing </REUTERS>"),
        "{stderr}"
    );
    assert!(stderr.contains("latin1.txt: not UTF-8; decoded as windows-1252"));
    assert!(stderr.contains("invalid-utf8.md: not UTF-8"));
    // good.txt, latin1.txt, invalid-utf8.md, two JSONL lines and the cut-off record.
    assert_eq!(summary["articles_added"], 6, "{summary}");
    assert_eq!(s.ids("café"), vec!["latin1.txt"]);
    assert_eq!(s.ids("\"good line\"").len(), 2);

    // The index stays consistent: a second run changes nothing and skips the same.
    let again = s.index(&dir, &[]);
    assert_eq!(again["articles_unchanged"], 6);
    assert_eq!(again["articles_added"], 0);
}

#[test]
fn unreadable_files_are_skipped() {
    let s = Scratch::new();
    let dir = s.dir.path().join("archive");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("ok.txt"), "Fine\n\nReadable text.\n").unwrap();
    let locked = dir.join("locked.txt");
    fs::write(&locked, "Secret\n\nNot for you.\n").unwrap();
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    // As root permissions stop no reads, so the run is made as `nobody` there.
    hand_to_nobody(s.dir.path());
    // Unreadable is not removed: the run says so and fails (see tests/hostile.rs).
    s.cmd_unprivileged(&["index"])
        .arg(&dir)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("skipped locked.txt: cannot read"));
}

#[test]
fn a_missing_archive_directory_is_an_error() {
    let s = Scratch::new();
    s.cmd(&["index", "/definitely/not/here"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/definitely/not/here"));
    let file = s.dir.path().join("file.txt");
    fs::write(&file, "x").unwrap();
    s.cmd(&["index"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a directory"));
}

#[test]
fn a_file_without_articles_is_reported_once_and_then_left_alone() {
    let s = Scratch::new();
    let dir = s.dir.path().join("archive");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("none.json"), "[]").unwrap();
    fs::write(dir.join("ok.txt"), "Fine\n\nReadable text.\n").unwrap();
    s.cmd(&["index"])
        .arg(&dir)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "skipped none.json: holds no articles",
        ));
}
