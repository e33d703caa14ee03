//! Named-entity recognition: an averaged structured perceptron with Viterbi decoding,
//! trained on CoNLL-2003 (`ner-train`), shipped inside the binary
//! (`index_schema/ner/model.bin`), evaluated with `ner-eval`.
//!
//! The tagger works on whole documents: sentences are tagged in order and each one
//! sees what was found earlier in the article (a name tagged PER in the first
//! paragraph is likely PER again when it heads a later sentence).

pub mod conll;
pub mod eval;
pub mod features;
pub mod hash;
pub mod lexicon;
pub mod model;
pub mod tags;
pub mod train;

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::LazyLock;

use features::{context_features, word_features, DocContext, FEATURE_VERSION};
use hash::{hash_str, HashKeyed};
use model::{Model, ModelError};
use tags::{Tag, NUM_TAGS};

/// The model file shipped in the binary.
pub(crate) const EMBEDDED_MODEL: &[u8] = include_bytes!("../../../index_schema/ner/model.bin");

static EMBEDDED: LazyLock<Result<Tagger, ModelError>> =
    LazyLock::new(|| Model::from_bytes(EMBEDDED_MODEL, FEATURE_VERSION).map(Tagger::new));

/// A loaded model that tags documents.
#[derive(Debug)]
pub struct Tagger {
    model: Model,
    /// Tells this tagger's entries in the per-thread word-score cache from another's
    /// (training builds many models in one process).
    id: u64,
}

/// Word-score cache entries kept per thread before it is emptied and refilled.
const WORD_CACHE_LIMIT: usize = 1 << 17;

static NEXT_TAGGER_ID: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// Per thread: (tagger id, word hash → summed weights of the word's own features).
    /// News text repeats its vocabulary, so most tokens skip a third of the feature
    /// hashing and weight lookups; per thread, so indexing workers never contend.
    static WORD_SCORES: RefCell<(u64, HashKeyed<[f32; NUM_TAGS]>)> =
        RefCell::new((0, HashKeyed::default()));
}

impl Tagger {
    /// Wraps a model.
    pub fn new(model: Model) -> Tagger {
        Tagger {
            model,
            id: NEXT_TAGGER_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The tagger built into this binary, loaded on first use.
    pub fn embedded() -> Result<&'static Tagger, &'static ModelError> {
        EMBEDDED.as_ref()
    }

    /// Tags every sentence of a document (sentences as word lists, in order).
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        let mut doc = DocContext::new(sentences);
        let mut features = Vec::new();
        let mut out = Vec::with_capacity(sentences.len());
        for words in sentences {
            let tags = self.tag_sentence(words, &doc, &mut features);
            doc.record(words, &tags);
            out.push(tags);
        }
        out
    }

    fn tag_sentence(
        &self,
        words: &[&str],
        doc: &DocContext,
        features: &mut Vec<Vec<u64>>,
    ) -> Vec<Tag> {
        context_features(words, doc, &self.model.train_gazetteer, features);
        let emissions: Vec<[f32; NUM_TAGS]> = WORD_SCORES.with(|cache| {
            let mut cache = cache.borrow_mut();
            let (owner, scores) = &mut *cache;
            if *owner != self.id || scores.len() > WORD_CACHE_LIMIT {
                *owner = self.id;
                scores.clear();
            }
            let mut word_feats = Vec::new();
            words
                .iter()
                .zip(features.iter())
                .map(|(w, f)| {
                    let mut e = *scores.entry(hash_str(0, w)).or_insert_with(|| {
                        word_feats.clear();
                        word_features(w, &mut word_feats);
                        let mut e = [0f32; NUM_TAGS];
                        self.model.score(&word_feats, &mut e);
                        e
                    });
                    self.model.add_scores(f, &mut e);
                    e
                })
                .collect()
        });
        self.model.viterbi(&emissions)
    }
}
