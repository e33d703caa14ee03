//! Entity extraction through the binary: the AP seed article, entity search with
//! aliases, user alias files; and, with ../shared/data, the tagger's CoNLL-2003 dev
//! score and the Reuters-21578 tag agreement.

mod common;

use std::collections::HashSet;

use common::{repo, shared_data, Scratch};
use serde_json::Value;

const AP: &str = "corpus/ap/2021-01-12-pompeo-iran-al-qaida.txt";

fn extract_json(s: &Scratch, path: &std::path::Path, extra: &[&str]) -> Value {
    let out = s
        .cmd(&["extract", "--format", "json"])
        .args(extra)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn names(v: &Value) -> HashSet<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_ap_article_yields_its_people_orgs_and_places() {
    let s = Scratch::new();
    let v = extract_json(&s, &repo().join(AP), &[]);
    let a = &v["articles"][0];
    let people = names(&a["people"]);
    for p in [
        "Mike Pompeo",
        "Joe Biden",
        "Donald Trump",
        "Abu Muhammad al-Masri",
        "Osama bin Laden",
        "Saeed Khatibzadeh",
    ] {
        assert!(people.contains(p), "{p} missing from {people:?}");
    }
    let orgs = names(&a["orgs"]);
    for o in [
        "al-Qaida",
        "National Press Club",
        "Taliban",
        "Islamic Republic News Agency",
    ] {
        assert!(orgs.contains(o), "{o} missing from {orgs:?}");
    }
    let places = names(&a["places"]);
    for p in [
        "Iran",
        "Tehran",
        "Washington",
        "Afghanistan",
        "Mazar-i-Sharif",
    ] {
        assert!(places.contains(p), "{p} missing from {places:?}");
    }
    // No person invented from a capitalized sentence-initial word, and no role left
    // in a name.
    for p in &people {
        let first = p.split_whitespace().next().unwrap();
        assert!(
            ![
                "Shiite",
                "Although",
                "Speaking",
                "Today",
                "Secretary",
                "President",
                "Two"
            ]
            .contains(&first),
            "{p}"
        );
    }
    // Mentions carry canonical names and exact character spans.
    let body: String = std::fs::read_to_string(repo().join(AP))
        .unwrap()
        .split_once("\n\n")
        .unwrap()
        .1
        .trim()
        .to_string();
    let chars: Vec<char> = body.chars().collect();
    let mentions = a["mentions"].as_array().unwrap();
    let surname = mentions
        .iter()
        .find(|m| m["text"] == "Khatibzadeh")
        .expect("surname-only mention");
    assert_eq!(surname["canonical"], "Saeed Khatibzadeh");
    assert_eq!(surname["type"], "person");
    for m in mentions.iter().filter(|m| m["field"] == "body") {
        let (start, end) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        let text: String = chars[start..end].iter().collect();
        assert_eq!(text, m["text"].as_str().unwrap());
    }
    assert_eq!(a["date"], "2021-01-12");
    assert_eq!(a["date_source"], "metadata");
}

#[test]
fn entity_search_uses_canonical_names_and_aliases() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let ap = "ap/2021-01-12-pompeo-iran-al-qaida.txt";
    for q in [
        "org:al-Qaida AND place:Iran AND denied",
        "person:pompeo",
        "person:\"Mike Pompeo\"",
        "org:al-qaeda",
        "org:\"Al Qaeda\"",
        "org:IRNA",
        "person:khatibzadeh",
    ] {
        assert_eq!(s.ids(q), vec![ap], "{q}");
    }
    let hit = &s.search_json("khatibzadeh", &[])["hits"][0];
    assert!(names(&hit["people"]).contains("Mike Pompeo"));
    assert!(names(&hit["orgs"]).contains("al-Qaida"));
}

#[test]
fn a_user_alias_file_renames_entities_when_indexing_and_searching() {
    let s = Scratch::new();
    let aliases = s.dir.path().join("mine.toml");
    std::fs::write(
        &aliases,
        "[[entity]]\ntype = \"org\"\nname = \"Al-Qaeda (AQ)\"\naliases = [\"al-Qaida\", \"AQ\"]\n",
    )
    .unwrap();
    let aliases_arg = aliases.to_str().unwrap();
    s.index(&repo().join("corpus"), &["--aliases", aliases_arg]);
    let v = s.search_json("khatibzadeh", &[]);
    assert!(
        names(&v["hits"][0]["orgs"]).contains("Al-Qaeda (AQ)"),
        "{v}"
    );
    let found = s.search_json("org:aq", &["--aliases", aliases_arg]);
    assert_eq!(found["total"], 1);
    s.cmd(&["--aliases", "/no/such/file.toml", "search", "iran"])
        .assert()
        .code(2);
    // DATELINE_ALIASES stands for --aliases.
    let out = s
        .cmd(&["search", "org:aq", "-f", "json"])
        .env("DATELINE_ALIASES", aliases_arg)
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["total"], 1, "{v}");
    s.cmd(&["search", "iran"])
        .env("DATELINE_ALIASES", "/no/such/file.toml")
        .assert()
        .code(2);
}

#[test]
fn extraction_can_be_turned_off() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &["--no-extract"]);
    assert!(s.ids("person:pompeo").is_empty());
    assert_eq!(s.search_json("khatibzadeh", &[])["total"], 1);
}

#[test]
fn conll_dev_f1_does_not_regress() {
    let Some(conll) = shared_data("conll2003") else {
        return;
    };
    use dateline::extract::ner::{conll as reader, eval, train, Tagger};
    let text = std::fs::read_to_string(conll.join("dev.txt")).unwrap();
    let docs = reader::parse(&text);
    let tagger = Tagger::embedded().expect("built-in model loads");
    let scores: eval::Scores = train::evaluate(tagger, &docs);
    let f1 = scores.overall.f1();
    // Measured 93.63 with `ner-eval` (93.46–93.90 over training seeds); 93.3 is the floor.
    assert!(f1 >= 93.3, "dev F1 {f1:.2}");
    use dateline::extract::ner::tags::EntityType::*;
    assert!(scores.f1_of(Per) >= 95.5, "PER {:.2}", scores.f1_of(Per));
    assert!(scores.f1_of(Org) >= 89.0, "ORG {:.2}", scores.f1_of(Org));
    assert!(scores.f1_of(Loc) >= 95.5, "LOC {:.2}", scores.f1_of(Loc));
}

#[test]
fn raw_text_extraction_scores_end_to_end() {
    let Some(conll) = shared_data("conll2003") else {
        return;
    };
    use dateline::extract::entities::{extract, tag_of_kind};
    use dateline::extract::ner::tags::EntityType;
    use dateline::extract::ner::{conll as reader, eval, raw, Tagger};
    let text = std::fs::read_to_string(conll.join("dev.txt")).unwrap();
    let docs = reader::parse(&text);
    let rebuilt = raw::from_conll(&docs);
    let misc = raw::misc_spans(&docs);
    let tagger = Tagger::embedded().expect("built-in model loads");
    let aliases = &*dateline::extract::aliases::EMBEDDED;
    let mut scores = eval::Scores::default();
    for (doc, misc) in rebuilt.iter().zip(&misc) {
        let found = extract(tagger, aliases, "", &doc.text);
        let predicted: Vec<raw::GoldSpan> = found
            .mentions
            .iter()
            .map(|m| raw::GoldSpan {
                kind: tag_of_kind(m.kind),
                start: m.start,
                end: m.end,
            })
            .collect();
        raw::score(&doc.gold, &predicted, misc, &mut scores);
    }
    // `ner-eval --raw dev.txt` measured 92.10 overall, ORG 87.04 (issue 13 asks for
    // at least 90 and 85).
    let f1 = scores.overall.f1();
    println!(
        "raw-text F1 on CoNLL-2003 dev: {f1:.2}, ORG {:.2}",
        scores.f1_of(EntityType::Org)
    );
    assert!(f1 >= 91.5, "raw-text F1 {f1:.2}");
    assert!(
        scores.f1_of(EntityType::Org) >= 86.5,
        "ORG {:.2}",
        scores.f1_of(EntityType::Org)
    );
}

#[test]
fn reuters_people_and_org_tags_are_found_in_the_text() {
    let Some(reuters) = shared_data("reuters21578") else {
        return;
    };
    let s = Scratch::new();
    let aliases = dateline::extract::aliases::EMBEDDED.clone();
    let codes = ["ec", "imf", "opec", "gatt", "worldbank", "oecd"];
    let (mut people, mut people_found, mut orgs, mut orgs_found) = (0, 0, 0, 0);
    let mut files: Vec<_> = std::fs::read_dir(&reuters)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    files.sort();
    for file in files {
        let raw = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
        let records: Vec<&str> = raw.split("<REUTERS ").skip(1).collect();
        let v = extract_json(&s, &file, &[]);
        let articles = v["articles"].as_array().unwrap();
        assert_eq!(articles.len(), records.len());
        for (record, article) in records.iter().zip(articles) {
            let tags = |name: &str| -> Vec<String> {
                record
                    .split(&format!("<{name}>"))
                    .nth(1)
                    .and_then(|r| r.split(&format!("</{name}>")).next())
                    .unwrap_or("")
                    .split("<D>")
                    .filter_map(|d| d.split("</D>").next())
                    .filter(|d| !d.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            let mentions = article["mentions"].as_array().unwrap();
            let extracted = |kind: &str| -> Vec<String> {
                mentions
                    .iter()
                    .filter(|m| m["type"] == kind)
                    .map(|m| m["canonical"].as_str().unwrap().to_string())
                    .collect()
            };
            let words: HashSet<String> = extracted("person")
                .iter()
                .flat_map(|n| {
                    n.split([' ', '-'])
                        .map(str::to_lowercase)
                        .collect::<Vec<_>>()
                })
                .collect();
            for code in tags("PEOPLE") {
                people += 1;
                let surname = code.rsplit('-').next().unwrap_or(&code).to_string();
                people_found += usize::from(words.contains(&surname));
            }
            let found_orgs = extracted("org");
            for code in tags("ORGS")
                .into_iter()
                .filter(|c| codes.contains(&c.as_str()))
            {
                orgs += 1;
                let canonical = aliases.canonical("org", &code).unwrap_or(&code).to_string();
                orgs_found += usize::from(found_orgs.contains(&canonical));
            }
        }
    }
    let people_share = 100.0 * people_found as f64 / people as f64;
    let orgs_share = 100.0 * orgs_found as f64 / orgs as f64;
    println!(
        "Reuters-21578 tags found: people {people_found}/{people} ({people_share:.1}%), \
         orgs {orgs_found}/{orgs} ({orgs_share:.1}%)"
    );
    // Measured 97.0% (1349/1391) and 92.3% (706/765).
    assert!(people_share >= 95.0, "people {people_found}/{people}");
    assert!(orgs_share >= 90.0, "orgs {orgs_found}/{orgs}");
}
