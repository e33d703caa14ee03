//! The team's real corpora (`../shared/data`), when present: the whole Reuters-21578
//! archive and the BBC archive. Skipped, with a note, on a bare checkout.

mod common;

use std::fs;

use common::{shared_data, Scratch};

#[test]
fn reuters_21578_is_indexed_whole_with_dates_and_tags() {
    let Some(reuters) = shared_data("reuters21578") else {
        return;
    };
    let s = Scratch::new();
    // The folder also holds word lists and a README as .txt: not articles.
    // Metadata entities only, so `person:` can be checked against the PEOPLE tags.
    let summary = s.index(&reuters, &["--exclude", "*.txt", "--no-extract"]);
    assert_eq!(summary["articles_added"], 21_578, "{summary}");
    assert_eq!(summary["skipped"].as_array().map(Vec::len), Some(0));
    assert_eq!(
        summary["decoded_with_fallback"][0]["path"], "reut2-017.sgm",
        "{summary}"
    );
    assert_eq!(s.search_json("date:1987", &[])["total"], 21_578);

    // Independent count: records whose PEOPLE tag holds volcker, read with plain
    // string handling instead of the SGML reader.
    let mut expected = Vec::new();
    let mut names: Vec<_> = fs::read_dir(&reuters)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    names.sort();
    for path in names {
        let text = String::from_utf8_lossy(&fs::read(&path).unwrap()).into_owned();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        for (i, record) in text.split("<REUTERS ").skip(1).enumerate() {
            let people = record
                .split("<PEOPLE>")
                .nth(1)
                .and_then(|p| p.split("</PEOPLE>").next())
                .unwrap_or("");
            if people.contains("<D>volcker</D>") {
                expected.push(format!("{file}#{}", i + 1));
            }
        }
    }
    expected.sort();
    assert!(expected.len() > 50);
    assert_eq!(s.ids("person:volcker"), expected);
}

#[test]
fn bbc_is_indexed_whole_including_the_latin1_file() {
    let Some(bbc) = shared_data("bbc") else {
        return;
    };
    let s = Scratch::new();
    let summary = s.index(&bbc, &[]);
    assert_eq!(summary["articles_added"], 2_225, "{summary}");
    assert_eq!(summary["skipped"].as_array().map(Vec::len), Some(0));
    let fallback = summary["decoded_with_fallback"].as_array().unwrap();
    assert_eq!(fallback.len(), 1, "{summary}");
    let id = fallback[0]["path"].as_str().unwrap();
    let out = s.cmd(&["show", id, "--format", "json"]).output().unwrap();
    let article: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let body = article["body"].as_str().unwrap();
    assert!(!body.contains('\u{FFFD}'), "no replacement characters");
    assert!(body.contains('£'), "the pound sign decodes as £: {body}");
}
