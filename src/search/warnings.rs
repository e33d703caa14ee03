//! Warnings printed with every answer they concern (stderr, and `warnings` in JSON):
//! what makes a count other than what the query seems to ask for. Never only under
//! `--explain`.

use crate::extract::aliases::Aliases;
use crate::index::DatelineIndex;
use crate::query::ast::{FieldKind, Node, NodeKind};

/// Words of the query that the field's analyzer turns into nothing (punctuation only,
/// or words over 40 characters): they match nothing.
pub fn for_tree(index: &DatelineIndex, tree: &Node) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(mut analyzer) = index.index.tokenizer_for_field(index.fields.body) else {
        return out;
    };
    tree.walk(&mut |node| {
        if let NodeKind::Text { field, text, .. } = &node.kind {
            if field.kind() == FieldKind::Exact {
                return;
            }
            let mut stream = analyzer.token_stream(text);
            if !stream.advance() {
                out.push(format!(
                    "`{text}` (column {}) has no searchable word (punctuation only, or a word over 40 characters): it matches nothing",
                    node.span.start + 1
                ));
            }
        }
    });
    out
}

/// A warning when the alias table in use differs from the one the index was built
/// with: entity values would then resolve to names the index does not hold.
pub fn alias_table(index: &DatelineIndex, aliases: &Aliases) -> Option<String> {
    let built_with = index.meta.aliases_fingerprint?;
    (built_with != aliases.fingerprint()).then(|| {
        "the index was built with another alias table than this search uses: entity names may resolve to names the index does not hold (search without --aliases to use the index's own table, or re-index with this one)".to_string()
    })
}
