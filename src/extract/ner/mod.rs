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

use std::sync::LazyLock;

use features::{sentence_features, DocContext, FEATURE_VERSION};
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
}

impl Tagger {
    /// Wraps a model.
    pub fn new(model: Model) -> Tagger {
        Tagger { model }
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
        sentence_features(words, doc, &self.model.train_gazetteer, features);
        let emissions: Vec<[f32; NUM_TAGS]> = features
            .iter()
            .map(|f| {
                let mut e = [0f32; NUM_TAGS];
                self.model.score(f, &mut e);
                e
            })
            .collect();
        self.model.viterbi(&emissions)
    }
}
