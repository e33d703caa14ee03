//! Query text to tantivy query: field aliases, date sugar, validation with positions.
//!
//! dateline speaks tantivy's query grammar (terms, "phrases", `+must -not`, AND/OR/NOT,
//! ranges, `field:value`) with AND as the default conjunction. Before tantivy sees the
//! text, [`rewrite`] maps user-facing field names (`person:`, `org:`, `place:`) onto
//! index fields and expands partial dates (`date:2021-01`) into ranges, checking
//! quotes, brackets and field names on the way so that errors carry a column.

pub mod dates;
pub mod expand;
pub mod scope;

use std::fmt;
use std::ops::Bound;

use tantivy::query::{BooleanQuery, Occur, Query, QueryParser, RangeQuery};
use tantivy::{Index, Term};

use crate::extract::aliases::Aliases;
use crate::index::document::day_to_datetime;
use crate::index::schema::Fields;
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
                writeln!(f, "  {}", self.query)?;
                write!(f, "  {}^", " ".repeat(col))?;
            }
            None => {
                writeln!(f, "invalid query: {}", self.message)?;
                write!(f, "  {}", self.query)?;
            }
        }
        if let Some(hint) = &self.hint {
            write!(f, "\nhint: {hint}")?;
        }
        Ok(())
    }
}

/// Field names users may write, and the index field each one means.
pub const FIELD_ALIASES: &[(&str, &str)] = &[
    ("title", "title"),
    ("body", "body"),
    ("text", "body"),
    ("person", "people"),
    ("people", "people"),
    ("org", "orgs"),
    ("orgs", "orgs"),
    ("organization", "orgs"),
    ("organizations", "orgs"),
    ("place", "places"),
    ("places", "places"),
    ("location", "places"),
    ("source", "source"),
    ("date", "date"),
    ("id", "id"),
    ("path", "path"),
    ("date_source", "date_source"),
];

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

/// Parses query text plus filters into a tantivy query over `fields`.
pub fn build(
    index: &Index,
    fields: &Fields,
    text: &str,
    filters: &Filters,
    aliases: &Aliases,
) -> Result<Box<dyn Query>, QueryError> {
    let (rewritten, _expansions) = prepare(index, fields, text, aliases)?;
    let (_, scopes) = scope::split(text, aliases)?;
    let mut parser = QueryParser::for_index(index, vec![fields.title, fields.body]);
    parser.set_conjunction_by_default();
    parser.set_field_boost(fields.title, 2.0);
    let parsed = parser.parse_query(&rewritten).map_err(|e| QueryError {
        query: text.to_string(),
        message: describe_parser_error(&e),
        column: None,
        hint: matches!(e, tantivy::query::QueryParserError::SyntaxError(_)).then(|| {
            "quote words that contain operators or punctuation, e.g. \"U.S.-Iran\"".into()
        }),
    })?;
    let scoped = if scopes.is_empty() {
        None
    } else {
        Some(
            scope_filter(index, fields, &*parsed, &scopes, aliases).map_err(|e| QueryError {
                query: text.to_string(),
                message: e,
                column: None,
                hint: None,
            })?,
        )
    };
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, parsed)];
    if let Some(filter) = scoped {
        clauses.push((Occur::Must, filter));
    }
    for (field, value) in &filters.entities {
        // The same path as `person:"value"` in the query: aliases apply.
        let text = format!("{field}:\"{}\"", value.replace('"', ""));
        let rewritten = rewrite(&text, aliases)?;
        let filter = parser.parse_query(&rewritten).map_err(|e| QueryError {
            query: text.clone(),
            message: describe_parser_error(&e),
            column: None,
            hint: None,
        })?;
        clauses.push((Occur::Must, filter));
    }
    if let Some(after) = filters.indexed_after {
        clauses.push((
            Occur::Must,
            Box::new(RangeQuery::new(
                Bound::Excluded(Term::from_field_date(fields.indexed_at, after)),
                Bound::Unbounded,
            )),
        ));
    }
    if filters.since.is_none() && filters.until.is_none() {
        return Ok(if clauses.len() == 1 {
            clauses.remove(0).1
        } else {
            Box::new(BooleanQuery::new(clauses))
        });
    }
    let lower = filters
        .since
        .map(|s| Bound::Included(Term::from_field_date(fields.date, day_to_datetime(s.start))))
        .unwrap_or(Bound::Unbounded);
    let upper = filters
        .until
        .map(|s| {
            Bound::Excluded(Term::from_field_date(
                fields.date,
                day_to_datetime(s.end_exclusive),
            ))
        })
        .unwrap_or(Bound::Unbounded);
    clauses.push((Occur::Must, Box::new(RangeQuery::new(lower, upper))));
    Ok(Box::new(BooleanQuery::new(clauses)))
}

/// The articles among `candidates` where every scope holds, as a query on their ids:
/// scopes are checked on stored text, and the id set lets counting, facets, sorting
/// and paging treat them like any other clause.
fn scope_filter(
    index: &Index,
    fields: &Fields,
    candidates: &dyn Query,
    scopes: &[scope::Scope],
    aliases: &Aliases,
) -> Result<Box<dyn Query>, String> {
    use tantivy::schema::Value;
    let analyzer = index
        .tokenizer_for_field(fields.body)
        .map_err(|e| e.to_string())?;
    let mut matchers: Vec<scope::Matcher> = scopes
        .iter()
        .map(|s| scope::Matcher::new(s, aliases, analyzer.clone()))
        .collect();
    let searcher = index.reader().map_err(|e| e.to_string())?.searcher();
    let addresses = searcher
        .search(candidates, &tantivy::collector::DocSetCollector)
        .map_err(|e| e.to_string())?;
    let mut ids = Vec::new();
    for address in addresses {
        let doc: tantivy::TantivyDocument = searcher.doc(address).map_err(|e| e.to_string())?;
        let text = |f| {
            doc.get_first(f)
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string()
        };
        let (title, body) = (text(fields.title), text(fields.body));
        let holds = matchers
            .iter_mut()
            .all(|m| m.find(&title).is_some() || m.find(&body).is_some());
        if holds {
            ids.push(Term::from_field_text(fields.id, &text(fields.id)));
        }
    }
    Ok(Box::new(tantivy::query::TermSetQuery::new(ids)))
}

/// Query text as tantivy will parse it: aliases and date sugar rewritten, prefix and
/// fuzzy terms expanded against the index. Also returns the expansions (`--explain`).
pub fn prepare(
    index: &Index,
    fields: &Fields,
    text: &str,
    aliases: &Aliases,
) -> Result<(String, Vec<expand::Expansion>), QueryError> {
    let (text_without_scopes, _) = scope::split(text, aliases)?;
    let rewritten = rewrite(&text_without_scopes, aliases)?;
    let searcher = index
        .reader()
        .map_err(|e| QueryError {
            query: text.to_string(),
            message: format!("cannot open the index: {e}"),
            column: None,
            hint: None,
        })?
        .searcher();
    Ok(expand::expand(
        &rewritten,
        index,
        &searcher,
        &[fields.title, fields.body],
    ))
}

fn describe_parser_error(e: &tantivy::query::QueryParserError) -> String {
    use tantivy::query::QueryParserError as E;
    match e {
        E::SyntaxError(s) => format!("syntax error near `{s}`"),
        E::AllButQueryForbidden => {
            "only excluded terms: add at least one term to search for".into()
        }
        other => other.to_string(),
    }
}

/// Rewrites user query text into tantivy grammar: field aliases resolved, date sugar
/// expanded, entity values replaced by their canonical names (`org:al-qaeda` →
/// `orgs:"al-Qaida"`). Validates quotes, parentheses, ranges and field names.
pub fn rewrite(text: &str, aliases: &Aliases) -> Result<String, QueryError> {
    let chars: Vec<char> = text.chars().collect();
    let err = |message: String, column: usize, hint: Option<String>| QueryError {
        query: text.to_string(),
        message,
        column: Some(column),
        hint,
    };
    if text.trim().is_empty() {
        return Err(QueryError {
            query: text.to_string(),
            message: "empty query".into(),
            column: None,
            hint: Some("search for words, e.g. `dateline search 'iran sanctions'`".into()),
        });
    }
    let mut out = String::with_capacity(text.len() + 32);
    let mut depth: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '"' => {
                let close = chars[i + 1..]
                    .iter()
                    .position(|&c| c == '"')
                    .ok_or_else(|| {
                        err(
                            "unclosed quote".into(),
                            i,
                            Some("close the phrase with a second \"".into()),
                        )
                    })?;
                let end = i + 1 + close;
                out.extend(&chars[i..=end]);
                i = end + 1;
                continue;
            }
            '(' => depth.push(i),
            ')' if depth.pop().is_none() => {
                return Err(err("unmatched `)`".into(), i, None));
            }
            '[' | '{' => {
                let close = chars[i + 1..]
                    .iter()
                    .position(|&c| c == ']' || c == '}')
                    .ok_or_else(|| {
                        err(
                            "unclosed range".into(),
                            i,
                            Some("write ranges as [A TO B]".into()),
                        )
                    })?;
                let end = i + 1 + close;
                out.extend(&chars[i..=end]);
                i = end + 1;
                continue;
            }
            _ => {}
        }
        let at_word_start = i == 0 || matches!(chars[i - 1], ' ' | '\t' | '(' | '+' | '-');
        if at_word_start && (c.is_ascii_alphabetic() || c == '_') {
            let name_end = i + chars[i..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                .count();
            if chars.get(name_end) == Some(&':') {
                let name: String = chars[i..name_end].iter().collect::<String>();
                let lower = name.to_ascii_lowercase();
                let field = FIELD_ALIASES
                    .iter()
                    .find(|(alias, _)| *alias == lower)
                    .map(|(_, field)| *field)
                    .ok_or_else(|| {
                        err(
                            format!("unknown field `{name}`"),
                            i,
                            Some(field_hint(&lower)),
                        )
                    })?;
                if field == "date" {
                    let (expanded, consumed) = dates::expand(&chars[name_end + 1..])
                        .map_err(|(msg, offset)| {
                            err(
                                msg,
                                name_end + 1 + offset,
                                Some("dates are YYYY, YYYY-MM or YYYY-MM-DD; ranges [2020-06 TO 2021-02]".into()),
                            )
                        })?;
                    out.push_str("date:");
                    out.push_str(&expanded);
                    i = name_end + 1 + consumed;
                    continue;
                }
                out.push_str(field);
                out.push(':');
                i = name_end + 1;
                if let Some(kind) = entity_kind(field) {
                    if let Some((canonical, consumed)) = canonical_value(&chars[i..], kind, aliases)
                    {
                        out.push('"');
                        out.push_str(&canonical.replace('"', ""));
                        out.push('"');
                        i += consumed;
                    }
                }
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    if let Some(open) = depth.pop() {
        return Err(err("unclosed `(`".into(), open, None));
    }
    let trimmed = text.trim_end();
    for op in ["AND", "OR", "NOT"] {
        if trimmed.ends_with(&format!(" {op}")) || trimmed == op {
            return Err(err(
                format!("`{op}` at the end of the query has nothing to apply to"),
                trimmed.chars().count() - op.len(),
                None,
            ));
        }
    }
    Ok(out)
}

/// The alias-table kind of an entity field.
fn entity_kind(field: &str) -> Option<&'static str> {
    match field {
        "people" => Some("person"),
        "orgs" => Some("org"),
        "places" => Some("place"),
        _ => None,
    }
}

/// When the value at the start of `rest` (a "phrase" or a bare word) is a known alias
/// of a `kind` entity, its canonical name and the chars the value spans.
fn canonical_value(rest: &[char], kind: &str, aliases: &Aliases) -> Option<(String, usize)> {
    let (value, consumed) = if rest.first() == Some(&'"') {
        let close = rest[1..].iter().position(|&c| c == '"')?;
        (rest[1..=close].iter().collect::<String>(), close + 2)
    } else {
        let len = rest
            .iter()
            .take_while(|c| !c.is_whitespace() && **c != ')')
            .count();
        let value: String = rest[..len].iter().collect();
        // Wildcards and fuzzy/boost suffixes are tantivy syntax, not names.
        if value.contains(['*', '~', '^']) {
            return None;
        }
        (value, len)
    };
    let canonical = aliases.canonical(kind, &value)?;
    Some((canonical.to_string(), consumed))
}

/// "did you mean" for an unknown field name: the closest known alias.
fn field_hint(name: &str) -> String {
    let best = FIELD_ALIASES
        .iter()
        .map(|(alias, _)| (edit_distance(name, alias), *alias))
        .min();
    let known: Vec<&str> = ["title", "body", "person", "org", "place", "source", "date"].to_vec();
    match best {
        Some((d, alias)) if d <= 3 => {
            format!("did you mean `{alias}:`? fields: {}", known.join(", "))
        }
        _ => format!("fields: {}", known.join(", ")),
    }
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

    fn none() -> Aliases {
        Aliases::default()
    }

    #[test]
    fn aliases_map_to_index_fields() {
        assert_eq!(
            rewrite("person:volcker", &none()).unwrap(),
            "people:volcker"
        );
        assert_eq!(
            rewrite("org:opec AND place:iran -source:ap", &none()).unwrap(),
            "orgs:opec AND places:iran -source:ap"
        );
        assert_eq!(
            rewrite("\"person:x\" y", &none()).unwrap(),
            "\"person:x\" y"
        );
    }

    #[test]
    fn date_sugar_expands_to_ranges() {
        assert_eq!(
            rewrite("date:2021", &none()).unwrap(),
            "date:[2021-01-01T00:00:00Z TO 2022-01-01T00:00:00Z}"
        );
        assert_eq!(
            rewrite("iran date:2021-01", &none()).unwrap(),
            "iran date:[2021-01-01T00:00:00Z TO 2021-02-01T00:00:00Z}"
        );
        assert_eq!(
            rewrite("(date:2021-01-12)", &none()).unwrap(),
            "(date:[2021-01-12T00:00:00Z TO 2021-01-13T00:00:00Z})"
        );
        assert_eq!(
            rewrite("date:[2020-06 TO 2021-02]", &none()).unwrap(),
            "date:[2020-06-01T00:00:00Z TO 2021-03-01T00:00:00Z}"
        );
        assert_eq!(
            rewrite("date:[2020 TO *]", &none()).unwrap(),
            "date:[2020-01-01T00:00:00Z TO *]"
        );
    }

    #[test]
    fn errors_carry_columns_and_hints() {
        let e = rewrite("iran persn:pompeo", &none()).unwrap_err();
        assert_eq!(e.column, Some(5));
        assert!(e.hint.unwrap().contains("person:"));
        assert_eq!(
            rewrite("\"iran denies", &none()).unwrap_err().column,
            Some(0)
        );
        assert_eq!(
            rewrite("(iran OR iraq", &none()).unwrap_err().column,
            Some(0)
        );
        assert_eq!(rewrite("iran)", &none()).unwrap_err().column, Some(4));
        assert_eq!(
            rewrite("date:2021-13", &none()).unwrap_err().column,
            Some(5)
        );
        assert_eq!(rewrite("iran AND", &none()).unwrap_err().column, Some(5));
        assert!(rewrite("   ", &none()).is_err());
    }

    #[test]
    fn entity_values_become_canonical_names() {
        let a = Aliases::parse(
            "[[entity]]\ntype = \"org\"\nname = \"al-Qaida\"\naliases = [\"al-Qaeda\", \"Al Qaeda\"]\n",
        )
        .unwrap();
        assert_eq!(rewrite("org:al-qaeda", &a).unwrap(), "orgs:\"al-Qaida\"");
        assert_eq!(
            rewrite("org:\"Al Qaeda\" AND iran", &a).unwrap(),
            "orgs:\"al-Qaida\" AND iran"
        );
        assert_eq!(rewrite("(org:alqaeda)", &a).unwrap(), "(orgs:\"al-Qaida\")");
        assert_eq!(rewrite("org:al*", &a).unwrap(), "orgs:al*");
        assert_eq!(rewrite("person:al-qaeda", &a).unwrap(), "people:al-qaeda");
    }

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("persn", "person"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
