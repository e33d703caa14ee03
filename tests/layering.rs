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
