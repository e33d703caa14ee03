//! Curation (issue 13): `dateline entities merge|rename|retype|drop` change the next
//! search's facets, filters and `entities` without re-indexing, survive later `index`
//! runs (a changed file, `--rebuild`), and `--suspicious` names likely junk with a fix.

mod common;

use std::fs;

use common::{repo, shared_data, Scratch};
use serde_json::Value;

/// Every name of `kind` (`people`, `orgs`, `places`) with its article count.
fn names(s: &Scratch, kind: &str) -> Vec<(String, u64)> {
    let flag = match kind {
        "people" => "person",
        "orgs" => "org",
        _ => "place",
    };
    let out = s
        .cmd(&["entities", "--type", flag, "-n", "100000", "-f", "json"])
        .output()
        .expect("run");
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    json["entities"][kind]
        .as_array()
        .expect("list")
        .iter()
        .map(|v| {
            (
                v["value"].as_str().expect("value").to_string(),
                v["count"].as_u64().expect("count"),
            )
        })
        .collect()
}

fn count(list: &[(String, u64)], name: &str) -> Option<u64> {
    list.iter().find(|(n, _)| n == name).map(|(_, c)| *c)
}

fn hits(s: &Scratch, args: &[&str]) -> u64 {
    let mut all = vec!["search", "-f", "json"];
    all.extend_from_slice(args);
    all.push("*");
    let out = s.cmd(&all).output().expect("run");
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    json["total"].as_u64().expect("total")
}

fn curate(s: &Scratch, args: &[&str]) -> String {
    let mut all = vec!["entities"];
    all.extend_from_slice(args);
    let out = s.cmd(&all).output().expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    stderr
}

#[test]
fn curation_changes_every_view_at_once_and_survives_reindexing() {
    let s = Scratch::new();
    let archive = s.copy_dir(&repo().join("corpus"), "archive");
    // Without the archive-wide links, which would drop Water on their own.
    s.index(&archive, &["--no-link"]);

    // The Warhol article names the photographer K.C. Maurer, once misspelt Mauer:
    // a reader's merge.
    let people = names(&s, "people");
    let (mauer, maurer) = (count(&people, "Mauer"), count(&people, "K.C. Maurer"));
    assert!(mauer.is_some() && maurer.is_some(), "{people:?}");
    let articles_with_either =
        hits(&s, &["--person", "Mauer"]) + hits(&s, &["--person", "K.C. Maurer"]);
    let said = curate(
        &s,
        &[
            "merge",
            "--type",
            "person",
            "Mauer",
            "--into",
            "K.C. Maurer",
        ],
    );
    assert!(said.contains("updated; rules kept in"), "{said}");
    let people = names(&s, "people");
    assert_eq!(count(&people, "Mauer"), None, "merged away");
    assert!(count(&people, "K.C. Maurer").unwrap_or(0) >= maurer.unwrap_or(0));
    assert!(count(&people, "K.C. Maurer").unwrap_or(0) <= articles_with_either);
    // Filters see the merged name.
    assert_eq!(hits(&s, &["--person", "Mauer"]), 0);
    assert_eq!(
        hits(&s, &["--person", "K.C. Maurer"]),
        count(&people, "K.C. Maurer").unwrap_or(0)
    );

    // Scientology is an org in more articles than it is a place.
    let orgs_before = count(&names(&s, "orgs"), "Scientology").unwrap_or(0);
    assert!(count(&names(&s, "places"), "Scientology").is_some());
    curate(
        &s,
        &["retype", "--type", "place", "Scientology", "--to", "org"],
    );
    assert_eq!(count(&names(&s, "places"), "Scientology"), None);
    // Its article may list the org already: then it is counted once.
    assert!(count(&names(&s, "orgs"), "Scientology").unwrap_or(0) >= orgs_before.max(1));
    assert_eq!(hits(&s, &["--place", "Scientology"]), 0);

    // A dropped name is gone from facets and from the hit's lists.
    assert!(count(&names(&s, "people"), "Water").is_some());
    curate(&s, &["drop", "--type", "person", "Water"]);
    assert_eq!(count(&names(&s, "people"), "Water"), None);
    let out = s.cmd(&["entities", "rules"]).output().expect("run");
    let rules = String::from_utf8_lossy(&out.stdout);
    assert!(
        rules.contains("name = \"Mauer\"\ninto = \"K.C. Maurer\""),
        "{rules}"
    );
    assert!(rules.contains("retype = \"org\""), "{rules}");

    // A changed file is extracted again: the rules apply to it too.
    let warhol_file = archive.join("wikinews/html/warhol.html");
    let html = fs::read_to_string(&warhol_file).expect("read");
    fs::write(
        &warhol_file,
        html.replace("</body>", "<p>Mauer said so.</p></body>"),
    )
    .expect("write");
    let summary = s.index(&archive, &[]);
    assert_eq!(summary["articles_updated"], 1, "{summary}");
    assert_eq!(count(&names(&s, "people"), "Mauer"), None);
    // And so do they after a rebuild, which keeps the rules file.
    s.index(&archive, &["--rebuild"]);
    let people = names(&s, "people");
    assert_eq!(count(&people, "Mauer"), None);
    assert_eq!(count(&people, "Water"), None);
    assert_eq!(count(&names(&s, "places"), "Scientology"), None);
    assert!(s.index_path().join("dateline-curation.toml").exists());
}

/// Hits of a `SAID(...)` query, and the speakers facet's count of `speaker`.
fn said(s: &Scratch, query: &str, speaker: &str) -> (u64, u64) {
    let out = s
        .cmd(&["search", "-f", "json", "--facets", "speakers", query])
        .output()
        .expect("run");
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let facet = json["facets"]["speakers"]
        .as_array()
        .expect("speakers facet")
        .iter()
        .find(|v| v["value"] == speaker)
        .and_then(|v| v["count"].as_u64())
        .unwrap_or(0);
    (json["total"].as_u64().expect("total"), facet)
}

#[test]
fn curation_renames_speakers_too() {
    let s = Scratch::new();
    let archive = s.copy_dir(&repo().join("corpus"), "archive");
    s.index(&archive, &[]);
    // The Wikinews article on the Rohingya boats quotes Amneh Jafari; a reader decides
    // she is Amneh al-Jafari.
    let (old, new) = (
        r#"SAID(speaker:"amneh jafari")"#,
        r#"SAID(speaker:"amneh al-jafari")"#,
    );
    assert_eq!(said(&s, old, "Amneh Jafari"), (1, 1));
    assert_eq!(said(&s, new, "Amneh al-Jafari"), (0, 0));
    curate(
        &s,
        &[
            "merge",
            "--type",
            "person",
            "Amneh Jafari",
            "--into",
            "Amneh al-Jafari",
        ],
    );
    // Who said it is found under the name every other view now shows.
    assert_eq!(said(&s, new, "Amneh al-Jafari"), (1, 1));
    // The words as the article writes them still find her; the facet has the new name.
    assert_eq!(said(&s, old, "Amneh Jafari"), (1, 0));
    let out = s.cmd(&["search", "-f", "json", new]).output().expect("run");
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let attributions = json["hits"][0]["attributions"].to_string();
    assert!(
        attributions.contains(r#""canonical":"Amneh al-Jafari""#),
        "{attributions}"
    );
}

#[test]
fn suspicious_names_come_with_a_reason_and_a_fix() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &["--no-link"]);
    let out = s
        .cmd(&["entities", "--suspicious", "-n", "1000", "-f", "json"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let suspects = json["suspects"].as_array().expect("suspects");
    let find = |name: &str| {
        suspects
            .iter()
            .find(|s| s["name"] == name)
            .unwrap_or_else(|| panic!("{name} is suspect: {json}"))
    };
    assert_eq!(
        find("Water")["fix"],
        "dateline entities drop --type person Water"
    );
    assert!(find("Scientology")["reasons"][0]
        .as_str()
        .is_some_and(|r| r.contains("an org in ")));
}

#[test]
fn indexing_links_names_the_archive_makes_clear_and_says_so() {
    let s = Scratch::new();
    let summary = s.index(&repo().join("corpus"), &[]);
    assert!(summary["linked"]["names"].as_u64() > Some(0), "{summary}");
    // Generic words listed as names are gone...
    let people = names(&s, "people");
    assert_eq!(count(&people, "Water"), None, "{people:?}");
    assert_eq!(hits(&s, &["--person", "Water"]), 0);
    let links = fs::read_to_string(s.index_path().join("dateline-links.toml")).expect("links");
    assert!(links.contains("name = \"Water\"\ndrop = true"), "{links}");
    // ...but an org listed as a place is not moved on a count alone: --suspicious
    // still offers that fix to a reader.
    assert!(count(&names(&s, "places"), "Scientology").is_some());
    let out = s
        .cmd(&["entities", "--suspicious", "-n", "1000", "-f", "json"])
        .output()
        .expect("run");
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let suspects = json["suspects"].as_array().expect("suspects");
    assert!(
        suspects.iter().any(|s| s["name"] == "Scientology"),
        "{json}"
    );
    assert!(suspects.iter().all(|s| s["name"] != "Water"), "{json}");
    // A second run with nothing changed links nothing new and keeps the file.
    let again = s.index(&repo().join("corpus"), &[]);
    assert_eq!(again["linked"]["names"], 0, "{again}");
    assert!(s.index_path().join("dateline-links.toml").exists());
}

/// A name that many of its articles show to be a product (BBC's technology pages:
/// `a PC`, `their PC`, `PCs`) is listed as a suspect with that reason, and the link
/// step drops it from every article, those without a cue too (`PC makers`).
#[test]
fn a_name_the_archive_shows_to_be_a_product_is_dropped_everywhere() {
    let Some(bbc) = shared_data("bbc") else {
        return;
    };
    let s = Scratch::new();
    let tech = bbc.join("tech");
    s.index(&tech, &["--no-link", "--no-stories"]);
    let listed = count(&names(&s, "orgs"), "PC");
    assert!(listed.is_some_and(|n| n >= 10), "PC listed: {listed:?}");
    let out = s
        .cmd(&[
            "entities",
            "--suspicious",
            "--type",
            "org",
            "-n",
            "1000",
            "-f",
            "json",
        ])
        .output()
        .expect("run");
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let pc = json["suspects"]
        .as_array()
        .expect("suspects")
        .iter()
        .find(|s| s["name"] == "PC")
        .unwrap_or_else(|| panic!("PC is a suspect: {json}"));
    assert!(
        pc["reasons"]
            .to_string()
            .contains("a work, a product or an event"),
        "{pc}"
    );
    assert_eq!(pc["fix"], "dateline entities drop --type org PC");
    // An ordinary run links it away; the companies stay.
    let s = Scratch::new();
    s.index(&tech, &["--no-stories"]);
    let orgs = names(&s, "orgs");
    let top = &orgs[..orgs.len().min(20)];
    assert_eq!(count(&orgs, "PC"), None, "{top:?}");
    assert!(
        count(&orgs, "Microsoft").is_some_and(|n| n >= 20),
        "{top:?}"
    );
    let links = fs::read_to_string(s.index_path().join("dateline-links.toml")).expect("links");
    assert!(links.contains("name = \"PC\"\ndrop = true"), "{links}");
}

#[test]
fn curation_refuses_a_folder_that_is_no_index() {
    let s = Scratch::new();
    let out = s
        .cmd(&["entities", "drop", "--type", "person", "Tory"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no dateline index"));
    assert!(!s.index_path().exists(), "nothing is created");
}
