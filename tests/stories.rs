//! Wire copies through the real binary: copies of the AP article (cut down, given a new
//! lead, edited) are one story in search, `show --copies`, `dups`, exports and the
//! index summary, and the grouping follows the archive as files change.

mod common;

use std::fs;
use std::path::Path;

use common::{repo, shared_data, Scratch};
use serde_json::Value;

const AP: &str = "corpus/ap/2021-01-12-pompeo-iran-al-qaida.txt";

/// The AP article split into its header block and paragraphs.
fn ap_parts() -> (String, Vec<String>) {
    let text = fs::read_to_string(repo().join(AP)).expect("the AP article");
    let (header, body) = text.split_once("\n\n").expect("header block");
    let paragraphs = body
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    (header.to_string(), paragraphs)
}

fn write(dir: &Path, name: &str, header: &str, paragraphs: &[String]) {
    fs::write(
        dir.join(name),
        format!("{header}\n\n{}\n", paragraphs.join("\n\n")),
    )
    .expect("write article");
}

/// An archive with the AP article, three copies of it, and two other real articles.
fn archive(scratch: &Scratch) -> std::path::PathBuf {
    let dir = scratch.dir.path().join("archive");
    fs::create_dir_all(&dir).expect("archive dir");
    let (header, paragraphs) = ap_parts();
    write(&dir, "ap.txt", &header, &paragraphs);
    // A regional paper keeps the first half.
    let half = paragraphs.len().div_ceil(2);
    let cut = header.replace("Source: AP", "Source: Daily Courier");
    write(&dir, "courier.txt", &cut, &paragraphs[..half]);
    // An update: a new lead and headline before the same story.
    let mut updated = vec![
        "UPDATE 2 - Iran on Wednesday rejected the accusations as warmongering lies, its foreign ministry said in a statement read on state television.".to_string(),
    ];
    updated.extend(paragraphs.iter().cloned());
    let new_title = header.replace(
        "Title: Pompeo accuses Iran of secret ties with al-Qaida",
        "Title: UPDATE 2-Iran rejects Pompeo's al-Qaida accusation",
    );
    write(&dir, "update.txt", &new_title, &updated);
    // An edit: a few words changed, a paragraph moved, another dateline.
    let mut edited: Vec<String> = paragraphs
        .iter()
        .map(|p| p.replace("Tuesday", "Tues.").replace("accused", "charged"))
        .collect();
    edited[0] = edited[0].replace("WASHINGTON (AP) —", "NEW YORK (Reuters) -");
    let last = edited.len() - 1;
    edited.swap(last, last - 1);
    write(
        &dir,
        "edited.txt",
        &header.replace("AP", "Reuters"),
        &edited,
    );
    for other in [
        "corpus/wikinews/txt/2006-02-23-iodine.txt",
        "corpus/wikinews/txt/2015-08-02-taxes.txt",
    ] {
        let from = repo().join(other);
        let name = from.file_name().expect("file name");
        fs::copy(&from, dir.join(name)).expect("copy article");
    }
    dir
}

fn hits(v: &Value) -> &Vec<Value> {
    v["hits"].as_array().expect("hits")
}

#[test]
fn copies_are_one_story_in_every_view() {
    let scratch = Scratch::new();
    let dir = archive(&scratch);
    let summary = scratch.index(&dir, &[]);
    assert_eq!(summary["articles_in_index"], 6);
    assert_eq!(summary["stories"]["stories_with_copies"], 1, "{summary}");
    assert_eq!(summary["stories"]["articles_in_them"], 4);
    assert_eq!(summary["stories"]["joined"], 3);

    // Collapsed by default: one hit, three copies folded in, counted over stories.
    let v = scratch.search_json("pompeo", &[]);
    assert_eq!(v["total"], 4);
    assert_eq!(v["stories"], 1);
    assert_eq!(hits(&v).len(), 1);
    assert_eq!(hits(&v)[0]["copies"], 3);
    let story = hits(&v)[0]["story"].as_str().expect("story").to_string();
    assert_eq!(story.len(), 16);

    // --copies lists them all, each carrying the same story.
    let all = scratch.search_json("pompeo", &["--copies"]);
    assert_eq!(hits(&all).len(), 4);
    assert!(hits(&all).iter().all(|h| h["story"] == story.as_str()));
    assert!(hits(&all).iter().all(|h| h.get("copies").is_none()));

    // Unrelated articles are their own stories.
    let every = scratch.search_json("*", &["--copies", "--all"]);
    let others: Vec<&Value> = hits(&every)
        .iter()
        .filter(|h| h["story"] != story.as_str())
        .collect();
    assert_eq!(others.len(), 2);
    assert_ne!(others[0]["story"], others[1]["story"]);

    // The terminal marks the fold and counts stories.
    let out = scratch.cmd(&["search", "pompeo"]).output().expect("search");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("4 hits (1 story) for pompeo"), "{text}");
    assert!(text.contains("(+3 copies)"), "{text}");

    // show --copies lists the others with how they differ.
    let out = scratch
        .cmd(&["show", "ap.txt", "--copies"])
        .output()
        .expect("show");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("3 copies of this story:"), "{text}");
    assert!(text.contains("courier.txt"), "{text}");
    assert!(text.contains("update.txt  UPDATE 2-Iran rejects"), "{text}");
    let out = scratch
        .cmd(&["show", "ap.txt", "--copies", "--format", "json"])
        .output()
        .expect("show json");
    let shown: Value = serde_json::from_slice(&out.stdout).expect("json");
    let copies = shown["copies"].as_array().expect("copies");
    let update = copies
        .iter()
        .find(|c| c["id"] == "update.txt")
        .expect("update");
    assert_eq!(update["difference"]["added"], 1, "{update}");
    assert_eq!(update["difference"]["removed"], 0);
    let courier = copies
        .iter()
        .find(|c| c["id"] == "courier.txt")
        .expect("cut");
    assert_eq!(courier["difference"]["added"], 0);
    assert!(courier["difference"]["removed"].as_u64() > Some(0));

    // dups: the rate and the story.
    let out = scratch
        .cmd(&["dups", "--format", "json"])
        .output()
        .expect("dups");
    let dups: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(dups["articles"], 6);
    assert_eq!(dups["stories"], 3);
    assert_eq!(dups["copies"], 3);
    assert_eq!(dups["largest"][0]["story"], story.as_str());
    assert_eq!(dups["largest"][0]["articles"], 4);

    // Exports carry the story and its size.
    let out = scratch.cmd(&["export"]).output().expect("export");
    let lines = String::from_utf8_lossy(&out.stdout).to_string();
    let ap: Value = lines
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("json line"))
        .find(|a| a["id"] == "ap.txt")
        .expect("ap exported");
    assert_eq!(ap["story"], story.as_str());
    assert_eq!(ap["copies"], 3);
}

/// `--count stories`: every facet value and histogram bar, checked against a naive
/// count of distinct stories over every hit listed with `--copies`.
#[test]
fn facets_and_histogram_count_stories_on_request() {
    use std::collections::{BTreeMap, BTreeSet};
    let scratch = Scratch::new();
    let dir = archive(&scratch);
    scratch.index(&dir, &[]);
    let every = scratch.search_json("*", &["--copies", "--all"]);
    // Naive: each value's distinct stories, and each story's first day.
    let mut stories_of: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    let mut first_day: BTreeMap<String, Option<String>> = BTreeMap::new();
    for hit in hits(&every) {
        let story = hit["story"].as_str().expect("story").to_string();
        for facet in ["people", "orgs", "places"] {
            for name in hit[facet].as_array().expect("names") {
                let name = name.as_str().expect("name").to_string();
                stories_of
                    .entry((facet.to_string(), name))
                    .or_default()
                    .insert(story.clone());
            }
        }
        let first = first_day.entry(story).or_insert(None);
        if let Some(day) = hit["date"].as_str() {
            let earlier = first
                .take()
                .map_or(day.to_string(), |f| f.min(day.to_string()));
            *first = Some(earlier);
        }
    }
    let options = [
        "--facets",
        "people,orgs,places,date",
        "--facet-size",
        "1000",
        "--interval",
        "day",
    ];
    let by_article = scratch.search_json("*", &options);
    let mut stories_options = options.to_vec();
    stories_options.extend(["--count", "stories"]);
    let by_story = scratch.search_json("*", &stories_options);
    assert_eq!(by_story["facets"]["counted"], "stories");
    assert!(by_article["facets"].get("counted").is_none());
    let mut checked = 0;
    for facet in ["people", "orgs", "places"] {
        let listed = by_story["facets"][facet].as_array().expect("facet");
        let naive: Vec<(&String, usize)> = stories_of
            .iter()
            .filter(|((f, _), _)| f == facet)
            .map(|((_, name), stories)| (name, stories.len()))
            .collect();
        assert_eq!(
            listed.len(),
            naive.len(),
            "{facet}: {listed:?} vs {naive:?}"
        );
        for (name, count) in naive {
            let shown = listed
                .iter()
                .find(|v| v["value"] == name.as_str())
                .unwrap_or_else(|| panic!("{facet} {name} listed"));
            assert_eq!(shown["count"], count, "{facet} {name}");
            checked += 1;
        }
    }
    assert!(checked >= 5, "{checked} values checked");
    // The AP story's people count once by story, four times by article.
    let count_of = |v: &Value, name: &str| {
        v["facets"]["people"]
            .as_array()
            .expect("people")
            .iter()
            .find(|p| p["value"] == name)
            .map(|p| p["count"].as_u64().expect("count"))
    };
    assert_eq!(count_of(&by_article, "Mike Pompeo"), Some(4));
    assert_eq!(count_of(&by_story, "Mike Pompeo"), Some(1));
    // Each story once in the histogram, on its first day.
    let mut naive_days: BTreeMap<String, u64> = BTreeMap::new();
    for day in first_day.values().flatten() {
        *naive_days.entry(day.clone()).or_default() += 1;
    }
    let bars: BTreeMap<String, u64> = by_story["facets"]["date"]
        .as_array()
        .expect("histogram")
        .iter()
        .filter(|b| b["count"].as_u64() > Some(0))
        .map(|b| {
            (
                b["start"].as_str().expect("start").to_string(),
                b["count"].as_u64().expect("count"),
            )
        })
        .collect();
    assert_eq!(bars, naive_days);
    let undated = first_day.values().filter(|d| d.is_none()).count() as u64;
    assert_eq!(
        by_story["facets"]["date_undated"].as_u64().unwrap_or(0),
        undated
    );

    // The terminal says what it counts.
    let out = scratch
        .cmd(&[
            "search",
            "pompeo",
            "--facets",
            "people,date",
            "--count",
            "stories",
        ])
        .output()
        .expect("search");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("people (stories)"), "{text}");
    assert!(text.contains("stories by first day"), "{text}");
}

#[test]
fn stories_follow_the_archive_as_files_change() {
    let scratch = Scratch::new();
    let dir = archive(&scratch);
    scratch.index(&dir, &[]);
    let story_of = |id: &str| -> String {
        let v = scratch.search_json(&format!("id:\"{id}\""), &["--copies"]);
        hits(&v)[0]["story"].as_str().expect("story").to_string()
    };
    let story = story_of("ap.txt");

    // A new reprint joins the story under its label; nothing else is rewritten.
    let (header, paragraphs) = ap_parts();
    write(&dir, "reprint.txt", &header, &paragraphs[1..]);
    let summary = scratch.index(&dir, &[]);
    assert_eq!(summary["stories"]["joined"], 1, "{summary}");
    assert_eq!(summary["stories"]["relabelled"], 1);
    assert_eq!(story_of("reprint.txt"), story);

    // A copy rewritten into another story leaves it.
    let other = fs::read_to_string(repo().join("corpus/wikinews/txt/2016-09-09-election.txt"))
        .expect("article");
    fs::write(dir.join("edited.txt"), other).expect("rewrite");
    scratch.index(&dir, &[]);
    assert_ne!(story_of("edited.txt"), story);
    assert_eq!(story_of("courier.txt"), story);

    // Removing the original keeps the rest together.
    fs::remove_file(dir.join("ap.txt")).expect("remove");
    scratch.index(&dir, &[]);
    assert_eq!(story_of("courier.txt"), story_of("update.txt"));
    let v = scratch.search_json("pompeo", &[]);
    assert_eq!(v["stories"], 1);
}

#[test]
fn without_stories_every_article_stands_alone() {
    let scratch = Scratch::new();
    let dir = archive(&scratch);
    let summary = scratch.index(&dir, &["--no-stories"]);
    assert!(summary.get("stories").is_none(), "{summary}");
    let v = scratch.search_json("pompeo", &[]);
    assert_eq!(v["total"], 4);
    assert_eq!(hits(&v).len(), 4);
    assert!(hits(&v).iter().all(|h| h["story"].is_null()));
}

/// Every group of articles with the same normalised body (exact duplicates) in
/// Reuters-21578 and BBC lands in one story.
#[test]
fn every_exact_duplicate_in_reuters_and_bbc_is_one_story() {
    for (name, extra) in [
        ("reuters21578", vec!["--exclude", "*.txt", "--no-extract"]),
        ("bbc", vec!["--no-extract"]),
    ] {
        let Some(data) = shared_data(name) else {
            return;
        };
        let scratch = Scratch::new();
        scratch.index(&data, &extra);
        let out = scratch.cmd(&["export"]).output().expect("export");
        let mut by_body: std::collections::HashMap<String, Vec<String>> = Default::default();
        let mut stories: std::collections::HashMap<String, String> = Default::default();
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            let a: Value = serde_json::from_str(line).expect("json line");
            let body = a["body"].as_str().unwrap_or_default();
            let words: Vec<String> = body
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            // Short bodies are told apart by their titles (see stories/signature.rs).
            if words.len() < 12 {
                continue;
            }
            let id = a["id"].as_str().expect("id").to_string();
            stories.insert(id.clone(), a["story"].as_str().expect("story").to_string());
            by_body.entry(words.join(" ")).or_default().push(id);
        }
        let groups: Vec<&Vec<String>> = by_body.values().filter(|g| g.len() > 1).collect();
        let duplicates: usize = groups.iter().map(|g| g.len() - 1).sum();
        let split: Vec<&&Vec<String>> = groups
            .iter()
            .filter(|g| g.iter().any(|id| stories[id] != stories[&g[0]]))
            .collect();
        eprintln!(
            "{name}: {duplicates} exact duplicates in {} groups",
            groups.len()
        );
        assert!(
            duplicates > 100,
            "{name}: only {duplicates} exact duplicates found"
        );
        assert!(
            split.is_empty(),
            "{name}: exact duplicates in several stories: {split:?}"
        );
    }
}

/// `saved run --new` reports a story once: a new copy of a story it already reported
/// is not news, a new story is.
#[test]
fn saved_new_reports_a_story_once() {
    let scratch = Scratch::new();
    let dir = archive(&scratch);
    scratch.index(&dir, &[]);
    let ok = scratch
        .cmd(&["saved", "add", "iran", "pompeo"])
        .output()
        .expect("saved add");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let run = || -> Vec<Value> {
        let out = scratch
            .cmd(&["saved", "run", "iran", "--new", "-f", "jsonl"])
            .output()
            .expect("saved run");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).expect("json line"))
            .collect()
    };
    assert!(run().is_empty(), "nothing new since the query was saved");

    let (header, paragraphs) = ap_parts();
    write(&dir, "reprint.txt", &header, &paragraphs[1..]);
    scratch.index(&dir, &[]);
    assert!(
        run().is_empty(),
        "a reprint of a reported story is not news"
    );
    // ... and the exit code says so, for cron jobs: 1, nothing new.
    write(&dir, "reprint-2.txt", &header, &paragraphs[2..]);
    scratch.index(&dir, &[]);
    let out = scratch
        .cmd(&["saved", "run", "iran", "--new", "-f", "jsonl"])
        .output()
        .expect("saved run");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    let lead = "Secretary of State Mike Pompeo flew to Brussels on Thursday for talks with NATO allies about troop levels in Afghanistan, the State Department said, a trip planned weeks before the election.".to_string();
    let follow = "Officials said the meetings would cover the drawdown ordered by President Donald Trump and the alliance's training mission, which European governments want to keep.".to_string();
    let story = vec![lead, follow];
    write(
        &dir,
        "brussels.txt",
        "Title: Pompeo in Brussels\nDate: 2021-01-14",
        &story,
    );
    let copy_header = "Title: Pompeo flies to Brussels\nDate: 2021-01-14";
    write(&dir, "brussels-copy.txt", copy_header, &story);
    scratch.index(&dir, &[]);
    let new = run();
    assert_eq!(new.len(), 1, "{new:?}");
    assert_eq!(new[0]["copies"], 1);
}
