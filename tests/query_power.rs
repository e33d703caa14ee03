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
fn a_negated_phrase_excludes_only_articles_holding_it() {
    // Found by tests/fuzz.rs: a NOT phrase once aborted debug builds (tantivy #2811).
    let s = corpus();
    let iran = s.ids("iran");
    assert!(iran.contains(&AP.to_string()));
    assert_eq!(s.ids("iran -\"al-qaida deny\""), iran);
    let without_ap: Vec<String> = iran.iter().filter(|id| *id != AP).cloned().collect();
    assert_eq!(s.ids("iran -\"Iran denied\"~5"), without_ap);
}

#[test]
fn explain_shows_rewriting_clause_counts_and_structural_warnings() {
    let s = corpus();
    let out = s
        .cmd(&[
            "search",
            "qaid* AND place:irn AND date:[1990 TO 1995] AND zzqx* AND §§",
            "--explain",
            "-f",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The resolved tree in query syntax, with the hits of every clause.
    assert_eq!(
        v["rewritten"],
        "(qaid* AND place:irn AND date:[1990-01-01 TO 1996-01-01} AND zzqx* AND §§)"
    );
    let clauses = v["tree"]["children"].as_array().unwrap();
    assert_eq!(clauses.len(), 5);
    assert_eq!(clauses[0]["query"], "qaid*");
    assert_eq!(clauses[0]["hits"], 1);
    assert_eq!(clauses[1]["hits"], 0);
    assert_eq!(v["tree"]["hits"], 0);
    let warnings: Vec<&str> = v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("`zzqx*` matches no word in the index")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("`§§` (column 59) has no searchable word")),
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
            .any(|w| w.contains("place:irn is not in the index; closest: Iran")),
        "{warnings:?}"
    );
    // A search that finds nothing prints the same suggestions on stderr.
    s.cmd(&["search", "place:irn"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("closest: Iran"));
    s.cmd(&["search", "orgz:opec", "--explain"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean `org:`"));
}

#[test]
fn near_and_sentence_scopes_find_the_passage() {
    let s = corpus();
    // "Iran has denied all such charges" does not name al-Qaida; the sentence before
    // does, about 25 words earlier: NEAR/30 finds it, SENTENCE does not.
    let v = s.search_json("NEAR/30(iran deny org:al-qaida)", &[]);
    assert_eq!(v["total"], 1);
    let snippet = v["hits"][0]["snippet"].as_str().unwrap();
    assert!(
        snippet.contains("al-Qaida") && snippet.contains("Iran has denied"),
        "{snippet}"
    );
    assert!(s.ids("NEAR/10(iran deny org:al-qaida)").is_empty());
    assert!(s.ids("SENTENCE(iran deny org:al-qaida)").is_empty());
    // Aliases work inside scopes, for bare words too.
    assert_eq!(s.ids("NEAR/30(iran deny al-qaeda)"), vec![AP]);
    let v = s.search_json("SENTENCE(iran deny)", &[]);
    let hit = &v["hits"][0];
    assert_eq!(
        hit["snippet"],
        "Iran has denied all such charges, and did so again on Tuesday."
    );
    assert_eq!(hit["highlights"], serde_json::json!([[0, 4], [9, 15]]));
    // Scopes are ordinary clauses for counting, facets and other operators.
    let v = s.search_json("SENTENCE(iran deny) AND date:2021", &["--facets", "people"]);
    assert_eq!(v["total"], 1);
    assert!(v["facets"]["people"].as_array().unwrap().len() > 3);
    s.cmd(&["search", "NEAR/x(a b)"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("NEAR/ needs a distance"));
}

#[test]
fn reuters_baker_and_dollar_in_one_sentence() {
    let Some(reuters) = common::shared_data("reuters21578") else {
        return;
    };
    let s = Scratch::new();
    s.index(&reuters, &["--exclude", "*.txt", "--no-extract"]);
    let both = s.search_json("baker AND dollar", &["-n", "0"])["total"]
        .as_u64()
        .unwrap();
    let v = s.search_json("SENTENCE(baker dollar)", &["--all"]);
    let hits = v["hits"].as_array().unwrap();
    assert!(
        !hits.is_empty() && (hits.len() as u64) < both,
        "{} of {both}",
        hits.len()
    );
    for h in hits {
        let sentence = h["snippet"].as_str().unwrap().to_lowercase();
        assert!(
            sentence.contains("baker") && sentence.contains("dollar"),
            "{sentence}"
        );
    }
}
