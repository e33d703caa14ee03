//! Tests that the lexicon tables build.rs embeds hold exactly what parsing the word
//! lists at run time gave (the way the tagger loaded them before the tables existed).
//! They live outside `ner/` because the reference needs the alias table and the
//! tokenizer, which the tagger itself no longer sees.

use std::collections::HashMap;

use super::ner::features::FEATURE_VERSION;
use super::ner::frozen::{bits, CLUSTER_SEED, WORD_SEED};
use super::ner::hash::hash_str;
use super::ner::lexicon::{Gazetteer, LEXICON};
use super::ner::model::Model;
use super::ner::EMBEDDED_MODEL;

const LOC: &str = include_str!("../../index_schema/ner/gazetteers/loc.txt");
const PER_FIRST: &str = include_str!("../../index_schema/ner/gazetteers/per_first.txt");
const PER_TITLE: &str = include_str!("../../index_schema/ner/gazetteers/per_title.txt");
const ORG_SUFFIX: &str = include_str!("../../index_schema/ner/gazetteers/org_suffix.txt");
const COMMON_WORDS: &str = include_str!("../../index_schema/ner/gazetteers/common_words.tsv");
const CLUSTERS: &str = include_str!("../../index_schema/ner/clusters.tsv");

/// The lexicon gazetteer as the tagger used to build it on first use.
fn lexicon_gazetteer_at_run_time() -> Gazetteer {
    let mut gazetteer = Gazetteer::default();
    gazetteer.add_lines(LOC, bits::LOC);
    gazetteer.add_lines(PER_FIRST, bits::FIRST_NAME);
    gazetteer.add_lines(PER_TITLE, bits::TITLE);
    gazetteer.add_lines(ORG_SUFFIX, bits::ORG_SUFFIX);
    for entity in super::aliases::EMBEDDED.entities() {
        let bit = match entity.kind.as_str() {
            "person" => bits::ALIAS_PERSON,
            "org" => bits::ALIAS_ORG,
            "place" => bits::ALIAS_PLACE,
            _ => continue,
        };
        for name in std::iter::once(&entity.name).chain(entity.aliases.iter()) {
            if name.chars().any(char::is_uppercase) {
                let tokens: Vec<&str> = super::tokenize::tokenize(name)
                    .into_iter()
                    .map(|t| t.text)
                    .collect();
                gazetteer.add(&tokens.join(" "), bit);
            }
        }
    }
    gazetteer
}

/// The entries (sequences with list bits) of a gazetteer with their list bits, sorted.
/// (The embedded lexicon also marks prefixes of the model's training names, which only
/// makes matching look one token further.)
fn entries(g: &Gazetteer) -> Vec<(u64, u16)> {
    g.raw_sequences()
        .into_iter()
        .map(|(k, v)| (k, v & !bits::PREFIX))
        .filter(|&(_, v)| v != 0)
        .collect()
}

/// Asserts two sorted lists are equal, naming the first difference instead of
/// printing both lists.
fn assert_same(found: &[(u64, u16)], expected: &[(u64, u16)]) {
    if let Some(i) = (0..found.len().max(expected.len())).find(|&i| found.get(i) != expected.get(i))
    {
        panic!(
            "first difference at {i}: embedded {:?}, at run time {:?} ({} and {} sequences)",
            found.get(i),
            expected.get(i),
            found.len(),
            expected.len()
        );
    }
}

#[test]
fn the_embedded_gazetteers_are_the_lists_parsed_at_run_time() {
    let lexicon = lexicon_gazetteer_at_run_time();
    assert!(lexicon.len() > 70_000, "{} entries", lexicon.len());
    assert_same(&entries(&LEXICON.gazetteer), &entries(&lexicon));
    assert_eq!(LEXICON.gazetteer.len(), lexicon.len());

    let model = Model::from_bytes(EMBEDDED_MODEL, FEATURE_VERSION).expect("embedded model");
    let merged = lexicon.merged(&model.train_gazetteer);
    // Every sequence (prefixes too) with the same value: the tagger sees no difference.
    let nonzero = |g: &Gazetteer| -> Vec<(u64, u16)> {
        let mut pairs: Vec<_> = g
            .raw_sequences()
            .into_iter()
            .filter(|&(_, v)| v != 0)
            .collect();
        pairs.sort_unstable();
        pairs
    };
    assert_same(
        &nonzero(&Gazetteer::embedded_with_training_names()),
        &nonzero(&merged),
    );
}

#[test]
fn the_embedded_clusters_and_frequencies_are_the_lists_parsed_at_run_time() {
    let mut clusters: HashMap<u64, [u16; 3]> = HashMap::new();
    let mut words = Vec::new();
    for line in CLUSTERS.lines() {
        let mut cols = line.split('\t');
        let Some(word) = cols.next() else { continue };
        let ids: Vec<u16> = cols.filter_map(|c| c.trim().parse().ok()).collect();
        if ids.len() == 3 {
            clusters.insert(hash_str(CLUSTER_SEED, word), [ids[0], ids[1], ids[2]]);
            words.push(word);
        }
    }
    assert_eq!(LEXICON.clusters.len(), clusters.len());
    for word in words {
        assert_eq!(
            LEXICON.clusters.get(word, "\u{0}not a word"),
            clusters.get(&hash_str(CLUSTER_SEED, word)).copied(),
            "{word}"
        );
    }
    assert_eq!(LEXICON.clusters.get("\u{0}x", "\u{0}y"), None);

    let mut zipf: HashMap<&str, u8> = HashMap::new();
    for line in COMMON_WORDS.lines() {
        let mut cols = line.split('\t');
        if let (Some(word), Some(freq)) = (cols.next(), cols.next()) {
            if let Ok(f) = freq.trim().parse::<f32>() {
                zipf.insert(word, (f.clamp(1.0, 8.0) * 10.0) as u8);
            }
        }
    }
    assert!(zipf.len() > 50_000);
    for (word, tenths) in &zipf {
        assert_eq!(
            LEXICON.zipf(hash_str(WORD_SEED, word)),
            Some(*tenths),
            "{word}"
        );
    }
    assert_eq!(LEXICON.zipf(hash_str(WORD_SEED, "\u{0}rare")), None);
}

#[test]
fn the_lexicon_answers_whether_a_word_or_phrase_is_listed() {
    use super::ner::lexicon::List;
    assert!(LEXICON.lists("Paris", List::Place));
    assert!(LEXICON.lists("ALEX", List::FirstName));
    assert!(LEXICON.lists("foreign minister", List::Title));
    assert!(LEXICON.lists("Foreign  Minister", List::Title));
    assert!(!LEXICON.lists("foreign", List::Title));
    assert!(LEXICON.lists("Corp", List::OrgDesignator));
    assert!(!LEXICON.lists("Paris", List::FirstName));
    assert!(!LEXICON.lists("", List::Place));
    assert_eq!(LEXICON.word_zipf("The"), Some(77));
    assert_eq!(LEXICON.word_zipf("house"), Some(57));
    assert_eq!(LEXICON.word_zipf("Xqzvw"), None);
}
