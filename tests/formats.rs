//! Every reader through the binary: what each fixture file becomes in the index.

mod common;

use common::{repo, Scratch};
use serde_json::Value;

fn fixture_index() -> Scratch {
    let s = Scratch::new();
    // Metadata entities only: these tests pin the readers, not the tagger.
    let summary = s.index(&repo().join("tests/fixtures/formats"), &["--no-extract"]);
    // 12 articles: 4 txt, 1 md, 2 jsonl (one bad line), 2 json, 1 html, 2 sgml.
    assert_eq!(summary["articles_added"], 12, "{summary}");
    s
}

fn article(s: &Scratch, id: &str) -> Value {
    let out = s.cmd(&["show", id, "--format", "json"]).output().unwrap();
    assert!(
        out.status.success(),
        "show {id}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn txt_titles_and_date_sources() {
    let s = fixture_index();
    let a = article(&s, "wire/2015-08-21-korea.txt");
    assert_eq!(
        a["title"],
        "North Korea puts military in quasi-state of war"
    );
    assert_eq!(a["date"], "2015-08-21");
    assert_eq!(a["date_source"], "path");
    assert!(a["body"]
        .as_str()
        .unwrap()
        .starts_with("According to Yonhap"));

    let a = article(&s, "plain/seoul-dateline.txt");
    assert_eq!(a["date"], "2015-08-21");
    assert_eq!(a["date_source"], "text");

    let a = article(&s, "plain/undated.txt");
    assert!(
        a["date"].is_null(),
        "no date is better than a wrong one: {a}"
    );
    assert!(a["date_source"].is_null());
}

#[test]
fn latin1_text_is_decoded_and_reported() {
    let s = Scratch::new();
    let out = s
        .cmd(&["index"])
        .arg(repo().join("tests/fixtures/formats"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("plain/latin1-pound.txt: not UTF-8; decoded as windows-1252"),
        "{stderr}"
    );
    let a = article(&s, "plain/latin1-pound.txt");
    assert!(a["body"].as_str().unwrap().contains("£150,000"), "{a}");
}

#[test]
fn markdown_front_matter() {
    let s = fixture_index();
    let a = article(&s, "md/asylum.md");
    assert_eq!(
        a["title"],
        "Over 900 asylum seekers rescued off Indonesian coast"
    );
    assert_eq!(a["date"], "2015-05-18");
    assert_eq!(a["date_source"], "metadata");
    assert_eq!(a["source"], "Wikinews");
    assert_eq!(a["people"], serde_json::json!(["Fuad Basya"]));
    assert_eq!(a["places"], serde_json::json!(["Indonesia", "Myanmar"]));
    assert!(a["body"].as_str().unwrap().starts_with("On Friday"));
}

#[test]
fn json_lines_keep_good_lines_and_report_the_bad_one() {
    let s = Scratch::new();
    let summary = s.index(&repo().join("tests/fixtures/formats"), &["--no-extract"]);
    let errors = summary["record_errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{summary}");
    assert_eq!(errors[0]["path"], "feeds/mixed.jsonl");
    assert!(errors[0]["reason"].as_str().unwrap().starts_with("line 2"));

    let a = article(&s, "feeds/mixed.jsonl#1");
    assert_eq!(a["title"], "At least 107 killed in Mecca crane collapse");
    assert_eq!(a["places"], serde_json::json!(["Saudi Arabia", "Mecca"]));
    let a = article(&s, "feeds/mixed.jsonl#3");
    assert_eq!(a["title"], "Sweden, Belgium, England win three points");
    assert_eq!(a["date"], "2018-06-18");
    assert_eq!(a["source"], "Wikinews");
    assert_eq!(a["orgs"], serde_json::json!(["FIFA"]));
}

#[test]
fn json_array_with_alternative_field_names() {
    let s = fixture_index();
    let a = article(&s, "feeds/array.json#1");
    assert_eq!(
        a["title"],
        "Australian children suffering from iodine deficiency"
    );
    assert_eq!(a["date"], "2006-02-23");
    assert_eq!(a["people"], serde_json::json!(["Creswell Eastman"]));
    assert_eq!(a["orgs"], serde_json::json!(["University of Sydney"]));
    assert_eq!(a["places"], serde_json::json!(["Australia"]));
    let a = article(&s, "feeds/array.json#2");
    assert_eq!(a["date"], "2015-03-12");
    assert!(a["source"].is_null());
}

#[test]
fn html_main_text_without_boilerplate() {
    let s = fixture_index();
    let a = article(&s, "web/lanterns.html");
    assert_eq!(a["title"], "Sky lanterns banned after fire");
    assert_eq!(a["date"], "2013-07-01");
    assert_eq!(a["source"], "Wikinews");
    let body = a["body"].as_str().unwrap();
    assert!(body.contains("“it was one of the biggest”"), "{body}");
    assert!(body.contains("lanterns & similar"), "{body}");
    for boilerplate in ["Home", "Related stories", "daily paper", "CC BY"] {
        assert!(
            !body.contains(boilerplate),
            "{boilerplate} leaked into {body}"
        );
    }
}

#[test]
fn reuters_sgml_records_and_tags() {
    let s = fixture_index();
    let a = article(&s, "wire/reuters-style.sgm#1");
    assert_eq!(a["title"], "NORTH KOREA PUTS MILITARY ON <HIGH ALERT>");
    assert_eq!(a["date"], "2015-08-21");
    assert_eq!(a["date_source"], "metadata");
    assert_eq!(a["people"], serde_json::json!(["Kim Jong Un"]));
    assert_eq!(a["orgs"], serde_json::json!(["kcna"]));
    assert_eq!(
        a["places"],
        serde_json::json!(["North Korea", "South Korea"])
    );
    assert!(a["body"]
        .as_str()
        .unwrap()
        .contains("artillery fire & shells"));
    let brief = article(&s, "wire/reuters-style.sgm#2");
    assert_eq!(brief["title"], "SOUTH KOREA CALLS FOR CALM");
    assert_eq!(brief["date"], "2015-08-22");

    // Entity fields: any word of a name matches.
    assert_eq!(s.ids("person:kim"), vec!["wire/reuters-style.sgm#1"]);
    assert_eq!(
        s.ids("people:\"kim jong un\""),
        vec!["wire/reuters-style.sgm#1"]
    );
    assert_eq!(s.ids("org:kcna"), vec!["wire/reuters-style.sgm#1"]);
    assert_eq!(
        s.ids("place:south"),
        vec!["wire/reuters-style.sgm#1", "wire/reuters-style.sgm#2"]
    );
}

#[test]
fn undated_articles_sort_last_both_ways() {
    let s = fixture_index();
    for sort in ["date", "oldest"] {
        let v = s.search_json(
            "korea OR fire OR sweden OR talks OR plant",
            &["--sort", sort, "--all"],
        );
        let dates: Vec<Option<&str>> = v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["date"].as_str())
            .collect();
        assert!(dates.len() >= 7, "{dates:?}");
        let first_undated = dates.iter().position(Option::is_none).unwrap();
        assert!(
            dates[first_undated..].iter().all(Option::is_none),
            "{sort}: {dates:?}"
        );
        assert!(first_undated >= 5, "{sort}: {dates:?}");
    }
}

#[test]
fn character_references_left_in_plain_text_are_decoded() {
    // Web scrapes saved as text keep HTML references (22 BBC articles do). Undecoded,
    // `Blair&#191;s` reached the people facet as a name and `caf&#233;` was the word 233.
    let s = Scratch::new();
    let archive = s.dir.path().join("archive");
    std::fs::create_dir(&archive).unwrap();
    std::fs::write(
        archive.join("cafe.txt"),
        "Blair&#191;s caf&#233; plan &lt;draft&gt;\n\n\
         Prime Minister Tony Blair&#191;s office said on Monday that every internet \
         caf&#233; in London would get a grant of &#163;500, and that AT&T and R&D \
         budgets were not affected.\n",
    )
    .unwrap();
    s.index(&archive, &[]);
    let a = article(&s, "cafe.txt");
    assert_eq!(a["title"], "Blair's café plan <draft>");
    let body = a["body"].as_str().unwrap();
    assert!(body.contains("Tony Blair's office"), "{body}");
    assert!(body.contains("internet café in London"), "{body}");
    assert!(body.contains("£500, and that AT&T and R&D"), "{body}");
    let people = a["people"].as_array().unwrap();
    assert_eq!(people, &vec![Value::from("Tony Blair")], "{a}");
    assert_eq!(s.ids("café"), vec!["cafe.txt"]);
    assert!(s.ids("233").is_empty());
}
