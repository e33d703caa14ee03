//! `--explain`: what a query became and why it matches what it matches.
//!
//! Prints the resolved tree in dateline's own query syntax with the hit count of every
//! node (so a journalist sees which clause emptied the result), the warnings every
//! search prints, and lints for constructs that match nothing for a structural reason:
//! an entity value the index does not hold (with the closest names it does), a date
//! range outside the indexed dates, a pattern that matches no word.

use serde::Serialize;
use tantivy::collector::Count;
use tantivy::{DateTime, Searcher};

use crate::error::{Error, Result};
use crate::extract::aliases::Aliases;
use crate::index::document::datetime_to_day;
use crate::index::DatelineIndex;
use crate::query::ast::{Field, Node, NodeKind};
use crate::query::plan::Planner;
use crate::query::{self, edit_distance, Filters};

/// One node of the tree with its hit count (alone, not within its parents).
#[derive(Debug, Serialize)]
pub struct ExplainedNode {
    /// The node in query syntax.
    pub query: String,
    pub hits: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<ExplainedNode>,
}

/// Everything `--explain` reports.
#[derive(Debug, Serialize)]
pub struct Explanation {
    pub query: String,
    /// The whole resolved tree in query syntax (filters included).
    pub rewritten: String,
    pub tree: ExplainedNode,
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
    let searcher = index.searcher()?;
    let compiled = query::compile(&index.index, &index.fields, text, filters, aliases)?;
    let total = searcher
        .search(&*compiled.query, &Count)
        .map_err(Error::tantivy("counting hits"))?;
    let mut planner = Planner {
        index: &index.index,
        fields: &index.fields,
        aliases,
        scopes: Vec::new(),
        saids: Vec::new(),
    };
    let tree = explain_node(&compiled.tree, &mut planner, &searcher)?;
    let mut warnings = super::warnings::for_tree(index, &compiled.tree);
    warnings.extend(super::warnings::alias_table(index, aliases));
    warnings.extend(lints(index, &compiled.tree, &searcher, aliases));
    Ok(Explanation {
        query: text.to_string(),
        rewritten: compiled.tree.to_string(),
        tree,
        total,
        warnings,
    })
}

/// Every node's count is real or the whole explanation fails: a count that could not
/// be taken must never read as "this clause matches nothing".
fn explain_node(
    node: &Node,
    planner: &mut Planner<'_>,
    searcher: &Searcher,
) -> Result<ExplainedNode> {
    let hits = count(node, planner, searcher)?;
    let children = match &node.kind {
        NodeKind::And(children) | NodeKind::Or(children) => children
            .iter()
            .map(|c| explain_node(c, planner, searcher))
            .collect::<Result<Vec<_>>>()?,
        NodeKind::Not(child) => vec![explain_node(child, planner, searcher)?],
        _ => Vec::new(),
    };
    Ok(ExplainedNode {
        query: node.to_string(),
        hits,
        children,
    })
}

fn count(node: &Node, planner: &mut Planner<'_>, searcher: &Searcher) -> Result<usize> {
    let query = planner.plan(node)?;
    searcher
        .search(&*query, &Count)
        .map_err(Error::tantivy("counting a clause's hits"))
}

/// Suggestions for parts of the query that match nothing: entity values the index
/// does not hold (with the closest names it does), date ranges outside the indexed
/// dates, patterns that match no word. Printed by `--explain`, and by a search that
/// found nothing.
pub fn lints(
    index: &DatelineIndex,
    tree: &Node,
    searcher: &Searcher,
    aliases: &Aliases,
) -> Vec<String> {
    let mut planner = Planner {
        index: &index.index,
        fields: &index.fields,
        aliases,
        scopes: Vec::new(),
        saids: Vec::new(),
    };
    let indexed_dates = date_bounds(searcher);
    let mut out = Vec::new();
    tree.walk(&mut |node| match &node.kind {
        NodeKind::Text { field, text, .. } => {
            let column = match (field, field.entity_kind()) {
                (_, Some(kind)) => kind.exact_field(),
                (Field::Speaker, None) => "speakers_exact",
                _ => return,
            };
            // A count that failed proves nothing, so it never claims "not in the index".
            if matches!(count(node, &mut planner, searcher), Ok(0)) {
                let suggestions = closest_names(searcher, column, text, 3);
                let hint = if suggestions.is_empty() {
                    String::new()
                } else {
                    format!("; closest: {}", suggestions.join(", "))
                };
                out.push(format!("{node} is not in the index{hint}"));
            }
        }
        NodeKind::Prefix { .. } | NodeKind::Fuzzy { .. }
            if matches!(count(node, &mut planner, searcher), Ok(0)) =>
        {
            out.push(format!("`{node}` matches no word in the index"));
        }
        NodeKind::Date { from, until } => {
            let Some((first, last)) = indexed_dates else {
                return;
            };
            let after = from.is_some_and(|f| f.date() > last);
            let before = until.is_some_and(|u| u <= first.and_time(chrono::NaiveTime::MIN));
            if after || before {
                out.push(format!(
                    "{node} is outside the indexed dates ({first} to {last})"
                ));
            }
        }
        _ => {}
    });
    out
}

/// The first and last publication day in the index.
pub(crate) fn date_bounds(searcher: &Searcher) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
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
    Some((datetime_to_day(min?)?, datetime_to_day(max?)?))
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
