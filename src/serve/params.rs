//! A search as URL parameters, both ways: every page's state lives in its URL, so a
//! link can be shared and reloaded, and every link on a page is the current state
//! with one thing changed.

use super::ServeError;
use crate::choice::Choice;
use crate::cli::SearchOptions;
use crate::search::facets::{CountUnit, Interval};
use crate::search::SortOrder;

/// Hits per page in the browser.
pub const PAGE_SIZE: usize = 20;
/// Most hits one API call returns (`limit`), and the deepest page (`offset`).
pub const MAX_LIMIT: usize = 100;
pub const MAX_OFFSET: usize = 10_000;
/// Longest query text accepted, in bytes.
pub const MAX_QUERY_BYTES: usize = 4096;
/// Most values a facet lists.
pub const MAX_FACET_SIZE: usize = 100;

/// The decoded `key=value` pairs of a query string, in order (keys may repeat).
pub fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.unwrap_or("").as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// The single value of `key`, if given (the last one wins, as on the command line).
pub fn single<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// A search's parameters: the CLI's options under the same names, plus `page`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchParams {
    pub q: String,
    pub since: Option<String>,
    pub until: Option<String>,
    pub sort: Option<SortOrder>,
    pub person: Vec<String>,
    pub org: Vec<String>,
    pub place: Vec<String>,
    pub source: Vec<String>,
    /// 1-based page of the browser's result list.
    pub page: usize,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
    pub facets: Vec<String>,
    pub facet_size: Option<usize>,
    pub interval: Interval,
    pub share: bool,
    pub count: CountUnit,
    pub copies: bool,
    pub fields: Vec<String>,
}

/// Every parameter a search takes.
const KEYS: &[&str] = &[
    "q",
    "since",
    "until",
    "sort",
    "person",
    "org",
    "place",
    "source",
    "page",
    "limit",
    "offset",
    "facets",
    "facet_size",
    "interval",
    "share",
    "count",
    "copies",
    "fields",
];

/// The entity filters, as (parameter, values).
pub const FILTER_KEYS: [&str; 4] = ["person", "org", "place", "source"];

impl SearchParams {
    /// Reads a query string; an unknown parameter or a bad value is a 400 that says
    /// what is accepted.
    pub fn parse(raw: Option<&str>) -> Result<SearchParams, ServeError> {
        let mut p = SearchParams {
            page: 1,
            ..Default::default()
        };
        for (key, value) in pairs(raw) {
            let bad =
                |what: &str| ServeError::BadRequest(format!("parameter `{key}`: `{value}` {what}"));
            match key.as_str() {
                "q" => p.q = value.clone(),
                "since" | "until" => {
                    let value = value.trim().to_string();
                    if !value.is_empty() {
                        value
                            .parse::<crate::query::DateSpan>()
                            .map_err(|e| bad(&format!("is not a date: {e}")))?;
                        if key == "since" {
                            p.since = Some(value);
                        } else {
                            p.until = Some(value);
                        }
                    }
                }
                "sort" => {
                    p.sort = Some(
                        SortOrder::from_name(&value).ok_or_else(|| bad(&SortOrder::expected()))?,
                    )
                }
                "person" => push_value(&mut p.person, value),
                "org" => push_value(&mut p.org, value),
                "place" => push_value(&mut p.place, value),
                "source" => push_value(&mut p.source, value),
                "page" => {
                    p.page = number(&value)
                        .filter(|n| *n >= 1)
                        .ok_or_else(|| bad("is not a page number"))?
                }
                "limit" => {
                    let n = number(&value).ok_or_else(|| bad("is not a number"))?;
                    if n > MAX_LIMIT {
                        return Err(bad(&format!("is more than {MAX_LIMIT}: page with offset")));
                    }
                    p.limit = Some(n);
                }
                "offset" => p.offset = Some(number(&value).ok_or_else(|| bad("is not a number"))?),
                "facets" => p.facets.extend(list(&value)),
                "facet_size" => {
                    let n = number(&value).ok_or_else(|| bad("is not a number"))?;
                    p.facet_size = Some(n.min(MAX_FACET_SIZE));
                }
                "interval" => {
                    p.interval =
                        Interval::from_name(&value).ok_or_else(|| bad(&Interval::expected()))?
                }
                "share" => p.share = flag(&value).ok_or_else(|| bad("is not 1 or 0"))?,
                "count" => {
                    p.count =
                        CountUnit::from_name(&value).ok_or_else(|| bad(&CountUnit::expected()))?
                }
                "copies" => p.copies = flag(&value).ok_or_else(|| bad("is not 1 or 0"))?,
                "fields" => {
                    for f in list(&value) {
                        crate::output::fields::check(&f).map_err(|e| bad(&e))?;
                        p.fields.push(f);
                    }
                }
                _ => {
                    return Err(ServeError::BadRequest(format!(
                        "unknown parameter `{key}`; a search takes: {}",
                        KEYS.join(", ")
                    )))
                }
            }
        }
        if p.q.len() > MAX_QUERY_BYTES {
            return Err(ServeError::BadRequest(format!(
                "the query is longer than {MAX_QUERY_BYTES} bytes"
            )));
        }
        let offset = p.offset.unwrap_or(0).max((p.page - 1) * PAGE_SIZE);
        if offset > MAX_OFFSET {
            return Err(ServeError::BadRequest(format!(
                "results beyond the first {MAX_OFFSET} are not paged: narrow the query (dates, facets) or use `dateline search --all`"
            )));
        }
        Ok(p)
    }

    /// The query text searched: `*` (every article) when the box is empty.
    pub fn query_text(&self) -> &str {
        match self.q.trim() {
            "" => "*",
            q => q,
        }
    }

    /// The sort in effect: newest first when browsing without words.
    pub fn sort_order(&self) -> SortOrder {
        self.sort.unwrap_or(if self.q.trim().is_empty() {
            SortOrder::Date
        } else {
            SortOrder::Relevance
        })
    }

    /// The CLI options these parameters stand for. `default_facets` are computed when
    /// the parameters name none (the pages want all of them; the API none, as the CLI).
    pub fn options(
        &self,
        default_limit: usize,
        default_facets: &[&str],
    ) -> Result<SearchOptions, ServeError> {
        let facets = if self.facets.is_empty() {
            default_facets.iter().map(|f| f.to_string()).collect()
        } else {
            self.facets.clone()
        };
        for f in &facets {
            crate::search::facets::facet_item(f)
                .map_err(|e| ServeError::BadRequest(format!("parameter `facets`: {e}")))?;
        }
        let limit = self.limit.unwrap_or(default_limit);
        Ok(SearchOptions {
            since: self.since.clone(),
            until: self.until.clone(),
            sort: self.sort_order(),
            limit,
            offset: self.offset.unwrap_or((self.page - 1) * limit),
            person: self.person.clone(),
            org: self.org.clone(),
            place: self.place.clone(),
            source: self.source.clone(),
            facets,
            facet_size: self.facet_size.unwrap_or(10),
            interval: self.interval,
            share: self.share,
            count: self.count,
            copies: self.copies,
            fields: self.fields.clone(),
            ..SearchOptions::default()
        })
    }

    /// The values of an entity filter parameter.
    pub fn filter(&self, key: &str) -> &[String] {
        match key {
            "person" => &self.person,
            "org" => &self.org,
            "place" => &self.place,
            "source" => &self.source,
            _ => &[],
        }
    }

    fn filter_mut(&mut self, key: &str) -> Option<&mut Vec<String>> {
        match key {
            "person" => Some(&mut self.person),
            "org" => Some(&mut self.org),
            "place" => Some(&mut self.place),
            "source" => Some(&mut self.source),
            _ => None,
        }
    }

    /// These parameters with the filter `key=value` added, or removed when present
    /// (a facet link toggles), back on page 1.
    pub fn toggled(&self, key: &str, value: &str) -> SearchParams {
        let mut next = self.clone();
        next.page = 1;
        if let Some(values) = next.filter_mut(key) {
            match values.iter().position(|v| v == value) {
                Some(i) => {
                    values.remove(i);
                }
                None => values.push(value.to_string()),
            }
        }
        next
    }

    /// These parameters narrowed to the dates `since..=until` (either open), page 1.
    pub fn dated(&self, since: Option<&str>, until: Option<&str>) -> SearchParams {
        SearchParams {
            since: since.map(str::to_string),
            until: until.map(str::to_string),
            page: 1,
            ..self.clone()
        }
    }

    /// These parameters on another page.
    pub fn on_page(&self, page: usize) -> SearchParams {
        SearchParams {
            page,
            ..self.clone()
        }
    }

    /// The URL of `path` with these parameters (defaults left out, so URLs stay short).
    pub fn url(&self, path: &str) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if !self.q.is_empty() {
            out.append_pair("q", &self.q);
        }
        for key in FILTER_KEYS {
            for v in self.filter(key) {
                out.append_pair(key, v);
            }
        }
        if let Some(s) = &self.since {
            out.append_pair("since", s);
        }
        if let Some(u) = &self.until {
            out.append_pair("until", u);
        }
        if let Some(sort) = self.sort {
            out.append_pair("sort", sort.name());
        }
        if self.interval != Interval::Auto {
            out.append_pair("interval", self.interval.name());
        }
        if self.share {
            out.append_pair("share", "1");
        }
        if self.count != CountUnit::Articles {
            out.append_pair("count", self.count.name());
        }
        if self.copies {
            out.append_pair("copies", "1");
        }
        if !self.facets.is_empty() {
            out.append_pair("facets", &self.facets.join(","));
        }
        if let Some(n) = self.facet_size {
            out.append_pair("facet_size", &n.to_string());
        }
        if let Some(n) = self.limit {
            out.append_pair("limit", &n.to_string());
        }
        if let Some(n) = self.offset {
            out.append_pair("offset", &n.to_string());
        }
        if !self.fields.is_empty() {
            out.append_pair("fields", &self.fields.join(","));
        }
        if self.page > 1 {
            out.append_pair("page", &self.page.to_string());
        }
        let query = out.finish();
        if query.is_empty() {
            path.to_string()
        } else {
            format!("{path}?{query}")
        }
    }
}

/// `path?key=value&...` with each pair encoded.
pub fn url_with(path: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        out.append_pair(k, v);
    }
    format!("{path}?{}", out.finish())
}

fn push_value(values: &mut Vec<String>, value: String) {
    let value = value.trim().to_string();
    if !value.is_empty() && !values.contains(&value) {
        values.push(value);
    }
}

fn number(text: &str) -> Option<usize> {
    text.trim().parse().ok()
}

fn flag(text: &str) -> Option<bool> {
    match text.trim() {
        "1" | "true" | "on" | "yes" | "" => Some(true),
        "0" | "false" | "off" | "no" => Some(false),
        _ => None,
    }
}

fn list(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_reads_back_as_the_same_parameters() {
        let p = SearchParams::parse(Some(
            "q=iran+%22al+qaida%22&person=Mike+Pompeo&person=Javad+Zarif&since=2021&sort=date&share=1&count=stories&page=3",
        ))
        .unwrap();
        assert_eq!(p.person, ["Mike Pompeo", "Javad Zarif"]);
        assert_eq!(p.q, "iran \"al qaida\"");
        let again = SearchParams::parse(p.url("/search").split_once('?').map(|(_, q)| q)).unwrap();
        assert_eq!(again, p);
    }

    #[test]
    fn a_facet_link_toggles_its_filter_and_goes_back_to_page_one() {
        let p = SearchParams::parse(Some("q=iran&page=2")).unwrap();
        let on = p.toggled("person", "Mike Pompeo");
        assert_eq!(on.person, ["Mike Pompeo"]);
        assert_eq!(on.page, 1);
        assert!(on.toggled("person", "Mike Pompeo").person.is_empty());
    }

    #[test]
    fn bad_and_unknown_parameters_say_what_is_accepted() {
        let e = SearchParams::parse(Some("q=x&colour=red")).unwrap_err();
        assert!(e.to_string().contains("unknown parameter `colour`"), "{e}");
        let e = SearchParams::parse(Some("sort=best")).unwrap_err();
        assert!(e.to_string().contains("relevance, date, oldest"), "{e}");
        let e = SearchParams::parse(Some("limit=1000")).unwrap_err();
        assert!(e.to_string().contains("more than 100"), "{e}");
        let e = SearchParams::parse(Some("page=1000")).unwrap_err();
        assert!(e.to_string().contains("not paged"), "{e}");
        assert!(SearchParams::parse(Some("since=2021-13")).is_err());
    }
}
