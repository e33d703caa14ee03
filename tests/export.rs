//! Exports: Quickwit config + ingest file, Elasticsearch mapping + bulk files, plain
//! JSON Lines; every article exactly once, typed, deterministic.

mod common;

use std::collections::HashSet;
use std::fs;

use common::{repo, shared_data, Scratch};
use serde_json::Value;

fn corpus_ids(s: &Scratch) -> HashSet<String> {
    s.ids("date:[1900 TO *]").into_iter().collect()
}

fn read_jsonl(path: &std::path::Path) -> Vec<Value> {
    fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn check_article(a: &Value) {
    for key in ["id", "path", "title", "body"] {
        assert!(a[key].is_string(), "{key} in {a}");
    }
    for key in ["people", "orgs", "places"] {
        assert!(a[key].is_array(), "{key} in {a}");
    }
    if let Some(date) = a.get("date") {
        let d = date.as_str().unwrap();
        assert!(chrono::DateTime::parse_from_rfc3339(d).is_ok(), "{d}");
    }
    assert!(
        a.get("indexed_at").is_none(),
        "local bookkeeping is not exported"
    );
}

#[test]
fn quickwit_export_has_a_valid_config_and_every_article_once() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let out = s.dir.path().join("qw");
    s.cmd(&["export", "--to", "quickwit"])
        .arg(&out)
        .assert()
        .success();
    let config: serde_yaml_ng::Value =
        serde_yaml_ng::from_str(&fs::read_to_string(out.join("index-config.yaml")).unwrap())
            .unwrap();
    let config: Value = serde_json::to_value(config).unwrap();
    // Quickwit 0.9 by default; it rejects documents without the timestamp field, so
    // there is none (undated articles must ingest).
    assert_eq!(config["version"], "0.9");
    assert!(config["doc_mapping"].get("timestamp_field").is_none());
    let fields = config["doc_mapping"]["field_mappings"].as_array().unwrap();
    let names: Vec<&str> = fields.iter().map(|f| f["name"].as_str().unwrap()).collect();
    for f in fields {
        // Only types and tokenizers Quickwit documents.
        let ty = f["type"].as_str().unwrap();
        assert!(
            ["text", "array<text>", "datetime", "u64", "i64", "bool"].contains(&ty),
            "{f}"
        );
        // Quickwit 0.9's tokenizers (en_stem was removed in 0.9).
        if let Some(t) = f.get("tokenizer") {
            assert!(
                ["raw", "default", "whitespace", "lowercase", "raw_lowercase"]
                    .contains(&t.as_str().unwrap()),
                "{f}"
            );
        }
        if let Some(r) = f.get("record") {
            assert!(["basic", "freq", "position"].contains(&r.as_str().unwrap()));
        }
    }
    let date = fields.iter().find(|f| f["name"] == "date").unwrap();
    assert_eq!(date["type"], "datetime");
    assert_eq!(date["fast"], true);
    for default in config["search_settings"]["default_search_fields"]
        .as_array()
        .unwrap()
    {
        assert!(names.contains(&default.as_str().unwrap()));
    }
    let people = fields.iter().find(|f| f["name"] == "people").unwrap();
    assert_eq!(people["type"], "array<text>");
    assert_eq!(people["fast"], true);
    assert!(!names
        .iter()
        .any(|n| n.ends_with("_exact") || *n == "indexed_at"));
    // Stemming survives as shadow fields holding dateline's stems, split on spaces.
    for stemmed in ["title_stem", "body_stem"] {
        let f = fields.iter().find(|f| f["name"] == stemmed).unwrap();
        assert_eq!(f["tokenizer"], "whitespace");
        assert_eq!(f["record"], "position");
    }

    let docs = read_jsonl(&out.join("docs.ndjson"));
    let ids: Vec<String> = docs
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 25);
    assert_eq!(ids.iter().cloned().collect::<HashSet<_>>(), corpus_ids(&s));
    docs.iter().for_each(check_article);
    // Every document uses only fields of the config.
    for d in &docs {
        for key in d.as_object().unwrap().keys() {
            assert!(names.contains(&key.as_str()), "{key} not in the config");
        }
    }
    // The seed article's stems: "denied" is stored as dateline stems it, one word per
    // position, so a stemmed phrase finds the same articles in Quickwit.
    let seed = docs
        .iter()
        .find(|d| d["id"].as_str().unwrap().contains("pompeo"))
        .unwrap();
    let body_stem = seed["body_stem"].as_str().unwrap();
    assert!(body_stem.split(' ').any(|w| w == "deni"), "{body_stem}");
    assert!(!body_stem.split(' ').any(|w| w == "denied"));
    let words = seed["body"]
        .as_str()
        .unwrap()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .count();
    assert_eq!(body_stem.split(' ').count(), words);
}

#[test]
fn quickwit_0_8_config_keeps_its_stemmer() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let out = s.dir.path().join("qw8");
    s.cmd(&["export", "--to", "quickwit", "--quickwit-version", "0.8"])
        .arg(&out)
        .assert()
        .success();
    let config: serde_yaml_ng::Value =
        serde_yaml_ng::from_str(&fs::read_to_string(out.join("index-config.yaml")).unwrap())
            .unwrap();
    let config: Value = serde_json::to_value(config).unwrap();
    assert_eq!(config["version"], "0.8");
    let fields = config["doc_mapping"]["field_mappings"].as_array().unwrap();
    let body = fields.iter().find(|f| f["name"] == "body").unwrap();
    assert_eq!(body["tokenizer"], "en_stem");
    assert!(fields.iter().any(|f| f["name"] == "body_stem"));
    s.cmd(&["export", "--to", "quickwit", "--quickwit-version", "0.7"])
        .arg(s.dir.path().join("qw7"))
        .assert()
        .failure()
        .stderr(predicates::str::contains("0.9"));
}

#[test]
fn elasticsearch_export_has_a_mapping_and_bulk_pairs() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let out = s.dir.path().join("es");
    s.cmd(&["export", "--to", "elasticsearch", "--name", "news"])
        .arg(&out)
        .assert()
        .success();
    let mapping: Value =
        serde_json::from_str(&fs::read_to_string(out.join("mapping.json")).unwrap()).unwrap();
    let props = mapping["mappings"]["properties"].as_object().unwrap();
    for (name, p) in props {
        let ty = p["type"].as_str().unwrap();
        assert!(
            ["text", "keyword", "date", "unsigned_long"].contains(&ty),
            "{name}: {p}"
        );
        if let Some(a) = p.get("analyzer") {
            assert!(["english", "standard", "whitespace"].contains(&a.as_str().unwrap()));
        }
    }
    assert_eq!(props["body"]["analyzer"], "english");
    assert_eq!(props["body_stem"]["analyzer"], "whitespace");
    assert_eq!(props["people"]["fields"]["keyword"]["type"], "keyword");
    let lines = read_jsonl(&out.join("bulk-0001.ndjson"));
    assert_eq!(lines.len(), 50);
    let mut ids = HashSet::new();
    for pair in lines.chunks(2) {
        assert_eq!(pair[0]["index"]["_index"], "news");
        assert_eq!(pair[0]["index"]["_id"], pair[1]["id"]);
        check_article(&pair[1]);
        for key in pair[1].as_object().unwrap().keys() {
            assert!(props.contains_key(key), "{key} not in the mapping");
        }
        assert!(ids.insert(pair[1]["id"].as_str().unwrap().to_string()));
    }
    assert_eq!(ids, corpus_ids(&s));
}

/// The plain export of corpus/ is byte-for-byte the committed expected file
/// (regenerate with `dateline index corpus/ && dateline export --format jsonl
/// tests/fixtures/export/corpus.jsonl` when extraction or corpus/ changes on purpose).
#[test]
fn plain_export_of_the_corpus_is_deterministic() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let out = s.cmd(&["export", "--format", "jsonl"]).output().unwrap();
    assert!(out.status.success());
    let expected = fs::read(repo().join("tests/fixtures/export/corpus.jsonl")).unwrap();
    assert!(
        out.stdout == expected,
        "export differs from tests/fixtures/export/corpus.jsonl"
    );
}

#[test]
fn reuters_export_is_complete() {
    let Some(reuters) = shared_data("reuters21578") else {
        return;
    };
    let s = Scratch::new();
    s.index(&reuters, &["--exclude", "*.txt", "--no-extract"]);
    let out = s.dir.path().join("qw");
    s.cmd(&["export", "--to", "quickwit"])
        .arg(&out)
        .assert()
        .success();
    let docs = read_jsonl(&out.join("docs.ndjson"));
    assert_eq!(docs.len(), 21_578);
    let ids: HashSet<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 21_578);
    assert!(docs
        .iter()
        .all(|d| d["date"].as_str().is_some_and(|x| x.starts_with("1987-"))));
    assert!(docs
        .iter()
        .any(|d| !d["people"].as_array().unwrap().is_empty()));
}
