//! Training: an averaged structured perceptron (Collins 2002) with Viterbi decoding.
//!
//! Deterministic: documents are visited in an order fixed by a seeded generator, and
//! nothing depends on hash-map iteration order, so the same data gives the same model
//! byte for byte. The training-data gazetteer is jackknifed: a document sees only the
//! entity strings of the other folds, so the model learns how far to trust a match on
//! names it has not memorised (a gazetteer built on all of train makes it over-trust).

use std::collections::BTreeMap;

use super::conll::Document;
use super::eval::Scores;
use super::features::{sentence_features, DocContext, WordInfo, FEATURE_VERSION};
use super::hash::HashKeyed;
use super::lexicon::{bits, Gazetteer, LEXICON};
use super::model::{viterbi, Model};
use super::tags::{spans, EntityType, Tag, NUM_TAGS};
use super::Tagger;

/// Knobs of a training run.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Passes over the training data.
    pub epochs: usize,
    /// Folds of the jackknifed training gazetteer.
    pub folds: usize,
    /// Seed of the document order.
    pub seed: u64,
    /// Averaged weights below this magnitude (in every tag) are dropped.
    pub prune: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            folds: 10,
            seed: 20_210_112,
            prune: 0.02,
        }
    }
}

/// The bit of a training-gazetteer entry of type `kind`.
fn train_bit(kind: EntityType) -> u16 {
    match kind {
        EntityType::Per => bits::TRAIN_PER,
        EntityType::Org => bits::TRAIN_ORG,
        EntityType::Loc => bits::TRAIN_LOC,
        EntityType::Misc => bits::TRAIN_MISC,
    }
}

/// Entity strings of `docs`, with their type bits, in a deterministic order.
fn entity_strings<'a>(docs: impl Iterator<Item = &'a Document>) -> BTreeMap<String, u16> {
    let mut out = BTreeMap::new();
    for doc in docs {
        for sentence in doc {
            for span in spans(&sentence.tags) {
                let text = sentence.words[span.start..span.end].join(" ");
                *out.entry(text).or_default() |= train_bit(span.kind);
            }
        }
    }
    out
}

fn gazetteer_of(entries: &BTreeMap<String, u16>) -> Gazetteer {
    let mut g = Gazetteer::default();
    for (text, bits) in entries {
        g.add(text, *bits);
    }
    g
}

/// Weights being learnt, with the running sums needed for averaging.
struct Learner {
    index: HashKeyed<u32>,
    keys: Vec<u64>,
    w: Vec<[f32; NUM_TAGS]>,
    /// Sum of (step × update), for the averaging trick: avg = w − u / steps.
    u: Vec<[f32; NUM_TAGS]>,
    trans: [[f32; NUM_TAGS]; NUM_TAGS],
    trans_u: [[f32; NUM_TAGS]; NUM_TAGS],
    start: [f32; NUM_TAGS],
    start_u: [f32; NUM_TAGS],
    step: f32,
}

impl Learner {
    fn new() -> Learner {
        Learner {
            index: HashKeyed::default(),
            keys: Vec::new(),
            w: Vec::new(),
            u: Vec::new(),
            trans: [[0.0; NUM_TAGS]; NUM_TAGS],
            trans_u: [[0.0; NUM_TAGS]; NUM_TAGS],
            start: [0.0; NUM_TAGS],
            start_u: [0.0; NUM_TAGS],
            step: 1.0,
        }
    }

    fn emissions(&self, features: &[Vec<u64>]) -> Vec<[f32; NUM_TAGS]> {
        features
            .iter()
            .map(|fs| {
                let mut e = [0f32; NUM_TAGS];
                for f in fs {
                    if let Some(&i) = self.index.get(f) {
                        for (o, w) in e.iter_mut().zip(&self.w[i as usize]) {
                            *o += w;
                        }
                    }
                }
                e
            })
            .collect()
    }

    fn bump(&mut self, feature: u64, tag: Tag, delta: f32) {
        let next = self.w.len() as u32;
        let i = *self.index.entry(feature).or_insert(next) as usize;
        if i == self.w.len() {
            self.keys.push(feature);
            self.w.push([0.0; NUM_TAGS]);
            self.u.push([0.0; NUM_TAGS]);
        }
        self.w[i][tag] += delta;
        self.u[i][tag] += self.step * delta;
    }

    fn update(&mut self, features: &[Vec<u64>], gold: &[Tag], predicted: &[Tag]) {
        for (i, fs) in features.iter().enumerate() {
            if gold[i] != predicted[i] {
                for &f in fs {
                    self.bump(f, gold[i], 1.0);
                    self.bump(f, predicted[i], -1.0);
                }
            }
        }
        let step = self.step;
        let transition = |seq: &[Tag], delta: f32, l: &mut Learner| {
            if let Some(&first) = seq.first() {
                l.start[first] += delta;
                l.start_u[first] += step * delta;
            }
            for pair in seq.windows(2) {
                l.trans[pair[0]][pair[1]] += delta;
                l.trans_u[pair[0]][pair[1]] += step * delta;
            }
        };
        transition(gold, 1.0, self);
        transition(predicted, -1.0, self);
    }

    /// The averaged model (weights below `prune` in every tag dropped).
    fn averaged(&self, prune: f32, train_entries: &BTreeMap<String, u16>) -> Model {
        let mut weights = HashKeyed::default();
        for (i, key) in self.keys.iter().enumerate() {
            let mut row = [0f32; NUM_TAGS];
            for (t, r) in row.iter_mut().enumerate() {
                *r = self.w[i][t] - self.u[i][t] / self.step;
            }
            if row.iter().any(|w| w.abs() >= prune) {
                weights.insert(*key, row);
            }
        }
        let mut transitions = [[0f32; NUM_TAGS]; NUM_TAGS];
        for (p, row) in transitions.iter_mut().enumerate() {
            for (t, w) in row.iter_mut().enumerate() {
                *w = self.trans[p][t] - self.trans_u[p][t] / self.step;
            }
        }
        let mut start = [0f32; NUM_TAGS];
        for (t, w) in start.iter_mut().enumerate() {
            *w = self.start[t] - self.start_u[t] / self.step;
        }
        let mut train_gazetteer = Gazetteer::default();
        for (s, b) in train_entries {
            train_gazetteer.add(s, *b);
        }
        Model {
            weights,
            transitions,
            start,
            train_gazetteer,
            feature_version: FEATURE_VERSION,
        }
    }
}

/// Tags documents with `tagger` and scores them against their gold tags.
pub fn evaluate(tagger: &Tagger, docs: &[Document]) -> Scores {
    let mut scores = Scores::default();
    for doc in docs {
        let words: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect();
        let predicted = tagger.tag_document(&words);
        for (sentence, tags) in doc.iter().zip(&predicted) {
            scores.add(&sentence.tags, tags);
        }
    }
    scores
}

/// Trains a model on `train`; after each epoch the averaged model is scored on `dev`
/// (when given) and the best epoch is kept. `log` receives one line per epoch.
pub fn train(
    train_docs: &[Document],
    dev: Option<&[Document]>,
    options: &TrainOptions,
    mut log: impl FnMut(String),
) -> Model {
    let folds = options.folds.max(2);
    let fold_of = |d: usize| d % folds;
    let fold_gazetteers: Vec<Gazetteer> = (0..folds)
        .map(|f| {
            gazetteer_of(&entity_strings(
                train_docs
                    .iter()
                    .enumerate()
                    .filter(|(d, _)| fold_of(*d) != f)
                    .map(|(_, doc)| doc),
            ))
        })
        .collect();
    let full_entries = entity_strings(train_docs.iter());

    let mut learner = Learner::new();
    let mut order: Vec<usize> = (0..train_docs.len()).collect();
    let mut rng = options.seed | 1;
    let mut best: Option<(f64, Model)> = None;
    let mut features: Vec<Vec<u64>> = Vec::new();
    for epoch in 1..=options.epochs {
        // Fisher–Yates with xorshift64: the same seed gives the same order everywhere.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let mut mistakes = 0usize;
        for &d in &order {
            let doc = &train_docs[d];
            let words: Vec<Vec<&str>> = doc
                .iter()
                .map(|s| s.words.iter().map(String::as_str).collect())
                .collect();
            let infos: Vec<Vec<WordInfo>> = words
                .iter()
                .map(|s| s.iter().map(|w| WordInfo::of(w)).collect())
                .collect();
            let mut ctx = DocContext::new(&infos);
            for ((sentence, w), info) in doc.iter().zip(&words).zip(&infos) {
                let gazetteer = &fold_gazetteers[fold_of(d)];
                let gazetteers = [&LEXICON.gazetteer, gazetteer];
                sentence_features(w, info, &ctx, &gazetteers, &mut features);
                let emissions = learner.emissions(&features);
                let predicted = viterbi(&emissions, &learner.trans, &learner.start);
                if predicted != sentence.tags {
                    mistakes += 1;
                    learner.update(&features, &sentence.tags, &predicted);
                }
                ctx.record(info, &predicted);
                learner.step += 1.0;
            }
        }
        let model = learner.averaged(options.prune, &full_entries);
        let line = match dev {
            Some(dev) => {
                let tagger = Tagger::new(model);
                let s = evaluate(&tagger, dev);
                let f1 = s.overall.f1();
                let line = format!(
                    "epoch {epoch:>2}: {mistakes} sentences wrong; dev F1 {f1:.2} (PER {:.2} ORG {:.2} LOC {:.2} MISC {:.2}); {} features",
                    s.f1_of(EntityType::Per),
                    s.f1_of(EntityType::Org),
                    s.f1_of(EntityType::Loc),
                    s.f1_of(EntityType::Misc),
                    tagger.model.weights.len()
                );
                if best.as_ref().is_none_or(|(b, _)| f1 > *b) {
                    best = Some((f1, tagger.model));
                }
                line
            }
            None => {
                best = Some((0.0, model));
                format!("epoch {epoch:>2}: {mistakes} sentences wrong")
            }
        };
        log(line);
    }
    match best {
        Some((_, model)) => model,
        None => learner.averaged(options.prune, &full_entries),
    }
}
