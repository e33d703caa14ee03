//! The resolved tree to a tantivy query: the last step of the query path.
//!
//! Words are analysed with the searched field's own analyzer (one token is a term,
//! several a phrase), prefixes and fuzzy words become automaton queries over the term
//! dictionary (every matching word, no cap), `NOT x` becomes "all but x" wherever it
//! stands, and a scope becomes a [`ScopeQuery`] (a `SAID`, a [`SaidQuery`]) over the
//! conjunction of its items.

use std::ops::Bound;
use std::sync::Arc;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, ExistsQuery, FuzzyTermQuery, Occur,
    PhraseQuery, Query, RangeQuery, RegexQuery, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Index, Term};

use super::ast::{Field, FieldKind, Node, NodeKind, ScopeItem};
use super::said::{SaidFields, SaidQuery, SaidSpec};
use super::scope::{self, Matcher, ScopeQuery, ScopeSpec};
use super::QueryError;
use crate::attribution::StanceAsked;
use crate::extract::aliases::Aliases;
use crate::index::schema::Fields;

/// A title match weighs this much more than a body match.
pub const TITLE_BOOST: f32 = 2.0;

/// What planning needs: the index's analyzers and field handles, and the alias table.
pub struct Planner<'a> {
    pub index: &'a Index,
    pub fields: &'a Fields,
    pub aliases: &'a Aliases,
    /// The scopes planned, so the caller can check them for unreadable documents and
    /// use their matchers for snippets.
    pub scopes: Vec<ScopeQuery>,
    /// The `SAID(...)` scopes planned, for the same reasons.
    pub saids: Vec<SaidQuery>,
}

/// How a scope's item alternative becomes its candidate articles' query.
type CandidateOf<P> = fn(&mut P, &Node) -> Result<Box<dyn Query>, QueryError>;

impl Planner<'_> {
    /// The tantivy query for `node`.
    pub fn plan(&mut self, node: &Node) -> Result<Box<dyn Query>, QueryError> {
        Ok(match &node.kind {
            NodeKind::All => Box::new(AllQuery),
            NodeKind::Text {
                field: Field::Stance,
                text,
                written,
                ..
            } => self.stance(text, written.as_deref()),
            NodeKind::Text {
                field, text, slop, ..
            } => self.text(*field, text, *slop)?,
            NodeKind::Prefix {
                field: Field::Stance,
                prefix,
            } => self.stance_prefix(prefix)?,
            NodeKind::Prefix { field, prefix } => {
                self.per_field(*field, |planner, f, stemmed| {
                    let pattern = if stemmed {
                        let mut analyzer = planner.analyzer(f)?;
                        scope::stemmed_prefix(prefix, &mut analyzer)
                    } else {
                        prefix.clone()
                    };
                    prefix_query(&pattern, f)
                })?
            }
            NodeKind::Fuzzy {
                field,
                word,
                distance,
            } => self.per_field(*field, |planner, f, stemmed| {
                let mut forms = vec![word.clone()];
                if stemmed {
                    let mut analyzer = planner.analyzer(f)?;
                    if let Some(stem) = analyse(&mut analyzer, word).into_iter().next() {
                        if stem != *word {
                            forms.push(stem);
                        }
                    }
                }
                Ok(any_of(
                    forms
                        .into_iter()
                        .map(|form| {
                            Box::new(FuzzyTermQuery::new(
                                Term::from_field_text(f, &form),
                                *distance,
                                true,
                            )) as Box<dyn Query>
                        })
                        .collect(),
                ))
            })?,
            NodeKind::Exists { field } => self.exists(*field),
            NodeKind::Date { from, until } => self.date(*from, *until),
            NodeKind::IndexedAfter(micros) => Box::new(RangeQuery::new(
                Bound::Excluded(Term::from_field_date(
                    self.fields.indexed_at,
                    tantivy::DateTime::from_timestamp_micros(*micros),
                )),
                Bound::Unbounded,
            )),
            NodeKind::And(children) => {
                let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
                for child in children {
                    match &child.kind {
                        NodeKind::Not(inner) => clauses.push((Occur::MustNot, self.plan(inner)?)),
                        _ => clauses.push((Occur::Must, self.plan(child)?)),
                    }
                }
                if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                    clauses.push((Occur::Must, Box::new(AllQuery)));
                }
                Box::new(BooleanQuery::new(clauses))
            }
            NodeKind::Or(children) => {
                let mut clauses = Vec::new();
                for child in children {
                    clauses.push(self.plan(child)?);
                }
                any_of(clauses)
            }
            NodeKind::Not(inner) => Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
                (Occur::MustNot, self.plan(inner)?),
            ])),
            NodeKind::Scope { kind, items } => {
                let mut analyzer = self.analyzer(self.fields.body)?;
                let spec = ScopeSpec::new(*kind, items, self.aliases, &mut analyzer);
                let candidates = self.candidates(items, Self::scope_candidates)?;
                let query = ScopeQuery::new(
                    Matcher::new(Arc::new(spec), analyzer),
                    candidates,
                    self.fields.title,
                    self.fields.body,
                );
                self.scopes.push(query.clone());
                Box::new(query)
            }
            NodeKind::Said { items } => {
                let mut analyzer = self.analyzer(self.fields.body)?;
                let spec = SaidSpec::new(items, self.aliases, &mut analyzer);
                let candidates = self.candidates(items, Self::said_candidates)?;
                let fields = SaidFields {
                    attributions: self.fields.attributions,
                    title: self.fields.title,
                    body: self.fields.body,
                };
                let query = SaidQuery::new(spec, analyzer, candidates, fields);
                self.saids.push(query.clone());
                Box::new(query)
            }
        })
    }

    /// The articles that may satisfy a scope (`NEAR`, `SENTENCE`, `SAID`): every item
    /// present, each as any of its alternatives' candidates (`candidate_of` one
    /// alternative); the scope's own check then runs on these only.
    fn candidates(
        &mut self,
        items: &[ScopeItem],
        candidate_of: CandidateOf<Self>,
    ) -> Result<Box<dyn Query>, QueryError> {
        let mut conjunction = Vec::new();
        for item in items {
            let mut alternatives = Vec::new();
            for alternative in &item.alternatives {
                alternatives.push(candidate_of(self, alternative)?);
            }
            conjunction.push((Occur::Must, any_of(alternatives)));
        }
        Ok(Box::new(BooleanQuery::new(conjunction)))
    }

    /// The articles that may hold a `SAID` item: a speaker's name among the speakers
    /// or, for a source that is no entity (`the spokesman`), in the text; a stance
    /// among the classes or cue lemmas; content words as a scope item's.
    fn said_candidates(&mut self, node: &Node) -> Result<Box<dyn Query>, QueryError> {
        match &node.kind {
            NodeKind::Text {
                field: Field::Speaker,
                text,
                written,
                ..
            } => {
                let mut queries = Vec::new();
                for form in std::iter::once(text).chain(written) {
                    queries.push(self.text(Field::Speaker, form, 0)?);
                    queries.push(self.text(Field::Default, form, 0)?);
                }
                Ok(any_of(queries))
            }
            NodeKind::Text {
                field: Field::Stance,
                text,
                written,
                ..
            } => Ok(self.stance(text, written.as_deref())),
            _ => self.scope_candidates(node),
        }
    }

    /// The articles whose title or body may hold a scope item: its words, and for an
    /// entity (or a bare word the alias table knows) every written variant.
    fn scope_candidates(&mut self, node: &Node) -> Result<Box<dyn Query>, QueryError> {
        match &node.kind {
            NodeKind::Text {
                field,
                text,
                written,
                quoted,
                ..
            } => {
                let forms =
                    scope::written_forms(*field, text, written.as_deref(), *quoted, self.aliases);
                let mut queries = Vec::new();
                for form in forms {
                    queries.push(self.text(Field::Default, &form, 0)?);
                }
                Ok(any_of(queries))
            }
            NodeKind::Prefix { prefix, .. } => self.plan(&Node::synthetic(NodeKind::Prefix {
                field: Field::Default,
                prefix: prefix.clone(),
            })),
            NodeKind::Fuzzy { word, distance, .. } => {
                self.plan(&Node::synthetic(NodeKind::Fuzzy {
                    field: Field::Default,
                    word: word.clone(),
                    distance: *distance,
                }))
            }
            _ => Err(planning_error(
                "a scope item must be a word, phrase or pattern",
            )),
        }
    }

    /// The articles with a cue of the class (`stance:deny`, in `stances`) or the
    /// lemma (`stance:denied`, in `cues`) a resolved `stance:` value asks for.
    fn stance(&self, text: &str, written: Option<&str>) -> Box<dyn Query> {
        let asked = StanceAsked::of(text, written);
        let field = if asked.class {
            self.fields.stances
        } else {
            self.fields.cues
        };
        Box::new(TermQuery::new(
            Term::from_field_text(field, &asked.term()),
            IndexRecordOption::Basic,
        ))
    }

    /// `stance:condemn*` names a verb as often as a class (`stance:den*`): the
    /// pattern looks in both, or a verb's prefix would find nothing.
    fn stance_prefix(&self, prefix: &str) -> Result<Box<dyn Query>, QueryError> {
        let prefix = prefix.to_lowercase();
        Ok(any_of(vec![
            prefix_query(&prefix, self.fields.stances)?,
            prefix_query(&prefix, self.fields.cues)?,
        ]))
    }

    /// A word or phrase in `field`, analysed as that field's text is.
    fn text(&mut self, field: Field, text: &str, slop: u32) -> Result<Box<dyn Query>, QueryError> {
        if field.kind() == FieldKind::Exact {
            let f = self.index_field(field)?;
            return Ok(Box::new(TermQuery::new(
                Term::from_field_text(f, text),
                IndexRecordOption::Basic,
            )));
        }
        self.per_field(field, |planner, f, _| {
            let mut analyzer = planner.analyzer(f)?;
            let tokens = analyse(&mut analyzer, text);
            Ok(match tokens.len() {
                0 => Box::new(EmptyQuery) as Box<dyn Query>,
                1 => Box::new(TermQuery::new(
                    Term::from_field_text(f, &tokens[0]),
                    IndexRecordOption::WithFreqs,
                )),
                _ => {
                    let terms = tokens
                        .iter()
                        .enumerate()
                        .map(|(i, t)| (i, Term::from_field_text(f, t)))
                        .collect();
                    Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop))
                }
            })
        })
    }

    /// Builds `make` for each index field `field` stands for (title and body for the
    /// default), boosting title matches; `make` learns whether the field is stemmed.
    fn per_field(
        &mut self,
        field: Field,
        make: impl Fn(&mut Self, tantivy::schema::Field, bool) -> Result<Box<dyn Query>, QueryError>,
    ) -> Result<Box<dyn Query>, QueryError> {
        let stemmed = field.kind() == FieldKind::Stemmed;
        if field == Field::Default {
            let title = make(self, self.fields.title, true)?;
            let body = make(self, self.fields.body, true)?;
            return Ok(any_of(vec![
                Box::new(BoostQuery::new(title, TITLE_BOOST)),
                body,
            ]));
        }
        if field == Field::Date {
            return Err(planning_error("date values are days or ranges"));
        }
        let f = self.index_field(field)?;
        make(self, f, stemmed)
    }

    fn index_field(&self, field: Field) -> Result<tantivy::schema::Field, QueryError> {
        let f = self.fields;
        Ok(match field {
            Field::Default | Field::Body => f.body,
            Field::Title => f.title,
            Field::People => f.people,
            Field::Orgs => f.orgs,
            Field::Places => f.places,
            Field::Source => f.source,
            Field::Id => f.id,
            Field::Path => f.path,
            Field::DateSource => f.date_source,
            Field::Date => f.date,
            Field::Speaker => f.speakers,
            Field::Stance => f.stances,
            Field::Meta(name) => match f.spec.metadata_field(name) {
                Some((handle, _)) => handle,
                None => return Err(planning_error(&format!("this index has no field `{name}`"))),
            },
        })
    }

    fn analyzer(&self, field: tantivy::schema::Field) -> Result<TextAnalyzer, QueryError> {
        self.index
            .tokenizer_for_field(field)
            .map_err(|e| planning_error(&e.to_string()))
    }

    /// `field:*`: a fast column answers where there is one; title and body (every
    /// article has a title) match any word.
    fn exists(&mut self, field: Field) -> Box<dyn Query> {
        let schema = self.index.schema();
        let column = match field {
            Field::People => Some(self.fields.people_exact),
            Field::Orgs => Some(self.fields.orgs_exact),
            Field::Places => Some(self.fields.places_exact),
            Field::Source => Some(self.fields.source_exact),
            Field::Speaker => Some(self.fields.speakers_exact),
            Field::Stance => Some(self.fields.stances),
            Field::Id => Some(self.fields.id),
            Field::Path => Some(self.fields.path),
            Field::Date => Some(self.fields.date),
            _ => None,
        };
        match column {
            Some(f) => Box::new(ExistsQuery::new(
                schema.get_field_name(f).to_string(),
                false,
            )),
            None => match self.index_field(field) {
                Ok(f) => match RegexQuery::from_pattern(".+", f) {
                    Ok(q) => Box::new(q),
                    Err(_) => Box::new(AllQuery),
                },
                Err(_) => Box::new(EmptyQuery),
            },
        }
    }

    /// Published in `[from, until)`, clamped to the days tantivy can store (1677-2262):
    /// a bound beyond them is open, a range wholly beyond them is empty.
    fn date(&self, from: Option<NaiveDateTime>, until: Option<NaiveDateTime>) -> Box<dyn Query> {
        let (first, last) = storable_days();
        let (first, last) = (
            first.and_time(NaiveTime::MIN),
            last.and_time(NaiveTime::MIN),
        );
        if from.is_some_and(|d| d > last) || until.is_some_and(|d| d <= first) {
            return Box::new(EmptyQuery);
        }
        if from.is_some_and(|f| until.is_some_and(|u| u <= f)) {
            return Box::new(EmptyQuery);
        }
        let lower = match from.filter(|d| *d > first) {
            Some(d) => Bound::Included(Term::from_field_date(self.fields.date, moment(d))),
            None => Bound::Unbounded,
        };
        let upper = match until.filter(|d| *d <= last) {
            Some(d) => Bound::Excluded(Term::from_field_date(self.fields.date, moment(d))),
            None => Bound::Unbounded,
        };
        if lower == Bound::Unbounded && upper == Bound::Unbounded {
            return Box::new(ExistsQuery::new("date".to_string(), false));
        }
        Box::new(RangeQuery::new(lower, upper))
    }
}

/// A moment (UTC) as tantivy stores dates.
fn moment(d: NaiveDateTime) -> tantivy::DateTime {
    tantivy::DateTime::from_timestamp_secs(d.and_utc().timestamp())
}

/// The first and last day a tantivy date (i64 nanoseconds) can hold.
pub fn storable_days() -> (NaiveDate, NaiveDate) {
    let first = NaiveDate::from_ymd_opt(1678, 1, 1).unwrap_or(NaiveDate::MIN);
    let last = NaiveDate::from_ymd_opt(2262, 4, 1).unwrap_or(NaiveDate::MAX);
    (first, last)
}

/// One query matching any of `queries`.
fn any_of(mut queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        return queries.remove(0);
    }
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

fn analyse(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// Escapes regex metacharacters so a typed prefix is matched literally.
fn regex_syntax_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if "\\.+*?()|[]{}^$#&-~\"@".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn planning_error(message: &str) -> QueryError {
    QueryError {
        query: String::new(),
        message: message.to_string(),
        column: None,
        hint: None,
    }
}

/// Every term of `field` that starts with `prefix` (taken literally, not as a regex).
fn prefix_query(prefix: &str, field: tantivy::schema::Field) -> Result<Box<dyn Query>, QueryError> {
    RegexQuery::from_pattern(&format!("{}.*", regex_syntax_escape(prefix)), field)
        .map(|q| Box::new(q) as Box<dyn Query>)
        .map_err(|e| planning_error(&e.to_string()))
}
