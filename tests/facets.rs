//! Facets, the date histogram, entity filters and `dateline entities`, cross-checked
//! against the hits themselves (`--all`).

mod common;

use std::collections::HashMap;

use common::{repo, shared_data, Scratch};
use serde_json::Value;

fn counts_from_hits(hits: &[Value], field: &str) -> HashMap<String, u64> {
    let mut counts = HashMap::new();
    for h in hits {
        let values: Vec<&Value> = match &h[field] {
            Value::Array(items) => items.iter().collect(),
            Value::Null => Vec::new(),
            one => vec![one],
        };
        for v in values {
            *counts.entry(v.as_str().unwrap().to_string()).or_default() += 1;
        }
    }
    counts
}

/// Every facet count equals the count over all hits.
fn check_facets_against_hits(s: &Scratch, query: &str, facet: &str) {
    let v = s.search_json(
        query,
        &[
            "--all",
            "--copies",
            "--facets",
            facet,
            "--facet-size",
            "1000",
        ],
    );
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len() as u64, v["total"].as_u64().unwrap());
    let expected = counts_from_hits(hits, facet);
    let facets = v["facets"][facet].as_array().unwrap();
    assert_eq!(facets.len(), expected.len(), "{query}: {facet}");
    assert!(
        v["facets"]["left_out"].is_null(),
        "{query}: {facet}: all listed"
    );
    for f in facets {
        let name = f["value"].as_str().unwrap();
        assert_eq!(
            f["count"].as_u64(),
            expected.get(name).copied(),
            "{query}: {name}"
        );
    }
    let sorted: Vec<u64> = facets
        .iter()
        .map(|f| f["count"].as_u64().unwrap())
        .collect();
    assert!(
        sorted.windows(2).all(|w| w[0] >= w[1]),
        "most frequent first"
    );
}

/// A facet cut to `size` values is the naive answer: every value counted over all
/// hits, most first, ties in alphabetical order, the first `size` of them. Ties at the
/// cut-off must not be chosen by chance (nor change from run to run). What the cut
/// leaves out is said: exactly, or as a lower bound that holds.
fn check_cut_facet_against_hits(s: &Scratch, query: &str, facet: &str, size: usize) {
    let all = s.search_json(query, &["--all", "--copies"]);
    let mut expected: Vec<(String, u64)> = counts_from_hits(all["hits"].as_array().unwrap(), facet)
        .into_iter()
        .collect();
    expected.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let beyond = expected.len().saturating_sub(size) as u64;
    expected.truncate(size);
    let v = s.search_json(
        query,
        &[
            "-n",
            "1",
            "--copies",
            "--facets",
            facet,
            "--facet-size",
            &size.to_string(),
        ],
    );
    let shown: Vec<(String, u64)> = v["facets"][facet]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["value"].as_str().unwrap().to_string(),
                f["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(shown, expected, "{query}: {facet} cut to {size}");
    let left_out = &v["facets"]["left_out"][facet];
    if beyond == 0 {
        assert!(left_out.is_null(), "{query}: {facet}: nothing left out");
    } else if left_out["at_least"] == true {
        let said = left_out["values"].as_u64().unwrap();
        assert!(
            (1..=beyond).contains(&said),
            "{query}: {facet}: at least {said} of {beyond}"
        );
    } else {
        assert_eq!(
            left_out["values"].as_u64(),
            Some(beyond),
            "{query}: {facet}"
        );
    }
}

#[test]
fn values_tied_at_the_cut_off_are_the_alphabetically_first() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    // Sizes small enough that many values share the cut-off's count, also more than
    // the first pass reads (2 x size + 10), which takes the second pass.
    for facet in ["people", "orgs", "places"] {
        for size in [1, 2, 3, 5] {
            check_cut_facet_against_hits(&s, "the", facet, size);
        }
    }
    if let Some(reuters) = shared_data("reuters21578") {
        let s = Scratch::new();
        s.index(&reuters, &["--exclude", "*.txt", "--no-extract"]);
        for (query, facet, size) in [
            ("opec", "people", 3),
            ("place:usa", "people", 2),
            ("quota", "orgs", 4),
            ("coffee", "places", 6),
        ] {
            check_cut_facet_against_hits(&s, query, facet, size);
        }
    } else {
        eprintln!(
            "values_tied_at_the_cut_off: ../shared/data/reuters21578 absent, Reuters part skipped"
        );
    }
}

#[test]
fn a_cut_facet_list_says_how_many_values_it_leaves_out() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let all = s.search_json("the", &["--all", "--copies"]);
    let places = counts_from_hits(all["hits"].as_array().unwrap(), "places").len();
    assert!(places > 3, "the corpus names more than 3 places");
    let facet_text = |size: usize| {
        let out = s
            .cmd(&["search", "the", "--copies", "--facets", "places"])
            .args(["--facet-size", &size.to_string(), "-n", "1"])
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    // Counted in full (the search fetches 2 x size + 10 values): the exact number.
    let text = facet_text(places - 3);
    let line = format!("… 3 more values (--facet-size {places} lists them all)");
    assert!(text.contains(&line), "{line:?} missing from:\n{text}");
    // Counting stopped early: a lower bound, said as one.
    let text = facet_text(2);
    let line = "… at least 13 more values (a larger --facet-size lists more)";
    assert!(text.contains(line), "{line:?} missing from:\n{text}");
    // `entities` says it for `-n`, beside its lists, not among them.
    let out = s
        .cmd(&["entities", "--query", "the", "--type", "place", "-n", "2"])
        .args(["-f", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // It counts every name, so even a short list says exactly what it left out.
    assert_eq!(v["left_out"]["places"]["values"], places as u64 - 2);
    assert!(v["left_out"]["places"]["at_least"].is_null());
    assert!(v["entities"]["left_out"].is_null());
    // Counting stories tallies every value too.
    let v = s.search_json(
        "the",
        &[
            "--facets",
            "places",
            "--facet-size",
            "2",
            "--count",
            "stories",
        ],
    );
    let said = v["facets"]["left_out"]["places"]["values"]
        .as_u64()
        .unwrap();
    assert!(said >= 1 && said <= places as u64 - 2, "{said}");
}

#[test]
fn facets_count_every_hit_not_just_the_page() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    for facet in ["people", "orgs", "places", "source"] {
        check_facets_against_hits(&s, "the", facet);
    }
    // A page of 2 hits still gets facets over all of them.
    let page = s.search_json("the", &["-n", "2", "--facets", "all", "--facet-size", "3"]);
    assert_eq!(page["hits"].as_array().unwrap().len(), 2);
    assert!(page["facets"]["places"].as_array().unwrap().len() <= 3);
    let top = page["facets"]["places"][0]["count"].as_u64().unwrap();
    assert!(top > 2, "counts cover all hits: {top}");
}

#[test]
fn date_histogram_uses_calendar_buckets_and_counts_undated() {
    let s = Scratch::new();
    s.index(&repo().join("tests/fixtures/formats"), &["--no-extract"]);
    let v = s.search_json(
        "korea OR fire OR sweden OR talks OR plant OR iodine OR homeopathic OR asylum",
        &["--facets", "date", "--interval", "year"],
    );
    let facets = &v["facets"];
    assert_eq!(facets["date_interval"], "year");
    let buckets = facets["date"].as_array().unwrap();
    let starts: Vec<&str> = buckets
        .iter()
        .map(|b| b["start"].as_str().unwrap())
        .collect();
    assert_eq!(starts.first(), Some(&"2006-01-01"));
    assert_eq!(starts.last(), Some(&"2018-01-01"));
    assert_eq!(starts.len(), 13, "empty years are shown too");
    let dated: u64 = buckets.iter().map(|b| b["count"].as_u64().unwrap()).sum();
    let undated = facets["date_undated"].as_u64().unwrap();
    assert_eq!(undated, 2);
    assert_eq!(dated + undated, v["total"].as_u64().unwrap());
    // Terminal output draws bars with counts.
    let out = s
        .cmd(&["search", "korea", "--facets", "date", "--interval", "month"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("date (by month)"), "{text}");
    assert!(text.contains("2015-08 "), "{text}");
    assert!(text.contains('#'), "{text}");
}

#[test]
fn a_date_window_draws_its_span_and_counts_what_falls_outside() {
    let s = Scratch::new();
    s.index(&repo().join("tests/fixtures/formats"), &["--no-extract"]);
    let query = "korea OR fire OR sweden OR talks OR plant OR iodine OR homeopathic OR asylum";
    let whole = s.search_json(query, &["--facets", "date", "--interval", "year"]);
    let v = s.search_json(
        query,
        &["--facets", "date:2010..2020", "--interval", "year"],
    );
    let facets = &v["facets"];
    let buckets = facets["date"].as_array().unwrap();
    let starts: Vec<&str> = buckets
        .iter()
        .map(|b| b["start"].as_str().unwrap())
        .collect();
    // The window's every year, the empty ones after the last hit (2018) included.
    assert_eq!(starts.first(), Some(&"2010-01-01"));
    assert_eq!(starts.last(), Some(&"2020-01-01"));
    assert_eq!(starts.len(), 11);
    let inside: u64 = buckets.iter().map(|b| b["count"].as_u64().unwrap()).sum();
    let outside = facets["date_outside"].as_u64().unwrap();
    let undated = facets["date_undated"].as_u64().unwrap();
    // Nothing lost: inside + outside + undated is every hit, and the years inside
    // agree with the unwindowed histogram.
    assert_eq!(inside + outside + undated, v["total"].as_u64().unwrap());
    let before_2010: u64 = whole["facets"]["date"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["start"].as_str().unwrap() < "2010")
        .map(|b| b["count"].as_u64().unwrap())
        .sum();
    assert!(before_2010 > 0);
    assert_eq!(outside, before_2010);
    let out = s
        .cmd(&[
            "search",
            query,
            "--facets",
            "date:2010..2020",
            "--interval",
            "year",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("(dated outside the window)"), "{text}");
    let out = s
        .cmd(&["search", "korea", "--facets", "date:2020..2010"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn entity_filters_are_alias_resolved_and_combine_with_the_query() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let ap = "ap/2021-01-12-pompeo-iran-al-qaida.txt";
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--all"];
        all.extend_from_slice(args);
        s.search_json("the", &all)["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&["--org", "al-qaeda"]), vec![ap]);
    assert_eq!(ids(&["--person", "pompeo", "--place", "iran"]), vec![ap]);
    assert_eq!(ids(&["--source", "ap"]), vec![ap]);
    assert!(ids(&["--person", "pompeo", "--place", "korea"]).is_empty());
    let trump = ids(&["--person", "Donald Trump"]);
    assert!(trump.len() >= 2, "{trump:?}");
}

#[test]
fn entities_lists_canonical_names_with_article_counts() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let out = s
        .cmd(&["entities", "--type", "person", "-n", "5", "-f", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"], 25);
    let people = v["entities"]["people"].as_array().unwrap();
    assert_eq!(people.len(), 5);
    assert!(people.iter().any(|p| p["value"] == "Donald Trump"));
    let out = s
        .cmd(&["entities", "--query", "khatibzadeh", "-f", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["articles"], 1);
    assert!(v["entities"]["orgs"]
        .as_array()
        .unwrap()
        .iter()
        .any(|o| o["value"] == "al-Qaida" && o["count"] == 1));
}

#[test]
fn reuters_facets_match_the_hits() {
    let Some(reuters) = shared_data("reuters21578") else {
        return;
    };
    let s = Scratch::new();
    s.index(&reuters, &["--exclude", "*.txt", "--no-extract"]);
    check_facets_against_hits(&s, "opec", "people");
    // A small facet size still gives exact counts (not per-segment estimates).
    let v = s.search_json(
        "place:usa",
        &[
            "--all",
            "--copies",
            "--facets",
            "people",
            "--facet-size",
            "2",
        ],
    );
    let expected = counts_from_hits(v["hits"].as_array().unwrap(), "people");
    for f in v["facets"]["people"].as_array().unwrap() {
        let name = f["value"].as_str().unwrap();
        assert_eq!(f["count"].as_u64(), expected.get(name).copied(), "{name}");
    }
    check_facets_against_hits(&s, "org:opec AND date:1987-03", "places");
    let v = s.search_json(
        "opec",
        &["--facets", "date", "--interval", "month", "-n", "1"],
    );
    let buckets = v["facets"]["date"].as_array().unwrap();
    let sum: u64 = buckets.iter().map(|b| b["count"].as_u64().unwrap()).sum();
    assert_eq!(
        sum + v["facets"]["date_undated"].as_u64().unwrap(),
        v["total"].as_u64().unwrap()
    );
    assert!(buckets
        .iter()
        .all(|b| b["start"].as_str().unwrap().ends_with("-01")));
}

#[test]
fn timelines_tell_archive_gaps_from_zero_hits_and_give_shares() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &["--no-extract"]);
    // The corpus has no articles in 2012 or 2013, and one in 2009 (not about Scientology).
    let out = s
        .cmd(&[
            "search",
            "scientology",
            "--facets",
            "date",
            "--interval",
            "year",
            "-f",
            "json",
            "-n",
            "0",
        ])
        .output()
        .expect("run");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let buckets = json["facets"]["date"].as_array().expect("buckets");
    let year = |y: &str| {
        buckets
            .iter()
            .find(|b| b["start"] == format!("{y}-01-01"))
            .unwrap_or_else(|| panic!("{y} in {buckets:?}"))
    };
    assert_eq!(year("2009")["count"], 0);
    assert_eq!(year("2009")["archive"], 1);
    assert_eq!(year("2009")["share"], 0.0);
    assert_eq!(year("2008")["share"], 0.5);
    let out = s
        .cmd(&[
            "search",
            "the",
            "--facets",
            "date",
            "--interval",
            "year",
            "-f",
            "json",
        ])
        .output()
        .expect("run");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let gap = json["facets"]["date"]
        .as_array()
        .expect("buckets")
        .iter()
        .find(|b| b["start"] == "2012-01-01")
        .cloned()
        .expect("2012 is drawn");
    assert_eq!(
        (gap["count"].as_u64(), gap["archive"].as_u64()),
        (Some(0), Some(0))
    );
    assert!(gap.get("share").is_none());
    // In the terminal a gap is said, and --share prints percentages.
    let out = s
        .cmd(&[
            "search",
            "the",
            "--facets",
            "date",
            "--interval",
            "year",
            "-n",
            "0",
            "--share",
        ])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("share of the archive's articles"), "{text}");
    assert!(
        text.contains("2012       - (no articles in the archive)"),
        "{text}"
    );
    assert!(text.contains("2015       6 100.0% "), "{text}");
}
