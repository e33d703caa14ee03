//! The stories step: after an indexing run, group every article of the index into
//! stories and rewrite the few whose story label changed.
//!
//! Runs over the whole index each time (signatures come from the `minhash` column, no
//! text is read), so a story gains, keeps or loses members as files are added,
//! changed or removed. Labels are kept where they can be: a group takes the label most
//! of its members already carry, so adding one copy rewrites one article.

use std::collections::HashMap;
use std::path::Path;

use tantivy::schema::Value;
use tantivy::{DateTime, DocAddress, IndexWriter, Searcher, TantivyDocument, Term};
use xxhash_rust::xxh3::xxh3_64;

use super::cluster::cluster;
use super::signature::Signature;
use crate::error::{Error, Result};
use crate::index::document::with_story;
use crate::index::lock::WriterLock;
use crate::index::DatelineIndex;

/// What the stories step found and changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Assigned {
    /// Articles indexed by this run that are copies of an article indexed earlier, or
    /// of another one of this run's (a story's first article is not counted).
    pub joined: usize,
    /// Stories with more than one article.
    pub stories_with_copies: usize,
    /// Articles in those stories.
    pub articles_in_them: usize,
    /// Articles rewritten with another story label.
    pub relabelled: usize,
}

/// One live article as the step sees it.
struct Member {
    /// The article's id: members are clustered in id order, so the same archive
    /// gives the same stories whatever order the indexing workers wrote it in.
    id: String,
    address: DocAddress,
    story: Option<u64>,
    /// Index into the step's table of distinct signatures: exact copies share one
    /// entry, so an archive holding every item ten times neither clones nor hashes a
    /// signature per copy.
    signature: Option<u32>,
    indexed_at: Option<DateTime>,
    /// Days since the epoch of its date.
    day: Option<i64>,
}

/// Groups the index at `index_path` into stories; articles indexed at or after `since`
/// count as joining. The caller must not hold the writer lock.
pub fn assign(index_path: &Path, since: Option<DateTime>) -> Result<Assigned> {
    let handle = DatelineIndex::open(index_path)?;
    let _lock = WriterLock::acquire(index_path)?;
    let searcher = handle.uncached_searcher()?;
    let (members, signatures) = read_members(&searcher)?;
    let groups = grouped(&members, &signatures);
    let labels: Vec<Option<u64>> = members.iter().map(|m| m.story).collect();
    let changes = relabel(&labels, &groups);

    let mut sizes: HashMap<usize, usize> = HashMap::new();
    for g in &groups {
        *sizes.entry(*g).or_default() += 1;
    }
    let in_copies = |i: usize| sizes[&groups[i]] > 1;
    let mut assigned = Assigned {
        stories_with_copies: sizes.values().filter(|n| **n > 1).count(),
        articles_in_them: (0..members.len()).filter(|i| in_copies(*i)).count(),
        relabelled: changes.len(),
        joined: 0,
    };
    // Per story: its members from this run, less the one that started it when the
    // whole story is new.
    let mut new_members: HashMap<usize, usize> = HashMap::new();
    for (i, m) in members.iter().enumerate() {
        let new = matches!((since, m.indexed_at), (Some(since), Some(at)) if at >= since);
        if new && in_copies(i) {
            *new_members.entry(groups[i]).or_default() += 1;
        }
    }
    assigned.joined = new_members
        .iter()
        .map(|(g, n)| if *n == sizes[g] { n - 1 } else { *n })
        .sum();
    if changes.is_empty() {
        return Ok(assigned);
    }

    let fields = &handle.fields;
    let mut writer: IndexWriter<TantivyDocument> = handle
        .index
        .writer_with_num_threads(1, crate::index::write::REWRITE_BUDGET)
        .map_err(Error::tantivy("opening the index for writing"))?;
    writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    for (i, label) in changes {
        let stored: TantivyDocument = searcher
            .doc(members[i].address)
            .map_err(Error::tantivy("reading a stored article"))?;
        let Some(id) = stored.get_first(fields.id).and_then(|v| v.as_str()) else {
            continue;
        };
        let minhash = crate::index::document::minhash_of(&searcher, members[i].address)
            .map_err(Error::tantivy("reading an article's signature"))?;
        writer.delete_term(Term::from_field_text(fields.id, id));
        writer
            .add_document(with_story(fields, &stored, minhash.as_deref(), label))
            .map_err(Error::tantivy("rewriting an article's story"))?;
    }
    writer
        .commit()
        .map_err(Error::tantivy("committing the stories"))?;
    writer
        .wait_merging_threads()
        .map_err(Error::tantivy("finishing the stories commit"))?;
    Ok(assigned)
}

/// Each member's group. Exact copies (same signature, same day) are clustered once:
/// an archive holding every item ten times costs what one copy does.
fn grouped(members: &[Member], distinct: &[Signature]) -> Vec<usize> {
    let mut unique: HashMap<(u32, Option<i64>), usize> = HashMap::new();
    let mut signatures: Vec<Option<&Signature>> = Vec::new();
    let mut days: Vec<Option<i64>> = Vec::new();
    let mut slot: Vec<usize> = Vec::with_capacity(members.len());
    for m in members {
        let known = m.signature.and_then(|s| unique.get(&(s, m.day)).copied());
        let at = match known {
            Some(at) => at,
            None => {
                signatures.push(m.signature.and_then(|s| distinct.get(s as usize)));
                days.push(m.day);
                if let Some(s) = m.signature {
                    unique.insert((s, m.day), signatures.len() - 1);
                }
                signatures.len() - 1
            }
        };
        slot.push(at);
    }
    let groups = cluster(&signatures, &days);
    slot.iter().map(|s| groups[*s]).collect()
}

/// Every live article's story, signature and stamp, segment by segment, and the
/// distinct signatures they point into.
fn read_members(searcher: &Searcher) -> Result<(Vec<Member>, Vec<Signature>)> {
    let mut members = Vec::new();
    let mut distinct: Vec<Signature> = Vec::new();
    let mut slot_of: HashMap<Vec<u8>, u32> = HashMap::new();
    for (segment_ord, segment) in searcher.segment_readers().iter().enumerate() {
        let fast = segment.fast_fields();
        let story = fast
            .u64("story")
            .map_err(Error::tantivy("reading the stories columns"))?;
        let dates = fast
            .date("date")
            .map_err(Error::tantivy("reading the stories columns"))?;
        let stamps = fast
            .date("indexed_at")
            .map_err(Error::tantivy("reading the stories columns"))?;
        let minhash = fast
            .bytes("minhash")
            .map_err(Error::tantivy("reading the stories columns"))?;
        // The column's dictionary holds each distinct signature once, in ord order;
        // segments share their copies' entries through `slot_of`.
        let mut by_ord: Vec<Option<u32>> = Vec::new();
        if let Some(minhash) = &minhash {
            let mut stream = minhash
                .dictionary()
                .stream()
                .map_err(|e| Error::tantivy("reading the signatures")(e.into()))?;
            while stream.advance() {
                let key = stream.key();
                let slot = match slot_of.get(key) {
                    Some(slot) => Some(*slot),
                    None => Signature::from_bytes(key).map(|signature| {
                        distinct.push(signature);
                        let slot = (distinct.len() - 1) as u32;
                        slot_of.insert(key.to_vec(), slot);
                        slot
                    }),
                };
                by_ord.push(slot);
            }
        }
        let ids = crate::index::manifest::StrValues::read(segment, "id")?;
        for doc in segment.doc_ids_alive() {
            let ord = minhash.as_ref().and_then(|c| c.term_ords(doc).next());
            members.push(Member {
                id: ids.first(doc).unwrap_or_default().to_string(),
                address: DocAddress::new(segment_ord as u32, doc),
                story: story.first(doc),
                signature: ord.and_then(|o| by_ord.get(o as usize).copied().flatten()),
                indexed_at: stamps.first(doc),
                day: dates
                    .first(doc)
                    .map(|d| d.into_timestamp_secs().div_euclid(86_400)),
            });
        }
    }
    members.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    Ok((members, distinct))
}

/// Which articles need another label, given their labels and groups: each group of
/// several takes the label most of its members carry (ties: the smallest) unless a
/// larger group took it first; a label taken by a group is taken from every article
/// outside it (a story that split); new labels are hashes, never a member's content
/// label by accident.
fn relabel(labels: &[Option<u64>], groups: &[usize]) -> Vec<(usize, u64)> {
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, g) in groups.iter().enumerate() {
        members.entry(*g).or_default().push(i);
    }
    let mut multi: Vec<(usize, Vec<usize>)> =
        members.into_iter().filter(|(_, m)| m.len() > 1).collect();
    // Largest first, then by first article: deterministic.
    multi.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let mut taken: HashMap<u64, usize> = HashMap::new();
    let mut target: HashMap<usize, u64> = HashMap::new();
    for (group, list) in &multi {
        let mut counts: HashMap<u64, usize> = HashMap::new();
        for i in list {
            if let Some(l) = labels[*i] {
                *counts.entry(l).or_default() += 1;
            }
        }
        let mut ranked: Vec<(u64, usize)> = counts.into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let label = ranked
            .iter()
            .map(|(l, _)| *l)
            .find(|l| !taken.contains_key(l))
            .unwrap_or_else(|| fresh(ranked.first().map_or(0, |r| r.0), *group));
        taken.insert(label, *group);
        for i in list {
            target.insert(*i, label);
        }
    }
    let mut changes = Vec::new();
    for (i, label) in labels.iter().enumerate() {
        let want = match (target.get(&i), label) {
            (Some(t), _) => Some(*t),
            (None, Some(l)) if taken.contains_key(l) => Some(fresh(*l, i)),
            _ => None,
        };
        if let Some(want) = want {
            if Some(want) != *label {
                changes.push((i, want));
            }
        }
    }
    changes
}

/// A new label derived from an old one and a position.
fn fresh(label: u64, salt: usize) -> u64 {
    xxh3_64(&[label.to_le_bytes(), (salt as u64).to_le_bytes()].concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_keeps_its_majority_label_and_only_newcomers_change() {
        // Articles 0, 1, 2 are one story (two carry 7); 3 is alone with 9.
        let changes = relabel(&[Some(7), Some(7), Some(5), Some(9)], &[0, 0, 0, 3]);
        assert_eq!(changes, vec![(2, 7)]);
    }

    #[test]
    fn a_split_story_keeps_its_label_in_the_larger_part_only() {
        // 0..3 carried 7; now 0, 1 are one story, 2 another with 3, 4 alone with 7.
        let labels = [Some(7), Some(7), Some(7), Some(8), Some(7)];
        let changes = relabel(&labels, &[0, 0, 2, 2, 4]);
        let new: HashMap<usize, u64> = changes.into_iter().collect();
        assert!(!new.contains_key(&0) && !new.contains_key(&1));
        assert_eq!(new[&2], 8);
        assert!(new[&4] != 7 && new[&4] != 8);
        assert!(!new.contains_key(&3));
    }

    #[test]
    fn exact_copies_that_are_alone_keep_their_shared_label() {
        assert!(relabel(&[Some(4), Some(4), None], &[0, 1, 2]).is_empty());
    }
}
