//! One hit per story: every hit is grouped by its `story` column, each group keeps its
//! best hit (by score, or by date for `--sort date|oldest`) and its size, and groups
//! are ranked by their best hit. Runs over all hits, so the number of stories and of
//! copies per story are exact, and paging is over stories.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::Column;
use tantivy::{DateTime, DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::SortOrder;

/// Collects the stories of all hits.
pub struct StoryGroups {
    pub sort: SortOrder,
}

/// A story among the hits: its best hit and how many hits it has.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The story's label (none for an article indexed with `--no-stories`).
    pub story: Option<u64>,
    pub best: DocAddress,
    /// Score of the best hit (relevance order only).
    pub score: Option<Score>,
    /// Date of the best hit (date orders only).
    pub date: Option<i64>,
    pub hits: usize,
}

/// An article indexed without a story (`--no-stories`) is a story of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Story(u64),
    Alone(DocAddress),
}

impl StoryGroups {
    /// Whether `a` ranks before `b`: higher score, or newer (oldest: older) date with
    /// undated last; ties by address, as a stable page order.
    fn before(&self, a: &Group, b: &Group) -> Ordering {
        let by_key = match self.sort {
            SortOrder::Relevance => {
                let (x, y) = (a.score.unwrap_or(0.0), b.score.unwrap_or(0.0));
                y.partial_cmp(&x).unwrap_or(Ordering::Equal)
            }
            SortOrder::Date | SortOrder::Oldest => match (a.date, b.date) {
                (Some(x), Some(y)) if self.sort == SortOrder::Date => y.cmp(&x),
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            },
        };
        by_key.then(a.best.cmp(&b.best))
    }

    fn merge_into(&self, into: &mut HashMap<Key, Group>, key: Key, group: Group) {
        match into.get_mut(&key) {
            Some(known) => {
                let hits = known.hits + group.hits;
                if self.before(&group, known) == Ordering::Less {
                    *known = group;
                }
                known.hits = hits;
            }
            None => {
                into.insert(key, group);
            }
        }
    }
}

impl Collector for StoryGroups {
    type Fruit = Vec<Group>;
    type Child = SegmentGroups;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentGroups> {
        let fast = reader.fast_fields();
        Ok(SegmentGroups {
            segment_ord,
            story: fast.u64("story")?,
            date: fast.date("date")?,
            sort: self.sort,
            groups: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        self.sort == SortOrder::Relevance
    }

    fn merge_fruits(&self, fruits: Vec<Vec<(Key, Group)>>) -> tantivy::Result<Vec<Group>> {
        let mut all: HashMap<Key, Group> = HashMap::new();
        for fruit in fruits {
            for (key, group) in fruit {
                self.merge_into(&mut all, key, group);
            }
        }
        let mut groups: Vec<Group> = all.into_values().collect();
        groups.sort_by(|a, b| self.before(a, b));
        Ok(groups)
    }
}

/// The stories of one segment's hits.
pub struct SegmentGroups {
    segment_ord: SegmentOrdinal,
    story: Column<u64>,
    date: Column<DateTime>,
    sort: SortOrder,
    groups: HashMap<Key, Group>,
}

impl SegmentCollector for SegmentGroups {
    type Fruit = Vec<(Key, Group)>;

    fn collect(&mut self, doc: DocId, score: Score) {
        let best = DocAddress::new(self.segment_ord, doc);
        let key = self.story.first(doc).map_or(Key::Alone(best), Key::Story);
        let group = Group {
            story: self.story.first(doc),
            best,
            score: (self.sort == SortOrder::Relevance).then_some(score),
            date: match self.sort {
                SortOrder::Relevance => None,
                _ => self.date.first(doc).map(|d| d.into_timestamp_micros()),
            },
            hits: 1,
        };
        StoryGroups { sort: self.sort }.merge_into(&mut self.groups, key, group);
    }

    fn harvest(self) -> Self::Fruit {
        self.groups.into_iter().collect()
    }
}

/// The stories of the hits stamped at or before a watermark: what a saved query's
/// earlier runs already reported, so `--new` does not report a story again when a new
/// copy of it arrives.
pub struct StoriesBefore {
    pub watermark: DateTime,
}

impl Collector for StoriesBefore {
    type Fruit = HashSet<u64>;
    type Child = SegmentStoriesBefore;

    fn for_segment(
        &self,
        _segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentStoriesBefore> {
        let fast = reader.fast_fields();
        Ok(SegmentStoriesBefore {
            story: fast.u64("story")?,
            stamp: fast.date("indexed_at")?,
            watermark: self.watermark,
            found: HashSet::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<HashSet<u64>>) -> tantivy::Result<HashSet<u64>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

/// [`StoriesBefore`] on one segment.
pub struct SegmentStoriesBefore {
    story: Column<u64>,
    stamp: Column<DateTime>,
    watermark: DateTime,
    found: HashSet<u64>,
}

impl SegmentCollector for SegmentStoriesBefore {
    type Fruit = HashSet<u64>;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let old = self.stamp.first(doc).is_some_and(|s| s <= self.watermark);
        if let (true, Some(story)) = (old, self.story.first(doc)) {
            self.found.insert(story);
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(doc: u32, score: f32, date: Option<i64>) -> Group {
        Group {
            story: Some(1),
            best: DocAddress::new(0, doc),
            score: Some(score),
            date,
            hits: 1,
        }
    }

    #[test]
    fn a_story_keeps_its_best_hit_and_counts_all() {
        let by_score = StoryGroups {
            sort: SortOrder::Relevance,
        };
        let mut map = HashMap::new();
        by_score.merge_into(&mut map, Key::Story(1), group(3, 1.0, None));
        by_score.merge_into(&mut map, Key::Story(1), group(5, 2.0, None));
        by_score.merge_into(&mut map, Key::Story(1), group(4, 0.5, None));
        let g = &map[&Key::Story(1)];
        assert_eq!((g.best.doc_id, g.hits), (5, 3));
    }

    #[test]
    fn date_orders_put_undated_stories_last() {
        let newest = StoryGroups {
            sort: SortOrder::Date,
        };
        let (old, new, undated) = (
            group(1, 0.0, Some(1)),
            group(2, 0.0, Some(9)),
            group(3, 0.0, None),
        );
        assert_eq!(newest.before(&new, &old), Ordering::Less);
        assert_eq!(newest.before(&undated, &old), Ordering::Greater);
        let oldest = StoryGroups {
            sort: SortOrder::Oldest,
        };
        assert_eq!(oldest.before(&old, &new), Ordering::Less);
        assert_eq!(oldest.before(&undated, &new), Ordering::Greater);
    }
}
