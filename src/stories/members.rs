//! Reading stories back from the index: the archive's census of stories (for `dups`)
//! and one story's members (for `show --copies`), with how each copy differs.

use std::collections::{HashMap, HashSet};

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::index::document::{from_document, StoredArticle};
use crate::index::DatelineIndex;

/// Every story of the index with its articles' addresses.
pub struct Census {
    pub articles: usize,
    /// Articles without a story (indexed with `--no-stories`).
    pub unlabelled: usize,
    pub stories: HashMap<u64, Vec<DocAddress>>,
}

impl Census {
    /// Reads the `story` column of every live article.
    pub fn read(searcher: &Searcher) -> Result<Census> {
        let mut census = Census {
            articles: 0,
            unlabelled: 0,
            stories: HashMap::new(),
        };
        for (ord, segment) in searcher.segment_readers().iter().enumerate() {
            let story = segment
                .fast_fields()
                .u64("story")
                .map_err(Error::tantivy("reading the story column"))?;
            for doc in segment.doc_ids_alive() {
                census.articles += 1;
                match story.first(doc) {
                    Some(label) => census
                        .stories
                        .entry(label)
                        .or_default()
                        .push(DocAddress::new(ord as u32, doc)),
                    None => census.unlabelled += 1,
                }
            }
        }
        Ok(census)
    }

    /// Stories with more than one article, largest first (ties by label).
    pub fn with_copies(&self) -> Vec<(u64, &Vec<DocAddress>)> {
        let mut list: Vec<(u64, &Vec<DocAddress>)> = self
            .stories
            .iter()
            .filter(|(_, m)| m.len() > 1)
            .map(|(l, m)| (*l, m))
            .collect();
        list.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        list
    }

    /// Articles that are a copy of an earlier one: all but one per story.
    pub fn copies(&self) -> usize {
        self.stories.values().map(|m| m.len() - 1).sum()
    }
}

/// The articles of story `label`, oldest first (undated last, then by id).
pub fn members(index: &DatelineIndex, label: u64) -> Result<Vec<StoredArticle>> {
    let searcher = index.searcher()?;
    let query = TermQuery::new(
        Term::from_field_u64(index.fields.story, label),
        IndexRecordOption::Basic,
    );
    let addresses = searcher
        .search(&query, &DocSetCollector)
        .map_err(Error::tantivy("finding the story's articles"))?;
    let mut articles = Vec::new();
    for address in addresses {
        let doc: TantivyDocument = searcher
            .doc(address)
            .map_err(Error::tantivy("reading a stored article"))?;
        articles.push(from_document(&index.fields, &doc));
    }
    articles.sort_by(|a, b| {
        let key = |x: &StoredArticle| (x.date.is_none(), x.date.clone(), x.time.clone());
        key(a).cmp(&key(b)).then(a.id.cmp(&b.id))
    });
    Ok(articles)
}

/// How a copy's text differs from another article of its story, by paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Difference {
    /// Paragraphs of the copy that the other article does not have.
    pub added: usize,
    /// Paragraphs of the other article that the copy does not have.
    pub removed: usize,
    /// Paragraphs both have (as words, ignoring case and punctuation).
    pub same: usize,
}

/// Compares `copy` with `base` paragraph by paragraph: a new lead shows as added, a
/// cut tail as removed, an edited paragraph as one of each.
pub fn difference(base: &str, copy: &str) -> Difference {
    let (base, copy) = (paragraphs(base), paragraphs(copy));
    let base_set: HashSet<&String> = base.iter().collect();
    let copy_set: HashSet<&String> = copy.iter().collect();
    Difference {
        added: copy.iter().filter(|p| !base_set.contains(p)).count(),
        removed: base.iter().filter(|p| !copy_set.contains(p)).count(),
        same: copy.iter().filter(|p| base_set.contains(p)).count(),
    }
}

/// A text's paragraphs as normalised words: split at blank lines, or at line starts
/// when the text has none (wire bodies often break paragraphs with an indent alone).
fn paragraphs(text: &str) -> Vec<String> {
    let blocks: Vec<&str> = if text.contains("\n\n") {
        text.split("\n\n").collect()
    } else {
        text.lines().collect()
    };
    blocks
        .into_iter()
        .map(|p| {
            p.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_lead_is_added_and_a_cut_tail_removed() {
        let base = "First para.\n\nSecond para.\n\nThird para.";
        let update = "A new lead.\n\nFirst para.\n\nSecond  PARA";
        assert_eq!(
            difference(base, update),
            Difference {
                added: 1,
                removed: 1,
                same: 2
            }
        );
        let wire = "    Line one of a wire.\n    Line two.";
        assert_eq!(difference(wire, wire).same, 2);
    }
}
