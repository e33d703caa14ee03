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

use features::{context_features, word_features, DocContext, WordInfo, FEATURE_VERSION};
use hash::{hash_str, HashKeyed};
use lexicon::{Gazetteer, LEXICON};
use model::{Model, ModelError, WeightTable};
use tags::{Tag, NUM_TAGS};

/// The model file shipped in the binary.
pub(crate) const EMBEDDED_MODEL: &[u8] = include_bytes!("../../../index_schema/ner/model.bin");

static EMBEDDED: LazyLock<Result<Tagger, ModelError>> =
    LazyLock::new(|| Model::from_bytes(EMBEDDED_MODEL, FEATURE_VERSION).map(Tagger::new));

/// A loaded model that tags documents.
#[derive(Debug)]
pub struct Tagger {
    model: Model,
    /// The model's weights, laid out for fast lookup.
    weights: WeightTable,
    /// The lexicon's gazetteer merged with the model's training-data one.
    gazetteer: Gazetteer,
    /// Tells this tagger's entries in the per-thread word cache from another's
    /// (training builds many models in one process).
    id: u64,
}

/// Word-cache entries kept per thread before it is emptied and refilled.
const WORD_CACHE_LIMIT: usize = 1 << 17;

static NEXT_TAGGER_ID: AtomicU64 = AtomicU64::new(1);

/// What the tagger keeps about a distinct word: the facts its features need and the
/// summed weights of its word-only features.
#[derive(Debug, Clone, Copy)]
struct CachedWord {
    info: WordInfo,
    score: [i32; NUM_TAGS],
}

thread_local! {
    /// Per thread: (tagger id, word hash → cached word). News text repeats its
    /// vocabulary, so most tokens skip all string work, lexicon lookups and a third
    /// of the weight lookups; per thread, so indexing workers never contend.
    static WORD_CACHE: RefCell<(u64, HashKeyed<CachedWord>)> =
        RefCell::new((0, HashKeyed::default()));
}

impl Tagger {
    /// Wraps a model.
    pub fn new(model: Model) -> Tagger {
        Tagger {
            weights: WeightTable::new(&model.weights),
            gazetteer: LEXICON.gazetteer.merged(&model.train_gazetteer),
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
        let (infos, word_scores) = self.look_up_words(sentences);
        let mut doc = DocContext::new(&infos);
        let mut features = Vec::new();
        let mut out = Vec::with_capacity(sentences.len());
        for (infos, word_scores) in infos.iter().zip(&word_scores) {
            context_features(infos, &doc, &[&self.gazetteer], &mut features);
            let emissions: Vec<[f32; NUM_TAGS]> = word_scores
                .iter()
                .zip(&features)
                .map(|(word_score, context)| {
                    let mut sum = *word_score;
                    self.weights.add(context, &mut sum);
                    self.weights.scores(&sum)
                })
                .collect();
            let tags = self.model.viterbi(&emissions);
            doc.record(infos, &tags);
            out.push(tags);
        }
        out
    }

    /// Each word's [`WordInfo`] and word-only score, from the per-thread cache.
    #[allow(clippy::type_complexity)]
    fn look_up_words(
        &self,
        sentences: &[Vec<&str>],
    ) -> (Vec<Vec<WordInfo>>, Vec<Vec<[i32; NUM_TAGS]>>) {
        WORD_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            let (owner, words) = &mut *cache;
            if *owner != self.id || words.len() > WORD_CACHE_LIMIT {
                *owner = self.id;
                words.clear();
            }
            let mut word_feats = Vec::new();
            sentences
                .iter()
                .map(|sentence| {
                    sentence
                        .iter()
                        .map(|w| {
                            let cached = *words.entry(hash_str(0, w)).or_insert_with(|| {
                                word_feats.clear();
                                let info = word_features(w, &mut word_feats);
                                let mut score = [0; NUM_TAGS];
                                self.weights.add(&word_feats, &mut score);
                                CachedWord { info, score }
                            });
                            (cached.info, cached.score)
                        })
                        .unzip()
                })
                .unzip()
        })
    }
}
