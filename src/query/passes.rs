//! Passes over the parsed tree, before planning: entity values become canonical names,
//! and the command-line filters become nodes of the same tree.

use super::ast::{Field, Node, NodeKind};
use super::{Filters, QueryError};
use crate::attribution::cues::{cue_word, lemma_named, Stance, STANCES};
use crate::attribution::NEGATED_PREFIX;
use crate::extract::aliases::Aliases;

/// Replaces every entity value the alias table knows by its canonical name
/// (`org:al-qaeda` searches `org:"al-Qaida"`), keeping what was written for
/// `--explain` and for scopes. Patterns (`org:qaid*`) are left as typed.
pub fn resolve_entities(node: &mut Node, aliases: &Aliases) {
    visit_mut(node, &mut |node| {
        let NodeKind::Text {
            field,
            text,
            written,
            ..
        } = &mut node.kind
        else {
            return;
        };
        // A speaker may be any sort of entity (a person, a government, a place).
        let canonical = match field.entity_kind() {
            Some(kind) => aliases.canonical(kind.as_str(), text),
            None if *field == Field::Speaker => aliases.lookup(text).map(|(_, c)| c),
            None => None,
        };
        if let Some(canonical) = canonical.filter(|c| c != text) {
            *written = Some(std::mem::replace(text, canonical.to_string()));
        }
    });
}

/// Turns every `stance:` value into the name the index holds: a stance class
/// (`stance:deny`), or the lemma of a cue word (`stance:condemned` → `condemn`); any
/// other value is an error naming the classes, never a silent zero.
pub fn resolve_stances(node: &mut Node, query: &str) -> Result<(), QueryError> {
    let mut result = Ok(());
    visit_mut(node, &mut |node| {
        let NodeKind::Text {
            field: Field::Stance,
            text,
            written,
            ..
        } = &mut node.kind
        else {
            return;
        };
        let lower = text.to_lowercase();
        // `stance:not-deny`, `stance:not-denied`: a negated cue of that class or lemma.
        let (negated, lower) = match lower.strip_prefix(NEGATED_PREFIX) {
            Some(rest) => (NEGATED_PREFIX, rest),
            None => ("", lower.as_str()),
        };
        let resolved = match Stance::parse(lower) {
            Some(stance) => Some(stance.as_str().to_string()),
            // A verb form, or a lemma whose bare form is no cue (`stance:state`).
            None => cue_word(lower)
                .map(|w| w.lemma)
                .or_else(|| lemma_named(lower))
                .map(str::to_string),
        }
        .map(|name| format!("{negated}{name}"));
        match resolved {
            Some(name) if name != *text => {
                *written = Some(std::mem::replace(text, name));
            }
            Some(_) => {}
            None if result.is_ok() => {
                let classes: Vec<&str> = STANCES.iter().map(|s| s.as_str()).collect();
                result = Err(QueryError {
                    query: query.to_string(),
                    message: format!("unknown stance `{text}`"),
                    column: Some(node.span.start),
                    hint: Some(format!(
                        "a stance is a class ({}) or a speech verb (denied, condemned), \
                         either after not- for a negated cue (not-deny)",
                        classes.join(", ")
                    )),
                });
            }
            None => {}
        }
    });
    result
}

/// Calls `visit` on every node, children (and scope items) included.
fn visit_mut(node: &mut Node, visit: &mut dyn FnMut(&mut Node)) {
    visit(node);
    match &mut node.kind {
        NodeKind::And(children) | NodeKind::Or(children) => {
            for child in children {
                visit_mut(child, visit);
            }
        }
        NodeKind::Not(child) => visit_mut(child, visit),
        NodeKind::Scope { items, .. } | NodeKind::Said { items } => {
            for item in items {
                for alternative in &mut item.alternatives {
                    visit_mut(alternative, visit);
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
