//! Query execution: count, rank or date-sort, page, fetch stored fields, make snippets.
//!
//! Results are pushed hit by hit into a [`HitSink`] (one per output format), so
//! `--all` streams every hit without holding documents in memory and the renderers
//! never run a query themselves.

pub mod collapse;
pub mod explain;
pub mod facets;
pub mod highlight;
pub mod story_facets;
pub mod warnings;

use std::time::Instant;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::snippet::SnippetGenerator;
use tantivy::{DateTime, DocAddress, Order, Searcher, TantivyDocument, Term};

use crate::error::{Error, Result};
use crate::extract::aliases::Aliases;
use crate::index::document::{from_document, StoredArticle};
use crate::index::DatelineIndex;
use crate::query::{self, Filters};

crate::choice_enum! {
    /// How hits are ordered.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    pub enum SortOrder {
        #[default]
        Relevance = "relevance": "Best BM25 match first (title matches weigh double).",
        Date = "date": "Newest first; undated articles last.",
        Oldest = "oldest": "Oldest first; undated articles last.",
    }
}

/// One search as the user asked for it.
#[derive(Debug, Clone)]
pub struct SearchRequest {
    pub query: String,
    pub filters: Filters,
    pub sort: SortOrder,
    pub limit: usize,
    pub offset: usize,
    /// Every hit, ignoring `limit`.
    pub all: bool,
    /// Facets to compute over all hits.
    pub facets: facets::FacetRequest,
    /// One hit per story (wire copies folded into their best hit), paging over
    /// stories; `--copies` turns it off.
    pub collapse: bool,
}

/// Longest snippet, in characters (also for hits another engine returns).
pub const SNIPPET_CHARS: usize = 240;

/// One hit: the stored article, its score and a snippet of the body.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    #[serde(flatten)]
    pub article: StoredArticle,
    /// BM25 score; null when sorted by date.
    pub score: Option<f32>,
    pub snippet: String,
    /// Byte ranges of matched words inside `snippet`, for the renderers.
    #[serde(skip)]
    pub highlights: Vec<[usize; 2]>,
    /// The same ranges in characters, as JSON gives them: every offset dateline prints
    /// (`extract`'s mention spans too) counts characters, which is what JavaScript and
    /// Python index strings by.
    #[serde(rename = "highlights")]
    pub highlight_chars: Vec<[usize; 2]>,
    /// Other hits of the same story folded into this one (only when hits are
    /// collapsed by story, the default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copies: Option<usize>,
    /// The attributions that made a `SAID(...)` query match, in text order (none for
    /// other queries).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub attributions: Vec<crate::attribution::Attribution>,
}

impl Hit {
    /// A hit whose character ranges are derived from `highlights` (byte ranges).
    pub fn new(
        article: StoredArticle,
        score: Option<f32>,
        snippet: String,
        highlights: Vec<[usize; 2]>,
    ) -> Hit {
        let chars = |byte: usize| {
            snippet
                .get(..byte)
                .map_or_else(|| snippet.chars().count(), |s| s.chars().count())
        };
        let highlight_chars = highlights
            .iter()
            .map(|[s, e]| [chars(*s), chars(*e)])
            .collect();
        Hit {
            article,
            score,
            snippet,
            highlights,
            highlight_chars,
            copies: None,
            attributions: Vec::new(),
        }
    }
}

/// What is known before the first hit is delivered.
#[derive(Debug, Clone, Serialize)]
pub struct Header {
    pub query: String,
    pub total: usize,
    pub took_ms: u64,
    pub offset: usize,
    pub sort: SortOrder,
    /// Stories among the hits when they are collapsed by story: what the page and
    /// `offset` count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stories: Option<usize>,
    /// Only articles indexed since a watermark were asked for (`saved run --new`): the
    /// total counts new articles.
    #[serde(skip)]
    pub new_only: bool,
    /// Why the answer may not be what the query seems to ask (words that match
    /// nothing, an alias table other than the index's). Also printed on stderr.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Receives results as they are produced: the output formats implement this.
pub trait HitSink {
    /// Called once, before any hit.
    fn begin(&mut self, header: &Header) -> std::io::Result<()>;
    /// Called for each hit, in order.
    fn hit(&mut self, hit: &Hit) -> std::io::Result<()>;
    /// Called once after the last hit, when facets were asked for.
    fn facets(&mut self, _facets: &facets::Facets) -> std::io::Result<()> {
        Ok(())
    }
    /// Called once at the very end.
    fn end(&mut self) -> std::io::Result<()>;
}

/// What a finished search reports besides the hits it delivered.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Number of matching articles.
    pub total: usize,
    /// What the results are made of: the stories listed when hits are collapsed by
    /// story (for `--new`, without the stories reported before), else `total`. A saved
    /// query's exit code says "something new" only when this is not 0.
    pub listed: usize,
    /// Newest `indexed_at` stamp in the snapshot searched: a saved query's watermark.
    pub latest_stamp: Option<DateTime>,
    /// The header's warnings, for the caller to print on stderr.
    pub warnings: Vec<String>,
}

/// Runs `request` against `index`, delivering results to `sink`.
pub fn run(
    index: &DatelineIndex,
    request: &SearchRequest,
    aliases: &Aliases,
    sink: &mut dyn HitSink,
) -> Result<Outcome> {
    let started = Instant::now();
    // One snapshot for everything below: counting, facets, hits, snippets and the
    // watermark, so a commit landing mid-search cannot make them disagree.
    let searcher = index.searcher()?;
    let compiled = query::compile(
        &index.index,
        &index.fields,
        &request.query,
        &request.filters,
        aliases,
    )?;
    let mut warnings = warnings::for_tree(index, &compiled.tree);
    warnings.extend(warnings::alias_table(index, aliases));
    let query = compiled.query;
    let (total, facets) = if request.facets.is_empty() {
        let total = searcher
            .search(&query, &Count)
            .map_err(Error::tantivy("counting hits"))?;
        (total, None)
    } else if request.facets.count == facets::CountUnit::Stories {
        let story_facets = story_facets::StoryFacets {
            kinds: request.facets.kinds.clone(),
        };
        let (total, tally) = searcher
            .search(&query, &(Count, story_facets))
            .map_err(Error::tantivy("counting hits and their stories"))?;
        let mut facets = request.facets.finish_stories(tally);
        if facets.date.is_some() {
            // The archive's stories per day, so shares compare stories with stories.
            let archive = searcher
                .search(
                    &tantivy::query::AllQuery,
                    &story_facets::StoryFacets { kinds: Vec::new() },
                )
                .map_err(Error::tantivy("counting the archive's stories"))?;
            facets.attach_archive(&archive.days);
        }
        (total, Some(facets))
    } else {
        let (total, mut facets) = counted_facets(&searcher, &*query, &request.facets)?;
        if facets.date.is_some() {
            let archive = searcher
                .search(
                    &tantivy::query::AllQuery,
                    &facets::FacetRequest::archive_collector().map_err(Error::Schema)?,
                )
                .map_err(Error::tantivy("counting the archive's dates"))?;
            facets.attach_archive(&facets::FacetRequest::archive_days(&archive));
        }
        (total, Some(facets))
    };
    // Collapsed, the page is over stories; each hit carries its folded copies.
    let groups = match request.collapse && total > 0 {
        true => Some(
            searcher
                .search(&*query, &collapse::StoryGroups { sort: request.sort })
                .map_err(Error::tantivy("grouping hits by story"))?,
        ),
        false => None,
    };
    let groups = match (groups, request.filters.indexed_after) {
        (Some(groups), Some(watermark)) => Some(without_reported_stories(
            index, &searcher, request, aliases, groups, watermark,
        )?),
        (groups, _) => groups,
    };
    let listed = groups.as_ref().map_or(total, Vec::len);
    let wanted = if request.all {
        listed.saturating_sub(request.offset)
    } else {
        request.limit.min(listed.saturating_sub(request.offset))
    };
    let page: Vec<(Option<f32>, DocAddress, Option<usize>)> = match &groups {
        _ if wanted == 0 => Vec::new(),
        Some(groups) => groups
            .iter()
            .skip(request.offset)
            .take(wanted)
            .map(|g| (g.score, g.best, Some(g.hits - 1)))
            .collect(),
        None => top_docs(&searcher, &*query, request, wanted)?
            .into_iter()
            .map(|(score, address)| (score, address, None))
            .collect(),
    };
    check_scopes(index, &compiled.scopes, &compiled.saids)?;
    if total == 0 {
        // Nothing found: say which names and spellings the index does hold.
        warnings.extend(explain::lints(index, &compiled.tree, &searcher, aliases));
    }
    let header = Header {
        query: request.query.clone(),
        total,
        took_ms: started.elapsed().as_millis() as u64,
        offset: request.offset,
        sort: request.sort,
        stories: groups.as_ref().map(Vec::len),
        new_only: request.filters.indexed_after.is_some(),
        warnings: warnings.clone(),
    };
    let io = |e: std::io::Error| Error::Io {
        path: "<stdout>".into(),
        source: e,
    };
    sink.begin(&header).map_err(io)?;
    let highlighted = highlight::highlight_query(index, &searcher, &compiled.tree, &*query);
    let mut snippets = SnippetGenerator::create(&searcher, &*highlighted, index.fields.body)
        .map_err(Error::tantivy("preparing snippets"))?;
    snippets.set_max_num_chars(SNIPPET_CHARS);
    // For NEAR/SENTENCE queries the snippet is the passage where a scope holds.
    let mut scope_matchers: Vec<query::scope::Matcher> =
        compiled.scopes.iter().map(|s| s.matcher()).collect();
    for (score, address, copies) in page {
        let doc: TantivyDocument = searcher.doc(address).map_err(|e| damaged(index, e))?;
        let article = from_document(&index.fields, &doc);
        // For SAID queries the snippet is the attribution that matched.
        let mut said = Vec::new();
        for q in &compiled.saids {
            for a in q
                .matching(&doc)
                .map_err(|e| damaged_attributions(index, e))?
            {
                if !said.contains(&a) {
                    said.push(a);
                }
            }
        }
        let passage = scope_matchers
            .iter_mut()
            .find_map(|m| m.find(&article.body).or_else(|| m.find(&article.title)));
        let (snippet, highlights) = match (said.first(), passage) {
            (Some(a), _) => {
                let line = a.one_line(&article.title, &article.body);
                (line.text, line.highlights)
            }
            (None, Some(p)) => (p.text, p.highlights),
            (None, None) => snippet_of(&snippets, &article.body),
        };
        let mut hit = Hit::new(article, score, snippet, highlights);
        hit.copies = copies;
        hit.attributions = said;
        sink.hit(&hit).map_err(io)?;
    }
    if let Some(facets) = &facets {
        sink.facets(facets).map_err(io)?;
    }
    sink.end().map_err(io)?;
    check_scopes(index, &compiled.scopes, &compiled.saids)?;
    Ok(Outcome {
        total,
        listed,
        latest_stamp: crate::index::manifest::latest_stamp(&searcher)?,
        warnings,
    })
}

/// `--new` hits grouped by story, less the stories the query already reported: those
/// with a hit stamped at or before the watermark (a new copy of an old story is not
/// news).
fn without_reported_stories(
    index: &DatelineIndex,
    searcher: &Searcher,
    request: &SearchRequest,
    aliases: &Aliases,
    groups: Vec<collapse::Group>,
    watermark: DateTime,
) -> Result<Vec<collapse::Group>> {
    let earlier = Filters {
        indexed_after: None,
        ..request.filters.clone()
    };
    let compiled = query::compile(
        &index.index,
        &index.fields,
        &request.query,
        &earlier,
        aliases,
    )?;
    let reported = searcher
        .search(&*compiled.query, &collapse::StoriesBefore { watermark })
        .map_err(Error::tantivy("finding the stories reported before"))?;
    Ok(groups
        .into_iter()
        .filter(|g| g.story.is_none_or(|s| !reported.contains(&s)))
        .collect())
}

/// A stored article that cannot be read means a damaged index: say which, and the fix.
fn damaged(index: &DatelineIndex, e: tantivy::TantivyError) -> Error {
    Error::Corrupt {
        path: index.path.clone(),
        reason: format!("a stored article cannot be read: {e}"),
    }
}

/// Unreadable stored attributions mean a damaged index too.
fn damaged_attributions(
    index: &DatelineIndex,
    e: crate::attribution::stored::DecodeError,
) -> Error {
    Error::Corrupt {
        path: index.path.clone(),
        reason: format!("a stored article's attributions cannot be read: {e}"),
    }
}

/// Fails when a scope could not read some stored articles: their absence from the
/// hits would be a silent wrong answer.
fn check_scopes(
    index: &DatelineIndex,
    scopes: &[query::scope::ScopeQuery],
    saids: &[query::said::SaidQuery],
) -> Result<()> {
    let unreadable: usize = scopes
        .iter()
        .map(|s| s.unreadable_articles())
        .chain(saids.iter().map(|s| s.unreadable_articles()))
        .sum();
    if unreadable > 0 {
        return Err(Error::Corrupt {
            path: index.path.clone(),
            reason: format!(
                "{unreadable} stored articles could not be read while checking NEAR/SENTENCE"
            ),
        });
    }
    Ok(())
}

fn top_docs(
    searcher: &Searcher,
    query: &dyn Query,
    request: &SearchRequest,
    wanted: usize,
) -> Result<Vec<(Option<f32>, DocAddress)>> {
    let collector = TopDocs::with_limit(wanted).and_offset(request.offset);
    let err = Error::tantivy("ranking hits");
    Ok(match request.sort {
        SortOrder::Relevance => searcher
            .search(query, &collector.order_by_score())
            .map_err(err)?
            .into_iter()
            .map(|(score, addr)| (Some(score), addr))
            .collect(),
        SortOrder::Date | SortOrder::Oldest => {
            let order = if request.sort == SortOrder::Date {
                Order::Desc
            } else {
                Order::Asc
            };
            // tantivy ranks documents without a date after all dated ones in both
            // directions, so undated articles come last and paging stays stable.
            let hits: Vec<(Option<DateTime>, DocAddress)> = searcher
                .search(
                    query,
                    &collector.order_by_fast_field::<DateTime>("date", order),
                )
                .map_err(err)?;
            hits.into_iter().map(|(_, addr)| (None, addr)).collect()
        }
    })
}

/// The best-matching passage with its highlights, or the opening of the body when
/// the match was only in the title or metadata. Shared with hits another engine
/// returns (`engine::quickwit::snippet`), so both show the same passage.
pub fn snippet_of(generator: &SnippetGenerator, body: &str) -> (String, Vec<[usize; 2]>) {
    let snippet = generator.snippet(body);
    if !snippet.highlighted().is_empty() {
        let highlights = snippet
            .highlighted()
            .iter()
            .map(|r| [r.start, r.end])
            .collect();
        return (snippet.fragment().to_string(), highlights);
    }
    let mut end = 0;
    for (i, c) in body.char_indices() {
        if i > SNIPPET_CHARS {
            break;
        }
        end = i + c.len_utf8();
    }
    let mut text = body[..end].to_string();
    if end < body.len() {
        if let Some(space) = text.rfind(char::is_whitespace) {
            text.truncate(space);
        }
        text.push('…');
    }
    (text, Vec::new())
}

/// Facets alone, over every article or those matching `query`: `dateline entities`.
pub fn facets_only(
    index: &DatelineIndex,
    query: Option<&str>,
    request: &facets::FacetRequest,
    aliases: &Aliases,
) -> Result<(usize, facets::Facets)> {
    let searcher = index.searcher()?;
    let query: Box<dyn Query> = match query {
        Some(text) => query::build(
            &index.index,
            &index.fields,
            text,
            &Filters::default(),
            aliases,
        )?,
        None => Box::new(tantivy::query::AllQuery),
    };
    counted_facets(&searcher, &*query, request)
}

/// The hits of `query` counted, with their facets. A first pass reads only the values
/// near the top; when values tied at the cut-off run past them, a second pass reads
/// every value, so which tied values are shown is alphabetical, never chance.
fn counted_facets(
    searcher: &tantivy::Searcher,
    query: &dyn Query,
    request: &facets::FacetRequest,
) -> Result<(usize, facets::Facets)> {
    let collector = request
        .collector(searcher.segment_readers().len())
        .map_err(Error::Schema)?;
    let (total, results) = searcher
        .search(query, &(Count, collector))
        .map_err(Error::tantivy("counting hits and facets"))?;
    if !request.ties_cut(&results) {
        return Ok((total, request.finish(results, total as u64)));
    }
    let results = searcher
        .search(query, &request.exact_collector().map_err(Error::Schema)?)
        .map_err(Error::tantivy("counting facet values tied at the cut-off"))?;
    Ok((total, request.finish(results, total as u64)))
}

/// Fetches one article by id, for `dateline show`.
pub fn find_by_id(index: &DatelineIndex, id: &str) -> Result<StoredArticle> {
    let searcher = index.searcher()?;
    let query = TermQuery::new(
        Term::from_field_text(index.fields.id, id),
        IndexRecordOption::Basic,
    );
    let top = searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())
        .map_err(Error::tantivy("looking up the article"))?;
    let Some((_, address)) = top.first() else {
        return Err(Error::NoSuchArticle(id.to_string()));
    };
    let doc: TantivyDocument = searcher.doc(*address).map_err(|e| damaged(index, e))?;
    Ok(from_document(&index.fields, &doc))
}
