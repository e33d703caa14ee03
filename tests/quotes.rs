//! `dateline quotes` through the real binary on the AP article the product started
//! from: who accuses, who denies, what about.

mod common;

use common::{repo, Scratch};
use serde_json::Value;

const AP: &str = "corpus/ap/2021-01-12-pompeo-iran-al-qaida.txt";

fn attributions() -> Vec<Value> {
    let s = Scratch::new();
    let out = s
        .cmd(&["quotes", "--format", "json"])
        .arg(repo().join(AP))
        .output()
        .expect("run quotes");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    json["articles"][0]["attributions"]
        .as_array()
        .expect("attributions")
        .clone()
}

fn by_stance<'a>(all: &'a [Value], stance: &str) -> Vec<&'a Value> {
    all.iter()
        .filter(|a| a["cue"]["stance"] == stance)
        .collect()
}

#[test]
fn the_ap_article_says_who_accuses_and_who_denies() {
    let all = attributions();
    // Iran denies, pointing back at Pompeo's claims.
    let denials = by_stance(&all, "deny");
    let iran = denials
        .iter()
        .find(|a| a["source"]["canonical"] == "Iran")
        .unwrap_or_else(|| panic!("Iran denies: {all:#?}"));
    assert_eq!(iran["cue"]["lemma"], "deny");
    assert!(iran["content"]["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("all such charges")));
    assert!(iran["topic"].is_object(), "{iran}");
    assert_eq!(iran["direct"], false);
    // Pompeo accuses Iran, in the title and the lead.
    let accusations = by_stance(&all, "accuse");
    assert!(
        accusations
            .iter()
            .filter(|a| a["source"]["canonical"] == "Mike Pompeo")
            .count()
            >= 2,
        "{accusations:#?}"
    );
    // The spokesman condemns, and is tied to Iran.
    let spokesman = by_stance(&all, "criticize")
        .into_iter()
        .find(|a| a["source"]["canonical"] == "Saeed Khatibzadeh")
        .unwrap_or_else(|| panic!("Khatibzadeh condemns: {all:#?}"));
    assert_eq!(spokesman["cue"]["lemma"], "condemn");
    assert!(
        spokesman["source"]["affiliations"]
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x == "Iran")),
        "{spokesman}"
    );
    // A quote, word for word, with its speaker.
    let quoted = all
        .iter()
        .find(|a| {
            a["direct"] == true
                && a["content"]["text"]
                    .as_str()
                    .is_some_and(|t| t.starts_with("A sea change was happening"))
        })
        .unwrap_or_else(|| panic!("the sea-change quote: {all:#?}"));
    assert_eq!(quoted["source"]["canonical"], "Mike Pompeo");
    // Offsets are characters of the field, as in `extract`.
    let body = std::fs::read_to_string(repo().join(AP)).expect("article");
    let body = body.split_once("\n\n").expect("header").1;
    let start = quoted["content"]["start"].as_u64().expect("start") as usize;
    let end = quoted["content"]["end"].as_u64().expect("end") as usize;
    let text: String = body.chars().skip(start).take(end - start).collect();
    assert_eq!(text, quoted["content"]["text"].as_str().expect("text"));
}

#[test]
fn the_terminal_shows_speaker_cue_and_content() {
    let s = Scratch::new();
    let out = s
        .cmd(&["quotes"])
        .arg(repo().join(AP))
        .output()
        .expect("run quotes");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Iran — has denied (deny) — all such charges"),
        "{text}"
    );
    assert!(text.contains("(about: "), "{text}");
}

#[test]
fn a_folder_streams_one_article_per_line_and_names_the_file_it_cannot_read() {
    let s = Scratch::new();
    let folder = s.dir.path().join("desk");
    std::fs::create_dir_all(folder.join("wire")).expect("folder");
    std::fs::copy(repo().join(AP), folder.join("wire/ap.txt")).expect("copy");
    std::fs::copy(
        repo().join("corpus/wikinews/wikinews.jsonl"),
        folder.join("wikinews.jsonl"),
    )
    .expect("copy");
    // Not an article format: passed over, as `index` does.
    std::fs::write(folder.join("notes.pdf"), b"%PDF-1.4").expect("write");
    // An article format whose every record is bad: named, skipped, exit 2.
    std::fs::write(folder.join("broken.json"), b"{ not json").expect("write");

    let out = s
        .cmd(&["quotes", "--format", "jsonl"])
        .arg(&folder)
        .output()
        .expect("run quotes");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("broken.json"), "{stderr}");
    assert!(
        stderr.contains("1 of 3 files could not be read"),
        "{stderr}"
    );
    assert!(!stderr.contains("notes.pdf"), "{stderr}");

    let lines: Vec<Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object per line"))
        .collect();
    let wikinews_articles = std::fs::read_to_string(repo().join("corpus/wikinews/wikinews.jsonl"))
        .expect("read")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(lines.len(), 1 + wikinews_articles);
    // The AP article reads the same in a folder as on its own.
    let ap = lines
        .iter()
        .find(|a| {
            a["id"]
                .as_str()
                .is_some_and(|id| id.ends_with("wire/ap.txt"))
        })
        .expect("the AP article is listed by its path");
    assert_eq!(
        ap["attributions"].as_array().expect("array"),
        &attributions()
    );
}

#[test]
fn several_paths_make_one_json_document() {
    let s = Scratch::new();
    let out = s
        .cmd(&["quotes", "--format", "json"])
        .arg(repo().join(AP))
        .arg(repo().join("corpus/wikinews/md"))
        .output()
        .expect("run quotes");
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).expect("json");
    let articles = json["articles"].as_array().expect("articles");
    let markdown_files = std::fs::read_dir(repo().join("corpus/wikinews/md"))
        .expect("list")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "md"))
        })
        .count();
    assert_eq!(articles.len(), 1 + markdown_files);
    assert_eq!(
        articles[0]["attributions"].as_array().expect("array"),
        &attributions()
    );
}
