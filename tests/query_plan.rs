//! The typed query plan (issue 12): every row of the table of wrong answers as
//! a named test, on the sample archive, and on Reuters-21578 and BBC when
//! `../shared/data` is present. Counts are checked against independent counts (one
//! clause at a time, or the stored articles themselves), never against constants
//! copied from a run of dateline.

mod common;

use std::collections::BTreeSet;

use common::{repo, shared_data, Scratch};
use predicates::prelude::*;
use serde_json::Value;

const AP: &str = "ap/2021-01-12-pompeo-iran-al-qaida.txt";

fn corpus() -> Scratch {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    s
}

fn set(ids: Vec<String>) -> BTreeSet<String> {
    ids.into_iter().collect()
}

/// Every stored article of the index, as `search --all -f json` returns them.
fn all_articles(s: &Scratch) -> Vec<Value> {
    s.search_json("*", &["--all"])["hits"]
        .as_array()
        .expect("hits")
        .clone()
}

#[test]
fn a_scope_inside_or_and_not_composes_like_any_clause() {
    let s = corpus();
    let scientology = set(s.ids("scientology"));
    let scope = set(s.ids("SENTENCE(iran denied)"));
    assert_eq!(scientology.len(), 3);
    assert_eq!(scope, set(vec![AP.to_string()]));
    let union: BTreeSet<_> = scientology.union(&scope).cloned().collect();
    assert_eq!(set(s.ids("scientology OR SENTENCE(iran denied)")), union);
    let difference: BTreeSet<_> = scientology.difference(&scope).cloned().collect();
    assert_eq!(set(s.ids("scientology -SENTENCE(iran denied)")), difference);
    assert_eq!(
        set(s.ids("scientology AND NOT SENTENCE(iran denied)")),
        difference
    );
    // Two scopes OR-ed: the union of each alone.
    let other = set(s.ids("SENTENCE(pompeo asserted)"));
    let both: BTreeSet<_> = scope.union(&other).cloned().collect();
    assert_eq!(
        set(s.ids("SENTENCE(iran denied) OR SENTENCE(pompeo asserted)")),
        both
    );
    assert_eq!(
        set(s.ids("NEAR/5(iran denied) OR NEAR/5(pompeo asserted)")),
        set(s.ids("NEAR/5(iran denied)"))
            .union(&set(s.ids("NEAR/5(pompeo asserted)")))
            .cloned()
            .collect()
    );
    // A scope nested in a group, negated twice.
    assert_eq!(
        set(s.ids("iran AND NOT (NOT SENTENCE(iran denied))")),
        scope
    );
}

#[test]
fn a_scope_item_may_be_an_or_list() {
    let s = corpus();
    assert_eq!(s.ids("SENTENCE(deny (doping OR charges))"), vec![AP]);
    assert_eq!(s.ids("SENTENCE(deny doping OR charges)"), vec![AP]);
    assert!(s.ids("SENTENCE(deny (doping OR drugs))").is_empty());
    // An all-caps word that merely starts with SENTENCE is a word.
    s.cmd(&["search", "SENTENCED"])
        .assert()
        .code(predicate::in_iter([0, 1]));
}

#[test]
fn apostrophes_are_part_of_words() {
    let s = corpus();
    for q in [
        "O'Driscoll",
        "Blair's",
        "don't",
        "person:O'Driscoll",
        "don’t",
    ] {
        s.cmd(&["search", q, "-n", "0"])
            .assert()
            .code(predicate::in_iter([0, 1]))
            .stderr(predicate::str::contains("invalid query").not());
    }
    // Separate shell arguments are one query, joined with the default AND.
    let out = s
        .cmd(&["search", "iran", "al-qaida", "-f", "json"])
        .output()
        .expect("search");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["query"], "iran al-qaida");
    assert_eq!(v["total"], s.search_json("iran AND al-qaida", &[])["total"]);
    // `don't` is the words `don` `t` in a row, as the text's tokenizer splits them.
    let dont = s.ids("don't");
    assert!(!dont.is_empty());
    assert_eq!(dont, s.ids("\"don t\""));
}

#[test]
fn any_value_queries_count_articles_that_have_one() {
    let s = corpus();
    let articles = all_articles(&s);
    let with = |key: &str| -> BTreeSet<String> {
        articles
            .iter()
            .filter(|a| match &a[key] {
                Value::Array(values) => !values.is_empty(),
                Value::String(v) => !v.is_empty(),
                _ => false,
            })
            .map(|a| a["id"].as_str().expect("id").to_string())
            .collect()
    };
    assert_eq!(set(s.ids("person:*")), with("people"));
    assert_eq!(set(s.ids("org:*")), with("orgs"));
    assert_eq!(set(s.ids("source:*")), with("source"));
    assert_eq!(set(s.ids("title:*")), with("title"));
    assert_eq!(set(s.ids("date:[* TO *]")), with("date"));
    assert_eq!(set(s.ids("date:*")), with("date"));
}

#[test]
fn exact_fields_take_prefixes() {
    let s = corpus();
    let expected: BTreeSet<String> = all_articles(&s)
        .iter()
        .filter_map(|a| a["id"].as_str())
        .filter(|id| id.starts_with("wikinews/md/"))
        .map(str::to_string)
        .collect();
    assert_eq!(expected.len(), 8);
    assert_eq!(set(s.ids("id:wikinews/md/*")), expected);
    assert_eq!(set(s.ids("path:wikinews/md*")), expected);
}

#[test]
fn the_index_remembers_its_alias_table() {
    let s = Scratch::new();
    let aliases = s.dir.path().join("fix.toml");
    std::fs::write(
        &aliases,
        "[[entity]]\ntype = \"org\"\nname = \"Scientology Church\"\naliases = [\"Church of Scientology\"]\n",
    )
    .expect("write aliases");
    let out = s
        .cmd(&[
            "--aliases",
            aliases.to_str().expect("utf-8"),
            "index",
            "--json",
        ])
        .arg(repo().join("corpus"))
        .output()
        .expect("index");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Searched without --aliases: the index's own table resolves the name.
    let with_table = s.ids("org:\"Church of Scientology\"");
    assert!(!with_table.is_empty());
    assert_eq!(s.ids("org:\"Scientology Church\""), with_table);
    // Searched with another table: it says so, on stderr and in JSON.
    let other = s.dir.path().join("other.toml");
    std::fs::write(&other, "").expect("write aliases");
    let out = s
        .cmd(&[
            "--aliases",
            other.to_str().expect("utf-8"),
            "search",
            "org:\"Church of Scientology\"",
            "-f",
            "json",
        ])
        .output()
        .expect("search");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: the index was built with another alias table"),
        "{err}"
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(v["warnings"][0]
        .as_str()
        .is_some_and(|w| w.contains("another alias table")));
}

#[test]
fn hostile_queries_are_refused_with_exit_2() {
    let s = corpus();
    let deep = format!("{}iran{}", "(".repeat(10_000), ")".repeat(10_000));
    let deep_but_short = format!("{}iran{}", "(".repeat(200), ")".repeat(200));
    let ors = vec!["iran"; 1_500].join(" OR ");
    for q in [&deep, &deep_but_short, &ors] {
        for args in [
            vec!["search", "--", q.as_str()],
            vec!["search", "--explain", "--", q.as_str()],
            vec!["entities", "--query", q.as_str()],
            vec!["saved", "add", "deep", q.as_str()],
        ] {
            s.cmd(&args)
                .assert()
                .code(2)
                .stderr(predicate::str::contains("invalid query"));
        }
    }
    s.cmd(&["search", "iran~9"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("1 or 2 edits"));
}

#[test]
fn dates_outside_what_tantivy_stores_are_clamped() {
    let s = corpus();
    let dated = s.ids("date:*");
    assert_eq!(s.ids("*").len(), 25);
    assert_eq!(
        set(s.search_ids_with(&["--until", "3000"])),
        set(dated.clone())
    );
    assert!(s.search_ids_with(&["--since", "9999"]).is_empty());
    assert_eq!(set(s.search_ids_with(&["--since", "1000"])), set(dated));
    assert!(s.ids("date:9999").is_empty());
}

#[test]
fn reuters_opec_or_a_scope_is_the_union() {
    let Some(reuters) = shared_data("reuters21578") else {
        return;
    };
    let s = Scratch::new();
    s.index(&reuters, &["--exclude", "*.txt", "--no-extract"]);
    let opec = set(s.ids("opec"));
    let deny_quota = set(s.ids("SENTENCE(deny quota)"));
    let deny_ceiling = set(s.ids("SENTENCE(deny ceiling)"));
    assert!(opec.len() >= 150 && !deny_quota.is_empty() && !deny_ceiling.is_empty());
    let union: BTreeSet<_> = opec.union(&deny_quota).cloned().collect();
    assert_eq!(set(s.ids("opec OR SENTENCE(deny quota)")), union);
    let minus: BTreeSet<_> = opec.difference(&deny_quota).cloned().collect();
    assert_eq!(set(s.ids("opec -SENTENCE(deny quota)")), minus);
    assert_eq!(set(s.ids("opec AND NOT SENTENCE(deny quota)")), minus);
    let scopes: BTreeSet<_> = deny_quota.union(&deny_ceiling).cloned().collect();
    assert_eq!(
        set(s.ids("SENTENCE(deny quota) OR SENTENCE(deny ceiling)")),
        scopes
    );
    assert_eq!(
        set(s.ids("SENTENCE(deny (quota OR ceiling))")),
        scopes,
        "an OR list in a scope is the union of the scopes"
    );
}

#[test]
fn bbc_prefixes_are_never_cut() {
    let Some(bbc) = shared_data("bbc") else {
        return;
    };
    let s = Scratch::new();
    s.index(&bbc, &["--no-extract"]);
    let files = std::fs::read_dir(bbc.join("politics"))
        .expect("politics/")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt"))
        })
        .count();
    assert_eq!(s.ids("path:politics*").len(), files);
    // A short prefix over the body matches thousands of words, all of them.
    let a = s.ids("a*");
    assert_eq!(a.len(), 2_225, "every article has a word starting with a");
}
