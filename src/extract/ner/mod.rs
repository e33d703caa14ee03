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
pub mod frozen;
pub mod hash;
pub mod lexicon;
pub mod model;
pub mod raw;
pub mod tags;
pub mod train;

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::LazyLock;

use features::{
    context_features, neighbour_features, word_features, DocContext, Offset, WordInfo,
    FEATURE_VERSION,
};
use hash::{hash_str, HashKeyed};
use lexicon::{Gazetteer, LEXICON};
use model::{Model, ModelError, WeightTable};
use tags::{Tag, NUM_TAGS};

/// The model file shipped in the binary.
pub(crate) const EMBEDDED_MODEL: &[u8] = include_bytes!("../../../index_schema/ner/model.bin");

static EMBEDDED: LazyLock<Result<Tagger, ModelError>> = LazyLock::new(|| {
    Model::from_bytes(EMBEDDED_MODEL, FEATURE_VERSION).map(|model| {
        // build.rs merged this model's training names into the embedded gazetteer.
        Tagger::with_gazetteer(model, Gazetteer::embedded_with_training_names())
    })
});

/// A loaded model that tags documents.
#[derive(Debug)]
pub struct Tagger {
    model: Model,
    /// The model's weights, laid out for fast lookup.
    weights: WeightTable,
    /// The lexicon's gazetteer merged with the model's training-data one.
    gazetteer: Gazetteer,
    /// What the sentence edge contributes in place of a neighbour, per [`Offset`].
    edge_scores: [Score; 4],
    /// Tells this tagger's entries in the per-thread word cache from another's
    /// (training builds many models in one process).
    id: u64,
}

/// Word-cache entries kept per thread before it is emptied and refilled.
const WORD_CACHE_LIMIT: usize = 1 << 17;

static NEXT_TAGGER_ID: AtomicU64 = AtomicU64::new(1);

/// Summed feature weights per tag, in [`WeightTable`] units.
type Score = [i32; NUM_TAGS];

/// What the tagger keeps about a distinct word: the facts its features need, the
/// summed weights of its word-only features, and what it contributes to the score of
/// a token it neighbours, per [`Offset`].
#[derive(Debug, Clone, Copy)]
struct CachedWord {
    info: WordInfo,
    own: Score,
    as_neighbour: [Score; 4],
}

thread_local! {
    /// Per thread: (tagger id, word hash → cached word). News text repeats its
    /// vocabulary, so most tokens skip all string work, lexicon lookups and over half
    /// of the weight lookups; per thread, so indexing workers never contend.
    static WORD_CACHE: RefCell<(u64, HashKeyed<CachedWord>)> =
        RefCell::new((0, HashKeyed::default()));
}

impl Tagger {
    /// Wraps a model.
    pub fn new(model: Model) -> Tagger {
        let gazetteer = LEXICON.gazetteer.merged(&model.train_gazetteer);
        Tagger::with_gazetteer(model, gazetteer)
    }

    /// Wraps a model whose gazetteer (lexicon and training names) is already merged.
    fn with_gazetteer(model: Model, gazetteer: Gazetteer) -> Tagger {
        let weights = WeightTable::new(&model.weights);
        let edge_scores = Offset::ALL.map(|offset| neighbour_score(&weights, None, offset));
        Tagger {
            weights,
            edge_scores,
            gazetteer,
            model,
            id: NEXT_TAGGER_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// The tagger built into this binary, loaded on first use.
    pub fn embedded() -> Result<&'static Tagger, &'static ModelError> {
        EMBEDDED.as_ref()
    }

    /// Tags every sentence of a document (sentences as word lists, in order).
    ///
    /// Memory stays near four bytes per token whatever the document's length: tokens
    /// are kept as ids into the document's distinct words, and features and scores
    /// exist for one sentence at a time.
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<Tag>> {
        let (vocab, ids) = self.look_up_words(sentences);
        let mut doc = DocContext::default();
        let mut infos: Vec<WordInfo> = Vec::new();
        for sentence in &ids {
            infos.clear();
            infos.extend(sentence.iter().map(|&id| vocab[id as usize].info));
            doc.scan(&infos);
        }
        let mut features = Vec::new();
        let mut words: Vec<CachedWord> = Vec::new();
        let mut out = Vec::with_capacity(sentences.len());
        for sentence in &ids {
            words.clear();
            words.extend(sentence.iter().map(|&id| vocab[id as usize]));
            infos.clear();
            infos.extend(words.iter().map(|w| w.info));
            context_features(&infos, &doc, &[&self.gazetteer], &mut features);
            let emissions = self.emissions(&words, &features);
            let tags = self.model.viterbi(&emissions);
            doc.record(&infos, &tags);
            out.push(tags);
        }
        out
    }

    /// Per-token scores of a sentence: each word's cached own score, its neighbours'
    /// cached contributions, and the looked-up `context` features.
    fn emissions(&self, words: &[CachedWord], context: &[Vec<u64>]) -> Vec<[f32; NUM_TAGS]> {
        context
            .iter()
            .enumerate()
            .map(|(i, features)| {
                let mut sum = words[i].own;
                for offset in Offset::ALL {
                    let neighbour = usize::try_from(i as isize + offset.distance())
                        .ok()
                        .and_then(|j| words.get(j));
                    let part = match neighbour {
                        Some(word) => &word.as_neighbour[offset as usize],
                        None => &self.edge_scores[offset as usize],
                    };
                    sum.iter_mut().zip(part).for_each(|(s, p)| *s += p);
                }
                self.weights.add(features, &mut sum);
                self.weights.scores(&sum)
            })
            .collect()
    }

    /// The document's distinct words (from the per-thread cache) and each token as
    /// an index into them.
    fn look_up_words(&self, sentences: &[Vec<&str>]) -> (Vec<CachedWord>, Vec<Vec<u32>>) {
        WORD_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            let (owner, words) = &mut *cache;
            if *owner != self.id || words.len() > WORD_CACHE_LIMIT {
                *owner = self.id;
                words.clear();
            }
            let mut word_feats = Vec::new();
            let mut vocab: Vec<CachedWord> = Vec::new();
            let mut local: HashKeyed<u32> = HashKeyed::default();
            let ids = sentences
                .iter()
                .map(|sentence| {
                    sentence
                        .iter()
                        .map(|w| {
                            let key = hash_str(0, w);
                            *local.entry(key).or_insert_with(|| {
                                let cached = *words.entry(key).or_insert_with(|| {
                                    word_feats.clear();
                                    let info = WordInfo::of(w);
                                    word_features(w, &info, &mut word_feats);
                                    let mut own = [0; NUM_TAGS];
                                    self.weights.add(&word_feats, &mut own);
                                    let as_neighbour = Offset::ALL.map(|offset| {
                                        neighbour_score(&self.weights, Some(&info), offset)
                                    });
                                    CachedWord {
                                        info,
                                        own,
                                        as_neighbour,
                                    }
                                });
                                vocab.push(cached);
                                // A document has far fewer than 2^32 distinct words:
                                // its tokens are bounded by the file-size limit.
                                (vocab.len() - 1) as u32
                            })
                        })
                        .collect()
                })
                .collect();
            (vocab, ids)
        })
    }
}

/// What `neighbour` (or the sentence edge) at `offset` adds to a token's score.
fn neighbour_score(weights: &WeightTable, neighbour: Option<&WordInfo>, offset: Offset) -> Score {
    let mut features = Vec::with_capacity(3);
    neighbour_features(neighbour, offset, &mut features);
    let mut score = [0; NUM_TAGS];
    weights.add(&features, &mut score);
    score
}

#[cfg(test)]
mod tests {
    use super::features::sentence_features;
    use super::*;

    /// The caches (word scores, neighbour scores, merged gazetteer) are a shortcut,
    /// never a change: tagging must equal scoring every feature of every token.
    #[test]
    fn cached_scoring_tags_exactly_like_full_feature_lists() {
        let Ok(tagger) = Tagger::embedded() else {
            panic!("the embedded model loads");
        };
        let text = [
            "Secretary of State Mike Pompeo said on Tuesday that Iran is the new home base of al-Qaida .",
            "Pompeo offered no hard evidence , and Iran 's Foreign Minister Mohammad Javad Zarif denied it .",
            "IRAN DENIES AL-QAIDA LINK",
            "Zarif",
        ];
        let doc: Vec<Vec<&str>> = text.iter().map(|s| s.split(' ').collect()).collect();
        let tagged = tagger.tag_document(&doc);
        let (vocab, ids) = tagger.look_up_words(&doc);
        let cached: Vec<Vec<CachedWord>> = ids
            .iter()
            .map(|s| s.iter().map(|&i| vocab[i as usize]).collect())
            .collect();
        let infos: Vec<Vec<WordInfo>> = cached
            .iter()
            .map(|s| s.iter().map(|w| w.info).collect())
            .collect();
        let mut ctx = DocContext::new(&infos);
        let (mut full, mut context) = (Vec::new(), Vec::new());
        for (((words, infos), cached), tags) in doc.iter().zip(&infos).zip(&cached).zip(&tagged) {
            assert_eq!(
                infos,
                &words.iter().map(|w| WordInfo::of(w)).collect::<Vec<_>>()
            );
            sentence_features(words, infos, &ctx, &[&tagger.gazetteer], &mut full);
            let reference: Vec<[f32; NUM_TAGS]> = full
                .iter()
                .map(|f| {
                    let mut sum = [0; NUM_TAGS];
                    tagger.weights.add(f, &mut sum);
                    tagger.weights.scores(&sum)
                })
                .collect();
            context_features(infos, &ctx, &[&tagger.gazetteer], &mut context);
            assert_eq!(tagger.emissions(cached, &context), reference, "{words:?}");
            assert_eq!(&tagger.model.viterbi(&reference), tags, "{words:?}");
            ctx.record(infos, tags);
        }
        assert!(tagged[0].iter().any(|&t| t != tags::O), "Pompeo is tagged");
    }
}
