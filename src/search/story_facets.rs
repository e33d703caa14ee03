//! Facets that count stories, not articles (`--count stories`): a wire story filed
//! five times names its people five times and makes its day spike five times; counted
//! by story it weighs what one story weighs.
//!
//! A value counts the distinct stories among the hits that list it. In the date
//! histogram a story counts once, on the first day one of its hits is dated (when it
//! broke), so the buckets add up to the dated stories. An article indexed with
//! `--no-stories` is a story of its own. Exact, like the article counts: every hit is
//! read, no sketch.

use std::collections::{HashMap, HashSet};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DateTime, DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

use super::collapse::Key;
use super::facets::FacetKind;

/// Counts the stories behind each facet value of the hits.
pub struct StoryFacets {
    /// The term facets to count (the date histogram is always counted).
    pub kinds: Vec<FacetKind>,
}

/// What [`StoryFacets`] found over all hits.
#[derive(Debug, Default)]
pub struct StoryTally {
    /// Per facet, each value with the number of distinct stories listing it.
    pub terms: HashMap<&'static str, Vec<(String, u64)>>,
    /// Stories by the first day one of their hits is dated.
    pub days: Vec<(chrono::NaiveDate, u64)>,
    /// Distinct stories among the hits.
    pub stories: u64,
}

/// A facet's column in one segment, with the stories of each value (by ord).
type FacetColumn = (&'static str, Option<StrColumn>, HashMap<u64, HashSet<Key>>);

/// One segment's stories per value and first days, before ords become names.
pub struct SegmentTally {
    segment_ord: SegmentOrdinal,
    story: Column<u64>,
    date: Column<DateTime>,
    columns: Vec<FacetColumn>,
    first_day: HashMap<Key, Option<i64>>,
}

/// [`SegmentTally`] with names resolved: what segments hand over to be merged.
pub struct SegmentFruit {
    names: Vec<(&'static str, HashMap<String, HashSet<Key>>)>,
    first_day: HashMap<Key, Option<i64>>,
    /// Why a value could not be read back from its column, if one could not.
    unreadable: Option<std::io::Error>,
}

impl Collector for StoryFacets {
    type Fruit = StoryTally;
    type Child = SegmentTally;

    fn for_segment(
        &self,
        segment_ord: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentTally> {
        let fast = reader.fast_fields();
        let mut columns = Vec::new();
        for kind in &self.kinds {
            if let Some(field) = kind.field() {
                columns.push((kind.name(), fast.str(field)?, HashMap::new()));
            }
        }
        Ok(SegmentTally {
            segment_ord,
            story: fast.u64("story")?,
            date: fast.date("date")?,
            columns,
            first_day: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<SegmentFruit>) -> tantivy::Result<StoryTally> {
        let mut names: HashMap<&'static str, HashMap<String, HashSet<Key>>> = HashMap::new();
        let mut first_day: HashMap<Key, Option<i64>> = HashMap::new();
        for fruit in fruits {
            if let Some(e) = fruit.unreadable {
                return Err(tantivy::TantivyError::IoError(std::sync::Arc::new(e)));
            }
            for (facet, values) in fruit.names {
                let merged = names.entry(facet).or_default();
                for (value, stories) in values {
                    merged.entry(value).or_default().extend(stories);
                }
            }
            for (key, day) in fruit.first_day {
                let known = first_day.entry(key).or_insert(day);
                *known = earliest(*known, day);
            }
        }
        let terms = names
            .into_iter()
            .map(|(facet, values)| {
                let counted = values
                    .into_iter()
                    .map(|(value, stories)| (value, stories.len() as u64))
                    .collect();
                (facet, counted)
            })
            .collect();
        let mut per_day: HashMap<i64, u64> = HashMap::new();
        for day in first_day.values().flatten() {
            *per_day.entry(*day).or_default() += 1;
        }
        let mut days: Vec<(chrono::NaiveDate, u64)> = per_day
            .into_iter()
            .filter_map(|(day, n)| Some((day_of(day)?, n)))
            .collect();
        days.sort();
        Ok(StoryTally {
            terms,
            days,
            stories: first_day.len() as u64,
        })
    }
}

impl SegmentCollector for SegmentTally {
    type Fruit = SegmentFruit;

    fn collect(&mut self, doc: DocId, _score: Score) {
        let key = self.story.first(doc).map_or_else(
            || Key::Alone(DocAddress::new(self.segment_ord, doc)),
            Key::Story,
        );
        let day = self
            .date
            .first(doc)
            .map(|d| d.into_timestamp_secs().div_euclid(86_400));
        let known = self.first_day.entry(key).or_insert(day);
        *known = earliest(*known, day);
        for (_, column, stories) in &mut self.columns {
            if let Some(column) = column {
                for ord in column.term_ords(doc) {
                    stories.entry(ord).or_default().insert(key);
                }
            }
        }
    }

    fn harvest(self) -> SegmentFruit {
        let mut unreadable = None;
        let names = self
            .columns
            .into_iter()
            .map(|(facet, column, by_ord)| {
                let mut named: HashMap<String, HashSet<Key>> = HashMap::new();
                if let Some(column) = column {
                    // Names in ordinal order, the dictionary streamed once: one
                    // `ord_to_str` per value decompressed a block each, 20x slower.
                    let mut by_ord: Vec<(u64, HashSet<Key>)> = by_ord.into_iter().collect();
                    by_ord.sort_unstable_by_key(|(ord, _)| *ord);
                    let ords: Vec<u64> = by_ord.iter().map(|(ord, _)| *ord).collect();
                    let mut names: Vec<String> = Vec::with_capacity(ords.len());
                    let found = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                        names.push(String::from_utf8_lossy(bytes).into_owned())
                    });
                    match found {
                        // A value that cannot be read would silently go missing from
                        // the counts: the search fails instead.
                        Ok(true) if names.len() == by_ord.len() => {
                            for (name, (_, stories)) in names.into_iter().zip(by_ord) {
                                named.entry(name).or_default().extend(stories);
                            }
                        }
                        Ok(_) => {
                            unreadable.get_or_insert_with(|| {
                                std::io::Error::other(format!(
                                    "the {facet} column lacks some of its value numbers"
                                ))
                            });
                        }
                        Err(e) => {
                            unreadable.get_or_insert(e);
                        }
                    }
                }
                (facet, named)
            })
            .collect();
        SegmentFruit {
            names,
            first_day: self.first_day,
            unreadable,
        }
    }
}

/// The earlier of two optional days; a dated one beats none.
fn earliest(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, y) => x.or(y),
    }
}

/// Days since the epoch as a calendar day.
fn day_of(days: i64) -> Option<chrono::NaiveDate> {
    chrono::DateTime::from_timestamp(days.checked_mul(86_400)?, 0).map(|d| d.date_naive())
}
