//! Tokens to the typed tree, by recursive descent.
//!
//! Precedence, loosest first: `OR`, then `AND` (also written as juxtaposition), then
//! `NOT`/`-`/`+`. `NOT x` means every article without x, so it may stand anywhere.
//! Nesting is bounded ([`MAX_DEPTH`]) and so is the number of clauses
//! ([`MAX_CLAUSES`]): a hostile query gets a clear error, never a stack overflow.

use super::ast::{Field, FieldKind, Node, NodeKind, ScopeItem, ScopeKind, Span};
use super::dates::DateSpan;
use super::lexer::{Token, TokenKind};
use super::QueryError;

/// Deepest nesting of parentheses, NOTs and scopes accepted.
pub const MAX_DEPTH: usize = 64;
/// Most clauses (words, phrases, fields...) in one query.
pub const MAX_CLAUSES: usize = 1_024;

/// Parses `tokens` of `text` into a tree.
pub fn parse(text: &str, tokens: &[Token]) -> Result<Node, QueryError> {
    if tokens.is_empty() {
        return Err(QueryError {
            query: text.to_string(),
            message: "empty query".into(),
            column: None,
            hint: Some("search for words, e.g. `dateline search 'iran sanctions'`".into()),
        });
    }
    let mut parser = Parser {
        text,
        tokens,
        at: 0,
        depth: 0,
        clauses: 0,
    };
    let node = parser.or_expr(Field::Default)?;
    if let Some(token) = parser.peek() {
        let message = match token.kind {
            TokenKind::RParen => "unmatched `)`",
            _ => "unexpected text",
        };
        return Err(parser.error_at(token.span.start, message, None));
    }
    Ok(node)
}

struct Parser<'a> {
    text: &'a str,
    tokens: &'a [Token],
    at: usize,
    depth: usize,
    clauses: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<&Token> {
        let token = self.tokens.get(self.at);
        self.at += 1;
        token
    }

    fn end_column(&self) -> usize {
        self.text.chars().count()
    }

    fn error_at(&self, column: usize, message: &str, hint: Option<&str>) -> QueryError {
        QueryError {
            query: self.text.to_string(),
            message: message.to_string(),
            column: Some(column),
            hint: hint.map(str::to_string),
        }
    }

    fn enter(&mut self, column: usize) -> Result<(), QueryError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error_at(
                column,
                &format!("the query nests deeper than {MAX_DEPTH} levels"),
                Some("remove redundant parentheses"),
            ));
        }
        Ok(())
    }

    fn count_clause(&mut self, column: usize) -> Result<(), QueryError> {
        self.clauses += 1;
        if self.clauses > MAX_CLAUSES {
            return Err(self.error_at(
                column,
                &format!("the query has more than {MAX_CLAUSES} clauses"),
                Some("split it into several searches (a saved query per topic)"),
            ));
        }
        Ok(())
    }

    fn or_expr(&mut self, field: Field) -> Result<Node, QueryError> {
        let first = self.and_expr(field)?;
        let mut children = vec![first];
        while let Some(TokenKind::Or) = self.peek().map(|t| &t.kind) {
            let or_at = self.next().map_or(0, |t| t.span.start);
            if self.at_clause_end() {
                return Err(self.error_at(or_at, "`OR` at the end has nothing to apply to", None));
            }
            children.push(self.and_expr(field)?);
        }
        Ok(combine(children, NodeKind::Or))
    }

    /// True at the end of the query or of a group.
    fn at_clause_end(&self) -> bool {
        matches!(self.peek().map(|t| &t.kind), None | Some(TokenKind::RParen))
    }

    fn and_expr(&mut self, field: Field) -> Result<Node, QueryError> {
        let mut children = vec![self.unary(field)?];
        loop {
            match self.peek().map(|t| &t.kind) {
                None | Some(TokenKind::RParen) | Some(TokenKind::Or) => break,
                Some(TokenKind::And) => {
                    let and_at = self.next().map_or(0, |t| t.span.start);
                    if self.at_clause_end()
                        || matches!(self.peek().map(|t| &t.kind), Some(TokenKind::Or))
                    {
                        return Err(self.error_at(
                            and_at,
                            "`AND` at the end has nothing to apply to",
                            None,
                        ));
                    }
                }
                _ => {}
            }
            children.push(self.unary(field)?);
        }
        Ok(combine(children, NodeKind::And))
    }

    fn unary(&mut self, field: Field) -> Result<Node, QueryError> {
        let Some(token) = self.peek().cloned() else {
            return Err(self.error_at(self.end_column(), "the query ends too early", None));
        };
        match token.kind {
            TokenKind::Not | TokenKind::Minus => {
                self.next();
                if self.at_clause_end() {
                    let what = if token.kind == TokenKind::Not {
                        "`NOT`"
                    } else {
                        "`-`"
                    };
                    return Err(self.error_at(
                        token.span.start,
                        &format!("{what} at the end has nothing to apply to"),
                        None,
                    ));
                }
                self.enter(token.span.start)?;
                let inner = self.unary(field)?;
                self.depth -= 1;
                let span = Span {
                    start: token.span.start,
                    end: inner.span.end,
                };
                Ok(Node {
                    kind: NodeKind::Not(Box::new(inner)),
                    span,
                })
            }
            TokenKind::Plus => {
                self.next();
                self.enter(token.span.start)?;
                let inner = self.unary(field);
                self.depth -= 1;
                inner
            }
            _ => self.primary(field),
        }
    }

    fn primary(&mut self, field: Field) -> Result<Node, QueryError> {
        let Some(token) = self.next().cloned() else {
            return Err(self.error_at(self.end_column(), "the query ends too early", None));
        };
        self.count_clause(token.span.start)?;
        match token.kind {
            TokenKind::LParen => self.group(field, token.span.start),
            TokenKind::RParen => Err(self.error_at(token.span.start, "unmatched `)`", None)),
            TokenKind::And | TokenKind::Or => Err(self.error_at(
                token.span.start,
                "an operator needs a word or group on each side",
                Some("write `a OR b`, `a AND b`; quote the word if you mean it: \"or\""),
            )),
            TokenKind::Field(name) => self.field_clause(&name, token.span),
            TokenKind::Word(word) => self.word(field, &word, token.span),
            TokenKind::Phrase { text, slop } => Ok(Node {
                kind: NodeKind::Text {
                    field,
                    text,
                    quoted: true,
                    slop: slop.unwrap_or(0),
                    written: None,
                },
                span: token.span,
            }),
            TokenKind::Range { .. } => {
                if field == Field::Date {
                    date_range(self.text, &token)
                } else {
                    Err(self.error_at(
                        token.span.start,
                        "ranges are for dates only",
                        Some("write date:[2020-06 TO 2021-02]"),
                    ))
                }
            }
            TokenKind::Near(n) => self.scope(ScopeKind::Near(n), token.span),
            TokenKind::Sentence => self.scope(ScopeKind::Sentence, token.span),
            TokenKind::Said => self.said(token.span),
            TokenKind::Not | TokenKind::Minus | TokenKind::Plus => {
                Err(self.error_at(token.span.start, "misplaced operator", None))
            }
        }
    }

    /// After `(`: a group up to its `)`.
    fn group(&mut self, field: Field, open: usize) -> Result<Node, QueryError> {
        self.enter(open)?;
        if matches!(self.peek().map(|t| &t.kind), Some(TokenKind::RParen)) {
            return Err(self.error_at(open, "empty parentheses", None));
        }
        let mut inner = self.or_expr(field)?;
        self.depth -= 1;
        match self.next() {
            Some(Token {
                kind: TokenKind::RParen,
                span,
            }) => {
                inner.span = Span {
                    start: open,
                    end: span.end,
                };
                Ok(inner)
            }
            _ => Err(self.error_at(open, "unclosed `(`", None)),
        }
    }

    /// After `name:`: the field's value (a word, phrase, range, `*` or a group).
    fn field_clause(&mut self, name: &str, span: Span) -> Result<Node, QueryError> {
        let Some(field) = Field::from_name(name) else {
            return Err(self.error_at(
                span.start,
                &format!("unknown field `{name}`"),
                Some(&field_hint(name)),
            ));
        };
        let Some(value) = self.peek().cloned() else {
            return Err(self.error_at(span.start, &format!("`{name}:` needs a value"), None));
        };
        if value.span.start != span.end {
            return Err(self.error_at(
                span.start,
                &format!("`{name}:` needs a value right after the colon"),
                Some("write person:pompeo or person:\"mike pompeo\""),
            ));
        }
        match value.kind {
            TokenKind::LParen => {
                self.next();
                self.group(field, value.span.start)
            }
            TokenKind::Word(_) | TokenKind::Phrase { .. } | TokenKind::Range { .. } => {
                let mut node = self.primary(field)?;
                node.span.start = span.start;
                Ok(node)
            }
            _ => Err(self.error_at(span.start, &format!("`{name}:` needs a value"), None)),
        }
    }

    /// A bare word in `field`: a term, `prefix*`, `fuzzy~N`, `*`, or a date value.
    fn word(&mut self, field: Field, word: &str, span: Span) -> Result<Node, QueryError> {
        let node = |kind| Ok(Node { kind, span });
        if word == "*" {
            return node(if field == Field::Default {
                NodeKind::All
            } else {
                NodeKind::Exists { field }
            });
        }
        if field == Field::Date {
            let date: DateSpan = word.parse().map_err(|e: String| {
                self.error_at(
                    span.start,
                    &e,
                    Some("dates are YYYY, YYYY-MM or YYYY-MM-DD; ranges [2020-06 TO 2021-02]"),
                )
            })?;
            return node(NodeKind::Date {
                from: Some(date.start),
                until: Some(date.end_exclusive),
            });
        }
        if let Some(stem) = word.strip_suffix('*') {
            let valid = !stem.is_empty() && !stem.contains('*');
            if valid {
                let prefix = if field.kind() == FieldKind::Exact {
                    stem.to_string()
                } else {
                    stem.to_lowercase()
                };
                return node(NodeKind::Prefix { field, prefix });
            }
        }
        if let Some((stem, distance)) = word.rsplit_once('~') {
            if !stem.is_empty() && field.kind() != FieldKind::Exact {
                let distance = match distance {
                    "" | "1" => 1,
                    "2" => 2,
                    _ => {
                        return Err(self.error_at(
                            span.start,
                            &format!("`~{distance}`: a fuzzy word allows 1 or 2 edits"),
                            Some("write qaeda~1 or qaeda~2"),
                        ))
                    }
                };
                return node(NodeKind::Fuzzy {
                    field,
                    word: stem.to_lowercase(),
                    distance,
                });
            }
        }
        node(NodeKind::Text {
            field,
            text: word.to_string(),
            quoted: false,
            slop: 0,
            written: None,
        })
    }

    /// After `NEAR/N` or `SENTENCE`: `(items)`.
    fn scope(&mut self, kind: ScopeKind, span: Span) -> Result<Node, QueryError> {
        const HINT: &str =
            "write NEAR/20(iran deny org:al-qaida) or SENTENCE(deny (doping OR drugs))";
        let (items, span) = self.scope_items(span, HINT, false)?;
        if items.len() < 2 {
            return Err(self.error_at(span.start, "a scope needs at least two items", Some(HINT)));
        }
        Ok(Node {
            kind: NodeKind::Scope { kind, items },
            span,
        })
    }

    /// After `SAID`: `(items)`, where an item is a speaker (`speaker:iran`), a stance
    /// (`stance:deny`) or words of the content, and an `(a OR b)` list holds one sort.
    fn said(&mut self, span: Span) -> Result<Node, QueryError> {
        const HINT: &str = "write SAID(speaker:iran stance:deny al-qaida)";
        let (items, span) = self.scope_items(span, HINT, true)?;
        for item in &items {
            let roles: Vec<Option<Field>> = item
                .alternatives
                .iter()
                .map(|node| match &node.kind {
                    NodeKind::Text { field, .. }
                    | NodeKind::Prefix { field, .. }
                    | NodeKind::Fuzzy { field, .. }
                        if matches!(field, Field::Speaker | Field::Stance) =>
                    {
                        Some(*field)
                    }
                    _ => None,
                })
                .collect();
            if roles.iter().any(|r| *r != roles[0]) {
                return Err(self.error_at(
                    item.span.start,
                    "an (a OR b) list in SAID holds speakers, stances or content words, not a mix",
                    Some("write SAID((speaker:iran OR speaker:tehran) stance:deny)"),
                ));
            }
            let pattern = item.alternatives.iter().find(|node| {
                matches!(
                    &node.kind,
                    NodeKind::Prefix {
                        field: Field::Speaker | Field::Stance,
                        ..
                    } | NodeKind::Fuzzy {
                        field: Field::Speaker | Field::Stance,
                        ..
                    }
                )
            });
            if let Some(node) = pattern {
                return Err(self.error_at(
                    node.span.start,
                    "speakers and stances are whole names here, not patterns",
                    Some("write speaker:khatibzadeh or stance:deny"),
                ));
            }
        }
        Ok(Node {
            kind: NodeKind::Said { items },
            span,
        })
    }

    /// A scope's `(items)` after its keyword at `span`, and the whole scope's span.
    /// `roles` lets items be `speaker:` and `stance:` values (inside `SAID`).
    fn scope_items(
        &mut self,
        span: Span,
        hint: &str,
        roles: bool,
    ) -> Result<(Vec<ScopeItem>, Span), QueryError> {
        self.enter(span.start)?;
        match self.next() {
            Some(Token {
                kind: TokenKind::LParen,
                ..
            }) => {}
            _ => {
                return Err(self.error_at(
                    span.start,
                    "a scope needs its items in parentheses",
                    Some(hint),
                ))
            }
        }
        let mut items: Vec<ScopeItem> = Vec::new();
        let mut join_next = false;
        loop {
            let Some(token) = self.peek().cloned() else {
                return Err(self.error_at(span.start, "unclosed scope", Some(hint)));
            };
            match token.kind {
                TokenKind::RParen => {
                    self.next();
                    break;
                }
                TokenKind::Or => {
                    self.next();
                    if items.is_empty() || join_next {
                        return Err(self.error_at(
                            token.span.start,
                            "`OR` needs an item on each side",
                            Some(hint),
                        ));
                    }
                    join_next = true;
                    continue;
                }
                TokenKind::And => {
                    // Every item of a scope is required anyway.
                    self.next();
                    continue;
                }
                TokenKind::Not | TokenKind::Minus => {
                    return Err(self.error_at(
                        token.span.start,
                        "a scope cannot exclude words",
                        Some("put the exclusion outside: NEAR/10(iran deny) -iraq"),
                    ))
                }
                _ => {}
            }
            let item = self.scope_item(roles)?;
            match (join_next, items.last_mut()) {
                (true, Some(last)) => {
                    last.alternatives.extend(item.alternatives);
                    last.span.end = item.span.end;
                }
                _ => items.push(item),
            }
            join_next = false;
        }
        self.depth -= 1;
        if join_next {
            return Err(self.error_at(span.start, "`OR` needs an item on each side", Some(hint)));
        }
        if items.is_empty() {
            return Err(self.error_at(span.start, "a scope needs items", Some(hint)));
        }
        let end = self
            .tokens
            .get(self.at.saturating_sub(1))
            .map_or(span.end, |t| t.span.end);
        Ok((
            items,
            Span {
                start: span.start,
                end,
            },
        ))
    }

    /// One scope item: a word, phrase, prefix, entity value, or `(a OR b ...)`; with
    /// `roles`, also a `speaker:` or `stance:` value.
    fn scope_item(&mut self, roles: bool) -> Result<ScopeItem, QueryError> {
        let Some(token) = self.peek().cloned() else {
            return Err(self.error_at(self.end_column(), "unclosed scope", None));
        };
        if token.kind == TokenKind::LParen {
            self.next();
            self.enter(token.span.start)?;
            let mut alternatives = Vec::new();
            loop {
                let item = self.scope_item(roles)?;
                alternatives.extend(item.alternatives);
                match self.next().map(|t| (t.kind.clone(), t.span)) {
                    Some((TokenKind::Or, _)) => continue,
                    Some((TokenKind::RParen, close)) => {
                        self.depth -= 1;
                        return Ok(ScopeItem {
                            alternatives,
                            span: Span {
                                start: token.span.start,
                                end: close.end,
                            },
                        });
                    }
                    _ => {
                        return Err(self.error_at(
                            token.span.start,
                            "inside a scope, parentheses hold alternatives: (a OR b)",
                            Some("write SENTENCE(deny (doping OR drugs))"),
                        ))
                    }
                }
            }
        }
        let node = self.primary(Field::Default)?;
        let allowed = match &node.kind {
            NodeKind::Text { field, .. }
            | NodeKind::Prefix { field, .. }
            | NodeKind::Fuzzy { field, .. } => {
                *field == Field::Default
                    || field.entity_kind().is_some()
                    || roles && matches!(field, Field::Speaker | Field::Stance)
            }
            _ => false,
        };
        if !allowed {
            return Err(self.error_at(
                node.span.start,
                "a scope's items are words, \"phrases\", prefixes, fuzzy words, entities (org:al-qaida) or (a OR b) lists",
                None,
            ));
        }
        Ok(ScopeItem {
            span: node.span,
            alternatives: vec![node],
        })
    }
}

/// One node for a list of children: the child itself when alone.
fn combine(mut children: Vec<Node>, make: fn(Vec<Node>) -> NodeKind) -> Node {
    if children.len() == 1 {
        return children.remove(0);
    }
    let span = Span {
        start: children.first().map_or(0, |c| c.span.start),
        end: children.last().map_or(0, |c| c.span.end),
    };
    Node {
        kind: make(children),
        span,
    }
}

/// `date:[A TO B]` with `[`/`]` inclusive of A's or B's whole span and `{`/`}`
/// exclusive of it, `*` open.
fn date_range(text: &str, token: &Token) -> Result<Node, QueryError> {
    let TokenKind::Range {
        lower_inclusive,
        lower,
        upper,
        upper_inclusive,
    } = &token.kind
    else {
        return Err(QueryError {
            query: text.to_string(),
            message: "not a range".into(),
            column: Some(token.span.start),
            hint: None,
        });
    };
    let parse = |s: &str| -> Result<Option<DateSpan>, QueryError> {
        if s == "*" {
            return Ok(None);
        }
        s.parse::<DateSpan>().map(Some).map_err(|e| QueryError {
            query: text.to_string(),
            message: e,
            column: Some(token.span.start),
            hint: Some("dates are YYYY, YYYY-MM or YYYY-MM-DD; ranges [2020-06 TO 2021-02]".into()),
        })
    };
    let from = parse(lower)?.map(|s| {
        if *lower_inclusive {
            s.start
        } else {
            s.end_exclusive
        }
    });
    let until = parse(upper)?.map(|s| {
        if *upper_inclusive {
            s.end_exclusive
        } else {
            s.start
        }
    });
    Ok(Node {
        kind: NodeKind::Date { from, until },
        span: token.span,
    })
}

/// "did you mean" for an unknown field name: the closest known one.
fn field_hint(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let names = Field::all_names();
    let best = names
        .iter()
        .map(|known| (super::edit_distance(&lower, known), *known))
        .min();
    let metadata = &names[Field::NAMES.len()..];
    let known = ["title, body, person, org, place, source, date, id, path"]
        .into_iter()
        .chain(metadata.iter().copied())
        .collect::<Vec<_>>()
        .join(", ");
    match best {
        Some((d, field)) if d <= 3 => format!("did you mean `{field}:`? fields: {known}"),
        _ => format!("fields: {known}; quote text that contains a colon: \"10:30\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::lexer::lex;

    fn tree(text: &str) -> String {
        let tokens = lex(text).expect("lexes");
        parse(text, &tokens).expect("parses").to_string()
    }

    fn error(text: &str) -> QueryError {
        let tokens = lex(text).expect("lexes");
        parse(text, &tokens).expect_err("refused")
    }

    #[test]
    fn precedence_is_not_then_and_then_or() {
        assert_eq!(tree("a b OR c"), "((a AND b) OR c)");
        assert_eq!(tree("a OR b c"), "(a OR (b AND c))");
        assert_eq!(tree("-a b"), "(NOT a AND b)");
        assert_eq!(tree("a AND NOT (b OR c)"), "(a AND NOT (b OR c))");
        assert_eq!(tree("+a"), "a");
    }

    #[test]
    fn scopes_compose_and_hold_or_lists() {
        assert_eq!(
            tree("scientology OR SENTENCE(iran denied)"),
            "(scientology OR SENTENCE(iran denied))"
        );
        assert_eq!(
            tree("SENTENCE(deny (doping OR drugs))"),
            "SENTENCE(deny (doping OR drugs))"
        );
        assert_eq!(
            tree("NEAR/5(deny quota OR ceiling org:opec)"),
            "NEAR/5(deny (quota OR ceiling) org:opec)"
        );
        assert_eq!(tree("SENTENCED to death"), "(SENTENCED AND to AND death)");
    }

    #[test]
    fn fields_patterns_and_dates() {
        assert_eq!(tree("person:*"), "person:*");
        assert_eq!(tree("title:(iran OR korea)"), "(title:iran OR title:korea)");
        assert_eq!(tree("id:reut2-000*"), "id:reut2-000*");
        assert_eq!(tree("qaeda~"), "qaeda~1");
        assert_eq!(tree("date:2021-01"), "date:[2021-01-01 TO 2021-02-01}");
        assert_eq!(tree("date:[* TO *]"), "date:[* TO *}");
        assert_eq!(
            tree("date:{2015 TO 2017}"),
            "date:[2016-01-01 TO 2017-01-01}"
        );
    }

    #[test]
    fn errors_name_the_column() {
        assert_eq!(error("iran persn:pompeo").column, Some(5));
        assert!(error("iran persn:pompeo")
            .hint
            .unwrap_or_default()
            .contains("person:"));
        assert_eq!(error("(iran OR iraq").column, Some(0));
        assert_eq!(error("iran)").column, Some(4));
        assert_eq!(error("iran AND").column, Some(5));
        assert_eq!(error("date:2021-13").column, Some(5));
        assert!(error("iran~9").message.contains("1 or 2"));
        assert!(error("SENTENCE(a)").message.contains("two items"));
        assert!(error("SENTENCE(a -b)").message.contains("exclude"));
    }

    #[test]
    fn hostile_nesting_is_refused_not_a_stack_overflow() {
        let deep = format!("{}iran{}", "(".repeat(3_000), ")".repeat(3_000));
        let tokens = lex(&deep).expect("lexes");
        assert!(parse(&deep, &tokens)
            .unwrap_err()
            .message
            .contains("nests deeper"));
        let nots = "NOT ".repeat(2_000) + "iran";
        let tokens = lex(&nots).expect("lexes");
        assert!(parse(&nots, &tokens).is_err());
        let many = vec!["a"; 1_100].join(" OR ");
        let tokens = lex(&many).expect("lexes");
        assert!(parse(&many, &tokens)
            .unwrap_err()
            .message
            .contains("clauses"));
    }
}
