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
use crate::search::facets::{CountUnit, Counted, FacetKind, FacetRequest, Facets};
use crate::search::{Hit, SearchRequest, SortOrder};

/// Every split (and segment) reports every value it has, and the answer lists them all,
/// so merged counts are exact (the default per-segment lists are ten times `size` and
/// undercount values near the cut-off) and the cut is made here, ties broken as
/// locally. Tantivy reads `split_size` and `shard_size` as `segment_size`.
const ALL_VALUES: u64 = 1_000_000;

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
                    // Every value: the list is cut here, ties in dateline's order.
                    "size": ALL_VALUES,
                    "segment_size": ALL_VALUES,
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

/// The number of matching articles in an answer. An answer from only some of the
/// index's splits (Quickwit lists the others under `errors`) is an error, never a
/// smaller count.
pub fn total(response: &Value) -> Result<usize, EngineError> {
    if let Some(errors) = response
        .get("errors")
        .and_then(Value::as_array)
        .filter(|e| !e.is_empty())
    {
        let listed: Vec<String> = errors.iter().map(Value::to_string).collect();
        return Err(EngineError::Response(format!(
            "Quickwit could not search every split, so its count would be short: {}",
            listed.join("; ")
        )));
    }
    response
        .get("num_hits")
        .and_then(Value::as_u64)
        .map(|n| n as usize)
        .ok_or_else(|| EngineError::Response("the answer has no num_hits".into()))
}

/// The answer's hits, as dateline hits (snippets made here, from the body;
/// `doc_freq` counts the articles whose body holds a word, see [`doc_freq_body`]).
pub fn hits(
    response: &Value,
    snippets: &mut Snippets,
    doc_freq: &mut dyn FnMut(&str) -> Result<u64, EngineError>,
) -> Result<Vec<Hit>, EngineError> {
    let Some(docs) = response.get("hits").and_then(Value::as_array) else {
        return Err(EngineError::Response("the answer has no hits list".into()));
    };
    docs.iter()
        .map(|doc| {
            let article = article(doc);
            let (snippet, highlights) = snippets.of(&article.body, doc_freq)?;
            Ok(Hit::new(article, None, snippet, highlights))
        })
        .collect()
}

/// The request that counts the articles whose body holds `stem` (an analyzer
/// token: letters and digits only, nothing to escape), for weighing snippet words
/// as local snippets do.
pub fn doc_freq_body(stem: &str) -> Value {
    json!({ "query": format!("body_stem:\"{stem}\""), "max_hits": 0 })
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
        metadata: crate::index::schema::SchemaSpec::shared()
            .map(|spec| crate::index::document::metadata_values(spec, |_, f| list(&f.name)))
            .unwrap_or_default(),
        body: text("body").unwrap_or_default(),
    }
}

/// The answer's aggregations as dateline's facets over `total` hits.
pub fn facets(response: &Value, request: &FacetRequest, total: usize) -> Facets {
    let aggs = response.get("aggregations");
    let mut terms: HashMap<&'static str, Counted> = HashMap::new();
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
            // The request asks for every value (ALL_VALUES); a count left over says
            // some were still not returned.
            let complete = agg
                .get("sum_other_doc_count")
                .and_then(Value::as_u64)
                .is_none_or(|other| other == 0);
            terms.insert(kind.name(), Counted { values, complete });
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

#[cfg(test)]
mod tests {
    //! Contract tests: the request dateline sends and the answers a real Quickwit 0.9
    //! gave to it (recorded from the corpus/ export; tests/fixtures/quickwit/).

    use super::*;
    use crate::search::facets::Interval;

    fn fixture(name: &str) -> Value {
        let text = match name {
            "deny-request" => include_str!("../../../tests/fixtures/quickwit/deny-request.json"),
            "deny-response" => include_str!("../../../tests/fixtures/quickwit/deny-response.json"),
            "empty-request" => include_str!("../../../tests/fixtures/quickwit/empty-request.json"),
            "empty-response" => {
                include_str!("../../../tests/fixtures/quickwit/empty-response.json")
            }
            _ => panic!("no fixture {name}"),
        };
        serde_json::from_str(text).expect("fixture is JSON")
    }

    fn people_and_dates() -> FacetRequest {
        FacetRequest {
            kinds: vec![FacetKind::People, FacetKind::Date],
            size: 3,
            interval: Interval::Year,
            ..Default::default()
        }
    }

    #[test]
    fn the_request_has_the_recorded_shape() {
        let body = request_body(
            r#"(title_stem:"deni"^2 OR body_stem:"deni")"#,
            SortOrder::Relevance,
            0,
            2,
            Some(&people_and_dates()),
        );
        assert_eq!(body, fixture("deny-request"));
        let body = request_body(r#"orgs:"opec""#, SortOrder::Date, 0, 10, None);
        assert_eq!(body, fixture("empty-request"));
        assert_eq!(
            request_body("*", SortOrder::Oldest, 5, 1, None)["sort_by"],
            "-date"
        );
    }

    #[test]
    fn hits_come_back_as_stored_articles_with_snippets() {
        let response = fixture("deny-response");
        assert_eq!(total(&response).expect("total"), 3);
        let tree = crate::query::parse("deny").expect("parses");
        let mut snippets = Snippets::for_tree(&tree);
        let mut asked = Vec::new();
        let mut doc_freq = |word: &str| {
            asked.push(word.to_string());
            Ok(2)
        };
        let hits = hits(&response, &mut snippets, &mut doc_freq).expect("hits");
        // Each matched word's article count is asked once, however many hits hold it.
        assert_eq!(asked, ["deni"]);
        let ids: Vec<&str> = hits.iter().map(|h| h.article.id.as_str()).collect();
        assert_eq!(
            ids,
            ["wikinews/md/afghan.md", "wikinews/wikinews-array.json#2"]
        );
        let first = &hits[0];
        assert_eq!(first.article.date.as_deref(), Some("2017-07-18"));
        assert_eq!(
            first.article.time, None,
            "no time of day without a time zone"
        );
        assert!(first
            .article
            .entities
            .people
            .contains(&"Donald Trump".to_string()));
        assert!(!first.highlights.is_empty(), "{}", first.snippet);
        let words: Vec<&str> = first
            .highlights
            .iter()
            .map(|[s, e]| &first.snippet[*s..*e])
            .collect();
        assert!(
            words.iter().all(|w| w.to_lowercase().starts_with("deni")),
            "{words:?}"
        );
    }

    #[test]
    fn facets_are_cut_and_ordered_as_locally() {
        let response = fixture("deny-response");
        let facets = facets(&response, &people_and_dates(), 3);
        let people = &facets.terms["people"];
        assert_eq!(people.len(), 3);
        assert!(people
            .windows(2)
            .all(|w| w[0].count > w[1].count
                || (w[0].count == w[1].count && w[0].value < w[1].value)));
        assert_eq!(facets.date_interval, Some("year"));
        let dated: u64 = facets.date.iter().flatten().map(|b| b.count).sum();
        assert_eq!(dated + facets.date_undated.unwrap_or(0), 3);
    }

    #[test]
    fn an_empty_answer_is_zero_hits_and_a_partial_one_is_an_error() {
        let response = fixture("empty-response");
        assert_eq!(total(&response).expect("total"), 0);
        let mut snippets = Snippets::for_tree(&crate::query::parse("opec").expect("parses"));
        let hits = hits(&response, &mut snippets, &mut |_| Ok(1)).expect("hits");
        assert!(hits.is_empty());
        let partial = json!({"num_hits": 7, "hits": [], "errors": ["split 01H: timeout"]});
        let err = total(&partial).expect_err("partial answers are refused");
        assert!(err.to_string().contains("every split"), "{err}");
    }
}
