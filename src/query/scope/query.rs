//! [`ScopeQuery`]: a scope as a tantivy query, so it composes with every other clause.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::{Field, Value};
use tantivy::store::StoreReader;
use tantivy::{DocId, Score, SegmentReader, TantivyDocument, Term};

use crate::query::filtered::{explain_passed, DocCheck, FilteredScorer};

use super::positions::SegmentPositions;
use super::Matcher;

/// The scope as a tantivy query: candidates from `candidates`, kept when the title or
/// body holds the scope (checked on positions where possible, else on the stored text).
pub struct ScopeQuery {
    matcher: Matcher,
    candidates: Box<dyn Query>,
    title: Field,
    body: Field,
    /// Stored articles that could not be read while checking: the caller reports them
    /// (a damaged index), so an unreadable article is never silently a non-match.
    pub unreadable: Arc<AtomicUsize>,
}

impl std::fmt::Debug for ScopeQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "ScopeQuery({:?}, {:?})",
            self.matcher.spec, self.candidates
        )
    }
}

impl Clone for ScopeQuery {
    fn clone(&self) -> Self {
        ScopeQuery {
            matcher: self.matcher.clone(),
            candidates: self.candidates.box_clone(),
            title: self.title,
            body: self.body,
            unreadable: self.unreadable.clone(),
        }
    }
}

impl ScopeQuery {
    /// A matcher for this scope, to find the passage shown as a hit's snippet.
    pub fn matcher(&self) -> Matcher {
        self.matcher.clone()
    }

    /// How many stored articles could not be read while checking this scope.
    pub fn unreadable_articles(&self) -> usize {
        self.unreadable.load(Ordering::Relaxed)
    }

    /// A scope over `candidates` (a superset of the articles where it holds).
    pub fn new(matcher: Matcher, candidates: Box<dyn Query>, title: Field, body: Field) -> Self {
        ScopeQuery {
            matcher,
            candidates,
            title,
            body,
            unreadable: Arc::new(AtomicUsize::new(0)),
        }
    }
}

impl Query for ScopeQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ScopeWeight {
            inner: self.candidates.weight(enable_scoring)?,
            matcher: self.matcher.clone(),
            title: self.title,
            body: self.body,
            unreadable: self.unreadable.clone(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.candidates.query_terms(visitor);
    }
}

struct ScopeWeight {
    inner: Box<dyn Weight>,
    matcher: Matcher,
    title: Field,
    body: Field,
    unreadable: Arc<AtomicUsize>,
}

impl Weight for ScopeWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let spec = self.matcher.spec.clone();
        let check = match SegmentPositions::open(&spec, reader, self.title, self.body)? {
            Some(positions) => Check::Positions(positions),
            None => Check::StoredText {
                store: reader.get_store_reader(16)?,
                matcher: self.matcher.clone(),
                title: self.title,
                body: self.body,
                unreadable: self.unreadable.clone(),
            },
        };
        Ok(Box::new(FilteredScorer::new(
            self.inner.scorer(reader, boost)?,
            check,
        )))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        explain_passed(self, self.inner.as_ref(), reader, doc, "scope")
    }
}

/// How a segment's candidates are checked.
enum Check {
    /// On the items' postings and the sentence starts: no stored text is read.
    Positions(SegmentPositions),
    /// On the stored title and body, for items that are not a few terms (fuzzy, a very
    /// wide prefix).
    StoredText {
        store: StoreReader,
        matcher: Matcher,
        title: Field,
        body: Field,
        unreadable: Arc<AtomicUsize>,
    },
}

impl DocCheck for Check {
    /// True when the scope holds in candidate `doc` (candidates come in doc order).
    fn holds(&mut self, doc: DocId) -> bool {
        match self {
            Check::Positions(positions) => positions.holds(doc),
            Check::StoredText {
                store,
                matcher,
                title,
                body,
                unreadable,
            } => {
                let stored: TantivyDocument = match store.get(doc) {
                    Ok(d) => d,
                    Err(_) => {
                        unreadable.fetch_add(1, Ordering::Relaxed);
                        return false;
                    }
                };
                let text = |field| {
                    stored
                        .get_first(field)
                        .and_then(|v| v.as_str())
                        .unwrap_or("")
                };
                matcher.holds(text(*title)) || matcher.holds(text(*body))
            }
        }
    }
}
