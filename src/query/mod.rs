//! The query path, one file per step:
//! text --[`lexer`]--> tokens --[`parser`]--> typed tree ([`ast`]) --[`passes`]-->
//! resolved tree --[`plan`]--> tantivy query (scopes: [`scope`], attributions: [`said`]).
//!
//! The language is documented in README ("Query syntax"); its semantics are checked
//! against an independent naive evaluator in `tests/differential.rs`.

pub mod ast;
pub mod dates;
pub mod filtered;
pub mod lexer;
pub mod parser;
pub mod passes;
pub mod plan;
pub mod said;
pub mod scope;

use std::fmt;

use tantivy::query::Query;
use tantivy::Index;

use crate::extract::aliases::Aliases;
use crate::index::schema::Fields;
pub use ast::Node;
pub use dates::DateSpan;

/// A malformed query: what is wrong, where (0-based char column), and what to try.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryError {
    pub query: String,
    pub message: String,
    pub column: Option<usize>,
    pub hint: Option<String>,
}

impl std::error::Error for QueryError {}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.column {
            Some(col) => {
                writeln!(f, "invalid query: {} (column {})", self.message, col + 1)?;
                let (shown, caret) = excerpt(&self.query, col);
                writeln!(f, "  {shown}")?;
                write!(f, "  {}^", " ".repeat(caret))?;
            }
            None => {
                writeln!(f, "invalid query: {}", self.message)?;
                write!(f, "  {}", excerpt(&self.query, 0).0)?;
            }
        }
        if let Some(hint) = &self.hint {
            write!(f, "\nhint: {hint}")?;
        }
        Ok(())
    }
}

/// At most 100 characters of `query` around `column`, and the caret's position in
/// them: a long query's error fits on one line.
fn excerpt(query: &str, column: usize) -> (String, usize) {
    const WIDTH: usize = 100;
    let chars: Vec<char> = query.chars().collect();
    if chars.len() <= WIDTH {
        return (query.to_string(), column);
    }
    let start = column.saturating_sub(WIDTH / 2).min(chars.len() - WIDTH);
    let end = start + WIDTH;
    let mut shown = String::new();
    let mut caret = column - start;
    if start > 0 {
        shown.push('…');
        caret += 1;
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret)
}

/// Options that narrow a search beyond the query text.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Keep articles dated on or after the start of this span.
    pub since: Option<DateSpan>,
    /// Keep articles dated on or before the end of this span.
    pub until: Option<DateSpan>,
    /// Keep articles whose `indexed_at` stamp is later than this (saved queries'
    /// `--new`).
    pub indexed_after: Option<tantivy::DateTime>,
    /// `--person/--org/--place/--source` filters: (user field name, value).
    pub entities: Vec<(&'static str, String)>,
}

/// Query text to the typed tree (lexed and parsed once; nothing else reads the text).
pub fn parse(text: &str) -> Result<Node, QueryError> {
    let tokens = lexer::lex(text)?;
    parser::parse(text, &tokens)
}

/// A query ready to run: the resolved tree (for `--explain` and warnings), the tantivy
/// query, and its scopes (for snippets and for reporting unreadable articles).
pub struct Compiled {
    pub tree: Node,
    pub query: Box<dyn Query>,
    pub scopes: Vec<scope::ScopeQuery>,
    /// Its `SAID(...)` scopes, for snippets, the hits' attributions and unreadable
    /// articles.
    pub saids: Vec<said::SaidQuery>,
}

/// Parses `text` and applies the passes and `filters`: the tree every engine plans
/// from (the local index here, another engine in `engine/`).
pub fn resolve(text: &str, filters: &Filters, aliases: &Aliases) -> Result<Node, QueryError> {
    let mut tree = passes::apply_filters(parse(text)?, filters);
    passes::resolve_entities(&mut tree, aliases);
    passes::resolve_stances(&mut tree, text)?;
    Ok(tree)
}

/// Parses `text`, applies the passes and `filters`, and plans the tantivy query.
pub fn compile(
    index: &Index,
    fields: &Fields,
    text: &str,
    filters: &Filters,
    aliases: &Aliases,
) -> Result<Compiled, QueryError> {
    let tree = resolve(text, filters, aliases)?;
    let mut planner = plan::Planner {
        index,
        fields,
        aliases,
        scopes: Vec::new(),
        saids: Vec::new(),
    };
    let query = planner.plan(&tree).map_err(|e| QueryError {
        query: text.to_string(),
        ..e
    })?;
    Ok(Compiled {
        tree,
        query,
        scopes: planner.scopes,
        saids: planner.saids,
    })
}

/// The tantivy query for `text` and `filters`.
pub fn build(
    index: &Index,
    fields: &Fields,
    text: &str,
    filters: &Filters,
    aliases: &Aliases,
) -> Result<Box<dyn Query>, QueryError> {
    compile(index, fields, text, filters, aliases).map(|c| c.query)
}

/// Levenshtein distance, for suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_queries_are_shown_around_the_error() {
        let query = format!("{} persn:x {}", "a ".repeat(200), "b ".repeat(200));
        let e = parse(&query).unwrap_err().to_string();
        let lines: Vec<&str> = e.lines().collect();
        assert!(lines[1].chars().count() < 110, "{e}");
        let caret = lines[2].chars().count() - 1;
        assert_eq!(lines[1].chars().nth(caret), Some('p'), "{e}");
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("persn", "person"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
