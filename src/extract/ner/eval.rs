//! Span-level evaluation (exact match, per type and overall), as CoNLL's conlleval.

use std::collections::BTreeMap;
use std::collections::HashSet;

use super::tags::{spans, EntityType, Span, Tag};

/// True/false positive and false negative counts.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    /// Precision in percent.
    pub fn precision(&self) -> f64 {
        pct(self.tp, self.tp + self.fp)
    }
    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        pct(self.tp, self.tp + self.fn_)
    }
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Scores per entity type plus the overall score.
#[derive(Debug, Default, Clone)]
pub struct Scores {
    pub by_type: BTreeMap<EntityType, Counts>,
    pub overall: Counts,
}

impl Scores {
    /// Adds one sentence's gold and predicted tags.
    pub fn add(&mut self, gold: &[Tag], predicted: &[Tag]) {
        let g: HashSet<Span> = spans(gold).into_iter().collect();
        let p: HashSet<Span> = spans(predicted).into_iter().collect();
        self.add_sets(&g, &p, |s| s.kind);
    }

    /// Adds exact matches between two sets of spans of any kind (token spans, or the
    /// character spans of raw-text evaluation); `kind` gives each span's type.
    pub fn add_sets<S: Eq + std::hash::Hash>(
        &mut self,
        gold: &HashSet<S>,
        predicted: &HashSet<S>,
        kind: impl Fn(&S) -> EntityType,
    ) {
        for s in predicted {
            let c = self.by_type.entry(kind(s)).or_default();
            if gold.contains(s) {
                c.tp += 1;
                self.overall.tp += 1;
            } else {
                c.fp += 1;
                self.overall.fp += 1;
            }
        }
        for s in gold.difference(predicted) {
            self.by_type.entry(kind(s)).or_default().fn_ += 1;
            self.overall.fn_ += 1;
        }
    }

    /// F1 of one type (0 when absent).
    pub fn f1_of(&self, kind: EntityType) -> f64 {
        self.by_type.get(&kind).map_or(0.0, Counts::f1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::ner::tags::{begin, inside, EntityType, O};

    #[test]
    fn exact_span_match() {
        let per = begin(EntityType::Per);
        let per_i = inside(EntityType::Per);
        let loc = begin(EntityType::Loc);
        let mut s = Scores::default();
        s.add(&[per, per_i, O, loc], &[per, O, O, loc]);
        assert_eq!(s.overall.tp, 1);
        assert_eq!(s.overall.fp, 1);
        assert_eq!(s.overall.fn_, 1);
        assert!((s.f1_of(EntityType::Loc) - 100.0).abs() < 1e-9);
        assert_eq!(s.f1_of(EntityType::Per), 0.0);
    }
}
