//! The typed query tree as Quickwit query language, for an index loaded from
//! `dateline export --to quickwit`: every construct that Quickwit answers exactly as
//! dateline does is translated, and every other one is refused by name. Never a
//! silently different answer.
//!
//! Title and body words are stemmed here, with dateline's analyzer, and searched in the
//! export's `title_stem`/`body_stem` shadow fields (indexed with Quickwit's whitespace
//! tokenizer), so `rates` counts what it counts locally. Entity and source values
//! (already canonical: the alias passes ran before) are lower-cased words of the
//! `default` tokenizer; ids, paths and date sources are whole values. Every value is
//! quoted, so no word of an article can read as an operator.

use chrono::{NaiveDateTime, NaiveTime};
use tantivy::tokenizer::{TextAnalyzer, TokenizerManager};

use crate::query::ast::{Field, FieldKind, Node, NodeKind};
use crate::query::plan::{storable_days, TITLE_BOOST};
use crate::query::scope::stemmed_prefix;

/// What cannot be sent to Quickwit, with the words of the query it came from.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{construct}` cannot run on Quickwit: {reason}")]
pub struct Unsupported {
    /// The construct as the query wrote it (or as `--explain` prints it).
    pub construct: String,
    /// Why, and what to do instead.
    pub reason: &'static str,
}

/// A translated query, before it is written out.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// Every article (`*`).
    All,
    /// No article: nothing is sent, the answer is empty.
    Nothing,
    /// One clause, written out already (`body_stem:"rate"`).
    Clause(String),
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
}

/// Translates a resolved tree (after `query::resolve`).
pub fn translate(node: &Node) -> Result<Expr, Unsupported> {
    let mut translator = Translator {
        stemmed: analyzer("en_stem"),
        words: analyzer("default"),
    };
    Ok(simplify(translator.node(node)?))
}

/// The query text Quickwit receives for `expr`; `None` for [`Expr::Nothing`], which
/// no query text expresses (the caller answers "0 hits" itself).
pub fn render(expr: &Expr) -> Option<String> {
    match expr {
        Expr::Nothing => None,
        Expr::Not(inner) => Some(format!("(* AND NOT {})", write(inner))),
        other => Some(write(other)),
    }
}

fn write(expr: &Expr) -> String {
    match expr {
        Expr::All => "*".to_string(),
        // Simplification leaves Nothing only at the top; as a clause it matches nothing.
        Expr::Nothing => "(* AND NOT *)".to_string(),
        Expr::Clause(text) => text.clone(),
        Expr::And(children) => {
            let parts: Vec<String> = children
                .iter()
                .map(|child| match child {
                    Expr::Not(inner) => format!("NOT {}", write(inner)),
                    other => write(other),
                })
                .collect();
            format!("({})", parts.join(" AND "))
        }
        Expr::Or(children) => {
            let parts: Vec<String> = children
                .iter()
                .map(|child| match child {
                    Expr::Not(inner) => format!("(* AND NOT {})", write(inner)),
                    other => write(other),
                })
                .collect();
            format!("({})", parts.join(" OR "))
        }
        Expr::Not(inner) => format!("(* AND NOT {})", write(inner)),
    }
}

/// Folds constants: `x AND *` is `x`, `x OR nothing` is `x`, a conjunction of
/// negations gets `*` to negate from (as the local planner does).
fn simplify(expr: Expr) -> Expr {
    match expr {
        Expr::And(children) => {
            let mut kept = Vec::new();
            for child in children.into_iter().map(simplify) {
                match child {
                    Expr::All => {}
                    Expr::Nothing => return Expr::Nothing,
                    other => kept.push(other),
                }
            }
            match kept.len() {
                0 => Expr::All,
                1 => kept.remove(0),
                _ => {
                    if kept.iter().all(|c| matches!(c, Expr::Not(_))) {
                        kept.insert(0, Expr::All);
                    }
                    Expr::And(kept)
                }
            }
        }
        Expr::Or(children) => {
            let mut kept = Vec::new();
            for child in children.into_iter().map(simplify) {
                match child {
                    Expr::Nothing => {}
                    Expr::All => return Expr::All,
                    other => kept.push(other),
                }
            }
            match kept.len() {
                0 => Expr::Nothing,
                1 => kept.remove(0),
                _ => Expr::Or(kept),
            }
        }
        Expr::Not(inner) => match simplify(*inner) {
            Expr::All => Expr::Nothing,
            Expr::Nothing => Expr::All,
            other => Expr::Not(Box::new(other)),
        },
        other => other,
    }
}

fn analyzer(name: &str) -> TextAnalyzer {
    TokenizerManager::default()
        .get(name)
        .unwrap_or_else(|| TextAnalyzer::from(tantivy::tokenizer::SimpleTokenizer::default()))
}

struct Translator {
    stemmed: TextAnalyzer,
    words: TextAnalyzer,
}

impl Translator {
    fn node(&mut self, node: &Node) -> Result<Expr, Unsupported> {
        let unsupported = |reason| Unsupported {
            construct: node.to_string(),
            reason,
        };
        Ok(match &node.kind {
            NodeKind::All => Expr::All,
            NodeKind::Text {
                field, text, slop, ..
            } => self.text(*field, text, *slop).map_err(unsupported)?,
            NodeKind::Prefix { field, prefix } => self.prefix(*field, prefix).map_err(unsupported)?,
            NodeKind::Fuzzy { .. } => {
                return Err(unsupported(
                    "Quickwit's query language has no fuzzy search; run it on the local index",
                ))
            }
            NodeKind::Exists { field } => self.exists(*field).map_err(unsupported)?,
            NodeKind::Date { from, until } => date(*from, *until),
            NodeKind::IndexedAfter(_) => {
                return Err(unsupported(
                    "the export has no indexing times; `--new` runs on the local index",
                ))
            }
            NodeKind::And(children) => Expr::And(self.all(children)?),
            NodeKind::Or(children) => Expr::Or(self.all(children)?),
            NodeKind::Not(inner) => Expr::Not(Box::new(self.node(inner)?)),
            NodeKind::Scope { .. } => {
                return Err(unsupported(
                    "Quickwit has no sentence or any-order proximity scope; run it on the local index (or use \"a b\"~N, which keeps the order)",
                ))
            }
            NodeKind::Said { .. } => {
                return Err(unsupported(
                    "attributions are not exported; run SAID(...) on the local index",
                ))
            }
        })
    }

    fn all(&mut self, nodes: &[Node]) -> Result<Vec<Expr>, Unsupported> {
        nodes.iter().map(|n| self.node(n)).collect()
    }

    fn text(&mut self, field: Field, text: &str, slop: u32) -> Result<Expr, &'static str> {
        if field.kind() == FieldKind::Exact {
            let name = exact_field(field)?;
            return Ok(Expr::Clause(format!("{name}:{}", quote(text))));
        }
        let (names, analyzer) = self.fields(field)?;
        let tokens = analyse(analyzer, text);
        if tokens.is_empty() {
            return Ok(Expr::Nothing);
        }
        let phrase = quote(&tokens.join(" "));
        let slop = if tokens.len() > 1 && slop > 0 {
            format!("~{slop}")
        } else {
            String::new()
        };
        // A title match weighs double, as in the local planner, so Quickwit's BM25 ranks
        // as dateline does.
        let boost = |name: &str| match (field, name) {
            (Field::Default, "title_stem") => format!("^{TITLE_BOOST}"),
            _ => String::new(),
        };
        Ok(any(names
            .iter()
            .map(|name| Expr::Clause(format!("{name}:{phrase}{slop}{}", boost(name))))
            .collect()))
    }

    fn prefix(&mut self, field: Field, prefix: &str) -> Result<Expr, &'static str> {
        if field.kind() == FieldKind::Exact {
            let name = exact_field(field)?;
            return Ok(Expr::Clause(format!("{name}:{}*", quote(prefix))));
        }
        let stemmed = field.kind() == FieldKind::Stemmed;
        let (names, analyzer) = self.fields(field)?;
        let pattern = if stemmed {
            stemmed_prefix(prefix, analyzer)
        } else {
            prefix.to_lowercase()
        };
        // Quickwit splits a prefix into words and expands only the last one (at most
        // 50 ways) when there are several; dateline looks for one word.
        if pattern.is_empty() || !pattern.chars().all(char::is_alphanumeric) {
            return Err("a prefix with a space or punctuation is not one word in Quickwit");
        }
        Ok(any(names
            .iter()
            .map(|name| Expr::Clause(format!("{name}:{}*", quote(&pattern))))
            .collect()))
    }

    fn exists(&mut self, field: Field) -> Result<Expr, &'static str> {
        // Quickwit answers `field:*` from a fast column; these are the fast ones.
        let name = match field {
            Field::People => "people",
            Field::Orgs => "orgs",
            Field::Places => "places",
            Field::Source => "source",
            Field::Id => "id",
            Field::Path => "path",
            Field::Date => "date",
            // Locally `title:*` leaves out an article with no title words; Quickwit can
            // tell only for fast fields, and title and body are not.
            _ => return Err("Quickwit can tell which articles have this field only for entities, source, id, path and date"),
        };
        Ok(Expr::Clause(format!("{name}:*")))
    }

    /// The Quickwit fields a tokenized dateline field is searched in, and the analyzer
    /// that turns a value into their words.
    fn fields(
        &mut self,
        field: Field,
    ) -> Result<(Vec<&'static str>, &mut TextAnalyzer), &'static str> {
        Ok(match field {
            Field::Default => (vec!["title_stem", "body_stem"], &mut self.stemmed),
            Field::Title => (vec!["title_stem"], &mut self.stemmed),
            Field::Body => (vec!["body_stem"], &mut self.stemmed),
            Field::People => (vec!["people"], &mut self.words),
            Field::Orgs => (vec!["orgs"], &mut self.words),
            Field::Places => (vec!["places"], &mut self.words),
            Field::Source => (vec!["source"], &mut self.words),
            // Exported as it is, with the tokenizer dateline uses for word fields.
            Field::Meta(name) if field.kind() == FieldKind::Words => (vec![name], &mut self.words),
            Field::Meta(_) if field.kind() == FieldKind::Stemmed => {
                return Err("a stemmed metadata field has no stemmed shadow field in the export")
            }
            Field::Speaker | Field::Stance => {
                return Err("attributions are not exported; run it on the local index")
            }
            _ => return Err("date values are days or ranges"),
        })
    }
}

fn exact_field(field: Field) -> Result<&'static str, &'static str> {
    match field {
        Field::Id => Ok("id"),
        Field::Path => Ok("path"),
        Field::DateSource => Ok("date_source"),
        Field::Meta(name) => Ok(name),
        _ => Err("attributions are not exported; run it on the local index"),
    }
}

/// `date:[FROM TO UNTIL}` as RFC 3339 (the export stores dates as UTC moments), with
/// the local planner's clamping to the days tantivy can store.
fn date(from: Option<NaiveDateTime>, until: Option<NaiveDateTime>) -> Expr {
    let (first, last) = storable_days();
    let (first, last) = (
        first.and_time(NaiveTime::MIN),
        last.and_time(NaiveTime::MIN),
    );
    if from.is_some_and(|d| d > last) || until.is_some_and(|d| d <= first) {
        return Expr::Nothing;
    }
    if from.is_some_and(|f| until.is_some_and(|u| u <= f)) {
        return Expr::Nothing;
    }
    let moment = |d: NaiveDateTime| d.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let lower = from.filter(|d| *d > first).map(moment);
    let upper = until.filter(|d| *d <= last).map(moment);
    Expr::Clause(match (lower, upper) {
        (None, None) => "date:*".to_string(),
        (Some(lower), None) => format!("date:[{lower} TO *}}"),
        (None, Some(upper)) => format!("date:[* TO {upper}}}"),
        (Some(lower), Some(upper)) => format!("date:[{lower} TO {upper}}}"),
    })
}

fn any(mut exprs: Vec<Expr>) -> Expr {
    if exprs.len() == 1 {
        exprs.remove(0)
    } else {
        Expr::Or(exprs)
    }
}

fn analyse(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(token) = stream.next() {
        out.push(token.text.clone());
    }
    out
}

/// A value in double quotes, with `"` and `\` escaped.
fn quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        if matches!(c, '"' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{resolve, Filters};

    /// The Quickwit query for dateline query text (after alias resolution).
    fn qw(text: &str) -> Result<Option<String>, Unsupported> {
        let aliases = crate::extract::aliases::EMBEDDED.clone();
        let tree = resolve(text, &Filters::default(), &aliases).expect("parses");
        translate(&tree).map(|expr| render(&expr))
    }

    fn ok(text: &str) -> String {
        qw(text).expect("translates").expect("a query")
    }

    #[test]
    fn words_are_stemmed_into_the_shadow_fields() {
        assert_eq!(ok("rates"), r#"(title_stem:"rate"^2 OR body_stem:"rate")"#);
        assert_eq!(ok("body:Denied"), r#"body_stem:"deni""#);
        assert_eq!(
            ok(r#""interest rates""#),
            r#"(title_stem:"interest rate"^2 OR body_stem:"interest rate")"#
        );
        assert_eq!(ok(r#"title:"oil prices"~2"#), r#"title_stem:"oil price"~2"#);
    }

    #[test]
    fn entity_values_are_canonical_lower_case_words() {
        assert_eq!(ok("org:al-qaeda"), r#"orgs:"al qaida""#);
        assert_eq!(ok("person:pompeo"), r#"people:"mike pompeo""#);
        assert_eq!(ok("source:Reuters"), r#"source:"reuters""#);
    }

    #[test]
    fn whole_values_stay_whole_and_quoted() {
        assert_eq!(ok(r#"id:"reut2-000.sgm#17""#), r#"id:"reut2-000.sgm#17""#);
        assert_eq!(ok("date_source:metadata"), r#"date_source:"metadata""#);
    }

    #[test]
    fn booleans_and_negation_keep_their_meaning() {
        assert_eq!(
            ok("iran AND NOT iraq"),
            r#"((title_stem:"iran"^2 OR body_stem:"iran") AND NOT (title_stem:"iraq"^2 OR body_stem:"iraq"))"#
        );
        assert_eq!(
            ok("NOT iraq"),
            r#"(* AND NOT (title_stem:"iraq"^2 OR body_stem:"iraq"))"#
        );
        assert_eq!(
            ok("oil OR NOT gas"),
            r#"((title_stem:"oil"^2 OR body_stem:"oil") OR (* AND NOT (title_stem:"gas"^2 OR body_stem:"gas")))"#
        );
    }

    #[test]
    fn prefixes_expand_one_stemmed_word_without_a_cap() {
        assert_eq!(
            ok("petro*"),
            r#"(title_stem:"petro"* OR body_stem:"petro"*)"#
        );
        assert_eq!(ok("denie*"), r#"(title_stem:"deni"* OR body_stem:"deni"*)"#);
        assert_eq!(ok("org:qaid*"), r#"orgs:"qaid"*"#);
        assert!(qw("org:al-q*").is_err());
    }

    #[test]
    fn dates_become_rfc3339_ranges() {
        assert_eq!(
            ok("date:1987-03"),
            "date:[1987-03-01T00:00:00Z TO 1987-04-01T00:00:00Z}"
        );
        assert_eq!(ok("date:[2005 TO *]"), "date:[2005-01-01T00:00:00Z TO *}");
        assert_eq!(ok("person:*"), "people:*");
    }

    #[test]
    fn what_quickwit_cannot_answer_is_refused_by_name() {
        for text in [
            "NEAR/5(iran qaida)",
            "SENTENCE(opec quota)",
            "SAID(speaker:iran stance:deny)",
            "qaeda~1",
            "speaker:iran",
            "stance:deny",
            "title:*",
        ] {
            let err = qw(text).expect_err(text);
            assert!(err.to_string().contains("cannot run on Quickwit"), "{err}");
        }
    }

    #[test]
    fn a_query_of_no_words_matches_nothing_rather_than_everything() {
        assert_eq!(qw("body:\"--\"").expect("translates"), None);
        assert_eq!(
            ok("oil OR body:\"--\""),
            r#"(title_stem:"oil"^2 OR body_stem:"oil")"#
        );
    }
}
