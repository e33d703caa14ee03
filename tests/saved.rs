//! Saved queries and batch runs through the binary: the README recipe, bad input,
//! concurrent runs, and the pinned JSON Lines shape.

mod common;

use std::fs;

use common::{repo, Scratch};
use predicates::prelude::*;

const NEW_ARTICLE: &str = "Title: Iran rejects al-Qaida accusation again\nDate: 2021-01-14\nSource: AP\n\nTEHRAN (AP) — Iran on Thursday again rejected U.S. claims that it hosts al-Qaida leaders.\n";

fn jsonl_ids(stdout: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["id"].as_str().unwrap().to_string()
        })
        .collect()
}

#[test]
fn readme_recipe_new_returns_exactly_the_new_article_once() {
    let s = Scratch::new();
    let archive = s.copy_dir(&repo().join("corpus"), "archive");
    s.index(&archive, &[]);
    s.cmd(&["saved", "add", "iran-aq", "org:al-qaida AND place:iran"])
        .assert()
        .success();
    fs::write(archive.join("ap/2021-01-14-iran-rejects.txt"), NEW_ARTICLE).unwrap();
    s.index(&archive, &[]);
    let out = s
        .cmd(&["saved", "run", "iran-aq", "--new", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        jsonl_ids(&out.stdout),
        vec!["ap/2021-01-14-iran-rejects.txt"]
    );
    let again = s
        .cmd(&["saved", "run", "iran-aq", "--new", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1));
    assert!(again.stdout.is_empty());
    // Without --new every match comes back, labelled with the saved name.
    let all = s
        .cmd(&["saved", "run", "iran-aq", "--format", "jsonl"])
        .output()
        .unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&all.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|h| h["saved"] == "iran-aq"));
}

#[test]
fn a_changed_article_counts_as_new() {
    let s = Scratch::new();
    let archive = s.copy_dir(&repo().join("corpus"), "archive");
    s.index(&archive, &[]);
    s.cmd(&["saved", "add", "k", "khatibzadeh", "-f", "jsonl"])
        .assert()
        .success();
    let ap = archive.join("ap/2021-01-12-pompeo-iran-al-qaida.txt");
    let text = fs::read_to_string(&ap).unwrap();
    fs::write(&ap, text.replace("Source: AP", "Source: Associated Press")).unwrap();
    s.index(&archive, &[]);
    let out = s.cmd(&["saved", "run", "k", "--new"]).output().unwrap();
    assert_eq!(
        jsonl_ids(&out.stdout),
        vec!["ap/2021-01-12-pompeo-iran-al-qaida.txt"]
    );
    // In the terminal, a --new run counts new articles, and says so.
    fs::write(&ap, text.replace("Source: AP", "Source: AP wire")).unwrap();
    s.index(&archive, &[]);
    s.cmd(&["saved", "run", "k", "--new", "-f", "terminal"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 new hit for khatibzadeh"));
}

#[test]
fn managing_saved_queries() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    s.cmd(&[
        "saved", "add", "one", "iran", "--sort", "date", "-n", "3", "-f", "json",
    ])
    .assert()
    .success();
    s.cmd(&["saved", "add", "one", "iraq"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pass --force"));
    s.cmd(&["saved", "add", "one", "iraq", "--force"])
        .assert()
        .success();
    s.cmd(&["saved", "add", "bad name", "iran"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a valid name"));
    s.cmd(&["saved", "add", "broken", "persn:x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field"));
    s.cmd(&["saved", "rename", "one", "two"]).assert().success();
    s.cmd(&["saved", "show", "two"])
        .assert()
        .success()
        .stdout(predicate::str::contains("query = \"iraq\""));
    s.cmd(&["saved", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("two"));
    s.cmd(&["saved", "run", "nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no saved query named `nope`; saved queries: two",
        ));
    s.cmd(&["saved", "rm", "two"]).assert().success();
    s.cmd(&["saved", "run", "two"]).assert().code(2);
}

#[test]
fn a_malformed_saved_file_is_reported_with_position_and_left_untouched() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    s.cmd(&["saved", "add", "one", "iran"]).assert().success();
    let file = s.dir.path().join("index.queries.toml");
    let mut text = fs::read_to_string(&file).unwrap();
    text.push_str("oops = [\n");
    fs::write(&file, &text).unwrap();
    for args in [
        vec!["saved", "run", "one"],
        vec!["saved", "add", "two", "iraq"],
        vec!["saved", "rm", "one"],
    ] {
        s.cmd(&args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("index.queries.toml: line"));
    }
    assert_eq!(fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn concurrent_runs_and_indexing_never_corrupt_the_saved_file() {
    let s = Scratch::new();
    let archive = s.copy_dir(&repo().join("corpus"), "archive");
    s.index(&archive, &[]);
    let names: Vec<String> = (0..6).map(|i| format!("q{i}")).collect();
    for name in &names {
        s.cmd(&["saved", "add", name, "iran OR korea"])
            .assert()
            .success();
    }
    let bin = assert_cmd::cargo::cargo_bin("dateline");
    let mut runs = Vec::new();
    let mut indexer = None;
    for round in 0..3 {
        for name in &names {
            let child = std::process::Command::new(&bin)
                .arg("--index")
                .arg(s.index_path())
                .args(["saved", "run", name, "--new", "-f", "jsonl"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap();
            runs.push((name.clone(), child));
        }
        if round == 1 {
            fs::write(archive.join("new.txt"), NEW_ARTICLE).unwrap();
            indexer = Some(
                std::process::Command::new(&bin)
                    .arg("--index")
                    .arg(s.index_path())
                    .arg("index")
                    .arg(&archive)
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap(),
            );
        }
    }
    let mut reported: std::collections::HashMap<String, usize> = Default::default();
    for (name, child) in runs {
        let out = child.wait_with_output().unwrap();
        let code = out.status.code();
        assert!(
            code == Some(0) || code == Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let ids = jsonl_ids(&out.stdout);
        *reported.entry(name).or_default() += ids.iter().filter(|id| *id == "new.txt").count();
    }
    let out = indexer.unwrap().wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed = s.cmd(&["saved", "list", "-f", "json"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    for name in &names {
        assert!(v[name]["last_run"].is_string(), "{name} lost its run: {v}");
    }
    // Across the concurrent runs and one more after indexing finished, each query
    // reports the new article exactly once: never lost, never repeated.
    for name in &names {
        let out = s
            .cmd(&["saved", "run", name, "--new", "-f", "jsonl"])
            .output()
            .unwrap();
        let later = jsonl_ids(&out.stdout);
        assert!(later.iter().all(|id| id == "new.txt"), "{later:?}");
        let total = reported[name] + later.len();
        assert_eq!(total, 1, "{name} reported the new article {total} times");
    }
}

#[test]
fn batch_runs_every_query_reports_bad_lines_and_summarises() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let file = s.dir.path().join("queries.txt");
    fs::write(
        &file,
        "khatibzadeh\n# a comment\npersn:x\n\"nuclear deal\"\nzzyzxnotaword\n",
    )
    .unwrap();
    let out = s.cmd(&["batch"]).arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("queries.txt:3: query `line-3`"), "{stderr}");
    assert!(stderr.contains("line-1         1"), "{stderr}");
    assert!(stderr.contains("line-5         0"), "{stderr}");
    let hits: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0]["query"], "line-1");
    assert_eq!(hits[1]["query"], "line-4");

    let csv = s.dir.path().join("queries.csv");
    fs::write(&csv, "name,query\naq,org:al-qaeda\nkorea,korea\n").unwrap();
    let dir = s.dir.path().join("results");
    s.cmd(&["batch", "--out-dir"])
        .arg(&dir)
        .arg(&csv)
        .assert()
        .success()
        .stdout(predicate::str::contains("aq"));
    let aq = fs::read_to_string(dir.join("aq.jsonl")).unwrap();
    assert_eq!(aq.lines().count(), 1);
    assert!(dir.join("korea.jsonl").exists());
}

/// The JSON Lines shape scripts rely on (README "Output"): these keys, these types.
#[test]
fn the_jsonl_hit_shape_is_pinned() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let out = s
        .cmd(&["search", "khatibzadeh", "-f", "jsonl"])
        .output()
        .unwrap();
    let hit: serde_json::Value = serde_json::from_slice(
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap()
            .as_bytes(),
    )
    .unwrap();
    let mut keys: Vec<&str> = hit
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    // Plus one key per metadata field schema.toml declares (none unless a build adds
    // one, following ARCHITECTURE.md's recipe).
    let mut expected = vec![
        "copies",
        "date",
        "date_source",
        "highlights",
        "id",
        "indexed_at",
        "orgs",
        "path",
        "people",
        "places",
        "score",
        "snippet",
        "source",
        "story",
        "time",
        "time_zone",
        "title",
        "url",
    ];
    let spec = dateline::index::schema::SchemaSpec::shared().expect("embedded schema");
    expected.extend(spec.metadata_fields().map(|(_, f)| f.name.as_str()));
    expected.sort();
    assert_eq!(keys, expected);
    assert!(hit["date"].is_string() && hit["date_source"].is_string());
    assert!(hit["people"].is_array() && hit["orgs"].is_array() && hit["places"].is_array());
    assert!(hit["score"].is_number() && hit["snippet"].is_string());
    assert!(hit["highlights"][0].is_array());
    assert!(hit["url"].is_null());
    let json = s.search_json("khatibzadeh", &[]);
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        vec!["hits", "offset", "query", "sort", "stories", "took_ms", "total"]
    );
}
