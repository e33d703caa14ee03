//! The HTML pages: search with facets and histogram, an article, an entity, the
//! saved queries. Rendered with maud, which escapes every interpolated value, so
//! nothing from an article (title, text, names, URL) can become markup.

use std::collections::HashMap;
use std::sync::Arc;

use axum::extract::{RawQuery, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use maud::{html, Markup, DOCTYPE};

use super::params::{self, url_with, SearchParams, FILTER_KEYS, PAGE_SIZE};
use super::{histogram, run_blocking, AppState, ServeError};
use crate::choice::Choice;
use crate::index::document::StoredArticle;
use crate::search::facets::{CountUnit, Facets};
use crate::search::{Header, Hit, HitSink};

/// The page skeleton: the search box on every page, so any page leads to a search.
fn layout(title: &str, q: &str, content: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · dateline" }
                link rel="stylesheet" href="/assets/style.css";
            }
            body {
                header.top {
                    a.brand href="/search" { "dateline" }
                    form #search-form method="get" action="/search" role="search" {
                        input #q type="search" name="q" value=(q) autocomplete="off"
                            placeholder="iran al-qaida · \"nuclear deal\" · person:pompeo · NEAR/20(iran deny) · SAID(speaker:iran stance:deny)"
                            aria-label="query";
                        button #go type="submit" { "Search" }
                    }
                    nav {
                        a href="/search" { "Browse" }
                        a href="/saved" { "Saved queries" }
                    }
                }
                main { (content) }
                script src="/assets/app.js" {}
            }
        }
    }
}

/// An error as a page with its status. A malformed query shows the CLI's message:
/// the query, a caret under the column, and the hint.
pub fn error_page(e: ServeError) -> Response {
    let status = e.status();
    let q = match &e {
        ServeError::Query(q) => q.query.clone(),
        _ => String::new(),
    };
    let body = layout(
        status.canonical_reason().unwrap_or("error"),
        &q,
        error_box(&e),
    );
    (status, body).into_response()
}

fn error_box(e: &ServeError) -> Markup {
    match e {
        ServeError::Query(_) => html! {
            div #query-error role="alert" {
                strong { "This query cannot be read." }
                pre { (e.to_string()) }
            }
        },
        other => html! {
            div #query-error role="alert" {
                strong { (other.status().as_u16()) " " (other.status().canonical_reason().unwrap_or("")) }
                p { (other.to_string()) }
            }
        },
    }
}

fn respond(result: Result<Response, ServeError>) -> Response {
    result.unwrap_or_else(error_page)
}

/// `/`: the search page.
pub async fn home() -> Redirect {
    Redirect::to("/search")
}

/// Unknown paths.
pub async fn not_found() -> Response {
    error_page(ServeError::NotFound(
        "no such page: try the search page".into(),
    ))
}

/// Collects a search's results for one page.
#[derive(Default)]
struct Collected {
    header: Option<Header>,
    hits: Vec<Hit>,
    facets: Option<Facets>,
}

impl HitSink for Collected {
    fn begin(&mut self, header: &Header) -> std::io::Result<()> {
        self.header = Some(header.clone());
        Ok(())
    }
    fn hit(&mut self, hit: &Hit) -> std::io::Result<()> {
        self.hits.push(hit.clone());
        Ok(())
    }
    fn facets(&mut self, facets: &Facets) -> std::io::Result<()> {
        self.facets = Some(facets.clone());
        Ok(())
    }
    fn end(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Runs `params` as a search for a page (facets: `facets`).
async fn collect(
    state: &Arc<AppState>,
    params: &SearchParams,
    facets: &[&str],
) -> Result<Collected, ServeError> {
    let options = params.options(PAGE_SIZE, facets)?;
    let request = options
        .request(params.query_text())
        .map_err(ServeError::BadRequest)?;
    let state = state.clone();
    run_blocking(move || {
        let mut collected = Collected::default();
        crate::search::run(&state.index, &request, &state.aliases, &mut collected)?;
        Ok(collected)
    })
    .await
}

const SEARCH_FACETS: &[&str] = &["people", "orgs", "places", "source", "date"];
const SAID_FACETS: &[&str] = &[
    "people", "orgs", "places", "source", "date", "speakers", "stances",
];

/// `/search?q=...`: hits, facets, histogram; every control a link to the same page
/// with one thing changed.
pub async fn search(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Response {
    let params = match SearchParams::parse(raw.as_deref()) {
        Ok(p) => p,
        Err(e) => return error_page(e),
    };
    let facets = if params.q.contains("SAID(") {
        SAID_FACETS
    } else {
        SEARCH_FACETS
    };
    let title = match params.q.trim() {
        "" => "Browse".to_string(),
        q => q.to_string(),
    };
    match collect(&state, &params, facets).await {
        Ok(results) => {
            layout(&title, &params.q, search_page(&state, &params, &results)).into_response()
        }
        Err(e @ ServeError::Query(_)) => (
            e.status(),
            layout(&title, &params.q, html! { (error_box(&e)) (syntax_help()) }),
        )
            .into_response(),
        Err(e) => error_page(e),
    }
}

fn search_page(state: &AppState, params: &SearchParams, results: &Collected) -> Markup {
    let Some(header) = &results.header else {
        return html! {};
    };
    let shown = header.stories.unwrap_or(header.total);
    let pages = shown.div_ceil(PAGE_SIZE).max(1);
    html! {
        div.layout {
            aside #facets {
                @if let Some(facets) = &results.facets {
                    @for (kind, key, label) in [("people", "person", "People"), ("orgs", "org", "Organizations"), ("places", "place", "Places"), ("source", "source", "Sources")] {
                        (facet_section(params, facets, kind, key, label))
                    }
                    @for (kind, label) in [("speakers", "Speakers"), ("stances", "Stances")] {
                        @if let Some(values) = facets.terms.get(kind) {
                            section.facet data-facet=(kind) {
                                h3 { (label) }
                                ul { @for v in values { li { span { (v.value) } span.count { (v.count) } } } }
                                @if let Some(left_out) = facets.left_out.get(kind) {
                                    p.count { (if left_out.at_least { "at least " } else { "" }) (left_out.values) " more not listed" }
                                }
                            }
                        }
                    }
                }
            }
            section #main {
                (active_filters(params))
                @for w in &header.warnings {
                    div.warning { "warning: " (w) }
                }
                p.summary {
                    span #total data-total=(header.total) {
                        (header.total) " " (if header.total == 1 { "article" } else { "articles" })
                    }
                    @if let Some(stories) = header.stories {
                        @if stories != header.total {
                            " in " span #stories data-stories=(stories) { (stories) " stories" }
                            " (wire copies folded: "
                            a href=(SearchParams { copies: true, page: 1, ..params.clone() }.url("/search")) { "list every copy" }
                            ")"
                        }
                    }
                    @if params.copies {
                        " · every copy listed ("
                        a href=(SearchParams { copies: false, page: 1, ..params.clone() }.url("/search")) { "fold copies" }
                        ")"
                    }
                    " · " (header.took_ms) " ms · sorted by "
                    @for (i, sort) in [crate::search::SortOrder::Relevance, crate::search::SortOrder::Date, crate::search::SortOrder::Oldest].into_iter().enumerate() {
                        @if i > 0 { " | " }
                        @if params.sort_order() == sort {
                            strong { (sort.name()) }
                        } @else {
                            a href=(SearchParams { sort: Some(sort), page: 1, ..params.clone() }.url("/search")) { (sort.name()) }
                        }
                    }
                }
                @if let Some(facets) = &results.facets {
                    (histogram_box(params, facets))
                }
                @if state.allow_saved_edits && !params.q.trim().is_empty() {
                    (save_form(state, params))
                }
                ol #results start=(header.offset + 1) {
                    @for hit in &results.hits { (hit_item(hit)) }
                }
                @if results.hits.is_empty() {
                    p.summary { "No articles match." }
                }
                @if pages > 1 {
                    nav.pager {
                        @if params.page > 1 {
                            a #prev href=(params.on_page(params.page - 1).url("/search")) { "← previous" }
                        }
                        span { "page " (params.page) " of " (pages) }
                        @if params.page < pages {
                            a #next href=(params.on_page(params.page + 1).url("/search")) { "next →" }
                        }
                    }
                }
            }
        }
    }
}

/// The filters in effect, each with a link that removes it.
fn active_filters(params: &SearchParams) -> Markup {
    let dated = params.since.is_some() || params.until.is_some();
    html! {
        div.chips {
            @for key in FILTER_KEYS {
                @for value in params.filter(key) {
                    span.chip { (key) ": " (value) " "
                        a.remove href=(params.toggled(key, value).url("/search")) title="remove this filter" { "×" } }
                }
            }
            @if dated {
                span.chip #dates {
                    "dates: " (params.since.as_deref().unwrap_or("…")) " to " (params.until.as_deref().unwrap_or("…")) " "
                    a.remove href=(params.dated(None, None).url("/search")) title="all dates" { "×" }
                }
            }
        }
    }
}

fn facet_section(
    params: &SearchParams,
    facets: &Facets,
    kind: &str,
    key: &str,
    label: &str,
) -> Markup {
    let values = facets.terms.get(kind).map(Vec::as_slice).unwrap_or(&[]);
    // A list cut at the facet size says how much it left out, and offers more.
    let size = params.facet_size.unwrap_or(10);
    let left_out = facets.left_out.get(kind);
    let more = (left_out.is_some() && size < params::MAX_FACET_SIZE).then(|| SearchParams {
        facet_size: Some((size * 3).min(params::MAX_FACET_SIZE)),
        ..params.clone()
    });
    html! {
        section.facet data-facet=(kind) {
            h3 { (label) }
            @if values.is_empty() {
                p.count { "none" }
            }
            ul {
                @for v in values {
                    @let active = params.filter(key).contains(&v.value);
                    li {
                        a.facet-value.active[active] href=(params.toggled(key, &v.value).url("/search"))
                            data-value=(v.value) title=(if active { "remove this filter" } else { "only articles with this" }) {
                            (v.value)
                        }
                        span.count { (v.count) }
                    }
                }
            }
            @if let Some(left_out) = left_out {
                @let count = format!("{}{} more", if left_out.at_least { "at least " } else { "" }, left_out.values);
                @if let Some(more) = more {
                    a.more href=(more.url("/search")) title=(format!("only the top {size} are listed")) { (count) "…" }
                } @else {
                    p.count { (count) " not listed" }
                }
            }
        }
    }
}

fn histogram_box(params: &SearchParams, facets: &Facets) -> Markup {
    let Some(svg) = histogram::render(facets, params) else {
        return html! {};
    };
    let undated = facets.date_undated.unwrap_or(0);
    html! {
        div.histogram-box {
            div.controls {
                span {
                    (if facets.counted == Some(CountUnit::Stories) { "Stories" } else { "Articles" })
                    " per " (facets.date_interval.unwrap_or("day")) " (click a bar or drag across bars to narrow)"
                    @if undated > 0 { " · " (undated) " undated not drawn" }
                }
                span {
                    @if params.count == CountUnit::Stories {
                        a #count-toggle href=(SearchParams { count: CountUnit::Articles, ..params.clone() }.url("/search")) title="count every article, wire copies included" { "count articles" }
                    } @else {
                        a #count-toggle href=(SearchParams { count: CountUnit::Stories, ..params.clone() }.url("/search")) title="a story filed as five copies counts once, on the day it broke (facets too)" { "count stories" }
                    }
                    " · "
                    @if params.share {
                        a #share-toggle href=(SearchParams { share: false, ..params.clone() }.url("/search")) { "show counts" }
                    } @else {
                        a #share-toggle href=(SearchParams { share: true, ..params.clone() }.url("/search")) title="each bar as its share of all articles in the archive that day, week, month or year" { "share of archive" }
                    }
                }
            }
            (svg)
        }
    }
}

/// A snippet with its matched words marked (byte ranges; a range that does not fall
/// on character boundaries is left unmarked rather than cut).
pub(super) fn marked(text: &str, ranges: &[[usize; 2]]) -> Markup {
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut at = 0;
    for [start, end] in ranges {
        let (Some(before), Some(word)) = (text.get(at..*start), text.get(*start..*end)) else {
            continue;
        };
        pieces.push((before, false));
        pieces.push((word, true));
        at = *end;
    }
    pieces.push((text.get(at..).unwrap_or(""), false));
    html! {
        @for (piece, hit) in pieces {
            @if hit { mark { (piece) } } @else { (piece) }
        }
    }
}

pub(super) fn article_url(id: &str) -> String {
    url_with("/article", &[("id", id)])
}

/// The entity page of a name of one kind (`person`, `org`, `place`, `source`).
pub(super) fn entity_url(kind: &str, name: &str) -> String {
    url_with("/entity", &[("type", kind), ("name", name)])
}

fn hit_item(hit: &Hit) -> Markup {
    let a = &hit.article;
    html! {
        li.hit data-id=(a.id) {
            a.hit-title href=(article_url(&a.id)) { (a.title) }
            div.meta {
                span.hit-date { (a.date.as_deref().unwrap_or("undated")) }
                @if let Some(source) = &a.source { span.hit-source { (source) } }
                span.hit-id { (a.id) }
                @if let Some(copies) = hit.copies {
                    @if copies > 0 {
                        a.copies href=(format!("{}#copies", article_url(&a.id))) { "(+" (copies) (if copies == 1 { " copy" } else { " copies" }) ")" }
                    }
                }
            }
            p.snippet { (marked(&hit.snippet, &hit.highlights)) }
            (entity_links(a, 4))
        }
    }
}

/// The article's people, organizations and places as links to their pages.
pub(super) fn entity_links(a: &StoredArticle, per_kind: usize) -> Markup {
    html! {
        div.entities {
            @for (kind, names) in [("person", &a.entities.people), ("org", &a.entities.orgs), ("place", &a.entities.places)] {
                @for name in names.iter().take(per_kind) {
                    a.(kind) href=(entity_url(kind, name)) { (name) }
                }
                @if names.len() > per_kind {
                    span.count { "+" (names.len() - per_kind) }
                }
            }
        }
    }
}

fn syntax_help() -> Markup {
    html! {
        p.summary {
            "Words are ANDed; "
            code { "\"a phrase\"" } ", " code { "a OR b" } ", " code { "-word" } ", "
            code { "person:pompeo" } ", " code { "date:2021-01" } ", "
            code { "NEAR/20(iran deny)" } ", " code { "SENTENCE(deny doping)" } ", "
            code { "SAID(speaker:iran stance:deny al-qaida)" } "."
        }
    }
}

fn save_form(state: &AppState, params: &SearchParams) -> Markup {
    html! {
        form.save method="post" action="/saved/add" {
            input type="hidden" name="token" value=(state.csrf_token);
            input type="hidden" name="q" value=(params.q);
            @for key in FILTER_KEYS {
                @for v in params.filter(key) { input type="hidden" name=(key) value=(v); }
            }
            @if let Some(s) = &params.since { input type="hidden" name="since" value=(s); }
            @if let Some(u) = &params.until { input type="hidden" name="until" value=(u); }
            input type="text" name="name" placeholder="name for this query" required pattern="[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
            " "
            button.quiet type="submit" { "Save this search" }
        }
    }
}

/// `/article?id=ID`: the whole article, its names marked by type and linked to
/// their pages, who said what in it, and its wire copies.
pub async fn article(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Response {
    respond(
        async {
            let pairs = params::pairs(raw.as_deref());
            let id = params::single(&pairs, "id")
                .ok_or_else(|| ServeError::BadRequest("parameter `id` is missing".into()))?
                .to_string();
            let state2 = state.clone();
            let page = run_blocking(move || super::article::read(&state2, &id)).await?;
            Ok(layout(&page.article.title, "", super::article::render(&page)).into_response())
        }
        .await,
    )
}

/// `/entity?type=person&name=NAME`: the articles naming it over time, who appears
/// with it, the latest articles.
pub async fn entity(State(state): State<Arc<AppState>>, RawQuery(raw): RawQuery) -> Response {
    respond(
        async {
            let pairs = params::pairs(raw.as_deref());
            let kind = params::single(&pairs, "type").unwrap_or("");
            let key = match kind {
                "person" | "org" | "place" | "source" => kind,
                other => {
                    return Err(ServeError::BadRequest(format!(
                        "parameter `type`: `{other}` is not one of: person, org, place, source"
                    )))
                }
            };
            let name = params::single(&pairs, "name")
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .ok_or_else(|| ServeError::BadRequest("parameter `name` is missing".into()))?
                .to_string();
            let base = SearchParams {
                page: 1,
                sort: Some(crate::search::SortOrder::Date),
                ..Default::default()
            }
            .toggled(key, &name);
            let results = collect(&state, &base, &["people", "orgs", "places", "date"]).await?;
            let total = results.header.as_ref().map_or(0, |h| h.total);
            if total == 0 {
                return Err(ServeError::NotFound(format!(
                    "no article in this index names the {key} `{name}`"
                )));
            }
            Ok(layout(&name, "", entity_page(key, &name, &base, &results)).into_response())
        }
        .await,
    )
}

fn entity_page(key: &str, name: &str, base: &SearchParams, results: &Collected) -> Markup {
    let total = results.header.as_ref().map_or(0, |h| h.total);
    html! {
        h1 #entity-name { (name) " " span.count { "(" (key) ")" } }
        p.summary {
            span #total data-total=(total) { (total) " " (if total == 1 { "article" } else { "articles" }) }
            " · " a href=(base.url("/search")) { "search them" }
        }
        @if let Some(facets) = &results.facets {
            (histogram_box(base, facets))
            div.layout {
                aside #facets {
                    @for (kind, link, label) in [("people", "person", "People"), ("orgs", "org", "Organizations"), ("places", "place", "Places")] {
                        @let values: Vec<_> = facets.terms.get(kind).map(|v| v.iter().filter(|v| !(link == key && v.value == name)).collect()).unwrap_or_default();
                        section.facet data-facet=(kind) {
                            h3 { (label) " with " (name) }
                            @if values.is_empty() { p.count { "none" } }
                            ul {
                                @for v in values {
                                    li { a href=(entity_url(link, &v.value)) { (v.value) } span.count { (v.count) } }
                                }
                            }
                        }
                    }
                }
                section {
                    h3 { "Latest articles" }
                    ol #results { @for hit in &results.hits { (hit_item(hit)) } }
                }
            }
        }
    }
}

/// `/saved`: the saved queries, each with its count of new stories, and (with
/// `--allow-saved-edits`) forms to add and remove them.
pub async fn saved(State(state): State<Arc<AppState>>) -> Response {
    respond(
        async {
            let state2 = state.clone();
            let list = run_blocking(move || super::saved::with_new_counts(&state2)).await?;
            Ok(layout("Saved queries", "", saved_page(&state, &list)).into_response())
        }
        .await,
    )
}

fn saved_page(state: &AppState, list: &[super::saved::SavedEntry]) -> Markup {
    html! {
        h1 { "Saved queries" }
        @if list.is_empty() {
            p.summary { "None yet. Save one with " code { "dateline saved add NAME QUERY" } "." }
        } @else {
            table.saved #saved {
                tr { th { "Name" } th { "Query" } th { "New" } th { "Last run" } @if state.allow_saved_edits { th {} } }
                @for entry in list {
                    tr data-name=(entry.name) {
                        td { (entry.name) }
                        td { a href=(saved_search_url(entry)) { code { (entry.query.query) } } }
                        td.new {
                            @match (entry.new, &entry.error) {
                                (Some(n), _) => { (n) }
                                (None, Some(e)) => { span.warning title=(e) { "fails: " (e) } }
                                (None, None) => { "?" }
                            }
                        }
                        td { (entry.query.last_run.as_deref().unwrap_or("never")) }
                        @if state.allow_saved_edits {
                            td {
                                form method="post" action="/saved/remove" {
                                    input type="hidden" name="token" value=(state.csrf_token);
                                    input type="hidden" name="name" value=(entry.name);
                                    button.quiet type="submit" { "remove" }
                                }
                            }
                        }
                    }
                }
            }
            p.summary { "New: stories a " code { "dateline saved run --new NAME" } " would report now (it is what moves the mark; this page does not)." }
        }
        @if state.allow_saved_edits {
            h3 { "Add" }
            form #saved-add method="post" action="/saved/add" {
                input type="hidden" name="token" value=(state.csrf_token);
                input type="text" name="name" placeholder="name" required pattern="[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
                " "
                input type="text" name="q" placeholder="query" required size="50";
                " "
                button type="submit" { "Save" }
            }
        } @else {
            p.summary { "Read-only: start with " code { "dateline serve --allow-saved-edits" } " to add and remove saved queries here." }
        }
    }
}

/// The search page of a saved query, with its filters and dates.
fn saved_search_url(entry: &super::saved::SavedEntry) -> String {
    let o = &entry.query.options;
    SearchParams {
        q: entry.query.query.clone(),
        since: o.since.clone(),
        until: o.until.clone(),
        sort: Some(o.sort),
        person: o.person.clone(),
        org: o.org.clone(),
        place: o.place.clone(),
        source: o.source.clone(),
        page: 1,
        ..Default::default()
    }
    .url("/search")
}

/// Refuses a change unless edits are on and the form's token is this server's.
fn check_edit(state: &AppState, form: &HashMap<String, String>) -> Result<(), ServeError> {
    if !state.allow_saved_edits {
        return Err(ServeError::Forbidden(
            "this server is read-only: start it with --allow-saved-edits to change saved queries"
                .into(),
        ));
    }
    let given = form.get("token").map(String::as_bytes).unwrap_or(b"");
    if !constant_time_eq(given, state.csrf_token.as_bytes()) {
        return Err(ServeError::Forbidden(
            "the form's token is missing or stale: reload the page and try again".into(),
        ));
    }
    Ok(())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `POST /saved/add` (name, q, and the search's filters).
pub async fn saved_add(
    State(state): State<Arc<AppState>>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    respond(
        async {
            check_edit(&state, &form)?;
            let field = |k: &str| {
                form.get(k)
                    .map(|v| v.trim().to_string())
                    .unwrap_or_default()
            };
            let (name, q) = (field("name"), field("q"));
            if q.is_empty() {
                return Err(ServeError::BadRequest("the query is empty".into()));
            }
            if q.len() > params::MAX_QUERY_BYTES {
                return Err(ServeError::BadRequest("the query is too long".into()));
            }
            let mut options = crate::cli::SearchOptions::default();
            let some = |v: String| (!v.is_empty()).then_some(v);
            options.since = some(field("since"));
            options.until = some(field("until"));
            for (key, values) in [
                ("person", &mut options.person),
                ("org", &mut options.org),
                ("place", &mut options.place),
                ("source", &mut options.source),
            ] {
                values.extend(some(field(key)));
            }
            let state2 = state.clone();
            run_blocking(move || {
                let store = crate::saved::Store::new(crate::saved::file_for(&state2.index.path));
                crate::saved::record::add(&state2.index.path, &store, &name, q, options, false)
                    .map_err(|e| match e.downcast::<crate::Error>() {
                        Ok(e) => ServeError::from(e),
                        Err(e) => ServeError::BadRequest(format!("{e:#}")),
                    })
            })
            .await?;
            Ok(Redirect::to("/saved").into_response())
        }
        .await,
    )
}

/// `POST /saved/remove` (name).
pub async fn saved_remove(
    State(state): State<Arc<AppState>>,
    Form(form): Form<HashMap<String, String>>,
) -> Response {
    respond(
        async {
            check_edit(&state, &form)?;
            let name = form.get("name").cloned().unwrap_or_default();
            let state2 = state.clone();
            run_blocking(move || {
                let store = crate::saved::Store::new(crate::saved::file_for(&state2.index.path));
                store.update(|queries| -> Result<(), crate::saved::SavedError> {
                    if queries.remove(&name).is_none() {
                        return Err(crate::saved::unknown(&name, queries));
                    }
                    Ok(())
                })?;
                Ok(())
            })
            .await?;
            Ok(Redirect::to("/saved").into_response())
        }
        .await,
    )
}
