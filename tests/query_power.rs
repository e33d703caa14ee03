//! Query constructs beyond plain terms: prefix, fuzzy, phrase slop, and --explain.

mod common;

use common::{repo, Scratch};
use predicates::prelude::*;

const AP: &str = "ap/2021-01-12-pompeo-iran-al-qaida.txt";

fn corpus() -> Scratch {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    s
}

#[test]
fn prefix_and_fuzzy_terms_match_what_the_index_holds() {
    let s = corpus();
    assert_eq!(s.ids("qaid*"), vec![AP]);
    assert_eq!(s.ids("qaeda~1"), vec![AP]);
    assert_eq!(s.ids("qaeda~2"), vec![AP]);
    assert_eq!(s.ids("org:qaid*"), vec![AP]);
    assert_eq!(s.ids("khatib* AND iran"), vec![AP]);
    assert_eq!(s.ids("pompe~1 AND iran"), vec![AP]);
    // Stemmed index terms are shorter than the typed prefix: "denie*" finds "denied".
    assert!(s.ids("denie*").contains(&AP.to_string()));
    assert!(s.ids("zzqx*").is_empty());
    // The matched words are highlighted like plain terms.
    s.cmd(&["search", "khatib*"])
        .assert()
        .success()
        .stdout(predicate::str::contains("[Khatibzadeh]"));
}

#[test]
fn phrase_slop() {
    let s = corpus();
    assert_eq!(s.ids("\"Iran denied\"~5"), vec![AP]);
    assert!(s.ids("\"Iran denied\"").is_empty());
}

#[test]
fn explain_shows_rewriting_clause_counts_and_structural_warnings() {
    let s = corpus();
    let out = s
        .cmd(&[
            "search",
            "qaid* AND place:irn AND date:[1990 TO 1995] AND zzqx*",
            "--explain",
            "-f",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["rewritten"]
        .as_str()
        .unwrap()
        .starts_with("(qaida) AND places:irn"));
    assert_eq!(v["expansions"][0][0], "qaid*");
    let clauses = v["clauses"].as_array().unwrap();
    assert_eq!(clauses.len(), 4);
    assert_eq!(clauses[0]["hits"], 1);
    assert_eq!(clauses[1]["hits"], 0);
    let warnings: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("`zzqx*` matches no term")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("outside the indexed dates")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("places:\"irn\" is not in the index; closest: Iran")),
        "{warnings:?}"
    );
    s.cmd(&["search", "orgz:opec", "--explain"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `org:`"));
}
