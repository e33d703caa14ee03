//! `--explain`: what a query became and why it matches what it matches.
//!
//! Shows the query after alias, date and prefix/fuzzy rewriting, the hit count of
//! each top-level clause, and warnings for constructs that match nothing for a
//! structural reason: a pattern with no matching term, a date range outside the
//! indexed dates, an entity value that is not in the index (with the closest
//! existing names).

use serde::Serialize;
use tantivy::collector::Count;
use tantivy::query::{BooleanQuery, Query};
use tantivy::{DateTime, Searcher};

use crate::error::{Error, Result};
use crate::extract::aliases::Aliases;
use crate::index::document::datetime_to_day;
use crate::index::DatelineIndex;
use crate::query::{self, edit_distance, Filters};

/// One clause with its hit count.
#[derive(Debug, Serialize)]
pub struct Clause {
    pub occur: String,
    pub query: String,
    pub hits: usize,
}

/// Everything `--explain` reports.
#[derive(Debug, Serialize)]
pub struct Explanation {
    pub query: String,
    pub rewritten: String,
    pub expansions: Vec<(String, Vec<String>)>,
    pub clauses: Vec<Clause>,
    pub total: usize,
    pub warnings: Vec<String>,
}

/// Explains `text` (with the request's filters) against `index`.
pub fn explain(
    index: &DatelineIndex,
    text: &str,
    filters: &Filters,
    aliases: &Aliases,
) -> Result<Explanation> {
    let (rewritten, expansions) = query::prepare(&index.index, &index.fields, text, aliases)?;
    let parsed = query::build(&index.index, &index.fields, text, filters, aliases)?;
    let searcher = index
        .index
        .reader()
        .map_err(Error::tantivy("opening the index"))?
        .searcher();
    let count = |q: &dyn Query| searcher.search(q, &Count).unwrap_or(0);
    let total = count(&*parsed);
    let mut clauses = Vec::new();
    collect_clauses(&*parsed, &count, &mut clauses, 0);
    let mut warnings = Vec::new();
    for e in &expansions {
        if e.terms.is_empty() {
            warnings.push(format!("`{}` matches no term in the index", e.pattern));
        } else if e.truncated {
            warnings.push(format!(
                "`{}` matches more than {} terms; only the first are searched: make it longer",
                e.pattern,
                query::expand::MAX_EXPANSIONS
            ));
        }
    }
    warnings.extend(dropped_terms(index, &rewritten));
    warnings.extend(date_warnings(&rewritten, &searcher));
    warnings.extend(entity_warnings(index, &rewritten, &searcher, aliases));
    Ok(Explanation {
        query: text.to_string(),
        rewritten,
        expansions: expansions
            .into_iter()
            .map(|e| (e.pattern, e.terms))
            .collect(),
        clauses,
        total,
        warnings,
    })
}

fn collect_clauses(
    q: &dyn Query,
    count: &dyn Fn(&dyn Query) -> usize,
    out: &mut Vec<Clause>,
    depth: usize,
) {
    match q.downcast_ref::<BooleanQuery>() {
        Some(b) if depth < 2 => {
            for (occur, sub) in b.clauses() {
                out.push(Clause {
                    occur: format!("{occur:?}").to_lowercase(),
                    query: short_debug(&**sub),
                    hits: count(&**sub),
                });
            }
        }
        _ => out.push(Clause {
            occur: "must".into(),
            query: short_debug(q),
            hits: count(q),
        }),
    }
}

fn short_debug(q: &dyn Query) -> String {
    let s = format!("{q:?}");
    if s.chars().count() > 160 {
        format!("{}…", s.chars().take(160).collect::<String>())
    } else {
        s
    }
}

/// Bare words the text analyser turns into nothing (punctuation, words over 40
/// characters): they silently match nothing.
fn dropped_terms(index: &DatelineIndex, rewritten: &str) -> Vec<String> {
    let Ok(mut analyzer) = index.index.tokenizer_for_field(index.fields.body) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut in_quote = false;
    for word in rewritten.split_whitespace() {
        let quotes = word.matches('"').count();
        let quoted = in_quote || quotes > 0;
        if quotes % 2 == 1 {
            in_quote = !in_quote;
        }
        let bare = word.trim_matches(|c| c == '(' || c == ')' || c == '+');
        let bare = bare.strip_prefix('-').unwrap_or(bare);
        if quoted
            || bare.is_empty()
            || bare.contains(':')
            || matches!(bare, "AND" | "OR" | "NOT" | "TO")
        {
            continue;
        }
        let mut stream = analyzer.token_stream(bare);
        if !stream.advance() {
            out.push(format!(
                "`{bare}` is dropped by the tokenizer (no letters or digits, or over 40 characters) and matches nothing"
            ));
        }
    }
    out
}

/// Date ranges in the rewritten text that lie outside the indexed dates.
fn date_warnings(rewritten: &str, searcher: &Searcher) -> Vec<String> {
    let mut min: Option<DateTime> = None;
    let mut max: Option<DateTime> = None;
    for segment in searcher.segment_readers() {
        if let Ok(col) = segment.fast_fields().date("date") {
            if col.num_docs() == 0 || segment.max_doc() == 0 {
                continue;
            }
            let (lo, hi) = (col.min_value(), col.max_value());
            min = Some(min.map_or(lo, |m| m.min(lo)));
            max = Some(max.map_or(hi, |m| m.max(hi)));
        }
    }
    let (Some(min), Some(max)) = (min, max) else {
        return Vec::new();
    };
    let day = |d: DateTime| {
        datetime_to_day(d)
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for part in rewritten.split("date:[").skip(1) {
        let Some((range, _)) = part.split_once(['}', ']']) else {
            continue;
        };
        let Some((lo, hi)) = range.split_once(" TO ") else {
            continue;
        };
        let parse = |s: &str| {
            chrono::DateTime::parse_from_rfc3339(s.trim())
                .ok()
                .map(|d| DateTime::from_timestamp_secs(d.timestamp()))
        };
        let outside = match (parse(lo), parse(hi)) {
            (Some(l), _) if l > max => true,
            (_, Some(h)) if h <= min => true,
            _ => false,
        };
        if outside {
            out.push(format!(
                "date range [{} TO {}] is outside the indexed dates ({} to {})",
                lo.get(..10).unwrap_or(lo),
                hi.get(..10).unwrap_or(hi),
                day(min),
                day(max)
            ));
        }
    }
    out
}

/// Entity values with no hit, with the closest names the index holds.
fn entity_warnings(
    index: &DatelineIndex,
    rewritten: &str,
    searcher: &Searcher,
    aliases: &Aliases,
) -> Vec<String> {
    let mut out = Vec::new();
    for (field, exact) in [
        ("people", "people_exact"),
        ("orgs", "orgs_exact"),
        ("places", "places_exact"),
    ] {
        for part in rewritten.split(&format!("{field}:")).skip(1) {
            let value = if let Some(rest) = part.strip_prefix('"') {
                rest.split('"').next().unwrap_or("")
            } else {
                part.split([' ', ')']).next().unwrap_or("")
            };
            if value.is_empty() || value.contains(['(', '*', '~']) {
                continue;
            }
            let text = format!("{field}:\"{value}\"");
            let hits = query::build(
                &index.index,
                &index.fields,
                &text,
                &Filters::default(),
                aliases,
            )
            .map(|q| searcher.search(&*q, &Count).unwrap_or(0))
            .unwrap_or(0);
            if hits == 0 {
                let suggestions = closest_names(searcher, exact, value, 3);
                let hint = if suggestions.is_empty() {
                    String::new()
                } else {
                    format!("; closest: {}", suggestions.join(", "))
                };
                out.push(format!("{field}:\"{value}\" is not in the index{hint}"));
            }
        }
    }
    out
}

fn closest_names(searcher: &Searcher, column: &str, value: &str, n: usize) -> Vec<String> {
    let target = value.to_lowercase();
    let mut scored: Vec<(usize, String)> = Vec::new();
    for segment in searcher.segment_readers() {
        let Ok(Some(col)) = segment.fast_fields().str(column) else {
            continue;
        };
        let dict = col.dictionary();
        let Ok(mut stream) = dict.stream() else {
            continue;
        };
        while stream.advance() {
            let Ok(name) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            let lower = name.to_lowercase();
            let d = lower
                .split_whitespace()
                .map(|w| edit_distance(&target, w))
                .chain([edit_distance(&target, &lower)])
                .min()
                .unwrap_or(usize::MAX);
            scored.push((d, name.to_string()));
        }
    }
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    scored
        .into_iter()
        .filter(|(d, _)| *d <= 3)
        .take(n)
        .map(|(_, s)| s)
        .collect()
}
