//! Entity quality as a journalist meets it (issue 13): the top of every entity list on
//! Reuters-21578 and BBC, checked against hand labels (`tests/fixtures/entity_labels.toml`),
//! and no person listed twice in one article under two forms of the name. Runs only
//! with `../shared/data`; on the bare corpus, the split-name check still runs.

mod common;

use std::collections::HashSet;
use std::fs;

use common::{repo, shared_data, Scratch};
use serde_json::Value;

/// People of one article listed twice: a name whose words all appear in another
/// person name of the same article (`Baker` beside `James Baker`).
fn split_names(export: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in export.lines().filter(|l| !l.trim().is_empty()) {
        let article: Value = serde_json::from_str(line).expect("a JSON line");
        let people: Vec<&str> = article["people"]
            .as_array()
            .map(|list| list.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        for small in &people {
            let words: Vec<&str> = small.split_whitespace().collect();
            let inside = people.iter().find(|big| {
                let big_words: Vec<&str> = big.split_whitespace().collect();
                big_words.len() > words.len() && words.iter().all(|w| big_words.contains(w))
            });
            if let Some(big) = inside {
                out.push(format!("{}: {small} / {big}", article["id"]));
            }
        }
    }
    out
}

fn export(s: &Scratch) -> String {
    let out = s
        .cmd(&["export", "--format", "jsonl"])
        .output()
        .expect("export runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn top(s: &Scratch, kind: &str, key: &str, n: usize) -> Vec<String> {
    let out = s
        .cmd(&[
            "entities",
            "--type",
            kind,
            "-n",
            &n.to_string(),
            "-f",
            "json",
        ])
        .output()
        .expect("entities runs");
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    json["entities"][key]
        .as_array()
        .expect("a list")
        .iter()
        .map(|e| e["value"].as_str().expect("a name").to_string())
        .collect()
}

/// Checks one archive's top 50 per type against its labels; returns the report lines.
fn check_archive(name: &str, s: &Scratch, labels: &toml::Table) -> Vec<String> {
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for (kind, key) in [("person", "people"), ("org", "orgs"), ("place", "places")] {
        let table = labels[name][kind].as_table().expect("labels for the type");
        let list = |field: &str| -> HashSet<String> {
            table[field]
                .as_array()
                .expect("a list")
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        };
        let (good, junk) = (list("good"), list("junk"));
        let names = top(s, kind, key, 50);
        let unlabelled: Vec<&String> = names
            .iter()
            .filter(|n| !good.contains(*n) && !junk.contains(*n))
            .collect();
        assert!(
            unlabelled.is_empty(),
            "{name} {kind}: label these names in tests/fixtures/entity_labels.toml: {unlabelled:?}"
        );
        let wrong: Vec<&String> = names.iter().filter(|n| junk.contains(*n)).collect();
        let precision = (names.len() - wrong.len()) as f64 / names.len().max(1) as f64;
        let floor = table["min_precision"].as_float().expect("min_precision");
        report.push(format!(
            "{name} {kind}: top-{} precision {precision:.2} (floor {floor:.2}); junk: {wrong:?}",
            names.len()
        ));
        if precision + 1e-9 < floor {
            failures.push(report[report.len() - 1].clone());
        }
    }
    let splits = split_names(&export(s));
    report.push(format!(
        "{name}: {} same-article split names {:?}",
        splits.len(),
        &splits[..splits.len().min(5)]
    ));
    if splits.len() >= 10 {
        failures.push(format!("{name}: {} split names (at most 9)", splits.len()));
    }
    assert!(failures.is_empty(), "{failures:?}\n{report:?}");
    report
}

#[test]
fn no_person_is_listed_twice_in_one_article_of_the_corpus() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    assert_eq!(split_names(&export(&s)), Vec::<String>::new());
}

#[test]
fn top_entities_of_reuters_and_bbc_match_the_hand_labels() {
    let text = fs::read_to_string(repo().join("tests/fixtures/entity_labels.toml"))
        .expect("the labels fixture");
    let labels: toml::Table = toml::from_str(&text).expect("labels parse");
    for (name, folder, args) in [
        ("reuters", "reuters21578", vec!["--exclude", "*.txt"]),
        ("bbc", "bbc", vec![]),
    ] {
        let Some(archive) = shared_data(folder) else {
            continue;
        };
        let s = Scratch::new();
        s.index(&archive, &args);
        for line in check_archive(name, &s, &labels) {
            // Straight to stderr: the measured numbers show in plain `cargo test` output.
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "{line}");
        }
    }
}
