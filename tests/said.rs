//! `SAID(...)` searches, the `speakers`/`stances` facets and attribution snippets,
//! through the real binary on `corpus/`: who said what, as the product promises
//! ("every article where Iran denies an al-Qaida link").

mod common;

use std::path::{Path, PathBuf};

use common::{repo, Scratch};
use serde_json::Value;

const AP_ID: &str = "ap/2021-01-12-pompeo-iran-al-qaida.txt";

fn corpus_index() -> Scratch {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    s
}

#[test]
fn iran_denies_and_pompeo_accuses_and_neither_is_the_other() {
    let s = corpus_index();
    assert_eq!(
        s.ids("SAID(speaker:iran stance:deny al-qaida)"),
        vec![AP_ID],
        "Iran denied the charges (al-Qaida is in the sentence the denial points to)"
    );
    assert_eq!(
        s.ids("SAID(speaker:pompeo stance:accuse iran)"),
        vec![AP_ID]
    );
    // The sides do not swap.
    assert!(s.ids("SAID(speaker:pompeo stance:deny)").is_empty());
    assert!(s
        .ids("SAID(speaker:iran stance:accuse al-qaida)")
        .is_empty());
    // Condemned is a cue lemma of the criticize class: both find the spokesman.
    assert_eq!(
        s.ids("SAID(speaker:khatibzadeh stance:condemn)"),
        vec![AP_ID]
    );
    assert_eq!(
        s.ids("SAID(speaker:iran stance:criticize pompeo)"),
        vec![AP_ID],
        "the Iranian foreign ministry spokesman speaks for Iran"
    );
}

#[test]
fn said_composes_with_the_rest_of_the_language() {
    let s = corpus_index();
    let said = s.ids("SAID(speaker:iran stance:deny)");
    assert_eq!(said, vec![AP_ID]);
    // Inside NOT and OR, the scope keeps its meaning (never dropped to a plain AND).
    let all = s.ids("*");
    let not: Vec<String> = s.ids("NOT SAID(speaker:iran stance:deny)");
    assert_eq!(not.len(), all.len() - 1);
    assert!(!not.contains(&AP_ID.to_string()));
    let or = s.ids("SAID(speaker:iran stance:deny) OR zzzznothing");
    assert_eq!(or, said);
    // A word of the article that is not in the attribution does not satisfy it.
    assert!(s
        .ids("SAID(speaker:iran stance:deny \"swimming pool\")")
        .is_empty());
    // Fields outside SAID: articles where Iran speaks at all, or anyone denies.
    assert!(s.ids("speaker:iran").contains(&AP_ID.to_string()));
    assert!(s.ids("stance:denied").contains(&AP_ID.to_string()));
}

#[test]
fn a_said_hit_shows_the_attribution_and_carries_it_in_json() {
    let s = corpus_index();
    let v = s.search_json("SAID(speaker:iran stance:deny al-qaida)", &[]);
    let hit = &v["hits"][0];
    let snippet = hit["snippet"].as_str().expect("snippet");
    assert!(
        snippet.starts_with("Iran — has denied (deny) — all such charges"),
        "{snippet}"
    );
    assert!(snippet.contains("(about: Pompeo asserted"), "{snippet}");
    let attributions = hit["attributions"].as_array().expect("attributions");
    assert_eq!(attributions.len(), 1, "{attributions:#?}");
    assert_eq!(attributions[0]["cue"]["stance"], "deny");
    assert_eq!(attributions[0]["source"]["canonical"], "Iran");
    // Other queries' hits carry none.
    let v = s.search_json("al-Qaida", &[]);
    assert!(v["hits"][0].get("attributions").is_none());
}

#[test]
fn speakers_and_stances_are_facets() {
    let s = corpus_index();
    let v = s.search_json("al-Qaida", &["--facets", "speakers,stances"]);
    let count = |facet: &str, value: &str| {
        v["facets"][facet]
            .as_array()
            .unwrap_or_else(|| panic!("{facet} facet: {v:#}"))
            .iter()
            .find(|f| f["value"] == value)
            .and_then(|f| f["count"].as_u64())
    };
    assert!(count("speakers", "Mike Pompeo").is_some_and(|n| n >= 1));
    assert!(count("speakers", "Iran").is_some_and(|n| n >= 1));
    assert!(count("stances", "deny").is_some_and(|n| n >= 1));
    assert!(count("stances", "accuse").is_some_and(|n| n >= 1));
}

#[test]
fn a_stance_class_and_a_verb_ask_different_things() {
    // A court that denies a motion turns it down (class reject, lemma deny): the
    // class `deny` must not find it, so its hits agree with the stances facet; the
    // verb `denied` finds every denying word.
    let archive = tempfile::tempdir().expect("temporary directory");
    let write = |name: &str, body: &str| {
        std::fs::write(archive.path().join(name), body).expect("write article");
    };
    write(
        "ruling.txt",
        "NEC loses bid\n\nA U.S. District Court judge denied NEC's motion to \
         disqualify the judge.\n",
    );
    write(
        "denial.txt",
        "Ministry denies report\n\nThe ministry denied that talks had failed, \
         a spokesman said.\n",
    );
    let s = Scratch::new();
    s.index(archive.path(), &[]);
    for query in ["SAID(stance:deny)", "stance:deny", "SAID(stance:Deny)"] {
        assert_eq!(s.ids(query), ["denial.txt"], "{query}");
    }
    for query in [
        "SAID(stance:denied)",
        "stance:denied",
        "SAID(stance:not-deny) OR stance:deny OR stance:reject",
    ] {
        assert_eq!(s.ids(query), ["denial.txt", "ruling.txt"], "{query}");
    }
    assert_eq!(s.ids("SAID(stance:reject)"), ["ruling.txt"]);
    // A pattern names a class or a verb's lemma: `rej*` the court's class, `den*`
    // both the class and the court's verb.
    assert_eq!(s.ids("stance:rej*"), ["ruling.txt"]);
    assert_eq!(s.ids("stance:Den*"), ["denial.txt", "ruling.txt"]);
    let v = s.search_json("SAID(stance:deny)", &["--facets", "stances"]);
    assert_eq!(v["facets"]["stances"][0]["value"], "deny");
    assert_eq!(v["facets"]["stances"][0]["count"], v["total"]);
}

#[test]
fn an_unknown_stance_is_an_error_with_the_classes() {
    let s = corpus_index();
    let out = s
        .cmd(&["search", "SAID(speaker:iran stance:frobnicate)"])
        .output()
        .expect("run search");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown stance `frobnicate`"), "{err}");
    assert!(err.contains("deny"), "{err}");
}

/// Every article file of `dir`, as `dateline quotes` reads them.
fn article_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read corpus dir").flatten() {
            let p = entry.path();
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if p.is_dir() {
                stack.push(p);
            } else if ["txt", "md", "html", "json", "jsonl"].contains(&ext)
                && !name.starts_with("README")
                && !name.starts_with("ATTRIBUTION")
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The lower-cased words of `text`.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The stance classes, written out here so that the naive evaluator does not ask
/// dateline which names are classes.
const CLASSES: [&str; 13] = [
    "say",
    "deny",
    "accuse",
    "criticize",
    "reject",
    "claim",
    "warn",
    "admit",
    "promise",
    "urge",
    "confirm",
    "believe",
    "praise",
];

/// Verb forms the differential asks for, with their lemmas.
const VERB_FORMS: [(&str, &str); 1] = [("denied", "deny")];

/// Differential test: for speaker/stance pairs, the index's `SAID` answers equal a
/// naive evaluator's over `dateline quotes` output (no index, no query planner): an
/// article matches when one attribution's stance class (for a class name) or cue
/// lemma (for a verb) is the stance, its
/// cue negated exactly when the stance says `not-`, and its source's text, canonical
/// name or affiliations contain the speaker's word.
fn said_agrees_with_quotes_on(dir: &Path, speakers: &[&str], stances: &[&str]) -> (usize, usize) {
    let s = Scratch::new();
    s.index(dir, &[]);
    let mut articles: Vec<(String, Vec<Value>)> = Vec::new();
    for file in article_files(dir) {
        let relative = file.strip_prefix(dir).expect("inside the archive");
        // Run from the archive so that `quotes` gives the ids the index gives.
        let out = s
            .cmd(&["quotes", "--format", "json"])
            .arg(relative)
            .current_dir(dir)
            .output()
            .expect("run quotes");
        if out.status.code() == Some(2) {
            continue;
        }
        let v: Value = serde_json::from_slice(&out.stdout).expect("quotes json");
        for a in v["articles"].as_array().expect("articles") {
            articles.push((
                a["id"].as_str().expect("id").to_string(),
                a["attributions"].as_array().cloned().unwrap_or_default(),
            ));
        }
    }
    let mut pairs_with_hits = 0;
    for speaker in speakers {
        for stance in stances {
            let naive_holds = |a: &Value| {
                let source = &a["source"];
                if source.is_null() {
                    return false;
                }
                let mut keys = vec![source["text"].as_str().unwrap_or("").to_string()];
                keys.extend(source["canonical"].as_str().map(str::to_string));
                for aff in source["affiliations"].as_array().into_iter().flatten() {
                    keys.extend(aff.as_str().map(str::to_string));
                }
                let speaks = keys.iter().any(|k| words(k).contains(&speaker.to_string()));
                // `not-say` asks for a negated cue (`have not said`), `say` for one that
                // is not.
                let cue = &a["cue"];
                let negated = cue["negated"].as_bool().unwrap_or(false);
                let (wants_negated, name) = match stance.strip_prefix("not-") {
                    Some(name) => (true, name),
                    None => (false, *stance),
                };
                // A class name asks for the class; a verb (`denied`, `tell`) for the
                // lemma, whatever class the cue was given (`denied the motion`
                // rejects).
                let asked = if CLASSES.contains(&name) {
                    cue["stance"] == name
                } else {
                    let lemma = VERB_FORMS
                        .iter()
                        .find(|(form, _)| *form == name)
                        .map_or(name, |(_, lemma)| *lemma);
                    cue["lemma"] == lemma
                };
                speaks && negated == wants_negated && asked
            };
            let mut expected: Vec<String> = articles
                .iter()
                .filter(|(_, all)| all.iter().any(naive_holds))
                .map(|(id, _)| id.clone())
                .collect();
            expected.sort();
            expected.dedup();
            let got = s.ids(&format!("SAID(speaker:{speaker} stance:{stance})"));
            assert_eq!(got, expected, "SAID(speaker:{speaker} stance:{stance})");
            pairs_with_hits += usize::from(!expected.is_empty());
        }
    }
    (articles.len(), pairs_with_hits)
}

const SPEAKERS: [&str; 8] = [
    "pompeo",
    "iran",
    "he",
    "she",
    "officials",
    "police",
    "minister",
    "spokesman",
];
const STANCES: [&str; 10] = [
    "say",
    "not-say",
    "deny",
    "denied",
    "not-denied",
    "accuse",
    "claim",
    "tell",
    "criticize",
    "warn",
];

#[test]
fn said_agrees_with_a_naive_evaluator_over_quotes_output() {
    let (articles, pairs) = said_agrees_with_quotes_on(&repo().join("corpus"), &SPEAKERS, &STANCES);
    println!("said differential: corpus/, {articles} articles, {pairs} speaker/stance pairs with hits, all agree");
    assert!(articles >= 20, "{articles} articles");
    assert!(pairs >= 5, "only {pairs} pairs had any match");
}

/// The same on 60 BBC politics articles, when `../shared/data` is present. (Speakers
/// the alias table renames, like `tories` → Conservative Party, are left out: the naive
/// side knows no aliases.)
#[test]
fn said_agrees_with_a_naive_evaluator_on_bbc_politics() {
    let Some(bbc) = common::shared_data("bbc/politics") else {
        println!("said differential on BBC: SKIPPED (../shared/data/bbc not present)");
        return;
    };
    let s = Scratch::new();
    let mut files: Vec<PathBuf> = article_files(&bbc);
    files.truncate(60);
    let dir = s.index_path().with_file_name("bbc-politics");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for f in &files {
        std::fs::copy(f, dir.join(f.file_name().expect("name"))).expect("copy");
    }
    let speakers = [
        "blair",
        "brown",
        "howard",
        "he",
        "spokesman",
        "labour",
        "party",
        "minister",
    ];
    let (articles, pairs) = said_agrees_with_quotes_on(&dir, &speakers, &STANCES);
    println!("said differential: 60 BBC politics files, {articles} articles, {pairs} speaker/stance pairs with hits, all agree");
    assert_eq!(articles, 60);
    assert!(pairs >= 10, "only {pairs} pairs had any match");
}
