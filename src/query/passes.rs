//! Passes over the parsed tree, before planning: entity values become canonical names,
//! and the command-line filters become nodes of the same tree.

use super::ast::{Field, Node, NodeKind};
use super::Filters;
use crate::extract::aliases::Aliases;

/// Replaces every entity value the alias table knows by its canonical name
/// (`org:al-qaeda` searches `org:"al-Qaida"`), keeping what was written for
/// `--explain` and for scopes. Patterns (`org:qaid*`) are left as typed.
pub fn resolve_entities(node: &mut Node, aliases: &Aliases) {
    match &mut node.kind {
        NodeKind::Text {
            field,
            text,
            written,
            ..
        } => {
            if let Some(kind) = field.entity_kind() {
                if let Some(canonical) = aliases.canonical(kind, text) {
                    if canonical != text {
                        *written = Some(std::mem::replace(text, canonical.to_string()));
                    }
                }
            }
        }
        NodeKind::And(children) | NodeKind::Or(children) => {
            for child in children {
                resolve_entities(child, aliases);
            }
        }
        NodeKind::Not(child) => resolve_entities(child, aliases),
        NodeKind::Scope { items, .. } => {
            for item in items {
                for alternative in &mut item.alternatives {
                    resolve_entities(alternative, aliases);
                }
            }
        }
        _ => {}
    }
}

/// The tree with the filters ANDed on as nodes: `--person NAME` is `person:"NAME"`,
/// `--since`/`--until` a date range, `--new` an `indexed_at` bound.
pub fn apply_filters(node: Node, filters: &Filters) -> Node {
    let mut extra = Vec::new();
    for (name, value) in &filters.entities {
        let field = Field::from_name(name).unwrap_or(Field::Default);
        extra.push(Node::synthetic(NodeKind::Text {
            field,
            text: value.clone(),
            quoted: true,
            slop: 0,
            written: None,
        }));
    }
    if filters.since.is_some() || filters.until.is_some() {
        extra.push(Node::synthetic(NodeKind::Date {
            from: filters.since.map(|s| s.start),
            until: filters.until.map(|s| s.end_exclusive),
        }));
    }
    if let Some(after) = filters.indexed_after {
        extra.push(Node::synthetic(NodeKind::IndexedAfter(
            after.into_timestamp_micros(),
        )));
    }
    if extra.is_empty() {
        return node;
    }
    let span = node.span;
    let mut children = match node.kind {
        NodeKind::And(children) => children,
        _ => vec![node],
    };
    children.extend(extra);
    Node {
        kind: NodeKind::And(children),
        span,
    }
}
