//! Facets over the whole result set: the most frequent people, organizations, places
//! and sources, and a calendar histogram of publication dates.
//!
//! Counts come from tantivy aggregations on fast fields (`*_exact` columns hold each
//! article's canonical names), computed in the same pass that counts the hits, so they
//! cover every match, not just the page shown. tantivy's date histogram has fixed
//! intervals only; dates are counted per day and folded here into calendar weeks,
//! months or years.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::choice::Choice;
use crate::entity::EntityKind;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::agg_result::{AggregationResult, AggregationResults, BucketResult};
use tantivy::aggregation::{AggContextParams, AggregationCollector, AggregationLimitsGuard, Key};

crate::choice_enum! {
    /// Facets a user can ask for.
    #[derive(
        Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
    )]
    #[serde(rename_all = "lowercase")]
    pub enum FacetKind {
        People = "people": "The people the hits name.",
        Orgs = "orgs": "The organizations the hits name.",
        Places = "places": "The places the hits name.",
        Source = "source": "Where the hits come from (the archive folder or feed).",
        Date = "date": "The date histogram.",
        Speakers = "speakers": "Who speaks in the hits' attributions (not part of `all`).",
        Stances = "stances": "How they speak: stance classes (not part of `all`).",
    }
}

impl From<EntityKind> for FacetKind {
    fn from(kind: EntityKind) -> FacetKind {
        match kind {
            EntityKind::Person => FacetKind::People,
            EntityKind::Org => FacetKind::Orgs,
            EntityKind::Place => FacetKind::Places,
        }
    }
}

impl FacetKind {
    /// Every facet `--facets all` shows: the article's own entities, source and dates
    /// (speakers and stances are asked for by name).
    pub const SHOWN_BY_ALL: [FacetKind; 5] = [
        FacetKind::People,
        FacetKind::Orgs,
        FacetKind::Places,
        FacetKind::Source,
        FacetKind::Date,
    ];

    /// The entity facets, in [`EntityKind::ALL`] order.
    pub const ENTITIES: [FacetKind; 3] = [FacetKind::People, FacetKind::Orgs, FacetKind::Places];

    /// The entity kind an entity facet counts.
    pub fn entity(self) -> Option<EntityKind> {
        match self {
            FacetKind::People => Some(EntityKind::Person),
            FacetKind::Orgs => Some(EntityKind::Org),
            FacetKind::Places => Some(EntityKind::Place),
            _ => None,
        }
    }

    /// Name in output.
    pub fn name(self) -> &'static str {
        match self {
            FacetKind::People | FacetKind::Orgs | FacetKind::Places => {
                self.entity().map_or("", EntityKind::field)
            }
            FacetKind::Source => "source",
            FacetKind::Date => "date",
            FacetKind::Speakers => "speakers",
            FacetKind::Stances => "stances",
        }
    }

    /// The fast field counted, for term facets.
    pub(super) fn field(self) -> Option<&'static str> {
        match self {
            FacetKind::People | FacetKind::Orgs | FacetKind::Places => {
                self.entity().map(EntityKind::exact_field)
            }
            FacetKind::Source => Some("source_exact"),
            FacetKind::Speakers => Some("speakers_exact"),
            FacetKind::Stances => Some("stances"),
            FacetKind::Date => None,
        }
    }
}

crate::choice_enum! {
    /// Histogram bucket width.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum Interval {
        #[default]
        Auto = "auto": "The finest of day, week, month and year that draws the hits' span in at most 40 buckets (year beyond that).",
        Day = "day": "One bar per day.",
        Week = "week": "One bar per ISO week (Monday first).",
        Month = "month": "One bar per month.",
        Year = "year": "One bar per year.",
    }
}

/// One value of a term facet.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct FacetValue {
    pub value: String,
    pub count: u64,
}

/// One calendar bucket of the date histogram.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DateBucket {
    /// First day of the bucket, `YYYY-MM-DD`.
    pub start: String,
    pub count: u64,
    /// Articles of the whole index in the bucket: 0 means the archive has nothing
    /// there, which is not the same as no hits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archive: Option<u64>,
    /// `count / archive`, when the archive has articles in the bucket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
}

/// Computed facets.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    /// Term facets by name, most frequent first.
    #[serde(flatten)]
    pub terms: BTreeMap<&'static str, Vec<FacetValue>>,
    /// Date histogram buckets, oldest first, empty buckets included.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Vec<DateBucket>>,
    /// Bucket width used (`day`, `week`, `month`, `year`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_interval: Option<&'static str>,
    /// Hits without a publication date (not in the histogram).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_undated: Option<u64>,
    /// Dated hits outside the histogram's window (`--facets date:FROM..TO`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_outside: Option<u64>,
    /// Draw the histogram as each bucket's share of the archive (`--share`).
    #[serde(skip)]
    pub share: bool,
    /// `stories` when every count is of stories (`--count stories`); absent when
    /// they count articles, the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted: Option<CountUnit>,
    /// Per term facet cut at the facet size, how many of its values the list leaves
    /// out: a list that stops at ten must say it is not all there is.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub left_out: BTreeMap<&'static str, LeftOut>,
}

/// The values a term facet's list leaves out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    /// How many values are not listed (or at least how many, see `at_least`).
    pub values: u64,
    /// Only a lower bound: the counting itself stopped before the last value (the
    /// search fetches a few times the facet size, not every value).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub at_least: bool,
}

/// A term facet's values with their counts, in any order, as one source counted
/// them (the aggregation, a story tally, Quickwit).
#[derive(Debug, Clone, Default)]
pub struct Counted {
    pub values: Vec<(String, u64)>,
    /// True when the hits have no value outside `values`; false when the counting
    /// returned only the top of the list.
    pub complete: bool,
}

impl Facets {
    /// Adds the whole archive's count (and the hits' share of it) to each histogram
    /// bucket, from the archive's per-day counts.
    pub fn attach_archive(&mut self, archive_days: &[(NaiveDate, u64)]) {
        let (Some(buckets), Some(name)) = (self.date.as_mut(), self.date_interval) else {
            return;
        };
        let interval = match Interval::from_name(name) {
            Some(Interval::Auto) | None => Interval::Day,
            Some(resolved) => resolved,
        };
        let mut per_bucket: BTreeMap<String, u64> = BTreeMap::new();
        for (day, count) in archive_days {
            let start = bucket_start(*day, interval).format("%Y-%m-%d").to_string();
            *per_bucket.entry(start).or_default() += count;
        }
        for bucket in buckets {
            let archive = per_bucket.get(&bucket.start).copied().unwrap_or(0);
            bucket.archive = Some(archive);
            bucket.share = (archive > 0).then(|| bucket.count as f64 / archive as f64);
        }
    }
}

crate::choice_enum! {
    /// What facets and the date histogram count.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum CountUnit {
        #[default]
        Articles = "articles": "Every matching article, copies included: what `entities` and `stats` count too.",
        Stories = "stories": "Distinct stories: a story filed as five wire copies counts once (in the date histogram, on the first day it appeared).",
    }
}

/// What to compute.
#[derive(Debug, Clone, Default)]
pub struct FacetRequest {
    pub kinds: Vec<FacetKind>,
    /// Articles or stories.
    pub count: CountUnit,
    pub size: usize,
    pub interval: Interval,
    /// Draw the date histogram as shares of the archive.
    pub share: bool,
    /// The days the date histogram covers (`--facets date:FROM..TO`).
    pub window: DateWindow,
    /// Count every value of each facet, so that a cut list says exactly how many
    /// values it left out. Name listings (`entities`) want that; a search's facets
    /// go without (it means reading the whole term dictionary) and say "at least".
    pub exact: bool,
}

impl FacetRequest {
    /// The facets a list of `--facets` items asks for (`people`, `all`,
    /// `date:FROM..TO`, ...), each once in the order first named, and the histogram's
    /// window when one is given.
    pub fn kinds_from_items(items: &[String]) -> Result<(Vec<FacetKind>, DateWindow), String> {
        let mut kinds: Vec<FacetKind> = Vec::new();
        let mut window = DateWindow::default();
        for item in items {
            let (chosen, item_window) = facet_item(item)?;
            if let Some(item_window) = item_window {
                window = item_window;
            }
            for kind in chosen {
                if !kinds.contains(&kind) {
                    kinds.push(kind);
                }
            }
        }
        Ok((kinds, window))
    }
}

/// One `--facets` item (also the web page's `facets` parameter): the facets it names
/// and, for `date:FROM..TO`, the histogram's window. The error names every choice.
pub fn facet_item(item: &str) -> Result<(Vec<FacetKind>, Option<DateWindow>), String> {
    if let Some(range) = item.strip_prefix("date:") {
        return Ok((vec![FacetKind::Date], Some(DateWindow::parse(range)?)));
    }
    if item == "all" {
        return Ok((FacetKind::SHOWN_BY_ALL.to_vec(), None));
    }
    match FacetKind::from_name(item) {
        Some(kind) => Ok((vec![kind], None)),
        None => Err(format!(
            "`{item}`: facets are people, orgs, places, source, date (or date:FROM..TO), \
             speakers, stances or all"
        )),
    }
}

/// The days a date histogram draws, each end open or a day (inclusive): the same
/// window on two searches lines their timelines up, empty ends included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateWindow {
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

impl DateWindow {
    /// Parses `FROM..TO` (either may be empty) of partial dates: `1987-03..1987-06`
    /// covers March to June.
    pub fn parse(text: &str) -> Result<DateWindow, String> {
        let (from, to) = text
            .split_once("..")
            .ok_or_else(|| format!("`{text}`: a date window is FROM..TO, e.g. 1987-03..1987-06"))?;
        let span = |s: &str| -> Result<Option<crate::query::DateSpan>, String> {
            let s = s.trim();
            if s.is_empty() {
                Ok(None)
            } else {
                s.parse().map(Some)
            }
        };
        let window = DateWindow {
            first: span(from)?.map(|s| s.start.date()),
            last: span(to)?.map(|s| (s.end_exclusive - chrono::Duration::seconds(1)).date()),
        };
        if let (Some(first), Some(last)) = (window.first, window.last) {
            if last < first {
                return Err(format!("`{text}`: the window ends before it starts"));
            }
        }
        Ok(window)
    }

    fn contains(&self, day: NaiveDate) -> bool {
        self.first.is_none_or(|f| day >= f) && self.last.is_none_or(|l| day <= l)
    }
}

impl FacetRequest {
    /// True when no facet was asked for.
    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The aggregation collector for this request over an index of `segments`
    /// segments.
    pub fn collector(&self, segments: usize) -> Result<AggregationCollector, String> {
        if self.exact {
            return self.exact_collector();
        }
        let fetched = self.fetched();
        self.collector_reading(fetched, if segments <= 1 { fetched } else { EVERY_VALUE })
    }

    /// A collector that lists every value of the hits, for when the values tied at the
    /// cut-off ran past what [`FacetRequest::collector`] fetched
    /// ([`FacetRequest::finish`] says so): which of them make the list must not be
    /// chance.
    pub fn exact_collector(&self) -> Result<AggregationCollector, String> {
        self.collector_reading(EVERY_VALUE, EVERY_VALUE)
    }

    /// How many values of each facet the collector returns: more than shown, so the
    /// values tied at the cut-off can be put in alphabetical order.
    fn fetched(&self) -> usize {
        self.size.max(1) * 2 + 10
    }

    /// The collector returning `size` values of each facet, each segment naming its
    /// top `segment_size`.
    fn collector_reading(
        &self,
        size: usize,
        segment_size: usize,
    ) -> Result<AggregationCollector, String> {
        // Counts must be exact. Tantivy merges per-segment top lists, so with several
        // segments every segment must report all its candidates, or values near the
        // cut-off are undercounted. With one segment (what `dateline index` leaves after
        // a large run) its own top list is the answer, and naming only those values
        // saves reading most of the term dictionary: the bulk of a faceted query's time.
        let mut request = serde_json::Map::new();
        for kind in &self.kinds {
            let agg = match kind.field() {
                Some(field) => serde_json::json!({
                    "terms": {
                        "field": field,
                        "size": size,
                        "segment_size": segment_size,
                        "order": {"_count": "desc"}
                    }
                }),
                None => serde_json::json!({
                    "date_histogram": {"field": "date", "fixed_interval": "1d", "min_doc_count": 1}
                }),
            };
            request.insert(kind.name().to_string(), agg);
        }
        let aggs: Aggregations = serde_json::from_value(serde_json::Value::Object(request))
            .map_err(|e| format!("building the facet request: {e}"))?;
        Ok(AggregationCollector::from_aggs(
            aggs,
            AggContextParams::new(limits(), Default::default()),
        ))
    }

    /// The collector of the whole archive's per-day counts, for
    /// [`Facets::attach_archive`] (run over all articles).
    pub fn archive_collector() -> Result<AggregationCollector, String> {
        let aggs: Aggregations = serde_json::from_value(serde_json::json!({
            "date": {"date_histogram": {"field": "date", "fixed_interval": "1d", "min_doc_count": 1}}
        }))
        .map_err(|e| format!("building the archive histogram: {e}"))?;
        Ok(AggregationCollector::from_aggs(
            aggs,
            AggContextParams::new(limits(), Default::default()),
        ))
    }

    /// The per-day counts of [`FacetRequest::archive_collector`]'s results.
    pub fn archive_days(results: &AggregationResults) -> Vec<(NaiveDate, u64)> {
        match results.0.get("date") {
            Some(AggregationResult::BucketResult(BucketResult::Histogram { buckets })) => buckets
                .iter()
                .filter_map(|b| Some((day_of_key(&b.key)?, b.doc_count)))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// True when a term facet's values tied with its last shown one may run past the
    /// values `results` holds (the list came back full and its last value still has
    /// the cut-off's count): the search must run again with
    /// [`FacetRequest::exact_collector`].
    pub fn ties_cut(&self, results: &AggregationResults) -> bool {
        if self.exact {
            return false;
        }
        let shown = self.size.max(1);
        self.kinds.iter().any(|kind| {
            let Some(AggregationResult::BucketResult(BucketResult::Terms { buckets, .. })) =
                results.0.get(kind.name())
            else {
                return false;
            };
            let full = buckets.len() >= self.fetched();
            let (Some(at_cut), Some(last)) = (buckets.get(shown - 1), buckets.last()) else {
                return false;
            };
            full && at_cut.doc_count == last.doc_count
        })
    }

    /// Turns aggregation results into facets; `total` is the number of hits. Each
    /// term facet's values most first, ties in alphabetical order (so the list does
    /// not change from run to run), cut to the size asked for.
    pub fn finish(&self, results: AggregationResults, total: u64) -> Facets {
        let mut terms: HashMap<&'static str, Counted> = HashMap::new();
        let mut days = None;
        for kind in &self.kinds {
            let Some(AggregationResult::BucketResult(bucket)) = results.0.get(kind.name()) else {
                continue;
            };
            match (kind, bucket) {
                (FacetKind::Date, BucketResult::Histogram { buckets }) => {
                    days = Some(
                        buckets
                            .iter()
                            .filter_map(|b| Some((day_of_key(&b.key)?, b.doc_count)))
                            .collect(),
                    );
                }
                (
                    _,
                    BucketResult::Terms {
                        buckets,
                        sum_other_doc_count,
                        ..
                    },
                ) => {
                    let values = buckets
                        .iter()
                        .filter_map(|b| match &b.key {
                            Key::Str(s) => Some((s.clone(), b.doc_count)),
                            _ => None,
                        })
                        .collect();
                    // Tantivy counts every value of the hits and returns the top ones;
                    // the rest show only as their summed count.
                    let complete = *sum_other_doc_count == 0;
                    terms.insert(kind.name(), Counted { values, complete });
                }
                _ => {}
            }
        }
        self.assemble(terms, days, total)
    }

    /// Turns a story tally ([`super::story_facets::StoryFacets`]) into facets: the
    /// same shapes, counting stories.
    pub fn finish_stories(&self, tally: super::story_facets::StoryTally) -> Facets {
        let terms = tally
            .terms
            .into_iter()
            // A tally counts every value.
            .map(|(name, values)| {
                (
                    name,
                    Counted {
                        values,
                        complete: true,
                    },
                )
            })
            .collect();
        let days = self.kinds.contains(&FacetKind::Date).then_some(tally.days);
        let mut facets = self.assemble(terms, days, tally.stories);
        facets.counted = Some(CountUnit::Stories);
        facets
    }

    /// Facets from each term facet's counted values and the per-day counts of the
    /// date histogram; `total` is what the counts add up to (hits or stories). Each
    /// list is put most first, ties in alphabetical order (so it does not change
    /// from run to run), and cut to the size asked for, noting what the cut left out.
    /// Public for engines that count elsewhere (`engine/`): one shape for every source.
    pub fn assemble(
        &self,
        mut terms: HashMap<&'static str, Counted>,
        days: Option<Vec<(NaiveDate, u64)>>,
        total: u64,
    ) -> Facets {
        let mut facets = Facets {
            share: self.share,
            ..Facets::default()
        };
        for kind in &self.kinds {
            if *kind == FacetKind::Date {
                let days = days.clone().unwrap_or_default();
                let dated: u64 = days.iter().map(|(_, c)| c).sum();
                let (inside, outside): (Vec<_>, Vec<_>) = days
                    .into_iter()
                    .partition(|(d, _)| self.window.contains(*d));
                let (interval, histogram) = fold_within(&inside, self.interval, self.window);
                facets.date = Some(histogram);
                facets.date_interval = Some(interval);
                facets.date_undated = Some(total.saturating_sub(dated));
                if self.window != DateWindow::default() {
                    facets.date_outside = Some(outside.iter().map(|(_, c)| c).sum());
                }
            } else if let Some(counted) = terms.remove(kind.name()) {
                let (values, left_out) = self.cut(counted);
                if let Some(left_out) = left_out {
                    facets.left_out.insert(kind.name(), left_out);
                }
                facets.terms.insert(kind.name(), values);
            }
        }
        facets
    }

    /// A facet's values most first (ties alphabetically), the first `size` of them,
    /// and what the rest were.
    fn cut(&self, counted: Counted) -> (Vec<FacetValue>, Option<LeftOut>) {
        let Counted {
            mut values,
            complete,
        } = counted;
        values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let shown = self.size.max(1);
        let beyond = values.len().saturating_sub(shown) as u64;
        let left_out = match (complete, beyond) {
            (true, 0) => None,
            (true, values) => Some(LeftOut {
                values,
                at_least: false,
            }),
            // Values past those counted exist: at least one more than fetched.
            (false, beyond) => Some(LeftOut {
                values: beyond + 1,
                at_least: true,
            }),
        };
        values.truncate(shown);
        let values = values
            .into_iter()
            .map(|(value, count)| FacetValue { value, count })
            .collect();
        (values, left_out)
    }
}

/// A segment size that lists every value a facet has in the hits.
const EVERY_VALUE: usize = 1_000_000;

/// Aggregation limits: tantivy's default stops at 65,000 buckets, which a large
/// archive's distinct names exceed (`entities --suspicious` and `stats` count every
/// name). Memory stays bounded by tantivy's default memory limit.
fn limits() -> AggregationLimitsGuard {
    AggregationLimitsGuard::new(None, Some(u32::MAX))
}

/// A histogram key (milliseconds since the epoch) as a day.
fn day_of_key(key: &Key) -> Option<NaiveDate> {
    let ms = match key {
        Key::F64(f) => *f as i64,
        Key::I64(i) => *i,
        Key::U64(u) => i64::try_from(*u).ok()?,
        Key::Str(_) => return None,
    };
    chrono::DateTime::from_timestamp_millis(ms).map(|d| d.date_naive())
}

/// Folds per-day counts into calendar buckets, filling gaps with zero buckets.
pub fn fold(days: &[(NaiveDate, u64)], interval: Interval) -> (&'static str, Vec<DateBucket>) {
    fold_within(days, interval, DateWindow::default())
}

/// Like [`fold`], drawing every bucket of `window` where it has a bound (the days'
/// own span where it is open).
pub fn fold_within(
    days: &[(NaiveDate, u64)],
    interval: Interval,
    window: DateWindow,
) -> (&'static str, Vec<DateBucket>) {
    let (Some(first), Some(last)) = (
        window.first.or_else(|| days.iter().map(|(d, _)| *d).min()),
        window.last.or_else(|| days.iter().map(|(d, _)| *d).max()),
    ) else {
        return (
            interval_name(resolve(interval, NaiveDate::MIN, NaiveDate::MIN)),
            Vec::new(),
        );
    };
    let interval = resolve(interval, first, last);
    let mut counts: BTreeMap<NaiveDate, u64> = BTreeMap::new();
    for (day, count) in days {
        *counts.entry(bucket_start(*day, interval)).or_default() += count;
    }
    let mut out = Vec::new();
    let mut start = bucket_start(first, interval);
    let end = bucket_start(last, interval);
    while start <= end {
        out.push(DateBucket {
            start: start.format("%Y-%m-%d").to_string(),
            count: counts.get(&start).copied().unwrap_or(0),
            archive: None,
            share: None,
        });
        start = next_bucket(start, interval);
    }
    (interval_name(interval), out)
}

/// Most buckets `auto` draws (unless even years need more).
const AUTO_MAX_BUCKETS: usize = 40;

fn resolve(interval: Interval, first: NaiveDate, last: NaiveDate) -> Interval {
    if interval != Interval::Auto {
        return interval;
    }
    let fits = |interval: Interval| {
        let end = bucket_start(last, interval);
        let mut start = bucket_start(first, interval);
        let mut n = 1;
        while start < end && n <= AUTO_MAX_BUCKETS {
            start = next_bucket(start, interval);
            n += 1;
        }
        n <= AUTO_MAX_BUCKETS
    };
    [Interval::Day, Interval::Week, Interval::Month]
        .into_iter()
        .find(|&i| fits(i))
        .unwrap_or(Interval::Year)
}

fn interval_name(interval: Interval) -> &'static str {
    match interval {
        Interval::Auto => "day",
        resolved => resolved.name(),
    }
}

/// The first day of the bucket holding `day` (weeks start on Monday).
fn bucket_start(day: NaiveDate, interval: Interval) -> NaiveDate {
    match interval {
        Interval::Day | Interval::Auto => day,
        Interval::Week => day - Duration::days(i64::from(day.weekday().num_days_from_monday())),
        Interval::Month => day.with_day(1).unwrap_or(day),
        Interval::Year => NaiveDate::from_ymd_opt(day.year(), 1, 1).unwrap_or(day),
    }
}

fn next_bucket(start: NaiveDate, interval: Interval) -> NaiveDate {
    match interval {
        Interval::Day | Interval::Auto => start + Duration::days(1),
        Interval::Week => start + Duration::days(7),
        Interval::Month => start
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(NaiveDate::MAX),
        Interval::Year => start
            .checked_add_months(chrono::Months::new(12))
            .unwrap_or(NaiveDate::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn days_fold_into_calendar_months_with_gaps_filled() {
        let days = [
            (d(1987, 2, 26), 3),
            (d(1987, 3, 1), 2),
            (d(1987, 3, 31), 1),
            (d(1987, 5, 2), 4),
        ];
        let (name, buckets) = fold(&days, Interval::Month);
        assert_eq!(name, "month");
        let got: Vec<(&str, u64)> = buckets
            .iter()
            .map(|b| (b.start.as_str(), b.count))
            .collect();
        assert_eq!(
            got,
            vec![
                ("1987-02-01", 3),
                ("1987-03-01", 3),
                ("1987-04-01", 0),
                ("1987-05-01", 4)
            ]
        );
    }

    #[test]
    fn auto_interval_follows_the_span_and_weeks_start_on_monday() {
        let (name, _) = fold(&[(d(2021, 1, 1), 1), (d(2021, 1, 20), 1)], Interval::Auto);
        assert_eq!(name, "day");
        let (name, b) = fold(&[(d(2021, 1, 6), 1), (d(2021, 4, 1), 1)], Interval::Auto);
        assert_eq!(name, "week");
        assert_eq!(b[0].start, "2021-01-04");
        let (name, b) = fold(&[(d(2019, 1, 1), 1), (d(2021, 1, 1), 1)], Interval::Auto);
        assert_eq!(name, "month");
        assert_eq!(b.len(), 25);
        // Never more than 40 buckets when months or coarser can do it.
        let (name, b) = fold(&[(d(2018, 1, 1), 1), (d(2021, 6, 1), 1)], Interval::Auto);
        assert_eq!(name, "year");
        assert_eq!(b.len(), 4);
        let (name, b) = fold(&[(d(1987, 2, 26), 1), (d(1987, 10, 20), 1)], Interval::Auto);
        assert_eq!((name, b.len()), ("week", 35));
        let (name, b) = fold(&[(d(1987, 6, 1), 1), (d(2021, 1, 1), 1)], Interval::Auto);
        assert_eq!(name, "year");
        assert_eq!(b.len(), 35);
        assert!(fold(&[], Interval::Auto).1.is_empty());
    }

    #[test]
    fn a_window_draws_its_whole_span_even_where_nothing_matched() {
        let window = DateWindow::parse("1987-01..1987-04").unwrap();
        assert_eq!(window.first, Some(d(1987, 1, 1)));
        assert_eq!(window.last, Some(d(1987, 4, 30)));
        let (name, b) = fold_within(&[(d(1987, 3, 2), 2)], Interval::Month, window);
        assert_eq!(name, "month");
        let got: Vec<(&str, u64)> = b.iter().map(|b| (b.start.as_str(), b.count)).collect();
        assert_eq!(
            got,
            [
                ("1987-01-01", 0),
                ("1987-02-01", 0),
                ("1987-03-01", 2),
                ("1987-04-01", 0)
            ]
        );
        let open = DateWindow::parse("1987-03..").unwrap();
        assert_eq!((open.first, open.last), (Some(d(1987, 3, 1)), None));
        assert!(DateWindow::parse("1987-04..1987-03").is_err());
        assert!(DateWindow::parse("1987").is_err());
    }

    #[test]
    fn archive_counts_tell_an_empty_archive_from_no_hits() {
        let mut facets = Facets {
            date: Some(fold(&[(d(1987, 3, 2), 2), (d(1987, 6, 1), 1)], Interval::Month).1),
            date_interval: Some("month"),
            ..Facets::default()
        };
        facets.attach_archive(&[(d(1987, 3, 5), 8), (d(1987, 4, 1), 3), (d(1987, 6, 9), 4)]);
        let got: Vec<(u64, Option<u64>, Option<f64>)> = facets
            .date
            .iter()
            .flatten()
            .map(|b| (b.count, b.archive, b.share))
            .collect();
        assert_eq!(
            got,
            vec![
                (2, Some(8), Some(0.25)),
                (0, Some(3), Some(0.0)),
                (0, Some(0), None),
                (1, Some(4), Some(0.25))
            ]
        );
    }
}
