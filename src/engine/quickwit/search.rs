//! A dateline search answered by Quickwit: the request body (query, page, sort,
//! facets as aggregations) and the answer turned back into dateline's hits and facets,
//! for dateline's own renderers. Pure functions of JSON, so the contract tests can
//! check both directions without a server.

use std::collections::HashMap;

use chrono::{DateTime as ChronoDateTime, NaiveDate};
use serde_json::{json, Map, Value};

use super::snippet::Snippets;
use super::translate::{self, Expr};
use super::EngineError;
use crate::entity::Entities;
use crate::index::document::StoredArticle;
use crate::search::facets::{CountUnit, FacetKind, FacetRequest, Facets};
use crate::search::{Hit, SearchRequest, SortOrder};

/// Every split reports every value it has, so merged counts are exact (Quickwit's
/// default per-split lists are short and undercount values near the cut-off).
const SPLIT_SIZE: u64 = 1_000_000;

/// A search ready to send: the query text (`None`: nothing can match, send nothing).
pub struct Prepared {
    pub query: Option<String>,
    /// The tree's translation, for snippets.
    pub expr: Expr,
}

/// Translates the request's query and filters (`tree` is `query::resolve`'s).
pub fn prepare(
    tree: &crate::query::Node,
    request: &SearchRequest,
) -> Result<Prepared, EngineError> {
    if request.facets.count == CountUnit::Stories && !request.facets.is_empty() {
        return Err(EngineError::Unsupported(translate::Unsupported {
            construct: "--count stories".into(),
            reason: "the export carries no wire-copy stories; count articles, or run it on the local index",
        }));
    }
    let expr = translate::translate(tree)?;
    Ok(Prepared {
        query: translate::render(&expr),
        expr,
    })
}

/// The body of one search request: `max_hits` hits from `offset`, in `sort` order,
/// with the facets' aggregations when `facets` is set.
pub fn request_body(
    query: &str,
    sort: SortOrder,
    offset: usize,
    max_hits: usize,
    facets: Option<&FacetRequest>,
) -> Value {
    let mut body = Map::new();
    body.insert("query".into(), json!(query));
    body.insert("max_hits".into(), json!(max_hits));
    body.insert("start_offset".into(), json!(offset));
    // Quickwit's sort mini-language: a bare name is descending, `-name` ascending.
    let sort_by = match sort {
        SortOrder::Relevance => "_score",
        SortOrder::Date => "date",
        SortOrder::Oldest => "-date",
    };
    body.insert("sort_by".into(), json!(sort_by));
    if let Some(facets) = facets.filter(|f| !f.is_empty()) {
        body.insert("aggs".into(), aggregations(facets));
    }
    Value::Object(body)
}

/// The whole archive's per-day counts (for `--share`): no hits, one histogram.
pub fn archive_body() -> Value {
    json!({
        "query": "*",
        "max_hits": 0,
        "aggs": {"date": day_histogram()},
    })
}

fn day_histogram() -> Value {
    json!({"date_histogram": {"field": "date", "fixed_interval": "1d", "min_doc_count": 1}})
}

fn aggregations(facets: &FacetRequest) -> Value {
    let mut aggs = Map::new();
    for kind in &facets.kinds {
        let agg = match quickwit_field(*kind) {
            Some(field) => json!({
                "terms": {
                    "field": field,
                    "size": facets.size.max(1),
                    "split_size": SPLIT_SIZE,
                    "segment_size": SPLIT_SIZE,
                    "order": {"_count": "desc"},
                }
            }),
            None => day_histogram(),
        };
        aggs.insert(kind.name().to_string(), agg);
    }
    Value::Object(aggs)
}

/// The exported field a term facet counts (entity fields and source are fast there).
fn quickwit_field(kind: FacetKind) -> Option<&'static str> {
    match kind {
        FacetKind::People => Some("people"),
        FacetKind::Orgs => Some("orgs"),
        FacetKind::Places => Some("places"),
        FacetKind::Source => Some("source"),
        FacetKind::Date | FacetKind::Speakers | FacetKind::Stances => None,
    }
}

/// Facets Quickwit cannot count the same way, refused before anything is sent.
pub fn check_facets(facets: &FacetRequest) -> Result<(), EngineError> {
    for kind in &facets.kinds {
        if matches!(kind, FacetKind::Speakers | FacetKind::Stances) {
            return Err(EngineError::Unsupported(translate::Unsupported {
                construct: format!("--facets {}", kind.name()),
                reason: "attributions are not exported; run it on the local index",
            }));
        }
    }
    Ok(())
}

/// The number of matching articles in an answer.
pub fn total(response: &Value) -> Result<usize, EngineError> {
    response
        .get("num_hits")
        .and_then(Value::as_u64)
        .map(|n| n as usize)
        .ok_or_else(|| EngineError::Response("the answer has no num_hits".into()))
}

/// The answer's hits, as dateline hits (snippets made here, from the body).
pub fn hits(response: &Value, snippets: &mut Snippets) -> Result<Vec<Hit>, EngineError> {
    let Some(docs) = response.get("hits").and_then(Value::as_array) else {
        return Err(EngineError::Response("the answer has no hits list".into()));
    };
    Ok(docs
        .iter()
        .map(|doc| {
            let article = article(doc);
            let (snippet, highlights) = snippets.of(&article.body);
            Hit::new(article, None, snippet, highlights)
        })
        .collect())
}

/// An exported document back as a stored article. The export writes `date` as the
/// stored moment (the day, and the time when `time_zone` says one was given).
pub fn article(doc: &Value) -> StoredArticle {
    let text = |key: &str| doc.get(key).and_then(Value::as_str).map(str::to_string);
    let list = |key: &str| -> Vec<String> {
        match doc.get(key) {
            Some(Value::Array(values)) => values
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            Some(Value::String(one)) => vec![one.clone()],
            _ => Vec::new(),
        }
    };
    let moment = text("date").and_then(|d| ChronoDateTime::parse_from_rfc3339(&d).ok());
    let time_zone = text("time_zone");
    StoredArticle {
        id: text("id").unwrap_or_default(),
        path: text("path").unwrap_or_default(),
        title: text("title").unwrap_or_default(),
        date: moment.map(|m| m.format("%Y-%m-%d").to_string()),
        time: moment
            .filter(|_| time_zone.is_some())
            .map(|m| m.format("%H:%M:%S").to_string()),
        time_zone,
        date_source: text("date_source"),
        source: text("source"),
        url: text("url"),
        entities: Entities {
            people: list("people"),
            orgs: list("orgs"),
            places: list("places"),
        },
        indexed_at: None,
        story: None,
        body: text("body").unwrap_or_default(),
    }
}

/// The answer's aggregations as dateline's facets over `total` hits.
pub fn facets(response: &Value, request: &FacetRequest, total: usize) -> Facets {
    let aggs = response.get("aggregations");
    let mut terms: HashMap<&'static str, Vec<(String, u64)>> = HashMap::new();
    let mut days = None;
    for kind in &request.kinds {
        let Some(agg) = aggs.and_then(|a| a.get(kind.name())) else {
            continue;
        };
        if *kind == FacetKind::Date {
            days = Some(histogram_days(agg));
        } else {
            let values = buckets(agg)
                .filter_map(|b| {
                    let key = b.get("key").and_then(Value::as_str)?;
                    Some((key.to_string(), doc_count(b)))
                })
                .collect();
            terms.insert(kind.name(), values);
        }
    }
    request.assemble(terms, days, total as u64)
}

/// Per-day counts of a `date` histogram aggregation.
pub fn histogram_days(agg: &Value) -> Vec<(NaiveDate, u64)> {
    buckets(agg)
        .filter(|b| doc_count(b) > 0)
        .filter_map(|b| {
            let day = match b.get("key_as_string").and_then(Value::as_str) {
                Some(text) => ChronoDateTime::parse_from_rfc3339(text).ok()?.date_naive(),
                None => {
                    let millis = b.get("key").and_then(Value::as_f64)? as i64;
                    ChronoDateTime::from_timestamp_millis(millis)?.date_naive()
                }
            };
            Some((day, doc_count(b)))
        })
        .collect()
}

fn buckets(agg: &Value) -> impl Iterator<Item = &Value> {
    agg.get("buckets")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
}

fn doc_count(bucket: &Value) -> u64 {
    bucket.get("doc_count").and_then(Value::as_u64).unwrap_or(0)
}
