//! A scorer that lets through only the candidates a check accepts: how scopes
//! (`NEAR`, `SENTENCE`) and attribution scopes (`SAID`) become tantivy queries that
//! compose with every other clause.

use tantivy::query::{Explanation, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED};

/// Decides, per candidate document of one segment, whether it really matches.
/// Candidates come in increasing doc order.
pub trait DocCheck: Send + 'static {
    fn holds(&mut self, doc: DocId) -> bool;
}

/// `inner`'s documents that pass `check`, scored as `inner` scores them.
pub struct FilteredScorer<C: DocCheck> {
    inner: Box<dyn Scorer>,
    check: C,
}

impl<C: DocCheck> FilteredScorer<C> {
    /// Positioned on the first candidate that passes.
    pub fn new(inner: Box<dyn Scorer>, check: C) -> FilteredScorer<C> {
        let mut scorer = FilteredScorer { inner, check };
        let first = scorer.inner.doc();
        if first != TERMINATED && !scorer.check.holds(first) {
            scorer.advance();
        }
        scorer
    }
}

impl<C: DocCheck> DocSet for FilteredScorer<C> {
    fn advance(&mut self) -> DocId {
        loop {
            let doc = self.inner.advance();
            if doc == TERMINATED || self.check.holds(doc) {
                return doc;
            }
        }
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.inner.doc() >= target {
            return self.inner.doc();
        }
        let doc = self.inner.seek(target);
        if doc == TERMINATED || self.check.holds(doc) {
            return doc;
        }
        self.advance()
    }

    fn doc(&self) -> DocId {
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }

    /// Each candidate may cost a stored-document read: let cheaper clauses lead.
    fn cost(&self) -> u64 {
        self.inner.cost().saturating_mul(20)
    }
}

impl<C: DocCheck> Scorer for FilteredScorer<C> {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}

/// `inner`'s explanation of `doc`, when the filtered `weight` (a scope around `inner`)
/// lets the document through; `what` names the scope in the error otherwise.
pub fn explain_passed(
    weight: &dyn Weight,
    inner: &dyn Weight,
    reader: &SegmentReader,
    doc: DocId,
    what: &str,
) -> tantivy::Result<Explanation> {
    let mut scorer = weight.scorer(reader, 1.0)?;
    if scorer.doc() > doc || scorer.seek(doc) != doc {
        return Err(tantivy::TantivyError::InvalidArgument(format!(
            "document {doc} does not match the {what}"
        )));
    }
    inner.explain(reader, doc)
}
