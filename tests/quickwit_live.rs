//! dateline on a real Quickwit: index an archive locally, export it for Quickwit,
//! load it into a running Quickwit, and ask both engines the same questions. Every
//! construct both support must give the same hit count and the same facet counts.
//!
//! Needs a Quickwit node (0.9; built as `../shared/quickwit/BUILD.md` describes):
//!   DATELINE_QUICKWIT_URL=http://127.0.0.1:7280 cargo test --test quickwit_live -- --ignored --nocapture
//! Runs on corpus/ always, and on Reuters-21578 when ../shared/data is present.

mod common;

use std::fs;
use std::time::Duration;

use common::{repo, shared_data, Scratch};
use serde_json::Value;

/// Every construct both engines answer, each a (query, extra flags) pair.
const QUERIES: &[(&str, &[&str])] = &[
    ("oil", &[]),
    ("rates", &[]),
    ("\"interest rates\"", &[]),
    ("\"oil prices\"~3", &[]),
    ("iran AND NOT iraq", &[]),
    ("opec OR quota", &[]),
    ("NOT oil", &[]),
    ("title:sanctions", &[]),
    ("body:denied", &[]),
    ("petro*", &[]),
    ("comput*", &[]),
    ("gov*", &[]),
    ("org:opec", &[]),
    ("org:al-qaeda", &[]),
    ("person:pompeo", &[]),
    ("place:iran", &[]),
    ("place:*", &[]),
    ("person:reagan AND place:usa", &[]),
    ("source:reuters", &[]),
    ("date:1987-03", &[]),
    ("date:[1987-03-01 TO 1987-03-15]", &[]),
    ("oil", &["--since", "1987-04-01"]),
    ("oil", &["--until", "1987-03-10"]),
    ("*", &["--person", "pompeo"]),
    ("*", &["--org", "opec", "--place", "saudi arabia"]),
    ("id:\"reut2-000.sgm#17\"", &[]),
    ("date_source:metadata", &[]),
    ("*", &[]),
];

const FACET_QUERIES: &[&str] = &["oil", "*", "org:opec"];

struct Node {
    url: String,
    agent: ureq::Agent,
}

impl Node {
    fn new(url: &str) -> Node {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(600)))
            .build()
            .into();
        Node {
            url: url.trim_end_matches('/').to_string(),
            agent,
        }
    }

    /// Creates `index` from an exported config (deleting an earlier one) and ingests
    /// the export's documents, waiting until they are searchable.
    fn load(&self, index: &str, export: &std::path::Path) {
        let _ = self
            .agent
            .delete(&format!("{}/api/v1/indexes/{index}", self.url))
            .call();
        let config = fs::read_to_string(export.join("index-config.yaml")).expect("config");
        let mut created = self
            .agent
            .post(&format!("{}/api/v1/indexes", self.url))
            .header("Content-Type", "application/yaml")
            .send(config.as_bytes())
            .expect("create the index");
        let text = created.body_mut().read_to_string().unwrap_or_default();
        assert_eq!(created.status().as_u16(), 200, "create {index}: {text}");
        // Quickwit takes at most 10 MB per ingest request.
        let docs = fs::read_to_string(export.join("docs.ndjson")).expect("docs");
        let mut chunk = String::new();
        let mut sent = 0;
        let lines: Vec<&str> = docs.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            chunk.push_str(line);
            chunk.push('\n');
            if chunk.len() > 8_000_000 || n + 1 == lines.len() {
                let mut answer = self
                    .agent
                    .post(&format!(
                        "{}/api/v1/{index}/ingest?commit=wait_for",
                        self.url
                    ))
                    .send(chunk.as_bytes())
                    .expect("ingest");
                let text = answer.body_mut().read_to_string().unwrap_or_default();
                assert_eq!(answer.status().as_u16(), 200, "ingest: {text}");
                let reply: Value = serde_json::from_str(&text).expect("ingest answer");
                assert_eq!(
                    reply["num_rejected_docs"].as_u64().unwrap_or(0),
                    0,
                    "Quickwit rejected documents: {text}"
                );
                sent += chunk.lines().count();
                chunk.clear();
            }
        }
        assert_eq!(sent, lines.len());
    }
}

/// The local and Quickwit answers to one search, as JSON envelopes.
fn both(s: &Scratch, engine: &str, query: &str, flags: &[&str]) -> (Value, Value) {
    let mut args = vec!["--copies"];
    args.extend_from_slice(flags);
    let local = s.search_json(query, &args);
    args.extend_from_slice(&["--engine", "quickwit", engine]);
    let remote = s.search_json(query, &args);
    (local, remote)
}

fn compare_archive(s: &Scratch, node: &Node, name: &str) -> usize {
    let export = s.dir.path().join(format!("qw-{name}"));
    let index = format!("dateline-live-{name}");
    s.cmd(&["export", "--to", "quickwit", "--name", &index])
        .arg(&export)
        .assert()
        .success();
    node.load(&index, &export);
    let engine = format!("{}/{index}", node.url);
    let mut differences = Vec::new();
    let mut compared = 0;
    for (query, flags) in QUERIES {
        let (local, remote) = both(s, &engine, query, flags);
        let (l, r) = (&local["total"], &remote["total"]);
        println!("{name:8} {l:>6} {r:>6}  {query} {}", flags.join(" "));
        if l != r {
            differences.push(format!(
                "{name}: `{query}` {flags:?}: local {l}, quickwit {r}"
            ));
        }
        compared += 1;
    }
    for query in FACET_QUERIES {
        let flags = [
            "--facets",
            "people,orgs,places,source,date",
            "--facet-size",
            "25",
        ];
        let (local, remote) = both(s, &engine, query, &flags);
        for facet in ["people", "orgs", "places", "source"] {
            let l = &local["facets"][facet];
            let r = &remote["facets"][facet];
            if l != r {
                differences.push(format!(
                    "{name}: `{query}` facet {facet}: local {l}, quickwit {r}"
                ));
            }
        }
        let (l, r) = (&local["facets"]["date"], &remote["facets"]["date"]);
        if l != r {
            differences.push(format!("{name}: `{query}` date histogram differs"));
        }
        println!("{name:8} facets of `{query}` compared");
        compared += 1;
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    compared
}

#[test]
#[ignore = "needs a running Quickwit: DATELINE_QUICKWIT_URL=http://127.0.0.1:7280"]
fn quickwit_answers_as_the_local_index_does() {
    let Ok(url) = std::env::var("DATELINE_QUICKWIT_URL") else {
        panic!("set DATELINE_QUICKWIT_URL to a running Quickwit, e.g. http://127.0.0.1:7280");
    };
    let node = Node::new(&url);

    let corpus = Scratch::new();
    corpus.index(&repo().join("corpus"), &[]);
    let n = compare_archive(&corpus, &node, "corpus");
    println!("corpus/: {n} searches compared, all equal");

    if let Some(reuters) = shared_data("reuters21578") {
        let s = Scratch::new();
        s.index(&reuters, &["--exclude", "*.txt"]);
        let n = compare_archive(&s, &node, "reuters");
        println!("Reuters-21578: {n} searches compared, all equal");
    }
}

/// What Quickwit cannot answer as dateline does is refused by name, before anything
/// is sent (no server needed: the address is never reached).
#[test]
fn constructs_quickwit_lacks_are_refused_not_approximated() {
    let s = Scratch::new();
    for query in [
        "NEAR/5(iran qaida)",
        "SENTENCE(opec quota)",
        "qaeda~1",
        "SAID(speaker:iran)",
    ] {
        s.cmd(&[
            "search",
            query,
            "--engine",
            "quickwit",
            "http://127.0.0.1:9",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot run on Quickwit"));
    }
    s.cmd(&[
        "search",
        "oil",
        "--engine",
        "quickwit",
        "https://example.org",
    ])
    .assert()
    .code(2)
    .stderr(predicates::str::contains("plain http://"));
    s.cmd(&[
        "search",
        "oil",
        "--engine",
        "quickwit",
        "http://127.0.0.1:9",
    ])
    .assert()
    .code(2)
    .stderr(predicates::str::contains("could not reach Quickwit"));
}
