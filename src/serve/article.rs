//! The article page: the whole text with every name marked by its type and linked to
//! its entity page, who said what, and the story's other copies.

use maud::{html, Markup};

use super::pages::{article_url, entity_links, entity_url, marked};
use super::{AppState, ServeError};
use crate::article::RawArticle;
use crate::attribution::Attribution;
use crate::extract::entities::Mention;
use crate::index::document::StoredArticle;
use crate::stories::members::Difference;

/// What the article page shows.
pub struct ArticlePage {
    pub article: StoredArticle,
    /// Names in the body, in text order, each one the index holds for this article.
    pub mentions: Vec<Mention>,
    pub attributions: Vec<Attribution>,
    /// The story's other copies and how each differs from this one.
    pub copies: Vec<(StoredArticle, Difference)>,
}

/// Reads article `id` and finds its mentions again with the index's alias table and
/// curation (the index stores names, not where they are in the text).
pub fn read(state: &AppState, id: &str) -> Result<ArticlePage, ServeError> {
    let article = crate::search::find_by_id(&state.index, id)?;
    let tagger = crate::extract::ner::Tagger::embedded().ok();
    let enricher = crate::extract::Enricher {
        aliases: &state.aliases,
        tagger,
        curation: &state.curation,
        dates: &crate::extract::user_dates::UserDates::default(),
    };
    let raw = RawArticle {
        record: 0,
        title: article.title.clone(),
        body: article.body.clone(),
        date_text: None,
        source: None,
        url: None,
        entities: Default::default(),
        metadata: Vec::new(),
    };
    let (enriched, mentions) = enricher.enrich_with_mentions(&article.path, raw);
    // Only names the index holds for the article: every mark leads to a page that
    // lists this article.
    let mentions = mentions
        .into_iter()
        .filter(|m| m.field == "body" && article.entities.of(m.kind).contains(&m.canonical))
        .collect();
    let copies = match article.story.as_deref().and_then(crate::stories::label_of) {
        Some(label) => crate::stories::members::members(&state.index, label)?
            .into_iter()
            .filter(|m| m.id != article.id)
            .map(|m| {
                let d = crate::stories::members::difference(&article.body, &m.body);
                (m, d)
            })
            .collect(),
        None => Vec::new(),
    };
    Ok(ArticlePage {
        mentions,
        attributions: enriched.attributions,
        copies,
        article,
    })
}

/// The page's content.
pub fn render(page: &ArticlePage) -> Markup {
    let a = &page.article;
    html! {
        article {
            p.meta {
                span #article-date { (a.date.as_deref().unwrap_or("undated")) }
                @if let Some(time) = &a.time {
                    span { (time) " " (a.time_zone.as_deref().unwrap_or("")) }
                }
                @if let Some(source) = &a.source { span #article-source { (source) } }
                span #article-id { (a.id) }
                @if let Some(url) = &a.url {
                    // Only web links are links: a `javascript:` URL stays text.
                    @if is_web_url(url) {
                        a #article-url href=(url) rel="noopener noreferrer nofollow" { "original" }
                    } @else {
                        span #article-url { (url) }
                    }
                }
            }
            h1 #article-title { (a.title) }
            div.legend {
                span.person { "person" } span.org { "organization" } span.place { "place" }
            }
            div #article-body { (body_with_marks(&a.body, &page.mentions)) }
            section #names { h2 { "Names in this article" } (entity_links(a, usize::MAX)) }
            @if !page.attributions.is_empty() {
                section #quotes {
                    h2 { "Who said what" }
                    ul.quotes {
                        @for attribution in &page.attributions {
                            @let line = attribution.one_line(&a.title, &a.body);
                            li { (marked(&line.text, &line.highlights)) }
                        }
                    }
                }
            }
            @if !page.copies.is_empty() {
                section #copies {
                    h2 { "Copies of this story (" (page.copies.len()) ")" }
                    ul {
                        @for (copy, d) in &page.copies {
                            li {
                                a href=(article_url(&copy.id)) { (copy.title) }
                                " · " (copy.date.as_deref().unwrap_or("undated"))
                                @if let Some(s) = &copy.source { " · " (s) }
                                " · " span.count { "+" (d.added) " / −" (d.removed) " paragraphs, " (d.same) " the same" }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// The body with each mention marked (character offsets; overlapping mentions keep
/// the first).
fn body_with_marks(body: &str, mentions: &[Mention]) -> Markup {
    let byte_of: Vec<usize> = body
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(body.len()))
        .collect();
    let mut sorted: Vec<&Mention> = mentions.iter().collect();
    sorted.sort_by_key(|m| (m.start, m.end));
    let mut pieces: Vec<(&str, Option<&Mention>)> = Vec::new();
    let mut at = 0;
    for m in sorted {
        let (Some(&start), Some(&end)) = (byte_of.get(m.start), byte_of.get(m.end)) else {
            continue;
        };
        if start < at || end <= start {
            continue;
        }
        pieces.push((&body[at..start], None));
        pieces.push((&body[start..end], Some(m)));
        at = end;
    }
    pieces.push((&body[at..], None));
    html! {
        @for (text, mention) in pieces {
            @match mention {
                Some(m) => {
                    mark.entity.(m.kind.as_str()) data-canonical=(m.canonical) title=(format!("{} ({})", m.canonical, m.kind.as_str())) {
                        a href=(entity_url(m.kind.as_str(), &m.canonical)) { (text) }
                    }
                }
                None => { (text) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_web_url;

    #[test]
    fn only_web_urls_become_links() {
        assert!(is_web_url("https://apnews.com/x"));
        assert!(is_web_url("HTTP://example.org"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url(" JavaScript:alert(1)"));
        assert!(!is_web_url("data:text/html,<script>"));
    }
}
