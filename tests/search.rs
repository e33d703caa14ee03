//! `dateline index` + `dateline search`/`show` through the real binary on `corpus/`.

mod common;

use common::{repo, Scratch};
use predicates::prelude::*;

const AP_ID: &str = "ap/2021-01-12-pompeo-iran-al-qaida.txt";

fn corpus_index() -> Scratch {
    let s = Scratch::new();
    let summary = s.index(&repo().join("corpus"), &[]);
    assert_eq!(summary["articles_added"], 25, "{summary}");
    assert_eq!(summary["skipped"].as_array().map(Vec::len), Some(0));
    s
}

#[test]
fn readme_queries_find_the_ap_article() {
    let s = corpus_index();
    let v = s.search_json("al-Qaida AND Iran", &[]);
    assert_eq!(v["hits"][0]["id"], AP_ID, "{v}");
    assert_eq!(v["hits"][0]["source"], "AP");
    assert_eq!(v["hits"][0]["date"], "2021-01-12");
    assert_eq!(v["hits"][0]["date_source"], "metadata");

    assert_eq!(s.ids("date:2021-01"), vec![AP_ID]);
    assert_eq!(s.ids("date:2021-01-12"), vec![AP_ID]);
    assert!(s.ids("date:2021-01-13").is_empty());
    assert!(s.ids("date:2021").contains(&AP_ID.to_string()));
    assert!(s
        .ids("date:[2020-06 TO 2021-02]")
        .contains(&AP_ID.to_string()));
    assert!(!s
        .ids("date:[2020-06 TO 2020-12]")
        .contains(&AP_ID.to_string()));
}

#[test]
fn terminal_output_has_header_and_highlighted_snippet() {
    let s = corpus_index();
    s.cmd(&["search", "khatibzadeh"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 hit for khatibzadeh"))
        .stdout(predicate::str::contains("2021-01-12  Pompeo accuses Iran"))
        .stdout(predicate::str::contains("[Khatibzadeh]"))
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn every_corpus_article_has_a_date_from_metadata() {
    let s = corpus_index();
    let v = s.search_json("date:[1900 TO *]", &["--all"]);
    assert_eq!(v["total"], 25);
    for hit in v["hits"].as_array().unwrap() {
        assert_eq!(hit["date_source"], "metadata", "{hit}");
        assert!(!hit["title"].as_str().unwrap().is_empty());
    }
}

#[test]
fn phrase_fields_and_boolean_operators() {
    let s = corpus_index();
    assert_eq!(s.ids("\"nuclear deal\" -afghan"), vec![AP_ID]);
    assert_eq!(s.ids("title:pompeo"), vec![AP_ID]);
    assert_eq!(s.ids("source:ap"), vec![AP_ID]);
    let either = s.ids("khatibzadeh OR rohingya");
    assert_eq!(either.len(), 2, "{either:?}");
    // AND is the default conjunction.
    assert!(s.ids("khatibzadeh rohingya").is_empty());
}

#[test]
fn sort_limit_offset_and_all() {
    let s = corpus_index();
    let newest = s.search_json("the", &["--sort", "date", "-n", "3"]);
    let dates: Vec<&str> = newest["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates.len(), 3);
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "{dates:?}");
    assert!(newest["hits"][0]["score"].is_null());

    let oldest = s.search_json("the", &["--sort", "oldest", "-n", "25"]);
    let dates: Vec<&str> = oldest["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str().unwrap())
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");

    let all = s.search_json("the", &["--all"]);
    let total = all["total"].as_u64().unwrap() as usize;
    assert!(total > 10);
    assert_eq!(all["hits"].as_array().unwrap().len(), total);
    let page = s.search_json("the", &["--offset", "10", "-n", "5"]);
    assert_eq!(page["hits"][0]["id"], all["hits"][10]["id"]);
    assert_eq!(page["hits"].as_array().unwrap().len(), 5);
}

#[test]
fn jsonl_and_csv_shapes() {
    let s = corpus_index();
    let out = s
        .cmd(&["search", "iran", "--all", "--format", "jsonl"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!lines.is_empty());
    for hit in &lines {
        for key in [
            "id",
            "path",
            "title",
            "date",
            "date_source",
            "source",
            "people",
            "orgs",
            "places",
            "score",
            "snippet",
        ] {
            assert!(hit.get(key).is_some(), "missing {key} in {hit}");
        }
    }
    let out = s
        .cmd(&["search", "khatibzadeh", "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let headers = rows.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    assert_eq!(&headers[4], "time");
    assert_eq!(&headers[12], "snippet");
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 1);
    assert_eq!(&records[0][0], AP_ID);
    assert_eq!(&records[0][3], "2021-01-12");
}

#[test]
fn since_and_until_filter_by_date() {
    let s = corpus_index();
    let since = s.ids_with("iran", &["--since", "2021-01-12"]);
    assert_eq!(since, vec![AP_ID]);
    let until = s.ids_with("iran", &["--until", "2021-01-11"]);
    assert!(!until.contains(&AP_ID.to_string()));
    let both = s.ids_with("iran", &["--since", "2021", "--until", "2021"]);
    assert_eq!(both, vec![AP_ID]);
    s.cmd(&["search", "iran", "--since", "2021-13"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a date"));
}

trait IdsWith {
    fn ids_with(&self, query: &str, extra: &[&str]) -> Vec<String>;
}

impl IdsWith for Scratch {
    fn ids_with(&self, query: &str, extra: &[&str]) -> Vec<String> {
        let mut args = vec!["--all"];
        args.extend_from_slice(extra);
        let v = self.search_json(query, &args);
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect()
    }
}

#[test]
fn exit_codes_follow_grep() {
    let s = corpus_index();
    s.cmd(&["search", "iran"]).assert().code(0);
    s.cmd(&["search", "zzyzxnotaword"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("0 hits"));
    s.cmd(&["search", "iran persn:pompeo"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown field `persn`"))
        .stderr(predicate::str::contains("column 6"))
        .stderr(predicate::str::contains("did you mean `person:`"));
    s.cmd(&["search", "\"iran denies"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unclosed quote"));
    s.cmd(&["search", "date:2021-02-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a date"));
    s.cmd(&["search", "(iran OR iraq"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unclosed `(`"));
}

#[test]
fn searching_without_an_index_says_how_to_make_one() {
    let s = Scratch::new();
    s.cmd(&["search", "iran"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no dateline index"))
        .stderr(predicate::str::contains("dateline index DIR"));
}

#[test]
fn show_prints_the_whole_article() {
    let s = corpus_index();
    s.cmd(&["show", AP_ID])
        .assert()
        .success()
        .stdout(predicate::str::contains("Pompeo accuses Iran of secret ties with al-Qaida"))
        .stdout(predicate::str::contains("2021-01-12 (from metadata)"))
        .stdout(predicate::str::contains(
            "He said Iran has had “a crystal-clear and defendable record” in fighting al-Qaida and IS terrorism.",
        ));
    let out = s
        .cmd(&["show", AP_ID, "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], AP_ID);
    let seed_body = std::fs::read_to_string(repo().join("corpus").join(AP_ID)).unwrap();
    let body = v["body"].as_str().unwrap();
    assert!(
        seed_body.trim_end().ends_with(body),
        "body must be unchanged"
    );
    s.cmd(&["show", "nope.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no article with id `nope.txt`"));
}

#[test]
fn color_version_and_dropped_facets_are_explicit() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &["--no-extract"]);
    // --color always colours a pipe; CLICOLOR_FORCE does too; NO_COLOR and --color never win.
    let colored = |cmd: &mut assert_cmd::Command| {
        let out = cmd.output().expect("run");
        out.stdout.contains(&0x1b)
    };
    assert!(colored(
        s.cmd(&["--color", "always", "search", "iran"])
            .env_remove("NO_COLOR")
    ));
    assert!(colored(
        s.cmd(&["search", "iran"])
            .env_remove("NO_COLOR")
            .env("CLICOLOR_FORCE", "1")
    ));
    assert!(!colored(
        s.cmd(&["search", "iran"]).env("CLICOLOR_FORCE", "1")
    ));
    assert!(!colored(
        s.cmd(&["--color", "never", "search", "iran"])
            .env_remove("NO_COLOR")
    ));
    // --version names the build's commit.
    let out = s.cmd(&["--version"]).output().expect("run");
    let version = String::from_utf8_lossy(&out.stdout);
    assert!(version.starts_with("dateline 0.1.0 ("), "{version}");
    // Facets asked for in a format that cannot carry them: said, not silently dropped.
    s.cmd(&["search", "iran", "-f", "csv", "--facets", "people"])
        .assert()
        .success()
        .stderr(predicates::str::contains("--facets are not part of csv"));
    // JSONL carries them as its last line.
    let out = s
        .cmd(&["search", "iran", "-f", "jsonl", "--facets", "people,date"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    let last = lines.last().expect("lines");
    assert_eq!(last["type"], "facets", "{text}");
    assert!(last["facets"]["people"].is_array() && last["facets"]["date"].is_array());
    assert!(lines[..lines.len() - 1]
        .iter()
        .all(|l| l.get("type").is_none()));
}

#[test]
fn json_highlights_are_character_offsets() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &["--no-extract"]);
    // The AP snippet has curly quotes (3 bytes each) before its matches.
    let out = s
        .cmd(&["search", "qaida", "-f", "json"])
        .output()
        .expect("run");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let mut checked = 0;
    for hit in json["hits"].as_array().expect("hits") {
        let snippet: Vec<char> = hit["snippet"].as_str().expect("snippet").chars().collect();
        for range in hit["highlights"].as_array().expect("highlights") {
            let (start, end) = (
                range[0].as_u64().expect("start") as usize,
                range[1].as_u64().expect("end") as usize,
            );
            let word: String = snippet[start..end].iter().collect();
            assert_eq!(word.to_lowercase(), "qaida", "{hit}");
            checked += 1;
        }
    }
    assert!(checked > 1);
    assert!(
        json["hits"][0]["snippet"]
            .as_str()
            .is_some_and(|s| s.len() != s.chars().count()),
        "the first snippet has multi-byte characters, so bytes and characters differ"
    );
}

#[test]
fn terminal_output_wraps_to_the_width_and_says_when_the_page_is_cut() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let out = s
        .cmd(&["search", "the", "-n", "3"])
        .env("COLUMNS", "60")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    for line in text.lines() {
        // Titles are kept whole; everything else fits.
        if line
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        assert!(line.chars().count() <= 60, "{line:?} in\n{text}");
    }
    assert!(
        text.contains("\n\nshowing 1-3 of 25 (next: --offset 3)\n"),
        "{text}"
    );
    // Without COLUMNS a pipe gets one line per snippet, and the last page no "next".
    let out = s
        .cmd(&["search", "the", "-n", "3", "--offset", "23"])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.trim_end().ends_with("showing 24-25 of 25"), "{text}");
    let everything = s.cmd(&["search", "scientology"]).output().expect("run");
    assert!(!String::from_utf8_lossy(&everything.stdout).contains("showing"));
}

#[test]
fn fields_pick_what_each_hit_carries_body_included() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let v = s.search_json("khatibzadeh", &["--fields", "id,date,body"]);
    let hit = &v["hits"][0];
    let mut keys: Vec<&str> = hit
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(keys, ["body", "date", "id"]);
    assert_eq!(hit["id"], AP_ID);
    let body = hit["body"].as_str().unwrap();
    // The whole article, paragraphs and all, not a snippet.
    assert!(body.contains("Khatibzadeh") && body.contains("\n") && body.len() > 3000);
    let out = s
        .cmd(&[
            "search",
            "khatibzadeh",
            "-f",
            "jsonl",
            "--fields",
            "title,people",
        ])
        .output()
        .unwrap();
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line.as_object().unwrap().len(), 2, "{line}");
    // CSV columns in the order given.
    let out = s
        .cmd(&[
            "search",
            "khatibzadeh",
            "-f",
            "csv",
            "--fields",
            "date,id,body",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(rows.headers().unwrap(), vec!["date", "id", "body"]);
    let row = rows.records().next().unwrap().unwrap();
    assert_eq!(&row[0], "2021-01-12");
    assert_eq!(&row[1], AP_ID);
    assert!(row[2].contains("Khatibzadeh"));
    // A field that does not exist is refused with the list.
    let out = s
        .cmd(&["search", "iran", "--fields", "id,bdy"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("fields are id, path"));
}
