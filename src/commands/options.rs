//! Search options (`cli::SearchOptions`, also what saved queries, batch files and
//! the web page's parameters become) turned into the request `search/` runs: the one
//! place the command line's words meet the search engine's types.

use crate::cli::SearchOptions;
use crate::query::{DateSpan, Filters};
use crate::search::facets::FacetRequest;
use crate::search::SearchRequest;

impl SearchOptions {
    /// The search request these options describe for `query`; an error names the
    /// option that cannot be read.
    pub fn request(&self, query: &str) -> Result<SearchRequest, String> {
        let span = |s: &Option<String>| -> Result<Option<DateSpan>, String> {
            s.as_deref().map(str::parse).transpose()
        };
        let mut entities = Vec::new();
        for (field, values) in [
            ("person", &self.person),
            ("org", &self.org),
            ("place", &self.place),
            ("source", &self.source),
        ] {
            entities.extend(values.iter().map(|v| (field, v.clone())));
        }
        let (kinds, window) = FacetRequest::kinds_from_items(&self.facets)?;
        Ok(SearchRequest {
            query: query.to_string(),
            filters: Filters {
                since: span(&self.since)?,
                until: span(&self.until)?,
                indexed_after: None,
                entities,
            },
            sort: self.sort,
            limit: self.limit,
            offset: self.offset,
            all: self.all,
            facets: FacetRequest {
                kinds,
                size: self.facet_size,
                interval: self.interval,
                share: self.share,
                window,
                count: self.count,
                exact: false,
            },
            collapse: !self.copies,
        })
    }
}
