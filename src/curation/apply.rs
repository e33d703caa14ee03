//! Applying a new curation rule to the articles already in the index.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{IndexWriter, TantivyDocument, Term};

use super::{Outcome, Overlay};
use crate::attribution::stored::renamed;
use crate::entity::{Entities, EntityKind};
use crate::error::{Error, Result};
use crate::index::document::with_entities;
use crate::index::lock::WriterLock;
use crate::index::DatelineIndex;

/// Adds `rules` to the overlay of the index at `index_path` and rewrites the entity
/// lists of every article that lists one of their names, in one commit: search,
/// filters, facets and `entities` see the change at once, and no file of the archive is
/// read again. Returns the overlay's path and the number of articles changed.
///
/// The overlay is saved before the index is touched: a crash in between leaves a rule
/// that the next run of the same command (or the next `index --rebuild`) applies.
pub fn curate(
    index_path: &Path,
    rules: &[(EntityKind, String, Outcome)],
) -> Result<(PathBuf, usize)> {
    // Open first: never lock, or write an overlay into, a folder that is no index.
    let handle = DatelineIndex::open(index_path)?;
    let _lock = WriterLock::acquire(index_path)?;
    let mut overlay = Overlay::load(index_path)?;
    for (kind, name, outcome) in rules {
        if name.trim().is_empty() {
            return Err(Error::Curation("an entity name cannot be empty".into()));
        }
        if let Outcome::Becomes(_, to) = outcome {
            if to.trim().is_empty() {
                return Err(Error::Curation("an entity name cannot be empty".into()));
            }
        }
        overlay.add(*kind, name, outcome.clone());
    }
    let saved = overlay.save(index_path)?;
    let names: Vec<(EntityKind, String)> = rules.iter().map(|(k, n, _)| (*k, n.clone())).collect();
    let changed = rewrite(&handle, &overlay, &names, true)?;
    Ok((saved, changed))
}

/// Rewrites, in one commit, the entity lists of every article that lists one of
/// `names` or has one as a speaker, through `overlay`, and its attributions' speaker
/// names with them. The caller holds the writer lock. With `merge` off no segments are
/// merged (the caller compacts once afterwards).
pub(super) fn rewrite(
    handle: &DatelineIndex,
    overlay: &Overlay,
    names: &[(EntityKind, String)],
    merge: bool,
) -> Result<usize> {
    let fields = &handle.fields;
    let searcher = handle.uncached_searcher()?;
    let mut addresses = BTreeSet::new();
    for (kind, name) in names {
        let exact = match kind {
            EntityKind::Person => fields.people_exact,
            EntityKind::Org => fields.orgs_exact,
            EntityKind::Place => fields.places_exact,
        };
        // A speaker's name is most often in the article's lists too, but not always
        // (an affiliation from a description).
        for field in [exact, fields.speakers_exact] {
            let query =
                TermQuery::new(Term::from_field_text(field, name), IndexRecordOption::Basic);
            addresses.extend(
                searcher
                    .search(&query, &DocSetCollector)
                    .map_err(Error::tantivy("finding the articles to curate"))?,
            );
        }
    }
    if addresses.is_empty() {
        return Ok(0);
    }
    let mut writer: IndexWriter<TantivyDocument> = handle
        .index
        .writer_with_num_threads(1, crate::index::write::REWRITE_BUDGET)
        .map_err(Error::tantivy("opening the index for writing"))?;
    if !merge {
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    }
    let mut changed = 0;
    for address in addresses {
        let stored: TantivyDocument = searcher
            .doc(address)
            .map_err(Error::tantivy("reading a stored article"))?;
        // Only the lists and the id: a huge article's body is not copied once more.
        let texts = |field| -> Vec<String> {
            stored
                .get_all(field)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        };
        let mut entities = Entities {
            people: texts(fields.people),
            orgs: texts(fields.orgs),
            places: texts(fields.places),
        };
        let id = texts(fields.id).into_iter().next().unwrap_or_default();
        let speakers = stored
            .get_first(fields.attributions)
            .and_then(|v| v.as_str())
            .and_then(|json| renamed(json, |kind, name| overlay.speaker(kind, name)));
        if !overlay.apply(&mut entities) && speakers.is_none() {
            continue;
        }
        let minhash = crate::index::document::minhash_of(&searcher, address)
            .map_err(Error::tantivy("reading an article's signature"))?;
        writer.delete_term(Term::from_field_text(fields.id, &id));
        writer
            .add_document({
                let doc = with_entities(
                    fields,
                    &stored,
                    minhash.as_deref(),
                    [&entities.people, &entities.orgs, &entities.places],
                    speakers
                        .as_ref()
                        .map(|(json, names)| (json.as_str(), names.as_slice())),
                );
                drop(stored);
                doc
            })
            .map_err(Error::tantivy("writing a curated article"))?;
        changed += 1;
    }
    writer
        .commit()
        .map_err(Error::tantivy("committing the curated articles"))?;
    writer
        .wait_merging_threads()
        .map_err(Error::tantivy("merging segments"))?;
    Ok(changed)
}
