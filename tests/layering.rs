//! Layering rules that keep each folder to its one job, checked on the source text so
//! that breaking one fails `cargo test` instead of waiting for a reviewer.

use std::fs;
use std::path::Path;

mod common;

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path) -> Vec<(String, String)> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
        .map(|e| {
            let text = fs::read_to_string(e.path()).expect("read source");
            (e.path().display().to_string(), text)
        })
        .collect()
}

/// The code of a line, without a trailing `//` comment or a doc comment.
fn code(line: &str) -> &str {
    let trimmed = line.trim_start();
    if trimmed.starts_with("//") {
        return "";
    }
    line.split("//").next().unwrap_or(line)
}

/// The `super::` chains in `code`: how many `super::` and the name that follows.
fn super_paths(code: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("super::") {
        let before = &rest[..at];
        let is_chain_start =
            !before.ends_with("::") && !before.ends_with(|c: char| c.is_alphanumeric() || c == '_');
        let mut tail = &rest[at..];
        let mut depth = 0;
        while let Some(next) = tail.strip_prefix("super::") {
            depth += 1;
            tail = next;
        }
        let name: String = tail
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '*' || *c == '{')
            .collect();
        if is_chain_start {
            out.push((depth, name));
        }
        rest = tail;
    }
    out
}

#[test]
fn the_tagger_imports_nothing_from_the_rest_of_the_crate() {
    // `src/extract/ner` is a tagger that could be its own crate: the alias names and
    // other outside knowledge reach it as data (through build.rs), never as imports.
    let ner = common::repo().join("src/extract/ner");
    let own_modules: Vec<String> = sources(&ner)
        .iter()
        .filter_map(|(path, _)| Path::new(path).file_stem()?.to_str().map(str::to_string))
        .filter(|stem| stem != "mod")
        .collect();
    let mut offences = Vec::new();
    for (path, text) in sources(&ner) {
        let is_mod_rs = path.ends_with("mod.rs");
        for (n, line) in text.lines().enumerate() {
            let code = code(line);
            let outside_crate_path = code
                .match_indices("crate::")
                .any(|(at, _)| !code[at..].starts_with("crate::extract::ner"));
            // From a file, `super::` is `ner` itself; more (or any from mod.rs) leaves
            // the folder unless it names one of its modules (from a nested `mod tests`).
            let outside_super = super_paths(code).iter().any(|(depth, name)| {
                let leaves = *depth > 1 || is_mod_rs;
                leaves && (*depth > 2 || !(own_modules.contains(name) || name == "*"))
            });
            if outside_crate_path || outside_super {
                offences.push(format!("{path}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "src/extract/ner reaches outside itself:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_layering_check_sees_a_path_out_of_the_tagger() {
    assert_eq!(
        super_paths("use super::super::tokenize::tokenize;"),
        vec![(2, "tokenize".to_string())]
    );
    assert_eq!(super_paths("    use super::*;"), vec![(1, "*".to_string())]);
    assert_eq!(super_paths("let x = 1;"), vec![]);
}

/// One line per folder: what it must never reach, and why. `forbidden` are top-level
/// modules of the crate (`crate::NAME`) and external crates (`NAME::`) the folder's
/// code may not name. ARCHITECTURE.md states the same rules, one line per folder.
const FOLDER_RULES: &[(&str, &[&str], &str)] = &[
    (
        "corpus",
        &["index", "ingest", "extract", "query", "search", "output", "serve", "saved",
          "export", "stories", "curation", "attribution", "cli", "app", "commands", "tantivy"],
        "corpus/ turns files into raw articles; it never sees the index, the tagger or a query",
    ),
    (
        "extract",
        &["index", "ingest", "query", "search", "output", "serve", "saved", "export",
          "stories", "cli", "app", "commands", "tantivy"],
        "extract/ turns an article into index terms; it never sees the index or a query",
    ),
    (
        "attribution",
        &["index", "ingest", "query", "search", "output", "serve", "saved", "export",
          "stories", "cli", "app", "commands", "tantivy"],
        "attribution/ finds who said what in an article; it never sees the index or a query",
    ),
    (
        "index",
        &["corpus", "ingest", "query", "search", "output", "serve", "saved", "cli", "app",
          "commands"],
        "index/ stores and reads tantivy documents; it never walks the archive, parses a query or renders",
    ),
    (
        "ingest",
        &["query", "search", "serve", "saved", "export", "cli", "app", "commands"],
        "ingest/ brings the index in line with the archive; it never answers a query",
    ),
    (
        "query",
        &["corpus", "ingest", "output", "serve", "saved", "cli", "app", "commands"],
        "query/ gives query text its meaning; it never indexes or renders",
    ),
    (
        "search",
        &["corpus", "ingest", "output", "serve", "saved", "cli", "app", "commands"],
        "search/ runs queries and collects hits; it never formats a byte",
    ),
    (
        "output",
        &["query", "serve", "saved", "cli", "app", "commands", "tantivy"],
        "output/ renders what it is given; it never runs a query",
    ),
    (
        "saved",
        &["corpus", "ingest", "export", "serve", "app", "commands"],
        "saved/ keeps named queries and their watermarks; it never dispatches a command or serves a page",
    ),
    (
        "stories",
        &["corpus", "query", "search", "output", "serve", "saved", "cli", "app", "commands"],
        "stories/ groups wire copies in the index; it never answers a query or renders",
    ),
    (
        "curation",
        &["corpus", "query", "search", "output", "serve", "saved", "cli", "app", "commands"],
        "curation/ applies a person's corrections to the index; it never answers a query or renders",
    ),
    (
        "export",
        &["corpus", "ingest", "query", "search", "output", "serve", "saved", "cli", "app",
          "commands"],
        "export/ writes the index out for other engines; it never searches or renders",
    ),
    (
        "engine",
        &["corpus", "ingest", "output", "serve", "saved", "export", "stories",
          "curation", "cli", "app", "commands"],
        "engine/ answers searches on another engine (Quickwit); it never indexes, renders or dispatches",
    ),
];

/// True when `code` names the crate module or external crate `name` as a path.
fn names_module(code: &str, name: &str) -> bool {
    let internal = format!("crate::{name}");
    let external = format!("{name}::");
    let bounded = |at: usize, len: usize| {
        let before_ok = code[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == ':'));
        let after_ok = code[at + len..]
            .chars()
            .next()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
        before_ok && after_ok
    };
    code.match_indices(&internal)
        .any(|(at, m)| bounded(at, m.len()))
        || code
            .match_indices(&external)
            .any(|(at, _)| bounded(at, name.len()))
}

/// The top-level modules a `use crate::{a, b::c, ...}` group in `text` names (a group
/// may span lines, so this reads the whole file).
fn grouped_crate_modules(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, m) in text.match_indices("crate::{") {
        let mut depth = 1;
        let mut item = String::new();
        let mut at_item_start = true;
        for c in text[at + m.len()..].chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 1 => at_item_start = true,
                _ => {}
            }
            if depth == 0 {
                break;
            }
            if depth == 1 && at_item_start {
                if c.is_alphanumeric() || c == '_' {
                    item.push(c);
                } else if !item.is_empty() {
                    names.push(std::mem::take(&mut item));
                    at_item_start = false;
                }
            }
        }
        if !item.is_empty() {
            names.push(item);
        }
    }
    names
}

#[test]
fn every_folder_keeps_to_its_one_job() {
    let src = common::repo().join("src");
    let architecture =
        fs::read_to_string(common::repo().join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    let mut offences = Vec::new();
    for (folder, forbidden, rule) in FOLDER_RULES {
        assert!(
            architecture.contains(rule),
            "ARCHITECTURE.md should state the rule for {folder}/: {rule}"
        );
        for (path, text) in sources(&src.join(folder)) {
            for name in grouped_crate_modules(&text) {
                if forbidden.contains(&name.as_str()) {
                    offences.push(format!(
                        "{path}: a `use crate::{{..}}` names `{name}`; {rule}"
                    ));
                }
            }
            for (n, line) in text.lines().enumerate() {
                let code = code(line);
                for name in *forbidden {
                    if names_module(code, name) {
                        offences.push(format!("{path}:{}: names `{name}`; {rule}", n + 1));
                    }
                }
            }
        }
    }
    assert!(offences.is_empty(), "{}", offences.join("\n"));
}

#[test]
fn the_folder_check_sees_paths_not_words() {
    assert!(names_module("use crate::index::schema::Fields;", "index"));
    assert!(names_module("let q = tantivy::query::AllQuery;", "tantivy"));
    assert!(!names_module("use crate::indexing::x;", "index"));
    assert!(!names_module(
        "let index = 3; search_index::run();",
        "index"
    ));
    assert!(!names_module("crate::extract::index::x", "index"));
    assert_eq!(
        grouped_crate_modules("use crate::{\n    index::schema,\n    search::{run, Hit},\n};"),
        vec!["index".to_string(), "search".to_string()]
    );
}
