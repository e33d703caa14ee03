//! The words to highlight in snippets. Prefix and fuzzy clauses match through automata
//! that name no terms, so their matching words are looked up in the body's term
//! dictionary here, for highlighting only: what matches never depends on this list.

use std::collections::BTreeSet;

use tantivy::query::{BooleanQuery, FuzzyTermQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use crate::index::DatelineIndex;
use crate::query::ast::{Field, Node, NodeKind};
use crate::query::scope::stemmed_prefix;

/// Matching words looked up per pattern: enough to light up any snippet's words.
const HIGHLIGHT_TERMS: usize = 2_000;

/// `query` plus the body words its prefix and fuzzy clauses match, for a
/// `SnippetGenerator` (which highlights the terms a query names).
pub fn highlight_query(
    index: &DatelineIndex,
    searcher: &Searcher,
    tree: &Node,
    query: &dyn Query,
) -> Box<dyn Query> {
    let body = index.fields.body;
    let mut words = BTreeSet::new();
    let Ok(mut analyzer) = index.index.tokenizer_for_field(body) else {
        return query.box_clone();
    };
    let searches_body = |field: &Field| matches!(field, Field::Default | Field::Body);
    tree.walk(&mut |node| {
        // Only prefix and fuzzy clauses name no terms; decide once per node, then look
        // their words up in each segment's dictionary.
        let fuzzy = match &node.kind {
            NodeKind::Prefix { field, .. } if searches_body(field) => None,
            NodeKind::Fuzzy {
                field,
                word,
                distance,
            } if searches_body(field) => {
                let query = FuzzyTermQuery::new(Term::from_field_text(body, word), *distance, true);
                match query.automaton() {
                    Ok(automaton) => Some(automaton),
                    Err(_) => return,
                }
            }
            _ => return,
        };
        let prefix = match &node.kind {
            NodeKind::Prefix { prefix, .. } => Some(stemmed_prefix(prefix, &mut analyzer)),
            _ => None,
        };
        for segment in searcher.segment_readers() {
            let Ok(inverted) = segment.inverted_index(body) else {
                continue;
            };
            let dict = inverted.terms();
            let mut take = |key: &[u8]| {
                if let Ok(word) = std::str::from_utf8(key) {
                    words.insert(word.to_string());
                }
                words.len() < HIGHLIGHT_TERMS
            };
            if let Some(start) = &prefix {
                if let Ok(mut stream) = dict.range().ge(start.as_bytes()).into_stream() {
                    while stream.advance() && stream.key().starts_with(start.as_bytes()) {
                        if !take(stream.key()) {
                            break;
                        }
                    }
                }
            } else if let Some(automaton) = &fuzzy {
                if let Ok(mut stream) = dict.search(automaton).into_stream() {
                    while stream.advance() {
                        if !take(stream.key()) {
                            break;
                        }
                    }
                }
            }
        }
    });
    if words.is_empty() {
        return query.box_clone();
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, query.box_clone())];
    clauses.extend(words.into_iter().map(|w| {
        (
            Occur::Should,
            Box::new(TermQuery::new(
                Term::from_field_text(body, &w),
                IndexRecordOption::Basic,
            )) as Box<dyn Query>,
        )
    }));
    Box::new(BooleanQuery::new(clauses))
}
