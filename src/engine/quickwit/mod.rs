//! Quickwit as dateline's engine (`--engine quickwit URL`): the same query language,
//! aliases, filters and renderers, answered by a Quickwit index loaded from
//! `dateline export --to quickwit`. What Quickwit cannot answer as dateline does
//! (NEAR/SENTENCE/SAID scopes, fuzzy words, `--new`, story counts) is refused by
//! name before anything is sent.

pub mod client;
pub mod search;
pub mod snippet;
pub mod translate;

use std::time::Instant;

use crate::extract::aliases::Aliases;
use crate::search::{Header, HitSink, Outcome, SearchRequest};

pub use client::Quickwit;

/// Hits asked for per request when every hit is wanted (`--all`).
const PAGE: usize = 1000;
/// Quickwit refuses a `start_offset` beyond this, so paging reaches
/// `MAX_OFFSET + PAGE` hits at most.
const MAX_OFFSET: usize = 10_000;

/// Why a search could not be answered by Quickwit.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Unsupported(#[from] translate::Unsupported),
    #[error("{0}")]
    Query(#[from] crate::query::QueryError),
    #[error("`{url}` is not a Quickwit address: {reason}")]
    Url { url: String, reason: String },
    #[error("could not reach Quickwit at {url}: {message} (is `quickwit run` up?)")]
    Http { url: String, message: String },
    #[error("Quickwit at {url} answered {status}: {message}")]
    Status {
        url: String,
        status: u16,
        message: String,
    },
    #[error("--all would list {total} hits, and Quickwit pages no further than {most}: narrow the query, or use `dateline export --query` on the local index")]
    TooManyHits { total: usize, most: usize },
    #[error("Quickwit's answer could not be read: {0}")]
    Response(String),
    #[error("writing the results: {0}")]
    Output(#[from] std::io::Error),
}

/// The facets of the articles matching `query` (all articles when `None`), and how
/// many there are: what `dateline entities` lists.
pub fn facets_only(
    quickwit: &Quickwit,
    query: Option<&str>,
    request: &crate::search::facets::FacetRequest,
    aliases: &Aliases,
) -> Result<(usize, crate::search::facets::Facets), EngineError> {
    let text = query.unwrap_or("*");
    let tree = crate::query::resolve(text, &Default::default(), aliases)?;
    search::check_facets(request)?;
    let expr = translate::translate(&tree)?;
    let Some(query) = translate::render(&expr) else {
        return Ok((0, request.assemble(Default::default(), Some(Vec::new()), 0)));
    };
    let body = search::request_body(
        &query,
        crate::search::SortOrder::Relevance,
        0,
        0,
        Some(request),
    );
    let response = quickwit.search(&body)?;
    let total = search::total(&response)?;
    Ok((total, search::facets(&response, request, total)))
}

/// Whether the request lists hits at all (a count-only or facet-only request has no
/// order to differ in).
fn total_may_page(request: &SearchRequest) -> bool {
    request.all || request.limit > 0
}

/// Runs `request` on `quickwit`, delivering results to `sink` as a local search does.
pub fn run(
    quickwit: &Quickwit,
    request: &SearchRequest,
    aliases: &Aliases,
    sink: &mut dyn HitSink,
) -> Result<Outcome, EngineError> {
    let started = Instant::now();
    let tree = crate::query::resolve(&request.query, &request.filters, aliases)?;
    search::check_facets(&request.facets)?;
    let prepared = search::prepare(&tree, request)?;
    let mut warnings = Vec::new();
    // The same articles and counts as locally; how they are listed may differ, and
    // saying so is what keeps a different page from being a silent one.
    let mut differences = Vec::new();
    if request.collapse {
        differences.push("wire copies are listed one by one (the export has no stories)");
    }
    if request.sort == crate::search::SortOrder::Relevance && total_may_page(request) {
        differences.push(
            "the relevance order is Quickwit's: it scores each split with that split's own statistics",
        );
    }
    if !differences.is_empty() {
        warnings.push(format!(
            "on Quickwit the hits and counts are dateline's, but {}",
            differences.join("; ")
        ));
    }
    let mut snippets = snippet::Snippets::for_tree(&tree);
    let mut doc_freq = |stem: &str| -> Result<u64, EngineError> {
        let answer = quickwit.search(&search::doc_freq_body(stem))?;
        Ok(search::total(&answer)? as u64)
    };
    let facets_wanted = !request.facets.is_empty();
    let (total, mut hits, facets) = match &prepared.query {
        None => (
            0,
            Vec::new(),
            facets_wanted.then(|| {
                request
                    .facets
                    .assemble(Default::default(), Some(Vec::new()), 0)
            }),
        ),
        Some(query) => {
            let first_page = if request.all { PAGE } else { request.limit };
            let body = search::request_body(
                query,
                request.sort,
                request.offset,
                first_page,
                Some(&request.facets),
            );
            let response = quickwit.search(&body)?;
            let total = search::total(&response)?;
            if request.all && total > MAX_OFFSET + PAGE {
                // Refused before the first hit is printed: never a silently cut list.
                return Err(EngineError::TooManyHits {
                    total,
                    most: MAX_OFFSET + PAGE,
                });
            }
            let hits = search::hits(&response, &mut snippets, &mut doc_freq)?;
            let facets = facets_wanted.then(|| search::facets(&response, &request.facets, total));
            (total, hits, facets)
        }
    };
    let mut facets = facets;
    // The archive's own per-day counts go with every histogram (as locally): what
    // `--share` divides by, and what the JSON's `archive` fields carry.
    if let Some(facets) = facets.as_mut().filter(|f| f.date.is_some()) {
        let archive = quickwit.search(&search::archive_body())?;
        let days = archive
            .get("aggregations")
            .and_then(|a| a.get("date"))
            .map(search::histogram_days)
            .unwrap_or_default();
        facets.attach_archive(&days);
    }
    let header = Header {
        query: request.query.clone(),
        total,
        took_ms: started.elapsed().as_millis() as u64,
        offset: request.offset,
        sort: request.sort,
        stories: None,
        new_only: false,
        warnings: warnings.clone(),
    };
    sink.begin(&header)?;
    for hit in &hits {
        sink.hit(hit)?;
    }
    // Every hit (`--all`): the following pages, streamed as they come.
    if let (true, Some(query)) = (request.all, &prepared.query) {
        let mut offset = request.offset + hits.len();
        while !hits.is_empty() && offset < total {
            let body = search::request_body(query, request.sort, offset, PAGE, None);
            let response = quickwit.search(&body)?;
            hits = search::hits(&response, &mut snippets, &mut doc_freq)?;
            for hit in &hits {
                sink.hit(hit)?;
            }
            offset += hits.len();
        }
    }
    if let Some(facets) = &facets {
        sink.facets(facets)?;
    }
    sink.end()?;
    Ok(Outcome {
        total,
        listed: total,
        latest_stamp: None,
        warnings,
    })
}
