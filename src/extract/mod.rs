//! Enrichment: turns a reader's [`RawArticle`] into an indexable [`Article`]: stable id,
//! resolved publication date, and people/organizations/places from the metadata and,
//! when a tagger is given, from the text.
//!
//! This stage never sees files or the index; it is pure and runs in parallel.

pub mod aliases;
pub mod canonical;
pub mod dates;
pub mod entities;
#[cfg(test)]
mod lexicon_tables;
pub mod ner;
pub mod tokenize;
pub mod user_dates;

use crate::article::{article_id, Article, RawArticle};
use crate::entity::EntityKind;
use aliases::Aliases;
use ner::Tagger;

/// The extraction rules' own source (tokenizer, tagger, entity resolution, dates,
/// aliases), part of [`Enricher::fingerprint`] as the attribution rules are: a rule
/// changed in a new build makes the next `index` re-read every file instead of
/// keeping entities the old rules found. (The training and scoring code, `ner::train`,
/// `ner::conll`, `ner::eval`, changes no output and is left out; a unit test fails
/// when a new file of rules is.)
pub const RULES_SOURCE: [&str; 15] = [
    include_str!("mod.rs"),
    include_str!("aliases.rs"),
    include_str!("canonical.rs"),
    include_str!("dates.rs"),
    include_str!("entities.rs"),
    include_str!("tokenize.rs"),
    include_str!("user_dates.rs"),
    include_str!("ner/features.rs"),
    include_str!("ner/frozen.rs"),
    include_str!("ner/hash.rs"),
    include_str!("ner/lexicon.rs"),
    include_str!("ner/mod.rs"),
    include_str!("ner/model.rs"),
    include_str!("ner/raw.rs"),
    include_str!("ner/tags.rs"),
];

/// A source file without its unit tests (the `mod tests` ending it, and anything
/// after): editing a test changes no output, so it must not make every archive
/// re-read.
fn without_tests(source: &str) -> &str {
    source
        .split("\n#[cfg(test)]\nmod tests {")
        .next()
        .unwrap_or(source)
}

/// What enrichment needs besides the article: the alias table and, unless extraction
/// is off, the tagger.
#[derive(Clone, Copy)]
pub struct Enricher<'a> {
    pub aliases: &'a Aliases,
    pub tagger: Option<&'a Tagger>,
    /// The index's curation overlay, applied last, so articles indexed after a
    /// correction get it too. Not part of [`Enricher::fingerprint`]: curation
    /// commands rewrite the stored articles they touch themselves.
    pub curation: &'a crate::curation::Overlay,
    /// What the user said about dates (`index --dates`, `--date-from-path`, ...).
    pub dates: &'a user_dates::UserDates,
}

impl Enricher<'_> {
    /// Changes whenever enrichment would give different results for the same file:
    /// extraction switched on or off, another alias table, another model or data
    /// files, a reader that now reads the same bytes differently. The indexer mixes it
    /// into each file's fingerprint, so such a change re-reads every file instead of
    /// leaving old entities in place.
    pub fn fingerprint(&self) -> u64 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        h.update(&crate::corpus::READERS_VERSION.to_le_bytes());
        for rules in crate::attribution::RULES_SOURCE {
            h.update(rules.as_bytes());
        }
        for rules in RULES_SOURCE {
            h.update(without_tests(rules).as_bytes());
        }
        h.update(&self.aliases.fingerprint().to_le_bytes());
        h.update(&self.dates.fingerprint().to_le_bytes());
        if self.tagger.is_some() {
            for data in crate::embedded::extraction_data() {
                h.update(data);
            }
        }
        h.digest()
    }

    /// Builds the indexable article for record `raw` of the file at archive path `path`.
    pub fn enrich(&self, path: &str, raw: RawArticle) -> Article {
        self.enrich_keeping(path, raw, false).0
    }

    /// Like [`Enricher::enrich`], also returning each entity mention found in the text
    /// (for `dateline extract`).
    pub fn enrich_with_mentions(
        &self,
        path: &str,
        raw: RawArticle,
    ) -> (Article, Vec<entities::Mention>) {
        self.enrich_keeping(path, raw, true)
    }

    fn enrich_keeping(
        &self,
        path: &str,
        raw: RawArticle,
        keep_mentions: bool,
    ) -> (Article, Vec<entities::Mention>) {
        let id = article_id(path, raw.record);
        let date = dates::resolve(
            raw.date_text.as_deref(),
            &id,
            path,
            &raw.title,
            &raw.body,
            self.dates,
        );
        let title = if raw.title.trim().is_empty() {
            fallback_title(&raw.body, path)
        } else {
            raw.title.trim().to_string()
        };
        let canonical = |kind: EntityKind, names: &mut Vec<String>| {
            let mut out: Vec<String> = Vec::new();
            for n in std::mem::take(names) {
                let c = self
                    .aliases
                    .canonical(kind.as_str(), &n)
                    .map_or(n, str::to_string);
                if !out.contains(&c) {
                    out.push(c);
                }
            }
            *names = out;
        };
        // The source's own tags first, by their canonical names.
        let mut entities = raw.entities;
        for kind in EntityKind::ALL {
            canonical(kind, entities.of_mut(kind));
        }
        let mut mentions = Vec::new();
        let mut things = Vec::new();
        let mut body_sentences = None;
        if let Some(tagger) = self.tagger {
            // Attributions name their speakers from the mentions; a body too long for
            // one window gets its attributions without them (see
            // `attribution::find_in_article`).
            let found = if keep_mentions || raw.body.len() <= tokenize::WINDOW_BYTES {
                entities::extract(tagger, self.aliases, &title, &raw.body)
            } else {
                entities::extract_names(tagger, self.aliases, &title, &raw.body)
            };
            mentions = found.mentions;
            body_sentences = Some(found.body_sentences);
            things = found
                .things
                .iter()
                .map(|(kind, name)| entities::thing_label(*kind, name))
                .collect();
            for (kind, more) in found.entities.iter() {
                let list = entities.of_mut(kind);
                for name in more.iter().cloned() {
                    if !list.contains(&name) {
                        list.push(name);
                    }
                }
            }
        }
        // The archive's own tags and the text's names: one name per person.
        let merged = entities::merge_partial_people(&mut entities.people);
        for m in mentions.iter_mut().filter(|m| m.kind == EntityKind::Person) {
            if let Some(full) = merged.get(&m.canonical) {
                m.canonical = full.clone();
            }
        }
        self.curation.apply(&mut entities);
        mentions.retain_mut(|m| match self.curation.outcome(m.kind, &m.canonical) {
            None => true,
            Some(crate::curation::Outcome::Drop) => false,
            Some(crate::curation::Outcome::Becomes(kind, name)) => {
                m.kind = *kind;
                m.canonical = name.clone();
                true
            }
        });
        let mut attributions = if self.tagger.is_some() {
            crate::attribution::find_in_article(&title, &raw.body, &mentions)
        } else {
            Vec::new()
        };
        let mut stored_attributions = None;
        if !keep_mentions {
            // Indexing: keep the stored form only (offsets, no copied texts), not
            // thousands of structures for a long article.
            stored_attributions = crate::attribution::stored::indexed(&attributions);
            attributions = Vec::new();
        }
        if !keep_mentions {
            mentions = Vec::new();
        }
        let article = Article {
            id,
            path: path.to_string(),
            title,
            body: raw.body,
            date: date.map(|(d, _)| d.day),
            time: date.and_then(|(d, _)| d.time),
            date_source: date.map(|(_, s)| s),
            source: raw.source.filter(|s| !s.trim().is_empty()),
            url: raw.url.filter(|s| !s.trim().is_empty()),
            entities,
            things,
            attributions,
            stored_attributions,
            body_sentences,
            metadata: raw.metadata,
        };
        (article, mentions)
    }
}

/// A title for articles that lack one: the first words of the body, else the file name.
fn fallback_title(body: &str, path: &str) -> String {
    let words: Vec<&str> = body.split_whitespace().take(12).collect();
    if words.is_empty() {
        path.rsplit('/').next().unwrap_or(path).to_string()
    } else {
        format!("{}…", words.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_extraction_rules_file_is_part_of_the_fingerprint() {
        // A rules file left out would let `index` keep the entities of old rules.
        const NOT_RULES: [&str; 4] = ["lexicon_tables.rs", "conll.rs", "eval.rs", "train.rs"];
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract");
        let mut checked = 0;
        for sub in [dir.clone(), dir.join("ner")] {
            for entry in std::fs::read_dir(&sub).unwrap() {
                let path = entry.unwrap().path();
                let name = path.file_name().unwrap().to_string_lossy().to_string();
                if path.extension().is_none_or(|e| e != "rs") || NOT_RULES.contains(&name.as_str())
                {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(
                    RULES_SOURCE.contains(&text.as_str()),
                    "{} is not in RULES_SOURCE",
                    path.display()
                );
                checked += 1;
            }
        }
        assert_eq!(checked, RULES_SOURCE.len());
    }

    #[test]
    fn a_unit_test_is_no_rule() {
        let rules = "#[cfg(test)]\nmod tables;\nfn rule() {}";
        let with_test = format!("{rules}\n#[cfg(test)]\nmod tests {{}}\n");
        assert_eq!(without_tests(&with_test), rules);
    }
}
