//! Property-based fuzzing of everything that reads untrusted input: every format reader
//! (through `corpus::parse_file`, as indexing calls it, then entity extraction on what
//! it returns) and the query parser (rewrite, scopes, expansion, tantivy's parser and
//! the search itself, on a real index).
//!
//! Inputs are real fixture files with random mutations (byte flips, inserted markup,
//! truncation) and fully random bytes or query fragments. The property: no panic, and
//! every case returns (an article list, a per-file error, a query error or hits). Each
//! test prints how many cases it ran and its slowest case, so "bounded time" is
//! visible in the output without a timing assertion.

mod common;

use std::cell::Cell;
use std::path::Path;
use std::time::{Duration, Instant};

use common::{repo, Scratch};
use dateline::corpus::{parse_file, Format};
use dateline::extract::aliases::EMBEDDED as ALIASES;
use dateline::extract::ner::Tagger;
use dateline::extract::Enricher;
use dateline::index::DatelineIndex;
use dateline::query::{build, Filters};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use tantivy::collector::Count;

/// Cases per reader and for the query parser; `FUZZ_CASES` raises it for a longer run.
fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A runner with a fixed seed, so a failure replays; `FUZZ_SEED=N` explores other
/// inputs (CI runs a second seed).
fn runner(cases: u32) -> TestRunner {
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x0da7_e11e);
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    TestRunner::new_with_rng(
        Config {
            cases,
            failure_persistence: None,
            ..Config::default()
        },
        TestRng::from_seed(RngAlgorithm::ChaCha, &bytes),
    )
}

/// Real example files of each format: fixtures and the sample corpus.
fn seeds(format: Format) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for dir in ["tests/fixtures/formats", "corpus"] {
        for entry in walkdir::WalkDir::new(repo().join(dir)) {
            let Ok(entry) = entry else { continue };
            if Format::of(entry.path()) == Some(format) {
                if let Ok(bytes) = std::fs::read(entry.path()) {
                    out.push(bytes);
                }
            }
        }
    }
    if out.is_empty() {
        out.push(Vec::new());
    }
    out
}

/// Markup fragments a mutation splices in: the characters each reader treats specially.
const SPLICES: &[&[u8]] = &[
    b"<",
    b">",
    b"</REUTERS>",
    b"<REUTERS NEWID=\"",
    b"<BODY>",
    b"&#",
    b"&#99999999;",
    b"&amp",
    b"{",
    b"}",
    b"[",
    b"\"",
    b"\\u",
    b"\\ud800",
    b"---\n",
    b"title: [",
    b"Date: ",
    b"<script>",
    b"<!--",
    b"<meta property=\"article:published_time\" content=\"",
    b"\xff\xfe",
    b"\xef\xbb\xbf",
    b"\xc3",
    b"\x00",
    b"\r\n",
    b"\n\n",
    b"U.S.",
    b"Mr.",
    b"AL-QAIDA",
];

/// One edit to a seed file.
#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, byte: u8 },
    Splice { at: usize, piece: usize },
    Delete { at: usize, len: usize },
    Truncate { at: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
        (any::<usize>(), 0..SPLICES.len()).prop_map(|(at, piece)| Mutation::Splice { at, piece }),
        (any::<usize>(), 1usize..200).prop_map(|(at, len)| Mutation::Delete { at, len }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Mutation]) -> Vec<u8> {
    for edit in edits {
        let len = bytes.len().max(1);
        match *edit {
            Mutation::Flip { at, byte } => {
                if !bytes.is_empty() {
                    let at = at % bytes.len();
                    bytes[at] = byte;
                }
            }
            Mutation::Splice { at, piece } => {
                let at = at % len.min(bytes.len() + 1);
                bytes.splice(at..at, SPLICES[piece].iter().copied());
            }
            Mutation::Delete { at, len: n } => {
                if !bytes.is_empty() {
                    let at = at % bytes.len();
                    let end = (at + n).min(bytes.len());
                    bytes.drain(at..end);
                }
            }
            Mutation::Truncate { at } => bytes.truncate(at % len),
        }
    }
    bytes
}

/// Input for a reader: a mutated seed file, or random bytes.
fn reader_input(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    let count = seeds.len();
    prop_oneof![
        4 => (0..count, prop::collection::vec(mutation(), 1..12))
            .prop_map(move |(i, edits)| apply(seeds[i].clone(), &edits)),
        1 => prop::collection::vec(any::<u8>(), 0..2000),
    ]
}

/// Reads `bytes` as `format` and extracts entities from every article found, as an
/// indexing run would. Returns the number of articles.
fn read_and_enrich(format: Format, bytes: &[u8], enricher: &Enricher<'_>) -> usize {
    match parse_file(format, bytes.to_vec()) {
        Ok(parsed) => {
            let n = parsed.articles.len();
            for raw in parsed.articles {
                let article = enricher.enrich("fuzz/input", raw);
                assert!(!article.id.is_empty());
            }
            n
        }
        Err(_) => 0,
    }
}

fn fuzz_reader(format: Format) {
    let tagger = Tagger::embedded().expect("embedded model loads");
    let curation = dateline::curation::Overlay::default();
    let enricher = Enricher {
        aliases: &ALIASES,
        tagger: Some(tagger),
        curation: &curation,
        dates: &dateline::extract::user_dates::UserDates::default(),
    };
    let n = cases(400);
    let mut runner = runner(n);
    // Cells: proptest takes the test as a `Fn` closure.
    let slowest = Cell::new(Duration::ZERO);
    let articles = Cell::new(0);
    let result = runner.run(&reader_input(seeds(format)), |bytes| {
        let started = Instant::now();
        articles.set(articles.get() + read_and_enrich(format, &bytes, &enricher));
        slowest.set(slowest.get().max(started.elapsed()));
        Ok(())
    });
    if let Err(e) = result {
        panic!("{} reader: {e}", format.name());
    }
    report(
        &format!("{} reader", format.name()),
        n,
        slowest.get(),
        &format!("{} articles", articles.get()),
    );
}

fn report(what: &str, cases: u32, slowest: Duration, extra: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "fuzz: {what}: {cases} cases, no panic, slowest case {slowest:?}, {extra}"
    );
}

#[test]
fn txt_reader_survives_mutated_input() {
    fuzz_reader(Format::Text);
}

#[test]
fn markdown_reader_survives_mutated_input() {
    fuzz_reader(Format::Markdown);
}

#[test]
fn json_reader_survives_mutated_input() {
    fuzz_reader(Format::Json);
}

#[test]
fn jsonl_reader_survives_mutated_input() {
    fuzz_reader(Format::JsonLines);
}

#[test]
fn html_reader_survives_mutated_input() {
    fuzz_reader(Format::Html);
}

#[test]
fn sgml_reader_survives_mutated_input() {
    fuzz_reader(Format::ReutersSgml);
}

/// Query fragments: words, entity and date fields, operators, scopes and the
/// punctuation tantivy's grammar gives meaning to.
const FRAGMENTS: &[&str] = &[
    "iran",
    "al-Qaida",
    "pompeo",
    "denied",
    "qaid*",
    "qaeda~1",
    "qaeda~9",
    "*",
    "AND",
    "OR",
    "NOT",
    "+",
    "-",
    "person:",
    "org:",
    "place:",
    "source:",
    "date:",
    "title:",
    "body:",
    "nosuchfield:",
    "2019",
    "2019-01",
    "2019-13-45",
    "[",
    "]",
    "{",
    "}",
    " TO ",
    "(",
    ")",
    "\"",
    "\"mike pompeo\"~3",
    "NEAR/",
    "NEAR/3(",
    "NEAR/99999999999(",
    "SENTENCE(",
    "^2",
    "^",
    ":",
    "\\",
    "'",
    "é",
    "الجزيرة",
    "\u{0}",
    " ",
    " ",
];

/// Words a plausible query uses, for the well-formed branch below.
const WORDS: &[&str] = &[
    "iran", "al-qaida", "al-Qaeda", "pompeo", "deny", "taxes", "qaid*", "elect~1", "2021",
];
const FIELDS: &[&str] = &[
    "", "", "", "person:", "org:", "place:", "title:", "date:", "source:",
];
const JOINS: &[&str] = &[" ", " AND ", " OR ", " AND NOT ", " -", " +"];

/// One clause of a plausible query: a word, phrase, range or scope, maybe fielded.
fn clause() -> impl Strategy<Value = String> {
    (
        prop::sample::select(FIELDS),
        prop::sample::select(WORDS),
        prop::sample::select(WORDS),
        0..5u8,
    )
        .prop_map(|(field, a, b, shape)| match shape {
            0 => format!("{field}{a}"),
            1 => format!("{field}\"{a} {b}\"~2"),
            2 => format!("{field}[{a} TO {b}]"),
            3 => format!("NEAR/4({a} {field}{b})"),
            _ => format!("SENTENCE({a} {b})"),
        })
}

fn query_text() -> impl Strategy<Value = String> {
    prop_oneof![
        // Well-formed queries reach the expansion, scope and search code...
        3 => (clause(), prop::collection::vec((prop::sample::select(JOINS), clause()), 0..4))
            .prop_map(|(first, rest)| {
                rest.into_iter().fold(first, |q, (join, c)| format!("{q}{join}{c}"))
            }),
        // ...garbled ones the rewrite checks and tantivy's grammar...
        3 => prop::collection::vec(prop::sample::select(FRAGMENTS), 0..14)
            .prop_map(|parts| parts.concat()),
        // ...and arbitrary text everything.
        1 => ".{0,60}",
    ]
}

#[test]
fn query_parser_survives_random_queries() {
    let s = Scratch::new();
    s.index(&repo().join("corpus"), &[]);
    let index = DatelineIndex::open(&s.index_path()).expect("index opens");
    let searcher = index.index.reader().expect("reader").searcher();
    let n = cases(1500);
    let mut runner = runner(n);
    let (parsed, refused) = (Cell::new(0), Cell::new(0));
    let slowest = Cell::new(Duration::ZERO);
    let result = runner.run(&query_text(), |text| {
        let started = Instant::now();
        match build(
            &index.index,
            &index.fields,
            &text,
            &Filters::default(),
            &ALIASES,
        ) {
            Ok(query) => {
                parsed.set(parsed.get() + 1);
                // Executing may still fail (e.g. a scope on a missing field), never panic.
                let _ = searcher.search(&*query, &Count);
            }
            Err(e) => {
                refused.set(refused.get() + 1);
                prop_assert!(!e.to_string().is_empty(), "empty error for {text:?}");
            }
        }
        slowest.set(slowest.get().max(started.elapsed()));
        Ok(())
    });
    if let Err(e) = result {
        panic!("query parser: {e}");
    }
    report(
        "query parser",
        n,
        slowest.get(),
        &format!(
            "{} parsed and run, {} refused with a message",
            parsed.get(),
            refused.get()
        ),
    );
}

#[test]
fn seeds_exist_for_every_format() {
    // The mutation strategy is only as good as its seeds: each format has real files.
    for format in [
        Format::Text,
        Format::Markdown,
        Format::Json,
        Format::JsonLines,
        Format::Html,
        Format::ReutersSgml,
    ] {
        assert!(
            seeds(format).iter().any(|s| !s.is_empty()),
            "no seed file for {}",
            format.name()
        );
    }
    assert!(Path::new(&repo().join("corpus")).is_dir());
}
